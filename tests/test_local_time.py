"""Local time is the region's (issue 22): a project copy whose data names another zone
(Asia/Novosibirsk, UTC+7, and how its readers name it) publishes an event at 10:00 as 03:00 UTC in
every calendar parser, with +07:00 in JSON-LD, and with the data's words after every time on the
card, in the tables and in the form; a zone the tz database does not know stops the build."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timezone

import openpyxl
import pytest
from building import build_site, copy_project, serve
from fixtures import NBSP, VALID, default_region, facts_of, write_event
from ics_readers import READERS, by_icaljs
from test_structured_data import graph_events

ZONE = "Asia/Novosibirsk"
LABEL = "местное время (МСК+4)"
TODAY = "2026-11-05"  # the site shows 2026
UTC = timezone.utc
REGION_FILE = f"{default_region().label}/region.yml"


def with_region_time(project, zone: str, label: str) -> None:
    """The copy's region file with another `timezone` and `time_label` in its region block."""
    facts = project / REGION_FILE
    text = facts.read_text(encoding="utf-8")
    text, zones = re.subn(r"(?m)^  timezone: .*$", f"  timezone: {zone}", text)
    text, labels = re.subn(r"(?m)^  time_label: .*$", f"  time_label: {label}", text)
    assert zones == labels == 1, "the region block has one timezone and one time_label"
    facts.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("local-time") / "project")
    with_region_time(project, ZONE, LABEL)
    write_event(project, 2026, "tour", dict(VALID, start="2026-11-12 10:00", end="2026-11-12 12:00"))
    build = build_site(project.parent / "site", project, QUALITY_TODAY=TODAY)
    assert build.result.returncode == 0, build.output
    return build


# (the edition's own file has its dates alone: the event is in the subscription, issue 33)
@pytest.mark.parametrize("path", ["calendar/events/2026/tour.ics", "calendar/quality-week.ics"])
def test_ten_o_clock_in_novosibirsk_is_three_utc_in_every_calendar_parser(site, path):
    data = (site.site / path).read_bytes()
    want = (datetime(2026, 11, 12, 3, 0, tzinfo=UTC), datetime(2026, 11, 12, 5, 0, tzinfo=UTC))
    for name, read in {**READERS, "ical.js": by_icaljs}.items():
        assert read(data)["2026-event-tour@quality-week"] == want, name
    text = data.decode("utf-8")
    assert f"DTSTART;TZID={ZONE}:20261112T100000" in text  # as the organizer wrote it
    assert "Moscow" not in text


def test_jsonld_carries_the_zones_offset(site):
    [tour] = [e for e in graph_events(site, "events") if e["url"] == VALID["url"]]
    assert (tour["startDate"], tour["endDate"]) == ("2026-11-12T10:00:00+07:00",
                                                    "2026-11-12T12:00:00+07:00")


def test_the_card_names_the_time_as_the_data_does(site):
    page = site.page("events")
    assert facts_of(page, "tour")["Время"] == f"10:00\u2013\u206012:00{NBSP}{LABEL}"
    stamps = [t["datetime"] for t in page.select("#event-tour dd time")][1:]  # after the date
    assert stamps == ["2026-11-12T10:00+07:00", "2026-11-12T12:00+07:00"]
    assert "МСК<" not in str(page.select_one("#event-tour"))


def test_the_tables_name_the_time_and_its_offset(site):
    want = [f"Начало, {LABEL}, UTC+7", f"Окончание, {LABEL}, UTC+7"]
    rows = list(csv.reader(io.StringIO((site.site / "events" / "2026.csv").read_text(
        encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][4:6] == want
    sheet = openpyxl.load_workbook(site.site / "events" / "2026.xlsx").active
    assert [sheet.cell(1, 5).value, sheet.cell(1, 6).value] == want
    assert sheet.cell(2, 5).value == datetime(2026, 11, 12, 10, 0)  # local wall time, as written


def test_the_forms_rules_carry_the_label(site):
    rules = json.loads((site.site / "assets" / "event-rules.json").read_text(encoding="utf-8"))
    assert rules["zone_label"] == LABEL
    assert "московск" not in json.dumps(rules, ensure_ascii=False)


def test_the_countdown_counts_by_the_regions_date(site):
    banner = site.page("").select_one("[data-qw-countdown]")
    assert banner["data-utc-offset"] == "420"  # UTC+7: the script's today is Novosibirsk's date


@pytest.mark.parametrize("zone", ["Asia/Novosibirskk", "../../etc/passwd", "/etc/localtime",
                                  "Europe/", "МСК+4"])
def test_an_unknown_zone_stops_the_build_with_one_line(tmp_path, zone):
    project = copy_project(tmp_path / "project")
    with_region_time(project, zone, LABEL)
    build = build_site(tmp_path / "site", project, QUALITY_TODAY=TODAY)
    assert build.result.returncode != 0
    lines = [line for line in build.output.splitlines() if "region.timezone" in line]
    assert len(lines) == 1, build.output
    assert f"{REGION_FILE}, поле «region.timezone»: неизвестный часовой пояс" in lines[0]
    assert "Traceback" not in build.output


def test_an_empty_time_label_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    with_region_time(project, ZONE, "")
    build = build_site(tmp_path / "site", project, QUALITY_TODAY=TODAY)
    assert build.result.returncode != 0
    assert f"{REGION_FILE}, поле «region.time_label»" in build.output, build.output
    assert "Traceback" not in build.output



@pytest.mark.parametrize("instant, expected", [
    # 00:30 on Thursday 12 November 2026 (Quality Day) in Novosibirsk, Wednesday 20:30 in Moscow
    ("2026-11-11T17:30:00Z", "Неделя качества идёт: сегодня День качества"),
    # 23:30 on Wednesday in Novosibirsk
    ("2026-11-11T16:30:00Z", f"Неделя качества идёт: до Дня качества — 1{NBSP}день"),
])
def test_the_banner_counts_days_by_the_regions_date(browser, site, instant, expected):
    """A reader in Moscow of the Novosibirsk site: the day is Novosibirsk's."""
    with serve(site.site) as url:
        context = browser.new_context(timezone_id="Europe/Moscow",
                                      viewport={"width": 390, "height": 844})
        try:
            page = context.new_page()
            page.clock.set_fixed_time(instant)
            page.goto(url)
            assert page.locator("[data-qw-countdown]").inner_text() == expected
        finally:
            context.close()
