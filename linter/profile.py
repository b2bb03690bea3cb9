"""What a report is: its kind, the evaluated year and the unit that wrote it.

Read from the header block (评价年度：… 评价单位：…; with no 评价年度, 预算年度：… / 所属年度：…) and the opening sentence
(现将 2023 年度××整体绩效自我评价报告如下; or ……对 2022 年度××开展了绩效评价工作 / 开展了 2024 年度
××的绩效自评工作 / 较好完成了 2022 年度××绩效自评工作，现将绩效评价情况报告如下; or, with no title, 现将某某市
2023 年度××绩效自评情况报告如下, or 为切实做好 2020 年度××绩效自我评价工作，……现将……报告如下, or a third party's
受某某局委托，……对某某区 2023 年××开展绩效评价，形成本报告, or 本次评价对象为某某县 2022 年度××资金), then the report's own name in its first
lines (a web page's field on a line of its own, 发布时间：… / 点击数：, is no line of the report; the vocabulary JX301 shares: linter/years.py REPORT_NAME; also a form's own name on a line
of its own, 2024 年度某某资金绩效评价表; a name with its year in brackets after it, on the same line,
某某局部门整体支出绩效自评报告（2023 年度）, or on the next, 某某乡部门整体支出绩效自评报告 / （2022 年度）;
a first line naming the evaluation of a year's spending without 报告, 某某馆 2023 年度部门整体支出
绩效自评情况 — a web page's date (发布日期：…), a cover's fields (委托单位：…) or the first table's caption
(表1：) may be run into it, a web page's fields (编辑：…) stand above it;
a file name may have a document site's dash before its extension, ……绩效自评报告 -.docx; a name
with its fund's year first, 某县 2023 年省级……资金转移支付 2023 年度绩效自评报告, has
the year right before the name's end; a name may end in a subtitle in brackets, ……自评报告（2022 年某某
经费）, or run into a copy of itself), falling back to the
notice the report answers (关于开展 2024 年……自评工作的通知 evaluates 2023; 关于开展
2023 年度……的通知 names 2023 itself), and then to a self-evaluation's first sentence telling it done
(根据……要求，我厅认真开展了 2022 年度××绩效自评工作。 / 本部门按要求对 2021 年部门整体支出开展绩效自评).
"""
from __future__ import annotations

import re
from collections import Counter

import attrs

from .normalise import first_lines
from .source import Span
from .years import (
    CLAUSE_STOPS, EVAL_WORD, FORM_FIELDS, FORM_NAME_YEAR, FORM_YEAR, NOTICE_YEAR, REPORT_NAME, TITLE_YEAR, joined_name,
    FUND_PREFIX, SUBTITLE, name_matches, notice_evaluated_year,
)

KINDS = ("self-evaluation", "project-self-evaluation", "external-evaluation", "unknown")

