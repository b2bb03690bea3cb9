"""Scores and grades stated in a report's prose.

Shared by the score rules (JX202–JX206):

- :func:`total_scores` — the report's total score wherever it is stated
  (自评得分为 96 分, 综合得分, 评价得分为 78.26 分, 自评分数是 97 分, a field 自评得分：96 分);
  a field 评价分值：/评价得分： followed on its line by the field 评价等级： (评价分值：88.64分评价等级：良);
  a score right after its own maximum (一、投入(20分,自评得分18分), 投入20分,自评得分20分) is an
  indicator's, unless that maximum is 100 (分值100分,自评得分92分 is the total); 总分100分 with
  a score obtained after it in its sentence (总分100分，自评得分95分) is the maximum;
  a score labelled only as given (评价得分, 考核得分, 合计) is the total when its grade follows it;
- :func:`bare_totals` — a total written without 分 where a grade follows it (自评得分95，等级为优),
  in a sentence, a cover's two lines or a form's cells;
- :func:`grades` — a stated grade (自评等级为优, 评定等级为“中”, 属于“优”等次, 92 分（优）, a form's
  cell 自评等级 | 优); :func:`score_of_grade` the total it goes with; :func:`table_grades` a scoring
  table's total row with its grade column;
- :func:`report_bands` — the bands the report states (90 分（含）以上为优 …), else ``Config.grade_bands``;
  :func:`grade_bands` — those on the report's own scale (:func:`full_mark`: 满分 150 分, 10 分制), also from
  bands stated as score rates (得分率 90%（含）以上为优), or none on a scale other than 100 with no bands stated;
- :func:`table_totals` — a whole scoring table's total row (合计 | 100 | 92), for JX202;
- :func:`band` — the grade a score falls in;
- :func:`summaries` and :func:`children` — the section summaries
  (指标分值N分，评价得分M分，得分率R%) with their heading level, and which
  summaries are the direct sub-indicators of which.

Numbers are Decimal; a stated score stands for the interval of its precision
(``linter.arith.stated``); a 分值 (an indicator's weight) is a defined value and exact.
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal

import attrs

from .arith import Interval, parse_number, precision_of, quantize, stated
from .dates import sentence_start
from .facts import Quantity
from .source import Span

# --- total scores ----------------------------------------------------------

# The label right before a score that makes it the report's total.
_TOTAL_LABEL = re.compile(
    r"(?:自评|综合|总体|整体|最终|自我评价|绩效评价|绩效|整体支出评价|再评价)(?:综合|总)?得(?:分(?:为|是)?)?$"
    r"|(?:自评|评价|总)分数?(?:为|是)?$|总分(?:为|是)?$|(?:评价|评定)(?:总体)?得分为$|自评结果为$"
    r"|总得分(?:为|是)?$|得分(?:合计|总计)(?:为|是)?$"
    r"|^(?:本|该)?项目(?:综合|最终)?得分(?:为|是)?$"
    r"|(?:最终|绩效|综合)?评分结果(?:为|是)?$|绩效评分$|(?:最终|综合|总体|整体)评分(?:为|是)?$"
)
# the score obtained against a full mark of 100 stated right before it (总分 100 分，实得 93 分)
_OBTAINED = re.compile(r"(?:^|[^\u4e00-\u9fff])实(?:际)?得(?:分|分数)?(?:为|是)?$")
_WHOLE_MAX = re.compile(r"总分|满分")
# An indicator's own score is not the total: 预算编制自评得分 18 分.
_PART_WORDS = re.compile(r"编制|执行|监督|效益|指标(?!评分表)|产出|效果|满意度|公开|资产|采购|一级|二级|三级|本项(?!目)|该项(?!目)|分项|单项|加分|扣分|减分")


# a label that names no whole: what it scores is said before it
_BARE_LABEL = re.compile(r"^(?:自评|评价)?得?分(?:为|是)?$|^自评得分(?:为|是)?$")
# a clause about an earlier year's result
_LOOK_BACK = re.compile(r"上年|去年|上一年|往年|上期|上轮|以前年度")
_CLAUSE_STOPS = "，。；;,:：!?！？"


def _an_indicators(text: str, i: int, q: Quantity, label: str) -> bool:
    """An indicator's score with a bare label: A产出指标(自评分48分) — the words before the
    parenthesis name an indicator; 执行率100%，自评分10分 — the sentence so far does."""
    if q.depth > 0:
        j = max(text.rfind("(", 0, i), text.rfind("（", 0, i))
        if j > 0:
            k = max(text.rfind(c, 0, j) for c in _CLAUSE_STOPS) + 1
            if _PART_WORDS.search(text[k:j]):
                return True
    if _BARE_LABEL.match(label):
        k = sentence_start(text, i)
        before = text[k:i]
        if _PART_WORDS.search(before) or "率" in before:
            return True
    return False


_CRITERION = re.compile(r"[≥≤><=]|以上|以下|不足|达到|每|不能超过|不得超过|最多|最高")
# what ends a label that states the score reached (自评得分达到 95 分): no criterion's 达到
_REACHED = re.compile(r"(?:得分|总分|评分)(?P<reach>达到?)\s*$")
# a bound of a band or a range after the number (综合得分 85 分（含）以上为优秀, 80-90 分为良)
_BOUND_AFTER = re.compile(r"\s*分?\s*(?:[(（]\s*(?:含|不含)\s*[)）]\s*)?(?:以上|以下|及以上|及以下|以内|[～~至到\-—–])")


def criterion_window(text: str, i: int) -> tuple[int, int]:
    """Where to look for a criterion's words before the number at ``i``: up to 20 characters
    back within its sentence, short of a 达到 that ends its own label (自评得分达到 95 分)."""
    k = max(sentence_start(text, i), i - 20)
    m = _REACHED.search(text, k, i)
    return k, m.start("reach") if m else i


def _is_criterion(text: str, i: int, j: int | None = None) -> bool:
    """A scoring criterion (结果=100%，得10分；…≥90%，得9分) states no result; nor does a band's
    bound (综合得分 85 分（含）以上为优秀, 得分 80 至 90 分为良: the number's ``j`` end is followed by
    以上, 以下, （含）, a dash or 至). Only the number's own sentence counts (…60 分以下为差。本项目
    自评得分 88 分 is a result), and a 达到 that ends the score's own label (自评得分达到 95 分) is none."""
    k, stop = criterion_window(text, i)
    if _CRITERION.search(text, k, stop):
        return True
    return j is not None and _BOUND_AFTER.match(text, j) is not None


def total_scores(doc) -> list[Quantity]:
    """Every statement of the report's total score, in document order (worked out once
    per document: several rules, and JX301 once per year it looks at, ask for them)."""
    found = doc.memo.get("scores.total_scores")
    if found is None:
        found = doc.memo["scores.total_scores"] = tuple(_total_scores(doc))
    return list(found)


def total_scores_in(doc, para: int) -> tuple[Quantity, ...]:
    """The statements of the total score in paragraph ``para``."""
    index = doc.memo.get("scores.total_scores_in")
    if index is None:
        index = {}
        for q in total_scores(doc):
            index.setdefault(q.para, []).append(q)
        index = doc.memo["scores.total_scores_in"] = {k: tuple(v) for k, v in index.items()}
    return index.get(para, ())


_MAX_LABEL = re.compile(r"分值|满分|权重")  # (compiled once: asked at every score)
# 总分 100 分 with no word of a score given or of who gave it: the full mark, not a total obtained
_PLAIN_FULL = re.compile(r"(?:本|该)?(?:项目)?总分(?:为|是)?")


def _total_scores(doc) -> list[Quantity]:
    out = []
    for pf in doc.facts:
        text = pf.para.text
        prev_max = None
        prev = None  # the score right before, whatever its label
        for q in pf.quantities:
            if q.kind != "score":
                continue
            before, prev = prev, q
            label = (q.raw_label.replace(" ", "") or _field_label(pf, q) or _label_above(doc, pf, q)
                     or _cell_label(doc, pf, q) or _clause_label(pf, q))
            if label.endswith(("分达到", "分达")):
                label = label[: label.rindex("达")]  # 自评得分达到 95 分: the score reached
            if (_RESULT_FIELD.search(label) and not _PART_WORDS.search(label)
                    and (_RESULT_GRADE.match(text, pf.para.index_of(q.span.end)) or _grade_field_next(doc, pf))):
                out.append(q)  # 评价分值：105.20分 评价等级：良 — the evaluation's result with its grade
                continue
            if _MAX_LABEL.search(label):
                prev_max = q
                continue
            obtained = (_OBTAINED.search(label) is not None and before is not None and before.sentence == q.sentence
                        and before.value == FULL_MARKS and _WHOLE_MAX.search(before.raw_label) is not None)
            if not (obtained or _TOTAL_LABEL.search(label) or _graded(doc, pf, q, label)) or _PART_WORDS.search(label):
                continue
            if (prev_max is not None and prev_max.sentence == q.sentence and prev_max.value != FULL_MARKS
                    and not _whole_maximum(doc, prev_max)):
                continue  # 指标分值 50 分，评价得分 44.76 分: a section's score
            if (before is not None and before.value != FULL_MARKS and _its_maximum(pf, before, q)
                    and not _whole_maximum(doc, before)):
                continue  # 一、投入(20分,自评得分18分) / 1、投入20分,自评得分20分: an indicator's score
            if q.value == FULL_MARKS and "得" not in label and (_score_follows(pf, q) or _PLAIN_FULL.fullmatch(label)):
                continue  # 总分100分，自评得分95分 / 绩效自评表（总分 100 分）: the maximum
            if q.value < FULL_MARKS and "得" not in label and _PLAIN_FULL.fullmatch(label) and _above_bands(doc, q):
                continue  # 总分为 10 分，9 分（含）以上为优……: the maximum of the bands the report states
            i = pf.para.index_of(q.span.start)
            whole = prev_max is not None and prev_max.sentence == q.sentence and prev_max.value == FULL_MARKS
            if _is_criterion(text, i, pf.para.index_of(q.span.end - 1) + 1) or (
                    not whole and _an_indicators(text, i, q, label)):  # (满分100分，自评得分97分: the whole's)
                continue
            k = max(text.rfind(c, 0, i) for c in _CLAUSE_STOPS) + 1
            if _LOOK_BACK.search(text, k, i):
                continue  # 上年自评得分为 90 分: last year's total, not this report's
            if not _WHOLE_WORDS.search(label) and _under_its_maximum(doc, pf, q):
                continue  # (1)立项依据充分性(2分) ⏎ ……自评得2分: the sub-item's score
            out.append(q)
    return out


