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

from collections.abc import Iterable, Mapping
from datetime import date

from markupsafe import Markup

from ..core.calendar import EditionDates, edition_dates, in_range
from ..inputs.settings import read_settings
from ..model.results import Results, plural

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


def add_results_to_nav(nav: list | None, environ: Mapping[str, str]) -> list | None:
    """mkdocs.yml's `nav` with the results of nav_results_year after the events page (or at
    the end, when the events page is not in it); raises SettingsError on a bad environment."""
    if not nav:
        return nav
    settings = read_settings(environ)
    year = nav_results_year(edition_dates(settings.year), settings.today)
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
