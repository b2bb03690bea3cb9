from __future__ import annotations

import functools
import re
import tomllib
from decimal import Decimal
from importlib import resources

from ..arith import UNIT_FACTORS, Interval, fmt, stated, total
from ..facts import Quantity
from ..extract import one_kind
from ..rule import Rule


def _factor(q: Quantity) -> Decimal:
    return UNIT_FACTORS.get(q.unit, Decimal(1))


def interval(q: Quantity, unit: str | None = None, negate: bool = False, exact: bool = False) -> Interval:
    """The interval ``q`` stands for, in 元 for amounts (or exactly, for counts)."""
    iv = stated(q.value, q.precision, exact=exact or q.kind == "count")
    factor = UNIT_FACTORS[unit] if unit else _factor(q)
    iv = iv.scale(factor) if q.kind == "amount" else iv
    return -iv if negate else iv


# a part with one of these right before its figure is taken away from the total
# (补偿资金调减 2.66 万元), whether or not a minus sign is written
_REDUCTION = re.compile(r"(?:调减|减少|核减|扣减|扣回|收回|退回|缴回)了?$")


@functools.cache
def _sources() -> tuple[tuple[str, ...], ...]:
    """Where money (or staff) comes from, the words of each source (``[sources]`` of
    data/vocabulary.toml): parts each named by a different one are a partition."""
    data = tomllib.loads(resources.files("linter").joinpath("data/vocabulary.toml").read_text("utf-8"))
    return tuple(tuple(words) for words in data["sources"]["groups"])


_NOT_SOURCE = re.compile(r"上年|去年|累计|已|实际|[比较]|同期")


def _by_source(parts) -> bool:
    """Whether each part is named by exactly one source of funds, each by another (实有人数
    37人，其中：财政拨款在职人员37人，自收自支人员3人; 收入合计37万元，其中：财政拨款37万元，
    其他收入3万元): the parts cannot overlap, even where one of them equals the total."""
    seen = set()
    for p in parts:
        label = p.raw_label or ""
        hits = [k for k, words in enumerate(_sources()) if any(w in label for w in words)]
        if len(hits) != 1 or hits[0] in seen or _NOT_SOURCE.search(label):
            return False
        seen.add(hits[0])
    return len(seen) >= 2


# money carried over from the years before (年初结转和结余, 上年结转收入): in 收入总计, not always in
# a year's income
_CARRIED = re.compile(r"(?:上年|年初|以前年度)(?:结转|结余)")


def _carried(q: Quantity) -> bool:
    return q.label == "年初结转和结余" or _CARRIED.search(q.raw_label) is not None


def _carried_last(doc, b) -> bool:
    """Whether the last part of ``b`` (and only the last ones) is money carried over from the years
    before, under a total of some income not written as all of it (收入合计, 本年收入 — not
    收入总计, 总收入)."""
    if not _carried(b.parts[-1]) or _carried(b.parts[0]):
        return False
    head = doc.text[max(0, b.total.span.start - 6):b.total.number_span.start]
    return "收入" in head and "总" not in head


def _whole(b) -> frozenset:
    """The parts written as whole numbers among parts written with decimals, in the total's
    unit (89.97万元，其中：30万元…；30万元…；29.99万元…; also under a whole total, 2374万元，
    其中：32.8万元；42万元；2300万元): such a part is a round sum, 30.00, not anything from
    29.5 to 30.5."""
    if b.total.kind != "amount":
        return frozenset()
    if not any(p.precision > 0 for p in b.parts):
        return frozenset()
    return frozenset(p.span for p in (*b.parts, *b.more) if p.precision == 0 and p.unit == b.total.unit)


