"""``--format html``: the annotated review sheet, one self-contained page.

The whole report is shown with line numbers; every finding is marked on its
exact span (related places lighter), its message, arithmetic, related places
and suggestion sit beside the line where it starts. A sidebar holds the
summary by category and severity, filters by category and severity, and the
list of findings; clicking one scrolls to its place and highlights it.
Everything (CSS, JS) is inline: the file works offline and prints on A4.

Report text is untrusted input: the template is rendered by jinja2 with
autoescaping, and the text reaches it only as plain strings.
"""
from __future__ import annotations

import datetime
import os
from typing import Sequence

from .. import __version__
from ..engine import FileResult
from . import Formatter, place, snippet, summary
from ._labels import category_name, profile_name, severity_name

_SEV_ORDER = {"error": 0, "warning": 1, "info": 2}
_KIND_NAME = {"text": "文本", "markdown": "Markdown", "docx": "Word", "pdf": "PDF"}
CONTEXT_LINES = 3  # lines kept around findings by the "near findings only" view


def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("linter", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _pieces(text: str, line_start: int, marks: list[tuple[int, int, str, str]]):
    """Split one line into pieces, each with the marks covering it.

    ``marks`` are ``(start, end, fid, role)`` in source offsets; role is
    ``f`` (the finding's own span) or ``r`` (a related place).
    """
    line_end = line_start + len(text)
    cuts = {line_start, line_end}
    live = []
    for s, e, fid, role in marks:
        if e <= line_start or s >= line_end:
            continue
        s, e = max(s, line_start), min(e, line_end)
        cuts.update((s, e))
        live.append((s, e, fid, role))
    cuts = sorted(cuts)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        covering = [(fid, role) for s, e, fid, role in live if s <= a and b <= e]
        out.append({
            "text": text[a - line_start:b - line_start],
            "fids": " ".join(dict.fromkeys(fid for fid, role in covering if role == "f")),
            "rids": " ".join(dict.fromkeys(fid for fid, role in covering if role == "r")),
        })
    return out


def file_view(index: int, r: FileResult, lang: str) -> dict:
    """Everything the template needs about one file."""
    src = r.source
    findings = []
    marks: list[tuple[int, int, str, str]] = []
    notes_at: dict[int, list[dict]] = {}
    native = src is not None and bool(src.segments)
    sev_of_fid: dict[str, str] = {}
    for n, f in enumerate(r.findings, start=1):
        fid = f"{index}-{n}"
        pl = place(r, f.span, lang)
        related = []
        for rel in f.related:
            rp = place(r, rel.span, lang)
            related.append({
                "line": rp.line,
                "where": rp.locator if native else (f"第 {rp.line} 行" if lang != "en" else f"line {rp.line}"),
                "message": rel.message(lang),
                "snippet": snippet(r, rel.span),
            })
            if src is not None:
                marks.append((*_visible(rel.span.start, rel.span.end, src.text), fid, "r"))
        item = {
            "fid": fid,
            "code": f.code,
            "name": f.name,
            "category": f.category,
            "category_name": category_name(f.category, lang),
            "severity": f.severity,
            "severity_name": severity_name(f.severity, lang),
            "message": f.message(lang),
            "line": pl.line,
            "column": pl.column,
            "where": pl.locator if native else (f"第 {pl.line} 行第 {pl.column} 列" if lang != "en" else f"line {pl.line}, column {pl.column}"),
            "snippet": snippet(r, f.span),
            "related": related,
            "suggestion": f.suggestion,
        }
        findings.append(item)
        sev_of_fid[fid] = f.severity
        if src is not None:
            marks.append((*_visible(f.span.start, f.span.end, src.text), fid, "f"))
        notes_at.setdefault(pl.line, []).append(item)
    lines = []
    if src is not None:
        flagged = set()
        for s, e, fid, role in marks:
            l0, _ = src.line_col(s)
            l1, _ = src.line_col(max(s, e - 1))
            flagged.update(range(l0, l1 + 1))
        near_lines = {k + d for k in flagged for d in range(-CONTEXT_LINES, CONTEXT_LINES + 1)}
        in_cell = False  # a tab-led line starts a table cell; lines after it continue it until a blank line
        for no in range(1, src.line_count + 1):
            start = src.line_start(no)
            text = src.line_text(no)
            in_cell = text.startswith("\t") or (in_cell and bool(text.strip()))
            pieces = _pieces(text, start, marks)
            for p in pieces:
                sevs = [sev_of_fid[x] for x in p["fids"].split()] or [sev_of_fid[x] for x in p["rids"].split()]
                p["severity"] = min(sevs, key=_SEV_ORDER.get) if sevs else ""
            lines.append({
                "no": no,
                "pieces": pieces,
                "cell": in_cell,
                "cell_start": text.startswith("\t"),
                "blank": not text.strip(),
                "where": src.locator(start, lang) if native else "",
                "notes": notes_at.get(no, []),
                "near": no in near_lines,
            })
    by_cat: dict[str, dict[str, int]] = {}
    for f in r.findings:
        by_cat.setdefault(f.category, {"error": 0, "warning": 0, "info": 0})[f.severity] += 1
    p = r.profile
    return {
        "index": index,
        "path": r.path,
        "name": os.path.basename(r.path),
        "kind": src.kind if src is not None else "",
        "kind_name": _KIND_NAME.get(src.kind, src.kind) if src is not None else "",
        "unreadable": r.unreadable,
        "profile": {"kind": profile_name(p.kind, lang), "year": p.year, "unit": p.unit} if p else None,
        "coverage": dict(r.coverage),
        "findings": findings,
        "lines": lines,
        "counts": r.counts,
        "by_category": [
            {"category": c, "name": category_name(c, lang), **v, "total": sum(v.values())}
            for c, v in sorted(by_cat.items(), key=lambda kv: -sum(kv[1].values()))
        ],
        "flagged_lines": len({it["line"] for it in findings}),
    }


def _visible(start: int, end: int, text: str) -> tuple[int, int]:
    """A zero-length span is shown on the character after it (or before, at the end)."""
    if end > start:
        return start, end
    if start < len(text) and text[start] != "\n":
        return start, start + 1
    if start > 0:
        return start - 1, start
    return start, end


def render(results: Sequence[FileResult], lang: str = "zh") -> str:
    env = _environment()
    template = env.get_template("review.html.j2")
    files = [file_view(i, r, lang) for i, r in enumerate(results, start=1)]
    categories: dict[str, int] = {}
    severities = {"error": 0, "warning": 0, "info": 0}
    for fv in files:
        for f in fv["findings"]:
            categories[f["category"]] = categories.get(f["category"], 0) + 1
            severities[f["severity"]] += 1
    return template.render(
        lang=lang,
        en=lang == "en",
        files=files,
        summary=summary(results),
        categories=[{"category": c, "name": category_name(c, lang), "count": n} for c, n in sorted(categories.items(), key=lambda kv: -kv[1])],
        severities=[{"severity": s, "name": severity_name(s, lang), "count": n} for s, n in severities.items()],
        version=__version__,
        generated=datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        title=(files[0]["name"] if len(files) == 1 else f"{len(files)} 个文件" if lang != "en" else f"{len(files)} files"),
    )


class HtmlFormatter(Formatter):
    name = "html"
    suffix = ".html"

    def format(self, results: Sequence[FileResult]) -> str:
        return render(results, self.lang)
