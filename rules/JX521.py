from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from ..rule import Rule

_WORD_TWICE = re.compile(r"([\u4e00-\u9fff]{2,8})\1")
# a score-table cell ("5 分)"): glued cells follow it in a flattened table
_SCORE_CELL = re.compile(r"\d\s*分\s*[)）]")
_AFTER_CELL = 16
# what a header cell adds to the name of the column before it (三级指标 | 指标值, 项目 | 项目名称):
# in a header row run together, the second copy of a doubled word begins the next cell
_HEADER_TAIL = re.compile(r"值|名称|性质|内容|解释|说明|类型|类别|方向|权重|分值|标准|编号|代码|来源")
# ...or a column name (服务名称, 服务事项) followed by the names of two more columns (计划 | 实际)
_NEXT_COLUMNS = re.compile(r"(?:名称|事项|内容)(?:计划|实际|完成|预期|目标|年初|全年|指标|得分|分值|权重|偏差|备注){2}")
_DIGITS = "0123456789０１２３４５６７８９"
# a label and its value written twice with nothing between (省财政96省财政96: a two-column table run together)
_CELLS_TWICE = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff\d]{2,11})\1")
_HAS_DIGIT = re.compile(r"\d")
# what ends a clause of prose; a table's cells run together have none of it between them (a
# comma between digits is a thousands separator, 735,431.00, not the end of a clause)
_CLAUSE_END = re.compile(r"[，。；：！？;:!?]|(?<!\d),|,(?!\d)")
# characters that do not end a name: before them a word begins afresh (对部门部门整体支出)
_NOT_NAME_END = "的了和与及或在对为是将把被从由按向并且也都就等"


_RESTATED = 6  # Chinese characters of a cell's beginning (the word's second copy on) seen before


def _cell_restated(text: str, i: int, n: int) -> bool:
    """Whether the second copy of a word at ``i`` begins a run of Chinese characters (the word
    and at least four more) ending at a figure, written with a figure after it earlier in the
    paragraph: a table row run together, whose next cell restates an indicator and its value
    (开展安全排查次数 | 6 | …保障院内安全 | 安全排查次数6次以上计3分)."""
    j = i
    while j < len(text) and "\u4e00" <= text[j] <= "\u9fff":
        j += 1
    if j - i < max(_RESTATED, n + 4) or j >= len(text) or text[j] not in _DIGITS:
        return False
    word, piece = text[i: i + n], text[i: j + 1]
    k = text.find(piece, 0, i - n)
    while k >= 0:
        if text[max(0, k - n): k] != word:
            return True  # (not the same slip made earlier: 道路道路养护 … 道路道路养护)
        k = text.find(piece, k + 1, i - n)
    return False


# a form's field label opened by the second copy (项目 + 承担单位:), and the field value before
_FIELD_LABEL = re.compile(r"[\u4e00-\u9fff]{0,8}:")
_FIELD_VALUE = 40  # characters of a field's value, at most


def _fields_joined(text: str, i: int, n: int) -> bool:
    """Whether the word doubled at ``text[i:]`` (``n`` characters) is a form's fields run
    together: the first copy ends the value of a field (after a label's colon, with no stop of
    a clause between) and the second opens the next field's label, which ends in its colon
    within eight characters (名称:某某经费项目 + 项目承担单位:)."""
    if not _FIELD_LABEL.match(text, i + 2 * n):
        return False
    k = text.rfind(":", 0, i)
    if k < 0 or i - k - 1 > _FIELD_VALUE:
        return False
    value = text[k + 1: i]
    return bool(value.strip()) and not _CLAUSE_END.search(value)


def _line_of_its_own(text: str, first, second) -> bool:
    """Whether the second copy (``second``, a span of the original text) is a whole line by
    itself of four characters or more, and the first copy (``first``) ends the line before: a
    cover's title set over two lines (……2023年村干部报酬项目 ⏎ 村干部报酬项目 ⏎ 绩效评价报告),
    joined when the lines were read."""
    i, j = second.start, second.end
    if j - i < 4 or text[i:j].strip() != text[i:j]:
        return False
    gap = text[first.end:i]
    b = text.find("\n", j)
    return gap.count("\n") == 1 and not gap.strip() and not text[j: b if b >= 0 else len(text)].strip()


@cache
def _data() -> dict:
    return tomllib.loads(resources.files("linter").joinpath("data/text.toml").read_text("utf-8"))


