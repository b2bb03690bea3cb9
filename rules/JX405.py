from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from ..rule import Rule
from ..structure import outline


@cache
def templates() -> dict:
    return tomllib.loads(resources.files("linter").joinpath("data/templates.toml").read_text("utf-8"))


def _matches(item, section) -> bool:
    title = item.title.replace(" ", "")
    return any(word in title for word in section.get("match", ()))


# the words that join the names of two sections in one heading: 收支与绩效目标, 自评结果及指标分析
_JOIN = re.compile(r"以及|与|和|及|暨|、|/")


def _keys(section) -> tuple[str, ...]:
    """The section's match words, and each one's key without the generic 情况 (收支情况 → 收支):
    in a heading that names two sections, 情况 is often written once or not at all."""
    words = section.get("match", ())
    return tuple(words) + tuple(w[:-2] for w in words if w.endswith("情况") and len(w) > 3)


def _parts(item) -> list[str]:
    return [x for x in _JOIN.split(item.title.replace(" ", "")) if x]


def _also_names(item, section, placed) -> bool:
    """A heading already found for the sections ``placed`` names ``section`` too: one part of
    its title (split at 与 / 和 / 及 / 、) holds a key of ``section`` and no match word or key of
    the sections placed on it (（三）收支与绩效目标 is 部门整体支出情况 and 绩效目标)."""
    taken = [k for sec in placed for k in _keys(sec)]
    return any(
        any(k in part for k in _keys(section)) and not any(k in part for k in taken)
        for part in _parts(item)
    )


def _below(sections):
    """The sections under ``sections`` in the template, at any depth."""
    for sec in sections:
        subs = sec.get("sub", ())
        yield from subs
        yield from _below(subs)


def _promoted(sections, items, found: set) -> bool:
    """Whether a heading of this level that is none of its sections names a section the
    template puts under one of them (三、存在的问题 where the template has （三）存在问题 under
    三、): the report's outline is another one, which raises that section to this level."""
    lower = list(_below(sections))
    return any(_matches(it, sec) for it in items if id(it) not in found for sec in lower)


