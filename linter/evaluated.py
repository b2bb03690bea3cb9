"""The report speaking of this evaluation, and the evaluated year those statements vote for.

The profile reads the evaluated year from the title, the opening sentence or a header field
(linter/profile.py). A report made from another year's often keeps exactly that one place
wrong, so the year rules weigh it against the report's other statements of this evaluation:
its own name on a line of its own (a cover, a repeated title, a table of contents), "N 年度……
自评得分 / 评价结果 / 自评报告", "N 年度部门整体支出绩效自评", "对 N 年度……进行了绩效自评",
"现将 N 年度……报告如下", the scope of the evaluation. :func:`vote` counts them (JX301's
conditions 4, 4a and 4b, documented in its docstring); ``Document.year_vote`` holds the result,
so that JX301 reports the odd year and JX302 and JX303 check against the year that stands.
The recognisers (:func:`self_words`, :func:`eval_words`, :func:`eval_clause`,
:func:`announced`, :func:`name_line`) are JX301's too: it reports a statement of this
evaluation under another year.
"""
from __future__ import annotations

import re
from collections import Counter

import attrs

from .dates import SENTENCE_STOPS
from .profile import title_lines
from .years import (
    CLAUSE_STOPS, EVAL_WORD, LINK_HEAD, REPORT_NAME, YearPlace, in_docno, in_title, is_event_date, is_law_version, is_range,
    is_since, joined_name, NOTICE_BEFORE, notice_evaluated_year, once_per_place, ordinary_other_year, places,
    report_name_at,
)

_STOP = CLAUSE_STOPS
# The report itself: …N 年（度）…自评得分 / 评价结果 / 自评等级 / 自评报告. The report's name
# (…报告) is the vocabulary the profile reads the title's year with (linter/years.py REPORT_NAME).
_SELF = re.compile(
    rf"[^{_STOP}]{{0,30}}?{EVAL_WORD}[^{_STOP}]{{0,6}}?(?:得分|分数|结果|结论|等级|报告|信息)"
)
# …or of the clause right after it: 2022 年度，我局……
_COMMA_SUBJECT = re.compile(r"\s*[，,]\s*(?:本|我)(?:单位|部门|局|办|委|部|院|中心|站|厅|室|校|馆)(?:本级)?")
# A sentence that compares years states other years on purpose.
# (not 比 of a share or a ratio: 占比, 比率, 比例, 比重 — 资金使用完成比率 99.98% compares no years)
COMPARISON = re.compile(r"较|(?<!占)比(?!率|例|重)|同比|相比|对比|上年|去年|增长|减少|下降|增加|持平|分别")
# The evaluation of the year's spending: N 年（度）[我办 / 部门 / 财政资金] 整体支出 / 部门整体 / ……基金 / ……经费 …
# 绩效自评 / 自我（绩效）评价 / 绩效评价. The year is the one whose spending is evaluated, not the
# round the evaluation is done in (区级财政资金绩效自评工作 names no spending and is not matched;
# 省级 / 市级 … editions and scoring systems are left out).
_OWN_EVAL = re.compile(
    rf"(?P<pre>[^{_STOP}级评]{{0,24}}?)(?P<what>整体|支出|预算|部门|资金|基金|经费|项目)[^{_STOP}]{{0,14}}?(?:自评|自我(?:绩效)?评价|绩效评价)"
)
# …or the evaluation of the year (N 年度) with nothing between: 2023 年度绩效自评工作
# (a report's name, 2023 年度绩效自评报告, is self_words')
_YEAR_EVAL = re.compile(r"\s*(?:绩效)?(?:自评|自我(?:绩效)?评价)(?=\s*工作)")
YEAR_IN = re.compile(r"\d{4}\s*年")
# …of another system or a plan, not this evaluation
_NOT_THIS = re.compile(r"指标|体系|评分表|办法|方案|通知|指引|目标|复核|整改|结果应用|工作(?:安排|计划|要点|部署)")
# (计划生育, family planning, is a service's name, no plan; 根据预算安排计划, the plan made, no plan ahead;
# nor a programme's name before its money or projects, 人才引进计划资金: a word of the name right before;
# nor the 拟 of 模拟 / 虚拟, simulated / virtual: 广播覆盖（模拟信号）运行维护 names a service)
# (every branch opens with its word, the lookbehinds tried after it: re then scans for the words'
# first characters in its own loop instead of trying each branch at every character)
PLAN = re.compile(r"将(?<!现将)|拟(?<![模虚]拟)|计划(?<![\u4e00-\u9fff]计划)(?!生育)|计划(?<!安排计划)(?!生育|资金|项目|经费|专项)"
                  r"|下一步(?!的?改进措施)|今后|以后|明年|继续|力争|争取|确保|做好")
# Looking back at an earlier evaluation: its results, its problems, a comparison.
YEARS_COMPARED = (r"较(?:上|去|前|往|同)|比(?:上|去|前|往)|同比|相比|对比|上年|去年|上一年|往年|历年|"
                   r"增长|减少|下降|增加|持平|分别(?!对)|连续")
