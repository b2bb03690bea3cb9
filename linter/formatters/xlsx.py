"""``--format xlsx``: the findings workbook a reviewer fills in.

Sheet 问题清单: one row per finding — 文件, 位置, 规则, 类别, 严重程度, 说明,
原文, 建议值, 复核意见 (a list: 采纳 / 不采纳 / 待定), 备注. The header is
frozen, every column has a filter, text wraps, and row heights are set from
the text (LibreOffice does not grow rows for wrapped Chinese by itself; an
East-Asian wide character counts two columns). Sheet 汇总 counts findings by
category and severity.

Report text is untrusted: every cell is written as a string (a text
beginning with ``=`` is never a formula) and cells beginning with ``= + - @``
carry Excel's quote prefix, so editing them does not turn them into one.
"""
from __future__ import annotations

import io
import math
from typing import Sequence

from ..engine import FileResult
from ..normalise import display_width
from . import Formatter, place, snippet
from ._labels import category_name, severity_name

HEADERS = ("文件", "位置", "规则", "类别", "严重程度", "说明", "原文", "建议值", "复核意见", "备注")
HEADERS_EN = ("File", "Place", "Rule", "Category", "Severity", "Message", "Text", "Suggested value", "Decision", "Notes")
WIDTHS = (22, 22, 20, 10, 9, 60, 30, 26, 11, 26)
DECISIONS = ("采纳", "不采纳", "待定")
DECISIONS_EN = ("accept", "reject", "pending")
LINE_HEIGHT = 15.0  # points per wrapped line at 11 pt
_FORMULA_START = ("=", "+", "-", "@")
_SEV_FILL = {"error": "FDE2E1", "warning": "FFF1CC", "info": "E3EEFB"}


def wrapped_lines(text: str, width: int) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide."""
    usable = max(1, width - 1)
    return sum(max(1, math.ceil(display_width(line) / usable)) for line in str(text).split("\n"))


def row_height(values: Sequence[str], widths: Sequence[int] = WIDTHS) -> float:
    lines = max((wrapped_lines(v, w) for v, w in zip(values, widths) if v), default=1)
    return round(max(1, lines) * LINE_HEIGHT + 4, 1)


def position_text(r: FileResult, f, lang: str) -> str:
    pl = place(r, f.span, lang)
    if r.source is not None and r.source.segments:
        return pl.locator
    return f"第 {pl.line} 行第 {pl.column} 列" if lang != "en" else f"line {pl.line} column {pl.column}"


def explanation(r: FileResult, f, lang: str) -> str:
    lines = [f.message(lang)]
    for rel in f.related:
        pl = place(r, rel.span, lang)
        where = pl.locator if r.source is not None and r.source.segments else (
            f"第 {pl.line} 行" if lang != "en" else f"line {pl.line}")
        lines.append(("相关（" if lang != "en" else "related (") + where + ("）：" if lang != "en" else "): ") + rel.message(lang))
    return "\n".join(lines)


def rows_of(results: Sequence[FileResult], lang: str = "zh") -> list[tuple[str, ...]]:
    rows = []
    for r in results:
        for f in r.findings:
            rows.append((
                r.path,
                position_text(r, f, lang),
                f"{f.code} {f.name}",
                category_name(f.category, lang),
                severity_name(f.severity, lang),
                explanation(r, f, lang),
                snippet(r, f.span),
                f.suggestion or "",
                "",
                "",
            ))
    return rows


def _set_text(cell, value: str) -> None:
    cell.value = value
    cell.data_type = "s"  # never a formula, whatever the text begins with
    if value.startswith(_FORMULA_START):
        cell.quotePrefix = True


class XlsxFormatter(Formatter):
    name = "xlsx"
    binary = True
    suffix = ".xlsx"

    def format(self, results: Sequence[FileResult]) -> bytes:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.datavalidation import DataValidation

        en = self.lang == "en"
        wb = Workbook()
        ws = wb.active
        ws.title = "Findings" if en else "问题清单"
        headers = HEADERS_EN if en else HEADERS
        font = "Arial" if en else "等线"
        head_font = Font(name=font, bold=True, color="FFFFFF", size=11)
        head_fill = PatternFill("solid", fgColor="33506E")
        thin = Side(style="thin", color="C8CDD3")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        wrap = Alignment(wrap_text=True, vertical="top")
        for c, (h, w) in enumerate(zip(headers, WIDTHS), start=1):
            cell = ws.cell(row=1, column=c)
            _set_text(cell, h)
            cell.font = head_font
            cell.fill = head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            cell.border = border
            ws.column_dimensions[get_column_letter(c)].width = w
        ws.row_dimensions[1].height = 22
        rows = rows_of(results, self.lang)
        body_font = Font(name=font, size=11)
        severities = [f.severity for r in results for f in r.findings]
        for i, values in enumerate(rows, start=2):
            for c, v in enumerate(values, start=1):
                cell = ws.cell(row=i, column=c)
                _set_text(cell, v)
                cell.alignment = wrap
                cell.font = body_font
                cell.border = border
            sev = severities[i - 2]
            if sev in _SEV_FILL:
                ws.cell(row=i, column=5).fill = PatternFill("solid", fgColor=_SEV_FILL[sev])
            ws.row_dimensions[i].height = row_height(values)
        last = max(2, len(rows) + 1)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{last}"
        decisions = DECISIONS_EN if en else DECISIONS
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(decisions) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="复核意见" if not en else "Decision",
            error=("请选择：" if not en else "choose: ") + " / ".join(decisions),
            promptTitle="复核意见" if not en else "Decision",
            prompt=" / ".join(decisions),
        )
        ws.add_data_validation(dv)
        dv.add(f"I2:I{max(last, 1000)}")
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

        summary = wb.create_sheet("Summary" if en else "汇总")
        sevs = ("error", "warning", "info")
        _set_text(summary.cell(row=1, column=1), "Category" if en else "类别")
        for j, s in enumerate(sevs, start=2):
            _set_text(summary.cell(row=1, column=j), severity_name(s, self.lang))
        _set_text(summary.cell(row=1, column=len(sevs) + 2), "Total" if en else "合计")
        counts: dict[str, dict[str, int]] = {}
        for r in results:
            for f in r.findings:
                counts.setdefault(f.category, {}).setdefault(f.severity, 0)
                counts[f.category][f.severity] += 1
        for i, (cat, by_sev) in enumerate(sorted(counts.items()), start=2):
            _set_text(summary.cell(row=i, column=1), category_name(cat, self.lang))
            for j, s in enumerate(sevs, start=2):
                summary.cell(row=i, column=j, value=by_sev.get(s, 0))
            summary.cell(row=i, column=len(sevs) + 2, value=sum(by_sev.values()))
        for c in range(1, len(sevs) + 3):
            summary.cell(row=1, column=c).font = head_font
            summary.cell(row=1, column=c).fill = head_fill
            summary.column_dimensions[get_column_letter(c)].width = 14
        summary.freeze_panes = "A2"
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