def _above_bands(doc, q: Quantity) -> bool:
    """Whether the bands the report states start right after ``q`` in its sentence and ``q`` is above
    their highest lower bound (总分为 10 分，9 分（含）以上为优……): the scale's maximum, not a score
    obtained."""
    stated = report_bands(doc)
    if not stated.own or stated.bands is None or stated.span is None or q.value <= max(lo for _, lo in stated.bands):
        return False
    para = doc.paragraphs[q.para]
    if not (para.span(0, len(para.text)).start <= stated.span.start < para.span(0, len(para.text)).end):
        return False
    i, j = para.index_of(q.span.end - 1) + 1, para.index_of(stated.span.start)
    return i <= j and _SENTENCE_END.search(para.text, i, j) is None


def _whole_maximum(doc, m: Quantity) -> bool:
    """Whether the maximum ``m`` is the whole's full mark above 100 that the report states (本项目满分
    150 分，自评得分 126 分: :func:`ceiling`), named as a 满分 or 总分 with no indicator's word."""
    top = ceiling(doc)
    label = m.raw_label.replace(" ", "")
    return (top.why == "full" and top.value == m.value and m.depth == 0 and _WHOLE_MAX.search(label) is not None
            and not _PART_WORDS.search(label))


_GRADE_FIELD_CELL = re.compile(r"(?:绩效|综合)?评价等级[:：]?")


def _grade_field_next(doc, pf) -> bool:
    """Whether the cell right after the cell of ``pf`` in its row is the grade's field (评价分值 |
    88.64分 | 评价等级 | 良 |): the result fields of a cover laid out as a table."""
    p = pf.para
    if p.kind != "cell" or p.index + 1 >= len(doc.paragraphs):
        return False
    nxt = doc.paragraphs[p.index + 1]
    return (nxt.kind == "cell" and nxt.row == p.row and nxt.cell == (p.cell or 0) + 1
            and _GRADE_FIELD_CELL.fullmatch(nxt.text.replace(" ", "")) is not None)


# a label naming a score given, not the whole (评价得分, 考核得分, 得分合计, 合计): the total when its grade
# follows it in its sentence (评价得分 82 分，评价等级优秀)
# (the whole label: words that name no part — 资金管理得分 18 分，等级为良 is an indicator's)
_GRADED_LABEL = re.compile(
    r"(?:(?:本|该)?(?:项目|单位|部门)?的?(?:自评|评价|考核|评定|实际)?(?:得分|评分|分数)(?:合计|总计)?|合计|总计)(?:为|是)?")


_NEXT_GRADE_FIELD = re.compile(r"\s*[\u4e00-\u9fff]{0,6}(?:等级|等次|评级)\s*[:：]\s*[“\"'‘「]?\s*")


def _grade_opens_next(doc, pf, j: int) -> bool:
    """Whether the figure ending at ``j`` ends its line of text and the next line opens with a
    grade field and its grade (评价得分：82.35 ⏎ 评价等级：优): a form's two fields, one a line."""
    p = pf.para
    if p.kind != "text" or p.text[j:].strip(" ，,；;。") or p.index + 1 >= len(doc.paragraphs):
        return False
    nxt = doc.paragraphs[p.index + 1]
    if nxt.kind != "text":
        return False
    m = _NEXT_GRADE_FIELD.match(nxt.text)
    return m is not None and any(g.para == nxt.index and g.index == m.end() for g in grades(doc))


# a label of no words but 得分/合计: it names nothing, so a low score under it (below the lowest
# pass band of the usual scheme) is not taken for the total
_BARE_WORD = re.compile(r"(?:得分|评分|分数|合计|总计)(?:为|是)?")
_PASS = Decimal(60)


def _graded(doc, pf, q: Quantity, label: str) -> bool:
    """Whether ``q``, labelled as a score given (:data:`_GRADED_LABEL`), is followed in its sentence
    by a stated grade with no other score between them: the grade's score, the total."""
    if not _GRADED_LABEL.fullmatch(label) or q.depth > 0:
        return False
    if _BARE_WORD.fullmatch(label) and q.value < _PASS:
        return False  # 合计 18 分，等级为优 / 得分：18 ⏎ 等级：优: more likely an indicator's than the total
    at = doc.memo.get("scores.grade_at")
    if at is None:
        at = {}
        for g in grades(doc):
            at.setdefault(g.para, []).append(g.index)
        doc.memo["scores.grade_at"] = at
    text = pf.para.text
    j = pf.para.index_of(q.span.end - 1) + 1
    if _grade_opens_next(doc, pf, j):
        return True  # 评价得分：82.35分 ⏎ 评价等级：优
    if pf.para.index not in at:
        return False
    end = _SENTENCE_END.search(text, j)
    end = end.start() if end else len(text)
    g = next((k for k in at[pf.para.index] if j <= k < end), None)
    if g is None:
        return False
    return not any(r.kind == "score" and r.depth == 0 and j <= pf.para.index_of(r.span.start) < g
                   and not _NOT_BETWEEN.search(r.raw_label) for r in pf.quantities)


# an evaluation's result field (评价分值：…, 评价得分：…), the total only when its grade's field
# follows it on its line or in its cell (评价分值：88.64分评价等级：良); 分值 alone is a weight
_RESULT_FIELD = re.compile(r"评价(?:分值|得分)$")
_RESULT_GRADE = re.compile(r"[ \t]*[,，;；]?[ \t]*(?:绩效|综合)?评价等级[ \t]*(?:[:：]|为)")

# a label that names the whole whatever section it is written in
_WHOLE_WORDS = re.compile(r"总|综合|最终|整体|总体")


# --- a score table's total row -------------------------------------------------

# a column of another year's scores (上年得分, 2022 年得分): not this report's
_YEAR_IN_HEADER = re.compile(r"(\d{4})\s*年")
# what a caption opens with before what it names: a table's number, a year (表3 / 附表 2-1 / 2023年度)
_CAPTION_LEAD = re.compile(r"\s*(?:附?表\s*[\d一二三四五六七八九十]+(?:[-.－]\d+)*\s*[:：.、]?\s*)?(?:\d{4}\s*年度?\s*)?")
# a table's caption: the text right above it, up to this many paragraphs back
_CAPTION_REACH = 2


def table_totals(doc) -> list[Quantity]:
    """The total score a whole scoring table gives in its total row, in document order: a table
    with one score column (得分, 自评得分; not one headed with an earlier year's words, 上年得分, or
    another year than the evaluated one) and at least one maximum column (分值, 满分, 标准分), whose
    row named as the total (合计, 总计, 总分, 总得分, 综合得分 …) has under every maximum column the
    scheme's full mark (100, or the maximum above 100 the report states, :func:`ceiling`) and a
    number under the score column (指标 | 分值 | 得分 ⏎ … ⏎ 合计 | 100 | 92). A table whose maxima
    add up to less (a section's table, 合计 20), a table of several projects' scores (合计 200),
    a table of weights only (权重) or of scores by year (no total row) gives none; nor does a table
    whose caption right above it opens with a project's name (甲村道路建设项目评分表: that
    project's, not the report's). Worked out once per document (JX202)."""
    found = doc.memo.get("scores.table_totals")
    if found is None:
        found = doc.memo["scores.table_totals"] = tuple(_table_totals(doc))
    return list(found)


def _table_totals(doc) -> list[Quantity]:
    tables = doc.tables
    if not tables:
        return []
    full = {FULL_MARKS}
    top = ceiling(doc)
    if top.why == "full" and top.value is not None:
        full.add(top.value)  # 满分为 150 分: a table of 150 points is the whole's
    year = doc.profile.year
    out = []
    for table in tables:
        scores = [c for c in table.columns_of("score") if not _LOOK_BACK.search(c.header)
                  and not any(year is None or int(y) != year for y in _YEAR_IN_HEADER.findall(c.header))]
        maxima = table.columns_of("score-max")
        if len(scores) != 1 or len(table.columns_of("score")) > 2 or not maxima:
            continue
        if _caption_names_project(doc, table):
            continue
        for row in table.rows:
            if not row.aligned or not _TOTAL_ROW.search(table.label(row)):
                continue
            q = table.value(row, scores[0])
            tops = [table.value(row, c) for c in maxima]
            if q is None or any(m is None or m.value not in full for m in tops):
                continue
            out.append(q)
    return out


def _caption_names_project(doc, table) -> bool:
    """Whether a text paragraph right above ``table`` (its caption) opens with a project's name."""
    cells = table.header or next((r.cells for r in table.rows if r.cells), ())
    if not cells:
        return False
    first = cells[0].para
    k, seen = first - 1, 0
    while k >= 0 and seen < _CAPTION_REACH:
        p = doc.paragraphs[k]
        if p.kind != "text":
            break
        if project_opening(p.text, _CAPTION_LEAD.match(p.text).end()):
            return True
        seen += 1
        k -= 1
    return False


