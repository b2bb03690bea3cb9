from __future__ import annotations

import re

from ..extract import cn_number
from ..normalise import MARKER_RE
from ..rule import Rule
from ..structure import scopes

# the measure words of things a list can name one by one (个方面 read before 个, 批次 before 批)
MEASURES = ("个方面", "批次", "个", "家", "所", "项", "名", "人", "座", "条", "支", "处", "类", "批", "次")
# 两 … 九十九 written in characters (一 — 一个: “a”, not a count — is not read; cn_number says which
# runs of numerals are numbers), and the character before them, which must not be a numeral or make
# an ordinal (第三个, 前两项, 每三个)
# (the first numeral apart from the others: the pattern opens with its class, which the engine scans
# for in its own loop instead of trying the pattern at every character)
_CN_COUNT = re.compile(r"([两二三四五六七八九十][两二三四五六七八九十]{0,2})(%s)" % "|".join(MEASURES))
_CN_NOT_AFTER = set("〇零一二三四五六七八九十两百千万第前后每初逐0123456789")
# what a count in characters may follow: no character at all, or a verb or word that comes before a count
# (下设三个, 所属两个, 涉及两类, 共五项, 这三所); after other characters it is a part of a name (规划三处, 刑侦二支)
_CN_BEFORE = set("设有共计了为是的和及与含括属辖建成立置分到达完在这那些")
# before a number: 第 2 次, 前 3 名, 每 2 个 — no count of a list; 等 3 家 — the count closing a list
# written before it (甲局等 3 家单位：…), whose items may be more than those named
_ORDINAL = re.compile(r"[第前后每逐等]\s*$")
# what may follow a count before its list: the counted noun (内设 4 个内设机构), a bracketed
# note (13 个科室（部门）), then 即 / 分别是 / 分别为 (after a comma or not), 为 / 是 right after the
# noun (after a comma they open a clause: 开展培训 12 次，为企业…), or a colon right after the noun
# (with 分别 before it)
_INTRO = re.compile(
    r"(?P<noun>[\u4e00-\u9fff]{0,10}?)\s*(?:\([^()]{1,24}\)\s*)?"
    r"(?:(?:[，,]\s*)?(?P<word>即|分别是|分别为)\s*:?|(?P<bare>为|是)\s*:?|(?:分别\s*)?:)\s*")
# the counted noun is a noun: no words of a clause (1项没有开展评估，即不得分), of an estimate (10余个,
# 3个以上) or of a joined second noun (5个内设机构和政治处)
_NOT_NOUN = re.compile(r"[的了着过没未不已将被把得地和与或及等余多以左并也都均还又就仅只约近超达从自向对按由因于使让给在有]")
# a verb in the counted noun: the words before the list are a clause, what it lists may be something else
# (聘请 3 名专家开展评审：…; 5 个科室包括：… lists only some)
_VERB = re.compile(r"开展|进行|实施|完成|组织|召开|举办|参加|参与|提供|解决|办理|发放|落实|推进|涉及|包括|包含|主要|其中|帮助|做好|加强|实现|确保")
# the verbs before 为 that make it “be rated / made / split into” (评为, 定为, 列为, 分为, 改为, 认定为)
_BECOMES = set("评定列作改成认视称分整设划选转核确归升降变")
# the counted noun and a property of each of them (项目实施单位, 项目类型, 单位等级): the list gives the
# property, which several of them may share
_ATTRIBUTE = re.compile(
    r".(?:实施单位|责任单位|牵头单位|承担单位|主管部门|负责人|地点|时间|内容|类型|性质|规模|面积|长度|数量|情况|进度|"
    r"目标|结果|等级|级别|得分|分值|资金|金额|经费|预算|标准|来源|用途|方式)$")
# an estimate or a bound before the number: not an exact count
_BOUND = re.compile(r"(?:约|近|超过|逾|不少于|不低于|不超过|不高于|至少|最多|多于|少于|≤|≥|<|>|<=|>=)\s*$")
_OPEN, _CLOSE = "(《“‘〔[【「『", ")》”’〕]】」』"
_ITEM_END = "，,。!?"  # what ends a 、-list (besides ；, the paragraph's end and a bracket closing outside it)
_SEMI = ";；"
# words joining the last two items, which a name may also hold (文化和旅游局): each one is one or two items
_JOINER = re.compile(r"以及|和|及|与")
# the 等 that ends a partial list (A、B等单位, 等16个股室), not the one of a name (中等职业学校, 平等, 等级)
_ETC = re.compile(r"(?<![中高初平同均对相])等(?![级候待同])")
# the rest: 其他 / 其余 / 若干 / …… name more things than are listed
_OTHERS = re.compile(r"其他|其它|其余|若干|之一|…|\.\.\.")
# an item numbered inside the list (1.甲单位2.乙单位, (1)甲 (2)乙, ①甲②乙): not a 、-list
_NUMBERED = re.compile(r"(?<![\d.])\d{1,2}[.、](?![\d])|\(\s*[\d一二三四五六七八九十]{1,2}\s*\)|[①-⑳⑴-⒇]|[一二三四五六七八九十]是")
# a figure of money, a rate or a score inside the list: the list gives amounts, not the things counted
_FIGURE_KINDS = ("amount", "percent", "score")
ITEM_WORDS = 30  # characters of an item outside brackets, at most: a longer one is a clause, not a name
_QUOTED_ITEMS = 4  # a longer list is quoted by its first two items and its last


