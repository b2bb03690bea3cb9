"""From parsed paragraphs to facts.

:func:`extract_paragraph` walks the items the grammar produced for one
paragraph, keeping track of sentences, clauses and parentheses, and turns them
into the facts of :mod:`linter.facts` — quantities with their labels, years,
dates, document numbers, markers, keywords. :func:`breakdowns` then pairs each
total with its parts.
"""
from __future__ import annotations

import re

import attrs

from .arith import parse_number, precision_of, stated
from .arith import total as total_of
from .facts import (TEXT_ITEMS, Breakdown, DateRef, DocRef, Keyword, Marker, ParseProblem, PunctItem, Quantity,
                    SpaceItem, TextItem, YearRef)
from .normalise import Paragraph
from .parsing import RawItem, number_value, parse_text, shared_text
from .vocab import Vocabulary

QUANTITY_KINDS = {"amount", "percent", "score", "count", "number"}
_PLAIN = frozenset(("TEXT", "SP", "PUNCT"))
_TEXT_CLASSES = frozenset((TextItem, SpaceItem, PunctItem))
SENTENCE_END = set("。；;!?！？")
CLAUSE_END = SENTENCE_END | set("，,:：")
LABEL_STOP = CLAUSE_END | set("、()（）《》“”\"")
OPEN_PARENS = set("(（")
CLOSE_PARENS = set(")）")

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
MARKER_STYLES = {
    "CN_DUN": "cn-dun",
    "PAREN_CN": "paren-cn",
    "PAREN_AR": "paren-ar",
    "AR_DOT": "ar-dot",
    "AR_DUN": "ar-dun",
    "CIRCLED": "circled",
    "CN_SHI": "cn-shi",
    "DI_N": "di",
}


