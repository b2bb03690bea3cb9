"""The outline of a report: its headings and list items as a tree.

Markers are facts already (:class:`~linter.facts.Marker`: 一、 (一) 1. 1、 (1) ①
一是 第一). :func:`outline` puts them in order and decides, for each one, which
list it belongs to and under which item that list hangs.

Which markers count
    A marker at the start of a paragraph, or right after 。；: inside one (a list
    run inside a paragraph: ``(1)……。(2)……``). A marker after a comma
    (``1.对外宣传，2.党政事务``) is an enumeration inside a sentence and is
    left out of the outline — except 一是、二是, an enumeration of items wherever it is
    written (``在……方面，一是……；二是……``, ``一是对外宣传，二是党政事务``). A number that
    opens a line after a line broken at 第 (``……评分标准第⏎(3)项扣 1 分``) is that
    ordinal's, no marker; so is one after a sentence's line broken at 附表, 附件, 详见
    (``……，详见附表⏎(2)中的……``). A 1 right after a tab (a row of a Word table read as text,
    its cells parted by tabs: ``项目绩效目标\t1.……;2.……``) opens its cell's list, as at a line's start —
    not in a row that opens with a number itself (``1.预算编制\t3.预算监督``: one list in two columns).
    In a paragraph that is several lines of a PDF or a web
    page read as one (its line breaks turned into spaces), a marker after a space
    that follows a word counts too, as at the start of its line: such a paragraph
    is known by a heading followed, after a short title, by a nested heading of
    another style (``一、概述 (一)概况 1.实施主体:某厅 2.主要内容……``).
    A list written along one line with only spaces between its items (``目 录 1、概况
    2、支出明细 3、考评情况 4、考评人员``: four items or more of one style, short words between,
    most of them one more than the one before) is taken too, as a scope of its own.
    The numbers of a form's options with boxes to tick (``1、持续性项目 ☑ 2、新增性项目 □``,
    each group numbered from 1 on its own row) are no list of the report: each group is
    a scope of its own, checked on its own (1、 2、 2、 is a number twice).

Scopes
    The body of the report is one scope; an appendix (a paragraph opening with
    ``附件1``, ``附表:`` or ``附:``, ``第二部分`` or ``第二章``, or a line ``正文`` or ``报告正文`` alone: the main text after a summary, or the name of
    another report or form alone on its line with 一、 or (一) right after it) starts a new one, and so does every table cell
    (a cell's numbered list is its own) and every run of plain paragraphs that
    sits between table cells (a multi-paragraph cell flattened by the reader).
    A row whose only cell opens with a heading's number (``一、项目基本概况 |``, a
    heading written across the table, as a page's one-cell-per-line table gives
    it) is no cell list: the heading rows of one table are one scope, numbered
    together. A list written along one line and a group of a form's options (see above)
    are scopes of their own, and so are the numbers a document site gives its preview
    chunks (1、 2、 3、 opening lines cut off mid-sentence) when the report is read without them.
    Lists never continue from one scope into another. A paragraph before the body's
    first numbered line that copies the outline inline (a page's summary) is left out.

Lists and levels
    The outline is built with a stack of open lists. A marker continues the
    nearest open list of its style whose next ordinal it is (closing the lists
    opened under it); otherwise it is a problem in the nearest open list of its
    style — a duplicate (the same ordinal again), a gap (an ordinal skipped) or
    a step back — or, when it is 1, the start of a new list of that style nested
    under the current item (a *restart*: legitimate for a lower level that begins
    again under an unmarked sub-heading, a defect for the top level of the scope).
    A list opened by a 1 right after a label (``概述如下:(1)``) hangs under the current
    item — except that a list of its style run inside an earlier paragraph (its last
    item not at its paragraph's start) ended with that paragraph: the new list is its
    sibling, not a list nested under its last item, so the same inline list written a
    second time is checked the second time too. Two lists each after a label worded like
    the other's (the same last two characters, not 其中/包括/如下: ``预算编制方面:(1)…(2)…。
    预算执行方面:(1)…``) are side by side: the later one closes the earlier.
    A heading (一、 or (一)) that opens a new list first closes the 一是、二是 lists
    open at the top: an enumeration inside prose ends at the next heading, and a
    heading is never an item under 一是 ((一)概况…：一是…二是…。(二)管理…：一是…).
    A style not open yet opens a new list under the current item; if a list of
    that style was closed under the same parent and this marker is its next
    ordinal, the list is resumed (a list interrupted by a nested one). A first item
    other than 1 under a heading goes on from the list of its style under the heading
    before, when it is that list's last number up to two more ((一) 1. 2. (二) 3.:
    numbered across the headings; 2 there is a duplicate, 4 a gap).
    The level of a style is the order in which styles first appear in the scope
    (the report's own convention: usually 一、 > (一) > 1. > (1)).

Reading ahead
    Where a marker can be read more than one way — it is not the next number of
    the innermost open list of its style, but is the next of an outer one, or a
    problem in one of them, or (when it is 1) a restart — each reading is tried
    on the markers that follow in the scope (until every reading has put one back
    at the outermost list involved, at most ``_AHEAD`` markers), and the one with
    the fewest problems is taken (a restart counts half a problem; the usual
    reading wins a tie). A wrong number is then one problem, not several:
    (一) (三) [a nested (一)…(五)] (三) (四) is a gap at the first (三) and the
    list goes on from (二); 1, 2, 2, 3 is one repeat; a repeated (二) in a nested
    list of its outer list's style is that list's repeat, not the outer list's
    next item. A list holding only 1 followed by a restart at 1 that gets no 2
    (1, 1 and no more) is one number twice, not two lists.
"""
from __future__ import annotations

import bisect
import re
import weakref
from collections import Counter

import attrs

from .extract import CIRCLED, PAREN_DIGITS, cn_number, marker_ordinal, title_after
from .facts import Marker

# marker styles that number one list together: 1. and 1、 are the same level written two ways
_FAMILIES = {"ar-dun": "ar-dot"}


def family(style: str) -> str:
    return _FAMILIES.get(style, style)


# an appendix (附件1, 附表:, 附: its name), a part or chapter of the report (第二部分, 第二章), or a line 正文 (报告正文) alone: the report's main text after
# its summary (摘要), numbered from 一、 again
_SCOPE_BREAK = re.compile(r"^\s*(?:附\s*[件表]\s*[0-9一二三四五六七八九十]+|附\s*[件表]?\s*(?::|$)|第[一二三四五六七八九十]+(?:部分|章|篇)|(?:报告)?正\s*文\s*:?\s*$)")
# …but not a web page's link to an attached file (附件1：《某某自评表》.docx): the file is not in
# the text, which goes on with the report's own headings
_ATTACHED_FILE = re.compile(r"\.(?:docx?|xlsx?|pdf|wps|et|zip|rar)\s*$", re.IGNORECASE)


def _appendix(text: str) -> bool:
    return bool(_SCOPE_BREAK.match(text)) and not _ATTACHED_FILE.search(text)
# the name of another report or form, alone on its line (某某局 2023 年度××项目支出绩效自评报告,
# 2023 年度部门整体支出绩效自评表, a year in brackets after it): a document of its own follows,
# numbered from 一、 again — when the line right after opens with 一、 or (一). A name says what
# was evaluated (绩效, 自评, 评价) and of which year, project or whole department.
_TITLE_LINE = re.compile(r"[^。，,；;:!?！？|\t]{4,60}(?:报告|[评价]表)(?:\s*\(\s*\d{4}\s*年度?\s*\))?\s*")
_TITLE_WHAT = re.compile(r"绩效|自评|评价")
_TITLE_WHOSE = re.compile(r"\d{4}\s*年|整体|项目")
_FIRST_HEADING = re.compile(r"\s*(?:一\s*、|\(\s*一\s*\))")


def _next_title(paragraphs, k: int) -> bool:
    """Whether paragraph ``k`` names another report or form, whose own outline follows."""
    p = paragraphs[k]
    # (the next paragraph's opening first: the test that fails for nearly every paragraph, at once)
    return (p.kind == "text" and k + 1 < len(paragraphs) and bool(_FIRST_HEADING.match(paragraphs[k + 1].text))
            and bool(_TITLE_LINE.fullmatch(p.text)) and bool(_TITLE_WHAT.search(p.text))
            and bool(_TITLE_WHOSE.search(p.text)) and not _HEADING_CELL.match(p.text))


_SENTENCE_END = re.compile(r"[。!?！？]")  # a title ends at its sentence (a ； goes on with it)
_WORDY = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")

# Text that is not prose around a list, paragraph by paragraph (folded text: ： is :, ｜ is |)
# a paragraph of bare numbers: one or a few cells of a table read one cell per line
_NUMERIC = re.compile(r"[\d.,，%?？\s\-—]*\d[\d.,，%?？\s\-—]*")
_VALUE = re.compile(r"\d[.,]\d")
_INT = re.compile(r"\d+")
# a row label that ends its paragraph (项目支出: alone, or after a row of numbers): it opens
# a group of rows or items, numbered from 1 again under it
_LABEL_TAIL = re.compile(r"(?:^|[\s\d%])[\u4e00-\u9fff]{2,15}\s*:\s*$")
# the same label inside a paragraph, from the last full stop to the colon right before a marker
# (a colon typed twice, 概述如下::, is still one)
_LABEL_IN = re.compile(r"(?:^|[。；;!?！？.\s\d%])\s*[\u4e00-\u9fff]{2,15}\s*:(?:\s*:)?\s*$")
# a number cell at the end of an item's title (3、公务接待 17.22): a table row, not a heading
_CELL_TAIL = re.compile(r"\s[\d,]*\d(?:\.\d+)?%?\s*$")
# a decimal section number opening a paragraph (1.2部门支出描述): a heading below the
# 1. level that the report numbers 1. / 1.1 / 1.1.1; not an amount (1.5万元)
# (this and _BREAK_BEFORE are patterns of rare places, compiled by re when first used: a Chinese
# character class costs a millisecond to compile, at every start of the command line)
_SECTION = r"\s*(\d{1,2})\.\d{1,2}(?:\.\d{1,2})*[、.\s]*(?=[\u4e00-\u9fff])(?![万亿元倍个人年月日分次项])"
# the usual rank of heading styles, outermost first (一、 > (一) > 1. > (1) > ①)
RANK = {"cn-dun": 0, "paren-cn": 1, "ar-dot": 2, "paren-ar": 3, "circled": 4}


