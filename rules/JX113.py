from __future__ import annotations

import re
from functools import cache

from ..arith import fmt
from ..dates import sentence_of
from ..rates import _rates_toml
from ..rule import Rule

# 均 / 都 / 平均 between the name and the figure (满意度均达 98%) are not part of the name
_ADVERB = re.compile(r"(?:均|都|平均|总体|整体|分别)+$")
# a change of the rate, not its value (合格率较上年提高 10%, 满意度提升 12%)
_CHANGE = re.compile(r"提高|提升|增长|增加|上升|下降|减少|降低|较|比|同比|环比|超|高出|增幅|降幅")
HUNDRED = 100
# four digits or more before the point: a table's cells run together (分值 20 and 100% read as
# 20100%), not a rate anyone wrote
RUN_TOGETHER = 1000


# the share of a group of people who did something (农技人员 120 名，使用平台的比例达到 r%): a verb of
# what they did, then 的比例 / 的比重
_PEOPLE_SHARE = re.compile(r"(?:使用|参加|参与|掌握|知晓|享受|接受|持证|达标|合格|满意|签约|参保|就业)[^，,。；;]{0,16}的(?:比例|比重)$")
_PEOPLE = ("名", "人", "户", "位")


# money that arrived against the money planned (资金到位率): more may arrive than was planned (追加,
# 超额配套), so the rate may pass 100% a little; at twice the plan or more, with no word in its sentence
# for the money beyond the plan, it is a figure no report writes (到位率 600% for 60 万元 of 60 万元 planned)
_ARRIVAL = ("资金到位率", "到位率")
FAR = 200
_EXCESS = re.compile(r"超|追加|配套|调增|增加|增拨|多于|额外|补充|另行")


@cache
def _shares() -> tuple[str, ...]:
    return tuple(sorted(_rates_toml()["shares"]["names"], key=len, reverse=True))


