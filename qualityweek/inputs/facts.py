"""The site's one data file (data/facts.yml): what cannot be computed, validated at load.

Every fact carries its source. A bad file raises `FactsError` whose message names the file, the
year (for an edition) and the field, so `mkdocs build --strict` stops with a readable reason.
"""

from __future__ import annotations

import re
import types
import typing
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Union
from zoneinfo import ZoneInfo

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field,
                      ValidationError, model_validator)

from ..core.untrusted import check_template, safe_name, shown
from .fields import (SITE_PAGE, CitedUrl, Email, LongText, Phone, Source, Text, TimeZoneName, Url,
                     Year, describe_value_error)
from .yaml_input import YamlInputError, load_yaml

FACTS_FILE = "data/facts.yml"  # as editors know it, from the project folder


class FactsError(ValueError):
    """The data file is missing, unreadable or invalid."""


# The data file is a few kilobytes; a limit keeps a mistaken or hostile one from costing memory.
MAX_FILE_BYTES = 1_000_000


def _iso_date(value: Any) -> date:
    # Dates stay strings in YAML (see yaml_input), so a malformed one is reported, not crashed on.
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"неверная дата {shown(value)}: ожидается ГГГГ-ММ-ДД, например 2027-11-11")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
LinkKey = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Motto(_Model):
    text: Text
    source: Source


class Forum(_Model):
    """The International Forum «Всемирный день качества» of one year. It is held in Moscow and
    the data gives its days only, never a time: a time added here would be Moscow time and would
    have to say so («МСК»), not the region's local time (Region.time_label)."""

    start: IsoDate
    end: IsoDate
    theme: LongText | None = None
    plenary: LongText | None = None
    plenary_source: Source | None = None  # when the plenary's name comes from another source
    cities: Annotated[list[Text], Field(max_length=50)] = []
    registration_url: Url | None = None  # the forum's registration page, once published
    source: Source

    @model_validator(mode="after")
    def _ordered(self) -> Forum:
        if self.end < self.start:
            raise ValueError(f"конец форума (end: {self.end}) раньше начала (start: {self.start})")
        return self


class RegionalDay(_Model):
    """The forum's regional day: never computed, entered only where a source gives it."""

    date: IsoDate
    format: LongText | None = None
    venue: LongText | None = None
    registration: LongText | None = None
    source: Source


class Edition(_Model):
    motto: Motto | None = None
    forum: Forum | None = None
    regional_day: RegionalDay | None = None
    # Registry keys whose per-year URL a source confirms for this year (see links).
    yearly_links: Annotated[list[LinkKey], Field(max_length=20)] = []


class Organization(_Model):
    name: Text
    short_name: Text | None = None
    as_of: Year | None = None
    address: LongText | None = None
    phone: Phone | None = None
    phone_kind: Text | None = None
    email: Email | None = None
    email_purpose: LongText | None = None
    site: Url | None = None
    source: Source


def _with_preposition(value: str) -> str:
    if not re.match(r"(?:в|во|на)\s\S", value):
        raise ValueError(f"{shown(value)}: ожидается предложный падеж с предлогом, "
                         "например «в Пермском крае» или «в Республике Татарстан»")
    return value


class Region(_Model):
    """The region the site is for (from its folder, region.py): its name in the cases
    running text needs, and its time zone."""

    name: Text  # именительный падеж
    genitive: Text  # родительный: «предприятия … области» in the results' press release
    prepositional: Annotated[Text, AfterValidator(_with_preposition)]  # предложный with its preposition: «в … области», «в Республике …»
    timezone: TimeZoneName  # IANA: Europe/Moscow, Asia/Novosibirsk
    time_label: Text  # after a time: «МСК», «местное время (МСК+4)»
    source: Source

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Link(_Model):
    """A registry entry: the stable URL, and a per-year template used only where confirmed."""

    title: LongText
    url: CitedUrl
    # `{year}` and nothing else: str.format would also read `{year.__class__}` or `{0}`
    yearly: Annotated[str, Field(strict=True), AfterValidator(check_template)] | None = None


def _hashtag(value: str) -> str:
    if not re.fullmatch(r"#[0-9A-Za-zА-Яа-яЁё_]{1,40}", value):
        raise ValueError(f"{shown(value)}: ожидается хэштег — «#» и слово из букв и цифр без "
                         "пробелов, до 40 знаков, например «#ДеньКачества»")
    return value


