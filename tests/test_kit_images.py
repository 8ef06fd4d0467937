"""The participant kit's generated poster (PDF and PNG preview) and share picture, read from real
builds the way a reader's programs read them: pypdf for the PDF's text and fonts, Pillow for the
pictures; their dates compared with what the built home page says, not with typed strings."""

from __future__ import annotations

import dataclasses
import io
import math
import re
import struct

import pypdfium2
import pytest
import zxingcpp
from building import build_site
from fixtures import NBSP, default_region, site_facts
from PIL import Image
from pypdf import PdfReader

from qualityweek.core.calendar import edition_dates
from qualityweek.inputs.facts import Motto
from qualityweek.model.edition import Edition
from qualityweek.outputs.poster_layout import (POSTER_MARGIN_MM, Box, KitError, QrCode, Text,
                                               poster_layout, text_width)

SITE_URL = "https://example.org/quality-week/"
REGION = default_region().region.name  # tests/test_region.py builds a site for another
TODAY = "2023-10-02"  # before the 2023 week: the 2023 edition, which has a motto
MAX_PDF = 300 * 1024
MAX_EMPTY_BAND_MM = 30.0
A4_PT = (595.28, 841.89)


@pytest.fixture(scope="module")
def site_2023_url(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("kit2023") / "site", QUALITY_TODAY=TODAY,
                       QUALITY_SITE_URL=SITE_URL)
    assert build.result.returncode == 0, build.output
    return build


@pytest.fixture(params=["site_2023", "site_after_2026", "site_2023_url"])
def built(request):
    """Editions with a motto (2023) and without (2027), with and without a site address."""
    return request.getfixturevalue(request.param)


def year_of(build) -> int:
    return int(re.search(r"\d{4}", build.page().select_one("h1").get_text()).group())


def home_facts(build) -> dict[str, str]:
    """The home page's key dates: {label: value} as the reader sees them."""
    facts = build.page().select_one(".qw-facts")
    return {dt.get_text(" ", strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
            for dt in facts.select("dt")}


def as_printed(text: str) -> str:
    """Page text as the poster sets it: the word joiner (U+2060) only stops a browser from breaking
    a line after a dash, and the poster breaks its own lines. Non-breaking spaces stay."""
    return text.replace("\u2060", "")


def poster_text(build, year: int) -> str:
    """The PDF's text with its line breaks as ordinary spaces; non-breaking spaces stay."""
    reader = PdfReader(build.site / "kit" / f"poster-{year}.pdf")
    [page] = reader.pages
    return re.sub(r"[ \n]+", " ", page.extract_text())


def page_dates(build) -> tuple[str, str, str | None]:
    """Week, Quality Day (with weekday) and the quoted motto, or None, from the home page."""
    facts = home_facts(build)
    week = facts["Всемирная неделя качества"].split(", с понедельника")[0]
    motto = facts["Девиз недели"]  # «…» (источник), or that it will be announced
    motto = None if motto == "будет объявлен" else re.sub(r"\s*\(\s*источник\s*\)$", "", motto)
    return week, facts["День качества"], motto


def test_poster_has_the_editions_dates_typeset_as_on_the_pages(built):
    year = year_of(built)
    week, quality_day, motto = page_dates(built)
    text = poster_text(built, year)
    # the typeset forms: «6–12 ноября 2023 г.» with non-breaking spaces, «четверг, 9 ноября…»
    assert NBSP in week and NBSP in quality_day
    assert as_printed(week) in text
    assert as_printed(quality_day) in text
    assert week.replace(NBSP, " ") not in text  # proves the non-breaking spaces survived
    assert REGION in text
    if motto:
        assert motto.startswith("«") and as_printed(motto) in text
        assert "Девиз недели" in text
    else:  # no motto in the data: none is invented
        assert "Девиз" not in text and "«" not in text
    dates = edition_dates(year)
    other = edition_dates(year + 1)
    assert str(dates.week_end.year) in text and str(other.year) not in text


def test_poster_names_the_site_only_when_its_address_is_known(site_2023, site_2023_url):
    assert SITE_URL in poster_text(site_2023_url, 2023)
    assert "https://" not in poster_text(site_2023, 2023)


def poster_pixels(build, year: int, px_per_mm: int = 4) -> Image.Image:
    """The PDF's page as pdfium draws it (a rasterizer independent of the build's Pillow)."""
    document = pypdfium2.PdfDocument(build.site / "kit" / f"poster-{year}.pdf")
    try:
        return document[0].render(scale=px_per_mm * 25.4 / 72).to_pil().convert("L")
    finally:
        document.close()


def largest_empty_band_mm(image: Image.Image, px_per_mm: int = 4) -> float:
    """The tallest run of blank rows (nothing printed across the sheet) inside the margins."""
    margin = round(POSTER_MARGIN_MM * px_per_mm)
    width, height = image.size
    data = image.tobytes()
    best = run = 0
    for y in range(margin, height - margin):
        row = data[y * width + margin:(y + 1) * width - margin]
        run = run + 1 if min(row) >= 240 else 0
        best = max(best, run)
    return best / px_per_mm


def decoded(image: Image.Image) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(image)]


