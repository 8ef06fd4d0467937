"""The poster with a company's own event, printed from the browser (docs/poster.md): the same
layout and font as the PDF, the typed words in the «Наше мероприятие» frame, one A4 page from
Chromium's own print to PDF, and nothing sent anywhere."""

from __future__ import annotations

import io
import re

from browsing import reader
from conftest import ROOT
from pypdf import PdfReader

from qualityweek.outputs.poster_layout import WRITE_LINES

TYPED = {"company": "ООО «Вятский молочный завод»",
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
        assert not any("Вятский" in url or "%D0%92%D1%8F%D1%82" in url
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