def numeric(text: str) -> bool:
    """A paragraph of bare numbers (a flattened table's value cells)."""
    return _NUMERIC.fullmatch(text) is not None


def in_flat_table(doc, item) -> bool:
    """Whether ``item`` is a row of a table that the reader gave as one cell or a few
    cells per line: its paragraph has | separators, its title ends in a number cell, or
    the paragraph right before or after it is value cells (bare numbers: a decimal or
    several numbers, or a whole number with another line of bare numbers beyond it;
    a page number alone on its line is not a table)."""
    paras = doc.paragraphs
    p = item.para
    if "|" in paras[p].text or _CELL_TAIL.search(item.title):
        return True
    n = len(paras)

    def bare(q: int) -> bool:  # (a cell of a tab-separated table is a table of its own, not this list's)
        return 0 <= q < n and paras[q].kind != "cell" and numeric(paras[q].text)

    for q, step in ((p - 1, -1), (p + 1, 1)):
        if bare(q):
            text = paras[q].text
            if _VALUE.search(text) or len(_INT.findall(text)) > 1 or bare(q + step):
                return True
    return False


def _decimal_sections(paras) -> tuple[list[int], list[int]]:
    """The paragraphs that open with a decimal section number (1.2 支出情况), and each one's
    first number, in order."""
    at: list[int] = []
    major: list[int] = []
    for q, p in enumerate(paras):
        if "." in p.text[:6]:
            m = re.match(_SECTION, p.text)
            if m:
                at.append(q)
                major.append(int(m.group(1)))
    return at, major


def _section_under(sections, a, b) -> bool:
    """Whether the last decimal section heading between marker ``a``'s paragraph and marker
    ``b``'s is numbered under ``a`` (``a``'s ordinal.M): a list at ``b`` is that section's."""
    at, major = sections
    k = bisect.bisect_left(at, b.para) - 1
    return k >= 0 and at[k] > a.para and major[k] == a.ordinal


def section_between(doc, a, b) -> bool:
    """Whether a decimal section heading numbered under item ``a`` (``a.ordinal``.M)
    opens a paragraph after ``a``'s and before ``b``'s: a list there is that section's.
    Only for the 1. / 1、 style, the one decimal section numbers extend."""
    if family(a.marker.style) != "ar-dot":
        return False
    paras = doc.paragraphs
    for q in range(a.para + 1, b.para):
        m = re.match(_SECTION, paras[q].text)
        if m and int(m.group(1)) == a.ordinal:
            return True
    return False


@attrs.frozen
class Item:
    """One heading or list item in the outline."""

    index: int  # position in Outline.items
    marker: Marker
    scope: int
    parent: int | None  # the item this one's list hangs under
    prev: int | None  # the item before it in its own list
    depth: int  # 0 for the items of the scope's first list level
    problem: str | None = None  # duplicate | gap | backwards | restart
    expected: int | None = None  # the ordinal its list expected here (when problem is set)
    outer: int | None = None  # for restart: the last item of the open list of the same style
    title: str = ""  # the marker's own first sentence (to 。!?)
    title_end: int = 0  # index in the paragraph text after the title and its punctuation
    start: int = 0  # index in the paragraph text of the marker
    # whether the text after the title, up to the next item of the scope, has a word,
    # digit or letter in it (the text itself is not kept: it repeats the report's)
    wordy: bool = False
    children: tuple[int, ...] = ()

    @property
    def style(self) -> str:
        """The marker's style family: 1. and 1、 are one (reports mix them at one level)."""
        return family(self.marker.style)

    @property
    def ordinal(self) -> int:
        return self.marker.ordinal

    @property
    def para(self) -> int:
        return self.marker.para


@attrs.frozen
class Outline:
    items: tuple[Item, ...]
    # per scope: styles in the order they first appear (level 0 first)
    levels: tuple[tuple[str, ...], ...]
    scope_kinds: tuple[str, ...] = ()  # per scope: body | cell | run | toc | rows | inline | options | columns

    def children(self, item: Item) -> list[Item]:
        return [self.items[i] for i in item.children]

    def in_scope(self, scope: int) -> list[Item]:
        return [i for i in self.items if i.scope == scope]

    def level(self, item: Item) -> int:
        return self.levels[item.scope].index(item.style)

    def has_content(self, item: Item) -> bool:
        """Text after its title, a child list of another style, or a child list of its own
        style that is its content (:meth:`holds_list`)."""
        return self._own_content(item) or self.holds_list(item)

    def _own_content(self, item: Item) -> bool:
        if item.wordy:
            return True
        return any(self.items[c].style != item.style for c in item.children)

    def holds_list(self, item: Item) -> bool:
        """Whether a list of ``item``'s own style numbered from 1 again under it is its
        content (3.主要职责 then 1.负责…。2.负责…。): the list goes on past its 1.,
        and most of its items are one sentence with nothing under them, unlike sections
        pasted from elsewhere, each with a body of its own."""
        same = [self.items[c] for c in item.children if self.items[c].style == item.style]
        if not same or same[0].problem != "restart" or same[0].ordinal != 1:
            return False
        run, ids = [same[0]], {same[0].index}
        for x in same[1:]:
            if x.prev in ids:
                run.append(x)
                ids.add(x.index)
        if len(run) < 2:
            return False  # (a second item numbered wrong, 1. 1. or 1. 3., still continues it)
        full = sum(1 for x in run if self._own_content(x))
        return full * 2 < len(run)


_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def outline(doc) -> Outline:
    """The outline of ``doc`` (computed once per document)."""
    try:
        return _CACHE[doc]
    except KeyError:
        pass
    teaser = _teaser(doc)
    result = _build(doc, teaser) if teaser else _build(doc)
    runs = _chunk_numbers(doc) if result.items else None
    if runs:
        found = {id(m) for run, _ in runs for m in run}
        chunks = found | teaser
        # numbers a document site gave its preview chunks, read with the report's own numbering,
        # break it: the outline without them (the chunks' own numbers a list of their own), when it
        # has no more problems — or always, when three chunks or more cut to one length show what they are
        paras = {m.para for m in doc.markers if id(m) in found}
        strong = any(sure for _, sure in runs)
        if strong or any(it.problem in _WRONG and it.para in paras for it in result.items):
            alt = _build(doc, chunks, [run for run, _ in runs])
            if strong or _problems(doc, alt) <= _problems(doc, result):
                result = alt
    _CACHE[doc] = result
    return result


_WRONG = frozenset({"duplicate", "gap", "backwards"})


def _problems(doc, o: Outline) -> int:
    return sum(1 for it in o.items if it.problem in _WRONG)


def _filling(doc, markers: list, skip) -> list:
    """``markers`` with the 1、 / 1. numbers run into the text (……12000人、2、新生儿……) that stand
    between the list's number before them and the one after them (1、 … 2、 … 3、): the list's own
    item, not read as one for want of a stop before it."""
    taken = {id(m) for m in markers}
    seq = [m for m in doc.markers if family(m.style) == "ar-dot" and id(m) not in skip]  # (a site's chunks: no item)
    add = set()
    for k in range(1, len(seq) - 1):
        m = seq[k]
        if id(m) in taken or not "\u4e00" <= m.title[:1] <= "\u9fff":
            continue
        a, b = seq[k - 1], seq[k + 1]
        if id(a) in taken and id(b) in taken and a.ordinal + 1 == m.ordinal == b.ordinal - 1:
            add.add(id(m))
    return [m for m in doc.markers if id(m) in taken or id(m) in add] if add else markers


_CHUNK_CUT = re.compile(r"[。！？!?]\s*$")
_CHUNK_MIN = 20  # characters of a chunk before the last, at least
_CHUNK_LONG = 100  # characters of the chunk before a number one off its place, at least
_CHUNKS_SURE = 3  # chunks in a run, the last one of any length, that show a site's chunks when all the others
# are of one length, _CHUNK_LONG or more (a site cuts its text into equal pieces; a report's paragraphs differ)


_LEAD_WORDS = re.compile(r"[\u4e00-\u9fff]{4,}")


def _teaser(doc) -> set:
    """The ids of the markers in a paragraph before the body's first numbered line that
    repeats the report's outline inline (a page's summary: 标题一、项目基本情况(一)项目概况
    ……。(二)项目绩效目标1.……): a paragraph with no marker at its start, one of whose markers
    has the leading words of a heading of its style that opens a later paragraph of the
    same scope. Read with the body, the copy's (二) would make the body's (一)(三) look
    like that list going on."""
    paras = doc.paragraphs
    markers = [m for m in doc.markers if m.after_stop]
    if not markers:
        return set()
    first_line = next((m.para for m in markers if m.at_start), None)
    if first_line is None:
        return set()
    scope_of, _ = scopes(doc)
    early = [m for m in markers if m.para < first_line and paras[m.para].kind != "cell"]
    if not early:
        return set()
    heads: set = set()
    for m in markers:
        if m.at_start and m.para >= first_line:
            w = _LEAD_WORDS.match(m.title.strip())
            if w:
                heads.add((scope_of[m.para], family(m.style), w.group()))
    out: set = set()
    for m in early:
        w = _LEAD_WORDS.match(m.title.strip())
        if w and (scope_of[m.para], family(m.style), w.group()) in heads:
            out.update(id(x) for x in doc.markers if x.para == m.para)
    return out


