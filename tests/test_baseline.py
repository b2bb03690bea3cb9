"""Baselines through the CLI: known findings stay out of the output and the exit status."""
import json

import pytest

from clirun import run
from conftest import ROOT

PLANTED = (ROOT / "examples" / "planted.txt").read_text("utf-8")
NEW_DEFECT = "\n我局实有人员 30 人，其中在编人员 25 人，编外人员 4 人。\n"


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "reports").mkdir()
    # the rules these tests know (others, added later, must not change what they see)
    (tmp_path / "jixiao-lint.toml").write_text('select = ["JX101", "JX201", "JX401"]\n', "utf-8")
    (tmp_path / "reports" / "a.txt").write_text(PLANTED, "utf-8")
    p = run("check", "--write-baseline", "baseline.json", "reports", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "baseline.json" in p.stderr
    return tmp_path


def findings(p):
    return [(f["path"], f["rule"], f["line"]) for f in json.loads(p.stdout)["findings"]]


def test_baseline_file_records_every_finding_without_lines(repo):
    data = json.loads((repo / "baseline.json").read_text("utf-8"))
    assert data["tool"] == "jixiao-lint" and data["version"] == 1
    entries = data["findings"]
    assert len(entries) >= 7
    assert {e["path"] for e in entries} == {"reports/a.txt"}
    assert {"JX101", "JX201", "JX401"} <= {e["rule"] for e in entries}
    assert all(set(e) == {"path", "rule", "fingerprint", "message"} for e in entries)
    assert not any("line" in e for e in entries)


def test_known_findings_are_suppressed(repo):
    p = run("check", "--baseline", "baseline.json", "reports", cwd=repo)
    assert p.returncode == 0, p.stdout
    assert "JX101" not in p.stdout
    assert "发现 0 个问题" in p.stdout
    assert "基线已忽略" in p.stdout and "--show-suppressed" in p.stdout


def test_fingerprints_survive_edits_elsewhere(repo):
    report = repo / "reports" / "a.txt"
    text = PLANTED.replace("附件 3\n", "附件 3\n\n（本报告已于 2024 年 4 月修订）\n\n\n")  # lines added above everything
    text = text.replace("一、单位基本情况", "一、单位基本情况\n\n本单位为县政府工作部门。")
    text = text.replace("其中：基本支出 902.17 万元，", "其中：\n基本支出 902.17 万元，")  # re-wrapped inside a finding's sentence
    report.write_text(text, "utf-8")
    p = run("check", "--format", "json", "--baseline", "baseline.json", "reports", cwd=repo)
    assert p.returncode == 0, findings(p)
    # a new defect is reported, and only it
    report.write_text(text + NEW_DEFECT, "utf-8")
    p = run("check", "--format", "json", "--baseline", "baseline.json", "reports", cwd=repo)
    assert p.returncode == 1
    got = json.loads(p.stdout)["findings"]
    assert [(f["rule"], f["snippet"]) for f in got] == [("JX101", "30 人")]


def test_a_changed_finding_is_new(repo):
    report = repo / "reports" / "a.txt"
    report.write_text(PLANTED.replace("1632.46", "1732.46"), "utf-8")
    p = run("check", "--format", "json", "--baseline", "baseline.json", "reports", cwd=repo)
    assert p.returncode == 1
    assert [f["snippet"] for f in json.loads(p.stdout)["findings"]] == ["1732.46 万元"]


def test_repeated_findings_are_counted(repo):
    report = repo / "reports" / "a.txt"
    # the second and third copies have the same evidence, context included
    report.write_text("说明。\n" + NEW_DEFECT * 2, "utf-8")
    assert run("check", "--write-baseline", "baseline.json", "reports", cwd=repo).returncode == 0
    report.write_text("说明。\n" + NEW_DEFECT * 3, "utf-8")
    p = run("check", "--format", "json", "--baseline", "baseline.json", "reports", cwd=repo)
    assert p.returncode == 1
    assert [(f["rule"], f["line"]) for f in json.loads(p.stdout)["findings"]] == [("JX101", 7)]


def test_show_suppressed(repo):
    p = run("check", "--baseline", "baseline.json", "--show-suppressed", "reports/a.txt", cwd=repo)
    assert p.returncode == 0
    assert "基线已忽略" in p.stdout
    assert "reports/a.txt:29:14: JX101 [error, 已忽略] 收入决算数 1632.46 万元" in p.stdout
    p = run("check", "--format", "json", "--baseline", "baseline.json", "--show-suppressed", "reports/a.txt", cwd=repo)
    out = json.loads(p.stdout)
    assert out["findings"] == [] and out["summary"]["findings"] == 0
    assert {"JX101", "JX201", "JX401"} <= {f["rule"] for f in out["suppressed"]}
    assert "suppressed" not in json.loads(run("check", "--format", "json", "--baseline", "baseline.json", "reports/a.txt", cwd=repo).stdout)


def test_paths_are_relative_to_the_baseline_file(repo):
    # run from inside reports/: the file is named differently, the baseline still applies
    p = run("check", "--baseline", "../baseline.json", "a.txt", cwd=repo / "reports")
    assert p.returncode == 0, p.stdout


def test_bad_baseline_is_a_usage_error(repo):
    (repo / "bad.json").write_text('{"findings": 3}', "utf-8")
    for name in ("bad.json", "missing.json"):
        p = run("check", "--baseline", name, "reports", cwd=repo)
        assert p.returncode == 2 and p.stdout == ""
        assert name in p.stderr


def test_api_results_carry_suppressed_and_pickle(repo):
    import pickle

    from linter import baseline, check_file

    result = check_file(str(repo / "reports" / "a.txt"), discover=True)
    (applied,) = baseline.load(str(repo / "baseline.json")).apply([result])
    assert applied.findings == () and len(applied.suppressed) == len(result.findings)
    assert pickle.loads(pickle.dumps(applied)) == applied
    assert baseline.fingerprint(result, result.findings[0]) == baseline.fingerprint(applied, applied.suppressed[0])
