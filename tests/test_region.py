"""Other regions reuse the site: the region's name comes from data/facts.yml alone. One build of a
copy whose data names another region; no page, file, picture's alt, JSON-LD or calendar of it may
still say «Кировская область» (the 2023 letter, a quoted document, keeps its words)."""

from __future__ import annotations

import json
import re

import extruct
import pytest
from conftest import build_site, copy_project
from pypdf import PdfReader
from site_files import page_path
from test_events import FIXTURE, VALID, write_event

from qualityweek.inputs.events import EventsError, load_events

NAME, GENITIVE = "Тестовая область", "Тестовой области"
OLD = "Кировск"  # «Кировская», «Кировской»; «город Киров» is a municipality, which stays
QUOTED = ("letter-2023/",)  # pages that quote a source word for word
SITE_URL = "https://example.org/qw/"
TEXT_FILES = (".html", ".txt", ".ics", ".json", ".csv", ".xml", ".js")


@pytest.fixture(scope="module")
def other_region(tmp_path_factory):
    """2026 after the week (results pages too) with events of 2026 and 2025 (an archive page with
    its events), and the region, with the ministry's name, renamed in the data."""
    project = copy_project(tmp_path_factory.mktemp("region") / "project")
    facts = project / "data" / "facts.yml"
    text = facts.read_text(encoding="utf-8")
    assert "  name: Кировская область\n" in text and "  genitive: Кировской области\n" in text
    facts.write_text(text.replace("Кировская область", NAME).replace("Кировской области", GENITIVE),
                     encoding="utf-8")
    for slug, fields in FIXTURE.items():
        write_event(project, 2026, slug, fields)
    write_event(project, 2025, "past", dict(FIXTURE["tour"], start="2025-11-13 10:00",
                                             end="2025-11-13 11:00"))
    build = build_site(tmp_path_factory.mktemp("region-site") / "site", project,
                       QUALITY_YEAR="2026", QUALITY_TODAY="2026-11-28", QUALITY_SITE_URL=SITE_URL)
    assert build.result.returncode == 0, build.output
    return build


def quoted(site, path) -> bool:
    return page_path(site, path).startswith(QUOTED) if path.suffix == ".html" else False


def test_no_file_of_the_built_site_names_the_old_region(other_region):
    site = other_region.site
    checked = set()
    for path in sorted(site.rglob("*")):
        if not path.is_file() or quoted(site, path):
            continue
        relative = path.relative_to(site).as_posix()
        if path.suffix == ".pdf":
            reader = PdfReader(path)
            text = " ".join(page.extract_text() for page in reader.pages)
            text += " " + " ".join(str(value) for value in (reader.metadata or {}).values())
        elif path.suffix in TEXT_FILES:
            text = path.read_text(encoding="utf-8")
            if relative == "search/search_index.json":  # the letter's own entries stay
                docs = json.loads(text)["docs"]
                text = json.dumps([d for d in docs if not d["location"].startswith(QUOTED)],
                                  ensure_ascii=False)
        else:
            continue
        assert OLD not in text, (relative, text[max(0, text.find(OLD) - 80):text.find(OLD) + 80])
        checked.add(path.suffix)
    assert {".html", ".pdf", ".txt", ".ics", ".json"} <= checked, checked
    # the letter itself is in the site, and still quotes the region's real name
    assert OLD in (site / "letter-2023" / "index.html").read_text(encoding="utf-8")


def test_the_new_name_is_on_the_poster_the_pictures_alts_and_the_pdf_metadata(other_region):
    site = other_region.site
    reader = PdfReader(site / "kit" / "poster-2026.pdf")
    assert NAME in re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert reader.metadata["/Creator"] == f"Неделя качества в {GENITIVE}"
    home = other_region.page()
    assert NAME in home.select_one('meta[property="og:image:alt"]')["content"]
    kit = other_region.page("kit/")
    assert NAME in kit.select_one("img.qw-kit-preview")["alt"]  # the poster's preview
    archive = other_region.page("archive/2025/")  # another year's own picture
    assert NAME in archive.select_one('meta[property="og:image:alt"]')["content"]
    assert GENITIVE in home.select_one('meta[name="description"]')["content"]


def test_the_new_name_is_in_the_json_ld_and_on_an_archive_page(other_region):
    site = other_region.site
    html = (site / "index.html").read_text(encoding="utf-8")
    [document] = extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"]
    week = document["@graph"][0]
    assert week["location"]["name"] == NAME
    assert week["location"]["address"]["addressRegion"] == NAME
    events = (site / "events" / "index.html").read_text(encoding="utf-8")
    regions = {node["location"]["address"]["addressRegion"]
               for document in extruct.extract(events, syntaxes=["json-ld"],
                                               uniform=False)["json-ld"]
               for node in document["@graph"]
               if isinstance(node["location"], dict) and "address" in node["location"]}
    assert regions == {NAME}
    headings = [h.get_text(" ", strip=True).removesuffix(" ¶")
                for h in other_region.page("archive/2025/").select("h2")]
    assert f"Мероприятия предприятий {GENITIVE}" in headings, headings
    assert f"предприятий {GENITIVE}:" in other_region.text()  # the home page's «Зачем участвовать»


def test_an_unlisted_municipality_is_answered_with_examples_from_the_list(tmp_path):
    listed = ("город Тестовск", "Тестовый район", "Третий район")
    write_event(tmp_path, 2026, "tour", dict(VALID, municipality="Киров"))
    with pytest.raises(EventsError) as error:
        load_events(tmp_path / "docs", listed)
    message = str(error.value)
    assert "поле «municipality»" in message
    assert "например «город Тестовск» или «Тестовый район»" in message
    assert "Котельнич" not in message and "Третий район" not in message