_YEAR_FIELD = re.compile(r"(?:评价|自评|考核)年度\s*[:：]\s*(\d{4})\s*年?")
# …or, with no such field, the form's budget year: 预算年度：2023 年度 / 所属年度：2023 年 (at a line's or a cell's head)
_BUDGET_YEAR_FIELD = re.compile(r"^\s*(?:预算|所属|报告)年度\s*[:：]\s*(\d{4})\s*年?度?\s*(?=$|\s|[（(]|[^\d\s])")
_OPENING = re.compile(r"现将\s*(\d{4})\s*年度?\s*(.{0,60}?)\s*(?:部门|单位)?(整体|项目)(?:支出)?(?:自我)?绩效")
# (the unit may be named between 对 and the year: 对我局 2020 年度部门整体支出进行绩效评价)
_OPENING_DONE = re.compile(
    r"对\s*(?:(?:本|我)(?:单位|部门|局|办|委|院|中心|站|厅|室|校|馆)(?:本级)?\s*)?(\d{4})\s*年度[^。；;!！?？\d]{0,60}?(?:开展|进行|实施)了?"
    r"[^。；;，,]{0,10}?(?:绩效)?(?:自评|自我评价|评价)"
    r"|(?:开展|组织开展|进行|完成)了\s*(\d{4})\s*年度[^。；;!！?？\d]{0,60}?(?:绩效)?(?:自评|自我评价|评价)"
)
# (no title) the report announcing itself with the unit between 现将 and the year: 现将某某市 2023 年度衔接资金
# 绩效自评情况报告如下
_OPENING_UNIT = re.compile(
    r"现将[^\d，,。；;:：、《]{1,15}?(\d{4})\s*年度[^。；;!！?？\d]{0,40}?(?:自评|自我评价|评价)[^。；;!！?？\d]{0,10}?(?:报告|公开|公布)如下"
)
_ANNOUNCES = re.compile(r"现将[^。；;]{0,40}?(?:报告|公布|公开)如下|形成(?:了)?本(?:评价|绩效评价)?报告")
# (no title) a third party's opening, the place before the year: 受某某局委托，某某公司对某某区 2023 年社区服务
# 专项资金开展绩效评价，形成本报告 (announced by _ANNOUNCES after it)
_OPENING_ENTRUSTED = re.compile(
    r"受[^。；;]{1,30}?委托[^。；;]{0,40}?对[^。；;，,\d《]{0,15}?(\d{4})\s*年度?[^。；;!！?？\d]{0,60}?(?:开展|进行|实施)了?[^。；;，,]{0,10}?(?:绩效)?评价"
)
# (no title) this evaluation's object, stated in the opening: 本次评价对象为某某县 2022 年度……项目资金
_OPENING_SCOPE = re.compile(
    r"(?:本次|此次)(?:绩效)?(?:自评|自我评价|评价)的?(?:对象|范围)\s*(?:为|是|[:：])\s*[^，,。；;:：\d《]{0,15}?(\d{4})\s*年度?"
)
# (no title) the purpose of the work, in an opening that then announces the report: 为切实做好 2020 年度
# 部门整体支出绩效自我评价工作，……现将……报告如下
_OPENING_PURPOSE = re.compile(
    r"为了?[\u4e00-\u9fff]{0,4}?做好\s*(\d{4})\s*年度[^。；;!！?？\d]{0,40}?(?:绩效)?(?:自评|自我评价|评价)工作"
)
# (a self-evaluation's first sentence) the year's spending the unit evaluated, 年 or 年度: 本部门按要求对 2021 年部门整体支出
# 开展绩效自评
_OPENING_DONE_YEAR = re.compile(
    r"对\s*(\d{4})\s*年度?[^。；;!！?？\d]{0,30}?(?:整体|项目|预算|资金|支出)[^。；;!！?？\d]{0,20}?(?:开展|进行|实施)了?"
    r"[^。；;，,]{0,6}?(?:绩效)?(?:自评|自我评价)"
)
_SELF_KINDS = ("self-evaluation", "project-self-evaluation")


# a notice's bare N 年 followed by 预算 (关于开展 N 年预算绩效自评工作): may name the budget year evaluated
_NOTICE_BUDGET = re.compile(r"\s*预算")


def _own_name_says(head, year: int) -> bool:
    """A paragraph of ``head`` names the report itself with ``year`` 年度 (2023 年度某某局整体支出
    绩效自评报告, even run into the first sentence): not a cited document's name (inside 《》 or after
    关于开展). Then a notice's bare 关于开展 N 年预算……自评 does not outvote the name: its N is the
    budget year the name gives."""
    for p in head:
        for m in name_matches(TITLE_YEAR, p.text):
            before = p.text[:m.start(1)]
            if (int(m.group(1)) == year and p.text[m.start(1):m.start("gap")].rstrip().endswith("年度")
                    and before.count("《") <= before.count("》") and not re.search(r"关于开展\s*$", before)
                    and not re.search(r"\d{4}\s*年|通知", m.group("gap"))):
                return True
    return False


def _first_sentence(p, m) -> bool:
    """The match ``m`` is in the report's first sentence, its first paragraph (根据……要求，我厅认真开展了 2022
    年度部门预算绩效自评工作。……): in a self-evaluation, the evaluation it opens by telling is its own (an
    evaluation told without 自评 may be another body's, and needs the report announced)."""
    return p.index == 0 and p.kind == "text" and not re.search(r"[。；;!！?？]", p.text[: m.start()])


# The unit at the head of a project's name (西平县交通运输局财政衔接资金项目): the name up to the
# first word that ends an organisation's name; a project's name without one names no unit.
_UNIT_HEAD = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:办公室|委员会|局|中心|院|厅|站)")
# (each label written out: every branch opens with its first character, which the engine scans for)
_UNIT_FIELD = re.compile(r"(?:评价单位|自评单位|填报单位|报告单位|单位名称)\s*(?:\((?:公章|盖章)\))?\s*[:：]\s*([^\s:：(]{2,40})")
# A unit field that holds no name: 填报单位：单位：万元 (the next field's label), a unit of measure.
_NOT_A_NAME = re.compile(r"^(?:单位|部门|名称|单位名称|部门名称|金额单位|计量单位)$|^(?:万元|元|千元|亿元)$")
# 填报日期：2023 年 4 月 28 日 — the date the unit filled in the report.
# (a form's table may lose the 日 when it was read: 填报日期:2022 年 8 月 10 项目名称 …)
# (or written with points, dashes or slashes: 填报日期：2024.3.20)
_FILL_DATE = re.compile(r"(?:填报|填表|报告|报送|上报)(?:日期|时间)\s*[:：]\s*(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})(?:\s*日|(?=\s+\D))"
                        r"|([.\-/])(\d{1,2})\4(\d{1,2})(?![\d.]))")
