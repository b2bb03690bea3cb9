from __future__ import annotations

import bisect
import datetime
import re

from ..dates import DONE_RE, MODAL_RE, local, resolve_year, sentence_of
from ..rule import Rule

_CLAUSE_STOPS = "，,：:"
_BY = re.compile(r"\s*(?:之前|以前|前)")
_DEADLINE_BEFORE = re.compile(r"(?:须|需|应当?|要求|规定|不晚于|务必)[^，,。；]{0,12}(?:于|在)?\s*$|(?:截止|截至)(?:时间|日期)?\s*(?:为|是)\s*$")
# How far after a deadline an "actually done" statement is looked for, in paragraphs.
_DEADLINE_REACH = 8


# A sentence about what is still to come.
_FUTURE = re.compile(r"下一步|今后|将于|将在|将会|将要|将进一步|将继续|拟|计划|预计|力争|争取|确保")
# Something that marks an action as done: needed for “X 日前完成”, which may be a target.
_DONE_MARK = re.compile(r"已|了|按时|顺利|如期|及时|均")
# Sections whose content is plans and measures, not facts.
_PLAN_HEADING = re.compile(r"改进|措施|下一步|工作计划|工作打算|建议|整改|努力方向|工作思路")


def _in_plan_section(doc, para: int) -> bool:
    """Under a heading such as 改进措施, 下一步工作计划, 整改建议."""
    heads = doc.memo.get("JX313.plan_heads")
    if heads is None:
        # the headings in order (markers come in paragraph order), found once per document
        found = [mk for mk in doc.markers if mk.at_start and mk.style in ("cn-dun", "paren-cn")]
        heads = doc.memo["JX313.plan_heads"] = ([mk.para for mk in found], found)
    paras, found = heads
    k = bisect.bisect_right(paras, para)  # the last heading at or before ``para``
    return k > 0 and bool(_PLAN_HEADING.search(found[k - 1].title))


def _fill(prof) -> datetime.date | None:
    """The 填报日期 as a date; None when absent or impossible (JX311 reports that)."""
    if prof.fill_date is None:
        return None
    try:
        return datetime.date(*prof.fill_date)
    except ValueError:
        return None


def _clause_before(text: str, i: int, s: int) -> str:
    """The text from the start of the clause holding index ``i`` up to ``i``."""
    k = max([s] + [text.rfind(c, s, i) + 1 for c in _CLAUSE_STOPS])
    return text[k:i]


def _verb_after(text: str, j: int, e: int) -> re.Match | None:
    """A done-verb after a date, within its sentence, before any other figure of time."""
    window = text[j:min(e, j + 40)]
    m = DONE_RE.search(window)
    if m is None:
        return None
    between = window[: m.start()]
    if re.search(r"\d{1,2}\s*[月日]", between) or MODAL_RE.search(between) or "计划" in between:
        return None
    return m


