"""The real reports in ../shared/corpus: no crash, valid JSON, exact places, known defects found."""
import json
import subprocess
import sys

import jsonschema
import pytest

from conftest import CORPUS, GOLD, ROOT, SHARED, corpus_files, needs_corpus

pytestmark = needs_corpus

# Recall on gold/seeds.toml this version reaches; it must not fall.
MIN_MUST = 1.0
MIN_SHOULD = 1.0


def run_json(paths):
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--format", "json", *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def corpus_output():
    return run_json(corpus_files())


def test_contract(corpus_output):
    schema = json.loads((ROOT / "tests" / "contract.schema.json").read_text("utf-8"))
    jsonschema.validate(corpus_output, schema)
    assert corpus_output["summary"]["files"] == len(corpus_files())
    assert not [f for f in corpus_output["findings"] if f["category"] == "input" and f["severity"] == "error"]


def _slice(lines, line, col, end_line, end_col):
    if line == end_line:
        return lines[line - 1][col - 1:end_col - 1]
    out = [lines[line - 1][col - 1:]]
    out += lines[line:end_line - 1]
    out.append(lines[end_line - 1][:end_col - 1])
    return "\n".join(out)


def test_every_place_points_at_its_text(corpus_output):
    texts = {}
    for f in corpus_output["findings"]:
        if f["path"] not in texts:
            texts[f["path"]] = open(f["path"], encoding="utf-8").read().split("\n")
        lines = texts[f["path"]]
        at = _slice(lines, f["line"], f["column"], f["end_line"], f["end_column"])
        assert at == f["snippet"], f
        assert at.strip(), f"empty span: {f}"


def test_gold_recall():
    proc = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(GOLD), "--corpus", str(CORPUS),
         "--cmd", f"{sys.executable} -m linter check --format json", "-v"],
        capture_output=True, text=True, cwd=ROOT,
    )
    print(proc.stdout)
    last = proc.stdout.strip().splitlines()[-1]
    # "recall must 83% should 20%; extra findings 3"
    must = int(last.split("must ")[1].split("%")[0]) / 100
    should = int(last.split("should ")[1].split("%")[0]) / 100
    assert must >= MIN_MUST and should >= MIN_SHOULD, proc.stdout


@pytest.mark.parametrize("category", ["arithmetic", "score", "placeholder"])
def test_must_items_of_core_categories_found(corpus_output, category):
    import os
    import tomllib

    items = [i for i in tomllib.loads(GOLD.read_text("utf-8"))["item"]
             if i["level"] == "must" and i["category"] == category]
    for item in items:
        hits = [f for f in corpus_output["findings"]
                if os.path.basename(f["path"]) == item["file"]
                and item["lines"][0] <= f["line"] <= item["lines"][1]
                and f["category"] in {item["category"], *item.get("also", [])}]
        assert hits, f"gold item {item['id']} not found: {item['note']}"