def cn_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十三 → 13, 二十一 → 21."""
    if not text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        o = _CN_DIGITS.get(ones, None) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    if len(text) == 1:
        return _CN_DIGITS.get(text)
    return None


_NOT_ORDINAL = re.compile(r"[\s()、.是第]")


def marker_ordinal(style: str, text: str) -> int | None:
    core = _NOT_ORDINAL.sub("", text)
    if style == "circled":
        if core in CIRCLED:
            return CIRCLED.index(core) + 1
        return PAREN_DIGITS.index(core) + 1 if core in PAREN_DIGITS else None
    if core.isdigit():
        return int(core)
    return cn_number(core)


@attrs.frozen(weakref_slot=False)  # (one per paragraph; nothing refers to one weakly)
class ParagraphFacts:
    para: Paragraph
    items: tuple  # facts and TextItem, in order
    quantities: tuple[Quantity, ...]
    years: tuple[YearRef, ...]
    dates: tuple[DateRef, ...]
    docrefs: tuple[DocRef, ...]
    markers: tuple[Marker, ...]
    keywords: tuple[Keyword, ...]
    problems: tuple[ParseProblem, ...]


# Dates the inline grammar leaves as text, read from the paragraph's text (item index -1):
# 2023-04-28 and 2023/4/28 (a four-digit year first, the same separator twice);
# 二〇二三年四月二十八日 (a year of four Chinese digits, then month and, optionally, day);
# the second end of a range that writes only its day (4 月 1 日—30 日, 2 月 1 日至 28 日): the
# month and year of the date before it.
# (the year first, what may not stand before it looked behind after it: the engine scans for the
# year's 19 / 20 in its own loop)
_SEP_DATE = re.compile(r"((?:19|20)\d{2})(?<![\dA-Za-z.\-/]\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\d.\-/])")
_CN_YEAR_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0, "0": 0}
# (a year typed with the letter O or the digit 0 for 〇: 二O二三年, 二0二三年; at least one Chinese digit)
_CN_DATE = re.compile(r"(?=[〇零○O0]?[〇零○一二三四五六七八九])(?<![A-Za-z0-9])([〇零○O0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:份)?"
                      r"(?:\s*([一二三四五六七八九十]{1,3})\s*[日号])?")
_RANGE_DAY = re.compile(r"\s*(?:—{1,2}|–|-|~|～|至|到)\s*(\d{1,2})\s*[日号](?![\d])")


def _other_dates(para: Paragraph, dates: list) -> list:
    text = para.text
    more = []
    if "-" in text or "/" in text:
        for m in _SEP_DATE.finditer(text):
            more.append(DateRef(int(m.group(1)), int(m.group(3)), int(m.group(4)), para.span(m.start(), m.end()),
                                para.index, -1))
    if "年" in text and "月" in text:  # (every such date has both: most paragraphs are passed without the pattern)
        for m in _CN_DATE.finditer(text):
            year = int("".join(str(_CN_YEAR_DIGITS[c]) for c in m.group(1)))
            month = cn_number(m.group(2))
            day = cn_number(m.group(3)) if m.group(3) else None
            if 1949 <= year <= 2099 and month is not None and (day is not None or not m.group(3)):
                more.append(DateRef(year, month, day, para.span(m.start(), m.end()), para.index, -1))
    for d in sorted(dates + more, key=lambda d: d.span.start):
        if d.day is None:
            continue
        j = para.index_of(d.span.end - 1) + 1
        m = _RANGE_DAY.match(text, j)
        if m and int(m.group(1)) > d.day:
            more.append(DateRef(d.year, d.month, int(m.group(1)), para.span(m.start(1), m.end()), para.index, -1))
    return more


def _int(tok) -> int:
    return int(tok.value.replace(",", ""))


def extract_paragraph(para: Paragraph, vocab: Vocabulary) -> ParagraphFacts:
    raw, bad = parse_text(para.text)
    text = para.text
    items: list = []
    quantities, years, dates, docrefs, markers, keywords = [], [], [], [], [], []
    sentence = clause = depth = 0
    seen_content = False  # anything but spaces before this item in the paragraph
    last_sig = ""  # the last non-space punctuation or item kind, for marker positions
    new_text_item = tuple.__new__  # TextItem(...) without its Python-level __new__

    text_items = TEXT_ITEMS
    for index, it in enumerate(raw):
        # most items are the parser's text items, told apart by their class alone
        cls = type(it)
        if cls not in _TEXT_CLASSES:
            kind = it[0]
            if kind in _PLAIN:  # a token's item of plain text (a paragraph's first): made a text item
                tok = it[1][0]
                cls = text_items[kind]
                it = new_text_item(cls, (tok.value, tok.start_pos))
        if cls is TextItem:
            items.append(it)
            last_sig = "TEXT"
            seen_content = True
            continue
        if cls is PunctItem:
            items.append(it)
            ch = it[0]
            if ch in OPEN_PARENS:
                depth += 1
            elif ch in CLOSE_PARENS:
                depth = max(0, depth - 1)
            if ch in SENTENCE_END:
                sentence += 1
                clause += 1
            elif ch in CLAUSE_END:
                clause += 1
            last_sig = ch
            seen_content = True
            continue
        if cls is SpaceItem:
            items.append(it)
            continue

        toks = it.tokens
        start, end = toks[0].start_pos, toks[-1].end_pos  # (the item's place, read once: not by its properties each time)
        span = para.span(start, end)
        fact = None
        if kind in QUANTITY_KINDS:
            num = toks[0]
            unit = shared_text(toks[1].value.strip()) if len(toks) > 1 else ""
            label_start, raw_label = _label_before(items, start)
            raw_label = shared_text(raw_label)  # (a report repeats its labels)
            label = vocab.canonical(raw_label) if raw_label else ""
            number_span = span if len(toks) == 1 else para.span(num.start_pos, num.end_pos)
            wan = _wan_yuan(raw, index, raw_label) if kind == "number" else None
            if wan:
                # 项目支出 2890 万。: money written with 万 (or 亿) alone, where the label is money's
                kind, unit = "amount", wan + "元"
                span = para.span(start, raw[index + 1].start + 1)
            negative = _negative_before(text, start)
            value = number_value(num.value)  # (one Decimal for the figures written alike)
            head = _parts_before(items, quantities, index, start, text, unit) if kind == "amount" else None
            if head is not None:
                # 2亿3,500万元, 7亿580万4千元: one sum written in parts, read from its first digit
                # in the unit of its last part (23500 万元, 705804 千元)
                before, first_at, label_start, n, first = head
                for m in range(n):  # (the parts' bare numbers are text of this figure now)
                    j = len(items) - 2 - 2 * m
                    at = b = items[j + 1][1]
                    while at > 0 and (text[at - 1].isdigit() or text[at - 1] in ",，"):
                        at -= 1
                    items[j] = TextItem(text[at:b], at)
                del quantities[-n:]
                value = before + value
                raw_label, label = first.raw_label, first.label
                span = para.span(first_at, end)
                number_span = span
                start = first_at
            fact = Quantity(
                kind=kind,
                value=-value if negative else value,
                unit=unit,
                precision=precision_of(num.value),
                span=span,
                # (a bare number's digits are the whole item: one span object for both)
                number_span=number_span,
                para=para.index,
                item=index,
                sentence=sentence,
                clause=clause,
                depth=depth,
                raw_label=raw_label,
                label=label,
                label_span=para.span(label_start, start) if raw_label else None,
                negative=negative,
            )
            quantities.append(fact)
        elif kind == "year":
            num = toks[0].value
            value = parse_number(num)
            if len(num) == 4 and num.isdigit() and 1900 <= value <= 2100:
                suffix = shared_text(toks[1].value.strip())
                fact = YearRef(int(value), span, para.index, index, suffix)
                years.append(fact)
            elif re.fullmatch(r"\d{1,2}\.(?:19|20)\d\d", num):
                # "2.2020 年度": a list number run into a year (附件：1.……报告 2.2020 年度……报告)
                k = num.index(".") + 1
                fact = YearRef(int(num[k:]), para.span(toks[0].start_pos + k, toks[1].end_pos), para.index, index,
                               shared_text(toks[1].value.strip()))
                years.append(fact)
            else:  # "3 年", "1.5 年" are durations: counts
                fact = Quantity(
                    "count", value, "年", precision_of(num), span, para.span(toks[0].start_pos, toks[0].end_pos),
                    para.index, index, sentence, clause, depth,
                )
                quantities.append(fact)
        elif kind in ("date", "month") and any("." in t.value for t in toks if t.type == "NUMBER"):
            pass  # "1.5 月" is no month: kept as text
        elif kind == "date" and toks[0].type == "DOT_DATE":
            y, m, d = (int(x) for x in toks[0].value.split("."))  # 2023.4.28
            fact = DateRef(y, m, d, span, para.index, index)
            dates.append(fact)
        elif kind in ("date", "month"):
            nums = [_int(t) for t in toks if t.type == "NUMBER"]
            has_year = any(t.type == "YEAR_D" for t in toks)
            if has_year:
                y, m, d = nums[0], nums[1], (nums[2] if len(nums) > 2 else None)
            else:
                y, m, d = None, nums[0], (nums[1] if len(nums) > 1 else None)
            fact = DateRef(y, m, d, span, para.index, index)
            dates.append(fact)
            if has_year and 1900 <= y <= 2100:
                ystart = toks[0].start_pos
                years.append(YearRef(y, para.span(ystart, toks[1].end_pos), para.index, index, "年"))
        elif kind == "docno":
            fact = _docref(para, items, it, index)
            docrefs.append(fact)
        elif kind == "marker":
            tok = toks[0]
            style = MARKER_STYLES[tok.type]
            ordinal = marker_ordinal(style, tok.value)
            if ordinal is not None:
                at_start = not seen_content
                after_stop = at_start or last_sig in ("。", "；", ";", ":", "：")
                fact = Marker(style, ordinal, tok.value, span, para.index, index, at_start, after_stop,
                              shared_text(title_after(text, end)))
                markers.append(fact)
        elif kind == "keyword":
            fact = Keyword(toks[0].value, span, para.index, index, sentence, depth)
            keywords.append(fact)
        if fact is None:  # e.g. a marker with no ordinal: keep it as text
            items.append(TextItem(text[start:end], start))
        else:
            items.append(fact)
        seen_content = True
        last_sig = kind

    if dates or "年" in text or "-" in text or "/" in text:
        more = _other_dates(para, dates)
        if more:
            dates = sorted(dates + more, key=lambda d: d.span.start)
    problems = tuple(
        ParseProblem(para.span(i, i + 1), para.index,
                     f"无法解析的字符 {ch!r}，该处未检查", f"unparsable character {ch!r}; not checked here")
        for i, ch in bad
    )
    return ParagraphFacts(para, tuple(items), tuple(quantities), tuple(years), tuple(dates),
                          tuple(docrefs), tuple(markers), tuple(keywords), problems)


_MONEY_LABEL = re.compile(r"(?:支出|资金|经费|预算|收入|拨款|投资|结余|结转|费用|金额|补助|补贴|成本|决算"
                          r"|(?:执行|预算|决算|支出|拨付|下达|到位)数)$")
# the marks that end a figure's clause or list item (and parentheses)
_MARKS = frozenset(CLAUSE_END | set("、") | OPEN_PARENS | CLOSE_PARENS)


# the words of a sum written in parts (2亿3,500万元, 7亿580万4千元): what each part counts, in 元
_SUM_PARTS = {"亿": 10 ** 8, "万": 10 ** 4, "千": 10 ** 3}
_UNIT_YUAN = {"亿元": 10 ** 8, "万元": 10 ** 4, "千元": 10 ** 3, "元": 1}


def _parts_before(items: list, quantities: list, index: int, start: int, text: str, unit: str):
    """For an amount at paragraph index ``start`` written as the last part of a sum in parts
    (the 3,500万元 of 2亿3,500万元, the 4千元 of 7亿580万4千元): the value of the parts before
    it in its own unit, where the first part's digits start and where that part's label starts,
    and how many bare numbers they are; None when no such part stands right before it."""
    size = _UNIT_YUAN.get(unit)
    if size is None:
        return None
    total, k, n, last = 0, start, 0, size
    while n + 1 <= len(quantities) and len(items) >= 2 * (n + 1):
        word, num = items[-1 - 2 * n], quantities[-1 - n]
        if (type(word) is not TextItem or word[0] not in _SUM_PARTS or word[1] + 1 != k
                or num.item != index - 2 * (n + 1) or num.kind != "number" or num.negative or num.precision):
            break
        each = _SUM_PARTS[word[0]]
        if each <= last:
            break  # (the parts go down: 亿, then 万, then 千)
        j = word[1]
        while j > 0 and (text[j - 1].isdigit() or text[j - 1] in ",，"):
            j -= 1
        if not text[j:word[1]].replace(",", "").replace("，", "").isdigit():
            break
        total += num.value * each // size
        k, last, n = j, each, n + 1
    if n == 0:
        return None
    first = quantities[-n]
    label_start = k - len(first.raw_label) if first.raw_label and text[:k].endswith(first.raw_label) else k
    return total, k, label_start, n, first


def _wan_yuan(raw: list, index: int, raw_label: str) -> str | None:
    """万 or 亿 when the bare number ``raw[index]`` is a sum of money in 万元 or 亿元 written
    with 万 or 亿 alone: the word right after it, then a clause mark or the paragraph's end,
    and a label that names money (项目支出 2890 万。, 中央资金 2 亿，)."""
    if index + 1 >= len(raw) or not _MONEY_LABEL.search(raw_label):
        return None
    word = _raw_text(raw[index + 1], "TEXT")
    if word not in ("万", "亿"):
        return None
    if index + 2 == len(raw) or _raw_text(raw[index + 2], "PUNCT") in _MARKS:
        return word
    return None


def _raw_text(it, kind: str) -> str | None:
    """The text of a raw item of ``kind`` (the parser's TextItem, or a token's RawItem)."""
    if type(it) in _TEXT_CLASSES:
        return it[0] if it.kind == kind else None
    return it.tokens[0].value if it.kind == kind and len(it.tokens) == 1 else None


def _label_before(items: list, start: int) -> tuple[int, str]:
    """The words right before a number, back to the last clause stop or item."""
    parts: list[str] = []
    label_start = start
    for prev in reversed(items):
        if not isinstance(prev, TextItem):
            break
        if prev.kind == "PUNCT":
            if prev.text in LABEL_STOP or prev.text not in "-+":
                break
            continue
        parts.append(prev.text)
        label_start = prev.start
    joined = "".join(reversed(parts))
    raw = joined.strip()
    lead = len(joined) - len(joined.lstrip())
    m = _SUBJECT.match(raw)
    if m and m.end() < len(raw):
        lead += m.end()
        raw = raw[m.end():]
    return label_start + lead, raw


# The reporting unit as the subject of a sentence is not part of a figure's label.
_SUBJECT = re.compile(r"(?:我|本)(?:局|办|委|院|所|站|部|中心|单位|部门)(?:本级)?")


def _negative_before(text: str, start: int) -> bool:
    if start == 0 or text[start - 1] != "-":
        return False
    before = text[start - 2] if start >= 2 else " "  # (not "": "" is in every string)
    return not (before.isdigit() or before in ")）%" or "\u4e00" <= before <= "\u9fff" and before in "元分")


def title_after(text: str, end: int) -> str:
    return _TITLE_AFTER.match(text, end).group(0).strip()


_TITLE_AFTER = re.compile(r"[^。；;!?！？]*")  # (matches at any place: the text up to its sentence's end)


_ISSUER_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,12}$")
# words that lead into a citation and are not part of the issuer's code (根据湛财〔2024〕1号)
_ISSUER_LEAD = re.compile(r"^(?:根据|依据|依照|按照|参照|对照|执行|落实|贯彻|详见|印发|转发|按|据|见|及|和|与|并|以)+")
_TITLE_RE = re.compile(r"《([^《》]{1,200})》[\s(（]*$")


def _docref(para: Paragraph, items: list, it: RawItem, index: int) -> DocRef:
    tok = it.tokens[0]
    m = re.match(r"([〔\[【(])\s*(\d{4})\s*([〕\]】)])\s*(?:第\s*)?(\d*)\s*号", tok.value)
    assert m is not None
    before = para.text[: it.start]
    # (a match ends at the end of ``before``, or before a line break there: it starts in the
    # last 13 characters, and the search starts there, not at every character of the paragraph)
    im = _ISSUER_RE.search(before, max(0, len(before) - 13))
    issuer = im.group(0) if im else ""
    start = im.start() if im else it.start
    lead = _ISSUER_LEAD.match(issuer)
    if lead and lead.end() < len(issuer):
        issuer, start = issuer[lead.end():], start + lead.end()
    tm = _TITLE_RE.search(before[: start])
    title, title_span = "", None
    if tm:
        title = tm.group(1)
        title_span = para.span(tm.start(1), tm.end(1))
    return DocRef(
        issuer=issuer,
        year=int(m.group(2)),
        number=int(m.group(4)) if m.group(4) else None,
        open_bracket=m.group(1),
        close_bracket=m.group(3),
        span=para.span(start, it.end),
        para=para.index,
        item=index,
        title=title,
        title_span=title_span,
    )


# --- breakdowns -----------------------------------------------------------

BREAKDOWN_OPENERS = {"其中", "包括", "包含", "含"}
BREAKDOWN_CLOSERS = {"合计", "共计", "总计"}
_PARTIAL_HINTS = ("主要", "部分", "如", "例如", "比如")
_FULL_STOP = frozenset("。!?！？")  # ends a sentence; ；/; only ends a clause of it
_MAINLY = ("主要是", "主要为", "主要包括", "主要有")  # (the main items of what was said before)
_LIST_STOP = frozenset("；;")
# a figure compared with another time (比上年增加 20 万元) breaks no figure down
_COMPARISON = re.compile(r"同比|[比较]上年|[比较]去年|[比较]年初|上年同期")
# the same with the year named, which the label (after the year) leaves out: 较2020年度决算数减少 b;
# or after a clause of its own that says what it is compared with: 与2023年度相比，减少 b
_YEAR_COMPARED = re.compile(r"(?:^|[，,；;。：:!?！？])\s*(?:与)?\s*[比较]\s*(?:19|20)\d{2}\s*年[^，,；;。：:!?！？]*$"
                            r"|相比\s*[，,]?\s*(?:增加|减少|增长|下降|增收|减收|增支|减支|上升)了?\s*$")


def _compared(pf: ParagraphFacts, q: Quantity) -> bool:
    """Whether ``q`` is a change over another time or that time's figure (比上年减少 b, 较2020年度
    决算数减少 b: its clause opens with 比 / 较 and a year; 与上年相比，减少 b): no part and no total."""
    if _COMPARISON.search(q.raw_label):
        return True
    i = pf.para.index_of(q.number_span.start)
    return _YEAR_COMPARED.search(pf.para.text, max(0, i - 30), i) is not None


# what a list's items touched or reached, said after it (涉及部门8个, 惠及群众300人): no part
_ANOTHER_MEASURE = re.compile(r"(?:共|合计|累计)?(?:涉及|覆盖|惠及|带动|受益)")
# how much of it was released, paid or spent so far (目前已下达, 累计完成支出, 实际到位资金, 完成投资,
# 全省救助资金共支出: a verb of progress after 已 / 累计 / 实际 / 目前 / 截至 / 共 (not the 共 of 公共),
# or one of release or completion opening the label, not as the noun of a budget's column: 完成数,
# 下达计划): after a list of sources that are none of these, no more part of it
_PROGRESS = re.compile(
    r"(?:已|累计|实际|目前|当前|现|截至|截止|(?<!公)共)(?:全部|共计|共|累计)?"
    r"(?:下达|拨付|支出|支付|到位|完成|使用|执行|兑付|发放|落实)"
    r"|^(?:下达|拨付|到位|完成)(?!决算|预算|数|值|率|计划|标准|指标|任务)|累计$"
)
# a price or a standard (每公里补助20万元, 补助标准500元, 300元/人) is no part and no total
_PER = re.compile(r"每|标准|单价|均价|人均|户均|亩均")
_TIMES = ("/", "／", "×", "*", "＊", "÷")
_ROUGH_BEFORE = re.compile(r"(?:约|近|大约|将近|接近|超过|逾|不足|不到|不少于|不低于|不超过|不高于|至少|最多|最少)$")
_ROUGH_AFTER = re.compile(r"\s*(?:左右|上下|余|多|以上|以下|以内)")
# after the last part: one more 、-item that has no figure, to the end of the sentence
_NO_FIGURE_ITEM = re.compile(r"、[^、，,。；;!?！？\d０-９()（）]+(?:[。；;!?！？]|$)")
# after the last part, a new item or clause that runs to the paragraph's end with no mark
# ending its sentence (…，南陵县23万元，镜湖⏎): the list was cut off (a page break, an excerpt)
_CUT_OFF = re.compile(r"[，,、][^，,、。；;!?！？]*$")
# a unit with no number in front of it: the part's figure is masked or was left blank
# 2.20万 without its 元, before a mark: an amount whose unit was cut short
_LOST_YUAN = r"\s*[万亿](?![\u4e00-\u9fff])"  # (a rare place: compiled by re when first used)
_BARE_UNIT = re.compile(r"[万亿千]元|(?<![\u4e00-\u9fff])元(?![\u4e00-\u9fff])")


def unit_family(q: Quantity) -> str:
    if q.kind == "amount":
        return "amount"
    if q.kind == "count":
        return "count:" + ("人" if q.unit in ("人", "名", "位", "员") else q.unit)
    return q.kind + ":" + q.unit


def breakdowns(pf: ParagraphFacts, vocab: Vocabulary) -> tuple[Breakdown, ...]:
    """Pair totals with their parts in one paragraph.

    ``total, 其中/包括/含 part, part …`` — the total is the nearest figure before
    the keyword in the same sentence, at the keyword's parenthesis depth; the
    parts are the figures of the same kind after it, up to the end of the
    sentence, a figure of another kind family excluded, figures nested in deeper
    parentheses excluded (they break a part down further). A second opener ends
    the parts (the rest belongs to a nested breakdown), and so does a figure
    labelled with an attribute word (净值, 占比 … of the part before it), and one of
    progress after parts that are none (``其中省级资金 b、市级资金 c，目前已下达 d``).

    The earlier figures of its kind in the sentence are kept as other readings
    (``Breakdown.totals``: ``全年预算数600万元，执行数580万元，其中：…`` may break
    down the budget).

    ``total。其中：part, part …`` — a 其中 that opens a sentence breaks down the
    last figure of its kind in the sentence before (or, if that figure is itself a
    part of a breakdown there, that breakdown's total); the other figures of its
    kind earlier in the paragraph are other readings, unless a breakdown of an
    earlier sentence holds them, and so is the sum of the figures of the sentence
    before (``Breakdown.summed``). A 其中 after ； is read the same way.

    After 分别 (分别为, 分别是) or 即 following a part, the figures up to the next ； break that
    part down and are no parts of the list (``一是基金1200万元，分别为甲1000万元、乙200万元``);
    with two or more of them they are a breakdown of that part, returned before the list's.
    A part whose 元 was lost (``邮电费2.20万，``) in a list of amounts is read in 万元.

    A list stops at ；/; as at the end of the sentence, but the figures of the same
    kind in the later ；-clauses of the sentence are kept (``Breakdown.more``) when
    no new total (其中, 合计 …) comes among them: ``其中甲项目A a，B b；乙项目A c，
    B d`` lists four parts; when every clause holds the same number of figures, the
    k-th figures of the clauses are kept too (``Breakdown.columns``: ``其中：中央资金
    300万元，支出300万元；省级资金150万元，支出145.8万元``). When each clause holds
    exactly one figure and there are three or more (``其中：a 用于…；b 用于…；
    c 用于…``), or the sentence is all list (``…。其中：A a；B b。``), or the clauses
    have one shape (``其中：A a，占 x%；B b，占 y%``), they are the parts.

    Neither a part nor a total: a figure compared with another year (``比上年减少
    10 万元``), a price or a standard (``每公里 20 万元``, ``300元/人``), an operand
    of a product written out (``14人×3万元=42万元``: the 42 is the part).

    ``total（其中 part, part）`` — a 其中 that opens a parenthesis right after a
    figure breaks that figure down; so do 含 / 包含 / 包括 there, as a list that may not be
    all of it (``决算数 a（含实现数 b、应付数 c）``).

    A change between the total and the opener (``收入100万元，比上年增加5万元，
    其中：…``) is passed over too, and kept as another reading.

    A percentage between the total and the opener is passed over (``执行数 95 万元，
    执行率 95%，其中：…``) and kept (``Breakdown.rates``: the parts may be that share
    of the total), and ``其中包括``/``其中含`` is one opener.

    ``part, part … 合计/共计/总计 total`` — the parts are the figures of the
    same kind in the same sentence before the keyword; for a 合计 that opens a
    ；-clause, one figure from each ；-clause before it (``A 30万元；B 30万元；合计
    60万元``).

    The enumeration is judged exhaustive when it has two or more parts, no
    等/等等 follows the last part, the opener is not qualified by 主要, 部分,
    如 (examples), and the shares written after the parts, if every part has one,
    add up to 100% (``脱贫人口1200人，占24%；监测对象300人，占6%`` is a few groups).
    Partial enumerations are still checked: their parts may not exceed the total. A list in which a part has the unit but no number
    (``其中：A ** 万元，B 2万元``), whose counts come in two measure words
    (``其中：甲编制81人，乙编制12个``), whose part is a guess or a bound (``约60万元``,
    ``30万元左右``) or that is cut off at the paragraph's end inside one more clause
    (``…，南陵县23万元，镜湖`` and no mark ending the sentence) is marked ``gaps``.
    """
    if len(pf.quantities) < 2:
        return ()  # (a total and its parts are figures of the paragraph: fewer than two, no breakdown)
    out: list[Breakdown] = []
    last_opener = None
    keywords = pf.keywords
    if _WORD_HINTS.search(pf.para.text):
        words = _word_keywords(pf)
        if words:
            keywords = sorted((*keywords, *words), key=lambda k: k.item)
    for kw in keywords:
        if kw.word in BREAKDOWN_OPENERS or kw.word in WORD_OPENERS:
            follows = last_opener is not None and last_opener.span.end == kw.span.start
            last_opener = kw
            if follows:  # 其中包括, 其中含: one opener, read at 其中
                continue
            b = _opened(pf, kw, vocab, out)
            if b is not None and kw.word == "（" and (len(b.parts) < 2 or b.more or any(
                    _OTHER_TIME.search(_item_words(pf, q)) for q in b.parts) or any(
                    _CHANGE.search(_item_words(pf, q)) for q in (b.total, *b.parts))):
                # (本年120万元（上年100万元）: another year's figure, no part; 调减84.92万元（人员经费
                # 调减87.22万元，公用经费调增2.30万元）: changes either way, no plain sum)
                b = None
            if b is not None:
                out.append(b)
            elif kw.word != "（":
                out.extend(_row_pair(pf, kw))
        elif kw.word in BREAKDOWN_CLOSERS or kw.word in WORD_CLOSERS:
            b = _closed(pf, kw)
            if b is not None:
                out.append(b)
        elif kw.word in ("分别为", "分别是", "分别", "即", "：", "由", "分为", "用于") and _respectively_after_total(pf, kw, out):
            b = _opened(pf, kw, vocab, out)  # 共获得资金295万元，分别为120万元、95万元、80万元
            if b is not None and kw.word == "用于" and (
                    len(b.parts) < 2 or b.more or not _comma_before(pf, kw)):
                b = None  # (自筹资金50万元用于配套设施，…: what one sum is for, no list)
            if b is not None:
                out.append(b)
    return tuple(out)


def _comma_before(pf: ParagraphFacts, kw: Keyword) -> bool:
    prev = pf.items[kw.item - 1] if kw.item else None
    return type(prev) is PunctItem and prev.text in "，,"


# words the grammar has no keyword for that open a list of parts (年度资金486.2万元，具体为：…；
# 项目资金500万元由三部分组成：…；收入2092.75万元，主要是：… — a list that may not be all)
# or close one (差旅费2.36万元、会议费1.8万元，小计4.16万元), read from a text item they end
WORD_OPENERS = frozenset(("具体为", "具体是", "明细为", "构成为", "组成为", "来源为", "来源是", "主要是", "主要为", "主要有", "主要用于", "组成",
                          "如下", "分为", "分", "分类", "划分", "（"))
WORD_CLOSERS = frozenset(("小计", "累计", "共", "之和"))
_SUM_OF = re.compile(r"(之和|总和)(?:为|是|达到?|共计)?$")  # (累计 only where a count of the parts is said)
# (searched in every text item of a paragraph with a hint: the lookahead for the first characters of
# the branches is one test at each place, not one per branch)
_WORD_KEYWORD = re.compile(r"(?=[具明构组来主小分由按])(?:"
                           r"^具体[^\d，,。；;]{1,6}?(为|是|如下)$|(具体为|具体是|明细为|构成为|组成为|来源为|来源是|主要是|主要为|主要有|主要用于|小计|分为)$|由[^\d，,。；;]{0,6}(组成)$"
                           r"|(?:构成|组成|明细|具体情况)(如下)$|^按[^\d，,。；;]{1,8}?(分类?|划分)$)")
# the last characters of its words: a text item ending in none of them is passed without the
# pattern (a paragraph's text has no line break, so ``$`` is its last character)
_WORD_KEYWORD_ENDS = frozenset("为是下成有于计分类")


_CHANGE = re.compile(r"调增|调减|增加|减少|增长|下降|增减")
_OTHER_TIME = re.compile(r"上年|去年|前年|同期|以前|往年|(?:19|20)\d\d\s*年")
_WORD_HINTS = re.compile(r"[计共成即由分和:：(（]|具体|主要|明细|用于")


# 共, 共有, 共设置…, 共计 aside (a keyword), not 共结余 / 共支出 (what is left or spent of it)
_ALL_OF = re.compile(r"共(?:有|设置?|设立|建成|包含|涉及|是)?[^\d，,。；;、结支使余拨下]{0,8}$")


def _listed_before(items: list, index: int) -> bool:
    """Whether a comma right before ``items[index]`` closes a 、-list of two figures or more
    (A a、B b、C c，共…): no other mark among them, back to the sentence's start or a comma."""
    if index < 2 or not (type(items[index - 1]) is PunctItem and items[index - 1].text in "，,"):
        return False
    figures = 0
    for it in reversed(items[: index - 1]):
        if isinstance(it, Quantity):
            figures += 1
        elif type(it) is PunctItem:
            if it.text == "、":
                continue
            return figures >= 2 and it.text in "，,。；;:："
        elif isinstance(it, Keyword):
            return False
    return figures >= 2


def _word_keywords(pf: ParagraphFacts) -> list[Keyword]:
    """Keywords for the words of WORD_OPENERS / WORD_CLOSERS that end a text item (the text up
    to a mark, a figure or a keyword) followed by a mark, a figure or a space."""
    out = []
    sentence = depth = 0
    items = pf.items
    for index, it in enumerate(items):
        cls = type(it)
        if cls is PunctItem:
            ch = it.text
            if ch in OPEN_PARENS:
                if (index and isinstance(items[index - 1], Quantity) and items[index - 1].kind in ("amount", "count")
                        and index + 1 < len(items) and not isinstance(items[index + 1], Keyword)):
                    # 实有人数153人（机关62人，执法大队48人，服务中心25人）: a list in parentheses right
                    # after a figure, with no word opening it
                    out.append(Keyword("（", pf.para.span(it.start, it.start + 1), pf.para.index, index, sentence,
                                       depth + 1))
                depth += 1
            elif ch in CLOSE_PARENS:
                depth = max(0, depth - 1)
            elif ch in SENTENCE_END:
                sentence += 1
            elif ch in ":：" and index and isinstance(items[index - 1], Quantity) and items[index - 1].kind == "amount":
                # 项目总投资为X万元：A a，B b，C c。 — a colon right after a sum of money (not after a
                # count: 抽查200件：合格180件，优秀50件 are grades that overlap)
                out.append(Keyword("：", pf.para.span(it.start, it.start + 1), pf.para.index, index, sentence, depth))
            continue
        if cls is not TextItem:
            continue
        t = it.text
        if t.startswith(("即", "由", "分为", "按", "分别", "用于")) and _YOU_MADE_OF.match(pf.para.text, it.start):
            # 共X万元，即A a、B b；收入X万元，由A a、B b和C c构成；资金X万元，分为A a、B b: the figure
            # right before is a total
            a = it.start
            word = ("分为" if t.startswith(("分为", "按")) else "分别" if t.startswith("分别")
                    else "用于" if t.startswith("用于") else t[0])
            out.append(Keyword(word, pf.para.span(a, a + len(word)), pf.para.index, index, sentence, depth))
            continue
        if t.startswith("共") and _ALL_OF.match(t) and index + 1 < len(items) \
                and isinstance(items[index + 1], Quantity) and _listed_before(items, index):
            # 产出指标11个、效益指标5个、满意度指标1个，共设置三级指标16个: a 、-list closed by 共
            out.append(Keyword("共", pf.para.span(it.start, it.start + 1), pf.para.index, index, sentence, depth))
            continue
        s = _SUM_OF.search(t) if "和" in t else None
        if s is not None and index + 1 < len(items) and isinstance(items[index + 1], Quantity):
            # 中央资金a与地方资金b之和为X: the figures before it are the parts
            a, b = it.start + s.start(1), it.start + s.end(1)
            out.append(Keyword("之和", pf.para.span(a, b), pf.para.index, index, sentence, depth))
            continue
        m = _WORD_KEYWORD.search(t) if t[-1:] in _WORD_KEYWORD_ENDS else None
        if m is None:
            c = _COUNTED.search(t) if "计" in t or "共" in t else None
            if c and ("累计" in c.group(0) or "共" in c.group(0)) and index + 1 < len(items) \
                    and isinstance(items[index + 1], Quantity):
                # 三批累计拨付360万元: a closer that says how many parts it adds
                a, b = it.start + c.start(), it.start + c.end()
                out.append(Keyword("累计", pf.para.span(a, b), pf.para.index, index, sentence, depth))
            continue
        g = next(k for k in range(1, 6) if m.group(k))
        if g == 1:  # 具体拨付情况为: the words from 具体
            a, b, word = it.start + m.start(), it.start + m.end(), "具体为"
        else:
            a, b, word = it.start + m.start(g), it.start + m.end(g), m.group(g)
        out.append(Keyword(word, pf.para.span(a, b), pf.para.index, index, sentence, depth))
    return out


# scopes of which the second lies within the first
_NESTED_SCOPES = (("中小企业", "小微企业"), ("中小微企业", "小微企业"), ("中小学", "小学"))


def _nested_scopes(parts: list[Quantity]) -> bool:
    labels = [q.raw_label for q in parts]
    return any(any(outer in a and outer not in b and inner in b for a in labels for b in labels)
               for outer, inner in _NESTED_SCOPES)


# 即 opening a clause; 由 opening one that ends in 构成 / 组成 (由A a、B b和C c构成)
_YOU_MADE_OF = re.compile(r"即(?![将使便可时刻])|分为|用于|分别(?:来自|用于|安排|下达|拨付|来源于)|按[^\d，,。；;]{1,8}?划?分为|由[^。；;!?！？]*(?:构成|组成)")
_AND = ("和", "及", "以及", "与")  # (A a 和 B b: one list, the mark a word)
# ways of dividing people into groups: parts of one list from two of them overlap (其中女性213人，
# 45岁以下318人 count some people twice)
_PEOPLE_DIVIDED = (re.compile(r"[男女]"), re.compile(r"\d+\s*岁|岁以[上下]|青年|老年|未成年"),
                   re.compile(r"本科|专科|大专|硕士|博士|研究生|高中|中专|初中|学历"), re.compile(r"党员|团员"),
                   re.compile(r"少数民族|汉族"),
                   # statuses any person may or may not have, each a way of its own (寄宿生…，建档立卡学生…)
                   re.compile(r"寄宿|住校"), re.compile(r"建档立卡|脱贫|监测对象|防返贫"), re.compile(r"留守"),
                   re.compile(r"残疾"), re.compile(r"随迁"), re.compile(r"低保|特困"))


def _item_words(pf: ParagraphFacts, q: Quantity) -> str:
    """The words of ``q``'s clause or 、-item before it, figures and years among them (2023年为,
    45岁以下学员: the raw label stops at the year or the figure)."""
    text = pf.para.text
    i = pf.para.index_of(q.span.start)
    return text[max(max(text.rfind(c, 0, i) for c in _ITEM_END), text.rfind("(", 0, i), text.rfind("（", 0, i)) + 1: i]


_OUTCOME = re.compile(r"^(?:其中)?[:：]?\s*(?:已|均|共)?(?:取得|获得|实现|通过|考取|达到|完成)")


def _crossed_groups(pf: ParagraphFacts, parts: list[Quantity]) -> bool:
    """Whether the people of a list are grouped two ways (女性…, 45岁以下…), or each part is
    an outcome the same people may share (其中取得证书1460人，实现就业1120人)."""
    if sum(1 for q in parts if _OUTCOME.match(_item_words(pf, q).strip())) >= 2:
        return True
    ways = set()
    for q in parts:
        words = _item_words(pf, q)
        found = [k for k, rx in enumerate(_PEOPLE_DIVIDED) if rx.search(words)]
        if len(found) == 1:
            ways.add(found[0])
    return len(ways) >= 2


_MORE_AFTER = re.compile(r"[^，,。；;]*[，,；;]\s*(?:另有|另外还有|此外|其余|其他还有)")


# a leader's post or a count of posts (县委书记, 副局长, 办公室主任, 督查专员, 股室负责人, 领导职数): the leaders
# among a unit's staff (科员, 职员 are ranks of all the staff, not posts)
_POST = re.compile(r"(?:职数|职位|负责人|书记|[局厅处科股院所站馆队部校社]长|主任|专员|主席|领导)$")


def _posts_only(total: Quantity, parts: list[Quantity]) -> bool:
    """Whether every part of a count of people is a leader's post, and the total is no count of
    posts itself (领导职数5名，其中局长1名、副局长4名 is all of them)."""
    if total.kind != "count" or not parts or _POST.search(total.raw_label.strip()) or "职数" in total.raw_label:
        return False
    return all(p.kind == "count" and _POST.search(p.raw_label.strip().rstrip("的")) for p in parts)


# where people stand in their working life: in service, or retired (离休 and 退休 are both out of service)
_STATUS = (re.compile(r"在职|在岗"), re.compile(r"退休|离休"))


def _one_status_only(total: Quantity, parts: list[Quantity]) -> bool:
    """Whether every part of a count of people is named as in service (or every one as retired),
    and the total names no such status (参保人数500人，其中企业在职参保人员260人、机关在职参保人员
    30人: the retirees are not listed)."""
    if total.kind != "count" or len(parts) < 2 or any(rx.search(total.raw_label) for rx in _STATUS):
        return False
    groups = {tuple(k for k, rx in enumerate(_STATUS) if rx.search(p.raw_label or "")) for p in parts}
    return all(p.kind == "count" for p in parts) and len(groups) == 1 and len(next(iter(groups))) == 1


# a total said to cover a unit and the units under it (我局及所属单位, 本部门及下属二层单位), and
# a part of the unit's own level (本级项目) or of the units under it (所属单位项目)
_WITH_UNITS = re.compile(r"及其?(?:所属|下属)[^，,。；;:：]{0,6}单位")
_UNITS_UNDER = re.compile(r"所属|下属|直属|二层|二级单位|下级单位")


def _own_level_only(pf: ParagraphFacts, total: Quantity, parts: list[Quantity]) -> bool:
    """Whether the total's sentence says it covers a unit and the units under it (我局及所属单位
    实施项目15个), while the parts name the unit's own level (其中，本级项目6个；对下转移支付项目0个)
    and none the units under it: their part is not listed."""
    if not any("本级" in (p.raw_label or "") for p in parts):
        return False
    if any(_UNITS_UNDER.search(p.raw_label or "") for p in parts) or "本级" in total.raw_label:
        return False
    text = pf.para.text
    end = pf.para.index_of(total.span.start)
    start = max(text.rfind(c, 0, end) for c in SENTENCE_END) + 1
    return _WITH_UNITS.search(text, start, end) is not None


def _first_after(pf: ParagraphFacts, kw: Keyword) -> Quantity | None:
    """The first amount or count after ``kw`` in its sentence, at its depth."""
    for nxt in pf.items[kw.item + 1:]:
        if isinstance(nxt, Quantity):
            if nxt.sentence != kw.sentence:
                return None
            if nxt.depth == kw.depth and nxt.kind in ("amount", "count") and not _per(pf, nxt):
                return nxt  # (not 14人 of 14人×3万元=42万元)
    return None


def _respectively_after_total(pf: ParagraphFacts, kw: Keyword, before: list[Breakdown]) -> bool:
    """Whether 分别为 / 分别是 follows a figure right away (a comma or colon between at most) that
    is no part of a list already read: ``资金合计150万元，分别为甲86.4万元、乙63.6万元``."""
    for prev in reversed(pf.items[: kw.item]):
        if isinstance(prev, Quantity):
            parts = {q.span for b in before for q in (*b.parts, *b.more)}
            return (prev.sentence == kw.sentence and prev.depth == kw.depth and prev.kind in ("amount", "count")
                    and prev.span not in parts)
        if not (isinstance(prev, TextItem) and (prev.kind == "SP" or prev.kind == "PUNCT" and prev.text in "，,:：")):
            return False
    return False


def _opened(pf: ParagraphFacts, kw: Keyword, vocab: Vocabulary, before: list[Breakdown]) -> Breakdown | None:
    """The breakdown ``total，其中 part, part …`` (or ``total。其中：…``) at ``kw``."""
    text = pf.para.text
    items = pf.items
    total = None
    rates: list[Quantity] = []
    changes: list[Quantity] = []
    over_words = False  # passed over a list of words (主要包括办公费、水电费等，其中…)
    for prev in reversed(items[: kw.item]):
        if isinstance(prev, Quantity):
            if prev.sentence == kw.sentence and prev.kind == "percent":
                rates.append(prev)
                continue  # 执行数95万元，执行率95%，其中：… breaks down the 95万元
            if (prev.sentence == kw.sentence and prev.depth == kw.depth and prev.kind in ("amount", "count")
                    and _compared(pf, prev)):
                changes.append(prev)
                continue  # 收入100万元，比上年增加5万元，其中：… breaks down the 100万元 (or the 5)
            if prev.sentence == kw.sentence and prev.depth == kw.depth and prev.kind in ("amount", "count"):
                if prev.kind == "count":
                    first = _first_after(pf, kw)
                    if first is not None and unit_family(first) != unit_family(prev) and any(
                            q.sentence == kw.sentence and q.depth == kw.depth and q.item < prev.item
                            and unit_family(q) == unit_family(first) for q in pf.quantities):
                        # 发放补贴1006.5万元，惠及农户18452户，其中甲镇412.66万元…; 养护里程444公里，
                        # 以及桥梁检测38座，其中国道128.6公里…: a count of another kind between the
                        # total and a list of the total's kind is passed over
                        continue
                total = prev
            elif (kw.word in ("其中", "含", "包含", "包括") and prev.sentence == kw.sentence and prev.depth == kw.depth - 1
                  and prev.kind in ("amount", "count") and _paren_between(pf, prev, kw)):
                total = prev  # 总投资3374.3万元（其中建筑工程3292万元）
            elif kw.word == "（" and prev.item == kw.item - 1 and prev.depth == kw.depth - 1:
                total = prev  # 实有人数153人（机关62人，执法大队48人…）
            break
        if isinstance(prev, Keyword):
            if (kw.word == "其中" and prev.word in ("包括", "包含") and not over_words and prev.sentence == kw.sentence
                    and not any(isinstance(x, Quantity) for x in items[prev.item + 1: kw.item])):
                over_words = True  # 经费a，主要包括办公费、水电费等，其中办公费b…: the total is a
                continue
            break
    new_sentence = False
    if total is None:
        if kw.word == "其中" and _opens_sentence(text, pf.para.index_of(kw.span.start)):
            new_sentence = True
        else:
            return None
    family = unit_family(total) if total is not None else None
    parts: list[Quantity] = []
    more: list[Quantity] = []
    clause_figs: list[list[Quantity]] = [[]]  # the list's figures in each ；-clause
    shapes: list[list[str]] = [[]]  # the kinds of all figures in each ；-clause
    cut = more_cut = False
    in_more = False
    depth = 0  # parentheses opened since the keyword
    seen: list[str] = []  # the list's text, figures as "#"
    mixed = other = rough = False
    shares: list[Quantity] = []  # the percentage after each part, where one is written
    last_at = 0  # where in ``seen`` the last part ended
    shared_out = False  # after 分别 in this ；-clause: the figures break the part before down
    nested: list[Breakdown] = []  # those breakdowns of a part, each checked on its own
    sub: list[Quantity] = []  # the part before, then the figures breaking it down, so far
    sub_kw = kw  # the word that opened that breakdown (分别为; 即 is no keyword: the list's own)
    sub_partial = False  # that breakdown said to be of the main items only (主要是): not checked

    def part_broken_down(opener: Keyword, partial: bool = False) -> None:
        """Start reading the figures after 分别 / 即 / 主要是 as a breakdown of the last part."""
        nonlocal shared_out, last_at, sub_kw, sub_partial
        shared_out = True
        last_at = len(seen)
        sub.clear()
        sub.append((more or parts)[-1])
        sub_kw = opener
        sub_partial = partial

    def end_of_part_breakdown() -> None:
        """Keep the part's breakdown read so far (the part and two figures or more)."""
        if len(sub) >= 3 and not sub_partial and not any(_approximate(pf, x) for x in sub):
            nested.append(Breakdown(sub[0], tuple(sub[1:]), sub_kw, "等" not in _clause_tail(pf, sub[-1]),
                                    pf.para.index))
        sub.clear()

    for nxt in items[kw.item + 1:]:
        if shared_out and isinstance(nxt, Quantity) and nxt.depth == kw.depth:
            seen.append("#")
            if sub and unit_family(nxt) == unit_family(sub[0]) and not _compared(pf, nxt):
                sub.append(nxt)
            continue  # 第一批资金100万元，分别支持甲30万元、乙70万元: parts of the part
        if isinstance(nxt, Keyword) and nxt.word in BREAKDOWN_OPENERS | BREAKDOWN_CLOSERS:
            if nxt.span.start == kw.span.end and nxt.word in BREAKDOWN_OPENERS or nxt.depth > kw.depth:
                continue  # 其中包括; a breakdown of a part in parentheses
            if nxt.word == kw.word and not (parts or more) and all(t in ":：" for t in seen):
                continue  # 其中：其中：… the opener written twice
            if (parts or more) and not any(isinstance(x, Quantity) and x.sentence == nxt.sentence
                                           for x in items[nxt.item + 1:]):
                break  # …，评价内容包括管理、执行、产出。: a list of no figures after the list ended
            last = (more or parts)[-1] if parts or more else None
            first = next((x for x in items[nxt.item + 1:] if isinstance(x, Quantity)), None)
            if last is not None and first is not None and _year_between(items, last.item, first.item) and not (
                    _year_between(items, kw.item, last.item)):
                # 其中A a，B b，……三、实施情况我校2022年支出共计c; …，B b，包括办公费、水电费……
                # 我校2022年支出c (headings and paragraphs run together with no 。): a year named
                # after a list that named none, before the next keyword's first figure, ends the
                # list at its last part as a 。 would
                break
            if in_more:
                more_cut = True  # a new total: the later clauses are a list of their own
            else:
                cut = True
            break
        if isinstance(nxt, Quantity):
            seen.append("#")
            if nxt.depth > kw.depth:
                continue
            shapes[-1].append(nxt.kind)
            if nxt.depth < kw.depth:
                break
            if family is None and nxt.kind in ("amount", "count"):
                family = unit_family(nxt)
            if family == "amount" and nxt.kind == "number" and nxt.raw_label and (parts or more):
                lost = re.compile(_LOST_YUAN).match(text, pf.para.index_of(nxt.number_span.end))
                if lost:  # 办公费3.10万元，邮电费2.20万，…: a part whose 元 was lost, in 万元 as written
                    nxt = attrs.evolve(nxt, kind="amount", unit=lost.group(0).strip() + "元")
            if unit_family(nxt) == family:
                if _compared(pf, nxt) or _per(pf, nxt):
                    continue  # 中央资金80万元，比上年减少10万元：a change, no part
                if vocab.is_attribute(nxt.raw_label):
                    if in_more:
                        more_cut = True
                    else:
                        cut = True  # 净值, 占比 … describe the previous part
                    break
                if (parts or more) and _ANOTHER_MEASURE.match(nxt.raw_label):
                    break  # 其中甲6个、乙4个，涉及部门8个: the list ended; what it touched is no part
                if (parts or more) and total is not None and _progress_after_sources(pf, nxt, total, parts + more):
                    if in_more:
                        continue  # passed over in a later ；-clause, which a new total may still cut off
                    break  # 其中省级资金 b、市级资金 c，目前已下达 d: d is no source, the list ended
                if (parts or more) and not any(t in _MARKS or t.startswith(_AND) for t in seen[last_at:-1]):
                    # …县级资金40万元2023年支出280万元，其中…: no mark since the last part, so a
                    # sentence whose 。 was lost begins here; when a year opens it, the list
                    # ended at its last part as at a 。, else it may have lost a ， only
                    if any(isinstance(it, YearRef) for it in items[(more or parts)[-1].item + 1:nxt.item]):
                        break
                    cut = not in_more or cut
                    more_cut = more_cut or in_more
                    break
                (more if in_more else parts).append(nxt)
                last_at = len(seen)
                clause_figs[-1].append(nxt)
                rough = rough or _approximate(pf, nxt)
                mixed = mixed or other  # 编制81人，…12个，…6人: one list in two measure words
            elif nxt.kind == "count" and family.startswith("count:") and nxt.raw_label:
                # (not 60户190人, two measures of one item; one after the last part is
                # another matter: 内设17个部门)
                other = True
            elif nxt.kind == "percent" and (more or parts) and len(shares) < len(parts) + len(more):
                shares.append(nxt)  # 脱贫人口1200人，占24%
            continue
        if isinstance(nxt, Keyword) and nxt.word.startswith("分别") and (parts or more) and depth == 0:
            # 一是风险基金 1200 万元，分别为甲 1000 万元、乙 200 万元: the part broken down
            seen.append(nxt.word)
            if not shared_out:
                part_broken_down(nxt)
            continue
        if isinstance(nxt, TextItem):
            seen.append(nxt.text)
            if nxt.kind != "PUNCT":
                if (parts or more) and depth == 0 and (nxt.text.startswith("分别") or nxt.text == "即") and not shared_out:
                    part_broken_down(kw)  # (预算资金 950 万元，即：甲 600 万元、乙 350 万元: the same)
                elif (parts or more) and depth == 0 and nxt.text.startswith(_MAINLY) and not shared_out \
                        and seen[-2:-1] in (["，"], [","]) and seen[-3:-2] == ["#"]:
                    # 其中：本年收入 a，主要是财政拨款 b，事业收入 c；上年结转 d: b, c are what a is made
                    # of (its main items: a breakdown not checked), no parts of the list
                    part_broken_down(kw, partial=True)
                continue
            if nxt.text in OPEN_PARENS:
                depth += 1
            elif nxt.text in CLOSE_PARENS:
                depth = max(0, depth - 1)
            elif nxt.text in _LIST_STOP and parts:
                if depth == 0:
                    end_of_part_breakdown()
                    shared_out = False
                    in_more = True
                    clause_figs.append([])
                    shapes.append([])
            elif nxt.text in SENTENCE_END:
                break
        else:
            seen.append("#")
    end_of_part_breakdown()
    if not parts or family is None:
        return None
    if new_sentence:
        found = _total_before(pf, kw, family, vocab, before, parts)
        if found is None:
            return None
        total, totals, summed = found
    else:
        summed = ()
        # the figures before it in the sentence: 全年预算数600万元，执行数580万元，其中：…
        # may break down the budget
        taken = {q.span for b in before for q in (b.total, *b.parts)}
        totals = tuple(
            q for q in pf.quantities
            if q.sentence == kw.sentence and q.item < total.item and q.depth == kw.depth
            and unit_family(q) == family and q.span not in taken and q.value and _may_be_total(pf, q, vocab)
        ) + tuple(q for q in changes if unit_family(q) == family)
    if more_cut:
        more = []
    if total is not None and not more and not new_sentence:
        parts = _own_kind(pf, total, parts)
    if in_more:  # drop the ；-clauses after the last figure of the list
        while clause_figs and not clause_figs[-1]:
            clause_figs.pop()
            shapes.pop()
    gaps = (
        mixed
        or rough or _approximate(pf, total)  # 约60万元, 30万元左右: no sum to check
        or family == "amount" and _BARE_UNIT.search("".join(seen)) is not None
        # one more item with no figure: 其中行政编13个、事业编45个、差额
        or _NO_FIGURE_ITEM.match(text, pf.para.index_of((more or parts)[-1].span.end)) is not None
        or _CUT_OFF.match(text, pf.para.index_of((more or parts)[-1].span.end)) is not None
    )
    # after the last part, a clause that says there are more (另有部分学员…, 此外…, 其余…): not all
    # parts of which one holds another (授予中小企业合同金额 a，授予小微企业合同金额 b: the small
    # firms are among the small and medium ones): no sum to check
    gaps = gaps or _nested_scopes(parts + more) or family == "count:人" and _crossed_groups(pf, parts + more)
    more_after = _MORE_AFTER.match(text, pf.para.index_of((more or parts)[-1].span.end)) is not None
    after_kw = text[pf.para.index_of(kw.span.end):][:6]
    partial = after_kw.lstrip(":：").startswith(_PARTIAL_HINTS) or kw.word.startswith("主要") or more_after or over_words
    # 决算数 a（含实现数 b、应付数 c）: what a figure is said to include may not be all of it
    partial = partial or kw.word not in ("其中", "（") and total is not None and total.depth < kw.depth

    # a total over years (累计, 以来, 2021年至今) broken down by year, the earlier years left
    # out (自2021年启动以来累计投入1860万元，其中2023年620万元，2024年540万元)
    partial = partial or total is not None and not new_sentence and _later_years_only(pf, total, parts)
    # leaders' posts (其中局长1名、副局长2名、领导职数5名) under a staff total that is no count of
    # posts itself (编制39名, 实有人数20人): the leaders among the staff, not all of it
    partial = partial or total is not None and _posts_only(total, parts)
    # people of one status only (其中企业在职参保人员a，机关在职参保人员b) under a total that names
    # none (参保人数): the others (the retired) are left out, not none
    partial = partial or total is not None and _one_status_only(total, parts)
    # the unit's own level (本级) under a total of the unit and the units under it (我局及所属单位):
    # the units under it are left out
    partial = partial or total is not None and total.para == kw.para and _own_level_only(pf, total, parts)
    # a total that closes a 、-list of figures (共有行政村156个、社区23个，其中脱贫村42个…):
    # the parts may break down any of the list's figures, or all of them
    partial = partial or total is not None and not new_sentence and _ends_figure_list(pf, total)

    # shares written after every part that add up to less than the whole (脱贫人口1200人，
    # 占24%；监测对象300人，占6%): the list says itself that it is not all
    if shares and len(shares) == len(parts) + len(more):
        partial = partial or total_of(stated(q.value, q.precision) for q in shares).hi < 100

    def whole(ps: list[Quantity], stopped: bool) -> bool:
        return len(ps) >= 2 and not stopped and "等" not in _clause_tail(pf, ps[-1]) and not partial and not gaps

    if more and len(parts) == 1 and all(len(c) == 1 for c in clause_figs) and (
        len(clause_figs) >= 3 or new_sentence or len(shapes[0]) > 1 and all(sh == shapes[0] for sh in shapes)
        or len(clause_figs) == 2 and one_kind(total, parts[0], more[0], total_label=_label_before_sum_word(pf, total))
    ):
        # one part per ；-clause, in three clauses or more (其中：a 用于…；b 用于…；c 用于…),
        # in a sentence that is all list (…万元。其中：A a；B b。), in clauses of one
        # shape (其中：A a，占 x%；B b，占 y%), or two parts named as the total is
        # (基本支出 X，其中：工资福利支出 a；商品和服务支出 b)
        parts, more = parts + more, []
    if (total is not None and len(parts) >= 3 and not more and parts[-1].value == total.value
            and parts[-1].unit == total.unit and _clause_opens_with_year(pf, parts[-1])
            and not any(_clause_opens_with_year(pf, q) for q in parts[:-1])):
        # 总投资80.6万元，其中中央40.3万元，县级40.3万元，2021年度中央下达资金80.6万元: a clause
        # of its own year that restates the total ends the list
        parts = parts[:-1]
    exhaustive = whole(parts, cut)
    columns = ()
    if more and not cut and len(clause_figs) >= 2 and len({len(c) for c in clause_figs}) == 1 and len(parts) >= 2:
        # 其中：中央资金300万元，支出300万元；省级资金150万元，支出145.8万元 — by column
        columns = tuple(zip(*clause_figs))
    before.extend(nested)  # (a part's own breakdown, after 分别 / 即, is checked on its own)
    return Breakdown(
        total, tuple(parts), kw, exhaustive, pf.para.index,
        totals=totals,
        more=tuple(more),
        more_exhaustive=bool(more) and whole(parts + more, False),
        gaps=gaps,
        columns=columns,
        summed=summed,
        rates=tuple(rates) if total is not None and not new_sentence else (),
    )


def _row_pair(pf: ParagraphFacts, kw: Keyword) -> tuple[Breakdown, ...]:
    """A table flattened into one line: the total row's bare numbers right before
    其中, then the part rows, each a short label and its numbers.

    With two part rows or more that have as many numbers as the total row, and at
    most three columns (the money columns of a 自评表: 年初预算数, 全年预算数,
    全年执行数), each column is a breakdown: ``全年预算数 全年执行数 7165.32 6992.95
    其中：中央财政资金 3144.00 3144.00 自治区财政资金 570.17 570.17 …``. Otherwise
    only a total row of 0s over a first part row above 0 is taken (``总额： 0 0 0 10
    0 0 其中：本年拨款 90 89.97 89.97``: the rows may be misaligned where cells were
    empty, and a rate or score column may hold anything), as a partial breakdown
    of the first column where the part is above 0."""
    items = pf.items
    totals: list[Quantity] = []
    for prev in reversed(items[: kw.item]):
        if isinstance(prev, Quantity) and prev.kind == "number" and prev.depth == 0:
            totals.append(prev)
        elif not (isinstance(prev, TextItem) and prev.kind == "SP"):
            break
    if len(totals) < 2:
        return ()
    totals.reverse()
    rows: list[list[Quantity]] = []
    row: list[Quantity] = []
    label = 0  # characters of the current row's label
    for nxt in items[kw.item + 1:]:
        if isinstance(nxt, Quantity) and nxt.depth == 0 and (nxt.kind == "number" or _cell_number(pf, nxt)):
            if not rows and not row and label == 0:
                break  # no label: not a row
            row.append(nxt)
            if nxt.kind != "number":
                break  # the next cell's first character was read as its unit: the row ends here
            continue
        if isinstance(nxt, TextItem) and nxt.kind == "SP":
            continue
        if isinstance(nxt, Quantity) or (
                isinstance(nxt, Keyword) and nxt.depth == 0 and nxt.word not in BREAKDOWN_OPENERS - {"其中"}) or (
                isinstance(nxt, TextItem) and nxt.kind == "PUNCT" and nxt.text in SENTENCE_END):
            break  # (a 包括 in a label's parentheses is part of the label)
        if row:  # a label after numbers: the next row
            rows.append(row)
            row, label = [], 0
            if len(rows[-1]) != len(totals):
                break
        label += len(nxt.text) if isinstance(nxt, TextItem) else 4
        if label > 24:
            break  # a long text: the table's part rows are over
    if row:
        rows.append(row)
    full = []
    for r in rows:
        if len(r) != len(totals):
            break
        full.append(r)
    if len(full) >= 2 and len(totals) <= 3:
        return tuple(Breakdown(t, tuple(r[j] for r in full), kw, True, pf.para.index) for j, t in enumerate(totals))
    if rows and all(t.value == 0 for t in totals[: len(rows[0])]):
        # (a 0 beside figures in the total row may be a column the part row left empty)
        for t, p in zip(totals, rows[0]):
            if p.value > 0:
                return (Breakdown(t, (p,), kw, False, pf.para.index),)
    return ()


def _cell_number(pf: ParagraphFacts, q: Quantity) -> bool:
    """A bare number whose "unit" is the first character of the next cell, after a
    space (``1551.84 年度资金总额`` read as 1551.84 年)."""
    if q.kind != "count":
        return False
    i, j = pf.para.index_of(q.number_span.end), pf.para.index_of(q.span.end)
    return i < j and pf.para.text[i].isspace()


_YEAR_OPENING = re.compile(r"\s*(?:19|20)\d{2}\s*年")
_ITEM_END = CLAUSE_END | {"、"}


def _clause_opens_with_year(pf: ParagraphFacts, q: Quantity) -> bool:
    """Whether the clause or 、-item of ``q`` begins with a year: 2021年度中央下达资金."""
    text = pf.para.text
    i = pf.para.index_of(q.span.start)
    k = max(text.rfind(c, 0, i) for c in _ITEM_END) + 1
    return _YEAR_OPENING.match(text, k, i) is not None


_FILLER_END = re.compile(r"(?:共计|合计|总计|共|为|是|达到|达)$")
_YEAR_AT = re.compile(r"\s*(?:其中|包括|含)?\s*[:：]?\s*((?:19|20)\d{2})\s*年")
_A_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_YEARS_COUNTED = re.compile(r"([两二三四五六七八九十])年(?:来|以来|间|内)")
_OVER_YEARS = re.compile(r"累计|以来|历年|至今|年来")


def _later_years_only(pf: ParagraphFacts, total: Quantity, parts: list[Quantity]) -> bool:
    """Whether every part opens with its own year and the total's sentence, before the total,
    counts from an earlier year (自2021年以来, 2021年至今) or over years with no year said
    (累计投入): the parts are some of the years, not all."""
    text = pf.para.text
    years = []
    for q in parts:
        i = pf.para.index_of(q.span.start)
        k = max(text.rfind(c, 0, i) for c in _ITEM_END) + 1
        m = _YEAR_AT.match(text, k, i)
        if m is None:
            return False
        years.append(int(m.group(1)))
    end = pf.para.index_of(total.span.start)
    start = max(text.rfind(c, 0, end) for c in SENTENCE_END) + 1
    head = text[start:end]
    if not _OVER_YEARS.search(head):
        return False
    earlier = [int(y) for y in _A_YEAR.findall(head)]
    if earlier:
        return min(earlier) < min(years)
    counted = _YEARS_COUNTED.search(head)  # 三年来累计…，其中2022年…2023年…2024年: all three
    if counted:
        n = 2 if counted.group(1) == "两" else cn_number(counted.group(1))
        return n != len(set(years))
    return True


def _ends_figure_list(pf: ParagraphFacts, total: Quantity) -> bool:
    """Whether ``total`` is the last of a 、-list of figures of its kind (行政村156个、社区23个)."""
    prev = next((q for q in reversed(pf.quantities[: pf.quantities.index(total)])
                 if q.sentence == total.sentence and q.depth == total.depth), None) if total in pf.quantities else None
    if prev is None or unit_family(prev) != unit_family(total):
        return False
    between = pf.para.text[pf.para.index_of(prev.span.end): pf.para.index_of(total.span.start)]
    return "、" in between and not any(c in CLAUSE_END for c in between)


def one_kind(total: Quantity | None, *parts: Quantity, total_label: str = "") -> bool:
    """Whether the labels of ``total`` and of each of ``parts`` end in the same two characters
    (基本支出 / 工资福利支出 / 商品和服务支出), none of them a comparison, another year's, a
    total or a sum spent: parts of one kind, not a new figure of another (收入 X，其中财政拨款 a；
    支出 b; 资金 X，其中中央资金 a；已支出资金 b). ``total_label`` stands for a total's label
    that a keyword cut off (单位支出 of 单位支出共计 X)."""
    if total is None:
        return False
    labels = [_FILLER_END.sub("", q.raw_label.strip()) for q in (total, *parts)]
    if not labels[0] and total_label:
        labels[0] = _FILLER_END.sub("", total_label.strip())
    tail = labels[0][-2:]
    return len(tail) == 2 and all(len(lab) > 2 and lab.endswith(tail) and not _COMPARISON.search(lab)
                                  and not re.search(r"上年|去年|累计|总|已|实际", lab) for lab in labels[1:])


# a figure that is a new total by its label (年末实有人数, 总数, 合计): the whole of something else
_NEW_TOTAL = re.compile(r"实有|总|合计|共计|共有|累计")


def _own_kind(pf: ParagraphFacts, total: Quantity, parts: list[Quantity]) -> list[Quantity]:
    """``parts`` up to the first one of another kind, where the list ran on past its own: the
    first two parts or more are named as the total is (编制 X，其中行政编制 a，工勤编制 b，事业编制 c),
    every part after them is not (借调 d，年末实有人数 e), and either the last of those is a total
    itself — its label says so (实有, 总, 合计, 共有, 累计) and its own 其中 / 包括 follows it
    (……年末实有人数 e；其中在职 f，退休 g) — or the parts are head counts and those named as the
    total is make it exactly (a + b + c = X: 借调 d is no 编制). Else ``parts`` unchanged."""
    tail = _FILLER_END.sub("", total.raw_label.strip())[-2:]
    if len(tail) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in tail):
        return parts
    labels = [_FILLER_END.sub("", q.raw_label.strip()) for q in parts]
    k = 0
    while k < len(parts) and len(labels[k]) > 2 and labels[k].endswith(tail):
        k += 1
    if k < 2 or k == len(parts) or any(tail in lab for lab in labels[k:]):
        return parts
    if total.kind == "count" and all(q.kind == "count" and q.unit == total.unit and not q.precision
                                     for q in parts) and not total.precision:
        if sum(q.value for q in parts[:k]) == total.value:
            return parts[:k]
    if not _NEW_TOTAL.search(labels[-1]):
        return parts
    for it in pf.items[parts[-1].item + 1:]:
        if isinstance(it, Keyword):
            return parts[:k] if it.word in BREAKDOWN_OPENERS else parts
        if not isinstance(it, TextItem) or it.kind == "TEXT" or it.text in _FULL_STOP:
            return parts
    return parts