_DECLARED_UNIT = re.compile(
    r"([\u4e00-\u9fff]{4,30}?(?:办公室|委员会|局|委|部|中心|院|站|所|厅|办))\s*\(以下简称"
)
PLACEHOLDER_UNIT = re.compile(r"^[(（]?\s*(?:单位名称|部门名称|[X×xＸ*＊]{2,}.*)\s*[)）]?$")


@attrs.frozen
class Profile:
    kind: str = "unknown"
    year: int | None = None
    year_span: Span | None = None
    unit: str | None = None
    unit_span: Span | None = None
    # where the year was read: "field" (评价年度：), "opening" (现将 N 年度……), "title" (the
    # report's own name in its first lines), "notice" (关于开展 N 年……通知), "config",
    # "dominant" (N 年度 throughout the text); None when there is no year
    year_from: str | None = None
    # 填报日期 as (year, month, day), and the span of the whole date; None when absent
    fill_date: tuple[int, int, int] | None = None
    fill_date_span: Span | None = None
    # the unit that heads the report's own name, right before the title's year (青山县粮食局 in
    # 青山县粮食局 2024 年度项目支出绩效自评报告): the whole text before the year on the title's line,
    # ending in an organisation's word; None when the year was not read from a title or a sentence,
    # a field, a number or anything else stands there. Not ``unit`` (the unit fields and openings).
    title_unit: str | None = None
    # the date under the unit's name at the report's end (its 落款: 某某县林业局 ⏎ 2024 年 3 月 10 日),
    # as (year, month, day), and its span; None when the report does not end so
    closing_date: tuple[int, int, int] | None = None
    closing_date_span: Span | None = None


