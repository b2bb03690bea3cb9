from __future__ import annotations

import re

from ..rule import Rule

# two clause or sentence marks in a row (spaces between allowed): 、、 ，， 。。 ；； ：： ，。 、，
# and a colon before a clause mark (：、 where a list's first marker was lost)
# (the pattern opens with the class of either first mark, so that re skips to the next mark in
# its own loop instead of trying a lookahead at each character; the branch is chosen by a
# lookbehind on that mark, which captures it as group 1 or 2: the same matches and groups,
# a third less time)
_DOUBLED = re.compile(r"[，、。;,；:：](?:(?<=([，、。;,；]))\s*[，、。;,；]|(?<=([:：]))\s*[:：，、。;,；])")
# two of those marks in a row, whichever: every match of _DOUBLED is one, and most paragraphs, which
# have none, are passed after this plainer pattern (half the time of the lookbehinds at every mark)
_TWO_MARKS = re.compile(r"[，、。;,；:：]\s*[，、。;,；:：]")
# two of the comparison signs a target is written with in a row (≥≥98%, ≤≥): one too many.
# (> and < are left out: >> and << are also a web page's breadcrumb and a book title's brackets)
_SIGNS = re.compile(r"[≥≤≧≦]\s*[≥≤≧≦]")
# a question or exclamation mark (folded to ? and !) with a clause mark right after it (是否按时拨付？。): the sentence
# is ended twice. (？！ and ！！ are left out: they are written on purpose.)
_ENDED = re.compile(r"[？！?!](?:\s*[，、。；：;:])")


# a document site's number of a preview chunk at a line's start (2、), and the chunk before it
# (1、……) cut off mid-sentence: the chunk's 、 is not the report's
_CHUNK_AT = re.compile(r"\s*(\d{1,2})")
_CHUNK_LINE = re.compile(r"\s*(\d{1,2})、")
_CUT_END = re.compile(r"[。！？!?；;:：]\s*$")


def _chunk_number(text: str, at: int) -> bool:
    """Whether the 、 at ``at`` closes a chunk number N that opens its line, right under a
    line that opens with N−1、 and ends mid-sentence (1、……贫困户 ⏎ 2、、低保户)."""
    start = text.rfind("\n", 0, at) + 1
    m = _CHUNK_AT.fullmatch(text, start, at)
    if not m or start == 0:
        return False
    end = start - 1
    while end > 0:
        prev = text.rfind("\n", 0, end) + 1
        line = text[prev:end]
        if line.strip():
            p = _CHUNK_LINE.match(line)
            return p is not None and int(p.group(1)) + 1 == int(m.group(1)) and not _CUT_END.search(line)
        end = prev - 1
    return False


def _lost_number(text: str, start: int, end: int) -> bool:
    """Whether the 、 ending the marks at ``text[start:end]`` opens a line below the first mark
    (……的影响。 ⏎ 、项目预算执行率：……): the list number before it was lost, the two marks
    were never typed together (the caller asks only after a stop or colon)."""
    b = text.rfind("\n", start, end - 1)
    return b >= 0 and not text[b + 1: end - 1].strip()


_FIELD = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]")
_STOPS = re.compile(r"[。，,；;！？!?]")


def _page_fields(text: str, start: int, end: int) -> bool:
    """Whether the colon, space and colon at ``text[start:end]`` stand in a line of a page's
    fields (发布时间:2023-04-11 作者: :12次): a line with no stop of a sentence and another
    label with its colon, where a field left empty is followed by one whose label, an icon on
    the page, was lost."""
    if end - start < 3 or text[start + 1: end - 1].strip():
        return False
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    line = text[a: b if b >= 0 else len(text)]
    if _STOPS.search(line):
        return False
    own = start - a
    return any(f.end() - 1 != own for f in _FIELD.finditer(line))


