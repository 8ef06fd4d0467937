"""Event files for the results tests, written as an editor writes them, and what the tests expect
of them computed here from the same specs (never by qualityweek.model.results).

`specs(year, count)` spreads the events over municipalities, the five kinds, the three formats and
every day of November (before, during and after the week; some over several days, some all day);
every third event's organizer is one company typed in another way (case, quotes, «ё»), which the
count takes as one organizer. Some values are awkward for a table: «;», quotes, a line break in
the description, a title that Excel would run as a formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from math import gcd
from pathlib import Path

import yaml
from fixtures import default_region, events_folder

KINDS = ("день открытых дверей, экскурсия на производство",
         "программа привилегий, спецпредложение, акция",
         "конкурс «Лидер качества»", "символика Дня качества", "другое")
FORMATS = ("очно", "онлайн", "гибрид")
# one company, typed three ways: the results count it once
SAME_ORGANIZER = ("ООО «Энский завод»", "ооо \"Энский завод\"", "ООО  «ЭНСКИЙ  ЗАВОД»")


def municipalities() -> list[str]:
    return list(default_region().municipalities)


@dataclass(frozen=True)
class Spec:
    slug: str
    title: str
    organizer: str
    organizer_id: str  # the same company, however typed
    municipality: str
    kind: str
    format: str
    start: date | datetime
    end: date | datetime
    address: str | None
    url: str
    contact: str | None
    description: str

    def file_text(self) -> str:
        def moment(value):
            return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) \
                else value.isoformat()
        fields = {"title": self.title, "organizer": self.organizer,
                  "municipality": self.municipality, "kind": self.kind,
                  "start": moment(self.start), "end": moment(self.end), "format": self.format,
                  "url": self.url}
        if self.address:
            fields["address"] = self.address
        if self.contact:
            fields["contact"] = self.contact
        front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)
        return f"---\n{front}---\n\n{self.description}\n"

    @property
    def start_day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start


def specs(year: int, count: int) -> list[Spec]:
    places = municipalities()
    # a step through the list that reaches every municipality before it repeats one, whatever the
    # list's length: 7 for 45 names, 8 for 35 (7 would cycle through five)
    step = next(s for s in range(7, 7 + len(places)) if gcd(s, len(places)) == 1)
    result = []
    for index in range(count):
        day = date(year, 11, 1 + (index * 7) % 30)
        all_day = index % 4 == 3
        start = day if all_day else datetime.combine(day, time(9 + index % 8, 30 * (index % 2)))
        # two of every five events last three days (while still in November): some of them
        # begin before Quality Day and are still held on it
        span = 2 if index % 5 in (0, 4) and day.day <= 28 else 0
        end = (day + timedelta(days=span) if all_day
               else datetime.combine(day + timedelta(days=span), time(18, 0)))
        fmt = FORMATS[index % 3]
        if index % 3 == 0:
            organizer, organizer_id = SAME_ORGANIZER[(index // 3) % 3], "same"
        else:
            organizer, organizer_id = f"АО «Предприятие; № {index}»", f"own-{index}"
        title = (f"=СУММ(1;2) день качества {index}" if index == 1
                 else f"День качества «{index}»; открытые двери")
        result.append(Spec(
            slug=f"event-{index:04d}", title=title, organizer=organizer,
            organizer_id=organizer_id, municipality=places[(index * step) % len(places)],
            kind=KINDS[index % 5], format=fmt, start=start, end=end,
            address=f"г. Энск, ул. Ленина, д. {index + 1}" if fmt != "онлайн" else None,
            url=f"https://example.org/{year}/events/{index}",
            contact="+7 (4012) 12-34-56" if index % 2 else None,
            description=(f"Первый абзац; «кавычки» и \"прямые\" кавычки.\n\nВторой абзац "
                         f"с [ссылкой](https://example.org/{index}) и **выделением**.")))
    return result


def write_events(project: Path, year: int, events: list[Spec]) -> None:
    folder = events_folder(project) / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    for spec in events:
        (folder / f"{spec.slug}.md").write_text(spec.file_text(), encoding="utf-8")
