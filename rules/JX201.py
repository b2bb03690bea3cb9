from __future__ import annotations

import re
from ..arith import fmt
from ..dates import sentence_start
from ..facts import Quantity
from ..rule import Rule
from ..scores import bare_totals, ceiling, criterion_window, listed_totals, stated_maximum, total_scores

# Words that make a score the report's total self-evaluation score.
_TOTAL_WORDS = re.compile(r"(?:自评|评价|综合|总|绩效|最终)\s*得\s*分|(?:自评|综合|最终)得$|总分|自评分|评价分|得分为|评分为|得分$")
# Words that make a score a maximum rather than a result.
_MAX_WORDS = re.compile(r"分值|满分|权重|总分值|标准分|计分")
# the name of a first-level indicator of a scoring scheme closing a score's label (产出指标 40 分,
# 项目决策 15 分, a form's 项目 绩效 85 分): its points are part of the whole scheme's
_INDICATOR_NAME = re.compile(r"(?:(?:项目|部门|整体)?(?:决策|过程|产出|效益|效果|绩效|满意度)|项目管理)(?:指标)?$")
# a scale or a range, not points given (满意度 150 分制, 绩效 120 分以上)
_SCALE_OR_RANGE = re.compile(r"\s*(?:制|以上|以下|以内|及以上|及以下|左右|上下|[～~至到\-—])")
_GOT_WORDS = re.compile(r"得分|得$|评分|自评|扣")


