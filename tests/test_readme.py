"""The README stays true: its commands are the ones CI runs, and it lists every rule."""
import re

from conftest import ROOT
from linter.registry import all_rules

README = (ROOT / "README.md").read_text("utf-8")


def test_first_two_commands():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert blocks[0].strip() == "pip install . && jixiao-lint check examples/"
    test_command = blocks[1].strip()
    ci = (ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()
    assert ci[-1].strip() == test_command


def test_every_rule_is_in_the_table():
    for code, rule in all_rules().items():
        assert f"[{code}](docs/rules/{code}.md) | {rule.name} | {rule.category} | {rule.severity} |" in README, code
