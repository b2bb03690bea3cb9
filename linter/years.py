"""Years in a report: where a year is written and what it can mean.

Shared by the year rules (JX301–JX303). A year is judged only from its own
fact (:class:`~linter.facts.YearRef`) and the paragraph text at the year's own
index; the helpers here tell the places where a year other than the evaluated
one is normal: titles in 《》, law versions (（2018年修正）), document numbers,
dates of events (2016 年 6 月……), spans of years (2019—2023 年), “since” years.
"""
from __future__ import annotations

import bisect
import re

import attrs

from .dates import SENTENCE_STOPS
from .facts import YearRef
from .normalise import Offsets, Paragraph

# Relative years and their offset from the evaluated year, as a report on year Y writes them.
# 今年/明年/去年 are left out: the report is written in Y+1, so they may count from either year.
RELATIVE_YEARS = {
    "上年度": -1, "上一年度": -1, "上一年": -1, "上年": -1,
    "本年度": 0, "本年": 0, "当年度": 0, "当年": 0,
    "次年": 1, "下一年度": 1, "下一年": 1, "下年度": 1, "下年": 1,
}
RELATIVE_RE = re.compile("|".join(sorted(RELATIVE_YEARS, key=len, reverse=True)))

# One vocabulary of the report's own name, for the profile (a title's year is the evaluated
# year) and JX301 (a year on "本报告自己的报告名称" that differs from it): the evaluation word,
# then at most six more characters of the same clause, then 报告 — …绩效自评报告,
# …绩效自评总结报告, …整体和项目支出绩效自评报告, …绩效评价报告, …绩效评价自评报告,
# …自我评价报告 — or the 说明 a finance bureau publishes its results under (…绩效评价结果的说明,
# …绩效自评情况说明).
# A name may also end in 结果 (or 总结: ……绩效自评工作总结) when nothing but a name's tail (NAME_TAIL_RE below: a subtitle, a
# file extension, a web page's fields) follows it on its line: …部门项目绩效自评结果 as a page's
# title or 名称： field — not a sentence that mentions the results (……根据 2022 年度绩效自评结果，…);
# so may a name in 绩效报告 (……专项资金绩效报告), without the evaluation word.
CLAUSE_STOPS = "，,。；;:：、"
EVAL_WORD = r"(?:自评|自我评价|绩效评价|评价)"
SUBTITLE = r"(?:\s*(?:——|—|－)?\s*[(（][^()（）]{1,80}[)）])?"
NAME_TAIL_RE = (
    SUBTITLE + r"\s*(?:(?:[-_－]\s*)?\.(?:docx?|pdf|wps|xlsx?|et))?\s*(?:\[?\s*点击下载\s*\]?)?\s*(?:[.…·．]{2,}\s*\d{1,3}\s*)?"
    # (…or the page's fields run into the name after it: ……绩效评价报告发布时间：2025-10-16 14:58 信息来源：某某局
    # 浏览次数： 字体：[ ], the page's title line read as one paragraph with its fields; a 名称： field's 文号： after it)
    r"(?:(?:发布(?:时间|日期)|信息来源|来源|文\s*号|发文字号)\s*[:：][^。；;！？!?]{0,80}?(?:(?:浏览(?:次数|量)|访问量|字体(?:大小)?)\s*[:：][^。；;！？!?]{0,20})?)?"
)
REPORT_NAME = (
    rf"(?:{EVAL_WORD}[^{CLAUSE_STOPS}]{{0,6}}?(?:报告|结果的?说明|情况说明|(?:结果|总结)(?=(?i:{NAME_TAIL_RE})$))"
    # (…and a name's line may end in 绩效报告 without the evaluation word: 某某局 / 某某专项资金绩效报告)
    rf"|绩效报告(?=(?i:{NAME_TAIL_RE})$))"
)
# A year, then the rest of the report's name within one clause: 2023 年度某某局整体支出绩效自评报告
# (an enumeration may stand in it: 2024 年度中央、市级转移支付资金绩效自评报告).
# (The profile also checks that no other year stands between and that the year is not a
# cited document's; JX301 allows 30 characters between the year and the name, the profile 40.
# A year with its month is a date, not a name's year: a page's 发布日期：2023 年 10 月 19 日 run into
# the title after it.)
TITLE_YEAR = re.compile(rf"(\d{{4}})\s*年度?(?!\s*\d{{1,2}}\s*月)(?P<gap>[^{CLAUSE_STOPS.replace('、', '')}]{{0,40}}?){REPORT_NAME}")

