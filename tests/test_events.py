"""Regional events (docs/events/<year>/<slug>.md): fixture events in a temporary project copy.

Valid events reach the events page by day and time with all their data; every kind of bad front
matter stops the strict build with a message naming the file, the field and what is accepted.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from building import build_site, copy_project
from fixtures import (CITY, EVENTS, FIXTURE, LABEL, MUNICIPALITIES, NBSP, OTHER_TOWN_NAME, PLACES,
                      REGION, VALID, ZONE, event_text, events_folder, facts_of, load_test_events,
                      write_event)
from icalendar import Calendar

from qualityweek.inputs.events import FIELDS, KINDS, EventsError, load_events

@pytest.fixture(scope="module")
def events_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("events") / "project")
    for slug, fields in FIXTURE.items():
        body = "Описание.\n\n- пункт **один**\n- <b>без HTML</b> и {{ edition.year }}"
        write_event(project, 2026, slug, fields, body)
    # another year's event: validated on every build, not shown on this edition's page
    write_event(project, 2025, "past", dict(VALID, title="Прошлогодняя экскурсия",
                                             start="2025-11-13 10:00", end="2025-11-13 11:00"))
    # a year with events but nothing in the data file still gets its archive page
    write_event(project, 2021, "older", dict(VALID, title="Давняя экскурсия",
                                              start="2021-11-11", end="2021-11-11"))
    build = build_site(tmp_path_factory.mktemp("events-site") / "site", project,
                       QUALITY_YEAR="2026", QUALITY_TODAY="2026-11-28",
                       QUALITY_SITE_URL="https://example.org/qw/")
    assert build.result.returncode == 0, build.output
    return build


def test_events_are_grouped_by_day_and_ordered_by_time(events_site):
    page = events_site.page("events")
    days = [h.get_text(strip=True) for h in page.select("[data-qw-day] > h2")]
    assert days == [f"понедельник, 9{NBSP}ноября 2026{NBSP}г.",
                    f"четверг, 12{NBSP}ноября 2026{NBSP}г.",
                    f"пятница, 13{NBSP}ноября 2026{NBSP}г."]
    ids = [a["id"] for a in page.select("article.qw-event")]
    assert ids == ["event-early-promo", "event-contest", "event-tour", "event-late-webinar"]
    assert [s.select_one("h2")["id"] for s in page.select("[data-qw-day]")] == [
        "day-2026-11-09", "day-2026-11-12", "day-2026-11-13"]


def test_event_shows_all_its_data(events_site):
    page = events_site.page("events")
    article = page.select_one("#event-tour")
    assert article.select_one("h3").get_text(strip=True) == VALID["title"]
    assert article["data-municipality"] == PLACES.district
    assert article["data-kind"] == KINDS[0]
    assert facts_of(page, "tour") == {
        "Дата": f"четверг, 12{NBSP}ноября 2026{NBSP}г.",  # the card says its day (issue 33)
        "Время": f"10:00\u2013\u206012:30{NBSP}{LABEL}",
        "Организатор": "АО «Тестовый завод»",
        "Где": f"{PLACES.district}, г.{NBSP}{PLACES.town_name}, ул.{NBSP}Тестовая, д.{NBSP}5",
        "Вид": KINDS[0],
        "Формат": "очно",
        "Подробнее": "example.org/tour",
        "Контакт": VALID["contact"],
    }
    assert article.select_one("a[href='https://example.org/tour']")
    # online: its link where an address would be, no «Подробнее» twice, no contact row
    webinar = facts_of(page, "late-webinar")
    assert webinar["Где"] == "онлайн, example.org/webinar"
    assert "Контакт" not in webinar and "Подробнее" not in webinar
    assert page.select_one("#event-late-webinar dd a")["href"] == "https://example.org/webinar"
    assert webinar["Время"] == f"15:00\u2013\u206016:00{NBSP}{LABEL}"
    # hybrid: the place (the address names the town: said once) and the link
    promo = facts_of(page, "early-promo")
    assert promo["Где"] == (f"г.{NBSP}{OTHER_TOWN_NAME}, ул.{NBSP}Тестовая, д.{NBSP}1; "
                            "онлайн, example.org/promo")
    # a week-long event without times (its days say it all), and an all-day one
    assert promo["Дата"] == f"9\u2013\u206015{NBSP}ноября 2026{NBSP}г." and "Время" not in promo
    assert facts_of(page, "contest")["Время"] == "весь день"


def test_description_is_markdown_but_never_html_or_jinja(events_site):
    description = events_site.page("events").select_one("#event-tour .qw-event__description")
    assert description.select_one("li strong").get_text() == "один"
    assert description.select_one("b") is None
    assert "<b>без HTML</b>" in description.get_text()
    assert "{{ edition.year }}" in description.get_text()


def test_filter_controls_are_hidden_until_the_script_runs(events_site):
    page = events_site.page("events")
    form = page.select_one("form[data-qw-filters]")
    assert form.has_attr("hidden")
    # as a reader looks for it (issue 24): in the region's list order (towns first), each with
    # how many events it has; the value is the name the cards carry
    options = form.select("#qw-filter-municipality option")
    cards = Counter(a["data-municipality"] for a in page.select("article.qw-event"))
    listed = REGION.municipalities
    order = [m for m in listed if cards[m]]
    assert [o.get_text() for o in options] == ["все", *(f"{m} ({cards[m]})" for m in order)]
    assert [o["value"] for o in options] == ["", *order]
    kinds = [o.get_text() for o in form.select("#qw-filter-kind option")]
    assert kinds == ["все", *(f"{k} ({n})" for k in KINDS
                             if (n := sum(a["data-kind"] == k for a in page.select("article.qw-event"))))]
    assert page.select_one("label[for=qw-filter-kind]")
    assert page.select_one("[data-qw-count][aria-live=polite]")


def test_other_years_events_stay_off_this_editions_page(events_site):
    assert "Прошлогодняя экскурсия" not in events_site.text("events")
    assert "Пока мероприятий нет" not in events_site.text("events")


def test_past_events_appear_on_their_editions_archive_page(events_site):
    page = events_site.page("archive/2025")
    assert page.select_one("#event-past h4").get_text() == "Прошлогодняя экскурсия"
    assert "Экскурсия на молочный завод" not in events_site.text("archive/2025")
    assert "Давняя экскурсия" in events_site.text("archive/2021")
    index = events_site.page("archive")
    assert index.select_one("a[href='2021/']"), "the event-only year is missing from the index"
    assert events_site.page("archive/2024").select_one("article.qw-event") is None


def test_shown_editions_events_go_into_its_calendar_file(events_site):
    # the subscription: the edition's own file has its dates alone (issue 33)
    calendar = Calendar.from_ical((events_site.site / "calendar" / "quality-week.ics")
                                  .read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert "2025-event-past@quality-week" not in events  # another edition's calendar
    tour = events["2026-event-tour@quality-week"]
    assert str(tour["SUMMARY"]) == VALID["title"]
    assert tour.decoded("DTSTART") == datetime(2026, 11, 12, 10, 0, tzinfo=ZONE)
    assert tour.decoded("DTEND") == datetime(2026, 11, 12, 12, 30, tzinfo=ZONE)
    assert tour["DTSTART"].params["TZID"] == REGION.timezone
    assert str(tour["LOCATION"]) == VALID["address"]
    assert str(tour["URL"]) == VALID["url"]
    description = str(tour["DESCRIPTION"])
    assert VALID["organizer"] in description and PLACES.district in description
    assert "https://example.org/qw/events/#event-tour" in description
    # a week-long event without times: all day, DTEND the day after its last day (exclusive)
    promo = events["2026-event-early-promo@quality-week"]
    assert promo.decoded("DTSTART") == date(2026, 11, 9)
    assert promo.decoded("DTEND") == date(2026, 11, 16)
    assert str(events["2026-event-late-webinar@quality-week"]["LOCATION"]) == f"онлайн ({CITY})"
    assert calendar.walk("VTIMEZONE"), "timed events need their VTIMEZONE"
    assert {"2026-week@quality-week", "2026-quality-day@quality-week"} <= events.keys()


def test_event_files_are_not_pages_of_their_own(events_site):
    assert not (events_site.site / "events" / "2026").exists()


def test_events_list_macro_renders_any_year_for_archive_pages(tmp_path, project_copy):
    write_event(project_copy, 2025, "past", dict(VALID, start="2025-11-13 10:00",
                                                  end="2025-11-13 11:00"))
    (project_copy / "docs" / "archive-test.md").write_text(
        "---\nrender_macros: true\n---\n\n# Архив\n\n{{ events_list(2025, heading=3) }}\n\n"
        "Событий в 2024: {{ events_by_year.get(2024, []) | length }}\n", encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "nav:\n", "nav:\n  - Архив: archive-test.md\n"), encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert build.result.returncode == 0, build.output
    page = build.page("archive-test")
    assert page.select_one("#day-2025-11-13").name == "h3"
    assert page.select_one("#event-past h4").get_text() == VALID["title"]
    assert page.select_one("form[data-qw-filters]") is None
    assert "Событий в 2024: 0" in build.text("archive-test")


# -- every bad input stops the build ----------------------------------------------------------

def without(key: str) -> dict:
    return {k: v for k, v in VALID.items() if k != key}


# id: (front matter, expected fragments of the message after the file name)
BAD = {
    "missing-field": (without("organizer"), ["поле «organizer» не заполнено: Укажите организатора"]),
    "empty-title": (dict(VALID, title='""'),
                    ["поле «title» не заполнено: Введите название мероприятия"]),
    "wrong-kind": (dict(VALID, kind="экскурсия"),
                   ["поле «kind»", "Вид мероприятия: выберите значение из списка",
                    "«экскурсия» нет среди допустимых", "«другое»", f"«{KINDS[0]}»",
                    "«конкурс „Лидер качества“»"]),
    "wrong-format": (dict(VALID, format="заочно"),
                     ["поле «format»", "«заочно» нет среди допустимых", "«очно»; «онлайн»; «гибрид»"]),
    "end-before-start": (dict(VALID, end="2026-11-12 09:00"),
                         ["поле «end»", "Конец: раньше начала"]),
    "end-day-before-start": (dict(VALID, start="2026-11-13", end="2026-11-12"),
                             ["поле «end»", "раньше начала"]),
    "date-outside-november": (dict(VALID, start="2026-10-31 10:00"),
                              ["поле «start»", f"Начало: укажите дату в ноябре 2026{NBSP}г.,",
                               f"с 1{NBSP}ноября 2026{NBSP}г. по 30{NBSP}ноября 2026{NBSP}г.",
                               f"указано 31{NBSP}октября 2026{NBSP}г."]),
    "date-in-another-year": (dict(VALID, start="2027-11-12", end="2027-11-12"),
                             ["поле «start»", f"в ноябре 2026{NBSP}г.",
                              f"указано 12{NBSP}ноября 2027{NBSP}г."]),
    "unknown-field": (dict(VALID, place="цех"),
                      ["поле «place»", "неизвестное поле; допустимые: " + ", ".join(FIELDS)]),
    "missing-address-in-person": (without("address"), ["поле «address»", "Адрес проведения",
                                                       "«очно»"]),
    "missing-address-hybrid": (dict(without("address"), format="гибрид"),
                               ["поле «address»", "«гибрид»"]),
    "non-https-url": (dict(VALID, url="http://example.org/tour"),
                      ["поле «url»", "Страница мероприятия", "https://", "а не с http://"]),
    "unknown-municipality": (dict(VALID, municipality=CITY.removeprefix("город ")),
                             ["поле «municipality»", f"«{CITY.removeprefix('город ')}»",
                              f"{REGION.label}/municipalities.yml"]),
    # a day or a time that does not exist is named so (issue 34), not «the wrong format»
    "bad-date": (dict(VALID, start="2026-11-31"),
                 ["поле «start»: Начало: такого дня нет", "указано «2026-11-31»"]),
    "bad-time": (dict(VALID, end="2026-11-12 25:00"),
                 ["поле «end»: Конец: такого времени нет", "указано «2026-11-12 25:00»"]),
    "date-in-other-form": (dict(VALID, start="12.11.2026"), ["поле «start»", "ГГГГ-ММ-ДД"]),
    "description-in-front-matter": (dict(VALID, description="текст"),
                                    ["поле «description»", "текст после заголовка"]),
    "title-without-letters": (dict(VALID, title="'🎉🎉'"),
                              ["поле «title»", "нужна хотя бы одна буква или цифра"]),
}


def assert_stops(build, path: str, expected: list[str]) -> None:
    assert build.result.returncode != 0, build.output
    assert "Traceback" not in build.output, build.output
    for text in [path, *expected]:
        assert text in build.output, build.output


@pytest.mark.parametrize("fields, expected", BAD.values(), ids=BAD.keys())
def test_bad_front_matter_stops_the_build(tmp_path, project_copy, fields, expected):
    write_event(project_copy, 2026, "bad-event", fields)
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_stops(build, f"{EVENTS}/2026/bad-event.md", expected)


def test_duplicate_key_stops_the_build(tmp_path, project_copy):
    path = write_event(project_copy, 2026, "twice", VALID)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "format: очно", "format: очно\nformat: онлайн"), encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_stops(build, f"{EVENTS}/2026/twice.md", ["«format» повторяется"])


def test_missing_front_matter_stops_the_build(tmp_path, project_copy):
    path = events_folder(project_copy) / "2026" / "no-header.md"
    path.parent.mkdir(parents=True)
    path.write_text("# Просто текст\n", encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_stops(build, f"{EVENTS}/2026/no-header.md", ["заголовка YAML"])


@pytest.mark.parametrize("relative, expected", [
    ("events/2026/День-открытых-дверей.md", "имя файла"),
    ("events/loose.md", "папку года"),
    ("events/26/short-year.md", "папку года"),
])
def test_misplaced_or_misnamed_file_stops_the_build(tmp_path, project_copy, relative, expected):
    path = project_copy / REGION.label / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(event_text(VALID), encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert_stops(build, f"{REGION.label}/{relative}", [expected])


def test_an_event_file_left_in_docs_stops_the_build_saying_where_it_belongs(tmp_path,
                                                                            project_copy):
    """Event files lived in docs/events/ before they moved into the region folder: one left
    there (an old branch, an editor's habit) is not silently skipped."""
    old = project_copy / "docs" / "events" / "2026" / "tour.md"
    old.parent.mkdir(parents=True)
    old.write_text(event_text(VALID), encoding="utf-8")
    write_event(project_copy, 2026, "other", VALID)
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2026")
    assert build.result.returncode != 0
    lines = [line for line in build.output.splitlines() if "docs/events" in line]
    assert len(lines) == 1, build.output
    assert f"docs/events/2026/tour.md → {EVENTS}/2026/tour.md" in lines[0]
    assert "Traceback" not in build.output


def test_a_past_years_bad_event_stops_this_years_build(tmp_path, project_copy):
    write_event(project_copy, 2024, "old", dict(VALID, start="2024-11-14", end="2024-11-14",
                                                kind="выставка"))
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert_stops(build, f"{EVENTS}/2024/old.md", ["поле «kind»"])


# -- the pure loader, for the lead's .ics and archive pages --------------------------------------

def test_load_events_returns_every_year_sorted_with_stable_slugs(tmp_path):
    for slug, fields in FIXTURE.items():
        write_event(tmp_path, 2026, slug, fields)
    write_event(tmp_path, 2025, "past", dict(VALID, start="2025-11-13", end="2025-11-13"))
    events = load_test_events(tmp_path)
    assert list(events) == [2025, 2026]
    assert [e.slug for e in events[2026]] == ["early-promo", "contest", "tour", "late-webinar"]
    tour = events[2026][2]
    assert (tour.anchor, tour.uid, tour.year, tour.description) == (
        "event-tour", "2026-tour", 2026, "Описание.")
    assert tour.start_time.isoformat() == "10:00:00" and events[2025][0].start_time is None


def test_load_events_reports_every_bad_file_at_once(tmp_path):
    write_event(tmp_path, 2026, "one", dict(VALID, kind="x"))
    write_event(tmp_path, 2026, "two", without("title"))
    with pytest.raises(EventsError) as error:
        load_test_events(tmp_path)
    lines = str(error.value).splitlines()
    assert lines[0].startswith(f"{EVENTS}/2026/one.md, поле «kind»")
    assert lines[1] == (f"{EVENTS}/2026/two.md, поле «title» не заполнено: "
                        "Введите название мероприятия")


def test_no_events_folder_means_no_events(tmp_path):
    assert load_events(tmp_path, MUNICIPALITIES, label=REGION.label) == {}


@pytest.mark.parametrize("start, end, shown", [
    ("2026-11-12 10:00", "2026-11-12 10:00", f"с{NBSP}10:00{NBSP}{LABEL}"),
    ("2026-11-12", "2026-11-12 18:00", f"до{NBSP}18:00{NBSP}{LABEL}"),
    ("2026-11-12 10:00", "2026-11-12", f"с{NBSP}10:00{NBSP}{LABEL}"),
    ("2026-11-09 10:00", "2026-11-13 18:00",
     f"9{NBSP}ноября, 10:00{NBSP}— 13{NBSP}ноября, 18:00{NBSP}{LABEL}"),
    ("2026-11-09 10:00", "2026-11-13",
     f"9{NBSP}ноября, 10:00{NBSP}{LABEL}{NBSP}— 13{NBSP}ноября"),
    ("2026-11-30", "2026-11-30", "весь день"),
])
def test_time_of_an_event_as_readers_see_it(tmp_path, start, end, shown):
    from bs4 import BeautifulSoup

    from qualityweek.outputs.events_html import render_events

    write_event(tmp_path, 2026, "one", dict(VALID, start=start, end=end))
    html = render_events(load_test_events(tmp_path)[2026], zone=ZONE,
                         label=LABEL)
    assert facts_of(BeautifulSoup(html, "html.parser"), "one")["Время"] == shown


def test_title_and_description_get_the_sites_non_breaking_spaces(tmp_path):
    from bs4 import BeautifulSoup

    from qualityweek.outputs.events_html import render_events

    write_event(tmp_path, 2026, "one", dict(VALID, title="Экскурсия — цех сборки"),
                "Сбор у проходной — ул. Тестовая.")
    soup = BeautifulSoup(render_events(load_test_events(tmp_path)[2026],
                                       zone=ZONE, label=LABEL), "html.parser")
    assert soup.select_one("h3").get_text() == f"Экскурсия{NBSP}— цех сборки"
    assert soup.select_one(".qw-event__description").get_text() == (
        f"Сбор у проходной{NBSP}— ул.{NBSP}Тестовая.")


@pytest.mark.parametrize("start, end, span", [
    ("2026-11-12", "2026-11-13", ("2026-11-12", "2026-11-13")),
    ("2026-11-12 10:00", "2026-11-12 12:30",
     ("2026-11-12T10:00:00+07:00", "2026-11-12T12:30:00+07:00")),
    ("2026-11-12 10:00", "2026-11-13", ("2026-11-12T10:00:00+07:00", "2026-11-14T00:00:00+07:00")),
    ("2026-11-12", "2026-11-12 18:00", ("2026-11-12T00:00:00+07:00", "2026-11-12T18:00:00+07:00")),
])
def test_span_for_a_calendar_is_two_dates_or_two_local_times(tmp_path, start, end, span):
    write_event(tmp_path, 2026, "one", dict(VALID, start=start, end=end))
    event = load_test_events(tmp_path)[2026][0]
    zone = ZoneInfo("Asia/Novosibirsk")  # the zone the caller gives: the region's
    assert tuple(moment.isoformat() for moment in event.span(zone)) == span


def test_description_loads_nothing_and_runs_nothing(tmp_path):
    """Images would be requests to other servers (152-FZ) and `javascript:` links run code: the
    words stay, the picture and the unsafe link go; https, mail and phone links stay links."""
    from bs4 import BeautifulSoup

    from qualityweek.outputs.events_html import render_events

    write_event(tmp_path, 2026, "one", VALID,
                "Смотрите ![схему проезда](https://tracker.example/pixel.png), "
                "[сайт](https://example.org/about), [кнопку](javascript:alert(1)), "
                "[почту](mailto:info@example.org), [старый сайт](http://example.org).")
    soup = BeautifulSoup(render_events(load_test_events(tmp_path)[2026],
                                       zone=ZONE, label=LABEL), "html.parser")
    description = soup.select_one(".qw-event__description")
    assert description.select("img") == []
    assert "схему проезда" in description.get_text()
    hrefs = [a["href"] for a in description.select("a")]
    assert hrefs == ["https://example.org/about", "mailto:info@example.org"]
    assert "кнопку" in description.get_text() and "старый сайт" in description.get_text()


def test_the_filter_script_loads_on_the_events_page_only(events_site):
    def scripts(path):
        return [s.get("src", "") for s in events_site.page(path).select("script[src]")]
    assert any(src.endswith("assets/javascripts/events-filter.js") for src in scripts("events"))
    for path in ("", "archive/2025", "participate"):
        assert not any("events-filter" in src for src in scripts(path)), path
