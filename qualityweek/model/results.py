"""The week's results: how many events, organizers and municipalities, and events by
municipality, kind, day and format. One function (`count_results`) counts; the results page,
its press release and the events table all read what it returns. No MkDocs imports.

Rules a reader of the results page is told as well:
- in the table by day an event is counted on the day it starts, even when it lasts several days;
  an event that starts in November before or after the week is counted in a row of its own, so
  every table adds up to the number of events;
- «на День качества пришлось N» counts every event held that day: started that day or earlier
  and not yet over (start ≤ Quality Day ≤ end);
- organizers are counted once however they are typed: case, «ё»/«е», quotes and spaces aside
  («ООО "Ромашка"» and «ооо «Ромашка»» are one organizer), and Latin letters that look like Cyrillic
  ones (lookalikes.py: «OOO» typed in Latin is «ООО»); the build log names both files then.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from babel import Locale

from ..core.lookalikes import fold_lookalikes, latin_to_cyrillic, lookalike_letters
from ..core.typography import NBSP, format_day, weekday
from ..core.untrusted import without_ignorables
from ..inputs.events import EVENTS_DIR, FORMATS, KINDS, Event
from .edition import Edition

_RU = Locale("ru")
# quotes of every kind an editor may type around a company's name, and what separates words
_QUOTES = re.compile(r"[\"'«»„“”‘’‚‹›`]")
_SEPARATORS = re.compile(r"[\s.,;:]+")

BEFORE_WEEK = "раньше недели, в ноябре"
AFTER_WEEK = "позже недели, в ноябре"


def plural(number: int, one: str, few: str, many: str) -> str:
    """The form of a word that agrees with `number`, by CLDR's Russian plural rules (Babel):
    1, 21 — `one` («мероприятие»); 2–4, 22 — `few` («мероприятия»); 5–20, 0 — `many`."""
    form = _RU.plural_form(number)
    return {"one": one, "few": few}.get(form, many)


def counted(number: int, one: str, few: str, many: str) -> str:
    """«21 мероприятие», «5 мероприятий»: the number and its word, glued by a no-break space."""
    return f"{number}{NBSP}{plural(number, one, few, many)}"


def _as_typed_key(name: str, fold=str.casefold) -> str:
    text = fold(unicodedata.normalize("NFKC", without_ignorables(name))).replace("ё", "е")
    return _SEPARATORS.sub(" ", _QUOTES.sub(" ", text)).strip()


def organizer_key(name: str) -> str:
    """The organizer as counted: invisible characters (Unicode's default-ignorable ones), NFKC,
    case, «ё», quotes, separators and Latin look-alikes of Cyrillic letters aside."""
    return _as_typed_key(name, fold_lookalikes)


def lookalike_organizers(events_by_year: dict[int, Sequence[Event]],
                         folder_label: str) -> list[str]:
    """A line for the build log for each organizer typed in one year's events with Latin letters
    in one file and Cyrillic ones in another: counted as one, named so the editor can fix it
    (`folder_label`: the region folder the event files are in)."""
    lines = []
    for year, events in sorted(events_by_year.items()):
        first: dict[str, tuple[str, Event]] = {}  # organizer_key: (as typed, first event)
        told: set[tuple[str, str]] = set()
        for event in events:
            key, typed = organizer_key(event.organizer), _as_typed_key(event.organizer)
            if key not in first:
                first[key] = (typed, event)
                continue
            seen_typed, seen = first[key]
            if typed == seen_typed or (key, typed) in told:
                continue
            told.add((key, typed))
            pairs = dict.fromkeys(pair if ord(pair[0]) in latin_to_cyrillic() else pair[::-1]
                                  for pair in lookalike_letters(seen.organizer, event.organizer))
            letters = ", ".join(f"«{latin}» латинская, «{cyrillic}» русская"
                                for latin, cyrillic in pairs)
            where = f"{folder_label}/{EVENTS_DIR}/{year}"
            lines.append(
                f"Внимание: организатор «{seen.organizer}» в {where}/{seen.slug}.md и "
                f"«{event.organizer}» в {where}/{event.slug}.md различаются только похожими "
                f"латинскими и русскими буквами{f' ({letters})' if letters else ''}; в итогах "
                "это один организатор — напишите название в обоих файлах одинаково")
    return lines


@dataclass(frozen=True)
class Row:
    label: str  # as the reader sees it: «город Энск», «понедельник, 9 ноября»
    count: int


@dataclass(frozen=True)
class OrganizerEvents:
    """One organizer however typed, named as most of its events spell it, with its events in
    the order of the events page."""
    name: str
    events: tuple[Event, ...]


@dataclass(frozen=True)
class KindsRow:
    """A municipality's events by kind, in KINDS' order."""
    municipality: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Results:
    year: int
    events: int
    organizers: int
    municipalities_taking_part: int
    municipalities_listed: int
    by_municipality: tuple[Row, ...]  # every listed municipality, in the list's order, zeros too
    by_kind: tuple[Row, ...]  # the letter's four kinds, then «другое»
    by_day: tuple[Row, ...]  # before the week (if any), Monday to Sunday, after the week (if any)
    by_format: tuple[Row, ...]
    on_quality_day: int  # events held on Quality Day: start ≤ the day ≤ end
    # each organizer with its events, alphabetically (as counted: case and quotes aside)
    organizer_events: tuple[OrganizerEvents, ...] = ()
    # the municipalities with events, in the list's order, each by kind
    kinds_by_municipality: tuple[KindsRow, ...] = ()

    @property
    def tables(self) -> tuple[tuple[str, str, tuple[Row, ...]], ...]:
        """(slug, what the rows are, rows) of each breakdown, in the page's order."""
        return (("municipality", "Муниципальное образование", self.by_municipality),
                ("kind", "Вид мероприятия", self.by_kind),
                ("day", "День начала", self.by_day),
                ("format", "Формат", self.by_format))


def week_day_label(day: date, quality_day: date) -> str:
    """«понедельник, 9 ноября», «четверг, 12 ноября (День качества)»."""
    label = f"{weekday(day)}, {format_day(day, with_year=False)}"
    return f"{label} (День качества)" if day == quality_day else label


def organizers_with_events(events: Sequence[Event]) -> tuple[OrganizerEvents, ...]:
    """Every organizer once (organizer_key), alphabetically, with its events by start."""
    grouped: dict[str, list[Event]] = {}
    for event in sorted(events, key=lambda e: e.sort_key()):
        grouped.setdefault(organizer_key(event.organizer), []).append(event)
    found = []
    # numbers in names by their value: «№ 2» before «№ 10»
    for key in sorted(grouped, key=lambda k: [(int(p), "") if p.isdigit() else (0, p)
                                              for p in re.split(r"([0-9]+)", k)]):
        spellings = Counter(event.organizer for event in grouped[key])
        # the most usual spelling; of equals, the one that comes first
        name = max(spellings, key=lambda s: (spellings[s], -list(spellings).index(s)))
        found.append(OrganizerEvents(name, tuple(grouped[key])))
    return tuple(found)


def count_results(edition: Edition, events: Sequence[Event],
                  municipalities: Iterable[str]) -> Results:
    """Every number the results page, its press release and the table's readers see."""
    listed = tuple(municipalities)
    by_municipality = Counter(event.municipality for event in events)
    by_kind = Counter(event.kind for event in events)
    by_format = Counter(event.format for event in events)
    by_start = Counter(event.start_day for event in events)
    week = [edition.week_start + timedelta(days=offset) for offset in range(7)]
    before = sum(n for day, n in by_start.items() if day < edition.week_start)
    after = sum(n for day, n in by_start.items() if day > edition.week_end)
    days = [Row(week_day_label(day, edition.quality_day), by_start[day]) for day in week]
    if before:
        days.insert(0, Row(BEFORE_WEEK, before))
    if after:
        days.append(Row(AFTER_WEEK, after))
    return Results(
        year=edition.year,
        events=len(events),
        organizers=len({organizer_key(event.organizer) for event in events}),
        municipalities_taking_part=sum(1 for name in listed if by_municipality[name]),
        municipalities_listed=len(listed),
        by_municipality=tuple(Row(name, by_municipality[name]) for name in listed),
        by_kind=tuple(Row(kind, by_kind[kind]) for kind in KINDS),
        by_day=tuple(days),
        by_format=tuple(Row(fmt, by_format[fmt]) for fmt in FORMATS),
        on_quality_day=sum(1 for event in events
                           if event.start_day <= edition.quality_day <= event.end_day),
        organizer_events=organizers_with_events(events),
        kinds_by_municipality=tuple(
            KindsRow(name, tuple(sum(1 for e in events if e.municipality == name and e.kind == kind)
                                 for kind in KINDS))
            for name in listed if by_municipality[name]),
    )
