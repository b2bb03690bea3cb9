"""Configuration files: ``[tool.jixiao-lint]`` in pyproject.toml, or ``jixiao-lint.toml``.

The settings of a run are layered, later layers winning::

    packaged defaults  <  the config file found for the checked file
                       <  --config FILE  <  the command line

The config file for a checked file is found by walking up from the file's
directory: in each directory ``jixiao-lint.toml`` (top-level keys) is taken
first, then ``pyproject.toml`` when it has a ``[tool.jixiao-lint]`` table.
The walk stops at the first one found.

Keys (``-`` or ``_`` alike)::

    select = ["JX1", "placeholder"]      # codes, code prefixes, rule names, categories, ALL
    ignore = ["JX401"]
    extend-select = ["JX5"]
    lang = "zh"                          # zh | en
    year = 2023                          # the evaluated year when it cannot be detected
    rounding = "half-up"                 # half-up: truncated figures are reported (JX106); any: accepted
    encoding = "gb18030"                 # text input whose encoding cannot be detected

    [severity]                           # selector = error | warning | info
    placeholder = "warning"

    [per-file-ignores]                   # glob (relative to this file's directory) = selectors
    "drafts/*.md" = ["JX401"]

    [grade-bands]                        # grade = lower bound (inclusive)
    "优" = 90                            # (TOML wants non-ASCII keys quoted)
    "良" = 80
    "中" = 60
    "差" = 0

    [synonyms]                           # canonical term = other spellings
    "收入预算数" = ["收入预算安排数"]

A selector in ``select``/``ignore`` replaces the selection of the layers below
it (as ruff's ``select``); ``ignore`` and ``extend-select`` add to it.
Unknown keys, rule names and values are errors (:class:`ConfigError`) that
say what was probably meant.
"""
from __future__ import annotations

import difflib
import functools
import os
import tomllib
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Mapping

from .config import DEFAULT_GRADE_BANDS, Config
from .rule import CATEGORIES, SEVERITIES

CONFIG_NAMES = ("jixiao-lint.toml", "pyproject.toml")
TOOL_KEY = "jixiao-lint"
LANGS = ("zh", "en")
ROUNDINGS = ("half-up", "any")
GRADES = ("优", "良", "中", "差")

# file key -> Config field
KEYS = {
    "select": "select",
    "ignore": "ignore",
    "extend-select": "extend_select",
    "severity": "severity",
    "per-file-ignores": "per_file_ignores",
    "grade-bands": "grade_bands",
    "year": "year",
    "lang": "lang",
    "rounding": "rounding",
    "synonyms": "synonyms",
    "encoding": "encoding",
}


class ConfigError(Exception):
    """A configuration that cannot be used; the message says where and what was meant."""


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    if not close:
        return ""
    return "；是否想写 / did you mean: " + ", ".join(repr(c) for c in close) + "?"


# ---------------------------------------------------------------- selectors


def selector_choices() -> list[str]:
    from .registry import all_rules

    rules = all_rules()
    return ["ALL", *CATEGORIES, *rules, *(r.name for r in rules.values())]


def check_selector(selector: str, where: str) -> str:
    """``selector`` when it names at least one rule (or a category); else a ConfigError."""
    from .registry import all_rules
    from .selection import matches

    s = selector.strip() if isinstance(selector, str) else selector
    if not isinstance(s, str) or not s:
        raise ConfigError(f"{where}: 规则选择器须为非空字符串 / a rule selector must be a non-empty string, got {selector!r}")
    if s.upper() == "ALL" or s in CATEGORIES:
        return s
    if any(matches(rule, s) for rule in all_rules().values()):
        return s
    raise ConfigError(
        f"{where}: 未知的规则 / unknown rule {s!r} (not a code, code prefix, rule name or category)"
        + _did_you_mean(s, selector_choices())
    )


def _selectors(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)):
        raise ConfigError(f"{where}: 应为规则列表 / expected a list of rules, got {type(value).__name__}")
    return tuple(check_selector(v, where) for v in value)


# ---------------------------------------------------------------- values


def _norm_key(key: str) -> str:
    return key.strip().replace("_", "-")