class ScoreOutOfRange(Rule):
    """
    做什么
        检查分数是否超出可能的范围：
        - 自评总得分（“自评得分为 N 分”“综合得分”“评价分”“总分”等）大于 100 分或小于 0 分；
          总得分标签后接“分别为 / 分别是”、再逐项写出各子项（子资金、子项目）名称和分数的
          （“绩效自评得分分别为：租赁补贴 92 分，棚户区改造 105 分”，至少两项，到句末为止；
          名称是指标、评分标准、分值、扣分的项不算），每一项都是该子项的总得分，同样看待；
        - 同一句中先写指标分值（“分值 10 分”“满分 10 分”“权重 10 分”），再写得分
          （“得分 12 分”“得 12 分”），得分大于分值；
        - 标签以评分体系的一级指标名称结尾的分数（“产出指标 40 分”“项目决策 15 分”，表单压成一行的
          “项目 绩效 85 分”；决策、过程、产出、效益、效果、绩效、满意度、项目管理，可带“指标”），
          不论是分值还是得分，大于全部指标的总分（100 分，或报告写的满分、上限、100 加上加分）。
          别的名称的分数（“中考平均成绩 520 分”）、分制和范围（“150 分制”“120 分以上”）不在此列。
        只看明确标为得分的数：评分标准（“结果=100%，得10分”）、分值本身、扣分不在此列。
        PDF 里保留下来的换行把“自评得分”留在上一行末尾（后面没有标点或只有冒号）、
        “90 分”在下一行开头时，仍按自评总得分看；表格单元格不这样连读。
        不带“分”字的总得分（“自评得分103，评价等级为优”）按 JX203 的条件读（标签点明是总得分，数紧跟着逗号、分号或句号，
        同一句里它后面写了等级），同样看待。
        填在冒号后的分数（“自评得分：96 分”，表单连成一行的“自评总分: 95 分”）按冒号前的
        字段名看；表格里单独一格的分数（“总分 | 96.5分 |”）按左边紧挨的一格的名称看，
        只在这一行没有别的数时（“总分 | 100 | 96.5分”里哪一格是总得分无从知道）。
        “分值”通常是指标的权重（满分），只有一种写法例外：“评价分值：”“评价得分：”后面
        同一行（同一格）紧接着是“评价等级：”或“评价等级为”（第三方评价报告封面的
        “评价分值：88.64分 评价等级：良”；封面做成表格时是右边紧挨的一格写“评价等级”：“评价分值 | 88.64分 | 评价等级 | 良”），
        这个分数是本次评价的总得分；标签带指标名的
        （“产出指标评价分值”）、后面不是评价等级的，仍按分值看。

        加分：满分 100 分只在报告自己没有说可以更高时适用。报告写了加分（“加分项”“附加分”
        “奖励分”“累计加分”，不含“追加分配”“增加分值”之类）或写了高于 100 分的满分
        （“满分为 120 分”“总分值 110 分”，同一句后面写了所得分数的“总分 150 分，本项目得分 138 分”，
        或分制“实行 150 分制”“千分制”）时，上限按报告所写：
        写了总分上限（“加分后总分不能超过 100 分”）取上限；否则写了高于 100 的满分取满分；
        否则取 100 分加上报告写的最大的加分数（“另设加分项 10 分”→ 110 分；“含加分项 3 分”→ 103 分）；
        只提到加分而没有写分数时，无法知道上限，总得分高于 100 分不报告。
        报告没有提到加分，总得分高于 100 分照常报告（即使考核办法实际可能有加分）；
        只有一种情形例外：给出总得分的同一句在它之前写明按某个考核办法打分（“根据……绩效评价
        及考核办法要求，……自评得分 102.5 分”；考核办法、考核细则、考核评分标准之类）——
        这类考核常在 100 分的基础分之外设加分指标，而报告没有写上限，无从核对，不报告。
        考核办法只在别的句子里提到、或只是“评价办法”时照常报告；报告写了上限时按上限。
        消息写出报告中说明上限的那一处（相关位置）。

    为什么是问题
        百分制的总分不可能超过 100 分，某项指标的得分也不可能超过它的分值。
        出现这种数字，说明加总算错、把分值当成了得分，或者抄错了数。

    示例
        错误：经评价，本单位 2023 年整体支出自评得分为 101 分，自评等级为优。

        正确：经评价，本单位 2023 年整体支出自评得分为 96 分，自评等级为优。

        正确：考核另设加分项 5 分，本单位整体支出自评得分为 101 分（含加分 2 分）。
    """

    code = "JX201"
    name = "score-out-of-range"
    category = "score"
    severity = "error"
    summary_zh = "得分超出可能的范围（总分超过 100 或低于 0，得分超过分值）"
    summary_en = "a score out of its possible range (total above 100 or below 0, a score above its maximum)"
    messages = {
        "total-high": ("自评总得分 {score} 分超过满分 100 分", "the total score {score} exceeds the maximum of 100"),
        "total-cap": (
            "自评总得分 {score} 分超过报告规定的总分上限 {max} 分",
            "the total score {score} exceeds the cap of {max} the report sets",
        ),
        "total-full": (
            "自评总得分 {score} 分超过报告写的满分 {max} 分",
            "the total score {score} exceeds the maximum of {max} the report states",
        ),
        "total-bonus": (
            "自评总得分 {score} 分超过满分 100 分加上报告写的加分 {bonus} 分，即 {max} 分",
            "the total score {score} exceeds the maximum of 100 plus the bonus of {bonus} the report states, {max}",
        ),
        "said": ("报告写的{what} {value} 分", "{what_en} stated: {value}"),
        "total-low": ("自评总得分 {score} 分小于 0 分", "the total score {score} is below 0"),
        "sub-high": (
            "得分 {score} 分超过该项分值 {max} 分",
            "the score {score} exceeds the item's maximum of {max}",
        ),
        "max": ("分值 {max} 分", "maximum {max}"),
        "part-high": (
            "指标“{name}”的分数 {score} 分超过总分 {max} 分：一项指标的分值或得分不能超过全部指标的总分",
            "the indicator “{name}” has {score} points, more than the whole scheme's {max}",
        ),
    }

    def check(self, doc):
        totals = {q.span for q in total_scores(doc)}  # with a label on the line above, too
        totals.update(q.span for ls in listed_totals(doc) for q in ls.items)  # 得分分别为：A 92 分，B 105 分
        top = ceiling(doc)
        for pf in doc.facts:
            scores = [q for q in pf.quantities if q.kind == "score"]
            if not scores:
                continue
            last_max: Quantity | None = None
            for q in scores:
                label = q.raw_label
                if _MAX_WORDS.search(label) or stated_maximum(pf, q):  # (总分 150 分，本项目得分 138 分)
                    if last_max is None or last_max.sentence != q.sentence:
                        last_max = q
                    continue
                if (_TOTAL_WORDS.search(label) or q.span in totals) and not _is_criterion(pf, q):
                    if top.why == "plain" and q.value > top.value and _under_assessment(pf, q):
                        continue  # a 考核 scheme the sentence scores by may add bonus points
                    if top.value is not None and q.value > top.value:
                        yield self._too_high(q, top)
                        continue
                    if q.value > 100:
                        continue  # bonus points the report names allow it
                    if q.value < 0:
                        yield self.report(q.span, "total-low", score=fmt(q.value, q.precision))
                        continue
                elif top.value is not None and q.value > top.value and not _is_criterion(pf, q):
                    m = _INDICATOR_NAME.search(label.replace(" ", ""))
                    if m and not _SCALE_OR_RANGE.match(pf.para.text, pf.para.index_of(q.span.end)):
                        # 产出指标 40 分 项目绩效 85 分: one part of the scheme, weight or score
                        yield self.report(q.span, "part-high", name=m.group(0), score=fmt(q.value, q.precision),
                                          max=_plain(top.value))
                        continue
                if (
                    last_max is not None
                    and last_max.sentence == q.sentence
                    and _GOT_WORDS.search(label)
                    and not label.startswith("扣")
                    and q.value > last_max.value
                    and not _is_criterion(pf, q)
                ):
                    yield self.report(
                        q.span, "sub-high",
                        score=fmt(q.value, q.precision), max=fmt(last_max.value, last_max.precision),
                        related=[self.related(last_max.span, "max", max=fmt(last_max.value, last_max.precision))],
                    )


        for q in bare_totals(doc):  # 自评得分103，评价等级为优: a total written without 分
            if top.value is None or q.value <= top.value or q.span in totals:
                continue
            if top.why == "plain" and _under_assessment(doc.facts[q.para], q):
                continue
            yield self._too_high(q, top)

    def _too_high(self, q, top):
        score = fmt(q.value, q.precision)
        if top.why == "plain":
            return self.report(q.span, "total-high", score=score)
        what = {"cap": ("总分上限", "the cap"), "full": ("满分", "the maximum"), "bonus": ("加分", "the bonus")}[top.why]
        said = _plain(top.bonus if top.why == "bonus" else top.value)
        return self.report(
            q.span, f"total-{top.why}", score=score, max=_plain(top.value), bonus=said,
            related=[self.related(top.span, "said", what=what[0], what_en=what[1], value=said)],
        )


