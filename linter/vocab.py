"""The vocabulary of budget terms (``data/vocabulary.toml``), and label normalisation."""
from __future__ import annotations

import functools
import tomllib
from importlib import resources

import attrs


@attrs.frozen
class Vocabulary:
    variants: dict  # spelling -> canonical, canonical included
    scopes: tuple[str, ...]
    fillers: tuple[str, ...]
    attributes: tuple[str, ...] = ()
    # labels recur all through a report: each raw label is worked out once (not copied
    # by ``attrs.evolve``, so a vocabulary with other synonyms starts its own)
    _memo: dict = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def canonical(self, raw: str) -> str:
        """The canonical label ``raw`` ends with, kept with its scope word; "" if none."""
        key = ("canonical", raw)
        found = self._memo.get(key)
        if found is None:
            found = self._remember(key, self._canonical(raw))
        return found

    def _canonical(self, raw: str) -> str:
        head, best = self.split(raw)
        if not best:
            return ""
        label = self.variants[best]
        for scope in self.scopes:
            if head.endswith(scope) and not label.startswith(scope):
                return scope + label
        return label

    def split(self, raw: str) -> tuple[str, str]:
        """``raw`` without its fillers, split before the longest vocabulary term it ends with:
        (the words before the term, the term as written), or (all of it, "") when it ends with none."""
        key = ("split", raw)
        found = self._memo.get(key)
        if found is None:
            text = self.strip_fillers(raw)
            found = (text, "")
            for n in range(min(len(text), 16), 1, -1):
                if text[-n:] in self.variants:
                    found = (text[:-n], text[-n:])
                    break
            found = self._remember(key, found)
        return found

    def is_attribute(self, raw: str) -> bool:
        """A label such as 净值 that describes the figure before it."""
        text = raw.strip()
        return text.startswith(self.attributes)

    def strip_fillers(self, raw: str) -> str:
        key = ("strip", raw)
        found = self._memo.get(key)
        if found is None:
            found = self._remember(key, self._strip_fillers(raw))
        return found

    def _remember(self, key: tuple, value):
        if len(self._memo) >= 100_000:  # one vocabulary serves a whole batch: stay bounded
            self._memo.clear()
        self._memo[key] = value
        return value

    def _strip_fillers(self, raw: str) -> str:
        text = raw.strip()
        changed = True
        while changed and text:
            changed = False
            for word in self.fillers:
                if text.endswith(word) and len(text) > len(word):
                    if word == "计" and text[-2] in _WORDS_IN_JI:
                        continue  # 累计, 统计, 审计……: a word of the label, not 计 (counting to)
                    if word == "达" and text[-2] in _WORDS_IN_DA:
                        continue  # 下达, 送达, 到达……: a word of the label, not 达 (reaching)
                    if word == "约" and text[-2] in WORDS_IN_YUE:
                        continue  # 签约, 节约, 预约……: a word of the label, not 约 (about)
                    text = text[: -len(word)].rstrip()
                    changed = True
        return text

    def with_synonyms(self, extra: dict[str, list[str]]) -> "Vocabulary":
        variants = dict(self.variants)
        for canonical, spellings in extra.items():
            variants[canonical] = canonical
            for s in spellings:
                variants[s] = canonical
        return attrs.evolve(self, variants=variants)


# the characters that make a word with 计 after them (累计 完成 a is no 累 + 计 a)
_WORDS_IN_JI = frozenset("累统审预设会估")
_WORDS_IN_DA = frozenset("下送传抵到转")
# (and with 约: 签约, 节约 … are no 约 of an approximate figure either, see linter.rates)
WORDS_IN_YUE = frozenset("签节预合履违集制特公条缔续解")


@functools.cache
def default_vocabulary() -> Vocabulary:
    data = tomllib.loads(resources.files("linter").joinpath("data/vocabulary.toml").read_text("utf-8"))
    variants: dict[str, str] = {}
    for canonical, spellings in data["terms"].items():
        variants[canonical] = canonical
        for s in spellings:
            variants[s] = canonical
    return Vocabulary(
        variants=variants,
        scopes=tuple(sorted(data["scopes"]["words"], key=len, reverse=True)),
        fillers=tuple(sorted(data["fillers"]["trailing"], key=len, reverse=True)),
        attributes=tuple(data["attributes"]["words"]),
    )

