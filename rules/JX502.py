from __future__ import annotations

import re

from ..rule import MAX_SHOWN, Rule

# What is written before an issuer's code and is not part of it: the issuing body's name
# (某某财政局湛财绩〔2021〕5号: codes almost never contain 局 or 厅), the end of a number
# before it (…12号和某财…), linking words. The code starts after the last of them when two
# or more characters follow.
_BODY = re.compile(r"^.*(?:[局厅号的和及与或按据]|文件|参照|对照|执行|落实|印发|转发)(?=[\u4e00-\u9fff]{2,}$)")
# codes of licences, approvals and certificates (某药准字, 某卫证字), not of documents, and
# words that end in 发/字/函 without being a code (印发, 下发, 数字)
_NOT_DOC = re.compile(r"[证准许备登册照]|(?:[印下转分批开研出颁签核收]发|[数文签名汉打题]字|[来复便公]函)$")
# A document number whose year brackets are broken, found in the paragraph text from the
# bracket or the year on (the issuer's code before it is looked for afterwards):
# - opened and never closed, the year run into the serial: 某发〔201834号;
# - closed (〕) and never opened: 某发2018〕34号;
# - no brackets at all, the year run into a serial of two to four digits: 某政发201612号;
# - a year of three digits, one left out: 某财函〔202〕25号;
# - the parenthesis around the whole number closed before 号: (某农[2014]258)号.
_BROKEN = re.compile(
    r"(?=[〔﹝【\[(（12])(?:"  # (a lookahead for any first character, tried before the six branches)
    r"(?P<open>[〔﹝【\[(])\s*(?P<y1>(?:19|20)\d{2})(?P<n1>[1-9]\d{0,3})\s*号"
    r"|(?P<y2>(?:19|20)\d{2})\s*[〕﹞]\s*(?P<n2>[1-9]\d{0,3})\s*号"
    r"|(?P<y3>(?:19|20)\d{2})(?P<n3>[1-9]\d{1,3})号"
    r"|(?P<o6>[〔﹝【\[(（])\s*(?P<y6>(?:19|20)\d{2})\s*(?P<c6>[〕﹞】\])）])\s*(?P<n6>[1-9]\d{0,3})\s*[)）]\s*号"
    r"|〔\s*(?P<y4>(?:19|20)\d{2})\s*〕\s*(?P<n4>[1-9]\d{0,3})(?=\s*[)），,。；;、])"
    r"(?!\s*[、，,]\s*\d{1,4}(?:\s*[、，,]\s*\d{1,4})*\s*号)"  # (15、16号: two serials, one 号)
    r"|[〔﹝【\[(（]\s*(?P<y5>(?:19|20)\d)\s*[〕﹞】\])）]\s*(?P<n5>\d{1,4})\s*号"
    r")"
)
# A number cited in brackets right after a document's title, 《…》(某财建2021455), written
# with no year brackets at all: a short code, a year run into a serial of one to four digits,
# 号 or not. The citation's place is what makes it a 文号 (outside it, such a string may be a
# licence, a project code or a count, so there the code must end in 发/字/函 and 号 follow).
# Not a figure: no digit, point, unit or date word may follow the serial.
_CITED = re.compile(
    r"》\s*\(\s*(?P<code>[\u4e00-\u9fff]{2,6}?)(?P<y>(?:19|20)\d{2})(?P<n>[1-9]\d{0,3})(?P<hao>\s*号)?"
    r"(?![\d.．%‰年月日时万亿千百元个项人名次户座台吨亩米期版卷页条款章节])"
)
# characters a document's code does not contain: counts, sums, dates and words around them
_NOT_CODE = re.compile(r"[年月日共计约为合资金额元数第号至到于在止是]")
# the brackets, 第 and serial of a reference as written (full- or half-width, zeros kept)
_WRITTEN = re.compile(r"(\S)\s*\d{4}\s*(\S)\s*(第?)\s*(\d+)\s*号$")
_ISSUER = re.compile(r"[\u4e00-\u9fff]{1,12}$")
# words that lead into a citation and are not part of the issuer's code (根据某财〔2024〕1号)
_LEAD = re.compile(r"^(?:根据|依据|依照|按照|参照|对照|执行|落实|贯彻|详见|印发|转发|按|据|见|及|和|与|并|以)+")
_TITLE_NOISE = re.compile(r"[\s《》〈〉<>“”\"'‘’]")


