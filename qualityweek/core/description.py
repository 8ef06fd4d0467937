"""An event's description (editor-written Markdown) as safe HTML, rendered once per text.

Raw HTML is shown as text; images become their caption (a picture would be a request to someone
else's server, 152-FZ); a link stays a link only to https (validated like every URL of the site),
mail or phone, and any other link becomes its text followed by its address, so nothing the
editor wrote disappears. `<name@example.org>` is a working mail link. The text is never run
through Jinja. No MkDocs imports.
"""

from __future__ import annotations

import html
import re
import types
import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup
from pymdownx.magiclink import RE_LINK, RE_MAIL, MagiclinkMailPattern, MagiclinkPattern

from . import typography
from .hosts import lookalike_host
from .untrusted import (CONTROL_IN_MULTILINE, DESCRIPTION_BRACKETS, DESCRIPTION_LENGTH, Problem,
                        check_text, check_url, is_email, shown)

# Python-Markdown nests a list or quote per marker, even on one line («1. 1. 1. …»), and recurses
# per level: past a few hundred it fails with RecursionError. Nobody needs more than a few.
MAX_NESTING = 8
# A quote marker needs no space after it: «>>>» nests three quotes.
MARKERS = re.compile(r"(?:[ \t]*(?:(?:[-*+]|[0-9]+[.)])(?:[ \t]+|$)|>))+")
# Character references and named entities, which Python-Markdown passes to the page as they are
# and the browser (and the calendar's plain text) decodes.
REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
# The site name of every address in the text (bare or in a Markdown link, «www.» as well):
# after the scheme, up to a path, a query, a space or a bracket; a user («…@»), a port and a
# sentence's last dot are taken off (HOST_END).
_NOT_IN_HOST = "\\s/?#<>()\\[\\]\"'«»\\\\"  # a regex class body, also read by JavaScript
LINK_HOST = re.compile(f"(?:[A-Za-z][A-Za-z0-9+.-]{{0,31}}://|(?<![^\\s(\\[<«\"'])(?=www\\.))"
                       f"(?:[^{_NOT_IN_HOST}]*@)?([^{_NOT_IN_HOST}@]+)")
HOST_END = re.compile(r"(?::[0-9]*)?[.,;:!?]*$")


def link_hosts(text: str) -> list[str]:
    """The site names of the addresses in a description (for the look-alike check)."""
    return [HOST_END.sub("", found[1], count=1) for found in LINK_HOST.finditer(text)]


def check_references(text: str) -> None:
    """The text checks apply to what a reference stands for: `&#x202E;` or `&rlm;` is refused
    like the character typed (ValueError quoting the reference)."""
    for found in REFERENCE.finditer(text):
        bad = CONTROL_IN_MULTILINE.search(html.unescape(found[0]))
        if bad:
            raise Problem(f"запись {shown(found[0])} даёт невидимый или управляющий символ: "
                          "пишите обычный текст", "reference", reference=f"«{found[0]}»",
                          character=bad[0])


def check_description(text: str) -> str:
    """`text` if it is a description the site renders quickly and fully; ValueError otherwise."""
    check_text(text, limit=DESCRIPTION_LENGTH, multiline=True)
    check_references(text)
    for host in link_hosts(text):
        if lookalike_host(host):
            raise Problem(f"адрес с именем сайта {shown(host)}: буквы разных алфавитов или "
                          "знаки, похожие на другие буквы, точку или косую черту (так выглядят "
                          "поддельные адреса)", "url_lookalike")
    if text.count("[") > DESCRIPTION_BRACKETS:
        raise Problem(f"в описании больше {DESCRIPTION_BRACKETS} квадратных скобок «[» "
                      f"({text.count('[')}): сократите число ссылок", "brackets",
                      limit=DESCRIPTION_BRACKETS, count=text.count("["))
    for number, line in enumerate(text.splitlines(), 1):
        match = MARKERS.match(line)
        if match:
            prefix = match[0].expandtabs(4)
            depth = len(re.findall(r"[-*+>]|[0-9]+[.)]", prefix)) + (len(prefix) - len(prefix.lstrip())) // 4
            if depth > MAX_NESTING:
                raise Problem(f"строка описания {number}: вложенность списков или цитат "
                              f"глубже {MAX_NESTING} уровней", "nesting", line=number,
                              limit=MAX_NESTING)
    return text


