"""schema.org Event JSON-LD for the home page, from the same computed dates the pages show.

Only what the sources give: the week and Quality Day are observed by the region's businesses
(the ministry's letter invites them to hold their own events, on site and online), so their
location is the region and they name no organizer; the forum names Roskachestvo, which runs it,
and its cities where the data gives them.
"""

from __future__ import annotations

from typing import Any

from .edition import Edition
from .ics import FORUM_NAME

SCHEMA = "https://schema.org/"
REGION = {"@type": "Place", "name": "Кировская область",
          "address": {"@type": "PostalAddress", "addressRegion": "Кировская область",
                      "addressCountry": "RU"}}


def _event(name: str, description: str, start, end, *, mode: str, location: Any,
           url: str | None) -> dict[str, Any]:
    event: dict[str, Any] = {
        "@type": "Event",
        "name": name,
        "description": description,
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
        "eventAttendanceMode": SCHEMA + mode,
        "eventStatus": SCHEMA + "EventScheduled",
        "location": location,
        "inLanguage": "ru",
    }
    if url:
        event["url"] = url
    return event


def events_ld(edition: Edition, *, home_url: str | None) -> dict[str, Any]:
    """A JSON-LD document (@graph of Events); `home_url` is the site's absolute address, if known."""
    year = edition.year
    events = [
        _event(f"Всемирная неделя качества {year}",
               "Неделя с понедельника по воскресенье, в которую входит День качества",
               edition.week_start, edition.week_end, mode="MixedEventAttendanceMode",
               location=REGION, url=home_url),
        _event(f"День качества {year}", "Всемирный день качества — второй четверг ноября",
               edition.quality_day, edition.quality_day, mode="MixedEventAttendanceMode",
               location=REGION, url=home_url),
    ]
    if edition.forum:
        forum = edition.forum
        cities = [{"@type": "Place", "name": city,
                   "address": {"@type": "PostalAddress", "addressLocality": city,
                               "addressCountry": "RU"}} for city in forum.cities]
        event = _event(f"{FORUM_NAME} {year}", forum.theme or forum.plenary or FORUM_NAME,
                       forum.start, forum.end, mode="OfflineEventAttendanceMode",
                       location=cities or REGION, url=forum.registration_url or home_url)
        if not cities:  # no venue in the data: say nothing about where or how it is held
            del event["location"], event["eventAttendanceMode"]
        event["organizer"] = {"@type": "Organization", "name": "Роскачество"}
        events.append(event)
    return {"@context": "https://schema.org", "@graph": events}
