from __future__ import annotations

import re

from ..rule import Rule

# Template slots: (单位名称), XX单位, ×××, 20XX年, ____ blanks, 【请填写】.
_SLOT = re.compile(
    # (a lookahead for the characters an alternative can start with: every other character is
    # passed after one test instead of the fourteen alternatives — 13 times faster)
    r"""(?=[(（【\[〔﹝〈<{2XＸ×x_此示])(?:
      [(（【\[〈<{]\s*(?:单位|部门|项目|机构|地区|评价对象)(?:名称|全称)\s*[)）】\]〉>}]
    | [(（【\[]\s*(?:请)?(?:填写|填报|输入|此处填写)(?!说明|须知|要求|注意事项)[^)）】\]]{0,20}[)）】\]]
    | [(（【\[〔]\s*(?:请|此处|在此)\s*(?:简要|简单|详细|具体|如实|逐项|重点)?(?:填写|填报|输入|插入|粘贴|填入|附上|补充|介绍|说明|简述|概述|描述|阐述|列出|列明|分析)[^)）】\]〔〕]{0,40}[)）】\]〕]
    | 【\s*】
    | (?:^|(?<=[，,。；;:：\s]))[(（]\s*(?:项目|实施|主管|填报|评价|预算)单位\s*[)）]
    | (?:(?<=附表)|(?<=附件)|(?<=附图))\s?[xX×Ｘ]{1,2}(?![A-Za-z0-9])
    | [(（【\[〔]\s*(?:(?:以上|以下|本表|本栏|此处)(?:内容)?)?\s*(?:根据|按照|结合|依据)(?:单位|本单位|项目)?实际(?:情况)?(?:填写|填报|修改|调整|补充|删减)\s*[)）】\]〕]
    | 此处(?:填写|填报|输入|简要|简述|介绍|描述|列出)
    | (?<![\u4e00-\u9fff])示例\s*[:：](?=\s*\S)
    | (?<![A-Za-z])(?:[XＸ×]{2,}|x{3,})(?![A-Za-z]|[-/]\d)(?:单位|部门|局|委|办|县|市|区|镇|项目|年|月|日|万元|元|人|个|分|%)?
    | 20[XＸ×x]{2}\s*年
    | (?<![A-Za-z0-9\-/_.])20x{2}(?=[\u4e00-\u9fff，,、。；;)）])
    | 20\d[XＸ×x]\s*年
    | [〔﹝\[【(]\s*(?:20)?[xXＸ×]{2,4}\s*[〕﹞\]】)]
    | (?<![A-Za-z0-9])x{2,4}(?:年|月|日|号|(?=[〕﹞\]】]))
    | (?<![A-Za-z0-9])_{2,}(?![A-Za-z0-9])
    | 20\d?_{1,2}\s*年
    | [(（]\s*[)）](?=\s*(?:万元|亿元|元|%|人次|人|个|户|项|次|场|家|件|分))
    | (?<![A-Za-z0-9.%/_\-])[xX]{1,2}\s?(?:个(?!数)|万元|亿元|元|%|人(?![数均口])|名|户(?!数)|次(?!数)|场|册|家|所|座|台|套|亩|吨|公里|天|批|处|条|件|份|辆|间|行政村|村(?![民级])|省|市|县|区|镇|乡|局|厅|委|单位|部门)
    | (?<![A-Za-z0-9_])_(?=\s*(?:县|市|区|镇|乡|街道|局|委|办|单位|部门))
    | (?<![A-Za-z0-9.%/_\-])[xX]{1,4}\s?\.\s?[xX]{1,4}\s?(?:万元|亿元|元|%|亩|吨|公里|平方米|立方米|米|小时|天|个百分点|分)
    | (?<![A-Za-z0-9.%/_\-])[xX×Ｘ]\s?(?:月(?!份数)|日)(?![A-Za-z])
    )""",
    re.X,
)
# What every placeholder has: an X, Ｘ, ×, x or _, or a bracket before 单位/部门…/请/填写. A
# paragraph without either (nearly all) is passed by _slot_mark's fast scans instead of _SLOT's.
_SLOT_BRACKET = re.compile(r"[(（【\[〔〈<{]\s*(?:单位|部门|项目|机构|地区|评价对象|请|填写|填报|输入|此处|在此|根据|按照|结合|依据|以上|以下|本表|本栏|[)）\]】])")


