"""PDF through pdfplumber: text in line order, ruled tables as tables.

The view is what text extracted from a PDF looks like (corpus reports 000,
001, 004): one line per printed line, pages one after another, so the
normaliser joins sentences across line and page breaks and drops page-number
lines. A ruled table found by pdfplumber is written in the tab-flattened shape
of Word tables (a tab-led line per cell, a blank line after each row), and its
words are taken out of the running text.

Segments name the printed place: ``第 3 页第 14 行`` (text lines of the page,
tables not counted) or ``第 3 页表 1 第 2 行第 4 列``.

A PDF with no text layer (a scan), an encrypted or a broken PDF, or one whose
compressed streams inflate beyond the limits (measured before pdfminer
inflates them) is a :class:`ReadError` (JX001) with a message saying which.
"""
from __future__ import annotations

import contextlib
import io
import logging
import re
import zlib

from ..source import Segments, Source
from . import ReadError

MAX_PAGES = 2000
MAX_STREAM_BYTES = 256 * 1024 * 1024  # one decompressed stream
MAX_TOTAL_STREAM_BYTES = 1024 * 1024 * 1024  # all of them
_STREAM_RE = re.compile(rb"stream\r?\n")
# the labels of the two kinds of segment: a text line of a page, a table cell
_LINE, _CELL = 0, 1
_FORMS = (("第 {} 页第 {} 行", "page {} line {}"), ("第 {} 页表 {} 第 {} 行第 {} 列", "page {} table {} row {} column {}"))


def _err(zh: str, en: str) -> ReadError:
    return ReadError("JX001", zh, en)


def _is_encryption_error(exc: BaseException) -> bool:
    seen = 0
    while exc is not None and seen < 5:
        name = type(exc).__name__.lower()
        text = str(exc).lower()
        if "password" in name or "encrypt" in name or "password" in text or "encrypt" in text:
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def check_streams(data: bytes) -> None:
    """Refuse a PDF whose Flate streams decompress to more than the limits (a decompression bomb).

    pdfminer inflates every stream it reads in full; this measures each one
    first, in chunks, without keeping the output."""
    total = 0
    for m in _STREAM_RE.finditer(data):
        d = zlib.decompressobj()
        size = 0
        pos = m.end()
        try:
            while pos < len(data) and not d.eof:
                chunk = data[pos:pos + 65536]
                pos += len(chunk)
                buf = d.decompress(chunk, 1 << 20)
                size += len(buf)
                while d.unconsumed_tail and size <= MAX_STREAM_BYTES:
                    buf = d.decompress(d.unconsumed_tail, 1 << 20)
                    size += len(buf)
                if size > MAX_STREAM_BYTES:
                    break
        except zlib.error:
            pass  # not a Flate stream (or one pdfminer will reject on its own)
        total += size
        if size > MAX_STREAM_BYTES or total > MAX_TOTAL_STREAM_BYTES:
            raise _err(
                f"PDF 中的数据流解压后过大（超过 {MAX_STREAM_BYTES // (1024 * 1024)} MB），疑似压缩炸弹，拒绝读取",
                f"a PDF stream decompresses too large (over {MAX_STREAM_BYTES // (1024 * 1024)} MB), a likely decompression bomb; refused",
            )


def _open(data: bytes):
    if not data.lstrip()[:5].startswith(b"%PDF"):
        if b"%PDF" not in data[:1024]:
            raise _err("不是 PDF 文件（缺少 %PDF 文件头）", "not a PDF file (no %PDF header)")
    check_streams(data)
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages  # parses the page tree: fails here for broken files
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds; all are the file's problem
        if _is_encryption_error(exc):
            raise _err(
                "PDF 文件已加密（需要密码），无法读取；请提供未加密的 PDF 或原始 Word 文件",
                "the PDF is encrypted (password required); provide an unencrypted PDF or the Word file",
            )
        raise _err(
            f"PDF 文件损坏或不完整，无法读取（{type(exc).__name__}: {exc}）",
            f"the PDF is corrupt or truncated ({type(exc).__name__}: {exc})",
        )
    if len(pages) > MAX_PAGES:
        pdf.close()
        raise _err(f"PDF 页数过多（{len(pages)} 页，上限 {MAX_PAGES}）", f"too many pages ({len(pages)}, limit {MAX_PAGES})")
    return pdf


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