# --- totals listed item by item ----------------------------------------------

# the head of a list of totals, one for each sub-item: 绩效自评得分分别为：A 92 分，B 95 分
_LIST_HEAD = re.compile(r"(?P<label>得分|总分|评分)\s*(?P<each>分别)\s*(?:为|是)\s*[:：]?")
# what stands between two items of the list: a mark, then the next item's name (no figure)
_LIST_GAP = re.compile(r"[\s,，、;；]*(?:和|及|以及)?\s*[^\d。；;，,、:：!?！？()（）]{0,30}")
_LIST_END = re.compile(r"[。!?！？\n]")


@attrs.frozen
class Listed:
    """A list of totals, one for each sub-item (sub-fund, project), after a total label with
    分别为: ``head`` is the index of 分别 in the paragraph's text, ``items`` the scores listed."""
    para: int
    head: int
    items: tuple[Quantity, ...]


def listed_totals(doc) -> list[Listed]:
    """Every list of totals of sub-items: a label that names the total (自评得分, 综合得分,
    评价得分, 总分 — as :func:`total_scores` reads it, no indicator's or earlier year's word in
    its clause) with 分别为 / 分别是, then at least two scores each after its item's name and a
    mark (绩效自评得分分别为：租赁补贴 92 分，老旧小区改造 95 分，棚户区改造 100 分), up to the end
    of the sentence. Each is a whole total of its own item: held to the range of a total (JX201)
    and a statement of this evaluation's result (JX301); the items' totals differ by nature, so
    they are no restatements of one total (JX202, JX203 leave them out). Items named as an
    indicator or a criterion (产出指标 30 分, ≥90% 得 10 分) end the list. Worked out once per
    document."""
    found = doc.memo.get("scores.listed_totals")
    if found is None:
        found = doc.memo["scores.listed_totals"] = tuple(_listed_totals(doc))
    return list(found)


def _listed_totals(doc) -> list[Listed]:
    out = []
    for pf in doc.facts:
        text = pf.para.text
        if "分别" not in text:
            continue
        scores = [q for q in pf.quantities if q.kind == "score"]
        if len(scores) < 2:
            continue
        for m in _LIST_HEAD.finditer(text):
            k = max(text.rfind(c, 0, m.start()) for c in _CLAUSE_STOPS) + 1
            label = text[k:m.end("label")].replace(" ", "")
            if not _TOTAL_LABEL.search(label) or _PART_WORDS.search(label) or _LOOK_BACK.search(label):
                continue
            end = _LIST_END.search(text, m.end())
            end = end.start() if end else len(text)
            items = []
            at = m.end()
            for q in scores:
                i = pf.para.index_of(q.span.start)
                if i < at:
                    continue
                if i >= end or not _LIST_GAP.fullmatch(text, at, i):
                    break
                name = q.raw_label.replace(" ", "")
                if (re.search(r"分值|满分|权重|标准分|扣|加分", name) or _PART_WORDS.search(name)
                        or _is_criterion(text, i, pf.para.index_of(q.span.end - 1) + 1)):
                    break
                items.append(q)
                at = pf.para.index_of(q.span.end - 1) + 1
            if len(items) >= 2:
                out.append(Listed(pf.para.index, m.start("each"), tuple(items)))
    return out


def _under_its_maximum(doc, pf, q: Quantity) -> bool:
    """Whether ``q`` is written under a heading whose title states a maximum below 100 in
    parentheses that ``q`` does not exceed ((1)立项依据充分性(2分) then ……自评得2分: the score
    of that sub-item, not the report's total; a total above the last heading's maximum is
    still the total)."""
    from .structure import outline  # (structure reads the facts; imported when first needed)

    heads = doc.memo.get("scores.heads")
    if heads is None:
        items = [it for it in outline(doc).items if it.marker.at_start]
        heads = doc.memo["scores.heads"] = ([it.marker.span.start for it in items], items)
    starts, items = heads
    k = bisect.bisect_left(starts, q.span.start) - 1
    if k < 0:
        return False
    it = items[k]
    hp = doc.facts[it.para]
    for m in hp.quantities:
        if m is q or m.kind != "score" or m.depth == 0 or _GOT_LABEL.search(m.raw_label):
            continue
        at = hp.para.index_of(m.span.start)
        if it.start <= at < it.title_end and m.value < FULL_MARKS:
            return q.value <= m.value
    return False


# a score stated against a maximum of 100 is the whole's (分值100分,自评得分92分)
FULL_MARKS = Decimal(100)
_GOT_LABEL = re.compile(r"得|评|扣|加")
_BETWEEN = re.compile(r"[\s,，、;；()（）:：]*")


def _its_maximum(pf, p: Quantity, q: Quantity) -> bool:
    """Whether score ``p`` is the maximum of what score ``q`` scores: ``p`` names no score
    obtained (投入20分 / a bare 20分) and ``q`` follows it with nothing between but marks and
    its own label (一、投入(20分,自评得分18分), 1、投入20分,自评得分20分)."""
    if p.sentence != q.sentence or _GOT_LABEL.search(p.raw_label):
        return False
    i, j = pf.para.index_of(p.span.end), pf.para.index_of(q.span.start)
    between = pf.para.text[i:j]
    label = q.raw_label.replace(" ", "")
    if not label or not between.replace(" ", "").rstrip(":：").endswith(label):
        return False
    rest = between.replace(" ", "").rstrip(":：")[: -len(label)]
    return _BETWEEN.fullmatch(rest) is not None


_MAX_TOTAL = re.compile(r"总分(?:为|是)?$")


def stated_maximum(pf, q: Quantity) -> bool:
    """Whether ``q`` is the whole's maximum, written as 总分 with the score obtained after it in
    its sentence (总分 150 分，本项目得分 138 分; 总分 100 分，实得 93 分)."""
    label = q.raw_label.replace(" ", "")
    return bool(_MAX_TOTAL.search(label)) and "得" not in label and _score_follows(pf, q)


def _score_follows(pf, q: Quantity) -> bool:
    """Whether a score labelled as obtained (…得分, 实得) follows ``q`` in its sentence."""
    return any(r.kind == "score" and r.sentence == q.sentence and r.span.start > q.span.start
               and ("得分" in r.raw_label or _OBTAINED.search(r.raw_label.replace(" ", "")))
               for r in pf.quantities)


# (this and _CELL_LABEL are patterns of rare places, compiled by re when first used: a Chinese
# character class costs a millisecond to compile, at every start of the command line)
_FIELD_NAME = r"[\u4e00-\u9fff]{2,12}$"


def _field_label(pf, q: Quantity) -> str:
    """The name of a field a score fills (自评得分：96 分, a form's 自评总分: 95 分): the words
    right before a colon right before the score."""
    text = pf.para.text
    i = pf.para.index_of(q.span.start)
    head = text[max(0, i - 16):i].rstrip()
    if not head.endswith((":", "：")):
        return ""
    m = re.search(_FIELD_NAME, head[:-1].rstrip())
    return m.group(0) if m else ""


_CLAUSE_LABEL = r"[\u4e00-\u9fff]{2,12}$"  # (compiled when first used, see _FIELD_NAME)


def _clause_label(pf, q: Quantity) -> str:
    """The words right before a score the extractor gave no label, when they are the whole of
    its clause so far (项目得分合计 75 分: 合计 is read as a keyword, and cuts the label)."""
    text = pf.para.text
    i = pf.para.index_of(q.span.start)
    k = max(text.rfind(c, 0, i) for c in _CLAUSE_STOPS) + 1
    words = text[k:i].replace(" ", "")
    return words if re.fullmatch(_CLAUSE_LABEL, words) else ""


def _label_above(doc, pf, q: Quantity) -> str:
    """The label a score that opens a line left at the end of the line before, when a
    page's line break was kept (……开展绩效自评，自评得分⏎90 分，存在的问题……): the words
    of that line's last clause, if it ends in no mark but a colon. Table cells are not lines
    of text."""
    i = pf.para.index_of(q.span.start)
    if pf.para.text[:i].strip() or pf.para.index == 0 or pf.para.kind == "cell":
        return ""
    above = doc.facts[pf.para.index - 1].para
    if above.kind == "cell":
        return ""
    text = above.text.rstrip().rstrip(":：")
    k = max(text.rfind(c) for c in _CLAUSE_STOPS) + 1
    return text[k:].replace(" ", "") if k < len(text) else ""


_CELL_LABEL = r"[\u4e00-\u9fff]{2,12}"  # (compiled when first used, see _FIELD_NAME)


def _cell_label(doc, pf, q: Quantity) -> str:
    """The label of a score alone in a table cell: the whole text of the cell right before
    it in its row (总分 | 99.55分 |), when the score is the row's only figure — a row with
    more (总分 | 100 | 95.5) has a maximum and a score, which cell is which is not known."""
    para = pf.para
    if para.kind != "cell" or not para.cell or para.index == 0 or len(pf.quantities) != 1:
        return ""
    if para.text[:para.index_of(q.span.start)].strip():
        return ""
    left = doc.paragraphs[para.index - 1]
    if left.kind != "cell" or left.row != para.row or left.cell != para.cell - 1:
        return ""
    name = left.text.replace(" ", "")
    if not re.fullmatch(_CELL_LABEL, name):
        return ""
    paragraphs = doc.paragraphs
    for step in (-1, 1):
        k = para.index + step
        while 0 <= k < len(paragraphs) and paragraphs[k].kind == "cell" and paragraphs[k].row == para.row:
            if doc.facts[k].quantities:
                return ""
            k += step
    return name


