"""The GitHub issue form is the default region's (qualityweek/tools/issue_form.py fills it in)."""

from __future__ import annotations

from pathlib import Path

from qualityweek.inputs.paths import region_folder
from qualityweek.inputs.region import load_region
from qualityweek.tools.issue_form import FORM, issue_form

ROOT = Path(__file__).resolve().parent.parent


def test_the_checked_in_issue_form_is_up_to_date_for_the_default_region():
    region = load_region(*region_folder(ROOT, {}))
    text = (ROOT / FORM).read_text(encoding="utf-8")
    assert issue_form(text, region) == text, (
        "обновите форму: python -m qualityweek.tools.issue_form")
