"""Batches through the CLI: directories, globs, -j workers, stdin, --statistics, --exit-zero, --quiet."""
import json
import os
import subprocess
import sys

import pytest

from clirun import run
from conftest import ROOT

PLANTED = (ROOT / "examples" / "planted.txt").read_text("utf-8")
CLEAN = (ROOT / "examples" / "clean.txt").read_text("utf-8")
SUM = "我局核定编制 48 人，其中行政编制 20 人，事业编制 26 人，工勤编制 3 人。\n"


@pytest.fixture
def batch(tmp_path):
    for i in range(10):
        d = tmp_path / "reports" / f"unit{i % 3}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"r{i:02d}.txt").write_text(PLANTED if i % 2 else CLEAN, "utf-8")
    (tmp_path / "reports" / "notes.json").write_text("{}", "utf-8")
    return tmp_path


def paths(p):
    return [f["path"] for f in json.loads(p.stdout)["files"]]


def test_directories_and_globs_in_a_stable_order(batch):
    p = run("check", "--format", "json", "reports", cwd=batch)
    got = paths(p)
    assert len(got) == 10 and got == sorted(got)
    assert not any(x.endswith(".json") for x in got)
    p = run("check", "--format", "json", "reports/**/r0*.txt", "reports/unit1", cwd=batch)
    got = paths(p)
    assert got[:10] == sorted(got[:10]) and len(got) == 10  # the directory repeats files the glob gave: kept once
    p = run("check", "--format", "json", "reports/unit2/*.txt", cwd=batch)
    assert paths(p) == ["reports/unit2/r02.txt", "reports/unit2/r05.txt", "reports/unit2/r08.txt"]


def test_a_glob_matching_nothing_is_an_error(batch):
    p = run("check", "--format", "json", "reports/*.docx", cwd=batch)
    assert p.returncode == 2
    assert json.loads(p.stdout)["findings"][0]["rule"] == "JX001"


def test_workers_give_the_same_output_in_the_same_order(batch):
    one = run("check", "--format", "json", "reports", cwd=batch)
    two = subprocess.run([sys.executable, "-m", "linter", "check", "--format", "json", "-j", "2", "reports"],
                         cwd=batch, capture_output=True, text=True)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert two.stderr == ""  # stderr is not a terminal: no progress bar


def test_workers_use_each_files_config(batch):
    (batch / "reports" / "unit1" / "jixiao-lint.toml").write_text('ignore = ["JX101"]\n[severity]\nJX201 = "info"\n', "utf-8")
    one = run("check", "--format", "json", "reports", cwd=batch)
    two = subprocess.run([sys.executable, "-m", "linter", "check", "--format", "json", "-j", "2", "reports"],
                         cwd=batch, capture_output=True, text=True)
    assert one.stdout == two.stdout
    got = json.loads(two.stdout)["findings"]
    unit1 = [f for f in got if f["path"].startswith("reports/unit1/")]
    assert unit1 and not any(f["rule"] == "JX101" for f in unit1)
    assert {f["severity"] for f in unit1 if f["rule"] == "JX201"} == {"info"}
    assert any(f["rule"] == "JX101" for f in got if f["path"].startswith("reports/unit0/"))


def test_progress_bar_only_on_a_terminal(tmp_path):
    import pty

    for i in range(12):
        (tmp_path / f"r{i:02d}.txt").write_text(SUM, "utf-8")
    master, slave = pty.openpty()
    try:
        p = subprocess.run([sys.executable, "-m", "linter", "check", "--format", "json", "."],
                           cwd=tmp_path, stdout=subprocess.PIPE, stderr=slave, text=True)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    err = b"".join(chunks).decode("utf-8", "replace")
    assert "12/12" in err and "[####" in err
    assert json.loads(p.stdout)["summary"]["files"] == 12  # stdout untouched


def test_statistics(batch):
    p = run("check", "--statistics", "reports", cwd=batch)
    assert p.returncode == 1
    lines = [line.split("\t") for line in p.stdout.splitlines()]
    counts = {code: int(n) for n, code, _sev, _name in lines}
    assert counts["JX101"] == 15 and counts["JX201"] == 10 and counts["JX401"] == 10
    assert [int(line[0]) for line in lines] == sorted((int(line[0]) for line in lines), reverse=True)
    p = run("check", "--statistics", "--format", "json", "reports", cwd=batch)
    stats = json.loads(p.stdout)
    assert {"rule": "JX201", "name": "score-out-of-range", "severity": "error", "count": 10} in stats


def test_exit_zero(batch):
    p = run("check", "--exit-zero", "reports", cwd=batch)
    assert p.returncode == 0 and "JX101" in p.stdout
    assert run("check", "--exit-zero", "reports", "missing.txt", cwd=batch).returncode == 2


def test_stdin(batch):
    p = run("check", "--format", "json", "-", "--stdin-filename", "reports/unit0/from-stdin.txt", cwd=batch,
            stdin=SUM.encode("gb18030"))
    assert p.returncode == 1
    out = json.loads(p.stdout)
    assert out["files"][0]["path"] == "reports/unit0/from-stdin.txt"
    assert [(f["rule"], f["line"], f["column"], f["snippet"]) for f in out["findings"]] == [("JX101", 1, 8, "48 人")]
    # the config file for the named place applies
    (batch / "reports" / "unit0" / "jixiao-lint.toml").write_text('ignore = ["JX101"]\n', "utf-8")
    p = run("check", "-", "--stdin-filename", "reports/unit0/from-stdin.txt", cwd=batch, stdin=SUM.encode("utf-8"))
    assert p.returncode == 0
    # without a name
    p = run("check", "-q", "-", cwd=batch, stdin=SUM.encode("utf-8"))
    assert p.returncode == 1 and p.stdout.startswith("-:1:8: JX101 [error]")
    assert run("check", "--stdin-filename", "x.txt", "reports", cwd=batch).returncode == 2


def test_quiet(batch):
    p = run("check", "-q", "reports/unit1", cwd=batch)
    assert p.returncode == 1
    lines = p.stdout.splitlines()
    assert lines and all(line.startswith("reports/unit1/") and ": JX" in line for line in lines)
    assert "共检查" not in p.stdout
    p = run("check", "-qq", "reports/unit1", cwd=batch)
    assert p.returncode == 1 and p.stdout == "" and p.stderr == ""
    p = run("check", "-q", "reports/unit0/r00.txt", cwd=batch)
    assert p.returncode == 0 and p.stdout == ""
