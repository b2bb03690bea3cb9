"""The ``jixiao-lint`` command.

Exit status: 0 nothing found, 1 findings, 2 a usage error or a file that could
not be read (the other files are still checked and reported).

Subcommands: ``check`` (the linter), ``rules`` (the rule table), ``explain``
(one rule's documentation). Each subparser sets ``func``; a new subcommand
adds its parser in :func:`build_parser` and a ``func(args, parser) -> int``.
"""
from __future__ import annotations

import argparse
import gc
import glob
import itertools
import os
import sys
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .config import Config
    from .configfile import Resolver
    from .engine import FileResult

# The engine, the grammar, the rules and the config machinery are imported by the
# functions that use them, so ``--version`` and ``--help`` start at once.

# A batch at least this large shows a progress bar (when stderr is a terminal).
PROGRESS_MIN_FILES = 8


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
    check.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or globs; - reads stdin")
    check.add_argument("--format", default="text", help="output format: " + ", ".join(_formatter_names()))
    check.add_argument("--output", "-o", metavar="FILE", help="write the output to FILE instead of stdout")
    add_config_options(check)
    check.add_argument("--baseline", metavar="FILE", help="keep the findings recorded in FILE out of the output and exit status")
    check.add_argument("--write-baseline", metavar="FILE", help="record every finding in FILE (then exit 0)")
    check.add_argument("--show-suppressed", action="store_true", help="also list the findings the baseline suppresses")
    check.add_argument("--statistics", action="store_true", help="print counts per rule instead of the findings")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when something is found")
    check.add_argument("--quiet", "-q", action="count", default=0, help="-q: one line per finding, nothing else; -qq: nothing")
    check.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (0: one per CPU)")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name of the report read from stdin (-)")
    check.add_argument("--show-config", action="store_true", help="print the config file and settings each file would be checked with")
    check.set_defaults(func=_check)

    rules = sub.add_parser("rules", help="列出规则 / list the rules")
    rules.add_argument("--format", choices=("table", "json"), default="table")
    rules.add_argument("--lang", choices=("zh", "en"), default="zh")
    rules.set_defaults(func=_rules)

    explain = sub.add_parser("explain", help="规则说明 / explain a rule")
    explain.add_argument("rule", metavar="RULE", help="a rule code or name, e.g. JX101")
    explain.add_argument("--lang", choices=("zh", "en"), default="zh")
    explain.set_defaults(func=_explain)

    review = sub.add_parser("review", help="生成审阅单、问题清单和批注副本 / write the review sheet, workbook and annotated copies")
    review.add_argument("paths", nargs="+", metavar="FILE", help="reports (files, directories or globs)")
    review.add_argument("--output-dir", "-o", dest="outdir", required=True, metavar="DIR", help="directory to write into")
    add_config_options(review)
    review.set_defaults(func=_review)
    return parser


def add_config_options(p: argparse.ArgumentParser) -> None:
    """The options that choose rules and settings (shared by the commands that check)."""
    p.add_argument("--config", metavar="FILE", help="a jixiao-lint.toml or pyproject.toml laid over the one found")
    p.add_argument("--isolated", action="store_true", help="ignore config files found next to the reports")
    p.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default zh)")
    p.add_argument("--select", type=_csv, default=None, help="rules to run: codes, prefixes, names, categories")
    p.add_argument("--extend-select", type=_csv, default=None, help="rules to run besides the selected ones")
    p.add_argument("--ignore", type=_csv, default=None, help="rules to skip")
    p.add_argument("--encoding", default=None, help="encoding of text input when it cannot be detected")
    p.add_argument("--year", type=int, default=None, help="the evaluated year when it cannot be detected")


def _formatter_names() -> list[str]:
    from .registry import formatter_names

    return formatter_names() or ["text", "json"]


def main(argv: list[str] | None = None) -> int:
    if (sys.argv[1:] if argv is None else list(argv)) == ["--version"]:
        # what argparse's version action prints, without building the parser (which
        # lists the formatters through the entry points)
        sys.stdout.write(f"jixiao-lint {__version__}\n")
        sys.exit(0)
    _start_up()
    try:
        return _main(argv)
    finally:
        _started()
        if _startup.pop().froze and argv is not None:
            gc.unfreeze()


