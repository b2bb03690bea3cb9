from __future__ import annotations

import re
from collections import Counter

from ..arith import fmt
from ..rule import MAX_SHOWN, Rule
from ..scores import by_scorer, full_mark, project_of, same_score, score_groups, scorer, table_totals, total_scores
from ..structure import outline


class ScoreConflict(Rule):
    """
    做什么
        收集报告里每一处总得分的表述（“自评得分为 96 分”“综合得分”“总体得分”“整体得分”“评价得分为”“总得分”
        “再评价得分”“自评分数是”“总分”“最终评分”“自评得分达到”，同一句紧跟在“总分 100 分”“满分 100 分”之后的“实得”，“得分合计”；
        标签只说是给出的分数（“评价得分”“考核得分”“项目得分合计”“得分：”“合计”，不带指标名之类别的字）、同一句里
        后面紧接着写了等级、中间没有别的分数的（“评价得分 82 分，评价等级优秀”），也是总得分——只有“得分”“合计”
        两个字的，分数不低于 60 分时才算（“合计 18 分，等级为优”更可能是某项指标的）；表格里一行只有名称和一个分数的“总分 | 96.5分 |”），按写出的精度比较：98.00 分与 98 分是同一个数，96 分与 95.5 分不是。
        出现次数最多的值（并列时取最先出现的）作为基准，其余每一处与它不同的表述都报告，
        并把其他表述列为相关位置（最多 10 处，消息里最多列 10 个不同的值，其余写作“……（共 N 个不同的值）”）。

        单位自评的总分与复核、评价组、第三方、再评价给出的总分（句中有“复核、评价组、第三方、再评价”等）是两个不同的数，
        各自在组内比较，不相互比较。

        不看：某个指标自己的得分（“预算编制得分为 4.5 分”）、“指标分值 N 分，评价得分 M 分”
        这样的章节小结（由 JX205 检查）、紧跟在该项分值后面的得分（“一、投入(20分,自评得分18分)”
        “1、投入20分,自评得分20分”：先写一个不是得分的分数，中间只隔标点就写得分，是这一项的分值和
        得分；分值为 100 分时除外，“(分值100分,自评得分92分)”是总得分，报告写明高于 100 分的满分时那个满分也除外，
        “本项目满分150分，自评得分126分”）、写在一个标题之下、不超过该标题括号里
        所写分值（小于 100 分）的得分（“(1)立项依据充分性(2分)”下面的“自评得2分”是这一小项的得分；
        标签里有“总、综合、最终、整体、总体”的，或比该分值大的，仍是总得分）、同一句里后面还写了得分的
        “总分100分”（“总分100分，自评得分95分”：100 分是满分）、标签只有“总分”两字的 100 分（“绩效自评表（总分 100 分）”）、同一句里紧接着写报告自己的分数段、又高于其中最高下限的“总分”（“总分为10分，9分（含）以上为优……”是满分）、报告的分制（见 JX203）低于 100 分时等于它的“总分”（“评价总分为10分。本项目自评得分 9.2 分”）、评分标准（“结果≥90%，得 9 分”）、扣分和加分；
        往年的得分（同一分句里有“上年、去年、往年”等，或同一句里得分之前写了评价年度及其
        次年以外的年份：“2022 年度自评得分为 90 分”与本年的 95 分并列；不知道评价年度时，句中得分之前写了
        两个以上不同年份的，按年份分开比较，没有写年份的只相互比较）；同一句里的几个总得分
        （“甲项目自评分数为 73.18 分、乙项目自评分数为 89.03 分”是几件事各自的得分）；
        同一列表的各项各以一个不同的项目名称开头、得分写在该项自己的段落里时
        （“1、甲村道路硬化项目……总得分为 91.8 分。2、乙村饮水安全项目……总得分为 90.7 分”），
        是各项目自己的得分；同样，句子以两个以上不同的项目名称开头（“东岭水库除险加固项目自评得分为
        93.5 分。西岭灌区节水改造项目自评得分为 88 分”，项目名称以“项目”或“工程”结尾，案例里用一个代号的
        “甲项目”“A项目”“1号项目”“项目A”“A村道路项目”也算，“本项目”“各项目”“子项目”“重点项目”之类不算；句子先写“综上，”“经评价，”
        之类再写项目名称的，也算以它开头）时，按项目分开比较，同一项目的两处得分仍然比较，没有写项目名称的
        只与同样没有写的比较；只写了一个项目名称、而另有总得分的句子在得分之前点明是单位整体（“本单位”“本部门”
        “我局”“整体支出”之类：“本单位整体支出自评得分为 95 分”与“A项目自评得分为 85 分”）时，也这样分开。
        评分表：整张评分表的合计行（表头有一个得分列和至少一个分值/满分/标准分列，名称为“合计、总计、总分、
        总得分、综合得分”的一行，各分值列都是满分 100 分或报告写明的高于 100 分的满分）的得分与正文的总得分
        不同时报告一处：报在正文写得最多的那个总得分（并列时取最先写的）的第一处，评分表的那一格列为相关位置。
        不比较：得分列表头写着上年、往年或评价年度以外年份的（“上年得分”）；有三个以上得分列的表；合计分值
        不是满分的表（某一节的评分表“合计 20”、几个项目的得分表“合计 200”）；只有权重列的表；没有合计行的
        （逐年得分表）；表格正上方的表题以项目名称开头的（“东岭道路项目评分表”“表3 东岭道路项目评分表”是那个项目的，表号、年份之后的也算）；几张整表的
        合计不同的（评的是几件事）；正文里有复核、评价组、第三方给出的总得分的（表格是谁打的分无从知道）；不知道评价年度、正文又写了几个年度的总得分的；
        正文的总得分分属几个项目时，只与没有写项目名称的比较。表格内部的合计与各行之和由 JX112 检查。

    为什么是问题
        同一份报告给出两个不同的总得分，读者无法知道哪一个是真的；等级、排名和问责都以
        总得分为依据，这类不一致会让整份报告的结论失去可信度。

    示例
        错误：经评价，本单位整体支出自评得分为 96 分，自评等级为优。
            综上所述，本单位 2023 年度绩效自评综合得分为 95.5 分。

        正确：经评价，本单位整体支出自评得分为 96 分，自评等级为优。
            综上所述，本单位 2023 年度绩效自评综合得分为 96 分。
    """

    code = "JX202"
    name = "score-conflict"
    category = "score"
    severity = "error"
    summary_zh = "报告中多处写的总得分不一致"
    summary_en = "the total score is stated with different values in different places"
    messages = {
        "conflict": (
            "总得分前后不一致：这里写 {here} 分，报告其他地方写 {others} 分",
            "the total score is inconsistent: {here} here, {others} elsewhere in the report",
        ),
        "other": ("另一处总得分 {value} 分", "another statement of the total score: {value}"),
        "table": (
            "总得分与评分表不一致：这里写 {here} 分，评分表“{row}”行的得分是 {table} 分",
            "the total score differs from the scoring table: {here} here, {table} in its “{row}” row",
        ),
        "cell": ("评分表“{row}”行的得分 {value} 分", "the scoring table's “{row}” row: {value}"),
    }

    def check(self, doc):
        year = doc.profile.year
        totals = [q for q in total_scores(doc) if year is None or not _of_another_year(doc, q, year)]
        top = full_mark(doc)
        if top < 100:  # 评价总分为 10 分 on a scale of 10: the maximum, not a total obtained
            totals = [q for q in totals if not (q.value == top and "总分" in q.raw_label and "得" not in q.raw_label)]
        # several totals in one sentence are the scores of several things (甲项目自评分数为 73.18 分、
        # 乙项目自评分数为 89.03 分): a report does not state its own total twice in a sentence
        per_sentence = Counter((q.para, q.sentence) for q in totals)
        totals = [q for q in totals if per_sentence[(q.para, q.sentence)] == 1]
        items = _project_items(doc, totals)
        totals = [q for q in totals if q.para not in items]
        yield from self._against_tables(doc, totals)
        for group in by_scorer(doc, totals).values():
            for part in _by_project(doc, group):
                for same_year in _by_year(doc, part) if year is None else (part,):
                    yield from self._compare(doc, same_year)

    def _against_tables(self, doc, totals):
        """The total stated in the prose against a whole scoring table's total row: one finding at
        the first statement of the prose's reference value, the table's cell as the related place."""
        cells = table_totals(doc)
        if not cells or not totals or any(scorer(doc, q) == "review" for q in totals):
            return  # (a reviewer's total beside the unit's: whose the table is, is not known)
        if len({(c.value, c.precision) for c in cells}) > 1:
            return  # several whole tables of different totals: several things scored
        parts = _by_project(doc, totals)
        if len(parts) > 1:  # several projects named: the table goes with the total that names none
            parts = [p for p in parts if not project_of(doc, p[0])]
            if not parts:
                return
        prose = parts[0]
        if doc.profile.year is None and len(_by_year(doc, prose)) > 1:
            return  # totals of several years, and the table's year not known
        groups, ref = score_groups(prose)
        here = groups[ref][0]
        cell = cells[0]
        row = _row_name(doc, cell)
        same = same_score(here, cell)
        doc.note_claim(same)
        if same:
            return
        value = fmt(cell.value, cell.precision)
        yield self.report(
            here.span, "table", here=fmt(here.value, here.precision), table=value, row=row,
            related=[self.related(c.span, "cell", row=row, value=value) for c in cells[:MAX_SHOWN]],
        )

    def _compare(self, doc, totals):
        if len(totals) < 2:
            return
        groups, ref = score_groups(totals)
        if len(groups) < 2:
            for _ in totals:
                doc.note_claim(True)
            return
        group_of = {id(q): i for i, g in enumerate(groups) for q in g}
        # the distinct values stated, in the order they first appear, with their group
        # (the same value is always in the same group)
        values: dict[str, int] = {}
        for q in totals:
            values.setdefault(fmt(q.value, q.precision), group_of[id(q)])
        n_values = Counter(values.values())
        for i, g in enumerate(groups):
            if i == ref:
                continue
            # the same for every score of the group: worked out once, and at most MAX_SHOWN
            # other places and values, so n scores of many values cost n, not n²
            others = []
            for o in totals:
                if group_of[id(o)] != i:
                    others.append(o)
                    if len(others) == MAX_SHOWN:
                        break
            shown = []
            for v, gi in values.items():
                if gi != i:
                    shown.append(v)
                    if len(shown) == MAX_SHOWN:
                        break
            n = len(values) - n_values[i]
            shown = "、".join(shown)
            if n > MAX_SHOWN:
                shown = (f"{shown}……（共 {n} 个不同的值）", f"{shown} … ({n} different values)")
            related = tuple(self.related(o.span, "other", value=fmt(o.value, o.precision)) for o in others)
            suggestion = f"{fmt(groups[ref][0].value, groups[ref][0].precision)} 分" if len(groups[ref]) > 1 else None
            for q in g:
                doc.note_claim(False)
                yield self.report(
                    q.span, "conflict", here=fmt(q.value, q.precision), others=shown,
                    related=related, suggestion=suggestion,
                )


