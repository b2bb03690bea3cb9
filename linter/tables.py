"""Tables rebuilt from the text view: tab-flattened cells and pipe tables.

Text extracted from Word (and the .docx reader) flattens a table into one line
per cell, each led by a tab; :func:`linter.normalise.normalise` turns them into
``Paragraph(kind="cell")`` values whose ``row`` groups the cells of one row and
whose ``cell`` counts the cell's column (an empty ``"\\t"`` line is an empty cell
that still takes its column). Word tables come out of that flattening with some
damage, and :func:`tables` repairs what it safely can:

- a header whose cells broke over several lines and several "rows"
  (``预算`` / ``金额`` / ``（万元）`` / ``支出`` …) is put back together when the
  leading header-like rows add up to the width of the data rows;
- a row with fewer cells than the header lost its merged cells on the left
  (``合计`` spanning 序号 and 名称): it is aligned to the right — but only when
  that puts its numbers under numeric headers and its words under word
  headers; otherwise its values are not used;
- a row broken by paragraphs of running text (a long cell with paragraphs of its
  own) continues with the cells that follow the text.

Pipe tables (``| a | b |`` rows of Markdown, ``a | b | c |`` rows of web pages and
exports) come from the normaliser as the same cell paragraphs, one row a line. They
are built as the tab-flattened ones, with two differences: a row is whole on its
line, so no later line is a broken-off piece of its cells; and a row with the
Markdown rule line (``| --- |``) right below it is the one header of a new table,
whose rows keep the columns they are written in.

Every column is typed by its header (:data:`COLUMN_KINDS`): budget and spent
amounts, scores and their maximum, rates, counts; the unit of a column comes from
its header (``预算金额（万元）``), so a bare ``250.00`` under it is an amount in
万元 with two decimals. Every value is a :class:`~linter.facts.Quantity` taken
from the facts of the cell's paragraph, so its span is the token's own.
"""
from __future__ import annotations

import re

import attrs

from .arith import fmt, interval_of
from .arith import total as add
from .facts import Quantity
from .normalise import is_pipe_rule
from .source import Span

TOTAL_WORDS = ("合计", "总计", "小计", "总分", "总得分")
# a two-column table of targets and what was done (预期目标 / 实际完成情况), often read as
# text one cell per line: the words of its two headers, and how many rows are looked at
TARGET_WORDS = re.compile(r"目标|预期|计划")
DONE_WORDS = re.compile(r"完成|实际")
TARGET_TABLE_ROWS = 40


def names_target(text: str) -> bool:
    """Whether ``text`` names a target and not what was done (年度目标, not 目标完成情况)."""
    return bool(TARGET_WORDS.search(text)) and not DONE_WORDS.search(text)
_NUMERIC_CELL = re.compile(r"^[-+]?\s*\d[\d,]*(?:\.\d+)?\s*(?:%|万元|亿元|千元|元|分)?$")
# a cell that states no value: spaces only, dashes or slashes (among spaces), or 无 — matched
# on the text as it is (the spaces in the pattern), not on a copy without spaces
_BLANK_CELL = re.compile(r"\s*(?:[-—–/／][-—–/／\s]*|无\s*)?")
_BLANK_HEADS = "-—–/／无"  # what a blank mark (_BLANK_CELL) can start with
_UNIT_IN_HEADER = re.compile(r"(万元|亿元|千元|元|%|分)")
_MONEY_OR_SHARE = re.compile(r"元|%")  # (not 分: 支出功能分类 names no score)
_SENTENCE = re.compile(r"[。；;，,:：]")
_TWO_DIGITS = re.compile(r"\d{2,}")