def _allowed(href: str) -> bool:
    try:
        check_url(href, schemes=("https", "mailto", "tel"))
    except ValueError:
        return False
    return True


class _SafeContent(Treeprocessor):
    def run(self, root) -> None:
        for parent in list(root.iter()):
            shift = 0  # a note inserted after a link moves the later children by one
            for position, child in enumerate(list(parent)):
                index = position + shift
                if child.tag == "img":  # keep its words, drop the picture
                    span = parent.makeelement("span", {})
                    span.text, span.tail = child.get("alt", ""), child.tail
                    parent.remove(child)
                    parent.insert(index, span)
                elif child.tag == "a" and not _allowed(child.get("href", "")):
                    href = child.attrib.pop("href", "")
                    child.attrib.pop("title", None)
                    child.tag = "span"
                    if href and href != "".join(child.itertext()).strip():
                        # the address stays visible, as text: the reader can still judge it
                        note = parent.makeelement("span", {})
                        note.text, note.tail = f" ({href})", child.tail
                        child.tail = None
                        parent.insert(index + 1, note)
                        shift += 1


# Python-Markdown's own pattern, with a space (or the line's end) required after the «#»s.
_HASH_HEADING = re.compile(
    r"(?:^|\n)(?P<level>#{1,6})(?=[ \t]|\n|$)(?P<header>(?:\\.|[^\\])*?)#*(?:\n|$)")


class _NoHeadings(Treeprocessor):
    """A heading in a description is a bold paragraph: the events page's outline (day
    headings, event headings) stays the page's own."""

    def run(self, root) -> None:
        for element in root.iter():
            if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                strong = element.makeelement("strong", {})
                strong.text, element.text = element.text, None
                strong.extend(list(element))
                for child in list(element):
                    element.remove(child)
                element.append(strong)
                element.tag = "p"


class _MailLink(InlineProcessor):
    """`<name@example.org>` as a plain mailto link (Markdown's own hides the address in
    character references, which the safety check above cannot read)."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's API
        address = m.group(1)
        if not is_email(address):
            return None, None, None
        link = etree.Element("a", {"href": f"mailto:{address}"})
        link.text = address
        return link, m.start(0), m.end(0)


# A link's text and target are found by scanning the rest of the description from each «[»: in
# Python, character by character, over a text that escapes and code spans have already made
# longer (each becomes a placeholder of a dozen characters). 8 KB of «[\\](» took over a second.
# The same scans by str.find (in C), and a target's scan only as far as a target can reach, cost
# milliseconds at the size limit (tests/test_description_cost.py, bench/bench.py).
_LINK_WINDOW = 4 * DESCRIPTION_LENGTH  # a link target plus its title, placeholders included


def _get_text(self, data: str, index: int) -> tuple[str, int, bool]:
    """LinkInlineProcessor.getText: the text up to the «]» that closes the «[» before `index`."""
    depth, position = 1, index
    opening = data.find("[", position)
    while True:
        closing = data.find("]", position)
        if closing < 0:
            return data[index:], len(data), False
        while 0 <= opening < closing:  # the «[» before this «]» nest one level deeper each
            depth += 1
            opening = data.find("[", opening + 1)
        depth -= 1
        if depth == 0:
            return data[index:closing], closing + 1, True
        position = closing + 1


def _bounded_get_link(get_link):
    def get_link_within(data: str, index: int):
        """getLink on what can hold a link target: nothing closes a link without «)»."""
        if data.find(")", index) < 0:
            return "", None, index, False
        return get_link(data[:index + _LINK_WINDOW], index)
    return get_link_within


def _fast_links(md: markdown.Markdown) -> None:
    for name in ("reference", "link", "image_link", "image_reference", "short_reference",
                 "short_image_ref"):
        if name in md.inlinePatterns:
            processor = md.inlinePatterns[name]
            processor.getText = types.MethodType(_get_text, processor)
            if hasattr(processor, "getLink"):
                processor.getLink = _bounded_get_link(processor.getLink)


# A list's first item after a line of text: a bullet, or «1.» as CommonMark has it (another
# number there is more likely a number in a sentence: «в 2026 г. было\n2. …»). At most three
# spaces before the marker: four make a nested item or code.
_FIRST_ITEM = re.compile(r" {0,3}(?:[-*+]|1[.)])[ \t]+\S")
_ANY_ITEM = re.compile(r" {0,3}(?:[-*+]|[0-9]+[.)])[ \t]+\S")


class _ListAfterText(Preprocessor):
    """Lists as people type them in a form, one line each, with no blank lines around:
    «Вы увидите:\n- цех\n- лаборатория\nПрограмма:» is a line, a list and a line, as in every
    editor people know. Python-Markdown wants a blank line before a list, and reads an unindented
    line after an item as part of it: add the blank lines. An item's indented continuation lines
    and the items themselves are left alone (a blank line there would make a tight list loose)."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_list = None  # the kind of list the block since the last blank line is, if any
        for line in lines:
            item = _ANY_ITEM.match(line)
            kind = item and ("ul" if item[0].strip()[0] in "-*+" else "ol")
            if not line.strip():
                in_list = None
            elif not out or not out[-1].strip():
                in_list = kind
            elif not in_list and _FIRST_ITEM.match(line):
                out.append("")
                in_list = kind
            elif in_list and kind and kind != in_list:
                out.append("")  # «1.» after «-» items: a numbered list of its own (sane_lists)
                in_list = kind
            elif in_list and not line[0].isspace() and not kind:
                out.append("")  # text after the list, not a lazy continuation of its last item
                in_list = None
            out.append(line)
        return out