def _slot_mark(text: str) -> bool:
    """Whether ``text`` holds one of the marks every placeholder has: each character of
    X Ｘ × x _ searched for by itself (several times faster than a pattern's character class),
    and _SLOT_BRACKET only in a paragraph with one of the brackets it opens with."""
    return ("x" in text or "X" in text or "_" in text or "×" in text or "Ｘ" in text or "此处" in text or "示例" in text
            or (("(" in text or "（" in text or "【" in text or "[" in text or "〔" in text or "〈" in text
                 or "<" in text or "{" in text)
                and _SLOT_BRACKET.search(text) is not None))
# A paragraph that presents itself as a blank form (附件为填报模板，参照填写：……): its blanks are the form's.
_TEMPLATE_SAYS = re.compile(r"模板|样表|样式|式样|参照填写|参考格式|格式如下")
# ... and one that says its content is an example, not the unit's: all its slots are the example's.
_EXAMPLE_SAYS = re.compile(r"模板示例|填报示例|示例如下|参考格式|格式如|格式为|例如|比如|如[“\"]|不属于本单位|代替|隐去|匿名|不公开")
# A form's name field left empty: the label and its colon, then nothing before the next field's
# label (in the paragraph, or as the next paragraph's opening).
# A field to be stamped (填报单位（盖章）：) is not: the seal fills it, and text extraction loses it.
# (each label written out: every branch opens with its first character, which the engine scans for)
_NAME_FIELD = re.compile(r"(?:填报单位|评价单位|自评单位|报告单位|实施单位|项目单位|预算单位|单位名称|项目名称|主管部门)\s*[:：]")
# The next field's label; not a table's unit of measure (单位：万元), which is printed on the
# same line as the table's header fields, in whatever order the text was extracted.
_FIELD_LABEL = re.compile(r"\s*(?!(?:金额|计量)?单位\s*[:：])[\u4e00-\u9fff]{2,8}\s*(?:\((?:公章|盖章|签字|签章)\))?\s*[:：]")


# Template instructions: a clause that starts with 请 and tells the writer what to do.
# (the pattern opens with 请 itself, which re finds as a literal in its own loop; what stands before
# it is asked by a lookbehind over it: not preceded by a character outside the marks is the start
# of the text or one of them — the same matches as a lookbehind tried at every character)
_INSTRUCTION = re.compile(
    r"请(?<![^。；;:：，,(（【.、\s]请)(?:对|结合|根据|按照|按|填写|填报|说明|简要|详细|列明|逐项|分析|对照|参照|在此|描述|阐述|概述|如实|补充|注明|选择|提供|附上|围绕|从)"
    r"[^。；;]{0,120}[。；;]?"
)
# A real instruction to another unit, not a prompt to the writer: its sentence cites a document by its
# number (财预〔2020〕10 号) and sets a deadline (自收到本通知之日起 60 日内, 于 6 月 30 日前).
_DOC_NUMBER = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")
_DEADLINE = re.compile(r"\d{1,3}\s*个?(?:工作)?日内|之日起|\d{1,2}\s*月\s*\d{1,2}\s*日(?:前|之前)")


# A form's length limit in brackets: (100字以内), (不超过200字), (限300字). Only a limit
# with 以内/以下 after it or 限/不超过/不多于 before it counts: "(200字)" alone is not one.
_LIMIT = re.compile(
    r"[(【]\s*(?:[^()【】。]{0,40}?[,，;]\s*)?"
    r"(?:(?:限|不超过|不多于|不超|控制在)\s*\d{1,4}\s*(?:个)?字(?:以内|以下|左右)?|\d{1,4}\s*(?:个)?字(?:以内|以下))"
    r"\s*[)】]"
)
# The prompt the limit belongs to: a verb telling the writer what to write, at the start
# of a clause (对照年度目标，说明…；结合自评情况，分析…). "需说明原因(100字以内)" in a form's
# printed note states a requirement and is not matched: the verb follows 需, not a clause break.
_PROMPT = re.compile(
    r"(?:^|(?<=[,，;:、(【\s]))(?:请)?(?:简要|简单|详细|具体|如实|逐项|重点|概括)?"
    r"(?:说明|填写|填报|简述|概述|描述|阐述|分析|提出|列出|列明|总结|叙述|介绍|反映|概括)"
)
# Headings of instruction blocks left from the template.
_ANALYSE = re.compile(r"(?:重点|主要)(?:分析|说明|阐述)以下(?:几个方面|方面|情况|内容|问题)[:：]?")


