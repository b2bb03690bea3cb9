"""jixiao-lint: a consistency-audit linter for Chinese budget-performance reports."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Config", "FileResult", "check_file", "check_text", "__version__"]

# Imported when first used (PEP 562), so that ``jixiao-lint --version`` and the
# command line's start-up do not load the engine, the grammar and the rules.
_LAZY = {"Config": ".config", "FileResult": ".engine", "check_file": ".engine", "check_text": ".engine"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
