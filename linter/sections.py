"""Decimal section numbers: the outline a report numbers 1.1 / 1.1.1 (or 2.3, 3.6.2).

The grammar reads ``1.2部门支出`` as the decimal 1.2 followed by words, and ``1.1.2`` as a
decimal and two digits it cannot place, so these headings are no markers of the outline
(:mod:`linter.structure`). :func:`sections` reads them from the paragraphs' starts and checks
each level's numbers the way the outline checks a list: the number after ``1.2`` under the
same parent is ``1.3`` — the same number again is a duplicate, a later one a gap, an earlier
one (other than 1) a step back.

Which numbers count
    A paragraph that opens with two to four numbers joined by points, each 1 to 99 without a
    leading 0 (``1.1``, ``3.6.2``; not ``1.05``, not a date ``2023.4.28``), then at most a
    、 or a point and a Chinese character that no unit taking decimals opens (``1.2万元``,
    ``3.5平方米``, ``2.5倍``, ``1.5年`` are figures; ``1.2年度目标`` is a heading), and no list number
    run into a count (``2.150个``) — in the body or a table of contents, never in a table cell
    or a row with ``|``. (The grammar's own reading cannot tell: it takes ``1.2部门`` for a
    count of 部 and ``1.3人员`` for one of 人.)

Groups
    The numbers of one scope of :func:`linter.structure.scopes` (the body, an appendix, a
    table of contents) are read in order; entries that end with a page number (``1.1部门概况
    12``) are a group of their own, apart from the headings. A first number lower than the
    group's highest so far (``1.1`` after ``3.6``), or a number 1 again at a level already
    numbered, starts the group afresh (the body after a table of contents nobody marked, a part
    numbered again): no problem. A group with fewer than three numbers is not checked.

What is not reported
    A level whose first number is not 1 (its 1 may be run into the line before), a jump of
    more than three, and a gap whose missing number is written anywhere between the two (a
    heading the reader ran into the text before it, or that the grammar read as a figure); a
    number written twice with the same title (a heading repeated, not renumbered).
"""
from __future__ import annotations

import re

import attrs

from .source import Span
from .structure import scopes

# a section number at a paragraph's start: 1.1 … 1.1.1.1, then at most a 、 or a point, then words
_NUMBER = re.compile(r"\s*((?:[1-9]\d?)(?:\.[1-9]\d?){1,3})(?![\d.])[ \t]*[、.]?[ \t]*(?=[\u4e00-\u9fff])")
# a unit or measure that takes decimals (1.2万元, 3.5平方米, 2.5倍, 0.5天, 1.5年): a figure, no section
_FIGURE_AFTER = re.compile(
    r"[ \t]*(?:[万亿千百]|元|倍|亩|吨|公里|公顷|公斤|千米|平方|立方|米|小时|天|周|岁|斤|克|升|度|成|折|秒"
    r"|个?百分点|年(?!度)|月(?!度)|日|分(?![析配类项布工解期管])|%|‰)"
)
# a list number run into a count (2.150个农家书屋: item 2, 150 个): no section either
_RUN_IN = re.compile(r"[ \t]*\d{1,2}\.\d{2,}[ \t]*(?:个|家|户|人|所|座|处|项|场|次|册|台|辆|名|件|份|篇|期|批|村)")
# an entry of a table of contents: a page number (after a space or a leader) ends it
_PAGE = re.compile(r"(?:\s|[.·…．_]{2,})\d{1,4}\s*$")
_JUMP = 3  # a gap of more than this many numbers is no slip of one heading
_GROUP_MIN = 3  # numbers in a group, at least, for it to be checked


@attrs.frozen
class Section:
    """A decimal section number opening a paragraph."""

    numbers: tuple[int, ...]
    span: Span  # the number as written
    para: int
    title: str
    problem: str | None = None  # duplicate | gap | backwards
    prev: int | None = None  # index (in the list sections() returns) of the number before it at its level
    prev_span: Span | None = None  # that number's span
    expected: int = 0  # the last number the level expected


def text_of(numbers: tuple[int, ...]) -> str:
    return ".".join(map(str, numbers))


def sections(doc) -> list[Section]:
    """The decimal section numbers of ``doc``, in order, with their problems (computed once)."""
    found = doc.memo.get("sections")
    if found is None:
        found = doc.memo["sections"] = _read(doc)
    return found


def _read(doc) -> list[Section]:
    paras = doc.paragraphs
    scope_of, kind_of = scopes(doc)
    groups: dict[tuple[int, bool], list[Section]] = {}
    for para in paras:
        text = para.text
        if para.kind == "cell" or "|" in text or not text[:1].isdigit() and not text[:1].isspace():
            continue
        m = _NUMBER.match(text)
        if m is None:
            continue
        i = para.index
        if kind_of.get(scope_of[i]) not in ("body", "toc"):
            continue
        if _FIGURE_AFTER.match(text, m.end(1)) or _RUN_IN.match(text):
            continue
        span = para.span(m.start(1), m.end(1))
        numbers = tuple(int(x) for x in m.group(1).split("."))
        toc = kind_of.get(scope_of[i]) == "toc" or _PAGE.search(text) is not None
        title = text[m.end():].strip()
        groups.setdefault((scope_of[i], toc), []).append(Section(numbers, span, i, title))
    out: list[Section] = []
    for group in groups.values():
        if len(group) >= _GROUP_MIN:
            out.extend(_check(doc, group))
        else:
            out.extend(group)
    out.sort(key=lambda s: s.span.start)
    index = {s.span: k for k, s in enumerate(out)}
    return [attrs.evolve(s, prev=index[s.prev_span]) if s.prev_span is not None else s for s in out]


def _check(doc, group: list[Section]) -> list[Section]:
    """``group`` with each number's problem and the span of the number before it at its level."""
    last: dict[tuple[int, ...], Section] = {}
    top = 0
    out = []
    for s in group:
        nums = s.numbers
        if nums[0] < top:
            last.clear()  # numbered from the start again
        top = nums[0] if not last else max(top, nums[0])
        parent, n = nums[:-1], nums[-1]
        before = last.get(parent)
        if before is not None:
            pn = before.numbers[-1]
            problem = None
            if n == 1 and pn >= 1:
                last.clear()  # a level numbered from 1 again: a new run, not checked against the old
                top = nums[0]
            elif n == pn:
                problem = None if s.title == before.title else "duplicate"
            elif pn + 1 < n <= pn + _JUMP:
                if not _written_between(doc, before, s, parent, pn + 1, n):
                    problem = "gap"
            elif 1 < n < pn:
                problem = "backwards"
            if problem is not None:
                s = attrs.evolve(s, problem=problem, prev_span=before.span, expected=pn + 1)
        out.append(s)
        last[parent] = s
    return out


def _written_between(doc, a: Section, b: Section, parent: tuple[int, ...], lo: int, hi: int) -> bool:
    """Whether a number from ``parent.lo`` to ``parent.(hi-1)`` is written anywhere between
    sections ``a`` and ``b`` (not followed by another digit or point)."""
    between = doc.text[a.span.end:b.span.start]
    head = "".join(rf"{k}\s*\.\s*" for k in parent)
    missing = "|".join(str(k) for k in range(lo, hi))
    return re.search(rf"(?<![\d.]){head}(?:{missing})(?![\d.])", between) is not None