def test_poster_has_no_empty_band_taller_than_30_mm(built):
    """With a motto (2023) and without (2027), with a site address and without."""
    band = largest_empty_band_mm(poster_pixels(built, year_of(built)))
    assert band <= MAX_EMPTY_BAND_MM, band


def test_poster_qr_code_opens_the_site_in_the_pdf_and_the_preview(site_2023_url):
    assert decoded(poster_pixels(site_2023_url, 2023)) == [SITE_URL]
    with Image.open(site_2023_url.site / "kit" / "poster-2023.png") as preview:
        assert decoded(preview.convert("L")) == [SITE_URL]


def test_without_a_site_address_there_is_no_qr_code(site_2023, site_after_2026):
    for build, year in ((site_2023, 2023), (site_after_2026, 2027)):
        assert decoded(poster_pixels(build, year)) == []
        with Image.open(build.site / "kit" / f"poster-{year}.png") as preview:
            assert decoded(preview.convert("L")) == []


def test_poster_has_a_frame_to_write_the_companys_event_in(built):
    text = poster_text(built, year_of(built))
    assert "Наше мероприятие" in text
    assert re.search(r"Что .*Когда .*Где", text)


def test_qr_code_is_vector_squares_in_the_pdf_with_its_quiet_zone_clear():
    layout = poster_layout(edition_with_motto("Качество"), region=REGION, site_url=SITE_URL)
    [code] = [item for item in layout.items if isinstance(item, QrCode)]
    quiet = 4 * code.module
    side = len(code.modules) * code.module
    for item in layout.items:  # nothing else is drawn within the quiet zone
        if isinstance(item, Text) and item is not code:
            right = item.x + text_width(item.text, item.size, item.weight)
            top = item.y - item.size
            assert (right <= code.x - quiet or item.x >= code.x + side + quiet
                    or item.y <= code.y - quiet or top >= code.y + side + quiet), item.text
    assert code.x + side + quiet <= 210 - POSTER_MARGIN_MM + quiet  # the sheet's white edge


def test_poster_ring_is_a_closed_path(site_after_2026):
    """fpdf2's circle() leaves its path open, which shows a notch where the stroke starts."""
    [page] = PdfReader(site_after_2026.site / "kit" / "poster-2027.pdf").pages
    content = page.get_contents().get_data().decode("latin-1")
    assert re.search(r"(?: [\d. ]+ c){4} h S", content)


def test_poster_is_an_a4_pdf_under_300_kb_with_embedded_pt_sans(built):
    year = year_of(built)
    path = built.site / "kit" / f"poster-{year}.pdf"
    assert path.stat().st_size <= MAX_PDF
    reader = PdfReader(path)
    [page] = reader.pages
    assert [round(float(v), 2) for v in page.mediabox[2:]] == list(A4_PT)
    fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
    assert len(fonts) == 2  # regular and bold
    for font in fonts:
        assert "PTSans" in font["/BaseFont"]
        [descendant] = font["/DescendantFonts"]
        descriptor = descendant.get_object()["/FontDescriptor"].get_object()
        embedded = descriptor["/FontFile2"].get_object().get_data()
        assert 1000 < len(embedded) < 150_000  # embedded, and a subset of the 440 KB font


