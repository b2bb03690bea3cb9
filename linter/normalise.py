"""Rebuild logical paragraphs from the raw text view, keeping a map back.

Text extracted from PDF is hard-wrapped (every line as wide as the page), with
blank lines between the wrapped lines, page-number lines and a stray leading
space at page breaks; text extracted from Word keeps one paragraph per line and
flattens table cells into tab-led lines; Markdown adds ``#`` and ``**``.

:func:`normalise` turns all of them into :class:`Paragraph` values whose text is
folded for matching (full-width digits, letters and ASCII-able punctuation become
half-width, traditional Chinese characters simplified, one character for one) and
whose ``offsets`` give, for every character, its offset in the original text. Characters are dropped (line breaks
inside a paragraph, markup, the pinyin glosses a mirror site writes after characters:
``預(yù)算`` is read as ``预算``) but never invented, so every span of a paragraph maps
back to the file exactly.

Tables written with bars — a web page's or an export's ``a | b | c |`` rows, Markdown's
``| a | b |`` — become the same cell paragraphs as tab-flattened ones, one row a line
(:func:`is_pipe_row` says which lines are rows; the Markdown rule line is none).
"""
from __future__ import annotations

import bisect
import functools
import re
import tomllib
from array import array
from collections import Counter
from collections.abc import Sequence
from importlib import resources

import attrs

from .source import _SHIFT, Source, Span

_span = int.__new__  # a Span from its packed value, for offsets known to be valid

# Full-width forms folded to ASCII. 。、，and the CJK brackets stay: they are
# distinct in meaning and the grammar matches them as they are.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
for _keep in "，、。":
    _FOLD.pop(ord(_keep), None)
_FOLD[0xFF0C] = ord("，")  # keep the full-width comma as the Chinese comma
_FOLD[0x3000] = 0x20  # ideographic space
_FOLD[0x2212] = ord("-")  # minus sign
_FOLD[0x00A0] = 0x20
FOLD_TABLE = {k: chr(v) for k, v in _FOLD.items()}
# fold() replaces each foldable character present; no character folds to one
# that folds again, so the order of the replacements does not matter
_FOLD_CHARS = {chr(k): chr(v) for k, v in _FOLD.items() if k != v}
_FOLDABLE = re.compile("[" + "".join(sorted(_FOLD_CHARS)) + "]")

MARKER_RE = re.compile(
    r"""^\s*(?:
        [一二三四五六七八九十]{1,3}\s*[、.．]
      | [(（]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]
      | \d{1,2}\s*(?:[、]|[.．](?!\d))
      | [①-⑳⑴-⒇]
      | [一二三四五六七八九十]{1,3}是
      | 第[一二三四五六七八九十]{1,3}[,，、:：]
      | \#{1,6}\s
    )""",
    re.X,
)
PAGE_NUMBER_RE = re.compile(r"^\s*(?:[-—–]\s*)?\d{1,3}(?:\s*[-—–])?\s*$|^\s*第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?\s*$")
_UNIT_START = re.compile(r"\s*(?:年|月|日|万元|亿元|元|%|％|个|人|名|件|次|分)")
_SENTENCE_PUNCT = re.compile(r"[，。；：、,;:]")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def fold(text: str) -> str:
    """Fold full-width characters, and traditional Chinese characters to simplified ones,
    one for one (the length never changes)."""
    if text.isascii():
        return text
    # str.translate looks every character up in the table (about 100 ns each);
    # replacing just the foldable characters present is some 15 times faster
    for ch in set(_FOLDABLE.findall(text)):
        text = text.replace(ch, _FOLD_CHARS[ch])
    traditional, simplified = traditional_table()
    # a report mirrored in traditional script (預算執行率, 自評得分): told by a character that is no
    # simplified one (乾 of 乾安县, 於, 後 are simplified characters too, folded only in such a report)
    if traditional_only().search(text):
        for ch in set(traditional.findall(text)):
            text = text.replace(ch, simplified[ch])
    return text


@functools.cache
def traditional_table() -> tuple[re.Pattern[str], dict[str, str]]:
    """The traditional characters (one character class) and their simplified forms, from
    data/traditional.toml. No simplified form is itself a traditional character there."""
    data = tomllib.loads(resources.files("linter").joinpath("data/traditional.toml").read_text("utf-8"))
    table = dict(zip("".join(data["traditional"]), "".join(data["simplified"]), strict=True))
    return re.compile("[" + "".join(table) + "]"), table


