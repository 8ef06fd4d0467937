"""«Предложить мероприятие» (issues 11 and 15): the form in a real browser on a phone refuses what
the build refuses, under the same rule and in the same words (the field's label, dates and
characters in words, never a key or a code point); one tap hands a real event to the ministry;
the file it writes builds into the events page and the calendar."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import fill_form, reader
from bs4 import BeautifulSoup
from building import build_site, serve
from fixtures import default_region, events_folder, region_places
from test_accessibility import blocking

from qualityweek.core.event_messages import FIELD_WORDS
from qualityweek.core.typography import russian_quotes
from qualityweek.inputs.events import FIELDS, EventsError, EventSource, parse_event
from qualityweek.outputs.event_rules import MAILTO_LENGTH, slug_for

TODAY = "2026-11-28"  # shown edition 2027
REPO = "https://github.com/example/quality-week"
REGION = default_region()
# a region that has not published its ministry's e-mail yet (the form then offers copying and
# a file; test_region.py checks that) is tested here with an address in a copy of its folder
MINISTRY = REGION.data.ministry.email or "ministry@example.org"
CITY = REGION.municipalities[0]  # «город …», the region's centre
# another town of the list, whose address names it
TOWN = next(m for m in REGION.municipalities if m.startswith("город ") and m != CITY)
DISTRICT = region_places(REGION.municipalities).district
VALID = {
    "title": "День открытых дверей на заводе",
    "organizer": "ООО «Пример»",
    "municipality": CITY,
    "kind": "конкурс «Лидер качества»",
    "start": "2027-11-11", "start-time": "10:00",
    "end": "2027-11-11", "end-time": "13:00",
    "format": "очно",
    "address": f"г. {CITY.removeprefix('город ')}, ул. Примерная, д. 1",
    "url": "https://example.org/den-kachestva",
    "contact": "+7 (4012) 00-00-00",
    "description": "Покажем лабораторию и склад.\n\n- участок сборки\n- **склад**\n\n"
                   "Запись: <info@example.org>.",
}

# One row per typical mistake: the valid event with some fields changed ("" empties a field),
# and the rule the row breaks (None: the row is valid).
ROWS = {
    "valid": ({}, None),
    "valid online, dates only, bare": ({"format": "онлайн", "address": "", "start-time": "",
                                        "end-time": "", "contact": "", "description": ""}, None),
    "title missing": ({"title": ""}, "missing"),
    "organizer missing": ({"organizer": ""}, "missing"),
    "kind not chosen": ({"kind": ""}, "missing"),
    "start missing": ({"start": "", "start-time": ""}, "missing"),
    "title too long": ({"title": "Д" * 201}, "too_long"),
    "title of emoji only": ({"title": "🎉🎉🎉"}, "no_letters"),
    "organizer of dashes only": ({"organizer": "— — —"}, "no_letters"),
    "organizer with a bidi override": ({"organizer": "ООО\u202eПример"}, "character"),
    "title with a tab": ({"title": "День\tоткрытых дверей"}, "character"),
    "title with a noncharacter": ({"title": "Завод\uffff"}, "character"),
    "start in October": ({"start": "2027-10-30"}, "not_november"),
    "end in December": ({"end": "2027-12-03", "end-time": ""}, "not_november"),
    "end in another year": ({"end": "2026-11-11"}, "not_november"),
    "end before start": ({"end-time": "09:00"}, "end_before_start"),
    "address missing for «очно»": ({"address": ""}, "address_needed"),
    "address missing for «гибрид»": ({"address": "", "format": "гибрид"}, "address_needed"),
    "address too long": ({"address": "а" * 501}, "too_long"),
    "url http": ({"url": "http://example.org/"}, "url_http"),
    "url missing": ({"url": ""}, None),  # optional: an open day may have no page (issue 33)
    "url with a user": ({"url": "https://user@example.org/"}, "url_user"),
    "url without a dot": ({"url": "https://example/"}, "url_host"),
    "url with a space": ({"url": "https://exa mple.org/"}, "url_characters"),
    "url not absolute": ({"url": "example.org"}, "url_relative"),
    "url with a fullwidth slash in the host": ({"url": "https://example.org\uff0fx"},
                                               "url_unreadable"),
    "url with an IP literal": ({"url": "https://[::1]/"}, "url_unreadable"),
    # issue 34: look-alike site names, invisible characters in names
    "url with a fraction slash in the host": ({"url": "https://rskrf.ru\u2044login.evil.example/"},
                                              "url_lookalike"),
    "url with a Cyrillic letter in a Latin name": ({"url": "https://\u0430pple.com/"},
                                                   "url_lookalike"),
    "url of Cyrillic letters that look Latin": ({"url": "https://\u0441\u043e\u0441\u043e.com/"},
                                                "url_lookalike"),
    "valid url in Cyrillic": ({"url": "https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/"},
                              None),
    "description with a look-alike link": ({"description": "Запись: www.\u0430pple.com."},
                                           "url_lookalike"),
    "organizer with a soft hyphen": ({"organizer": "ООО «При\u00adмер»"}, "character"),
    "organizer with a word joiner": ({"organizer": "ООО «При\u2060мер»"}, "character"),
    "title with a variation selector": ({"title": "День\ufe0f открытых дверей"}, "character"),
    "valid description in Python's whitespace": ({"description": "\x85\x1fтекст\x1f\u3000"},
                                                  None),
    "contact too long": ({"contact": "7" * 501}, "too_long"),
    "description too long": ({"description": "слово " * 900}, "too_long"),
    "description with a pasted ESC": ({"description": "текст \x1b[31m"}, "character"),
    "description with many links": ({"description": "[x]" * 101}, "brackets"),
    "description nested too deep": ({"description": "- " * 9 + "пункт"}, "nesting"),
    "valid with values YAML would read otherwise": ({"title": "no: 10:00 # [a] &x *y",
                                                     "contact": "~"}, None),
}


@pytest.fixture(scope="module")
def propose_site(tmp_path_factory):
    # the fixture region publishes its ministry's e-mail: the form hands the proposal over
    assert REGION.data.ministry.email == MINISTRY
    build = build_site(tmp_path_factory.mktemp("propose") / "site", QUALITY_TODAY=TODAY,
                       QUALITY_REPO_URL=REPO)
    assert build.result.returncode == 0, build.output
    with serve(build.site) as url:
        yield build, url


@pytest.fixture(scope="module")
def phone(browser, propose_site):
    with reader(browser, "phone") as session:
        session.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        yield session


def open_form(page, url: str) -> None:
    page.goto(url + "propose/")
    page.wait_for_selector("form[data-qw-form]:not([hidden])")


def fill(page, url: str, values: dict) -> None:
    open_form(page, url)
    fill_form(page, values)


def set_values(page, url: str, values: dict) -> None:
    """A fresh form with `values` set as `fill` sets them (each field's value, then its input
    and change events), in one call: the table of rows below checks the form's rules, not
    typing, and this is a tenth of `fill`'s time."""
    open_form(page, url)
    page.evaluate("""values => {
        for (const [name, value] of Object.entries(values)) {
          const field = document.querySelector(`form [name='${name}']`);
          field.value = value;
          if (field.value !== value) throw new Error(`${name}: no option ${value}`);
          for (const kind of ["input", "change"]) {
            field.dispatchEvent(new Event(kind, {bubbles: true}));
          }
        }
    }""", values)


