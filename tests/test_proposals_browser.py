"""Who receives a proposed event, and what the pages promise (issue 33): the form accepts an
event without a page of its own; after «Отправить» it says what happens next and what to do when
no mail program opens; the pages promise a letter only to an address the region folder gives (the
site's editor in `proposals`, else the ministry's published e-mail), and none where there is
none; Material's «К началу» button never covers the form."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from browsing import fill_form, in_viewport, reader
from building import build_site, copy_project, serve
from fixtures import default_region, edit_region_file, site_facts

from qualityweek.outputs.event_rules import MAILTO_LENGTH

TODAY = "2026-11-05"  # the form proposes events of 2026
REGION = default_region()
MINISTRY_EMAIL = REGION.data.ministry.email or "ministry@example.org"
EDITOR = {"name": "редакция сайта Недели качества", "email": "editor@example.org"}
CITY = REGION.municipalities[0]
ROSKACHESTVO = site_facts().contacts["roskachestvo"].email
VALUES = {
    "title": "День открытых дверей в пекарне",
    "organizer": "ООО «Пекарня»",
    "municipality": CITY,
    "kind": "день открытых дверей, экскурсия на производство",
    "start": "2026-11-12", "start-time": "10:00",
    "end": "2026-11-12", "end-time": "13:00",
    "format": "очно",
    "address": f"г. {CITY.removeprefix('город ')}, ул. Примерная, д. 1",
    "contact": "+7 (4012) 00-00-00",
}
SHOTS = Path(tempfile.gettempdir()) / "qw-issue33-shots"
SHOTS.mkdir(exist_ok=True)


def _site(tmp_path_factory, name, change=None):
    project = copy_project(tmp_path_factory.mktemp(name) / "project")
    if change:
        edit_region_file(project, change)
    build = build_site(tmp_path_factory.mktemp(name + "-site") / "site", project,
                       QUALITY_TODAY=TODAY)
    assert build.result.returncode == 0, build.output
    return build


def with_ministry_email(data):
    data["ministry"]["email"] = MINISTRY_EMAIL
    data.pop("proposals", None)


def without_any_address(data):
    data["ministry"].pop("email", None)
    data.pop("proposals", None)


def with_editor(data):
    data["proposals"] = dict(EDITOR)


@pytest.fixture(scope="module")
def ministry_site(tmp_path_factory):
    return _site(tmp_path_factory, "ministry", with_ministry_email)


@pytest.fixture(scope="module")
def nobody_site(tmp_path_factory):
    return _site(tmp_path_factory, "nobody", without_any_address)


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory):
    return _site(tmp_path_factory, "editor", with_editor)


@pytest.fixture
def phone(browser):
    with reader(browser, "phone") as session:
        session.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        yield session.page
        assert not session.errors


# -- 4. no page of its own ----------------------------------------------------------------------

def settled_status(page) -> str:
    """The form's status line once written: the form writes it when the clipboard's promise
    settles, not on the click itself."""
    page.wait_for_function("document.querySelector('[data-qw-status]').textContent")
    return page.locator("[data-qw-status]").inner_text()


def test_the_form_accepts_an_event_without_a_page(ministry_site, phone):
    with serve(ministry_site.site) as url:
        phone.goto(url + "propose/")
        fill_form(phone, VALUES)  # «Страница мероприятия» left empty
        assert "необязательно" in phone.locator("label[for='qw-url']").inner_text()
        phone.get_by_role("button", name="Скопировать текст").click()
        assert phone.locator("[data-qw-summary]").is_hidden()
        assert settled_status(phone).startswith("Текст скопирован")
        text = phone.evaluate("navigator.clipboard.readText()")
        assert "url:" not in text and "Страница мероприятия" not in text


# -- 5. after «Отправить» -----------------------------------------------------------------------

def test_after_sending_the_page_says_what_happens_next(ministry_site, phone):
    with serve(ministry_site.site) as url:
        phone.goto(url + "propose/")
        long = "Покажем лабораторию, участок сборки и склад готовой продукции. " * 40
        fill_form(phone, {**VALUES, "description": long})
        send = phone.locator("[data-qw-send]")
        href = send.get_attribute("href")
        assert len(href) > MAILTO_LENGTH or "body=" in href
        body = parse_qs(urlsplit(href).query)["body"][0]
        # the whole proposal goes by the clipboard, and the letter says so
        assert body.startswith("Текст предложения скопирован")
        assert "Описание мероприятия скопировано" not in body
        phone.route("mailto:*", lambda route: route.abort())
        send.evaluate("a => a.addEventListener('click', e => e.preventDefault())")
        send.click()
        status = phone.locator("[data-qw-status]")
        assert settled_status(phone).startswith("Текст предложения скопирован")
        assert in_viewport(status)
        copied = phone.evaluate("navigator.clipboard.readText()")
        assert VALUES["title"] in copied and long.strip()[:60] in copied
        form = phone.locator("form[data-qw-form]").inner_text()
        ministry = REGION.data.ministry.short_name or REGION.data.ministry.name
        next_words = form.split("Что будет дальше", 1)[1]
        assert ministry[:1].upper() + ministry[1:] in next_words  # who checks it
        assert "не позже чем через сутки" in next_words  # how soon it appears
        assert "не открылась" in next_words and MINISTRY_EMAIL in next_words  # no mail program
        phone.locator("#qw-next-title").scroll_into_view_if_needed()
        phone.screenshot(path=str(SHOTS / "propose-next-steps.png"))


# -- 6. who receives it: the words match what the data allows -----------------------------------

PROMISES = ("письмом в министерство", "написать в министерство", "в министерство",
            "передайте", "Расскажите о нём министерству")


def test_without_an_address_no_page_promises_a_letter(nobody_site, phone):
    for page in ("events/", "propose/", "contacts/"):
        text = nobody_site.text(page)
        assert not [p for p in PROMISES if p in text], page
        # Roskachestvo's address (contacts) is theirs, not where proposals go
        assert not [a["href"] for a in nobody_site.page(page).select("article a[href^='mailto:']")
                    if ROSKACHESTVO not in a["href"]], page
    assert "не опубликован" in nobody_site.text("events/")
    with serve(nobody_site.site) as url:
        phone.goto(url + "propose/")
        fill_form(phone, VALUES)
        assert not phone.locator("[data-qw-send]").count()
        phone.get_by_role("button", name="Скопировать текст").click()
        status = settled_status(phone)
        assert "не опубликован" in status and "министерств" not in status
        form = phone.locator("form[data-qw-form]").inner_text()
        assert not [p for p in PROMISES if p in form]
        phone.locator("[data-qw-status]").scroll_into_view_if_needed()
        phone.screenshot(path=str(SHOTS / "propose-no-address.png"))


def test_the_editor_named_in_the_region_folder_receives_the_proposals(editor_site, phone):
    propose = editor_site.text("propose/")
    assert EDITOR["name"] in propose and "министерству" not in propose
    events = editor_site.text("events/")
    assert EDITOR["email"] in events and "в министерство" not in events
    contacts = editor_site.page("contacts/")
    assert contacts.select_one(f"article a[href='mailto:{EDITOR['email']}']")
    with serve(editor_site.site) as url:
        phone.goto(url + "propose/")
        fill_form(phone, {**VALUES, "description": "Покажем пекарню."})
        send = phone.locator("[data-qw-send]")
        assert send.inner_text() == "Отправить письмом"
        mail = urlsplit(send.get_attribute("href"))
        assert (mail.scheme, unquote(mail.path)) == ("mailto", EDITOR["email"])
        words = phone.locator("form[data-qw-form]").inner_text()
        assert EDITOR["email"] in words and EDITOR["name"] in words
        assert "в министерство" not in words
        phone.get_by_role("button", name="Скопировать текст").click()
        assert EDITOR["email"] in settled_status(phone)
        phone.locator("[data-qw-send]").scroll_into_view_if_needed()
        phone.screenshot(path=str(SHOTS / "propose-editor.png"))


@pytest.mark.parametrize("proposals, field", [
    ({"name": "редакция", "email": "не почта"}, "proposals.email"),
    ({"email": "editor@example.org"}, "proposals.name"),
    ({"name": "редакция", "email": "editor@example.org", "phone": "1"}, "proposals.phone"),
])
def test_a_bad_proposals_block_stops_the_build_naming_file_and_field(tmp_path, proposals, field):
    project = copy_project(tmp_path / "project")
    edit_region_file(project, lambda data: data.update(proposals=proposals))
    build = build_site(tmp_path / "site", project, QUALITY_TODAY=TODAY)
    assert build.result.returncode != 0
    assert "Traceback" not in build.output
    assert re.search(rf"{re.escape(REGION.label)}/region\.yml.*«{re.escape(field)}»",
                     build.output), build.output[-2000:]


# -- 7. «К началу» ------------------------------------------------------------------------------

def test_back_to_top_button_never_covers_the_form(ministry_site, phone):
    with serve(ministry_site.site) as url:
        phone.goto(url + "propose/")
        fill_form(phone, {"title": VALUES["title"]})
        phone.locator("#qw-description").scroll_into_view_if_needed()
        phone.mouse.wheel(0, 1500)
        phone.wait_for_timeout(300)
        phone.mouse.wheel(0, -400)  # scrolling up is when Material shows it
        phone.wait_for_timeout(500)
        assert not phone.locator(".md-top").is_visible()