class CountListMismatch(Rule):
    """
    做什么
        找出写了数量又紧跟着逐个列出、而列出的个数与数量不符的地方：“下设事业单位 4 个，即：甲中心、
        乙中心、丙中心。”只列了 3 个，“内设机构 5 个，分别是：办公室、财务股、业务股、人事股。”只列了 4 个。
        数量是阿拉伯数字或“两、三……九十九”，后面跟量词（个、家、所、项、名、人、座、条、支、处、类、批、
        次、个方面），可以再跟被数的名词（“3 个科室”）和一个括注（“13 个科室（部门）”）；列表紧接着由
        “即、分别是、分别为”（前面可有逗号）、紧跟名词的“为、是”，或名词后直接的冒号（可写“分别：”）引出。
        列表的各项以顿号分隔（整个列表都用分号分隔、各项都是短名称时按分号数），括号、书名号、引号里的
        顿号不算；列表到括号外第一个逗号、句号、分号或段末为止，列表里的数量（“甲中心（下设 3 个组）”）
        不影响外面的计数。“和、及、与、以及”可能连接最后两项，也可能是名称的一部分（“文化和旅游局”），所以
        列出的个数是一个范围，数量在范围外才报告；列表以逗号结束而数量多于列出的个数时，逗号后面到句末的
        几段也可能是后续的项，数量不超过连同它们的个数时不报告（算作无法核对）。

        不报告：由“包括、包含、主要有、如、其中”引出的列表（只列一部分）；列表里有“等、等等、其他、其余、
        若干、……”的，数量前紧挨着“等”的（“甲局等 3 家单位：”）；列表只有一项的；数量是一（“一个”多半
        不是计数）、序数（第 2 次、前 3 名、每 2 个）、约数或界限（约、近、超过、不少于、10 余个、≤3 个）的，
        汉字数字前面紧挨着别的字、是名称一部分的（“规划三处”）；同一小句里数量前面还有一个数量的（“2 个
        乡镇 10 个村：”“2 个中心、3 个分站：”，说不清列的是哪一个）；被数的名词带着“的、和、没有、开展、进行……”之类的字（不是
        一个名词，如“1 项没有开展评估，即不得分”“3 个项目进行评价：”），或是“项目实施单位、项目类型”这样
        的属性（几个可以共用一个）的；列表各项编了号（“一是”“1.”“（1）”“①”）、带有金额、比率或分数（“3 个
        项目资金分别为 10 万元、20 万元”列的是金额）、自己又带着数量（“3 个是新建、1 个是改建”）或单项超过
        30 个字（是句子，不是名称）的；前几项共用最后一项的名词的（“3 个项目分别为新建、改扩建项目”）；
        “为、是”引出的列表里有两个字以内的项或“提供、解决”之类的动词的（“3 名干部为群众解决就业、就医问题”
        里“为”是介词，“3 个项目为新建、改建”说的是类别），或“为”前是“评、定、列、分”之类的字的（“5 个项目
        评为优秀等次、良好等次”）；表格单元格和带“|”或制表符的行。

    为什么是问题
        写明的个数和紧接着列出的名单对不上，读者无从知道是数量写错了，还是名单漏了或多了一项；机构设置、
        下属单位、项目名单是审核时逐一核对的内容，这类不符会被当作数据差错指出。

    示例
        错误：本局下设直属事业单位 4 个，即：青禾县财政信息中心、青禾县投资评审中心、青禾县会计服务中心。

        错误：内设机构 3 个，分别是：办公室、预算股、国库股、综合股。

        正确：本局下设直属事业单位 3 个，即：青禾县财政信息中心、青禾县投资评审中心、青禾县会计服务中心。

        正确：内设机构 4 个，主要有办公室、预算股等。
    """

    code = "JX115"
    name = "count-list-mismatch"
    category = "arithmetic"
    severity = "error"
    summary_zh = "写明的数量与紧接着列出的项数不符"
    summary_en = "a stated count differs from the number of items listed right after it"
    messages = {
        "fewer": (
            "写明 {count}，但列出的只有 {listed} 个{note}：{items}",
            "the text says {count}, but only {listed} are listed{note}: {items}",
        ),
        "more": (
            "写明 {count}，但列出了 {listed} 个{note}：{items}",
            "the text says {count}, but {listed} are listed{note}: {items}",
        ),
        "list": ("列出的 {listed} 个", "the {listed} listed"),
    }

    def check(self, doc):
        scope_of, kinds = scopes(doc)
        for k, pf in enumerate(doc.facts):
            p = pf.para
            text = p.text
            if (":" not in text and "即" not in text and "为" not in text and "是" not in text) or p.kind == "cell":
                continue
            if kinds.get(scope_of[k]) in ("cell", "run", "rows") or "|" in text or "\t" in text:
                continue
            for i, j, n in _counts(pf):
                site = _site(pf, i, j, n)
                if site is None:
                    continue
                items, lo, hi, more, end = site
                if lo <= n <= hi:
                    doc.note_claim(True)
                    continue
                if hi < n <= hi + more:
                    doc.note_claim(None)  # the list ended at a comma: what follows may be its last items
                    continue
                doc.note_claim(False)
                yield self._finding(doc, p, i, j, n, items, lo, hi, end)

    def _finding(self, doc, p, i, j, n, items, lo, hi, end):
        quoted = [doc.quote(p.span(a, b)).strip() for a, b in items]
        if len(quoted) > _QUOTED_ITEMS:
            quoted = [quoted[0], quoted[1], "……", quoted[-1]]
        if n > hi:
            key, listed = "fewer", hi
            note = ("（“和”“及”两边各算一个）", " (each side of 和/及 counted)") if hi > lo else ""
        else:
            key, listed = "more", lo
            note = ("（“和”“及”连接的算作一个）", " (items joined by 和/及 counted as one)") if hi > lo else ""
        span = p.span(i, j)
        lst = p.span(items[0][0], end)
        return self.report(
            span, key, count=doc.quote(span), listed=listed, note=note, items="、".join(quoted),
            related=[self.related(lst, "list", listed=listed)],
        )


