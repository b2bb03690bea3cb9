from __future__ import annotations

import re
from decimal import Decimal

from ..arith import UNIT_FACTORS, fmt, interval_of, stated, total
from ..extract import SENTENCE_END
from ..facts import DateRef, Keyword, PunctItem, Quantity, SpaceItem, TextItem, YearRef
from ..rule import Rule

# what is left of the money: 结余 / 结转 / 剩余 / 余额 / 未支出 … (after the fillers 为, 共 …),
# optionally naming the money (结余资金, 结转下年使用资金)
_LEFT = re.compile(
    r"(?:结余|节余|结转(?:下年度?|至下年度?)?|结转和结余|结余结转|结转结余|剩余|余额|^余下?|^余款|^(?:两者|二者)?差额|"
    r"尚?未(?:支出|使用|支付|拨付|执行|兑付|发放|报账)|待(?:支出|使用|支付|拨付|兑付|发放|报账))"
    r"(?:使用)?(?:的)?(?:资金|经费|金额|部分|指标)?$")
# what was spent of it: 支出 / 使用 / 支付 / 拨付 / 执行 / 发放 / 兑付 (实际支出, 已使用资金, 执行数)
_SPENT = re.compile(r"(?:支出|使用|支付|拨付|执行|发放|兑付|列支|报账)(?:了)?(?:的)?(?:资金|经费|金额|数)?"
                    r"(?:(?:给|至|到)[^\d\s，,。；;、]{1,6}?)?(?:%s)?(?:工程款|进度款|货款|补助款|款)?$" % "|".join(
                        ("各乡镇", "各村", "各社区", "各单位", "各地", "各县区", "各学校", "群众", "农户", "村民", "学生")))
# the final accounts' figure of spending (决算数 beside a budget), not of income
_FINAL = re.compile(r"^(?:本年|全年|当年)?(?:支出)?决算数?$")
# what there was: a budget, money released, received or at hand, or money named as such
_BUDGET = re.compile(
    r"(?:预算|预算数|预算资金|预算金额|预算总额|预算指标|资金指标|指标|下达|下达资金|到位|到位资金|安排|安排资金|"
    r"批复|批复资金|批复金额|批复数|下达金额|安排金额|收到|收到资金|到账|到账资金|可支配|可支配资金|可用资金|资金总额|总金额|资金|经费)$")
# money that is not this year's, not a part of a whole, not a price, not a change, not yet
# done, or a surplus put to another use: the figure is no term of budget − spent = left
_NOT_ANY = ("上年", "去年", "往年", "以前年度", "历年", "年初结", "其中", "人均", "户均", "每", "标准", "单价",
            "比上", "较上", "同比", "增加", "减少", "增长", "下降", "率", "用于", "计划", "预计", "拟", "应")
_NOT_BUDGET = _NOT_ANY + ("结余", "节余", "结转", "剩余", "余额", "未", "尚", "待", "支出", "使用", "支付", "拨付", "执行",
                          "发放", "兑付", "收入")
