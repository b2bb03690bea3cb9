from __future__ import annotations

import re

from ..rule import Rule
from ..structure import in_flat_table, outline

_CLAUSE = re.compile(r"[，,:：；;、=＝]|\d")
# a catch-all last item (其他……资料) needs no content of its own
_CATCH_ALL = ("其他", "其它", "以上", "上述")
# a title that sends the reader elsewhere for its content (附…表, 详见附件, 另附)
_ELSEWHERE = re.compile(r"附[^，。;；]{0,15}表|详见|见附件|另附")
# a title that says there is nothing to report: 未完成的绩效目标（无）, 其他问题：无,
# 存在的问题和建议 无 (a space in place of the colon)
# (or why it is left empty: 人员情况（涉密）, 绩效目标调整（略）, 整改情况：不适用)
_NONE = re.compile(
    r"(?:[(（]\s*(?:无|暂无|没有|略|从略|涉密|保密|不适用|不涉及)[^()（）]{0,6}[)）]"
    r"|(?:[:：]\s*|\s+)(?:无|暂无|没有|略|从略|涉密|不适用|不涉及)\s*[。.]?)\s*$"
)
# a 一是 item whose title is a whole sentence, something done by someone under a rule or to something
# (三是某科按照有关规定对预算执行情况进行绩效评价): the point itself, no heading waiting for content
_DONE_SENTENCE = re.compile(
    r"(?:按照|依照|根据|根據|依据|依據)[^。，,]{1,20}?(?:规定|規定|要求|办法|辦法|制度)"
    r"|[对對][^。，,]{1,20}?(?:进行|進行|开展|開展|实施|實施)"
)


