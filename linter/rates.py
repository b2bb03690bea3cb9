"""Stated rates and the figures they are a rate of.

:func:`rate_claims` finds every percentage a report states as a rate
(支出完成率 95.2%, 占资产总额的 37.84%, 整改率 94%) and, where it can be done
without doubt, the numerator and denominator it is computed from:

- by definition (``data/rates.toml``): a rate name, and the labels of its
  numerator and denominator, looked up in the rate's sentence since the rate
  before it (by the words of a label, else by its vocabulary label); exactly one
  value must fit each role; growth and decline also from one label in two years;
- by the share pattern ``A …，占 B（b）的 r%`` / ``A …，占 B 的 r%``: the
  numerator is the figure of the clause before, the denominator the figure in
  parentheses or, by name, the one figure of the paragraph labelled ``B``;
- ``总额 X，其中：A a，占比 p%``: the total of the breakdown ``a`` is a part of.
- the figures of a rate written after it in parentheses (``执行率 r%（预算 a，支出 b）``), a
  role alone in parentheses right after it, rates and figures listed before 分别为 in order,
  names across a colon or a form's mark (``执行率(B/A)``), a change with its difference before or
  after it (``比上年增加 c，增长 r%``, ``增长 r%，增收 c``: c over a ∓ c).

Each claim carries the interval of the value the figures give
(:func:`recompute`), so the rules only compare intervals. Thresholds the
paragraph names (差异率小于 10%, 达到 80% 的目标) are found by
:func:`thresholds`; bounds a rate is said to keep, with its figures, by
:func:`bound_claims`; changes in percentage points by :func:`point_changes`.
"""
from __future__ import annotations

import functools
import itertools
import re
import tomllib
from decimal import Decimal, ROUND_CEILING, ROUND_FLOOR
from importlib import resources

import attrs

from .arith import UNIT_FACTORS, Interval, fmt, half_unit, interval_of, quantize, stated, total
from .facts import Keyword, PunctItem, Quantity, TextItem, YearRef
from .vocab import WORDS_IN_YUE

HUNDRED = Decimal(100)


@attrs.frozen
class RateDef:
    names: tuple[str, ...]
    formula: str  # ratio | change
    kind: str  # amount | score | count
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    sign: str = ""  # "" | abs | either | increase | decrease (see data/rates.toml)
    match: str = "suffix"  # suffix | contains
    grim: bool = False
    numerator_labels: tuple[str, ...] = ()  # vocabulary labels (data/vocabulary.toml)
    denominator_labels: tuple[str, ...] = ()
    neither: tuple[str, ...] = ()  # label endings that fit no role (未整改, 不合格)
    readings: bool = True  # several figures of a role may be tried as readings (not for a weighted 满意度)
    # last resort: a word the label contains (已拨付…资金, 全年安排资金), unless it also holds one
    # of contains_not (未拨付, 结余)
    numerator_contains: tuple[str, ...] = ()
    denominator_contains: tuple[str, ...] = ()
    contains_not: tuple[str, ...] = ()
    # 案件审判 411.95 万元，年末结算支出 411.95 万元，支出进度比率 100%: with a numerator and no
    # denominator by name, the one figure before the numerator that fits no role and names no
    # other year or remainder is the sum it was spent from
    unnamed_denominator: bool = False
    # a completion: more than the target may be written as 100% as well as the ratio itself
    capped: bool = False
    # labels that fit a role only as the whole label, never as an ending: 支出 b alone is what
    # was spent (收到资金 a，支出 b，支出进度 r), but 基本支出, 项目支出 are parts
    numerator_exact: tuple[str, ...] = ()
    # labels that fit the numerator, but as the whole label are the denominator when another figure
    # fits the numerator and none the denominator: 预算支出 a beside 全年支出 b is the budget, beside
    # 预算金额 c it is what was spent of it (一般公共预算支出 is always what was spent)
    denominator_exact: tuple[str, ...] = ()
    # money spent or paid and what is left unspent or unpaid make what there was (共支出 a，结余资金
    # b; 支付 a，未支 b): the whole of a rate that names no other
    spent_and_left: bool = False
    # what was paid when less than planned was spent (采购规模 a，较采购计划节约资金 b，节约率 r):
    # with a numerator and no denominator, the one other figure before it named so is what was
    # paid, and the plan was a + b
    paid: tuple[str, ...] = ()
    # label endings of a part of the denominator, read only with a figure of the denominator
    # itself (年初结转结余 b with 本年收入 a: a + b is a reading of the whole; b alone is none)
    denominator_parts: tuple[str, ...] = ()
    # the role of each label asked about, worked out once (as Vocabulary's memo): a definition
    # is read once per process, and the figures around every percentage are asked about again
    # by each way of reading it
    _role_memo: dict = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def role_of(self, label: str, canonical: str) -> str | None:
        """The role of a figure: by the words its label ends with, else by its vocabulary
        label, else by the words it contains."""
        r = self.role(label)
        if r == "den" and any(w.startswith("已") and w in label for w in self.numerator_contains) \
                and not any(w in label for w in self.contains_not + self.denominator_contains):
            # 已拨付财政补助资金 a: money that has been paid out, the verb before the noun — not the
            # 补助资金 there was
            r = "num"
        elif r == "den" and any(label.startswith(w) and self.role(label[len(w):]) == "den"
                                for w in self.numerator if len(w) >= 2) \
                and not any(w in label for w in self.contains_not) and not label.endswith(_TOTAL_NOUNS):
            # 使用项目资金 a: a numerator's word before a denominator's noun — the money used (not
            # 实际执行资金总额, which may be all the money there was to execute)
            r = "num"
        if r is None and label.startswith("实际") and self.numerator_exact and label.endswith(self.numerator_exact) \
                and not any(w in label for w in self.contains_not):
            r = "num"  # 实际救助支出 a: what was spent, the words between naming on what
        if r is None and canonical:
            num, den = canonical in self.numerator_labels, canonical in self.denominator_labels
            if num != den:
                r = "num" if num else "den"
        if r is None and label and (self.numerator_contains or self.denominator_contains):
            if not any(w in label for w in self.contains_not):
                num = any(w in label for w in self.numerator_contains)
                den = any(w in label for w in self.denominator_contains)
                if num != den:
                    r = "num" if num else "den"
        return r

    def role(self, label: str) -> str | None:
        """``"num"``, ``"den"`` or None for a figure labelled ``label``."""
        return _memoised(self._role_memo, label, self._role)  # (a definition serves a whole batch)

    def _role(self, label: str) -> str | None:
        if not label or any(label.endswith(w) for w in self.neither):
            return None
        if label in self.numerator_exact:
            return "num"
        if self.match == "contains":
            if _CHANGE_WORDS.search(label) and re.search(r"[比较]|同比", label):
                return None  # 比上年增加 c: the change, not last year's figure
            num = any(w in label for w in self.numerator)
            den = any(w in label for w in self.denominator)
            if num == den:
                return None
            return "num" if num else "den"
        best, role, tie = 0, None, False
        for words, r in ((self.numerator, "num"), (self.denominator, "den")):
            for w in words:
                if label.endswith(w):
                    if len(w) > best:
                        best, role, tie = len(w), r, False
                    elif len(w) == best and role != r:
                        tie = True
        if role == "den" and not tie and "预算" in label:
            # 实际执行支出预算 a: what was done (实际执行) of the budget, not the budget — the words
            # after 实际 make it a numerator by themselves (实际执行, 实际支出, 实际使用)
            k = label.find("实际")
            if k >= 0 and label.find("预算", k) > k + 2 and not label[:k].endswith(_NEGATIONS + ("应",)) \
                    and self.role(label[k:k + 4]) == "num":
                return "num"
        return None if tie else role


@attrs.frozen(slots=False)  # (a dict: bound_words and _names are cached properties)
class RateData:
    defs: tuple[RateDef, ...]
    unknown_endings: tuple[str, ...]
    upper_before: tuple[str, ...]
    lower_before: tuple[str, ...]
    upper_after: tuple[str, ...]
    lower_after: tuple[str, ...]

    # the words that make a percentage a bound, before it (all, or without 达到 and 达)
    # and after it: tuples, for str.endswith and str.startswith
    @functools.cached_property
    def bound_words(self) -> dict[bool, tuple[tuple[str, ...], tuple[str, ...]]]:
        both = self.upper_before + self.lower_before
        after = self.upper_after + self.lower_after
        return {False: (both, after), True: (tuple(w for w in both if w not in ("达到", "达")), after)}

    @functools.cached_property
    def _names(self) -> tuple[dict[str, tuple[tuple[str, RateDef], ...]], tuple[tuple[str, RateDef], ...]]:
        """Every rate name with its definition, in the definitions' order: those of two
        characters or more by their last two (a label can end only with the names that end
        as it does), and the shorter ones."""
        by_ending: dict[str, list[tuple[str, RateDef]]] = {}
        short = []
        for d in self.defs:
            for name in d.names:
                if len(name) >= 2:
                    by_ending.setdefault(name[-2:], []).append((name, d))
                else:
                    short.append((name, d))
        return {k: tuple(v) for k, v in by_ending.items()}, tuple(short)

    @functools.cached_property
    def _looked_up(self) -> dict[str, tuple[str, RateDef | None] | None]:
        return {}

    def lookup(self, label: str) -> tuple[str, RateDef | None] | None:
        """The rate name ``label`` ends with (longest first, the first of the longest) and its definition.

        Worked out once per label: every way of reading a percentage asks for the names of the
        labels around it (some thousand times a report, for a few hundred labels)."""
        return _memoised(self._looked_up, label, self._lookup)  # (one RateData serves a whole batch)

    def _lookup(self, label: str) -> tuple[str, RateDef | None] | None:
        best: tuple[str, RateDef | None] | None = None
        by_ending, short = self._names
        for name, d in (*by_ending.get(label[-2:], ()), *short):
            if label.endswith(name) and (best is None or len(name) > len(best[0])):
                best = (name, d)
        if best is not None and label[: -len(best[0])].endswith(_NEGATIONS):
            # 不合格率, 不满意率, 未完成率: the rate of the other part (the failures, not the
            # passes) — known by name only, unless a definition names the negated rate itself
            return (label, None)
        if best is None and label.endswith("比率") and len(label) > 2:
            # 资金使用完成比率, 执行比率: 比率 is 率 written out — the rate of that name, when known
            # (不合格比率 stays the other part's rate)
            found = self.lookup(label[:-2] + "率")
            if found is not None and found[1] is not None:
                return (found[0][:-1] + "比率", found[1])  # (named as written)
        if best is None:
            for e in self.unknown_endings:
                if label.endswith(e):
                    return (label, None)
        return best

    def others(self, label: str, d: RateDef) -> list[tuple[str, RateDef]]:
        """The definitions besides ``d`` of another kind of figure that a name ``label`` ends with
        also names (完成率 of counts and of money), longest name first: read when ``d`` finds no
        figure of its own."""
        by_ending, short = self._names
        found: dict[int, tuple[str, RateDef]] = {}
        for name, other in (*by_ending.get(label[-2:], ()), *short):
            if other is d or other.kind == d.kind or not label.endswith(name):
                continue
            if id(other) not in found or len(name) > len(found[id(other)][0]):
                found[id(other)] = (name, other)
        return sorted(found.values(), key=lambda nd: -len(nd[0]))


_NEGATIONS = ("不", "未", "非")
_NOT_LOOKED_UP = object()  # (None is an answer of RateData.lookup and of RateDef.role)


def _memoised(memo: dict, key, compute):
    """``compute(key)``, remembered in ``memo``, which is emptied when it reaches 100,000 entries
    (a memo lives as long as the object that serves a whole batch of reports: stay bounded)."""
    found = memo.get(key, _NOT_LOOKED_UP)
    if found is _NOT_LOOKED_UP:
        if len(memo) >= 100_000:
            memo.clear()
        found = memo[key] = compute(key)
    return found


_TOTAL_NOUNS = ("总额", "合计", "共计", "总计", "总量")


@functools.cache
def _rates_toml() -> dict:
    """data/rates.toml, read once per process (the definitions and the stages both use it)."""
    return tomllib.loads(resources.files("linter").joinpath("data/rates.toml").read_text("utf-8"))


def _kinds(r: dict) -> tuple[str, ...]:
    """The kinds of figure a [[rate]] of rates.toml defines its rate for: one, or a list."""
    kind = r.get("kind", "amount")
    return (kind,) if isinstance(kind, str) else tuple(kind)


@functools.cache
def rate_data() -> RateData:
    data = _rates_toml()
    defs = tuple(
        RateDef(
            names=tuple(r["names"]), formula=r.get("formula", "ratio"), kind=kind,
            numerator=tuple(r["numerator"]), denominator=tuple(r["denominator"]), sign=r.get("sign", ""),
            match=r.get("match", "suffix"), grim=bool(r.get("grim", False)),
            numerator_labels=tuple(r.get("numerator_labels", ())),
            denominator_labels=tuple(r.get("denominator_labels", ())),
            neither=tuple(r.get("neither", ())), readings=bool(r.get("readings", True)),
            numerator_contains=tuple(r.get("numerator_contains", ())),
            denominator_contains=tuple(r.get("denominator_contains", ())),
            contains_not=tuple(r.get("contains_not", ())),
            unnamed_denominator=bool(r.get("unnamed_denominator", False)),
            capped=bool(r.get("capped", False)),
            numerator_exact=tuple(r.get("numerator_exact", ())),
            denominator_exact=tuple(r.get("denominator_exact", ())),
            spent_and_left=bool(r.get("spent_and_left", False)),
            paid=tuple(r.get("paid", ())),
            denominator_parts=tuple(r.get("denominator_parts", ())),
        )
        for r in data["rate"]
        for kind in _kinds(r)
    )
    t = data["thresholds"]
    return RateData(defs, tuple(data["unknown"]["endings"]), tuple(t["upper_before"]), tuple(t["lower_before"]),
                    tuple(t["upper_after"]), tuple(t["lower_after"]))


@attrs.frozen
class RateClaim:
    """A stated rate and, when found without doubt, what it is a rate of."""

    rate: Quantity
    name: str
    definition: RateDef | None
    numerator: Quantity | None = None
    denominator: Quantity | None = None
    formula: str = "ratio"  # ratio | change | before (a change over the figure before it, less or plus the change)
    sign: str = ""
    # how the figures were found (by the function that found them): definition | share | division |
    # listed | difference | part | pair | stage | indicator | of-base | year-ratio; "" for a rate
    # known by its name only (no definition), none found
    how: str = ""
    bound: str = ""  # upper | lower: a bound the rate is said to keep (差异率小于 10%), not its value
    capped: bool = False  # an indicator's completion rate: over-achievement may be written as 100%
    # several figures fit a role: every (numerator, denominator) reading — a figure of each
    # role, or all of a role's figures added up; numerator/denominator stay None
    readings: tuple[tuple[tuple[Quantity, ...], tuple[Quantity, ...]], ...] = ()

    @property
    def checkable(self) -> bool:
        return self.numerator is not None and self.denominator is not None


@attrs.frozen
class Threshold:
    quantity: Quantity
    bound: str  # upper | lower
    rate: str = ""  # the rate it names (差异率小于 10%), "" when it names none (达到 80% 的目标)

    def holds(self, value: Decimal) -> bool:
        t = self.quantity.value
        return value <= t if self.bound == "upper" else value >= t


# --- intervals -------------------------------------------------------------

def stated_rate(q: Quantity) -> Interval:
    return stated(q.value, q.precision)


def recompute(claim: RateClaim) -> Interval | None:
    """The rate, in percent, the numerator and denominator give (None: not computable)."""
    if not claim.checkable:
        return None
    return _rate_of(claim, interval_of(claim.numerator), interval_of(claim.denominator))


def recompute_readings(claim: RateClaim) -> list[tuple[tuple, Interval]]:
    """Each reading of a claim whose roles have several figures, with the rate it gives."""
    out = []
    for nums, dens in claim.readings:
        r = _rate_of(claim, total(map(interval_of, nums)), total(map(interval_of, dens)))
        if r is not None:
            out.append(((nums, dens), r))
    return out


def _rate_of(claim: RateClaim, n: Interval, d: Interval) -> Interval | None:
    if claim.formula == "change":
        n = n - d
    elif claim.formula == "before":
        # a change n said after the figure d it brought about: the base was d − n (a rise) or d + n (a fall)
        d = d - n if claim.sign == "increase" else d + n
        if d.lo <= 0:
            return None
        r = n.divide(d)
        return None if r is None else r.scale(HUNDRED)
    if d.lo <= 0:
        return None
    r = n.divide(d)
    if r is None:
        return None
    r = r.scale(HUNDRED)
    if claim.capped and r.hi >= HUNDRED and claim.rate.value == HUNDRED:
        # 1320 of a target of 1250: 100% (capped) or 105.6% — but not 102%, neither the one nor the other
        r = Interval(min(r.lo, HUNDRED), r.hi)
    if _sign_of(claim) == "abs":
        if r.lo >= 0:
            return r
        if r.hi <= 0:
            return -r
        return Interval(Decimal(0), max(-r.lo, r.hi))
    if claim.sign == "decrease":
        return -r
    return r


def _sign_of(claim: RateClaim) -> str:
    """The sign a claim is compared with: a 变动率 (sign "either") stated below zero keeps its sign,
    one stated without it is compared as an absolute value (a fall written 10%)."""
    if claim.sign == "either":
        return "" if claim.rate.value < 0 else "abs"
    return claim.sign


def point(claim: RateClaim, reading: tuple | None = None) -> Decimal | None:
    """The rate the stated figures (or one reading of them) give taken at face value (for messages)."""
    if reading is not None:
        nums, dens = reading
        n = sum((x.value * _factor(x) for x in nums), Decimal(0))
        d = sum((x.value * _factor(x) for x in dens), Decimal(0))
    elif not claim.checkable:
        return None
    else:
        n = claim.numerator.value * _factor(claim.numerator)
        d = claim.denominator.value * _factor(claim.denominator)
    if claim.formula == "change":
        n = n - d
    elif claim.formula == "before":
        d = d - n if claim.sign == "increase" else d + n
        return n / d * HUNDRED if d > 0 else None
    if d <= 0:
        return None
    r = n / d * HUNDRED
    if _sign_of(claim) == "abs":
        r = abs(r)
    elif claim.sign == "decrease":
        r = -r
    return r


def _factor(q: Quantity) -> Decimal:
    return UNIT_FACTORS.get(q.unit, Decimal(1)) if q.kind == "amount" else Decimal(1)


