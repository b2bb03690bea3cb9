from linter.document import Document
from linter.source import Source


def profile(text):
    return Document(Source("r.txt", text)).profile


def test_header_fields():
    p = profile("部门整体支出绩效自评报告\n评价年度：2023 年度\n评价单位（公章）：某某县农业农村局\n填报日期：2024 年 4 月 20 日\n")
    assert (p.kind, p.year, p.unit) == ("self-evaluation", 2023, "某某县农业农村局")


def test_opening_sentence_and_placeholder_unit():
    p = profile("现将 2023 年度（单位名称）整体绩效自我评价报告如下：\n")
    assert (p.kind, p.year, p.unit) == ("self-evaluation", 2023, None)


def test_notice_year_gives_the_year_before():
    assert profile("根据《关于开展 2024 年财政资金绩效自评工作的通知》要求，我单位开展自评。\n").year == 2023


def test_evaluation_body_without_title_page():
    body = "一、基本情况\n" + "部门2024年度预算执行良好。\n" * 3 + "二、评价工作开展情况\n本次评价由评价小组完成。\n"
    p = profile(body)
    assert (p.kind, p.year) == ("external-evaluation", 2024)


def test_no_dominant_year_is_no_year():
    assert profile("一、基本情况\n2022年度与2023年度对比。\n2021年度情况。\n").year is None


def test_configured_year_when_nothing_is_stated():
    from linter.config import Config

    doc = Document(Source("r.txt", "一、基本情况\n无。\n"), Config(year=2022))
    assert doc.profile.year == 2022


def test_notice_naming_the_budget_year_gives_that_year():
    # 关于开展 N 年度……的通知 names the evaluated year; the bare N 年 is the year the work is done
    assert profile("根据《关于开展 2024 年度专项资金绩效自评工作的通知》要求，我站开展自评。\n").year == 2024
    assert profile("根据《关于开展 2024 年专项资金绩效自评工作的通知》要求，我站开展自评。\n").year == 2023


def test_title_names_of_the_report_give_the_year_before_the_notice():
    notice = "按照《关于开展 2024 年度县级预算绩效自评工作的通知》要求，我站对整体绩效目标进行了自评。\n"
    for title in ("青山县水文站 2023 年整体支出绩效自评总结报告",
                  "青山县水文站 2023 年整体和项目支出绩效自评报告",
                  "青山县2023年度水毁修复补助资金绩效评价自评报告",
                  "青山县水文站 2023 年度部门整体支出绩效评价报告"):
        p = profile(title + "\n" + notice)
        assert (p.year, p.year_from) == (2023, "title"), title


def test_a_cited_report_is_not_the_title():
    p = profile("转发《青山县 2021 年度部门整体支出绩效评价报告》的说明\n"
                "根据《关于开展 2023 年专项资金绩效自评工作的通知》要求，我站开展自评。\n")
    assert (p.year, p.year_from) == (2022, "notice")


def test_a_unit_field_without_a_name():
    p = profile("附件：部门整体支出绩效评价基础数据表 填报单位: 单位:万元\n在职人数 12 10\n")
    assert p.unit is None
    p = profile("部门整体支出绩效自评报告\n填报单位：青山县水文站\n")
    assert p.unit == "青山县水文站"


def test_who_wrote_an_evaluation_report():
    title = "青山县水文站 2023 年度部门整体支出绩效评价报告\n"
    # the unit evaluating itself, with its own team, in the first person
    own = profile(title + "一、基本情况\n我站核定编制 12 人。\n二、评价过程\n我站成立评价小组，对全年支出进行了评价。\n")
    assert own.kind == "self-evaluation"
    # a firm entrusted by the finance bureau
    firm = profile(title + "受青山县财政局委托，我所对该站整体支出开展绩效评价。\n")
    assert firm.kind == "external-evaluation"
    # neither a third party nor the unit speaks: not known
    assert profile(title + "一、基本情况\n该站核定编制 12 人。\n").kind == "unknown"