# Header words, most specific first: (kind, words)
COLUMN_KINDS = (
    ("seq", ("序号", "编号")),
    ("text", ("评分标准", "评分说明", "评分依据", "指标解释", "说明", "备注", "名称", "内容", "情况")),
    ("score-rate", ("得分率",)),
    ("rate", ("支出率", "执行率", "支付率", "拨付率", "使用率", "预算完成率", "资金完成率", "支出完成率", "支出进度", "执行进度")),
    ("share", ("占比", "比例", "比重", "比率", "完成率", "增长率", "增减率", "变动率", "增幅", "降幅", "到位率")),
    ("score-max", ("分值", "标准分", "满分", "权重分", "指标分值")),
    ("score", ("得分", "评分", "评价分")),
    ("spent", ("支出金额", "支出数", "实际支出", "决算数", "决算金额", "决算", "执行数", "支出", "使用金额", "完成数",
               "实际完成", "拨付", "全年执行", "实际执行", "执行金额")),
    ("budget", ("预算金额", "预算数", "年初预算", "全年预算", "调整预算", "预算", "计划金额", "计划数", "下达")),
    ("total", TOTAL_WORDS),
    ("amount", ("金额", "资金", "收入", "结余", "结转", "经费", "到位数")),
    ("count", ("人数", "数量", "次数", "个数", "件数", "指标值", "目标值")),
)
NUMERIC_KINDS = {"score-rate", "rate", "share", "score-max", "score", "spent", "budget", "total", "amount", "count",
                 "number"}


_TOTAL_ENDINGS = ("合计", "总计", "小计")
# the last character of every total word (计, 分): a cell ending in another is none
_TOTAL_LAST = frozenset(w[-1] for w in TOTAL_WORDS + _TOTAL_ENDINGS)


def is_total_word(text: str) -> bool:
    """合计, 总计, 小计 — alone or closing a short name (收入合计, 支出小计)."""
    if text.rstrip()[-1:] not in _TOTAL_LAST:
        return False  # the usual cell, told without squashing its spaces
    t = _squash(text)
    return t in TOTAL_WORDS or (len(t) <= 8 and t.endswith(_TOTAL_ENDINGS))


def _squash(text: str) -> str:
    # str.split() splits on exactly the characters ``\s`` matches in a str pattern (every
    # Unicode whitespace), and is several times faster than re.sub on these short cells
    return "".join(text.split())


# a header that ends by naming what the rows are (资金项目, 支出功能分类, 支出类别, 资金来源) heads
# the rows' names, whatever money word comes before
_NAME_ENDINGS = ("项目", "分类", "类别", "类型", "来源", "科目", "性质")


def column_kind(header: str) -> str:
    h = _squash(header)
    if not h or h.endswith(_NAME_ENDINGS):
        return "text"
    for kind, words in COLUMN_KINDS:
        if any(w in h for w in words):
            return kind
    if h.endswith("率") or re.sub(r"[(（][^)）]*[)）]$", "", h).endswith("率"):
        return "share"  # 到位率, 覆盖率, 达标率 (%): a share of something, not a name
    if _MONEY_IN_HEADER.search(h):
        return "amount"  # (2025年（万元）: a column of money named by its year)
    return "text"


_MONEY_IN_HEADER = re.compile(r"[(（](?:万元|亿元|千元|元)[)）]")
_CAPTION_UNIT = re.compile(r"(?:单位|金额单位)\s*[:：]\s*(万元|亿元|千元|元)")


def caption_unit(paragraphs) -> str:
    """The money unit a caption gives the whole table (``单位：万元``), or ""."""
    for p in reversed(list(paragraphs)):
        m = _CAPTION_UNIT.search(p.text)
        if m:
            return m.group(1)
    return ""


def header_unit(header: str, kind: str, default: str = "") -> str:
    """The unit of a column: from its header, else the caption's money unit for an amount column."""
    if default and kind in ("budget", "spent", "total", "amount") and not _UNIT_IN_HEADER.search(_squash(header)):
        return default
    m = _UNIT_IN_HEADER.search(_squash(header).replace("得分率", "").replace("分值", "分"))
    if kind in ("score-rate", "rate", "share"):
        return "%"
    if kind in ("score", "score-max"):
        return "分"
    if m and m.group(1) in ("万元", "亿元", "千元", "元"):
        return m.group(1)
    return ""


