from __future__ import annotations

import re

from ..rule import Rule
from ..structure import scopes

# a sentence's end: the bracket opened before it must close before it
_STOP = re.compile(r"[。！？!?]")
# what opens a bracket that is a list marker with its other half lost ((1 概况, (一 概况, (a 概况)
_MARKER_AFTER = re.compile(r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[A-Za-z])(?![\d)）])")
_BRACKETS = re.compile(r"[()]")
_REACH = 100  # characters from the bracket to the sentence's end, at most
_QUOTE = 24  # characters of the sentence quoted in the message, at most
_AHEAD = 5  # paragraphs after it where a bracket's close, opening none, ends it


class UnclosedBracket(Rule):
    """
    做什么
        找出句子里开了没有关上的圆括号：段落里的左括号“（”之后，到这一句的句号（。！？）为止
        没有任何右括号，而这一段里也再没有与它配对的右括号——例如文号写成“（某财行发〔2023〕31号。
        结合单位工作实际……”，括号里的文号写完就接着句号和下一句。全角和半角括号折叠后比较，
        括号按嵌套配对（“《办法（试行》（某发〔2020〕1号）”里没关上的是书名里的那个）。

        不报告：表格的单元格和带“|”或制表符的行（表格被拆开，括号可能在另一格）；左括号后面
        到句号之间写了右括号的（括号配错了哪一个说不清，如“（甲号及《……》（乙号）、……。”）；左括号
        到句号超过 100 个字的（封面、目录连成一段时，句号远在别处）；段末没有句号就结束的（摘录或
        网页把句子截断了）；左括号后面紧跟一两位数字、汉字数字或字母而不是右括号的（“（1 项目概况”：
        丢了一半的列表编号，不是句中的括号）；后面五段之内有多出来的右括号的（括号里的话跨了段：
        PDF 换行时断开了，或括注本身有几段，“（说明：……。⏎1.……。⏎2.……。）”）。也不报告多出来的右括号（“1）”“a）”这样的编号、页面转换留下的乱码都是
        这个样子，分不清）。

    为什么是问题
        开了不关的括号让读者分不清括注到哪里结束，文号、简称、口径说明后面的正文都像是括号里的话；
        这通常是删改时丢了右括号，或把“）。”打成了“。”，审核时会当作文字差错指出。

    示例
        错误：资金来源于《青禾州财政局关于安排专项经费的通知》（青财行发〔2023〕31号。结合单位实际，主要用于调研。

        正确：资金来源于《青禾州财政局关于安排专项经费的通知》（青财行发〔2023〕31号）。结合单位实际，主要用于调研。
    """

    code = "JX525"
    name = "unclosed-bracket"
    category = "text"
    severity = "warning"
    summary_zh = "句中左括号没有对应的右括号"
    summary_en = "a bracket opened in a sentence is never closed"
    messages = {
        "unclosed": (
            "左括号在这一句结束前没有关上：“{text}”",
            "the bracket opened here is not closed before its sentence ends: “{text}”",
        ),
    }

    def check(self, doc):
        paras = doc.paragraphs
        scope_of, kinds = scopes(doc)
        for k, p in enumerate(paras):
            text = p.text
            if "(" not in text or p.kind == "cell" or kinds.get(scope_of[k]) in ("cell", "run", "rows"):
                continue
            if "|" in text or "\t" in text:
                continue
            for i in _unclosed(text):
                stop = _STOP.search(text, i)
                if stop is None or stop.start() - i > _REACH:
                    continue
                if ")" in text[i:stop.start()] or _MARKER_AFTER.match(text, i + 1):
                    continue
                if any(_extra_close(q.text) for q in paras[k + 1:k + 1 + _AHEAD]):
                    continue  # a note in brackets over several paragraphs ((说明：……。⏎1.……。⏎2.……。))
                end = min(stop.end(), i + _QUOTE)
                span = p.span(i, i + 1)
                quoted = doc.quote(p.span(i, end)) + ("……" if end < stop.end() else "")
                yield self.report(span, "unclosed", text=quoted)


def _unclosed(text: str) -> list[int]:
    """The places of the ( in ``text`` that no ) after them closes, pairing them as they nest."""
    stack: list[int] = []
    for m in _BRACKETS.finditer(text):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            stack.pop()
    return stack


def _extra_close(text: str) -> bool:
    """Whether ``text`` has a ) before any ( opens: the end of a bracket opened before it."""
    depth = 0
    for m in _BRACKETS.finditer(text):
        if m.group() == "(":
            depth += 1
        elif depth == 0:
            return True
        else:
            depth -= 1
    return False
