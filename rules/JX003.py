from ..rule import Rule


class UnparsableText(Rule):
    """
    做什么
        报告中有语法无法读取的字符（例如控制字符）时，在该处给出提示，并从下一个字符
        继续解析；这一处不参与数字和结构的检查。

    为什么是问题
        无法解析的地方就是没有检查的地方。告诉审阅者这里没有核对过，比悄悄跳过更诚实。

    示例
        收入决算数\\x0b3628.78万元
        → 1:6: JX003 [info] 无法解析的字符 '\\x0b'，该处未检查
    """

    code = "JX003"
    name = "unparsable-text"
    category = "input"
    severity = "info"
    summary_zh = "有无法解析的文字，该处未检查"
    summary_en = "text the grammar cannot read; not checked there"
    messages = {"problem": ("{zh}", "{en}")}

    def check(self, doc):
        for p in doc.problems:
            yield self.report(p.span, "problem", zh=p.message_zh, en=p.message_en)
