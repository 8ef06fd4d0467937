"""Rendering policy: only pages with `render_macros: true` are templates, and `{#id}` attribute
lists work even there (Jinja comments are `{## … ##}` in this project)."""

from __future__ import annotations

from building import build_site

PLAIN_PAGE = """# Заметки редактора

Пример шаблона из другого проекта:

```jinja
{{ edition.year }} {% if x %}да{% endif %} {# комментарий #}
```

## Раздел с якорем {#custom-anchor}

Текст со скобками: {{ не макрос }}.
"""

RENDERED_PAGE = """---
render_macros: true
---

# Страница с макросами

## Раздел с якорем {#rendered-anchor}

Выпуск {{ edition.year }}{## комментарий для редакторов ##}.

{% raw %}
```jinja
{{ edition.year }}
```
{% endraw %}
"""


def add_pages(project):
    (project / "docs" / "editor-notes.md").write_text(PLAIN_PAGE, encoding="utf-8")
    (project / "docs" / "rendered.md").write_text(RENDERED_PAGE, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "nav:\n", "nav:\n  - Заметки: editor-notes.md\n  - Макросы: rendered.md\n"), encoding="utf-8")


def test_plain_page_keeps_braces_and_attribute_lists(tmp_path, project_copy):
    add_pages(project_copy)
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert build.result.returncode == 0, build.output
    page = build.page("editor-notes/")
    code = page.select_one("pre code").get_text()
    assert "{{ edition.year }} {% if x %}да{% endif %} {# комментарий #}" in code
    assert page.select_one("h2#custom-anchor") is not None
    assert "{{ не макрос }}" in build.text("editor-notes/")


def test_rendered_page_takes_attribute_lists_and_raw_blocks(tmp_path, project_copy):
    add_pages(project_copy)
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert build.result.returncode == 0, build.output
    page = build.page("rendered/")
    assert page.select_one("h2#rendered-anchor") is not None
    text = build.text("rendered/")
    assert "Выпуск 2027." in text and "комментарий" not in text
    assert "{{ edition.year }}" in page.select_one("pre code").get_text()
