"""Independent mutation probe: sites found without the linter, one error at a time.

    python bench/probe.py [--seed 1] [--per-kind 40] [--corpus ../shared/corpus]
                          [--files a.txt b.txt …] [--kinds sum,rate,…] [--json] [-v]

``bench/mutation.py`` chooses where to inject an error from the facts the
linter itself extracts, so it cannot see an error placed where the linter
reads nothing. This benchmark finds its sites **without the linter**: with its
own regular expressions over a whitespace-folded copy of the text as the
reader gives it (:func:`linter.readers.read_path`: the decoded file, or the
text of a .docx/.pdf; full-width digits, brackets, colon, semicolon and %
folded to ASCII; whitespace dropped except between two ASCII letters or
digits; a map from every folded character back to its offset in the original)
and its own ``Decimal`` arithmetic, in which a stated figure stands for every
value within half a unit of its last digit (``12.3`` is 12.25–12.35) and a
count (人, 个, 项 …) is exact. The linter is only run, in-process
(:func:`linter.engine.check_source`), on the unmutated report and on each
mutated copy, to read its findings.

How the sites are found
-----------------------

Sentences are the folded text split at 。！？!? ``|`` and at a ``.`` that is no
decimal point. Only sites where the unmutated text is consistent by this
arithmetic are kept, and every mutation is checked to break that consistency.

==============  ===============================================================  ==================
kind            site, and the change made                                        categories that
                                                                                 count
==============  ===============================================================  ==================
sum             an amount (元/万元/亿元) followed by 其中/包括/分别为/分别是/含,     arithmetic
                then the first 2, 3 … amounts at the same bracket depth in the
                sentence that add up to it; or amounts followed by 合计/共计/总计
                and the amount after it, the last k before it adding up to it.
                Amounts after a change word (增加/减少/同比/比上年 …) are no parts.
                Change: one digit (not the first) of one part, so the sum breaks.
unit            a sum site with a part in 万元; change: 万元 → 元 on a part whose    unit, arithmetic
                value then breaks the sum.
rate            ``…率 r%`` or ``占…(比例/比重) r%``, not a bound (不低于/超过/≥ …      ratio
                before it, 以上/以内/左右 after it), where two figures of the same
                kind (two amounts, or two counts with the same unit) in the same
                ；-clause give r (a/b×100, the interval no wider than 2 points).
                Change: one digit, so that no value of a/b gives the new r
                (100% → 9x%); never above 100 % for a rate that was ≤ 100 %.
score           a total score (总分/自评得分/综合得分/最终得分 … N 分), 60 ≤ N ≤ 100;  score
                change: N → 101–109 分.
grade           ``N 分 … 等级/评级/评定为/评为/为 G`` within one clause, G in N's     grade
                band (优/优秀 ≥ 90, 良/良好 80–89, 中/合格 60–79, 差/不合格 < 60);
                or a total without 分 after a score's label (as for score),
                ending its clause: ``自评得分 N，… 等级为 G``;
                change: G → a grade word of the same style in another band.
year            the report is a performance report (绩效自评/绩效评价/自评报告       year
                anywhere) and its evaluated year Y is read from the head (Y年度
                … 绩效/自评/评价 in the first 300 characters) or else is the most
                frequent N年度; a site is Y年度 (not after a range sign) whose own
                clause (to the next ，。；) speaks of the evaluation (绩效/自评/评价),
                outside 《…》, not on a line naming a file (.docx/.pdf …), when Y年
                is stated somewhere else too; change: Y → Y ± 1.
date-impossible a full valid date N年M月D日; change: → 2月30日, 2月31日, 4月31日,     date
                6月31日, 9月31日, 11月31日 or month 13.
list-dup        a marker 一、 (一) (1) 1. 1、 at the start of a line (or after        structure
                whitespace or 。；：) whose previous marker of the same style is
                k−1; change: k → k−1 (k−1 twice).
list-skip       such a marker k whose next marker of its style is 1 or none (the    structure
                list ends); change: k → k+1 (k is missing).
==============  ===============================================================  ==================

What counts
-----------

A mutation's **region** is, in the original text, the sentence holding the site
(and the change itself); when that "sentence" is longer than 300 characters
(web extracts and flattened tables with no 。) only the 100 characters either
side of the change; plus the changed line when it is at most 300 characters.
For a list marker the region is the marker's line alone (or ±100 characters of
an over-long line).

A finding is **new** when the unmutated report has no finding of the same rule
at the same (shifted) span. A mutation is **detected** when a new finding of a
fitting category (table above) has its span or a related place in the region.
A new finding that touches the region but is of another category is neither.
A new finding that touches neither the region nor any place in it is **new
elsewhere**: a false alarm the single error provoked.

A site is **skipped**, and the next drawn instead, when no change breaks its
consistency (a rate whose figures allow every neighbouring digit), or when the
unmutated report already has a finding of a fitting category in the region: a
rule that fires there already could not show a new finding for the change, and
the linter already disagrees with the probe about that original.

Limitations (the sites are the probe's reading, not a reviewed key): a year
site's clause may still be a figure cited for that year rather than the report
naming its evaluated year; a report that is not a performance report but
mentions one (a 决算说明 citing 绩效评价) offers year sites; a "list" may be a
page's own numbering mixed into the text of a web extract; a sum's parts are
the first amounts that add up, which two unrelated figures can do by chance.

Reproducible: sites are found in a fixed order (files sorted, then by place);
each kind's sites are shuffled with ``random.Random(f"{seed}:{kind}")`` and each
change is drawn with ``random.Random(f"{seed}:{kind}:{n}")`` for the n-th site
found. Prints one Markdown table (sites found, tried, skipped, detected, rate,
new findings elsewhere, rules that found it); ``-v`` lists every miss and every
new finding elsewhere; ``--json`` prints every case instead.
"""
from __future__ import annotations

