"""The event file's rules for the «Предложить мероприятие» form, from the code that validates
event files (events.py, fields.py, untrusted.py, description.py); no MkDocs imports.

The build writes them as JSON (generated.py) and the form's script
(docs/assets/javascripts/propose-event.js) reads it: field names, required fields, the lists of
kinds, formats and municipalities, the date window, length limits, the character and URL rules.
No list is typed twice; tests/test_propose.py checks that the form and the build accept and
refuse the same inputs with the same messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import get_args

from markupsafe import Markup

from . import untrusted
from .description import _MARKERS, MAX_NESTING
from .events import (EVENTS_DIR, FIELDS, FORMATS, HOW_TO_NAME, IN_PERSON, KINDS, REQUIRED,
                     SLUG, Event)
from .site_data import SiteData

RULES_PATH = "assets/event-rules.json"
SLUG_LENGTH = 60  # a file name a person can still read and type


@dataclass(frozen=True)
class FieldHelp:
    label: str
    hint: str


# Labels and hints as CONTRIBUTING's table says them (the form and its no-script fallback).
HELP = {
    "title": FieldHelp("Название мероприятия", ""),
    "organizer": FieldHelp("Организатор", "название предприятия или организации"),
    "municipality": FieldHelp("Муниципальное образование", "где проходит мероприятие"),
    "kind": FieldHelp("Вид мероприятия", ""),
    "start": FieldHelp("Начало", "дата в ноябре; время московское, можно не указывать"),
    "end": FieldHelp("Конец", "не раньше начала"),
    "format": FieldHelp("Формат", ""),
    "address": FieldHelp("Адрес проведения", "обязателен при формате «очно» и «гибрид»"),
    "url": FieldHelp("Страница мероприятия", "регистрация или подробности, адрес https://…"),
    "contact": FieldHelp("Контакт", "телефон, почта или имя ответственного; необязательно"),
    "description": FieldHelp("Описание", "что увидят гости, запись, условия; абзацы, списки, "
                                         "ссылки https://…; HTML показывается как текст"),
}

# One transliteration for everyone (file names as CONTRIBUTING shows: den-otkrytyh-dverey).
TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
FALLBACK_SLUG = "meropriyatie"


def slug_for(title: str) -> str:
    """The proposed file name (without .md) for a title: transliterated, lower case, words
    joined by hyphens, at most SLUG_LENGTH characters (cut at a hyphen)."""
    latin = "".join(TRANSLIT.get(ch, ch) for ch in title.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    if len(slug) > SLUG_LENGTH:  # cut at the last hyphen that keeps it within the length
        cut = slug[:SLUG_LENGTH + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:SLUG_LENGTH]
    return slug or FALLBACK_SLUG


def _limit(name: str) -> int:
    """The length limit of a text field, from its type's validator (Text or LongText, maybe
    inside `| None`)."""
    def validators(annotation) -> list:
        found = list(getattr(annotation, "__metadata__", ()))
        for arg in get_args(annotation):
            found += validators(arg)
        return found

    field = Event.model_fields[name]
    for meta in [*field.metadata, *validators(field.annotation)]:
        limit = getattr(getattr(meta, "func", None), "keywords", {}).get("limit")
        if limit:
            return limit
    return untrusted.SHORT_TEXT


def _js(pattern: str) -> str:
    """A Python regex as text a JavaScript RegExp (flag «u») reads the same: characters outside
    printable ASCII written as \\uXXXX (the patterns hold control characters and lone
    surrogates, which JSON in UTF-8 cannot carry as they are); beyond U+FFFF as \\u{XXXXX}."""
    return "".join(ch if " " < ch <= "~" else f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF
                   else f"\\u{{{ord(ch):x}}}" for ch in pattern)


def event_rules(year: int, municipalities: tuple[str, ...], *, taken: tuple[str, ...] = (),
                ministry_email: str, repo_url: str | None) -> dict:
    """Everything the form checks and shows, as JSON-ready values."""
    text_fields = [n for n in FIELDS if n not in ("kind", "format", "start", "end", "url",
                                                  "municipality")]
    return {
        "year": year,
        "folder": f"docs/{EVENTS_DIR}/{year}/",
        "fields": list(FIELDS),
        "required": list(REQUIRED),
        "required_in_person": "address",
        "in_person": list(IN_PERSON),
        "kinds": list(KINDS),
        "formats": list(FORMATS),
        "municipalities": list(municipalities),
        "municipalities_file": "data/municipalities.yml",
        "first_day": f"{year}-11-01",
        "last_day": f"{year}-11-30",
        "limits": {name: _limit(name) for name in text_fields},
        "url_length": untrusted.URL_LENGTH,
        "description_length": untrusted.DESCRIPTION_LENGTH,
        "description_brackets": untrusted.DESCRIPTION_BRACKETS,
        "description_nesting": MAX_NESTING,
        "description_markers": _js(_MARKERS.pattern),
        "control": _js(untrusted._CONTROL.pattern),
        "control_multiline": _js(untrusted._CONTROL_IN_MULTILINE.pattern),
        # what Python's str.strip() removes around the description (JavaScript's trim differs)
        "space": _js("".join(chr(c) for c in range(0x3100) if chr(c).isspace())),
        "url_unsafe": "".join(sorted(untrusted._UNSAFE_IN_URL)),
        "host_label": _js(untrusted._HOST_LABEL.pattern),
        "shown_length": untrusted.SHOWN_LENGTH,
        "slug": SLUG.pattern,
        "slug_length": SLUG_LENGTH,
        "slug_fallback": FALLBACK_SLUG,
        "how_to_name": HOW_TO_NAME,
        "translit": TRANSLIT,
        "taken": list(taken),
        "ministry_email": ministry_email,
        # GitHub's «new file» page takes the path and the content in its address
        "new_file_url": (f"{repo_url}/new/main" if repo_url and repo_url.startswith(
            "https://github.com/") else None),
        # what common mail clients accept in a mailto: address (Outlook: about 2000 characters)
        "mailto_length": 2000,
    }


def site_event_rules(data: SiteData) -> dict:
    """The rules for the shown edition's year, with its events' file names already taken."""
    year = data.settings.year
    return event_rules(year, data.municipalities,
                       taken=tuple(e.slug for e in data.events_by_year.get(year, [])),
                       ministry_email=data.facts.contacts["ministry"].email,
                       repo_url=data.settings.repo_url)


def _field(name: str, control: Markup, required: bool) -> Markup:
    help_ = HELP[name]
    hint = (Markup('<span class="qw-form__hint" id="{}-hint">{}</span>').format(name, help_.hint)
            if help_.hint else Markup(""))
    mark = Markup(' <span class="qw-form__required">(обязательно)</span>') if required else ""
    return Markup(
        '<div class="qw-form__field" data-qw-field="{name}">'
        '<label for="qw-{name}">{label}{mark}</label>{hint}{control}'
        '<p class="qw-form__error" id="{name}-error" data-qw-error-for="{name}" hidden></p>'
        "</div>").format(name=name, label=help_.label, mark=mark, hint=hint, control=control)


def _described(name: str) -> str:
    return f"{name}-hint {name}-error" if HELP[name].hint else f"{name}-error"


def form_html(rules: dict) -> Markup:
    """The form (hidden until the script sets it up) with the no-script fallback beside it: a
    list of what to write and the ministry's address. One raw HTML block without blank lines."""
    parts = []
    for name in rules["fields"]:
        required = name in rules["required"]
        attrs = Markup('id="qw-{0}" name="{0}" aria-describedby="{1}"').format(
            name, _described(name))
        if name in ("municipality", "kind", "format"):
            options = {"municipality": rules["municipalities"], "kind": rules["kinds"],
                       "format": rules["formats"]}[name]
            control = Markup('<select {}><option value="">— выберите —</option>{}</select>').format(
                attrs, Markup("").join(Markup('<option>{}</option>').format(o) for o in options))
        elif name in ("start", "end"):
            control = Markup(
                '<span class="qw-form__when"><input type="date" {attrs} min="{first}" '
                'max="{last}"><input type="time" id="qw-{name}-time" name="{name}-time" '
                'aria-label="{label}: время (необязательно)" aria-describedby="{name}-error">'
                "</span>").format(attrs=attrs, first=rules["first_day"], last=rules["last_day"],
                                  name=name, label=HELP[name].label)
        else:
            kind = "url" if name == "url" else "text"
            control = Markup('<input type="{}" {} autocomplete="off">').format(kind, attrs)
        parts.append(_field(name, control, required))
    parts.append(_field("description", Markup(
        '<textarea id="qw-description" name="description" rows="8" '
        'aria-describedby="description-hint description-error"></textarea>'), False))
    fields = Markup("").join(parts)
    fallback = Markup("").join(
        Markup("<li><code>{}</code>{}: {}</li>").format(
            name, Markup(" (обязательно)") if name in rules["required"] else "",
            HELP[name].label + (f", {HELP[name].hint}" if HELP[name].hint else ""))
        for name in [*rules["fields"], "description"])
    return Markup(
        '<div class="qw-propose" data-qw-propose data-qw-rules="{rules_url}">'
        '<div class="qw-propose__fallback" data-qw-fallback>'
        "<p>Форма работает, когда в браузере включены скрипты. Без них напишите о мероприятии "
        'на <a href="mailto:{email}">{email}</a>, указав:</p><ul>{fallback}</ul></div>'
        '<form class="qw-form" data-qw-form hidden novalidate>{fields}'
        '<div class="qw-form__field"><label for="qw-file-name">Имя файла</label>'
        '<span class="qw-form__hint" id="file-name-hint">{folder}…; предлагается по названию, '
        "можно изменить</span>"
        '<input type="text" id="qw-file-name" name="file-name" autocomplete="off" '
        'aria-describedby="file-name-hint file-name-error">'
        '<p class="qw-form__error" id="file-name-error" data-qw-error-for="file-name" hidden></p>'
        "</div>"
        '<p class="qw-form__status" data-qw-status role="status" aria-live="polite"></p>'
        '<label for="qw-event-file">Файл мероприятия <code data-qw-path></code></label>'
        '<textarea id="qw-event-file" name="event-file" rows="16" readonly></textarea>'
        '<div class="qw-form__actions">'
        '<a class="md-button md-button--primary" data-qw-send href="#">Отправить в министерство</a>'
        '<a class="md-button" data-qw-download href="#">Скачать файл</a>'
        '<a class="md-button" data-qw-github href="#" hidden>Открыть запрос на GitHub</a>'
        "</div></form></div>").format(
            rules_url=rules["rules_url"], email=rules["ministry_email"], fallback=fallback,
            fields=fields, folder=rules["folder"])


def rules_with_url(rules: dict, url: str) -> dict:
    """The rules plus where the page finds their JSON (for form_html)."""
    return {**rules, "rules_url": url}