@functools.cache
def traditional_only() -> re.Pattern[str]:
    """The traditional characters of the table that are not also simplified ones: not in GB 2312,
    the simplified character set (乾 乾坤 乾安县, 於, 後, 徵, 麽 … are in it)."""
    def simplified_too(ch: str) -> bool:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            return False
        return True

    return re.compile("[" + "".join(ch for ch in traditional_table()[1] if not simplified_too(ch)) + "]")


_NARROW_NOT_ASCII = re.compile("[\x80-\u2e7f]")


def display_width(text: str) -> int:
    """Columns on a terminal: a character above U+2E7F (CJK and beyond) counts two."""
    if text.isascii():
        return len(text)
    # the narrow characters: the ASCII ones, counted by encoding (in C, without a list), and
    # the few others (—, “, ①), found by the pattern
    return 2 * len(text) - len(text.encode("ascii", "ignore")) - len(_NARROW_NOT_ASCII.findall(text))


class Offsets(Sequence):
    """The offset map of a paragraph, ``offsets[i]`` for every ``i``, stored as runs.

    Behaves as the tuple of offsets it stands for (indexing, slicing, iteration,
    ``len``, equality with that tuple), but keeps only where each run of
    consecutive offsets starts — one run per line of the file, not one integer
    object per character (which took 40 bytes a character). A map of one run (a
    paragraph from one line, the common case) is just its first offset; longer
    maps keep the runs' starts in one array of machine integers.
    """

    __slots__ = ("_idx", "_off", "_len")

    # One run: ``_idx`` is None and ``_off`` the first offset (an int).
    # Several (k runs): ``_idx`` is one array, where each run starts in the paragraph
    # (``_idx[:k]``) then where it starts in the file (``_idx[k:]``), and ``_off`` is k:
    # one array object, of 4-byte integers when the offsets fit, not two of 8.

    def __init__(self, runs: list[tuple[int, int, int]]):
        """``runs``: ``(index, offset, length)`` in order, indices contiguous from 0."""
        idx: list[int] = []
        off: list[int] = []
        n = 0
        for i, o, length in runs:
            if not length:
                continue
            if idx and off[-1] + (i - idx[-1]) == o:
                pass  # continues the previous run
            else:
                idx.append(i)
                off.append(o)
            n = i + length
        self._set(idx, off, n)

    def _set(self, idx, off, n: int) -> None:
        if len(idx) == 1 and idx[0] == 0:
            self._idx, self._off = None, off[0]
        else:
            runs = [*idx, *off]
            try:
                self._idx = array("I", runs)
            except OverflowError:  # (an offset below 0 or past 2**32: any sequence is taken)
                self._idx = array("q", runs)
            self._off = len(idx)
        self._len = n

    @classmethod
    def run(cls, offset: int, length: int) -> "Offsets":
        """``offset, offset + 1, …`` for ``length`` items (``length >= 1``)."""
        o = cls.__new__(cls)
        o._idx, o._off, o._len = None, offset, length
        return o

    @classmethod
    def of(cls, offsets) -> "Offsets":
        """The map of any sequence of offsets (a tuple, a range, …)."""
        if isinstance(offsets, Offsets):
            return offsets
        idx: list[int] = []
        off: list[int] = []
        prev = None
        n = 0
        for n, o in enumerate(offsets):
            if prev is None or o != prev + 1:
                idx.append(n)
                off.append(o)
            prev = o
        else:
            n = len(offsets)
        o = cls.__new__(cls)
        o._set(idx, off, n)
        return o

    def _state(self) -> tuple[tuple[int, ...], tuple[int, ...], int]:
        """The runs as tuples: what equality, hashing and pickling go by."""
        if self._idx is None:
            return (0,), (self._off,), self._len
        k = self._off
        return tuple(self._idx[:k]), tuple(self._idx[k:]), self._len

    def __reduce__(self):
        return (_offsets_from_state, self._state())

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(self._len)))
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("offset index out of range")
        runs = self._idx
        if runs is None:
            return self._off + i
        k = self._off
        r = bisect.bisect_right(runs, i, 0, k) - 1
        return runs[k + r] + (i - runs[r])

    def __iter__(self):
        runs, k = self._idx, self._off
        if runs is None:
            yield from range(k, k + self._len)
            return
        for r in range(k):
            end = runs[r + 1] if r + 1 < k else self._len
            yield from range(runs[k + r], runs[k + r] + end - runs[r])

    def __eq__(self, other) -> bool:
        if isinstance(other, Offsets):
            return self._state() == other._state()
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._state())

    def __repr__(self) -> str:
        return f"Offsets({tuple(self)!r})"

    def last_break(self) -> int:
        """The last index ``i`` (``i >= 1``) where the offsets do not go on by one
        (``self[i] != self[i - 1] + 1``: text skipped or joined there), 0 when there is none."""
        runs = self._idx
        if runs is None:
            return 0
        k = self._off
        for r in range(k - 1, 0, -1):  # (a run's start is where a break may be)
            i = runs[r]
            if runs[k + r] != runs[k + r - 1] + (i - runs[r - 1]):
                return i
        return 0

    def span(self, i: int, j: int) -> Span:
        """``Span(self[i], self[j - 1] + 1)``, or the empty ``Span(self[i], self[i])`` if ``j <= i``."""
        n = self._len
        if 0 <= i < n and j <= n:
            # (offsets of the map: a valid span, made from its packed value)
            runs = self._idx
            if runs is None:
                a = self._off + i
                return _span(Span, (a << _SHIFT) | (a + j - i if j > i else a))
            k = self._off
            r = bisect.bisect_right(runs, i, 0, k) - 1
            a = runs[k + r] + (i - runs[r])
            if j <= i:
                return _span(Span, (a << _SHIFT) | a)
            if r + 1 == k or j <= runs[r + 1]:
                return _span(Span, (a << _SHIFT) | (a + (j - i)))  # the same run
            r = bisect.bisect_right(runs, j - 1, r + 1, k) - 1  # the run of the last character
            return _span(Span, (a << _SHIFT) | (runs[k + r] + (j - runs[r])))
        if j <= i:
            return Span(self[i], self[i])
        return Span(self[i], self[j - 1] + 1)

    def first_at_or_after(self, offset: int, hi: int) -> int:
        """``bisect_left(self, offset, 0, hi)``: the first index whose offset is ``>= offset``."""
        runs, k = self._idx, self._off
        if runs is None:
            if offset < k:
                return 0
            i = offset - k
            return min(i if i < self._len else self._len, hi)
        r = bisect.bisect_right(runs, offset, k, 2 * k) - 1 - k
        if r < 0:
            return 0
        end = runs[r + 1] if r + 1 < k else self._len
        if offset < runs[k + r] + (end - runs[r]):
            i = runs[r] + (offset - runs[k + r])
        else:
            i = end
        return min(i, hi)


