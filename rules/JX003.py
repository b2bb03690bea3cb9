import re

from ..rule import Rule

# a table of contents' leader and page number at the end of a line (……………28, ......12):
# the entry's layout, not text to check
_LEADER = re.compile(r"(?:[.·…．_]\s*){4,}\d{1,4}\s*$")


class UnparsableText(Rule):
    """
    做什么
        报告中有语法无法读取的字符（例如控制字符）时，在该处给出提示，并从下一个字符
        继续解析；这一处不参与数字和结构的检查。同一段有几处时（如连在一起的表格数字
        “319.65134.02”），只在第一处提示一次，写明共几处，其余各处（最多 10 处）列为相关位置。

        不提示：行尾目录的点线和页码（“附件2：绩效目标申报表.........28”，四个以上的点、
        省略号或下划线后紧跟页码直到行尾）里的字符——那是目录的版式，不是要核对的文字。

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
    messages = {
        "problem": ("{zh}", "{en}"),
        "several": (
            "{zh}；这一段共有 {n} 处无法解析，都未检查（其余各处列为相关位置）",
            "{en}; this paragraph has {n} such places, none checked (the others are related places)",
        ),
        "other": ("同一段中另一处无法解析：{text}", "another place of this paragraph that cannot be read: {text}"),
    }

    def check(self, doc):
        # one finding per paragraph (a table run together can hold dozens), the others related
        by_para: dict[int, list] = {}
        for p in doc.problems:
            if _in_leader(doc, p):
                continue
            by_para.setdefault(p.para, []).append(p)
        for ps in by_para.values():
            first = ps[0]
            if len(ps) == 1:
                yield self.report(first.span, "problem", zh=first.message_zh, en=first.message_en)
                continue
            related = [self.related(p.span, "other", text=doc.quote(p.span)) for p in ps[1:_RELATED + 1]]
            yield self.report(first.span, "several", zh=first.message_zh, en=first.message_en, n=len(ps),
                              related=related)


_RELATED = 10  # at most this many other places listed


def _in_leader(doc, problem) -> bool:
    """Whether ``problem`` lies in the leader and page number ending its line."""
    para = doc.paragraphs[problem.para]
    at = para.index_of(problem.span.start)
    line_end = para.text.find("\n", at)
    line_end = len(para.text) if line_end < 0 else line_end
    m = _LEADER.search(para.text, 0, line_end)
    return m is not None and m.start() <= at < m.end()