def paste(page, name: str, text: str) -> None:
    """Paste as a person does: the text on the clipboard, Ctrl+V in the field."""
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    page.locator(f"form [name='{name}']").fill("")
    page.locator(f"form [name='{name}']").focus()
    page.keyboard.press("Control+V")


def shown_errors(page) -> dict:
    """{field: (rule, message)} of the messages shown beside the fields."""
    return {box.get_attribute("data-qw-error-for"): (box.get_attribute("data-qw-rule"),
                                                     box.inner_text())
            for box in page.locator("[data-qw-error-for]").all() if box.is_visible()}


def form_verdict(page) -> tuple[dict, str, str]:
    """({field: (rule, message)} shown after the first tap on «Скопировать текст», the event
    file, its path)."""
    page.locator("[data-qw-copy-proposal]").click()
    return shown_errors(page), page.locator("[name='event-file']").input_value(), \
        page.locator("[data-qw-path]").text_content()


def build_verdict(text: str, path: str) -> dict:
    """{field: (rule, message)} as the build gives them for this file (the message after the
    file name and the key)."""
    source = EventSource(Path(path), path, 2027, Path(path).stem)
    municipalities = REGION.municipalities
    try:
        parse_event(text, source, municipalities)
    except EventsError as error:
        found = {}
        lines = str(error).splitlines()
        for (field, rule), line in zip(error.broken, lines):
            key = "описание" if field == "description" else f"поле «{field}»"
            if rule == "missing":  # editors read «не заполнено» first (issue 16)
                key += " не заполнено"
            assert line.startswith(f"{path}, {key}: "), line  # the file and the key, for editors
            found.setdefault(field, (rule, line.removeprefix(f"{path}, {key}: ")))
        return found
    return {}


