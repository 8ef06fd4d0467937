"""What the edition's poster (A4) and share picture (1200×630) show and where: one description,
drawn by two renderers (poster_render.py: PDF through fpdf2, PNG through Pillow).

A layout is a page size in its own units (millimetres for the poster, pixels for the share
picture) and a list of shapes and text lines, each text line with its left end and baseline,
size and weight. Lines are measured and wrapped here, with the font's own advance widths
(fontTools, no kerning — neither renderer kerns), so both renderers put every line in the
same place. Every text comes from the edition and the typography helpers, never typed twice.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import segno
from fontTools.ttLib import TTFont

from ..core import typography
from ..core.untrusted import shown
from ..inputs.facts import FACTS_FILE
from ..inputs.variables import SITE_VAR
from ..model.edition import Edition

# PT Sans (ParaType, SIL Open Font License 1.1), from the PyPI package fontpkg-pt-sans
FONT_PACKAGE = "fontpkg_pt_sans"
FONT_FILES = {"regular": "PT_Sans-Web-Regular.ttf", "bold": "PT_Sans-Web-Bold.ttf"}
FONT_FAMILY = "PT Sans"

# the site's palette (Material «indigo» and «amber», mkdocs.yml) and its text colours
INDIGO = (63, 81, 181)
# the share picture's ground, Material's «indigo 700»: its small amber line is 5.5:1 there
# (4.2:1 on «indigo», under the 4.5:1 small text needs)
INDIGO_DARK = (48, 63, 159)
AMBER = (255, 193, 7)
INK = (33, 33, 33)
MUTED = (84, 84, 84)  # 7.5:1 on white
WHITE = (255, 255, 255)

Colour = tuple[int, int, int]
POSTER_MARGIN_MM = 14.0  # nothing closer to the A4 sheet's edge: office printers print it all


class KitError(ValueError):
    """A text the poster's font cannot show (the message names it and the character)."""


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    colour: Colour


@dataclass(frozen=True)
class Ring:
    cx: float
    cy: float
    r: float
    width: float
    colour: Colour


@dataclass(frozen=True)
class Stroke:
    """A polyline with round caps and joins."""
    points: tuple[tuple[float, float], ...]
    width: float
    colour: Colour


@dataclass(frozen=True)
class Frame:
    """A rectangle's outline (a closed path), the line `width` straddling its edges."""
    x: float
    y: float
    w: float
    h: float
    width: float
    colour: Colour


@dataclass(frozen=True)
class QrCode:
    """A QR code: `modules[row][column]` dark or not, each module a square of side `module`,
    top left at x, y. Drawn as vector squares in the PDF and on whole pixels in the PNG."""
    x: float
    y: float
    module: float
    modules: tuple[tuple[bool, ...], ...]
    colour: Colour


@dataclass(frozen=True)
class Blank:
    """Where a company's own words go on a line of the «Наше мероприятие» frame: `name` is the
    field (company, title, date, place), the text's left end and baseline x, y, at most `w`
    wide. The PDF and PNG leave it empty, to write in by hand; the print page
    (poster_svg.py) fills it in with what the company types."""
    name: str
    x: float
    y: float
    w: float
    size: float
    lines: int = 1  # ruled lines the words may take, `pitch` apart
    pitch: float = 0.0


@dataclass(frozen=True)
class Text:
    """One line of text: `x` its left end, `y` its baseline, `size` the font size (em)."""
    text: str
    x: float
    y: float
    size: float
    weight: str  # "regular" or "bold"
    colour: Colour


Item = Box | Ring | Stroke | Frame | QrCode | Blank | Text


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    unit: str  # "mm" or "px"
    items: tuple[Item, ...]
    title: str  # the document title (PDF metadata)


def font_path(weight: str) -> Path:
    path = Path(str(files(FONT_PACKAGE) / "files" / FONT_FILES[weight]))
    if not path.is_file():
        raise FileNotFoundError(f"нет шрифта {path}: pip install -r requirements.txt")
    return path


@functools.cache
def _metrics(weight: str) -> tuple[dict[int, int], int]:
    """{code point: advance width} and units per em of the weight's font."""
    font = TTFont(font_path(weight), lazy=True)
    hmtx = font["hmtx"]
    advances = {code: hmtx[glyph][0] for code, glyph in font.getBestCmap().items()}
    return advances, font["head"].unitsPerEm


