"""The PDF reader: line order, page/line locators, ruled tables, clear errors; and the
same report as .txt, .docx and .pdf giving the same findings."""
from __future__ import annotations

import io

import pytest

from docfixtures import REPORT, finding_key, make_docx, make_pdf, unreadable_message
from linter.engine import check_bytes
from linter.readers.pdf import read_pdf

pytest.importorskip("reportlab")


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return make_pdf(REPORT)


def test_text_in_line_order_with_page_and_line_locators(report_pdf):
    src = read_pdf("r.pdf", report_pdf)
    assert src.kind == "pdf"
    lines = src.text.split("\n")
    assert lines[0] == "部门整体支出绩效自评报告"
    assert lines[1] == "评价年度：2023 年度"
    assert src.locator(0) == "第 1 页第 1 行"
    assert src.locator(src.text.index("评价年度"), "en") == "page 1 line 2"
    # the running text is exact: joined lines give the paragraph back
    assert "2023 年收入决算数为 1632.46 万元，其中：一般公共预算财政拨款 1452.46 万元，年初结转和结" in src.text


def test_ruled_table_is_a_table(report_pdf):
    src = read_pdf("r.pdf", report_pdf)
    assert "\t序号\n\t项目名称\n\t预算数（万元）\n\t支出数（万元）\n\t支出率\n\n" in src.text
    at = src.text.index("\t95.00%")
    assert src.locator(at) == "第 1 页表 1 第 3 行第 5 列"
    # the table's words are not repeated in the running text
    assert src.text.count("96.00") == 1


def test_same_findings_txt_docx_pdf(report_pdf):
    """The same report as .txt, .docx and .pdf gives the same findings (modulo locators)."""
    txt = check_bytes(REPORT.encode("utf-8"), "r.txt")
    doc = check_bytes(make_docx(REPORT), "r.docx")
    pdf = check_bytes(report_pdf, "r.pdf")
    assert len(txt.findings) >= 4
    assert finding_key(doc) == finding_key(txt)
    assert finding_key(pdf) == finding_key(txt)
    assert all(pdf.source.locator(f.span.start).startswith("第 1 页") for f in pdf.findings)


def _canvas_pdf(draw, **kw) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, **kw)
    draw(c)
    c.showPage()
    c.save()
    return out.getvalue()


def _unreadable(data: bytes) -> str:
    return unreadable_message(data, "bad.pdf")


def test_scanned_pdf_has_no_text_layer():
    from reportlab.lib.utils import ImageReader

    png = io.BytesIO()
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover
        pytest.skip("Pillow missing")
    Image.new("RGB", (40, 40), "white").save(png, "PNG")
    png.seek(0)
    data = _canvas_pdf(lambda c: c.drawImage(ImageReader(png), 50, 50, 300, 300))
    message = _unreadable(data)
    assert "扫描件" in message and "文字层" in message


def test_encrypted_pdf():
    from reportlab.lib import pdfencrypt

    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", canPrint=0)
    data = _canvas_pdf(lambda c: c.drawString(100, 700, "hello"), encrypt=enc)
    assert "加密" in _unreadable(data)


def test_truncated_and_not_a_pdf(report_pdf):
    assert "PDF" in _unreadable(report_pdf[: len(report_pdf) // 3])
    assert "不是 PDF" in _unreadable(b"hello, not a pdf")
    assert "不是 PDF" in _unreadable(b"")


def test_sentences_joined_across_pages():
    """A longer report over several pages: the findings (rule and flagged text) are those of the .txt."""
    head, body = REPORT.split("一、单位基本情况", 1)
    filler = "".join(
        f"第 {i} 项工作：我局持续加强预算绩效管理，强化绩效目标审核和绩效运行监控，推动预算和绩效管理一体化，"
        f"逐步建立全过程预算绩效管理链条，各项工作有序推进，第 {i} 批次任务取得了较好的成效。\n\n"
        for i in range(1, 25)
    )
    text = head + "一、单位基本情况\n\n" + filler + body
    txt = check_bytes(text.encode("utf-8"), "r.txt")
    pdf = check_bytes(make_pdf(text), "r.pdf")
    assert finding_key(pdf) == finding_key(txt)
    assert any(seg.label.startswith("第 3 页") for seg in pdf.source.segments)
    assert all(not pdf.source.locator(f.span.start).startswith("第 1 页") for f in pdf.findings)


def test_decompression_bomb_refused(monkeypatch):
    import zlib

    from linter.readers import pdf as pdf_reader

    monkeypatch.setattr(pdf_reader, "MAX_STREAM_BYTES", 1024 * 1024)
    bomb = zlib.compress(b"\0" * (4 * 1024 * 1024), 9)
    data = (
        b"%PDF-1.4\n1 0 obj\n<< /Length " + str(len(bomb)).encode() + b" /Filter /FlateDecode >>\nstream\n"
        + bomb + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    assert "压缩炸弹" in _unreadable(data)


def test_damaged_pdfs_never_crash_the_reader(report_pdf, capsys):
    import random

    from linter.readers import ReadError

    rnd = random.Random(20241)
    for _ in range(60):
        b = bytearray(report_pdf)
        for _ in range(rnd.randint(1, 20)):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        if rnd.random() < 0.3:
            b = b[: rnd.randrange(len(b))]
        try:
            read_pdf("x.pdf", bytes(b))
        except ReadError:
            pass
    assert "Not adding object" not in capsys.readouterr().err  # pdfminer's warnings are not the user's business


def test_unmapped_fonts_are_reported_not_checked():
    from linter.readers.pdf import garbled

    assert garbled("(cid:1234)(cid:88)" * 20 + "\n第 1 页")
    assert not garbled("收入决算数 (cid:12) 万元" + "正常文字" * 100)
