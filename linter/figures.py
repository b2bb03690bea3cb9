"""Figures the report states, keyed by what they are, to find the same figure stated twice.

A :class:`Mention` is one stated figure with the identity of the quantity it
states: its normalised label (the vocabulary's canonical term, kept with its
scope word), the period (the year named in its sentence, else the table's
caption, else the evaluated year), the scope (财政拨款, 项目支出 … — from the
label, else the last scope word earlier in the sentence) and the item it is
about (a project named in quotes, a table row), else the subject its sentence or
clause opens with (一批项目涉及…, 甲类资金全年共…); an amount whose own label opens with
an expense's name (公务接待费支出决算 a, 公务接待费支出 a) is that expense's, and so is an
amount after it in its sentence whose clause is only its label (…，年初预算为 b). Two mentions with the same
:attr:`Mention.key` state the same quantity.

Deliberately left out, so that nothing that is not the same quantity is
compared: figures of comparisons, targets and thresholds (上年, 同比, 增长,
目标, 不低于 …), figures in parentheses, figures of a sentence with two
different years, figures of clauses after one that opens with 上年, figures
whose sentence enumerates several items with 分别
unless the items and the figures pair up one to one (``“A”“B”支出率分别为 x、y``).
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

import attrs

from .extract import SENTENCE_END
from .facts import PunctItem, Quantity, TextItem, YearRef
from .source import Span


_NUMBERED = re.compile(r"^\d+[、.]")


def _squash(text: str) -> str:
    # str.split() splits on exactly the characters ``\s`` matches (every Unicode
    # whitespace), several times faster than a regular expression on short names
    return "".join(text.split())

# words that make a figure a comparison, a target or a rule rather than the quantity itself
_NOT_THE_FIGURE = re.compile(
    r"上年|去年|上一年|前年|同比|较上|比上|较去|增长|增加|减少|下降|上升|提高|目标|计划|指标值|不低于|不高于|"
    r"不超过|不少于|以上|以下|以内|标准|要求|上限|下限|≥|≤|≧|≦|>|<|应当|应|若|如果|假设|预计|约|左右|超过|不足|低于|高于|"
    r"拟|预估|测算"
)
_WHOLE_YEAR = re.compile(r"^(?:全年|年内|当年|本年度|本年|累计|共计|共|合计)+")
_SPENT = re.compile(r"决算|实际支出|支出数|支出金额|已支出|支出了|实际使用|使用资金|支出")
_QUOTED = re.compile(r"[“\"]([^“”\"]{2,40})[”\"]")
_ITEM_SUFFIX = re.compile(r"(?:工作经费|专项经费|项目经费|经费|专项资金|资金|项目|工作)$")
# words in front of a label that make it a different quantity (调整后收入预算数 is not 收入预算数)
QUALIFIERS = ("调整后", "调整", "年初", "全年", "实际", "在用", "闲置", "期末", "期初", "年末", "追加", "新增",
              "累计", "净", "账面", "清查", "当年", "剩余", "平均", "人均", "未", "已", "应", "结余", "结转",
              "本级", "下属", "所属", "全局", "全系统", "汇总", "合并", "机关", "申报", "申请", "批复",
              "其他", "其余", "其它")
_ANY_QUALIFIER = re.compile("|".join(map(re.escape, QUALIFIERS)))
# a part of the year (上半年, 截至 6 月底) is not the year's figure
_PART_OF_YEAR = re.compile(r"上半年|下半年|季度|[1-9１-９]\s*[-—~至到]\s*1?\d\s*月|前\S{0,2}个?月|(?:截至|截止|至)(?!\S{0,6}12\s*月\s*31)\S{0,8}\d\s*月")


def _part_of_year(text: str) -> bool:
    """``_PART_OF_YEAR.search(text)``, asked only of a text with 月, 季度 or 半年 (every match has one)."""
    return ("月" in text or "季度" in text or "半年" in text) and _PART_OF_YEAR.search(text) is not None


# what a generic figure (年初预算数, 实际支出数) is the figure of, when the sentence names it first
SUBJECTS = ("公用经费", "三公", "人员经费", "固定资产", "政府采购", "工资福利", "商品和服务", "对个人和家庭",
            "转移支付", "资本性支出", "本级", "下属", "所属", "全系统", "汇总", "合并")
_OVERALL = re.compile(r"总|综合|整体|最终|自评得分|本项目|本单位|本部门|我局|我单位")
_EXPLAINING = re.compile(r"说明|依据|分析")
_PER_INDICATOR = re.compile(r"指标|分值|本项(?!目)|该项|此项")
# the subject a sentence's clause opens with: a noun phrase (一批项目, 二期工程, 甲村, 中央财政补助资金)
# right before what is said of it (涉及, 主要建设内容, 全年共 …). The same label under two
# subjects is two figures (一批项目 … 道路 5000 平方米。三批项目 … 道路 3000 平方米).
_LEADING = r"(?:\s*(?:[一二三四五六七八九十\d]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|(?:19|20)\d\d年度?))*\s*"
_SUBJECT_HEAD = r"([^\W\d_]{0,14}?(?:批|期|标段|村|社区|镇|乡|街道|项目|工程|专项|资金|公益金|基金|经费|补助|补贴|奖补|类))"
# (本年 / 当年 after a fund's name: 甲类公益金本年收入 a，……当年实际支出 b — that fund's year)
_SUBJECT = re.compile(_LEADING + _SUBJECT_HEAD + r"(?=涉及|主要建设内容|主要内容|建设内容|全年|本年|当年|共|总投资|下达|安排|到位|覆盖|包括|预算)")
# a rate's sentence: any noun phrase it opens with, said of before the rate's own words
# (乙类资金当年未使用，预算执行率 0%) — a rate of one fund is not compared with another's
_RATE_SUBJECT = re.compile(_LEADING + _SUBJECT_HEAD)
# a subject that names nothing in particular (本项目, 该资金): the report's own, as if none were named
_GENERIC_SUBJECT = re.compile(r"(?:本|该|此|我|上述|整个|全部)?(?:项目|资金|经费|工程|补助|专项资金|项目资金|公益金|基金)")
# a clause that opens with a year before the evaluated one (上年年初预算收入 …, 收入决算数为 …):
# the clauses after it are last year's too, until one opens with this year
# (上年结转, 上年结余 are this year's money brought forward)
_CLAUSE_YEAR = re.compile(_LEADING + r"(上年度?|去年|上一年度?|前年|本年度?|今年|当年)(?!结转|结余)")


# a named expense a figure's own label opens with (公务接待费支出决算 a, 因公出国(境)费支出决算 b):
# the figure is that expense's, whatever the sentence named before it (“三公”经费支出决算中,……)
_PAREN_BEFORE = re.compile(r"[^\W\d_]{1,20}[(（][^\W\d_]{1,4}[)）]$")
_EXPENSE_OPENING = re.compile(r"^(?:本|该|此|我|上述|其他|其余|其它|各|全年|当年|本年度|本年|累计)+")


def _expense(text: str, label_start: int, raw_label: str, vocab, scope_words: tuple) -> str:
    """The expense (…费) the words of a figure's label before its vocabulary term name, as
    written — the name may hold a short parenthesis (因公出国(境)费), which ends the raw label
    before it — or "" when they name none, or a scope (公用经费, “三公”经费) or nothing in
    particular (经费, 工作经费)."""
    head = _squash(_scope_head(raw_label, vocab))
    if not head:
        # (公务接待费支出 a: 支出 alone is no vocabulary term, and names the expense's spending)
        bare = _squash(vocab.strip_fillers(raw_label))
        head = bare[:-2] if bare.endswith("支出") else ""
    if not head.endswith("费"):
        return ""
    if text.startswith(head[:1], label_start):
        m = _PAREN_BEFORE.search(text, max(0, label_start - 30), label_start)
        if m:
            head = m.group(0) + head
    head = _EXPENSE_OPENING.sub("", head)
    if len(head) < 3 or not item_name(head) or any(sc in head for sc in scope_words):
        return ""
    return head


def _bare_label(text: str, label_start: int, raw_label: str, vocab) -> bool:
    """Whether a figure's clause is only its label (年初预算为, 差值为) — nothing before the label
    in its clause, and nothing but qualifiers (年初, 调整后) before the vocabulary term."""
    k = label_start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k > 0 and text[k - 1] not in "，,；;：:。":
        return False
    head = _scope_head(raw_label, vocab)
    if not head and not vocab.canonical(raw_label):
        return False
    return not _ANY_QUALIFIER.sub("", _squash(head))


def qualifiers(raw_label: str, vocab) -> str:
    """The qualifying words in front of the vocabulary term a raw label ends with."""
    head = vocab.split(raw_label)[0]
    if not _ANY_QUALIFIER.search(head):
        return ""  # one pass of a pattern for the usual head without any
    return "".join(w for w in QUALIFIERS if w in head)


def _scope_head(raw_label: str, vocab) -> str:
    """The words of a raw label before the vocabulary term it ends with (政府采购 of
    政府采购实际支出), or "" when it ends with none."""
    head, term = vocab.split(raw_label)
    return head if term else ""


@functools.lru_cache(maxsize=4096)
def item_name(text: str) -> str:
    """A project or task name without the words that only say it is one (经费, 项目, 工作)."""
    t = _NUMBERED.sub("", _squash(text))
    prev = None
    while prev != t:
        prev = t
        t = _ITEM_SUFFIX.sub("", t)
    return t


@attrs.frozen
class Mention:
    q: Quantity
    label: str
    period: int | None
    scope: str
    item: str
    where: str  # prose | table
    item_text: str = attrs.field(default="", eq=False)  # the item as written, for messages
    subject: str = ""  # what the sentence is about, when it opens with a noun phrase (一批项目)
    # a figure listed after 其中 that no breakdown was found for: the figure the list is of
    whole: Span | None = attrs.field(default=None, eq=False)

    @property
    def key(self) -> tuple:
        return (self.label, self.period, self.scope, self.item, _family(self.q), self.subject)

    @property
    def span(self) -> Span:
        return self.q.span


def _family(q: Quantity) -> str:
    if q.kind == "amount":
        return "amount"
    return f"{q.kind}:{q.unit}"


class _Sentences:
    """A paragraph's sentences, by item: the items that end one (。；!? as punctuation) found
    in one pass; where a sentence starts and the years it names are worked out only for the
    sentences a figure is in (most items are in none)."""

    def __init__(self, pf):
        self.pf = pf
        # (a punctuation item is a PunctItem: its class is its kind, told without an attribute)
        self.ends = [i for i, it in enumerate(pf.items) if type(it) is PunctItem and it[0] in SENTENCE_END]
        self._starts: dict[int, int] = {}
        self._years: dict[int, set[int]] = {}

    def of(self, i: int) -> int:
        """The sentence of item ``i``: how many sentence ends come before it."""
        return bisect.bisect_left(self.ends, i)

    def _first(self, s: int) -> int:
        return self.ends[s - 1] + 1 if s else 0

    def start(self, s: int) -> int:
        """Where sentence ``s`` (one with an item) starts in the paragraph's text."""
        got = self._starts.get(s)
        if got is None:
            got = self._starts[s] = _start(self.pf, self.pf.items[self._first(s)])
        return got

    def years(self, s: int) -> set[int]:
        """The years sentence ``s`` names (its YearRef items)."""
        got = self._years.get(s)
        if got is None:
            last = self.ends[s] + 1 if s < len(self.ends) else len(self.pf.items)
            got = self._years[s] = {it.year for it in self.pf.items[self._first(s):last] if type(it) is YearRef}
        return got