_NOT_SPENT = _NOT_ANY + ("结余", "节余", "结转", "剩余", "余额", "未", "尚", "待")
_NOT_LEFT = _NOT_ANY + ("可",)
# a surplus drawn on (使用结余资金, 动用结转资金): money spent, not what is left
_DRAWN_ON = re.compile(r"(?:使用|动用|支出|安排|统筹|盘活|收回|上缴)了?(?:结余|节余|结转|剩余)")
# budgeted spending (预算支出, 支出预算) is a budget, not what was spent
_BUDGETED_SPENDING = re.compile(r"预算支出$|支出预算数?$|安排(?:下达)?支出$")
# categories of spending: parts of what was spent, not all of it
_CATEGORIES = ("基本支出", "项目支出", "人员支出", "公用支出", "人员经费", "公用经费", "三公经费", "资本性支出")
# words that say when or how much, not whose: what is left of a label after them names its
# subject (中央资金支出 → 中央), which must be the budget's too
_GENERIC = re.compile(
    r"全年|年内|当年度?|本年度?|年度|年底|形成|指标|年末|年终|底|实际|已经|已|全部|共计|合计|总计|累计|共|计|完成|资金|经费|项目|"
    r"预算|财政|该|其|目前|现|截至|截止|至今|为|了|的|部分|总|尚|仍|还|到位|下达|拨付|支付|支出|使用|执行|发放|兑付|"
    r"结余|节余|结转|剩余|余额|未|报账|下年度?|至|和|金额|数|随月|按月|逐月|按季度?|按时|及时|全额|足额|分批|直接|统一|\s|"
    # whom it was paid to (拨付各村, 兑付群众, 各乡镇已报账使用) and what for (工程款): no other money's
    r"各乡镇|各村|各社区|各单位|各地|各县区|各学校|群众|农户|村民|学生|工程款|进度款|货款|补助款|余款|余下|余|"
    # (拨付到项目单位, 支付给施工方: whom it went to; 截至评价日: when)
    r"(?:给|至|到)[^\d\s，,。；;、]{1,6}$|评价日|评价时点|本次评价|日|两者|二者|差额|决算|待")
# the sources money comes from: a budget named by one is only that source's
_SOURCES = ("中央", "省级", "省财政", "市级", "市财政", "州级", "县级", "县财政", "区级", "区财政", "乡级", "镇级", "乡镇",
            "本级", "上级", "地方", "配套", "自筹", "社会资本", "其他资金", "政府性基金", "一般公共预算", "公益金", "专项债")
# 尚有 c 万元 / 还剩 c 万元, then 未支付 / 未使用 …: what is left, named after its figure
_STILL = re.compile(r"(?:尚有|还有|仍有|还剩|尚余|剩)$")
_NOT_YET = re.compile(r"\s*(?:资金|经费|款项)?(?:尚)?未(?:支付|使用|支出|拨付|执行|兑付|发放|报账)")
# the words of a cut-off date before the first figure of a sentence (截至 2023 年底，)
_PRELUDE = re.compile(r"\s*(?:截至到?|截止到?|到|至|目前|当前|年底|年末|月底|底|末|止)*\s*")
_CUT_OFF = re.compile(r"^(?:(?:截至|截止)到?(?:年底|年末|目前)?|底|末|止)+")  # (the tail of a date before a label: 底完成支付)
_UNTIL = re.compile(r"(?:截至|截止)到?\s*$")
_TOTAL_KEYWORDS = frozenset(("合计", "共计", "总计"))
_OPENERS = frozenset(("其中", "包括", "包含", "含", "分别为", "分别是"))
_ROUGH_BEFORE = re.compile(r"(?:约|近|大约|将近|接近|超过|逾|不足|不到)$")
_ROUGH_AFTER = re.compile(r"\s*(?:左右|上下|余|多|以上|以下|以内)")


