"""The results page of each edition (results/<year>.md, «Итоги Недели качества <year>»): which
years get one, which is in the navigation, what stage the week is at, the generated page source
and its tables (the same rows the chart files draw, results_charts.py, and the workbook's summary
sheet writes, report_sheet.py: shown_rows). No MkDocs imports.

Each page is a few lines that include one shared template, docs/templates/results-edition.md,
as the archive pages do. The charts are the tables themselves: every row's number is text in an
accessible table, and a bar beside it (inline SVG, hidden from assistive technology) only shows
its size against the table's largest row; the bars are drawn by the page's CSS colours, so they
follow the dark scheme and print.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from markupsafe import Markup

from ..core.calendar import EditionDates, edition_dates, in_range
from ..core.typography import NBSP, format_day
from ..inputs.events import KINDS
from ..model.results import Results, Row, counted, plural
from .countdown import edition_front_matter

RESULTS_DIR = "results"
TEMPLATE = "templates/results-edition.md"
STYLES = "assets/results.css"
SCRIPTS = "assets/javascripts/copy-text.js"  # the press release's copy button


def results_path(year: int) -> str:
    """The docs-relative source of `year`'s results page."""
    return f"{RESULTS_DIR}/{year}.md"


def results_title(year: int) -> str:
    return f"Итоги Недели качества {year}"


def nav_results_year(shown: EditionDates, today: date) -> int:
    """The results in the navigation: the shown edition's once its week has begun, until then
    the previous edition's (its week is over, the site already shows the next one)."""
    return shown.year if today >= shown.week_start else shown.year - 1


def add_results_to_nav(nav: list | None, shown_year: int, today: date) -> list | None:
    """mkdocs.yml's `nav` with the results of nav_results_year after the events page (or at
    the end, when the events page is not in it)."""
    if not nav:
        return nav
    year = nav_results_year(edition_dates(shown_year), today)
    if not in_range(year):
        return nav
    entry = {results_title(year): results_path(year)}
    pages = [next(iter(item.values()), None) if isinstance(item, dict) else item for item in nav]
    at = pages.index("events.md") + 1 if "events.md" in pages else len(nav)
    return [*nav[:at], entry, *nav[at:]]


def results_years(event_years: Iterable[int], shown: EditionDates, today: date) -> list[int]:
    """A results page for every year with events (its archive page links to it), the shown
    edition's and the one in the navigation (which may have none, and say so)."""
    years = {*event_years, shown.year, nav_results_year(shown, today)}
    return sorted(year for year in years if in_range(year))


def stage(year: int, today: date) -> str:
    """«before» the week begins, «during» it, «after» it ends."""
    dates = edition_dates(year)
    if today < dates.week_start:
        return "before"
    return "during" if today <= dates.week_end else "after"


def results_page(year: int, *, searchable: bool) -> str:
    """The Markdown source of `year`'s results page; one without results yet (no events, or
    before the week) stays out of the site search, where it would only crowd out pages with
    answers."""
    return (
        "---\n"
        "render_macros: true\n"
        f"title: {results_title(year)}\n"
        + edition_front_matter(year) +
        "description: >-\n"
        f"  Итоги Всемирной недели качества {year} года: сколько мероприятий провели\n"
        "  предприятия, где, какого вида, по дням и форматам; готовый пресс-релиз.\n"
        f"scripts: [{SCRIPTS}]\n"
        f"styles: [{STYLES}]\n"
        + ("" if searchable else "search:\n  exclude: true\n")
        + "---\n\n"
        f"{{% set year = {year} %}}\n"
        f'{{% include "{TEMPLATE}" %}}\n'
    )


def without_events(results: Results) -> list[str]:
    """The listed municipalities without an event, in the list's order."""
    return [row.label for row in results.by_municipality if not row.count]


def shown_rows(results: Results, slug: str) -> tuple[str, tuple[Row, ...]]:
    """(what the rows are, rows) of a breakdown as the page, the charts and the workbook show
    it: the municipalities by count, largest first (the list's order among equals), those
    without events folded into one line — 28 bars of nothing would bury the 17 that count;
    the other breakdowns in their own order."""
    header, rows = {s: (h, r) for s, h, r in results.tables}[slug]
    if slug != "municipality":
        return header, rows
    counted_rows = sorted((row for row in rows if row.count), key=lambda row: -row.count)
    zeros = len(without_events(results))
    if zeros:
        places = counted(zeros, "муниципальное образование", "муниципальных образования",
                         "муниципальных образований")
        counted_rows.append(Row(f"ещё {places}{NBSP}— без мероприятий", 0))
    return header, tuple(counted_rows)


def without_events_html(results: Results) -> Markup:
    """The municipalities the folded line counts, by name (the page only: a chart has no room)."""
    names = without_events(results)
    if not names or len(names) == results.municipalities_listed:
        return Markup("")
    return Markup('<p class="qw-results-none">Без мероприятий: {}.</p>').format(", ".join(names))


