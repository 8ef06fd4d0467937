"""One .ics read by three independent parsers: icalendar (which builds it), vobject and
allenporter's `ical` (pydantic). Each gives {UID: (start, end)}: dates for all-day events,
UTC instants for timed ones, so what a calendar app would show can be compared exactly."""

from __future__ import annotations

from datetime import date, datetime, timezone

import icalendar
import vobject
from ical.calendar_stream import IcsCalendarStream

Span = tuple[date, date]


def _instant(value: date) -> date:
    if isinstance(value, datetime):
        assert value.tzinfo is not None, f"floating time {value}: no parser can place it"
        return value.astimezone(timezone.utc)
    return value


def by_icalendar(data: bytes) -> dict[str, Span]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): (_instant(e.decoded("DTSTART")), _instant(e.decoded("DTEND")))
            for e in calendar.walk("VEVENT")}


def by_vobject(data: bytes) -> dict[str, Span]:
    calendar = vobject.readOne(data.decode("utf-8"))
    return {e.uid.value: (_instant(e.dtstart.value), _instant(e.dtend.value))
            for e in calendar.vevent_list}


def by_ical(data: bytes) -> dict[str, Span]:
    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    return {e.uid: (_instant(e.dtstart), _instant(e.dtend)) for e in calendar.events}


READERS = {"icalendar": by_icalendar, "vobject": by_vobject, "ical": by_ical}


def descriptions(data: bytes) -> dict[str, dict[str, str]]:
    """{parser: {UID: DESCRIPTION as the parser unescapes it}}."""
    text = data.decode("utf-8")
    return {
        "icalendar": {str(e["UID"]): str(e["DESCRIPTION"])
                      for e in icalendar.Calendar.from_ical(data).walk("VEVENT")},
        "vobject": {e.uid.value: e.description.value for e in vobject.readOne(text).vevent_list},
        "ical": {e.uid: e.description for e in IcsCalendarStream.calendar_from_ics(text).events},
    }
