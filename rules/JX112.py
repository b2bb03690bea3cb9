from __future__ import annotations

from decimal import Decimal

from ..arith import fmt, total
from ..rule import Rule
from ..tables import (column_values, interval_of, is_total_word, level_columns, nested_parents, row_level, shown,
                      top_rows, total_ranges)


class ScoreTable(Rule):
    """
    做什么
        检查评分表（表头有“分值/标准分/满分”和“得分/评价得分”的表格）：

        - 每一行的得分不能高于同一行的分值（得分列与它左边最近的分值列配对）；
        - “合计”行的分值、得分等于各行之和（按写出的位数取区间比较）；
        - 分级指标的上级分值、得分等于其下级之和：一级、二级、三级指标各有自己的
          分值列时（合并单元格只在每组第一行写出），上级列的数等于本组各行下级列之和；
          上级指标单独占一行时（“管理效率 50 33.5”下面是各二级指标），上级行的数等于
          它下面各下级行之和，“合计”只加最上一级（没有层级列时，某一行恰好等于紧接其下几行之和，
          就把它当作上级行）。

        单元格无法确定对应哪一列、分值或得分写成文字时，该项记为“无法核对”。
        加减分项（分值为“-”）不参与得分不超过分值的检查。

    为什么是问题
        评分表的得分决定评价等级。得分超过分值、合计与各项之和不符，或者上级指标的
        分数与下级不一致，说明打分或汇总出错，评价结论不可信。

    示例
        错误：| 一级指标 | 分值 | 得分 |
        | --- | --- | --- |
        | 履职效能 | 50 | 44.76 |
        | 管理效率 | 50 | 35.5 |
        | 合计 | 100 | 78.26 |

        正确：| 一级指标 | 分值 | 得分 |
        | --- | --- | --- |
        | 履职效能 | 50 | 44.76 |
        | 管理效率 | 50 | 33.5 |
        | 合计 | 100 | 78.26 |
    """

    code = "JX112"
    name = "score-table"
    category = "score"
    severity = "error"
    summary_zh = "评分表的得分、分值与合计或上级指标不符"
    summary_en = "a score table's scores disagree with their totals, parents or maxima"
    messages = {
        "above": (
            "本行得分 {score} 高于分值 {max}",
            "the score {score} is above the row's maximum {max}",
        ),
        "total": (
            "评分表“{column}”列的{word} {total} 与各行之和 {sum} 不符（{expr} = {sum}），差 {diff}",
            "the {word} {total} in column “{column}” does not equal the sum of the rows {sum} ({expr} = {sum}), off by {diff}",
        ),
        "parent": (
            "上级指标“{label}”的{column} {total} 与其下级指标之和 {sum} 不符（{expr} = {sum}），差 {diff}",
            "the {column} {total} of “{label}” does not equal the sum of its sub-indicators {sum} ({expr} = {sum}), off by {diff}",
        ),
        "max": ("分值 {text}", "maximum {text}"),
        "part": ("分项：{text}", "part: {text}"),
        "suggest": ("按各项之和应为 {sum}", "the parts add up to {sum}"),
    }

    def check(self, doc):
        for table in doc.tables:
            maxima = table.columns_of("score-max")
            scores = table.columns_of("score")
            if not maxima and not scores:
                continue
            yield from self._above(doc, table, maxima, scores)
            yield from self._totals(doc, table, maxima + scores)
            yield from self._column_levels(doc, table, maxima)
            yield from self._column_levels(doc, table, scores)

    # 得分 ≤ 分值, row by row
    def _above(self, doc, table, maxima, scores):
        for sc in scores:
            left = [m for m in maxima if m.index < sc.index]
            mc = left[-1] if left else (maxima[0] if maxima else None)
            if mc is None:
                continue
            for row in table.rows:
                s, m = table.value(row, sc), table.value(row, mc)
                if s is None or m is None or m.value <= 0:
                    continue
                ok = not interval_of(s).lo > interval_of(m).hi
                doc.note_claim(ok)
                if not ok:
                    yield self.report(
                        s.span, "above", score=f"{shown(s)} 分", max=f"{shown(m)} 分",
                        related=[self.related(m.span, "max", text=doc.quote(m.span))],
                    )

    # 合计 rows and parent rows
    def _totals(self, doc, table, columns):
        levels = level_columns(table)
        for trow, parts in total_ranges(table):
            for col in columns:
                tq = table.value(trow, col)
                if tq is None:
                    continue
                values = column_values(table, parts, col)
                if values is None:
                    doc.note_claim(None)
                    continue
                rows = [r for r in parts if table.value(r, col) is not None]
                lv = [row_level(table, r, levels) for r in rows]
                if levels and len(set(lv)) > 1 and None not in lv:
                    top = min(lv)
                    tops = [table.value(r, col) for r, l in zip(rows, lv) if l == top]
                    yield from self._sum(doc, tq, tops, "total", col, word=self._word(trow))
                    for i, (r, l) in enumerate(zip(rows, lv)):
                        kids = []
                        for r2, l2 in zip(rows[i + 1:], lv[i + 1:]):
                            if l2 <= l:
                                break
                            if l2 == l + 1:
                                kids.append(table.value(r2, col))
                        if kids:
                            yield from self._sum(doc, table.value(r, col), kids, "parent", col,
                                                 label=table.label(r))
                else:
                    top = top_rows(table, parts)
                    if top is not None:
                        # an outline (一、 … （一） …): the total adds the rows at its top
                        values = column_values(table, top, col)
                        if values is None:
                            doc.note_claim(None)
                            continue
                    if len(values) < 2:
                        continue
                    if top is None and not interval_of(tq).meets(total(interval_of(v) for v in values)):
                        nested = nested_parents(table, parts, col)
                        if nested is not None:
                            # parent rows holding their sub-indicators' sum: the total adds the parents
                            values = column_values(table, nested[0], col) or values
                    yield from self._sum(doc, tq, values, "total", col, word=self._word(trow))

    # 一级/二级/三级 分值 columns side by side: each parent cell = sum of the next level's column in its group
    def _column_levels(self, doc, table, columns):
        rows = [r for r in table.rows if not r.is_total]
        levels = {c.index for c in level_columns(table)}
        for upper, lower in zip(columns, columns[1:]):
            if not any(upper.index < i < lower.index for i in levels):
                continue  # two score columns side by side (自评得分, 评价得分) are not levels
            starts = [i for i, r in enumerate(rows) if (c := r.cell(upper.index)) is not None and not c.is_blank]
            for k, i in enumerate(starts):
                end = starts[k + 1] if k + 1 < len(starts) else len(rows)
                group = rows[i:end]
                pq = table.value(rows[i], upper)
                kids = column_values(table, group, lower)
                if pq is None or kids is None or not kids:
                    doc.note_claim(None)
                    continue
                yield from self._sum(doc, pq, kids, "parent", lower, label=table.label(rows[i]))

    @staticmethod
    def _word(row):
        return next((c.text.strip() for c in row.cells if not c.is_number and is_total_word(c.text)), "合计")

    def _sum(self, doc, tq, values, key, col, **extra):
        ok = interval_of(tq).meets(total(interval_of(v) for v in values))
        doc.note_claim(ok)
        if ok:
            return
        s = sum((v.value for v in values), Decimal(0))
        prec = max([tq.precision] + [v.precision for v in values])
        expr = " + ".join(shown(v) for v in values).replace("+ -", "- ")
        args = dict(
            column=col.header or str(col.index + 1), total=f"{shown(tq)} 分", sum=f"{fmt(s, prec)} 分",
            expr=expr, diff=f"{fmt(abs(tq.value - s), prec)} 分", **extra,
        )
        if "word" in args:
            args["word"] = (args["word"], "total")
        related = [self.related(v.span, "part", text=doc.quote(v.span)) for v in values]
        suggestion = self.related(tq.span, "suggest", sum=args["sum"]).zh
        yield self.report(tq.span, key, related=related, suggestion=suggestion, **args)