def mentions(doc, raw_labels: bool = False) -> list[Mention]:
    """Every figure stated in prose or in a table, with its identity.

    ``raw_labels``: also keep figures whose label is not in the vocabulary, keyed
    by the words before them as written (at least five characters) — used by the
    元/万元 rule, which compares only figures that agree to within a rounding slip.
    """
    both = doc.memo.get("figures.mentions")
    if both is None:
        # computed once per document for both JX105 and JX501: with the raw labels, each
        # mention tagged with whether only the raw label made it one
        both = doc.memo["figures.mentions"] = _mentions(doc)
    return [m for m, raw in both if raw_labels or not raw]


def _mentions(doc) -> list[tuple[Mention, bool]]:
    raw_labels = True
    vocab = doc.config.vocabulary
    scopes = vocab.scopes
    default_year = doc.profile.year
    out: list[tuple[Mention, bool]] = []
    in_tables: set[int] = set()
    for table in doc.tables:
        for cell in table.header:
            in_tables.add(cell.para)
        # the columns of running text (评分说明), asked once per table: their cells are read as prose
        explaining = {i for i, col in enumerate(table.columns) if _EXPLAINING.search(col.header)}
        for row in table.rows:
            for c in row.cells:
                if row.aligned and c.column in explaining:
                    continue
                in_tables.add(c.para)
    table_cells = {c.para for t in doc.tables for r in t.rows for c in r.cells}
    for pf in doc.facts:
        p = pf.para
        if p.index in in_tables or (p.kind == "cell" and p.index not in table_cells):
            continue
        out.extend(_prose(doc, pf, vocab, scopes, default_year, raw_labels))
    out.extend((m, False) for m in _table_mentions(doc, default_year))
    return out