def truncated_to(r: Interval, q: Quantity) -> bool:
    """Every value in ``r`` truncates to the stated rate but none rounds half-up to it."""
    unit = Decimal(1).scaleb(-q.precision)
    v = q.value
    if v >= 0:
        return r.lo >= v + half_unit(q.precision) and r.hi < v + unit
    return r.hi <= v - half_unit(q.precision) and r.lo > v - unit


def truncated_at_point(claim: "RateClaim", r: Interval) -> bool:
    """No value in ``r`` rounds half-up to the stated rate, and the rate the figures give at
    face value truncates to it — though a whole-number figure's ±½ lets ``r`` reach the next
    unit (2595.62 ÷ 2596 = 99.985% written 99%: a rounding down, not another rate)."""
    q = claim.rate
    v = q.value
    p = point(claim)
    if p is None or v < 0:
        return False
    return r.lo >= v + half_unit(q.precision) and v <= p < v + Decimal(1).scaleb(-q.precision)


def grim_possible(rate: Quantity, n: int) -> bool:
    """Is there a whole number k with k/n rounding (half-up) to the stated rate?"""
    if n <= 0 or HUNDRED / n <= Decimal(1).scaleb(-rate.precision):
        return True  # steps of 100/n no wider than the stated unit reach every value
    iv = stated(rate.value, rate.precision)
    lo = (iv.lo * n / HUNDRED).to_integral_value(ROUND_FLOOR)
    hi = (iv.hi * n / HUNDRED).to_integral_value(ROUND_CEILING)
    k = lo
    while k <= hi:
        if k >= 0 and quantize(k * HUNDRED / n, rate.precision) == rate.value:
            return True
        k += 1
    return False


# --- finding the claims ----------------------------------------------------

# spaces between two Chinese characters of a name (全年预算 数, a web page's or a PDF's copy): no word break
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _clean(label: str, vocab) -> str:
    if " " in label:
        label = _CJK_GAP.sub("", label)
    return vocab.strip_fillers(label).rstrip("的之")


def _rate_label(q: Quantity, data, vocab) -> str:
    """The label a percentage's rate is named by: without its fillers, or as written when the
    fillers cut the name (超额完成 is no 超额 + 完成)."""
    label = _clean(q.raw_label, vocab)
    if data.lookup(label) is None:
        written = q.raw_label.strip().rstrip("的之")
        if written != label and data.lookup(written) is not None:
            return written
    return label


def _family(q: Quantity) -> str:
    if q.kind == "count":
        return "count:" + ("人" if q.unit in ("人", "名", "位", "员") else q.unit)
    return q.kind


_CLAUSE_STOP = "，,。；;:：!?！？"
_SHARE_TAIL_RE = re.compile(r"^\s*的?(?:比例|比重|比率)?(?:为|是|达|约)?\s*$")
# A a，为 B 的 r% / 是 B 的 r% / 相当于 B 的 r%: a share written with a copula (B named, 的 after it)
_AS_SHARE_RE = re.compile(r"^(?:为|是|相当于)(?P<name>[^()（）\d，,]{2,}?)(?:\((?P<inner>[^()]*)\))?(?:总额|总数)?的\s*$")
# A a，达到 B b 的 r%: a share written with 达到 (为 / 是 too), the whole's figure closing the phrase
_REACH_SHARE_RE = re.compile(r"^(?:达到|为|是|相当于|完成|执行了|完成了|达到了)(?P<name>[^()（）\d，,]{2,}?)\s*\d[\d,.]*\s*(?:亿元|万元|千元|元)\s*的\s*$")
# A n 人，完成 B m 人的 r%: a completion of a count target, its figure closing the phrase
_DONE_COUNT_RE = re.compile(r"^完成(?P<name>[^()（）\d，,]{2,}?)\s*\d[\d,.]*\s*(?:人次|户次|场次|[人户个项件次场所家名期座处])\s*的\s*$")
# A a，完成 B（b）的 r%: what was done of a target whose figure is in parentheses after its name
_DONE_SHARE_RE = re.compile(r"^完成(?P<name>[^()（）\d，,]{2,}?)\s*\((?P<inner>[^()]*)\)\s*的$")
_SHARE_RE = re.compile(r"^(?:分别)?占(?P<name>[^()（）]*?)(?:\((?P<inner>[^()]*)\))?(?:总额|总数)?的?(?:比例|比重|比率)?(?:为|是|达|约)?\s*$")


def rate_claims(doc) -> tuple[RateClaim, ...]:
    cached = getattr(doc, "_rate_claims", None)
    if cached is not None:
        return cached
    out = []
    data = rate_data()
    vocab = doc.config.vocabulary
    for pf in doc.facts:
        qs = pf.quantities
        for q in qs:
            if q.kind != "percent" or q.unit != "%" or _is_target(pf, q, data):
                continue
            claim = (_division_claim(pf, q, data, vocab) or _mixed_list_claim(pf, q, data, vocab)
                     or _share_claim(pf, q, vocab, doc) or _named_share_claim(pf, q, vocab)
                     or _part_share_claim(doc, pf, q, vocab) or _base_share_claim(pf, q, vocab)
                     or _indicator_claim(pf, q, vocab) or _year_ratio_claim(pf, q, vocab)
                     or _difference_claim(pf, q, data, vocab) or _named_claim(pf, q, data, vocab, doc=doc)
                     or _aside_named_claim(pf, q, data, vocab, doc) or _listed_rates_claim(pf, q, data, vocab, doc)
                     or _bare_named_claim(pf, q, data, vocab, doc))
            if claim is not None and not claim.how and claim.definition is None and not claim.checkable:
                claim = _stage_claim(pf, q, vocab, claim) or claim  # 派遣 a 件，处置 b 件，处置率 r
            if claim is not None:
                out.append(claim)
    result = tuple(out)
    try:
        doc._rate_claims = result
    except AttributeError:  # pragma: no cover
        pass
    return result


_DIVISION_HEAD = re.compile(r"^\s*[（(]\s*[^\d()（），。；,;%/÷]{0,12}$")
_DIVISION_MID = re.compile(r"^\s*[/÷]\s*[^\d()（），。；,;%/÷]{0,12}$")
_DIVISION_TAIL = re.compile(r"^\s*[）)]")
# 预算执行率 93.5%（年初预算 a，实际支出 b）: the two figures listed, not divided
_LISTED_MID = re.compile(r"^\s*[，,、；;]\s*[^\d()（），。；,;%/÷]{0,12}$")


def _division_claim(pf, q: Quantity, data: RateData, vocab) -> RateClaim | None:
    """``预算执行率 90%（实际支出 a / 预算 b）``: a rate followed by the division it is, in
    parentheses — two figures of one kind (or two bare numbers), nothing but their labels and
    / or ÷ between them.
    Only for a name that is a rate (not a change: 增长率 is no plain quotient). A rate with no
    label of its own is named by the words before its colon (全年资金执行率：r（a / b）)."""
    hit = data.lookup(_rate_label(q, data, vocab) or _clean(_bare_label(pf, q), vocab))
    if hit is None or hit[1] is not None and hit[1].formula != "ratio":
        return None
    after = [x for x in pf.quantities if x.item > q.item and x.sentence == q.sentence][:2]
    if len(after) != 2:
        return None
    a, b = after
    # (bare numbers too: 执行率 90%（180/200）, the quotient written out)
    if (a.kind not in ("amount", "count", "score", "number") or _family(a) != _family(b)
            or a.depth != q.depth + 1 or b.depth != q.depth + 1 or a.negative or b.negative):
        return None
    text, idx = pf.para.text, pf.para.index_of
    if not (_DIVISION_HEAD.match(text[idx(q.span.end):idx(a.span.start)])
            and _DIVISION_TAIL.match(text[idx(b.span.end):])):
        return None
    d = hit[1]
    if not _DIVISION_MID.match(text[idx(a.span.end):idx(b.span.start)]):
        if d is None or not _LISTED_MID.match(text[idx(a.span.end):idx(b.span.start)]):
            return None
        # 预算执行率 93.5%（年初预算 a，实际支出 b）: the rate's two figures listed after it in
        # parentheses, one of each role by the definition (or by the one for another kind of figure)
        for name, other in ((hit[0], d), *data.others(hit[0], d)):
            if a.kind != other.kind:
                continue
            la, lb = _role_label(pf, a, vocab), _role_label(pf, b, vocab)
            ra, rb = other.role_of(la, a.label), other.role_of(lb, b.label)
            if {ra, rb} != {"num", "den"} or _two_subjects(la, lb, other):
                continue
            num, den = (a, b) if ra == "num" else (b, a)
            return RateClaim(q, name, other, numerator=num, denominator=den, formula=other.formula,
                             sign=other.sign, how="listed", capped=other.capped)
        return None
    if d is not None and (d.role_of(_role_label(pf, a, vocab), a.label) == "den"
                          or d.role_of(_role_label(pf, b, vocab), b.label) == "num"):
        return None  # 完成率 100%（目标 10 个/实际 12 个）: two figures side by side, not a quotient
    return RateClaim(q, hit[0], hit[1], numerator=a, denominator=b, how="division",
                     capped=hit[1] is not None and hit[1].capped)


def _bare_named_claim(pf, q: Quantity, data: RateData, vocab, doc) -> RateClaim | None:
    """``执行率：92%``, ``执行率(%)92%``: a rate named across a colon or a mark in parentheses."""
    name = _clean(_bare_label(pf, q), vocab)
    if not _known_rate(data, name):
        return None
    return _named_claim(pf, q, data, vocab, label=name, doc=doc)


_COPULAS = ("", "为", "是", "达", "达到", "约为")
_FORMULA_ASIDE = re.compile(r"[（(]\s*[^\d()（），。；,;%]{1,16}[/÷][^\d()（），。；,;%]{1,16}[）)]")


def _aside_named_claim(pf, q: Quantity, data: RateData, vocab, doc) -> RateClaim | None:
    """``资金支出率（实际支出/预算数）为 96%``: a rate named before the formula it is, written in words
    in parentheses — the percentage's own label stops at the aside; read by the name before it."""
    if _clean(q.raw_label, vocab) not in _COPULAS:
        return None
    _, clause = _clause_before(pf, q)
    m = _FORMULA_ASIDE.search(clause)
    if m is None or clause[m.end():].strip() not in _COPULAS:
        return None
    name = _clean(clause[:m.start()].strip(), vocab)
    if not _known_rate(data, name):
        return None
    return _named_claim(pf, q, data, vocab, label=name, doc=doc)


_JOIN_LABELS = ("", "和", "及", "与", "、")  # (100%和93%: the second's label is the word joining them)
_LIST_JOIN = re.compile(r"^\s*(?:[、，,]|和|及|与)\s*$")
_LISTED_NAMES = re.compile(r"^(?P<names>[^，,。；;:：()（）\d%]+?)\s*分别(?:为|是|达到|达|约为)?\s*$")


def _listed_rates_claim(pf, q: Quantity, data: RateData, vocab, doc) -> RateClaim | None:
    """``资金到位率、预算执行率分别为 100%、96%``: rates named in a list before 分别为 and stated in
    the same order after it — each percentage the rate of its name, read by that name's definition
    with the figures before the list (as if the list were one rate). Only when every name is a
    known rate and there are as many percentages, joined by 、，和 及 与 alone."""
    listed = _listed(pf, q, lambda y: y.kind == "percent" and y.unit == "%")
    if listed is None:
        return None
    run, names = listed
    names = [vocab.strip_fillers(n).rstrip("的之") for n in names]
    if not all(_known_rate(data, n) for n in names):
        return None
    claim = _named_claim(pf, run[0], data, vocab, label=names[run.index(q)], doc=doc)
    if claim is None:
        return None
    return attrs.evolve(claim, rate=q)


def _mixed_list_claim(pf, q: Quantity, data: RateData, vocab) -> RateClaim | None:
    """``预算数、执行数、执行率分别为 a、b、r``: a rate listed after 分别为 together with its own figures,
    each named in the same order before it — the one rate of the list, read by its definition with
    the listed figures of exactly one of each role."""
    listed = _listed(pf, q, lambda y: y.kind in ("amount", "count", "percent"))
    if listed is None:
        return None
    run, names = listed
    if sum(1 for y in run if y.kind == "percent") != 1:
        return None
    name = _clean(names[run.index(q)], vocab)
    hit = data.lookup(name) if name else None
    if hit is None or hit[1] is None or hit[1].formula != "ratio" or not name.endswith(hit[0]):
        return None
    d = hit[1]
    roles = {"num": [], "den": []}
    for y, n in zip(run, names):
        if y is not q and y.kind == d.kind:
            role = d.role_of(_clean(n, vocab), "")
            if role in roles:
                roles[role].append(y)
    if len(roles["num"]) != 1 or len(roles["den"]) != 1 or any(y.negative for y in run):
        return None
    return RateClaim(q, name, d, numerator=roles["num"][0], denominator=roles["den"][0], formula=d.formula,
                     sign=d.sign, how="listed", capped=d.capped)


def _listed(pf, x: Quantity, fits) -> tuple[list[Quantity], list[str]] | None:
    """``预算数、执行数分别为 a、b``, ``到位率、执行率分别为 100%、96%``: the figures listed after 分别为
    that ``x`` is one of — each labelled by nothing but the word joining it to the one before (、和及与),
    the others passing ``fits`` — and the names listed before 分别为, as written; None unless there
    are two figures or more and as many names."""
    if x.raw_label.strip() not in _JOIN_LABELS:
        return None
    text, idx = pf.para.text, pf.para.index_of
    same = [y for y in pf.quantities if y.sentence == x.sentence]

    def listed(y: Quantity) -> bool:
        return fits(y) and y.raw_label.strip() in _JOIN_LABELS

    def joined(a: Quantity, b: Quantity) -> bool:
        return _LIST_JOIN.match(text[idx(a.span.end):idx(b.span.start)]) is not None

    i = j = same.index(x)
    while i > 0 and listed(same[i - 1]) and joined(same[i - 1], same[i]):
        i -= 1
    while j + 1 < len(same) and listed(same[j + 1]) and joined(same[j], same[j + 1]):
        j += 1
    run = same[i: j + 1]
    if len(run) < 2:
        return None
    _, clause = _clause_before(pf, run[0])
    m = _LISTED_NAMES.match(clause.strip())
    if not m:
        return None
    names = [n.strip() for n in re.split(r"、|和|及|与", m.group("names"))]
    return (run, names) if len(names) == len(run) else None


def _known_rate(data: RateData, name: str) -> bool:
    """Whether ``name`` ends with the name of a rate that has a definition."""
    hit = data.lookup(name) if name else None
    return hit is not None and hit[1] is not None and name.endswith(hit[0])


def bound_claims(doc) -> tuple[RateClaim, ...]:
    """Rates said to keep a bound, with the figures in the sentence: ``预算批复资金 a，
    部门决算收入 b，差异率小于 10%`` — the rate b/a must stay below 10%."""
    cached = getattr(doc, "_bound_claims", None)
    if cached is not None:
        return cached
    data = rate_data()
    vocab = doc.config.vocabulary
    words = sorted(data.upper_before + data.lower_before + ("未达到", "未达"), key=len, reverse=True)
    out = []
    for pf in doc.facts:
        for q in pf.quantities:
            if q.kind != "percent" or q.unit != "%" or not _is_target(pf, q, data):
                continue
            if _REQUIREMENT_AFTER.match(pf.para.text, pf.para.index_of(q.span.end)):
                continue  # (按照“……达到 100%”的要求: what is asked of it, not what it claims)
            label = _clean(q.raw_label, vocab)
            for w in words:
                if label.endswith(w):
                    label = vocab.strip_fillers(label[: -len(w)])
                    break
            claim = _named_claim(pf, q, data, vocab, label=label)
            if claim is None or claim.definition is None or not claim.checkable:
                continue
            th = _bound_of(pf, q, data)
            if th:
                out.append(attrs.evolve(claim, bound=th))
    doc._bound_claims = tuple(out)
    return doc._bound_claims


def _bound_of(pf, q: Quantity, data: RateData) -> str:
    text = pf.para.text
    i = pf.para.index_of(q.span.start)
    j = pf.para.index_of(q.span.end)
    before = text[max(0, i - 4):i].rstrip()
    after = text[j:j + 3].lstrip()
    if before.endswith(data.upper_before) or after.startswith(data.upper_after):
        return "upper"
    if before.endswith(data.lower_before) or after.startswith(data.lower_after):
        return "lower"
    return ""


def _is_target(pf, q: Quantity, data: RateData, strict: bool = True) -> bool:
    """``支出率达到 90% 以上``, ``差异率小于 10%``: a bound the report sets, not a value it states."""
    text = pf.para.text
    i = pf.para.index_of(q.span.start)
    j = pf.para.index_of(q.span.end)
    before = text[max(0, i - 4):i].rstrip()
    after = text[j:j + 3].lstrip()
    words_before, words_after = data.bound_words[strict]
    return before.endswith(words_before) or after.startswith(words_after) \
        or _REQUIREMENT_AFTER.match(text, j) is not None


# 按照“年底前支出进度达到 100%”的要求: a rate quoted as a requirement or a target, not a value
_REQUIREMENT_AFTER = re.compile(r"\s*[”\"’」』]\s*(?:的)?(?:要求|目标|标准|规定)")


def _clause_before(pf, q: Quantity) -> tuple[int, str]:
    text = pf.para.text
    end = pf.para.index_of(q.span.start)
    i = end
    depth = 0
    while i > 0:
        ch = text[i - 1]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            depth -= 1
        elif ch in _CLAUSE_STOP and depth <= 0 and not (
                ch == "," and i >= 2 and text[i - 2].isdigit() and i < end and text[i].isdigit()):
            break  # (1,200.00: a comma between digits parts thousands, not clauses)
        i -= 1
    return i, text[i:end]


def _open_paren(clause: str) -> int | None:
    """The index of the last parenthesis of ``clause`` left open."""
    depth = 0
    for i in range(len(clause) - 1, -1, -1):
        if clause[i] in ")）":
            depth += 1
        elif clause[i] in "(（":
            if depth == 0:
                return i
            depth -= 1
    return None


