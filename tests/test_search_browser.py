"""Search in a real browser: a reader types a Russian word in another case than the page has,
and still finds the page (Material alone matches only the typed form or its prefix)."""

from __future__ import annotations

import pytest

from conftest import serve

# query, the page it must find; each query is a word form that appears nowhere on the site
INFLECTED = [
    ("экскурсией", "Как принять участие"),      # page: «экскурсии»
    ("символикой", "Как принять участие"),      # page: «символика», «символики»
    ("форумом", "Форум «Всемирный день качества»"),  # page: «форум», «форума», «форуме»
    ("регистрацией", "Форум «Всемирный день качества»"),  # page: «регистрации»
]


@pytest.fixture(scope="module")
def search_page(browser, site_after_2026):
    with serve(site_after_2026.site) as url:
        page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
        errors = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)
        yield page, errors
        page.close()


def search(page, query: str) -> list[str]:
    page.click("label[for=__search]")
    field = page.locator("input.md-search__input")
    field.fill(query)
    # Material listens for keyup, which fill() does not send
    field.press("End")
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta').textContent.trim() !== ''"
        " && document.querySelector('input.md-search__input').value === q", arg=query)
    page.wait_for_timeout(300)  # let the worker's answer for this query render
    titles = page.locator(".md-search-result__item > .md-search-result__link h1").all_inner_texts()
    page.keyboard.press("Escape")
    return titles


@pytest.mark.parametrize("query, title", INFLECTED)
def test_inflected_query_finds_the_page(search_page, site_after_2026, query, title):
    index = (site_after_2026.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert query not in index.lower(), f"«{query}» is on the site as typed: not a test of word forms"
    page, errors = search_page
    assert title in search(page, query)
    assert not errors


def test_search_uses_our_worker_served_by_the_site(site_after_2026):
    html = (site_after_2026.site / "index.html").read_text(encoding="utf-8")
    assert '"search": "assets/javascripts/workers/search-ru.js?material=search.' in html
    assert (site_after_2026.site / "assets/javascripts/workers/search-ru.js").is_file()
