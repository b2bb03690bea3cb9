"""``--format docx``: an annotated copy of a .docx input, findings as Word comments.

Each finding becomes a comment (author ``jixiao-lint``) anchored on exactly
the characters it is about: the original file is read again, walked the same
way the reader walked it (:func:`linter.readers.docx.walk`), and where a
finding starts or ends inside a run the run is split in two (the ``w:r`` is
copied and its text shared between the copies, formatting kept). Nothing else
changes: the copy's text is the original's, apart from the comments. The
original is never written; the CLI and ``review`` write the copy atomically.

Needs exactly one .docx among the inputs (``review`` calls it per file).
"""
from __future__ import annotations

import copy
import io
from typing import Sequence

from ..engine import FileResult
from ..readers.docx import ParaPiece, _run_text, _runs, open_document, walk
from . import FormatError, Formatter, place
from ._labels import severity_name

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class AnnotateError(FormatError):
    """The inputs cannot give an annotated copy (not one .docx, or it changed)."""


def _child_len(el) -> int:
    tag = el.tag
    if tag == f"{_W}t":
        return len(el.text or "")
    if tag in (f"{_W}tab", f"{_W}ptab", f"{_W}cr", f"{_W}noBreakHyphen"):
        return 1
    if tag == f"{_W}br":
        return len(str(el))
    return 0


def split_run(r, k: int):
    """Split run ``r`` after its first ``k`` characters; returns the new second run."""
    r2 = copy.deepcopy(r)
    r.addnext(r2)
    for run, is_first in ((r, True), (r2, False)):
        pos = 0
        for child in list(run):
            if child.tag == f"{_W}rPr":
                continue
            n = _child_len(child)
            lo, hi = pos, pos + n
            pos = hi
            if n and lo < k < hi:  # a w:t straddling k: share its text
                child.text = child.text[: k - lo] if is_first else child.text[k - lo:]
                child.set(_XML_SPACE, "preserve")
                continue
            belongs_first = lo < k if n == 0 else hi <= k
            if belongs_first != is_first:
                run.remove(child)
    return r2


def _runs_of(p) -> list[tuple[object, int, str]]:
    out, pos = [], 0
    for r in _runs(p):
        t = _run_text(r)
        out.append((r, pos, t))
        pos += len(t)
    return out


def _boundary(p, k: int) -> None:
    """Make sure a run boundary sits at character ``k`` of paragraph ``p``."""
    for r, start, text in _runs_of(p):
        if start < k < start + len(text):
            split_run(r, k - start)
            return


def _locate(pieces: Sequence[ParaPiece], offset: int, forward: bool) -> tuple[ParaPiece, int] | None:
    """The paragraph holding view ``offset`` and the offset within it."""
    for piece in pieces:
        if piece.text and piece.start <= offset <= piece.end:
            if forward and offset == piece.end:
                continue
            if not forward and offset == piece.start:
                continue
            return piece, offset - piece.start
    if forward:
        for piece in pieces:
            if piece.text and piece.start > offset:
                return piece, 0
    else:
        for piece in reversed(pieces):
            if piece.text and piece.end < offset:
                return piece, len(piece.text)
    return None


def comment_text(r: FileResult, f, lang: str) -> str:
    zh = lang != "en"
    lines = [f"{f.code} {f.name}（{severity_name(f.severity, lang)}）" if zh else f"{f.code} {f.name} ({f.severity})", f.message(lang)]
    for rel in f.related:
        pl = place(r, rel.span, lang)
        lines.append(("相关 " if zh else "related ") + pl.locator + ("：" if zh else ": ") + rel.message(lang))
    if f.suggestion:
        lines.append(("建议：" if zh else "suggestion: ") + f.suggestion)
    return "\n".join(lines)


def annotate(data: bytes, result: FileResult, lang: str = "zh") -> bytes:
    """The bytes of an annotated copy of the .docx ``data`` checked as ``result``."""
    document = open_document(data)
    view = walk(document)
    if result.source is not None and view.text != result.source.text:
        raise AnnotateError(f"{result.path} changed since it was checked")
    pieces = view.paragraphs
    for f in result.findings:
        start, end = f.span.start, f.span.end
        if end <= start:
            end = start + 1
        a = _locate(pieces, start, forward=True)
        b = _locate(pieces, end, forward=False)
        if a is None or b is None:
            a = b = next(((p, 0) for p in pieces if p.text), None)
            if a is None:
                continue
            b = (a[0], len(a[0].text))
        (pa, ka), (pb, kb) = a, b
        if pb.start < pa.start or (pb is pa and kb <= ka):
            pb, kb = pa, min(len(pa.text), ka + 1)
        _boundary(pa.p, ka)
        _boundary(pb.p, kb)
        first = next((r for r, s, t in _runs_of(pa.p) if s == ka and t), None)
        last = next((r for r, s, t in _runs_of(pb.p) if s + len(t) == kb and t), None)
        if first is None or last is None:
            continue
        from docx.text.paragraph import Paragraph
        from docx.text.run import Run

        runs = [Run(first, Paragraph(pa.p, document._body)), Run(last, Paragraph(pb.p, document._body))]
        document.add_comment(runs, text=comment_text(result, f, lang), author="jixiao-lint", initials="JX")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class DocxFormatter(Formatter):
    name = "docx"
    binary = True
    suffix = ".docx"

    def format(self, results: Sequence[FileResult]) -> bytes:
        docx_results = [r for r in results if r.source is not None and r.source.kind == "docx"]
        if len(docx_results) != 1:
            raise AnnotateError(
                f"--format docx 需要恰好一个可读的 .docx 输入（现有 {len(docx_results)} 个）；多个文件请用 review 命令"
                f" / --format docx needs exactly one readable .docx input (got {len(docx_results)}); use `review` for several"
            )
        r = docx_results[0]
        try:
            with open(r.path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise AnnotateError(f"无法再次读取 {r.path}，不能生成批注副本 / cannot read {r.path} again to annotate it: {exc}") from exc
        return annotate(data, r, self.lang)
