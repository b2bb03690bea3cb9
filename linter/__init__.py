"""jixiao-lint: a consistency-audit linter for Chinese budget-performance reports."""
from __future__ import annotations

__version__ = "0.1.0"

from .config import Config  # noqa: E402
from .engine import FileResult, check_file, check_text  # noqa: E402

__all__ = ["Config", "FileResult", "check_file", "check_text", "__version__"]
