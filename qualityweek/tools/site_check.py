"""Checks of a built site folder that hold for any content: every internal link and anchor
resolves, external links are well-formed https (or a cited http-only source), mail and phone
links are well-formed, every page parses without an error in a standards (WHATWG) parser and
declares <html lang="ru">; and the texts a reader meets, the site's own apart from the companies'
(for the spelling gate, spelling.py).

The product tests (tests/test_built_links.py, test_html_valid.py, test_spelling.py) run these
on sites built from fixtures; the deployment check (check_deployment.py) runs them on every
region folder the repository ships. Nothing is fetched. No MkDocs imports; BeautifulSoup,
html5lib, pypdf and icalendar are imported here (requirements-dev.txt), never by the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# attributes that make the browser load or navigate to a URL
URL_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src",
                  "iframe": "src", "video": "src", "audio": "src", "form": "action"}
LOCAL = "http://site.invalid/"  # a base for a build without site_url; never fetched
HOST = re.compile(r"(?=.{1,253}$)([a-z0-9\u0400-\u04ff-]{1,63}\.)+[a-z\u0400-\u04ff]{2,63}", re.I)
MAILTO = re.compile(r"mailto:[^@\s?]+@[^@\s?]+\.\w+(?:\?subject=(?:%[0-9A-F]{2}|[\w.~-])+)?")
TEL = re.compile(r"tel:\+\d{10,15}")
# what the companies write about their events: the event cards (outputs/events_html.py)
COMPANY_TEXT = ".qw-event"


@dataclass(frozen=True)
class Site:
    folder: Path
    base: str = LOCAL  # the address the site is published at (its pages' URLs start with it)


def html_files(folder: Path) -> list[Path]:
    """Every HTML file of a built site, 404.html and generated pages included."""
    return sorted(folder.rglob("*.html"))


def page_path(folder: Path, file: Path) -> str:
    """The URL path of a built HTML file relative to the site root: '', 'forum/', '404.html'."""
    relative = file.relative_to(folder).as_posix()
    if relative == "index.html":
        return ""
    return relative[: -len("index.html")] if relative.endswith("/index.html") else relative


@cache
def _parsed(file: Path, stamp: tuple):
    from bs4 import BeautifulSoup
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def _stamp(file: Path) -> tuple:
    info = file.stat()
    return info.st_mtime_ns, info.st_size


def parsed(file: Path):
    """A built page's parse tree (cached while the file is unchanged)."""
    return _parsed(file, _stamp(file))


def urls_of(file: Path) -> list[str]:
    """Every URL a page loads or links to, in document order."""
    return list(_urls_of(file, _stamp(file)))


@cache
def _urls_of(file: Path, stamp: tuple) -> tuple[str, ...]:
    urls = []
    for element in parsed(file).find_all(True):  # one walk of the tree (each page is asked twice)
        attribute = URL_ATTRIBUTES.get(element.name)
        if attribute and element.get(attribute) is not None:
            urls.append(element[attribute])
        if element.get("srcset") is not None:
            urls += [part.split()[0] for part in element["srcset"].split(",") if part.strip()]
    return tuple(urls)


def anchors_of(file: Path) -> set[str]:
    return _anchors_of(file, _stamp(file))


@cache
def _anchors_of(file: Path, stamp: tuple) -> frozenset[str]:
    anchors = set()
    for element in parsed(file).find_all(True):
        if element.get("id") is not None:
            anchors.add(element["id"])
        if element.name == "a" and element.get("name") is not None:
            anchors.add(element["name"])
    return frozenset(anchors)


def target_file(folder: Path, path: str) -> Path | None:
    """The file a site path is served from, as a static host does (folder → index.html)."""
    candidate = folder / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def is_well_formed_https(url: str) -> bool:
    parts = urlsplit(url)
    return (parts.scheme == "https" and bool(parts.hostname) and HOST.fullmatch(parts.hostname)
            is not None and not re.search(r"\s", url) and parts.username is None)


def _internal_path(site: Site, resolved: str) -> str | None:
    """The site path of an absolute URL on the site's own address, else None (external)."""
    parts, base = urlsplit(resolved), urlsplit(site.base)
    if parts.netloc != base.netloc:
        return None
    if not parts.path.startswith(base.path):
        return parts.path  # on our host but outside the site's folder: reported as missing
    return parts.path[len(base.path):]


def check_target(site: Site, where: str, resolved: str) -> str | None:
    """The problem with a link to `resolved`, or None when it is external or resolves."""
    path = _internal_path(site, resolved)
    if path is None:
        return None
    target = target_file(site.folder, path)
    fragment = unquote(urlsplit(resolved).fragment)
    if target is None:
        return f"{where} → нет файла {path!r}"
    if fragment and fragment not in anchors_of(target):
        return f"{where} → нет якоря #{fragment} в {target.relative_to(site.folder).as_posix()}"
    return None


