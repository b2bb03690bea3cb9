from __future__ import annotations

import re

from ..rule import Rule


class MalformedDocno(Rule):
    """
    做什么
        检查公文字号（发文机关代字〔年份〕序号号，如“某财绩〔2024〕5号”）的写法：
        - 缺少序号：“某财绩〔2021〕号”——年份后直接是“号”；
        - 年份括号写错：用【】、[]、() 或 （）代替六角括号〔〕（GB/T 9704 规定
          年份用六角括号）。
        若同一报告中同一机关、同一年份、同一标题的文件在别处有完整的字号，
        给出它作为建议值。

        不报告：没有“号”字的年份括号（“（2019）”“〔2023〕”单独出现）；
        带括号的年份前后没有发文机关代字、也没有序号时不视为文号（如“（2024）号”
        之类的残片由 JX401 等规则处理）。

    为什么是问题
        文号缺少序号就无法据以查到所引用的文件；括号写错是不规范的公文写法，
        审核时会被要求更正，也说明字号可能是凭记忆打的。

    示例
        错误：根据《某市市级财政绩效评估指南》（某财绩〔2021〕号）开展评价。

        正确：根据《某市市级财政绩效评估指南》（某财绩〔2021〕12号）开展评价。
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
        "same": ("同一文件在此处的完整文号：{text}", "the full number of the same document here: {text}"),
    }

    def check(self, doc):
        refs = doc.docrefs
        # the first numbered reference of each (issuer, year, title): found once, not per reference
        numbered: dict = {}
        for r in refs:
            if r.number is not None:
                numbered.setdefault((r.issuer, r.year, r.title), r)
        for d in refs:
            text = doc.quote(d.span).strip()
            if d.number is None:
                if not d.issuer:
                    continue
                twin = numbered.get((d.issuer, d.year, d.title)) if d.title else None
                related, suggestion = [], None
                if twin is not None:
                    full = doc.quote(twin.span).strip()
                    related.append(self.related(twin.span, "same", text=full))
                    suggestion = f"{d.issuer}〔{d.year}〕{twin.number}号"
                yield self.report(d.span, "no_number", text=text, year=d.year, related=related, suggestion=suggestion)
            elif (d.open_bracket, d.close_bracket) != ("〔", "〕"):
                if not d.issuer:
                    continue
                m = re.search(r"(\S)\s*\d{4}\s*(\S)", text)  # the brackets as written (full- or half-width)
                opened, closed = (m.group(1), m.group(2)) if m else (d.open_bracket, d.close_bracket)
                yield self.report(
                    d.span, "brackets", text=text, open=opened, close=closed,
                    suggestion=f"{d.issuer}〔{d.year}〕{d.number}号",
                )
