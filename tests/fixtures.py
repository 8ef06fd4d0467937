"""The content product tests build from: the fixture regions (tests/regions/) and test events.

Tests take regional words (municipalities, the ministry, the letter) from these regions' data,
never type them; events are written by the tests themselves (`write_event`). Nothing here reads
the deployment's regions/ or their events (building.py makes the fixture project).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from babel.dates import format_date
from building import FIXTURE_DEFAULT, FIXTURE_REGIONS, ROOT

from qualityweek.inputs.events import EVENTS_DIR, KINDS
from qualityweek.inputs.facts import load_facts
from qualityweek.inputs.region import RegionData, load_region, with_region

NBSP = "\u00a0"
DASH = "\u2013\u2060"  # between numbers: en dash + word joiner (no line break after it)
# the fixture region that has published nothing but its names (tests/regions/README.md)
FIXTURE_BARE = "priozerny-krai"


@cache
def fixture_region(name: str = FIXTURE_DEFAULT) -> RegionData:
    """A fixture region as the build loads it, labelled as the fixture project names it."""
    return load_region(FIXTURE_REGIONS / name, f"regions/{name}")


def default_region() -> RegionData:
    """The region the product tests build for: the fixture project's default."""
    return fixture_region()


def site_facts():
    """data/facts.yml with the default fixture region's facts, as the build merges them."""
    return with_region(load_facts(ROOT / "data" / "facts.yml", name="data/facts.yml"),
                       default_region(), ROOT / "docs")


def region_file(project: Path, name: str = FIXTURE_DEFAULT) -> Path:
    return project / "regions" / name / "region.yml"


def edit_region_file(project: Path, change, name: str = FIXTURE_DEFAULT) -> None:
    """Edit a fixture region's file in a project copy: `change` gets its data as YAML reads it
    and changes it in place."""
    path = region_file(project, name)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def letter_pages() -> dict[str, object]:
    """{page path: letter} of the default fixture region: «letter-2023/» for letter-2023.md."""
    return {Path(name).stem + "/": letter for name, letter in default_region().data.letters.items()}


def long_date(day, weekday: bool = False) -> str:
    """A date as pages write it, from Babel: «10 ноября 2023 г.», with the weekday «пятница,
    10 ноября 2023 г.»; no-break spaces keep the day with its month and the year with «г.»."""
    text = f"{day.day}{NBSP}{format_date(day, 'MMMM', locale='ru')} {day.year}{NBSP}г."
    return f"{format_date(day, 'EEEE', locale='ru')}, {text}" if weekday else text


def typeset(text: str) -> str:
    """A data text as pages show it: a dash glued to the word before by a no-break space."""
    return text.replace(" —", f"{NBSP}—")


@dataclass(frozen=True)
class Places:
    """Names for test events, from a region's municipalities: a district and the town whose name
    is its adjective's stem (so that «a town is not its district» is tested where it is hard)."""
    district: str  # «Энский район»
    adjective: str  # «Энский»
    district_genitive: str  # «Энского района», as in «д. Родичи Энского района»
    short: str  # how addresses abbreviate it: «Энский р-н»
    town: str  # «город Энск»
    town_name: str  # «Энск»

    def district_address(self) -> str:
        return f"{self.short}, с. Тестовое, ул. Полевая, 2"

    def town_address(self) -> str:
        return f"г. {self.town_name}, ул. Тестовая, д. 5"


def region_places(municipalities) -> Places:
    kinds = {" район": "р-н", " муниципальный округ": "м. о."}
    districts = [(name, kind) for kind in kinds for name in municipalities if name.endswith(kind)]
    towns = [name for name in municipalities if name.startswith("город ")]
    assert districts and towns, "в списке муниципальных образований нет района или города"

    def adjective(district: str, kind: str) -> str:
        return district.removesuffix(kind)

    pairs = [(district, kind, town) for district, kind in districts for town in towns
             if adjective(district, kind)[:-2] in (town.removeprefix("город "),
                                                   town.removeprefix("город ") + "ск")]
    district, kind, town = pairs[0] if pairs else (*districts[0], towns[0])
    name = adjective(district, kind)
    genitive = f"{name[:-2]}ого {'района' if kind == ' район' else 'муниципального округа'}"
    return Places(district=district, adjective=name, district_genitive=genitive,
                  short=f"{name} {kinds[kind]}", town=town, town_name=town.removeprefix("город "))