def _label_before_sum_word(pf: ParagraphFacts, total: Quantity | None) -> str:
    """The words before 共计 / 合计 / 总计 right before ``total`` (单位支出 of 单位支出共计 X),
    "" when the total has a label of its own or no such word stands before it."""
    if total is None or total.raw_label.strip() or total.item < 2:
        return ""
    kw, words = pf.items[total.item - 1], pf.items[total.item - 2]
    if isinstance(kw, Keyword) and kw.word in BREAKDOWN_CLOSERS and isinstance(words, TextItem) and words.kind == "TEXT":
        return words.text
    return ""


def _may_be_total(pf: ParagraphFacts, q: Quantity, vocab: Vocabulary) -> bool:
    """Not a change (比上年增加…), an attribute (净值…) or a price (每…, …元/人)."""
    return not _compared(pf, q) and not vocab.is_attribute(q.raw_label) and not _per(pf, q)


def _per(pf: ParagraphFacts, q: Quantity) -> bool:
    """Whether ``q`` is a price or a standard (每公里20万元, 补助标准500元, 300元/人) or
    an operand of a product written out (14人×3万元=42万元: the 42 is the part)."""
    if _PER.search(q.raw_label):
        return True
    text = pf.para.text
    i = pf.para.index_of(q.span.end)
    j = pf.para.index_of(q.span.start)
    after = text[i:i + 3].lstrip()[:1]
    before = text[max(0, j - 3):j].rstrip()[-1:]
    # 30000元每年每人, 20万元每公里: the rate said after the figure
    return after in _TIMES or before in _TIMES or after == "每"


