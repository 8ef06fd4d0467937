"""The participant kit's generated files for the shown edition: the poster (PDF and its PNG
preview) and the share picture, with their paths and sizes for the kit page.

Built once per build (the same call from the pages and from the files hook is cached)."""

from __future__ import annotations

import functools
import math
from dataclasses import asdict, dataclass
from datetime import date

from ..core.calendar import edition_dates
from ..core.typography import NBSP
from ..inputs.facts import Region
from ..model.edition import Edition
from .poster_layout import (POSTER_MARGIN_MM, REGION_FIELD, motto_text, poster_alt, poster_layout,
                            printed, share_alt, share_layout)
from .poster_render import render_pdf, render_png

POSTER_PREVIEW_WIDTH = 600  # px; shown at half size on the page, sharp on a dense screen
SHARE_SIZE = (1200, 630)


def poster_pdf_path(year: int) -> str:
    return f"kit/poster-{year}.pdf"


def poster_png_path(year: int) -> str:
    return f"kit/poster-{year}.png"


def share_png_path(year: int) -> str:
    return f"kit/share-{year}.png"


def download_name(year: int, what: str, extension: str) -> str:
    """The name a browser saves a kit file under (the link's `download` attribute), in words
    a person recognises in their downloads folder: «Неделя-качества-2026-плакат.pdf»."""
    return f"Неделя-качества-{year}-{what}.{extension}"


def size_label(size: int) -> str:
    """«48 КБ» (kilobytes rounded up), «1,2 МБ»."""
    kilobytes = math.ceil(size / 1024)
    if kilobytes < 1024:
        return f"{kilobytes}{NBSP}КБ"
    return f"{size / 1024 / 1024:.1f}".replace(".", ",") + f"{NBSP}МБ"


@dataclass(frozen=True)
class Kit:
    """Paths are docs-relative; the pages and the theme read these, the hook writes `files`."""
    poster_pdf: str
    poster_png: str
    share_png: str
    poster_pdf_size: str
    poster_png_size: tuple[int, int]  # width, height in pixels
    share_png_size: str
    share_png_size_px: tuple[int, int]
    poster_alt: str
    poster_pdf_name: str  # the names the download links save the files under
    share_png_name: str
    poster_margin_mm: int  # the poster's blank edge, for the printing advice
    site_url: str | None  # the address printed on the poster
    hashtag: str | None  # the hashtag on the share picture (data/facts.yml)
    poster_hashtag: str | None  # and on the poster (only its large footer has room for it)
    share_alt: str
    files: dict[str, bytes]


_last: tuple[tuple, Kit] | None = None


def build_kit(edition: Edition, *, region: Region, site_url: str | None, today: date,
              region_field: str = REGION_FIELD, hashtag: str | None = None) -> Kit:
    """`region` is the data's region (its name on the poster and the picture; `region_field`
    names its file and field for a message when it does not fit); `site_url` the
    published address (QUALITY_SITE_URL), printed on the poster when known; `today` the build
    date, the PDF's creation date; `hashtag` Quality Day's (data/facts.yml), when the data
    gives it. The last kit is reused for the same inputs (the edition's dates follow from its
    year; of its facts the kit shows only the motto)."""
    global _last
    key = (edition.year, motto_text(edition), region, site_url, today, region_field, hashtag)
    if _last is None or _last[0] != key:
        _last = (key, _build_kit(edition, region=region, site_url=site_url, today=today,
                                 region_field=region_field, hashtag=hashtag))
    return _last[1]


def share_picture(edition: Edition, *, region: str, region_field: str = REGION_FIELD,
                  site_url: str | None = None, hashtag: str | None = None) -> bytes:
    """The edition's share picture (PNG, SHARE_SIZE): the shown edition's is the kit's; each
    archive page shares its own year's (hooks add them, qualityweek/build/generated.py). It shows
    only the computed dates, the region's name, the hashtag and the site's address, so these
    say it all."""
    return _share_picture(edition.year, region, region_field, site_url, hashtag)


@functools.lru_cache(maxsize=32)  # `mkdocs serve` draws each year's picture once
def _share_picture(year: int, region: str, region_field: str, site_url: str | None,
                   hashtag: str | None) -> bytes:
    layout = share_layout(Edition(**asdict(edition_dates(year))), region=region,
                          region_field=region_field, site_url=site_url, hashtag=hashtag)
    if (layout.width, layout.height) != SHARE_SIZE:
        raise ValueError(f"картинка для соцсетей не {SHARE_SIZE}")
    return render_png(layout, width_px=SHARE_SIZE[0])


def _build_kit(edition: Edition, *, region: Region, site_url: str | None, today: date,
               region_field: str, hashtag: str | None) -> Kit:
    year = edition.year
    poster = poster_layout(edition, region=region.name, site_url=site_url,
                           region_field=region_field, hashtag=hashtag)
    pdf = render_pdf(poster, created=today, creator=f"Неделя качества {region.prepositional}",
                     zone=region.zone)
    preview = render_png(poster, width_px=POSTER_PREVIEW_WIDTH)
    share = share_picture(edition, region=region.name, region_field=region_field,
                          site_url=site_url, hashtag=hashtag)
    return Kit(
        poster_pdf=poster_pdf_path(year), poster_png=poster_png_path(year),
        share_png=share_png_path(year), poster_pdf_size=size_label(len(pdf)),
        poster_png_size=(POSTER_PREVIEW_WIDTH,
                         round(poster.height * POSTER_PREVIEW_WIDTH / poster.width)),
        share_png_size=size_label(len(share)), share_png_size_px=SHARE_SIZE,
        poster_alt=poster_alt(edition, region=region.name, site_url=site_url,
                              hashtag=printed(poster, hashtag)),
        poster_pdf_name=download_name(year, "плакат", "pdf"),
        share_png_name=download_name(year, "картинка", "png"), poster_margin_mm=round(POSTER_MARGIN_MM),
        share_alt=share_alt(edition, region=region.name, site_url=site_url, hashtag=hashtag),
        site_url=site_url, hashtag=hashtag, poster_hashtag=printed(poster, hashtag),
        files={poster_pdf_path(year): pdf, poster_png_path(year): preview,
               share_png_path(year): share})