class ShareOverHundred(Rule):
    """
    做什么
        找出写成大于 100% 的“部分占全体”的比率：合格率、满意度、知晓率、覆盖率、达标率、
        参保率、接种率、办结率、整改率、问卷回收率等（名单在 linter/data/rates.toml 的 [shares]）。
        它们是“符合条件的个数 ÷ 全体个数”，最多 100%。

        同一句前面数过一群人（“农技人员 120 名”）、比率写作“使用 / 参加 / 参与 / 掌握 / 知晓 / 享受 /
        接受 / 持证 / 达标 / 合格 / 满意 / 签约 / 参保 / 就业……的比例（比重）”时，它是这群人中做了这件事的
        比例，也最多 100%。

        资金到位率（实际到位资金 ÷ 计划资金）可以因追加、超额配套略超 100%，不算“部分占全体”；但写到
        200% 以上（到位的钱是计划的两倍以上），而这句话里没有说多出来的钱（超、追加、配套、调增、增加、
        增拨、额外、补充……）时，报提醒（warning）：真实的报告不会不加说明地写“到位率 600%”。
        只看比率名称紧接在数字前的写法（“抽检合格率 98.5%”“群众满意度达 96%”，
        中间可有“为、达、均、都”等）。表格里单独占一格的百分数，名称是同一行里它前面最近的一格文字（中间只隔着
        “≥90%”之类的目标值格）：“| 服务对象满意度 | ≥90% | 190% |”。不看：比率的变化（“合格率较上年提高 12%”“满意度提升”），
        可能超过 100% 的比率（执行率、完成率、使用率可超计划，到位率只看上面说的 200% 以上；毛入学率、巩固率、
        普及率按口径可超过 100%；成本之类的回收率；增长率），没有名称的百分数，以及整数部分四位以上的百分数
        （表格压平后分值和比率连在一起，“合格率 20 | 100%”读成“合格率20100%”）。

    为什么是问题
        合格的不可能比检查的多，满意的不可能比调查的多：大于 100% 的合格率或满意度
        不是多打了一位数字，就是把别的数（完成数、增长幅度）写成了比率，
        读者无从知道真实的值。

    示例
        错误：全年抽检食品 200 批次，抽检合格率 300%。

        错误：文化下乡经费计划安排 45 万元，资金到位率 600%。

        正确：全年抽检食品 200 批次，抽检合格率 100%。

        正确：县级配套资金追加 20 万元，资金到位率 120%。
    """

    code = "JX113"
    name = "share-over-hundred"
    category = "ratio"
    severity = "error"
    summary_zh = "部分占全体的比率（合格率、满意度等）大于 100%"
    summary_en = "a rate of a part of a whole (pass rate, satisfaction) above 100%"
    messages = {
        "arrival": (
            "{name}写作 {stated}，到位的资金是计划的 {times} 倍，而这句话没有说多出的钱从何而来（追加、超额配套之类）：疑为数字写错",
            "{name} is stated as {stated}: {times} times the money planned arrived, and the sentence gives no reason (an addition, extra matching funds) — likely a wrong figure",
        ),
        "over": (
            "{name}写作 {stated}，大于 100%：它是部分占全体的比例，最多为 100%",
            "{name} is stated as {stated}, above 100%: it is a part of a whole and cannot exceed 100%",
        ),
    }

    def check(self, doc):
        names = _shares()
        strip = doc.config.vocabulary.strip_fillers
        for pf in doc.facts:
            for q in pf.quantities:
                if q.kind != "percent" or not HUNDRED < q.value < RUN_TOGETHER:
                    continue
                raw = q.raw_label or _row_name(doc, pf, q)
                if not raw:
                    continue
                label = _ADVERB.sub("", strip(raw).rstrip("的之"))
                name = next((n for n in names if label.endswith(n)), None)
                if name is None and _PEOPLE_SHARE.search(label) and any(
                        x.kind == "count" and x.unit in _PEOPLE and x.sentence == q.sentence and x.item < q.item
                        for x in pf.quantities):
                    name = label[-min(len(label), 16):].lstrip("的")  # (…使用平台的比例: of the people counted before)
                if name is None and q.value >= FAR:
                    name = next((n for n in _ARRIVAL if label.endswith(n)), None)
                    if name is not None:
                        if _CHANGE.search(label) or _excess_told(doc, q):
                            continue
                        yield self.report(q.span, "arrival", name=name, stated=fmt(q.value, q.precision) + "%",
                                          times=f"{(q.value / HUNDRED).normalize():f}", severity="warning")
                        continue
                if name is None or _CHANGE.search(label.removesuffix("比例").removesuffix("比重")):
                    continue
                yield self.report(q.span, "over", name=name, stated=fmt(q.value, q.precision) + "%")


# a cell of a percentage and nothing else, a bound before it at most (≥90%, 96%)
_PERCENT_CELL = re.compile(r"\s*(?:[≥≤><=＞＜]|不低于|不少于|达到)?\s*\d+(?:\.\d+)?\s*[%％]\s*")


def _row_name(doc, pf, q) -> str:
    """For a percentage alone in a table cell (| 服务对象满意度 | ≥90% | 190% |): the words of the nearest
    cell before it in its row, passing over cells of a percentage only (the target); "" otherwise."""
    para = pf.para
    if para.kind != "cell" or not para.cell or len(pf.quantities) > 2 or not _PERCENT_CELL.fullmatch(para.text):
        return ""
    paragraphs = doc.paragraphs
    k = para.index - 1
    while k >= 0 and paragraphs[k].kind == "cell" and paragraphs[k].row == para.row:
        text = paragraphs[k].text
        if not _PERCENT_CELL.fullmatch(text):
            return "" if any(ch.isdigit() for ch in text) else text.strip()
        k -= 1
    return ""


def _excess_told(doc, q) -> bool:
    """The sentence of ``q`` tells why more money arrived than planned (超额配套, 追加, 调增……)."""
    para = doc.paragraphs[q.para]
    i, j = para.index_of(q.span.start), para.index_of(q.span.end - 1) + 1
    s, e = sentence_of(para, i, j)
    return bool(_EXCESS.search(para.text, s, e))