def _chunk_numbers(doc) -> list[tuple[list, bool]]:
    """The runs of markers that may be a document site's numbers of its preview chunks: 1、 2、 3、 …
    opening paragraphs one after another, each paragraph but the last cut off mid-sentence (no full
    stop at its end) and with more of the report's 1、 / 1. numbering inside it. One number of a run
    may be one off its place (1、 1、 3、 / 1、 3、 3、 / 1、 2、 4、: a chunk's number written twice or
    skipped) when the chunk before it is long (``_CHUNK_LONG``). Each run with whether it is sure to
    be a site's: ``_CHUNKS_SURE`` chunks or more, all but the last of one length, at least ``_CHUNK_LONG``
    characters (a site cuts the text into equal pieces; no report writes paragraphs of one length)."""
    paras = doc.paragraphs
    firsts = {}
    inside = set()
    for m in doc.markers:
        if m.after_stop and (m.style == "ar-dun" or m.style == "ar-dot"):
            if m.at_start:
                firsts[m.para] = m
            else:
                inside.add(m.para)
    if not inside or len(firsts) < 2:
        return []
    out: list[tuple[list, bool]] = []
    taken: set = set()
    for p, m in firsts.items():
        if m.ordinal != 1 or paras[p].kind == "cell" or p in taken:
            continue  # (a 1、 written for a chunk's 2、 is in the run before it)
        run = [m]
        odd = False  # (one number of the run off its place)
        while (nxt := firsts.get(run[-1].para + 1)) is not None:
            text = paras[run[-1].para].text
            if len(text) < _CHUNK_MIN or _CHUNK_CUT.search(text):
                break
            want = len(run) + 1
            if nxt.ordinal != want:
                if odd or abs(nxt.ordinal - want) != 1 or len(text) < _CHUNK_LONG:
                    break
                odd = True
            run.append(nxt)
        if len(run) >= 2 and any(x.para in inside for x in run):
            sizes = {len(paras[x.para].text) for x in run[:-1]}
            out.append((run, len(run) >= _CHUNKS_SURE and len(sizes) == 1 and min(sizes) >= _CHUNK_LONG))
            taken.update(x.para for x in run)
    return out


def scopes(doc) -> tuple[list[int], dict[int, str]]:
    """:func:`paragraph_scopes` of ``doc``'s paragraphs, worked out once per document."""
    found = doc.memo.get("structure.scopes")
    if found is None:
        found = doc.memo["structure.scopes"] = paragraph_scopes(doc.paragraphs)
    return found


# a count whose whole part is a list number run into it: 2.150个农家书屋 is item 2, 150 个
_RUN_IN = re.compile(r"\s*(\d{1,2})\.\d{2,}\s*(?:个|家|户|人|所|座|处|项|场|次|册|台|辆|名|件|份|篇|期|批|村|亩|公里|万|%)")


def _with_run_in(markers: list, doc) -> list:
    """``markers`` with the list numbers run into a count at a line's start, which the
    grammar read as a decimal (1.确保…。⏎2.150个农家书屋…: 2.150 个 is no count, a count
    has no decimals): a number taken as the next item of the 1.-style list just before it."""
    found = []
    for pf in doc.facts:
        if not pf.quantities or pf.para.kind == "cell":
            continue
        q = pf.quantities[0]
        m = _RUN_IN.match(pf.para.text)
        if m is None or pf.para.index_of(q.span.start) != m.start(1):
            continue
        found.append((pf, q, int(m.group(1)), m.start(1)))
    if not found:
        return markers
    out = list(markers)
    for pf, q, n, at in found:
        k = bisect.bisect_left([x.span.start for x in out], q.span.start)
        before = out[k - 1] if k else None
        if before is None or family(before.style) != "ar-dot" or before.ordinal != n - 1 or not before.at_start:
            continue
        end = at + len(str(n)) + 1
        out.insert(k, Marker("ar-dot", n, f"{n}.", pf.para.span(at, end), pf.para.index, q.item, True, True,
                             title_after(pf.para.text, end)))
    return out


def paragraph_scopes(paragraphs) -> tuple[list[int], dict[int, str]]:
    """A scope number per paragraph, and each scope's kind (body, cell, run, toc, rows)."""
    n = len(paragraphs)
    scope = [0] * n
    kinds = [p.kind for p in paragraphs]
    body = 0
    next_id = 1
    kind_of = {0: "body"}
    toc = _contents(paragraphs)
    if toc is not None:
        # a table of contents lists the headings again: a scope of its own, not the body's
        toc_id, next_id = next_id, next_id + 1
        kind_of[toc_id] = "toc"
    # a row whose one cell opens with a heading's number (一、项目基本概况 |): a heading written
    # across the table; the heading rows of one table are one list, not a list each
    per_row = Counter(p.row for p in paragraphs if p.kind == "cell")
    numbered_rows = _numbered_rows(paragraphs)
    rows_id = None
    i = 0
    while i < n:
        if kinds[i] == "cell":
            p = paragraphs[i]
            if (per_row[p.row] == 1 and _HEADING_CELL.match(p.text)) or i in numbered_rows:
                if rows_id is None:
                    rows_id, next_id = next_id, next_id + 1
                    kind_of[rows_id] = "rows"
                scope[i] = rows_id
            else:
                scope[i] = next_id
                kind_of[next_id] = "cell"
                next_id += 1
            i += 1
            continue
        rows_id = None  # (a table ends here)
        # a run of plain paragraphs between table cells
        j = i
        while j < n and kinds[j] != "cell":
            j += 1
        if i > 0 and kinds[i - 1] == "cell" and j < n and _own_list(paragraphs, i, j):
            for k in range(i, j):
                scope[k] = next_id
            kind_of[next_id] = "run"
            next_id += 1
            i = j
            continue
        for k in range(i, j):
            if toc is not None and toc[0] <= k < toc[1]:
                scope[k] = toc_id
                continue
            if _appendix(paragraphs[k].text) or (k and _next_title(paragraphs, k)):
                body = next_id
                kind_of[body] = "body"
                next_id += 1
            scope[k] = body
        i = j
    return scope, kind_of


# a heading's number opening a cell: 一、 (一) (1) 1. 1、 ①, followed by its title
_HEADING_CELL = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\)|\(\s*\d{1,2}\s*\)"
    r"|\d{1,2}\s*[.、](?!\d)|[①-⑳⑴-⒇])\s*\S"
)
_CELL_SENTENCE = re.compile(r"[。；;!?！？]")
_NUMBERED_ROWS_MIN = 3  # rows of one table whose first cell is a numbered title, at least


def _numbered_rows(paragraphs) -> set[int]:
    """The first cells of table rows that number the rows' titles (一、前期工作 | 30 |,
    1、人员能力 | 15 | …): a row's first cell that opens with a heading's number and is a
    title (no stop, at most 40 characters), in a table of at least three such rows, where
    one style of number goes 1, 2 among them and no other cell opens with a number (a
    column of numbered titles; when a row's first cells were merged into the rows above it,
    the numbered titles of a later column come first in some rows and not in others). A
    cell with the same text as the one before it (a merged cell repeated in each row it
    spans) is left out. The cells' numbers are one list across the table (its scope's "rows")."""
    out: set[int] = set()
    n = len(paragraphs)
    i = 0
    while i < n:
        if paragraphs[i].kind != "cell":
            i += 1
            continue
        found, last, row, elsewhere = [], None, None, False
        ordinals: dict[str, set[int]] = {}
        while i < n and paragraphs[i].kind == "cell":
            p = paragraphs[i]
            text = p.text.strip()
            m = _HEADING_CELL.match(text)
            if p.row != row:
                row = p.row
                if (m and p.cell == 0 and len(text) <= 40 and not _CELL_SENTENCE.search(text)
                        and text != last):
                    found.append(i)
                    last = text
                    style, ordinal = _cell_number(text[:m.end() - 1])
                    ordinals.setdefault(style, set()).add(ordinal)
            elif m:
                elsewhere = True
            i += 1
        if (len(found) >= _NUMBERED_ROWS_MIN and not elsewhere
                and any({1, 2} <= got for got in ordinals.values())):
            out.update(found)
    return out


def _cell_number(number: str) -> tuple[str, int | None]:
    """The style (the number's shape: 一、 (一) (1) or ⑴, 1. or 1、, ①) and the ordinal of a
    numbered title cell's number (what ``_HEADING_CELL`` matched before the title); ordinal None
    when its numerals make no number (十十)."""
    t = number.lstrip()
    head = t[0]
    if head in CIRCLED or head in PAREN_DIGITS:
        return ("circled" if head in CIRCLED else "paren-digit"), marker_ordinal("circled", t)
    if head == "(":
        style = "paren-digit" if t[1:].lstrip()[:1].isdigit() else "paren-cn"
    else:
        style = "digit" if head.isdigit() else "cn"
    return style, marker_ordinal(style, t)


_CONTENTS = re.compile(r"目\s*(?:录|次)\s*$")
# 目录 with the first entry run on after it on its line (目录1.前言, 目录 一、概况)
_MULU = re.compile(r"目\s*[录次]")
_CONTENTS_GLUED = re.compile(r"\s*目\s*(?:录|次)\s*:?\s*(?=\S)")
_PAGE_NUMBER = re.compile(r"[\s.·…．_-]*\d{0,4}\s*$")
# the number opening an entry of a table of contents: 一、 (一) 1. 1、 (not 1.1)
_ENTRY_NUMBER = re.compile(
    r"\s*(?:([一二三四五六七八九十]{1,3})\s*、|\(\s*([一二三四五六七八九十]{1,3})\s*\)|(\d{1,2})\s*[.、](?!\d))"
)
# a sentence: an entry of a table of contents has no such stop
_PROSE = re.compile(r"[。，,；;!?！？]")
_ENTRY_MAX = 40  # characters of an entry of a table of contents (page number left out), at most
_ENTRIES_MIN = 3  # numbered entries of a table of contents read without its end written again, at least


