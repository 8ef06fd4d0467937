"""«Предложить мероприятие» (issue 11): the form in a real browser on a phone accepts and refuses
what the build accepts and refuses, with the build's messages; the file it writes builds into
the events page and the calendar; the mail and GitHub links carry the same file."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from browsing import reader
from conftest import ROOT, build_site, serve
from qualityweek.event_rules import slug_for
from qualityweek.events import EventsError, _Source, load_municipalities, parse_event
from test_accessibility import blocking

TODAY = "2026-11-28"  # shown edition 2027
REPO = "https://github.com/example/quality-week"
VALID = {
    "title": "День открытых дверей на заводе",
    "organizer": "ООО «Пример»",
    "municipality": "город Киров",
    "kind": "конкурс «Лидер качества»",
    "start": "2027-11-11", "start-time": "10:00",
    "end": "2027-11-11", "end-time": "13:00",
    "format": "очно",
    "address": "г. Киров, ул. Примерная, д. 1",
    "url": "https://example.org/den-kachestva",
    "contact": "+7 (8332) 00-00-00",
    "description": "Покажем лабораторию и склад.\n\n- участок сборки\n- **склад**\n\n"
                   "Запись: <info@example.org>.",
}
SELECTS = ("municipality", "kind", "format")

# one row per rule: the valid event with some fields changed ("" empties a field)
ROWS = {
    "valid": {},
    "valid online, dates only, bare": {"format": "онлайн", "address": "", "start-time": "",
                                       "end-time": "", "contact": "", "description": ""},
    "title missing": {"title": ""},
    "title too long": {"title": "Д" * 201},
    "organizer with a bidi override": {"organizer": "ООО\u202eПример"},
    "kind missing": {"kind": ""},
    "start missing": {"start": "", "start-time": ""},
    "start not in November": {"start": "2027-10-30"},
    "end in another year": {"end": "2026-11-11"},
    "end before start": {"end-time": "09:00"},
    "end before a start in December": {"start": "2027-12-01", "start-time": "", "end-time": ""},
    "title with a noncharacter": {"title": "Завод\uffff"},
    "address needed in person": {"address": ""},
    "address too long": {"address": "а" * 501},
    "url http": {"url": "http://example.org/"},
    "url with a user": {"url": "https://user@example.org/"},
    "url without a dot": {"url": "https://example/"},
    "url with a space": {"url": "https://exa mple.org/"},
    "url not absolute": {"url": "example.org"},
    "url with a fullwidth slash in the host": {"url": "https://example.org\uff0fx"},
    "url with an IP literal": {"url": "https://[::1]/"},
    "valid description in Python's whitespace": {"description": "\x85\x1fтекст\x1f\u3000"},
    "contact too long": {"contact": "7" * 501},
    "description too long": {"description": "слово " * 900},
    "description with ESC": {"description": "текст \x1b[31m"},
    "description with many links": {"description": "[x]" * 101},
    "description nested too deep": {"description": "- " * 9 + "пункт"},
    "valid with values YAML would read otherwise": {"title": "no: 10:00 # [a] &x *y",
                                                    "contact": "~"},
}


@pytest.fixture(scope="module")
def propose_site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("propose") / "site", QUALITY_TODAY=TODAY,
                       QUALITY_REPO_URL=REPO)
    assert build.result.returncode == 0, build.output
    with serve(build.site) as url:
        yield build, url


@pytest.fixture(scope="module")
def phone(browser, propose_site):
    with reader(browser, "phone") as session:
        yield session


def fill(page, url: str, values: dict) -> None:
    page.goto(url + "propose/")
    page.wait_for_selector("form[data-qw-form]:not([hidden])")
    for name, value in values.items():
        field = page.locator(f"form [name='{name}']")
        if name in SELECTS:
            field.select_option(value) if value else field.select_option("")
        else:
            field.fill(value)


def form_verdict(page) -> tuple[dict, str, str]:
    """({field: message} shown after pressing «Скачать файл», the event file, its path)."""
    page.locator("[data-qw-download]").click()
    errors = {box.get_attribute("data-qw-error-for"): box.inner_text()
              for box in page.locator("[data-qw-error-for]").all() if box.is_visible()}
    return errors, page.locator("[name='event-file']").input_value(), \
        page.locator("[data-qw-path]").inner_text()


def build_verdict(text: str, path: str) -> dict:
    """{field: message} as the build gives them for this file (the part after the file name)."""
    slug = Path(path).stem
    source = _Source(Path(path), path, 2027, slug)
    municipalities = load_municipalities(ROOT / "data" / "municipalities.yml")
    try:
        parse_event(text, source, municipalities)
    except EventsError as error:
        found = {}
        for line in str(error).splitlines():
            message = line.removeprefix(f"{path}, ")
            field = (message.split("«", 1)[1].split("»", 1)[0] if message.startswith("поле «")
                     else "description")
            found.setdefault(field, message)
        return found
    return {}


@pytest.mark.parametrize("row", ROWS)
def test_form_and_build_accept_and_refuse_alike(phone, propose_site, row):
    fill(phone.page, propose_site[1], {**VALID, **ROWS[row]})
    errors, text, path = form_verdict(phone.page)
    expected = build_verdict(text, path)
    assert errors == expected
    assert (expected == {}) == row.startswith("valid")  # each rule row breaks its rule
    assert not phone.errors, phone.errors


def test_a_proposed_event_builds_into_the_page_and_calendar(phone, propose_site, project_copy,
                                                           tmp_path):
    fill(phone.page, propose_site[1], VALID)
    errors, text, path = form_verdict(phone.page)
    assert errors == {} and path == f"docs/events/2027/{slug_for(VALID['title'])}.md"
    (project_copy / path).parent.mkdir(parents=True, exist_ok=True)
    (project_copy / path).write_text(text, encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY=TODAY)
    assert build.result.returncode == 0, build.output
    card = build.page("events").select_one(f"#event-{Path(path).stem}")
    assert card is not None and VALID["title"] in card.get_text()
    assert "склад" in card.select_one(".qw-event__description strong").get_text()
    ics = (build.site / "calendar" / "quality-week-2027.ics").read_text(encoding="utf-8")
    assert f"SUMMARY:{VALID['title']}" in ics
    assert "DTSTART;TZID=Europe/Moscow:20271111T100000" in ics


def test_mail_and_github_links_carry_the_same_file(phone, propose_site):
    fill(phone.page, propose_site[1], VALID)
    errors, text, path = form_verdict(phone.page)
    mail = urlsplit(phone.page.locator("[data-qw-send]").get_attribute("href"))
    assert mail.scheme == "mailto" and mail.path == "prom@ako.kirov.ru"
    query = parse_qs(mail.query)
    assert query["body"] == [text] and VALID["title"] in query["subject"][0]
    github = urlsplit(phone.page.locator("[data-qw-github]").get_attribute("href"))
    assert f"{github.scheme}://{github.netloc}{github.path}" == f"{REPO}/new/main"
    assert parse_qs(github.query) == {"filename": [path], "value": [text]}


def test_too_long_for_mail_falls_back_to_the_download(phone, propose_site):
    fill(phone.page, propose_site[1], {**VALID, "description": "Очень подробное описание. " * 120})
    with phone.page.expect_download() as download:
        phone.page.locator("[data-qw-send]").click()
    assert download.value.suggested_filename == f"{slug_for(VALID['title'])}.md"
    assert "слишком большой для письма" in phone.page.locator("[data-qw-status]").inner_text()


@pytest.mark.parametrize("title", ["День открытых дверей", "Конкурс «Лидер качества» — 2027!",
                                   "Щука, ёж и юла " * 6, "!!!"])
def test_file_name_is_the_builds_transliteration(phone, propose_site, title):
    fill(phone.page, propose_site[1], {"title": title})
    assert phone.page.locator("[name='file-name']").input_value() == slug_for(title)


def test_rules_file_is_the_validators(propose_site):
    rules = json.loads((propose_site[0].site / "assets" / "event-rules.json").read_text(
        encoding="utf-8"))
    from qualityweek.events import FIELDS, FORMATS, KINDS, REQUIRED
    assert (rules["fields"], rules["required"], rules["kinds"], rules["formats"]) == (
        list(FIELDS), list(REQUIRED), list(KINDS), list(FORMATS))
    assert "город Киров" in rules["municipalities"] and rules["first_day"] == "2027-11-01"
    page = propose_site[0].page("propose")
    assert [o.get_text() for o in page.select("select[name=kind] option")][1:] == list(KINDS)


def test_without_script_the_page_lists_the_fields_and_the_address(propose_site):
    page = propose_site[0].page("propose")
    assert page.select_one("form[data-qw-form]").has_attr("hidden")
    fallback = page.select_one("[data-qw-fallback]")
    assert not fallback.has_attr("hidden")
    from qualityweek.events import FIELDS
    assert [c.get_text() for c in fallback.select("li code")] == [*FIELDS, "description"]
    assert fallback.select_one("a[href='mailto:prom@ako.kirov.ru']") is not None


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_form_in_its_error_state_has_no_serious_violations(browser, propose_site, viewport):
    with reader(browser, viewport) as session:
        fill(session.page, propose_site[1], {**VALID, "title": "", "url": "http://x",
                                             "address": ""})
        errors, _, _ = form_verdict(session.page)
        assert set(errors) == {"title", "url"}
        assert not blocking(Axe().run(session.page).response)
        assert not session.foreign_requests(propose_site[1])


def test_pages_point_to_the_form(propose_site, site_after_2026):
    build = propose_site[0]
    for page in ("events", "participate"):
        hrefs = [a["href"] for a in build.page(page).select("article a")]
        assert any(h.rstrip("/").endswith("propose") for h in hrefs), page


TRICKY = ["'кавычка", '"двойная" кавычка', "обратная \\ черта", "поле: значение", "текст #тег",
          "- дефис в начале", "[скобки]", "{фигурные}", "&якорь", "*звёздочка", "!тег", "%процент",
          "@собака", "`код`", "|черта", ">больше", "null", "~", "yes", "0123", "10:00",
          "неразрывный\u00a0пробел и ёлочки «»", "эмодзи 😀 в названии", "конец двоеточием:"]


def test_any_typed_title_reaches_the_build_as_typed(phone, propose_site):
    """The file is valid by construction: YAML reads back exactly what the reader typed."""
    municipalities = load_municipalities(ROOT / "data" / "municipalities.yml")
    for title in TRICKY:
        fill(phone.page, propose_site[1], {**VALID, "title": title, "organizer": title})
        errors, text, path = form_verdict(phone.page)
        assert errors == {}, (title, errors)
        event = parse_event(text, _Source(Path(path), path, 2027, Path(path).stem), municipalities)
        assert (event.title, event.organizer) == (title, title), text
