"""An editor's Markdown description as plain text, for places that show no HTML (the .ics
DESCRIPTION). No MkDocs imports.

Rendered by the events page's own renderer (description.description_html: raw HTML off, only
safe links stay links, others become «text (address)»), so a typed `<b>` stays the literal text
«<b>»; the resulting HTML is then read back as text: no tags, no Markdown syntax, no image
addresses (an image is its alt text), a link is its text and «(address)» after it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from functools import lru_cache
from html.parser import HTMLParser

from .description import description_html

# control characters (C0 and C1) other than tab and newline; also Markdown's own placeholder
# markers (\x02, \x03), which typed into the text could otherwise pull stashed content in
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\r\n]+")  # ASCII only: a non-breaking space is text
BULLET = "–"
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "blockquote", "hr",
           "table", "div", "dl"}


class _Break:
    """Where a line or paragraph ends, or a list item begins (with its prefix)."""

    def __init__(self, paragraph: bool = False, bullet: str = "") -> None:
        self.paragraph, self.bullet = paragraph, bullet


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str | _Break] = []
        self.links: list[tuple[str, int]] = []  # (href, where the link's text starts)
        self.lists = 0
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("ul", "ol") and self.lists:  # a nested list continues its item's lines
            self.parts.append(_Break())
        elif tag in _BLOCKS:
            self.parts.append(_Break(paragraph=True))
        elif tag == "li":
            self.parts.append(_Break(bullet="  " * (self.lists - 1) + BULLET + " "))
        elif tag == "br":
            self.parts.append(_Break())
        elif tag == "img":
            self.parts.append(attributes.get("alt") or "")
        elif tag == "a":
            self.links.append((attributes.get("href") or "", len(self.parts)))
        self.lists += tag in ("ul", "ol")
        self.pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        self.lists -= tag in ("ul", "ol")
        self.pre -= tag == "pre"
        if tag in _BLOCKS:
            self.parts.append(_Break(paragraph=not self.lists))
        elif tag == "li":
            self.parts.append(_Break())
        elif tag == "a" and self.links:
            href, begin = self.links.pop()
            shown = "".join(p for p in self.parts[begin:] if isinstance(p, str)).strip()
            bare = re.sub(r"^(mailto|tel):", "", href, flags=re.IGNORECASE)
            # only https, mail and phone links are still links after description_html
            if href not in (shown, "") and bare != shown:
                self.parts.append(f" ({href})" if shown else href)

    def handle_data(self, data: str) -> None:
        self.parts.append(data if self.pre else _SPACES.sub(" ", data))


def _joined(parts: list[str | _Break]) -> str:
    text, pending = "", []
    for part in parts:
        if isinstance(part, _Break):
            pending.append(part)
            continue
        if pending and not part.strip():  # the newlines between two blocks of the HTML
            continue
        if pending:
            bullets = [i for i, b in enumerate(pending) if b.bullet]
            before = pending[:bullets[-1]] if bullets else pending
            gap = "\n\n" if any(b.paragraph for b in before) else "\n"
            text = text.rstrip() + gap if text.strip() else ""
            text += pending[bullets[-1]].bullet if bullets else ""
            part, pending = part.lstrip(" "), []
        text += part
    return text.strip()


def _read(html: str, *, fast: bool = True) -> list[str | _Break]:
    """The parts of `html` as _TextParser sees them. Python-Markdown writes XHTML, which the C
    XML parser reads about ten times faster than html.parser (2000 events: 0.3 s); the tree is
    walked through the same handlers. `fast=False` (and any HTML that is not XML, such as a
    named entity like &copy; that the editor typed) goes through html.parser."""
    html = str(html)  # not Markup: its slices would escape the text they are joined to
    parser = _TextParser()
    try:
        if not fast:
            raise ElementTree.ParseError
        root = ElementTree.fromstring(f"<div>{html}</div>")
    except (ElementTree.ParseError, UnicodeError):  # HTML that is not XML, a lone surrogate
        parser.feed(html)
        parser.close()
    else:
        _walk(parser, root, outer=True)
    return parser.parts


def _walk(parser: _TextParser, element: ElementTree.Element, outer: bool = False) -> None:
    """Hands `element` to `parser` as html.parser would: start tag, text, children, end tag."""
    if not outer:
        parser.handle_starttag(element.tag, list(element.attrib.items()))
    if element.text:
        parser.handle_data(element.text)
    for child in element:
        _walk(parser, child)
        if child.tail:
            parser.handle_data(child.tail)
    if not outer:
        parser.handle_endtag(element.tag)


@lru_cache(maxsize=4096)  # the calendar and the events table both ask for every event's text
def description_text(markdown_text: str) -> str:
    """Plain text of an editor's Markdown: paragraphs apart by a blank line, list items as
    «– item» lines, links as «text (address)»."""
    source = _CONTROL.sub("", markdown_text.replace("\r\n", "\n"))
    parts = _read(description_html(source))
    # the web typography's word joiners mean nothing in a calendar app
    return _CONTROL.sub("", _joined(parts)).replace("\u2060", "")