_FIGURE_KINDS = ("amount", "percent", "score", "count")


def _prose(doc, pf, vocab, scopes, default_year, raw_labels):
    figures = [q for q in pf.quantities if q.kind in _FIGURE_KINDS]
    if not figures:
        return []  # nothing below looks at a paragraph without a figure
    text, index_of = pf.para.text, pf.para.index_of
    sentences = _Sentences(pf)
    scope_words = None  # the scope words the paragraph holds, found when a figure needs them
    clause_marks = None  # where the paragraph's clauses end, found when a figure needs them
    opened: dict = {}  # what each clause opens with, asked once per clause (see _openings)
    respectively = _respectively(pf, sentences, vocab)
    scope_names = tuple(scopes) + SUBJECTS  # (the scope words a figure may be given, in their order)
    part_of = {}
    for b in doc.in_paragraph("breakdowns", pf.para.index):
        if b.para == pf.para.index:
            for part in b.parts:
                part_of[part.span] = b.total.label or vocab.strip_fillers(b.total.raw_label)
    starts_with_marker = any(m.at_start for m in pf.markers)
    heading = next((m.title for m in pf.markers if m.at_start), "")  # the title of the first one
    carried = None  # (sentence, expense) the last amount whose own label named an expense
    out = []
    for q in figures:
        i = q.item  # its index among the paragraph's items
        # (a figure in parentheses, or one nothing below gives a label, is passed before its
        # sentence is looked at)
        if q.depth > 0:
            continue
        count_label = ""
        if not q.label and i not in respectively:
            kind = q.kind
            if kind == "percent" or (kind == "score" and not starts_with_marker):
                continue  # nothing below gives an unlabelled rate, or a score without a heading, a label
            if kind == "count":
                count_label = _count_label(q, vocab)
                if not count_label:
                    continue
        raw_only = False
        s = sentences.of(i)
        qi = index_of(q.span.start)
        sentence_start = sentences.start(s)
        prefix = text[sentence_start: qi]
        label, item, item_text = q.label, "", ""
        if i in respectively:
            label, item, item_text = respectively[i]
        elif "分别" in prefix:
            continue
        else:
            # (a name opens with “ or ": most prefixes have neither and are passed without the pattern)
            names = _QUOTED.findall(prefix) if "“" in prefix or '"' in prefix else []
            if len(names) > 1:
                continue
            if names:
                item, item_text = item_name(names[0]), names[0]
        own_item = False
        if q.kind == "amount" and q.label_span is not None and i not in respectively:
            label_start = index_of(q.label_span.start)
            expense = _expense(text, label_start, q.raw_label, vocab, scope_names)
            if expense:
                carried = (s, expense)
            elif carried and carried[0] == s and not item and _bare_label(text, label_start, q.raw_label, vocab):
                # 公务接待费支出 a，年初预算为 b，差值为 c: a clause that is only a label goes on
                # about the expense an earlier clause of its sentence named
                expense = carried[1]
            else:
                carried = None  # a clause about something else ends what the sentence was about
            if expense:
                item, item_text, own_item = item_name(expense), expense, True
        if q.kind == "score" and not item and starts_with_marker and i not in respectively:
            # 1.预算编制。指标分值 20 分，评价得分 18 分: the heading names the indicator
            role = _score_role(q.raw_label)
            title = heading
            if role and 2 <= len(title) <= 24 and not _NOT_A_TITLE.search(title):
                label, item, item_text = role, item_name(title), title
        if item and q.kind == "amount" and i not in respectively:
            # a named project's budget or spending: the role a table column gives it
            role = _amount_role(q.raw_label)
            if role:
                qual = qualifiers(q.raw_label, vocab)
                label = f"{qual}:{role}" if qual else role
        if not label and raw_labels and q.kind == "amount":
            raw = vocab.strip_fillers(q.raw_label)
            if len(raw) >= 5 and not vocab.is_attribute(raw):
                label = "~" + raw
                raw_only = True
        if not label and count_label:
            label = count_label
        if not label:
            continue
        if clause_marks is None:
            clause_marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
        clause = text[_clause_start(clause_marks, qi): qi]
        if q.kind == "score" and not label.startswith("col:") and (starts_with_marker or _PER_INDICATOR.search(clause) or not (
                _OVERALL.search(q.raw_label) or "等级" in text[qi: qi + 30])):
            # the score of one indicator, named by its heading (JX112 and the tables judge those);
            # only the report's overall score is compared in prose
            continue
        qual = qualifiers(q.raw_label, vocab) if not label.startswith(("~", "col:")) and q.label == label else ""
        if qual:
            label = f"{qual}:{label}"
        if q.span in part_of:
            if label.startswith("col:"):
                continue  # parts of one list named only as “三保”'s spending: one name, different figures
            label = f"{part_of[q.span]}>{label}"
        if _NOT_THE_FIGURE.search(q.raw_label) or _NOT_THE_FIGURE.search(clause) or _part_of_year(prefix):
            continue
        years = sentences.years(s)
        if len(years) > 1:
            continue
        period = next(iter(years)) if years else default_year
        scope = ""
        own = q.label or label.lstrip("~")
        if q.span not in part_of and not own.startswith(scopes):
            # (a part of a breakdown takes its scope from its total, named in its label)
            before = prefix
            if q.label_span is not None:
                before = text[sentence_start: index_of(q.label_span.start)]
                head = _scope_head(q.raw_label, vocab)
                if head:
                    before += head  # (政府采购实际支出: the scope word opens the label itself)
            if scope_words is None:
                # (a word in the text before a figure is in the paragraph: the paragraph is searched
                # for each scope word once, and each figure only for the few it holds)
                scope_words = [sc for sc in scope_names if sc in text]
            found = [(before.rfind(sc), sc) for sc in scope_words if sc in before]
            if found:
                scope = max(found)[1]
        elif q.span in part_of and not own.startswith(scopes):
            # a part's own scope word opening its label (人员经费支出预算 a，公用经费支出预算 b: one
            # name, two parts) sets it apart from the other parts
            head = _scope_head(q.raw_label, vocab)
            scope = next((sc for sc in scope_names if head and sc in head), "")
        if item and scope and not own_item:
            scope = ""  # a named item is narrower than the scope word before it
            # (not an expense its label names: 项目支出中差旅费 a, 基本支出中差旅费 b are two)
        loose = None
        if q.kind == "percent":
            loose = index_of(q.label_span.start) if q.label_span is not None else qi
        subject = _openings(text, clause_marks, sentence_start, qi, loose, opened)
        if subject is None:
            continue  # last year's figure, named at the start of an earlier clause
        if item and not own_item:
            subject = ""  # a named item is what the figure is about
        whole = None
        if q.span not in part_of:
            at = text.rfind("其中", sentence_start, qi)
            if at >= 0:
                # the whole is in the sentence, or in the one before when this one opens with 其中
                low = sentences.start(s - 1) if s and not text[sentence_start: at].strip() else sentence_start
                family = _family(q)
                whole = next((f.span for f in reversed(figures)
                              if low <= index_of(f.span.start) and index_of(f.span.end) <= at
                              and _family(f) == family), None)
        out.append((Mention(q, label, period, scope, item, "prose", item_text, subject, whole), raw_only))
    return out


