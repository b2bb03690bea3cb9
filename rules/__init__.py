"""The built-in rules of jixiao-lint (installed as ``linter.rules``).

One rule per module, named by its code (``JX101.py``). :func:`get_rules` is the
entry point ``builtin`` of the ``jixiao_lint.rules`` group — the same door a
third-party plugin uses.
"""
from __future__ import annotations

import importlib
import pkgutil
import re

from ..rule import Rule


def get_rules() -> list[type[Rule]]:
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not re.fullmatch(r"JX\d{3}", info.name):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__:
                found.append(obj)
    return found
