from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from ..facts import TextItem
from ..rule import Rule


@functools.cache
def typos() -> dict[str, str]:
    data = tomllib.loads(resources.files("linter").joinpath("data/measure_typos.toml").read_text("utf-8"))
    return dict(data["typos"])


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# a measure of things glued to a unit of money, as all the words between a number and the next
# mark (3万亩元, 2000亩元): two units where one was meant. 次 is left out (3次元 is a word).
_MEASURES = "亩|人|户|个|家|所|吨|公里|千米|平方米|立方米|米|公顷|头|只|株|棵|套|台|辆|间|座|处|项|批|件|份|张|册|场|天|小时"
# a number that counts the parts of a whole or gives a place in a sequence (第3编, 分为3编, 共分6编)
_ORDINAL = re.compile(r"(?:第|分为?|分成)\s*$")
_MONEY = re.compile(r"(?:[万千亿]?元)")
_GLUED = re.compile(rf"[万千百亿]?(?:{_MEASURES})[万千亿]?元")
_MEASURE_UNIT = re.compile(rf"[万千百亿]?(?:{_MEASURES})")


class UnknownMeasureWord(Rule):
    """
    做什么
        找出紧跟在数字后面、形近或音近于量词却不是量词的字（“发表新闻300编”应为“篇”，
        “整改问题5各”应为“个”，“参训20入”应为“人”），并给出应写的量词。
        错字与量词的对应表是数据（linter/data/measure_typos.toml）。

        数字后面先有“万、千、百、亿”的，看这个字后面的一个字（“涉及群众3.5万护”）。
        为避免误报：只看数字与该字之间至多隔空格（或只隔这样一个表示倍数的字）的情形；该字后面若紧接另一个汉字
        （“3编制”“5见习”“2各部门”），视为一个词的开头，不报告；后面紧接数字的（“3向5”）也不报告；
        数字前是“第”或“分、分为、分成”的（“第3编”“教材分为3编”“共分6编”：书的第几部分、分成几部分，
        “编”在这里就是量词）不报告；年份、日期、金额、百分数后的字不看。
        “遍”本身是量词（“播放120遍”），不在表中；“其、珠、加、厂、顿”也不在表中：数字后面的这几个字
        常是表格里被切开的“其中”、地名（“珠江”）、算式（“3加2”）、厂名（“2厂”）或餐数（“助餐3600顿”）。

        也找出数字后面连在一起的两个单位：一个计量单位紧接着一个金额单位（“3万亩元”“2000亩元”
        “5人元”），而且这就是数字与下一个标点之间的全部文字（后面接着别的汉字的，如“3万亩元宝枫”
        “30人元旦”，不报告；“3次元”不看）。两个单位只该有一个，是金额还是数量要看上下文，
        所以不给建议。

    为什么是问题
        量词写错的数读不出是什么的数量，机器也无法把它与别处的同一数量对照；
        多半是输入法选错了字。

    示例
        错误：全年在各类媒体发表新闻300编，阅读量稳步提升。
        （“编”应为“篇”）

        正确：全年在各类媒体发表新闻300篇，阅读量稳步提升。
    """

    code = "JX108"
    name = "unknown-measure-word"
    category = "unit"
    severity = "warning"
    summary_zh = "数字后的量词写错"
    summary_en = "a number followed by a misspelt measure word"
    messages = {
        "typo": (
            "“{number}”后的“{char}”不是量词，应为“{word}”",
            "“{char}” after “{number}” is not a measure word; “{word}” was meant",
        ),
        "glued": (
            "“{number}”后的“{text}”是两个单位连在一起：计量单位“{measure}”和金额单位“{money}”只该有一个",
            "“{text}” after “{number}” is two units run together: either the measure “{measure}” or the money “{money}” was meant",
        ),
    }

    def check(self, doc):
        table = typos()
        for pf in doc.facts:
            items = pf.items
            text = pf.para.text
            # (a paragraph's quantities are among its items, at their index ``item``: only they are looked at)
            for it in pf.quantities:
                i = it.item
                if it.kind not in ("number", "count") or i >= len(items) - 1:
                    continue
                nxt = items[i + 1]
                if it.kind == "count" or (isinstance(nxt, TextItem) and nxt.kind == "TEXT" and "元" in nxt.text):
                    glued = self._glued(doc, pf, it, nxt)
                    if glued is not None:
                        yield glued
                    if it.kind == "count":
                        continue
                if isinstance(nxt, TextItem) and nxt.kind == "SP" and i + 2 < len(items):
                    nxt = items[i + 2]
                if not isinstance(nxt, TextItem) or nxt.kind != "TEXT":
                    continue
                # (a multiplier the number has not taken in comes first: 3.5万护)
                at = nxt.start + (1 if len(nxt.text) > 1 and nxt.text[0] in "万千百亿" else 0)
                ch = text[at]
                if ch not in table:
                    continue
                after = text[at + 1:at + 2]
                if after and (_cjk(after) or after.isdigit()):
                    continue  # (a word: 3编制; a sum or a code: 3向5)
                if _ORDINAL.search(text, 0, pf.para.index_of(it.number_span.start)):
                    continue  # (第3编, 分为3编: a part of a book, not a count)
                word = table[ch]
                span = pf.para.span(at, at + 1)
                yield self.report(span, "typo", suggestion=word, number=doc.quote(it.number_span), char=ch, word=word)

    def _glued(self, doc, pf, q, nxt):
        """The finding for two units glued after quantity ``q`` (3万亩元; 5人 then 元), or None:
        ``nxt``, the item right after it with nothing between, is all the words up to a mark."""
        if not isinstance(nxt, TextItem) or nxt.kind != "TEXT" or "元" not in nxt.text:
            return None
        p = pf.para
        end = nxt.start + len(nxt.text)
        if end < len(p.text) and _cjk(p.text[end]):
            return None  # (a word that begins with 元: 元宝枫, 元旦)
        if q.kind == "count":
            if q.unit == "次" or not _MEASURE_UNIT.fullmatch(q.unit) or not _MONEY.fullmatch(nxt.text):
                return None
            if p.index_of(q.span.end) != nxt.start:
                return None  # (a space between: two cells)
            start = p.index_of(q.number_span.end)
            while p.text[start].isspace():
                start += 1
            measure, money = q.unit, nxt.text
        else:
            if not _GLUED.fullmatch(nxt.text) or p.index_of(q.span.end) != nxt.start:
                return None
            cut = _MEASURE_UNIT.match(nxt.text).end()
            start, measure, money = nxt.start, nxt.text[:cut], nxt.text[cut:]
        span = p.span(start, end)
        return self.report(span, "glued", number=doc.quote(q.number_span), text=doc.quote(span), measure=measure, money=money)
