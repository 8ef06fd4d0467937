"""Regional events: one Markdown file per event in the region folder,
regions/<регион>/events/<year>/<slug>.md, so that everything regional is in one folder.

The YAML front matter is validated against one schema (`Event`); the body is the description.
A bad file raises `EventsError` whose message names the file as editors know it (e.g.
`regions/<регион>/events/2026/den-otkrytyh-dverey.md`), the field and what is accepted.
No MkDocs imports.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError

from ..core.calendar import FIRST_YEAR, LAST_YEAR
from ..core.description import check_description
from ..core.event_messages import FIELD_WORDS, character_name, day_words, label, message
from ..core.typography import quote, year_suffix
from ..core.untrusted import Problem, check_text, safe_name, shown
from .facts import read_input, summarize
from .fields import LongText, Name, Text, Url, describe_value_error
from .yaml_input import YamlInputError, load_yaml

EVENTS_DIR = "events"
MUNICIPALITIES_FILE = "municipalities.yml"  # in the region folder (region.py)

# The letter's four kinds of activity (its wording, shortened), and «другое» for everything else.
KINDS = (
    "день открытых дверей, экскурсия на производство",
    "программа привилегий, спецпредложение, акция",
    "конкурс «Лидер качества»",
    "символика Дня качества",
    "другое",
)
FORMATS = ("очно", "онлайн", "гибрид")
IN_PERSON = ("очно", "гибрид")  # formats that need an address
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
_MOMENT = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?: ([0-9]{2}:[0-9]{2}))?")
# An event file is a few kilobytes (the description is at most untrusted.DESCRIPTION_LENGTH).
MAX_FILE_BYTES = 32_000
# The slug names the page anchor and the file of the event's calendar (…/slug.ics): a file name
# of 255 bytes is every file system's limit, and a reader's link stays readable well below it.
SLUG_LENGTH = 80
# Events a year and a build take. The region's municipalities number a few dozen, and an
# edition has had tens of events: 2000 a year is a hundred times that, and the size the site is
# measured at (bench/bench.py: build time, the events page and the search index a phone
# downloads); the archive keeps a few years of far fewer.
MAX_EVENTS_PER_YEAR = 2000
MAX_EVENTS = 4000


class EventsError(ValueError):
    """An event file (or the municipalities list) is missing a field, or a field is invalid.
    `broken` names, for an event file's fields, the rules they broke: [(field, rule)], the
    rule names of event_messages.TEMPLATES (the form names the same)."""

    def __init__(self, text: str, broken: list[tuple[str, str]] | None = None) -> None:
        super().__init__(text)
        self.broken = broken or []


def _moment(value: Any) -> date | datetime:
    """«2026-11-12» (a date) or «2026-11-12 10:00» (a naive datetime, the region's local time:
    data/facts.yml, region.timezone), kept as a string by the loader."""
    if value is None or isinstance(value, str) and not value.strip():
        raise ValueError("не задана дата: ожидается ГГГГ-ММ-ДД или ГГГГ-ММ-ДД ЧЧ:ММ "
                         "(время местное), например 2026-11-12 10:00")
    match = _MOMENT.fullmatch(value) if isinstance(value, str) else None
    if match:
        try:
            day = date.fromisoformat(match[1])
        except ValueError:  # 2026-02-29, 2026-11-31: the form is right, the day does not exist
            raise Problem(f"такого дня нет: {shown(value)}", "no_such_day") from None
        if match[2] is None:
            return day
        try:
            return datetime.combine(day, time.fromisoformat(match[2]))
        except ValueError:
            raise Problem(f"такого времени нет: {shown(value)}", "no_such_time") from None
    if isinstance(value, str) and value != (spaced := re.sub(r"\s", " ", value)) and (
            _MOMENT.fullmatch(spaced.strip())):
        # a no-break or thin space looks like a space: quoting the value would not show it
        raise Problem(f"в дате {shown(value)} особый пробел (неразрывный или другой), а не "
                      "обычный: наберите дату заново", "date_space")
    raise ValueError(f"неверная дата {shown(value)}: ожидается ГГГГ-ММ-ДД или ГГГГ-ММ-ДД ЧЧ:ММ "
                     "(время местное), например 2026-11-12 10:00")


# datetime is a date subclass: PlainValidator keeps pydantic from coercing one into the other.
Moment = Annotated[date, PlainValidator(_moment)]


class Event(BaseModel):
    """The front matter of one event file; `slug`, `year` and `description` come from the file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Name
    organizer: Name
    municipality: Text
    kind: Literal[KINDS]  # type: ignore[valid-type]
    start: Moment
    end: Moment
    format: Literal[FORMATS]  # type: ignore[valid-type]
    address: LongText | None = None
    url: Url | None = None  # a shop's tasting or an open day often has no page of its own
    contact: LongText | None = None

    # filled from the file, not the front matter (excluded from the editor-facing schema)
    slug: str = Field(default="", exclude=True)
    year: int = Field(default=0, exclude=True)
    description: str = Field(default="", exclude=True)

    @property
    def anchor(self) -> str:
        """A stable id for the page anchor, from the file name (unique within a year)."""
        return f"event-{self.slug}"

    @property
    def uid(self) -> str:
        """Unique across years (a slug may repeat in another year's folder): for an .ics UID."""
        return f"{self.year}-{self.slug}"

    @property
    def start_day(self) -> date:
        return _day(self.start)

    @property
    def end_day(self) -> date:
        return _day(self.end)

    @property
    def start_time(self) -> time | None:
        return self.start.time() if isinstance(self.start, datetime) else None

    @property
    def end_time(self) -> time | None:
        return self.end.time() if isinstance(self.end, datetime) else None

    def span(self, zone: tzinfo) -> tuple[date, date] | tuple[datetime, datetime]:
        """(start, end) for a calendar: two dates (all day, end inclusive) when neither has a
        time, else two aware datetimes in `zone`, the region's (a date alone starts at 00:00 or
        ends at the next midnight), as qualityweek.ics.CalendarEntry wants them."""
        if self.start_time is None and self.end_time is None:
            return self.start_day, self.end_day
        start = _begins(self.start)
        end = self.end if isinstance(self.end, datetime) else datetime.combine(
            self.end_day + timedelta(days=1), time.min)
        return start.replace(tzinfo=zone), end.replace(tzinfo=zone)

    def sort_key(self) -> tuple:
        """By day, then time (an all-day event first), then title."""
        return (_begins(self.start), self.title, self.slug)


