"""The fourth round of hostile input (issue 23), each run through the real build of a project
copy: deep folders, organizer names that differ only in look-alike letters, e-mail addresses
that would smuggle headers into a `mailto:` link."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from building import build_site
from fixtures import (EVENTS, NBSP, VALID, default_region, edit_region_file, events_folder,
                      write_event)
from test_hostile_input import assert_refused

from qualityweek.core.untrusted import check_url, is_email
from qualityweek.model.results import organizer_key
from qualityweek.outputs.contact import contact_html


def _nest(top: Path, levels: int) -> None:
    """`levels` folders one inside the other under `top`, made one at a time (relative paths,
    so no single path grows past the system's limit)."""
    here = os.getcwd()
    top.mkdir(parents=True, exist_ok=True)
    os.chdir(top)
    try:
        for _ in range(levels):
            os.mkdir("d")
            os.chdir("d")
    finally:
        os.chdir(here)


def _unnest(top: Path, levels: int) -> None:
    """Remove what _nest made, deepest first, without recursion (pytest's own clean-up of old
    temporary folders recurses, and would fail on 1,500 levels)."""
    here = os.getcwd()
    os.chdir(top)
    try:
        for _ in range(levels):
            os.chdir("d")
        for _ in range(levels):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)


@pytest.mark.parametrize("where, levels, named", [
    ("docs", 1000, "docs/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d: папки вложены глубже 16 уровней"),
    (f"{EVENTS}/2026", 1500, f"{EVENTS}/2026/d"),
])
def test_deep_folders_stop_the_build_with_one_line(tmp_path, project_copy, where, levels, named):
    _nest(project_copy / where, levels)
    try:
        build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    finally:
        _unnest(project_copy / where, levels)
    output = assert_refused(build, named)
    assert "RecursionError" not in output


# -- organizers typed with Latin look-alikes of Cyrillic letters ---------------------------------

CYRILLIC = "ООО «Ромашка»"
LATIN_O = "OOO «Ромашка»"  # three Latin O's
LATIN_B = "ООО «Pомашка»"  # a Latin P


def test_an_organizer_with_latin_look_alikes_is_one_organizer_and_the_log_says_so(
        tmp_path, project_copy):
    events = events_folder(project_copy) / "2026"
    shutil.rmtree(events, ignore_errors=True)
    for slug, organizer in (("romashka", CYRILLIC), ("romashka-latin", LATIN_O),
                            ("romashka-p", LATIN_B), ("drugoy", "АО «Другой»")):
        write_event(project_copy, 2026, slug, dict(VALID, organizer=organizer))
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY="2026-11-28")
    assert build.result.returncode == 0, build.output
    release = (build.site / "results" / "press-release-2026.txt").read_text(encoding="utf-8")
    assert f"Организаторов{NBSP}—{NBSP}2." in release
    figures = [li.get_text(" ", strip=True)
               for li in build.page("results/2026").select(".qw-results-figures li")]
    assert "2 организатора" in figures, figures
    lines = [line for line in build.output.splitlines() if "похожими латинскими" in line]
    assert len(lines) == 2, build.output
    latin, b = sorted(lines, key=lambda line: "romashka-p.md" in line)
    assert f"{EVENTS}/2026/romashka.md" in latin and f"{EVENTS}/2026/romashka-latin.md" in latin
    assert "«O» латинская, «О» русская" in latin
    assert f"{EVENTS}/2026/romashka-p.md" in b and "«P» латинская, «Р» русская" in b


@pytest.mark.parametrize("typed", [LATIN_O, LATIN_B, "ооо «ромашка»".replace("о", "o"),
                                   "OOO «POMAШKA»"])
def test_latin_look_alikes_fold_to_the_cyrillic_name(typed):
    assert organizer_key(typed) == organizer_key(CYRILLIC)


def test_look_alike_folding_keeps_different_names_and_latin_case_apart():
    assert organizer_key("ООО «Ромашка»") != organizer_key("ООО «Ромашки»")
    assert organizer_key("Ford") == organizer_key("FORD")
    assert organizer_key("Нива") == organizer_key("НИВА")


# -- e-mail addresses: one rule (untrusted.is_email) wherever an address enters ------------------

SMUGGLED = "prom%0D%0Abcc%3Aspy@example.ru"


@pytest.mark.parametrize("address", [
    SMUGGLED, "a%40b@example.org", "prom@example.ru%0A", "a..b@example.org", ".a@example.org",
    "a@-x.org", "a@x.test", "\"a b\"@example.org", "a@[127.0.0.1]", "a@example", "a b@example.org",
    "Иван <ivan@example.org>", "ivan@example.org?bcc=spy@example.org", "ivan@example.org\n",
])
def test_what_is_not_one_plain_address_is_refused(address):
    assert not is_email(address)
    with pytest.raises(ValueError):
        check_url(f"mailto:{address}", schemes=("mailto",))


@pytest.mark.parametrize("address", ["prom@example.ru", "ivan.petrov+week@example.ru",
                                     "info@example.org", "89120000000@example.org"])
def test_a_plain_address_is_an_address(address):
    assert is_email(address)
    assert check_url(f"mailto:{address}", schemes=("mailto",))


def test_an_address_with_encoded_line_breaks_in_the_data_file_stops_the_build(tmp_path,
                                                                             project_copy):
    region = default_region()
    edit_region_file(project_copy, lambda data: data["ministry"].update(email=SMUGGLED))
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_refused(build, f"{region.label}/region.yml", "email", "ожидается адрес почты")


def test_an_event_contact_with_encoded_line_breaks_is_text_not_a_link(tmp_path, project_copy):
    write_event(project_copy, 2026, "smuggled",
                dict(VALID, contact=f"{SMUGGLED}, +7 (4012) 00-00-00"))
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY="2026-11-05")
    assert build.result.returncode == 0, build.output
    card = build.page("events").select_one("#event-smuggled")
    hrefs = [a["href"] for a in card.select("a[href^='mailto:'], a[href^='tel:']")]
    assert hrefs == ["tel:+74012000000"], hrefs
    assert SMUGGLED in card.get_text()  # the text stays as typed
    assert not any("%0D" in a["href"] or "bcc" in a["href"]
                   for a in build.page("events").select("a[href]"))


def test_a_contact_address_after_a_percent_sign_is_not_cut_into_a_link():
    assert contact_html("x%3Aspy@example.org") == "x%3Aspy@example.org"
    assert 'href="mailto:ivan@example.org"' in contact_html("ivan@example.org, +7 (4012) 00-00-00")
