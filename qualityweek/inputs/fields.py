"""Field types shared by the data file and the event files, and their messages in Russian.

Every text field is plain text of bounded length without control characters; every URL goes
through `untrusted.check_url`. YAML hands over strings as typed (`yaml_input`), so a message can
quote the typed value; `got` says what came instead of a string.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, partial
from typing import Annotated, Any
from zoneinfo import available_timezones

from pydantic import AfterValidator, BeforeValidator, Field

from ..core.calendar import FIRST_YEAR, LAST_YEAR
from ..core.typography import russian_quotes
from ..core.untrusted import (IGNORABLE, LONG_TEXT, Problem, check_text, check_url, is_email,
                              shown)


def _filled(value: str) -> str:
    """A value of only spaces (NBSP and other Unicode spaces too) is an empty value: it would
    make an empty card heading or line."""
    if not value.strip():
        raise Problem(f"не заполнено: только пробелы {shown(value)}", "missing")
    return value


Text = Annotated[str, Field(min_length=1, strict=True), AfterValidator(check_text),
                 AfterValidator(_filled)]
LongText = Annotated[str, Field(min_length=1, strict=True),
                     AfterValidator(partial(check_text, limit=LONG_TEXT)), AfterValidator(_filled)]


def has_letters(value: str) -> str:
    """A name says something: at least one letter or digit (not only emoji, dashes or spaces)."""
    if not any(unicodedata.category(ch)[0] in "LN" for ch in value):
        raise Problem(f"нет ни одной буквы или цифры: {shown(value)}", "no_letters")
    return value


def no_ignorables(value: str) -> str:
    """A name holds no character that shows nothing (untrusted.IGNORABLE: a soft hyphen, a word
    joiner, a variation selector…): with one, «ООО «Пример»» would look the same and count as
    another organizer."""
    found = IGNORABLE.search(value)
    if found:
        raise Problem(f"невидимый знак U+{ord(found[0]):04X} в {shown(value)}: уберите его",
                      "character", character=found[0])
    return value


# A title or an organizer: text with at least one letter or digit and nothing invisible. Typed straight quotes become
# «ёлочки» here, once, so cards, the calendar and the tables all show the same name.
Name = Annotated[str, Field(min_length=1, strict=True), AfterValidator(check_text),
                 AfterValidator(no_ignorables), AfterValidator(_filled),
                 AfterValidator(has_letters),
                 AfterValidator(russian_quotes)]
# A page of the web: https with a host (see untrusted.check_url).
Url = Annotated[str, Field(strict=True), AfterValidator(check_url)]
# Some cited public pages exist only over plain http; a citation keeps the address it was read at.
CitedUrl = Annotated[str, Field(strict=True),
                     AfterValidator(partial(check_url, schemes=("https", "http")))]

SITE_PAGE = re.compile(r"[a-z0-9-]+\.md", re.ASCII)


def _source(value: str) -> str:
    if SITE_PAGE.fullmatch(value):
        return value
    if re.match(r"[a-z]+:", value, re.I):
        return check_url(value, schemes=("https", "http"))
    raise ValueError(f"{shown(value)}: ожидается адрес https://… или страница сайта вроде "
                     "letter-2023.md")


# A source is a public page (http or https) or a page of this site, such as the archived letter.
Source = Annotated[str, Field(strict=True), AfterValidator(_source)]


def _email(value: str) -> str:
    if not is_email(value):
        raise ValueError(f"{shown(value)}: ожидается адрес почты вида name@example.ru")
    return value


Email = Annotated[str, Field(strict=True), AfterValidator(_email)]
Phone = Annotated[str, Field(pattern=r"^\+7 \([0-9]{3,5}\) [0-9-]{5,9}$", strict=True)]


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _time_zone(value: str) -> str:
    # a name from the tz database's list, never a path zoneinfo would try to open
    if value not in _zones():
        raise ValueError(f"неизвестный часовой пояс {shown(value)}: ожидается название из базы "
                         "IANA, например Europe/Moscow или Asia/Novosibirsk")
    return value


TimeZoneName = Annotated[str, Field(strict=True), AfterValidator(_time_zone)]


def _year(value: Any) -> int:
    """A year as typed: four ASCII digits (YAML keeps `2027` and `'2027'` alike as text)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}", value):
        if FIRST_YEAR <= int(value) <= LAST_YEAR:
            return int(value)
        raise ValueError(f"год {shown(value)} вне диапазона {FIRST_YEAR}–{LAST_YEAR}")
    raise ValueError(f"{shown(value)}: ожидается год из четырёх цифр, например 2027")


Year = Annotated[int, BeforeValidator(_year)]

MESSAGES = {
    "missing": "обязательное поле не задано",
    "string_type": "ожидается строка",
    "list_type": "ожидается список, например [Москва, Уфа]",
    "dict_type": "ожидается словарь (поля с отступом)",
    "model_type": "ожидается словарь (поля с отступом)",
    "model_attributes_type": "ожидается словарь (поля с отступом)",
    "string_too_short": "пустая строка",
    "string_pattern_mismatch": "значение не в том формате",
    "too_long": "слишком много элементов",
}


def got(value: Any) -> str:
    """What came instead of the expected value, for a message."""
    if value is None:
        return "значение пустое"
    if isinstance(value, list):
        return "получен список: если это текст, возьмите его в кавычки"
    if isinstance(value, dict):
        return "получен словарь «поле: значение»: если это текст, возьмите его в кавычки"
    return f"получено: {shown(value)}"


def describe_value_error(error: dict) -> str:
    """The message of one pydantic error, without its location."""
    kind = error["type"]
    if kind == "missing":
        return MESSAGES[kind]
    if error.get("input") is None and kind in ("string_type", "string_too_short"):
        return "не заполнено"  # «title:» with nothing after it
    if kind in MESSAGES:
        return f"{MESSAGES[kind]} ({got(error.get('input'))})"
    return str(error["msg"]).removeprefix("Value error, ")