class EmptyItem(Rule):
    """
    做什么
        找出只有标题、没有内容的条目或章节：编号后是一个简短的标题（不超过 30 个字，
        没有逗号、冒号、顿号、数字，即不是一句完整的叙述），标题句之后到下一个编号
        之间没有任何文字、表格或其他样式的下级条目。同一组的其他条目大多
        （至少两项、且不少于三分之二）在标题后写了内容，才认为这一项是漏写了内容。
        紧接着从 1 重新开始的同样式编号（“（3）……。（1）……”）一般不算它的内容：
        那多半是另一个标题下的条目；只有这组新编号不止一项（第二项编错、如“1. 1.”，也算）、且大多数条目只有一句话、
        下面没有正文时（“3.主要职责”之后“1.负责……。2.负责……。”），才算这个标题的内容。

        不报告：表格单元格里的列表（评分说明，一句一项）；目录（“目录”一行、或“目录”后面
        紧接着第一个条目的一行（“目录1.概述”）之后，到所列的第一个标题在正文里再次出现为止：单独成行，
        或标题后空一格、加冒号接着写正文；正文没有照写第一个条目时（措辞不同，或摘录截断），“目录”单独成行
        或紧接条目、其后至少有三个带编号的短行（没有句号、逗号）也是目录，到第一个有句子的段落、条目的
        第一级编号重新从头开始处或全文末尾为止；没有“目录”一行时，从全文第一个编号行（第一级的“一、”“1.”）起、
        每行都是没有句号、逗号的编号短行、其中这一级至少三项，而第一项在其后作为正文的标题再次出现的，也是目录，
        到那里为止）；“其他……”“以上……”这类兜底条目；
        整组条目都只有一句话的列表（职责清单、依据清单，本来就是一句一项）；
        标题本身就是完整叙述的条目（含逗号、数字等）；下面有下级编号、表格或文字的标题；
        标题说明内容在别处的条目（“（附……表）”“详见附件”“另附”）；标题已说明没有内容的条目
        （“未完成的绩效目标（无）”“其他问题：无”，或标题后空一格写“无”：“存在的问题 无”；括号里或冒号后写明
        不写的原因也算：“（涉密）”“（略）”“：不适用”“（不涉及）”）；“一是、二是”这类条目中，标题本身是一句
        做了什么的完整句子的（“三是某科按照有关规定对预算执行情况进行评价。”：有“按照/根据……规定/要求”或
        “对……进行/开展/实施”）；以及标题下一行
        只有一条斜线或横线的条目（“（一）预算调整情况⏎/”，表格里“无、不适用”的写法）；
        全文最后一行的条目（后面什么也没有，多半是文本被截断，而不是漏写了一节）；
        一行一个或几个单元格读出来的表格中的行：同组任何一项所在的行有“|”分隔、
        标题末尾是数值，或前后紧挨着只有数值的行（有小数或几个数，或接连两行都是数；
        单独一行的页码不算）——表格里没有数值的行是正常的。

    为什么是问题
        标题后没有内容，通常是模板里的条目没有填写，或编辑时误删了内容，
        审核时会被认为该项未作说明。

    示例
        错误：（1）预算编制。一是预算编制合理性。编制符合职责要求。二是预算编制规范性。按要求细化到项目。三是预算编制准确性。四是预算调整。年中未调整预算。

        正确：（1）预算编制。一是预算编制合理性。编制符合职责要求。二是预算编制规范性。按要求细化到项目。三是预算编制准确性。决算与预算差异率小于 10%。四是预算调整。年中未调整预算。
    """

    code = "JX404"
    name = "empty-item"
    category = "structure"
    severity = "error"
    summary_zh = "条目或章节只有标题，没有内容"
    summary_en = "a list item or section has a title but no content"
    messages = {
        "empty": (
            "条目“{text}”只有标题，没有内容（同组其他 {total} 项中有 {n} 项在标题后写了内容）",
            "item “{text}” has a title but no content ({n} of the other {total} items of its list have content after their titles)",
        ),
        "next": ("紧接着的下一项：{text}", "the next item right after it: {text}"),
    }

    def check(self, doc):
        o = outline(doc)
        items = o.items
        # the members of each list, following the prev chain
        root: dict[int, int] = {}
        for it in items:
            root[it.index] = root[it.prev] if it.prev is not None else it.index
        groups: dict[int, list] = {}
        for it in items:
            groups.setdefault(root[it.index], []).append(it)
        following: dict[int, object] = {}
        by_scope: dict[int, list] = {}
        for it in items:
            by_scope.setdefault(it.scope, []).append(it)
        for rs in by_scope.values():
            for a, b in zip(rs, rs[1:]):
                following[a.index] = b
        for it in items:
            title = it.title.strip()
            if doc.paragraphs[it.para].kind == "cell" or o.scope_kinds[it.scope] != "body":
                continue  # lists in tables are scoring notes, one sentence each
            if title.startswith(_CATCH_ALL):
                continue
            if not title or len(title) > 30 or _CLAUSE.search(title) or o.has_content(it):
                continue
            if _ELSEWHERE.search(title) or _NONE.search(title):
                continue
            if it.marker.style == "cn-shi" and _DONE_SENTENCE.search(title):
                continue  # 三是某科按照规定对……进行评价: a point made in a sentence, not a heading
            if _marked_none(doc, it, following.get(it.index)):
                continue
            if it.index == len(items) - 1 and it.para == len(doc.paragraphs) - 1:
                continue  # the last line of the text: more likely a file cut short than a missing section
            others = [s for s in groups[root[it.index]] if s.index != it.index]
            full = sum(1 for s in others if o.has_content(s))
            if full < 2 or full * 3 < len(others) * 2:
                continue
            if any(in_flat_table(doc, s) for s in groups[root[it.index]]):
                continue  # rows of a table read one cell per line: a row with no values is normal
            para = doc.paragraphs[it.para]
            end = it.title_end
            while end > it.start and para.text[end - 1] in " \t":
                end -= 1
            span = para.span(it.start, end)
            related = []
            nxt = following.get(it.index)
            if nxt is not None:
                related.append(self.related(nxt.marker.span, "next", text=doc.quote(nxt.marker.span).strip() + nxt.title[:20]))
            yield self.report(span, "empty", text=doc.quote(span).strip(), n=full, total=len(others), related=related)


# a line holding only a slash or a dash: a form's mark for "none" or "not applicable"
_NONE_MARK = re.compile(r"\s*(?:/|—+|-{1,2}|－|\\)\s*")


def _marked_none(doc, it, nxt) -> bool:
    """Whether the line right after item ``it``'s heading, before the next item, is only a
    slash or a dash (（一）预算调整情况 ⏎ /): the item says it has nothing to report."""
    q = it.para + 1
    if q >= len(doc.paragraphs) or (nxt is not None and nxt.para <= q):
        return False
    return bool(_NONE_MARK.fullmatch(doc.paragraphs[q].text))

