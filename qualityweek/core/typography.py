"""Russian dates and quotes, typeset for the web.

Month and weekday names and the «г.» pattern come from Babel's CLDR data (no hand tables).
Non-breaking spaces keep «9 ноября» and «2023 г.» together; ranges of numbers take an unspaced
en dash («6–12 ноября»), ranges of words a spaced em dash («29 октября — 4 ноября»), as in
Russian typography (Мильчин, «Справочник издателя и автора»).
"""

from __future__ import annotations

import re
from datetime import date

from babel.dates import format_date

LOCALE = "ru_RU"
NBSP = "\u00a0"
# En dash, unspaced, between numbers; the word joiner (U+2060) forbids the line break that
# browsers allow after a dash, which split «10–» and «14 ноября» across lines on a phone.
NUMBER_DASH = "\u2013\u2060"
WORD_DASH = f"{NBSP}\u2014 "  # em dash between words; the NBSP keeps it off the start of a line


def _babel(day: date, pattern: str) -> str:
    # CLDR writes a narrow no-break space (U+202F) before «г.»; we use one kind of NBSP throughout.
    return format_date(day, pattern, locale=LOCALE).replace("\u202f", NBSP).replace(" ", NBSP)


def day_month(day: date) -> str:
    """«9 ноября» (month in the genitive, as CLDR's format context gives it)."""
    return _babel(day, "d MMMM")


def year_suffix(day: date) -> str:
    """«2023 г.»"""
    return _babel(day, "y 'г'.")


def weekday(day: date) -> str:
    """«четверг»"""
    return _babel(day, "EEEE")


def short_weekday(day: date) -> str:
    """«чт»"""
    return _babel(day, "EEEEEE")


def format_day(day: date, *, with_weekday: bool = False, with_year: bool = True) -> str:
    """«9 ноября 2023 г.», «четверг, 9 ноября 2023 г.», «9 ноября»."""
    text = day_month(day)
    if with_year:
        text = f"{text} {year_suffix(day)}"
    if with_weekday:
        text = f"{weekday(day)}, {text}"
    return text


def format_range(start: date, end: date, *, with_year: bool = True) -> str:
    """«6–12 ноября 2023 г.», «29 октября — 4 ноября 2029 г.», «30 декабря 2029 г. — 5 января 2030 г.».

    A range across two years always names both years, `with_year` or not: it would be ambiguous.
    """
    if end < start:
        raise ValueError(f"конец диапазона {end.isoformat()} раньше начала {start.isoformat()}")
    if start == end:
        return format_day(start, with_year=with_year)
    if start.year != end.year:
        return f"{format_day(start)}{WORD_DASH}{format_day(end)}"
    if start.month == end.month:
        text = f"{start.day}{NUMBER_DASH}{day_month(end)}"
    else:
        text = f"{day_month(start)}{WORD_DASH}{day_month(end)}"
    return f"{text} {year_suffix(end)}" if with_year else text


_ABBREVIATION = re.compile(r"(?<!\w)(ул|г|д|пр|пл|пер|обл)\. ")


def glue(text: str) -> str:
    """Non-breaking spaces where Russian typography wants them in running text from data:
    after short abbreviations («ул. Карла Либкнехта», «г. Энск») and before a dash."""
    text = _ABBREVIATION.sub(lambda match: f"{match.group(1)}.{NBSP}", text)
    return text.replace(" —", f"{NBSP}—").replace(" –", f"{NBSP}–")


# A page's HTML split into tags and text; text inside these elements is code, not prose.
_TAG = re.compile(r"(<[a-zA-Z/!][^>]*>)")
_VERBATIM = re.compile(r"<(/?)(pre|code|script|style|textarea|kbd|samp)\b", re.IGNORECASE)
_SPACE_BEFORE_DASH = re.compile(r"[ \t\r\n]+(?=—)")
_INLINE_END = re.compile(r"</(a|abbr|b|code|em|i|kbd|mark|q|s|small|span|strong|sub|sup)>",
                         re.IGNORECASE)


def nbsp_before_dashes(html: str) -> str:
    """A rendered page's prose with a non-breaking space before every em dash, so that no line
    starts with «—» (editors type a plain space or a line break there); code is left alone."""
    parts = _TAG.split(html)
    depth = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            verbatim = _VERBATIM.match(part)
            if verbatim:
                depth = max(0, depth + (-1 if verbatim.group(1) else 1))
        elif depth == 0 and "—" in part:
            # at the start of a text node the dash follows a tag: glue it to inline text only
            after_inline = index > 0 and _INLINE_END.fullmatch(parts[index - 1]) is not None
            parts[index] = _SPACE_BEFORE_DASH.sub(
                lambda m: NBSP if m.start() > 0 or after_inline else m.group(), part)
    return "".join(parts)


# A pair of straight or English quotes as people type them («"Ромашка"», «“Ромашка”», «„Ромашка“»);
# the form's script reads the same pattern from the rules JSON (event_rules.py).
TYPED_QUOTES = re.compile(r'[“„"]([^“”„"\n]*)[”“"]')


def russian_quotes(text: str) -> str:
    """Typed pairs of quotes as «ёлочки»: «ООО "Ромашка"» is «ООО «Ромашка»»."""
    return TYPED_QUOTES.sub(r"«\1»", text)


def quote(text: str) -> str:
    """«ёлочки» around `text`; inner quotes become „лапки“, as Russian typography nests them."""
    inner = text.replace("«", "„").replace("»", "“")
    return f"«{inner}»"
