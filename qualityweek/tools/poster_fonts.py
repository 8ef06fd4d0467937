"""The print page's poster font: `python -m qualityweek.tools.poster_fonts` writes PT Sans
regular and bold, cut to what a company may type (qualityweek/outputs/poster_svg.py), to
docs/kit/fonts/, where the site serves them as static files. Run it after the font package or
fontTools changes version; tests/test_poster_loading.py says when the files are not current.
No MkDocs imports."""

from __future__ import annotations

import sys
from pathlib import Path

from ..outputs.poster_svg import FONT_WEIGHTS, font_file, font_subset

DOCS = Path("docs")


def stale_fonts(docs: Path = DOCS) -> list[Path]:
    """The subset files under `docs` that are missing or differ from a fresh cut."""
    return [docs / font_file(weight) for weight in FONT_WEIGHTS
            if not (docs / font_file(weight)).is_file()
            or (docs / font_file(weight)).read_bytes() != font_subset(weight)]


def write_fonts(docs: Path = DOCS) -> list[Path]:
    written = []
    for weight in FONT_WEIGHTS:
        path = docs / font_file(weight)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(font_subset(weight))
        written.append(path)
    return written


def main() -> int:
    for path in write_fonts():
        print(f"{path}: {path.stat().st_size} байт")
    return 0


if __name__ == "__main__":
    sys.exit(main())