# A report's name broken over short lines (2023 年度某某局 / 部门整体支出 / 绩效自评报告): a short
# line is read together with at most SPLIT_LINES short lines after it.
SHORT_LINE = 30
SPLIT_LINES = 3


# a line that ends a report's name: …报告, a form's own name (…绩效自评表, …绩效评价表), a file's name,
# a name in 结果 (…项目 / 自评结果: REPORT_NAME reads it when nothing follows it on its line)
_NAME_END = re.compile(
    rf"报告\s*$|{EVAL_WORD}[^{CLAUSE_STOPS}]{{0,6}}?(?:表|结果)\s*$|[-_－]?\s*\.(?:docx?|pdf|wps)\s*$", re.IGNORECASE
)


# a heading's or a list item's number opening a line: 一、 / （一） / 1. / 1、
_HEADING_HEAD = re.compile(r"\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d{1,2}\s*[、.．](?!\d))")


def _short_last_line(p) -> bool:
    """The paragraph's last line in the original text is short: the normaliser ran a line
    above into it (a page's breadcrumb before a title broken over lines), and the original
    text skips a line break within its last SHORT_LINE characters."""
    o = p.offsets
    n = len(p.text)
    last = o.last_break() if isinstance(o, Offsets) else Offsets.of(o).last_break()
    return last > max(0, n - SHORT_LINE - 1)


# (every alternative of _NAME_END ends the text, but for white space, at most this many
# characters after it starts: searched from there, not from the start of a long paragraph)
_NAME_END_LONGEST = 16


def _ends_name(text: str) -> bool:
    """``_NAME_END.search(text)``, searched only where a match can start, and only when the text
    ends (but for white space) in 报告 (a match), 表 / 结果, or has a point in its last characters."""
    t = text.rstrip()
    if t.endswith("报告"):
        return True
    if not t.endswith(("表", "结果")) and "." not in t[-6:]:
        return False
    return _NAME_END.search(text, max(0, len(t) - _NAME_END_LONGEST)) is not None


def joined_name(paragraphs, k: int) -> str:
    """Paragraph ``k``'s text, joined with the short text paragraphs after it when it is a
    short line itself, or ends in one (a title broken over lines; a line above run into its first
    line); the year stays at its index in paragraph k."""
    p = paragraphs[k]
    text = p.text
    if p.kind != "text" or _ends_name(text):
        return text
    if len(text) > SHORT_LINE and not _short_last_line(p):
        return text  # (a long line; or a line run into the name's first line above it, a page's breadcrumb)
    for q in paragraphs[k + 1:k + 1 + SPLIT_LINES]:
        if q.kind != "text" or len(q.text) > SHORT_LINE or not q.text.strip() or _HEADING_HEAD.match(q.text):
            break  # (a heading, 一、自评结果, is no part of a name)
        text += q.text
        if _ends_name(text):
            break
    return text


