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
from bs4 import BeautifulSoup
from conftest import ROOT, build_site, copy_project, default_region
from icalendar import Calendar
from pypdf import PdfReader

from qualityweek.tools.spelling import missing_yo, unknown_words, words

pytestmark = pytest.mark.skipif(shutil.which("hunspell") is None,
                                reason="apt-get install hunspell hunspell-ru hunspell-en-us")

# the companies' own words: the event cards (qualityweek/outputs/events_html.py)
NOT_OURS = ".qw-event"
# the sources of the site's own text, for the «ё» check
SOURCES = ("docs/**/*.md", "docs/templates/*", "overrides/**/*.html", "qualityweek/**/*.py",
           "data/*.yml")
# the 2023 letter is reproduced as the ministry wrote it, without «ё»
AS_WRITTEN = ("letter-2023",)


def page_texts(site: Path, *, whole: bool = False) -> dict[str, str]:
    """{site path: text} of every built page: its article (or, `whole`, everything in <body>),
    without scripts, styles, code and the event cards."""
    texts = {}
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        root = soup.body if whole else (soup.select_one("article") or soup.body)
        for element in root.select(f"script, style, code, pre, {NOT_OURS}"):
            element.decompose()
        texts[path.relative_to(site).as_posix()] = root.get_text(" ")
    return texts


def file_texts(site: Path) -> dict[str, str]:
    """{site path: text} of the ready texts, the poster and the calendars (the site's own
    entries: the events' entries are the companies' words)."""
    texts = {}
    for path in sorted(site.rglob("*.txt")):
        if path.name != "robots.txt":
            texts[path.relative_to(site).as_posix()] = path.read_text(encoding="utf-8")
    for path in sorted(site.rglob("*.pdf")):
        texts[path.relative_to(site).as_posix()] = "\n".join(
            page.extract_text() for page in PdfReader(path).pages)
    for path in sorted(site.rglob("*.ics")):
        calendar = Calendar.from_ical(path.read_bytes())
        texts[path.relative_to(site).as_posix()] = "\n".join(
            str(entry.get(field, ""))
            for entry in calendar.walk("VEVENT") if "-event-" not in str(entry["UID"])
            for field in ("SUMMARY", "DESCRIPTION", "LOCATION"))
    return texts


def site_texts(site: Path) -> dict[str, str]:
    return {**page_texts(site), **file_texts(site)}


def data_words() -> set[str]:
    """Names the data gives with their sources: the region folder's municipalities."""
    return {word for name in default_region().municipalities for word in words(name)}


def report(problems) -> str:
    return "\n".join(f"{where}: «{word}»" for where, word, *_ in problems)


@pytest.fixture(params=["site_2023", "site_after_2026"])
def built(request):
    """An edition with the most data (2023: motto, forum, regional day) and one without (2027)."""
    return request.getfixturevalue(request.param)


def test_every_word_on_the_site_is_in_the_dictionaries_or_the_word_list(built):
    texts = site_texts(built.site)
    assert {"index.html", "kit/poster-2023.pdf", "kit/poster-2027.pdf"} & texts.keys()
    assert any(name.endswith(".ics") for name in texts) and any(
        name.endswith(".txt") for name in texts)
    problems = unknown_words(texts, known=data_words())
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
