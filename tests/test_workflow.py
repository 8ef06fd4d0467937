"""The GitHub workflows: the Pages workflow (when it runs, what it runs before publishing) and the
check workflow for pull requests (forks included: read-only, no secrets, pinned actions).
Nothing here talks to GitHub: the files are parsed, and checked by actionlint and zizmor
(offline) when they are installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from building import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
CHECK = ROOT / ".github" / "workflows" / "check.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"  # installed into the venv by pip


def load(path: Path) -> dict:
    # YAML 1.1 reads the key `on:` as the boolean True
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


@pytest.fixture(scope="module")
def workflow() -> dict:
    return load(WORKFLOW)


@pytest.fixture(scope="module")
def check() -> dict:
    return load(CHECK)


def steps(job: dict) -> list[dict]:
    return job["steps"]


def step_index(job: dict, predicate) -> int:
    return next(i for i, step in enumerate(steps(job)) if predicate(step))


def test_runs_on_push_to_main_daily_and_by_hand(workflow):
    triggers = workflow["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    (schedule,) = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*"), "the schedule must run every day"


def test_every_action_is_official_and_pinned_by_commit_with_its_version(workflow):
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", [])
            if "uses" in step]
    assert len(uses) == 5
    text = WORKFLOW.read_text(encoding="utf-8")
    for ref in uses:
        # a tag can be moved; a commit cannot. The comment on the same line names the version.
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", ref), ref
        assert re.search(re.escape(ref) + r"  # v\d+\.\d+\.\d+$", text, re.MULTILINE), ref


def test_the_publishing_checkout_keeps_no_credentials(workflow):
    build = workflow["jobs"]["build"]
    checkout = next(s for s in steps(build) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    # the same pins as the check workflow, where both use an action
    check_text = CHECK.read_text(encoding="utf-8")
    for step in steps(build):
        name = step.get("uses", "").split("@")[0]
        if name and f"{name}@" in check_text:
            assert step["uses"] in check_text, step["uses"]


def test_the_content_check_runs_before_the_strict_build_and_the_deployment(workflow):
    build = workflow["jobs"]["build"]
    run = [step.get("run", "") for step in steps(build)]
    check = step_index(build, lambda s: s.get("run", "").strip()
                       == "python -m qualityweek.tools.check_deployment")
    hunspell = step_index(build, lambda s: "hunspell-ru" in s.get("run", ""))
    install = step_index(build, lambda s: "requirements-dev.txt" in s.get("run", ""))
    mkdocs = step_index(build, lambda s: "mkdocs build" in s.get("run", ""))
    upload = step_index(build, lambda s: s.get("uses", "").startswith(
        "actions/upload-pages-artifact@"))
    assert install < check < mkdocs < upload and hunspell < check, run
    # publishing depends on the content, not on the product tests (they run in check.yml)
    assert not [line for line in run if "pytest" in line], run
    assert "python -m pytest" in CHECK.read_text(encoding="utf-8")
    assert "--strict" in steps(build)[mkdocs]["run"]
    site_url = steps(build)[mkdocs]["env"]["QUALITY_SITE_URL"]
    assert "steps.pages.outputs.base_url" in site_url
    repo_url = steps(build)[mkdocs]["env"]["QUALITY_REPO_URL"]  # edit links on the hosted site
    assert repo_url == "${{ github.server_url }}/${{ github.repository }}"
    python = next(s for s in steps(build) if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip"
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_deploy_job_has_only_the_pages_permissions(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps(deploy))
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["group"]


def test_scheduled_runs_keep_the_schedule_alive(workflow):
    keepalive = workflow["jobs"]["keepalive"]
    assert keepalive["if"] == "github.event_name == 'schedule'"
    assert keepalive["permissions"] == {"actions": "write"}
    (step,) = steps(keepalive)
    assert "actions/workflows/pages.yml/enable" in step["run"]


@pytest.mark.parametrize("path", [WORKFLOW, CHECK], ids=["pages", "check"])
def test_actionlint_finds_nothing(path):
    actionlint = shutil.which("actionlint") or (str(ACTIONLINT) if ACTIONLINT.exists() else None)
    if actionlint is None:
        pytest.skip("actionlint not installed: pip install -r requirements-dev.txt")
    result = subprocess.run([actionlint, "-no-color", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


ZIZMOR = Path(sys.executable).parent / "zizmor"  # installed into the venv by pip


@pytest.mark.parametrize("path", [WORKFLOW, CHECK], ids=["pages", "check"])
def test_zizmor_finds_nothing_above_informational(path):
    """zizmor's strictest persona, offline (no GitHub API, no token): only informational notes
    (such as a job without a `name:`) may remain."""
    zizmor = shutil.which("zizmor") or (str(ZIZMOR) if ZIZMOR.exists() else None)
    if zizmor is None:
        pytest.skip("zizmor not installed: pip install -r requirements-dev.txt")
    environ = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "GITHUB_TOKEN")}
    result = subprocess.run([zizmor, "--offline", "--no-progress", "--color=never",
                             "--persona=pedantic", "--min-severity=low", str(path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, env=environ)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


# -- the check workflow: every pull request, forks included -------------------------------------

def test_check_runs_on_every_pull_request_and_every_push(check):
    triggers = check["on"]
    assert set(triggers) == {"pull_request", "push"}
    # no branch filter on pull requests (forks target any branch); every branch on push
    assert not (triggers["pull_request"] or {}).get("branches")
    assert triggers["push"]["branches"] == ["**"]
    text = CHECK.read_text(encoding="utf-8")
    assert "pull_request_target" not in text.replace("never `pull_request_target`", "")
    assert "workflow_run" not in triggers


def test_check_has_a_read_only_token_and_no_secrets(check):
    assert check["permissions"] == {"contents": "read"}
    text = CHECK.read_text(encoding="utf-8")
    assert not re.search(r"secrets\.[A-Za-z_]|github\.token|GITHUB_TOKEN", text)
    for job in check["jobs"].values():
        assert "permissions" not in job  # nothing widens the workflow's read-only token
        checkout = next(s for s in steps(job) if s.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["persist-credentials"] is False


def test_check_pins_actions_by_commit_and_has_a_time_limit(check):
    text = CHECK.read_text(encoding="utf-8")
    for job in check["jobs"].values():
        assert 0 < job["timeout-minutes"] <= 30
        for step in steps(job):
            if "uses" in step:
                assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
                # the tag the commit stands for, in a comment on the same line
                assert re.search(re.escape(step["uses"]) + r"  # v\d+\.\d+\.\d+", text)


def test_check_builds_strictly_tests_and_uploads_the_site(check):
    (job,) = check["jobs"].values()
    runs = [step.get("run", "") for step in steps(job)]
    build = next(run for run in runs if "mkdocs build" in run)
    assert "--strict" in build.split() and "-q" not in build.split()
    # the README's test command
    assert "python -m pytest" in runs
    install = runs.index("python -m pip install -r requirements-dev.txt")
    assert install < runs.index(build) < runs.index("python -m pytest")
    upload = next(s for s in steps(job) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site"


def test_check_writes_the_events_summary_without_pasting_event_data_into_a_script(check):
    (job,) = check["jobs"].values()
    step = next(s for s in steps(job) if "qualityweek.tools.review" in s.get("run", ""))
    assert step["run"] == ('python -m qualityweek.tools.review --base "$BASE_SHA" '
                           '>> "$GITHUB_STEP_SUMMARY"')
    assert "${{" not in step["run"]  # expressions go through env, never into the shell text
    assert "pull_request.base.sha" in step["env"]["BASE_SHA"]
