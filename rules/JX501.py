from __future__ import annotations

import bisect
import re
from collections import defaultdict
from decimal import Decimal

from ..arith import interval_cache
from ..figures import mentions
from ..rule import MAX_SHOWN, Rule
from ..scores import project_opening, total_scores
from ..structure import family, outline
from ..tables import DONE_WORDS, TARGET_TABLE_ROWS, TARGET_WORDS, interval_of as _interval_of, names_target, shown


# a paragraph that opens with the name of a place or a unit (甲乡申请…, 乙县财政局…): its
# figures are that entity's, when other paragraphs give the same figures for other entities
_LEAD = re.compile(r"(?:\s*(?:[一二三四五六七八九十\d]{1,3}[、.]|\([一二三四五六七八九十\d]{1,3}\)))*\s*")
_ENTITY = re.compile(
    r"[\u4e00-\u9fff]{2,6}?(?:自治州|自治县|街道|社区|合作社|幼儿园|中学|小学|学校|公司|中心|"
    r"省|市|州|盟|区|县|旗|镇|乡|村|局|委|院|校|站|所|队)(?![级场直属内外域])")
# words that make the opening no name: a whole or the report's own (全县, 本局, 各乡镇, 项目区),
# or a clause that opens with a verb or a preposition (根据省…, 一是加强区…, 经过对甲市…)
_NOT_A_NAME = re.compile(r"^(?:本|全|该|此|我|各|上述|所有|其他|其余)|项目|资金|经费|补助|补贴|"
                         r"是|对|和|与|及|实际|根据|按照|依据|经过|通过|纳入|加强|坚持|安排|关于|为|在|由|将|向|从|"
                         r"采取|用于|开展|组织|推进|完成|实施")
# a colon label naming a target (年度目标:, 预期目标:), the figures after it up to the next label
_LABEL_NAME = re.compile(r"[^\s:。；;，,!?]{2,20}$")
_ACTUAL = re.compile(r"实际|完成情况|已完成|完成了")
# what may follow the name in a heading that names a place or unit (1.甲乡 / (二)乙县基本情况)
_NAME_TITLE = re.compile(r"(?:的)?(?:基本|工作|项目|资金)?(?:情况|概况)?\s*[。.:]?")
_STOP = re.compile(r"[。;!?！？]")  # what ends a sentence (folded text: ； is ;)
_HEADER_LINE = re.compile(r"[^，,。；;:!?！？]{2,24}:?")
_TITLE = re.compile(r"表|报告|自评|评价|\.[A-Za-z]{2,4}$")  # a table's or a file's title names no column
_REACH = 1000  # characters before a figure that its list's label is looked for in


def _text(m) -> str:
    unit = m.q.unit if m.q.kind != "percent" else "%"
    return f"{shown(m.q)}{'' if unit == '%' else ' '}{unit}".strip()


_COLUMNS = {"col:budget": "预算数", "col:spent": "支出数", "col:rate": "比率", "col:score": "得分",
            "col:score-max": "分值", "col:amount": "金额"}


def _name(label: str) -> str:
    """A figure's key label as a reader says it: a table column by its name, qualifying
    words before the term (年初:预算数 → 年初预算数)."""
    label = label.lstrip("~#")
    if label.startswith("col:"):
        return _COLUMNS.get(label, "数")
    qual, colon, term = label.partition(":")
    return qual + term if colon else label


def _what(m, entity: str = "") -> str:
    # a part of a list is keyed under its whole (全年支出>基本支出): 全年支出中的基本支出
    label = "中的".join(_name(x) for x in m.label.split(">"))
    # (the place or unit a figure is about goes first: 甲乡 2023 年底……, 甲乡的年底……)
    parts = [(entity + (" " if m.period else "的")) if entity and not m.subject else "",
             f"{m.period} 年" if m.period else "", f"“{m.item_text or m.item}”" if m.item else "",
             f"{m.subject}的" if m.subject else "", m.scope, label]
    return "".join(p for p in parts if p)


