"""The workbook's summary sheet («Итоги <год>»): the results page's figures and tables, from the
same Results object the page shows (results_page.shown_rows, quality_day_sentence), so a ministry
copies a report's tables from Excel, not from a web page. No MkDocs imports.

Numbers are numbers (Excel sums them); every table ends with «Всего», as on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.typography import format_day, format_range
from ..inputs.events import KINDS
from ..model.edition import Edition
from ..model.results import Results
from .results_page import quality_day_sentence, results_title, shown_rows, without_events
from .tables import XLSX_URL_LIMIT

# the page's section headings, in the page's order
SECTIONS = (("municipality", "По муниципальным образованиям"), ("kind", "По видам мероприятий"),
            ("day", "По дням недели (мероприятие — в день, когда оно начинается)"),
            ("format", "По формату"))
CROSS_TITLE = "Виды мероприятий по муниципальным образованиям"


def summary_sheet_name(year: int) -> str:
    return f"Итоги {year}"


@dataclass(frozen=True)
class Summary:
    """What the sheet shows: the year's counts, its edition's dates, whether the week is over,
    the build date and the results page's published address (None without a site address)."""
    results: Results
    edition: Edition
    over: bool
    built: date
    page_url: str | None


def write_summary(workbook, summary: Summary) -> None:
    """Adds the summary sheet to an XlsxWriter workbook."""
    results, edition = summary.results, summary.edition
    sheet = workbook.add_worksheet(summary_sheet_name(results.year))
    title = workbook.add_format({"bold": True, "font_size": 14})
    bold = workbook.add_format({"bold": True})
    header = workbook.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
    total = workbook.add_format({"bold": True, "top": 1})
    wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
    link = workbook.add_format({"font_color": "#1f4e9e", "underline": 1})
    row = 0

    def line(text: str, style=None) -> None:
        nonlocal row
        sheet.write_string(row, 0, text, style)
        row += 1

    line(results_title(results.year), title)
    line(f"Всемирная неделя качества: {format_range(edition.week_start, edition.week_end)}")
    if not summary.over:
        line(f"Итоги предварительные: мероприятия, добавленные на сайт к {format_day(summary.built)}")
    if summary.page_url and len(summary.page_url) <= XLSX_URL_LIMIT:
        sheet.write_string(row, 0, "Страница на сайте")
        sheet.write_url(row, 1, summary.page_url, link, string=summary.page_url)
        row += 1
    row += 1
    figures = (("Мероприятий", results.events), ("Организаторов", results.organizers),
               ("Муниципальных образований, где прошли мероприятия",
                results.municipalities_taking_part),
               ("Муниципальных образований в списке сайта", results.municipalities_listed))
    for label, number in figures:
        sheet.write_string(row, 0, label)
        sheet.write_number(row, 1, number)
        row += 1
    sentence = quality_day_sentence(results.on_quality_day, edition.quality_day, over=summary.over)
    if sentence:
        sheet.write_string(row, 0, "Мероприятий в День качества, считая начавшиеся раньше")
        sheet.write_number(row, 1, results.on_quality_day)
        row += 1
    for slug, heading in SECTIONS:
        row += 1
        line(heading, bold)
        what, rows = shown_rows(results, slug)
        sheet.write_string(row, 0, what, header)
        sheet.write_string(row, 1, "Мероприятий", header)
        row += 1
        for item in rows:
            sheet.write_string(row, 0, item.label)
            sheet.write_number(row, 1, item.count)
            row += 1
        sheet.write_string(row, 0, "Всего", total)
        sheet.write_number(row, 1, sum(item.count for item in rows), total)
        row += 1
        if slug == "municipality" and without_events(results) and results.municipalities_taking_part:
            sheet.write_string(row, 0, "Без мероприятий: " + ", ".join(without_events(results)),
                               wrapped)
            row += 1
    row += 1
    line(CROSS_TITLE, bold)
    for column, text in enumerate(("Муниципальное образование", *KINDS, "Все виды")):
        sheet.write_string(row, column, text, header)
    row += 1
    for kinds in results.kinds_by_municipality:
        sheet.write_string(row, 0, kinds.municipality)
        for column, number in enumerate((*kinds.counts, kinds.total), start=1):
            sheet.write_number(row, column, number)
        row += 1
    sheet.write_string(row, 0, "Всего", total)
    sums = [sum(k.counts[i] for k in results.kinds_by_municipality) for i in range(len(KINDS))]
    for column, number in enumerate((*sums, sum(sums)), start=1):
        sheet.write_number(row, column, number, total)
    sheet.set_column(0, 0, 52)
    sheet.set_column(1, len(KINDS) + 1, 16)
