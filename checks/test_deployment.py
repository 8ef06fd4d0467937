"""The repository's own content, whatever it holds: every region folder builds with --strict for
the shown, the previous and the next edition, and each build passes the checks that hold for any
valid content (qualityweek/tools/check_deployment.py). The companies' words the dictionaries do
not know are printed for the editor, never a failure."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qualityweek.tools.check_deployment import (check_edition, company_notes, company_texts,
                                                editions, load, region_labels)

ROOT = Path(__file__).resolve().parent.parent
CASES = [(label, year, variables) for label in region_labels(ROOT)
         for year, variables in editions(load(ROOT, label)[0], os.environ)]


@pytest.mark.parametrize("label, year, variables", CASES,
                         ids=[f"{label.split('/')[-1]}-{year}" for label, year, _ in CASES])
def test_the_region_builds_and_passes_the_checks(label, year, variables, deployment_work: Path):
    problems = check_edition(ROOT, label, year, variables, deployment_work)
    assert not problems, f"{label}, выпуск {year}:\n" + "\n".join(problems)


@pytest.mark.parametrize("label", region_labels(ROOT))
def test_the_companies_unknown_words_are_listed_not_failed(label, capsys):
    region, events = load(ROOT, label)
    notes = company_notes(region, company_texts(events, label))
    if notes:  # for the editor, in the test log
        with capsys.disabled():
            print(f"\n{label}: слова в мероприятиях, которых нет в словарях:\n"
                  + "\n".join(notes))