# Starting up — importing the engine, the rules and their patterns, building the grammar —
# makes some 40,000 objects the cyclic garbage collector tracks, nearly all of which stay
# (modules, classes, functions, compiled patterns, the grammar's tables), and the collector,
# set off by the allocations, walks them again and again for nothing: 10-20 ms of the CPU
# time of checking one report on this machine. So for ``check`` it is off from the start
# of main() until the first file has been checked (the engine keeps it off while it checks
# any file), and then back as it was, with what start-up made frozen (gc.freeze: left out
# of every collection) until main() returns — else the first collection after would walk
# them all at once, as they are still in the youngest generation. Run as the program (no
# ``argv``: the console script, ``python -m linter``), they stay frozen to the end: the
# collection the interpreter makes as it exits then leaves them to the operating system
# instead of tearing down every module object by object (30-40 ms).
class _StartUp:
    """One main() running: whether the collector was on when it began, whether it froze what
    start-up made, whether it is still starting up."""

    __slots__ = ("was_on", "froze", "starting")

    def __init__(self) -> None:
        self.was_on, self.froze, self.starting = gc.isenabled(), False, True


_startup: list[_StartUp] = []  # one per main() running, the innermost last


def _start_up() -> None:
    _startup.append(_StartUp())
    gc.disable()


def _started() -> None:
    """Start-up is over (see above; later calls do nothing)."""
    if not _startup or not _startup[-1].starting:
        return
    state = _startup[-1]
    state.starting = False
    if gc.get_freeze_count() == 0:  # (main() unfreezes only what it froze itself)
        gc.freeze()
        state.froze = True
    if state.was_on:
        gc.enable()


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is not _check:
        _started()  # (only a check's start-up is held so)
    if args.command is None:
        parser.print_help()
        return 2
    from .configfile import ConfigError
    from .formatters import FormatError
    from .registry import RegistryError

    try:
        return args.func(args, parser)
    except RegistryError as exc:
        print(f"jixiao-lint: 插件错误 / plugin error: {exc}", file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"jixiao-lint: 配置错误 / config error: {exc}", file=sys.stderr)
        return 2
    except FormatError as exc:
        print(f"jixiao-lint: {exc}", file=sys.stderr)
        return 2


# ---------------------------------------------------------------- check


def resolver(args) -> Resolver:
    """The per-file configuration: config files, --config, then the command line."""
    from .configfile import Resolver, parse_settings

    given = {
        "select": args.select,
        "extend-select": args.extend_select,
        "ignore": args.ignore,
        "lang": args.lang,
        "year": args.year,
        "encoding": args.encoding,
    }
    overrides = parse_settings({k: v for k, v in given.items() if v is not None}, "command line", os.getcwd())
    return Resolver(args.config, overrides, discover=not args.isolated)


def _has_magic(p: str) -> bool:
    return any(c in p for c in "*?[")


def expand(paths: list[str]) -> list[str]:
    """Files, directories (walked) and globs, in a stable order; ``-`` is kept."""
    from .engine import expand_paths

    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
        elif _has_magic(p) and not os.path.exists(p):
            matched = sorted(glob.glob(p, recursive=True))
            out.extend(expand_paths(matched) if matched else [p])
        else:
            out.extend(expand_paths([p]))
    seen: set[str] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def _work(task: tuple[str, Config]) -> FileResult:
    from .engine import check_file

    path, config = task
    return check_file(path, config)


