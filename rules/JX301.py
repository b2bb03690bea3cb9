from __future__ import annotations

import re

from ..rule import Rule
from ..scores import total_scores
from ..years import RELATIVE_YEARS, RELATIVE_RE, ordinary_other_year, places

_STOP = "，,。；;:：、"
# The report itself: …N 年（度）…自评得分 / 评价结果 / 自评等级 / 自评报告.
_SELF = re.compile(
    rf"[^{_STOP}]{{0,30}}?(?:自评|自我评价|绩效评价|评价)[^{_STOP}]{{0,6}}?(?:得分|分数|结果|等级|报告)"
)
# The reporting unit as the subject, right before the year: 本单位 / 我局 / 我办 2025 年…
_SUBJECT = re.compile(r"(?:本|我)(?:单位|部门|局|办|委|部|院|所|中心|站|厅|室|校|馆)(?:本级)?\s*$")
_BUDGET_WORD = re.compile(r"(?:收入|支出)(?:总)?(?:预算|决算)?数?|预算|决算|资金|经费|金额|拨款")
# What only a closed year has: spending, execution, final accounts.
_EXECUTION = re.compile(r"支出|执行|完成率|决算|结余|结转|使用")
# A sentence that compares years states other years on purpose.
_COMPARISON = re.compile(r"较|比|同比|相比|对比|上年|去年|增长|减少|下降|增加|持平|分别")


