"""robots.txt: built only with a site address (the Sitemap line takes an absolute URL)."""

from __future__ import annotations

import pytest
from building import build_site
from fixtures import site_facts

from qualityweek.build.generated import robots_txt
from qualityweek.inputs.settings import SettingsError, read_settings


def test_robots_names_the_absolute_sitemap():
    assert robots_txt("https://example.org/") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n")
    assert robots_txt("https://example.org/sub").endswith(
        "Sitemap: https://example.org/sub/sitemap.xml\n")


@pytest.mark.parametrize("site_url", ["https://example.org/\nDisallow: /", "https://a b/",
                                      "javascript:alert(1)//", "/relative/"])
def test_an_address_that_could_add_rules_never_reaches_robots(site_url):
    with pytest.raises(SettingsError, match="QUALITY_SITE_URL"):
        read_settings({"QUALITY_SITE_URL": site_url}, zone=site_facts().region.zone)


def test_built_with_a_site_address_in_a_subfolder(tmp_path):
    build = build_site(tmp_path / "site", QUALITY_TODAY="2026-11-28",
                       QUALITY_SITE_URL="https://example.org/sub/")
    assert build.result.returncode == 0, build.output
    robots = (build.site / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines() == ["User-agent: *", "Allow: /", "",
                                   "Sitemap: https://example.org/sub/sitemap.xml"]
    assert (build.site / "sitemap.xml").is_file()


def test_no_robots_without_a_site_address(tmp_path):
    build = build_site(tmp_path / "site", QUALITY_TODAY="2026-11-28")
    assert build.result.returncode == 0, build.output
    assert not (build.site / "robots.txt").exists()