def _count_label(q, vocab) -> str:
    """The label of a count of things, which has no vocabulary term: the words before it, as
    written, when they are specific enough (至少六个字：全年共处理各类文件, 反馈问题), else ""."""
    if q.unit in ("年", "个月", "天", "日", "小时"):
        return ""
    raw = _WHOLE_YEAR.sub("", vocab.strip_fillers(q.raw_label))
    # (第 N 页, 第 N 次, 第 N 批: an ordinal says which one, not how many)
    if len(raw) >= 6 and not raw.rstrip().endswith("第"):
        return "#" + raw
    return ""


_SCORE_MAX = re.compile(r"分值|满分|标准分")
_SCORE_GOT = re.compile(r"得分$|评分$|得分为$")
_NOT_A_TITLE = re.compile(r"[\d，,:：“”\"]")  # a heading with figures or quotes names no indicator


def _score_role(raw_label: str) -> str:
    """``col:score-max`` or ``col:score`` for the words before a named indicator's score."""
    raw = raw_label.strip()
    if _SCORE_MAX.search(raw):
        return "col:score-max"
    if _SCORE_GOT.search(raw) and "扣" not in raw:
        return "col:score"
    return ""


def _amount_role(raw_label: str) -> str:
    """``col:budget`` or ``col:spent`` for the words before a named item's amount."""
    raw = raw_label.strip()
    if "预算" in raw and "执行" not in raw:
        return "col:budget"
    if _SPENT.search(raw):
        return "col:spent"
    return ""


