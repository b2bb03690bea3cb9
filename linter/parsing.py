"""Parse normalised paragraphs with the Lark grammars in ``linter.grammar``."""
from __future__ import annotations

import contextlib
import functools
import re
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


class _FirstCharLexer:
    """The longest regular expression of the grammar, the one of the state where words,
    spaces and marks are read one after the other, split by the first character a token
    can start with.

    The expression is the state's terminals as alternatives, tried in order; at a place
    where only one of them can start with the character there, the expression's match is
    that terminal's own, and where that terminal is one character class (PUNCT), it is that
    character. :meth:`lex` reads a token so: a punctuation mark without any expression, a
    run of words with the expression of TEXT alone — not after ten alternatives that fail
    (the lexer's costliest step). The characters each terminal can start with are read off
    the terminal's parsed expression (``re._parser``), a superset where it does not know;
    a character two terminals may start with, or any expression this cannot read, is left
    to the whole expression.
    """

    def __init__(self, whole: re.Pattern, terminals: list[tuple[str, re.Pattern, object, bool]]):
        self.whole = whole
        self.terminals = terminals  # (name, own expression, can it start with c, one character)
        self.by_char: dict[str, tuple] = {}
        # what by_char holds for each character: one of these few tuples (a character's
        # entry is a slot of the dict, not a tuple of its own)
        self.ways = {name: (name, None, None) if one else (name, own, None) for name, own, _, one in terminals}
        self.ways[None] = (None, whole, None)

    @classmethod
    def of(cls, scanner, whole: re.Pattern) -> "_FirstCharLexer | None":
        try:
            terminals = [(str(t.name), t.pattern.to_regexp()) for t in scanner.terminals]
            flags = scanner.g_regex_flags
            if scanner.re_ is not re or "|".join(f"(?P<{n}>{r})" for n, r in terminals) != whole.pattern:
                return None
            out = []
            for name, regexp in terminals:
                starts, one = _first_chars(regexp, flags)
                out.append((name, re.compile(regexp, flags), starts, one))
            return cls(whole, out)
        except (_Unknown, AttributeError, ImportError, re.error):
            return None

    def lex(self, text: str, pos: int) -> tuple[str, str]:
        """The type and text of the token at ``pos`` (the whole expression's match)."""
        ch = text[pos]
        typ, own, _ = self.by_char.get(ch) or self.entry(ch)
        if own is None:
            return typ, ch
        m = own.match(text, pos)
        if m is None:
            raise _Fallback
        return typ or m.lastgroup, m.group()

    def entry(self, ch: str) -> tuple:
        """How a token starting with ``ch`` is read: ``(name, None, cls)`` the one character,
        ``(name, expression, cls)`` that terminal's expression, ``(None, expression, None)``
        the whole one; worked out once for each character. ``cls`` is the class of the text
        item the terminal makes (see :meth:`text_items`), or None."""
        got = self.by_char.get(ch)
        if got is None:
            can = [name for name, _, starts, _ in self.terminals if starts(ch)]
            got = self.by_char[ch] = self.ways[can[0] if len(can) == 1 else None]
        return got

    def text_items(self, classes: dict) -> None:
        """Give each terminal in ``classes`` its text item's class, the third element of
        what :meth:`entry` gives (None for the others), before any character is read."""
        assert not self.by_char
        for name, (_, own, _) in list(self.ways.items()):
            self.ways[name] = (name, own, classes.get(name))


class _Unknown(Exception):
    """An expression :func:`_first_chars` does not read."""


