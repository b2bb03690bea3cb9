"""Written formulas: find them in paragraphs, parse them, evaluate them as intervals.

A report writes its arithmetic out: ``差异率=(412.30万元-450.00万元)/450.00万元*100%=8.38%``,
``得分=(20*11+18*3+15)/15=19.27分``. :func:`formulas` finds every chain of
``=``-separated stretches made only of numbers (with their units), operators and
parentheses, in which the first stretch has an operator and a later one follows it;
each stretch is parsed with ``grammar/formula.lark`` (LALR, contextual lexer) and
evaluated in :class:`~decimal.Decimal` interval arithmetic:

- a number written with decimals stands for ±½ unit of its last digit, a whole
  number without a money unit (a weight, a count, 100%) is exact;
- amounts are taken in 元 (万元 × 10000), percentages as hundredths;
- a stretch that does not parse keeps the place of the problem.
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal

import attrs
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput

from .arith import UNIT_FACTORS, Interval, half_unit, parse_number, precision_of, stated

# What a formula may be written with (after normalisation).
_UNITS = "万亿千元分个人次件篇项份场"
_EQUALS = "=≈"  # a result may be written as approximate
_EQUALS_RE = re.compile(f"[{_EQUALS}]")
_ALLOWED = set("0123456789.,+-*/×÷()% \t") | set(_EQUALS) | set(_UNITS)
_OPERATORS = set("+-*/×÷")
_NUMBER = re.compile(r"\d")
_RESULT = re.compile(r"^\s*(-?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(亿元|万元|千元|元|%|分|个|人次|人|次|件|篇|项|份|场)?")


@functools.cache
def formula_parser() -> Lark:
    from .parsing import build_parser  # without the run-time collision check (see there)

    return build_parser("formula.lark", maybe_placeholders=False)


@attrs.frozen
class Part:
    """One ``=``-separated stretch of a formula (indices into the paragraph text)."""

    start: int
    end: int
    text: str
    value: Interval | None = None  # None when it does not parse or divides by zero
    point: Decimal | None = None  # the value with every number taken as written
    plain: bool = False  # a single number: a stated result
    unit: str = ""
    precision: int = 0
    error: int | None = None  # index of the problem, when it does not parse
    error_text: str = ""
    has_percent: bool = False


@attrs.frozen
class Formula:
    para: int
    parts: tuple[Part, ...]
    label: str  # the words just before the first stretch (差异率, 得分)
    absolute: bool  # the paragraph says the result is an absolute value (绝对值)

    @property
    def expression(self) -> Part:
        return self.parts[0]


def _mul(a: Interval, b: Interval) -> Interval:
    c = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
    return Interval(min(c), max(c))


def _div(a: Interval, b: Interval) -> Interval | None:
    if b.lo <= 0 <= b.hi:
        return None
    inv = Interval(1 / b.hi, 1 / b.lo)
    return _mul(a, inv)


class _ZeroDivision(Exception):
    pass


def _number(tree: Tree) -> tuple[Interval, Decimal]:
    num = tree.children[0]
    unit = tree.children[1].value.strip() if len(tree.children) > 1 else ""
    value = parse_number(num.value)
    prec = precision_of(num.value)
    exact = prec == 0 and unit not in UNIT_FACTORS
    iv = stated(value, prec, exact=exact)
    factor = Decimal(1)
    if unit in UNIT_FACTORS:
        factor = UNIT_FACTORS[unit]
    elif unit in ("%",):
        factor = Decimal("0.01")
    elif unit == "‰":
        factor = Decimal("0.001")
    return iv.scale(factor), value * factor


def evaluate(tree) -> tuple[Interval, Decimal]:
    if isinstance(tree, Tree):
        d = tree.data
        name = d.value if isinstance(d, Token) else d
        if name == "quantity":
            return _number(tree)
        kids = [k for k in tree.children if isinstance(k, Tree)]
        if name == "neg":
            iv, p = evaluate(kids[0])
            return -iv, -p
        (a, pa), (b, pb) = evaluate(kids[0]), evaluate(kids[1])
        if name == "add":
            return a + b, pa + pb
        if name == "sub":
            return a - b, pa - pb
        if name == "mul":
            return _mul(a, b), pa * pb
        if name == "div":
            r = _div(a, b)
            if r is None or pb == 0:
                raise _ZeroDivision
            return r, pa / pb
    raise ValueError(f"unexpected node {tree!r}")


def _percent_in(tree) -> bool:
    return any(isinstance(t, Token) and t.type == "PCT" for t in tree.scan_values(lambda v: isinstance(v, Token)))


def _parse_part(text: str, start: int, end: int) -> Part:
    seg = text[start:end]
    m = _RESULT.match(seg)
    if m and not seg[m.end():].strip():
        value = parse_number(m.group(2) + (m.group(3) or ""))
        if m.group(1):
            value = -value
        unit = m.group(4) or ""
        prec = precision_of(m.group(3) or "")
        iv = stated(value, prec)
        factor = UNIT_FACTORS.get(unit, Decimal("0.01") if unit == "%" else Decimal(1))
        return Part(start, end, seg, iv.scale(factor), value * factor, True, unit, prec, has_percent=unit == "%")
    try:
        tree = formula_parser().parse(seg)
    except UnexpectedInput as exc:
        pos, why = _problem(seg, exc)
        return Part(start, end, seg, error=start + pos, error_text=why)
    try:
        iv, p = evaluate(tree)
    except _ZeroDivision:
        return Part(start, end, seg)
    return Part(start, end, seg, iv, p, has_percent=_percent_in(tree))


def _problem(seg: str, exc: UnexpectedInput) -> tuple[int, str]:
    """Where a stretch stops being a formula, and why: an unmatched parenthesis is
    pointed at itself; otherwise the token the parser could not take."""
    opened: list[int] = []
    for i, ch in enumerate(seg):
        if ch == "(":
            opened.append(i)
        elif ch == ")":
            if not opened:
                return i, "unopened"
            opened.pop()
    if opened:
        return opened[-1], "unclosed"
    pos = getattr(exc, "pos_in_stream", None)
    token = getattr(exc, "token", None)
    if isinstance(exc, UnexpectedEOF) or pos is None or (token is not None and token.type == "$END"):
        return len(seg.rstrip()) - 1, "end"
    if isinstance(exc, UnexpectedCharacters):
        return pos, "char"
    return pos, "token"


def _trim(text: str, i: int, j: int) -> tuple[int, int]:
    """Trim a stretch to start at a digit, a parenthesis or a minus sign and end after a digit,
    a unit, % or a closing parenthesis."""
    while i < j and not (text[i].isdigit() or text[i] in "(-"):
        i += 1
    while j > i and text[j - 1] in " \t,":
        j -= 1
    return i, j


def _is_expression(seg: str) -> bool:
    """At least two numbers and an operator between them — not references to numbered
    rows or columns (（1）+（2）)."""
    if _REFERENCES.fullmatch(seg):
        return False
    return bool(_OPERATORS & set(seg.lstrip("-"))) and len(_NUMBER.findall(seg)) >= 2 and not _RESULT.fullmatch(seg)


_REFERENCES = re.compile(r"[\s+\-*/×÷]*(?:\(\s*\d{1,2}\s*\)[\s+\-*/×÷]*)+")


def _parses(seg: str) -> bool:
    try:
        formula_parser().parse(seg)
    except UnexpectedInput:
        return False
    return True


def find_formulas(para) -> tuple[Formula, ...]:
    text = para.text
    if "=" not in text and "≈" not in text:
        return ()  # (most paragraphs: passed by two fast scans, not the pattern's)
    out: list[Formula] = []
    n = len(text)
    i = 0
    while i < n:
        if text[i] not in _EQUALS:
            m = _EQUALS_RE.search(text, i)  # the next "=" in one scan, not a character at a time
            if m is None:
                break
            i = m.start()
        # the run of formula characters around this "="
        lo = i
        while lo > 0 and text[lo - 1] in _ALLOWED:
            lo -= 1
        hi = i
        while hi < n and text[hi] in _ALLOWED:
            hi += 1
        # a closing parenthesis right after the result belongs to the prose ("19.58%(取…)")
        pieces = []
        k = lo
        for m in re.finditer("[=≈]", text[lo:hi]):
            pieces.append((k, lo + m.start()))
            k = lo + m.end()
        pieces.append((k, hi))
        parts = []
        for a, b in pieces:
            a0 = a
            a, b = _trim(text, a, b)
            if a0 == lo and set(text[a0:a]) & _OPERATORS:
                continue  # 实际支出÷预算数×100%=…: the end of a formula written in words, no result
            if a < b:
                parts.append((a, b))
        i = hi
        # the last stretch: an expression when it parses as one (100万元=60万元+40万元),
        # else only its number and unit, what follows being prose ("19.58%(取…)")
        if len(parts) >= 2:
            a, b = parts[-1]
            if not (_is_expression(text[a:b]) and _parses(text[a:b])):
                m = _RESULT.match(text[a:b])
                if m:
                    parts[-1] = (a, a + m.end())
                else:
                    parts = parts[:-1]
        if len(parts) < 2:
            continue
        # the expression is the first stretch with an operator; a result may stand before it
        which = next((j for j, (a, b) in enumerate(parts) if _is_expression(text[a:b])), None)
        if which is None or which > 1 or (which == 1 and not _RESULT.fullmatch(text[parts[0][0]:parts[0][1]])):
            continue
        if which == 1:
            parts = [parts[1], parts[0], *parts[2:]]
        label = text[:min(a for a, _ in parts)].rstrip("=≈ \t")
        label = re.split(r"[，,。；;:：、]", label)[-1][-12:]
        absolute = "绝对值" in text[parts[-1][1]:parts[-1][1] + 20] or any(w in label for w in ("差异", "偏差", "偏离"))
        out.append(Formula(para.index, tuple(_parse_part(text, a, b) for a, b in parts), label, absolute))
    return tuple(out)


def formulas(doc) -> tuple[Formula, ...]:
    cached = getattr(doc, "_formulas", None)
    if cached is None:
        cached = tuple(f for p in doc.paragraphs for f in find_formulas(p))
        doc._formulas = cached
    return cached


# --- comparing a stated result with the expression (JX103, JX106) ---


def unit_factor(part) -> Decimal:
    """What one unit of a formula part is worth in the expression's terms (% is 0.01, 万元 10000)."""
    if part.unit == "%":
        return Decimal("0.01")
    return UNIT_FACTORS.get(part.unit, Decimal(1))