def _offsets_from_state(idx, off, n) -> Offsets:
    o = Offsets.__new__(Offsets)
    o._set(idx, off, n)
    return o


def _offsets_of(offsets) -> "Offsets | int":
    """A paragraph's map: an ``int`` as it is (the first offset of one run, as the
    normaliser gives most paragraphs), anything else as :meth:`Offsets.of` makes it."""
    return offsets if type(offsets) is int else Offsets.of(offsets)


@attrs.frozen(weakref_slot=False)  # (one per paragraph; nothing refers to one weakly)
class Paragraph:
    """A logical paragraph (or a table cell) of the report.

    ``text`` is folded for matching; ``offsets[i]`` is the original offset of
    ``text[i]``, and ``offsets[len(text)]`` one past the last character (an
    :class:`Offsets`, which behaves as the tuple of those offsets; any sequence
    given is turned into one, and an ``int`` is the first offset of one run).
    ``row``/``cell`` identify table cells (tab-flattened, or a pipe row's): cells of
    one row share ``row``; ``cell`` counts from 0 within the row, an empty cell taking
    its column too.
    """

    index: int
    text: str
    # the map; for one run of len(text) + 1 offsets (most paragraphs) just its
    # first offset, and ``offsets`` makes the Offsets when asked
    _offsets: "Offsets | int" = attrs.field(repr=False, converter=_offsets_of, alias="offsets")
    kind: str = "text"  # text | cell
    row: int | None = None
    cell: int | None = None

    def __attrs_post_init__(self) -> None:
        o = self._offsets
        if type(o) is not int and o._idx is None and o._len == len(self.text) + 1:
            object.__setattr__(self, "_offsets", o._off)

    @property
    def offsets(self) -> Offsets:
        o = self._offsets
        return Offsets.run(o, len(self.text) + 1) if type(o) is int else o

    @property
    def start(self) -> int:
        o = self._offsets
        return o if type(o) is int else o[0]

    @property
    def end(self) -> int:
        o = self._offsets
        return o + len(self.text) if type(o) is int else o[-1]

    def span(self, i: int, j: int) -> Span:
        """The original span of ``text[i:j]``."""
        o = self._offsets
        if type(o) is int:
            n = len(self.text) + 1
            if 0 <= i < n and j <= n:
                # (inline for a one-run map, the common case: called for every fact)
                a = o + i
                return _span(Span, (a << _SHIFT) | (a + j - i if j > i else a))
            return Offsets.run(o, n).span(i, j)
        return o.span(i, j)

    def index_of(self, offset: int) -> int:
        """The index in ``text`` of the character at original ``offset`` (or the next one)."""
        o = self._offsets
        if type(o) is int:
            # bisect_left on o, o + 1, …, o + len(text) (no min(): a call, for each fact's place)
            if offset < o:
                return 0
            i, n = offset - o, len(self.text)
            return i if i < n else n
        return o.first_at_or_after(offset, len(self.text))


