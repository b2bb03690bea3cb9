from __future__ import annotations

import re

from ..dates import days_in_month, impossible, local
from ..facts import DateRef
from ..rule import Rule

# A bare "N 月" (no year, no day) reads as a month only with a word of time around it;
# otherwise it may be a duration (历时 18 月).
_BARE_BEFORE = re.compile(r"(?:于|在|至|到|自|从|截至|截止|每年|当年|同年)\s*$")
_BARE_AFTER = re.compile(r"\s*(?:份|底|初|末|中旬|上旬|下旬)")
# A "day" of three digits or more: no day of a month, but a date whose 年/月 were left out.
# After a year (2021年1231日, 年 doubled or not) three or four digits are a month and a day;
# alone, seven or eight digits are a year, a month and a day (2023228日, 20211231日), and
# a longer run ends in one (a list number glued before it: 220211231日).
# (Each pattern here opens with the characters a match starts with, a digit or the 19 / 20 of a
# year, and looks behind them only after them: the engine passes over every other character in
# its own loop, instead of trying a lookahead there.)
_DAY_AFTER_YEAR = re.compile(r"((?:19|20)\d{2})(?<!\d{5})\s*年(?:\s*年)?\s*(\d{3,4})\s*日")
_DAY_RUN = re.compile(r"(\d(?<![\d.,]\d)\d{6,11})\s*日")
# A year that lost its 年, run straight into a word (2020财政下达……, 对2021转移支付资金……): four digits
# with no digit, letter or point around them, at the start of a sentence, after 对 / 在 / 于 / 至 / 从 / 到, or
# after the last character of a unit's or a place's name (我市, 某某中心, 本单位), then a Chinese character that is
# no measure word (2020 人 / 户 / 万元 / 亩 / 余 are counts), no second year of a span (2019 至 2021 年) and
# no season (2020 秋季学期).
# (the pattern opens with the year's first digit, 1 or 2, which re finds in its own loop; what may
# stand before the year is asked by a lookbehind over that digit: not preceded by a character
# outside _BEFORE_YEAR is the start of the text or one of them — the same matches as a lookahead
# for the digit and a lookbehind for the character, tried at every character, a third faster)
_BEFORE_YEAR = "。！？；!?;，,：:、\\s对在于至从到市县省区州旗盟镇乡村局委办厅院馆站所会心部校队位"
_LOST_NIAN = re.compile(
    rf"((?:1(?<![^{_BEFORE_YEAR}]1)9|2(?<![^{_BEFORE_YEAR}]2)0)\d{{2}})(?![\d.,．])(?=[\u4e00-\u9fff])"
)
_COUNTED = frozenset(
    "年月日周天时分秒季度元万萬亿億千百个個人户戶次件项項名家所台套米亩畝吨噸公里平方立册冊份辆輛张張条條座处處"
    "间間本只隻头頭株棵余餘多位批把块塊片股笔筆栋棟起例场場门門部篇种種支根床盏盞箱袋瓶斤克升点點款节節章卷层層幅"
    "枚颗顆粒匹对對双雙组組队隊班届屆级級型版号號期轮輪网网顶頂架艘吨针針剂劑盒包束首集页頁行字卡户"
    "至到和与與及或跟同春夏秋冬"
)
# a word naming a kind of year of its own, which a bare year opens (2004学年度, 2021学年, 2023财年,
# 2022会计年度, 2023赛季): no lost 年 — but 2023财政下达 is one
_YEAR_KIND = re.compile(r"学年|财年|财政年度|会计年度|赛季")


# an event whose own name opens with its year, written without 年 (2020某某农交会, 2019某某文化节): the
# name's words after the year up to a word for a fair, a festival, a forum or a contest (…公开赛,
# …邀请赛, …足球赛, …杯; not 比赛 / 参赛, words of a sentence: 2020参加比赛 lost its 年)
_EVENT = re.compile(
    r"[\u4e00-\u9fff·]{1,12}?(?:博会|交会|览会|运会|易会|洽会|谈会|介会|展会|峰会|论坛|文化节|艺术节|旅游节|美食节|"
    r"电影节|音乐节|(?<![比参])赛|杯|马拉松)(?!议)"
)


