"""Configuration files through the CLI: discovery, layering, every key, and the errors."""
import json

import pytest

from clirun import run
from conftest import ROOT

PLANTED = (ROOT / "examples" / "planted.txt").read_text("utf-8")


def rules_found(*args, cwd):
    p = run("check", "--format", "json", *args, cwd=cwd)
    assert p.returncode in (0, 1), p.stderr
    return json.loads(p.stdout)


def codes(out):
    return sorted({f["rule"] for f in out["findings"]})


@pytest.fixture
def tree(tmp_path):
    """tmp/pyproject.toml, tmp/reports/a.txt, tmp/reports/drafts/b.txt — all the planted report."""
    (tmp_path / "reports" / "drafts").mkdir(parents=True)
    for rel in ("reports/a.txt", "reports/drafts/b.txt"):
        (tmp_path / rel).write_text(PLANTED, "utf-8")
    return tmp_path


def test_no_config_runs_every_rule(tree):
    assert {"JX101", "JX201", "JX401"} <= set(codes(rules_found("reports/a.txt", cwd=tree)))


def test_pyproject_table_is_found_walking_up(tree):
    (tree / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.jixiao-lint]\nignore = ["JX401"]\n', "utf-8")
    # run from elsewhere: the config is found from the checked file, not the working directory
    out = rules_found(str(tree / "reports" / "a.txt"), cwd=ROOT)
    assert "JX401" not in codes(out) and "JX101" in codes(out)


