from ..rule import Rule


class UnknownEncoding(Rule):
    """
    做什么
        文本文件的编码无法识别时报告。依次尝试：字节顺序标记（UTF-8/UTF-16）、
        严格的 UTF-8、严格的 GB18030（包含 GBK），都失败时需要用 --encoding 指定。

    为什么是问题
        按错误的编码读取会得到乱码，所有检查都失去意义；宁可不检查也不给出乱码上的结论。

    示例
        jixiao-lint check 旧报告.txt
        旧报告.txt:1:1: JX002 [error] 无法识别文件编码（已尝试 UTF-8、GB18030），请用 --encoding 指定
    """

    code = "JX002"
    name = "unknown-encoding"
    category = "input"
    severity = "error"
    summary_zh = "无法识别文件编码"
    summary_en = "the text encoding cannot be detected"

    def check(self, doc):
        # Reported by the text reader (linter.readers.text.decode).
        return ()