# --- the highest total possible ----------------------------------------------

# bonus points named (加分项, 附加分, 奖励分, 累计加分…; not 追加分配, 增加分值)
_BONUS_WORD = re.compile(r"加分项|附加分|奖励分|(?<![追增参添])加分(?![配派摊别])")
# a bonus's figure: 另设加分项 10 分, 附加分 5 分, 累计加分最多 3 分, 含加分项 3 分
_BONUS_FIGURE = re.compile(r"(?:加分项?|附加分|奖励分)(?:指标)?(?:共|为|是|累计|合计|最多|最高|不超过|上限为?)*[:：]?$")
# a cap on the total with its bonus: 加分后总分不能超过 100 分, 总得分最高 105 分
_CAP = re.compile(r"(?:总分|总得分)[^，,。；;]{0,4}?(?:不(?:能|得|应)?超过|最高|最多|上限为?)$")
# a maximum of the whole above 100: 满分 110 分, 总分值为 120 分
_FULL = re.compile(r"(?:满分|总分值)(?:值)?(?:为|是)?[:：]?$")


@attrs.frozen
class Ceiling:
    """The highest total a report's scheme allows, by what the report itself says.

    ``value`` None: bonus points are named with no figure, so no ceiling is known.
    ``why``: ``plain`` (100, nothing said), ``cap`` (a stated cap on the total),
    ``full`` (a stated maximum above 100), ``bonus`` (100 plus the largest bonus figure)."""
    value: Decimal | None
    why: str
    span: Span | None = None  # where the report says it
    bonus: Decimal | None = None


def ceiling(doc) -> Ceiling:
    """The highest total possible (worked out once per document). A report that names
    bonus points (加分项, 附加分, 加分) or a maximum above 100 allows a total above 100:
    up to a stated cap (加分后总分不能超过 100 分), else the stated maximum, else 100 plus
    the largest bonus figure it gives, else no known ceiling."""
    found = doc.memo.get("scores.ceiling")
    if found is None:
        found = doc.memo["scores.ceiling"] = _ceiling(doc)
    return found


# a score scale (实行150分制 right after the score; 千分制 in words): the scheme's maximum
_SCALE_AFTER = re.compile(r"\s*制")
_SCALES = {"千": Decimal(1000), "百五十": Decimal(150), "百二十": Decimal(120)}
_SCALE_WORDS = re.compile(r"(千|百五十|百二十)分制")


def _ceiling(doc) -> Ceiling:
    named = False
    cap = full = bonus = None
    for pf in doc.facts:
        text = pf.para.text
        if "分" not in text:
            continue
        if not named and ("加分" in text or "奖励分" in text) and _BONUS_WORD.search(text):
            named = True  # (every match has 加分 or 奖励分: most paragraphs are passed without the pattern)
        for q in pf.quantities:
            if q.kind != "score":
                continue
            label = q.raw_label.replace(" ", "")
            if _CAP.search(label):
                cap = cap or q
            elif (_FULL.search(label) or _SCALE_AFTER.match(text, pf.para.index_of(q.span.end))
                  or stated_maximum(pf, q)) and q.value > FULL_MARKS:
                full = full if full is not None and full.value >= q.value else q  # 满分为120分, 实行150分制
            elif _BONUS_FIGURE.search(label) and not label.startswith(("扣", "减")):
                bonus = bonus if bonus is not None and bonus.value >= q.value else q
    if cap is not None:
        return Ceiling(cap.value, "cap", cap.span)
    if full is None and "分制" in doc.text:
        for pf in doc.facts:  # 千分制: a scale written in words
            m = _SCALE_WORDS.search(pf.para.text)
            if m:
                full = Ceiling(_SCALES[m.group(1)], "full", pf.para.span(m.start(), m.end()))
                break
    if full is not None:
        return Ceiling(full.value, "full", full.span)
    if bonus is not None:
        return Ceiling(FULL_MARKS + bonus.value, "bonus", bonus.span, bonus.value)
    return Ceiling(None, "bonus") if named else Ceiling(FULL_MARKS, "plain")


def same_score(a: Quantity, b: Quantity) -> bool:
    """98 and 98.00 are the same score; 78.3 may restate 78.26 rounded; 96 and 95.5 differ.

    A total written as a whole number is taken as exact: a total with decimals is not
    rounded to a whole number when restated, so 96 is not 95.5 rounded."""
    if a.value == b.value:
        return True
    coarse, fine = (a, b) if a.precision < b.precision else (b, a)
    if coarse.precision == 0 or coarse.precision == fine.precision:
        return False
    return quantize(fine.value, coarse.precision) == coarse.value


def score_groups(totals: list[Quantity]) -> tuple[list[list[Quantity]], int]:
    """The total-score statements grouped by value, and the index of the reference
    group: the most stated value, the first stated on a tie."""
    groups: list[list[Quantity]] = []
    # Each statement joins the first group whose first statement is the same score
    # (same_score). Instead of trying every group in turn (n statements of n different
    # values would cost n²), the groups are found through what same_score compares:
    # the same value; a coarser first statement equal to this one rounded; a finer
    # first statement that rounds to this one.
    by_value: dict[Decimal, list[int]] = {}
    by_precision: dict[tuple[int, Decimal], list[int]] = {}  # (precision, value) of coarse firsts
    rounded: dict[int, dict[Decimal, list[int]]] = {}  # p → finer firsts by their value rounded to p
    precisions: set[int] = set()
    for q in totals:
        found = list(by_value.get(q.value, ()))
        for p in precisions:
            if p != 0 and p < q.precision:
                found.extend(by_precision.get((p, quantize(q.value, p)), ()))
        if q.precision != 0 and any(p > q.precision for p in precisions):
            index = rounded.get(q.precision)
            if index is None:
                index = rounded[q.precision] = {}
                for i, g in enumerate(groups):
                    if g[0].precision > q.precision:
                        index.setdefault(quantize(g[0].value, q.precision), []).append(i)
            found.extend(index.get(q.value, ()))
        if found:
            groups[min(found)].append(q)
            continue
        i = len(groups)
        groups.append([q])
        by_value.setdefault(q.value, []).append(i)
        by_precision.setdefault((q.precision, q.value), []).append(i)
        precisions.add(q.precision)
        for p, index in rounded.items():
            if q.precision > p:
                index.setdefault(quantize(q.value, p), []).append(i)
    ref = max(range(len(groups)), key=lambda i: (len(groups[i]), -i)) if groups else -1
    return groups, ref


# --- the project a sentence is about ---------------------------------------------

_LIST_LEAD = re.compile(r"(?:\s*(?:[一二三四五六七八九十\d]{1,3}[、.]|[(（][一二三四五六七八九十\d]{1,3}[)）]))*\s*")
# a project's name opening a sentence: 南村道路建设项目…, 东岭水库除险加固工程…
# (or one named by a single sign of a series, as a case study names them: 甲项目, A项目, 1号项目, 项目A)
_PROJECT_OPENING = re.compile(
    r"(?:[A-Za-z]{0,2}[\u4e00-\u9fff]{2,24}?|[甲乙丙丁戊己庚辛壬癸]|[A-Za-z]\d{0,2}|\d{1,3}号)(?:项目|工程)"
    r"|(?:项目|工程)[A-Za-z]\d{0,2}(?![A-Za-z\d])")
# what makes the opening no name: a whole, the report's own or a kind of projects (本项目, 全县项目,
# 各项目, 重点项目), or a clause that opens with a verb or a preposition (根据…项目, 通过实施…工程)
_NOT_A_PROJECT = re.compile(
    r"^(?:本|全|该|此|我|各|每|上述|所有|其他|其余|重点|一般|部分|相关|有关|新增|续建|新建|在建|已建|单个|同类)"
    r"|是|对|和|与|及|根据|按照|依据|经过|通过|纳入|加强|坚持|安排|关于|为|在|由|将|向|从|采取|用于|开展|组织|"
    r"推进|完成|实施|涉及|共有|包括|评价|考核|绩效|自评")


# a lead-in that a sentence may open with before its subject (综上，…; 经评价，…)
_LEAD_IN = re.compile(r"\s*(?:综上(?:所述)?|经(?:综合|第三方)?评价|经自评|经评定|经评审|经核定|总体来看|总的来看|据此)\s*[，,:：]\s*")


def project_opening(text: str, at: int = 0) -> str:
    """The name of the project the sentence starting at ``at`` opens with (after list
    markers and a lead-in, 综上，/经评价，): 南村道路建设项目 in 南村道路建设项目评价总得分为 91.8 分; or ""."""
    at = _LIST_LEAD.match(text, at).end()
    lead = _LEAD_IN.match(text, at)
    m = _PROJECT_OPENING.match(text, lead.end() if lead else at)
    return m.group(0) if m and not _NOT_A_PROJECT.search(m.group(0)) else ""


def project_of(doc, q: Quantity) -> str:
    """The project whose name opens the sentence of ``q`` (:func:`project_opening`)."""
    para = doc.paragraphs[q.para]
    text = para.text
    i = para.index_of(q.span.start)
    return project_opening(text, sentence_start(text, i))


_REVIEWER = re.compile(r"复核|评价组|评审组|专家组|第三方|评价机构|再评价")


def scorer(doc, q: Quantity) -> str:
    """Who gave a total: ``review`` when its sentence names a reviewer (复核, 评价组,
    第三方…: an external evaluation quoting its own result), else ``self``."""
    para = doc.paragraphs[q.para]
    i = para.index_of(q.span.start)
    text = para.text
    s = sentence_start(text, i)
    return "review" if _REVIEWER.search(text[s:i]) else "self"