class BalanceMismatch(Rule):
    """
    做什么
        找出同一笔资金的三个数：有多少（预算、下达、到位、安排、批复、可支配、某某资金、
        “合计”的数），花了多少（支出、使用、支付、拨付、执行、发放、兑付、报账，预算旁边的“决算数”），
        还剩多少（结余、节余、结转、结转下年、剩余、余额、未支出、尚未支付、未拨付、未使用、待报账，“两者差额”），
        核对 预算 − 支出 = 结余。每个数按写出的精度取区间（XBRL Calculations 1.1），
        元、万元、亿元换算后比较，区间不能相交才报告。

        只认下面这种写法，别的都不核对：
        - 剩余的数紧跟在支出的数之后（中间可有百分比，不能有别的金额），在同一句；
          或在下一句（“；”也分句）的开头：那一句在它的名称之前什么都没有，
          支出的数是上一句最后一个金额。“尚有30万元未支付”“还剩5万元未使用”里
          数后面写的“未支付”也使它成为剩余的数；
        - 支出的数前面、同一句里紧挨着的一串金额，每个都是“有多少”的数：其中任何一个、
          或这一串之和与支出、剩余对得上，就不报告（“预算资金100万元，到位资金90万元，
          支出80万元，结余10万元”）；紧挨着支出的数若不是“有多少”的数（上年结转、
          另一笔支出），不核对。支出的数是一句的第一个数、前面只有它的名称和截止日期
          （“截至2023年12月31日，已支出……”），而剩余的数在同一句时，这一串取上一句
          末尾的金额；这时预算的名称里除了时间、“下达、到位、资金”之类的词以外还有
          别的词（“省级资金”“甲子项目资金”）而支出、剩余的名称里没有，不核对
          （下一句可能说的是全部资金）；
        - 剩余的数后面紧跟着的另一个剩余的数（“结转15万元，结余5万元”）与它合起来
          也算一种读法；
        - 支出、剩余的名称里除了时间、“实际、已、共、资金、项目、预算”之类的词以外
          还有别的词（“中央资金支出”里的“中央”，“全县共结余”里的“全县”）时，这个词必须
          也在预算的名称里，否则是另一笔资金，不核对（付给谁、付的是什么款——“拨付各村”“各乡镇已报账
          使用”“兑付群众”“已支付工程款”“拨付到项目单位”——和“截至评价日”之类的时间不算别的词；单写一个“余”“余下”的数是剩余的数）；预算的名称写了资金来源（中央、省级、
          县级、配套、自筹等）、支出和剩余没有写、而同一段里还有别的来源的金额时，
          预算只是其中一个来源的，不核对；
        - 这一句里有“其中、包括、含、分别为”时（分项对总数，由 JX101 核对；括号里的
          “含”“其中”细分的是括号前的数，不算），或从预算
          所在句的开头到剩余的数写了两个不同的年份时（“截至”之后的截止日期不算），不核对。

        不核对的数：上年的、以前年度的、年初结转的（那是带进来的，不是剩下的），
        “累计”的数与不是累计的数（支出与结余一个写“累计”、另一个写“本年、当年、全年”时也不核对），名称里有“其中、用于、人均、标准、比上年、增加、计划、
        预计、应”的数，支出的分类（基本支出、项目支出、人员经费、公用经费等是支出的一部分），
        “预算支出”“安排支出”（那是预算），动用、使用的结余（“动用结余资金30万元”是花掉的），
        收入，约数（“约20万元”“20万元左右”），
        负数，括号里的数，表格单元格里的数，部门决算的年末结转和结余（年初结转也在其中，
        由 JX107 按决算恒等式核对）。“结余20万元用于……”里的 20 万元仍是结余。
        支出多于预算：结余写 0 不报告（确实没有剩下）；结余不为 0 也不报告（说明还有
        别的钱，预算不是全部），除非改一个数的单位就相符。

        若把其中一个数的单位在元和万元之间改一下等式恰好成立，在那个数上报告可能是
        单位写错，并给出改正后的写法；否则在剩余的数上报告，给出按预算和支出算出的
        结余作为建议值。

    为什么是问题
        结余就是预算减去支出。三个数对不上，说明至少有一个抄错或漏改了，
        读者无法判断资金到底用了多少、剩了多少，审核时会被直接指出。

    示例
        错误：下达项目资金100.00万元，实际支出80.00万元，结余30.00万元。
        （100.00 − 80.00 = 20.00，报告写 30.00）

        正确：下达项目资金100.00万元，实际支出80.00万元，结余20.00万元。
    """

    code = "JX114"
    name = "balance-mismatch"
    category = "arithmetic"
    severity = "error"
    summary_zh = "结余与预算减支出不符"
    summary_en = "what is left differs from the budget less what was spent"
    messages = {
        "mismatch": (
            "结余与预算减支出不符：{budget_label} {budget} − {spent_label} {spent} = {computed}，"
            "报告写{left_label} {left}，差 {diff}",
            "what is left is not the budget less what was spent: {budget_label} {budget} − "
            "{spent_label} {spent} = {computed}, but the report says {left_label} {left}, off by {diff}",
        ),
        "unit": (
            "结余与预算减支出不符：{budget_label} {budget} − {spent_label} {spent} = {computed}，"
            "报告写{left_label} {left}；把 {figure} 写成 {fixed} 时恰好相符，可能是单位写错",
            "what is left is not the budget less what was spent: {budget_label} {budget} − "
            "{spent_label} {spent} = {computed}, but the report says {left_label} {left}; with {figure} "
            "written as {fixed} it holds exactly: probably a unit slip",
        ),
        "budget": ("预算：{text}", "budget: {text}"),
        "spent": ("支出：{text}", "spent: {text}"),
        "left": ("结余：{text}", "left: {text}"),
    }

    def check(self, doc):
        vocab = doc.config.vocabulary
        for pf in doc.facts:
            if pf.para.kind == "cell":
                continue
            amounts = [q for q in pf.quantities if q.kind == "amount" and q.depth == 0 and q.unit in UNIT_FACTORS]
            if len(amounts) < 3:
                continue
            for k in range(2, len(amounts)):
                left = amounts[k]
                if left.raw_label and not _LEFT_HINT.search(left.raw_label):
                    continue  # (most figures: no word of a remainder at all)
                triple = _triple(pf, amounts, k, vocab)
                if triple is None:
                    continue
                budgets, spent = triple
                if _holds(budgets, spent, [left, *_more_left(pf, amounts, k, vocab)]):
                    doc.note_claim(True)
                    continue
                slip = _unit_slip(budgets[0], spent, left)
                if slip is None and _overspent(budgets, spent, left):
                    doc.note_claim(None)  # more spent than the budgets and yet something left: other money
                    continue
                doc.note_claim(False)
                yield self._finding(doc, pf, budgets[0], spent, left, slip, vocab)

    def _finding(self, doc, pf, budget, spent, left, slip, vocab):
        # the arithmetic in the finest unit of the three (资金预算 253.7 万元 − 支出 253.66 万元 =
        # 400 元 beside 余额 404 元), the suggestion in the left-over's own unit
        figures = (budget, spent, left)
        fine = min(figures, key=_factor)
        unit, factor = fine.unit, _factor(fine)
        difference = budget.value * _factor(budget) - spent.value * _factor(spent)
        value = difference / factor
        prec = max(_precision_in(q, factor) for q in figures)
        left_value = difference / _factor(left)
        # (as many decimals as the left-over and the figures written in its unit or a larger one)
        left_prec = max(_precision_in(q, _factor(left)) for q in figures if _factor(q) >= _factor(left))
        args = dict(
            budget_label=_shown(pf, budget, vocab, "预算"), budget=_num(budget),
            spent_label=_shown(pf, spent, vocab, "支出"), spent=_num(spent),
            left_label=_left_shown(pf, left, vocab), left=_num(left),
            computed=f"{fmt(value, prec)} {unit}",
        )
        if slip is not None:
            q, new_unit = slip
            fixed = f"{fmt(q.value, q.precision)}{new_unit}"
            others = [(key, x) for key, x in (("budget", budget), ("spent", spent), ("left", left)) if x is not q]
            related = [self.related(x.span, key, text=doc.quote(x.span)) for key, x in others]
            return self.report(q.span, "unit", related=related, suggestion=fixed,
                               figure=doc.quote(q.span), fixed=fixed, **args)
        related = [self.related(budget.span, "budget", text=doc.quote(budget.span)),
                   self.related(spent.span, "spent", text=doc.quote(spent.span))]
        diff = abs(value - left.value * _factor(left) / factor)
        return self.report(left.span, "mismatch", related=related, suggestion=f"{fmt(left_value, left_prec)}{left.unit}",
                           diff=f"{fmt(diff, prec)} {unit}", **args)


