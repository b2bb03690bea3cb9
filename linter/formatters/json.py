"""``--format json``: the output contract of DESIGN.md, exactly."""
from __future__ import annotations

import json
from typing import Sequence

from .. import __version__
from ..engine import FileResult
from . import Formatter, place, snippet, summary


def file_entry(r: FileResult) -> dict:
    p = r.profile
    entry = {
        "path": r.path,
        "profile": p.kind if p else None,
        "year": p.year if p else None,
        "unit": p.unit if p else None,
    }
    if r.coverage:
        entry["coverage"] = dict(r.coverage)
    return entry


def finding_entry(r: FileResult, f, lang: str) -> dict:
    pl = place(r, f.span, lang)
    related = []
    for rel in f.related:
        rp = place(r, rel.span, lang)
        related.append({
            "line": rp.line, "column": rp.column, "end_line": rp.end_line, "end_column": rp.end_column,
            "locator": rp.locator, "message": rel.message(lang),
        })
    return {
        "path": r.path,
        "line": pl.line,
        "column": pl.column,
        "end_line": pl.end_line,
        "end_column": pl.end_column,
        "locator": pl.locator,
        "rule": f.code,
        "name": f.name,
        "category": f.category,
        "severity": f.severity,
        "message": f.message(lang),
        "snippet": snippet(r, f.span),
        "related": related,
        "suggestion": f.suggestion,
    }


def as_dict(results: Sequence[FileResult], lang: str = "zh") -> dict:
    return {
        "tool": {"name": "jixiao-lint", "version": __version__},
        "files": [file_entry(r) for r in results],
        "findings": [finding_entry(r, f, lang) for r in results for f in r.findings],
        "summary": summary(results),
    }


class JsonFormatter(Formatter):
    name = "json"
    suffix = ".json"

    def format(self, results: Sequence[FileResult]) -> str:
        return json.dumps(as_dict(results, self.lang), ensure_ascii=False, indent=2) + "\n"
