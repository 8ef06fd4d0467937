"""schema.org Event JSON-LD: the home page's week, Quality Day and forum (`events_ld`) and the
events page's regional events (`regional_events_ld`), from the same data the pages show.

Only what the sources give: the week and Quality Day are observed by the region's businesses
(the ministry's letter invites them to hold their own events, on site and online), so their
location is the region and they name no organizer; the forum names Roskachestvo, which runs it.

The forum's location (search engines want one for every Event), by this rule:

- the forum's `cities` when the data gives them: a Place per city, attended in person there;
- else the venue of the year's regional day, which is part of the forum (2023: the regional
  pavilion at VDNKh, per the ministry's letter), with the attendance mode its `format` gives
  («гибридный» — Mixed, online only — Online, else in person);
- else only the country: the forum is Roskachestvo's Russian forum (every source says so), so a
  Place «Россия» is known, but how it is attended is not, and the mode is left out;
- a VirtualLocation is added only for an online or hybrid forum whose `registration_url` is
  known (the forum's own page). A news article (`source`) is not where one attends, so it is
  never given as the online location.

Regional events (qualityweek.events.Event): a Place with the municipality and address for
«очно», a VirtualLocation at the event's page for «онлайн», both for «гибрид». A date without a
time stays a date; a time is the region's local time with its zone's offset. The description is
the event's text as plain text (qualityweek/core/plain_text.py), capped; without one, its kind and
where. The kind «программа привилегий, спецпредложение, акция» gets no Event: a sale or a
discount is not an event (Google's event guidelines exclude them).

Every Event carries the edition's share picture as its `image` when the site's address is known
(an image must be an absolute URL), and an organizer: the event's own, and for the week, Quality
Day and the forum the organization the data names (Roskachestvo, data/facts.yml).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from typing import Any

from ..core.plain_text import description_text
from ..inputs.events import KINDS, Event
from ..model.edition import Edition
from .ics import FORUM_NAME

SCHEMA = "https://schema.org/"
COUNTRY = {"@type": "Place", "name": "Россия",
           "address": {"@type": "PostalAddress", "addressCountry": "RU"}}
PROMOTION = KINDS[1]  # «программа привилегий, спецпредложение, акция»: not an event
DESCRIPTION_LIMIT = 300  # characters: a search result shows about as many


def plain_description(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Plain text on one line, cut at a word before `limit` characters with «…»."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:—–-") + "…"


OFFLINE, ONLINE, MIXED = "OfflineEventAttendanceMode", "OnlineEventAttendanceMode", \
    "MixedEventAttendanceMode"
# the events' `format` field (qualityweek.events.FORMATS) as a schema.org attendance mode
ATTENDANCE = {"очно": OFFLINE, "онлайн": ONLINE, "гибрид": MIXED}


def _event(name: str, description: str, start, end, *, mode: str | None, location: Any,
           url: str | None) -> dict[str, Any]:
    event: dict[str, Any] = {
        "@type": "Event",
        "name": name,
        "description": description,
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
        "eventAttendanceMode": SCHEMA + mode if mode else None,
        "eventStatus": SCHEMA + "EventScheduled",
        "location": location,
        "inLanguage": "ru",
    }
    if url:
        event["url"] = url
    return {key: value for key, value in event.items() if value is not None}


def _city(city: str) -> dict[str, Any]:
    return {"@type": "Place", "name": city,
            "address": {"@type": "PostalAddress", "addressLocality": city,
                        "addressCountry": "RU"}}


def _mode_of(described: str | None) -> str:
    """The attendance mode a free-text format names (the data's regional_day.format)."""
    text = (described or "").lower()
    if "гибрид" in text or ("онлайн" in text and "очно" in text):
        return MIXED
    if "онлайн" in text:
        return ONLINE
    return OFFLINE


def forum_location(edition: Edition) -> tuple[list[dict[str, Any]], str | None]:
    """(locations, attendance mode or None) of the edition's forum, by the module's rule."""
    forum, day = edition.forum, edition.regional_day
    if forum is None:
        return [], None
    if forum.cities:
        places, mode = [_city(city) for city in forum.cities], OFFLINE
    elif day is not None and day.venue:
        places = [{"@type": "Place", "name": day.venue,
                   "address": {"@type": "PostalAddress", "addressCountry": "RU"}}]
        mode = _mode_of(day.format)
    else:
        places, mode = [COUNTRY], None
    if mode in (ONLINE, MIXED) and forum.registration_url:
        places.append({"@type": "VirtualLocation", "url": forum.registration_url})
    return places, mode


def region_place(region: str) -> dict[str, Any]:
    """The region (its name from the data) as a schema.org Place."""
    return {"@type": "Place", "name": region,
            "address": {"@type": "PostalAddress", "addressRegion": region,
                        "addressCountry": "RU"}}


def _organization(name: str) -> dict[str, str]:
    return {"@type": "Organization", "name": name}


def events_ld(edition: Edition, *, region: str, home_url: str | None, organizer: str | None,
              image: str | None = None) -> dict[str, Any]:
    """A JSON-LD document (@graph of Events); `region` the data's region name, where the week and
    the day are held for this site's readers; `home_url` the site's absolute address, if known,
    `organizer` the name of who runs the week, the day and the forum (Roskachestvo, from the
    data), `image` the absolute address of the edition's picture."""
    year = edition.year
    here = region_place(region)
    events = [
        _event(f"Всемирная неделя качества {year}",
               "Неделя с понедельника по воскресенье, в которую входит День качества",
               edition.week_start, edition.week_end, mode=MIXED,
               location=here, url=home_url),
        _event(f"День качества {year}",
               "День качества — второй четверг ноября, в середине Всемирной недели качества",
               edition.quality_day, edition.quality_day, mode=MIXED,
               location=here, url=home_url),
    ]
    if edition.forum:
        forum = edition.forum
        places, mode = forum_location(edition)
        events.append(_event(f"{FORUM_NAME} {year}", forum.theme or forum.plenary or FORUM_NAME,
                             forum.start, forum.end, mode=mode,
                             location=places[0] if len(places) == 1 else places,
                             url=forum.registration_url or home_url))
    for event in events:
        if organizer:
            event["organizer"] = _organization(organizer)
        if image:
            event["image"] = image
    return {"@context": "https://schema.org", "@graph": events}


def moment_ld(moment: date, zone: tzinfo) -> str:
    """A date as «2026-11-12»; a naive local datetime in `zone` (the region's) with its offset:
    «2026-11-12T10:00:00+07:00» in Asia/Novosibirsk."""
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=zone).isoformat()
    return moment.isoformat()


