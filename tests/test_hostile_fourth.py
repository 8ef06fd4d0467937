"""The fourth round of hostile input (issue 23), each run through the real build of a project
copy: deep folders, organizer names that differ only in look-alike letters, e-mail addresses
that would smuggle headers into a `mailto:` link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import build_site
from test_hostile_input import assert_refused


def _nest(top: Path, levels: int) -> None:
    """`levels` folders one inside the other under `top`, made one at a time (relative paths,
    so no single path grows past the system's limit)."""
    here = os.getcwd()
    top.mkdir(parents=True, exist_ok=True)
    os.chdir(top)
    try:
        for _ in range(levels):
            os.mkdir("d")
            os.chdir("d")
    finally:
        os.chdir(here)


@pytest.mark.parametrize("where, levels, named", [
    ("docs", 1000, "docs/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d: папки вложены глубже 16 уровней"),
    ("docs/events/2026", 1500, "docs/events/2026/d"),
])
def test_deep_folders_stop_the_build_with_one_line(tmp_path, project_copy, where, levels, named):
    _nest(project_copy / where, levels)
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    output = assert_refused(build, named)
    assert "RecursionError" not in output
