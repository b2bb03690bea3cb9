"""The benchmark scripts run on a tiny input and print what they promise.

No timing is asserted here, ever: the figures depend on the machine.
"""
from __future__ import annotations

import importlib.util
import json
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

REPORT = """\
东河区文化馆2023年度部门整体支出绩效自评报告

评价年度：2023 年度
评价单位：东河区文化馆
填报日期：2024 年 4 月 20 日

一、基本情况
（一）机构设置
现将 2023 年度东河区文化馆整体支出绩效自评情况报告如下。东河区文化馆核定编制 12 人。
（二）收支情况
2023 年收入决算数 500.00 万元，其中：财政拨款 420.00 万元，年初结转和结余 80.00 万元。
2023 年支出决算数 450.00 万元，其中：基本支出 300.00 万元，项目支出 150.00 万元。
年初预算数 500.00 万元，支出 450.00 万元，预算执行率 90.00%。
二、自评工作开展情况
2024 年 3 月 15 日，东河区文化馆成立自评工作小组，完成数据填报。
三、绩效自评情况
1. 预算编制
2. 预算执行
3. 预算监督
经评价，东河区文化馆 2023 年度整体支出绩效自评得分为 92 分，评价等级为优。
"""

GOLD = """\
[[item]]
id = "t-01"
file = "r1.txt"
lines = [11, 11]
category = "arithmetic"
level = "must"
note = "a planted sum"
"""


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", os.path.join(ROOT, "bench", f"{name}.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture()
def tiny(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "r1.txt").write_text(REPORT.replace("年初结转和结余 80.00", "年初结转和结余 90.00"), encoding="utf-8")
    (corpus / "r2.txt").write_text(REPORT, encoding="utf-8")
    gold = tmp_path / "gold.toml"
    gold.write_text(GOLD, encoding="utf-8")
    return corpus, gold