# An item of a list of money figures that has its label and its unit but no figure
# (业务经费30万元、专项经费470万元、其他经费万元): the figure left unfilled.
_UNIT_ALONE = re.compile(r"(?<=[、，,(（：:])([\u4e00-\u9fff]{2,16}?)(亿元|万元|元)(?=[、)），,。；;]|$)")
_ITEM_STOPS = "、，,(（：:；;。"


# Percent signs with no figure before them, listed one after another (…公示。%、%、%，未按规定…): the
# figures left unfilled or lost. A run of two or more opening a clause, or one or more right after
# an item with its figure (完成率分别为95%、%、%); a single % alone is left (单位：%, a header).
_BARE_PERCENTS = re.compile(r"%(?:\s*[、，,]\s*%)*(?=\s*(?:[、，,。；;)）]|$))")
_PERCENT_OPENS = "。；;，,:："


def _bare_percents(text: str):
    """(start, end) of each run of percent signs with no figure (see _BARE_PERCENTS)."""
    c = text.find("%")
    while c >= 0:
        k = c
        while k and text[k - 1] in " \t\u3000":
            k -= 1
        after = k >= 3 and text[k - 1] == "、" and text[k - 2] == "%" and text[k - 3].isdigit()
        m = _BARE_PERCENTS.match(text, c) if k == 0 or text[k - 1] in _PERCENT_OPENS or after else None
        if m is not None and (m.group(0).count("%") >= 2 or after):
            yield c, m.end()
        c = text.find("%", m.end() if m is not None else c + 1)


def _empty_figures(text: str):
    """(start, end) of each list item written as a label and a unit with no figure, next to
    an item of the same list that has a figure in that unit."""
    for m in _UNIT_ALONE.finditer(text):
        unit = m.group(2)
        figure = re.compile(r"\d(?:[\d,.]*\d)?\s*" + unit + "$")
        i = m.start() - 1  # the mark before the item
        if text[i] == "、":
            k = max(text.rfind(c, 0, i) for c in _ITEM_STOPS) + 1
            if figure.search(text[k:i]):
                yield m.start(), m.end()
                continue
        j = m.end()
        if j < len(text) and text[j] == "、":
            k = min([x for x in (text.find(c, j + 1) for c in _ITEM_STOPS) if x >= 0], default=len(text))
            if figure.search(text[j + 1:k].rstrip(")）")):
                yield m.start(), m.end()


# A grade phrase with nothing where the grade goes: empty quotes (等级为“”), a closing quote
# alone before the clause's end (评价等级为”。: the grade and its opening quote never written),
# empty brackets (等级为（ ）), or the sentence ending right after 为 / 是 (等级为。).
_BLANK_GRADE = re.compile(
    r"(?:(?:自评|评价|评定|综合|绩效|考核)(?:结果)?等级|(?:自评|评价|评定|综合|绩效|考核)?评级|等次|(?<![\u4e00-\u9fff])等级)"
    r"\s*(?:(?:为|是|评定为|确定为|[:：])\s*(?:(?P<quotes>[“\"'‘「]\s*[”\"'’」])|(?P<closing>[”\"’」])(?=\s*(?:[。，,；;]|$))"
    r"|(?P<brackets>[(（]\s*[)）]))|(?:为|是|评定为|确定为)\s*(?=[。；;]))"
)
# what stands where the grade should: (zh, en)
_BLANKS = {"quotes": ("空引号", "empty quotes"), "closing": ("一个后引号", "a closing quote alone"),
           "brackets": ("空括号", "empty brackets"), None: ("句末", "the end of the sentence")}