def parse_settings(data: Mapping[str, Any], where: str, base_dir: str) -> dict[str, Any]:
    """Validate one layer's table and turn it into Config field values."""
    out: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = _norm_key(raw_key)
        if key not in KEYS:
            raise ConfigError(f"{where}: 未知的配置项 / unknown key {raw_key!r}" + _did_you_mean(key, KEYS))
        here = f"{where}: {key}"
        field = KEYS[key]
        if key in ("select", "ignore", "extend-select"):
            out[field] = _selectors(value, here)
        elif key == "severity":
            out[field] = tuple(_severity(value, here))
        elif key == "per-file-ignores":
            out[field] = tuple(_per_file_ignores(value, here, base_dir))
        elif key == "grade-bands":
            out[field] = _grade_bands(value, here)
        elif key == "year":
            if isinstance(value, bool) or not isinstance(value, int) or not 1949 <= value <= 2200:
                raise ConfigError(f"{here}: 应为四位年份 / expected a year such as 2023, got {value!r}")
            out[field] = value
        elif key == "lang":
            out[field] = _choice(value, LANGS, here)
        elif key == "rounding":
            out[field] = _choice(value, ROUNDINGS, here)
        elif key == "synonyms":
            out[field] = _synonyms(value, here)
        elif key == "encoding":
            if not isinstance(value, str):
                raise ConfigError(f"{here}: 应为编码名称 / expected an encoding name, got {value!r}")
            import codecs

            try:
                codecs.lookup(value)
            except LookupError:
                raise ConfigError(f"{here}: 未知的编码 / unknown encoding {value!r}") from None
            out[field] = value
    return out


def _choice(value: Any, choices: tuple[str, ...], where: str) -> str:
    if value not in choices:
        raise ConfigError(
            f"{where}: 取值应为 / must be one of {', '.join(choices)}, got {value!r}"
            + (_did_you_mean(value, choices) if isinstance(value, str) else "")
        )
    return value


