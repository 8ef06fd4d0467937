"""An editor's Markdown description as the plain text a calendar app shows (the .ics
DESCRIPTION): no tags, no Markdown syntax, no image addresses, links with their address."""

from __future__ import annotations

import pytest

from qualityweek.core.plain_text import description_text


@pytest.mark.parametrize("markdown_text, text", [
    ("Просто текст.", "Просто текст."),
    ("Первый абзац\nпродолжается.\n\nВторой **жирный**, *курсив*, `код`.",
     "Первый абзац продолжается.\n\nВторой жирный, курсив, код."),
    ("## Программа\n\nОписание.", "Программа\n\nОписание."),
    ("Вступление.\n\n- пункт **один**\n- пункт два\n\nИтог.",
     "Вступление.\n\n– пункт один\n– пункт два\n\nИтог."),
    ("1. раз\n2. два\n    - вложенный\n3. три", "– раз\n– два\n  – вложенный\n– три"),
    ("- свободный\n\n- список", "– свободный\n– список"),
    ("строка  \nперенос", "строка\nперенос"),
    ("> цитата", "цитата"),
])
def test_blocks_become_lines_and_paragraphs(markdown_text, text):
    assert description_text(markdown_text) == text


@pytest.mark.parametrize("markdown_text, text", [
    ("[Запись](https://example.org/a)", "Запись (https://example.org/a)"),
    ("<https://example.org/a>", "https://example.org/a"),  # the address is its own text
    ("[https://example.org/a](https://example.org/a)", "https://example.org/a"),
    ("[Почта](mailto:info@example.org)", "Почта (mailto:info@example.org)"),
    ("<info@example.org>", "info@example.org"),  # obfuscated by Markdown, read back
    ("[+7 (4012) 00-00-00](tel:+74012000000)", "+7 (4012) 00-00-00 (tel:+74012000000)"),
    ("[+74012000000](tel:+74012000000)", "+74012000000"),
    # only https, mail and phone addresses are given; others keep just their words
    # a link the page does not keep stays visible with its address, as text (as on the page)
    ("[Нажми](javascript:alert(1))", "Нажми (javascript:alert(1))"),
    ("[Старый](http://example.org/)", "Старый (http://example.org/)"),
    ("[Страница](../forum.md)", "Страница (../forum.md)"),
    ("[ссылка][r]\n\n[r]: https://example.org/r", "ссылка (https://example.org/r)"),
])
def test_links_keep_their_text_and_safe_address(markdown_text, text):
    assert description_text(markdown_text) == text


def test_images_are_their_alt_text_without_the_address():
    text = description_text("До ![Логотип завода](https://tracker.example/pixel.png) после. "
                            "[![Схема](map.png)](https://example.org/map)")
    assert text == "До Логотип завода после. Схема (https://example.org/map)"
    assert "pixel" not in text and "map.png" not in text


@pytest.mark.parametrize("markdown_text, text", [
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("Текст <b>без</b> HTML", "Текст <b>без</b> HTML"),
    ("<div>\n**блок**\n</div>", "<div> блок </div>"),
    ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    ("&lt;b&gt; &amp; &copy;", "<b> & ©"),
    ("{{ edition.year }} {% raw %}", "{{ edition.year }} {% raw %}"),
    (r"\*не курсив\*", "*не курсив*"),
])
def test_html_typed_by_an_editor_is_literal_text_never_markup(markdown_text, text):
    """Raw HTML is off, as on the events page: what an editor typed is what readers see."""
    assert description_text(markdown_text) == text


def test_control_characters_are_dropped_tab_and_newline_kept():
    # \x02 and \x03 are Python-Markdown's placeholder markers: typed, they must not reach it
    text = description_text("а\x00б\x02wzxhzdk:0\x03в\x07г\x1b[31mд\x85е\tё\r\nж\x7f")
    # not dropped: in running text a tab and a line break are white space, as on the page
    assert text == "абwzxhzdk:0вг[31mде ё ж"
    assert description_text("Код:\n\n    a  b\x01") == "Код:\n\na  b"  # a code block keeps its spaces
    assert description_text("Абзац\r\n\r\nВторой") == "Абзац\n\nВторой"


def test_non_breaking_spaces_are_text():
    assert description_text("10\u00a0ноября") == "10\u00a0ноября"
