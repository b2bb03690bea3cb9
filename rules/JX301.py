from __future__ import annotations

import bisect
import re
from collections import Counter

import attrs

from ..rule import Rule
from ..scores import listed_totals, total_scores_in
from ..evaluated import (
    COMPARISON, PLAN, SCOPE, SCOPE_AFTER, YEAR_IN, YEARS_COMPARED, announced, eval_clause, eval_words, is_link, name_copies,
    name_line, places_in, self_words, unit_after, unit_before, without_aspects,
)
from ..normalise import first_lines
from ..profile import TITLE_LINES
from ..years import (
    CLAUSE_STOPS, LINK_HEAD, NAME_TAIL, RELATIVE_YEARS, RELATIVE_RE, REPORT_NAME, joined_name, ordinary_other_year, places,
)

# The reporting unit as the subject, right before the year: 本单位 / 我局 / 我办 2025 年…
_SUBJECT = re.compile(r"(?:本|我)(?:单位|部门|局|办|委|部|院|所|中心|站|厅|室|校|馆)(?:本级)?\s*$")
# …or right after it: 2022 年我单位……
_SUBJECT_AFTER = re.compile(r"\s*(?:本|我)(?:单位|部门|局|办|委|部|院|中心|站|厅|室|校|馆)")
# The unit's target for the year, stated: ……目标是 / 目标为 / 工作任务：
_TARGET = re.compile(r"[^，,。；;]{0,12}?(?:绩效目标|工作目标|目标|工作任务|重点任务)(?=是|为|[:：]|包括)")
_BUDGET_WORD = re.compile(r"(?:收入|支出)(?:总)?(?:预算|决算)?数?|预算|决算|资金|经费|金额|拨款")
# What only a closed year has: spending, execution, final accounts.
_EXECUTION = re.compile(r"支出|执行|完成率|决算|结余|结转|使用")
# the year's performance target opening its paragraph: N 年度……资金绩效总体目标： / ……绩效目标为
_YEAR_TARGET = re.compile(r"\s*度?[^，,。；;:：、\d]{0,40}?绩效(?:总体)?目标(?=为|是|[:：]|\s*\d)")
_HEAD_NAME = re.compile(r"[^，,。；;:：、\d《》()（）]{0,12}")
# …or a list item's heading, its number right before the year: 2.N 年度绩效目标。/ （二）N 年度绩效目标：
_ITEM_NUMBER = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*[、.．])\s*")
_ITEM_TARGET = re.compile(r"\s*度?[^，,。；;:：、\d]{0,20}?绩效(?:总体)?目标\s*(?=。)")
_ITEM_TARGET_NOT = re.compile(r"完成|实现|达到|达成|未|没有")
# the part of a document named in parentheses after its title: （第三部分：…）（附件 2：…）
_PART = re.compile(r"[(（]\s*(?:第\s*[一二三四五六七八九十百\d]+\s*(?:部分|章|节|篇|册)|附件|附表)")
_CITED = re.compile(r"《[^《》]*》")
# Doing this evaluation: the clause has the report's own work on it.
_DOING = re.compile(r"现将|进行|开展|完成|负责|领导|指导|组织|形成|公开|实施|重视")
_LOOK_BACK = re.compile(r"根据|依据|按照|参照|参考|结合|针对|发现|问题|意见|反馈|整改|以前|此前|" + YEARS_COMPARED)
# The look-back words that govern a phrase (根据《……》, 按照 N 年……): they speak of another
# document or year only up to the end of their own clause, not of a later clause of the sentence
# (按照绩效评价要求，我局积极组织，对 N 年度……进行了绩效自评).
_GOVERNING = re.compile(r"根据|依据|按照|参照|参考|结合|针对")
# …which governs only its own object: 按照要求对 N 年度……开展了绩效自评 is this evaluation
_GOVERNED_ONLY = re.compile(r"要求\s*[，,]?\s*(?:对|开展|进行|组织)")
_LOOK_BACK_REST = re.compile(r"发现|问题|意见|反馈|整改|以前|此前|曾(?:经|对|于|开展|进行|组织)|" + YEARS_COMPARED)
# A review of an evaluation already made (县财政局对我馆 N 年度自评结果进行了复核), in the year's clause
_REVIEW = re.compile(r"复核|审核|抽查|核查|督查")
# the basis of the work, in the clause of a year: 以 N 年度项目库为依据 / 根据 N 年度预算
_BASIS = re.compile(r"为依据|依据|根据|按照|对照|参照")
# An evaluation made by someone else (a firm entrusted by the finance bureau, a key evaluation)
_OTHERS_EVALUATION = re.compile(r"委托|第三方|重点(?:绩效)?评价")
# The report speaking of itself: 本报告为 [单位] N 年度……自评报告
_THIS_REPORT = re.compile(r"本(?:报告|评价报告|自评报告)(?:为|是|系)")
# 为做好 N 年度……绩效自评工作: the purpose of this evaluation, when the sentence goes on to tell
# work done (成立了评价小组，对……进行了评价), not a plan.
_PURPOSE = re.compile(r"为了?\s*(?:确实|切实|进一步|认真|扎实)?\s*做好\s*$")
# the purpose of this evaluation, in the year's clause: 为全面评估 Y 年度……预算执行情况
_EVALUATING_FOR = re.compile(r"为了?\s*(?:全面|客观|准确|科学|进一步|切实)?\s*(?:评估|评价|考核)\s*$")
# the report announcing itself in the year's clause: 现将[我校] Y 年度……情况报告如下
_ANNOUNCING = re.compile(r"现将[^，,。；;:：\d]{0,10}$")
_AS_FOLLOWS = re.compile(r"[^，,。；;:：、\d]{0,60}?(?:报告|公开|公布)如下")  # (no list of reports, no other year)
# a third party's own team or firm as the subject of the work (评价组于 2024 年 5 月进驻，对……开展了绩效评价): this
# evaluation's work, whenever it is dated
_OWN_TEAM = re.compile(r"(?:本|我)?评价(?:工作)?(?:小)?组|(?:我|本)(?:公司|所)(?![属有在])|评价机构")
# …and this evaluation told as done after it: 开展了本次自评 / 组织开展了绩效自评
_THIS_ROUND = re.compile(r"[，,][^。；;]{0,30}?(?:本次(?:绩效)?(?:自评|自我评价|评价)|(?:开展|进行|组织|实施)了[^。；;，,]{0,10}?(?:自评|自我评价|绩效评价))")
_DONE = re.compile(r"(?:进行|开展|成立|组织|完成|形成)了|已(?:经)?(?:对|进行|开展|完成)")
# a cover's field naming what is evaluated, the department's whole spending of a year: 项目名称：N 年度部门整体支出绩效
# (a project's name may carry its fund's year, 项目名称：N 年某某补助资金, which is not matched)
_COVER_FIELD = re.compile(r"(?:项目|评价对象)名称\s*[:：]\s*$")
_WHOLE_SPENDING = re.compile(r"\s*(?:部门|单位)?整体支出")
# a piece of a report's name left on a line of its own in the first lines, a year and the spending only: N 年度部门整体支出
_NAME_PIECE = re.compile(r"\d{4}\s*年度?[\u4e00-\u9fff]{0,12}?(?:整体支出|项目支出)(?:绩效)?\s*")
# …right above the report's own name, which starts with another year on the next line: N 年度某某局 / 整体支出绩效自评报告
_YEAR_HEAD = re.compile(r"\s*(\d{4})\s*年度?")
_PIECE_LINES = 15  # the first paragraphs, where a cover's lines stand



def _subject_before(doc, before: str) -> bool:
    """The reporting unit as the subject right before a year: 本单位 / 我局 …, or its own name
    as the profile read it (the unit heading the title: 青山县粮食局 2023 年……)."""
    return bool(_SUBJECT.search(before)) or unit_before(doc, before)