import datetime
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Callable

import attrs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from linter.config import Config  # noqa: E402
from linter.engine import check_source  # noqa: E402
from linter.readers import read_path  # noqa: E402
from linter.source import Source  # noqa: E402

# the categories of finding that count as detecting each kind: the same as bench/mutation.py's
# (its sites come from the linter's facts; only the counting is shared)
_BENCH = os.path.dirname(os.path.abspath(__file__))
if _BENCH not in sys.path:
    sys.path.insert(0, _BENCH)
from mutation import FITTING as _FITTING, arguments  # noqa: E402

KINDS = ("sum", "unit", "rate", "score", "grade", "year", "date-impossible", "list-dup", "list-skip")
FITTING = {k: _FITTING[k] for k in KINDS}

# --- the folded text ------------------------------------------------------------

_FOLD = {ord(c): h for c, h in zip("０１２３４５６７８９（）：；％．", "0123456789():;%.")}
_SPACE = set(" \t\r\n\u3000\xa0\u2002\u2003\u200b\ufeff\f\v")


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text and, for every folded index, its original offset (plus an end sentinel)."""
    out: list[str] = []
    where: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c in _SPACE:
            j = i
            while j < n and text[j] in _SPACE:
                j += 1
            prev = out[-1] if out else ""
            nxt = text[j] if j < n else ""
            if prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum():
                out.append(" ")
                where.append(i)
            i = j
            continue
        out.append(c.translate(_FOLD))
        where.append(i)
        i += 1
    where.append(n)
    return "".join(out), where


def sentences(F: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for m in re.finditer(r"[。！？!?|]|\.(?![\d.])(?<!\d\.)", F):
        out.append((s, m.end()))
        s = m.end()
    out.append((s, len(F)))
    return [(a, b) for a, b in out if b > a]


def sentence_of(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in sents:
        if a <= pos < b:
            return (a, b)
    return (pos, pos + 1)


def depth_at(F: str, start: int, pos: int) -> int:
    d = 0
    for c in F[start:pos]:
        if c == "(":
            d += 1
        elif c == ")":
            d = max(0, d - 1)
    return d


# --- figures ----------------------------------------------------------------------

NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_WAN_ALONE = r"万(?=[,，。;、)|]|$)"
MONEY_RE = re.compile(rf"(?<![\d.,])(?P<num>{NUM})(?P<unit>亿元|万元|元|{_WAN_ALONE})(?!/)")
COUNT_UNITS = "人|个|件|项|次|户|家|所|名|台|辆|篇|场|期|条|份|套|座|处|公里|平方米|亩|吨"
QTY_RE = re.compile(rf"(?<![\d.,])(?P<num>{NUM})(?P<unit>亿元|万元|元|{_WAN_ALONE}|{COUNT_UNITS})(?!/)")
FACTOR = {"元": Decimal(1), "万元": Decimal(10000), "万": Decimal(10000), "亿元": Decimal(100000000)}
CHANGE_WORDS = re.compile(r"(增加|减少|增长|下降|同比|比上年|较上年|上升|节约|超支|结余率|降低)[^,，。;；]{0,4}$")


def dec(s: str) -> Decimal:
    return Decimal(s.replace(",", ""))


def half_ulp(s: str) -> Decimal:
    s = s.replace(",", "")
    places = len(s.split(".")[1]) if "." in s else 0
    return Decimal(1).scaleb(-places) / 2


class Figure:
    """A number with its unit in the folded text: value and half-width of what it stands for."""

    __slots__ = ("num", "unit", "s", "e", "ns", "ne", "value", "err", "depth")

    def __init__(self, m: re.Match, sent_start: int, F: str):
        self.num, self.unit = m.group("num"), m.group("unit")
        self.s, self.e = m.start(), m.end()
        self.ns, self.ne = m.start("num"), m.end("num")
        f = FACTOR.get(self.unit)
        if f is None:  # a count: exact
            self.value, self.err = dec(self.num), Decimal(0)
        else:
            self.value, self.err = dec(self.num) * f, half_ulp(self.num) * f
        self.depth = depth_at(F, sent_start, self.s)


def adds_up(total: Figure, parts: list[Figure], values: list[Decimal] | None = None) -> bool:
    vals = values if values is not None else [p.value for p in parts]
    return abs(total.value - sum(vals)) <= total.err + sum(p.err for p in parts)


def figures(rep: "Report", rx: re.Pattern, lo: int, hi: int, sent_start: int) -> list[Figure]:
    F = rep.F
    out = [Figure(m, sent_start, F) for m in rx.finditer(F, lo, hi)]
    return [a for a in out if not CHANGE_WORDS.search(F[max(sent_start, a.s - 12):a.s])]


# --- reports and sites ----------------------------------------------------------------


class Report:
    """An unmutated report: its text, the folded copy, and the linter's findings on it."""

    def __init__(self, path: str, config: Config):
        self.path = path
        self.config = config
        self.source = read_path(path)
        self.text = self.source.text
        self.F, self.M = fold(self.text)
        self.sents = sentences(self.F)
        self._findings = None

    @property
    def findings(self):
        if self._findings is None:
            self._findings = check_source(self.source, self.config).findings
        return self._findings

    def orig(self, i: int, j: int) -> tuple[int, int]:
        """Original offsets of the folded range [i, j)."""
        return self.M[i], self.M[j - 1] + 1