_YEARS_COMPARED = re.compile(YEARS_COMPARED)
# Doing an evaluation of a year's spending, in one clause: 对[本单位] N 年度……进行了（绩效）自评 /
# 自我评价 / 绩效评价 / 自查和绩效评估 (对 2023 年度项目支出资金使用情况进行了绩效自评, 对 N 年度预算绩效进行自我评价).
_TO_EVALUATE = re.compile(rf"对[^{_STOP}对]{{0,25}}$")
_ASIDE = re.compile(r"[(（][^()（）]{0,30}[)）]")
_EVALUATED = re.compile(
    r"[^，,。；;:：]{0,120}?(?:进行|开展|实施)了?(?:(?:[^，,。；;:：]{0,4}?|(?:[\u4e00-\u9fff]{2}[、和与及]){1,3}[\u4e00-\u9fff]{2}的?)"
    r"(?:绩效)?(?:自评|自我(?:绩效)?评价|评价)"  # (…进行客观、公正的评价: the manner, two-character words in a list)
    r"|[^，,。；;:：事前]{0,6}?绩效评估)"  # (……进行了全面自查和绩效评估; not an ex-ante 事前绩效评估 of new projects)
)
# the targets' attainment, which is what this evaluation evaluates (not the targets alone)
_TARGETS_MET = re.compile(r"目标(?:分解下达|完成|实现|执行|达成)")
# the evaluated year without its number: 本年度 / 本年 / 当年 (not 上年度, 次年)
_THIS_YEAR = re.compile(r"(?<![上下次去前])(?:本|当)年")
# Money or work carried over from an earlier year
_CARRIED = re.compile(r"结转|结余|遗留|历年|以前年度|欠款|续建")
# money taken from an earlier year's: 从 / 动用 / 使用 N 年……结余资金
_TAKEN_FROM = re.compile(r"(?:从|由|动用|使用|利用)\s*$")
# the end of a year, as a date: 2023 年 12 月 31 日 / 12 月底 / 12 月末, or 2023 年末 / 年底 (not
# 年底前, a deadline)
_YEAR_END = re.compile(r"\s*(?:12\s*月\s*(?:31\s*日|底|末)|[末底](?!前))")
# money given, in the sentence of a document number
_FUNDS_GIVEN = re.compile(r"下达|拨付|分配|安排")
# Work on the evaluation or the report, dated in the year after the evaluated one
_REPORTING = re.compile(r"自评|评价|报告|报送|考核|审计|检查")
# The report announcing itself: 现将[本局] N 年度……（自评 / 评价）……情况 / 报告……如下 / 予以公开 (up to
# the end of the announcement, no sentence stop between)
_ANNOUNCE_HEAD = re.compile(r"现将\s*(?:(?:本|我)(?:单位|部门|局|办|委|部|院|中心|站|厅|室|校|馆)(?:本级)?)?\s*$")
_ANNOUNCED_PLAN = re.compile(r"安排|计划|方案|要点|部署|通知|要求")
_ANNOUNCED = re.compile(r"[^。；;!！?？]{0,100}?(?:如下|予以公开|进行公开|公开)\s*(?:[:：。]|$)")
# A cited document that gives the money for a year: 《关于（提前）下达 N 年……资金的通知》
_FUNDS_NOTICE = re.compile(r"(?:下达|拨付|分配|安排)\s*$")
# A page's or a form's field of the date it was written, filled in or published
_DATE_FIELD = re.compile(r"(?:日期|时间)\s*[:：]\s*$")
# What this evaluation covers, right before the year: 本次自评的范围为 / 评价对象是我馆 / 自评范围：
# (the lookahead names the characters a match can start with: the engine passes over the others at once)
SCOPE = re.compile(
    r"(?=[本此绩自评])(?:本次|此次)?(?:绩效)?(?:自评|自我评价|评价)(?:工作)?的?(?:范围|对象|期间|年度)\s*(?:为|是|包括|[:：])\s*[^，,。；;:：]{0,15}$"
)
# …or right after it: N 年度专项资金绩效评价资金总计 / N 年参与绩效评价的项目共
SCOPE_AFTER = re.compile(
    r"[^，,。；;:：]{0,20}?(?:参与|纳入)?(?:本次)?(?:绩效)?(?:自评|评价)的?(?:资金|项目|单位)(?:总计|合计|共计?|为|包括|\d+\s*个)"
    # …or in the clause after it: N 年度，我馆共有 3 个项目纳入绩效自评范围
    r"|\s*[，,]?[^。；;:：，,]{0,25}?纳入(?:本次)?(?:绩效)?(?:自评|评价)的?范围"
)


def places_in(doc, para):
    """The year places of one paragraph (indexed once per document)."""
    index = doc.memo.get("evaluated.places")
    if index is None:
        index = doc.memo["evaluated.places"] = {}
        for q in places(doc):
            index.setdefault(q.ref.para, []).append(q)
    return index.get(para, ())


def _figure_after(doc, p, kinds=("amount",)) -> bool:
    """A figure of one of ``kinds`` (an amount of money unless told) after the year, in its sentence."""
    return any(q.kind in kinds and q.span.start > p.ref.span.end and p.para.index_of(q.span.start) < p.e
               for q in doc.facts[p.ref.para].quantities)


def is_link(p) -> bool:
    """下一篇：2024 年度……自评报告 — a web page's link to another document, not this report."""
    return bool(LINK_HEAD.search(p.para.text, max(0, p.i - 30), p.i))