# A pinyin gloss a mirror site writes after a character (預(yù)算, 執(zhí)行率): a syllable of
# 1–6 lowercase letters with a tone mark, in ( ) or （ ）, right after a Chinese character.
# (a), (A), (afp), (B) have no tone mark and stay.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# (compiled by re when first used, in a report with a toned letter: a Chinese character class
# costs a millisecond to compile, at every start of the command line)
_GLOSS = r"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]{0,5}[" + _TONED + r"])[a-zü" + _TONED + r"]{1,6}[)）]"
_TONED_RE = re.compile("[" + _TONED + "]")


def _glosses(text: str) -> bool:
    """Whether ``text`` has a pinyin gloss in it (one search of the whole file; a search
    for a toned letter first, which most reports have none of: 0.3 ms, not 1.5, on the corpus)."""
    return _TONED_RE.search(text) is not None and re.search(_GLOSS, text) is not None


class _Builder:
    """Collects the pieces of one paragraph (slices of the folded text) and where each came from.
    With ``glosses`` (the file has pinyin glosses), the glosses are dropped as markup is."""

    __slots__ = ("folded", "pieces", "runs", "n", "glosses")

    def __init__(self, folded: str, glosses: bool = False) -> None:
        self.folded = folded
        self.pieces: list[str] = []
        self.runs: list[tuple[int, int, int]] = []  # (index in the paragraph, original offset, length)
        self.n = 0
        self.glosses = glosses

    def _piece(self, offset: int, length: int) -> None:
        if length:
            self.pieces.append(self.folded[offset:offset + length])
            self.runs.append((self.n, offset, length))
            self.n += length

    def add(self, text: str, start: int) -> None:
        """The original ``text`` at ``start``, without its Markdown bold marks (and its
        pinyin glosses, when the file has them)."""
        if self.glosses and ("(" in text or "（" in text):
            pos = 0
            for m in re.finditer(_GLOSS, text):
                self._add(text[pos:m.start()], start + pos)
                pos = m.end()
            if pos:
                self._add(text[pos:], start + pos)
                return
        self._add(text, start)

    def _add(self, text: str, start: int) -> None:
        if "**" in text:
            # Markdown bold marks are dropped; split() pairs them left to right
            pos = start
            for piece in text.split("**"):
                self._piece(pos, len(piece))
                pos += len(piece) + 2
        else:
            self._piece(start, len(text))

    def add_joint(self, offset: int) -> None:
        """A space where a wrapped line of Latin text was broken."""
        self.pieces.append(" ")
        self.runs.append((self.n, offset, 1))
        self.n += 1

    def build(self, index: int, kind: str, row: int | None, cell: int | None) -> Paragraph | None:
        pieces = self.pieces
        joined = pieces[0] if len(pieces) == 1 else "".join(pieces)
        # trim spaces at both ends (folding never turns a space into a non-space or back)
        text = joined.strip()
        if not text:
            return None
        lo = joined.find(text[0])  # everything before the first non-space is space
        hi = lo + len(text)
        runs = self.runs
        if len(runs) == 1:
            # one line: one run (and one past the last character continues it)
            return Paragraph(index, text, runs[0][1] + lo, kind, row, cell)
        trimmed = []
        for i, o, length in runs:
            a, b = max(i, lo), min(i + length, hi)
            if a < b:
                trimmed.append((a - lo, o + (a - i), b - a))
        # one past the last character: it continues the last run
        i, o, length = trimmed[-1]
        trimmed[-1] = (i, o, length + 1)
        return Paragraph(index, text, Offsets(trimmed), kind, row, cell)


