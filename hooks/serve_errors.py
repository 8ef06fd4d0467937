"""MkDocs hook: while `mkdocs serve` cannot build the site, every page shows why, in Russian,
instead of keeping the browser waiting. Thin on purpose: the page is qualityweek/outputs/serve_error.py.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path
    sys.path.insert(0, str(ROOT))

from qualityweek.outputs.serve_error import error_page  # noqa: E402

log = logging.getLogger("mkdocs.plugins.qualityweek")


class _Collect(logging.Handler):
    """The build's warnings and errors, as MkDocs prints them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def on_serve(server, builder, **kwargs):
    rebuild = server.builder

    def rebuild_or_show_the_error() -> None:
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        try:
            rebuild()
        except Exception as error:  # noqa: BLE001 - any failed build: tell the browser why
            messages = collect.messages or [str(error)]
            page = error_page(messages)
            for html in Path(server.root).rglob("*.html"):
                html.write_text(page, encoding="utf-8")
            log.error("Сайт не собрался: страницы в браузере показывают ошибку, пока она не "
                      "исправлена")
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)

    server.builder = rebuild_or_show_the_error
    return server