# Front matter fields an editor writes, in the order the example and the issue form show them.
FIELDS = tuple(name for name, info in Event.model_fields.items() if not info.exclude)
REQUIRED = tuple(name for name in FIELDS if Event.model_fields[name].is_required())


def _day(moment: date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _begins(moment: date) -> datetime:
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time.min)


def _ends(moment: date) -> datetime:
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time.max)


def load_municipalities(path: Path, name: str = MUNICIPALITIES_FILE) -> tuple[str, ...]:
    """The accepted municipality names from `path` (a YAML list under `municipalities:`)."""
    try:
        raw = load_yaml(read_input(path, name, 100_000))
    except YamlInputError as error:
        raise EventsError(f"{name}, {error}") from None
    except ValueError as error:
        raise EventsError(str(error)) from None
    names = raw.get("municipalities") if isinstance(raw, dict) else None
    if not isinstance(names, list) or not names or not all(
            isinstance(n, str) and n.strip() for n in names):
        raise EventsError(f"{name}: ожидается непустой список строк под ключом municipalities")
    problems = []
    for number, entry in enumerate(names, 1):
        try:  # the names are shown on the form and matched against event files as typed
            check_text(entry)
        except ValueError as error:
            problems.append(f"{name}, municipalities, элемент {number}: {error}")
        else:
            if entry != entry.strip():
                problems.append(f"{name}, municipalities, элемент {number}: пробел в начале или "
                                f"в конце: {shown(entry)}")
    if problems:
        raise EventsError(summarize(problems))
    if len(set(names)) != len(names):
        raise EventsError(f"{name}: в списке municipalities есть повторы")
    return tuple(names)


@dataclass(frozen=True)
class EventSource:
    path: Path
    label: str  # as editors know it: regions/<регион>/events/2026/slug.md
    year: int
    slug: str