def announced(doc, p, year) -> bool:
    """The report announcing itself (现将[本局] N 年度下达我县的……资金的绩效目标自评情况予以公开 /
    ……报告如下), or one name in a list of the reports it announces (现将 A N 年度绩效自评报告、
    B N 年度绩效自评报告、C N 年度……公开如下) whose other years, at least two, are all the evaluated
    one. The evaluation
    words stand after the year, before the end of the announcement; no comparison or look-back."""
    text = p.para.text
    k = text.rfind("现将", p.s, p.i)
    if k < 0 or re.search(r"[，,；;：:]", text[k:p.i]):
        return False
    m = _ANNOUNCED.match(text, p.j)
    if m is None or COMPARISON.search(text, p.s, m.end()):
        return False
    if (not re.search(EVAL_WORD, text[p.j:m.end()]) and not re.search(r"绩效[^。；;]{0,10}?报告如下", text[p.j:m.end()])
            and not re.match(r"[^。；;，,]{0,12}?(?:整体|项目)(?:和项目|和整体)?支出[^。；;，,]{0,4}?情况报告如下", text[p.j:m.end()])):
        return False  # (现将 N 年度绩效情况报告如下 / ……部门整体和项目支出情况报告如下 names this report too)
    if _ANNOUNCED_PLAN.search(text, p.j, m.end()):
        return False  # 现将 2024 年度绩效评价工作安排如下: next year's work, announced
    if _ANNOUNCE_HEAD.search(text, k, p.i):
        # the year right after 现将: no other year may come before the evaluation words
        ev = re.search(EVAL_WORD, text[p.j:m.end()]) or re.search("绩效|支出", text[p.j:m.end()])
        return not YEAR_IN.search(text, p.j, p.j + ev.start())
    # a list of names: this one is a report's name, and every other year of the list is the evaluated one
    if self_words(p) is None or "、" not in text[k:m.end()]:
        return False
    others = [q for q in places_in(doc, p.ref.para) if q is not p and k <= q.i < m.end()
              and not ordinary_other_year(doc, q)]
    return len(others) >= 2 and all(q.ref.year == year for q in others)  # (of two, either may be the odd one)

def self_words(p):
    """N 年（度）……自评得分 / 评价结果 / 自评等级 / 自评报告 / 自评信息 (also N 年度，我局……自评得分),
    not a notice's."""
    text = p.para.text
    m = _SELF.match(text, p.j)
    if m is None:
        # N 年度，我局部门整体支出绩效自评得分 95 分: the unit as the subject of the next clause
        subject = _COMMA_SUBJECT.match(text, p.j)
        m = _SELF.match(text, subject.end()) if subject else None
    if m is None or YEAR_IN.search(text, p.j, m.end()):
        return None  # the words are another year's: 2023 年度决算说明公开了 2024 年度自评信息
    if re.search(r"关于开展|通知", p.before[-12:] + text[p.j:m.end()]):
        return None
    return m

def eval_words(p):
    """N 年（度）[我办 / 部门] 整体支出……绩效自评 / 自我评价 / 绩效评价, not another system's."""
    text = p.para.text
    m = _OWN_EVAL.match(text, p.j)
    if m is None and text[p.i:p.j].rstrip().endswith("年度"):
        m = _YEAR_EVAL.match(text, p.j)  # N 年度绩效自评工作: the year's evaluation, named by 年度 alone
    if m is None or YEAR_IN.search(text, p.j, m.end()) or _NOT_THIS.search(text, p.j, _clause_end(text, p)):
        return None
    if m.re is _YEAR_EVAL:
        return m
    if (not re.search("整体|支出|预算", m.group(0)) and not text[p.i:p.j].rstrip().endswith("年度")
            and not (m.group("what") != "部门" and _named(m.group("pre")))):
        return None  # 2024 年财政资金绩效自评工作: the round held in a year, not the year evaluated
    return m

# the words that name no one fund or project (资金 / 项目 of any kind: 财政资金, 市级专项资金)
_GENERIC = re.compile(
    r"财政|预算|部门|单位|本级|中央|地方|各级|上级|全[县市区省镇乡]|本|我|[县市区省镇乡]直?|专项|转移支付|补助|补贴"
    r"|一般|政府性?|其他|其它|有关|相关|重点|各类|各项|所有|新增|存量|追加|下达|年度|[的及和与、]|\s"
)


def _named(pre: str) -> bool:
    """The words between a bare N 年 and 资金 / 基金 / 经费 / 项目 name one fund or project
    (2021 年社区助老服务专项资金绩效评价: the year is that fund's, the year evaluated) — at least
    two characters left when the words that name none are taken out (2024 年财政资金绩效自评工作
    names the round held in 2024)."""
    return len(_GENERIC.sub("", pre)) >= 2

_CLAUSE_MARKS = re.compile(r"[，,：:]")  # (compiled once: eval_clause is asked at most years)


