"""Printing in a real browser: the participate page's «Распечатать чек-лист» button opens the
print dialog, and the printout carries the ministry's phone and e-mail; the 404 page at phone
size leads back to the site."""

from __future__ import annotations

from browsing import reader
from fixtures import site_facts

MINISTRY = site_facts().contacts["ministry"]


def test_print_button_opens_the_print_dialog_and_the_printout_has_the_ministrys_phone(
        browser, served_site):
    with reader(browser, "phone") as session:
        page = session.page
        page.add_init_script("window.print = () => { window.qwPrinted = (window.qwPrinted || 0) + 1; }")
        page.goto(served_site + "participate/")
        button = page.get_by_role("button", name="Распечатать чек-лист")
        assert button.is_visible()
        button.click()
        assert page.evaluate("window.qwPrinted") == 1
        page.emulate_media(media="print")
        assert not button.is_visible()  # the button itself is not printed
        # the questions' paragraph is printed, with the ministry's phone and e-mail where the
        # region's folder publishes them
        contacts = page.locator("article p", has_text="Вопросы об участии")
        assert contacts.is_visible()
        for published in (MINISTRY.phone, MINISTRY.email):
            assert not published or published in contacts.inner_text()
        assert session.errors == []


def test_without_javascript_there_is_no_dead_print_button(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site + "participate/")
        assert page.locator("[data-qw-print]").count() == 1
        assert not page.locator("[data-qw-print]").is_visible()
    finally:
        context.close()


def test_404_page_at_phone_size_leads_home(browser, served_site):
    with reader(browser, "phone") as session:
        page = session.page
        response = page.goto(served_site + "404.html")
        assert response.ok
        assert page.locator("h1").inner_text() == "Страница не найдена"
        page.get_by_role("link", name="Главная страница").click()
        page.wait_for_load_state()
        assert page.url.rstrip("/") + "/" == served_site
        assert session.errors == []