def _lines(text: str) -> tuple[list[int], list[str]]:
    """Where every line starts, and the lines without their line ends; a lone CR
    ends a line as LF does (see Source)."""
    starts: list[int] = []
    bodies: list[str] = []
    pos = 0
    if "\r" not in text:
        bodies = text.split("\n")
        for line in bodies:
            starts.append(pos)
            pos += len(line) + 1
        return starts, bodies
    for line in text.split("\n"):
        body = line[:-1] if line.endswith("\r") else line
        if "\r" in body:
            p = pos
            for part in body.split("\r"):
                starts.append(p)
                bodies.append(part)
                p += len(part) + 1
        else:
            starts.append(pos)
            bodies.append(body)
        pos += len(line) + 1
    return starts, bodies


def _page_width(widths: list[int]) -> int | None:
    """:func:`wrap_width` from the display widths of the lines that count."""
    if len(widths) < 8:
        return None
    common, _ = Counter(widths).most_common(1)[0]
    near = sum(1 for w in widths if common - 4 <= w <= common)
    if 30 <= common <= 120 and near >= 0.25 * len(widths):
        return common
    return None


def wrap_width(lines: list[str]) -> int | None:
    """The page width of a hard-wrapped text, or None when lines are paragraphs."""
    return _page_width([display_width(s.strip()) for s in lines if s.strip() and not s.startswith("\t")])


_MARKDOWN_PREFIX = re.compile(r"\s{0,3}(?:#{1,6}\s+|>\s?)")


def _markdown_prefix(line: str) -> int:
    m = _MARKDOWN_PREFIX.match(line)
    return m.end() if m else 0


# A row of a pipe table (web pages and exports write ``a | b | c |`` and ``a | ||||``;
# Markdown writes ``| a | b |``): the line starts and ends with "|"; or it ends in "|"
# and that bar or another stands between white space (``标题 |``, ``名称 | |||``); or it
# holds two or more such bars. One "|" inside a line of prose is no table.
_PIPE_SEPARATOR = re.compile(r"(?<=\s)\|(?=\s)")
# the rule line below a Markdown table's header: every cell dashes (2 or more), colons aside
_PIPE_RULE = re.compile(r"\s*\|?(?:\s*:?-{2,}:?\s*\|)+(?:\s*:?-{2,}:?)?\s*")


def is_pipe_row(line: str) -> bool:
    """Whether ``line`` (a line of the text view, not tab-led) is a row of a pipe table."""
    if "|" not in line:
        return False
    s = line.strip()
    if s[:1] == "|" and s[-1:] == "|":
        return True  # | a | b |, and a bare "|" (a row of empty cells)
    if s[-1:] == "|" and (s[-2:-1].isspace() or _PIPE_SEPARATOR.search(line)):
        return True  # a | b |, 标题 |, 名称 | |||
    return len(_PIPE_SEPARATOR.findall(line)) >= 2


def is_pipe_rule(line: str) -> bool:
    """Whether ``line`` is the rule line under a Markdown table's header (``| --- | :-: |``)."""
    return "|" in line and _PIPE_RULE.fullmatch(line) is not None


def pipe_cells(line: str) -> list[tuple[int, int, int]]:
    """The cells of a pipe row: ``(column, start, end)`` of the text between two "|" (or
    a line end and a "|"), white space around it included. Every stretch between two
    "|" takes a column, empty or not; what stands before the first "|" is a cell only
    when it holds text (``a | b``, not ``| a |``), and so is what stands after the last."""
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    bounds = [-1] + bars + [len(line)]
    out = []
    column = 0
    for k in range(len(bounds) - 1):
        a, b = bounds[k] + 1, bounds[k + 1]
        if (k == 0 or k == len(bounds) - 2) and not line[a:b].strip():
            continue  # nothing before the first "|" or after the last
        out.append((column, a, b))
        column += 1
    return out


def first_lines(paragraphs: Sequence[Paragraph], n: int) -> Sequence[Paragraph]:
    """The paragraphs of the first ``n`` lines of a report, where the cells of one table
    row count as one line (a row of a web page's pipe table is one line of its text):
    what "the first lines" of a report means whatever its tables are cut into."""
    if len(paragraphs) <= n or not any(p.kind == "cell" for p in paragraphs[:n]):
        return paragraphs[:n]
    lines = 0
    row = None
    for k, p in enumerate(paragraphs):
        if p.kind != "cell" or p.row != row:
            lines += 1
            if lines > n:
                return paragraphs[:k]
        row = p.row if p.kind == "cell" else None
    return paragraphs


