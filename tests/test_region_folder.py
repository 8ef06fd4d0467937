"""A bad region folder, or a bad QUALITY_REGION_DIR, stops the build with one line naming the file
(or the variable) and the field. The folder under test is a copy of the fixture region that has
published nothing but its names (tests/regions/priozerny-krai), changed one field at a time."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from building import FIXTURE_REGIONS, build_site, copy_project
from fixtures import FIXTURE_BARE, fixture_region

from qualityweek.core.calendar import edition_dates
from qualityweek.inputs.events import EventsError
from qualityweek.inputs.facts import FactsError
from qualityweek.inputs.paths import PathsError, region_folder
from qualityweek.inputs.region import load_region
from qualityweek.model.edition import Edition
from qualityweek.outputs.poster_layout import KitError, poster_layout, share_layout, text_width

EXAMPLE = f"regions/{FIXTURE_BARE}"
FIXTURE = fixture_region(FIXTURE_BARE)
# its name, zone and source as region.yml writes them (the tests edit that file's lines)
NAMES = FIXTURE.region
ZONE = FIXTURE.timezone
SOURCE = FIXTURE.data.ministry.source


@pytest.fixture
def folder(tmp_path) -> Path:
    """A project root with a copy of the example region folder in regions/example."""
    shutil.copytree(FIXTURE_REGIONS / FIXTURE_BARE, tmp_path / "regions" / "example")
    return tmp_path


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "regions" / "example" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problem(project: Path) -> str:
    with pytest.raises((FactsError, EventsError)) as error:
        load_region(*region_folder(project, {"QUALITY_REGION_DIR": "regions/example"}))
    return str(error.value)


def test_the_example_folder_loads(folder):
    region = load_region(*region_folder(folder, {"QUALITY_REGION_DIR": "regions/example"}))
    assert region.municipalities == FIXTURE.municipalities
    assert region.timezone == ZONE and region.time_label
    assert region.data.ministry.email is None and not region.letters


@pytest.mark.parametrize(("name", "old", "new", "field"), [
    ("region.yml", f"  genitive: {NAMES.genitive}\n", "",
     "поле «region.genitive»: обязательное поле"),
    ("region.yml", "  prepositional: в ", "  prepositional: ", "поле «region.prepositional»"),
    ("region.yml", f"timezone: {ZONE}", f"timezone: {ZONE}k",
     "поле «region.timezone»: неизвестный часовой пояс"),
    ("region.yml", f"timezone: {ZONE}", "timezone: ../../etc/passwd",
     "поле «region.timezone»: неизвестный часовой пояс"),
    ("region.yml", f"  short_name: {FIXTURE.data.ministry.short_name}\n  source: {SOURCE}",
     f"  short_name: {FIXTURE.data.ministry.short_name}\n  email: prom(at)example.ru\n"
     f"  source: {SOURCE}", "поле «ministry.email»"),
    ("region.yml", "  short_name: ", "  # short_name: ", "поле «ministry.short_name»"),
])
def test_a_bad_field_is_named_in_one_line(folder, name, old, new, field):
    edit(folder, name, old, new)
    message = problem(folder)
    assert message.startswith("regions/example/region.yml, "), message
    assert field in message and "\n" not in message, message


def test_an_empty_municipalities_list_is_named(folder):
    path = folder / "regions" / "example" / "municipalities.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("municipalities:")] + "municipalities: []\n",
                    encoding="utf-8")
    message = problem(folder)
    assert message.startswith("regions/example/municipalities.yml: ") and "municipalities" in message
    assert "\n" not in message


def test_a_letter_named_in_the_data_must_be_in_the_folder(folder):
    edit(folder, "region.yml", "ministry:", "letters:\n  letter-2030.md:\n    title: Письмо\n"
         "    year: 2030\nministry:")
    message = problem(folder)
    assert "поле «letters.letter-2030.md»" in message and "\n" not in message


@pytest.mark.parametrize(("value", "words"), [
    ("regions/nowhere", "такой папки нет"),
    ("/etc", "папка вне проекта"),
    ("../outside", "папка вне проекта"),
    ("regions/link", "символическая ссылка"),
])
def test_the_variable_is_checked_like_every_input(folder, value, words):
    os.symlink(folder / "regions" / "example", folder / "regions" / "link")
    with pytest.raises(PathsError) as error:
        region_folder(folder, {"QUALITY_REGION_DIR": value})
    assert str(error.value).startswith("QUALITY_REGION_DIR") and words in str(error.value)


def test_a_link_inside_the_folder_is_refused(folder):
    os.symlink("/etc/passwd", folder / "regions" / "example" / "letter.md")
    with pytest.raises(PathsError) as error:
        region_folder(folder, {"QUALITY_REGION_DIR": "regions/example"})
    assert "regions/example/letter.md: символическая ссылка" in str(error.value)


LONG_NAME = ("Очень длинное название субъекта Российской Федерации " * 4)[:200]


@pytest.mark.parametrize("site_url", [None, "https://example.org/quality-week/"])
def test_a_200_character_name_does_not_fit_the_poster(site_url):
    edition = Edition(**edition_dates(2026).__dict__)
    with pytest.raises(KitError) as error:
        poster_layout(edition, region=LONG_NAME, site_url=site_url, region_field="F, поле «x»")
    assert str(error.value).startswith("F, поле «x»: текст не помещается")
    with pytest.raises(KitError):
        share_layout(edition, region=LONG_NAME, region_field="F")


def test_every_line_of_a_fitting_name_stays_in_its_box():
    """The longest real name of a Russian region fits, and every line of it stays left of the
    QR code and above the sheet's margin."""
    edition = Edition(**edition_dates(2026).__dict__)
    name = "Ханты-Мансийский автономный округ — Югра"
    layout = poster_layout(edition, region=name, site_url="https://example.org/quality-week/")
    code = next(item for item in layout.items if type(item).__name__ == "QrCode")
    for item in layout.items:
        if type(item).__name__ == "Text":
            assert item.y <= layout.height - 14.0
            if item.y > code.y:  # beside the code
                assert item.x + text_width(item.text, item.size, item.weight) < code.x


def test_a_build_with_a_200_character_name_stops_naming_the_file_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / EXAMPLE / "region.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"  name: {NAMES.name}", f"  name: {LONG_NAME}"),
                    encoding="utf-8")
    build = build_site(tmp_path / "site", project, QUALITY_REGION_DIR=EXAMPLE,
                       QUALITY_TODAY="2026-11-05")
    assert build.result.returncode != 0
    assert f"{EXAMPLE}/region.yml, поле «region.name»: текст не помещается" in build.output
    assert "Traceback" not in build.output


def test_a_build_with_an_unknown_zone_stops_in_one_line(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / EXAMPLE / "region.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(ZONE, "Asia/Nowhere"),
                    encoding="utf-8")
    build = build_site(tmp_path / "site", project, QUALITY_REGION_DIR=EXAMPLE,
                       QUALITY_TODAY="2026-11-05")
    assert build.result.returncode != 0
    lines = [line for line in build.output.splitlines() if "region.timezone" in line]
    assert len(lines) == 1 and f"{EXAMPLE}/region.yml" in lines[0], build.output
    assert "Traceback" not in build.output
