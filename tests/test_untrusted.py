"""Every input is untrusted (issue 9): hostile and careless values from data/facts.yml, event files
and the environment, planted in a project copy and run through the real build.

Each class of input gets its test: live markup, bad addresses, silent loss, tracebacks, cost,
values as typed, control characters. The build either shows the value as text or stops with a
one-line message naming the file (or variable), the field and what is accepted.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from building import build_site, copy_project
from fixtures import EVENTS, VALID, event_text, events_folder, write_event

# Text values that would be markup if a page took them as Markdown, HTML or Jinja.
HOSTILE_TEXT = {
    "theme": "</script><script>alert(1)</script>",
    "plenary": "[жми](javascript:alert(2)) и ![x](https://tracker.example.org/p.gif)",
    "venue": "<img src=x onerror=alert(3)> *звёздочки* `код`",
    "format": "**жирный** {: onclick=\"alert(4)\" } &amp; | трубы |",
    "registration": "{{ 7 * 7 }} {% raw %} {# комментарий #}",
    "motto": "Качество <b>всем</b> [ссылка][1] <https://example.org>",
}
# A valid URL whose «)» would end a Markdown link early if it were not encoded.
PAREN_URL = "https://example.org/reg)(x"

HOSTILE_EDITION = f"""
  2027:
    motto:
      text: '{HOSTILE_TEXT["motto"]}'
      source: https://example.org/motto
    forum:
      start: 2027-11-08
      end: 2027-11-12
      theme: '{HOSTILE_TEXT["theme"]}'
      plenary: '{HOSTILE_TEXT["plenary"]}'
      cities: ['<i>Энск</i>', 'a | b']
      registration_url: '{PAREN_URL}'
      source: https://example.org/forum
    regional_day:
      date: 2027-11-12
      format: '{HOSTILE_TEXT["format"]}'
      venue: '{HOSTILE_TEXT["venue"]}'
      registration: '{HOSTILE_TEXT["registration"]}'
      source: https://example.org/day