def breakdown_html(results: Results, slug: str) -> Markup:
    """One breakdown as a table with a bar beside each number, labelled by the heading
    `results-<slug>` the template gives it; a total row that equals the number of events."""
    header, rows = shown_rows(results, slug)
    largest = max((row.count for row in rows), default=0)
    body = []
    for row in rows:
        share = 100 * row.count / largest if largest else 0
        bar = Markup('<rect width="{:.1f}%" height="100%"/>').format(share) if row.count else ""
        body.append(Markup(
            '<tr><th scope="row">{label}</th><td class="qw-results__count">'
            '<span class="qw-results__number">{count}</span>'
            '<svg class="qw-results__bar" aria-hidden="true" focusable="false" width="100%" '
            'height="14">{bar}</svg></td></tr>').format(label=row.label, count=row.count, bar=bar))
    return Markup(
        '<div class="qw-results-table"><table aria-labelledby="results-{slug}">'
        '<thead><tr><th scope="col">{header}</th><th scope="col">Мероприятий</th></tr></thead>'
        '<tbody>{body}</tbody>'
        '<tfoot><tr><th scope="row">Всего</th><td class="qw-results__count">'
        '<span class="qw-results__number">{total}</span></td></tr></tfoot>'
        '</table></div>').format(slug=slug, header=header, body=Markup("").join(body),
                                 total=sum(row.count for row in rows))


def organizers_html(results: Results, listed_href: str) -> Markup:
    """Each organizer with its events, each event a link to its card on the page that lists
    the year's events (`listed_href`, relative to the results page, ending in «/»)."""
    items = []
    for organizer in results.organizer_events:
        events = Markup("").join(
            Markup('<li><a href="{href}#{anchor}">{title}</a>, {day}, {place}</li>').format(
                href=listed_href, anchor=event.anchor, title=event.title,
                day=format_day(event.start_day, with_year=False), place=event.municipality)
            for event in organizer.events)
        items.append(Markup("<li><strong>{name}</strong> — {count}<ul>{events}</ul></li>").format(
            name=organizer.name, events=events,
            count=counted(len(organizer.events), "мероприятие", "мероприятия", "мероприятий")))
    return Markup('<ul class="qw-results-organizers">{}</ul>').format(Markup("").join(items))


def kinds_by_municipality_html(results: Results) -> Markup:
    """The municipalities with events, a column per kind and one for all kinds; the total row
    once, at the end (results.css keeps print from repeating it on every page)."""
    rows = results.kinds_by_municipality
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(kind) for kind in KINDS)
    body = Markup("").join(
        Markup('<tr><th scope="row">{}</th>{}<td>{}</td></tr>').format(
            row.municipality,
            Markup("").join(Markup("<td>{}</td>").format(n) for n in row.counts), row.total)
        for row in rows)
    totals = [sum(row.counts[i] for row in rows) for i in range(len(KINDS))]
    return Markup(
        # wider than a phone: its own scrolling region, reachable by keyboard and named by the
        # heading (Material wraps only tables without a class, in a box that is not)
        '<div class="qw-results-cross" role="region" tabindex="0" '
        'aria-labelledby="results-kind-by-municipality">'
        '<table class="qw-results-cross__table" aria-labelledby="results-kind-by-municipality">'
        '<thead><tr><th scope="col">Муниципальное образование</th>{head}'
        '<th scope="col">Все виды</th></tr></thead><tbody>{body}</tbody>'
        '<tfoot><tr><th scope="row">Всего</th>{totals}<td>{total}</td></tr></tfoot>'
        "</table></div>").format(
            head=head, body=body, total=sum(totals),
            totals=Markup("").join(Markup("<td>{}</td>").format(n) for n in totals))


def quality_day_sentence(held: int, quality_day: date, *, over: bool) -> str:
    """«На День качества (четверг, 12 ноября 2026 г.) пришлось 15 мероприятий (считаются все
    мероприятия, которые шли в этот день, в том числе начавшиеся раньше).»: the count of
    events held that day (results.py) with its rule, one sentence for the results page and the
    press release; '' when none was."""
    if not held:
        return ""
    events = counted(held, "мероприятие", "мероприятия", "мероприятий")
    day = format_day(quality_day, with_weekday=True)
    rule = ("шли в этот день, в том числе начавшиеся раньше" if over
            else "идут в этот день, в том числе начинающиеся раньше")
    return (f"На День качества ({day}) {'пришлось' if over else 'приходится'} "
            f"{events} (считаются все мероприятия, которые {rule}).")


def figures_html(results: Results) -> Markup:
    """The three headline numbers, each above its word: «21 / мероприятие»."""
    figures = (
        (results.events, plural(results.events, "мероприятие", "мероприятия", "мероприятий")),
        (results.organizers, plural(results.organizers, "организатор", "организатора",
                                    "организаторов")),
        (results.municipalities_taking_part,
         plural(results.municipalities_taking_part, "муниципальное образование",
                "муниципальных образования", "муниципальных образований")
         + f" из {results.municipalities_listed}"),
    )
    return Markup('<ul class="qw-results-figures">{}</ul>').format(Markup("").join(
        Markup("<li><strong>{}</strong> {}</li>").format(number, words)
        for number, words in figures))
