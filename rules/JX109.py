from __future__ import annotations

from ..rates import grim_possible, rate_claims
from ..rule import Rule


class CountRateGranularity(Rule):
    """
    做什么
        对计数的比率（整改率、办结率等，见 linter/data/rates.toml 中 grim = true 的比率），
        当句中只认出了分母（反馈问题 45 个）而没有写出分子时，
        检查写出的比率在它的位数上是否可能：k ÷ n 对某个整数 k 四舍五入后必须等于写出的值
        （GRIM 检验）。例如分母为 45 时，93.3%（42/45）和 95.6%（43/45）都可能，
        93.5% 不可能。满意度不做此检验：它常是加权得分，而不是 k/n。

        分子、分母都认出时由 JX102 直接重算，本规则不重复报告。
        分母须由比率定义中的标签认出（如“问卷”“反馈问题”），与比率同句且唯一。

    为什么是问题
        n 个对象的比率只能是 k/n；一个任何 k 都得不到的比率，说明分母或比率写错了，
        或比率是估出来的而不是数出来的。

    示例
        错误：本年累计反馈问题45个，问题整改率93.5%。
        （42/45 = 93.3%，43/45 = 95.6%，没有 k/45 等于 93.5%）

        正确：本年累计反馈问题45个，问题整改率93.3%。
    """

    code = "JX109"
    name = "count-rate-granularity"
    category = "ratio"
    severity = "error"
    summary_zh = "计数比率不可能由写出的分母得出"
    summary_en = "a rate of counts that no whole count over the stated denominator gives"
    messages = {
        "impossible": (
            "{name}写作 {stated}，但分母为 {n} 时没有任何整数 k 使 k ÷ {n} 四舍五入为 {stated}"
            "（最接近的是 {below} 和 {above}）",
            "{name} is stated as {stated}, but no whole k gives k ÷ {n} = {stated} when rounded"
            " (the nearest are {below} and {above})",
        ),
        "denominator": ("分母：{text}", "denominator: {text}"),
    }

    def check(self, doc):
        from decimal import Decimal

        from ..arith import fmt, quantize

        for claim in rate_claims(doc):
            d = claim.definition
            if d is None or not d.grim or claim.numerator is not None or claim.denominator is None:
                continue
            n = claim.denominator.value
            q = claim.rate
            if n != n.to_integral_value() or n <= 0:
                doc.note_claim(None)
                continue
            n = int(n)
            ok = grim_possible(q, n)
            doc.note_claim(ok)
            if ok:
                continue
            k = int(q.value * n / 100)
            below = f"{k}/{n} = {fmt(quantize(Decimal(k) * 100 / n, q.precision), q.precision)}%"
            above = f"{k + 1}/{n} = {fmt(quantize(Decimal(k + 1) * 100 / n, q.precision), q.precision)}%"
            yield self.report(
                q.span, "impossible",
                related=[self.related(claim.denominator.span, "denominator", text=doc.quote(claim.denominator.span))],
                name=claim.name, stated=doc.quote(q.span), n=n, below=below, above=above,
            )