@attrs.frozen
class Column:
    index: int
    header: str
    kind: str  # see COLUMN_KINDS, or "text"
    unit: str  # 万元 元 % 分 or ""

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS


@attrs.frozen
class Cell:
    """One cell: its text (folded), its original span and the quantities in it."""

    column: int
    text: str
    span: Span
    para: int
    quantities: tuple[Quantity, ...] = ()

    @property
    def is_number(self) -> bool:
        # the cheap test first: most cells are words, with no quantity
        return len(self.quantities) == 1 and bool(_NUMERIC_CELL.match(self.text.strip()))

    @property
    def is_blank(self) -> bool:
        # (a cell whose first character past its spaces can open no blank mark, nearly every
        # one, is told without the pattern; one of spaces alone is blank)
        head = self.text.lstrip()[:1]
        if head and head not in _BLANK_HEADS:
            return False
        return bool(_BLANK_CELL.fullmatch(self.text))


@attrs.frozen
class Row:
    cells: tuple[Cell, ...]  # sorted by column; empty cells absent
    aligned: bool = True  # False: the cells' columns are a guess; do not use its values
    continued: bool = False  # rebuilt from pieces broken by running text

    def cell(self, column: int) -> Cell | None:
        for c in self.cells:
            if c.column == column:
                return c
        return None

    @property
    def span(self) -> Span:
        return self.cells[0].span.cover(self.cells[-1].span)

    @property
    def is_total(self) -> bool:
        # (the cheap test first: a number is no total word, but most cells are neither)
        return any(is_total_word(c.text) and not c.is_number for c in self.cells)


@attrs.frozen
class Table:
    columns: tuple[Column, ...]
    header: tuple[Cell, ...]
    rows: tuple[Row, ...]  # data rows, total rows included
    kind: str  # tab | pipe | markdown (a pipe table with a rule line under its header)

    @property
    def span(self) -> Span:
        first = self.header[0].span if self.header else self.rows[0].span
        last = self.rows[-1].span if self.rows else first
        return first.cover(last)

    def columns_of(self, *kinds: str) -> list[Column]:
        return [c for c in self.columns if c.kind in kinds]

    def value(self, row: Row, column: Column) -> Quantity | None:
        """The number in ``row`` under ``column``, typed by the header; None if none."""
        if not row.aligned or not column.numeric:
            return None
        cell = row.cell(column.index)
        if cell is None or not cell.is_number:
            return None
        return typed(cell.quantities[0], column)

    def label(self, row: Row) -> str:
        """What the row is about: its first word cell under a text column (序号 aside)."""
        for c in row.cells:
            col = self.columns[c.column] if c.column < len(self.columns) else None
            if col is not None and col.kind == "text" and not c.is_number and not c.is_blank:
                return _squash(c.text)
        return ""


def typed(q: Quantity, column: Column) -> Quantity:
    """A cell's quantity with the kind and unit its column's header gives it."""
    if q.kind == "number":
        if column.unit in ("万元", "亿元", "千元", "元") and column.kind in ("spent", "budget", "total", "amount"):
            return _retyped(q, "amount", column.unit)
        if column.unit == "分":
            return _retyped(q, "score", "分")
        if column.unit == "%":
            return _retyped(q, "percent", "%")
    return q


if tuple(a.name for a in attrs.fields(Quantity)) == (
        "kind", "value", "unit", "precision", "span", "number_span", "para", "item", "sentence", "clause",
        "depth", "raw_label", "label", "label_span", "negative"):
    def _retyped(q: Quantity, kind: str, unit: str) -> Quantity:
        """``attrs.evolve(q, kind=kind, unit=unit)``, made directly: evolve reads the class's
        fields each time (twice the cost, for every typed value a rule reads from a table)."""
        return Quantity(kind, q.value, unit, q.precision, q.span, q.number_span, q.para, q.item, q.sentence,
                        q.clause, q.depth, q.raw_label, q.label, q.label_span, q.negative)