Site = dict  # kind, rep, sent (folded range) and what the kind needs


def sites_sum(rep: Report) -> list[Site]:
    F = rep.F
    out, totals = [], set()
    for ss, se in rep.sents:
        amts = figures(rep, MONEY_RE, ss, se, ss)
        for i, t in enumerate(amts):
            km = re.match(r"[,，:：(]{0,2}(其中|包括|分别为|分别是|含)[:：,，]?", F[t.e:t.e + 8])
            if not km:
                continue
            kd = depth_at(F, ss, t.e + km.start(1))
            parts = []
            for a in amts[i + 1:]:
                if a.depth != kd:
                    continue
                parts.append(a)
                if re.match(r"[,，:：(]{0,2}(其中|包括|分别为|含)", F[a.e:a.e + 6]):
                    break
            for k in range(2, len(parts) + 1):
                pk = parts[:k]
                if sum(1 for p in pk if p.value != 0) >= 2 and adds_up(t, pk):
                    out.append(Site(kind="sum", rep=rep, sent=(ss, se), total=t, parts=pk))
                    totals.add(t.s)
                    break
        for km in re.finditer(r"(合计|共计|总计)[为是:：]?", F[ss:se]):
            at = ss + km.end()
            t = next((a for a in amts if a.s == at or (at <= a.s <= at + 2 and a.ns == a.s)), None)
            if t is None or t.s in totals:
                continue
            kd = depth_at(F, ss, ss + km.start())
            before = [a for a in amts if a.e <= ss + km.start() and a.depth == kd]
            for k in range(2, len(before) + 1):
                pk = before[-k:]
                if sum(1 for p in pk if p.value != 0) >= 2 and adds_up(t, pk):
                    out.append(Site(kind="sum", rep=rep, sent=(ss, se), total=t, parts=pk))
                    totals.add(t.s)
                    break
    return out


def sites_unit(rep: Report) -> list[Site]:
    return [dict(s, kind="unit") for s in sites_sum(rep) if any(p.unit == "万元" for p in s["parts"])]


RATE_RE = re.compile(
    r"(?P<label>[\u4e00-\u9fff]{1,10}率|占[^,，。;；%\d]{1,25}?(?:比例|比重|之比|的比)?)"
    r"(?:为|是|达到|达|:|：)?\s?(?P<num>\d+(?:\.\d+)?)%"
)
BOUND_BEFORE = re.compile(r"不低于|不足|低于|超过|高于|不高于|≥|≤|>|<|大于|小于|以上|以内|控制在|目标|指标值|预期")
BOUND_AFTER = re.compile(r"^(以上|以下|以内|左右|及以上|的[,，]?得|[,，]?得)")


