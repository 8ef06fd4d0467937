"""What a company employee meets in November on a phone (issue 33): the home page's calendar
button gives the week and Quality Day, not every regional event; a card opened by its link shows
its date and can be shared; search opens the event it found and reads in words; an event without
a page of its own builds; the list starts on the first screen and keeps its filter in the
address; after the week the events page leads to the events just held."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import in_viewport, reader
from building import build_site, copy_project, serve
from fixtures import CITY, FIXTURE, NBSP, VALID, long_date, write_event
from icalendar import Calendar

SITE_URL = "https://example.org/qw/"
DURING, AFTER = "2026-11-05", "2026-11-16"  # the 2026 week is ahead; it is over (2027 shown)
# a shop's tasting: no page of its own (issue 33, item 4)
NO_PAGE = dict(VALID, title="Дегустация в фирменном магазине", url=None, contact=None)
EVENTS = FIXTURE
PHONE = {"width": 390, "height": 844}
TOUR_DAY = date.fromisoformat(VALID["start"][:10])
# screenshots of each changed screen at phone size, to look at (not compared)
SHOTS = Path(tempfile.gettempdir()) / "qw-issue33-shots"
SHOTS.mkdir(exist_ok=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("issue33") / "project")
    for slug, fields in EVENTS.items():
        write_event(project, 2026, slug, fields, "Что увидят гости.")
    return project


@pytest.fixture(scope="module")
def no_page(tmp_path_factory):
    """The events with the shop's tasting, which has no page of its own."""
    project = copy_project(tmp_path_factory.mktemp("issue33-no-page") / "project")
    for slug, fields in {**EVENTS, "degustatsiya": NO_PAGE}.items():
        write_event(project, 2026, slug, fields, "Что увидят гости.")
    return _build(project, tmp_path_factory, "no-page", QUALITY_TODAY=DURING,
                  QUALITY_SITE_URL=SITE_URL)


def _build(project, tmp_path_factory, name, **env):
    build = build_site(tmp_path_factory.mktemp(name) / "site", project, **env)
    assert build.result.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def during(project, tmp_path_factory):
    build = _build(project, tmp_path_factory, "during", QUALITY_TODAY=DURING,
                   QUALITY_SITE_URL=SITE_URL)
    with serve(build.site) as url:
        yield build, url


@pytest.fixture(scope="module")
def after(project, tmp_path_factory):
    return _build(project, tmp_path_factory, "after", QUALITY_TODAY=AFTER)


@pytest.fixture
def phone(browser):
    with reader(browser, "phone") as session:
        yield session
        assert not session.errors


# -- 1. «Добавить в календарь» ------------------------------------------------------------------

def test_home_calendar_button_gives_the_week_and_quality_day_not_the_regional_events(during, phone):
    build, url = during
    page = phone.page
    page.goto(url)
    with page.expect_download() as download:
        page.get_by_role("link", name="Добавить в календарь").click()
    calendar = Calendar.from_ical(open(download.value.path(), "rb").read())
    uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    assert {"2026-week@quality-week", "2026-quality-day@quality-week"} <= uids
    assert not [uid for uid in uids if "event-" in uid], uids
    # the regional events stay a choice of their own: the subscription and each card's file
    subscription = Calendar.from_ical((build.site / "calendar/quality-week.ics").read_bytes())
    subscribed = {str(event["UID"]) for event in subscription.walk("VEVENT")}
    assert uids | {f"2026-event-{slug}@quality-week" for slug in EVENTS} == subscribed


# -- 2. a card opened by its link; a link to share ----------------------------------------------

def test_a_card_opened_by_its_link_shows_its_date_on_screen(during, phone):
    _, url = during
    page = phone.page
    page.goto(url + "events/#event-tour")
    page.wait_for_load_state("networkidle")
    card = page.locator("#event-tour")
    date = card.locator("dd").first
    assert card.locator("dt").first.inner_text() == "Дата"
    assert date.inner_text() == long_date(TOUR_DAY, weekday=True)
    assert in_viewport(date)
    # a week-long event says its days, with the year
    promo = page.locator("#event-early-promo dd").first.inner_text()
    assert promo == f"9\u2013\u206015{NBSP}ноября 2026{NBSP}г."
    page.screenshot(path=str(SHOTS / "event-by-link.png"))


def test_share_link_uses_the_phones_share_sheet(during, phone):
    _, url = during
    page = phone.page
    page.add_init_script("navigator.share = data => { window.qwShared = data; "
                         "return Promise.resolve(); };")
    page.goto(url + "events/")
    link = page.locator("#event-tour").get_by_role("link", name=re.compile("Ссылка на мероприятие"))
    link.click()
    shared = page.evaluate("window.qwShared")
    assert shared["url"] == url + "events/#event-tour"
    assert shared["title"] == VALID["title"]


def test_share_link_is_copied_where_there_is_no_share_sheet(during, phone):
    _, url = during
    page = phone.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(url + "events/?municipality=" + CITY)  # a filter is not part of the card's link
    card = page.locator("#event-late-webinar")
    card.get_by_role("link", name=re.compile("Ссылка на мероприятие")).click()
    status = card.locator("[data-qw-share-status]")
    status.wait_for(state="visible")
    assert status.inner_text().startswith("Ссылка скопирована")
    assert in_viewport(status)
    assert page.evaluate("navigator.clipboard.readText()") == url + "events/#event-late-webinar"
    page.screenshot(path=str(SHOTS / "event-link-copied.png"))


# -- 3. search ----------------------------------------------------------------------------------

SECTION_LINKS = ".md-search-result__link:has(article h2)"


