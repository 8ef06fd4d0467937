"""The week's results (issue 18): the events table (xlsx, csv), the results page and its press
release, built from a project copy with 0, 1, 2, 5 and 21 events in four years, and read back the
way the ministry's tools read them (openpyxl, Python's csv); what the tests expect is computed from
the event files' specs (tests/results_events.py), not by the site's own count."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections import Counter
from datetime import date, datetime, timedelta

import openpyxl
import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from browsing import reader
from building import build_site, copy_project, serve
from fixtures import LABEL, NBSP, ZONE, default_region, events_folder, site_facts
from pypdf import PdfReader
from results_events import FORMATS, KINDS, municipalities, specs, write_events

from qualityweek.core.calendar import edition_dates
from qualityweek.core.typography import russian_quotes

# 2022 (a year of the data file) has no events; then 1, 2, 5 and 21
COUNTS = {2022: 0, 2023: 1, 2024: 2, 2025: 5, 2026: 21}
AFTER_2026 = "2026-11-20"  # the site shows 2027; 2026's week is over
DURING_2026 = "2026-11-12"  # 2026's Quality Day
BEFORE_2026 = "2026-11-01"
# the times' column says the region's name for its local time and its offset in November
_OFFSET = int(datetime(2026, 11, 15, 12, tzinfo=ZONE).utcoffset().total_seconds()) // 3600
_TIME = f"{LABEL}, UTC+{_OFFSET}"  # «МСК, UTC+3»
# without a site address (the `after` build) no «Страница на сайте»: a path leads nowhere from a file
HEADERS = ["Название", "Организатор", "Муниципальное образование", "Вид мероприятия",
           f"Начало, {_TIME}", f"Окончание, {_TIME}", "Формат",
           "Адрес", "Подробности и запись", "Контакт", "Описание"]
WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("results") / "project")
    for year, count in COUNTS.items():
        if count:
            write_events(project, year, specs(year, count))
    return project


def _build(project, tmp_path_factory, name, fresh_process=False, **env):
    build = build_site(tmp_path_factory.mktemp(name) / "site", project, fresh_process, **env)
    assert build.result.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def after(project, tmp_path_factory):
    return _build(project, tmp_path_factory, "after", QUALITY_TODAY=AFTER_2026)


@pytest.fixture(scope="module")
def during(project, tmp_path_factory):
    return _build(project, tmp_path_factory, "during", QUALITY_TODAY=DURING_2026,
                  QUALITY_SITE_URL="https://example.org/qw/")


# -- the table files ---------------------------------------------------------------------------

def expected_row(spec) -> list:
    """A spec as the table's row: dates as dates, the description as plain text."""
    description = re.sub(r"\*\*(.*?)\*\*", r"\1", spec.description)
    description = re.sub(r"\[(.*?)\]\((.*?)\)", r"\1 (\2)", description)
    # typed straight quotes in a name come out as «ёлочки» (fields.Name, issue 24)
    return [spec.title, russian_quotes(spec.organizer), spec.municipality, spec.kind, spec.start, spec.end,
            spec.format, spec.address, spec.url, spec.contact, description]


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_workbook_reads_back_row_for_row(after, year):
    workbook = openpyxl.load_workbook(after.site / "events" / f"{year}.xlsx")
    sheet = workbook.active
    assert sheet.freeze_panes == "A2"  # the header row stays on screen
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert sheet.auto_filter.ref == f"A1:K{len(rows)}"
    events = specs(year, COUNTS[year])
    assert len(rows) - 1 == len(events)
    for spec, row in zip(sorted(events, key=sort_key), rows[1:]):
        expected = expected_row(spec)
        for index in (4, 5):  # a date-only start or end: a date cell, openpyxl reads at midnight
            moment = expected[index]
            expected[index] = moment if isinstance(moment, datetime) else datetime.combine(
                moment, datetime.min.time())
        assert list(row) == expected
    # dates are real Excel dates, with a date (and time) format
    start = sheet.cell(row=2, column=5)
    assert start.is_date and start.number_format in ("dd.mm.yyyy hh:mm", "dd.mm.yyyy")
    # widths fit the text: no column narrower than its header needs or wider than 60 characters
    for letter in "ABCDGHIJK":
        assert 8 <= sheet.column_dimensions[letter].width <= 61


