"""``--format json``: the output contract of DESIGN.md, exactly."""
from __future__ import annotations

import json
from typing import Iterator, Sequence

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
        return "".join(self.chunks(results))

    def chunks(self, results: Sequence[FileResult]) -> Iterator[str]:
        """``json.dumps(as_dict(results), ensure_ascii=False, indent=2)``, in pieces, one
        finding at a time. With ``indent`` the json module builds its text from a list of
        several small strings per value: for the findings of a large report that list
        alone took 17 times the report's size, and the text in one piece 3 times more."""
        yield '{\n  "tool": '
        yield _dumps({"name": "jixiao-lint", "version": __version__}, 1)
        yield ',\n  "files": '
        yield _dumps([file_entry(r) for r in results], 1)
        yield ',\n  "findings": ['
        sep = "\n    "
        for r in results:
            for f in r.findings:
                yield sep + _dumps(finding_entry(r, f, self.lang), 2)
                sep = ",\n    "
        yield ("\n  ]" if sep != "\n    " else "]") + ',\n  "summary": '
        yield _dumps(summary(results), 1) + "\n}\n"


def _dumps(value, level: int) -> str:
    """``value`` as ``json.dumps(..., ensure_ascii=False, indent=2)`` writes it ``level``
    containers deep.

    Written here for the values the contract holds (dicts with string keys, lists,
    strings, integers, None, booleans) because with ``indent`` the json module encodes
    in Python, a generator step per value: this takes two thirds of its time on the
    findings. Strings go through the json module's own escaping (in C), and anything
    else (a float, a key that is not a string) through ``json.dumps`` itself; a test
    checks the text is the same."""
    t = type(value)
    if t is str:
        return _string(value)
    if t is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if t is dict and all(type(k) is str for k in value):
        if not value:
            return "{}"
        deeper = level + 1
        inner = _NEWLINE[deeper] if deeper < len(_NEWLINE) else "\n" + "  " * deeper
        return ("{" + inner
                + ("," + inner).join([_string(k) + ": " + (_string(v) if type(v) is str else _dumps(v, deeper))
                                      for k, v in value.items()])
                + inner[:-2] + "}")
    if t is list:
        if not value:
            return "[]"
        deeper = level + 1
        inner = _NEWLINE[deeper] if deeper < len(_NEWLINE) else "\n" + "  " * deeper
        return "[" + inner + ("," + inner).join([_dumps(v, deeper) for v in value]) + inner[:-2] + "]"
    # (a newline inside a JSON string is written \\n: every newline is layout)
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


_NEWLINE = tuple("\n" + "  " * n for n in range(8))  # a new line and the indent of each level
_string = json.encoder.encode_basestring  # the json module's escaping with ensure_ascii=False
