from __future__ import annotations

import re

from ..rule import Rule

_NOISE = re.compile(r"[\s　《》〈〉<>“”\"'‘’]")
# 的 is written or left out when a title is quoted from memory (预算绩效管理的意见 / 预算绩效管理意见),
# as 年度 and 年 are (2023年度 / 2023年), and 工作 before the kind of document (开展自评工作的通知 /
# 开展自评的通知): none of them tells two documents apart
_PARTICLE = re.compile("的|工作(?=的?(?:通知|意见|办法|方案|规定|报告|函|批复|决定|要求)$)")
# a part in brackets (（第一批）, （试行）) that one citation gives and the other leaves out
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


def title_key(title: str) -> str:
    """A title compared loosely: no spaces, quotes, inner brackets or 的, 年度 read as 年, and without
    the issuing body written before 关于 (中共中央 国务院关于…… = 关于……)."""
    t = _NOISE.sub("", title).replace("年度", "年")
    t = _PARTICLE.sub("", t)
    i = t.find("关于")
    if i > 0:
        t = t[i:]
    return t


class DocnoTitleConflict(Rule):
    """
    做什么
        同一个公文字号（发文机关代字、年份、序号都相同）在报告中多次引用时，比较它前面
        《》里的文件标题。比较时去掉空格、引号、书名号内的尖括号和“的”字，“年度”当作“年”
        （凭记忆引用标题时常多写或少写一个“的”：“关于加强预算绩效管理的意见”与
        “关于加强预算绩效管理意见”，“2023年度”与“2023年”，都不足以说明是两份文件），
        文种（通知、意见、办法……）前的“工作”也不比较（“开展自评工作的通知”与“开展自评的通知”）；
        一处比另一处只多一段括号里的文字（“……资金（第一批）的通知”与“……资金的通知”）也视为同一标题，
        两处括号里写的不同（“（第一批）”与“（第二批）”）仍报告；
        并忽略“关于”之前的发文机关名（“中共中央 国务院关于……的意见”与“关于……的意见”视为同一标题）。
        标题仍不相同时，在后出现的那一处报告，相关位置指向第一次引用；同一种不同写法
        只报告一次。

        反过来，同一机关、同一年份、同一标题的文件被引用成两个不同的序号，也报告
        （在后出现的文号处）；两处写在同一段里（“……（某财〔2023〕5号）和《同一标题》（某财〔2023〕19号）”），
        或其中一处所在的行说到分批、几次（“第一批……第二批”“分两次”“追加”“补充”）的，是同名的两份
        文件，不报告。

        不报告：没有标题的引用；只差发文机关名、空格或引号的标题；一个标题包含在另一个
        之中（印发通知的文号也常用来引用它所印发的办法：《关于印发〈某办法〉的通知》与
        《某办法》）；
        不同字号的文件使用相同标题（可能是同名的不同年份文件）。

    为什么是问题
        同一文号对应两个不同标题，至少有一处把文件名或文号写错了（例如把“区级”写成
        “市级”，或套用了别的文件的文号），读者无法确定依据的是哪一份文件。

    示例
        错误：根据《关于开展2024年区级财政资金绩效自评工作的通知》（某开财〔2024〕319号）要求。
        按照《某区财政局关于开展2024年市级财政资金绩效自评工作的通知》（某开财〔2024〕319号）报送。

        正确：根据《关于开展2024年区级财政资金绩效自评工作的通知》（某开财〔2024〕319号）要求。
        按照《某区财政局关于开展2024年区级财政资金绩效自评工作的通知》（某开财〔2024〕319号）报送。
    """

    code = "JX503"
    name = "docno-title-conflict"
    category = "reference"
    severity = "error"
    summary_zh = "同一文号被引用时标题不一致"
    summary_en = "the same document number is cited with different titles"
    messages = {
        "conflict": (
            "文号“{docno}”在此处的标题《{title}》与前文《{first}》不一致{diff}",
            "document number “{docno}” is cited here as 《{title}》 but earlier as 《{first}》{diff_en}",
        ),
        "number": (
            "《{title}》在此处的文号“{docno}”与前文的“{first}”不一致（同一机关、同一年份、同一标题）",
            "《{title}》 is cited here as “{docno}” but earlier as “{first}” (same issuer, year and title)",
        ),
        "first": ("首次引用：《{title}》", "first cited as 《{title}》"),
        "first_no": ("首次引用的文号：{docno}", "first cited with number {docno}"),
    }

    def check(self, doc):
        yield from self._titles(doc)
        yield from self._numbers(doc)

    def _numbers(self, doc):
        """The reverse: one title (same issuer and year) cited with two numbers."""
        first: dict[tuple, object] = {}
        seen: set = set()
        for d in doc.docrefs:
            if d.number is None or not d.issuer or not d.title or d.title_span is None:
                continue
            key = (d.issuer, d.year, title_key(d.title))
            f = first.setdefault(key, d)
            if f is d or f.number == d.number or (key, d.number) in seen:
                continue
            if _several(doc.text, f.span, d.span):
                continue  # two documents of one title cited as two (第一批……第二批, 和, 分两次)
            seen.add((key, d.number))
            this = f"{d.issuer}〔{d.year}〕{d.number}号"
            before = f"{f.issuer}〔{f.year}〕{f.number}号"
            yield self.report(d.span, "number", title=d.title.strip(), docno=this, first=before,
                              related=[self.related(f.span, "first_no", docno=before)])

    def _titles(self, doc):
        first: dict[tuple, object] = {}
        seen: set = set()
        for d in doc.docrefs:
            if d.number is None or not d.issuer or not d.title or d.title_span is None:
                continue
            key = (d.issuer, d.year, d.number)
            f = first.setdefault(key, d)
            if f is d:
                continue
            tk, fk = title_key(d.title), title_key(f.title)
            if tk in fk or fk in tk or (key, tk) in seen:
                continue  # the same title, or one inside the other (关于印发〈办法〉的通知 / 办法)
            if _BRACKETED.sub("", tk) == fk or _BRACKETED.sub("", fk) == tk:
                continue  # one gives a part in brackets the other leaves out (资金（第一批）的通知 / 资金的通知)
            seen.add((key, tk))
            title, first_title = d.title.strip(), f.title.strip()
            a, b = _difference(title_key(f.title), tk)
            # the differing words, when they are a small part of the titles
            small = (a or b) and max(len(a), len(b)) <= min(len(tk), len(title_key(f.title))) // 3
            diff = f"：此处“{b}”，前文“{a}”" if small else ""
            diff_en = f": “{b}” here, “{a}” before" if small else ""
            yield self.report(
                d.title_span, "conflict", docno=f"{d.issuer}〔{d.year}〕{d.number}号", title=title, first=first_title,
                diff=diff, diff_en=diff_en,
                related=[self.related(f.title_span, "first", title=first_title)],
            )


# words that say funds or notices came in several batches or times (第一批, 分两批, 第二次, 追加, 补充)
_BATCH = re.compile(r"[第分两二三四五六七八九十首\d]\s*[批次]|追加|补充")


def _several(text: str, a, b) -> bool:
    """Whether two citations of one title with two numbers are meant as two documents: cited
    together in one paragraph (…（12号）和《同一标题》（48号）), or a line of either speaks of batches."""
    if "\n" not in text[a.end:b.start]:
        return True
    for span in (a, b):
        start = text.rfind("\n", 0, span.start) + 1
        end = text.find("\n", span.end)
        if _BATCH.search(text, start, end if end >= 0 else len(text)):
            return True
    return False


def _difference(a: str, b: str) -> tuple[str, str]:
    """The differing middle of two titles (common head and tail removed)."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    return a[i: len(a) - j], b[i: len(b) - j]