def _row_name(doc, q) -> str:
    """The name of the total row a table's score is in (合计, 总分 …), for the message."""
    for table in doc.tables:
        for row in table.rows:
            c = next((c for c in row.cells if c.para == q.para), None)
            if c is not None:
                return table.label(row) or "合计"
    return "合计"


# the name a list item opens with, to its first mark: a project's when it holds 项目 or ends in
# what a project is funded or built as (…农田道路建设项目，铺建砂石路 11 公里)
_ITEM_NAME = re.compile(r"[^，,。；;：:！？!?]{2,60}")
_PROJECT_NAME = re.compile(r"项目|(?:工程|资金|经费|专项)$")


def _project_items(doc, totals) -> set[int]:
    """The paragraphs of totals each in the opening paragraph of a different item of one list,
    every item named after a project of its own (1、甲村道路建设项目……总得分为 91.8 分。2、乙村
    市场建设项目……总得分为 90.76 分): each project's score, not the report's own stated twice."""
    o = outline(doc)
    opening = {it.para: it for it in o.items if it.marker.at_start}
    lists: dict[int, dict[int, str]] = {}
    for q in totals:
        it = opening.get(q.para)
        if it is None:
            continue
        m = _ITEM_NAME.match(it.marker.title.strip())
        name = m.group(0) if m else ""
        if not _PROJECT_NAME.search(name):
            continue
        first = it
        while first.prev is not None:
            first = o.items[first.prev]
        lists.setdefault(first.index, {})[it.para] = name
    out: set[int] = set()
    for names in lists.values():
        if len(names) >= 2 and len(set(names.values())) == len(names):
            out.update(names)
    return out