def collect(args, parser=None) -> tuple[list[FileResult], str]:
    """Check what ``args`` names; the results (in input order) and the output language."""
    from .configfile import ConfigError
    from .engine import check_bytes, check_file

    res = resolver(args)
    paths = expand(args.paths)
    if paths.count("-") > 1:
        raise ConfigError("标准输入只能读取一次 / - (stdin) can be given only once")
    stdin_name = getattr(args, "stdin_filename", None) or "-"
    configs = [res.for_path(stdin_name if p == "-" else p) for p in paths]
    lang = getattr(args, "lang", None) or (configs[0].lang if configs else res.for_path(".").lang)
    jobs = getattr(args, "jobs", 1)
    jobs = (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)
    results: list[FileResult | None] = [None] * len(paths)
    todo = [(i, p, c) for i, (p, c) in enumerate(zip(paths, configs))]
    for i, p, c in todo:
        if p == "-":
            results[i] = check_bytes(sys.stdin.buffer.read(), stdin_name, c)
    todo = [t for t in todo if results[t[0]] is None]
    progress = _Progress(len(todo)) if sys.stderr.isatty() and len(todo) >= PROGRESS_MIN_FILES and not getattr(args, "quiet", 0) else None
    if jobs > 1 and len(todo) > 1:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        _started()  # (each worker starts up with the collector as it was)

        with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
            futures = {pool.submit(_work, (p, c)): i for i, p, c in todo}
            for fut in as_completed(futures):
                results[futures[fut]] = fut.result()
                if progress:
                    progress.step()
    else:
        for i, p, c in todo:
            results[i] = check_file(p, c)
            _started()
            if progress:
                progress.step()
    if progress:
        progress.done()
    return [r for r in results if r is not None], lang


class _Progress:
    """A one-line progress bar on stderr."""

    def __init__(self, total: int):
        self.total, self.n = total, 0

    def step(self) -> None:
        self.n += 1
        width = 30
        full = width * self.n // self.total
        sys.stderr.write(f"\r[{'#' * full}{'.' * (width - full)}] {self.n}/{self.total}")
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\r" + " " * 50 + "\r")
        sys.stderr.flush()


def _check(args, parser) -> int:
    from .fileio import write_atomically
    from .registry import formatter_names, get_formatter

    names = formatter_names()
    if args.format not in names:
        parser.error(f"unknown format {args.format!r}; choose from {', '.join(names)}")
    formatter_cls = get_formatter(args.format)
    if args.stdin_filename and "-" not in args.paths:
        parser.error("--stdin-filename needs - among the paths")
    if args.show_config:
        return _show_config(args)
    from . import baseline as bl

    try:
        known = bl.load(args.baseline) if args.baseline else None
    except bl.BaselineError as exc:
        print(f"jixiao-lint: {exc}", file=sys.stderr)
        return 2
    if getattr(formatter_cls, "binary", False) and not args.output and sys.stdout.isatty():
        parser.error(f"--format {args.format} writes a binary file: give --output FILE")
    results, lang = collect(args, parser)
    if args.write_baseline:
        write_atomically(args.write_baseline, bl.dumps(results, args.write_baseline))
        n = sum(len(r.findings) for r in results)
        if args.quiet < 2:
            print(f"已将 {n} 个问题写入基线 / wrote {n} finding(s) to {args.write_baseline}", file=sys.stderr)
        return 2 if any(r.unreadable for r in results) else 0
    if known is not None:
        results = known.apply(results)

    if args.statistics:
        output: str | bytes = statistics(results, args.format)
    elif args.quiet >= 2:
        output = ""
    elif args.quiet and args.format == "text":
        output = concise(results, lang)
    elif args.show_suppressed:
        output = formatter_cls(lang=lang).format(results)
    else:
        # in pieces, written as they come: the output of a large report in one string
        # would be the largest thing the tool holds
        output = formatter_cls(lang=lang).chunks(results)
    if args.show_suppressed and not args.statistics:
        output = _with_suppressed(output, results, args.format, lang)
    elif known is not None and args.format == "text" and not args.quiet and not args.statistics:
        n = sum(len(r.suppressed) for r in results)
        if n:
            output = itertools.chain(
                [output] if isinstance(output, str) else output,
                [f"基线已忽略 {n} 个已知问题（--show-suppressed 列出）。\n" if lang == "zh"
                 else f"{n} known finding(s) suppressed by the baseline (--show-suppressed lists them).\n"])
    if args.output:
        write_atomically(args.output, output)
    else:
        for piece in (output,) if isinstance(output, (str, bytes)) else output:
            if isinstance(piece, bytes):
                sys.stdout.buffer.write(piece)
            else:
                sys.stdout.write(piece)
        sys.stdout.flush()
    if any(r.unreadable for r in results):
        return 2
    if args.exit_zero:
        return 0
    return 1 if any(r.findings for r in results) else 0