def printable(text: str) -> str:
    """The text as the poster sets it: without the word joiner (U+2060), which only stops a
    browser from breaking a line after a dash; the poster breaks its lines itself."""
    return text.replace("\u2060", "")


def _missing(text: str, weight: str) -> str:
    """The characters of `text` that the font cannot show, as «'😀', '质'», or ''."""
    advances, _ = _metrics(weight)
    return ", ".join(map(repr, sorted({ch for ch in text if ord(ch) not in advances})))


def check_font(text: str, weight: str, where: str) -> None:
    """KitError naming `where` (the file and field, or the variable, the text came from) when
    the font cannot show every character of `text`."""
    missing = _missing(text, weight)
    if missing:
        raise KitError(f"{where}: в шрифте {FONT_FAMILY}, которым набраны плакат и картинка, "
                       f"нет знаков {missing}: {shown(text)}")


def text_width(text: str, size: float, weight: str) -> float:
    check_font(text, weight, "плакат")  # the inputs were checked with their names already
    advances, units = _metrics(weight)
    return sum(advances[ord(ch)] for ch in text) * size / units


def wrap(text: str, size: float, weight: str, width: float) -> list[str]:
    """Lines of at most `width`, broken at ordinary spaces (never at a non-breaking one); a word
    longer than the width is broken between characters."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, weight) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for ch in word:  # the word alone, split where it must be
            if line and text_width(line + ch, size, weight) > width:
                lines.append(line)
                line = ""
            line += ch
    if line:
        lines.append(line)
    return lines


def fit(text: str, *, weight: str, width: float, size: float, smallest: float,
        max_lines: int = 1, depth: float | None = None,
        leading: float = 1.2) -> tuple[float, list[str]]:
    """The largest size from `size` down to `smallest` at which `text` takes at most
    `max_lines` lines of `width` and, given `depth`, its last baseline is at most `depth` below
    the first; at `smallest` it takes as many lines as it needs."""
    step = (size - smallest) / 20
    current = size
    while current > smallest:
        lines = wrap(text, current, weight, width)
        if len(lines) <= max_lines and (depth is None
                                        or (len(lines) - 1) * current * leading <= depth):
            return current, lines
        current -= step
    return smallest, wrap(text, smallest, weight, width)


def placed(text: str, where: str, *, weight: str, width: float, size: float, smallest: float,
           max_lines: int = 1, room: int | None = None, depth: float | None = None,
           leading: float = 1.2) -> tuple[float, list[str]]:
    """`fit`, and KitError naming `where` (the file and field the text came from) when even at
    `smallest` the text takes more than `room` lines (default `max_lines`) of `width`, or its
    last baseline is more than `depth` below the first: it would run over what lies below it,
    or off the sheet."""
    room = room or max_lines
    size, lines = fit(text, weight=weight, width=width, size=size, smallest=smallest,
                      max_lines=max_lines, depth=depth, leading=leading)
    too_deep = depth is not None and (len(lines) - 1) * size * leading > depth + 1e-9
    too_wide = any(text_width(line, size, weight) > width + 1e-9 for line in lines)
    if len(lines) > room or too_deep or too_wide:
        raise KitError(f"{where}: текст не помещается на плакат и картинку для соцсетей "
                       f"({len(text)} знаков): даже мелким шрифтом он занимает {len(lines)} "
                       f"строк(и), а места — на {room}; сократите его: {shown(text)}")
    return size, lines


class _Flow:
    """Places lines of text one under another from a baseline."""

    def __init__(self) -> None:
        self.items: list[Item] = []

    def lines(self, lines: list[str], *, x: float, y: float, size: float, weight: str,
              colour: Colour, leading: float = 1.2) -> float:
        """Adds the lines, the first on baseline `y`; returns the last baseline."""
        for index, line in enumerate(lines):
            self.items.append(Text(line, x, y + index * size * leading, size, weight, colour))
        return y + (len(lines) - 1) * size * leading


def _mark(cx: float, cy: float, r: float, ring: Colour, tick: Colour) -> list[Ring | Stroke]:
    """The site's own neutral mark (docs/assets/logo.svg: a ring with a tick, 24×24 units)."""
    unit = r / 10
    points = ((7.5, 12.5), (10.5, 15.5), (16.5, 8.5))
    return [Ring(cx, cy, r, 2 * unit, ring),
            Stroke(tuple((cx + (px - 12) * unit, cy + (py - 12) * unit) for px, py in points),
                   2.2 * unit, tick)]


