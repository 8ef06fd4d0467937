"""Past editions: which years get an archive page, and the generated page sources.

Each page is a few lines of Markdown that call the site's macros (`edition_for`) and include one
shared template, docs/templates/archive-edition.md (MkDocs never builds docs/templates/ as pages),
so every year's page is laid out by the same code and a new year in data/facts.yml needs no edit.
"""

from __future__ import annotations

from collections.abc import Iterable

from .countdown import edition_front_matter

TEMPLATE = "templates/archive-edition.md"


def archive_years(data_years: Iterable[int], shown_year: int) -> list[int]:
    """Every year with data, and the shown edition even before it has any: newest first."""
    return sorted({*data_years, shown_year}, reverse=True)


def archive_path(year: int) -> str:
    """The docs-relative source path of `year`'s archive page."""
    return f"archive/{year}.md"


def archive_page(year: int) -> str:
    """The Markdown source of `year`'s archive page."""
    return (
        "---\n"
        "render_macros: true\n"
        f"title: Всемирная неделя качества {year}\n"
        f"share_year: {year}  # the year's own picture in the sharing meta\n"
        + edition_front_matter(year) +
        "description: >-\n"
        f"  Всемирная неделя качества {year} года: даты, девиз, Международный форум\n"
        "  «Всемирный день качества» и источники.\n"
        "---\n\n"
        f"{{% set e = edition_for({year}) %}}\n"
        f'{{% include "{TEMPLATE}" %}}\n'
    )
