from __future__ import annotations

from ..rule import Rule
from ..sections import sections, text_of
from ..structure import outline, renumber


class NumberingSequence(Rule):
    """
    做什么
        按报告的标题和列表编号（一、 （一） 1. 1、 （1） ① 一是 第一）建立层次结构
        （见 linter/structure.py），检查每一组同级编号是否连续：
        - 重复：同一组里同一个编号出现两次（（十三）之后又是（十三））；
        - 跳号：编号跳过了一个或几个（（7）之后是（9））；
        - 倒退：编号比上一项小，又不是从 1 重新开始（5. 之后是 3.）。
        段落开头的编号，以及段内紧跟在 。；: 之后的编号（段内列表“（1）……。（2）……”）
        都参与检查；PDF 或网页把几行连成一段时（换行变成了空格，“一、项目概述 （一）项目概况
        1.实施主体：某厅 2.主要内容……”），跟在文字和空格之后的编号也算行首的编号——这样的段
        要有一个标题后面隔着不长的标题文字（不到 40 字、没有句号）紧跟另一种样式的下级标题，
        一行里并排的选项（“1、常年性 2、延续性”）和网页的摘要行不算。
        段首或句号之后的短横、圆点（“- 1、……。 - 2、……”，网页上的条目）后面的编号也算编号。
        连成一段的几页之间印着的页码（“……保障 -3- 5.场馆开放”“……等事项。 -3- 5.负责……”）
        不算编号前面的文字：页码后面的编号按页码前面的文字判断（接在句号后，或接在字后的空格后）。
        文档网站给预览分块加的序号（“1、”“2、”“3、”依次开头的几段，除最后一段外都在句子中间断开、
        段末没有句号，段里还有报告自己的 1、/1. 编号；其中一个序号比它的位置多一或少一——“1、”“1、”“3、”——
        也算，只要它前面那一段有 100 字以上）与报告的编号交错、读在一起出了问题时，按不含
        这些序号的读法检查（问题不比原来多时；至少三段、除最后一段外字数相同——网站按固定字数切分，报告的
        段落不会一样长——时总是这样读）；这些序号自己单独成组检查（“1、”“1、”“3、”报告第二个“1、”）；这时夹在报告的上一号与下一号之间、跟在字后而没被读作
        编号的那一号（“……12000人、2、新生儿……”）算报告自己的一项。
        一行里只用空格隔开的一串编号（“目 录 1、项目概况 2、资金使用情况 3、……”）单独成组检查：
        同一样式、至少四项、相邻两项之间的文字不到 40 字且没有句号，并且多数（至少两处、
        一半以上）是上一项加一——两三个并排的选项、号码大多不相接的一行数不算。带勾选框的选项
        （“1、持续性项目 ☑ 2、新增性项目 □”）不是报告的列表：同一段里接连的一组选项单独成组检查
        （“1、常年性 ☑ 2、延续性 □ 2、一次性 □”报告第二个“2、”），不与上下文的编号比较；表格连成一行时
        勾选框后面跟着下一行的栏名（“1、持续性项目 2、新增性项目 □ 项目类型 1、常年性项目 ……”），选项到勾选框为止，
        这一组到此结束；一组只有两项、只有后一项带框时，前一项写作 1、后一项写作 1 或 3 也算这一组（报告重复或
        跳号），标着号码的栏名后面跟着两项以上的选项（“1、项目属性 1、持续性 ☑ 2、新增性 □”）不算；一行只有一个
        勾选框时，打了框的选项 1 后面到行尾只剩一个不带框的短选项（“1、部门预算项目 ☑ 2、市直专项 |”），它写作
        1、2 或 3 都算这一组的第二项；表格的每个单元格、夹在表格单元格之间的段落各自成组，
        附件（“附件1”“第二部分”）和单独一行的“正文”（摘要之后的正文）之后重新成组（网页上指向附件文件的一行“附件1：《……》.docx”不算，
        正文接着往下编号）；但一行只有一个单元格、以编号开头的表格行
        （“一、项目基本概况 |”，横跨表格的标题行，网页把表格一格一行读出时常见）不算单元格
        列表，同一张表的这些标题行合为一组检查；表格一行里相邻的单元格各只写一个编号（后面至多跟一个
        公式）、同一样式至少三格时，是这一行的栏次（“① | ② | ③ | ④=②-③”），合为一组检查。
        一个编号写错只报告一次，在写错的地方：编号有几种读法时（接上外层同样式的
        一组、是本组的重复或跳号、从 1 重新开始），取后面的编号最顺的一种读法——
        （一）（三）……（三）（四）只报告第一个（三）缺少（二）（建议改为（二）），1. 2. 2. 3. 只报告
        第二个 2.，嵌套在同样式外层里的一组中重复的（二）算这一组的重复，
        不算外层的下一项。只有“1”的一组后面又是“1”、且再没有“2”（1. 1. 就结束），
        是同一个编号写了两次。行首的编号紧贴着一个计数（“1.……。⏎2.150个农家书屋……”，语法上
        读成了小数 2.150，而计数没有小数），在前一行是同样式的上一号时，算作这一组的下一项。
        标题“1.”之下、它的小数节号（“1.1”“1.2”）之后从 1 开始的一组，是最近那一节自己的列表（像标签之后一样）：
        不算重新编号，也不是“1.”写了两遍（“1.引言 … 1.2 支出描述 ⏎ 1.基本支出…… ⏎ 3.项目支出……”报告 3. 缺少 2.）。

        未编号的小标题（以冒号结尾的短标签：段内“……改进措施：一是”，表格压平成一行时
        跟在数字单元格后的“……100.00%支出构成：（1）”，或单独一行的“项目支出：”，
        中间可以隔着只有数字的行；冒号误写成两个也算）之后的“1”开始新的一组，不与前一组比较。
        前面某一段里段内连写的一组同样式编号（“建设内容：（1）……（2）……（3）……”）到那一段
        就结束了：后一段标签后的新一组与它并列，不算挂在它最后一项下面，所以同一组编号在
        后文再写一遍时（“内容摘要：（1）……（2）……（4）……”）也照样检查。
        两组编号各自跟在一行未编号的小标题下面（“公用经费情况⏎1、……2、……3、……⏎专项经费情况⏎1、……
        2、……4、……”，小标题不超过 15 个字、只有汉字和括号（末尾可带冒号），不是报告的第一行，不含“报告”；
        小标题与编号之间可以隔着只有数字的行；“一、”这一级是报告的章，不这样看），是并列的两节：后一组不算挂在前一组
        最后一项下面，后一组跳号（2、之后的 4、）照样报告，不算前一组接着编号；前一组只有一项、是段首短标签后的
        “其中：1、……”（它的 2 丢了顿号、没被读作编号，或根本没有 2）时也一样：它到这行小标题之前就结束了，
        后一组不挂在它下面（“其中：1、运行维护⏎2专项⏎三公经费⏎1、……2、……2、……”报告第二个 2、）。前一组的 1、前面
        没有这样的小标题时（“3、绩效目标⏎年度目标⏎1、……2、……4、……”），后一组是第 3 项下的列表，
        4、接着外层编号。
        1. 和 1、算同一级的两种写法；但同一段里一个顿号编号的条目后面紧贴着标题写出一组点号编号
        （“1、管理制度1.……。2.……。3.……。2、监督检查”），点号这一组是 1、这一项自己的列表，
        后面的 2、接着前面的 1、编号，不算排在 3. 之后的倒退。
        正文第一行编号之前、把报告的提纲连写在一段里的摘要段（网页的页首摘要：
        “标题一、项目基本情况（一）项目概况……。（二）项目绩效目标1.……”，其中某个编号的标题开头的字与后文
        行首同样式标题的相同）不参与检查：它是提纲的抄录，与正文读在一起会让正文的（一）（三）像是接着它的（二）。
        “一是、二是”这样的句中列举到下一个“一、”或“（一）”样式的标题就结束了（标题写在段内、
        它的上一号与前一个标题连写而没被认出时也是）：标题后面的“一是”开始新的一组。

        不报告：从 1 重新开始的编号（在未编号的小标题下重新开始一组，是常见写法；
        一级标题的重新开始由 JX403 报告；“1. 1. 2.”分不清是重复还是小标题下的新一组，
        也不报告，第二个 1 后面紧贴着文字写的 2（“……（1）基本支出（2）项目支出”，没有
        句号隔开、不算编号）也算这个 2）；不从 1 开始的一组（可能接续被表格或
        小标题打断的上一组）——只有一种情形照样检查：编号的小标题下第一项不是 1，而上一个同级小标题下
        同样式的一组到 N 结束、这一项写作 N 到 N+2 时，是跨小标题接着编号（“（一）…1.…2.…（二）…3.”），
        写作 N 是重复、写作 N+2 是跳号（“（二）资金落实⏎4.”缺少 3.）；逗号后的句内列举（“一是……，二是……”）。

        小数节号（报告按 1. / 1.1 / 1.1.1 分级时的“1.2部门支出”“1.1.3主要工作”，见 linter/sections.py）
        逐级另行检查：段首两到四级的小数编号，每级 1 到 99、不以 0 开头，后面跟着汉字（中间可有“、”或点）；
        后面是带小数的单位的是数，不是节号（“1.2万元”“3.5平方米”“2.5倍”“1.5年”；“1.2年度目标”是节号），
        “2.150个”是编号 2 紧贴着计数，也不是。同一上级节号下，1.2 之后应为 1.3：写作 1.2（标题不同）是重复，
        写作 1.4 到 1.5 是跳号，写作比 1.2 小、又不是 1 的号是倒退。正文、每个附件、目录各自成组，行尾带页码的
        目录条目另成一组；第一级的号比前面的小（目录之后的正文），或某一级重新从 1 开始时，从头读起。
        不报告：一组不到三个节号；某一级的第一个号不是 1；跳过三个以上；缺的号在两者之间写出过（被并进上一段
        文字里的标题）；同一个号连标题一起写了两遍；表格单元格和带“|”的行里的编号。

    为什么是问题
        重复或跳过的编号说明条目被删改或复制后没有重新编号，读者无法确定是漏了
        一项还是编号写错，引用“第（八）项”时也会指错地方。

    示例
        错误：（1）预算编制合理性。编制合理。（2）预算编制规范性。编制规范。（4）目标完整性。目标完整。

        正确：（1）预算编制合理性。编制合理。（2）预算编制规范性。编制规范。（3）目标完整性。目标完整。
    """

    code = "JX402"
    name = "numbering-sequence"
    category = "structure"
    severity = "error"
    summary_zh = "同级编号重复、跳号或倒退"
    summary_en = "a list or heading number repeated, skipped or out of order"
    messages = {
        "duplicate": (
            "编号“{text}”与上一项重复，按顺序应为“{want}”",
            "number “{text}” repeats the previous item's; the sequence expects “{want}”",
        ),
        "gap": (
            "编号从“{prev}”跳到“{text}”，缺少“{want}”",
            "numbering jumps from “{prev}” to “{text}”; “{want}” is missing",
        ),
        "backwards": (
            "编号“{text}”排在“{prev}”之后，顺序倒退，按顺序应为“{want}”",
            "number “{text}” comes after “{prev}”; the sequence expects “{want}”",
        ),
        "prev": ("上一项：{text}", "previous item: {text}"),
    }

    def check(self, doc):
        o = outline(doc)
        # the item after each item in its list (a gap whose list goes on from the number
        # it should have had is that number written wrong: 1 3 3 4 → the first 3 is 2)
        after = {it.prev: it for it in o.items if it.prev is not None and it.problem is None}
        for it in o.items:
            if it.problem not in ("duplicate", "gap", "backwards") or it.prev is None:
                continue
            prev = o.items[it.prev]
            text = doc.quote(it.marker.span).strip()
            prev_text = doc.quote(prev.marker.span).strip()
            want = renumber(it.style, text, it.expected)
            if it.problem == "gap" and it.ordinal > it.expected + 1:
                want = want + "…" + renumber(it.style, text, it.ordinal - 1)
            yield self.report(
                it.marker.span, it.problem, text=text, prev=prev_text, want=want,
                related=[self.related(prev.marker.span, "prev", text=prev_text + prev.title[:20])],
                suggestion=renumber(it.style, text, it.expected)
                if it.problem != "gap" or _goes_on_from(after.get(it.index), it.expected) else None,
            )
        yield from self._sections(doc)

    def _sections(self, doc):
        """The decimal section numbers (1.1, 1.1.2) of the report's outline, level by level."""
        found = sections(doc)
        # the number after each number at its level
        after = {s.prev: s for s in found if s.prev is not None and s.problem is None}
        for k, s in enumerate(found):
            if s.problem is None:
                continue
            prev = found[s.prev]
            text, prev_text = doc.quote(s.span), doc.quote(prev.span)
            want = text_of(s.numbers[:-1] + (s.expected,))
            if s.problem == "gap" and s.numbers[-1] > s.expected + 1:
                want = want + "…" + text_of(s.numbers[:-1] + (s.numbers[-1] - 1,))
            nxt = after.get(k)
            yield self.report(
                s.span, s.problem, text=text, prev=prev_text, want=want,
                related=[self.related(prev.span, "prev", text=prev_text + prev.title[:20])],
                suggestion=text_of(s.numbers[:-1] + (s.expected,))
                if s.problem != "gap" or nxt is not None and nxt.numbers[-1] == s.expected + 1 else None,
            )


def _goes_on_from(nxt, expected: int) -> bool:
    return nxt is not None and nxt.ordinal == expected + 1
