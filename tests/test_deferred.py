"""Large ready HTML goes into a page after Markdown, event descriptions after search has indexed
the page (qualityweek/outputs/deferred.py, hooks/deferred_html.py): the same page, a smaller search
index, and a clear stop when a marker is lost or typed twice."""

from __future__ import annotations

import json

import pytest
from building import build_site
from test_untrusted import assert_stopped

from qualityweek.outputs.deferred import DeferredHtmlError, defer, fill

TODAY = "2026-11-28"  # shown edition 2027


def test_markers_are_filled_by_stage():
    meta: dict = {}
    early = defer(meta, "<div>список <!-- x --></div>")
    late = defer(meta, "<p>описание</p>", late=True)
    page = fill(f"<h1>t</h1>\n{early}\n{late}", meta)
    assert page == f"<h1>t</h1>\n<div>список <!-- x --></div>\n{late}"
    assert fill(page, meta, late=True) == (
        "<h1>t</h1>\n<div>список <!-- x --></div>\n<p>описание</p>")
    assert meta == {}


def test_a_late_marker_inside_early_html_is_filled():
    meta: dict = {}
    inner = defer(meta, "<p>описание</p>", late=True)
    outer = defer(meta, f"<article>{inner}</article>")
    assert fill(fill(outer, meta), meta, late=True) == "<article><p>описание</p></article>"


@pytest.mark.parametrize("content", ["<p>нет метки</p>", "{m}{m}"])
def test_a_lost_or_repeated_marker_stops(content):
    meta: dict = {}
    marker = defer(meta, "<div>список</div>")
    with pytest.raises(DeferredHtmlError, match="qw-deferred-html 1 .* 0|2 раз"):
        fill(content.format(m=marker), meta)


def test_events_page_has_cards_and_descriptions_and_no_markers(scaled_site):
    html = (scaled_site.site / "events" / "index.html").read_text(encoding="utf-8")
    page = scaled_site.page("events")
    cards = page.select("article.qw-event")
    assert len(cards) == 7
    for card in cards:
        description = card.select_one(".qw-event__description")
        assert description.select("li") and "контроль качества" in description.get_text()
    assert "qw-deferred-html" not in html


def test_search_finds_events_by_title_but_does_not_index_descriptions(scaled_site):
    index = json.loads((scaled_site.site / "search" / "search_index.json").read_text(
        encoding="utf-8"))
    text = " ".join(doc["text"] + doc["title"] for doc in index["docs"])
    assert all(f"Открытый день качества № {n} " in text for n in range(1, 8))
    assert "входном контроле сырья" not in text  # every generated description says it
    assert "входном контроле сырья" in scaled_site.text("events")


def test_a_marker_typed_into_the_page_stops_the_build(bench, project_copy, tmp_path):
    bench.add_events(project_copy, 2027, 2)
    page = project_copy / "docs" / "events.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- qw-deferred-html 1 -->\n",
                    encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY=TODAY)
    assert_stopped(build, "events.md", "qw-deferred-html 1", "2 раз(а)")
