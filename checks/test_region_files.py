"""The repository's region folders, as they stand: the GitHub issue form is the default region's
(qualityweek/tools/issue_form.py fills it in), and every municipalities list names its sources
and no name twice."""

from __future__ import annotations

from pathlib import Path

import yaml

from qualityweek.inputs.paths import region_folder
from qualityweek.inputs.region import load_region
from qualityweek.tools.issue_form import FORM, issue_form

ROOT = Path(__file__).resolve().parent.parent


def test_the_checked_in_issue_form_is_up_to_date_for_the_default_region():
    region = load_region(*region_folder(ROOT, {}))
    text = (ROOT / FORM).read_text(encoding="utf-8")
    assert issue_form(text, region) == text, (
        "обновите форму: python -m qualityweek.tools.issue_form")


def test_every_municipalities_list_names_its_sources():
    for path in sorted((ROOT / "regions").glob("*/municipalities.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT).as_posix()
        assert data["sources"] and all(s.startswith("https://") for s in data["sources"]), where
        names = data["municipalities"]
        assert len(names) == len(set(names)) >= 2, where