def by_scorer(doc, totals: list[Quantity]) -> dict[str, list[Quantity]]:
    out: dict[str, list[Quantity]] = {}
    for q in totals:
        out.setdefault(scorer(doc, q), []).append(q)
    return out


def reference_totals(totals: list[Quantity], doc=None) -> list[Quantity]:
    """The statements of the total that agree with the reference value (JX202 reports the
    others). When a report gives both the unit's own total and a reviewer's (复核得分),
    the sections it scores are the reviewer's: the reviewer's total is the reference."""
    if doc is not None:
        groups_by = by_scorer(doc, totals)
        totals = groups_by.get("review") or groups_by.get("self") or []
    groups, ref = score_groups(totals)
    return groups[ref] if groups else []


def interval(q: Quantity) -> Interval:
    """A stated score: exact with 0–1 decimals, its rounding interval with more."""
    return stated(q.value, q.precision, exact=q.precision <= EXACT_SCORE_DECIMALS)


# --- grades ----------------------------------------------------------------

GRADE_WORDS = {"优秀": "优", "优": "优", "良好": "良", "良": "良", "中等": "中", "中": "中", "较差": "差", "差": "差",
               "合格": "中", "一般": "中", "不合格": "差"}
# the words of each way of naming the four bands, for a suggestion in the report's own words
_GRADE_SCHEMES = (
    {"优": "优秀", "良": "良好", "中": "合格", "差": "不合格"},
    {"优": "优秀", "良": "良好", "中": "中等", "差": "较差"},
    {"优": "优秀", "良": "良好", "中": "一般", "差": "较差"},
)


def grade_word(grade: str, written: str) -> str:
    """``grade`` (优/良/中/差) in the words the report wrote its grade in: 合格 for 中 where
    the report wrote 不合格, 良好 for 良 where it wrote 优秀 …; the plain word otherwise."""
    if len(written) == 1:
        return grade
    for scheme in _GRADE_SCHEMES:
        if written in scheme.values() and written not in ("优秀", "良好"):
            return scheme[grade]
    if written in ("优秀", "良好") and grade in ("优", "良"):
        return _GRADE_SCHEMES[0][grade]
    return grade
# the words that name a grade before it (自评等级, 评价结果, 等次 …), by their first character, each
# with what may follow them (为, 是, a colon): every branch of _GRADE_RE opens with its first
# character, so the engine passes over every other character in its own loop instead of trying
# each branch there (the branches at one character in the order they had in one list)
_GRADE_AS = r"\s*(?:(?:为|是|评定为|确定为)\s*[:：]?|[:：])?"
_GRADE_NAMES = (
    r"自评(?:结果)?(?:等级|级别)|自评评级|自评结果|自评结论|自评(?=为)",
    r"评价(?:结果)?(?:等级|级别)|评定(?:结果)?(?:等级|级别)|评价评级|评定评级|评级|评价结果|评定结果|评价结论|评定结论"
    r"|评价等次|评定(?=为)",
    r"综合(?:结果)?(?:等级|级别)|综合评级",
    r"绩效(?:结果)?(?:等级|级别)|绩效评级",
    r"考核(?:结果)?(?:等级|级别)|考核评级",
    r"对应(?:结果)?(?:等级|级别)",
    r"等级评定(?:结果)?|等次",
)
_GRADE_RE = re.compile(
    "(?:" + "|".join(f"(?:{names}){_GRADE_AS}" for names in _GRADE_NAMES)
    + r"|等级(?<![\u4e00-\u9fff]等级)\s*(?:(?:为|是)\s*[:：]?|[:：]|(?=[“\"'‘「]|(?:优秀|良好|中等|较差|不合格|合格|一般|优|良|中|差)(?:$|[^\u4e00-\u9fff]))))\s*[“\"'‘「]?\s*(优秀|良好|中等|较差|不合格|合格|一般|优|良|中|差)(?=$|[^\u4e00-\u9fff]|等|级|档|次)"
)


# a grade named before the word 等级/等次 (属于“优”等次, 评定为良好等级): the word after it makes it a grade
# (every branch opens with its word, the lookbehinds tried after it: re scans for the words' first
# characters in its own loop)
_GRADE_BEFORE_RE = re.compile(
    r"(?:属于|评为(?<!被评为)|评定为(?<!被评定为)|定为(?<![被评]定为)|确定为|达到|处于)\s*[“\"'‘「]?\s*(优秀|良好|中等|较差|不合格|合格|一般|优|良|中|差)"
    r"\s*[”\"'’」]?\s*(?:等级|等次|档次)(?!以上|以下|及以上|及以下)"
)


# a grade alone in brackets right after a score: 自评得分 92 分（优）, 86 分（良好等级）
_GRADE_BRACKET_RE = re.compile(
    r"分\s*[(（]\s*[“\"'‘「]?\s*(优秀|良好|中等|较差|不合格|合格|一般|优|良|中|差)\s*[”\"'’」]?\s*(?:等级|等次|档次)?\s*[)）]")


@attrs.frozen
class Grade:
    grade: str  # 优 | 良 | 中 | 差 (normalised)
    written: str
    span: Span
    para: int
    index: int  # index of the grade word in the paragraph text


# a grade that counts items: 评价等级为“中”有5个 / 等级为优的项目12个 / 等级为“良”(3个)
_COUNT_AFTER_RE = re.compile(
    r"\s*[”\"'’」]?\s*(?:的(?:项目|单位)?)?\s*(?:有|共|计|共计|合计)?\s*[（(]?\s*\d+\s*(?:个|项|家|所)")
# items counted before the grade in its clause: 本级48个项目评价等级为“优”
_COUNT_BEFORE_RE = re.compile(r"\d+\s*(?:个|项|家|所)[\u4e00-\u9fff]{0,3}?(?:项目|单位)")
_CLAUSE_ENDS = "，,；;。：:、"


def grades(doc) -> list[Grade]:
    """Every stated grade (优/良/中/差 and their longer words) after a grade phrase.

    A grade that counts items is left out: one followed by a count (评价等级为“中”有5个,
    等级为优的项目12个) or whose clause counts projects or units before it (所属8个项目评价等级为
    “优”) is the grade of those items, listed under the total, not the total's grade.
    Worked out once per document (JX203, JX206)."""
    found = doc.memo.get("scores.grades")
    if found is None:
        found = doc.memo["scores.grades"] = tuple(_grades(doc))
    return list(found)


# a cell that names a grade field (自评等级 | 优, 评价结果 | 良好): the cell right after it holds the grade
_GRADE_FIELD = re.compile(r"(?:(?:自评|评价|评定|综合|绩效|考核)(?:结果)?)?(?:等级|等次|评级)|(?:自评|评价|评定)(?:结果|结论)")
_GRADE_CELL = re.compile(r"[“\"'‘「]?(优秀|良好|中等|较差|不合格|合格|一般|优|良|中|差)[”\"'’」]?")
_TOTAL_ROW = re.compile(r"总分|总得分|综合得分|合计|总计|自评总分|评价总分")


def _cell_grade(doc, p) -> "re.Match | None":
    """The grade a table cell holds alone, as a field's value: the cell on its left in its row
    names a grade field (自评等级 | 优 | ; 自评得分 | 85 | 评价等级 | 良 |), or, in a form laid out
    one cell a row, the row right above does (自评等级 | ⏎ 优 |)."""
    if p.kind != "cell" or p.index == 0 or len(p.text) > 6:
        return None
    m = _GRADE_CELL.fullmatch(p.text.strip())
    if m is None:
        return None
    return m if _grade_field(doc, p) is not None else None


def _alone(doc, k: int) -> bool:
    """Whether paragraph ``k`` is the only cell of its row."""
    paragraphs = doc.paragraphs
    p = paragraphs[k]
    if p.kind != "cell":
        return False
    for j in (k - 1, k + 1):
        if 0 <= j < len(paragraphs) and paragraphs[j].kind == "cell" and paragraphs[j].row == p.row:
            return False
    return True


def _grade_field(doc, p) -> int | None:
    """The index of the cell naming the grade field a cell ``p`` fills: the cell on its left in its
    row, or the lone cell of the row right above a lone cell."""
    left = doc.paragraphs[p.index - 1]
    if left.kind != "cell" or not _GRADE_FIELD.fullmatch(left.text.replace(" ", "")):
        return None
    if p.cell and left.row == p.row and left.cell == p.cell - 1:
        return left.index
    if left.row != p.row and _alone(doc, p.index) and _alone(doc, left.index):
        return left.index
    return None


def _grades(doc) -> list[Grade]:
    out = []
    for p in doc.paragraphs:
        if p.kind == "cell":
            m = _cell_grade(doc, p)
            if m is not None:
                lead = len(p.text) - len(p.text.lstrip())
                out.append(Grade(GRADE_WORDS[m.group(1)], m.group(1), p.span(lead + m.start(1), lead + m.end(1)),
                                 p.index, lead + m.start(1)))
                continue
        bracket = "分" in p.text and ("(" in p.text or "（" in p.text)  # (a grade in brackets: 92 分（优）)
        if ("等" not in p.text and "结果" not in p.text and "结论" not in p.text and "评为" not in p.text and "定为" not in p.text
                and "评级" not in p.text and "级别" not in p.text and not bracket):
            continue  # every match has 等级, 等次, 结果, 结论, 评级, 级别, 自评为 or 评定为, or 分 and a bracket: most paragraphs are passed without the pattern
        text = p.text
        found = list(_GRADE_RE.finditer(text))
        if bracket:
            found += [m for m in _GRADE_BRACKET_RE.finditer(text)]  # 自评得分 92 分（优）
            found.sort(key=lambda m: m.start(1))
        if "属于" in text or "为" in text or "达到" in text or "处于" in text:
            taken = {m.start(1) for m in found}
            more = [m for m in _GRADE_BEFORE_RE.finditer(text) if m.start(1) not in taken]
            if more:
                found = sorted(found + more, key=lambda m: m.start(1))
        for m in found:
            if _COUNT_AFTER_RE.match(text, m.end(1)) or _COUNT_AFTER_RE.match(text, m.end()):
                continue
            clause = max(text.rfind(c, 0, m.start()) for c in _CLAUSE_ENDS) + 1
            if _COUNT_BEFORE_RE.search(text, clause, m.start()):
                continue
            out.append(Grade(GRADE_WORDS[m.group(1)], m.group(1), p.span(m.start(1), m.end(1)), p.index, m.start(1)))
    return out