def test_a_title_under_a_web_page_header():
    lines = ["• 索引号", "• 12345-2024-001", "• 发布机构", "• 青山县文化和旅游局", "• 发布日期", "• 2024-06-30",
             "青山县文化馆2023年度部门整体支出绩效自评报告.docx", "一、部门基本情况", "我馆是公益性事业单位。"]
    p = profile("\n".join(lines) + "\n")
    assert (p.year, p.year_from) == (2023, "title")
    # past the first lines, a sentence that names a report is not a title
    lines[6] = "我馆已于 2023 年 4 月报送 2022 年度部门整体支出绩效自评报告"
    assert profile("\n".join(lines) + "\n").year is None
    # nor a listed attachment
    lines[6] = "附件 2：2022 年度部门整体支出绩效自评报告"
    assert profile("\n".join(lines) + "\n").year is None


def test_bulleted_page_fields_without_colons_are_no_title_lines():
    # (- 索引号… / - 有效性有效: a page's fields as a bulleted list, their values run into the labels)
    fields = ["- 索引号qs-2025-00031", "- 发布机构青山县林业局", "- 文号", "- 发布日期2025-03-18", "- 有效性有效"]
    p = profile("\n".join(fields + ["青山县林业局2024年度项目支出绩效单位自评报告"] * 2 + ["一、基本情况"]) + "\n")
    assert (p.year, p.year_from) == (2024, "title")


def test_an_opening_naming_the_unit_before_the_evaluated_year():
    # (no title) 对我局 N 年度……进行绩效评价。现将……报告如下: the unit between 对 and the year
    p = profile("根据《青山县财政局关于2024年部门整体支出绩效自评有关事项的通知》，对我局2024年度部门整体支出进行绩效评价。"
                "现将自评情况报告如下:\n青山县林业局是全县主管林业工作的行政机关。\n")
    assert (p.year, p.year_from) == (2024, "opening")


def test_a_form_with_its_year_in_brackets():
    p = profile("水产养殖示范项目绩效目标自评表（2022 年度）项目总得分 95 分\n实施单位：青山县水产站\n")
    assert (p.year, p.year_from) == (2022, "title")


def test_a_project_opening_names_the_unit_only_at_its_head():
    p = profile("现将 2023 年青山县交通运输局农村公路养护资金项目绩效自评报告如下：\n")
    assert (p.year, p.unit) == (2023, "青山县交通运输局")
    p = profile("现将 2023 年青山县东坪村产业道路配套项目绩效自评报告如下：\n")
    assert (p.year, p.unit) == (2023, None)
    p = profile("现将 2023 年度青山县水文站整体支出绩效自评报告如下：\n")
    assert p.unit == "青山县水文站"


def test_title_broken_over_short_lines():
    p = profile("发布时间：2024-05-20\n青山县文化馆2023年度\n部门整体支出\n绩效自评报告\n一、部门概况\n本馆负责群众文化活动。\n")
    assert (p.year, p.year_from) == (2023, "title")


def test_title_broken_before_its_last_words_in_results():
    # the name's second line is 自评结果 (a name in 结果); a heading after the first line is no part of it
    p = profile("青山县水务局2023年度农村供水类项目\n自评结果\n一、自评结论\n自评得分96分。\n")
    assert (p.year, p.year_from) == (2023, "title")
    p = profile("青山县水务局2023年度农村供水类项目\n一、自评结果\n自评得分96分。\n")
    assert p.year_from != "title"


def test_short_line_followed_by_body_is_no_title():
    p = profile("青山县文化馆2023年度\n工作总结\n一、部门概况\n本馆负责群众文化活动。\n")
    assert p.year_from != "title"


def test_a_funds_or_projects_self_evaluation_is_not_the_department_kind():
    body = "一、专项资金基本情况\n资金共50万元。\n二、绩效评价工作情况\n统一自评标准，形成自评报告。\n"
    assert profile("青山县水利局2023年度河道整治专项资金绩效评价报告\n" + body).kind == "project-self-evaluation"
    assert profile("青山县2024年度衔接资金绩效评价自评报告\n" + body).kind == "project-self-evaluation"
    # the department as a whole, or a title naming no project or fund
    assert profile("青山县水利局2023年度部门整体支出绩效自评报告\n" + body).kind == "self-evaluation"
    assert profile("青山县水利局2023年度绩效自评报告\n" + body).kind == "self-evaluation"