def week_text(edition: Edition) -> str:
    return printable(typography.format_range(edition.week_start, edition.week_end))


def quality_day_text(edition: Edition) -> str:
    return typography.format_day(edition.quality_day, with_weekday=True)


def motto_text(edition: Edition) -> str | None:
    """The motto in «ёлочки» as the pages set it, or None when the data does not give one."""
    if not edition.motto:
        return None
    return typography.quote(typography.glue(edition.motto.text))


POSTER_QR_MM = 26.0  # the QR code's side without its quiet zone: a phone reads it from a metre
POSTER_QR_QUIET = 4  # modules of white around the code (the QR standard's quiet zone)
# the first lines of the «Наше мероприятие» frame: (label, the field a company fills in)
WRITE_LINES = (("Кто", "company"), ("Что", "title"), ("Когда", "date"), ("Где", "place"))
# fields whose words may go on to the next ruled line (left without a label for them)
FIELD_LINES = {"title": 2}
BLANK_SIZE = 6.0  # mm: the typed words' size on the print page
SMALLEST_BLANK_SIZE = 4.5  # mm (about 13 pt): the print page shrinks typed words no further


def qr_code(site_url: str, *, x: float, y: float, side: float) -> QrCode:
    """The site's address as a QR code (segno, error correction M) `side` wide, top left at x, y."""
    matrix = segno.make_qr(site_url, error="m").matrix
    return QrCode(x, y, side / len(matrix), tuple(tuple(bool(m) for m in row) for row in matrix),
                  INK)


