"""Every rule: well-formed metadata, its documented example, and its data-driven cases."""
from pathlib import Path

import pytest

from linter.registry import all_rules
from linter.rule import validate_rule
from linter.testing import assert_case, assert_doc_examples, load_cases

CASES_DIR = Path(__file__).parent / "rules" / "cases"
CASE_FILES = sorted(CASES_DIR.glob("*.toml"))
CASES = [c for f in CASE_FILES for c in load_cases(f)]
RULES = list(all_rules().values())
CHECKING_RULES = [r for r in RULES if r.category != "input"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    assert case.rule in all_rules(), f"{case.path}: unknown rule {case.rule}"
    assert_case(case)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_metadata(rule):
    assert validate_rule(rule, "test") == []


@pytest.mark.parametrize("rule", CHECKING_RULES, ids=[r.code for r in CHECKING_RULES])
def test_rule_doc_example(rule):
    assert_doc_examples(rule)


@pytest.mark.parametrize("rule", CHECKING_RULES, ids=[r.code for r in CHECKING_RULES])
def test_rule_has_cases(rule):
    path = CASES_DIR / f"{rule.code}.toml"
    assert path.exists(), f"{rule.code} has no case file {path.name}"
    cases = load_cases(path)
    assert any(c.expect for c in cases), f"{rule.code}: no failing case"
    assert any(not c.expect for c in cases), f"{rule.code}: no passing case"