class UnfilledPlaceholder(Rule):
    """
    做什么
        找出模板中应当填写、却原样留下的内容：
        - 占位符：（单位名称）（部门名称）（项目名称）、XX单位、×××、20XX年、201X年、
          ＿＿＿ 下划线空白、年份里的一个下划线（20_ 年、202_ 年）、地名或单位前的一个下划线（_县）、
          【请填写……】，括号里以“请”或“此处”开头、接着“填写、介绍、说明、简述、列出……”的提示
          （（此处简要介绍单位职能）〔请填写项目概况〕（此处插入明细表）【在此填写……】）、
          （根据实际情况填写）（以上内容根据单位实际情况修改）、空的方括号【　】，括号外的“此处填写 / 此处简要……”，
          模板留下的“示例：”（前面不是汉字）；代替编号的“附表X / 附件X”；尖括号、花括号里的名称占位符（〈单位名称〉）；20__ 年；
          该填数的空括号（到位（ ）万元、执行率（ ）%：空括号后紧接金额单位、百分号或量词）；在句子或分句开头、
          代替单位名称的（项目单位）（实施单位）；2–4 个 x/X/× 紧接“年、月、日、号”
          或括号（xx年度、××年、〔XX〕、﹝xx﹞、〔20xx〕）；没有“年”字、后面紧接汉字或标点的“20xx”
          （20xx我县……）；一两个 x 或 X 代替数字或地名，
          后面紧接量词、金额单位或行政区划、机关（x个行政村、x 万元、x%、x场、xx省、x县、x局；
          “人数、户数、人均、村民”之类的词不算，前面是数字、字母、小数点、斜杠、短横的不算）；
          x 代替带小数的数，后面紧接金额或计量单位（xx.xx 万元、x.xx 万元、xx.x%、x.x 亩、x.xx 分）；
          一个 x 或 × 代替月、日（xxxx 年 x 月、x 日、×月×日）；
        - 一串带数额的列举里只写了名称和单位、没有数的一项（人员经费 120 万元、
          公用经费 180 万元、其他经费万元）：数额漏填；
        - 没有数的百分号一个接一个列出（“……全部公示。%、%、%，未按规定……”：两个以上，
          在句子或分句开头），或紧跟在带数的百分数后面（“分别为95%、%、98%”）：百分数漏填或
          在转换中丢失；单独一个百分号（“单位：%”“比例（%）”、表格里的单位格）不报告；
        - 模板里的填写说明：以“请”开头、告诉填报人该写什么的句子（请对……进行分析、
          请结合……说明），以及其下各项仍是模板提示（没有任何数字，或含有“请……”）的
          “重点分析以下情况：”小标题；
        - 表格的填写提示连同字数限制一起留下：括号里的“100字以内”“不超过200字”
          “限300字”，且同一句（或同一单元格）在分句开头有“说明、填写、简述、概述、
          分析、提出……”这类告诉填报人写什么的动词（对照年度目标，说明……（100字以内））；
        - 名称栏空着：“填报单位、评价单位、项目单位、单位名称、项目名称、主管部门”的冒号后什么也没有，
          紧接着（同一行，或下一行的开头）就是下一栏的“××：”（填报单位：⏎填报日期：……）；
        - 等级没有填写：“等级为 / 评价等级为 / 评级为 / 等次为”后面是空引号（“”）、空括号（（ ））、
          只剩一个后引号（评价等级为”。）或直接句末（等级为。）；写了等级的（等级为“优”）不算。
        表格单元格里的指标解释常常照录模板原文，只检查其中的占位符和带字数限制的
        填写提示，不检查以“请”开头的说明。
        不报告：通知里对下级单位的真实要求（所在句子既引用带编号的文件“〔2020〕10号”，又给出期限
        “自收到本通知之日起60日内”“6月30日前”：“请按照……〔2020〕10号文件要求……于60日内书面报告”）；“申请”“邀请”“请示”（“请”必须位于句子或分句的开头）；嵌在英文词里的
        X（XXL、BOXX）和型号（XX-200）；“×”前是数字的乘号，数字之间或数字前后的 x
        （3x3 米、x64、X435 公路、（预算数）X100%）和 X 光、X 射线；字数要求出现在普通句子里
        而不是括号里（报告原则上不超过3000字），或动词不在分句开头（未达到90%的需说明
        原因（100字以内）是表格的填表说明，不是待填的提示）；“此处不再赘述”“（请见附件2）”；
        常见姓氏（含欧阳、司马这类复姓）后的两三个 ×（公示名单里有意遮去的人名：王××、李××等 12 户；
        后面是“、，等户同”或句末，或姓氏前是“、，：户为”，即名单里的一项）；自称是模板示例、
        “不属于本单位填报内容”、给出格式或例子（格式如“XX县XX项目”、例如、比如），或说明了用 XX 代替、
        隐去、匿名、不公开的句子里的占位符；“某某县林业局（项目单位）”这样注明角色的括号；
        括号里的“填报说明、填写说明……”（表格的说明，不是待填的空）；“此处、在此”后面不是填写一类动词的括号
        （（此处指县本级资金）（在此期间……））；
        自称模板或样表的段落里的下划线空白（附件为填报模板，参照填写：单位名称：＿＿＿＿）；
        名称栏下一行就是名称的（项目名称：⏎某某项目）、表格单元格里的栏名（名称在下一格）、
        供盖章的栏（评价单位（盖章）：，印章在文字里读不出来）、后面是表格计量单位的（填报单位：单位：万元），
        以及原文冒号后有读取时略去的字符的（网站用“****”遮去的名称）。

    为什么是问题
        占位符和填写说明说明报告是从模板复制来的，相关内容没有真正填写，
        审核时直接视为报告不完整；单位名称没填，报告连是谁的都说不清。

    示例
        错误：现将 2023 年度（单位名称）整体绩效自我评价报告如下：

        正确：现将 2023 年度某某县财政局整体绩效自我评价报告如下：

        错误：年度目标完成情况：对照年度目标，说明各项任务的完成情况（100字以内）

        正确：年度目标完成情况：全年发放补助 120 人次，资金均按时拨付。
    """

    code = "JX401"
    name = "unfilled-placeholder"
    category = "placeholder"
    severity = "error"
    summary_zh = "模板占位符或填写说明未替换"
    summary_en = "a template placeholder or instruction left in the text"
    messages = {
        "grade": ("等级没有填写：“{head}”后面是{blank}，没有写出等级",
                  "the grade was left blank: “{head}” is followed by {blank_en}, no grade"),
        "slot": ("模板占位符未填写：{text}", "template placeholder left unfilled: {text}"),
        "instruction": ("模板中的填写说明未删除：{text}", "template instruction left in the report: {text}"),
        "field": ("“{text}”后面没有填写内容，紧接着就是下一栏", "“{text}” is left empty: the next field follows at once"),
        "empty": ("“{text}”只写了单位，没有填数（同一列举里的其他项都有数）",
                  "“{text}” has a unit but no figure (the other items of its list have one)"),
        "no_percent": ("“{text}”只有百分号，没有数：百分数漏填或丢失",
                       "“{text}”: percent signs without figures; the percentages are missing"),
    }

    def check(self, doc):
        for p in doc.paragraphs:
            text = p.text
            # (every match holds 等级, 评级 or 等次: a paragraph with none, nearly all, is passed
            # by three fast scans instead of the pattern's, which opens with alternatives)
            for m in (_BLANK_GRADE.finditer(text) if "等级" in text or "评级" in text or "等次" in text else ()):
                what = next((k for k in ("quotes", "closing", "brackets") if m.group(k)), None)
                head = p.span(m.start(), m.start(what) if what else m.end())
                yield self.report(p.span(m.start(), m.end()), "grade", head=doc.quote(head).rstrip(),
                                  blank=_BLANKS[what][0], blank_en=_BLANKS[what][1])
            slots = []
            form = None
            example = None
            for m in (_SLOT.finditer(text) if _slot_mark(text) else ()):
                if _is_prose_x(text, m):
                    continue
                if example is None:
                    example = _EXAMPLE_SAYS.search(text) is not None
                if example and _EXAMPLE_SAYS.search(text, *_sentence(text, m.start())):
                    continue  # a sentence that says it shows an example, or masks on purpose
                if m.group(0).strip("_ \u3000") == "":
                    if form is None:
                        form = _TEMPLATE_SAYS.search(text) is not None
                    if form:
                        continue  # a blank of a form the paragraph says is a template
                slots.append((m.start(), m.end()))
                yield self.report(p.span(m.start(), m.end()), "slot", text=doc.quote(p.span(m.start(), m.end())))
            # (every field has its colon, and the folded text writes ： as :)
            for m in (_NAME_FIELD.finditer(text) if ":" in text and ("单位" in text or "名称" in text or "部门" in text)
                      else ()):
                if _field_left_empty(doc, p, m.end()):
                    yield self.report(p.span(m.start(), m.end()), "field", text=doc.quote(p.span(m.start(), m.end())))
            for a, b in (_empty_figures(text) if "元" in text else ()):
                yield self.report(p.span(a, b), "empty", text=doc.quote(p.span(a, b)))
            for a, b in (_bare_percents(text) if "%" in text else ()):
                yield self.report(p.span(a, b), "no_percent", text=doc.quote(p.span(a, b)))
            limited = []
            for a, b in (_limited_prompts(text) if "字" in text else ()):
                if any(a <= x < b or x <= a < y for x, y in slots):
                    continue
                limited.append((a, b))
                yield self._instruction(doc, p.span(a, b))
            if p.kind == "cell":
                # a scoring table quotes the indicator's official explanation,
                # instructions included; only placeholders and a form's length-limited
                # prompts count there
                continue
            for m in (_INSTRUCTION.finditer(text) if "请" in text else ()):
                if any(a <= m.start() < b for a, b in slots):
                    continue  # 【请填写】 is reported once, as a slot
                if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in limited):
                    continue  # the same prompt, already reported with its length limit
                a, b = _sentence(text, m.start())
                if _DOC_NUMBER.search(text, a, b) and _DEADLINE.search(text, a, b):
                    continue  # 请按照某文〔2020〕10 号……自收到本通知之日起 60 日内报告: a notice's own instruction
                yield self._instruction(doc, p.span(m.start(), m.end()))
            m = _ANALYSE.search(text) if "以下" in text else None
            if m and _followed_by_instructions(doc, p.index):
                yield self._instruction(doc, p.span(m.start(), m.end()))

    def _instruction(self, doc, span):
        shown = doc.quote(span).replace("\n", "")
        if len(shown) > 40:
            shown = shown[:38] + "……"
        return self.report(span, "instruction", text=shown)