# a page number at a line's start, before a space: a contents' page number that a PDF's text put
# on the line of the entry after it (58 附件一:…, 2 摘要)
_LEAD_PAGE = re.compile(r"\s*\d{1,4}[ \t\u3000]+(?=\S)")


def _compact(text: str) -> str:
    return _PAGE_NUMBER.sub("", "".join(text.split()))


def _key(text: str) -> str:
    """An entry of a table of contents as it is compared with the body's headings: spaces,
    leaders and page numbers (at the end, or at the start before a space) left out."""
    m = _LEAD_PAGE.match(text)
    return _compact(text[m.end():] if m else text)


def _contents(paragraphs) -> tuple[int, int] | None:
    """The paragraphs ``[i, j)`` of a table of contents: a line ending in 目录 (or 目次; a
    title wrapped with it), or a line that opens with 目录 (after a page number, or not) and
    goes on with the first entry (目录1.前言, 1 目录摘要.); then the headings it lists, up to
    the first of them written again as the body's heading (page numbers and leaders left out,
    at the end or at the start before a space: 2 摘要), alone on its line or with the
    section's text after a space or a colon (一、项目概况 本项目……). When the first
    entry is never written again within 120 paragraphs (the body words it otherwise, or the
    text is cut), a 目录 alone on its line or glued to its numbered first entry still opens one if
    at least three numbered entries follow it, each a short line with no stop (title lines
    and page numbers may stand between them): it ends at the first line with a sentence, at
    the first entry that numbers the first entry's level from 1 again after 2 or more (the
    body's first heading), or at the text's end. None when there is no such line, or nothing
    tells where it ends."""
    glued = numbered = None
    for i, p in enumerate(paragraphs[:200]):
        if p.kind == "cell":
            continue
        if len(p.text) <= 80 and _CONTENTS.search(p.text):
            break
        glued, numbered = _glued_contents(p)
        if glued is not None:
            break
    else:
        return _unlabelled(paragraphs)
    if glued is not None:
        first = i
        entry = _key(paragraphs[i].text[glued:])
    else:
        first = i + 1
        while first < len(paragraphs) and not paragraphs[first].text.strip():
            first += 1
        if first >= len(paragraphs):
            return None
        entry = _key(paragraphs[first].text)
    if len(entry) < 2:
        return None
    for j in range(first + 1, min(len(paragraphs), first + 120)):
        if _key(paragraphs[j].text) == entry or _opens_with(paragraphs[j].text, entry):
            return i, j
    if glued is None and not _alone(paragraphs[i]) or glued is not None and not numbered:
        return None
    return _entries(paragraphs, i, first, glued)


def _unlabelled(paragraphs) -> tuple[int, int] | None:
    """A table of contents printed without its 目录 line: from the text's first numbered line,
    which numbers its level 1 (一、, 1., (一)), a run of at least three entries of that level,
    every line of the run a numbered short line with no stop (blank lines aside), and the first
    entry written again after the run, within 120 paragraphs, as the body's heading — up to
    there. None otherwise (a run of body headings names no heading twice)."""
    n = len(paragraphs)
    first = next((k for k, p in enumerate(paragraphs[:200])
                  if p.kind != "cell" and _ENTRY_NUMBER.match(p.text)), None)
    if first is None:
        return None
    m = _ENTRY_NUMBER.match(paragraphs[first].text)
    level = m.lastindex
    if (int(m.group(3)) if level == 3 else cn_number(m.group(level))) != 1:
        return None
    entry = _key(paragraphs[first].text)
    heads = 0
    j = first
    while j < n:
        p = paragraphs[j]
        if p.kind == "cell":
            break
        if p.text.strip():
            m = _ENTRY_NUMBER.match(p.text)
            text = _compact(p.text)
            if m is None or _PROSE.search(text) or len(text) > _ENTRY_MAX or j > first and _key(p.text) == entry:
                break  # (the first entry again: the body's first heading, right after the contents)
            heads += m.lastindex == level
        j += 1
    if heads < _ENTRIES_MIN:
        return None
    for k in range(j, min(n, j + 120)):
        if _key(paragraphs[k].text) == entry or _opens_with(paragraphs[k].text, entry):
            return first, k
    return None


def _glued_contents(p) -> tuple[int | None, bool]:
    """Where the first entry starts in paragraph ``p`` when one of its lines opens with 目录 (after
    a page number and a space, or not) and goes on with that entry, and whether the entry is
    numbered (目录1.前言); (None, False) when there is no such line. An entry with no number
    (1 目录摘要.) must be short and no sentence. A line opens at the paragraph's start or where
    the offsets jump (a line break folded away)."""
    text = p.text
    if "目" not in text:
        return None, False
    for mulu in _MULU.finditer(text):
        k = mulu.start()
        s = k
        while s > 0 and text[s - 1] in " \t\u3000":
            s -= 1
        d = s
        while d > 0 and s - d < 4 and text[d - 1].isdigit():
            d -= 1
        start = d if d < s < k and (d == 0 or not text[d - 1].isdigit()) else k
        if len(text) - k <= 80 and _line_start(p, start):
            g = _CONTENTS_GLUED.match(text, k)
            if g:
                if _ENTRY_NUMBER.match(text, g.end()):
                    return g.end(), True
                rest = _compact(text[g.end():])
                if 2 <= len(rest) <= 20 and not _PROSE.search(rest):
                    return g.end(), False
    return None, False


def _line_start(p, k: int) -> bool:
    """Whether ``p.text[k]`` opens a line: the paragraph's start, or a place where the offsets
    jump (a line break folded away when the lines were joined)."""
    if not k:
        return True
    offsets = p.offsets
    return offsets[k] > offsets[k - 1] + 1


def _alone(p) -> bool:
    """Whether the 目录 that ends paragraph ``p`` is a line of its own (目 录)."""
    m = _CONTENTS.search(p.text)
    if m is None:
        return False
    k = m.start()
    while k > 0 and p.text[k - 1] in " \t\u3000":
        k -= 1
    return _line_start(p, k)


def _opens_with(text: str, entry: str) -> bool:
    """Whether ``text`` opens with ``entry`` (its spaces aside) followed by a space or a colon
    and more words: a heading with its section's text run on after it."""
    k = 0
    n = len(text)
    for ch in entry:
        while k < n and text[k].isspace():
            k += 1
        if k >= n or text[k] != ch:
            return False
        k += 1
    return k < n and (text[k].isspace() or text[k] == ":") and _WORDY.search(text, k) is not None


def _entries(paragraphs, i: int, first: int, glued: int | None) -> tuple[int, int] | None:
    """The table of contents that 目录 at paragraph ``i`` opens, read from its entries alone
    (see :func:`_contents`), or None."""
    level = None  # the style of the first entry's number, and the last number of that style
    last = 0
    numbered = 0
    j = first
    end = len(paragraphs)
    while j < end:
        p = paragraphs[j]
        text = p.text[glued:] if j == i and glued is not None else p.text
        entry = _compact(text)
        if p.kind == "cell" or _PROSE.search(entry) or len(entry) > _ENTRY_MAX:
            break
        m = _ENTRY_NUMBER.match(text)
        if m:
            style = m.lastindex
            n = int(m.group(3)) if style == 3 else cn_number(m.group(style))
            if level is None:
                level = style
            if style == level:
                if n == 1 and last >= 2:
                    break  # the body's first heading: the entries' level numbered from the start again
                last = n or last  # (a number written twice or skipped is the entries' own: JX402's to find)
            numbered += 1
        j += 1
    if numbered < _ENTRIES_MIN or j == i:
        return None
    return i, j


def _own_list(paragraphs, i, j) -> bool:
    """Plain paragraphs i..j between table cells form a cell's own list: no appendix
    starts among them and the first of them opens a list at 1 ((1), 1., ①)."""
    if any(_appendix(paragraphs[k].text) for k in range(i, j)):
        return False
    return bool(_FIRST_ITEM.match(paragraphs[i].text))


_FIRST_ITEM = re.compile(r"\s*(?:\(\s*1\s*\)|1\s*[.、]|①|⑴)")


@attrs.define
class _Open:
    style: str
    last: int
    item: int  # the last item of this list
    first: int  # the first item of this list
    parent: int | None
    # the paragraph of the last item when that item is inside it (after a label or a
    # stop, not at its start), else None
    inline: int | None = None
    before: int | None = None  # the item before the last one, if any

    def copy(self) -> "_Open":
        return _Open(self.style, self.last, self.item, self.first, self.parent, self.inline, self.before)


