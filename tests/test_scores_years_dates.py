"""The helpers behind the score, year and date rules (linter/scores.py, years.py, dates.py)."""
from decimal import Decimal

import pytest

from conftest import CORPUS, needs_corpus
from linter.config import DEFAULT_GRADE_BANDS
from linter.dates import days_in_month, resolve_year
from linter.document import Document
from linter.readers import read_path
from linter.scores import band, describe_bands, same_score, summaries, total_scores
from linter.source import Source


def doc_of(text: str) -> Document:
    return Document(Source("t.txt", text))


def test_fill_date_is_read_from_the_header():
    doc = doc_of("评价年度：2023 年度\n\n填报日期：2024 年 4 月 20 日\n\n正文。")
    assert doc.profile.fill_date == (2024, 4, 20)
    assert doc.text_at(doc.profile.fill_date_span) == "2024 年 4 月 20 日"


def test_no_fill_date():
    assert doc_of("评价年度：2023 年度\n\n正文。").profile.fill_date is None


@pytest.mark.parametrize("score, grade", [
    ("100", "优"), ("90", "优"), ("89.99", "良"), ("80", "良"), ("79.5", "中"), ("60", "中"), ("59.9", "差"), ("0", "差"),
])
def test_bands_lower_bound_inclusive(score, grade):
    assert band(Decimal(score), DEFAULT_GRADE_BANDS) == grade


def test_bands_described():
    assert describe_bands(DEFAULT_GRADE_BANDS) == "优 ≥ 90，良 80–90，中 60–80，差 < 60"


def test_february_without_a_year_may_be_a_leap_day():
    assert days_in_month(None, 2) == 29 and days_in_month(2023, 2) == 28 and days_in_month(2024, 2) == 29


def test_month_day_dates_take_their_year_from_context():
    doc = doc_of("评价年度：2022 年度\n\n我局于4月30日完成自评报告。2021年6月3日成立，6月9日挂牌。全年召开会议，11月30日结束。")
    years = [resolve_year(doc, d)[0] for d in doc.dates]
    assert years == [2023, 2021, 2021, None]


def test_same_score():
    doc = doc_of("自评得分为 98 分。自评得分为 98.00 分。自评得分为 95.5 分。评价得分为78.26分。综合得分为78.3分。")
    a, b, c, d, e = total_scores(doc)
    assert same_score(a, b) and not same_score(a, c) and same_score(d, e) and not same_score(a, d)


@needs_corpus
def test_corpus_profiles_and_summaries():
    by_name = {p.name[:3]: Document(read_path(str(p))) for p in sorted(CORPUS.glob("*.txt"))}
    assert by_name["003"].profile.fill_date == (2023, 4, 28)
    assert by_name["004"].profile.fill_date == (2025, 7, 8)
    assert by_name["000"].profile.fill_date is None
    items = summaries(by_name["002"])
    assert len(items) == 34 and {s.rank for s in items} == {1, 2, 3}


def test_a_total_score_stated_twice_is_one_inconsistent_claim():
    """JX202 reports (and counts) the report's total score stated with two values; JX501
    leaves the pair to it, so the file's coverage counts the clash once, not twice."""
    from linter.engine import check_text

    text = ("青禾县文化馆2023年度部门整体支出绩效自评报告\n"
            "经自评，本单位2023年度部门整体支出绩效自评得分为92分，等级为优。\n"
            "综上，本单位自评总得分为94分。\n")
    result = check_text(text)
    assert [f.code for f in result.findings if f.code in ("JX202", "JX501")] == ["JX202"]
    assert dict(result.coverage)["inconsistent"] == 1
