"""Rebuild logical paragraphs from the raw text view, keeping a map back.

Text extracted from PDF is hard-wrapped (every line as wide as the page), with
blank lines between the wrapped lines, page-number lines and a stray leading
space at page breaks; text extracted from Word keeps one paragraph per line and
flattens table cells into tab-led lines; Markdown adds ``#`` and ``**``.

:func:`normalise` turns all of them into :class:`Paragraph` values whose text is
folded for matching (full-width digits, letters and ASCII-able punctuation become
half-width, one character for one) and whose ``offsets`` give, for every
character, its offset in the original text. Characters are dropped (line breaks
inside a paragraph, markup) but never invented, so every span of a paragraph maps
back to the file exactly.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

import attrs

from .source import Source, Span

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
    """Fold full-width characters one for one (the length never changes)."""
    return text.translate(FOLD_TABLE)


_WIDE = re.compile("[^\x00-\u2e7f]")


def display_width(text: str) -> int:
    """Columns on a terminal: a character above U+2E7F (CJK and beyond) counts two."""
    return len(text) + len(_WIDE.findall(text))


@attrs.frozen
class Paragraph:
    """A logical paragraph (or a table cell) of the report.

    ``text`` is folded for matching; ``offsets[i]`` is the original offset of
    ``text[i]``, and ``offsets[len(text)]`` one past the last character.
    ``row``/``cell`` identify tab-flattened table cells: cells of one row share
    ``row``; ``cell`` counts from 0 within the row.
    """

    index: int
    text: str
    offsets: tuple[int, ...] = attrs.field(repr=False)
    kind: str = "text"  # text | cell
    row: int | None = None
    cell: int | None = None

    @property
    def start(self) -> int:
        return self.offsets[0]

    @property
    def end(self) -> int:
        return self.offsets[-1]

    def span(self, i: int, j: int) -> Span:
        """The original span of ``text[i:j]``."""
        if j <= i:
            return Span(self.offsets[i], self.offsets[i])
        return Span(self.offsets[i], self.offsets[j - 1] + 1)

    def index_of(self, offset: int) -> int:
        """The index in ``text`` of the character at original ``offset`` (or the next one)."""
        return bisect.bisect_left(self.offsets, offset, 0, len(self.text))


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.end = 0

    def add(self, text: str, start: int, drop_markup: bool) -> None:
        if drop_markup and "**" in text:
            # Markdown bold marks are dropped; split() pairs them left to right
            pos = start
            for piece in text.split("**"):
                self.chars.extend(piece)
                self.offsets.extend(range(pos, pos + len(piece)))
                pos += len(piece) + 2
        else:
            self.chars.extend(text)
            self.offsets.extend(range(start, start + len(text)))
        self.end = start + len(text)

    def add_joint(self, offset: int) -> None:
        """A space where a wrapped line of Latin text was broken."""
        self.chars.append(" ")
        self.offsets.append(offset)

    def build(self, index: int, kind: str, row: int | None, cell: int | None) -> Paragraph | None:
        # trim spaces at both ends
        lo, hi = 0, len(self.chars)
        while lo < hi and self.chars[lo].isspace():
            lo += 1
        while hi > lo and self.chars[hi - 1].isspace():
            hi -= 1
        if lo == hi:
            return None
        text = fold("".join(self.chars[lo:hi]))
        offsets = tuple(self.offsets[lo:hi]) + (self.offsets[hi - 1] + 1,)
        return Paragraph(index, text, offsets, kind, row, cell)


def _lines(text: str) -> list[tuple[int, str]]:
    """``(offset, line)`` for every line; a lone CR ends a line as LF does (see Source)."""
    out, pos = [], 0
    for line in text.split("\n"):
        body = line[:-1] if line.endswith("\r") else line
        if "\r" in body:
            p = pos
            for part in body.split("\r"):
                out.append((p, part))
                p += len(part) + 1
            if len(body) < len(line):
                out[-1] = (out[-1][0], out[-1][1] + "\r")
        else:
            out.append((pos, line))
        pos += len(line) + 1
    return out


def wrap_width(lines: list[str]) -> int | None:
    """The page width of a hard-wrapped text, or None when lines are paragraphs."""
    widths = [display_width(s.strip()) for s in lines if s.strip() and not s.startswith("\t")]
    if len(widths) < 8:
        return None
    common, _ = Counter(widths).most_common(1)[0]
    near = sum(1 for w in widths if common - 4 <= w <= common)
    if 30 <= common <= 120 and near >= 0.25 * len(widths):
        return common
    return None


def _markdown_prefix(line: str) -> int:
    m = re.match(r"\s{0,3}(?:#{1,6}\s+|>\s?)", line)
    return m.end() if m else 0


def normalise(source: Source) -> tuple[Paragraph, ...]:
    """Split ``source`` into logical paragraphs with their offset maps."""
    lines = _lines(source.text)
    raw = [l for _, l in lines]
    width = wrap_width(raw)
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

    for n, (start, line) in enumerate(lines):
        body = line.rstrip("\r")
        stripped = body.strip()
        if not stripped and not body.startswith("\t"):
            if kind == "cell":
                flush()
                kind, row, cell = "text", None, None
            elif width is None and not (prev_full and prev_prose):
                flush()  # (a long prose line broken mid-sentence continues after the blank line)
            continue
        if width is not None and PAGE_NUMBER_RE.match(body) and not body.startswith("\t"):
            continue
        if body.startswith("\t"):
            # a tab-flattened table cell: a new cell, in the current row if any
            flush()
            if kind != "cell":
                row_id += 1
                cell = 0
            else:
                cell = (cell or 0) + 1
            kind, row = "cell", row_id
            lead = len(body) - len(body.lstrip("\t"))
            builder = _Builder()
            builder.add(body[lead:], start + lead, True)
            continue
        if kind == "cell":
            # a line right after a cell line continues that cell
            assert builder is not None
            builder.add(body, start, True)
            continue
        lead = len(body) - len(body.lstrip())
        lead = max(lead, _markdown_prefix(body))
        content = body[lead:]
        starts_marker = bool(MARKER_RE.match(content))
        if builder is not None and not prev_full and prev_last.isdigit() and _UNIT_START.match(content):
            prev_full = True  # a number is never parted from its unit: "现将 2023" / "年度……"
        if builder is not None and prev_full and not starts_marker:
            # continuation of a hard-wrapped paragraph
            if prev_last.isascii() and prev_last.isalnum() and content[:1].isascii() and content[:1].isalnum():
                builder.add_joint(start - 1)
            builder.add(content, start + lead, True)
        else:
            flush()
            kind, row, cell = "text", None, None
            builder = _Builder()
            builder.add(content, start + lead, True)
        w = display_width(stripped)
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