"""


def add_to_facts(project: Path, text: str) -> None:
    path = project / "data" / "facts.yml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def assert_stopped(build, *expected: str) -> str:
    """The build failed with a message (no traceback) holding every `expected` fragment;
    returns the message line(s)."""
    assert build.result.returncode != 0, build.output
    assert "Traceback" not in build.output, build.output
    for fragment in expected:
        assert fragment in build.output, build.output
    return build.output


# -- 1. values from data are text on every page, never markup --------------------------------

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    add_to_facts(project, HOSTILE_EDITION)
    build = build_site(project.parent / "site", project, QUALITY_YEAR="2027",
                       QUALITY_SITE_URL="https://example.org/site/")
    assert build.result.returncode == 0, build.output
    return build


def _live_markup(soup: BeautifulSoup) -> list[str]:
    """Anything in a page that would run script or load from elsewhere."""
    found = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}>")
            if name in ("href", "src", "action") and re.match(r"\s*(javascript|data|vbscript):",
                                                               value, re.I):
                found.append(f"<{tag.name} {name}={value}>")
        if (tag.name == "script" and tag.get("type") != "application/ld+json"
                and "alert(" in (tag.string or "")):
            found.append("<script>alert")
        if tag.name in ("img", "iframe", "object", "embed") and "tracker" in str(tag):
            found.append(f"<{tag.name}> from elsewhere")
    return found


@pytest.mark.parametrize("path", ["", "forum", "archive/2027"])
def test_data_values_reach_pages_as_text(hostile_site, path):
    soup = hostile_site.page(path)
    assert _live_markup(soup) == []
    text = hostile_site.text(path).replace("\u00a0", " ").replace("\u2060", "")
    shown = {"": ["motto"], "forum": ["theme", "plenary", "venue", "format", "registration"],
             "archive/2027": ["motto", "theme", "plenary"]}[path]
    for field in shown:
        assert HOSTILE_TEXT[field] in text, (field, text)
    assert "49" not in text  # «{{ 7 * 7 }}» from the data is never evaluated


def test_a_url_with_parentheses_stays_one_link(hostile_site):
    links = [a for a in hostile_site.page("forum").select("article a")
             if "example.org/reg" in a.get("href", "")]
    assert links and all(a["href"] == "https://example.org/reg%29%28x" for a in links)
    assert all(set(a.attrs) <= {"href", "title", "class"} for a in links)


def test_json_ld_and_calendar_hold_the_same_text(hostile_site):
    script = hostile_site.page("").find("script", type="application/ld+json")
    assert "</script" not in script.string.lower()
    forum = [e for e in json.loads(script.string)["@graph"] if "форум" in e["name"].lower()][0]
    assert forum["description"] == HOSTILE_TEXT["theme"]
    ics = (hostile_site.site / "calendar" / "quality-week-2027.ics").read_bytes()
    assert b"\x1b" not in ics and b"\x00" not in ics


# -- 2. addresses from the environment ---------------------------------------------------------

@pytest.mark.parametrize("variable, value, expected", [
    ("QUALITY_REPO_URL", 'https://github.com/o/r"><script>alert(1)</script>', "кавычка"),
    ("QUALITY_SITE_URL", "javascript://x/%0aalert(1)", "недопустимая схема"),
    ("QUALITY_SITE_URL", "ftp://example.org/", "недопустимая схема"),
    ("QUALITY_SITE_URL", "https://example.org/?utm=1", "«?…» и «#…»"),
    ("QUALITY_SITE_URL", "https://[example.org/", "не разбирается"),
    ("QUALITY_SITE_URL", "https://user:pw@example.org/", "имя пользователя"),
])
def test_bad_address_in_the_environment_stops_the_build(tmp_path, variable, value, expected):
    build = build_site(tmp_path / "site", **{variable: value, "QUALITY_YEAR": "2027"})
    assert_stopped(build, variable, expected, "https://")


# -- 3. nothing is lost without a word ---------------------------------------------------------

def test_every_entry_under_events_is_an_event_an_ignored_kind_or_an_error(tmp_path, project_copy):
    events = events_folder(project_copy)
    write_event(project_copy, 2026, "good", VALID)
    for name in ("upper.MD", "long.markdown", "notes.md.txt"):
        (events / "2026" / name).write_text(event_text(VALID), encoding="utf-8")
    (events / "٢٠٢٦").mkdir()
    (events / "٢٠٢٦" / "arabic.md").write_text(event_text(VALID), encoding="utf-8")
    (events / "2026" / "folder.md").mkdir()  # a directory named like an event
    os.symlink("/nowhere/at/all", events / "2026" / "dangling.md")
    # ignored as CONTRIBUTING says: hidden files (Emacs' lock link), editors' backups
    os.symlink("user@host.1234:1", events / "2026" / ".#good.md")
    (events / "2026" / "good.md~").write_text("backup", encoding="utf-8")
    (events / "2026" / ".good.md.swp").write_bytes(b"\x00\x01")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    output = assert_stopped(build, f"{EVENTS}/2026/upper.MD", f"{EVENTS}/2026/long.markdown",
                            f"{EVENTS}/2026/notes.md.txt", "расширение .md",
                            f"{EVENTS}/٢٠٢٦/arabic.md", "не называется годом",
                            f"{EVENTS}/2026/folder.md: папка внутри папки года",
                            f"{EVENTS}/2026/dangling.md: символическая ссылка")
    assert ".#good.md" not in output and "good.md~" not in output and ".swp" not in output


def test_a_year_written_twice_is_an_error(tmp_path, project_copy):
    add_to_facts(project_copy, "  '2025':\n    yearly_links: []\n")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert_stopped(build, "data/facts.yml", "ключ «2025» повторяется", "«'2025':»")


def test_description_links_are_kept_or_shown_with_their_address(tmp_path, project_copy):
    write_event(project_copy, 2026, "links", VALID, body=(
        "Старый сайт: [наш сайт](http://example.org/old). Почта: <info@example.org>. "
        "Опасно: [жми](javascript:alert(1)). Безопасно: [сайт](https://example.org/new)."))
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert build.result.returncode == 0, build.output
    description = build.page("events").select_one("#event-links .qw-event__description")
    text = description.get_text()
    assert "наш сайт (http://example.org/old)" in text
    assert "жми (javascript:alert(1))" in text
    hrefs = [a["href"] for a in description.find_all("a")]
    assert hrefs == ["mailto:info@example.org", "https://example.org/new"]
    assert description.find("a", href="mailto:info@example.org").get_text() == "info@example.org"


# -- 4. no traceback, whatever the input -------------------------------------------------------

@pytest.mark.parametrize("front, expected", [
    ("[a, b]: x\n", "ключ должен быть словом или числом"),
    ("title:\tx\n", "табуляция"),
    ("title: a: b\n", "возьмите значение в кавычки"),
    ("<<: {title: x}\n", "ключ слияния"),
    ("title: !!python/object:os.system x\n", "теги YAML"),
])
def test_broken_front_matter_is_a_message(tmp_path, project_copy, front, expected):
    path = write_event(project_copy, 2026, "broken", VALID)
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\n" + front, 1),
                    encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    output = assert_stopped(build, f"{EVENTS}/2026/broken.md, заголовок, строка 2", expected)
    message = [line for line in output.splitlines() if "broken.md" in line]
    assert len(message) == 1


@pytest.mark.parametrize("template, expected", [
    ("https://rskrf.ru/qualityday{0}/", "ровно подстановка {year}"),
    ("https://rskrf.ru/{year.__class__}/", "ровно подстановка {year}"),
    ("https://rskrf.ru/{year}{/", "ровно подстановка {year}"),
    ("https://rskrf.ru/{year!r}/", "ровно подстановка {year}"),
])
def test_link_template_takes_year_and_nothing_else(tmp_path, project_copy, template, expected):
    facts = project_copy / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "yearly: https://rskrf.ru/qualityday{year}/\n", f"yearly: '{template}'\n", 1),
        encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2023")
    assert_stopped(build, "data/facts.yml", "links.rskrf_qualityday.yearly", expected)


# -- 5. bounded cost -----------------------------------------------------------------------------

def test_alias_bomb_and_huge_files_stop_at_once(tmp_path, project_copy):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9))
    add_to_facts(project_copy, bomb.replace("\n", "\n  ").join(["  bomb:\n  ", ""]))
    write_event(project_copy, 2026, "huge", VALID, body="[" * 100_000)
    started = time.monotonic()
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert time.monotonic() - started < 60
    output = assert_stopped(build, "data/facts.yml", "якоря YAML")
    assert max(len(line) for line in output.splitlines()) < 400


def test_events_file_too_large_and_description_limits(tmp_path, project_copy):
    write_event(project_copy, 2026, "huge", VALID, body="текст " * 10_000)
    write_event(project_copy, 2026, "brackets", VALID, body="[" * 101)
    write_event(project_copy, 2026, "nested", VALID, body="1. " * 50)
    write_event(project_copy, 2026, "long", VALID, body="я" * 5001)
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    output = assert_stopped(build, f"{EVENTS}/2026/huge.md: файл больше 32 КБ",
                            f"{EVENTS}/2026/brackets.md, описание: Описание: не больше 100 "
                            "квадратных скобок «[», сейчас 101",
                            f"{EVENTS}/2026/nested.md, описание: Описание: в строке 1 списки "
                            "или цитаты вложены глубже 8 уровней",
                            f"{EVENTS}/2026/long.md, описание: Описание: не длиннее 5000 "
                            "знаков, сейчас 5001")
    assert max(len(line) for line in output.splitlines()) < 400


# -- 6. messages quote what was typed; values are kept as typed --------------------------------

def test_values_are_kept_as_typed(tmp_path, project_copy):
    write_event(project_copy, 2026, "typed", dict(VALID, title="no", contact="0123"))
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert build.result.returncode == 0, build.output
    card = build.page("events").select_one("#event-typed")
    assert card.select_one("h3").get_text() == "no"
    assert "0123" in card.get_text()


def test_a_time_without_a_date_is_quoted_as_typed(tmp_path, project_copy):
    write_event(project_copy, 2026, "time", dict(VALID, start="10:00"))
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_stopped(build, f"{EVENTS}/2026/time.md, поле «start»: Начало: укажите дату",
                   "указано «10:00»")


# -- 7. control characters ---------------------------------------------------------------------

# the characters are named in words, as the form names them (event_messages.CHARACTER_NAMES)
@pytest.mark.parametrize("value, shown", [
    ('"Экскурсия\\x1b[31m"', "уберите служебный знак ESC"),
    ('"Экскурсия\\0"', "уберите невидимый служебный знак"),
    ('"Экскурсия\\u202eотчёт"', "уберите невидимый знак направления текста"),
    ('"Экскурсия\\tотчёт"', "уберите знак табуляции"),
    ('"две\\nстроки"', "напишите в одну строку"),
])
def test_control_characters_are_refused(tmp_path, project_copy, value, shown):
    write_event(project_copy, 2026, "control", dict(VALID, title=value))
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_stopped(build, f"{EVENTS}/2026/control.md, поле «title»", shown)
