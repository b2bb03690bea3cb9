"""``--format text``: ruff's full output, for a person at a terminal.

    报告.txt:9:22: JX401 [error] 模板占位符未填写：（单位名称）
       |
     9 | 分析，形成本评价报告。现将 2023 年度（单位名称）整体绩效自
       |                                     ^^^^^^^^^^
       = 相关：……

Carets are placed by display width: a Chinese character is two columns wide.
"""
from __future__ import annotations

from typing import Sequence

from ..engine import FileResult
from ..normalise import display_width
from . import Formatter, place, summary

_SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}

# Report text is untrusted: a control character (ESC starts a terminal escape
# sequence, CR rewrites the line, a bidi override reorders it) is shown as a
# visible sign of the same width, never sent to the terminal.
_VISIBLE = {c: 0x2400 + c for c in range(0x20)}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update({c: 0x2426 for c in range(0x80, 0xA0)})
_VISIBLE.update({c: 0x2426 for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible sign."""
    return text.translate(_VISIBLE)


class TextFormatter(Formatter):
    name = "text"

    def format(self, results: Sequence[FileResult]) -> str:
        zh = self.lang != "en"
        out: list[str] = []
        for r in results:
            for f in r.findings:
                pl = place(r, f.span, self.lang)
                out.append(f"{r.path}:{pl.line}:{pl.column}: {f.code} [{f.severity}] {f.message(self.lang)}")
                if r.source is not None and r.source.text:
                    out.extend(self._excerpt(r, pl))
                if r.source is not None and r.source.segments:
                    out.append(f"   = {'位置' if zh else 'at'}: {pl.locator}")
                for rel in f.related:
                    rp = place(r, rel.span, self.lang)
                    where = f"{rp.line}:{rp.column}" if not r.source or not r.source.segments else rp.locator
                    out.append(f"   = {'相关' if zh else 'related'} {where}: {rel.message(self.lang)}")
                if f.suggestion:
                    out.append(f"   = {'建议' if zh else 'suggestion'}: {f.suggestion}")
                out.append("")
        s = summary(results)
        if zh:
            out.append(
                f"共检查 {s['files']} 个文件，发现 {s['findings']} 个问题"
                f"（错误 {s['errors']}，警告 {s['warnings']}，提示 {s['infos']}）。"
            )
        else:
            out.append(
                f"Checked {s['files']} file(s): {s['findings']} finding(s) "
                f"({s['errors']} errors, {s['warnings']} warnings, {s['infos']} infos)."
            )
        for r in results:
            if r.coverage:
                cov = dict(r.coverage)
                if zh:
                    out.append(
                        f"{r.path}: 数字核对 {cov.get('checked', 0)} 处，一致 {cov.get('consistent', 0)}，"
                        f"不一致 {cov.get('inconsistent', 0)}，无法核对 {cov.get('uncheckable', 0)}。"
                    )
                else:
                    out.append(
                        f"{r.path}: numeric claims checked {cov.get('checked', 0)}, consistent {cov.get('consistent', 0)}, "
                        f"inconsistent {cov.get('inconsistent', 0)}, not checkable {cov.get('uncheckable', 0)}."
                    )
        return "\n".join(visible(line) for line in out) + "\n"

    def _excerpt(self, r: FileResult, pl) -> list[str]:
        src = r.source
        line_text = src.line_text(pl.line).rstrip("\r").replace("\t", " ")
        gutter = " " * len(str(pl.line))
        start = pl.column - 1
        if pl.end_line == pl.line:
            end = max(pl.end_column - 1, start + 1)
        else:
            end = len(line_text)
        lead = display_width(line_text[:start])
        width = max(1, display_width(line_text[start:end]))
        return [
            f"{gutter} |",
            f"{pl.line} | {line_text}",
            f"{gutter} | {' ' * lead}{'^' * width}",
        ]
