from __future__ import annotations


from ..arith import fmt, quantize
from ..formula import compare, formulas, unit_factor
from ..rule import Rule


def _crossed(doc, f, part, iv):
    """A threshold of the paragraph the stated result meets and the correct one does not (or the reverse)."""
    from ..rates import thresholds

    para = doc.paragraphs[f.para]
    span = para.span(part.start, part.end)
    q = next((x for x in doc.facts[f.para].quantities if x.kind == "percent" and x.span.end == span.end), None)
    if q is None:
        return None
    stated_value = part.point * 100
    lo, hi = iv.lo * 100, iv.hi * 100
    if f.absolute and hi < 0:
        lo, hi = -hi, -lo
    for t in thresholds(doc, f.para, q):
        if t.rate and t.rate not in f.label and not f.label.endswith(t.rate):
            continue  # the bound of another rate of the paragraph
        if t.holds(lo) == t.holds(hi) and t.holds(lo) != t.holds(stated_value):
            return t
    return None


class FormulaResult(Rule):
    """
    做什么
        找出报告里写出的算式（由数、单位、运算符 + − × ÷ * / 和括号组成，用“=”连接，
        如“差异率=（412.30万元-450.00万元）/450.00万元*100%=8.38%”“得分=（20*11+18*3+15）/15=19.27分”），
        用 grammar/formula.lark 解析，按区间算术重算：带小数的数代表 ±½ 个末位单位，
        不带金额单位的整数（权重、个数、100%）是精确的，万元换算为元，百分数按百分之一计。
        写出的结果（以及中间各步）与重算的区间不能相交时报告。结果也可以写在算式前面
        （“收入合计：3241.50万元=2941.72万元+299.78万元”）。

        写出的结果为百分数、而算式中没有 % 时（……×100=8.38%），按结果数值本身比较；
        段落说明取“绝对值”，或算式名称是差异率/偏差率时，接受负数结果的绝对值。
        结果恰好是真值被截断（本应四舍五入进位）时由 JX106 报告，本规则不报告；
        无法解析的算式由 JX104 报告。

    为什么是问题
        算式写错了结果，读者按报告给出的数字复算就会得到不同的数，
        评分和结论都建立在错误的结果上。

    示例
        错误：本项指标得分=（20*11+18*3+15）/15=19.72分。
        （(20×11 + 18×3 + 15) ÷ 15 = 19.27）

        正确：本项指标得分=（20*11+18*3+15）/15=19.27分。
    """

    code = "JX103"
    name = "formula-result"
    category = "arithmetic"
    severity = "error"
    summary_zh = "算式结果算错"
    summary_en = "a written formula has the wrong result"
    messages = {
        "wrong": (
            "算式 {expr} 的结果应为 {computed}，报告写作 {stated}{extra}",
            "the formula {expr} gives {computed}, but the report states {stated}{extra}",
        ),
        "threshold": (
            "，且越过了报告所述 {t} 的门槛",
            "; the correct result is on the other side of the {t} threshold the report names",
        ),
        "named": ("报告所述门槛：{text}", "threshold named by the report: {text}"),
        "expression": ("算式：{text}", "formula: {text}"),
    }

    def check(self, doc):
        for f in formulas(doc):
            expr = f.expression
            if expr.error is not None:
                continue  # JX104
            para = doc.paragraphs[f.para]
            for part in f.parts[1:]:
                if part.error is not None:
                    break
                if expr.value is None or part.value is None:
                    doc.note_claim(None)
                    continue
                verdict, iv, p = compare(f, part)
                doc.note_claim(verdict != "wrong")
                if verdict != "wrong":
                    continue
                if f.absolute and p < 0:
                    p = -p
                span = para.span(part.start, part.end)
                stated = doc.quote(span)
                if part.plain:
                    fac = unit_factor(part)
                    shown = p / fac
                    computed = f"{fmt(shown, max(part.precision, 2))}{part.unit}"
                    suggestion = f"{fmt(quantize(shown, part.precision), part.precision)}{part.unit}"
                else:
                    computed = fmt(p, 4)
                    stated = f"{stated}（= {fmt(part.point, 4)}）"
                    suggestion = None
                related = [self.related(para.span(expr.start, expr.end), "expression",
                                        text=doc.quote(para.span(expr.start, expr.end)))]
                extra = ("", "")
                t = _crossed(doc, f, part, iv) if part.plain and part.unit == "%" else None
                if t is not None:
                    t_text = doc.quote(t.quantity.span)
                    zh, en = self.messages["threshold"]
                    extra = (zh.format(t=t_text), en.format(t=t_text))
                    related.append(self.related(t.quantity.span, "named", text=t_text))
                yield self.report(
                    span, "wrong", extra=extra,
                    related=related,
                    suggestion=suggestion,
                    expr=doc.quote(para.span(expr.start, expr.end)), computed=computed, stated=stated,
                )
                break
