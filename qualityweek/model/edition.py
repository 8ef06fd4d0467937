"""One edition as the pages see it: the computed dates plus whatever the data file confirms."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..core.calendar import EditionDates, edition_dates
from ..inputs.facts import Edition as EditionFacts
from ..inputs.facts import Facts, Forum, Motto, RegionalDay
from .links import resolve_link


@dataclass(frozen=True)
class Edition(EditionDates):
    """Computed dates (year, quality_day, week_start, week_end) and the year's confirmed facts;
    a fact the data file does not give is None, and the pages say it will be announced."""

    motto: Motto | None = None
    forum: Forum | None = None
    regional_day: RegionalDay | None = None


def build_edition(facts: Facts, year: int) -> Edition:
    known = facts.editions.get(year, EditionFacts())
    return Edition(**asdict(edition_dates(year)), motto=known.motto, forum=known.forum,
                   regional_day=known.regional_day)


def edition_link(facts: Facts, key: str, year: int) -> str:
    """The registry URL for `key`, per-year only where `year`'s data confirms it."""
    confirmed = facts.editions[year].yearly_links if year in facts.editions else ()
    return resolve_link(facts.links, key, year, confirmed)
