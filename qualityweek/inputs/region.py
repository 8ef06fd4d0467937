"""The region folder (QUALITY_REGION_DIR; without it, the one regions/default.txt names): all
that is regional.

`region.yml` holds the region's name in its cases, its time zone and how readers name it, the
ministry (address, phone, e-mail and site optional: a contact that is not published is left out of
every page), the site's title and description, the region's letters (pages of the site, each
with its nav title) and the facts those letters source, as an overlay on data/facts.yml's
national editions. `municipalities.yml` lists the municipalities with their sources. A bad folder
is a FactsError (or the events loader's EventsError for the list) naming the file and the field.
No MkDocs imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..core.untrusted import safe_name
from .events import MUNICIPALITIES_FILE, load_municipalities
from .facts import (MAX_FILE_BYTES, REGIONAL_CONTACT, Edition, Facts, FactsError, Motto,
                    Organization, Region, RegionalDay, parse_model, read_input, summarize)
from .fields import SITE_PAGE, Email, LongText, Text, Year

REGION_FILE = "region.yml"
MUNICIPALITIES = MUNICIPALITIES_FILE
LETTER_BYTES = 200_000
PageName = Annotated[str, Field(pattern=SITE_PAGE.pattern, strict=True)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Site(_Model):
    title: Text  # the site's name in the header and the browser's tab
    description: LongText  # the home page's description (search engines, share cards)


class Letter(_Model):
    """One of the region's own documents, published as a page of the site."""

    title: Text  # its entry in the navigation: «Письмо министерства (2023)»
    year: Year
    # the letter invites the region's companies to take part: only then do the pages and the
    # press release say the ministry «пригласило» them
    invitation: bool = False


class RegionEdition(_Model):
    """What a regional source gives about a national edition (the letter's motto, the regional
    day as the letter announced it)."""

    motto: Motto | None = None
    regional_day: RegionalDay | None = None


class Proposals(_Model):
    """Who receives the events people propose with the form (the site's editor), when that is
    not the ministry's published address or the ministry has none."""

    name: Text  # as a sentence names them, in the nominative: «редакция сайта Недели качества»
    email: Email


class RegionFile(_Model):
    region: Region
    site: Site
    ministry: Organization
    proposals: Proposals | None = None
    letters: Annotated[dict[PageName, Letter], Field(max_length=20)] = {}
    editions: dict[Year, RegionEdition] = {}


@dataclass(frozen=True)
class RegionData:
    folder: Path
    label: str  # the folder as editors know it: «regions/<регион>»
    data: RegionFile
    municipalities: tuple[str, ...]
    letter_texts: dict[str, str]  # page name → its Markdown, from the folder

    @property
    def region(self) -> Region:
        return self.data.region

    @property
    def name_field(self) -> str:
        """Where the region's name is, for a message: «regions/…/region.yml, поле «region.name»»."""
        return f"{self.label}/{REGION_FILE}, поле «region.name»"

    @property
    def timezone(self) -> str:
        return self.data.region.timezone

    @property
    def time_label(self) -> str:
        return self.data.region.time_label

    @property
    def letters(self) -> dict[str, Letter]:
        return self.data.letters

    @property
    def invitation(self) -> tuple[str, Letter] | None:
        """The first letter that invites the region's companies (page, letter), or None."""
        return next(((page, letter) for page, letter in self.data.letters.items()
                     if letter.invitation), None)

    def invitation_for(self, year: int) -> tuple[str, Letter] | None:
        """The letter that invites the region's companies to `year`'s week, or None: a letter
        invites to its own year's week only (a 2023 letter says nothing of 2026)."""
        return next(((page, letter) for page, letter in self.data.letters.items()
                     if letter.invitation and letter.year == year), None)


# the ministry's fields the pages always print (a missing optional one leaves its line out)
MINISTRY_REQUIRED = ("name", "short_name")


def parse_region(text: str, path: str) -> RegionFile:
    parsed = parse_model(text, path, RegionFile, "region, site, ministry")
    problems = [f"{path}, поле «ministry.{field}»: обязательное поле не задано "
                "(его выводят страницы сайта)"
                for field in MINISTRY_REQUIRED if getattr(parsed.ministry, field) is None]
    for year, edition in parsed.editions.items():
        day = edition.regional_day
        if day and day.date.year != year:
            problems.append(f"{path}, год {year}, поле «regional_day.date»: дата {day.date} "
                            f"не в {year} году")
    if problems:
        raise FactsError(summarize(problems))
    return parsed


