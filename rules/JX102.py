from __future__ import annotations

from decimal import Decimal

from ..arith import UNIT_FACTORS, fmt, interval_of, quantize
from ..rates import (bound_claims, crossed, point, point_changes, rate_claims, rate_expr, recompute,
                     recompute_readings, stated_rate, thresholds, truncated_at_point, truncated_to)
from ..rule import Rule


def describe(claim, doc, label_of) -> tuple[str, str]:
    n, d = claim.numerator, claim.denominator
    return (f"{label_of(n)} {doc.quote(n.span)}，{label_of(d)} {doc.quote(d.span)}",
            f"{label_of(n)} {doc.quote(n.span)}, {label_of(d)} {doc.quote(d.span)}")


def label_of(q) -> str:
    return q.raw_label or q.label or "—"


def _unit_slip(claim):
    """(figure, unit) when the rate holds with one amount of a ratio in the unit 10⁴ times larger
    or smaller (420.37 元 for 420.37 万元): the rate may be right and the unit wrong."""
    if claim.formula != "ratio" or claim.sign:
        return None
    n, d = claim.numerator, claim.denominator
    for x in (n, d):
        if x.kind != "amount" or x.unit not in UNIT_FACTORS:
            continue
        for unit, f in UNIT_FACTORS.items():
            ratio = f / UNIT_FACTORS[x.unit]
            if ratio not in (Decimal(10000), Decimal(1) / Decimal(10000)):
                continue
            ni, di = interval_of(n), interval_of(d)
            ni, di = (ni.scale(ratio), di) if x is n else (ni, di.scale(ratio))
            r = ni.divide(di) if di.lo > 0 else None
            if r is not None and stated_rate(claim.rate).meets(r.scale(Decimal(100))):
                return x, unit
    return None


