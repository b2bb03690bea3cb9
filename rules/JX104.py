from __future__ import annotations

from ..formula import formulas
from ..rule import Rule

_WHY = {
    "end": ("算式在此处不完整（以运算符结尾）", "the formula ends here unfinished (a trailing operator)"),
    "unclosed": ("此处的左括号没有对应的右括号", "this opening parenthesis is never closed"),
    "unopened": ("此处的右括号没有对应的左括号", "this closing parenthesis has no opening one"),
    "token": ("此处的符号不合算式语法（如连写的运算符“++”）", "this symbol breaks the formula (e.g. a doubled operator “++”)"),
    "char": ("此处的字符不能出现在算式中", "this character cannot appear in a formula"),
}


class FormulaMalformed(Rule):
    """
    做什么
        对 JX103 找到的算式（数、单位、运算符和括号用“=”连成的一串），
        若算式部分不能按 grammar/formula.lark 解析——连写的运算符（“20*13++18”）、
        括号不配对、以运算符结尾——在出问题的那个字符上报告，说明原因。
        只看同时含有至少两个数和一个运算符、并且“=”后写有结果的算式；
        “优=95”“完成率=100%”这类赋值、含文字的公式定义（支出率=实际支出/预算数）不在此列。

    为什么是问题
        写错的算式无法复算，读者不知道结果是怎样得出的；多半是录入时的笔误，
        也可能掩盖了漏写或多写的一项。

    示例
        错误：本项指标得分=（20*13++18*2+10）/16=19.13分。
        （“++”连写）

        正确：本项指标得分=（20*13+18*2+10）/16=19.13分。
    """

    code = "JX104"
    name = "formula-malformed"
    category = "arithmetic"
    severity = "warning"
    summary_zh = "算式写法有误，无法复算"
    summary_en = "a written formula that does not parse"
    messages = {
        "malformed": ("算式“{expr}”无法解析：{why}，未能复算", "the formula “{expr}” does not parse: {why}; not recomputed"),
    }

    def check(self, doc):
        for f in formulas(doc):
            para = doc.paragraphs[f.para]
            for part in f.parts[:-1]:
                if part.error is None:
                    continue
                doc.note_claim(None)
                i = part.error
                yield self.report(para.span(i, i + 1), "malformed", expr=doc.quote(para.span(part.start, part.end)), why=_WHY[part.error_text])
                break