def _counts(pf) -> list[tuple[int, int, int]]:
    """The counts of the paragraph, as (start, end, value) in its text: the number and its measure
    word. Arabic ones from the extracted figures, those written in characters (两, 十二) read here."""
    p = pf.para
    text = p.text
    found = []
    for q in pf.quantities:
        if q.kind != "count" or q.unit not in MEASURES or q.precision != 0 or q.value < 2:
            continue
        i, j = p.index_of(q.span.start), p.index_of(q.span.end - 1) + 1
        if "余" in text[i:j] or "多" in text[i:j]:
            continue  # 10 余个, 20 多家
        if _BOUND.search(text, max(0, i - 6), i) or _ORDINAL.search(text, max(0, i - 4), i):
            continue
        if q.unit == "个" and text.startswith("方面", j):
            j += 2
        found.append((i, j, int(q.value)))
    for m in _CN_COUNT.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        if before in _CN_NOT_AFTER or ("\u4e00" <= before <= "\u9fff" and before not in _CN_BEFORE):
            continue
        n = 2 if m.group(1) == "两" else cn_number(m.group(1))
        if n is None or n < 2 or _BOUND.search(text, max(0, m.start() - 6), m.start()):
            continue
        found.append((m.start(), m.end(), n))
    return sorted(found)


