from __future__ import annotations

from decimal import Decimal

from ..arith import UNIT_FACTORS, fmt, total
from ..rule import Rule
from ..tables import (bare_below_numbered, column_values, interval_of, is_total_word, label_depth, nested_parents, shown,
                      top_rows, total_ranges)

SUM_KINDS = ("budget", "spent", "amount", "total", "count", "number")
_COLUMN_TOTAL = ("合计", "小计", "总计")


class TableTotal(Rule):
    """
    做什么
        在表格（Word 表格展开成的制表符单元格、Markdown 表格）中找出“合计/总计/小计”行，
        把它上面（或紧接表头、在它下面）各行同一列的数相加，与合计行该列的数比较。
        只比较金额、数量一类的列（表头为 预算数、决算数、支出金额、金额、数量 等）；
        分值、得分由 JX112 检查，得分率、支出率由 JX111 检查。列的单位取自表头
        （“预算数（元）”“金额（万元）”），每个数按写出的位数代表一个区间，
        n 个分项之和带 n 个区间（XBRL Calculations 1.1），两个区间不能相交才报告。

        表头为“合计/小计/总计”的列，与它两旁相邻的金额列（直到遇到文字列为止）逐行相加比较；
        这些列里同时有预算列和支出列、或单位不同时，不认为是分项，不比较。

        各行名称带有层级编号时（“一、”“（一）”“1.”“其中：”），合计只加最上一级的行；
        没有编号、但某一行恰好等于紧接其下几行之和时（缩进丢失的“基本支出 / 人员经费 /
        公用经费”），这几行视为该行的细分，合计不重复计算它们。第一行带编号、后面有不带编号的行时
        （“一、基本支出 / 人员经费 / 公用经费 / 二、项目支出”），不带编号的行是它上面带编号那一行的细分，
        合计只加带编号的行；这样不相符、而把各行都加上（“1.培训 / 2.宣传 / 其他”）或去掉等于其下几行
        之和的行后相符时，不报告。表头带“资金”“支出”之类的字、却没有单位、各行都是文字的列
        （“资金来源”“支出功能分类”）是名称列，不是金额列；表头以“率”结尾的列（“到位率”）是比率列。

        一行（合计行除外）下面紧跟着两行以上“其中：”开头的行时（“培训人次 1200 / 其中：线上 800 /
        其中：线下 500”），“其中”各行可能只列了一部分，只在它们之和超过上面那一行时报告。

        “-”、“—”、空单元格按没有数处理。某一行的单元格无法确定对应哪一列
        （合并单元格造成的错位无法可靠还原），或该列中有文字而非数字，该列的合计记为
        “无法核对”，不报告。

    为什么是问题
        表格的合计与各行之和不符，说明某一行或合计写错了，读者无法判断哪个数是对的；
        审核时这是最容易被发现、也最影响报告可信度的错误。

    示例
        错误：| 项目 | 预算数（万元） | 决算数（万元） |
        | --- | --- | --- |
        | 培训费 | 20.00 | 18.00 |
        | 会议费 | 30.00 | 25.00 |
        | 合计 | 60.00 | 43.00 |

        正确：| 项目 | 预算数（万元） | 决算数（万元） |
        | --- | --- | --- |
        | 培训费 | 20.00 | 18.00 |
        | 会议费 | 30.00 | 25.00 |
        | 合计 | 50.00 | 43.00 |
    """

    code = "JX110"
    name = "table-total"
    category = "arithmetic"
    severity = "error"
    summary_zh = "表格合计行与各行之和不符"
    summary_en = "a table's total row differs from the sum of its rows"
    messages = {
        "mismatch": (
            "表格“{column}”列的{word} {total} 与各行之和 {sum} 不符（{expr} = {sum}），差 {diff}",
            "the {word} {total} in column “{column}” does not equal the sum of the rows {sum} ({expr} = {sum}), off by {diff}",
        ),
        "across": (
            "“{row}”一行的{column} {total} 与同行各列之和 {sum} 不符（{expr} = {sum}），差 {diff}",
            "the {column} {total} of row “{row}” does not equal the sum of the other columns {sum} ({expr} = {sum}), off by {diff}",
        ),
        "children": (
            "“{row}”一行的{column} {total} 小于其下“其中”各行之和 {sum}（{expr} = {sum}），超出 {diff}",
            "the {column} {total} of row “{row}” is less than the sum of its 其中 rows {sum} ({expr} = {sum}), "
            "over by {diff}",
        ),
        "part": ("分项：{text}", "part: {text}"),
        "suggest": ("若{word}为 {sum}，则与各行之和一致", "a {word} of {sum} would match the rows"),
        "suggest_across": ("若{column}为 {sum}，则与同行各列之和一致", "a {column} of {sum} would match the other columns"),
    }

    def check(self, doc):
        for table in doc.tables:
            for trow, parts in total_ranges(table):
                if not trow.aligned:
                    doc.note_claim(None)
                    continue
                for col in table.columns:
                    if col.kind not in SUM_KINDS:
                        continue
                    tq = table.value(trow, col)
                    if tq is None:
                        continue
                    values = column_values(table, parts, col)
                    if values is None or len(values) < 2:
                        doc.note_claim(None)
                        continue
                    if any(v.kind != tq.kind for v in values):
                        doc.note_claim(None)
                        continue
                    flat = values
                    bare_below = bare_below_numbered(table, parts)
                    top = top_rows(table, parts, bare_below=bare_below)
                    if top is not None:
                        # an outline (一、 … 其中 …): the total adds the rows at its top
                        values = column_values(table, top, col)
                        if not values or len(values) < 2 or any(v.kind != tq.kind for v in values):
                            doc.note_claim(None)
                            continue
                    ok = interval_of(tq).meets(total(interval_of(v) for v in values))
                    if not ok and bare_below:
                        # 一、基本支出 / 人员经费 / 公用经费 / 二、项目支出: the bare rows break the
                        # numbered one above down — or they are rows of their own (1.甲 / 2.乙 /
                        # 其他): either reading holding is no error
                        ok = interval_of(tq).meets(total(interval_of(v) for v in flat))
                        nested = nested_parents(table, parts, col)
                        if not ok and nested is not None:
                            kept = column_values(table, nested[0], col)
                            ok = bool(kept) and interval_of(tq).meets(total(interval_of(v) for v in kept))
                    if not ok and top is None:
                        nested = nested_parents(table, parts, col)
                        if nested is not None:
                            # some rows break the row above them down: the total adds the others
                            values = column_values(table, nested[0], col) or values
                            ok = interval_of(tq).meets(total(interval_of(v) for v in values))
                    doc.note_claim(ok)
                    if not ok:
                        yield self._finding(doc, table, trow, col, tq, values)

        yield from self._children(doc)

        for table in doc.tables:
            for tcol in table.columns:
                if tcol.kind != "total" or not any(w in tcol.header for w in _COLUMN_TOTAL):
                    continue
                parts = _column_block(table, tcol)
                if len(parts) < 2:
                    continue
                for row in table.rows:
                    tq = table.value(row, tcol)
                    if tq is None:
                        continue
                    values = []
                    for c in parts:
                        cell = row.cell(c.index)
                        if cell is None or cell.is_blank:
                            continue
                        v = table.value(row, c)
                        if v is None:
                            values = None
                            break
                        values.append(v)
                    if not values or len(values) < 2 or any(v.kind != tq.kind for v in values):
                        doc.note_claim(None)
                        continue
                    ok = interval_of(tq).meets(total(interval_of(v) for v in values))
                    doc.note_claim(ok)
                    if not ok:
                        yield self._finding(doc, table, row, tcol, tq, values, across=True)

    def _children(self, doc):
        """A row followed by two or more 其中 rows (``培训人次 1200 / 其中：线上 800 / 其中：线下 500``):
        the 其中 rows may list only some of it, so only their sum exceeding the row is an error."""
        for table in doc.tables:
            rows = list(table.rows)
            depths = [label_depth(table.label(r) or "") for r in rows]
            for i, parent in enumerate(rows):
                if depths[i] == 6 or parent.is_total or not parent.aligned:
                    continue
                kids = []
                for r, d in zip(rows[i + 1:], depths[i + 1:]):
                    if d != 6 or r.is_total:
                        break
                    kids.append(r)
                if len(kids) < 2:
                    continue
                for col in table.columns:
                    if col.kind not in SUM_KINDS:
                        continue
                    pq = table.value(parent, col)
                    values = column_values(table, kids, col)
                    if pq is None or not values or len(values) != len(kids) or any(v.kind != pq.kind for v in values):
                        continue
                    s = total(interval_of(v) for v in values)
                    if s.lo > interval_of(pq).hi:
                        doc.note_claim(False)
                        yield self._finding(doc, table, parent, col, pq, values, key="children")

    def _finding(self, doc, table, trow, col, tq, values, across=False, key=None):
        word = next((c.text.strip() for c in trow.cells if not c.is_number and is_total_word(c.text)), "合计")
        unit = f" {tq.unit}" if tq.unit else ""
        factor = UNIT_FACTORS.get(tq.unit, Decimal(1)) if tq.kind == "amount" else Decimal(1)
        s = sum((v.value * (UNIT_FACTORS.get(v.unit, Decimal(1)) if v.kind == "amount" else 1) / factor
                 for v in values), Decimal(0))
        prec = max([tq.precision] + [v.precision for v in values])
        expr = " + ".join(shown(v) for v in values).replace("+ -", "- ")
        if len(values) > 12:
            expr = " + ".join(shown(v) for v in values[:3]) + f" + …（共 {len(values)} 项）"
        args = dict(
            column=col.header or str(col.index + 1), word=(word, "total" if word != "小计" else "subtotal"),
            total=f"{shown(tq)}{unit}", sum=f"{fmt(s, prec)}{unit}", expr=expr,
            diff=f"{fmt(abs(tq.value - s), prec)}{unit}",
        )
        related = [self.related(v.span, "part", text=doc.quote(v.span)) for v in values]
        suggestion = self.related(tq.span, "suggest", word=args["word"], sum=args["sum"]).zh
        if key == "children":
            args["row"] = table.label(trow) or "本行"
            return self.report(tq.span, key, related=related, **args)
        if across:
            args["row"] = table.label(trow) or "本行"
            suggestion = self.related(tq.span, "suggest_across", column=args["column"], sum=args["sum"]).zh
            return self.report(tq.span, "across", related=related, suggestion=suggestion, **args)
        return self.report(tq.span, "mismatch", related=related, suggestion=suggestion, **args)


def _column_block(table, tcol):
    """The columns a 合计 column adds up: the numeric columns next to it, up to the first
    word column on either side; none when they mix budget with spending, or hold rates or scores."""
    cols = table.columns
    block = []
    for step in (-1, 1):
        i = tcol.index + step
        while 0 <= i < len(cols) and cols[i].kind in SUM_KINDS and cols[i].kind != "total":
            block.append(cols[i])
            i += step
    kinds = {c.kind for c in block}
    if {"budget", "spent"} <= kinds:
        return []
    units = {c.unit for c in block} | {tcol.unit}
    if len(units - {""}) > 1:
        return []
    return sorted(block, key=lambda c: c.index)