def _start(pf, it) -> int:
    if isinstance(it, TextItem):
        return it.start
    return pf.para.index_of(it.span.start)


_CLAUSE_MARK = re.compile("[，,。；;:：]")


def _clause_start(marks: list[int], i: int) -> int:
    """Where the clause of text index ``i`` starts: after the last of ``marks`` (the
    positions of ``_CLAUSE_MARK`` in the text) before ``i``, else 0."""
    k = bisect.bisect_left(marks, i)
    return marks[k - 1] + 1 if k else 0


def _openings(text: str, marks: list[int], start: int, i: int, loose: int | None = None,
              cache: dict | None = None) -> str | None:
    """What the clauses of a sentence from ``start`` up to text index ``i`` open with:
    the subject of the last one that names one ("" when none does), or None when the
    last one that names a year names an earlier year (上年 …) and no later one this year.
    ``loose``: for a rate, where its own words start — any noun phrase a clause opens
    with before them is a subject. ``cache``: the paragraph's clauses, by where they start."""
    k = bisect.bisect_left(marks, start)
    at = [start] + [m + 1 for m in marks[k: bisect.bisect_left(marks, i)]]
    subject, earlier = "", False
    for a in at:
        got = cache.get(a) if cache is not None else None
        if got is None:
            got = _opening(text, a)
            if cache is not None:
                cache[a] = got
        strict, rate, year = got
        if strict:
            subject = strict
        elif loose is not None and rate and rate[1] < loose:
            subject = rate[0]  # (not the rate's own words: 项目资金支出率)
        if year:
            earlier = year[0] in "上去前"
    return None if earlier else subject


