from __future__ import annotations

import functools
import tomllib
from decimal import Decimal
from importlib import resources

from ..arith import UNIT_FACTORS, fmt, stated, total
from ..facts import Keyword, Quantity, TextItem, YearRef
from ..rule import Rule


@functools.cache
def identities() -> tuple[dict, ...]:
    data = tomllib.loads(resources.files("linter").joinpath("data/identities.toml").read_text("utf-8"))
    return tuple(data["identity"])


def _factor(q: Quantity) -> Decimal:
    return UNIT_FACTORS.get(q.unit, Decimal(1))


def _interval(q: Quantity):
    return stated(q.value, q.precision).scale(_factor(q))


def sentence_year(pf, q: Quantity) -> int | None:
    """The year named before ``q`` in its sentence (2023年收入决算数 …), or failing
    that, the last one named earlier in its paragraph."""
    for it in reversed(pf.items[: q.item]):
        if isinstance(it, YearRef):
            return it.year
    return None


class BudgetIdentity(Rule):
    """
    做什么
        检查部门收支报告所依据的恒等式（定义见 linter/data/identities.toml）：
        收入决算数 = 财政拨款收入 + 其他收入 + 年初结转和结余；
        支出决算数 = 基本支出 + 项目支出（报告把年末结转和结余与基本支出、项目支出并列写出时，
        为 基本支出 + 项目支出 + 年末结转和结余）；
        年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余（一笔资金的“年初结转 a，本年拨入 b，
        本年支出 c，年末结余 d”也按这一条核对；只算财政拨款的“年初财政拨款结转和结余 + 财政拨款收入
        − 财政拨款支出 = 年末财政拨款结转和结余”同样核对）；
        全年预算数（调整后预算）= 年初预算数 + 追加预算 − 调减（写了调减、核减时三项都要写出；
        没写时按 年初预算数 + 追加预算 核对）。

        只在报告把某一恒等式的每一项都写出来时才核对：各项按标签（经词表规范化；“本年收入合计 X”
        的标签是“合计”前的词加上“合计”，
        保留“财政拨款”等口径词，口径不同不是同一项）和所在句子写出的年度
        （没有写年度时视为报告年度）找出；同一年度同一标签写出了不同的数值时无法确定，
        不核对。各项按写出的精度取区间（XBRL Calculations 1.1），区间不能相交才报告，
        并把每一项都列为相关位置。总数若在某处写成“总数，其中……”的分解，
        由 JX101 核对，本规则不重复报告；表格中的数不在本规则范围内。
        报告同一年度还写有恒等式未列出的收支（事业收入、经营收入、经营支出等）时，
        说明该单位的收支项目更多，不核对。

    为什么是问题
        这些恒等式是部门决算报表的勾稽关系；报告中的收支数据不满足它们，
        说明至少有一个数抄错了，审核时会被直接指出。

    示例
        错误：2023年收入决算数1500.00万元。2023年财政拨款收入1200.00万元，其他收入50.00万元，年初结转和结余150.00万元。
        （1200.00 + 50.00 + 150.00 = 1400.00，比收入决算数少 100.00 万元）

        正确：2023年收入决算数1400.00万元。2023年财政拨款收入1200.00万元，其他收入50.00万元，年初结转和结余150.00万元。
    """

    code = "JX107"
    name = "budget-identity"
    category = "arithmetic"
    severity = "error"
    summary_zh = "收支数据不满足预算恒等式"
    summary_en = "budget figures break a budget identity"
    messages = {
        "mismatch": (
            "{name}恒等式不成立：{total_label} {total} ≠ {expr} = {sum}，差 {diff}",
            "the {name} identity does not hold: {total_label} {total} ≠ {expr} = {sum}, off by {diff}",
        ),
        "term": ("{label}：{text}", "{label}: {text}"),
    }

    def check(self, doc):
        vocab = doc.config.vocabulary
        default_year = doc.profile.year
        # (label key, year) -> mentions
        found: dict[tuple[int, int, int | None], list[Quantity]] = {}
        specs = identities()
        breakdown_totals = {b.total.span for b in doc.breakdowns}
        for pf in doc.facts:
            if pf.para.kind == "cell":
                continue
            for q in pf.quantities:
                if q.kind != "amount" or q.depth > 0:
                    continue
                cleaned = vocab.strip_fillers(q.raw_label) or _named_before_sum_word(pf, q)
                year = sentence_year(pf, q) or default_year
                for i, spec in enumerate(specs):
                    for j, term in enumerate([spec["total"], *spec["terms"]]):
                        if _fits(term, q.label, cleaned):
                            found.setdefault((i, j, year), []).append(q)
        for i, spec in enumerate(specs):
            years = {y for (a, b, y) in found if a == i and b == 0}
            for year in sorted(years, key=lambda y: y or 0):
                mentions = [found.get((i, j, year), []) for j in range(len(spec["terms"]) + 1)]
                if not all(mentions):
                    continue
                if any(len({m.value * _factor(m) for m in ms}) != 1 for ms in mentions):
                    doc.note_claim(None)  # a term stated with two values: not without doubt
                    continue
                if any(m.span in breakdown_totals for ms in mentions for m in ms):
                    continue  # a 其中 breakdown: JX101's
                if _framed_otherwise(doc, spec, mentions) or _more_terms(doc, spec, year, default_year):
                    continue
                picked = [max(ms, key=lambda m: m.precision) for ms in mentions]
                if len({m.span for m in picked}) != len(picked):
                    continue
                tq, parts = picked[0], picked[1:]
                signs = [t["sign"] for t in spec["terms"]]
                t_iv = _interval(tq)
                s_iv = total((_interval(p) if s > 0 else -_interval(p)) for p, s in zip(parts, signs))
                ok = t_iv.meets(s_iv)
                doc.note_claim(ok)
                if ok:
                    continue
                yield self._finding(doc, spec, tq, parts, signs)

    def _finding(self, doc, spec, tq, parts, signs):
        unit = tq.unit
        tf = _factor(tq)
        prec = max([tq.precision] + [p.precision for p in parts])
        value = sum(((p.value * _factor(p) / tf) * s for p, s in zip(parts, signs)), Decimal(0))
        expr = ""
        for k, (p, s) in enumerate(zip(parts, signs)):
            num = fmt(p.value, p.precision) + ("" if p.unit == unit else p.unit)
            expr += (num if k == 0 else f" {'+' if s > 0 else '−'} {num}") if s > 0 or k else f"−{num}"
        vocab = doc.config.vocabulary
        related = [self.related(p.span, "term", label=vocab.strip_fillers(p.raw_label) or p.label, text=doc.quote(p.span))
                   for p in parts]
        return self.report(
            tq.span, "mismatch", related=related,
            name=spec["name"], total_label=vocab.strip_fillers(tq.raw_label) or tq.label, total=f"{fmt(tq.value, tq.precision)} {unit}",
            expr=expr, sum=f"{fmt(value, prec)} {unit}", diff=f"{fmt(abs(tq.value - value), prec)} {unit}",
        )