def _show_config(args) -> int:
    """``--show-config``: for each file, the config file found and the settings that result."""
    import json

    res = resolver(args)
    stdin_name = args.stdin_filename or "-"
    for p in expand(args.paths):
        name = stdin_name if p == "-" else p
        cfg = res.for_path(name)
        settings = {
            "select": list(cfg.select), "extend-select": list(cfg.extend_select), "ignore": list(cfg.ignore),
            "severity": dict(cfg.severity), "per-file-ignores": {g: list(s) for g, s in cfg.per_file_ignores},
            "grade-bands": {g: str(b) for g, b in cfg.grade_bands}, "year": cfg.year, "lang": cfg.lang,
            "rounding": cfg.rounding, "synonyms": {k: list(v) for k, v in cfg.synonyms}, "encoding": cfg.encoding,
        }
        found = res.config_file(name)
        print(f"{name}: {found or '（未找到配置文件 / no config file）'}")
        print(json.dumps(settings, ensure_ascii=False, indent=2))
    return 0


def concise(results, lang: str, suppressed: bool = False) -> str:
    """One line per finding: ``path:line:col: CODE [severity] message``."""
    from .formatters import place

    lines = []
    for r in results:
        for f in (r.suppressed if suppressed else r.findings):
            pl = place(r, f.span, lang)
            tag = f"{f.severity}, {'已忽略' if lang == 'zh' else 'suppressed'}" if suppressed else f.severity
            lines.append(f"{r.path}:{pl.line}:{pl.column}: {f.code} [{tag}] {f.message(lang)}")
    return "".join(line + "\n" for line in lines)


def _with_suppressed(output, results, fmt: str, lang: str):
    n = sum(len(r.suppressed) for r in results)
    if fmt == "json" and isinstance(output, str) and output.strip():
        import json

        from .formatters.json import finding_entry

        data = json.loads(output)
        data["suppressed"] = [finding_entry(r, f, lang) for r in results for f in r.suppressed]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt != "text" or isinstance(output, bytes):
        return output  # other formats carry FileResult.suppressed themselves (SARIF: suppressions)
    head = f"基线已忽略 {n} 个问题：\n" if lang == "zh" else f"{n} finding(s) suppressed by the baseline:\n"
    return output + ("\n" if output else "") + head + concise(results, lang, suppressed=True)


def statistics(results, fmt: str) -> str:
    """Counts per rule, most frequent first (``--statistics``)."""
    from collections import Counter

    counts: Counter = Counter()
    names: dict[str, tuple[str, str]] = {}
    for r in results:
        for f in r.findings:
            counts[f.code] += 1
            names[f.code] = (f.name, f.severity)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        import json

        return json.dumps([{"rule": c, "name": names[c][0], "severity": names[c][1], "count": n} for c, n in rows],
                          ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(n)) for _, n in rows), default=1)
    return "".join(f"{n:>{width}}\t{c}\t[{names[c][1]}]\t{names[c][0]}\n" for c, n in rows)


# ---------------------------------------------------------------- rules, explain


def _rules(args, parser) -> int:
    from .docs import rule_rows, rules_table

    if args.format == "json":
        import json

        sys.stdout.write(json.dumps(rule_rows(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(rules_table(args.lang))
    return 0


def _explain(args, parser) -> int:
    from .docs import explain, find_rule

    rule = find_rule(args.rule)
    if rule is None:
        from .configfile import _did_you_mean, selector_choices

        print(f"jixiao-lint: 未知的规则 / unknown rule {args.rule!r}" + _did_you_mean(args.rule, selector_choices()), file=sys.stderr)
        return 2
    sys.stdout.write(explain(rule, args.lang))
    return 0


# ---------------------------------------------------------------- review


def _review(args, parser) -> int:
    """Write the review sheet, the workbook and the annotated copies (linter/review.py)."""
    from .review import write_review

    results, lang = collect(args, parser)
    for path in write_review(results, args.outdir, lang):
        print(path)
    if any(r.unreadable for r in results):
        return 2
    return 1 if any(r.findings for r in results) else 0
