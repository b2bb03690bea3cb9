from __future__ import annotations

import re

from ..rule import Rule
from ..names import own_unit

# 严格执行××市民政局制定的各项内控制度: a body named as the author of internal rules
_AUTHORED = re.compile(
    r"(?:执行|遵守|落实|按照|依照|遵照|根据|依据|贯彻)"
    r"(?P<body>[\u4e00-\u9fff]{2,24}?(?:委员会|办公室|局|委|办|厅|部|中心|政府|院|所|站|队|处|科))"
    r"(?:制定|制订|建立|出台|印发|修订)的"
    r"(?P<rules>[^。；;，,《》]{0,10}?(?:内控|内部控制|内部管理|内部财务|内部审计)[^。；;，,《》]{0,8}?"
    r"(?:制度|规程|办法|规定|细则|流程))"
)
_OWN = re.compile(r"^(?:我|本)")
_FINANCE = re.compile(r"财政(?:部|厅|局)$")


def _is_own(body: str, unit: str) -> bool:
    """A short form of the unit: all its characters appear in the unit's name, in order."""
    it = iter(unit)
    return all(ch in it for ch in body)


class ForeignAuthor(Rule):
    """
    做什么
        找出把另一个机关写成本单位内部制度制定者的句子：“执行/遵守/落实/按照……
        X 制定（制订、建立、出台、印发）的……内控（内部控制、内部管理、内部财务）
        ……制度（办法、规定、规程、细则）”，其中 X 是一个机关名称，但既不是报告单位
        （见 profile.unit），也不是它的简称（X 的每个字都按顺序出现在单位名称里，
        如“市政府办”之于“某某市人民政府办公室”），也不以“我”“本”开头。

        不报告：财政部门（财政部、财政厅、财政局）制定的内部控制规范——它们本来就
        制定这类规范；《》里有名称的具体文件（“执行××局制定的《内部控制规范》”）；
        不是内部制度的规定（“执行市财政局制定的支出标准”）；没有识别出单位名称的报告。

    为什么是问题
        单位的内控制度应由本单位制定；写成别的单位制定的，几乎总是从别的单位的报告
        复制来、忘了改名称——报告其余内容的真实性也因此存疑。

    示例
        错误：评价单位：某某市人民政府办公室
        本单位严格执行某某市民政局制定的各项内控制度，资金使用规范。

        正确：评价单位：某某市人民政府办公室
        本单位严格执行某某市人民政府办公室制定的各项内控制度，资金使用规范。
    """

    code = "JX512"
    name = "foreign-author"
    category = "entity"
    severity = "error"
    summary_zh = "本单位的内部制度被写成其他机关制定"
    summary_en = "another body is named as the author of the unit's own internal rules"
    messages = {
        "foreign": (
            "“{body}”被写成本单位“{rules}”的制定者，但报告单位是“{unit}”：可能是从别的单位的报告复制来的",
            "“{body}” is named as the author of the unit's own “{rules}”, but the report is by “{unit}”: "
            "probably copied from another unit's report",
        ),
        "unit": ("报告单位：{unit}", "the report's unit: {unit}"),
    }

    def check(self, doc):
        prof = doc.profile
        unit = own_unit(doc)
        if unit is None:
            return
        for p in doc.paragraphs:
            # (every match names 内控 or 内部…: a paragraph with neither, nearly all, is passed without the pattern)
            for m in (_AUTHORED.finditer(p.text) if "内部" in p.text or "内控" in p.text else ()):
                body = m.group("body")
                # the verb's object may start with words before the body's name (各级, 上级)
                if _OWN.match(body) or _FINANCE.search(body) or _is_own(body, unit) or body in unit:
                    continue
                span = p.span(m.start("body"), m.end("body"))
                related = [self.related(prof.unit_span, "unit", unit=prof.unit)] if prof.unit_span else []
                yield self.report(span, "foreign", body=body, rules=m.group("rules"), unit=unit, related=related)
