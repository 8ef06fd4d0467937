"""The GitHub issue form for proposing an event (.github/ISSUE_TEMPLATE/event.yml) takes the
region from its folder: the description names the region, the municipality list is the folder's,
the address's example is the region's first town. `python -m qualityweek.issue_form` rewrites
those parts of the file in place for the region QUALITY_REGION_DIR names (default:
regions/default.txt); tests/test_issue_form.py checks the file is up to date. No MkDocs imports.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from ..inputs.events import EventsError
from ..inputs.facts import FactsError
from ..inputs.paths import PathsError, region_folder
from ..inputs.region import RegionData, load_region

FORM = ".github/ISSUE_TEMPLATE/event.yml"
_DESCRIPTION = re.compile(r"^description: .*$", re.MULTILINE)
# the municipality dropdown's options, up to its `validations:`
_OPTIONS = re.compile(r"(  - type: dropdown\n    id: municipality\n(?:.*\n)*?      options:\n)"
                      r"(?:        - .*\n)+")
_ADDRESS = re.compile(r'(    id: address\n(?:.*\n)*?      placeholder: ).*\n')


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar


def address_example(region: RegionData) -> str:
    """«г. <the first town of the list>, ул. …, д. …», or without a town «ул. …, д. …»."""
    town = next((name.removeprefix("город ") for name in region.municipalities
                 if name.startswith("город ")), None)
    return f"г. {town}, ул. …, д. …" if town else "ул. …, д. …"


def issue_form(template: str, region: RegionData) -> str:
    """`template` (the form's text) with the region's parts filled in from `region`."""
    description = (f"description: Предложить мероприятие предприятия {region.region.genitive} "
                   "для страницы «Мероприятия в регионе».")
    text = _DESCRIPTION.sub(lambda _: description, template, count=1)
    options = "".join(f"        - {_quoted(name)}\n" for name in region.municipalities)
    text = _OPTIONS.sub(lambda m: m[1] + options, text, count=1)
    return _ADDRESS.sub(lambda m: m[1] + _quoted(address_example(region)) + "\n", text, count=1)


def main() -> int:
    project = Path.cwd()
    try:
        folder, label = region_folder(project, os.environ)
        region = load_region(folder, label)
    except (PathsError, FactsError, EventsError) as error:
        print(f"Форма не обновлена: {error}", file=sys.stderr)
        return 1
    path = project / FORM
    path.write_text(issue_form(path.read_text(encoding="utf-8"), region), encoding="utf-8")
    print(f"{FORM}: обновлено для папки {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
