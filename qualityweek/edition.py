"""One edition as the pages see it: the computed dates plus whatever the data file confirms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .calendar import EditionDates, edition_dates
from .facts import Edition as EditionFacts
from .facts import Facts, Forum, Motto, RegionalDay
from .links import resolve_link


@dataclass(frozen=True)
class Edition:
    dates: EditionDates
    facts: EditionFacts

    @property
    def year(self) -> int:
        return self.dates.year

    @property
    def quality_day(self) -> date:
        return self.dates.quality_day

    @property
    def week_start(self) -> date:
        return self.dates.week_start

    @property
    def week_end(self) -> date:
        return self.dates.week_end

    @property
    def motto(self) -> Motto | None:
        return self.facts.motto

    @property
    def forum(self) -> Forum | None:
        return self.facts.forum

    @property
    def regional_day(self) -> RegionalDay | None:
        return self.facts.regional_day


def build_edition(facts: Facts, year: int) -> Edition:
    return Edition(dates=edition_dates(year), facts=facts.editions.get(year, EditionFacts()))


def edition_link(facts: Facts, key: str, year: int) -> str:
    """The registry URL for `key`, per-year only where `year`'s data confirms it."""
    confirmed = facts.editions[year].yearly_links if year in facts.editions else ()
    return resolve_link(facts.links, key, year, confirmed)