def test_pyproject_without_the_table_is_passed_over(tree):
    (tree / "reports" / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    (tree / "jixiao-lint.toml").write_text('select = ["score"]\n', "utf-8")
    got = codes(rules_found("reports/a.txt", cwd=tree))
    assert "JX201" in got and all(c.startswith("JX2") for c in got)


def test_nearest_config_wins_and_jixiao_toml_before_pyproject(tree):
    (tree / "jixiao-lint.toml").write_text('select = ["JX2"]\n', "utf-8")
    (tree / "reports" / "drafts" / "pyproject.toml").write_text('[tool.jixiao-lint]\nselect = ["JX1"]\n', "utf-8")
    out = rules_found("reports/a.txt", "reports/drafts/b.txt", cwd=tree)
    by_file = {}
    for f in out["findings"]:
        by_file.setdefault(f["path"], set()).add(f["rule"])
    assert "JX201" in by_file["reports/a.txt"] and all(c.startswith("JX2") for c in by_file["reports/a.txt"])
    assert "JX101" in by_file["reports/drafts/b.txt"] and all(c.startswith("JX1") for c in by_file["reports/drafts/b.txt"])
    (tree / "reports" / "drafts" / "jixiao-lint.toml").write_text('select = ["unfilled-placeholder"]\n', "utf-8")
    out = rules_found("reports/drafts/b.txt", cwd=tree)
    assert codes(out) == ["JX401"]


def test_layers_file_then_config_option_then_command_line(tree):
    (tree / "jixiao-lint.toml").write_text('ignore = ["JX401"]\n[severity]\nJX101 = "warning"\n', "utf-8")
    (tree / "team.toml").write_text('[severity]\nJX101 = "info"\nscore = "warning"\n', "utf-8")
    out = rules_found("--config", "team.toml", "reports/a.txt", cwd=tree)
    sev = {f["rule"]: f["severity"] for f in out["findings"]}
    assert "JX401" not in sev  # the found file still applies under --config
    assert sev["JX101"] == "info" and sev["JX201"] == "warning"
    # the command line's --select replaces the selection of every file below it
    out = rules_found("--config", "team.toml", "--select", "JX401", "reports/a.txt", cwd=tree)
    assert codes(out) == ["JX401"]
    # --isolated: no file is looked for
    out = rules_found("--isolated", "reports/a.txt", cwd=tree)
    assert "JX401" in codes(out)
    assert {f["severity"] for f in out["findings"] if f["rule"] == "JX101"} == {"error"}


def test_per_file_ignores_are_relative_to_the_config_file(tree):
    (tree / "jixiao-lint.toml").write_text('[per-file-ignores]\n"reports/drafts/*.txt" = ["placeholder", "JX2"]\n', "utf-8")
    out = rules_found("reports", cwd=tree)
    by_file = {}
    for f in out["findings"]:
        by_file.setdefault(f["path"], set()).add(f["rule"])
    assert {"JX101", "JX201", "JX401"} <= by_file["reports/a.txt"]
    assert "JX101" in by_file["reports/drafts/b.txt"]
    assert not by_file["reports/drafts/b.txt"] & {"JX201", "JX401"}


def test_lang_and_year(tree):
    (tree / "jixiao-lint.toml").write_text('lang = "en"\nyear = 2021\n', "utf-8")
    (tree / "reports" / "noyear.txt").write_text("一、单位基本情况\n\n我局核定编制 48 人，其中行政编制 20 人，事业编制 26 人，工勤编制 3 人。\n", "utf-8")
    out = rules_found("reports/noyear.txt", cwd=tree)
    assert out["files"][0]["year"] == 2021
    assert "does not equal" in out["findings"][0]["message"]
    out = rules_found("--lang", "zh", "--year", "2020", "reports/noyear.txt", cwd=tree)
    assert out["files"][0]["year"] == 2020
    assert "不符" in out["findings"][0]["message"]
    # a detected year is not overridden
    out = rules_found("reports/a.txt", cwd=tree)
    assert out["files"][0]["year"] == 2023


@pytest.mark.parametrize(
    "toml, expected",
    [
        ('ignroe = ["JX401"]\n', "did you mean: 'ignore'"),
        ('select = ["breakdown-sun"]\n', "did you mean: 'breakdown-sum'"),
        ('extend-select = ["placeholders"]\n', "'placeholder'"),
        ('ignore = ["JX9"]\n', "unknown rule 'JX9'"),
        ('[severity]\nJX101 = "fatal"\n', "must be one of error, warning, info"),
        ('[severity]\nJX1O1 = "warning"\n', "unknown rule 'JX1O1'"),
        ('lang = "fr"\n', "must be one of zh, en"),
        ('year = "2023"\n', "expected a year"),
        ('rounding = "half_up"\n', "did you mean: 'half-up'"),
        ('[grade-bands]\n"优" = 90\n"良" = 95\n', "must decrease"),
        ('[grade-bands]\n"优秀" = 90\n', "unknown grade '优秀'"),
        ('[synonyms]\n"收入预算数" = 3\n', "expected a list of strings"),
        ('encoding = "gbk2"\n', "unknown encoding"),
        ('select = "JX1\n', "invalid TOML"),
    ],
)
def test_bad_config_is_an_error_that_says_what_was_meant(tree, toml, expected):
    (tree / "jixiao-lint.toml").write_text(toml, "utf-8")
    p = run("check", "reports/a.txt", cwd=tree)
    assert p.returncode == 2
    assert "jixiao-lint.toml" in p.stderr
    assert expected in p.stderr
    assert p.stdout == ""


def test_bad_selector_on_the_command_line(tree):
    p = run("check", "--ignore", "placeholdr", "reports/a.txt", cwd=tree)
    assert p.returncode == 2 and "did you mean: 'placeholder'" in p.stderr
    p = run("check", "--config", "missing.toml", "reports/a.txt", cwd=tree)
    assert p.returncode == 2 and "cannot read the config file" in p.stderr


def test_underscores_and_tool_table_in_jixiao_toml(tree):
    (tree / "jixiao-lint.toml").write_text('[tool.jixiao-lint]\nextend_select = ["JX401"]\nselect = ["JX201"]\n', "utf-8")
    assert codes(rules_found("reports/a.txt", cwd=tree)) == ["JX201", "JX401"]


def test_grade_bands_rounding_and_synonyms_reach_the_config(tree):
    from linter.configfile import config_for

    (tree / "jixiao-lint.toml").write_text(
        'rounding = "any"\n[grade-bands]\n"优" = 85\n"良" = 75\n"中" = 60\n[synonyms]\n"收入预算数" = ["收入预算安排数"]\n', "utf-8")
    cfg = config_for(str(tree / "reports" / "a.txt"))
    assert cfg.rounding == "any"
    assert [(g, int(b)) for g, b in cfg.grade_bands] == [("优", 85), ("良", 75), ("中", 60), ("差", 0)]
    assert cfg.vocabulary.canonical("收入预算安排数") == "收入预算数"
    cfg = config_for(str(tree / "reports" / "a.txt"), rounding="half-up")
    assert cfg.rounding == "half-up"


def test_rounding_any_accepts_truncated_rates(tree):
    (tree / "reports" / "rate.txt").write_text("项目实际支出671.46万元，下达预算数1000.00万元，支出完成率67.14%。\n", "utf-8")
    assert "JX106" in codes(rules_found("reports/rate.txt", cwd=tree))
    (tree / "jixiao-lint.toml").write_text('rounding = "any"\n', "utf-8")
    assert not {"JX102", "JX106"} & set(codes(rules_found("reports/rate.txt", cwd=tree)))


def test_python_api_honours_config_files_when_asked(tree):
    import attrs

    import linter
    from linter.configfile import ConfigError

    (tree / "jixiao-lint.toml").write_text('ignore = ["JX401"]\n[severity]\nJX101 = "warning"\n', "utf-8")
    path = str(tree / "reports" / "a.txt")
    plain = linter.check_file(path)  # packaged defaults: no file is read unless asked
    assert "JX401" in {f.code for f in plain.findings}
    found = linter.check_file(path, discover=True)
    assert "JX401" not in {f.code for f in found.findings}
    assert {f.severity for f in found.findings if f.code == "JX101"} == {"warning"}
    # a config file named explicitly, and a Config laid over the found file
    (tree / "other.toml").write_text('select = ["score"]\n', "utf-8")
    assert {f.code for f in linter.check_file(path, config=str(tree / "other.toml")).findings} == {"JX201"}
    both = linter.check_file(path, config=linter.Config(select=("JX1", "JX4")), discover=True)
    assert "JX401" not in {f.code for f in both.findings} and "JX101" in {f.code for f in both.findings}
    text = linter.check_text(PLANTED, path=path, discover=True)
    assert [f.code for f in text.findings] == [f.code for f in found.findings]
    # results are immutable values
    assert isinstance(found.findings, tuple)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.findings = ()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.findings[0].severity = "info"
    (tree / "jixiao-lint.toml").write_text('ignore = ["nope"]\n', "utf-8")
    with pytest.raises(ConfigError, match="unknown rule 'nope'"):
        linter.check_file(path, discover=True)


def test_show_config(tree):
    (tree / "jixiao-lint.toml").write_text('ignore = ["JX401"]\nyear = 2022\n[severity]\nJX101 = "warning"\n', "utf-8")
    p = run("check", "--show-config", "--lang", "en", "reports/a.txt", cwd=tree)
    assert p.returncode == 0
    head, _, body = p.stdout.partition("\n")
    assert head == f"reports/a.txt: {tree / 'jixiao-lint.toml'}"
    settings = json.loads(body)
    assert settings["ignore"] == ["JX401"] and settings["year"] == 2022 and settings["lang"] == "en"
    assert settings["severity"] == {"JX101": "warning"}
