"""Benchmark of the site on this machine (a script, not a test): build time against plain
Material, build time and sizes with many regional events, what each page's first load costs in
the browser, Lighthouse for every page.

    .venv/bin/python bench/bench.py            # needs: npm ci --prefix bench, Debian's chromium
    .venv/bin/python bench/bench.py --scale-only --scale-events 0,200   # a quick events run

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
if str(ROOT) not in sys.path:  # the generated events use the site's own lists (kinds, places)
    sys.path.insert(0, str(ROOT))
BENCH = ROOT / "bench"
CHROMIUM = Path(os.environ.get("QUALITY_CHROMIUM", "/usr/bin/chromium"))
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update")
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
# top-level folders a build does not read (everything else is copied, so new parts come along)
PROJECT_SKIP = {".git", ".venv", "site", "bench", "tests", ".pytest_cache", ".github"}

TARGETS = {  # name: (limit, comparison)
    "build ratio": (1.3, "<="),
    # the build with the most events against none (issues 9 and 18: 4× for 2000 events, the
    # limit of events a year since issue 16)
    "events scale ratio": (4.0, "<="),
    # at the limit of events a year (2000): what a reader downloads stays bounded (issue 16)
    "events page gzip KB": (250.0, "<="),
    "search index gzip KB": (250.0, "<="),
    # 300 descriptions of the costliest kind, against 300 ordinary ones (issue 16: was 381 s)
    "worst descriptions extra s": (15.0, "<="),
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


def meets(name: str, value: float, where: str = "") -> bool:
    """Whether `value` meets the target `name`; a miss is remembered (with `where`, if any)."""
    limit, comparison = TARGETS[name]
    ok = {"<=": value <= limit, ">=": value >= limit, "==": value == limit}[comparison]
    if not ok:
        failures.append(f"{name} {where}".strip())
    return ok


def verdict(name: str, value: float) -> str:
    limit, comparison = TARGETS[name]
    return f"target {comparison} {limit:g}: {'PASS' if meets(name, value) else 'FAIL'}"


# -- build time -------------------------------------------------------------------------------

def copy_project(dest: Path, source: Path = ROOT) -> Path:
    """The project (or another one, `source`) as a build reads it (what the other folders hold
    is not the build's)."""
    def ignore(folder: str, names: list[str]) -> list[str]:
        top = Path(folder) == source
        return [n for n in names if (top and n in PROJECT_SKIP) or n in ("__pycache__",
                                                                          "node_modules")]
    shutil.copytree(source, dest, ignore=ignore)
    return dest


def mkdocs_build(project: Path, dest: Path, env: dict[str, str], strict: bool = True) -> None:
    """`mkdocs build --strict`, never with -q: -q drops warnings before --strict counts them,
    and the build would pass what CI refuses. The log is kept quiet here, shown on a failure.
    `strict=False` only for the reference, whose pages link to files only the site's hooks
    generate (its warnings say so; they are expected)."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build",
                             "--strict" if strict else "--no-strict", "-f",
                             str(project / "mkdocs.yml"), "-d", str(dest)], cwd=project, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise subprocess.CalledProcessError(result.returncode, result.args, result.stdout,
                                            result.stderr)


def build_times(projects: dict[str, Path], env: dict[str, str], runs: int,
                keep: Path | None = None, lenient: frozenset[str] = frozenset()) -> dict:
    """Median wall and CPU (user + system) seconds of each project's build. The projects'
    builds take turns, so a load from other processes falls on both alike. With `keep`, each
    project's last build stays there as `keep/<name>`."""
    wall: dict[str, list[float]] = {name: [] for name in projects}
    cpu: dict[str, list[float]] = {name: [] for name in projects}
    with tempfile.TemporaryDirectory() as out:
        for run in range(runs):
            for name, project in projects.items():
                dest = keep / name if keep and run == runs - 1 else Path(out) / f"{name}{run}"
                before, start = os.times(), time.perf_counter()
                mkdocs_build(project, dest, env, strict=name not in lenient)
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


def reference_project(work: Path, env: dict[str, str], source: Path = ROOT) -> Path:
    """The same pages with macros already rendered, built by plain Material: no macros plugin,
    no theme overrides, no hooks; the rendered Markdown replaces docs/*.md. `source`: the
    project to copy (the tests pass theirs)."""
    dumping = copy_project(work / "dumping", source)
    (dumping / "bench_dump_hook.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = (dumping / "mkdocs.yml").read_text(encoding="utf-8")
    config = drop_yaml_entry(config, r"hooks:")
    (dumping / "mkdocs.yml").write_text(
        config + "\nhooks:\n" + "".join(f"  - {h}\n" for h in [*hooks_of(source),
                                                               "bench_dump_hook.py"]),
        encoding="utf-8")
    dump = work / "rendered"
    mkdocs_build(dumping, work / "dump-site", {**env, "BENCH_DUMP": str(dump)})

    reference = copy_project(work / "reference", source)
    docs = reference / "docs"
    shutil.rmtree(docs)
    shutil.copytree(source / "docs", docs, ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(dump, docs, dirs_exist_ok=True)
    config = (reference / "mkdocs.yml").read_text(encoding="utf-8")
    for entry in (r"\s+- macros:", r"\s+custom_dir:", r"hooks:", r"watch:"):
        config = drop_yaml_entry(config, entry)
    assert "macros" not in re.sub(r"#.*", "", config), "reference config still uses macros"
    # the site's own theme strings (overrides/partials/languages/custom.html) go with custom_dir:
    # plain Material speaks its own Russian
    config = re.sub(r"^(\s+language:) custom\b.*$", r"\1 ru", config, flags=re.M)
    (reference / "mkdocs.yml").write_text(config, encoding="utf-8")
    return reference


def hooks_of(project: Path) -> list[str]:
    match = re.search(r"^hooks:\n((?:\s+- .*\n)+)", (project / "mkdocs.yml").read_text(
        encoding="utf-8"), re.M)
    return re.findall(r"- (\S+)", match.group(1)) if match else []


# -- many events ------------------------------------------------------------------------------

# A fixed «today» for the events runs (shown edition 2027), whatever --today says: the rows
# compare with each other, and reruns on another day give the same pages.
SCALE_TODAY = "2026-11-28"
# up to the limit of events a year (qualityweek/inputs/events.py MAX_EVENTS_PER_YEAR)
SCALE_EVENTS = (0, 500, 2000)
SCALE_TARGET_EVENTS = 2000
WORST_EVENTS = 300  # events with the costliest descriptions known (issue 16)


def shown_year(today: str) -> int:
    from qualityweek.inputs.settings import read_settings
    return read_settings({"QUALITY_TODAY": today}).year


def event_file(index: int, year: int, municipalities: tuple[str, ...]) -> str:
    """A valid event file (as an editor writes one): every field, a different day, place, kind
    and format by `index`, and a description of a few paragraphs with a link and a list."""
    from qualityweek.inputs.events import FORMATS, IN_PERSON, KINDS
    day = 1 + index % 30
    hour = 9 + index % 8
    municipality = municipalities[index % len(municipalities)]
    kind = KINDS[index % len(KINDS)]
    fmt = FORMATS[index % len(FORMATS)]
    fields = [
        f"title: Открытый день качества № {index + 1}",
        f"organizer: ООО «Предприятие {index + 1}»",
        f"municipality: {municipality}",
        f"kind: {kind}",
        f"start: {year}-11-{day:02d} {hour:02d}:00",
        f"end: {year}-11-{day:02d} {hour + 2:02d}:30",
        f"format: {fmt}",
        *([f"address: ул. Тестовая, д. {index % 120 + 1}"] if fmt in IN_PERSON else []),
        f"url: https://example.org/events/{index + 1}",
        f"contact: +7 (4012) 00-{index % 100:02d}-{index // 100 % 100:02d}",
    ]
    body = (
        f"Предприятие приглашает жителей и партнёров на открытый день — посмотреть, как "
        f"устроен контроль качества на производстве, и задать вопросы специалистам. Участие "
        f"бесплатное, по предварительной записи; группа — до {10 + index % 20} человек.\n\n"
        "В программе:\n\n"
        "- знакомство с производством и системой менеджмента качества;\n"
        "- рассказ о входном контроле сырья и испытаниях готовой продукции;\n"
        "- **дегустация** или демонстрация продукции и ответы на вопросы.\n\n"
        f"Программа и запись — на [странице мероприятия](https://example.org/events/{index + 1}"
        "/programma). Приходите за 10 минут до начала, возьмите с собой документ, "
        "удостоверяющий личность.\n"
    )
    return "---\n" + "\n".join(fields) + "\n---\n\n" + body


def worst_description(index: int) -> str:
    """A description at the size limit made of what cost Python-Markdown the most (runs of «[»,
    «\\», «(» and code spans; issue 16), different for every `index` (the build renders a
    text once)."""
    from qualityweek.core.untrusted import DESCRIPTION_LENGTH
    tail = f" {index}"
    families = ("[\\](" * 100 + "\\]" * 2000, "\\[" * 50 + "\\" * 4900,
                "[a](" * 100 + "\\(" * 2400, "[" * 100 + "`a`" * 1600, "*_" * 2500)
    return families[index % len(families)][:DESCRIPTION_LENGTH - len(tail)] + tail


def add_events(project: Path, year: int, count: int, describe=None) -> None:
    """`count` generated events in `year` instead of the project's own events of that year."""
    from qualityweek.inputs.events import EVENTS_DIR
    from qualityweek.inputs.paths import region_folder
    from qualityweek.inputs.region import load_region
    region = load_region(*region_folder(project, os.environ))
    municipalities = region.municipalities
    folder = region.folder / EVENTS_DIR / str(year)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for index in range(count):
        text = event_file(index, year, municipalities)
        if describe is not None:  # the front matter as generated, another description
            text = text[:text.index("\n---\n") + 5] + "\n" + describe(index) + "\n"
        (folder / f"bench-event-{index + 1:04d}.md").write_text(text, encoding="utf-8")


def events_scale(counts: list[int], env: dict[str, str], runs: int) -> None:
    """Build time and sizes with `counts` generated events in the shown year (the first count
    is the baseline of the ratios); the largest count against the baseline has a target."""
    env = {**env, "QUALITY_TODAY": SCALE_TODAY}
    year = shown_year(SCALE_TODAY)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        projects = {}
        for count in counts:
            projects[str(count)] = copy_project(work / f"events-{count}")
            add_events(projects[str(count)], year, count)
        times = build_times(projects, env, runs, keep=work / "sites")
        base_wall, base_cpu = times[str(counts[0])]
        print(f"\nevents scale (QUALITY_TODAY={SCALE_TODAY}, generated events in {year}; "
              f"mkdocs build --strict, median of {runs}, the builds in turn)")
        # sizes in KB: the events page as GitHub Pages sends it (gzip), the search index as
        # stored and sent (Material writes it with \u escapes: Cyrillic takes 6 bytes a letter)
        print(f"  {'events':>7} {'wall s':>7} {'CPU s':>7} {'CPU ×':>6} {'events page gzip':>16}"
              f" {'search index':>12} {'its gzip':>8} {'site MB':>8}")
        for count in counts:
            wall, cpu = times[str(count)]
            site = work / "sites" / str(count)
            page = gzip.compress((site / "events" / "index.html").read_bytes(), 6)
            index = (site / "search" / "search_index.json").read_bytes()
            total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
            print(f"  {count:>7} {wall:>7.2f} {cpu:>7.2f} {cpu / base_cpu:>6.2f} "
                  f"{len(page) / 1024:>16.1f} {len(index) / 1024:>12.1f} "
                  f"{len(gzip.compress(index, 6)) / 1024:>8.1f} {total / 2**20:>8.1f}")
        ratio = times[str(counts[-1])][1] / base_cpu
        # the targets are for the limit of events a year; a quick run with fewer only prints
        target = (verdict("events scale ratio", ratio) if counts[-1] >= SCALE_TARGET_EVENTS
                  else f"target is for {SCALE_TARGET_EVENTS} events, not checked")
        print(f"  {counts[-1]} events against {counts[0]}: CPU ratio {ratio:.2f}   {target}")
        if counts[-1] >= SCALE_TARGET_EVENTS:
            site = work / "sites" / str(counts[-1])
            page = len(gzip.compress((site / "events" / "index.html").read_bytes(), 6)) / 1024
            index = len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 6))
            print(f"  events page {page:.0f} KB gzip   {verdict('events page gzip KB', page)}")
            print(f"  search index {index / 1024:.0f} KB gzip   "
                  f"{verdict('search index gzip KB', index / 1024)}")


def worst_descriptions(env: dict[str, str], runs: int) -> None:
    """The build with WORST_EVENTS events whose descriptions are the costliest known, against
    the same number of ordinary ones: before the bounded link scans
    (qualityweek/core/description.py) 300 such descriptions took 381 s."""
    env = {**env, "QUALITY_TODAY": SCALE_TODAY}
    year = shown_year(SCALE_TODAY)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ordinary, worst = copy_project(work / "ordinary"), copy_project(work / "worst")
        add_events(ordinary, year, WORST_EVENTS)
        add_events(worst, year, WORST_EVENTS, describe=worst_description)
        times = build_times({"ordinary": ordinary, "worst": worst}, env, runs)
    (o_wall, o_cpu), (w_wall, w_cpu) = times["ordinary"], times["worst"]
    print(f"\nworst-case descriptions ({WORST_EVENTS} events at the size limit of brackets, "
          f"backslashes, code spans; mkdocs build --strict, median of {runs})")
    print(f"  ordinary descriptions {o_wall:.2f} s wall, {o_cpu:.2f} s CPU; worst {w_wall:.2f} s "
          f"wall, {w_cpu:.2f} s CPU   extra CPU {w_cpu - o_cpu:.2f} s   "
          f"{verdict('worst descriptions extra s', w_cpu - o_cpu)}")


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

LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint",
           "TBT": "total-blocking-time", "CLS": "cumulative-layout-shift", "SI": "speed-index"}