def _paren_share_claim(pf, q: Quantity, vocab, start: int, clause: str) -> RateClaim | None:
    """``A a（占 B 的 r%）``: the share written in parentheses right after its numerator."""
    k = _open_paren(clause)
    if k is None:
        return None
    m = _SHARE_RE.match(clause[k + 1:].strip())
    if not m or m.group("inner") is not None:
        return None
    name = m.group("name").strip()
    claim = RateClaim(q, f"占{name}的比例", None, how="share")
    paren = start + k
    before = [x for x in pf.quantities if pf.para.index_of(x.span.end) <= paren and x.sentence == q.sentence]
    if not before or not name:
        return claim
    num = before[-1]
    gap = pf.para.text[pf.para.index_of(num.span.end):paren]
    if gap.strip() or num.kind not in ("amount", "count") or num.depth != q.depth - 1:
        return claim
    den = _by_name(pf, name, num, q, vocab)
    if den is None:
        return claim
    return attrs.evolve(claim, name=_clean(num.raw_label, vocab) + claim.name, numerator=num, denominator=den)


# words that begin with 到 (占到位资金的: the whole is 到位资金, not 位资金)
_TO_WORDS = ("到位", "到账", "到期", "到户", "到人", "到村", "到县", "到省", "到市", "到校", "到岗", "到达")


def _whole_after_to(name: str) -> str:
    """The whole a share names after 占: 占到 B 的 r% is 占 B 的 (but 占到位资金的 is 占 到位资金)."""
    if name.startswith("到") and not name.startswith(_TO_WORDS):
        return name[1:].strip()
    return name


# between a part and the clause of its share, nothing but one aside in parentheses and a comma
_ASIDE_ONLY = re.compile(r"\s*[（(][^（）()]*[)）]\s*[，,]?\s*$")


def _share_claim(pf, q: Quantity, vocab, doc=None) -> RateClaim | None:
    start, clause = _clause_before(pf, q)
    paren = _paren_share_claim(pf, q, vocab, start, clause)
    if paren is not None:
        return paren
    if _clean(clause, vocab) in _PART_SHARE:
        return None  # 占比: the share of the breakdown the figure before is a part of
    m = (_SHARE_RE.match(clause.strip()) or _AS_SHARE_RE.match(clause.strip()) or _REACH_SHARE_RE.match(clause.strip())
         or _DONE_SHARE_RE.match(clause.strip()) or _DONE_COUNT_RE.match(clause.strip()))
    if not m:
        return None
    name = _whole_after_to(m.group("name").strip())
    # (a completion: more than the target may be written as 100%)
    done = m.re is _DONE_SHARE_RE or m.re is _DONE_COUNT_RE
    word = "完成" if done or clause.strip().startswith("完成") else "占"
    claim = RateClaim(q, f"{word}{name}的比例", None, how="share", capped=done)
    # the numerator: the last figure before the clause, in the same sentence, at the same depth
    before = [x for x in pf.quantities if pf.para.index_of(x.span.end) <= start and x.sentence == q.sentence]
    if not before:
        return claim
    k = len(before) - 1
    aside = False
    while k > 0 and before[k].depth > q.depth:
        k -= 1  # A a（其中：甲 b，乙 c），占 B 的 r%: the part's own breakdown in parentheses
        aside = True
    if aside and not (before[k].depth == q.depth and _ASIDE_ONLY.match(
            pf.para.text, pf.para.index_of(before[k].span.end), start)):
        return claim
    if aside:
        before = before[: k + 1]
    of_change = bool(_CHANGE_WORDS.search(name))
    while k > 0 and (before[k].kind == "percent" and _clean(before[k].raw_label, vocab).startswith("占")
                     or not of_change and _CHANGE_LABEL.match(_clean(before[k].raw_label, vocab))):
        # A a，占 B p%，占 C q%: one figure, a share of each of two wholes; A a，比上年增收 b，同比增长
        # c%，占 B 的 p%: the change since last year is said of A, the share too — unless B is a
        # change itself (增收 b，占全部增收的 p%: the share of the increase)
        k -= 1
    num = before[k]
    shares_between = len(before) - 1 - k
    if (num.kind not in ("amount", "count") or num.depth != q.depth
            or not aside and num.clause != q.clause - 1 - shares_between
            or any(x.clause != num.clause + 1 + i for i, x in enumerate(before[k + 1:]))):
        return claim
    inside = [x for x in pf.quantities if start <= pf.para.index_of(x.span.start) and x.span.end <= q.span.start]
    den = None
    if m.groupdict().get("inner") is not None:
        if len(inside) == 1 and _family(inside[0]) == _family(num):
            den = inside[0]
    elif name and not inside:
        den = _by_name(pf, name, num, q, vocab)
        if den is None and doc is not None:
            den = _breakdown_total(doc, pf, num, name, vocab)
            for tail in ("总额", "总数"):
                if den is None and name + tail in clause:
                    # 占资产总额的 r%: the regex kept 资产; the whole it names is a total
                    den = _breakdown_total(doc, pf, num, name + tail, vocab)
                    if den is not None:
                        claim = attrs.evolve(claim, name=f"占{name}{tail}的比例")
    elif len(inside) == 1 and _family(inside[0]) == _family(num):
        # 占核定编制数 143 人的比率为 r%: the whole's figure closes the 占-phrase
        x = inside[0]
        i, j = pf.para.index_of(x.span.start), pf.para.index_of(x.span.end)
        if _SHARE_TAIL_RE.match(pf.para.text[j:pf.para.index_of(q.span.start)]):
            den = x
            figure = pf.para.text[i:j]
            if name.endswith(figure):
                claim = attrs.evolve(claim, name=f"占{name[:-len(figure)].strip()}的比例")
    if den is None:
        return claim
    return attrs.evolve(claim, name=_clean(num.raw_label, vocab) + claim.name, numerator=num, denominator=den)


# A 占 B r%, A 占 B 的比重为 r%: the part and the whole both named in the share's clause
_NAMED_SHARE_RE = re.compile(
    r"^(?P<part>[^\d占，,。；;:：()（）]{2,20}?)占(?P<name>[^\d占()（）]{2,30}?)(?:总额|总数)?的?(?:比例|比重|比率)?"
    r"(?:为|是|达|约)?\s*$"
)


def _named_share_claim(pf, q: Quantity, vocab) -> RateClaim | None:
    """``税收收入 a，……，税收收入占地方财政收入 r%``: a share whose clause names its part and its
    whole; the part is the one value before it whose label is the part's name exactly (a verb
    after it, 完成 or 实现, aside: 非税收入 is not 税收收入), the whole as for ``占 B 的``
    (:func:`_by_name`). None when the clause is no such share."""
    start, clause = _clause_before(pf, q)
    m = _NAMED_SHARE_RE.match(clause.strip())
    if not m:
        return None
    part, name = m.group("part").strip(), _whole_after_to(m.group("name").strip())  # (A 占到 B 的 r%)
    claim = RateClaim(q, f"{part}占{name}的比例", None, how="share")
    found = []
    for x in pf.quantities:
        if x.item >= q.item or x.kind not in ("amount", "count") or x.depth != q.depth:
            continue
        if any(label == part for label in _whole_labels(pf, x, vocab)):
            found.append(x)
    if len({x.value * _factor(x) for x in found}) == 1:
        num = found[-1]
        den = _by_name(pf, name, num, q, vocab)
        if den is not None and den.span != num.span:
            return attrs.evolve(claim, numerator=num, denominator=den)
    return _share_by_definition(pf, q, vocab, part, name, claim)


def _share_by_definition(pf, q: Quantity, vocab, part: str, name: str, claim: RateClaim) -> RateClaim:
    """``绩效目标 n 户，实际完成 k 户，实际完成数占年度目标任务的 r%``: a share whose part and
    whole are named as the numerator and the denominator of a known rate (as a figure's label
    would be: :meth:`RateDef.role_of`) is that rate, its figures found as for the
    rate by name (:func:`_claim_of`); only when a definition finds exactly one figure of each
    role. ``claim`` unchanged otherwise."""
    data = rate_data()
    part, whole = _clean(part, vocab), _clean(name, vocab)
    for d in data.defs:
        if d.formula != "ratio" or d.match != "suffix" or d.role_of(part, "") != "num" or d.role_of(whole, "") != "den":
            continue
        found = _claim_of(pf, q, data, vocab, claim.name, d, None)
        if found.checkable:
            return attrs.evolve(found, how="share")
    return claim


def _totals_of(doc, pf, x: Quantity) -> set[Quantity]:
    """The totals of the breakdowns (其中) of ``x``'s paragraph that ``x`` is a part of."""
    return {b.total for b in doc.in_paragraph("breakdowns", pf.para.index) if x in b.parts}


def _breakdown_total(doc, pf, num: Quantity, name: str, vocab) -> Quantity | None:
    """收入合计 X。其中：财政拨款收入 a，占总收入的 p%: the whole a part's share is of, when
    the share names a total (总收入, 收入总额) and the part is in one breakdown of the
    paragraph whose total's label, if any, holds the name's words — or names no kind of money
    while the part's label ends with them (经费项目 X，其中：商品和服务支出 a，占总支出的 p%)."""
    words = name.removeprefix("总").removesuffix("总额").removesuffix("总数").removesuffix("合计")
    if words == name or not words:
        return None
    totals = _totals_of(doc, pf, num)
    if len(totals) != 1:
        return None
    total = totals.pop()
    label = _role_label(pf, total, vocab)
    if not label or words in label:
        return total
    # 节目制作经费项目 60 万元，其中：商品和服务支出 45.50 万元，占总支出的 r%: a whole named for
    # what it is for, the part naming the kind of money the share's whole is
    if _role_label(pf, num, vocab).endswith(words) and not _MONEY_KINDS.search(label):
        return total
    return None


# the kinds of money a total's label may name (a whole named 收入 is no 总支出)
_MONEY_KINDS = re.compile(r"收入|支出|预算|决算|投资|结余|结转")


# the label of a change said of the figure before it: 比上年增收 b, 同比增长 c%, 较上年同期减少 d
_CHANGE_WORDS = re.compile(r"增收|增长|增加|增量|增幅|减收|减少|下降|减幅|增支|减支")
_CHANGE_LABEL = re.compile(r"(?:(?:比|较)(?:上年|去年|上期|上年同期|去年同期|同期)|同比)?\s*(?:增收|增长|增加|减收|减少|下降|增支|减支)$")

_PART_SHARE = ("占比", "所占比例", "所占比重", "占总额比例", "占总额的比例", "占总额", "占总数", "占")


def _part_share_claim(doc, pf, q: Quantity, vocab) -> RateClaim | None:
    """``总额 X，其中：A a，占比 p%，B b，占比 q%``: a part's share of its breakdown's total."""
    label = _clean(q.raw_label, vocab)
    head = ""
    if label not in _PART_SHARE:
        # 人员经费支出 a，人员经费占比 p%: the part named again before 占比 (the words the figure's label begins with)
        head = next((label[: -len(w)] for w in ("占比", "所占比例", "所占比重") if label.endswith(w)), "")
        if len(head) < 2:
            return None
        label = label[len(head):]
    claim = RateClaim(q, label, None, how="share")
    before = [x for x in pf.quantities if x.item < q.item and x.sentence == q.sentence and x.kind != "percent"]
    if not before:
        return None if head else claim
    num = before[-1]
    if head and not _clean(num.raw_label, vocab).startswith(head):
        return None  # (another figure's share: other readers may know the rate)
    if num.depth != q.depth or num.clause not in (q.clause, q.clause - 1):
        return claim
    totals = _totals_of(doc, pf, num)
    shown = "占比" if label == "占" else label  # 基本支出 a，占 p%: 基本支出占比
    if not totals:
        named = attrs.evolve(claim, name=_clean(num.raw_label, vocab) + shown)
        found = _colon_share_claim(pf, q, num, named)
        return found if found.checkable else _list_share_claim(pf, num, named, vocab, doc)
    if len(totals) != 1:
        return claim
    return attrs.evolve(claim, name=_clean(num.raw_label, vocab) + shown, numerator=num, denominator=totals.pop())


# who pays or keeps a share of a sum: 中央财政补贴 45% 为 a, 农户自缴 20% 为 b, 预留 5% 为 c
_BASE_SHARE_VERB = re.compile(r"(?:补贴|补助|奖补|承担|负担|分担|配套|自缴|自筹|缴纳|出资|预留|拨付|支付)$")


def _base_share_claim(pf, q: Quantity, vocab) -> RateClaim | None:
    """``总保费 X，中央财政补贴 p% 为 a，省级财政补贴 q% 为 b``: a share written as ``V r% 为 a``
    (V who pays or keeps it: 补贴, 承担, 自缴, 预留 …; nothing else in the clause) is of the
    one figure of the clause just before the run of such clauses, in the same sentence, when
    that clause holds nothing else, no 其中 and no change. None otherwise (other readers may
    still know the rate)."""
    label = _clean(q.raw_label, vocab)
    if not _BASE_SHARE_VERB.search(label) or _CHANGE_WORDS.search(label):
        return None
    clauses: dict[int, list[Quantity]] = {}
    for x in pf.quantities:
        if x.sentence == q.sentence:
            clauses.setdefault(x.clause, []).append(x)
    text, idx = pf.para.text, pf.para.index_of

    def shape(c: int) -> Quantity | None:  # V r% 为 a: the a
        xs = clauses.get(c, [])
        if (len(xs) == 2 and xs[0].kind == "percent" and xs[0].unit == "%" and xs[1].kind == "amount"
                and xs[0].depth == xs[1].depth == 0 and not xs[1].negative
                and text[idx(xs[0].span.end):idx(xs[1].span.start)].strip() == "为"):
            return xs[1]
        return None

    num = shape(q.clause)
    if num is None or clauses[q.clause][0] is not q:
        return None
    claim = RateClaim(q, label + "比例", None, how="of-base")
    c = q.clause - 1
    while shape(c) is not None:
        c -= 1
    base = clauses.get(c, [])
    if len(base) != 1 or base[0].kind != "amount" or base[0].depth or base[0].negative:
        return None
    whole = base[0]
    i = idx(whole.span.start)
    c0 = max(text.rfind(ch, 0, i) for ch in _CLAUSE_STOP) + 1
    if _CHANGE_WORDS.search(whole.raw_label) or any(c0 <= idx(kw.span.start) < idx(q.span.start) for kw in pf.keywords):
        return None  # 其中种植业保费 a，补贴 p% 为 b: of a, or of the total before it
    return attrs.evolve(claim, numerator=num, denominator=whole)


_FULL_STOP = "。!?！？"
_COLONS = ":："


def _full_sentence(text: str, i: int) -> tuple[int, int]:
    """Where the sentence holding ``text[i]`` starts and ends (up to 。 / ! / ?, not a ；)."""
    start = max(text.rfind(c, 0, i) for c in _FULL_STOP) + 1
    ends = [k for k in (text.find(c, i) for c in _FULL_STOP) if k >= 0]
    return start, min(ends) if ends else len(text)


def _colon_share_claim(pf, q: Quantity, num: Quantity, claim: RateClaim) -> RateClaim:
    """``抽取 N 件进行评估，结果为：A a 件，占比 p%；B b 件，占比 q%``: parts listed after the one
    colon of their sentence (up to 。), with no 其中 / 包括 / 合计 … in the sentence, are parts of
    the one figure of their kind (same unit or measure word, outside parentheses, no change)
    before the colon in that sentence (no figure before the colon: in the sentence before, with
    two parts or more and no 其中 … there). Only when every figure of that kind after the colon
    is outside parentheses and they add up to the total (one part alone: no more than it).
    ``claim`` unchanged otherwise."""
    text, idx = pf.para.text, pf.para.index_of
    i = idx(num.span.start)
    s0, s1 = _full_sentence(text, i)
    colons = [k for k in range(s0, s1) if text[k] in _COLONS]
    if len(colons) != 1 or not s0 < colons[0] < i:
        return claim
    c = colons[0]
    if text[s0:c].count("(") != text[s0:c].count(")") or any(
            s0 <= idx(kw.span.start) < s1 for kw in pf.keywords):
        return claim  # a colon inside parentheses; 其中, 分别为, 合计: a breakdown of its own
    fam = _family(num)
    same = [x for x in pf.quantities if s0 <= idx(x.span.start) and idx(x.span.end) <= s1
            and _family(x) == fam and x.kind in ("amount", "count")]
    wholes = [x for x in same if idx(x.span.end) <= c]
    parts = [x for x in same if idx(x.span.start) > c]
    if not wholes and len(parts) > 1 and s0 > 0 and not any(
            s0 <= idx(x.span.start) < c for x in pf.quantities):
        # 共抽取 N 件进行评估。评估结果为：A a 件，占比 p%；B b 件，…: a sentence with no figure
        # before its colon lists the parts of the one figure of their kind in the sentence
        # before, when they add up to it
        p0 = _full_sentence(text, s0 - 1)[0]
        if any(p0 <= idx(kw.span.start) < s0 for kw in pf.keywords):
            return claim
        wholes = [x for x in pf.quantities if p0 <= idx(x.span.start) and idx(x.span.end) < s0
                  and _family(x) == fam and x.kind in ("amount", "count")]
        if len(wholes) != 1 or wholes[0].depth or wholes[0].negative:
            return claim
        same = same + wholes
    if (len(wholes) != 1 or num not in parts or any(x.depth or x.negative for x in same)
            or _CHANGE_WORDS.search(wholes[0].raw_label)):
        return claim
    whole = wholes[0]
    whole_iv, parts_iv = interval_of(whole), total(map(interval_of, parts))
    if parts_iv.lo > whole_iv.hi or len(parts) > 1 and parts_iv.hi < whole_iv.lo:
        # more than the whole: no list of its parts; less: the shares may be of their sum (those
        # rated of those sampled), or one part of another (良好以上 a，占比 p%；优秀 b，占比 q%)
        return claim
    return attrs.evolve(claim, numerator=num, denominator=whole)


