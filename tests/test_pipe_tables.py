"""Pipe tables (``a | b | c |`` rows of web pages and exports, ``| a | b |`` Markdown rows):
the normaliser makes their cells the cell paragraphs a tab-flattened row gives, with an
exact map back; the table rules read them; prose rules no longer read them as prose.

Every text here is written for these tests.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.config import Config
from linter.engine import check_text
from linter.normalise import first_lines, fold, is_pipe_row, normalise
from linter.source import Source


def paras(text: str, kind: str = "text"):
    return normalise(Source("t.txt", text, kind))


def cells(text: str, kind: str = "text"):
    return [(p.kind, p.row, p.cell, p.text) for p in paras(text, kind)]


def codes(text: str, *select: str) -> list[tuple[str, str]]:
    result = check_text(text, config=Config(select=select) if select else None)
    return [(f.code, text[f.span.start:f.span.end]) for f in result.findings]


# --- which lines are rows --------------------------------------------------

def test_which_lines_are_rows():
    rows = [
        "项目 | 预算数 | 支出数 |",  # a web page's row: separators and a closing bar
        "项目 | 预算数 | 支出数",  # two separators, no closing bar
        "| 项目 | 预算数 |",  # Markdown
        "|项目|预算数|",  # Markdown without spaces
        "项目名称 |",  # one cell a line, closed by " |"
        "|",  # a row of empty cells
        "名称 | 值 | ||||",  # empty cells run together
        "某某资金自评表 | |||||",  # a title cell and empty cells
    ]
    prose = [
        "资金来源 | 财政拨款",  # one separator: not enough to call it a table
        "偏差率=|实际值-目标值|/目标值×100%",  # absolute value bars
        "甲|乙|丙",  # bars with no space and no bar at either end
        "说明：见附表|",  # a closing bar with no space before it
        "普通的一句话。",
    ]
    assert [is_pipe_row(s) for s in rows] == [True] * len(rows)
    assert [is_pipe_row(s) for s in prose] == [False] * len(prose)


# --- cells, rows and the map back -----------------------------------------

def test_pipe_rows_become_cells_one_row_a_line():
    text = ("一、资金情况\n"
            "项目 | 预算数（万元） | 支出数（万元） |\n"
            "培训 | 10.00 | 8.00 |\n"
            "| 会议 | | 5.00 |\n"
            "说明：以上为全年数。\n")
    assert cells(text) == [
        ("text", None, None, "一、资金情况"),
        ("cell", 0, 0, "项目"),
        ("cell", 0, 1, "预算数(万元)"),
        ("cell", 0, 2, "支出数(万元)"),
        ("cell", 1, 0, "培训"),
        ("cell", 1, 1, "10.00"),
        ("cell", 1, 2, "8.00"),
        ("cell", 2, 0, "会议"),  # the empty cell keeps its column
        ("cell", 2, 2, "5.00"),
        ("text", None, None, "说明:以上为全年数。"),  # a line after a row does not continue its last cell
    ]


def test_the_markdown_rule_line_is_no_row_and_markup_is_dropped():
    text = "| 名称 | 金额（元） |\n| :--- | ---: |\n| **甲** | 1.00 |\n"
    assert cells(text, "markdown") == [
        ("cell", 0, 0, "名称"), ("cell", 0, 1, "金额(元)"),
        ("cell", 1, 0, "甲"), ("cell", 1, 1, "1.00"),
    ]


def test_pipe_rows_and_tab_rows_keep_apart():
    text = "\t序号\n\t名称\n\n| 1 | 甲 |\n\t2\n\t乙\n"
    got = cells(text)
    assert got == [
        ("cell", 0, 0, "序号"), ("cell", 0, 1, "名称"),
        ("cell", 1, 0, "1"), ("cell", 1, 1, "甲"),
        ("cell", 2, 0, "2"), ("cell", 2, 1, "乙"),
    ]


def test_a_line_of_one_cell_closed_by_a_bar_is_a_row_of_its_own():
    text = "自评表 |\n1.年度目标 |\n\n2.实施过程 |\n"
    assert cells(text) == [("cell", 0, 0, "自评表"), ("cell", 1, 0, "1.年度目标"), ("cell", 2, 0, "2.实施过程")]


def test_a_hard_wrapped_text_does_not_take_pipe_rows_for_its_page_width():
    line = "本单位严格执行预算管理制度，各项资金按照规定用途使用，未发现截留挪用情况，"
    text = "\n".join([line] * 10 + ["项目 | 预算数 | 支出数 |"] * 30) + "\n"
    ps = paras(text)
    assert ps[0].kind == "text" and len(ps[0].text) == 10 * len(line)
    assert sum(p.kind == "cell" for p in ps) == 90


MIXED = ("某某县2023年度项目支出绩效自评报告\n"
         "| 指标 | 分值 | 得分 |\n|---|---|---|\n| **产出** | ２０ | 18 |\n"
         "数量指标 | 培训人次　| ≥100人次 |\r\n"
         "  资金 | 1,041.61万元 | |||\n"
         "|\n普通段落 | 一句\n")


def _check_map(text: str) -> None:
    last = -1
    for p in normalise(Source("t.txt", text)):
        assert len(p.offsets) == len(p.text) + 1
        for i, ch in enumerate(p.text):
            off = p.offsets[i]
            assert off > last
            last = off
            assert fold(text[off]) == ch
        line_start = max(text.rfind("\n", 0, p.start), text.rfind("\r", 0, p.start)) + 1
        if p.kind == "cell" and text[line_start] != "\t":
            # a pipe row's cell never holds a bar, and its span is its own text
            assert "|" not in p.text
            assert fold(text[p.start:p.end]).replace("**", "") == p.text


def test_the_map_points_back_at_every_character_of_a_cell():
    _check_map(MIXED)
    ps = paras(MIXED)
    for p in ps:
        if p.kind == "cell":
            s = p.span(0, len(p.text))
            assert fold(MIXED[s.start:s.end]).replace("**", "") == p.text


CELL_TEXT = st.lists(st.sampled_from(
    ["项目", "预算数", "（万元）", "10.00", "１２３", "得分", "合计", "**", " ", "\u3000", "-", "—", "1.", "其中：", "%",
     "x", "年", "月"]), max_size=5).map("".join)
SEP = st.sampled_from([" | ", "|", " |", "| ", "  |  ", "||", " || "])
ROW = st.tuples(st.booleans(), st.lists(st.tuples(CELL_TEXT, SEP), min_size=1, max_size=6), st.booleans()).map(
    lambda t: ("| " if t[0] else "") + "".join(c + s for c, s in t[1]) + ("" if t[2] else "tail"))
LINE = st.one_of(ROW, ROW, CELL_TEXT, st.sampled_from(["", "|---|---|", "| --- | :-: |", "\t甲", "一、基本情况"]))


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(LINE, max_size=12), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_offset_map_property_with_pipe_rows(lines, end):
    text = end.join(lines)
    _check_map(text)
    for p in normalise(Source("t.txt", text)):
        if p.kind == "cell" and p.row is not None:
            assert p.cell is not None and p.cell >= 0


# --- the first lines of a report ------------------------------------------

def test_first_lines_count_a_row_of_cells_once():
    ps = paras("首页 | 信息公开 | 无障碍 |\n某某局\n2023年度项目支出绩效自评报告\n正文。\n")
    assert [p.text for p in first_lines(ps, 2)] == ["首页", "信息公开", "无障碍", "某某局"]
    assert first_lines(ps, 10) == ps
    plain = paras("甲。\n乙。\n丙。\n")
    assert first_lines(plain, 2) == plain[:2]


def test_a_navigation_row_above_the_title_does_not_hide_the_title_year():
    from linter.document import Document

    text = ("首页 | 信息公开 | 无障碍 |\n某某县卫生健康局\n当前位置：首页 > 信息公开\n索引号：000-2024-001\n"
            "名称：某某县卫生健康局2023年度项目支出绩效自评报告\n"
            "根据《关于开展2022年度绩效自评工作的通知》要求，开展自评。\n")
    assert Document(Source("t.txt", text)).profile.year == 2023


# --- the tables and the rules ----------------------------------------------

WEB_AMOUNTS = ("某某县文化馆2023年度项目支出绩效自评报告\n"
               "一、资金使用情况\n"
               "项目 | 预算数（万元） | 支出数（万元） |\n"
               "演出活动 | 30.00 | 28.00 |\n"
               "图书采购 | 20.00 | 19.50 |\n"
               "合计 | 50.00 | {total} |\n")

WEB_SCORES = ("某某县文化馆2023年度项目支出绩效自评报告\n"
              "二、自评得分\n"
              "一级指标 | 分值 | 得分 |\n"
              "决策 | 20 | 19 |\n"
              "过程 | 20 | {score} |\n"
              "产出 | 40 | 38 |\n"
              "效益 | 20 | 18 |\n"
              "合计 | 100 | {total} |\n")


def test_a_web_pipe_table_is_a_table():
    from linter.document import Document

    (t,) = Document(Source("t.txt", WEB_AMOUNTS.format(total="47.50"))).tables
    assert t.kind == "pipe"
    assert [(c.header, c.kind, c.unit) for c in t.columns] == [
        ("项目", "text", ""), ("预算数(万元)", "budget", "万元"), ("支出数(万元)", "spent", "万元")]
    assert [r.is_total for r in t.rows] == [False, False, True]


def test_table_rules_read_a_web_pipe_table():
    assert codes(WEB_AMOUNTS.format(total="47.50"), "JX110") == []
    assert codes(WEB_AMOUNTS.format(total="46.50"), "JX110") == [("JX110", "46.50")]
    assert codes(WEB_SCORES.format(score="20", total="95"), "JX111", "JX112") == []
    assert codes(WEB_SCORES.format(score="21", total="96"), "JX111", "JX112") == [("JX112", "21")]


def test_markdown_tables_split_at_each_rule_line_even_without_a_blank_line():
    from linter.document import Document

    text = ("| 名称 | 金额（万元） |\n| --- | --- |\n| 甲 | 1.00 |\n"
            "| 名称 | 金额（元） |\n| --- | --- |\n| 乙 | 2.00 |\n")
    t1, t2 = Document(Source("t.md", text, "markdown")).tables
    assert (t1.kind, t2.kind) == ("markdown", "markdown")
    assert t1.columns[1].unit == "万元" and t2.columns[1].unit == "元"
    assert [[c.text for c in r.cells] for r in t1.rows] == [["甲", "1.00"]]


def test_a_negative_number_alone_in_a_cell_keeps_its_sign():
    text = "| 项目 | 金额（万元） |\n| --- | --- |\n| 结余 | 120.00 |\n| 调整 | -20.00 |\n| 合计 | 100.00 |\n"
    assert codes(text, "JX110") == []


def test_numbered_notes_in_cells_are_not_headings():
    text = ("项目支出自评表 |\n1.年度目标的完成情况 |\n2.实施内容和过程概述 |\n预算执行情况(10分) |\n"
            "1.执行率=执行数/调整后预算数;2.年中调整预算的应写明理由 |\n")
    assert codes(text, "JX403") == []


def test_a_line_of_prose_with_a_bar_is_still_prose():
    # one bar: the paragraph is read as prose, and its rate is still checked
    text = "全年预算数100万元，全年执行数80万元，预算执行率90% | 详见附表。\n"
    assert [p.kind for p in paras(text)] == ["text"]


def test_bars_inside_a_tab_flattened_cell_stay_in_the_cell():
    # the .docx and .pdf readers write a Word table's cells led by tabs: a cell's own
    # text with bars in it is still one cell
    text = "\t名称\n\t甲 | 乙 | 丙 |\n\n\t合计\n\t| 10 |\n"
    assert cells(text) == [
        ("cell", 0, 0, "名称"), ("cell", 0, 1, "甲 | 乙 | 丙 |"),
        ("cell", 1, 0, "合计"), ("cell", 1, 1, "| 10 |"),
    ]
