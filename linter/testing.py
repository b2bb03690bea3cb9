"""Test rules the way the built-in ones are tested — usable by third-party rules.

Cases live in TOML (``tests/rules/cases/JX101.toml``)::

    rule = "JX101"

    [[case]]
    name = "parts fall short of the total"
    text = "收入决算数3628.78万元，其中：财政拨款2541.94万元，年初结转和结余986.84万元。"
    [[case.expect]]
    line = 1
    column = 6
    end_line = 1
    end_column = 15
    snippet = "3628.78万元"
    message = "差 100.00 万元"     # a part of the message (optional)

    [[case]]
    name = "sum holds within rounding"
    text = "…"                          # no [[case.expect]]: the rule must stay silent

``config`` (a table of :class:`~linter.config.Config` fields) and ``kind``
(``text``/``markdown``) are optional per case.
"""
from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from .config import Config
from .engine import check_text
from .formatters import place, snippet


@attrs.frozen
class Case:
    rule: str
    name: str
    text: str
    expect: tuple[dict, ...]
    config: dict
    kind: str = "text"
    path: str = ""

    @property
    def id(self) -> str:
        return f"{self.rule}:{self.name}"


def load_cases(path: str | Path) -> list[Case]:
    data = tomllib.loads(Path(path).read_text("utf-8"))
    rule = data["rule"]
    cases = []
    for raw in data.get("case", []):
        unknown = set(raw) - {"name", "text", "expect", "config", "kind"}
        if unknown:
            raise ValueError(f"{path}: case {raw.get('name')!r} has unknown keys {sorted(unknown)}")
        cases.append(
            Case(rule, raw["name"], raw["text"], tuple(raw.get("expect", ())), dict(raw.get("config", {})),
                 raw.get("kind", "text"), str(path))
        )
    return cases


def make_config(rule: str, overrides: dict[str, Any]) -> Config:
    fields = dict(overrides)
    if "grade_bands" in fields:
        fields["grade_bands"] = tuple((g, Decimal(str(b))) for g, b in fields["grade_bands"])
    for key in ("select", "ignore", "extend_select"):
        if key in fields:
            fields[key] = tuple(fields[key])
    fields.setdefault("select", (rule,))
    return Config(**fields)


def findings_of(case: Case) -> list[dict]:
    """Run the case's rule on its text; each finding as the JSON output shows it."""
    result = check_text(case.text, path="case.txt", kind=case.kind, config=make_config(case.rule, case.config))
    out = []
    for f in result.findings:
        pl = place(result, f.span)
        out.append({
            "rule": f.code, "line": pl.line, "column": pl.column, "end_line": pl.end_line,
            "end_column": pl.end_column, "snippet": snippet(result, f.span), "message": f.zh,
            "message_en": f.en, "severity": f.severity, "suggestion": f.suggestion,
            "related": [snippet(result, r.span) for r in f.related],
        })
    return out


def assert_case(case: Case) -> None:
    """Fail with a readable diff unless the rule finds exactly what the case expects."""
    got = [f for f in findings_of(case) if f["rule"] == case.rule]
    want = list(case.expect)
    if len(got) != len(want):
        raise AssertionError(
            f"{case.id}: expected {len(want)} finding(s), got {len(got)}:\n"
            + "\n".join(f"  {g['line']}:{g['column']}-{g['end_line']}:{g['end_column']} {g['snippet']!r} {g['message']}" for g in got)
        )
    for g, w in zip(sorted(got, key=lambda g: (g["line"], g["column"])), sorted(want, key=lambda w: (w["line"], w["column"]))):
        for key, value in w.items():
            if key in ("message", "message_en", "suggestion"):
                if value not in (g[key] or ""):
                    raise AssertionError(f"{case.id}: {key} {g[key]!r} does not contain {value!r}")
            elif key == "related":
                if list(value) != g["related"]:
                    raise AssertionError(f"{case.id}: related {g['related']!r} != {list(value)!r}")
            elif g.get(key) != value:
                raise AssertionError(f"{case.id}: {key} is {g.get(key)!r}, expected {value!r} (finding: {g})")


def doc_examples(rule_cls) -> list[tuple[str, str]]:
    """The ``错误：`` and ``正确：`` lines of a rule's 示例 section, as ``(kind, text)``.

    An example may continue over following indented lines; an empty line ends it.
    """
    sections = rule_cls.doc_sections()
    out: list[tuple[str, str]] = []
    current: list | None = None
    for line in sections.get("示例", "").splitlines():
        s = line.strip()
        for prefix, kind in (("错误：", "fail"), ("正确：", "pass")):
            if s.startswith(prefix):
                current = [kind, s[len(prefix):]]
                out.append(current)  # type: ignore[arg-type]
                break
        else:
            if not s:
                current = None
            elif current is not None and not s.startswith(("（", "(")):
                current[1] += "\n" + s
    return [(k, t) for k, t in out]


def assert_doc_examples(rule_cls) -> None:
    """The documented bad example fires the rule and the good one does not (as pylint does)."""
    examples = doc_examples(rule_cls)
    if not any(k == "fail" for k, _ in examples) or not any(k == "pass" for k, _ in examples):
        raise AssertionError(f"{rule_cls.code}: 示例 needs an 错误： and a 正确： example")
    for kind, text in examples:
        case = Case(rule_cls.code, f"doc-{kind}", text, (), {})
        got = [f for f in findings_of(case) if f["rule"] == rule_cls.code]
        if kind == "fail" and not got:
            raise AssertionError(f"{rule_cls.code}: documented bad example does not fire: {text!r}")
        if kind == "pass" and got:
            raise AssertionError(f"{rule_cls.code}: documented good example fires: {text!r} -> {got[0]['message']}")
