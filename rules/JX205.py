from __future__ import annotations

from decimal import Decimal

from ..arith import fmt, total
from ..rule import Rule
from ..scores import children, complete, interval, reference_totals, summaries, top_level, total_scores


def _show(n) -> str:
    return fmt(n.value, n.precision)


class SectionScoreSummary(Rule):
    """
    做什么
        找出章节小结（“指标分值 N 分，评价得分 M 分，得分率 R%”）里互相矛盾的数：

        1. 小结自身：M ÷ N × 100% 与 R% 不符（R 按写出的精度取区间；N 是规定的分值，按精确值）；
        2. 小结与它下面的各项指标：各下级指标的分值之和正好等于本节分值时（说明下级指标已全部列出），
           各下级指标的得分之和应等于本节得分 M（按精度取区间比较）；
        3. 最上一级：各一级章节的分值之和为 100（满分）时，其得分之和应等于报告写的总得分
           （报告几处总得分不一致时，与写得最多的那个值比较，其余的由 JX202 报告）。

        分数的精度：指标按整分或半分给分，写到 0–1 位小数的得分按精确值看待；写到 2 位及以上小数的
        得分是算出来再四舍五入的（19.13 分），按它的舍入区间比较（XBRL Calculations 1.1 的做法）。

        章节的层级取自小结所在段落或其前面最近一个标题的编号（一、 → （一） → 1. → （1））。
        下级指标的分值加起来不等于本节分值时，无法确定是否列全，不比较得分（分值本身的问题由 JX204 报告）。

        不看：评分表格（由表格规则检查）；只写了分值或只写了得分的句子；得分超过分值（JX201）。

    为什么是问题
        小结的得分、得分率和下级指标的得分是同一组分数的不同写法；对不上，就说明某一处
        改了分而另一处没改，读者无法确定本节、乃至总分究竟是多少。

    示例
        错误：（一）预算编制
            本项指标主要考核1个三级指标。指标分值2分，评价得分0分，得分率0%。
            1.新增项目事前绩效评估。指标分值2分，评价得分2分，得分率100%。

        正确：（一）预算编制
            本项指标主要考核1个三级指标。指标分值2分，评价得分2分，得分率100%。
            1.新增项目事前绩效评估。指标分值2分，评价得分2分，得分率100%。
    """

    code = "JX205"
    name = "section-score-summary"
    category = "score"
    severity = "error"
    summary_zh = "章节小结的得分与得分率或下级指标不符"
    summary_en = "a section's score summary disagrees with itself or with its sub-indicators"
    messages = {
        "rate": (
            "得分率与得分不符：{got} ÷ {max} × 100% = {computed}%，这里写的是 {rate}%",
            "the score rate does not match the score: {got} / {max} × 100% = {computed}%, but {rate}% is stated",
        ),
        "children": (
            "本节得分与下级指标得分之和不符：“{title}”得分 {got} 分，下级指标合计 {expr} = {sum} 分，差 {diff} 分",
            "the section's score differs from the sum of its sub-indicators: “{title}” scores {got}, its sub-indicators add up to {expr} = {sum}, off by {diff}",
        ),
        "part": ("下级指标“{title}”得分 {got} 分", "sub-indicator “{title}”: {got}"),
        "total": (
            "总得分与各一级指标得分之和不符：总得分 {got} 分，各一级指标合计 {expr} = {sum} 分，差 {diff} 分",
            "the total score differs from the sum of the first-level sections: {got} stated, {expr} = {sum}, off by {diff}",
        ),
    }

    def check(self, doc):
        items = summaries(doc)
        for k, s in enumerate(items):
            if s.rate is not None and s.max.value > 0:
                factor = Decimal(100) / s.max.value
                ratio = s.got.interval().scale(factor)
                ok = ratio.meets(s.rate.interval(exact=False))
                doc.note_claim(ok)
                if not ok:
                    prec = max(s.rate.precision, 2)
                    yield self.report(
                        s.rate.span, "rate", got=_show(s.got), max=_show(s.max), rate=_show(s.rate),
                        computed=fmt(s.got.value * factor, prec),
                        suggestion=f"{fmt(s.got.value * factor, s.rate.precision)}%",
                    )
            kids = children(items, k)
            if not complete(s, kids):
                continue
            parts = total(kid.got.interval() for kid in kids)
            ok = parts.meets(s.got.interval())
            doc.note_claim(ok)
            if ok:
                continue
            yield self._mismatch(doc, "children", s.got, kids, title=s.title or "本节")
        tops = top_level(items)
        if tops and sum(t.max.value for t in tops) == 100:
            parts = total(t.got.interval() for t in tops)
            for q in reference_totals(total_scores(doc), doc):
                ok = parts.meets(interval(q))
                doc.note_claim(ok)
                if not ok:
                    yield self._mismatch(doc, "total", q, tops)

    def _mismatch(self, doc, key, got, kids, **extra):
        prec = max([got.precision] + [k.got.precision for k in kids])
        value = sum((k.got.value for k in kids), Decimal(0))
        got_text = fmt(got.value, got.precision)
        return self.report(
            got.span, key,
            got=got_text, expr=" + ".join(_show(k.got) for k in kids), sum=fmt(value, prec),
            diff=fmt(abs(value - got.value), prec),
            related=[self.related(k.got.span, "part", title=k.title or "下级指标", got=_show(k.got)) for k in kids],
            **extra,
        )
