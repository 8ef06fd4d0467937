"""The GitLab pipeline (.gitlab-ci.yml, issue 35): valid against GitLab's own CI schema (vendored
in check-jsonschema, no network); which jobs each kind of pipeline runs (GitLab's `rules: if:`
read by a small evaluator of the expressions the file uses); the same commands as the GitHub
workflows; no merge-request job with a secret; the review job's script run as GitLab runs it
(bash -eo pipefail, in the project folder) against a real repository, with curl stood in."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from building import ROOT, copy_project
from fixtures import VALID, event_text, events_folder


GITLAB_CI = ROOT / ".gitlab-ci.yml"
CHECK = ROOT / ".github" / "workflows" / "check.yml"
PAGES = ROOT / ".github" / "workflows" / "pages.yml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
KEYWORDS = {"image", "stages", "workflow", "variables", "default", "include", "cache",
            "before_script", "after_script", "services"}
DEPLOYMENT_GATES = {"python -m pytest", "python -m qualityweek.tools.check_deployment"}


@pytest.fixture(scope="module")
def ci() -> dict:
    return yaml.safe_load(GITLAB_CI.read_text(encoding="utf-8"))


def jobs(ci: dict) -> dict[str, dict]:
    return {name: job for name, job in ci.items()
            if name not in KEYWORDS and not name.startswith(".")}


# -- GitLab's schema ---------------------------------------------------------------------------

def _validate(path: Path) -> subprocess.CompletedProcess:
    tool = shutil.which("check-jsonschema") or (
        str(CHECK_JSONSCHEMA) if CHECK_JSONSCHEMA.exists() else None)
    if tool is None:
        pytest.skip("check-jsonschema not installed: pip install -r requirements-dev.txt")
    return subprocess.run([tool, "--builtin-schema", "vendor.gitlab-ci", "--no-cache",
                           str(path)], capture_output=True, text=True, timeout=120)


def test_valid_against_gitlabs_ci_schema(tmp_path):
    result = _validate(GITLAB_CI)
    assert result.returncode == 0, result.stdout + result.stderr
    # the schema is really read: a wrong type in a copy is refused
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text(GITLAB_CI.read_text(encoding="utf-8").replace(
        "interruptible: false", 'interruptible: "no"'), encoding="utf-8")
    refused = _validate(broken)
    assert refused.returncode != 0 and "interruptible" in refused.stdout


# -- which jobs run where ----------------------------------------------------------------------

_TOKEN = re.compile(r'\s*(\$\w+|"[^"]*"|==|!=|&&|\|\||\(|\))')


def evaluate(expression: str, environ: dict[str, str]) -> bool:
    """GitLab's `if:` for what this file uses: $VAR (set and not empty), == and != between
    variables and "strings", && before ||, brackets."""
    tokens = []
    rest = expression.strip()
    while rest:
        match = _TOKEN.match(rest)
        assert match, f"cannot read {rest!r} in {expression!r}"
        tokens.append(match[1])
        rest = rest[match.end():].strip()

    def value(token: str) -> str | None:
        return environ.get(token[1:]) if token.startswith("$") else token[1:-1]

    position = 0

    def atom() -> bool:
        nonlocal position
        token = tokens[position]
        position += 1
        if token == "(":
            result = either()
            position += 1  # ")"
            return result
        if position < len(tokens) and tokens[position] in ("==", "!="):
            op, other = tokens[position], tokens[position + 1]
            position += 2
            equal = value(token) == value(other)
            return equal if op == "==" else not equal
        return bool(value(token))

    def both() -> bool:
        nonlocal position
        result = atom()
        while position < len(tokens) and tokens[position] == "&&":
            position += 1
            result = atom() and result
        return result

    def either() -> bool:
        nonlocal position
        result = both()
        while position < len(tokens) and tokens[position] == "||":
            position += 1
            result = both() or result
        return result

    result = either()
    assert position == len(tokens), expression
    return result


def runs(rules: list[dict], environ: dict[str, str]) -> bool:
    for rule in rules:
        if "if" not in rule or evaluate(rule["if"], environ):
            return rule.get("when", "on_success") != "never"
    return False


BASE = {"CI_DEFAULT_BRANCH": "main", "CI_PROJECT_ID": "42"}
PIPELINES = {
    "merge request": {**BASE, "CI_PIPELINE_SOURCE": "merge_request_event",
                      "CI_MERGE_REQUEST_IID": "7", "CI_MERGE_REQUEST_SOURCE_PROJECT_ID": "42"},
    "fork's merge request": {**BASE, "CI_PIPELINE_SOURCE": "merge_request_event",
                             "CI_MERGE_REQUEST_IID": "7",
                             "CI_MERGE_REQUEST_SOURCE_PROJECT_ID": "99"},
    "push to a branch": {**BASE, "CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "fix"},
    "push to a branch with a merge request": {**BASE, "CI_PIPELINE_SOURCE": "push",
                                              "CI_COMMIT_BRANCH": "fix",
                                              "CI_OPEN_MERGE_REQUESTS": "group/site!7"},
    "push to main": {**BASE, "CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main"},
    "daily schedule": {**BASE, "CI_PIPELINE_SOURCE": "schedule", "CI_COMMIT_BRANCH": "main"},
    "Run pipeline": {**BASE, "CI_PIPELINE_SOURCE": "web", "CI_COMMIT_BRANCH": "main"},
}
EXPECTED = {
    "merge request": {"check", "review"},
    "fork's merge request": {"check", "review"},
    "push to a branch": {"check"},
    "push to a branch with a merge request": set(),  # the merge request's pipeline runs instead
    "push to main": {"check", "deployment-checks", "pages"},
    "daily schedule": {"deployment-checks", "pages"},
    "Run pipeline": {"deployment-checks", "pages"},
}


def pipeline_jobs(ci: dict, environ: dict[str, str]) -> set[str]:
    if not runs(ci["workflow"]["rules"], environ):
        return set()
    return {name for name, job in jobs(ci).items() if runs(job.get("rules", [{}]), environ)}


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_each_pipeline_runs_its_jobs(ci, pipeline):
    assert pipeline_jobs(ci, PIPELINES[pipeline]) == EXPECTED[pipeline]


def test_the_evaluator_reads_gitlabs_expressions():
    environ = {"A": "x", "B": "", "C": "x"}
    assert evaluate('$A == "x" && $C', environ) and not evaluate("$B", environ)
    assert evaluate("$A == $C || $B", environ) and not evaluate('$A != "x"', environ)
    assert not evaluate('$MISSING && $A == "x"', environ)
    assert evaluate('($B || $A) && $C == "x"', environ)


def test_publication_waits_for_the_deployment_checks_and_is_never_cancelled(ci):
    pages = jobs(ci)["pages"]
    assert pages["needs"] == ["deployment-checks"] and pages["stage"] == "publish"
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["interruptible"] is False and pages["resource_group"]
    assert pages["variables"]["QUALITY_SITE_URL"] == "$CI_PAGES_URL/"
    assert pages["variables"]["QUALITY_REPO_URL"] == "$CI_PROJECT_URL"
    assert pages["variables"]["QUALITY_REPO_KIND"] == "gitlab"
    assert pages["script"] == ["mkdocs build --strict", "mv site public"]


def test_time_limits_and_pinned_image(ci):
    assert ci["default"]["interruptible"] is True
    for name, job in jobs(ci).items():
        limit = job.get("timeout", ci["default"]["timeout"])
        minutes = int(re.fullmatch(r"(\d+)m", limit)[1])
        assert 0 < minutes <= 30, name
    # an exact version (Debian and Python), never a moving tag such as «3.11» or «latest»
    assert re.fullmatch(r"python:3\.11\.\d+-bookworm(@sha256:[0-9a-f]{64})?", ci["image"])
    assert "digest" in GITLAB_CI.read_text(encoding="utf-8")  # the comment says why not


def test_the_merge_request_keeps_the_built_site_to_browse(ci):
    check = jobs(ci)["check"]
    assert check["artifacts"]["expose_as"] and check["artifacts"]["paths"] == ["site/"]
    assert check["artifacts"]["when"] == "always"  # to look at even when a test fails


# -- the same commands as GitHub ---------------------------------------------------------------

def github_commands(path: Path, job: str | None = None) -> list[str]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    chosen = [workflow["jobs"][job]] if job else workflow["jobs"].values()
    # a step's script may hold several commands, a line each
    return [line.strip() for each in chosen for step in each["steps"] if "run" in step
            for line in step["run"].strip().splitlines() if line.strip()]


def apt_packages(commands) -> set[str]:
    """The Debian packages the commands install (GitHub's runner with sudo, GitLab's image as
    root, and in one apt-get call or several: the packages are what counts)."""
    found = set()
    for line in commands:
        words = line.split()
        if "apt-get" in words and "install" in words:
            found |= {w for w in words[words.index("install") + 1:]
                      if not w.startswith(("-", ">"))}
    return found


def command(line: str) -> str:
    """A command without its expressions and redirections: what it runs."""
    words = []
    for word in shlex.split(line):
        if word.startswith(("$", ">", "|", "--base")) or word in (">>", "|"):
            break
        words.append(word)
    return " ".join(words)


def gitlab_lines(ci: dict, names: set[str]) -> list[str]:
    lines = []
    for name in names:
        job = jobs(ci)[name]
        lines += job.get("before_script", ci["default"]["before_script"]) + job["script"]
    return [" ".join(line.split()) for line in lines if not line.startswith("if ")]


def gitlab_commands(ci: dict, names: set[str]) -> set[str]:
    return {command(line) for line in gitlab_lines(ci, names)}


def test_merge_requests_run_what_check_yml_runs(ci):
    gitlab = gitlab_commands(ci, EXPECTED["merge request"])
    github = {command(line) for line in github_commands(CHECK)}
    assert github == {"python -m pip install -r requirements-dev.txt",
                      "npm ci --prefix tests/icaljs --no-audit --no-fund",
                      "mkdocs build --strict", "python -m qualityweek.tools.review",
                      "python -m pytest"}
    assert github <= gitlab, github - gitlab


def test_the_default_branch_runs_what_pages_yml_runs(ci):
    gitlab = gitlab_commands(ci, {"deployment-checks", "pages"})
    lines = github_commands(PAGES, "build")
    # the packages the content check needs (Hunspell): GitLab's image installs them too
    assert apt_packages(lines) <= apt_packages(gitlab_lines(ci, {"deployment-checks"}))
    assert "hunspell-ru" in apt_packages(lines)
    github = {command(line) for line in lines if "apt-get" not in line}
    assert "mkdocs build --strict" in github
    assert github - DEPLOYMENT_GATES <= gitlab, (github - DEPLOYMENT_GATES) - gitlab
    if "python -m qualityweek.tools.check_deployment" not in github:
        pytest.skip("pages.yml still runs the product tests before publishing; GitLab runs the "
                    "deployment checks that replace them (python -m qualityweek.tools."
                    "check_deployment)")
    assert github & DEPLOYMENT_GATES == gitlab & DEPLOYMENT_GATES


# -- no secret in a merge request --------------------------------------------------------------

SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL|DEPLOY", re.IGNORECASE)


def test_no_merge_request_job_can_see_a_secret(ci):
    assert not [name for name in ci.get("variables", {}) if SECRET_NAME.search(name)]
    merge_request = pipeline_jobs(ci, PIPELINES["merge request"]) | pipeline_jobs(
        ci, PIPELINES["fork's merge request"])
    assert "pages" not in merge_request and "deployment-checks" not in merge_request
    for name in merge_request:
        job = jobs(ci)[name]
        # no CI secrets, no OIDC token, no environment (an environment's variables and its
        # deployment rights belong to the publishing jobs)
        assert not {"secrets", "id_tokens", "environment", "pages"} & set(job), name
        assert not [v for v in job.get("variables", {}) if SECRET_NAME.search(v)], name
        text = "\n".join(job.get("before_script", []) + job["script"])
        used = set(re.findall(r"\$\{?([A-Z_][A-Z0-9_]*)", text))
        secret = {v for v in used if SECRET_NAME.search(v)
                  and v not in ("CI_JOB_TOKEN",)}
        # the one token is the note's, and only inside the same-project condition
        assert secret <= {"REVIEW_NOTE_TOKEN"}, (name, secret)
        for line in job["script"]:
            if "REVIEW_NOTE_TOKEN" in line:
                assert line.startswith('if [ -n "${REVIEW_NOTE_TOKEN:-}" ] && '
                                       '[ "$CI_MERGE_REQUEST_SOURCE_PROJECT_ID" = '
                                       '"$CI_PROJECT_ID" ]; then'), line


# -- the review job's script, run -------------------------------------------------------------

def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def merge_request(tmp_path_factory) -> tuple[Path, str]:
    """A repository whose merge request adds an event and rewrites the review tool to hide it."""
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    repo = copy_project(tmp_path_factory.mktemp("mr") / "project")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    base = _git(repo, "rev-parse", "HEAD")
    event = events_folder(repo) / "2026" / "tour.md"
    event.parent.mkdir(parents=True, exist_ok=True)
    event.write_text(event_text(VALID, "Описание."), encoding="utf-8")
    tool = repo / "qualityweek" / "tools" / "review.py"
    tool.write_text("print('Всё в порядке, смотреть нечего')\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "event")
    return repo, base


def run_review(ci: dict, repo: Path, base: str, tmp_path: Path, **extra: str):
    """The review job's script as GitLab's runner runs it, `python` the tests' interpreter (its
    pip install a no-op: the pinned packages are there), `curl` a stand-in that writes down what
    it was asked to send."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    python = bin_dir / "python"
    python.write_text(f'#!/bin/sh\nif [ "$1 $2" = "-m pip" ]; then exit 0; fi\n'
                      f'exec {shlex.quote(sys.executable)} "$@"\n', encoding="utf-8")
    curl = bin_dir / "curl"
    sent = tmp_path / "sent"
    curl.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {shlex.quote(str(sent))}.args\n'
                    f'cp review.md {shlex.quote(str(sent))}.body\n', encoding="utf-8")
    python.chmod(0o755)
    curl.chmod(0o755)
    job = jobs(ci)["review"]
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("QUALITY_", "CI_"))}
    environ.update(job["variables"])
    environ.pop("REVIEW_NOTE_TOKEN", None)
    environ.update(PATH=f"{bin_dir}:{environ['PATH']}", CI_PROJECT_DIR=str(repo),
                   CI_MERGE_REQUEST_DIFF_BASE_SHA=base, CI_PROJECT_ID="42",
                   CI_MERGE_REQUEST_IID="7", CI_MERGE_REQUEST_SOURCE_PROJECT_ID="42",
                   CI_API_V4_URL="https://gitlab.example.ru/api/v4",
                   REVIEW_BASE_DIR=str(tmp_path / "review-base"))
    environ.update(extra)
    script = "\n".join(job["script"])
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=repo, env=environ,
                            capture_output=True, text=True, timeout=300)
    _git(repo, "worktree", "remove", "--force", str(tmp_path / "review-base"))
    args = (sent.with_suffix(".args").read_text(encoding="utf-8").splitlines()
            if sent.with_suffix(".args").exists() else None)
    body = (sent.with_suffix(".body").read_text(encoding="utf-8")
            if sent.with_suffix(".body").exists() else None)
    return result, args, body


