from ..rule import Rule


class InternalError(Rule):
    """
    做什么
        某条规则在检查这份报告时出错（程序缺陷）时报告，说明是哪条规则、出了什么错。
        其他规则的结果照常输出。

    为什么是问题
        出错的规则没有完成检查，它本该发现的问题可能漏掉。请把报告和这条信息反馈给维护者。

    示例
        报告.txt:1:1: JX009 [error] 规则 JX101 内部出错，该规则未完成检查：ZeroDivisionError …
    """

    code = "JX009"
    name = "internal-error"
    category = "input"
    severity = "error"
    summary_zh = "规则内部出错，检查未完成"
    summary_en = "a rule crashed; its check did not finish"

    def check(self, doc):
        # Reported by the engine when another rule raises.
        return ()
