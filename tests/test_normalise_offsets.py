"""The compact offset map (:class:`linter.normalise.Offsets`) against the tuple it stands for,
and fold() against its table.

A map is stored as runs of consecutive offsets (one run: just its first offset;
several: two arrays). Every operation must answer exactly as the plain tuple of
offsets would: indexing (negative too), slices, iteration, equality, pickling,
``Paragraph.span`` and ``Paragraph.index_of`` (``bisect_left`` on the tuple).
"""
import bisect
import pickle

import pytest
from hypothesis import given, settings, strategies as st

from linter.normalise import Offsets, Paragraph
from linter.source import Span

# runs: (gap before the run, length); gaps of 0 continue the previous run
RUNS = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 6)), min_size=1, max_size=8)


def _build(start, runs):
    """The runs ``Offsets`` takes and the tuple they stand for."""
    out, flat, i, o = [], [], 0, start
    for gap, length in runs:
        o += gap
        out.append((i, o, length))
        flat.extend(range(o, o + length))
        i += length
        o += length
    return out, tuple(flat)


def _ref_span(t, i, j):
    if j <= i:
        return Span(t[i], t[i])
    return Span(t[i], t[j - 1] + 1)


def _same(f, g):
    """``f()`` and ``g()`` give the same value or raise the same kind of error."""
    try:
        want = g()
    except Exception as exc:  # noqa: BLE001
        with pytest.raises(type(exc)):
            f()
        return
    assert f() == want


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 400), RUNS)
def test_offsets_behave_as_the_tuple(start, runs):
    runs, t = _build(start, runs)
    o = Offsets(runs)
    n = len(t)
    assert len(o) == n
    assert o == t and tuple(o) == t and list(o) == list(t)
    assert Offsets.of(t) == o and hash(Offsets.of(t)) == hash(o)
    for i in range(-n - 2, n + 2):
        _same(lambda: o[i], lambda: t[i])
    assert o[1:] == t[1:] and o[::2] == t[::2] and o[-3:] == t[-3:]
    for i in range(-n - 1, n + 1):
        for j in range(-n - 1, n + 2):
            _same(lambda: o.span(i, j), lambda: _ref_span(t, i, j))
    back = pickle.loads(pickle.dumps(o))
    assert back == o and hash(back) == hash(o) and tuple(back) == t


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 400), RUNS)
def test_paragraph_span_and_index_of_match_the_tuple(start, runs):
    runs, t = _build(start, runs)
    if not t:
        return
    text = "x" * (len(t) - 1)
    p = Paragraph(0, text, Offsets(runs))
    q = Paragraph(0, text, t)  # a tuple is turned into an Offsets
    assert isinstance(q.offsets, Offsets) and p == q and hash(p) == hash(q)
    assert p.offsets == t and p.start == t[0] and p.end == t[-1]
    for off in range(start - 3, t[-1] + 4):
        want = bisect.bisect_left(t, off, 0, len(text))
        assert p.index_of(off) == want and q.index_of(off) == want
    for i in range(len(t)):
        for j in range(len(t)):
            assert p.span(i, j) == q.span(i, j) == _ref_span(t, i, j)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 400), RUNS)
def test_last_break_is_the_last_place_the_offsets_jump(start, runs):
    runs, t = _build(start, runs)
    want = max((i for i in range(1, len(t)) if t[i] != t[i - 1] + 1), default=0)
    assert Offsets(runs).last_break() == want
    assert Offsets.of(t).last_break() == want


def test_one_run_is_stored_as_its_first_offset():
    o = Offsets([(0, 1000, 5), (5, 1005, 3)])
    assert o._idx is None and o._off == 1000 and len(o) == 8
    assert Offsets.run(1000, 8) == o
    several = Offsets([(0, 1000, 5), (5, 1007, 3)])
    assert several._idx is not None and tuple(several) == (1000, 1001, 1002, 1003, 1004, 1007, 1008, 1009)


def test_empty_map():
    o = Offsets.of(())
    assert len(o) == 0 and tuple(o) == () and o == ()
    with pytest.raises(IndexError):
        o[0]


def test_paragraph_of_one_run_keeps_just_its_first_offset():
    p = Paragraph(3, "abc", (10, 11, 12, 13))
    assert p._offsets == 10 and p.offsets == (10, 11, 12, 13) and isinstance(p.offsets, Offsets)
    assert (p.start, p.end, p.span(0, 3), p.span(1, 1), p.index_of(12), p.index_of(99)) == (10, 13, Span(10, 13), Span(11, 11), 2, 3)
    assert p == Paragraph(3, "abc", Offsets.run(10, 4)) and "offsets" not in repr(p)
    # a map that is not one run of len(text) + 1 is kept as it is
    q = Paragraph(3, "abc", (10, 11, 12, 14))
    assert isinstance(q._offsets, Offsets) and q.span(0, 3) == Span(10, 13) and q.end == 14
    assert pickle.loads(pickle.dumps(p)) == p and pickle.loads(pickle.dumps(q)) == q


def test_fold_is_the_table_for_every_character():
    """fold() replaces only the foldable characters present; it must equal the
    one-for-one table on every character, alone and in a run of text."""
    from linter.normalise import FOLD_TABLE, fold, traditional_only, traditional_table

    simplified = traditional_table()[1]
    table = FOLD_TABLE | {ord(t): s for t, s in simplified.items()}
    every = "".join(chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000)
    assert fold(every) == every.translate(table)
    for ch in table.values():
        assert fold(ch) == ch  # nothing folds twice
    shared = traditional_table()[1].keys() - set(traditional_only().pattern[1:-1])
    for ch in every[::97]:
        # alone as in a run — but a character that is a simplified one too (乾) alone is no traditional text
        assert fold(ch) == (ch if ch in shared else ch.translate(table))
    assert fold("乾安县") == "乾安县" and fold("衣物乾淨") == "衣物干净"
    assert fold("ascii only") == "ascii only"