# a label that may name what is left (a cheap test before the real one)
_LEFT_HINT = re.compile(r"结余|节余|结转|剩|余|未|待|差额|有\s*$")


# a figure said to be one year's (本年支出), beside one said to be of all years (累计结余)
_ONE_YEAR = re.compile(r"本年|当年|全年|今年|年度")

def _holds(budgets: list[Quantity], spent: Quantity, lefts: list[Quantity]) -> bool:
    """Whether one reading makes budget − spent = left hold: the budget any one of ``budgets``
    or all of them together, what is left ``lefts[0]`` or it with the remainders written right
    after it (结转 a，结余 b)."""
    wholes = [interval_of(b) for b in budgets]
    if len(budgets) > 1:
        wholes.append(total(wholes))
    got = interval_of(spent)
    for x in lefts:
        got = got + interval_of(x)
        if any(w.meets(got) for w in wholes):
            return True
    first = budgets[0]
    # more spent than there was, and 结余为 0: nothing is left, truly
    return lefts[0].value == 0 and spent.value * _factor(spent) > first.value * _factor(first)


def _overspent(budgets: list[Quantity], spent: Quantity, left: Quantity) -> bool:
    """More was spent than all the budgets together, and yet something is said to be left."""
    whole = sum((b.value * _factor(b) for b in budgets), Decimal(0))
    return spent.value * _factor(spent) > whole and left.value > 0