def test_a_form_named_as_the_title_gives_the_year():
    p = profile("青山县林业局2024年度森林防火补助资金绩效评价表\n发布时间：2025年3月2日\n一、资金投入情况\n")
    assert (p.year, p.year_from) == (2024, "title")
    # …not a form named in a sentence or under an attachment label
    assert profile("附件：2024年度森林防火补助资金绩效评价表\n一、资金投入情况\n").year is None
    assert profile("我局于3月填报了2024年度森林防火补助资金绩效评价表\n一、资金投入情况\n").year is None


def test_the_year_in_brackets_on_the_line_after_the_name():
    p = profile("附件3\n青山乡部门整体支出绩效自评报告\n（2022年度）\n一、部门基本情况\n")
    assert (p.year, p.year_from) == (2022, "title")
    # a bracketed year under a line that is no report's name is no title
    assert profile("青山乡工作情况\n（2022年度）\n一、部门基本情况\n").year is None


def test_a_first_line_naming_the_evaluation_without_report():
    for title in ("青山县文化馆2023年度部门整体支出绩效自评", "青山县文化馆2023年度部门整体支出绩效自评情况",
                  "青山县文化馆2023年度部门整体支出绩效自评结果公开", "青山县文化馆部门整体支出绩效自评报告（2023年度）"):
        p = profile(title + "\n一、基本情况\n本馆负责群众文化活动。\n")
        assert (p.year, p.year_from) == (2023, "title"), title
    # …not a sentence cut short, nor a later line
    assert profile("根据2023年度部门整体支出绩效评价\n一、基本情况\n").year is None
    assert profile("一、基本情况\n青山县文化馆2023年度部门整体支出绩效自评情况\n").year is None


def test_an_opening_telling_the_evaluation_done_and_announcing_the_report():
    text = ("为加强预算绩效管理，青山市人社局对2022年度城乡居保市级补贴使用情况开展了财政绩效评价工作。"
            "现将绩效评价情况报告如下：\n一、项目基本情况\n")
    p = profile(text)
    assert (p.year, p.year_from) == (2022, "opening")
    # …not without the announcement, nor when the title gives the year
    assert profile("青山市人社局对2022年度城乡居保市级补贴使用情况开展了绩效评价工作。\n一、项目基本情况\n").year is None
    assert profile("青山市人社局2023年度城乡居保补贴绩效评价报告\n" + text).year == 2023


def test_an_opening_naming_two_years_gives_no_year():
    p = profile("现将2022年度、2023年度部门整体支出绩效自评情况公开如下：\n一、基本情况\n")
    assert p.year is None


def test_a_title_on_a_span_of_years_gives_no_year():
    p = profile("青山县2020-2022年度高标准农田建设专项资金绩效评价报告\n一、基本情况\n本项目分三年实施。\n")
    assert p.year is None
    assert profile("青山县2020年至2022年度高标准农田建设专项资金绩效评价报告\n一、基本情况\n").year is None


def test_a_form_name_with_its_header_fields_run_in_and_a_bare_evaluation_title():
    p = profile("2021年度财政项目绩效自评表单位名称：青山县人民医院填报日期：2022年3月18日\n项目名称 院区建设\n")
    assert (p.year, p.year_from) == (2021, "title")
    p = profile("2020年度绩效评价\n发布日期：2021-10-12\n项目全年预算数为1050万元。\n")
    assert (p.year, p.year_from) == (2020, "title")


def test_an_opening_that_carried_out_the_evaluation_under_web_page_lines():
    text = ("发布时间：2025年04月14日\n下文中****为隐藏内容\n"
            "根据有关文件精神，我局开展了2024年度公共就业服务示范项目的绩效自评工作，现将绩效评价情况报告如下。\n一、基本情况\n")
    p = profile(text)
    assert (p.year, p.year_from) == (2024, "opening")


def test_first_line_naming_the_years_evaluation_work():
    # N 年度[单位]绩效评价工作开展情况 is the title; N 年 (the round held in N) is not
    p = profile("2021年度青山县妇联绩效评价工作开展情况\n一、工作开展情况\n单位组织开展绩效自评。\n")
    assert (p.year, p.year_from) == (2021, "title")
    assert profile("2021年青山县妇联绩效评价工作开展情况\n一、工作开展情况\n单位组织开展绩效自评。\n").year_from != "title"


