from __future__ import annotations

from ..arith import fmt
from ..rule import Rule
from ..scores import band, bare_totals, describe_bands, grade_word, grades, grade_bands, score_of_grade, table_grades, total_scores


class GradeBand(Rule):
    """
    做什么
        找出写明的等级（“自评等级为优”“评定等级为‘中’”“等级是良”“评价结果为优秀”
        “自评结果为合格”“自评为优”“综合评定为良好”“评级为‘优’”“对应等级为良”“等级良好”“等级‘优’”“等级评定：优”“评价级别：优秀”，总得分后面紧跟括号里只有等级的
        “自评得分 92 分（优）”，“为”后面多一个冒号的“综合评价结果为：优”也算；
        等级字后面跟“等级、等次、档次”、前面是“属于、评为、评定为、定为、确定为、达到、处于”的“属于‘优’等次”
        “评定为良好等级”也算，“被评为‘优秀’等次”是单位获得的评定，不算）与它所对应的
        总得分不在同一个分数段的情况。对应的总得分是同一段里等级前面最近的一处总得分表述，
        没有时取同一句里等级后面的第一处，或紧跟在等级后面括号里的分数（“评价结果：优秀（92.5分）”）；等级所在的句子里、它前面另有一个分数（不是满分、分值、加分、扣分）
        写在总得分之后（“自评得分 89.5 分，按四舍五入为 90 分，评价等级为优”），或这一句自己有别的分数而没有总得分
        （“上年度该项目自评得分为 88 分，自评结果为‘良’”）时，不知道等级对应哪个分数，不看。填在“评价得分：”“评价分值：”之后、同一行紧接着
        写“评价等级：”的分数（“评价得分：95.20分，评价等级：良”）也是总得分；“评价得分：82.35”在一行末尾、下一行
        以“评价等级：”开头写等级的（封面上一行一个字段），这个等级对应的就是上一行的分数。
        不带“分”字的总得分（“最终得分 86.50，等级为优”）只在这几种情况下算：标签点明是总得分
        （“自评得分”“最终得分”“综合得分”“总分”之类，不带指标名或“上年”），数不超过三位整数、紧跟着
        逗号、分号或句号，而且同一句里它后面写了等级；得分率、个数、年份、评分标准（“得分 90 以上”）都不算。

        表格里的等级：一格里只有等级字、左边紧挨的一格是“自评等级”“评价等级”“等级”“评价结果”之类的字段名时
        （“自评等级 | 优”），或表格一格占一行、上面一行只有这个字段名时（“自评等级 | ⏎ 优 |”），
        对应的总得分是同一行里它前面的总得分，没有时取紧挨在上面的一行里的（“自评得分 | 82.5分”
        “自评得分 | 85”：左边一格点明是总得分、这一行没有别的数；一格一行的表单里是字段名那一行上面的
        “自评总分 | ⏎ 86.5 |”）；上面一行有几个数时无法知道哪个是总得分，不看。
        评分表表头有一个得分列（“得分”“自评分”）和一个等级列（“等级”“自评等级”）时，只看名称为“总分、总得分、
        综合得分、合计、总计”的那一行：它得分列的数与等级列的等级；各指标行的等级可能按指标自己的标准评定，不看。
        分数段取自配置 ``grade_bands``（各地可改），默认：优 ≥ 90，良 80–90，中 60–80，差 < 60；
        报告自己写了分数段（“90 分（含）以上为优”“80-89 分为良好”“合格（60-79 分）”“优（90 分≤得分≤100 分）”
        “优[90分～100分)”：一个下限紧连着一个等级字）且与配置不同时，按报告写的：优、良、中（或优秀、良好、合格等）
        三个下限都写了、各只有一个值、由高到低时，就用这三个下限（中以下为差），消息的相关位置指向报告写分数段的地方；
        写了与配置不同的下限、却读不全这三个下限时，分数段无从确定，整份报告的等级都不检查。
        满分不是 100 分的报告：报告写了高于 100 分的满分（“满分为 120 分”“总分 150 分，本项目得分 138 分”
        “150 分制”“千分制”），或为整体写了低于 100 分的分制（“本项目绩效评价实行 10 分制”“总分为 10 分”，
        这一分句除了评价、项目、单位之类的字没有别的名称，“满意度指标实行 10 分制”“（满分 10 分）”是某项指标的；
        报告写的总得分高于它时也不算；“总分为 85 分”本身按总得分读时不算，只有低于 60 分、另写了更低的得分时才算，
        “评价总分为 10 分。本项目自评得分 9.2 分”）时，按报告自己写的分数段（分数，下限可以高于 100）判断；报告按得分率
        写分数段的（“得分率 90%（含）以上为优”“优（得分率≥90%）”，所在段落写有“得分率”；同一句里前面写着指标名称的，
        “满意度指标得分率 95% 以上为优”，是那项指标的，不算），按满分乘以得分率换算成分数；
        两样都没写时，100 分制的分数段说明不了这样的分数，等级不检查。
        **下限含本数，上限不含**：90 分是优，89.99 分是良，80 分是良，60 分是中。
        “优秀/良好/合格/不合格”“优秀/良好/中等/较差”“优秀/良好/一般/较差”等写法按同样的
        四段看待（合格、中等、一般是中，不合格、较差是差），建议的等级用报告自己的写法。
        超过 100 分的得分按“优”段看待（超出范围由 JX201 报告）。

        不看：没有对应总得分的等级；“优化”“中期”“被评定为优秀单位”之类不是等级的字
        （等级字后面紧跟其他汉字，“等、级、档、次”除外）；单项指标的等级；“满意度评价为良好”
        之类（只认“自评为”“评定为”，不认“评价为”）；总分后面按等级统计的下属项目个数
        （“评价等级为‘中’有5个”“等级为良的项目3个”“所属8个项目评价等级为‘优’”：等级后面紧跟个数，
        或同一分句里等级前面先数了若干个项目、单位），这些是各个项目的等级，不是总分的等级。

    为什么是问题
        等级由得分决定。得分与等级对不上，要么分数算错了，要么等级是从别的报告抄来的；
        而等级直接影响预算安排和问责，是报告里最重要的结论。

    示例
        错误：经评价，本单位整体支出自评得分为 88 分，自评等级为优。

        正确：经评价，本单位整体支出自评得分为 92 分，自评等级为优。
    """

    code = "JX203"
    name = "grade-band"
    category = "grade"
    severity = "error"
    summary_zh = "等级与得分所在的分数段不符"
    summary_en = "a grade that does not match its score's band"
    messages = {
        "band": (
            "等级与得分不符：{score} 分按等级标准（{bands}，下限含本数）应为“{expected}”，这里写的是“{stated}”",
            "the grade does not match the score: {score} falls in “{expected}” ({bands}, lower bounds inclusive), but the grade given is “{stated}”",
        ),
        "score": ("总得分 {score} 分", "total score {score}"),
        "bands": ("报告写的等级标准", "the grade bands the report states"),
    }

    def check(self, doc):
        totals = total_scores(doc)
        bare = bare_totals(doc)  # 最终得分 86.50，等级为良: a total written without 分
        if bare:
            totals = sorted([*totals, *bare], key=lambda q: q.span.start)
        stated = grade_bands(doc)  # the report's own bands where it states them
        bands = stated.bands
        if bands is None:
            return  # bands of its own the report states but that cannot be read whole
        pairs = [(g, score_of_grade(doc, g, totals)) for g in grades(doc)]
        taken = {g.span for g, q in pairs if q is not None}
        pairs += [(g, q) for g, q in table_grades(doc) if g.span not in taken]  # 总分 | 100 | 92.5 | 优
        for g, q in pairs:
            if q is None:
                continue
            expected = band(q.value, bands)
            doc.note_claim(expected == g.grade)
            if expected == g.grade:
                continue
            score = fmt(q.value, q.precision)
            expected = grade_word(expected, g.written)
            yield self.report(
                g.span, "band", score=score, bands=(describe_bands(bands), describe_bands(bands, ", ")), expected=expected, stated=g.written,
                related=[self.related(q.span, "score", score=score)]
                + ([self.related(stated.span, "bands")] if stated.span is not None else []), suggestion=expected,
            )
