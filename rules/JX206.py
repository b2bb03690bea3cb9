from __future__ import annotations

from ..arith import Interval, fmt, total
from ..rule import Rule
from ..scores import (band, bands_of, deep_sum, describe_bands, grades, interval, positions, reference_totals,
                      grade_bands, score_of_grade, summaries, top_level, total_scores)


class DecisionError(Rule):
    """
    做什么
        重新计算总得分，看结论（等级）会不会变：

        - 各一级章节的分值之和为 100 时，把各一级章节的得分相加得到一个总分；
        - 再从最下一级算起：某一节的下级指标分值之和等于本节分值（列全了）时，用下级得分之和代替本节写的得分，
          逐级向上相加，得到第二个总分。

        重新算出的总分与报告写的总得分不一致（按 JX205 的精度规则），并且落在另一个等级的分数段里
        （分数段见 JX203，下限含本数；报告自己写了分数段的按报告的，读不全时不检查；满分不是 100 分而报告没写分数段时也不检查）时报告：这是决策错误——报告给出的等级不是按它自己的分数算出来的。
        报告写了等级就与所写等级比较，没写就与所写总分所在的等级比较（消息说明这是分数段，
        不说报告写了这个等级）。报告几处总得分不一致时，
        只看写得最多的那个值（其余的由 JX202 报告）。

        不报告：重新算出的总分与所写总分不一致但等级不变的情况（由 JX205 报告）；没有章节小结、
        或一级章节分值之和不是 100 时（无法重算）。

    为什么是问题
        等级决定预算安排和问责。分数改了而等级没有跟着改，报告的结论就是错的，
        而且这种错误只有把分数重新加一遍才看得出来。

    示例
        错误：最终评定总体得分为80.5分，评价等级为“良”。
            一、履职效能
            履职效能指标分值50分，评价得分45分，得分率90%。
            二、管理效率
            管理效率指标分值50分，评价得分35.5分，得分率71%。
            1.预算编制。指标分值20分，评价得分15分，得分率75%。
            2.预算执行。指标分值30分，评价得分18.5分，得分率61.67%。

        正确：最终评定总体得分为80.5分，评价等级为“良”。
            一、履职效能
            履职效能指标分值50分，评价得分45分，得分率90%。
            二、管理效率
            管理效率指标分值50分，评价得分35.5分，得分率71%。
            1.预算编制。指标分值20分，评价得分17分，得分率85%。
            2.预算执行。指标分值30分，评价得分18.5分，得分率61.67%。
    """

    code = "JX206"
    name = "decision-error"
    category = "grade"
    severity = "error"
    summary_zh = "按报告自己的分数重算，总分落在另一个等级（决策错误）"
    summary_en = "recomputing the total from the report's own scores changes the grade (a decision error)"
    messages = {
        "grade": (
            "决策错误：按各指标得分重算，总分为 {recomputed} 分（{expr}），应为“{expected}”，而报告写总分 {stated} 分、等级“{grade}”（{bands}，下限含本数）",
            "decision error: recomputed from the indicators' scores the total is {recomputed} ({expr}), grade “{expected}”, but the report states {stated} and “{grade}” ({bands}, lower bounds inclusive)",
        ),
        "band": (
            "决策错误：按各指标得分重算，总分为 {recomputed} 分（{expr}），应为“{expected}”，而报告写的总分 {stated} 分在“{grade}”的分数段（报告未写等级；{bands}，下限含本数）",
            "decision error: recomputed from the indicators' scores the total is {recomputed} ({expr}), grade “{expected}”, but the stated total {stated} is in the band of “{grade}” (no grade is stated; {bands}, lower bounds inclusive)",
        ),
        "score": ("报告写的总得分 {stated} 分", "the stated total {stated}"),
        "part": ("一级指标“{title}”重算得分 {value} 分", "first-level section “{title}” recomputed: {value}"),
    }

    def check(self, doc):
        items = summaries(doc)
        tops = top_level(items)
        if not tops or sum(t.max.value for t in tops) != 100:
            return
        shallow = total(t.got.interval() for t in tops)
        where = positions(items)
        deep_parts = [deep_sum(items, where[t], where) for t in tops]
        deep = total(deep_parts)
        bands = grade_bands(doc).bands  # the report's own bands where it states them
        if bands is None:
            return
        totals = total_scores(doc)
        graded = {}
        for g in grades(doc):
            q = score_of_grade(doc, g, totals)
            if q is not None:
                graded[q] = g
        for q in reference_totals(totals, doc):
            g = graded.get(q)
            stated_grade = g.grade if g else band(q.value, bands)
            for recomputed, parts in ((deep, deep_parts), (shallow, [t.got.interval() for t in tops])):
                if recomputed.meets(interval(q)):
                    continue
                others = bands_of(recomputed, bands)
                if stated_grade in others or len(others) != 1:
                    continue
                expected = next(iter(others))
                value = _show(recomputed)
                # (the grade is the report's words only when it wrote one: else the band of its total)
                yield self.report(
                    g.span if g else q.span, "grade" if g else "band", recomputed=value,
                    expr=" + ".join(_show(p) for p in parts), expected=expected,
                    stated=fmt(q.value, q.precision), grade=stated_grade, bands=(describe_bands(bands), describe_bands(bands, ", ")),
                    related=[self.related(q.span, "score", stated=fmt(q.value, q.precision))]
                    + [self.related(t.got.span, "part", title=t.title or "一级指标", value=_show(p)) for t, p in zip(tops, parts)],
                    suggestion=expected,
                )
                break


def _show(iv: Interval) -> str:
    """An exact recomputed score as it is (33.5), a rounded one to two decimals."""
    if iv.lo == iv.hi:
        return format(iv.lo.normalize(), "f")
    return fmt(iv.mid, 2)
