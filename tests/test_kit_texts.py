"""Ready texts on «Материалы для участников» (issue 10): each holds the edition's computed dates
(no date typed by hand), follows the site's typography, is exactly its .txt file, and its copy
button works on a phone."""

from __future__ import annotations

import re

import pytest
from building import ROOT
from fixtures import NBSP, site_facts, typeset

from qualityweek.core.calendar import edition_dates
from qualityweek.core.typography import format_day, format_range
from qualityweek.tools.content_check import RULES

SLUGS = ["announcement", "contest", "open-day"]
MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"


def boxes(build):
    return {box.select_one(".qw-ready-text__body")["id"].removeprefix("ready-text-"): box
            for box in build.page("kit").select(".qw-ready-text")}


@pytest.mark.parametrize("fixture, year", [("site_2023", 2023), ("site_after_2026", 2027)])
def test_texts_hold_the_editions_computed_dates_and_are_their_txt_files(request, fixture, year):
    build = request.getfixturevalue(fixture)
    dates = edition_dates(year)
    week = format_range(dates.week_start, dates.week_end).replace("\u2060", "")
    day = format_day(dates.quality_day)
    found = boxes(build)
    assert list(found) == SLUGS
    for slug, box in found.items():
        text = box.select_one(".qw-ready-text__body").get_text()
        link = box.select_one("a[download]")
        assert link["download"] == f"{slug}-{year}.txt"
        file = (build.site / "kit" / link["href"]).resolve()
        assert file.read_text(encoding="utf-8") == text + "\n"
        assert week in text, (slug, week)
        assert f"{dates.week_start.day}{NBSP}ноября" not in text or week in text
        years = set(re.findall(r"\b20\d\d\b", text))
        assert years == {str(year)}, (slug, years)  # no other year: nothing typed by hand
        if slug != "open-day":
            assert day in text
    # the motto only where the data gives it (2023: the region's letter, if it has one),
    # never invented
    motto = site_facts().editions.get(year)
    motto = motto and motto.motto
    announcement = found["announcement"].get_text()
    if motto:
        assert f"«{typeset(motto.text)}»" in announcement
    assert ("Девиз" in announcement) == bool(motto)


def test_texts_follow_the_sites_typography(site_after_2026):
    for slug, box in boxes(site_after_2026).items():
        text = box.select_one(".qw-ready-text__body").get_text()
        for line in text.splitlines():
            for rule, message, _ in RULES:
                assert not rule.search(line), (slug, message(rule.search(line)))
        assert f"{NBSP}г." in text and " г." not in text and " —" not in text
        assert "\u2060" not in text  # no invisible word joiners travel into others' posts


def test_no_date_is_typed_by_hand_in_the_texts_sources():
    for path in (ROOT / "qualityweek" / "outputs" / "ready_texts.py", ROOT / "docs" / "kit.md"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(rf"\d\s*(?:{MONTHS})", source), path
        assert not re.search(r"\b20\d\d\b", source), path


def test_kit_page_is_linked_from_home_and_participate(site_after_2026):
    for page in ("", "participate"):
        hrefs = [a["href"] for a in site_after_2026.page(page).select("article a")]
        assert any(href.rstrip("/").endswith("kit") for href in hrefs), page


def test_copy_button_copies_the_text_on_a_phone(browser, served_site):
    from browsing import VIEWPORTS
    context = browser.new_context(**VIEWPORTS["phone"], locale="ru-RU")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    try:
        page = context.new_page()
        page.goto(served_site + "kit/")
        button = page.locator("button[data-qw-copy='ready-text-contest']")
        button.tap()
        status = page.locator(".qw-ready-text:has(#ready-text-contest) .qw-ready-text__status")
        status.wait_for()
        assert status.inner_text() == "Текст скопирован"
        copied = page.evaluate("navigator.clipboard.readText()")
        expected = page.locator("#ready-text-contest").text_content()
        assert copied == expected and "Лидер качества" in copied and copied.count("\n\n") >= 3
    finally:
        context.close()


def test_without_script_the_copy_buttons_stay_hidden(site_after_2026):
    buttons = site_after_2026.page("kit").select("button[data-qw-copy]")
    assert len(buttons) == 3 and all(b.has_attr("hidden") for b in buttons)