def readings(formula, part):
    """The ways the stated result ``part`` may read the expression's value:
    as written; for a percentage after an expression without % (…×100=8.38%), or a bare
    number after one with % (…×100%=8.38), as the number itself; and its absolute value
    when the report says so."""
    expr = formula.expression
    out = [(expr.value, expr.point)]
    if part.plain and part.unit == "%" and not expr.has_percent:
        out.append((expr.value.scale(Decimal("0.01")), expr.point / 100))
    if part.plain and part.unit == "" and expr.has_percent:
        out.append((expr.value.scale(Decimal(100)), expr.point * 100))  # …×100%=71.30
    if formula.absolute:
        out += [(-v, -p) for v, p in out if v.hi < 0]
    return out


def truncated(iv: Interval, part) -> bool:
    """Every value in ``iv`` (in the part's unit) truncates to the stated number, none rounds to it."""
    f = unit_factor(part)
    v = part.point / f
    lo, hi = iv.lo / f, iv.hi / f
    unit = Decimal(1).scaleb(-part.precision)
    if v >= 0:
        return lo >= v + half_unit(part.precision) and hi < v + unit
    return hi <= v - half_unit(part.precision) and lo > v - unit


def compare(formula, part):
    """``("ok"|"truncated"|"wrong", value, point)`` for a stated part of a formula."""
    best = None
    for iv, p in readings(formula, part):
        if iv.meets(part.value):
            if part.plain and iv.lo == iv.hi and truncated(iv, part):
                return "truncated", iv, p  # exactly half a unit, rounded down
            return "ok", iv, p
        if part.plain and truncated(iv, part):
            best = best or ("truncated", iv, p)
    if best:
        return best
    iv, p = readings(formula, part)[0]
    return "wrong", iv, p