# What may stand before a year on a line that is a report's name: the unit, a number or an
# attachment's label (1、 / 附件 2： / 名称：), no sentence.
_NAME_BEFORE_STOPS = re.compile(r"[。，,；;、!！?？]")
# what may follow a report's name on its line: a subtitle in brackets naming the project or the
# fund (……自评报告（2021 年城乡临时救助备用金）, ……自评报告——（某某项目经费）), a file extension left by a
# download, a document site's dash before it too (……绩效自评表 -.xls), (a table of contents gives the
# page after dots: ……绩效自评报告……………1)
NAME_TAIL = re.compile(NAME_TAIL_RE, re.IGNORECASE)
# a web page's link to another page: 上一篇： / 下一篇： / 相关文章
# (上一 and 下一 written apart: every branch opens with a character, which the engine scans for)
LINK_HEAD = re.compile(r"上一(?:篇|条|页)|下一(?:篇|条|页)|相关(?:文章|阅读|链接|新闻)|推荐阅读|热门|猜你喜欢")
# a web page's fields about the page, run into the name that follows them: 来源：某某局 作者：…
# 发布时间：2023-12-04 访问量： 字体大小：放大 缩小 (the name starts after the last of them, past the
# page's own buttons)
_PAGE_META = re.compile(r"(?:信息来源|来源|作者|发布(?:时间|日期|机构|者)|访问量|浏览(?:次数|量)|点击(?:数|量)|阅读(?:次数|量)|字体大小|字号)\s*[:：]")
_PAGE_BUTTONS = re.compile(r"(?:放大|缩小|默认|打印|关闭|收藏|分享|[大中小]|[【\[][^】\]]{0,6}[】\]])+\s*$")
# a web page's field that holds the document's name: 名称： / 标题：
_NAME_FIELD = re.compile(r"(?:名\s*称|标\s*题|题\s*名)\s*[:：]\s*")
# On a line of its own, the report's own form is named too: 2022 年度就业补助资金绩效目标自评表.
FORM_NAME_YEAR = re.compile(rf"(\d{{4}})\s*年度?(?P<gap>[^{CLAUSE_STOPS}]{{0,40}}?){EVAL_WORD}[^{CLAUSE_STOPS}]{{0,6}}?表")


# The year of the money or the project a report's name begins with, before the name's own year:
# 某县 2023 年省级文物保护资金转移支付 2023 年度绩效自评报告 (a fund's name, no sentence; the name's
# year is the one right before 绩效自评报告)
FUND_PREFIX = re.compile(
    rf"\d{{4}}\s*年(?!度)[^\d{CLAUSE_STOPS}《》]{{0,30}}?(?:资金|项目|经费|补助|补贴|专项|转移支付)[^\d{CLAUSE_STOPS}《》]{{0,12}}$"
)
_YEAR_AT = re.compile(r"\d{4}\s*年")


def name_matches(pattern, text: str):
    """``pattern``'s matches at every year of ``text`` (not only where the last match ended:
    a fund's year at a name's head, 2023 年某某资金转移支付 2023 年度绩效自评报告, does not hide
    the name's own year)."""
    for y in _YEAR_AT.finditer(text):
        m = pattern.match(text, y.start())
        if m is not None:
            yield m


# a list number or an attachment's label before a name: 1、 / 2. / 附件 1：
_NAME_LABEL = re.compile(r"^\s*(?:附\s*件\s*\d*\s*[:：]?\s*)?(?:\d{1,2}\s*[、.．]\s*)?")
# after a name that is part of a sentence, not a title run into the text
_NAME_IN_SENTENCE = re.compile(r"\s*(?:[。，,；;、）)》]|及|和|等|的|与|中|指出|提出|反映|显示|所|已|被|经)")


# (compiled once: report_name_at is asked at nearly every year of a report)
NOTICE_BEFORE = re.compile(r"关于开展\s*$")  # a notice's name goes on after it: 关于开展 N 年度……
_YEAR_OR_NOTICE = re.compile(r"\d{4}\s*年|通知")
_REPORT_NAME_RE = re.compile(REPORT_NAME)
_NUMBER_BEFORE = re.compile(r"[\d(（)）]")  # a heading's number before a name


