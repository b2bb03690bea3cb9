"""The text the pipeline sees, and the way back to the file's own places.

Every position inside the linter is a 0-based, end-exclusive code-point offset
into ``Source.text``. Line and column (1-based) are computed only for output.
"""
from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from typing import Callable

import attrs


_LONE_CR = re.compile(r"\r(?!\n)")


_SHIFT = 32
_LOW = (1 << _SHIFT) - 1


class Span(int):
    """A half-open range ``[start, end)`` of code-point offsets into ``Source.text``.

    Immutable, compared and hashed by ``(start, end)`` (and ordered so). Stored
    as one integer, ``start << 32 | end``: the facts of a report hold thousands
    of spans, and a span is one object of 56 bytes instead of an object with
    two integer objects of its own (112 bytes). It is an ``int`` only in storage:
    ``str``/``repr``/``format`` show ``Span(start=…, end=…)``, truth is
    ``len(span) > 0``, and arithmetic on spans means nothing.
    """

    __slots__ = ()
    __match_args__ = ("start", "end")

    def __new__(cls, start: int, end: int) -> "Span":
        if not 0 <= start <= end <= _LOW:
            raise ValueError(f"bad span {start}..{end}")
        return int.__new__(cls, start << _SHIFT | end)

    # (bound methods of int constants: read without a Python call)
    start = property(_SHIFT.__rrshift__, doc="The first offset.")
    end = property(_LOW.__rand__, doc="One past the last offset.")

    def cover(self, other: "Span") -> "Span":
        return Span(min(self.start, other.start), max(self.end, other.end))

    def __len__(self) -> int:
        return (self & _LOW) - (self >> _SHIFT)

    def __bool__(self) -> bool:
        return (self & _LOW) > (self >> _SHIFT)

    def __repr__(self) -> str:
        return f"Span(start={self >> _SHIFT}, end={self & _LOW})"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return format(repr(self), spec)

    def __reduce__(self):
        return (Span, (self >> _SHIFT, self & _LOW))


@attrs.frozen
class Segment:
    """A stretch of the text view that came from one native place of the file.

    ``label`` is a ready-made Chinese locator such as ``第 12 段`` or
    ``表 2 第 3 行第 4 列``; readers of formats without lines (.docx, .pdf) give
    one segment per paragraph, cell or line.
    """

    start: int
    end: int
    label: str
    label_en: str = ""


class Segments(Sequence):
    """Segments kept compactly, for readers that give one a printed line (.pdf).

    Behaves as the tuple of :class:`Segment` it stands for, but stores each as
    seven machine integers — start, end, which of ``forms`` its labels take,
    and up to four numbers for them — and makes the Segment, labels formatted,
    only when asked (a locator is needed for a finding's place, not for every
    line). A Segment with its two label strings took some 290 bytes a line.
    """

    __slots__ = ("_forms", "_data")
    _WIDTH = 7

    def __init__(self, forms: Sequence[tuple[str, str]]):
        """``forms``: ``(zh, en)`` label templates with ``{}`` for the numbers."""
        self._forms = tuple(forms)
        self._data = array("q")

    def add(self, start: int, end: int, form: int, *numbers: int) -> None:
        if len(numbers) > 4:
            raise ValueError("at most four numbers a segment")
        self._data.extend((start, end, form, *numbers, *(0,) * (4 - len(numbers))))

    def __len__(self) -> int:
        return len(self._data) // self._WIDTH

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(len(self))))
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("segment index out of range")
        k = i * self._WIDTH
        start, end, form, *numbers = self._data[k:k + self._WIDTH]
        zh, en = self._forms[form]
        return Segment(start, end, zh.format(*numbers), en.format(*numbers))

    @property
    def starts(self) -> array:
        return self._data[0::self._WIDTH]

    def __repr__(self) -> str:
        return f"Segments({tuple(self)!r})"


@attrs.frozen(eq=False)
class Source:
    """One input file as text: ``text`` is what every later stage indexes.

    For text input the view is the file's own text, so lines and columns are
    the file's. For .docx/.pdf the view is the extracted text and ``segments``
    maps offsets back to paragraphs, cells or pages.
    """

    path: str
    text: str
    kind: str = "text"  # text | markdown | docx | pdf
    encoding: str = "utf-8"
    segments: "tuple[Segment, ...] | Segments" = ()
    # Tables found by a reader that has real tables (tuple of Table facts), else ().
    tables: tuple = ()
    # where every line starts: machine integers, not an int object (32 bytes) a line
    _line_starts: array = attrs.field(init=False, repr=False)
    _segment_starts: array = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # 4 bytes a line: an offset is below 2**32 (a Span's bound) in any text a Span can point into
        starts = array("I" if len(self.text) <= _LOW else "q", [0])
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        if "\r" in self.text:
            # a lone CR (old Mac line ends) ends a line too, as in SARIF and in editors
            lone = [m.end() for m in _LONE_CR.finditer(self.text)]
            if lone:
                starts = array(starts.typecode, sorted([*starts, *lone]))
        object.__setattr__(self, "_line_starts", starts)
        segs = self.segments
        object.__setattr__(self, "_segment_starts", segs.starts if isinstance(segs, Segments) else array("q", [s.start for s in segs]))

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of ``offset``; lines end at ``\\n``
        (a CR before it is part of the line) or at a lone ``\\r``, nothing else."""
        offset = max(0, min(offset, len(self.text)))
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its newline."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end]

    def line_start(self, line: int) -> int:
        return self._line_starts[line - 1]

    def locator(self, offset: int, lang: str = "zh") -> str:
        """The place in the file's own terms: a line for text, a paragraph/cell/page otherwise."""
        if self.segments:
            i = bisect.bisect_right(self._segment_starts, offset) - 1
            if i >= 0:
                seg = self.segments[i]
                return seg.label if lang == "zh" or not seg.label_en else seg.label_en
        line, _ = self.line_col(offset)
        return f"第 {line} 行" if lang == "zh" else f"line {line}"


LocatorFn = Callable[[int], str]