def normalise(source: Source) -> tuple[Paragraph, ...]:
    """Split ``source`` into logical paragraphs with their offset maps."""
    folded = fold(source.text)  # once: the paragraphs' text is sliced from it
    glosses = _glosses(source.text)  # a mirror page's pinyin glosses (預(yù)算): dropped
    starts, bodies = _lines(source.text)
    # the lines that are rows of a pipe table (not tab-led), found once
    pipe_rows = {i for i, body in enumerate(bodies) if "|" in body and body[:1] != "\t" and is_pipe_row(body)}
    # the display width of every line (0 for a blank, tab-led or pipe-row line), once
    line_widths = [display_width(s) if (s := body.strip()) and body[:1] != "\t" else 0 for body in bodies]
    for i in pipe_rows:
        line_widths[i] = 0
    width = _page_width([w for w in line_widths if w])
    paragraphs: list[Paragraph] = []
    builder: _Builder | None = None
    kind, row, cell = "text", None, None
    row_id = -1
    prev_full = False  # the last line added reached the page width
    prev_last = ""
    prev_prose = False  # the last line added has sentence punctuation (not a title)

    def flush() -> None:
        nonlocal builder
        if builder is not None:
            p = builder.build(len(paragraphs), kind, row, cell)
            if p is not None:
                paragraphs.append(p)
        builder = None

    for line_no, (start, body, w) in enumerate(zip(starts, bodies, line_widths)):
        stripped = body.strip()
        tab = body[:1] == "\t"
        if not stripped and not tab:
            if kind == "cell":
                flush()
                kind, row, cell = "text", None, None
            elif width is None and not (prev_full and prev_prose):
                flush()  # (a long prose line broken mid-sentence continues after the blank line)
            continue
        if width is not None and not tab and PAGE_NUMBER_RE.match(body):
            continue
        if line_no in pipe_rows:
            # a row of a pipe table: its cells as the cells of a tab-flattened row
            # (one row a line; the Markdown rule line under a header is no row)
            flush()
            kind, row, cell = "text", None, None
            prev_full, prev_last, prev_prose = False, "", False
            if is_pipe_rule(body):
                continue
            row_id += 1
            for column, a, b in pipe_cells(body):
                builder = _Builder(folded, glosses)
                builder.add(body[a:b], start + a)
                p = builder.build(len(paragraphs), "cell", row_id, column)
                if p is not None:
                    paragraphs.append(p)
            builder = None
            continue
        if tab:
            # a tab-flattened table cell: a new cell, in the current row if any
            flush()
            if kind != "cell":
                row_id += 1
                cell = 0
            else:
                cell = (cell or 0) + 1
            kind, row = "cell", row_id
            lead = len(body) - len(body.lstrip("\t"))
            builder = _Builder(folded, glosses)
            builder.add(body[lead:], start + lead)
            continue
        if kind == "cell":
            # a line right after a cell line continues that cell
            assert builder is not None
            builder.add(body, start)
            continue
        content = body.lstrip()
        lead = len(body) - len(content)
        if content[0] in "#>":  # (a Markdown prefix starts with one of them)
            lead = max(lead, _markdown_prefix(body))
            content = body[lead:]
        starts_marker = bool(MARKER_RE.match(content))
        if builder is not None and not prev_full and prev_last.isdigit() and _UNIT_START.match(content):
            prev_full = True  # a number is never parted from its unit: "现将 2023" / "年度……"
        if builder is not None and prev_full and not starts_marker:
            # continuation of a hard-wrapped paragraph
            if prev_last.isascii() and prev_last.isalnum() and content[:1].isascii() and content[:1].isalnum():
                builder.add_joint(start - 1)
            builder.add(content, start + lead)
        else:
            flush()
            kind, row, cell = "text", None, None
            builder = _Builder(folded, glosses)
            builder.add(content, start + lead)
        prev_last = stripped[-1]
        prev_prose = bool(_SENTENCE_PUNCT.search(stripped))
        if width is not None:
            prev_full = w >= width - 6 and not (stripped[-1] in "。！？!?" and w < width - 1)
        else:
            # a paragraph of a Word text broken by a stray line break mid-sentence
            # (a list item that opens with a marker and runs on is broken the same way;
            # a bare heading is caught just below)
            prev_full = w >= 48 and _is_cjk(stripped[-1])
        if starts_marker and not _SENTENCE_PUNCT.search(content):
            prev_full = False  # a heading: a marker and a title with no sentence punctuation
        if not prev_full and not prev_last.isdigit():
            flush()
    flush()
    return tuple(paragraphs)