class MalformedDocno(Rule):
    """
    做什么
        检查公文字号（发文机关代字〔年份〕序号号，如“某财绩〔2024〕5号”）的写法：
        - 缺少序号：“某财绩〔2021〕号”——年份后直接是“号”；
        - 年份括号写错：用【】、[]、() 或 （）代替六角括号〔〕（GB/T 9704 规定
          年份用六角括号）；
        - 年份括号不完整：只有开括号、年份和序号连在一起（“某发〔201834号”），
          或只有闭括号（“某发2018〕34号”）；
        - 缺少“号”字：“某财教〔2021〕1357）”——序号后直接是括号或标点；几个序号以顿号或逗号
          连写、共用最后一个“号”字的（“某财预〔2023〕15、16号”，同年同机关的两份文件）不算；
        - 年份只有三位数字（“某财函〔202〕25号”），少写了一位；
        - 引用文号的括号在“号”字之前就闭合了（“（某农〔2014〕258）号”，“号”字被隔在括号外面；
          机关代字前面紧挨着开括号时才算），年份括号同时写错的（“（某农[2014]258）号”）在同一条里一并指出；
        - 没有年份括号：以“发、字、函”结尾的机关代字后直接是 4 位年份（1900–2099，
          且不晚于报告年度的下一年）连着序号再加“号”（“某政发201612号”）；
        - 紧跟在文件标题之后的括号里（“《关于某事的通知》(某财建2021455)”）引用的
          文号没有年份括号：2–6 个汉字的机关代字后直接是 4 位年份连着 1–4 位序号，
          有没有“号”字都算。引用位置说明这是文号，所以机关代字不限结尾的字；
          但代字中有“年、月、日、共、计、约、为、合、资、金、额、元、数、第、号”等字，
          或序号后紧跟数字、小数点、百分号、日期字、计量单位或“期、版、页、条、章”等的，
          视为金额、数量、日期或刊物的期号、条目，不报告。
        年份与序号连写时，按前 4 位是年份拆开，给出“机关代字〔年份〕序号号”作为建议。
        若同一报告中同一机关、同一年份、同一标题的文件在别处有完整的字号，
        缺序号的那一处给出它作为建议值。
        同一个写错的文号在报告中多次出现时只报告第一次，其余各处列为相关位置
        （引用时都有标题而标题不同的，视为不同的文件，分别报告）。
        建议值照抄原文的机关代字和序号（包括序号前的 0）。

        不报告：没有“号”字的年份括号（“（2019）”“〔2023〕”单独出现）；
        带括号的年份前后没有发文机关代字、也没有序号时不视为文号（如“（2024）号”
        之类的残片由 JX401 等规则处理）；
        年份括号后有“第”字的编号（“某审字（2022）第0001号”是会计师事务所等机构
        自己的报告编号，不是公文字号，不受六角括号的规定约束）；
        不在标题后括号里的、没有括号的数字串，其序号以 0 开头、只有一位、后面没有“号”、
        机关代字不以“发、字、函”结尾，或前 4 位不像年份的（许可证号、批准文号、
        项目编码等编号）。

    为什么是问题
        文号缺少序号就无法据以查到所引用的文件；括号写错是不规范的公文写法，
        审核时会被要求更正，也说明字号可能是凭记忆打的；年份与序号连写的文号，
        读者无法确定哪几位是年份、哪几位是序号。

    示例
        错误：根据《某市市级财政绩效评估指南》（某财绩〔2021〕号）开展评价。

        正确：根据《某市市级财政绩效评估指南》（某财绩〔2021〕12号）开展评价。

        错误：根据《关于加强项目资金管理的通知》（某财农〔20217号）开展自评。

        正确：受委托，某会计师事务所出具了某审字（2022）第0001号评价报告。

        错误：按照《关于下达某项补助资金的通知》（某财农2023186）下达资金。

        正确：按照《关于下达某项补助资金的通知》（某财农〔2023〕186号）下达资金。
    """

    code = "JX502"
    name = "malformed-docno"
    category = "reference"
    severity = "error"
    summary_zh = "公文字号缺少序号或年份括号不规范"
    summary_en = "a document number lacks its serial number or uses the wrong year brackets"
    messages = {
        "no_number": (
            "文号“{text}”缺少序号：年份〔{year}〕之后应有文件序号",
            "document number “{text}” has no serial number after the year 〔{year}〕",
        ),
        "brackets": (
            "文号“{text}”的年份括号应为六角括号〔〕，写成了“{open}{close}”",
            "document number “{text}” should put its year in 〔〕, not “{open}{close}”",
        ),
        "unclosed": (
            "文号“{text}”的年份括号不完整（{what}），应写作“{fixed}”",
            "document number “{text}” has broken year brackets ({what}); write “{fixed}”",
        ),
        "bare": (
            "文号“{text}”缺少年份括号：年份 {year} 与序号 {number} 连在一起，应写作“{fixed}”",
            "document number “{text}” has no year brackets: the year {year} runs into the serial {number}; write “{fixed}”",
        ),
        "no_hao": (
            "文号“{text}”缺少“号”字，应写作“{fixed}”",
            "document number “{text}” lacks 号 after its serial; write “{fixed}”",
        ),
        "hao_outside": (
            "文号“{text}”的“号”字被右括号隔在了外面，应写作“{fixed}”{brackets}",
            "document number “{text}” has its closing parenthesis before 号; write “{fixed}”{brackets_en}",
        ),
        "short_year": (
            "文号“{text}”的年份“{year}”只有三位数字，少写了一位",
            "document number “{text}” has a year of three digits, “{year}”: one is missing",
        ),
        "same": ("同一文件在此处的完整文号：{text}", "the full number of the same document here: {text}"),
        "again": ("同一文号在此处再次出现：{text}", "the same document number again here: {text}"),
    }

    def check(self, doc):
        # (kind, key) -> [first finding's parts, repeats]; a malformed number cited again is
        # a related place of its first citation, not a finding of its own
        groups: dict = {}
        order: list = []

        def add(key, title, span, text, make):
            for g in groups.get(key, ()):
                if _same_title(title, g["title"]):
                    g["again"].append((span, text))
                    if title and not g["title"]:
                        g["title"] = title
                    return
            g = {"title": title, "make": make, "again": []}
            groups.setdefault(key, []).append(g)
            order.append(g)

        refs = doc.docrefs
        # the first numbered reference of each (issuer, year, title): found once, not per reference
        numbered: dict = {}
        for r in refs:
            if r.number is not None:
                numbered.setdefault((_code(r.issuer), r.year, r.title), r)
        for d in refs:
            if not d.issuer:
                continue
            span, issuer = self._trimmed(doc, d.span, d.para, d.issuer)
            text = doc.quote(span).strip()
            if d.number is None:
                twin = numbered.get((issuer, d.year, d.title)) if d.title else None
                add(("no_number", issuer, d.year), d.title, span, text,
                    lambda again, d=d, span=span, text=text, twin=twin, issuer=issuer:
                        self._no_number(doc, d, span, text, twin, issuer, again))
            elif (d.open_bracket, d.close_bracket) != ("〔", "〕"):
                m = _WRITTEN.search(text)
                if m is None:
                    opened, closed, serial = d.open_bracket, d.close_bracket, str(d.number)
                elif m.group(3):
                    continue  # 某审字（2022）第0001号: a firm's own report number
                else:
                    opened, closed, serial = m.group(1), m.group(2), m.group(4)
                add(("brackets", issuer, d.year, serial, opened, closed), d.title, span, text,
                    lambda again, span=span, text=text, o=opened, c=closed, fixed=f"{issuer}〔{d.year}〕{serial}号":
                        self.report(span, "brackets", text=text, open=o, close=c, suggestion=fixed,
                                    related=self._again(again)))
        for p in doc.paragraphs:
            if "号" not in p.text and "〕" not in p.text and "》" not in p.text:
                continue
            for f in self._broken(doc, p):
                add(*f)
        for g in order:
            yield g["make"](g["again"])

    def _again(self, again):
        return [self.related(s, "again", text=t) for s, t in again[:MAX_SHOWN]]

    def _no_number(self, doc, d, span, text, twin, issuer, again):
        related, suggestion = [], None
        if twin is not None:
            full = doc.quote(twin.span).strip()
            related.append(self.related(twin.span, "same", text=full))
            suggestion = f"{issuer}〔{d.year}〕{twin.number}号"
        related += self._again(again)
        return self.report(span, "no_number", text=text, year=d.year, related=related, suggestion=suggestion)

    def _trimmed(self, doc, span, para, issuer):
        """The reference without the issuing body's name written before the code
        (某某财政局某财农〔2023〕10号 → 某财农〔2023〕10号)."""
        m = _BODY.match(issuer)
        if m is None:
            return span, issuer
        p = doc.paragraphs[para]
        i = p.index_of(span.start)
        if p.text[i:i + len(issuer)] != issuer:
            return span, issuer
        j = p.index_of(span.end - 1) + 1
        return p.span(i + m.end(), j), issuer[m.end():]

    def _broken(self, doc, p):
        """Document numbers with broken or missing year brackets in paragraph ``p``."""
        text = p.text
        latest = (doc.profile.year or 2099) + 1
        seen = set()  # where the years of the numbers found here are
        for m in _BROKEN.finditer(text):
            im = _ISSUER.search(text, max(0, m.start() - 12), m.start())
            if im is None:
                continue  # no code right before: 截至2018〕, 第201612号 …
            issuer, start = im.group(0), im.start()
            lead = _LEAD.match(issuer)
            if lead:
                issuer, start = issuer[lead.end():], start + lead.end()
            body = _BODY.match(issuer)
            if body:
                issuer, start = issuer[body.end():], start + body.end()
            if len(issuer) < 2:
                continue
            if m.group("y1"):
                year, number = m.group("y1"), m.group("n1")
                kind = "bare" if m.group("open") == "(" else "open"
            elif m.group("y2"):
                year, number, kind = m.group("y2"), m.group("n2"), "close"
            elif m.group("y4"):
                year, number, kind = m.group("y4"), m.group("n4"), "no_hao"
            elif m.group("y5"):
                if issuer[-1] in "号第至到于在止为是":
                    continue
                span = p.span(start, m.end())
                written = doc.quote(span).strip()
                make = (lambda again, span=span, written=written, year=m.group("y5"):
                        self.report(span, "short_year", text=written, year=year, related=self._again(again)))
                yield ("short_year", issuer, m.group("y5"), m.group("n5")), "", span, written, make
                continue
            elif m.group("y6"):
                if start == 0 or text[start - 1] not in "(（":
                    continue  # (no parenthesis opened before the code: the one before 号 closes nothing of it)
                year, number, kind = m.group("y6"), m.group("n6"), "hao_outside"
            else:
                year, number, kind = m.group("y3"), m.group("n3"), "bare"
            if kind == "bare" and (issuer[-1] not in "发字函" or _NOT_DOC.search(issuer)):
                continue  # a licence or approval number, not a 公文字号
            if issuer[-1] in "号第至到于在止为是":
                continue  # 编号【2019101号】, 截至2018〕: a word, not a code, before the number
            if not 1950 <= int(year) <= latest:
                continue
            seen.update(range(m.start(), m.end()))
            span = p.span(start, m.end())
            written = doc.quote(span).strip()
            fixed = f"{issuer}〔{year}〕{number}号"
            if kind == "hao_outside":
                o, c = m.group("o6"), m.group("c6")
                wrong = ((f"，年份括号也应为六角括号〔〕，写成了“{o}{c}”", f"; its year brackets should be 〔〕, not “{o}{c}”")
                         if (o, c) != ("〔", "〕") else ("", ""))
                make = (lambda again, span=span, written=written, fixed=fixed, wrong=wrong:
                        self.report(span, "hao_outside", text=written, fixed=fixed, brackets=wrong[0], brackets_en=wrong[1],
                                    suggestion=fixed, related=self._again(again)))
            elif kind == "no_hao":
                make = (lambda again, span=span, written=written, fixed=fixed:
                        self.report(span, "no_hao", text=written, fixed=fixed, suggestion=fixed,
                                    related=self._again(again)))
            elif kind == "bare" and m.group("y3"):
                make = (lambda again, span=span, written=written, year=year, number=number, fixed=fixed:
                        self.report(span, "bare", text=written, year=year, number=number, fixed=fixed,
                                    suggestion=fixed, related=self._again(again)))
            else:
                what = {"open": ("只有开括号，没有闭括号", "opened and never closed"),
                        "close": ("只有闭括号，没有开括号", "closed and never opened"),
                        "bare": ("只有开括号，没有闭括号", "opened and never closed")}[kind]
                make = (lambda again, span=span, written=written, fixed=fixed, what=what:
                        self.report(span, "unclosed", text=written, what=what, fixed=fixed,
                                    suggestion=fixed, related=self._again(again)))
            yield (kind, issuer, year, number), "", span, written, make
        yield from self._cited(doc, p, seen)

    def _cited(self, doc, p, seen):
        """Numbers with no year brackets cited right after a title: 《…》(某财建2021455)."""
        latest = (doc.profile.year or 2099) + 1
        for m in _CITED.finditer(p.text):
            code, year, number = m.group("code"), m.group("y"), m.group("n")
            if m.start("y") in seen or _NOT_CODE.search(code) or _NOT_DOC.search(code):
                continue
            if not 1950 <= int(year) <= latest:
                continue
            span = p.span(m.start("code"), m.end())
            written = doc.quote(span).strip()
            fixed = f"{code}〔{year}〕{number}号"
            make = (lambda again, span=span, written=written, year=year, number=number, fixed=fixed:
                    self.report(span, "bare", text=written, year=year, number=number, fixed=fixed,
                                suggestion=fixed, related=self._again(again)))
            yield ("bare", code, year, number), "", span, written, make


def _code(issuer: str) -> str:
    """The issuer's code without the issuing body's name or linking words before it."""
    m = _BODY.match(issuer)
    return issuer[m.end():] if m else issuer


def _same_title(a: str, b: str) -> bool:
    """Two citations may be of one document: a title missing, or one title inside the other
    once spaces, quotes and the issuing body before 关于 are left out (《某办法》 and
    《关于印发〈某办法〉的通知》 cite the same number)."""
    if not a or not b:
        return True
    a, b = _title(a), _title(b)
    return a in b or b in a


def _title(title: str) -> str:
    t = _TITLE_NOISE.sub("", title)
    i = t.find("关于")
    return t[i:] if i > 0 else t