def sort_key(spec):
    start = spec.start if isinstance(spec.start, datetime) else datetime.combine(
        spec.start, datetime.min.time())
    return (start, spec.title, spec.slug)


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026, 2027])
def test_csv_reads_back_with_a_bom_semicolons_and_crlf(after, year):
    data = (after.site / "events" / f"{year}.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    # CRLF after every row; a line break inside a description stays a bare LF, in quotes
    assert data.endswith(b"\r\n") and data.count(b"\r\n") == 1 + COUNTS.get(year, 0)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == HEADERS
    events = sorted(specs(year, COUNTS.get(year, 0)), key=sort_key)  # 2027: shown, none yet
    assert len(rows) - 1 == len(events)
    for spec, row in zip(events, rows[1:]):
        expected = expected_row(spec)
        expected[4:6] = [m.strftime("%d.%m.%Y %H:%M") if isinstance(m, datetime)
                         else m.strftime("%d.%m.%Y") for m in expected[4:6]]
        # a title Excel would run as a formula gets an apostrophe; a phone number does not
        expected[0] = "'" + expected[0] if expected[0].startswith("=") else expected[0]
        assert row == [value or "" for value in expected]


def test_workbook_is_dated_by_the_build_settings(after):
    workbook = openpyxl.load_workbook(after.site / "events" / "2026.xlsx")
    assert workbook.properties.created == datetime(2026, 11, 20)


def test_page_addresses_are_absolute_with_a_site_address(during):
    rows = list(csv.reader(io.StringIO((during.site / "events" / "2026.csv").read_text(
        encoding="utf-8-sig"), newline=""), delimiter=";"))
    # 2026 is the shown edition here: its events are on the events page
    assert {row[-1].split("#")[0] for row in rows[1:]} == {"https://example.org/qw/events/"}


# -- the results page --------------------------------------------------------------------------

def table_of(page, slug: str) -> dict[str, int]:
    table = page.select_one(f"table[aria-labelledby='results-{slug}']")
    assert page.select_one(f"#results-{slug}") is not None  # the heading that names it
    rows = {tr.th.get_text(strip=True): int(tr.td.get_text(strip=True))
            for tr in table.select("tbody tr")}
    total = int(table.select_one("tfoot td").get_text(strip=True))
    assert total == sum(rows.values())
    return rows


def assert_municipalities(page, by_place: Counter) -> None:
    """The municipality table: those with events by count, largest first (the list's order
    among equals), then one line for those without, named under the table."""
    places = municipalities()
    rows = list(table_of(page, "municipality").items())
    zeros = [m for m in places if not by_place[m]]
    expected = sorted((m for m in places if by_place[m]), key=lambda m: (-by_place[m], places.index(m)))
    assert rows[:len(expected)] == [(m, by_place[m]) for m in expected]
    if zeros:
        [(label, count)] = rows[len(expected):]
        assert count == 0 and label.startswith(f"ещё {len(zeros)}{NBSP}муниципальн")
        assert label.endswith("без мероприятий")
        listed = page.select_one("p.qw-results-none").get_text(strip=True)
        assert listed == f"Без мероприятий: {', '.join(zeros)}."
    else:
        assert len(rows) == len(expected) and page.select_one("p.qw-results-none") is None


def day_label(day: date) -> str:
    label = f"{WEEKDAYS[day.weekday()]}, {day.day}{NBSP}ноября"
    return label + " (День качества)" if day == edition_dates(day.year).quality_day else label


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_results_tables_equal_counts_from_the_event_files(after, year):
    events = specs(year, COUNTS[year])
    page = after.page(f"results/{year}")
    by_place = Counter(s.municipality for s in events)
    assert_municipalities(page, by_place)
    assert table_of(page, "kind") == {k: sum(s.kind == k for s in events) for k in KINDS}
    assert table_of(page, "format") == {f: sum(s.format == f for s in events) for f in FORMATS}
    week = edition_dates(year)
    days = {day_label(week.week_start + timedelta(days=n)): 0 for n in range(7)}
    before = sum(s.start_day < week.week_start for s in events)
    later = sum(s.start_day > week.week_end for s in events)
    for spec in events:
        if week.week_start <= spec.start_day <= week.week_end:
            days[day_label(spec.start_day)] += 1
    if before:
        days["раньше недели, в ноябре"] = before
    if later:
        days["позже недели, в ноябре"] = later
    assert table_of(page, "day") == days
    figures = [li.get_text(" ", strip=True) for li in page.select("ul.qw-results-figures li")]
    organizers = len({s.organizer_id for s in events})
    assert figures[0].startswith(f"{len(events)} ") and figures[1].startswith(f"{organizers} ")
    assert figures[2].startswith(f"{len(by_place)} ") and figures[2].endswith(
        f"из {len(municipalities())}")


def test_every_bar_is_hidden_decoration_beside_its_number(after):
    page = after.page("results/2026")
    for table in page.select(".qw-results-table table"):
        for row in table.select("tbody tr"):
            bar = row.select_one("svg.qw-results__bar")
            assert bar["aria-hidden"] == "true"
            count = int(row.select_one(".qw-results__number").get_text())
            assert (bar.rect is not None) == (count > 0)


def test_a_year_without_events_says_so_plainly(site_after_2026):
    """The real site has no events: 2026's results (in the navigation until 2027's week)."""
    text = site_after_2026.text("results/2026")
    assert "на сайт не добавлено ни одного мероприятия" in text
    assert site_after_2026.page("results/2026").select("table") == []
    nav = [a.get_text(strip=True) for a in site_after_2026.page().select("nav.md-nav--primary a")]
    assert "Итоги Недели качества 2026" in nav


def test_only_pages_with_results_are_searched(after):
    index = json.loads((after.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "results/2026/" in pages  # 21 events, the week is over
    assert "results/2027/" not in pages  # the shown edition, before its week: nothing to find
    # a year with events has its page; one without has none (nothing links to it)
    assert (after.site / "results" / "2023" / "index.html").is_file()
    assert not (after.site / "results" / "2022").exists()


@pytest.fixture(scope="module")
def before(project, tmp_path_factory):
    """Built before the 2026 week: its events announced, none held yet."""
    return _build(project, tmp_path_factory, "before", QUALITY_TODAY=BEFORE_2026)


def test_before_the_week_the_page_says_what_it_will_show(before):
    build = before
    text = build.text("results/2026")
    assert "Когда она начнётся, здесь появятся её итоги" in text
    assert f"Пока объявлено 21{NBSP}мероприятие" in text
    assert build.page("results/2026").select("table") == []
    # the navigation has the last week that has begun: 2025's, until 2026's begins
    nav = [a.get_text(strip=True) for a in build.page().select("nav.md-nav--primary a")]
    assert "Итоги Недели качества 2025" in nav and "Итоги Недели качества 2026" not in nav


def test_results_are_in_the_navigation_once_the_week_has_begun(during):
    nav = during.page().select("nav.md-nav--primary a")
    found = [a for a in nav if a.get_text(strip=True) == "Итоги Недели качества 2026"]
    assert found and found[0]["href"] == "results/2026/"
    assert "Итоги предварительные" in during.text("results/2026")


def test_tables_are_linked_from_the_events_and_archive_pages(during, after):
    links = {a["href"] for a in during.page("events").select("article a")}
    assert {"2026.xlsx", "2026.csv"} <= links
    for year in (2023, 2024, 2025):
        hrefs = {a["href"] for a in after.page(f"archive/{year}").select("article a")}
        assert {f"../../events/{year}.xlsx", f"../../events/{year}.csv",
                f"../../results/{year}/"} <= hrefs


# -- the press release -------------------------------------------------------------------------

def press_release(build, year: int) -> str:
    return (build.site / "results" / f"press-release-{year}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("year, events, places", [
    (2023, f"1{NBSP}мероприятие", f"1{NBSP}муниципальном образовании"),
    (2024, f"2{NBSP}мероприятия", f"2{NBSP}муниципальных образованиях"),
    (2025, f"5{NBSP}мероприятий", f"5{NBSP}муниципальных образованиях"),
    (2026, f"21{NBSP}мероприятие", f"21{NBSP}муниципальном образовании"),
])
def test_press_release_numbers_and_word_forms(after, year, events, places):
    text = press_release(after, year)
    organizers = len({s.organizer_id for s in specs(year, COUNTS[year])})
    assert f"предприятия {default_region().region.genitive} провели {events} в {places}." in text
    assert f"Организаторов{NBSP}—{NBSP}{organizers}." in text
    # the page shows the same text, and its copy button copies exactly that
    box = after.page(f"results/{year}").select_one(".qw-ready-text__body")
    assert box.get_text() + "\n" == text


ONE_PLACE, PLACES = "муниципальном образовании", "муниципальных образованиях"


@pytest.mark.parametrize("count, form, where", [
    (1, "мероприятие", ONE_PLACE), (2, "мероприятия", PLACES), (5, "мероприятий", PLACES),
    (11, "мероприятий", PLACES), (21, "мероприятие", ONE_PLACE), (22, "мероприятия", PLACES)])
def test_press_release_agrees_for_each_count(count, form, where):
    """Without a build: the release written from `count` events in as many municipalities."""

    from qualityweek.inputs.events import Event
    from qualityweek.model.edition import build_edition
    from qualityweek.model.results import count_results
    from qualityweek.outputs.press_release import press_release as write
    facts = site_facts()
    edition = build_edition(facts, 2026)
    events = []
    for spec in specs(2026, count):
        fields = {k: getattr(spec, k) for k in ("title", "organizer", "municipality", "kind",
                                                  "start", "end", "format", "url")}
        fields.update({k: getattr(spec, k) for k in ("address", "contact") if getattr(spec, k)})
        events.append(Event.model_construct(**fields, slug=spec.slug, year=2026, description=""))
    assert len({s.municipality for s in events}) == count
    text = write(count_results(edition, events, municipalities()), edition, facts,
                 today=date(2026, 11, 30), page_url=None).text
    assert f"провели {count}{NBSP}{form} в {count}{NBSP}{where}." in text
    assert "пришлось 0" not in text  # no Quality Day sentence without an event on it


def test_results_page_is_small(after):
    html = (after.site / "results" / "2026" / "index.html").read_bytes()
    assert len(gzip.compress(html, 6)) < 100_000


# -- in a browser: accessibility and print -----------------------------------------------------

@pytest.fixture(scope="module")
def during_url(during):
    with serve(during.site) as url:
        yield url


@pytest.mark.parametrize("viewport, palette", [("phone", "light"), ("phone", "dark"),
                                               ("desktop", "light"), ("desktop", "dark")])
def test_axe_finds_nothing_on_the_results_page(browser, during_url, viewport, palette):
    with reader(browser, viewport, color_scheme=palette) as session:
        session.page.goto(during_url + "results/2026/")
        violations = Axe().run(session.page).response["violations"]
        assert not session.errors and not session.foreign_requests(during_url)
    assert not violations, [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
                            for v in violations]


def test_results_page_prints_on_a4_with_every_bar_inside(browser, during_url):
    with reader(browser, "desktop") as session:
        page = session.page
        page.goto(during_url + "results/2026/")
        page.emulate_media(media="print")
        # the printable width of A4 at Chromium's default margins (1 cm): 190 mm at 96 px/inch
        page.set_viewport_size({"width": round(190 / 25.4 * 96), "height": 1000})
        outside = page.evaluate("""() => {
            const right = document.documentElement.clientWidth;
            return [...document.querySelectorAll('.qw-results__bar')].filter(svg => {
                const box = svg.getBoundingClientRect();
                const bar = svg.querySelector('rect');
                const end = bar ? bar.getBoundingClientRect().right : box.right;
                return box.width < 20 || box.right > right || end > box.right + 0.5;
            }).length;
        }""")
        bars = page.locator(".qw-results__bar").count()
        pdf = page.pdf(format="A4", print_background=False)
    # a bar for each municipality with events and one for those without, kind, day and format
    places = {s.municipality for s in specs(2026, COUNTS[2026])}
    assert bars == len(places) + (len(places) < len(municipalities())) + 5 + 9 + 3
    assert outside == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    # the table's last row and the page's last sections are on paper
    assert "без мероприятий" in text and "Пресс-релиз" in text and "Как посчитано" in text


# -- 2000 events (the benchmark's generated files) ---------------------------------------------

@pytest.fixture(scope="module")
def thousands(bench, tmp_path_factory):
    """2000 generated events in 2027, built on 2027's Quality Day week (the page in full)."""
    project = copy_project(tmp_path_factory.mktemp("results2000") / "project")
    bench.add_events(project, 2027, 2000)
    return project, _build(project, tmp_path_factory, "site2000", QUALITY_TODAY="2027-11-10")


def front_matters(project, year: int) -> list[dict]:
    files = sorted((events_folder(project) / str(year)).glob("*.md"))
    return [yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]) for path in files]


