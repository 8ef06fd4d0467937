"""The countdown banner and today's mark in a real browser, with the clock and time zone set.

The site is the one built on 2026-11-28 (edition 2027: week 8–14 November 2027, Quality Day
Thursday 11 November); the browser's clock then moves through the year, so these tests also show
that a page built weeks ago still counts right.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fixtures import DASH, NBSP, site_facts

REGION_ZONE = site_facts().region.timezone  # the site counts days in the region's time


def region_time(local: str) -> str:
    """The instant of a wall-clock time in the region («2027-11-10T23:30»), ISO with its offset."""
    return datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(REGION_ZONE)).isoformat()


def reader_zone(candidates: tuple[str, ...], ahead: bool) -> str:
    """The first of `candidates` at least an hour ahead of the region's time (or behind it)."""
    when = datetime(2027, 11, 11)
    region = ZoneInfo(REGION_ZONE).utcoffset(when)
    return next(name for name in candidates
                if (ZoneInfo(name).utcoffset(when) - region) * (1 if ahead else -1)
                >= timedelta(hours=1))


# the region's date (at noon there), expected banner text
CASES = [
    ("2026-11-28", f"До Дня качества — 348{NBSP}дней"),
    ("2027-10-21", f"До Дня качества — 21{NBSP}день"),
    ("2027-10-31", f"До Дня качества — 11{NBSP}дней"),
    ("2027-11-06", f"До Дня качества — 5{NBSP}дней"),
    ("2027-11-07", f"До Дня качества — 4{NBSP}дня"),
    ("2027-11-08", f"Неделя качества идёт: до Дня качества — 3{NBSP}дня"),
    ("2027-11-09", f"Неделя качества идёт: до Дня качества — 2{NBSP}дня"),
    ("2027-11-10", f"Неделя качества идёт: до Дня качества — 1{NBSP}день"),
    ("2027-11-11", "Неделя качества идёт: сегодня День качества"),
    ("2027-11-12", f"Неделя качества идёт: последний день — воскресенье, 14{NBSP}ноября"),
    ("2027-11-14", "Неделя качества идёт: сегодня последний день"),
    ("2027-11-15", f"Неделя качества 2027 прошла; следующая — 6{DASH}12{NBSP}ноября 2028{NBSP}г."),
]


def open_page(browser, url, instant, timezone_id=REGION_ZONE, **options):
    context = browser.new_context(timezone_id=timezone_id, viewport={"width": 390, "height": 844},
                                  **options)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(instant)
    page.goto(url)
    return context, page, errors


def banner(page) -> str:
    return page.locator("[data-qw-countdown]").inner_text()


@pytest.mark.parametrize("day, expected", CASES)
def test_banner_before_during_and_after_the_week(browser, served_site, day, expected):
    context, page, errors = open_page(browser, served_site, region_time(day + "T12:00"))
    try:
        assert banner(page) == expected
        assert not errors
    finally:
        context.close()


EAST = ("Asia/Vladivostok", "Asia/Tokyo", "Pacific/Kiritimati")  # Kiritimati: UTC+14


@pytest.mark.parametrize("timezone_id, instant, expected", [
    # 00:30 on 11 November in the region is still 10 November in New York
    (reader_zone(("America/New_York",), ahead=False), region_time("2027-11-11T00:30"),
     "Неделя качества идёт: сегодня День качества"),
    # 23:30 on 10 November in the region is already 11 November further east (Vladivostok
    # for a region on Moscow time)
    (reader_zone(EAST, ahead=True), region_time("2027-11-10T23:30"),
     f"Неделя качества идёт: до Дня качества — 1{NBSP}день"),
    # 23:59 on Sunday 14 November in the region: still the week for a reader whose Monday
    # has begun (Tokyo for a region on Moscow time)
    (reader_zone(EAST[1:], ahead=True), region_time("2027-11-14T23:59"),
     "Неделя качества идёт: сегодня последний день"),
    # 00:01 on Monday 15 November in the region: over, although it is Sunday in Los Angeles
    (reader_zone(("America/Los_Angeles",), ahead=False), region_time("2027-11-15T00:01"),
     f"Неделя качества 2027 прошла; следующая — 6{DASH}12{NBSP}ноября 2028{NBSP}г."),
])
def test_days_are_counted_in_the_regions_time_whatever_the_readers_time_zone(
        browser, served_site, timezone_id, instant, expected):
    context, page, errors = open_page(browser, served_site, instant, timezone_id=timezone_id)
    try:
        assert page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == timezone_id
        assert banner(page) == expected
        assert not errors
    finally:
        context.close()


def test_the_banner_is_on_every_page(browser, served_site):
    context, page, _ = open_page(browser, served_site + "forum/", region_time("2027-10-21T12:00"))
    try:
        assert banner(page) == f"До Дня качества — 21{NBSP}день"
    finally:
        context.close()


def test_without_javascript_the_banner_states_the_dates(browser, served_site):
    context, page, _ = open_page(browser, served_site, region_time("2027-10-21T12:00"),
                                 java_script_enabled=False)
    try:
        assert banner(page) == (f"День качества — четверг, 11{NBSP}ноября 2027{NBSP}г. "
                                f"Всемирная неделя качества — 8{DASH}14{NBSP}ноября 2027{NBSP}г.")
    finally:
        context.close()


def test_today_is_marked_in_the_week_at_a_glance(browser, served_site):
    context, page, _ = open_page(browser, served_site, region_time("2027-11-12T00:10"),
                                 timezone_id="America/New_York")
    try:
        current = page.locator(".qw-week [aria-current=date]")
        assert current.count() == 1
        assert current.get_attribute("data-qw-date") == "2027-11-12"
        assert current.locator(".qw-week__mark--today").is_visible()
        assert "сегодня" in current.inner_text()
    finally:
        context.close()


def test_no_day_is_marked_outside_the_week(browser, served_site):
    context, page, _ = open_page(browser, served_site, region_time("2027-10-21T12:00"))
    try:
        assert page.locator(".qw-week [aria-current]").count() == 0
        assert page.locator(".qw-week__mark--today:visible").count() == 0
    finally:
        context.close()


def test_participate_page_prints_as_a_checklist(browser, served_site):
    context, page, _ = open_page(browser, served_site + "participate/",
                                 region_time("2027-10-21T12:00"))
    try:
        page.emulate_media(media="print")
        for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                         ".md-footer", ".md-banner"):
            assert not page.locator(selector).first.is_visible(), selector
        assert page.locator(".task-list-item").first.is_visible()
        after = page.evaluate("""() => getComputedStyle(
            document.querySelector('article a[href^="https://rskrf.ru"]'), '::after').content""")
        assert after == '" (https://rskrf.ru/qualityday/)"'  # the address printed after the link
        page.emulate_media(media="screen")
        assert page.locator(".md-header").is_visible()
    finally:
        context.close()
