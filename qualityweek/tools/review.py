"""The pull-request summary: the events a change adds or edits, as the site will show them.

A reviewer reads the title, the dates in words, the municipality and any problem the build
finds in the job summary of the check workflow (.github/workflows/check.yml), without checking
out the branch. `summary()` is pure (the changed paths and a way to read a file in, Markdown
out); `python -m qualityweek.review --base SHA` asks git for the changed paths. Every value is
untrusted: names and texts go into the Markdown as text (untrusted.markdown_text) with control
characters made visible (untrusted.safe_name), so a file name cannot add markup or lines.
GitHub drops a job summary over 1024k whole, so the summary has a size bound: full cards for the
first FULL_CARDS files (those the build refuses first), then a table of the rest, then a count.
No MkDocs imports.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..core import typography
from ..core.calendar import FIRST_YEAR, LAST_YEAR
from ..core.untrusted import markdown_text, safe_name
from ..inputs.events import (EVENTS_DIR, MAX_FILE_BYTES, MUNICIPALITIES_FILE, SLUG, Event,
                             EventsError, EventSource, load_municipalities, parse_event)
from ..inputs.facts import read_input
from ..inputs.paths import REGION_VAR, REGIONS_DIR, PathsError, region_folder
from ..model.results import counted
from .spelling import SpellingError, unknown_words, words

# event files live in their region's folder: regions/<регион>/events/<год>/<имя>.md
REGIONS_PREFIX = f"{REGIONS_DIR}/"
_STATUS = {"A": "добавлено", "M": "изменено", "D": "удалено"}
# the fields whose words are the companies' own (the spelling note)
COMPANY_FIELDS = ("title", "organizer", "address", "contact", "description")
FULL_CARDS = 100  # files shown as cards; the rest are rows of a table
SUMMARY_LIMIT = 1_000_000  # bytes of UTF-8; GitHub refuses a step summary over 1024k (1,048,576)
TITLE_IN_TABLE = 60  # characters of a title in a table row


@dataclass(frozen=True)
class Change:
    status: str  # git's letter: A, M, D (renames are off: a rename is a D and an A)
    path: str  # repository-relative, as git prints it


def _text(value: str) -> str:
    """An untrusted value as Markdown text: control characters visible, markup inert."""
    return str(markdown_text(safe_name(value)))


def when(event: Event) -> str:
    """«12 ноября 2026 г., 10:00–12:30» or «9–15 ноября 2026 г.»: as a reader reads the dates."""
    text = typography.format_range(event.start_day, event.end_day)
    start, end = event.start_time, event.end_time
    if start and end and event.start_day == event.end_day:
        return f"{text}, {start:%H:%M}–{end:%H:%M}"
    if start:
        text += f", начало в {start:%H:%M}"
    if end:
        text += f", конец в {end:%H:%M}"
    return text


def is_event_path(path: str) -> bool:
    """Whether a changed path lies in a region folder's events/ (a file there that is not an
    event file is shown with the build's problem)."""
    parts = PurePosixPath(path).parts
    return len(parts) > 3 and parts[0] == REGIONS_DIR and parts[2] == EVENTS_DIR


def _region_of(path: str) -> str:
    """«regions/<регион>» of an event path."""
    return "/".join(PurePosixPath(path).parts[:2])


def _source(path: str) -> EventSource | None:
    parts = PurePosixPath(path).parts
    if len(parts) != 5 or not re.fullmatch(r"[0-9]{4}", parts[3]):
        return None
    year, name = int(parts[3]), parts[4]
    stem = name.removesuffix(".md")
    if not (FIRST_YEAR <= year <= LAST_YEAR and name.endswith(".md") and SLUG.fullmatch(stem)):
        return None
    return EventSource(Path(path), path, year, stem)


@dataclass(frozen=True)
class _Entry:
    change: Change
    card: list[str]  # Markdown lines of its card
    row: str  # what its table row says
    refused: bool  # the build would stop on it
    event: Event | None = None  # as the build reads it, when it does


