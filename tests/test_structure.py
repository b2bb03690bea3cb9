"""The outline of headings and lists (linter/structure.py)."""
from linter.document import Document
from linter.source import Source
from linter.structure import cn_numeral, outline, renumber


def items(text):
    doc = Document(Source("t.txt", text))
    o = outline(doc)
    return doc, o, [(doc.text_at(i.marker.span).strip(), i.depth, i.problem) for i in o.items]


def test_levels_follow_the_order_styles_appear():
    _, o, got = items("一、基本情况\n（一）机构。内设科室。\n1. 办公室。负责事务。\n（二）人员。20 人。\n二、自评情况\n无。")
    assert got == [("一、", 0, None), ("（一）", 1, None), ("1.", 2, None), ("（二）", 1, None), ("二、", 0, None)]
    assert o.levels[0] == ("cn-dun", "paren-cn", "ar-dot")


def test_markers_after_a_comma_are_not_items():
    _, _, got = items("重点工作包括：（1）宣传，（2）党政事务，（3）信息化。")
    assert got == [("（1）", 0, None)]


def test_one_is_two_is_after_a_comma_are_items():
    _, _, got = items("在项目管理方面，一是建库，二是动态管理。在资金方面，一是专账核算；二是按进度拨付。")
    assert [(g[0], g[2]) for g in got] == [("一是", None), ("二是", None), ("一是", "restart"), ("二是", None)]


def test_inline_items_after_a_full_stop_are_items():
    _, _, got = items("（1）制度健全。制度完备。（2）支出率。100%。（4）合规性。规范。")
    assert [g[2] for g in got] == [None, None, "gap"]


def test_a_same_style_restart_nests_and_the_outer_list_resumes():
    _, o, got = items("（一）职能情况。\n（一）负责统计。\n（二）负责调查。\n（二）年度工作。完成调查。")
    assert [g[2] for g in got] == [None, "restart", None, None]
    outer, inner1, _, outer2 = o.items
    assert inner1.parent == outer.index and outer2.prev == outer.index


def test_a_list_interrupted_by_another_style_is_resumed():
    _, o, got = items("（1）经济性。节约。\n（一）党建。学习。\n（二）业务。完成。\n（2）效率性。及时。")
    assert [g[2] for g in got] == [None, None, None, None]
    assert o.items[3].prev == 0


def test_cells_and_appendices_are_scopes_of_their_own():
    doc, o, got = items("一、评分\n\t1.计分。\n\t3.扣分。\n\n二、说明\n附件1：分析\n一、履职效能\n指标 50 分。")
    assert [g[2] for g in got] == [None, None, None, None, None]
    kinds = [o.scope_kinds[i.scope] for i in o.items]
    assert kinds == ["body", "cell", "cell", "body", "body"]
    assert o.items[0].scope != o.items[4].scope


def test_an_items_content_runs_to_the_next_item():
    _, o, _ = items("（一）结果。\n说明文字。\n（二）问题。\n（三）措施。加强管理。")
    first, second, third = o.items
    assert first.wordy and o.has_content(first)
    assert not o.has_content(second) and o.has_content(third)


def test_numbers_are_rewritten_in_their_own_style():
    assert [cn_numeral(n) for n in (1, 10, 14, 20, 21)] == ["一", "十", "十四", "二十", "二十一"]
    assert renumber("paren-cn", "（十三）", 14) == "（十四）"
    assert renumber("paren-ar", "(7)", 8) == "(8)"
    assert renumber("circled", "③", 4) == "④"


def test_a_label_opens_a_new_list_without_a_restart():
    # inside a paragraph (half-width stops from a PDF) and as a line of its own
    _, o, got = items("主要问题:一是储备不足.整改措施:一是加强储备。二是细化目标。")
    assert [g[2] for g in got] == [None, None, None]
    assert o.items[1].parent == 0 and o.items[1].prev is None
    _, _, got = items("1.办公费\n2.会议费\n专项经费：\n30.00\n1.设备购置\n2.系统运维")
    assert [g[2] for g in got] == [None, None, None, None]


def test_a_one_sentence_list_of_the_same_style_is_its_headings_content():
    _, o, _ = items("1.概况\n在编8人。\n2.职责\n1.承担检测工作。\n2.承担抽查工作。\n3.目标\n完成检测。")
    assert o.items[2].problem == "restart" and o.holds_list(o.items[1]) and o.has_content(o.items[1])
    # items with bodies of their own are sections from elsewhere; a lone 1 is no list
    _, o, _ = items("1.概况\n在编8人。\n2.工作\n1.检测建设\n新购设备。\n2.质量监管\n抽检600批。")
    assert not o.holds_list(o.items[1])
    _, o, _ = items("1.概况\n在编8人。\n2.职责\n1.承担检测工作。\n3.目标\n完成检测。")
    assert not o.holds_list(o.items[1])


def test_flattened_tables_and_decimal_sections():
    from linter.structure import in_flat_table, numeric, section_between

    assert numeric("25,872.71 ") and numeric("6.00 ?") and not numeric("项目支出:")
    doc, o, _ = items("1.办公费\n2.10\n2.差旅费\n3.会议费 0.80")
    assert [in_flat_table(doc, i) for i in o.items] == [True, True, True]
    doc, o, _ = items("1.概述\n1.2支出\n1.基本支出。\n2.评价\n1.5万元用于培训。\n1.项目。")
    first, inner, second, last = o.items
    assert section_between(doc, first, inner) and not section_between(doc, second, last)


def test_a_page_number_alone_is_no_table():
    from linter.structure import in_flat_table

    doc, o, _ = items("1.概况\n在编8人。\n- 3 -\n2.职责\n承担检测。\n8\n10\n3.目标\n完成。")
    assert [in_flat_table(doc, i) for i in o.items] == [False, False, True]


def test_a_numbered_heading_ending_in_a_colon_is_no_label_and_tab_cells_are_no_flat_table():
    from linter.structure import in_flat_table

    # 1. 2. under "1. 效益:" stay one list with the heading: the second 1. is a repeat
    _, _, got = items("1. 效益:\n1.经济效益。节约5万元。\n3.生态效益。减排20吨。")
    assert [g[2] for g in got] == [None, "duplicate", None]
    doc, o, _ = items("三、指标\n完成情况如下。\n四、主要绩效\n\t78.26%\t90.00%\n\n五、问题\n无。")
    assert [i.marker.text for i in o.items] == ["三、", "四、", "五、"]
    assert not in_flat_table(doc, o.items[1])


def test_decimal_sections_belong_to_the_arabic_style():
    from linter.structure import section_between

    doc, o, _ = items("1.概述\n1.2、支出情况\n1.基本支出。\n2.结论\n良好。")
    assert section_between(doc, o.items[0], o.items[1])
    doc, o, _ = items("一、概述\n1.2 支出情况\n一、基本支出\n二、结论\n良好。")
    assert not section_between(doc, o.items[0], o.items[1])
