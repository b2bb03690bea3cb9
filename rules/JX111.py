from __future__ import annotations

import re
from decimal import Decimal

import attrs

from ..arith import UNIT_FACTORS, fmt, rounds_down_to, stated
from ..rule import Rule
from ..tables import interval_of, shown, top_rows

HUNDRED = Decimal(100)
# the header of a column of each row's share of the table's total (占比, 所占比重, 比例(%))
_PLANNED = re.compile(r"计划|应|预算|下达")
# an indicator's table: what was done (实际完成值) and its target (年度指标值, 目标值, 计划数)
_DONE = re.compile(r"实际完成|完成值|实际值")
_TARGET = re.compile(r"指标值|目标值|计划数|计划值|目标数")
# a measure word in parentheses: the figures of the row or column are counts (新建文化广场（个）)
_COUNTED = re.compile(r"[(（](?:个|人|人次|户|场|场次|次|项|件|所|家|座|处|名|期|台|套|辆|份|批次|篇|条)[)）]")
# a table of two years: the rate of change and the columns of this year and last year
_CHANGE_HEADER = re.compile(r"增长率|增减率|变动率|增幅|增减幅度|变动幅度")
_THIS_YEAR_HEADER = re.compile(r"本年|当年|今年|本期")
_LAST_YEAR_HEADER = re.compile(r"上年|去年|上期")
_YEAR_HEADER = re.compile(r"(?:19|20)\d\d(?=\s*年)")
_DUE = re.compile(r"(?:全年|年度)?(?:应|计划)")
_SHARE_HEADER = re.compile(r"(?:所占|占[\u4e00-\u9fff]{0,8}?)?(?:占比|比重|比例)(?:[(（]?%[)）]?)?")
# labels of a spending rate stated in words in a cell of the row
SPENDING_RATE_LABELS = ("资金支出率",)
# a self-evaluation form has two or three budget columns (年初预算数 / 全年预算数, 调整预算数):
# the rate is checked against each, the whole year's (全年, 调整) first
MAX_BUDGET_COLUMNS = 3
_WHOLE_YEAR_BUDGET = ("全年", "调整")


def _preferred_first(columns):
    """Budget columns, the whole year's budget (全年预算数, 调整后预算) first."""
    return sorted(columns, key=lambda c: not any(w in c.header for w in _WHOLE_YEAR_BUDGET))


