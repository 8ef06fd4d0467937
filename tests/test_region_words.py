"""The region-word scan (qualityweek/tools/region_words.py), on the fixture regions: it finds
every region's names in their case forms and its ministry's contacts, and leaves ordinary words
and other invented places alone. The deployment check (checks/test_sources_name_no_region.py)
runs it over the repository's sources for the regions the repository ships."""

from __future__ import annotations

import re
import shutil

import pytest
from building import FIXTURE_REGIONS, ROOT
from fixtures import FIXTURE_BARE, fixture_region

from qualityweek.tools.region_words import (GENERIC, MIN_LETTERS, MIN_STEM, ORDINARY, OTHER_NAMES,
                                            WORD, folders_pattern, region_words)

FOLDERS = sorted(p for p in FIXTURE_REGIONS.iterdir() if p.is_dir())
PATTERN = folders_pattern(FOLDERS)


def test_the_scan_finds_every_regions_names_in_their_case_forms():
    for folder in FOLDERS:
        region = fixture_region(folder.name)
        for name in (region.region.name, region.region.genitive, region.region.prepositional):
            assert PATTERN.search(name), (folder.name, name)
        for name in region.municipalities:
            words = [w for w in WORD.findall(name) if w not in ORDINARY]
            if not any(len(w) >= MIN_LETTERS and w.lower() not in GENERIC for w in words):
                continue  # «ЗАТО Звёздный»-like names with no word of their own
            # as typed in a source: the name, its district in the genitive, a town's locative
            genitive = re.sub(r"(\w+)(?:ий|ый|ой) район$", r"\1ого района", name)
            for form in (name, genitive, name.upper(), f"в {name.removeprefix('город ')}е"):
                assert PATTERN.search(form), (folder.name, form)
        ministry = region.data.ministry
        for value in (ministry.email, ministry.phone):
            if value:
                assert PATTERN.search(value), (folder.name, value)
        for code in re.findall(r"\((\d{3,5})\)", ministry.phone or ""):
            for typed in (f"+7 ({code}) 12-34-56", f"tel:+7{code}123456", f"8{code}123456"):
                assert PATTERN.search(typed), (folder.name, typed)


def test_ordinary_words_and_other_places_are_not_flagged():
    ordinary = ("г. Усть-Кут, ул. Советская, д. 5; Северный проезд, 1; Первомайская улица",
                "муниципальный округ, город, область, республика, край",
                "Экскурсия на молочный завод: лаборатория, склад, участок сборки",
                "ООО «Ромашка», АО «Тестовый завод», 123456, example.org",
                "Всемирная неделя качества, Международный форум, министерство промышленности")
    for text in ordinary:
        assert not PATTERN.search(text), (text, PATTERN.search(text))


def test_the_word_list_is_sane():
    stems = set().union(*(region_words(folder)[0] for folder in FOLDERS))
    literal = set().union(*(region_words(folder)[1] for folder in FOLDERS))
    # two regions' names, one ministry's contacts (tests/regions/)
    assert len(stems) >= 30 and len(literal) >= 5
    assert all(len(s) >= MIN_STEM for s in stems)
    assert not {s for s in stems if s in {w.lower() for w in GENERIC | ORDINARY}}
    # no stem is the start of an ordinary word the site uses
    site_words = {w.lower() for w in WORD.findall(
        (ROOT / "docs" / "index.md").read_text(encoding="utf-8") + " ".join(GENERIC))}
    assert not {(s, w) for s in stems for w in site_words if w.startswith(s)}


def test_a_folders_other_names_are_found_at_a_words_start(tmp_path):
    folder = tmp_path / FIXTURE_BARE
    folder.mkdir()
    for name in ("region.yml", "municipalities.yml"):
        (folder / name).write_text((FIXTURE_REGIONS / FIXTURE_BARE / name).read_text("utf-8"),
                                   encoding="utf-8")
    (folder / OTHER_NAMES).write_text("# старое имя\nстароозёрск\n", encoding="utf-8")
    pattern = folders_pattern([folder])
    assert pattern.search("ул. Староозёрская") and pattern.search("СТАРООЗЁРСК")
    assert not pattern.search("Новостароозёрск")


def test_an_unreadable_names_list_is_named_not_a_traceback(tmp_path):
    folder = tmp_path / FIXTURE_BARE
    shutil.copytree(FIXTURE_REGIONS / FIXTURE_BARE, folder)
    (folder / OTHER_NAMES).write_bytes(b"\xff\xfe\xfa")
    with pytest.raises(ValueError, match=f"{FIXTURE_BARE}/{OTHER_NAMES}: файл не в кодировке UTF-8"):
        region_words(folder)
    (folder / OTHER_NAMES).unlink()
    (folder / "region.yml").write_text("region: [\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"{FIXTURE_BARE}/region.yml: строка"):
        region_words(folder)
