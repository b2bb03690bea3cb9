"""Formatters: each turns the results of a run into one output format.

A formatter is a class registered in the ``jixiao_lint.formatters`` entry-point
group with ``name``, ``binary`` (bytes rather than text) and
``format(results) -> str | bytes``; it may also give its output in pieces,
``chunks(results)``, which the command line writes as they come (the JSON formatter
does, one finding at a time). Positions are computed here, once, from the findings'
offsets.
"""
from __future__ import annotations

from typing import ClassVar, Iterable, Sequence

import attrs

from ..engine import FileResult
from ..rule import Finding
from ..source import Span


@attrs.frozen
class Place:
    line: int
    column: int
    end_line: int
    end_column: int
    locator: str


def place(result: FileResult, span: Span, lang: str = "zh") -> Place:
    src = result.source
    if src is None:
        return Place(1, 1, 1, 1, "文件" if lang == "zh" else "file")
    line, col = src.line_col(span.start)
    end_line, end_col = src.line_col(span.end)
    return Place(line, col, end_line, end_col, src.locator(span.start, lang))


def snippet(result: FileResult, span: Span) -> str:
    if result.source is None:
        return ""
    return result.source.text[span.start:span.end]


class FormatError(ValueError):
    """A formatter cannot produce its output for these inputs (a usage error, exit 2)."""


class Formatter:
    name: ClassVar[str]
    binary: ClassVar[bool] = False
    suffix: ClassVar[str] = ".txt"

    def __init__(self, lang: str = "zh", **options):
        self.lang = lang
        self.options = options

    def format(self, results: Sequence[FileResult]) -> str | bytes:  # pragma: no cover
        raise NotImplementedError

    def chunks(self, results: Sequence[FileResult]) -> Iterable[str | bytes]:
        """The output in pieces, for the command line to write as they come; they join
        into :meth:`format`. One piece unless a formatter can do better."""
        yield self.format(results)

    def message(self, finding: Finding) -> str:
        return finding.message(self.lang)


def summary(results: Sequence[FileResult]) -> dict[str, int]:
    out = {"files": len(results), "findings": 0, "errors": 0, "warnings": 0, "infos": 0}
    for r in results:
        for f in r.findings:
            out["findings"] += 1
            out[f.severity + "s"] += 1
    return out
