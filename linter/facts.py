"""Facts: immutable values extracted from the parsed paragraphs.

Every fact carries the :class:`~linter.source.Span` of the tokens it came from
and ``para``, the index of its paragraph. Numbers are :class:`~decimal.Decimal`
with ``precision``, the number of decimals as written.
"""
from __future__ import annotations

import functools
from decimal import Decimal
from typing import NamedTuple

import attrs

from .source import Span

# Immutable, with slots, and without the slot for weak references attrs adds by default:
# nothing refers to a fact weakly, and a report holds thousands of facts.
frozen = functools.partial(attrs.frozen, weakref_slot=False)


@frozen
class Quantity:
    """A number with its unit: an amount (元/万元/亿元), a percentage, a score (分),
    a count with a measure word (人, 件, 次…), or a bare number (unit ``""``)."""

    kind: str  # amount | percent | score | count | number
    value: Decimal
    unit: str
    precision: int
    span: Span  # the number and its unit
    number_span: Span  # the digits only
    para: int
    item: int  # index among the paragraph's items
    sentence: int  # sentence index within the paragraph (split at 。；!?)
    clause: int  # clause index within the paragraph (split at ，。；:)
    depth: int = 0  # parenthesis depth
    raw_label: str = ""  # the words just before the number, as written (normalised)
    label: str = ""  # the label normalised against the vocabulary ("" when unknown)
    label_span: Span | None = None
    negative: bool = False


@frozen
class YearRef:
    year: int
    span: Span
    para: int
    item: int
    suffix: str  # 年 | 年度


@frozen
class DateRef:
    year: int | None
    month: int
    day: int | None
    span: Span
    para: int
    item: int


@frozen
class DocRef:
    """A document number such as 湛开财〔2024〕319 号."""

    issuer: str
    year: int
    number: int | None
    open_bracket: str
    close_bracket: str
    span: Span  # the whole reference, issuer included
    para: int
    item: int
    title: str = ""  # the 《…》 title just before it, when there is one
    title_span: Span | None = None


@frozen
class Marker:
    """A heading or list marker: 一、 (一) 1. 1、 (1) ① 一是 第一."""

    style: str  # cn-dun | paren-cn | paren-ar | ar-dot | ar-dun | circled | cn-shi | di
    ordinal: int
    text: str
    span: Span
    para: int
    item: int
    at_start: bool  # at the start of its paragraph
    after_stop: bool  # at the start, or right after 。；: (a list item inside a paragraph)
    title: str = ""  # the text after the marker up to the end of its sentence


@frozen
class Keyword:
    word: str
    span: Span
    para: int
    item: int
    sentence: int
    depth: int


@frozen
class Breakdown:
    """A total and its parts: ``总额 X，其中：A a，B b`` or ``a、b，合计 X``."""

    total: Quantity
    parts: tuple[Quantity, ...]
    keyword: Keyword
    exhaustive: bool
    para: int
    # Other readings of the same words, each as plausible as the first; a rule that
    # finds the first reading inconsistent should stay silent if one of these holds.
    # ``totals``: other figures the parts may add up to (a list that opens its own
    # sentence, ``…2263万元。其中：…``, may break down any figure of the sentence
    # before it, not only the last). ``more``: figures of the same kind in the later
    # ；-clauses of the sentence, which may continue the list (``其中甲项目A a，B b；
    # 乙项目A c，B d。``), with ``more_exhaustive`` for the list read to the end.
    totals: tuple[Quantity, ...] = ()
    # figures whose sum the parts may add up to instead (中央资金30万元，省级资金20万元。
    # 其中：用于道路40万元，用于桥梁10万元 breaks down 30 + 20)
    summed: tuple[Quantity, ...] = ()
    # a percentage between the total and 其中 (下达资金100万元，执行率95%，其中：…): the
    # parts may be that share of the total
    rates: tuple[Quantity, ...] = ()
    more: tuple[Quantity, ...] = ()
    more_exhaustive: bool = False
    # when every ；-clause of the list holds the same number (two or more) of figures,
    # the k-th figure of each clause, a column: ``其中：中央资金300万元，支出300万元；
    # 省级资金150万元，支出145.8万元`` lists 资金 and 支出 by source
    columns: tuple[tuple[Quantity, ...], ...] = ()
    # a part has the unit but no number (masked or left blank: ``抚育补助 ** 万元``):
    # the written parts are not the whole list, and no sum can be checked
    gaps: bool = False


class TextItem(NamedTuple):
    """Plain text between the typed items; its subclasses :class:`SpaceItem` and
    :class:`PunctItem` are spaces and punctuation (``kind`` TEXT, SP or PUNCT).

    Most of a paragraph's items are these, so they are the lightest immutable value
    Python has: a named tuple of two fields, made and read in C, whose kind is its
    class (a third field and the integer of a fourth cost a tenth of the memory a
    report takes while it is checked). The parser makes most of them itself
    (:mod:`linter.parsing`): one is then also the raw item of its one token, and that
    token (``tokens``, ``type``, ``value``, ``start_pos``, ``end_pos``).
    """

    text: str
    start: int  # index into the paragraph text

    kind = "TEXT"

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def tokens(self) -> tuple["TextItem"]:
        return (self,)

    @property
    def type(self) -> str:
        return self.kind

    @property
    def value(self) -> str:
        return self.text

    @property
    def start_pos(self) -> int:
        return self.start

    @property
    def end_pos(self) -> int:
        return self.start + len(self.text)


class SpaceItem(TextItem):
    """Spaces or tabs."""

    __slots__ = ()
    kind = "SP"


class PunctItem(TextItem):
    """One punctuation mark."""

    __slots__ = ()
    kind = "PUNCT"


# the class of a text item of each kind
TEXT_ITEMS: dict[str, type[TextItem]] = {"TEXT": TextItem, "SP": SpaceItem, "PUNCT": PunctItem}


@frozen
class ParseProblem:
    span: Span
    para: int
    message_zh: str
    message_en: str
