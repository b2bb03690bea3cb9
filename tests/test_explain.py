"""Knowing the rules: ``jixiao-lint rules``, ``jixiao-lint explain``, and docs/rules/ kept fresh."""
import json

from clirun import run
from conftest import ROOT
from linter import docs
from linter.registry import all_rules


def test_rules_table_lists_every_rule():
    p = run("rules", cwd=ROOT)
    assert p.returncode == 0
    lines = p.stdout.splitlines()
    assert lines[0].split()[:4] == ["代码", "名称", "类别", "严重程度"]
    rules = all_rules()
    assert len(lines) == len(rules) + 1
    for line, rule in zip(lines[1:], rules.values()):
        assert line.split()[:4] == [rule.code, rule.name, rule.category, rule.severity]
        assert line.endswith(rule.summary_zh)
    en = run("rules", "--lang", "en", cwd=ROOT).stdout.splitlines()
    assert en[0].split() == ["code", "name", "category", "severity", "summary"]
    assert en[1].endswith(next(iter(rules.values())).summary_en)


def test_rules_as_json():
    p = run("rules", "--format", "json", cwd=ROOT)
    rows = json.loads(p.stdout)
    assert [r["code"] for r in rows] == list(all_rules())
    jx101 = next(r for r in rows if r["code"] == "JX101")
    assert jx101 == {"code": "JX101", "name": "breakdown-sum", "category": "arithmetic", "severity": "error",
                     "summary_zh": all_rules()["JX101"].summary_zh, "summary_en": all_rules()["JX101"].summary_en}


def test_explain_in_chinese():
    p = run("explain", "JX101", cwd=ROOT)
    assert p.returncode == 0
    out = p.stdout
    assert out.startswith("JX101 breakdown-sum\n")
    for heading in ("做什么", "为什么是问题", "示例", "工具对错误示例的报告"):
        assert f"\n{heading}\n" in out
    assert out.index("做什么") < out.index("为什么是问题") < out.index("示例")
    assert "    错误：" in out and "    正确：" in out
    assert "JX101 [error] 收入决算数 3628.78 万元" in out  # what the tool says on the bad example
    assert run("explain", "breakdown-sum", cwd=ROOT).stdout == out
    assert run("explain", "jx101", cwd=ROOT).stdout == out


def test_explain_in_english():
    out = run("explain", "--lang", "en", "JX101", cwd=ROOT).stdout
    rule = all_rules()["JX101"]
    assert rule.summary_en in out
    for heading in ("What it does", "Why is this a problem", "Example"):
        assert f"\n{heading}\n" in out
    assert "does not equal the sum of its parts" in out


def test_every_rule_explains():
    for code in all_rules():
        p = run("explain", code, cwd=ROOT)
        assert p.returncode == 0 and p.stdout.startswith(code)


def test_unknown_rule_says_what_was_meant():
    p = run("explain", "breakdown-sun", cwd=ROOT)
    assert p.returncode == 2
    assert "did you mean: 'breakdown-sum'" in p.stderr


def test_docs_pages_are_fresh():
    problems = docs.stale()
    assert not problems, f"docs/rules/ is stale ({', '.join(problems)}): run `python -m linter.docs` and commit docs/rules/"


def test_docs_generator_round_trip(tmp_path):
    assert docs.main(["--dir", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.glob("*.md"))
    assert names == sorted([f"{c}.md" for c in all_rules()] + ["index.md"])
    assert docs.main(["--check", "--dir", str(tmp_path)]) == 0
    (tmp_path / "JX101.md").write_text("old", "utf-8")
    (tmp_path / "JX999.md").write_text("a removed rule", "utf-8")
    assert docs.stale(tmp_path) == ["stale JX101.md", "extra JX999.md"]
    assert docs.main(["--check", "--dir", str(tmp_path)]) == 1
    page = (ROOT / "docs" / "rules" / "JX101.md").read_text("utf-8")
    assert page.splitlines()[2] == "# JX101 breakdown-sum"
    assert "## 示例" in page and "```text" in page
    index = (ROOT / "docs" / "rules" / "index.md").read_text("utf-8")
    assert "| [JX101](JX101.md) | breakdown-sum | arithmetic | error |" in index
