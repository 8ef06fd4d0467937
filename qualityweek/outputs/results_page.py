"""The results page of each edition (results/<year>.md, «Итоги Недели качества <year>»): which
years get one, which is in the navigation, what stage the week is at, the generated page source
and the charts. No MkDocs imports.

Each page is a few lines that include one shared template, docs/templates/results-edition.md,
as the archive pages do. The charts are the tables themselves: every row's number is text in an
accessible table, and a bar beside it (inline SVG, hidden from assistive technology) only shows
its size against the table's largest row; the bars are drawn by the page's CSS colours, so they
follow the dark scheme and print.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from markupsafe import Markup, escape

from ..core.calendar import EditionDates, edition_dates, in_range
from ..core.typography import NBSP, format_day
from ..inputs.events import KINDS
from ..model.results import Results, counted, plural
from .countdown import edition_front_matter
from .poster_layout import text_width

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


def breakdown_html(results: Results, slug: str) -> Markup:
    """One breakdown as a table with a bar beside each number, labelled by the heading
    `results-<slug>` the template gives it; a total row that equals the number of events."""
    header, rows = {s: (h, r) for s, h, r in results.tables}[slug]
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


# -- the charts as image files a person downloads and puts into a report ------------------------

CHART_TITLES = {"municipality": "по муниципальным образованиям", "kind": "по видам",
                "day": "по дню начала", "format": "по формату"}


def chart_path(year: int, slug: str) -> str:
    """The docs-relative path of one breakdown's chart file."""
    return f"{RESULTS_DIR}/chart-{slug}-{year}.svg"


def chart_name(year: int, slug: str) -> str:
    """What the chart is, in words: its title, its accessible name and its download name."""
    return f"Мероприятия Недели качества {year} {CHART_TITLES[slug]}"


def chart_svg(results: Results, slug: str) -> str:
    """One breakdown as a standalone SVG bar chart: the same rows and numbers as its table
    (zeros too), the total under the title; a title and a description give its accessible name
    and every number as text. Fixed colours on white: it is pasted into documents."""
    _, rows = {s: (h, r) for s, h, r in results.tables}[slug]
    size, row_height, pad = 14.0, 24.0, 16.0
    # label widths measured in PT Sans, with room for a wider fallback font (Arial)
    label_width = max((text_width(row.label.replace(NBSP, " "), size, "regular") for row in rows),
                      default=0.0) * 1.15
    width = 800.0
    bars_x = pad + label_width + 8.0
    bar_room = width - bars_x - pad - 40.0
    largest = max((row.count for row in rows), default=0)
    top = 64.0
    height = top + len(rows) * row_height + pad
    total = sum(row.count for row in rows)
    title = chart_name(results.year, slug)
    summary = f"Всего {counted(total, 'мероприятие', 'мероприятия', 'мероприятий')}"
    desc = "; ".join(f"{row.label}: {row.count}" for row in rows)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="title desc" '
           f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
           f'font-family="PT Sans, Arial, sans-serif" font-size="{size:.0f}">',
           f'<title id="title">{escape(title)}</title>',
           f'<desc id="desc">{escape(summary)}. {escape(desc)}.</desc>',
           f'<rect width="100%" height="100%" fill="#ffffff"/>',
           f'<text x="{pad:.0f}" y="26" font-size="18" font-weight="bold" fill="#212121">'
           f'{escape(title)}</text>',
           f'<text x="{pad:.0f}" y="48" fill="#545454">{escape(summary)}</text>']
    for index, row in enumerate(rows):
        y = top + index * row_height
        bar = bar_room * row.count / largest if largest else 0.0
        out.append(f'<text x="{pad:.0f}" y="{y + 16:.0f}" fill="#212121">{escape(row.label)}</text>')
        if row.count:
            out.append(f'<rect x="{bars_x:.1f}" y="{y + 4:.0f}" width="{bar:.1f}" height="16" '
                       f'fill="#3f51b5"/>')
        out.append(f'<text x="{bars_x + bar + 6:.1f}" y="{y + 16:.0f}" fill="#212121">'
                   f'{row.count}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def chart_link_html(year: int, slug: str, href: str) -> Markup:
    """The download link of a breakdown's chart file, named in words."""
    return Markup('<p class="qw-results-download"><a href="{href}" download="{name}.svg">'
                  "Скачать график «{title}» (SVG, для отчёта или презентации)</a></p>").format(
                      href=href, name=chart_name(year, slug), title=chart_name(year, slug))


def quality_day_sentence(held: int, quality_day: date, *, over: bool) -> str:
    """«На День качества (четверг, 12 ноября) пришлось 15 мероприятий — все, что шли в этот
    день, в том числе начавшиеся раньше.»: the count of events held that day (results.py) with
    its rule, one sentence for the results page and the press release; '' when none was."""
    if not held:
        return ""
    events = counted(held, "мероприятие", "мероприятия", "мероприятий")
    day = format_day(quality_day, with_weekday=True)
    rule = ("все, что шли в этот день, в том числе начавшиеся раньше" if over
            else "все, что идут в этот день, в том числе начинающиеся раньше")
    return (f"На День качества ({day}) {'пришлось' if over else 'приходится'} "
            f"{events}{NBSP}— {rule}.")


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
