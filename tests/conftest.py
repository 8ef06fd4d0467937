"""Shared helpers: build the real site (or a temporary copy of it) with `mkdocs build --strict`."""

from __future__ import annotations

import atexit
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from babel.dates import format_date
from bs4 import BeautifulSoup

from qualityweek.inputs.facts import load_facts
from qualityweek.inputs.paths import REGION_VAR, region_folder
from qualityweek.inputs.region import load_region, with_region

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "macros.py", "qualityweek", "hooks", "data", "regions", "docs",
                 "overrides")
NBSP = "\u00a0"
DASH = "\u2013\u2060"  # between numbers: en dash + word joiner (no line break after it)


@dataclass
class Build:
    result: subprocess.CompletedProcess
    site: Path

    @property
    def output(self) -> str:
        return self.result.stdout + self.result.stderr

    def page(self, path: str = "") -> BeautifulSoup:
        """The parsed HTML of the page at site path `path` ('' is the home page)."""
        return BeautifulSoup((self.site / path / "index.html").read_text(encoding="utf-8"),
                             "html.parser")

    def text(self, path: str = "") -> str:
        """The reader-visible text of a page's article, ASCII whitespace runs as one space
        (non-breaking spaces are kept: they are part of what is tested)."""
        text = self.page(path).select_one("article").get_text(" ", strip=True)
        return re.sub(r"[ \t\r\n]+", " ", text)


# what a test costs, roughly: in the browser about ten times a test without one; one with a
# temporary folder (a build of a project copy, mostly) about three
WEIGHTS = (("browser", 10), ("tmp_path", 3), ("tmp_path_factory", 3), ("project_copy", 3))


def pytest_collection_modifyitems(items) -> None:
    """Longest files first. pytest-xdist hands out whole files (`--dist loadfile`) in this order
    (`--no-loadscope-reorder` in pytest.ini): a long file handed out last would run alone while
    the other workers wait. A file's length is guessed from what its tests use (WEIGHTS)."""
    weight: dict[Path, int] = {}
    for item in items:
        used = getattr(item, "fixturenames", ())
        weight[item.path] = weight.get(item.path, 0) + max(
            [w for name, w in WEIGHTS if name in used], default=1)
    items.sort(key=lambda item: -weight[item.path])  # stable within a file


BUILD_TIMEOUT = 300  # seconds


def build_site(dest: Path, project: Path = ROOT, fresh_process: bool = False,
               **env: str) -> Build:
    """Run `mkdocs build --strict` on `project` into `dest` with the given QUALITY_* variables.

    The build runs MkDocs' own command line in a child forked from this worker's build server
    (tests/build_server.py), which saves Python's start and the libraries' imports. A test that
    compares two builds for reproducibility asks for `fresh_process`: `python -m mkdocs` in a
    new interpreter, with its own hash seed, as CI and editors run it."""
    # the region the tests run for (QUALITY_REGION_DIR, see default_region) stays; no other
    # QUALITY_* variable of the caller's shell leaks into a build
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith("QUALITY_") or k == REGION_VAR}
    environ.update(env, NO_MKDOCS_2_WARNING="1")
    args = ["build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(dest)]
    if fresh_process or not hasattr(os, "fork"):  # no fork (Windows): a new interpreter
        result = subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project,
                                env=environ, capture_output=True, text=True,
                                timeout=BUILD_TIMEOUT)
    else:
        result = _BUILD_SERVER.build(args, project, environ)
    return Build(result=result, site=dest)


