from __future__ import annotations

import re

from ..rule import Rule

# A form's header that gives the form's year: the form's name with the year in it (2023 年度某某项目
# 绩效目标表), or the name with the year in brackets after it (……绩效自评表（2023 年度）), or the year in
# brackets alone on the line under the name (……绩效目标审批表 / （2023 年度）). The name is a form's:
# it ends in 表 and says what the form is for (绩效、目标、自评、评价、申报、审批).
_FORM_WORD = r"(?:绩效|目标|自评|评价|申报|审批)"
_NAME_WITH_YEAR = re.compile(
    rf"[^，,。；;:：《》]{{0,40}}?(\d{{4}})\s*年度?(?!\s*\d{{1,2}}\s*月)[^，,。；;:：《》\d]{{0,40}}?{_FORM_WORD}[^，,。；;:：《》\d]{{0,10}}?表\s*"
)
_NAME_THEN_YEAR = re.compile(
    rf"[^，,。；;:：《》\d]{{0,60}}?{_FORM_WORD}[^，,。；;:：《》\d]{{0,10}}?表\s*[(（]\s*(\d{{4}})\s*年度?\s*[)）]\s*"
)
_YEAR_ALONE = re.compile(r"\s*[(（]\s*(\d{4})\s*年度?\s*[)）]\s*")
_NAME_ALONE = re.compile(rf"[^，,。；;:：《》\d]{{0,60}}?{_FORM_WORD}[^，,。；;:：《》\d]{{0,10}}?表\s*")

# The project's period, as a form's field: 建设周期 / 实施周期 / 实施期（限） / 项目周期 / 项目期限 /
# 执行期（限） / 建设期限 / 项目起止时间 / 起止日期, then the value: its first date with its year written
# out (2025 年 1 月 1 日 / 2025.1 / 2025-01-01), a dash or 至, and the rest.
_PERIOD_LABEL = re.compile(
    r"(?:项目|建设|实施|执行)(?:周期|期限|期)|(?:项目)?起止(?:时间|日期)|建设期限"
)
_PERIOD_VALUE = re.compile(
    r"\s*(?:为|是|[:：])?\s*(\d{4})\s*(?:年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?|[.\-/]\s*\d{1,2}(?:\s*[.\-/]\s*\d{1,2})?)"
    r"\s*起?\s*(?:[-—–~～至到]|——)\s*(?:(\d{4})\s*(?:年|[.\-/])|\d{1,2}\s*月)"
)

# How many paragraphs (a table's cells each count) after its header a form's period field is looked for.
_REACH = 40


class PeriodAfterYear(Rule):
    """
    做什么
        找出自评表、绩效目标表之类的表格：表头写明这张表是 N 年度的（表名里的“N 年度……绩效目标表”，
        表名后括号里的“……绩效自评表（N 年度）”，或表名下一行只写“（N 年度）”；表名以“表”结尾，带有
        绩效、目标、自评、评价、申报、审批之一），而表里的项目周期栏（建设周期、实施周期、实施期（限）、
        项目周期、项目期限、执行期（限）、建设期限、（项目）起止时间 / 日期，栏目与内容在同一格的“：”后，
        或在同一行的下一格）写出的起始日期带着年份 A，且 A > N：周期从表头年度之后才开始，
        整个周期都不包含表头的年度。

        只看表头之后 40 段（表格的每一格算一段）以内、下一个表头之前的周期栏。周期的起始年份必须明写
        （“2025 年 1 月 1 日—2025 年 12 月 31 日”“2025.1—2025.12”）；只写月份、写“N 年以来”、
        写成一段文字的不看。

        不报告：周期在表头年度之前就结束的（往年的项目，钱结转到当年再用、当年才评价，常见）；
        周期跨过表头年度的（多年项目）；表名以外的句子里的年份；没有表头年度的表。

    为什么是问题
        一张 N 年度的目标表或自评表只能是 N 年度在做的项目的；周期从 N 年之后才开始，说明表头的
        年度或周期有一处是从别的表抄来没有改：读者无法确定这张表说的是哪一年的项目和钱。

    示例
        错误：某某项目绩效目标表（2023 年度）
            建设周期：2025 年 1 月 1 日—2025 年 12 月 31 日

        正确：某某项目绩效目标表（2025 年度）
            建设周期：2025 年 1 月 1 日—2025 年 12 月 31 日
    """

    code = "JX304"
    name = "period-after-year"
    category = "year"
    severity = "error"
    summary_zh = "表头的年度早于表里项目周期的开始"
    summary_en = "a form's year comes before its project's period begins"
    messages = {
        "period": (
            "表头写的是 {year} 年度，{label}却从 {start} 年才开始：整个周期都不包含 {year} 年，表头的年度或周期有一处写错",
            "the form is headed {year}, but its {label} begins only in {start}: the whole period lies after {year}, so the form's year or its period is wrong",
        ),
        "header": ("表头年度 {year}", "form year {year}"),
    }

    def check(self, doc):
        paragraphs = doc.paragraphs
        header = None  # (the year, its span, the paragraph's index)
        for k, p in enumerate(paragraphs):
            text = p.text
            if len(text) <= 80 and "年" in text:
                found = _header(paragraphs, k)
                if found is not None:
                    header = found
                    continue
            if header is None or k - header[2] > _REACH or "期" not in text and "起止" not in text:
                continue
            for label, value, i in _periods(paragraphs, k):
                m = _PERIOD_VALUE.match(value.text, i)
                if m is None:
                    continue
                start = int(m.group(1))
                end = int(m.group(2)) if m.group(2) else None
                year, span, _ = header
                if start > year and (end is None or end >= start):
                    yield self.report(
                        value.span(m.start(1), m.end(1)), "period", year=year, start=start,
                        label=(label, _LABEL_EN.get(label[-2:], "period")),
                        related=[self.related(span, "header", year=year)],
                    )


_LABEL_EN = {"周期": "period", "期限": "term", "施期": "term", "行期": "term", "设期": "term", "时间": "dates", "日期": "dates"}


def _header(paragraphs, k):
    """Paragraph ``k`` as a form's header giving its year: (year, span, k), or None."""
    p = paragraphs[k]
    text = p.text
    if len(text) > 80 or "年" not in text:
        return None
    if "表" in text:
        for pattern in (_NAME_WITH_YEAR, _NAME_THEN_YEAR):
            m = pattern.fullmatch(text)
            if m:
                return int(m.group(1)), p.span(m.start(1), m.end(1)), k
        return None
    m = _YEAR_ALONE.fullmatch(text) if len(text) <= 12 else None
    if m and k > 0 and _NAME_ALONE.fullmatch(paragraphs[k - 1].text):
        return int(m.group(1)), p.span(m.start(1), m.end(1)), k
    return None


def _periods(paragraphs, k):
    """The period fields of paragraph ``k``: (label, the paragraph holding the value, the index
    where the value starts) — the value after the label in the same paragraph, or, for a table's
    cell that is the label alone, the next cell of its row."""
    p = paragraphs[k]
    for m in _PERIOD_LABEL.finditer(p.text):
        if p.kind == "cell" and m.start() == 0 and p.text[m.end():].strip() in ("", ":", "："):
            if k + 1 < len(paragraphs):
                q = paragraphs[k + 1]
                if q.kind == "cell" and q.row == p.row:
                    yield m.group(0), q, 0
            continue
        yield m.group(0), p, m.end()