class ConflictingFigures(Rule):
    """
    做什么
        找出报告中同一个数在不同地方写成不同的值：正文与正文、正文与表格、表格与表格。
        “同一个数”要求五样都相同：

        - 名称：按术语表归一后的名称（“收入预算”与“收入预算数”相同），表格中取列名；
        - 期间：数所在句子写明的年份，没有写明时取表题的年份或被评价年度；
        - 口径：名称前或句中前面的范围词（财政拨款、一般公共预算、项目支出 …；写在名称开头的也算：
      “政府采购实际支出”的口径是政府采购），
          财政拨款与全部资金是不同的数；“其他”“其余”“剩余”项目支出是项目支出的一部分，
          不是项目支出；
        - 主语：句子（或其中一个分句）开头的名词短语，后面接“涉及”“主要建设内容”“全年共”
          “下达”“本年”“当年”“预算”之类（县级资金预算…，一批项目涉及…、二期工程主要建设内容为…、甲类补助资金全年共…、
          县级甲类公益金本年收入…，当年实际支出…、防汛物资储备专项下达资金…，实际支出…；名词短语以
          批、期、标段、村、项目、工程、专项、资金、经费、补助之类结尾）；
          比率另取分句开头、在比率名称之前的任何名词短语（乙类资金当年未使用，预算执行率 0%）。
          同一名称在不同主语下是不同的数，有主语与没有主语的也不比较；
          “本项目”“该资金”之类不算主语；
        - 地方或单位：段落开头的地名或单位名（“甲乡申请……”“乙县财政局……”，“全县”“本局”
          “各乡镇”“根据省……”不算），不以地名或单位名开头时取开头的项目名称（以“项目”“工程”结尾：
          “南村道路建设项目评价总得分为……”，一个代号的“甲项目”“A项目”“项目A”也算，前面可以先写“综上，”“经评价，”；“本项目”“各项目”“重点项目”“通过实施……项目”不算），这样开头的段落里其后以另一个地名开头的句子
          （“……；乙乡申请……”）从那里起是那个地方的；段落本身没有时，取它所在标题的
          （“1.甲乡”下面的段落；标题只是地名，可以加“基本情况”之类），标题没有时取上一级标题的。
          只有同一个数由两个以上不同的地方、单位或项目各自给出时才按它分开比较
          （各乡镇并列的段落给出各自的领取人数、支出数），这时没有写明地方或单位的数
          （全县合计）只与同样没有写明的比较；只有一个地方或单位时照常比较；
        - 事项：句中用引号写出的项目名、表格中本行的项目名（“××工作经费”与“××工作”
          视为同一项目）；金额名称开头写着的费用名（“公务接待费支出决算 a”“因公出国（境）费支出决算 b”：
          那项费用的数，句中前面写的“三公”经费之类不是它的事项，范围词照常取；
          同一句里其后只有名称的分句“年初预算为 b，差值为 c”也是那项费用的数）；
          “A”“B”“C”支出率分别为 x、y、z 按顺序一一对应；
          编号标题下的指标分值、得分（“1.预算编制。指标分值20分，评价得分18分”）
          对应评分表中同名指标的一行（同一指标跨几行、下面几行没有名称时不比较）。

        每个写出的数按位数代表一个区间，两处的区间不能相交才算不一致（四舍五入的差异不报告）。
        一组互相矛盾的数只报告一次，报在较后出现的那一处，其余各处列为相关位置（最多 10 处，
        消息里最多列 10 个不同的值，其余写作“……（共 N 个不同的值）”）。
        单位为 元 与 万元 的同一金额相差在换算舍入范围附近的，以及单位相同、数值正好相差一万倍的，由 JX105 报告。

        不比较：上年数、同比增减、目标值和标准（上年、同比、增长、目标、不低于 …）、
        以“上年”开头的分句及其后各分句中的数（到以“本年”“当年”开头的分句为止；“上年结转”
        “上年结余”是本年的数）、总数与其“其中”所列的部分（部分与总数同名时也不比较；句中引号里的项目名下、各分项只按“预算/支出”
    称呼时，分项之间也不比较：“本年度“三保”支出共a，其中保工资支出b、保运转支出c”；名称开头写着各自的
    范围词的分项也不比较：“人员经费支出预算a，公用经费支出预算b”）、
        括号里的数、一句中有两个不同年份的数、“分别为”后无法一一对应的数、
        “年度目标：”“预期目标：”之类标签后面列出的数（到下一个冒号标签为止，中间写了
        “实际”“完成情况”的除外）；段里没有这样的标签时，紧接在只写着目标的短标题行
        （“年度目标”，表题、文件名除外）之后的一段，以及逐格一行读出的“目标 / 完成情况”
        两行表头之下每两段中的前一段；一段里并排的两组编号（“1、……2、…… 1、……2、……”，
        或第二个“1、”前隔着空格、制表符：表格一行的目标列和完成列压平成一行）中前面一组的数
        （同一个数只取最后一组的）、
        名称不在术语表中的金额和比率。计数（个、件、次 …）没有术语，按数字前面的原文
        名称配对，名称至少六个字（“反馈问题整改事项”），“全年”“累计”之类的词不计；
        “第 N 页”“第 N 次”之类是序数，不是计数，不比较。
        正文中两处写出的报告总得分互相矛盾时、评分表合计行的总得分与正文的总得分互相矛盾时不在这里报告：
        那是 JX202 score-conflict。

    为什么是问题
        同一个数前后不一致，读者无法知道哪个是真的；常见于正文改了、表格或附件没改，
        或者从不同报表抄来的口径不同却用了同一个名称。

    示例
        错误：2023 年收入预算数 612.40 万元。……经核实，2023 年收入预算 655.10 万元。

        正确：2023 年收入预算数 612.40 万元。……经核实，2023 年收入预算 612.40 万元，财政拨款收入预算数 580.00 万元。
    """

    code = "JX501"
    name = "conflicting-figures"
    category = "conflict"
    severity = "error"
    summary_zh = "同一个数在报告中前后不一致"
    summary_en = "the same figure is stated with different values"
    messages = {
        "conflict": (
            "同一个数前后不一致：{what}此处为 {value}，报告中另处为 {others}",
            "the same figure differs: {what} is {value} here but {others} elsewhere in the report",
        ),
        "other": ("{what}此处为 {value}", "{what} is {value} here"),
    }

    def check(self, doc):
        totals = {q.span for q in total_scores(doc)}
        groups = defaultdict(list)
        paras = _Paragraphs(doc)
        for m in mentions(doc):
            if m.where == "prose" and paras.under_target(m):
                continue  # 年度目标:1、新增企业 12 家 — the target, not the figure
            if m.where == "table" and m.label == "自评得分":
                totals.add(m.q.span)  # a whole scoring table's total row: JX202 compares it with the prose
            groups[m.key].append(m)
        for key, ms in groups.items():
            if len(ms) < 2:
                continue
            ms.sort(key=lambda m: m.span.start)
            # same place twice (a figure in a table cell and the prose that repeats the cell): one mention
            uniq, seen = [], set()
            for m in ms:
                if m.span not in seen:
                    seen.add(m.span)
                    uniq.append(m)
            ms = uniq
            # a figure listed after 其中 under a figure of the same key is a part of that
            # figure, not the figure stated again (项目支出 100 万元。其中：…项目支出 60 万元)
            wholes = {m.span for m in ms}
            ms = [m for m in ms if m.whole not in wholes]
            if len(ms) < 2:
                continue
            ms = paras.last_column(ms)
            for entity, part in paras.by_entity(ms):
                if len(part) >= 2:
                    yield from self._group(doc, part, totals, entity)

    def _group(self, doc, ms, totals, entity: str = ""):
        """The mentions ``ms`` of one figure, in order: the finding for the values that clash
        (``entity``: the place or unit they are all about, named in the message)."""
        # (one cache per group, which keeps its ``q`` alive: the intervals of every
        # figure of the report at once would be a tenth of the memory it takes)
        interval_of = interval_cache()
        worst = None
        claims: list[bool] = []  # noted once the group is judged: a pair JX202 reports is its claim
        # earlier figures by what they state (kind, value, precision, unit decide the
        # comparison), so a figure repeated n times costs n comparisons, not n²
        earlier: dict = {}
        # of the earlier figures, the one whose interval ends lowest and the one that
        # starts highest: when both meet a later figure, every earlier one does; when
        # either misses it (and is no 元/万元 slip), it clashes — only otherwise are all
        # the earlier figures gone through, so distinct values cost n, not n², as a rule
        lowest_hi = highest_lo = None
        for j, later in enumerate(ms):
            if j:
                iv_later = interval_of(later.q)
                a, b = interval_of(lowest_hi), interval_of(highest_lo)
                if a.hi >= iv_later.lo and b.lo <= iv_later.hi:
                    clash = False
                elif (a.hi < iv_later.lo and not _conversion_slip(lowest_hi, later.q, interval_of)) or (
                        b.lo > iv_later.hi and not _conversion_slip(highest_lo, later.q, interval_of)):
                    clash = True
                else:
                    clash = any(not interval_of(q).meets(iv_later) and not _conversion_slip(q, later.q, interval_of)
                                for q in earlier.values())
                claims.append(not clash)
                if clash:
                    worst = later
            k = (later.q.kind, later.q.value, later.q.precision, later.q.unit)
            if k not in earlier:
                earlier[k] = later.q
                iv = interval_of(later.q)
                if lowest_hi is None or iv.hi < interval_of(lowest_hi).hi:
                    lowest_hi = later.q
                if highest_lo is None or iv.lo > interval_of(highest_lo).lo:
                    highest_lo = later.q
        others = [m for m in ms if m is not worst]
        clashing = [m for m in others if worst and not interval_of(m.q).meets(interval_of(worst.q))]
        if worst and worst.q.span in totals and all(m.q.span in totals for m in clashing):
            return  # the report's total score stated twice: JX202 score-conflict reports it (and counts it)
        for consistent in claims:
            doc.note_claim(consistent)
        if worst is None:
            return
        shown_others = []
        for m in others:
            if not interval_of(m.q).meets(interval_of(worst.q)):
                t = _text(m)
                if t not in shown_others:
                    shown_others.append(t)
        if not shown_others:
            return
        what = _what(worst, entity)
        # at most MAX_SHOWN other places and values: a figure stated n times costs n, not n²
        related = [self.related(m.span, "other", what=what, value=_text(m)) for m in others[:MAX_SHOWN]]
        n = len(shown_others)
        listed = shown_others[:MAX_SHOWN]
        values = ("、".join(listed), ", ".join(listed))
        if n > MAX_SHOWN:
            values = (f"{values[0]}……（共 {n} 个不同的值）", f"{values[1]} … ({n} different values)")
        yield self.report(worst.span, "conflict", what=what, value=_text(worst), others=values, related=related)


