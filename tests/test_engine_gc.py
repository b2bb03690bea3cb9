"""The engine turns the cyclic garbage collector off only while a report is checked."""
import gc

from linter import engine
from linter.engine import check_text


def _collector_during_a_check():
    seen = []
    real = engine._check_source

    def spy(source, config):
        seen.append(gc.isenabled())
        return real(source, config)

    engine._check_source = spy
    try:
        check_text("2023年收入预算数100.00万元，其中财政拨款60.00万元、其他收入40.00万元。")
    finally:
        engine._check_source = real
    return seen[0]


def test_the_collector_is_off_while_a_report_is_checked_and_on_again_after():
    assert gc.isenabled()
    assert _collector_during_a_check() is False
    assert gc.isenabled()


def test_a_process_with_the_collector_off_keeps_it_off():
    gc.disable()
    try:
        assert _collector_during_a_check() is False
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_error_in_a_check_still_turns_it_back_on():
    real = engine._check_source

    def broken(source, config):
        raise RuntimeError("boom")

    engine._check_source = broken
    try:
        try:
            check_text("收入100万元。")
        except RuntimeError:
            pass
    finally:
        engine._check_source = real
    assert gc.isenabled()