@pytest.mark.parametrize("row", ROWS)
def test_form_and_build_refuse_alike_in_the_forms_words(phone, propose_site, row):
    changes, rule = ROWS[row]
    set_values(phone.page, propose_site[1], {**VALID, **changes})
    errors, text, path = form_verdict(phone.page)
    assert errors == build_verdict(text, path)
    assert ({r for r, _ in errors.values()} == {rule}) if rule else errors == {}
    for field, (_, message) in errors.items():
        assert FIELD_WORDS[field].label.lower()[:-1] in message.lower(), message
        assert not re.search(r"U\+[0-9A-F]{4}|\\x[0-9a-f]{2}|«[a-z_]+»", message), message
        assert not re.search(r"\d{4}-\d{2}-\d{2}", message), message  # dates in words
    assert not phone.errors, phone.errors


def test_every_problem_shows_at_once_with_a_summary_that_links_to_each_field(phone,
                                                                             propose_site):
    page = phone.page
    open_form(page, propose_site[1])
    page.locator("[name='title']").focus()
    page.keyboard.press("Tab")  # tabbing past an empty field is not a mistake yet
    page.keyboard.press("Tab")
    assert shown_errors(page) == {}
    assert page.locator(".qw-form__field--error, form [aria-invalid]").count() == 0
    page.locator("[name='url']").fill("http://example.org")
    page.locator("[name='url']").dispatch_event("change")  # changed: its message shows now
    assert list(shown_errors(page)) == ["url"]
    assert page.locator(".qw-form__field--error").count() == 1
    page.locator("[data-qw-send]").click()
    summary = page.locator("[data-qw-summary]")
    assert summary.is_visible() and summary.evaluate("el => el === document.activeElement")
    errors = shown_errors(page)
    assert set(errors) == {"title", "organizer", "municipality", "kind", "start", "end",
                           "format", "url"}
    links = summary.locator("a")
    assert [a.inner_text() for a in links.all()] == [m for _, m in errors.values()]
    for name in errors:
        control = page.locator(f"#qw-{name}")
        assert control.get_attribute("aria-invalid") == "true"
        assert f"{name}-error" in control.get_attribute("aria-describedby").split()
    links.nth(1).click()
    assert page.evaluate("document.activeElement.id") == "qw-organizer"


