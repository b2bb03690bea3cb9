from __future__ import annotations

import bisect
from collections import defaultdict
from decimal import Decimal

from ..arith import UNIT_FACTORS, fmt, interval_cache, quantize
from ..figures import mentions
from ..rule import Rule
from ..tables import interval_of, shown


def _grain(q) -> Decimal:
    """The size of the last written digit, in 元."""
    return UNIT_FACTORS.get(q.unit, Decimal(1)) * Decimal(1).scaleb(-q.precision)


def _what(m) -> str:
    label = m.label.lstrip("~")
    if label.startswith("col:"):
        label = {"col:budget": "预算数", "col:spent": "支出数", "col:amount": "金额"}.get(label, "金额")
    label = label.split(">")[-1].lstrip("~")
    parts = [f"{m.period} 年" if m.period else "", f"“{m.item_text or m.item}”" if m.item else "", m.scope, label]
    return "".join(p for p in parts if p)


class UnitConversionMismatch(Rule):
    """
    做什么
        同一笔金额（名称、期间、口径、事项都相同，见 JX501）在一处以 元 写出、另一处以
        万元（或 亿元）写出时，把较精细的那个数换算到较粗的单位，检查两者在较粗的
        精度上是否一致：``21918569.63元`` 折合 ``2191.86 万元``，与 ``2191.87 万元``
        不符。比较按区间进行（Calc 1.1），换算后四舍五入能得到的值都算一致。

        只在两个数相差不超过 1% 时报告（同一笔钱换算或抄写时出的小错）；相差更大的
        是不同的数，由 JX501 报告。数字相同而单位不同（一处 299.78 元、另一处
        299.78 万元）也报告：其中一处单位写错了。名称不在术语表中的金额，
        按数字前面至少五个字的原文名称配对（如“固定资产期末余额”）；一个名称以另一个结尾时
        （“决算表中年初结转和结余资金”与“年初结转和结余资金”）算同一个名称。

        同一笔金额两处用同一个单位写出、数值却正好相差一万倍（“三公经费预算 18.00 元”与
        “三公经费预算 180,000 元”）时也报告：其中一处丢了或多写了“万”。报在较后的那一处，另一处为相关位置。

        报告的位置是较粗的那个数（通常是正文里换算出来的 万元 数），并给出按 元
        数换算的建议值。同一笔金额写出很多次时，每一处只与前后各最近 8 处用其他单位写的
        同一笔金额比较（真实报告里同一笔金额很少写到 4 次以上）。

    为什么是问题
        报告正文常用 万元，附件和报表用 元。换算时四舍五入错了一位、或者单位写错，
        读者核对报表时会发现数对不上，怀疑整份报告的数据质量。

    示例
        错误：根据《2023年财务资产总额》，固定资产期末余额2191.87万元。附件：根据《2023年财务资产总额》，固定资产期末余额21918569.63元。

        正确：根据《2023年财务资产总额》，固定资产期末余额2191.86万元。附件：根据《2023年财务资产总额》，固定资产期末余额21918569.63元。
    """

    code = "JX105"
    name = "unit-conversion-mismatch"
    category = "unit"
    severity = "error"
    summary_zh = "同一金额以元和万元分别写出时换算不一致"
    summary_en = "the same amount written in 元 and in 万元 does not convert"
    messages = {
        "mismatch": (
            "{what} {coarse} 与另一处的 {fine} 换算不符：{fine} = {converted}",
            "{what} {coarse} does not match {fine} stated elsewhere: {fine} = {converted}",
        ),
        "unit": (
            "{what}此处为 {here}，另一处为 {there}：数字相同而单位不同，其中一处单位写错",
            "{what} is {here} here and {there} elsewhere: the same digits in different units, one unit is wrong",
        ),
        "scaled": (
            "{what}此处为 {here}，另一处为 {there}：单位相同而数值正好相差一万倍，其中一处应是“万元”与“元”写混了",
            "{what} is {here} here and {there} elsewhere: one unit, values exactly 10,000 times apart — "
            "one of them mixes up 万元 and 元",
        ),
        "other": ("另一处：{text}", "elsewhere: {text}"),
        "suggest": ("按 {fine} 换算应为 {converted}", "{fine} converts to {converted}"),
    }

    def check(self, doc):
        ivl = interval_cache()  # the mentions keep each ``q`` alive

        groups = defaultdict(list)
        for m in mentions(doc, raw_labels=True):
            if m.q.kind == "amount" and m.q.unit in UNIT_FACTORS:
                groups[m.key].append(m)
        _merge_raw_suffixes(groups)
        for ms in groups.values():
            ms.sort(key=lambda m: m.span.start)
            done = set()
            yield from self._scaled(doc, ms, done)
            # for each unit, the mentions in the other units, in order: a figure stated n
            # times in one unit is not compared n² times with itself
            in_other_units = {u: [b for b in ms if b.q.unit != u] for u in {m.q.unit for m in ms}}
            starts = {u: [b.span.start for b in bs] for u, bs in in_other_units.items()}
            for i, a in enumerate(ms):
                if a.span in done:
                    continue
                partners = []
                # the nearest WINDOW statements in another unit on either side: a report states
                # a figure a few times, and a figure stated n times costs n·WINDOW, not n²
                k = bisect.bisect_left(starts[a.q.unit], a.span.start)
                for b in in_other_units[a.q.unit][max(0, k - WINDOW):k + WINDOW]:
                    if b is a or a.q.unit == b.q.unit or b.span in done or b.span == a.span:
                        continue
                    verdict = self._judge(a, b, ivl)
                    if verdict is not None:
                        partners.append((b, verdict))
                for b, verdict in partners:
                    if b.span.start > a.span.start:
                        doc.note_claim(verdict == "ok")
                bad = [(b, v) for b, v in partners if v in ("slip", "unit")]
                if not bad:
                    continue
                if any(v == "unit" for _, v in bad):
                    b = next(b for b, v in bad if v == "unit")
                    later, earlier = (b, a) if b.span.start > a.span.start else (a, b)
                    done.update({a.span, b.span})
                    yield self.report(
                        later.span, "unit", what=_what(later), here=_show(later.q), there=_show(earlier.q),
                        related=[self.related(earlier.span, "other", text=doc.quote(earlier.span))],
                    )
                    continue
                fines = [b for b, _ in bad if _grain(b.q) < _grain(a.q)]
                if not fines:
                    continue  # a is the finer one: reported on its coarse partner
                done.add(a.span)
                fine = fines[0]
                value = fine.q.value * UNIT_FACTORS[fine.q.unit] / UNIT_FACTORS[a.q.unit]
                converted = f"{fmt(quantize(value, a.q.precision), a.q.precision)} {a.q.unit}"
                args = dict(what=_what(a), coarse=_show(a.q), fine=_show(fine.q), converted=converted)
                yield self.report(
                    a.span, "mismatch",
                    related=[self.related(b.span, "other", text=doc.quote(b.span)) for b in fines],
                    suggestion=self.related(a.span, "suggest", fine=args["fine"], converted=converted).zh, **args,
                )

    def _scaled(self, doc, ms, done):
        """The same figure twice in one unit, its digits once 10,000 times the other's
        (三公经费预算 18.00 元 … 三公经费预算 180,000 元): one lost or gained its 万."""
        for i, a in enumerate(ms):
            if a.span in done or not a.q.value:
                continue
            for b in ms[i + 1: i + 1 + WINDOW]:
                if b.q.unit != a.q.unit or b.span in done or b.span == a.span:
                    continue
                if a.q.value * TEN_THOUSAND == b.q.value or b.q.value * TEN_THOUSAND == a.q.value:
                    done.update({a.span, b.span})
                    yield self.report(
                        b.span, "scaled", what=_what(b), here=_show(b.q), there=_show(a.q),
                        related=[self.related(a.span, "other", text=doc.quote(a.span))],
                    )
                    break

    @staticmethod
    def _judge(a, b, interval_of=interval_of) -> str | None:
        """ok: the two agree; slip: the same amount converted wrongly; unit: the same digits
        in two units; None: different figures (JX501's)."""
        ia, ib = interval_of(a.q), interval_of(b.q)
        if ia.meets(ib):
            return "ok"
        if a.q.value == b.q.value:
            return "unit"
        x, y = ia.mid, ib.mid
        if x <= 0 or y <= 0 or abs(x / y - 1) > Decimal("0.01"):
            return None
        return "slip"


def _merge_raw_suffixes(groups) -> None:
    """Figures named only by their own words, one name ending with the other (决算表中年初结转和
    结余资金 and 年初结转和结余资金: where it is read, then what it is) are one figure."""
    raw = [k for k in groups if isinstance(k[0], str) and k[0].startswith("~")]
    if len(raw) < 2:
        return
    for k in sorted(raw, key=lambda k: -len(k[0])):
        name = k[0][1:]
        into = min((o for o in raw if o is not k and o in groups and o[1:] == k[1:] and len(o[0]) < len(k[0])
                    and name.endswith(o[0][1:])), key=lambda o: len(o[0]), default=None)
        if into is not None:
            groups[into].extend(groups.pop(k))


# How many statements of a figure in another unit, before and after it, one statement is
# compared with. Real reports state a figure a handful of times (at most 4 in the corpus).
WINDOW = 8
TEN_THOUSAND = Decimal(10000)


def _show(q) -> str:
    return f"{shown(q)} {q.unit}"
