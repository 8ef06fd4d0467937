"""pytest's shared fixtures: the sites built once per worker, the benchmark module and a real
browser. What they build from is in building.py (the fixture project) and fixtures.py (the
fixture regions and test events)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from building import ROOT, Build, build_site, copy_project, serve


# what a test costs, roughly: in the browser about ten times a test without one; one with a
# temporary folder (a build of a project copy, mostly) about three; a deployment check (checks/,
# a fresh build and its checks) about as much as a browser test
WEIGHTS = (("browser", 10), ("deployment_work", 10), ("tmp_path", 3), ("tmp_path_factory", 3),
           ("project_copy", 3))


# a test whose time its fixtures do not show (a virtual environment, fresh interpreters) says
# it: @pytest.mark.cost(seconds), about six units of WEIGHTS a second
UNITS_PER_SECOND = 6


def pytest_collection_modifyitems(items) -> None:
    """Longest files first. pytest-xdist hands out whole files (`--dist loadfile`) in this order
    (`--no-loadscope-reorder` in pytest.ini): a long file handed out last would run alone while
    the other workers wait. A file's length is guessed from what its tests use (WEIGHTS) or
    say (the `cost` mark)."""
    weight: dict[Path, int] = {}
    for item in items:
        used = getattr(item, "fixturenames", ())
        cost = item.get_closest_marker("cost")
        weight[item.path] = weight.get(item.path, 0) + (
            cost.args[0] * UNITS_PER_SECOND if cost else
            max([w for name, w in WEIGHTS if name in used], default=1))
    items.sort(key=lambda item: -weight[item.path])  # stable within a file


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _built(tmp_path_factory, name: str, **env: str) -> Build:
    build = build_site(tmp_path_factory.mktemp(name) / "site", **env)
    assert build.result.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def site_2023(tmp_path_factory) -> Build:
    """An edition with data (the letter's year), forced by QUALITY_YEAR."""
    return _built(tmp_path_factory, "site2023", QUALITY_YEAR="2023")


@pytest.fixture(scope="session")
def site_after_2026(tmp_path_factory) -> Build:
    """Built after the 2026 week: the 2027 edition, which has no data yet."""
    return _built(tmp_path_factory, "site2027", QUALITY_TODAY="2026-11-28")


@pytest.fixture(scope="session")
def site_2029(tmp_path_factory) -> Build:
    """An edition whose Quality Day falls on the earliest possible date, 8 November."""
    return _built(tmp_path_factory, "site2029", QUALITY_YEAR="2029")


@pytest.fixture(scope="session")
def bench():
    """bench/bench.py as a module (it is a script, not a package): its generators and the
    plain-Material reference project, for the tests that check them."""
    spec = importlib.util.spec_from_file_location("bench", ROOT / "bench" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def scaled_site(bench, tmp_path_factory) -> Build:
    """Built after the 2026 week with the benchmark's generated events: 7 in the shown 2027
    edition, 2 in 2025 (whose archive page lists them)."""
    project = copy_project(tmp_path_factory.mktemp("scale") / "project")
    bench.add_events(project, 2027, 7)
    bench.add_events(project, 2025, 2)
    build = build_site(tmp_path_factory.mktemp("scale-site") / "site", project,
                       QUALITY_TODAY="2026-11-28")
    assert build.result.returncode == 0, build.output
    return build


# -- a real browser: Debian's chromium driven by Playwright (no browser download) ---------------

CHROMIUM = Path(os.environ.get("QUALITY_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 # one renderer process for every context (each test's context otherwise
                 # starts its own): the contexts stay apart (storage, cookies, cache), and the
                 # browser tests take about 7 % less time; the pages are all one local site
                 "--renderer-process-limit=1", "--disable-site-isolation-trials"]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, or a skip that says what is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api",
                                         reason="pip install -r requirements-dev.txt")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def served_site(site_after_2026):
    """site_after_2026 served on a free local port, for the browser tests."""
    with serve(site_after_2026.site) as url:
        yield url