class RateMismatch(Rule):
    """
    做什么
        找出报告写出的比率（支出完成率、资金支出率、执行率、得分率、整改率、差异率、
        增长率/减幅、“占……的 x%”等），在能够毫无疑问地认出分子与分母时重新计算并比较。

        分子、分母的认法（规则写在 linter/data/rates.toml 里，是数据而非代码）：
        比率名称决定它由哪些标签的数算出（如 支出完成率 = 实际支出 ÷ 下达预算数，
        支出率的分母也可以是收入决算数、到位资金、收到的资金、资金总量，即可支配的资金；“完成预算的 r%”“完成年初预算的 r%”“三公经费控制率”“公用经费控制率”“预算控制率”也是支出率（执行数 ÷ 预算数；收入“完成年初预算的”不是支出，不核对），投资的“完成年度计划的 r%”“完成总投资的 r%”是投资完成率（完成投资 ÷ 年度计划投资，“计划完成投资”是计划数，不是分子；两个数都以“投资计划”结尾时，含“完成”的是分子，含“安排、下达、批复”的是分母，如“累计完成……投资计划 a”÷“已安排……投资计划 b”）；分配率 = 已分配 ÷ 资金合计 / 资金总额 / 下达资金（“未分配”不是分子）；下达率、（预算）分解下达率 = 已（分解）下达 ÷ 预算（“未下达、应下达、计划下达”不是分子）；标签只有“支出”或“执行”二字的数是支出的数（标签只有“预算支出”的是预算，“一般公共预算支出”仍是支出）、标签为“决算”“决算数”的数是支出的数，以分母字样（补助资金、专项资金）结尾、前面却写着“已拨付、已支付、已使用”等的数（“已拨付财政补助资金 a”）是付出去的钱，是分子，以分子字样开头、后面紧接分母字样的数（“使用项目资金 a”）也是分子（后面是“总额、合计”的除外：“实际执行资金总额”可能是可执行的全部资金），“执行”后面紧接分母字样的数（“执行预算资金 a，执行率 r”）在它的句子里没有别的预算数、也没有支出数时是执行数，是分子（“年初预算 a，执行预算 b”“执行预算 b，实际支出 c”中的 b 是执行中的预算），“基本支出”“项目支出”之类以“支出”结尾的标签则是分项，不算（比率所在句子里只有这一个数、且分母的标签也写着同样的支出类别时除外：“项目预算总额 a。截至年底，项目支出 b，预算执行率 r”中 b 是支出数，“基本支出 b”则不是这个项目预算的执行数；带“其他、人均、收入、结余”等字样的仍不算）；
        得分率 = 得分 ÷ 分值，整改率 = 已整改 ÷ 问题数，开工率 = 已开工 ÷ 项目数（计数的标签认不出角色时，也看量词后面到下一个标点或数为止的词：“6 个项目已开工”是已开工数，“8 个计划开工项目”是计划开工数；“未开工”不算），完成率 = 实际完成（实际完成值、完成指标，计数的也认实际建成、已建成）÷ 目标（目标值、指标值、应完成、设置的绩效指标），“完成计划的 r%”“完成年度计划的 r%”的计数也是完成率（“计划新增 n 人，实际新增 m 人”），人员控制率 = 在职人员（实有人数）÷ 编制数，项目完成率 = 已完成（项目）÷ 安排、实施的项目（同一量词的计数；超额完成写 100% 也算对；计数找不到数、而两个角色都有金额时按金额核对（名称前只可有“资金、投资、预算”之类的字样，“工程完成率”说的是工程，不按金额核对）：“收到……资金 a，实际完成 b，完成率 r”“年度指标值 a，实际支出 b”“年度计划投资 a……累计完成投资 b，年度计划完成率 r”；都找不到时，比率前恰好只有“计划 X n、实际 X m”一对数——前面是“计划、年度计划、目标”与“实际、已、累计”，后面的词相同或一方是另一方的开头、至少两个字，或实际一方只写了“实际完成”而同一量词——就是实际 ÷ 计划），未知名称的“V率”（发放率、参保率）前恰好只有“应V / 计划V”与“实际V / 已V / 累计V”一对同类数时，按实际 ÷ 应该核对；这样的“V率”前恰有一个标为 V 的数、是同一句里“其中”分解的一部分、分解的总数也在上一个比率之后时（“全年接诊 n 人次，其中转诊 m 人次，转诊率 r”；标签以 V 开头的也认：“其中知晓政策的 m 人”之于知晓率），按部分 ÷ 总数核对；这样的“V率”前（上一个比率之后）恰好只有两个同类的数、前一个标为“共有、共计、总……”（前面至多有“全县”之类）、后一个以“已V / 实际V / 累计V”开头（或以“已、实际、累计”开头、含 V：“已实现动态管理 m 户”之于管理率）时（前一个也可以是标为“应……”或“符合条件的……”的数：“全年应管理患者 n 人，已规范管理 m 人，规范管理率 r”“全区符合条件的困难家庭 n 户，已纳入救助 m 户，救助覆盖率 r”；后一个也可以以“已、实际、累计”开头、含比率名称中 V 前面的两个字：“共有脱贫户 n 户，已落实帮扶措施的 m 户，帮扶覆盖率 r”）（“全县共有行政村 n 个，已覆盖 m 个，覆盖率 r”），也按后者 ÷ 前者核对；金额的比率（执行率、到位率之类）和完成率按定义找不全分子分母时，比率前恰好有一个“应X”和一个“实际X / 已X / 累计X”的同类数（前面可有主语，X 至少两个字相同或一方是另一方的开头，如“地方应配套 a，实际配套到位资金 b”；不带这两种字样的数不管）也按实际 ÷ 应该核对（合格率、满意度之类说的是别的事，“应参加考核 n 人，实际参加 m 人，合格率 r”不这样认），完工率 = 完成（已完工、建成）÷ 实施的工程量、项目数或计划、目标（如“实施……工程 n 公里……完成 k 公里建设任务，完工率 p”；同一量词，超额写 100% 也算对；“未完工”不是分子），合格率 = 合格 ÷ 抽检数（验收数也算，“验收项目 n 个，验收合格 m 个”；“抽检样品 n 批次”这样动词后带宾语的也认），办结率 = 已办结 ÷ 受理数（“受理群众来信 n 件”也认），问卷回收率 = 回收（有效）问卷 ÷ 发放问卷，不合格率 = 不合格 ÷ 抽检数，政府采购的节约率 = 节约资金 ÷ 采购预算（没有写节约资金、比率前恰好只有采购预算 a 和其后的采购规模（实际采购金额）b 两个数时，按 (a − b) ÷ a 核对；实际采购金额、采购规模不是它的分母；没有写预算、比率前只有采购规模（实际采购、中标、合同金额）a 和节约资金 b 两个数时，预算是 a + b：“政府采购规模 a，较采购计划节约资金 b，节约率 r”按 b ÷ (a + b) 核对）；名称前有“不、未、非”的比率，如不满意率、未完成率，是另一部分的比率，不按满意率、完成率核对；以“比率”结尾、本身不是已知名称的，按把“比率”换成“率”后的名称核对，如资金使用完成比率即资金使用完成率、执行比率即执行率；标签末尾的“完成”等虚词去掉后认不出角色时，再看去掉之前的写法，如“截至年底完成 k 公里”是完成数）；
        “资金到位率、执行率分别为 100%、95%”这样在“分别为”前列出几个比率名称、后面按顺序写出同样多个百分数
        （以“、，和及与”相连）时，每个百分数按对应名称的定义、用列表之前的数核对（数也一样：“预算数、执行数分别为 a、b”中 a 是预算数、b 是执行数）；比率也可以和它的数列在一起：“预算数、执行数、执行率分别为 a、b、r”中，列表里只有这一个比率、分子分母各恰有一个时按它们核对；名称中有一个不是已知比率
        （“中央、省级资金执行率分别为”）就都不核对。
        比率名称后紧跟括号里用文字写出的算式、括号与百分数之间只有“为、是、达、达到、约为”或什么也没有时（“资金支出率（实际支出/预算数）为 r%”），比率没有标签、写作“名称：r（a / b）”时按冒号前的名称认，
        按括号前的名称核对（括号里不是“/、÷”算式的，如“（不含上年结转）”，不这样认）。
        比率所在的句子只找到一个角色的数、比率后面紧跟的括号里只有一个带标签的数、按定义正是缺的那个角色时
        （“决算数 a，完成年初预算的 r%（年初预算 b）”），就用它；前面各句都找不到时，比率后紧接的分句里唯一的数、也是句中最后一个数，
        正是缺的角色时也用它（“结余资金 a，结余率 r%，全年可用资金 b。”）；“A a，完成 B（b）的 r%”按 a ÷ b 核对（超额写 100% 也算对）。
        分配率的分子也可以是“已分配下达”，分母也可以是“资金到位”的数；“截至年底执行 b”是执行数。
        数没有标签、前面紧挨着“名称：”或“名称(A)”“名称(万元)”这类表格式写法时（“年度预算数：250 万元；全年执行数：240 万元；执行率：96%”
        “全年预算数(A)250 万元……执行率(B/A)96%”），名称就是它的标签（比率也一样）。
        只在比率所在的句子里、上一个比率之后找；
        比率所在的句子在它前面没有同类的数时（“实际支出 a，预算数 b。支出率 r%。”，
        或只有别的比率：“……。甲支出率 r%，乙支出率 s%。”），
        才看同一段落里紧挨着的上一句（以“；”相连的几个分句算作一句，到上一个“。”为止），
        且上一句自己没有写比率、分子分母两个角色都找得到数（上一句只有一个数、是一个角色的，另一个角色可取再上一句唯一的数，
        那一句也没有写比率：“项目资金 a。截至年底，已支付 b。支付率 r。”）；
        比率所在的句子只写了分子或只写了分母时（“下达资金 a。已支出 b，支出率 r%。”），
        缺的那个角色到前面最近一个写有数的句子里找（跳过没有数的句子，以及同样缺这个角色的
        同一种比率的句子：“评价金额 a。到位 b，到位率 r；截至……到位 c，到位率 s”），
        那一句须没有写同一种比率（写了别种比率如到位率不妨碍；写了别种比率、却没有这种比率的同类数的句子，如“已开工 k 个，开工率 p”之于投资完成率，也跳过），该角色的数有一个就用它，
        有两三个就逐一试（见下文的取法）；“应支付”“应发放”的数是应付而未必已付，不算分子，“应执行数”是应当执行的数，是分母而不是分子；
        支出率缺分母而那一句没有带分母字样的数时，取那一句里唯一一个不属于“其中”分解、
        也不带上年、收入、结余之类字样的数（“对专项资金 a 进行了分解，其中甲 b、乙 c”的 a；“A用于B”的钱按用途 B 看，“结余用于项目建设经费”不是结余）；
        分子后面括号里写着它包含什么（“决算数 a（含实现数 b、应付数 c、保留数 d）”）时，比率可能是其中几项之和的：这几项（不到三项时连同 a）逐一及相加都作为分子的取法。
        到位率只找到一个到位数而没有带分母字样的数时，取它前面唯一一个认不出角色的数（“某某项目 a 万元，实际到位 b 万元，到位率 r”的 a）。
        支出率、支付率只找到一个支出（支付）数、同一句里它后面另外只有一个结余或未支付的数时（“项目资金共支出 a，结余资金 b，资金执行率 r”“资金支付 a，未支 b，支付率 r”；上年、年初、累计、结转的结余不算），分母是两者之和 a + b。
        分子前写着分母的数和它“其中”的一个分项时（“下达资金 a，其中中央资金 b，支出 c，执行率 r”），比率也可能是这个分项的，b 也作为分母的一种取法（列出两个以上分项的，如“其中中央 b、省级 c、县级 d”，是整体一起支出，不这样认）。
        分母的数是一组分项中的一项、这组分项的合计写在它之后、比率之前时（“上级补助资金 a，配套资金 b，合计 c，已拨付 d，拨付率 r”），合计 c 也是分母的一种取法（几种取法都得不出写出的比率才报告）。
        再往前的句子、比率之后的数都不用（紧跟在比率后面括号里的除式除外，见下），只有一种例外：比率写在它的数之前——所在句子里比率前面没有同类的数、后面没有别的比率，比率之后到句末恰有两个同类的数、不在括号里、不是同一句里两个年度的数、分子分母各一个时（“资金到位率 r，下达资金 a，实际到位资金 b。”；后一个数也可以单独写在紧跟前一个数的括号里：“资金到位率 r，资金到位 b（计划到位 a）。”），按这两个数核对。
    另一种例外：比率独占一句（句中没有别的数）、段落里它前面没有同类的数，而紧接着的下一句（到“。”为止）没有比率、
    没有“其中、包括、分别为”之类、也没有“上年、同期、计划、将、下一步”之类（说的是别一年或以后的事）、有两三个同类的数且分子分母恰各一个时（“本项目资金执行率 r。全年预算安排资金 a，实际执行资金 b，结余资金 c。”），
    按这两个数核对。
        分子、分母两个数的标签在角色词前各写着一个不同的项目、工程或层级（“甲项目预算 a，乙项目实际支出 b，执行率 r”“省级资金预算 a，市级资金实际支出 b”）时，它们不是同一个比率的数，不核对（只一个写着项目名，或两个写的是同一个，照常核对）。
        比率后面紧跟括号、括号里只有两个同类的数（或两个不带单位的数，如“（180/200）”）和它们的标签、中间是“/”或“÷”时（“预算执行率 90%（实际支出 a / 预算 b）”），就按这两个数核对（增长率之类的变动率不这样认；前一个数标为分母、或后一个数标为分子时是并列的两个数而不是除式，如“完成率 100%（目标 10 个/实际 12 个）”，不认）。括号里的两个数以“，、；”隔开、不是除式时（“预算执行率 93.5%（年初预算 a，实际支出 b）”），按比率的定义两个数须一个是分子、一个是分母（顺序不论），才按它们核对（“（基本支出 a，项目支出 b）”是分项，不认）。
        每个角色恰好只有一个数值时，按它们重算；某个角色有两三个不同的数值时，
        无法确定用的是哪一个，就逐一试每种取法（每个角色取其中一个数，或把该角色的几个数相加，
        如“基本支出预算 a，项目支出预算 b”之和），只有没有任何一种取法得出写出的比率时才报告，
        消息列出每种取法的结果；满意度有几个等级的人数可作分子（非常满意 a，满意 b）时，
        可能是加权得分，不试各种取法；
        标签的字面不合时，再看它在词表中的规范名（决算总支出 即 支出决算数）；
        “未整改”“不合格”之类不算分子。增长率/减幅的分子分母是标有“本年/上年”的同类数，
        或同一标签、写明两个不同年度的两个数，或“A a，较上年 b 增长 r%”中紧跟在“较上年、比上年（同期）”后面的 b（上年）和它前面唯一的同类数 a（本年）；“A a，上年为 b，增长 r%”中只以“上年、去年”为名的 b 和紧挨着的前一分句里的 a 也是；“2023 年 A a，比 2022 年的 b 增长 r%”中只写年度的 b 也是同一标签的数。
        “A a，较上年 b 增长 r%”前另有一个别的量词的“本年”计数时（“本年度培训 36 期，参训 2,880 人次，比上年的 2,400 人次增长 r%”），a 是与 b 同一量词的那个数。
    “A a，较 B b 增长 r%”（“较年初预算 b”“比计划 b”：b 的标签是“较 / 比”加名称，没有增减字样，a 在紧挨着的前一分句）也按 (a − b) ÷ b 核对。
        超任务、超计划、超额完成（“任务数 a，实际完成 b，超任务 r%”）是 (b − a) ÷ a；“实际 a，较计划 b 增加 c，超额完成 r%”是 c ÷ b
        （只看与差额同一量词的数，“培训 36 期”之类不算）。
        增长率、下降率后面紧跟括号、括号里只有写明“上年（同期）”的一个数时（“部门收入 a，同比增长 r%（上年 b）”），
        b 是上年数，a 是比率前（上一个比率之后）唯一的同类数。
        参保率 = 已参保 ÷ 应参保（“应参加城乡居民医保 n 人”也是应参保数）；入学率 = 已入学 ÷ 适龄儿童；
        贷款、借款的回收率 = 已收回 ÷ 到期（应收回）的数（“累计发放贷款”不是分母；问卷的回收率先按问卷认）；
        收入预算执行率（收入完成率）= 决算收入（实际收入）÷ 预算收入；
        计数按量词后面的词认角色时，前面写着“其中某某”的数不这样认（“其中脱贫人口 n 人全部参保”说的是这部分人）；
        以“实际”开头、以“支出”结尾的标签（“实际救助支出 b”）是支出的数。
        未知名称的比率前恰有“应X”与“实X / 实际X / 已X”一对同类数、X 完全相同时（“应种人数 a，实种人数 b，接种率 r”），按 b ÷ a 核对；
        竣工验收率同完工率。
        部门整体支出绩效评价的指标：预算调整率 = 预算调整数 ÷ 年初预算数；固定资产利用率 = 实际在用固定资产总额 ÷ 所有固定资产总额
        （只认写明“总额、合计”的全部固定资产，某张表的“固定资产原值”不作分母）；重点支出保障率 = 重点项目支出 ÷ 项目总支出；
        政府采购执行率的分母也可以是“政府采购预算数”；“三公经费”变动率、结转结余变动率 = (本年 − 上年) ÷ 上年，写了负号的按带符号
        的值核对，没写负号的按绝对值核对；“人员经费占比 p%”（占比前写着紧挨着的前一个数的名称）与“占比”同样按它所属“其中”分解的总数核对，
        “占资产总额的”也认“其中”分解的总数；标签只有“预算支出”的数，旁边另有支出数而没有预算数时是预算；
        就业率 = 已就业（实现就业）÷ 毕业生（结业学员）；承保率 = 承保面积 ÷ 种植面积（同一量词）；偿还率 = 已偿还（按期偿还）÷ 到期（应偿还）的数；结转率、结余率 = 本年结转、结余的数 ÷ 预算（基金的为收入），
        “上年、年初”的结转结余不是分子，只在有本年收入（预算）作分母时作为分母的一部分相加（“年初结转结余 b，本年收入 a”按 a 及 a + b 两种取法），单独不作分母；竣工率、建成率同完工率，“计划改造……n 个”之类
        含“计划、目标、任务”的是分母；“完成年度目标的 r%”是完成率；支付率、拨付率中“应拨付、应支付”的数是分母；
        计数也有增长率、下降率（“较上年的 b 件增长 r%”）；按“本年/上年”认出的两个数，去掉表示时间的字后须说的是同一件事
        （一方只剩年份，或两者有两个以上相连的字相同），“本年新增就业 a 人，上年末失业人数 b 人”不是一个数的增减；“压减、压缩、压降 r%”是下降率。
        “A，占 B（b）的 r%”“A，占 B 的 r%”中，分子是前一分句的数（A 后面紧跟着自己的括号明细时，越过括号认 A：“A a（其中：甲 b，乙 c），占 B 的 r%”）（“A a，占 C p%，占 B r%”这样一个数接连占几个总数时，也是 a；中间隔着的是说 A 的增减——“比上年增收 b，同比增长 x%”——也越过它认 a，除非 B 本身是增减，如“占增收总额的”；隔着别的比率就不往前认；标签写作“B 累计完成 a”的数也认作 B），分母是括号里的数，
        或段落中唯一一个标签恰为 B 的数（“占 B 总额的”也认标签为“B 总额”“实际 B 总额”“全年 B 总额”
        的数，只多出“实际、全年、年度、本年、当年”这类修饰；段落中有几个这样的数时，取比率所在句子里、比率前面的那一个；没有标签恰为 B 的数时，也认标签以 B 结尾的数——B 前面是主语，后面可带“完成、实现”（“地方一般公共预算收入完成 a”“某工程项目总投资 a”），B 以“资金”结尾时也认以去掉“资金”的词结尾的数（“占到位资金的”认“实际到位 a”），B 以“项目”开头时也认以去掉“项目”的词结尾的数（“占项目总投资的”认“某某水库扩建工程总投资 a”），只认比率之前的数，比率所在句子里有就只看那里，否则看整段里比率之前的，须只有一个数值；不到三个字的 B（“占支出的”）只在比率所在的句子里、比率前面找，须恰有一个数：“经费预算为 a，实际支出 b，占预算的 r%”）；“A a（占 B 的 r%）”中，分子是括号前紧挨着的数；“A 占 B r%”（同一分句写出部分和总数的名称）中，分子是前面唯一一个标签恰为 A 的数（可带“完成、实现”，“非税收入”不是“税收收入”），分母按上面 B 的认法；A、B 恰好是某种已知比率的分子、分母的名称时（“实际完成数占年度目标任务的”“已支付资金占下达资金的”），按那种比率的认法找数，两个角色都须恰有一个数；“占到 B 的”即“占 B 的”（“占到位资金的”仍是到位资金），“A a，为 B 的 r%”“是 B 的”“相当于 B 的”也按“占 B 的”认，“A a，达到 B b 的 r%”“完成 B b 的 r%”“执行了 B b 的 r%”（金额紧接在 B 后、“的”前；“达到了、完成了”也一样）按“占 B b 的”认（计数也一样：“新增就业 a 人，完成年度目标任务 b 人的 r%”，同一量词，是完成率，超额写 100% 也算对）；按标签结尾认 B 时，“公共财政预算”即“一般公共预算”（2014 年以前的名称）；“占总支出的”之类写明总数的比例，分子属于某个“其中”列举时，分母是这个列举的总数——总数标签含“支出”，或总数只写了用途（“节目制作经费项目 60 万元，其中：商品和服务支出 a，占总支出的 r%”，标签里没有收入、支出、预算之类的字样）而分子标签以“支出”结尾；“总额 X，其中：A a，占比 p%”中，分母是 A 所属分解的总数；没有这样的分解时不核对（“中央资金 a，地方配套资金 b，占 p%”的总数 a + b 没有写出，前面的数不是它的总数）；没有“其中”、A a 列在它所在句子（到“。”为止）唯一的冒号之后时（“抽取 N 件进行评估，结果为：A a 件，占比 p%；B b 件，占比 q%”），分母是冒号前唯一一个同单位（同一量词）、不在括号里、不是增减（“比上年增加”）的数，只在冒号后这种数都不在括号里、加起来等于它（只列一项时不超过它）、句中没有“其中、包括、含、分别为、合计”之类时核对（冒号前有两个这样的数、各项加起来少于它——占比可能是各项之和的——或多于它时都不核对；冒号前没有任何数时，分母是紧挨着的上一句里唯一一个这样的数，须列出两项以上、加起来等于它，上一句也没有“其中”之类）；没有冒号、整句（到“。”为止）就是各项的列举、每项后紧跟它的“占 p%”“占比 p%”、句中没有别的同类数、也没有“其中”之类时（“选取 N 个项目开展评价。评为优良的项目 a 个，占 p%，评为中等的项目 b 个，占 q%”），分母也是上一句里唯一一个同类的数，须各项加起来等于它（加起来不等于它时，占比可能是别的总数的，不核对）；这样的列举先写出总数的名称（““三公”经费支出决算中，A a，占 p%；B b，占 q%”）、所在段落在它之前没有数（至多一个标题）时，分母是上一段里各项加起来恰好等于的那一个同类的数。“总额 X，V p% 为 a，W q% 为 b”（V 是出钱或留钱的一方，以补贴、补助、奖补、承担、负担、分担、配套、自缴、自筹、缴纳、出资、预留、拨付、支付结尾，不带增减字样；分句里只有这个百分数和“为”后的金额）中，p% 是 a ÷ X：X 是这一串分句前紧挨着的分句里唯一的数（须是金额、不在括号里、不是增减），它到比率之间没有“其中、包括、合计”之类（“其中种植业保费 a，补贴 p% 为 b”可能是 a 的，也可能是总数的，不核对）；“下浮 5% 为 a”是下浮后的价，不这样认。
        案件办理各环节的比率（立案率、派遣率、处置率、结案率、按期处置率等：名称是某个环节的动词
        加“率”、且上面没有定义的，环节见 rates.toml 的 [stages]）：分子是比率所在句子里、上一个比率
        之后唯一一个标为这个环节的计数（“处置”“处置数”“审核立案”“派遣案件”“受理城市管理问题”“接报警情”；
        名称带“按期、及时”等限定的，分子也须带同样的限定），分母是同一句里分子之前、同一量词、
        标为另一个环节且不带限定的计数（“派遣数”“受理”；带限定的比率也可以是同一环节不带限定的
        计数：按期处置率可以是按期处置 ÷ 处置）；有两三个这样的计数时逐一试，都得不出写出的比率才报告。
        “未处置”“应处置”不是环节的计数；分在两句、量词不同的计数不配对；“派遣正确率”之类
        （正确派遣的件数没有写出）不核对。
        “支出决算占收入决算的”中的 A、B 也认标签为“支出决算数”“收入决算数”的数（“预算数、决算数”即“预算、决算”）。
    “占 B数的”与写作“B总计”“B合计”“B总额”的总数是同一个数（数、总计、合计、总额、总数只是
        说法不同，前面可多“本年度、全年”之类修饰），只认金额。
        标签以“预算”结尾、而其中“实际”后紧跟执行、支出、使用等分子字样的数（“实际执行支出预算 a”）
        是执行了的数，是分子而不是预算。
        “指标完成率”（绩效指标的完成率）：段落中没有写在“指标值”后的目标值时，按完成率的定义核对（“设定指标 n 个，已完成指标 m 个”）；否则分母是段落中写在“指标值”后的唯一目标值（无界限或“≥”；
        写成“≤”的目标是上限，不是可除的完成数），分子是目标之后、比率之前唯一一个同单位的数；
        “约、逾、多、余”之类的近似数不除；超额完成时写 100% 或写实际比值都算对（其他完成率也一样），写成两者之间的值（实际 110% 写作 105%）不算对。
        “A 与上年 B 的比率 r%”：分子是标签含 A、B 共有的词（如“公用经费”）且写明本年 / 当年的数，
        分母是含这个词且写明上年 / 去年的数（同时写了本年和上年的“本年……比上年……减少”不算）；
        先在比率所在句子里比率之前找，没有再看紧接着的下一句；每个角色必须恰好只有一个数值。
        未知名称的“X率”（X 至少三个字）前（上一个比率之后）恰好只有两个同类的数、其中恰有一个的标签含 X、且不大于另一个时
        （“生活垃圾产生量 a，无害化处理 b，无害化处理率 r”“农村集中供水人口 a，农村总人口 b，集中供水率 r”），按含 X 的数 ÷ 另一个核对
        （带“上年、应、计划、其中、未”之类字样的不认）；“计划 X n、实际 X m”一对数后面的词一方包含另一方（至少两个字）也算同样的词
        （“年度计划完成农村公路养护里程 a，实际完成养护 b”）。
        表格单元格里只有比率、金额在别的单元格时，由表格规则核对，本规则不计。

        每个写出的数都代表一个区间（保留 k 位小数即 ±0.5×10⁻ᵏ，计数是精确的），
        比率按区间算术得出一个区间；只有写出的比率的区间与算出的区间不能相交时才报告。
        若写出的值恰好是真实值被截断（该四舍五入进位却舍去了，如 67.146% 写成 67.14%），
        由 JX106 以提示级别报告，本规则不报告。
        比率与算出的值不符、而把分子或分母中一个金额的单位换成大一万倍或小一万倍的单位（元与万元、万元与亿元）就相符时，
        消息指出单位可能写错，不给建议的比率。
        引号里的比率后接“的要求、目标、标准、规定”时（“按照“年底前支出进度达到 100%”的要求”）是对报告的要求，不核对。
    若同一段落写有门槛（“差异率小于 10%”“达到 80% 的目标”“≥90%”），
        而重算的值与写出的值落在门槛两侧，消息会特别指出。
        先写差额、再写变动率时（“支出合计比年初预算数多 c，差异率 r%”“本年公用经费比上年
        减少 c，下降 r%”），r = c ÷ 被比较的数：段落里差额之前唯一一个标签就是这个基数
        （“年初预算数”）的数（“比”也可写作“较”；没写比什么、比率前有“同比”时，比的是上年），
        比的是“上年”时为标签含“上年/去年”和主语词（“公用经费”）
        的唯一一个数；差额须是比率所在句子里（上一个比率之后）唯一的同类数，或者本年数、“比上年 b”之后的第三个数（“经费支出 a，比上年 b 减少 c，下降 r%”中 r = c ÷ b）。
        只写了本年数和紧跟其后、没有写上年数的差额（“本年度收入 a，比上年增加 c，增长 r%”“支出 a，较上年减少 c，下降 r%”）时，
        上年数是 a − c（增加）或 a + c（减少），r = c ÷ (a ∓ c)；差额的说法与比率的方向相反（“增加 c，下降 r%”）时不核对；
        “比上年增加 c”这样的差额不当作上年的数。比率前有三个同类的数、最后一个是自己写明基数和主语的差额时（“决算支出 a，年初预算 b，决算支出较年初预算增加 c，增长 r%”），按 c ÷ 标签为基数的那个数核对。
        差额写在增长率、下降率之后的下一分句（“财政总收入完成 a，较上年同期增长 r%，增收 c”；中间可隔着 a 的占比
        “占调整预算 p%”）时同样按 c ÷ (a ∓ c) 核对；比率名称前除“同比、较上年（同期）”外还写着别的词（“其中税收收入增长 r%”）时不这样认。
        “由 A% 提高到 B%，提高 N 个百分点”中，B − A 须为 N（按区间比较）。
        报告只写了比率所守的界限、且同句写有分子分母时（“预算批复资金 a，部门决算收入 b，
        差异率小于 10%”），也重算比率，整个区间都越过界限时报告。

        计数的比率有几个可作分母的数、分子是其中一个数“其中”分解的一部分时（“发放问卷 n 份，回收有效问卷 m 份，其中满意 k 份”），
        分母就是那个数（m，不是 n）。
        计数的比率（合格率、达标率、完成率）只找到一个分子、它是同一句里前面某个总数“其中”分解的一部分时（“共有学生 n 人，其中达标 m 人，达标率 r”），
        分母是那个总数（同一量词）；比率前（上一个比率之后）只有这个分子和它前面一个标为“共有、共计、总……”（前面可有“全县、全年、项目”）的同类数时（“共有学生 n 人，已达标 m 人，达标率 r”），分母是那个数；完成率按计数核对时，标签含“计划、目标、任务、指标”的是分母、含“完成”的是分子（两者都含的“计划完成”不认）；
        支付率的分母也可以是合同金额（合同总额、合同价款）；比率前（上一个比率之后）只找到一个角色的数时，缺的角色也可取同一句里上一个比率之前的数——只在那些比率都是别的比率（“到位率”之后的“执行率”）、那里没有已找到角色的数时，有两三个的逐一试（“预算资金 a，实际到位 b，到位率 s，实际支出 c，执行率 r”按 c ÷ a 或 c ÷ b）；按“应X / 实际X”一对数核对金额的比率（资金拨付率之类）时（增长率、下降率之类的变动率不这样认：“应征收 a，实际征收 b，较上年增长 r%”说的是与上年比），这对数须是金额（“应发放 n 户，实际发放 m 户”不是资金拨付率的依据）。
        名称前恰为“上年、去年、上年度”等的比率（“上年执行率”），或名称前紧挨着写了一个年份、而它不是同句前面的数所写的年份
        （前面的数没写年份时，不是报告评价的年度；评价年度不明时也算）的比率（“2022 年执行率”），说的是别一年，不按本句的数核对，名称前带“平均”的（“全省平均执行率”）和紧跟在“其中”后面、名称前还写着别的词的（“其中中央资金执行率”，是一部分的比率）也不核对；
        标签去掉虚词后只剩“上年、去年”的数（“上年完成 18 个”）不作比率的分子或分母。

        “贫困户 n 户中已脱贫 m 户，脱贫率 r”这样“n 户中已V m 户”的 m 是 n 的一部分，按 m ÷ n 核对；“全市 n 个县区中有 m 个按时报送……，按时报送率 r”（同一分句，m 的量词后紧接着比率名称去掉“率”的词）也一样。
        分子、分母两个数中后一个之前（上一个比率之后）写着收回、调减、核减、扣减之类的数时（“批复资金 a，因政策调整收回 c，实际使用 b，使用率 r”），
        比率可能是 b ÷ (a − c)，不核对。
        不报告的情形：找不到分子或分母、或某个角色有四个以上不同的数（计为“无法核对”）；
        有几种取法时，其中一种截断（而非四舍五入）后等于写出的值；
        差异率按报告习惯以绝对值比较；分母可能为零时不核对。

    为什么是问题
        比率是读者最先看的数，也是评分依据（支出完成率、得分率直接决定得分）。
        比率与它所依据的金额不符，说明金额或比率有一个写错了，可能导致评分错误。

    示例
        错误：2023年实际支出7389.46万元，财政下达预算数5378.50万元，支出完成率为100.00%。
        （7389.46 ÷ 5378.50 = 137.39%）

        正确：2023年实际支出5378.50万元，财政下达预算数5378.50万元，支出完成率为100.00%。
    """

    code = "JX102"
    name = "rate-mismatch"
    category = "ratio"
    severity = "error"
    summary_zh = "写出的比率与其依据的数不符"
    summary_en = "a stated rate differs from the figures it is a rate of"
    messages = {
        "mismatch": (
            "{name}写作 {stated}，但按其依据的数计算应为 {computed}（{expr} = {computed}）{extra}",
            "{name} is stated as {stated}, but the figures it is a rate of give {computed} ({expr} = {computed}){extra}",
        ),
        "readings": (
            "{name}写作 {stated}，但它可能依据的数（{n} 个可作分子、{d} 个可作分母）无论怎样取都得不出这个值：{readings}",
            "{name} is stated as {stated}, but no choice among the figures it may be a rate of"
            " ({n} possible numerators, {d} possible denominators) gives it: {readings_en}",
        ),
        "unit": (
            "；若 {figure} 的单位是{unit}，两者相符（单位可能写错）",
            "; they agree if {figure} is in {unit} (the unit may be wrong)",
        ),
        "threshold": (
            "，且越过了报告所述 {t} 的门槛（写出的值{s_side}，重算的值{c_side}）",
            "; the recomputed value is on the other side of the {t} threshold the report names",
        ),
        "bound": (
            "报告称{name}{word} {stated}，但按其依据的数计算为 {computed}（{expr} = {computed}），{neg} {stated}",
            "the report says {name} is {word_en} {stated}, but the figures it is a rate of give {computed} ({expr} = {computed})",
        ),
        "points": (
            "由 {a} 到 {b} 是{verb2} {diff} 个百分点，报告写作{verb} {stated}",
            "from {a} to {b} is a change of {diff} percentage points, but the report states {stated}",
        ),
        "from": ("起点：{text}", "from: {text}"),
        "to": ("终点：{text}", "to: {text}"),
        "numerator": ("分子：{text}", "numerator: {text}"),
        "denominator": ("分母：{text}", "denominator: {text}"),
        "may_numerator": ("可作分子：{text}", "possible numerator: {text}"),
        "may_denominator": ("可作分母：{text}", "possible denominator: {text}"),
        "named": ("报告所述门槛：{text}", "threshold named by the report: {text}"),
    }

    def check(self, doc):
        for claim in rate_claims(doc):
            if claim.readings:
                yield from self._check_readings(doc, claim)
                continue
            if claim.definition is not None and claim.definition.grim and claim.numerator is None \
                    and claim.denominator is not None:
                continue  # JX109 checks its granularity
            r = recompute(claim)
            if r is None:
                if doc.paragraphs[claim.rate.para].kind != "cell":
                    doc.note_claim(None)  # a rate alone in a table cell is the table rules' to count
                continue
            ok = stated_rate(claim.rate).meets(r)
            doc.note_claim(ok)
            if ok or truncated_to(r, claim.rate) or truncated_at_point(claim, r):
                continue  # a rounding down is JX106's (info)
            yield self._finding(doc, claim, r)
        for claim in bound_claims(doc):
            r = recompute(claim)
            if r is None:
                continue
            t = claim.rate.value
            broken = r.lo > t if claim.bound == "upper" else r.hi < t
            doc.note_claim(not broken)
            if broken:
                yield self._bound_finding(doc, claim)

        for pc in point_changes(doc):
            a, b, n = pc.start, pc.end, pc.change
            diff = stated_rate(b) - stated_rate(a)
            said = stated_rate(n).scale(pc.sign)  # a whole number of points is rounded too
            ok = diff.meets(said)
            doc.note_claim(ok)
            if ok:
                continue
            value = b.value - a.value
            prec = max(a.precision, b.precision)
            verb = "提高" if pc.sign > 0 else "下降"
            verb2 = "提高" if value >= 0 else "下降"
            yield self.report(
                n.span, "points",
                related=[self.related(a.span, "from", text=doc.quote(a.span)),
                         self.related(b.span, "to", text=doc.quote(b.span))],
                suggestion=f"{fmt(abs(value), prec)} 个百分点",
                a=doc.quote(a.span), b=doc.quote(b.span), verb=verb, verb2=verb2,
                diff=fmt(abs(value), prec), stated=doc.quote(n.span),
            )

    def _check_readings(self, doc, claim):
        """Several figures fit a role: wrong only when no reading gives the stated rate."""
        readings = recompute_readings(claim)
        if not readings:
            return
        s = stated_rate(claim.rate)
        ok = any(s.meets(r) for _, r in readings)
        doc.note_claim(ok)
        if ok or any(truncated_to(r, claim.rate) for _, r in readings):
            return  # a rounding down of one reading is no proof of a wrong rate
        q = claim.rate
        prec = max(q.precision, 2)
        vocab = doc.config.vocabulary

        def show(qs) -> str:
            parts = [f"{vocab.strip_fillers(x.raw_label).rstrip('的之')} {doc.quote(x.span)}".strip() for x in qs]
            return parts[0] if len(parts) == 1 else "（" + " + ".join(parts) + "）"

        if len(readings) == 1 and len(readings[0][0][0]) == 1:
            # one reading, its whole a sum (共支出 a，结余资金 b: a ÷ (a + b)): spelled out as the rate
            (nums, dens), _ = readings[0]
            value = point(claim, (nums, dens))
            expr = f"{show(nums)} ÷ {show(dens)}"
            related = [self.related(nums[0].span, "numerator", text=doc.quote(nums[0].span))]
            related += [self.related(x.span, "denominator", text=doc.quote(x.span)) for x in dens if x is not nums[0]]
            yield self.report(
                q.span, "mismatch", related=related,
                suggestion=f"{fmt(quantize(value, q.precision), q.precision)}%",
                name=claim.name, stated=doc.quote(q.span), computed=_shown(value, prec), expr=expr, extra=("", ""),
            )
            return
        shown, summed = [], False
        for reading, _ in readings:
            nums, dens = reading
            if len(nums) > 1 or len(dens) > 1:
                summed = True  # said in one phrase, not spelled out
                continue
            value = point(claim, reading)
            expr = f"{show(nums)} ÷ {show(dens)}"
            if claim.formula == "change":
                expr = f"({show(nums)} − {show(dens)}) ÷ {show(dens)}"
            if claim.sign == "abs":
                expr = f"|{expr}|"
            elif claim.sign == "decrease":
                expr = f"−{expr}"
            shown.append(f"{expr} = {fmt(value, prec)}%")
        nums = {x.span: x for (n, _), _ in readings for x in n}
        dens = {x.span: x for (_, d), _ in readings for x in d}
        related = [self.related(x.span, "may_numerator", text=doc.quote(x.span)) for x in nums.values()]
        related += [self.related(x.span, "may_denominator", text=doc.quote(x.span)) for x in dens.values()]
        yield self.report(
            q.span, "readings", related=related,
            name=claim.name, stated=doc.quote(q.span), n=len(nums), d=len(dens),
            readings="；".join(shown) + ("；同一角色的几个数相加也不行" if summed else ""),
            readings_en="; ".join(shown) + ("; nor do the figures of a role added up" if summed else ""),
        )

    def _bound_finding(self, doc, claim):
        q = claim.rate
        value = point(claim)
        expr, _ = rate_expr(claim, doc)
        word = ("低于", "below", "并不低于") if claim.bound == "upper" else ("达到", "at least", "未达到")
        return self.report(
            q.span, "bound",
            related=[
                self.related(claim.numerator.span, "numerator", text=doc.quote(claim.numerator.span)),
                self.related(claim.denominator.span, "denominator", text=doc.quote(claim.denominator.span)),
            ],
            name=claim.name, word=word[0], word_en=word[1], neg=word[2], stated=doc.quote(q.span),
            computed=_shown(value, max(q.precision, 2)), expr=expr,
        )

    def _finding(self, doc, claim, r):
        q = claim.rate
        value = point(claim)
        prec = max(q.precision, 2)
        computed = _shown(value, prec)
        hint = ("", "")
        if claim.sign in ("increase", "decrease") and value < 0:
            # a growth that is a fall, or a fall that is a growth
            word = ("下降", "a fall") if claim.sign == "increase" else ("增长", "a growth")
            hint = (f"，即{word[0]} {fmt(-value, prec)}%", f", i.e. {word[1]} of {fmt(-value, prec)}%")
        expr, _ = rate_expr(claim, doc)
        slip = _unit_slip(claim)
        if slip is not None:
            x, unit = slip
            zh, en = self.messages["unit"]
            hint = (hint[0] + zh.format(figure=doc.quote(x.span), unit=unit), hint[1] + en.format(figure=doc.quote(x.span), unit=unit))
        extra = hint
        related = [
            self.related(claim.numerator.span, "numerator", text=doc.quote(claim.numerator.span)),
            self.related(claim.denominator.span, "denominator", text=doc.quote(claim.denominator.span)),
        ]
        t = crossed(claim, r, thresholds(doc, q.para, q))
        if t is not None:
            t_text = doc.quote(t.quantity.span)
            side = ("在门槛内", "在门槛外")
            s_ok = t.holds(q.value)
            zh, en = self.messages["threshold"]
            extra = (
                hint[0] + zh.format(t=t_text, s_side=side[0] if s_ok else side[1], c_side=side[1] if s_ok else side[0]),
                hint[1] + en.format(t=t_text),
            )
            related.append(self.related(t.quantity.span, "named", text=t_text))
        stated_text = doc.quote(q.span)
        if q.value < 0 and not stated_text.lstrip().startswith(("-", "−")):
            stated_text = "-" + stated_text  # (变动率为 -10%: the sign stands before the figure's span)
        return self.report(
            q.span, "mismatch", related=related,
            suggestion=None if slip is not None else f"{fmt(quantize(value, q.precision), q.precision)}%",
            name=claim.name, stated=stated_text, computed=computed, expr=expr, extra=extra,
        )


def _shown(value, prec: int) -> str:
    """The recomputed rate with ``prec`` decimals, or with two significant digits when those
    decimals would show a rate that is not zero as 0.00% (420.37 元 ÷ 1293.45 万元 = 0.0032%)."""
    if value and abs(value) < Decimal(5).scaleb(-prec - 1):
        prec = -value.adjusted() + 1
    return f"{fmt(value, prec)}%"