class DoubledPunctuation(Rule):
    """
    做什么
        找出连在一起的两个句读标点：同一个标点写两遍（“、、”“，，”“。。”“；；”“：：”），
        或两个不同的句读标点相邻（“，。”“、，”“。；”“：、”“：，”），中间只隔空格的也算。
        比较的是全角、半角折叠后的文字，所以“，,”也会被发现。

        全角问号或叹号后面紧接着句读标点（“资金是否按时拨付？。”“？，”）也报告：句子结束了两次；
        “？！”“！！”是有意的写法，不报告；半角的“?”不看（编码错乱的文字用它代替读不出的字：“?。ㄒ唬”）。

        比较符号“≥ ≤”（及“≧ ≦”）两个连写（“≥≥98%”“≤≥”）也报告：目标值前只该有一个。

        不报告：“>>”“<<”（网页的导航、代替书名号的写法）；省略号“……”和破折号“——”（它们本来就是两个字符）；引号、括号与句读
        标点相邻（“……。”）、“，”）”）；表格单元格之间（每个单元格单独检查）；
        网页的一行字段里空着的一栏后面、标签（图标）丢了的一栏留下的“: :”（“发布时间:2023-04-11 作者: :12次”：
        两个冒号之间有空格，这一行没有句子的标点、另有别的“标签:”）；
        一行末尾的句号、分号或冒号和下一行开头的顿号（“……的影响。⏎、项目预算执行率：……”：顿号前的条目
        序号丢了，两个标点并没有连写；行末是顿号或逗号的仍报告）；文档网站给预览分块加的序号后紧跟着报告自己的
        顿号（行首“2、、低保户”，上一行以“1、”开头、在句子中间断开）。

    为什么是问题
        多出的标点是删改内容后留下的：“秘书组、、综合组”说明中间删掉了一项，
        或者列举里漏写了一项，读者无从判断。

    示例
        错误：设立了秘书组、、综合组和督查组。

        正确：设立了秘书组、综合组和督查组。
    """

    code = "JX522"
    name = "doubled-punctuation"
    category = "text"
    severity = "warning"
    summary_zh = "标点重复、两个句读标点相邻或比较符号连写"
    summary_en = "a punctuation mark doubled, two clause marks in a row, or two comparison signs"
    messages = {
        "doubled": ("标点“{text}”重复：可能删掉了一项或多打了一个标点", "punctuation “{text}” doubled: an item deleted, or one mark too many"),
        "adjacent": ("两个标点“{text}”相邻：应只保留一个", "two marks “{text}” in a row: keep one"),
        "sign": ("比较符号“{text}”连写了两个：目标值前应只写一个", "comparison signs “{text}” in a row: a target takes one"),
    }

    def check(self, doc):
        for p in doc.paragraphs:
            for m in (_DOUBLED.finditer(p.text) if _TWO_MARKS.search(p.text) else ()):
                span = p.span(m.start(), m.end())
                if m.group(0)[0] == "、" and _chunk_number(doc.text, span.start):
                    continue
                if m.group(0)[-1] == "、" and m.group(0)[0] in "。;；:：" and _lost_number(doc.text, span.start, span.end):
                    continue
                if m.group(2) and _page_fields(doc.text, span.start, span.end):
                    continue
                text = doc.quote(span)
                a, b = m.group(0)[0], m.group(0)[-1]
                if a == b or {a, b} <= {"，", ","} or {a, b} <= {":", "："}:
                    yield self.report(span, "doubled", text=text, suggestion=text[0])
                else:
                    yield self.report(span, "adjacent", text=text)
            if "?" in p.text or "!" in p.text or "？" in p.text or "！" in p.text:
                for m in _ENDED.finditer(p.text):
                    span = p.span(m.start(), m.end())
                    if doc.text[span.start] not in "？！":
                        continue  # (a ? is what a garbled text puts for a character it could not read: ?。ㄒ唬)
                    yield self.report(span, "adjacent", text=doc.quote(span))
            if "≥" in p.text or "≤" in p.text or "≧" in p.text or "≦" in p.text:
                for m in _SIGNS.finditer(p.text):
                    span = p.span(m.start(), m.end())
                    text = doc.quote(span)
                    yield self.report(span, "sign", text=text, suggestion=text[0] if text[0] == text[-1] else None)
