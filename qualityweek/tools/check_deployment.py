"""The deployment check: the repository's own content, whatever it holds, as it will be published.

    python -m qualityweek.tools.check_deployment [regions/<регион> …]

For every region folder (or the ones named), the site is built with `mkdocs build --strict` for
the edition it shows today, the previous and the next one; each build must pass the checks that
hold for any valid content: every internal link and anchor resolves, external links are
well-formed, every page parses as HTML and is in Russian (site_check.py), the site's own words
are spelled and written with «ё» where it belongs (spelling.py), and no word of another region
folder reaches the build. The companies' words in their event files (brand names,
abbreviations) are never a failure: the words the dictionaries do not know are listed for the
editor. Publishing (.github/workflows/pages.yml) runs this before it builds the site it
publishes; the README's test command runs it too (checks/).

Exit status 0 when every build passed, 1 otherwise; the report names the region folder, the
edition and each problem. No MkDocs imports: the builds are MkDocs' own command line.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.calendar import in_range
from ..core.untrusted import safe_name
from ..inputs.events import EVENTS_DIR, Event, load_events
from ..inputs.paths import REGION_VAR, REGIONS_DIR, region_folder
from ..inputs.region import REGION_FILE, RegionData, load_region
from ..inputs.settings import read_settings
from ..inputs.variables import TODAY_VAR, YEAR_VAR
from . import site_check
from .region_words import region_words, words_pattern
from .spelling import SpellingError, missing_yo, unknown_words, words

ROOT = Path(__file__).resolve().parents[2]  # qualityweek/tools/ → the project
BUILD_TIMEOUT = 300  # seconds
# Cited sources published only over http (data/facts.yml): linked as published. Every entry must
# still be cited there (tests/test_built_links.py), so the list cannot go stale.
HTTP_ONLY_SOURCES = frozenset({
    "http://adm-dzer.ru/article/vsemirnaya-nedelya-kachestva-202005",
    "http://www.asms.ru/news/v-rossii-otmechaetsya-vsemirnyy-den-kachestva.html",
    "http://krasniy.admin-smolensk.ru/maloe-i-srednee-predprinimatelstvo/meropriyatiya/",
})
# built files whose text a reader (or a search engine) gets, scanned for another region's words
SCANNED = (".html", ".txt", ".ics", ".json", ".csv", ".xml", ".svg")
EVENT_FIELDS = ("title", "organizer", "municipality", "address", "contact", "description")


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    # the companies' words the dictionaries do not know: for the editor, never a failure
    notes: list[str] = field(default_factory=list)


def region_labels(project: Path) -> list[str]:
    """Every region folder of the project, as editors name it: «regions/<регион>»."""
    folder = project / REGIONS_DIR
    return sorted(f"{REGIONS_DIR}/{entry.name}" for entry in folder.iterdir()
                  if entry.is_dir() and not entry.is_symlink() and (entry / REGION_FILE).is_file())


def load(project: Path, label: str) -> tuple[RegionData, dict[int, list[Event]]]:
    """The region folder and its events, as the build reads them (its errors as the build's)."""
    region = load_region(*region_folder(project, {REGION_VAR: label}))
    events = load_events(region.folder, region.municipalities, label=region.label,
                         municipalities_file=f"{region.label}/municipalities.yml")
    return region, events


def editions(region: RegionData, environ: Mapping[str, str]) -> list[tuple[int, dict[str, str]]]:
    """The editions a region's site is checked for: the one it shows today (QUALITY_TODAY if
    given, as published otherwise), the previous and the next one, with the variables that
    build each."""
    today = {TODAY_VAR: environ[TODAY_VAR]} if environ.get(TODAY_VAR, "").strip() else {}
    shown = read_settings(today, zone=region.data.region.zone).year
    found = [(shown, dict(today))]
    found += [(year, {**today, YEAR_VAR: str(year)}) for year in (shown - 1, shown + 1)
              if in_range(year)]
    return found


def build(project: Path, label: str, variables: Mapping[str, str],
          dest: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project for one region folder into `dest`; no QUALITY_*
    variable of the caller's environment leaks in but the ones given."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("QUALITY_")}
    environ.update(variables, NO_MKDOCS_2_WARNING="1", **{REGION_VAR: label})
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                           str(project / "mkdocs.yml"), "-d", str(dest)], cwd=project,
                          env=environ, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=BUILD_TIMEOUT, check=False)


def region_names(region: RegionData) -> set[str]:
    """The names the region's data gives with their sources: known to the spelling gate."""
    data = region.data
    texts = [data.region.name, data.region.genitive, data.region.prepositional,
             data.region.time_label, data.ministry.name, data.ministry.short_name or "",
             data.ministry.address or "", data.site.title, *region.municipalities]
    return {word for text in texts for word in words(text)}


def company_texts(events: Mapping[int, Sequence[Event]], label: str) -> dict[str, str]:
    """{event file: its text} of every event: the companies' own words."""
    return {f"{label}/{EVENTS_DIR}/{event.year}/{event.slug}.md":
            "\n".join(str(getattr(event, name) or "") for name in EVENT_FIELDS)
            for year_events in events.values() for event in year_events}


def company_notes(region: RegionData, texts: Mapping[str, str]) -> list[str]:
    """The companies' words that neither the dictionaries nor the region's names know, a line
    a word with the files that hold it (the first three, then how many more)."""
    files: dict[str, list[str]] = {}
    for where, word in unknown_words(texts, known=region_names(region)):
        files.setdefault(word, []).append(where)
    lines = []
    for word, found in sorted(files.items(), key=lambda item: (-len(item[1]), item[0])):
        more = f" и ещё {len(found) - 3}" if len(found) > 3 else ""
        lines.append(f"«{word}»: {', '.join(found[:3])}{more}")
    return lines