def eval_clause(p):
    """对[本单位] N 年度……进行了（绩效）自评 / 自我评价 / 评价 in one clause, the evaluated
    thing not another system's (指标、体系、办法、目标、复核、整改……)."""
    text = p.para.text
    if not _TO_EVALUATE.search(p.clause_before()):
        # (an aside in brackets is no clause of its own: 对某某委员会（以下简称：区发改委）的 N 年……项目开展绩效评价)
        before = _ASIDE.sub("", text[p.s:p.i])
        if not _TO_EVALUATE.search(_CLAUSE_MARKS.split(before)[-1]):
            return None
    m = _EVALUATED.match(text, p.j, _clause_end(text, p))
    if m is None or YEAR_IN.search(text, p.j, m.end()):
        return None
    # the evaluated thing: the first of a list of aspects (对 N 年度绩效目标分解下达情况、绩效情况分析、
    # ……等方面进行了自我评价); the targets' attainment is this evaluation's, the targets alone are not
    head = text[p.j:m.end()]
    if "等方面" in head:
        head = re.split(r"[、及和与]", head, maxsplit=1)[0]
    if _NOT_THIS.search(_TARGETS_MET.sub("", head)):
        return None
    if re.search(r"审核|复核|抽查|检查|督导|核查", text[p.j:m.end()]):
        return None  # a review of others' evaluations
    return m

def name_line(doc, p):
    """The report's own name on a line of its own anywhere (a cover page, a repeated title,
    a table of contents or an attachment list: 2023 年度某某局部门整体支出绩效自评报告, also
    broken over short lines), or at the head of one of the first lines (the title run into
    the text). The match, or None. (Answered once per place: the vote, the title's check
    and JX301 ask.)"""
    return once_per_place(doc, "evaluated.name_line", p, _name_line)


def _name_line(doc, p):
    top = doc.memo.get("evaluated.top")
    if top is None:
        top = doc.memo["evaluated.top"] = len(title_lines(doc.paragraphs))  # (a page's field lines not counted)
    text = joined_name(doc.paragraphs, p.ref.para)
    m = report_name_at(text, p.i, whole_line=True, top=p.ref.para < top)
    if m is None and text != p.para.text:
        # (a short name without 报告, 某某馆 2024 年绩效自评, read alone: not joined with the lines after it)
        m = report_name_at(p.para.text, p.i, whole_line=True, top=p.ref.para < top)
    if (m is not None and (m.group(0).endswith("结果") or not re.search(EVAL_WORD, m.group(0)))
            and (p.para.kind != "text" or _HEADING_BEFORE.search(text[:p.i]))):
        return None  # ……自评结果 / ……绩效报告 in a table's cell (a column of years) or under a heading's number: no name
    return m

# a heading's number before a name ending in 结果: （四） / 4. / 四、
_HEADING_BEFORE = re.compile(r"[(（]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}\s*[、.．]")

