"""Run the pipeline: read → normalise → parse → extract → rules → findings."""
from __future__ import annotations

import contextlib
import gc
import os
import threading
import traceback
from typing import Iterable, Sequence

import attrs

from .config import Config
from .document import Document
from .profile import Profile
from .readers import ReadError, read_bytes, read_path, supported_suffixes
from .registry import all_rules, select_rules
from .rule import Finding
from .source import Source, Span


@attrs.frozen
class FileResult:
    """What checking one file gave: its findings, and what the tool saw of it."""

    path: str
    findings: tuple[Finding, ...]
    source: Source | None = attrs.field(default=None, eq=False, repr=False)
    profile: Profile | None = None
    unreadable: bool = False
    coverage: tuple[tuple[str, int], ...] = ()
    # Findings a baseline keeps out of the output and the exit status (see linter/baseline.py).
    suppressed: tuple[Finding, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out


def _input_finding(code: str, zh: str, en: str, span: Span = Span(0, 0)) -> Finding:
    rule = all_rules()[code]
    return Finding(rule.code, rule.name, rule.category, rule.severity, span, zh, en)


# Checking a report allocates many small objects that live as long as the report
# (tokens, facts, spans) and hardly any reference cycles: 480 cyclic objects are left
# over from checking the five corpus reports. The cyclic garbage collector walks the
# live objects over and over, for nothing: with the default thresholds some 15 % of
# the time at 30× the corpus; on a report 1000× the corpus, even with full collections
# held back and the youngest generation collected every 100,000 allocations, 13 % of
# the time (220 s against 192 s with it off), and more per character the larger the
# report, since each pass reads objects spread over gigabytes. So the collector is off
# while a report is checked and comes back as it was after, when its next pass finds
# the few cycles left.
_gc_lock = threading.Lock()
_gc_depth = 0
_gc_was_on = False


@contextlib.contextmanager
def _no_collections():
    global _gc_depth, _gc_was_on
    with _gc_lock:
        if _gc_depth == 0:
            _gc_was_on = gc.isenabled()
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_was_on:
                gc.enable()


def check_source(source: Source, config: Config | None = None) -> FileResult:
    """Check one already-read source."""
    with _no_collections():
        return _check_source(source, config)


def _check_source(source: Source, config: Config | None) -> FileResult:
    config = config or Config()
    doc = Document(source, config)
    findings: list[Finding] = []
    file_ignores = _file_ignores(source.path, config)
    for rule_cls in select_rules(config):
        if file_ignores and _ignored(rule_cls, file_ignores):
            continue
        rule = rule_cls()
        try:
            findings.extend(rule.check(doc))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not lose the file
            tb = traceback.extract_tb(exc.__traceback__)[-1]
            findings.append(
                _input_finding(
                    "JX009",
                    f"规则 {rule_cls.code} 内部出错，该规则未完成检查：{type(exc).__name__}: {exc}（{os.path.basename(tb.filename)}:{tb.lineno}）",
                    f"rule {rule_cls.code} crashed and did not finish: {type(exc).__name__}: {exc} ({os.path.basename(tb.filename)}:{tb.lineno})",
                )
            )
    if file_ignores:
        rules = all_rules()
        findings = [f for f in findings if f.code not in rules or not _ignored(rules[f.code], file_ignores)]
    findings = _apply_severity(findings, config)
    findings.sort(key=lambda f: f.sort_key)
    coverage = doc.coverage
    return FileResult(
        path=source.path,
        findings=tuple(_dedupe(findings)),
        source=source,
        profile=doc.profile,
        coverage=tuple((k, coverage[k]) for k in ("checked", "consistent", "inconsistent", "uncheckable")) if coverage else (),
    )


def _file_ignores(path: str, config: Config) -> tuple[str, ...]:
    from .selection import per_file_ignored, policy_ignored

    return per_file_ignored(path, config.per_file_ignores) + policy_ignored(config)


def _ignored(rule, selectors: tuple[str, ...]) -> bool:
    from .selection import matches

    return any(matches(rule, s) for s in selectors)


def _resolve_config(config, path: str, discover: bool) -> Config:
    """``config`` as a Config: a Config, a config file's path, or None (packaged defaults).

    With ``discover`` the config file found by walking up from ``path`` is laid
    under it, as the command line does.
    """
    if isinstance(config, Config) and not discover:
        return config
    if config is None and not discover:
        return Config()
    from . import configfile

    if isinstance(config, Config):
        found = configfile.Resolver(discover=True).config_file(path)
        return configfile.merge([configfile.cached_load(found)] if found else [], base=config)
    return configfile.Resolver(os.fspath(config) if config is not None else None, discover=discover).for_path(path)


def _apply_severity(findings: list[Finding], config: Config) -> list[Finding]:
    if not config.severity:
        return findings
    from .selection import matches

    rules = all_rules()
    out = []
    for f in findings:
        rule = rules.get(f.code)
        for selector, sev in config.severity:
            if rule is not None and matches(rule, selector):
                f = attrs.evolve(f, severity=sev)
        out.append(f)
    return out


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.code, f.span, f.zh)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def unreadable(path: str, err: ReadError) -> FileResult:
    return FileResult(path=path, findings=(_input_finding(err.code, err.zh, err.en),), unreadable=True)


def check_file(path: str, config: "Config | str | os.PathLike | None" = None, *, discover: bool = False) -> FileResult:
    """Read and check the file at ``path``. Never raises for a bad file.

    ``config`` is a :class:`Config`, the path of a config file, or None for the
    packaged defaults; ``discover=True`` also applies the ``jixiao-lint.toml`` /
    ``pyproject.toml`` found by walking up from ``path``, laid over ``config``
    as over the packaged defaults (a bad config file raises
    :class:`linter.configfile.ConfigError`). The result is immutable.
    """
    config = _resolve_config(config, path, discover)
    try:
        source = read_path(path, config.encoding)
    except ReadError as err:
        return unreadable(path, err)
    except Exception as exc:  # noqa: BLE001 - a reader bug is this file's problem only
        return unreadable(path, ReadError("JX001", f"读取失败：{type(exc).__name__}: {exc}", f"read failed: {type(exc).__name__}: {exc}"))
    return check_source(source, config)


def check_text(
    text: str, path: str = "<text>", kind: str = "text", config: "Config | str | os.PathLike | None" = None, *, discover: bool = False
) -> FileResult:
    """Check report text given as a string (``config`` and ``discover`` as for :func:`check_file`)."""
    return check_source(Source(path=path, text=text, kind=kind), _resolve_config(config, path, discover))


def check_bytes(data: bytes, path: str, config: Config | None = None) -> FileResult:
    config = config or Config()
    try:
        source = read_bytes(path, data, config.encoding)
    except ReadError as err:
        return unreadable(path, err)
    return check_source(source, config)


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Files named, and the supported files inside directories named, in a stable order."""
    out: list[str] = []
    suffixes = supported_suffixes()
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.lower().endswith(suffixes) and not name.startswith(("~$", ".")):
                        found.append(os.path.join(root, name))
            out.extend(sorted(found))
        else:
            out.append(p)
    return out


def check_paths(paths: Sequence[str], config: Config | None = None) -> list[FileResult]:
    return [check_file(p, config) for p in expand_paths(paths)]