def _event_frame(flow: _Flow, *, x: float, top: float, width: float, bottom: float) -> None:
    """The framed «Наше мероприятие» area: a heading and ruled lines to write on by hand, as
    many as fit between `top` and `bottom` (the frame takes the space the other blocks leave)."""
    flow.items.append(Frame(x, top, width, bottom - top, 0.5, INDIGO))
    pad = 7.0
    y = flow.lines(["Наше мероприятие"], x=x + pad, y=top + 13.0, size=8.0, weight="bold",
                   colour=INDIGO)
    pitch = 10.5  # a handwritten line's height
    y += 12.0
    labelled = iter(WRITE_LINES)
    continued = 0  # ruled lines still kept for the field above
    rows = int((bottom - 6.0 - y) // pitch) + 1
    # a field's extra lines only where every label still gets its own line (a motto makes
    # the frame shorter)
    spare = max(rows - len(WRITE_LINES), 0)
    while y <= bottom - 6.0:
        start = x + pad
        if continued:
            start += 20.0
            continued -= 1
        elif (line := next(labelled, None)) is not None:
            label, field = line
            flow.lines([label], x=start, y=y - 1.0, size=4.5, weight="regular", colour=MUTED)
            start += 20.0
            lines = min(FIELD_LINES.get(field, 1), 1 + spare)
            spare -= lines - 1
            flow.items.append(Blank(field, start + 1.0, y - 1.5, x + width - pad - start - 1.0,
                                    BLANK_SIZE, lines, pitch))
            continued = lines - 1
        flow.items.append(Stroke(((start, y), (x + width - pad, y)), 0.3, MUTED))
        y += pitch


REGION_FIELD = "region.yml, поле «region.name»"  # callers name the region folder's file
HASHTAG_FIELD = f"{FACTS_FILE}, поле «hashtag.text»"
# the «Наше мероприятие» frame with its four labelled lines and the title's second: the height
# it needs, in mm (_event_frame)
FRAME_NEEDS_MM = 13.0 + 12.0 + 4 * 10.5 + 6.0 + 2.0
WHERE_TO_LOOK_MM = 44.0  # the footer that tells a passer-by where to look, where it has room
WHERE_TO_LOOK_QR_MM = 34.0  # its QR code: a phone reads it from a metre and more


def _where_to_look(flow: _Flow, *, x: float, top: float, width: float, bottom: float,
                   region: str, region_field: str, site_url: str | None,
                   hashtag: str | None) -> None:
    """The large footer: the site's address with a large QR code («Мероприятия и подробности —
    на сайте»), the hashtag, the region. Without an address: the hashtag to look for, large."""
    left = width
    if site_url:
        code = qr_code(site_url, x=x + width - WHERE_TO_LOOK_QR_MM, y=bottom - WHERE_TO_LOOK_QR_MM,
                       side=WHERE_TO_LOOK_QR_MM)
        left = width - WHERE_TO_LOOK_QR_MM - (POSTER_QR_QUIET + 1) * code.module
        y = flow.lines(["Мероприятия и подробности — на сайте"], x=x, y=top + 10.0, size=5.5,
                       weight="regular", colour=MUTED)
        # QUALITY_SITE_URL is at most 48 characters: one line
        size, lines = fit(site_url, weight="bold", width=left, size=6.5, smallest=3.5)
        flow.lines(lines[:1], x=x, y=y + 9.0, size=size, weight="bold", colour=INDIGO)
        flow.items.append(code)
    else:
        flow.lines(["Ищите в соцсетях" if hashtag else "Всемирная неделя качества"], x=x,
                   y=top + 9.0, size=5.5, weight="regular", colour=MUTED)
    # the region's name on the last line, or the last two; the hashtag above it
    size, lines = placed(region, region_field, weight="bold", width=left, size=7.0,
                         smallest=5.0, room=2)
    raised = (len(lines) - 1) * size * 1.2
    flow.lines(lines, x=x, y=bottom - 1.5 - raised, size=size, weight="bold", colour=INK)
    if hashtag:
        size, lines = fit(hashtag, weight="bold", width=left,
                          size=(11.0 if site_url else 14.0) - (3.0 if raised else 0.0),
                          smallest=6.0)
        flow.lines(lines[:1], x=x, y=bottom - (13.0 if site_url else 19.0) - raised * 0.6,
                   size=size, weight="bold", colour=INDIGO)


def poster_layout(edition: Edition, *, region: str, site_url: str | None,
                  region_field: str = REGION_FIELD, hashtag: str | None = None) -> Layout:
    """A4 portrait, millimetres; nothing within POSTER_MARGIN_MM of the edges. From the top: the
    indigo band with the week, Quality Day, the motto (when the data gives one), the framed
    «Наше мероприятие» area, and the footer with the region (its name from the data), the
    site's address and its QR code (both only when QUALITY_SITE_URL is set) and the hashtag
    (data/facts.yml). Where the frame's four lines leave room (no motto), the footer is a
    quarter of the sheet and says where to look (_where_to_look); else it is a strip, and the
    frame takes whatever height the rest leaves (so the sheet has no empty band)."""
    width, height, margin = 210.0, 297.0, POSTER_MARGIN_MM
    inner = 28.0  # text's left edge
    text_width_mm = width - 2 * inner
    flow = _Flow()
    band_bottom = 120.0
    flow.items.append(Box(margin, margin, width - 2 * margin, band_bottom - margin, INDIGO))
    flow.items.extend(_mark(171.0, 35.0, 10.0, WHITE, AMBER))  # above the title's cap height
    flow.items.append(Box(inner, 27.0, 30.0, 3.0, AMBER))
    flow.lines(["Всемирная неделя", "качества"], x=inner, y=62.0, size=16.0, weight="bold",
               colour=WHITE, leading=1.1)
    size, lines = fit(week_text(edition), weight="bold", width=text_width_mm, size=15.0,
                      smallest=9.0, max_lines=1)
    y = flow.lines(lines, x=inner, y=100.0, size=size, weight="bold", colour=WHITE)
    flow.lines(["с понедельника по воскресенье"], x=inner, y=y + 11.0, size=7.0,
               weight="regular", colour=WHITE)

    y = flow.lines(["День качества"], x=inner, y=band_bottom + 14.0, size=8.0,
                   weight="regular", colour=MUTED)
    size, lines = fit(quality_day_text(edition), weight="bold", width=text_width_mm, size=12.0,
                      smallest=7.0, max_lines=1)
    y = flow.lines(lines, x=inner, y=y + 12.0, size=size, weight="bold", colour=INDIGO)

    motto = motto_text(edition)
    # the texts from outside: a message names where each came from
    if motto:
        check_font(motto, "regular", f"{FACTS_FILE}, год {edition.year}, поле «motto.text»")
    check_font(region, "bold", region_field)
    if site_url:
        check_font(site_url, "bold", SITE_VAR)
    if hashtag:
        check_font(hashtag, "bold", HASHTAG_FIELD)
    if motto:  # up to 200 characters (the data's limit): smaller type, at most three lines
        y = flow.lines(["Девиз недели"], x=inner, y=y + 14.0, size=8.0, weight="regular",
                       colour=MUTED)
        y += 11.0
        # a longer motto takes more lines: the frame below takes the height that is left
        size, lines = fit(motto, weight="regular", width=text_width_mm, size=9.0, smallest=5.0,
                          max_lines=2, depth=14.0, leading=1.25)
        y = flow.lines(lines, x=inner, y=y, size=size, weight="regular", colour=INK,
                       leading=1.25)

    bottom = height - margin
    frame_top = y + 10.0
    if bottom - WHERE_TO_LOOK_MM - 8.0 - frame_top >= FRAME_NEEDS_MM:
        footer = bottom - WHERE_TO_LOOK_MM
        _event_frame(flow, x=inner, top=frame_top, width=text_width_mm, bottom=footer - 8.0)
        flow.items.append(Box(inner, footer, text_width_mm, 0.8, INDIGO))
        _where_to_look(flow, x=inner, top=footer, width=text_width_mm, bottom=bottom,
                       region=region, region_field=region_field, site_url=site_url,
                       hashtag=hashtag)
        return Layout(width, height, "mm", tuple(flow.items),
                      title=f"Всемирная неделя качества {edition.year}: плакат")
    # the footer: with an address, the QR code's height; without, the region's line
    footer = bottom - (POSTER_QR_MM + 4.0 if site_url else 22.0)
    _event_frame(flow, x=inner, top=frame_top, width=text_width_mm, bottom=footer - 8.0)
    flow.items.append(Box(inner, footer, text_width_mm, 0.8, INDIGO))
    code = address_width = None
    if site_url:
        code = qr_code(site_url, x=inner + text_width_mm - POSTER_QR_MM, y=bottom - POSTER_QR_MM,
                       side=POSTER_QR_MM)
        # the address beside the code, clear of its quiet zone
        address_width = text_width_mm - POSTER_QR_MM - (POSTER_QR_QUIET + 1) * code.module
    # the region's name: beside the QR code too, and at most two lines above the sheet's margin
    size, lines = placed(region, region_field, weight="bold", width=address_width or text_width_mm,
                         size=9.0, smallest=6.0, room=2)
    y = flow.lines(lines, x=inner, y=footer + 12.0, size=size, weight="bold", colour=INK)
    if site_url:
        size, lines = fit(site_url, weight="regular", width=address_width, size=6.0,
                          smallest=3.0, max_lines=2, leading=1.2)
        if y + 10.0 + (len(lines) - 1) * size * 1.2 > bottom:  # the name took the address's room
            raise KitError(f"{region_field}: название в две строки и адрес сайта "
                           f"({SITE_VAR}) вместе не помещаются на плакат; сократите название: "
                           f"{shown(region)}")
        flow.lines(lines, x=inner, y=y + 10.0, size=size, weight="regular", colour=INDIGO)
        flow.items.append(code)
    return Layout(width, height, "mm", tuple(flow.items),
                  title=f"Всемирная неделя качества {edition.year}: плакат")


def site_address(site_url: str) -> str:
    """The site's address as people type it: «example.org/quality-week» (the scheme and the
    closing slash are only noise on a picture)."""
    return site_url.removeprefix("https://").rstrip("/")


def share_layout(edition: Edition, *, region: str, region_field: str = REGION_FIELD,
                 site_url: str | None = None, hashtag: str | None = None) -> Layout:
    """The share picture, 1200×630 pixels: the site's mark, the week, Quality Day, the region,
    then the hashtag and the site's address (each when known), where a reader looks next."""
    width, height = 1200.0, 630.0
    left, right = 400.0, 70.0
    text_width_px = width - left - right
    flow = _Flow()
    flow.items.append(Box(0, 0, width, height, INDIGO_DARK))
    flow.items.extend(_mark(210.0, 315.0, 120.0, WHITE, AMBER))
    flow.items.append(Box(left, 78.0, 140.0, 12.0, AMBER))
    size, lines = fit("Всемирная неделя качества", weight="bold", width=text_width_px, size=60.0,
                      smallest=40.0)
    flow.lines(lines, x=left, y=170.0, size=size, weight="bold", colour=WHITE)
    size, lines = fit(week_text(edition), weight="bold", width=text_width_px, size=84.0,
                      smallest=44.0)
    flow.lines(lines, x=left, y=280.0, size=size, weight="bold", colour=WHITE)
    day = (f"День качества{typography.WORD_DASH}{typography.weekday(edition.quality_day)}, "
           f"{typography.day_month(edition.quality_day)}")
    size, lines = fit(day, weight="regular", width=text_width_px, size=44.0, smallest=30.0)
    flow.lines(lines, x=left, y=360.0, size=size, weight="regular", colour=AMBER)
    check_font(region, "regular", region_field)
    # from the baseline at 440 px, at most three lines, clear of the hashtag below
    size, lines = placed(region, region_field, weight="regular", width=text_width_px, size=38.0,
                         smallest=24.0, room=3)
    flow.lines(lines, x=left, y=440.0, size=size, weight="regular", colour=WHITE)
    if hashtag:
        check_font(hashtag, "bold", HASHTAG_FIELD)
        size, lines = fit(hashtag, weight="bold", width=text_width_px, size=36.0, smallest=24.0)
        flow.lines(lines[:1], x=left, y=548.0, size=size, weight="bold", colour=AMBER)
    if site_url:
        check_font(site_url, "regular", SITE_VAR)
        # QUALITY_SITE_URL is at most 48 characters: one line at 22 px at the least
        size, lines = fit(site_address(site_url), weight="regular", width=text_width_px,
                          size=30.0, smallest=22.0)
        flow.lines(lines[:1], x=left, y=592.0, size=size, weight="regular", colour=WHITE)
    return Layout(width, height, "px", tuple(flow.items),
                  title=f"Всемирная неделя качества {edition.year}")


def printed(layout: Layout, text: str | None) -> str | None:
    """`text` when a line of the layout says it (the poster prints the hashtag only in its
    large footer), else None: for the alt text, which says what the picture shows."""
    return text if text and any(isinstance(item, Text) and item.text == text
                                for item in layout.items) else None


def share_alt(edition: Edition, *, region: str, site_url: str | None = None,
              hashtag: str | None = None) -> str:
    """«Всемирная неделя качества 9–15 ноября 2026 г., День качества — 12 ноября, <the region>,
    #ДеньКачества, example.org/quality-week»: what the picture says."""
    return ", ".join([f"Всемирная неделя качества "
                      f"{typography.format_range(edition.week_start, edition.week_end)}",
                      f"День качества{typography.WORD_DASH}"
                      f"{typography.day_month(edition.quality_day)}",
                      region, *([hashtag] if hashtag else []),
                      *([site_address(site_url)] if site_url else [])])


def poster_alt(edition: Edition, *, region: str, site_url: str | None = None,
               hashtag: str | None = None) -> str:
    """What the poster says and shows, for its preview's alt text."""
    parts = [f"Плакат: Всемирная неделя качества "
             f"{typography.format_range(edition.week_start, edition.week_end)}, "
             f"День качества{typography.WORD_DASH}{quality_day_text(edition)}"]
    motto = motto_text(edition)
    if motto:
        parts.append(f"девиз недели {motto}")
    parts.append("рамка «Наше мероприятие» со строками, чтобы вписать своё мероприятие от руки")
    parts.append(region)
    if site_url:
        parts.append("адрес сайта и QR-код с ним")
    if hashtag:
        parts.append(f"хэштег {hashtag}")
    return ", ".join(parts)