def test_2000_events_table_page_and_size(thousands):
    project, build = thousands
    events = front_matters(project, 2027)
    assert len(events) == 2000
    page = build.page("results/2027")
    by_place = Counter(e["municipality"] for e in events)
    assert table_of(page, "municipality") == {m: by_place[m] for m in municipalities()}
    assert table_of(page, "kind") == dict(Counter(e["kind"] for e in events))
    assert sum(table_of(page, "day").values()) == 2000
    html = (build.site / "results" / "2027" / "index.html").read_bytes()
    assert len(gzip.compress(html, 6)) < 100_000
    sheet = openpyxl.load_workbook(build.site / "events" / "2027.xlsx", read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2001
    starts = Counter(row[4] for row in rows[1:])
    assert starts == Counter(datetime.strptime(e["start"], "%Y-%m-%d %H:%M") for e in events)
    assert Counter(row[0] for row in rows[1:]) == Counter(e["title"] for e in events)
    lines = list(csv.reader(io.StringIO((build.site / "events" / "2027.csv").read_text(
        encoding="utf-8-sig"), newline=""), delimiter=";"))
    assert len(lines) == 2001
    assert Counter(line[3] for line in lines[1:]) == Counter(e["kind"] for e in events)


# -- the rules, without a build ----------------------------------------------------------------

@pytest.mark.parametrize("typed", ["ООО «Ромашка»", "ооо \"Ромашка\"", "ООО  «РОМАШКА»",
                                   "ООО „Ромашка“", "ООО 'Ромашка'."])
def test_an_organizer_typed_another_way_is_counted_once(typed):
    from qualityweek.model.results import organizer_key
    assert organizer_key(typed) == organizer_key("ООО «Ромашка»")


def test_different_organizers_stay_apart():
    from qualityweek.model.results import organizer_key
    assert organizer_key("ООО «Ромашка»") != organizer_key("АО «Ромашка»")
    assert organizer_key("Ёлка") == organizer_key("елка")


@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("@SUM(A1)", "'@SUM(A1)"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3+cmd|x", "'-2+3+cmd|x"),
    ("+7 (4012) 12-34-56", "+7 (4012) 12-34-56"), ("ООО «Ромашка»", "ООО «Ромашка»")])
