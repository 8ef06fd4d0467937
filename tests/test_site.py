"""Whole-site builds for three editions; assertions on the HTML a reader gets."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from building import build_site
from fixtures import DASH, NBSP, default_region, letter_pages, long_date, site_facts, typeset
from site_files import html_files

from qualityweek.core.calendar import edition_dates
from qualityweek.model.edition import edition_link

LETTERS = letter_pages()  # the region's letters, pages of the menu (a region may have none)
PAGES = ["", "about/", "forum/", "participate/", "contacts/", *LETTERS]
SITE_FACTS = site_facts()  # data/facts.yml with the region's facts
EDITION_2023 = SITE_FACTS.editions[2023]
SITES = ["site_2023", "site_after_2026", "site_2029"]


@pytest.fixture(params=SITES)
def any_site(request):
    return request.getfixturevalue(request.param)


# -- the dates and links of each edition -------------------------------------------------------

def test_2023_home_shows_the_editions_dates_and_data(site_2023):
    text = site_2023.text()
    assert "Всемирная неделя качества 2023" in text
    assert f"6{DASH}12{NBSP}ноября 2023{NBSP}г." in text
    assert f"четверг, 9{NBSP}ноября 2023{NBSP}г." in text
    assert f"7{DASH}10{NBSP}ноября 2023{NBSP}г." in text  # forum
    # the regional day and the motto of 2023 come from the region's letter, where it has one
    day, motto = EDITION_2023.regional_day, EDITION_2023.motto
    if day:
        assert long_date(day.date, weekday=True) in text
    else:
        assert re.search(r"Региональный день Форума\s+будет объявлен", text)
    if motto:
        assert f"«{typeset(motto.text)}»" in text
    else:
        assert re.search(r"Девиз недели\s+будет объявлен", text)
    assert ("будет объявлен" in text) == (not day or not motto)


def test_2023_uses_the_confirmed_per_year_links(site_2023):
    for page in ("forum/", "participate/", "contacts/"):
        hrefs = {a["href"] for a in site_2023.page(page).select("a[href*='rskrf.ru']")}
        assert hrefs == {"https://rskrf.ru/qualityday2023/"}, page


def test_2027_without_data_says_what_is_not_yet_announced(site_after_2026):
    text = site_after_2026.text()
    assert "Всемирная неделя качества 2027" in text
    assert f"8{DASH}14{NBSP}ноября 2027{NBSP}г." in text
    assert f"четверг, 11{NBSP}ноября 2027{NBSP}г." in text
    assert "даты будут объявлены" in text
    assert re.search(r"Региональный день Форума\s+будет объявлен", text)
    assert re.search(r"Девиз недели\s+будет объявлен", text)
    assert "страна со Знаком качества" not in text  # no motto carried over


def test_2027_uses_the_stable_roskachestvo_page(site_after_2026):
    for page in ("", "forum/", "participate/", "contacts/"):
        hrefs = [a["href"] for a in site_after_2026.page(page).select("a[href*='rskrf.ru']")]
        assert hrefs and set(hrefs) == {"https://rskrf.ru/qualityday/"}, page


def test_2029_quality_day_on_8_november(site_2029):
    text = site_2029.text()
    assert f"5{DASH}11{NBSP}ноября 2029{NBSP}г." in text
    assert f"четверг, 8{NBSP}ноября 2029{NBSP}г." in text
    about = site_2029.text("about/")
    assert f"четверг, 8{NBSP}ноября 2029{NBSP}г." in about


def test_about_page_lists_the_rule_for_the_next_years(site_after_2026):
    rows = site_after_2026.page("about/").select("table tbody tr")
    years = [row.find("td").get_text(strip=True) for row in rows]
    assert years == ["2027", "2028", "2029", "2030", "2031"]
    row_2029 = rows[2].get_text(" ", strip=True)
    assert f"5{DASH}11{NBSP}ноября 2029{NBSP}г." in row_2029 and f"8{NBSP}ноября" in row_2029


def test_forum_history_comes_from_the_data_newest_first(site_after_2026):
    rows = site_after_2026.page("forum/").select("table tbody tr")
    assert [row.find("td").get_text(strip=True) for row in rows] == ["2025", "2024", "2023", "2022"]
    assert f"15{NBSP}ноября 2024{NBSP}г." in rows[1].get_text(" ", strip=True)


@pytest.mark.parametrize("path", LETTERS or [pytest.param(
    None, marks=pytest.mark.skip(reason="в папке региона нет писем"))])
def test_letter_keeps_its_own_year_in_any_edition(site_after_2026, path):
    """A letter's week and yearly links are its own year's, whatever edition is shown (2027)."""
    def week_forms(year: int) -> list[str]:  # «с 6 по 12 ноября», «6–12 ноября»
        dates = edition_dates(year)
        start, end = dates.week_start.day, dates.week_end.day
        return [f"с {start} по {end}{NBSP}ноября", f"{start}{DASH}{end}{NBSP}ноября"]

    year = LETTERS[path].year
    text = site_after_2026.page(path).select_one("article").get_text()
    assert any(form in text for form in week_forms(year)), week_forms(year)
    assert not any(form in text for form in week_forms(2027))
    assert "2027" not in text
    hrefs = {a["href"] for a in site_after_2026.page(path).select("article a[href]")}
    yearly = {h for h in hrefs if re.match(r"https://rskrf\.ru/qualityday", h)}
    assert all(h.startswith(f"https://rskrf.ru/qualityday{year}/") for h in yearly), yearly
    # a letter that writes Roskachestvo's Quality Day page links its own year's page, and every
    # link and address its text takes from the data is on the page: of the letter's year where
    # it asks for it, else of the shown edition
    source = (default_region().folder / f"{path.rstrip('/')}.md").read_text(encoding="utf-8")
    assert bool(yearly) == ("rskrf_qualityday" in source), yearly
    for key, of_year in re.findall(r"link\('(\w+)'(, l\.year)?\)", source):
        assert edition_link(SITE_FACTS, key, year if of_year else 2027) in hrefs, key
    if "contacts.roskachestvo.email" in source:
        assert f"mailto:{SITE_FACTS.contacts['roskachestvo'].email}" in hrefs


def test_contacts_are_mailto_and_tel_links(site_after_2026):
    """Roskachestvo's address always; the ministry's e-mail and phone where the region's folder
    publishes them, and no other mail or phone link."""
    hrefs = {a["href"] for a in site_after_2026.page("contacts/").select("article a[href]")}
    ministry = default_region().data.ministry
    expected = {"mailto:qd@roskachestvo.gov.ru"}
    if ministry.email:
        expected.add(f"mailto:{ministry.email}")
    if ministry.phone:
        expected.add("tel:+" + "".join(ch for ch in ministry.phone if ch.isdigit()))
        assert ministry.phone.split(" ")[1] in site_after_2026.text("contacts/")
    assert {h for h in hrefs if h.startswith(("mailto:", "tel:"))} == expected


def test_footer_names_the_edition_and_build_date(site_after_2026):
    footer = site_after_2026.page().select_one(".md-copyright").get_text(" ", strip=True)
    assert "Выпуск 2027" in footer and f"28{NBSP}ноября 2026{NBSP}г." in footer


def test_russian_headings_get_readable_anchors(site_after_2026):
    ids = {h["id"] for h in site_after_2026.page("participate/").select("h2[id]")}
    assert "материалы-и-консультации-роскачества" in ids


# -- what must hold on every page of every edition ---------------------------------------------

def test_every_navigation_page_is_built(any_site):
    for page in PAGES:
        assert (any_site.site / page / "index.html").is_file(), page
    nav = {a["href"] for a in any_site.page().select("nav.md-nav--primary a.md-nav__link[href]")}
    assert {".", "about/", "forum/", "participate/", "contacts/", *LETTERS} <= nav


def test_no_template_syntax_left(any_site):
    for path in html_files(any_site.site) + [any_site.site / "search" / "search_index.json"]:
        text = path.read_text(encoding="utf-8")
        for marker in ("{{", "{%", "{##"):
            assert marker not in text, f"{marker} in {path.relative_to(any_site.site)}"


def test_no_letter_typos(any_site):
    for path in html_files(any_site.site):
        text = path.read_text(encoding="utf-8")
        assert "rskrf.m/" not in text and "rskrf.m<" not in text, path
        assert "qcKairoskachestvo.sov.gi\"" not in text and "mailto:qcK" not in text, path


def test_no_sentence_ends_with_a_doubled_abbreviation_period(any_site):
    for path in html_files(any_site.site):
        assert "г.." not in path.read_text(encoding="utf-8"), path
    calendars = sorted(any_site.site.rglob("*.ics"))
    assert calendars
    for path in [*calendars, *any_site.site.rglob("*.txt")]:  # .ics lines unfolded (RFC 5545)
        text = path.read_text(encoding="utf-8").replace("\r\n ", "").replace("\\n", "\n")
        assert "г.." not in text, path


def test_page_resources_are_served_by_the_site_itself(any_site):
    for path in html_files(any_site.site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
                          ("iframe", "src"), ("video", "src"), ("audio", "src")):
            for element in soup.find_all(tag, attrs={attr: True}):
                url = urlparse(element[attr])
                assert not url.scheme and not url.netloc, f"{path.name}: <{tag} {attr}={element[attr]}>"
        assert "fonts.googleapis" not in str(soup) and "fonts.gstatic" not in str(soup)


def test_pages_are_in_russian(any_site):
    for path in html_files(any_site.site):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("html")
        assert html.get("lang") == "ru", path


def test_dates_keep_day_month_and_year_together(any_site):
    """A plain space inside «9 ноября» or «2023 г.» lets a phone break the date across lines."""
    months = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    for page in PAGES:
        text = any_site.page(page).select_one("article").get_text()
        assert not re.search(rf"\d{{1,2}} ({months})", text), page
        assert not re.search(r"\d{4} г\.", text), page


def test_no_line_starts_with_a_dash_in_prose(any_site):
    """Editors type « — » with a plain space; the page hook glues the dash to the word before."""
    for path in html_files(any_site.site):
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article is None:
            continue
        for verbatim in article.select("pre, code, script, style"):
            verbatim.decompose()
        loose = re.findall(r"\S{0,12}[ \t\r\n]—", article.get_text())
        assert not loose, f"{path.relative_to(any_site.site)}: {loose}"


@pytest.mark.parametrize("today, year, week", [
    ("2026-11-15", "2026", f"9{DASH}15{NBSP}ноября 2026{NBSP}г."),   # the Sunday that ends the week
    ("2026-11-16", "2027", f"8{DASH}14{NBSP}ноября 2027{NBSP}г."),   # the Monday after
])
def test_built_site_rolls_over_the_monday_after_the_week(tmp_path, today, year, week):
    build = build_site(tmp_path / "site", QUALITY_TODAY=today)
    assert build.result.returncode == 0, build.output
    assert f"Всемирная неделя качества {year}" in build.page().select_one("h1").get_text()
    assert week in build.text()


def test_site_url_from_the_environment_gives_canonical_urls_and_sitemap(tmp_path):
    build = build_site(tmp_path / "site", QUALITY_YEAR="2027",
                       QUALITY_SITE_URL="https://example.org/quality-week/")
    assert build.result.returncode == 0, build.output
    canonical = build.page("forum/").select_one("link[rel=canonical]")["href"]
    assert canonical == "https://example.org/quality-week/forum/"
    sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/quality-week/contacts/</loc>" in sitemap


def test_new_years_facts_appear_with_no_other_edit(tmp_path, project_copy):
    """An editor adds next year's facts to the data file; the pages pick them up."""
    facts = project_copy / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("editions:\n", """editions:
  2027:
    motto: {text: Качество — это мы, source: https://example.org/motto}
    forum:
      start: 2027-11-08
      end: 2027-11-12
      registration_url: https://example.org/forum/registration
      source: https://example.org/forum
    regional_day: {date: 2027-11-12, source: https://example.org/regional}
    yearly_links: [rskrf_qualityday]
""", 1), encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY="2026-11-28")
    assert build.result.returncode == 0, build.output
    home = build.text()
    assert f"«Качество{NBSP}— это мы»" in home and "будет объявлен" not in home
    assert f"8{DASH}12{NBSP}ноября 2027{NBSP}г." in home
    assert f"пятница, 12{NBSP}ноября 2027{NBSP}г." in home
    home_links = {a["href"] for a in build.page().select("a[href]")}
    assert "https://example.org/forum/registration" in home_links
    forum_links = {a["href"] for a in build.page("forum/").select("a[href]")}
    assert {"https://example.org/forum/registration", "https://rskrf.ru/qualityday2027/"} <= forum_links
    years = [row.find("td").get_text(strip=True) for row in build.page("forum/").select("tbody tr")]
    assert years[0] == "2027"


def test_home_page_text_leads_to_the_events_page(site_after_2026):
    """Issue 24: the home page's own text (not only the menu) links to the events page."""
    article = site_after_2026.page().select_one("article")
    links = [a for a in article.select("p a[href]") if a["href"].rstrip("/").endswith("events")]
    assert links and links[0].get_text().strip()
    assert (site_after_2026.site / "events" / "index.html").is_file()
