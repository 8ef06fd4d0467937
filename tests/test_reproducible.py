"""Reproducible builds: the same commit and the same QUALITY_TODAY give a byte-identical site,
whatever the real date, the checkout's folder or Python's hash seed."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from building import build_site, copy_project

TODAY = "2025-06-02"  # not the real date, so a build that reads the clock shows in the sitemap
SITE_URL = "https://example.org/quality-week/"  # the sitemap lists pages only with a site_url


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    first = build_site(tmp_path / "a" / "site", fresh_process=True, QUALITY_TODAY=TODAY,
                       QUALITY_SITE_URL=SITE_URL, PYTHONHASHSEED="1")
    other_checkout = copy_project(tmp_path / "elsewhere" / "checkout")
    second = build_site(tmp_path / "b" / "out", project=other_checkout, fresh_process=True,
                        QUALITY_TODAY=TODAY, QUALITY_SITE_URL=SITE_URL, PYTHONHASHSEED="2")
    assert first.result.returncode == 0, first.output
    assert second.result.returncode == 0, second.output

    a, b = files_of(first.site), files_of(second.site)
    assert a.keys() == b.keys(), f"only in one build: {sorted(a.keys() ^ b.keys())}"
    differing = [name for name in a if a[name] != b[name]]
    assert not differing, f"files that differ between two builds: {differing}"


def test_sitemap_is_dated_by_the_build_settings_not_the_clock(tmp_path):
    build = build_site(tmp_path / "site", QUALITY_TODAY=TODAY, QUALITY_SITE_URL=SITE_URL)
    assert build.result.returncode == 0, build.output
    sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap))
    assert dates == {TODAY}
    compressed = (build.site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(compressed).decode("utf-8") == sitemap