else:  # (Quantity has other fields now: evolve keeps them)
    def _retyped(q: Quantity, kind: str, unit: str) -> Quantity:
        return attrs.evolve(q, kind=kind, unit=unit)


# --- building -------------------------------------------------------------

def _cell(para, quantities) -> Cell:
    return Cell(para.cell or 0, para.text, Span(para.start, para.end), para.index, tuple(quantities))


def _is_fragment(p) -> bool:
    """A short line of a header cell that broke off its cell (``金额``, ``（万元）``)."""
    t = p.text.strip()
    return p.kind != "cell" and 0 < len(t) <= 8 and not _SENTENCE.search(t) and not _TWO_DIGITS.search(t)


def _header_like(cells: list[Cell]) -> bool:
    """A row of short labels; a figure in parentheses is a header's formula or unit
    (预算执行率(B/A×100%)), not a value."""
    words = [c for c in cells if not c.is_blank]
    return bool(words) and all(
        not c.is_number and not any(q.depth == 0 for q in c.quantities) and len(_squash(c.text)) <= 16
        and not _SENTENCE.search(c.text)
        for c in words
    ) and not any(is_total_word(c.text) for c in words)


def tables(doc) -> tuple[Table, ...]:
    return tab_tables(doc)


def _piped(text: str, p) -> bool:
    """Whether cell paragraph ``p`` stands in a pipe row: a "|" next to it in the text
    view, past spaces (a tab-flattened cell has its tab before it and its line end after)."""
    i = p.start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i >= 0 and text[i] == "|":
        return True
    j = p.end
    while j < len(text) and text[j] == " ":
        j += 1
    return j < len(text) and text[j] == "|"


def _rule_between(text: str, a: int, b: int) -> bool:
    """Whether a Markdown rule line stands between offsets ``a`` and ``b`` of the text view."""
    lines = text[a:b].splitlines()
    return any(is_pipe_rule(line) for line in lines[1:-1])


def tab_tables(doc) -> tuple[Table, ...]:
    paras = doc.paragraphs
    facts = doc.facts
    text = doc.source.text
    # 1. row segments, with the text paragraphs that come between them
    segments: list[dict] = []
    cur: dict | None = None
    gap: list = []
    for p in paras:
        if p.kind == "cell":
            if cur is None or cur["row"] != p.row:
                piped = _piped(text, p)
                if piped and cur is not None and cur["piped"] and not gap:
                    # a pipe row right below another: a rule line between makes that one a header
                    cur["rule"] = _rule_between(text, cur["end"], p.start)
                cur = {"row": p.row, "cells": [], "gap": gap, "frags": {}, "piped": piped, "rule": False}
                segments.append(cur)
                gap = []
            cur["cells"].append(_cell(p, facts[p.index].quantities))
            cur["end"] = p.end
        else:
            if cur is not None and not gap and not cur["piped"] and _is_fragment(p):
                # a broken-off line of the segment's last cell
                last = cur["cells"][-1]
                cur["frags"][last.column] = cur["frags"].get(last.column, "") + p.text.strip()
                continue
            gap.append(p)
            if len(gap) > 40:
                cur = None
    # 2. group segments into tables
    out: list[Table] = []
    group: list[dict] = []

    def finish():
        if group:
            t = _build(group)
            if t is not None:
                out.append(t)

    for seg in segments:
        interrupted = bool(seg["gap"])
        if group and (seg["rule"] or interrupted and (
                group[0]["rule"] or _header_like(seg["cells"]) or _caption_in(seg["gap"]) or len(seg["gap"]) > 40)):
            finish()
            group = []
        seg["interrupted"] = interrupted
        group.append(seg)
    finish()
    return tuple(out)


_CAPTION = re.compile(r"^(?:表\s*\d|附件\s*\d|附表)")


def _caption_in(gap) -> bool:
    return any(_CAPTION.match(p.text.strip()) for p in gap)


def _width(cells: list[Cell]) -> int:
    return max(c.column for c in cells) + 1 if cells else 0


