from __future__ import annotations

import bisect
import re

from ..rule import Rule
from ..structure import RANK, in_flat_table, outline, section_between


class HeadingHierarchy(Rule):
    """
    做什么
        找出报告正文中一级标题重新从头编号的地方：在同一正文里，第一级的标题
        （报告中最先出现的编号样式，通常是“一、”）已经排到“三、”，又出现了位于
        段首的“一、”——常见于把另一份材料（工作总结等）整段粘贴进报告某一节。
        每处重新编号报告一次，相关位置是它所在的一级标题；粘贴的一组结束后原来的一级标题
        接着编号时，两组都用到的编号（如两个“四、”）也列为相关位置。

        不报告：附件和报告的各部分（“附件1”“附表：”“附：”“第二部分”“第二章”开头的段落、单独一行的“正文”或“报告正文”——摘要之后的
        正文——之后重新编号是正常的；单独一行的“摘要”“报告摘要”下面的一级标题之后正文再从“一、”开始，也是这样）；另一份报告或表格的名称单独一行、下一行就是“一、”或“（一）”时
        （含“绩效”“自评”或“评价”，写明年度、项目或整体：“某局 2023 年度××项目支出绩效自评报告”
        “2023 年度部门整体支出绩效自评表”），那是另一份材料自己的提纲，从“一、”开始是正常的；重新编号的“一、”
        前一行是一份文件的名称（“某局关于……的通知”“……工作总结”“……评分表”，单独一行、没有标点），而报告自己的
        一级标题之后没有再接着编号时，那是附在报告后面的另一份文件，也不报告（报告的编号在它之后接着往下排时，
        仍是粘贴进来的材料，照样报告）；
        表格单元格里的编号；目录里的条目（目录照抄正文的标题，报告分成摘要、正文两部分时目录里也从“一、”重新
        开始；正文本身重新编号时在正文报告）；较低层级在新的小标题下从 1 重新开始（如每个“（一）”
        下面各自从“1.”开始）；“一是”“第一”这类段内列举。
        层级跳过（如“一、”下直接出现“1.”）不报告：报告里“1.”“（1）”常常互换使用，
        按首次出现的顺序推断的层级并不可靠。
        同样不报告这些看起来像重新编号、其实是下级列表的情况：
        - 标题本身的内容（“3.主要职责”之后是“1.负责……。2.负责……。”：新的一组至少排到 2，
          且大多数条目只有一句话、下面没有正文；粘贴进来的章节各有正文，仍然报告）；
        - 小数编号的章节（“1.1”“1.2”）之内的列表：报告按 1. / 1.1 / 1.2 编排章节时，
          “1.2 支出情况”下的“1.基本支出 2.项目支出”是这一节的列表；
        - 中间隔着通常更高一级样式标题（“一、”“（一）”）的编号：摘录或目录让“3.”先出现时，
          “1.”并不是报告的第一级；
        - 未编号的小标题（以冒号结尾的短行，如“项目支出：”）之后从 1 开始的一组；
        - 同一段里接着编号的一串句子（“1.……；2.……”）；
        - 一行一个或几个单元格读出来的表格：行里有“|”分隔、标题末尾是数值，或前后紧挨着
          只有数值的行（有小数或几个数，或接连两行都是数；单独一行的页码不算）；
        - 表格里带勾选框的选项（“1、部门预算项目 □ 2、县直专项 ☑”“□1、新建 ☑2、续建”：编号后的
          文字不长、没有句号或冒号，后面或前面紧挨着勾选框），每组选项各自从 1 编号，不是标题。

    为什么是问题
        一级标题重新编号，说明有一段外来材料被原样粘贴进来，打乱了报告的章节
        结构：读者会以为报告从“一、”重新开始，模板要求的章节顺序也被打断。

    示例
        错误：一、单位基本情况
        二、自评工作开展情况
        三、绩效自评情况
        一、深入推进主题教育
        四、其他自评情况

        正确：一、单位基本情况
        二、自评工作开展情况
        三、绩效自评情况
        （一）深入推进主题教育
        四、其他自评情况
    """

    code = "JX403"
    name = "heading-hierarchy"
    category = "structure"
    severity = "error"
    summary_zh = "一级标题在正文中重新从头编号"
    summary_en = "a top-level heading number restarts inside the report body"
    messages = {
        "restart": (
            "一级标题“{text}”在“{outer}”之内重新从头编号，像是粘贴进来的另一份材料（此处应为“{want}”或下级标题）",
            "top-level heading “{text}” restarts the numbering inside “{outer}”, like pasted material "
            "(the sequence expects “{want}” here, or a lower-level heading)",
        ),
        "outer": ("所在的一级标题：{text}", "the top-level heading it falls under: {text}"),
        "twin": ("同一编号出现两次：{text}", "the same number twice: {text}"),
    }

    def check(self, doc):
        from ..structure import renumber

        o = outline(doc)
        nxt = None  # item → the next item of its list, and parent item → its later siblings: built on first use
        for it in o.items:
            if it.problem != "restart" or it.outer is None or not it.marker.at_start:
                continue
            if it.style in ("cn-shi", "di") or doc.paragraphs[it.para].kind == "cell":
                continue
            if o.scope_kinds[it.scope] == "toc":
                continue  # (a table of contents copies the body's headings: a restart is the body's)
            if o.levels[it.scope][:1] != (it.style,):
                continue
            outer = o.items[it.outer]
            if outer.scope != it.scope:
                continue
            if _nested(doc, o, it, outer):
                continue
            if _after_summary(doc, o, outer):
                continue  # (the summary's outline ends where the body starts again at 一、)
            text = doc.quote(it.marker.span).strip()
            outer_text = doc.quote(outer.marker.span).strip() + outer.title[:20]
            related = [self.related(outer.marker.span, "outer", text=outer_text)]
            # the outer list goes on after the pasted one: a number both lists use is written twice
            if nxt is None:
                nxt, following = _links(o)
            nested = _chain(nxt, it)
            later = following.get(outer.index, ())
            k = bisect.bisect_right(later, it.index)
            resumed = o.items[later[k]] if k < len(later) else None
            if resumed is None and _titled(doc, it):
                continue  # (another document under its own name, after the report: not pasted into it)
            if resumed is not None:
                twin = next((x for x in nested if x.ordinal == resumed.ordinal), None)
                if twin is not None:
                    t = doc.quote(twin.marker.span).strip()
                    related.append(self.related(twin.marker.span, "twin", text=t + twin.title[:20]))
                    related.append(self.related(resumed.marker.span, "twin", text=doc.quote(resumed.marker.span).strip()
                                                + resumed.title[:20]))
            yield self.report(
                it.marker.span, "restart", text=text, outer=outer_text, want=renumber(it.style, text, it.expected),
                related=related,
            )


