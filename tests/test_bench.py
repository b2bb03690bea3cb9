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