# --- a total written without 分 ------------------------------------------------

# the total's label must name a score obtained (得分, 总分, 评分): not 自评结果为 or 分数, which a bare
# number may follow for another reason
_BARE_TOTAL_WORD = re.compile(r"得分|总分|评分")
# after the number: the end of its clause (no unit, no 以上, no %, no further digits)
_BARE_AFTER = re.compile(r"\s*(?:[，,；;。]|$)")
_SENTENCE_END = re.compile(r"[。；;!?！？]")


_BARE_MAX = Decimal(1000)  # (a bare total above 100 is out of range, JX201's; four digits are a year's or a count's)


def bare_totals(doc) -> list[Quantity]:
    """The total score written as a bare number, without 分 (最终得分 86.50，等级为良), in
    document order: only where the label right before it names the total as :func:`total_scores`
    reads it and holds 得分, 总分 or 评分 (no indicator's word, no earlier year's), the number has
    at most three digits before its point and ends its clause, and a stated grade (:func:`grades`) follows it in its
    sentence — a score's rate (得分率 90%), a count (得分项目 12 个), a year, a criterion
    (得分 90 以上) are none. For the grade rules (JX203): a grade needs the score it goes with;
    and for JX201: a total so written above the maximum (自评得分103，评价等级为优) is out of range.
    Worked out once per document."""
    found = doc.memo.get("scores.bare_totals")
    if found is None:
        found = doc.memo["scores.bare_totals"] = tuple(_bare_totals(doc))
    return list(found)


def _bare_totals(doc) -> list[Quantity]:
    at: dict[int, list[int]] = {}
    for g in grades(doc):
        at.setdefault(g.para, []).append(g.index)
    out = []
    # (the paragraphs with a grade, and those right before a paragraph with one: 评价得分：82.35 ⏎ 评价等级：优)
    for para in sorted(set(at) | {k - 1 for k in at if k > 0}):
        pf = doc.facts[para]
        text = pf.para.text
        for q in pf.quantities:
            if q.kind != "number" or q.negative or q.depth or not (0 <= q.value < _BARE_MAX):
                continue
            label = q.raw_label.replace(" ", "") or _field_label(pf, q)
            if (not _BARE_TOTAL_WORD.search(label) or _PART_WORDS.search(label) or _LOOK_BACK.search(label)
                    or not (_TOTAL_LABEL.search(label) or _graded(doc, pf, q, label))):
                continue  # (评价得分：82.35 ⏎ 评价等级：优: a score given, with its grade after it)
            i = pf.para.index_of(q.span.start)
            j = pf.para.index_of(q.span.end - 1) + 1
            if not _BARE_AFTER.match(text, j) or _is_criterion(text, i, j):
                continue
            end = _SENTENCE_END.search(text, j)
            end = end.start() if end else len(text)
            if any(j <= g < end for g in at.get(para, ())) or _grade_opens_next(doc, pf, j):
                out.append(q)
    out.extend(_bare_cell_totals(doc))
    out.sort(key=lambda q: q.span.start)
    return out


def _label_cell_above(doc, pf) -> str:
    """In a form laid out one cell a row, the name in the row right above a lone cell (自评总分 | ⏎
    86.5 |) — read only for a total a grade field's cell follows."""
    k = pf.para.index
    if k == 0 or not _alone(doc, k) or not _alone(doc, k - 1):
        return ""
    name = doc.paragraphs[k - 1].text.replace(" ", "")
    return name if re.fullmatch(_CELL_LABEL, name) else ""


def _bare_cell_totals(doc) -> list[Quantity]:
    """A total without 分 alone in a form's cell, named by the cell on its left (自评得分 | 85 |),
    the only figure of its row, when a grade field's cell follows it in its row or in the row
    right below (… | 评价等级 | 良 |): what :func:`_cell_total` pairs the grade with."""
    out = []
    paragraphs = doc.paragraphs
    for g in grades(doc):
        if paragraphs[g.para].kind != "cell":
            continue
        field = _grade_field(doc, paragraphs[g.para])
        start = g.para if field is None else field
        row, rows_seen, k = paragraphs[start].row, 0, start - 1
        while k >= 0 and paragraphs[k].kind == "cell":
            if paragraphs[k].row != row:
                rows_seen += 1
                if rows_seen > 1:
                    break
                row = paragraphs[k].row
            pf = doc.facts[k]
            if pf.quantities:
                q = pf.quantities[0]
                if (len(pf.quantities) == 1 and q.kind in ("number", "score") and not q.negative and q.value < _BARE_MAX
                        and pf.para.text.strip() == doc.text_at(q.span).strip()):
                    label = _cell_label(doc, pf, q) or _label_cell_above(doc, pf)
                    named = _TOTAL_LABEL.search(label) or (  # (评价得分 | 78.6 | 评价等级 | 良: a score given, graded)
                        _GRADED_LABEL.fullmatch(label) and not (_BARE_WORD.fullmatch(label) and q.value < _PASS))
                    if (_BARE_TOTAL_WORD.search(label) and named and not _PART_WORDS.search(label)
                            and not _LOOK_BACK.search(label)):
                        out.append(q)
                break
            k -= 1
    return out


# --- the grade bands the report states ------------------------------------------

_G = r"[“\"'‘「]?\s*(?P<g{}>优秀|良好|中等|较差|不合格|合格|一般|优|良|中|差)(?![\u4e00-\u9fff]?(?:率|化|度|质))"
_INCL = r"\s*(?:[(（]\s*含\s*(?:本数)?\s*[)）])?\s*"
_NUM = r"(?<![\d.])(?P<lo{}>\d{{1,3}}(?:\.\d+)?)\s*分?"
_THEN = r"\s*(?:的|者)?\s*(?:为|是|评为|定为|属于|属|即为|划为|列为)\s*"
_WORDS = r"优秀|良好|中等|较差|不合格|合格|一般|优|良|中|差"
# (a lookahead for the first character of a band — a digit, or a grade word's first — tried before
# the branches of _BAND_RE and _RATE_BAND_RE, which most places of a paragraph start none of)
_BAND_HEAD = r"(?=[\d优良中较差不合一])"
# a lower bound tied to its grade: 90 分（含）以上为优, 80-89 分为良好, 80（含）至 90 分的为良;
# 优秀：90 分（含）以上, 良（80 分≤得分<90 分）, 合格（60-79 分）, 优[90分～100分)
_BAND_RE = re.compile(
    _BAND_HEAD + r"(?:"
    + _NUM.format(1) + _INCL + r"(?:及|或)?以上" + _THEN + _G.format(1)
    + r"|" + _NUM.format(2) + _INCL + r"[-—–～~至到]\s*\d{1,3}(?:\.\d+)?\s*分?" + _INCL + r"(?:之间|以下|以内)?"
    + _THEN + _G.format(2)
    + r"|(?P<g3>" + _WORDS + r")[”\"'’」]?\s*(?:等级|等次|档)?\s*[:：(（\[【]\s*(?:得分|分数|总分)?\s*"
    + _NUM.format(3) + _INCL + r"(?:(?:及|或)?以上|[-—–～~至到≤])"
    + r")"
)


# the same bands written as score rates (得分率 90%（含）以上为优, 80%（含）-90% 为良, 优（得分率 ≥ 90%）):
# a share of the full mark, whatever the scale
_PCT = r"(?<![\d.])(?P<lo{}>\d{{1,3}}(?:\.\d+)?)\s*%"
_RATE_BAND_RE = re.compile(
    _BAND_HEAD + r"(?:"
    + _PCT.format(1) + _INCL + r"(?:及|或)?以上" + _THEN + _G.format(1)
    + r"|" + _PCT.format(2) + _INCL + r"[-—–～~至到]\s*\d{1,3}(?:\.\d+)?\s*%" + _INCL + r"(?:之间|以下|以内)?"
    + _THEN + _G.format(2)
    + r"|(?P<g3>" + _WORDS + r")[”\"'’」]?\s*(?:等级|等次|档)?\s*[:：(（\[【]\s*(?:得分率\s*[≥>]=?\s*"
    + _PCT.format(4) + r"|" + _PCT.format(3) + _INCL + r"(?:(?:及|或)?以上|[-—–～~至到≤<]))"
    + r")"
)


@attrs.frozen
class Bands:
    """The grade bands a report states for its total (``bands`` as ``Config.grade_bands``), or
    ``bands`` None when it states bands that cannot be read whole (no grade can then be checked);
    ``span``: where it states them; ``own``: the report states bands of its own (which may be the
    configured ones)."""
    bands: tuple[tuple[str, Decimal], ...] | None
    span: Span | None = None
    own: bool = False