def _site(pf, i: int, j: int, n: int):
    """The list right after the count ``text[i:j]``: (items, fewest, most, more after a comma, end),
    items as (start, end) in the text; None when no exhaustive list of names follows it."""
    text = pf.para.text
    m = _INTRO.match(text, j)
    if m is None or _NOT_NOUN.search(m.group("noun")) or _VERB.search(m.group("noun")):
        return None
    if _COUNT_BEFORE.search(text, _clause_start(text, i), i):
        return None  # 2 个乡镇 10 个村：A 镇、B 镇 — which count the list is of cannot be told
    noun = m.group("noun")
    if _ATTRIBUTE.search(noun):
        return None
    if m.group("bare") and (not noun or noun[-1] in _BECOMES):
        # 为 / 是 right after the count: “for” or a predicate (服务 12 次为群众…), not “namely”; after
        # 评 / 定 / 列 / 分 …: what they were rated or made (5 个项目评为优秀等次、良好等次)
        return None
    start = m.end()
    if MARKER_RE.match(text, start):
        return None
    parsed = _items(text, start)
    if parsed is None:
        return None
    items, end, stop, at = parsed
    if len(items) < 2 and not _JOINER.search(text, items[0][0], items[0][1]):
        return None
    words = [_outside(text, a, b) for a, b in items]
    if any(not text[a:b].strip() for a, b in items) or any(len(w) > ITEM_WORDS for w in words):
        return None
    listed = text[start:end]
    if m.group("bare") and (_VERB.search(listed) or any(len(w) <= 2 for w in words)):
        # 3 名干部为群众解决就业、就医问题: 为 is “for”, the list is of something else; 3 个项目为新建、
        # 改建: what kinds they are, not their names
        return None
    if noun and len(words) > 1 and words[-1].endswith(noun[-2:]) and any(
            len(w) <= 3 and not w.endswith(noun[-2:]) for w in words[:-1]):
        return None  # 3 个项目分别为新建、改扩建项目: the noun is shared by the items before it
    if (_ETC.search("".join(words)) or _OTHERS.search(listed) or _NUMBERED.search(listed)
            or _counted_inside(text, items)):
        return None
    span = pf.para.span(start, end)
    if any(q.kind in _FIGURE_KINDS and span.start <= q.span.start < span.end for q in pf.quantities):
        return None
    lo = len(items)
    hi = lo + sum(len(_JOINER.findall(w)) for w in words)
    more = _after_comma(text, at) if stop in ("，", ",") else 0  # (not "", the paragraph's end: "" is in any string)
    return items, lo, hi, more, end


_COUNT_BEFORE = re.compile(r"(?:\d+|[两二三四五六七八九十]+)\s*(?:%s)" % "|".join(MEASURES))


def _clause_start(text: str, i: int) -> int:
    """Where the clause holding ``text[i]`` begins: after the last comma, stop or colon before it (a 、
    goes on with the clause: 2 个中心、3 个站：…)."""
    return max(text.rfind(c, 0, i) for c in "，,。;；:!?") + 1


def _items(text: str, start: int):
    """The items of the list opening at ``start``: (items, end, the character that ended it ("" for the
    paragraph's end), its place), or None for a list mixing its separators, with an empty item, with a
    bracket left open, or separated by ； between items that are not short names."""
    depth = 0
    items = []
    a = start
    semi = None  # whether the list is separated by ；
    k = start
    stop = ""
    while k < len(text):
        c = text[k]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            if depth == 0:
                stop = c
                break
            depth -= 1
        elif depth == 0:
            if c == "、":
                if semi:
                    return None
                semi = False
                items.append((a, k))
                a = k + 1
            elif c in _SEMI:
                if semi is False or (semi is None and not _semi_list(text, k)):
                    stop = c
                    break
                semi = True
                items.append((a, k))
                a = k + 1
            elif c in _ITEM_END or (semi and c == ":"):
                stop = c
                break
        k += 1
    if depth:
        return None  # a bracket left open: where the list ends cannot be told
    end = k
    while end > a and text[end - 1] == " ":
        end -= 1
    items.append((a, end))
    if any(b <= x for x, b in items):
        return None
    if semi and (any(b - x > 15 for x, b in items) or stop not in ("", "。")):
        return None
    return items, end, stop, k


_SHORT_NAME = re.compile(r"[^，,。、;；:!?()]{1,15}[;；。]")


def _semi_list(text: str, k: int) -> bool:
    """Whether the ； at ``k`` separates the items of a list of short names: the text before it
    since the list opened holds no 、 or comma (checked by the caller's scan) and a name follows it."""
    return _SHORT_NAME.match(text, k + 1) is not None


def _outside(text: str, a: int, b: int) -> str:
    """``text[a:b]`` without what is inside brackets, book-title marks and quotes, stripped."""
    out = []
    depth = 0
    for c in text[a:b]:
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth -= 1
        elif depth == 0:
            out.append(c)
    return "".join(out).strip()


def _counted_inside(text: str, items) -> bool:
    """Whether an item holds a count of its own outside brackets (其中3个是新建、1个是改建): a tally,
    not a list of names."""
    return any(_COUNT_BEFORE.search(_outside(text, a, b)) for a, b in items)


def _after_comma(text: str, at: int) -> int:
    """How many more items the rest of the sentence after the comma at ``at`` may hold: each of its
    comma-separated parts one, and one more for each 、 and joiner in it."""
    stop = len(text)
    for c in "。;；!?":
        x = text.find(c, at)
        if x != -1:
            stop = min(stop, x)
    rest = text[at + 1:stop]
    parts = [s for s in re.split(r"[，,]", rest) if s.strip()]
    return sum(1 + s.count("、") + len(_JOINER.findall(s)) for s in parts)
