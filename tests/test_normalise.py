from hypothesis import given, settings, strategies as st

from linter.normalise import fold, normalise
from linter.source import Source

WRAPPED = (
    "经查阅、核实有关账务及项目等执行情况，填写自评表格并综合\n\n"
    "分析，形成本评价报告。现将 2023\n\n"
    "年度（单位名称）整体绩效自我评价报告如下：\n\n"
    "一、单位基本情况\n\n"
    "（一）单位机构设置、部门职能情况。\n\n"
    "单位机构设置：某某县党政办公室是根据县机构编制委员会批复设立\n\n"
    "的，为县政府工作部门。根据县编委的通知，党政办公室内设 13 个\n\n"
    "15\n\n"
    " 科室（部门）：综合科、秘书科、法制科、宣传科、督查科、机要科。\n\n"
    "人员情况：党政办单位共有编制 63 人，其中行政编制 29 人，参公\n\n"
    "管理事业编制 13 人，事业编制 18 人，工勤编制控制数 3 人。现实\n\n"
    "有人员 53 人，其中行政编制 24 人，参公管理事业编制 9 人，事业\n\n"
)


def paras(text, kind="text"):
    return normalise(Source("t.txt", text, kind))


def test_hard_wrapped_sentence_is_one_paragraph():
    ps = paras(WRAPPED)
    first = ps[0].text
    assert "现将 2023年度(单位名称)整体绩效自我评价报告如下:" in first, first
    assert [p.text for p in ps[1:3]] == ["一、单位基本情况", "(一)单位机构设置、部门职能情况。"]


def test_page_number_and_page_break_space_dropped():
    ps = paras(WRAPPED)
    joined = [p.text for p in ps if p.text.startswith("单位机构设置")][0]
    assert "内设 13 个科室(部门)" in joined
    assert "15" not in joined


def test_offsets_point_back_at_the_same_characters():
    src = Source("t.txt", WRAPPED)
    for p in normalise(src):
        assert len(p.offsets) == len(p.text) + 1
        for i, ch in enumerate(p.text):
            assert fold(src.text[p.offsets[i]]) == ch


def test_word_style_lines_are_paragraphs_and_tabs_are_cells():
    text = "一、基本情况\n收入 100 万元。\n\t1\n\t党政事务\n\t159.00\n续行内容\n\n\t2\n"
    ps = paras(text)
    assert [(p.kind, p.row, p.cell, p.text) for p in ps] == [
        ("text", None, None, "一、基本情况"),
        ("text", None, None, "收入 100 万元。"),
        ("cell", 0, 0, "1"),
        ("cell", 0, 1, "党政事务"),
        ("cell", 0, 2, "159.00续行内容"),
        ("cell", 1, 0, "2"),
    ]


def test_markdown_markup_is_dropped_with_offsets_kept():
    src = Source("t.md", "## 一、基本情况\n\n1. **单位情况。**我办为正科级。\n", "markdown")
    ps = normalise(src)
    assert [p.text for p in ps] == ["一、基本情况", "1. 单位情况。我办为正科级。"]
    p = ps[1]
    i = p.text.index("我办")
    assert src.text[p.offsets[i]:p.offsets[i] + 2] == "我办"


def test_fold_keeps_length_and_chinese_punctuation():
    s = "（１２３．４５％）：，。、①"
    assert fold(s) == "(123.45%):，。、①"
    assert len(fold(s)) == len(s)


