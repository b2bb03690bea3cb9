import re

from ..rule import Rule

# a table of contents' leader and page number at the end of a line (……………28, ......12):
# the entry's layout, not text to check
_LEADER = re.compile(r"(?:[.·…．_]\s*){4,}\d{1,4}\s*$")
# digits run together with commas and a decimal point (7,00.0,77), and the numbers such a run
# may be when it is well formed: one number with thousands groups of three, or a list of
# numbers with commas between them (4125.49,4143.91) none of which starts with a 0 and a digit
# (the lookbehind over the first digit, not before it: re finds the digit in its own loop instead
# of trying the lookbehind at every character — the same runs, three times faster)
_DIGIT_RUN = re.compile(r"\d(?<![\d.,]\d)[\d.,]*\d")
_NUMBER_LIST = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.\d+)?(?:,(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.\d+)?)*")


# a section number of three levels or more: 1.1.1, 3.6.2 (no digit or point right before it)
_SECTION_NUMBER = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d{1,2}){2,}(?![\d.])")


class UnparsableText(Rule):
    """
    做什么
        报告中有语法无法读取的字符（例如控制字符）时，在该处给出提示，并从下一个字符
        继续解析；这一处不参与数字和结构的检查。同一段有几处时（如连在一起的表格数字
        “319.65134.02”），只在第一处提示一次，写明共几处，其余各处（最多 10 处）列为相关位置。

        数字的逗号和小数点位置不对、既不是一个数也不是用逗号隔开的几个数时（“7,00.0,77”：
        以 0 开头的“00.0”不能单独成数，只能是千分位，而千分位应为三位），同样提示该处未检查。
        能读成一个带三位千分位的数（“1,234.50”），或读成逗号隔开、都不以“0”加数字开头的几个数
        （“4125.49,4143.91”），不提示；逗号之间有两个小数点的（“2021.12.31”日期、
        “1.2.3”条目编号）也不按数字写错提示。

        不提示：行尾目录的点线和页码（“附件2：绩效目标申报表.........28”，四个以上的点、
        省略号或下划线后紧跟页码直到行尾）里的字符——那是目录的版式，不是要核对的文字；
        三级以上的小数节号（“1.1.2部门主要工作”“见3.6.1”）里第三个数起的数字——那是标题或
        引用的编号，没有要核对的数（节号的顺序由 JX402 检查）。

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
        "number": (
            "数字“{text}”的逗号和小数点位置不对，读不出是哪个数，该处未检查",
            "the number “{text}” has its commas and decimal point out of place; it cannot be read and was not checked",
        ),
    }

    def check(self, doc):
        # one finding per paragraph (a table run together can hold dozens), the others related
        by_para: dict[int, list] = {}
        for p in doc.problems:
            if _in_leader(doc, p) or _in_section_number(doc, p):
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
        for para in doc.paragraphs:
            if "," in para.text:
                for m in _DIGIT_RUN.finditer(para.text):
                    if _malformed(m.group(0)):
                        span = para.span(m.start(), m.end())
                        yield self.report(span, "number", text=doc.quote(span))


_RELATED = 10  # at most this many other places listed


def _in_leader(doc, problem) -> bool:
    """Whether ``problem`` lies in the leader and page number ending its line."""
    para = doc.paragraphs[problem.para]
    at = para.index_of(problem.span.start)
    line_end = para.text.find("\n", at)
    line_end = len(para.text) if line_end < 0 else line_end
    m = _LEADER.search(para.text, 0, line_end)
    return m is not None and m.start() <= at < m.end()


def _in_section_number(doc, problem) -> bool:
    """Whether ``problem`` is a digit of a section number of three levels or more (1.1.2, 3.6.1):
    the third number and those after it, which the grammar, reading 1.1 as a decimal, cannot
    place. A heading's or a reference's number, nothing to check."""
    para = doc.paragraphs[problem.para]
    at = para.index_of(problem.span.start)
    if not para.text[at:at + 1].isdigit():
        return False
    for m in _SECTION_NUMBER.finditer(para.text, max(0, at - 12)):
        if m.start() >= at:
            return False
        if at < m.end():
            return True
    return False


def _malformed(run: str) -> bool:
    """Whether digits with commas and a decimal point are neither one number nor a list of
    numbers. A piece between commas with two points (2021.12.31) is a date or a section's
    number, not checked here."""
    if "," not in run or "." not in run or any(piece.count(".") > 1 for piece in run.split(",")):
        return False
    return _NUMBER_LIST.fullmatch(run) is None
