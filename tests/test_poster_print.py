"""The poster with a company's own event, printed from the browser (docs/poster.md): the same
layout and font as the PDF, the typed words in the «Наше мероприятие» frame, one A4 page from
Chromium's own print to PDF, and nothing sent anywhere."""

from __future__ import annotations

import io
import re
from urllib.parse import quote

from browsing import reader
from building import ROOT
from pypdf import PdfReader

from qualityweek.outputs.poster_layout import WRITE_LINES

COMPANY_WORD = "Ромашка"  # a word only the typed company name has
TYPED = {"company": f"АО «Молочный завод {COMPANY_WORD}»",
         "title": "День открытых дверей и экскурсия на производство",
         "date": "12 ноября, 10:00–13:00",
         "place": "г. Энск, ул. Производственная, 5"}
A4_PT = (595.28, 841.89)


def test_the_print_page_draws_the_posters_own_lines(site_after_2026):
    page = site_after_2026.page("poster")
    svg = page.select_one(".qw-poster-sheet svg")
    drawn = [text.get_text() for text in svg.select("text") if not text.get("data-qw-field")]
    pdf = PdfReader(site_after_2026.site / "kit" / "poster-2027.pdf").pages[0].extract_text()
    lines = [line for line in pdf.splitlines() if line.strip()]
    assert lines and [line.replace("\u2060", "") for line in drawn] == lines
    fields = [text["data-qw-field"] for text in svg.select("text[data-qw-field]")]
    assert fields == [field for _, field in WRITE_LINES]
    for field in fields:  # one labelled input per blank
        assert page.select_one(f'label[for="qw-poster-{field}"]')
    # the form has nothing to send and no address to send it to
    assert page.select_one("form[data-qw-poster-form]")["action"] == "#"
    assert page.select('button[type="submit"], input[type="submit"]') == []
    assert (site_after_2026.site / "kit" / "fonts" / "pt-sans-bold.woff").stat().st_size > 10_000


def test_a_typed_event_prints_on_one_a4_page_in_the_text_layer(browser, served_site):
    with reader(browser, "phone") as session:
        page = session.page
        page.goto(served_site + "poster/")
        for field, words in TYPED.items():
            page.fill(f"#qw-poster-{field}", words)
        page.evaluate("document.fonts.ready.then(() => true)")
        for field, words in TYPED.items():
            assert page.locator(f'[data-qw-field="{field}"]').text_content() == words
        assert page.get_by_role("button", name="Распечатать плакат").is_visible()
        page.emulate_media(media="print")
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
        assert session.errors == []
        # typing sent nothing: every request went to the site itself, none carries the words
        assert session.foreign_requests(served_site) == []
        assert not any(COMPANY_WORD in url or quote(COMPANY_WORD[:3]).lower() in url.lower()
                       for url in session.requests)
    [sheet] = pdf.pages
    assert [round(float(v)) for v in sheet.mediabox[2:]] == [round(v) for v in A4_PT]
    text = re.sub(r"\s+", " ", sheet.extract_text())
    for words in TYPED.values():
        assert words in text, words
    assert "Всемирная неделя" in text and "Наше мероприятие" in text
    fonts = {str(font.get_object()["/BaseFont"]) for font in
             sheet["/Resources"]["/Font"].values()}
    # the PDF's font: PT Sans, both weights, embedded as subsets («AAAAAA+PTSans-Bold»)
    assert {name.split("+")[-1] for name in fonts} == {"PTSans-Regular", "PTSans-Bold"}, fonts


def test_the_kit_page_leads_to_the_print_page(site_after_2026):
    links = [a["href"] for a in site_after_2026.page("kit").select("article a")]
    assert "../poster/" in links
    assert (ROOT / "docs" / "poster.md").is_file()


# 90 characters: two lines of the frame (issue 24: at 70 the field stopped and «контроля сырья»
# was lost)
LONG_TITLE = ("День открытых дверей: экскурсия по цехам, лаборатории качества и на участок "
              "контроля сырья")
MM = 72 / 25.4  # points in a millimetre


def placed_text(sheet) -> list[tuple[str, float, float, float]]:
    """(text, x, y from the top of the sheet in mm, font size in mm) of every run of the page's
    text layer, from the PDF's own matrices."""
    runs = []
    height = float(sheet.mediabox[3])

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        a, b, c, d, e, f = tm
        A, B, C, D, E, F = cm
        # the text matrix within the current transformation
        m = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
             e * A + f * C + E, e * B + f * D + F)
        scale = (m[2] ** 2 + m[3] ** 2) ** 0.5
        runs.append((text, m[4] / MM, (height - m[5]) / MM, size * scale / MM))

    sheet.extract_text(visitor_text=visit)
    return runs


def test_every_typed_word_of_a_long_what_reaches_the_printed_sheet(browser, served_site,
                                                                   site_after_2026):
    assert len(LONG_TITLE) == 90
    svg = site_after_2026.page("poster").select_one(".qw-poster-sheet svg")
    frame = svg.select_one('rect[fill="none"]')
    left, top = float(frame["x"]), float(frame["y"])
    right, bottom = left + float(frame["width"]), top + float(frame["height"])
    smallest = float(svg.select_one('[data-qw-field="title"]')["data-qw-smallest"])
    assert smallest >= 4.5  # mm, about 13 pt: what the page promises as the least size
    with reader(browser, "phone") as session:
        page = session.page
        page.goto(served_site + "poster/")
        page.fill("#qw-poster-title", LONG_TITLE)
        page.evaluate("document.fonts.ready.then(() => true)")
        # the words wrap onto the spare line; the page says how much more fits
        lines = [line.strip() for line in
                 page.locator('[data-qw-field="title"] tspan').all_text_contents()]
        assert len(lines) == 2 and " ".join(lines) == LONG_TITLE
        count = page.locator('[data-qw-count="title"]').inner_text()
        assert count.startswith("Можно ещё"), count
        assert page.locator("#qw-poster-title").get_attribute("aria-invalid") is None
        page.emulate_media(media="print")
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
        assert session.errors == []
    [sheet] = pdf.pages
    runs = placed_text(sheet)
    # the text layer holds each of the sheet's two typed lines whole, in reading order
    typed = [run for run in runs if run[0].strip() in lines]
    assert [run[0].strip() for run in typed] == lines, runs
    printed = " ".join(run[0].strip() for run in typed).split()
    assert printed == LONG_TITLE.split()
    assert typed[1][2] > typed[0][2]  # the second line below the first
    for text, x, y, size in typed:
        assert left < x < right and top < y < bottom, (text, x, y)
        assert size >= smallest - 0.01, (text, size)


def test_a_what_longer_than_fits_is_said_not_cut(browser, served_site):
    with reader(browser, "phone") as session:
        page = session.page
        page.goto(served_site + "poster/")
        limit = int(page.locator("#qw-poster-title").get_attribute("data-qw-limit"))
        words = (LONG_TITLE + " и ещё несколько слов для полного списка") * 2
        page.fill("#qw-poster-title", words)
        assert page.locator("#qw-poster-title").input_value() == words  # nothing cut off
        count = page.locator('[data-qw-count="title"]').inner_text()
        over = len(words) - limit
        assert count.startswith(f"На {over} ") and "сократите" in count, count
        assert page.locator("#qw-poster-title").get_attribute("aria-invalid") == "true"
        shown = page.locator('[data-qw-field="title"]').text_content()
        assert shown.replace(" ", "") == words.replace(" ", "")  # every word stays on the sheet