def test_the_target_branchs_tool_writes_the_summary_and_the_note(ci, merge_request, tmp_path):
    repo, base = merge_request
    result, args, body = run_review(ci, repo, base, tmp_path, REVIEW_NOTE_TOKEN="glpat-test")
    assert result.returncode == 0, result.stdout + result.stderr
    # the job log: the event, as the target branch's tool shows it, not the change's own tool
    assert "**добавлено:** «Экскурсия на молочный завод»" in result.stdout
    assert "смотреть нечего" not in result.stdout
    assert body == (repo / "review.md").read_text(encoding="utf-8") and "добавлено" in body
    assert args[-1] == "https://gitlab.example.ru/api/v4/projects/42/merge_requests/7/notes"
    assert "PRIVATE-TOKEN: glpat-test" in args and "body@review.md" in args


@pytest.mark.parametrize("extra", [{}, {"REVIEW_NOTE_TOKEN": "glpat-test",
                                        "CI_MERGE_REQUEST_SOURCE_PROJECT_ID": "99"}],
                         ids=["no token", "a fork's merge request"])
def test_no_note_without_a_token_or_from_a_fork(ci, merge_request, tmp_path, extra):
    repo, base = merge_request
    result, args, _ = run_review(ci, repo, base, tmp_path, **extra)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "**добавлено:** «Экскурсия на молочный завод»" in result.stdout
    assert args is None  # curl never ran
