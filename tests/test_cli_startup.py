"""The command line holds the garbage collector back while it starts up, and leaves it as it was."""
import contextlib
import gc
import io

from linter import cli

REPORT = "2023年收入预算数100.00万元，其中财政拨款60.00万元、其他收入40.00万元。\n"


def _run(tmp_path, *args):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    seen = []
    real = cli.collect

    def spy(a, parser=None):
        seen.append((gc.isenabled(), gc.get_freeze_count()))
        out = real(a, parser)
        seen.append((gc.isenabled(), gc.get_freeze_count()))
        return out

    cli.collect = spy
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            rc = cli.main(["check", *args, str(path)])
    finally:
        cli.collect = real
    return rc, seen


def test_off_while_starting_up_frozen_after_the_first_file_and_as_it_was_at_the_end(tmp_path):
    assert gc.isenabled() and gc.get_freeze_count() == 0
    rc, seen = _run(tmp_path)
    assert rc in (0, 1)
    (on_before, frozen_before), (on_after, frozen_after) = seen
    assert not on_before and frozen_before == 0
    assert on_after and frozen_after > 0
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_process_with_the_collector_off_keeps_it_off(tmp_path):
    gc.disable()
    try:
        _run(tmp_path)
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_other_commands_start_with_it_as_it_was():
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli.main(["rules"]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