# what a sum released, paid or done was (下达资金, 全年完成投资, 实际支出): a figure of progress
# under a total of the same doing may be one of its parts
_DONE = re.compile(r"下达|拨付|支出|支付|到位|完成|使用|执行|兑付|发放|落实")
_TO_FULL_STOP = re.compile(r"[^。!?！？]*")  # the rest of a sentence, its ；-clauses included


def _progress_after_sources(pf: ParagraphFacts, q: Quantity, total: Quantity, before: list[Quantity]) -> bool:
    """``q`` says how much was released, paid or spent so far (已下达, 累计完成, 实际到位 …)
    after parts (``before``) that say no such thing, so it is no part of their list — unless
    the total is a sum of the same doing (全年完成投资 a，其中：道路 b，桥梁 c，完成绿化 d lists
    what was done; 下达资金 a，其中中央 b、省级 c，已支出 d still ends at d). After one part
    only when no ；-clause follows in the sentence (``其中：中央资金 a，支出 b；省级资金 c，
    支出 d`` is a list by columns)."""
    if not _PROGRESS.search(q.raw_label) or any(_PROGRESS.search(p.raw_label) for p in before):
        return False
    if set(_DONE.findall(q.raw_label)) & set(_DONE.findall(total.raw_label)):
        return False  # the total is that sum itself: 完成投资 a，其中：道路 b，……完成绿化 d
    text = pf.para.text
    if "、" in text[pf.para.index_of(before[-1].span.end):pf.para.index_of(q.span.start)]:
        return False  # 其中购置设备 a、租赁场地 b、拨付乡镇 c: one more item of the list
    if len(before) >= 2:
        return True
    rest = _TO_FULL_STOP.match(text, pf.para.index_of(q.span.end)).group()
    return not _LIST_STOP.intersection(rest)


