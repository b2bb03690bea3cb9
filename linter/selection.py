"""Selecting rules by code, code prefix, name or category (as ruff's select/ignore)."""
from __future__ import annotations


def matches(rule, selector: str) -> bool:
    s = selector.strip()
    if not s:
        return False
    if s.upper() == "ALL":
        return True
    if s == rule.name or s == rule.category:
        return True
    return rule.code.startswith(s.upper())


def selected(rule, select=(), ignore=(), extend_select=()) -> bool:
    chosen = (not select or any(matches(rule, s) for s in select)) or any(matches(rule, s) for s in extend_select)
    if not chosen:
        return False
    return not any(matches(rule, s) for s in ignore)


def per_file_ignored(path: str, per_file_ignores) -> tuple[str, ...]:
    """The selectors ``per_file_ignores`` (``(glob, selectors)`` pairs) ignore for ``path``.

    A glob is matched against the absolute path (relative globs are taken from
    the current directory; config files make theirs absolute), and a glob
    without a ``/`` also against the file name alone.
    """
    if not per_file_ignores:
        return ()
    import fnmatch
    import os

    full = os.path.abspath(path)
    base = os.path.basename(path)
    out: list[str] = []
    for pattern, selectors in per_file_ignores:
        if fnmatch.fnmatchcase(full, os.path.abspath(pattern)) or ("/" not in pattern and fnmatch.fnmatchcase(base, pattern)):
            out.extend(selectors)
    return tuple(out)


# Rules a setting turns off: ``rounding = "any"`` accepts truncated figures, so
# the rule that reports rounding down (by name, so a renumbering keeps it) is off.
POLICY_IGNORES = {("rounding", "any"): ("rounded-down",)}


def policy_ignored(config) -> tuple[str, ...]:
    out: list[str] = []
    for (field, value), selectors in POLICY_IGNORES.items():
        if getattr(config, field, None) == value:
            out.extend(selectors)
    return tuple(out)