def broken_links(site: Site) -> list[str]:
    """Every internal href/src whose file or #anchor the site does not have."""
    broken = []
    for file in html_files(site.folder):
        base = urljoin(site.base, page_path(site.folder, file))
        for url in urls_of(file):
            if urlsplit(url).scheme in ("", "http", "https"):
                problem = check_target(site, f"{file.relative_to(site.folder).as_posix()}: "
                                             f"{url!r}", urljoin(base, url))
                if problem:
                    broken.append(problem)
    return broken


def bad_external_links(site: Site, http_only: frozenset[str] = frozenset()) -> list[str]:
    """External links that are not well-formed https (`http_only`: cited sources published
    only over http), and malformed mailto:/tel: links."""
    bad = []
    for file in html_files(site.folder):
        where = file.relative_to(site.folder).as_posix()
        for url in urls_of(file):
            scheme = urlsplit(url).scheme
            if scheme == "http" and url in http_only:
                continue
            if scheme in ("http", "https") and not is_well_formed_https(url):
                bad.append(f"{where}: {url!r}")
            # an address, and at most a subject in percent-encoding (the form's no-script link)
            if url.startswith("mailto:") and not MAILTO.fullmatch(url):
                bad.append(f"{where}: {url!r}")
            if url.startswith("tel:") and not TEL.fullmatch(url):
                bad.append(f"{where}: {url!r}")
    return bad


def parse_errors(html: bytes) -> list[str]:
    """The first error of html5lib's strict parser, or none."""
    return _strict_parse(html)[0]


def _strict_parse(html: bytes):
    """(the first error of html5lib's strict parser or none, the <html> element: of the
    strict parse, or of a lenient one after an error)."""
    import html5lib
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        return [], parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        (line, column), code, _ = parser.errors[0]
        return ([f"строка {line}, позиция {column}: {code} ({error})"],
                html5lib.parse(html, namespaceHTMLElements=False))


def html_problems(folder: Path) -> list[str]:
    """Every page that does not parse cleanly or does not say it is in Russian."""
    problems = []
    for file in html_files(folder):
        where = file.relative_to(folder).as_posix()
        errors, root = _strict_parse(file.read_bytes())
        problems += [f"{where}: {error}" for error in errors]
        if root.get("lang") != "ru":
            problems.append(f"{where}: нет <html lang=\"ru\">")
    return problems


def page_texts(folder: Path, *, whole: bool = False) -> dict[str, str]:
    """{site path: text} of every built page: its article (or, `whole`, everything in <body>),
    without scripts, styles, code and the event cards (the companies' words)."""
    texts = {}
    for path in html_files(folder):
        text = _page_text(path, _stamp(path))[whole]
        if text is not None:
            texts[path.relative_to(folder).as_posix()] = text
    return texts


@cache
def _page_text(path: Path, stamp: tuple) -> tuple[str | None, str | None]:
    """(the article's text, or the body's without an article; the body's text) of one page,
    from one parse (the spelling gate asks for both)."""
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    if soup.body is None:
        return None, None
    for element in soup.body.select(f"script, style, code, pre, {COMPANY_TEXT}"):
        element.decompose()
    article = soup.body.select_one("article") or soup.body
    return article.get_text(" "), soup.body.get_text(" ")


def file_texts(folder: Path) -> dict[str, str]:
    """{site path: text} of the ready texts, the poster and the calendars (the site's own
    entries: the events' entries are the companies' words)."""
    from icalendar import Calendar
    from pypdf import PdfReader
    texts = {}
    for path in sorted(folder.rglob("*.txt")):
        if path.name != "robots.txt":
            texts[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8")
    for path in sorted(folder.rglob("*.pdf")):
        texts[path.relative_to(folder).as_posix()] = "\n".join(
            page.extract_text() for page in PdfReader(path).pages)
    for path in sorted(folder.rglob("*.ics")):
        calendar = Calendar.from_ical(path.read_bytes())
        texts[path.relative_to(folder).as_posix()] = "\n".join(
            str(entry.get(field, ""))
            for entry in calendar.walk("VEVENT") if "-event-" not in str(entry["UID"])
            for field in ("SUMMARY", "DESCRIPTION", "LOCATION"))
    return texts


def site_texts(folder: Path) -> dict[str, str]:
    """Everything a reader reads on the built site that the spelling gate checks."""
    return {**page_texts(folder), **file_texts(folder)}