class DoubledWord(Rule):
    """
    做什么
        找出紧挨着写了两遍的词：
        - 2 到 8 个汉字连写两遍（“退休人员人员”“工作工作”），动词的 ABAB 重叠
          （“研究研究”）和“一个一个”这类“一X一X”除外，例外表在 linter/data/text.toml；
          引号里转述的话中口语的动词重叠（“要认真总结总结经验”“把问题梳理梳理”，表 spoken_reduplicated_words）
          也除外，这些词在引号外连写两遍仍报告（“加强宣传宣传”）；
        - 单字只查“的的”“已已”（字表同样在 text.toml），“目的的”“的的确确”“提出的的确是”
          （“的”加“的确”）“不已已是”等除外；两个“已”连写从来不合语法。
          “于于”“为为”“在在”“将将”不查：它们常是合乎语法的两个词（“关于于某某同志任职”“位于于都县”，
          “于”是姓氏、地名的首字；“本项目为为民办实事项目”“现在在职人员”“在在建项目中”
          “我单位将将结余资金上缴”），单看上下文分不出笔误；
        - 单位名称的末字（局、厅、委、院、馆、站、所、科、室）在名称后连写两遍、后面不再接汉字
          （“某某体育局局 评价机构：”“由某某局局。”）：后面接着汉字的（“局局长”“馆馆长”“厅厅直”，
          是名称加上以这个字开头的词）不报告。
        只比较同一段落内的文字（硬换行已接上），标点、数字隔开的不算；只有一处例外：
        2 到 8 个汉字带着冒号连写两遍（“其中：其中：”），是标签写重了（连出三遍的是表格单元格，不报告）。
        表格被压平成一行时，单元格会首尾相接，下列情形因此不报告：
        同一串字连出三遍或更多（“中央财政中央财政中央财政”，逐列重复的表头），
        连同由此错位读出的片段（“财政省财政省”）；第二遍后面紧跟数字的编号标签
        （“数量指标指标1”；后面的数带单位时仍报告，如“人员人员29人”）；评分表单元“N 分）”之后 16 个字以内的重复（“5 分）项目执行执行规范”）；
        三处以上重复之间没有逗号、句号、分号、冒号等句读隔开时（一串首尾相接的表格单元
        或错乱的识别文字，不是笔误）这几处都不报，千分位的逗号（“735,431.00”）不算句读；
        同一分句里连写两遍的“标签加数值”（“省财政96省财政96”：两栏的表格压成一行，每栏各写一次行名和数）
        也算一处这样的重复（“……省财政96省财政9690市县财政市县财政其他其他”里的两处不报）；
        分在一句话的几个分句里的三处重复仍各自报告；
        表头单元格首尾相接（“三级指标指标值”：“三级指标”之后是“指标值”）：第二遍接着
        “值、名称、性质、内容、类型、权重、分值、标准……”组成列名，且同一段里别处
        还有这个词（“一级指标二级指标”）；第二遍接着“名称、事项、内容”组成列名、后面紧接着另外两个列名
        （“……产品或服务服务名称计划实际”：计划、实际、完成、预期、目标、指标、得分、权重、备注……）时也不报告。
        一句话里只出现这两遍的“项目项目名称”仍报告。
        封面或表单的各栏连排时，第一遍是上一栏内容的末尾（前面是这一栏的“标签:”、中间没有句读），第二遍是
        下一栏标签的开头、这个标签在八个字以内以冒号结束（“项目名称:某某经费项目项目承担单位:”），不报告。
        第二遍（至少四个字）单独占原文的一整行、第一遍在上一行的行尾时（封面标题分两行排：“……2023年村干部报酬项目⏎
        村干部报酬项目⏎绩效评价报告”），是排版，不报告。
        第二遍连同后面的一串汉字（这个词再加至少四个汉字、共至少六个）紧接着数字、而同一段前文已经写过这串字
        并紧接着数字时，是表格一行的单元格首尾相接、后一格重述了前面的指标和指标值（“开展安全排查次数6开展安全排查，
        保障院内安全安全排查次数6次以上计3分”），不报告；前文那一处本身也是这个词写了两遍的不算。

        单位或项目的名称以某个词结尾、紧接着的评价对象术语又以这个词开头时不报告：
        “民政部门部门整体绩效自评”是“民政部门”加“部门整体”，“某某建设项目项目支出”同理
        （术语表 evaluated_terms 在 text.toml：部门整体、单位整体、项目支出）；单位名称的末一个词开头的
        几个词同样处理（name_terms：“某师范大学大学生志愿者”“东湖社区社区卫生服务站”，以及“某某工程工程量”
        “主要工作工作量”：以这个词结尾的名称或短语后面接着这个词的“量”）；第一遍前面须是
        一个汉字且不是“的、和、与、对、在、为……”之类的虚词，否则前面没有以它结尾的名称，
        仍报告（“对部门部门整体支出进行评价”、句首的“部门部门整体”）。其他术语不在此列，
        “防火专项专项资金”“某某项目项目资金”“部门部门预算”仍报告：报告的名称和评价对象照
        模板写作“名称 + 部门整体支出 / 项目支出绩效自评”，而资金、预算之类的术语前面本来就
        不必重复（“防火专项资金”），复核过的这类重复都是笔误。

        不报告：其他单字重叠（常常、人人、年年、天天、一一、个个、认认真真），
        以及跨词边界的相同字（“湛江市市直”“委员会会议”“针对对象”“参与与否”）——
        它们大多是正常写法；
        中间隔着标点或空格的重复（“人员，人员”；上面带冒号的标签除外）。

    为什么是问题
        重复的词是编辑时复制粘贴或删改留下的痕迹，读起来明显不通，
        也让人怀疑旁边的数字是否同样没有核对。

    示例
        错误：现有在职人员 53 人，退休人员人员 29 人。

        正确：现有在职人员 53 人，退休人员 29 人。
    """

    code = "JX521"
    name = "doubled-word"
    category = "text"
    severity = "warning"
    summary_zh = "同一个词连写了两遍"
    summary_en = "a word written twice in a row"
    messages = {
        "doubled": ("“{word}”连写了两遍：“{text}”", "“{word}” is written twice: “{text}”"),
    }

    def check(self, doc):
        data = _data()
        allowed = set(data.get("reduplicated_words", ()))
        spoken = set(data.get("spoken_reduplicated_words", ()))
        chars = data.get("function_chars", "")
        idioms = data.get("function_char_idioms", ())
        terms = tuple(data.get("evaluated_terms", ())) + tuple(data.get("name_terms", ()))
        single = re.compile("([" + re.escape(chars) + "])\\1") if chars else None
        # 某某体育局局 评价机构：…: a unit's last character twice after a name, nothing after it that
        # could begin a word with it (局局长, 馆馆长, 厅厅直 are 局 + 局长 …)
        name_ends = data.get("name_end_chars", "")
        # (the lookbehind for the Chinese character before the name's end is tried after that end's
        # character class, which the regular expression engine scans for: not at every place)
        ends = re.compile("([" + re.escape(name_ends) + "])(?<=[\u4e00-\u9fff].)\\1(?![\u4e00-\u9fff])") if name_ends else None
        # (both match a character written twice: a report in none of whose paragraphs one of their
        # characters is written twice, nearly every report, is not searched with them at all)
        written = "\n".join(p.text for p in doc.paragraphs)
        if single is not None and not any(c + c in written for c in chars):
            single = None
        if ends is not None and not any(c + c in written for c in name_ends):
            ends = None
        figures = None  # where the figures with a unit start, when first needed
        for p in doc.paragraphs:
            text = p.text
            found = []
            for m in _WORD_TWICE.finditer(text):
                word = m.group(1)
                if word in allowed or (len(word) == 2 and word[0] == "一"):
                    continue
                if word in spoken and _quoted(text, m.start()):
                    continue  # (要认真总结总结经验 in a leader's quoted words)
                if _table_like(text, m.start(), m.end(), word) or _header_cells(text, m.start(), m.end(), word):
                    continue
                if _name_then_term(text, m.start(), word, terms):
                    continue
                if _cell_restated(text, m.start() + len(word), len(word)):
                    continue
                if _fields_joined(text, m.start(), len(word)):
                    continue
                if m.end() < len(text) and text[m.end()] in _DIGITS:
                    # 指标指标1: a numbered label; 人员人员29人: a figure of the word
                    if figures is None:
                        figures = {q.span.start for q in doc.quantities if q.kind != "number"}
                    if p.span(m.end(), m.end() + 1).start not in figures:
                        continue
                found.append(m)
            cells = [c for c in _CELLS_TWICE.finditer(text) if _HAS_DIGIT.search(c.group(1))] if found else ()
            for run in _runs(text, found):
                if len(run) + _cells_beside(text, run, cells) < 3:
                    for m in run:
                        if _line_of_its_own(doc.text, p.span(m.start(), m.start() + len(m.group(1))),
                                            p.span(m.start() + len(m.group(1)), m.end())):
                            continue
                        yield self._finding(doc, p, m.start(), m.end(), m.group(1))
            if text.count(":") >= 2:
                for i, k, j in _labels_twice(text):
                    yield self.report(p.span(i, j), "doubled", word=doc.quote(p.span(i, k)),
                                      text=doc.quote(p.span(i, j)), suggestion=doc.quote(p.span(i, k)))
            if ends is not None:
                for m in ends.finditer(text):
                    yield self._finding(doc, p, m.start(1), m.end(1) + 1, m.group(1))
            if single is None:
                continue
            for m in single.finditer(text):
                if any(_inside(text, m.start(), idiom) for idiom in idioms):
                    continue
                yield self._finding(doc, p, m.start(), m.end(), m.group(1))

    def _finding(self, doc, p, i, j, word):
        span = p.span(i, j)
        return self.report(span, "doubled", word=word, text=p.text[i:j], suggestion=word)


