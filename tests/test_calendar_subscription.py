"""The calendar to subscribe to (calendar/quality-week.ics, linked as webcal:// on the kit and
home pages when QUALITY_SITE_URL is set) and each regional event's own calendar file (the
«В календарь» link on its card): real builds with bench-generated events, every file read by
icalendar and by the independent parsers of tests/ics_readers.py."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from building import build_site, copy_project
from fixtures import load_test_events, site_facts
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream
from ics_readers import READERS, descriptions

from qualityweek.outputs.ics import (CalendarEntry, _event, _event_lines, subscription_url,
                                     webcal_url)

TODAY = "2026-11-28"  # shown edition 2027
SHOWN, PAST = 2027, 2025
SITE_URL = "https://example.org/quality-week/"
SUBSCRIPTION = "calendar/quality-week.ics"
LOCAL = "http://site.invalid/"  # a base to resolve relative links against; never fetched
REGION = site_facts().region
ZONE = REGION.zone  # event times are the region's local time


@pytest.fixture(scope="module")
def project(bench, tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("subscription") / "project")
    bench.add_events(project, SHOWN, 6)
    bench.add_events(project, PAST, 2)  # listed on the archive page of 2025
    return project


def _build(project, tmp_path_factory, name, **env):
    build = build_site(tmp_path_factory.mktemp(name) / "site", project, QUALITY_TODAY=TODAY, **env)
    assert build.result.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def published(project, tmp_path_factory):
    return _build(project, tmp_path_factory, "published", QUALITY_SITE_URL=SITE_URL)


@pytest.fixture(scope="module")
def unpublished(project, tmp_path_factory):
    return _build(project, tmp_path_factory, "unpublished")


@pytest.fixture(scope="module")
def events(project):
    return load_test_events(project)


def read(build, path: str) -> bytes:
    return (build.site / path).read_bytes()


def unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def expected_span(event):
    """(DTSTART, DTEND) as ics_readers give them: UTC instants, or dates with DTEND exclusive."""
    start, end = event.span(ZONE)
    if hasattr(start, "hour"):
        return start.astimezone(timezone.utc), end.astimezone(timezone.utc)
    return start, end + timedelta(days=1)


def event_uid(event) -> str:
    return f"{event.year}-event-{event.slug}@quality-week"


# -- calendar/quality-week.ics ------------------------------------------------------------------

@pytest.mark.parametrize("site", ["published", "unpublished"])
def test_subscription_holds_the_shown_edition_with_the_same_uids(request, site, events):
    build = request.getfixturevalue(site)
    subscription = read(build, SUBSCRIPTION)
    yearly = read(build, f"calendar/quality-week-{SHOWN}.ics")
    for name, reader in READERS.items():
        got, own = reader(subscription), reader(yearly)
        # the edition's own dates, the same UIDs, starts and ends, and the regional events
        assert got == {**own, **{event_uid(e): expected_span(e) for e in events[SHOWN]}}, name
        assert {f"{SHOWN}-week@quality-week", f"{SHOWN}-quality-day@quality-week"} <= set(got)
        assert not any(uid.startswith(f"{PAST}-") for uid in got), name
    for name, texts in descriptions(yearly).items():
        assert texts.items() <= descriptions(subscription)[name].items(), name


@pytest.mark.parametrize("site", ["published", "unpublished"])
def test_subscription_asks_to_be_refreshed_daily(request, site):
    data = read(request.getfixturevalue(site), SUBSCRIPTION)
    lines = unfolded(data)
    assert "REFRESH-INTERVAL;VALUE=DURATION:P1D" in lines
    assert "X-PUBLISHED-TTL:P1D" in lines
    assert not any(line.startswith("METHOD") for line in lines)
    assert lines.count("BEGIN:VTIMEZONE") == 1 and f"TZID:{REGION.timezone}" in lines
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded (RFC 5545 3.1)
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert calendar.decoded("REFRESH-INTERVAL") == timedelta(days=1)
    assert str(calendar["X-PUBLISHED-TTL"]) == "P1D"
    text = data.decode("utf-8")
    refresh = vobject.readOne(text).contents["refresh-interval"][0]
    assert (refresh.value, refresh.params) == ("P1D", {"VALUE": ["DURATION"]})
    assert vobject.readOne(text).contents["x-published-ttl"][0].value == "P1D"
    parsed = IcsCalendarStream.calendar_from_ics(text)
    assert parsed.refresh_interval == timedelta(days=1)
    assert [(p.name, p.value) for p in parsed.extras if p.name == "x-published-ttl"] == [
        ("x-published-ttl", "P1D")]
    # the yearly file is a download, not a subscription
    yearly = unfolded(read(request.getfixturevalue(site), f"calendar/quality-week-{SHOWN}.ics"))
    assert not [line for line in yearly if line.startswith(("REFRESH-INTERVAL", "X-PUBLISHED"))]


# -- one file per event ---------------------------------------------------------------------------

@pytest.mark.parametrize("year", [SHOWN, PAST])
def test_each_event_file_holds_that_event_alone_with_the_editions_uid(published, events, year):
    yearly = read(published, SUBSCRIPTION)  # the edition's events are in the subscription
    assert len(events[year]) > 0
    for event in events[year]:
        data = read(published, f"calendar/events/{year}/{event.slug}.ics")
        for name, reader in READERS.items():
            assert reader(data) == {event_uid(event): expected_span(event)}, (name, event.slug)
        if year == SHOWN:  # the same entry as in the edition's calendar, description and all
            assert descriptions(data) == {
                name: {event_uid(event): texts[event_uid(event)]}
                for name, texts in descriptions(yearly).items()}
        assert "X-WR-CALNAME" not in data.decode("utf-8")  # added to the reader's own calendar


def test_a_past_years_event_file_points_to_its_archive_page(published, events):
    event = events[PAST][0]
    text = descriptions(read(published, f"calendar/events/{PAST}/{event.slug}.ics"))["icalendar"]
    assert f"На сайте: {SITE_URL}archive/{PAST}/#{event.anchor}" in text[event_uid(event)]


def card_links(build, page: str) -> list[tuple[str, str, str, str]]:
    """(card id, link text, aria-label, href resolved to a site path) of each «В календарь»."""
    links = []
    for card in build.page(page).select("article.qw-event"):
        for a in card.select("a"):
            if a.get_text(strip=True) == "В календарь":
                resolved = urljoin(LOCAL + page, a["href"])
                path = unquote(urlsplit(resolved).path).removeprefix("/")
                links.append((card["id"], a.get_text(strip=True), a.get("aria-label", ""), path))
    return links


def broken_calendar_links(build, page: str) -> list[str]:
    cards = build.page(page).select("article.qw-event")
    links = card_links(build, page)
    problems = [f"{page}: {len(cards)} cards, {len(links)} «В календарь» links"] if (
        len(links) != len(cards)) else []
    problems += [f"{page}#{card}: no file {path}" for card, _, _, path in links
                 if not (build.site / path).is_file()]
    return problems


@pytest.mark.parametrize("page, year, count", [("events/", SHOWN, 6), (f"archive/{PAST}/", PAST, 2)])
def test_every_card_links_its_own_event_file(published, unpublished, events, page, year, count):
    titles = {event.anchor: event.title for event in events[year]}
    for build in (published, unpublished):
        links = card_links(build, page)
        assert len(links) == count
        assert broken_calendar_links(build, page) == []
        for card, _, label, path in links:
            assert label == f"В календарь: {titles[card]}"  # names the event for a screen reader
            slug = card.removeprefix("event-")
            assert path == f"calendar/events/{year}/{slug}.ics"
            assert set(READERS["icalendar"](read(build, path))) == {f"{year}-{card}@quality-week"}


def test_a_missing_event_file_is_reported(published, tmp_path):
    """The check above can fail: the events page without the files it links to."""
    site = tmp_path / "site"
    (site / "events").mkdir(parents=True)
    shutil.copy(published.site / "events" / "index.html", site / "events" / "index.html")
    copy = type(published)(result=published.result, site=site)
    assert len(broken_calendar_links(copy, "events/")) == 6


# -- the subscription link --------------------------------------------------------------------

def webcal_links(build, page: str) -> list[str]:
    return [a["href"] for a in build.page(page).select("a[href]")
            if a["href"].lower().startswith("webcal:")]


def test_webcal_url_keeps_host_and_path():
    assert subscription_url(SITE_URL) == SITE_URL + SUBSCRIPTION
    assert webcal_url(SITE_URL) == "webcal://example.org/quality-week/" + SUBSCRIPTION
    assert webcal_url("https://example.org/") == "webcal://example.org/" + SUBSCRIPTION


@pytest.mark.parametrize("page", ["", "kit/"])
def test_kit_and_home_offer_the_subscription(published, page):
    links = webcal_links(published, page)
    assert len(links) == 1, page
    https = "https:" + links[0].removeprefix("webcal:")
    assert https == SITE_URL + SUBSCRIPTION
    assert (published.site / https.removeprefix(SITE_URL)).is_file()
    link = published.page(page).select_one(f"a[href='{links[0]}']")
    assert link.get_text(strip=True) == "Подписаться на календарь"


def test_kit_calendar_section_with_a_site_address(published):
    page = published.page("kit")
    section = page.find(id="calendar")
    assert section.name == "h2" and section.contents[0] == "Календарь"
    text = published.text("kit")
    for app in ("Яндекс Календарь", "Google Calendar", "Apple Calendar", "Outlook"):
        assert app in text
    assert "«Добавить по URL»" in text
    # Google Calendar takes the https address: it is on the page as text to copy
    assert page.select_one(".qw-subscribe__address code").get_text() == SITE_URL + SUBSCRIPTION
    download = page.select_one("a[href$='quality-week-2027.ics']")
    assert download.get_text(strip=True) == "Скачать календарь 2027 года"
    assert (published.site / "kit" / download["href"]).resolve().is_file()
    assert "на опубликованном сайте" not in text


@pytest.mark.parametrize("page", ["", "kit/"])
def test_the_https_address_is_shown_to_copy_for_android_and_google(published, page):
    """Without script: the address as selectable text, the line on where to paste it; the copy
    button is in the page, hidden until the script shows it."""
    box = published.page(page).select_one(".qw-subscribe")
    address = box.select_one(".qw-subscribe__address code")
    assert address.get_text() == SITE_URL + SUBSCRIPTION and address.find("a") is None
    how = box.select_one(".qw-subscribe__how").get_text()
    assert "Android" in how and "«Добавить по URL»" in how and "Яндекс Календаре" in how
    button = box.select_one(f"button[data-qw-copy='{address['id']}']")
    assert button.has_attr("hidden") and button.get_text() == "Скопировать адрес"
    assert box.select_one("[role=status]") is not None


def test_copy_button_puts_the_https_address_on_the_clipboard_on_a_phone(browser, published):
    from browsing import VIEWPORTS
    from building import serve

    with serve(published.site) as base:
        context = browser.new_context(**VIEWPORTS["phone"], locale="ru-RU")
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
        try:
            page = context.new_page()
            page.goto(base)
            button = page.locator(".qw-subscribe button[data-qw-copy]")
            button.tap()
            status = page.locator(".qw-subscribe [role=status]")
            page.wait_for_function("document.querySelector('.qw-subscribe [role=status]').textContent")
            assert status.inner_text() == "Адрес скопирован"
            assert page.evaluate("navigator.clipboard.readText()") == SITE_URL + SUBSCRIPTION
        finally:
            context.close()


def test_without_a_site_address_there_is_no_webcal_link_only_the_download(unpublished):
    for file in unpublished.site.rglob("*.html"):
        assert "webcal:" not in file.read_text(encoding="utf-8"), file
    page = unpublished.page("kit")
    assert page.find(id="calendar") is not None
    text = unpublished.text("kit")
    assert "Подписаться на календарь, чтобы он обновлялся сам, можно на опубликованном сайте" in text
    assert "Google Calendar" not in text  # no instructions for an address there is none of
    downloads = [a["href"] for a in page.select("article a[href$='.ics']")]
    assert downloads == ["../calendar/quality-week-2027.ics"]
    assert (unpublished.site / "kit" / downloads[0]).resolve().is_file()
    assert "Подписаться на календарь" not in unpublished.text("")
    for page in ("", "kit"):
        assert unpublished.page(page).select(".qw-subscribe, button[data-qw-copy='qw-subscribe-url']") == []



# -- accessibility of the new links (the site-wide axe test builds a site without events) --------

@pytest.mark.parametrize("palette", ["light", "dark"])
def test_cards_and_subscription_have_no_serious_axe_violations(browser, published, palette):
    from axe_playwright_python.sync_playwright import Axe
    from browsing import reader
    from building import serve
    from test_accessibility import blocking

    found = {}
    with serve(published.site) as base, reader(browser, "desktop", color_scheme=palette) as session:
        for page in ("", "kit/", "events/", f"archive/{PAST}/"):
            assert session.page.goto(base + page).status == 200
            problems = blocking(Axe().run(session.page).response)
            if problems:
                found[page] = problems
    assert not found, found


@pytest.mark.parametrize("page", ["", "kit/", "events/", f"archive/{PAST}/"])
def test_pages_with_the_new_links_parse_without_errors(published, unpublished, page):
    from test_html_valid import parse_errors

    for build in (published, unpublished):
        assert parse_errors((build.site / page / "index.html").read_bytes()) == [], page


# -- the VEVENT lines are written directly: the same as icalendar's component gives -------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120) | st.sampled_from(
    ["a,b;c\\d", "строка\nдругая\r\nтретья\rчетвёртая", "\\N и \\n", "«ёлочки» — тире\u00a0"])
STAMP = datetime(2026, 11, 28, tzinfo=timezone.utc)


@settings(max_examples=300, deadline=None)
@given(summary=TEXT, description=TEXT, location=st.none() | TEXT.filter(bool),
       url=st.none() | st.just("https://example.org/a?b=1&c=2,3;4"),
       start=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 30),
                          timezones=st.sampled_from([ZONE, ZoneInfo("Asia/Novosibirsk"),
                                                     timezone.utc])),
       minutes=st.integers(min_value=0, max_value=60 * 48), all_day=st.booleans())
def test_event_lines_are_icalendars_own(summary, description, location, url, start, minutes,
                                        all_day):
    # icalendar writes a typed «\N» unescaped (a line break to readers); the site escapes it
    # (test_a_backslash_stays_a_backslash)
    assume(not any("\\N" in (text or "") for text in (summary, description, location)))
    if all_day:
        first = date(start.year, start.month, start.day)
        span = (first, first + timedelta(days=minutes // 600))
    else:
        span = (start, start + timedelta(minutes=minutes))
    entry = CalendarEntry(uid="2027-event-x@quality-week", summary=summary,
                          description=description, start=span[0], end=span[1],
                          location=location, url=url)
    zone = start.tzinfo if isinstance(start.tzinfo, ZoneInfo) else ZONE
    assert _event_lines(entry, STAMP, zone) == [
        line for line in _event(entry, STAMP, zone).content_lines() if line]


@pytest.mark.parametrize("text", ["C:\\Новая папка\\N1", "\\N", "a\\,b;c", "\\\\n",
                                  "строка\nдругая"])
def test_a_backslash_stays_a_backslash(text):
    """RFC 5545 3.3.11: a backslash in TEXT is written «\\\\»; every reader gets the text back."""
    entry = CalendarEntry(uid="2027-x@quality-week", summary=text, description=text,
                          start=date(2027, 11, 11), end=date(2027, 11, 11), location=text,
                          url=None)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//test//RU",
             *_event_lines(entry, STAMP, ZONE), "END:VCALENDAR"]
    data = "\r\n".join(lines) + "\r\n"
    event = vobject.readOne(data).vevent
    assert event.summary.value == event.location.value == event.description.value == text
    parsed = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(parsed["SUMMARY"]) == str(parsed["LOCATION"]) == text
