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
from typing import get_args
from urllib.parse import quote as quote_url

from markupsafe import Markup

from ..core import untrusted
from ..core.description import HOST_END, LINK_HOST, MARKERS, MAX_NESTING, REFERENCE
from ..core.event_messages import FIELD_WORDS, words_for_script
from ..core.hosts import script_tables
from ..core.places import municipality_pattern
from ..core.repository import Repository
from ..core.script_patterns import js_pattern, js_words
from ..core.typography import TYPED_QUOTES, quote
from ..inputs.events import (EVENTS_DIR, FIELDS, FORMATS, IN_PERSON, KINDS, REQUIRED, SLUG,
                             WINDOWS_RESERVED, Event)
from ..inputs.fields import has_letters
from .proposals import Recipient

RULES_PATH = "assets/event-rules.json"
NO_ADDRESS = "Адрес для предложений на сайте пока не опубликован"
# after «Текст скопирован: » or «Файл сохранён: » where there is no address yet
LATER = ("когда адрес для предложений появится на странице «Контакты» (пока он не опубликован), "
         "отправьте его туда.")
SUBJECT = "Мероприятие Недели качества"
MAILTO_LENGTH = 1800
SLUG_LENGTH = 60  # a file name a person can still read and type


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
    joined by hyphens, at most SLUG_LENGTH characters (cut at a hyphen). Characters that show
    nothing (a soft hyphen) are not a word break; a name Windows keeps for a device («Con»)
    gets FALLBACK_SLUG after it."""
    latin = "".join(TRANSLIT.get(ch, ch) for ch in untrusted.without_ignorables(title).lower())
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    if len(slug) > SLUG_LENGTH:  # cut at the last hyphen that keeps it within the length
        cut = slug[:SLUG_LENGTH + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:SLUG_LENGTH]
    if WINDOWS_RESERVED.fullmatch(slug):
        slug = f"{slug}-{FALLBACK_SLUG}"
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


def _named(name: str) -> bool:
    """Whether a field is a fields.Name (it must hold a letter or a digit)."""
    return any(getattr(meta, "func", None) is has_letters
               for meta in Event.model_fields[name].metadata)


def event_rules(year: int, municipalities: tuple[str, ...], *, taken: tuple[str, ...] = (),
                to: Recipient, repo: Repository | None, zone_label: str,
                region_label: str) -> dict:
    """Everything the form checks and shows, as JSON-ready values; `to` receives the proposals
    (proposals.py); `zone_label` names the region's local time after a time in the preview
    («МСК»); `repo` (None without one) gives the «new file» page of the repository's platform;
    `region_label` is the region folder («regions/<регион>»), whose events/<год>/ the event
    file goes to."""
    text_fields = [n for n in FIELDS if n not in ("kind", "format", "start", "end", "url",
                                                  "municipality")]
    folder = f"{region_label}/{EVENTS_DIR}/{year}/"
    new_file = repo.new_file(folder) if repo else None
    return {
        "year": year,
        "folder": folder,
        "fields": list(FIELDS),
        "required": list(REQUIRED),
        "in_person": list(IN_PERSON),
        "kinds": list(KINDS),
        "formats": list(FORMATS),
        "municipalities": list(municipalities),
        "first_day": f"{year}-11-01",
        "last_day": f"{year}-11-30",
        "limits": {name: _limit(name) for name in text_fields},
        "url_length": untrusted.URL_LENGTH,
        "description_length": untrusted.DESCRIPTION_LENGTH,
        "description_brackets": untrusted.DESCRIPTION_BRACKETS,
        "description_nesting": MAX_NESTING,
        "description_markers": js_pattern(MARKERS.pattern),
        "description_reference": js_pattern(REFERENCE.pattern),
        "control": js_pattern(untrusted.CONTROL.pattern),
        "control_multiline": js_pattern(untrusted.CONTROL_IN_MULTILINE.pattern),
        # what Python's str.strip() removes around the description (JavaScript's trim differs)
        "space": js_pattern("".join(chr(c) for c in range(0x3100) if chr(c).isspace())),
        "url_unsafe": "".join(sorted(untrusted.UNSAFE_IN_URL)),
        "host_label": js_pattern(untrusted.HOST_LABEL.pattern),
        # look-alike site names (hosts.py): the scripts a label may be written in, and so on
        "hosts": script_tables(),
        "link_host": js_pattern(LINK_HOST.pattern),
        "host_end": js_pattern(HOST_END.pattern),
        # characters that show nothing: refused in names, ignored in the file name
        "ignorable": untrusted.IGNORABLE_PATTERN,
        "reserved": WINDOWS_RESERVED.pattern,
        "slug": SLUG.pattern,
        "slug_length": SLUG_LENGTH,
        "slug_fallback": FALLBACK_SLUG,
        "translit": TRANSLIT,
        "taken": list(taken),
        "to_email": to.email,  # None when the region folder gives no address
        "to_who": to.who,
        "to_ministry": to.ministry,
        # where the copied text and the saved file go, after «Текст скопирован: »
        "copied_to": (f"вставьте его в новое письмо на {to.email} и отправьте." if to.email
                      else LATER),
        "saved_to": f"приложите его к письму на {to.email}." if to.email else LATER,
        # the fields that must hold a letter or a digit (fields.Name)
        "named": [n for n in FIELDS if _named(n)],
        "zone_label": zone_label,
        # «Где» leaves out the municipality an address already names (places.py)
        "names_municipality": {m: js_words(municipality_pattern(m).pattern)
                               for m in municipalities},
        "subject": SUBJECT,
        # the proposal is a letter first (the form's labels, dates in words), then the event
        # file under this line, for the site's editor ({path}: where the file goes)
        "heading": f"Предлагаем мероприятие для сайта Недели качества {year} года.",
        "editor_line": "Для редактора сайта: ниже — файл мероприятия {path}. Сохраните его "
                       "без изменений: всё, что ниже этой строки.",
        # the .txt file's name, in words a person recognises in their downloads
        "file_title": "Мероприятие Недели качества",
        "quotes": js_pattern(TYPED_QUOTES.pattern),
        # the whole proposal is copied when it is too long for the mail link
        "paste_line": "Текст предложения скопирован: вставьте его сюда (Ctrl+V или "
                      "долгое нажатие и «Вставить»).",
        "copied_line": "Текст предложения скопирован. В открывшемся письме вставьте его "
                       "(Ctrl+V или долгое нажатие и «Вставить») и отправьте письмо.",
        "words": words_for_script(),
        # the platform's «new file» page takes the name and the content in its address:
        # url?<name_param>=<name_prefix><file name>&<content_param>=<file> (repository.py)
        "new_file_url": new_file.url if new_file else None,
        "new_file_name": new_file.name_param if new_file else None,
        "new_file_prefix": new_file.name_prefix if new_file else None,
        "new_file_content": new_file.content_param if new_file else None,
        "platform": repo.platform if new_file else None,  # «GitHub», «GitLab»
        # where the platform may drop the text, the form copies it and says so
        "new_file_paste": (f"Текст файла скопирован: если на {repo.platform} файл откроется "
                           "пустым, вставьте его туда (Ctrl+V или долгое нажатие и «Вставить»)."
                           if new_file and new_file.pasted else None),
        # what common mail clients accept in a mailto: address (Outlook: about 2000 characters),
        # with room to spare; a longer proposal goes by the clipboard
        "mailto_length": MAILTO_LENGTH,
    }


def _field(name: str, control: Markup, required: bool) -> Markup:
    words = FIELD_WORDS[name]
    hint = (Markup('<span class="qw-form__hint" id="{}-hint">{}</span>').format(name, words.hint)
            if words.hint else Markup(""))
    mark = (Markup("") if required else
            Markup(' <span class="qw-form__optional">({})</span>').format(_optional_words(name)))
    return Markup(
        '<div class="qw-form__field" data-qw-field="{name}">'
        '<label for="qw-{name}">{label}{mark}</label>{hint}'
        '<p class="qw-form__error" id="{name}-error" data-qw-error-for="{name}" hidden></p>'
        "{control}</div>").format(name=name, label=words.label, mark=mark, hint=hint,
                                  control=control)


def _optional_words(name: str) -> str:
    """What the label says of a field that may stay empty: the address is needed for some
    formats, and the label says which (the build refuses an in-person event without one)."""
    if name == "address":
        return "обязательно для формата " + " и ".join(quote(f) for f in IN_PERSON)
    return "необязательно"


def _described(name: str) -> str:
    return f"{name}-hint {name}-error" if FIELD_WORDS[name].hint else f"{name}-error"


def _choices(rules: dict) -> dict[str, list[str]]:
    return {"municipality": rules["municipalities"], "kind": rules["kinds"],
            "format": rules["formats"]}


def _controls(rules: dict) -> Markup:
    """The form's fields in the file's order, the description last."""
    parts = []
    optional = {name for name in rules["fields"] if name not in rules["required"]} | {
        "description"}
    for name in [*rules["fields"], "description"]:
        attrs = Markup('id="qw-{0}" name="{0}" aria-describedby="{1}"').format(
            name, _described(name))
        if name in _choices(rules):
            control = Markup('<select {}><option value="">— выберите —</option>{}</select>').format(
                attrs, Markup("").join(Markup("<option>{}</option>").format(o)
                                       for o in _choices(rules)[name]))
        elif name in ("start", "end"):
            control = Markup(
                '<span class="qw-form__when"><input type="date" {attrs} min="{first}" '
                'max="{last}"><input type="time" id="qw-{name}-time" name="{name}-time" '
                'aria-label="{label}: время (необязательно)" aria-describedby="{name}-error">'
                "</span>").format(attrs=attrs, first=rules["first_day"], last=rules["last_day"],
                                  name=name, label=FIELD_WORDS[name].label)
        elif name == "description":
            control = Markup('<textarea {} rows="8"></textarea>').format(attrs)
        else:
            kind = "url" if name == "url" else "text"
            extra = Markup(' inputmode="url" placeholder="https://"') if name == "url" else ""
            control = Markup('<input type="{}" {}{} autocomplete="off">').format(kind, attrs, extra)
        parts.append(_field(name, control, name not in optional))
    return Markup("").join(parts)


def _fallback(rules: dict) -> Markup:
    """What the page says without script: how to send an event by mail, every field by its
    label, the accepted values, the ministry's address."""
    items = []
    for name in [*rules["fields"], "description"]:
        words = FIELD_WORDS[name]
        note = (Markup("") if name in rules["required"]
                else Markup(" ({})").format(_optional_words(name)))
        hint = Markup(" — {}").format(words.hint) if words.hint else Markup("")
        choices = _choices(rules).get(name)
        listed = (Markup("<ul>{}</ul>").format(Markup("").join(
            Markup("<li>{}</li>").format(c) for c in choices)) if choices else Markup(""))
        items.append(Markup("<li><strong>{}</strong>{}{}{}</li>").format(
            words.label, note, hint, listed))
    email = rules["to_email"]
    if email:
        to = (Markup("в {} на").format(rules["to_who"]) if rules["to_ministry"]
              else Markup("на адрес"))
        whose = Markup("") if rules["to_ministry"] else Markup(" ({})").format(rules["to_who"])
        how = Markup("<p>Чтобы предложить мероприятие, напишите письмо {to} "
                     '<a href="mailto:{email}?subject={subject}">{email}</a>{whose} с темой '
                     "{quoted} и укажите в нём:</p>").format(
                         to=to, email=email, whose=whose,
                         subject=quote_url(rules["subject"]), quoted=quote(rules["subject"]))
    else:  # no published address: say so, and never a mail link (or a promise) to nowhere
        how = Markup("<p>{}. Когда он появится на странице «Контакты», напишите туда письмо "
                     "с темой {} и укажите в нём:</p>").format(NO_ADDRESS,
                                                              quote(rules["subject"]))
    github = (Markup('<p>Или предложите его файлом на <a href="{}">{}</a>, если у вас там '
                     "есть учётная запись.</p>").format(rules["new_file_url"], rules["platform"])
              if not email and rules.get("new_file_url") else Markup(""))
    return Markup(
        '<div class="qw-propose__fallback" data-qw-fallback data-search-exclude>'
        "{how}<ul>{items}</ul>{github}</div>").format(
            how=how, items=Markup("").join(items), github=github)


