"""The ``jixiao-lint`` command.

Exit status: 0 nothing found, 1 findings, 2 a usage error or a file that could
not be read (the other files are still checked and reported).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile

from . import __version__
from .config import Config
from .engine import check_paths
from .registry import RegistryError, all_formatters


def _csv(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(",") if s.strip())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jixiao-lint",
        description="绩效自评报告一致性检查 — consistency audit for budget-performance reports",
    )
    parser.add_argument("--version", action="version", version=f"jixiao-lint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="检查报告 / check reports")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    check.add_argument("--format", default="text", help="output format: " + ", ".join(_formatter_names()))
    check.add_argument("--output", "-o", metavar="FILE", help="write the output to FILE instead of stdout")
    check.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default zh)")
    check.add_argument("--select", type=_csv, default=(), help="rules to run: codes, prefixes, names, categories")
    check.add_argument("--ignore", type=_csv, default=(), help="rules to skip")
    check.add_argument("--encoding", default=None, help="encoding of text input when it cannot be detected")
    check.add_argument("--year", type=int, default=None, help="the evaluated year when it cannot be detected")
    return parser


def _formatter_names() -> list[str]:
    try:
        return list(all_formatters())
    except RegistryError:
        return ["text", "json"]


def write_atomically(path: str, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".jixiao-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return _check(args, parser)
    except RegistryError as exc:
        print(f"jixiao-lint: 插件错误 / plugin error: {exc}", file=sys.stderr)
        return 2


def _check(args, parser) -> int:
    formatters = all_formatters()
    if args.format not in formatters:
        parser.error(f"unknown format {args.format!r}; choose from {', '.join(formatters)}")
    config = Config(
        select=args.select,
        ignore=args.ignore,
        lang=args.lang or "zh",
        year=args.year,
        encoding=args.encoding,
    )
    results = check_paths(args.paths, config)
    formatter = formatters[args.format](lang=config.lang)
    output = formatter.format(results)
    if args.output:
        write_atomically(args.output, output)
    elif isinstance(output, bytes):
        sys.stdout.buffer.write(output)
    else:
        sys.stdout.write(output)
        sys.stdout.flush()
    if any(r.unreadable for r in results):
        return 2
    return 1 if any(r.findings for r in results) else 0
