"""A plain server (deploy/, issue 35): Debian's nginx with the shipped configuration serves a real
built site on the loopback with the right types, the 404 page, gzip and caching, and follows the
switched link; deploy/publish.sh switches the site only after a strict build succeeded, keeps the
old one on failure with the build's reason in its log, and removes old builds; the systemd units
pass systemd's own check and run when pages.yml does."""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from building import ROOT, build_site, copy_project
from fixtures import edit_region_file


DEPLOY = ROOT / "deploy"
NGINX_CONF = DEPLOY / "nginx" / "quality-week.conf"
PUBLISH = DEPLOY / "publish.sh"
TODAY = "2026-11-28"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
ONE_YEAR = "public, max-age=31536000, immutable"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_block(root: Path, port: int) -> str:
    """The shipped file with only its listen lines and root changed."""
    text = NGINX_CONF.read_text(encoding="utf-8")
    text, listens = re.subn(r"    listen 80;\n    listen \[::\]:80;\n",
                            f"    listen 127.0.0.1:{port};\n", text)
    text, roots = re.subn(r"    root /srv/quality-week/current;\n", f"    root {root};\n", text)
    assert (listens, roots) == (1, 1), "the shipped listen or root lines changed"
    return text


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    build = build_site(tmp_path_factory.mktemp("deploy") / "site", QUALITY_TODAY=TODAY,
                       QUALITY_SITE_URL="https://quality.example.ru/")
    assert build.result.returncode == 0, build.output
    # the site has no web app manifest yet; nginx's type for one is checked on a stand-in
    (build.site / "site.webmanifest").write_text('{"name": "x"}', encoding="utf-8")
    return build.site


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    """Debian's nginx on 127.0.0.1 with the shipped server block; root is a `current` link to
    the built site, as publish.sh makes it."""
    if NGINX is None:
        pytest.skip("nginx not installed: apt-get install nginx (Debian's package; .ci/run "
                    "installs it)")
    home = tmp_path_factory.mktemp("nginx")
    current = home / "current"
    current.symlink_to(site)
    port = free_port()
    (home / "site.conf").write_text(server_block(current, port), encoding="utf-8")
    temp = "\n".join(f"  {name}_temp_path {home / name};" for name in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers read the test's own folders
    (home / "nginx.conf").write_text(
        f"{user}worker_processes 1;\ndaemon off;\npid {home / 'nginx.pid'};\n"
        f"error_log {home / 'error.log'};\nevents {{ worker_connections 64; }}\n"
        f"http {{\n  access_log off;\n{temp}\n  include {home / 'site.conf'};\n}}\n",
        encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(home), "-c", str(home / "nginx.conf")],
                           capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-p", str(home), "-c", str(home / "nginx.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail("nginx did not start: " + (home / "error.log").read_text())
        yield port, current
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


TYPES = {
    "html": "text/html; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
    "xml": "text/xml; charset=utf-8",
    "webmanifest": "application/manifest+json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "svg": "image/svg+xml; charset=utf-8",
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "js": "application/javascript; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "png": "image/png",
    "woff": "font/woff",
}


def one_file(site: Path, suffix: str) -> str:
    found = sorted(site.rglob(f"*.{suffix}"))
    assert found, f"no .{suffix} in the built site"
    return "/" + found[0].relative_to(site).as_posix()


@pytest.mark.parametrize("suffix", TYPES)
def test_each_kind_of_file_has_its_type(nginx, site, suffix):
    status, headers, body = get(nginx[0], one_file(site, suffix))
    assert status == 200
    assert headers["content-type"] == TYPES[suffix]
    assert headers["x-content-type-options"] == "nosniff"


def test_every_file_the_build_writes_has_a_declared_type(nginx, site):
    suffixes = {file.suffix for file in site.rglob("*") if file.is_file()}
    for suffix in sorted(suffixes):
        _, headers, _ = get(nginx[0], one_file(site, suffix.lstrip(".")))
        assert headers["content-type"] != "application/octet-stream", suffix


def test_a_missing_page_is_the_sites_404_page(nginx, site):
    status, headers, body = get(nginx[0], "/no-such-page/")
    assert status == 404
    assert body == (site / "404.html").read_bytes()
    assert headers["content-type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize("path", ["/", "/sitemap.xml", "calendar", "bundle"])
def test_text_goes_gzipped_to_a_browser_that_asks(nginx, site, path):
    path = {"calendar": one_file(site, "ics"),
            "bundle": one_file(site, "min.js")}.get(path, path)
    status, headers, body = get(nginx[0], path, **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip", headers
    assert headers["vary"] == "Accept-Encoding"
    plain = get(nginx[0], path)[2]
    assert gzip.decompress(body) == plain and len(body) < len(plain)
    # a PNG is compressed already
    _, headers, _ = get(nginx[0], one_file(site, "png"), **{"Accept-Encoding": "gzip"})
    assert "content-encoding" not in headers


def test_fingerprinted_assets_are_kept_a_year_and_pages_are_asked_again(nginx, site):
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert re.fullmatch(r"bundle\.[0-9a-f]{8}\.min\.js", bundle.name)  # Material's naming
    fingerprinted = [bundle, *site.glob("assets/stylesheets/main.*.min.css"),
                     *site.glob("assets/javascripts/workers/search.*.min.js")]
    assert len(fingerprinted) == 3
    for file in fingerprinted:
        _, headers, _ = get(nginx[0], "/" + file.relative_to(site).as_posix())
        assert headers["cache-control"] == ONE_YEAR, file
    # pages, the project's own scripts and the calendar keep their names from build to build
    for path in ["/", "/events/", "/assets/javascripts/propose-event.js", one_file(site, "ics"),
                 "/404.html", "/no-such-page/"]:
        _, headers, _ = get(nginx[0], path)
        assert headers["cache-control"] == "no-cache", path


def test_the_switched_link_is_served_at_once(nginx, site, tmp_path):
    port, current = nginx
    other = tmp_path / "next-build"
    other.mkdir()
    (other / "index.html").write_text("<p>следующая сборка</p>", encoding="utf-8")
    link = current.with_name("current.new")
    link.symlink_to(other)
    link.replace(current)  # mv -T: one rename
    try:
        assert "следующая сборка" in get(port, "/")[2].decode("utf-8")
    finally:
        link.symlink_to(site)
        link.replace(current)
    assert get(port, "/")[2] == (site / "index.html").read_bytes()


# -- deploy/publish.sh: switch only after a strict build succeeded --------------------------------

def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                          cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def server(tmp_path) -> tuple[Path, Path]:
    """An origin repository (the project) and a server folder with its clone, set up once by
    hand as the README says (the packages installed: requirements.txt noted)."""
    if shutil.which("git") is None or shutil.which("flock") is None:
        pytest.skip("git and flock (util-linux) are needed")
    origin = copy_project(tmp_path / "origin")
    shutil.copy2(ROOT / "requirements.txt", origin / "requirements.txt")
    shutil.copytree(DEPLOY, origin / "deploy")
    _git(origin, "init", "-q", "-b", "main")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-qm", "site")
    srv = tmp_path / "srv"
    srv.mkdir()
    _git(srv, "clone", "-q", str(origin), "repo")
    shutil.copy2(srv / "repo" / "requirements.txt", srv / ".installed-requirements.txt")
    return origin, srv


def publish(srv: Path, **extra: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("QUALITY_")}
    environ.update(QUALITY_DEPLOY_DIR=str(srv), QUALITY_PYTHON=sys.executable,
                   QUALITY_TODAY=TODAY, QUALITY_SITE_URL="https://quality.example.ru/", **extra)
    # as systemd starts it: the clone's own script
    return subprocess.run([str(srv / "repo" / "deploy" / "publish.sh")], env=environ,
                          capture_output=True, text=True, timeout=600)


def current(srv: Path) -> str:
    return os.readlink(srv / "current")


def test_a_failed_build_keeps_the_old_site_and_says_why(server):
    origin, srv = server
    first = publish(srv)
    assert first.returncode == 0, first.stdout + first.stderr
    old = current(srv)
    assert re.fullmatch(r"builds/\d{8}-\d{6}(-\d+)?", old)
    index = (srv / old / "index.html").read_bytes()
    assert "Готово" in first.stdout

    edit_region_file(origin, lambda data: data["region"].update(timezone="Europe/Atlantis"))
    _git(origin, "commit", "-qam", "a broken region file")
    failed = publish(srv)
    log = failed.stdout + failed.stderr
    assert failed.returncode != 0
    assert current(srv) == old and (srv / old / "index.html").read_bytes() == index
    # the build's own reason, and what became of the site
    assert "region.timezone" in log and "Europe/Atlantis" in log, log
    assert f"Сайт не обновлён: остаётся прежняя сборка ({old})" in log
    assert sorted(p.name for p in (srv / "builds").iterdir()) == [old.removeprefix("builds/")]
    assert len(list((srv / "logs").glob("*.log"))) == 2  # the failed build's output is kept


def test_a_good_build_moves_the_link_and_old_builds_go(server):
    origin, srv = server
    first = publish(srv)
    assert first.returncode == 0, first.stdout + first.stderr
    old = current(srv)
    titles = []

    def retitle(data: dict) -> None:
        data["site"]["title"] += " (новое название)"
        titles.append(data["site"]["title"])

    edit_region_file(origin, retitle)
    _git(origin, "commit", "-qam", "a new title")
    second = publish(srv, QUALITY_KEEP_BUILDS="1")
    assert second.returncode == 0, second.stdout + second.stderr
    new = current(srv)
    assert new != old
    assert titles[0] in (srv / "current" / "index.html").read_text(encoding="utf-8")
    assert [p.name for p in (srv / "builds").iterdir()] == [new.removeprefix("builds/")]
    assert f"Удалена старая сборка {old}" in second.stdout


def test_the_script_passes_shellcheck():
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck not installed: apt-get install shellcheck")
    result = subprocess.run([shellcheck, "-s", "sh", str(PUBLISH)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout


# -- when it runs ------------------------------------------------------------------------------

def pages_schedule() -> tuple[int, int]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    minute, hour, *_ = workflow[True]["schedule"][0]["cron"].split()
    return int(hour), int(minute)


def test_the_timer_and_the_cron_line_run_when_pages_yml_does():
    hour, minute = pages_schedule()
    timer = (DEPLOY / "systemd" / "quality-week.timer").read_text(encoding="utf-8")
    assert f"OnCalendar=*-*-* {hour:02d}:{minute:02d}:00 UTC" in timer.splitlines()
    assert "Persistent=true" in timer.splitlines()
    cron = (DEPLOY / "quality-week.cron").read_text(encoding="utf-8")
    (line,) = [line for line in cron.splitlines() if re.match(r"\d", line)]
    fields = line.split()
    # the server's clock on Moscow time (UTC+3), as the comment says
    assert (int(fields[0]), int(fields[1])) == (minute, (hour + 3) % 24)
    assert fields[2:5] == ["*", "*", "*"] and "deploy/publish.sh" in line


def test_systemd_accepts_the_units(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze not installed (systemd)")
    for name in ("quality-week.service", "quality-week.timer"):
        text = (DEPLOY / "systemd" / name).read_text(encoding="utf-8")
        # the script where the unit expects it, in this folder
        text = text.replace("/srv/quality-week/repo/deploy/publish.sh", str(PUBLISH))
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = subprocess.run([analyze, "verify", str(tmp_path / "quality-week.timer"),
                             str(tmp_path / "quality-week.service")],
                            capture_output=True, text=True, timeout=60)
    problems = [line for line in (result.stdout + result.stderr).splitlines()
                if "quality-week" in line]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr
