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


@pytest.fixture
def deployment_work(tmp_path: Path) -> Path:
    """A folder for one check's build (named so that the test ordering, tests/conftest.py,
    knows these tests build a site each: they are handed out first)."""
    return tmp_path


def cases() -> list[tuple[str, int | None, dict | str]]:
    """(region folder, edition, its variables) to build; a folder the build cannot read is one
    case that fails with the build's own message, not an error while tests are collected."""
    found = []
    for label in region_labels(ROOT):
        try:
            found += [(label, year, variables)
                      for year, variables in editions(load(ROOT, label)[0], os.environ)]
        except ValueError as error:
            found.append((label, None, str(error)))
    return found


CASES = cases()


@pytest.mark.parametrize("label, year, variables", CASES,
                         ids=[f"{label.split('/')[-1]}-{year}" for label, year, _ in CASES])
def test_the_region_builds_and_passes_the_checks(label, year, variables, deployment_work: Path):
    assert year is not None, f"{label}: {variables}"
    problems = check_edition(ROOT, label, year, variables, deployment_work)
    assert not problems, f"{label}, выпуск {year}:\n" + "\n".join(problems)


@pytest.mark.parametrize("label", region_labels(ROOT))
def test_the_companies_unknown_words_are_listed_not_failed(label, capsys):
    try:
        region, events = load(ROOT, label)
    except ValueError:  # the build's message is the case above
        return
    notes = company_notes(region, company_texts(events, label))
    if notes:  # for the editor, in the test log
        with capsys.disabled():
            print(f"\n{label}: слова в мероприятиях, которых нет в словарях:\n"
                  + "\n".join(notes))
