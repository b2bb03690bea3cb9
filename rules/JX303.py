from __future__ import annotations

import re

from ..rule import Rule
from ..years import places

# 关于开展 2024 年……（绩效）自评 / 绩效评价……工作的通知
_NOTICE_AFTER = re.compile(r"[^。；;《》]{0,40}?(?:自评|自我评价|绩效评价)[^。；;《》]{0,12}?通知")


# the notice's name up to its year: 关于开展 / 关于组织开展 / 关于做好 N 年……
_NOTICE_HEAD = re.compile(r"关于(?:组织)?(?:开展|做好)\s*$")
# …or 关于 N 年 alone, when the name ends with the self-evaluation and its arrangements: 关于 N 年部门整体支出和项目支出
# 绩效自评（及……评价）有关事项的通知 (not a notice of results, 关于 N 年度……自评结果的通知, which looks back)
_PLAIN_HEAD = re.compile(r"关于\s*$")
_PLAIN_AFTER = re.compile(
    r"[^。；;《》]{0,40}?(?:自评|自我评价)(?:工作)?(?:[及和与][^。；;《》]{0,10}?评价(?:工作)?)?(?:有关|相关)?(?:事项|工作)?的?通知"
)


# a finance bureau's key or third-party evaluation (重点绩效评价) may look back at any earlier
# year: its notice dates the evaluation work, not the self-evaluation round
_KEY_EVALUATION = re.compile(r"重点|第三方|再评价|抽查|复核|整改")
# …and a sentence telling an earlier round under the notice (我局曾对……开展过重点评价): no notice this report answers
_EARLIER_ROUND = re.compile(r"曾(?:经|对|于|在|按|根据|开展|进行|组织)|开展过|进行过|以前年度|往年|上一?轮")
_CITED = re.compile(r"《[^《》]*》")


def _issued(doc, p) -> int | None:
    """The year of the document number a cited notice's title holding ``p`` is given with (《关于开展 N 年……通知》
    （某财绩〔M〕3 号）: M), or None."""
    for d in doc.in_paragraph("docrefs", p.ref.para):
        if d.title_span is not None and d.title_span.start <= p.ref.span.start < d.title_span.end:
            return d.year
    return None


class NoticeYear(Rule):
    """
    做什么
        找出报告所依据的自评通知（“关于开展 / 关于组织开展 / 关于做好 N 年……绩效自评工作的通知”，有无《》都算；
        只写“关于 N 年……”的，名称要以自评和它的安排结尾：“关于 N 年……绩效自评（及……评价）（有关事项 / 工作）的通知”，
        “……自评结果的通知”之类不算），
        比较通知里的年份 N 与评价年度 Y。自评工作在被评价年度的次年开展，通知通常写 N = Y + 1
        （“关于开展 2024 年……自评工作的通知”评价 2023 年度）；也有通知写被评价年度本身
        （“关于开展 2023 年度……绩效自评工作的通知”），N = Y 也不报告。N 是别的年份时提醒。
        N = Y + 1 而通知的文号是 N 年以后的（“关于开展 2024 年度……自评工作的通知》（某财绩〔2025〕3 号）”在 2023 年度
        报告里）也提醒：通知在 N 年结束后才发，它写的 N 年不是开展自评的那一年，而是要评价的年度。文号与 N 同年的
        （“……通知》（某财绩〔2024〕3 号）”）仍看作 Y + 1 年开展的这一轮，不报告。

        评价年度按 JX301 的计票：标题的年度被正文压倒时（JX301 报告标题），按正文的年度比较。

        不报告：评价年度是从这份通知推出来的（报告里没有别的年度信息）；通知以外的文件名；
        重点绩效评价、第三方评价、再评价、抽查、复核的通知和评价的整改通知（这类评价、整改可以回看更早的年度），以及句子（《》里的文件名以外）
        说的是重点评价、第三方评价、抽查、复核或往年的一轮（“曾对……”“开展过”“以前年度”“往年”“上一轮”）的通知；
        报告没有可识别的评价年度。通知的文号与标题年份是否一致由文号规则检查，这里不看。

    为什么是问题
        引用往年的通知，通常说明开头一段是从往年的报告抄来的而没有改：评价依据错了，
        读者也无法确定报告评价的是哪一年。

    示例
        错误：评价年度：2023 年度
            根据《关于开展 2022 年区级财政资金绩效自评工作的通知》要求，我局开展自评。

        正确：评价年度：2023 年度
            根据《关于开展 2024 年区级财政资金绩效自评工作的通知》要求，我局开展自评。
    """

    code = "JX303"
    name = "notice-year"
    category = "year"
    severity = "warning"
    summary_zh = "自评通知的年份与评价年度对不上"
    summary_en = "the year of the self-evaluation notice does not fit the evaluated year"
    messages = {
        "notice": (
            "自评通知的年份与评价年度不符：评价 {year} 年度的自评通知应是 {next} 年（或写 {year} 年度）的，这里却是 {stated} 年",
            "the notice year does not fit the evaluated year: the notice for evaluating {year} is dated {next} (or names {year}), not {stated}",
        ),
        "issued": (
            "自评通知的年份与评价年度不符：通知的文号是 {issued} 年的，它写的 {stated} 年已经结束，评价的就是 {stated} 年度，"
            "报告评价的却是 {year} 年度",
            "the notice year does not fit the evaluated year: the notice was issued in {issued}, after {stated} ended, so it "
            "asks to evaluate {stated}, but the report evaluates {year}",
        ),
        "evaluated": ("评价年度 {year}", "evaluated year {year}"),
    }

    def check(self, doc):
        prof = doc.profile
        if prof.year is None or prof.year_span is None:
            return
        # the year after JX301's vote: a title outvoted by the body is JX301's finding, and the
        # notice is checked against the body's year
        year, others = doc.year_vote.year, doc.year_vote.places
        where = (others[0].ref.span if others else prof.year_span)
        for p in places(doc):
            issued = None
            if p.ref.year == year + 1:
                # 关于开展 Y+1 年……: the round held in Y+1 — unless the notice's document number says it was issued after
                # Y+1 ended (……的通知》（某财绩〔Y+2〕3 号）): then the year it names is the one it asks to evaluate
                issued = _issued(doc, p)
                if issued is None or issued <= p.ref.year:
                    continue
            elif p.ref.year == year:
                continue
            if _NOTICE_HEAD.search(p.para.text, max(0, p.i - 8), p.i):
                m = _NOTICE_AFTER.match(p.para.text, p.j)
            elif _PLAIN_HEAD.search(p.para.text, max(0, p.i - 8), p.i):
                m = _PLAIN_AFTER.match(p.para.text, p.j)
            else:
                continue
            if m is None or _KEY_EVALUATION.search(m.group(0)):
                continue
            rest = _CITED.sub("", p.para.text[p.s:p.e])  # (the sentence, the documents' names left out)
            if _EARLIER_ROUND.search(rest) or _KEY_EVALUATION.search(rest):
                continue  # 根据《关于开展 N 年度……的通知》，我局曾对……开展过重点评价: an earlier or another round told
            if issued is not None:
                yield self.report(
                    p.ref.span, "issued", year=year, issued=issued, stated=p.ref.year,
                    related=[self.related(where, "evaluated", year=year)], suggestion=f"{year} 年",
                )
                continue
            yield self.report(
                p.ref.span, "notice", year=year, next=year + 1, stated=p.ref.year,
                related=[self.related(where, "evaluated", year=year)], suggestion=f"{year + 1} 年",
            )
