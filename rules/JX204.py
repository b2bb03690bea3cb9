from __future__ import annotations

import re
from decimal import Decimal

from ..arith import fmt
from ..facts import Quantity
from ..rule import Rule
from ..scores import children, summaries, top_level

# A weight, not a score: its label says nothing of 得/扣/加/减.
_NOT_WEIGHT = re.compile(r"得|扣|加|减|超过|最多|最高|不足|每")
_TOTAL_LABEL = re.compile(r"(?:总分|满分|总分值|合计|共计|总计|共|权重合计|分值合计)(?:为|是)?$")
_OPENERS = ("其中", "包括", "包含", "分别为", "分别是")
_CLOSERS = ("合计", "共计", "总计")


def _is_weight(q: Quantity, text: str, i: int) -> bool:
    if q.kind != "score" or _NOT_WEIGHT.search(q.raw_label):
        return False
    return not re.search(r"[≥≤><=]|以上|以下|达到", text[max(0, i - 12):i])


class WeightsSum(Rule):
    """
    做什么
        找出同一级指标的分值（权重）加起来不等于上级分值（或满分 100）的地方。分值是规定的数，按精确值相加：

        1. 文字列举：一个分值后跟“其中/包括/分别为”，再列出各项分值（“预算管理 30 分，其中：预算编制 10 分、
           预算执行 15 分、预算监督 10 分”），或各项分值后跟“合计/共计 N 分”，或句中写明“总分/满分 N 分”；
           列出两项及以上、没有“等”时认为列全，各项之和应等于上级分值；
        2. 章节小结（“……主要考核 3 个三级指标。指标分值 50 分……”）：写明了下级指标个数、且下面正好有这么多个
           下级小结时，各下级小结的分值之和应等于本节分值；写明“N 个一级指标”且一级章节正好 N 个时，
           一级章节的分值之和应为 100。

        不看：得分、扣分、加分（标签带“得、扣、加、减”的数）；评分标准（“≥90%，9 分”）；
        “等”结尾或“主要”“如”引出的不完整列举；个数对不上的章节（可能没有列全）；评分表格（由表格规则检查）。

    为什么是问题
        指标体系的分值是打分的基础：下级分值之和与上级不符，说明指标体系被改过而没有改全，
        或者抄错了某一项，按它算出的总分和等级也就不可靠。

    示例
        错误：预算管理 30 分，其中：预算编制 10 分、预算执行 15 分、预算监督 10 分。

        正确：预算管理 35 分，其中：预算编制 10 分、预算执行 15 分、预算监督 10 分。
    """

    code = "JX204"
    name = "weights-sum"
    category = "score"
    severity = "error"
    summary_zh = "同一级指标的分值之和不等于上级分值或满分"
    summary_en = "the weights of one level of indicators do not add up to their parent's weight (or 100)"
    messages = {
        "prose": (
            "各分项分值之和与总分值不符：总分值 {total} 分，各分项合计 {expr} = {sum} 分，差 {diff} 分",
            "the parts' points do not add up to the whole: {total} for the whole, but {expr} = {sum}, off by {diff}",
        ),
        "section": (
            "下级指标分值之和与本节分值不符：“{title}”分值 {total} 分，{count} 个下级指标合计 {expr} = {sum} 分，差 {diff} 分",
            "the sub-indicators' weights do not add up: “{title}” is worth {total}, its {count} sub-indicators {expr} = {sum}, off by {diff}",
        ),
        "top": (
            "一级指标分值之和不是满分 100 分：{expr} = {sum} 分",
            "the first-level weights do not add up to 100: {expr} = {sum}",
        ),
        "part": ("分项分值 {value} 分", "weight {value}"),
    }

    def check(self, doc):
        yield from self._prose(doc)
        yield from self._sections(doc)

    def _prose(self, doc):
        for pf in doc.facts:
            text = pf.para.text
            for kw in pf.keywords:
                if kw.word not in _OPENERS + _CLOSERS:
                    continue
                # (a paragraph's quantities are its items that are Quantity, in their order: read from
                # them, not from every item of the paragraph once per keyword)
                scores = [x for x in pf.quantities if x.kind == "score" and x.sentence == kw.sentence]
                if not scores:
                    continue
                if kw.word in _OPENERS:
                    before = [q for q in scores if q.item < kw.item and q.depth <= kw.depth]
                    if not before or before[-1].item < kw.item - 4:
                        continue
                    total = before[-1]
                    parts = [q for q in scores if q.item > kw.item and q.depth == kw.depth]
                    # a second opener starts a nested list: stop there
                    nxt = [k for k in pf.keywords if k.item > kw.item and k.sentence == kw.sentence and k.word in _OPENERS + _CLOSERS]
                    if nxt:
                        parts = [q for q in parts if q.item < nxt[0].item]
                    tail = text[pf.para.index_of(parts[-1].span.end):][:8] if parts else ""
                    if "等" in re.split(r"[，。；,;)）]", tail)[0] or re.match(r"[:：\s]*(?:主要|部分|如|例如)", text[pf.para.index_of(kw.span.end):]):
                        continue
                else:
                    after = [q for q in scores if q.item > kw.item and q.item <= kw.item + 3]
                    if not after:
                        continue
                    total = after[0]
                    parts = [q for q in scores if q.item < kw.item and q.depth == total.depth]
                    prior = [k for k in pf.keywords if k.item < kw.item and k.sentence == kw.sentence]
                    if prior:
                        parts = [q for q in parts if q.item > prior[-1].item]
                if len(parts) < 2:
                    continue
                if not all(_is_weight(q, text, pf.para.index_of(q.span.start)) for q in parts + [total]):
                    continue
                s = sum((q.value for q in parts), Decimal(0))
                doc.note_claim(s == total.value)
                if s == total.value:
                    continue
                yield self._finding("prose", total, parts, total_text=fmt(total.value, total.precision))

    def _sections(self, doc):
        items = summaries(doc)
        for k, s in enumerate(items):
            kids = children(items, k)
            if not kids or s.count != len(kids):
                continue
            total = sum((kid.max.value for kid in kids), Decimal(0))
            doc.note_claim(total == s.max.value)
            if total == s.max.value:
                continue
            yield self._finding("section", s.max, [kid.max for kid in kids], total_text=fmt(s.max.value, s.max.precision),
                                title=s.title or "本节", count=len(kids))
        tops = top_level(items)
        stated = [int(m.group(1)) for p in doc.paragraphs if "一级指标" in p.text
                  for m in re.finditer(r"(\d+)\s*个\s*一级指标", p.text)]
        if tops and stated and stated[0] == len(tops):
            total = sum((t.max.value for t in tops), Decimal(0))
            doc.note_claim(total == 100)
            if total != 100:
                maxes = [t.max for t in tops]
                yield self.report(
                    maxes[0].span, "top", expr=" + ".join(_num(m) for m in maxes), sum=_fmt(total, maxes),
                    related=[self.related(m.span, "part", value=_num(m)) for m in maxes[1:]],
                )

    def _finding(self, key, total, parts, total_text, **extra):
        s = sum((p.value for p in parts), Decimal(0))
        return self.report(
            total.span, key, total=total_text, expr=" + ".join(_num(p) for p in parts), sum=_fmt(s, parts + [total]),
            diff=_fmt(abs(s - total.value), parts + [total]),
            related=[self.related(p.span, "part", value=_num(p)) for p in parts], **extra,
        )


def _num(n) -> str:
    return fmt(n.value, n.precision)


def _fmt(value, numbers) -> str:
    return fmt(value, max(n.precision for n in numbers))
