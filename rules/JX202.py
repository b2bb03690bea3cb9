from __future__ import annotations

from ..arith import fmt
from ..rule import Rule
from ..scores import by_scorer, score_groups, total_scores


class ScoreConflict(Rule):
    """
    做什么
        收集报告里每一处总得分的表述（“自评得分为 96 分”“综合得分”“总体得分”“评价得分为”
        “自评分数是”“总分”），按写出的精度比较：98.00 分与 98 分是同一个数，96 分与 95.5 分不是。
        出现次数最多的值（并列时取最先出现的）作为基准，其余每一处与它不同的表述都报告，
        并把所有其他表述列为相关位置。

        单位自评的总分与复核、评价组、第三方给出的总分（句中有“复核、评价组、第三方”等）是两个不同的数，
        各自在组内比较，不相互比较。

        不看：某个指标自己的得分（“预算编制得分为 4.5 分”）、“指标分值 N 分，评价得分 M 分”
        这样的章节小结（由 JX205 检查）、评分标准（“结果≥90%，得 9 分”）、扣分和加分。
        评分表格里的总分由表格规则检查。

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
    }

    def check(self, doc):
        for totals in by_scorer(doc, total_scores(doc)).values():
            yield from self._compare(doc, totals)

    def _compare(self, doc, totals):
        if len(totals) < 2:
            return
        groups, ref = score_groups(totals)
        if len(groups) < 2:
            for _ in totals:
                doc.note_claim(True)
            return
        for i, g in enumerate(groups):
            if i == ref:
                continue
            # the same for every score of the group: worked out once, so n scores cost n, not n²
            others = [o for o in totals if o not in g]
            shown = "、".join(sorted({fmt(o.value, o.precision) for o in others}, key=others_order(others)))
            related = tuple(self.related(o.span, "other", value=fmt(o.value, o.precision)) for o in others)
            suggestion = f"{fmt(groups[ref][0].value, groups[ref][0].precision)} 分" if len(groups[ref]) > 1 else None
            for q in g:
                doc.note_claim(False)
                yield self.report(
                    q.span, "conflict", here=fmt(q.value, q.precision), others=shown,
                    related=related, suggestion=suggestion,
                )


def others_order(others):
    order = {}
    for o in others:
        order.setdefault(fmt(o.value, o.precision), len(order))
    return lambda v: order[v]
