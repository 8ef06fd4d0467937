"""The results page's charts as files a person downloads and puts into a report: one layout per
breakdown (the same rows and numbers as its table on the page, results_page.shown_rows), drawn
as SVG and as PNG. Older Word, МойОфис and Р7 cannot insert an SVG; every office suite inserts
the PNG. No MkDocs imports.

The layout is poster_layout's (boxes and lines of text measured in PT Sans), so the PNG is drawn
by the poster's renderer (poster_render.render_png: Pillow, PT Sans, no time or text chunks —
byte-identical builds) and the SVG puts every line in the same place.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..core.typography import NBSP
from ..model.results import Results, counted
from .poster_layout import INDIGO, INK, MUTED, WHITE, Box, Layout, Text, text_width
from .poster_render import render_png
from .results_page import RESULTS_DIR, shown_rows

CHART_TITLES = {"municipality": "по муниципальным образованиям", "kind": "по видам",
                "day": "по дню начала", "format": "по формату"}
CHART_WIDTH = 800  # px of the SVG; the PNG is drawn twice as wide, sharp when printed
PNG_SCALE = 2
_SIZE, _ROW, _PAD, _TOP = 14.0, 24.0, 16.0, 64.0


def chart_path(year: int, slug: str, suffix: str = "svg") -> str:
    """The docs-relative path of one breakdown's chart file (svg or png)."""
    return f"{RESULTS_DIR}/chart-{slug}-{year}.{suffix}"


def chart_name(year: int, slug: str) -> str:
    """What the chart is, in words: its title, its accessible name and its download name."""
    return f"Мероприятия Недели качества {year} {CHART_TITLES[slug]}"


def _hex(colour) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def chart_layout(results: Results, slug: str) -> Layout:
    """The title, the total under it, and a row per line of the breakdown: its label, a bar
    as long as its share of the largest row, and its number."""
    _, rows = shown_rows(results, slug)

    def label_width(row) -> float:
        # measured in PT Sans, with room for a wider fallback font (Arial) in the SVG
        return text_width(row.label.replace(NBSP, " "), _SIZE, "regular") * 1.15

    # the bars begin after the longest label of a row with a bar: a long line without one
    # («ещё 15 муниципальных образований — без мероприятий») has its 0 after its own end
    barred = [row for row in rows if row.count] or list(rows)
    bars_x = _PAD + max(map(label_width, barred), default=0.0) + 8.0
    bar_room = CHART_WIDTH - bars_x - _PAD - 40.0
    largest = max((row.count for row in rows), default=0)
    total = sum(row.count for row in rows)
    items: list = [Box(0, 0, CHART_WIDTH, _TOP + len(rows) * _ROW + _PAD, WHITE),
                   Text(chart_name(results.year, slug), _PAD, 26, 18.0, "bold", INK),
                   Text(f"Всего {counted(total, 'мероприятие', 'мероприятия', 'мероприятий')}",
                        _PAD, 48, _SIZE, "regular", MUTED)]
    for index, row in enumerate(rows):
        y = _TOP + index * _ROW
        bar = bar_room * row.count / largest if largest else 0.0
        items.append(Text(row.label, _PAD, y + 16, _SIZE, "regular", INK))
        if row.count:
            items.append(Box(bars_x, y + 4, bar, 16, INDIGO))
        after = max(bars_x + bar, _PAD + label_width(row) + 8.0 if not row.count else 0.0)
        items.append(Text(str(row.count), after + 6, y + 16, _SIZE, "regular", INK))
    return Layout(CHART_WIDTH, _TOP + len(rows) * _ROW + _PAD, "px", tuple(items),
                  title=chart_name(results.year, slug))


def chart_svg(results: Results, slug: str) -> str:
    """The chart as a standalone SVG: a title and a description give its accessible name and
    every number as text. Fixed colours on white: it is pasted into documents."""
    layout = chart_layout(results, slug)
    _, rows = shown_rows(results, slug)
    texts = [item for item in layout.items if isinstance(item, Text)]
    summary = texts[1].text
    desc = "; ".join(f"{row.label}: {row.count}" for row in rows)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="title desc" '
           f'width="{layout.width:.0f}" height="{layout.height:.0f}" '
           f'viewBox="0 0 {layout.width:.0f} {layout.height:.0f}" '
           f'font-family="PT Sans, Arial, sans-serif" font-size="{_SIZE:.0f}">',
           f'<title id="title">{escape(layout.title)}</title>',
           f'<desc id="desc">{escape(summary)}. {escape(desc)}.</desc>']
    for item in layout.items:
        if isinstance(item, Box):
            out.append(f'<rect x="{item.x:.1f}" y="{item.y:.0f}" width="{item.w:.1f}" '
                       f'height="{item.h:.0f}" fill="{_hex(item.colour)}"/>')
        else:
            size = "" if item.size == _SIZE else f' font-size="{item.size:.0f}"'
            weight = ' font-weight="bold"' if item.weight == "bold" else ""
            out.append(f'<text x="{item.x:.1f}" y="{item.y:.0f}"{size}{weight} '
                       f'fill="{_hex(item.colour)}">{escape(item.text)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def chart_png(results: Results, slug: str) -> bytes:
    """The chart as a PNG, PNG_SCALE times the SVG's size (the same layout)."""
    return render_png(chart_layout(results, slug), width_px=CHART_WIDTH * PNG_SCALE)


def chart_link_html(year: int, slug: str, href_svg: str, href_png: str) -> Markup:
    """The download links of a breakdown's chart, named in words: PNG for any document,
    SVG where the program takes it."""
    name = chart_name(year, slug)
    return Markup('<p class="qw-results-download">Скачать график «{name}»: '
                  '<a href="{png}" download="{name}.png">PNG</a> (вставляется в любой документ) '
                  'или <a href="{svg}" download="{name}.svg">SVG</a> (для презентации и '
                  "печати в большом размере)</p>").format(name=name, png=href_png, svg=href_svg)
