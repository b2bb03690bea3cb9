from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..arith import interval_cache
from ..figures import mentions
from ..rule import MAX_SHOWN, Rule
from ..scores import total_scores
from ..tables import interval_of as _interval_of, shown


def _text(m) -> str:
    unit = m.q.unit if m.q.kind != "percent" else "%"
    return f"{shown(m.q)}{'' if unit == '%' else ' '}{unit}".strip()


def _what(m) -> str:
    label = m.label.lstrip("~#")
    if label.startswith("col:"):
        label = {"col:budget": "预算数", "col:spent": "支出数", "col:rate": "比率", "col:score": "得分",
                 "col:score-max": "分值", "col:amount": "金额"}.get(label, "数")
    parts = [f"{m.period} 年" if m.period else "", f"“{m.item_text or m.item}”" if m.item else "",
             f"{m.subject}的" if m.subject else "", m.scope, label]
    return "".join(p for p in parts if p)


class ConflictingFigures(Rule):
    """
    做什么
        找出报告中同一个数在不同地方写成不同的值：正文与正文、正文与表格、表格与表格。
        “同一个数”要求五样都相同：

        - 名称：按术语表归一后的名称（“收入预算”与“收入预算数”相同），表格中取列名；
        - 期间：数所在句子写明的年份，没有写明时取表题的年份或被评价年度；
        - 口径：名称前或句中前面的范围词（财政拨款、一般公共预算、项目支出 …），
          财政拨款与全部资金是不同的数；“其他”“其余”“剩余”项目支出是项目支出的一部分，
          不是项目支出；
        - 主语：句子（或其中一个分句）开头的名词短语，后面接“涉及”“主要建设内容”“全年共”
          “下达”之类（一批项目涉及…、二期工程主要建设内容为…、甲类补助资金全年共…）；
          比率另取分句开头、在比率名称之前的任何名词短语（乙类资金当年未使用，预算执行率 0%）。
          同一名称在不同主语下是不同的数，有主语与没有主语的也不比较；
          “本项目”“该资金”之类不算主语；
        - 事项：句中用引号写出的项目名、表格中本行的项目名（“××工作经费”与“××工作”
          视为同一项目）；“A”“B”“C”支出率分别为 x、y、z 按顺序一一对应；
          编号标题下的指标分值、得分（“1.预算编制。指标分值20分，评价得分18分”）
          对应评分表中同名指标的一行（同一指标跨几行、下面几行没有名称时不比较）。

        每个写出的数按位数代表一个区间，两处的区间不能相交才算不一致（四舍五入的差异不报告）。
        一组互相矛盾的数只报告一次，报在较后出现的那一处，其余各处列为相关位置（最多 10 处，
        消息里最多列 10 个不同的值，其余写作“……（共 N 个不同的值）”）。
        单位为 元 与 万元 的同一金额相差在换算舍入范围附近的，由 JX105 报告。

        不比较：上年数、同比增减、目标值和标准（上年、同比、增长、目标、不低于 …）、
        以“上年”开头的分句及其后各分句中的数（到以“本年”“当年”开头的分句为止；“上年结转”
        “上年结余”是本年的数）、总数与其“其中”所列的部分（部分与总数同名时也不比较）、
        括号里的数、一句中有两个不同年份的数、“分别为”后无法一一对应的数、
        名称不在术语表中的金额和比率。计数（个、件、次 …）没有术语，按数字前面的原文
        名称配对，名称至少六个字（“反馈问题整改事项”），“全年”“累计”之类的词不计。
        正文中两处写出的报告总得分互相矛盾时不在这里报告：那是 JX202 score-conflict。

    为什么是问题
        同一个数前后不一致，读者无法知道哪个是真的；常见于正文改了、表格或附件没改，
        或者从不同报表抄来的口径不同却用了同一个名称。

    示例
        错误：2023 年收入预算数 612.40 万元。……经核实，2023 年收入预算 655.10 万元。

        正确：2023 年收入预算数 612.40 万元。……经核实，2023 年收入预算 612.40 万元，财政拨款收入预算数 580.00 万元。
    """

    code = "JX501"
    name = "conflicting-figures"
    category = "conflict"
    severity = "error"
    summary_zh = "同一个数在报告中前后不一致"
    summary_en = "the same figure is stated with different values"
    messages = {
        "conflict": (
            "同一个数前后不一致：{what}此处为 {value}，报告中另处为 {others}",
            "the same figure differs: {what} is {value} here but {others} elsewhere in the report",
        ),
        "other": ("{what}此处为 {value}", "{what} is {value} here"),
    }

    def check(self, doc):
        totals = {q.span for q in total_scores(doc)}
        groups = defaultdict(list)
        for m in mentions(doc):
            groups[m.key].append(m)
        for key, ms in groups.items():
            if len(ms) < 2:
                continue
            ms.sort(key=lambda m: m.span.start)
            # same place twice (a figure in a table cell and the prose that repeats the cell): one mention
            uniq, seen = [], set()
            for m in ms:
                if m.span not in seen:
                    seen.add(m.span)
                    uniq.append(m)
            ms = uniq
            # a figure listed after 其中 under a figure of the same key is a part of that
            # figure, not the figure stated again (项目支出 100 万元。其中：…项目支出 60 万元)
            wholes = {m.span for m in ms}
            ms = [m for m in ms if m.whole not in wholes]
            if len(ms) < 2:
                continue
            # (one cache per group, which keeps its ``q`` alive: the intervals of every
            # figure of the report at once would be a tenth of the memory it takes)
            interval_of = interval_cache()
            worst = None
            # earlier figures by what they state (kind, value, precision, unit decide the
            # comparison), so a figure repeated n times costs n comparisons, not n²
            earlier: dict = {}
            # of the earlier figures, the one whose interval ends lowest and the one that
            # starts highest: when both meet a later figure, every earlier one does; when
            # either misses it (and is no 元/万元 slip), it clashes — only otherwise are all
            # the earlier figures gone through, so distinct values cost n, not n², as a rule
            lowest_hi = highest_lo = None
            for j, later in enumerate(ms):
                if j:
                    iv_later = interval_of(later.q)
                    a, b = interval_of(lowest_hi), interval_of(highest_lo)
                    if a.hi >= iv_later.lo and b.lo <= iv_later.hi:
                        clash = False
                    elif (a.hi < iv_later.lo and not _conversion_slip(lowest_hi, later.q, interval_of)) or (
                            b.lo > iv_later.hi and not _conversion_slip(highest_lo, later.q, interval_of)):
                        clash = True
                    else:
                        clash = any(not interval_of(q).meets(iv_later) and not _conversion_slip(q, later.q, interval_of)
                                    for q in earlier.values())
                    doc.note_claim(not clash)
                    if clash:
                        worst = later
                k = (later.q.kind, later.q.value, later.q.precision, later.q.unit)
                if k not in earlier:
                    earlier[k] = later.q
                    iv = interval_of(later.q)
                    if lowest_hi is None or iv.hi < interval_of(lowest_hi).hi:
                        lowest_hi = later.q
                    if highest_lo is None or iv.lo > interval_of(highest_lo).lo:
                        highest_lo = later.q
            if worst is None:
                continue
            others = [m for m in ms if m is not worst]
            clashing = [m for m in others if not interval_of(m.q).meets(interval_of(worst.q))]
            if worst.q.span in totals and all(m.q.span in totals for m in clashing):
                continue  # the report's total score stated twice: JX202 score-conflict reports it
            shown_others = []
            for m in others:
                if not interval_of(m.q).meets(interval_of(worst.q)):
                    t = _text(m)
                    if t not in shown_others:
                        shown_others.append(t)
            if not shown_others:
                continue
            what = _what(worst)
            # at most MAX_SHOWN other places and values: a figure stated n times costs n, not n²
            related = [self.related(m.span, "other", what=what, value=_text(m)) for m in others[:MAX_SHOWN]]
            n = len(shown_others)
            listed = shown_others[:MAX_SHOWN]
            values = ("、".join(listed), ", ".join(listed))
            if n > MAX_SHOWN:
                values = (f"{values[0]}……（共 {n} 个不同的值）", f"{values[1]} … ({n} different values)")
            yield self.report(worst.span, "conflict", what=what, value=_text(worst), others=values, related=related)


def _conversion_slip(a, b, interval_of=None) -> bool:
    """Two amounts in different units that agree to within 1%: JX105 judges them."""
    if a.kind != "amount" or b.kind != "amount" or a.unit == b.unit:
        return False
    interval_of = interval_of or _interval_of
    x, y = interval_of(a).mid, interval_of(b).mid
    if x == 0 or y == 0:
        return False
    return abs(x / y - 1) <= Decimal("0.01") or a.value == b.value