def load_region(folder: Path, label: str) -> RegionData:
    """The region folder at `folder` (checked by paths.region_folder); messages name files
    as `label/region.yml`."""
    name = f"{label}/{REGION_FILE}"
    try:
        text = read_input(folder / REGION_FILE, name, MAX_FILE_BYTES)
    except ValueError as error:
        raise FactsError(str(error)) from None
    data = parse_region(text, name)
    municipalities = load_municipalities(folder / MUNICIPALITIES, f"{label}/{MUNICIPALITIES}")
    letters = {}
    for page in data.letters:
        where = f"{name}, поле «letters.{safe_name(page)}»"
        if not (folder / page).is_file():
            raise FactsError(f"{where}: файла {label}/{safe_name(page)} нет в папке региона")
        try:
            letters[page] = read_input(folder / page, f"{label}/{page}", LETTER_BYTES)
        except ValueError as error:
            raise FactsError(str(error)) from None
    return RegionData(folder=folder, label=label, data=data, municipalities=municipalities,
                      letter_texts=letters)


def check_region_sources(region: RegionData, docs_dir: Path) -> None:
    """FactsError naming the field of a `source:` in region.yml that names a site page neither
    in docs/ nor among the region's letters."""
    data, name = region.data, f"{region.label}/{REGION_FILE}"
    found = [("поле «region.source»", data.region.source),
             ("поле «ministry.source»", data.ministry.source)]
    for year, edition in data.editions.items():
        for block in ("motto", "regional_day"):
            part = getattr(edition, block)
            if part is not None:
                found.append((f"год {year}, поле «{block}.source»", part.source))
    problems = [f"{name}, {where}: страницы «{page}» нет ни среди писем региона (поле «letters»), "
                f"ни в папке {docs_dir.name}/; ожидается адрес https://… или письмо из папки региона"
                for where, page in found if SITE_PAGE.fullmatch(page)
                and page not in data.letters and not (docs_dir / page).is_file()]
    if problems:
        raise FactsError(summarize(problems))


def with_region(facts: Facts, region: RegionData, docs_dir: Path) -> Facts:
    """The national facts with the region's name, ministry and its letters' facts added: a
    regional block of an edition (its motto, its regional day) takes the place of the national
    one. FactsError when a letter's page is also a page of docs/."""
    for page in region.letters:
        if (docs_dir / page).exists():
            raise FactsError(f"{region.label}/{REGION_FILE}, поле «letters.{safe_name(page)}»: "
                             f"страница с таким именем уже есть в папке {docs_dir.name}/")
    editions = dict(facts.editions)
    for year, extra in region.data.editions.items():
        base = editions.get(year, Edition())
        update = {field: getattr(extra, field) for field in ("motto", "regional_day")
                  if getattr(extra, field) is not None}
        editions[year] = base.model_copy(update=update)
    for year, edition in editions.items():
        day, forum = edition.regional_day, edition.forum
        if day and forum and not forum.start <= day.date <= forum.end:
            raise FactsError(f"{region.label}/{REGION_FILE}, год {year}, поле "
                             f"«regional_day.date»: {day.date} вне дат форума "
                             f"{forum.start}…{forum.end}")
    return facts.model_copy(update={
        "region": region.region,
        "contacts": {**facts.contacts, REGIONAL_CONTACT: region.data.ministry},
        "editions": dict(sorted(editions.items()))})


def nav_with_letters(nav: list, region: RegionData, after: str = "contacts.md") -> list:
    """mkdocs.yml's navigation with an entry for each of the region's letters, titled from the
    data, after the page `after` (at the end without it)."""
    entries = [{letter.title: page} for page, letter in region.letters.items()]
    if not entries:
        return nav
    for index, item in enumerate(nav):
        if isinstance(item, dict) and after in item.values():
            return [*nav[:index + 1], *entries, *nav[index + 1:]]
    return [*nav, *entries]


def letter_sources(region: RegionData) -> dict[str, str]:
    """Each letter page's file in the project («regions/…/letter-2023.md»), for «Редактировать»."""
    return {page: f"{region.label}/{page}" for page in region.letters}