def test_opening_with_self_evaluation_of_the_whole_spending():
    # 现将 N 年度[单位]整体支出自我绩效评价报告如下 is the opening, before the notice's year
    p = profile("青山县老干部局部门整体支出自我绩效评价报告\n"
                "根据《关于开展2022年度部门整体支出自我绩效评价的通知》要求，我单位形成本评价报告。"
                "现将2021年度青山县老干部局整体支出自我绩效评价报告如下：\n")
    assert (p.year, p.year_from) == (2021, "opening")


def test_year_in_brackets_under_the_name_below_a_pages_lines():
    p = profile("青山县博物馆自评报告.docx\n上传时间:2023-05-01\n下载 相关 举报\n第1页 / 共9页\n资源描述\n"
                "青山县博物馆免费开放绩效考评\n自评报告\n（2021年度）\n单位名称:\n青山县博物馆\n")
    assert (p.year, p.year_from) == (2021, "title")


def test_the_unit_heading_the_title():
    p = profile("青山县粮食局2023年度项目支出绩效自评报告\n一、基本情况\n本局负责粮食储备。\n")
    assert (p.year, p.title_unit) == (2023, "青山县粮食局")
    # a sentence, a notice or a fund's year before the title's year names no unit
    assert profile("青山县财政局关于报送2023年度项目支出绩效自评报告\n一、基本情况\n").title_unit is None
    assert profile("青山县2023年省级文物保护资金转移支付2023年度绩效自评报告\n一、基本情况\n").title_unit is None
    # a title that is the opening sentence: the unit after 现将, not the sentence's first words with it
    p = profile("现将青山县粮食局2023年度部门整体支出绩效自评情况报告如下：\n一、基本情况\n")
    assert (p.year, p.title_unit) == (2023, "青山县粮食局")


def test_a_page_date_run_into_the_name_is_not_its_year():
    # 发布日期：2023年10月19日 then the name (one paragraph), its year in brackets on the next line
    p = profile("标题:青山县气象局整体支出绩效自评报告 发布日期:2023年10月19日\n\n青山县气象局整体支出绩效自评报告\n\n"
                "(2022年度)\n\n一、基本情况\n2022年在职人数8人。\n")
    assert (p.year, p.year_from) == (2022, "title")


def test_the_unit_heading_a_title_run_into_the_line_above():
    # a page's breadcrumb line, run into the title's paragraph by the normaliser: the title's own line counts
    p = profile("当前位置：首页 > 政务公开 > 财政信息 > 部门预决算\n青山县粮食局2023年度项目支出绩效自评报告\n一、基本情况\n")
    assert (p.year_from, p.title_unit) == ("title", "青山县粮食局")


def test_a_plain_title_under_a_page_field_with_a_cover_run_into_it():
    # a web page's editor line above; the cover's fields on the title's line; a space before 年
    text = "编辑：某某 2019-03-02\n2018 年青山区文化馆免费开放经费项目 财政支出绩效评价 委托单位：青山区财政局 评价机构：某某咨询公司\n一、项目概况\n"
    p = profile(text)
    assert (p.year, p.year_from) == (2018, "title")
    # a sentence in the first line is no title, and a line that is no page field above it is no page furniture
    assert profile("本单位对2018 年青山区文化馆免费开放经费项目开展绩效评价 委托单位：青山区财政局\n").year_from != "title"
    assert profile("青山区文化馆情况说明\n2018 年青山区文化馆免费开放经费项目 财政支出绩效评价 委托单位：青山区财政局\n").year_from != "title"


def test_a_third_partys_opening_without_a_title_gives_the_year():
    p = profile("受某某区财政局委托，某某评估公司对某某区 2023 年社区服务专项资金开展绩效评价，形成本报告。\n一、项目概况\n")
    assert (p.year, p.year_from) == (2023, "opening")
    # (without the report announced, an entrusted evaluation told is no opening of this report)
    assert profile("受某某区财政局委托，某某评估公司曾对某某区 2021 年社区服务专项资金开展绩效评价。\n").year is None