def detect(paragraphs, default_year: int | None = None) -> Profile:
    head = first_lines(paragraphs, 40)  # (a table row counts once)
    joined = "\n".join(p.text for p in head)
    kind = _kind(joined)
    if kind == "unknown":
        # an evaluation (its title, or a body with no title page whose team speaks of itself):
        # a third party's only when the text shows one
        body = "\n".join(p.text for p in paragraphs[:200] if p.kind == "text")
        if _EVALUATION.search(joined) or _EVALUATION.search(body):
            kind = _evaluator(joined + "\n" + body)
    year = year_span = year_from = None
    unit = unit_span = None

    for p in head:
        # (each field pattern holds its literal word, 年度 / 单位 / 日期 / (以下简称: a paragraph
        # without it, most of the head, is passed by a fast scan instead of the pattern's)
        m = _YEAR_FIELD.search(p.text) if "年度" in p.text else None
        if m and year is None:
            year, year_span, year_from = int(m.group(1)), p.span(m.start(1), m.end(1)), "field"
        m = _UNIT_FIELD.search(p.text) if "单位" in p.text else None
        if m and unit is None:
            cand = m.group(1).strip()
            if (not PLACEHOLDER_UNIT.match(cand) and not cand.startswith("(") and not _NOT_A_NAME.match(cand)
                    and not p.text.startswith(("：", ":"), m.end(1))):
                unit, unit_span = cand, p.span(m.start(1), m.end(1))
    if year is None:
        for p in head:
            m = _BUDGET_YEAR_FIELD.match(p.text) if "年度" in p.text else None
            if m:
                year, year_span, year_from = int(m.group(1)), p.span(m.start(1), m.end(1)), "field"
                break
    for p in head:
        m = _OPENING.search(p.text)
        if m and re.search(r"\d{4}\s*年", m.group(2)):
            m = None  # 现将 2022 年度、2023 年度……: a report on several years names no one year here
        if m:
            if year is None:
                year, year_span, year_from = int(m.group(1)), p.span(m.start(1), m.end(1)), "opening"
            cand = m.group(2).strip()
            s, e = m.start(2), m.end(2)
            if cand.startswith(("(", "（")) and cand.endswith((")", "）")):
                cand, s, e = cand[1:-1].strip(), s + 1, e - 1
            if m.group(3) == "项目":
                # 现将 N 年某某项目绩效自评报告如下: the project's name, the unit only at its head
                head_unit = _UNIT_HEAD.match(cand)
                cand = head_unit.group(0) if head_unit else ""
                e = s + len(cand)
            if unit is None and cand and not PLACEHOLDER_UNIT.match(cand):
                unit, unit_span = cand, p.span(s, e)
            break
    if unit is None:
        # a body introduced with its short form: 某某县党政办公室（以下简称“县党政办”）
        for p in head:
            m = _DECLARED_UNIT.search(p.text) if "(以下简称" in p.text else None
            if m:
                unit, unit_span = m.group(1), p.span(m.start(1), m.end(1))
                break
    if year is None:
        top = title_lines(head)
        year, year_span = _title_year(top, everything=paragraphs)
        if year is None:
            # a title under a web page's or a cover's lines: a paragraph that is the name alone
            year, year_span = _title_year(head[len(top):], alone=True, everything=paragraphs)
        year_from = "title" if year is not None else None
    if year is None:
        # (no title) an opening that tells the evaluation done and announces the report: ……对 2022 年度某某补贴
        # 使用情况开展了绩效评价工作。现将绩效评价情况报告如下
        for p in head[:8]:
            m = _OPENING_DONE.search(p.text)
            if m and _ANNOUNCES.search(p.text, m.end()) and not _OPENING_DONE.search(p.text, m.end()):
                g = 1 if m.group(1) else 2
                year, year_span, year_from = int(m.group(g)), p.span(m.start(g), m.end(g)), "opening"
                break
            m = _OPENING_PURPOSE.search(p.text)
            if m and _ANNOUNCES.search(p.text, m.end()) and not _OPENING_PURPOSE.search(p.text, m.end()):
                year, year_span, year_from = int(m.group(1)), p.span(m.start(1), m.end(1)), "opening"
                break
            m = _OPENING_ENTRUSTED.search(p.text)
            if m and _ANNOUNCES.search(p.text, m.end()) and not _OPENING_ENTRUSTED.search(p.text, m.end()):
                year, year_span, year_from = int(m.group(1)), p.span(m.start(1), m.end(1)), "opening"
                break
            m = _OPENING_SCOPE.search(p.text)
            if m and not re.search(r"\d{4}\s*年", p.text[m.end():m.end() + 30]) and not _OPENING_SCOPE.search(p.text, m.end()):
                year, year_span, year_from = int(m.group(1)), p.span(m.start(1), m.end(1)), "opening"
                break
            m = _OPENING_UNIT.search(p.text)
            if m and not _OPENING_UNIT.search(p.text, m.end()):
                year, year_span, year_from = int(m.group(1)), p.span(m.start(1), m.end(1)), "opening"
                break
    if year is None:
        for p in head:
            m = NOTICE_YEAR.search(p.text)
            if m:
                year, year_from = notice_evaluated_year(int(m.group(1)), m.group(2)), "notice"
                if m.group(2) == "年" and _NOTICE_BUDGET.match(p.text, m.end()) and _own_name_says(head, int(m.group(1))):
                    year = int(m.group(1))  # 关于开展 N 年预算……自评 under a name that says N 年度: the budget year
                break
    if year is None and kind in _SELF_KINDS:
        # (no title, no notice) a self-evaluation's first sentence telling the evaluation done: ……我厅认真开展了
        # 2022 年度××绩效自评工作。 / 本部门按要求对 2021 年部门整体支出开展绩效自评，……
        for pattern in (_OPENING_DONE, _OPENING_DONE_YEAR):
            m = pattern.search(head[0].text) if head else None
            if m and _first_sentence(head[0], m) and not pattern.search(head[0].text, m.end()):
                g = next(k for k in range(1, pattern.groups + 1) if m.group(k))
                year, year_span, year_from = int(m.group(g)), head[0].span(m.start(g), m.end(g)), "opening"
                break
    if year is None and default_year:
        year, year_from = default_year, "config"
    if year is None:
        year, year_span = _dominant_year(paragraphs)
        year_from = "dominant" if year is not None else None
    fill_date = fill_span = None
    for p in head:
        m = _FILL_DATE.search(p.text) if ("日期" in p.text or "时间" in p.text) else None
        if m:
            fill_date = (int(m.group(1)), int(m.group(2) or m.group(5)), int(m.group(3) or m.group(6)))
            fill_span = p.span(m.start(1), m.end(0))
            break
        m = _FILL_DATE_CN.search(p.text) if ("日期" in p.text or "时间" in p.text) else None
        if m:  # 填报日期：二〇二四年四月八日
            ymd = _cn_ymd(m.group(1), m.group(2), m.group(3))
            if ymd is not None:
                fill_date, fill_span = ymd, p.span(m.start(1), m.end(0))
                break
    title_unit = _title_unit(paragraphs, year_span) if year_from == "title" else None
    closing, closing_span = _closing(paragraphs)
    return Profile(kind, year, year_span, unit, unit_span, year_from, fill_date, fill_span, title_unit,
                   closing, closing_span)


# The date that closes a report, under its unit's name: a line that is only a date, in figures or in
# Chinese numerals (二〇二四年三月十日).
_CLOSING_DATE = re.compile(
    r"\s*(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|([〇零○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日)\s*"
)
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


