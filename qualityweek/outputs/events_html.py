"""HTML for a list of events, grouped by day (no MkDocs imports).

Front matter values are escaped; the description (editor-written Markdown) is rendered by
qualityweek/core/description.py (raw HTML off, safe links only) and is never run through Jinja.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, tzinfo
from itertools import groupby

from markupsafe import Markup, escape

from ..core import typography
from ..core.description import description_html
from ..core.places import names_municipality
from ..inputs.events import FORMATS, KINDS, Event
from .contact import contact_html

NBSP = typography.NBSP
IN_PERSON_ONLY, ONLINE, HYBRID = FORMATS  # «очно», «онлайн», «гибрид»


def _at(day: date, moment: time, zone: tzinfo) -> Markup:
    """«10:00» in a <time> with its date and offset, as a browser or a search engine reads it."""
    stamp = datetime.combine(day, moment, tzinfo=zone).isoformat(timespec="minutes")
    return Markup('<time datetime="{}">{:%H:%M}</time>').format(stamp, moment)


def _on(day: date, text: str) -> Markup:
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), text)


def _date(event: Event) -> Markup:
    """The day in words, with its weekday («четверг, 12 ноября 2026 г.»), or the days of a
    longer event («9–15 ноября 2026 г.»): a card opened by its link shows when it is, whatever
    day heading is above it."""
    first, last = event.start_day, event.end_day
    if first == last:
        return _on(first, typography.format_day(first, with_weekday=True))
    # as typography.format_range writes it, each day in its <time>: an event lies in one year
    if first.month == last.month:
        days = _on(first, str(first.day)) + typography.NUMBER_DASH
    else:
        days = _on(first, typography.day_month(first)) + typography.WORD_DASH
    return days + _on(last, typography.day_month(last)) + Markup(f" {last.year}{NBSP}г.")


def _time(event: Event, local: tzinfo, label: str) -> Markup | None:
    """«10:00–12:00 МСК», «с 10:00 МСК», «весь день», or the days of a longer event with their
    times (None for days alone: the date says it all); every time and day in a <time> element.
    The times are the region's (`local`), and `label` names them as its data does («МСК»,
    «местное время (МСК+4)»)."""
    start_t, end_t = event.start_time, event.end_time
    first, last = event.start_day, event.end_day
    zone = Markup(NBSP) + label
    if first == last:
        if start_t and end_t and end_t != start_t:
            return (_at(first, start_t, local) + typography.NUMBER_DASH
                    + _at(last, end_t, local) + zone)
        if start_t:
            return Markup("с") + NBSP + _at(first, start_t, local) + zone
        if end_t:
            return Markup("до") + NBSP + _at(last, end_t, local) + zone
        return Markup("весь день")
    if start_t or end_t:
        # the zone follows the last time shown
        start = _on(first, typography.day_month(first)) + (
            Markup(", ") + _at(first, start_t, local) + ("" if end_t else zone) if start_t else "")
        end = _on(last, typography.day_month(last)) + (
            Markup(", ") + _at(last, end_t, local) + zone if end_t else "")
        return start + typography.WORD_DASH + end
    return None


def _row(label: str, value: Markup | str) -> Markup:
    # escape() and an f-string, not Markup.format: the same result, and 14,000 rows at 2000
    # events are measurably faster this way
    return Markup(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>")


def _search_text(rows: Sequence[tuple[str, Markup | str]]) -> Markup:
    """The card's facts as the search index reads them, in sentences: the list itself runs
    together there («ВремявесьденьОрганизатор…»), so the index takes this hidden copy instead
    (a reader's screen and screen reader show the list)."""
    text = " ".join(f"{label}: {Markup.striptags(escape(value)).removesuffix('.')}."
                    for label, value in rows)
    return Markup("<p hidden>{}</p>").format(text)


def _event(event: Event, heading: int, describe: Callable[[str], Markup],
           calendar: Callable[[Event], str] | None, zone: tzinfo, label: str) -> Markup:
    link = (Markup('<a href="{}">{}</a>').format(event.url, _short(event.url)) if event.url
            else None)
    time_ = _time(event, zone, label)
    facts: list[tuple[str, Markup | str]] = [
        ("Дата", _date(event)),
        *([("Время", time_)] if time_ else []),
        ("Организатор", typography.glue(event.organizer)),
        ("Где", _where(event, link)),
        ("Вид", event.kind),
        ("Формат", event.format),
    ]
    if event.format == IN_PERSON_ONLY and link:
        facts.append(("Подробнее", link))  # online and hybrid, the link is in «Где»
    if event.contact:
        facts.append(("Контакт", contact_html(event.contact)))
    rows = [_row(name, value) for name, value in facts]
    # The heading's id names the card for screen readers and makes it a section of its own in
    # the search index (Material's search starts one at each heading with an id): a result
    # opens the event, not the top of the page. The card's own id stays its shared address.
    title_id = f"{event.anchor}-title"
    parts = [
        Markup('<article class="qw-event" id="{}" aria-labelledby="{}" data-municipality="{}" '
               'data-kind="{}">').format(event.anchor, title_id, event.municipality, event.kind),
        Markup('<h{0} class="qw-event__title" id="{1}">{2}</h{0}>').format(
            heading, title_id, typography.glue(event.title)),
        _search_text(facts),
        Markup('<dl class="qw-event__facts" data-search-exclude>') + Markup("").join(rows)
        + Markup("</dl>"),
    ]
    # the visible texts are the same on every card: the labels name the event for a screen
    # reader's list of links; the search index needs neither (data-search-exclude). The link to
    # the card works as it is; the page's script shares or copies it (events-filter.js).
    actions = []
    if calendar:
        actions.append(Markup('<a href="{}" aria-label="В календарь: {}">В календарь</a>').format(
            calendar(event), event.title))
    actions.append(Markup(
        '<a href="#{}" data-qw-share aria-label="Ссылка на мероприятие: {}">Ссылка на '
        "мероприятие</a>").format(event.anchor, event.title))
    parts.append(Markup('<p class="qw-event__calendar" data-search-exclude>{}'
                        '<span class="qw-event__status" data-qw-share-status role="status">'
                        "</span></p>").format(Markup(" ").join(actions)))
    if event.description:
        parts.append(Markup('<div class="qw-event__description">{}</div>').format(
            describe(event.description)))
    parts.append(Markup("</article>"))
    return Markup("\n").join(parts)


def _where(event: Event, link: Markup | None) -> Markup:
    """The municipality and the address, without the municipality when the address names it
    («г. Усть-Энск, …» for «город Усть-Энск»); «онлайн» and the event's link where
    it happens online (a hybrid event has both)."""
    place = escape(event.municipality)
    if event.format != ONLINE and event.address:
        address = escape(typography.glue(event.address))
        place = (address if names_municipality(event.address, event.municipality)
                 else place + Markup(", ") + address)
    online = Markup("{}, ").format(ONLINE) + link if link else Markup(ONLINE)
    if event.format == ONLINE:
        return online
    if event.format == HYBRID:
        return place + Markup("; ") + online
    return place


def _short(url: str) -> str:
    """The address as a reader sees it: without https:// and a trailing slash."""
    return url.removeprefix("https://").rstrip("/")


def _select(name: str, label: str, values: Sequence[tuple[str, int]], all_label: str) -> Markup:
    """A filter's list: «все», then each value with how many events it has («…(3)»)."""
    options = [Markup('<option value="">{}</option>').format(all_label)] + [
        Markup('<option value="{0}">{0} ({1})</option>').format(v, n) for v, n in values]
    return Markup(
        '<div class="qw-events__filter"><label for="qw-filter-{0}">{1}</label>'
        '<select id="qw-filter-{0}" data-qw-filter="{0}">{2}</select></div>').format(
        name, label, Markup("").join(options))


def render_events(events: Sequence[Event], *, zone: tzinfo, label: str, filters: bool = False,
                  heading: int = 2, describe: Callable[[str], Markup] = description_html,
                  calendar: Callable[[Event], str] | None = None,
                  municipalities: Sequence[str] = ()) -> str:
    """The events grouped by their first day under day headings of level `heading`, events one
    level below. With `filters`, controls (hidden until the page's script shows them) filter the
    list by municipality and kind. Empty string for no events: the page says what that means.
    `describe` gives a description's HTML (or a marker for it: deferred.py);
    `calendar`, if given, the href of an event's own .ics file for its «В календарь» link;
    `zone` and `label` the region's time zone and its name for readers (the region's data);
    `municipalities`, the region's list, whose order the municipality filter keeps (towns
    first, then districts alphabetically, as the data file lists them)."""
    if not events:
        return ""
    parts = [Markup('<div class="qw-events" data-qw-events>')]
    if filters:
        places = Counter(e.municipality for e in events)
        order = {name: index for index, name in enumerate(municipalities)}
        listed = sorted(places, key=lambda m: (order.get(m, len(order)), m))
        kinds = Counter(e.kind for e in events)
        parts.append(Markup(
            # the options («город … (8)») are not what a reader searches for
            '<form class="qw-events__filters" data-qw-filters hidden data-search-exclude>{}{}'
            '<p class="qw-events__count" data-qw-count aria-live="polite"></p></form>').format(
            _select("municipality", "Муниципальное образование",
                    [(m, places[m]) for m in listed], "все"),
            _select("kind", "Вид мероприятия", [(k, kinds[k]) for k in KINDS if kinds[k]],
                    "все")))
    ordered = sorted(events, key=Event.sort_key)
    for day, group in groupby(ordered, key=lambda e: e.start_day):
        parts.append(Markup('<section class="qw-events__day" data-qw-day>'))
        parts.append(Markup('<h{0} id="day-{1}"><time datetime="{1}">{2}</time></h{0}>').format(
            heading, day.isoformat(), typography.format_day(day, with_weekday=True)))
        parts.extend(_event(event, heading + 1, describe, calendar, zone, label)
                     for event in group)
        parts.append(Markup("</section>"))
    if filters:
        parts.append(Markup('<p class="qw-events__none" data-qw-none hidden>'
                            'Нет мероприятий с такими условиями: выберите «все» в одном '
                            'из списков.</p>'))
    parts.append(Markup("</div>"))
    # no blank lines: Markdown keeps the whole block as one raw HTML block
    return str(Markup("\n").join(parts))