def test_accuracy_runs(tiny, capsys):
    corpus, gold = tiny
    assert _load("accuracy").main(["--gold", str(gold), "--corpus", str(corpus), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["recall"]["arithmetic/must"] == [1, 1]
    assert _load("accuracy").main(["--gold", str(gold), "--corpus", str(corpus), "-v"]) == 0
    assert "| arithmetic |" in capsys.readouterr().out


def test_mutation_runs_and_is_reproducible(tiny, capsys):
    corpus, _ = tiny
    mod = _load("mutation")
    args = ["--files", str(corpus / "r2.txt"), "--per-kind", "2", "--seed", "3", "--json"]
    assert mod.main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert set(first) == set(mod.KINDS)
    # the tiny report offers a breakdown, a rate, a score with its grade, a list, the unit's name
    for kind in ("sum", "unit", "rate", "score", "grade", "placeholder", "list-dup", "date-impossible"):
        assert first[kind]["mutations"] >= 1, kind
    for kind, res in first.items():
        for case in res["cases"]:
            assert case["change"]
    assert mod.main(args) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert mod.main(["--files", str(corpus / "r2.txt"), "--per-kind", "1", "--kinds", "sum,grade"]) == 0
    assert "| sum |" in capsys.readouterr().out


def test_mutations_are_real_errors_of_their_kind(tiny):
    corpus, _ = tiny
    mod = _load("mutation")
    from linter.config import Config

    rep = mod.Report(str(corpus / "r2.txt"), Config())
    for kind in ("sum", "grade", "score", "year"):
        muts = list(mod.SITES[kind](rep))
        assert muts, kind
        for m in muts:
            mutated = m.apply(rep.text)
            assert mutated != rep.text
            assert len(mutated) == len(rep.text) + m.delta
    grade = next(iter(mod.SITES["grade"](rep)))
    assert rep.text[grade.start:grade.end] == "优" and grade.new in ("良", "中", "差")


def test_speed_runs(tiny, capsys):
    corpus, _ = tiny
    mod = _load("speed")
    assert mod.main(["--corpus", str(corpus), "--repeat", "1", "--scales", "1", "--no-cli", "--no-jobs", "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert set(res["stages"]["seconds"]) >= {"read", "normalise", "parse", "extract", "rules", "whole pipeline"}
    assert res["scaling"][0]["chars"] > 0 and res["scaling"][0]["traced_peak"] > 0
    assert mod.main(["--corpus", str(corpus), "--repeat", "1", "--scales", "", "--no-cli", "--no-jobs"]) == 0
    assert "| whole pipeline |" in capsys.readouterr().out


def test_synthetic_report_grows_with_the_scale():
    mod = _load("speed")
    one = mod.synthetic(["收入 12.34 万元。"], 1)
    three = mod.synthetic(["收入 12.34 万元。"], 3)
    assert three.count("万元") == 3 and len(three) > 2 * len(one)
    assert three.startswith(one)


PROBE_REPORT = """\
西岭县图书馆2022年度项目支出绩效自评报告

一、项目概况
西岭县图书馆负责全县公共阅读服务。2022 年，本馆实施“书香西岭”阅读推广项目。
二、资金使用情况
2022 年项目资金到位 80.00 万元，其中：县级财政资金 50.00 万元，上级补助资金 30.00 万元。
项目资金到位 80.00 万元，实际支出 72.00 万元，资金执行率 90.00%。
三、工作开展情况
1. 举办阅读讲座 12 场。
2. 新增图书 3000 册。
3. 开展送书下乡活动。
2022 年 11 月 8 日，本馆召开项目总结会。
四、自评结论
本馆对 2022 年度项目支出进行了绩效自评，自评得分为 88 分，评价等级为良。
"""


def test_probe_finds_sites_without_the_linter_and_is_reproducible(tmp_path, capsys):
    report = tmp_path / "probe.txt"
    report.write_text(PROBE_REPORT, encoding="utf-8")
    mod = _load("probe")
    args = ["--files", str(report), "--per-kind", "3", "--seed", "5", "--json"]
    assert mod.main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert set(first) == set(mod.KINDS)
    for kind, res in first.items():
        # every kind has a site in the little report, and every site drawn is tried
        assert res["sites"] >= 1 and res["tried"] >= 1, kind
        assert set(res) == {"sites", "tried", "skipped", "detected", "elsewhere", "cases"}
        assert len(res["cases"]) == res["tried"]
        assert res["detected"] == sum(c["detected"] for c in res["cases"])
        assert res["elsewhere"] == sum(len(c["elsewhere"]) for c in res["cases"])
        for case in res["cases"]:
            assert case["file"] == "probe.txt" and case["line"] >= 1 and "→" in case["change"]
    # the sites are the probe's own: the broken 其中 part, the rate, the score …
    assert first["sum"]["cases"][0]["change"].startswith(("50.00万元", "30.00万元"))
    assert first["unit"]["cases"][0]["change"] in ("50.00万元 → 50.00元", "30.00万元 → 30.00元")
    assert first["grade"]["cases"][0]["change"].startswith("88分 … 良 →")
    assert first["year"]["sites"] == 2  # the title and the sentence that says what was evaluated
    # a broken sum is found by the arithmetic rule on its sentence, and counted so
    assert first["sum"]["detected"] == 1 and "JX101" in first["sum"]["cases"][0]["rules"]
    assert first["date-impossible"]["detected"] == 1
    # the same seed gives the same mutations and the same figures
    assert mod.main(args) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert mod.main(["--files", str(report), "--per-kind", "1", "--kinds", "sum,list-dup", "-v"]) == 0
    out = capsys.readouterr().out
    assert "| sum | 1 | 1 | 0 | 1 | 100% | 0 | JX101 |" in out and "| list-dup |" in out and "\n| rate |" not in out


def test_probe_does_not_count_a_change_that_breaks_nothing(tmp_path):
    report = tmp_path / "probe.txt"
    report.write_text(PROBE_REPORT, encoding="utf-8")
    mod = _load("probe")
    from linter.config import Config

    rep = mod.Report(str(report), Config())
    site = mod.SITES["sum"](rep)[0]
    real = mod.mutate(site, __import__("random").Random(0))
    assert real.apply(rep.text) != rep.text
    assert mod.evaluate(site, real).detected
    # the same place written again unchanged: no new finding, so neither detected nor elsewhere
    start, end, _ = real.edits[0]
    same = mod.Mutation("sum", rep.path, ((start, end, rep.text[start:end]),), "no change")
    outcome = mod.evaluate(site, same)
    assert not outcome.detected and outcome.elsewhere == ()


def test_probe_reads_a_grade_after_a_total_written_without_fen(tmp_path):
    # a total written bare after its label, ending its clause, then its grade: a grade site
    mod = _load("probe")
    from linter.config import Config

    report = tmp_path / "bare.txt"
    report.write_text(
        "西岭县档案馆2023年度部门整体支出绩效自评报告\n"
        "经自评，本馆自评得分93.5，评价等级为优。\n"
        "经复核，本馆综合得分86，自评等级为良好。\n"
        "本馆自评得分率95%，评价等级为优。\n"  # a score's rate, no total
        "本馆自评得分92分，评价等级为优。\n"  # the site with 分, read once
        "最终得分78，等级为中。\n",
        encoding="utf-8",
    )
    rep = mod.Report(str(report), Config())
    sites = mod.SITES["grade"](rep)
    assert [(s["num"], s["g"], s["unit"]) for s in sites] == [("93.5", "优", ""), ("86", "良好", ""), ("92", "优", "分"), ("78", "中", "")]
    case = mod.evaluate(sites[0], mod.mutate(sites[0], __import__("random").Random(0)))
    assert case.detected  # the linter reads the bare total for its grade (JX203)