def _holds(t: Interval, parts, exhaustive: bool, whole: frozenset = frozenset()) -> bool:
    """Whether parts can make up the total ``t``: their sum meets it (or, for a
    partial list, does not exceed it), read as written or with the parts labelled
    as reductions taken away."""
    readings = [[interval(p, exact=p.span in whole) for p in parts]]
    cut = next((k for k, p in enumerate(parts) if _REDUCTION.search(p.raw_label or "") and p.value > 0), None)
    if cut is not None:
        readings.append([interval(p, negate=bool(_REDUCTION.search(p.raw_label or "")) and p.value > 0,
                                  exact=p.span in whole) for p in parts])
        if cut >= 2:
            # 下达150万元，其中A 130万元，B 20万元，调减30万元，全年实际下达120万元: the list
            # ended before the adjustment, which changes the total, not the list
            readings.append([interval(p, exact=p.span in whole) for p in parts[:cut]])
    for ivs in readings:
        s = total(ivs)
        if exhaustive and t.meets(s):
            return True
        if not exhaustive and (s.lo <= t.hi or any(iv.hi < 0 for iv in ivs)):
            return True
    return False


class BreakdownSum(Rule):
    """
    做什么
        找出“总数 + 其中/包括/含/具体为/构成为/构成如下/来源为/按…分（分类）/按…划分为/分为/由…组成（构成）/即/
        冒号 + 各分项”（以及“各分项，合计/共计/小计 总数”）的表述，
        把各分项相加，与总数比较。每个写出的数都代表一个区间：保留 k 位小数的数
        代表 ±0.5×10⁻ᵏ 的范围，n 个分项之和就带有 n 个这样的范围（XBRL Calculations 1.1）；
        但别的分项写了小数时，同单位的整数分项按整数本身计（“89.97万元。
        其中：30万元……；30万元……；29.99万元……”里的 30 是 30.00；总数写成整数时也一样，
        “共计 2374 万元，其中：32.8 万元；42 万元；2300 万元”的分项和是 2374.8，总数仍按 ±0.5 计）。只有总数的区间
        与分项和的区间不能相交时才报告，四舍五入造成的尾差不报告。金额按 元/万元/亿元
        换算后再比较；人数、件数等计数是精确的。

        总数是哪个数：“其中”前面最近的同类的数（与“其中”之间的百分比和“比上年
        增加……”之类的比较数跳过，比较数仍算可能的总数；
        “总投资500万元（其中……）”“总投资500万元，（其中……）”里括号前的数也算）。另起一句的“其中”（“下达资金
        2263万元。其中：……”，“；其中”同样）细分的是同一段里上一句最后一个同类的数；
        它若本身是上一句“其中”的分项，则取那个“其中”的总数；说明变动原因的数（“主要原因是支付了200万元建设款”）不算。“比上年增加”之类的
        比较数、单价和标准不算总数。总数和另起一句的“其中”之间隔着恰好一句不带任何
        数的话时（“实际支出共计3150万元。项目分三类：一是培训，二是设备，三是宣传。
        其中培训……”），也取再上一句的总数，但只在：中间那句以句号结束、不以编号开头
        （“（二）”是新的一节）、除“包括/包含”外没有关键词、句中编号只是“一是、①、(1)”
        之类，不含年份、日期和任何数字；总数那一句里与分项同单位的数只有这一个，或它是
        最后一个且前面写着“共计、合计、总计、累计、实际支出”等；每个分项的文字都与中间
        那句或总数前的文字有两个相连的字相同（“项目、资金、补助”之类人人都有的不算）。
        隔着两句以上、隔着带数的句子、隔着分段的，不往回找。

        分项是哪些数：“其中”之后同类的数，到句末为止（分项后紧跟年份、没有任何标点的
        “……县级资金40万元2023年支出280万元”是丢了句号，列举到此为止；紧跟的是别的数、
        没有年份时可能只丢了逗号，列举算作不完整）；括号里的数是对某个分项的
        再细分，括号里的“其中”“；”不打断列举；“其中包括”“其中含”算一个“其中”。
        “合计/共计”之前有“其中”时（“其中：A a，B b，共计 X”），分项是“其中”之后的数。
        标题和正文连成一行、没有句号时（“其中A a，B b，……三、实施情况我校2022年支出共计X”），
        分项本身没写年份的列举，在最后一个分项之后、下一个“共计/包括……”的第一个数之前写出
        年份处结束，同在句号处结束一样：列举按完整核对，那个“共计”不把它们当分项。
        紧跟在一个数后面（中间至多一个逗号或冒号）的“分别为/分别是/分别来自/分别用于”（以及隔着逗号、
        列出两项以上的“用于”：“支出1760万元，用于资助参保a、住院救助b、门诊救助c”），若这个数不是别的列举的分项，
        也列出它的分项（“两个村共获得资金190万元，分别为110万元、80万元”）；紧跟在数后面的“即”（不是“即将”
        之类）、“由……构成/组成”、冒号（“项目总投资为2104万元：工程费用……”）也一样。分项之间用“和、及、与”
        连接与用顿号相同。紧跟在数后面、不以任何词开头的括号里有两个以上同类的数时（“实有人数153人（机关62人，
        执法大队48人，服务中心25人）”），也是它的分项；括号里有别的年份、上年同期的数，或者总数、分项写着
        “调增、调减、增加、减少”时不算。“合计/共计/小计”前写明了
        几项（“两项合计”“以上三项共计”），或写着“三批累计拨付”时，分项是前面这么多个同类的数——同一句里
        没有这么多时，取同一段里前面最近的这么多个（“设备购置费a。软件购置费b。两项合计X”）；
        数不够就不核对。只用顿号隔开的一串数后面、逗号之后以“共”开头的数（“产出指标11个、效益指标5个、
        满意度指标1个，共设置三级指标16个”）也是它们的总数（“共结余、共支出、共使用”之类不是）；
        “之和为/总和为”后面的数是它前面同一句里同类的数之和。句首的“共计”（“共计发放A a，B b，总计X”）
        不是总数，不截断后面“总计”的分项。“具体……为”（“具体拨付情况为：”）与“具体为”相同。
        “其中”前面隔着一串只有文字的“包括……等”时（“经费a，主要包括办公费、水电费等，其中办公费b……”），
        总数是再前面的那个数，列举不完整。“主要是、主要为、主要有”
        、主要用于”开头的列举不完整；最后一个分项之后另起一个分句说“另有、此外、其余……”时也不完整。总数与“其中”之间另一种计数（“惠及农户18452户”“以及桥梁检测38座”），
        在分项是别的单位、它前面同一句里又有分项那种单位的数时跳过，总数是前面那个数。
        “合计”开头的“；”分句（“A 30万元；B 30万元；合计60万元”），分项是前面每个
        “；”分句里的那一个数（每句恰好一个、共两句以上时）。
        不算分项的：“净值”“占比”等描述前一分项的数，“分别”（“分别为、分别是”）、“即”或紧跟在分项后的“主要是、主要为、主要包括、主要有”之后到“；”为止的数（“第一批资金100万元，
        分别支持甲项目30万元、乙项目70万元”“预算资金950万元，即：甲600万元、乙350万元”是对这一分项的再细分；细分的数有两个以上时，
        另按“这一分项 = 各细分之和”核对；“主要是”之后的只是主要的几项，不核对），列举之后“涉及、覆盖、惠及、带动、受益”
        开头的数（“其中甲6个、乙4个，涉及部门8个”：列举到此结束），说到目前为止下达、拨付、
        支出、到位、完成多少的数（“已下达”“累计完成”“实际到位”“截至年底已拨付”“完成投资”，
        以及另起一句说一共支出多少的“全县救助资金共支出”；“公共支出”的“共”不算）
        ——总数和前面的分项都不是这样的数时，列举到它之前结束（“总投资860万元，其中省级资金520万元、
        县级资金340万元，目前已下达700万元”；紧跟在“、”后的仍是一项，如“其中购置设备50万元、
        拨付乡镇90万元”；总数本身就是同一件事的数时照常算分项，如“全年完成投资500万元，
        其中道路工程300万元，……完成绿化50万元”，而“下达资金500万元，其中……，已支出480万元”
        里的“已支出”仍不算；只有一个分项、后面还有“；”分句时也不算），列举末尾以年份开头、
        数值与总数相同的分句（“其中中央40.3万元，县级40.3万元，2021年度中央下达资金80.6万元”
        是重述总数；各分项都以年份开头时不算），“比上年减少10万元”“较2021年度决算数减少150万元”“与2022年度相比，减少80万元”之类与别的
        年份比较的数，单价、标准（“合计”之前的也算：“平原每亩120元，山区每亩180元，合计发放1260万元”不核对；“每公里补助20万元”“补助标准500元”“300元/人”“30000元每年每人”），
        写出的乘式里的因数（“14人×3万元=42万元”里的 3 万元）。“；”之后的分句：每个
        分句恰好一个数，且共三组以上、或整句就是这个列举（以“。其中”开头）、或各
        分句形式相同（“其中：基本支出60万元，占60%；项目支出40万元，占40%”）、或只有两组而
        两个分项的标签与总数的标签末两字相同（“基本支出500万元，其中：工资福利支出300万元；
        商品和服务支出200万元”；标签带“上年、累计、总、已、实际”的不算）时，
        这些数就是分项。
        列举越过了自己的范围、接着写下一个总数时，分项到同名的几项为止：前两项以上的标签与
        总数的标签末两字相同（“共有编制20人，其中参公编制12人，工勤编制3人，事业编制5人”），
        之后各项的标签都不含这两个字（“外聘4人，年末实有人数24人”），并且最后一项本身是个
        总数——标签带“实有、总、合计、共计、共有、累计”，后面紧跟它自己的“其中”“包括”
        （“……；其中在岗人员22人，退休人员2人”，照常与它核对）——或者各项都是不带小数的计数、
        同名的几项之和恰好等于总数。

        何时认为列举是完整的：分项不少于两个，最后一个分项后没有“等”，“其中”后
        没有“主要”“部分”“如”之类的限定，分项没有被下一个“其中”截断，且各分项后写的
        占比（若每项都写了）加起来够 100%（“脱贫人口1200人，占24%；监测对象300人，
        占6%”只列了一部分）。总数是“累计、以来、至今”的数，各分项都以年份开头，而总数那句写的起始年份
    早于最早的分项（或没有写年份）时（“自2021年以来累计投入1860万元，其中2023年620万元，2024年540万元”），
    列举只是其中几年（写明“三年来”而分项正好是三个年份时是全部）；总数是“、”并列的几个同类的数中的最后一个时（“共有行政村156个、社区23个，
    其中……”），分项可能细分其中任何一个，也不完整。不完整的列举只在分项之和超过总数时报告。

        几种读法都可能时，任何一种相符都不报告：
        - 同一句里更前面的同类的数（“全年预算数600万元，全年执行数580万元，其中：……”
          里的 600）；另起一句时，同一段里此前其他同类的数（已属于别的“其中”的除外）
          和上一句各同类的数之和；
        - “；”把列举分成几组（“其中甲项目设计费5万元，施工费10万元；乙项目……”），
          “；”之前的分项之和小于总数而后面各组还有同类的数、中间没有新的“其中”“合计”
          时，读到句末的全部分项；各组的数一样多（两个以上）时，按列相加（“其中：
          中央资金300万元，支出300万元；省级资金150万元，支出145.8万元”）；
        - 总数与“其中”之间写了百分比时，分项之和占总数的这个比例（“下达资金100万元，
          执行率95%，其中：……”列的可能是已执行的部分）；
        - 标为“调减”“减少”“核减”“扣减”“扣回”“收回”“退回”“缴回”的分项按减去计算；
          这样的分项前已有两项以上时，也可能列举到它之前就结束了（“其中A 130万元，B 20万元，
          调减30万元，全年实际下达120万元”：调减改的是总数）。
        都不相符时按第一种读法报告。若某一个不为 0 的分项单独就等于总数，说明各分项
        是相互重叠的口径（如“其中：货物支出 7.62，授予中小企业 7.62”），不报告；但分项与
        总数的标签同属一类（末两字相同，如“实施项目共4个，其中：年初批复的项目4个，追加的
        项目1个”）、或各分项分别标明一种不同的资金来源（财政拨款、自收自支、事业收入、经营收入、
        上级补助、附属单位、自筹、其他收入，每项恰好一种，如“实有人数37人（其中：财政拨款在职
        人员37人，自收自支人员3人）”，来源不同的分项不会重叠）、又只有一个分项等于总数时，照常核对。

        分几段写出的金额（“2亿3,500万元”“7亿580万4千元”）是一个数，按最后一段的单位计（23500 万元）。
        数后面括号里的“含”“包含”“包括”（“决算数 a（含实现数 b、应付数 c）”）列出的是它包含的部分，
        未必是全部：只在各部分之和超过它时报告。
        金额列举里某个分项丢了“元”、只写到“万”（“邮电费2.20万，”）时，按万元计入；
        “其中：其中：”连写两遍时按一个“其中”读。
        文档网站给预览分块加的序号把一个数切成两半时（上一块以“1、”开头、以数字结尾而没有标点：
        “……预算支出610.3⏎2、5万元，其中……”），以新一块开头的“5万元”不是写出的数，这个列举不核对。

        “收入合计”“本年收入”这类一年的收入，有的报告把以前年度的结转结余算在里面，有的不算（它在“收入总计”里）：
        列举的最后一项是“年初结转和结余”“上年结转收入”时，不算它、其余各项之和正好是总数也不报告
        （“收入合计800万元，其中：财政拨款500万元；事业收入300万元；年初结转和结余100万元”）；总数写作
        “收入总计”“总收入”的不这样认。

        人数的总数（编制、实有人数）下只列出领导职位的（“核定行政编制12名，其中局长1名、副局长2名、股室负责人5名”：
        书记、局长、主任、专员、负责人、领导职数……）是其中的领导，不是全部人员，只在分项之和超过总数时报告；
        总数本身是领导职数的（“领导职数4名，其中局长1名、副局长2名”）照常核对。
        人数的各分项都写明是“在职（在岗）”的、或都写明是“退休（离休）”的，而总数没有写这样的身份时
        （“参保人数5000人，其中企业在职参保人员3000人，机关在职参保人员1500人”：退休的人没有列出），
        也只在分项之和超过总数时报告；分项有在职也有退休的，或总数本身写着“在职”的，照常核对。
        总数那一句写明它包括一个单位和它的所属单位（“我局及所属单位实施项目15个。其中，本级项目6个，
        对下转移支付项目0个”），分项写的是“本级”、没有一项写“所属、下属、二层”单位的，所属单位的部分
        没有列出，也只在分项之和超过总数时报告。

        不检查的列举：分项的范围相互包含（“授予中小企业合同金额 a，授予小微企业合同金额 b”：
        小微企业也是中小企业），人数的分项按两种以上的分法分组（性别、年龄、学历、党员、民族，或寄宿、建档立卡、留守、残疾、随迁、
        低保这类各自独立的身份：“其中女性
        213人，45岁以下318人”有人被数了两次），或各分项是同一批人可能兼有的结果（“其中取得证书1460人，
        实现就业1120人”），某个分项写了单位却没有数（数字被隐去或漏填，如“抚育补助 **
        万元”），同一列举的人数夹着别的量词（“81人，……12个，……6人”），总数或某个
        分项是估计数、界限或范围的一端（“约60万元”“30万元左右”“超过20万元”“不少于200个”“20万元至50万元”），最后一个分项后
        还有一个没有数的“、”项（“……45个、差额事业编制。”），最后一个分项后只剩一个
        没有句末标点就到段末的分句（“……南陵县23万元，镜湖⏎”：列举被分页或摘录截断）。

        表格被压成一行时，“其中”前的一串数是总数一行，后面每个短标签加一串数是一个
        分项行。分项行不少于两行、每行的数与总数一行一样多、且不超过三列（年初预算数、
        全年预算数、全年执行数）时，逐列相加与总数比较（“全年预算数 全年执行数 500.00
        480.00 其中:中央资金 300.00 290.00 省级资金 150.00 140.00 ……”）。否则只在总数
        一行全为 0 而第一个分项行有大于 0 的数时报告（“资金总额: 0 0 0 10 0 0 其中:
        财政拨款 90 89.97 89.97”）：空单元格会让两行的列错开，执行率、得分等列也不能
        相加。

        若某个分项的单位与其他分项不同、或符号可能写反，而改成与其他分项一致后
        总数恰好成立，会给出这个建议值。若各分项都用同一个单位、总数的数字正是它们之和，
        只是单位不同（“补助471.23元，其中中央189.63万元，地方281.6万元”），消息直接说总数的
        单位写错了，并建议改成“471.23万元”。

    为什么是问题
        “其中”各项之和与总数不符，说明总数或某个分项写错了（常见于复制上一年的数字
        或漏改一个数），审核时会被直接扣分，也会让读者无法判断哪个数是对的。

    示例
        错误：收入决算数3628.78万元，其中：财政拨款2541.94万元，年初结转和结余986.84万元。
        （2541.94 + 986.84 = 3528.78，比总数少 100.00 万元）

        正确：收入决算数3528.78万元，其中：财政拨款2541.94万元，年初结转和结余986.84万元。
    """

    code = "JX101"
    name = "breakdown-sum"
    category = "arithmetic"
    severity = "error"
    summary_zh = "总数与其中各分项之和不符"
    summary_en = "a total differs from the sum of its parts"
    messages = {
        "mismatch": (
            "{label}{total} 与其中各分项之和 {sum} 不符（{expr} = {sum}），差 {diff}",
            "{label}{total} does not equal the sum of its parts {sum} ({expr} = {sum}), off by {diff}",
        ),
        "exceeds": (
            "其中各分项之和 {sum} 超过了总数{label}{total}（{expr} = {sum}），超出 {diff}",
            "the parts add up to {sum}, more than the total{label} {total} ({expr} = {sum}), by {diff}",
        ),
        "zero_row": (
            "总数一行为 0，而其中的“{part}”一行同一列为 {value}：分项不能大于总数",
            "the total row reads 0, but its part “{part}” reads {value} in the same column: "
            "a part cannot exceed its total",
        ),
        "total_unit": (
            "{label}{total} 与其中各分项之和 {sum} 不符：各分项都以{unit}计，总数的数字正是它们之和，"
            "单位应为{unit}（{expr} = {sum}）",
            "{label}{total} does not equal the sum of its parts {sum}: the parts are all in {unit} and "
            "add up to the total's figure, so its unit should be {unit} ({expr} = {sum})",
        ),
        "part": ("分项：{text}", "part: {text}"),
        "suggest": (
            "若“{part}”为 {value}，则各分项之和为 {total}，与总数一致",
            "if “{part}” were {value}, the parts would add up to {total}, matching the total",
        ),
    }

    def check(self, doc):
        for b in doc.breakdowns:
            if b.gaps:  # a part with the unit but no number: the sum cannot be known
                doc.note_claim(None)
                continue
            if any(_cut_at_chunk(doc, q) for q in (b.total, *b.parts)):
                doc.note_claim(None)  # a document site's chunk number cut the figure in two
                continue
            parts = b.parts
            t = interval(b.total)
            equal = sum(1 for p in parts if p.value and interval(p).meets(t))
            if len(parts) >= 2 and equal and (equal >= 2 or not (one_kind(b.total, *parts) or _by_source(parts))):
                # one part is the whole total: the parts are overlapping subsets
                # (其中：货物支出 7.62，授予中小企业 7.62), not a partition — unless the parts
                # are named as one kind with the total (项目资金 150，其中：年初批复项目资金 150，
                # 上级补助项目资金 0.24: a part too many or a total not updated — or each is
                # named by another source of funds: 其中：财政拨款 37，其他收入 3)
                doc.note_claim(None)
                continue
            whole = _whole(b)
            holds = _holds(t, parts, b.exhaustive, whole)
            if not holds and any(_holds(interval(x), parts, b.exhaustive, whole) for x in b.totals):
                holds = True  # the parts add up to another figure of the sentence before
            if not holds and b.summed and _holds(total(interval(x) for x in b.summed), parts, b.exhaustive, whole):
                holds = True  # … or to all of the sentence before
            if not holds and b.rates:
                # 下达资金100万元，执行率95%，其中：… — the parts may be the 95% executed
                share = total(interval(p) for p in parts).divide(t)
                holds = share is not None and any(
                    share.scale(Decimal(100)).meets(stated(r.value, r.precision)) for r in b.rates)
            if not holds and b.more and total(interval(p) for p in parts).hi < t.lo:
                # the parts before the ； fall short: the list may run on to the sentence end
                longer = parts + b.more
                holds = any(_holds(interval(x), longer, b.more_exhaustive, whole) for x in (b.total, *b.totals))
            if not holds and b.exhaustive and _carried_last(doc, b):
                # 收入合计 a，其中：财政拨款 b；事业收入 c；年初结转和结余 d — a year's income (合计,
                # 本年收入) is written with and without what earlier years carried over, which 收入总计
                # adds to it: the list holds when the year's own items make the total
                own = [p for p in parts if not _carried(p)]
                holds = len(own) >= 2 and _holds(t, own, True, whole)
            if not holds and b.columns:
                # 其中：A资金 a，支出 a′；B资金 b，支出 b′ — one of its columns may be the total
                holds = any(_holds(interval(x), column, True, whole) for column in b.columns
                            for x in (b.total, *b.totals))
            doc.note_claim(holds)
            if holds:
                continue
            yield self._finding(doc, b, "mismatch" if b.exhaustive else "exceeds")

    def _finding(self, doc, b, key):
        tq = b.total
        if tq.kind == "number" and not b.exhaustive:  # a flattened table: 总额 0 0 0 其中：拨款 90 …
            p = b.parts[0]
            return self.report(tq.span, "zero_row", part=p.raw_label or doc.quote(p.span), value=_num(p),
                               related=[self.related(p.span, "part", text=doc.quote(p.span))])
        if key == "mismatch" and tq.kind == "amount":
            found = self._total_unit(doc, b)
            if found is not None:
                return found
        unit = tq.unit
        prec = max([tq.precision] + [p.precision for p in b.parts if p.unit == unit])
        tf = _factor(tq)
        shown = []
        sum_value = Decimal(0)
        for p in b.parts:
            v = p.value * _factor(p) / tf if p.kind == "amount" else p.value
            sum_value += v
            shown.append(_show(p, unit))
        expr = " + ".join(shown).replace("+ -", "- ")
        diff = abs(tq.value - sum_value)
        label = _shown_label(tq)
        args = dict(
            label=label + " " if label else "",
            total=_with_unit(_num(tq), unit),
            sum=_with_unit(fmt(sum_value, prec), unit),
            expr=expr,
            diff=_with_unit(fmt(diff, prec), unit),
        )
        if key == "exceeds":
            args["label"] = (" " + label) if label else ""
        related = [self.related(p.span, "part", text=doc.quote(p.span)) for p in b.parts]
        suggestion = None
        fix = self._fix(b)
        if fix is not None:
            part, value_text = fix
            suggestion = self.related(
                part.span, "suggest", part=part.raw_label or doc.quote(part.span), value=value_text,
                total=args["total"],
            ).zh
        return self.report(b.total.span, key, related=related, suggestion=suggestion, **args)

    def _total_unit(self, doc, b):
        """The total's figure is the parts' sum in the one unit all parts are written in, and
        only its own unit differs (471.23元，其中189.63万元，281.6万元): the total's unit is wrong."""
        tq = b.total
        units = {p.unit for p in b.parts}
        if len(units) != 1 or any(p.kind != "amount" for p in b.parts):
            return None
        unit = units.pop()
        if not unit or unit == tq.unit or unit not in UNIT_FACTORS:
            return None
        if not interval(tq, unit=unit).meets(total(interval(p) for p in b.parts)):
            return None
        prec = max([tq.precision] + [p.precision for p in b.parts])
        sum_value = sum((p.value for p in b.parts), Decimal(0))
        label = _shown_label(tq)
        return self.report(
            tq.span, "total_unit", label=label + " " if label else "", total=_with_unit(_num(tq), tq.unit),
            sum=_with_unit(fmt(sum_value, prec), unit), expr=" + ".join(_num(p) for p in b.parts), unit=unit,
            related=[self.related(p.span, "part", text=doc.quote(p.span)) for p in b.parts],
            suggestion=f"{_num(tq)}{unit}",
        )

    def _fix(self, b):
        """A single part whose unit or sign, set like its siblings', makes the sum hold."""
        t = interval(b.total)
        answers = []
        for i, p in enumerate(b.parts):
            # the unit of its siblings: the most common among the other parts and
            # the total, the total's own unit on a tie
            units = [q.unit for j, q in enumerate(b.parts) if j != i and q.kind == "amount"] + [b.total.unit]
            common = max(sorted(set(units), key=lambda u: u != b.total.unit), key=units.count)
            options = []
            if p.kind == "amount" and common and p.unit != common:
                options.append((common, False))
                options.append((common, True))
            options.append((None, True))
            for unit, negate in options:
                ivs = [interval(q) for q in b.parts]
                ivs[i] = interval(p, unit=unit, negate=negate)
                if t.meets(total(ivs)):
                    value = -p.value if negate else p.value
                    answers.append((p, f"{fmt(value, p.precision)} {unit or p.unit}"))
                    break
        return answers[0] if len(answers) == 1 else None


