"""The spelling gate (qualityweek/tools/spelling.py) over everything a reader meets on a built
site: the text of every page's article, the ready texts (.txt), the poster's text (pypdf) and the calendars'
summaries, descriptions and places (icalendar). An unknown word fails with the place and the word;
the word list (spelling/words.dic) holds only names and abbreviations.

Not checked here: what companies write about their own events (the event cards and their calendar
entries) — their names and wording are theirs, not the site's.

The «ё» check (spelling/yo.txt) runs over the whole built page (the theme's footer too) and over
the sources the site's text comes from: the pages, templates and the code that writes texts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from building import ROOT, Build, build_site, copy_project
from fixtures import FIXTURE, VALID, default_region, load_test_events, write_event

from qualityweek.tools.check_deployment import company_texts, region_names
from qualityweek.tools.site_check import file_texts, page_texts, site_texts
from qualityweek.tools.spelling import missing_yo, unknown_words, words

pytestmark = pytest.mark.skipif(shutil.which("hunspell") is None,
                                reason="apt-get install hunspell hunspell-ru hunspell-en-us")

# the sources of the site's own text, for the «ё» check
SOURCES = ("docs/**/*.md", "docs/templates/*", "overrides/**/*.html", "qualityweek/**/*.py",
           "data/*.yml")
# a region's letters are reproduced as the ministry wrote them (the fixture region's too)
AS_WRITTEN = tuple(Path(page).stem for page in default_region().letters)


def data_words() -> set[str]:
    """Names the data gives with their sources: the region's names, ministry, municipalities and
    time label (as the deployment check knows them)."""
    return region_names(default_region())


def report(problems) -> str:
    return "\n".join(f"{where}: «{word}»" for where, word, *_ in problems)


@pytest.fixture(scope="module")
def site_with_events(tmp_path_factory) -> Build:
    """After the 2026 week with its events and a past year's: the events, archive and results
    pages, tables and press release say what only a site with events says («CSV», «МСК»)."""
    project = copy_project(tmp_path_factory.mktemp("spelling") / "project")
    for slug, fields in FIXTURE.items():
        write_event(project, 2026, slug, fields)
    write_event(project, 2025, "past", dict(VALID, start="2025-11-13 10:00",
                                             end="2025-11-13 11:00"))
    build = build_site(tmp_path_factory.mktemp("spelling-site") / "site", project,
                       QUALITY_TODAY="2026-11-16")
    assert build.result.returncode == 0, build.output
    build.company_words = {word for text in company_texts(
        load_test_events(project), default_region().label).values() for word in words(text)}
    return build


@pytest.fixture(params=["site_2023", "site_after_2026", "site_with_events"])
def built(request):
    """An edition with the most data (2023: motto, forum, regional day), one without (2027), and
    one with events (the companies' own words are theirs, not the site's: known here)."""
    return request.getfixturevalue(request.param)


def test_every_word_on_the_site_is_in_the_dictionaries_or_the_word_list(built):
    texts = site_texts(built.site)
    assert {"index.html", "kit/poster-2023.pdf", "kit/poster-2027.pdf"} & texts.keys()
    assert any(name.endswith(".ics") for name in texts) and any(
        name.endswith(".txt") for name in texts)
    problems = unknown_words(texts, known={*data_words(), *getattr(built, "company_words", ())})
    assert not problems, "Слова, которых нет в словаре (исправьте или внесите в " \
                         "spelling/words.dic):\n" + report(problems)


def ours(texts: dict[str, str]) -> dict[str, str]:
    return {where: text for where, text in texts.items()
            if not any(name in where for name in AS_WRITTEN)}


def test_the_site_writes_yo_where_it_belongs(built):
    problems = missing_yo(ours({**page_texts(built.site, whole=True), **file_texts(built.site)}))
    assert not problems, "Пишется через «ё»:\n" + "\n".join(
        f"{where}: «{word}» → «{right}»" for where, word, right in problems)


def test_the_sources_write_yo_where_it_belongs():
    texts = {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
             for pattern in SOURCES for path in sorted(ROOT.glob(pattern))}
    assert "docs/index.md" in texts and "qualityweek/outputs/ics.py" in texts
    problems = missing_yo(ours(texts))
    assert not problems, "Пишется через «ё»:\n" + "\n".join(
        f"{where}: «{word}» → «{right}»" for where, word, right in problems)


def test_a_planted_misspelling_and_a_missing_yo_fail_naming_the_page_and_the_word(tmp_path):
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8")
                     + "\nКачиство продукции — это ещё не всё. Вперед!\n", encoding="utf-8")
    build = build_site(tmp_path / "site", project)
    assert build.result.returncode == 0, build.output
    texts = page_texts(build.site)
    assert unknown_words(texts, known=data_words()) == [("about/index.html", "Качиство")]
    assert missing_yo(ours(texts)) == [("about/index.html", "Вперед", "вперёд")]


def test_words_skip_addresses_numbers_and_hashtags_but_keep_hyphenated_names():
    text = ("Пишите на qd@roskachestvo.gov.ru или https://rskrf.ru/qualityday/ — 12 ноября, "
            "#НеделяКачества, файл poster-2026.pdf, .txt; город Усть-Кут, «qcKai.sov.gi»")
    assert words(text) == ["Пишите", "на", "или", "ноября", "файл", "город", "Усть-Кут"]


def test_unknown_words_names_each_word_once_per_place():
    problems = unknown_words({"a.html": "Кошка кашка кашка Кошкаа", "b.txt": "Кошкаа"})
    assert problems == [("a.html", "Кошкаа"), ("b.txt", "Кошкаа")]
    assert re.fullmatch(r"\w+", problems[0][1])