# Entries under events/ that are not events and are skipped without a word, as CONTRIBUTING
# says: hidden files (.DS_Store, Emacs' lock link .#x.md, Vim's .x.md.swp) and editors' backups.
_IGNORED = re.compile(r"\..*|#.*#|.*~|.*\.(?:swp|swo|swx|tmp|bak|orig)|Thumbs\.db|desktop\.ini",
                      re.IGNORECASE)
_YEAR_DIR = re.compile(r"[0-9]{4}")
# Names Windows keeps for devices, with any extension: a checkout or the unpacked preview of the
# site (calendar/events/2026/con.ics) fails there.
WINDOWS_RESERVED = re.compile(r"(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\..*)?", re.IGNORECASE)
RESERVED_NAME = ("такое имя файла Windows оставляет для устройств (con, nul, aux, com1…): на "
                 "Windows файл с ним не сохранить и не открыть; назовите файл иначе, например "
                 "по названию мероприятия")
HOW_TO_NAME = ("имя файла — латиница в нижнем регистре, цифры и дефисы, расширение .md, "
               "например den-otkrytyh-dverey.md (из имени — якорь на странице)")


def ignored(name: str) -> bool:
    """Whether an entry of events/ with this name is skipped (see _IGNORED)."""
    return bool(_IGNORED.fullmatch(name))


def _skipped(entry: Path) -> bool:
    """Whether an entry is an editor's file skipped without a word. A hidden folder
    (`.2026/`) or a hidden Markdown file (`.event.md`) may hold an event someone meant to
    publish: those are reported. Emacs' lock link `.#x.md` and the `._x.md` that macOS writes
    beside a file on a USB stick stay skipped."""
    name = entry.name
    if not ignored(name):
        return False
    if entry.is_dir() and not entry.is_symlink():
        return False
    hidden_event = name.startswith(".") and not name.startswith((".#", "._"))
    return not (hidden_event and name.endswith(".md"))


def skipped_files(folder: Path, label: str) -> list[str]:
    """The editors' files under the region folder's events/ that the build skips (`_skipped`),
    as the log names them: skipped, but not without a word."""
    root = folder / EVENTS_DIR
    if not root.is_dir() or root.is_symlink():
        return []
    found = []
    for top in sorted(root.iterdir()):
        entries = [top]
        if top.is_dir() and not top.is_symlink() and not _skipped(top):
            entries = sorted(top.iterdir())
        found.extend(f"{label}/{safe_name(e.relative_to(folder).as_posix())}"
                     for e in entries if _skipped(e))
    return found


