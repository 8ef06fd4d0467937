"""How the poster's print page loads (issue 23, Lighthouse 0.96 → 0.98): its text waits for the
poster's font (font-display: block), so the font is small and asked for with the page."""

from __future__ import annotations

import re

from building import ROOT

FONT_BUDGET = 30_000  # bytes per weight; with TrueType hinting each was about 81 KB


def test_the_poster_font_is_small_and_preloaded_with_the_page(site_after_2026):
    css = (ROOT / "docs" / "assets" / "poster-print.css").read_text(encoding="utf-8")
    faces = re.findall(r'url\("\.\./(kit/fonts/[a-z-]+\.woff)"\)', css)
    assert len(faces) == 2, css
    head = site_after_2026.page("poster").head
    preloaded = [link["href"].removeprefix("../") for link in head.select('link[rel="preload"]')]
    assert sorted(preloaded) == sorted(faces)
    for link in head.select('link[rel="preload"]'):
        # a font preload without crossorigin is fetched twice
        assert link["as"] == "font" and link.has_attr("crossorigin")
        assert link["type"] == "font/woff"
    for face in faces:
        size = (site_after_2026.site / face).stat().st_size
        assert 10_000 < size <= FONT_BUDGET, (face, size)
    # no other page asks for the poster's font
    assert not site_after_2026.page("").head.select('link[rel="preload"][as="font"]')


def test_the_shipped_font_files_are_the_current_cut_of_pt_sans():
    """docs/kit/fonts/ holds what `python -m qualityweek.tools.poster_fonts` writes: PT Sans cut
    to what a company may type, from the pinned font package and fontTools."""
    from qualityweek.tools.poster_fonts import stale_fonts
    stale = stale_fonts(ROOT / "docs")
    assert not stale, (f"{', '.join(str(p.relative_to(ROOT)) for p in stale)}: not the current "
                       "cut of PT Sans; run python -m qualityweek.tools.poster_fonts")