class RequiredSections(Rule):
    """
    做什么
        按报告类型（profile.kind：部门整体支出绩效自评报告、第三方的整体支出绩效评价报告）
        检查模板要求的章节是否都在、顺序是否正确。模板以数据保存在
        linter/data/templates.toml：每一节列出它的名称和可以匹配的标题用词，以及下级各节。
        在正文（第一个附件之前）的一级标题里按模板顺序逐节查找：标题含有该节的任一用词
        即为找到；下级各节只在找到的上级标题之下查找。找不到的节报告“缺少”，
        在前面已经出现过的节报告“顺序不对”。
        一个标题可以同时是相邻的两节（“（三）收支与绩效目标”既是“绩效目标”，也是“部门整体
        支出情况”）：标题已算作前一节，用“与、和、及、以及、暨、、”分开的某一部分含有后一节的
        用词或用词去掉“情况”后的关键词（收支情况 → 收支），而这一部分不含前一节的用词，
        后一节也算找到（这样的标题下的下级各节只按前一节检查）。没有连接词的标题
        （“（三）部门整体支出绩效目标”）只算一节。

        模板只用于它所针对的报告：两个模板都是部门整体的报告。报告第一个标题之前的
        报告名称（含“报告”二字、不是句子的短行，或段落开头到“报告”为止、没有标点的一段——PDF 把名称和下一行的
        句子连成了一段，至多看前 15 段）写的是项目或资金
        （项目、专项、资金、补贴、补助、工程、转移支付、经费），而没有写“整体”时，报告评的是
        一个项目或一笔资金，提纲另有一套，不按部门整体的模板检查（第三方的项目评价报告
        “一、基本情况 二、绩效评价结论 三、存在的问题 四、有关建议”不报缺节）。

        不报告：模板里不到一半的节能在报告中找到时（报告用的是另一种模板，或类型判断
        有误），整层都不评判；恰好找到一半、而这一层另有标题写的是模板放在下级的节时
        （模板里“三、绩效自评情况”之下的“存在问题”“改进措施”在报告中是一级标题“三、存在的问题及原因
        分析”“四、下一步改进措施”），报告用的是另一种提纲，这一层也不评判（没有这样的标题时照常评判：
        找到的节重新编了号也一样，删掉两节后把余下的重新编号仍是缺节）；上级标题下没有任何下级标题时，不检查其下级各节
        （内容写成段落也可以）；没有模板的报告类型（项目支出绩效自评报告的格式各地不一，
        未收录）和类型不明的报告；标题的具体措辞（只要含有匹配用词）。

    为什么是问题
        自评报告的提纲由财政部门的通知规定，缺了“存在问题”“改进措施”之类的章节，
        或者章节顺序颠倒，审核时会被退回补充；缺节也常常说明某部分内容被误删。

    示例
        错误：部门整体支出绩效自评报告
        一、单位基本情况
        本局是县政府工作部门。
        二、自评工作开展情况
        成立了自评工作小组。
        三、绩效自评情况
        1. 自评结果。自评得分 95 分。
        2. 存在问题。预算执行率偏低。
        四、其他自评情况
        无。
        （缺少“绩效指标分析”和“改进措施”）

        正确：部门整体支出绩效自评报告
        一、单位基本情况
        本局是县政府工作部门。
        二、自评工作开展情况
        成立了自评工作小组。
        三、绩效自评情况
        1. 自评结果。自评得分 95 分。
        2. 绩效指标分析。各项指标均已完成。
        3. 存在问题。预算执行率偏低。
        4. 改进措施。加强预算管理。
        四、其他自评情况
        无。
    """

    code = "JX405"
    name = "required-sections"
    category = "structure"
    severity = "warning"
    summary_zh = "缺少模板要求的章节或章节顺序不对"
    summary_en = "a section the report's template requires is missing or out of order"
    messages = {
        "missing_before": (
            "缺少模板要求的章节“{name}”：应位于“{anchor}”之前",
            "the section “{name}” the template requires is missing: it belongs before “{anchor}”",
        ),
        "missing_after": (
            "缺少模板要求的章节“{name}”：应位于“{anchor}”之后",
            "the section “{name}” the template requires is missing: it belongs after “{anchor}”",
        ),
        "order": (
            "章节“{text}”（模板中的“{name}”）顺序不对：按模板应在“{after}”之后",
            "section “{text}” (the template's “{name}”) is out of order: the template puts it after “{after}”",
        ),
        "after": ("按模板应在其前的章节：{text}", "the section the template puts before it: {text}"),
    }

    def check(self, doc):
        template = templates().get(doc.profile.kind)
        if not template:
            return
        o = outline(doc)
        with_items = {i.scope for i in o.items}
        body = [s for s, k in enumerate(o.scope_kinds) if k == "body" and s in with_items]
        if not body:
            return
        main = body[0]
        tops = [it for it in o.items if it.scope == main and it.parent is None and it.marker.at_start]
        if tops and not _for_this_report(doc, template, tops[0].para):
            return
        yield from self._level(doc, o, template.get("section", []), tops)

    def _level(self, doc, o, sections, items):
        if not sections or not items:
            return
        found: dict[int, tuple[int, object]] = {}
        shared = set()  # sections found on the heading of the section before them
        pos = 0
        for k, sec in enumerate(sections):
            if k - 1 in found:
                # a heading that names the previous section and this one (收支与绩效目标) is both
                last = found[k - 1][0]
                placed = [sections[j] for j in found if found[j][0] == last]
                if _also_names(items[last], sec, placed):
                    found[k] = found[k - 1]
                    shared.add(k)
                    continue
            hit = next((j for j in range(pos, len(items)) if _matches(items[j], sec)), None)
            if hit is not None:
                found[k] = (hit, items[hit])
                pos = hit + 1
        if len(found) * 2 < len(sections):
            return  # another outline altogether: not judged
        if len(found) * 2 == len(sections) and _promoted(sections, items, {id(f[1]) for f in found.values()}):
            return  # half of it, and a section the template puts lower is a heading here: another outline
        for k, sec in enumerate(sections):
            if k in found:
                item = found[k][1]
                subs = sec.get("sub")
                if subs and k not in shared:  # (the shared heading's items are its first section's)
                    kids = [o.items[c] for c in item.children if o.items[c].marker.at_start]
                    yield from self._level(doc, o, subs, kids)
                continue
            before = [found[j][1] for j in range(k) if j in found]
            after = [found[j][1] for j in range(k + 1, len(sections)) if j in found]
            early = next((it for it in items if _matches(it, sec)), None)
            if early is not None and before:
                prev = before[-1]
                yield self.report(
                    _heading(doc, early), "order", text=_text(doc, early), name=sec["name"], after=_text(doc, prev),
                    related=[self.related(_heading(doc, prev), "after", text=_text(doc, prev))],
                )
            elif after:
                yield self.report(_heading(doc, after[0]), "missing_before", name=sec["name"], anchor=_text(doc, after[0]))
            elif before:
                yield self.report(_heading(doc, before[-1]), "missing_after", name=sec["name"], anchor=_text(doc, before[-1]))


# the report's own name: a short line that names a 报告 and is no sentence
_NAME = re.compile(r"报告")
_SENTENCE = re.compile(r"[，,。；;]")
_NAME_LEAD = re.compile(r"[^，,。；;:]{4,78}报告")
_HEAD = 15  # the name is looked for in at most this many paragraphs before the first heading


def _for_this_report(doc, template, first: int) -> bool:
    """Whether the report is the kind the template is for: a name line before the first
    heading (paragraph ``first``) that names a project or a fund (``part``) and not the
    whole department (``whole``) says it is not; no name line, or one naming neither,
    leaves the kind the profile gave."""
    whole, part = template.get("whole", ()), template.get("part", ())
    names = [p.text for p in doc.paragraphs[:min(first, _HEAD)]
             if len(p.text) <= 80 and _NAME.search(p.text) and not _SENTENCE.search(p.text)]
    # (a name line a PDF's text ran together with the sentence after it: the name up to its 报告)
    names += [m.group() for p in doc.paragraphs[:min(first, _HEAD)] if (m := _NAME_LEAD.match(p.text))]
    if any(w in t for t in names for w in whole):
        return True
    return not any(w in t for t in names for w in part)


def _heading(doc, item):
    para = doc.paragraphs[item.para]
    end = min(item.title_end, len(para.text))
    while end > item.start and para.text[end - 1] in " \t。.!?！？":
        end -= 1
    return para.span(item.start, end)


def _text(doc, item) -> str:
    return " ".join(doc.quote(_heading(doc, item)).split())