def report_name_at(text: str, i: int, whole_line: bool, top: bool = False):
    """The report's own name (TITLE_YEAR) starting with the year at index ``i`` of ``text``:
    not inside 《》, not a notice's (关于开展 / 通知), no other year between; with
    ``whole_line`` the name ends the line and what stands before the year is no sentence;
    without it, or when ``top`` (one of the first lines) or the name is a web page's 名称：
    field, the name may also head its line (a title run into the text that follows), with no
    number before it and no sentence going on after it. The match, or None."""
    m = title = TITLE_YEAR.match(text, i)
    if m is None or not NAME_TAIL.fullmatch(text, m.end()):
        m = FORM_NAME_YEAR.match(text, i) if whole_line else None
        if m is not None and top and FORM_FIELDS.match(text, m.end()):
            head = _NAME_LABEL.sub("", text[:i], count=1)  # (an item's number before it: 1、2020 年度……自评表单位名称：)
            return m if not _YEAR_OR_NOTICE.search(m.group("gap")) and not _NAME_BEFORE_STOPS.search(head) \
                and len(head) <= 40 else None  # a form's name with its header fields run in, in the first lines
        if m is None and whole_line:
            m = FILE_NAME_YEAR.match(text, i)
        if m is None and whole_line and not _NUMBER_BEFORE.search(text, 0, i):
            m = PLAIN_NAME_YEAR.match(text, i)  # (a page's title without 报告: 某某馆 2024 年绩效自评; no heading's number before)
        m = m if m is not None and NAME_TAIL.fullmatch(text, m.end()) else title
    if m is None:
        return None
    before = text[:i]
    if before.count("《") > before.count("》") or NOTICE_BEFORE.search(before):
        return None
    if _YEAR_OR_NOTICE.search(m.group("gap")):
        return None
    if LINK_HEAD.search(before[-30:]):
        return None  # 上一篇：2022 年度……自评报告: a web page's link to another document
    # a name right after another name (a title and its copy run into one paragraph): what
    # stands before this one starts after the other
    before = _NAME_LABEL.sub("", _REPORT_NAME_RE.split(before)[-1], count=1)
    field = list(_NAME_FIELD.finditer(before))
    if field:
        before = before[field[-1].end():]
    elif _PAGE_META.search(before):
        before = _PAGE_BUTTONS.sub("", re.split(r"\s", before)[-1])  # (the page's fields, then the name)
    if _NAME_BEFORE_STOPS.search(before) or len(before) > 40:
        return None
    if whole_line and NAME_TAIL.fullmatch(text, m.end()):
        return m
    if ((not whole_line or top or field) and not re.search(r"\d", FUND_PREFIX.sub("", before))
            and not _NAME_IN_SENTENCE.match(text, m.end())):
        return m  # (not 我局于……报送 2022 年度……自评报告。: a sentence that names a report)
    return None


# a form's header fields run into its name: ……绩效自评表单位名称：……填报日期：……, or the head of its table of
# indicators (……绩效自评表指标名称 指标解释……, ……自评表一级指标 二级指标……)
FORM_FIELDS = re.compile(r"\s*[(（]?\s*(?:单位名称|填报单位|填报日期|项目名称|主管部门|预算单位|指标名称|一级指标)")

# The report's name without 报告 on a line of its own (a web page's title): 某某馆 2024 年绩效自评
PLAIN_NAME_YEAR = re.compile(rf"(\d{{4}})\s*年度?(?P<gap>[^{CLAUSE_STOPS}]{{0,40}}?)(?:绩效自评|自我评价|绩效评价)")

# The report's file name on a line of its own: 某某中心 2022 年度项目自评价.pdf
FILE_NAME_YEAR = re.compile(
    rf"(\d{{4}})\s*年度?(?P<gap>[^{CLAUSE_STOPS}]{{0,40}}?)(?:自评价|自评|自我评价|绩效评价)(?:结果|情况)?"
    rf"(?=\s*(?:[-_－]\s*)?\.(?:docx?|pdf|wps)\s*$)",
    re.IGNORECASE,
)


