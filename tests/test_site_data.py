"""One build reads and validates the data file and the event files once, for the pages (macros)
and the generated files (hook) alike; any edit is seen by the next build of `mkdocs serve`."""

from __future__ import annotations

import os

from building import copy_project
from fixtures import VALID, events_folder, write_event

from qualityweek.build.site_data import load_site_data

ENV = {"QUALITY_TODAY": "2026-11-28"}  # the fixture project's own region (regions/default.txt)


def test_unchanged_inputs_are_read_once_and_every_edit_is_seen(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    first = load_site_data(project, docs, ENV)
    assert load_site_data(project, docs, ENV) is first

    other = {"QUALITY_YEAR": "2023"}  # other settings
    assert load_site_data(project, docs, other) is not first
    first = load_site_data(project, docs, ENV)

    write_event(project, 2026, "tour", VALID)  # a new event file
    with_event = load_site_data(project, docs, ENV)
    assert with_event is not first and with_event.events_by_year[2026][0].title == VALID["title"]

    facts = project / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8") + "  2030: {}\n", encoding="utf-8")
    later = os.stat(facts).st_mtime + 5
    os.utime(facts, (later, later))  # an edit within the same clock tick still counts
    edited = load_site_data(project, docs, ENV)
    assert edited is not with_event and 2030 in edited.facts.editions

    (events_folder(project) / "2026" / "tour.md").unlink()  # a removed event
    assert 2026 not in load_site_data(project, docs, ENV).events_by_year
