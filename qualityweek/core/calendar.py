"""Dates of an edition of World Quality Week, computed from the year alone.

World Quality Day is the second Thursday of November; the Russian World Quality Week is the
Monday-Sunday week that contains it (sources: ../data/facts.yml, site page «О неделе и дне»).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

FIRST_YEAR = 1990
LAST_YEAR = 2100

_THURSDAY = 3  # date.weekday(): Monday is 0


@dataclass(frozen=True)
class EditionDates:
    """The computed dates of one year's edition."""

    year: int
    quality_day: date
    week_start: date
    week_end: date


def in_range(year: int) -> bool:
    """Whether the site supports `year` (the rule itself holds for any year)."""
    return FIRST_YEAR <= year <= LAST_YEAR


def quality_day(year: int) -> date:
    """The second Thursday of November of `year`."""
    first = date(year, 11, 1)
    first_thursday = first + timedelta(days=(_THURSDAY - first.weekday()) % 7)
    return first_thursday + timedelta(days=7)


def edition_dates(year: int) -> EditionDates:
    day = quality_day(year)
    monday = day - timedelta(days=day.weekday())
    return EditionDates(year=year, quality_day=day, week_start=monday,
                        week_end=monday + timedelta(days=6))


def edition_year_for(today: date) -> int:
    """The edition a reader wants on `today`: this year's until the Sunday that ends its week,
    next year's from the Monday after."""
    if today <= edition_dates(today.year).week_end:
        return today.year
    return today.year + 1
