from __future__ import annotations

import re

from ..rule import Rule

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_RANGE = re.compile(r"(?:19|20)\d{2}\s*年?\s*(?:[-—–~～至到])\s*(?:19|20)?\d{2}")
_MULTI_YEAR = re.compile(r"规划|纲要|远景|五年|三年|中长期|计划")


class DocnoYear(Rule):
    """
    做什么
        比较公文字号里的年份（某财〔Y〕5号 的 Y，即发文年份）与它前面《》标题中写出的
        年份。一份文件在 Y 年发出，讲的可以是 Y−1 年的事（决算、自评、总结），
        Y 年的事，或 Y+1 年的事（预算编制、工作计划）；所以只有当标题里的每一个年份
        与 Y 都相差 2 年或更多时才报告（例如《关于开展2024年……自评工作的通知》配
        〔2021〕的文号），视为明显矛盾：文号或标题中的年份至少有一处写错。

        不报告：标题年份与发文年份相差不超过 1 年；标题中有年份区间（2021—2025年）
        或规划、纲要、三年/五年、计划等跨年度文件；没有标题或标题中没有年份的引用；
        法律名称后的“（2018年修正）”之类（不是文号）。

    为什么是问题
        文号年份与标题年份明显不符，通常是套用了往年文件的文号或标题只改了一半，
        引用的依据因此无法核对。

    示例
        错误：根据《关于开展2024年财政资金绩效自评工作的通知》（某财绩〔2021〕4号）要求。

        正确：根据《关于开展2024年财政资金绩效自评工作的通知》（某财绩〔2024〕4号）要求。
    """

    code = "JX504"
    name = "docno-year"
    category = "reference"
    severity = "warning"
    summary_zh = "文号年份与文件标题中的年份明显不符"
    summary_en = "a document number's year contradicts the year in its title"
    messages = {
        "mismatch": (
            "文号“{docno}”的年份 {year} 与标题中的 {title_years} 年相差 {gap} 年（发文年份与所涉年份通常至多差 1 年），文号或标题的年份可能有误",
            "document number “{docno}” is dated {year}, {gap} years from {title_years} in its title "
            "(a document is normally at most one year from the year it concerns); one of the years is probably wrong",
        ),
        "title": ("标题：《{title}》", "title: 《{title}》"),
    }

    def check(self, doc):
        for d in doc.docrefs:
            if not d.title or d.title_span is None:
                continue
            if _RANGE.search(d.title) or _MULTI_YEAR.search(d.title):
                continue
            years = [int(y) for y in _YEAR.findall(d.title)]
            if not years or any(abs(y - d.year) <= 1 for y in years):
                continue
            gap = min(abs(y - d.year) for y in years)
            docno = doc.quote(d.span).strip()
            yield self.report(
                d.span, "mismatch", docno=docno, year=d.year, gap=gap,
                title_years="、".join(str(y) for y in sorted(set(years))),
                related=[self.related(d.title_span, "title", title=d.title.strip())],
            )