def test_the_evaluations_object_in_the_opening_gives_the_year():
    p = profile("本次评价对象为某某县 2022 年度高标准农田建设项目资金，共计 2,400.00 万元。\n一、项目概况\n")
    assert (p.year, p.year_from) == (2022, "opening")
    # (an object over two years names no one year)
    assert profile("本次评价对象为 2021 年度、2022 年度高标准农田建设项目资金。\n").year is None


def test_a_title_ending_in_a_summary_gives_the_year():
    assert profile("2024 年度绩效自评工作总结\n一、自评开展情况\n我局开展了自评。\n").year == 2024


def test_a_budget_year_field_gives_the_year_without_an_evaluation_year_field():
    p = profile("部门整体支出绩效自评报告\n所属年度：2023 年\n填报单位：某某县司法局\n")
    assert (p.year, p.year_from) == (2023, "field")
    # (the evaluation-year field comes first)
    assert profile("预算年度：2024 年度\n评价年度：2023 年度\n").year == 2023


def test_a_form_named_for_central_transfers_gives_the_year():
    # (中央对地方 is the fund's name, not a sentence's 对)
    p = profile("2021 年中央对地方专项转移支付区域绩效目标自评表（某某分局）\n填报类型：区域\n")
    assert (p.year, p.year_from) == (2021, "title")
    assert profile("我局对 2021 年度项目支出绩效自评表进行了审核\n").year_from != "title"


def test_the_evaluation_told_in_the_reports_first_sentence_gives_the_year():
    p = profile("根据省财政厅要求，我厅认真开展了 2022 年度部门预算绩效自评工作。逐项量化评价。\n一、部门概况\n")
    assert (p.year, p.year_from) == (2022, "opening")
    # (not in a later sentence, nor in a later paragraph: an earlier round may be told there)
    assert profile("一、部门概况\n我厅开展了 2022 年度部门预算绩效自评工作。\n").year_from != "opening"
    assert profile("我厅职能如下。我厅开展了 2022 年度部门预算绩效自评工作。\n").year_from != "opening"


def test_a_self_evaluations_first_sentence_evaluating_a_years_spending_gives_the_year():
    p = profile("本部门按要求对 2021 年部门整体支出开展绩效自评，从评价情况来看项目完成情况良好。\n1. 项目绩效目标完成情况。\n")
    assert (p.year, p.year_from) == (2021, "opening")
    # (a year's spending evaluated by someone else, or an earlier round in a later sentence, is not the opening)
    assert profile("市财政局对 2021 年部门整体支出开展了重点评价。\n").year_from != "opening"
    assert profile("本部门职能如下。本部门对 2021 年部门整体支出开展绩效自评。\n").year_from != "opening"


def test_a_forms_name_with_a_bare_year_in_brackets_gives_the_year():
    p = profile("转移支付区域（项目）绩效目标自评表 (2021)\n索引号：某某\n")
    assert (p.year, p.year_from) == (2021, "title")


def test_a_tables_title_rows_give_the_year():
    p = profile("就业补助资金绩效自评表 | | |\n（2024 年度） | | |\n转移支付（项目）名称 | 就业补助资金 |\n")
    assert (p.year, p.year_from) == (2024, "title")
    # (a year in a row of several cells is a column's, not the title's)
    assert profile("就业补助资金绩效自评表 | | |\n（2024 年度） | 预算数 |\n").year_from != "title"


def test_the_notice_comes_before_the_first_sentences_evaluation():
    # (the notice the report answers is read first: the opening's year is then checked against it)
    p = profile("根据《关于开展 2024 年度中央对地方转移支付绩效自评工作的通知》，我厅认真开展了 2023 年度某某资金绩效自评工作。\n")
    assert (p.year, p.year_from) == (2024, "notice")


def test_a_fill_date_whose_day_lost_its_character_in_a_table():
    p = profile("某某局 2021 年度乡村道路项目自评表\n填报日期:2022 年 8 月 10 项目名称 乡村道路\n")
    assert p.fill_date == (2022, 8, 10)
    # (digits run on are no day)
    assert profile("某某局 2021 年度乡村道路项目自评表\n填报日期:2022 年 8 月 1023\n").fill_date is None
