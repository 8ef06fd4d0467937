"""Search engines (issue 9): schema.org JSON-LD on the events and home pages, read back with
extruct as a crawler would; noindex on the 404 page only; sharing meta that a quote or a tag in
a front matter title cannot break out of.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime

import extruct
import pytest
from bs4 import BeautifulSoup
from building import build_site, copy_project
from fixtures import FIXTURE, ZONE, default_region, site_facts, write_event
from site_files import html_files, page_path

from qualityweek.inputs.events import split_front_matter
from qualityweek.model.edition import build_edition
from qualityweek.outputs.structured import forum_location

SCHEMA = "https://schema.org/"
MODES = {"очно": "OfflineEventAttendanceMode", "онлайн": "OnlineEventAttendanceMode",
         "гибрид": "MixedEventAttendanceMode"}
HOSTILE_TITLE = '"><script>x</script> & <b>жирный</b> \'кавычки\''
HOSTILE_DESCRIPTION = 'Описание "><img src=x onerror=alert(1)>'
H1_TITLE = 'Контакты: "Q&A" <и> ещё'
SITE_URL = "https://example.org/qw/"
# Markdown with a link, and longer than a JSON-LD description is allowed to be
TOUR_TEXT = ("Покажем **цеха** и [лабораторию](https://example.org/lab).\n\n"
             + "Расскажем, как завод проверяет молоко на каждом этапе. " * 12)
PROMOTION_TITLE = FIXTURE["early-promo"]["title"]  # the kind «…, акция»: not an Event


@pytest.fixture(scope="module")
def seo_site(tmp_path_factory):
    """2026 with the regional fixture events of test_events, plus a careless editor's page
    title and description (about.md) and a heading with quotes and & (contacts.md, whose nav
    entry then has no title of its own)."""
    project = copy_project(tmp_path_factory.mktemp("seo") / "project")
    for slug, fields in FIXTURE.items():
        write_event(project, 2026, slug, fields, TOUR_TEXT if slug == "tour" else "Описание.")
    # another year's event must not reach this edition's JSON-LD
    write_event(project, 2025, "past", dict(FIXTURE["tour"], start="2025-11-13 10:00",
                                             end="2025-11-13 11:00"))
    about = project / "docs" / "about.md"
    _, body = split_front_matter(about.read_text(encoding="utf-8"))
    about.write_text(f"---\nrender_macros: true\ntitle: {json.dumps(HOSTILE_TITLE)}\n"
                     f"description: {json.dumps(HOSTILE_DESCRIPTION)}\n---\n{body}",
                     encoding="utf-8")
    contacts = project / "docs" / "contacts.md"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace(
        "# Контакты\n", f"# {H1_TITLE.replace('<', '&lt;').replace('>', '&gt;')}\n", 1),
        encoding="utf-8")
    # without a nav title the page's title is its h1 (HTML text: &amp;, &lt;)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - Контакты: contacts.md\n", "  - contacts.md\n", 1), encoding="utf-8")
    build = build_site(tmp_path_factory.mktemp("seo-site") / "site", project,
                       QUALITY_YEAR="2026", QUALITY_TODAY="2026-11-28", QUALITY_SITE_URL=SITE_URL)
    assert build.result.returncode == 0, build.output
    return build


def jsonld(build, path: str = "") -> list[dict]:
    """The JSON-LD documents of a built page, as extruct reads them."""
    html = (build.site / path / "index.html").read_text(encoding="utf-8")
    return extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"]


def graph_events(build, path: str = "") -> list[dict]:
    return [node for document in jsonld(build, path) for node in document.get("@graph", [document])
            if node.get("@type") == "Event"]


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


# -- regional events on the events page ----------------------------------------------------------

def test_one_jsonld_event_per_regional_event_of_the_shown_edition_but_sales(seo_site):
    events = graph_events(seo_site, "events")
    assert sorted(e["name"] for e in events) == sorted(
        f["title"] for f in FIXTURE.values() if f["title"] != PROMOTION_TITLE)
    assert "акция" in FIXTURE["early-promo"]["kind"]
    html = (seo_site.site / "events" / "index.html").read_text(encoding="utf-8")
    assert PROMOTION_TITLE in seo_site.text("events")  # listed on the page, not marked up
    assert PROMOTION_TITLE not in json.dumps(jsonld(seo_site, "events"), ensure_ascii=False)
    assert html.count('type="application/ld+json"') == 1
    for event in events:
        assert event["eventStatus"] == SCHEMA + "EventScheduled"
        assert event["organizer"]["@type"] == "Organization" and event["organizer"]["name"]
        assert event["url"].startswith("https://")
        assert event["image"] == SITE_URL + "kit/share-2026.png"
        assert event["description"] and len(event["description"]) <= 300


def test_jsonld_description_is_the_events_text_as_plain_text_capped(seo_site):
    by_url = {e["url"]: e for e in graph_events(seo_site, "events")}
    text = by_url[FIXTURE["tour"]["url"]]["description"]
    assert text.startswith("Покажем цеха и лабораторию (https://example.org/lab). Расскажем, как")
    assert "**" not in text and "[" not in text and "\n" not in text
    assert len(text) <= 300 and text.endswith("…") and not text.endswith(" …")
    assert by_url[FIXTURE["contest"]["url"]]["description"] == "Описание."


def test_jsonld_event_fields_match_the_event_files(seo_site):
    by_url = {e["url"]: e for e in graph_events(seo_site, "events")}
    for fields in FIXTURE.values():
        if fields["title"] == PROMOTION_TITLE:
            continue
        event = by_url[fields["url"]]
        assert event["name"] == fields["title"]
        assert event["organizer"] == {"@type": "Organization", "name": fields["organizer"]}
        assert event["eventAttendanceMode"] == SCHEMA + MODES[fields["format"]]
        locations = as_list(event["location"])
        places = [p for p in locations if p["@type"] == "Place"]
        virtual = [p for p in locations if p["@type"] == "VirtualLocation"]
        if fields["format"] == "онлайн":
            assert places == [] and virtual == [{"@type": "VirtualLocation", "url": fields["url"]}]
        else:
            [place] = places
            assert place["address"] == {
                "@type": "PostalAddress", "addressLocality": fields["municipality"],
                "streetAddress": fields["address"], "addressRegion": default_region().region.name,
                "addressCountry": "RU"}
            assert len(virtual) == (1 if fields["format"] == "гибрид" else 0)


def test_jsonld_times_are_local_time_with_its_offset_and_dates_stay_dates(seo_site):
    by_url = {e["url"]: e for e in graph_events(seo_site, "events")}
    tour = by_url[FIXTURE["tour"]["url"]]
    offset = datetime(2026, 11, 12, 10, tzinfo=ZONE).strftime("%z")  # the region's: «+0300»
    assert tour["startDate"] == f"2026-11-12T10:00:00{offset[:3]}:{offset[3:]}"
    assert tour["endDate"] == f"2026-11-12T12:30:00{offset[:3]}:{offset[3:]}"
    # the same instant as the file's local time, whatever the offset string
    assert datetime.fromisoformat(tour["startDate"]) == datetime(2026, 11, 12, 10, tzinfo=ZONE)
    contest = by_url[FIXTURE["contest"]["url"]]
    assert (contest["startDate"], contest["endDate"]) == ("2026-11-12", "2026-11-12")


def test_events_jsonld_only_on_the_events_page(seo_site):
    for file in html_files(seo_site.site):
        path = page_path(seo_site.site, file)
        names = {node.get("name", "") for document in extruct.extract(
            file.read_text(encoding="utf-8"), syntaxes=["json-ld"], uniform=False)["json-ld"]
            for node in document.get("@graph", [document])}
        has_regional = bool(names & {f["title"] for f in FIXTURE.values()})
        assert has_regional == (path == "events/"), path


def test_no_events_no_events_jsonld(site_after_2026):
    assert jsonld(site_after_2026, "events") == []


# -- the forum on the home page --------------------------------------------------------------------

def test_home_jsonld_parses_and_the_forum_has_a_location(site_2023):
    [forum] = [e for e in graph_events(site_2023) if "форум" in e["name"]]
    # 2023 names no city: the regional day's venue (the region's letter), hybrid by its
    # format; a region without one gives the country
    assert forum["location"]["@type"] == "Place"
    day = FACTS.editions[2023].regional_day
    assert forum["location"]["name"] == (day.venue if day and day.venue else "Россия")
    assert forum["location"]["address"]["addressCountry"] == "RU"
    if day and "гибрид" in (day.format or ""):
        assert forum["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"
    assert {e["name"] for e in graph_events(site_2023)} >= {
        "Всемирная неделя качества 2023", "День качества 2023"}


def test_the_editions_events_name_their_organizer_and_picture(seo_site):
    events = graph_events(seo_site)
    assert {e["name"] for e in events} >= {"Всемирная неделя качества 2026", "День качества 2026"}
    roskachestvo = FACTS.contacts["roskachestvo"].name
    for event in events:
        assert event["organizer"] == {"@type": "Organization", "name": roskachestvo}
        assert event["image"] == SITE_URL + "kit/share-2026.png"
    [day] = [e for e in events if e["name"].startswith("День качества")]
    assert day["description"].startswith("День качества — второй четверг ноября")


def test_without_a_site_address_no_image_is_named(site_2023):
    for event in graph_events(site_2023):
        assert "image" not in event and event["organizer"]["name"]


def test_archive_pages_share_their_own_years_picture(seo_site):
    for year in sorted(FACTS.editions):
        page = seo_site.page(f"archive/{year}")
        assert _head_meta(page, "og:image") == f"{SITE_URL}kit/share-{year}.png"
        assert _head_meta(page, "twitter:image") == f"{SITE_URL}kit/share-{year}.png"
        alt = _head_meta(page, "og:image:alt")
        week = build_edition(FACTS, year).week_start
        assert f"{week.day}" in alt and str(year) in alt and "2026" not in alt, alt
        assert (seo_site.site / "kit" / f"share-{year}.png").is_file()
    assert _head_meta(seo_site.page("about"), "og:image") == f"{SITE_URL}kit/share-2026.png"


FACTS = site_facts()


@pytest.mark.parametrize("year", sorted(y for y, e in FACTS.editions.items() if e.forum))
def test_every_forum_in_the_data_gets_a_location(year):
    edition = build_edition(FACTS, year)
    places, mode = forum_location(edition)
    assert places and all(p["@type"] in ("Place", "VirtualLocation") for p in places)
    if edition.forum.cities:
        assert [p["name"] for p in places] == edition.forum.cities
        assert mode == "OfflineEventAttendanceMode"
    # an online location only at the forum's own registration page, never at a news source
    for place in places:
        if place["@type"] == "VirtualLocation":
            assert place["url"] == edition.forum.registration_url


def test_a_forum_without_city_or_venue_is_placed_in_russia_with_no_mode_guessed():
    edition = build_edition(FACTS, 2023)
    bare = dataclasses.replace(edition, regional_day=None)
    places, mode = forum_location(bare)
    assert places == [{"@type": "Place", "name": "Россия",
                       "address": {"@type": "PostalAddress", "addressCountry": "RU"}}]
    assert mode is None


# -- robots: noindex on the 404 page only ----------------------------------------------------------

def test_noindex_on_the_404_page_and_nowhere_else(seo_site):
    for file in html_files(seo_site.site):
        head = _soup(file.read_text(encoding="utf-8")).head
        robots = [tag["content"] for tag in head.find_all("meta", attrs={"name": "robots"})]
        assert robots == (["noindex"] if file.name == "404.html" else []), file


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


# -- a careless editor's title cannot break out of the sharing meta --------------------------------

def _head_meta(page, key: str) -> str:
    tag = page.head.find("meta", attrs={"property": key}) or page.head.find("meta", attrs={"name": key})
    return tag["content"]


def test_front_matter_title_and_description_stay_text_in_the_sharing_meta(seo_site):
    html = (seo_site.site / "about" / "index.html").read_text(encoding="utf-8")
    page = _soup(html)
    title = HOSTILE_TITLE + " — Неделя качества"
    for key in ("og:title", "twitter:title"):
        assert _head_meta(page, key) == title
    for key in ("og:description", "twitter:description"):
        assert _head_meta(page, key) == HOSTILE_DESCRIPTION
    # Material's own places for them too: the description meta, <title>, the header's topic
    assert _head_meta(page, "description") == HOSTILE_DESCRIPTION
    document = BeautifulSoup(html, "html5lib")  # parsed as a browser does
    assert document.title.get_text() == HOSTILE_TITLE + " — Неделя качества"
    topic = document.select_one('[data-md-component="header-topic"]').get_text(strip=True)
    assert topic == HOSTILE_TITLE
    # nothing of them became markup anywhere on the page
    assert [s for s in document.find_all("script") if s.get_text() == "x"] == []
    assert document.select("img[onerror]") == []
    assert [b for b in document.find_all("b") if b.get_text() == "жирный"] == []


def test_a_heading_title_with_quotes_and_ampersand_is_plain_text_once(seo_site):
    page = seo_site.page("contacts")
    assert _head_meta(page, "og:title") == H1_TITLE + " — Неделя качества"