def test_traditional_script_is_read_as_simplified_with_offsets_kept():
    # a report mirrored in traditional script: the rules read the simplified words, every
    # character still points back at its own place, and the original is what is quoted
    text = "一、預算執行情況\n本單位年度預算數為120萬元，實際支出90萬元，預算執行率75%。\n"
    src = Source("t.txt", text)
    ps = normalise(src)
    assert [p.text for p in ps] == ["一、预算执行情况", "本单位年度预算数为120万元，实际支出90万元，预算执行率75%。"]
    p = ps[1]
    i = p.text.index("预算执行率")
    assert text[p.offsets[i]:p.offsets[i] + 5] == "預算執行率"
    assert len(p.offsets) == len(p.text) + 1
    assert fold("计划财务科") == "计划财务科"  # simplified text is left as it is


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("收入支出万元，。：（）１２3 \n\t一、其中5.%年月日XX_") ), max_size=300))
def test_offset_map_property(text):
    _offsets_point_back(text)


def _offsets_point_back(text: str) -> None:
    """Every paragraph's offset map has one entry a character and one past the end, rises
    strictly, and points at the original character its folded one came from."""
    src = Source("t.txt", text)
    for p in normalise(src):
        assert len(p.offsets) == len(p.text) + 1
        assert all(a < b for a, b in zip(p.offsets, p.offsets[1:]))
        for i, ch in enumerate(p.text):
            assert fold(src.text[p.offsets[i]]) == ch


def test_list_item_broken_mid_word_by_a_stray_line_break_continues():
    # a Word paragraph that opens with a marker and is broken mid-word ("准" / "确性")
    first = "(1) 预算编制。一是预算编制合理性。部门预算编制符合本部门职责和工作要求，分配合理。二是预算编制准"
    text = first + "\n\n确性。\n\n(2)目标设置。一是目标完整性。能按要求申报绩效目标。\n"
    ps = paras(text)
    assert [p.text for p in ps] == [first + "确性。", "(2)目标设置。一是目标完整性。能按要求申报绩效目标。"]


def test_short_heading_with_marker_is_not_joined_to_the_next_line():
    text = "一、单位基本情况\n（一）单位机构设置、部门职能情况\n单位机构设置：本单位是县政府工作部门。\n"
    assert [p.text for p in paras(text)][:2] == ["一、单位基本情况", "(一)单位机构设置、部门职能情况"]


def test_a_long_title_is_not_joined_across_a_blank_line():
    title = "某某经济技术开发区党政办公室二〇二四年度部门整体支出绩效评价报告"
    ps = paras(title + "\n\n评价年度：2024 年度\n")
    assert [p.text for p in ps] == [title, "评价年度:2024 年度"]


def test_pinyin_glosses_of_a_mirror_page_are_dropped_with_offsets_kept():
    # a mirror site writes a toned syllable after some characters: 預(yù)算 is read as 预算,
    # and every character left still points back at its own place
    text = "乙县图书馆古籍修复经费預(yù)算20万元,实际支出15万元,執（zhí）行率75%。\n"
    src = Source("t.txt", text)
    (p,) = normalise(src)
    assert p.text == "乙县图书馆古籍修复经费预算20万元,实际支出15万元,执行率75%。"
    for i, ch in enumerate(p.text):
        assert fold(src.text[p.offsets[i]]) == ch
    i = p.text.index("预算")
    s = p.span(i, i + 2)
    assert (s.start, s.end) == (text.index("預"), text.index("算") + 1)
    assert text[p.offsets[p.text.index("执行率")]] == "執"


def test_brackets_that_are_no_pinyin_gloss_stay():
    # list labels, letters of a formula, abbreviations and toned syllables not after a
    # Chinese character are all kept
    for line in ("预算数(A)执行数(B)", "措施(a)加强管理", "监测(afp)病例", "疫苗(AEFI)监测",
                 "说明 (lǜ) 不在字后", "注音(yù)之外(yes)", "执行率(zhíxíngl)"):
        (p,) = paras(line + "\n")
        kept = line.replace("(yù)", "")
        assert p.text == fold(kept), (line, p.text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("预算执行率（）()yùzhíàa A \n一、5%") + ["(yù)", "（zhí）", "**", "(a)"]),
                max_size=80).map("".join))
def test_offset_map_property_with_glosses(text):
    _offsets_point_back(text)
