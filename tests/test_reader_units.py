"""Pure pieces of the reader features: archive years, countdown data, week days, sources."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from building import ROOT
from fixtures import DASH, NBSP, site_facts

from qualityweek.model.edition import build_edition
from qualityweek.outputs.archive import archive_page, archive_years
from qualityweek.outputs.countdown import countdown_data, utc_offset, week_days
from qualityweek.outputs.ics import absolute_source, calendar_path

FACTS = site_facts()


def test_archive_years_include_the_shown_edition_newest_first():
    assert archive_years([2023, 2022, 2025], 2027) == [2027, 2025, 2023, 2022]
    assert archive_years([2023, 2022], 2023) == [2023, 2022]


def test_archive_page_calls_the_macros_for_its_year():
    source = archive_page(2031)
    assert "render_macros: true" in source
    assert "{% set e = edition_for(2031) %}" in source
    assert '{% include "templates/archive-edition.md" %}' in source
    assert (ROOT / "docs" / "templates" / "archive-edition.md").is_file()


def test_countdown_data_has_iso_dates_and_the_next_week():
    data = countdown_data(build_edition(FACTS, 2029), built=date(2029, 10, 1),
                          zone=ZoneInfo("Asia/Novosibirsk"))
    assert (data["quality_day"], data["week_start"], data["week_end"]) == (
        "2029-11-08", "2029-11-05", "2029-11-11")
    assert data["week_end_ru"] == f"воскресенье, 11{NBSP}ноября"
    assert data["next_week_ru"] == f"11{DASH}17{NBSP}ноября 2030{NBSP}г."
    assert data["utc_offset"] == "420"  # the zone's: UTC+7 since 2016


def test_the_offset_comes_from_the_tz_database():
    moscow = ZoneInfo("Europe/Moscow")
    assert utc_offset(date(2026, 11, 28), moscow) == 180
    assert utc_offset(date(2010, 7, 1), moscow) == 240  # summer time, before 2011
    assert utc_offset(date(2012, 1, 15), moscow) == 240  # the «permanent summer time» of 2011–2014
    assert utc_offset(date(2016, 1, 15), ZoneInfo("Asia/Novosibirsk")) == 360  # before July 2016
    assert utc_offset(date(2026, 11, 28), ZoneInfo("Asia/Kamchatka")) == 720


def test_week_days_mark_quality_day_forum_and_regional_day():
    days = week_days(build_edition(FACTS, 2024))
    assert [d.day for d in days] == [date(2024, 11, 11 + n) for n in range(7)]
    assert [d.short for d in days] == ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]
    assert days[3].marks == ("День качества", "Форум")
    assert days[4].marks == ("Форум", "Региональный день Форума")
    assert days[5].marks == days[6].marks == ()


def test_sources_become_absolute_only_with_a_site_address():
    assert absolute_source("https://tass.ru/x", None) == "https://tass.ru/x"
    assert absolute_source("letter-2023.md", None) is None
    assert absolute_source("letter-2023.md", "https://example.org/qw/") == "https://example.org/qw/letter-2023/"
    assert absolute_source("index.md", "https://example.org/qw") == "https://example.org/qw/"
    assert calendar_path(2027) == "calendar/quality-week-2027.ics"
