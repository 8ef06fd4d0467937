"""Search in a real browser: a reader types a Russian word in another case than the page has,
and still finds the page (Material alone matches only the typed form or its prefix)."""

from __future__ import annotations

import pytest
from browsing import VIEWPORTS, reader

# query, the page it must find; each query is a word form that appears nowhere on the site
INFLECTED = [
    ("экскурсией", "Как принять участие"),      # page: «экскурсии»
    ("символикой", "Как принять участие"),      # page: «символика», «символики»
    ("форумом", "Форум «Всемирный день качества»"),  # page: «форум», «форума», «форуме»
    ("регистрацией", "Форум «Всемирный день качества»"),  # page: «регистрации»
]
# what a reader looking for how to take part may type (some of these forms are on the site)
READER_QUERIES = [("качеству", "Как принять участие"), ("участия", "Как принять участие"),
                  ("принять участие", "Как принять участие")]


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def search_page(request, browser, served_site):
    with reader(browser, request.param) as session:
        session.page.goto(served_site)
        yield session.page, session.errors
        assert not session.foreign_requests(served_site)


def search(page, query: str) -> list[str]:
    # a phone opens search with the header button; a desktop shows the field itself
    button = page.locator("label.md-header__button[for=__search]")
    (button if button.is_visible() else page.locator("input.md-search__input")).click()
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


@pytest.mark.parametrize("query, title", READER_QUERIES)
def test_reader_query_finds_how_to_take_part(search_page, query, title):
    page, errors = search_page
    assert title in search(page, query)
    assert not errors


def test_search_uses_our_worker_served_by_the_site(site_after_2026):
    html = (site_after_2026.site / "index.html").read_text(encoding="utf-8")
    assert '"search": "assets/javascripts/workers/search-ru.js?material=search.' in html
    assert (site_after_2026.site / "assets/javascripts/workers/search-ru.js").is_file()


def test_search_engine_loads_only_when_the_reader_searches(browser, served_site):
    """Material's worker, lunr and its Russian stemmer stay off a page's first load; the first
    query brings them, and finds the page."""
    engine = ("/workers/search.", "/lunr/")
    with reader(browser, "phone") as session:
        session.page.goto(served_site, wait_until="networkidle")
        assert not [u for u in session.requests if any(part in u for part in engine)]
        assert any("/workers/search-ru.js" in u for u in session.requests)
        assert "Как принять участие" in search(session.page, "участия")
        assert [u for u in session.requests if "/workers/search." in u]
        assert [u for u in session.requests if "/lunr/min/lunr.ru" in u]
        assert not session.errors


# the sizes the issue was measured at (issue 24): a phone and a common laptop
INPUT_SIZES = {"phone": VIEWPORTS["phone"], "laptop": dict(viewport={"width": 1366, "height": 900})}


TITLES = ".md-search-result__item > .md-search-result__link h1"


def result_titles_include(page, title: str) -> None:
    page.wait_for_function("([sel, t]) => [...document.querySelectorAll(sel)]"
                           ".some(h => h.textContent.trim() === t)", arg=[TITLES, title],
                           timeout=10_000)


@pytest.mark.parametrize("size", list(INPUT_SIZES))
def test_search_follows_text_that_comes_without_a_key(browser, served_site, size):
    """A word pasted, dictated or picked from the keyboard's suggestions reaches the field as
    input events only, with no key press (Material alone reads the query on keyup): the results
    follow it, and follow it again when the word is replaced the same way."""
    first, second = INFLECTED[0], INFLECTED[2]
    assert first[1] != second[1]
    with reader(browser, INPUT_SIZES[size]) as session:
        page = session.page
        page.goto(served_site)
        button = page.locator("label.md-header__button[for=__search]")
        (button if button.is_visible() else page.locator("input.md-search__input")).click()
        field = page.locator("input.md-search__input")
        page.keyboard.insert_text(first[0])  # an input event, no keydown or keyup
        result_titles_include(page, first[1])
        before = page.locator(TITLES).all_inner_texts()
        # a paste over the whole word: select it without a key, then one insertFromPaste input
        field.evaluate("(el, word) => { el.select(); el.setRangeText(word, 0, el.value.length, 'end');"
                       " el.dispatchEvent(new InputEvent('input', {bubbles: true,"
                       " inputType: 'insertFromPaste', data: word})); }", second[0])
        result_titles_include(page, second[1])
        assert field.input_value() == second[0]
        assert page.locator(TITLES).all_inner_texts() != before
        assert not session.errors
        assert not session.foreign_requests(served_site)