# three-digit years of the Minguo calendar (民国100–120 is 2011–2031) written 年 月 日 in a Taiwan
# text: dropping one digit of 20xx gives 2xx, 20x or 0xx, never 1xx, so they hide no year short of a digit
_MINGUO = (100, 120)


# what may come right before a list number at the start of a sentence (or a paragraph)
_OPENS = frozenset("。！？；!?;:：")
_SEP = {"ar-dun": "、", "ar-dot": "."}


def _opens(text: str, i: int) -> bool:
    """Whether index ``i`` opens a paragraph or a sentence: after a stop, or after spaces that
    follow no letter or digit (a Word field left in the text, PAGE 52018年, is page 5's number)."""
    k = i
    while k and text[k - 1] in " \t\u3000":
        k -= 1
    if k == 0:
        return True
    c = text[k - 1]
    return c in _OPENS if k == i else not (c.isascii() and c.isalnum())


class ImpossibleDate(Rule):
    """
    做什么
        找出不存在的日期：月份不在 1–12 之间（“13 月”“0 月”），或日子超过该月的天数
        （“2 月 30 日”“4 月 31 日”“2023 年 2 月 29 日”）。写了年份时按该年判断闰年；
        没写年份的“2 月 29 日”不报告（可能是闰年）。用圆点、短横或斜杠写的日期（“2023.2.30”“2023-04-31”“2023/4/31”，
        四位年份在前，前面不紧挨字母或数字：“QSZC2023-04-31”是编号）、用汉字数字写的日期（“二〇二三年四月三十一日”，年份里的〇写成字母 O 或数字 0 的也算）和只写了日子的区间终点（“4 月 1 日—31 日”
        的 31 日，月份取自区间起点）同样检查。

        月份写成五六位数、前四位是年份时（“19806 月”），报告漏写了“年”字；四位数的“月份”是年份
        （1949–2099，有评价年度 Y 时在 Y−40 到 Y+2 之间）、紧接着又是一个 1–12 的月份时（“2022月11月”），
        报告“年”写成了“月”；完整日期的年份只有三位时
        （“202 年 1 月 11 日”），报告年份少了一位；100–120 的三位年份是民国纪年（“108年1月18日”是 2019 年，
        台湾的文本这样写；20xx 少打一位只会成为 2xx、20x 或 0xx，不会是 1xx），不报告，按公历年份检查日期是否存在。

        年份漏写了“年”字、直接接着后面的词时（“2020财政下达……”“对2021转移支付资金进行了评价”“我单位
        2024底有职工……”），给出警告：四位数 1949–2099（有评价年度 Y 时在 Y−40 到 Y+2 之间），前后不紧挨着
        数字、字母或小数点，前面是一句的开头（行首、句号、分号、逗号、冒号之后）、“对 / 在 / 于 / 至 / 从 / 到”
        或单位、地名的末字（市、县、局、中心、会、单位……），后面紧接着一个汉字，而它不是量词或单位
        （“2020 人 / 户 / 个 / 万元 / 亩 / 余 / 多”是计数）、不是年份区间的连接词（“2019 至 2021 年”）、也不是
        季节（“2020 秋季学期”），也不是年份自己的一种名称（“2004学年度”“2021学年”“2023财年”“2022会计年度”
        “2023赛季”；“2023财政下达”仍报告）。前面是别的字（“拨款2020其他资金”多半是表格里的数连着下一格）、年份与后面的字
        之间有空格的，活动自己的名称以年份开头的（“2020某某农交会”“2019某某文化节”：年份后不超过十二个字
        就是博览会、交易会、运动会、峰会、论坛、文化节、大赛、公开赛、某某杯这类活动名称的末尾；“比赛”“参赛”是句中的词，不算），以及年份后面原文里有读取时略去的字符（网站用“****”遮去的文字，“2022****财政局”）的，不报告。

        五位数的“年份”（“32021年”）：一段或一句的开头（行首，句号、分号、冒号之后，或跟在汉字后的空格之后）五位数字紧接
        “年”，末四位是年份（1949–2099，有评价年度 Y 时在 Y−40 到 Y+2 之间），报告多出了第一位——多半是
        序号（“3、”）与年份连写、漏了“、”；前面最近的编号是 1、 2、 …… 这一样式的上一号时，建议改为
        “3、2021”。句中跟在别的字后面的（可能是表格里的数连着下一格）、带千分位逗号的、末四位不是年份的
        （“10000年一遇”）、跟在字母或数字后的空格之后的（网页残留的页码域“PAGE 52018年”是第 5 页）不报告。

        “日”前是三位以上数字时，它不是某月的第几日，而是漏写了“年”“月”的日期：
        - 年份之后（“年”字写重了也算）三四位数字接“日”，能拆成当年存在的月和日
          （“2021年1231日”“2021年年1231日”），报告漏写“月”字，只有一种拆法时给出建议值；
        - 七八位数字接“日”，前四位是 1949–2099 的年份、其余能拆成月和日
          （“2023228日”“20211231日”），报告年、月、日连成了一个数；
        - 更长的数字接“日”，末 8 位能唯一地读成年月日（“220211231日”），同样报告，
          并指出前面多出的数字（多半是序号），不给建议值。

        不报告：三位以上、又不是“年份 + 月份”的“月份”（“811 月底”多半是表格里的
        分值 8 和“11 月底”连在了一起）；拆不出存在的月和日的“日”前数字（“2021年365日”是天数），
        五六位数字接“日”（拆法不止一种）；没有年份也没有日子的“N 月”，除非前面有“于/在/至/截至/从”等时间词或后面有
        “份/底/初/末/上旬…”（否则可能是“历时 18 月”这样的时长）；“13 个月”是时长，不是日期。

    为什么是问题
        不存在的日期说明数字写错或抄错（常见于改年份、改日期时漏改），读者无法知道
        事情实际发生在哪一天，也让报告的时间线失去可信度。

    示例
        错误：我局于 2023 年 2 月 30 日召开绩效自评工作布置会。

        正确：我局于 2023 年 2 月 28 日召开绩效自评工作布置会。

        错误：补助资金已于2023年1130日前拨付到户。

        正确：补助资金已于2023年11月30日前拨付到户。

        错误：2022财政下达我县农村饮水安全专项资金50万元。

        正确：2022年财政下达我县农村饮水安全专项资金50万元。

        错误：32021年开展的技能培训共4期。

        正确：3、2021年开展的技能培训共4期。
    """

    code = "JX311"
    name = "impossible-date"
    category = "date"
    severity = "error"
    summary_zh = "日期不存在（月份超出 1–12，或日子超过当月天数）"
    summary_en = "a date that does not exist (month outside 1–12, or a day past the month's end)"
    messages = {
        "month": ("日期不存在：没有 {month} 月，月份只能是 1–12", "no such date: there is no month {month}; months run 1–12"),
        "short_year": (
            "日期的年份“{year}”只有三位：年份应为四位数，疑为漏打了一位",
            "the year “{year}” of this date has three digits: a digit seems to be missing",
        ),
        "no_nian": (
            "日期不存在：“{month} 月”应是 {year} 年 {m} 月，漏写了“年”字",
            "no such date: “month {month}” is {year}, month {m}, with 年 left out",
        ),
        "yue_for_nian": (
            "日期不存在：没有 {month} 月，“{month}”是年份，“年”写成了“月”",
            "no such date: there is no month {month}; {month} is a year, written with 月 for 年",
        ),
        "day": (
            "日期不存在：{when}{month} 月只有 {days} 天，没有 {day} 日",
            "no such date: month {month}{when_en} has only {days} days, there is no day {day}",
        ),
        "no_yue": (
            "日期不存在：没有 {day} 日，“{text}”漏写了“月”字，应是 {read}",
            "no such date: there is no day {day}; “{text}” lacks 月 and reads {read_en}",
        ),
        "lost_nian": (
            "年份“{year}”后面漏写了“年”字：“{text}”应是“{year}年{rest}”",
            "the year {year} has lost its 年: “{text}” should read “{year}年{rest}”",
        ),
        "run_together": (
            "日期不存在：没有 {day} 日，“{text}”的年、月、日连成了一个数，应是 {read}",
            "no such date: there is no day {day}; “{text}” runs year, month and day into one number, {read_en}",
        ),
        "list_year": (
            "年份“{text}”有五位，不存在：末四位 {year} 是年份，前面的“{extra}”多出（多半是序号与年份连写，漏了“、”或“.”）",
            "the year “{text}” has five digits: its last four, {year}, are the year and the “{extra}” before them is extra (most likely a list number run into it)",
        ),
        "run_extra": (
            "日期不存在：没有 {day} 日，“{text}”的末 8 位是 {read}，前面的“{extra}”多出（可能是序号），年、月字漏写",
            "no such date: there is no day {day}; the last 8 digits of “{text}” read {read_en}, with “{extra}” before them (perhaps a list number) and 年, 月 left out",
        ),
    }

    def check(self, doc):
        starts = None
        for d in doc.dates:
            if starts is None and d.month >= 1000 and d.year is None and d.day is None:
                starts = {x.span.start: x for x in doc.dates}
            shown = d.year
            if d.year is not None and 100 <= d.year <= 999 and d.day is not None:
                if not _MINGUO[0] <= d.year <= _MINGUO[1]:
                    yield self.report(d.span, "short_year", year=d.year)
                    continue
                # a Minguo year (108年1月18日 is 2019): no 20xx short of one digit gives 1xx;
                # the date is checked in its own calendar year
                d = DateRef(d.year + 1911, d.month, d.day, d.span, d.para, d.item)
            why = impossible(d)
            if why is None:
                continue
            if why == "month" and d.month >= 100:
                split = _year_and_month(d.month)
                if split:
                    yield self.report(d.span, "no_nian", month=d.month, year=split[0], m=split[1],
                                      suggestion=f"{split[0]}年{split[1]}月")
                elif self._year_as_month(doc, d, starts):
                    yield self.report(d.span, "yue_for_nian", month=d.month, suggestion=f"{d.month}年")
                continue
            if why == "month":
                if d.year is None and d.day is None and not self._bare_month_is_date(doc, d):
                    continue
                yield self.report(d.span, "month", month=d.month)
            else:
                days = days_in_month(d.year, d.month)
                yield self.report(
                    d.span, "day", month=d.month, day=d.day, days=days,
                    when=(f"{shown} 年 " if shown else ""), when_en=(f" of {shown}" if shown else ""),
                )

        for p in doc.paragraphs:
            if "日" in p.text:
                yield from self._glued_days(doc, p)
            if "20" in p.text or "19" in p.text:  # (every year opens so: most paragraphs have none)
                yield from self._lost_nian(doc, p)
        yield from self._numbered_years(doc)

    def _numbered_years(self, doc):
        """32021年: a "year" of five digits whose last four are a year (1949–2099; with an evaluated
        year Y, from Y−40 to Y+2), opening a paragraph or a sentence: a list number run into the year."""
        y = doc.profile.year
        low, high = (max(1949, y - 40), min(2099, y + 2)) if y else (1949, 2099)
        for q in doc.quantities:
            if q.unit != "年" or not 10000 <= q.value <= 99999 or not low <= q.value % 10000 <= high:
                continue
            para = doc.paragraphs[q.para]
            i, j = para.index_of(q.number_span.start), para.index_of(q.number_span.end)
            digits = para.text[i:j]
            if len(digits) != 5 or not digits.isascii() or not digits.isdigit() or not _opens(para.text, i):
                continue
            extra, year = digits[0], int(digits[1:])
            before = [m for m in doc.markers if m.span.end <= q.span.start and m.style in _SEP]
            last = before[-1] if before else None
            fits = last is not None and last.ordinal == int(extra) - 1
            yield self.report(para.span(i, j), "list_year", text=digits, year=year, extra=extra,
                              suggestion=f"{extra}{_SEP[last.style]}{year}" if fits else None)

    def _lost_nian(self, doc, p):
        """2020财政下达……: a year (1949–2099; with an evaluated year Y, from Y−40 to Y+2) that lost its 年,
        run into the word after it (see _LOST_NIAN)."""
        y = doc.profile.year
        low, high = (y - 40, y + 2) if y else (1949, 2099)
        for m in _LOST_NIAN.finditer(p.text):
            year = int(m.group(1))
            if not max(1949, low) <= year <= min(2099, high) or p.text[m.end()] in _COUNTED:
                continue
            if _EVENT.match(p.text, m.end()) or _YEAR_KIND.match(p.text, m.end()):
                continue  # (2020某某农交会: an expo's own name, written year-first; 2004学年度: a school year)
            rest = re.match(r"[\u4e00-\u9fff]{1,4}", p.text[m.end():]).group(0)
            span = p.span(m.start(1), m.end(1))
            gap = p.span(m.end(1), m.end(1) + 1).start
            if gap != span.end and doc.text[span.end:gap].strip():
                continue  # (2022****财政局: a site's masking the reading left out hides what followed)
            yield self.report(span, "lost_nian", year=year, text=f"{year}{rest}", rest=rest, severity="warning",
                              suggestion=f"{year}年")

    def _glued_days(self, doc, p):
        """Dates whose 年 or 月 was left out, read as one day of three digits or more."""
        text = p.text
        for m in _DAY_AFTER_YEAR.finditer(text):
            year = int(m.group(1))
            reads = _month_days(year, m.group(2))
            if not reads:
                continue  # 2021年365日: a count of days, not a date
            span = p.span(m.start(), m.end())
            read, read_en = _readings(year, reads)
            yield self.report(span, "no_yue", day=int(m.group(2)), text=doc.quote(span), read=read, read_en=read_en,
                              suggestion=f"{year}年{reads[0][0]}月{reads[0][1]}日" if len(reads) == 1 else None)
        for m in _DAY_RUN.finditer(text):
            digits = m.group(1)
            span = p.span(m.start(), m.end())
            if len(digits) <= 8:
                year, reads = int(digits[:4]), _month_days(int(digits[:4]), digits[4:])
                if not 1949 <= year <= 2099 or not reads:
                    continue
                read, read_en = _readings(year, reads)
                yield self.report(span, "run_together", day=int(digits), text=doc.quote(span), read=read, read_en=read_en,
                                  suggestion=f"{year}年{reads[0][0]}月{reads[0][1]}日" if len(reads) == 1 else None)
                continue
            extra, tail = digits[:-8], digits[-8:]
            year, reads = int(tail[:4]), _month_days(int(tail[:4]), tail[4:])
            if not 1949 <= year <= 2099 or len(reads) != 1:
                continue
            read, read_en = _readings(year, reads)
            yield self.report(span, "run_extra", day=int(digits), text=doc.quote(span), read=read, read_en=read_en, extra=extra)

    @staticmethod
    def _year_as_month(doc, d, starts) -> bool:
        """2022月11月: a "month" of four digits that is a year (1949–2099; with an evaluated year Y,
        from Y−40 to Y+2), no year or day of its own, right before a month 1–12 of no year:
        the year written with 月 for 年."""
        if d.year is not None or d.day is not None or not 1000 <= d.month <= 9999:
            return False
        y = doc.profile.year
        low, high = (max(1949, y - 40), min(2099, y + 2)) if y else (1949, 2099)
        after = starts.get(d.span.end) if starts else None
        return (low <= d.month <= high and after is not None and after.year is None
                and after.para == d.para and 1 <= after.month <= 12)

    @staticmethod
    def _bare_month_is_date(doc, d) -> bool:
        para = doc.paragraphs[d.para]
        i, j = local(para, d)
        if doc.quote(d.span).endswith("份"):
            return True
        return bool(_BARE_BEFORE.search(para.text[max(0, i - 4):i]) or _BARE_AFTER.match(para.text, j))