def _by_project(doc, totals) -> list[list]:
    """``totals`` split by the project whose name opens each one's sentence (南村道路建设项目
    评价总得分为 91.8 分。北村大棚建设项目评价总得分为 90.5 分: each project's own score), when
    at least two different projects are named so; one group otherwise. A total whose sentence
    names no project is then compared only with others that name none."""
    names = [project_of(doc, q) for q in totals]
    named = {n for n in names if n}
    if not named or (len(named) < 2 and not any(not n and _names_unit(doc, q) for n, q in zip(names, totals))):
        return [totals]
    parts: dict[str, list] = {}
    for n, q in zip(names, totals):
        parts.setdefault(n, []).append(q)
    return list(parts.values())


# the unit as a whole, the subject of its own total (本单位整体支出自评得分, 本部门……, 我局……)
_UNIT_WHOLE = re.compile(r"本单位|本部门|我单位|我部门|本局|我局|单位整体|部门整体|整体支出")


def _names_unit(doc, q) -> bool:
    """Whether the sentence of ``q`` names the unit as a whole before it: the unit's total, not a
    project's (本单位整体支出自评得分为 95 分 beside A项目自评得分为 85 分)."""
    pf = doc.facts[q.para]
    text = pf.para.text
    i = pf.para.index_of(q.span.start)
    k = max(text.rfind(c, 0, i) for c in "。；;!?！？") + 1
    return _UNIT_WHOLE.search(text, k, i) is not None