def _sources(folder: Path, label: str) -> tuple[list[EventSource], list[str]]:
    """Every event file under the region folder's events/, and a problem for every other entry
    that is not an ignored kind: nothing there is skipped without a word."""
    root = folder / EVENTS_DIR
    sources: list[EventSource] = []
    problems: list[str] = []
    if not root.is_dir():
        return sources, problems
    folder_rule = (f"мероприятие кладут в папку года: {label}/{EVENTS_DIR}/ГГГГ/имя-файла.md "
                   f"(год — четыре цифры, {FIRST_YEAR}–{LAST_YEAR})")
    for top in sorted(root.iterdir()):
        where = f"{label}/{EVENTS_DIR}/{safe_name(top.name)}"
        if _skipped(top):
            continue
        if top.is_symlink() or not top.is_dir():
            problems.append(f"{where}: не папка года; {folder_rule}")
            continue
        if not (_YEAR_DIR.fullmatch(top.name) and FIRST_YEAR <= int(top.name) <= LAST_YEAR):
            # name what is inside, so that an editor finds the files that did not make it
            inside = [e for e in sorted(top.iterdir()) if not _skipped(e)] or [top]
            problems.extend(f"{label}/{safe_name(e.relative_to(folder).as_posix())}: папка "
                            f"«{safe_name(top.name)}» не называется годом; {folder_rule}"
                            for e in inside)
            continue
        for entry in sorted(top.iterdir()):
            where = f"{label}/{EVENTS_DIR}/{top.name}/{safe_name(entry.name)}"
            if _skipped(entry):
                continue
            if entry.is_symlink():
                problems.append(f"{where}: символическая ссылка, а не файл; положите в папку "
                                "сам файл мероприятия")
            elif entry.is_dir():
                problems.append(f"{where}: папка внутри папки года; {folder_rule}")
            elif not entry.is_file():
                problems.append(f"{where}: не обычный файл; {folder_rule}")
            elif entry.suffix != ".md" or not SLUG.fullmatch(entry.stem):
                problems.append(f"{where}: не подходит как файл мероприятия: {HOW_TO_NAME}")
            elif WINDOWS_RESERVED.fullmatch(entry.name):
                problems.append(f"{where}: {RESERVED_NAME}")
            elif len(entry.stem) > SLUG_LENGTH:
                problems.append(f"{where}: имя файла длиннее {SLUG_LENGTH} знаков "
                                f"({len(entry.stem)}); сократите его")
            else:
                sources.append(EventSource(entry, where, int(top.name), entry.stem))
    return sources, problems


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(front matter YAML, body) of a Markdown file that starts with a `---` block, or None."""
    match = re.match(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)(.*)\Z", text, re.S)
    return (match[1] or "", match[2]) if match else None


def _rule(error: dict) -> str:
    """The event_messages rule a pydantic error stands for."""
    problem = (error.get("ctx") or {}).get("error")
    if error["type"] in ("missing", "string_too_short") or error.get("input") is None:
        return "missing"
    if isinstance(problem, Problem):
        return problem.rule
    if error["type"] == "literal_error":
        return "not_listed"
    return "date" if error["type"] == "value_error" else error["type"]


def _describe(error: dict, where: str) -> str:
    """One pydantic error as the build says it: the file and the key for editors, then the
    message a person reads in the form (event_messages)."""
    field = safe_name(".".join(str(p) for p in error["loc"]))
    kind = error["type"]
    if field not in FIELD_WORDS:
        return f"{where}, поле «{field}»: неизвестное поле; допустимые: {', '.join(FIELDS)}"
    problem = (error.get("ctx") or {}).get("error")
    if _rule(error) == "missing":  # editors read «не заполнено», then what the form says
        return f"{where}, поле «{field}» не заполнено: {message('missing', field)}"
    if isinstance(problem, Problem):
        text = _people(problem, field)
        if problem.rule in ("no_such_day", "no_such_time"):  # editors look for what they typed
            text += f"; указано {shown(error['input'])}"
    elif kind == "literal_error":
        accepted = KINDS if field == "kind" else FORMATS
        text = (f"{message('not_listed', field)}: {shown(error['input'])} нет среди допустимых: "
                + "; ".join(quote(a) for a in accepted))
    elif kind == "value_error" and field in ("start", "end"):
        text = (message("date", field, example="ГГГГ-ММ-ДД или ГГГГ-ММ-ДД ЧЧ:ММ (время "
                                               "местное), например 2026-11-12 10:00")
                + f"; указано {shown(error['input'])}")
    else:
        text = f"{label(field)}: {describe_value_error(error)}"
    return f"{where}, поле «{field}»: {text}"


def _people(problem: Problem, field: str) -> str:
    """A Problem from untrusted/description in the words of event_messages."""
    params = dict(problem.params)
    if "character" in params:
        params["character"] = character_name(str(params["character"]))
    return message(problem.rule, field, **params)


def _rules(event: Event, source: EventSource, municipalities: Collection[str],
           municipalities_file: str, broken: list[tuple[str, str]]) -> list[str]:
    """Checks that span fields or need context (the folder's year, the municipality list);
    adds (field, rule) to `broken` for each."""
    where = source.label
    problems = []
    if event.municipality not in municipalities:
        broken.append(("municipality", "not_listed"))
        problems.append(f"{where}, поле «municipality»: {message('not_listed', 'municipality')}: "
                        f"{shown(event.municipality)} нет в списке {municipalities_file}; "
                        "напишите название точно как в списке, например "
                        + " или ".join(f"«{name}»" for name in list(municipalities)[:2]))
    year = source.year
    for field in ("start", "end"):
        day = _day(getattr(event, field))
        if (day.year, day.month) != (year, 11):
            broken.append((field, "not_november"))
            problems.append(f"{where}, поле «{field}»: " + message(
                "not_november", field, day=day_words(day), year=year_suffix(date(year, 11, 1)),
                first=day_words(date(year, 11, 1)), last=day_words(date(year, 11, 30))))
    if _ends(event.end) < _begins(event.start):
        broken.append(("end", "end_before_start"))
        problems.append(f"{where}, поле «end»: {message('end_before_start', 'end')}")
    if event.format in IN_PERSON and not event.address:
        broken.append(("address", "address_needed"))
        problems.append(f"{where}, поле «address»: "
                        + message("address_needed", "address", format=event.format))
    return problems


def parse_event(text: str, source: EventSource, municipalities: Collection[str],
                municipalities_file: str = MUNICIPALITIES_FILE) -> Event:
    where = source.label
    parts = split_front_matter(text)
    if parts is None:
        raise EventsError(f"{where}: файл должен начинаться с заголовка YAML между строками "
                          "«---» (см. пример в CONTRIBUTING.md)")
    front, body = parts
    try:
        raw = load_yaml(front, first_line=2, comment_after_value=False)
    except YamlInputError as error:
        raise EventsError(f"{where}, заголовок, {error}") from None
    if not isinstance(raw, dict):
        raise EventsError(f"{where}: заголовок должен состоять из полей «имя: значение»; "
                          f"обязательные: {', '.join(REQUIRED)}")
    # the three file-derived fields must not be written by hand
    for own in ("slug", "year", "description"):
        if own in raw:
            raise EventsError(f"{where}, поле «{own}»: неизвестное поле; допустимые: "
                              f"{', '.join(FIELDS)} (описание — текст после заголовка)")
    try:
        event = Event.model_validate(raw)
    except ValidationError as error:
        errors = error.errors()
        raise EventsError(summarize([_describe(e, where) for e in errors]),
                          [(".".join(map(str, e["loc"])), _rule(e)) for e in errors]) from None
    broken: list[tuple[str, str]] = []
    problems = _rules(event, source, municipalities, municipalities_file, broken)
    description = body.strip()
    try:
        check_description(description)
    except Problem as error:
        broken.append(("description", error.rule))
        problems.append(f"{where}, описание: {_people(error, 'description')}")
    if problems:
        raise EventsError(summarize(problems), broken)
    return event.model_copy(update={"slug": source.slug, "year": source.year,
                                    "description": description})


def _too_many(sources: list[EventSource], label: str) -> list[str]:
    per_year: dict[int, int] = {}
    for source in sources:
        per_year[source.year] = per_year.get(source.year, 0) + 1
    problems = [f"{label}/{EVENTS_DIR}/{year}: {count} мероприятий, больше {MAX_EVENTS_PER_YEAR} "
                "за год; столько страница мероприятий не покажет быстро — уберите лишние "
                "или объедините повторяющиеся" for year, count in per_year.items()
                if count > MAX_EVENTS_PER_YEAR]
    if len(sources) > MAX_EVENTS:
        problems.append(f"{label}/{EVENTS_DIR}: {len(sources)} мероприятий за все годы, больше "
                        f"{MAX_EVENTS}; перенесите старые годы из папки")
    return problems


def load_events(folder: Path, municipalities: Collection[str], *, label: str,
                municipalities_file: str = MUNICIPALITIES_FILE) -> dict[int, list[Event]]:
    """Every year folder's events under `folder`/events/ (the region folder), as {year: events
    sorted by start}.

    `label` is how messages name `folder` (editors know it as `regions/<регион>`). All bad files
    are reported together, each on its own line, so one build shows every problem.
    """
    sources, problems = _sources(folder, label)
    too_many = _too_many(sources, label)
    if too_many:  # so many files are not read one by one: the count is the message
        raise EventsError(summarize(too_many))
    by_year: dict[int, list[Event]] = {}
    for source in sources:
        try:
            text = read_input(source.path, source.label, MAX_FILE_BYTES)
            event = parse_event(text, source, municipalities, municipalities_file)
        except (EventsError, ValueError) as error:
            problems.append(str(error))
            continue
        by_year.setdefault(source.year, []).append(event)
    if problems:
        raise EventsError(summarize(problems))
    return {year: sorted(events, key=Event.sort_key) for year, events in sorted(by_year.items())}