def _list_share_claim(pf, num: Quantity, claim: RateClaim, vocab, doc) -> RateClaim:
    """``选取 N 个项目开展评价。评为优良的项目 a 个，占 p%，评为中的项目 b 个，占 q%``: a sentence (up
    to 。) that is a list of parts, each followed by its share (占 p%, 占比 p%) and by nothing else of
    their kind, with no 其中 / 合计 … in it, whose parts add up to the one figure of their kind in
    the sentence before (no 其中 … there either): the shares are of that figure. A list that names
    its whole first (…支出决算中，) with no figure before it in its paragraph (a heading at most)
    takes the one figure of their kind in the paragraph before that the parts make. ``claim``
    unchanged otherwise."""
    text, idx = pf.para.text, pf.para.index_of
    i = idx(num.span.start)
    s0, s1 = _full_sentence(text, i)
    fam = _family(num)

    def inside(x, a, b) -> bool:
        return a <= idx(x.span.start) and idx(x.span.end) <= b

    same = [x for x in pf.quantities if inside(x, s0, s1) and _family(x) == fam and x.kind in ("amount", "count")]
    shares = [x for x in pf.quantities if inside(x, s0, s1) and x.kind == "percent"]
    if (len(same) < 2 or num not in same or len(shares) != len(same) or any(x.depth or x.negative for x in same)
            or any(x.depth or _clean(x.raw_label, vocab) not in _PART_SHARE for x in shares)
            or any(s0 <= idx(k.span.start) < s1 for k in pf.keywords)):
        return claim
    # (each part, then its share: A a，占 p%，B b，占 q%)
    if any(not (a.item < p.item and (k + 1 == len(same) or p.item < same[k + 1].item))
           for k, (a, p) in enumerate(zip(same, shares))):
        return claim
    parts_iv = total(map(interval_of, same))
    if not any(idx(x.span.start) < s0 for x in pf.quantities):
        # (二)……具体情况说明。“三公”经费支出决算中，A a，占 p%；B b，占 q%: a list that names its whole
        # (…中，) after a heading with no figure, the whole stated in the paragraph before — the one
        # figure of their kind there that the parts make
        lead = text[s0:idx(same[0].span.start)]
        if pf.para.index == 0 or not re.search(r"中\s*[，,]", lead):
            return claim
        prev = doc.facts[pf.para.index - 1]
        made = [x for x in prev.quantities if _family(x) == fam and x.kind in ("amount", "count") and not x.depth
                and not x.negative and not _CHANGE_WORDS.search(x.raw_label) and interval_of(x).meets(parts_iv)]
        return attrs.evolve(claim, numerator=num, denominator=made[0]) if len(made) == 1 else claim
    p0 = _full_sentence(text, s0 - 1)[0]
    before = [x for x in pf.quantities if inside(x, p0, s0) and _family(x) == fam and x.kind in ("amount", "count")]
    if (len(before) != 1 or before[0].depth or before[0].negative or _CHANGE_WORDS.search(before[0].raw_label)
            or any(p0 <= idx(k.span.start) < s0 for k in pf.keywords)):
        return claim
    whole = before[0]
    if not interval_of(whole).meets(parts_iv):
        return claim  # (the parts do not make the figure before: their shares may be of another whole)
    return attrs.evolve(claim, numerator=num, denominator=whole)


def _by_name(pf, name: str, num: Quantity, q: Quantity, vocab) -> Quantity | None:
    """The one figure of the paragraph named ``name`` (by its label — also ``[实际]name总额`` —
    or an earlier ``占name(x)``)."""
    found = []
    for x in pf.quantities:
        if x is num or x is q or _family(x) != _family(num):
            continue
        label = _clean(x.raw_label, vocab)
        if label == name or _names_total(label, name) or _same_whole(pf, x, label, name):
            found.append(x)
            continue
        if x.depth > 0 and not x.raw_label:
            # 占固定资产（2188.47万元）: the figure in parentheses is named by the words before them
            text = pf.para.text
            i = pf.para.index_of(x.span.start)
            head = text[max(0, i - len(name) - 2):i].rstrip("(（ ")
            if head.endswith(name):
                found.append(x)
    values = {(x.value * _factor(x)) for x in found}
    if len(values) > 1:
        # 实际采购金额 a……占实际采购金额的 p%。市本级……实际采购金额 b……占实际采购金额的 q%:
        # the one of them in the share's own sentence, before it
        here = [x for x in found if x.sentence == q.sentence and x.item < q.item]
        if len({x.value * _factor(x) for x in here}) == 1:
            return here[0]
        return None
    if not found:
        found = _by_name_ending(pf, name, num, q, vocab)
        values = {(x.value * _factor(x)) for x in found}
    return found[0] if len(values) == 1 else None


# a whole's label may say what happened to it after its name (一般公共预算收入完成 a: the
# revenue came to a), and a share may name a sum of money by what it is without 资金
_WHOLE_VERBS = ("累计完成", "实际完成", "完成", "实现", "达到", "达")
_NAME_MIN = 3


def _by_name_ending(pf, name: str, num: Quantity, q: Quantity, vocab) -> list[Quantity]:
    """When no figure is labelled ``name`` itself: the figures whose label, without a verb after
    it (完成, 实现), ends with the name — a subject before it (地方一般公共预算收入完成 a for 占一般
    公共预算收入的; 某某工程项目总投资 a for 占项目总投资的) — or, for a name 资金 closes, with
    the words before 资金 (实际到位 a for 占到位资金的), for a name 项目 opens, with the words after it
    (某某水利枢纽工程总投资 a for 占项目总投资的: the project called by its own name). Only figures before the share: those in its sentence
    if there are any, else those of the paragraph before it; names shorter than three characters (占支出的)
    are too common to look for this way."""
    stems = [name]
    if name.endswith("资金") and len(name) - 2 >= 2:
        stems.append(name[:-2])
    if name.startswith("项目") and len(name) - 2 >= _NAME_MIN:
        stems.append(name[2:])  # 占项目总投资的: the project named by itself, 某某水利枢纽工程总投资 a
    if len(name) < _NAME_MIN:
        # 占预算的 r%: a short name only in one figure before it, in the share's own sentence or,
        # if it has none, in the sentence just before and none earlier (预算 a。实际支出 b，占预算的 r%)
        named = [x for x in pf.quantities if x is not num and x is not q and x.sentence <= q.sentence
                 and x.item < q.item and _family(x) == _family(num) and len(name) == 2
                 and any(label.endswith(name) for label in _whole_labels(pf, x, vocab))]
        here = [x for x in named if x.sentence == q.sentence] or named
        return here if len(here) == 1 and here[0].sentence >= q.sentence - 1 else []
    stems = [_same_term(st) for st in stems]
    found = []
    for x in pf.quantities:
        if x is num or x is q or x.item > q.item or _family(x) != _family(num):
            continue
        if any(_same_term(label).endswith(st) for label in _whole_labels(pf, x, vocab) for st in stems):
            found.append(x)
    here = [x for x in found if x.sentence == q.sentence and x.item < q.item]
    return here or found


# two names of one budget: 公共财政预算 is the name the 一般公共预算 had before the budget law of
# 2014 (占公共财政预算支出的 r%, the whole written 一般公共预算支出 a)
_SAME_TERMS = (("公共财政预算", "一般公共预算"),)


def _same_term(label: str) -> str:
    """``label`` with an older name of a budget written as the current one."""
    for old, new in _SAME_TERMS:
        if old in label:
            label = label.replace(old, new)
    return label


def _whole_labels(pf, x: Quantity, vocab):
    """The names a figure may carry as a whole: its role's label and its label as written (the
    fillers make 财政总收入累计完成 a 财政总收入累), each without a verb of completion at its end."""
    for label in (_role_label(pf, x, vocab), x.raw_label.strip().rstrip("的之")):
        for w in _WHOLE_VERBS:
            if label.endswith(w) and len(label) > len(w):
                label = label[: -len(w)]
                break
        yield label
        if label.endswith(("预算数", "决算数")):
            yield label[:-1]  # (支出决算数 a……支出决算占收入决算的 r%: 决算数 and 决算 are one figure)
        elif label.endswith("预算资金"):
            yield label[:-2]  # (年度预算资金 a……占年度预算的 r%: the budget is its money)


_TARGET_RE = re.compile(r"指标值\s*[“\"「]?\s*(?:≥|>=|≧|不低于|不少于)?\s*$")
_APPROX_AFTER = ("多", "余", "以上", "左右", "上下", "次以上")


def _indicator_claim(pf, q: Quantity, vocab) -> RateClaim | None:
    """``指标值“100份”。……征订读物 100 份。指标完成率 100%``: an indicator's completion rate is
    the one actual figure of the paragraph over its target (written after 指标值, at least /
    no bound; a target written as an upper bound ≤ is not a completion to divide). More than
    the target is complete: 100% or the ratio itself are both right."""
    label = _clean(q.raw_label, vocab)
    if not label.endswith("指标完成率"):
        return None
    claim = RateClaim(q, label, None, how="indicator", capped=True)
    text = pf.para.text
    targets = [x for x in pf.quantities if x.kind in ("amount", "count") and x.item < q.item
               and _TARGET_RE.search(text[max(0, pf.para.index_of(x.span.start) - 12):pf.para.index_of(x.span.start)])]
    if not targets:
        return None  # 设定指标 n 个，已完成指标 m 个，指标完成率 r: a set of indicators, by definition
    if len(targets) != 1:
        return claim
    t = targets[0]
    actual = [x for x in pf.quantities if t.item < x.item < q.item and _family(x) == _family(t)]
    if not actual or any(_rough(pf, x) for x in actual):
        return claim
    num = _unique(actual)
    if num is None:
        return claim
    return attrs.evolve(claim, numerator=num, denominator=t)


_YEAR_RATIO_RE = re.compile(r"^(?P<a>.+?)与(?P<b>.+?)的?(?:比率|比值|之比|比例)(?:为|是)?$")
_THIS_YEAR = ("本年", "当年", "本期", "本年度", "今年")
_LAST_YEAR = ("上年", "去年", "上期", "上年度", "上一年")


def _year_ratio_claim(pf, q: Quantity, vocab) -> RateClaim | None:
    """``实际支出的公用经费与上年公用经费总额的比率 45.22%。本年日常公用经费决算数为 a，上年日常
    公用经费数为 b``: this year's figure over last year's, both named by the words the two sides of
    the ratio share (公用经费), with 本年/当年 on one and 上年/去年 on the other. Looked up in the
    rate's sentence before it, else in the sentence right after; each role must have one value."""
    m = _YEAR_RATIO_RE.match(_clean(q.raw_label, vocab))
    if not m or not any(w in m.group("b") for w in _LAST_YEAR) or any(w in m.group("a") for w in _LAST_YEAR):
        return None
    claim = RateClaim(q, m.group(0), None, how="year-ratio")
    stem = _common(m.group("a"), m.group("b"))
    if len(stem) < 2:
        return claim
    for pool in ([x for x in pf.quantities if x.sentence == q.sentence and x.item < q.item],
                 [x for x in pf.quantities if x.sentence == q.sentence + 1]):
        pool = [x for x in pool if x.kind == "amount" and stem in x.raw_label]
        if not pool:
            continue
        num = [x for x in pool if any(w in x.raw_label for w in _THIS_YEAR) and not any(w in x.raw_label for w in _LAST_YEAR)]
        den = [x for x in pool if any(w in x.raw_label for w in _LAST_YEAR) and not any(w in x.raw_label for w in _THIS_YEAR)]
        n, d = _unique(num), _unique(den)
        if n is None or d is None:
            return claim
        return attrs.evolve(claim, numerator=n, denominator=d)
    return claim


# the words of a difference up and down (比上年增加 c, 节约 c)
_UP_WORDS = ("多", "增加", "增长", "提高", "超支", "超出", "增收", "增支")
_DOWN_WORDS = ("少", "减少", "下降", "降低", "节约", "节省", "压减", "压缩", "压降", "减收", "减支")
_DIFFERENCE_RE = re.compile(
    r"^(?P<subject>[^比较]*?)(?:[比较](?P<base>[^比较]+?))?(?:" + "|".join(_UP_WORDS + _DOWN_WORDS) + ")了?$")


def _difference_claim(pf, q: Quantity, data: RateData, vocab) -> RateClaim | None:
    """``支出合计比年初预算数多 c 万元，差异率 r%`` — a rate of change stated after the difference
    itself (比 or 较 the base; or no base and 同比 before the rate: 支出减少 c 元，同比下降 r%, a
    base of last year): r is c over the figure it was compared with, the one figure of the paragraph before
    the difference whose label is that base (年初预算数), or for a base of last year (比上年减少)
    whose label holds 上年/去年 and the subject's words (上年公用经费). The difference must be
    the only figure of its kind in the rate's sentence since the rate before — or the last of
    three, after this year's figure and last year's written with 比上年 (经费支出 a，比上年 b 减少
    c，下降 r%: c over b). A change since last year with no figure of last year in the paragraph is
    read after this year's figure before it, past the rates between them (支出决算 a，完成预算 p%，
    较上年增加 c，增长 r%), as :func:`_change_after_claim` reads it."""
    hit = data.lookup(_rate_label(q, data, vocab))
    if hit is None or hit[1] is None or hit[1].formula != "change":
        return None
    name, d = hit
    pool = _since_last_rate(pf, q, d.kind)
    then = _change_then_difference(pf, q, name, d, vocab)
    if then is not None:
        return then
    if len(pool) > 3 and d.kind == "count":
        # 培训 36 期，培训人数 2400 人，较计划 2000 人增加 400 人: the counts of the difference's measure
        pool = [x for x in pool if _family(x) == _family(pool[-1])]
    if len(pool) == 3 and (_COMPARED_WITH.match(pool[1].raw_label or "")
                           or "计划" in d.denominator and _COMPARED_WITH_PLAN.match(pool[1].raw_label or "")):
        # 经费支出 a，比上年 b 减少 c，下降 r%: the difference over last year's figure written with it
        # (培训人数 a，较计划 b 增加 c，超额完成 r%: over the plan, for a rate of what was done beyond it)
        now, base, diff = pool
        m = _DIFFERENCE_RE.match(_clean(diff.raw_label, vocab))
        if (m is None or m.group("base") or m.group("subject") or _family(now) != _family(base)
                or _family(base) != _family(diff) or any(x.negative for x in pool)):
            return None
        return RateClaim(q, name, d, numerator=diff, denominator=base, how="difference")
    if len(pool) == 3 and not any(x.negative for x in pool):
        # 决算支出 a，年初预算 b，决算支出较年初预算增加 c，增长 r%: the last figure is the difference and
        # names its base itself — read as a difference alone (c over the one figure named 年初预算)
        m = _DIFFERENCE_RE.match(_clean(pool[-1].raw_label, vocab))
        if m is not None and (m.group("base") or "").strip() and (m.group("subject") or "").strip():
            pool = pool[-1:]
    if len(pool) == 2:
        return _change_after_claim(pf, q, name, d, pool, vocab)
    if len(pool) != 1:
        return None
    diff = pool[0]
    m = _DIFFERENCE_RE.match(_clean(diff.raw_label, vocab))
    if m is None or diff.negative:
        return None
    base = (m.group("base") or "").strip()
    if not base:
        if not q.raw_label.startswith("同比"):
            return None
        base = "上年"  # 支出减少 c 元，同比下降 r%
    claim = RateClaim(q, name, d, how="difference")  # the words (多, 减少) give the direction
    earlier = [x for x in pf.quantities if x.kind == d.kind and x.item < diff.item]
    if base in _LAST_YEAR:
        subject = m.group("subject")
        for w in _THIS_YEAR:
            subject = subject.replace(w, "")
        labels = [(x, _role_label(pf, x, vocab)) for x in earlier] if len(subject) >= 2 else []
        found = [x for x, lab in labels if subject in lab and any(w in lab for w in _LAST_YEAR)]
    else:
        found = [x for x in earlier if _role_label(pf, x, vocab).endswith(base)]
    den = _unique(found)
    if den is None:
        now = _before_its_rates(pf, diff) if not found and base in _LAST_YEAR else None
        if now is not None:
            # 支出决算 a，完成预算 p%，较上年增加 c，增长 r%: no figure of last year, this year's
            # before the difference with only rates of it between (the rate before cut it off)
            return _change_after_claim(pf, q, name, d, (now, diff), vocab) or claim
        return claim
    return attrs.evolve(claim, numerator=diff, denominator=den)


# the clause between a figure and its change naming what it is compared with, without a figure:
# 支出 a，与上年度预算相比，增加 c
_COMPARED_CLAUSE = re.compile(r"^\s*[，,]\s*(?:与|同|和)[^，,。；;:：\d]{0,15}?(?:\d{4}\s*年度?[^，,。；;:：\d]{0,12}?)?相比\s*[，,]?\s*$")


def _compared_before(pf, now: Quantity, diff: Quantity) -> bool:
    """Whether the words between ``now`` and the change ``diff`` (label aside) only say what ``now``
    is compared with (a，与 2021 年度预算相比，增加 c): the change is ``now``'s."""
    text = pf.para.text
    between = text[pf.para.index_of(now.span.end - 1) + 1:pf.para.index_of(diff.label_span.start)]
    return bool(_COMPARED_CLAUSE.match(between))


def _before_its_rates(pf, x: Quantity) -> Quantity | None:
    """The figure before ``x`` in its sentence, past the percentages between them (a，完成预算 p%，
    占 B 的 q%，较上年增加 c: a); None when there is none but percentages."""
    before = [y for y in pf.quantities if y.sentence == x.sentence and y.item < x.item and y.kind != "percent"]
    return before[-1] if before else None


# what may stand before a change's name said of the figure before it (同比增长, 较上年下降)
_SAID_OF_ITSELF = ("", "同比", "比上年", "较上年", "比去年", "较去年", "比上年同期", "较上年同期")
_SAME_TIME_LAST_YEAR = ("上年同期", "去年同期")  # (比上年同期增收 c, 较去年同期增长 c)


# the difference said after a change (增收 c, 同比减少 c): a word of it, after a comparison or none
_DIFFERENCE_AFTER = re.compile(
    "^(?:" + "|".join(w for w in _SAID_OF_ITSELF if w) + ")?(增收|增加|增长|增支|减收|减少|下降|减支)$")


def _said_of_itself(q: Quantity, name: str, vocab) -> bool:
    """Whether a change named ``name`` names nothing before it but the comparison (同比增长,
    较上年下降): the change of the figure before it, not of a part (其中税收收入增长 r%)."""
    return _clean(q.raw_label, vocab)[: -len(name)].strip() in _SAID_OF_ITSELF


def _as_it_is(x: Quantity) -> bool:
    """Whether a figure's label names no other year, no comparison and no change (本年度收入 a,
    not 上年 b, 比上年增加 c): the figure a change is of."""
    label = x.raw_label or ""
    return not any(w in label for w in _LAST_YEAR + ("比", "较")) and not _CHANGE_WORDS.search(label)