def _opening(text: str, a: int) -> tuple[str, tuple[str, int] | None, str]:
    """What the clause at text index ``a`` opens with: a subject before what is said of it
    (or ""), any noun phrase and where it ends (for a rate), and the year word (or "")."""
    # _SUBJECT is _RATE_SUBJECT with a lookahead after it: where the shorter pattern does not
    # match (most clauses), neither does the longer, which is then not tried
    loose = _RATE_SUBJECT.match(text, a)
    got = _SUBJECT.match(text, a) if loose else None
    strict = got.group(1) if got and not _GENERIC_SUBJECT.fullmatch(got.group(1)) else ""
    rate = None
    if loose and not got and not _GENERIC_SUBJECT.fullmatch(loose.group(1)):
        rate = (loose.group(1), loose.end(1))
    year = _CLAUSE_YEAR.match(text, a)
    return strict, rate, year.group(1) if year else ""


def _respectively(pf, sentences: _Sentences, vocab) -> dict[int, tuple[str, str]]:
    """``“A”“B”“C”支出率分别为 x、y、z``: item index → (label, item)."""
    text = pf.para.text
    out: dict[int, tuple[str, str]] = {}
    if "分别" not in text:
        return out
    for m in re.finditer("分别(?:为|是|达到|达)?", text):
        sent_start = max(text.rfind(ch, 0, m.start()) for ch in "。；;") + 1
        head = text[sent_start: m.start()]
        names = list(_QUOTED.finditer(head))
        if len(names) < 2:
            continue
        label = vocab.canonical(head[names[-1].end():])
        if not label:
            continue
        first_after = next((k for k, x in enumerate(pf.items) if _start(pf, x) >= m.end()), None)
        if first_after is None:
            continue
        qs = [i for i in range(first_after, len(pf.items))
              if sentences.of(i) == sentences.of(first_after) and isinstance(pf.items[i], Quantity)]
        family = {(_family(pf.items[i])) for i in qs[: len(names)]}
        if len(qs) < len(names) or len(family) != 1:
            continue
        for n, i in zip(names, qs):
            out[i] = (label, item_name(n.group(1)), n.group(1))
    return out