def test_csv_cells_cannot_run_as_formulas(value, cell):
    from qualityweek.outputs.tables import csv_cell
    assert csv_cell(value) == cell


def test_the_regions_genitive_is_required_in_its_folder(tmp_path):
    from qualityweek.inputs.facts import FactsError
    from qualityweek.inputs.region import parse_region
    region = default_region()
    text = (region.folder / "region.yml").read_text(encoding="utf-8")
    line = f"  genitive: {region.region.genitive}"
    assert line in text
    with pytest.raises(FactsError, match="region.yml, поле «region.genitive»: "):
        parse_region(text.replace(line, ""), "region.yml")


def test_results_page_with_its_tables_parses_without_errors(during, after):
    from test_html_valid import parse_errors
    for build, year in ((during, 2026), (after, 2026), (after, 2027)):
        html = (build.site / "results" / str(year) / "index.html").read_bytes()
        assert parse_errors(html) == [], year


# -- what a ministry pastes into a report (issue 24) --------------------------------------------

def test_each_organizer_is_listed_once_with_its_events(after):
    events = specs(2026, COUNTS[2026])
    page = after.page("results/2026")
    assert page.select_one("#results-organizers") is not None
    listed = page.select("ul.qw-results-organizers > li")
    groups: dict[str, list] = {}
    for spec in events:
        groups.setdefault(spec.organizer_id, []).append(spec)
    assert len(listed) == len(groups)
    archive = after.page("archive/2026")
    seen = set()
    for item in listed:
        links = item.select("ul a")
        slugs = {a["href"].rsplit("#event-", 1)[1] for a in links}
        [group] = [g for g in groups.values() if {s.slug for s in g} == slugs]
        name = item.strong.get_text()
        assert name in {russian_quotes(s.organizer) for s in group}
        assert item.get_text(" ", strip=True).startswith(f"{name} — {len(group)}{NBSP}мероприят")
        for a in links:  # each title leads to its card on the page that lists the year
            assert a["href"].startswith("../../archive/2026/#event-")
            spec = next(s for s in group if a["href"].endswith(f"#event-{s.slug}"))
            assert a.get_text() == spec.title
            assert archive.select_one(f"#event-{spec.slug}") is not None
        seen |= slugs
    assert seen == {s.slug for s in events}


