"""Resolve a link key from the registry (data/facts.yml, `links:`) to the URL for an edition.

A page names a link by key, never by URL. A per-year template (Roskachestvo's
`https://rskrf.ru/qualityday{year}/`) is used only for a year whose data confirms it
(`yearly_links`); every other year gets the stable URL.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from .facts import Link


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
