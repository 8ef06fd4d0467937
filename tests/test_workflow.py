"""The GitHub Pages workflow: when it runs, what it runs before publishing, which actions it uses.
Nothing here talks to GitHub: the file is parsed, and checked by actionlint when it is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"  # installed into the venv by pip


@pytest.fixture(scope="module")
def workflow() -> dict:
    # YAML 1.1 reads the key `on:` as the boolean True
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


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


def test_every_action_is_official_and_pinned_to_a_version(workflow):
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", [])
            if "uses" in step]
    assert uses
    for ref in uses:
        assert re.fullmatch(r"actions/[a-z-]+@v\d+(\.\d+){0,2}", ref), ref


def test_tests_run_before_the_strict_build_and_the_deployment(workflow):
    build = workflow["jobs"]["build"]
    run = [step.get("run", "") for step in steps(build)]
    tests = step_index(build, lambda s: "pytest" in s.get("run", ""))
    install = step_index(build, lambda s: "requirements-dev.txt" in s.get("run", ""))
    mkdocs = step_index(build, lambda s: "mkdocs build" in s.get("run", ""))
    upload = step_index(build, lambda s: s.get("uses", "").startswith(
        "actions/upload-pages-artifact@"))
    assert install < tests < mkdocs < upload, run
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


def test_actionlint_finds_nothing():
    actionlint = shutil.which("actionlint") or (str(ACTIONLINT) if ACTIONLINT.exists() else None)
    if actionlint is None:
        pytest.skip("actionlint not installed: pip install -r requirements-dev.txt")
    result = subprocess.run([actionlint, "-no-color", str(WORKFLOW)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
