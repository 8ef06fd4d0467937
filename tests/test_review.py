"""The pull-request summary (qualityweek/tools/review.py): the events a change adds or edits, as the
site will show them, for the check workflow's job summary."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from building import FIXTURE_REGIONS, ROOT, copy_project
from fixtures import EVENTS, MUNICIPALITIES, PLACES, REGION, VALID, event_text, events_folder
from hypothesis import given, settings
from hypothesis import strategies as st

from qualityweek.tools.review import Change, parse_name_status, summary
from qualityweek.tools.spelling import unknown_words, words

GOOD = event_text(VALID, "Описание.")


def REGION_LISTS(region: str) -> tuple[str, ...]:  # noqa: N802 — stands for the lists of regions
    """The municipalities of a region folder, as the review reads them: the fixture region's."""
    assert region == REGION.label, region
    return MUNICIPALITIES
FILES = {
    f"{EVENTS}/2026/tour.md": GOOD,
    f"{EVENTS}/2026/promo.md": event_text(dict(VALID, title="Скидки <b>*всем*</b>",
                                                 start="2026-11-09", end="2026-11-15")),
    f"{EVENTS}/2026/broken.md": event_text(dict(VALID, municipality="Нарния")),
    f"{EVENTS}/2026/Bad Name.md": GOOD,
}


def read(path: str) -> str | None:
    return FILES.get(path)


def test_added_and_changed_events_are_shown_as_on_the_site():
    text = summary([Change("A", f"{EVENTS}/2026/tour.md"),
                    Change("M", f"{EVENTS}/2026/promo.md"),
                    Change("D", f"{EVENTS}/2025/old.md"),
                    Change("M", "docs/index.md")], read, REGION_LISTS)
    assert "**добавлено:** «Экскурсия на молочный завод»" in text
    assert "Когда: 12\u00a0ноября 2026\u00a0г., 10:00–12:30" in text
    assert f"Где: {PLACES.district}, г. {PLACES.town_name}, ул. Тестовая, д. 5 (очно)" in text
    assert "Когда: 9–15\u00a0ноября 2026\u00a0г." in text.replace("\u2060", "")
    assert f"**удалено:** {EVENTS}/2025/old.md" in text
    assert "index.md" not in text  # not an event
    # a title's markup is text in the summary: GitHub renders character references as text
    assert "<b>" not in text and "&#60;b&#62;&#42;всем&#42;&#60;/b&#62;" in text


def test_a_broken_or_misnamed_file_shows_the_builds_message():
    text = summary([Change("A", f"{EVENTS}/2026/broken.md"),
                    Change("A", f"{EVENTS}/2026/Bad Name.md")], read, REGION_LISTS)
    assert (f"⚠ {EVENTS}/2026/broken.md, поле «municipality»: Муниципальное образование: "
            "выберите значение из списка: «Нарния»") in text
    assert "⚠ не файл мероприятия" in text


def test_no_event_changes():
    assert "Файлы мероприятий не менялись." in summary([], read, REGION_LISTS)


@settings(max_examples=200, deadline=None)
@given(name=st.text(min_size=1, max_size=40))
def test_any_file_name_stays_one_line_of_text(name):
    path = f"{EVENTS}/2026/{name}"
    text = summary([Change("A", path), Change("D", path)], lambda p: None, REGION_LISTS)
    for line in text.splitlines():
        assert not line.lstrip().startswith("::")
        assert "\x1b" not in line and "\r" not in line and "<" not in line
    # the heading, a blank line, the added file and its warning, the deleted file
    assert len(text.splitlines()) == 5


