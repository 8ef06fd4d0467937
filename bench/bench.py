"""Benchmark of the site on this machine (a script, not a test): build time against plain
Material, what each page's first load costs in the browser, Lighthouse for the home page.

    .venv/bin/python bench/bench.py            # needs: npm ci --prefix bench, Debian's chromium

Each figure is printed beside its target with PASS/FAIL; the exit status is 1 if one fails.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin


ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CHROMIUM = Path(os.environ.get("QUALITY_CHROMIUM", "/usr/bin/chromium"))
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update")
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
# top-level folders a build does not read (everything else is copied, so new parts come along)
PROJECT_SKIP = {".git", ".venv", "site", "bench", "tests", ".pytest_cache", ".github"}

TARGETS = {  # name: (limit, comparison)
    "build ratio": (1.3, "<="),
    "home gzip KB": (80.0, "<="),
    "third-party requests": (0, "=="),
    "performance": (0.98, ">="),
    "accessibility": (1.0, ">="),
    "best-practices": (1.0, ">="),
    "seo": (1.0, ">="),
}
# The search index and the lunr language files the search worker fetches with it: the lazily
# loaded search, not the page (the worker script itself counts as the page's JS).
SEARCH_ON_DEMAND = re.compile(r"/search/search_index\.json|/assets/javascripts/lunr/")
# What GitHub Pages sends gzip-compressed (text); images and fonts in binary formats go as is.
COMPRESSED_TYPES = re.compile(r"text/|javascript|json|xml|svg|font/ttf|font/otf")

failures: list[str] = []


def verdict(name: str, value: float) -> str:
    limit, comparison = TARGETS[name]
    ok = {"<=": value <= limit, ">=": value >= limit, "==": value == limit}[comparison]
    if not ok:
        failures.append(name)
    return f"target {comparison} {limit:g}: {'PASS' if ok else 'FAIL'}"


# -- build time -------------------------------------------------------------------------------

def copy_project(dest: Path) -> Path:
    """The project as a build reads it (what the other folders hold is not the build's)."""
    def ignore(folder: str, names: list[str]) -> list[str]:
        top = Path(folder) == ROOT
        return [n for n in names if (top and n in PROJECT_SKIP) or n in ("__pycache__",
                                                                          "node_modules")]
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


def mkdocs_build(project: Path, dest: Path, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                    str(project / "mkdocs.yml"), "-d", str(dest)], cwd=project, env=env, check=True)


def build_times(projects: dict[str, Path], env: dict[str, str], runs: int) -> dict:
    """Median wall and CPU (user + system) seconds of each project's build. The projects'
    builds take turns, so a load from other processes falls on both alike."""
    wall: dict[str, list[float]] = {name: [] for name in projects}
    cpu: dict[str, list[float]] = {name: [] for name in projects}
    with tempfile.TemporaryDirectory() as out:
        for run in range(runs):
            for name, project in projects.items():
                before, start = os.times(), time.perf_counter()
                mkdocs_build(project, Path(out) / f"{name}{run}", env)
                after = os.times()
                wall[name].append(time.perf_counter() - start)
                cpu[name].append(after.children_user - before.children_user
                                 + after.children_system - before.children_system)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name]))
            for name in projects}


DUMP_HOOK = '''
"""Writes each page's Markdown as MkDocs hands it on after the macros plugin (hooks run after
the plugins), with its front matter: the reference project's pages."""
import os
from pathlib import Path

import yaml


def on_page_markdown(markdown, page, config, files):
    target = Path(os.environ["BENCH_DUMP"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = yaml.safe_dump(dict(page.meta), allow_unicode=True) if page.meta else ""
    target.write_text(("---\\n" + meta + "---\\n" if meta else "") + markdown, encoding="utf-8")
    return markdown
'''


def drop_yaml_entry(text: str, pattern: str) -> str:
    """Remove a mkdocs.yml line matching `pattern` and the lines indented under it."""
    lines, out, skip_indent = text.splitlines(keepends=True), [], None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None and (not line.strip() or indent > skip_indent):
            continue
        skip_indent = None
        if re.match(pattern, line):
            skip_indent = indent
            continue
        out.append(line)
    return "".join(out)


