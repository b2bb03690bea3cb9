"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other viewers.

Valid against the official schema (tests validate it offline). Columns count
Unicode code points (``columnKind``), ``endColumn`` is one past the region.
``partialFingerprints`` are computed from the rule, the file, the flagged text
and the message — never from line numbers — so a finding keeps its identity
when lines are added above it (and GitHub does not compute its own from the
lines of a .docx or .pdf, which it cannot read). For .docx/.pdf input the
native place (``表 2 第 3 行第 4 列``) is the location's message and a
``locator`` property. Findings a baseline suppressed are results with an
``external`` suppression, as code scanning expects.
"""
from __future__ import annotations

import hashlib
import json
import os
from typing import Sequence
from urllib.parse import quote

from .. import __version__
from ..engine import FileResult
from ..registry import all_rules
from ..rule import split_doc
from . import Formatter, place, snippet

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative (forward slashes) when under the working directory."""
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, os.getcwd())
    if not rel.startswith(".."):
        return quote(rel.replace(os.sep, "/"), safe="/")
    return "file://" + quote(absolute.replace(os.sep, "/"), safe="/")


def rule_descriptor(rule) -> dict:
    doc = split_doc(rule.__doc__ or "")
    what = doc.get("做什么", rule.summary_zh)
    why = doc.get("为什么是问题", "")
    help_text = what + ("\n\n为什么是问题：" + why if why else "")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": f"{rule.summary_zh} / {rule.summary_en}"},
        "fullDescription": {"text": what},
        "help": {"text": help_text, "markdown": f"**{rule.code} {rule.name}**\n\n{help_text}"},
        "defaultConfiguration": {"level": _LEVEL.get(rule.severity, "warning")},
        "properties": {"category": rule.category, "tags": [rule.category, "jixiao-lint"]},
    }


def _region(r: FileResult, span, pl) -> dict:
    region = {
        "startLine": pl.line,
        "startColumn": pl.column,
        "endLine": pl.end_line,
        "endColumn": pl.end_column,
    }
    text = snippet(r, span)
    if text:
        region["snippet"] = {"text": text}
    return region


def _physical(r: FileResult, span, lang: str) -> tuple[dict, str]:
    pl = place(r, span, lang)
    return {"artifactLocation": {"uri": artifact_uri(r.path)}, "region": _region(r, span, pl)}, pl.locator


def fingerprint(r: FileResult, f, occurrence: int) -> str:
    key = "\x1f".join((f.code, r.path.replace(os.sep, "/"), snippet(r, f.span), f.zh, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


class SarifFormatter(Formatter):
    name = "sarif"
    suffix = ".sarif"

    def format(self, results: Sequence[FileResult]) -> str:
        rules = all_rules()
        codes = list(rules)
        index = {c: i for i, c in enumerate(codes)}
        native = any(r.source is not None and r.source.segments for r in results)
        out = []
        for r in results:
            seen: dict[tuple, int] = {}
            suppressed = tuple(getattr(r, "suppressed", ()))
            for f in r.findings + suppressed:
                physical, locator = _physical(r, f.span, self.lang)
                location: dict = {"physicalLocation": physical}
                if r.source is not None and r.source.segments:
                    location["message"] = {"text": locator}
                    location["properties"] = {"locator": locator}
                related = []
                for i, rel in enumerate(f.related, start=1):
                    rphys, rloc = _physical(r, rel.span, self.lang)
                    text = rel.message(self.lang)
                    if r.source is not None and r.source.segments:
                        text = f"{rloc}：{text}" if self.lang != "en" else f"{rloc}: {text}"
                    related.append({"id": i, "physicalLocation": rphys, "message": {"text": text}})
                key = (f.code, snippet(r, f.span), f.zh)
                seen[key] = seen.get(key, 0) + 1
                result = {
                    "ruleId": f.code,
                    "level": _LEVEL.get(f.severity, "warning"),
                    "message": {"text": f.message(self.lang)},
                    "locations": [location],
                    "partialFingerprints": {"jixiaoFinding/v1": fingerprint(r, f, seen[key])},
                    "properties": {"category": f.category, "severity": f.severity, "name": f.name},
                }
                if f.code in index:
                    result["ruleIndex"] = index[f.code]
                if related:
                    result["relatedLocations"] = related
                if f.suggestion:
                    result["properties"]["suggestion"] = f.suggestion
                if suppressed and f in suppressed:
                    result["suppressions"] = [{"kind": "external", "justification": "baseline"}]
                out.append(result)
        run = {
            "tool": {
                "driver": {
                    "name": "jixiao-lint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": "https://pypi.org/project/jixiao-lint/",
                    "rules": [rule_descriptor(rules[c]) for c in codes],
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": out,
        }
        if native:
            run["properties"] = {"note": "line/column count in the text extracted from .docx/.pdf; see each location's locator"}
        doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
