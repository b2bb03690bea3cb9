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