class _Trial(dict):
    """The closed lists of a scope as a trial reading sees them: what it closes and
    resumes is written over the real ones, which it never changes."""

    def __init__(self, base: dict):
        super().__init__()
        self.base = base
        self.gone: set = set()

    def get(self, key, default=None):
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        o = None if key in self.gone else self.base.get(key)
        return o.copy() if o is not None else default

    def __setitem__(self, key, value):
        self.gone.discard(key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.pop(self, key, None)
        self.gone.add(key)


# what a reading of the markers costs: a numbering problem (duplicate, gap, step
# back), a list restarting at 1 inside an open list of its style
_PROBLEM, _RESTART = 2, 1
_AHEAD = 64  # at most this many markers of the scope are read ahead to choose a reading


def _readings(stack, style: str, ordinal: int, all_: bool = True, labelled: bool = False):
    """The ways a marker can go into the open lists, the usual one first, and the open
    lists of its style (innermost first). A reading is (how, k, last): ``next`` of the
    list at stack[k]; ``wrong``, a problem in that list, which then goes on from
    ``last`` (the number written, or the number it should have been); ``new`` list.
    A 1 right after a label (项目支出: / 改进措施:) opens a new list: no other reading."""
    if labelled and ordinal == 1:
        return [k for k in range(len(stack) - 1, -1, -1) if stack[k].style == style], [("new", None, ordinal)]
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].style == style:
            if stack[k].last + 1 == ordinal:  # the next of the innermost list: no other reading
                return [k], [("next", k, ordinal)]
            break
    cands = [k for k in range(len(stack) - 1, -1, -1) if stack[k].style == style]
    match = next((k for k in cands if stack[k].last + 1 == ordinal), None)
    if match is not None:
        first = ("next", match, ordinal)
    elif cands and ordinal != 1:
        # a repeated number most often stands for the next one (a copied heading not
        # renumbered); after a gap or a step back the list goes on from the number written
        last = stack[cands[0]].last
        first = ("wrong", cands[0], last + 1 if ordinal == last else ordinal)
    else:
        first = ("new", None, ordinal)
    if not all_ or not cands or match == cands[0]:
        return cands, [first]
    out = [first]
    for k in cands:
        last = stack[k].last
        if last + 1 == ordinal:
            continue
        # a 1 after 2 or more going on from 1 is a restart without the nesting: left to "new"
        conts = (ordinal, last + 1) if ordinal != 1 or last == 1 else (last + 1,)
        out.extend(("wrong", k, c) for c in conts if ("wrong", k, c) != first)
    if ordinal == 1 and first[0] != "new":
        out.append(("new", None, ordinal))
    return cands, out


def _place(stack, shut, m, idx: int, style: str, reading, cands, labelled: bool = False):
    """Put marker ``m`` (item ``idx``) into the open lists as ``reading`` says: the item's
    fields, what the reading costs, and the list it opened (or None). A list opened
    right after a label is no restart (the label heads it)."""
    how, k, last = reading
    if how != "new":
        while len(stack) > k + 1:
            o = stack.pop()
            shut[(o.parent, o.style)] = o
        o = stack[k]
        upd = dict(parent=o.parent, prev=o.item, depth=k)
        cost = 0
        if how == "wrong":
            problem = "duplicate" if m.ordinal == o.last else ("gap" if m.ordinal > o.last else "backwards")
            upd.update(problem=problem, expected=o.last + 1)
            cost = _PROBLEM
        o.last, o.item, o.inline, o.before = last, idx, _inline(m), o.item
        return upd, cost, None
    if labelled:
        # a list after a label that follows a list of its style run inside an earlier
        # paragraph (主要内容:(1)…(2)…(3)… ⏎ 概述如下:(1)…(2)…) is that list's sibling,
        # not a list nested under its last item: the list ended with its paragraph
        k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].style == style), None)
        if k is not None and stack[k].inline is not None and stack[k].inline < m.para:
            while len(stack) > k:
                o = stack.pop()
                shut[(o.parent, o.style)] = o
    if style in _HEADING_STYLES:
        # a heading opens no list under an item of 一是、二是: that enumeration inside the
        # prose before it has ended ((一)概况……一是…二是…。(二)管理……一是… starts again)
        while stack and stack[-1].style == "cn-shi":
            o = stack.pop()
            shut[(o.parent, o.style)] = o
    if style == "cn-dun" and m.ordinal != 1 and not cands and not labelled:
        # a chapter heading past 一、 (二、, 三、) with no list of its style open goes on from
        # a 一、 not read (dropped, or glued to the title in a text run together), not a list
        # under the item before it that starts at 2: the lists open under that chapter end
        # here (1、…2、…二、…(一)…1.…2、 — the last 2、 is not the first 2、 written twice)
        while stack and stack[-1].style not in _HEADING_STYLES:
            o = stack.pop()
            shut[(o.parent, o.style)] = o
    parent = stack[-1].item if stack else None
    old = shut.get((parent, style))
    if not cands and not labelled and old is not None and old.last + 1 == m.ordinal:
        # a list interrupted by a nested one goes on
        upd = dict(parent=parent, prev=old.item, depth=len(stack))
        old.last, old.item, old.inline, old.before = m.ordinal, idx, _inline(m), old.item
        stack.append(old)
        del shut[(parent, style)]
        return upd, 0, None
    if not cands and not labelled and old is None and m.ordinal != 1 and stack:
        # the first item under a heading that is not 1 goes on from the list of its style
        # under the heading before (（一）1. 2. （二）3.): numbered across the headings, so
        # the same number again or one skipped there is that list's duplicate or gap
        key = (stack[-1].before, style)
        sib = shut.get(key) if stack[-1].before is not None else None
        if sib is not None and sib.last <= m.ordinal <= sib.last + 2:
            upd = dict(parent=parent, prev=sib.item, depth=len(stack))
            cost = 0
            if m.ordinal != sib.last + 1:
                upd.update(problem="duplicate" if m.ordinal == sib.last else "gap", expected=sib.last + 1)
                cost = _PROBLEM
            sib.last, sib.item, sib.inline, sib.before = m.ordinal, idx, _inline(m), sib.item
            sib.parent = parent
            stack.append(sib)
            del shut[key]
            return upd, cost, None
    upd = dict(parent=parent, depth=len(stack))
    cost = 0
    if cands and not labelled:
        upd.update(problem="restart", expected=stack[cands[0]].last + 1, outer=stack[cands[0]].item)
        cost = _RESTART
    new = _Open(style, m.ordinal, idx, idx, parent, _inline(m))
    stack.append(new)
    return upd, cost, new


# the styles of a report's headings (一、 and (一)), never items of a list inside a sentence
_HEADING_STYLES = frozenset({"cn-dun", "paren-cn"})


def _inline(m) -> int | None:
    return None if m.at_start else m.para


def _choose(stack, shut, markers, idx: int, ahead, style: str, readings, cands, labelled=frozenset(),
            glued=lambda idx: False):
    """The reading of marker ``idx`` under which the markers after it in its scope
    (``ahead``) fit best: fewest problems until each reading has put a later marker
    at the depth of the outermost list involved or above (the lists it touches are
    settled by then), at most :data:`_AHEAD` markers. The usual reading wins a tie.
    A restart at 1 after a list that holds only its 1 counts as a problem when the
    restarted list gets no 2 either: 1, 1 and nothing more is one number twice — unless
    a 2 of its style follows the restarted 1 glued to its text (``glued``: 资金结构:(1)基本支出(2)项目
    支出, a table row run together), which makes it 1, 1, 2 like a 2 read as a marker."""
    m = markers[idx]
    depth = min(cands)
    trials = []
    for r in readings:
        st = [o.copy() for o in stack]
        sh = _Trial(shut)
        single = r[0] == "new" and stack[cands[0]].last == 1
        _, cost, new = _place(st, sh, m, idx, style, r, cands)
        trials.append([st, sh, cost, new if single else None, False])
    for j in ahead:
        m2 = markers[j]
        s2 = family(m2.style)
        for t in trials:
            lab = j in labelled
            c2, rs = _readings(t[0], s2, m2.ordinal, all_=False, labelled=lab)
            upd, cost, _ = _place(t[0], t[1], m2, j, s2, rs[0], c2, lab)
            t[2] += cost
            t[4] = t[4] or upd["depth"] <= depth
        if all(t[4] for t in trials):
            break
    best, best_cost = readings[0], None
    for r, t in zip(readings, trials):
        cost = t[2] + (_PROBLEM if t[3] is not None and t[3].last == 1 and not glued(idx) else 0)
        if best_cost is None or cost < best_cost:
            best, best_cost = r, cost
    return best


