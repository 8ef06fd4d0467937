"""Links of the built site: every internal href/src of every built HTML file resolves to a file
of the site, every #anchor exists on its target page, external links are well-formed https://.
Nothing is fetched (no network in tests)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_site
from site_files import html_files, page_path

# Cited sources that are published only over http. The research notes
# (shared research, facts.md) give no https address for these facts and no https version of these
# pages is known, so the site links them as published rather than guessing an https URL.
# Each entry must still be cited in data/facts.yml (checked below), so the list cannot go stale.
HTTP_ONLY_SOURCES = {
    "http://adm-dzer.ru/article/vsemirnaya-nedelya-kachestva-202005":
        "Roskachestvo's Quality Day e-mail and the date rule (2020 notice)",
    "http://www.asms.ru/news/v-rossii-otmechaetsya-vsemirnyy-den-kachestva.html":
        "2023 forum dates and plenary",
    "http://krasniy.admin-smolensk.ru/maloe-i-srednee-predprinimatelstvo/meropriyatiya/":
        "2023 forum partners notice",
}
# attributes that make the browser load or navigate to a URL
URL_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src",
                  "iframe": "src", "video": "src", "audio": "src", "form": "action"}
LOCAL = "http://site.invalid/"  # a base for a build without site_url; never fetched
PUBLISHED = "https://example.org/quality-week/"  # a project site in a subfolder, as on GitHub Pages
HOST = re.compile(r"(?=.{1,253}$)([a-z0-9\u0400-\u04ff-]{1,63}\.)+[a-z\u0400-\u04ff]{2,63}", re.I)


@dataclass
class Site:
    folder: Path
    base: str  # the address the site is published at (its pages' absolute URLs start with it)


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Site:
    """Built as published: with site_url in a subfolder (canonical links, sitemap, 404 page)."""
    build = build_site(tmp_path_factory.mktemp("published") / "site", QUALITY_TODAY="2026-11-28",
                       QUALITY_SITE_URL=PUBLISHED)
    assert build.result.returncode == 0, build.output
    return Site(build.site, PUBLISHED)


@pytest.fixture(scope="module", params=["site_2023", "site_after_2026", "published_site"])
def site(request) -> Site:
    """An edition with facts (more sources, more links), one without, and a published build."""
    if request.param == "published_site":
        return request.getfixturevalue(request.param)
    return Site(request.getfixturevalue(request.param).site, LOCAL)


@cache
def parsed(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def urls_of(file: Path):
    for tag, attribute in URL_ATTRIBUTES.items():
        for element in parsed(file).find_all(tag):
            if element.get(attribute) is not None:
                yield element[attribute]
    for element in parsed(file).find_all(srcset=True):
        yield from (part.split()[0] for part in element["srcset"].split(",") if part.strip())


def anchors_of(file: Path) -> set[str]:
    soup = parsed(file)
    return ({element["id"] for element in soup.find_all(id=True)}
            | {element["name"] for element in soup.find_all("a", attrs={"name": True})})


def target_file(site: Path, path: str) -> Path | None:
    """The file a site path is served from, as a static host does (folder → index.html)."""
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def is_well_formed_https(url: str) -> bool:
    parts = urlsplit(url)
    return (parts.scheme == "https" and bool(parts.hostname) and HOST.fullmatch(parts.hostname)
            is not None and not re.search(r"\s", url) and parts.username is None)


def internal_path(site: Site, resolved: str) -> str | None:
    """The site path of an absolute URL on the site's own address, else None (external)."""
    parts, base = urlsplit(resolved), urlsplit(site.base)
    if parts.netloc != base.netloc:
        return None
    if not parts.path.startswith(base.path):
        return parts.path  # on our host but outside the site's folder: reported as missing
    return parts.path[len(base.path):]


def check_target(site: Site, where: str, resolved: str, broken: list[str]) -> None:
    path = internal_path(site, resolved)
    if path is None:
        return
    target = target_file(site.folder, path)
    fragment = unquote(urlsplit(resolved).fragment)
    if target is None:
        broken.append(f"{where} → no file {path!r}")
    elif fragment and fragment not in anchors_of(target):
        broken.append(f"{where} → no #{fragment} in {target.relative_to(site.folder)}")


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for file in html_files(site.folder):
        base = urljoin(site.base, page_path(site.folder, file))
        for url in urls_of(file):
            scheme = urlsplit(url).scheme
            if scheme in ("", "http", "https"):
                check_target(site, f"{file.relative_to(site.folder)}: {url!r}",
                             urljoin(base, url), broken)
    assert not broken, "\n".join(broken)


def test_sitemap_lists_the_built_pages(published_site):
    """Every page in sitemap.xml exists; every page the site has is listed (404 aside)."""
    sitemap = (published_site.folder / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    broken = []
    for url in listed:
        check_target(published_site, f"sitemap.xml: {url}", url, broken)
    assert not broken
    pages = {urljoin(PUBLISHED, page_path(published_site.folder, f))
             for f in html_files(published_site.folder) if f.name != "404.html"}
    assert pages == set(listed)


def test_external_links_are_well_formed_https(site):
    bad = []
    for file in html_files(site.folder):
        for url in urls_of(file):
            scheme = urlsplit(url).scheme
            if scheme == "http" and url in HTTP_ONLY_SOURCES:
                continue
            if scheme in ("http", "https") and not is_well_formed_https(url):
                bad.append(f"{file.relative_to(site.folder)}: {url!r}")
    assert not bad, "\n".join(bad)


def test_mail_and_phone_links_are_well_formed(site):
    bad = []
    for file in html_files(site.folder):
        for url in urls_of(file):
            # an address, and at most a subject in percent-encoding (the form's no-script link)
            if url.startswith("mailto:") and not re.fullmatch(
                    r"mailto:[^@\s?]+@[^@\s?]+\.\w+(?:\?subject=(?:%[0-9A-F]{2}|[\w.~-])+)?", url):
                bad.append(url)
            if url.startswith("tel:") and not re.fullmatch(r"tel:\+\d{10,15}", url):
                bad.append(url)
    assert not bad


def test_http_only_sources_are_still_cited_and_nothing_else_is_http():
    facts = (ROOT / "data" / "facts.yml").read_text(encoding="utf-8")
    cited_http = set(re.findall(r"http://[^\s'\"]+", facts))
    assert cited_http == set(HTTP_ONLY_SOURCES), (
        "update HTTP_ONLY_SOURCES: an http source was added or dropped "
        f"(cited: {sorted(cited_http)})")


def test_checker_catches_a_broken_anchor_and_a_missing_file(tmp_path):
    """The checker itself: a page with a dead anchor and a dead link is reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#nope">x</a><a href="b/">y</a>'
                                         '<a href="http://example.org/">z</a>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h1 id="yes">a</h1>', encoding="utf-8")
    site = Site(tmp_path, LOCAL)
    with pytest.raises(AssertionError, match=r"no #nope in a/index.html[\s\S]*no file 'b/'"):
        test_every_internal_link_and_anchor_resolves(site)
    with pytest.raises(AssertionError, match="http://example.org/"):
        test_external_links_are_well_formed_https(site)