def test_kinds_by_municipality_equal_the_event_files(after):
    events = specs(2026, COUNTS[2026])
    page = after.page("results/2026")
    table = page.select_one("table[aria-labelledby='results-kind-by-municipality']")
    assert page.select_one("#results-kind-by-municipality") is not None
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    assert header == ["Муниципальное образование", *KINDS, "Все виды"]
    expected = {m: [sum(s.municipality == m and s.kind == k for s in events) for k in KINDS]
                for m in municipalities() if any(s.municipality == m for s in events)}
    rows = {tr.th.get_text(strip=True): [int(td.get_text()) for td in tr.select("td")]
            for tr in table.select("tbody tr")}
    assert list(rows) == list(expected)  # in the list's order, only those with events
    assert rows == {m: [*counts, sum(counts)] for m, counts in expected.items()}
    totals = [int(td.get_text()) for td in table.select("tfoot td")]
    assert totals == [sum(s.kind == k for s in events) for k in KINDS] + [len(events)]


@pytest.mark.parametrize("slug", ["municipality", "kind", "day", "format"])
def test_each_chart_is_a_file_with_the_tables_numbers(after, slug):
    from xml.etree import ElementTree
    page = after.page("results/2026")
    link = page.select_one(f"a[href$='chart-{slug}-2026.svg']")
    assert link is not None and link["download"].endswith(".svg")
    assert link["download"].startswith("Мероприятия Недели качества 2026")
    path = after.site / "results" / f"chart-{slug}-2026.svg"
    assert (after.site / "results" / "2026" / link["href"]).resolve() == path.resolve()
    ns = {"svg": "http://www.w3.org/2000/svg"}
    svg = ElementTree.parse(path).getroot()
    # an accessible name: role img, labelled by its title and description
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "title desc"
    title = svg.find("svg:title", ns).text
    assert title == link["download"].removesuffix(".svg") and title in link.parent.get_text()
    texts = [t.text for t in svg.findall("svg:text", ns)][2:]  # after the title and the total
    drawn = {label: int(count) for label, count in zip(texts[::2], texts[1::2])}
    assert list(drawn.items()) == list(table_of(page, slug).items())  # the page's rows, in order
    desc = svg.find("svg:desc", ns).text
    assert all(f"{label}: {count}" in desc for label, count in drawn.items())
    assert f"Всего {sum(drawn.values())}" in desc.replace(NBSP, " ")


