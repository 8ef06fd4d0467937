"""Repository links for the platform the repository lives on (issue 35): on GitLab (gitlab.com or
a ministry's own server, chosen by QUALITY_REPO_KIND) every «Редактировать страницу», «source»
and «new file» link of the built site has GitLab's shape; on an unknown platform the site links
the repository's front page only; a bad choice stops the build in one line."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browsing import reader
from building import build_site, copy_project, serve
from fixtures import default_region, edit_region_file
from site_files import html_files
from test_propose import TODAY, VALID, fill, form_verdict

from qualityweek.core.repository import GITHUB, GITLAB, Repository, kind_for
from qualityweek.inputs.settings import SettingsError, read_settings
from qualityweek.outputs.event_rules import RULES_PATH

GITLAB_REPO = "https://gitlab.example.ru/ministry/site"
UNKNOWN_REPO = "https://git.example.ru/ministry/site"


def repo_links(site, repo: str) -> list[str]:
    """Every href of the built HTML that leads into the repository."""
    found = []
    for html in html_files(site):
        found += [m for m in re.findall(r'href="([^"]*)"', html.read_text(encoding="utf-8"))
                  if m.startswith(repo)]
    return found


@pytest.fixture(scope="module")
def gitlab_site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("gitlab") / "site", QUALITY_TODAY=TODAY,
                       QUALITY_REPO_URL=GITLAB_REPO, QUALITY_REPO_KIND="gitlab")
    assert build.result.returncode == 0, build.output
    return build


# -- the pure rule -------------------------------------------------------------------------------

@pytest.mark.parametrize("url, chosen, kind", [
    ("https://github.com/org/site", None, GITHUB),
    ("https://gitlab.com/group/sub/site", None, GITLAB),
    ("https://GitLab.com/group/site", "gitlab", GITLAB),
    (GITLAB_REPO, "gitlab", GITLAB),
    ("https://ghe.example.ru/org/site", "github", GITHUB),
    (UNKNOWN_REPO, None, None),
])
def test_the_host_or_the_variable_says_the_platform(url, chosen, kind):
    assert kind_for(url, chosen) == kind


def test_shapes_of_each_platform():
    gitlab = Repository(GITLAB_REPO, GITLAB)
    assert gitlab.file_url("CONTRIBUTING.md") == f"{GITLAB_REPO}/-/blob/main/CONTRIBUTING.md"
    assert gitlab.edit_uri() == "-/edit/main/docs/"
    new = gitlab.new_file("regions/x/events/2027/")
    assert (new.url, new.name_param, new.name_prefix, new.content_param) == (
        f"{GITLAB_REPO}/-/new/main/regions/x/events/2027/", "file_name", "", "content")
    github = Repository("https://github.com/org/site", GITHUB)
    assert github.file_url("CONTRIBUTING.md") == (
        "https://github.com/org/site/blob/main/CONTRIBUTING.md")
    assert github.edit_uri() == "edit/main/docs/"
    unknown = Repository(UNKNOWN_REPO, None)
    assert (unknown.edit_uri(), unknown.file_url("CONTRIBUTING.md"),
            unknown.new_file("docs/")) == (None, None, None)
    assert unknown.name == "git.example.ru" and gitlab.name == "GitLab"


@pytest.mark.parametrize("environ, words", [
    ({"QUALITY_REPO_URL": GITLAB_REPO, "QUALITY_REPO_KIND": "bitbucket"}, "github или gitlab"),
    ({"QUALITY_REPO_URL": "https://github.com/org/site", "QUALITY_REPO_KIND": "gitlab"},
     "GitHub, а не GitLab"),
    ({"QUALITY_REPO_URL": GITLAB_REPO, "QUALITY_REPO_KIND": "GitLab\n"}, "github или gitlab"),
])
def test_a_bad_choice_is_one_line_naming_the_variable(environ, words):
    with pytest.raises(SettingsError) as caught:
        read_settings({**environ, "QUALITY_TODAY": TODAY})
    message = str(caught.value)
    assert message.startswith("QUALITY_REPO_KIND=") and words in message
    assert "\n" not in message


def test_the_choice_without_a_repository_changes_nothing():
    settings = read_settings({"QUALITY_TODAY": TODAY, "QUALITY_REPO_KIND": "gitlab"})
    assert settings.repository is None


# -- the built site on a ministry's own GitLab ---------------------------------------------------

def test_every_repository_link_has_gitlabs_shape(gitlab_site):
    links = repo_links(gitlab_site.site, GITLAB_REPO)
    shapes = {"edit": 0, "blob": 0, "new": 0}
    for href in links:
        if href == GITLAB_REPO + "/":  # the header's link to the repository
            continue
        # «new» only in the no-script text of a region without the ministry's e-mail
        match = re.fullmatch(re.escape(GITLAB_REPO) + r"/-/(edit|blob|new)/main/[^?#]+", href)
        assert match, href
        shapes[match[1]] += 1
    assert shapes["edit"] >= 10 and shapes["blob"] >= 1, shapes
    # every content page is edited where its source is, the region's letters in their folder
    for page, source in {"": "docs/index.md", "events": "docs/events.md",
                         "archive/2023": "docs/templates/archive-edition.md"}.items():
        link = gitlab_site.page(page).select_one("a[rel=edit]")
        assert link["href"] == f"{GITLAB_REPO}/-/edit/main/{source}"
    region = default_region()
    for letter in region.letters:
        link = gitlab_site.page(letter.removesuffix(".md")).select_one("a[rel=edit]")
        assert link["href"] == f"{GITLAB_REPO}/-/edit/main/{region.label}/{letter}"
    guide = gitlab_site.page("propose").select("article a[href$='CONTRIBUTING.md']")
    assert [a["href"] for a in guide] == [f"{GITLAB_REPO}/-/blob/main/CONTRIBUTING.md"]
    assert gitlab_site.page("").select_one("a.md-source").get_text(" ", strip=True) == "GitLab"


def test_the_event_rules_give_gitlabs_new_file_page(gitlab_site):
    rules = json.loads((gitlab_site.site / RULES_PATH).read_text(encoding="utf-8"))
    assert rules["new_file_url"] == f"{GITLAB_REPO}/-/new/main/{rules['folder']}"
    assert (rules["new_file_name"], rules["new_file_prefix"], rules["new_file_content"]) == (
        "file_name", "", "content")
    assert rules["platform"] == "GitLab"
    assert "GitLab" in rules["new_file_paste"]


def test_the_form_opens_gitlabs_new_file_with_the_file_and_copies_it(browser, gitlab_site):
    """The button («Предложить на GitLab») opens GitLab's new-file page in the event folder,
    named and filled in; GitLab's editor may leave the text out, so it is on the clipboard and
    the form says so. GitLab itself is answered here by a stand-in page (no network)."""
    rules = json.loads((gitlab_site.site / RULES_PATH).read_text(encoding="utf-8"))
    with serve(gitlab_site.site) as url, reader(browser, "phone") as session:
        page = session.page
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.context.route(GITLAB_REPO + "/**", lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>GitLab</title>"))
        fill(page, url, VALID)
        _, text, path = form_verdict(page)
        button = page.locator("[data-qw-github]")
        assert button.is_visible() and "Предложить на GitLab" in button.text_content()
        href = urlsplit(button.get_attribute("href"))
        assert f"{href.scheme}://{href.netloc}{href.path}" == (
            f"{GITLAB_REPO}/-/new/main/{rules['folder']}")
        name = path.removeprefix(rules["folder"])
        assert parse_qs(href.query) == {"file_name": [name], "content": [text]}
        with page.context.expect_page() as opened:
            button.click()
        assert opened.value.url == button.get_attribute("href")
        status = page.locator("[data-qw-status]")
        status.filter(has_text="скопирован").wait_for()
        assert status.text_content() == rules["new_file_paste"]
        assert page.evaluate("navigator.clipboard.readText()") == text


def test_without_script_and_e_mail_the_page_names_gitlab(tmp_path):
    """A region that publishes no e-mail: the page without script offers the new file on
    GitLab, in GitLab's shape and by its name."""
    project = copy_project(tmp_path / "project")
    edit_region_file(project, lambda data: data["ministry"].pop("email", None))
    build = build_site(tmp_path / "site", project, QUALITY_TODAY=TODAY,
                       QUALITY_REPO_URL=GITLAB_REPO, QUALITY_REPO_KIND="gitlab")
    assert build.result.returncode == 0, build.output
    rules = json.loads((build.site / RULES_PATH).read_text(encoding="utf-8"))
    link = build.page("propose").select_one("[data-qw-fallback] a[href*='/-/new/']")
    assert link["href"] == f"{GITLAB_REPO}/-/new/main/{rules['folder']}"
    assert link.get_text() == "GitLab"


# -- an unknown platform: the repository's front page only ---------------------------------------

def test_an_unknown_platform_gets_no_guessed_links(tmp_path):
    build = build_site(tmp_path / "site", QUALITY_TODAY=TODAY, QUALITY_REPO_URL=UNKNOWN_REPO)
    assert build.result.returncode == 0, build.output
    assert set(repo_links(build.site, UNKNOWN_REPO)) == {UNKNOWN_REPO + "/"}
    for html in html_files(build.site):
        assert 'rel="edit"' not in html.read_text(encoding="utf-8"), html
    rules = json.loads((build.site / RULES_PATH).read_text(encoding="utf-8"))
    assert rules["new_file_url"] is None
    assert "QUALITY_REPO_KIND" in build.output  # the build says how to turn the links on


def test_a_bad_choice_stops_the_build_in_one_line(tmp_path):
    build = build_site(tmp_path / "site", QUALITY_TODAY=TODAY, QUALITY_REPO_URL=GITLAB_REPO,
                       QUALITY_REPO_KIND="gitea")
    assert build.result.returncode != 0
    assert "QUALITY_REPO_KIND=«gitea»: ожидается github или gitlab" in build.output
    assert "Traceback" not in build.output
