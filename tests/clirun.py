"""Run the ``jixiao-lint`` CLI in this process (a subprocess costs about a second)."""
import contextlib
import io
import os
import sys

import attrs

from linter.cli import main


@attrs.frozen
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run(*args, cwd, stdin: bytes | None = None) -> Ran:
    """Exit status, stdout and stderr of ``jixiao-lint ARGS`` run in ``cwd``."""
    out, err = io.StringIO(), io.StringIO()
    old_cwd, old_stdin = os.getcwd(), sys.stdin
    os.chdir(cwd)
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = main(list(args))
            except SystemExit as exc:
                rc = exc.code
    finally:
        os.chdir(old_cwd)
        sys.stdin = old_stdin
    return Ran(rc, out.getvalue(), err.getvalue())
