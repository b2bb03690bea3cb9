"""A parsed report: its paragraphs, the facts in them, and its profile.

Rules receive a :class:`Document`. Everything on it is computed once, when
first asked for, so a rule that looks only at markers never pays for
breakdowns.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cached_property
from typing import Iterable

from .config import Config
from .extract import ParagraphFacts, breakdowns, extract_paragraph
from .facts import Breakdown, DateRef, DocRef, Keyword, Marker, ParseProblem, Quantity, YearRef
from .normalise import Paragraph, normalise
from .parsing import shared_items
from .profile import Profile, detect
from .source import Source, Span


_BREAK = re.compile(r"[ \t\u3000]*\r?\n[\s\u3000]*")
# the facts each paragraph's ParagraphFacts holds, in the document's order
_PER_PARAGRAPH = frozenset(("quantities", "years", "dates", "docrefs", "markers", "keywords", "problems"))


class Document:
    def __init__(self, source: Source, config: Config | None = None):
        self.source = source
        self.config = config or Config()
        # What the numeric rules did with each claim they looked at (see note_claim).
        self.coverage: Counter = Counter()

    def note_claim(self, consistent: bool | None) -> None:
        """Count one numeric claim a rule looked at: consistent (True), inconsistent
        (False) or not checkable (None). Shown per file in JSON ``coverage`` and in the
        text output's footer, so a reviewer sees what was not verified."""
        if consistent is None:
            self.coverage["uncheckable"] += 1
        else:
            self.coverage["checked"] += 1
            self.coverage["consistent" if consistent else "inconsistent"] += 1

    @property
    def text(self) -> str:
        return self.source.text

    def text_at(self, span: Span) -> str:
        """The original text of ``span``."""
        return self.source.text[span.start:span.end]

    def quote(self, span: Span) -> str:
        """The text of ``span`` as a message quotes it: as written, but without the
        line breaks (and the page-break spaces around them) of a hard-wrapped report."""
        return _BREAK.sub("", self.source.text[span.start:span.end])

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return normalise(self.source)

    @cached_property
    def facts(self) -> tuple[ParagraphFacts, ...]:
        vocab = self.config.vocabulary
        # equal text items of different paragraphs are one object (linter/parsing.py)
        with shared_items():
            return tuple(extract_paragraph(p, vocab) for p in self.paragraphs)

    def _all(self, attr: str) -> tuple:
        return tuple(x for pf in self.facts for x in getattr(pf, attr))

    @cached_property
    def quantities(self) -> tuple[Quantity, ...]:
        return self._all("quantities")

    @cached_property
    def years(self) -> tuple[YearRef, ...]:
        return self._all("years")

    @cached_property
    def dates(self) -> tuple[DateRef, ...]:
        return self._all("dates")

    @cached_property
    def docrefs(self) -> tuple[DocRef, ...]:
        return self._all("docrefs")

    @cached_property
    def markers(self) -> tuple[Marker, ...]:
        return self._all("markers")

    @cached_property
    def keywords(self) -> tuple[Keyword, ...]:
        return self._all("keywords")

    @cached_property
    def problems(self) -> tuple[ParseProblem, ...]:
        return self._all("problems")

    @cached_property
    def breakdowns(self) -> tuple[Breakdown, ...]:
        vocab = self.config.vocabulary
        return tuple(b for pf in self.facts for b in breakdowns(pf, vocab))

    @cached_property
    def tables(self) -> tuple:
        """Tables rebuilt from tab-flattened cells and Markdown pipe rows (linter/tables.py)."""
        from .tables import tables

        return tables(self)

    @cached_property
    def profile(self) -> Profile:
        return detect(self.paragraphs, self.config.year)

    @cached_property
    def year_vote(self):
        """The evaluated year after the report's own statements of this evaluation have voted
        on the profile's (linter/evaluated.py): a YearVote, what JX301 reports and the
        year JX302 and JX303 check against."""
        from .evaluated import vote

        return vote(self)

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def in_paragraph(self, attr: str, para: int) -> tuple:
        """The facts ``attr`` (``"dates"``, ``"docrefs"`` …) of paragraph ``para``: those the
        paragraph's own facts hold (``facts[para]``, the paragraph of index ``para``), or
        from an index built once, so a rule looking up each fact's neighbours stays linear."""
        if attr in _PER_PARAGRAPH:
            facts = self.facts
            return getattr(facts[para], attr) if 0 <= para < len(facts) else ()
        index = self._by_para.get(attr)
        if index is None:
            index = {}
            for x in getattr(self, attr):
                index.setdefault(x.para, []).append(x)
            index = self._by_para[attr] = {k: tuple(v) for k, v in index.items()}
        return index.get(para, ())

    @cached_property
    def _by_para(self) -> dict:
        return {}

    @cached_property
    def memo(self) -> dict:
        """A per-document cache for what several rules (or several calls of one rule)
        derive from the facts, keyed by the helper that computes it (e.g. ``figures.mentions``)."""
        return {}

    def paragraph_of(self, offset: int) -> Paragraph | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.paragraphs[i] if i >= 0 else None

    def iter_text(self) -> Iterable[tuple[Paragraph, str]]:
        for p in self.paragraphs:
            yield p, p.text
