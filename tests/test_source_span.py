"""Span is stored as one integer (``start << 32 | end``) but must behave as the
value ``(start, end)`` it stands for: equality, hashing, order, truth, length,
text forms, pickling (``-j`` sends findings between processes) and copying."""
import copy
import pickle

import pytest
from hypothesis import given, strategies as st

from linter.source import Source, Span

OFFSET = st.integers(0, 2**31)


@given(OFFSET, OFFSET, OFFSET, OFFSET)
def test_span_is_its_start_and_end(a, b, c, d):
    s, t = Span(min(a, b), max(a, b)), Span(min(c, d), max(c, d))
    assert (s.start, s.end) == (min(a, b), max(a, b))
    assert type(s.start) is int and type(s.end) is int
    assert (s == t) == ((s.start, s.end) == (t.start, t.end))
    assert (s < t) == ((s.start, s.end) < (t.start, t.end))
    if s == t:
        assert hash(s) == hash(t)
    assert len(s) == s.end - s.start and bool(s) == (s.end > s.start)
    assert s.cover(t) == Span(min(s.start, t.start), max(s.end, t.end))
    assert pickle.loads(pickle.dumps(s)) == s and type(pickle.loads(pickle.dumps(s))) is Span
    assert copy.copy(s) == s and copy.deepcopy(s) == s


def test_span_text_forms():
    s = Span(3, 7)
    assert repr(s) == str(s) == f"{s}" == "Span(start=3, end=7)"
    assert f"{s:>21}" == " Span(start=3, end=7)"
    assert not Span(4, 4) and Span(4, 5)
    match s:
        case Span(start, end):
            assert (start, end) == (3, 7)
    with pytest.raises(AttributeError):
        s.start = 1


@pytest.mark.parametrize("start, end", [(-1, 2), (3, 2), (0, 2**32)])
def test_bad_span(start, end):
    with pytest.raises(ValueError):
        Span(start, end)


def test_line_starts_and_locator():
    src = Source("t.txt", "a\nbc\r\nd\re\n")
    assert [src.line_col(i) for i in range(len(src.text) + 1)] == [
        (1, 1), (1, 2), (2, 1), (2, 2), (2, 3), (2, 4), (3, 1), (3, 2), (4, 1), (4, 2), (5, 1)]
    assert [src.line_text(n) for n in range(1, src.line_count + 1)] == ["a", "bc\r", "d", "e", ""]


def test_compact_segments_behave_as_the_tuple_of_segments():
    from linter.source import Segment, Segments

    forms = (("第 {} 页第 {} 行", "page {} line {}"), ("第 {} 页表 {} 第 {} 行第 {} 列", "page {} table {} row {} column {}"))
    segs = Segments(forms)
    want = []
    text = ""
    for k in range(12):
        start = len(text)
        text += f"line {k}\n"
        if k % 4 == 3:
            segs.add(start, start + 6, 1, 2, 1, k, 3)
            want.append(Segment(start, start + 6, f"第 2 页表 1 第 {k} 行第 3 列", f"page 2 table 1 row {k} column 3"))
        else:
            segs.add(start, start + 6, 0, 1, k + 1)
            want.append(Segment(start, start + 6, f"第 1 页第 {k + 1} 行", f"page 1 line {k + 1}"))
    assert len(segs) == 12 and tuple(segs) == tuple(want) and segs[-1] == want[-1] and segs[2:5] == tuple(want[2:5])
    with pytest.raises(IndexError):
        segs[12]
    assert tuple(pickle.loads(pickle.dumps(segs))) == tuple(want)
    compact, plain = Source("a.pdf", text, "pdf", segments=segs), Source("a.pdf", text, "pdf", segments=tuple(want))
    for offset in range(len(text) + 2):
        for lang in ("zh", "en"):
            assert compact.locator(offset, lang) == plain.locator(offset, lang)
    assert not Segments(forms) and bool(segs)
    with pytest.raises(ValueError):
        segs.add(0, 1, 0, 1, 2, 3, 4, 5)
