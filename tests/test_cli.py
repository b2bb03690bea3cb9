import json
import subprocess
import sys

from conftest import ROOT


def run(*args, cwd=ROOT, input=None):
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, text=True, cwd=cwd, input=input)


def test_exit_0_when_clean():
    assert run("check", "examples/clean.txt").returncode == 0


def test_exit_1_with_findings():
    p = run("check", "examples/planted.txt")
    assert p.returncode == 1
    assert "JX101 [error]" in p.stdout


def test_exit_2_on_usage_error():
    assert run("check").returncode == 2
    assert run("check", "--format", "nope", "examples/clean.txt").returncode == 2
    assert run().returncode == 2


def test_unreadable_file_does_not_lose_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00")
    p = run("check", "--format", "json", str(bad), "examples/planted.txt", str(tmp_path / "missing.txt"))
    assert p.returncode == 2
    out = json.loads(p.stdout)
    by_file = {}
    for f in out["findings"]:
        by_file.setdefault(f["path"], []).append(f["rule"])
    assert by_file[str(bad)] == ["JX001"]
    assert by_file[str(tmp_path / "missing.txt")] == ["JX001"]
    assert "JX101" in by_file["examples/planted.txt"]
    assert out["summary"]["files"] == 3


def test_directory_is_expanded_in_a_stable_order():
    out = json.loads(run("check", "--format", "json", "examples").stdout)
    examples = sorted(f"examples/{p.name}" for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md"))
    assert [f["path"] for f in out["files"]] == examples


def test_output_file_and_language(tmp_path):
    target = tmp_path / "out.json"
    p = run("check", "--format", "json", "--lang", "en", "--output", str(target), "examples/planted.txt")
    assert p.returncode == 1 and p.stdout == ""
    out = json.loads(target.read_text("utf-8"))
    msgs = [f["message"] for f in out["findings"]]
    assert any("does not equal the sum of its parts" in m for m in msgs)
    entry = out["files"][0]
    assert {k: entry[k] for k in ("path", "profile", "year", "unit")} == {
        "path": "examples/planted.txt", "profile": "self-evaluation", "year": 2023, "unit": "青山县农业农村局"}
    assert entry["coverage"]["inconsistent"] >= 3


def test_profile_is_detected():
    out = json.loads(run("check", "--format", "json", "examples/clean.txt").stdout)
    entry = out["files"][0]
    assert {k: entry[k] for k in ("path", "profile", "year", "unit")} == {
        "path": "examples/clean.txt", "profile": "self-evaluation", "year": 2023, "unit": "青山县农业农村局"}
    assert entry["coverage"]["inconsistent"] == 0 and entry["coverage"]["consistent"] >= 3


def test_select_and_ignore():
    out = json.loads(run("check", "--format", "json", "--select", "JX20", "examples/planted.txt").stdout)
    assert {f["rule"] for f in out["findings"]} <= {f"JX20{i}" for i in range(10)}
    assert "JX201" in {f["rule"] for f in out["findings"]}
    out = json.loads(run("check", "--format", "json", "--ignore", "arithmetic,placeholder,structure", "examples/planted.txt").stdout)
    assert {f["rule"] for f in out["findings"]} == {"JX201"}


def test_console_script_is_installed():
    import shutil

    exe = shutil.which("jixiao-lint")
    assert exe, "jixiao-lint is not on PATH"
    p = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert p.returncode == 0 and "jixiao-lint" in p.stdout


def test_text_output_has_caret_under_the_span():
    p = run("check", "examples/planted.txt")
    lines = p.stdout.splitlines()
    i = next(i for i, l in enumerate(lines) if "JX401" in l and "单位名称" in l)
    source_line, caret_line = lines[i + 2], lines[i + 3]
    from linter.normalise import display_width

    text = source_line.split("| ", 1)[1]
    carets = caret_line.split("| ", 1)[1]
    start = display_width(text[: text.index("（单位名称）")])
    assert carets.index("^") == start
    assert carets.count("^") == display_width("（单位名称）")


def test_output_written_in_pieces_is_the_same_on_stdout_and_in_a_file(tmp_path, monkeypatch):
    # the command line writes a formatter's pieces as they come, to stdout or through
    # a temporary file: both must hold exactly the formatter's whole text
    from linter.engine import check_file
    from linter.formatters.json import JsonFormatter

    monkeypatch.chdir(ROOT)
    target = tmp_path / "out.json"
    args = ("check", "--format", "json", "examples/planted.txt", "examples/planted-tables.md")
    to_stdout = run(*args)
    run(*args, "--output", str(target))
    whole = JsonFormatter().format([check_file("examples/planted.txt"), check_file("examples/planted-tables.md")])
    assert to_stdout.stdout == target.read_text("utf-8") == whole


def test_a_failed_write_in_pieces_leaves_no_file(tmp_path):
    import pytest

    from linter.fileio import write_atomically

    def pieces():
        yield "{"
        raise RuntimeError("formatter broke")

    target = tmp_path / "out.json"
    target.write_text("old", "utf-8")
    with pytest.raises(RuntimeError):
        write_atomically(str(target), pieces())
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    write_atomically(str(target), iter(["{", "}\n", b"x"]))
    assert target.read_bytes() == b"{}\nx"
