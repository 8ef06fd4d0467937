"""The third round of hostile input (issue 16): one table of real payloads per class, each run
through the real build of a project copy.

The expected outcome of every row: refused with a message that names the file (or variable),
the line or field and quotes the value, with no traceback, no «None» and no line a CI log would
read as a command; or shown exactly as typed. Event files that fail go together into one build
(the build reports every bad file, each on its own line); data files, paths and settings stop
the build at once, so each gets its own.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from building import build_site, copy_project
from fixtures import (EVENTS, VALID, default_region, edit_region_file, event_text, events_folder,
                      write_event)
from hypothesis import given
from hypothesis import strategies as st

from qualityweek.core.event_messages import named_character
from qualityweek.core.untrusted import log_safe, safe_name
from qualityweek.inputs.yaml_input import YamlInputError, load_yaml

SECRET = "SECRET-LINE-4f1c"  # planted in every link target: it must never reach the output


def assert_refused(build, *expected: str) -> str:
    """Stopped, with every `expected` fragment in the output, no traceback, no «None», no
    line that starts a GitHub Actions command, no raw escape character, no secret."""
    output = build.output
    assert build.result.returncode != 0, output
    assert "Traceback" not in output, output
    for fragment in expected:
        assert fragment in output, (fragment, output)
    assert SECRET not in output and "root:x:0:0" not in output, output
    assert not re.search(r"^\s*::", output, re.MULTILINE), output
    assert "\x1b" not in output and "\u202e" not in output, output
    return output


def stopped_line(output: str, name: str) -> str:
    """The message line about the file `name` (each bad file has its own line)."""
    lines = [line for line in output.splitlines() if name in line]
    assert lines, (name, output)
    return lines[0]


# -- event files: one build reports every bad one ------------------------------------------------

def _fields(**changes) -> dict:
    return dict(VALID, **changes)


# slug: (front matter fields, description, expected fragments of its message line)
BAD_EVENTS = {
    # control characters in a YAML value: line, field and the character in words
    "vt": (_fields(title="Экскурсия\x0bна завод"), "Описание.",
           ["строка 2, поле «title»", "разрыв строки из Word (Shift+Enter)"]),
    "ff": (_fields(organizer="ООО\x0c«Завод»"), "Описание.",
           ["строка 3, поле «organizer»", "разрыв страницы"]),
    "esc": (_fields(title="Экскурсия \x1b[31mкрасная"), "Описание.",
            ["строка 2, поле «title»", "служебный знак ESC", "\\x1b[31m"]),
    "del": (_fields(title="Экскурсия\x7f"), "Описание.", ["строка 2, поле «title»", "DEL"]),
    "csi": (_fields(title="Экскурсия\x9b31m"), "Описание.",
            ["строка 2, поле «title»", "служебный знак (U+009B)"]),
    # YAML breaks lines at NEL and U+2028; the message counts lines as an editor sees them
    "nel": (_fields(organizer="ООО\x85«Завод»"), "Описание.",
            ["строка 3, поле «organizer»", "NEL"]),
    "ls": (_fields(organizer="ООО\u2028«Завод»"), "Описание.",
           ["строка 3, поле «organizer»", "разделитель строк"]),
    # invisible text
    "zwsp": (_fields(title="Экскурсия\u200b"), "Описание.", ["строка 2", "нулевой ширины"]),
    "lrm": (_fields(title="\u200eЭкскурсия"), "Описание.", ["строка 2", "знак направления текста (U+200E)"]),
    "rlm": (_fields(organizer="\u200fООО"), "Описание.", ["строка 3", "знак направления текста (U+200F)"]),
    "hangul": (_fields(title="\u3164"), "Описание.", ["строка 2", "корейская"]),
    "tag": (_fields(title="Экскурсия\U000e0041"), "Описание.", ["строка 2", "невидимый знак-метка"]),
    "spaces": (_fields(title="'   '"), "Описание.",
               ["поле «title» не заполнено: Введите название"]),
    "nbsp": (_fields(title="\u00a0\u00a0"), "Описание.",
             ["поле «title» не заполнено: Введите название"]),
    "no-start": (_fields(start=None), "Описание.", ["поле «start» не заполнено: Укажите начало"]),
    # the text checks apply after character references: what the reader would see
    "ref-rlo": (VALID, "Оплата &#x202E;txt.exe", ["описание", "«&#x202E;»"]),
    "ref-rlm": (VALID, "Текст &rlm; текст", ["описание", "«&rlm;»"]),
    "ref-ls": (VALID, "Строка&#8232;строка", ["описание", "«&#8232;»"]),
    # quotes nested without spaces count like any other
    "quotes": (VALID, ">" * 300 + " глубоко", ["в строке 1 списки или цитаты вложены глубже"]),
}


@pytest.fixture(scope="module")
def bad_events_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile-events") / "project")
    for slug, (fields, body, _) in BAD_EVENTS.items():
        write_event(project, 2026, slug, fields, body)
    return build_site(project.parent / "site", project, QUALITY_YEAR="2026")


@pytest.mark.parametrize("slug", BAD_EVENTS)
def test_a_bad_event_file_is_named_with_its_line_field_and_value(bad_events_build, slug):
    output = assert_refused(bad_events_build)
    line = stopped_line(output, f"{EVENTS}/2026/{slug}.md")
    for fragment in BAD_EVENTS[slug][2]:
        assert fragment in line, (fragment, line)


# -- names that would forge a CI annotation or reach a terminal ---------------------------------

FORGED = "x\n::error title=Подделка::всё хорошо\x1b[2J"


@pytest.mark.parametrize("place", ["events folder", "events file", "docs file", "event key"])
def test_names_and_keys_cannot_forge_log_lines(tmp_path, project_copy, place):
    events = events_folder(project_copy)
    if place == "events folder":
        (events / FORGED).mkdir(parents=True)
        (events / FORGED / "a.md").write_text(event_text(VALID), encoding="utf-8")
    elif place == "events file":
        (events / "2026").mkdir(parents=True)
        (events / "2026" / f"{FORGED}.md").write_text(event_text(VALID), encoding="utf-8")
    elif place == "docs file":
        (project_copy / "docs" / f"{FORGED}.md").write_text("# x\n", encoding="utf-8")
    else:
        key = '"' + FORGED.replace("\n", "\\n").replace("\x1b", "\\e") + '"'
        write_event(project_copy, 2026, "key", dict(VALID, **{key: "1"}))
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    output = assert_refused(build, "\\x0a::error title=Подделка::", "\\x1b[2J")
    assert "Подделка" in output


# -- nothing outside the project is read or published --------------------------------------------

def _secret_outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    (outside / "facts.yml").write_text(f"{SECRET}: [\n", encoding="utf-8")
    return outside


LINKS = {  # where the link is (project-relative): what it points to, and the message
    "docs/leak.txt": ("secret.txt", "docs/leak.txt: символическая ссылка"),
    "docs/assets/passwd.txt": ("/etc/passwd", "docs/assets/passwd.txt: символическая ссылка"),
    "docs/.hidden": ("/", "docs/.hidden: символическая ссылка"),
    f"{EVENTS}": (".", f"{EVENTS}: символическая ссылка"),
    "data/facts.yml": ("facts.yml", "data/facts.yml: символическая ссылка"),
    "data/extra.yml": ("secret.txt", "data/extra.yml: символическая ссылка"),
}


@pytest.mark.parametrize("where", LINKS)
def test_a_symlink_under_docs_or_data_stops_the_build(tmp_path, project_copy, where):
    outside = _secret_outside(tmp_path)
    target, message = LINKS[where]
    link = project_copy / where
    if link.is_dir():
        import shutil
        shutil.rmtree(link)
    elif link.exists():
        link.unlink()
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target if target.startswith("/") else outside / target, link)
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_refused(build, message)
    assert not (tmp_path / "site" / "leak.txt").exists()


def test_data_folder_that_is_a_link_or_docs_dir_outside_the_project(tmp_path, project_copy):
    import shutil
    moved = tmp_path / "data-elsewhere"
    shutil.move(project_copy / "data", moved)
    os.symlink(moved, project_copy / "data")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_refused(build, "data: символическая ссылка")

    other = copy_project(tmp_path / "other")
    shutil.move(other / "docs", tmp_path / "docs-outside")
    config = other / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "docs_dir: docs", "docs_dir: ../docs-outside"), encoding="utf-8")
    build = build_site(tmp_path / "site2", other, QUALITY_YEAR="2026")
    assert_refused(build, "docs-outside: папка вне проекта")


# -- the data file: every field a page prints is there, or left out -----------------------------

FACTS_CASES = {  # what is removed from data/facts.yml: the field the message names
    "roskachestvo": (r"  roskachestvo:\n(?:    .*\n|    #.*\n)+", "поле «contacts.roskachestvo»"),
    "email-purpose": (r"    email_purpose: .*\n", "поле «contacts.roskachestvo.email_purpose»"),
}


@pytest.mark.parametrize("case", FACTS_CASES)
def test_a_missing_contact_field_is_named_never_printed_as_none(tmp_path, project_copy, case):
    pattern, field = FACTS_CASES[case]
    facts = project_copy / "data" / "facts.yml"
    text, count = re.subn(pattern, "", facts.read_text(encoding="utf-8"), count=1)
    assert count == 1, pattern
    facts.write_text(text, encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert_refused(build, "data/facts.yml", field, "обязательное поле не задано")


def test_a_missing_ministry_is_named_in_the_region_file(tmp_path, project_copy):
    region = project_copy / default_region().label / "region.yml"
    text, count = re.subn(r"ministry:\n(?:  .*\n)+", "", region.read_text(encoding="utf-8"),
                          count=1)
    assert count == 1
    region.write_text(text, encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert_refused(build, f"{default_region().label}/region.yml", "поле «ministry»",
                   "обязательное поле не задано")


def test_a_source_page_that_is_missing_is_named_with_year_and_field(tmp_path, project_copy):
    def cite_a_missing_letter(data: dict) -> None:
        data["ministry"]["source"] = "letter-2032.md"
        edition = (data.get("editions") or {}).get(2023) or {}
        edition["motto"] = {"text": "Девиз", "source": "letter-2032.md"}
        data["editions"] = {**(data.get("editions") or {}), 2023: edition}

    edit_region_file(project_copy, cite_a_missing_letter)
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert_refused(build, f"{default_region().label}/region.yml, поле «ministry.source»: страницы "
                          "«letter-2032.md» нет", "год 2023, поле «motto.source»")


def test_a_missing_link_key_is_one_line_without_a_traceback(tmp_path, project_copy):
    page = project_copy / "docs" / "contacts.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "link('rskrf_qualityday')", "link('rskrf_qualitydya')"), encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    output = assert_refused(build, "contacts.md", "rskrf_qualitydya")
    assert len([line for line in output.splitlines() if "rskrf_qualitydya" in line]) == 1, output


def test_a_municipality_list_entry_is_checked_like_any_text(tmp_path, project_copy):
    region = default_region()
    path = project_copy / region.label / "municipalities.yml"
    first = f"  - {region.municipalities[0]}\n"
    path.write_text(path.read_text(encoding="utf-8").replace(
        first, first + "  - \"город\\u200bНевидимый\"\n  - ' Пробел'\n"), encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert_refused(build, f"{region.label}/municipalities.yml, municipalities, элемент 2",
                   f"{region.label}/municipalities.yml, municipalities, элемент 3: пробел в начале")


# -- limits with a message --------------------------------------------------------------------

def test_a_slug_too_long_for_a_file_name_is_a_message(tmp_path, project_copy):
    slug = "a" * 252
    write_event(project_copy, 2026, slug, VALID)
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_refused(build, f"{EVENTS}/2026/{slug}.md: имя файла длиннее 80 знаков (252)")


def test_events_per_year_are_limited(tmp_path, project_copy):
    from qualityweek.inputs.events import MAX_EVENTS_PER_YEAR
    folder = events_folder(project_copy) / "2026"
    folder.mkdir(parents=True)
    text = event_text(VALID)
    for index in range(MAX_EVENTS_PER_YEAR + 1):
        (folder / f"e{index}.md").write_text(text, encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_refused(build, f"{EVENTS}/2026: {MAX_EVENTS_PER_YEAR + 1} мероприятий, больше "
                          f"{MAX_EVENTS_PER_YEAR} за год")


def test_events_per_build_are_limited(tmp_path, project_copy):
    from qualityweek.inputs.events import MAX_EVENTS, MAX_EVENTS_PER_YEAR
    text = event_text(VALID)
    per_year = MAX_EVENTS_PER_YEAR
    years = MAX_EVENTS // per_year + 1
    for year in range(2026 - years + 1, 2027):
        folder = events_folder(project_copy) / str(year)
        folder.mkdir(parents=True)
        for index in range(per_year):
            (folder / f"e{index}.md").write_text(text, encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_refused(build, f"{EVENTS}: {years * per_year} мероприятий за все годы, больше "
                          f"{MAX_EVENTS}")


@pytest.mark.parametrize("variable, value, expected", [
    ("QUALITY_REPO_URL", "https://github.com/org/repo?x=1", "«?…» и «#…»"),
    ("QUALITY_REPO_URL", "https://github.com/org/repo#main", "«?…» и «#…»"),
    ("QUALITY_REPO_URL", "https://github.com/org/repo/../../evil/repo", "владелец/репозиторий"),
    ("QUALITY_REPO_URL", "https://github.com/org/%2e%2e", "владелец/репозиторий"),
    ("QUALITY_REPO_URL", "https://github.com/org", "владелец/репозиторий"),
    ("QUALITY_SITE_URL", "https://example.org/" + "a" * 300 + "/", "длиннее 48 знаков"),
])
def test_repository_and_site_addresses_are_checked(tmp_path, variable, value, expected):
    build = build_site(tmp_path / "site", QUALITY_YEAR="2027", **{variable: value})
    assert_refused(build, variable, expected)


# -- hidden events are reported, editors' own files stay ignored --------------------------------

def test_hidden_event_folders_and_files_are_reported(tmp_path, project_copy):
    events = events_folder(project_copy)
    (events / ".2026").mkdir(parents=True)
    (events / ".2026" / "hidden.md").write_text(event_text(VALID), encoding="utf-8")
    write_event(project_copy, 2026, "good", VALID)
    (events / "2026" / ".draft.md").write_text(event_text(VALID), encoding="utf-8")
    (events / "2026" / ".good.md.swp").write_bytes(b"\x00")  # Vim's: ignored, as CONTRIBUTING says
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    output = assert_refused(build, f"{EVENTS}/.2026", f"{EVENTS}/2026/.draft.md")
    assert ".swp" not in output


# -- shown exactly as typed ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def typed_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("typed") / "project")
    write_event(project, 2026, "hashtags", dict(VALID, title="Путь C:\\Новая папка\\N1"),
                "Ждём всех!\n\n#НеделяКачества #ДеньКачества\n\n# Программа\n\nПодробности\n"
                "=====\n\n###### Шестой\n\n" + ">" * 3 + " цитата")
    folder = events_folder(project) / "2026"
    (folder / ".hashtags.md.swp").write_bytes(b"\x00")  # an editor's: skipped, and said so
    (folder / "hashtags.md~").write_text("backup", encoding="utf-8")
    build = build_site(project.parent / "site", project, QUALITY_YEAR="2026")
    assert build.result.returncode == 0, build.output
    return build


def test_hashtags_stay_and_headings_are_bold_paragraphs(typed_site):
    card = typed_site.page("events").select_one("#event-hashtags")
    text = card.get_text(" ")
    assert "#НеделяКачества #ДеньКачества" in text
    assert not card.select("h1, h2, h3, h4, h5, h6")[1:], card  # only the card's own heading
    bold = [b.get_text() for b in card.select("p > strong")]
    assert {"Программа", "Подробности", "Шестой"} <= set(bold), bold
    assert len(card.select("blockquote blockquote blockquote")) == 1


def test_a_backslash_reaches_the_calendar_as_typed(typed_site):
    import vobject
    ics = next((typed_site.site / "calendar").rglob("hashtags.ics")).read_text(encoding="utf-8")
    assert "Путь C:\\\\Новая папка\\\\N1" in ics
    assert vobject.readOne(ics).vevent.summary.value == "Путь C:\\Новая папка\\N1"
    description = vobject.readOne(ics).vevent.description.value
    assert "#НеделяКачества #ДеньКачества" in description


def test_skipped_editor_files_are_named_in_the_log(typed_site):
    line = stopped_line(typed_site.output, "Пропущены служебные файлы редакторов")
    assert f"{EVENTS}/2026/.hashtags.md.swp" in line and f"{EVENTS}/2026/hashtags.md~" in line


def test_no_none_on_any_page(typed_site):
    for page in typed_site.site.rglob("*.html"):
        text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text()
        assert "None" not in text, page
    for data in typed_site.site.rglob("*.json"):
        assert "None" not in data.read_text(encoding="utf-8"), data


# -- the one quoting function for names and messages (no build) ---------------------------------

@given(st.text())
def test_a_log_message_never_starts_a_command_or_carries_a_control_character(message):
    safe = log_safe(message)
    for line in safe.split("\n"):
        assert not line.lstrip(" \t").startswith("::")
        assert not any(ch != "\n" and (ord(ch) < 0x20 or 0x7f <= ord(ch) <= 0x9f) for ch in line)
    assert safe.count("\n") == message.count("\n")  # the message's own lines stay


@given(st.text())
def test_a_name_is_one_line(name):
    assert len(safe_name(name).splitlines()) <= 1


@pytest.mark.parametrize("character, words", [
    ("\x0b", "Shift+Enter"), ("\x1b", "ESC"), ("\u2028", "разделитель строк"),
    ("\u200d", "соединитель букв"), ("\u202e", "направления текста"), ("\U000e0041", "знак-метка"),
    ("\uf8ff", "личной области шрифта"), ("\x9b", "U+009B"),
])
def test_a_refused_character_is_named_in_words(character, words):
    assert words in named_character(character)
    expected = f"строка 3, поле «organizer»: .*{re.escape(words)}"
    with pytest.raises(YamlInputError, match=expected):
        load_yaml(f"title: x\norganizer: a{character}b\n", first_line=2)
