"""What a built site holds, found in the built folder itself (never a list of pages), so the
gates cover pages and files added later, generated ones included."""

from __future__ import annotations

from pathlib import Path


def html_files(site: Path) -> list[Path]:
    """Every HTML file of the built site, 404.html and generated pages included."""
    files = sorted(site.rglob("*.html"))
    assert files, f"no HTML in {site}"
    return files


def page_path(site: Path, file: Path) -> str:
    """The URL path of a built HTML file relative to the site root: '' , 'forum/', '404.html'."""
    relative = file.relative_to(site).as_posix()
    if relative == "index.html":
        return ""
    return relative[: -len("index.html")] if relative.endswith("/index.html") else relative
