"""Which edition a build shows, read from the environment.

QUALITY_YEAR=YYYY forces an edition. Otherwise today's date in Europe/Moscow picks it;
QUALITY_TODAY=YYYY-MM-DD replaces today's date for reproducible builds and tests.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .calendar import FIRST_YEAR, LAST_YEAR, edition_dates, edition_year_for, in_range

MOSCOW = ZoneInfo("Europe/Moscow")

YEAR_VAR = "QUALITY_YEAR"
TODAY_VAR = "QUALITY_TODAY"


class SettingsError(ValueError):
    """A bad environment value; the message names the variable and the accepted form."""


@dataclass(frozen=True)
class BuildSettings:
    year: int  # the edition shown
    today: date  # the build date (Moscow), from QUALITY_TODAY when given


def moscow_today(now: datetime | None = None) -> date:
    """The date in Moscow at the aware moment `now` (default: this moment), whatever the
    machine's own time zone: a build at 23:30 UTC on Sunday is already Monday in Moscow."""
    return (now or datetime.now(MOSCOW)).astimezone(MOSCOW).date()


def _parse_year(raw: str) -> int:
    value = raw.strip()
    if not re.fullmatch(r"\d{4}", value) or not in_range(int(value)):
        raise SettingsError(
            f"{YEAR_VAR}={raw!r}: ожидается год из четырёх цифр от {FIRST_YEAR} до {LAST_YEAR}, "
            f"например {YEAR_VAR}=2027")
    return int(value)


def _parse_today(raw: str) -> date:
    value = raw.strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        parsed = date.fromisoformat(value)
    except ValueError:
        raise SettingsError(
            f"{TODAY_VAR}={raw!r}: ожидается дата в виде ГГГГ-ММ-ДД, например "
            f"{TODAY_VAR}=2027-11-11") from None
    if not in_range(edition_year_for(parsed)):
        first = edition_dates(FIRST_YEAR - 1).week_end + timedelta(days=1)
        last = edition_dates(LAST_YEAR).week_end
        raise SettingsError(
            f"{TODAY_VAR}={raw!r}: на эту дату приходится выпуск вне диапазона "
            f"{FIRST_YEAR}–{LAST_YEAR}; ожидается дата ГГГГ-ММ-ДД "
            f"с {first.isoformat()} по {last.isoformat()}")
    return parsed


def read_settings(environ: Mapping[str, str], today: date | None = None) -> BuildSettings:
    """Build settings from `environ`; `today` defaults to the current date in Moscow.

    An empty variable counts as unset, so `QUALITY_YEAR= mkdocs build` behaves like no override.
    """
    raw_today = environ.get(TODAY_VAR, "")
    build_day = _parse_today(raw_today) if raw_today.strip() else (today or moscow_today())
    raw_year = environ.get(YEAR_VAR, "")
    if raw_year.strip():
        year = _parse_year(raw_year)
    else:
        year = edition_year_for(build_day)
        if not in_range(year):
            raise SettingsError(
                f"сегодня ({build_day.isoformat()}) выходит выпуск {year}, вне диапазона "
                f"{FIRST_YEAR}–{LAST_YEAR}; задайте {YEAR_VAR}=ГГГГ")
    return BuildSettings(year=year, today=build_day)