def _entry(change: Change, read: Callable[[str], str | None],
           municipalities: Callable[[str], Collection[str]]) -> _Entry:
    status = _STATUS.get(change.status, "изменено")
    name = _text(change.path)
    if change.status == "D":
        return _Entry(change, [f"- **удалено:** {name}"], "удалено", False)
    source = _source(change.path)
    try:
        text = read(change.path) if source is not None else None
        if text is None:
            return _Entry(change, [f"- **{status}:** {name}",
                                   "  - ⚠ не файл мероприятия: сборка его не примет "
                                   f"(файл — {_text(_region_of(change.path))}/{EVENTS_DIR}/"
                                   "ГГГГ/имя-латиницей.md)"],
                          f"{status}; ⚠ не файл мероприятия", True)
        event = parse_event(text, source, municipalities(_region_of(change.path)))
    except (EventsError, ValueError) as error:  # the build's own message (size, UTF-8, fields)
        problems = [_text(line) for line in str(error).splitlines()]
        return _Entry(change, [f"- **{status}:** {name}", *(f"  - ⚠ {line}" for line in problems)],
                      f"{status}; ⚠ сборка его не примет", True)
    place = event.municipality + (f", {event.address}" if event.address else "")
    title = event.title if len(event.title) <= TITLE_IN_TABLE else (
        event.title[:TITLE_IN_TABLE - 1] + "…")
    return _Entry(change, [f"- **{status}:** {typography.quote(_text(event.title))}",
                           f"  - Когда: {when(event)}",
                           f"  - Где: {_text(place)} ({_text(event.format)})",
                           f"  - Организатор: {_text(event.organizer)}",
                           f"  - Файл: {name}"],
                  f"{status}: {typography.quote(_text(title))}", False, event)


