"""Every finding a rule gives on the real corpus has been reviewed by hand.

``tests/corpus_reviewed/JXnnn.toml`` lists, for rule JXnnn, every finding it gives on
../shared/corpus — file, line, column and why it is right. The rule's output on the
corpus must equal that list exactly: a new finding is either a real defect (add it,
with the reason) or a false alarm (fix the rule); a finding that disappears is a lost
true positive unless the list is changed on purpose.
"""
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT, corpus_files, needs_corpus

pytestmark = needs_corpus
REVIEWED = sorted((Path(__file__).parent / "corpus_reviewed").glob("*.toml"))


@pytest.fixture(scope="module")
def corpus_findings():
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--format", "json", *map(str, corpus_files())],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


@pytest.mark.parametrize("path", REVIEWED, ids=[p.stem for p in REVIEWED])
def test_reviewed(path, corpus_findings):
    data = tomllib.loads(path.read_text("utf-8"))
    code = data["rule"]
    want = sorted((f["file"], f["line"], f["column"]) for f in data.get("finding", []))
    for f in data.get("finding", []):
        assert f.get("why"), f"{path.name}: every reviewed finding says why it is right: {f}"
    got = sorted((os.path.basename(f["path"]), f["line"], f["column"]) for f in corpus_findings if f["rule"] == code)
    detail = "\n".join(
        f"  {os.path.basename(f['path'])}:{f['line']}:{f['column']} {f['message']}"
        for f in corpus_findings if f["rule"] == code
    )
    assert got == want, f"{code} on the corpus differs from the reviewed list:\n{detail}"
