from __future__ import annotations

import functools
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


class UnknownMeasureWord(Rule):
    """
    做什么
        找出紧跟在数字后面、形近或音近于量词却不是量词的字（“发表新闻300编”应为“篇”，
        “整改问题5各”应为“个”，“参训20入”应为“人”），并给出应写的量词。
        错字与量词的对应表是数据（linter/data/measure_typos.toml）。

        为避免误报：只看数字与该字之间至多隔空格的情形；该字后面若紧接另一个汉字
        （“3编制”“5见习”“2各部门”），视为一个词的开头，不报告；年份、日期、金额、
        百分数后的字不看。

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
    }

    def check(self, doc):
        table = typos()
        for pf in doc.facts:
            items = pf.items
            text = pf.para.text
            # (a paragraph's quantities are among its items, at their index ``item``: only they are looked at)
            for it in pf.quantities:
                i = it.item
                if it.kind != "number" or i >= len(items) - 1:
                    continue
                nxt = items[i + 1]
                if isinstance(nxt, TextItem) and nxt.kind == "SP" and i + 2 < len(items):
                    nxt = items[i + 2]
                if not isinstance(nxt, TextItem) or nxt.kind != "TEXT":
                    continue
                ch = nxt.text[0]
                if ch not in table:
                    continue
                after = text[nxt.start + 1:nxt.start + 2]
                if after and _cjk(after):
                    continue
                word = table[ch]
                span = pf.para.span(nxt.start, nxt.start + 1)
                yield self.report(span, "typo", suggestion=word, number=doc.quote(it.number_span), char=ch, word=word)