def test_search_opens_the_event_it_found_and_reads_in_words(during, phone):
    build, url = during
    page = phone.page
    page.goto(url)
    page.locator("label.md-header__button[for=__search]").click()
    field = page.locator("input.md-search__input")
    field.fill("молочный завод")
    field.press("End")  # Material reads the query on keyup
    first = page.locator(SECTION_LINKS).first
    first.wait_for()
    assert first.locator("h2").inner_text() == VALID["title"]  # the right event first
    text = first.locator("article p").first.inner_text()
    # (the result's text has plain spaces where the page has no-break ones)
    assert text.startswith(f"Дата: {long_date(TOUR_DAY, weekday=True)}".replace(NBSP, " "))
    assert "Организатор: АО «Тестовый завод»." in text
    assert not re.search(r"[а-яё](Время|Организатор|Где|Вид|Формат)", text), text
    page.screenshot(path=str(SHOTS / "search-result.png"))
    first.click()
    page.wait_for_url(re.compile(r"/events/.*#event-tour"))
    title = page.locator("#event-tour .qw-event__title")
    assert in_viewport(title)
    assert in_viewport(page.locator("#event-tour dd").first)  # its date under it


def test_search_index_has_a_section_per_event_and_not_the_filters(during):
    build, _ = during
    index = json.loads((build.site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert {f"events/#event-{slug}-title" for slug in EVENTS} <= locations
    events_text = " ".join(doc["text"] for doc in index["docs"]
                           if doc["location"].startswith("events/"))
    assert "Муниципальное образованиевсе" not in events_text
    options = [o.get_text() for o in build.page("events").select("select option")
               if o.get("value")]  # «город … (3)»
    assert options and not [o for o in options if o in events_text]
    assert "В календарь" not in events_text and "Ссылка на мероприятие" not in events_text


# -- 4. an event without a page of its own ------------------------------------------------------

def test_an_event_without_a_page_builds_with_no_empty_link(no_page):
    build = no_page
    card = build.page("events").select_one("#event-degustatsiya")
    rows = [dt.get_text() for dt in card.select("dt")]
    assert "Подробнее" not in rows
    assert all(a.get("href") for a in card.select("a"))
    ics = Calendar.from_ical((build.site / "calendar/events/2026/degustatsiya.ics").read_bytes())
    [event] = ics.walk("VEVENT")
    assert str(event["URL"]) == SITE_URL + "events/#event-degustatsiya"  # the card instead
    assert "Подробности и запись" not in str(event["DESCRIPTION"])
    graph = json.loads(build.page("events").select_one(
        "script[type='application/ld+json']").string)["@graph"]
    tasting = next(e for e in graph if e["name"] == NO_PAGE["title"])
    assert "url" not in tasting and "None" not in json.dumps(tasting)
    table = (build.site / "events/2026.csv").read_text(encoding="utf-8-sig")
    assert "None" not in table


# -- 7. on a phone: the list on the first screen, the filter in the address ---------------------

def test_the_list_starts_on_the_first_screen_of_a_phone(during, phone):
    _, url = during
    page = phone.page
    page.goto(url + "events/")
    page.wait_for_load_state("networkidle")
    filters = page.locator("form[data-qw-filters]")
    assert filters.bounding_box()["y"] < PHONE["height"] * 0.6
    assert in_viewport(page.locator("[data-qw-day] h2").first)
    page.screenshot(path=str(SHOTS / "events-first-screen.png"))


def test_the_chosen_filter_is_kept_in_the_address_and_restored(during, browser):
    _, url = during
    with reader(browser, "phone") as session:
        page = session.page
        page.goto(url + "events/")
        page.get_by_label("Муниципальное образование").select_option(CITY)
        assert urlsplit(page.url).query  # the address says which list this is
        shared = page.url
        assert page.eval_on_selector_all(".qw-event:not([hidden])", "els => els.map(e => e.id)") \
            == ["event-late-webinar"]
    with reader(browser, "phone") as session:  # the link opened by someone else
        page = session.page
        page.goto(shared)
        page.wait_for_load_state("networkidle")
        assert page.get_by_label("Муниципальное образование").input_value() == CITY
        assert page.eval_on_selector_all(".qw-event:not([hidden])", "els => els.map(e => e.id)") \
            == ["event-late-webinar"]
        count = page.locator("[data-qw-count]").inner_text()
        assert count == f"Показано 1 мероприятие из {len(EVENTS)}"
        # «все» again: the address forgets the filter
        page.get_by_label("Муниципальное образование").select_option("")
        assert not urlsplit(page.url).query
        assert not session.errors


# -- 11. after the week -------------------------------------------------------------------------

def test_after_the_week_the_events_page_leads_to_the_events_just_held(after):
    page = after.page("events")
    text = after.text("events")
    assert "Пока мероприятий нет" in text  # 2027 has none yet
    link = page.select_one("article a[href$='archive/2026/']")
    assert link, "no link to the 2026 events"
    assert (after.site / "events" / link["href"] / "index.html").resolve().is_file()
    assert "Неделя качества 2026 года прошла" in text and f"({len(EVENTS)})" in text
    listed = after.page("archive/2026").select("article.qw-event")
    assert len(listed) == len(EVENTS)


def test_after_the_week_on_a_phone(after, phone):
    with serve(after.site) as url:
        page = phone.page
        page.goto(url + "events/")
        page.get_by_role("link", name="«Всемирная неделя качества 2026»").click()
        page.wait_for_url(re.compile(r"/archive/2026/$"))
        assert page.locator("article.qw-event").count() == len(EVENTS)
        page.goto(url + "events/")
        page.screenshot(path=str(SHOTS / "events-after-the-week.png"), full_page=True)

