"""Reader features in the built HTML: JSON-LD, sharing meta, archive pages, week at a glance."""

from __future__ import annotations

import json
import re
import struct

import pytest
import yaml
from building import ROOT, build_site
from fixtures import DASH, NBSP, default_region, letter_pages, long_date, site_facts, typeset

from qualityweek.core.calendar import edition_dates

SITE_URL = "https://example.org/quality-week/"
FACTS = site_facts()  # data/facts.yml with the region's facts (its letter's regional day, motto)
REGIONAL_DAY_2023 = FACTS.editions[2023].regional_day  # None in a region without a letter of 2023


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("siteurl") / "site", QUALITY_TODAY="2026-11-28",
                       QUALITY_SITE_URL=SITE_URL)
    assert build.result.returncode == 0, build.output
    return build


def jsonld(build, page=""):
    scripts = build.page(page).select('script[type="application/ld+json"]')
    return [json.loads(script.string) for script in scripts]


def meta(build, page, key):
    tag = build.page(page).find("meta", attrs={"property": key}) or \
        build.page(page).find("meta", attrs={"name": key})
    return tag["content"] if tag else None


# -- JSON-LD --------------------------------------------------------------------------------------

def test_jsonld_of_an_edition_without_data_has_the_computed_dates(site_after_2026):
    [document] = jsonld(site_after_2026)
    assert document["@context"] == "https://schema.org"
    dates = edition_dates(2027)
    by_name = {event["name"]: event for event in document["@graph"]}
    assert set(by_name) == {"Всемирная неделя качества 2027", "День качества 2027"}
    week, day = by_name["Всемирная неделя качества 2027"], by_name["День качества 2027"]
    assert (week["startDate"], week["endDate"]) == (dates.week_start.isoformat(),
                                                    dates.week_end.isoformat())
    assert day["startDate"] == day["endDate"] == dates.quality_day.isoformat()
    for event in document["@graph"]:
        assert event["@type"] == "Event" and event["inLanguage"] == "ru"
        assert event["eventStatus"] == "https://schema.org/EventScheduled"
        assert event["eventAttendanceMode"].startswith("https://schema.org/")
        assert event["location"]["address"]["addressRegion"] == default_region().region.name
        assert "url" not in event  # no site_url: no absolute address


