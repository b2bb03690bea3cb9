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