REALISTIC_DESCRIPTION = (
    "Приглашаем жителей города и партнёров на молочный завод. За полтора часа покажем, "
    "как молоко проходит путь от приёмки до прилавка, и ответим на вопросы о составе продукции."
    "\r\nВы увидите:\r\n•\tприёмку сырья и лабораторию входного контроля\r\n•\tцех розлива и "
    "упаковки\r\n•\tсклад готовой продукции\r\n"
    "Подробности и запись: https://example.ru/ekskursii\r\n"
    "Группы до 15 человек, возраст от 12 лет. Возьмите удобную обувь; халаты и бахилы выдадим. "
    "Фото- и видеосъёмка на производстве разрешена только в зоне дегустации. После экскурсии — "
    "дегустация новых йогуртов и розыгрыш призов среди участников. Вход свободный, но "
    "записаться нужно заранее: в субботу мест больше, в будни — меньше."
)
REALISTIC = {
    **VALID, "municipality": TOWN, "kind": "день открытых дверей, экскурсия на "
    "производство", "address": f"г. {TOWN.removeprefix('город ')}, ул. Производственная, д. 7",
    "url": "https://example.ru/den-otkrytyh-dverey", "contact": "+7 (83361) 4-00-00, Ирина",
    "description": "",
}
PASTED_TITLE = "День открытых дверей “Наше мо\u00adлоко: без секретов”"


def test_a_real_event_reaches_the_ministry_in_one_tap(phone, propose_site, project_copy,
                                                      tmp_path):
    page = phone.page
    fill(page, propose_site[1], {k: v for k, v in REALISTIC.items() if k != "title"})
    paste(page, "title", PASTED_TITLE)
    paste(page, "description", REALISTIC_DESCRIPTION)
    # the form shows what it cleaned: «ёлочки», no soft hyphen, the bullets as a list
    title = page.locator("form [name='title']").input_value()
    assert title == "День открытых дверей «Наше молоко: без секретов»"
    description = page.locator("form [name='description']").input_value()
    assert "\n\n- приёмку сырья" in description and "\n- склад готовой продукции\n\n" in description
    assert 650 <= len(description) <= 800
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.locator("[data-qw-send]").click()
    href = page.locator("[data-qw-send]").get_attribute("href")
    assert len(href) <= MAILTO_LENGTH
    mail = urlsplit(href)
    query = parse_qs(mail.query)
    assert mail.scheme == "mailto" and mail.path == MINISTRY
    assert query["subject"] == [f"Мероприятие Недели качества: {title}, 11 ноября 2027 г."]
    file_text = page.locator("[name='event-file']").input_value()
    status = page.locator("[data-qw-status]")
    if file_text in query["body"][0]:
        assert "Открываем письмо" in status.inner_text()
    else:  # too long for a mail link: it went to the clipboard, and the body says to paste
        assert "Ctrl+V" in query["body"][0] and "\n" not in query["body"][0]
        clipboard = page.evaluate("navigator.clipboard.readText()")
        assert file_text in clipboard and clipboard.startswith("Предлагаем мероприятие")
        assert "вставьте его" in status.inner_text()
    assert not downloads
    box, viewport = status.bounding_box(), page.viewport_size
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]
    # the file, dropped into the events folder, builds into a card that reads right
    path = page.locator("[data-qw-path]").text_content()
    (project_copy / path).parent.mkdir(parents=True, exist_ok=True)
    (project_copy / path).write_text(file_text, encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY=TODAY)
    assert build.result.returncode == 0, build.output
    card = build.page("events").select_one(f"#event-{Path(path).stem}")
    assert card.select_one("h3, h4").get_text() == title
    items = [li.get_text() for li in card.select(".qw-event__description ul li")]
    assert items == ["приёмку сырья и лабораторию входного контроля", "цех розлива и упаковки",
                     "склад готовой продукции"]
    assert card.select_one(".qw-event__description a[href='https://example.ru/ekskursii']")
    assert card.select_one("a[href^='tel:']") is not None
    assert REGION.time_label in card.get_text() and card.select_one("time[datetime]") is not None
    # the subscription: the edition's own file has its dates alone (issue 33)
    ics = (build.site / "calendar" / "quality-week.ics").read_text(encoding="utf-8")
    assert f"DTSTART;TZID={REGION.timezone}:20271111T100000" in ics
    assert not phone.errors, phone.errors