def _more_terms(doc, spec, year, default_year) -> bool:
    """The report states, for the year, a figure of a kind the identity does not list."""
    words = spec.get("unless_stated", [])
    if not words:
        return False
    vocab = doc.config.vocabulary
    for pf in doc.facts:
        for q in pf.quantities:
            if q.kind == "amount" and (sentence_year(pf, q) or default_year) == year:
                if any(vocab.strip_fillers(q.raw_label).endswith(w) for w in words):
                    return True
    return False


def _framed_otherwise(doc, spec, mentions) -> bool:
    """The report frames the total otherwise: a figure labelled with one of ``unless_beside``
    stands in a sentence with a part, or none labelled with ``only_beside`` does."""
    places = {(m.para, m.sentence) for ms in mentions[1:] for m in ms if m.label not in spec.get("only_beside", [])}
    beside = lambda words: any(q.label in words and (q.para, q.sentence) in places for q in doc.quantities)  # noqa: E731
    if spec.get("unless_beside") and beside(spec["unless_beside"]):
        return True
    if spec.get("only_beside") and not beside(spec["only_beside"]):
        return True
    return False


def _named_before_sum_word(pf, q: Quantity) -> str:
    """本年收入合计 X: the words before 合计 / 共计 / 总计 right before ``q``, with the word."""
    if q.item < 2:
        return ""
    kw, words = pf.items[q.item - 1], pf.items[q.item - 2]
    if isinstance(kw, Keyword) and kw.word in ("合计", "共计", "总计") and type(words) is TextItem:
        return words.text.strip() + kw.word
    return ""


def _fits(term: dict, label: str, cleaned: str) -> bool:
    if label and label in term["labels"]:
        return True
    if not label or label not in _ALL_LABELS():
        return cleaned.endswith(tuple(term["endings"]))  # (one call for all the endings)
    return False


@functools.cache
def _ALL_LABELS() -> frozenset:
    out = set()
    for spec in identities():
        for t in [spec["total"], *spec["terms"]]:
            out.update(t["labels"])
    return frozenset(out)