def _change_then_difference(pf, q: Quantity, name: str, d: RateDef, vocab) -> RateClaim | None:
    """``财政总收入完成 a，较上年同期增长 r%，增收 c``: a change stated of the figure before it, the
    difference right after it in the next clause — r is c over last year's, a − c after a rise, a + c
    after a fall. The figure is the last of the rate's sentence before it, in the clause just before
    (shares of it between aside: a，占调整预算 p%，同比增长 r%，增收 c); the rate names nothing
    before its name but the comparison (同比, 较上年同期). None otherwise."""
    if d.sign not in ("increase", "decrease") or not _said_of_itself(q, name, vocab):
        return None
    same = [x for x in pf.quantities if x.sentence == q.sentence]
    k = same.index(q)
    if k + 1 >= len(same) or k == 0:
        return None
    diff = same[k + 1]
    m = _DIFFERENCE_AFTER.match(_clean(diff.raw_label, vocab))
    if (m is None or diff.depth != q.depth or diff.clause != q.clause + 1 or diff.negative
            or diff.kind not in ("amount", "count")):
        return None
    j, clause = k - 1, q.clause - 1
    while j >= 0 and same[j].kind == "percent" and same[j].clause == clause \
            and _clean(same[j].raw_label, vocab).startswith("占"):
        j, clause = j - 1, clause - 1  # (a，占调整预算 p%，同比增长 r%: the share is of a too)
    if j < 0:
        return None
    now = same[j]
    if (now.clause != clause or now.depth != q.depth or now.negative or _family(now) != _family(diff)
            or not _as_it_is(now)):
        return None
    if (m.group(1) in _UP_WORDS) != (d.sign == "increase"):
        return None
    return RateClaim(q, name, d, numerator=diff, denominator=now, formula="before", sign=d.sign, how="difference")


def _change_after_claim(pf, q: Quantity, name: str, d: RateDef, pool, vocab) -> RateClaim | None:
    """``本年度收入 a，比上年增加 c，增长 r%``: a change since last year said right after this
    year's figure (or after a clause naming, with no figure, what it is compared with: a，与 N 年度
    预算相比，增加 c), with no figure of last year — r is c over what last year's was, a − c after a
    rise, a + c after a fall (the words of the change and of the rate saying the same way). None
    for any other pair of figures."""
    now, diff = pool
    if not _said_of_itself(q, name, vocab):
        return None
    label = _clean(diff.raw_label, vocab)
    m = _DIFFERENCE_RE.match("比上年" + label[2:] if label.startswith("同比") else label)  # (同比增加 c)
    base = (m.group("base") or "").strip() if m else ""
    if (m is None or m.group("subject") or base not in _LAST_YEAR + _SAME_TIME_LAST_YEAR
            and not (not base and _compared_before(pf, now, diff))
            or _family(now) != _family(diff) or now.negative or diff.negative or now.depth != diff.depth
            or not _as_it_is(now)):
        return None
    up, down = label.endswith(_UP_WORDS), label.endswith(_DOWN_WORDS)
    if up == down or d.sign not in ("increase", "decrease") or up != (d.sign == "increase"):
        return None
    return RateClaim(q, name, d, numerator=diff, denominator=now, formula="before", sign=d.sign, how="difference")


def _common(a: str, b: str) -> str:
    """The longest run of characters ``a`` and ``b`` share."""
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


def _rough(pf, x: Quantity) -> bool:
    """A figure written as approximate, before it (约 200 份) or after it (600 余人): no count to divide."""
    return _approximate(pf, x) or _approximate_after(pf, x)


def _approximate_after(pf, x: Quantity) -> bool:
    """580 多篇, 600 余人: more than the figure, not the figure."""
    j = pf.para.index_of(x.span.end - 1) + 1
    text = pf.para.text
    unit_end = j
    return text[unit_end:unit_end + 3].lstrip().startswith(_APPROX_AFTER) or bool(
        re.match(r"\d*\s*(?:多|余)", text[pf.para.index_of(x.number_span.end - 1) + 1:j]))


_TOTAL_QUALIFIERS = ("实际", "全年", "年度", "本年", "当年", "本年度")


# the heads a sum of money is named with, one for another: 部门预算总计 a is 部门预算数, 资金合计 is 资金总额
_WHOLE_HEADS = ("总计", "合计", "总额", "总数", "数")


def _head_stem(name: str) -> str:
    """``name`` without the head of a whole it ends with (部门预算数, 部门预算总计: 部门预算)."""
    for h in _WHOLE_HEADS:
        if name.endswith(h) and len(name) - len(h) >= 2:
            return name[: -len(h)]
    return name


def _same_whole(pf, x: Quantity, label: str, name: str) -> bool:
    """A sum of money ``x`` named as the whole ``name`` with another head: 占部门预算数的 of
    部门预算总计 a (a label the keyword 总计 cut off is read from its clause), 占资金总额的 of
    资金合计 a — the same words before the heads, at least two (a qualifier of time or fact before
    them aside: 本年度部门预算总计), and a head on one side."""
    if x.kind != "amount":
        return False
    label = label or _total_label(pf, x)
    stem, label_stem = _head_stem(name), _head_stem(label)
    if not label or label == name or (stem == name and label_stem == label):
        return False
    return label_stem == stem or (label_stem.endswith(stem)  # (本年度部门预算总计)
                                  and label_stem[: -len(stem)] in _TOTAL_QUALIFIERS)


def _names_total(label: str, name: str) -> bool:
    """``实际政府采购支出总额`` names the total ``政府采购支出`` (占政府采购支出总额的 r%): the
    same words with 总额/总数 after them and at most a qualifier of time or fact before them."""
    for tail in ("总额", "总数"):
        if label.endswith(name + tail):
            head = label[: -len(name + tail)]
            return head == "" or head in _TOTAL_QUALIFIERS
    return False


