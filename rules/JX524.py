from __future__ import annotations

import re
from collections import Counter

from ..normalise import MARKER_RE
from ..rule import Rule
from ..structure import outline, scopes
from ..tables import form_cells

_NOISE = re.compile(r"[\s\W_]")
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")
MIN_CHARS = 40  # Chinese characters a paragraph must have to be compared
# the heading of a summary, whose paragraphs restate what the report details elsewhere
_SUMMARY = re.compile(r"结论|总体评价|综合评价|总结|小结|综述|概述|摘要|提要")
# a line of fields (名称：…　发布机构：…　发文日期：…), a web page's or a form's furniture, not prose:
# two labels or more ending in a colon, and no clause or sentence mark
_FIELD = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]")
_PROSE_MARK = re.compile(r"[，,。；;！？!?]")
# the unnumbered heading of the summary a report may open with
_ABSTRACT = re.compile(r"\s*(?:报告|内容|评价报告|执行)?(?:摘\s*要|提\s*要)\s*")


class RepeatedParagraph(Rule):
    """
    做什么
        找出在报告中原样出现了两次以上的长段落：去掉段首编号、空格和标点后完全相同，
        且至少有 40 个汉字。每一次重复报告一次（提示级），相关位置是第一次出现的地方。

        不报告：短段落（不足 40 个汉字，如“无。”、小标题）；表格单元格，以及夹在表格
        单元格之间的段落（表格里的评分说明常被后文的指标分析逐字引用）；一行“标签：值”的字段
        （两个以上以冒号结尾的标签、没有逗号句号等句读，如网页首尾各有一遍的“名称：…　发布机构：…”）；逐格一行读出的两列表格
        （“预期目标 / 实际完成情况”这样的表头之下的一串短行，同 JX523）里的段落：自评表
        照录正文写过的绩效目标是表格的本分；只差几个字
        或数字的相似段落（只比较完全相同的文字）；两处中恰好有一处在总结性的标题之下
        （它所属的各级标题含有“结论、总体评价、综合评价、总结、小结、综述、概述、摘要、提要”，或它在报告开头、
        第一个编号标题之前，单独一行的“摘要”“报告摘要”“内容提要”之下；如“一、自评结论”
        下的执行率一句在“二、佐证材料”里原样再写一遍）——总结本来就复述正文，这样的重复
        不是抄错；开头的“摘要”与后面的“评价结论”等总结写同一段话也不报告。两处都在同一类
        总结里、都不在总结里的重复照常报告（“（一）自评结果”不是总结：把绩效目标原样抄作
        自评结果仍报告）。

    为什么是问题
        同一段话出现在两个章节（如把绩效目标原样抄作自评结果），说明有一节没有按要求
        写出自己的内容；审核时容易被认为敷衍。这不一定是错误，所以只作提示。

    示例
        错误：紧抓综合协调保障，承办重大节庆活动，增强城市品牌影响力，办理上级会议五十场，做好各项服务保障工作，确保政府系统高效运转。
        1. 紧抓综合协调保障，承办重大节庆活动，增强城市品牌影响力，办理上级会议五十场，做好各项服务保障工作，确保政府系统高效运转。

        正确：紧抓综合协调保障，承办重大节庆活动，增强城市品牌影响力，办理上级会议五十场，做好各项服务保障工作，确保政府系统高效运转。
        1. 全年承办重大节庆活动三场，办理上级会议五十二场，做好各项服务保障工作，完成了年度目标，政府系统高效运转。
    """

    code = "JX524"
    name = "repeated-paragraph"
    category = "text"
    severity = "info"
    summary_zh = "长段落在报告中重复出现"
    summary_en = "a long paragraph appears again elsewhere in the report"
    messages = {
        "repeat": (
            "这一段（{n} 个汉字）与{where}的段落完全相同",
            "this paragraph ({n} Chinese characters) is the same as the one at {where_en}",
        ),
        "first": ("第一次出现", "first occurrence"),
    }

    def check(self, doc):
        scope_of, kinds = scopes(doc)
        # paragraphs by the hash of their compared text: the texts themselves are
        # compared only when two hashes are equal, so the rule does not hold a copy
        # of the report's long paragraphs
        seen: dict[int, list[tuple]] = {}
        form = form_cells(doc)  # a two-column form read one cell per line
        compared = [p for p in doc.paragraphs if p.kind != "cell" and kinds[scope_of[p.index]] == "body"
                    and p.index not in form
                    # (fewer characters than the Han characters needed, before any is dropped)
                    and len(p.text) >= MIN_CHARS]
        # the compared texts are made only for paragraphs whose last characters another one ends
        # with too: two equal texts end alike, and most paragraphs end as no other does
        tails = [_tail(p.text) for p in compared]
        count = Counter(tails)
        for p, tail in zip(compared, tails):
            if count[tail] < 2:
                continue
            start, key = _key(p.text)
            if len(key) < MIN_CHARS:
                continue  # fewer characters than the Han characters needed
            if not _PROSE_MARK.search(p.text) and len(_FIELD.findall(p.text)) >= 2:
                continue  # a line of fields (a web page's 名称：…　发布机构：… given at its top and its foot)
            same = seen.setdefault(hash(key), [])
            match = next(((q, s) for q, s in same if _key(q.text)[1] == key), None)
            if match is None:
                # (its Han characters are counted only when it comes again: the same text has the
                # same count, so a first one with too few is never reported, nor anything after it)
                same.append((p, start))
                continue
            n = len(key) - len(_NOT_HAN.findall(key))  # the few others counted, not every Han character
            if n < MIN_CHARS:
                continue
            first, fstart = match
            if _in_summary(doc, first, scope_of) != _in_summary(doc, p, scope_of):
                continue  # a summary restating the body (自评结论 and 佐证材料 give the same sentence)
            abstract = doc.memo["JX524.abstract"]
            if (first.index in abstract) != (p.index in abstract):
                continue  # the opening 摘要 restating the conclusion
            fspan = first.span(fstart, len(first.text))
            where = doc.source.locator(fspan.start)
            where_en = doc.source.locator(fspan.start, "en")
            yield self.report(p.span(start, len(p.text)), "repeat", n=n, where=where, where_en=where_en,
                              related=[self.related(fspan, "first")])


