"""Parse normalised paragraphs with the Lark grammars in ``linter.grammar``."""
from __future__ import annotations

import contextlib
import functools
import threading

from collections import namedtuple
from decimal import Decimal

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedInput
from lark.parsers.lalr_analysis import Shift

from .arith import parse_number
from .facts import TEXT_ITEMS, TextItem

#: A token of the inline grammar: Lark's own :class:`lark.Token` has the same four
#: attributes, so code reading either gets ``type``, ``value``, ``start_pos``, ``end_pos``.
Tok = namedtuple("Tok", "type value start_pos end_pos")


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

    KINDS = frozenset(("amount", "percent", "score", "count", "year", "month", "date", "number",
                       "marker", "docno", "keyword"))

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
    built and walked a second time. :func:`parse_text` runs this parser's tables
    with :class:`_Driver` and uses the parser itself only where the driver hands over.
    """
    return build_parser("inline.lark", maybe_placeholders=False, transformer=_ToItems())


class _Fallback(Exception):
    """The fast driver met something it does not handle; Lark's own parser decides."""


class _Driver:
    """Lark's LALR tables and contextual-lexer scanners for ``inline.lark``, run by a loop
    specialised to this grammar's flat shape.

    The grammar is one repetition of one-token and few-token items, so Lark's general
    machinery (a ``Token`` with line and column for every character run, an intermediate
    tree for every step of ``_item*`` that the transformer then splices away) costs
    three quarters of the parse. This loop reads the same parse table and the same
    per-state regular expressions that Lark built and analysed from the grammar, and
    produces the same list of :class:`RawItem` the transformer does, with a :data:`Tok`
    per token. Whatever it does not expect (no terminal matching in a state, an
    action missing from the table, a rule shape it does not know) raises
    :class:`_Fallback`, and :func:`parse_text` hands the text to Lark's parser, which
    then decides exactly as before — including the position of the error.
    ``tests/test_grammar.py`` checks the two agree on generated and real text.
    """

    def __init__(self, lark: Lark, kinds: frozenset[str]):
        frontend = lark.parser
        table = frontend.parser.parser.parse_table
        self.start = table.start_states["start"]
        self.end = table.end_states["start"]
        self.scanners: dict[int, tuple] = {}
        for state, lexer in frontend.lexer.lexers.items():
            if lexer.ignore_types or getattr(lexer, "callback", None):
                raise ValueError("the fast driver handles no ignored terminals and no lexer callbacks")
            self.scanners[state] = tuple(lexer.scanner._mres)
        # per state: terminal or rule name -> (new state, None) for a shift,
        # (None, (size, origin, kind)) for a reduction
        self.actions: dict[int, dict[str, tuple]] = {}
        for state, acts in table.states.items():
            out = {}
            for sym, (action, arg) in acts.items():
                sym = str(sym)  # Lark's names are Tokens, slower to hash and compare
                if action is Shift:
                    out[sym] = (arg, None)
                    continue
                origin = str(arg.origin.name)
                if origin.startswith("_"):
                    kind = None  # inlined: its children are spliced into its parent
                elif origin == "start" or origin in kinds:
                    kind = origin
                else:
                    raise ValueError(f"the fast driver does not know rule {origin!r}")
                out[sym] = (None, (len(arg.expansion), origin, kind))
            self.actions[state] = out
        self.appends = self._appends()

    def _appends(self) -> dict[int, dict[str, type[TextItem]]]:
        """State → the terminals that, read there, only add one item to the repetition
        (each with the class of its text item).

        Where the parser stands after some items (``start: _item*``), a TEXT, SP or PUNCT
        is shifted, reduced to ``_item`` and added to the repetition, and the parser is
        back in the same state with the same lexer: the table says so, and this checks
        it says so, so the loop may append the item at once. A terminal qualifies when
        (1) it shifts to a state whose every action reduces an inlined one-symbol rule,
        (2) that rule's goto reaches a state whose every action reduces an inlined
        two-symbol rule (the repetition growing), (3) every goto on that repetition
        leads back to the state we started in, and no terminal shifts there, and (4)
        the contextual lexer reads the next token with the same regular expressions in
        all three states.
        """
        actions = self.actions

        def only_reduction(state):
            reds = {a[1] for a in actions[state].values()}
            if len(reds) == 1 and None not in reds:
                return reds.pop()
            return None

        def lexes(state):
            return [m.pattern for m in self.scanners[state]]

        out: dict[int, frozenset[str]] = {}
        for state, acts in actions.items():
            fast = set()
            for sym, (shift, reduce) in acts.items():
                if reduce is not None or not sym.isupper():
                    continue
                one = only_reduction(shift)
                if one is None or one[0] != 1 or one[2] is not None:
                    continue
                goto = acts.get(one[1])
                if goto is None or goto[1] is not None:
                    continue
                grow = only_reduction(goto[0])
                if grow is None or grow[0] != 2 or grow[2] is not None:
                    continue
                back = [a[0] for acts2 in actions.values() for k, a in acts2.items() if k == grow[1]]
                entered = [a[0] for acts2 in actions.values() for k, a in acts2.items()
                           if a[1] is None and (k.isupper() or k == "$END")]
                if not back or any(b != state for b in back) or state in entered:
                    continue
                if not (lexes(state) == lexes(shift) == lexes(goto[0])):
                    continue
                fast.add(sym)
            if fast:
                out[state] = {typ: TEXT_ITEMS[typ] for typ in sorted(fast)}
        return out

    def parse(self, text: str, shared: tuple[dict, ...] | None = None) -> list[RawItem | TextItem]:
        """The raw items of ``text``. ``shared`` (see :func:`shared_items`) holds the token
        texts and the text items of the paragraphs parsed before, in two dicts (its first two): a text equal
        to one there is that string, a text item equal to one there (the same words at the
        same index) that item. Text items of different kinds never equal each other (TEXT,
        SP and PUNCT match disjoint characters), so one dict serves the three classes."""
        scanners, actions, end_state, appends = self.scanners, self.actions, self.end, self.appends
        no_appends: frozenset = frozenset()
        new_tuple = tuple.__new__  # Tok(...), TextItem(...) without their Python-level __new__
        words, items = shared[:2] if shared is not None else ({}, {})
        values_seen, share = words.setdefault, items.setdefault
        text_items = TEXT_ITEMS
        states = [self.start]
        values: list = []
        pos, n = 0, len(text)
        while True:
            at_end = pos >= n
            if not at_end:
                state = states[-1]
                scanner = scanners[state]
                fast = appends.get(state)
                if fast is not None and len(scanner) == 1:
                    # A run of words, spaces and marks: each is shifted, reduced to _item
                    # and added to the repetition (see _appends), and the next token is
                    # read in this same state with the same expression. The item is the
                    # TextItem that extraction keeps as it is.
                    mre = scanner[0]
                    top = None
                    while True:
                        m = mre.match(text, pos)
                        if m is None:
                            raise _Fallback
                        typ = m.lastgroup
                        word = m.group()
                        word = values_seen(word, word)
                        cls = fast.get(typ)  # (the item's class: one look-up for both)
                        if cls is None:
                            break
                        if top is None:
                            top = values[-1]
                            if type(top) is not list:
                                top = values[-1] = [top]
                        item = new_tuple(cls, (word, pos))
                        top.append(share(item, item))
                        pos += len(word)
                        if pos >= n:
                            break
                    if cls is not None:
                        continue  # the text ends with the run
                else:
                    for mre in scanner:
                        m = mre.match(text, pos)
                        if m:
                            break
                    else:
                        raise _Fallback
                    typ = m.lastgroup
                    word = m.group()
                    word = values_seen(word, word)
                end = m.end()
                tok = new_tuple(Tok, (typ, word, pos, end))
                pos = end
            else:
                typ, tok = "$END", None
            while True:
                state = states[-1]
                if tok is not None and typ in appends.get(state, no_appends):
                    # the same, once reductions have brought the parser back there
                    item = new_tuple(text_items[typ], (tok[1], tok[2]))
                    item = share(item, item)
                    top = values[-1]
                    if type(top) is list:
                        top.append(item)
                    else:
                        values[-1] = [top, item]
                    break
                act = actions[state].get(typ)
                if act is None:
                    raise _Fallback
                shift, reduce = act
                if reduce is None:
                    states.append(shift)
                    values.append(tok)
                    break
                size, origin, kind = reduce
                if size == 1:  # most reductions: one token or item, passed up or typed
                    del states[-1]
                    c = values.pop()
                    if kind is None:
                        value = RawItem((c.type, (c,))) if type(c) is Tok else c
                    elif kind == "start":
                        value = c if type(c) is list else [RawItem((c.type, (c,))) if type(c) is Tok else c]
                    else:
                        value = RawItem((kind, (c,)))
                elif size == 2 and kind is None and type(values[-2]) is list and type(values[-1]) is not list:
                    # the repetition growing by one item: append to the list it has built
                    del states[-2:]
                    c = values.pop()
                    value = values.pop()
                    value.append(RawItem((c.type, (c,))) if type(c) is Tok else c)
                elif size:
                    children = values[-size:]
                    del states[-size:]
                    del values[-size:]
                    value = self._reduce(children, kind)
                else:
                    value = self._reduce([], kind)
                goto = actions[states[-1]].get(origin)
                if goto is None or goto[1] is not None:
                    raise _Fallback
                states.append(goto[0])
                values.append(value)
                if at_end and states[-1] == end_state:
                    return value

    @staticmethod
    def _reduce(children: list, kind: str | None):
        if kind is not None and kind != "start":
            return RawItem((kind, tuple(children)))
        # inlined or the start: splice, reusing the list the repetition has built so far
        if children and type(children[0]) is list:
            value, rest = children[0], children[1:]
        else:
            value, rest = [], children
        for c in rest:
            if type(c) is list:
                value.extend(c)
            elif type(c) is Tok:
                value.append(RawItem((c.type, (c,))))
            else:
                value.append(c)
        return value