def _year_and_month(n: int) -> tuple[int, int] | None:
    """``19806`` → (1980, 6): a year and a month written without 年 between them."""
    digits = str(n)
    if len(digits) not in (5, 6):
        return None
    year, month = int(digits[:4]), int(digits[4:])
    if 1949 <= year <= 2099 and 1 <= month <= 12:
        return year, month
    return None


def _month_days(year: int, digits: str) -> list[tuple[int, int]]:
    """The ways ``digits`` (三 or 四 digits: 1231, 228) read as a month and a day that exist in
    ``year``: 1231 → [(12, 31)], 111 → [(1, 11), (11, 1)], 365 → []."""
    reads = []
    for k in (1, 2):
        if len(digits) - k not in (1, 2) or digits[0] == "0" and k == 1:
            continue
        month, day = int(digits[:k]), int(digits[k:])
        if digits[k] == "0" and len(digits) - k == 1:
            continue
        if 1 <= month <= 12 and 1 <= day <= days_in_month(year, month):
            reads.append((month, day))
    return reads


def _readings(year: int, reads) -> tuple[str, str]:
    zh = "或 ".join(f"{year} 年 {m} 月 {d} 日" for m, d in reads)
    en = " or ".join(f"{year}-{m:02d}-{d:02d}" for m, d in reads)
    return zh, en
