"""Large ready HTML that a page's Markdown (and search) should not re-read; no MkDocs imports.

Python-Markdown parses a raw HTML block again to find its end (md_in_html: 0.8 s for the events
page at 2000 events). A macro puts a short marker in the Markdown instead and keeps the HTML in
the page's metadata; a hook (hooks/deferred_html.py) puts it in the marker's place after
Markdown (`late=False`) or, for text that search should not index (event descriptions: the
search index would grow by megabytes that every reader's phone downloads), in the final page.
"""

from __future__ import annotations

import re

from markupsafe import Markup

KEY = "qw_deferred_html"
_MARKER = re.compile(r"<!-- qw-deferred-html (\d+) -->")


class DeferredHtmlError(ValueError):
    """A marker is missing from the rendered page or appears more than once."""


def defer(meta: dict, html: str, *, late: bool = False) -> Markup:
    """The marker to write in the page instead of `html` (kept in the page's `meta`)."""
    slots = meta.setdefault(KEY, {})
    number = str(len(slots) + 1)
    slots[number] = (html, late)
    return Markup(f"<!-- qw-deferred-html {number} -->")


def fill(content: str, meta: dict, *, late: bool = False) -> str:
    """`content` with the markers of the stage (`late` or not) replaced by their HTML, in one
    pass over the page. Each marker must be there exactly once; a marker of the late stage
    may be inside HTML filled in earlier."""
    slots = meta.get(KEY, {})
    wanted = {number: html for number, (html, is_late) in slots.items() if is_late == late}
    seen: dict[str, int] = {}

    def put(match: re.Match) -> str:
        number = match[1]
        if number not in wanted:  # the other stage's marker, or one an editor typed
            return match[0]
        seen[number] = seen.get(number, 0) + 1
        return wanted[number]

    content = _MARKER.sub(put, content)
    for number in wanted:
        if seen.get(number) != 1:  # e.g. an editor typed a marker, or put the macro in code
            raise DeferredHtmlError(
                f"метка <!-- qw-deferred-html {number} --> встречается на странице "
                f"{seen.get(number, 0)} раз(а) вместо одного: не копируйте её в текст страницы")
    if late:
        meta.pop(KEY, None)
    return content