@functools.cache
def _driver() -> _Driver | None:
    try:
        return _Driver(inline_parser(), _ToItems.KINDS)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None  # another Lark inside: its own parser does all the work


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


# The text items made while :func:`shared_items` is open in this thread (see there).
_shared = threading.local()


@contextlib.contextmanager
def shared_items():
    """While open, :func:`parse_text` gives every paragraph the strings and text items
    the paragraphs before already have, instead of new equal ones: one string for each
    distinct token text (the same words and punctuation recur all through a report, and
    every token's text is kept in the paragraph's items), and the text item an earlier
    paragraph has for the same words at the same index (``("，", 12)``, ``("的", 5)``).
    Both are immutable values, so nothing can tell, and a report's text items (most of its
    items, 64 bytes each) are a third fewer: the same punctuation recurs at the same places
    of short paragraphs, cells and list items. The document opens it while it extracts its
    facts; the index goes when it closes (what it found lives on in the facts), so it
    takes no memory while the rules run nor from one report to the next."""
    saved = getattr(_shared, "items", None)
    _shared.items = ({}, {}, {})
    try:
        yield
    finally:
        _shared.items = saved


def shared_text(text: str) -> str:
    """``text``, or while :func:`shared_items` is open the equal string a token or fact
    of the document already has: the units, year suffixes and titles a report repeats
    (a unit read off ``" 万元"`` is a new string each time) are one string each."""
    shared = getattr(_shared, "items", None)
    return text if shared is None else shared[0].setdefault(text, text)