def _conversion_slip(a, b, interval_of=None) -> bool:
    """Two amounts in different units that agree to within 1%, or in one unit 10,000 times
    apart (18.00 元 and 180,000 元: 万 lost): JX105 judges them."""
    if a.kind != "amount" or b.kind != "amount":
        return False
    if a.unit == b.unit:
        return bool(a.value) and (a.value * 10000 == b.value or b.value * 10000 == a.value)
    interval_of = interval_of or _interval_of
    x, y = interval_of(a).mid, interval_of(b).mid
    if x == 0 or y == 0:
        return False
    return abs(x / y - 1) <= Decimal("0.01") or a.value == b.value


class _Paragraphs:
    """What JX501 asks of the paragraphs its figures are in, worked out once per paragraph:
    the entity a paragraph opens with, and where its numbered lists start again at 1."""

    def __init__(self, doc):
        self.doc = doc
        self._opens: dict[int, list[tuple[int, str]]] = {}
        self._headings: dict[int, str] | None = None
        self._restarts: dict[int, list[int]] = {}
        self._targets: set[int] | None = None

    def entity(self, m) -> str:
        """The place or unit prose mention ``m`` is about (甲乡, 乙县财政局), or "": the last
        sentence of its paragraph up to it that opens with one (甲乡申请……；年底……), else
        the heading it is under, or the heading that one is under (1.甲乡 / (1)发放情况)."""
        if m.where != "prose":
            return ""
        i = m.q.para
        opens = self._opens.get(i)
        if opens is None:
            opens = self._opens[i] = self._sentence_names(self.doc.paragraphs[i].text)
        if opens:
            k = bisect.bisect_right(opens, (self.doc.paragraphs[i].index_of(m.q.span.start), "\uffff")) - 1
            if k >= 0:
                return opens[k][1]
        return self._heading(i)

    @staticmethod
    def _name(text: str, at: int = 0) -> str:
        """The place or unit ``text`` opens with at ``at`` (after list markers), or ""."""
        e = _ENTITY.match(text, _LEAD.match(text, at).end())
        if e and not _NOT_A_NAME.search(e.group(0)):
            return e.group(0)
        return project_opening(text, at)  # 南村道路建设项目评价总得分为…: that project's

    def _sentence_names(self, text: str) -> list[tuple[int, str]]:
        """Where the paragraph's sentences that open with a place or unit start, with it."""
        name = self._name(text)
        if not name:
            return []  # (a sentence further on that opens with a name counts only in a paragraph that does)
        out = [(0, name)]
        for e in _STOP.finditer(text):
            name = self._name(text, e.end())
            if name:
                out.append((e.end(), name))
        return out

    def _heading(self, i: int) -> str:
        """The place or unit of the heading paragraph ``i`` is under, or of the heading
        that one is under, and so on; or ""."""
        if self._headings is None:
            o = outline(self.doc)
            self._items = o.items
            self._under = [it for it in o.items if it.marker.at_start and o.scope_kinds[it.scope] == "body"]
            self._under_paras = [it.para for it in self._under]
            self._headings = {}
        k = bisect.bisect_right(self._under_paras, i) - 1
        if k < 0:
            return ""
        j = self._under[k].index
        got = self._headings.get(j)
        if got is None:
            chain, got = [], ""
            while j is not None:
                if j in self._headings:
                    got = self._headings[j]
                    break
                chain.append(j)
                it = self._items[j]
                title = it.title.strip()
                got = self._name(title)
                if got and not _NAME_TITLE.fullmatch(title, len(got)):
                    got = ""  # a heading that is more than a name (一、围绕全区……)
                if got:
                    break
                j = it.parent
            for c in chain:
                self._headings[c] = got
        return got

    def by_entity(self, ms) -> list[tuple[str, list]]:
        """``ms`` split by the entity they are about (:meth:`entity`), each part with its
        name, when at least two different entities give this figure (甲乡 … 领取待遇人数
        5120 人。乙乡 … 领取待遇人数 4310 人: each entity's own figure); as one group with
        no name otherwise. A figure of no named entity (the whole's, or the report's own)
        is then compared only with others of none."""
        names = [self.entity(m) for m in ms]
        if len({n for n in names if n}) < 2:
            return [("", ms)]
        parts: dict[str, list] = {}
        for n, m in zip(names, ms):
            parts.setdefault(n, []).append(m)
        return list(parts.items())

    def restarts(self, i: int) -> list[int]:
        """Where paragraph ``i``'s numbered lists start again at 1 after a 2 or more of the
        same style, or after a 1 of it with a space or tab right before the new 1 (a table
        row run together: its target column, then its result column)."""
        got = self._restarts.get(i)
        if got is None:
            got, high = [], {}
            p = self.doc.paragraphs[i]
            for mk in sorted(self.doc.in_paragraph("markers", i), key=lambda mk: mk.span.start):
                if not mk.after_stop:
                    continue
                style = family(mk.style)
                if mk.ordinal == 1 and style in high:
                    at = p.index_of(mk.span.start)
                    if high[style] >= 2 or (at and p.text[at - 1].isspace()):
                        got.append(mk.span.start)
                        high = {}
                high[style] = max(high.get(style, 0), mk.ordinal)
            self._restarts[i] = got
        return got

    def last_column(self, ms) -> list:
        """``ms`` without the figures of earlier columns: when one paragraph gives the figure
        in two numbered lists side by side (1、…12 家。2、… 1、…15 家。2、…: a row of
        年度目标 / 完成情况 run together), only its last list's figure is kept."""
        by_para: dict[int, list] = {}
        for m in ms:
            if m.where == "prose":
                by_para.setdefault(m.q.para, []).append(m)
        drop = set()
        for i, here in by_para.items():
            if len(here) < 2:
                continue
            starts = self.restarts(i)
            if not starts:
                continue
            column = {m.span: bisect.bisect_right(starts, m.span.start) for m in here}
            last = max(column.values())
            drop.update(s for s, c in column.items() if c < last)
        return [m for m in ms if m.span not in drop] if drop else ms

    def under_target(self, m) -> bool:
        """Whether prose mention ``m`` is a target's figure: in the list after a colon label
        that names a target (年度目标:1、新增企业 12 家。2、… up to the next label), or, with
        no label before it in its paragraph, in a paragraph that a header line names a
        target's (:meth:`_target_paras`); and nothing between the label or the paragraph's
        start and the figure says it is what was done (实际, 完成情况)."""
        p = self.doc.paragraphs[m.q.para]
        qi = p.index_of(m.q.span.start)
        text = p.text
        low = max(0, qi - _REACH)
        c = text.rfind(":", low, qi)
        if c >= 0:
            label = _LABEL_NAME.search(text, max(0, c - 20), c)
            if label is not None and (TARGET_WORDS.search(label.group(0)) or DONE_WORDS.search(label.group(0))):
                # the label decides
                return names_target(label.group(0)) and not _ACTUAL.search(text, c, qi)
        if self._targets is None:
            self._targets = _target_paras(self.doc.paragraphs)
        return m.q.para in self._targets and not _ACTUAL.search(text, low, qi)


