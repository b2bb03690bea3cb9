"""What a report is: its kind, the evaluated year and the unit that wrote it.

Read from the header block (评价年度：… 评价单位：…) and the opening sentence
(现将 2023 年度××整体绩效自我评价报告如下), falling back to the notice the
report answers (关于开展 2024 年……自评工作的通知 evaluates 2023).
"""
from __future__ import annotations

import re
from collections import Counter

import attrs

from .source import Span

KINDS = ("self-evaluation", "project-self-evaluation", "external-evaluation", "unknown")

_YEAR_FIELD = re.compile(r"(?:评价|自评|考核)年度\s*[:：]\s*(\d{4})\s*年?")
_OPENING = re.compile(r"现将\s*(\d{4})\s*年度?\s*(.{0,60}?)\s*(?:部门|单位)?(?:整体|项目)(?:支出)?绩效")
_UNIT_FIELD = re.compile(r"(?:评价|自评|填报|报告)单位\s*(?:\((?:公章|盖章)\))?\s*[:：]\s*([^\s:：(]{2,40})")
_NOTICE = re.compile(r"关于开展\s*(\d{4})\s*年")
_TITLE_YEAR = re.compile(r"(\d{4})\s*年度?[^。，]{0,40}(?:绩效自评报告|绩效评价报告|自我评价报告)")
# 填报日期：2023 年 4 月 28 日 — the date the unit filled in the report.
_FILL_DATE = re.compile(r"(?:填报|填表|报告|报送)日期\s*[:：]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DECLARED_UNIT = re.compile(
    r"([\u4e00-\u9fff]{4,30}?(?:办公室|委员会|局|委|部|中心|院|站|所|厅|办))\s*\(以下简称"
)
PLACEHOLDER_UNIT = re.compile(r"^[(（]?\s*(?:单位名称|部门名称|[X×xＸ*＊]{2,}.*)\s*[)）]?$")


@attrs.frozen
class Profile:
    kind: str = "unknown"
    year: int | None = None
    year_span: Span | None = None
    unit: str | None = None
    unit_span: Span | None = None
    # 填报日期 as (year, month, day), and the span of the whole date; None when absent
    fill_date: tuple[int, int, int] | None = None
    fill_date_span: Span | None = None


def detect(paragraphs, default_year: int | None = None) -> Profile:
    head = paragraphs[:40]
    joined = "\n".join(p.text for p in head)
    kind = _kind(joined)
    if kind == "unknown":
        # an evaluation's body with no title page: its team speaks of itself
        body = "\n".join(p.text for p in paragraphs[:200] if p.kind == "text")
        if _EXTERNAL.search(body):
            kind = "external-evaluation"
    year = year_span = None
    unit = unit_span = None

    for p in head:
        m = _YEAR_FIELD.search(p.text)
        if m and year is None:
            year, year_span = int(m.group(1)), p.span(m.start(1), m.end(1))
        m = _UNIT_FIELD.search(p.text)
        if m and unit is None:
            cand = m.group(1).strip()
            if not PLACEHOLDER_UNIT.match(cand) and not cand.startswith("("):
                unit, unit_span = cand, p.span(m.start(1), m.end(1))
    for p in head:
        m = _OPENING.search(p.text)
        if m:
            if year is None:
                year, year_span = int(m.group(1)), p.span(m.start(1), m.end(1))
            cand = m.group(2).strip()
            s, e = m.start(2), m.end(2)
            if cand.startswith(("(", "（")) and cand.endswith((")", "）")):
                cand, s, e = cand[1:-1].strip(), s + 1, e - 1
            if unit is None and cand and not PLACEHOLDER_UNIT.match(cand):
                unit, unit_span = cand, p.span(s, e)
            break
    if unit is None:
        # a body introduced with its short form: 某某县党政办公室（以下简称“县党政办”）
        for p in head:
            m = _DECLARED_UNIT.search(p.text)
            if m:
                unit, unit_span = m.group(1), p.span(m.start(1), m.end(1))
                break
    if year is None:
        for p in head[:5]:
            m = _TITLE_YEAR.search(p.text)
            if m:
                year, year_span = int(m.group(1)), p.span(m.start(1), m.end(1))
                break
    if year is None:
        for p in head:
            m = _NOTICE.search(p.text)
            if m:
                year = int(m.group(1)) - 1
                break
    if year is None and default_year:
        year = default_year
    if year is None:
        year, year_span = _dominant_year(paragraphs)
    fill_date = fill_span = None
    for p in head:
        m = _FILL_DATE.search(p.text)
        if m:
            fill_date = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
            fill_span = p.span(m.start(1), m.end(0))
            break
    return Profile(kind, year, year_span, unit, unit_span, fill_date, fill_span)


_YEAR_OF_WORK = re.compile(r"(\d{4})\s*年度")


def _dominant_year(paragraphs) -> tuple[int | None, Span | None]:
    """A report with no header (an evaluation's body text) names its year by
    speaking of "2024年度" throughout: take the year when it is at least three
    mentions and two thirds of all "NNNN年度" mentions."""
    counts: Counter = Counter()
    first: dict[int, Span] = {}
    for p in paragraphs:
        for m in _YEAR_OF_WORK.finditer(p.text):
            y = int(m.group(1))
            counts[y] += 1
            first.setdefault(y, p.span(m.start(1), m.end(1)))
    if not counts:
        return None, None
    year, n = counts.most_common(1)[0]
    if n >= 3 and n * 3 >= 2 * sum(counts.values()):
        return year, first[year]
    return None, None


_EXTERNAL = re.compile(r"绩效评价报告|评价报告|评价小组|评价组|本次评价|评价机构")


def _kind(text: str) -> str:
    # a report that calls itself 整体（支出）绩效自评/自我评价 is one, even when it
    # later names the 项目支出绩效自评 forms its team filled in
    if re.search(r"整体(?:支出)?(?:绩效)?(?:自评|自我评价)", text):
        return "self-evaluation"
    if re.search(r"项目支出绩效自评|项目绩效自评", text):
        return "project-self-evaluation"
    if re.search(r"自评|自我评价", text):
        return "self-evaluation"
    if _EXTERNAL.search(text):
        return "external-evaluation"
    return "unknown"


def common_year(years) -> int | None:
    counts = Counter(y.year for y in years)
    return counts.most_common(1)[0][0] if counts else None