def test_printed_the_total_comes_once_at_the_end_of_each_table(browser, thirty):
    """Chromium repeats a table's footer at the foot of every printed page: «Всего» would
    read as a page's subtotal. Printed, each table's «Всего» appears once. On A5, so that
    tables surely run over page breaks whatever the region's list."""
    page_html = thirty.page("results/2026")
    totals = len(page_html.select("article tfoot"))
    in_text = page_html.select_one("article").get_text().count("Всего")
    assert totals == 5 and in_text == totals  # the only «Всего» on the page are the tables'
    with serve(thirty.site) as url, reader(browser, "desktop") as session:
        session.page.goto(url + "results/2026/")
        session.page.emulate_media(media="print")
        printed = PdfReader(io.BytesIO(session.page.pdf(format="A5")))
    pages = [" ".join(p.extract_text().split()) for p in printed.pages]
    # some table runs over a page break, where a repeated footer would show: Chromium repeats
    # its header row on the next sheet
    headers = [" ".join(" ".join(th.get_text(" ") for th in table.select("thead th")[:2]).split())
               for table in page_html.select("article table")]
    spanning = [header for header in headers if sum(header in text for text in pages) > 1]
    assert spanning, "no table runs over a page break: the test shows nothing"
    assert sum(t.count("Всего") for t in pages) == totals


# -- a report for the ministry (issue 33) -------------------------------------------------------

THIRTY_TODAY = "2026-11-16"  # the Monday after 2026's week: the site shows 2027
SITE = "https://example.org/qw/"


@pytest.fixture(scope="module")
def thirty_project(tmp_path_factory):
    """30 events in 2026 and 5 in 2025."""
    project = copy_project(tmp_path_factory.mktemp("thirty") / "project")
    write_events(project, 2026, specs(2026, 30))
    write_events(project, 2025, specs(2025, 5))
    return project


@pytest.fixture(scope="module")
def thirty(thirty_project, tmp_path_factory):
    """The 30 events built after 2026's week, with a site address."""
    return _build(thirty_project, tmp_path_factory, "thirty-site", QUALITY_TODAY=THIRTY_TODAY,
                  QUALITY_SITE_URL=SITE)


@pytest.fixture(scope="module")
def thirty_printed(browser, thirty):
    """The 30 events' results page printed by Chromium on A4, as pypdf reads it."""
    with serve(thirty.site) as url, reader(browser, "desktop") as session:
        session.page.goto(url + "results/2026/")
        session.page.emulate_media(media="print")
        return PdfReader(io.BytesIO(session.page.pdf(format="A4")))


def test_results_page_prints_on_at_most_four_a4_pages(thirty_printed):
    assert len(thirty_printed.pages) <= 4
    text = " ".join(" ".join(p.extract_text().split()) for p in thirty_printed.pages)
    # everything is there, to the last section
    assert "Пресс-релиз" in text and "Как посчитано" in text


def invitation_years() -> set[int]:
    return {letter.year for letter in default_region().letters.values() if letter.invitation}


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_press_release_invites_only_in_a_year_with_a_letter(after, year):
    """A letter invites its own year's companies: 2026's release says nothing of 2023's."""
    ministry = site_facts().contacts.get("ministry")
    text = press_release(after, year)
    invited = year in invitation_years() and ministry is not None
    assert ("пригласило" in text) == invited, year
    if invited:
        assert f"пригласило {ministry.name}" in text


