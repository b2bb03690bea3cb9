"""The fast paths of linter/tables.py and linter/figures.py give the answers of the plain
definitions they replace (kept here as the specification)."""
import re
import sys

from conftest import corpus_files, needs_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import figures, tables
from linter.document import Document
from linter.extract import SENTENCE_END
from linter.facts import TextItem, YearRef
from linter.readers import read_path
from linter.source import Span

# cell-like texts: every kind of space, the characters of blank cells and total words
CELL_TEXT = st.text(alphabet=" \t\n\r\u3000\xa0\x1c-—–/／无合计总小分得收入a1.%", max_size=12)


def test_squash_removes_exactly_what_backslash_s_matches():
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1)
                     if not 0xD800 <= c <= 0xDFFF and re.match(r"\s", chr(c)))
    assert tables._squash(f"a{spaces}b") == figures._squash(f"a{spaces}b") == "ab"
    assert tables._squash("a\u200bb") == "a\u200bb"  # a zero-width space is no \s


@settings(max_examples=500, deadline=None)
@given(CELL_TEXT)
def test_fast_cell_tests_agree_with_their_definitions(text):
    squashed = re.sub(r"\s+", "", text)
    cell = tables.Cell(0, text, Span(0, 1), 0)
    assert cell.is_blank == bool(re.match(r"^(?:[-—–/／]+|无)?$", squashed))
    assert tables.is_total_word(text) == (
        squashed in tables.TOTAL_WORDS or (len(squashed) <= 8 and squashed.endswith(("合计", "总计", "小计"))))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="，,。；;:：ab", max_size=20), st.data())
def test_clause_start_by_bisect_is_the_last_mark_before(text, data):
    i = data.draw(st.integers(0, len(text)))
    marks = [m.start() for m in figures._CLAUSE_MARK.finditer(text)]
    assert figures._clause_start(marks, i) == max(text.rfind(ch, 0, i) for ch in "，,。；;:：") + 1


def _name_left_of(table, row, index):
    """The definition _RowNames.left_of replaces: one walk over the row per column."""
    best = ""
    for c in row.cells:
        if c.column >= index:
            break
        col = table.columns[c.column] if c.column < len(table.columns) else None
        if col is None or col.kind != "text" or c.is_number or c.is_blank:
            continue
        if len(c.text.strip()) <= 24 and re.search(r"指标|名称|项目|任务|事项", col.header) \
                and not re.search(r"解释|标准|说明|依据|情况|内容|目标值|指标值", col.header):
            best = c.text.strip()
    if best:
        return best
    if any(c.kind == "text" and c.index < index and re.search(r"指标|名称|项目|任务|事项", c.header)
           and not re.search(r"解释|标准|说明|依据|情况|内容|目标值|指标值", c.header) for c in table.columns):
        return ""
    return table.label(row)


@needs_corpus
def test_row_names_and_sentences_agree_with_their_definitions_on_the_corpus():
    for path in corpus_files():
        doc = Document(read_path(str(path)))
        for table in doc.tables:
            names = figures._RowNames(table)
            for row in table.rows:
                assert names.label(row) == table.label(row)
                for col in table.columns:
                    assert names.left_of(row, col.index) == _name_left_of(table, row, col.index)
        for pf in doc.facts:
            # each item's sentence, counted item by item
            sents, s = [], 0
            for it in pf.items:
                sents.append(s)
                if isinstance(it, TextItem) and it.kind == "PUNCT" and it.text in SENTENCE_END:
                    s += 1
            sentences = figures._Sentences(pf)
            assert [sentences.of(i) for i in range(len(pf.items))] == sents
            for s in set(sents):
                first = sents.index(s)
                assert sentences.start(s) == figures._start(pf, pf.items[first])
                assert sentences.years(s) == {it.year for it, t in zip(pf.items, sents) if t == s and type(it) is YearRef}
