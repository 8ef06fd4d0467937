"""Accessibility: axe-core (the axe.min.js that the pinned axe-playwright-python package ships,
nothing fetched at run time) on every built page, phone and desktop, light and dark palettes:
no serious or critical violation. The search dialog is checked open as well. The same loads
also check that every built page answers 200, logs no error and requests nothing elsewhere."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import reader
from site_files import html_files, page_path

BLOCKING = {"serious", "critical"}
# (viewport, palette): Material picks its light or dark palette from the reader's system setting
LOOKS = [("phone", "light"), ("phone", "dark"), ("desktop", "light"), ("desktop", "dark")]


def blocking(results: dict) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] if isinstance(node["target"][0], str)
                        else str(node["target"]) for node in v["nodes"][:5])
            for v in results["violations"] if v["impact"] in BLOCKING]


@pytest.mark.parametrize("viewport, palette", LOOKS)
def test_no_serious_violations_on_any_page(browser, served_site, site_after_2026, viewport, palette):
    axe = Axe()
    found = {}
    with reader(browser, viewport, color_scheme=palette) as session:
        for file in html_files(site_after_2026.site):
            url = urljoin(served_site, page_path(site_after_2026.site, file))
            response = session.page.goto(url)
            assert response.status == 200, file
            scheme = session.page.get_attribute("body", "data-md-color-scheme")
            assert scheme == ("slate" if palette == "dark" else "default")
            problems = blocking(axe.run(session.page).response)
            if problems:
                found[str(file.relative_to(site_after_2026.site))] = problems
    assert not found, found
    # the same loads, every built page (generated and 404 too): no errors, nothing from elsewhere
    assert not session.errors, session.errors
    assert not session.foreign_requests(served_site), session.foreign_requests(served_site)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_open_search_has_no_serious_violations(browser, served_site, viewport):
    with reader(browser, viewport) as session:
        page = session.page
        page.goto(served_site)
        button = page.locator("label.md-header__button[for=__search]")
        (button if button.is_visible() else page.locator("input.md-search__input")).click()
        page.locator("input.md-search__input").fill("качество")
        page.locator("input.md-search__input").press("End")
        page.wait_for_selector(".md-search-result__item")
        assert not blocking(Axe().run(page).response)


def test_axe_reports_a_serious_violation(browser):
    """The check itself: an unlabelled form field and low-contrast text are caught."""
    with reader(browser, "desktop") as session:
        session.page.set_content('<!DOCTYPE html><html lang="ru"><title>t</title><main>'
                                 '<p style="color:#ccc;background:#fff">серый текст</p>'
                                 '<input type="text"></main></html>')
        problems = " ".join(blocking(Axe().run(session.page).response))
    assert "color-contrast" in problems and "label" in problems