@contextlib.contextmanager
def _quiet():
    """pdfminer logs every oddity of a damaged file as a warning; the finding says enough."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_pdf(path: str, data: bytes, encoding: str | None = None) -> Source:
    with _quiet():
        return _read_pdf(path, data)


def _read_pdf(path: str, data: bytes) -> Source:
    pdf = _open(data)
    parts: list[str] = []
    segments = Segments(_FORMS)
    pos = 0
    chars_total = 0
    images = 0

    def put(s: str) -> None:
        nonlocal pos
        parts.append(s)
        pos += len(s)

    try:
        with pdf:
            for pno, page in enumerate(pdf.pages, start=1):
                try:
                    chars_total += len(page.chars)
                    images += len(page.images)
                    if not page.chars:
                        continue
                    tables = page.find_tables()
                    boxes = [t.bbox for t in tables]
                    text_page = page.filter(lambda o: not (o.get("object_type") == "char" and _inside(o, boxes))) if boxes else page
                    items: list[tuple[float, int, object]] = []
                    for line in text_page.extract_text_lines(return_chars=False):
                        if line["text"].strip():
                            items.append((line["top"], 0, line["text"]))
                    for t in tables:
                        items.append((t.bbox[1], 1, t))
                    items.sort(key=lambda it: (it[0], it[1]))
                    line_no = 0
                    table_no = 0
                    for _, kind, item in items:
                        if kind == 0:
                            line_no += 1
                            start = pos
                            put(item.replace("\t", " "))
                            segments.add(start, pos, _LINE, pno, line_no)
                            put("\n")
                            continue
                        table_no += 1
                        for r, row in enumerate(item.extract(), start=1):
                            wrote = False
                            for c, cell in enumerate(row, start=1):
                                if cell is None:
                                    continue  # a merged cell, taken once where it starts
                                lines = [s.replace("\t", " ") for s in cell.split("\n") if s.strip()] or [""]
                                for k, s in enumerate(lines):
                                    start = pos
                                    put(("\t" if k == 0 else "") + s)
                                    segments.add(start, pos, _CELL, pno, table_no, r, c)
                                    put("\n")
                                wrote = True
                            if wrote:
                                put("\n")
                finally:
                    # the page's parsed objects (a dict of some 20 fields a character) go
                    # now, not with the whole file: peak memory is one page's, not all
                    page.close()
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001
        if _is_encryption_error(exc):
            raise _err("PDF 文件已加密，无法读取", "the PDF is encrypted")
        raise _err(
            f"PDF 内容无法解析（文件损坏或不完整：{type(exc).__name__}: {exc}）",
            f"cannot parse the PDF content (corrupt or truncated: {type(exc).__name__}: {exc})",
        )
    if chars_total == 0:
        if images:
            raise _err(
                "PDF 没有文字层（可能是扫描件，页面只有图像），无法检查；请提供可复制文字的 PDF 或原始 Word 文件",
                "the PDF has no text layer (probably a scan: its pages are images); provide a PDF with text or the Word file",
            )
        raise _err("PDF 中没有文字，无法检查", "the PDF contains no text")
    text = "".join(parts)
    if garbled(text):
        raise _err(
            "PDF 的文字层无法还原为文字（字体缺少 Unicode 映射，提取出的是 (cid:nn) 乱码），无法检查；请提供原始 Word 文件",
            "the PDF's text layer cannot be turned back into text (fonts without a Unicode map give (cid:nn)); provide the Word file",
        )
    return Source(path=path, text=text, kind="pdf", encoding="pdf", segments=segments)


_CID_RE = re.compile(r"\(cid:\d+\)")


def garbled(text: str) -> bool:
    """Most of the text is pdfminer's ``(cid:nn)`` for glyphs it cannot map to characters."""
    cids = _CID_RE.findall(text)
    if len(cids) < 20:
        return False
    return sum(map(len, cids)) > 0.3 * len(text.replace("\n", ""))