def reference_project(work: Path, env: dict[str, str]) -> Path:
    """The same pages with macros already rendered, built by plain Material: no macros plugin,
    no theme overrides, no hooks; the rendered Markdown replaces docs/*.md."""
    dumping = copy_project(work / "dumping")
    (dumping / "bench_dump_hook.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = (dumping / "mkdocs.yml").read_text(encoding="utf-8")
    config = drop_yaml_entry(config, r"hooks:")
    (dumping / "mkdocs.yml").write_text(
        config + "\nhooks:\n" + "".join(f"  - {h}\n" for h in [*hooks_of(ROOT), "bench_dump_hook.py"]),
        encoding="utf-8")
    dump = work / "rendered"
    mkdocs_build(dumping, work / "dump-site", {**env, "BENCH_DUMP": str(dump)})

    reference = copy_project(work / "reference")
    docs = reference / "docs"
    shutil.rmtree(docs)
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(dump, docs, dirs_exist_ok=True)
    config = (reference / "mkdocs.yml").read_text(encoding="utf-8")
    for entry in (r"\s+- macros:", r"\s+custom_dir:", r"hooks:", r"watch:"):
        config = drop_yaml_entry(config, entry)
    assert "macros" not in re.sub(r"#.*", "", config), "reference config still uses macros"
    (reference / "mkdocs.yml").write_text(config, encoding="utf-8")
    return reference


def hooks_of(project: Path) -> list[str]:
    match = re.search(r"^hooks:\n((?:\s+- .*\n)+)", (project / "mkdocs.yml").read_text(
        encoding="utf-8"), re.M)
    return re.findall(r"- (\S+)", match.group(1)) if match else []


# -- first load in the browser ----------------------------------------------------------------

class GzipHandler(SimpleHTTPRequestHandler):
    """Serves the built site as GitHub Pages does for text: gzip-compressed when asked."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file()
                or not COMPRESSED_TYPES.search(kind)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO
        return BytesIO(body)


@contextmanager
def serve(directory: Path):
    with ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(directory))) \
            as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()


def pages_of(site: Path) -> list[str]:
    """Every built page, found in the site (404 and generated pages included)."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        paths.append(re.sub(r"(^|/)index\.html$", r"\1", relative))
    return paths


def first_loads(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=CHROME_FLAGS.split()[1:])
        for path in pages_of(site):
            context = browser.new_context(viewport={"width": 390, "height": 844},
                                          is_mobile=True, has_touch=True)
            page = context.new_page()
            responses = []
            context.on("requestfinished", lambda request: responses.append(request))
            context.on("requestfailed", lambda request: responses.append(request))
            page.goto(urljoin(base, path), wait_until="networkidle")
            row = {"page": "/" + path, "requests": 0, "third_party": 0, "raw": 0, "gzip": 0,
                   "on_demand": 0}
            for request in responses:
                if not request.url.startswith(base):
                    if not request.url.startswith(("data:", "blob:")):
                        row["requests"] += 1
                        row["third_party"] += 1
                    continue
                if SEARCH_ON_DEMAND.search(request.url):
                    row["on_demand"] += 1
                    continue
                response = request.response()
                body = response.body() if response else b""
                kind = response.headers.get("content-type", "") if response else ""
                row["requests"] += 1
                row["raw"] += len(body)
                row["gzip"] += len(gzip.compress(body, 6)) if COMPRESSED_TYPES.search(kind) \
                    else len(body)
            rows.append(row)
            context.close()
        browser.close()
    return rows


# -- Lighthouse -------------------------------------------------------------------------------

def lighthouse(site: Path, runs: int) -> dict:
    """Median score per category over `runs` Lighthouse runs, and the audits below 1."""
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} missing: run `npm ci --prefix bench` (lighthouse 12.2.3, Node 20)")
    reports = []
    with serve(site) as base, tempfile.TemporaryDirectory() as out:
        for run in range(runs):
            report = Path(out) / f"report{run}.json"
            subprocess.run([str(LIGHTHOUSE), base, "--quiet", "--output=json",
                            f"--output-path={report}",
                            "--only-categories=performance,accessibility,best-practices,seo",
                            f"--chrome-flags={CHROME_FLAGS}"],
                           env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, check=True)
            reports.append(json.loads(report.read_text(encoding="utf-8")))
    scores = {name: statistics.median(r["categories"][name]["score"] for r in reports)
              for name in reports[0]["categories"]}
    scores["_runs"] = [r["categories"]["performance"]["score"] for r in reports]
    scores["_failed_audits"] = sorted({
        a["id"] for r in reports for a in r["audits"].values()
        if a.get("score") is not None and a["score"] < 1
        and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")})
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per median (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=3,
                        help="Lighthouse runs per median (default 3)")
    parser.add_argument("--today", default=os.environ.get("QUALITY_TODAY", ""),
                        help="QUALITY_TODAY for the builds (default: the real date)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUALITY_")}
    env.update(NO_MKDOCS_2_WARNING="1", **({"QUALITY_TODAY": args.today} if args.today else {}))
    print(f"machine: {os.cpu_count()} CPU, Python {sys.version.split()[0]}, "
          f"chromium {CHROMIUM}")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        project = copy_project(work / "project")
        reference = reference_project(work, env)
        times = build_times({"site": project, "reference": reference}, env, args.runs)
        (site_wall, site_cpu), (reference_wall, reference_cpu) = times["site"], times["reference"]
        ratio = site_cpu / reference_cpu
        print(f"\nbuild (mkdocs build --strict, median of {args.runs}, the two builds in turn)")
        print(f"  {'':<48} {'wall s':>7} {'CPU s':>7}")
        print(f"  {'site':<48} {site_wall:>7.2f} {site_cpu:>7.2f}")
        print(f"  {'reference (plain Material, macros pre-rendered)':<48} {reference_wall:>7.2f}"
              f" {reference_cpu:>7.2f}")
        print(f"  {'ratio':<48} {site_wall / reference_wall:>7.2f} {ratio:>7.2f}   "
              f"CPU ratio {verdict('build ratio', ratio)}")

        site = work / "site"
        mkdocs_build(project, site, env)
        rows = first_loads(site)
        print("\nfirst load per page (phone, fresh cache; the search index loads apart)")
        print(f"  {'page':<28} {'requests':>8} {'3rd-party':>9} {'raw KB':>8} {'gzip KB':>8}"
              f" {'search index':>13}")
        for row in rows:
            print(f"  {row['page']:<28} {row['requests']:>8} {row['third_party']:>9} "
                  f"{row['raw'] / 1024:>8.1f} {row['gzip'] / 1024:>8.1f} {row['on_demand']:>13}")
        home = next(row for row in rows if row["page"] == "/")
        third = sum(row["third_party"] for row in rows)
        print(f"  home first load {home['gzip'] / 1024:.1f} KB gzip   "
              f"{verdict('home gzip KB', home['gzip'] / 1024)}")
        print(f"  third-party requests, all pages: {third}   "
              f"{verdict('third-party requests', third)}")

        scores = lighthouse(site, args.lighthouse_runs)
        print(f"\nLighthouse 12.2.3, home page, mobile preset, Debian chromium, served locally"
              f" with gzip; median of {args.lighthouse_runs} runs"
              f" (performance per run: {', '.join(f'{s:.2f}' for s in scores['_runs'])})")
        for name in ("performance", "accessibility", "best-practices", "seo"):
            print(f"  {name:<16} {scores[name]:.2f}   {verdict(name, scores[name])}")
        if scores["_failed_audits"]:
            print(f"  audits below 1: {', '.join(scores['_failed_audits'])}")

    print(f"\n{'all targets met' if not failures else 'FAILED: ' + ', '.join(failures)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