# A form's or a report's name with its year in brackets after it: 项目支出绩效自评表（2022 年度）,
# 部门整体支出绩效自评报告（2023 年度）, or the bare year: ……绩效目标自评表 (2021).
FORM_YEAR = re.compile(rf"{EVAL_WORD}[^{CLAUSE_STOPS}]{{0,6}}?(?:表|报告)\s*[(（]\s*(\d{{4}})\s*(?:年度?)?\s*[)）]")

# The notice a report answers: 关于开展 N 年度……自评工作的通知 names the evaluated budget
# year itself; the bare 关于开展 N 年……自评工作 names the year the work is done in, the year
# after the evaluated one.
NOTICE_YEAR = re.compile(r"关于开展\s*(\d{4})\s*(年度|年)")


def notice_evaluated_year(year: int, suffix: str) -> int:
    """The year a notice's 关于开展 N 年 / N 年度 asks to evaluate."""
    return year if suffix == "年度" else year - 1


_LAW_VERSION = re.compile(r"\s*(?:年度?)?\s*(?:修正|修订|修改|版|印发|颁布|施行)")


@attrs.frozen
class YearPlace:
    """A year with its paragraph and its indices there."""

    ref: YearRef
    para: Paragraph
    i: int  # index of the first digit in para.text
    j: int  # one past the 年/年度
    s: int  # the sentence's bounds
    e: int

    @property
    def before(self) -> str:
        return self.para.text[self.s:self.i]

    @property
    def after(self) -> str:
        return self.para.text[self.j:self.e]

    # (the clause's bounds: asked at every year, several times, so the four marks are
    # looked for one by one, without lists)
    def clause_before(self) -> str:
        text, s, i = self.para.text, self.s, self.i
        k = max(text.rfind("，", s, i), text.rfind(",", s, i), text.rfind("：", s, i), text.rfind(":", s, i))
        return text[max(k + 1, s):i]

    def clause_after(self) -> str:
        text, end = self.para.text, self.e
        for c in "，,：:":
            k = text.find(c, self.j, end)
            if k >= 0:
                end = k
        return text[self.j:end]


def places(doc) -> tuple[YearPlace, ...]:
    """Every year of the report with its place (worked out once per document: JX301
    goes through them three times, JX302 and JX303 once each). A sentence ends at a full
    stop, and also after ……如下： (the opening of a report run on without full stops)."""
    found = doc.memo.get("years.places")
    if found is None:
        found = doc.memo["years.places"] = tuple(_places(doc))
    return found


_STOP = re.compile("[" + re.escape(SENTENCE_STOPS) + "]")


def _places(doc) -> list[YearPlace]:
    out = []
    # where each paragraph's sentences end (its 。；;!?！？), found in one pass when it has a
    # year: the bounds of a year's sentence (dates.sentence_of) by bisection, not by a search
    # for each of the seven marks back to the paragraph's start and on to its end per year
    stops_of: dict[int, list[int]] = {}
    for y in doc.years:
        para = doc.paragraphs[y.para]
        i = para.index_of(y.span.start)
        j = para.index_of(y.span.end - 1) + 1
        text = para.text
        stops = stops_of.get(y.para)
        if stops is None:
            stops = stops_of[y.para] = [m.start() for m in _STOP.finditer(text)]
        k = bisect.bisect_left(stops, i)
        s = stops[k - 1] + 1 if k else 0
        k = bisect.bisect_left(stops, j, k)
        e = stops[k] + 1 if k < len(stops) else len(text)
        # ……报告如下： ends the opening sentence even in a text run on without full stops
        k = text.rfind("如下", s, i)
        if k >= 0 and text.startswith(("：", ":"), k + 2):
            s = k + 3
        k = text.find("如下", j, e)
        if k >= 0 and text.startswith(("：", ":"), k + 2):
            e = k + 3
        out.append(YearPlace(y, para, i, j, s, e))
    return out