def _header_line(text: str | None) -> bool:
    """A short line without punctuation (a colon at its end allowed): a heading or a header cell."""
    return text is not None and len(text) <= 25 and _HEADER_LINE.fullmatch(text) is not None


def _target_paras(paras) -> set[int]:
    """The paragraphs that are a target's text by the header lines above them: the one
    right after a header line naming a target (年度目标 / then 1、…); under a header of two
    such lines, a target's then a completion's (年度目标 / 年度总体目标完成情况: a table read
    one cell per line), the first of each two paragraphs after it."""
    out: set[int] = set()
    # (only short lines are looked at closely: a long one is stripped only to know it is there)
    texts = [(p.text.strip() if len(p.text) <= 40 else p.text) if p.kind != "cell" else None for p in paras]
    n = len(texts)
    for k in range(n - 1):
        t = texts[k]
        if not _header_line(t) or not names_target(t) or _TITLE.search(t):
            continue
        if _header_line(texts[k + 1]):
            if DONE_WORDS.search(texts[k + 1]):
                q = k + 2
                while q < n and q - k - 2 < 2 * TARGET_TABLE_ROWS and texts[q] and not _header_line(texts[q]):
                    if (q - k) % 2 == 0:
                        out.add(q)
                    q += 1
        elif texts[k + 1]:
            out.add(k + 1)
    return out
