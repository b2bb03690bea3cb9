"""The reporting unit's own name, as name rules compare it (data in ``data/text.toml``)."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def names_data() -> dict:
    data = tomllib.loads(resources.files("linter").joinpath("data/text.toml").read_text("utf-8"))
    return data.get("names", {})


def canonical_unit(unit: str) -> str:
    """The unit's name without a budget designation (……组织部本级 → ……组织部)."""
    for suffix in names_data().get("budget_suffixes", ()):
        if unit.endswith(suffix) and len(unit) - len(suffix) >= 4:
            return unit[: -len(suffix)]
    return unit


def own_unit(doc) -> str | None:
    """The unit that wrote the report, without its budget designation; None when unknown."""
    unit = doc.profile.unit
    return canonical_unit(unit.strip()) if unit else None
