"""`mkdocs serve` after an edit that breaks the build: the browser gets a page that says why (in
Russian, naming the file), not an endless wait; the next good edit brings the site back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup
from building import copy_project
from fixtures import default_region, edit_region_file

from qualityweek.outputs.serve_error import error_page


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, url: str, seconds: float = 180) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            page = _get(url)
            if predicate(page):
                return page
        except OSError:
            pass
        assert time.monotonic() < deadline, "the page did not change in time"
        time.sleep(1)


@pytest.mark.cost(5)
def test_a_broken_build_shows_its_message_in_the_browser(tmp_path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("QUALITY_")}
    environ.update(NO_MKDOCS_2_WARNING="1", QUALITY_TODAY="2026-11-05")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload",
         "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        good = _wait_for(lambda page: "<article" in page, url)
        region = default_region()
        facts = project / region.label / "region.yml"
        original = facts.read_text(encoding="utf-8")
        edit_region_file(project, lambda data: data["ministry"].update(email="prom"))
        broken = _wait_for(lambda page: "Сайт не собрался" in page, url)
        soup = BeautifulSoup(broken, "html.parser")
        assert soup.html["lang"] == "ru"
        message = soup.select_one("main li").get_text()
        assert f"{region.label}/region.yml" in message and "«prom»" in message, message
        assert "<script" in broken  # livereload's: the page reloads itself after the fix
        facts.write_text(original, encoding="utf-8")
        back = _wait_for(lambda page: "<article" in page, url)
        assert "Сайт не собрался" not in back and good.count("<article") == back.count("<article")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_error_page_is_text_not_markup():
    page = error_page(["docs/x.md: <script>alert(1)</script>\x1b[31m"])
    soup = BeautifulSoup(page, "html.parser")
    assert not soup.select("script")
    assert soup.select_one("li").get_text() == "docs/x.md: <script>alert(1)</script>\\x1b[31m"