def _key(text: str) -> tuple[int, str]:
    """Where a paragraph's compared text starts (after its list marker and spaces), and
    that text without spaces and punctuation."""
    start = 0
    m = MARKER_RE.match(text)
    if m:
        start = m.end()
    while start < len(text) and text[start].isspace():
        start += 1
    return start, _NOISE.sub("", text[start:])


_TAIL = 8  # characters of a compared text's end (see _tail)


def _tail(text: str) -> str:
    """The last _TAIL characters (or fewer) of the text :func:`_key` compares, read back from
    the end of ``text`` without the pattern: ``_NOISE`` matches exactly the characters that
    are no letter or digit of any script (``\\w`` is str.isalnum and the underscore, and
    ``\\s`` is within ``\\W``). A compared text of ``MIN_CHARS`` or more characters ends with
    these, whatever list marker :func:`_key` drops at its start."""
    out = []
    for ch in reversed(text):
        if ch.isalnum():
            out.append(ch)
            if len(out) == _TAIL:
                break
    return "".join(reversed(out))


def _in_summary(doc, p, scope_of) -> bool:
    """Whether paragraph ``p`` lies under a heading of a summary (自评结论, 总体评价, 综述 …):
    one of the headings its outline item, or the last item before it, hangs under."""
    return _summary_paras(doc, scope_of)[p.index]


def _summary_paras(doc, scope_of) -> list[bool]:
    """For every paragraph, :func:`_in_summary` — worked out once per document in one pass
    over the outline (per paragraph it would cost the whole outline each time)."""
    got = doc.memo.get("JX524.summary")
    if got is not None:
        return got
    items = outline(doc).items
    under: dict[int, bool] = {}  # item → whether it or a heading it hangs under is a summary's

    def summary(at: int | None) -> bool:
        chain = []
        while at is not None and at not in under:
            chain.append(at)
            at = items[at].parent
        found = under[at] if at is not None else False
        for c in reversed(chain):  # from the heading nearest the top down to the item asked
            found = found or bool(_SUMMARY.search(items[c].title))
            under[c] = found
        return found

    last: dict[int, object] = {}  # scope → the last item so far, by (paragraph, place)
    by_para: dict[int, list] = {}
    for it in items:
        by_para.setdefault(it.para, []).append(it)
    out = []
    for para in doc.paragraphs:
        i = para.index
        scope = scope_of[i]
        mine = next((it for it in by_para.get(i, ()) if it.scope == scope and it.marker.at_start), None)
        prev = last.get(scope)
        if mine is not None:
            out.append(summary(mine.parent))
        else:
            out.append(summary(prev.index) if prev is not None else False)
        for it in by_para.get(i, ()):
            seen = last.get(it.scope)
            if seen is None or (it.para, it.start) >= (seen.para, seen.start):
                last[it.scope] = it
    # a summary before the first numbered heading, under a line of its own that names it (摘要,
    # 报告摘要, 内容提要: a third-party report opens with one, without a number)
    first = min((it.para for it in items), default=len(doc.paragraphs))
    opened = False
    abstract = set()
    for para in doc.paragraphs[:first]:
        if opened:
            out[para.index] = True
            abstract.add(para.index)
        elif _ABSTRACT.fullmatch(para.text):
            opened = True
    doc.memo["JX524.summary"] = out
    doc.memo["JX524.abstract"] = abstract
    return out
