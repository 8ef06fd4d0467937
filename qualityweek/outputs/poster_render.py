"""Two renderers of one layout (poster_layout.py): a PDF with real, selectable text in
the embedded (subset) PT Sans, through fpdf2, and a PNG through Pillow (the poster's preview
and the share picture), so the build needs no PDF rasterizer.

Both are byte-reproducible: the PDF's creation date is the build date from the settings and its
/ID a hash of its content (fpdf2's default); the PNG carries no time or text chunks.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time, tzinfo
from io import BytesIO

from fpdf import FPDF
from fpdf.drawing import DeviceRGB
from fpdf.enums import PathPaintRule, StrokeCapStyle, StrokeJoinStyle
from PIL import Image, ImageDraw, ImageFont

from .poster_layout import (FONT_FAMILY, WHITE, Box, Frame, Layout, QrCode, Ring, Stroke, Text,
                            font_path)

PT_PER_MM = 72 / 25.4
_STYLE = {"regular": "", "bold": "B"}
PALETTE = 128
SUPERSAMPLE = 3  # Pillow draws shapes without antialiasing: draw larger, then scale down


def _dark_runs(code: QrCode):
    """(row, first column, length) of each horizontal run of dark modules."""
    for row, modules in enumerate(code.modules):
        column = 0
        while column < len(modules):
            if modules[column]:
                end = column
                while end < len(modules) and modules[end]:
                    end += 1
                yield row, column, end - column
                column = end
            else:
                column += 1


def render_pdf(layout: Layout, *, created: date, creator: str, zone: tzinfo) -> bytes:
    """The layout (in millimetres) as a one-page PDF dated `created` (midnight in `zone`, the
    region's); `creator` its metadata's author program («Неделя качества» and the region in its
    prepositional case)."""
    if layout.unit != "mm":
        raise ValueError(f"PDF из макета в «{layout.unit}»: ожидаются миллиметры")
    pdf = FPDF(unit="mm", format=(layout.width, layout.height))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for weight, style in _STYLE.items():
        pdf.add_font(FONT_FAMILY, style, font_path(weight))
    pdf.set_creation_date(datetime.combine(created, time(0), tzinfo=zone))
    pdf.set_title(layout.title)
    pdf.set_lang("ru")
    pdf.set_creator(creator)
    pdf.add_page()
    for item in layout.items:
        if isinstance(item, Box):
            pdf.set_fill_color(*item.colour)
            pdf.rect(item.x, item.y, item.w, item.h, style="F")
        elif isinstance(item, Ring):  # a closed path: fpdf2's circle() leaves a notch where it starts
            with pdf.new_path(paint_rule=PathPaintRule.STROKE) as path:
                path.style.stroke_color = DeviceRGB(*(c / 255 for c in item.colour))
                path.style.stroke_width = item.width
                path.circle(item.cx, item.cy, item.r)
        elif isinstance(item, Frame):
            pdf.set_draw_color(*item.colour)
            pdf.set_line_width(item.width)
            pdf.rect(item.x, item.y, item.w, item.h, style="D")
        elif isinstance(item, QrCode):  # vector squares: sharp at any print size
            pdf.set_fill_color(*item.colour)
            for row, column, run in _dark_runs(item):
                pdf.rect(item.x + column * item.module, item.y + row * item.module,
                         run * item.module, item.module, style="F")
        elif isinstance(item, Stroke):
            with pdf.local_context(stroke_cap_style=StrokeCapStyle.ROUND,
                                   stroke_join_style=StrokeJoinStyle.ROUND):
                pdf.set_draw_color(*item.colour)
                pdf.set_line_width(item.width)
                pdf.polyline(list(item.points), style="D")
        elif isinstance(item, Text):
            pdf.set_font(FONT_FAMILY, _STYLE[item.weight], item.size * PT_PER_MM)
            pdf.set_text_color(*item.colour)
            pdf.text(item.x, item.y, item.text)
    return bytes(pdf.output())


@functools.cache
def _font(weight: str, size_px: int) -> ImageFont.FreeTypeFont:
    # the basic layout: no kerning, as the layout measured the lines
    return ImageFont.truetype(str(font_path(weight)), size_px,
                              layout_engine=ImageFont.Layout.BASIC)


def render_png(layout: Layout, *, width_px: int) -> bytes:
    """The layout as a paletted PNG `width_px` wide (height in proportion)."""
    height_px = round(layout.height * width_px / layout.width)
    s = width_px * SUPERSAMPLE / layout.width  # pixels of the large drawing per layout unit
    image = Image.new("RGB", (width_px * SUPERSAMPLE, height_px * SUPERSAMPLE), WHITE)
    draw = ImageDraw.Draw(image)
    for item in layout.items:
        if isinstance(item, Box):
            draw.rectangle((item.x * s, item.y * s, (item.x + item.w) * s - 1,
                            (item.y + item.h) * s - 1), fill=item.colour)
        elif isinstance(item, Ring):  # PDF strokes straddle the path; Pillow's lie inside
            outer = item.r + item.width / 2
            draw.ellipse(((item.cx - outer) * s, (item.cy - outer) * s,
                          (item.cx + outer) * s, (item.cy + outer) * s),
                         outline=item.colour, width=round(item.width * s))
        elif isinstance(item, Stroke):
            points = [(x * s, y * s) for x, y in item.points]
            draw.line(points, fill=item.colour, width=round(item.width * s), joint="curve")
            half = item.width * s / 2
            for x, y in (points[0], points[-1]):  # round caps
                draw.ellipse((x - half, y - half, x + half, y + half), fill=item.colour)
        elif isinstance(item, Text):
            draw.text((item.x * s, item.y * s), item.text, fill=item.colour,
                      font=_font(item.weight, round(item.size * s)), anchor="ls")
        elif isinstance(item, Frame):  # PDF strokes straddle the edges; Pillow's lie inside
            half = item.width / 2
            draw.rectangle(((item.x - half) * s, (item.y - half) * s,
                            (item.x + item.w + half) * s, (item.y + item.h + half) * s),
                           outline=item.colour, width=max(1, round(item.width * s)))
    # each pixel the mean of its SUPERSAMPLE² drawn ones: the shapes' coverage, what
    # antialiasing is (and ten times faster than a Lanczos resize, with fewer edge colours)
    image = image.reduce(SUPERSAMPLE)
    draw = ImageDraw.Draw(image)
    for item in layout.items:  # after scaling: a QR code's modules on whole pixels, unblurred
        if isinstance(item, QrCode):
            scale = width_px / layout.width
            edge = [round((item.x + i * item.module) * scale) for i in range(len(item.modules) + 1)]
            top = [round((item.y + i * item.module) * scale) for i in range(len(item.modules) + 1)]
            for row, column, run in _dark_runs(item):
                draw.rectangle((edge[column], top[row], edge[column + run] - 1, top[row + 1] - 1),
                               fill=item.colour)
    # a few flat colours and their antialiased edges: a palette of 128 looks the same at
    # about 40 % of the size (fast octree: 40 % faster than median cut and smaller here, no
    # dithering: deterministic)
    image = image.quantize(colors=PALETTE, method=Image.Quantize.FASTOCTREE,
                           dither=Image.Dither.NONE)
    out = BytesIO()
    # zlib level 8: within 3 % of level 9's size at 2.5 times its speed (a build writes a dozen
    # of these); no tIME, tEXt or iCCP chunks
    image.save(out, format="PNG", compress_level=8)
    return out.getvalue()
