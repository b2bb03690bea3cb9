from __future__ import annotations

from ..dates import WEEKDAYS, as_date, resolve_year, weekday_after
from ..rule import Rule


class WeekdayMismatch(Rule):
    """
    做什么
        找出日期后紧跟的星期（“2024 年 6 月 7 日（星期五）”“6 月 7 日周五”“礼拜五”“6 月 7 日，星期五，”），
        按该日期的年份算出实际是星期几，不一致时报告，并给出正确的星期。

        年份的确定：日期写了年份就用它；没写年份时，用同一句里前面写了年份的日期的年份，
        或“同年”所指的年份；句子讲的是自评工作本身（自评、绩效评价、评价报告…）时，
        用被评价年度的次年。年份确定不了的不报告（同一个月日在不同年份是不同的星期）。
        不存在的日期（2 月 30 日）由 JX311 报告，这里不重复。

    为什么是问题
        日期和星期对不上，说明其中一个写错了（常见于照抄往年的通知、会议安排），
        读者无法判断事情究竟在哪一天发生。

    示例
        错误：我局于 2024 年 6 月 7 日（星期四）召开绩效自评工作布置会。

        正确：我局于 2024 年 6 月 7 日（星期五）召开绩效自评工作布置会。
    """

    code = "JX312"
    name = "weekday-mismatch"
    category = "date"
    severity = "error"
    summary_zh = "日期与所写的星期不符"
    summary_en = "a date and the weekday written with it do not match"
    messages = {
        "mismatch": (
            "星期与日期不符：{date} 是星期{actual}，不是星期{stated}",
            "the weekday does not match the date: {date_en} is a {actual_en}, not a {stated_en}",
        ),
    }

    _EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

    def check(self, doc):
        for d in doc.dates:
            if d.day is None:
                continue
            para = doc.paragraphs[d.para]
            wd = weekday_after(para, d)
            if wd is None:
                continue
            year, _how = resolve_year(doc, d)
            date = as_date(year, d)
            if date is None:
                continue
            stated, i, j = wd
            actual = date.weekday()
            if actual == stated:
                continue
            yield self.report(
                para.span(i, j), "mismatch",
                date=f"{date.year} 年 {date.month} 月 {date.day} 日", date_en=date.isoformat(), actual=WEEKDAYS[actual],
                stated=WEEKDAYS[stated], actual_en=self._EN[actual], stated_en=self._EN[stated],
                suggestion=f"星期{WEEKDAYS[actual]}",
            )