def _table_mentions(doc, default_year):
    vocab = doc.config.vocabulary
    out = []
    for table in doc.tables:
        period = _table_year(doc, table) or default_year
        names = _RowNames(table)
        col_labels: dict[int, tuple[str, int]] = {}  # a column's label and period, per table
        for pos, row in enumerate(table.rows):
            total = row.is_total
            if row.aligned and total:
                out.extend(_overall_score(table, row, period))
            if not row.aligned or total:
                continue
            if not item_name(names.label(row)):
                continue
            # (the figure first, the row's name for it only when there is one: most cells hold none)
            for col in table.columns:
                if col.kind == "text":
                    cell = row.cell(col.index)
                    if cell is None:
                        continue
                    # a labelled figure in a cell of words: the first one
                    q = next((q for q in cell.quantities if q.label and q.depth == 0 and q.kind in ("amount", "percent")
                              and not _NOT_THE_FIGURE.search(q.raw_label)), None)
                    if q is None:
                        continue
                    item, item_text = names.unique_item(row, col.index)
                    if item:
                        out.append(Mention(q, q.label, period, "", item, "table", item_text))
                    continue
                if col.kind not in ("budget", "spent", "rate", "score", "score-max", "amount"):
                    continue
                q = table.value(row, col)
                if q is None:
                    continue
                item, item_text = names.unique_item(row, col.index)
                if not item:
                    continue
                if col.kind in ("score", "score-max") and _continued(table, pos, col, names):
                    continue  # the indicator runs on over rows without its name: its score is theirs too
                got = col_labels.get(col.index)
                if got is None:
                    got = col_labels[col.index] = _column_label(table, col, vocab, period)
                out.append(Mention(q, got[0], got[1], "", item, "table", item_text))
    return out


def _column_label(table, col, vocab, period) -> tuple[str, int]:
    """The label and period of the figures in a column: the same for every row."""
    label = "col:" + col.kind if col.kind in ("budget", "spent", "score", "score-max") else (
        vocab.canonical(col.header) or "col:" + col.kind)
    if label.startswith("col:") and len({c.header for c in table.columns_of(col.kind)}) > 1:
        # two columns of one kind (年初预算, 调整预算; 2022年, 2023年): the header tells them apart
        label = f"{label}:{col.header}"
    years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?=年)", col.header)}
    return label, years.pop() if len(years) == 1 else period


def _table_year(doc, table) -> int | None:
    """The year in the caption right above a table."""
    first = table.header[0].para if table.header else table.rows[0].cells[0].para
    for pf in reversed(doc.facts[max(0, first - 2): first]):
        if pf.para.kind == "cell":
            break
        ys = {y.year for y in pf.years}
        if len(ys) == 1:
            return ys.pop()
    return None


_NAME_HEADER = re.compile(r"指标|名称|项目|任务|事项")
_NOT_NAME_HEADER = re.compile(r"解释|标准|说明|依据|情况|内容|目标值|指标值")


def _is_name_column(col) -> bool:
    """A word column that names the rows' items (一级/二级/三级指标, 项目名称 …), not one
    that explains or measures them (指标解释, 评分标准, 指标值)."""
    return col.kind == "text" and bool(_NAME_HEADER.search(col.header)) and not _NOT_NAME_HEADER.search(col.header)