def _plain(value) -> str:
    """110, 3, 2.5: a stated figure without trailing zeros."""
    return f"{value.normalize():f}"


# an assessment scheme (考核办法, 考核细则, 考核评分标准 …): such schemes commonly add bonus
# points (加分指标) to a base of 100, whether or not the report repeats them
_ASSESSMENT = re.compile(r"考核(?:办法|细则|实施细则|实施方案|方案|评分标准|评分办法|指标体系)")


def _under_assessment(pf, q: Quantity) -> bool:
    """The sentence of ``q``, up to it, names an assessment scheme (根据……考核办法要求，
    ……自评得分 N 分): the score is given by that scheme, whose maximum the report does not state."""
    text = pf.para.text
    i = pf.para.index_of(q.span.start)
    start = sentence_start(text, i)
    return _ASSESSMENT.search(text, start, i) is not None


_CRITERION_WORDS = re.compile(r"[≥≤><=]|以上|以下|不足|达到|每")  # (compiled once: asked at every score)


def _is_criterion(pf, q: Quantity) -> bool:
    """A scoring criterion (结果=100%，得10分；…≥90%，得9分) states no result."""
    text = pf.para.text
    k, stop = criterion_window(text, pf.para.index_of(q.span.start))  # (its sentence; not 得分达到's 达到)
    return bool(_CRITERION_WORDS.search(text, k, stop))