def test_jsonld_names_the_forum_where_the_data_gives_it(site_2023):
    [document] = jsonld(site_2023)
    [forum] = [e for e in document["@graph"] if "форум" in e["name"]]
    assert (forum["startDate"], forum["endDate"]) == ("2023-11-07", "2023-11-10")
    assert forum["organizer"] == {"@type": "Organization", "name": "Роскачество"}
    # no city in the 2023 data: the regional day's venue from the region's letter, attended as
    # its format says; without one only the country, and no attendance mode (structured.py)
    day = REGIONAL_DAY_2023
    if day and day.venue:
        assert forum["location"]["name"] == day.venue
        if "гибрид" in (day.format or ""):
            assert forum["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    else:
        assert forum["location"]["name"] == "Россия"
        assert "eventAttendanceMode" not in forum


def test_jsonld_forum_cities_and_url(tmp_path):
    build = build_site(tmp_path / "site", QUALITY_YEAR="2024", QUALITY_SITE_URL=SITE_URL)
    assert build.result.returncode == 0, build.output
    [document] = jsonld(build)
    [forum] = [e for e in document["@graph"] if "форум" in e["name"]]
    assert [place["name"] for place in forum["location"]] == ["Москва", "Санкт-Петербург", "Уфа", "Сочи"]
    week = document["@graph"][0]
    assert week["url"] == SITE_URL


def test_jsonld_only_on_the_home_page(site_after_2026):
    assert jsonld(site_after_2026, "forum/") == []


# -- Open Graph, Twitter, canonical ----------------------------------------------------------------

def test_sharing_meta_without_site_url_leaves_out_absolute_urls(site_after_2026):
    assert meta(site_after_2026, "", "og:locale") == "ru_RU"
    assert meta(site_after_2026, "", "og:title") == "Всемирная неделя качества 2027"
    assert meta(site_after_2026, "", "og:description").startswith("Даты Всемирной недели качества")
    assert meta(site_after_2026, "", "twitter:card") == "summary_large_image"
    assert meta(site_after_2026, "forum/", "og:title") == "Форум «Всемирный день качества» — Неделя качества"
    assert meta(site_after_2026, "forum/", "og:description").startswith("Международный форум")
    for page in ("", "forum/"):
        for key in ("og:url", "og:image", "twitter:image"):
            assert meta(site_after_2026, page, key) is None, (page, key)
        assert site_after_2026.page(page).select('link[rel="canonical"]') == []


def test_sharing_meta_with_site_url(site_with_url):
    for page in ("", "forum/", "archive/2023/"):
        canonical = site_with_url.page(page).select_one('link[rel="canonical"]')["href"]
        assert canonical == SITE_URL + page
        assert meta(site_with_url, page, "og:url") == canonical
        # an archive page shares its own year's picture
        picture = SITE_URL + ("kit/share-2023.png" if page == "archive/2023/"
                              else "kit/share-2027.png")
        assert meta(site_with_url, page, "og:image") == picture
        assert meta(site_with_url, page, "twitter:image") == picture


def test_share_image_is_our_own_png_1200_by_630(site_with_url):
    png = (site_with_url.site / "kit" / "share-2027.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1200, 630)
    assert len(png) < 100_000


# -- archive ---------------------------------------------------------------------------------------

def data_years():
    return sorted(yaml.safe_load((ROOT / "data" / "facts.yml").read_text(encoding="utf-8"))["editions"])


@pytest.mark.parametrize("year", data_years())
def test_every_data_year_has_its_archive_page(site_after_2026, year):
    text = site_after_2026.text(f"archive/{year}/")
    dates = edition_dates(year)
    assert f"Всемирная неделя качества {year}" in text
    assert f"{dates.week_start.day}{DASH}{dates.week_end.day}{NBSP}ноября {year}{NBSP}г." in text
    assert f"четверг, {dates.quality_day.day}{NBSP}ноября {year}{NBSP}г." in text
    motto = FACTS.editions[year].motto  # from data/facts.yml or the region's letter
    if motto:
        assert f"«{typeset(motto.text)}»" in text
    else:
        assert re.search(r"Девиз недели\s+нет подтверждённых данных", text)


def test_archive_page_shows_the_years_forum_and_sources(site_after_2026):
    page = site_after_2026.page("archive/2023/")
    text = site_after_2026.text("archive/2023/")
    assert f"7{DASH}10{NBSP}ноября 2023{NBSP}г." in text
    assert "«Новое лицо качества»" in text
    hrefs = {a["href"] for a in page.select("article a")}
    assert "http://www.asms.ru/news/v-rossii-otmechaetsya-vsemirnyy-den-kachestva.html" in hrefs
    day = REGIONAL_DAY_2023  # from the region's letter, which the page cites
    if day:
        assert long_date(day.date, weekday=True) in text
        assert not day.venue or day.venue.split()[-1] in text
    else:
        assert re.search(r"Региональный день Форума\s+нет подтверждённых данных", text)
    letters = [path for path, letter in letter_pages().items() if letter.year == 2023]
    assert {f"../../{path}" for path in letters} <= hrefs
    text_2022 = site_after_2026.text("archive/2022/")
    assert f"7{DASH}11{NBSP}ноября 2022{NBSP}г." in text_2022
    assert "«Эффективное управление в эпоху нестабильности»" in text_2022
    assert any("49529226" in a["href"] for a in site_after_2026.page("archive/2022/").select("article a"))


def test_a_plenary_from_its_own_source_cites_it(site_after_2026):
    page = site_after_2026.page("archive/2025/")
    plenary = next(dd for dd in page.select("dd") if "«Векторы качества»" in dd.get_text())
    assert [a["href"] for a in plenary.select("a")] == [
        "https://360.ru/news/obschestvo/mezhdunarodnyj-forum-vsemirnyj-den-kachestva-proshel-v-moskve/"]


def test_archive_index_newest_first_with_the_current_edition(site_after_2026):
    rows = site_after_2026.page("archive/").select("article table tbody tr")
    years = [row.find("td").find("a").get_text(strip=True) for row in rows]
    assert years == ["2027", *[str(y) for y in reversed(data_years())]]
    current = rows[0].get_text(" ", strip=True)
    assert "текущий выпуск" in current and "будет объявлен" in current
    assert f"8{DASH}14{NBSP}ноября" in current  # the year is the first column
    assert sum("текущий выпуск" in row.get_text() for row in rows) == 1
    assert [row.find("a")["href"] for row in rows][:2] == ["2027/", "2025/"]
    # the shown edition's page says what is not yet announced
    text = site_after_2026.text("archive/2027/")
    assert "текущий выпуск" in text and re.search(r"Девиз недели будет объявлен", text)


def test_archive_index_is_in_the_navigation_and_year_pages_are_not(site_after_2026):
    nav = [a.get_text(strip=True) for a in site_after_2026.page().select("nav.md-nav--primary a")]
    assert "Выпуски по годам" in nav
    # (the nav's «Итоги Недели качества ГГГГ» is a results page: tests/test_results.py)
    assert not any(re.search(r"^Всемирная неделя качества \d{4}$", item) for item in nav)


def test_a_new_year_in_the_data_adds_its_page_and_row(project_copy, tmp_path):
    facts = project_copy / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8") + (
        "  2030:\n"
        "    motto:\n"
        "      text: Качество — проверено\n"
        "      source: https://example.org/motto-2030\n"), encoding="utf-8")
    build = build_site(tmp_path / "site", project=project_copy, QUALITY_TODAY="2026-11-28")
    assert build.result.returncode == 0, build.output
    text = build.text("archive/2030/")
    assert f"«Качество{NBSP}— проверено»" in text and f"11–17{NBSP}ноября 2030".replace("–", DASH) in text
    rows = build.page("archive/").select("article table tbody tr")
    assert rows[0].find("a").get_text(strip=True) == "2030"
    assert rows[1].find("a").get_text(strip=True) == "2027"


