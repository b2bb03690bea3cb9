"""Plain text and Markdown: decode, keep every character where it was."""
from __future__ import annotations

import codecs

from ..source import Source
from . import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: Chinese text in UTF-16 has NUL in many even or odd bytes
    of ASCII characters (digits, spaces, newlines)."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None  # (no NUL at all: nothing to count, and no half-size copies of the file)
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    if odd > half * 0.2 and even == 0:
        return "utf-16-le"
    if even > half * 0.2 and odd == 0:
        return "utf-16-be"
    return None


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data``: BOM, then strict UTF-8, then strict GB18030, then ``encoding``.

    Returns ``(text, encoding_name)``; raises :class:`ReadError` (JX002) when no
    encoding fits and (JX001) for binary data.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise ReadError("JX002", f"无法按指定编码 {encoding} 解码：{exc}", f"cannot decode as {encoding}: {exc}")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "") + " BOM"
            except UnicodeDecodeError as exc:
                raise ReadError("JX002", f"带 BOM 的文件无法解码：{exc}", f"cannot decode file with BOM: {exc}")
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise ReadError("JX001", "文件是二进制数据，不是文本报告", "file is binary data, not a text report")
    for name in ("utf-8", "gb18030"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise ReadError(
        "JX002",
        "无法识别文件编码（已尝试 UTF-8、GB18030），请用 --encoding 指定",
        "cannot detect the encoding (tried UTF-8, GB18030); use --encoding",
    )


def read_text(path: str, data: bytes, encoding: str | None = None) -> Source:
    text, enc = decode(data, encoding)
    return Source(path=path, text=text, kind="text", encoding=enc)


def read_markdown(path: str, data: bytes, encoding: str | None = None) -> Source:
    text, enc = decode(data, encoding)
    return Source(path=path, text=text, kind="markdown", encoding=enc)