class TableRowRate(Rule):
    """
    做什么
        在表格的每一行里，用本行的数重新计算本行写出的比率：
        “支出率/执行率/支付率/拨付率/预算完成率/支出进度”列 = 支出（决算、全年执行、已拨付）列 ÷ 预算列（“应拨付、计划”开头的列也是预算列）（“占比”“比例”
        “完成率”之类不一定以预算为分母的列不按预算核对）；“到位率”列 = 到位数（实际到位资金）列 ÷ 预算列（或“计划到位、应到位”列）；
        “得分率”列 = 得分列 ÷ 分值列；“占比”“比重”“比例”“占收入总额比例”之类的列在表中恰有一个合计行、合计行的这一列写着 100%、
        表中只有一列数时，每一行 = 本行的数 ÷ 合计行的数（行名分层级时只核对最上一层的行：“其中”之类下一层的占比可能是对上一层的）；
        绩效指标表的“完成率”列 = “实际完成值”列 ÷ “年度指标值（目标值、计划数）”列（两列都写着数时；超额完成写 100% 也算对；行名或列名带“（个）（人）（场）”之类量词时，两个整数是精确的计数）；
        两年对比表的“增长率（增减率、变动率）”列 = (本年列 − 上年列) ÷ 上年列（两列以年份为名时，后一年 ÷ 前一年）（写了负号的按带符号的值核对，没写负号的也可以是减少的幅度）；
        还有写在本行文字单元格里的支出率（“资金支出率77.89%，主要用于……”），
        用本行的支出金额 ÷ 预算金额核对。合计行同样核对。

        只有本行恰好有一个预算列和一个支出列（或一个分值列和一个得分列）且都写了数时才核对；
        只有一处例外：自评表常有两三个预算列（年初预算数、全年预算数、调整预算数），这时每一列都写了数才核对，
        按其中任何一列算得出写出的比率都不报告，都不符时按全年（调整）预算列报告；
        预算或分值为 0、单元格错位无法确定时记为“无法核对”。比较按写出的位数取区间：
        支出率区间与 支出区间 ÷ 预算区间 不能相交才报告。若写出的比率正好是应得比率
        直接截去尾数（应四舍五入进位却舍去），只作为提示。

    为什么是问题
        表中同一行的金额和比率互相矛盾，说明比率或金额之一写错了；支出率常被用来
        判断预算执行是否达标，写错会直接影响评价结论。

    示例
        错误：| 项目 | 预算金额（万元） | 支出金额（万元） | 支出率 |
        | --- | --- | --- | --- |
        | 党务工作 | 159.00 | 123.96 | 77.89% |

        正确：| 项目 | 预算金额（万元） | 支出金额（万元） | 支出率 |
        | --- | --- | --- | --- |
        | 党务工作 | 159.00 | 123.96 | 77.96% |
    """

    code = "JX111"
    name = "table-row-rate"
    category = "ratio"
    severity = "error"
    summary_zh = "表格中同一行的比率与本行金额或分数不符"
    summary_en = "a rate in a table row differs from the figures of that row"
    messages = {
        "mismatch": (
            "本行{what} {stated} 与本行数字不符：{num} ÷ {den} = {computed}",
            "the {what} {stated} does not match the row: {num} ÷ {den} = {computed}",
        ),
        "truncated": (
            "本行{what} {stated} 是 {num} ÷ {den} = {exact} 直接舍去尾数所得，按四舍五入应为 {computed}",
            "the {what} {stated} truncates {num} ÷ {den} = {exact}; rounded half-up it is {computed}",
        ),
        "change": (
            "本行{what} {stated} 与本行数字不符：({now} − {before}) ÷ {before} = {computed}",
            "the {what} {stated} does not match the row: ({now} − {before}) ÷ {before} = {computed}",
        ),
        "numerator": ("分子：{text}", "numerator: {text}"),
        "denominator": ("分母：{text}", "denominator: {text}"),
        "suggest": ("按本行数字应为 {computed}", "the row gives {computed}"),
    }

    def check(self, doc):
        for table in doc.tables:
            spent = table.columns_of("spent")
            budget = table.columns_of("budget")
            # (应拨付金额, 计划支出: what should have been paid or spent is the budget of the rate)
            due = [c for c in spent if _DUE.match("".join(c.header.split()))]
            if due:
                spent = [c for c in spent if c not in due]
                budget = budget + due
            score = table.columns_of("score")
            maxima = table.columns_of("score-max")
            rates = table.columns_of("rate")
            score_rates = table.columns_of("score-rate")
            text_cols = [c for c in table.columns if c.kind == "text"]
            # 到位率 = 到位数 ÷ 预算数 (计划数, 下达数): the columns of the money that arrived
            arrival_rates = [c for c in table.columns_of("share") if "到位率" in c.header]
            arrived = [c for c in table.columns if c.numeric and c.kind not in ("share", "rate", "budget")
                       and "到位" in c.header and "率" not in c.header and not _PLANNED.search(c.header)]
            # (计划到位资金, 应到位资金: the money that should have arrived is the budget of the rate)
            planned = budget + [c for c in table.columns if c.numeric and c.kind not in ("share", "rate", "budget")
                                and "到位" in c.header and _PLANNED.search(c.header)]
            for row in table.rows:
                claims = []  # (stated quantity, numerator column, denominator column, what)
                for rc in rates:
                    q = table.value(row, rc)
                    if q is not None:
                        claims.append((q, spent, budget, ("支出率", "spending rate")))
                for rc in arrival_rates:
                    q = table.value(row, rc)
                    if q is not None:
                        claims.append((q, arrived, planned, ("到位率", "arrival rate")))
                for rc in score_rates:
                    q = table.value(row, rc)
                    if q is not None:
                        claims.append((q, score, maxima, ("得分率", "score rate")))
                if row.aligned:
                    for tc in text_cols:
                        cell = row.cell(tc.index)
                        if cell is None:
                            continue
                        for q in cell.quantities:
                            if q.kind == "percent" and q.label in SPENDING_RATE_LABELS and q.depth == 0:
                                claims.append((q, spent, budget, ("资金支出率", "spending rate")))
                                break
                for q, nums, dens, what in claims:
                    if q.kind != "percent":
                        doc.note_claim(None)
                        continue
                    if len(nums) != 1 or not 1 <= len(dens) <= (MAX_BUDGET_COLUMNS if dens is budget else 1) \
                            or len(dens) > 1 and any(c.kind != "budget" for c in dens):
                        doc.note_claim(None)
                        continue
                    n = table.value(row, nums[0])
                    readings = [table.value(row, c) for c in _preferred_first(dens)]
                    if n is None or any(d is None or d.value <= 0 or n.kind != d.kind for d in readings):
                        doc.note_claim(None)
                        continue
                    if any(self._meets(q, n, d) for d in readings[1:]):
                        doc.note_claim(True)  # the rate of another budget column (年初预算数)
                        continue
                    finding = self._check(doc, q, n, readings[0], what)
                    doc.note_claim(finding is None)
                    if finding is not None:
                        yield finding
            yield from self._shares(doc, table)
            yield from self._completions(doc, table)
            yield from self._changes(doc, table)

    def _shares(self, doc, table):
        """``| 基本支出 | 820.50 | 64.21% |`` … ``| 合计 | 1,277.90 | 100.00% |``: a share column (占比,
        比重, 比例) whose one total row states 100%, beside exactly one column of figures: each row's
        share is its figure over the total's."""
        shares = [c for c in table.columns_of("share") if _SHARE_HEADER.fullmatch("".join(c.header.split()))]
        figures = [c for c in table.columns if c.numeric and c.kind not in ("share", "rate", "score-rate", "seq")]
        if len(shares) != 1 or len(figures) != 1:
            return
        share, col = shares[0], figures[0]
        totals = [r for r in table.rows if r.is_total]
        if len(totals) != 1 or not totals[0].aligned:
            return
        whole, hundred = table.value(totals[0], col), table.value(totals[0], share)
        if whole is None or hundred is None or hundred.kind != "percent" or hundred.value != HUNDRED \
                or whole.value <= 0:
            return
        rows = [r for r in table.rows if r is not totals[0] and r.aligned]
        # (一、基本支出 over （一）人员经费, 其中：…: a nested row's share may be of its parent: only the top rows)
        rows = top_rows(table, rows) or rows
        for row in rows:
            q, n = table.value(row, share), table.value(row, col)
            if q is None or n is None or q.kind != "percent" or n.kind != whole.kind:
                doc.note_claim(None)
                continue
            finding = self._check(doc, q, n, whole, ("占比", "share"))
            doc.note_claim(finding is None)
            if finding is not None:
                yield finding

    def _completions(self, doc, table):
        """``| 培训人次 | 1200 | 1176 | 98% |`` under 年度指标值 / 实际完成值 / 完成率: the completion
        of an indicator's target, what was done over the target — more than the target may be
        written as 100%. Only with exactly one column of each, both numbers in the row."""
        rates = [c for c in table.columns_of("share") if "完成率" in c.header]
        done = [c for c in table.columns if c.numeric and c.kind not in ("share", "rate") and _DONE.search(c.header)]
        targets = [c for c in table.columns if c.numeric and c.kind not in ("share", "rate")
                   and _TARGET.search(c.header) and c not in done]
        if len(rates) != 1 or len(done) != 1 or len(targets) != 1:
            return
        for row in table.rows:
            q, n, d = (table.value(row, c) for c in (rates[0], done[0], targets[0]))
            if q is None or n is None or d is None or q.kind != "percent" or n.kind != d.kind or d.value <= 0:
                continue
            if n.kind == d.kind == "number" and n.precision == d.precision == 0 \
                    and _COUNTED.search(table.label(row) + "".join(c.header for c in (done[0], targets[0]))):
                # 新建村级文化广场（个）| 24 | 22: things counted, exactly — not numbers rounded
                n, d = attrs.evolve(n, kind="count"), attrs.evolve(d, kind="count")
            if q.value == HUNDRED and n.value * UNIT_FACTORS.get(n.unit, 1) >= d.value * UNIT_FACTORS.get(d.unit, 1):
                doc.note_claim(True)  # (more than the target, written as 100%)
                continue
            finding = self._check(doc, q, n, d, ("完成率", "completion rate"))
            doc.note_claim(finding is None)
            if finding is not None:
                yield finding

    def _changes(self, doc, table):
        """``| 公务接待费 | 2.40 | 3.00 | -20.00% |`` under 本年支出 / 上年支出 / 增长率: this year's figure
        over last year's, less one; a rate written without its minus sign for a fall is taken as the
        size of the change. Only with exactly one column of each year, of one kind."""
        rates = [c for c in table.columns_of("share") if _CHANGE_HEADER.search(c.header)]
        numeric = [c for c in table.columns if c.numeric and c.kind not in ("share", "rate", "score-rate")]
        now = [c for c in numeric if _THIS_YEAR_HEADER.search(c.header)]
        before = [c for c in numeric if _LAST_YEAR_HEADER.search(c.header)]
        dated = [(int(m.group()), c) for c in numeric if (m := _YEAR_HEADER.search(c.header))]
        if not now and not before and len(dated) == 2 and dated[0][0] != dated[1][0]:
            # | 支出项目 | 2025年（万元） | 2024年（万元） | 增减率 |: the later year over the earlier
            (_, later), (_, earlier) = sorted(dated, key=lambda t: -t[0])
            now, before = [later], [earlier]
        if len(rates) != 1 or len(now) != 1 or len(before) != 1 or now[0] is before[0]:
            return
        name = _CHANGE_HEADER.search(rates[0].header).group()  # (增长率, 增减率: as the header says)
        for row in table.rows:
            q, a, b = (table.value(row, c) for c in (rates[0], now[0], before[0]))
            if q is None or a is None or b is None or q.kind != "percent" or a.kind != b.kind or b.value <= 0 \
                    or a.kind == "percent":
                continue  # (a row of rates: its change may be in percentage points)
            ratio = (interval_of(a) - interval_of(b)).divide(interval_of(b))
            if ratio is None:
                continue
            ratio = ratio.scale(HUNDRED)
            said = stated(q.value, q.precision)  # (signed: -20.00% is a fall)
            if said.meets(ratio) or q.value > 0 and stated(-q.value, q.precision).meets(ratio):
                doc.note_claim(True)
                continue
            fa = UNIT_FACTORS.get(a.unit, Decimal(1)) if a.kind == "amount" else Decimal(1)
            fb = UNIT_FACTORS.get(b.unit, Decimal(1)) if b.kind == "amount" else Decimal(1)
            exact = (a.value * fa - b.value * fb) / (b.value * fb) * HUNDRED
            computed = f"{fmt(exact, q.precision)}%"
            doc.note_claim(False)
            yield self.report(
                q.span, "change", what=(name, "rate of change"), stated=f"{shown(q)}%",
                now=shown(a), before=shown(b), computed=computed,
                related=[self.related(a.span, "numerator", text=doc.quote(a.span)),
                         self.related(b.span, "denominator", text=doc.quote(b.span))],
                suggestion=self.related(q.span, "suggest", computed=computed).zh)

    @staticmethod
    def _meets(q, n, d) -> bool:
        ratio = interval_of(n).divide(interval_of(d))
        return ratio is None or stated(q.value, q.precision).meets(ratio.scale(HUNDRED))

    def _check(self, doc, q, n, d, what):
        ratio = interval_of(n).divide(interval_of(d))
        if ratio is None:
            return None
        ratio = ratio.scale(HUNDRED)
        if stated(q.value, q.precision).meets(ratio):
            return None
        fn = UNIT_FACTORS.get(n.unit, Decimal(1)) if n.kind == "amount" else Decimal(1)
        fd = UNIT_FACTORS.get(d.unit, Decimal(1)) if d.kind == "amount" else Decimal(1)
        exact = n.value * fn / (d.value * fd) * HUNDRED
        computed = f"{fmt(exact, q.precision)}%"
        unit_n = f" {n.unit}" if n.unit and n.kind == "amount" else ""
        unit_d = f" {d.unit}" if d.unit and d.kind == "amount" else ""
        args = dict(
            what=what, stated=f"{shown(q)}%", num=f"{shown(n)}{unit_n}", den=f"{shown(d)}{unit_d}",
            computed=computed, exact=f"{fmt(exact, q.precision + 3)}%",
        )
        related = [
            self.related(n.span, "numerator", text=doc.quote(n.span)),
            self.related(d.span, "denominator", text=doc.quote(d.span)),
        ]
        suggestion = self.related(q.span, "suggest", computed=computed).zh
        if rounds_down_to(exact, q.value, q.precision):
            return self.report(q.span, "truncated", related=related, suggestion=suggestion, severity="info", **args)
        return self.report(q.span, "mismatch", related=related, suggestion=suggestion, **args)