def _year_before(doc, q) -> int | None:
    """The last year named in the sentence of ``q`` before it (2022 年度项目自评得分为 78 分), if any."""
    pf = doc.facts[q.para]
    text = pf.para.text
    i = pf.para.index_of(q.span.start)
    k = max(text.rfind(c, 0, i) for c in "。；;!?！？") + 1
    named = [y.year for y in pf.years if k <= pf.para.index_of(y.span.start) < i]
    return named[-1] if named else None


def _by_year(doc, totals) -> list[list]:
    """``totals`` split by the year named before each in its sentence, when the evaluated year is
    not known and at least two different years are named so (2022 年度自评得分为 78 分；2023 年度
    自评得分为 93 分: two years' results); one group otherwise. The totals whose sentences name no
    year are then a group of their own."""
    years = [_year_before(doc, q) for q in totals]
    named = {y for y in years if y is not None}
    if len(named) < 2:
        return [totals]
    return [[q for q, y in zip(totals, years) if y == n] for n in [*sorted(named), None]]


def _of_another_year(doc, q, year: int) -> bool:
    """Whether the sentence of the total ``q`` names, before it, a year other than the
    evaluated one or the one after (2022 年度自评得分为 90 分 beside this year's 95): an
    earlier year's result, not a second statement of this report's. (A wrong year written
    there is JX301's to report.)"""
    pf = doc.facts[q.para]
    text = pf.para.text
    i = pf.para.index_of(q.span.start)
    k = max(text.rfind(c, 0, i) for c in "。；;!?！？") + 1
    return any(k <= pf.para.index_of(y.span.start) < i and y.year not in (year, year + 1) for y in pf.years)