def lighthouse_pages(site: Path) -> list[str]:
    """Every page Lighthouse scores: each index.html of the built site (generated archive pages
    included); 404.html is left out, it is what a wrong address gets and no page of the nav."""
    return [path for path in pages_of(site) if path == "" or path.endswith("/")]


def lighthouse(site: Path, runs: int, pages: list[str]) -> dict[str, dict]:
    """Per page: the median score per category over `runs` Lighthouse runs, and the audits
    below 1. The runs go round the pages, so a burst of load does not hit one page's runs."""
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} missing: run `npm ci --prefix bench` (lighthouse 12.2.3, Node 20)")
    reports: dict[str, list[dict]] = {page: [] for page in pages}
    with serve(site) as base, tempfile.TemporaryDirectory() as out:
        for run in range(runs):
            for number, page in enumerate(pages):
                report = Path(out) / f"report{run}-{number}.json"
                subprocess.run([str(LIGHTHOUSE), urljoin(base, page), "--quiet", "--output=json",
                                f"--output-path={report}",
                                f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
                                f"--chrome-flags={CHROME_FLAGS}"],
                               env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, check=True)
                reports[page].append(json.loads(report.read_text(encoding="utf-8")))
    results = {}
    for page, page_reports in reports.items():
        scores = {name: statistics.median(r["categories"][name]["score"] for r in page_reports)
                  for name in LIGHTHOUSE_CATEGORIES}
        scores["_runs"] = [r["categories"]["performance"]["score"] for r in page_reports]
        # the metrics of the run with the median performance: what a low score is made of
        middle = sorted(page_reports, key=lambda r: r["categories"]["performance"]["score"])[
            len(page_reports) // 2]
        scores["_metrics"] = {name: middle["audits"][audit].get("displayValue", "")
                              for name, audit in METRICS.items() if audit in middle["audits"]}
        scores["_failed_audits"] = sorted({
            a["id"] for r in page_reports for a in r["audits"].values()
            if a.get("score") is not None and a["score"] < 1
            and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")})
        results[page] = scores
    return results


def print_lighthouse(results: dict[str, dict], runs: int) -> None:
    print(f"\nLighthouse 12.2.3, {len(results)} pages, mobile preset, Debian chromium, served locally with "
          f"gzip; median of {runs} run{'s' if runs > 1 else ''} per page")
    targets = "  ".join(f"{name} {TARGETS[name][1]} {TARGETS[name][0]:g}"
                        for name in LIGHTHOUSE_CATEGORIES)
    print(f"  targets: {targets}")
    width = max(len("/" + page) for page in results)
    print(f"  {'page':<{width}} " + " ".join(f"{name:>16}" for name in LIGHTHOUSE_CATEGORIES)
          + "  performance per run")
    for page, scores in results.items():
        cells = [f"{scores[name]:.2f} {'ok' if meets(name, scores[name], '/' + page) else 'FAIL'}"
                 for name in LIGHTHOUSE_CATEGORIES]
        print(f"  {'/' + page:<{width}} " + " ".join(f"{cell:>16}" for cell in cells)
              + "  " + ", ".join(f"{s:.2f}" for s in scores["_runs"]))
    for page, scores in results.items():
        if scores["performance"] < TARGETS["performance"][0]:
            print(f"  /{page}: median run's metrics: "
                  + ", ".join(f"{k} {v}" for k, v in scores["_metrics"].items()))
    # most audits below 1 are the same on every page: print those once, then each page's own
    common = set.intersection(*(set(scores["_failed_audits"]) for scores in results.values()))
    if common:
        print(f"  audits below 1 on every page: {', '.join(sorted(common))}")
    for page, scores in results.items():
        own = [audit for audit in scores["_failed_audits"] if audit not in common]
        if own:
            print(f"  /{page}: also below 1: {', '.join(own)}")


def counts(text: str) -> list[int]:
    values = sorted({int(part) for part in text.split(",") if part.strip()})
    if not values or values[0] < 0:
        raise argparse.ArgumentTypeError("expected event counts such as 0,250,500")
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("--runs", type=int, default=5, help="builds per median (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=3,
                        help="Lighthouse runs per page per median (default 3; 1 for a quick look)")
    parser.add_argument("--today", default=os.environ.get("QUALITY_TODAY", ""),
                        help="QUALITY_TODAY for the builds (default: the real date; the events "
                             f"scale rows always use {SCALE_TODAY})")
    parser.add_argument("--scale-events", type=counts, default=list(SCALE_EVENTS),
                        metavar="N,N,…", help="generated events per scale row; the smallest is "
                        f"the ratios' baseline (default {','.join(map(str, SCALE_EVENTS))})")
    parser.add_argument("--scale-runs", type=int, default=1,
                        help="builds per median in the events scale rows (default 1)")
    parser.add_argument("--lighthouse-pages", default="", metavar="PAGE,…",
                        help="Lighthouse for these pages only, e.g. /,events/,archive/2027/ "
                             "(default: every page)")
    parts = parser.add_mutually_exclusive_group()
    parts.add_argument("--scale-only", action="store_true", help="only the events scale rows")
    parts.add_argument("--no-scale", action="store_true", help="skip the events scale rows")
    parts.add_argument("--lighthouse-only", action="store_true",
                       help="only Lighthouse (every page of one build)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUALITY_")}
    env.update(NO_MKDOCS_2_WARNING="1", **({"QUALITY_TODAY": args.today} if args.today else {}))
    print(f"machine: {os.cpu_count()} CPU, Python {sys.version.split()[0]}, "
          f"chromium {CHROMIUM}")

    if not args.lighthouse_only and not args.scale_only:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            project = copy_project(work / "project")
            reference = reference_project(work, env)
            times = build_times({"site": project, "reference": reference}, env, args.runs,
                                lenient=frozenset({"reference"}))
            (site_wall, site_cpu), (reference_wall, reference_cpu) = (times["site"],
                                                                      times["reference"])
            ratio = site_cpu / reference_cpu
            print(f"\nbuild (mkdocs build --strict, median of {args.runs}, the two builds in turn)")
            print(f"  {'':<48} {'wall s':>7} {'CPU s':>7}")
            print(f"  {'site':<48} {site_wall:>7.2f} {site_cpu:>7.2f}")
            print(f"  {'reference (plain Material, macros pre-rendered)':<48} "
                  f"{reference_wall:>7.2f} {reference_cpu:>7.2f}")
            print(f"  {'ratio':<48} {site_wall / reference_wall:>7.2f} {ratio:>7.2f}   "
                  f"CPU ratio {verdict('build ratio', ratio)}")

    if not args.lighthouse_only and not args.no_scale:
        events_scale(args.scale_events, env, args.scale_runs)
        worst_descriptions(env, args.scale_runs)

    if not args.scale_only:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            site = work / "site"
            mkdocs_build(copy_project(work / "project"), site, env)
            if not args.lighthouse_only:
                first_load_report(site)
            pages = lighthouse_pages(site)
            if args.lighthouse_pages:
                wanted = {page.strip("/") + "/" if page.strip("/") else ""
                          for page in args.lighthouse_pages.split(",")}
                pages = [page for page in pages if page in wanted]
            print_lighthouse(lighthouse(site, args.lighthouse_runs, pages), args.lighthouse_runs)

    print(f"\n{'all targets met' if not failures else 'FAILED: ' + ', '.join(failures)}")
    sys.exit(1 if failures else 0)


def first_load_report(site: Path) -> None:
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


if __name__ == "__main__":
    main()
