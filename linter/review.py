"""``jixiao-lint review FILE… -o DIR``: everything a reviewer works from, in one go.

For each report: the annotated review sheet (``<name>.review.html``) and, for
a .docx, the annotated copy with the findings as Word comments
(``<name>.annotated.docx``). For the whole run: the findings workbook
(``<name>.findings.xlsx`` for one report, ``findings.xlsx`` for several).
Every file is written atomically (a temporary file in DIR, then a rename);
an input file is never written.
"""
from __future__ import annotations

import os
import sys
from typing import Sequence

from .engine import FileResult
from .fileio import write_atomically
from .formatters.docx import AnnotateError, annotate
from .formatters.html import render
from .formatters.xlsx import XlsxFormatter


def _unique(name: str, taken: set[str]) -> str:
    stem, ext = name, ""
    for suffix in (".review.html", ".annotated.docx", ".findings.xlsx"):
        if name.endswith(suffix):
            stem, ext = name[: -len(suffix)], suffix
    candidate, n = name, 2
    while candidate in taken:
        candidate = f"{stem}-{n}{ext}"
        n += 1
    taken.add(candidate)
    return candidate


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def write_review(results: Sequence[FileResult], outdir: str, lang: str = "zh") -> list[str]:
    """Write the review files for ``results`` into ``outdir``; the paths written, in order."""
    os.makedirs(outdir, exist_ok=True)
    inputs = [r.path for r in results]
    taken: set[str] = set()
    written: list[str] = []

    def put(name: str, data: str | bytes) -> None:
        target = os.path.join(outdir, _unique(name, taken))
        if any(os.path.exists(target) and _same_file(target, p) for p in inputs if p != "-"):
            raise OSError(f"refusing to overwrite the input {target}")
        write_atomically(target, data)
        written.append(target)

    for r in results:
        stem = "stdin" if r.path == "-" else os.path.splitext(os.path.basename(r.path))[0] or "report"
        put(f"{stem}.review.html", render([r], lang))
        if r.source is not None and r.source.kind == "docx" and r.path != "-":
            try:
                with open(r.path, "rb") as fh:
                    data = fh.read()
                copy = annotate(data, r, lang)
            except (OSError, AnnotateError) as exc:  # read from stdin, or changed since it was checked
                print(f"jixiao-lint: 未生成批注副本 / no annotated copy of {r.path}: {exc}", file=sys.stderr)
            else:
                put(f"{stem}.annotated.docx", copy)
    if len(results) == 1:
        only = results[0].path
        book = f"{'stdin' if only == '-' else os.path.splitext(os.path.basename(only))[0] or 'report'}.findings.xlsx"
    else:
        book = "findings.xlsx"
    put(book, XlsxFormatter(lang=lang).format(results))
    return written
