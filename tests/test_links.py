from datetime import date

import pytest
from fixtures import site_facts

from qualityweek.model.edition import build_edition, edition_link
from qualityweek.model.links import UnknownLinkError, resolve_link


@pytest.fixture(scope="module")
def facts():
    return site_facts()


def test_per_year_url_only_where_the_data_confirms_it(facts):
    assert edition_link(facts, "rskrf_qualityday", 2023) == "https://rskrf.ru/qualityday2023/"
    assert edition_link(facts, "rskrf_qualityday_about", 2023) == "https://rskrf.ru/qualityday2023/about/"
    for year in (2022, 2024, 2025, 2027, 2100):
        assert edition_link(facts, "rskrf_qualityday", year) == "https://rskrf.ru/qualityday/"


def test_template_follows_the_year_once_confirmed(facts):
    assert resolve_link(facts.links, "rskrf_qualityday", 2031, {"rskrf_qualityday"}) == \
        "https://rskrf.ru/qualityday2031/"


def test_stable_link_ignores_the_year(facts):
    assert edition_link(facts, "kachestvo_pro_qw", 2023) == "https://kachestvo.pro/news/qw/"


def test_unknown_key_lists_the_known_keys(facts):
    with pytest.raises(UnknownLinkError) as caught:
        edition_link(facts, "rskrf_qualitydya", 2023)
    message = str(caught.value)
    assert "rskrf_qualitydya" in message
    assert all(key in message for key in facts.links)


def test_edition_combines_computed_dates_with_confirmed_facts_only(facts):
    known = build_edition(facts, 2024)
    assert known.quality_day == date(2024, 11, 14)
    assert known.regional_day.date == date(2024, 11, 15)
    unknown = build_edition(facts, 2027)
    assert (unknown.week_start, unknown.week_end) == (date(2027, 11, 8), date(2027, 11, 14))
    assert unknown.motto is None and unknown.forum is None and unknown.regional_day is None


@pytest.mark.parametrize("page_url, expected", [
    ("kit/", "texts/a.txt"), ("", "kit/texts/a.txt"), ("kit.html", "kit/texts/a.txt"),
    ("archive/2025/", "../../kit/texts/a.txt")])
def test_relative_href_from_a_pages_url(page_url, expected):
    from qualityweek.model.links import relative_href
    assert relative_href(page_url, "kit/texts/a.txt") == expected