def _title_alone(doc, year):
    """An evaluated year read from the title, the opening or the header that the body does not
    give — not even in a date or a comparison; only the report's own name lines, cited
    documents' names (《》), document numbers, law versions, web links and the date a page
    was published or a form filled in do not count — while the body gives one other year X
    for its own statements in at least two thirds of the sentences that give any year.
    A statement is a sentence that neither compares nor plans nor speaks of money carried
    over, or a copy of the report's name (a repeated title, a 名称： field) under X. X needs
    two statements, or one and a mention of X that only supports it: a date in X (资金于
    X 年 6 月 17 日下达; not a date of the evaluation's or the report's own work, done the year
    after), a cited document's name that gives X (《关于下达 X 年……资金的通知》),
    or the notice the report answers when it names X (关于开展 X 年度……; 关于开展 N 年…… may
    mean N or N−1 and supports neither). One statement is not enough when the body speaks of
    本年度 / 本年 / 当年 (it may be another year's); one is enough when it is the unit's own money
    (X 年我局共收到……资金 1280 万元: the unit the subject, an amount after the year) and the body
    never gives the title's year, which has no copy either (a title's year, not a header field's); a sentence of money given in advance (提前下达)
    is neither a statement nor support. A document number of X in a sentence giving money
    (〔X〕128 号文件下达……资金) supports X; a sentence of the figures at the end of X (截至 X 年
    12 月 31 日 or X 年末，资金已使用……万元 / 编制人数 12 人: money or a count) is a statement.
    When the body does give the title's year (a column of last year's accounts, a date; not
    money taken from what it left over, 从 N 年……结余资金列支, which a later year tells, nor a
    column N 年决算数 beside a column of N+1's final accounts, a later year's table), X
    needs four statements and three times the title, its copies and those mentions together.
    A plan's figure (N 年计划投资 300 万元) is a plan, no statement and, for the title's year, no mention
    either; told with what was done against it in the same sentence (N 年计划投资 500 万元，实际完成
    投资 480 万元) it is the year's own figures, a statement like any other.
    (X, its statements, the body's mentions of the title's year), or None."""
    if doc.profile.year_from not in ("title", "opening", "field") or doc.profile.year_span is None:
        return None
    span = doc.profile.year_span
    votes: dict[int, dict] = {}
    support: set[int] = set()
    copies = set()  # the title's copies under its own year, each a vote for it
    mentions = 0  # the body's mentions of the title's year, of any kind
    carried = 0  # …of money taken from what it left over (从 N 年……结余资金列支): told, but no weight for the title
    for p in places(doc):
        if p.ref.span.start <= span.start < p.ref.span.end or is_law_version(p) or is_link(p):
            continue
        if in_docno(doc, p):
            continue
        if name_line(doc, p):
            if p.ref.year != year:
                votes.setdefault(p.ref.year, {}).setdefault(("name", p.ref.span.start), p)
            else:
                copies.add(p.ref.span.start)
            continue
        if in_title(p):
            if NOTICE_BEFORE.search(p.before):
                if p.para.text[p.i:p.j].endswith("年度"):
                    support.add(p.ref.year)  # 关于开展 X 年度……自评: the notice names X (not 关于开展 N 年, which may mean either)
            elif _FUNDS_NOTICE.search(p.para.text, max(0, p.i - 8), p.i):
                support.add(p.ref.year)  # 《关于下达 X 年……资金的通知》: the year the money is for
            continue
        if _DATE_FIELD.search(p.para.text, max(0, p.i - 8), p.i):
            continue  # 发布时间：2024 年 4 月 10 日 / 填报日期：… — when the report was written or put online
        if p.ref.year == year:
            if _CARRIED.search(p.clause_after()) and _TAKEN_FROM.search(p.clause_before()):
                carried += 1  # money taken from what the title's year left over (从 N 年……结余资金列支): a later year's
            elif _prior_year_column(doc, p):
                carried += 1  # a column 2021 年决算数 beside 2022 年决算数: the later year's table gives its year before
            elif _advanced_for(doc, p) == year + 1:
                carried += 1  # 2020 年 12 月……提前下达 2021 年……资金: the next year's money, given in the title's year
            elif _plan_figure(p) is False:
                carried += 1  # 2023 年计划投资 300 万元: a plan for the title's year, which a report on the year before makes too
            else:
                mentions += 1  # the body gives the title's year
            continue
        if NOTICE_BEFORE.search(p.before):
            if p.para.text[p.i:p.j].endswith("年度"):
                support.add(p.ref.year)
            continue
        sentence = p.para.text[p.s:p.e]
        if "提前" in sentence and not re.search(rf"提前[^。；;]{{0,6}}?{p.ref.year}\s*年", sentence):
            continue  # 2022 年，上级提前下达的资金: next year's money, given in advance (not 提前下达 2022 年资金)
        if (_YEAR_END.match(p.para.text, p.j) and p.ref.year != year
                and not _REPORTING.search(p.para.text, p.s, p.e) and _figure_after(doc, p, ("amount", "count"))):
            # 截至 X 年 12 月 31 日，资金已使用 2.00 万元 / 编制人数 15 人: the figures at the end of year X
            votes.setdefault(p.ref.year, {}).setdefault((p.ref.para, p.s), p)
            continue
        if ordinary_other_year(doc, p):
            if (is_event_date(doc, p) and not is_range(p) and not is_since(p)
                    and not _REPORTING.search(p.para.text, p.s, p.e)):
                support.add(p.ref.year)  # the money came or the work was done in X
            continue
        if _compares_years(p) or (PLAN.search(p.para.text, p.s, p.e) and not _plan_figure(p)):
            continue
        if _looks_back(p) or _PAST_ROUND.search(p.clause_before() + p.para.text[p.j:_clause_end(p.para.text, p)]):
            continue  # 市财政局对我局 N 年度……自评结果进行了复核 / N 年度、N+1 年度连续两年自评等级为优: earlier rounds told
        if _CARRIED.search(p.clause_after()):
            continue  # 2022 年结转资金: an earlier year's money, named in any year's report
        votes.setdefault(p.ref.year, {}).setdefault((p.ref.para, p.s), p)
    if not votes:
        return None
    for d in doc.docrefs:
        # 红财社发〔X〕128 号文件下达……资金: the year the money was given in (not 提前下达, next year's)
        text = doc.paragraphs[d.para].text
        k = doc.paragraphs[d.para].index_of(d.span.start)
        s = max(text.rfind(c, 0, k) for c in SENTENCE_STOPS) + 1
        e = min([x for x in (text.find(c, k) for c in SENTENCE_STOPS) if x >= 0], default=len(text))
        if _FUNDS_GIVEN.search(text, s, e) and "提前" not in text[s:e]:
            support.add(d.year)
    other = max(votes, key=lambda y: len(votes[y]))
    n = len(votes[other])
    if n == 1 and any(_THIS_YEAR.search(q.text) for q in doc.paragraphs):
        return None  # one statement of X, and the body speaks of 本年度: X may well be another year's
    if (n == 1 and doc.profile.year_from == "title" and not mentions and not copies and len(votes) == 1
            and _unit_speaks(doc, next(iter(votes[other].values())))):
        # the body's one statement is the unit's own money in X (X 年我局共收到……资金 9056 万元), and
        # the body never gives the title's year: that is enough for X against the title alone
        n = 2
    if 3 * n < 2 * sum(len(v) for v in votes.values()):
        return None
    if mentions:
        # the body gives the title's year too (a column of last year's accounts, a date): X must
        # outweigh the title, its copies and every such mention three times over, in four statements
        if n < 4 or n < 3 * (1 + len(copies) + mentions):
            return None
    elif n + (other in support) < 2 + len(copies):
        return None
    return other, list(votes[other].values()), mentions + carried

# a plan's figure for a year (2023 年计划投资 300 万元, 年度计划总投资), and what was done against it in the same sentence
_PLAN_FIGURE = re.compile(r"计划(?:总)?投资")
_DONE_AGAINST = re.compile(r"实际(?:完成|投资|支出)|(?:累计|已经?|共)?完成(?:投资|率|年度计划)|已完成|完成了")


