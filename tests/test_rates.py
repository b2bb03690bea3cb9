"""Rate definitions and the interval helpers of linter/rates.py."""
from decimal import Decimal

from linter.arith import Interval
from linter.facts import Quantity
from linter.rates import grim_possible, rate_data, truncated_to
from linter.source import Span


def pct(text):
    from linter.arith import precision_of

    return Quantity("percent", Decimal(text), "%", precision_of(text), Span(0, 1), Span(0, 1), 0, 0, 0, 0)


def test_the_longest_rate_name_decides():
    data = rate_data()
    assert data.lookup("政府采购执行率")[1].names[0] == "政府采购执行率"
    assert data.lookup("项目支出执行率")[0] == "支出执行率"
    name, d = data.lookup("设备完好率")
    assert d is None  # a rate known by ending only: not checkable
    assert data.lookup("固定资产利用率")[1].names[0] == "固定资产利用率"  # (an indicator of 部门整体 evaluations)


def test_roles_by_the_longest_label_ending():
    d = rate_data().lookup("支出完成率")[1]
    assert d.role("财政拨款实际支出") == "num"
    assert d.role("财政下达预算数") == "den"
    assert d.role("基本支出预算") == "den"
    assert d.role("人员经费") is None


def test_granularity():
    assert grim_possible(pct("94"), 202)  # 190/202 = 94.06%
    assert not grim_possible(pct("50"), 7)  # 3/7 = 42.86%, 4/7 = 57.14%
    assert grim_possible(pct("42.86"), 7)
    assert grim_possible(pct("13"), 8)  # 1/8 = 12.5% rounds half-up to 13%
    assert not grim_possible(pct("12"), 8)


def test_truncation_needs_every_value_to_truncate():
    assert truncated_to(Interval(Decimal("67.1462"), Decimal("67.1478")), pct("67.14"))
    assert truncated_to(Interval(Decimal("12.5"), Decimal("12.5")), pct("12"))
    assert not truncated_to(Interval(Decimal("67.144"), Decimal("67.147")), pct("67.14"))
    assert not truncated_to(Interval(Decimal("67.15"), Decimal("67.151")), pct("67.14"))