def test_poster_is_dated_by_the_build_settings(site_after_2026):
    reader = PdfReader(site_after_2026.site / "kit" / "poster-2027.pdf")
    assert reader.metadata["/CreationDate"].startswith("D:20261128000000")


def png_chunks(data: bytes) -> list[str]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunks.append(kind.decode("ascii"))
        offset += 12 + length
    return chunks


def test_share_picture_is_1200_by_630_and_changes_with_the_edition(site_2023, site_after_2026):
    pictures = {}
    for build, year in ((site_2023, 2023), (site_after_2026, 2027)):
        data = (build.site / "kit" / f"share-{year}.png").read_bytes()
        assert set(png_chunks(data)) <= {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}  # no time, text
        assert len(data) < 100_000
        with Image.open(io.BytesIO(data)) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))
            pictures[year] = image.convert("RGB").tobytes()
        assert not (build.site / "assets" / "share.png").exists()
    assert pictures[2023] != pictures[2027]


def test_every_page_but_other_years_shares_the_editions_picture_with_its_dates(site_2023_url):
    week, quality_day, _ = page_dates(site_2023_url)
    day_month = quality_day.split(", ", 1)[1].split(" ")[0]  # «9 ноября»
    pages = sorted(site_2023_url.site.rglob("*.html"))
    checked = 0
    for path in pages:
        relative = path.relative_to(site_2023_url.site).as_posix()
        page = path.read_text(encoding="utf-8")
        if relative == "404.html":  # no address of its own, so no absolute og: tags
            continue
        if relative.startswith("archive/") and relative != "archive/index.html" \
                and not relative.startswith("archive/2023/"):
            continue  # another year's page shares its own year's picture (test_structured_data)
        image = re.search(r'<meta property="og:image" content="([^"]*)"', page)
        assert image, relative
        assert image.group(1) == SITE_URL + "kit/share-2023.png", relative
        assert f'<meta name="twitter:image" content="{SITE_URL}kit/share-2023.png">' in page
        alt = re.search(r'<meta property="og:image:alt" content="([^"]*)"', page).group(1)
        assert week in alt and f"День качества{NBSP}— {day_month}" in alt, (relative, alt)
        checked += 1
    assert checked >= 10


