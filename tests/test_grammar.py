from lark import Lark

from linter.parsing import inline_parser, parse_text


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
