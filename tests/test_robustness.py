"""Attacks on the tool: random text, bad files, hostile text, repeated runs.

Property-based tests (hypothesis) check invariants on generated text; the
rest feed bad inputs through the command line and check that each gives its
JX0xx error or is checked normally, and that the other files are still checked.
The .docx/.pdf attacks (truncated, zip bomb, entities, encryption) are in
test_docx.py / test_pdf.py. The 50 MB file runs only with ``JIXIAO_SLOW=1``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.engine import check_file, check_text
from linter.formatters.json import JsonFormatter
from linter.formatters.text import TextFormatter
from linter.normalise import fold, normalise
from linter.parsing import parse_text
from linter.source import Source

from clirun import run

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SLOW = pytest.mark.skipif(not os.environ.get("JIXIAO_SLOW"), reason="slow: set JIXIAO_SLOW=1")

# Reproducible in CI: the same examples every run, no example database on disk.
PROPS = settings(derandomize=True, database=None, deadline=None, max_examples=150,
                 suppress_health_check=[HealthCheck.too_slow])

# Pieces of the kind of text reports are made of, written for these tests.
FRAGMENTS = [
    "收入决算数", "支出决算数", "其中", "其中：", "包括", "合计", "共计", "含", "分别为",
    "一般公共预算财政拨款", "年初结转和结余", "基本支出", "项目支出", "三公经费",
    "预算执行率", "资金支出率", "得分", "自评得分为", "总分", "等级为", "优", "良", "中", "差",
    "万元", "元", "亿元", "%", "％", "分", "人", "件", "次", "个百分点", "年", "年度", "月", "日", "号",
    "（一）", "(二)", "一、", "二、", "1.", "2、", "（3）", "①", "一是", "第一，",
    "现将", "（单位名称）", "×××", "XX单位", "湛开财", "〔2024〕", "[2023]", "【2022】", "第", "号",
    "《关于开展绩效自评工作的通知》", "填报日期：", "评价年度：", "=", "+", "-", "×", "/", "(", ")",
    "，", "。", "；", "：", "、", "…", "——", " ", "\t", "\n", "\n\n", "\r\n", "\r",
    "<script>", "=HYPERLINK(", "\x1b[31m", "\x00", "\x0b", "\u3000", "１２３", "．",
]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=3000).map(str),
    st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["2022", "2023", "2024", "2025", "100", "101", "0", "1,041.61", "99.99", "12"]),
)
REPORTISH = st.lists(st.one_of(st.sampled_from(FRAGMENTS), NUMBERS), max_size=60).map("".join)
ANY_TEXT = st.one_of(REPORTISH, st.text(max_size=200))


def _folds_to(original: str, folded: str) -> bool:
    return fold(original) == folded


@PROPS
@given(ANY_TEXT)
def test_offset_map_points_back_at_the_same_characters(text):
    src = Source(path="r.txt", text=text)
    last = -1
    for p in normalise(src):
        assert len(p.offsets) == len(p.text) + 1
        for i, ch in enumerate(p.text):
            off = p.offsets[i]
            assert off > last  # strictly increasing through the document
            last = off
            orig = text[off]
            # the one character a paragraph adds: a space where a wrapped Latin word was broken
            assert _folds_to(orig, ch) or (ch == " " and orig in "\r\n")
        assert p.offsets[-1] == p.offsets[-2] + 1
        if p.text:
            s = p.span(0, len(p.text))
            assert 0 <= s.start < s.end <= len(text)


@PROPS
@given(ANY_TEXT)
def test_parse_covers_every_character_or_reports_it(text):
    items, problems = parse_text(text)
    covered = []
    for it in items:
        for tok in it.tokens:
            assert text[tok.start_pos:tok.end_pos] == tok.value
            covered.extend(range(tok.start_pos, tok.end_pos))
    for i, ch in problems:
        assert text[i] == ch
        covered.append(i)
    # every character is in exactly one token or is one reported problem
    assert sorted(covered) == list(range(len(text)))


@PROPS
@given(ANY_TEXT)
def test_any_text_is_checked_or_gets_a_parse_finding(text):
    from linter.document import Document

    result = check_text(text)  # never raises
    codes = [f.code for f in result.findings]
    assert "JX009" not in codes, [f.zh for f in result.findings if f.code == "JX009"]
    doc = Document(Source(path="<text>", text=text))
    # every paragraph the grammar could not read gets its note, but for a table of contents'
    # dot leader and page number (layout, JX003 leaves it); a figure whose commas and point
    # are out of place (7,00.0,77) is noted too, though the grammar reads it
    from linter.rules.JX003 import _in_leader

    problems = [p for p in doc.problems if not _in_leader(doc, p)]
    notes = {f.span.start for f in result.findings if f.code == "JX003" and "无法解析" in f.zh}
    assert bool(notes) == bool(problems)
    assert {p.span.start for p in problems} >= notes
    for f in result.findings:
        assert 0 <= f.span.start <= f.span.end <= len(text)
        for rel in f.related:
            assert 0 <= rel.span.start <= rel.span.end <= len(text)


@PROPS
@given(st.lists(REPORTISH, min_size=1, max_size=12))
def test_rules_never_raise_on_report_like_paragraphs(paragraphs):
    text = "\n".join(paragraphs)
    for kind in ("text", "markdown"):
        result = check_text(text, kind=kind)
        crashed = [f.zh for f in result.findings if f.code == "JX009"]
        assert not crashed, crashed


# --- bad inputs, one batch ------------------------------------------------------------

REPORT = (
    "评价年度：2023 年度\n"
    "收入决算数3628.78万元，其中：财政拨款2541.94万元，年初结转和结余986.84万元。\n"
    "经评价，本单位自评得分为 101 分。\n"
)


def _rules(out: dict, path: str) -> list[str]:
    return [f["rule"] for f in out["findings"] if f["path"] == path]


@pytest.fixture()
def batch(tmp_path):
    d = tmp_path / "batch"
    d.mkdir()
    files = {
        "a_good.txt": REPORT.encode("utf-8"),
        "b_empty.txt": b"",
        "c_binary.txt": bytes(range(256)) * 4,
        "d_gbk.txt": REPORT.encode("gbk"),
        "e_utf16.txt": REPORT.encode("utf-16"),
        "f_utf16le.txt": REPORT.encode("utf-16-le"),
        "g_crlf.txt": REPORT.replace("\n", "\r\n").encode("utf-8"),
        "h_cr.txt": REPORT.replace("\n", "\r").encode("utf-8"),
        "i_mixed.txt": "评价年度：2023 年度\r\n收入决算数3628.78万元，其中：财政拨款2541.94万元，年初结转和结余986.84万元。\r经评价，本单位自评得分为 101 分。\n".encode("utf-8"),
        "j_undecodable.txt": b"\x81\x30\xff\x81" * 5 + b"\xff\xfe\xfd",
        "k_unreadable.txt": REPORT.encode("utf-8"),
        "l_bom.txt": b"\xef\xbb\xbf" + REPORT.encode("utf-8"),
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    return d


def _make_unreadable(path, monkeypatch):
    """chmod 000; as root that does not stop reading, so make open() refuse it."""
    os.chmod(path, 0)
    if os.geteuid() == 0:
        import builtins

        import linter.readers as readers

        real_open = builtins.open

        def refusing_open(file, *a, **kw):
            if os.fspath(file) == str(path):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(file, *a, **kw)

        monkeypatch.setattr(readers, "open", refusing_open, raising=False)


def test_bad_inputs_each_get_their_answer_and_the_rest_are_checked(batch, monkeypatch):
    _make_unreadable(batch / "k_unreadable.txt", monkeypatch)
    p = run("check", "--format", "json", "--isolated", str(batch), cwd=ROOT)
    out = json.loads(p.stdout)
    paths = [f["path"] for f in out["files"]]
    assert [os.path.basename(x) for x in paths] == sorted(os.listdir(batch))
    by = {os.path.basename(x): _rules(out, x) for x in paths}
    assert p.returncode == 2  # some files could not be read
    assert by["b_empty.txt"] == []
    assert by["c_binary.txt"] == ["JX001"]
    assert by["j_undecodable.txt"] in (["JX001"], ["JX002"])
    assert by["k_unreadable.txt"] == ["JX001"]
    k = next(f for f in out["findings"] if f["path"].endswith("k_unreadable.txt"))
    assert "权限" in k["message"]
    good = by["a_good.txt"]
    assert "JX101" in good and "JX201" in good
    # the same report in every encoding and line ending: the same findings at the same places
    places = lambda name: [(f["rule"], f["line"], f["column"], f["end_line"], f["end_column"])  # noqa: E731
                           for f in out["findings"] if f["path"].endswith(name)]
    for name in ("d_gbk.txt", "e_utf16.txt", "f_utf16le.txt", "g_crlf.txt", "h_cr.txt", "i_mixed.txt", "l_bom.txt"):
        assert places(name) == places("a_good.txt"), name


def test_unreadable_file_really_unreadable(tmp_path):
    """As an ordinary user, chmod 000 is enough (skipped as root, covered above)."""
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    f = tmp_path / "locked.txt"
    f.write_text(REPORT, encoding="utf-8")
    os.chmod(f, 0)
    r = check_file(str(f))
    assert r.unreadable and r.findings[0].code == "JX001"


def test_a_file_over_the_size_limit_is_refused_not_read(tmp_path, monkeypatch):
    import linter.readers as readers

    f = tmp_path / "big.txt"
    f.write_text(REPORT * 10, encoding="utf-8")
    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    r = check_file(str(f))
    assert r.unreadable and r.findings[0].code == "JX001"
    assert "过大" in r.findings[0].zh


def test_a_directory_named_as_a_file_and_a_missing_file(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    p = run("check", "--format", "json", "--isolated", str(good), str(tmp_path / "nope.txt"), cwd=ROOT)
    out = json.loads(p.stdout)
    assert p.returncode == 2
    assert _rules(out, str(tmp_path / "nope.txt")) == ["JX001"]
    assert "JX101" in _rules(out, str(good))


@SLOW
def test_a_50_mb_text_file_is_checked(tmp_path):
    """A 50 MB report (about 17 million characters) goes through the whole pipeline."""
    para = ("收入决算数3628.78万元，其中：财政拨款2541.94万元，年初结转和结余986.84万元。"
            "本年度预算执行率为 98.50%，自评得分为 95 分，等级为优。\n")
    f = tmp_path / "big.txt"
    n = 50 * 1024 * 1024 // len(para.encode("utf-8")) + 1
    with open(f, "w", encoding="utf-8") as fh:
        fh.write("评价年度：2023 年度\n")
        for _ in range(n):
            fh.write(para)
    assert f.stat().st_size >= 50 * 1024 * 1024
    r = check_file(str(f))
    assert not r.unreadable
    codes = {x.code for x in r.findings}
    assert "JX009" not in codes
    assert sum(1 for x in r.findings if x.code == "JX101") == n  # every paragraph's sum is off by 100


# --- hostile text -----------------------------------------------------------------

HOSTILE = (
    "收入决算数3628.78万元，其中：财政拨款2541.94万元<script>alert(1)</script>，"
    "年初结转和结余986.84万元=HYPERLINK(\"http://example.invalid\",\"点此\")。\x1b[2J\x1b]0;pwned\x07\x08\u202e\r\n"
    "自评得分为 101 分\x01\x9b31m。\n"
)


def test_hostile_text_is_inert_in_text_and_json(tmp_path):
    f = tmp_path / "hostile.txt"
    f.write_bytes(HOSTILE.encode("utf-8"))
    r = check_file(str(f))
    assert not r.unreadable
    assert {"JX101", "JX201"} <= {x.code for x in r.findings}

    text = TextFormatter().format([r])
    assert not [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0 or c == "\u202e"]
    assert "<script>alert(1)</script>" in text  # shown as the data it is, not dropped
    assert text.count("\n") == TextFormatter().format([r]).count("\n")

    data = JsonFormatter().format([r])
    assert "\x1b" not in data and "\x01" not in data and "\x07" not in data
    out = json.loads(data)
    for finding in out["findings"]:
        span = next(x for x in r.findings if x.code == finding["rule"]).span
        assert finding["snippet"] in HOSTILE
    snippets = "".join(x["snippet"] for x in out["findings"])
    assert "HYPERLINK" in HOSTILE and all(isinstance(x["message"], str) for x in out["findings"])
    assert snippets  # round-trips as data


def test_control_characters_in_a_file_name_are_inert(tmp_path):
    f = tmp_path / "r\x1b[31m.txt"
    f.write_text(REPORT, encoding="utf-8")
    text = TextFormatter().format([check_file(str(f))])
    assert "\x1b" not in text


# --- determinism --------------------------------------------------------------------


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "linter", *args], cwd=ROOT, capture_output=True)


def test_output_is_byte_for_byte_deterministic(batch, tmp_path):
    (batch / "k_unreadable.txt").unlink()
    for name in ("planted.txt", "clean.txt"):
        (batch / name).write_bytes((ROOT and open(os.path.join(ROOT, "examples", name), "rb").read()))
    for fmt in ("json", "text", "sarif"):
        runs = [_cli("check", "--isolated", "--format", fmt, str(batch)) for _ in range(2)]
        runs.append(_cli("check", "--isolated", "--format", fmt, "-j", "2", str(batch)))
        assert runs[0].stdout, fmt
        for other in runs[1:]:
            if other.stdout != runs[0].stdout:
                i = next(k for k, (a, b) in enumerate(zip(runs[0].stdout, other.stdout)) if a != b)
                pytest.fail(f"{fmt}: outputs differ at byte {i}: "
                            f"{runs[0].stdout[i - 200:i + 200].decode(errors='replace')!r} "
                            f"vs {other.stdout[i - 200:i + 200].decode(errors='replace')!r}")
        assert runs[0].returncode == runs[1].returncode == runs[2].returncode


def test_hash_seed_does_not_change_the_output(tmp_path):
    """Set iteration order depends on PYTHONHASHSEED; the output must not."""
    outs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        p = subprocess.run([sys.executable, "-m", "linter", "check", "--isolated", "--format", "json",
                            "examples"], cwd=ROOT, capture_output=True, env=env)
        outs.append(p.stdout)
    assert outs[0] and outs[0] == outs[1]
