from __future__ import annotations

import re

from ..rule import Rule
from ..tables import form_cells

_SENTENCE = re.compile(r"[^。!?！？]+[。!?！？]?")
_CLAUSE = re.compile(r"[^；;。!?！？]+[；;]?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_CHARS = 8  # Chinese characters a repeated sentence must have to count
# a report's or form's name: no sentence punctuation, ending in what such a name ends with
# (the project's name may follow in brackets: ……自评价报告（某某中心）)
_TITLE = re.compile(r"[^，,。；;:：!?！？]+(?:报告|报告书|自评表|评价表|情况表|的说明|情况说明)(?:[(（][^()（）]{1,30}[)）])?")


def _core(s: str) -> str:
    """A sentence or clause (``_SENTENCE``, ``_CLAUSE``) without its white space and its
    closing 。!?！？ (those marks only ever close one). str.split() splits on exactly the
    characters ``\\s`` matches, and is faster than a pattern on these short texts."""
    s = "".join(s.split())
    return s[:-1] if s[-1:] in _CLOSING else s


_CLOSING = ("。", "!", "?", "！", "？")
# the rest of a table row after its text cells: figures each after a space (100.00, 95%)
_ROW_TAIL = re.compile(r"(?:[ \t\u3000]+[-+]?\d+(?:\.\d+)?[ \t\u3000]*[%％]?)+\s*")


# a page number on a line of its own, marked as one (- 5 -, —5—, 第5页, 第5页 共20页): no sentence,
# so the sentences of the pages before and after it are still neighbours (a bare number is not
# taken: in a table read one cell per line it is a cell)
_PAGE_LINE = re.compile(r"\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*")

class RepeatedSentence(Rule):
    """
    做什么
        找出紧挨着重复的句子：相邻两句（以 。！？ 分句，同一段内，或上一段的最后一句与
        下一段的第一句；两段之间单独一行的页码“- 5 -”“第5页”不算一段）满足下面任一条件：
        - 后一句与前一句相同；
        - 后一句是前一句的结尾部分（“……实施过程都严格执行制度。实施过程都严格执行制度。”）；
        - 前一句是后一句的开头部分（写了一半又重写了一遍）。
        同一句里以“；”隔开的分句原样连写两遍的，或后一分句是前一分句的结尾部分的，也报告（“……；及时拨付项目资金；
    及时拨付项目资金。”“项目实施中严格执行合同管理制度；严格执行合同管理制度；”）。
        重复的部分至少有 8 个汉字；比较时忽略空格。报告在后一句，相关位置是前一句。

        不报告：短句（不足 8 个汉字，如“无。”“是。”）；不相邻的重复（由 JX524 报告整段重复）；
        单独成段的报告名称再写一遍（封面和首页、网页标题和正文标题，后一遍可连着正文；名称后可带括号里的项目名）；
        表格单元格（同一行的单元格常常照抄指标名称）；读成文字的两列表格里同一行的
        两格：逐格一行时两行都是整段，逐行一行时两格以空格隔开、占满整行，都在
        “预期目标 / 实际完成情况”这样的短表头（两格各一行或并排一行，先写目标、
        再写完成或实际，没有标点）之下的一串短行里；或者成对重复（甲、甲、乙、乙，
        或连着两行都是“甲 甲”，每一行的两格相同）；逐行一行的表格里一行以两格相同的文字开头、
        以空格隔开，后面只有以空格隔开的数字格（“甲。 甲。 100.00”：目标一格、完成一格、完成率一格）。
        没有这种表头、只重复一次的仍报告（“甲。甲。 100.00”两句之间没有空格也报告）。

    为什么是问题
        连着重复的句子是复制粘贴后忘了删除的痕迹，读者会怀疑原本要写的内容被覆盖了。

    示例
        错误：本单位项目实施过程都严格执行单位财务管理制度。实施过程都严格执行单位财务管理制度。

        正确：本单位项目实施过程都严格执行单位财务管理制度。资产管理规范。
    """

    code = "JX523"
    name = "repeated-sentence"
    category = "text"
    severity = "warning"
    summary_zh = "句子紧接着重复了一遍"
    summary_en = "a sentence repeated back to back"
    messages = {
        "repeat": ("句子“{text}”紧接着重复了前一句{how}", "the sentence “{text}” repeats the one before it{how}"),
        "first": ("前一句：{text}", "the sentence before: {text}"),
        "clause": ("分句“{text}”紧接着重复了前一个分句", "the clause “{text}” repeats the clause before it"),
        "first_clause": ("前一个分句：{text}", "the clause before: {text}"),
    }

    def check(self, doc):
        prev = None  # (paragraph, start, end) of the previous sentence
        for p in doc.paragraphs:
            if p.kind == "cell":
                prev = None
                continue
            if _PAGE_LINE.fullmatch(p.text):
                continue  # (a page number between two pages' sentences: - 5 -, 第5页)
            for m in _SENTENCE.finditer(p.text):
                sentence = m.group(0)
                core = _core(sentence)  # worked out once a sentence, kept for the next one
                if not core:
                    continue
                start = m.start()
                while p.text[start].isspace():
                    start += 1
                cur = (p, start, m.end(), core)
                # (_compare's own first test, asked here: nearly every sentence differs from the one
                # before it at both ends, and is passed without the call)
                if prev is not None and (prev[3].endswith(core) or core.startswith(prev[3])):
                    finding = self._compare(doc, prev, cur)
                    if finding is not None:
                        yield finding
                prev = cur
                if "；" in sentence or ";" in sentence:
                    yield from self._clauses(doc, p, m.start(), m.end())

    def _clauses(self, doc, p, i, j):
        """The same ；-clause twice in a row inside one sentence (…；及时拨付资金；及时拨付资金。), or a
        clause that repeats the end of the one before (…中严格执行合同制度；严格执行合同制度；)."""
        before = None
        for c in _CLAUSE.finditer(p.text, i, j):
            core = _core(c.group(0).rstrip("；;"))
            start = c.start()
            while start < c.end() and p.text[start].isspace():
                start += 1
            end = c.end() - (1 if c.group(0).endswith(("；", ";")) else 0)
            if (before is not None and core and (core == before[2] or before[2].endswith(core))
                    and len(_HAN.findall(core)) >= MIN_CHARS):
                yield self.report(p.span(start, end), "clause", text=p.text[start:end].strip(),
                                  related=[self.related(p.span(before[0], before[1]), "first_clause",
                                                        text=p.text[before[0]:before[1]].strip())])
            before = (start, end, core)

    def _compare(self, doc, prev, cur):
        pa, a0, a1, a = prev
        pb, b0, b1, b = cur
        if a == b:
            how = ("", "")
            shared = b
        elif a.endswith(b):
            how = ("的后半部分", " (its ending)")
            shared = b
        elif b.startswith(a):
            how = ("（前一句是这一句的开头）", " (the sentence before is this one's beginning)")
            shared = a
        else:
            return None
        if len(_HAN.findall(shared)) < MIN_CHARS:
            return None
        if _TITLE.fullmatch(shared) and not pa.text[:a0].strip() and not pa.text[a1:].strip():
            # a report's name standing alone, then again (a cover and the first page, a web
            # page's heading over the document's own): a title shown twice, not a paste slip
            return None
        cells = form_cells(doc)  # (asked only of two sentences alike: of few)
        if (pa.index in cells and pb.index in cells
                and not pa.text[:a0].strip() and not pb.text[b1:].strip()
                and (pa is pb or (not pa.text[a1:].strip() and not pb.text[:b0].strip()))):
            # two cells of one row, a line each or side by side on one line (a cells
            # paragraph of one sentence said twice): the completion column restates the target
            return None
        if pa is pb and b0 > a1 and not pa.text[:a0].strip() and _ROW_TAIL.fullmatch(pb.text, b1):
            # a table row read as one line, its cells parted by spaces: the target, the
            # completion written the same, then the row's figures (目标 目标 100.00)
            return None
        span = pb.span(b0, b1)
        first = pa.span(a0, a1)
        text = pb.text[b0:b1].strip()
        return self.report(span, "repeat", text=text, how=how,
                           related=[self.related(first, "first", text=pa.text[a0:a1].strip())])
