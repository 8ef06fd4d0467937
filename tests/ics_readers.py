"""One .ics read by independent parsers: icalendar (which builds it), vobject and
allenporter's `ical` (pydantic), and Mozilla's ical.js under node (`by_icaljs`, which web
calendars use). Each gives {UID: (start, end)}: dates for all-day events, UTC instants for timed
ones, so what a calendar app would show can be compared exactly."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from datetime import date, datetime, timezone
from pathlib import Path

import icalendar
import pytest
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

ICALJS = Path(__file__).parent / "icaljs"  # package.json pins ical.js; .ci/run runs npm ci


def _icaljs_moment(value: dict) -> date:
    assert "floating" not in value, f"ical.js cannot place {value['floating']}: floating time"
    if "date" in value:
        return date.fromisoformat(value["date"])
    return datetime.fromtimestamp(value["utc"], timezone.utc)


class _IcalJs:
    """One node process running tests/icaljs/read.mjs for this test process: a calendar per
    line in, its events per line out (a node start per calendar was most of a reading's time)."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()

    def read(self, node: str, data: bytes) -> dict:
        with self.lock:
            if self.process is None or self.process.poll() is not None:
                self.process = subprocess.Popen(
                    [node, str(ICALJS / "read.mjs")], stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE, text=True, encoding="utf-8")
            self.process.stdin.write(json.dumps(data.decode("utf-8")) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
        assert line, f"ical.js ended: {self.process.poll()}"
        answer = json.loads(line)
        assert "error" not in answer, answer.get("error")
        return answer["events"]


_ICALJS = _IcalJs()


def by_icaljs(data: bytes) -> dict[str, Span]:
    """The file as ical.js reads it (tests/icaljs/read.mjs); skips the test, saying how to
    install it, without node or without ical.js (.ci/run installs both, so CI reads it)."""
    node = shutil.which("node")
    if node is None or not (ICALJS / "node_modules" / "ical.js").is_dir():
        pytest.skip("ical.js not installed: the calendar is not read by ical.js "
                    "(apt-get install nodejs npm; npm ci --prefix tests/icaljs)")
    return {uid: (_icaljs_moment(start), _icaljs_moment(end))
            for uid, (start, end) in _ICALJS.read(node, data).items()}


def descriptions(data: bytes) -> dict[str, dict[str, str]]:
    """{parser: {UID: DESCRIPTION as the parser unescapes it}}."""
    text = data.decode("utf-8")
    return {
        "icalendar": {str(e["UID"]): str(e["DESCRIPTION"])
                      for e in icalendar.Calendar.from_ical(data).walk("VEVENT")},
        "vobject": {e.uid.value: e.description.value for e in vobject.readOne(text).vevent_list},
        "ical": {e.uid: e.description for e in IcsCalendarStream.calendar_from_ics(text).events},
    }