def regional_event_ld(event: Event, *, region: str, zone: tzinfo,
                      image: str | None = None) -> dict[str, Any]:
    """One regional event as a schema.org Event (no @context: it goes into a @graph); `region`
    the data's region name, its address's region; `zone` the region's, its times' zone."""
    locations = []
    if event.format != "онлайн":
        address = {"@type": "PostalAddress", "addressLocality": event.municipality,
                   "addressRegion": region, "addressCountry": "RU"}
        if event.address:
            address["streetAddress"] = event.address
        locations.append({"@type": "Place", "name": event.address or event.municipality,
                          "address": address})
    if event.format != "очно":
        # schema.org's VirtualLocation without a url is still where the event happens: online
        locations.append({"@type": "VirtualLocation", **({"url": event.url} if event.url else {})})
    described = (description_text(event.description) if event.description
                 else f"{event.kind[:1].upper()}{event.kind[1:]}: {event.municipality}")
    ld = {
        "@type": "Event",
        "name": event.title,
        "description": plain_description(described),
        "startDate": moment_ld(event.start, zone),
        "endDate": moment_ld(event.end, zone),
        "eventAttendanceMode": SCHEMA + ATTENDANCE[event.format],
        "eventStatus": SCHEMA + "EventScheduled",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": event.organizer},
        "inLanguage": "ru",
    }
    if event.url:  # optional: an event without a page of its own
        ld["url"] = event.url
    if image:
        ld["image"] = image
    return ld


def regional_events_ld(events: Iterable[Event], *, region: str, zone: tzinfo,
                       image: str | None = None) -> dict[str, Any] | None:
    """A JSON-LD document with one Event per regional event that is an event (not a sale), or
    None when there are none; `image` is the absolute address of the edition's picture."""
    graph = [regional_event_ld(event, region=region, zone=zone, image=image) for event in events
             if event.kind != PROMOTION]
    return {"@context": "https://schema.org", "@graph": graph} if graph else None
