"""Any region publishes its own site from one folder (QUALITY_REGION_DIR). The fixture region
that has published nothing but its names (tests/regions/priozerny-krai: no ministry contacts, no
letters, no «город N») is built here with events and results, and no output of it (HTML,
calendars, JSON, texts, tables, the poster's PDF, alt texts) may hold a word of the default
fixture region's folder; its own name appears in the right case. Both regions' words come from
their folders (qualityweek/tools/region_words.py), never from this file."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import extruct
import pytest
import yaml
from building import FIXTURE_REGIONS, ROOT, build_site, copy_project
from fixtures import (FIXTURE_BARE, VALID, default_region, edit_region_file, fixture_region,
                      write_event)
from openpyxl import load_workbook
from pypdf import PdfReader

from qualityweek.inputs.events import KINDS
from qualityweek.tools.region_words import region_words, words_pattern

SITE_URL = "https://example.org/qw/"
TEXT_FILES = (".html", ".txt", ".ics", ".json", ".csv", ".xml", ".js", ".css", ".svg")

DEFAULT = default_region()
OTHER = f"regions/{FIXTURE_BARE}"
REGION = fixture_region(FIXTURE_BARE)
UNPUBLISHED = ("address", "phone", "phone_kind", "email", "site")  # the ministry's, optional


def default_words() -> tuple[set[str], set[str]]:
    """The default region's stems and contact domains that the other region does not share (two
    regions may both have an «Октябрьский район»): what must not appear in the other's site."""
    default_stems, default_literal = region_words(FIXTURE_REGIONS / DEFAULT.folder.name)
    other_stems, other_literal = region_words(FIXTURE_REGIONS / FIXTURE_BARE)
    return (default_stems - other_stems,
            {p for p in default_literal - other_literal if "\\." in p})


def default_pattern() -> re.Pattern:
    return words_pattern(*default_words())


def test_the_default_region_has_words_of_its_own():
    # else the check below could not tell one region's site from the other's
    stems, domains = default_words()
    assert len(stems) > 20 and domains


def publish_nothing(data: dict) -> None:
    """A region file as a region has it that has published nothing but its names: no ministry
    contacts, no letters, no facts of its own."""
    for key in UNPUBLISHED:
        data["ministry"].pop(key, None)
    letters = data.pop("letters", None) or {}
    data.pop("editions", None)
    for part in ("region", "ministry"):  # what cited a letter cites a page instead
        if data[part]["source"] in letters:
            data[part]["source"] = "https://example.org/source"


@pytest.fixture(scope="module")
def other_region(tmp_path_factory):
    """2026 after the week (results pages too) with events of 2026 and 2025 (an archive page with
    its events), built for the second region."""
    project = copy_project(tmp_path_factory.mktemp("region") / "project")
    edit_region_file(project, publish_nothing, FIXTURE_BARE)
    first, second, third = REGION.municipalities[:3]
    events = {
        "tour": dict(VALID, municipality=first, address="ул. Тестовая, д. 5"),
        "webinar": dict(VALID, title="Вебинар о качестве", municipality=second, kind=KINDS[4],
                        format="онлайн", address=None, start="2026-11-13 15:00",
                        end="2026-11-13 16:00", url="https://example.org/webinar"),
        "contest": dict(VALID, title="Конкурс «Лидер качества»", municipality=first,
                        kind=KINDS[2], start="2026-11-12", end="2026-11-12",
                        address="ул. Тестовая, д. 7",
                        url="https://example.org/contest"),
    }
    for slug, fields in events.items():
        write_event(project, 2026, slug, fields, region=FIXTURE_BARE)
    write_event(project, 2025, "past", dict(VALID, municipality=third, address="ул. Мира, д. 1",
                                             start="2025-11-13 10:00", end="2025-11-13 11:00"),
                region=FIXTURE_BARE)
    build = build_site(tmp_path_factory.mktemp("region-site") / "site", project,
                       QUALITY_REGION_DIR=OTHER, QUALITY_YEAR="2026",
                       QUALITY_TODAY="2026-11-28", QUALITY_SITE_URL=SITE_URL)
    assert build.result.returncode == 0, build.output
    return build


def file_text(path: Path) -> str | None:
    """Everything a reader could see in a built file: text, PDF text and metadata, cells."""
    if path.suffix == ".pdf":
        reader = PdfReader(path)
        return " ".join([*(page.extract_text() for page in reader.pages),
                         *(str(value) for value in (reader.metadata or {}).values())])
    if path.suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        return " ".join(str(cell) for sheet in book for row in sheet.iter_rows(values_only=True)
                        for cell in row if cell is not None)
    if path.suffix in TEXT_FILES:
        return path.read_text(encoding="utf-8")
    return None


