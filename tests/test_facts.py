"""The data file: the real one loads; each kind of bad input stops with file, year and field."""

from datetime import date

import pytest
import yaml
from building import ROOT
from fixtures import default_region

from qualityweek.inputs.facts import FactsError, load_facts, parse_facts
from qualityweek.inputs.region import with_region

FACTS = ROOT / "data" / "facts.yml"
NAME = "data/facts.yml"


@pytest.fixture(scope="module")
def text() -> str:
    return FACTS.read_text(encoding="utf-8")


def error_for(text: str, old: str, new: str) -> str:
    assert old in text, f"fixture text not found: {old!r}"
    with pytest.raises(FactsError) as caught:
        parse_facts(text.replace(old, new, 1), NAME)
    return str(caught.value)


def test_real_file_loads_with_the_letters_facts():
    national = load_facts(FACTS)
    assert national.region is None and national.editions[2023].motto is None
    # a region's own facts (from its letters: a motto, a regional day) join the national ones
    region = default_region()
    facts = with_region(national, region, ROOT / "docs")
    for year, own in region.data.editions.items():
        merged = facts.editions[year]
        for field in ("motto", "regional_day"):
            assert getattr(merged, field) == (getattr(own, field)
                                              or getattr(national.editions.get(year), field, None))
    raw = yaml.safe_load((region.folder / "region.yml").read_text(encoding="utf-8"))
    assert set(region.data.editions) == set(raw.get("editions") or {})  # no year lost
    for year in set(national.editions) - set(region.data.editions):
        assert facts.editions[year] == national.editions[year]
    edition = facts.editions[2023]
    assert (edition.forum.start, edition.forum.end) == (date(2023, 11, 7), date(2023, 11, 10))
    assert facts.region == region.region and facts.contacts["ministry"] == region.data.ministry
    assert facts.editions[2024].regional_day.date == date(2024, 11, 15)
    assert facts.contacts["roskachestvo"].email == "qd@roskachestvo.gov.ru"


def test_malformed_date(text):
    message = error_for(text, "start: 2023-11-07", "start: 2023-11-31")
    assert message.startswith(NAME)
    assert "год 2023" in message and "forum.start" in message and "ГГГГ-ММ-ДД" in message


def test_date_in_another_form(text):
    message = error_for(text, "date: 2024-11-15", "date: 15.11.2024")
    assert "год 2024" in message and "regional_day.date" in message and "«15.11.2024»" in message


def test_unknown_field_lists_the_accepted_ones(text):
    message = error_for(text, "plenary: Горизонты развития", "plenery: Горизонты развития")
    assert "год 2024" in message and "forum.plenery" in message and "неизвестное поле" in message
    assert "plenary" in message.split("допустимые:")[1]


def test_wrong_type(text):
    message = error_for(text, "cities: [Москва]", "cities: Москва")
    assert "год 2025" in message and "forum.cities" in message and "ожидается список" in message


def test_list_where_text_is_expected(text):
    message = error_for(text, "plenary: Новое лицо качества", "plenary: [Новое, лицо]")
    assert "год 2023" in message and "forum.plenary" in message and "ожидается строка" in message
    assert "возьмите его в кавычки" in message


def test_text_is_kept_as_typed(text):
    """YAML 1.1 would read these as 2023, False and 600: the site keeps what the editor typed."""
    for typed in ("2023", "no", "10:00", "0123"):
        facts = parse_facts(text.replace("plenary: Новое лицо качества", f"plenary: {typed}"), NAME)
        assert facts.editions[2023].forum.plenary == typed


def test_missing_source(text):
    message = error_for(text, "      source: https://dela.ru/amp/289172\n", "")
    assert "год 2024" in message and "regional_day.source" in message and "обязательное" in message


def test_forum_ending_before_it_starts(text):
    message = error_for(text, "end: 2024-11-15", "end: 2024-11-10")
    assert "год 2024" in message and "«forum»" in message and "раньше начала" in message


def test_date_outside_its_edition_year(text):
    message = error_for(text, "date: 2024-11-15", "date: 2023-11-15")
    assert "год 2024" in message and "regional_day.date" in message and "не в 2024 году" in message


def test_regional_day_outside_the_forum(text):
    message = error_for(text, "date: 2024-11-15", "date: 2024-11-16")
    assert "год 2024" in message and "вне дат форума" in message


def test_year_out_of_range(text):
    message = error_for(text, "  2022:", "  1922:")
    assert "год «1922»" in message and "1990–2100" in message


def test_yearly_link_without_a_template(text):
    message = error_for(text, "yearly_links: [rskrf_qualityday,", "yearly_links: [kachestvo_pro_qw,")
    assert "год 2023" in message and "yearly_links" in message and "rskrf_qualityday" in message


def test_contact_field_is_named_without_a_year(text):
    message = error_for(text, "email: qd@roskachestvo.gov.ru", "email: qd(at)roskachestvo.gov.ru")
    assert "contacts.roskachestvo.email" in message and "год" not in message


def test_the_ministry_belongs_to_the_region_folder(text):
    message = error_for(text, "contacts:\n", "contacts:\n  ministry:\n    name: М\n"
                        "    source: https://example.org/\n")
    assert "поле «contacts.ministry»" in message and "папке региона" in message


def test_year_given_twice(text):
    message = error_for(text, "  2024:\n", "  2023:\n")
    assert message.startswith(NAME) and "2023" in message and "повторяется" in message


def test_quoted_year_is_still_a_year(text):
    facts = parse_facts(text.replace("  2022:", "  '2022':"), NAME)
    assert 2022 in facts.editions


def test_year_that_is_not_a_number(text):
    message = error_for(text, "  2022:", "  двадцать_второй:")
    assert "«двадцать_второй»" in message and "четырёх цифр" in message


def test_broken_yaml(text):
    message = error_for(text, "editions:", "editions: [")
    line = text.splitlines().index("editions:") + 1
    assert message.startswith(f"{NAME}, строка ")
    assert "не закрыта скобка «[»" in message and f"(начало — строка {line}: «editions: [»)" in message
    assert "\n" not in message


def test_missing_file_is_named(tmp_path):
    with pytest.raises(FactsError, match="facts.yml: не удаётся прочитать"):
        load_facts(tmp_path / "facts.yml")