def _build(doc, skip=frozenset(), chunks=()) -> Outline:
    paras = doc.paragraphs
    scope_of, scope_kind = scopes(doc)
    run_on = set(map(id, _run_on(doc)))
    groups = _options(doc)
    options = {id(m) for g in groups for m in g}
    columns = _column_numbers(doc)
    n_scopes = max(scope_of, default=0) + 1
    # a list written along one line, its items parted by spaces only, and a group of a
    # form's options: each a scope of its own
    own: dict[int, int] = {}
    runs = _inline_runs(doc, run_on, options)
    if runs or groups or columns or chunks:
        scope_kind = dict(scope_kind)  # (the memo's dict is left as it is)
    # (a site's preview chunks, left out of the report's numbering, are numbered on their own)
    for kind, found in (("inline", runs), ("options", groups), ("columns", columns), ("chunks", chunks)):
        for run in found:
            scope_kind[n_scopes] = kind
            own.update((id(m), n_scopes) for m in run)
            n_scopes += 1
    markers = [m for m in doc.markers if (m.after_stop or id(m) in run_on or id(m) in own
               or _after_footer(paras[m.para], m) or _after_bullet(paras[m.para], m)
               or _shi_after_comma(paras[m.para], m) or _after_tab(paras[m.para], m)
               or _completes_list(doc, m))
               and (id(m) not in skip or id(m) in own) and not _ordinal_wrapped(paras, m)]
    if skip:
        markers = _filling(doc, markers, skip)
    markers = _with_run_in(markers, doc)
    labelled = _labelled(paras, scope_of, markers)
    raw: list[list] = []
    stacks: dict[int, list[_Open]] = {}
    closed: dict[int, dict[tuple, _Open]] = {}
    levels: dict[int, list[str]] = {}
    # the scope of each marker, the markers of each scope, and each marker's place among them
    scope_at = [own.get(id(m), scope_of[m.para]) for m in markers] if own else [scope_of[m.para] for m in markers]
    in_scope: dict[int, list[int]] = {}
    rank = []
    for idx, sc in enumerate(scope_at):
        seq = in_scope.setdefault(sc, [])
        rank.append(len(seq))
        seq.append(idx)

    by_para = None  # (all markers by paragraph, read only when a list may have resumed)
    sections = None  # (the paragraphs opening with a decimal section number, read when a 1. may be under one)
    for idx, m in enumerate(markers):
        para = paras[m.para]
        sc = scope_at[idx]
        stack = stacks.setdefault(sc, [])
        shut = closed.setdefault(sc, {})
        lv = levels.setdefault(sc, [])
        style = family(m.style)
        if style not in lv:
            lv.append(style)
        start = para.index_of(m.span.start)
        end = para.index_of(m.span.end)
        sm = _SENTENCE_END.search(para.text, end)
        title_end = sm.end() if sm else len(para.text)
        title = para.text[end: sm.start() if sm else len(para.text)].strip()
        if own and id(m) in own and idx + 1 < len(markers) and markers[idx + 1].para == m.para:
            # an item of a list along one line: its title ends where the next item starts
            title = para.text[end: min(para.index_of(markers[idx + 1].span.start), end + len(title))].strip()
        if title == m.title:
            title = m.title  # (most often the same text: keep one string, not two)
        lab = idx in labelled
        if not lab and m.ordinal == 1 and style == "ar-dot" and stack:
            if sections is None:
                sections = _decimal_sections(paras)
            if sections:
                j = next((j for j in range(len(stack) - 1, -1, -1) if stack[j].style == style), None)
                if j is not None and _section_under(sections, markers[stack[j].item], m):
                    # a list under a decimal section of the open item (1.引言 … 1.2 支出情况 then 1.…2.…):
                    # that section's own list, as after a label — not a restart, nor the item written twice
                    lab = True
        k = len(stack) - 1
        if k >= 0 and stack[k].style == style and stack[k].last >= m.ordinal \
                and markers[stack[k].item].style != m.style and not m.at_start:
            if by_para is None:
                by_para = _markers_by_para(doc)
            if _resumes(by_para[m.para], m):
                # the items of the other way of writing it were a list nested in an item of
                # this one, glued to that item's title: that list has ended
                o = stack.pop()
                shut[(o.parent, o.style)] = o
        elif m.ordinal == 1 and m.at_start:
            j = next((j for j in range(k, -1, -1) if stack[j].style == style), None)
            if j is not None and (_parallel(paras, markers[stack[j].first], m)
                                  or (stack[j].last == 1 and _lone_after_label(paras, markers[stack[j].first], m))):
                # a list under an unnumbered heading line, like the list it follows: the two
                # headings are siblings, so that list has ended (三公经费 1、2、3、 项目支出 1、2、4、)
                while len(stack) > j:
                    o = stack.pop()
                    shut[(o.parent, o.style)] = o
        if m.ordinal == 1 and idx in labelled and stack:
            j = next((j for j in range(len(stack) - 1, -1, -1) if stack[j].style == style), None)
            if j is not None and stack[j].first in labelled and _sibling_labels(paras, markers[stack[j].first], m):
                # a list after a label worded like the label of the list before it (预算编制方面:(1)…(2)…。
                # 预算执行方面:(1)…): two sections side by side, the earlier list has ended
                while len(stack) > j:
                    o = stack.pop()
                    shut[(o.parent, o.style)] = o
        cands, readings = _readings(stack, style, m.ordinal, labelled=lab)
        reading = readings[0]
        if len(readings) > 1:
            r = rank[idx]
            ahead = in_scope[sc][r + 1: r + 1 + _AHEAD]
            reading = _choose(stack, shut, markers, idx, ahead, style, readings, cands, labelled,
                              lambda i: _glued_two(paras, markers, i))
        upd, _, _ = _place(stack, shut, m, idx, style, reading, cands, lab)
        # the fields of Item in order, up to start: a dict per marker would be the largest
        # thing the outline ever holds, and a tuple of twelve would stay in the
        # interpreter's free list of tuples that size once the outline is built
        raw.append([idx, m, sc, upd.get("parent"), upd.get("prev"), upd.get("depth", 0),
                    upd.get("problem"), upd.get("expected"), upd.get("outer"), title, title_end, start])

    # children and content
    kids: dict[int, list[int]] = {}
    for r in raw:
        if r[_PARENT] is not None:
            kids.setdefault(r[_PARENT], []).append(r[0])
    # an item's content runs to the next item of its scope; for the body, to the next
    # body item even past an appendix heading (tables and cell lists inside are content)
    nxt: dict[int, list] = {}
    last_of: dict[str, list] = {}
    for r in raw:
        key = "body" if scope_kind[r[_SCOPE]] == "body" else str(r[_SCOPE])
        if key in last_of:
            nxt[last_of[key][0]] = r
        last_of[key] = r
    items = []
    for i, r in enumerate(raw):
        b = nxt.pop(i, None)
        wordy = any(_WORDY.search(t) for t in _between(paras, scope_of, r, b, scope_kind[r[_SCOPE]] == "body"))
        items.append(Item(*r, wordy=wordy, children=tuple(kids.get(i, ()))))
        raw[i] = None  # (each marker's list goes once its item is made)
    lv_tuple = tuple(tuple(levels.get(s, ())) for s in range(n_scopes))
    return Outline(tuple(items), lv_tuple, tuple(scope_kind.get(s, "body") for s in range(n_scopes)))


# what may come before the space in front of a marker at a line break run together: the end
# of a heading's title or of a sentence's words, not a number (a page number, a table's
# figure), a leader, a box to tick, a bar or a separator
_BREAK_BEFORE = r"[\u4e00-\u9fffA-Za-z)）》”」]"  # (compiled when first used, see _SECTION)
_TITLE_STOP = re.compile(r"[。；;!?！？]")
_TITLE_REACH = 40  # characters of a heading's title before the next, nested, heading


_COLUMNS_MIN = 3  # column numbers in a row, at least


def _column_numbers(doc) -> list[list]:
    """The column numbers of a table's row: cells next to each other in one row, each holding
    a marker and nothing else but a formula (① | ② | ③ | ④=②-③), at least three of one style.
    Each cell is a scope of its own otherwise; the row's numbers are one list."""
    out: list[list] = []
    paras = doc.paragraphs
    by_para = _markers_by_para(doc)
    run: list = []
    last = None
    for p in paras:
        m = None
        ms = by_para.get(p.index) if p.kind == "cell" else None
        if ms and p.index_of(ms[0].span.start) == 0:
            rest = p.text[p.index_of(ms[0].span.end):].strip()
            if not rest or rest.startswith("="):
                m = ms[0]
        if (m is not None and run and last.row == p.row and last.cell + 1 == p.cell
                and family(run[-1].style) == family(m.style)):
            run.append(m)
        else:
            if len(run) >= _COLUMNS_MIN:
                out.append(run)
            run = [m] if m is not None else []
        last = p
    if len(run) >= _COLUMNS_MIN:
        out.append(run)
    return out


def _markers_by_para(doc) -> dict[int, list]:
    """The document's markers grouped by paragraph, in document order (worked out once per
    document: the outline asks four times)."""
    by_para = doc.memo.get("structure.by_para")
    if by_para is None:
        by_para = doc.memo["structure.by_para"] = {}
        for m in doc.markers:
            by_para.setdefault(m.para, []).append(m)
    return by_para


def _run_on(doc) -> list:
    """The markers of ``doc`` that stand where a line break was run together into a space:
    in a paragraph that is several lines of a PDF or a page read as one (一、概述 (一)概况
    1.实施主体:某厅 2.主要内容……), a marker after a space that follows a word. A
    paragraph is such a run only when it shows a heading followed by a heading of another
    style nested under it (一、概述 (一)概况: the first's title short, no sentence between);
    a run of options (1、常年性 2、延续性) or a page's summary line is none."""
    paras = doc.paragraphs
    by_para = _markers_by_para(doc)
    out = []
    for p, ms in by_para.items():
        if len(ms) < 2 or paras[p].kind == "cell":
            continue
        text = paras[p].text
        broken = [not m.after_stop and _after_break(paras[p], m) for m in ms]
        if not any(broken):
            continue
        nested = False
        for k in range(1, len(ms)):
            a, b = ms[k - 1], ms[k]
            if not broken[k] or not (a.after_stop or broken[k - 1]) or family(a.style) == family(b.style):
                continue
            between = text[paras[p].index_of(a.span.end): paras[p].index_of(b.span.start)]
            if len(between.strip()) <= _TITLE_REACH and not _TITLE_STOP.search(between):
                nested = True
                break
        if nested:
            out.extend(m for m, br in zip(ms, broken) if br)
    return out


# a box to tick after a form's option, or before it (1、持续性项目 ☑ 2、新增性项目 □)
_BOXES = "□☐☑☒■▢◻◼✓✔√"
_BOX_RE = re.compile("[" + _BOXES + "]")
_OPTION_STOP = re.compile(r"[。；;!?！？:|]")
_OPTION_REACH = 30  # characters of an option's words, at most


