"""The editors' workflow: the CONTRIBUTING.md example event builds, the issue form asks for exactly
the front matter fields, edit links follow QUALITY_REPO_URL, the empty events page is honest."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from building import FIXTURE_REGIONS, ROOT, build_site, fixture_project
from qualityweek.tools.issue_form import FORM
from qualityweek.tools.issue_form import issue_form as fill_issue_form
from fixtures import default_region, events_folder, load_test_events
from site_files import html_files

from qualityweek.inputs.events import FIELDS, FORMATS, KINDS, REQUIRED

REPO = "https://github.com/example-org/quality-week"


def contributing_example() -> str:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- event-example:.*?-->\s*```markdown\n(.*?)```", text, re.S)
    assert match, "CONTRIBUTING.md: пример мероприятия (```markdown после event-example) не найден"
    return match[1]


def test_contributing_example_event_passes_validation_and_shows(tmp_path, project_copy):
    example = contributing_example()
    # the guide's example names a place of the repository's own region; a fork that runs for
    # another region checks the example's fields with its own centre in its place
    region = default_region()
    place = re.search(r"^municipality: (.*)$", example, re.M)[1]
    if place not in region.municipalities:
        centre = region.municipalities[0]
        example = example.replace(f"municipality: {place}", f"municipality: {centre}")
    start = re.search(r"^start: (\d{4})-", example, re.M)
    year = start[1]
    path = events_folder(project_copy) / year / "den-otkrytyh-dverey.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(example, encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR=year)
    assert build.result.returncode == 0, build.output
    article = build.page("events").select_one("#event-den-otkrytyh-dverey")
    assert article is not None
    front = yaml.safe_load(example.split("---")[1])
    assert article.select_one("h3").get_text() == front["title"]
    # the example shows every field an editor can write
    assert list(front) == list(FIELDS)


def issue_form() -> dict:
    """The issue form as the tool fills it in for the fixture region (that the repository's own
    form is up to date for its region is a deployment check: checks/)."""
    template = (ROOT / FORM).read_text(encoding="utf-8")
    return yaml.safe_load(fill_issue_form(template, default_region()))


def test_issue_form_fields_match_the_front_matter_schema():
    inputs = [item for item in issue_form()["body"] if item["type"] != "markdown"]
    ids = [item["id"] for item in inputs]
    assert ids == [*FIELDS, "description"]
    required = {item["id"] for item in inputs if item.get("validations", {}).get("required")}
    assert required == {*REQUIRED, "description"}
    options = {item["id"]: item["attributes"]["options"] for item in inputs
               if item["type"] == "dropdown"}
    assert options == {
        "kind": list(KINDS),
        "format": list(FORMATS),
        "municipality": list(default_region().municipalities),
    }


def test_municipalities_list_names_its_sources():
    # the fixture regions' files (the repository's own: checks/test_region_files.py)
    for folder in sorted(FIXTURE_REGIONS.glob("*/municipalities.yml")):
        data = yaml.safe_load(folder.read_text(encoding="utf-8"))
        assert data["sources"] and all(s.startswith("https://") for s in data["sources"])
        names = data["municipalities"]
        assert len(names) == len(set(names)) >= 2
    # the build's list is the file's, every name kept, in the file's order
    region = default_region()
    listed = yaml.safe_load((region.folder / "municipalities.yml").read_text(encoding="utf-8"))
    assert list(region.municipalities) == listed["municipalities"]


def test_pull_request_template_has_a_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5
    assert "qualityweek.tools.content_check" in text and "pytest" in text


# -- edit links and the repository -------------------------------------------------------------

@pytest.fixture(scope="module")
def site_with_repo(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("repo") / "site", QUALITY_TODAY="2026-11-28",
                       QUALITY_REPO_URL=REPO)
    assert build.result.returncode == 0, build.output
    return build


PAGES = {"": "index.md", "about": "about.md", "forum": "forum.md", "events": "events.md",
         "contacts": "contacts.md",
         "archive": "archive/index.md",
         # generated year pages: the shared template is what an editor changes
         "archive/2023": "templates/archive-edition.md"}


@pytest.mark.parametrize("path, source", PAGES.items(), ids=PAGES.values())
def test_every_page_has_an_edit_link_into_the_repository(site_with_repo, path, source):
    link = site_with_repo.page(path).select_one("a[rel=edit]")
    assert link is not None
    assert link["href"] == f"{REPO}/edit/main/docs/{source}"
    assert link["title"] == "Редактировать страницу"


def test_a_regions_letter_is_edited_in_the_region_folder(site_with_repo):
    region = default_region()
    for page in region.letters:
        link = site_with_repo.page(page.removesuffix(".md")).select_one("a[rel=edit]")
        assert link["href"] == f"{REPO}/edit/main/{region.label}/{page}"


def test_repository_widget_cannot_call_the_github_api(site_with_repo):
    for html in html_files(site_with_repo.site):
        text = html.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in text, html
        assert "api.github.com" not in text, html
    # Material's bundle fetches repository facts only for that component
    assert site_with_repo.page("").select_one("a.md-source")["href"] == REPO + "/"


def test_without_a_repository_there_are_no_edit_links(site_after_2026):
    for html in html_files(site_after_2026.site):
        text = html.read_text(encoding="utf-8")
        assert 'rel="edit"' not in text, html
        assert "md-source" not in text, html


def test_a_plain_http_repository_stops_the_build(tmp_path):
    build = build_site(tmp_path / "site", QUALITY_REPO_URL="http://github.com/x/y")
    assert build.result.returncode != 0
    assert "QUALITY_REPO_URL" in build.output and "https://" in build.output
    assert "Traceback" not in build.output


# -- the honest empty state --------------------------------------------------------------------

def test_events_page_lists_the_projects_events_or_says_there_are_none(site_after_2026):
    real = load_test_events(fixture_project())
    page = site_after_2026.page("events")
    shown = [a["id"] for a in page.select("article.qw-event")]
    assert shown == [e.anchor for e in real.get(2027, [])]
    assert ("Пока мероприятий нет" in site_after_2026.text("events")) == (not shown)


def test_events_page_without_events_says_so_and_points_to_the_ministry(tmp_path, project_copy):
    shutil.rmtree(events_folder(project_copy), ignore_errors=True)
    build = build_site(tmp_path / "site", project_copy, QUALITY_TODAY="2026-11-28")
    assert build.result.returncode == 0, build.output
    page, text = build.page("events"), build.text("events")
    assert "Пока мероприятий нет" in text
    assert "На Неделю качества 2027 года ещё никто не добавил мероприятие" in text
    assert page.select_one("article.qw-event") is None
    assert page.select_one("a[href='../contacts/#министерство']")


def test_empty_state_links_the_form_and_the_guide_when_the_repository_is_known(
        site_with_repo):
    page = site_with_repo.page("events")
    hrefs = [a["href"] for a in page.select("article a")]
    assert f"{REPO}/blob/main/CONTRIBUTING.md" in hrefs
    assert "../propose/" in hrefs  # «Предложить мероприятие», which also opens a GitHub file


def test_events_page_is_in_the_navigation(site_after_2026):
    nav = [a.get_text(strip=True) for a in site_after_2026.page("").select(".md-nav__link")]
    assert "Мероприятия в регионе" in nav
