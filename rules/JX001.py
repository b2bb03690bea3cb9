from ..rule import Rule


class UnreadableFile(Rule):
    """
    做什么
        报告文件无法读取时报告：文件不存在、没有权限、是目录、是二进制数据、
        .docx/.pdf 文件损坏或加密、文件过大。该文件的其他检查不会进行，
        同一批次中的其他文件照常检查。

    为什么是问题
        无法读取的文件等于没有检查。与其悄悄跳过，不如明确告诉使用者哪个文件、
        为什么没有检查。

    示例
        jixiao-lint check 报告.docx 不存在.txt
        不存在.txt:1:1: JX001 [error] 文件不存在
    """

    code = "JX001"
    name = "unreadable-file"
    category = "input"
    severity = "error"
    summary_zh = "文件无法读取"
    summary_en = "the file cannot be read"

    def check(self, doc):
        # Reported by the readers (linter.readers.ReadError), before any document exists.
        return ()