def number_value(text: str) -> Decimal:
    """``parse_number(text)``; while :func:`shared_items` is open, one :class:`Decimal`
    for every number written alike (Decimals are immutable values: a report's figures
    repeat — 100, 2023, 95 — and each is 104 bytes)."""
    shared = getattr(_shared, "items", None)
    if shared is None:
        return parse_number(text)
    numbers = shared[2]
    value = numbers.get(text)
    if value is None:
        value = numbers[text] = parse_number(text)
    return value


def parse_text(text: str) -> tuple[list[RawItem | TextItem], list[tuple[int, str]]]:
    """Parse ``text`` into raw items: a :class:`RawItem` per typed item, and for plain
    text, spaces and punctuation a :class:`RawItem` or the :class:`TextItem` the fast
    driver makes (both have ``kind``, ``start``, ``end`` and ``tokens``). A stretch the
    grammar cannot take is reported as ``(index, character)`` and parsing goes on after
    it, with Lark's own parser."""
    parser = inline_parser()
    driver = _driver()
    if driver is not None:
        try:
            return driver.parse(text, getattr(_shared, "items", None)), []
        except _Fallback:
            pass
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


def _moved(tok: Token | Tok, offset: int) -> Tok:
    return Tok(tok.type, tok.value, tok.start_pos + offset, tok.end_pos + offset)