def _more_left(pf, amounts: list[Quantity], k: int, vocab) -> list[Quantity]:
    """The remainders written right after ``amounts[k]`` in its sentence (结转 a，结余 b: what
    is left is their sum)."""
    out = []
    for q in amounts[k + 1:]:
        if q.sentence != amounts[k].sentence or _role(_label(pf, q, vocab), q.label) != "left" or q.negative:
            break
        out.append(q)
    return out


def _factor(q: Quantity) -> Decimal:
    return UNIT_FACTORS[q.unit]


def _precision_in(q: Quantity, factor: Decimal) -> int:
    """The decimals ``q``'s precision amounts to in the unit of ``factor`` (2 decimals of 万元
    are −2 of 元)."""
    shift = (_factor(q) / factor).adjusted()
    return max(0, q.precision - shift)


def _num(q: Quantity) -> str:
    return f"{fmt(q.value, q.precision)} {q.unit}"


def _shown(pf, q: Quantity, vocab, default: str) -> str:
    """The name a message gives ``q``: its label's last word (a flattened table row runs its
    cells together), or ``default`` for a label that is missing or too long to quote."""
    words = _label(pf, q, vocab).split()
    label = _CUT_OFF.sub("", words[-1]) if words else ""
    return label if label and len(label) <= 16 else default


def _left_shown(pf, q: Quantity, vocab) -> str:
    """The name of what is left: its label, or the words after it (尚有 c 万元未支付: 未支付)."""
    if _role(_label(pf, q, vocab), q.label) != "left" and _unspent_after(pf, q):
        return _NOT_YET.match(pf.items[q.item + 1].text).group(0).strip()
    return _shown(pf, q, vocab, "结余")


def _label(pf, q: Quantity, vocab) -> str:
    """The words that name ``q``: its label without the fillers (为, 共, 达 …), or for a figure
    right after 合计 / 共计 / 总计 the words of its clause before the keyword."""
    raw = (q.raw_label or "").strip()
    label = vocab.strip_fillers(raw)  # (共下达 a keeps its 达: the vocabulary leaves 下达 whole)
    if label:
        return label
    before = _item_before(pf, q.item)
    if isinstance(before, Keyword) and before.word in _TOTAL_KEYWORDS:
        return vocab.strip_fillers(_words_before(pf, before.item))
    return ""


def _item_before(pf, index: int):
    """The item before ``index``, spaces skipped."""
    for it in reversed(pf.items[:index]):
        if type(it) is not SpaceItem:
            return it
    return None


def _words_before(pf, index: int) -> str:
    """The plain words right before item ``index``, back to a clause mark or another fact."""
    out = []
    for it in reversed(pf.items[:index]):
        if type(it) is TextItem or type(it) is SpaceItem:
            out.append(it.text)
            continue
        break
    return "".join(reversed(out)).strip()