def _labels_twice(text: str):
    """(start, end of the first copy, end) of each label of 2 to 8 Chinese characters written twice
    with its colon (其中:其中:; the folded text has : for ：) — not three times, or after a copy
    (a table's cells run together)."""
    c = text.find(":")
    while c >= 0:
        found = None
        # (the copy after the colon opens with a character of the eight before it)
        for n in (range(2, 9) if c + 1 < len(text) and text[c + 1] in text[max(0, c - 8):c] else ()):
            if c - n < 0 or not "\u4e00" <= text[c - n] <= "\u9fff":
                break
            if text.startswith(text[c - n:c + 1], c + 1):
                found = n  # (the longest label that fits)
        if found is not None:
            i, word = c - found, text[c - found:c + 1]
            end = c + 1 + len(word)
            if not text.startswith(word, end) and not text.endswith(word, 0, i):
                yield i, c + 1, end
            c = text.find(":", end)
        else:
            c = text.find(":", c + 1)


def _runs(text: str, found: list) -> list[list]:
    """The doubled words ``found`` in ``text``, in runs that no end of a clause separates:
    three or more in one run are cells of a table run together or garbled text, while the
    same number spread over the clauses of a sentence are slips of its prose."""
    runs: list[list] = []
    for m in found:
        if runs and not _CLAUSE_END.search(text, runs[-1][-1].end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _cells_beside(text: str, run: list, cells) -> int:
    """How many label-and-value pairs written twice (``省财政96省财政96``: a two-column table's row
    label, once per column, each with its value) stand in the clause of ``run``, apart from its
    doubled words: with them, two doubled labels are cells of a table run together too."""
    if not cells:
        return 0
    a = max((m.end() for m in _CLAUSE_END.finditer(text, 0, run[0].start())), default=0)
    e = _CLAUSE_END.search(text, run[-1].end())
    b = e.start() if e else len(text)
    return sum(1 for c in cells if a <= c.start() and c.end() <= b
               and not any(c.start() < m.end() and m.start() < c.end() for m in run))


def _table_like(text: str, i: int, j: int, word: str) -> bool:
    """Whether the doubled ``word`` at ``text[i:j]`` reads as glued table cells: a
    score cell is just before it, the word is
    itself a repetition (four copies), or the repetition goes on for two characters
    or more past its ends (a third copy, or a fragment of one)."""
    n = len(word)
    if _SCORE_CELL.search(text, max(0, i - _AFTER_CELL), i):
        return True
    if n % 2 == 0 and word[: n // 2] * 2 == word:
        return True
    right = 0
    while j + right < len(text) and text[j + right] == text[j + right - n] and right < 2:
        right += 1
    left = 0
    while i - left - 1 >= 0 and text[i - left - 1] == text[i - left - 1 + n] and left < 2:
        left += 1
    return left + right >= 2


def _header_cells(text: str, i: int, j: int, word: str) -> bool:
    """Whether the doubled ``word`` at ``text[i:j]`` is two header cells run together
    (三级指标指标值: the cell 三级指标, then the cell 指标值): the second copy goes on into
    a column name made of the word (指标值, 指标性质), and the word heads other cells of
    the same paragraph too (一级指标, 二级指标), as a header row's names do."""
    if _NEXT_COLUMNS.match(text, j):
        return True
    if not _HEADER_TAIL.match(text, j):
        return False
    return text.count(word, 0, i) + text.count(word, j) >= 1


def _name_then_term(text: str, i: int, word: str, terms) -> bool:
    """Whether the doubled ``word`` at ``text[i:]`` is a name ending in it followed by a term
    beginning with it (民政部门 + 部门整体绩效): the second copy begins one of ``terms`` and the
    first ends a word — a Chinese character stands before it that is no particle or
    preposition (not 对部门部门整体, not a clause opening 部门部门整体)."""
    if not any(t.startswith(word) and text.startswith(t, i + len(word)) for t in terms):
        return False
    return i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" and text[i - 1] not in _NOT_NAME_END


def _quoted(text: str, i: int) -> bool:
    """Whether ``text[i]`` stands inside quotation marks “…” (an opening one before it in the
    paragraph, not closed before it)."""
    opening = text.rfind("“", 0, i)
    return opening >= 0 and text.find("”", opening, i) < 0


def _inside(text: str, i: int, idiom: str) -> bool:
    """Whether text[i:i+2] is part of an occurrence of ``idiom``."""
    for k in range(max(0, i - len(idiom) + 2), i + 1):
        if text.startswith(idiom, k):
            return True
    return False