def report_bands(doc) -> Bands:
    """The bands the grades of the report are checked against: the configured ones
    (``Config.grade_bands``), unless the report states bands of its own that differ — a lower
    bound tied to a grade word (90 分（含）以上为优, 80-89 分为良好, 合格（60-79 分）, 优（90 分≤得分
    ≤100 分）). When the lower bounds of 优, 良 and 中 (or 优秀, 良好, 合格 …) are all stated,
    decreasing, one value each, they are the bands (差 below 中's bound); when the report states
    some bound that differs from the configured one and the three cannot be read so, the bands
    are unknown (``Bands(None)``). Worked out once per document."""
    found = doc.memo.get("scores.report_bands")
    if found is None:
        found = doc.memo["scores.report_bands"] = _report_bands(doc)
    return found


def _stated_bands(doc, pattern, need: str, skip_part: bool = False) -> tuple[dict[str, set[Decimal]], Span | None]:
    """Every lower bound ``pattern`` finds tied to a grade, by grade, and where the first is
    (``skip_part``: not those whose sentence names an indicator before them)."""
    stated: dict[str, set[Decimal]] = {}
    first = None
    for p in doc.paragraphs:
        text = p.text
        if need not in text or ("以上" not in text and "-" not in text and "至" not in text and "～" not in text
                                and "—" not in text and "–" not in text and "~" not in text and "到" not in text
                                and "≤" not in text):
            continue  # every band definition has 分 (%) and 以上, a dash, 至/到 or ≤
        for m in pattern.finditer(text):
            k = next(n for n in (1, 2, 3) if m.group(f"g{n}"))
            word, lo = m.group(f"g{k}"), m.group(f"lo{k}")
            if lo is None:
                lo = m.group("lo4")  # 优（得分率≥90%）
            if skip_part and _PART_WORDS.search(text, sentence_start(text, m.start()), m.start()):
                continue  # 满意度指标得分率 95% 以上为优: an indicator's bands, not the total's
            stated.setdefault(GRADE_WORDS[word], set()).add(Decimal(lo))
            if first is None:
                first = p.span(m.start(), m.end())
    return stated, first


def _whole_bands(stated: dict[str, set[Decimal]], top_mark: Decimal) -> tuple[tuple[str, Decimal], ...] | None:
    """The four bands when the lower bounds of 优, 良 and 中 are stated, one value each, decreasing,
    the highest at most ``top_mark`` (差 below 中's bound); else None."""
    top = [stated.get(g) for g in ("优", "良", "中")]
    if all(v is not None and len(v) == 1 for v in top):
        a, b, c = (next(iter(v)) for v in top)
        if a > b > c > 0 and a <= top_mark and stated.get("差", {Decimal(0)}) <= {Decimal(0)}:
            return (("优", a), ("良", b), ("中", c), ("差", Decimal(0)))
    return None


def _report_bands(doc) -> Bands:
    configured = doc.config.grade_bands
    stated, first = _stated_bands(doc, _BAND_RE, "分")
    if not stated:
        return Bands(configured)
    conf = dict(configured)
    if all(g in conf and vs == {conf[g]} for g, vs in stated.items()):
        return Bands(configured, None, True)  # the report states the configured bands
    top = ceiling(doc)  # (not full_mark, which reads the totals: the totals read these bands)
    found = _whole_bands(stated, top.value if top.why == "full" and top.value is not None else FULL_MARKS)
    return Bands(found, first, True) if found is not None else Bands(None, first, True)


def grade_bands(doc) -> Bands:
    """The bands the grades of the total are judged by, on the report's own scale
    (:func:`full_mark`): the bands the report states in points (:func:`report_bands`); else the
    bands it states as score rates (得分率 90%（含）以上为优 …), as that share of its full mark;
    else, on a scale of 100, the configured bands; on another scale (10 分制, 满分 150 分, 千分制)
    with no bands of its own, none (``Bands(None)``: the 100-point bands say nothing of a score
    out of 150). Worked out once per document (JX203, JX206)."""
    found = doc.memo.get("scores.grade_bands")
    if found is None:
        found = doc.memo["scores.grade_bands"] = _grade_bands(doc)
    return found


def _grade_bands(doc) -> Bands:
    stated = report_bands(doc)
    if stated.own or stated.bands is None:
        return stated
    full = full_mark(doc)
    rates, first = _stated_bands(doc, _RATE_BAND_RE, "得分率", skip_part=True)
    if rates:
        found = _whole_bands(rates, FULL_MARKS)
        if found is None:
            return Bands(None, first, True)  # rates stated that cannot be read whole
        return Bands(tuple((g, lo * full / FULL_MARKS) for g, lo in found), first, True)
    return stated if full == FULL_MARKS else Bands(None)


# a scale below 100 stated for the whole (本项目绩效评价实行 10 分制, 评价总分为 10 分): the words of
# its clause before the figure name nothing but the evaluation, the project or the unit
_WHOLE_SCALE_WORDS = re.compile(
    r"(?:本次|本项目|该项目|项目|本单位|本部门|部门|单位|整体|支出|绩效|评价|自评|考核|评分|实行|采用|采取|按照|按|"
    r"满分|总分|值|为|是|的|体系|综合|经|本|设为|设置为)*")
_WHOLE_SCALE_MARK = re.compile(r"满分|总分")


def full_mark(doc) -> Decimal:
    """The full mark of the report's total: a maximum above 100 it states (:func:`ceiling`: 满分为
    120 分, 总分 150 分 with the score obtained after it, 150 分制, 千分制); a scale below 100 it
    states for the whole (:data:`_WHOLE_SCALE_WORDS`: 本项目绩效评价实行 10 分制, 总分为 10 分 —
    not an indicator's, 满意度指标实行 10 分制, （满分 10 分）), when no total score above it is
    stated (a 总分 read as a total itself is the scale only below 60 with a lower score obtained
    stated: 评价总分为 10 分。本项目自评得分 9.2 分); else 100. Worked out once per document."""
    found = doc.memo.get("scores.full_mark")
    if found is None:
        found = doc.memo["scores.full_mark"] = _full_mark(doc)
    return found


def _full_mark(doc) -> Decimal:
    top = ceiling(doc)
    if top.why == "full" and top.value is not None:
        return top.value
    scale = None
    for pf in doc.facts:
        text = pf.para.text
        if "分" not in text or ("制" not in text and "满分" not in text and "总分" not in text):
            continue
        for q in pf.quantities:
            if q.kind != "score" or q.depth or q.negative or not (0 < q.value < FULL_MARKS):
                continue
            i = pf.para.index_of(q.span.start)
            k = max(text.rfind(c, 0, i) for c in _CLAUSE_STOPS) + 1
            before = text[k:i].replace(" ", "")
            if not before or not _WHOLE_SCALE_WORDS.fullmatch(before):
                continue
            if _SCALE_AFTER.match(text, pf.para.index_of(q.span.end)) or (
                    _WHOLE_SCALE_MARK.search(before) and "得" not in before):
                scale = q.value if scale is None else max(scale, q.value)
    if scale is None:
        return FULL_MARKS
    totals = total_scores(doc)
    given = (*totals, *bare_totals(doc))
    if any(q.value > scale for q in given):
        return FULL_MARKS  # a total above it: not the total's scale
    if any(q.value == scale and _WHOLE_SCALE_MARK.search(q.raw_label) for q in totals) and not (
            scale < _PASS and any(q.value < scale and "得" in q.raw_label for q in given)):
        return FULL_MARKS  # itself read as a total (总分为 85 分), with no lower score obtained beside it
    return scale


def band(score: Decimal, bands) -> str:
    """The grade of ``score``: the first band whose lower bound (inclusive) it reaches."""
    ordered = sorted(bands, key=lambda b: b[1], reverse=True)
    for grade, lower in ordered:
        if score >= lower:
            return grade
    return ordered[-1][0]


def bands_of(iv: Interval, bands) -> set[str]:
    """Every grade a score anywhere in ``iv`` may have (the ends decide)."""
    return {band(iv.lo, bands), band(iv.hi, bands)}


def describe_bands(bands, sep: str = "，") -> str:
    ordered = sorted(bands, key=lambda b: b[1], reverse=True)
    parts = []
    upper = None
    for grade, lower in ordered:
        if upper is None:
            parts.append(f"{grade} ≥ {lower:f}")
        elif lower > 0:
            parts.append(f"{grade} {lower:f}–{upper:f}")
        else:
            parts.append(f"{grade} < {upper:f}")
        upper = lower
    return sep.join(parts)


# --- section summaries -----------------------------------------------------

_SUMMARY_RE = re.compile(
    r"(?:指标)?分值\s*(?P<max_u>(?P<max>\d+(?:\.\d+)?)\s*分)\s*[，,、;；]?\s*(?:评价|自评|实际)?得分\s*(?:为)?\s*(?P<got_u>(?P<got>\d+(?:\.\d+)?)\s*分)"
    r"(?:\s*[，,、;；]?\s*(?:总体)?得分率\s*(?:为)?\s*(?P<rate_u>(?P<rate>\d+(?:\.\d+)?)\s*%))?"
)
_COUNT_RE = re.compile(r"(\d+)\s*个\s*(?:[一二三四]级指标|方面|指标)")
RANKS = {"cn-dun": 1, "paren-cn": 2, "ar-dot": 3, "ar-dun": 3, "paren-ar": 4, "circled": 5}


# Scores are awarded in whole or half points; a value written with at most this many
# decimals is exact, one with more is a computed score rounded to what is written.
EXACT_SCORE_DECIMALS = 1


@attrs.frozen
class Number:
    value: Decimal
    precision: int
    span: Span

    def interval(self, exact: bool | None = None) -> Interval:
        """A score as awarded: whole and half points (0–1 decimals) are exact; a score
        with 2 or more decimals is a computed, rounded value and stands for its interval."""
        if exact is None:
            exact = self.precision <= EXACT_SCORE_DECIMALS
        return stated(self.value, self.precision, exact=exact)

    @property
    def text(self) -> str:
        return f"{self.value:f}"