def _build(group: list[dict]) -> Table | None:
    if group[0]["rule"]:
        return _ruled(group)
    # leading header-like segments form the header
    head: list[dict] = []
    for seg in group:
        if _header_like(seg["cells"]) and not (head and seg["interrupted"]):
            head.append(seg)
        else:
            break
    body = group[len(head):]
    if not head or not body:
        return None
    widths = [_width(s["cells"]) for s in body]
    # the width of a data row: the most common one, the widest on a tie
    full = max(sorted(set(widths), reverse=True), key=widths.count)
    # the header: segments side by side, or stacked column by column
    hwidths = [_width(s["cells"]) for s in head]
    header: list[Cell] = []
    names: dict[int, str] = {}
    if sum(hwidths) == full and len(head) > 1:
        off = 0
        for seg, w in zip(head, hwidths):
            for c in seg["cells"]:
                header.append(attrs.evolve(c, column=c.column + off))
                names[c.column + off] = c.text + seg["frags"].get(c.column, "")
            off += w
    else:
        for seg in head:
            for c in seg["cells"]:
                header.append(c)
                names[c.column] = names.get(c.column, "") + c.text + seg["frags"].get(c.column, "")
    labels = [i for i in sorted(names) if _squash(names[i])]
    if labels and labels[0] == 0 and column_kind(names[0]) in NUMERIC_KINDS and all(
            s["cells"] and not s["cells"][0].is_number and not s["cells"][0].is_blank
            and sum(1 for c in s["cells"] if not c.is_blank) == len(labels) + 1 for s in body):
        # a header one cell short of every row below it, whose first label is a figure's
        # (全年预算数 | 全年执行数 | 执行率 over 年度资金总额 | 3000 | 1736.96 | 50.89%): the
        # rows begin with their own name, which the header left out
        names = {i + 1: n for i, n in names.items()}
        header = [attrs.evolve(c, column=c.column + 1) for c in header]
    # data rows, rejoining a row broken by running text
    rows: list[list[Cell]] = []
    span_width = max(full, max(names) + 1)
    for seg, w in zip(body, widths):
        cells = seg["cells"]
        if seg["interrupted"] and rows and _width(rows[-1]) + w <= span_width and w < span_width \
                and not _header_like(cells):
            off = _width(rows[-1])
            rows[-1] = rows[-1] + [attrs.evolve(c, column=c.column + off) for c in cells]
            continue
        rows.append(list(cells))
    width = max(names) + 1
    default = caption_unit(group[0]["gap"][-3:])
    columns = []
    for i in range(width):
        name = names.get(i, "")
        kind = column_kind(name)
        columns.append(Column(i, _squash(name), kind, header_unit(name, kind, default)))
    columns = tuple(columns)
    placed = [_align(r, columns) for r in rows]
    retyped = _retype(columns, placed)
    if retyped is not columns:  # a column took another kind: place the rows under it again
        placed = [_align(r, retyped) for r in rows]
    return Table(retyped, tuple(header), tuple(placed), "pipe" if group[0]["piped"] else "tab")


def _retype(columns: tuple[Column, ...], rows: list[Row]) -> tuple[Column, ...]:
    """A column whose header says nothing of its kind (``财政拨款``, ``其他资金``) but whose
    cells are all plain numbers (two or more, none a percentage) holds amounts when its
    header or a neighbour's names a money unit, numbers otherwise."""
    money = {c.unit for c in columns if c.unit in ("万元", "亿元", "千元", "元")}
    out = []
    changed = False
    for col in columns:
        if col.numeric and col.kind != "seq" and not _MONEY_OR_SHARE.search(col.header):
            # a column of names under a header with a money word and no unit (资金来源,
            # 支出功能分类, 收入项目): every cell, total rows aside, is words
            cells = [r.cell(col.index) for r in rows if _width(list(r.cells)) == len(columns)]
            cells = [c for c in cells if c is not None and not c.is_blank and not is_total_word(c.text)]
            if len(cells) >= 2 and not any(c.is_number for c in cells):
                out.append(attrs.evolve(col, kind="text", unit=""))
                changed = True
                continue
        if col.kind == "text" and col.header:
            # rows whose cells' columns are certain: placed, or as wide as the header
            cells = [r.cell(col.index) for r in rows if r.aligned or _width(list(r.cells)) == len(columns)]
            cells = [c for c in cells if c is not None and not c.is_blank]
            if len(cells) >= 2 and all(c.is_number and c.quantities[0].kind == "number" for c in cells):
                m = _UNIT_IN_HEADER.search(col.header)
                unit = m.group(1) if m and m.group(1) in ("万元", "亿元", "千元", "元") else (
                    next(iter(money)) if len(money) == 1 else "")
                out.append(attrs.evolve(col, kind="amount" if unit else "number", unit=unit))
                changed = True
                continue
        out.append(col)
    # the same tuple when no column changed, so the caller can keep the rows it placed
    return tuple(out) if changed else columns