def test_no_output_of_the_other_region_holds_a_word_of_the_default_one(other_region):
    site, pattern = other_region.site, default_pattern()
    checked = set()
    for path in sorted(site.rglob("*")):
        text = file_text(path) if path.is_file() else None
        if text is None:
            continue
        found = pattern.search(text)
        assert not found, (path.relative_to(site).as_posix(), found and found[0])
        checked.add(path.suffix)
    assert {".html", ".pdf", ".txt", ".ics", ".json", ".csv", ".xlsx"} <= checked, checked


def test_the_region_is_named_in_the_right_case(other_region):
    site, region = other_region.site, REGION.region
    reader = PdfReader(site / "kit" / "poster-2026.pdf")
    assert region.name in re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert reader.metadata["/Creator"] == f"Неделя качества {region.prepositional}"
    home = other_region.page()
    assert region.name in home.select_one('meta[property="og:image:alt"]')["content"]
    assert region.genitive in home.select_one('meta[name="description"]')["content"]
    assert region.name in other_region.page("kit/").select_one("img.qw-kit-preview")["alt"]
    archive = other_region.page("archive/2025/")  # another year's own picture
    assert region.name in archive.select_one('meta[property="og:image:alt"]')["content"]
    [document] = extruct.extract((site / "index.html").read_text(encoding="utf-8"),
                                 syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert document["@graph"][0]["location"]["address"]["addressRegion"] == region.name
    text = next(site.rglob("press-release-2026.txt")).read_text(encoding="utf-8")
    assert f"предприятия {region.genitive} провели" in text.replace("\u00a0", " ")
    # no letter invited them: the press release does not say anyone did
    assert "пригласило" not in text
    results = other_region.text("results/2026/")
    assert REGION.municipalities[0] in results


def test_the_form_offers_the_regions_municipalities_and_no_mail_link(other_region):
    rules = json.loads((other_region.site / "assets" / "event-rules.json").read_text("utf-8"))
    assert rules["municipalities"] == list(REGION.municipalities)
    assert rules["to_email"] is None
    page = other_region.page("propose/")
    assert not page.select("[data-qw-send]")  # no «Отправить в министерство» without an address
    assert not [a for a in page.select("a[href]") if a["href"].startswith("mailto:")]
    # no promise of a letter to a ministry without an address (issue 33)
    ministry = REGION.data.ministry.short_name
    assert ministry not in other_region.text("propose/")
    assert "не опубликован" in rules["copied_to"] and ministry not in rules["copied_to"]


def test_unpublished_contacts_leave_their_lines_out(other_region):
    site = other_region.site
    contacts = other_region.text("contacts/")
    assert REGION.data.ministry.name in contacts
    for word in ("Адрес:", "Телефон", "Электронная почта:", "Сайт:"):
        assert word not in contacts
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert 'href=""' not in html and "mailto:None" not in html and "tel:+\"" not in html
        visible = other_region.page(path.parent.relative_to(site).as_posix()).get_text(" ") \
            if path.name == "index.html" else ""
        assert not re.search(r"\b(None|null)\b", visible), path
    # the letters (the default region's, and the other's taken out of the copy): neither their
    # pages nor their menu entries are here
    for page in [*DEFAULT.data.letters, *REGION.data.letters]:
        assert not (site / page.removesuffix(".md")).exists(), page
    nav = [a.get_text(strip=True) for a in other_region.page().select("nav.md-nav--primary a")]
    assert not [title for title in nav if "Письмо" in title], nav
    index = other_region.text()
    assert "пригласило" not in index and "пригласило" not in other_region.text("about/")


def test_the_tests_region_still_has_its_letter_pages_and_menu_entries(site_2023):
    """site_2023 is built for the region the tests run for (QUALITY_REGION_DIR, else the
    default): each of its letters has its page and its menu entry, and every page in its
    folder is a letter the file declares (none is lost from `letters:`)."""
    region = default_region()
    letters = region.data.letters
    assert set(letters) == {file.name for file in region.folder.glob("*.md")}
    nav = [a.get_text(strip=True) for a in site_2023.page().select("nav.md-nav--primary a")]
    for page, letter in letters.items():
        assert letter.title in nav
        assert (site_2023.site / page.removesuffix(".md") / "index.html").is_file()


def test_the_issue_form_for_the_other_region_lists_its_municipalities():
    from qualityweek.tools.issue_form import FORM, issue_form
    form = yaml.safe_load(issue_form((ROOT / FORM).read_text(encoding="utf-8"), REGION))
    [dropdown] = [f for f in form["body"] if f.get("id") == "municipality"]
    assert dropdown["attributes"]["options"] == list(REGION.municipalities)
    assert REGION.region.genitive in form["description"]
    text = json.dumps(form, ensure_ascii=False)
    assert not default_pattern().search(text)


def test_csv_cells_name_the_regions_municipalities(other_region):
    [table] = (other_region.site / "events").glob("*2026*.csv")
    rows = list(csv.reader(table.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert any(REGION.municipalities[0] in ";".join(row) for row in rows), rows[:3]
