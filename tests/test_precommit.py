"""The pre-commit hook, run end to end by the real ``pre-commit try-repo``.

try-repo installs the hook from a git revision of this checkout. Without
``--ref`` it takes HEAD plus staged and tracked changes (``git add -u``) but never
untracked files, so a half-written tree gives a half-installed hook; the test
pins ``--ref`` to the committed HEAD. The hook's environment is installed
by try-repo into a fresh store on every call (about 25 s); pip takes the build requirements
(setuptools, wheel) and the dependencies from the configured index or
find-links. To run with no index at all, build a wheelhouse once
(``pip wheel -w DIR . setuptools wheel``) and set ``JIXIAO_WHEELHOUSE=DIR``.
``JIXIAO_SKIP_PRECOMMIT=1`` skips this test.
"""
import os
import shutil
import subprocess

import pytest

yaml = pytest.importorskip("yaml")  # comes with pre-commit (the test extra)

from conftest import ROOT

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(os.environ.get("JIXIAO_SKIP_PRECOMMIT") == "1", reason="JIXIAO_SKIP_PRECOMMIT=1"),
]

GOOD = "现将 2023 年度某某县财政局整体绩效自我评价报告如下：\n"
BAD = "现将 2023 年度（单位名称）整体绩效自我评价报告如下：\n"


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def test_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    (hook,) = hooks
    assert hook["id"] == "jixiao-lint"
    assert hook["language"] == "python"
    assert hook["entry"] == "jixiao-lint check"
    assert hook["require_serial"] is True
    import re

    files = re.compile(hook["files"])
    for name in ("a.docx", "b.pdf", "c.md", "d.markdown", "报告.txt"):
        assert files.search(name), name
    for name in ("a.py", "b.docx.bak", "pyproject.toml"):
        assert not files.search(name), name


def test_try_repo_blocks_a_bad_report(tmp_path):
    pytest.importorskip("pre_commit")
    try:
        head = git("rev-parse", "HEAD", cwd=ROOT)
        git("cat-file", "-e", f"{head}:.pre-commit-hooks.yaml", cwd=ROOT)
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("this checkout is not a git repository with the hook committed")
    work = tmp_path / "reports"
    work.mkdir()
    git("init", "-q", ".", cwd=work)
    (work / "good.txt").write_text(GOOD, "utf-8")
    (work / "bad.txt").write_text(BAD, "utf-8")
    (work / "notes.py").write_text("x = 1\n", "utf-8")
    git("add", ".", cwd=work)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    if os.environ.get("JIXIAO_WHEELHOUSE"):
        env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=os.environ["JIXIAO_WHEELHOUSE"], PIP_CONFIG_FILE=os.devnull)

    # try-repo installs the hook into a fresh temporary store on every call (about 25 s), so
    # one call takes both reports: the good one is checked and passes, the bad one blocks.
    p = subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), "jixiao-lint", "--ref", head, "--files", "good.txt", "bad.txt", "notes.py"],
        cwd=work, capture_output=True, text=True, env=env, timeout=600,
    )
    out = p.stdout + p.stderr
    assert p.returncode == 1, out
    assert "Failed" in out and "- hook id: jixiao-lint" in out
    assert "bad.txt:1:11: JX401 [error] 模板占位符未填写：（单位名称）" in out
    assert "good.txt:" not in out and "notes.py" not in out
    # require_serial: one process saw both reports (notes.py was not passed: not a report)
    assert "共检查 2 个文件，发现 1 个问题" in out