def _sentence(text: str, i: int) -> tuple[int, int]:
    """The bounds of the sentence holding ``text[i]``."""
    s = max(text.rfind(c, 0, i) for c in "。；;!?！？") + 1
    ends = [k for k in (text.find(c, i) for c in "。；;!?！？") if k >= 0]
    return s, (min(ends) + 1 if ends else len(text))


def _field_left_empty(doc, p, j: int) -> bool:
    """Whether the field whose colon ends at ``j`` is empty: the next field's label follows at
    once, in the paragraph or opening the next one (a form, one field a line)."""
    text = p.text
    src = doc.source.text
    k = p.span(j - 1, j).end
    line_end = src.find("\n", k)
    if src[k:line_end if line_end >= 0 else len(src)].strip() and j >= len(text):
        return False  # something the reader left out stands there (a website's **** over the name)
    if j < len(text) and text[j:].strip():
        return _FIELD_LABEL.match(text, j) is not None
    if p.kind == "cell" or p.index + 1 >= len(doc.paragraphs):
        return False  # a table's label cell has its value in the next cell
    nxt = doc.paragraphs[p.index + 1]
    return nxt.kind != "cell" and _FIELD_LABEL.match(nxt.text) is not None


def _limited_prompts(text: str):
    """(start, end) of each form prompt left with its length limit: the sentence (or
    table cell) before a limit such as (200字以内), when it starts a clause with a verb
    that tells the writer what to write. The prompt's own full stop may stand before the
    limit: 分析存在的问题及原因。(200字以内)."""
    for m in _LIMIT.finditer(text):
        k = m.start()
        while k > 0 and text[k - 1] in "。 ":
            k -= 1
        start = max(text.rfind(c, 0, k) for c in "。;:!?|\t\n") + 1
        start = max(start, k - 120)
        while start < k and text[start] == " ":
            start += 1
        if _PROMPT.search(text[start:m.end()]) is None:
            continue
        yield start, m.end()


