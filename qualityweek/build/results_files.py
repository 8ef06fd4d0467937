"""The results' files for one build: for every edition with a results page, the page source,
the events table (xlsx with the results' summary sheet, and csv), the charts (SVG and PNG) and
the press release (.txt and .docx); and, for the pages, the counts
and the press release of each year, computed once (count_results is the only counting).
No MkDocs imports; generated.py adds the files, macros.py shows the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..model.edition import build_edition
from ..model.results import Results, count_results
from ..outputs.archive import archive_path
from ..outputs.press_release import PressRelease, press_release
from ..outputs.press_release_doc import press_release_docx
from ..outputs.report_sheet import Summary, write_summary
from ..outputs.results_charts import CHART_TITLES, chart_path, chart_png, chart_svg
from ..outputs.results_page import results_page, results_path, results_years, stage
from ..outputs.tables import columns, event_page, events_csv, events_xlsx, table_path, table_rows
from .site_data import SiteData

EVENTS_PAGE = "events/"


@dataclass(frozen=True)
class YearResults:
    year: int
    results: Results
    press_release: PressRelease | None
    listed_on: str  # the site page that lists the year's events: «events/», «archive/2025/»


class SiteResults:
    """Every results year of one build (SiteData), each counted once, on first use."""

    def __init__(self, data: SiteData) -> None:
        self.data = data
        settings = data.settings
        self.shown = build_edition(data.facts, settings.year)
        self.years = results_years(data.events_by_year, self.shown, settings.today)
        self._by_year: dict[int, YearResults] = {}

    def listed_on(self, year: int) -> str:
        if year == self.shown.year:
            return EVENTS_PAGE
        return archive_path(year).removesuffix(".md") + "/"

    def page_url(self, year: int) -> str | None:
        """The results page's published address, when the site's address is known."""
        site_url = self.data.settings.site_url
        return f"{site_url}{results_path(year).removesuffix('.md')}/" if site_url else None

    def get(self, year: int) -> YearResults:
        if year not in self._by_year:
            data, edition = self.data, build_edition(self.data.facts, year)
            results = count_results(edition, data.events_by_year.get(year, []), data.municipalities)
            self._by_year[year] = YearResults(
                year, results, press_release(results, edition, data.facts,
                                             today=data.settings.today, page_url=self.page_url(year),
                                             invited=data.region.invitation_for(year) is not None),
                self.listed_on(year))
        return self._by_year[year]

    @cached_property
    def files(self) -> dict[str, str | bytes]:
        settings = self.data.settings
        files: dict[str, str | bytes] = {}
        for year in self.years:
            found = self.get(year)
            listed_on = found.listed_on
            region = self.data.facts.region
            site_url = settings.site_url
            cols = columns(year, (lambda e: event_page(e, listed_on=listed_on, site_url=site_url))
                           if site_url else None, zone=region.zone, label=region.time_label)
            rows = table_rows(self.data.events_by_year.get(year, []), cols)
            searchable = bool(found.results.events) and stage(year, settings.today) != "before"
            summary = Summary(found.results, build_edition(self.data.facts, year),
                              over=stage(year, settings.today) == "after", built=settings.today,
                              page_url=self.page_url(year))
            files[table_path(year, "xlsx")] = events_xlsx(
                rows, cols, year=year, built=settings.today,
                title=f"Мероприятия Недели качества {year}",
                # the summary where the results page has its tables
                more_sheets=(lambda book: write_summary(book, summary)) if searchable else None)
            files[table_path(year, "csv")] = events_csv(rows, cols)
            files[results_path(year)] = results_page(year, searchable=searchable)
            if found.press_release:
                files[found.press_release.path(year)] = found.press_release.text + "\n"
                files[found.press_release.path(year, "docx")] = press_release_docx(
                    found.press_release, written=settings.today,
                    ministry=self.data.facts.contacts.get("ministry"))
            if found.results.events:
                for slug in CHART_TITLES:
                    files[chart_path(year, slug)] = chart_svg(found.results, slug)
                    files[chart_path(year, slug, "png")] = chart_png(found.results, slug)
        return files


_last: tuple[SiteData, SiteResults] | None = None


def site_results(data: SiteData) -> SiteResults:
    """The results of this build's data; macros.py and the files hook share one object."""
    global _last
    if _last is None or _last[0] is not data:
        _last = (data, SiteResults(data))
    return _last[1]
