"""The deployment checks' shared fixture: a folder for a build."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def deployment_work(tmp_path: Path) -> Path:
    """A folder for one check's build (named so the test ordering knows it builds a site)."""
    return tmp_path
