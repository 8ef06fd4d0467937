"""One edition's events as a table: events/<year>.xlsx for Excel and events/<year>.csv for
everything else, one row per event with every field and the event's page on the site. No MkDocs
imports.

- The workbook: Russian headers, the header row frozen, a filter on every column, start and end
  as real Excel dates (date-and-time when the event has a time), widths fitted to the text, and
  byte-identical builds: XlsxWriter dates the parts of the zip 1980-01-01 when it writes in
  memory, and the document's «created» date is the build date (QUALITY_TODAY), not the clock.
- The CSV opens in Russian Excel by double-click: UTF-8 with a BOM, «;» between fields, CRLF
  between rows, fields quoted where needed (Python's csv writes it, and reads it back). Excel
  would run a cell that starts with «=», «+», «-» or «@» as a formula: such a cell gets a leading
  apostrophe (OWASP's advice), unless it is only digits, spaces, brackets, «+» and «-» (a phone
  number such as «+7 (4012) 12-34-56», which can run nothing).
- Times are the region's local time (the event files are written in it); the header names it as
  the region's data does, with the offset.
- The event's page: an absolute address with a known site address (QUALITY_SITE_URL); without
  one the column is left out (a path such as «events/#event-slug» leads nowhere from a file).
- The workbook may get more sheets after the events' (`more_sheets`: the results' summary,
  report_sheet.py).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

import xlsxwriter

from ..core.plain_text import description_text
from ..inputs.events import Event

EVENTS_TABLE_DIR = "events"
BOM = "\ufeff"
_HARMLESS = re.compile(r"[0-9 ()+\-]*")  # a phone number: arithmetic at most, never a function
_RISKY_START = ("=", "+", "-", "@", "\t", "\r")
# Excel's column width is in characters of its default font; room for the filter's button
_MIN_WIDTH, _MAX_WIDTH, _FILTER_BUTTON = 8, 60, 3
XLSX_URL_LIMIT = 2079  # Excel's longest hyperlink; a longer address is written as text


def table_path(year: int, suffix: str) -> str:
    """events/<year>.xlsx or events/<year>.csv, relative to the site's root."""
    return f"{EVENTS_TABLE_DIR}/{year}.{suffix}"


def zone_label(year: int, zone: tzinfo, label: str) -> str:
    """«МСК, UTC+3»: `label`, the region's name for its local time `zone`, and the offset from
    the tz database for November of `year`."""
    offset = datetime.combine(date(year, 11, 15), time(12), zone).utcoffset()
    minutes = int(offset.total_seconds()) // 60
    hours, rest = divmod(abs(minutes), 60)
    return f"{label}, UTC{'+' if minutes >= 0 else '-'}{hours}" + (
        f":{rest:02d}" if rest else "")


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Event], str | date | None]
    kind: str = "text"  # text, moment (a date or a naive local datetime), url


def columns(year: int, page: Callable[[Event], str] | None, *, zone: tzinfo,
            label: str) -> tuple[Column, ...]:
    """The table's columns; «Страница на сайте» only with `page` (a known site address)."""
    time_zone = zone_label(year, zone, label)
    return (
        Column("Название", lambda e: e.title),
        Column("Организатор", lambda e: e.organizer),
        Column("Муниципальное образование", lambda e: e.municipality),
        Column("Вид мероприятия", lambda e: e.kind),
        Column(f"Начало, {time_zone}", lambda e: e.start, "moment"),
        Column(f"Окончание, {time_zone}", lambda e: e.end, "moment"),
        Column("Формат", lambda e: e.format),
        Column("Адрес", lambda e: e.address),
        Column("Подробности и запись", lambda e: e.url, "url"),
        Column("Контакт", lambda e: e.contact),
        Column("Описание", lambda e: description_text(e.description) if e.description else None),
    ) + ((Column("Страница на сайте", page, "url"),) if page else ())


def event_page(event: Event, *, listed_on: str, site_url: str) -> str:
    """The event's card on the site page `listed_on` («events/», «archive/2025/»)."""
    return f"{site_url.rstrip('/')}/{listed_on}#{event.anchor}"


def moment_text(moment: date) -> str:
    """«12.11.2026 10:00» or «12.11.2026», as Russian Excel reads a date typed in a cell."""
    return moment.strftime("%d.%m.%Y %H:%M" if isinstance(moment, datetime) else "%d.%m.%Y")


def csv_cell(value: str) -> str:
    """`value` made safe from Excel's formulas (see the module's note)."""
    if value.startswith(_RISKY_START) and not _HARMLESS.fullmatch(value):
        return "'" + value
    return value


def table_rows(events: Sequence[Event], cols: Sequence[Column]) -> list[list]:
    """Each event's values, column by column (None where a field is empty), computed once for
    both files."""
    return [[column.value(event) for column in cols] for event in events]


def events_csv(rows: Sequence[Sequence], cols: Sequence[Column]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.header for c in cols])
    for values in rows:
        row = []
        for column, value in zip(cols, values):
            if value is None:
                row.append("")
            elif column.kind == "moment":
                row.append(moment_text(value))
            else:
                row.append(csv_cell(value))
        writer.writerow(row)
    return (BOM + out.getvalue()).encode("utf-8")


def _width(values: list[str]) -> float:
    longest = max((max(len(line) for line in v.split("\n")) for v in values if v), default=0)
    return max(_MIN_WIDTH, min(_MAX_WIDTH, longest + 1))


def events_xlsx(rows: Sequence[Sequence], cols: Sequence[Column], *, year: int,
                built: date, title: str,
                more_sheets: Callable[[xlsxwriter.Workbook], None] | None = None) -> bytes:
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    # the document's dates are the build's, so two builds of one commit give the same bytes
    workbook.set_properties({"title": title, "created": datetime.combine(built, time.min)})
    header = workbook.add_format({"bold": True, "valign": "top", "text_wrap": True,
                                  "bottom": 1})
    day = workbook.add_format({"num_format": "dd.mm.yyyy", "align": "left"})
    moment = workbook.add_format({"num_format": "dd.mm.yyyy hh:mm", "align": "left"})
    link = workbook.add_format({"font_color": "#1f4e9e", "underline": 1})
    sheet = workbook.add_worksheet(f"Мероприятия {year}")
    for col, column in enumerate(cols):
        sheet.write_string(0, col, column.header, header)
    for row, values in enumerate(rows, start=1):
        for col, (column, value) in enumerate(zip(cols, values)):
            if value is None:
                continue
            if column.kind == "moment":
                sheet.write_datetime(row, col, value,
                                     moment if isinstance(value, datetime) else day)
            elif column.kind == "url" and "://" in value and len(value) <= XLSX_URL_LIMIT:
                sheet.write_url(row, col, value, link, string=value)
            else:
                sheet.write_string(row, col, value)
    for col, column in enumerate(cols):
        if column.kind == "moment":
            width = 17.0
        else:
            width = _width([values[col] for values in rows if values[col]])
        # a header wraps rather than widen a narrow column past its values
        width = max(width, min(len(column.header), 24) + _FILTER_BUTTON)
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(cols) - 1)
    if more_sheets:
        more_sheets(workbook)
    workbook.close()
    return out.getvalue()