def _fits(cells: list[Cell], columns: tuple[Column, ...]) -> bool:
    for c in cells:
        if c.is_blank:
            continue
        if c.column >= len(columns):
            return False
        col = columns[c.column]
        if c.is_number != col.numeric and col.kind != "seq":
            if col.kind == "text" and c.is_number:
                return False
            if col.numeric and not c.is_number:
                if is_total_word(c.text):
                    return False
                # a rate stated in words in a rate column is not a number; the row may still fit
                return False
    return True


def _align(cells: list[Cell], columns: tuple[Column, ...]) -> Row:
    """Place a row under the header. A row as wide as the header stays as it is. A
    narrower one lost merged cells on the left (right-aligned), or — when it starts
    with empty cells that keep their columns — lost cells on the right (left as it
    is). The placement is used only when it puts numbers under numeric headers and
    words under word headers, and when it is the only such placement."""
    w = _width(cells)
    n = len(columns)
    if w >= n:
        return Row(tuple(cells), aligned=_fits(cells, columns))
    shifted = [attrs.evolve(c, column=c.column + n - w) for c in cells]
    lead = min(c.column for c in cells) > 0
    right, left = _fits(shifted, columns), lead and _fits(cells, columns)
    if left:
        return Row(tuple(cells))
    if right:
        return Row(tuple(shifted))
    return Row(tuple(cells), aligned=False)


# --- Markdown -------------------------------------------------------------

def _ruled(group: list[dict]) -> Table | None:
    """A Markdown table: the row above the rule line is the header, and every row keeps
    the columns it is written in (a Markdown row loses no merged cells)."""
    header = group[0]["cells"]
    rows = [seg["cells"] for seg in group[1:] if seg["cells"] and seg["piped"]]
    if not header or not rows:
        return None
    first = group[0]
    default = caption_unit(first["gap"][-2:])
    width = max([_width(header)] + [_width(r) for r in rows])
    names = {c.column: c.text for c in header}
    columns = tuple(
        Column(i, _squash(names.get(i, "")), column_kind(names.get(i, "")),
               header_unit(names.get(i, ""), column_kind(names.get(i, "")), default))
        for i in range(width)
    )
    placed = [Row(tuple(r), aligned=_fits(r, columns)) for r in rows]
    retyped = _retype(columns, placed)
    if retyped is not columns:  # a column took another kind: fit the rows to it again
        placed = [Row(tuple(r), aligned=_fits(r, retyped)) for r in rows]
    return Table(retyped, tuple(header), tuple(placed), "markdown")


# --- helpers for the table rules -------------------------------------------

_LEVEL = re.compile(r"([一二三四五])级")
_LEVELS = "一二三四五"


def level_columns(table: Table) -> list[Column]:
    """Text columns naming an indicator level (一级指标, 二级指标 …), shallow first."""
    cols = [c for c in table.columns if c.kind == "text" and _LEVEL.search(c.header)]
    return sorted(cols, key=lambda c: _LEVELS.index(_LEVEL.search(c.header).group(1)))


