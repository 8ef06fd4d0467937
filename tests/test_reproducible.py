"""Reproducible builds: the same commit and the same QUALITY_TODAY give a byte-identical site,
whatever the real date, the checkout's folder or Python's hash seed. The site compared has events
in three years (results with their tables, charts and press releases) and a shown edition with
a motto (its poster and share picture), so every kind of file the build writes is compared."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from building import build_site, copy_project
from results_events import specs, write_events

TODAY = "2025-06-02"  # not the real date, so a build that reads the clock shows in the sitemap
SITE_URL = "https://example.org/quality-week/"  # the sitemap lists pages only with a site_url
REPRODUCED_TODAY = "2025-10-01"  # 2025's edition (it has a motto); 2023's and 2024's weeks are over
EVENTS = {2023: 1, 2024: 5, 2025: 3}
# one of each kind of file the build writes from data: the comparison covers them all
EXPECTED = ["events/2024.xlsx", "events/2024.csv", "results/press-release-2024.txt",
            "results/press-release-2024.docx", "results/chart-municipality-2024.svg",
            "results/chart-day-2024.png", "kit/poster-2025.pdf", "kit/poster-2025.png",
            "kit/share-2025.png", "kit/share-2024.png", "calendar/quality-week.ics"]


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.cost(9)
def test_two_builds_are_byte_identical(tmp_path):
    checkouts = [copy_project(tmp_path / "a" / "project"),
                 copy_project(tmp_path / "elsewhere" / "checkout")]
    for project in checkouts:
        for year, count in EVENTS.items():
            write_events(project, year, specs(year, count))
    first, second = (build_site(tmp_path / name / "site", project=project, fresh_process=True,
                                QUALITY_TODAY=REPRODUCED_TODAY, QUALITY_SITE_URL=SITE_URL,
                                PYTHONHASHSEED=seed)
                     for name, project, seed in (("one", checkouts[0], "1"),
                                                 ("two", checkouts[1], "2")))
    assert first.result.returncode == 0, first.output
    assert second.result.returncode == 0, second.output

    a, b = files_of(first.site), files_of(second.site)
    assert a.keys() == b.keys(), f"only in one build: {sorted(a.keys() ^ b.keys())}"
    assert [name for name in EXPECTED if name not in a] == []
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
