"""examples/: expected output, compared exactly, for every output format that is text.

Regenerate after a deliberate change with ``UPDATE_GOLDEN=1 python -m pytest tests/test_examples.py``
and review the diff.
"""
import os
import subprocess
import sys

import pytest

from conftest import ROOT

EXAMPLES = sorted(p.name for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md"))
FORMATS = {"json": ".json", "text": ".out"}


def run(fmt, name, lang="zh"):
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--format", fmt, "--lang", lang, f"examples/{name}"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", EXAMPLES)
def test_golden(name, fmt):
    out = run(fmt, name)
    golden = ROOT / "examples" / "expected" / f"{name}{FORMATS[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert golden.exists(), f"no expected output {golden}; run with UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8")


def test_clean_example_is_clean():
    proc = subprocess.run([sys.executable, "-m", "linter", "check", "examples/clean.txt"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout


def test_planted_example_finds_every_rule_kind():
    import json

    out = json.loads(run("json", "planted.txt"))
    codes = {f["rule"] for f in out["findings"]}
    assert {"JX101", "JX201", "JX401"} <= codes