def test_a_short_proposal_goes_in_the_mail_body_or_by_the_clipboard(phone, propose_site):
    """The letter and the file together are longer than a mail link carries in Cyrillic
    (each letter is six characters there): then the body asks to paste, and the clipboard
    holds the proposal."""
    fill(phone.page, propose_site[1], {**VALID, "title": "Экскурсия", "format": "онлайн",
                                       "address": "", "contact": "", "description": ""})
    phone.page.locator("[data-qw-send]").click()
    query = parse_qs(urlsplit(phone.page.locator("[data-qw-send]").get_attribute("href")).query)
    proposal = query["body"][0]
    if "Ctrl+V" in proposal:
        proposal = phone.page.evaluate("navigator.clipboard.readText()")
    assert proposal.startswith("Предлагаем мероприятие для сайта Недели качества 2027 года.\n\n"
                               "Название мероприятия: Экскурсия\n")
    assert proposal.endswith("\n\n" + phone.page.locator("[name='event-file']").input_value())


def test_copy_and_txt_carry_the_proposal(phone, propose_site):
    page = phone.page
    fill(page, propose_site[1], VALID)
    page.locator("[data-qw-copy-proposal]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(page.locator("[name='event-file']").input_value())
    with page.expect_download() as download:
        page.locator("[data-qw-save]").click()
    # a name in words, as the person will look for it among their downloads
    assert download.value.suggested_filename == f"Мероприятие Недели качества — {VALID['title']}.txt"
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert raw[3:].decode("utf-8").replace("\r\n", "\n") == copied


def test_the_github_link_carries_the_file(phone, propose_site):
    fill(phone.page, propose_site[1], VALID)
    _, text, path = form_verdict(phone.page)
    github = urlsplit(phone.page.locator("[data-qw-github]").get_attribute("href"))
    assert f"{github.scheme}://{github.netloc}{github.path}" == f"{REPO}/new/main"
    assert parse_qs(github.query) == {"filename": [path], "value": [text]}


def test_no_new_file_link_on_an_unknown_platform(browser, tmp_path):
    # gitlab.com and a GitLab chosen by QUALITY_REPO_KIND: tests/test_repository_links.py
    build = build_site(tmp_path / "site", QUALITY_TODAY=TODAY,
                       QUALITY_REPO_URL="https://git.example.org/example/quality-week")
    assert build.result.returncode == 0, build.output
    with serve(build.site) as url, reader(browser, "phone") as session:
        fill(session.page, url, VALID)
        assert not session.page.locator("[data-qw-github]").is_visible()


PREVIEWED = {
    "in person, the address names the town": {
        **VALID, "municipality": TOWN, "address": f"г. {TOWN.removeprefix('город ')}, ул. Мира, д. 1"},
    "online, from a time to the end of a day": {
        **VALID, "title": "Вебинар о качестве", "format": "онлайн", "address": "",
        "end": "2027-11-12", "end-time": "", "contact": "info@example.org"},
    "hybrid over three days without times": {
        **VALID, "title": "Выставка", "format": "гибрид", "start-time": "", "end-time": "",
        "end": "2027-11-13", "municipality": DISTRICT,
        "address": "д. Родичи, ул. Школьная, д. 2"},
}


def facts(card) -> list[tuple[str, str]]:
    """A card's rows as a reader reads them."""
    return [(dt.get_text(), re.sub(r"\s+", " ", dd.get_text()).strip())
            for dt, dd in zip(card.select("dt"), card.select("dd"))]


def test_the_preview_is_the_card(phone, propose_site, project_copy, tmp_path):
    """The preview shows what the events page will: the same rows, words and order."""
    from bs4 import BeautifulSoup
    page = phone.page
    previews = {}
    for name, values in PREVIEWED.items():
        fill(page, propose_site[1], values)
        errors, text, path = form_verdict(page)
        assert errors == {}, (name, errors)
        html = page.locator("[data-qw-preview]").inner_html()
        previews[Path(path).stem] = BeautifulSoup(html, "html.parser")
        (project_copy / path).parent.mkdir(parents=True, exist_ok=True)
        (project_copy / path).write_text(text, encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY=TODAY)
    assert build.result.returncode == 0, build.output
    events = build.page("events")
    for slug, preview in previews.items():
        card = events.select_one(f"#event-{slug}")
        assert facts(preview) == facts(card), slug
        assert preview.select_one(".qw-event__title").get_text() == card.select_one(
            ".qw-event__title").get_text()
        day = card.find_parent("section").find(re.compile("^h[2-6]$")).get_text()
        assert preview.select_one(".qw-preview__day").get_text() == day
    # the description's lists show as lists; the file and its name wait under «Для редактора»
    fill(page, propose_site[1], VALID)
    preview = page.locator("[data-qw-preview]")
    assert preview.locator("li").all_inner_texts() == ["участок сборки", "**склад**"]
    assert "---" not in preview.inner_text() and "title:" not in preview.inner_text()
    assert not page.locator("[name='event-file']").is_visible()
    page.locator("details.qw-form__editor summary").click()
    assert page.locator("[name='file-name']").is_visible()


@pytest.mark.parametrize("title", ["День открытых дверей", "Конкурс «Лидер качества» — 2027!",
                                   "Щука, ёж и юла " * 6, "!!!"])
def test_file_name_is_the_builds_transliteration(phone, propose_site, title):
    fill(phone.page, propose_site[1], {"title": title})
    assert phone.page.locator("[name='file-name']").input_value() == slug_for(title)


@pytest.mark.parametrize("title, name", [("При\u00adмер", "primer"), ("При\u2060мер", "primer"),
                                         ("Con", "con-meropriyatie"), ("NUL", "nul-meropriyatie")])
def test_the_file_name_skips_invisible_letters_and_windows_device_names(phone, propose_site,
                                                                        title, name):
    """A typed soft hyphen is no word break (not «pri-mer»); «con» is a device on Windows."""
    fill(phone.page, propose_site[1], {"title": title})
    assert phone.page.locator("[name='file-name']").input_value() == name == slug_for(title)


def test_a_windows_device_name_is_refused_as_the_file_name(phone, propose_site):
    fill(phone.page, propose_site[1], VALID)
    phone.page.locator("details.qw-form__editor summary").click()
    phone.page.locator("[name='file-name']").fill("nul")
    errors, _, path = form_verdict(phone.page)
    assert path.endswith("/nul.md")
    assert "Windows" in errors["file-name"][1] and set(errors) == {"file-name"}


def test_rules_file_is_the_validators(propose_site):
    rules = json.loads((propose_site[0].site / "assets" / "event-rules.json").read_text(
        encoding="utf-8"))
    from qualityweek.inputs.events import FORMATS, KINDS, REQUIRED
    assert (rules["fields"], rules["required"], rules["kinds"], rules["formats"]) == (
        list(FIELDS), list(REQUIRED), list(KINDS), list(FORMATS))
    assert rules["municipalities"] == list(REGION.municipalities) and rules["first_day"] == "2027-11-01"
    assert rules["named"] == ["title", "organizer"]
    page = propose_site[0].page("propose")
    assert [o.get_text() for o in page.select("select[name=kind] option")][1:] == list(KINDS)


def test_without_script_the_page_says_how_to_send_an_event_by_mail(propose_site):
    build = propose_site[0]
    page = build.page("propose")
    assert page.select_one("form[data-qw-form]").has_attr("hidden")
    fallback = page.select_one("[data-qw-fallback]")
    assert not fallback.has_attr("hidden")
    text = fallback.get_text(" ")
    mail = urlsplit(fallback.select_one(f"a[href^='mailto:{MINISTRY}']")["href"])
    assert mail.path == MINISTRY  # the subject the text asks for is in the link
    assert parse_qs(mail.query)["subject"] == ["Мероприятие Недели качества"]
    assert "«Мероприятие Недели качества»" in text
    labels = [li.find("strong").get_text() for li in fallback.select(":scope > ul > li")]
    assert labels == [FIELD_WORDS[name].label for name in [*FIELDS, "description"]]
    from qualityweek.inputs.events import FORMATS, KINDS
    municipalities = REGION.municipalities
    for value in [*KINDS, *FORMATS, *municipalities]:
        assert value in text, value
    assert not re.search(r"\b(?:title|organizer|url|municipality)\b", text)
    assert "скрипт" not in page.select_one("article").get_text()
    # neither the no-script part nor the form's lists are found by search
    assert fallback.has_attr("data-search-exclude")
    assert page.select_one("form[data-qw-form]").has_attr("data-search-exclude")
    index = json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    propose_text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("propose"))
    assert DISTRICT not in propose_text and "Название мероприятия" not in propose_text


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_form_with_its_error_summary_has_no_serious_violations(browser, propose_site, viewport):
    with reader(browser, viewport) as session:
        fill(session.page, propose_site[1], {**VALID, "title": "", "url": "http://x",
                                             "address": ""})
        session.page.locator("[data-qw-send]").click()
        assert session.page.locator("[data-qw-summary]").is_visible()
        assert set(shown_errors(session.page)) == {"title", "url", "address"}
        assert not blocking(Axe().run(session.page).response)
        assert not session.foreign_requests(propose_site[1])