def _approximate(pf: ParagraphFacts, q: Quantity) -> bool:
    """Whether ``q`` is written as a round guess or a bound: 约60万元, 近60万元,
    60万元左右, 60万元以上, 超过60万元 — or an end of a range (20万元至50万元,
    20万—50万元)."""
    if _ROUGH_BEFORE.search(q.raw_label):
        return True
    i = pf.para.index_of(q.span.end)
    if _ROUGH_AFTER.match(pf.para.text, i) is not None or _RANGE_AFTER.match(pf.para.text, i) is not None:
        return True
    j = pf.para.index_of(q.span.start)
    return _RANGE_BEFORE.search(pf.para.text[max(0, j - 12): j]) is not None


# the ends of a range of figures: 20万元至50万元, 3～5个, 20万-50万元
_RANGE_AFTER = re.compile(r"\s*(?:至|到|~|～|—|－|-)\s*\d")
_RANGE_BEFORE = re.compile(r"\d\s*(?:[万亿千]?元|[万亿千%个人户家项次])?\s*(?:至|到|~|～|—|－|-)\s*$")


def _paren_between(pf: ParagraphFacts, q: Quantity, kw: Keyword) -> bool:
    """Whether only an opening parenthesis stands between ``q`` and ``kw`` (a comma before
    it too: 投入资金 1476 万元，（其中……）)."""
    between = pf.para.text[pf.para.index_of(q.span.end): pf.para.index_of(kw.span.start)]
    return "".join(between.split()).lstrip("，,") in ("(", "（")