# -- week at a glance ------------------------------------------------------------------------------

def test_week_at_a_glance_lists_seven_days_with_what_happens(site_2023):
    week = site_2023.page().select_one("article ol.qw-week")
    days = week.select(":scope > li")
    assert [li["data-qw-date"] for li in days] == [f"2023-11-{d:02d}" for d in range(6, 13)]
    # the full weekday and date as text for screen readers, the short name only for the eye
    first = days[0]
    assert first.select_one(".qw-sr").get_text() == "понедельник, "
    assert first.select_one(".qw-week__date").get_text() == f"6{NBSP}ноября"
    # the marks are text, not only colour: Quality Day on Thursday, forum 7–10, and the
    # regional day on its date where the region's data gives one
    marks = [[m.get_text() for m in li.select(".qw-week__mark:not([hidden])")] for li in days]
    expected = [[], ["Форум"], ["Форум"], ["День качества", "Форум"], ["Форум"], [], []]
    if REGIONAL_DAY_2023:
        expected[(REGIONAL_DAY_2023.date - edition_dates(2023).week_start).days].append("Региональный день Форума")
    assert marks == expected
    assert "qw-week__day--quality" in days[3]["class"]
    assert all(li.select_one(".qw-week__name")["aria-hidden"] == "true" for li in days)


def test_week_at_a_glance_without_forum_data_marks_quality_day_only(site_after_2026):
    days = site_after_2026.page().select("article ol.qw-week > li")
    marks = [[m.get_text() for m in li.select(".qw-week__mark:not([hidden])")] for li in days]
    assert marks == [[], [], [], ["День качества"], [], [], []]
