from __future__ import annotations

from ..arith import ROUND_HALF_UP, fmt, quantize
from ..formula import compare, formulas, unit_factor
from ..rates import point, rate_claims, rate_expr, recompute, stated_rate, truncated_at_point, truncated_to
from ..rule import Rule


class RoundedDown(Rule):
    """
    做什么
        与 JX102 一样重算报告写出的比率（分子、分母的认法见 JX102），
        当写出的值恰好是真实值截断后的结果、而按四舍五入本应进位时报告，
        例如 671.46 ÷ 1000.00 = 67.146%，写成 67.14%（应为 67.15%）。
        判断用区间：分子、分母所代表的每一个可能的值，截断到写出的位数都得到写出的值，
        而四舍五入都得不到它。此时 JX102 不再报告。整数金额的 ±0.5 让区间够到下一个单位时
        （2595.6208 ÷ 2596 = 99.985%，写成 99%：区间上端因 2596 可能是 2595.5 而略过 100%），
        只要四舍五入都得不到写出的值、按写出的数直接算出的值截断后正是它，也按截断报告。

        正好落在半个单位上（如 1 ÷ 8 = 12.5%，写成 12%）也算：四舍五入应为 13%。

    为什么是问题
        差别很小，但说明比率是用“截断”而非财政报表通用的四舍五入算出的；
        同一报告中其他比率若按四舍五入计算，口径就不一致。这是提示，不是错误。

    示例
        错误：项目实际支出671.46万元，下达预算数1000.00万元，支出完成率67.14%。
        （671.46 ÷ 1000.00 = 67.146%，四舍五入为 67.15%）

        正确：项目实际支出671.46万元，下达预算数1000.00万元，支出完成率67.15%。
    """

    code = "JX106"
    name = "rounded-down"
    category = "ratio"
    severity = "info"
    summary_zh = "比率被截断而非四舍五入"
    summary_en = "a rate was truncated where rounding half-up was due"
    messages = {
        "truncated": (
            "{name}写作 {stated}，是 {exact} 截断的结果，四舍五入应为 {rounded}（{expr}）",
            "{name} is stated as {stated}, which is {exact} truncated; rounded half-up it is {rounded} ({expr})",
        ),
        "formula": (
            "算式 {expr} 的结果写作 {stated}，是 {exact} 截断的结果，四舍五入应为 {rounded}",
            "the formula {expr} is stated as {stated}, which is {exact} truncated; rounded half-up it is {rounded}",
        ),
        "numerator": ("分子：{text}", "numerator: {text}"),
        "denominator": ("分母：{text}", "denominator: {text}"),
    }

    def check(self, doc):
        for claim in rate_claims(doc):
            r = recompute(claim)
            if r is None or stated_rate(claim.rate).meets(r) and not _exact_half(r, claim):
                continue
            if not (truncated_to(r, claim.rate) or truncated_at_point(claim, r)):
                continue
            q = claim.rate
            value = point(claim)
            rounded = f"{fmt(quantize(value, q.precision, ROUND_HALF_UP), q.precision)}%"
            expr, _ = rate_expr(claim, doc)
            yield self.report(
                q.span, "truncated",
                related=[
                    self.related(claim.numerator.span, "numerator", text=doc.quote(claim.numerator.span)),
                    self.related(claim.denominator.span, "denominator", text=doc.quote(claim.denominator.span)),
                ],
                suggestion=rounded,
                name=claim.name, stated=doc.quote(q.span), exact=f"{fmt(value, q.precision + 2).rstrip('0')}%",
                rounded=rounded, expr=expr,
            )

        yield from self._formulas(doc)

    def _formulas(self, doc):
        for f in formulas(doc):
            expr = f.expression
            if expr.value is None:
                continue
            para = doc.paragraphs[f.para]
            for part in f.parts[1:]:
                if not part.plain or part.value is None:
                    continue
                verdict, iv, p = compare(f, part)
                if verdict != "truncated":
                    continue
                shown = p / unit_factor(part)
                rounded = f"{fmt(quantize(shown, part.precision, ROUND_HALF_UP), part.precision)}{part.unit}"
                yield self.report(
                    para.span(part.start, part.end), "formula", suggestion=rounded,
                    expr=doc.quote(para.span(expr.start, expr.end)), stated=doc.quote(para.span(part.start, part.end)),
                    exact=f"{fmt(shown, part.precision + 2).rstrip('0')}{part.unit}", rounded=rounded,
                )
                break


def _exact_half(r, claim) -> bool:
    """The figures give exactly the stated value plus half a unit (1 ÷ 8 = 12.5% stated 12%)."""
    return r.lo == r.hi and truncated_to(r, claim.rate)