class Chronology(Rule):
    """
    做什么
        检查报告自己写的时间先后：

        0. “填报日期”与评价年度：填报日期在被评价年度结束之前（不可能评价一个还没过完的年度）报错误；
           晚了两年以上（通常在次年填报）报提醒。
        1. 报告说已经做了的事（完成、报送、上报、提交、成立、公开、印发、召开、发布…），
           日期晚于报告开头的“填报日期”。只看“日期 + 动作”的陈述句：日期所在分句里
           有“须、应、要求、计划、拟、将于、截止、截至”等词的（要求、计划、期限、截至某日的
           统计）不算已做的事；句中有“下一步、今后、将于、将在、拟、计划、力争、确保”的，或在“改进措施”
           “下一步工作计划”“整改建议”之类标题下的，也不算。“5 月 8 日前完成报送”只在句中有
           “已、了、按时、顺利、如期、及时”等说明已经做完的词时才算：填报日期之后的期限不能被说成已经按时完成。
        2. 文中写了期限（“须于 2025 年 7 月 25 日前完成”“截止时间为 3 月 7 日”），其后几段里
           又写了实际完成的日期（“实际于 7 月 28 日完成”），且实际日期晚于期限、动作相同（完成/公开/报送…）。

        没写年份的月日，按 JX312 的办法确定年份（同句的日期、“同年”、讲自评工作的句子取被评价年度的次年）；
        确定不了年份的不比较。没有“填报日期”时只做第 2 项。

        不报告：计划、要求和期限本身；“截至 11 月 30 日，共处理……”之类的统计截止日；
        填报日期当天的事；在期限当天或之前完成的事。

    为什么是问题
        报告不可能记载填报之后才发生的事：要么填报日期是错的（照抄了往年的），要么这些
        句子是事后补写或从别的报告抄来的。期限之后才完成而报告不说明，则与“按时完成”的结论相矛盾。

    示例
        错误：评价年度：2023 年度
            填报日期：2024 年 4 月 20 日
            我局于 2024 年 4 月 26 日向县财政局报送自评报告。

        正确：评价年度：2023 年度
            填报日期：2024 年 4 月 20 日
            我局于 2024 年 4 月 16 日向县财政局报送自评报告。
    """

    code = "JX313"
    name = "chronology"
    category = "date"
    severity = "error"
    summary_zh = "时间先后矛盾（已做的事晚于填报日期，或实际完成晚于文中的期限）"
    summary_en = "dates out of order (something done after the report's own date, or after a stated deadline)"
    messages = {
        "after-fill": (
            "报告称 {date}{by}{verb}，晚于报告的填报日期 {fill}：填报时这件事还没有发生",
            "the report says “{verb_en}” on {date_en}{by_en}, after its own filling date {fill_en}: it had not happened yet",
        ),
        "fill": ("填报日期 {fill}", "filling date {fill_en}"),
        "missed": (
            "实际{verb}日期 {date} 晚于文中写明的期限 {deadline}，迟了 {days} 天",
            "done (“{verb_en}”) on {date_en}, after the deadline {deadline_en} stated in the text, {days} day(s) late",
        ),
        "deadline": ("期限 {deadline}", "deadline {deadline_en}"),
        "fill-early": (
            "填报日期 {fill} 在被评价年度 {year} 年结束之前：一年的支出要到年度结束后才能评价",
            "the filling date {fill_en} is before the evaluated year {year} ended: a year's spending is evaluated after it ends",
        ),
        "fill-late": (
            "填报日期 {fill} 比被评价年度 {year} 年晚了两年以上：自评通常在次年（{next} 年）进行，疑为年份写错",
            "the filling date {fill_en} is two or more years after the evaluated year {year}; the evaluation is normally done in {next}",
        ),
        "evaluated": ("评价年度 {year}", "evaluated year {year}"),
    }

    def check(self, doc):
        yield from self._fill_vs_year(doc)
        yield from self._after_fill(doc)
        yield from self._missed(doc)

    # 0. the 填报日期 against the evaluated year --------------------------------
    def _fill_vs_year(self, doc):
        prof = doc.profile
        fill = _fill(prof)
        if fill is None or prof.year is None or prof.year_span is None:
            return
        fill_zh = f"{fill.year} 年 {fill.month} 月 {fill.day} 日"
        related = [self.related(prof.year_span, "evaluated", year=prof.year)]
        if fill <= datetime.date(prof.year, 12, 31):
            yield self.report(prof.fill_date_span, "fill-early", fill=fill_zh, fill_en=fill.isoformat(),
                              year=prof.year, related=related)
        elif fill.year >= prof.year + 2:
            yield self.report(prof.fill_date_span, "fill-late", fill=fill_zh, fill_en=fill.isoformat(),
                              year=prof.year, next=prof.year + 1, related=related, severity="warning")

    # 1. done after the 填报日期 -------------------------------------------------
    def _after_fill(self, doc):
        prof = doc.profile
        fill = _fill(prof)
        if fill is None:
            return
        for d in doc.dates:
            if prof.fill_date_span and d.span.start < prof.fill_date_span.end and d.span.end > prof.fill_date_span.start:
                continue
            dated = self._dated_fact(doc, d)
            if dated is None:
                continue
            when, verb, by = dated
            if when <= fill:
                continue
            fill_zh = f"{fill.year} 年 {fill.month} 月 {fill.day} 日"
            yield self.report(
                d.span, "after-fill",
                date=self._zh(when, d), by="前" if by else "", verb=verb, fill=fill_zh,
                date_en=when.isoformat(), by_en=" (at the latest)" if by else "", verb_en=verb, fill_en=fill.isoformat(),
                related=[self.related(prof.fill_date_span, "fill", fill=fill_zh, fill_en=fill.isoformat())],
            )

    def _dated_fact(self, doc, d):
        """(date, verb, by) when the sentence says something was done on (or by) ``d``."""
        if d.day is None:
            return None
        year, _ = resolve_year(doc, d)
        if year is None:
            return None
        try:
            when = datetime.date(year, d.month, d.day)
        except ValueError:
            return None
        para = doc.paragraphs[d.para]
        text = para.text
        i, j = local(para, d)
        s, e = sentence_of(para, i, j)
        before = _clause_before(text, i, s)
        if MODAL_RE.search(before) or re.search(r"截[至止]|到|至$", before[-3:] if before else ""):
            return None
        by = _BY.match(text, j)
        k = by.end() if by else j
        m = _verb_after(text, k, e)
        if m is None:
            return None
        sentence = text[s:e]
        if _FUTURE.search(sentence) or _in_plan_section(doc, d.para):
            return None
        if by and not _DONE_MARK.search(sentence):
            return None  # “6 月 30 日前完成验收” with nothing saying it was done: a target
        return when, m.group(0), bool(by)

    @staticmethod
    def _zh(when: datetime.date, d) -> str:
        return f"{when.year} 年 {when.month} 月 {when.day} 日" if d.year else f"{when.month} 月 {when.day} 日（{when.year} 年）"

    # 2. deadlines stated and missed ------------------------------------------
    def _missed(self, doc):
        deadlines = []
        for d in doc.dates:
            if d.day is None:
                continue
            para = doc.paragraphs[d.para]
            text = para.text
            i, j = local(para, d)
            s, e = sentence_of(para, i, j)
            before = text[max(s, i - 20):i]
            if not _DEADLINE_BEFORE.search(before):
                continue
            by = _BY.match(text, j)
            if not by and not re.search(r"截[止至]", before):
                continue
            year, _ = resolve_year(doc, d)
            if year is None:
                continue
            try:
                when = datetime.date(year, d.month, d.day)
            except ValueError:
                continue
            verbs = set(DONE_RE.findall(text[j:e])) | set(DONE_RE.findall(text[s:i]))
            deadlines.append((d, when, verbs))
        for dl, dl_when, verbs in deadlines:
            # only the paragraphs within reach (doc.dates is in paragraph order, so is this)
            near = (d for p in range(dl.para, dl.para + _DEADLINE_REACH + 1) for d in doc.in_paragraph("dates", p))
            for d in near:
                if d.para < dl.para or d.para > dl.para + _DEADLINE_REACH or d.span.start <= dl.span.end:
                    continue
                para = doc.paragraphs[d.para]
                i, _ = local(para, d)
                s, _ = sentence_of(para, i, i)
                if "实际" not in _clause_before(para.text, i, s) and "实际" not in para.text[max(s, i - 8):i]:
                    continue
                dated = self._dated_fact(doc, d)
                if dated is None:
                    continue
                when, verb, _by = dated
                if verbs and verb not in verbs:
                    continue
                if when <= dl_when:
                    continue
                dl_zh = f"{dl_when.year} 年 {dl_when.month} 月 {dl_when.day} 日"
                yield self.report(
                    d.span, "missed", verb=verb, verb_en=verb, date=self._zh(when, d), date_en=when.isoformat(),
                    deadline=dl_zh, deadline_en=dl_when.isoformat(), days=(when - dl_when).days,
                    related=[self.related(dl.span, "deadline", deadline=dl_zh, deadline_en=dl_when.isoformat())],
                )
