"""Mutation benchmark: inject one known error into a real report, see if it is found.

    python bench/mutation.py [--seed 1] [--per-kind 20] [--corpus ../shared/corpus]
                             [--kinds sum,rate,…] [--json] [-v]

For every kind of error below, the sites where such an error can be made are
chosen from the facts the linter itself extracts from the *unmutated* report
(breakdowns, quantities, markers, years, dates, profile), and only where the
original is consistent there (a breakdown that adds up, a rate its own figures
give, a grade in its score's band …), so every mutation is a real error of its
kind. ``--per-kind`` mutations are drawn per kind (fewer when the corpus has
fewer sites), each applied alone to a copy of the report, which is then checked
in-process with :func:`linter.engine.check_text`.

========================  ==============================================  =====================
kind                      what is changed                                 categories that count
========================  ==============================================  =====================
sum                       one digit of one part of a 其中/合计 breakdown    arithmetic
unit                      万元 → 元 on a figure of a breakdown             unit, arithmetic
rate                      one digit of a % that its paragraph/row figures  ratio
                          give (a/b×100), not a bound (不足 r%, r% 以上)
score                     a total-like score (≥ 60 分) → 101–109 分, not    score
                          a ceiling (加分后总分不能超过 100 分)
grade                     the grade after a score → a grade of another    grade
                          band (优 ≥ 90, 良 80–89, 中 60–79, 差 < 60), not a
                          count of things graded (等级为“中”有 5 个)
year                      the evaluated year in a clause about the        year
                          evaluation itself (…年度…绩效自评) → ±1
date-impossible           a full date → 2月30日, 4月31日 …                  date
date-late                 a date of something done → after 填报日期         date
placeholder               the unit's name → （单位名称） / XX单位 / ×××     placeholder
list-dup                  a list marker k → k−1 (a number twice)          structure
list-skip                 the last marker of a list k → k+1 (a gap)       structure
========================  ==============================================  =====================

A **rate** site is a percentage labelled as a rate (…率, …比…, 占…) that two
figures of the same kind in its paragraph (or table row) give, each figure
standing for what the linter takes it to stand for (:func:`linter.arith.interval_of`:
amounts and decimals ±½ unit of their last digit, counts and whole scores
exactly — a score of 2 分 is two points, not anything from 1.5 to 2.5). Not
sites: a percentage written as a bound (完成率不足 100%, 90% 以上, ≥ 80%), which
is no value of the rate, and any percentage that no pair of figures gives —
with whole scores read as ±½, "1 分 ÷ 2 分" gave every rate from 20 % to 100 %,
so weights (分别占 40%) and rates the report says it cannot confirm were
counted as rates its figures give. Which pair it is and what the rate is
called is left to the linter: a site is not dropped because its figures' names
are ambiguous.

A **list** site is a marker at the start of a paragraph (not 第一…) whose previous
paragraph-start marker of the same style is one less: list-dup writes k−1 for
k ≥ 2 (k−1 twice), list-skip writes k+1 where the next paragraph-start marker of
that style is a 1 or there is none (the list ends there, so k is missing).
"The list ends" is read from the markers alone, not from the linter's outline:
a list interrupted by a nested list of its own style ((二), a nested (一)…(五),
then (三) (四)) looks as if it ended at (二), and the skip makes (一) (三) …
(三) (四) — still one wrong number, which the linter must report once, at the
change, and nothing at the later (三) (四).

A mutation is **detected** when a finding of a fitting category lies on, or has
a related place on, the mutated paragraph (for a table cell: its row). A finding
is **new elsewhere** when the unmutated report has no finding of the same rule
at the same (shifted) place and it touches neither the mutated paragraph nor
its row: those are the false alarms a single error provokes. Reproducible:
the same ``--seed`` and ``--per-kind`` give the same mutations.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import defaultdict
from decimal import Decimal
from typing import Callable, Iterator

import attrs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from linter.arith import UNIT_FACTORS, Interval, interval_of, stated, total  # noqa: E402
from linter.config import Config  # noqa: E402
from linter.document import Document  # noqa: E402
from linter.engine import check_source  # noqa: E402
from linter.readers import read_path  # noqa: E402
from linter.source import Source  # noqa: E402

FITTING = {
    "sum": {"arithmetic"},
    "unit": {"unit", "arithmetic"},
    "rate": {"ratio"},
    "score": {"score"},
    "grade": {"grade"},
    "year": {"year"},
    "date-impossible": {"date"},
    "date-late": {"date"},
    "placeholder": {"placeholder"},
    "list-dup": {"structure"},
    "list-skip": {"structure"},
}
KINDS = tuple(FITTING)


@attrs.frozen
class Mutation:
    kind: str
    path: str
    start: int  # original offsets of the replaced text
    end: int
    new: str
    region: tuple[int, int]  # original offsets of the mutated paragraph (or table row)
    note: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end:]

    @property
    def delta(self) -> int:
        return len(self.new) - (self.end - self.start)

    def shift(self, offset: int) -> int:
        """Where an original offset is in the mutated text."""
        return offset + self.delta if offset >= self.end else offset


# --- what a report offers ----------------------------------------------------


class Report:
    """An unmutated report: its text, facts, and its findings."""

    def __init__(self, path: str, config: Config):
        self.path = path
        self.config = config
        self.source = read_path(path)
        self.text = self.source.text
        self.doc = Document(self.source, config)
        self.result = check_source(self.source, config)
        # rows of table cells: row id -> (start, end)
        rows: dict[int, list[int]] = {}
        for p in self.doc.paragraphs:
            if p.kind == "cell" and p.row is not None:
                r = rows.setdefault(p.row, [p.start, p.end])
                r[0], r[1] = min(r[0], p.start), max(r[1], p.end)
        self.rows = {k: (a, b) for k, (a, b) in rows.items()}

    def region(self, offset: int) -> tuple[int, int]:
        p = self.doc.paragraph_of(offset)
        if p is None:
            return (offset, offset)
        if p.kind == "cell" and p.row in self.rows:
            return self.rows[p.row]
        return (p.start, p.end)

    def has_finding(self, region: tuple[int, int], categories: set[str]) -> bool:
        """The unmutated report already has a fitting finding there: not a clean site."""
        return any(f.category in categories and _touches(f, region) for f in self.result.findings)

    def mutation(self, kind: str, start: int, end: int, new: str, note: str) -> Mutation:
        return Mutation(kind, self.path, start, end, new, self.region(start), note)


def _touches(finding, region: tuple[int, int]) -> bool:
    lo, hi = region
    spans = [finding.span] + [r.span for r in finding.related]
    return any(s.start <= hi and s.end >= lo for s in spans)


def _interval(q) -> Interval:
    iv = stated(q.value, q.precision, exact=q.kind == "count")
    return iv.scale(UNIT_FACTORS.get(q.unit, Decimal(1))) if q.kind == "amount" else iv


def _digit_variants(number: str, precision: int, exact: bool) -> list[tuple[int, str]]:
    """(index, new digit) for changing one digit of ``number`` by at least ten
    units of its last place (one unit for exact counts), never a leading zero."""
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    point = next((i for i, c in enumerate(number) if c in ".．"), len(number))
    out = []
    for i in digits:
        # place value exponent: digits before the point count down to 0
        before = sum(1 for j in digits if i < j < point)
        exp = before if i < point else -sum(1 for j in digits if point < j <= i)
        if not exact and exp < 1 - precision and len(digits) > 1:
            continue
        old = int(number[i])
        for d in range(10):
            if d == old or (d == 0 and i == digits[0] and len(digits) > 1 and i < point):
                continue
            out.append((i, d))
    return out


def _with_digit(number: str, i: int, d: int) -> str:
    c = number[i]
    new = chr(0xFF10 + d) if ord(c) >= 0xFF10 else str(d)
    return number[:i] + new + number[i + 1:]


def _value(number: str) -> Decimal:
    import unicodedata

    folded = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in number)
    return Decimal(folded.replace(",", "").replace("，", "").replace("．", ".").replace(" ", ""))


# --- the kinds ------------------------------------------------------------------


def sites_sum(rep: Report) -> Iterator[Mutation]:
    for b in rep.doc.breakdowns:
        if not b.exhaustive or len(b.parts) < 2:
            continue
        t = _interval(b.total)
        ivs = [_interval(p) for p in b.parts]
        if not t.meets(total(ivs)) or any(iv.meets(t) for iv in ivs):
            continue
        region = rep.region(b.total.span.start)
        if rep.has_finding(region, FITTING["sum"]):
            continue
        for k, p in enumerate(b.parts):
            if p.negative:
                continue
            s = p.number_span
            number = rep.text[s.start:s.end]
            for i, d in _digit_variants(number, p.precision, p.kind == "count"):
                new = _with_digit(number, i, d)
                v = _value(new)
                new_iv = stated(v, p.precision, exact=p.kind == "count")
                if p.kind == "amount":
                    new_iv = new_iv.scale(UNIT_FACTORS.get(p.unit, Decimal(1)))
                others = ivs[:k] + [new_iv] + ivs[k + 1:]
                if t.meets(total(others)):
                    continue
                yield rep.mutation("sum", s.start, s.end, new, f"part {number} → {new}")


def sites_unit(rep: Report) -> Iterator[Mutation]:
    seen = set()
    for b in rep.doc.breakdowns:
        t = _interval(b.total)
        ivs = [_interval(p) for p in b.parts]
        if not b.exhaustive or len(b.parts) < 2 or not t.meets(total(ivs)) or any(iv.meets(t) for iv in ivs):
            continue
        region = rep.region(b.total.span.start)
        if rep.has_finding(region, FITTING["unit"]):
            continue
        for q in (b.total, *b.parts):
            if q.kind != "amount" or q.unit != "万元" or q.span in seen or q.value == 0:
                continue
            seen.add(q.span)
            written = rep.text[q.number_span.end:q.span.end]
            k = written.find("万元")
            if k < 0:
                continue
            at = q.number_span.end + k
            yield rep.mutation("unit", at, at + 2, "元", f"{rep.text[q.span.start:q.span.end]} → 元")


RATE_LABEL = re.compile(r"率|比|占")
# a percentage written as a bound, not as the value of a rate: 完成率不足 100%, 达 90% 以上
BOUND_BEFORE = re.compile(r"(?:不足|不到|未达到?|低于|小于|少于|高于|大于|超过|不低于|不少于|不超过|不高于|[<>＜＞≤≥≦≧])\s*$")
BOUND_AFTER = re.compile(r"^\s*(?:以上|以下|以内|左右)")


def sites_rate(rep: Report) -> Iterator[Mutation]:
    doc = rep.doc
    by_region: dict[tuple[int, int], list] = defaultdict(list)
    for q in doc.quantities:
        by_region[rep.region(q.span.start)].append(q)
    for region, qs in sorted(by_region.items()):
        bases = [q for q in qs if q.kind in ("amount", "count", "score") and q.value > 0]
        for q in qs:
            if q.kind != "percent" or not RATE_LABEL.search(q.raw_label or "") or q.value <= 0:
                continue
            p = doc.paragraphs[q.para]
            i, j = p.index_of(q.span.start), p.index_of(q.span.end)
            if BOUND_BEFORE.search(p.text[max(0, i - 4):i]) or BOUND_AFTER.match(p.text[j:j + 3]):
                continue
            ratios = []
            for a in bases:
                for b in bases:
                    if a is b or a.kind != b.kind or (a.kind == "count" and a.unit != b.unit):
                        continue
                    r = interval_of(a).divide(interval_of(b))
                    if r is not None:
                        ratios.append(r.scale(Decimal(100)))
            iv = stated(q.value, q.precision)
            if not any(r.meets(iv) for r in ratios):
                continue
            if rep.has_finding(region, FITTING["rate"]):
                continue
            s = q.number_span
            number = rep.text[s.start:s.end]
            for i, d in _digit_variants(number, q.precision, False):
                new = _with_digit(number, i, d)
                new_iv = stated(_value(new), q.precision)
                if any(r.meets(new_iv) for r in ratios):
                    continue
                yield rep.mutation("rate", s.start, s.end, new, f"{q.raw_label} {number}% → {new}%")


SCALE_WORDS = re.compile(r"满分|分值|权重|总分值|标准分")
RANGE_NEAR = re.compile(r"[\[(（～~至到\-—]")
RANGE_AFTER = re.compile(r"\s*(?:[～~至到\-—)\]）]|以上|以下|及以上|\(含|（含)")
# a ceiling the scheme sets (加分后总分不能超过 100 分), not a score given: raising it is no error
CEILING_BEFORE = re.compile(r"(?:不能超过|不得超过|不超过|不高于|最多|最高|上限为?|封顶)\s*$")


def sites_score(rep: Report) -> Iterator[Mutation]:
    for q in rep.doc.quantities:
        if q.kind != "score" or not 60 <= q.value <= 100 or SCALE_WORDS.search(q.raw_label or ""):
            continue
        p = rep.doc.paragraphs[q.para]
        i, j = p.index_of(q.span.start), p.index_of(q.span.end)
        if RANGE_NEAR.search(p.text[max(0, i - 2):i]) or RANGE_AFTER.match(p.text[j:j + 4]):
            continue  # a band or a range (优[90分～100分), 60分以下), not a score given
        if CEILING_BEFORE.search(p.text[max(0, i - 8):i]):
            continue
        region = rep.region(q.span.start)
        if rep.has_finding(region, FITTING["score"]):
            continue
        s = q.number_span
        number = rep.text[s.start:s.end]
        for extra in range(1, 10):
            new = str(100 + extra) + (("." + "0" * q.precision) if q.precision else "")
            yield rep.mutation("score", s.start, s.end, new, f"{number} 分 → {new} 分")


GRADE_RE = re.compile(r"(?:等级|等次|评级|级别|评价结果|结果)\s*(?:为|是|:|：|评定为|确定为)?\s*[“\"「‘']?(优秀|良好|中等|较差|优|良|中|差)")
BANDS_1 = ("优", "良", "中", "差")
BANDS_2 = ("优秀", "良好", "中等", "较差")


def _band(score: Decimal) -> int:
    return 0 if score >= 90 else 1 if score >= 80 else 2 if score >= 60 else 3


# a grade that counts things graded (等级为“中”有 5 个, 等级为良的项目 3 个) or whose clause counts
# what it grades (48 个项目评价等级为“优”): another matter than the report's own grade
COUNTED_AFTER = re.compile(r"[”\"」’']?\s*(?:有\s*\d|的?(?:项目|单位)?\s*[(（]?\s*\d+\s*个)")
COUNTED_BEFORE = re.compile(r"\d+\s*个")


def sites_grade(rep: Report) -> Iterator[Mutation]:
    doc = rep.doc
    for p in doc.paragraphs:
        for m in GRADE_RE.finditer(p.text):
            word = m.group(1)
            names = BANDS_1 if len(word) == 1 else BANDS_2
            # the total score nearest before the grade, in the paragraph
            scores = [q for q in doc.quantities if q.para == p.index and q.kind == "score"
                      and 0 <= q.value <= 100 and p.index_of(q.span.end) <= m.start(1)
                      and not SCALE_WORDS.search(q.raw_label or "")]
            if not scores or names.index(word) != _band(scores[-1].value):
                continue
            if COUNTED_AFTER.match(p.text, m.end(1)) or COUNTED_BEFORE.search(
                    p.text, max(p.text.rfind(c, 0, m.start()) for c in "，,；;。") + 1, m.start()):
                continue  # 8 个项目评价等级为“优”, 等级为“中”有 5 个: a count of things graded, not the total's
            span = p.span(m.start(1), m.end(1))
            region = rep.region(span.start)
            if rep.has_finding(region, FITTING["grade"]):
                continue
            for other in names:
                if other != word:
                    yield rep.mutation("grade", span.start, span.end, other,
                                       f"{scores[-1].value} 分, {word} → {other}")


SELF_WORDS = re.compile(r"自评|自我评价|绩效评价|评价报告")
# a year of something else in the same clause: a scoring system's edition, a target table,
# a notice, a review's follow-up
OTHER_WORDS = re.compile(r"指标|体系|目标|通知|复核|整改|办法|方案")


def sites_year(rep: Report) -> Iterator[Mutation]:
    doc = rep.doc
    prof = doc.profile
    if prof.year is None:
        return
    for y in doc.years:
        if y.year != prof.year or (prof.year_span is not None and y.span.start <= prof.year_span.start < y.span.end):
            continue
        p = doc.paragraphs[y.para]
        i = p.index_of(y.span.end)
        clause = re.match(r"[^，,。；;!?！？]*", p.text[i:]).group(0)[:40]
        if not SELF_WORDS.search(clause) or OTHER_WORDS.search(clause):
            continue
        before = p.text[: p.index_of(y.span.start)]
        if before.count("《") > before.count("》"):
            continue  # inside a title of another document
        region = rep.region(y.span.start)
        if rep.has_finding(region, FITTING["year"]):
            continue
        digits = re.search(r"\d{4}", rep.text[y.span.start:y.span.end])
        if digits is None:
            continue
        at = y.span.start + digits.start()
        for shift in (-1, 1):
            yield rep.mutation("year", at, at + 4, str(prof.year + shift), f"{prof.year} → {prof.year + shift}")


_MD = re.compile(r"(\d{1,2})(\s*月\s*)(\d{1,2})")


def sites_date_impossible(rep: Report) -> Iterator[Mutation]:
    for d in rep.doc.dates:
        if d.day is None:
            continue
        written = rep.text[d.span.start:d.span.end]
        m = _MD.search(written)
        if m is None:
            continue
        region = rep.region(d.span.start)
        if rep.has_finding(region, FITTING["date-impossible"]):
            continue
        at = d.span.start + m.start()
        for month, day in ((2, 30), (4, 31), (6, 31), (9, 31), (11, 31), (2, 31)):
            if (d.month, d.day) == (month, day):
                continue
            yield rep.mutation("date-impossible", at, d.span.start + m.end(), f"{month}{m.group(2)}{day}",
                               f"{d.month}月{d.day}日 → {month}月{day}日")


DONE_WORDS = re.compile(r"完成|报送|上报|提交|成立|召开|印发|发布|开展|组织|制定|下达|公开")
PLAN_WORDS = re.compile(r"须|需|应|要求|计划|拟|将于|截止|截至|前|以前|之前|期限")


def sites_date_late(rep: Report) -> Iterator[Mutation]:
    prof = rep.doc.profile
    if prof.fill_date is None:
        return
    fy = prof.fill_date[0]
    for d in rep.doc.dates:
        if d.year is None or d.day is None or prof.fill_date_span is not None and d.span.start <= prof.fill_date_span.start < d.span.end:
            continue
        if (d.year, d.month, d.day) >= prof.fill_date:
            continue
        p = rep.doc.paragraphs[d.para]
        i, j = p.index_of(d.span.start), p.index_of(d.span.end)
        clause_before = re.search(r"[^，,。；;：:]*$", p.text[:i]).group(0)
        after = re.match(r"[^。；;]*", p.text[j:]).group(0)[:16]
        if not DONE_WORDS.search(after) or PLAN_WORDS.search(clause_before + after):
            continue
        region = rep.region(d.span.start)
        if rep.has_finding(region, FITTING["date-late"]):
            continue
        written = rep.text[d.span.start:d.span.end]
        digits = re.search(r"\d{4}", written)
        if digits is None:
            continue
        at = d.span.start + digits.start()
        for year in (fy + 1, fy + 2):
            yield rep.mutation("date-late", at, at + 4, str(year), f"{d.year}-{d.month}-{d.day} → {year}, filled {fy}")
        # the same year, a month or two after the report was filled in
        month = re.search(r"(\d{1,2})(\s*月)", written[digits.end():])
        if d.year == fy and month is not None:
            mat = d.span.start + digits.end() + month.start(1)
            for bump in (1, 2):
                if prof.fill_date[1] + bump <= 12:
                    new_month = prof.fill_date[1] + bump
                    yield rep.mutation("date-late", mat, mat + len(month.group(1)), str(new_month),
                                       f"{d.year}-{d.month}-{d.day} → {d.year}-{new_month}-{d.day}, filled {prof.fill_date}")


PLACEHOLDERS = ("（单位名称）", "XX单位", "×××")


def sites_placeholder(rep: Report) -> Iterator[Mutation]:
    unit = rep.doc.profile.unit
    if not unit or len(unit) < 2:
        return
    span = rep.doc.profile.unit_span
    for m in re.finditer(re.escape(unit), rep.text):
        if span is not None and m.start() == span.start:
            continue  # the place the profile reads the unit from
        region = rep.region(m.start())
        if rep.has_finding(region, FITTING["placeholder"]):
            continue
        for ph in PLACEHOLDERS:
            yield rep.mutation("placeholder", m.start(), m.end(), ph, f"{unit} → {ph}")


_CN = "一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_numeral(n: int) -> str:
    if n < 10:
        return _CN[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens - 1]) + "十" + (_CN[ones - 1] if ones else "")


def renumber(written: str, style: str, ordinal: int) -> str | None:
    if style == "circled":
        return CIRCLED[ordinal - 1] if 1 <= ordinal <= 20 and written.strip() in CIRCLED else None
    if style in ("cn-dun", "paren-cn", "cn-shi", "di"):
        new, n = re.subn(r"[一二三四五六七八九十]+", cn_numeral(ordinal), written, count=1)
    else:
        new, n = re.subn(r"\d+", str(ordinal), written, count=1)
    return new if n else None


def _runs(rep: Report):
    """Markers at the start of paragraphs, with the previous and next of the same style."""
    ms = [m for m in rep.doc.markers if m.at_start and m.style != "di"]
    by_style: dict[str, list] = defaultdict(list)
    for m in ms:
        by_style[m.style].append(m)
    for style, seq in by_style.items():
        for k, m in enumerate(seq):
            prev = seq[k - 1] if k else None
            nxt = seq[k + 1] if k + 1 < len(seq) else None
            yield m, prev, nxt


def sites_list_dup(rep: Report) -> Iterator[Mutation]:
    for m, prev, nxt in _runs(rep):
        if prev is None or prev.ordinal != m.ordinal - 1 or m.ordinal < 2:
            continue
        region = rep.region(m.span.start)
        if rep.has_finding(region, FITTING["list-dup"]):
            continue
        written = rep.text[m.span.start:m.span.end]
        new = renumber(written, m.style, m.ordinal - 1)
        if new and new != written:
            yield rep.mutation("list-dup", m.span.start, m.span.end, new, f"{written.strip()} → {new.strip()}")


def sites_list_skip(rep: Report) -> Iterator[Mutation]:
    for m, prev, nxt in _runs(rep):
        if prev is None or prev.ordinal != m.ordinal - 1 or (nxt is not None and nxt.ordinal != 1):
            continue
        region = rep.region(m.span.start)
        if rep.has_finding(region, FITTING["list-skip"]):
            continue
        written = rep.text[m.span.start:m.span.end]
        new = renumber(written, m.style, m.ordinal + 1)
        if new and new != written:
            yield rep.mutation("list-skip", m.span.start, m.span.end, new, f"{written.strip()} → {new.strip()}")


SITES: dict[str, Callable[[Report], Iterator[Mutation]]] = {
    "sum": sites_sum,
    "unit": sites_unit,
    "rate": sites_rate,
    "score": sites_score,
    "grade": sites_grade,
    "year": sites_year,
    "date-impossible": sites_date_impossible,
    "date-late": sites_date_late,
    "placeholder": sites_placeholder,
    "list-dup": sites_list_dup,
    "list-skip": sites_list_skip,
}


# --- running ----------------------------------------------------------------


@attrs.frozen
class Outcome:
    mutation: Mutation
    detected: bool
    elsewhere: tuple  # new findings away from the mutation: (rule, line, message)
    hits: tuple  # rules that detected it


def evaluate(rep: Report, mut: Mutation) -> Outcome:
    text = mut.apply(rep.text)
    source = Source(path=rep.path, text=text, kind=rep.source.kind, encoding=rep.source.encoding)
    result = check_source(source, rep.config)
    before = {(f.code, mut.shift(f.span.start)) for f in rep.result.findings}
    lo, hi = mut.region
    region = (lo, hi + mut.delta)
    fitting = FITTING[mut.kind]
    hits, elsewhere = [], []
    for f in result.findings:
        near = _touches(f, region)
        if near and f.category in fitting:
            hits.append(f.code)
        elif not near and (f.code, f.span.start) not in before:
            line, _ = source.line_col(f.span.start)
            elsewhere.append((f.code, line, f.zh))
    return Outcome(mut, bool(hits), tuple(elsewhere), tuple(sorted(set(hits))))


def choose(reports: list[Report], kind: str, n: int, seed: int) -> list[tuple[Report, Mutation]]:
    cands = [(rep, m) for rep in reports for m in SITES[kind](rep)]
    rng = random.Random(f"{seed}:{kind}")
    if len(cands) <= n:
        return cands
    # spread over sites first: one mutation per distinct place before a second one
    by_site: dict[tuple, list] = defaultdict(list)
    for rep, m in cands:
        by_site[(m.path, m.start)].append((rep, m))
    sites = sorted(by_site)
    rng.shuffle(sites)
    chosen = []
    round_ = 0
    while len(chosen) < n:
        for s in sites:
            opts = by_site[s]
            if round_ < len(opts):
                if round_ == 0:
                    rng.shuffle(opts)
                chosen.append(opts[round_])
                if len(chosen) == n:
                    break
        round_ += 1
    return chosen


def run(corpus: str, kinds: tuple[str, ...], per_kind: int, seed: int, files: list[str] | None = None):
    config = Config()
    paths = files or sorted(
        os.path.join(corpus, n) for n in os.listdir(corpus) if n.endswith((".txt", ".md"))
    )
    reports = [Report(p, config) for p in paths]
    out: dict[str, list[Outcome]] = {}
    for kind in kinds:
        out[kind] = [evaluate(rep, m) for rep, m in choose(reports, kind, per_kind, seed)]
    return out


def table(results: dict[str, list[Outcome]]) -> str:
    lines = [
        "| kind of error | mutations | sites | detected | rate | new findings elsewhere | rules that found it |",
        "|---|---|---|---|---|---|---|",
    ]
    tot_n = tot_d = tot_e = 0
    for kind, outs in results.items():
        n = len(outs)
        d = sum(o.detected for o in outs)
        e = sum(len(o.elsewhere) for o in outs)
        sites = len({(o.mutation.path, o.mutation.start) for o in outs})
        rules = sorted({r for o in outs for r in o.hits})
        rate = f"{d / n:.0%}" if n else "–"
        lines.append(f"| {kind} | {n} | {sites} | {d} | {rate} | {e} | {', '.join(rules) or '–'} |")
        tot_n, tot_d, tot_e = tot_n + n, tot_d + d, tot_e + e
    rate = f"{tot_d / tot_n:.0%}" if tot_n else "–"
    lines.append(f"| **all** | {tot_n} | | {tot_d} | {rate} | {tot_e} | |")
    return "\n".join(lines)


def arguments(description: str, kinds: tuple[str, ...], per_kind: int, argv: list[str] | None):
    """The options both mutation benchmarks take, parsed, and the kinds asked for."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--files", nargs="*", help="report files to mutate instead of the corpus")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-kind", type=int, default=per_kind)
    ap.add_argument("--kinds", default=",".join(kinds), help="comma-separated subset of: " + ", ".join(kinds))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", action="store_true", help="list every missed mutation and every new finding elsewhere")
    a = ap.parse_args(argv)
    chosen = tuple(k for k in a.kinds.split(",") if k)
    unknown = [k for k in chosen if k not in kinds]
    if unknown:
        ap.error(f"unknown kinds: {', '.join(unknown)}")
    return a, chosen


