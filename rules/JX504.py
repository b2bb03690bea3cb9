from __future__ import annotations

import re

from ..rule import Rule

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_RANGE = re.compile(r"(?:19|20)\d{2}\s*年?\s*(?:[-—–~～至到])\s*(?:19|20)?\d{2}")
_MULTI_YEAR = re.compile(r"规划|纲要|远景|五年|三年|中长期|计划")
# a document on what an evaluation or an audit of the named year found (整改, 评价结果): the
# evaluation of year N is made in N+1, and what follows from it may be issued a year after that
_FOLLOW_UP = re.compile(r"整改|(?:评价|评估|审计|检查)(?:结果|发现|反馈)")
# a year that names a cohort of people by when they joined or left (2016年军队转业干部, 2018届
# 毕业生, 2019级新生): those people are dealt with for years after, so it is no year the document concerns
# a year set as a deadline or a target (2030年前碳达峰, 确保2025年底前完成, 到2025年): a document
# issued years before it names the year it aims at, which is no year it concerns. Not 2021年前三季度
# (a part of the year 2021: 前 followed by a number).
_TARGET_AFTER = re.compile(r"\s*年(?:底|末)?\s*(?:以前|之前|前)(?![一二三四五六七八九十两\d])"
                           # a bound or a starting point (2021年及以前年度结余, 2019年以来, 2020年起)
                           r"|\s*年(?:度)?\s*(?:及|以及)\s*以前|\s*年\s*(?:以来|来|起|开始)"
                           # a year something runs out (延续实施2020年到期的政策)
                           r"|\s*年(?:底|末)?\s*(?:到期|届满|期满)")
_TARGET_BEFORE = re.compile(r"(?:到|至|自|从)\s*$")
# the year of a law's or a rule's revision or edition named inside the title (〈某条例（2019年修订）〉)
_EDITION = re.compile(r"\s*年\s*(?:修订|修正|修改|版)")
_COHORT = re.compile(r"\s*(?:[届级]|年度?[^\s，,。；;、:《》()“”\d]{0,8}?"
                     r"(?:转业|复员|退役|退伍|毕业|入伍|新生|新兵))")


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
        标题中指一批人员的年份（“2016年军队转业干部”“2018届毕业生”“2019级新生”：
        年份后至多隔八个字接转业、复员、退役、退伍、毕业、入伍、新生、新兵，或紧接“届”“级”），
        这批人员在此后几年仍会有文件涉及，它不是文件所涉的年份，不参与比较；
        标题中作为期限或目标的年份（“2030年前碳达峰”“确保2025年底前完成”“到2025年”：年份后是
        “年前、年底前、年以前”，或前面是“到、至”）也不参与比较，文件常在几年前就提出它；
        作为起点或上限的年份（“2019年以来”“自2020年起”“2021年及以前年度结余资金”）、到期的年份
        （“延续实施2020年底到期的政策”）、标题里引用的法规的
        修订年份（“〈某条例（2019年修订）〉”“2020年版”）同样不参与比较；
        “2021年前三季度”（“前”后接数字）是 2021 年的一部分，仍参与比较；
        法律名称后的“（2018年修正）”之类（不是文号）；
        标题讲的是对某年的评价或审计发现的问题的整改或结果（标题里有“整改”，或“评价 / 评估 / 审计 /
        检查”接“结果 / 发现 / 反馈”）、标题年份比发文年份早 2 年时（《关于做好2018年……绩效评价整改
        的通知》配〔2020〕）：N 年的事在 N+1 年评价，评价结果的整改再晚一年发文是常见的，
        标题年份比发文年份晚 2 年的仍报告。

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
            years = [int(m.group(1)) for m in _YEAR.finditer(d.title)
                     if not _COHORT.match(d.title, m.end()) and not _target(d.title, m)]
            if not years or any(abs(y - d.year) <= 1 for y in years):
                continue
            if _FOLLOW_UP.search(d.title) and any(y == d.year - 2 for y in years):
                continue
            gap = min(abs(y - d.year) for y in years)
            docno = doc.quote(d.span).strip()
            yield self.report(
                d.span, "mismatch", docno=docno, year=d.year, gap=gap,
                title_years="、".join(str(y) for y in sorted(set(years))),
                related=[self.related(d.title_span, "title", title=d.title.strip())],
            )


def _target(title: str, m: re.Match) -> bool:
    """Whether the year matched by ``m`` is a deadline or a target (2030年前, 到2025年), a starting point
    or a bound (2019年以来, 2021年及以前), or a revision's year (2019年修订), and not a year the
    document concerns."""
    return bool(_TARGET_AFTER.match(title, m.end()) or _TARGET_BEFORE.search(title, 0, m.start())
                or _EDITION.match(title, m.end()))