def _plan_figure(p) -> bool | None:
    """Whether the one plan word of the sentence of ``p`` is the 计划 of a plan's figure (计划投资 / 计划总投资)
    and the sentence tells what was done against it: True when it does (2022 年计划投资 500 万元，实际完成投资
    480 万元: the year's own figures, told after it ended — no plan), False when it does not (2023 年计划投资
    300 万元: a plan for the year, which a report on the year before makes as well as the year's own), None when
    the sentence has another plan word (将, 拟, 下一步……) or no 计划投资 at all."""
    text = p.para.text
    found = False
    for m in PLAN.finditer(text, p.s, p.e):
        if m.group(0) != "计划" or not _PLAN_FIGURE.match(text, m.start()):
            return None
        found = True
    if not found:
        return None
    return bool(_DONE_AGAINST.search(text, p.s, p.e))


# money given in advance for a year: 提前下达 2021 年…… / 关于提前下达 2021 年……的通知
_ADVANCE = re.compile(r"提前(?:下达|拨付|分配|安排)\s*(\d{4})\s*年")


def _advanced_for(doc, p) -> int | None:
    """The year whose money the sentence of ``p`` gives in advance, when ``p`` is the date it was given
    (2020 年 12 月，省财政厅下达《……关于提前下达 2021 年……资金的通知》: 2021); None otherwise."""
    if not is_event_date(doc, p):
        return None
    m = _ADVANCE.search(p.para.text, p.j, p.e)
    return int(m.group(1)) if m else None


# a table's column header of a year's money alone on its line or in its cell: 2021 年决算数, 2022 年预算数（万元）
_YEAR_COLUMN = re.compile(r"\s*(\d{4})\s*年度?\s*(?:全年)?(决算|预算|实际支出|支出|执行)(?:数|额|金额)?\s*(?:[(（][^()（）]{1,6}[)）])?\s*")


def _prior_year_column(doc, p) -> bool:
    """``p`` heads a column of its year's money (2021 年决算数) in a report that also has a
    column of the next year's final accounts (2022 年决算数): a table of the next year giving
    the year before it, as such tables do — not the body giving that year for its own."""
    if not _YEAR_COLUMN.fullmatch(p.para.text):
        return False
    later = p.ref.year + 1
    for q in places(doc):
        if q.ref.year == later:
            m = _YEAR_COLUMN.fullmatch(q.para.text)
            if m and m.group(2) == "决算":
                return True
    return False


# the reporting unit itself as the subject, right after the year (X 年我局……) or right before it (本单位 X 年……)
_UNIT_AFTER = re.compile(r"\s*[，,]?\s*(?:本|我)(?:单位|部门|局|办|委|部|院|中心|站|厅|室|校|馆)")
_UNIT_BEFORE = re.compile(r"(?:本|我)(?:单位|部门|局|办|委|部|院|中心|站|厅|室|校|馆)(?:本级)?\s*$")


def _compares_years(p) -> bool:
    """The sentence of ``p`` compares (较, 同比, 上年, 增长……); 分别 compares years only where
    the sentence has another year (2022 年、2023 年分别为……): with one year it spreads a figure
    over its parts (2023 年……预算为 2,814.76 万元，其中：一是……，分别为……)."""
    text = p.para.text
    for m in COMPARISON.finditer(text, p.s, p.e):
        if m.group(0) != "分别" or YEAR_IN.search(text, p.s, p.i) or YEAR_IN.search(text, p.j, p.e):
            return True
    return False


def unit_names(doc) -> tuple[str, ...]:
    """The reporting unit's own names as the profile read them: its unit field or opening
    (``Profile.unit``) and the unit heading the report's title (``Profile.title_unit``)."""
    prof = doc.profile
    return tuple(n for n in {prof.unit, prof.title_unit} if n and len(n) >= 3)


def unit_before(doc, before: str) -> bool:
    """The reporting unit as the subject right at the end of ``before`` (the text up to a
    year): 本单位 / 我局 …, or the unit's own name (青山县粮食局 2023 年……), 本级 after it or not."""
    if _UNIT_BEFORE.search(before):
        return True
    before = before.rstrip()
    return any(before.endswith((n, n + "本级")) for n in unit_names(doc))


def unit_after(doc, text: str, j: int) -> bool:
    """The reporting unit as the subject right after a year ending at ``j``: 2023 年我局……,
    2023 年，青山县粮食局……"""
    if _UNIT_AFTER.match(text, j):
        return True
    rest = text[j:j + 40].lstrip(" ,，")
    return any(rest.startswith(n) for n in unit_names(doc))


def _unit_speaks(doc, p) -> bool:
    """The year place ``p`` starts a sentence of the unit's own money: the unit (or its region, 我县 / 本市:
    a transfer payment's money is the region's) as the subject of the year's clause, or as the one the
    money is given to in it (N 年度某某县财政划给某某县司法局……经费), and an amount of money after the
    year in the sentence. Not a statement of this evaluation (N 年度，我馆共有 3 个项目纳入绩效自评范围):
    JX301 checks that one against the title."""
    text = p.para.text
    if self_words(p) or eval_words(p) or eval_clause(p) or SCOPE.search(text, p.s, p.i) or SCOPE_AFTER.match(text, p.j):
        return False
    return bool((unit_after(doc, text, p.j) or unit_before(doc, p.clause_before()) or _given_to_unit(doc, text, p)
                 or _REGION_AFTER.match(text, p.j) or _REGION_BEFORE.search(p.clause_before()))
                and _figure_after(doc, p))