def _is_total(pf, q: Quantity) -> bool:
    """``q`` comes right after 合计 / 共计 / 总计."""
    before = _item_before(pf, q.item)
    return isinstance(before, Keyword) and before.word in _TOTAL_KEYWORDS


def _rough(pf, q: Quantity) -> bool:
    """约 20 万元, 20 万元左右: an estimate, not a figure to add up."""
    if _ROUGH_BEFORE.search((q.raw_label or "").rstrip()):
        return True
    after = pf.items[q.item + 1] if q.item + 1 < len(pf.items) else None
    return isinstance(after, TextItem) and bool(_ROUGH_AFTER.match(after.text))


def _role(label: str, canonical: str) -> str | None:
    """``"left"``, ``"spent"``, ``"budget"`` or None for a figure named ``label``."""
    if not label:
        return None
    if _LEFT.search(label):
        return None if any(w in label for w in _NOT_LEFT) or _DRAWN_ON.search(label) else "left"
    if canonical in _CATEGORIES or label.endswith(_CATEGORIES):
        return None
    if _BUDGETED_SPENDING.search(label) and not any(w in label for w in ("实际", "已")):
        return None if any(w in label for w in _NOT_ANY) else "budget"
    if _SPENT.search(label) or _FINAL.search(label):
        return None if any(w in label for w in _NOT_SPENT) else "spent"
    if _BUDGET.search(label):
        return None if any(w in label for w in _NOT_BUDGET) else "budget"
    return None


def _subject(label: str) -> str:
    """What a label names besides the time, the verb and the generic money words."""
    return _GENERIC.sub("", label)


def _starts_sentence(pf, q: Quantity) -> bool:
    """Nothing but ``q``'s own label stands before it in its sentence."""
    for it in reversed(pf.items[: q.item]):
        if type(it) is TextItem or type(it) is SpaceItem:
            continue
        if type(it) is PunctItem and it.text in SENTENCE_END:
            return True
        return False
    return True


def _triple(pf, amounts: list[Quantity], k: int, vocab):
    """The budgets (the nearest first) and the figure spent that ``amounts[k]`` is what is left
    of, or None when the three are not plainly of one sum of money."""
    left, spent = amounts[k], amounts[k - 1]
    left_label = _label(pf, left, vocab)
    if _role(left_label, left.label) != "left" and not _unspent_after(pf, left):
        return None
    spent_label = _label(pf, spent, vocab)
    if _role(spent_label, spent.label) != "spent":
        return None
    if left.sentence != spent.sentence:
        # the left-over opening the next sentence, right after the last figure of the one before
        if left.sentence != spent.sentence + 1 or not _starts_sentence(pf, left):
            return None
    # the budgets: the figures right before what was spent in its sentence, or when that
    # sentence opens with it (after a cut-off date at most), at the end of the sentence before
    sentence = spent.sentence
    if k >= 2 and amounts[k - 2].sentence != sentence and left.sentence == sentence and _opens_with(pf, spent):
        sentence -= 1
    budgets = []
    for b in reversed(amounts[: k - 1]):
        if b.sentence != sentence:
            break
        b_label = _label(pf, b, vocab)
        if _role(b_label, b.label) != "budget" and not (not b_label and _is_total(pf, b)):
            break
        budgets.append((b, b_label))
    if not budgets:
        return None
    figures = (spent, left)
    if any(q.negative or q.value < 0 or _rough(pf, q) for q in figures):
        return None
    if left.label == "年末结转和结余" and any(b.label for b, _ in budgets):
        return None  # a department's year-end balance: JX107's identity, 年初结转 in it
    cumulative = "累计" in spent_label or "累计" in left_label
    if ("累计" in spent_label) != ("累计" in left_label) and _ONE_YEAR.search(spent_label + left_label):
        return None  # 累计下达 a，本年支出 b，累计结余 c: one year's spending against all years' balance
    subjects = [s for s in (_subject(spent_label), _subject(left_label)) if s]
    keep = []
    for b, b_label in budgets:
        if b.negative or b.value <= 0 or _rough(pf, b):
            break
        if ("累计" in b_label) != cumulative:
            break  # over several years against one year's, or the other way round
        if any(s not in b_label for s in subjects):
            break  # 中央资金 a，省级资金支出 b: another fund's
        if _between(pf, b, left):
            break  # 其中 / 分别为 or a second year in the sentence
        if _one_source_of_several(pf, b_label, spent_label + left_label, vocab):
            break  # 县级配套资金 a，支出 b，结余 c, with 中央资金 named too: b and c may be of all
        if b.sentence != spent.sentence and _subject(b_label) not in spent_label + left_label:
            break  # 省级资金 a。支出 b，结余 c: the next sentence may speak of all the money
        keep.append(b)
    if not keep:
        return None
    return keep, spent


