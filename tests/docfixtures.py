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
