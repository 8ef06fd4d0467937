"""Many events (issue 9, «Scale»): the shown edition's events are on the events page only; its
archive page links there with a count, past years' archive pages still list theirs. And the
benchmark's generated events (bench/bench.py, events scale rows) are valid event files."""

from __future__ import annotations

import json

from building import copy_project
from fixtures import NBSP, load_test_events

from qualityweek.inputs.events import FORMATS, KINDS


def test_generated_events_are_valid_and_varied(bench, tmp_path):
    project = copy_project(tmp_path / "project")
    bench.add_events(project, 2027, 40)
    events = load_test_events(project)[2027]
    assert len(events) == 40
    assert {e.kind for e in events} == set(KINDS)
    assert {e.format for e in events} == set(FORMATS)
    assert all(e.description.count("\n- ") == 3 and "](https://" in e.description
               for e in events)
    assert bench.shown_year(bench.SCALE_TODAY) == 2027


def test_shown_editions_archive_page_links_to_the_events_page(scaled_site):
    page = scaled_site.page("archive/2027")
    assert page.select("article.qw-event") == []
    link = page.select_one("article a[href='../../events/']")
    assert link is not None and link.get_text() == "«Мероприятия в регионе»"
    assert (f"Мероприятия региона этого выпуска{NBSP}— на странице «Мероприятия в регионе» (7)"
            in scaled_site.text("archive/2027"))
    assert len(scaled_site.page("events").select("article.qw-event")) == 7


def test_past_editions_archive_page_still_lists_its_events(scaled_site):
    page = scaled_site.page("archive/2025")
    assert len(page.select("article.qw-event")) == 2
    assert "на странице «Мероприятия в регионе»" not in scaled_site.text("archive/2025")


def test_search_index_holds_each_shown_event_once(scaled_site):
    index = json.loads((scaled_site.site / "search" / "search_index.json").read_text(
        encoding="utf-8"))
    # each event is a section of its own, under its title (issue 33)
    titles = [doc["title"] for doc in index["docs"] if "#event-" in doc["location"]]
    found = {n: titles.count(f"Открытый день качества № {n}") for n in range(1, 8)}
    # 2027's seven events once each (events page); 2025's two also on their archive page
    assert found == {n: 1 + (n <= 2) for n in range(1, 8)}