def _listed_in(doc, para):
    """The totals of sub-items listed in paragraph ``para`` (得分分别为：A 92 分，B 95 分)."""
    return [q for ls in listed_totals(doc) if ls.para == para for q in ls.items]


def _compares(doc, p) -> bool:
    """The sentence of ``p`` compares (较, 同比, 上年, 分别……), other than with the 分别 that heads a
    list of the sub-items' totals (自评得分分别为：A 92 分，B 95 分: one result per item, no years compared)."""
    text = p.para.text
    heads = {ls.head for ls in listed_totals(doc) if ls.para == p.ref.para}
    return any(m.start() not in heads for m in COMPARISON.finditer(text, p.s, p.e))


# A report's name over a span of years (2019-2021 年度某某专项资金绩效评价报告): the two years, then
# the rest of the name within one clause (a year with its month is a date, not a name's span)
_RANGE_NAME = re.compile(
    rf"(?<!\d)(\d{{4}})\s*年?\s*[-—–~～至到]\s*(\d{{4}})\s*年度?(?!\s*\d{{1,2}}\s*月)"
    rf"[^\d{CLAUSE_STOPS}《》]{{0,40}}?{REPORT_NAME}"
)
# 上年（2021 年） / 2021 年（上年）: the relative word before the year's bracket, or in a bracket after it
# (compiled once: asked at every year, where they were formatted and looked up in re's cache each time)
_RELATIVE_BEFORE = re.compile(rf"({RELATIVE_RE.pattern})\s*[(（]\s*$")
_RELATIVE_AFTER = re.compile(rf"\s*[(（]\s*(?:即\s*)?({RELATIVE_RE.pattern})\s*[)）]")
_SPAN_OF_YEARS = re.compile(r"\d{4}\s*年?\s*[-—–~～至到]\s*\d{4}")
# its second half, which opens with a class re finds in its own loop: searched first, as most
# paragraphs with a year have no span of years and are passed after that one fast scan
_SPAN_END = re.compile(r"[-—–~～至到]\s*\d{4}")
# what may stand before such a name on its line: a field's label (内容概述：, 名称：), a unit, no sentence
_RANGE_NAME_BEFORE = re.compile(r"[。，,；;、!！?？《》]")


@attrs.frozen
class _RangeCopy:
    para: int
    spans: tuple  # the two years' digits
    years: tuple[int, int]


def _range_copies(doc):
    """The copies of the report's name over a span of years (4d) where one end of the span was
    changed and the other not: (the odd year's span, the year the name has there, the odd copy,
    a copy that has it) for each. Copies are the name lines (the name alone on its line, or after a
    field's label; a title broken over short lines is read joined), grouped by their text with the
    years left out; the span of years most copies give (at least two, more than any other span) is
    the name's."""
    groups: dict[str, list[_RangeCopy]] = {}
    paragraphs = doc.paragraphs
    for k, para in enumerate(paragraphs):
        if (para.kind != "text" or "年" not in para.text or not _SPAN_END.search(para.text)
                or not _SPAN_OF_YEARS.search(para.text)):
            continue
        text = joined_name(paragraphs, k)
        for m in _RANGE_NAME.finditer(text):
            if m.end(2) > len(para.text):
                break
            before = text[:m.start()]
            if _RANGE_NAME_BEFORE.search(before) or LINK_HEAD.search(before[-30:]):
                continue
            end = NAME_TAIL.match(text, m.end()).end()
            if end < len(text) and not (end < len(para.text) and _line_break_at(para, end)):
                continue  # (a name mentioned in a sentence: ……评价报告提出的问题)
            key = re.sub(r"\d{4}", "#", re.sub(r"\s+", "", m.group(0)))
            spans = (para.span(m.start(1), m.end(1)), para.span(m.start(2), m.end(2)))
            groups.setdefault(key, []).append(_RangeCopy(k, spans, (int(m.group(1)), int(m.group(2)))))
    found = []
    for copies in groups.values():
        if len(copies) < 3:
            continue
        counts = Counter(c.years for c in copies).most_common(2)
        if counts[0][1] < 2 or len(counts) > 1 and counts[1][1] == counts[0][1]:
            continue  # (no span of years that most copies give)
        names = counts[0][0]
        right = next(c for c in copies if c.years == names)
        for c in copies:
            for slot in (0, 1):
                if c.years[slot] != names[slot] and c.years[1 - slot] == names[1 - slot]:
                    found.append((c.spans[slot], names[slot], c, right))
    return found


def _line_break_at(para, i: int) -> bool:
    """A line of the original ends right before index ``i`` of the paragraph's text (the
    normaliser ran the next line into it: the offsets skip the line break there)."""
    span = para.span(i - 1, i + 1)
    return span.end - span.start > 2


# the period this evaluation covers, a whole calendar year: 评价期间：N 年 1 月 1 日至 12 月 31 日 (the field's label right
# before the year; not the dates of the evaluation work, 评价时间：N 年 4 月—7 月, which are no whole year)
_PERIOD_BEFORE = re.compile(r"(?:本次)?(?:绩效)?(?:自评|自我评价|评价)(?:的)?(?:期间|时段|区间|所属期)\s*(?:为|是|[:：])?\s*$")
_PERIOD_AFTER = re.compile(r"\s*(?:1|01|一)\s*月\s*(?:1|01|一)\s*日\s*(?:[-—–~～]|至|到)\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日")
# a heading over the earlier years' evaluations: 一、上年度绩效评价整改情况 / （二）以前年度自评结果
_PAST_HEADING = re.compile(r"上年|上一年|去年|往年|历年|以前年度|前[一两三]?年度")
_HEADING_STYLES = ("cn-dun", "paren-cn", "ar-dot", "ar-dun", "paren-ar")
# the result stated, then its score in the next clause: ……自评结果为良，得分 86 分 / ……自评等级为优，综合得分 92 分
_RESULT_SCORE = re.compile(r"\s*(?:为|是|[:：])?\s*[“\"]?(?:优秀?|良好?|中等?|合格|差|不合格)[”\"]?\s*[，,]\s*(?:综合|最终|总|自评)?得分")


def _under_past_heading(doc, para: int) -> bool:
    """The paragraph is under (or is) a heading that names earlier years (上年度……, 以前年度……)."""
    heads = doc.memo.get("JX301.heads")
    if heads is None:
        found = [mk for mk in doc.markers if mk.at_start and mk.style in _HEADING_STYLES]
        heads = doc.memo["JX301.heads"] = ([mk.para for mk in found], found)
    paras, found = heads
    k = bisect.bisect_right(paras, para)
    return k > 0 and bool(_PAST_HEADING.search(found[k - 1].title))


