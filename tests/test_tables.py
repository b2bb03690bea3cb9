"""Tables rebuilt from tab-flattened cells and Markdown pipe rows (linter/tables.py)."""
from decimal import Decimal

from conftest import CORPUS, needs_corpus

from linter.document import Document
from linter.figures import item_name, mentions
from linter.source import Source


def doc_of(text: str, kind: str = "text") -> Document:
    from linter.readers.text import read_markdown, read_text

    data = text.encode("utf-8")
    source = read_markdown("t.md", data) if kind == "markdown" else read_text("t.txt", data)
    assert isinstance(source, Source)
    return Document(source)


BROKEN_HEADER = """表1 重点工作任务
\t序号
\t名称
\t预算

金额
（万元）
\t支出

金额
（万元）
\t完成情况

\t1
\t文化下乡
\t159.00
\t123.96
\t资金支出率77.96%。

\t
\t合计
\t159.00
\t123.96
"""


def test_a_header_broken_over_rows_is_put_back_together():
    (t,) = doc_of(BROKEN_HEADER).tables
    assert [c.header for c in t.columns] == ["序号", "名称", "预算金额(万元)", "支出金额(万元)", "完成情况"]
    assert [c.kind for c in t.columns] == ["seq", "text", "budget", "spent", "text"]
    assert [c.unit for c in t.columns][2:4] == ["万元", "万元"]


def test_a_bare_number_under_a_wan_yuan_header_is_an_amount_in_wan_yuan():
    (t,) = doc_of(BROKEN_HEADER).tables
    row = t.rows[0]
    q = t.value(row, t.columns[2])
    assert (q.kind, q.unit, q.value, q.precision) == ("amount", "万元", Decimal("159.00"), 2)
    assert t.label(row) == "文化下乡"


def test_an_empty_tab_cell_keeps_its_column():
    (t,) = doc_of(BROKEN_HEADER).tables
    total = t.rows[-1]
    assert total.is_total and total.aligned
    assert [c.column for c in total.cells] == [1, 2, 3]


def test_a_short_row_lost_its_merged_cells_on_the_left():
    text = "\t一级指标\n\t二级指标\n\t分值\n\t得分\n\n\t管理效率\n\t预算编制\n\t20\n\t18\n\n\t预算执行\n\t30\n\t27\n"
    (t,) = doc_of(text).tables
    second = t.rows[1]
    assert second.aligned
    assert t.value(second, t.columns[2]).value == 30
    assert t.value(second, t.columns[3]).kind == "score"


def test_a_row_that_does_not_fit_either_way_is_not_used():
    text = "\t名称\n\t预算数（万元）\n\t支出数（万元）\n\n\t甲\n\t1.00\n\t2.00\n\n\t乙\n\t3.00\n"
    (t,) = doc_of(text).tables
    assert not t.rows[1].aligned
    assert t.value(t.rows[1], t.columns[1]) is None


def test_a_row_broken_by_running_text_continues_after_it():
    text = ("\t指标\n\t分值\n\t评分说明\n\t得分\n\n\t产出\n\t20\n\t说明如下。\n\n"
            "（1）第一项，得 10 分。\n\n（2）第二项，得 9 分。\n\n\t19\n")
    (t,) = doc_of(text).tables
    assert len(t.rows) == 1
    assert t.value(t.rows[0], t.columns[3]).value == 19


def test_markdown_tables_split_at_each_separator():
    text = ("| 名称 | 金额（万元） |\n| --- | --- |\n| 甲 | 1.00 |\n\n"
            "| 名称 | 金额（元） |\n| --- | --- |\n| 乙 | 2.00 |\n")
    t1, t2 = doc_of(text, "markdown").tables
    assert t1.columns[1].unit == "万元" and t2.columns[1].unit == "元"
    q = t2.value(t2.rows[0], t2.columns[1])
    assert (q.unit, doc_of(text, "markdown").text_at(q.span)) == ("元", "2.00")


def test_item_names_drop_the_words_that_only_say_what_kind_of_item():
    assert item_name("党政事务工作经费") == item_name("党政事务") == "党政事务"
    assert item_name("宣传经费") != item_name("对外宣传工作")


def test_respectively_pairs_names_and_figures():
    text = "2023 年“甲工作经费”“乙工作经费”支出率分别为 80.00%、90.00%。"
    ms = mentions(doc_of(text))
    assert {(m.item, str(m.q.value)) for m in ms} == {("甲", "80.00"), ("乙", "90.00")}