def test_without_script_the_page_has_no_serious_violations(browser, propose_site):
    """The page as it stays without the form's script (blocked here: axe itself is a script)."""
    with reader(browser, "phone") as session:
        page = session.page
        page.route("**/propose-event.js", lambda route: route.abort())
        page.goto(propose_site[1] + "propose/")
        assert page.locator("[data-qw-fallback]").is_visible()
        assert not page.locator("form[data-qw-form]").is_visible()
        assert not blocking(Axe().run(page).response)


def test_pages_point_to_the_form(propose_site, site_after_2026):
    build = propose_site[0]
    for page in ("events", "participate"):
        hrefs = [a["href"] for a in build.page(page).select("article a")]
        assert any(h.rstrip("/").endswith("propose") for h in hrefs), page


TRICKY = ["Экскурсия в цех #2", "'кавычка", '"двойная" кавычка', "обратная \\ черта", "поле: значение", "текст #тег",
          "- дефис в начале", "[скобки]", "{фигурные}", "&якорь", "*звёздочка", "!тег", "%процент",
          "@собака", "`код`", "|черта", ">больше", "null", "~ тильда", "yes", "0123", "10:00",
          "неразрывный\u00a0пробел и ёлочки «»", "эмодзи 😀 в названии", "конец двоеточием:"]