class _RowNames:
    """The names of one table's rows, each worked out once per table rather than once per
    cell (a table of n rows and m columns asks for them n·m times):

    - :meth:`label`: what the row is about (``Table.label``);
    - :meth:`left_of`: the name a value in a column belongs to — the nearest short word cell
      to its left under a name column, else "" when the table names its rows there but not
      this one (a merged name cell), else the row's label;
    - :meth:`unique_item`: that name, if no other row of the table has the same one.
    """

    def __init__(self, table):
        self.table = table
        self.is_name = [_is_name_column(c) for c in table.columns]
        self.first_name = min((c.index for c in table.columns if _is_name_column(c)), default=None)
        self._labels: dict[int, str] = {}  # id(row) → label
        self._left: dict[int, list[str]] = {}  # id(row) → the name left of each column
        self._counts: dict[int, Counter] = {}  # column → how many plain rows carry each name
        self._plain = None

    def label(self, row) -> str:
        got = self._labels.get(id(row))
        if got is None:
            got = self._labels[id(row)] = self.table.label(row)
        return got

    def left_of(self, row, index: int) -> str:
        names = self._left.get(id(row))
        if names is None:
            names = self._left[id(row)] = self._names_left(row)
        return names[index]

    def _names_left(self, row) -> list[str]:
        # one pass over the row's cells for all its columns: the cells left of column
        # ``index`` are those before the first cell at or right of it
        columns, cells = self.table.columns, row.cells
        out, best, near, words, k = [], "", "", 0, 0
        for index in range(len(columns)):
            while k < len(cells) and cells[k].column < index:
                c = cells[k]
                k += 1
                if c.column < len(columns) and self.is_name[c.column] and not c.is_number and not c.is_blank:
                    text = c.text.strip()
                    if len(text) <= 24:
                        best = text
                if c.column < len(columns) and columns[c.column].kind == "text" and not c.is_number \
                        and not c.is_blank:
                    near, words = c.text.strip(), words + 1
            if best:
                out.append(best)
            elif self.first_name is not None and self.first_name < index:
                out.append("")  # the table names its rows, but not this one (a merged name cell)
            elif words > 1 and len(near) <= 24:
                # 收入 | 金额 | 支出 | 金额 side by side: the second 金额 is the nearer word cell's
                out.append(near)
            else:
                out.append(self.label(row))
        return out

    def unique_item(self, row, index: int) -> tuple[str, str]:
        """The row's item for column ``index`` and the name as written, or ("", "")."""
        rows_with = self._counts.get(index)
        if rows_with is None:
            if self._plain is None:
                # the rows that are neither unaligned nor totals
                self._plain = [r for r in self.table.rows if r.aligned and not r.is_total]
            rows_with = self._counts[index] = Counter()
            for r in self._plain:
                rows_with.update({item_name(self.left_of(r, index)), item_name(self.label(r))})
        for name in (self.left_of(row, index), self.label(row)):
            item = item_name(name)
            if not item:
                continue
            if rows_with[item] == 1:
                return item, _squash(name)
        return "", ""


def _continued(table, pos: int, col, names: _RowNames) -> bool:
    """The row after the one at ``pos`` has a value in ``col`` but no name of its own: one
    indicator over two rows."""
    if pos + 1 >= len(table.rows):
        return False
    nxt = table.rows[pos + 1]
    if nxt.is_total:
        return False
    cell = nxt.cell(col.index)
    has_value = cell is not None and not cell.is_blank
    return has_value and not names.left_of(nxt, col.index)


def _overall_score(table, row, period):
    """The 合计 of a whole score table (its maxima add up to 100) is the report's overall score."""
    from decimal import Decimal

    maxima = [table.value(row, c) for c in table.columns_of("score-max")]
    scores = [table.value(row, c) for c in table.columns_of("score")]
    if len(scores) != 1 or scores[0] is None or not maxima or any(m is None or m.value != Decimal(100) for m in maxima):
        return []
    return [Mention(scores[0], "自评得分", period, "", "", "table")]