def _sources(label: str) -> set[str]:
    return {w for w in _SOURCES if w in label}


def _one_source_of_several(pf, b_label: str, others: str, vocab) -> bool:
    """The budget is named as one source of money (中央, 县级, 配套 …) that the figures spent and
    left do not name, and another figure of the paragraph is of another source."""
    mine = _sources(b_label)
    if not mine or any(w in others for w in mine):
        return False
    return any(_sources(_label(pf, q, vocab)) - mine for q in pf.quantities if q.kind == "amount")


def _unspent_after(pf, q: Quantity) -> bool:
    """尚有 c 万元未支付: a figure said to be still there, and not spent right after it."""
    if not _STILL.search((q.raw_label or "").strip()):
        return False
    after = pf.items[q.item + 1] if q.item + 1 < len(pf.items) else None
    return type(after) is TextItem and bool(_NOT_YET.match(after.text))


def _opens_with(pf, q: Quantity) -> bool:
    """``q`` is its sentence's first figure, with nothing before it but its label and a
    cut-off date (截至2023年12月31日，已支出 b)."""
    in_label = True  # (the words right before q are its label)
    for it in reversed(pf.items[: q.item]):
        kind = type(it)
        if kind is SpaceItem:
            continue
        if kind is TextItem:
            if in_label or _PRELUDE.fullmatch(it.text):
                continue
            return False
        in_label = False
        if isinstance(it, (DateRef, YearRef)) or kind is PunctItem and it.text in "，,":
            continue
        return kind is PunctItem and it.text in SENTENCE_END
    return False


def _between(pf, b: Quantity, left: Quantity) -> bool:
    """A breakdown's keyword (其中, 分别为 …) or two different years, from the start of ``b``'s
    sentence to ``left``: a part against a whole, or another year's figure. A cut-off date
    (截至2024年4月底) is when the figures were taken, not the year they are of."""
    years = set()
    sentence = 0
    before = None  # the item before, spaces skipped
    for it in pf.items[: left.item]:
        kind = type(it)
        if kind is SpaceItem:
            continue
        if kind is PunctItem and it.text in SENTENCE_END:
            sentence += 1
        elif sentence >= b.sentence:
            if isinstance(it, YearRef) or isinstance(it, DateRef) and it.year is not None:
                if not (type(before) is TextItem and _UNTIL.search(before.text)):
                    years.add(it.year)
            elif isinstance(it, Keyword) and it.word in _OPENERS and it.depth == 0:
                return True  # (one in parentheses breaks down the figure before it: 资金 a（含上年结转 b）)
        before = it
    return len(years) > 1


def _unit_slip(budget: Quantity, spent: Quantity, left: Quantity):
    """The one figure (and its unit) whose unit, 元 for 万元 or 万元 for 元, makes the sum hold."""
    found = []
    figures = (budget, spent, left)
    for i, q in enumerate(figures):
        if q.unit not in ("元", "万元"):
            continue
        new_unit = "万元" if q.unit == "元" else "元"
        ivs = [interval_of(x) for x in figures]
        ivs[i] = stated(q.value, q.precision).scale(UNIT_FACTORS[new_unit])
        if ivs[0].meets(ivs[1] + ivs[2]):
            found.append((q, new_unit))
    return found[0] if len(found) == 1 else None