def held_on_quality_day(events) -> int:
    day = edition_dates(events[0].start_day.year).quality_day
    end = [e.end.date() if isinstance(e.end, datetime) else e.end for e in events]
    return sum(s.start_day <= day <= last for s, last in zip(events, end))


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_quality_day_counts_the_events_held_that_day(after, year):
    """«На День качества пришлось N»: every event held that day, also the ones that began
    before it; the page and the press release say the same sentence."""
    events = specs(year, COUNTS[year])
    held = held_on_quality_day(events)
    text = press_release(after, year).replace("\n", " ")
    page = " ".join(after.page(f"results/{year}").select_one("article").get_text(" ").split())
    if not held:
        assert "пришлось" not in text and "пришлось" not in page
        return
    sentence = re.search(r"На День качества \([^)]*\) пришлось ([0-9]+)\xa0мероприяти\w* "
                         r"\(считаются все мероприятия, которые шли в этот день, в том числе "
                         r"начавшиеся раньше\)\.", text)
    assert sentence and int(sentence[1]) == held
    assert " ".join(sentence[0].split()) in page


def test_quality_day_counts_an_event_that_began_the_day_before():
    """The test data has one: 2026's event that runs over Quality Day from the day before."""
    events = specs(2026, COUNTS[2026])
    day = edition_dates(2026).quality_day
    assert held_on_quality_day(events) > sum(s.start_day == day for s in events)


def summary_sections(sheet) -> dict[str, list[tuple[str, int]]]:
    """The summary sheet's tables: {header: [(label, number)…, ("Всего", n)]}, read cell by cell."""
    rows = [row[:2] for row in sheet.iter_rows(values_only=True)]
    sections, current = {}, None
    for label, value in rows:
        if value == "Мероприятий":
            current = sections.setdefault(label, [])
        elif current is not None and label is not None:
            current.append((label, value))
            if label == "Всего":
                current = None
    return sections


@pytest.mark.parametrize("build_name, year", [("after", 2023), ("after", 2026), ("thirty", 2026),
                                              ("thirty", 2025)])
def test_workbook_summary_equals_the_results_page(request, build_name, year):
    build = request.getfixturevalue(build_name)
    page = build.page(f"results/{year}")
    workbook = openpyxl.load_workbook(build.site / "events" / f"{year}.xlsx")
    assert workbook.sheetnames[0].startswith("Мероприятия")  # the list stays the first sheet
    sheet = workbook[f"Итоги {year}"]
    cells = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
    figures = [int(li.strong.get_text()) for li in page.select("ul.qw-results-figures li")]
    assert [cells["Мероприятий"], cells["Организаторов"],
            cells["Муниципальных образований, где прошли мероприятия"]] == figures
    assert str(cells["Муниципальных образований в списке сайта"]) in page.select(
        "ul.qw-results-figures li")[2].get_text()
    sections = summary_sections(sheet)
    for slug in ("municipality", "kind", "day", "format"):
        table = page.select_one(f"table[aria-labelledby='results-{slug}']")
        header = table.select_one("thead th").get_text(strip=True)
        *rows, (total_label, total) = sections[header]
        assert rows == list(table_of(page, slug).items()), slug
        assert total_label == "Всего" and total == int(table.select_one("tfoot td").get_text())
    # the Quality Day figure is the page's sentence's
    said = re.search(r"пришлось ([0-9]+)", page.select_one("article").get_text())
    assert cells.get("Мероприятий в День качества, считая начавшиеся раньше") == (
        int(said[1]) if said else None)
    # the results page's address: absolute with a site address, else not written at all
    if build_name == "thirty":
        assert cells["Страница на сайте"] == f"{SITE}results/{year}/"
    else:
        assert "Страница на сайте" not in cells


def test_before_the_week_the_workbook_has_no_summary(before):
    assert openpyxl.load_workbook(before.site / "events" / "2026.xlsx").sheetnames == [
        "Мероприятия 2026"]


@pytest.mark.parametrize("slug", ["municipality", "kind", "day", "format"])
def test_every_chart_has_a_png_beside_the_svg(thirty, slug):
    from xml.etree import ElementTree

    from PIL import Image
    page = thirty.page("results/2026")
    link = page.select_one(f"a[href$='chart-{slug}-2026.png']")
    assert link is not None and link["download"].endswith(".png")
    png = thirty.site / "results" / f"chart-{slug}-2026.png"
    assert (thirty.site / "results" / "2026" / link["href"]).resolve() == png.resolve()
    svg = ElementTree.parse(png.with_suffix(".svg")).getroot()
    with Image.open(png) as image:
        assert image.format == "PNG"
        # twice the SVG's size: sharp in a printed report
        assert image.size == (2 * int(svg.get("width")), 2 * int(svg.get("height")))
        image.load()
        assert len(image.getcolors(256) or range(257)) > 2  # drawn, not blank


