"""What a person reads when an event does not pass: one message per rule, in the form's words.

The «Предложить мероприятие» form (docs/assets/javascripts/propose-event.js, through the rules
JSON) and the build (events.py) say the same thing for the same rule: the field's label
(«Название мероприятия», «Начало»), dates in words («3 декабря 2026 г.»), characters named in
words («знак табуляции»), never a file key or a code point. The build adds, for editors, the
file and the key in front. No MkDocs imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from babel.dates import get_day_names, get_month_names

from . import typography
from .script_patterns import js_pattern


@dataclass(frozen=True)
class FieldWords:
    label: str
    hint: str
    missing: str  # what to do when the field is empty (GOV.UK: «Введите…», «Выберите…»)


# Every message of a field names its label (tests/test_propose.py checks that).
FIELD_WORDS = {
    "title": FieldWords("Название мероприятия", "", "Введите название мероприятия"),
    "organizer": FieldWords("Организатор", "название предприятия или организации",
                            "Укажите организатора: предприятие или организацию"),
    "municipality": FieldWords("Муниципальное образование", "где проходит мероприятие",
                               "Выберите муниципальное образование"),
    "kind": FieldWords("Вид мероприятия", "", "Выберите вид мероприятия"),
    "start": FieldWords("Начало", "дата в ноябре; время местное, можно не указывать",
                        "Укажите начало: дату в ноябре"),
    "end": FieldWords("Конец", "не раньше начала; для мероприятия в один день — та же дата",
                      "Укажите конец: дату, когда мероприятие заканчивается"),
    "format": FieldWords("Формат", "", "Выберите формат"),
    "address": FieldWords("Адрес проведения", "улица и дом, где ждут гостей",
                          "Адрес проведения: укажите, где проходит мероприятие"),
    "url": FieldWords("Страница мероприятия",
                      "где можно записаться или прочитать подробности: адрес https://…",
                      "Страница мероприятия: введите адрес, который начинается с https://"),
    "contact": FieldWords("Контакт", "телефон, почта или имя ответственного", ""),
    "description": FieldWords("Описание", "что увидят гости, как записаться, условия. Абзацы "
                                          "отделяйте пустой строкой; пункты списка начинайте "
                                          "с «- »", ""),
}

# One template per rule; {label} is the field's label, the other names are the rule's own.
TEMPLATES = {
    "missing": "{missing}",
    "too_long": "{label}: не длиннее {limit} знаков, сейчас {length} — сократите текст",
    "line_break": "{label}: напишите в одну строку, без переносов",
    "character": "{label}: уберите {character}; такие знаки попадают в текст при копировании "
                 "из другой программы",
    "reference": "{label}: уберите запись {reference} — она даёт {character}",
    "no_letters": "{label}: напишите словами, нужна хотя бы одна буква или цифра",
    "not_listed": "{label}: выберите значение из списка",
    "date": "{label}: укажите дату в виде {example}",
    "date_space": "{label}: в дате особый пробел (например, неразрывный), он выглядит как "
                  "обычный — наберите дату заново, с обычным пробелом перед временем",
    "no_such_day": "{label}: такого дня нет — проверьте число и месяц",
    "no_such_time": "{label}: такого времени нет — часы от 00 до 23, минуты от 00 до 59",
    "not_november": "{label}: укажите дату в ноябре {year}, с {first} по {last}; сейчас "
                    "указано {day}",
    "end_before_start": "{label}: раньше начала — проверьте даты и время",
    "address_needed": "{label}: укажите, где проходит мероприятие — для формата «{format}» "
                      "адрес нужен",
    "url_long": "{label}: адрес длиннее {limit} знаков — дайте ссылку покороче",
    "url_characters": "{label}: в адресе не должно быть пробелов, кавычек и скобок — "
                      "скопируйте его из адресной строки браузера",
    "url_unreadable": "{label}: адрес не читается — скопируйте его из адресной строки браузера",
    "url_http": "{label}: нужен защищённый адрес, который начинается с https://, а не с http://",
    "url_scheme": "{label}: адрес должен начинаться с https://",
    "url_relative": "{label}: введите адрес полностью, начиная с https://, например "
                    "https://example.ru/den-kachestva",
    "url_no_host": "{label}: после https:// должно идти имя сайта, например example.ru",
    "url_user": "{label}: уберите из адреса имя пользователя и пароль (часть до «@»)",
    "url_host": "{label}: проверьте имя сайта в адресе, например example.ru",
    "url_port": "{label}: проверьте число после двоеточия в имени сайта",
    "url_lookalike": "{label}: в имени сайта смешаны буквы разных алфавитов или есть знаки, "
                     "похожие на другие буквы, точку или косую черту, — так выглядят поддельные "
                     "адреса. Скопируйте адрес из адресной строки браузера",
    "brackets": "{label}: не больше {limit} квадратных скобок «[», сейчас {count} — "
                "сократите число ссылок",
    "nesting": "{label}: в строке {line} списки или цитаты вложены глубже {limit} уровней",
}

# Characters the site refuses in text, named in words; the first class that matches names it.
# The last entry catches every other refused character (untrusted.CONTROL).
CHARACTER_NAMES = (
    ("\t", "знак табуляции"),
    ("\n\r", "перевод строки"),
    ("\x0b", "разрыв строки из Word (Shift+Enter)"),
    ("\x0c", "разрыв страницы"),
    ("\x1b", "служебный знак ESC"),
    ("\x7f", "служебный знак DEL"),
    ("\x85", "перевод строки старых кодировок (NEL)"),
    ("\u2028", "невидимый разделитель строк"),
    ("\u2029", "невидимый разделитель абзацев"),
    ("\u200b", "пробел нулевой ширины"),
    ("\u00ad", "мягкий перенос (невидимый знак переноса)"),
    ("\u2060", "невидимый знак, запрещающий перенос строки"),
    ("\u034f", "невидимый соединитель знаков"),
    ("\ufe00-\ufe0f\U000e0100-\U000e01ef", "невидимый выбор начертания (вариант знака)"),
    ("\u200c\u200d", "невидимый соединитель букв"),
    ("\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069", "невидимый знак направления текста"),
    ("\ufeff", "невидимый знак BOM"),
    ("\u115f\u1160\u3164\uffa0", "невидимая корейская буква-заполнитель"),
    ("\U000e0000-\U000e007f", "невидимый знак-метка"),
    ("\ue000-\uf8ff\U000f0000-\U0010ffff", "знак из личной области шрифта (каждый шрифт "
                                          "покажет его по-своему)"),
    ("\ud800-\udfff", "повреждённый знак"),
    ("\ufffe\uffff", "недопустимый знак"),
    ("\x00-\x1f\x80-\x9f", "невидимый служебный знак"),
)
OTHER_CHARACTER = "невидимый знак"
_CHARACTER_CLASSES = tuple((re.compile(f"[{chars}]"), name) for chars, name in CHARACTER_NAMES)


def character_name(ch: str) -> str:
    """«знак табуляции», «невидимый знак направления текста», …"""
    for pattern, name in _CHARACTER_CLASSES:
        if pattern.match(ch):
            return name
    return OTHER_CHARACTER


def named_character(ch: str) -> str:
    """A refused character for an editor: its name in words, as the form says it, and its code
    point, to find it in an editor: «служебный знак ESC (U+001B)»."""
    return f"{character_name(ch)} (U+{ord(ch):04X})"


def label(field: str) -> str:
    return FIELD_WORDS[field].label


def message(rule: str, field: str, **params: object) -> str:
    """The message a person reads for `rule` broken in `field`."""
    words = FIELD_WORDS[field]
    return TEMPLATES[rule].format(label=words.label, missing=words.missing, **params)


def day_words(day: date) -> str:
    """«3 декабря 2026 г.», with the site's non-breaking spaces."""
    return typography.format_day(day)


def words_for_script() -> dict:
    """Everything the form's script needs to say the same: labels, hints, templates, character
    names (as JavaScript regex classes), and Babel's month and weekday names for dates."""
    months = get_month_names("wide", context="format", locale=typography.LOCALE)
    weekdays = get_day_names("wide", context="format", locale=typography.LOCALE)
    return {
        "fields": {name: {"label": w.label, "hint": w.hint, "missing": w.missing}
                   for name, w in FIELD_WORDS.items()},
        "templates": TEMPLATES,
        "characters": [[js_pattern(f"[{chars}]"), name] for chars, name in CHARACTER_NAMES],
        "other_character": OTHER_CHARACTER,
        "months": [months[m] for m in range(1, 13)],
        # JavaScript's getDay(): 0 is Sunday; Babel's 0 is Monday
        "weekdays": [weekdays[(d + 6) % 7] for d in range(7)],
        "nbsp": typography.NBSP,
        "number_dash": typography.NUMBER_DASH,
        "word_dash": typography.WORD_DASH,
    }
