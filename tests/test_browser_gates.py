"""The built site in a real browser (Debian's chromium), on a phone and on a desktop: the home
page shows this edition's computed dates, every navigation entry opens, nothing is logged as an
error, and no request leaves the local server. (Every built page, menu or not, is loaded with
the same checks by tests/test_accessibility.py.)"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from browsing import VIEWPORTS, reader

from qualityweek.core.calendar import edition_dates
from qualityweek.core.typography import format_day, format_range
from qualityweek.inputs.settings import read_settings

TODAY = "2026-11-28"  # the day site_after_2026 is built for
PAGE_LINKS = ".md-nav--primary a.md-nav__link[href]:not(.md-nav--secondary a)"


@pytest.fixture(params=list(VIEWPORTS))
def session(request, browser):
    with reader(browser, request.param) as session:
        session.viewport = request.param
        yield session


def open_drawer_to(page, link) -> None:
    """On a phone the navigation sits in the drawer, nested sections in sub-panels. No fixed
    pauses for their slide: Playwright clicks an element only once it is visible and has kept
    its place for two animation frames."""
    button = page.locator("label.md-header__button[for=__drawer]")
    if button.is_visible():
        button.click()
    # open each enclosing section, outermost first
    for toggle in link.evaluate("""a => {
        const ids = [];
        for (let li = a.closest('li.md-nav__item--nested'); li;
             li = li.parentElement.closest('li.md-nav__item--nested')) {
          const input = li.querySelector(':scope > input.md-toggle');
          if (input && !input.checked) ids.unshift(input.id);
        }
        return ids;
    }"""):
        page.click(f"label[for='{toggle}']")


def nav_entries(page) -> list[tuple[str, str]]:
    """(text, href) of every page link in the site navigation, as the reader's page has it
    (links of a page's own table of contents excluded). textContent: on a phone the closed
    drawer is hidden, and innerText of hidden links is empty."""
    return page.eval_on_selector_all(
        PAGE_LINKS,
        r"""links => links.filter(a => !a.closest('.md-nav--secondary'))
                         .map(a => [a.textContent.replace(/\s+/g, ' ').trim(),
                                    a.getAttribute('href')])""")


def test_home_shows_the_computed_dates_of_the_edition(session, served_site):
    settings = read_settings({"QUALITY_TODAY": TODAY})
    dates = edition_dates(settings.year)
    session.page.goto(served_site)
    text = session.page.inner_text("article")
    assert format_range(dates.week_start, dates.week_end) in text
    assert format_day(dates.quality_day, with_weekday=True) in text
    assert not session.errors
    assert not session.foreign_requests(served_site)


def test_every_nav_entry_opens_with_its_title(session, served_site, site_after_2026):
    page = session.page
    page.goto(served_site)
    site_name = page.title()
    entries = [(text, urljoin(served_site, href)) for text, href in nav_entries(page)]
    assert len(entries) >= 2, entries
    for text, target in entries:
        # start from another page: the current page's own entry is a table-of-contents toggle
        start = served_site if target != served_site else next(u for _, u in entries if u != target)
        page.goto(start)
        exact = re.compile(rf"^\s*{re.escape(text)}\s*$")
        link = page.locator(PAGE_LINKS).filter(has_text=exact).first
        open_drawer_to(page, link)
        with page.expect_navigation() as navigation:
            link.click()
        response = navigation.value
        assert response.status == 200, (text, target, response.status)
        assert response.url == target, text
        active = page.locator(".md-nav--primary a.md-nav__link--active").first.text_content()
        assert " ".join(active.split()) == text
        assert page.title() == site_name if target == served_site else text in page.title()
    assert not session.errors, session.errors
    assert not session.foreign_requests(served_site), session.foreign_requests(served_site)
