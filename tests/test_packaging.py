"""The wheel installs one package, ``linter``, with ``linter.rules`` and ``linter.grammar``,
and its command works from a fresh virtual environment."""
import os
import subprocess
import sys
import venv
import zipfile

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, cwd=out,
    )
    (whl,) = out.glob("jixiao_lint-*.whl")
    return whl


def test_wheel_layout(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.startswith("jixiao_lint-")}
    assert tops == {"linter"}, tops
    assert "linter/rules/JX101.py" in names
    assert "linter/grammar/inline.lark" in names and "linter/grammar/common.lark" in names
    assert "linter/data/vocabulary.toml" in names
    ep = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(ep).decode()
    assert "[jixiao_lint.rules]" in text and "builtin = linter.rules:get_rules" in text


def test_cli_from_fresh_venv(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)], check=True)
    exe = env_dir / "bin" / "jixiao-lint"
    report = tmp_path / "r.txt"
    report.write_text("收入决算数3628.78万元，其中：财政拨款2541.94万元，年初结转和结余986.84万元。\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    p = subprocess.run([str(exe), "check", str(report)], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert p.returncode == 1, p.stderr
    assert "JX101" in p.stdout and "差 100.00 万元" in p.stdout
    where = subprocess.run([str(py), "-c", "import linter; print(linter.__file__)"], capture_output=True, text=True,
                           cwd=tmp_path, env=env).stdout
    assert str(env_dir) in where
