"""Nothing regional in the project's sources: code, templates, pages, scripts, styles, workflows,
mkdocs.yml and tests take the region from its folder (regions/). This file names the default
region's words once, to look for them; it and the issue form that
`python -m qualityweek.tools.issue_form` generates from the region folder are the two exceptions.
README.md and CONTRIBUTING.md show the default folder's name in their examples and are not
scanned."""

from __future__ import annotations

import re
import subprocess

from conftest import ROOT

WORDS = re.compile(r"киров|вятк|kirov", re.IGNORECASE)
EXEMPT = {"tests/test_no_region_in_sources.py", ".github/ISSUE_TEMPLATE/event.yml",
          "README.md", "CONTRIBUTING.md"}
SOURCES = (".py", ".md", ".yml", ".yaml", ".js", ".html", ".css", ".txt", ".toml", ".ini",
           ".cfg", ".json", ".svg", "")


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return sorted(set(listed.split("\n")) - {""})


def test_no_source_names_the_default_region():
    hits = []
    for name in tracked_files():
        path = ROOT / name
        if (name.startswith("regions/") or name in EXEMPT or path.suffix not in SOURCES
                or not path.is_file()):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if WORDS.search(line):
                hits.append(f"{name}:{number}: {line.strip()}")
    assert not hits, "\n".join(hits)


def test_the_scan_finds_a_word_where_there_is_one():
    assert WORDS.search("ул. Кирова") and WORDS.search("ООО «ВЯТКА»")
    assert WORDS.search("prom@ako.KIROV.ru") and not WORDS.search("Новосибирская область")