def sites_rate(rep: Report) -> list[Site]:
    F = rep.F
    out = []
    for ss, se in rep.sents:
        for m in RATE_RE.finditer(F, ss, se):
            if BOUND_BEFORE.search(m.group("label")) or BOUND_BEFORE.search(F[max(ss, m.start() - 4):m.start()]):
                continue
            if BOUND_AFTER.match(F[m.end():m.end() + 4]):
                continue
            r = m.group("num")
            rv, rerr = dec(r), half_ulp(r)
            if rv == 0:
                continue
            cs = max(F.rfind(";", ss, m.start()), F.rfind("；", ss, m.start()), ss - 1) + 1
            ce = min([x for x in (F.find(";", m.end(), se), F.find("；", m.end(), se)) if x != -1] or [se])
            qs = figures(rep, QTY_RE, cs, ce, ss)
            found = None
            for a in qs:
                for b in qs:
                    if a is b or a.value <= 0 or b.value - b.err <= 0:
                        continue
                    money = a.unit in FACTOR
                    if money != (b.unit in FACTOR) or (not money and a.unit != b.unit):
                        continue
                    lo = (a.value - a.err) / (b.value + b.err) * 100
                    hi = (a.value + a.err) / (b.value - b.err) * 100
                    if hi - lo <= 2 and lo <= rv + rerr and hi >= rv - rerr:
                        found = (lo, hi)
                        break
                if found:
                    break
            if found:
                out.append(Site(kind="rate", rep=rep, sent=(ss, se), ns=m.start("num"), ne=m.end("num"),
                                num=r, label=m.group("label"), bounds=found))
    return out


TOTAL_LABEL = r"(?:总分|自评得分|评价得分|综合得分|总得分|自评总分|评价总分|综合评分|自评分数|总体得分|最终得分)"
SCORE_RE = re.compile(TOTAL_LABEL + r"[为是:：达]{0,3}(?P<num>\d{2,3}(?:\.\d+)?)分")
GRADE_RANK = {"优": 0, "良": 1, "中": 2, "差": 3, "优秀": 0, "良好": 1, "合格": 2, "不合格": 3}
GRADE_STYLES = (("优", "良", "中", "差"), ("优秀", "良好", "合格", "不合格"))
_GRADE_TAIL = (
    r"[^。;；]{0,20}?(?:等级|评级|评价等级|评定为|评为|为)[为是:：\s]{0,3}[“\"「]?"
    r"(?P<g>不合格|优秀|良好|合格|优|良|中|差)(?=[”\"」,，。;；、)\s等级]|$)"
)
GRADE_RE = re.compile(r"(?P<num>\d{2,3}(?:\.\d+)?)分" + _GRADE_TAIL)
# …or a total written without 分, right after a total's label and ending its clause: 自评得分95，评价等级为优
BARE_GRADE_RE = re.compile(
    TOTAL_LABEL + r"[为是:：达]{0,3}(?P<num>\d{2,3}(?:\.\d+)?)(?=[,，])" + _GRADE_TAIL
)


def _band(v: Decimal) -> int:
    return 0 if v >= 90 else 1 if v >= 80 else 2 if v >= 60 else 3


def sites_score(rep: Report) -> list[Site]:
    return [
        Site(kind="score", rep=rep, sent=sentence_of(rep.sents, m.start()), ns=m.start("num"), ne=m.end("num"),
             num=m.group("num"))
        for m in SCORE_RE.finditer(rep.F) if 60 <= dec(m.group("num")) <= 100
    ]


def sites_grade(rep: Report) -> list[Site]:
    found = [(m, "分") for m in GRADE_RE.finditer(rep.F)] + [(m, "") for m in BARE_GRADE_RE.finditer(rep.F)]
    out, taken = [], set()
    for m, unit in sorted(found, key=lambda x: x[0].start("g")):
        v = dec(m.group("num"))
        if m.start("g") in taken:
            continue  # (a grade read with its 分 score is not read again with a bare one before it)
        taken.add(m.start("g"))
        if 60 <= v <= 100 and GRADE_RANK[m.group("g")] == _band(v):
            out.append(Site(kind="grade", rep=rep, sent=sentence_of(rep.sents, m.start()), ns=m.start("g"),
                            ne=m.end("g"), g=m.group("g"), num=m.group("num"), unit=unit))
    return out