# -- test events -------------------------------------------------------------------------------

REGION = default_region()
MUNICIPALITIES = REGION.municipalities
# event times are the region's local time
ZONE, LABEL = site_facts().region.zone, site_facts().region.time_label
CITY = MUNICIPALITIES[0]  # the region's centre: «город …»
# a district and a town of the region's list (the town whose name is the district's stem)
PLACES = region_places(MUNICIPALITIES)
# another town, whose address names it
OTHER_TOWN = next(m for m in MUNICIPALITIES
                  if m.startswith("город ") and m not in (CITY, PLACES.town))
OTHER_TOWN_NAME = OTHER_TOWN.removeprefix("город ")

VALID = {
    "title": "Экскурсия на молочный завод",
    "organizer": "АО «Тестовый завод»",
    "municipality": PLACES.district,
    "kind": KINDS[0],
    "start": "2026-11-12 10:00",
    "end": "2026-11-12 12:30",
    "format": "очно",
    "address": PLACES.town_address(),  # a town of the district: not the district itself
    "url": "https://example.org/tour",
    "contact": "+7 (900) 000-00-00",
}


def event_text(fields: dict, body: str = "Описание мероприятия.") -> str:
    lines = ["---"]
    for key, value in fields.items():
        lines.append(f"{key}: {value}" if value is not None else f"{key}:")
    lines += ["---", "", body, ""]
    return "\n".join(lines)


def events_folder(project: Path, region: str = FIXTURE_DEFAULT) -> Path:
    """The folder a region's event files go in: regions/<регион>/events/."""
    return project / "regions" / region / EVENTS_DIR


def write_event(project: Path, year: int, slug: str, fields: dict, body: str = "Описание.",
                region: str = FIXTURE_DEFAULT) -> Path:
    path = events_folder(project, region) / str(year) / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(event_text(fields, body), encoding="utf-8")
    return path


# Out of order on purpose: the page sorts by day, then time (an all-day event first), then title.
FIXTURE = {
    "late-webinar": dict(VALID, title="Вебинар о качестве", organizer="ООО «Онлайн»",
                         municipality=CITY, kind=KINDS[4], format="онлайн",
                         address=None, start="2026-11-13 15:00", end="2026-11-13 16:00",
                         url="https://example.org/webinar", contact=None),
    "tour": VALID,
    "early-promo": dict(VALID, title="Скидки Недели качества", organizer="ООО «Магазин»",
                        municipality=OTHER_TOWN, kind=KINDS[1], format="гибрид",
                        address=f"г. {OTHER_TOWN_NAME}, ул. Тестовая, д. 1",
                        start="2026-11-09", end="2026-11-15", url="https://example.org/promo"),
    "contest": dict(VALID, title="Конкурс «Лидер качества»", kind=KINDS[2],
                    start="2026-11-12", end="2026-11-12", url="https://example.org/contest"),
}


def facts_of(page, slug: str) -> dict[str, str]:
    """An event card's label → value pairs, as a reader reads them."""
    article = page.select_one(f"#event-{slug}")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text().strip()
            for dt in article.select("dt")}


# how the build names the fixture region's events folder: «regions/enskaya-oblast/events»
EVENTS = f"{REGION.label}/{EVENTS_DIR}"


def load_test_events(project: Path, region: str = FIXTURE_DEFAULT) -> dict:
    """The events a test wrote under `project` (write_event), as the build loads them."""
    from qualityweek.inputs.events import load_events  # the loader under test
    folder = fixture_region(region)
    return load_events(project / "regions" / region, folder.municipalities, label=folder.label,
                       municipalities_file=f"{folder.label}/municipalities.yml")
