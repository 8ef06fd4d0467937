"""The edition's calendar file (.ics): parsed back with icalendar from real builds."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from building import build_site
from fixtures import site_facts
from icalendar import Calendar

from qualityweek.core.calendar import edition_dates
from qualityweek.model.edition import build_edition
from qualityweek.outputs.ics import CalendarEntry, build_calendar, uid

BUILT = "2026-11-28"
SITE_URL = "https://example.org/quality-week/"


def _build(tmp_path_factory, name, fresh_process=False, **env):
    build = build_site(tmp_path_factory.mktemp(name) / "site", fresh_process=fresh_process,
                       QUALITY_TODAY=BUILT, **env)
    assert build.result.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def builds_2023(tmp_path_factory):
    """Two builds of the 2023 edition (forum and regional day in the data), same input; the
    second in a new interpreter (its own hash seed)."""
    return [_build(tmp_path_factory, f"ics2023-{n}", fresh_process=n == 2, QUALITY_YEAR="2023",
                   QUALITY_SITE_URL=SITE_URL) for n in (1, 2)]


@pytest.fixture(scope="module")
def builds_2027(tmp_path_factory):
    """Two builds of the 2027 edition (no data yet), the shown one on the build date; the
    second in a new interpreter."""
    return [_build(tmp_path_factory, f"ics2027-{n}", fresh_process=n == 2) for n in (1, 2)]


def ics_bytes(build, year):
    return (build.site / "calendar" / f"quality-week-{year}.ics").read_bytes()


def events(build, year):
    calendar = Calendar.from_ical(ics_bytes(build, year))
    return calendar, {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_2023_calendar_has_the_week_day_forum_and_regional_day(builds_2023):
    calendar, by_uid = events(builds_2023[0], 2023)
    assert str(calendar["X-WR-CALNAME"]) == "Неделя качества 2023"
    assert "quality-week" in str(calendar["PRODID"])
    regional_day = site_facts().editions[2023].regional_day  # the region's letter, if it has one
    assert set(by_uid) == {"2023-week@quality-week", "2023-quality-day@quality-week",
                           "2023-forum@quality-week",
                           *(["2023-regional-day@quality-week"] if regional_day else [])}
    dates = edition_dates(2023)
    week = by_uid["2023-week@quality-week"]
    # all-day: DTEND is exclusive, the Monday after the Sunday that ends the week
    assert week.decoded("DTSTART") == dates.week_start == date(2023, 11, 6)
    assert week.decoded("DTEND") == dates.week_end + timedelta(days=1) == date(2023, 11, 13)
    assert not isinstance(week.decoded("DTSTART"), datetime)
    day = by_uid["2023-quality-day@quality-week"]
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (date(2023, 11, 9), date(2023, 11, 10))
    forum = by_uid["2023-forum@quality-week"]
    assert (forum.decoded("DTSTART"), forum.decoded("DTEND")) == (date(2023, 11, 7), date(2023, 11, 11))
    assert "Новое лицо качества" in str(forum["DESCRIPTION"])
    assert "Источник: http://www.asms.ru/" in str(forum["DESCRIPTION"])
    assert "Всемирная неделя качества — 6–12" in str(week["DESCRIPTION"])  # no word joiner
    if regional_day:
        regional = by_uid["2023-regional-day@quality-week"]
        assert (regional.decoded("DTSTART"), regional.decoded("DTEND")) == (
            regional_day.date, regional_day.date + timedelta(days=1))
        if regional_day.venue:
            assert str(regional["LOCATION"]) == regional_day.venue
        # a source that is a page of the site (a letter): an absolute address from
        # QUALITY_SITE_URL
        source = regional_day.source
        assert str(regional["URL"]) == (SITE_URL + source.removesuffix(".md") + "/"
                                        if source.endswith(".md") else source)


def test_2027_calendar_without_data_has_only_the_computed_events(builds_2027):
    calendar, by_uid = events(builds_2027[0], 2027)
    assert set(by_uid) == {"2027-week@quality-week", "2027-quality-day@quality-week"}
    week = by_uid["2027-week@quality-week"]
    assert (week.decoded("DTSTART"), week.decoded("DTEND")) == (date(2027, 11, 8), date(2027, 11, 15))
    assert "https://rskrf.ru/qualityday/" in str(week["DESCRIPTION"])
    assert "URL" not in week  # no QUALITY_SITE_URL: no address of the site to give
    assert not calendar.walk("VTIMEZONE")


@pytest.mark.parametrize("year, fixture", [(2023, "builds_2023"), (2027, "builds_2027")])
def test_two_builds_give_the_same_bytes_and_uids(request, year, fixture):
    first, second = request.getfixturevalue(fixture)
    assert ics_bytes(first, year) == ics_bytes(second, year)
    assert set(events(first, year)[1]) == set(events(second, year)[1])


def test_dtstamp_is_the_build_date(builds_2027):
    for event in events(builds_2027[0], 2027)[1].values():
        assert event.decoded("DTSTAMP") == datetime(2026, 11, 28, tzinfo=timezone.utc)


def test_another_build_date_changes_only_dtstamp(builds_2027, tmp_path):
    other = build_site(tmp_path / "site", QUALITY_TODAY="2027-01-15")
    assert other.result.returncode == 0, other.output
    before, after = ics_bytes(builds_2027[0], 2027), ics_bytes(other, 2027)
    assert before != after
    assert before.replace(b"20261128T000000Z", b"20270115T000000Z") == after


def test_extra_timed_entries_come_with_the_regions_vtimezone():
    facts = site_facts()
    zone = facts.region.zone
    talk = CalendarEntry(uid=uid(2027, "event-open-day"), summary="День открытых дверей",
                         description="Пример", start=datetime(2027, 11, 11, 10, tzinfo=zone),
                         end=datetime(2027, 11, 11, 12, tzinfo=zone), location="Энск")
    data = build_calendar(build_edition(facts, 2027), site_url=None, built=date(2026, 11, 28),
                          news_url="https://rskrf.ru/qualityday/", zone=zone, extra=[talk])
    calendar = Calendar.from_ical(data)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [facts.region.timezone]
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == talk.uid)
    assert event.decoded("DTSTART") == talk.start
    assert event["DTSTART"].params["TZID"] == facts.region.timezone


def test_a_repeated_uid_is_refused():
    facts = site_facts()
    clash = CalendarEntry(uid=uid(2027, "week"), summary="x", description="x",
                          start=date(2027, 11, 9), end=date(2027, 11, 9))
    with pytest.raises(ValueError, match="повторяется"):
        build_calendar(build_edition(facts, 2027), site_url=None, built=date(2026, 11, 28),
                       news_url="https://rskrf.ru/qualityday/", zone=facts.region.zone,
                       extra=[clash])


def test_home_and_forum_link_to_the_calendar(builds_2027):
    build = builds_2027[0]
    for page, href in (("", "calendar/quality-week-2027.ics"),
                       ("forum/", "../calendar/quality-week-2027.ics")):
        links = [a for a in build.page(page).select("a[href$='.ics']")]
        assert [a.get_text(strip=True) for a in links] == ["Добавить в календарь"], page
        assert links[0]["href"] == href
        assert (build.site / page / href).resolve().is_file()
