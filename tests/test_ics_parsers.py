"""The calendar file reads alike in every parser: icalendar, vobject, `ical` and ical.js must put
each event at the same instant (UTC) as the data says, in whatever zone the region's data names.
Also read with the zone renamed, so that the parsers that know the zone themselves have to use
the file's VTIMEZONE instead."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from building import build_site, copy_project
from fixtures import VALID, site_facts, write_event
from hypothesis import given, settings
from hypothesis import strategies as st
from ics_readers import READERS, by_icaljs, descriptions

from qualityweek.model.edition import build_edition
from qualityweek.outputs.ics import CalendarEntry, build_calendar, uid

FACTS = site_facts()
NEWS = "https://rskrf.ru/qualityday/"
# zones to test the calendar with: Moscow's change of 26 October 2014 (UTC+4 to UTC+3, the clock
# went back), Novosibirsk's of 24 July 2016 (UTC+6 to UTC+7, forward), the ends of Russia
MOSCOW = ZoneInfo("Europe/Moscow")
NOVOSIBIRSK = ZoneInfo("Asia/Novosibirsk")
ZONES = [MOSCOW, NOVOSIBIRSK, ZoneInfo("Europe/Kaliningrad"), ZoneInfo("Asia/Kamchatka"),
         ZoneInfo("Asia/Magadan"), ZoneInfo("Europe/Samara")]


def expected(entries) -> dict:
    def span(entry):
        if entry.all_day:
            return entry.start, entry.end + timedelta(days=1)  # DTEND is exclusive
        return entry.start.astimezone(timezone.utc), entry.end.astimezone(timezone.utc)
    return {entry.uid: span(entry) for entry in entries}


def calendar_of(year: int, entries, zone: ZoneInfo = MOSCOW) -> bytes:
    return build_calendar(build_edition(FACTS, year), site_url=None, built=date(2026, 11, 28),
                          news_url=NEWS, zone=zone, extra=entries)


def assert_read_alike(data: bytes, entries, zone: ZoneInfo = MOSCOW) -> None:
    want = expected(entries)
    # the renamed zone: a parser cannot fall back on its own tz database for it (a name of its
    # own for each zone: icalendar keeps a zone it has read by its TZID for the whole process)
    key = zone.key.encode()
    alias = b"X-Quality-Week-" + key.replace(b"/", b"-")
    renamed = data.replace(b"TZID:" + key, b"TZID:" + alias).replace(
        b"TZID=" + key, b"TZID=" + alias)
    for variant, payload in (("as built", data), ("zone renamed", renamed)):
        for name, read in READERS.items():
            got = read(payload)
            assert {k: got[k] for k in want} == want, f"{name}, {variant}"
    for variant, payload in (("as built", data), ("zone renamed", renamed)):
        got = by_icaljs(payload)  # last: it skips the test where node is missing
        assert {k: got[k] for k in want} == want, f"ical.js, {variant}"


def timed(year: int, slug: str, start: datetime, minutes: int = 90) -> CalendarEntry:
    return CalendarEntry(uid=uid(year, f"event-{slug}"), summary=slug, description="x",
                         start=start, end=start + timedelta(minutes=minutes))


@pytest.mark.parametrize("year", [2027, 2026, 2100])
def test_timed_moscow_events_read_alike_in_every_parser(year):
    entries = [
        timed(year, "morning", datetime(year, 11, 11, 10, tzinfo=MOSCOW)),
        timed(year, "midnight", datetime(year, 11, 12, 0, 0, tzinfo=MOSCOW), minutes=30),
        timed(year, "late", datetime(year, 11, 30, 23, 30, tzinfo=MOSCOW), minutes=60),
        timed(year, "given-in-utc", datetime(year, 11, 9, 7, 0, tzinfo=timezone.utc)),
        CalendarEntry(uid=uid(year, "event-all-day"), summary="x", description="x",
                      start=date(year, 11, 9), end=date(year, 11, 15)),
    ]
    data = calendar_of(year, entries)
    assert_read_alike(data, entries)
    text = data.decode("utf-8")
    assert text.count("BEGIN:VTIMEZONE") == 1 and "RRULE" not in text
    # a list of RDATE values is what vobject and ical.js read only the first of
    assert [line for line in text.splitlines() if line.startswith("RDATE")] == ["RDATE:20141026T020000"]
    assert "DTSTART;TZID=Europe/Moscow:%d1111T100000" % year in text  # as the organizer wrote it


@pytest.mark.parametrize("year", [1990, 2010, 2012, 2013])
def test_times_before_moscow_kept_utc_plus_3_are_written_in_utc(year):
    """Before 26 October 2014 Moscow changed its offset (summer time, then UTC+4 in 2011–2014):
    the one-rule VTIMEZONE does not cover those years, so such times are written in UTC."""
    entries = [timed(year, "morning", datetime(year, 11, 11, 10, tzinfo=MOSCOW))]
    data = calendar_of(year, entries)
    assert_read_alike(data, entries)
    assert b"BEGIN:VTIMEZONE" not in data and b"TZID=" not in data


def test_the_change_of_october_2014_is_placed_exactly():
    change = datetime(2014, 10, 25, 22, 0, tzinfo=timezone.utc)  # 02:00 MSK+4 became 01:00 MSK
    entries = [timed(2014, f"at-{n}", change + timedelta(minutes=n)) for n in (-60, -1, 0, 1, 60)]
    assert_read_alike(calendar_of(2014, entries), entries)
    # starts in UTC, ends in Moscow time: the end's zone must come with it
    across = [timed(2014, "across", datetime(2014, 10, 26, 0, 0, tzinfo=MOSCOW), minutes=120)]
    assert_read_alike(calendar_of(2014, across), across)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ZONES), st.datetimes(min_value=datetime(1990, 1, 1),
                                            max_value=datetime(2100, 12, 30)),
       st.integers(min_value=0, max_value=60 * 48))
def test_any_moment_reads_alike_in_any_zone(zone, wall, minutes):
    # a local wall time as an event file gives it (minutes; .ics has seconds), in the zone
    start = wall.replace(second=0, microsecond=0, tzinfo=zone)
    entries = [timed(start.year, "any", start, minutes)]
    assert_read_alike(calendar_of(start.year, entries, zone), entries, zone)


def test_novosibirsk_ten_o_clock_is_three_utc_and_its_zone_comes_from_the_tz_database():
    entries = [timed(2026, "morning", datetime(2026, 11, 12, 10, tzinfo=NOVOSIBIRSK))]
    data = calendar_of(2026, entries, NOVOSIBIRSK)
    assert_read_alike(data, entries, NOVOSIBIRSK)
    assert by_icaljs(data)["2026-event-morning@quality-week"][0] == datetime(
        2026, 11, 12, 3, 0, tzinfo=timezone.utc)
    text = data.decode("utf-8")
    assert "DTSTART;TZID=Asia/Novosibirsk:20261112T100000" in text
    # the rule of 24 July 2016, 02:00 (UTC+6 to UTC+7), as the tz database gives it
    assert ("BEGIN:VTIMEZONE\r\nTZID:Asia/Novosibirsk\r\nBEGIN:STANDARD\r\n"
            "DTSTART:20160724T020000\r\nRDATE:20160724T020000\r\nTZNAME:+07\r\n"
            "TZOFFSETFROM:+0600\r\nTZOFFSETTO:+0700\r\nEND:STANDARD\r\nEND:VTIMEZONE") in text
    assert "X-WR-TIMEZONE:Asia/Novosibirsk" in text and "Moscow" not in text


def test_a_zone_with_summer_time_is_written_in_utc():
    """A zone that still changes its offset (none in Russia now) has no one rule to write: its
    times go in UTC, which every parser places exactly."""
    berlin = ZoneInfo("Europe/Berlin")
    entries = [timed(2026, "summer", datetime(2026, 7, 1, 10, tzinfo=berlin)),
               timed(2026, "winter", datetime(2026, 11, 12, 10, tzinfo=berlin))]
    data = calendar_of(2026, entries, berlin)
    assert_read_alike(data, entries, berlin)
    assert b"TZID=" not in data and b"DTSTART:20261112T090000Z" in data


def test_no_itip_method_in_a_published_file():
    """METHOD belongs to iTIP messages (and needs an ORGANIZER there); a calendar file offered
    for download has neither."""
    data = calendar_of(2027, [])
    assert b"METHOD" not in data and b"ORGANIZER" not in data


DESCRIPTION = """Экскурсия по **цехам**. <script>alert(1)</script>