# (compiled once: asked at every year of a report)
_MONTH_AFTER = re.compile(r"\s*\d{1,2}\s*(?:[-—–~～至到]\s*\d{1,2}\s*)?月")  # 2021 年 3 月, 2021 年 3—4 月
_OPEN_PAREN_END = re.compile(r"[(（]\s*$")
_VERSION_AFTER = re.compile(r"[^)）]{0,4}(?:修正|修订|修改|版)")
_RANGE_BEFORE = re.compile(r"[-—–~～至到]\s*$")
_DIGIT = re.compile(r"\d")
_RANGE_AFTER = re.compile(r"\s*[-—–~～至到]\s*\d")
_DASH_DIGIT = re.compile(r"[-—–~～]\s*\d")
_SINCE_BEFORE = re.compile(r"(?:自|从|始于|早在|截至|截止)\s*$")
_SINCE_AFTER = re.compile(r"\s*(?:以来|起|开始|至今|以后|之后|以前|之前|前)")


def in_title(p: YearPlace) -> bool:
    """Inside a 《…》 title (a document's name, not the report's own statement)."""
    text = p.para.text
    return text.count("《", 0, p.i) > text.count("》", 0, p.i)


def in_docno(doc, p: YearPlace) -> bool:
    return any(d.span.start <= p.ref.span.start < d.span.end for d in doc.in_paragraph("docrefs", p.ref.para))


def is_event_date(doc, p: YearPlace) -> bool:
    """Part of a date (2016 年 6 月, 2024 年 6 月 7 日): when something happened."""
    if _MONTH_AFTER.match(p.para.text, p.j):
        return True
    return any(d.span.start <= p.ref.span.start < d.span.end for d in doc.in_paragraph("dates", p.ref.para))


def is_law_version(p: YearPlace) -> bool:
    """（2018年修正）, 2021 年版, 2019 年印发."""
    return bool(_LAW_VERSION.match(p.para.text, p.j)) or bool(_OPEN_PAREN_END.search(p.para.text[max(0, p.i - 2):p.i]) and _VERSION_AFTER.match(p.para.text, p.j))


def is_range(p: YearPlace) -> bool:
    """One end of a span of years (2019—2023 年, 2021 年至 2023 年, 2019-2021)."""
    text = p.para.text
    before = text[max(0, p.i - 3):p.i]
    after = text[p.j:p.j + 3]
    digits_before = text[max(0, p.i - 6):p.i]
    return bool(
        _RANGE_BEFORE.search(before) and _DIGIT.search(digits_before)
        or _RANGE_AFTER.match(after)
        or _DASH_DIGIT.match(text[p.i + 4:p.i + 6])
    )


def is_since(p: YearPlace) -> bool:
    """自 2016 年以来, 从 2019 年起, 2018 年至今."""
    before = p.clause_before()[-4:]
    after = p.para.text[p.j:p.j + 6]
    return bool(_SINCE_BEFORE.search(before) or _SINCE_AFTER.match(after))


def ordinary_other_year(doc, p: YearPlace) -> bool:
    """A place where any year may stand: a title, a document number, a law version,
    an event's date, a span of years, a “since” year. (Answered once per place: JX301
    asks twice, JX302 once.)"""
    return once_per_place(doc, "years.ordinary", p, _ordinary_other_year)


def once_per_place(doc, key: str, p: YearPlace, answer):
    """``answer(doc, p)``, worked out once per place of the document and kept in its memo under
    ``key`` (by the place's id, the place kept with its answer so that the id is not reused)."""
    seen = doc.memo.setdefault(key, {})
    hit = seen.get(id(p))
    if hit is None or hit[0] is not p:
        hit = seen[id(p)] = (p, answer(doc, p))
    return hit[1]


def _ordinary_other_year(doc, p: YearPlace) -> bool:
    return in_title(p) or in_docno(doc, p) or is_law_version(p) or is_event_date(doc, p) or is_range(p) or is_since(p)