class _BareLink(MagiclinkPattern):
    """magiclink's bare address; a «www.» address is linked as https, the only web scheme the
    site links (magiclink writes http://, which the safety check would turn back into text)."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's API
        link, start, end = super().handleMatch(m, data)
        if link is not None and m.group("www"):
            link.set("href", "https://" + link.get("href").removeprefix("http://"))
        return link, start, end


class _BareMail(MagiclinkMailPattern):
    """magiclink's bare e-mail address as a plain mailto link (its own hides the address in
    character references, which the safety check cannot read)."""

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's API
        address = m.group("mail")
        if not is_email(address):
            return None, None, None
        link = etree.Element("a", {"href": f"mailto:{address}"})
        link.text = address
        return link, m.start(0), m.end(0)


def _renderer() -> markdown.Markdown:
    # as people write on the web: bare https://, www. and e-mail addresses are links (through
    # the same check as every link), and a list needs no blank line around it
    md = markdown.Markdown(extensions=["sane_lists", "pymdownx.magiclink"],
                           extension_configs={"pymdownx.magiclink": {"hide_protocol": False}})
    md.preprocessors.register(_ListAfterText(md), "qw_list_after_text", 25)
    bare_link = _BareLink(RE_LINK, md)
    bare_link.config = md.inlinePatterns["magic-link"].config
    md.inlinePatterns.register(bare_link, "magic-link", 85)
    md.inlinePatterns.register(_BareMail(RE_MAIL, md), "magic-mail", 84.9)
    # raw HTML from an editor is shown as text, not injected into the page
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.deregister("automail")
    md.inlinePatterns.register(_MailLink(r"<([^<> !]+@[^@<> ]+)>", md), "qw_mail", 110)
    md.treeprocessors.register(_SafeContent(md), "qw_safe_content", 0)
    # A «#» heading needs a space after its marks, so a hashtag at a line start
    # («#НеделяКачества») stays text as typed; headings become bold paragraphs (_NoHeadings).
    md.parser.blockprocessors["hashheader"].RE = _HASH_HEADING
    md.treeprocessors.register(_NoHeadings(md), "qw_no_headings", 1)
    _fast_links(md)
    return md


_RENDERER: markdown.Markdown | None = None


@lru_cache(maxsize=4096)
def description_html(text: str) -> Markup:
    """The description as HTML; the same text is rendered once per process (the events page,
    the year's archive page and the calendar all ask for it), by one reused renderer (setting
    one up costs about as much as rendering a short description)."""
    global _RENDERER
    if _RENDERER is None:
        _RENDERER = _renderer()
    html = _RENDERER.reset().convert(text)
    # NBSPs before dashes and after «г.», «ул.» as in the rest of the site (text only: the
    # rendered HTML has no spaces inside tags that these patterns could touch)
    return Markup(typography.glue(html))
