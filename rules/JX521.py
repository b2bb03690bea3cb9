from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from ..rule import Rule

_WORD_TWICE = re.compile(r"([\u4e00-\u9fff]{2,8})\1")


@cache
def _data() -> dict:
    return tomllib.loads(resources.files("linter").joinpath("data/text.toml").read_text("utf-8"))


class DoubledWord(Rule):
    """
    做什么
        找出紧挨着写了两遍的词：
        - 2 到 8 个汉字连写两遍（“退休人员人员”“工作工作”），动词的 ABAB 重叠
          （“研究研究”）和“一个一个”这类“一X一X”除外，例外表在 linter/data/text.toml；
        - 单字只查“的的”（字表同样在 text.toml），“目的的”“的的确确”等除外。
        只比较同一段落内的文字（硬换行已接上），标点、数字隔开的不算。

        不报告：其他单字重叠（常常、人人、年年、天天、一一、个个、认认真真），
        以及跨词边界的相同字（“湛江市市直”“委员会会议”“针对对象”“参与与否”）——
        它们大多是正常写法；
        中间隔着标点或空格的重复（“人员，人员”）。

    为什么是问题
        重复的词是编辑时复制粘贴或删改留下的痕迹，读起来明显不通，
        也让人怀疑旁边的数字是否同样没有核对。

    示例
        错误：现有在职人员 53 人，退休人员人员 29 人。

        正确：现有在职人员 53 人，退休人员 29 人。
    """

    code = "JX521"
    name = "doubled-word"
    category = "text"
    severity = "warning"
    summary_zh = "同一个词连写了两遍"
    summary_en = "a word written twice in a row"
    messages = {
        "doubled": ("“{word}”连写了两遍：“{text}”", "“{word}” is written twice: “{text}”"),
    }

    def check(self, doc):
        data = _data()
        allowed = set(data.get("reduplicated_words", ()))
        chars = data.get("function_chars", "")
        idioms = data.get("function_char_idioms", ())
        single = re.compile("([" + re.escape(chars) + "])\\1") if chars else None
        for p in doc.paragraphs:
            text = p.text
            for m in _WORD_TWICE.finditer(text):
                word = m.group(1)
                if word in allowed or (len(word) == 2 and word[0] == "一"):
                    continue
                yield self._finding(doc, p, m.start(), m.end(), word)
            if single is None:
                continue
            for m in single.finditer(text):
                if any(_inside(text, m.start(), idiom) for idiom in idioms):
                    continue
                yield self._finding(doc, p, m.start(), m.end(), m.group(1))

    def _finding(self, doc, p, i, j, word):
        span = p.span(i, j)
        return self.report(span, "doubled", word=word, text=p.text[i:j], suggestion=word)


def _inside(text: str, i: int, idiom: str) -> bool:
    """Whether text[i:i+2] is part of an occurrence of ``idiom``."""
    for k in range(max(0, i - len(idiom) + 2), i + 1):
        if text.startswith(idiom, k):
            return True
    return False
