"""An offline install (issue 35): the pinned packages install from a folder of wheels with no
package index into a fresh virtual environment, and that environment builds the site strictly.
Nothing is fetched: the wheels are gathered beforehand (.ci/run does it, README's command), pip
gets --no-index and no configuration, and every proxy points at a closed port."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from building import ROOT, copy_project

WHEELS = ROOT / ".cache" / "wheels"
GATHER = "pip download -r requirements.txt -d wheels/"
INSTALL = "pip install --no-index --find-links wheels/ -r requirements.txt"


def test_the_readme_gives_both_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert GATHER in readme and INSTALL in readme


@pytest.mark.cost(20)
def test_install_from_wheels_without_an_index_and_build(tmp_path):
    if not WHEELS.is_dir() or not any(WHEELS.glob("*.whl")):
        pytest.skip("no wheel folder: run `python -m pip download -r requirements.txt "
                    "-d .cache/wheels` (.ci/run does)")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    closed = "http://127.0.0.1:9"  # the discard port: any request fails at once
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith(("PIP_", "QUALITY_")) and k.lower() not in (
                   "http_proxy", "https_proxy", "no_proxy")}
    environ.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1",
                   http_proxy=closed, https_proxy=closed, HTTP_PROXY=closed,
                   HTTPS_PROXY=closed, NO_MKDOCS_2_WARNING="1")
    # the README's command, with this checkout's folders
    install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-index",
                              "--find-links", str(WHEELS), "-r", str(ROOT / "requirements.txt")],
                             env=environ, capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, (
        install.stdout[-3000:] + install.stderr[-3000:]
        + "\nthe wheel folder may be stale: run `python -m pip download -r requirements.txt "
          "-d .cache/wheels` again")
    project = copy_project(tmp_path / "project")
    build = subprocess.run([str(venv / "bin" / "mkdocs"), "build", "--strict", "-d",
                            str(tmp_path / "site")], cwd=project, env=environ,
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stdout + build.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "404.html").is_file()
