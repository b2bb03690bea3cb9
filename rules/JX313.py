from __future__ import annotations

import bisect
import datetime
import re

from ..dates import DONE_RE, MODAL_RE, local, resolve_year, sentence_of
from ..evaluated import PLAN, eval_clause
from ..rule import Rule
from ..years import places

_CLAUSE_STOPS = "，,：:"
_BY = re.compile(r"\s*(?:之前|以前|前)")
_DEADLINE_BEFORE = re.compile(r"(?:须|需|应当?|要求|规定|约定|不晚于|务必)[^，,。；]{0,12}(?:于|在)?\s*$|(?:截止|截至)(?:时间|日期)?\s*(?:为|是)\s*$")
# How far after a deadline an "actually done" statement is looked for, in paragraphs.
_DEADLINE_REACH = 8


# A sentence about what is still to come.
_FUTURE = re.compile(r"下一步|今后|将于|将在|将会|将要|将进一步|将继续|拟|计划|预计|力争|争取|确保")
# Something that marks an action as done: needed for “X 日前完成”, which may be a target.
_DONE_MARK = re.compile(r"已|了|按时|顺利|如期|及时|均")
# A claim that something was done in time: with a date after the deadline it contradicts it.
_ON_TIME = re.compile(r"按时|按期|如期|准时")
# The writer says the deadline was missed: no contradiction left to report.
_ADMITTED = re.compile(r"推迟|延期|延迟|滞后|逾期|超期|延误|未能按|未按")
# A month written without its day (2024 年 4 月上旬): the earliest day it can mean.
_PART_OF_MONTH = re.compile(r"\s*(上旬|月初|初|中旬|下旬|月底|底|月末|末)?")
_EARLIEST = {None: 1, "上旬": 1, "月初": 1, "初": 1, "中旬": 11, "下旬": 21, "月底": 21, "底": 21, "月末": 21, "末": 21}
# 计划 as a verb (计划于 5 月完成): a plan; as a noun (营养改善计划资金, 年度计划的 30%) it is not one.
_PLAN_VERB = re.compile(r"计划(?=\s*(?:于|在|到|将|今|明|下半|\d|[:：]|开展|完成|实施|启动|推进|组织|召开|安排|投资))")


def _says(pattern: re.Pattern, text: str) -> bool:
    """Whether ``pattern`` finds a word of plan or requirement in ``text``, 计划 only as a verb."""
    return any(m.group(0) != "计划" or _PLAN_VERB.match(text, m.start()) for m in pattern.finditer(text))


# 按要求 / 根据规定: done as required, not a requirement.
_COMPLIANCE = re.compile(r"(?:按照?|根据|依照|依据)(?:有关|相关|上级|文件)?(?:规定|要求)")
# A date right after another and 至/到/—: the end of a range.
_RANGE_END = re.compile(r"\d\s*[日号]\s*(?:至|到|—{1,2}|–|-|~|～)\s*$")


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


# 3. the evaluation work dated: 于 / 在 right before the date (某某所于 2022 年 11 月，对 2023 年度……进行了绩效评价)
_WORK_DATE_BEFORE = re.compile(r"(?:于|在)\s*$")
# …not an evaluation that may be made while the year runs: the monitoring of its first months, an ex-ante
# evaluation, a key evaluation of someone else's (which a third party may make early)
_IN_YEAR_WORK = re.compile(r"监控|年中|半年|季度|中期|前期|事前|预评|跟踪|入库|申报")
_OTHERS_WORK = re.compile(r"委托|第三方|重点")
# …and the unit speaking of itself in the sentence (本部门于……对本部门 N 年度……): its own evaluation
_OWN_WORK = re.compile(r"(?:本|我)(?:单位|部门|局|办|委|院|中心|站|厅|室|校|馆)")
_SELF_KINDS = ("self-evaluation", "project-self-evaluation")
# 4. a phase of the evaluation work with its date, at the head of its paragraph: 2、审核复核阶段（2024 年 1 月 16 日—25 日）
_PHASE = re.compile(
    r"\s*(?:[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,2})[)）]?[、.．]?\s*)?[\u4e00-\u9fff]{2,10}阶段\s*[(（:：]?\s*$"
)
# …under a heading on the evaluation work: （二）自评工作组织实施情况 / 二、项目绩效自评工作开展情况 (the evaluation its
# subject, at the head: not 项目组织实施及评价工作情况, where the project's own phases may stand)
_WORK_HEADING = re.compile(r"\s*[^，,。；;、及和与]{0,6}?(?:自评|自我评价|评价)[^，,。；;]{0,8}?(?:工作|开展|组织|实施|过程|步骤|程序)")
_PHASE_REACH = 4  # paragraphs between two phases of one list, at most (each phase's lines of text between)