def _size(lines: Sequence[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)


def summary(changes: Sequence[Change], read: Callable[[str], str | None],
            municipalities: Callable[[str], Collection[str]],
            spell: Callable[[dict[str, str]], list[tuple[str, str]]] | None = None) -> str:
    """Markdown for the job summary: each changed event file as the site will show it, or the
    build's problems with it (`read` returns the file's text, None for what is not a file, or
    raises ValueError with the build's message; `municipalities` gives a region folder's list,
    «regions/<регион>», or raises ValueError with the build's message; `spell` names the
    words of {file: text} that the dictionaries do not know); at most SUMMARY_LIMIT bytes."""
    lines = ["## Мероприятия в этом изменении", ""]
    events = [c for c in changes if is_event_path(c.path)]
    if not events:
        lines.append("Файлы мероприятий не менялись.")
    entries = [_entry(change, read, municipalities) for change in events]
    entries.sort(key=lambda entry: not entry.refused)  # what stops the build first
    limit = SUMMARY_LIMIT - 500  # room for the closing lines
    cards = 0
    for entry in entries[:FULL_CARDS]:
        if _size(lines) + _size(entry.card) > limit // 2:
            break
        lines.extend(entry.card)
        cards += 1
    rest = entries[cards:]
    if rest:
        lines += ["", f"### Ещё {counted(len(rest), 'файл', 'файла', 'файлов')}", "",
                  f"Подробно показаны первые {cards} из {len(entries)}; остальные — таблицей.", "",
                  "| Файл | Что в нём |", "|---|---|"]
        size = _size(lines)
        for shown_rows, entry in enumerate(rest):
            row = f"| {_text(entry.change.path)} | {entry.row} |"
            size += len(row.encode("utf-8")) + 1
            if size > limit:
                left = counted(len(rest) - shown_rows, "файл", "файла", "файлов")
                lines += ["", f"Не поместились в сводку ещё {left}: их список — "
                              "`git diff --name-status` с базовым коммитом."]
                break
            lines.append(row)
    if spell is not None:
        lines += _spelling(entries, spell, limit - _size(lines))
    return "\n".join(lines) + "\n"


def _spelling(entries: Sequence[_Entry], spell: Callable[[dict[str, str]], list[tuple[str, str]]],
              room: int) -> list[str]:
    """The companies' words the dictionaries do not know, for the reviewer: brand names and
    abbreviations are fine, a typo is worth a word to the company; never a failure."""
    texts = {entry.change.path: "\n".join(str(getattr(entry.event, name) or "")
                                          for name in COMPANY_FIELDS)
             for entry in entries if entry.event is not None}
    found = spell(texts) if texts else []
    if not found:
        return []
    lines = ["", "### Слова, которых нет в словарях", "",
             "Это слова компаний — названия, сокращения; проверьте, нет ли в них опечатки. "
             "Сборку они не останавливают.", ""]
    for number, (where, word) in enumerate(found):
        line = f"- {_text(where)}: «{_text(word)}»"
        if _size(lines) + len(line.encode("utf-8")) + 200 > room:
            lines.append(f"- и ещё {counted(len(found) - number, 'слово', 'слова', 'слов')}")
            break
        lines.append(line)
    return lines


def parse_name_status(output: bytes) -> list[Change]:
    """`git diff --name-status -z` output as changes (NUL-separated: any file name survives)."""
    fields = output.decode("utf-8", "surrogateescape").split("\0")
    return [Change(status[:1], path) for status, path in zip(fields[0::2], fields[1::2])
            if status]


def _git_changes(base: str, root: Path) -> list[Change] | None:
    if not re.fullmatch(r"[0-9a-f]{7,64}", base) or not base.strip("0"):
        return None  # a new branch's push has no «before» commit
    result = subprocess.run(["git", "diff", "--no-renames", "--name-status", "-z", base, "HEAD",
                             "--", REGIONS_PREFIX], cwd=root, capture_output=True, check=False)
    return parse_name_status(result.stdout) if result.returncode == 0 else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Сводка мероприятий, которые меняет коммит")
    parser.add_argument("--base", default="", help="коммит, с которым сравнивать")
    parser.add_argument("--root", default=".", help="корень репозитория")
    args = parser.parse_args(argv)
    root = Path(args.root)
    changes = _git_changes(args.base, root)
    if changes is None:
        print("## Мероприятия в этом изменении\n\nНе с чем сравнить: базовый коммит не найден.")
        return 0
    lists: dict[str, Collection[str]] = {}

    def municipalities(region: str) -> Collection[str]:
        """The region folder's list, as the build reads it (ValueError with its message)."""
        if region not in lists:
            try:
                folder, label = region_folder(root.resolve(), {REGION_VAR: region})
                lists[region] = load_municipalities(folder / MUNICIPALITIES_FILE,
                                                    f"{label}/{MUNICIPALITIES_FILE}")
            except (EventsError, PathsError) as error:
                raise ValueError(str(error)) from None
        return lists[region]

    def read(path: str) -> str | None:
        """The file as the build reads it (read_input: size limit, UTF-8), None for what is
        not a file; ValueError with the build's message for a link, a big or non-UTF-8 file."""
        file = root / path
        if file.is_symlink():
            raise ValueError(f"{path}: символическая ссылка; сайт берёт только файлы самого "
                             "проекта")
        if not file.is_file():
            return None
        return read_input(file, path, MAX_FILE_BYTES)  # ValueError: the build's own message

    def spell(texts: dict[str, str]) -> list[tuple[str, str]]:
        # the places of the region's list are known names, not the companies' words
        known = {word for names in lists.values() for name in names for word in words(name)}
        try:
            return unknown_words(texts, known=known)
        except (SpellingError, OSError) as error:  # no Hunspell or word list: one line says so
            return [("проверка написания недоступна", str(error))]

    sys.stdout.write(summary(changes, read, municipalities, spell))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