class WrongYear(Rule):
    """
    做什么
        报告评价的年度（评价年度、开头“现将 N 年度……报告如下”，见 profile）是 Y。找出
        报告在说自己或自己的数字时写成了别的年份：

        1. 说报告本身：“N 年（度）……自评得分 / 评价结果 / 自评等级 / 自评报告”，N ≠ Y
           （“2023 年度”报告里写“2024 年整体支出自我绩效评价自评得分为 96 分”）。N < Y 时只在
           这句话只有这一个年份、并写出了总得分时报告（“本单位 2022 年度整体支出自评得分为 96 分”），
           往年结果的回顾（“2021 年度自评结果为优，2022 年度为良”）不报告；
        2. 说本单位的数字：“本单位 / 我局 / 我办 + N 年 + 预算、决算、收入、支出、资金、经费……”
           并在同一句写出金额和执行情况（支出、执行、完成率、决算、结余），N > Y，且这句话不是比较
           （没有“较、比、同比、上年、增长、减少”等）。N > Y 的年度在报告写成时还没有结束，
           不可能有它的支出和完成率；只提下一年度的预算（“我局 2024 年预算 300 万元已下达”）不报告，
           往年的数字（N < Y，如“2022 年结转资金”）也不报告；
        3. 相对年份与括注的年份不符：“上年（2021 年）”在 2023 年度报告里（上年 = Y−1，本年/当年 = Y，次年/下年 = Y+1）。
           “今年”“明年”不比较：报告写于被评价年度的次年，“今年”可能指 Y，也可能指写报告的 Y+1。

        不报告：《》里的文件名、法规名和版本（“（2018年修正）”）、文号里的年份、事件的日期
        （“2016 年 6 月……划归”）、年份区间（2019—2023 年）、“自 N 年以来”之类；通知年份
        （“关于开展 2024 年……自评工作的通知”，由 JX303 看）；“N 年绩效自评工作”（自评工作本来就在次年做）；
        与上年比较的句子（“较、比、同比、上年、增长、减少、分别”等，说自己得分的句子也一样）；报告没有可识别的评价年度时整条规则不报告。

    为什么是问题
        报告年度写错，说明报告是从别的年度的报告改来的而没有改全；得分、金额挂在错误的年份上，
        读者无法确认它们是不是本年度的数，审核时会被认定为报告质量问题。

    示例
        错误：评价年度：2023 年度
            经评价，本单位 2024 年整体支出自我绩效评价自评得分为 96 分。

        正确：评价年度：2023 年度
            经评价，本单位 2023 年整体支出自我绩效评价自评得分为 96 分。
    """

    code = "JX301"
    name = "wrong-year"
    category = "year"
    severity = "error"
    summary_zh = "报告说自己或自己的数字时写错了年度"
    summary_en = "the report gives another year than the evaluated one for itself or its own figures"
    messages = {
        "self": (
            "年度与评价年度不符：这里说的是本报告自己的{what}，应为 {year} 年度，却写作 {stated} 年",
            "the year does not match the evaluated year: this is the report's own {what_en}, for {year}, but it says {stated}",
        ),
        "figure": (
            "年度与评价年度不符：本单位的{what}写作 {stated} 年，报告评价的是 {year} 年度",
            "the year does not match the evaluated year: the unit's own {what} is given for {stated}, but the report evaluates {year}",
        ),
        "relative": (
            "相对年份与所注年份不符：评价年度为 {year} 年，“{word}”应为 {expected} 年，却注为 {stated} 年",
            "a relative year and its stated year disagree: the evaluated year is {year}, so “{word}” is {expected}, not {stated}",
        ),
        "evaluated": ("评价年度 {year}", "evaluated year {year}"),
    }

    _WHAT_ZH = {"得分": "得分", "分数": "得分", "结果": "评价结果", "等级": "等级", "报告": "报告名称"}
    _WHAT_EN = {"得分": "score", "分数": "score", "结果": "result", "等级": "grade", "报告": "report title"}

    def check(self, doc):
        year = doc.profile.year
        if year is None:
            return
        related = []
        if doc.profile.year_span is not None:
            related = [self.related(doc.profile.year_span, "evaluated", year=year)]
        for p in places(doc):
            if p.ref.year == year or ordinary_other_year(doc, p):
                continue
            if doc.profile.year_span is not None and p.ref.span == doc.profile.year_span:
                continue
            text = p.para.text
            m = _SELF.match(text, p.j)
            if (m and not re.search(r"关于开展|通知", p.before[-12:] + text[p.j:m.end()])
                    and not _COMPARISON.search(text[p.s:p.e]) and self._own(doc, p, year)):
                what = m.group(0)[-2:]
                yield self.report(
                    p.ref.span, "self", what=self._WHAT_ZH[what], what_en=self._WHAT_EN[what], year=year, stated=p.ref.year,
                    related=related, suggestion=f"{year} 年",
                )
                continue
            if (p.ref.year > year and _SUBJECT.search(text[p.s:p.i]) and not _COMPARISON.search(text[p.s:p.e])
                    and _EXECUTION.search(text, p.j, p.e)):
                wm = _BUDGET_WORD.search(text, p.j, p.e)
                if wm and any(
                    q.kind == "amount" and q.para == p.ref.para and q.span.start > p.ref.span.end
                    and p.para.index_of(q.span.start) < p.e
                    for q in doc.facts[p.ref.para].quantities
                ):
                    what = text[p.j:wm.end()].strip() or wm.group(0)
                    yield self.report(
                        p.ref.span, "figure", what=what, year=year, stated=p.ref.year,
                        related=related, suggestion=f"{year} 年",
                    )
                    continue
        yield from self._relative(doc, year)

    @staticmethod
    def _own(doc, p, year) -> bool:
        """A later year is never the report's past; an earlier one is the report's own
        statement only when it is the sentence's one year and the sentence states a total
        score (本单位 2022 年度整体支出自评得分为 96 分 in a 2023 report), not a history of
        past results (2021 年度自评结果为优，2022 年度为良)."""
        if p.ref.year > year:
            return True
        same = [y for y in doc.facts[p.ref.para].years
                if p.s <= p.para.index_of(y.span.start) < p.e]
        if len(same) != 1:
            return False
        return any(q.para == p.ref.para and q.span.start > p.ref.span.end and p.para.index_of(q.span.start) < p.e
                   for q in total_scores(doc))

    def _relative(self, doc, year):
        """上年（2021 年） / 2021 年（上年）: the written year against the relative one."""
        for p in places(doc):
            text = p.para.text
            before = text[max(0, p.i - 8):p.i]
            after = text[p.j:p.j + 8]
            m = re.search(rf"({RELATIVE_RE.pattern})\s*[(（]\s*$", before) or re.match(
                rf"\s*[(（]\s*(?:即\s*)?({RELATIVE_RE.pattern})\s*[)）]", after)
            if not m:
                continue
            word = m.group(1)
            expected = year + RELATIVE_YEARS[word]
            if p.ref.year != expected:
                yield self.report(
                    p.ref.span, "relative", year=year, word=word, expected=expected, stated=p.ref.year,
                    suggestion=f"{expected} 年",
                )