def _under_work_heading(doc, para: int) -> bool:
    """The paragraph is under a heading (一、 / （一）) on the evaluation work itself."""
    heads = doc.memo.get("JX313.heads")
    if heads is None:
        found = [mk for mk in doc.markers if mk.at_start and mk.style in ("cn-dun", "paren-cn")]
        heads = doc.memo["JX313.heads"] = ([mk.para for mk in found], found)
    paras, found = heads
    k = bisect.bisect_right(paras, para)
    return k > 0 and found[k - 1].para < para and bool(_WORK_HEADING.match(found[k - 1].title))


def _month(d) -> str:
    """The date as written: 2023 年 4 月 (16 日)."""
    return f"{d.year} 年 {d.month} 月" + (f" {d.day} 日" if d.day else "")


def _fill(prof) -> datetime.date | None:
    """The 填报日期 as a date; None when absent or impossible (JX311 reports that)."""
    if prof.fill_date is None:
        return None
    try:
        return datetime.date(*prof.fill_date)
    except ValueError:
        return None


def _report_date(prof):
    """The report's own date: (date, span, what it is called) — the 填报日期, or else the date under
    the unit's name at the end (落款); None when there is neither."""
    fill = _fill(prof)
    if fill is not None:
        return fill, prof.fill_date_span, ("填报日期", "filling date")
    if getattr(prof, "closing_date", None) is not None:
        try:
            return datetime.date(*prof.closing_date), prof.closing_date_span, ("落款日期", "date at the end")
        except ValueError:
            return None
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
        1. 报告说已经做了的事（完成、报送、上报、提交、成立、公开、印发、召开、发布、审议通过、验收、拨付、
           支付、进行了……），日期晚于报告开头的“填报日期”（也写作“填表日期、报告日期、报告时间、上报时间”，
           年月日、2024.3.20 或二〇二四年四月八日这样写）；没有填报日期时，用报告末尾单位名称下一行的落款日期
           （“某某县林业局（盖章）⏎2024 年 3 月 10 日”，也可以是“二〇二四年三月十日”），这个单位须在前文出现过
           （标题、栏目或正文）：末尾附上的别的单位的通知（附件……某某县财政局⏎2024 年 2 月 1 日）不算。只看“日期 + 动作”的陈述句：日期所在分句里
           有“须、应、要求、计划、拟、将于、截止、截至”等词的（要求、计划、期限、截至某日的
           统计）不算已做的事；句中有“下一步、今后、将于、将在、拟、计划、力争、确保”的，或在“改进措施”
           “下一步工作计划”“整改建议”之类标题下的，也不算。“5 月 8 日前完成报送”只在句中有
           “已、了、按时、顺利、如期、及时”等说明已经做完的词时才算：填报日期之后的期限不能被说成已经按时完成。
           “按要求、根据规定”是照做了，不是要求；区间的终点（“3 月 18 日至 20 日，开展了复核”的 20 日）是事情
           持续到的那一天，同样比较。动词后面紧接“截止、期限”的（“3 月 25 日为自评结果公开截止日”）是期限，不是做了的事。
           只写了月份的日期（“2024 年 4 月上旬已拨付”）按它最早可能的一天（1 日；中旬 11 日；下旬、月底 21 日）比较，
           且和“某日前”一样，只在句中有“已、了、均……”说明做完了时才算（“2024 年 4 月启动……”多半是计划），
           “4 月底前”这样的期限不比较。“截至某日”是某一天的情况（统计截止日）：截止日晚于填报日期时，报告不可能
           知道那天的情况（填报日期 3 月 20 日，“截至 3 月 31 日，资金已全部支付”“截至 3 月 31 日，共受理投诉 12 件”
           “截至 3 月底，资金已全部拨付”），报告；同一分句有“须、应、要求”，或句中有“将、计划、预计”的不算
           （“计划”只算作动词时：“计划于、计划完成”；“营养改善计划资金”里的是名称）。
        2. 文中写了期限（“须于 2025 年 7 月 25 日前完成”“截止时间为 3 月 7 日”“合同约定 8 月 31 日前交付”），其后几段里
           又写了实际完成的日期（“实际于 7 月 28 日完成”），或写了晚于期限的日期又说“按时、按期、如期”完成，
           且实际日期晚于期限、动作相同（完成/公开/报送…）。同一句说明了推迟、延期、滞后、逾期的不报告。

        3. 评价工作本身的日期与它评价的年度：同一句里“于 / 在 + 日期”写在前面、后面是“对[本单位] N 年度……进行（了）……
           评价 / 自评”（条件同 JX301 第 3 类的“对……进行了评价”），日期在 N 年开始之前的报错误（“受……委托，某某公司于
           2022 年 11 月，对 2023 年度……进行了绩效评价”）；单位自己的自评（报告是自评，句中有“本部门 / 我局”之类，没有
           委托、第三方、重点评价）日期在 N 年 12 月之前的也报错误（“本部门于 2023 年 4 月—6 月……对本部门 2023 年度……
           进行评价”）。第三方在当年内做的评价（专项债项目常在当年评价）、句中有运行监控、年中、半年、季度、中期、前期、
           事前、跟踪、入库、申报之类的评价，以及计划、日期与 N 年度之间隔着别的年份的，不报告。
        4. 评价工作各阶段的日期：在讲自评 / 评价工作开展、组织实施的标题（“一、”“（一）”，评价是标题的主题：“自评工作组织实施情况”
           “项目绩效自评工作开展情况”；“项目组织实施及评价工作情况”不算）下，各段以“[编号]某某阶段（日期……）”
           开头的阶段（相隔不超过 4 段的算一组）：某一阶段日期在评价年度（来自标题、表头或开头，未被正文压倒）开始之前的
           报错误；按编号排列的阶段日期先后颠倒、去掉其中一个就恢复先后的，报这一个为提醒（两个都可以时报年份与其余各阶段都不同的那个），
           另一阶段作为相关位置。各阶段都在评价年度之内而先后有序的（“准备阶段（2017 年 3 月……）”在 2017 年度报告里）不报告；
           不在评价工作标题下的项目实施阶段（设计、施工、验收）不看。

        没写年份的月日，按 JX312 的办法确定年份（同句的日期、“同年”、讲自评工作的句子取被评价年度的次年）；
        确定不了年份的不比较。没有“填报日期”时只做第 2 项。

        不报告：计划、要求和期限本身；填报日期之前（含当天）的“截至 11 月 30 日，共处理……”之类的统计截止日；
        填报日期当天的事；在期限当天或之前完成的事。

    为什么是问题
        报告不可能记载填报之后才发生的事：要么填报日期是错的（照抄了往年的），要么这些
        句子是事后补写或从别的报告抄来的。期限之后才完成而报告不说明，则与“按时完成”的结论相矛盾。
        评价一个年度的工作写在这一年结束之前、甚至开始之前，评价工作的阶段日期前后颠倒，
        说明日期或评价年度有一处是从往年的报告抄来没有改的。

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
            "报告称 {date}{by}{verb}，晚于报告的{what} {fill}：填报时这件事还没有发生",
            "the report says “{verb_en}” on {date_en}{by_en}, after its own {what_en} {fill_en}: it had not happened yet",
        ),
        "as-of": (
            "报告写了截至 {date} 的情况{verb}，晚于报告的{what} {fill}：填报时还不可能知道那一天的情况",
            "the report states how things stood as of {date_en}, after its own {what_en} {fill_en}: that could not be known yet",
        ),
        "fill": ("{what} {fill}", "{what_en} {fill_en}"),
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
        "work-early": (
            "评价工作的日期 {date} 在被评价的 {year} 年度结束之前：一年的支出要到年度结束后才能评价，日期或年度有一处写错",
            "the evaluation work is dated {date_en}, before the evaluated year {year} ended: a year's spending is evaluated "
            "after it ends; the date or the year is wrong",
        ),
        "work-before": (
            "评价工作的日期 {date} 在被评价的 {year} 年度开始之前：还没有开始的年度无从评价，日期或年度有一处写错",
            "the evaluation work is dated {date_en}, before the evaluated year {year} began; the date or the year is wrong",
        ),
        "evaluating": ("评价 {year} 年度", "evaluating {year}"),
        "phase-before": (
            "评价工作阶段的日期 {date} 在被评价的 {year} 年度开始之前：还没有开始的年度无从评价，疑为年份写错",
            "a phase of the evaluation work is dated {date_en}, before the evaluated year {year} began; probably a wrong year",
        ),
        "phase-order": (
            "评价工作各阶段的日期先后颠倒：这一阶段写作 {date}，{relation} {other}，疑为年份或月份写错",
            "the phases of the evaluation work are out of order: this phase is dated {date_en}, {relation_en} {other_en}",
        ),
        "phase": ("{which}阶段 {date}", "the {which_en} phase, {date_en}"),
    }

    def check(self, doc):
        yield from self._fill_vs_year(doc)
        yield from self._after_fill(doc)
        yield from self._missed(doc)
        yield from self._early_work(doc)
        yield from self._phases(doc)

    # 3. the evaluation dated before the year it evaluates ended ---------------
    def _early_work(self, doc):
        """于 <date>，对 N 年度……进行了绩效评价 with the date before N's last month (the unit's own evaluation)
        or before N began (anyone's)."""
        own = doc.profile.kind in _SELF_KINDS
        for p in places(doc):
            m = eval_clause(p)
            if m is None:
                continue
            text = p.para.text
            sentence = text[p.s:p.e]
            if _IN_YEAR_WORK.search(sentence) or PLAN.search(sentence) or _FUTURE.search(sentence):
                continue
            spans = [local(p.para, d) for d in doc.in_paragraph("dates", p.ref.para)]
            dated = [(d, i, j) for d, (i, j) in zip(doc.in_paragraph("dates", p.ref.para), spans)
                     if d.year is not None and p.s <= i and j <= p.i and _WORK_DATE_BEFORE.search(text, p.s, i)]
            if not dated:
                continue
            d, i, j = dated[-1]  # (the work's date nearest the year, before it: 于 N 年 M 月, or a span's start)
            if any(j <= q.i < p.i and not any(a <= q.i < b for a, b in spans)
                   for q in places(doc) if q.ref.para == p.ref.para):
                continue  # (another year between the date and the evaluated one: whose date it is cannot be told)
            year = p.ref.year
            related = [self.related(p.ref.span, "evaluating", year=year)]
            if d.year < year:
                yield self.report(d.span, "work-before", date=_month(d), date_en=f"{d.year}-{d.month:02d}", year=year,
                                  related=related)
            elif own and _OWN_WORK.search(sentence) and not _OTHERS_WORK.search(sentence) and (d.year, d.month) < (year, 12):
                yield self.report(d.span, "work-early", date=_month(d), date_en=f"{d.year}-{d.month:02d}", year=year,
                                  related=related)

    # 4. the dated phases of the evaluation work ------------------------------
    def _phases(self, doc):
        """数据采集阶段（N 年 M 月 D 日—……）…: the phases listed under a heading on the evaluation work, each
        with its date at the head of its paragraph. A phase dated before the evaluated year began, and a phase
        out of the list's order (the list is in order of time: a phase that only has to move to restore it)."""
        runs, run = [], []
        for d in doc.dates:
            if d.year is None:
                continue
            para = doc.paragraphs[d.para]
            i, _ = local(para, d)
            if para.kind != "text" or not _PHASE.fullmatch(para.text, 0, i) or not _under_work_heading(doc, d.para):
                continue
            if run and (d.para == run[-1].para or d.para - run[-1].para > _PHASE_REACH):
                if d.para == run[-1].para:
                    continue  # (the phase's end date, on its line)
                runs.append(run)
                run = []
            run.append(d)
        if run:
            runs.append(run)
        prof = doc.profile
        year = prof.year if prof.year_from in ("title", "field", "opening") and doc.year_vote.how is None else None
        for run in runs:
            odd = self._out_of_order(run)
            for k, d in enumerate(run):
                if year is not None and d.year < year:
                    yield self.report(d.span, "phase-before", date=_month(d), date_en=f"{d.year}-{d.month:02d}", year=year,
                                      related=[self.related(prof.year_span, "evaluated", year=year)] if prof.year_span else [])
                elif k == odd:
                    other = run[k - 1] if k > 0 and self._when(run[k - 1]) > self._when(d) else run[k + 1]
                    before = other is run[k - 1] if k > 0 else False
                    yield self.report(
                        d.span, "phase-order", date=_month(d), date_en=f"{d.year}-{d.month:02d}",
                        relation="早于前一阶段的" if before else "晚于后一阶段的",
                        relation_en="before the previous phase," if before else "after the next phase,",
                        other=_month(other), other_en=f"{other.year}-{other.month:02d}",
                        related=[self.related(other.span, "phase", which="前一" if before else "后一",
                                              which_en="previous" if before else "next",
                                              date=_month(other), date_en=f"{other.year}-{other.month:02d}")],
                        severity="warning",
                    )

    @staticmethod
    def _when(d) -> tuple:
        return (d.year, d.month, d.day or 1)

    def _out_of_order(self, run) -> int | None:
        """The one phase of ``run`` whose removal leaves the others in order of time (of two that could be,
        the one whose year the others do not share), or None when the run is in order or more is wrong."""
        whens = [self._when(d) for d in run]
        if all(a <= b for a, b in zip(whens, whens[1:])):
            return None
        fits = [k for k in range(len(run))
                if all(a <= b for a, b in zip(whens[:k] + whens[k + 1:], (whens[:k] + whens[k + 1:])[1:]))]
        if not fits:
            return None
        years = [d.year for d in run]
        lone = [k for k in fits if years.count(years[k]) == 1]
        return lone[0] if len(lone) == 1 else fits[-1]

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
        own = _report_date(prof)
        if own is None:
            return
        fill, fill_span, (what, what_en) = own
        for d in doc.dates:
            if fill_span and d.span.start < fill_span.end and d.span.end > fill_span.start:
                continue
            dated = self._dated_fact(doc, d, month_only=True)
            if dated is None:
                continue
            when, verb, by = dated
            if when <= fill:
                continue
            fill_zh = f"{fill.year} 年 {fill.month} 月 {fill.day} 日"
            shown, shown_en = self._zh(when, d), when.isoformat()
            if d.day is None:  # the earliest day the month (or its part) can mean, shown as written
                part = _PART_OF_MONTH.match(doc.paragraphs[d.para].text, local(doc.paragraphs[d.para], d)[1]).group(1)
                shown = f"{when.year} 年 {when.month} 月{part or ''}"
                shown_en = f"{when.year}-{when.month:02d}" + (f" ({part})" if part else "")
            para = doc.paragraphs[d.para]
            key = "after-fill"
            if re.search(r"截至\s*$", para.text[:local(para, d)[0]]):
                key = "as-of"  # a state on that day, not an act
                verb = f"（已{verb}）" if verb else ""
            yield self.report(
                d.span, key,
                date=shown, by="前" if by else "", verb=verb, fill=fill_zh, what=what, what_en=what_en,
                date_en=shown_en, by_en=" (at the latest)" if by else "", verb_en=verb, fill_en=fill.isoformat(),
                related=[self.related(fill_span, "fill", fill=fill_zh, fill_en=fill.isoformat(), what=what,
                                      what_en=what_en)],
            )

    def _dated_fact(self, doc, d, month_only: bool = False):
        """(date, verb, by) when the sentence says something was done on (or by) ``d``.

        With ``month_only``, a date without its day (2024 年 4 月上旬) stands for the earliest
        day it can mean. A status as of a date (截至 2024 年 3 月 31 日，资金已全部支付) counts
        when the clause after it says it is done (已…)."""
        if d.day is None and not month_only:
            return None
        year, _ = resolve_year(doc, d)
        if year is None:
            return None
        para = doc.paragraphs[d.para]
        text = para.text
        i, j = local(para, d)
        day = d.day
        if day is None:
            part = _PART_OF_MONTH.match(text, j)
            day, j = _EARLIEST[part.group(1)], part.end()
        try:
            when = datetime.date(year, d.month, day)
        except ValueError:
            return None
        s, e = sentence_of(para, i, j)
        before = _clause_before(text, i, s)
        as_of = re.search(r"截至\s*$", before) is not None
        if as_of:
            before = before[:before.rindex("截至")]
        # the second end of a range (3 月 18 日至 20 日): the day the thing went on until
        ranged = _RANGE_END.search(text, max(s, i - 12), i) is not None
        if (MODAL_RE.search(_COMPLIANCE.sub("", before))
                or (not as_of and not ranged and re.search(r"截[至止]|到|至$", before[-3:] if before else ""))):
            return None
        by = _BY.match(text, j)
        if by and (d.day is None or as_of):
            return None  # (4 月底前完成: any day of the month, the filling date's included)
        k = by.end() if by else j
        sentence = text[s:e]
        if as_of:
            # 截至 a date: the state of things on that day, which a report written before it cannot know
            # (截至 3 月 31 日，资金已全部支付 / 共受理投诉 12 件); not a requirement or a plan for it
            if _says(MODAL_RE, text[j:e]) or _says(_FUTURE, sentence) or _in_plan_section(doc, d.para):
                return None
            m = DONE_RE.search(text, j, min(e, j + 40))
            return when, (m.group(0) if m and "已" in text[j:m.start()] else ""), False
        m = _verb_after(text, k, e)
        if m is None:
            return None
        if re.match(r"\s*(?:的)?(?:截止|期限|时限)", text[k + m.end():]):
            return None  # 3 月 25 日为自评结果公开截止日: the verb names a deadline
        if _FUTURE.search(sentence) or _in_plan_section(doc, d.para):
            return None
        if (by or d.day is None) and not _DONE_MARK.search(sentence):
            return None  # “6 月 30 日前完成验收”, “4 月启动……” with nothing saying it was done: a target, a plan
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
                _, e = sentence_of(para, i, i)
                if ("实际" not in _clause_before(para.text, i, s) and "实际" not in para.text[max(s, i - 8):i]
                        and not _ON_TIME.search(para.text, i, e)):
                    continue  # (only an actual date, or one the report says met the deadline)
                if _ADMITTED.search(para.text, s, e):
                    continue  # the report says the deadline was missed
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