def test_kit_page_shows_the_previews_and_links_the_files(built):
    year = year_of(built)
    week, _, _ = page_dates(built)
    page = built.page("kit/")
    poster = page.select_one("#poster ~ p img.qw-kit-preview")
    assert poster["src"] == f"poster-{year}.png" and week in poster["alt"]
    with Image.open(built.site / "kit" / poster["src"]) as image:
        assert image.size == (600, round(600 * 297 / 210))
        assert (int(poster["width"]), int(poster["height"])) == (300, image.size[1] // 2)
    links = {a["href"]: a.get_text() for a in page.select("article a.md-button")}
    saved = {a["href"]: a.get("download") for a in page.select("article a.md-button")}
    assert saved[f"poster-{year}.pdf"] == f"Неделя-качества-{year}-плакат.pdf"
    assert saved[f"share-{year}.png"] == f"Неделя-качества-{year}-картинка.png"
    for name, kind in ((f"poster-{year}.pdf", "PDF"), (f"share-{year}.png", "PNG")):
        size = (built.site / "kit" / name).stat().st_size
        assert links[name].endswith(f"({kind}, {math.ceil(size / 1024)}{NBSP}КБ)"), links[name]
    share = page.select_one("#share ~ p img.qw-kit-preview")
    assert share["src"] == f"share-{year}.png" and week in share["alt"]
    html = (built.site / "kit" / "index.html").read_text(encoding="utf-8")
    assert "<!-- kit: poster" not in html and "<!-- kit: share" not in html  # filled in


# -- the layout, without a build ------------------------------------------------------------------

def edition_with_motto(text: str | None) -> Edition:
    edition = Edition(**dataclasses.asdict(edition_dates(2027)))
    return dataclasses.replace(
        edition, motto=Motto(text=text, source="https://example.org/") if text else None)


def texts(layout) -> list[Text]:
    return [item for item in layout.items if isinstance(item, Text)]


def test_a_long_motto_address_and_region_stay_inside_the_printable_area():
    motto = ("Качество — " + "очень длинный девиз " * 10)[:199] + "!"  # the longest the data allows
    layout = poster_layout(edition_with_motto(motto.strip()),
                           region="Ханты-Мансийский автономный округ — Югра",
                           site_url="https://example.org/" + "a" * 150 + "/")
    lines = texts(layout)
    for line in lines:
        assert line.x >= 14 and line.x + text_width(line.text, line.size, line.weight) <= 210 - 14
        assert 14 < line.y <= 297 - 14
    for above, below in zip(lines, lines[1:]):  # one under another, never overlapping
        assert below.y - above.y >= below.size * 0.9, (above.text, below.text)
    [rule] = [item for item in layout.items if isinstance(item, Box) and item.h < 2]
    for line in lines:  # the footer's rule runs between lines, not through them
        assert line.y < rule.y - 3 or line.y - line.size * 0.75 > rule.y + 3, line.text
    printed = " ".join(line.text for line in lines)
    assert "очень длинный девиз" in printed and "aaaa" in printed and "Югра" in printed
    assert "".join(line.text for line in lines if "aaa" in line.text).count("a") >= 150


def test_a_character_the_font_lacks_stops_with_a_message_naming_where_it_came_from():
    edition = edition_with_motto("Качество \U0001F600")
    with pytest.raises(KitError, match=rf"^data/facts.yml, год {edition.year}, поле «motto.text»: "
                                       r".*нет знаков '\U0001f600': ««Качество \U0001F600»»$"):
        poster_layout(edition, region=REGION, site_url=None)
    with pytest.raises(KitError, match=r"^QUALITY_SITE_URL: .*нет знаков '中', '国'"):
        poster_layout(edition_with_motto("Качество"), region=REGION, site_url="https://质量.中国/")
    with pytest.raises(KitError, match=r"^regions/x/region.yml, поле «region.name»: .*нет знаков '质'"):
        poster_layout(edition_with_motto("Качество"), region="质 область", site_url=None,
                      region_field="regions/x/region.yml, поле «region.name»")


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours."""
    def luminance(colour):
        channels = [c / 255 for c in colour]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("which", ["share", "poster"])
def test_every_text_has_at_least_4_5_to_1_contrast_with_its_ground(which):
    from qualityweek.outputs.poster_layout import WHITE, share_layout
    edition = edition_with_motto("Качество")
    layout = (share_layout(edition, region=REGION) if which == "share"
              else poster_layout(edition, region=REGION, site_url=SITE_URL))
    checked = 0
    for index, item in enumerate(layout.items):
        if not isinstance(item, Text):
            continue
        ground = WHITE  # the sheet; else the last box drawn under the line's start
        for below in layout.items[:index]:
            if isinstance(below, Box) and below.x <= item.x <= below.x + below.w \
                    and below.y <= item.y - item.size / 2 <= below.y + below.h:
                ground = below.colour
        assert contrast(item.colour, ground) >= 4.5, (item.text, item.colour, ground)
        checked += 1
    assert checked >= 4


# -- where to look: the poster's bottom quarter and the share picture (issue 33) ----------------

HASHTAG = site_facts().hashtag_text  # data/facts.yml's, never typed here


@pytest.fixture(scope="module")
def site_2027_url(tmp_path_factory):
    """The 2027 edition (no motto in the data) with a site address."""
    build = build_site(tmp_path_factory.mktemp("kit2027") / "site", QUALITY_TODAY="2026-11-28",
                       QUALITY_SITE_URL=SITE_URL)
    assert build.result.returncode == 0, build.output
    return build


def lines_below(build, year: int, top_mm: float) -> str:
    """The PDF's text set below `top_mm` from the sheet's top, as pypdf reads it."""
    [page] = PdfReader(build.site / "kit" / f"poster-{year}.pdf").pages
    found = []

    def visit(text, cm, tm, font, size):
        y = (A4_PT[1] - (cm[5] + tm[5] * cm[3])) * 25.4 / 72  # from the top, in mm
        if text.strip() and y > top_mm:
            found.append(text)
    page.extract_text(visitor_text=visit)
    return " ".join(" ".join(found).split())


def bottom_quarter(image: Image.Image) -> Image.Image:
    width, height = image.size
    return image.crop((0, round(height * 3 / 4), width, height))


def test_without_a_motto_the_posters_bottom_quarter_says_where_to_look(site_2027_url,
                                                                       site_after_2026):
    assert HASHTAG, "data/facts.yml gives no hashtag"
    quarter = 297 * 3 / 4
    with_address = lines_below(site_2027_url, 2027, quarter)
    assert SITE_URL in with_address and HASHTAG in with_address
    assert "на сайте" in with_address and REGION in with_address
    # the QR code is there, large enough to read from the bottom quarter alone, in the PDF (drawn
    # by pdfium) and in the preview (drawn by Pillow)
    assert decoded(bottom_quarter(poster_pixels(site_2027_url, 2027))) == [SITE_URL]
    with Image.open(site_2027_url.site / "kit" / "poster-2027.png") as preview:
        assert decoded(bottom_quarter(preview.convert("L"))) == [SITE_URL]
    # without an address: the hashtag to look for, and no address or code
    without = lines_below(site_after_2026, 2027, quarter)
    assert HASHTAG in without and "https://" not in without
    assert "Ищите в соцсетях" in without


def test_posters_frame_keeps_its_lines_beside_the_larger_footer(site_2027_url):
    layout = poster_layout(edition_with_motto(None), region=REGION, site_url=SITE_URL,
                           hashtag=HASHTAG)
    labels = [item.text for item in layout.items if isinstance(item, Text)]
    assert {"Кто", "Что", "Когда", "Где"} <= set(labels) and HASHTAG in labels
    text = poster_text(site_2027_url, 2027)
    assert re.search(r"Кто .*Что .*Когда .*Где", text)


def test_share_picture_has_the_site_address_and_the_hashtag(site_2027_url):
    from qualityweek.outputs.poster_layout import share_layout
    edition = edition_with_motto(None)
    layout = share_layout(edition, region=REGION, site_url=SITE_URL, hashtag=HASHTAG)
    texts = [item for item in layout.items if isinstance(item, Text)]
    address = SITE_URL.removeprefix("https://").rstrip("/")
    shown = {item.text: item for item in texts}
    assert HASHTAG in shown and address in shown
    for item in texts:  # every line inside the picture and clear of the one above it
        assert item.x + text_width(item.text, item.size, item.weight) <= layout.width - 40
        assert item.y + item.size * 0.25 <= layout.height
    ordered = sorted(texts, key=lambda item: item.y)
    for above, below in zip(ordered, ordered[1:]):
        assert below.y - below.size * 0.75 >= above.y + above.size * 0.2, (above.text, below.text)
    # the built picture is this layout: its alt text (the sharing meta) says both
    alt = site_2027_url.page().select_one('meta[property="og:image:alt"]')["content"]
    assert HASHTAG in alt and address in alt
    with Image.open(site_2027_url.site / "kit" / "share-2027.png") as image:
        assert image.size == (1200, 630)


def test_a_hashtag_with_a_space_stops_the_build_naming_the_file_and_field(tmp_path):
    from building import copy_project
    project = copy_project(tmp_path / "project")
    facts = project / "data" / "facts.yml"
    text = facts.read_text(encoding="utf-8")
    assert f'"{HASHTAG}"' in text
    facts.write_text(text.replace(f'"{HASHTAG}"', '"#День качества"'), encoding="utf-8")
    build = build_site(tmp_path / "site", project)
    assert build.result.returncode != 0
    assert "data/facts.yml, поле «hashtag.text»: «#День качества»: ожидается хэштег" in build.output
    assert "Traceback" not in build.output
