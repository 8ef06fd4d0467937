"""What the countdown banner and the week at a glance need, computed once at build time.

The browser script (docs/assets/javascripts/countdown.js) only counts days between ISO dates
written here into data attributes, so a page built weeks ago still tells the truth; the next
edition's dates are computed here too, since the script does no calendar arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from ..core.calendar import edition_dates
from ..core.typography import format_day, format_range, short_weekday, weekday
from ..model.edition import Edition


EDITION_YEAR = "edition_year"  # front matter of a page about one edition (archive, results)


def edition_front_matter(year: int) -> str:
    """The front matter line that ties a page to `year`'s edition: the theme
    (overrides/main.html) shows the countdown, which speaks of the shown edition, only on the
    pages of that edition and on the pages of none."""
    return f"{EDITION_YEAR}: {year}  # the countdown only when this is the shown edition\n"


def utc_offset(day: date, zone: tzinfo) -> int:
    """The offset of `zone` from UTC in minutes on `day`, from the tz database (tzdata is
    pinned)."""
    return int(datetime.combine(day, time(12), zone).utcoffset().total_seconds() // 60)


def countdown_data(edition: Edition, *, built: date, zone: tzinfo) -> dict[str, str]:
    """ISO dates and ready Russian texts for the banner (config.extra.countdown).

    The script finds today's date in the region from the clock and the UTC offset of its zone
    (`zone`) written here: asking the browser's Intl for a named zone's date costs ~40 ms of
    main-thread time on first use (it loads the time-zone data), and the site is rebuilt daily
    anyway."""
    following = edition_dates(edition.year + 1)
    return {
        "year": str(edition.year),
        "utc_offset": str(utc_offset(built, zone)),
        "quality_day": edition.quality_day.isoformat(),
        "week_start": edition.week_start.isoformat(),
        "week_end": edition.week_end.isoformat(),
        "week_end_ru": f"{weekday(edition.week_end)}, {format_day(edition.week_end, with_year=False)}",
        "next_week_ru": format_range(following.week_start, following.week_end),
        # what a reader without JavaScript sees: true whatever the day
        "static": (f"День качества — {format_day(edition.quality_day, with_weekday=True)} "
                   f"Всемирная неделя качества — {format_range(edition.week_start, edition.week_end)}"),
    }


@dataclass(frozen=True)
class WeekDay:
    day: date
    weekday: str  # «понедельник»
    short: str  # «пн»
    label: str  # «9 ноября»
    marks: tuple[str, ...]  # «День качества», «Форум», «Региональный день Форума»


def week_days(edition: Edition) -> list[WeekDay]:
    """Monday to Sunday of the edition's week, each with what happens on it."""
    days = []
    for offset in range(7):
        day = edition.week_start + timedelta(days=offset)
        marks = []
        if day == edition.quality_day:
            marks.append("День качества")
        if edition.forum and edition.forum.start <= day <= edition.forum.end:
            marks.append("Форум")
        if edition.regional_day and edition.regional_day.date == day:
            marks.append("Региональный день Форума")
        name = weekday(day)
        days.append(WeekDay(day=day, weekday=name, short=short_weekday(day),
                            label=format_day(day, with_year=False), marks=tuple(marks)))
    return days