def _opens_sentence(text: str, i: int) -> bool:
    """Whether the keyword at ``i`` starts a new sentence or ；-clause (after 。 or ；
    in the same paragraph: ``收入100万元；其中：…``)."""
    head = text[:i].rstrip()
    return bool(head) and (head[-1] in _FULL_STOP or head[-1] in _LIST_STOP)


def _total_before(pf: ParagraphFacts, kw: Keyword, family: str, vocab: Vocabulary, before: list[Breakdown],
                  parts: list[Quantity] = ()):
    """The figure a sentence-opening 其中 breaks down — the last of its kind in the
    sentence before, not one given as a cause (主要原因是支付了 b) — and the other candidates: every earlier figure of its kind in
    the paragraph (``总投资500万元。已完成450万元。其中：中央资金300万元，地方资金200万元``
    breaks down the first). Over one sentence with no figure that names the parts
    (``实际支出共计X万元。项目包括三类：一是A，二是B，三是C。其中A a、B b、C c``), see
    :func:`_over_figureless`."""
    candidates = [
        q for q in pf.quantities
        if q.sentence < kw.sentence and q.depth == kw.depth and unit_family(q) == family
        and _may_be_total(pf, q, vocab) and not _CAUSE.match(q.raw_label.strip())
    ]
    if not candidates or candidates[-1].sentence != kw.sentence - 1 and not _over_figureless(pf, kw, candidates, parts):
        return None
    total = candidates[-1]
    owner = next((b.total for b in before if total in b.parts and b.total.sentence == total.sentence), None)
    if owner is not None:
        total = owner
    # a figure of an earlier sentence already in a breakdown of its own is taken
    # (计划90万元。其中：30，30，30。完成89.97万元。其中：30，30，29.99 — not 90)
    taken = {q.span for b in before for q in (b.total, *b.parts) if q.sentence < total.sentence}
    last = [q for q in candidates if q.sentence == total.sentence]
    others = tuple(q for q in candidates if q is not total and q.span not in taken and q.value)
    return total, others, tuple(last) if len(last) >= 2 else ()


