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

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from .calendar import FIRST_YEAR, LAST_YEAR


class FactsError(ValueError):
    """The data file is missing, unreadable or invalid."""


def _iso_date(value: Any) -> date:
    # Dates stay strings in YAML (see _Loader), so a malformed one is reported, not crashed on.
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"неверная дата {value!r}: ожидается ГГГГ-ММ-ДД, например 2027-11-11")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Text = Annotated[str, Field(min_length=1, strict=True)]
# A source is a public page (http or https) or a page of this site, such as the archived letter.
Source = Annotated[str, Field(pattern=r"^(https?://\S+|[a-z0-9-]+\.md)$", strict=True)]
Url = Annotated[str, Field(pattern=r"^https://\S+$", strict=True)]
# Some cited public pages exist only over plain http; a citation keeps the address it was read at.
CitedUrl = Annotated[str, Field(pattern=r"^https?://\S+$", strict=True)]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", strict=True)]
Phone = Annotated[str, Field(pattern=r"^\+7 \(\d{3,5}\) [\d-]{5,9}$", strict=True)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Motto(_Model):
    text: Text
    source: Source


class Forum(_Model):
    """The International Forum «Всемирный день качества» of one year."""

    start: IsoDate
    end: IsoDate
    theme: Text | None = None
    plenary: Text | None = None
    cities: list[Text] = []
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
    format: Text | None = None
    venue: Text | None = None
    registration: Text | None = None
    source: Source


class Edition(_Model):
    motto: Motto | None = None
    forum: Forum | None = None
    regional_day: RegionalDay | None = None
    # Registry keys whose per-year URL a source confirms for this year (see links).
    yearly_links: list[Text] = []


class Organization(_Model):
    name: Text
    short_name: Text | None = None
    as_of: int | None = Field(default=None, strict=True, ge=FIRST_YEAR, le=LAST_YEAR)
    address: Text | None = None
    phone: Phone | None = None
    phone_kind: Text | None = None
    email: Email | None = None
    email_purpose: Text | None = None
    source: Source


class Link(_Model):
    """A registry entry: the stable URL, and a per-year template used only where confirmed."""

    title: Text
    url: CitedUrl
    yearly: Annotated[str, Field(pattern=r"^https://\S*\{year\}\S*$", strict=True)] | None = None


class Facts(_Model):
    links: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], Link]
    contacts: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], Organization]
    editions: dict[Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)], Edition]


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings, so that validation reports bad ones itself
    (PyYAML would raise a bare ValueError on «2023-11-31»), and refuses a key given twice
    (PyYAML would keep the last one, and a year's facts would silently vanish)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"ключ {key!r} повторяется", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _field_names(loc: tuple) -> list[str] | None:
    """The fields a model accepts at `loc` (a pydantic error location), for «unknown field»."""
    node: Any = Facts
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


_MESSAGES = {
    "missing": "обязательное поле не задано",
    "string_type": "ожидается строка",
    "int_type": "ожидается целое число",
    "int_parsing": "ожидается целое число",
    "list_type": "ожидается список, например [Москва, Уфа]",
    "dict_type": "ожидается словарь (поля с отступом)",
    "model_type": "ожидается словарь (поля с отступом)",
    "string_too_short": "пустая строка",
    "string_pattern_mismatch": "значение не в том формате",
}


def _describe(error: dict, path: str) -> str:
    loc = tuple(error["loc"])
    where = [path]
    field = loc
    if len(loc) >= 2 and loc[0] == "editions":
        where.append(f"год {loc[1]}")
        field = loc[2:]
    if field[-1:] == ("[key]",):
        # pydantic reports a bad mapping key at «<key>.[key]»: the key itself is the problem
        field = field[:-2]
        message = f"ключ {loc[-2]!r} не подходит: {error['msg']}"
        if loc[0] == "editions":
            message = (f"год вне диапазона {FIRST_YEAR}–{LAST_YEAR}"
                       if error["type"].startswith(("greater", "less")) else
                       "ожидается год из четырёх цифр, например 2027")
    elif error["type"] == "extra_forbidden":
        allowed = _field_names(loc[:-1])
        message = "неизвестное поле" + (f"; допустимые: {', '.join(allowed)}" if allowed else "")
    elif error["type"] == "missing":  # nothing was given, so there is no input to quote
        message = _MESSAGES["missing"]
    elif error["type"] in _MESSAGES:
        message = f"{_MESSAGES[error['type']]} (получено: {error.get('input')!r})"
    else:
        message = error["msg"].removeprefix("Value error, ")
    # a model-level check (e.g. start/end order) has no field of its own: name the block
    if field:
        where.append(f"поле «{'.'.join(str(p) for p in field)}»")
    return ", ".join(where) + f": {message}"


def parse_facts(text: str, path: str) -> Facts:
    """Parse and validate the YAML `text` of the data file named `path` (for messages)."""
    try:
        raw = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.YAMLError as error:
        raise FactsError(f"{path}: не читается как YAML: {error}") from None
    if not isinstance(raw, dict):
        raise FactsError(f"{path}: ожидается словарь с ключами links, contacts, editions")
    try:
        facts = Facts.model_validate(raw)
    except ValidationError as error:
        lines = [_describe(e, path) for e in error.errors()]
        raise FactsError("\n".join(lines)) from None
    _check_consistency(facts, path)
    return facts


def _check_consistency(facts: Facts, path: str) -> None:
    """Rules that span fields: dates within their edition's year, known link keys."""
    problems = []
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
        raise FactsError("\n".join(problems))


def load_facts(path: Path, name: str | None = None) -> Facts:
    """Load the data file at `path`; messages call it `name` (as editors know it) or by path."""
    name = name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise FactsError(f"{name}: не удаётся прочитать файл данных: {error.strerror}") from None
    return parse_facts(text, name)