@pytest.mark.parametrize("year, count", [(2025, 5), (2026, 30)])
def test_municipality_chart_folds_the_municipalities_without_events(thirty, year, count):
    """By count, largest first; the municipalities without events one line (2025's 5 events
    leave some without; 2026's 30 may reach every one, and then there is no such line)."""
    from xml.etree import ElementTree
    events = specs(year, count)
    by_place = Counter(s.municipality for s in events)
    zeros = sum(1 for m in municipalities() if not by_place[m])
    if year == 2025:
        assert zeros  # the test data leaves some without events
    svg = ElementTree.parse(thirty.site / "results" / f"chart-municipality-{year}.svg").getroot()
    texts = [t.text for t in svg.findall("{http://www.w3.org/2000/svg}text")][2:]
    assert len(texts) // 2 == len(by_place) + bool(zeros)
    if zeros:
        assert texts[-2].startswith(f"ещё {zeros}{NBSP}")
        assert texts[-2].endswith("без мероприятий") and texts[-1] == "0"
    counts = [int(n) for n in texts[1:len(by_place) * 2:2]]
    assert counts == sorted(counts, reverse=True) and 0 not in counts
    assert_municipalities(thirty.page(f"results/{year}"), by_place)


def pandoc_text(path) -> str:
    """The document as pandoc (Debian's, a reader independent of python-docx) reads it."""
    import shutil
    import subprocess
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc not found: apt-get install -y pandoc")
    result = subprocess.run(["pandoc", "--from=docx", "--to=plain", "--wrap=none", str(path)],
                            capture_output=True, text=True, check=True, timeout=60)
    return result.stdout


@pytest.mark.parametrize("build_name, year", [("thirty", 2026), ("after", 2023)])
def test_press_release_document_reads_back_with_its_figures(request, build_name, year):
    build = request.getfixturevalue(build_name)
    text = " ".join(pandoc_text(build.site / "results" / f"press-release-{year}.docx").split())
    release = press_release(build, year)
    for paragraph in release.split("\n\n"):  # the .txt's every paragraph, figures and all
        assert " ".join(paragraph.split()) in text
    # dated the build's day, in words
    built = date.fromisoformat(THIRTY_TODAY if build_name == "thirty" else AFTER_2026)
    assert f"Пресс-релиз, {built.day} ноября {built.year} г." in text
    ministry = site_facts().contacts.get("ministry")
    published = [v for v in (ministry.address, ministry.phone, ministry.email,
                             ministry.site) if v] if ministry else []
    for value in published:
        assert " ".join(value.split()) in text
    assert ("Контакты" in text) == bool(published)
    # linked from the results page
    link = build.page(f"results/{year}").select_one(f"a[href$='press-release-{year}.docx']")
    assert link is not None and link["download"].endswith(".docx")


def test_press_release_document_without_published_contacts_has_none(tmp_path):
    """A ministry that published no contacts: the document has no «Контакты» block."""
    from qualityweek.inputs.facts import Organization
    from qualityweek.outputs.press_release import PressRelease
    from qualityweek.outputs.press_release_doc import press_release_docx
    ministry = Organization(name="Министерство", short_name="министерство", source="x.md")
    path = tmp_path / "release.docx"
    path.write_bytes(press_release_docx(PressRelease("press-release", "Пресс-релиз",
                                                     "Итоги\n\nПровели 3 мероприятия."),
                                        written=date(2026, 11, 20), ministry=ministry))
    text = pandoc_text(path)
    assert "Провели 3 мероприятия." in text and "Контакты" not in text


def test_no_countdown_on_another_editions_pages(after):
    """Built after 2026's week the site shows 2027: the countdown speaks of 2027, so it is on
    2027's pages and pages of no edition, not on 2026's results or archive page."""
    assert after.page().select_one("[data-qw-countdown]")["data-year"] == "2027"
    assert after.page("results/2027").select_one("[data-qw-countdown]") is not None
    for path in ("results/2026", "archive/2026", "results/2025", "archive/2025"):
        page = after.page(path)
        assert page.select_one("[data-qw-countdown]") is None, path
        assert page.select_one(".md-banner") is None, path  # no empty banner either