def _options(doc) -> list[list]:
    """The groups of markers that number a form's options, not a list: the marker's
    words up to the next marker of its paragraph (or a | or the paragraph's end) are
    short, without a stop or colon, and end in a box to tick (1、部门预算项目 □
    2、市直专项 ☑), or have such a box right before the marker when the paragraph has
    two boxes or more (□1、持续性 ☑2、新增性). In a paragraph with two such options,
    a short marker right before one of them and one number less is an option left
    without its box (1、常年性 2、延续性□ 3、一次性□); in a row of two whose second
    option alone has a box, the first is option 1 also when the second is numbered 1 or
    3 (a number written twice or skipped). A paragraph with one box: option 1 ticked and
    one short option after it that ends the row (1、部门预算项目 ☑ 2、市直专项 |),
    numbered 1 to 3, are a group. In a form flattened to one line the next row's label
    may follow the box (2、新增性项目 □ 项目类型 1、常年性项目 …): the option ends at its
    box, and so does its group. Each
    group of options is numbered from 1 on its own row: neither a heading restarted
    nor a list that goes on from the row before. A group is the options of one style
    one after another in a paragraph."""
    out: list[list] = []
    text = doc.text
    if not any(b in text for b in _BOXES):
        return out  # (most reports have no box to tick: a few scans of the file)
    paras = doc.paragraphs
    by_para = _markers_by_para(doc)
    for p, ms in by_para.items():
        para = paras[p]
        text = para.text
        boxes = len(_BOX_RE.findall(text))
        if not boxes:
            continue
        short, ticked, closes = [], [], []
        for k, m in enumerate(ms):
            s = para.index_of(m.span.end)
            e = para.index_of(ms[k + 1].span.start) if k + 1 < len(ms) else len(text)
            bar = text.find("|", s, e)
            seg = text[s: bar if bar >= 0 else e].strip()
            # the next row's label may follow the box, in a form flattened to one line (1、持续性项目
            # 2、新增性项目 □ 项目类型 1、常年性项目 …): the option ends at its box and closes its row
            box = _BOX_RE.search(seg)
            rest = seg[box.end():].strip() if box else ""
            closes.append(bool(rest))
            if box and rest and box.start() > 0 and not re.search(r"\d", rest[:2]):
                seg = seg[:box.end()]
            if len(seg) > _OPTION_REACH or _OPTION_STOP.search(seg):
                short.append(False)
                ticked.append(False)
                continue
            short.append(True)
            before = text[: para.index_of(m.span.start)].rstrip()
            ticked.append(bool(seg) and seg[-1] in _BOXES or (boxes >= 2 and bool(before) and before[-1] in _BOXES))
        # an option left without its box (1、常年性 2、延续性□ …): the short marker right before
        # a ticked one, one number less in its style, when the paragraph has two ticked
        if sum(ticked) >= 2:
            for k in range(len(ms) - 2, -1, -1):
                a, b = ms[k], ms[k + 1]
                if (short[k] and not ticked[k] and ticked[k + 1] and family(a.style) == family(b.style)
                        and (a.ordinal + 1 == b.ordinal or _first_of_two(ms, ticked, closes, k))):
                    ticked[k] = True
        elif sum(ticked) == 1 and len(ms) >= 2:
            # the one ticked option 1 and one short option after it that ends the row (1、部门预算项目 ☑
            # 2、市直专项 |), numbered 2 — or 1 or 3, a row of two options numbered wrong
            k = ticked.index(True)
            a = ms[k]
            if (a.ordinal == 1 and k + 2 == len(ms) and short[k + 1] and family(a.style) == family(ms[k + 1].style)
                    and ms[k + 1].ordinal in (1, 2, 3) and _row_ends(para, ms[k + 1])):
                ticked[k + 1] = True
        group: list = []
        for m, t, c in zip(ms, ticked, closes):
            if group and (not t or family(group[-1].style) != family(m.style)):
                out.append(group)
                group = []
            if t:
                group.append(m)
                if c:
                    out.append(group)
                    group = []
        if group:
            out.append(group)
    return out


def _first_of_two(ms, ticked, closes, k) -> bool:
    """Marker ``k`` is option 1 of a row of two whose second, ticked, option is numbered 1 or 3
    (1、持续性项目 1、新增性项目 □ / 3、新增性项目 □): the last box of its run, so that the row has
    the two options only — a label numbered like the options before them (1、项目属性 1、持续性 □
    2、新增性 □) is followed by more than one."""
    a, b = ms[k], ms[k + 1]
    last = k + 2 == len(ms) or closes[k + 1] or not ticked[k + 2] or family(ms[k + 2].style) != family(b.style)
    return last and a.ordinal == 1 and b.ordinal in (1, 3)


def _row_ends(para, m) -> bool:
    """Nothing but the option's words after marker ``m`` to the end of its row (a | or the
    paragraph's end)."""
    text = para.text
    s = para.index_of(m.span.end)
    bar = text.find("|", s)
    return bar >= 0 and not text[bar:].strip("| ") or bar < 0


_INLINE_MIN = 4  # items of a list written along one line, at least


def _inline_runs(doc, run_on: set, options: set) -> list[list]:
    """Lists written along one line with only spaces between the items (目 录 1、概况
    2、支出明细 3、考评情况 4、考评人员): in a paragraph (not a table cell), markers of one
    style that the outline does not take otherwise, each after a space that follows a word,
    one right after another with short words between them (under 40 characters, no stop),
    at least four of them, and most of them (two or more, half of the steps or more) one
    number more than the one before. Form options (1、常年性 2、延续性) are too few, and
    their boxes to tick make them options (:func:`_options`) anyway."""
    paras = doc.paragraphs
    by_para = _markers_by_para(doc)
    out = []
    for p, ms in by_para.items():
        if len(ms) < _INLINE_MIN or paras[p].kind == "cell":
            continue
        para = paras[p]
        text = para.text
        runs: list[list] = []
        run: list = []
        for m in ms:
            free = not m.after_stop and id(m) not in run_on and id(m) not in options and _after_break(para, m)
            if not free:
                run = []
                continue
            if run:
                a = run[-1]
                between = text[para.index_of(a.span.end): para.index_of(m.span.start)]
                if (family(a.style) != family(m.style) or len(between.strip()) > _TITLE_REACH
                        or _TITLE_STOP.search(between)):
                    run = []
            if not run:
                runs.append(run)
            run.append(m)
        for run in runs:
            if len(run) < _INLINE_MIN:
                continue
            steps = sum(1 for a, b in zip(run, run[1:]) if b.ordinal == a.ordinal + 1)
            if steps >= 2 and 2 * steps >= len(run) - 1:
                out.append(run)
    return out


def _completes_list(doc, m) -> bool:
    """Whether marker ``m``, written after a word or a comma (not after a stop), is an item of
    the list its paragraph writes along after stops: the number right after one of its items,
    before a later one (1.…。 2.…, 3.…。 4、…: the 3. after the comma), or the 1. right before its 2. (建设内容为
    1.…；2.…: the 1. run into the words that introduce the list). Same style family, the
    numbers one after another."""
    if m.after_stop or m.at_start:
        return False
    ms = _markers_by_para(doc).get(m.para, [])
    k = next(i for i, x in enumerate(ms) if x is m)
    fam = family(m.style)
    before = [x for x in ms[:k] if family(x.style) == fam]
    after = [x for x in ms[k + 1:] if family(x.style) == fam]
    if not after or not after[0].after_stop or after[0].ordinal <= m.ordinal:
        return False
    if before:
        # (the next item may itself be wrong: 2.…, 3.…。 5、 still misses 4, not 3)
        return before[-1].after_stop and before[-1].ordinal == m.ordinal - 1
    return m.ordinal == 1 and after[0].ordinal == 2


def _after_break(p, m) -> bool:
    """Whether marker ``m`` inside paragraph ``p`` has a space before it, after a word."""
    if m.at_start:
        return False
    i = p.index_of(m.span.start)
    j = i
    while j > 0 and p.text[j - 1] in " \t\u3000":
        j -= 1
    if 0 < j < i and p.text[j - 1] in "-—–":
        # a page number printed where the page broke (…保障 -1- 5.节目…): the break is before it
        k = _before_footer(p.text, j)
        if k is not None:
            i, j = k[1], k[0]
    return 0 < j < i and re.match(_BREAK_BEFORE, p.text[j - 1]) is not None


_PAGE_FOOTER = re.compile(r"[-—–]\s*\d{1,3}\s*[-—–]$")


def _before_footer(text: str, j: int) -> tuple[int, int] | None:
    """When ``text[:j]`` ends in a page number printed as a footer between spaces (… -1-), the
    index before the spaces in front of it and the footer's start; else None."""
    f = _PAGE_FOOTER.search(text, max(0, j - 12), j)
    if f is None or not f.start() or text[f.start() - 1] not in " \t\u3000":
        return None
    k = f.start()
    while k > 0 and text[k - 1] in " \t\u3000":
        k -= 1
    return k, f.start()


def _after_footer(p, m) -> bool:
    """Whether marker ``m`` follows a stop with only a page footer between (……等事项。 -1- 5.市分发):
    a list item inside its paragraph, as it would be without the page number."""
    if m.at_start or m.after_stop:
        return False
    j = p.index_of(m.span.start)
    while j > 0 and p.text[j - 1] in " \t\u3000":
        j -= 1
    k = _before_footer(p.text, j) if j and p.text[j - 1] in "-—–" else None
    return k is not None and k[0] > 0 and p.text[k[0] - 1] in "。；;:!?！？"


def _ordinal_wrapped(paras, m) -> bool:
    """Whether ``m`` opens a line that goes on from a line broken after 第 (……根据评分标准第⏎
    (3)项扣 1 分): the number of that 第, cut off by the line break, not a list item."""
    if not m.at_start or m.para == 0:
        return False
    prev = paras[m.para - 1]
    if prev.kind != paras[m.para].kind:
        return False
    text = prev.text.rstrip()
    # (……详见附表⏎(2)中的……: a table's or appendix's number cut off after a sentence's words)
    return text.endswith("第") or (text.endswith(_REF_WORDS) and bool(_CLAUSE_STOP.search(text)))


_REF_WORDS = ("附表", "附件", "见表", "详见", "参见")
_CLAUSE_STOP = re.compile(r"[。，,；;]")


def _after_tab(p, m) -> bool:
    """Whether ``m`` opens a cell of a row written with tabs between its cells (项目绩效目标\t1.……;2.……):
    the first item of the cell's list, as at a line's start — a 1 after a row label, not a number
    in a row that opens with one (1.预算编制\t3.预算监督: two columns of one list side by side)."""
    if m.at_start or m.after_stop or m.ordinal != 1 or _HEADING_CELL.match(p.text):
        return False
    j = p.index_of(m.span.start)
    while j > 0 and p.text[j - 1] in " \u3000":
        j -= 1
    return j > 0 and p.text[j - 1] == "\t"


