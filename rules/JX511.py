from __future__ import annotations

import difflib
import re

from ..names import canonical_unit, names_data as _names, own_unit
from ..rule import Rule

_HAN = re.compile(r"[\u4e00-\u9fff]")
_SHORT_DECL = re.compile(r"以下简称")
# Characters of a number: a name with one more or one less of them is another numbered body
# (第一小学 / 第十一小学, 第二中学 / 第十二中学).
_NUMERAL = re.compile(r"[\d一二三四五六七八九十百〇零两]")
# What joins two bodies named side by side (某某医院与某某中医院).
_JOINS = ("与", "和", "及", "、", "同", "跟", "以及")
# A character dropped just before the name's last one that would make it a parent body
# (某某图书分馆 → 某某图书馆): not a slip.
_SUBORDINATE = "分总支"


def _changed(a: str, b: str) -> str:
    """The characters b has and a has not (or the reverse): the added or dropped ones."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return "".join(a[i1:i2] + b[j1:j2] for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal")


def _doubled(unit: str, cand: str) -> bool:
    """Whether the characters ``cand`` adds to ``unit`` repeat the ones next to them (应急管理管理局)."""
    sm = difflib.SequenceMatcher(None, unit, cand, autojunk=False)
    for tag, _i1, _i2, j1, j2 in sm.get_opcodes():
        if tag == "insert":
            w = cand[j1:j2]
            if cand[max(0, j1 - len(w)):j1] != w and cand[j2:j2 + len(w)] != w:
                return False
    return True


def _side_by_side(text: str, i: int, j: int, unit: str) -> bool:
    """Whether the name text[i:j] stands next to the unit's own name, joined by 与、和、及…: two bodies."""
    for w in _JOINS:
        if text.startswith(w + unit, j) or text.endswith(unit + w, 0, i):
            return True
    return False


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _equivalent(a: str, b: str) -> bool:
    """Whether a and b differ only by full/short spellings listed as equivalent."""
    for full, short in _names().get("equivalent", ()):
        a, b = a.replace(full, short), b.replace(full, short)
    return a == b


class UnitNameVariant(Rule):
    """
    做什么
        报告单位（报告头“评价单位：”“单位名称：”或开头“现将……年度××整体绩效……”中写出的单位，
        见 profile.unit，都没有时用报告标题开头的单位名称；末尾的“本级”“机关”不算名称）的名称在正文中被写成了别的样子：
        与单位名称开头两个字相同、结尾两个字相同，而中间多了或少了 1 到 2 个字，例如“某某县发展改革局”（少了“和”）、
        “某某县人民政府办公室”写成“某某人民政府办公室”（少了一级“县”）；少了的一个字紧挨在最后一个字前面时
        （“某某县交通运局”），结尾只需最后一个字相同。

        不报告：换了字的名称（“某某区委办公室”与“某某另一区委办公室”多半是另一个机关）；
        只是省掉开头（“霞山区委办公室”）或结尾（“某某县发展和改革局”简称“县发改局”、
        “我办”）的简称；“委员会/委”“人民政府/政府”“中国共产党/中共”“办公室/办”“人民法院/法院”“人民检察院/检察院”
        这类全称与通用简称的互换（见 linter/data/text.toml）；在“以下简称”处声明的简称；
        多了或少了的是数字的（“第一小学”与“第十一小学”是两所学校）；多了两个字、又不是重复写了相邻的字的
        （“第一中学”与“第一初级中学”；重复的“应急管理管理局”仍报告）；与单位全称用“与、和、及、、”并列的
        （“某某县人民医院与某某县人民中医院”说的是两个单位）；少了最后一字前的“分、总、支”的（“图书分馆”
        的上级“图书馆”）；
        没有识别出单位名称的报告。每一处不一致的写法都报告。

    为什么是问题
        单位名称写得前后不一，往往是从别的单位的报告复制来的，或者手误；
        报告的责任主体因此不清，审核时要求统一为全称。

    示例
        错误：评价单位：某某县发展和改革局
        本年度某某县发展改革局完成了各项工作。

        正确：评价单位：某某县发展和改革局
        本年度某某县发展和改革局（以下简称县发改局）完成了各项工作，县发改局将继续努力。
    """

    code = "JX511"
    name = "unit-name-variant"
    category = "entity"
    severity = "warning"
    summary_zh = "单位名称在正文中写法不一致"
    summary_en = "the unit's own name is written differently in the text"
    messages = {
        "variant": (
            "单位名称写成了“{text}”，与报告单位“{unit}”不一致（多了或少了 {n} 个字）",
            "the unit's name is written “{text}”, not “{unit}” as the report's unit ({n} character(s) added or dropped)",
        ),
        "unit": ("报告单位：{unit}", "the report's unit: {unit}"),
    }

    def check(self, doc):
        prof = doc.profile
        unit = own_unit(doc)
        if unit is None and prof.title_unit:
            unit = canonical_unit(prof.title_unit.strip())  # the unit heading the report's own title
        if unit is None:
            return
        if len(_HAN.findall(unit)) < 4:
            return
        head, tail = unit[:2], unit[-2:]
        n = len(unit)
        for p in doc.paragraphs:
            text = p.text
            i = text.find(head)
            while i != -1:
                if not text.startswith(unit, i):
                    best = None
                    for k in range(max(4, n - 2), n + 3):
                        cand = text[i:i + k]
                        if len(cand) < k:
                            continue
                        if not cand.endswith(tail) and not (k == n - 1 and cand.endswith(unit[-1])
                                                            and unit[-2] not in _SUBORDINATE):
                            continue  # (one character dropped just before the last: 交通运局)
                        d = edit_distance(cand, unit)
                        # only words added or dropped: a changed character names another
                        # body as often as not (霞山区委 / 赤坎区委)
                        if not (1 <= d <= 2 and abs(len(cand) - len(unit)) == d):
                            continue
                        if len(cand) - len(unit) == 2 and not _doubled(unit, cand):
                            continue  # two characters more name another body (第一中学 / 第一初级中学)
                        if best is None or d < best[0]:
                            best = (d, cand)
                    if best is not None:
                        d, cand = best
                        declared = _SHORT_DECL.search(text, max(0, i - 8), i) is not None
                        if (not declared and not _equivalent(cand, unit) and not _NUMERAL.search(_changed(cand, unit))
                                and not _side_by_side(text, i, i + len(cand), unit)):
                            span = p.span(i, i + len(cand))
                            related = [self.related(prof.unit_span, "unit", unit=prof.unit)] if prof.unit_span else []
                            yield self.report(span, "variant", text=cand, unit=unit, n=d, suggestion=unit,
                                              related=related)
                i = text.find(head, i + 1)
