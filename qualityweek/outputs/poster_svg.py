"""The poster's layout (poster_layout.py) as SVG, for the print page where a company
types its own event into the «Наше мероприятие» frame and prints the poster from the browser:
the same shapes and lines as the PDF, in millimetres, set in the same PT Sans (the site serves
a subset of it, `font_subset`, from docs/kit/fonts/). The frame's blanks become empty <text>
elements that assets/javascripts/poster-print.js fills with what the company types; nothing
leaves the page.
"""

from __future__ import annotations

from io import BytesIO

from fontTools import subset
from markupsafe import Markup, escape

from ..model.results import plural
from .poster_layout import (SMALLEST_BLANK_SIZE, Blank, Box, Frame, Layout, QrCode, Ring, Stroke,
                            Text, font_path, text_width)

FONTS_DIR = "kit/fonts"
# what a company may type in Russian and English: Latin, Latin-1, Cyrillic, punctuation, №, ₽
FONT_UNICODES = [*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x400, 0x460),
                 *range(0x2010, 0x2027), 0x2030, 0x2039, 0x203A, 0x2060, 0x2116, 0x20BD]
FONT_WEIGHTS = ("regular", "bold")


def font_file(weight: str) -> str:
    """The subset's docs-relative path: docs/kit/fonts/…, a static file of the site."""
    return f"{FONTS_DIR}/pt-sans-{weight}.woff"


def font_subset(weight: str) -> bytes:
    """PT Sans of `weight` cut to FONT_UNICODES, as WOFF. The site ships the result as a static
    file (qualityweek/tools/poster_fonts.py writes it, a test checks it is current): cutting
    takes a third of a second, which every build would spend on the same two files."""
    options = subset.Options()
    options.flavor = "woff"
    options.name_IDs = ["*"]  # the licence and the font's names stay in the file
    # no TrueType hinting: it is three quarters of the file (81 KB of 22 KB regular) and only
    # steers pixels on low-resolution screens; the text waits for this font (font-display:
    # block, so the poster is measured in it), and the print is unaffected
    options.hinting = False
    font = subset.load_font(str(font_path(weight)), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=FONT_UNICODES)
    subsetter.subset(font)
    out = BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _colour(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _qr_path(code: QrCode) -> str:
    parts = []
    for row, modules in enumerate(code.modules):
        for column, dark in enumerate(modules):
            if dark:
                parts.append(f"M{_n(code.x + column * code.module)} {_n(code.y + row * code.module)}"
                             f"h{_n(code.module)}v{_n(code.module)}h-{_n(code.module)}z")
    return "".join(parts)


def render_svg(layout: Layout, *, label: str) -> Markup:
    """The layout as an inline <svg> element sized in millimetres; `label` its accessible name."""
    if layout.unit != "mm":
        raise ValueError(f"SVG из макета в «{layout.unit}»: ожидаются миллиметры")
    out = [f'<svg class="qw-poster-svg" xmlns="http://www.w3.org/2000/svg" role="img" '
           f'aria-label="{escape(label)}" viewBox="0 0 {_n(layout.width)} {_n(layout.height)}" '
           f'width="{_n(layout.width)}mm" height="{_n(layout.height)}mm">']
    for item in layout.items:
        if isinstance(item, Box):
            out.append(f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" '
                       f'height="{_n(item.h)}" fill="{_colour(item.colour)}"/>')
        elif isinstance(item, Ring):
            out.append(f'<circle cx="{_n(item.cx)}" cy="{_n(item.cy)}" r="{_n(item.r)}" '
                       f'fill="none" stroke="{_colour(item.colour)}" '
                       f'stroke-width="{_n(item.width)}"/>')
        elif isinstance(item, Stroke):
            points = " ".join(f"{_n(x)},{_n(y)}" for x, y in item.points)
            out.append(f'<polyline points="{points}" fill="none" stroke="{_colour(item.colour)}" '
                       f'stroke-width="{_n(item.width)}" stroke-linecap="round" '
                       f'stroke-linejoin="round"/>')
        elif isinstance(item, Frame):
            out.append(f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" '
                       f'height="{_n(item.h)}" fill="none" stroke="{_colour(item.colour)}" '
                       f'stroke-width="{_n(item.width)}"/>')
        elif isinstance(item, QrCode):
            out.append(f'<path d="{_qr_path(item)}" fill="{_colour(item.colour)}"/>')
        elif isinstance(item, Blank):
            out.append(f'<text class="qw-poster-bold" data-qw-field="{item.name}" '
                       f'data-qw-width="{_n(item.w)}" data-qw-lines="{item.lines}" '
                       f'data-qw-pitch="{_n(item.pitch)}" '
                       f'data-qw-smallest="{_n(SMALLEST_BLANK_SIZE)}" x="{_n(item.x)}" '
                       f'y="{_n(item.y)}" font-size="{_n(item.size)}" fill="#212121"></text>')
        elif isinstance(item, Text):
            weight = "qw-poster-bold" if item.weight == "bold" else "qw-poster-regular"
            out.append(f'<text class="{weight}" x="{_n(item.x)}" y="{_n(item.y)}" '
                       f'font-size="{_n(item.size)}" fill="{_colour(item.colour)}">'
                       f'{escape(item.text)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


# the fields a company fills in (the frame's blanks): (field, label, hint)
FIELDS = (("company", "Кто проводит", "Название предприятия"),
          ("title", "Что", "Например: день открытых дверей"),
          ("date", "Когда", "Например: 12 ноября, 10:00"),
          ("place", "Где", "Адрес или место"))
# a line of ordinary Russian words: its average letter width tells how many letters a blank takes
SAMPLE = "День открытых дверей и экскурсия на производство"


def blank_limit(blank: Blank) -> int:
    """How many characters of ordinary words fit the blank's lines at the smallest size, with a
    tenth spare for the ends of lines that wrapping leaves empty. The page says it as the field's
    limit; the script still measures the real words (wide capitals take more room)."""
    per_char = text_width(SAMPLE, SMALLEST_BLANK_SIZE, "bold") / len(SAMPLE)
    return int(blank.lines * blank.w / per_char * 0.9)


def print_page_html(layout: Layout, *, label: str) -> Markup:
    """The print page's form (one labelled field per blank of the frame, with how many
    characters fit: a longer text is said, never cut), its print button (hidden until the script
    runs) and the poster itself."""
    blanks = {item.name: item for item in layout.items if isinstance(item, Blank)}
    fields = []
    for name, field_label, hint in FIELDS:
        if name in blanks:
            limit = blank_limit(blanks[name])
            fields.append(
                f'<div class="qw-poster-field"><label for="qw-poster-{name}">{field_label}</label>'
                f'<input id="qw-poster-{name}" type="text" name="{name}" '
                f'aria-describedby="qw-poster-{name}-count" data-qw-limit="{limit}" '
                f'autocomplete="off" placeholder="{escape(hint)}" data-qw-input="{name}">'
                f'<p class="qw-poster-count" id="qw-poster-{name}-count" '
                f'data-qw-count="{name}" aria-live="polite">'
                f'До {limit} {plural(limit, "знака", "знаков", "знаков")}</p></div>')
    return Markup(
        '<div class="qw-poster-print">'
        '<form class="qw-poster-form" data-qw-poster-form action="#" novalidate>'
        + "".join(fields)
        + '<p><button type="button" class="md-button md-button--primary" data-qw-print hidden>'
          'Распечатать плакат</button></p></form>'
        f'<div class="qw-poster-sheet">{render_svg(layout, label=label)}</div></div>')
