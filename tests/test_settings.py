from datetime import date, datetime, timezone

import pytest

from qualityweek.inputs.settings import SettingsError, moscow_today, read_settings

TODAY = date(2026, 11, 28)


def test_today_picks_the_edition():
    assert read_settings({}, today=TODAY).year == 2027
    assert read_settings({}, today=date(2026, 11, 15)).year == 2026


def test_quality_today_replaces_today():
    settings = read_settings({"QUALITY_TODAY": "2026-11-15"}, today=TODAY)
    assert settings.today == date(2026, 11, 15) and settings.year == 2026


def test_quality_year_forces_the_edition_and_keeps_the_build_date():
    settings = read_settings({"QUALITY_YEAR": "2023", "QUALITY_TODAY": "2026-11-28"})
    assert settings.year == 2023 and settings.today == TODAY


def test_empty_variables_count_as_unset():
    assert read_settings({"QUALITY_YEAR": "", "QUALITY_TODAY": " "}, today=TODAY).year == 2027


def test_today_is_the_date_in_moscow_not_in_utc():
    # Sunday 15 November 2026, 22:30 UTC, is already Monday 16 November, 01:30, in Moscow:
    # the 2026 week is over there, so the site shows 2027.
    late_sunday_utc = datetime(2026, 11, 15, 22, 30, tzinfo=timezone.utc)
    assert moscow_today(late_sunday_utc) == date(2026, 11, 16)
    assert read_settings({}, today=moscow_today(late_sunday_utc)).year == 2027
    assert moscow_today(datetime(2026, 11, 15, 20, 59, tzinfo=timezone.utc)) == date(2026, 11, 15)


@pytest.mark.parametrize("value", ["abc", "27", "20277", "1989", "2101", "2027.0", "-2027"])
def test_bad_year_names_the_variable_and_form(value):
    with pytest.raises(SettingsError) as caught:
        read_settings({"QUALITY_YEAR": value}, today=TODAY)
    message = str(caught.value)
    assert "QUALITY_YEAR" in message and "1990" in message and "2100" in message


@pytest.mark.parametrize("value", ["tomorrow", "2026-13-01", "2026-02-30", "28.11.2026", "20261128"])
def test_bad_today_names_the_variable_and_form(value):
    with pytest.raises(SettingsError) as caught:
        read_settings({"QUALITY_TODAY": value})
    message = str(caught.value)
    assert "QUALITY_TODAY" in message and "ГГГГ-ММ-ДД" in message


@pytest.mark.parametrize("value", ["1989-11-12", "2100-11-22", "2150-01-01"])
def test_today_whose_edition_is_out_of_range_is_refused(value):
    with pytest.raises(SettingsError, match="QUALITY_TODAY.*1990–2100"):
        read_settings({"QUALITY_TODAY": value})


@pytest.mark.parametrize("value, year", [("1989-11-13", 1990), ("2100-11-14", 2100)])
def test_first_and_last_accepted_days(value, year):
    assert read_settings({"QUALITY_TODAY": value}).year == year
