"""Event cards read right (issue 15, item 5): a list right after a line of text, bare addresses
as links, phones and mail in «Контакт» as links, «Где» without repeating the town, every time
with its zone in <time datetime>, online events' link where the address would be.

The built events page of a project copy with four varied events is read with BeautifulSoup;
the pieces (address and municipality, phone numbers, the list rule) also have unit tables and
Hypothesis properties.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from building import build_site, copy_project
from fixtures import LABEL, MUNICIPALITIES, NBSP, PLACES, VALID, ZONE, facts_of, write_event
from hypothesis import given
from hypothesis import strategies as st

from qualityweek.core.description import description_html
from qualityweek.inputs.events import KINDS
from qualityweek.core.places import names_municipality
from qualityweek.outputs.contact import contact_html

# two towns of the region's list: its centre, and another whose address names it
CITY = MUNICIPALITIES[0]
TOWN = next(m for m in MUNICIPALITIES if m.startswith("город ") and m != CITY)
TOWN_NAME = TOWN.removeprefix("город ")
OPEN_DAY = dict(
    VALID, title="'День открытых дверей «Наше молоко: без секретов»'",
    organizer="АО «Наше молоко»", municipality=TOWN,
    address=f"г. {TOWN_NAME}, ул. Заводская, д. 1", start="2026-11-12 10:00",
    end="2026-11-12 13:00", contact="Анна Петрова, +7 (4012) 00-00-00, anna@example.org")
OPEN_DAY_TEXT = ("Покажем, как делают молоко.\nВы увидите:\n- цех розлива\n- лабораторию\n"
                 "Программа:\n1. сбор у проходной\n2. экскурсия\n"
                 "Подробности: https://example.org/open-day, www.example.org и http://old.example.org.")
EVENTS = {
    "open-day": (OPEN_DAY, OPEN_DAY_TEXT),
    "district": (dict(VALID, title="Экскурсия в хозяйство", municipality=PLACES.district,
                      address=PLACES.district_address(),
                      start="2026-11-13", end="2026-11-13", contact="8 912 000-00-00"),
                 "Описание."),
    "webinar": (dict(VALID, title="Вебинар о качестве", municipality=CITY,
                     kind=KINDS[4], format="онлайн", address=None, url="https://example.org/webinar",
                     start="2026-11-12 14:30", end="2026-11-12 16:00", contact=None), "Описание."),
    "week": (dict(VALID, title="Скидки всю неделю", kind=KINDS[1], start="2026-11-09",
                  end="2026-11-15", contact="тел. 12-34-56"), "Описание."),
}


@pytest.fixture(scope="module")
def cards(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("cards") / "project")
    for slug, (fields, body) in EVENTS.items():
        write_event(project, 2026, slug, fields, body)
    build = build_site(tmp_path_factory.mktemp("cards-site") / "site", project,
                       QUALITY_YEAR="2026", QUALITY_TODAY="2026-11-01")
    assert build.result.returncode == 0, build.output
    return build.page("events")


def test_a_list_right_after_a_line_of_text_is_a_list(cards):
    description = cards.select_one("#event-open-day .qw-event__description")
    paragraph = description.find("p", string=re.compile("Вы увидите:"))
    items = paragraph.find_next_sibling("ul").select("li")
    assert [li.get_text() for li in items] == ["цех розлива", "лабораторию"]
    numbered = description.find("p", string="Программа:").find_next_sibling("ol")
    assert [li.get_text() for li in numbered.select("li")] == ["сбор у проходной", "экскурсия"]


def test_bare_addresses_are_links_through_the_one_url_check(cards):
    description = cards.select_one("#event-open-day .qw-event__description")
    links = {a.get_text(): a["href"] for a in description.select("a")}
    assert links == {"https://example.org/open-day": "https://example.org/open-day",
                     "www.example.org": "https://www.example.org"}
    # http:// is not a link the site makes: it stays as the editor wrote it
    assert "http://old.example.org" in description.get_text()


def test_contact_phones_and_mail_are_links_the_rest_is_text(cards):
    contact = cards.select_one("#event-open-day").find("dt", string="Контакт").find_next_sibling("dd")
    assert [(a["href"], a.get_text()) for a in contact.select("a")] == [
        ("tel:+74012000000", "+7 (4012) 00-00-00"), ("mailto:anna@example.org", "anna@example.org")]
    assert contact.get_text().startswith("Анна Петрова, ")
    district = cards.select_one("#event-district").find("dt", string="Контакт").find_next_sibling("dd")
    assert district.select_one("a")["href"] == "tel:+79120000000"
    # a number without its city code is not one a phone can dial: it stays text
    week = cards.select_one("#event-week").find("dt", string="Контакт").find_next_sibling("dd")
    assert week.select("a") == [] and week.get_text() == "тел. 12-34-56"


def test_where_names_the_town_or_district_once(cards):
    assert facts_of(cards, "open-day")["Где"] == f"г.{NBSP}{TOWN_NAME}, ул.{NBSP}Заводская, д.{NBSP}1"
    assert facts_of(cards, "district")["Где"] == f"{PLACES.short}, с. Тестовое, ул.{NBSP}Полевая, 2"
    # a town is not its district: both are said
    assert facts_of(cards, "week")["Где"] == (
        f"{PLACES.district}, г.{NBSP}{PLACES.town_name}, ул.{NBSP}Тестовая, д.{NBSP}5")


def test_online_event_shows_its_link_where_the_address_would_be(cards):
    facts = facts_of(cards, "webinar")
    assert facts["Где"] == "онлайн, example.org/webinar" and "Подробнее" not in facts
    where = cards.select_one("#event-webinar").find("dt", string="Где").find_next_sibling("dd")
    assert where.select_one("a")["href"] == "https://example.org/webinar"


def test_times_say_their_zone_and_sit_in_time_elements(cards):
    assert facts_of(cards, "open-day")["Время"] == f"10:00\u2013\u206013:00{NBSP}{LABEL}"
    assert facts_of(cards, "webinar")["Время"] == f"14:30\u2013\u206016:00{NBSP}{LABEL}"
    stamps = [t["datetime"] for t in cards.select("#event-open-day dd time")][1:]  # after the date
    assert stamps == [datetime(2026, 11, 12, hour, tzinfo=ZONE).isoformat(timespec="minutes")
                      for hour in (10, 13)]  # the region's offset: «2026-11-12T10:00+03:00»
    # a longer event's days, and the day headings
    assert [t["datetime"] for t in cards.select("#event-week dd time")] == ["2026-11-09", "2026-11-15"]
    headings = {h["id"]: h.select_one("time")["datetime"] for h in cards.select("[data-qw-day] > h2")}
    assert headings == {"day-2026-11-09": "2026-11-09", "day-2026-11-12": "2026-11-12",
                        "day-2026-11-13": "2026-11-13"}
    # every time on the events page says its zone
    for dd in cards.select(".qw-event__facts dd"):
        if re.search(r"[0-9]{2}:[0-9]{2}", dd.get_text()):
            assert f"{NBSP}{LABEL}" in dd.get_text(), dd


# -- the pieces ---------------------------------------------------------------------------------

# a town named like a district of the list («город Энский», «Энский район») and a ZATO: the
# region's own if it has them, invented otherwise
SAME_NAME = next((m.removeprefix("город ") for m in MUNICIPALITIES if m.startswith("город ")
                  and f"{m.removeprefix('город ')} район" in MUNICIPALITIES), "Новоэнский")
ZATO = next((m for m in MUNICIPALITIES if m.startswith("ЗАТО ")), "ЗАТО Энский")


@pytest.mark.parametrize("address, municipality, named", [
    ("г. Усть-Энск, ул. Мира, 1", "город Усть-Энск", True),
    ("Усть-Энск, ул. Мира, 1", "город Усть-Энск", True),
    ("610000, Энская обл., г. Энск, ул. Ленина, 1", "город Энск", True),
    ("г. Белые Поляны, ул. Гагарина, 3", "город Белые Поляны", True),
    (f"пгт {ZATO.removeprefix('ЗАТО ')}, ул. Ленина, 1", ZATO, True),
    (f"{PLACES.short}, с. Тестовое", PLACES.district, True),
    (f"{PLACES.district}, с. Тестовое", PLACES.district, True),
    (f"д. Родичи {PLACES.district_genitive}", PLACES.district, True),
    ("Усть-Энский р-н, д. Тестовая", "Усть-Энский район", True),
    # a town is not its district, a district is not its town, a street is not a town
    (f"г. {PLACES.town_name}, ул. Тестовая", PLACES.district, False),
    (f"{PLACES.short}, с. Тестовое", PLACES.town, False),
    ("г. Энск, ул. Мира, 5", "Энский район", False),
    (f"г. {SAME_NAME}, ул. Советская, 1", f"{SAME_NAME} район", False),
    (f"{SAME_NAME} р-н, д. Тестовая", f"город {SAME_NAME}", False),
    ("Усть-Энский р-н, д. Тестовая", "город Усть-Энск", False),
    ("г. Усть-Энск, ул. Мира", "город Энск", False),
    (f"г. {PLACES.town_name}, ул. Энска, 5", "город Энск", False),
    ("г. Усть-Энск, ул. Энска, 5", "Усть-Энский район", False),
    ("ул. Заводская, 1", "город Усть-Энск", False),
])
def test_address_names_its_municipality(address, municipality, named):
    """Names in the list's three shapes (a town, a district, a ZATO), invented where a region's
    own would do."""
    assert names_municipality(address, municipality) is named


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_every_municipality_is_named_by_its_own_address_form(municipality):
    """Each name of the data file in the form addresses use: «г. …» for a town, «… р-н» for a
    district, the name itself otherwise; and never by an address somewhere else."""
    town = re.fullmatch(r"город (.+)", municipality)
    district = re.fullmatch(r"(.+) район", municipality)
    form = (f"г. {town[1]}, ул. Тестовая, 1" if town else
            f"{district[1]} р-н, д. Тестовая" if district else f"{municipality}, ул. Тестовая, 1")
    assert names_municipality(form, municipality)
    assert not names_municipality("д. Тестовая, ул. Полевая, 1", municipality)


@pytest.mark.parametrize("text, links", [
    ("+7 (4012) 00-00-00", ["tel:+74012000000"]),
    ("8 (4012) 00-00-00", ["tel:+74012000000"]),
    ("8 912 000-00-00", ["tel:+79120000000"]),
    ("+79120000000", ["tel:+79120000000"]),
    ("8-800-555-35-35 (бесплатно)", ["tel:+78005553535"]),
    ("Иван, 8 912 000-00-00; ivan@example.org", ["tel:+79120000000", "mailto:ivan@example.org"]),
    ("89120000000@example.org", ["mailto:89120000000@example.org"]),
    ("тел. 12-34-56", []),
    ("каб. 12, с 9 до 18", []),
])
def test_contact_links(text, links):
    html = BeautifulSoup(str(contact_html(text)), "html.parser")
    assert [a["href"] for a in html.select("a")] == links
    assert html.get_text() == text.replace("тел. ", "тел. ")  # nothing lost or added


def test_contact_is_escaped_text_around_its_links():
    html = str(contact_html("<b>Анна</b> & Co, +7 (4012) 00-00-00"))
    assert html.startswith("&lt;b&gt;Анна&lt;/b&gt; &amp; Co, <a ")


@given(st.sampled_from(["+7 ", "8 ", "+7", "8"]), st.sampled_from(["912", "(912)", "4012", "(4012)"]),
       st.integers(0, 999_999), st.sampled_from(["", " ", "-"]))
def test_any_way_of_writing_a_russian_number_dials_the_same(prefix, code, number, sep):
    """A mobile or a city number written with or without +7, brackets, spaces or dashes is one
    tel: link to +7 and ten digits, and the text shown is the text written."""
    digits = code.strip("()")
    rest = f"{number:0{10 - len(digits)}d}"
    written = f"{prefix}{code} {rest[:-4]}{sep}{rest[-4:-2]}{sep}{rest[-2:]}"
    html = BeautifulSoup(str(contact_html(f"Звоните: {written}, спросите Анну")), "html.parser")
    links = html.select("a")
    assert [a["href"] for a in links] == [f"tel:+7{digits}{rest}"]
    assert links[0].get_text() == written


@given(st.lists(st.sampled_from(["текст", "Вы увидите:", "- пункт", "* пункт", "1. первый",
                                 "2. второй", "  продолжение", "", "> цитата", "    код"]),
                max_size=12))
def test_list_rule_never_loses_text_or_splits_a_list(lines):
    """Whatever the lines, the description keeps every word, and a list item right after text
    starts a list: no «- пункт» stays inside a paragraph."""
    html = BeautifulSoup(str(description_html("\n".join(lines))), "html.parser")
    words = re.compile(r"[^\W\d_]+")  # letters: a list's numbers become markers
    assert words.findall(html.get_text()) == words.findall("\n".join(lines))
    for paragraph in html.select("p"):
        assert not re.search(r"^(?:[-*+]|1\.) ", paragraph.get_text(), re.M), paragraph
