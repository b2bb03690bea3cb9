"""Build .docx and .pdf fixtures at test time from tab-flattened report text.

The text is what Word text looks like once extracted (corpus report 002): a
paragraph per line; a table row as tab-led cell lines (a cell's later
paragraphs on lines without a tab) ended by a blank line. :func:`parse_flat`
reads that shape exactly the way linter/normalise.py does, so the .docx built
from it reads back (linter/readers/docx.py) to the same text.
"""
from __future__ import annotations

import io

Block = tuple  # ("p", str) | ("table", list[list[list[str]]])


def parse_flat(text: str) -> list[Block]:
    blocks: list[Block] = []
    rows: list[list[list[str]]] | None = None  # the table being read
    row: list[list[str]] | None = None  # the row being read
    for line in text.split("\n"):
        if line.startswith("\t"):
            if rows is None:
                rows = []
                blocks.append(("table", rows))
            if row is None:
                row = []
                rows.append(row)
            row.append([line[1:]])
            continue
        if row is not None:
            if line == "":
                row = None  # the blank line that ends the row
            else:
                row[-1].append(line)
            continue
        rows = None
        blocks.append(("p", line))
    if blocks and blocks[-1] == ("p", ""):
        blocks.pop()  # the final newline
    return blocks


def make_docx(text: str) -> bytes:
    """A .docx whose paragraphs and tables are those of ``text``.

    Rows shorter than the table's widest row end in one cell merged across
    the remaining columns (so merged cells are exercised)."""
    import docx

    document = docx.Document()
    body = document.element.body
    for p in list(body):
        if p.tag.endswith("}p"):
            body.remove(p)
    for block in parse_flat(text):
        if block[0] == "p":
            document.add_paragraph(block[1])
            continue
        rows = block[1]
        ncols = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=ncols)
        table.style = "Table Grid"
        for i, row in enumerate(rows):
            cells = table.rows[i].cells
            if len(row) < ncols:
                cells[len(row) - 1].merge(cells[ncols - 1])
                cells = table.rows[i].cells
            for j, paragraphs in enumerate(row):
                cell = cells[j]
                cell.text = paragraphs[0]
                for extra in paragraphs[1:]:
                    cell.add_paragraph(extra)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(text: str) -> bytes:
    """A PDF (reportlab, CID font STSong-Light, CJK wrapping) of ``text``; tables ruled."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", parent=style, fontSize=9, leading=12)
    story = []
    for block in parse_flat(text):
        if block[0] == "p":
            if block[1].strip():
                story.append(Paragraph(escape(block[1]), style))
            else:
                story.append(Spacer(1, 4))
            continue
        rows = block[1]
        ncols = max(len(r) for r in rows)
        data = []
        spans = []
        for i, row in enumerate(rows):
            cells = [Paragraph("<br/>".join(escape(s) for s in paragraphs), cell_style) for paragraphs in row]
            if len(row) < ncols:
                spans.append(("SPAN", (len(row) - 1, i), (ncols - 1, i)))
                cells += [""] * (ncols - len(row))
            data.append(cells)
        table = Table(data, colWidths=[(A4[0] - 144) / ncols] * ncols, splitInRow=1, repeatRows=0)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"), *spans]))
        story.append(table)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=72, rightMargin=72, topMargin=72, bottomMargin=72).build(story)
    return out.getvalue()


# A report written for these tests (not taken from the corpus): planted
# defects in paragraphs and in a table, and hostile text that must stay inert.
REPORT = """部门整体支出绩效自评报告

评价年度：2023 年度

评价单位：青山县水务局

一、单位基本情况

（一）单位机构设置、部门职能情况

我局内设办公室、规划计划股、水利工程股、水资源管理股等 6 个股室，下属事业单位 2 个，主要负责全县水资源的合理开发利用、水利工程建设与运行管理、防汛抗旱和农村饮水安全等工作。我局核定编制 48 人，其中行政编制 20 人，事业编制 26 人，工勤编制 2 人。

（二）部门整体支出情况

2023 年收入决算数为 1632.46 万元，其中：一般公共预算财政拨款 1452.46 万元，年初结转和结余 80.00 万元。全年收入主要用于保障机构正常运转、水利工程日常维护、防汛物资储备以及农村饮水安全巩固提升等重点工作，各项资金均按照预算批复的用途使用。

2023 年支出决算数 1498.32 万元，其中：基本支出 902.17 万元，项目支出 596.15 万元。基本支出主要用于人员工资福利和日常公用经费，项目支出主要用于农田水利设施维护、山塘水库除险加固和防汛抗旱物资采购等方面。

表 1 重点项目支出情况

\t序号
\t项目名称
\t预算数（万元）
\t支出数（万元）
\t支出率

\t1
\t农田水利设施维护
\t120.00
\t96.00
\t80.00%

\t2
\t防汛物资采购<script>document.title="pwned"</script>
\t50.00
\t45.00
\t95.00%

二、自评工作开展情况

我局于 2024 年 3 月成立自评工作小组，对照年初设定的绩效目标，逐项核对预算执行、项目完成和资金使用情况，收集整理了相关佐证材料，并对照评分标准进行打分，形成本报告。备注栏中的 =HYPERLINK("http://example.invalid","点此") 字样为测试文字。

三、绩效自评情况

经评价，我局 2023 年度部门整体支出自评得分为 102 分，自评等级为优。全年各项重点工作任务基本完成，预算执行进度总体符合要求，资金使用规范，未发现截留、挤占、挪用资金的情况。

1. 预算编制。预算编制指标分值 20 分，得分 22 分。预算编制较为科学合理，项目库管理规范，绩效目标设定基本明确，但个别项目的绩效指标细化量化程度仍有待提高。

四、存在问题和改进措施

个别项目支出进度偏慢，资金支出率未达到年初设定的目标。下一步我局将加强预算执行监控，定期通报各项目支出进度，对进度滞后的项目及时督促整改，切实提高财政资金使用效益。
"""


# A place named inside a message ("与第 9 行的段落相同") differs between .txt, .docx
# and .pdf by design; everything else about a finding must not.
_LOCATOR_RE = None


def finding_key(result) -> list[tuple[str, str, str]]:
    """Rule, flagged text and message of each finding, with places in messages blanked."""
    import re

    global _LOCATOR_RE
    if _LOCATOR_RE is None:
        _LOCATOR_RE = re.compile(r"(?:第 \d+ 页)?(?:表 \d+ )?第 \d+ (?:行第 \d+ 列|行|段后?)")
    text = result.source.text
    return [
        (f.code, text[f.span.start:f.span.end].replace("\n", ""), _LOCATOR_RE.sub("〈位置〉", f.zh))
        for f in result.findings
    ]


def unreadable_message(data: bytes, name: str) -> str:
    """The Chinese message of the one JX001 finding reading ``data`` as ``name`` must give."""
    from linter.engine import check_bytes

    result = check_bytes(data, name)
    assert result.unreadable
    (finding,) = result.findings
    assert finding.code == "JX001"
    return finding.zh
