"""Links of the built site: every internal href/src of every built HTML file resolves to a file
of the site, every #anchor exists on its target page, external links are well-formed https://.
Nothing is fetched (no network in tests). The checks are qualityweek/tools/site_check.py's,
which the deployment check runs on every region folder too."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from building import ROOT, build_site
from site_files import html_files, page_path

from qualityweek.tools.check_deployment import HTTP_ONLY_SOURCES
from qualityweek.tools.site_check import (LOCAL, Site, bad_external_links, broken_links,
                                          check_target)

PUBLISHED = "https://example.org/quality-week/"  # a project site in a subfolder, as on GitHub Pages


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


def test_every_internal_link_and_anchor_resolves(site):
    broken = broken_links(site)
    assert not broken, "\n".join(broken)


def test_sitemap_lists_the_built_pages(published_site):
    """Every page in sitemap.xml exists; every page the site has is listed (404 aside)."""
    sitemap = (published_site.folder / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    broken = [problem for url in listed
              if (problem := check_target(published_site, f"sitemap.xml: {url}", url))]
    assert not broken
    pages = {urljoin(PUBLISHED, page_path(published_site.folder, f))
             for f in html_files(published_site.folder) if f.name != "404.html"}
    assert pages == set(listed)


def test_external_mail_and_phone_links_are_well_formed(site):
    bad = bad_external_links(site, HTTP_ONLY_SOURCES)
    assert not bad, "\n".join(bad)


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
                                         '<a href="http://example.org/">z</a>'
                                         '<a href="mailto:nobody">m</a><a href="tel:123">t</a>',
                                         encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h1 id="yes">a</h1>', encoding="utf-8")
    site = Site(tmp_path, LOCAL)
    assert re.search(r"нет якоря #nope в a/index.html[\s\S]*нет файла 'b/'",
                     "\n".join(broken_links(site)))
    assert bad_external_links(site) == ["index.html: 'http://example.org/'",
                                        "index.html: 'mailto:nobody'", "index.html: 'tel:123'"]
