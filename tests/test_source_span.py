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