# …or the region whose money a transfer payment's report tells, as the subject: 我市 N 年…… / N 年，我县……
_REGION_AFTER = re.compile(r"\s*[，,]?\s*(?:本|我)(?:省|市|州|盟|县|区|旗|镇|乡)(?!级)")
_REGION_BEFORE = re.compile(r"(?:本|我)(?:省|市|州|盟|县|区|旗|镇|乡)\s*$")


# money given to someone: 下达给 / 拨付至 / 划给 / 安排给 …
_GIVEN_TO = re.compile(r"(?:下达|拨付|划拨|拨给|划给|安排给|分配给)(?:给|至|到)?")
_PLACE_BEFORE_NAME = 6  # characters of a place's name before the unit's own (某某县 + 司法局), at most


def _given_to_unit(doc, text: str, p) -> bool:
    """The year's clause gives money to the reporting unit: a giving word (下达、拨付、划给……) right before
    本单位 / 我局, or before the unit's own name with at most a short place name in front of it."""
    names = unit_names(doc)
    for m in _GIVEN_TO.finditer(text, p.j, _clause_end(text, p)):
        if _UNIT_AFTER.match(text, m.end()):
            return True
        rest = text[m.end():m.end() + _PLACE_BEFORE_NAME + 40]
        for n in names:
            k = rest.find(n)
            if 0 <= k <= _PLACE_BEFORE_NAME and not _NOT_A_PLACE.search(rest, 0, k):
                return True
    return False


_NOT_A_PLACE = re.compile(r"[\d，,。；;、]")  # (what a place's name before the unit's never holds)


# looking back at an earlier evaluation: a governing word in the year's clause, before it (根据 N 年度……结果), unless it
# governs only 要求 (按照要求对 N 年度……开展了自评); its problems, findings or their rectification anywhere in the sentence
_GOVERNS_BACK = re.compile(r"根据|依据|按照|参照|参考|结合|针对")
_GOVERNS_REQUEST = re.compile(r"要求\s*[，,]?\s*(?:对|开展|进行|组织)")
_BACK_WORDS = re.compile(r"发现|问题|意见|反馈|整改")
_CITED_NAME = re.compile(r"《[^《》]*》")
_EVAL_RESULT = re.compile(r"(?:评价|自评|考核|审计|检查)[^，,。；;]{0,10}?(?:结果|报告|意见|发现|问题|结论)")
# an earlier round reviewed or told as a history
_PAST_ROUND = re.compile(r"复核|审核|抽查|核查|连续|历年|往年")


def without_aspects(text: str, j: int, end: int) -> str:
    """``text[j:end]`` with a list of the aspects evaluated left out after its first item (对 N 年度绩效目标分解
    下达情况、……、偏离绩效目标的原因和下一步改进措施、其他需要说明的问题等方面进行了自我评价): the sections'
    names, whose 问题 and 下一步 neither look back nor plan; the first item is the thing evaluated."""
    k = text.find("等方面", j, end)
    if k < 0:
        return text[j:end]
    return text[j:j + re.search(r"[、及和与]|$", text[j:k]).start()] + text[k:end]


def _looks_back(p) -> bool:
    """The year's clause looks back at an earlier evaluation (for the vote; narrower than JX301's look-back, which
    only keeps a finding back): a governing word right before the year (根据 N 年度……) or governing an evaluation's
    results named after it (依据……提供的 N 年度绩效评价结果; not 根据文件精神组织人手对 N 年度……进行梳理, nor 根据……
    提供的 N 年任务完成情况数据), or its problems, findings or their rectification in the clause (……提出的问题已整改)."""
    before = p.clause_before()
    after = without_aspects(p.para.text, p.j, _clause_end(p.para.text, p))
    governing = list(_GOVERNS_BACK.finditer(before))
    if governing and not _GOVERNS_REQUEST.search(before, governing[-1].end()):
        if len(before[governing[-1].end():].strip()) <= 4 or _EVAL_RESULT.search(after):
            return True
    return bool(_BACK_WORDS.search(_CITED_NAME.sub("", before + after)))