def spelling_problems(site: Path, region: RegionData, company: Iterable[str]) -> list[str]:
    """The site's own words the dictionaries do not know, and words written without «ё»
    (letters are reproduced as their authors wrote them); `company`: the companies' words,
    which are theirs and never this gate's."""
    files = site_check.file_texts(site)  # the PDF and the calendars are read once
    unknown = unknown_words({**site_check.page_texts(site), **files},
                            known={*region_names(region), *company})
    problems = [f"{where}: «{word}» нет в словарях — исправьте или внесите в "
                "spelling/words.dic" for where, word in unknown]
    letters = tuple(Path(page).stem for page in region.letters)
    own = {where: text for where, text in {**site_check.page_texts(site, whole=True),
                                           **files}.items()
           if not any(where.startswith(f"{letter}/") for letter in letters)}
    problems += [f"{where}: «{word}» пишется через «ё»: «{right}»"
                 for where, word, right in missing_yo(own)]
    return problems


def foreign_pattern(project: Path, region: RegionData, company: Iterable[str]) -> re.Pattern | None:
    """The words of every other region folder that this one does not share and that no
    company of this region wrote (its events may name a partner's town): stems and the
    ministries' mail and site domains."""
    own_stems, own_literal = region_words(region.folder)
    company_words = {word.lower() for word in company}
    stems, literal = set(), set()
    for label in region_labels(project):
        folder = project / label
        if folder.resolve() == region.folder.resolve():
            continue
        try:
            other_stems, other_literal = region_words(folder)
        except ValueError:  # that folder's own check names the problem
            continue
        stems |= {s for s in other_stems - own_stems
                  if not any(word.startswith(s) for word in company_words)}
        # the domains only: digits could match anything in a built file
        literal |= {pattern for pattern in other_literal - own_literal if "\\." in pattern}
    return words_pattern(stems, literal)


def foreign_words(site: Path, pattern: re.Pattern | None) -> list[str]:
    if pattern is None:
        return []
    problems = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in SCANNED or not path.is_file():
            continue
        found = pattern.search(path.read_text(encoding="utf-8", errors="replace"))
        if found:
            problems.append(f"{path.relative_to(site).as_posix()}: «{found[0]}» — слово "
                            "другого региона на сайте этого")
    return problems


def check_site(project: Path, site: Path, region: RegionData,
               events: Mapping[int, Sequence[Event]]) -> list[str]:
    """Every problem of one built site of `region` (links, HTML, spelling, other regions)."""
    texts = company_texts(events, region.label)
    company = {word for text in texts.values() for word in words(text)}
    folder = site_check.Site(site)
    problems = [f"ссылка: {line}" for line in site_check.broken_links(folder)]
    problems += [f"внешняя ссылка: {line}" for line in
                 site_check.bad_external_links(folder, HTTP_ONLY_SOURCES)]
    problems += [f"HTML: {line}" for line in site_check.html_problems(site)]
    try:
        problems += [f"орфография: {line}" for line in spelling_problems(site, region, company)]
    except SpellingError as error:
        problems.append(f"орфография: {error}")
    problems += foreign_words(site, foreign_pattern(project, region, company))
    return problems


def check_edition(project: Path, label: str, year: int, variables: Mapping[str, str],
                  work: Path) -> list[str]:
    """Build one edition of one region folder into `work` and check it: its problems."""
    region, events = load(project, label)
    result = build(project, label, variables, work / "site")
    if result.returncode != 0:
        lines = [line for line in (result.stdout + result.stderr).splitlines()
                 if line.startswith(("ERROR", "WARNING", "Error", "Сборка"))]
        return [f"сборка остановлена: {safe_name(line)}" for line in lines or
                [(result.stdout + result.stderr).strip()[-2000:]]]
    return check_site(project, work / "site", region, events)


def check_region(project: Path, label: str, environ: Mapping[str, str], work: Path) -> Report:
    """Every edition of one region folder; the companies' unknown words as notes."""
    report = Report()
    try:
        region, events = load(project, label)
        chosen = editions(region, environ)
    except ValueError as error:  # the build's own message for a bad folder or event file
        report.problems.append(f"{label}: {safe_name(str(error))}")
        return report
    for year, variables in chosen:
        for problem in check_edition(project, label, year, variables, work / str(year)):
            report.problems.append(f"{label}, выпуск {year}: {problem}")
    try:
        report.notes = company_notes(region, company_texts(events, label))
    except SpellingError as error:
        report.notes = [str(error)]
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Проверка содержимого сайта перед публикацией: каждая папка региона "
                    "собирается за показанный, прошлый и следующий выпуск и проверяется")
    parser.add_argument("regions", nargs="*", help="папки регионов (по умолчанию — все)")
    args = parser.parse_args(argv)
    project = Path.cwd()
    labels = args.regions or region_labels(project)
    failed = False
    with tempfile.TemporaryDirectory(prefix="qw-check-") as tmp:
        for number, label in enumerate(labels):
            report = check_region(project, label, os.environ, Path(tmp) / str(number))
            failed = failed or bool(report.problems)
            print(f"## {label}: " + ("замечаний нет" if not report.problems else
                                     f"замечаний: {len(report.problems)}"))
            for line in report.problems:
                print(f"- {line}")
            if report.notes:
                print("Слова в мероприятиях, которых нет в словарях (это слова компаний — "
                      "проверьте написание, сборку они не останавливают):")
                for line in report.notes:
                    print(f"- {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
