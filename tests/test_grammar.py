from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark

from conftest import corpus_files, needs_corpus
from linter.parsing import _driver, inline_parser, parse_text

# pieces of report text, written for these tests
_PIECES = ["收入", "万元", "元", "%", "分", "年", "年度", "月", "日", "号", "个", "其中", "合计", "含",
           "（一）", "(二)", "一、", "1.", "2、", "(3)", "①", "一是", "第一，", "〔2024〕", "[2023]5号",
           "，", "。", "、", "：", " ", "\t", "=", "+", ".", ",", "1,041.61", "2023 年 4 月 28 日"]


def test_grammar_has_no_terminal_collisions():
    # strict mode (needs interegular) refuses colliding terminals and shift/reduce conflicts
    Lark.open_from_package("linter.grammar", "inline.lark", parser="lalr", lexer="contextual", strict=True)


def kinds(text):
    items, problems = parse_text(text)
    assert not problems
    return [(i.kind, text[i.start:i.end]) for i in items if i.kind not in ("SP",)]


def test_amounts_units_and_the_contextual_lexer():
    assert kinds("收入3628.78万元，单位:万元") == [
        ("TEXT", "收入"), ("amount", "3628.78万元"), ("PUNCT", "，"), ("TEXT", "单位"), ("PUNCT", ":"), ("TEXT", "万元"),
    ]


def test_thousands_separator_and_spaces():
    assert kinds("合计 1,041.61 万元") [-1] == ("amount", "1,041.61 万元")
    assert kinds("24083925.53元") == [("amount", "24083925.53元")]


def test_dates_years_months():
    assert kinds("2023 年 4 月 28 日") == [("date", "2023 年 4 月 28 日")]
    assert kinds("2023年度")[0] == ("year", "2023年度")
    assert kinds("5月8日前")[0] == ("date", "5月8日")
    assert kinds("2023年3个")[:2] == [("year", "2023年"), ("count", "3个")]


def test_counts_scores_percentages():
    assert kinds("13 个科室") [0] == ("count", "13 个")
    assert kinds("101 分") == [("score", "101 分")]
    assert kinds("77.89%") == [("percent", "77.89%")]
    assert kinds("1320场次")[0] == ("count", "1320场次")
    # 项 before 目 is the noun 项目 (a form run together: 自评总分: 95 项目实施单位), except in
    # 12 项目标 (twelve targets), 3 项目前 (three, at present) and 项目的
    assert kinds("95 项目实施单位") == [("number", "95"), ("TEXT", "项目实施单位")]
    assert kinds("12项目标")[0] == ("count", "12项")
    assert kinds("3项目前已完工")[0] == ("count", "3项")


def test_markers():
    for text in ("一、", "(一)", "(1)", "1.", "1、", "①", "二是", "第一，"):
        assert kinds(text + "内容")[0][0] == "marker", text


def test_document_numbers():
    assert kinds("(湛开财〔2024〕319 号)")[2] == ("docno", "〔2024〕319 号")
    assert kinds("湛财绩〔2021〕号")[1] == ("docno", "〔2021〕号")
    assert kinds("湛财绩[2022]5号")[1] == ("docno", "[2022]5号")


def test_keywords():
    assert ("keyword", "其中") in kinds("收入100万元，其中财政拨款")


def test_bad_character_is_a_problem_not_an_exception():
    items, problems = parse_text("收入\x00100万元")
    assert problems == [(2, "\x00")]
    assert any(i.kind == "amount" for i in items)


def test_parser_is_built_once():
    assert inline_parser() is inline_parser()


# The fast driver (linter.parsing._Driver) runs Lark's own tables and scanners; it must
# give exactly what Lark's parser gives, and leave to Lark whatever it does not handle.

def _shape(parse, failure, text):
    """Every item as (kind, its tokens' type, value, start, end), or None where ``parse``
    raises ``failure``."""
    try:
        items = parse(text)
    except failure:
        return None
    return [(i.kind, tuple((t.type, t.value, t.start_pos, t.end_pos) for t in i.tokens)) for i in items]


def _lark_items(text):
    from lark.exceptions import UnexpectedInput

    return _shape(inline_parser().parse, UnexpectedInput, text)


def _driver_items(text):
    from linter.parsing import _Fallback

    return _shape(_driver().parse, _Fallback, text)


def test_the_fast_driver_is_used_for_this_grammar():
    assert _driver() is not None


@needs_corpus
def test_the_fast_driver_agrees_with_lark_on_the_real_reports():
    from linter.normalise import normalise
    from linter.readers import read_path

    for f in corpus_files():
        for p in normalise(read_path(f)):
            assert _driver_items(p.text) == _lark_items(p.text), p.text[:60]


@settings(derandomize=True, database=None, deadline=None, max_examples=300)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.integers(0, 3000).map(str), st.text(max_size=6)),
                max_size=40).map("".join))
def test_the_fast_driver_agrees_with_lark_or_hands_over(text):
    mine = _driver_items(text)
    if mine is not None:  # where it hands over, Lark's parser decides
        assert mine == _lark_items(text)


def test_an_error_gives_the_same_problems_as_before():
    # the driver hands a text with a character no terminal takes to Lark's error path
    assert _driver_items("收入\x00100万元") is None
    items, problems = parse_text("2023年4\x01月收入\x00100万元")
    assert [c for _, c in problems] == ["\x01", "\x00"]