def _odd_profile_year(doc, year):
    """The evaluated year (header field or opening sentence) against the other places
    that speak of this evaluation, and the notice the report answers (关于开展 N 年……
    通知 evaluates N−1): when another year has a strict majority over the evaluated year
    (counting its own header or opening), at least two votes and at least one place of
    the report's own, the header or opening is the odd one out. A sentence is one vote;
    work with its date (于 2024 年 5 月……完成了 2023 年度……自评) is no vote: it may be an
    earlier year's evaluation told as history."""
    span = doc.profile.year_span
    if span is None:
        return None
    votes: dict[int, set] = {year: {None}}
    own: dict[int, list] = {}
    for p in places(doc):
        if p.ref.span.start <= span.start < p.ref.span.end:
            continue
        if in_title(p) and NOTICE_BEFORE.search(p.before):
            evaluated = notice_evaluated_year(p.ref.year, "年度" if p.para.text[p.i:p.j].endswith("年度") else "年")
            votes.setdefault(evaluated, set()).add((p.ref.para, p.s))
            continue
        if ordinary_other_year(doc, p) or is_link(p):
            continue
        if _YEARS_COMPARED.search(p.para.text, p.s, p.e) or PLAN.search(p.clause_before()):
            continue
        if _looks_back(p):
            continue  # 根据 N 年度绩效评价结果…… / N 年度自评报告中提出的问题已整改: an earlier evaluation, looked back at
        if any(d.year is not None and p.s <= p.para.index_of(d.span.start) < p.i
               for d in doc.in_paragraph("dates", p.ref.para)):
            continue  # work dated: this evaluation or an earlier one, not a vote
        if name_line(doc, p):
            # the report's name, however often a web page or a cover repeats it, is one vote
            votes.setdefault(p.ref.year, set()).add("name")
            own.setdefault(p.ref.year, []).append(p)
        elif (self_words(p) or eval_words(p) or eval_clause(p) or announced(doc, p, year)
              or SCOPE.search(p.para.text, p.s, p.i) or SCOPE_AFTER.match(p.para.text, p.j)):
            votes.setdefault(p.ref.year, set()).add((p.ref.para, p.s))
            own.setdefault(p.ref.year, []).append(p)
    votes = {y: len(v) for y, v in votes.items()}  # one vote a sentence
    other = max(votes, key=lambda y: (votes[y], y == year))
    if other == year or votes[other] < 2 or votes[other] <= votes[year] or other not in own:
        return None
    return other, own[other]

# The report's name with a fund's or a project's year before its own: 某县 2023 年省级文物保护资金
# 转移支付 2023 年度绩效自评报告 (the two years, then nothing but the name)
_FUND_NAME = re.compile(
    rf"\d{{4}}\s*年(?!度)[^\d{_STOP}《》]{{1,40}}?\d{{4}}\s*年度?[^\d{_STOP}《》]{{0,40}}?{REPORT_NAME}"
)


def name_copies(doc, year):
    """The copies of the report's name with two years (a fund's year and the name's own: a web
    page's 信息名称 and 关键词 fields, the title, a cover) where one year was changed and the other
    not: the copies are grouped by their text with the years left out; at each of the two places
    the year most copies give (on a tie, the evaluated ``year`` when one of them gives it) is
    the name's, and a copy that gives another year there while its other year is the name's is
    reported. A copy with both years shifted is another year's report, not reported.
    (place, the name's year there, a copy that gives it) for each odd year."""
    found = doc.memo.get("evaluated.copies")
    if found is not None:
        return found
    found = doc.memo["evaluated.copies"] = []
    places_in(doc, None)  # (builds the index)
    groups: dict[str, list] = {}
    for k, ps in doc.memo["evaluated.places"].items():
        if len(ps) < 2:
            continue
        text = ps[0].para.text
        for m in _FUND_NAME.finditer(text):
            before = text[:m.start()]
            if before.count("《") > before.count("》") or LINK_HEAD.search(before[-30:]):
                continue
            two = [q for q in ps if m.start() <= q.i < m.end()]
            if len(two) == 2:
                groups.setdefault(re.sub(r"\d{4}", "#", re.sub(r"\s+", "", m.group(0))), []).append(two)
    for copies in groups.values():
        if len(copies) < 2:
            continue
        names = []
        for slot in (0, 1):
            counts = Counter(c[slot].ref.year for c in copies).most_common()
            if len(counts) > 1 and counts[0][1] == counts[1][1]:
                tied = {y for y, n in counts if n == counts[0][1]}
                names.append(year if year in tied else None)
            else:
                names.append(counts[0][0])
        for slot in (0, 1):
            if names[slot] is None or names[1 - slot] is None:
                continue
            right = next(c for c in copies if c[slot].ref.year == names[slot])
            for c in copies:
                if c[slot].ref.year != names[slot] and c[1 - slot].ref.year == names[1 - slot]:
                    found.append((c[slot], names[slot], right[slot]))
    return found


def _clause_end(text, p) -> int:
    ends = [k for k in (text.find(c, p.j, p.e) for c in "，,：:") if k >= 0]
    return min(ends) if ends else p.e


@attrs.frozen
class YearVote:
    """The evaluated year after the vote. ``how`` is "odd" when the header or opening
    sentence is outvoted by the report's other statements of this evaluation (JX301's 4),
    "alone" when the title's year is nowhere in the body, which states another year
    throughout (4b), "outvoted" when the body mentions the title's year but states another
    one far more often (4b), else None. ``year`` is the year that stands (the profile's when
    ``how`` is None; None when the report has none), ``places`` the places that outvoted the
    profile's year, ``mentions`` the body's mentions of the title's year ("outvoted")."""

    how: str | None
    year: int | None
    places: tuple[YearPlace, ...] = ()
    mentions: int = 0


def vote(doc) -> YearVote:
    """The vote on the evaluated year (``Document.year_vote`` computes it once per document)."""
    year = doc.profile.year
    odd = _odd_profile_year(doc, year) if year is not None else None
    alone = _title_alone(doc, year) if year is not None and odd is None else None
    if odd is not None:
        return YearVote("odd", odd[0], tuple(odd[1]))
    if alone is not None:
        return YearVote("alone" if not alone[2] else "outvoted", alone[0], tuple(alone[1]), alone[2])
    return YearVote(None, year)
