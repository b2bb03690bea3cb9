"""The arithmetic core: stated values as intervals (XBRL Calculations 1.1).

A value written with ``k`` decimals stands for every number that rounds to it:
the interval ``[v − ½·10⁻ᵏ, v + ½·10⁻ᵏ]``. Sums and ratios of such values are
intervals too, and two statements contradict each other only when their
intervals cannot meet. Counts of things (人, 件) are exact.
"""
from __future__ import annotations

from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN

import attrs

UNIT_FACTORS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}


@attrs.frozen
class Interval:
    lo: Decimal
    hi: Decimal

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: "Interval") -> "Interval":
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> "Interval":
        return Interval(-self.hi, -self.lo)

    def scale(self, factor: Decimal) -> "Interval":
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def meets(self, other: "Interval") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    def divide(self, other: "Interval") -> "Interval | None":
        """``self / other`` for a positive divisor; None when ``other`` may be zero."""
        if other.lo <= 0:
            return None
        cands = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(cands), max(cands))


def half_unit(precision: int) -> Decimal:
    return Decimal(5).scaleb(-(precision + 1))


def stated(value: Decimal, precision: int, exact: bool = False) -> Interval:
    """The interval a value written with ``precision`` decimals stands for."""
    if exact:
        return Interval(value, value)
    h = half_unit(precision)
    return Interval(value - h, value + h)


def total(intervals) -> Interval:
    lo = hi = Decimal(0)
    for iv in intervals:
        lo += iv.lo
        hi += iv.hi
    return Interval(lo, hi)


def quantize(value: Decimal, precision: int, rounding=ROUND_HALF_UP) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-precision), rounding=rounding)


def rounds_down_to(value: Decimal, stated_value: Decimal, precision: int) -> bool:
    """True when ``stated_value`` is ``value`` truncated where half-up rounding was due."""
    return (
        quantize(value, precision, ROUND_DOWN) == stated_value
        and quantize(value, precision, ROUND_HALF_UP) != stated_value
    )


def fmt(value: Decimal, precision: int) -> str:
    """``value`` with ``precision`` decimals, as a reviewer would write it."""
    q = quantize(value, max(precision, 0))
    return f"{q:f}"


def precision_of(text: str) -> int:
    """Decimals written in ``text`` (``"1,041.61"`` → 2)."""
    _, dot, frac = text.partition(".")
    return len(frac) if dot else 0


def parse_number(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace(" ", ""))


def interval_of(q) -> Interval:
    """What a stated quantity stands for: amounts in 元; counts, and whole scores
    (分值 and 得分 written as whole numbers are set, not rounded), exactly; anything
    else ±½ unit of its last digit."""
    exact = q.kind == "count" or (q.kind == "score" and q.precision == 0)
    iv = stated(q.value, q.precision, exact=exact)
    if q.kind == "amount":
        iv = iv.scale(UNIT_FACTORS.get(q.unit, Decimal(1)))
    return iv


def interval_cache():
    """``interval_of`` that works each stated quantity out once, for a rule comparing
    every statement of a figure with the others (the caller keeps the quantities alive:
    they are remembered by ``id``)."""
    ivs: dict[int, Interval] = {}

    def cached(q) -> Interval:
        iv = ivs.get(id(q))
        if iv is None:
            iv = ivs[id(q)] = interval_of(q)
        return iv

    return cached
