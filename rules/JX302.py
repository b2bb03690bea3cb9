from __future__ import annotations

import re

from ..rule import Rule
from ..years import ordinary_other_year, places

# A task being set or carried out, right before the year: 做好 2019 年度……
_TASK_VERB = re.compile(r"做好|抓好|办好|搞好|推进|落实|部署|分解|谋划|制定|制订|起草|筹备|完成|筹划|安排")
# …and what the task is: a plan, a summary, a work report, the year's tasks.
_TASK_NOUN = re.compile(r"工作总结|工作计划|工作报告|工作要点|重点工作|工作任务|重点任务|任务分解|工作部署|工作会议|计划|总结")
# Work on old years' records is legitimately done later.
_RECORDS = re.compile(r"档案|审计|决算|账|清理|核查|整改|结转")
# How many years back a task may name: a summary of Y−1 is written early in Y.
MAX_LAG = 1


class StaleYear(Rule):
    """
    做什么
        找出被评价年度 Y 的工作、计划和任务里写着早已过去的年份：分句里先有一个布置或开展
        任务的词（做好、抓好、推进、落实、部署、分解、制定、起草、筹备、完成…），紧接着是年份 N，
        年份后面是计划、总结、工作报告、工作要点、重点任务之类，且 N ≤ Y − 2
        （2023 年度报告里“做好全区 2019 年度工作总结和 2020 年度工作计划”）。

        不报告：N = Y − 1（上一年的总结本来就在 Y 年初写）；档案、审计、决算、整改等补做往年的事；
        《》里的文件名、文号、法规版本、事件日期（“2016 年 6 月……”）、年份区间、“自 N 年以来”；
        报告没有可识别的评价年度时整条规则不报告；评价年度按 JX301 的计票（标题的年度被正文压倒时按正文的
        年度）。这是提醒（warning）：也可能是报告有意回顾往年的任务。

    为什么是问题
        年度工作和重点任务一段本应写被评价年度的工作；写着几年前的“年度工作总结”“工作计划”，
        几乎总是把多年前的材料整段抄了进来，说明这一段没有反映本年度的实际工作。

    示例
        错误：评价年度：2022 年度
            我办全力做好全区 2018 年度工作总结和 2019 年度工作计划等重要文稿起草。

        正确：评价年度：2022 年度
            我办全力做好全区 2021 年度工作总结和 2022 年度工作计划等重要文稿起草。
    """

    code = "JX302"
    name = "stale-year"
    category = "year"
    severity = "warning"
    summary_zh = "本年度的工作任务写着早已过去的年份"
    summary_en = "a task of the evaluated year names a long-past year"
    messages = {
        "stale": (
            "任务年份过旧：被评价年度为 {year} 年，这里的“{task}”却是 {stated} 年的，早了 {lag} 年，疑为从旧材料抄入",
            "a stale year: the report evaluates {year}, but this task (“{task}”) is for {stated}, {lag} years earlier — likely pasted from old material",
        ),
        "evaluated": ("评价年度 {year}", "evaluated year {year}"),
    }

    def check(self, doc):
        if doc.profile.year is None:
            return
        vote = doc.year_vote  # (after the vote JX301 reports: a title outvoted by the body does not count)
        year, others = vote.year, vote.places
        related = []
        if others:
            related = [self.related(others[0].ref.span, "evaluated", year=year)]
        elif doc.profile.year_span is not None:
            related = [self.related(doc.profile.year_span, "evaluated", year=year)]
        for p in places(doc):
            if p.ref.year > year - 1 - MAX_LAG or ordinary_other_year(doc, p):
                continue
            if not _TASK_VERB.search(p.clause_before()):
                continue
            after = p.clause_after()[:16]
            noun = _TASK_NOUN.search(after)
            if noun is None or _RECORDS.search(after[: noun.end()]):
                continue
            task = (p.para.text[p.i:p.j] + after[: noun.end()]).replace(" ", "")
            yield self.report(
                p.ref.span, "stale", year=year, stated=p.ref.year, lag=year - p.ref.year, task=task,
                related=related,
            )