@needs_corpus
def test_corpus_report_002_tables():
    from linter.readers import read_path

    doc = Document(read_path(str(CORPUS / "002_2ba9f694ef350339.txt")))
    tables = doc.tables
    kinds = [tuple(c.kind for c in t.columns) for t in tables]
    assert ("seq", "text", "text", "budget", "spent", "text") in kinds  # 表1-1, header over three rows
    assert ("text", "text", "score-max", "score", "score-rate") in kinds  # 表3-1
    project_list = next(t for t in tables if t.columns[-1].header == "决算数(元)")
    total = project_list.rows[-1]
    assert total.is_total and total.aligned
    assert project_list.value(total, project_list.columns[-1]).value == Decimal("5337394.90")


def test_the_docx_reader_gives_the_same_tables():
    import pytest

    pytest.importorskip("docx")
    from docfixtures import make_docx

    from linter.engine import check_source
    from linter.config import Config
    from linter.readers import read_bytes
    from conftest import ROOT

    text = (ROOT / "examples" / "planted-tables.txt").read_text("utf-8")
    codes = ("JX105", "JX110", "JX111", "JX112", "JX501")
    config = Config(select=codes)
    from_text = check_source(read_bytes("a.txt", text.encode("utf-8")), config)
    from_docx = check_source(read_bytes("a.docx", make_docx(text)), config)
    assert sorted(f.code for f in from_docx.findings) == sorted(f.code for f in from_text.findings)
    assert set(codes) == {f.code for f in from_text.findings}


def test_a_caption_gives_the_money_unit():
    text = "表2 支出情况\n单位：万元\n\t项目\n\t预算数\n\t支出数\n\n\t培训\n\t10.00\n\t8.00\n"
    (t,) = doc_of(text).tables
    assert [c.unit for c in t.columns] == ["", "万元", "万元"]
    q = t.value(t.rows[0], t.columns[1])
    assert (q.kind, q.unit) == ("amount", "万元")
    md = "单位：元\n\n| 项目 | 财政拨款 | 其他资金 | 合计 |\n| --- | --- | --- | --- |\n| 培训 | 10 | 5 | 15 |\n| 会议 | 20 | 5 | 25 |\n"
    (t,) = doc_of(md, "markdown").tables
    assert [c.unit for c in t.columns] == ["", "元", "元", "元"]


def test_total_words_and_outline_depths():
    from linter.tables import is_total_word, label_depth

    assert is_total_word("合计") and is_total_word("收入合计") and is_total_word("支出 小计")
    assert not is_total_word("合计数说明：以下各项按决算报表填列")
    assert [label_depth(t) for t in ("一、基本支出", "（一）人员经费", "1.工资", "（1）津贴", "①奖金", "其中：公用经费", "项目支出")] \
        == [1, 2, 3, 4, 5, 6, 0]


def test_a_header_naming_what_the_rows_are_is_words_not_money():
    # (支出类别, 资金来源, 资金项目, 支出功能分类: the names of the rows, not amounts — their rows
    # keep their columns)
    doc = doc_of("| 支出类别 | 金额（万元） | 占比 |\n| --- | --- | --- |\n| 基本支出 | 820.50 | 64.21% |\n\n"
                 "| 资金来源 | 预算数 | 到位数 | 到位率 |\n| --- | --- | --- | --- |\n| 省级资金 | 150.00 | 126.00 | 84.00% |\n\n"
                 "| 资金项目 | 支出功能分类 | 项目支出 |\n| --- | --- | --- |\n| 宣传经费 | 文化旅游 | 12.00 |\n")
    first, second, third = doc.tables
    assert [c.kind for c in first.columns] == ["text", "amount", "share"]
    assert [c.kind for c in second.columns] == ["text", "budget", "amount", "share"]
    assert [c.kind for c in third.columns] == ["text", "text", "spent"]  # (项目支出 is money)
    assert all(r.aligned for t in doc.tables for r in t.rows)


def test_a_header_naming_a_money_unit_alone_is_a_column_of_money():
    # (2025年（万元）: money named by its year; 增减率: a rate, not words)
    doc = doc_of("| 支出项目 | 2025年（万元） | 2024年（万元） | 增减率 |\n| --- | --- | --- | --- |\n"
                 "| 公务接待费 | 8.40 | 10.50 | -20.00% |\n")
    (table,) = doc.tables
    assert [c.kind for c in table.columns] == ["text", "amount", "amount", "share"]
    assert table.rows[0].aligned


def test_a_target_column_is_a_column_of_figures():
    # (年度指标值: the target's figure, even in a table of one row)
    doc = doc_of("| 年度绩效指标 | 年度指标值 | 实际完成值 | 完成率 |\n| --- | --- | --- | --- |\n"
                 "| 发放宣传资料（份） | 10000 | 9650 | 96.5% |\n")
    (table,) = doc.tables
    assert [c.kind for c in table.columns] == ["text", "count", "spent", "share"]
    assert table.rows[0].aligned