def _first_chars(regexp: str, flags: int):
    """``(starts, one)`` for an expression: ``starts(c)`` is False only where no match can
    start with the character ``c`` (lookarounds are passed over, so it may be True where
    none can), and ``one`` says the expression is one character class alone (it then
    matches exactly the characters ``starts`` is True for)."""
    from re import _constants as c
    from re import _parser

    tree = _parser.parse(regexp, flags)
    if tree.state.flags & (re.IGNORECASE | re.LOCALE):
        raise _Unknown
    categories = {}

    def class_test(items):
        """The test of one character against a character class (its items as parsed), read
        once: its literals in a set, its ranges and categories in lists (a report has some
        hundreds of distinct characters, each tried against every terminal)."""
        negate = False
        literals, ranges, tests = set(), [], []
        for op, av in items:
            if op is c.NEGATE:
                negate = True
            elif op is c.LITERAL:
                literals.add(chr(av))
            elif op is c.RANGE:
                ranges.append(av)
            elif op is c.CATEGORY:
                pattern = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
                           c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}.get(av)
                if pattern is None:
                    raise _Unknown
                if pattern not in categories:
                    categories[pattern] = re.compile(pattern, flags)
                tests.append(categories[pattern].fullmatch)
            else:
                raise _Unknown

        def in_class(ch: str) -> bool:
            hit = ch in literals
            if not hit and ranges:
                o = ord(ch)
                hit = any(lo <= o <= hi for lo, hi in ranges)
            if not hit and tests:
                hit = any(test(ch) is not None for test in tests)
            return hit != negate

        return in_class

    def first(seq) -> tuple[list, bool]:
        """The tests of the characters ``seq`` may start with, and whether it may match nothing."""
        tests = []
        for op, av in seq:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue  # (matches nothing: the next element starts the match)
            if op is c.LITERAL:
                tests.append(lambda ch, v=chr(av): ch == v)
                return tests, False
            if op is c.IN:
                tests.append(class_test(av))  # (a class this does not read fails here, not later)
                return tests, False
            if op in (c.NOT_LITERAL, c.ANY):
                tests.append(lambda ch: True)
                return tests, False
            if op is c.SUBPATTERN:
                if av[1] or av[2]:
                    raise _Unknown  # a group with flags of its own
                inner, empty = first(av[3])
            elif op is c.ATOMIC_GROUP:
                inner, empty = first(av)
            elif op is c.BRANCH:
                inner, empty = [], False
                for branch in av[1]:
                    t, e = first(branch)
                    inner += t
                    empty = empty or e
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                inner, empty = first(av[2])
                empty = empty or av[0] == 0
            else:
                raise _Unknown
            tests += inner
            if not empty:
                return tests, False
        return tests, True

    tests, empty = first(tree)
    if empty:
        return (lambda ch: True), False
    one = len(tree.data) == 1 and tree.data[0][0] is c.IN
    return (lambda ch: any(t(ch) for t in tests)), one


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
        self.terminals: dict[int, object] = {}  # each state's Lark scanner (its terminals, in order)
        for state, lexer in frontend.lexer.lexers.items():
            if lexer.ignore_types or getattr(lexer, "callback", None):
                raise ValueError("the fast driver handles no ignored terminals and no lexer callbacks")
            self.scanners[state] = tuple(lexer.scanner._mres)
            self.terminals[state] = lexer.scanner
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
        # the one state where runs of words are appended (home), and the walks of the items
        # read there and of the first item, read in the start state (see _walks)
        self.home: int | None = None
        if len(self.appends) == 1:
            (home,) = self.appends
            if len(self.scanners[home]) == 1 and len(self.scanners[self.start]) == 1:
                self.home = home
                self.home_scan = self.scanners[home][0]
                self.start_scan = self.scanners[self.start][0]
                self.home_lexer = _FirstCharLexer.of(self.terminals[home], self.home_scan)
                if self.home_lexer is not None:
                    # a character that can only start a word, spaces or a mark: its text
                    # item's class, read with the character (see _read)
                    self.home_lexer.text_items(self.appends[home])
                # (the start state reads the same terminals, as a rule: then it reads them so too)
                self.start_lexer = self.home_lexer if self.start_scan.pattern == self.home_scan.pattern else None
                self.walks = self._walks(home, self.start)
                self.first_walks = self._walks(home, self.start, first=True)
                # at the end of the text, in home on the start state: the list is the result
                self.ends_home = (self.actions[home].get("$END") == (None, (1, "start", "start"))
                                  and self.actions[self.start].get("start") == (self.end, None))

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

    def _walks(self, home: int, start: int, first: bool = False) -> dict[str, tuple]:
        """How each typed item read in ``home`` goes (``first``: each first item of a text,
        read in the start state), worked out once from the table.

        In ``home`` the parser has a list of items on its stack (on the start state). An
        item (``100 万元``, ``2023 年 4 月 28 日``, ``一、``) is its tokens shifted one by one,
        each lexed in the state the one before led to; the token after them (the lookahead)
        then reduces them to the item, the item to ``_item``, and that onto the list, which
        brings the parser back to ``home``. All of it depends only on the tokens' types, so
        it is simulated here on the table for every sequence of types, and :meth:`_read`
        follows the result instead of the stacks: a walk is ``(scanner, next, pushed, lexer)``,
        where ``scanner`` (or ``lexer``, see _FirstCharLexer) reads the next token, ``next`` maps its type to the walk that
        shifts it, or to the kind of the item the tokens so far make (the lookahead is then
        read in ``home``), and ``pushed`` holds the states the parser would have pushed. A
        type ``next`` lacks (an error, or a step this simulation does not know) hands over
        to the table with those states and tokens on the stacks: the parser then goes on
        exactly as it would have.
        """
        actions, scanners = self.actions, self.scanners
        below = object()  # the state under ``home``, whichever it is
        # gotos taken from ``below``: only symbols every state goes to ``home`` on (the list)
        to_home = {sym for acts in actions.values() for sym, a in acts.items() if a == (home, None)}
        back_home = {sym for sym in to_home
                     if all(a[0] == home for acts in actions.values() for k, a in acts.items() if k == sym)}
        the_list = object()
        base = ([start], []) if first else ([below, home], [the_list])

        def step(pushed: tuple, types: tuple, typ: str):
            """Where lookahead ``typ`` takes the parser with ``types`` shifted as ``pushed``:
            ``("shift", state)``, ``("item", kind)`` back in ``home``, or None."""
            stack = [*base[0], *pushed]
            values: list = [*base[1], *range(len(pushed))]  # token indices, or (kind, indices)
            item = None
            reduced = False
            while True:
                state = stack[-1]
                if state is below:
                    return None
                if len(stack) == 2 and state == home and stack[0] is base[0][0]:
                    if first and values and type(values[0]) is tuple:
                        item = values[0]  # the first item: the list is that item alone
                    if item is None or item[1] != tuple(range(len(pushed))):
                        return None
                    return ("item", item[0])
                act = actions[state].get(typ)
                if act is None:
                    return None
                shift, reduce = act
                if reduce is None:
                    return None if reduced else ("shift", shift)
                reduced = True
                size, origin, kind = reduce
                if not size or size >= len(stack):
                    return None
                children = values[-size:]
                del values[-size:], stack[-size:]
                if kind is None and size == 1:  # an inlined rule over one token or item
                    c = children[0]
                    value = (types[c], (c,)) if type(c) is int else c
                elif kind is None and size == 2 and children[0] is the_list and type(children[1]) is tuple:
                    value, item = the_list, children[1]  # the item added to the list
                elif kind is not None and kind != "start" and all(type(c) is int for c in children):
                    value = (kind, tuple(children))
                else:
                    return None
                under = stack[-1]
                if under is below:
                    if origin not in back_home:
                        return None
                    goto = home
                else:
                    got = actions[under].get(origin)
                    if got is None or got[1] is not None:
                        return None
                    goto = got[0]
                stack.append(goto)
                values.append(value)

        def walk(pushed: tuple, types: tuple):
            state = pushed[-1]
            if len(scanners.get(state, ())) != 1 or len(pushed) > 8:
                return None
            nxt: dict[str, object] = {}
            for typ in actions[state]:
                if not (typ.isupper() or typ == "$END"):
                    continue  # a rule's goto, not a token
                got = step(pushed, types, typ)
                if got is None:
                    continue
                if got[0] == "item":
                    nxt[typ] = got[1]
                elif typ != "$END":
                    deeper = walk(pushed + (got[1],), types + (typ,))
                    if deeper is not None:
                        nxt[typ] = deeper
            scan = scanners[state][0]
            # (a state that reads the terminals home reads, as most do, reads them as home does)
            lexer = self.home_lexer if scan.pattern == self.home_scan.pattern else None
            return (scan, nxt, pushed, lexer)

        fast = () if first else self.appends[home]
        out = {}
        for typ, (shift, reduce) in actions[start if first else home].items():
            if typ.isupper() and typ not in fast and reduce is None:
                got = walk((shift,), (typ,))
                if got is not None:
                    out[typ] = got
        return out

    def parse(self, text: str, shared: tuple[dict, ...] | None = None) -> list[RawItem | TextItem]:
        """The raw items of ``text``. ``shared`` (see :func:`shared_items`) holds the token
        texts and the text items of the paragraphs parsed before, in two dicts (its first two): a text equal
        to one there is that string, a text item equal to one there (the same words at the
        same index) that item. Text items of different kinds never equal each other (TEXT,
        SP and PUNCT match disjoint characters), so one dict serves the three classes."""
        scanners, actions, end_state, appends, home = self.scanners, self.actions, self.end, self.appends, self.home
        no_appends: frozenset = frozenset()
        new_tuple = tuple.__new__  # Tok(...), TextItem(...) without their Python-level __new__
        words, items = shared[:2] if shared is not None else ({}, {})
        values_seen, share = words.setdefault, items.setdefault
        text_items = TEXT_ITEMS
        states = [self.start]
        values: list = []
        pos, n = 0, len(text)
        while True:
            if pos >= n:
                typ, tok = "$END", None
            elif home is not None and (states[-1] == home or len(states) == 1):
                # words, spaces, marks and typed items, up to what the table has to decide
                pos, typ, tok = self._read(text, pos, states, values, values_seen, share)
                if tok is None and self.ends_home and len(states) == 2 and states[-1] == home:
                    return values[-1]  # (the list, as the table's last reduction would give it)
            else:
                for mre in scanners[states[-1]]:
                    m = mre.match(text, pos)
                    if m:
                        break
                else:
                    raise _Fallback
                typ = m.lastgroup
                word = m.group()
                end = m.end()
                tok = new_tuple(Tok, (typ, values_seen(word, word), pos, end))
                pos = end
            at_end = tok is None
            while True:
                state = states[-1]
                if tok is not None and typ in appends.get(state, no_appends):
                    # the same as in _read, once reductions have brought the parser back there
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

    def _read(self, text: str, pos: int, states: list, values: list, values_seen, share) -> tuple:
        """Read on from ``pos`` with the parser in ``home`` and the items so far on top of
        ``values`` (or in the start state, nothing read yet); return ``(pos, type, token)``
        for the token the table has to take next (``"$END"`` and None at the end of the
        text, the parser in ``home``), ``pos`` after it.

        A run of words, spaces and marks: each is shifted, reduced to _item and added to
        the list (see _appends), and the next token is read in this same state with the
        same expression; the item is the TextItem that extraction keeps as it is. A typed
        item, and the first item of the text: its tokens are read as the walk of its first
        token's type says (see _walks), and it is added to the list."""
        n = len(text)
        new_tuple = tuple.__new__
        lexer = self.home_lexer
        if len(states) == 1:  # the start: the first item, whatever it is, by its walk
            mre, fast, walks, top = self.start_scan, {}, self.first_walks, None
            by_char = self.start_lexer.by_char if self.start_lexer is not None else None
        else:
            mre, fast, walks = self.home_scan, self.appends[self.home], self.walks
            by_char = lexer.by_char if lexer is not None else None
            top = values[-1]
            if type(top) is not list:
                top = values[-1] = [top]
        in_home = top is not None
        while pos < n:
            if by_char is not None:
                # (see _FirstCharLexer: most tokens are read by their first character)
                ch = text[pos]
                typ, own, cls = by_char.get(ch) or lexer.entry(ch)
                if cls is not None and in_home:
                    # a word, spaces or a mark in home (most tokens): straight to its text item
                    if own is None:
                        word = ch
                    else:
                        m = own.match(text, pos)
                        if m is None:
                            raise _Fallback
                        word = m.group()
                    word = values_seen(word, word)
                    item = new_tuple(cls, (word, pos))
                    top.append(share(item, item))
                    pos += len(word)
                    continue
                if own is None:
                    word = ch
                else:
                    m = own.match(text, pos)
                    if m is None:
                        raise _Fallback
                    typ = typ or m.lastgroup
                    word = m.group()
            else:
                m = mre.match(text, pos)
                if m is None:
                    raise _Fallback
                typ = m.lastgroup
                word = m.group()
            word = values_seen(word, word)
            cls = fast.get(typ)  # (the item's class: one look-up for both)
            while cls is None:  # a token that opens a typed item (or the first item)
                end = pos + len(word)
                tok = new_tuple(Tok, (typ, word, pos, end))
                node = walks.get(typ)
                if node is None:
                    return end, typ, tok
                toks = [tok]
                pos = end
                while True:
                    scan, nxt, pushed, by_first = node
                    if pos >= n:
                        typ = "$END"
                    elif by_first is not None:
                        typ, word = by_first.lex(text, pos)
                        word = values_seen(word, word)
                    else:
                        m = scan.match(text, pos)
                        if m is None:
                            raise _Fallback
                        typ = m.lastgroup
                        word = m.group()
                        word = values_seen(word, word)
                    node = nxt.get(typ)
                    if type(node) is not tuple:
                        break
                    end = pos + len(word)
                    toks.append(new_tuple(Tok, (typ, word, pos, end)))
                    pos = end
                if node is None:
                    # what no walk knows: the parser's states and tokens so far, for the table
                    states.extend(pushed)
                    values.extend(toks)
                    if typ == "$END":
                        return pos, typ, None
                    end = pos + len(word)
                    return end, typ, new_tuple(Tok, (typ, word, pos, end))
                item = RawItem((node, tuple(toks)))  # (node: the item's kind, at its end)
                if top is None:
                    # the first item: the parser is now in home, the list that item alone
                    # (the table keeps the item bare until the next one; a list of one
                    # gives the same items)
                    states.append(self.home)
                    top = [item]
                    values.append(top)
                    mre, fast, walks = self.home_scan, self.appends[self.home], self.walks
                    by_char = lexer.by_char if lexer is not None else None
                    in_home = True
                else:
                    top.append(item)
                if typ == "$END":
                    return pos, typ, None
                cls = fast.get(typ)  # the lookahead, read in home
            item = new_tuple(cls, (word, pos))
            top.append(share(item, item))
            pos += len(word)
        return pos, "$END", None

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
    of short paragraphs, cells and list items. A paragraph's text written again (a heading, a
    cell) is parsed once: the same raw items. The document opens it while it extracts its
    facts; the index goes when it closes (what it found lives on in the facts), so it
    takes no memory while the rules run nor from one report to the next."""
    saved = getattr(_shared, "items", None)
    _shared.items = ({}, {}, {}, {})
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
    shared = getattr(_shared, "items", None)
    if shared is None:
        return _parse_text(text)
    # (while shared_items is open, a paragraph written again — a heading, a cell, a
    # report's name — is parsed once: its items are immutable values, the same for both)
    parsed = shared[3].get(text)
    if parsed is None:
        parsed = shared[3][text] = _parse_text(text)
    return parsed


def _parse_text(text: str) -> tuple[list[RawItem | TextItem], list[tuple[int, str]]]:
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
