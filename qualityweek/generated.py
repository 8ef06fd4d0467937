"""Files the build adds to the site that are not in docs/: the edition's calendar and one
archive page per edition. Pure: returns {docs-relative path: content}; the MkDocs hook
(hooks/generated_files.py) only hands them to MkDocs as virtual files, so nothing is written
into the source tree and `mkdocs serve` has nothing to rebuild in a loop."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from .archive import archive_page, archive_path, archive_years
from .edition import build_edition, edition_link
from .facts import load_facts
from .ics import CalendarEntry, build_calendar, calendar_path
from .settings import read_settings

FACTS_FILE = "data/facts.yml"


def generated_files(project: Path, environ: Mapping[str, str], *, site_url: str | None,
                    extra_calendar: Sequence[CalendarEntry] = ()) -> dict[str, str | bytes]:
    settings = read_settings(environ)
    facts = load_facts(project / FACTS_FILE, name=FACTS_FILE)
    shown = build_edition(facts, settings.year)
    files: dict[str, str | bytes] = {
        calendar_path(shown.year): build_calendar(
            shown, site_url=site_url, built=settings.today,
            news_url=edition_link(facts, "rskrf_qualityday", shown.year), extra=extra_calendar),
    }
    for year in archive_years(facts.editions, shown.year):
        files[archive_path(year)] = archive_page(year)
    return files