def main(argv: list[str] | None = None) -> int:
    a, kinds = arguments(__doc__.splitlines()[0], KINDS, 20, argv)
    if not a.files and not os.path.isdir(a.corpus):
        print(f"no corpus at {a.corpus}", file=sys.stderr)
        return 2
    results = run(a.corpus, kinds, a.per_kind, a.seed, a.files)
    if a.json:
        print(json.dumps({
            kind: {
                "mutations": len(outs),
                "detected": sum(o.detected for o in outs),
                "elsewhere": sum(len(o.elsewhere) for o in outs),
                "cases": [{
                    "file": os.path.basename(o.mutation.path), "offset": o.mutation.start,
                    "change": o.mutation.note, "detected": o.detected, "rules": list(o.hits),
                    "elsewhere": [list(e) for e in o.elsewhere],
                } for o in outs],
            } for kind, outs in results.items()
        }, ensure_ascii=False, indent=2))
        return 0
    print(f"Mutation benchmark: seed {a.seed}, up to {a.per_kind} mutations per kind\n")
    print(table(results))
    if a.v:
        for kind, outs in results.items():
            for o in outs:
                m = o.mutation
                src_line = m.path and _line_of(m)
                if not o.detected:
                    print(f"  missed  {kind:16s} {os.path.basename(m.path)}:{src_line} {m.note}")
                for code, line, msg in o.elsewhere:
                    print(f"  elsewhere {kind:14s} {os.path.basename(m.path)}:{src_line} ({m.note}) → {code} line {line}: {msg[:70]}")
    return 0


def _line_of(m: Mutation) -> int:
    with open(m.path, encoding="utf-8", errors="replace") as fh:
        return fh.read()[: m.start].count("\n") + 1


if __name__ == "__main__":
    raise SystemExit(main())
