"""The content check (python -m qualityweek.tools.content_check): clean on the real docs, and it
finds slips planted in a fixture, at the right line, while leaving code, templates and URLs alone."""

from __future__ import annotations

import subprocess
import sys

from building import ROOT

from qualityweek.tools.content_check import check

PLANTED = """---
description: "Прямые кавычки в заголовке YAML не проверяются"
range: 6-12
---

# Страница с ошибками

Неделя проходит 6-12 ноября.
Девиз "Россия — страна со Знаком качества".
Здесь  двойной пробел.
Качество - это важно.

Это не ошибки: `6-12` и `"код"`, {{ date_range(a, b) }}, {% if x == "y" %}да{% endif %},
[ссылка](https://example.org/a-1-2 "title"), <br class="a-b" title="6-12">
адрес <https://example.org/2023-11-09> и телефон 12-34-56, «ёлочки», 6–12 ноября.

```sh
echo "6-12"  и  два  пробела
```

<!-- комментарий "в кавычках" 1-2 -->

!!! note "Заголовок замечания"

    Текст замечания.

| Год | Даты |
|---|---|
| 2026 | 9–15 ноября |
## Заголовок без пустой строки перед ним
"""


def test_planted_slips_are_found_at_their_lines(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PLANTED, encoding="utf-8")
    problems = check([page], root=tmp_path)
    assert problems == [
        "page.md:8: дефис между числами: «6-12»; нужно тире без пробелов «6–12»",
        "page.md:9: прямые кавычки: \"Россия — страна со Знаком качества\"; "
        "нужны «ёлочки» (внутри — „лапки“)",
        "page.md:10: двойной пробел",
        "page.md:11: дефис вместо тире: « - »; нужно « — »",
        "page.md:29: MD058 Tables should be surrounded by blank lines",
    ]


def test_long_lines_are_reported_but_template_code_and_comments_are_not(tmp_path):
    page = tmp_path / "page.md"
    long_prose = "слово " * 20
    jinja_line = "Даты: {{ date_range(edition.week_start, edition.week_end) }} " * 3
    button = "[Кнопка](x.md){ .md-button title=\"Подсказка " + "очень " * 15 + "длинная\" }"
    comment = "{##\n  Заметка для редакторов: 6-12 \"кавычки\"  и\n##}"
    page.write_text(f"# Заголовок\n\n{long_prose.strip()}\n\n{jinja_line.strip()}\n\n"
                    f"{button}\n\n{comment}\n", encoding="utf-8")
    problems = check([page], root=tmp_path)
    assert problems == ["page.md:3: MD013 Line length [ [Expected: 100, Actual: 119]]"]


def test_the_command_passes_on_the_real_docs():
    result = subprocess.run([sys.executable, "-m", "qualityweek.tools.content_check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "замечаний нет" in result.stdout


def test_the_command_fails_and_prints_file_and_line(tmp_path):
    page = tmp_path / "slip.md"
    page.write_text("# Заголовок\n\nС 6-12 ноября.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "qualityweek.tools.content_check", str(page)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert f"{page}:3: дефис между числами: «6-12»" in result.stdout
