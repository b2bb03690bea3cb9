"""The review sheet in a real browser: Debian's chromium driven by Playwright.

Click a finding, check the highlight, filter, print layout, screenshot.
``UPDATE_SCREENSHOT=1`` also rewrites docs/review-sheet.png (corpus report 002
as a .docx, a finding in a table selected).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT
from docfixtures import REPORT, make_docx
from linter.engine import check_bytes
from linter.formatters.html import render

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (bash tests/install.sh)")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, offline=True)
    pg = context.new_page()
    yield pg
    context.close()


def _open(page, tmp_path: Path, result, name: str = "sheet.html"):
    path = tmp_path / name
    path.write_text(render([result]), encoding="utf-8")
    requests = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests  # works offline
    return path


@pytest.fixture(scope="module")
def report():
    return check_bytes(make_docx(REPORT), "报告.docx")


def _in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    vp = page.viewport_size
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= vp["height"]


def test_hostile_script_stays_text(page, tmp_path, report):
    _open(page, tmp_path, report)
    assert page.title() != "pwned"
    assert page.locator(".ln .tx", has_text='<script>document.title="pwned"</script>').count() == 1


def test_click_a_finding_highlights_its_exact_span(page, tmp_path, report):
    _open(page, tmp_path, report)
    last = len(report.findings)
    f = report.findings[-1]
    page.click(f'ol.list a[data-fid="1-{last}"]')
    marks = page.locator(f'mark.active[data-f~="1-{last}"]')
    assert marks.count() >= 1
    assert "".join(marks.all_text_contents()) == report.source.text[f.span.start:f.span.end]
    page.wait_for_timeout(300)
    assert _in_viewport(page, marks.first)
    assert "active" in page.locator(f"#f-1-{last}").get_attribute("class")
    assert page.locator(f'ol.list li[data-fid="1-{last}"]').get_attribute("class").split()[-1] == "active"
    assert page.evaluate("location.hash") == f"#f-1-{last}"
    # related places of the finding are outlined too
    if f.related:
        assert page.locator(f'mark.rel-active[data-r~="1-{last}"]').count() >= 1
    page.screenshot(path=str(tmp_path / "clicked.png"))
    assert (tmp_path / "clicked.png").stat().st_size > 10_000


def test_click_a_mark_selects_its_finding(page, tmp_path, report):
    _open(page, tmp_path, report)
    single = page.locator("mark.f").evaluate_all("ms => ms.map(m => m.dataset.f).filter(f => f.split(' ').length === 1)")
    fid = single[-1]
    page.locator(f'mark.f[data-f="{fid}"]').first.click()
    assert "active" in page.locator(f'ol.list li[data-fid="{fid}"]').get_attribute("class")
    assert "active" in page.locator(f"#f-{fid}").get_attribute("class")


def test_filters_by_severity_and_category(page, tmp_path, report):
    _open(page, tmp_path, report)
    total = len(report.findings)
    errors = [i for i, f in enumerate(report.findings, start=1) if f.severity == "error"]
    assert errors
    page.uncheck('input[name="sev"][value="error"]')
    for i in errors:
        assert page.locator(f'ol.list li[data-fid="1-{i}"]').is_hidden()
        assert page.locator(f"#f-1-{i}").is_hidden()
        for m in page.locator(f'mark.f[data-f="1-{i}"]').all():
            assert "off" in m.get_attribute("class")
    assert page.inner_text("#shown-n") == str(total - len(errors))
    page.check('input[name="sev"][value="error"]')
    assert page.inner_text("#shown-n") == str(total)
    cat = report.findings[0].category
    page.uncheck(f'input[name="cat"][value="{cat}"]')
    assert page.locator('ol.list li[data-fid="1-1"]').is_hidden()
    assert page.inner_text("#shown-n") == str(total - sum(f.category == cat for f in report.findings))


def test_keyboard_and_near_only(page, tmp_path, report):
    _open(page, tmp_path, report)
    page.keyboard.press("j")
    assert "active" in page.locator('ol.list li[data-fid="1-1"]').get_attribute("class")
    page.keyboard.press("j")
    assert "active" in page.locator('ol.list li[data-fid="1-2"]').get_attribute("class")
    before = page.locator(".ln:visible").count()
    page.check("#near-only")
    assert page.locator(".ln:visible").count() <= before


def test_print_layout(page, tmp_path, report):
    _open(page, tmp_path, report)
    page.emulate_media(media="print")
    assert page.locator("#sev-filters").is_hidden()
    assert page.locator("#summary").is_visible()
    assert page.locator(".note").first.is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")


def screenshot_002(page, tmp_path: Path, target: Path) -> None:
    text = next(CORPUS.glob("002_*.txt")).read_text(encoding="utf-8")
    result = check_bytes(make_docx(text), "002_绩效评价报告.docx")
    assert result.findings
    _open(page, tmp_path, result, "002.html")
    in_table = [i for i, f in enumerate(result.findings, start=1) if result.source.locator(f.span.start).startswith("表 ")]
    fid = f"1-{(in_table or [1])[0]}"
    page.click(f'ol.list a[data-fid="{fid}"]')
    page.wait_for_timeout(1400)  # let the flash settle
    mark = page.locator(f'mark.active[data-f~="{fid}"]').first
    assert _in_viewport(page, mark)
    page.screenshot(path=str(target))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
def test_corpus_002_review_sheet_screenshot(page, tmp_path):
    target = ROOT / "docs" / "review-sheet.png" if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "002.png"
    target.parent.mkdir(exist_ok=True)
    screenshot_002(page, tmp_path, target)
    assert target.stat().st_size > 50_000
