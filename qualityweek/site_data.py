"""What one build reads: the build settings, the data file and every year's event files.

macros.py (the pages) and hooks/generated_files.py (the .ics and archive pages) both need it in
the same build; the last result is kept and reused while the inputs are unchanged (same settings,
same files by size and modification time), so each build reads and validates them once, and
`mkdocs serve` still sees every edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .events import EVENTS_DIR, MUNICIPALITIES_FILE, Event, load_events, load_municipalities
from .facts import Facts, check_page_sources, load_facts
from .paths import check_tree, walk
from .settings import BuildSettings, read_settings

FACTS_FILE = "data/facts.yml"


@dataclass(frozen=True)
class SiteData:
    settings: BuildSettings
    facts: Facts
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


def _event_entries(events_dir: Path) -> list[Path]:
    """docs/events/, its year folders and what they hold: all the events loader reads (it
    refuses a folder inside a year folder without looking in), listed without recursion."""
    entries = [events_dir]
    for here, dirs, files in walk(events_dir, events_dir.name):
        entries.extend(here / name for name in dirs + files)
        if here != events_dir:
            dirs[:] = []
    return entries


def load_site_data(project: Path, docs_dir: Path, environ: Mapping[str, str]) -> SiteData:
    """Settings, facts and events; raises SettingsError, FactsError, EventsError or PathsError
    (paths.py: a link or a folder outside the project, checked before anything is read)."""
    global _last
    check_tree(project, docs_dir, docs_dir.name)
    settings = read_settings(environ)
    inputs = [project / FACTS_FILE, project / MUNICIPALITIES_FILE]
    events_dir = docs_dir / EVENTS_DIR
    key = (settings, str(docs_dir),
           _stamp([*inputs, *_event_entries(events_dir)] if events_dir.exists() else inputs))
    if _last is not None and _last[0] == key:
        return _last[1]
    facts = load_facts(project / FACTS_FILE, name=FACTS_FILE)
    check_page_sources(facts, FACTS_FILE, docs_dir)
    municipalities = load_municipalities(project / MUNICIPALITIES_FILE)
    events = load_events(docs_dir, municipalities, label=docs_dir.name)
    _last = (key, SiteData(settings=settings, facts=facts, events_by_year=events,
                           municipalities=municipalities))
    return _last[1]
