"""Dates in a report: validity, weekdays, the year of a month-day date, and
what a sentence says happened on a date (done, planned, a deadline).

Shared by the date rules (JX311–JX313). Positions always come from the
:class:`~linter.facts.DateRef` spans; the text around a date is read from its
paragraph's normalised text at the date's own index, never searched for.
"""
from __future__ import annotations

import calendar
import datetime
import re

from .facts import DateRef
from .normalise import Paragraph

SENTENCE_STOPS = "。；;!?！？"
WEEKDAYS = "一二三四五六日"  # Monday .. Sunday, as datetime.weekday() counts
_WEEKDAY_RE = re.compile(r"\s*[(（，,]?\s*((?:星期|礼拜|周)([一二三四五六日天]))")

# Words that make a date a plan, a requirement or a deadline rather than a fact.
MODAL_RE = re.compile(r"须|需|应当|应于|应在|要求|规定|计划|拟|将于|将在|预计|力争|争取|截止|截至|前须|务必|之前要|限于|不晚于")
# Verbs that say something was done on (or by) the date.
DONE_RE = re.compile(r"完成|报送|上报|提交|成立|公开|公示|印发|发布|召开|举办|报至|送达|备案|批复|审议通过|审定|验收|完工|竣工|拨付|支付|兑付|签订|下达|反馈|通报|启动|部署|(?:进行|开展|组织)了[\u4e00-\u9fff]{0,4}")


def days_in_month(year: int | None, month: int) -> int:
    """Days of ``month``; February has 29 when the year is unknown (it may be a leap year)."""
    if month == 2 and year is None:
        return 29
    return calendar.monthrange(year if year is not None else 2000, month)[1]


def impossible(d: DateRef) -> str | None:
    """Why a date cannot exist (``"month"`` or ``"day"``), or None."""
    if not 1 <= d.month <= 12:
        return "month"
    if d.day is not None and not 1 <= d.day <= days_in_month(d.year, d.month):
        return "day"
    return None


def as_date(year: int | None, d: DateRef) -> datetime.date | None:
    if year is None or d.day is None or impossible(DateRef(year, d.month, d.day, d.span, d.para, d.item)):
        return None
    return datetime.date(year, d.month, d.day)


def sentence_start(text: str, i: int) -> int:
    """Where the sentence holding ``text[i]`` begins (after the last 。；!? before ``i``)."""
    return max(text.rfind(c, 0, i) for c in SENTENCE_STOPS) + 1


def sentence_of(para: Paragraph, i: int, j: int) -> tuple[int, int]:
    """The bounds (in ``para.text``) of the sentence holding ``text[i:j]``."""
    text = para.text
    s = sentence_start(text, i)
    ends = [k for k in (text.find(c, j) for c in SENTENCE_STOPS) if k >= 0]
    return s, (min(ends) + 1 if ends else len(text))


def local(para: Paragraph, d: DateRef) -> tuple[int, int]:
    """The date's indices in its paragraph's text."""
    return para.index_of(d.span.start), para.index_of(d.span.end - 1) + 1


# Sentences about the evaluation work itself: it happens the year after the evaluated year.
EVALUATION_WORK = re.compile(r"自评|自我评价|绩效评价|评价工作|评价报告|评价材料|自查")


def resolve_year(doc, d: DateRef) -> tuple[int | None, str]:
    """The year of ``d``: written, taken from a dated neighbour, or from context.

    - written (``2024 年 6 月 7 日``): that year;
    - ``同年 11 月``: the last year written before it in the paragraph;
    - a month-day date after a full date in the same sentence (``2024 年 6 月 7 日
      …6 月 26 日``): that date's year;
    - a month-day date in a sentence about the evaluation work (自评, 绩效评价,
      评价报告…): the evaluated year + 1, when the work is done;
    - otherwise unknown (None): the date may be in the evaluated year or the next.
    """
    if d.year is not None:
        return d.year, "written"
    para = doc.paragraphs[d.para]
    i, j = local(para, d)
    s, e = sentence_of(para, i, j)
    before = para.text[max(0, i - 3):i]
    pf = doc.facts[d.para]
    if before.endswith("同年"):
        prior = [y for y in pf.years if y.span.end <= d.span.start]
        if prior:
            return prior[-1].year, "same-year"
    prior_dates = [x for x in pf.dates if x.year is not None and x.span.end <= d.span.start
                   and para.index_of(x.span.start) >= s]
    if prior_dates:
        return prior_dates[-1].year, "sentence"
    year = doc.profile.year
    if year is not None and EVALUATION_WORK.search(para.text[s:e]):
        return year + 1, "evaluation-work"
    return None, "unknown"


def weekday_after(para: Paragraph, d: DateRef) -> tuple[int, int, int] | None:
    """A weekday written right after a date (``（星期五）``, ``周五``):
    (weekday 0=Monday, start, end) as indices in the paragraph text."""
    _, j = local(para, d)
    m = _WEEKDAY_RE.match(para.text, j)
    if not m:
        return None
    ch = m.group(2)
    return (6 if ch == "天" else WEEKDAYS.index(ch)), m.start(1), m.end(1)
