"""The pre-commit hook, run end to end by the real ``pre-commit try-repo``.

try-repo installs the hook from a git revision of this checkout. Without
``--ref`` it takes HEAD plus tracked changes (``git add -u``) but never
untracked files, so a half-written tree gives a half-installed hook; the test
pins ``--ref`` to the committed HEAD. The hook's environment is installed
once per test session (about 25 s); pip takes the build requirements
(setuptools, wheel) and the dependencies from the configured index or
find-links — set ``PIP_NO_INDEX=1 PIP_FIND_LINKS=wheelhouse`` to run offline.
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


@pytest.fixture(scope="session")
def precommit_home(tmp_path_factory):
    return str(tmp_path_factory.mktemp("pre-commit-home"))


def test_try_repo_blocks_a_bad_report(tmp_path, precommit_home):
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
    env = dict(os.environ, PRE_COMMIT_HOME=precommit_home, PRE_COMMIT_COLOR="never")

    def try_repo(*files):
        return subprocess.run(
            ["pre-commit", "try-repo", str(ROOT), "jixiao-lint", "--ref", head, "--files", *files],
            cwd=work, capture_output=True, text=True, env=env, timeout=600,
        )

    good = try_repo("good.txt", "notes.py")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    bad = try_repo("good.txt", "bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "bad.txt:1:11: JX401 [error] 模板占位符未填写：（单位名称）" in bad.stdout
    assert "good.txt:" not in bad.stdout
