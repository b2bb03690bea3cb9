"""Readers turn a file into a :class:`~linter.source.Source`.

A reader is chosen by the file's suffix. Each raises :class:`ReadError` with a
JX0xx code when the file cannot be read; the engine turns that into a finding
for that file alone, so the other files of a batch are still checked.
"""
from __future__ import annotations

import os
from typing import Callable

from ..source import Source


class ReadError(Exception):
    """A file that cannot be read. ``code`` is the JX0xx rule that reports it."""

    def __init__(self, code: str, zh: str, en: str):
        super().__init__(en)
        self.code = code
        self.zh = zh
        self.en = en


Reader = Callable[[str, bytes, "str | None"], Source]

_READERS: dict[str, str] = {
    ".txt": "linter.readers.text:read_text",
    ".md": "linter.readers.text:read_markdown",
    ".markdown": "linter.readers.text:read_markdown",
    ".docx": "linter.readers.docx:read_docx",
    ".pdf": "linter.readers.pdf:read_pdf",
}

MAX_BYTES = 200 * 1024 * 1024


def supported_suffixes() -> tuple[str, ...]:
    return tuple(_READERS)


def _load(target: str) -> Reader:
    import importlib

    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def read_bytes(path: str, data: bytes, encoding: str | None = None) -> Source:
    """Read ``data`` as the file ``path`` (the suffix chooses the reader)."""
    suffix = os.path.splitext(path)[1].lower()
    target = _READERS.get(suffix, _READERS[".txt"])
    try:
        reader = _load(target)
    except ImportError as exc:  # a reader whose optional dependency is missing
        raise ReadError(
            "JX001",
            f"无法读取 {suffix} 文件：缺少依赖（{exc}）",
            f"cannot read {suffix} files: missing dependency ({exc})",
        ) from exc
    return reader(path, data, encoding)


def read_path(path: str, encoding: str | None = None) -> Source:
    """Read the file at ``path``; every failure is a :class:`ReadError`."""
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise ReadError(
                "JX001",
                f"文件过大（{size} 字节，上限 {MAX_BYTES} 字节）",
                f"file too large ({size} bytes, limit {MAX_BYTES})",
            )
        with open(path, "rb") as fh:
            data = fh.read()
    except ReadError:
        raise
    except IsADirectoryError:
        raise ReadError("JX001", "这是一个目录，不是文件", "is a directory, not a file")
    except FileNotFoundError:
        raise ReadError("JX001", "文件不存在", "file not found")
    except PermissionError:
        raise ReadError("JX001", "没有读取该文件的权限", "permission denied")
    except OSError as exc:
        raise ReadError("JX001", f"无法读取文件：{exc.strerror or exc}", f"cannot read file: {exc.strerror or exc}")
    return read_bytes(path, data, encoding)