_TOTAL_WORDS = re.compile(r"共计|合计|总计|累计|总额|总数|总支出|总投资|实际支出|实际使用|全年支出")
# a figure in a clause that says why something changed (主要原因是支付了200万元建设款): no total of
# the parts a later 其中 lists
_CAUSE = re.compile(r"(?:其)?(?:主要)?(?:原因(?:是|为|在于)|是由于|由于|因为)")
_LIST_INSIDE = frozenset({"cn-shi", "circled", "paren-ar"})  # 一是 …, ① …, (1) … within a sentence


def _over_figureless(pf: ParagraphFacts, kw: Keyword, candidates: list[Quantity], parts: list[Quantity]) -> bool:
    """Whether a sentence-opening 其中 reaches its total over one sentence between:
    ``实际支出共计X万元。项目主要包括三大类：一是A，二是B，三是C。其中A a、B b、C c``.
    Only over exactly one sentence ended by 。 (or !?) that holds no figure, year, date
    or digit, opens with no list marker (a new section) and has no keyword but
    包括/包含 (and no enumeration but 一是, ①, (1) inside it); the total's
    sentence holds one figure of the parts' unit, or its last is said to be a total
    (共计, 合计, 实际支出 …); and every part's words share two characters in a row,
    not only 项目/资金/补助 …, with the sentence between or the words before the total."""
    total = candidates[-1]
    if total.sentence != kw.sentence - 2 or len(parts) < 2:
        return False
    items = pf.items
    ends = [i for i in range(total.item + 1, kw.item)
            if isinstance(items[i], PunctItem) and items[i].text in SENTENCE_END]
    if len(ends) != 2 or any(items[i].text not in _FULL_STOP for i in ends):
        return False
    between = items[ends[0] + 1: ends[1]]
    if not between or isinstance(between[0], Marker):
        return False  # (一)…: a heading, a new section
    for it in between:
        if isinstance(it, TextItem):
            if any(ch.isdigit() for ch in it.text):
                return False
        elif isinstance(it, Marker):
            if it.style not in _LIST_INSIDE:
                return False
        elif not (isinstance(it, Keyword) and it.word in ("包括", "包含")):
            return False  # a figure, a year, a date, a document, another keyword
    # the total: the one figure of its unit in its sentence, or the last and said to be one
    same = [q for q in candidates if q.sentence == total.sentence and q.unit == parts[0].unit]
    head = "".join(it.text for it in items[max(0, total.item - 3): total.item] if isinstance(it, TextItem))
    head += "".join(it.word for it in items[max(0, total.item - 3): total.item] if isinstance(it, Keyword))
    if not (same == [total] or same and same[-1] is total and _TOTAL_WORDS.search(head + total.raw_label)):
        return False
    named = "".join(it.text for it in between if isinstance(it, TextItem)) + "|" + head + total.raw_label
    starts = [kw.item] + [q.item for q in parts[:-1]]
    return all(  # each part's words since the part before (服务体系建设资金项目（包括…）c)
        _shares("".join(it.text for it in items[a + 1: q.item] if type(it) is TextItem), named)
        for a, q in zip(starts, parts)
    )