def _table(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: 应为表 / expected a table, got {type(value).__name__}")
    return value


def _severity(value: Any, where: str):
    for selector, sev in _table(value, where).items():
        check_selector(selector, where)
        yield selector, _choice(sev, SEVERITIES, f"{where}.{selector}")


def _per_file_ignores(value: Any, where: str, base_dir: str):
    for pattern, selectors in _table(value, where).items():
        if not isinstance(pattern, str) or not pattern.strip():
            raise ConfigError(f"{where}: 文件模式须为非空字符串 / a file pattern must be a non-empty string")
        full = pattern if os.path.isabs(pattern) else os.path.join(base_dir, pattern)
        yield os.path.normpath(full), _selectors(selectors, f"{where}.{pattern!r}")


def _grade_bands(value: Any, where: str) -> tuple[tuple[str, Decimal], ...]:
    bands = []
    for grade, bound in _table(value, where).items():
        if grade not in GRADES:
            raise ConfigError(f"{where}: 未知的等级 / unknown grade {grade!r}, expected one of {'/'.join(GRADES)}" + _did_you_mean(grade, GRADES))
        if isinstance(bound, bool) or not isinstance(bound, (int, float, str)):
            raise ConfigError(f"{where}.{grade}: 应为分数下限 / expected a lower bound such as 90, got {bound!r}")
        try:
            dec = Decimal(str(bound))
        except InvalidOperation:
            raise ConfigError(f"{where}.{grade}: 应为分数下限 / expected a lower bound such as 90, got {bound!r}") from None
        if not Decimal(0) <= dec <= Decimal(100):
            raise ConfigError(f"{where}.{grade}: 分数下限应在 0–100 之间 / the bound must be within 0–100, got {bound!r}")
        bands.append((grade, dec))
    given = dict(bands)
    merged = dict(DEFAULT_GRADE_BANDS)
    merged.update(given)
    out = tuple(sorted(merged.items(), key=lambda gb: -gb[1]))
    order = [g for g, _ in out]
    if order != [g for g in GRADES if g in merged]:
        raise ConfigError(f"{where}: 等级下限须按 优 > 良 > 中 > 差 递减 / bounds must decrease 优 > 良 > 中 > 差, got {dict(out)}")
    return out


def _synonyms(value: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = []
    for canonical, spellings in _table(value, where).items():
        if isinstance(spellings, str):
            spellings = [spellings]
        if not isinstance(spellings, list) or not all(isinstance(s, str) and s.strip() for s in spellings):
            raise ConfigError(f"{where}.{canonical}: 应为字符串列表 / expected a list of strings, got {spellings!r}")
        out.append((canonical, tuple(spellings)))
    return tuple(out)


# ---------------------------------------------------------------- files


def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取配置文件 / cannot read the config file: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML 语法错误 / invalid TOML: {exc}") from None


def load_file(path: str) -> dict[str, Any]:
    """The settings in the config file ``path`` (a pyproject.toml or a jixiao-lint.toml)."""
    data = _read_toml(path)
    base_dir = os.path.dirname(os.path.abspath(path))
    if os.path.basename(path) == "pyproject.toml":
        table = data.get("tool", {}).get(TOOL_KEY, {})
        where = f"{path} [tool.{TOOL_KEY}]"
    else:
        table = data
        if "tool" in data and isinstance(data["tool"], Mapping) and TOOL_KEY in data["tool"] and len(data) == 1:
            table = data["tool"][TOOL_KEY]  # a jixiao-lint.toml written like a pyproject.toml
        where = path
    return parse_settings(_table(table, where), where, base_dir)


def _has_table(pyproject: str) -> bool:
    data = _read_toml(pyproject)  # a broken pyproject.toml on the way up is an error, not skipped
    tool = data.get("tool")
    return isinstance(tool, Mapping) and TOOL_KEY in tool


def find_config(directory: str) -> str | None:
    """The config file that applies to files in ``directory``, walking up; None if there is none."""
    directory = os.path.abspath(directory)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                if name == "pyproject.toml" and not _has_table(candidate):
                    continue
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


@functools.lru_cache(maxsize=256)
def _load_cached(path: str, mtime: float) -> dict[str, Any]:
    return load_file(path)


def cached_load(path: str) -> dict[str, Any]:
    return _load_cached(os.path.abspath(path), os.path.getmtime(path))


# ---------------------------------------------------------------- layering


def merge(layers: Iterable[Mapping[str, Any]], base: Config | None = None) -> Config:
    """Lay ``layers`` (Config field values, lowest first) over ``base`` (packaged defaults)."""
    base = base or Config()
    select, ignore, extend = base.select, base.ignore, base.extend_select
    severity = list(base.severity)
    per_file = list(base.per_file_ignores)
    synonyms = dict(base.synonyms)
    scalars: dict[str, Any] = {}
    for layer in layers:
        if "select" in layer:
            select, ignore, extend = tuple(layer["select"]), (), ()
        ignore = ignore + tuple(layer.get("ignore", ()))
        extend = extend + tuple(layer.get("extend_select", ()))
        severity.extend(layer.get("severity", ()))
        per_file.extend(layer.get("per_file_ignores", ()))
        synonyms.update(dict(layer.get("synonyms", ())))
        for key in ("grade_bands", "year", "lang", "rounding", "encoding"):
            if layer.get(key) is not None:
                scalars[key] = layer[key]
    import attrs

    return attrs.evolve(
        base,
        select=select,
        ignore=ignore,
        extend_select=extend,
        severity=tuple(severity),
        per_file_ignores=tuple(per_file),
        synonyms=tuple(synonyms.items()),
        **scalars,
    )


class Resolver:
    """The Config for each checked file: defaults < found file < --config < command line."""

    def __init__(self, explicit: str | None = None, overrides: Mapping[str, Any] | None = None, discover: bool = True):
        self.explicit = load_file(explicit) if explicit else None
        self.overrides = dict(overrides or {})
        self.discover = discover
        self._by_file: dict[str | None, Config] = {}
        self._by_dir: dict[str, str | None] = {}

    def config_file(self, path: str) -> str | None:
        if not self.discover:
            return None
        directory = os.path.dirname(os.path.abspath(path)) if path not in ("-", "") else os.getcwd()
        if directory not in self._by_dir:
            self._by_dir[directory] = find_config(directory)
        return self._by_dir[directory]

    def for_path(self, path: str) -> Config:
        found = self.config_file(path)
        if found not in self._by_file:
            layers = []
            if found:
                layers.append(cached_load(found))
            if self.explicit:
                layers.append(self.explicit)
            layers.append(self.overrides)
            self._by_file[found] = merge(layers)
        return self._by_file[found]


def config_for(path: str, config_file: str | None = None, **overrides) -> Config:
    """The Config a file is checked with: the config file found for it, ``config_file``, then ``overrides``.

    ``overrides`` are Config field values (``select=("JX1",)``, ``year=2023`` …),
    validated like a config file's.
    """
    parsed = parse_settings({k.replace("_", "-"): v for k, v in overrides.items()}, "overrides", os.getcwd())
    return Resolver(config_file, parsed).for_path(path)