def form_html(rules: dict) -> Markup:
    """The form (hidden until the script sets it up) with the no-script way beside it. The
    hidden part is excluded from search (data-search-exclude). One raw HTML block without blank
    lines."""
    return Markup(
        '<div class="qw-propose" data-qw-propose data-qw-rules="{rules_url}">{fallback}'
        '<form class="qw-form" data-qw-form hidden novalidate data-search-exclude>'
        "<p>Заполнение займёт несколько минут. Ниже формы видно, как мероприятие будет "
        "выглядеть на сайте; {how_sent} Пока вы не нажали кнопку внизу, всё введённое "
        "остаётся в этой вкладке браузера.</p>"
        '<div class="qw-error-summary" data-qw-summary tabindex="-1" hidden '
        'aria-labelledby="qw-summary-title">'
        '<h2 class="qw-error-summary__title" id="qw-summary-title">Проверьте поля формы</h2>'
        '<ul class="qw-error-summary__list" data-qw-summary-list></ul></div>'
        "{fields}"
        '<h2 id="qw-preview-title">Так мероприятие будет выглядеть на сайте</h2>'
        '<div class="qw-preview" data-qw-preview aria-labelledby="qw-preview-title" role="group">'
        "</div>"
        '<h2 id="qw-send-title">Отправить</h2>'
        "{send_words}"
        '<div class="qw-form__actions">'
        "{send}"
        '<p class="qw-form__status" data-qw-status role="status"></p>'
        '<button type="button" class="md-button" data-qw-copy-proposal>Скопировать текст</button>'
        '<a class="md-button" data-qw-save href="#">Сохранить как файл .txt</a>'
        "{platform_button}"
        "</div>"
        '<h3 id="qw-next-title">Что будет дальше</h3>'
        "{next_words}"
        '<details class="qw-form__editor"><summary>Для редактора сайта</summary>'
        "<p>В конце письма — готовый файл мероприятия. Редактор сохраняет его в папке "
        "<code>{folder}</code> под этим именем:</p>"
        '<div class="qw-form__field"><label for="qw-file-name">Имя файла</label>'
        '<p class="qw-form__error" id="file-name-error" data-qw-error-for="file-name" hidden></p>'
        '<input type="text" id="qw-file-name" name="file-name" autocomplete="off" '
        'aria-describedby="file-name-error"></div>'
        '<label for="qw-event-file">Файл <code data-qw-path></code></label>'
        '<textarea id="qw-event-file" name="event-file" rows="14" readonly></textarea>'
        "</details></form></div>").format(
            rules_url=rules["rules_url"], fallback=_fallback(rules), fields=_controls(rules),
            how_sent=("отправляется оно одной кнопкой, письмом с вашей почты." if
                      rules["to_email"] else "его текст можно скопировать или сохранить файлом."),
            send_words=_send_words(rules), send=_send_button(rules), folder=rules["folder"],
            platform_button=_platform_button(rules), next_words=_next_words(rules))