# two characters any budget line may share with any other
_GENERIC_PAIRS = frozenset("项目 资金 专项 支持 扶持 补助 补贴 支出 经费 用于 主要 包括 财政 万元".split())


def _shares(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` have two characters in a row in common, not only the
    words every budget line has (项目, 资金, 补助 …)."""
    return any(a[i: i + 2] in b and a[i: i + 2] not in _GENERIC_PAIRS for i in range(len(a) - 1))


def _year_between(items, a: int, b: int) -> bool:
    """Whether a year (YearRef) is named between items ``a`` and ``b`` (both left out)."""
    return any(type(it) is YearRef for it in items[a + 1: b])


def _closed(pf: ParagraphFacts, kw: Keyword) -> Breakdown | None:
    """The breakdown ``part, part … 合计 total`` at ``kw`` (the parts since a 其中 before it:
    ``其中：A a，B b，共计 X``)."""
    items = pf.items
    nxt = next((i for i in items[kw.item + 1: kw.item + 4] if isinstance(i, Quantity)), None)
    if nxt is None or nxt.sentence != kw.sentence or nxt.kind not in ("amount", "count"):
        return None
    family = unit_family(nxt)
    parts = []
    for prev in reversed(items[: kw.item]):
        if type(prev) is YearRef and not parts:
            # 其中A a，B b，……我校2022年支出共计c: a total after a year named since the last
            # figure before it states something new (as after a 。), it closes no list
            return None
        if isinstance(prev, Keyword):
            if prev.word not in BREAKDOWN_OPENERS and any(
                    q.sentence == kw.sentence and q.item < prev.item and unit_family(q) == family
                    for q in pf.quantities):
                parts = []  # (a total closing the figures before it: a list of its own)
            # (其中：A a，B b，共计 X — the parts since the opener; 共计发放A a，B b，总计X — a 共计
            # opening the sentence closes nothing)
            break
        if isinstance(prev, Quantity):
            if prev.sentence != kw.sentence:
                break
            if prev.depth == kw.depth and unit_family(prev) == family:
                if _per(pf, prev) or _compared(pf, prev):
                    if parts:
                        break  # 每村补助4400元，分配至甲县93万元，乙县52万元，共计145万元: the rate opens the sentence, the list follows it
                    return None  # 每亩120元，每亩150元，合计发放1260万元: rates, not parts
                parts.append(prev)
    if not parts:
        parts = _clauses_before(pf, kw, family)
    n = _stated_count(pf, kw)
    if n is not None and len(parts) != n:
        # 设备购置费54.3万元。软件购置费21.7万元。两项合计76万元: the last n figures of the
        # paragraph, when as many as the words say are there
        parts = []
        for prev in reversed(pf.items[: kw.item]):
            if isinstance(prev, Keyword) and prev.word in BREAKDOWN_OPENERS | BREAKDOWN_CLOSERS:
                break
            if isinstance(prev, Quantity) and prev.depth == kw.depth and unit_family(prev) == family:
                if _per(pf, prev) or _compared(pf, prev):
                    parts = []
                    break
                parts.append(prev)
                if len(parts) == n:
                    break
        if len(parts) != n:
            return None
    if len(parts) >= 2:
        rough = any(_approximate(pf, q) for q in (nxt, *parts))
        return Breakdown(nxt, tuple(reversed(parts)), kw, not rough, pf.para.index, gaps=rough)
    return None


# (the lookbehind after the numeral's class, which the engine scans for: not tried at every place)
_COUNTED = re.compile(r"([两二三四五六七八九])(?<![前后中第].)(?:项|批|笔|类|部分|个季度|季度|个项目|个子项目)"
                      r"(?:资金|经费|费用|支出|收入)?(?:累计|共|总共)?(?:拨付|支出|下达|安排|使用|投入|完成)?(?:资金|经费)?$")


def _stated_count(pf: ParagraphFacts, kw: Keyword) -> int | None:
    """How many parts the words right before a closer say it adds: 两项合计, 以上三项共计,
    三批累计拨付 (n), or None."""
    prev = pf.items[kw.item - 1] if kw.item > 0 else None
    if kw.word != "累计" and (not isinstance(prev, TextItem) or prev.kind != "TEXT"):
        return None
    # (a 累计 read from a text item, 三批累计拨付: that item's own words)
    text = pf.items[kw.item].text if kw.word == "累计" else prev.text
    m = _COUNTED.search(text)
    return (2 if m.group(1) == "两" else cn_number(m.group(1))) if m else None


def _clauses_before(pf: ParagraphFacts, kw: Keyword, family: str) -> list[Quantity]:
    """``A项目30万元；B项目30万元；C项目30万元；合计90万元`` — a 合计 that opens a
    ；-clause sums the ；-clauses before it in its sentence, when each holds exactly
    one figure of its kind and there are two or more (latest first)."""
    clauses: list[list[Quantity]] = []
    current: list[Quantity] | None = None
    for prev in reversed(pf.items[: kw.item]):
        if isinstance(prev, Keyword):
            return []
        if isinstance(prev, Quantity):
            if current is None:
                return []  # a figure in 合计's own clause: not this shape
            if prev.depth == kw.depth and unit_family(prev) == family:
                current.append(prev)
            continue
        if isinstance(prev, TextItem) and prev.kind == "PUNCT":
            if prev.text in _LIST_STOP:
                if current is not None:
                    clauses.append(current)
                current = []
            elif prev.text in _FULL_STOP:
                break
    if current:
        clauses.append(current)
    if len(clauses) < 2 or any(len(c) != 1 for c in clauses):
        return []
    return [c[0] for c in clauses]


def _clause_tail(pf: ParagraphFacts, q: Quantity) -> str:
    """The text right after a quantity up to the end of its clause."""
    i = pf.para.index_of(q.span.end)
    m = re.match(r"[^，,。；;]*", pf.para.text[i:])
    return m.group(0) if m else ""