def test_any_typed_title_reaches_the_build_as_typed(phone, propose_site):
    """The file is valid by construction: YAML reads back exactly what the reader typed.
    The form is filled once; then, as a person correcting it would, only the title and the
    organizer are typed over before each tap."""
    municipalities = REGION.municipalities
    fill(phone.page, propose_site[1], VALID)
    for title in TRICKY:
        for name in ("title", "organizer"):
            phone.page.locator(f"form [name='{name}']").fill(title)
        errors, text, path = form_verdict(phone.page)
        assert errors == {}, (title, errors)
        event = parse_event(text, EventSource(Path(path), path, 2027, Path(path).stem), municipalities)
        # typed pairs of quotes become «ёлочки» (as pasted ones do); nothing else changes
        assert (event.title, event.organizer) == (russian_quotes(title),) * 2, text


def split_proposal(proposal: str, path: str) -> tuple[str, str]:
    """(the letter a person reads, the editor's file under the editor's line)."""
    line = next(x for x in proposal.split("\n") if x.startswith("Для редактора сайта"))
    assert path in line and "без изменений" in line
    letter, _, block = proposal.partition(line)
    return letter, block.removeprefix("\n\n")


def test_the_proposal_reads_as_a_letter_and_ends_with_the_editors_file(phone, propose_site,
                                                                        project_copy, tmp_path):
    """Issue 24: the ministry reads a letter in the form's words (labels, dates in words, the
    zone as the rules name it); the editor's file follows, marked, and builds as it is into the
    card the preview showed."""
    page = phone.page
    values = {**VALID, "description": VALID["description"] + "\n\n---\n\nПосле черты."}
    fill(page, propose_site[1], values)
    errors, file_text, path = form_verdict(page)
    assert errors == {}
    preview = facts(BeautifulSoup(page.locator("[data-qw-preview]").inner_html(), "html.parser"))
    proposal = page.evaluate("navigator.clipboard.readText()")
    letter, block = split_proposal(proposal, path)
    assert block == file_text
    rules = json.loads((propose_site[0].site / "assets" / "event-rules.json").read_text("utf-8"))
    plain = letter.replace("\u00a0", " ")
    assert f"Начало: 11 ноября 2027 г., 10:00 {rules['zone_label']}\n" in plain
    assert f"Конец: 11 ноября 2027 г., 13:00 {rules['zone_label']}\n" in plain
    for name in FIELDS:
        assert f"{FIELD_WORDS[name].label}: " in letter, name
        assert not re.search(rf"^{name}:", letter, re.M), name  # no file key
    assert f"{FIELD_WORDS['description'].label}:\n" in letter and "После черты." in letter
    assert not re.search(r"\d{4}-\d{2}-\d{2}", letter)  # no ISO date
    assert "---" not in letter
    # the block, saved unchanged by the editor, builds (--strict) into the previewed card
    (project_copy / path).parent.mkdir(parents=True, exist_ok=True)
    (project_copy / path).write_text(block, encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY=TODAY)
    assert build.result.returncode == 0, build.output
    assert facts(build.page("events").select_one(f"#event-{Path(path).stem}")) == preview
    assert not phone.errors, phone.errors


