"""Rules and formatters come in through entry points, built-in ones included.

Group ``jixiao_lint.rules``: each entry point names a :class:`~linter.rule.Rule`
subclass, or a callable returning an iterable of them (the built-in rules are
``linter.rules:get_rules``). Group ``jixiao_lint.formatters``: each names a
formatter class. A plugin that cannot be loaded is an error naming it — never a
silently missing rule.
"""
from __future__ import annotations

import functools
from importlib.metadata import entry_points

from .rule import Rule, validate_rule

RULES_GROUP = "jixiao_lint.rules"
FORMATTERS_GROUP = "jixiao_lint.formatters"


class RegistryError(Exception):
    """A plugin could not be loaded or declares a bad rule."""


@functools.cache
def _installed():
    """Every installed entry point, read once per process: each look-up reads the
    metadata of every installed distribution (5-10 ms), and one ``check`` asks for
    the formatters twice and the rules once."""
    return entry_points()


def _group(group: str):
    return _installed().select(group=group)


def _load(ep):
    try:
        return ep.load()
    except Exception as exc:  # noqa: BLE001 - any failure of a plugin is reported
        dist = getattr(ep, "dist", None)
        where = f" (from {dist.name})" if dist is not None else ""
        raise RegistryError(f"cannot load plugin {ep.name!r} = {ep.value}{where}: {type(exc).__name__}: {exc}") from exc


def rules_from(obj, origin: str) -> list[type[Rule]]:
    if isinstance(obj, type) and issubclass(obj, Rule):
        return [obj]
    if callable(obj):
        try:
            got = list(obj())
        except Exception as exc:  # noqa: BLE001
            raise RegistryError(f"plugin {origin} failed to list its rules: {type(exc).__name__}: {exc}") from exc
        bad = [r for r in got if not (isinstance(r, type) and issubclass(r, Rule))]
        if bad:
            raise RegistryError(f"plugin {origin} returned objects that are not Rule classes: {bad!r}")
        return got
    raise RegistryError(f"plugin {origin} is neither a Rule class nor a function returning rules")


def build_rules(plugins: list[tuple[str, object]]) -> dict[str, type[Rule]]:
    """Check and index the rules of ``plugins`` (``(origin, object)`` pairs)."""
    rules: dict[str, type[Rule]] = {}
    names: dict[str, str] = {}
    problems: list[str] = []
    for origin, obj in plugins:
        for rule in rules_from(obj, origin):
            problems.extend(validate_rule(rule, origin))
            if problems:
                continue
            if rule.code in rules and rules[rule.code] is not rule:
                problems.append(f"{origin}: rule code {rule.code} is already used by {rules[rule.code].__module__}")
            if rule.name in names and names[rule.name] != rule.code:
                problems.append(f"{origin}: rule name {rule.name} is already used by {names[rule.name]}")
            rules[rule.code] = rule
            names[rule.name] = rule.code
    if problems:
        raise RegistryError("; ".join(problems))
    return dict(sorted(rules.items()))


@functools.cache
def all_rules() -> dict[str, type[Rule]]:
    """Every registered rule by code, sorted."""
    eps = list(_group(RULES_GROUP))
    if not eps:
        raise RegistryError(
            f"no rules are registered in entry-point group {RULES_GROUP!r}: "
            "is jixiao-lint installed (pip install -e .)?"
        )
    return build_rules([(f"{ep.name} = {ep.value}", _load(ep)) for ep in eps])


@functools.cache
def all_formatters() -> dict[str, type]:
    out = {}
    for ep in _group(FORMATTERS_GROUP):
        out[ep.name] = _load(ep)
    return dict(sorted(out.items()))


def formatter_names() -> list[str]:
    """The registered formats, without importing them (python-docx, openpyxl … load only when used)."""
    return sorted({ep.name for ep in _group(FORMATTERS_GROUP)})


def get_formatter(name: str) -> type:
    """The formatter class registered as ``name``; KeyError when there is none."""
    for ep in _group(FORMATTERS_GROUP):
        if ep.name == name:
            return _load(ep)
    raise KeyError(name)


def select_rules(config) -> list[type[Rule]]:
    """The rules a configuration turns on."""
    from .selection import selected

    return [r for r in all_rules().values() if selected(r, config.select, config.ignore, config.extend_select)]
