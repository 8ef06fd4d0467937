"""MkDocs hook: Russian typography that editors should not have to type by hand.

Thin on purpose: the rule lives in qualityweek/core/typography.py (pure, tested).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path
    sys.path.insert(0, str(ROOT))

import qualityweek  # noqa: E402

qualityweek.forget_if_edited()  # `mkdocs serve`: take edits to qualityweek/ without a restart

from qualityweek.core.typography import nbsp_before_dashes  # noqa: E402


def on_page_content(html: str, **kwargs) -> str:
    return nbsp_before_dashes(html)