def _shi_after_comma(p, m) -> bool:
    """Whether ``m`` is an item of 一是、二是 after a comma (在预算执行方面，一是……；二是……):
    an enumeration of its own, numbered like one after a stop."""
    if m.style != "cn-shi" or m.at_start or m.after_stop:
        return False
    j = p.index_of(m.span.start)
    if p.text.count("“", 0, j) > p.text.count("”", 0, j) or p.text.count("(", 0, j) > p.text.count(")", 0, j):
        return False  # (a list quoted or in brackets inside a sentence: 做到“一是……，二是……”, 督查 3 次(一是 3 月，二是 6 月))
    while j > 0 and p.text[j - 1] in " \t\u3000":
        j -= 1
    return j > 0 and p.text[j - 1] in "，,"


def _after_bullet(p, m) -> bool:
    """Whether marker ``m`` follows a bullet dash that opens its paragraph or follows a stop
    (- 1、…。 - 2、…。, a page's notice list): a list item, as it would be without the dash."""
    if m.at_start or m.after_stop:
        return False
    j = p.index_of(m.span.start)
    while j > 0 and p.text[j - 1] in " \t\u3000":
        j -= 1
    if not j or p.text[j - 1] not in "-•·":
        return False
    k = j - 1
    while k > 0 and p.text[k - 1] in " \t\u3000":
        k -= 1
    return k == 0 or p.text[k - 1] in "。；;!?！？"


def _labelled(paras, scope_of, markers) -> set:
    """The markers numbered 1 that come right after an unnumbered label ending in a
    colon (a paragraph that opens with a marker is a numbered heading, not a label): inside the paragraph (…改进措施:一是…), or as the paragraph before, across
    paragraphs of bare numbers (项目支出: then a flattened table's values, then 1.…)."""
    out = set()
    numbered = {m.para for m in markers if m.at_start}
    for idx, m in enumerate(markers):
        if m.ordinal != 1:
            continue
        text = paras[m.para].text
        if not m.at_start:
            if _LABEL_IN.search(text[: paras[m.para].index_of(m.span.start)].rstrip()):
                out.add(idx)
            continue
        q = m.para - 1
        while q >= 0 and m.para - q <= 8 and paras[q].kind != "cell" and scope_of[q] == scope_of[m.para]:
            if not numeric(paras[q].text):
                if q not in numbered and _LABEL_TAIL.search(paras[q].text):
                    out.add(idx)
                break
            q -= 1
    return out


def _label_before(paras, m) -> str:
    """The label right before the 1 ``m`` (its paragraph's text from the last stop to the colon,
    or the label line before its paragraph), without the colon; "" when there is none."""
    p = paras[m.para]
    if not m.at_start:
        got = _LABEL_IN.search(p.text[: p.index_of(m.span.start)].rstrip())
        return got.group().rstrip(" :").lstrip(" 。；;!?！？.") if got else ""
    q = m.para - 1
    while q >= 0 and m.para - q <= 8 and paras[q].kind != "cell":
        if not numeric(paras[q].text):
            got = _LABEL_TAIL.search(paras[q].text)
            return got.group().strip(" :") if got else ""
        q -= 1
    return ""


# labels that open a list inside an item (其中: 1.… 2.…), never one beside the list before
_INNER_LABEL = re.compile(r"其中|包括|如下|分别|具体|主要有|以下")


def _sibling_labels(paras, first, m) -> bool:
    """Whether the labels before two lists' 1s (``first``, then ``m``) are worded alike — the same
    last two characters, 预算编制方面 / 预算执行方面, 产出指标完成情况 / 效益指标完成情况 — and
    differ: the headings of two sections side by side."""
    a, b = _label_before(paras, first), _label_before(paras, m)
    a = re.sub(r"^[^\u4e00-\u9fff]+", "", a)
    b = re.sub(r"^[^\u4e00-\u9fff]+", "", b)
    return (len(a) >= 4 and len(b) >= 4 and a != b and a[-2:] == b[-2:]
            and not _INNER_LABEL.search(a) and not _INNER_LABEL.search(b))


# a 2 written right after text, not after a stop, so not read as a marker: (2) (二) ② 2、 二、
_GLUED_TWO = {"paren-ar": re.compile(r"\(\s*2\s*\)"), "paren-cn": re.compile(r"\(\s*二\s*\)"),
              "circled": re.compile(r"[②⑵]"), "ar-dot": re.compile(r"(?<![\d.])2\s*、"),
              "cn-dun": re.compile(r"(?<![一二三四五六七八九十])二\s*、")}
_GLUED_REACH = 200  # characters after a 1 that its glued 2 is looked for in


def _glued_two(paras, markers, idx: int) -> bool:
    """Whether marker ``idx`` (a 1) is followed in its paragraph, before the next marker
    read as one, by a 2 of its style that was not read as a marker (glued to the text
    before it): the 1 heads a list of two or more."""
    m = markers[idx]
    pat = _GLUED_TWO.get(family(m.style))
    if pat is None:
        return False
    p = paras[m.para]
    start = p.index_of(m.span.end)
    end = min(len(p.text), start + _GLUED_REACH)
    if idx + 1 < len(markers) and markers[idx + 1].para == m.para:
        end = min(end, p.index_of(markers[idx + 1].span.start))
    return pat.search(p.text, start, end) is not None


def _resumes(ms: list, m) -> bool:
    """Whether marker ``m`` (2、) goes on from a marker of its own way of writing before it
    in its paragraph (1、), past only markers of the other way of writing the same level
    (1.…3.): 1、单位职能1.负责…。2.负责…。3.负责…。2、人员情况 — the 点号 items are item 1's
    own list, written inline; 2、 is no step back from 3."""
    k = ms.index(m) if m in ms else -1
    other = 0
    for x in reversed(ms[:k] if k > 0 else ()):
        if x.style == m.style:
            return other > 0 and x.ordinal == m.ordinal - 1
        if family(x.style) != family(m.style):
            return False
        other += 1
    return False


# an unnumbered heading line: a few words, no figure and no punctuation but a colon at its end
_HEADING_LINE = r"\s*[\u4e00-\u9fff()（）]{2,15}\s*:?\s*"  # (compiled when first used, see _SECTION)


def _heading_before(paras, m) -> int | None:
    """The paragraph of the unnumbered heading line right before marker ``m`` (at the
    start of its paragraph), past lines of bare numbers (a table's values), or None."""
    q = m.para - 1
    while q >= 0 and m.para - q <= 8 and paras[q].kind != "cell":
        text = paras[q].text
        if not text.strip() or numeric(text):
            q -= 1
            continue
        # (not the report's own title in its first line)
        return q if q > 0 and re.fullmatch(_HEADING_LINE, text) and "报告" not in text else None
    return None


def _parallel(paras, first, m) -> bool:
    """Whether the list that ``first`` opens and the 1 ``m`` after it each open a
    paragraph right under an unnumbered heading line of their own (三公经费 ⏎ 1、…
    项目支出情况 ⏎ 1、…): two sections side by side, not a list nested in the last
    item of the other."""
    if first.ordinal != 1 or not first.at_start or paras[m.para].kind == "cell" or m.style == "cn-dun":
        return False  # (一、 is the report's own chapter level: a second 一、 is no section beside it)
    h = _heading_before(paras, m)
    if h is None or h <= first.para:
        return False
    return _heading_before(paras, first) is not None


def _lone_after_label(paras, first, m) -> bool:
    """Whether ``first`` is a 1 right after a short label that opens its paragraph
    (其中:1、运行维护经费) and the 1 ``m`` after it opens a paragraph under an unnumbered
    heading line of its own (三公经费 ⏎ 1、…): a list of one item (its 2 not read as a
    marker, or none) that ended before that heading, not a list ``m`` is nested in."""
    if first.ordinal != 1 or first.at_start or paras[m.para].kind == "cell" or m.style == "cn-dun":
        return False
    p = paras[first.para]
    if not _LONE_LABEL.fullmatch(p.text, 0, p.index_of(first.span.start)):
        return False
    h = _heading_before(paras, m)
    return h is not None and h > first.para


_LONE_LABEL = re.compile(r"\s*[\u4e00-\u9fff]{2,15}\s*:\s*")


# places in _build's per-marker lists (the fields of Item in order)
_MARKER, _SCOPE, _PARENT, _TITLE_END, _START = 1, 2, 3, 10, 11


def _between(paras, scope_of, a: list, b: list | None, body: bool):
    """The pieces of text after item ``a``'s title up to item ``b`` (or the end of what
    ``a`` may hold), one per paragraph, lazily: the first one with a word decides."""
    p = a[_MARKER].para
    if b is not None and b[_MARKER].para == p:
        yield paras[p].text[a[_TITLE_END]: b[_START]]
        return
    yield paras[p].text[a[_TITLE_END]:]
    last = b[_MARKER].para if b is not None else len(paras)
    for q in range(p + 1, last):
        if not body and scope_of[q] != a[_SCOPE]:
            # a cell, or a run of paragraphs between cells: to the next item or the run's end
            break
        yield paras[q].text
    if b is not None and b[_MARKER].para != p and (body or scope_of[b[_MARKER].para] == a[_SCOPE]):
        yield paras[b[_MARKER].para].text[: b[_START]]


_CN = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 21 → 二十一 (up to 99)."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def renumber(style: str, text: str, n: int) -> str:
    """A marker's text with its number replaced by ``n`` (（十三） → （十四））."""
    if style == "circled":
        from .extract import CIRCLED, PAREN_DIGITS

        if text in PAREN_DIGITS and n <= len(PAREN_DIGITS):
            return PAREN_DIGITS[n - 1]
        return CIRCLED[n - 1] if n <= len(CIRCLED) else text
    m = re.search(r"\d+", text)
    if m:
        return text[: m.start()] + str(n) + text[m.end():]
    m = re.search(r"[一二三四五六七八九十]+", text)
    if m:
        return text[: m.start()] + cn_numeral(n) + text[m.end():]
    return text