def _platform_button(rules: dict) -> Markup:
    """«Предложить на GitHub» (or GitLab): the script fills in and shows it where the
    repository's platform has a «new file» page."""
    return Markup('<a class="md-button" data-qw-github href="#" hidden>Предложить на {} '
                  "(если у вас там есть учётная запись)</a>").format(rules["platform"] or "")


def _send_words(rules: dict) -> Markup:
    email = rules["to_email"]
    if email and rules["to_ministry"]:
        return Markup("<p>Письмо уйдёт с вашей почты в {} на адрес {}.</p>").format(
            rules["to_who"], email)
    if email:
        return Markup("<p>Письмо уйдёт с вашей почты на адрес {}; его получает {}.</p>").format(
            email, rules["to_who"])
    return Markup("<p>{}. Скопируйте текст или сохраните его файлом: когда адрес появится на "
                  "странице «Контакты», отправьте мероприятие туда.</p>").format(NO_ADDRESS)


def _next_words(rules: dict) -> Markup:
    """What happens after sending: who checks the event, when it shows on the site, and what to
    do when no mail program opens."""
    checks = Markup(
        "<p>{} проверит мероприятие и добавит его на страницу «Мероприятия в регионе»; если "
        "что-то нужно уточнить, вам ответят. Сайт обновляется каждый день, так что мероприятие "
        "появится на нём не позже чем через сутки после проверки.</p>").format(
            rules["to_who"][:1].upper() + rules["to_who"][1:])
    if not rules["to_email"]:
        return checks
    return checks + Markup(
        "<p>Если почтовая программа не открылась, нажмите «Скопировать текст» и вставьте его "
        "в новое письмо на {} в своей почте (например, в почте в браузере) или сохраните "
        "текст файлом .txt и приложите его к письму.</p>").format(rules["to_email"])


def _send_button(rules: dict) -> Markup:
    """The mail button, only with an address (the script fills in the letter)."""
    if not rules["to_email"]:
        return Markup("")
    label = "Отправить в министерство" if rules["to_ministry"] else "Отправить письмом"
    return Markup('<a class="md-button md-button--primary" data-qw-send href="mailto:{}">'
                  "{}</a>").format(rules["to_email"], label)


def rules_with_url(rules: dict, url: str) -> dict:
    """The rules plus where the page finds their JSON (for form_html)."""
    return {**rules, "rules_url": url}