PERFORMANCE_REPORT = re.compile(r"绩效自评|绩效评价|自评报告")
EVALUATION_WORDS = re.compile(r"绩效|自评|评价")
FILE_NAME = re.compile(r"\.(?:docx?|xlsx?|pdf|wps)", re.I)


def evaluated_year(F: str) -> int | None:
    m = re.search(r"(20\d\d)年度?[^。]{0,40}?(?:绩效|自评|评价)", F[:300])
    if m:
        return int(m.group(1))
    c = Counter(int(x) for x in re.findall(r"(20\d\d)年度", F))
    return c.most_common(1)[0][0] if c else None


def sites_year(rep: Report) -> list[Site]:
    F, text = rep.F, rep.text
    if not PERFORMANCE_REPORT.search(F):
        return []
    year = evaluated_year(F)
    if year is None:
        return []
    stated = [m.start() for m in re.finditer(rf"(?<!\d){year}年", F)]
    out = []
    for m in re.finditer(r"(?<![\d\-－—~～至])(20\d\d)年度", F):
        if int(m.group(1)) != year or not any(o != m.start() for o in stated):
            continue
        if F.rfind("《", 0, m.start()) > F.rfind("》", 0, m.start()):
            continue  # in the title of another document
        clause = re.match(r"[^,，。;；!?！？|]*", F[m.end():]).group(0)[:40]
        if not EVALUATION_WORDS.search(clause):
            continue  # a figure of that year, not the report naming what it evaluates
        o = rep.M[m.start()]
        end = text.find("\n", o)
        line = text[text.rfind("\n", 0, o) + 1:end if end != -1 else len(text)]
        if FILE_NAME.search(line):
            continue  # a file name (web page chrome), not the report's own text
        out.append(Site(kind="year", rep=rep, sent=sentence_of(rep.sents, m.start()), ns=m.start(1),
                        ne=m.end(1), num=m.group(1)))
    return out


def sites_date(rep: Report) -> list[Site]:
    out = []
    for m in re.finditer(r"(?<!\d)(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日", rep.F):
        try:
            datetime.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        out.append(Site(kind="date-impossible", rep=rep, sent=sentence_of(rep.sents, m.start()),
                        ms=m.start("m"), me=m.end("m"), ds=m.start("d"), de=m.end("d"), written=m.group(0)))
    return out


_CN_DIGITS = "零一二三四五六七八九"
_CN = "一二三四五六七八九十"
MARKER_RES = (
    ("cn-dun", re.compile(rf"(?P<n>[{_CN}]{{1,3}})、")),
    ("paren-cn", re.compile(rf"\((?P<n>[{_CN}]{{1,3}})\)")),
    ("paren-ar", re.compile(r"\((?P<n>\d{1,2})\)")),
    ("ar-dot", re.compile(r"(?P<n>\d{1,2})\.(?!\d)")),
    ("ar-dun", re.compile(r"(?P<n>\d{1,2})、")),
)


def cn_to_int(s: str) -> int | None:
    d = {c: i for i, c in enumerate(_CN_DIGITS)}
    if s == "十":
        return 10
    if len(s) == 1:
        return d.get(s)
    if s[0] == "十" and s[1] in d:
        return 10 + d[s[1]]
    if len(s) == 2 and s[1] == "十" and s[0] in d:
        return d[s[0]] * 10
    if len(s) == 3 and s[1] == "十" and s[0] in d and s[2] in d:
        return d[s[0]] * 10 + d[s[2]]
    return None