class BuildServer:
    """This worker's tests/build_server.py, started on the first build."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()
        self.count = 0

    def build(self, args: list[str], project: Path, environ: dict) -> subprocess.CompletedProcess:
        with self.lock:
            if self.process is None or self.process.poll() is not None:
                self.outputs = Path(tempfile.mkdtemp(prefix="qw-builds-"))
                atexit.register(shutil.rmtree, self.outputs, ignore_errors=True)
                templates = self.outputs / "templates"
                templates.mkdir()
                self.process = subprocess.Popen(
                    [sys.executable, str(ROOT / "tests" / "build_server.py"), str(templates)],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
                    # Material's import prints a notice unless this is set; each build sets
                    # its own environment (with it) before it runs
                    env={**{k: v for k, v in os.environ.items()
                            if not k.startswith("QUALITY_")}, "NO_MKDOCS_2_WARNING": "1"})
            self.count += 1
            out, err = (self.outputs / f"{self.count}.{name}" for name in ("out", "err"))
            request = {"args": args, "cwd": str(project), "env": environ,
                       "timeout": BUILD_TIMEOUT, "stdout": str(out), "stderr": str(err)}
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
            assert answer, f"the build server ended: {self.process.poll()}"
            # read as `subprocess.run(text=True)` reads: UTF-8, universal newlines
            stdout, stderr = (file.read_text(encoding="utf-8").replace("\r\n", "\n")
                              .replace("\r", "\n") for file in (out, err))
            out.unlink()
            err.unlink()
            return subprocess.CompletedProcess(["mkdocs", *args], json.loads(answer)["returncode"],
                                               stdout, stderr)


_BUILD_SERVER = BuildServer()


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project that a test may change."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


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
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


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


@contextmanager
def serve(directory: Path):
    """Serve a built site on a free local port; yields its base URL."""
    handler = partial(QuietHandler, directory=str(directory))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest output readable
        pass


def default_region():
    """The region folder the tests run for, as the build loads it: QUALITY_REGION_DIR if set
    (`QUALITY_REGION_DIR=regions/… pytest …`), else the project's own (regions/default.txt).
    Tests take regional words (municipalities, the ministry's address) from it, never type them."""
    return load_region(*region_folder(ROOT, {REGION_VAR: os.environ.get(REGION_VAR, "")}))


def site_facts():
    """data/facts.yml with the default region's facts, as the build merges them."""
    return with_region(load_facts(ROOT / "data" / "facts.yml", name="data/facts.yml"),
                       default_region(), ROOT / "docs")


def edit_region_file(project: Path, change, label: str | None = None) -> None:
    """Edit a region file in a project copy (the tests' region's, or the folder `label` names):
    `change` gets its data as YAML reads it and changes it in place (so a test does not depend
    on what the file has)."""
    path = project / (label or default_region().label) / "region.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def letter_pages() -> dict[str, object]:
    """{page path: letter} of the region the tests run for: «letter-2023/» for letter-2023.md.
    A region may have none (a fork fills its folder without a letter)."""
    return {Path(name).stem + "/": letter for name, letter in default_region().data.letters.items()}


def long_date(day, weekday: bool = False) -> str:
    """A date as pages write it, from Babel: «10 ноября 2023 г.», with the weekday «пятница,
    10 ноября 2023 г.»; no-break spaces keep the day with its month and the year with «г.»."""
    text = f"{day.day}{NBSP}{format_date(day, 'MMMM', locale='ru')} {day.year}{NBSP}г."
    return f"{format_date(day, 'EEEE', locale='ru')}, {text}" if weekday else text


def typeset(text: str) -> str:
    """A data text as pages show it: a dash glued to the word before by a no-break space."""
    return text.replace(" —", f"{NBSP}—")


@dataclass(frozen=True)
class Places:
    """Names for test events, taken from a region's municipalities: a district and the town
    whose name is its adjective's stem where the list has such a pair (so that «a town is not
    its district» is tested where it is hard), else the first district and the first town."""
    district: str  # «Энский район»
    adjective: str  # «Энский»
    district_genitive: str  # «Энского района», as in «д. Родичи Энского района»
    short: str  # how addresses abbreviate it: «Энский р-н»
    town: str  # «город Энск»
    town_name: str  # «Энск»

    def district_address(self) -> str:
        return f"{self.short}, с. Тестовое, ул. Полевая, 2"

    def town_address(self) -> str:
        return f"г. {self.town_name}, ул. Тестовая, д. 5"


def region_places(municipalities) -> Places:
    kinds = {" район": "р-н", " муниципальный округ": "м. о."}
    districts = [(name, kind) for kind in kinds for name in municipalities if name.endswith(kind)]
    towns = [name for name in municipalities if name.startswith("город ")]
    assert districts and towns, "в списке муниципальных образований нет района или города"

    def adjective(district: str, kind: str) -> str:
        return district.removesuffix(kind)

    pairs = [(district, kind, town) for district, kind in districts for town in towns
             if adjective(district, kind)[:-2] in (town.removeprefix("город "),
                                                   town.removeprefix("город ") + "ск")]
    district, kind, town = pairs[0] if pairs else (*districts[0], towns[0])
    name = adjective(district, kind)
    genitive = f"{name[:-2]}ого {'района' if kind == ' район' else 'муниципального округа'}"
    return Places(district=district, adjective=name, district_genitive=genitive,
                  short=f"{name} {kinds[kind]}", town=town, town_name=town.removeprefix("город "))
