"""The .docx reader: document order, exact run text, tables in the tab-flattened shape, safety."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest

from conftest import CORPUS, needs_corpus
from docfixtures import REPORT, finding_key, make_docx, parse_flat, unreadable_message
from linter.engine import check_bytes
from linter.normalise import normalise
from linter.readers import ReadError
from linter.readers import docx as docx_reader
from linter.readers.docx import read_docx


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _empty_document():
    document = docx.Document()
    body = document.element.body
    for p in list(body):
        if p.tag.endswith("}p"):
            body.remove(p)
    return document


def test_runs_joined_exactly_and_paragraphs_numbered():
    d = _empty_document()
    d.add_paragraph("一、基本情况")
    p = d.add_paragraph()
    for part in ("2023 年收入", "决算数为 1", "632.46 万元", "\t（含结转）"):
        p.add_run(part)
    d.add_paragraph("")
    d.add_paragraph("结尾。")
    src = read_docx("a.docx", _save(d))
    assert src.kind == "docx"
    # the runs joined exactly; a tab inside a paragraph is a space, one for one
    assert src.text == "一、基本情况\n2023 年收入决算数为 1632.46 万元 （含结转）\n\n结尾。\n"
    labels = [(s.label, src.text[s.start:s.end]) for s in src.segments if s.end > s.start]
    assert labels == [("第 1 段", "一、基本情况"), ("第 2 段", "2023 年收入决算数为 1632.46 万元 （含结转）"), ("第 3 段", "结尾。")]
    assert src.locator(src.text.index("1632")) == "第 2 段"
    assert src.locator(src.text.index("1632"), "en") == "paragraph 2"


def test_tracked_insertions_and_hyperlinks_count_as_text():
    from docx.oxml import parse_xml

    d = _empty_document()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p = parse_xml(
        f'<w:p {ns}><w:r><w:t>支出</w:t></w:r>'
        f'<w:ins w:id="1" w:author="a"><w:r><w:t>决算</w:t></w:r></w:ins>'
        f'<w:del w:id="2" w:author="a"><w:r><w:delText>预算</w:delText></w:r></w:del>'
        f'<w:hyperlink><w:r><w:t>数为</w:t></w:r></w:hyperlink>'
        f'<w:r><w:t xml:space="preserve"> 10 万元</w:t></w:r></w:p>'
    )
    d.element.body.insert(0, p)
    src = read_docx("a.docx", _save(d))
    assert src.text == "支出决算数为 10 万元\n"


def test_table_shape_merged_and_nested_cells():
    d = _empty_document()
    d.add_paragraph("表 1")
    t = d.add_table(rows=3, cols=3)
    for j, h in enumerate(("项目", "预算", "支出")):
        t.cell(0, j).text = h
    t.cell(1, 0).text = "甲"
    t.cell(1, 1).text = "10.00"
    t.cell(1, 2).text = "8.00"
    t.cell(1, 2).add_paragraph("（含结转）")
    merged = t.cell(2, 0).merge(t.cell(2, 1))  # a horizontal merge: taken once
    merged.text = "合计"
    inner = t.cell(2, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "子1"
    inner.cell(0, 1).text = "子2"
    d.add_paragraph("完。")
    src = read_docx("a.docx", _save(d))
    assert src.text == (
        "表 1\n"
        "\t项目\n\t预算\n\t支出\n\n"
        "\t甲\n\t10.00\n\t8.00\n（含结转）\n\n"
        "\t合计\n\t子1\n子2\n\n"
        "完。\n"
    )
    where = {src.text[s.start:s.end]: s.label for s in src.segments}
    assert where["\t10.00"] == "表 1 第 2 行第 2 列"
    assert where["（含结转）"] == "表 1 第 2 行第 3 列"
    assert where["\t合计"] == "表 1 第 3 行第 1 列"
    assert where["\t子1"] == "表 2 第 1 行第 1 列"  # a nested table's cells continue the cell holding them
    assert where["子2"] == "表 2 第 1 行第 2 列"
    assert where["完。"] == "第 2 段"
    # the normaliser sees real rows and cells
    cells = [p for p in normalise(src) if p.kind == "cell"]
    assert [(p.row, p.cell, p.text) for p in cells[:4]] == [(0, 0, "项目"), (0, 1, "预算"), (0, 2, "支出"), (1, 0, "甲")]


def test_vertically_merged_cell_taken_once():
    d = _empty_document()
    t = d.add_table(rows=3, cols=2)
    top = t.cell(0, 0).merge(t.cell(2, 0))
    top.text = "类别"
    for i in range(3):
        t.cell(i, 1).text = f"值{i + 1}"
    src = read_docx("a.docx", _save(d))
    assert src.text.count("类别") == 1
    assert src.text == "\t类别\n\t值1\n\n\t值2\n\n\t值3\n\n"


def test_fixture_builder_round_trips_our_report():
    src = read_docx("r.docx", make_docx(REPORT))
    assert src.text == REPORT
    tables = [b for b in parse_flat(REPORT) if b[0] == "table"]
    assert [len(rows) for _, rows in tables] == [3]


def test_same_findings_as_text():
    txt = check_bytes(REPORT.encode("utf-8"), "r.txt")
    doc = check_bytes(make_docx(REPORT), "r.docx")
    assert txt.findings, "the report has planted defects"
    assert finding_key(doc) == finding_key(txt)
    assert [f.span for f in doc.findings] == [f.span for f in txt.findings]  # the same text view
    for f in doc.findings:
        assert doc.source.locator(f.span.start).startswith(("第 ", "表 "))


@needs_corpus
def test_corpus_report_002_as_word_tables():
    """Corpus report 002 (text extracted from Word) rebuilt as a .docx at test time, its
    tab-flattened tables as real Word tables: it reads back to the same findings."""
    path = next(CORPUS.glob("002_*.txt"))
    text = path.read_text(encoding="utf-8")
    data = make_docx(text)
    document = docx.Document(io.BytesIO(data))
    assert len(document.tables) >= 5
    src = read_docx("002.docx", data)
    # a paragraph of whitespace and a space-tab line are the only places the text differs
    assert len(src.text.split("\n")) - len(text.split("\n")) <= 1
    txt = check_bytes(text.encode("utf-8"), "002.txt")
    doc = check_bytes(data, "002.docx")
    assert txt.findings
    assert finding_key(doc) == finding_key(txt)
    tables = [f for f in doc.findings if doc.source.locator(f.span.start).startswith("表 ")]
    assert tables, "some finding of 002 is in a table cell"


# ---------------------------------------------------------------- hostile and broken files


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _unreadable(data: bytes) -> str:
    return unreadable_message(data, "bad.docx")


def test_zip_bomb_refused_before_decompression():
    base = make_docx("正文。\n")
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["word/media/bomb.bin"] = b"\0" * (8 * 1024 * 1024)
    assert "压缩炸弹" in _unreadable(_zip(members))


def test_oversized_part_refused(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_MEMBER_BYTES", 1000)
    assert "过大" in _unreadable(make_docx("正文。\n"))


def test_entity_expansion_refused():
    base = make_docx("正文。\n")
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    members["word/document.xml"] = laughs + members["word/document.xml"].split(b"?>", 1)[1]
    assert "实体" in _unreadable(_zip(members))


def test_truncated_docx():
    data = make_docx(REPORT)
    assert "ZIP" in _unreadable(data[: len(data) // 2])


def test_encrypted_or_old_word_file():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    assert "加密" in _unreadable(ole)


def test_not_a_word_package():
    assert "不是" in _unreadable(_zip({"hello.txt": b"hi"}))
    assert "不是" in _unreadable(b"plain text, not a zip")


def test_no_text():
    assert "没有正文" in _unreadable(_save(_empty_document()))


def test_read_error_is_raised_by_the_reader():
    with pytest.raises(ReadError) as err:
        read_docx("x.docx", b"")
    assert err.value.code == "JX001"


@needs_corpus
@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [], ids=lambda p: p.name[:3])
def test_every_corpus_report_as_docx_gives_the_same_findings(path):
    text = path.read_text(encoding="utf-8")
    assert finding_key(check_bytes(make_docx(text), "r.docx")) == finding_key(check_bytes(text.encode("utf-8"), "r.txt"))


def _numbered_document(items: list[tuple[int, str]]):
    """A document whose paragraphs carry Word's automatic numbering: level 0 ``一、``,
    level 1 ``（一）``, level 2 ``1.`` (as Chinese report templates set up headings)."""
    from docx.oxml import parse_xml

    d = _empty_document()
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {ns} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>'
        '</w:abstractNum>'
    ))
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in items:
        p = d.add_paragraph(text)
        pPr = p._p.get_or_add_pPr()
        pPr.append(parse_xml(f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    return d


def test_automatic_numbering_is_part_of_the_text():
    d = _numbered_document([(0, "单位基本情况"), (1, "机构设置"), (2, "人员"), (2, "职能"), (1, "支出情况"),
                            (0, "自评情况"), (1, "自评结果")] + [(1, "第十一项")] * 10)
    d.add_paragraph("正文段落。")
    src = read_docx("n.docx", _save(d))
    lines = src.text.split("\n")
    assert lines[:7] == ["一、单位基本情况", "（一）机构设置", "1.人员", "2.职能", "（二）支出情况", "二、自评情况", "（一）自评结果"]
    assert lines[16] == "（十一）第十一项"
    assert lines[17] == "正文段落。"


def test_annotated_copy_of_a_numbered_document(tmp_path):
    from linter.formatters.docx import annotate
    from linter.engine import check_file

    d = _numbered_document([(0, "部门整体支出情况"), (1, "收入情况")])
    d.add_paragraph("2023 年收入决算数为 1632.46 万元，其中：一般公共预算财政拨款 1452.46 万元，年初结转和结余 80.00 万元。")
    path = tmp_path / "n.docx"
    path.write_bytes(_save(d))
    r = check_file(str(path))
    assert r.source.text.startswith("一、部门整体支出情况\n（一）收入情况\n")
    assert any(f.code == "JX101" for f in r.findings)
    copy = docx.Document(io.BytesIO(annotate(path.read_bytes(), r)))
    assert len(list(copy.comments)) == len(r.findings)
    assert read_docx("x.docx", _save(copy)).text == r.source.text


def test_damaged_files_never_crash_the_reader():
    """Bytes flipped and files cut short: a ReadError every time, never another exception."""
    import random

    rnd = random.Random(20240)
    data = make_docx(REPORT)
    for _ in range(150):
        b = bytearray(data)
        for _ in range(rnd.randint(1, 20)):
            b[rnd.randrange(len(b))] = rnd.randrange(256)
        if rnd.random() < 0.3:
            b = b[: rnd.randrange(len(b))]
        try:
            read_docx("x.docx", bytes(b))
        except ReadError:
            pass