- [Программа](https://example.org/programme)
- ![Схема](https://tracker.example/pixel.png) проезда"""


def test_a_built_calendar_with_timed_events_reads_alike(tmp_path):
    project = copy_project(tmp_path / "project")
    write_event(project, 2026, "tour", VALID, DESCRIPTION)  # 2026-11-12 10:00–12:30
    write_event(project, 2026, "webinar", dict(VALID, start="2026-11-13 23:00",
                                                end="2026-11-14 01:15", format="онлайн",
                                                address=None))
    write_event(project, 2026, "promo", dict(VALID, start="2026-11-09", end="2026-11-15"))
    build = build_site(tmp_path / "site", project, QUALITY_YEAR="2026", QUALITY_TODAY="2026-11-28")
    assert build.result.returncode == 0, build.output
    # the subscription: the edition's own file has its dates alone (issue 33)
    data = (build.site / "calendar" / "quality-week.ics").read_bytes()
    zone = ZoneInfo(site_facts().region.timezone)  # event times are the region's local time

    def local(*parts: int) -> datetime:
        return datetime(*parts, tzinfo=zone).astimezone(timezone.utc)

    want = {
        "2026-event-tour@quality-week": (local(2026, 11, 12, 10, 0), local(2026, 11, 12, 12, 30)),
        "2026-event-webinar@quality-week": (local(2026, 11, 13, 23, 0),
                                            local(2026, 11, 14, 1, 15)),
        "2026-event-promo@quality-week": (date(2026, 11, 9), date(2026, 11, 16)),
        "2026-week@quality-week": (date(2026, 11, 9), date(2026, 11, 16)),
    }
    for name, read in READERS.items():
        got = read(data)
        assert {k: got[k] for k in want} == want, name
    assert b"\r\n" in data and all(len(line) <= 75 for line in data.split(b"\r\n"))
    # the description as plain text (the page shows it as HTML): every parser reads the same
    plain = ("Экскурсия по цехам. <script>alert(1)</script>\n\n"
             "– Программа (https://example.org/programme)\n– Схема проезда")
    tour = "2026-event-tour@quality-week"
    read = {name: by_uid[tour] for name, by_uid in descriptions(data).items()}
    for name, description in read.items():
        assert f"\n\n{plain}\n\nПодробности и запись:" in description, name
        assert "**" not in description and "pixel" not in description, name