class WrongYear(Rule):
    """
    做什么
        报告评价的年度（评价年度（没有时，表头的“预算年度：”“所属年度：”）、开头“现将 N 年度……报告如下”、开头几行（网页的“发布时间：”“点击数：”
        “来源：”之类独占一行的栏目不算一行，带短横、栏名后直接写内容的“- 索引号……”“- 有效性有效”也是）里报告自己的名称
        “N 年（度）……自评报告 / 自评总结报告 / 绩效评价报告 / 绩效评价自评报告 / 绩效评价结果的说明”
        （名称到“……自评结果”“……自评工作总结”或不带“自评 / 评价”的“……绩效报告”为止、后面除了名称行可带的括号、扩展名、网页栏目外
        没有别的字的也算：网页“名称：”栏里的“某某中心 N 年度部门项目绩效自评结果”；句子里提到的“N 年度绩效自评结果”不算），独占一行的自评表、
        评价表名称“N 年度……绩效评价表”，名称下一行括号里的“（N 年度）”（名称在封面、网页的栏目之下也算；表格开头两行各只有一格，先是名称、再是“（N 年度）”的也算），第一行只写
        “[单位] N 年度……项目 / 资金 / 支出……绩效自评”或“N 年度[单位]绩效评价工作开展情况”而不带“报告”（网页的“发布日期：”之类、下一行第一张表的
        表题“表1：”连在后面也算）；没有标题时，开头几段里第三方的“受……委托，……对[某地] N 年……开展绩效评价，
        形成本报告”“本次评价对象为[某地] N 年度……”（其后 30 字内没有别的年份），都没有时才看
        所答复的通知，通知也没有时看自评报告第一句话里的“……开展了 N 年度……绩效自评工作”“对 N 年（度）部门整体支出
        开展绩效自评”，见 profile；没有标题时开头一段的“对我局 N 年度……进行绩效评价。现将……报告如下”也算）是 Y。找出
        报告在说自己或自己的数字时写成了别的年份：

        1. 说报告本身：“N 年（度）……自评得分 / 评价结果 / 评价结论 / 自评等级 / 自评报告”（年份后隔一个逗号、
           以“我局 / 本单位”开头的分句也算：“N 年度，我馆部门整体支出绩效自评得分 95 分”），N ≠ Y
           （“2023 年度”报告里写“2024 年整体支出自我绩效评价自评得分为 96 分”）。N < Y 时只在
           这句话除了《》里、文号里的年份和说做这次评价的 Y 年度（“对 Y 年度……进行了全面评价，N 年度我单位……
           自评得分 95 分”）以外只有这一个年份、并写出了总得分时（“本单位 2022 年度整体支出自评得分为 96 分”；
           按子项逐一写出的总得分也算：“N 年本县……资金绩效自评得分分别为：A 94 分，B 91 分”，这里引出
           清单的“分别”不算比较），
           或这句话里唯一的得分紧跟在评价结果或等级之后时——“N 年度项目绩效自评结果为良，得分 86 分”，
           或这一分句在说做这次评价时（条件见第 3 类，如“现将 2022 年度……自我评价报告如下”）报告，
           往年结果的回顾（“2021 年度自评结果为优，2022 年度为良”）和标题写着上年、往年、历年、以前年度的
           一节（“一、上年自评结果”）里的不报告；
        2. 说本单位的数字：“本单位 / 我局 / 我办 + N 年 + 预算、决算、收入、支出、资金、经费……”
           （单位作主语时，除“本单位、我局”之类，也认报告自己的单位名称：表头、开头读到的单位，或标题里
           紧挨在年份前面、只有单位名称的那一段，“某某州粮食局 N 年……”；别的单位的名称不算；第 3、4b、7 类同）
           并在同一句写出金额和执行情况（支出、执行、完成率、决算、结余），N > Y，且这句话不是比较
           （没有“较、比、同比、上年、增长、减少”等）。N > Y 的年度在报告写成时还没有结束，
           不可能有它的支出和完成率；只提下一年度的预算（“我局 2024 年预算 300 万元已下达”）不报告，
           往年的数字（N < Y，如“2022 年结转资金”）也不报告；
        3. 说本次评价本身：“N 年（度）[本单位 / 部门 / 财政资金] 整体支出 / 部门整体 / 部门预算 / 部门 / ……资金 /
           ……基金 / ……经费 / ……项目……绩效自评 /
           自我（绩效）评价 / 绩效评价”（年份是被评价的支出的年度；只写“N 年”而不是“N 年度”时，年份与“资金 / 基金 /
           经费 / 项目”之间要点出是哪一笔钱或哪个项目——去掉财政、预算、部门、本级、中央、省市县、专项、补助、
           补贴之类泛称后至少还有两个字，如“开展了 N 年社区助老服务专项资金绩效评价工作”，这时年份是这笔资金的；
           “N 年财政资金绩效自评工作”没有点名，可能是哪一年开展的这一轮评价，不算；“N 年部门整体支出……”照旧算）、
           “N 年度部门绩效自评信息”，“N 年度绩效自评工作”（年度与评价之间没有别的字，写“年度”；“N 年度绩效自评报告”是报告名称，见上），
           以及同一分句里的“对[本单位] N 年度……进行了（全面 / 绩效 / 客观、公正的）自评 / 自我评价 / 评价 / 全面自查和绩效评估”
           （事前绩效评估不算）（括号里的插注不断开
           分句：“对某某委员会（以下简称：区农委）的 N 年……项目开展绩效评价”）
           （“对 2023 年度项目支出资金的管理、使用情况进行了绩效自评”；评价的对象是一串方面时
           ——“分别对 N 年度绩效目标分解下达情况、绩效情况分析、……等方面进行了自我评价”——看第一项，
           评价绩效目标的完成、分解下达算这次评价，只说指标、目标、办法、整改的不算；审核、复核、抽查
           别人的自评不算），N ≠ Y，并且这一分句在说做这次评价：写有完成评价的日期且日期在 Y+1 年
           （评价年度的次年才做自评；N > Y 而日期在 N+1 年的也是：“于 2024 年 2 月……对 2023 年度……进行了
           绩效自评”不可能写在 2022 年度的报告里；第三方的评价报告里以“评价组 / 我公司 / 评价机构”为主语说的是
           这次评价本身，不论日期：“评价组于 2024 年 5 月进驻，对 2023 年度……开展了绩效评价”），或“现将 N 年度……报告如下”，或（无日期时）N > Y 且不是计划
           （将、拟、计划、下一步、今后……；“模拟”“虚拟”里的“拟”不算），或 N < Y 且分句写有“进行、开展、完成、负责、领导、
           指导、组织、形成、公开、实施、重视”，或以“本单位 / 我局”为主语，或以“本报告为”开头，或是“为做好
           N 年度……自评工作”而这句话接着写出已做的事（成立了小组、进行了评价……），而没有回顾
           或比较：“根据、依据、按照、参照、参考、结合、针对”只管到它自己的分句结束，出现在年份
           所在分句、年份之前才算回顾（“根据 2022 年度自评发现的问题”），前面分句里的（“按照绩效
           评价要求，我局积极组织，对 N 年度……进行了绩效自评”）以及只管“要求”的（“按照要求对 N 年度……
           开展了绩效自评”）不算；复核、审核、抽查在年份所在
           分句里算；发现、问题、整改、曾经、上年、往年、较上年、分别（“分别对”除外）……（《》里文件名中的字不算，评价的一串方面里第一项以后的字也不算：“……、其他需要说明的问题等方面”）
           在整句任何地方都算；句中也没有第二个年份（同一年份再写一遍不算；《》里、文号、日期里的年份，以及同一句里另一个
           说本次评价的 Y 年度（包括“Y 年度我单位……自评得分”“现将我校 Y 年度……情况报告如下”和“为全面评估 Y 年度……”）、与正文连成一句的
           报告标题、作为依据的 Y 年度——“以 Y 年度项目库为依据，对 N 年度……实施绩效自评”——不算）。
           日期在 Y 年或更早的（“于 2023 年 4 月完成了 2022 年度……自评”，
           在 2023 年度报告里）是上一轮评价，不报告；单位自己的自评报告里说别人做的评价（“区财政局委托第三方
           机构对我局 N 年度……进行了重点绩效评价”，N < Y）也是往事，不报告（第三方自己的评价报告里的
           “受……委托，我公司对 N 年度……进行了绩效评价”照常检查）。
           报告宣布自己的句子“现将[本局] N 年度……自评情况 / 报告……如下 / 予以公开”“现将 N 年度绩效情况报告
           如下”“现将[我单位] N 年度部门整体和项目支出情况报告如下”（年份紧跟“现将”，
           到评价的字样之前没有别的年份），以及“现将 A N 年度绩效自评报告、B ……、C ……公开如下”这样的清单
           里的一项（清单里其余至少两项的年份都是 Y；只有两项时分不出哪一项错，不报告），N ≠ Y，句中没有
           比较，也报告；
           说本次评价的范围（“本次自评的范围为 / 评价对象是 / 评价年度为 / 自评范围：[我馆] N 年度……”
           “N 年度专项资金绩效评价资金总计……”“N 年参与绩效评价的项目共……”“N 年我单位项目支出绩效自评项目 35 个”“N 年度，我馆共有 3 个项目
           纳入绩效自评范围”），N ≠ Y，
           句中没有回顾、比较、计划，也没有第二个年份（条件同上），也报告；
           封面、表头在行首的“项目名称：/ 评价对象名称：N 年度（部门）整体支出……”（评价的就是这一年度的整体支出；
           写“N 年某某资金”的项目名称是资金的年份，不算），N ≠ Y，也报告；
           开头几行里单独成行、只有年度和支出的名称片段“N 年度部门整体支出”（封面上残留的往年名称），紧接着下一段就是以评价年度
           开头的报告名称（“Y 年度某某局 / 整体支出绩效自评报告”），N ≠ Y，也报告；
           说本次评价的期间是整整一个自然年（“评价期间：N 年 1 月 1 日至 12 月 31 日”“本次评价期间为 N 年 1 月 1 日至
           N 年 12 月 31 日”），N ≠ Y，也报告（评价工作自己的日期，“评价时间：N 年 3 月 1 日至 4 月 30 日”，不是一整年，不算）；
           说本次评价的目的而这句话接着说出做了这次评价（“为客观评价 N 年度……的实施效果，我局组织开展了本次自评”：
           年份前是“为（全面 / 客观……）评价 / 评估 / 考核”，后面同一句里有“本次自评 / 评价”或“开展了……自评”），
           N ≠ Y，没有回顾、比较、计划，也没有第二个年份，也报告；
        4. 评价年度本身是少数：评价年度（表头“评价年度：”或开头“现将 N 年度”）与报告其他说本次评价
           的地方（上面 1、3 两类和下面 4a 的名称行，每句算一票，带日期的不算，回顾往年评价的分句——“根据、依据、按照、参照、参考、结合、针对”紧挨在年份前（“根据 N 年度绩效评价结果”），或在年份所在分句里、年份之前而年份后面说的是评价的结果、报告、意见、问题（只管“要求”的不算；“根据文件精神组织人手对 N 年度……进行梳理”不算回顾），或年份所在分句里有“发现、问题、意见、反馈、整改”（评价的一串方面里第一项以后的不算）——也不算）和所答复的通知
           （“关于开展 N 年度……”算 N，只写“关于开展 N 年……”算 N−1）对比，另一年度的票数多于
           评价年度（评价年度自己算一票）、至少两票且至少有一处是报告自己的说法时，报告表头或开头的
           年份，其余各处按多数的年度检查；票数相同则以表头为准；
        4a. 报告自己的名称单独成行：封面、目录里的条目（后面跟着点线和页码的也算）、目录后重复的标题、附件清单（“附件：1.……”“1、”）、网页里
           再写一遍的标题、网页的“名称：”栏：“[单位] N 年（度）……自评报告 / 绩效评价报告”独占一行
           （断成几行短行的标题连起来看，如“某某馆 2023 年度 / 部门整体支出 / 绩效自评报告”“某某局 2020 年度某某类项目 / 自评结果”；
           以“一、”“（一）”“1.”之类编号开头的行是标题，不连进名称），或在
           开头几行的行首（标题与正文连在一行；网页的“来源：”“作者：”“发布时间：”“访问量：”“字体大小：放大 缩小”
           这些栏与正文标题连成一段时，从最后一栏之后算起；名称后面连着网页的“发布时间：”“信息来源：”
           “浏览次数：”“字体：”“文号：”这些栏的也算；年份后面紧跟月份的是日期，不是名称的年度：网页信息栏“标题：……报告 发布日期：2023 年 10 月 19 日”连着下面的名称时，名称的年度看下一行括号里的“（N 年度）”），N ≠ Y；独占一行、不带“报告”的网页标题“某某所 N 年（度）绩效自评”
           （前面没有编号或括号）也一样，以“……自评结果”或“……绩效报告”（“N 年度某某局 / 某某专项资金绩效报告”）结尾的
           名称也一样（表格单元格里的、前面带着标题编号的——“（四）N 年度绩效自评结果”——不算）；自评表的名称单独成行（“2022 年度……绩效
           自评表”；开头几行里表头的栏目或指标表的表头（“指标名称”“一级指标”）连在名称后面的，前面带着条目编号“1、”也算；网页的“日期：”“分享：”
           “语音播报”这些独占一行的栏目和按钮不算开头的一行）、报告的文件名单独成行（“某某中心 2022 年度项目自评价.pdf”，文库页在扩展名前多出的“ -”“_”也算：“……绩效自评表 -.xls”）也一样；名称后面跟着括号里的
           项目或资金名（“……自评报告（N 年某某经费）”“……自评报告——（某某号文某某项目经费）”）、标题与它的副本连成
           一行的，也是名称行；名称开头带着资金或项目的年份（“某县 N 年省级……资金转移支付 N 年度绩效自评报告”）时，
           名称的年份是“……报告”前面那一个，资金的年份不妨碍它。句子里提到的报告名称（“于 2023 年 5 月报送 2022 年度……自评报告及评分表”）、
           网页的链接（“上一篇：”“下一篇：”“相关文章”后面的）不算。名称行参加第 4 类的计票（同一
           年度的名称行不论重复几遍只算一票）：标题的年度比正文说本次评价的地方票少时报告标题；票数
           相同时报告正文那一处，标题作为相关位置；
        4b. 评价年度在正文里找不到：评价年度来自标题（或开头“现将……”、表头“评价年度：”），正文一次
           也没有写到这一年（日期、比较句里也没有；只有《》里的文件名、文号、法规版本、同一年度的名称行、
           网页链接和“发布时间：”“填报日期：”之类的写作日期不算），而正文说本单位的资金和工作时（不是
           比较或计划的句子——句中只有一个年份时，“分别为”把一笔钱分到各项，不算比较；计划投资与它的完成情况写在同一句里的（“X 年计划投资 500 万元，
           实际完成投资 480 万元”）是这一年自己的数，不算计划——也不是结转、结余、遗留、续建之类往年的钱和事，也不是回顾往年评价的分句——回顾的条件同第 4 类，以及分句里的复核、审核、抽查、核查、连续、历年、往年——每句一票）以及报告名称的
           其他各处（重复的标题、网页的“名称：”栏，每处一票）写的是另一个年度 X，且占这些票的三分之二
           以上；X 至少要比标题多一票：标题本身和它写着同一年度的每一处副本各算一票，正文里只能支持 X
           而不能单独算数的地方（X 年的日期，如“于 X 年 6 月 12 日拨付”，说自评、评价、报告、报送、审计、
           检查的句子里的日期不算；《》里下达 X 年资金的文件，如
           《关于下达 X 年……资金的通知》；写“关于开展 X 年度……”的通知；“关于开展 N 年……”可能指 N 或
           N−1，不算；文号是 X 年、句中写着下达或拨付资金的文件，如“〔X〕128 号文件下达……资金”，“提前下达”
           的不算）合起来算一票；“截至 X 年 12 月 31 日（12 月底、X 年末），资金已使用……万元”“……编制人数 12 人”这样说 X 年末数字（金额或人数、个数）的句子
           算一句；只有一处而正文用“本年度 / 本年 / 当年”说自己的事时不算（那一处可能是
           别的年度的事）；正文只有这一处、它是本单位自己的钱（单位——或“我市、本县”之类说自己地区的字，转移支付的钱就是这个地区的——紧挨着年份作主语，或年份所在分句把钱下达、拨付、划给本单位——单位名称前至多带一个
           短地名——，句中写出金额：“X 年度县财政划给某某县司法局……经费，金额 110 万元”，
           “X 年我局共收到上级下达……资金 1280 万元”），正文从未写到标题的年度、标题也没有同年副本时，
           这一处就够（只对标题；表头的“评价年度：”写得明白，一处不够）；说“提前（下达）”的句子不算票也不算支持（那是下一年度的钱；“提前下达 X 年……资金”除外）。这时报告标题（表头、开头）的年份，正文那几处作为相关位置，其余
           各处按 X 检查。正文也写到标题的年度（上年决算数一栏、日期、比较句……；从标题年度的结余里列支的钱——“从 N 年……
           结余资金列支……”——只是后来的年度说起它，不算；下一年度的资金在标题年度提前下达的日期——“N 年 12 月……提前下达 N+1 年……资金”——也不算；表格里独占一行或一格的栏目“N 年决算数”而报告另有
           “N+1 年决算数”一栏时，是 N+1 年的表列出的上年数，也不算；只写出计划投资、没写完成情况的句子——“N 年计划投资 300 万元，用于……”——
           是计划，写 N−1 年度的报告也会写，也不算；这几种消息里仍计入写到的处数）时，X 至少要有四处，并且
           是标题、它的同年副本和正文里每一处写到标题年度的地方合计的三倍以上，才报告标题（“正文说……
           N 处写的是 X 年，写到 Y 年的只有 M 处”）。票数相同以标题为准（“某某馆 2023 年度……报告”而正文只有一句“2022 年，我县
           建成……”时不报告）；
        4c. 带两个年份的报告名称（资金或项目的年份，再加名称自己的年度：“某县 N 年省级……资金转移支付 N 年度
           绩效自评报告”）出现两处以上（网页的“信息名称”“关键词”栏、标题、封面）：把年份去掉后文字相同的各处
           算同一名称的副本，两个位置各取多数副本写的年份（票数相同取评价年度），某一处副本一个位置与之不同、
           另一个位置却相同（只改了一个年份）时，报告这一处，另一处副本作为相关位置。两个年份都不同的是别的
           年度的报告，不报告；
        4d. 跨年度的报告名称（“N1-N2 年度……绩效评价报告”，多年度的第三方评价）出现三处以上（标题、网页的
           “内容概述”之类的栏、封面；名称独占一行，或前面只有栏目名，断成几行短行的标题连起来看）：把年份去掉后
           文字相同的各处算同一名称的副本，名称的起止年份取副本最多的那一对（至少两处、多于其他任何一对；没有
           多数不报告），某一处副本的一端与之不同、另一端却相同（只改了一端）时，报告这一处不同的年份，另一处
           副本作为相关位置。报告没有可识别的评价年度时也检查。两端都不同的是别的年度的报告，不报告；
           句子里提到的名称（后面还有正文）不算副本；
        5. 所引文件的组成部分写错年度：《》标题里的年份是评价年度 Y，紧跟标题的括号写它的一部分
           （“（第三部分：……”“（附件……”“（附表……”），这一部分的年份 N ≠ Y
           （“《2023 年度……部门决算》（第三部分：……2022 年度部门决算情况说明）”）；标题是别的年度的不报告；
        6. 相对年份与括注的年份不符：“上年（2021 年）”在 2023 年度报告里（上年 = Y−1，本年/当年 = Y，次年/下年 = Y+1）。
           “今年”“明年”不比较：报告写于被评价年度的次年，“今年”可能指 Y，也可能指写报告的 Y+1。
        8. 填报日期早于评价年度结束：单位自己的自评报告或自评表（第三方评价不算），评价年度来自标题、表头或开头，
           开头几行的“填报日期：N 年 M 月 D 日”在 Y 年 12 月之前（“（2025 年度）……填报日期：2025 年 3 月 12 日”），
           评价年度没有被正文压倒（第 4、4b 类）。一年的自评要在这一年结束后才能做，评价年度或填报日期有一处写错；
           Y 年 12 月填报的不报告（年底前几天填报的自评表常见）。
        7. 本单位往年的目标写成了本年的：“N 年我单位……目标是 / 目标为 / 工作任务：……”或“本单位 N 年
           ……目标为……”（单位作主语，紧挨着年份，同一分句里说出目标或任务），N < Y，且这句话只有这一个
           年份，不是比较或回顾（较、比、上年、增长、根据、按照、问题……），也不是计划（将、拟、计划……）
           （“2022 年我单位最主要的目标是……”在 2023 年度报告里，多半是照抄上一年的报告）。下一年度的目标
           （N > Y）是计划，不报告；没有本单位作主语的（“全县 N 年的目标”）不报告，除非年份开头一段、前面
           至多是一个名称（不到 12 字，无标点、数字），同一分句里接着“……绩效目标 / 绩效总体目标”和“为、是、：”或目标的数
           （“某某镇 N 年度……补助资金绩效总体目标：……”“某某镇 N 年度……改造项目绩效目标 14 户，实际完成 14 户”，N < Y），或前面只是条目编号、这一条以“N 年度……绩效目标。”为小标题（“2.N 年度绩效目标。落实……”；其中有完成、实现、达到之类的是结果，不算）——这时冒号后面是目标本身，其中的“按照、增加”
           之类不算回顾或比较；

        “……报告如下：”之后算新的一句（全文没有句号、连成一段的报告也如此）。

        不报告：《》里的文件名、法规名和版本（“（2018年修正）”）、文号里的年份、事件的日期
        （“2016 年 6 月……划归”）、年份区间（2019—2023 年）、“自 N 年以来”之类；通知年份
        （“关于开展 2024 年……自评工作的通知”，由 JX303 看）；“N 年绩效自评工作”“N 年区级财政资金绩效自评
        工作”（说的是哪一年做的自评，不是评价哪一年的支出；自评工作本来就在次年做）；评价的年份与另一个年份
        之间隔着别的年份（“2023 年度决算说明公开了 2024 年度自评信息”里的 2023）；其他体系、版本和计划
        （“2024 年省级……自评指标评分体系”“N 年区级……绩效评价工作”、
        “开展 / 部署 / 布置 Y+1 年……整体支出绩效自评工作”（写“Y+1 年度”的是被评价的年度，照常报告）“为做好 Y+1 年（不是“年度”）……自评工作”（可能像通知那样指 Y+1 年做的这一轮自评）“将在 N 年度……自评中”、……指标、体系、
        办法、方案、目标、复核、整改）；
        与上年比较的句子（“较、比、同比、上年、增长、减少、分别”等，说自己得分的句子也一样；占比、比率、
        比例、比重里的“比”不是比较，“计划生育”“（预算）安排计划”和名称里的“……计划资金 / 项目 / 经费 / 专项”
        （“人才引进计划资金”）也不是计划）；
        评价年度只是从通知推出来的时候，报告的第一行（100 字以内的）和开头几行里报告自己的名称
        （通知推出的年度不足以否定标题）；报告没有可识别的评价年度时除 4d 以外整条规则不报告。

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
        "target": (
            "年度与评价年度不符：本单位的{what}写作 {stated} 年，报告评价的是 {year} 年度，疑为沿用往年报告的文字",
            "the year does not match the evaluated year: the unit's own {what_en} is given for {stated}, but the report "
            "evaluates {year} — probably left over from an earlier year's report",
        ),
        "relative": (
            "相对年份与所注年份不符：评价年度为 {year} 年，“{word}”应为 {expected} 年，却注为 {stated} 年",
            "a relative year and its stated year disagree: the evaluated year is {year}, so “{word}” is {expected}, not {stated}",
        ),
        "filled": (
            "填报日期与评价年度不符：报告自评的是 {year} 年度，填报日期 {date} 却在这一年结束之前，评价年度或填报日期有一处写错",
            "the date filled in does not fit the evaluated year: the report evaluates {year}, but was filled in on {date}, "
            "before that year ended; the year or the date is wrong",
        ),
        "evaluated": ("评价年度 {year}", "evaluated year {year}"),
        "odd": (
            "评价年度与报告其余各处不符：这里写作 {stated} 年，而报告其他说本次评价的地方写作 {year} 年（{n} 处）",
            "the evaluated year disagrees with the rest of the report: it says {stated} here, but {n} other places that speak of this evaluation say {year}",
        ),
        "alone": (
            "{where}与正文不符：{short}写作 {stated} 年，正文却一次也没有提到 {stated} 年，说本单位的资金、工作"
            "或本报告时写的都是 {year} 年（{n} 处）",
            "the {where_en}'s year does not match the body: the {where_en} says {stated}, but the body never mentions {stated} "
            "and gives {year} for the unit's funds and work or for this report ({n} places)",
        ),
        "outvoted": (
            "{where}与正文不符：{short}写作 {stated} 年，正文说本单位的资金、工作或本报告时 {n} 处写的是 {year} 年，"
            "写到 {stated} 年的只有 {m} 处",
            "the {where_en}'s year does not match the body: the {where_en} says {stated}, but the body gives {year} for the "
            "unit's funds and work or for this report in {n} places, and mentions {stated} in only {m}",
        ),
        "body": ("正文写作 {year} 年", "the body says {year}"),
        "copy": (
            "报告名称的几处副本年份不一致：这里写作 {stated} 年，名称的其他副本在同一位置写作 {year} 年，"
            "而这一处的另一个年份与它们相同",
            "the copies of the report's title disagree: this one says {stated}, the other copies say {year} in the same "
            "place, and this copy's other year matches theirs",
        ),
        "copy_other": ("名称的另一处副本写作 {year} 年", "another copy of the title says {year}"),
        "part": (
            "所引文件的组成部分写错了年度：文件标题是评价年度 {year} 年的，括号里它的这一部分却写作 {stated} 年",
            "a part of a cited document has another year: the document's title is for the evaluated year {year}, but its part in parentheses says {stated}",
        ),
        "title": ("文件标题 {year} 年", "the document's title, {year}"),
        "mention": ("本次评价写作 {year} 年", "this evaluation given as {year}"),
    }

    # where the profile read the year, as the "alone" message names it
    _WHERE = {
        "title": {"where": "报告名称的年度", "short": "名称", "where_en": "title"},
        "field": {"where": "表头的评价年度", "short": "表头", "where_en": "header"},
        "opening": {"where": "开头一句的年度", "short": "开头", "where_en": "opening sentence"},
    }
    _WHAT_ZH = {"得分": "得分", "分数": "得分", "结果": "评价结果", "结论": "评价结论", "等级": "等级", "报告": "报告名称",
                "信息": "自评信息"}
    _WHAT_EN = {"得分": "score", "分数": "score", "结果": "result", "结论": "conclusion", "等级": "grade", "报告": "report title",
                "信息": "self-evaluation information"}

    def check(self, doc):
        for span, name_year, c, right in _range_copies(doc):
            # 4d: the copies of a name over a span of years (2019-2021 年度……), one end changed in one copy
            odd = c.years[0] if c.spans[0] == span else c.years[1]
            yield self.report(
                span, "copy", stated=odd, year=name_year,
                related=[self.related(right.spans[0].cover(right.spans[1]), "copy_other", year=name_year)],
                suggestion=str(name_year),
            )
        year = doc.profile.year
        if year is None:
            return
        span = doc.profile.year_span
        related = []
        vote = doc.year_vote  # (linter/evaluated.py: the vote of 4, 4a and 4b)
        how, voted, others = vote.how, vote.year, vote.places
        if how == "odd":
            # the header / opening is the one mention of the evaluation that differs: it is the
            # wrong one, and the others are checked against the year they agree on
            year = voted
            yield self.report(
                span, "odd", stated=doc.profile.year, year=year, n=len(others),
                related=[self.related(o.ref.span, "mention", year=year) for o in others[:3]],
                suggestion=str(year),
            )
            related = [self.related(others[0].ref.span, "mention", year=year)]
        elif how == "outvoted":
            # the body gives the title's year here and there, but another year throughout
            year = voted
            yield self.report(
                span, "outvoted", stated=doc.profile.year, year=year, n=len(others), m=vote.mentions,
                **self._WHERE[doc.profile.year_from],
                related=[self.related(o.ref.span, "body", year=year) for o in others[:3]],
                suggestion=str(year),
            )
            related = [self.related(others[0].ref.span, "body", year=year)]
        elif how == "alone":
            # the title's year is nowhere in the body, which speaks of another year throughout: the
            # title is the odd one, and the rest is checked against the body's year
            year = voted
            yield self.report(
                span, "alone", stated=doc.profile.year, year=year, n=len(others), **self._WHERE[doc.profile.year_from],
                related=[self.related(o.ref.span, "body", year=year) for o in others[:3]],
                suggestion=str(year),
            )
            related = [self.related(others[0].ref.span, "body", year=year)]
        elif span is not None:
            related = [self.related(span, "evaluated", year=year)]
        # 4c: the copies of a name with two years (a fund's and its own), one year changed in one copy
        copied = set()
        for p, name_year, right in name_copies(doc, year):
            copied.add(p.ref.span)
            yield self.report(
                p.ref.span, "copy", stated=p.ref.year, year=name_year,
                related=[self.related(right.ref.span, "copy_other", year=name_year)], suggestion=f"{name_year} 年",
            )
        # A year read from the notice alone is the weakest evidence: it never overrules the
        # report's own first line or the name in its title lines.
        weak = doc.profile.year_from == "notice"
        top = len(first_lines(doc.paragraphs, TITLE_LINES)) if weak else 0  # the title lines' paragraphs
        for p in places(doc):
            if p.ref.year != year and _PERIOD_AFTER.match(p.para.text, p.j) and _PERIOD_BEFORE.search(p.before):
                end = _PERIOD_AFTER.match(p.para.text, p.j).group(1)
                if end is None or int(end) == p.ref.year:
                    # 评价期间：N 年 1 月 1 日至 12 月 31 日 — the whole year this evaluation covers
                    yield self.report(
                        p.ref.span, "self", what="评价期间", what_en="evaluation period", year=year, stated=p.ref.year,
                        related=related, suggestion=f"{year} 年",
                    )
                    continue
            if p.ref.year == year or ordinary_other_year(doc, p) or is_link(p) or p.ref.span in copied:
                continue
            if span is not None and p.ref.span.start <= span.start < p.ref.span.end:
                continue
            if weak and p.ref.para == 0 and len(p.para.text) <= 100:
                continue  # (the first line as a title; a long first paragraph is the body's)
            text = p.para.text
            m = self_words(p)
            if m and weak and p.ref.para < top and m.group(0).endswith("报告"):
                continue
            if (m and not _compares(doc, p)
                    and (self._own(doc, p, year) or self._doing(doc, p, year, m.end()))):
                what = m.group(0)[-2:]
                yield self.report(
                    p.ref.span, "self", what=self._WHAT_ZH[what], what_en=self._WHAT_EN[what], year=year, stated=p.ref.year,
                    related=related, suggestion=f"{year} 年",
                )
                continue
            if announced(doc, p, year):
                yield self.report(
                    p.ref.span, "self", what="评价", what_en="evaluation", year=year, stated=p.ref.year,
                    related=related, suggestion=f"{year} 年",
                )
                continue
            name = None if weak and p.ref.para < top else name_line(doc, p)
            if name:
                form = name.group(0).endswith("表")
                yield self.report(
                    p.ref.span, "self", what="自评表名称" if form else "报告名称",
                    what_en="form title" if form else "report title", year=year, stated=p.ref.year,
                    related=related, suggestion=f"{year} 年",
                )
                continue
            m = eval_words(p) or eval_clause(p)
            if (m and p.ref.year == year + 1 and re.search(r"(?:开展|部署|布置|启动|安排)\s*$", p.clause_before())
                    and not text[p.i:p.j].endswith("年度") and text.startswith("工作", m.end())):
                m = None  # 开展 2024 年部门整体支出绩效自评工作: may name the round held in Y+1, as the notice does
            if (m and p.ref.year == year + 1 and re.search(r"做好\s*$", p.clause_before())
                    and not text[p.i:p.j].endswith("年度") and text.startswith("工作", m.end())):
                m = None  # 为做好 2024 年……绩效自评工作 (年, not 年度): the same, the round of Y+1
            if m and self._doing(doc, p, year, m.end()):
                yield self.report(
                    p.ref.span, "self", what="评价", what_en="evaluation", year=year, stated=p.ref.year,
                    related=related, suggestion=f"{year} 年",
                )
                continue
            if self._evaluating_for(doc, p, year):
                yield self.report(
                    p.ref.span, "self", what="评价", what_en="evaluation", year=year, stated=p.ref.year,
                    related=related, suggestion=f"{year} 年",
                )
                continue
            if self._scope(doc, p, year):
                yield self.report(
                    p.ref.span, "self", what="评价范围", what_en="evaluation's scope", year=year, stated=p.ref.year,
                    related=related, suggestion=f"{year} 年",
                )
                continue
            field = _COVER_FIELD.search(text, max(0, p.i - 12), p.i) if text[p.i:p.j].endswith("年度") else None
            if (field and _WHOLE_SPENDING.match(text, p.j)
                    and (not text[:field.start()].strip() or _line_break_at(p.para, field.start()))):
                # (the field at the head of its line, which the normaliser may have run into the title's)
                yield self.report(
                    p.ref.span, "self", what="项目名称", what_en="project name", year=year, stated=p.ref.year,
                    related=related, suggestion=f"{year} 年",
                )
                continue
            if self._stray_piece(doc, p, year):
                yield self.report(
                    p.ref.span, "self", what="报告名称", what_en="report title", year=year, stated=p.ref.year,
                    related=related, suggestion=f"{year} 年",
                )
                continue
            title = self._part_of_title(doc, p, year)
            if title is not None:
                yield self.report(
                    p.ref.span, "part", stated=p.ref.year, year=year,
                    related=[self.related(title.span, "title", year=year)], suggestion=f"{year} 年",
                )
                continue
            if (p.ref.year > year and _subject_before(doc, text[p.s:p.i]) and not COMPARISON.search(text[p.s:p.e])
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
            m = self._target(doc, p, year)
            if m is not None:
                what = "绩效目标" if "绩效" in m.group(0) else ("目标" if m.group(0).endswith("目标") else "工作任务")
                yield self.report(
                    p.ref.span, "target", what=what, what_en="target" if what != "工作任务" else "task",
                    year=year, stated=p.ref.year, related=related, suggestion=f"{year} 年",
                )
                continue
        fill = doc.profile.fill_date
        if (fill is not None and doc.profile.fill_date_span is not None and how is None
                and doc.profile.kind in ("self-evaluation", "project-self-evaluation")
                and doc.profile.year_from in ("title", "field", "opening") and fill[:2] < (year, 12)):
            # 8: 填报日期 before the evaluated year's last month: no self-evaluation of a year is filled in before it ends
            yield self.report(
                doc.profile.fill_date_span, "filled", year=year, date=f"{fill[0]} 年 {fill[1]} 月 {fill[2]} 日",
                related=related,
            )
        yield from self._relative(doc, year)

    @staticmethod
    def _target(doc, p, year):
        """2022 年我单位最主要的目标是…… in a 2023 report: the unit (subject right before or
        after the year) states its target or task for an earlier year, in a sentence that has no
        other year and neither compares nor looks back (较上年、根据、问题……) nor plans. Also a
        paragraph that opens with an earlier year's performance target, a short name at most
        before the year (某某镇 2023 年度……资金绩效总体目标：……): up to the colon, not the target's words."""
        text = p.para.text
        if p.ref.year >= year:
            return None
        head = False
        if not (_subject_before(doc, text[p.s:p.i]) or _SUBJECT_AFTER.match(text, p.j) or unit_after(doc, text, p.j)):
            # …or the paragraph opens with the year's performance target, a name at most before it
            # (某某区 2023 年度……补助资金绩效总体目标：……); what follows the colon is the target itself,
            # whose words (按照……要求, 增加……收入) neither look back nor compare
            m = _YEAR_TARGET.match(text, p.j) if _HEAD_NAME.fullmatch(text, 0, p.i) else None
            if m is None and _ITEM_NUMBER.fullmatch(text, 0, p.i):
                # (a list item headed by the year's target, its number before the year: 2.N 年度绩效目标。落实……)
                m = _YEAR_TARGET.match(text, p.j) or _ITEM_TARGET.match(text, p.j)
                if m is not None and _ITEM_TARGET_NOT.search(m.group(0)):
                    m = None  # (2.N 年度完成了绩效目标。: a result told, no target)
            head = True
        else:
            m = _TARGET.match(text, p.j)
        if m is None or YEAR_IN.search(text, p.j, m.end()):
            return None
        end = m.end() if head else p.e
        if COMPARISON.search(text, p.s, end) or _LOOK_BACK.search(text, p.s, end) or PLAN.search(text, p.s, m.end()):
            return None
        if sum(p.s <= p.para.index_of(y.span.start) < p.e for y in doc.facts[p.ref.para].years) > 1:
            return None
        return m

    @staticmethod
    def _own(doc, p, year) -> bool:
        """A later year is never the report's past; an earlier one is the report's own
        statement only when it is the sentence's one year and the sentence states a total
        score (本单位 2022 年度整体支出自评得分为 96 分 in a 2023 report), not a history of
        past results (2021 年度自评结果为优，2022 年度为良), also when the evaluated year's own
        statement follows in the paragraph (……90 分；2023 年度，我局……95 分). Years in a cited
        title or a document number, and the evaluated year in a clause doing this evaluation
        (对 2023 年度……进行了全面评价，2022 年度我单位……自评得分 95 分), are not another year."""
        if p.ref.year > year:
            return True
        span = doc.profile.year_span
        title = [q for q in places_in(doc, p.ref.para) if span is not None and q.ref.span.start <= span.start < q.ref.span.end]
        others = [q for q in places_in(doc, p.ref.para) if q is not p and q.s == p.s and not ordinary_other_year(doc, q)
                  and not (q.ref.year == year and (eval_words(q) or eval_clause(q))) and q not in title]
        if others:
            return False  # (a cited title's or a document number's year, or this evaluation's own clause, is no other year)
        if any(q is not p and q.ref.year == year and self_words(q) and q not in title for q in places_in(doc, p.ref.para)):
            return False  # 2022 年度，我局……得分 90 分；2023 年度，我局……得分 95 分: the years side by side
            # (the report's title run into the paragraph is neither)
        if _under_past_heading(doc, p.ref.para):
            return False  # under 一、上年度自评结果 / 以前年度问题整改: the earlier years' results, told
        if any(q.span.start > p.ref.span.end and p.para.index_of(q.span.start) < p.e
               for q in (*total_scores_in(doc, p.ref.para), *_listed_in(doc, p.ref.para))):
            return True
        # …or the one score of the sentence right after the statement (N 年度……自评结果为良，得分 86 分): the
        # evaluation's result, its score given with it
        scores = [q for q in doc.facts[p.ref.para].quantities if q.kind == "score" and p.s <= p.para.index_of(q.span.start) < p.e]
        return len(scores) == 1 and scores[0].span.start > p.ref.span.end and bool(
            _RESULT_SCORE.match(p.para.text, m.end())) if (m := self_words(p)) is not None else False

    @staticmethod
    def _stray_piece(doc, p, year) -> bool:
        """A cover's stray line, a piece of a report's name under another year (2022 年度部门整体支出), at the end of
        a paragraph in the first lines, on a line of its own, right above the report's own name starting with the
        evaluated year on the next paragraph (2023 年度某某局 / 整体支出绩效自评报告): left from last year's cover."""
        k = p.ref.para
        if k >= _PIECE_LINES or k + 1 >= len(doc.paragraphs) or p.para.kind != "text":
            return False
        text = p.para.text
        if not _NAME_PIECE.fullmatch(text, p.i) or not (p.i == 0 or _line_break_at(p.para, p.i)):
            return False
        nxt = doc.paragraphs[k + 1]
        m = _YEAR_HEAD.match(nxt.text) if nxt.kind == "text" else None
        if m is None or int(m.group(1)) != year:
            return False
        name = joined_name(doc.paragraphs, k + 1)
        found = re.search(REPORT_NAME, name)
        return found is not None and not YEAR_IN.search(name, m.end(), found.start())

    @staticmethod
    def _part_of_title(doc, p, year):
        """《2024 年度……部门决算》（第三部分：……2023 年度部门决算情况说明）: a part of the cited
        document, in parentheses right after its title, under another year than the title's,
        where the title's year is the evaluated one. The title's year place, or None."""
        text = p.para.text
        k = max(text.rfind("（", p.s, p.i), text.rfind("(", p.s, p.i))
        if k < 0 or any(c in text[k:p.i] for c in ")）") or not _PART.match(text, k):
            return None
        before = text[:k].rstrip()
        o = before.rfind("《")
        if not before.endswith("》") or o < 0:
            return None
        for y in doc.in_paragraph("years", p.ref.para):
            if o < p.para.index_of(y.span.start) < len(before) - 1:
                return y if y.year == year else None  # the title's first year
        return None

    def _doing(self, doc, p, year, end) -> bool:
        """The clause speaks of doing this evaluation (对区委办 N 年度整体支出情况进行绩效自评,
        负责领导 N 年度……自我绩效评价工作, 现将 N 年度……报告如下), not of an earlier one or a plan.

        A date in the clause says when the work was done: the evaluation of year Y is done in
        Y+1, so work dated in Y or before is an earlier year's evaluation (history), and only
        work dated Y+1 is this one's."""
        text = p.para.text
        # (a list of the aspects evaluated, ……偏离绩效目标的原因和下一步改进措施、绩效自评结果拟应用和公开情况等方面:
        # section names, no plan; the clause is read without it)
        clause = p.clause_before() + without_aspects(text, p.j, end)
        if p.clause_before().rstrip().endswith("现将"):
            return True  # 现将 N 年度……报告如下: the report's own opening
        dated = [d.year for d in doc.in_paragraph("dates", p.ref.para)
                 if d.year is not None and p.s <= p.para.index_of(d.span.start) < p.i]
        if dated and not (doc.profile.kind == "external-evaluation" and _OWN_TEAM.search(text, p.s, p.i)):
            # (…or a later year's evaluation told done in the year after it, as evaluations are: 于 2024 年 2 月……对 2023
            # 年度……进行了绩效自评 in a report on 2022, which cannot tell it)
            return dated[-1] in (year + 1, p.ref.year + 1 if p.ref.year > year else None) and not PLAN.search(clause)
        purpose = self._purpose(p)
        if p.ref.year > year:
            return purpose or not PLAN.search(clause)
        if doc.profile.kind in ("self-evaluation", "project-self-evaluation") and _OTHERS_EVALUATION.search(text, p.s, p.e):
            return False  # 区财政局委托第三方机构对我局 N 年度……进行了重点绩效评价: someone else's, in a unit's own report
        if self._looks_back(p) or (PLAN.search(clause) and not purpose):
            return False
        if self._other_years(doc, p, year):
            return False  # 2021 年度自评结果为优，2022 年度为良: a history of results
        return bool(purpose or _DOING.search(clause) or _subject_before(doc, p.clause_before())
                    or _THIS_REPORT.search(p.clause_before()))

    def _scope(self, doc, p, year) -> bool:
        """本次自评的范围为 / 评价对象是 / 自评范围：[我馆] N 年度……: what this evaluation covers,
        in a sentence that neither looks back nor compares nor plans and has no other year."""
        text = p.para.text
        if not (SCOPE.search(text, p.s, p.i) or SCOPE_AFTER.match(text, p.j)) or PLAN.search(p.clause_before() + p.clause_after()):
            return False  # (a plan in the year's clause: 将 N 年度……纳入评价范围; not 人才计划 further on)
        return not self._looks_back(p) and not self._other_years(doc, p, year)

    def _evaluating_for(self, doc, p, year) -> bool:
        """为客观评价 N 年度……的实施效果，我局组织开展了本次自评: the purpose of this evaluation, in a
        sentence that goes on to tell this evaluation done (本次……自评 / 开展了……评价), neither looking
        back nor planning, with no other year."""
        text = p.para.text
        if not _EVALUATING_FOR.search(p.clause_before()) or not _THIS_ROUND.search(text, p.j, p.e):
            return False
        if PLAN.search(text, p.s, p.e) or _compares(doc, p):
            return False
        return not self._looks_back(p) and not self._other_years(doc, p, year)

    @staticmethod
    def _purpose(p) -> bool:
        """为做好 N 年度……绩效自评工作，……成立了评价小组，对……进行了评价: the purpose of the
        work the sentence goes on to tell as done."""
        return bool(_PURPOSE.search(p.clause_before()) and _DONE.search(p.para.text, p.j, p.e)
                    and not PLAN.search(p.para.text, p.j, p.e))

    @staticmethod
    def _looks_back(p) -> bool:
        """The year's clause is governed by a look-back word (根据 / 按照 N 年……: in the clause,
        before the year), or the sentence looks back or compares (发现、问题、整改、上年、较、
        增长……)."""
        governing = list(_GOVERNING.finditer(p.clause_before()))
        if governing and not _GOVERNED_ONLY.search(p.clause_before(), governing[-1].end()):
            return True
        if _REVIEW.search(p.clause_before() + p.clause_after()):
            return True
        # (not the words of a cited document's name, 《……实施意见》, nor those of a list of the aspects evaluated,
        # ……其他需要说明的问题等方面)
        text = p.para.text
        return bool(_LOOK_BACK_REST.search(_CITED.sub("", text[p.s:p.j] + without_aspects(text, p.j, p.e))))

    def _other_years(self, doc, p, year) -> bool:
        """Another year in the sentence, other than a place where any year may stand (a
        document's title, its number, a date) or the evaluated year in a clause that itself
        speaks of this evaluation (为做好 Y 年度……自评工作，……对 N 年度……进行了评价)."""
        for q in places_in(doc, p.ref.para):
            if q.s != p.s or q is p or q.ref.year == p.ref.year:
                continue  # (the same year stated again is no other year)
            if ordinary_other_year(doc, q):
                continue
            span = doc.profile.year_span
            if span is not None and q.ref.span.start <= span.start < q.ref.span.end:
                continue  # the report's title run into the sentence
            own = self_words(q)  # (the evaluated year's score or result; not a report's name, which may be one of a list)
            if q.ref.year == year and (eval_words(q) or eval_clause(q) or own and not own.group(0).endswith(("报告", "信息"))
                                       or _BASIS.search(q.clause_before() + q.clause_after())
                                       or _ANNOUNCING.search(q.clause_before()) and _AS_FOLLOWS.match(q.para.text, q.j)
                                       or _EVALUATING_FOR.search(q.clause_before())):
                continue  # (…or the evaluated year as the basis: 以 Y 年度项目库为依据，对 N 年度……实施绩效自评)
            return True
        return False

    def _relative(self, doc, year):
        """上年（2021 年） / 2021 年（上年）: the written year against the relative one."""
        for p in places(doc):
            text = p.para.text
            before = text[max(0, p.i - 8):p.i]
            after = text[p.j:p.j + 8]
            if "(" not in before and "（" not in before and "(" not in after and "（" not in after:
                continue  # (both patterns need a bracket: most years have none around them)
            m = _RELATIVE_BEFORE.search(before) or _RELATIVE_AFTER.match(after)
            if not m:
                continue
            word = m.group(1)
            expected = year + RELATIVE_YEARS[word]
            if p.ref.year != expected:
                yield self.report(
                    p.ref.span, "relative", year=year, word=word, expected=expected, stated=p.ref.year,
                    suggestion=f"{expected} 年",
                )