class Hashtag(_Model):
    """The hashtag of Quality Day in Russia, as its organizer uses it: the poster and the share
    picture print it, so a passer-by knows what to look for."""
    text: Annotated[str, Field(strict=True), AfterValidator(_hashtag)]
    source: Source


class Facts(_Model):
    # data/facts.yml holds the national facts; the region folder adds the region, the ministry
    # and its letters' facts (region.py merges them), so `region` is None only in that file
    region: Region | None = None
    links: dict[LinkKey, Link]
    # «contacts:» with nothing under it is no contacts; the missing one is then named by key
    contacts: Annotated[dict[LinkKey, Organization],
                        BeforeValidator(lambda value: {} if value is None else value)]
    editions: dict[Year, Edition]
    hashtag: Hashtag | None = None

    @property
    def hashtag_text(self) -> str | None:
        """«#ДеньКачества», or None when the data gives no hashtag."""
        return self.hashtag.text if self.hashtag else None


def _field_names(loc: tuple, root: type[BaseModel]) -> list[str] | None:
    """The fields a model accepts at `loc` (a pydantic error location), for «unknown field»."""
    node: Any = root
    for part in loc:
        if isinstance(node, type) and issubclass(node, BaseModel):
            if part not in node.model_fields:
                return None
            node = node.model_fields[part].annotation
        else:  # dict[...] value or list item
            args = typing.get_args(node)
            node = args[-1] if args else None
        # unwrap Optional[...] and Annotated[...]
        while typing.get_origin(node) in (Union, types.UnionType, Annotated):
            node = next(a for a in typing.get_args(node) if a is not type(None))
    if isinstance(node, type) and issubclass(node, BaseModel):
        return list(node.model_fields)
    return None


def describe_error(error: dict, path: str, root: type[BaseModel] | None = None) -> str:
    """One pydantic error of the file `path` as «file, year, field: message»; `root` is the
    file's model (default: Facts)."""
    loc = tuple(error["loc"])
    where = [path]
    field = loc
    if loc[-1:] == ("[key]",):
        # pydantic reports a bad mapping key at «<key>.[key]»: the key itself is the problem
        field = loc[:-2]
        noun = "год" if field == ("editions",) else "ключ"
        message = f"{noun} не подходит: {describe_value_error(error)}"
    else:
        if len(loc) >= 2 and loc[0] == "editions":
            where.append(f"год {safe_name(str(loc[1]))}")
            field = loc[2:]
        if error["type"] == "extra_forbidden":
            allowed = _field_names(loc[:-1], root or Facts)
            message = "неизвестное поле" + (f"; допустимые: {', '.join(allowed)}" if allowed else "")
        else:
            message = describe_value_error(error)
    # a model-level check (e.g. start/end order) has no field of its own: name the block
    if field:
        where.append(f"поле «{safe_name('.'.join(str(p) for p in field))}»")
    return ", ".join(where) + f": {message}"


MAX_MESSAGES = 20  # one build reports this many problems at most, and counts the rest


def summarize(lines: list[str]) -> str:
    """Problems one per line; past MAX_MESSAGES, how many more there are."""
    if len(lines) > MAX_MESSAGES:
        lines = [*lines[:MAX_MESSAGES], f"… и ещё {len(lines) - MAX_MESSAGES}"]
    return "\n".join(lines)


def parse_model(text: str, path: str, model: type[BaseModel], keys: str):
    """The YAML `text` of the file named `path` (for messages) validated as `model`; FactsError
    with one line per problem otherwise. `keys` names the top-level keys the file should have."""
    try:
        raw = load_yaml(text)
    except YamlInputError as error:
        raise FactsError(f"{path}, {error}") from None
    if not isinstance(raw, dict):
        raise FactsError(f"{path}: ожидается словарь с ключами {keys}")
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise FactsError(summarize([describe_error(e, path, model)
                                    for e in error.errors()])) from None


def parse_facts(text: str, path: str) -> Facts:
    """Parse and validate the YAML `text` of the data file named `path` (for messages)."""
    facts = parse_model(text, path, Facts, "links, contacts, editions")
    _check_consistency(facts, path)
    return facts


# What the pages print of each national contact, always (participate.md, kit.md, the form's
# rules): required, so a missing one is a message naming it, never «None» on a page. The
# ministry is the region's (region.py), and its address, phone and e-mail are optional.
REQUIRED_CONTACTS = {
    "roskachestvo": ("name", "email", "email_purpose"),
}
REGIONAL_CONTACT = "ministry"