def row_level(table: Table, row: Row, levels: list[Column]) -> int | None:
    """The deepest indicator level a row names itself (merged cells leave the shallower ones empty)."""
    deepest = None
    for i, col in enumerate(levels):
        cell = row.cell(col.index)
        if cell is not None and not cell.is_blank:
            deepest = i
    return deepest


def total_ranges(table: Table):
    """For each total row, the data rows it adds up: ``(total_row, parts)``.

    A 合计 after its parts adds the rows since the previous total row; a 合计
    right below the header adds the rows up to the next total row. When a table
    has 小计 rows and a 合计, the 合计 adds every row that is not a total.
    """
    rows = list(table.rows)
    totals = [i for i, r in enumerate(rows) if r.is_total]
    on_top = bool(totals) and totals[0] == 0  # each total above its section
    out = []
    for k, i in enumerate(totals):
        word = next((_squash(c.text) for c in rows[i].cells if is_total_word(c.text)), "")
        if not word.endswith("小计") and len(totals) > 1 and any(
            _squash(c.text).endswith("小计") for j in totals for c in rows[j].cells
        ):
            parts = [r for r in rows if not r.is_total]
        elif on_top:
            end = totals[k + 1] if k + 1 < len(totals) else len(rows)
            parts = rows[i + 1:end]
        else:
            start = totals[k - 1] + 1 if k > 0 else 0
            parts = rows[start:i]
        if parts:
            out.append((rows[i], parts))
    return out


def column_values(table: Table, rows, column: Column):
    """The values of ``column`` in ``rows``: a list of Quantity (blank cells left out),
    or None when one of the rows cannot be read (its cells' columns are a guess, or
    the cell holds words rather than a number)."""
    out = []
    for r in rows:
        if not r.aligned:
            return None
        cell = r.cell(column.index)
        if cell is None or cell.is_blank:
            continue
        if not cell.is_number:
            return None
        out.append(typed(cell.quantities[0], column))
    return out


def shown(q: Quantity) -> str:
    """A quantity as written, without thousands separators: ``7486000.00``."""
    return fmt(q.value, q.precision)


_DEPTHS = (
    (re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]"), 1),
    (re.compile(r"^[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]"), 2),
    (re.compile(r"^\d{1,2}\s*(?:[、]|[.．](?!\d))"), 3),
    (re.compile(r"^[(（]\s*\d{1,2}\s*[)）]"), 4),
    (re.compile(r"^[①-⑳⑴-⒇]"), 5),
    (re.compile(r"^其中\s*[:：，,]?"), 6),
)


def label_depth(text: str) -> int:
    """How deep a row's name sits in an outline: 0 for a bare name, 1 for 一、, 2 for （一）,
    3 for 1., 4 for （1）, 5 for ①, 6 for 其中."""
    t = text.strip()
    for rx, depth in _DEPTHS:
        if rx.match(t):
            return depth
    return 0


def top_rows(table: Table, rows, bare_below: bool = False):
    """The rows at the top of an outline (一、 above （一） above 1. above 其中), or None when
    the rows' names are all at one depth — a flat list.

    With ``bare_below``, when the first row is numbered, rows with a bare name sit below the
    numbered row before them (``一、基本支出 / 人员经费 / 公用经费 / 二、项目支出``: the
    numbers were kept, the indentation lost)."""
    depths = [label_depth(table.label(r) or "") for r in rows]
    if len(set(depths)) <= 1:
        return None
    if bare_below and depths[0] > 0:
        depths = [d or 99 for d in depths]
    top = min(depths)
    return [r for r, d in zip(rows, depths) if d == top]


def bare_below_numbered(table: Table, rows) -> bool:
    """Whether the first of ``rows`` is numbered (一、, （一）, 1. …) and some later one bare."""
    depths = [label_depth(table.label(r) or "") for r in rows]
    return bool(depths) and depths[0] > 0 and 0 in depths


