"""The rules API: a rule is a small class with metadata and ``check(document)``.

A rule declares its metadata as class attributes and its messages as data::

    class BreakdownSum(Rule):
        \"\"\"做什么 … 为什么是问题 … 示例 …\"\"\"

        code = "JX101"
        name = "breakdown-sum"
        category = "arithmetic"
        severity = "error"
        summary_zh = "总数与其中各项之和不符"
        summary_en = "a total differs from the sum of its parts"
        messages = {"mismatch": ("{label}{total} ≠ 各项之和 {sum}", "{label}{total} ≠ sum of parts {sum}")}

        def check(self, doc):
            ...
            yield self.report(span, "mismatch", label=..., total=..., sum=...)

The code never appears inside a message; the formatters add it.
"""
from __future__ import annotations

import re
from typing import ClassVar, Iterable

import attrs

from .source import Span

CATEGORIES = (
    "input",
    "arithmetic", "ratio", "unit",
    "score", "grade",
    "year", "date",
    "structure", "placeholder",
    "conflict", "entity", "reference", "text",
    "cross-document",
)
SEVERITIES = ("error", "warning", "info")

# A finding lists at most this many other statements (as related places) and other values
# (in its message): a report states a figure a handful of times, and a longer list only
# makes the output grow with the square of the statements.
MAX_SHOWN = 10
DOC_SECTIONS = ("做什么", "为什么是问题", "示例")
_CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3}$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@attrs.frozen
class Related:
    """The other place of a contradiction, or a part of a sum."""

    span: Span
    zh: str
    en: str = ""

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" and self.en else self.zh


@attrs.frozen
class Finding:
    code: str
    name: str
    category: str
    severity: str
    span: Span
    zh: str
    en: str
    related: tuple[Related, ...] = ()
    suggestion: str | None = None

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" and self.en else self.zh

    @property
    def sort_key(self) -> tuple:
        return (self.span.start, self.span.end, self.code, self.zh)


class Rule:
    """Base class of every rule. Subclasses set the metadata and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[str] = "error"
    summary_zh: ClassVar[str]
    summary_en: ClassVar[str]
    messages: ClassVar[dict[str, tuple[str, str]]] = {}

    def check(self, doc) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def report(
        self,
        span: Span,
        key: str,
        *,
        related: Iterable[Related] = (),
        suggestion: str | None = None,
        severity: str | None = None,
        **args,
    ) -> Finding:
        """A finding at ``span`` with the message ``key`` filled from ``args``."""
        zh, en = self.messages[key]
        zh_args = {k: (v[0] if isinstance(v, tuple) else v) for k, v in args.items()}
        en_args = {k: (v[1] if isinstance(v, tuple) else v) for k, v in args.items()}
        return Finding(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            span=span,
            zh=zh.format(**zh_args),
            en=en.format(**en_args),
            related=tuple(related),
            suggestion=suggestion,
        )

    def related(self, span: Span, key: str, **args) -> Related:
        zh, en = self.messages[key]
        zh_args = {k: (v[0] if isinstance(v, tuple) else v) for k, v in args.items()}
        en_args = {k: (v[1] if isinstance(v, tuple) else v) for k, v in args.items()}
        return Related(span, zh.format(**zh_args), en.format(**en_args))

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring split into its sections (做什么 / 为什么是问题 / 示例)."""
        return split_doc(cls.__doc__ or "")


def split_doc(doc: str) -> dict[str, str]:
    import inspect

    text = inspect.cleandoc(doc)
    sections: dict[str, list[str]] = {}
    current = "_"
    for line in text.splitlines():
        head = line.strip().rstrip("：:")
        if head in DOC_SECTIONS or head.lower() in ("what it does", "why is this bad?", "example"):
            current = head
            sections[current] = []
            continue
        if set(line.strip()) <= set("-=") and line.strip():
            continue
        sections.setdefault(current, []).append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}


def validate_rule(rule: type, origin: str) -> list[str]:
    """Problems with a rule class's metadata; empty when it is well formed."""
    problems = []
    for attr in ("code", "name", "category", "severity", "summary_zh", "summary_en"):
        if not isinstance(getattr(rule, attr, None), str):
            problems.append(f"{origin}: rule {rule.__name__} has no {attr}")
    if problems:
        return problems
    if not _CODE_RE.match(rule.code):
        problems.append(f"{origin}: rule code {rule.code!r} is not like JX101")
    if not _NAME_RE.match(rule.name):
        problems.append(f"{origin}: rule name {rule.name!r} is not kebab-case")
    if rule.category not in CATEGORIES:
        problems.append(f"{origin}: rule {rule.code} has unknown category {rule.category!r}")
    if rule.severity not in SEVERITIES:
        problems.append(f"{origin}: rule {rule.code} has unknown severity {rule.severity!r}")
    sections = split_doc(rule.__doc__ or "")
    missing = [s for s in DOC_SECTIONS if not sections.get(s)]
    if missing:
        problems.append(f"{origin}: rule {rule.code} docstring lacks {'/'.join(missing)}")
    return problems
