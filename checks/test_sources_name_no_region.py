"""Nothing regional in the project's sources: code, templates, pages, scripts, styles, workflows,
mkdocs.yml and tests take the region from its folder. The scan looks for the words of EVERY
region folder the repository ships, read from its data (qualityweek/tools/region_words.py): the
region's name, its municipalities' own words, the ministry's e-mail and site domains, its phone's
number and city code, its postcode, and the folder's other-names.txt. Zone names (Europe/…) are
not looked for: code and tests name zones as examples of offsets, and several regions share one.

Not scanned: regions/ itself; tests/regions/, the tests' invented regions (an invented name may
be a real one elsewhere); the issue form, which `python -m qualityweek.tools.issue_form`
generates from the default region's folder (test_issue_form.py checks it); README.md and
CONTRIBUTING.md, the documentation of this deployment, whose example event names the default
region's municipality.
"""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

from qualityweek.tools.region_words import folders_pattern

ROOT = Path(__file__).resolve().parent.parent
NOT_SCANNED = ("regions/", "tests/regions/")
GENERATED = {".github/ISSUE_TEMPLATE/event.yml"}  # checked against the data, see above
DOCUMENTATION = {"README.md", "CONTRIBUTING.md"}


@cache
def region_pattern():
    return folders_pattern(sorted(p for p in (ROOT / "regions").iterdir() if p.is_dir()))


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return sorted(set(listed.split("\n")) - {""})


def hits_in(name: str, text: str) -> list[str]:
    pattern = region_pattern()
    if pattern is None or not pattern.search(text):
        return []  # most files: one pass, no lines
    return [f"{name}:{number}: «{found[0]}» в строке: {line.strip()}"
            for number, line in enumerate(text.splitlines(), 1)
            if (found := pattern.search(line))]


def test_no_source_names_a_region():
    hits = []
    for name in tracked_files():
        path = ROOT / name
        if name.startswith(NOT_SCANNED) or name in GENERATED | DOCUMENTATION \
                or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # a binary file: no words to read
            continue
        hits += hits_in(name, text)
    assert not hits, "\n".join(hits)
