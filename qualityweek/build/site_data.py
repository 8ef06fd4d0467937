"""What one build reads: the build settings, the data file and every year's event files.

macros.py (the pages) and hooks/generated_files.py (the .ics and archive pages) both need it in
the same build; the last result is kept and reused while the inputs are unchanged (same settings,
same files by size and modification time), so each build reads and validates them once, and
`mkdocs serve` still sees every edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..inputs.events import Event, load_events
from ..inputs.facts import FACTS_FILE, Facts, check_page_sources, load_facts
from ..inputs.paths import check_tree, region_folder, walk
from ..inputs.region import (MUNICIPALITIES, RegionData, check_region_sources, load_region,
                             with_region)
from ..inputs.settings import BuildSettings, read_settings
from ..outputs.event_rules import event_rules
from ..outputs.proposals import Recipient, recipient


@dataclass(frozen=True)
class SiteData:
    settings: BuildSettings
    facts: Facts  # the national facts with the region's (region.with_region)
    region: RegionData
    events_by_year: dict[int, list[Event]]  # every year's events, by start
    municipalities: tuple[str, ...]  # accepted in an event's `municipality`


_last: tuple[tuple, SiteData] | None = None


def _stamp(paths) -> tuple:
    """What changes when a file is edited; lstat, because an entry may be a dangling link
    (an editor's lock file) that the loader names or ignores, and must not crash on here."""
    stamps = []
    for path in sorted(paths):
        try:
            info = path.lstat()
        except OSError:  # removed while we looked
            continue
        stamps.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(stamps)


def load_site_data(project: Path, docs_dir: Path, environ: Mapping[str, str]) -> SiteData:
    """Settings, facts and events; raises SettingsError, FactsError, EventsError or PathsError
    (paths.py: a link or a folder outside the project, checked before anything is read)."""
    global _last
    folder, label = region_folder(project, environ)
    check_tree(project, docs_dir, docs_dir.name, label)
    # the region folder holds its events too (events/<год>/*.md)
    inputs = [project / FACTS_FILE, *(here / name for here, dirs, files in walk(folder, label)
                                       for name in dirs + files)]
    key = (str(docs_dir), label, _stamp(inputs))
    if _last is not None and _last[0] == key:
        last = _last[1]
        # today's date is the region's, so the settings come after its data file
        settings = read_settings(environ, zone=last.facts.region.zone)
        if settings == last.settings:
            return last
        _last = (key, replace(last, settings=settings))
        return _last[1]
    region = load_region(folder, label)
    national = load_facts(project / FACTS_FILE, name=FACTS_FILE)
    check_page_sources(national, FACTS_FILE, docs_dir)
    check_region_sources(region, docs_dir)
    facts = with_region(national, region, docs_dir)
    events = load_events(folder, region.municipalities, label=label,
                         municipalities_file=f"{label}/{MUNICIPALITIES}")
    settings = read_settings(environ, zone=facts.region.zone)
    _last = (key, SiteData(settings=settings, facts=facts, region=region, events_by_year=events,
                           municipalities=region.municipalities))
    return _last[1]


def site_event_rules(data: SiteData) -> dict:
    """The rules for the shown edition's year, with its events' file names already taken."""
    year = data.settings.year
    return event_rules(year, data.municipalities,
                       taken=tuple(e.slug for e in data.events_by_year.get(year, [])),
                       to=proposals_recipient(data),
                       repo=data.settings.repository,
                       zone_label=data.facts.region.time_label,
                       region_label=data.region.label)


def proposals_recipient(data: SiteData) -> Recipient:
    """Who receives the proposed events, from the region folder (outputs/proposals.py)."""
    return recipient(data.facts.contacts["ministry"], data.region.data.proposals)