# a document site's number of a preview chunk (2、) alone before a figure at a paragraph's start, and
# the number opening the chunk before it (1、)
_CHUNK_BEFORE = re.compile(r"\s*(\d{1,2})、\s*")
_CHUNK_OPENS = re.compile(r"\s*(\d{1,2})、")


def _cut_at_chunk(doc, q: Quantity) -> bool:
    """Whether ``q`` opens a document site's preview chunk (``2、5万元``) whose chunk before it
    (``1、……预算支出610.3``) ends in a digit with no mark: the site cut one figure in two
    (610.35), and ``q`` holds only its last digits."""
    if q.para == 0:
        return False
    para = doc.paragraphs[q.para]
    m = _CHUNK_BEFORE.fullmatch(para.text, 0, para.index_of(q.number_span.start))
    if m is None:
        return False
    before = doc.paragraphs[q.para - 1].text.rstrip()
    n = _CHUNK_OPENS.match(before)
    return n is not None and int(n.group(1)) + 1 == int(m.group(1)) and before[-1:].isdigit()


def _shown_label(q: Quantity) -> str:
    """The total's name for the message: its label, or for a long label run together from a
    flattened table's cells (上年结转资金 其他资金 年度总体目标 … 本项目共申请预算资金) the last cell's."""
    label = q.label or q.raw_label
    if len(label) > 16 and " " in label.strip():
        return label.split()[-1]
    return label


def _with_unit(number: str, unit: str) -> str:
    return f"{number} {unit}" if unit else number


def _num(q: Quantity) -> str:
    return fmt(q.value, q.precision)


def _show(p: Quantity, unit: str) -> str:
    if p.kind == "amount" and p.unit != unit:
        return f"{_num(p)}{p.unit}"
    return _num(p)
