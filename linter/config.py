"""Settings a run is made with. Loading from files lives in :mod:`linter.configfile`."""
from __future__ import annotations

from decimal import Decimal
from functools import cached_property

import attrs

from .vocab import Vocabulary, default_vocabulary

# 绩效评价 grade bands: (grade, lower bound inclusive). Below the last: 差.
DEFAULT_GRADE_BANDS = (("优", Decimal(90)), ("良", Decimal(80)), ("中", Decimal(60)), ("差", Decimal(0)))


@attrs.frozen
class Config:
    select: tuple[str, ...] = ()  # codes, prefixes, names or categories; () = all
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule selector, severity)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    lang: str = "zh"
    year: int | None = None  # the evaluated year when it cannot be detected
    grade_bands: tuple[tuple[str, Decimal], ...] = DEFAULT_GRADE_BANDS
    rounding: str = "half-up"  # "any": truncated figures are accepted (rounded-down is off)
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    encoding: str | None = None

    @cached_property
    def vocabulary(self) -> Vocabulary:
        vocab = default_vocabulary()
        if self.synonyms:
            vocab = vocab.with_synonyms({k: list(v) for k, v in self.synonyms})
        return vocab
