"""Word (.docx): paragraphs and tables in document order, as one text view.

The view has the shape text extracted from Word already has (corpus report
002), so the normaliser and the table code treat .txt and .docx alike:

- a paragraph is one line, its runs' text joined exactly (a tab or a line
  break inside a paragraph becomes a space, one character for one), after
  the number Word shows for an automatically numbered paragraph (``一、``,
  ``（二）``, ``1.``: see :class:`_Numbering`);
- a table row is its cells, each on its own line starting with a tab; a
  cell's later paragraphs follow on lines without a tab; an empty cell is a
  line holding only a tab; a blank line ends the row. Merged cells are taken
  once (``row.cells`` repeats them; they are told apart by ``cell._tc``);
  a nested table's cells continue the cell that holds them, one line each.

Every line has a :class:`~linter.source.Segment` naming its place in Word's
terms: ``第 12 段`` (the 12th non-empty paragraph of the body, tables not
counted) or ``表 2 第 3 行第 4 列`` (tables numbered in document order,
nested ones included; the column is the grid column where the cell starts).

The file is untrusted: the ZIP container is checked before anything is
decompressed (sizes, ratio, member count) and XML with a DOCTYPE (entity
expansion) is refused. :func:`walk` is shared with the annotated-copy
formatter, which maps findings back to runs through the same walk.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from typing import Iterator

import attrs

from ..source import Segment, Source
from . import ReadError

MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one decompressed part
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all parts together
MAX_RATIO = 200  # decompressed / compressed, for parts over 1 MiB
MAX_MEMBERS = 5000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Inline containers whose runs are part of the paragraph's visible text.
_RUN_CONTAINERS = {f"{_W}{t}" for t in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "moveTo", "dir", "bdo")}
_BLOCK_CONTAINERS = {f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml")}


def _err(zh: str, en: str) -> ReadError:
    return ReadError("JX001", zh, en)


def check_container(data: bytes) -> None:
    """Refuse a .docx that is not a sane ZIP of XML parts, before parsing it."""
    if data.startswith(_OLE_MAGIC):
        raise _err(
            "该 .docx 文件是加密文档或旧版 Word（.doc）格式，无法读取；请取消密码保护并另存为 .docx",
            "this .docx is encrypted or an old Word (.doc) file; remove the password and save it as .docx",
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError) as exc:
        raise _err(f"不是有效的 .docx 文件（ZIP 结构损坏或文件不完整）：{exc}", f"not a valid .docx (broken or truncated ZIP): {exc}")
    if len(infos) > MAX_MEMBERS:
        raise _err(f".docx 内含部件过多（{len(infos)} 个），拒绝读取", f".docx has too many parts ({len(infos)}); refused")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise _err(
                f".docx 解压后过大（{info.filename} 为 {info.file_size} 字节），疑似压缩炸弹，拒绝读取",
                f".docx decompresses too large ({info.filename}: {info.file_size} bytes), a likely zip bomb; refused",
            )
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _err(
                f".docx 部件 {info.filename} 压缩比异常（{info.file_size}/{info.compress_size}），疑似压缩炸弹，拒绝读取",
                f".docx part {info.filename} has an abnormal compression ratio ({info.file_size}/{info.compress_size}); refused",
            )
    with zf:
        for info in infos:
            name = info.filename.lower()
            if not (name.endswith(".xml") or name.endswith(".rels")):
                continue
            try:
                with zf.open(info) as fh:
                    part = fh.read(MAX_MEMBER_BYTES + 1)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
                raise _err(f".docx 部件 {info.filename} 无法解压（文件损坏或不完整）：{exc}", f"cannot decompress .docx part {info.filename} (corrupt or truncated): {exc}")
            if len(part) > MAX_MEMBER_BYTES:
                raise _err(f".docx 部件 {info.filename} 解压后过大，拒绝读取", f".docx part {info.filename} decompresses too large; refused")
            head = part[:4096]
            if b"<!DOCTYPE" in part or b"<!ENTITY" in part or head.startswith((b"\xff\xfe", b"\xfe\xff")) and _utf16_doctype(part):
                raise _err(
                    f".docx 部件 {info.filename} 含 DTD/实体声明（Word 不会写出，可能是实体膨胀攻击），拒绝读取",
                    f".docx part {info.filename} declares a DTD or entities (Word never writes one; possible entity expansion); refused",
                )


def _utf16_doctype(part: bytes) -> bool:
    try:
        text = part.decode("utf-16")
    except UnicodeDecodeError:
        return True
    return "<!DOCTYPE" in text or "<!ENTITY" in text


def open_document(data: bytes):
    """A python-docx Document from untrusted bytes, or a :class:`ReadError`."""
    check_container(data)
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except PackageNotFoundError as exc:
        raise _err(f"不是有效的 .docx 文件：{exc}", f"not a valid .docx file: {exc}")
    except KeyError as exc:
        raise _err(f"不是有效的 .docx 文件：缺少必要部件 {exc}（文件不完整）", f"not a valid .docx: the part {exc} is missing (incomplete file)")
    except ValueError as exc:  # e.g. a .docm or another content type
        raise _err(f"不是 Word 文档：{exc}", f"not a Word document: {exc}")
    except Exception as exc:  # noqa: BLE001 - lxml syntax errors and the like: the file's problem
        raise _err(f".docx 文件无法解析（{type(exc).__name__}: {exc}）", f"cannot parse the .docx ({type(exc).__name__}: {exc})")


# --------------------------------------------------------------------------- walk


@attrs.frozen(eq=False)
class RunPiece:
    """One ``w:r`` of a paragraph: its element and where its text sits in the paragraph."""

    r: object  # lxml element (CT_R)
    start: int  # offset of the run's first character in the paragraph text
    text: str


@attrs.frozen(eq=False)
class ParaPiece:
    """A paragraph as it appears in the text view: ``start`` is the view offset of its first character."""

    start: int
    p: object  # lxml element (CT_P)
    runs: tuple[RunPiece, ...]
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@attrs.frozen
class Walk:
    text: str
    segments: tuple[Segment, ...]
    paragraphs: tuple[ParaPiece, ...]


def _runs(p) -> Iterator[object]:
    for child in p:
        tag = child.tag
        if tag == f"{_W}r":
            yield child
        elif tag in _RUN_CONTAINERS:
            yield from _runs(child)


def _blocks(container) -> Iterator[object]:
    for child in container:
        tag = child.tag
        if tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif tag in _BLOCK_CONTAINERS:
            yield from _blocks(child)


def _run_text(r) -> str:
    # the run's own text (w:t, w:tab, w:br, w:cr …) exactly as python-docx gives it
    return r.text or ""


# --------------------------------------------------------------------------- list numbering

_CN_DIGITS = "〇一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(n: int) -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")
    return "".join(_CN_DIGITS[int(d)] for d in str(n))


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word: a … z, aa … zz, aaa …
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One list number in Word's ``w:numFmt``."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographLegalTraditional", "japaneseCounting"):
        return _chinese(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class _Numbering:
    """Word's automatic list numbers (``w:numPr``), counted in document order.

    Numbers are not in the runs' text, but a reader sees them (``一、``,
    ``（二）``, ``1.``): they are put at the head of the paragraph's line.
    Counters are kept per abstract list, deeper levels restart when a level
    is used, a ``w:startOverride`` restarts its list. Bullets give nothing.
    """

    def __init__(self, document) -> None:
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.levels: dict[tuple[str, int], dict] = {}  # (abstractNumId, ilvl) -> level
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_based: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part
            root = None
        if root is not None:
            for an in root.findall(f"{_W}abstractNum"):
                aid = an.get(f"{_W}abstractNumId")
                for lvl in an.findall(f"{_W}lvl"):
                    ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                    self.levels[(aid, ilvl)] = {
                        "start": int(_val(lvl, "start") or 1),
                        "fmt": _val(lvl, "numFmt") or "decimal",
                        "text": _val(lvl, "lvlText"),
                        "suff": _val(lvl, "suff") or "tab",
                        "legal": lvl.find(f"{_W}isLgl") is not None,
                    }
            for num in root.findall(f"{_W}num"):
                overrides = {}
                for ov in num.findall(f"{_W}lvlOverride"):
                    start = _val(ov, "startOverride")
                    if start is not None:
                        overrides[int(ov.get(f"{_W}ilvl", "0"))] = int(start)
                self.nums[num.get(f"{_W}numId")] = (_val(num, "abstractNumId") or "", overrides)
        try:
            styles = document.styles.element
        except Exception:  # noqa: BLE001
            styles = None
        if styles is not None:
            for st in styles.findall(f"{_W}style"):
                sid = st.get(f"{_W}styleId")
                based = _val(st, "basedOn")
                if based:
                    self.style_based[sid] = based
                numpr = st.find(f"{_W}pPr/{_W}numPr")
                if numpr is not None:
                    self.style_num[sid] = (_val(numpr, "numId"), _int(_val(numpr, "ilvl")))

    def _numpr(self, p) -> tuple[str | None, int]:
        numpr = p.find(f"{_W}pPr/{_W}numPr")
        num_id, ilvl = (None, None)
        if numpr is not None:
            num_id, ilvl = _val(numpr, "numId"), _int(_val(numpr, "ilvl"))
        style = _val(p.find(f"{_W}pPr"), "pStyle") if p.find(f"{_W}pPr") is not None else None
        hops = 0
        while (num_id is None or ilvl is None) and style and hops < 20:
            s_num, s_lvl = self.style_num.get(style, (None, None))
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_lvl
            style = self.style_based.get(style)
            hops += 1
        return num_id, ilvl or 0

    def label(self, p) -> str:
        """The number Word shows before paragraph ``p`` (advancing the counters), or ``""``."""
        if not self.nums:
            return ""
        num_id, ilvl = self._numpr(p)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        aid, overrides = self.nums[num_id]
        level = self.levels.get((aid, ilvl))
        if level is None or level["text"] is None:
            return ""
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in overrides.items():
                counters[lv] = start - 1
                for deeper in [k for k in counters if k > lv]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, level["start"] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level["fmt"] == "bullet":
            return ""

        def repl(m: "re.Match[str]") -> str:
            k = int(m.group(1)) - 1
            lv = self.levels.get((aid, k), {"start": 1, "fmt": "decimal"})
            n = counters.get(k, lv["start"])
            return format_number(n, "decimal" if level["legal"] and k != ilvl else lv["fmt"])

        import re

        text = re.sub(r"%([1-9])", repl, level["text"])
        if not text.strip():
            return ""
        return text + {"tab": " ", "space": " "}.get(level["suff"], "")


def _val(el, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(f"{_W}{tag}")
    return child.get(f"{_W}val") if child is not None else None


def _int(v: str | None) -> int | None:
    try:
        return int(v) if v is not None else None
    except ValueError:
        return None


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.segments: list[Segment] = []
        self.paragraphs: list[ParaPiece] = []
        self.para_no = 0
        self.table_no = 0

    def line(self, prefix: str, p, label: tuple[str, str], number: str = "") -> None:
        """Write one line: ``prefix``, the list ``number``, then paragraph ``p`` (nothing when None)."""
        start = self.pos
        self._put(prefix + number)
        if p is not None:
            runs, text = [], []
            offset = 0
            for r in _runs(p):
                t = _run_text(r)
                runs.append(RunPiece(r, offset, t))
                text.append(t)
                offset += len(t)
            flat = "".join(text).replace("\t", " ").replace("\n", " ").replace("\r", " ")
            self.paragraphs.append(ParaPiece(self.pos, p, tuple(runs), flat))
            self._put(flat)
        self.segments.append(Segment(start, self.pos, label[0], label[1]))
        self._put("\n")

    def blank(self) -> None:
        self._put("\n")

    def _put(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)


def _para_text(p) -> str:
    return "".join(_run_text(r) for r in _runs(p))


def _table_cells(tbl, parent) -> list[list[tuple[int, object]]]:
    """Rows of ``(grid column, w:tc)``, each merged cell once (the first place it occupies)."""
    from docx.table import Table

    table = Table(tbl, parent)
    seen: set[int] = set()
    rows = []
    for row in table.rows:
        out = []
        for col, cell in enumerate(row.cells):
            key = id(cell._tc)
            if key in seen:
                continue
            seen.add(key)
            out.append((col + 1, cell._tc))
        rows.append(out)
    return rows


def walk(document) -> Walk:
    """The text view, its segments and the paragraph map of a python-docx Document."""
    w = _Writer()
    body = document.element.body
    numbering = _Numbering(document)

    def cell_lines(tc, label, first: list[bool]) -> None:
        for block in _blocks(tc):
            if block.tag == f"{_W}p":
                number = numbering.label(block)
                if not _para_text(block).strip():
                    continue  # an empty paragraph: an empty cell is written by the caller
                w.line("\t" if first[0] else "", block, label, number)
                first[0] = False
            else:
                nested(block, first)

    def nested(tbl, first: list[bool]) -> None:
        w.table_no += 1
        t = w.table_no
        for r, row in enumerate(_table_cells(tbl, document), start=1):
            for col, tc in row:
                cell_lines(tc, (f"表 {t} 第 {r} 行第 {col} 列", f"table {t} row {r} column {col}"), first)

    for block in _blocks(body):
        if block.tag == f"{_W}p":
            text = _para_text(block)
            number = numbering.label(block)
            if text.strip():
                w.para_no += 1
                w.line("", block, (f"第 {w.para_no} 段", f"paragraph {w.para_no}"), number)
            else:
                w.line("", block, (f"第 {w.para_no} 段后", f"after paragraph {w.para_no}"))
            continue
        w.table_no += 1
        t = w.table_no
        for r, row in enumerate(_table_cells(block, document), start=1):
            if not row:
                continue
            for col, tc in row:
                label = (f"表 {t} 第 {r} 行第 {col} 列", f"table {t} row {r} column {col}")
                first = [True]
                cell_lines(tc, label, first)
                if first[0]:
                    w.line("\t", None, label)  # an empty cell keeps its column
            w.blank()
    return Walk("".join(w.parts), tuple(w.segments), tuple(w.paragraphs))


def read_docx(path: str, data: bytes, encoding: str | None = None) -> Source:
    document = open_document(data)
    try:
        view = walk(document)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a malformed part is the file's problem
        raise _err(f".docx 内容结构异常，无法读取（{type(exc).__name__}: {exc}）", f"malformed .docx content ({type(exc).__name__}: {exc})")
    if not view.text.strip():
        raise _err(".docx 文件中没有正文文字", "the .docx has no text")
    return Source(path=path, text=view.text, kind="docx", encoding="docx", segments=view.segments)