def _nested(doc, o, it, outer) -> bool:
    """Whether the restart at ``it`` is a list below ``outer`` that the outline cannot
    see as one: ``outer``'s own content (3.主要职责 then 1.负责…。2.负责…。), a list in a
    decimal section (1.2 支出情况 then 1.基本支出…), a list under a heading of a style that
    is usually higher (二、 or (一) between 3. and 1.), a run of numbered sentences in one
    paragraph (1.…;2.…), or rows of a table read one cell per line."""
    if it.parent == outer.index and o.holds_list(outer):
        return True
    if section_between(doc, outer, it):
        return True
    rank = RANK.get(it.style)
    if rank is not None and any(RANK.get(x.style, rank) < rank for x in o.items[outer.index + 1: it.index]
                                if x.scope == it.scope):
        return True
    if any(x.prev == it.index and x.para == it.para for x in o.items[it.index + 1: it.index + 3]):
        return True
    return in_flat_table(doc, it) or in_flat_table(doc, outer)


_SUMMARY = re.compile(r"\s*(?:报告|内容)?摘\s*要\s*:?\s*")


def _after_summary(doc, o, outer) -> bool:
    """Whether the list that ``outer`` belongs to opens right under a line 摘要 (报告摘要, 内容摘要):
    a summary numbered like the body, which starts again at 一、 after it."""
    first = outer
    while first.prev is not None:
        first = o.items[first.prev]
    return first.para > 0 and bool(_SUMMARY.fullmatch(doc.paragraphs[first.para - 1].text))


# the name of a document alone on its line (某局关于……的通知, 2023 年度工作总结, ……评分表)
_DOC_TITLE = re.compile(r"[^。，,；;:!?！？|\t]{4,60}(?:通知|意见|方案|办法|规定|细则|报告|总结|表|函|纪要|说明|清单)"
                        r"(?:\s*\(\s*\d{4}\s*年度?\s*\))?\s*")


def _titled(doc, it) -> bool:
    """Whether the line right before the restart at ``it`` names a document of its own."""
    if it.para == 0:
        return False
    prev = doc.paragraphs[it.para - 1]
    return prev.kind == "text" and bool(_DOC_TITLE.fullmatch(prev.text)) and not _LEAD_NUMBER.match(prev.text)


_LEAD_NUMBER = re.compile(r"\s*(?:[一二三四五六七八九十]+\s*、|\(|\d)")


def _links(o):
    """The next item of each item's list (the last one written, when two follow the same
    item), and for each item the indices of the items that follow it in its list, in order:
    built once, so each finding costs its own list and not a scan of the whole outline."""
    nxt = {}
    following: dict[int, list[int]] = {}
    for x in o.items:
        if x.prev is not None:
            nxt[x.prev] = x
            following.setdefault(x.prev, []).append(x.index)
    return nxt, following


def _chain(nxt, first):
    """The items of the list that starts at ``first``."""
    out = [first]
    while out[-1].index in nxt:
        out.append(nxt[out[-1].index])
    return out
