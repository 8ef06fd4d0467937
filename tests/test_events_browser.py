"""The events page in a real browser at phone width: filters without reload, a live count, the
full list without JavaScript, no request to any other host (the GitHub API included)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from building import build_site, copy_project, serve
from fixtures import CITY, FIXTURE, PLACES, write_event

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def events_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("browser-events") / "project")
    for slug, fields in FIXTURE.items():
        write_event(project, 2026, slug, fields, "Описание мероприятия: что увидят гости.")
    build = build_site(tmp_path_factory.mktemp("browser-site") / "site", project,
                       QUALITY_YEAR="2026", QUALITY_REPO_URL="https://github.com/example-org/qw")
    assert build.result.returncode == 0, build.output
    with serve(build.site) as url:
        yield url


@pytest.fixture
def phone_page(browser, events_site):
    page = browser.new_page(viewport=PHONE)
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(events_site + "events/")
    page.wait_for_load_state("networkidle")
    yield page, requests, errors
    page.close()


def visible_events(page) -> list[str]:
    return page.eval_on_selector_all(".qw-event:not([hidden])", "els => els.map(e => e.id)")


def visible_days(page) -> list[str]:
    return page.eval_on_selector_all("[data-qw-day]:not([hidden]) h2", "els => els.map(e => e.id)")


def count(page) -> str:
    return page.locator("[data-qw-count]").inner_text()


def test_filters_narrow_the_list_without_reload(phone_page):
    page, _, errors = phone_page
    assert page.locator("form[data-qw-filters]").is_visible()
    assert count(page) == "Показаны все мероприятия: 4"
    page.evaluate("window.qwMarker = 1")  # gone if the page reloads

    page.get_by_label("Муниципальное образование").select_option(CITY)
    assert visible_events(page) == ["event-late-webinar"]
    assert visible_days(page) == ["day-2026-11-13"]
    assert count(page) == "Показано 1 мероприятие из 4"

    page.get_by_label("Муниципальное образование").select_option(PLACES.district)
    page.get_by_label("Вид мероприятия").select_option("конкурс «Лидер качества»")
    assert visible_events(page) == ["event-contest"]
    assert count(page) == "Показано 1 мероприятие из 4"

    page.get_by_label("Вид мероприятия").select_option("другое")
    assert visible_events(page) == [] and visible_days(page) == []
    assert count(page) == "Показано 0 мероприятий из 4"
    assert page.locator("[data-qw-none]").is_visible()

    page.get_by_label("Муниципальное образование").select_option("")
    assert count(page) == "Показано 1 мероприятие из 4"
    page.get_by_label("Вид мероприятия").select_option("")
    assert len(visible_events(page)) == 4 and not page.locator("[data-qw-none]").is_visible()
    assert page.evaluate("window.qwMarker") == 1
    assert not errors


def test_count_is_announced_to_screen_readers(phone_page):
    page, _, _ = phone_page
    assert page.locator("[data-qw-count]").get_attribute("aria-live") == "polite"
    # each control has a visible label tied to it
    for name in ("Муниципальное образование", "Вид мероприятия"):
        assert page.get_by_label(name).is_visible()


def test_page_fits_a_phone_and_asks_no_other_host(phone_page, tmp_path):
    page, requests, _ = phone_page
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"горизонтальная прокрутка: {width}px"
    hosts = {urlsplit(url).hostname for url in requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, hosts
    assert page.locator("a[rel=edit]").count() == 1
    page.screenshot(path=str(tmp_path / "events-390.png"), full_page=True)


def test_without_javascript_the_full_list_shows_and_controls_stay_hidden(browser, events_site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(events_site + "events/")
    assert page.locator(".qw-event").count() == 4
    assert all(page.locator(".qw-event").nth(i).is_visible() for i in range(4))
    assert not page.locator("form[data-qw-filters]").is_visible()
    context.close()
