"""Which edition a build shows, and where the site lives, read from the environment.

QUALITY_YEAR=YYYY forces an edition. Otherwise today's date in the region's time zone (its data
file gives it) picks it; QUALITY_TODAY=YYYY-MM-DD replaces today's date for reproducible builds
and tests.
QUALITY_SITE_URL and QUALITY_REPO_URL are the published site and the repository: https URLs
checked by the one URL rule of the site (untrusted.check_url). Every value is untrusted (it comes
from CI or a shell), and a bad one is a SettingsError naming the variable, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from urllib.parse import urlsplit

from ..core.calendar import FIRST_YEAR, LAST_YEAR, edition_dates, edition_year_for, in_range
from ..core.repository import KINDS, Repository, kind_for
from ..core.untrusted import check_url, shown
from .variables import REPO_KIND_VAR, REPO_VAR, SITE_VAR, TODAY_VAR, YEAR_VAR


class SettingsError(ValueError):
    """A bad environment value; the message names the variable and the accepted form."""


@dataclass(frozen=True)
class BuildSettings:
    year: int  # the edition shown
    today: date  # the build date (the region's), from QUALITY_TODAY when given
    site_url: str | None = None  # https://…/, always with a trailing slash
    repo_url: str | None = None  # https://… without a trailing slash
    repo_kind: str | None = None  # repository.GITHUB or GITLAB; None: unknown or no repository

    @property
    def repository(self) -> Repository | None:
        """The repository's links (repository.py), None without QUALITY_REPO_URL."""
        return Repository(self.repo_url, self.repo_kind) if self.repo_url else None


def local_today(zone: tzinfo, now: datetime | None = None) -> date:
    """The date in `zone` (the region's) at the aware moment `now` (default: this moment),
    whatever the machine's own time zone: 18:30 UTC on Sunday is already Monday in Novosibirsk."""
    return (now or datetime.now(zone)).astimezone(zone).date()


def _parse_year(raw: str) -> int:
    value = raw.strip()
    if not re.fullmatch(r"[0-9]{4}", value) or not in_range(int(value)):
        raise SettingsError(
            f"{YEAR_VAR}={shown(raw)}: ожидается год из четырёх цифр от {FIRST_YEAR} до {LAST_YEAR}, "
            f"например {YEAR_VAR}=2027")
    return int(value)


def _parse_today(raw: str) -> date:
    value = raw.strip()
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError
        parsed = date.fromisoformat(value)
    except ValueError:
        raise SettingsError(
            f"{TODAY_VAR}={shown(raw)}: ожидается дата в виде ГГГГ-ММ-ДД, например "
            f"{TODAY_VAR}=2027-11-11") from None
    if not in_range(edition_year_for(parsed)):
        first = edition_dates(FIRST_YEAR - 1).week_end + timedelta(days=1)
        last = edition_dates(LAST_YEAR).week_end
        raise SettingsError(
            f"{TODAY_VAR}={shown(raw)}: на эту дату приходится выпуск вне диапазона "
            f"{FIRST_YEAR}–{LAST_YEAR}; ожидается дата ГГГГ-ММ-ДД "
            f"с {first.isoformat()} по {last.isoformat()}")
    return parsed


# The poster prints the site's address on one line of its footer, at 3.5 pt at the smallest
# (poster_layout): 49 of its widest character («@») fit there, so a longer address would run off.
SITE_URL_LENGTH = 48


def _parse_url(name: str, raw: str, example: str, *, site: bool) -> str:
    value = raw.strip()
    try:
        check_url(value, query=False)
        problem = _site_problem(value) if site else _repo_problem(value)
    except ValueError as error:
        raise SettingsError(f"{name}: {error}, например {name}={example}") from None
    if problem:
        raise SettingsError(f"{name}: {problem}: {shown(value)}; например {name}={example}")
    return value.rstrip("/") + "/" if site else value.rstrip("/")


def _site_problem(value: str) -> str | None:
    if len(value) > SITE_URL_LENGTH:
        return (f"адрес длиннее {SITE_URL_LENGTH} знаков ({len(value)}): он не поместится "
                "в строку на плакате")
    return None


def _repo_problem(value: str) -> str | None:
    """The repository is https://host/owner/repo (a group path on GitLab may be longer): edit
    links are made by appending to it, so «.» and «..» segments, «%» escapes or an empty
    segment would lead into another repository."""
    segments = urlsplit(value).path.strip("/").split("/")
    if len(segments) < 2 or any(s in ("", ".", "..") or "%" in s for s in segments):
        return "ожидается адрес репозитория вида https://сайт/владелец/репозиторий"
    return None


def read_settings(environ: Mapping[str, str], today: date | None = None, *,
                  zone: tzinfo | None = None) -> BuildSettings:
    """Build settings from `environ`; `today` defaults to the current date in `zone`, the
    region's time zone (one of the two is needed unless QUALITY_TODAY is given).

    An empty variable counts as unset, so `QUALITY_YEAR= mkdocs build` behaves like no override.
    """
    raw_today = environ.get(TODAY_VAR, "")
    if raw_today.strip():
        build_day = _parse_today(raw_today)
    elif today is not None:
        build_day = today
    elif zone is not None:
        build_day = local_today(zone)
    else:
        raise TypeError("read_settings: без QUALITY_TODAY нужен today или zone")
    raw_year = environ.get(YEAR_VAR, "")
    if raw_year.strip():
        year = _parse_year(raw_year)
    else:
        year = edition_year_for(build_day)
        if not in_range(year):
            raise SettingsError(
                f"сегодня ({build_day.isoformat()}) выходит выпуск {year}, вне диапазона "
                f"{FIRST_YEAR}–{LAST_YEAR}; задайте {YEAR_VAR}=ГГГГ")
    raw_site, raw_repo = environ.get(SITE_VAR, ""), environ.get(REPO_VAR, "")
    site_url = (_parse_url(SITE_VAR, raw_site, "https://example.org/quality-week/", site=True)
                if raw_site.strip() else None)
    repo_url = (_parse_url(REPO_VAR, raw_repo, "https://github.com/org/quality-week", site=False)
                if raw_repo.strip() else None)
    raw_kind = environ.get(REPO_KIND_VAR, "")
    repo_kind = _parse_kind(raw_kind, repo_url) if repo_url else None
    return BuildSettings(year=year, today=build_day, site_url=site_url, repo_url=repo_url,
                         repo_kind=repo_kind)


def _parse_kind(raw: str, repo_url: str) -> str | None:
    """The repository's platform: its host's, or QUALITY_REPO_KIND's (an empty one is unset)."""
    value = raw.strip() or None
    if value is not None and value not in KINDS:
        raise SettingsError(f"{REPO_KIND_VAR}={shown(raw)}: ожидается {' или '.join(KINDS)}, "
                            f"например {REPO_KIND_VAR}=gitlab")
    try:
        return kind_for(repo_url, value)
    except ValueError as error:  # github.com or gitlab.com, and the other platform chosen
        raise SettingsError(f"{REPO_KIND_VAR}={shown(raw)}: {error}; уберите {REPO_KIND_VAR} "
                            f"или исправьте {REPO_VAR}") from None