@attrs.frozen
class Summary:
    para: int
    rank: int  # heading level of the section it sums up (1 = 一、)
    title: str
    max: Number
    got: Number
    rate: Number | None
    count: int | None  # 主要考核…3个三级指标: the number of sub-indicators it says it has
    span: Span  # the whole summary phrase


def _number(p, m, name) -> Number | None:
    if m.group(name) is None:
        return None
    raw = m.group(name)
    return Number(parse_number(raw), precision_of(raw), p.span(m.start(name + "_u"), m.end(name + "_u")))


def summaries(doc) -> list[Summary]:
    """Section summaries in document order, each with the level of its section.

    A summary's level is its own paragraph's heading marker (1.xxx。指标分值…) or,
    for a paragraph without one, the last heading before it (一、 … then a paragraph
    “履职效能主要考核…，指标分值50分…”). Worked out once per document (JX204–JX206)."""
    found = doc.memo.get("scores.summaries")
    if found is None:
        found = doc.memo["scores.summaries"] = tuple(_summaries(doc))
    return list(found)


def _summaries(doc) -> list[Summary]:
    heading: dict[int, tuple[int, str]] = {}
    for mk in doc.markers:
        if mk.at_start and mk.style in RANKS and mk.para not in heading:
            heading[mk.para] = (RANKS[mk.style], mk.title)
    out = []
    current = (0, "")
    for p in doc.paragraphs:
        own = heading.get(p.index)
        if own:
            current = own
        if "分值" not in p.text:
            continue  # every summary has 分值
        for m in _SUMMARY_RE.finditer(p.text):
            rank, title = current
            cm = _COUNT_RE.search(p.text, 0, m.start())
            out.append(Summary(
                p.index, rank, title,
                _number(p, m, "max"), _number(p, m, "got"), _number(p, m, "rate"),
                int(cm.group(1)) if cm else None, p.span(m.start(), m.end()),
            ))
    return out


def children(items: list[Summary], k: int) -> list[Summary]:
    """The direct sub-indicators of ``items[k]``: the summaries after it, up to the next
    one at its level or above, at the highest level among them."""
    parent = items[k]
    if parent.rank == 0:
        return []
    below = []
    for i in range(k + 1, len(items)):  # not items[k + 1:]: no copy of the rest per call
        s = items[i]
        if s.rank <= parent.rank:
            break
        below.append(s)
    if not below:
        return []
    top = min(s.rank for s in below)
    return [s for s in below if s.rank == top]


def top_level(items: list[Summary]) -> list[Summary]:
    ranked = [s for s in items if s.rank > 0]
    if not ranked:
        return []
    top = min(s.rank for s in ranked)
    return [s for s in ranked if s.rank == top]


def score_of_grade(doc, g: Grade, totals: list[Quantity]) -> Quantity | None:
    """The total score a stated grade goes with: the last total before it in its
    paragraph, or else the first one after it in the same sentence."""
    para = doc.paragraphs[g.para]
    if para.kind == "cell" and _GRADE_CELL.fullmatch(para.text.strip()):
        return _cell_total(doc, g, totals)  # a grade alone in its cell (自评等级 | 优)
    in_para = _totals_in(doc, totals, g.para)
    before = [q for q in in_para if q.span.end <= g.span.start]
    text = para.text
    s = sentence_start(text, g.index)
    own = [q for q in doc.facts[g.para].quantities
           if q.kind == "score" and q.depth == 0 and s <= para.index_of(q.span.start) < g.index]
    if before and para.index_of(before[-1].span.start) >= s:
        # another score given after the total, before the grade (…89.5 分，按四舍五入为 90 分，等级为优):
        # which the grade goes with is not known
        last = before[-1]
        if any(q.span.start > last.span.start and not _NOT_BETWEEN.search(q.raw_label) for q in own):
            return None
        return last
    if own and any(not _NOT_BETWEEN.search(q.raw_label) for q in own):
        return None  # its own sentence gives another score (上年度自评得分为 88 分，自评结果为“良”)
    if before:
        return before[-1]
    ends = [k for k in (text.find(c, g.index) for c in "。；;") if k >= 0]
    stop = min(ends) if ends else len(text)
    after = [q for q in in_para if q.span.start >= g.span.end
             and para.index_of(q.span.start) < stop]
    if after:
        return after[0]
    m = _SCORE_AFTER_GRADE.match(text, para.index_of(g.span.end - 1) + 1)
    if m is not None:  # 评价结果：优秀（82.5分）: the grade's own score
        for q in doc.facts[g.para].quantities:
            if (q.kind == "score" and para.index_of(q.span.start) == m.end()
                    and not _BOUND_AFTER.match(text, para.index_of(q.span.end - 1) + 1)):
                return q  # (not a band's bound: 良好（80 分以上）)
    if g.para > 0 and not own:
        above = _totals_in(doc, totals, g.para - 1)  # 评价得分：82.35 ⏎ 评价等级：优
        if above:
            pf = doc.facts[g.para - 1]
            if _grade_opens_next(doc, pf, pf.para.index_of(above[-1].span.end - 1) + 1):
                return above[-1]
    return None


def table_grades(doc) -> list[tuple[Grade, Quantity]]:
    """The grade of a scoring table's total row with its score: a table whose header has one
    score column (得分, 自评分 …) and one grade column (等级, 自评等级, 评价结果 …), and a row
    named as the total (总分, 总得分, 综合得分, 合计, 总计) with a number under the score column
    and a grade word alone under the grade column (项目 | 满分 | 自评分 | 等级 ⏎ 总分 | 100 | 92.5 | 优).
    The other rows' grades are left out: an indicator's grade may go by its own scale."""
    out = []
    for table in doc.tables:
        scores = table.columns_of("score")
        if len(scores) != 1:
            continue
        graded = [c for c in table.columns if _GRADE_FIELD.fullmatch(c.header.replace(" ", ""))]
        if len(graded) != 1:
            continue
        for row in table.rows:
            if not _TOTAL_ROW.search(table.label(row)):
                continue
            q = table.value(row, scores[0])
            cell = row.cell(graded[0].index)
            if q is None or cell is None:
                continue
            p = doc.paragraphs[cell.para]
            m = _GRADE_CELL.fullmatch(p.text.strip())
            if m is None:
                continue
            lead = len(p.text) - len(p.text.lstrip())
            out.append((Grade(GRADE_WORDS[m.group(1)], m.group(1), p.span(lead + m.start(1), lead + m.end(1)),
                              p.index, lead + m.start(1)), q))
    return out


# what stands between a grade and its score in brackets right after it: 优秀（82.5分）
_SCORE_AFTER_GRADE = re.compile(r"[”\"'’」]?\s*(?:等级|等次)?\s*[(（]\s*(?:得分|总分|综合得分)?\s*[:：]?\s*(?=\d)")


# a score that may stand between a total and its grade: a maximum, a bonus or a deduction within it
_NOT_BETWEEN = re.compile(r"满分|分值|权重|总分值|加分|扣|减")


def _cell_total(doc, g: Grade, totals: list[Quantity]) -> Quantity | None:
    """The total a grade held in a table cell goes with: the last total before it in its row,
    else in the row right above it (自评得分 | 82.5分 ⏎ 自评等级 | 优) — in cells of its table
    only, and only a row that holds no other figure."""
    paragraphs = doc.paragraphs
    field = _grade_field(doc, paragraphs[g.para])
    start = g.para if field is None else field
    row = paragraphs[start].row
    rows_seen = 0
    k = start - 1
    while k >= 0 and paragraphs[k].kind == "cell":
        if paragraphs[k].row != row:
            rows_seen += 1
            if rows_seen > 1:
                return None
            row = paragraphs[k].row
        found = _totals_in(doc, totals, k)
        if found:
            return found[-1]
        if rows_seen and doc.facts[k].quantities:
            return None  # the row above has figures of its own: which is the total is not known
        k -= 1
    return None


def _totals_in(doc, totals: list[Quantity], para: int) -> list[Quantity]:
    """The totals in paragraph ``para``, in their order, from an index built once per
    ``totals`` list (kept with it, so its id is not reused): one grade after another
    stays linear in the number of grades."""
    cache = doc.__dict__.setdefault("_totals_by_para", {})
    hit = cache.get(id(totals))
    if hit is None or hit[0] is not totals:
        index: dict[int, list[Quantity]] = {}
        for q in totals:
            index.setdefault(q.para, []).append(q)
        hit = cache[id(totals)] = (totals, index)
    return hit[1].get(para, [])


def complete(parent: Summary, kids: list[Summary]) -> bool:
    """The sub-indicators are all there: their 分值 add up to the parent's exactly."""
    return bool(kids) and sum(k.max.value for k in kids) == parent.max.value


def deep_sum(items: list[Summary], k: int, where: dict[Summary, int] | None = None) -> Interval:
    """The score of ``items[k]`` recomputed from its deepest complete sub-indicators
    (``where``: :func:`positions` of ``items``, when the caller has it)."""
    kids = children(items, k)
    if not complete(items[k], kids):
        return items[k].got.interval()
    if where is None:
        where = positions(items)
    lo = hi = Decimal(0)
    for kid in kids:
        iv = deep_sum(items, where[kid], where)
        lo += iv.lo
        hi += iv.hi
    return Interval(lo, hi)


def full_marks(items: list[Summary]) -> Decimal:
    return sum((s.max.value for s in top_level(items)), Decimal(0))


def positions(items: list[Summary]) -> dict[Summary, int]:
    """Each summary's index in ``items`` (the first equal one, as ``list.index``)."""
    table: dict[Summary, int] = {}
    for i, s in enumerate(items):
        table.setdefault(s, i)
    return table
