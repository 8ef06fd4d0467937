"""The page `mkdocs serve` shows in place of every page while the site does not build.

MkDocs 1.6 keeps a browser waiting, with no word, until the next build succeeds («The server
will appear stuck»); a person previewing an edit sees a spinner. hooks/serve_errors.py writes
this page instead, with the build's own messages; livereload's script, which MkDocs adds before
`</body>`, reloads it when the next build succeeds. No MkDocs imports.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from ..core.untrusted import log_safe, safe_name


def error_page(messages: Sequence[str]) -> str:
    """A small self-contained HTML page (no theme, nothing loaded) that lists `messages`."""
    items = Markup("").join(Markup("<li>{}</li>").format(safe_name(log_safe(message)))
                            for message in messages)
    return str(Markup(
        '<!doctype html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Сайт не собрался</title>\n"
        "<style>body{{font:1.125rem/1.5 system-ui,sans-serif;margin:0;padding:1rem;"
        "max-width:40rem}}h1{{font-size:1.5rem}}.qw-error{{border-left:5px solid #d4351c;"
        "padding-left:1rem}}li{{margin-bottom:.5rem;overflow-wrap:anywhere}}</style>\n"
        "</head>\n<body>\n<main class=\"qw-error\">\n<h1>Сайт не собрался</h1>\n"
        "<p>Сборка остановлена — вот что она сообщила:</p>\n<ul>{}</ul>\n"
        "<p>Исправьте файл и сохраните его: страница обновится сама, когда сайт соберётся.</p>\n"
        "</main>\n</body>\n</html>\n").format(items or Markup("<li>{}</li>").format(
            "причина не указана; смотрите окно, где запущен mkdocs serve")))