@functools.cache
def _stages() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The verbs of the stages a case passes through, the qualifiers of a part of one and the
    words of what the cases are (``[stages]`` of data/rates.toml)."""
    stages = _rates_toml().get("stages", {})
    return tuple(tuple(stages.get(k, ())) for k in ("verbs", "qualifiers", "objects"))


_STAGE_HEADS = ("件数", "数量", "总数", "数", "量")
# what was not done or is still to do (未处置, 应处置, 待办结), or a part (其他)
_STAGE_NOT = ("未", "不", "非", "应", "尚", "待", "需", "计划", "预计", "拟", "其他", "剩余")


def _stage_of(label: str) -> tuple[str, str] | None:
    """``(qualifier, verb)`` of a label naming a stage of a case's handling — ending with the
    verb, a head 数 / 件数 aside (审核立案, 派遣数, 按期处置: ``("按期", "处置")``), or with what
    the cases are after it (派遣案件, 受理城市管理问题: the last verb of a stage before them);
    None for any other label, and for what was not done or is still to do (未处置, 应处置)."""
    verbs, qualifiers, objects = _stages()
    for h in _STAGE_HEADS:
        if label.endswith(h) and len(label) > len(h):
            label = label[: -len(h)]
            break
    verb = next((v for v in verbs if label.endswith(v)), None)
    if verb is None and label.endswith(objects):
        at = max(((label.rfind(v), v) for v in verbs), default=(-1, ""))
        if at[0] < 0:
            return None
        label, verb = label[: at[0] + len(at[1])], at[1]
        if any(w in label for w in _STAGE_NOT):
            return None
    if verb is None:
        return None
    head = label[: -len(verb)]
    if any(w in head for w in _STAGE_NOT):
        return None
    return next((w for w in qualifiers if w in head), ""), verb


def _stage_claim(pf, q: Quantity, vocab, claim: RateClaim) -> RateClaim | None:
    """``受理 a 件，审核立案 b 件，立案率 r``, ``派遣 a 件，处置 b 件，处置率 r``: a rate named by a
    stage of a case's handling (``[stages]`` of data/rates.toml) and known by no definition is the
    count of that stage over the count of a stage before it. The numerator is the one count (one
    value) labelled by that stage (with the rate's qualifier, if any: 按期处置率 of 按期处置) in the
    rate's sentence since the rate before; the denominator a count before it in the same sentence,
    in the same measure word, labelled by another stage with no qualifier (派遣, 受理数), or for a
    qualified rate also by its own stage (按期处置率 of 处置 or of 派遣) — with two or three such
    counts each is a reading (结案率 may be of 立案 or of 处置). None when either is missing."""
    name = claim.name
    stage = _stage_of(name[:-1]) if name.endswith("率") else None
    if stage is None:
        return None
    before = [x for x in pf.quantities if x.sentence == q.sentence and x.item < q.item]
    since = _last_rate_item(pf, q)
    staged = [(x, _stage_of(_clean(x.raw_label, vocab))) for x in before if x.kind == "count" and not x.negative]
    num = _unique([x for x, s in staged if s == stage and x.item > since])
    if num is None:
        return None
    dens = {}
    for x, s in staged:
        if (s is not None and not s[0] and (s[1] != stage[1] or stage[0]) and x.item < num.item
                and _family(x) == _family(num)):
            dens.setdefault(x.value, x)
    if not dens or len(dens) > _MAX_CANDIDATES or any(_rough(pf, x) for x in (num, *dens.values())):
        return None
    found = attrs.evolve(claim, how="stage")
    if len(dens) == 1:
        return attrs.evolve(found, numerator=num, denominator=next(iter(dens.values())))
    return attrs.evolve(found, readings=tuple(((num,), (x,)) for x in dens.values()))


def _named_claim(pf, q: Quantity, data: RateData, vocab, label: str | None = None, doc=None) -> RateClaim | None:
    if label is None:
        label = _rate_label(q, data, vocab)
    hit = data.lookup(label)
    if hit is None:
        return None
    name, d = hit
    if d is None:
        claim = RateClaim(q, name, None)
        return (_pair_claim(pf, q, vocab, claim, _stem_prefixes(name), shared=0)
                or _verb_part_claim(doc, pf, q, vocab, claim) or _counted_whole_claim(pf, q, vocab, claim)
                or _same_words_pair(pf, q, vocab, claim)
                or _stem_part_claim(pf, q, claim) or claim)
    if _not_of_these_figures(pf, q, label[: -len(name)], doc):
        return RateClaim(q, name, d, formula=d.formula, sign=d.sign, how="definition", capped=d.capped)
    claim = _claim_of(pf, q, data, vocab, name, d, doc)
    if not (claim.numerator or claim.denominator or claim.readings):
        # 实际完成 a 万元，完成率 r: a name of counts whose figures are money — the definition of
        # that name for another kind of figure, when it finds both roles
        for other_name, other in data.others(label, d):
            if label[: -len(other_name)] not in _OTHER_KIND_HEADS:
                continue  # 工程完成率: the works, not the money, named before the rate
            found = _claim_of(pf, q, data, vocab, other_name, other, doc)
            if found.checkable or found.readings:
                return found
    if not claim.checkable and not claim.readings and d.formula == "ratio":
        # no figure of each role by the definition's words: a pair of a target and what was done
        # of it named by the same words (计划培训 / 实际培训; 应发放 / 实际发放; 应配套 / 实际配套到位资金)
        pair = (_pair_claim(pf, q, vocab, claim, _PLAN_ACTUAL) if name.endswith("完成率") or name.startswith("完成")
                else _pair_claim(pf, q, vocab, claim, _stem_prefixes(name), shared=0))
        if pair is None and (d.kind == "amount" or d.capped):
            # (only for rates of what was done of what should have been — money spent or received,
            # a completion: a 合格率 is no share of 实际参加 of 应参加)
            pair = _pair_claim(pf, q, vocab, claim, _OUGHT_ACTUAL)
            if pair is not None and d.kind == "amount" and not d.capped and pair.numerator.kind != "amount":
                pair = None  # 应发放 n 户，实际发放 m 户，资金拨付率 r: households, not the money paid
        return pair or claim
    return claim


# a rate named as last year's (上年执行率): words that are the whole of what stands before its name
_LAST_YEAR_HEADS = ("上年", "去年", "上年度", "上一年", "上一年度", "往年", "上期", "上年同期", "去年同期")


def _not_of_these_figures(pf, q: Quantity, head: str, doc) -> bool:
    """``预算 a，实际支出 b，上年执行率 r`` / ``……，2022 年执行率 r``: a rate named as that of
    last year, or of a year written right before its name (no figure or mark between) that is not
    the year of a figure of its sentence before it nor, when they name none, the year the report
    evaluates; an average (全省平均执行率); a part's, after 其中 (其中中央资金执行率) — the figures
    before it are no evidence of it."""
    head = head.strip()
    if head in _LAST_YEAR_HEADS or "平均" in head:
        return True  # (全省平均执行率: of others, an average)
    if head and q.item >= 2 and isinstance(pf.items[q.item - 2], Keyword) and pf.items[q.item - 2].word == "其中":
        return True  # 其中中央资金执行率: of a part, not of the whole the figures before it are
    year = None
    for it in reversed(pf.items[: q.item]):
        if isinstance(it, YearRef):
            year = it.year
            break
        if isinstance(it, Quantity) or isinstance(it, TextItem) and it.kind == "PUNCT":
            return False  # (截至 2023 年底，执行率 r: a year of its own clause only)
    if year is None:
        return False
    before = [x for x in pf.quantities if x.sentence == q.sentence and x.item < q.item and x.kind != "percent"]
    years = {y for y in (_year_of(pf, x) for x in before) if y is not None}
    if years:
        return year not in years
    evaluated = getattr(getattr(doc, "profile", None), "year", None) if doc is not None else None
    return evaluated is None or year != evaluated


# what may stand before a rate's name read by its definition for another kind of figure: nothing,
# or words of money (资金完成率) — not what the rate is of (工程完成率, 项目完成率)
_OTHER_KIND_HEADS = ("", "资金", "投资", "预算", "总体", "整体", "实际", "贷款", "借款", "本金")


# a target and what was done of it, the same words after (计划培训 n 人次，实际培训 m 人次):
# the words that begin the label of each
_PLAN_ACTUAL = (("年度计划", "全年计划", "计划", "年度目标", "目标", "预期"),
                ("实际完成", "累计完成", "已完成", "实际", "累计", "已"))
# what should have been done and what was, for a rate of any name (应配套 a，实际配套到位资金 b)
_OUGHT_ACTUAL = (("应",), ("实际", "已", "累计"))
# the same for a rate of no definition, with 实 for 实际 as forms abbreviate it (应种人数 / 实种人数,
# 应到 / 实到): the words after must be the same
_OUGHT_DONE = (("应",), ("实际", "实", "已", "累计"))


def _stem_prefixes(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """For a rate ``…V率`` (发放率, 参保率) of a verb V of two characters: what should have been
    done (应V, 计划V) and what was (实际V, 已V); nothing for other names."""
    if not name.endswith("率") or len(name) < 3:
        return ((), ())
    verb = name[-3:-1]
    if not all("\u4e00" <= ch <= "\u9fff" for ch in verb) or verb in ("完成", "比率", "效率") \
            or name[:-3].endswith(_NEGATIONS):
        return ((), ())  # (不满意率: the rate of those not satisfied, not of the satisfied)
    return ((f"应{verb}", f"计划{verb}"), (f"实际{verb}", f"已{verb}", f"累计{verb}"))


def _same_words_pair(pf, q: Quantity, vocab, claim: RateClaim) -> RateClaim | None:
    """``应种人数 n 人，实种人数 m 人，接种率 r``: a rate of no definition after what should be done and
    what was, named by 应 and 实 / 实际 / 已 and the same words after them."""
    found = _pair_claim(pf, q, vocab, claim, _OUGHT_DONE, shared=1)
    if found is None:
        return None

    def after(label: str, words) -> str | None:
        """The words of a label after the first of ``words`` it holds (its last place), None without one."""
        w = next((w for w in words if w in label), None)
        return None if w is None else label[label.rfind(w) + len(w):]

    ought_words, done_words = _OUGHT_DONE
    ought = after(_clean(found.denominator.raw_label, vocab), ought_words)
    done = after(_clean(found.numerator.raw_label, vocab), done_words)
    return found if ought and ought == done else None


def _verb_part_claim(doc, pf, q: Quantity, vocab, claim: RateClaim) -> RateClaim | None:
    """``全年接诊 n 人次，其中转诊 m 人次，转诊率 r``: an unknown rate ``…V率`` whose sentence, since
    the rate before, has exactly one figure labelled with V (转诊), a part of a breakdown of the
    paragraph (其中) whose total is in the same sentence with no rate between: the part over that
    total."""
    if doc is None:
        return None
    _, actual = _stem_prefixes(claim.name)
    if not actual:
        return None
    verb = claim.name[-3:-1]
    pool = _since_last_rate(pf, q, "count", "amount")
    # (其中转诊 m; 其中知晓政策的 m: those who know the policy, the verb first)
    parts = [x for x in pool if _clean(x.raw_label, vocab).endswith(verb) or _clean(x.raw_label, vocab).startswith(verb)]
    parts = [x for x in parts if not x.negative and not any(w in x.raw_label for w in _NOT_DONE)]
    if len(parts) != 1:
        return None
    part = parts[0]
    totals = _totals_of(doc, pf, part)
    if len(totals) != 1:
        return None
    total = totals.pop()
    if total not in pool or _family(total) != _family(part):
        return None  # (共结余 a，结余率 s，其中部门结余 b，结余率 r: r is b's own, after a rate of a)
    return attrs.evolve(claim, numerator=part, denominator=total, how="part")


_WHOLE_COUNTED = re.compile(r"^(?:全[省市县区镇乡村]|全年|本年度?|(?:本|该)?项目)?(?:共有|共计|总共|共|总)")
# words of what was not done, should be or was planned (未完成, 应发放, 计划培训): no figure of fact
_NOT_DONE = _NEGATIONS + ("应", "计划")


def _counted_whole(x: Quantity) -> bool:
    """A figure said to be all there is (全县共有行政村 n 个, 项目共涉及农户 n 户, 共计 n, 总… n), not of
    what should be or was planned."""
    label = x.raw_label.strip()
    return bool(_WHOLE_COUNTED.match(label)) and not any(w in label for w in _NOT_DONE)


def _counted_whole_claim(pf, q: Quantity, vocab, claim: RateClaim) -> RateClaim | None:
    """``全县共有行政村 n 个，已覆盖 m 个，覆盖率 r``: an unknown rate ``…V率`` whose sentence, since
    the rate before, has exactly two figures, of one kind: a whole said to be all there is (共有,
    共计, 总…, after 全县, 全年 or 项目 at most) and after it what was V'd (已V, 实际V, 累计V) — the part over the whole."""
    _, actual = _stem_prefixes(claim.name)
    if not actual:
        return None
    pool = _since_last_rate(pf, q)
    if len(pool) == 3 and pool[2].kind == "number" and pool[2].clause == pool[1].clause:
        pool = pool[:2]  # (130 个实现 4G 网络覆盖: a bare number in the part's clause names something)
    if len(pool) != 2 or any(x.kind not in ("amount", "count") or x.negative for x in pool):
        return None
    whole, part = pool
    if _family(whole) != _family(part):
        return None
    pl = part.raw_label.strip().rstrip("的之")
    among = pl.startswith("中") and part.clause == whole.clause  # (贫困户 n 户中已脱贫 m 户: of those n)
    pl = pl.removeprefix("中") if among else pl
    verb = claim.name[-3:-1]
    head = claim.name[:-3][-2:]  # (帮扶 of 帮扶覆盖率: what was done, when the verb is the rate's own)
    done = pl.startswith(actual) or pl.startswith(_OUGHT_ACTUAL[1]) and (
        verb in pl or len(head) == 2 and head in pl)  # (已实现动态管理, 已规范管理; 已落实帮扶措施 of 帮扶覆盖率)
    if not done and part.clause == whole.clause and _AMONG_THEM.fullmatch(pl) and part.kind == "count":
        # 全市 12 个县区中有 11 个按时报送……，按时报送率 r: of those n, m did what the rate names
        # (136 个行政村中已有 130 个实现……全覆盖，覆盖率 r: the verb in the rest of the part's clause)
        text, idx = pf.para.text, pf.para.index_of
        rest = text[idx(part.span.end - 1) + 1:idx(q.span.start)].split("，")[0].split(",")[0]
        among = done = len(claim.name) >= 3 and (_words_after(pf, part).startswith(claim.name[:-1])
                                                 or verb in rest and not any(w in rest for w in _NEGATIONS))
    # (全年应管理高血压患者 n 人，已规范管理 m 人: what should have been done is the whole too)
    ought = _OUGHT_WHOLE.match(whole.raw_label.strip()) and not any(w in whole.raw_label for w in _NEGATIONS)
    if not (_counted_whole(whole) or ought or among) or not done or any(w in pl for w in _NEGATIONS):
        return None
    if any(_rough(pf, x) for x in pool):
        return None  # (已签约约 1,900 户: about, not a count to divide)
    return attrs.evolve(claim, numerator=part, denominator=whole, how="part")


def _stem_part_claim(pf, q: Quantity, claim: RateClaim) -> RateClaim | None:
    """``农村集中供水人口 a，农村总人口 b，集中供水率 r``, ``垃圾产生量 a，无害化处理 b，无害化处理率 r``:
    an unknown rate ``X率`` (X of three characters or more) whose sentence, since the rate before,
    has exactly two figures of one kind, one of them named with X and no larger than the other —
    the part named by the rate over the other. None otherwise."""
    stem = claim.name[:-1] if claim.name.endswith("率") else ""
    if len(stem) < 3 or stem.endswith(_NEGATIONS) or stem.startswith(_NEGATIONS):
        return None
    pool = _since_last_rate(pf, q)
    if len(pool) != 2 or any(x.kind not in ("amount", "count") or x.negative for x in pool):
        return None
    a, b = pool
    if _family(a) != _family(b) or a.depth != b.depth or any(_rough(pf, x) for x in pool):
        return None
    named = [x for x in pool if stem in x.raw_label]
    if len(named) != 1:
        return None
    part = named[0]
    whole = b if part is a else a
    if any(w in whole.raw_label + part.raw_label for w in _NOT_DONE + ("上年", "去年", "其中")):
        return None
    if part.value * _factor(part) > whole.value * _factor(whole):
        return None  # (more than the other: no part of it)
    return attrs.evolve(claim, numerator=part, denominator=whole, how="part")


# the words between a whole's measure word and a part of it in one clause (12 个县区中有 11 个)
_AMONG_THEM = re.compile(r"[\u4e00-\u9fff]{1,6}中(?:已|共)?有")
_OUGHT_WHOLE = re.compile(r"^(?:全[省市县区镇乡村]|全年|本年度?|年度|辖区内?)?(?:应(?!付)|符合条件)")


def _pair_claim(pf, q: Quantity, vocab, claim: RateClaim, prefixes, shared: int = 2) -> RateClaim | None:
    """``计划培训 120 人次，实际培训 110 人次，完成率 r``, ``应发放 400 户，实际发放 380 户，发放率
    r``: a target and what was done of it, named by the same words after a word of plan (计划, 应V)
    and one of fact (实际, 已V) — exactly one figure of each, of one kind, in the rate's sentence
    since the rate before (else in the sentence before, when that one states no rate; figures
    named neither way aside: 超规模配套 c), the words after sharing ``shared`` characters at least;
    None when there is no such pair."""
    plan, actual = prefixes
    if not plan:
        return None
    since = _last_rate_item(pf, q)
    pool = _since_last_rate(pf, q, "amount", "count")
    if not pool and since < 0:
        previous = _previous_sentence(pf, q.sentence)
        prev = [x for x in pf.quantities if x.sentence in previous]
        if any(x.kind == "percent" for x in prev):
            return None
        pool = [x for x in prev if x.kind in ("amount", "count")]
    rest = []
    for x in pool:
        label = x.raw_label.strip().rstrip("的之")
        if label in _JOIN_LABELS:
            label = _listed_label(pf, x) or label  # (计划培训和实际培训人数分别为 a、b)
        for w in ("截至年底", "截至年末", "全年", "本年", "当年"):
            label = label.removeprefix(w)
        for role, words in (("den", plan), ("num", actual)):
            # the word of plan or fact, after a subject at most (我县地方应配套 a)
            at, w = max(((label.rfind(w), w) for w in words), key=lambda iw: (iw[0], len(iw[1])))
            if at >= 0:
                rest.append((role, label[at + len(w):].strip(), x))
                break
    if len(rest) != 2:
        return None
    (r1, s1, x1), (r2, s2, x2) = rest
    if {r1, r2} != {"num", "den"} or _family(x1) != _family(x2) or x1.negative or x2.negative:
        return None
    # the same words after, or the one's the start of the other's (计划新建道路 / 实际新建; 应发放补贴
    # / 实际发放: the verb of the rate's name is what they share)
    a, b = sorted((s1.removeprefix("完成"), s2.removeprefix("完成")), key=len)
    done = (s1 if r1 == "num" else s2).removeprefix("完成")
    if not (b.startswith(a) or len(a) >= 2 and a in b) or len(a) < shared and done:
        # (计划完成高标准农田建设 a 万亩，实际完成 b 万亩: what was done named by the word of fact
        # alone is the plan's, in the same measure)
        return None
    if any(w in s1 + s2 for w in ("未", "不", "尚", "剩余", "结余")):
        return None
    num, den = (x1, x2) if r1 == "num" else (x2, x1)
    if any(_rough(pf, x) for x in (num, den)):
        return None
    return attrs.evolve(claim, numerator=num, denominator=den, how="pair", formula="ratio", sign="",
                        capped=claim.capped or prefixes is _PLAN_ACTUAL)


def _claim_of(pf, q: Quantity, data: RateData, vocab, name: str, d: RateDef, doc=None) -> RateClaim:
    """The claim of a rate named ``name`` read by definition ``d``."""
    # 完成预算的 r%, 完成年度计划的 r%: named as the share they are (完成预算的比例)
    shown = name if name.endswith(_RATE_WORDS) else f"{name}的比例"
    claim = RateClaim(q, shown, d, formula=d.formula, sign=d.sign, how="definition", capped=d.capped)
    pool = _since_last_rate(pf, q, d.kind)
    if not pool and d.formula == "ratio":
        after = _figures_after(pf, q, d, vocab) or _figures_next(pf, q, d, vocab)
        if after is not None:
            return attrs.evolve(claim, numerator=after[0], denominator=after[1])
    roles = _roles(pf, pool, d, vocab)
    part = ""  # the kind of spending the one figure names (项目 of 项目支出): its whole must name it too
    if not roles["num"] and not roles["den"] and len(pool) == 1 and d.numerator_exact:
        # 截至年底，项目支出 b 万元，预算执行率 r%: the one figure of the rate's sentence, a
        # spending of some kind (…支出), is what was spent — 项目支出 is a part of all spending
        # only where other spending stands beside it
        only = pool[0]
        label = _role_label(pf, only, vocab)
        end = next((w for w in d.numerator_exact if label.endswith(w) and len(label) >= len(w) + 2), "")
        if end and not any(w in label for w in _NOT_A_SUM_SPENT + d.contains_not) and not only.negative:
            roles["num"] = [only]
            part = label[: -len(end)][-2:]  # (基本支出 430 of a 项目预算总额 is no 执行率 of it)
    if not any(x.kind == d.kind and x.sentence == q.sentence and x.item < q.item for x in pf.quantities):
        # 预算数 a 万元，实际支出 b 万元。支出完成率 r%。: a rate whose sentence has no figure of its
        # kind before it (other rates at most: 甲支出率 r%，乙支出率 s%。) takes them from the
        # sentence before — back to its 。, its clauses joined by ； counted as one — when that one
        # states no rate of its own
        previous = _previous_sentence(pf, q.sentence)
        prev = [x for x in pf.quantities if x.sentence in previous]
        if prev and not any(x.kind == "percent" for x in prev):
            pool = [x for x in prev if x.kind == d.kind]
            roles = _roles(pf, pool, d, vocab)
            missing = _lacking(d, roles)
            if missing and len(pool) == 1:
                # 项目预算 a。截至年底，已支付 b。支付率 r。: the one figure of the sentence before has one role,
                # the sentence before that (no rate in it) the one figure of the other
                earlier = _figures_before(pf, min(x.sentence for x in prev))
                if earlier and not any(x.kind == "percent" for x in earlier):
                    more = _roles(pf, [x for x in earlier if x.kind == d.kind], d, vocab)
                    if len(more[missing]) == 1 and not more["den" if missing == "num" else "num"] \
                            and len([x for x in earlier if x.kind == d.kind]) == 1:
                        roles[missing] = more[missing]
            if not (roles["num"] and roles["den"]):
                return claim  # only both figures together name the rate without doubt
    missing = _lacking(d, roles)
    if missing:
        # 决算数 a，完成年初预算的 r%（年初预算 b）: the role the sentence lacks, named in parentheses
        # right after the rate (alone there, of the same kind)
        x = _aside_after(pf, q)
        if _fills(pf, x, d, roles, missing, vocab):
            roles[missing] = [x]
    missing = _lacking(d, roles)
    if missing:
        # 预算资金 a，实际到位 b，到位率 s，实际支出 c，执行率 r: the role the figures since the rate
        # before lack, in its sentence before that rate, when every rate there is of another
        # definition and no figure there has the role found (two or three: each is a reading)
        earlier = [x for x in pf.quantities if x.sentence == q.sentence and x.item < q.item]
        cut = _last_rate_item(pf, q)
        if cut >= 0 and not any(x.kind == "percent" and _same_rate(x, d, data, vocab) for x in earlier):
            before = _roles(pf, [x for x in earlier if x.kind == d.kind and x.item < cut], d, vocab)
            if 1 <= len(before[missing]) <= _MAX_CANDIDATES and not before["den" if missing == "num" else "num"]:
                roles[missing] = before[missing]
    missing = _lacking(d, roles)
    if missing:
        # 下达资金 a 万元。项目共支付 b 万元，支付率 r%: the role the sentence lacks, named in the
        # sentence before — passing over sentences without figures, and statements of the same
        # rate that lack the same role — when that one states no rate of the same kind
        # (到位资金 a 万元，到位率 100%。支出 b 万元，支出率 r%)
        prev = _figures_before(pf, q.sentence)
        while prev and any(x.kind == "percent" for x in prev) and (
                any(x.kind == "percent" and _same_rate(x, d, data, vocab) for x in prev)
                or not any(x.kind == d.kind for x in prev)):
            # a statement of the same rate before, lacking the same role (评价金额 a。到位 b，
            # 到位率 r；截至…到位 c，到位率 s): both take it from further back; so does a rate
            # of another kind with none of this one's figures (总投资 a。已开工 k 个，开工率 p；
            # 完成投资 b，投资完成率 r)
            if _roles(pf, [x for x in prev if x.kind == d.kind], d, vocab)[missing]:
                prev = []
                break
            prev = _figures_before(pf, min(x.sentence for x in prev))
        if prev:
            found = _roles(pf, [x for x in prev if x.kind == d.kind], d, vocab)[missing]
            if not found and missing == "den" and d.unnamed_denominator and doc is not None:
                # 对专项资金 a 万元进行了分解，其中甲 b、乙 c。已执行 d 万元，执行率 r%: the one
                # figure there that is no part of a breakdown and fits no role
                parts = {x for b in doc.in_paragraph("breakdowns", pf.para.index) for x in b.parts}
                whole = [x for x in prev if x.kind == d.kind and x not in parts]
                found = _unnamed_denominator(pf, whole, roles["num"][0], d, vocab)
            if 1 <= len(found) <= _MAX_CANDIDATES:
                roles[missing] = found  # (two or three: each is a reading, below)
    missing = _lacking(d, roles)
    if missing:
        # 结余资金 a，结余率 r%，全年可用资金 b。: found nowhere before, the role the rate lacks named in
        # the one figure of the clause right after it, the last of the sentence
        x = _clause_after(pf, q)
        if _fills(pf, x, d, roles, missing, vocab):
            roles[missing] = [x]
    if d.unnamed_denominator and len(roles["num"]) == 1 and not roles["den"]:
        roles["den"] = _unnamed_denominator(pf, pool, roles["num"][0], d, vocab)
    if d.spent_and_left and len(roles["num"]) == 1 and not roles["den"]:
        rest = [x for x in pool if x is not roles["num"][0]]
        if len(rest) == 1 and _remainder(pf, rest[0], vocab) and rest[0].item > roles["num"][0].item:
            # 共支出 a，结余资金 b，执行率 r: what there was is what was spent and what is left
            return attrs.evolve(claim, readings=(((roles["num"][0],), (roles["num"][0], rest[0])),))
    if d.paid and len(roles["num"]) == 1 and not roles["den"] and len(pool) == 2:
        saved = roles["num"][0]
        paid = pool[0]
        if (paid is not saved and _role_label(pf, paid, vocab).endswith(d.paid) and _family(paid) == _family(saved)
                and not paid.negative and not saved.negative and paid.depth == saved.depth):
            # 采购规模 a，较采购计划节约资金 b，节约率 r: b of the plan, a + b (the base rebuilt as for a fall)
            return attrs.evolve(claim, numerator=saved, denominator=paid, formula="before", sign="decrease")
    if d.paid and not roles["num"] and len(roles["den"]) == 1 and len(pool) == 2:
        budget = roles["den"][0]
        paid = pool[1] if pool[0] is budget else pool[0]
        if (paid.item > budget.item and _role_label(pf, paid, vocab).endswith(d.paid) and _family(paid) == _family(budget)
                and not paid.negative and not budget.negative and paid.depth == budget.depth):
            # 采购预算 a，实际采购金额 b，节约率 r: what was not paid of the budget, (a − b) ÷ a
            return attrs.evolve(claim, numerator=paid, denominator=budget, formula="change", sign="decrease")
    if part:
        roles["den"] = [x for x in roles["den"] if part in _role_label(pf, x, vocab)]
    if d.denominator_parts and roles["den"]:
        # 年初结转结余 b，本年收入 a，年末结转结余 c，结转结余率 r: c of a + b
        roles["den"] += [x for x in pool if x not in roles["den"] and x not in roles["num"] and not x.negative
                         and _role_label(pf, x, vocab).endswith(d.denominator_parts)]
    if doc is not None and d.formula == "ratio" and roles["den"]:
        # 上级补助资金 a，配套资金 b，合计 c，已拨付 d，拨付率 r: the total of a whole's parts
        # written after them is a reading of the whole as well as the part named like one
        sums = [b.total for b in doc.in_paragraph("breakdowns", pf.para.index) if b.total in pool
                and any(x in b.parts and x.item < b.total.item for x in roles["den"])]
        roles["den"] += [t for t in sums if t not in roles["den"] and t not in roles["num"]]
        if len(roles["num"]) == 1:
            # 下达资金 a，其中中央资金 b，支出 c，执行率 r: a rate after a part of the whole (其中) and
            # what was spent may be the part's — the parts between the whole and the numerator, in
            # the numerator's own clauses (not an aside in parentheses), are readings of the whole as well
            num = roles["num"][0]
            parts = [x for b in doc.in_paragraph("breakdowns", pf.para.index) if b.total in roles["den"]
                     for x in b.parts if x in pool and b.total.item < x.item < num.item
                     and _family(x) == _family(b.total) and x.depth == num.depth and not x.negative]
            parts = list(dict.fromkeys(parts))
            if len(parts) == 1:  # (one part singled out: 中央、省级、县级 listed are the whole, spent together)
                roles["den"] += [x for x in parts if x not in roles["den"] and x not in roles["num"]]
    if d.formula == "change" and len(roles["den"]) == 1 and not roles["num"] and len(pool) == 2:
        # 公用经费 a，较上年 b 增长 r%: the figure after 较上年 is last year's, the one before it this year's
        base = roles["den"][0]
        other = next(x for x in pool if x is not base)
    # (培训 36 期，参训 2,880 人次，比上年的 2,400 人次增长 r%: the counts of the base's measure word)
    pair = pool if len(pool) != 3 or not roles["den"] else [x for x in pool if _family(x) == _family(roles["den"][0])]
    if d.formula == "change" and len(roles["den"]) == 1 and len(pair) == 2 \
            and not any(_family(x) == _family(roles["den"][0]) for x in roles["num"]):
        # (本年度培训 36 期 is this year's, but of another measure than last year's 2,400 人次)
        base = roles["den"][0]
        other = next(x for x in pair if x is not base)
        if (_COMPARED_WITH.search(base.raw_label or "") and other.item < base.item
                and _family(other) == _family(base) and not other.negative):
            roles["num"] = [other]
        elif (_clean(base.raw_label, vocab) in _LAST_YEAR_ALONE and other.clause == base.clause - 1
              and _family(other) == _family(base) and not other.negative and other.depth == base.depth
              and not any(w in other.raw_label for w in d.denominator)):
            # 参保居民 a 人，上年为 b 人，增长 r%: the figure named by last year alone, in the clause
            # right after another, is that other's last year
            roles["num"] = [other]
    if (d.formula == "change" and d.sign in ("increase", "decrease") and not roles["den"]
            and len(pool) == 2 and roles["num"] in ([], [pool[0]]) and _COMPARED_WITH_ANY.match(_clean(pool[1].raw_label, vocab))
            and not _COMPARED_WITH_ANY.match(_clean(pool[0].raw_label, vocab))
            and _family(pool[0]) == _family(pool[1]) and pool[0].clause == pool[1].clause - 1
            and pool[0].depth == pool[1].depth and not any(x.negative for x in pool)):
        # 全年支出 a，较年初预算 b 增长 r%: a compared with the figure written right after 较 / 比 and its name
        roles["num"], roles["den"] = [pool[0]], [pool[1]]
    if any(_approximate(pf, x) for x in roles["num"] + roles["den"]):
        return claim  # 约 200 份, 逾 300 篇: not a count to divide
    if d.formula == "ratio" and roles["den"] and any(
            x not in roles["num"] and x not in roles["den"] and any(w in x.raw_label for w in _TAKEN_BACK)
            and x.item < max(y.item for y in roles["num"] + roles["den"]) for x in pool):
        # 批复资金 a，因政策调整收回 c，实际使用 b，使用率 r: r may be of a − c, no sum of figures
        return claim
    num = _unique(roles["num"])
    den = _unique(roles["den"])
    if num is not None and den is None and roles["den"] and d.kind == "count" and doc is not None:
        # 发放问卷 300 份，回收有效问卷 288 份，其中满意 270 份: of counts, the whole a part (其中) is
        # counted of is its rate's whole, among several that fit the role
        totals = [t for t in _totals_of(doc, pf, num) if t in roles["den"] and t.item < num.item]
        if len(totals) == 1:
            den = totals[0]
            roles["den"] = [den]
    if roles["num"] and num is None or roles["den"] and den is None:
        # more than one figure fits a role: which one is meant is in doubt, but a rate that no
        # reading gives is wrong whichever was meant
        return attrs.evolve(claim, readings=_readings(roles["num"], roles["den"], d))
    if num is not None and den is not None:
        if d.kind == "count" and _family(num) != _family(den):
            return claim
        if (d.match == "contains" and not _COMPARED_WITH_ANY.match(_clean(den.raw_label, vocab))
                and not _same_thing(_role_label(pf, num, vocab), _role_label(pf, den, vocab))):
            return claim  # 本年新增就业 a，上年末失业人数 b: two things in two years, no change of one
        if _two_subjects(_role_label(pf, num, vocab), _role_label(pf, den, vocab), d):
            return claim  # 甲项目预算 a，乙项目实际支出 b，执行率 r: of neither project
        made_of = _contents(doc, pf, num) if doc is not None and d.readings else ()
        if made_of:
            # 决算数 a（含实现数 b、应付数 c、保留数 d），执行率 r: r may be of some of what a holds
            # (of three parts or more, some of them: 实现数 + 应付数 of 决算数)
            nums = list(made_of) if len(made_of) >= 3 else [num, *made_of]
            return attrs.evolve(claim, readings=_readings(nums, [den], d))
        return attrs.evolve(claim, numerator=num, denominator=den)
    if num is not None and den is None and d.kind == "count" and d.formula == "ratio" and doc is not None:
        # 共有学生 n 人，其中达标 m 人，达标率 r: the one figure of the numerator's role is a part (其中)
        # of a total of the rate's sentence before it, in the same measure — that total is the whole
        totals = _totals_of(doc, pf, num)
        if len(totals) == 1:
            total = totals.pop()
            if total in pool and total.item < num.item and _family(total) == _family(num) \
                    and not total.negative and not num.negative:
                return attrs.evolve(claim, numerator=num, denominator=total)
        # 共有学生 n 人，已达标 m 人，达标率 r: the only other figure, before it, a whole said to
        # be all there is
        if len(pool) == 2 and pool[0] is not num and pool[1] is num and _family(pool[0]) == _family(num) \
                and _counted_whole(pool[0]) and not pool[0].negative and not num.negative:
            return attrs.evolve(claim, numerator=num, denominator=pool[0])
    if den is not None and d.kind == "count":
        return attrs.evolve(claim, denominator=den)
    if d.formula == "change" and d.sign in ("increase", "decrease") and not roles["den"] and len(pool) == 1:
        base = _aside_after(pf, q, _BASE_AFTER_HEAD)
        if (base is not None and _family(pool[0]) == _family(base) and not pool[0].negative
                and not any(w in pool[0].raw_label for w in _LAST_YEAR)):
            # 部门收入 a，同比增长 r%（上年 b）: last year's figure in parentheses right after the rate
            return attrs.evolve(claim, numerator=pool[0], denominator=base)
    if d.formula == "change" and d.sign in ("increase", "decrease") and not roles["num"] and not roles["den"]:
        return _by_years(pf, claim, pool, vocab)
    return claim


def _lacking(d: RateDef, roles) -> str | None:
    """The role a ratio's figures lack ("num" or "den") when the other has exactly one figure; None
    when both or neither have figures, the one has several, or ``d`` is no ratio."""
    if d.formula != "ratio" or bool(roles["num"]) == bool(roles["den"]) or len(roles["num"] or roles["den"]) != 1:
        return None
    return "den" if roles["num"] else "num"


def _fills(pf, x: Quantity | None, d: RateDef, roles, missing: str, vocab) -> bool:
    """Whether ``x`` (None: no figure) has the role ``missing`` by ``d``, of the kind and family of
    the one figure found for the other."""
    found = (roles["num"] or roles["den"])[0]
    return (x is not None and x.kind == d.kind and _family(x) == _family(found)
            and d.role_of(_role_label(pf, x, vocab), x.label) == missing)


_ASIDE_HEAD = re.compile(r"^\s*[（(]\s*[^\d()（），。；,;%/÷]{1,12}$")
# 同比增长 r%（上年 b）: last year's figure, alone in parentheses right after a change
_BASE_AFTER_HEAD = re.compile(r"^\s*[（(]\s*(?:上年|去年|上年度|上一年|上年同期|去年同期)(?:同期)?\s*(?:为|是)?\s*$")


def _aside_after(pf, q: Quantity, head: re.Pattern = _ASIDE_HEAD) -> Quantity | None:
    """``r%（年初预算 b）``: the one figure, with its label, alone in parentheses right after a rate
    (the words before it in the parentheses matched by ``head``)."""
    after = [x for x in pf.quantities if x.sentence == q.sentence and x.item > q.item][:1]
    if not after:
        return None
    x = after[0]
    text, idx = pf.para.text, pf.para.index_of
    if (x.depth != q.depth + 1 or x.negative or not head.match(text[idx(q.span.end):idx(x.span.start)])
            or not _DIVISION_TAIL.match(text[idx(x.span.end):])):
        return None
    return x


def _clause_after(pf, q: Quantity) -> Quantity | None:
    """``结余资金 a，结余率 r%，全年可用资金 b。``: the one figure of the clause right after a rate, the
    last of its sentence, no other rate after it there."""
    after = [x for x in pf.quantities if x.sentence == q.sentence and x.item > q.item]
    if len(after) != 1:
        return None
    x = after[0]
    if x.kind == "percent" or x.clause != q.clause + 1 or x.depth != q.depth or x.negative:
        return None
    return x


_MAX_CANDIDATES = 3
# money taken back from what there was (收回, 调减, 核减 …): the whole is then less than any figure written
_TAKEN_BACK = ("收回", "调减", "核减", "扣减", "扣除", "调出", "退回", "注销", "收缴")
# the endings of a rate's own name; a definition's other names (完成预算) are phrases
_RATE_WORDS = ("率", "度", "比例", "比重", "进度", "增长", "增幅", "减幅", "降幅", "上升", "下降", "减少", "压减", "压缩", "压降")


def _contents(doc, pf, x: Quantity) -> tuple[Quantity, ...]:
    """What a figure is said to hold, in parentheses right after it (a（含 b、c）): the parts
    of a breakdown opened by 含 / 包含 / 包括 whose total is ``x``; () otherwise."""
    for b in doc.in_paragraph("breakdowns", pf.para.index):
        if (b.total is x and b.keyword.word in ("含", "包含", "包括")
                and b.parts and all(p.depth > x.depth for p in b.parts)):
            return b.parts
    return ()


def _readings(nums: list[Quantity], dens: list[Quantity], d: RateDef) -> tuple:
    """Every reading of a rate whose roles have several figures: for each role one of its figures
    or some of them added up (基本支出预算 a，项目支出预算 b，实际支出 c，执行率 r: r may be
    c ÷ (a + b)). None when a role is empty or has more than three figures, a count rate mixes
    kinds of count, or the rate may be weighted (非常满意 a，满意 b: 满意度 a×100% + b×80% …)."""
    if not nums or not dens or not d.readings:
        return ()
    if d.kind == "count" and len({_family(x) for x in nums + dens}) > 1:
        return ()
    options = []
    for qs in (nums, dens):
        figures = list({x.span: x for x in qs}.values())
        if len(figures) > _MAX_CANDIDATES:
            return ()
        by_value: dict[Decimal, tuple[Quantity, ...]] = {}
        for k in range(1, len(figures) + 1):
            for combo in itertools.combinations(figures, k):
                by_value.setdefault(sum((x.value * _factor(x) for x in combo), Decimal(0)), combo)
        options.append(list(by_value.values()))
    return tuple((n, dn) for n in options[0] for dn in options[1])


def _previous_sentence(pf, sentence: int) -> set[int]:
    """The sentences (split at 。；!?) of the one full sentence before ``sentence``: back from
    ``sentence - 1`` while the sentence before ends at ； rather than 。."""
    # (the marks that end sentences are punctuation items: told by their class)
    ends = [it[0] for it in pf.items if type(it) is PunctItem and it[0] in "。；;!?！？"]
    out = set()
    s = sentence - 1
    while s >= 0:
        out.add(s)
        if not 0 < s <= len(ends) or ends[s - 1] not in ("；", ";"):
            break
        s -= 1
    return out


def _last_rate_item(pf, q: Quantity) -> int:
    """The item of the last rate (a percentage) before ``q`` in its sentence, -1 when none."""
    return max((x.item for x in pf.quantities
                if x.kind == "percent" and x.sentence == q.sentence and x.item < q.item), default=-1)


def _since_last_rate(pf, q: Quantity, *kinds: str) -> list[Quantity]:
    """The figures of ``kinds`` (of any kind when none is given) in the rate ``q``'s sentence since
    the rate before it: 基本支出预算 a，实际支出 b，执行率 r，项目支出预算 c，实际支出 d，执行率 s — s
    is of c and d only."""
    since = _last_rate_item(pf, q)
    return [x for x in pf.quantities
            if (not kinds or x.kind in kinds) and x.sentence == q.sentence and since < x.item < q.item]


def _figures_after(pf, q: Quantity, d: RateDef, vocab) -> tuple[Quantity, Quantity] | None:
    """``资金到位率 90%，下达资金 a 万元，实际到位 b 万元。``: a rate written before its figures —
    none of its kind before it in its sentence, no other rate after it there, and the rest of
    the sentence holding exactly two figures of its kind, at its own depth, one of each role.
    None otherwise (the figures after a rate may be another rate's, or its parts)."""
    same = [x for x in pf.quantities if x.sentence == q.sentence]
    if any(x.kind == d.kind for x in same if x.item < q.item):
        return None
    after = [x for x in same if x.item > q.item]
    if any(x.kind == "percent" for x in after):
        return None
    figures = [x for x in after if x.kind == d.kind]
    # 资金到位率 r，资金到位 b（计划到位 a）: the other figure may stand alone in parentheses right
    # after the first, with its label
    aside = len(figures) == 2 and figures[0].depth == q.depth and _aside_after(pf, figures[0]) is figures[1]
    if len(figures) != 2 or any((x.depth != q.depth and not (aside and x is figures[1])) or x.negative
                                or _approximate(pf, x) for x in figures):
        return None
    if len({_year_of(pf, x) for x in figures}) > 1:
        return None  # 2023年到位 a，2022年到位 b: two years' figures, not one rate's
    return _one_pair(pf, figures, d, vocab)


def _one_pair(pf, figures, d: RateDef, vocab) -> tuple[Quantity, Quantity] | None:
    """The numerator and denominator among ``figures``: exactly one figure in each role, of
    one family for counts, and not two subjects' figures."""
    roles = _roles(pf, figures, d, vocab)
    if len(roles["num"]) != 1 or len(roles["den"]) != 1:
        return None
    num, den = roles["num"][0], roles["den"][0]
    if d.kind == "count" and _family(num) != _family(den):
        return None
    if _two_subjects(_role_label(pf, num, vocab), _role_label(pf, den, vocab), d):
        return None
    return num, den


def _figures_next(pf, q: Quantity, d: RateDef, vocab) -> tuple[Quantity, Quantity] | None:
    """``本项目资金执行率 r%。全年预算安排资金 a 万元，实际执行 b 万元，结余 c 万元。``: a rate stated
    alone in its sentence or ；-clause (no other figure there), ahead of every figure of its kind in
    the paragraph, and explained by the very next sentence (to its 。; after a ；-clause, the rest of
    its own sentence: 预算执行率：r；全年预算数：a；全年执行数：b。): that sentence states no
    rate, breaks nothing down (其中, 包括, 分别为 …) and holds two or three figures of the
    rate's kind, at the top level, exactly one of each role (the third, a 结余, fits neither).
    None otherwise."""
    if any(x.kind == d.kind and x.item < q.item for x in pf.quantities):
        return None
    if any(x is not q and x.sentence == q.sentence for x in pf.quantities):
        return None
    ends: dict[int, str] = {}
    k = 0
    for it in pf.items:
        if getattr(it, "kind", None) == "PUNCT" and it.text in "。；;!?！？":
            ends[k] = it.text
            k += 1
    if ends.get(q.sentence) not in ("。", "；", ";"):
        return None
    # (预算执行率：r；全年预算数：a；全年执行数：b。 — after ； the rest of the rate's own sentence)
    nxt = {q.sentence + 1}
    s = q.sentence + 1
    while ends.get(s) in ("；", ";"):
        s += 1
        nxt.add(s)
    later = [x for x in pf.quantities if x.sentence in nxt]
    if any(x.kind == "percent" for x in later) or any(k.sentence in nxt for k in pf.keywords):
        return None
    figures = [x for x in later if x.kind == d.kind]
    if not 2 <= len(figures) <= 3 or any(x.depth != 0 or x.negative or _approximate(pf, x) for x in figures):
        return None
    if len({_year_of(pf, x) for x in figures}) > 1:
        return None
    text, idx = pf.para.text, pf.para.index_of
    if _NOT_THIS_RATE.search(text[idx(q.span.end):idx(figures[-1].span.end)]):
        return None  # (上年预算 a，支出 b; 下一步将……; 计划……: not the figures the rate was made of)
    return _one_pair(pf, figures, d, vocab)


# words that make the next sentence's figures another year's, a plan's or a future's
_NOT_THIS_RATE = re.compile(r"上年|去年|上一年|同期|以前年度|计划|预计|拟|将|下一步|明年|次年|目标")


# whose money a label names before its role's words: a project, a works or a level of government
# (甲项目, 乙工程, 省级), followed only by words of time or of the money (资金, 实际, 年初)
_SUBJECT = re.compile(r"^(.*?(?:项目|工程|[省市县区乡镇村]级))(?:资金|财政|专项|实际|累计|年初|全年|本年度?|"
                      r"年度|当年|已|共|总)*$")
# what a name before 项目 may hold that names no one project: words of time, of the budget's
# steps and of the money (年初批复项目预算, 实际执行项目预算)
_NO_SUBJECT = re.compile(r"项目|工程|级|年初|全年|本年度?|年度|当年|截至|年底|年末|实际|累计|已|共|总|批复|下达|安排|"
                         r"执行|支出|使用|拨付|到位|调整后?|预算|资金|财政|专项|经费|完成|部门|单位|整体|其中|[0-9]+")


def _subject(label: str, d: RateDef) -> str:
    """Whose money a figure's label names (甲 of 甲项目实际支出, 省 of 省级资金预算), "" when it
    names none (年初预算, 拨付使用, 法院执行年初预算数, 年初批复项目预算)."""
    best = max((w for w in d.numerator + d.denominator if label.endswith(w)), key=len, default="")
    m = _SUBJECT.match(label[: -len(best)]) if best else None
    # (项目预算, 年初批复项目预算: the project, not one of several)
    return _NO_SUBJECT.sub("", m.group(1)) if m else ""


_YEAR_WORDS = re.compile(r"本年度|本年|今年|当年|本期|上年度|上一年|上年|去年|上期|同期|末|底|初|全年|年度|比|较|的")


def _same_thing(a: str, b: str) -> bool:
    """Whether two labels of a change's figures, their words of time aside, may name one thing: one
    names nothing else (上年 b), or they share two characters in a row (本年培训 / 上年培训人次)."""
    a, b = _YEAR_WORDS.sub("", a), _YEAR_WORDS.sub("", b)
    return not a or not b or len(_common(a, b)) >= 2


def _two_subjects(num_label: str, den_label: str, d: RateDef) -> bool:
    """Whether a rate's two figures name two subjects (甲项目预算 a，乙项目实际支出 b): both
    labels name one before their role's words, and neither name holds the other."""
    if d.match != "suffix":
        return False
    a, b = _subject(num_label, d), _subject(den_label, d)
    return bool(a and b) and a not in b and b not in a


def _figures_before(pf, sentence: int) -> list[Quantity]:
    """The figures of the nearest full sentence before ``sentence`` (:func:`_previous_sentence`)
    that states any, passing over sentences without a figure (主要内容是……进行改造。)."""
    while sentence > 0:
        before = _previous_sentence(pf, sentence)
        prev = [x for x in pf.quantities if x.sentence in before]
        if prev:
            return prev
        sentence = min(before)
    return []


def _same_rate(x: Quantity, d: RateDef, data: RateData, vocab) -> bool:
    """Whether the percentage ``x`` states a rate of definition ``d``, or one not known."""
    hit = data.lookup(_clean(x.raw_label, vocab))
    return hit is None or hit[1] is None or hit[1] is d


def _roles(pf, pool, d: RateDef, vocab) -> dict[str, list[Quantity]]:
    roles: dict[str, list[Quantity]] = {"num": [], "den": []}
    for x in pool:
        if d.formula == "ratio" and _role_label(pf, x, vocab) in _LAST_YEAR_HEADS:
            continue  # 上年完成 18 个 (完成 a filler): last year's, of no rate of this year's figures
        whole = _total_label(pf, x)  # 收入合计 and 支出合计 name roles of their own
        r = (whole and d.role(whole)) or d.role_of(_role_label(pf, x, vocab), x.label)
        if not r:
            form = _form_before_fillers(x.raw_label, d, vocab)
            r = form and d.role(form)
        if not r and d.kind == "count" and x.kind == "count" and not _named_part(pf, x):
            # 3 个项目已开工, 7 个计划开工项目: a count named by the words after its measure word
            # (not 其中脱贫人口 n 人全部参保: a part named before, what is said after is said of it)
            after = _words_after(pf, x)
            r = after and d.role_of(after, "")
        if not r and d.match == "contains" and x.raw_label:
            # 本年度“三公”经费支出 a: the label stops at the quotes; the year is in the words of its
            # clause before it (when they hold no other figure)
            _, clause = _clause_before(pf, x)
            if not any(ch.isdigit() for ch in clause) and len(clause) <= 30:
                r = d.role(clause.strip())
        if r:
            roles[r].append(x)
    if not roles["num"] and len(roles["den"]) == 1 and "执行" in d.numerator_exact:
        # 执行预算资金 a，执行率 r: the budget executed (执行, a verb only: 支出预算 is a budget) is what
        # was spent, as 本年执行预算资金 is — when its sentence names no other budget and nothing spent
        # (年初预算 a，执行预算 b: b is the budget in force; 执行预算 b，实际支出 c: so is b)
        only = roles["den"][0]
        label = _role_label(pf, only, vocab)
        if (label.startswith("执行") and d.role(label[2:]) == "den" and not label.endswith(_TOTAL_NOUNS)
                and not any(w in label for w in d.contains_not) and not only.negative):
            roles["num"], roles["den"] = [only], []
    if d.denominator_exact and not roles["den"] and len(roles["num"]) >= 2:
        budget = [x for x in roles["num"] if _role_label(pf, x, vocab) in d.denominator_exact]
        if budget and len(budget) < len(roles["num"]):
            roles["den"] = budget
            roles["num"] = [x for x in roles["num"] if x not in budget]
    return roles


def _named_part(pf, x: Quantity) -> bool:
    """A figure whose label names a part after 其中 (其中脱贫人口 n 人), not 其中 alone."""
    label = x.raw_label.strip()
    if label.startswith("其中"):
        return len(label.removeprefix("其中").strip(" :：,，")) >= 2
    k = x.item - 1
    while k >= 0 and not isinstance(pf.items[k], (Keyword, Quantity)) and getattr(pf.items[k], "kind", "") != "PUNCT":
        k -= 1
    return bool(label) and k >= 0 and isinstance(pf.items[k], Keyword) and pf.items[k].word == "其中"


_AFTER_STOP = re.compile(r"[，,。；;:：、()（）\d%]")


def _words_after(pf, x: Quantity) -> str:
    """The words after a count's measure word up to the next mark or figure (3 个 *项目已开工*，),
    "" when more than twelve characters or none."""
    text = pf.para.text
    j = pf.para.index_of(x.span.end - 1) + 1
    m = _AFTER_STOP.search(text, j)
    words = text[j:m.start() if m else len(text)].strip()
    return words if 0 < len(words) <= 12 else ""


def _form_before_fillers(raw: str, d: RateDef, vocab) -> str:
    """For a label that fits no role once its trailing fillers are gone, the form that does,
    read from the label as written with them taken off one at a time: 完成 is a filler (实际完成
    12 个 is a 实际 figure), but for a rate of works finished 截至年底完成 200 公里 is what was
    finished — the first form, from the label as written down, whose ending names a role; ""
    when none does."""
    text = raw.strip().rstrip("的之")
    while text:
        if d.role(text):
            return text
        for word in vocab.fillers:
            if text.endswith(word) and len(text) > len(word):
                text = text[: -len(word)].rstrip().rstrip("的之")
                break
        else:
            return ""
    return ""


# besides the family's contains_not (未, 结余 …): another year, a change, a part, a price
_NOT_A_SUM_SPENT = ("上年", "去年", "往年", "收入", "增加", "减少", "增长", "下降", "比", "其中", "其他", "人均",
                    "标准", "单价", "投资")  # (项目总投资 a: all the years' money, not this year's to spend)


def _unnamed_denominator(pf, pool, num: Quantity, d: RateDef, vocab) -> list[Quantity]:
    """The one figure before ``num`` in the rate's pool that fits no role of ``d`` and whose
    label says nothing of another year, a change or a remainder; none when not exactly one."""
    found = []
    for x in pool:
        if x.item >= num.item or x is num:
            continue
        label = _role_label(pf, x, vocab)
        if d.role_of(label, x.label) is not None:
            continue
        # (money named by its use, A用于B: what it is is B — 结余用于项目建设经费 is funds for
        # building, from a surplus, not the surplus left)
        said = label.rsplit("用于", 1)[-1] or label
        if any(w in said for w in _NOT_A_SUM_SPENT + d.contains_not) or x.negative:
            return []
        found.append(x)
    return found if len(found) == 1 else []


_REMAINDER = ("结余", "结余资金", "剩余资金", "剩余", "未使用资金", "未支出资金", "尚未支出", "未支出", "未支",
              "未支付", "尚未支付", "未拨付", "尚未拨付", "未支付资金", "未拨付资金")


def _remainder(pf, x: Quantity, vocab) -> bool:
    """A figure of what is left unspent (结余资金 b, 尚未支出 b) — not carried over (结转), not of
    another year (上年结余)."""
    label = _role_label(pf, x, vocab) or x.raw_label.strip()
    return (label.endswith(_REMAINDER) and not x.negative
            and not any(w in label for w in ("结转", "上年", "去年", "往年", "年初", "累计")))


# a base written right after the comparison (较上年 b, 比上年同期 b): nothing else in the label
_COMPARED_WITH = re.compile(r"^\s*(?:较|比|同比)(?:上年|去年|上年同期|去年同期|上一年)\s*的?\s*$")  # (较上年的 b)
# 较年初预算 b, 比计划 b: a figure compared with, named after 较 / 比 (no figure, no change word in the name)
_COMPARED_WITH_ANY = re.compile(r"^\s*(?:较|比)(?!.*(?:增加|减少|增长|下降|增收|减收|多|少))[^\d，,。；;]{1,10}?\s*的?\s*$")
_COMPARED_WITH_PLAN = re.compile(r"^\s*(?:较|比)(?:年度)?(?:计划|目标|任务)(?:数)?\s*的?\s*$")
_TOTAL_WORDS = ("合计", "共计", "总计", "共")
_YEARS_BEFORE = re.compile(r"^.*(?:19|20)\d{2}\s*年度?")  # up to the last year written


def _role_label(pf, x: Quantity, vocab) -> str:
    """The label a figure's role is read from: its own, or for a total whose label the
    keyword cut off (专项资金合计 149.63 万元) the words of its clause before the keyword."""
    label = _clean(x.raw_label, vocab)
    if label in _JOIN_LABELS[1:]:
        return _clean(_listed_label(pf, x), vocab) or label  # (a 和 b 分别为 c 和 d: d's label 和)
    if label and not (label in _COPULA_LABELS and _total_label(pf, x)):
        return label
    whole = _total_label(pf, x)
    for w in _TOTAL_WORDS:
        if whole.endswith(w):
            return _clean(whole[: -len(w)].strip(), vocab)
    return _clean(_bare_label(pf, x) or _listed_label(pf, x), vocab)


def _listed_label(pf, x: Quantity) -> str:
    """``预算数、执行数分别为 a、b``: the name of a figure listed after 分别为, in the order of the names
    listed before it (as many names as figures, joined by 、和及与); "" for any other figure."""
    if x.kind not in ("amount", "count"):
        return ""
    listed = _listed(pf, x, lambda y: y.kind == x.kind)
    if listed is None:
        return ""
    run, names = listed
    if any(not n or len(n) > 16 for n in names):
        return ""
    return names[run.index(x)]


# what may stand between a name and its figure in a table's words: a letter or a unit in
# parentheses (预算数(A), 执行率(B/A), 金额(万元)) and a colon
_NAME_MARKS = re.compile(r"(?:\s*[（(][A-Za-z0-9/÷×*+\-%万元亿千]{1,6}[)）])*\s*[:：]?\s*$")
_NAME_STOP = "，,。；;!?！？"


def _bare_label(pf, x: Quantity) -> str:
    """For a figure with no label, the name just before it across a colon or a mark in
    parentheses (年度预算数：120 万元, 全年预算数(A)120 万元, 执行率：92%); "" when there is none,
    or more than a name (a figure, sixteen characters or more)."""
    if x.raw_label.strip():
        return ""
    text = pf.para.text
    end = pf.para.index_of(x.span.start)
    start = max(text.rfind(ch, 0, end) for ch in _NAME_STOP) + 1
    head = text[start:end]
    m = _NAME_MARKS.search(head)
    if m is None or m.start() == len(head.rstrip()):
        return ""  # (no colon nor mark: the label was empty for another reason)
    words = _YEARS_BEFORE.sub("", head[: m.start()]).strip()
    if not words or len(words) > 16 or any(ch.isdigit() or ch in "()（）:：" for ch in words):
        return ""
    return words


def _total_label(pf, x: Quantity) -> str:
    """For a figure with no label of its own, the words of its clause when they end in a
    total's keyword the label stopped at (收入合计, 专项资金共计), after the last year written
    in them (某局 2024 年度收入合计); "" otherwise."""
    raw = x.raw_label.strip()
    if raw and raw not in _COPULA_LABELS:
        return ""
    _, clause = _clause_before(pf, x)
    clause = _YEARS_BEFORE.sub("", clause.strip()).strip()
    if raw and clause.endswith(raw):
        clause = clause[: -len(raw)].rstrip()  # (可用资金合计为 a: the label stopped at 合计, 为 after it)
    if any(ch.isdigit() for ch in clause) or not clause.endswith(_TOTAL_WORDS):
        return ""
    return clause


_COPULA_LABELS = ("为", "是", "达", "约", "约为")


def _year_of(pf, x: Quantity) -> int | None:
    """The year written just before ``x`` (2023年公用经费 29.59 万元), with no figure between."""
    for it in reversed(pf.items[: x.item]):
        if isinstance(it, YearRef):
            return it.year
        if isinstance(it, Quantity):
            return None
        if isinstance(it, TextItem) and it.kind == "PUNCT" and it.text in "。；;!?！？":
            return None
    return None


# 比 2022 年的 b: a figure compared with, named by its year alone
_COMPARED_WITH_YEAR = re.compile(r"^\s*(?:较|比)\s*(?:19|20)\d{2}\s*年度?(?:同期)?\s*的?\s*$")


def _by_years(pf, claim: RateClaim, pool, vocab) -> RateClaim:
    """``2023年公用经费 a，2022年公用经费 b，下降 r%``: the same label in two years (the second
    may be named by its year alone: 比 2022 年的 b)."""
    dated = [(_year_of(pf, x), x) for x in pool]
    if len(dated) != 2 or any(y is None for y, _ in dated):
        return claim
    (y1, a), (y2, b) = dated
    la, lb = _clean(a.raw_label, vocab), _clean(b.raw_label, vocab)
    if lb.strip("的") == "" and _COMPARED_WITH_YEAR.match(_clause_before(pf, b)[1]) and _family(a) == _family(b):
        lb = la  # 2023年财政拨款收入 a，比 2022 年的 b 增长 r%: b is the same label's, in the year after 比
    if y1 == y2 or not la or la != lb:
        return claim
    later, earlier = (a, b) if y1 > y2 else (b, a)
    return attrs.evolve(claim, numerator=later, denominator=earlier)


_APPROX = ("约", "逾", "近", "超过", "大约", "将近", "不足", "不到", "上")
# a figure named by last year alone (上年为 b, 去年 b)
_LAST_YEAR_ALONE = ("上年", "去年", "上年度", "上年同期", "去年同期", "上一年")


def _approximate(pf, x: Quantity) -> bool:
    """A figure written as approximate (约 200 份, 逾 300 篇)."""
    i = pf.para.index_of(x.span.start)
    before = pf.para.text[max(0, i - 4):i].rstrip()[-2:]
    return before.endswith(_APPROX) and not before.endswith(_NOT_APPROX)


# words ending as an approximation does that are none (已签约 1200 户, 节约 21 万元, 线上 300 人): the
# words with 约 those the vocabulary keeps whole in a label
_NOT_APPROX = tuple(ch + "约" for ch in sorted(WORDS_IN_YUE)) + ("线上", "网上")


def _unique(qs: list[Quantity]) -> Quantity | None:
    values = {x.value * _factor(x) for x in qs}
    return qs[-1] if len(values) == 1 else None


def _named_rates_by_para(doc) -> dict[int, set[Quantity]]:
    """Paragraph → the stated percentages of its named rate claims (not 占 shares), once
    per document: asked for each finding, it must not walk every claim each time."""
    found = doc.memo.get("rates.named_by_para")
    if found is None:
        found = doc.memo["rates.named_by_para"] = {}
        for c in rate_claims(doc):
            if c.name and not c.name.startswith("占"):
                found.setdefault(c.rate.para, set()).add(c.rate)
    return found


def thresholds(doc, pf_index: int, exclude: Quantity) -> tuple[Threshold, ...]:
    """The thresholds a paragraph names: percentages after 小于/达到/≥… or before 以上/以下."""
    data = rate_data()
    pf = doc.facts[pf_index]
    claims = _named_rates_by_para(doc).get(pf_index, ())
    out = []
    text = pf.para.text
    for q in pf.quantities:
        if q.kind != "percent" or q is exclude or q in claims:
            continue
        i = pf.para.index_of(q.span.start)
        j = pf.para.index_of(q.span.end)
        before = text[max(0, i - 4):i].rstrip()
        after = text[j:j + 3].lstrip()
        bound = None
        if before.endswith(data.upper_before) or after.startswith(data.upper_after):
            bound = "upper"
        elif before.endswith(data.lower_before) or after.startswith(data.lower_after):
            bound = "lower"
        if bound:
            label = _clean(q.raw_label, doc.config.vocabulary)
            for w in sorted(data.upper_before + data.lower_before + ("未达到", "未达"), key=len, reverse=True):
                if label.endswith(w):
                    label = label[: -len(w)]
                    break
            hit = data.lookup(doc.config.vocabulary.strip_fillers(label))
            out.append(Threshold(q, bound, hit[0] if hit else ""))
    return tuple(out)


def crossed(claim: RateClaim, computed: Interval, ths) -> Threshold | None:
    """A threshold the stated rate meets and the recomputed one does not (or the reverse)."""
    for t in ths:
        name = claim.name.removesuffix("的比例")
        if t.rate and not (name.endswith(t.rate) or t.rate.endswith(name)):
            continue  # the bound of another rate of the paragraph
        s_ok = t.holds(claim.rate.value)
        if t.holds(computed.lo) == t.holds(computed.hi) and t.holds(computed.lo) != s_ok:
            return t
    return None


# --- changes in percentage points -------------------------------------------

_UP = ("提高", "上升", "增加", "增长", "提升")
_DOWN = ("下降", "降低", "减少", "回落")
_FROM_RE = re.compile(r"(?:由|从)[^，,。；;0-9%]{0,8}$")
_TO_RE = re.compile(r"^\s*(?:" + "|".join(_UP + _DOWN) + r")?\s*(?:到|至|为)\s*$")


@attrs.frozen
class PointChange:
    """``由 A% 提高到 B%，提高 N 个百分点``: B − A must be ±N."""

    start: Quantity
    end: Quantity
    change: Quantity
    sign: int


def point_changes(doc) -> tuple[PointChange, ...]:
    out = []
    for pf in doc.facts:
        text = pf.para.text
        qs = pf.quantities
        for k, q in enumerate(qs):
            if q.kind != "count" or q.unit not in ("个百分点", "百分点"):
                continue
            pcts = [x for x in qs[:k] if x.kind == "percent" and x.unit == "%" and x.sentence == q.sentence]
            if len(pcts) < 2:
                continue
            a, b = pcts[-2], pcts[-1]
            ia, ja = pf.para.index_of(a.span.start), pf.para.index_of(a.span.end)
            ib, jb = pf.para.index_of(b.span.start), pf.para.index_of(b.span.end)
            iq = pf.para.index_of(q.span.start)
            if not _FROM_RE.search(text[max(0, ia - 10):ia]) or not _TO_RE.match(text[ja:ib]):
                continue
            between = text[jb:iq]
            if len(between) > 8 or any(ch in between for ch in "。；;"):
                continue
            up = any(w in between for w in _UP)
            down = any(w in between for w in _DOWN)
            if up == down:
                continue
            out.append(PointChange(a, b, q, 1 if up else -1))
    return tuple(out)


def rate_expr(claim, doc) -> tuple[str, str]:
    """The arithmetic of a rate, as a reviewer would redo it (zh, en)."""
    n, d = claim.numerator, claim.denominator
    vocab = doc.config.vocabulary

    def show(q) -> str:
        # (a total whose label 合计 cut off is shown with the words before 合计)
        label = vocab.strip_fillers(q.raw_label).rstrip("的之")
        if not label or label in _COPULA_LABELS:
            label = _role_label(doc.facts[q.para], q, vocab) or label
        if label.endswith("累") and q.raw_label[len(label):].startswith("计"):
            label += "计"  # (累计完成 a: the filler 计 is half of 累计)
        if claim.definition is not None and not claim.definition.role_of(label, q.label):
            # (a role read from the label before its fillers came off is shown as it was read)
            form = _form_before_fillers(q.raw_label, claim.definition, vocab)
            if not form and q.kind == "count":
                # (a count named by the words after it is shown with them: 6个项目已开工)
                after = _words_after(doc.facts[q.para], q)
                if after and claim.definition.role_of(after, ""):
                    return f"{fmt(q.value, q.precision)}{_unit(q)}{after}"
            label = form or label
        return f"{label} {fmt(q.value, q.precision)}{_unit(q)}" if label else f"{fmt(q.value, q.precision)}{_unit(q)}"

    ns, ds = show(n), show(d)
    if claim.how == "of-base":  # 中央财政补贴 p% 为 a: a is what 中央财政补贴 names
        ns = f"{claim.name.removesuffix('比例')} {fmt(n.value, n.precision)}{_unit(n)}"
    if claim.how == "indicator" and not d.raw_label:
        ds = f"指标值 {ds}"
    if claim.formula == "change":
        expr = f"({ns} − {ds}) ÷ {fmt(d.value, d.precision)}{_unit(d)}"
    elif claim.formula == "before":
        op = "−" if claim.sign == "increase" else "+"
        expr = f"{ns} ÷ ({ds} {op} {fmt(n.value, n.precision)}{_unit(n)})"
        return expr, expr
    else:
        expr = f"{ns} ÷ {ds}"
    if _sign_of(claim) == "abs":
        expr = f"|{expr}|"
    elif claim.sign == "decrease":
        expr = f"−{expr}"
    return expr, expr


def _unit(q) -> str:
    return q.unit if q.kind in ("amount", "score", "count") else ""