def int_to_cn(k: int) -> str:
    if k <= 10:
        return "十" if k == 10 else _CN_DIGITS[k]
    if k < 20:
        return "十" + _CN_DIGITS[k - 10]
    return _CN_DIGITS[k // 10] + "十" + (_CN_DIGITS[k % 10] if k % 10 else "")


def _markers(rep: Report):
    """Paragraph-start markers by style: (folded pos, ordinal, number start, number end)."""
    F, M, text = rep.F, rep.M, rep.text
    by_style: dict[str, list] = defaultdict(list)
    for style, rx in MARKER_RES:
        for m in rx.finditer(F):
            o = M[m.start()]
            j = o - 1
            while j >= 0 and text[j] in " \t\u3000":
                j -= 1
            prev = text[j] if j >= 0 else "\n"
            fprev = F[m.start() - 1] if m.start() > 0 else ""
            if not (prev == "\n" or j < o - 1 or fprev in "。;；:：|"):
                continue
            if style.startswith("ar") and (fprev.isdigit() or fprev == "."):
                continue
            n = m.group("n")
            k = cn_to_int(n) if "cn" in style else int(n)
            if k:
                by_style[style].append((m.start(), k, m.start("n"), m.end("n")))
    for style in by_style:
        by_style[style].sort()
    return by_style


def _list_sites(rep: Report, which: str) -> list[Site]:
    out = []
    for style, xs in sorted(_markers(rep).items()):
        for i, (pos, k, ns, ne) in enumerate(xs):
            if i == 0 or xs[i - 1][1] != k - 1:
                continue
            if i >= 2 and xs[i - 2][1] == k - 1 and k - 1 > 1:
                continue  # k−1 already twice just before: not a consistent original
            nxt = xs[i + 1][1] if i + 1 < len(xs) else None
            if which == "dup":
                new = k - 1
            elif nxt is None or nxt == 1:
                new = k + 1
            else:
                continue
            out.append(Site(kind=f"list-{which}", rep=rep, sent=sentence_of(rep.sents, pos), ns=ns, ne=ne,
                            style=style, k=k, new=new))
    return out


SITES: dict[str, Callable[[Report], list[Site]]] = {
    "sum": sites_sum,
    "unit": sites_unit,
    "rate": sites_rate,
    "score": sites_score,
    "grade": sites_grade,
    "year": sites_year,
    "date-impossible": sites_date,
    "list-dup": lambda rep: _list_sites(rep, "dup"),
    "list-skip": lambda rep: _list_sites(rep, "skip"),
}


# --- mutations ------------------------------------------------------------------------


@attrs.frozen
class Mutation:
    kind: str
    path: str
    edits: tuple[tuple[int, int, str], ...]  # original (start, end, new), sorted, not overlapping
    note: str

    @property
    def start(self) -> int:
        return self.edits[0][0]

    def apply(self, text: str) -> str:
        out, last = [], 0
        for s, e, new in self.edits:
            out += [text[last:s], new]
            last = e
        out.append(text[last:])
        return "".join(out)

    def shift(self, offset: int) -> int:
        """Where an original offset is in the mutated text."""
        return offset + sum(len(new) - (e - s) for s, e, new in self.edits if offset >= e)


def _written_like(original: str, new: str) -> str:
    """``new`` in the digit width of ``original`` (full-width digits stay full-width)."""
    if any("０" <= c <= "９" for c in original):
        return "".join(chr(ord(c) - 0x30 + 0xFF10) if c.isascii() and c.isdigit() else c for c in new)
    return new


def _replace(rep: Report, ns: int, ne: int, new: str) -> tuple[int, int, str]:
    s, e = rep.orig(ns, ne)
    return (s, e, _written_like(rep.text[s:e], new))


def mutate(site: Site, rng: random.Random) -> Mutation | None:
    rep, kind = site["rep"], site["kind"]
    F = rep.F

    def made(edits, note):
        return Mutation(kind, rep.path, tuple(sorted(edits)), note)

    if kind == "unit":
        t, parts = site["total"], site["parts"]
        cands = [p for p in parts if p.unit == "万元"]
        rng.shuffle(cands)
        for p in cands:
            vals = [q.value / 10000 if q is p else q.value for q in parts]
            tol = t.err + sum(q.err / 10000 if q is p else q.err for q in parts)
            if abs(t.value - sum(vals)) > tol:
                o = rep.M[p.ne]  # the 万 of 万元 right after the number
                return made([(o, o + 1, "")], f"{p.num}万元 → {p.num}元")
        return None
    if kind == "sum":
        t, parts = site["total"], site["parts"]
        order = list(parts)
        rng.shuffle(order)
        for p in order:
            places = [i for i, c in enumerate(p.num) if c.isdigit()][1:]
            rng.shuffle(places)
            for i in places:
                digits = [d for d in "0123456789" if d != p.num[i]]
                rng.shuffle(digits)
                for d in digits:
                    new = p.num[:i] + d + p.num[i + 1:]
                    vals = [dec(new) * FACTOR[p.unit] if q is p else q.value for q in parts]
                    if not adds_up(t, parts, vals):
                        return made([_replace(rep, p.ns + i, p.ns + i + 1, d)], f"{p.num}{p.unit} → {new}{p.unit}")
        return None
    if kind == "rate":
        r, (lo, hi) = site["num"], site["bounds"]
        if dec(r) == 100 and "." not in r:
            new = f"9{rng.choice('0123456789')}"
            return made([_replace(rep, site["ns"], site["ne"], new)], f"{site['label']} {r}% → {new}%")
        places = [i for i, c in enumerate(r) if c.isdigit()]
        rng.shuffle(places)
        for i in places:
            digits = [d for d in "0123456789" if d != r[i]]
            rng.shuffle(digits)
            for d in digits:
                new = r[:i] + d + r[i + 1:]
                if new[0] == "0" and len(new.split(".")[0]) > 1:
                    continue
                nv, e = dec(new), half_ulp(new)
                if dec(r) <= 100 < nv:
                    continue
                if nv + e < lo or nv - e > hi:
                    return made([_replace(rep, site["ns"] + i, site["ns"] + i + 1, d)],
                                f"{site['label']} {r}% → {new}%")
        return None
    if kind == "score":
        r = site["num"]
        new = f"10{rng.randint(1, 9)}" + ("." + r.split(".")[1] if "." in r else "")
        return made([_replace(rep, site["ns"], site["ne"], new)], f"{r}分 → {new}分")
    if kind == "grade":
        g = site["g"]
        style = next(s for s in GRADE_STYLES if g in s)
        new = rng.choice([w for w in style if GRADE_RANK[w] != GRADE_RANK[g]])
        return made([_replace(rep, site["ns"], site["ne"], new)], f"{site['num']}{site['unit']} … {g} → {new}")
    if kind == "year":
        r = site["num"]
        new = str(int(r) + rng.choice((-1, 1)))
        return made([_replace(rep, site["ns"], site["ne"], new)], f"{r}年度 → {new}年度")
    if kind == "date-impossible":
        month = int(F[site["ms"]:site["me"]])
        opts = [("2", "30"), ("2", "31")] if month == 2 else \
            [("2", "30"), ("2", "31"), ("4", "31"), ("6", "31"), ("9", "31"), ("11", "31"), ("13", None)]
        nm, nd = rng.choice(opts)
        edits = [_replace(rep, site["ms"], site["me"], nm)]
        if nd is not None:
            edits.append(_replace(rep, site["ds"], site["de"], nd))
        day = nd or F[site["ds"]:site["de"]]
        return made(edits, f"{site['written']} → {nm}月{day}日")
    if kind in ("list-dup", "list-skip"):
        new = int_to_cn(site["new"]) if "cn" in site["style"] else str(site["new"])
        old = F[site["ns"]:site["ne"]]
        return made([_replace(rep, site["ns"], site["ne"], new)], f"{old} → {new} ({site['style']})")
    raise ValueError(kind)


def region(site: Site, mut: Mutation) -> tuple[tuple[int, int], ...]:
    """The original ranges a detecting finding must touch (see the module docstring)."""
    rep = site["rep"]
    text = rep.text
    ss, se = site["sent"]
    a0, a1 = rep.orig(ss, min(se, len(rep.F)))
    mlo, mhi = mut.edits[0][0], mut.edits[-1][1]
    r0, r1 = min(a0, mlo), max(a1, mhi)
    ls = text.rfind("\n", 0, mlo) + 1
    le = text.find("\n", mlo)
    le = len(text) if le == -1 else le
    line_ok = le - ls <= 300
    if site["kind"].startswith("list-"):
        return ((ls, le),) if line_ok else ((max(r0, mlo - 100), min(r1, mhi + 100)),)
    if r1 - r0 > 300:
        r0, r1 = max(r0, mlo - 100), min(r1, mhi + 100)
    return ((r0, r1), (ls, le)) if line_ok else ((r0, r1),)


def _touches(finding, ranges) -> bool:
    for sp in (finding.span, *(r.span for r in finding.related)):
        for lo, hi in ranges:
            if sp.start < hi and sp.end > lo or sp.start == sp.end and lo <= sp.start <= hi:
                return True
    return False


# --- running --------------------------------------------------------------------------


@attrs.frozen
class Outcome:
    mutation: Mutation
    line: int
    detected: bool
    hits: tuple  # rules that detected it
    elsewhere: tuple  # new findings away from the mutation: (rule, line, message)


@attrs.frozen
class KindResult:
    kind: str
    sites: int
    skipped: int
    outcomes: tuple


def evaluate(site: Site, mut: Mutation) -> Outcome:
    rep = site["rep"]
    text = mut.apply(rep.text)
    source = Source(path=rep.path, text=text, kind=rep.source.kind, encoding=rep.source.encoding)
    result = check_source(source, rep.config)
    before = {(f.code, mut.shift(f.span.start), mut.shift(f.span.end)) for f in rep.findings}
    ranges = tuple((mut.shift(lo), mut.shift(hi)) for lo, hi in region(site, mut))
    fitting = FITTING[mut.kind]
    hits, elsewhere = [], []
    for f in result.findings:
        if (f.code, f.span.start, f.span.end) in before:
            continue
        near = _touches(f, ranges)
        if near and f.category in fitting:
            hits.append(f.code)
        elif not near:
            elsewhere.append((f.code, source.line_col(f.span.start)[0], f.zh))
    line = rep.source.line_col(mut.start)[0]
    return Outcome(mut, line, bool(hits), tuple(sorted(set(hits))), tuple(elsewhere))


def run_kind(reports: list[Report], kind: str, per_kind: int, seed: int) -> KindResult:
    sites = [s for rep in reports for s in SITES[kind](rep)]
    order = list(range(len(sites)))
    random.Random(f"{seed}:{kind}").shuffle(order)
    outcomes, skipped = [], 0
    for n in order:
        if len(outcomes) >= per_kind:
            break
        site = sites[n]
        mut = mutate(site, random.Random(f"{seed}:{kind}:{n}"))
        if mut is None:
            skipped += 1
            continue
        ranges = region(site, mut)
        if any(f.category in FITTING[kind] and _touches(f, ranges) for f in site["rep"].findings):
            skipped += 1  # the linter already fires there: a change could not show
            continue
        outcomes.append(evaluate(site, mut))
    return KindResult(kind, len(sites), skipped, tuple(outcomes))


def run(paths: list[str], kinds: tuple[str, ...], per_kind: int, seed: int) -> dict[str, KindResult]:
    config = Config()
    reports = [Report(p, config) for p in paths]
    return {kind: run_kind(reports, kind, per_kind, seed) for kind in kinds}


def table(results: dict[str, KindResult]) -> str:
    lines = [
        "| kind of error | sites found | tried | skipped | detected | rate | new findings elsewhere | rules that found it |",
        "|---|---|---|---|---|---|---|---|",
    ]
    tot_n = tot_d = tot_e = 0
    for kind, res in results.items():
        outs = res.outcomes
        n, d = len(outs), sum(o.detected for o in outs)
        e = sum(len(o.elsewhere) for o in outs)
        rules = sorted({r for o in outs for r in o.hits})
        rate = f"{d / n:.0%}" if n else "–"
        lines.append(f"| {kind} | {res.sites} | {n} | {res.skipped} | {d} | {rate} | {e} | {', '.join(rules) or '–'} |")
        tot_n, tot_d, tot_e = tot_n + n, tot_d + d, tot_e + e
    rate = f"{tot_d / tot_n:.0%}" if tot_n else "–"
    lines.append(f"| **all** | | {tot_n} | | {tot_d} | {rate} | {tot_e} | |")
    return "\n".join(lines)


def as_json(results: dict[str, KindResult]) -> dict:
    return {
        kind: {
            "sites": res.sites,
            "tried": len(res.outcomes),
            "skipped": res.skipped,
            "detected": sum(o.detected for o in res.outcomes),
            "elsewhere": sum(len(o.elsewhere) for o in res.outcomes),
            "cases": [{
                "file": os.path.basename(o.mutation.path), "line": o.line, "offset": o.mutation.start,
                "change": o.mutation.note, "detected": o.detected, "rules": list(o.hits),
                "elsewhere": [list(e) for e in o.elsewhere],
            } for o in res.outcomes],
        } for kind, res in results.items()
    }


def main(argv: list[str] | None = None) -> int:
    a, kinds = arguments(__doc__.splitlines()[0], KINDS, 40, argv)
    if a.files:
        paths = sorted(a.files)
    elif os.path.isdir(a.corpus):
        paths = sorted(os.path.join(a.corpus, n) for n in os.listdir(a.corpus) if n.endswith((".txt", ".md")))
    else:
        print(f"no corpus at {a.corpus}", file=sys.stderr)
        return 2
    results = run(paths, kinds, a.per_kind, a.seed)
    if a.json:
        print(json.dumps(as_json(results), ensure_ascii=False, indent=2))
        return 0
    print(f"Independent mutation probe: {len(paths)} reports, seed {a.seed}, up to {a.per_kind} mutations per kind\n")
    print(table(results))
    if a.v:
        print()
        for kind, res in results.items():
            for o in res.outcomes:
                m = o.mutation
                where = f"{os.path.basename(m.path)}:{o.line}"
                if not o.detected:
                    print(f"  missed    {kind:16s} {where} {m.note}")
                for code, line, msg in o.elsewhere:
                    print(f"  elsewhere {kind:16s} {where} ({m.note}) → {code} line {line}: {msg[:70]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