def _followed_by_instructions(doc, index: int) -> bool:
    """The items under a 重点分析以下情况 heading are the template's own prompts:
    no figures at all, or a 请 instruction among them."""
    following = doc.facts[index + 1: index + 4]
    if not following:
        return True
    for pf in following:
        if _INSTRUCTION.search(pf.para.text):
            return True
    return not any(pf.quantities or pf.years or pf.dates for pf in following)


def _is_prose_x(text: str, m: re.Match) -> bool:
    """×× used as a multiplication sign between numbers is not a placeholder, nor ×× after
    a surname (王××、李×× in a public notice: a person's name masked on purpose)."""
    s = m.group(0)
    if s.startswith("×") and m.start() > 0 and text[m.start() - 1].isdigit():
        return True
    if 2 <= len(s) <= 3 and set(s) <= set("X×Ｘ*") and m.start() > 0 and (
            text[m.start() - 1] in _SURNAMES or text[max(0, m.start() - 2):m.start()] in _DOUBLE_SURNAMES):
        return (m.end() == len(text) or text[m.end()] in "、，,。；;等)）同户家 \t"
                or text[max(0, m.start() - 2)] in "、，,:：户为 ")  # (a name in a list: 、陈××发放)
    return False


_DOUBLE_SURNAMES = frozenset(("欧阳", "司马", "诸葛", "上官", "慕容", "东方", "夏侯", "皇甫", "尉迟", "公孙", "令狐", "长孙",
                              "宇文", "司徒", "端木", "独孤", "南宫", "西门", "申屠", "轩辕"))
# The commonest Chinese surnames (one character), before a masked given name.
_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