def nested_parents(table: Table, rows, column: Column):
    """Rows that are the sum of the rows right below them (a parent whose children lost their
    indentation): ``(rows without the children, [(parent, children)…])``, or None when no row is.

    Used only when a flat sum fails: a 合计 over 基本支出 / 人员经费 / 公用经费 / 项目支出
    adds 基本支出 and 项目支出, not the two rows that break 基本支出 down.
    """

    vals = [(r, table.value(r, column)) for r in rows]
    keep, found = [], []
    i = 0
    while i < len(vals):
        r, v = vals[i]
        kids = None
        if v is not None:
            acc = []
            for r2, v2 in vals[i + 1:]:
                if v2 is None:
                    break
                acc.append(v2)
                if len(acc) >= 2 and interval_of(v).meets(add(interval_of(x) for x in acc)):
                    kids = vals[i + 1: i + 1 + len(acc)]
                    break
                if add(interval_of(x) for x in acc).lo > interval_of(v).hi:
                    break
        keep.append(r)
        if kids:
            found.append((r, [k for k, _ in kids]))
            i += 1 + len(kids)
        else:
            i += 1
    return (keep, found) if found else None


# a table read one cell per line: a header of short lines (no punctuation) naming a target
# column, then a completion column (预期目标 / 实际完成情况); its rows are short one-sentence lines
_HEADER_CELL = re.compile(r"[^，,。；;:：!?！？]{2,16}")
_CELL_LINE = re.compile(r"[^。!?！？]{1,80}[。!?！？]?")


def form_cells(doc) -> set[int]:
    """:func:`column_cells` of the document's paragraphs, worked out once per document
    (JX523 and JX524 ask)."""
    found = doc.memo.get("tables.column_cells")
    if found is None:
        found = doc.memo["tables.column_cells"] = column_cells(doc.paragraphs)
    return found


def column_cells(paras) -> set[int]:
    """The indices of the paragraphs that are cells of a two-column table read one cell per line:
    the short lines under a header of two short lines, a target column then a
    completion column (预期目标 / 目标实际完成情况), up to the first line that is not a
    short one-sentence cell; and lines that repeat in pairs, A A B B (each row's two
    cells alike), which no slip of the pen writes."""
    out: set[int] = set()
    n = len(paras)
    texts = [p.text.strip() if p.kind != "cell" else None for p in paras]
    twice = [bool(t) and _said_twice(t) for t in texts]
    for k in range(n):
        a = texts[k]
        if not a:
            continue
        if len(a) <= 16 and k + 1 < n and texts[k + 1] and _header(a, texts[k + 1]):
            q = k + 2  # the header's two cells a line each
        elif len(a) <= 2 * 16 + 4 and len(a.split()) == 2 and _header(*a.split()):
            q = k + 1  # the header's two cells side by side
        else:
            continue
        first = q
        while q < n and q - first < TARGET_TABLE_ROWS and texts[q] and (_CELL_LINE.fullmatch(texts[q]) or twice[q]):
            out.add(q)
            q += 1
    for i in range(n - 3):
        a, b = texts[i], texts[i + 2]
        if a and b and a != b and a == texts[i + 1] and b == texts[i + 3]:
            out.update(range(i, i + 4))
    for i in range(n - 1):
        if twice[i] and twice[i + 1] and texts[i] != texts[i + 1]:
            out.update((i, i + 1))  # lines that are each one cell's text twice: rows of two like cells
    return out


def _header(a: str, b: str) -> bool:
    """Whether ``a`` then ``b`` are a target column's and a completion column's headers."""
    return bool(_HEADER_CELL.fullmatch(a) and _HEADER_CELL.fullmatch(b)
                and names_target(a) and DONE_WORDS.search(b))


def _said_twice(t: str) -> bool:
    """Whether the line ``t`` is one text twice with a space between (两格并排的一行)."""
    mid = len(t) // 2  # (the middle of a text, a gap, a text is in the gap)
    if len(t) > 2 * 80 + 8 or not t[mid: mid + 1].isspace():
        return False
    i = j = mid
    while i > 0 and t[i - 1].isspace():
        i -= 1
    while j < len(t) and t[j].isspace():
        j += 1
    return t[:i] == t[j:]
