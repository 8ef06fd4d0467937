"""Resolve a link key from the registry (data/facts.yml, `links:`) to the URL for an edition,
and make a relative link between the site's own pages and files (`relative_href`).

A page names a link by key, never by URL. A per-year template (Roskachestvo's
`https://rskrf.ru/qualityday{year}/`) is used only for a year whose data confirms it
(`yearly_links`); every other year gets the stable URL.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Mapping

from ..inputs.facts import Link


class UnknownLinkError(KeyError):
    """A page asked for a key the registry does not have."""

    def __str__(self) -> str:  # KeyError would print the repr of its argument
        return str(self.args[0])


def resolve_link(registry: Mapping[str, Link], key: str, year: int,
                 confirmed: Collection[str] = ()) -> str:
    """The URL for `key` in edition `year`; `confirmed` lists keys whose per-year URL is confirmed."""
    try:
        link = registry[key]
    except KeyError:
        raise UnknownLinkError(
            f"неизвестный ключ ссылки «{key}»; известные ключи: {', '.join(sorted(registry))}"
        ) from None
    if link.yearly and key in confirmed:
        return link.yearly.format(year=year)
    return link.url


def relative_href(page_url: str, target: str) -> str:
    """A link from the page at site URL `page_url` («kit/», «index.html», «») to the site file
    `target`; for raw HTML, whose links MkDocs does not rewrite."""
    here = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return posixpath.relpath(target, here.rstrip("/") or ".")
