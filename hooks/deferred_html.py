"""MkDocs hook: puts large ready HTML (the events list) into a page after Markdown, and the
event descriptions into the final page, after search has indexed it.

Thin on purpose: the rule lives in qualityweek/outputs/deferred.py (pure, tested). Listed before the
typography hook, so the events list gets the same typography as the rest of the page (the
descriptions have theirs from qualityweek/core/description.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path
    sys.path.insert(0, str(ROOT))

import qualityweek  # noqa: E402

qualityweek.forget_if_edited()  # `mkdocs serve`: take edits to qualityweek/ without a restart

from qualityweek.core.untrusted import log_safe  # noqa: E402
from qualityweek.outputs.deferred import DeferredHtmlError, fill  # noqa: E402


def _filled(html: str, page, late: bool) -> str:
    try:
        return fill(html, page.meta, late=late)
    except DeferredHtmlError as error:
        raise PluginError(log_safe(f"Сборка остановлена: {page.file.src_uri}: {error}")) from None


def on_page_content(html: str, *, page, **kwargs) -> str:
    return _filled(html, page, late=False)


def on_post_page(output: str, *, page, **kwargs) -> str:
    return _filled(output, page, late=True)
