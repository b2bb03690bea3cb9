"""Parse normalised paragraphs with the Lark grammars in ``linter.grammar``."""
from __future__ import annotations

import functools

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedInput




class RawItem(tuple):
    """``(kind, tokens)``: a typed item of the inline grammar, tokens in order."""

    __slots__ = ()

    @property
    def kind(self) -> str:
        return self[0]

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self[1]

    @property
    def start(self) -> int:
        return self[1][0].start_pos

    @property
    def end(self) -> int:
        return self[1][-1].end_pos


class _ToItems(Transformer):
    """Turn the flat parse tree into ``RawItem`` values, keeping every token."""

    # Named so as not to clash with the grammar's inlined rule ``_item``: the
    # tree-less parser looks a callback up by rule name.
    def _typed(kind):  # noqa: N805 - a small factory of methods
        def method(self, children):
            return RawItem((kind, tuple(children)))

        return method

    amount = _typed("amount")
    percent = _typed("percent")
    score = _typed("score")
    count = _typed("count")
    year = _typed("year")
    month = _typed("month")
    date = _typed("date")
    number = _typed("number")
    marker = _typed("marker")
    docno = _typed("docno")
    keyword = _typed("keyword")

    def start(self, children):
        out = []
        for c in children:
            if isinstance(c, Token):
                out.append(RawItem((c.type, (c,))))
            else:
                out.append(c)
        return out


@functools.cache
def inline_parser() -> Lark:
    """The paragraph grammar, built once per process (LALR, contextual lexer).

    The transformer is applied while parsing (Lark's tree-less LALR mode), so
    ``parse`` returns the list of :class:`RawItem` directly: no parse tree is
    built and walked a second time, which halves the cost of this stage.
    """
    return build_parser("inline.lark", maybe_placeholders=False, transformer=_ToItems())


def build_parser(grammar: str, **options) -> Lark:
    """Build an LALR parser with the contextual lexer from ``linter.grammar/<grammar>``.

    When ``interegular`` is installed (it is a test dependency), Lark checks every
    pair of terminals for overlaps each time a grammar is built and only logs what
    it finds; that takes 1.8 s for ``inline.lark`` against 0.04 s for the build
    itself. The check belongs in the tests, which build the grammars with
    ``strict=True`` (where a collision is an error); here it is switched off.
    """
    import lark.lexer

    saved = lark.lexer.has_interegular
    lark.lexer.has_interegular = False
    try:
        return Lark.open_from_package("linter.grammar", grammar, parser="lalr", lexer="contextual", **options)
    finally:
        lark.lexer.has_interegular = saved


def parse_text(text: str) -> tuple[list[RawItem], list[tuple[int, str]]]:
    """Parse ``text`` into raw items. A stretch the grammar cannot take is
    reported as ``(index, character)`` and parsing goes on after it."""
    parser = inline_parser()
    items: list[RawItem] = []
    problems: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while pos < n:
        chunk = text[pos:]
        try:
            parsed = parser.parse(chunk)
        except UnexpectedInput as exc:
            bad = pos + max(0, min(exc.pos_in_stream or 0, len(chunk) - 1))
            if bad > pos:
                head, head_problems = parse_text(text[pos:bad])
                items.extend(_shift(head, pos))
                problems.extend((i + pos, c) for i, c in head_problems)
            problems.append((bad, text[bad]))
            pos = bad + 1
            continue
        items.extend(_shift(parsed, pos))
        break
    return items, problems


def _shift(items: list[RawItem], offset: int) -> list[RawItem]:
    if not offset:
        return items
    return [RawItem((it.kind, tuple(_moved(t, offset) for t in it.tokens))) for it in items]


def _moved(tok: Token, offset: int) -> Token:
    return Token(tok.type, tok.value, tok.start_pos + offset, end_pos=tok.end_pos + offset)
