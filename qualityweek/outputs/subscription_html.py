"""The «Подписаться на календарь» block of the home and kit pages (no MkDocs imports).

The `webcal://` link opens a subscription in Apple Calendar and Outlook; Android and Google
Calendar do nothing with it, so the block also shows the calendar's https address, selectable
without script, with a copy button the page's script shows (docs/assets/javascripts/copy-text.js)
and one line on where to paste it.
"""

from __future__ import annotations

from markupsafe import Markup

ADDRESS_ID = "qw-subscribe-url"
WHERE_TO_PASTE = (
    "На Android и в Google Calendar кнопка не сработает: скопируйте адрес календаря и добавьте "
    "его в Google Calendar в браузере («Другие календари» → «+» → «Добавить по URL», календарь "
    "появится и в телефоне) или в Яндекс Календаре («Подписаться на календарь»).")


def subscription_html(webcal: str, https: str, *, primary: bool = False, title: str = "") -> Markup:
    """The webcal button, the line on where to paste, the https address and its copy button.
    No blank lines: Markdown keeps it as one raw HTML block."""
    # .qw-calendar: the outlined calendar buttons' colours in the dark scheme (reader.css)
    button = "md-button md-button--primary" if primary else "md-button qw-calendar"
    title_attr = Markup(' title="{}"').format(title) if title else ""
    return Markup(
        '<div class="qw-subscribe">'
        '<p><a class="{button}" href="{webcal}"{title}>Подписаться на календарь</a></p>'
        '<p class="qw-subscribe__how">{how}</p>'
        '<p class="qw-subscribe__address"><code id="{id}">{https}</code> '
        '<button type="button" class="md-button" data-qw-copy="{id}" '
        'data-qw-copied="Адрес скопирован" hidden>Скопировать адрес</button> '
        '<span class="qw-copy-status" role="status" aria-live="polite"></span></p>'
        '</div>').format(button=button, webcal=webcal, title=title_attr, how=WHERE_TO_PASTE,
                         id=ADDRESS_ID, https=https)