def test_name_status_output_keeps_any_name():
    output = f"A\0{EVENTS}/2026/a\nb.md\0M\0docs/x.md\0".encode()
    assert parse_name_status(output) == [Change("A", f"{EVENTS}/2026/a\nb.md"),
                                         Change("M", "docs/x.md")]


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_the_command_compares_with_the_base_commit(tmp_path):
    repo = copy_project(tmp_path / "repo")
    _git(repo, "init", "-q")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    base = _git(repo, "rev-parse", "HEAD")
    (events_folder(repo) / "2026").mkdir(parents=True, exist_ok=True)
    (events_folder(repo) / "2026" / "tour.md").write_text(GOOD, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "event")
    run = [sys.executable, "-m", "qualityweek.tools.review", "--root", str(repo)]
    result = subprocess.run([*run, "--base", base], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    assert "**добавлено:** «Экскурсия на молочный завод»" in result.stdout
    # a new branch's push has no «before» commit (all zeros): a sentence, not a failure
    result = subprocess.run([*run, "--base", "0" * 40], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert "базовый коммит не найден" in result.stdout


# -- the build's own reason for a file it cannot read; a size bound (issue 23) -----------------

def test_a_big_a_binary_and_a_latin_1_file_get_the_builds_own_reason(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir(parents=True)
    shutil.copytree(FIXTURE_REGIONS, repo / "regions")  # the region's municipalities
    _git(repo, "init", "-q")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    base = _git(repo, "rev-parse", "HEAD")
    events = events_folder(repo) / "2026"
    events.mkdir(parents=True)
    with open(events / "big.md", "wb") as big:  # 50 MB, sparse: git stores it, nobody reads it
        big.truncate(50_000_000)
    (events / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    (events / "latin.md").write_bytes("---\ntitle: Café\n---\n".encode("latin-1"))
    (events / "tour.md").write_text(GOOD, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "files")
    result = subprocess.run([sys.executable, "-m", "qualityweek.tools.review", "--root", str(repo),
                             "--base", base], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    text = result.stdout
    # markdown_text writes «(» as «&#40;»: GitHub shows it as a bracket
    assert f"⚠ {EVENTS}/2026/big.md: файл больше 32 КБ &#40;50000 КБ&#41;" in text
    assert f"⚠ {EVENTS}/2026/binary.md: файл не в кодировке UTF-8" in text
    assert f"⚠ {EVENTS}/2026/latin.md: файл не в кодировке UTF-8" in text
    assert "не файл мероприятия" not in text
    assert "**добавлено:** «Экскурсия на молочный завод»" in text


def test_thousands_of_events_fit_githubs_summary_limit():
    files = {}
    for year in (2026, 2027):
        for number in range(2000):
            title = f"Экскурсия номер {number} " + "на молочный завод " * 10
            files[f"{EVENTS}/{year}/tour-{number}.md"] = event_text(dict(
                VALID, title=title[:200], start=f"{year}-11-12 10:00",
                end=f"{year}-11-12 12:30"))
    files[f"{EVENTS}/2027/broken.md"] = event_text(dict(VALID, municipality="Нарния"))
    changes = [Change("A", path) for path in files]
    text = summary(changes, files.get, REGION_LISTS)
    assert len(text.encode("utf-8")) <= 1024 * 1024  # GitHub drops a bigger summary whole
    lines = text.splitlines()
    # the file the build refuses comes first, as a full card with the build's message
    assert lines[2] == f"- **добавлено:** {EVENTS}/2027/broken.md"
    assert "Нарния" in lines[3]
    cards = [line for line in lines if line.startswith("- **добавлено:**")]
    assert len(cards) == 100
    rows = [line for line in lines if line.startswith(f"| {EVENTS}/")]
    assert rows and all(line.endswith("» |") for line in rows)
    # every file is in a card, a row or the closing count
    left = re.search(r"Не поместились в сводку ещё (\d+)", text)
    assert len(cards) + len(rows) + (int(left[1]) if left else 0) == len(files)
    assert len(files) - 100 == 3901 and "### Ещё 3901\u00a0файл\n" in text  # CLDR: 3901 файл


@pytest.mark.skipif(shutil.which("hunspell") is None, reason="apt-get install hunspell hunspell-ru")
def test_the_companies_unknown_words_are_listed_for_the_reviewer_and_nothing_else():
    files = {f"{EVENTS}/2026/brand.md": event_text(dict(VALID, title="Дегустация «Кваркуса»",
                                                        organizer="ООО «Тестовый завод»"))}
    known = {word for name in MUNICIPALITIES for word in words(name)}
    text = summary([Change("A", path) for path in files], files.get, REGION_LISTS,
                   lambda texts: unknown_words(texts, known=known))
    section = text[text.index("### Слова, которых нет в словарях"):]
    assert f"{EVENTS}/2026/brand.md: «Кваркуса»" in section
    assert "Дегустация" not in section and "Тестовый" not in section
    # the summary's cards are as before: the words are a note, not a problem
    assert "⚠" not in text
    assert "### Слова" not in summary([Change("A", f"{EVENTS}/2026/tour.md")], read,
                                      REGION_LISTS, lambda texts: [])