def test_labels_say_when_a_field_may_stay_empty(propose_site):
    page = propose_site[0].page("propose")
    address = page.select_one("label[for=qw-address]").get_text(" ", strip=True)
    assert address == "Адрес проведения (обязательно для формата «очно» и «гибрид»)"
    from qualityweek.inputs.events import IN_PERSON
    assert all(f"«{f}»" in address for f in IN_PERSON)
    contact = page.select_one("[data-qw-field=contact]").get_text(" ", strip=True)
    assert contact.count("необязательно") == 1, contact


def test_typed_straight_quotes_become_guillemets_in_the_form(phone, propose_site):
    page = phone.page
    fill(page, propose_site[1], {**VALID, "organizer": ""})
    page.locator("form [name='organizer']").press_sequentially('ООО "Пример"')
    page.keyboard.press("Tab")
    assert page.locator("form [name='organizer']").input_value() == "ООО «Пример»"
    assert "organizer: ООО «Пример»" in page.locator("[name='event-file']").input_value()
    assert "ООО «Пример»" in page.locator("[data-qw-preview]").inner_text()


def test_an_editors_straight_quotes_reach_cards_calendar_and_tables_as_guillemets(
        project_copy, tmp_path):
    """An editor who types the file by hand: the build turns the quotes (fields.Name), so the
    card, the .ics and the tables show one spelling."""
    municipality = REGION.municipalities[0]
    folder = events_folder(project_copy) / "2027"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kavychki.md").write_text(
        f"---\ntitle: 'Конкурс \"Лучший цех\"'\norganizer: 'ООО \"Пример\"'\n"
        f"municipality: {municipality}\nkind: {VALID['kind']}\nstart: 2027-11-11\n"
        "end: 2027-11-11\nformat: онлайн\nurl: https://example.org/\n---\n", encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY=TODAY)
    assert build.result.returncode == 0, build.output
    card = build.page("events").select_one("#event-kavychki")
    assert card.select_one(".qw-event__title").get_text() == "Конкурс «Лучший цех»"
    assert "ООО «Пример»" in card.get_text() and '"' not in card.get_text()
    # the subscription: the edition's own file has its dates alone (issue 33)
    ics = (build.site / "calendar" / "quality-week.ics").read_text(encoding="utf-8")
    assert "Конкурс «Лучший цех»" in ics and '"Пример"' not in ics and '"Лучший' not in ics
    csv = (build.site / "events" / "2027.csv").read_text(encoding="utf-8-sig")
    assert "ООО «Пример»" in csv and '""Пример""' not in csv