def _missing_contacts(facts: Facts, path: str) -> list[str]:
    problems = []
    if REGIONAL_CONTACT in facts.contacts:
        problems.append(f"{path}, поле «contacts.{REGIONAL_CONTACT}»: министерство региона "
                        "задаётся в папке региона (region.yml, поле «ministry»), не здесь")
    for key, fields in REQUIRED_CONTACTS.items():
        contact = facts.contacts.get(key)
        if contact is None:
            problems.append(f"{path}, поле «contacts.{key}»: обязательное поле не задано "
                            "(его контакты выводят страницы сайта)")
            continue
        problems.extend(f"{path}, поле «contacts.{key}.{field}»: обязательное поле не задано "
                        "(его выводят страницы сайта)"
                        for field in fields if getattr(contact, field) is None)
    return problems


def page_sources(facts: Facts) -> list[tuple[str, str]]:
    """(where, page) of every source that names a page of this site, such as letter-2023.md:
    `where` as messages name it («год 2023, поле «motto.source»»)."""
    found = []
    for key, contact in facts.contacts.items():
        found.append((f"поле «contacts.{key}.source»", contact.source))
    for year, edition in facts.editions.items():
        for block in ("motto", "forum", "regional_day"):
            part = getattr(edition, block)
            for field in ("source", "plenary_source"):
                value = getattr(part, field, None) if part else None
                if value:
                    found.append((f"год {year}, поле «{block}.{field}»", value))
    return [(where, value) for where, value in found if SITE_PAGE.fullmatch(value)]


def check_page_sources(facts: Facts, path: str, docs_dir: Path) -> None:
    """FactsError naming the year and field of a `source:` whose page is not in docs/ (MkDocs
    would only warn, in English, about the page that links to it); the region's own sources,
    its letters among them, are region.py's."""
    problems = [f"{path}, {where}: страницы «{page}» нет в папке {docs_dir.name}/; ожидается "
                "адрес https://… или имя страницы сайта"
                for where, page in page_sources(facts) if not (docs_dir / page).is_file()]
    if problems:
        raise FactsError(summarize(problems))


def _check_consistency(facts: Facts, path: str) -> None:
    """Rules that span fields: dates within their edition's year, known link keys, the contacts
    the pages print."""
    problems = _missing_contacts(facts, path)
    for year, edition in facts.editions.items():
        where = f"{path}, год {year}"
        dated = {}
        if edition.forum:
            dated["forum.start"] = edition.forum.start
            dated["forum.end"] = edition.forum.end
        if edition.regional_day:
            dated["regional_day.date"] = edition.regional_day.date
        for field, day in dated.items():
            if day.year != year:
                problems.append(f"{where}, поле «{field}»: дата {day} не в {year} году")
        if edition.forum and edition.regional_day and not (
                edition.forum.start <= edition.regional_day.date <= edition.forum.end):
            problems.append(f"{where}, поле «regional_day.date»: {edition.regional_day.date} вне "
                            f"дат форума {edition.forum.start}…{edition.forum.end}")
        for key in edition.yearly_links:
            link = facts.links.get(key)
            if link is None or link.yearly is None:
                yearly = sorted(k for k, v in facts.links.items() if v.yearly)
                problems.append(f"{where}, поле «yearly_links»: «{key}» — не ключ с шаблоном "
                                f"по годам; такие ключи: {', '.join(yearly)}")
    if problems:
        raise FactsError(summarize(problems))


def read_input(path: Path, name: str, limit: int) -> str:
    """The UTF-8 text of an editor's file, at most `limit` bytes; ValueError naming `name`."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ValueError(f"{name}: файл больше {limit // 1000} КБ ({size // 1000} КБ)")
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{name}: файл не в кодировке UTF-8") from None
    except OSError as error:
        raise ValueError(f"{name}: не удаётся прочитать файл: {error.strerror}") from None


def load_facts(path: Path, name: str | None = None) -> Facts:
    """Load the data file at `path`; messages call it `name` (as editors know it) or by path."""
    name = name or str(path)
    try:
        text = read_input(path, name, MAX_FILE_BYTES)
    except ValueError as error:
        raise FactsError(str(error)) from None
    return parse_facts(text, name)
