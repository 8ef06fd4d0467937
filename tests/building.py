"""Building the real site in tests: a project copy with the fixture regions (tests/regions/),
`mkdocs build --strict` through a per-worker build server, and a local server for the browser.

Product tests build from content they own: the fixture project is the project's code, pages and
national data (data/facts.yml) with tests/regions/ as its regions/ and no events; a test adds its
own events (fixtures.write_event). Nothing here reads the deployment's regions/ or their events.
"""

from __future__ import annotations

import atexit
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
from functools import cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# what a site is built from, but the regions: the code, the pages, the national facts
PRODUCT_PARTS = ("mkdocs.yml", "macros.py", "qualityweek", "hooks", "data", "docs", "overrides",
                 "spelling")
FIXTURE_REGIONS = ROOT / "tests" / "regions"
# the fixture project's default region: everything a region may have (tests/regions/README.md)
FIXTURE_DEFAULT = "enskaya-oblast"


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



BUILD_TIMEOUT = 300  # seconds


def build_site(dest: Path, project: Path | None = None, fresh_process: bool = False,
               **env: str) -> Build:
    """Run `mkdocs build --strict` on `project` (the fixture project unless a test made its own
    copy) into `dest` with the given QUALITY_* variables.

    The build runs MkDocs' own command line in a child forked from this worker's build server
    (tests/build_server.py), which saves Python's start and the libraries' imports. A test that
    compares two builds for reproducibility asks for `fresh_process`: `python -m mkdocs` in a
    new interpreter, with its own hash seed, as CI and editors run it. The unchanged fixture
    project is built once per environment in a worker (BuiltSites)."""
    unchanged = project is None
    project = project or fixture_project()
    # no QUALITY_* variable of the caller's shell leaks into a build (not even the region: the
    # tests build their own, the fixture project's regions/default.txt)
    environ = {k: v for k, v in os.environ.items() if not k.startswith("QUALITY_")}
    environ.update(env, NO_MKDOCS_2_WARNING="1")
    args = ["build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(dest)]
    if fresh_process or not hasattr(os, "fork"):  # no fork (Windows): a new interpreter
        result = subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project,
                                env=environ, capture_output=True, text=True,
                                timeout=BUILD_TIMEOUT)
    elif unchanged:
        result = _BUILT.copy(dest, environ, lambda: _BUILD_SERVER.build(args, project, environ))
    else:
        result = _BUILD_SERVER.build(args, project, environ)
    return Build(result=result, site=dest)


class BuiltSites:
    """The unchanged fixture project's sites built in this worker, by environment: a test
    that asks for a site another test already had built gets its own copy of it (what the same
    build would write, a hundredth of its time). Copies, so a test may change its site."""

    def __init__(self) -> None:
        self.sites: dict[tuple, tuple[Path, Path, subprocess.CompletedProcess]] = {}

    def copy(self, dest: Path, environ: dict, build) -> subprocess.CompletedProcess:
        # pytest's own variable names the running test: not an input of the build
        key = tuple(sorted((k, v) for k, v in environ.items() if k != "PYTEST_CURRENT_TEST"))
        if key in self.sites:
            kept, built_to, result = self.sites[key]
            shutil.copytree(kept, dest, symlinks=True)
            # as this build would have said it: its own folder in the command and the log
            return subprocess.CompletedProcess(
                [str(dest) if arg == str(built_to) else arg for arg in result.args],
                result.returncode, *(text.replace(str(built_to), str(dest))
                                     for text in (result.stdout, result.stderr)))
        result = build()
        if result.returncode == 0:
            kept = Path(tempfile.mkdtemp(prefix="qw-built-")) / "site"
            atexit.register(shutil.rmtree, kept.parent, ignore_errors=True)
            shutil.copytree(dest, kept, symlinks=True)
            self.sites[key] = (kept, dest, result)
        return result


_BUILT = BuiltSites()


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
                caches = [self.outputs / "templates", self.outputs / "modules"]
                for cache in caches:
                    cache.mkdir()
                self.process = subprocess.Popen(
                    [sys.executable, str(ROOT / "tests" / "build_server.py"), *map(str, caches)],
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


def copy_project(dest: Path, default: str = FIXTURE_DEFAULT) -> Path:
    """A throwaway copy of the project that a test may change: the product with the fixture
    regions as its regions/, `default` the one regions/default.txt names, and no events."""
    dest.mkdir(parents=True)
    for part in PRODUCT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    shutil.copytree(FIXTURE_REGIONS, dest / "regions")
    (dest / "regions" / "README.md").unlink(missing_ok=True)
    (dest / "regions" / "default.txt").write_text(f"regions/{default}\n", encoding="utf-8")
    return dest


@cache
def fixture_project() -> Path:
    """This process's unchanged fixture project, which the shared site builds use."""
    folder = Path(tempfile.mkdtemp(prefix="qw-fixture-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return copy_project(folder / "project")


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


