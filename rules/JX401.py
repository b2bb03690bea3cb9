from __future__ import annotations

import re

from ..rule import Rule

# Template slots: (单位名称), XX单位, ×××, 20XX年, ____ blanks, 【请填写】.
_SLOT = re.compile(
    r"""
      [(（【\[]\s*(?:单位|部门|项目|机构|地区|评价对象)(?:名称|全称)\s*[)）】\]]
    | [(（【\[]\s*(?:请)?(?:填写|填报|输入|此处填写)[^)）】\]]{0,20}[)）】\]]
    | (?<![A-Za-z])(?:[XＸ×]{2,}|x{3,})(?![A-Za-z])(?:单位|部门|局|委|办|县|市|区|镇|项目|年|月|日|万元|元|人|个|分|%)?
    | 20[XＸ×x]{2}\s*年
    | (?<![A-Za-z0-9])_{2,}(?![A-Za-z0-9])
    """,
    re.X,
)
# What every placeholder has: an X, ×, x or _, or a bracket before 单位/部门…/请/填写. A
# paragraph without it (nearly all) is passed by one fast scan instead of _SLOT's.
_SLOT_HINT = re.compile(r"[XＸ×x_]|[(（【\[]\s*(?:单位|部门|项目|机构|地区|评价对象|请|填写|填报|输入|此处填写)")
# Template instructions: a clause that starts with 请 and tells the writer what to do.
_INSTRUCTION = re.compile(
    r"(?:^|(?<=[。；;:：，,(（【\s]))请(?:对|结合|根据|按照|按|填写|填报|说明|简要|详细|列明|逐项|分析|对照|参照|在此|描述|阐述|概述|如实|补充|注明|选择|提供|附上|围绕|从)"
    r"[^。；;]{0,120}[。；;]?"
)
# Headings of instruction blocks left from the template.
_ANALYSE = re.compile(r"(?:重点|主要)(?:分析|说明|阐述)以下(?:几个方面|方面|情况|内容|问题)[:：]?")


class UnfilledPlaceholder(Rule):
    """
    做什么
        找出模板中应当填写、却原样留下的内容：
        - 占位符：（单位名称）（部门名称）（项目名称）、XX单位、×××、20XX年、
          ＿＿＿ 下划线空白、【请填写……】；
        - 模板里的填写说明：以“请”开头、告诉填报人该写什么的句子（请对……进行分析、
          请结合……说明），以及其下各项仍是模板提示（没有任何数字，或含有“请……”）的
          “重点分析以下情况：”小标题。
        表格单元格里的指标解释常常照录模板原文，只检查其中的占位符，不检查填写说明。
        “申请”“邀请”“请示”不算；“请”必须位于句子或分句的开头。

    为什么是问题
        占位符和填写说明说明报告是从模板复制来的，相关内容没有真正填写，
        审核时直接视为报告不完整；单位名称没填，报告连是谁的都说不清。

    示例
        错误：现将 2023 年度（单位名称）整体绩效自我评价报告如下：

        正确：现将 2023 年度某某县财政局整体绩效自我评价报告如下：
    """

    code = "JX401"
    name = "unfilled-placeholder"
    category = "placeholder"
    severity = "error"
    summary_zh = "模板占位符或填写说明未替换"
    summary_en = "a template placeholder or instruction left in the text"
    messages = {
        "slot": ("模板占位符未填写：{text}", "template placeholder left unfilled: {text}"),
        "instruction": ("模板中的填写说明未删除：{text}", "template instruction left in the report: {text}"),
    }

    def check(self, doc):
        for p in doc.paragraphs:
            text = p.text
            slots = []
            for m in (_SLOT.finditer(text) if _SLOT_HINT.search(text) else ()):
                if _is_prose_x(text, m):
                    continue
                slots.append((m.start(), m.end()))
                yield self.report(p.span(m.start(), m.end()), "slot", text=doc.quote(p.span(m.start(), m.end())))
            if p.kind == "cell":
                # a scoring table quotes the indicator's official explanation,
                # instructions included; only placeholders count there
                continue
            for m in (_INSTRUCTION.finditer(text) if "请" in text else ()):
                if any(a <= m.start() < b for a, b in slots):
                    continue  # 【请填写】 is reported once, as a slot
                yield self._instruction(doc, p.span(m.start(), m.end()))
            m = _ANALYSE.search(text) if "以下" in text else None
            if m and _followed_by_instructions(doc, p.index):
                yield self._instruction(doc, p.span(m.start(), m.end()))

    def _instruction(self, doc, span):
        shown = doc.quote(span).replace("\n", "")
        if len(shown) > 40:
            shown = shown[:38] + "……"
        return self.report(span, "instruction", text=shown)


def _followed_by_instructions(doc, index: int) -> bool:
    """The items under a 重点分析以下情况 heading are the template's own prompts:
    no figures at all, or a 请 instruction among them."""
    following = doc.facts[index + 1: index + 4]
    if not following:
        return True
    for pf in following:
        if _INSTRUCTION.search(pf.para.text):
            return True
    return not any(pf.quantities or pf.years or pf.dates for pf in following)


def _is_prose_x(text: str, m: re.Match) -> bool:
    """×× used as a multiplication sign between numbers is not a placeholder."""
    s = m.group(0)
    if s.startswith("×") and m.start() > 0 and text[m.start() - 1].isdigit():
        return True
    return False
