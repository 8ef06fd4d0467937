"""The theme's own strings in Russian, read from a real build: the 404 page, the footer (who runs
the site, from the data), the «Вперёд»/«Назад» links and the page titles."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from building import build_site
from fixtures import site_facts

SITE_URL = "https://example.org/quality-week/"


def built_pages(build):
    """(site path, parsed HTML) of every built page, the 404 page included."""
    for path in sorted(build.site.rglob("*.html")):
        yield (path.relative_to(build.site).as_posix(),
               BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))


def test_no_english_theme_leftovers_and_titles_joined_with_a_dash(site_after_2026):
    pages = list(built_pages(site_after_2026))
    assert len(pages) > 10
    for path, soup in pages:
        title = soup.title.get_text()
        assert " - " not in title, (path, title)
        if path != "index.html":
            assert title.endswith(" — Неделя качества"), (path, title)
        assert "Not found" not in soup.get_text(), path
        footer = soup.select_one("footer").get_text(" ", strip=True)
        assert "Material for MkDocs" not in footer, path
        assert "Вперед" not in footer, path


def test_footer_says_who_runs_the_site_from_the_data(site_after_2026):
    ministry = site_facts().contacts["ministry"]
    footer = site_after_2026.page("about").select_one(".md-copyright")
    text = re.sub(r"\s+", " ", footer.get_text(" ", strip=True))
    assert f"Сайт ведёт {ministry.short_name}" in text
    assert footer.find("a", string="Контакты")["href"] == "../contacts/"


def test_previous_and_next_links_are_russian_with_yo(site_after_2026):
    nav = site_after_2026.page("about").select_one(".md-footer__inner")
    words = {span.get_text(strip=True) for span in nav.select(".md-footer__direction")}
    assert words == {"Назад", "Вперёд"}


def test_404_page_is_russian_unindexed_and_leads_back(tmp_path):
    # built with a site address in a subfolder: a static host serves the page at any address,
    # so its links must start from the site's root
    build = build_site(tmp_path / "site", QUALITY_SITE_URL=SITE_URL)
    assert build.result.returncode == 0, build.output
    soup = BeautifulSoup((build.site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.title.get_text() == "Страница не найдена — Неделя качества"
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    article = soup.select_one("article")
    assert article.h1.get_text() == "Страница не найдена"
    links = {a.get_text(strip=True): a["href"] for a in article.select("a")}
    assert links == {"Главная страница": "/quality-week/.",
                     "Мероприятия в регионе": "/quality-week/events/",
                     "Поиск по сайту": "/quality-week/.?q="}
    assert (build.site / "events" / "index.html").is_file()