def _cn_small(t: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 三十一 → 31."""
    if "十" in t:
        tens, _, ones = t.partition("十")
        return (_CN_DIGIT.get(tens, 0) if tens else 1) * 10 + (_CN_DIGIT.get(ones, 0) if ones else 0)
    return _CN_DIGIT.get(t) if len(t) == 1 else None


_FILL_DATE_CN = re.compile(r"(?:填报|填表|报告|报送|上报)(?:日期|时间)\s*[:：]\s*([〇零○一二三四五六七八九]{4})\s*年"
                           r"\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")


def _cn_ymd(y: str, m: str, d: str) -> tuple[int, int, int] | None:
    """A date in Chinese numerals (二〇二四 / 四 / 八) as (2024, 4, 8); None when a part is not a number."""
    month, day = _cn_small(m), _cn_small(d)
    if month is None or day is None:
        return None
    return int("".join(str(_CN_DIGIT[c]) for c in y)), month, day


def _closing(paragraphs) -> tuple[tuple[int, int, int] | None, Span | None]:
    """The 落款 date: among the last paragraphs, one that is only a date right after one that is
    only a unit's name — a unit the report names before (its title, its fields, its text): an annexed
    document at the end (附件：某某通知 … 某某县财政局 ⏎ 2024 年 2 月 1 日) is signed by another."""
    tail = [p for p in paragraphs[-6:] if p.text.strip()]
    for prev, p in zip(tail, tail[1:]):
        m = _CLOSING_DATE.fullmatch(p.text)
        if m is None:
            continue
        name = _UNIT_NAME.fullmatch(re.sub(r"\s*\((?:盖章|公章|章)\)$", "", prev.text.strip()))
        if name is None or not any(name.group(0) in q.text for q in paragraphs[:prev.index]):
            continue
        if m.group(1):
            ymd = int(m.group(1)), int(m.group(2)), int(m.group(3))
            a = m.start(1)
        else:
            ymd = _cn_ymd(m.group(4), m.group(5), m.group(6))
            a = m.start(4)
        if ymd is None:
            continue
        return ymd, p.span(a, len(p.text.rstrip()))
    return None, None


# a unit's name: up to 30 characters ending in a word that ends an organisation's name
_UNIT_NAME = re.compile(
    r"[\u4e00-\u9fff]{2,30}(?:局|中心|办公室|委员会|院|厅|站|馆|所|校|园|办|委|部|处|队|政府|联合会|协会|总工会)"
)


# the words that open a sentence reporting on the unit (现将某某局……报告如下), not part of its name
_SENTENCE_OPENER = re.compile(r"^(?:现将|兹将|特将|现就|现对)")


def _title_unit(paragraphs, span: Span | None) -> str | None:
    """The unit that heads the title: everything before the title's year on its line, when
    that is a unit's name alone (no mark, no figure, no field, no sentence)."""
    if span is None:
        return None
    for p in paragraphs:
        if p.start <= span.start < p.end:
            i = p.index_of(span.start)
            # (a title that is the opening sentence, 现将某某局 N 年度……报告如下: the unit after 现将)
            m = _UNIT_NAME.fullmatch(_SENTENCE_OPENER.sub("", p.text[:i].strip(), count=1))
            if m is None:
                # (a line run into the title's by the normaliser, a page's line above it: the title's own
                # line starts where the original text skips a line break)
                o = p.offsets
                k = next((k for k in range(i - 1, 0, -1) if o[k] != o[k - 1] + 1), 0)
                m = _UNIT_NAME.fullmatch(p.text[k:i].strip()) if k else None
            return m.group(0) if m else None
    return None


# How many of the first paragraphs may hold the report's title (and its name repeated
# under a cover page).
TITLE_LINES = 5

# …or one of a page's fields as a bulleted line, the label with its colon or its value right after it (- 索引号20240930-…,
# - 发布机构某某局, - 有效性有效; a label alone, - 文号, may have its value on the next line, and is not counted);
# with no bullet, the same labels followed by a colon (索引号：…)
_BULLET_FIELD_LINE = re.compile(
    r"\s*(?:[-•·]\s*(?:{0})\s*(?=[^\s])|(?:{0})\s*[:：])[^。；;！？!?]{{0,60}}".format(
        r"(?:信息)?索引号|发布(?:时间|日期|机构|者)|发文(?:机构|日期|字号)|成文日期|公开(?:日期|目录|方式|范围)|文\s*号"
        r"|有效性|时效性|主题分类|(?:信息)?来源|作者|(?:责任)?编辑|更新(?:时间|日期)|浏览(?:次数|量)|点击(?:数|量)")
)

# a line that is one of a web page's fields about the page, and nothing of the report: 发布时间：2023-03-17,
# 编辑：某某, 点击数：, 来源：某某局, 当前位置：首页 > …, 字体：大 中 小 (at most one short value after the label)
_PAGE_FIELD_LINE = re.compile(
    r"\s*(?:当前位置|您的位置|所在位置|(?:信息)?来源|作者|(?:责任)?编辑|发布(?:时间|日期|机构|者)|更新(?:时间|日期)|访问量|浏览(?:次数|量)"
    r"|点击(?:数|量|率)|阅读(?:次数|量)|字体(?:大小)?|字号|日期|分享(?:到)?)\s*[:：][^。；;！？!?]{0,60}"
    r"|\s*(?:语音播报|打印本页|关闭窗口)\s*"  # (a page's buttons, a word alone on its line)
)


def title_lines(head):
    """The title lines: the first TITLE_LINES lines of the report, where a line that is a web
    page's field (发布时间：…, 点击数：, 来源：…) does not count — a page's fields between its title and the
    report's first lines do not push the report's own name out of them."""
    extra = 0
    while True:
        top = first_lines(head, TITLE_LINES + extra)
        fields = sum(1 for p in top if p.kind == "text" and _page_field(p.text))
        if fields <= extra or len(top) == len(head):
            return top
        extra = fields


def _page_field(text: str) -> bool:
    """The line ``text`` is one of a web page's fields about the page (plain or bulleted)."""
    return bool(_PAGE_FIELD_LINE.fullmatch(text) or _BULLET_FIELD_LINE.fullmatch(text))


# before a name that is not the report's title: 附件 2：2023 年度……报告 lists an attachment,
# 名称：…… is a web page's field
_NOT_TITLE_HEAD = re.compile(r"[:：]|附件|附表")
# what may follow a title on its line: a file extension left by a download
# (or a subtitle in brackets: ……自评报告（2021 年城乡临时救助备用金）)
_TITLE_TAIL = re.compile(SUBTITLE + r"\s*(?:(?:[-_－]\s*)?\.(?:docx?|pdf|wps))?\s*", re.IGNORECASE)


def _title_year(paragraphs, alone: bool = False, everything=()) -> tuple[int | None, Span | None]:
    """The year on the report's own name in its first lines (2023 年度某某局整体支出绩效
    自评报告, …绩效自评总结报告, …绩效评价报告): not a cited document's (inside 《》 or
    after 关于开展). With ``alone``, only a paragraph that is the name and nothing more
    (at most 60 characters, ending with the name). A name broken over short lines
    (2023 年度某某局 / 部门整体支出 / 绩效自评报告) is read as one line (``everything``: all
    the report's paragraphs, to read the lines that follow)."""
    for p in paragraphs:
        if alone and p.kind != "text":
            continue
        text = p.text
        if everything and not TITLE_YEAR.search(text) and everything[p.index] is p:
            text = joined_name(everything, p.index)
        for m in name_matches(TITLE_YEAR, text):
            if m.start(1) >= len(p.text):
                break  # the year is on a later line
            if alone and (m.end() > 60 or not (_TITLE_TAIL.fullmatch(text, m.end()) or _copy_follows(text, m))
                          or _NOT_TITLE_HEAD.search(text, 0, m.start(1))):
                continue  # (the name alone, at most 60 characters; or run into a copy of itself)
            before = text[: m.start(1)]
            if before.count("《") > before.count("》") or re.search(r"关于开展\s*$", before):
                continue
            if re.search(r"\d{4}\s*年", before) and re.search(r"\d", FUND_PREFIX.sub("", before)):
                continue  # (a year before the name other than its fund's: 我馆已于 2023 年 4 月报送 2022 年度……报告)
            if re.search(r"\d{4}\s*年?度?\s*(?:[-—–~～至到、和及与]|以及)\s*$", before):
                continue  # 2020—2022 年度……绩效评价报告, 2022 年度、2023 年度……: a report on several years names no one year
            if re.search(r"\d{4}\s*年|通知", m.group("gap")):
                continue  # another year's report, or a notice's name
            return int(m.group(1)), p.span(m.start(1), m.end(1))
        if not alone:
            m = FORM_YEAR.search(p.text)
            if m and p.text[: m.start(1)].count("《") <= p.text[: m.start(1)].count("》"):
                return int(m.group(1)), p.span(m.start(1), m.end(1))
            # the first line naming the evaluation of a year's spending, without 报告 (某某馆 2023 年度部门整体
            # 支出绩效自评 / ……自评情况 / ……自评结果公开)
            # (a web page's date may be run into it: ……绩效自评 / 发布日期：2025-03-19 read as one paragraph;
            # or the first table's caption, 表1：, on the line after it)
            # (or the evaluation work of the year told, 某某会 2023 年度绩效评价工作开展情况)
            first = everything and everything[p.index] is p and all(
                _page_field(q.text) for q in everything[:p.index])
            m = next((c for c in ((_PLAIN_TITLE.match(p.text), _WORK_TITLE.match(p.text)) if first else ())
                      if c and (c.end() == len(p.text) or _PAGE_FIELD_AFTER.match(p.text, c.end())
                                or _COVER_FIELD_AFTER.match(p.text, c.end())
                                or _CAPTION_AFTER.fullmatch(p.text, c.end()))), None)
            if (m
                    and not _NOT_TITLE_HEAD.search(p.text, 0, m.start(1)) and not re.search(r"\d{4}\s*年", m.group("gap") or "")
                    and not _SENTENCE_HEAD.match(p.text)):
                return int(m.group(1)), p.span(m.start(1), m.end(1))
            # the form's own name as the title, on a line of its own (2024 年度某某资金绩效评价表), with
            # no sentence before it (not 我局于 3 月填报了 2024 年度……评价表; the fund's 中央对地方 is no sentence's 对)
            for m in FORM_NAME_YEAR.finditer(p.text):
                if ((_TITLE_TAIL.fullmatch(p.text, m.end()) or _FORM_FIELDS.match(p.text, m.end()))
                        and not _NOT_TITLE_HEAD.search(p.text, 0, m.start(1))
                        and not re.search(r"[。，,；;了于对将已把被]|\d{4}\s*年", p.text[: m.start(1)] + m.group("gap").replace("中央对地方", ""))
                        and "《" not in p.text[: m.start(1)]):
                    return int(m.group(1)), p.span(m.start(1), m.end(1))
        # the year in brackets on the line after the name: 某某局部门整体支出绩效自评报告 / （2022 年度）(also under a
        # cover's or a web page's lines, read ``alone``)
        m = _YEAR_LINE.fullmatch(p.text)
        if m and everything and p.index > 0 and everything[p.index] is p:
            prev = everything[p.index - 1]
            name = prev.text
            dated = list(_PAGE_DATE.finditer(name))
            if dated:
                name = name[dated[-1].end():]  # (a web page's fields, its date last, run into the name)
            # (or a table's first rows, the name and then its year, each the one cell of its row: 就业补助资金绩效自评表 |
            # (2024 年度) | 转移支付（项目）名称 | ……)
            lone = prev.kind == p.kind == "cell" and _lone_cell(everything, prev) and _lone_cell(everything, p)
            if (prev.kind == "text" or lone) and re.search(rf"{REPORT_NAME}\s*$|{EVAL_WORD}[^{CLAUSE_STOPS}]{{0,6}}?表\s*$", name) \
                    and not re.search(r"\d{4}\s*年", name) and not _NOT_TITLE_HEAD.search(name):
                return int(m.group(1)), p.span(m.start(1), m.end(1))
    return None, None


def _lone_cell(everything, p) -> bool:
    """The table cell ``p`` is the one cell of its row (a table's title row)."""
    return all(q.kind != "cell" or q.row != p.row
               for q in everything[max(0, p.index - 1):p.index + 2] if q is not p)


# a web page's date field: 发布日期：2023 年 10 月 19 日 / 发布时间：2024-03-14 10:20
_PAGE_DATE = re.compile(
    r"(?:发布|更新|成文|发文)(?:时间|日期)\s*[:：]\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)


def _copy_follows(text, m) -> bool:
    """The name ``m`` run into another name that ends the paragraph (a page's title and the
    document's, on one line: 某某局 2022 年度项目支出绩效自评报告 2022 年度项目支出绩效自评报告（……）):
    the first is the title, the second a copy JX301 checks against it."""
    n = TITLE_YEAR.match(text, m.end() + len(text[m.end():]) - len(text[m.end():].lstrip()))
    return n is not None and bool(_TITLE_TAIL.fullmatch(text, n.end()))


# a first line that names the evaluation of a year's spending, not its report
_PLAIN_TITLE = re.compile(
    rf"[^{CLAUSE_STOPS}《]{{0,30}}?(\d{{4}})\s*年度?(?P<gap>[^{CLAUSE_STOPS}]{{0,30}}?(?:整体|支出|项目|资金)"
    rf"[^{CLAUSE_STOPS}]{{0,10}}?)?(?:绩效自评|自我评价|绩效评价)(?:情况|结果)?(?:公开|公示)?\s*"
)
# …or the year's evaluation work told, the unit between (年度, not 年: 2024 年……工作 may be the round held in 2024)
_WORK_TITLE = re.compile(
    rf"[^{CLAUSE_STOPS}《]{{0,30}}?(\d{{4}})\s*年度(?P<gap>[^{CLAUSE_STOPS}《》]{{0,30}}?)(?:绩效自评|自我评价|绩效评价)工作(?:开展)?情况\s*"
)
# a web page's field about the page, run into a plain title that ends its line: 发布日期：2025-02-10
_PAGE_FIELD_AFTER = re.compile(r"\s*(?:(?:发布|更新|发表|公开|成文)?(?:日期|时间)|(?:信息)?来源|作者)\s*[:：]")
# (a cover's fields run into it: ……财政支出绩效评价 委托单位：某某局 评价机构：……)
_COVER_FIELD_AFTER = re.compile(r"\s*(?:委托|预算|评价|项目|实施|主管)(?:单位|部门|机构)\s*[:：]")
# …or the caption of the first table, on the next line, read as the title's hard-wrapped rest: 表1：
_CAPTION_AFTER = re.compile(r"\s*(?:附)?表\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[:：]?\s*")
_FORM_FIELDS = FORM_FIELDS  # a form's header fields run into its name on the first line
# …and that is no sentence cut short (根据 2023 年度……绩效评价 / 对 2023 年度……)
_SENTENCE_HEAD = re.compile(r"\s*(?:根据|按照|依据|为了?|对|关于|通过|在|开展|做好|组织|完成|我|本)")
# a line that is a year in brackets and nothing more: （2022 年度）
_YEAR_LINE = re.compile(r"\s*[(（]?\s*(\d{4})\s*年度?\s*[)）]\s*")


_YEAR_OF_WORK = re.compile(r"(\d{4})\s*年度")


def _dominant_year(paragraphs) -> tuple[int | None, Span | None]:
    """A report with no header (an evaluation's body text) names its year by
    speaking of "2024年度" throughout: take the year when it is at least three
    mentions and two thirds of all "NNNN年度" mentions."""
    counts: Counter = Counter()
    first: dict[int, Span] = {}
    for p in paragraphs:
        for m in (_YEAR_OF_WORK.finditer(p.text) if "年度" in p.text else ()):  # (most paragraphs have none)
            y = int(m.group(1))
            counts[y] += 1
            first.setdefault(y, p.span(m.start(1), m.end(1)))
    if not counts:
        return None, None
    year, n = counts.most_common(1)[0]
    if n >= 3 and n * 3 >= 2 * sum(counts.values()):
        return year, first[year]
    return None, None


# An evaluation report, whoever wrote it.
_EVALUATION = re.compile(r"绩效评价报告|评价报告|评价小组|评价组|本次评价|评价机构")
# A third party doing the evaluation: an evaluation body or firm, an entrustment, the firm
# speaking of itself.
_FIRM = re.compile(r"评价机构|事务所|受[^。；;，,]{1,30}?委托|[我本](?:公司|所)(?![属有在])")
# An evaluation team, which may be the unit's own: 评价小组, 评价工作组, 本次评价.
_TEAM = re.compile(r"评价(?:工作)?(?:小)?组|本次评价")
# The evaluated unit speaking of itself: 我单位, 我局, 我院, 本单位 … (not 我国 / 我市, which
# anyone in the place may write, nor 我所, which is a firm's).
_FIRST_PERSON = re.compile(r"我(?:单位|部门|局|办|委|院|中心|站|厅|室|校|馆|会|部)|本(?:单位|部门|局|院|馆|中心)")


def _evaluator(text: str) -> str:
    """The kind of an evaluation report that does not call itself a 自评: external when a
    firm or an entrustment is named, or when an evaluation team speaks and the unit never
    speaks in the first person; the unit's own (self-evaluation) when it speaks of itself
    as 我单位 / 我局 / 本单位……; otherwise unknown (部门整体支出绩效评价报告 with neither)."""
    if _FIRM.search(text):
        return "external-evaluation"
    first = _FIRST_PERSON.search(text)
    if _TEAM.search(text) and first is None:
        return "external-evaluation"
    return "self-evaluation" if first is not None else "unknown"


def _kind(text: str) -> str:
    # a report that calls itself 整体（支出）绩效自评/自我评价 is one, even when it
    # later names the 项目支出绩效自评 forms its team filled in
    if re.search(r"整体(?:支出)?(?:绩效)?(?:自评|自我评价)", text):
        return "self-evaluation"
    if re.search(r"项目支出绩效自评|项目绩效自评", text):
        return "project-self-evaluation"
    if re.search(r"自评|自我评价", text):
        # a title naming a project or a fund and not the whole department: that project's
        # self-evaluation (2024 年度衔接资金绩效评价自评报告), not the 部门整体 kind
        if _PROJECT_TITLE.search(text.split("\n", 1)[0]) and "整体" not in text.split("\n", 1)[0]:
            return "project-self-evaluation"
        return "self-evaluation"
    return "unknown"


_PROJECT_TITLE = re.compile(r"项目|专项|资金")


def common_year(years) -> int | None:
    counts = Counter(y.year for y in years)
    return counts.most_common(1)[0][0] if counts else None
