from datetime import date, timedelta

import pytest

from qualityweek.core.calendar import (FIRST_YEAR, LAST_YEAR, edition_dates, edition_year_for,
                                       quality_day)

ALL_YEARS = range(FIRST_YEAR, LAST_YEAR + 1)


@pytest.mark.parametrize("year", ALL_YEARS)
def test_quality_day_is_second_thursday_of_november(year):
    day = quality_day(year)
    assert day.weekday() == 3  # Thursday
    assert day.month == 11 and 8 <= day.day <= 14
    # exactly one Thursday of November comes before it
    earlier = [date(year, 11, d) for d in range(1, day.day) if date(year, 11, d).weekday() == 3]
    assert len(earlier) == 1


@pytest.mark.parametrize("year", ALL_YEARS)
def test_week_is_monday_to_sunday_around_quality_day(year):
    dates = edition_dates(year)
    assert dates.week_start.weekday() == 0 and dates.week_end.weekday() == 6
    assert dates.week_end - dates.week_start == timedelta(days=6)
    assert dates.week_start <= dates.quality_day <= dates.week_end


# Published dates (../shared/research/facts.md): Quality Day and the Russian Mon-Sun week.
PUBLISHED = [
    # year, Quality Day, week start, week end, source
    (2019, date(2019, 11, 14), date(2019, 11, 11), date(2019, 11, 17),
     "https://www.quality.org/article/how-celebrate-world-quality-day"),
    (2020, date(2020, 11, 12), date(2020, 11, 9), date(2020, 11, 15),
     "http://adm-dzer.ru/article/vsemirnaya-nedelya-kachestva-202005"),
    (2021, date(2021, 11, 11), date(2021, 11, 8), date(2021, 11, 14),
     "https://www.nqa.com/en-gb/resources/news/world-quality-week-2021"),
    (2022, date(2022, 11, 10), date(2022, 11, 7), date(2022, 11, 13),
     "https://www.quality.org/WQW22"),
    (2023, date(2023, 11, 9), date(2023, 11, 6), date(2023, 11, 12),
     "the source letter (docs/letter-2023.md)"),
    (2024, date(2024, 11, 14), date(2024, 11, 11), date(2024, 11, 17),
     "https://roskachestvo.gov.ru/news/v-rossii-proshla-nedelya-kachestva"),
    (2025, date(2025, 11, 13), date(2025, 11, 10), date(2025, 11, 16),
     "https://tass.ru/ekonomika/25576015"),
]


@pytest.mark.parametrize("year, day, start, end, source", PUBLISHED, ids=[str(p[0]) for p in PUBLISHED])
def test_matches_published_dates(year, day, start, end, source):
    dates = edition_dates(year)
    assert (dates.quality_day, dates.week_start, dates.week_end) == (day, start, end), source


@pytest.mark.parametrize("today, expected", [
    (date(2026, 1, 1), 2026),     # New Year's Day: this year's edition is ahead
    (date(2026, 11, 8), 2026),    # Sunday before the 2026 week (9-15 November)
    (date(2026, 11, 9), 2026),    # its Monday
    (date(2026, 11, 15), 2026),   # the Sunday that ends it: still this year's
    (date(2026, 11, 16), 2027),   # the Monday after: next year's
    (date(2026, 12, 31), 2027),   # New Year's Eve
    (date(2029, 11, 11), 2029),   # Sunday ending the earliest possible week (5-11 November)
    (date(2029, 11, 12), 2030),
    (date(2030, 11, 17), 2030),   # Sunday ending the latest possible week (11-17 November)
    (date(2030, 11, 18), 2031),
])
def test_edition_choice_at_boundaries(today, expected):
    assert edition_year_for(today) == expected


@pytest.mark.parametrize("year", ALL_YEARS)
def test_edition_rolls_over_the_day_after_its_week(year):
    end = edition_dates(year).week_end
    assert edition_year_for(end) == year
    assert edition_year_for(end + timedelta(days=1)) == year + 1
