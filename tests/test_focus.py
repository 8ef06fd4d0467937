"""Keyboard focus (issue 15, item 6; WCAG 2.2 2.4.7 and the 2.4.11 draft's measure): a real Tab
walk through pages with controls — links, buttons, inputs, selects, a textarea, the events
filters, copy buttons — in Chromium, on the light and the dark (slate) palette. Every control
the Tab key reaches is visible and shows an outline at least 2 px wide whose colour has at least
3:1 contrast against the background it is drawn on (computed styles; the contrast ratio is
computed here, WCAG's relative luminance). The search results Material keeps hidden in the
header are no tab stop.

Controls are found by walking, not by id: the propose form's markup may change.
"""

from __future__ import annotations

import pytest
from browsing import reader
from bs4 import BeautifulSoup
from building import build_site, copy_project, serve

SITE_URL = "https://example.org/qw/"  # the kit and home pages show the address copy button
PAGES = ["", "propose/", "events/", "kit/"]
MAX_STOPS = 400  # a page has fewer tab stops; past this the walk is stuck in a loop

# In the page: what has focus, and how its focus indicator looks. The background an outline is
# drawn on is the first opaque background behind the element (its own for an inset outline);
# a translucent one is blended over what lies below it.
FOCUSED = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  // a visually hidden radio shows its focus on the visible label beside it (Material's
  // palette toggle: one label of the group is shown, the switch to the other palette)
  const box = el.getBoundingClientRect();
  if (el.tagName === "INPUT" && (box.width < 2 || box.height < 2 ||
      parseFloat(getComputedStyle(el).opacity) === 0)) {
    const shown = [...el.parentElement.children].find(
      (n) => n.tagName === "LABEL" && n.getBoundingClientRect().width > 0);
    if (shown) el = shown;
  }
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const offset = parseFloat(style.outlineOffset) || 0;
  const inset = offset < 0;
  const layers = [];
  for (let node = inset ? el : el.parentElement; node; node = node.parentElement) {
    const bg = parse(getComputedStyle(node).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
  }
  let color = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) {
    color = [r * a + color[0] * (1 - a), g * a + color[1] * (1 - a), b * a + color[2] * (1 - a)];
  }
  let visible = rect.width > 0 && rect.height > 0 && style.visibility !== "hidden" &&
                rect.right > 0 && rect.left < innerWidth;  // not moved off the screen
  for (let node = el; node && visible; node = node.parentElement) {
    const s = getComputedStyle(node);
    if (s.display === "none" || parseFloat(s.opacity) === 0) visible = false;
  }
  return {
    what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
          (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "") +
          " «" + (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30) + "»",
    path: (() => { const ids = []; for (let n = el; n && ids.length < 4; n = n.parentElement)
             ids.push(n.tagName.toLowerCase() + (n.className && typeof n.className === "string" ? "." + n.className.trim().split(/\\s+/)[0] : "")); return ids.join(" < "); })(),
    style: style.outlineStyle, width: parseFloat(style.outlineWidth),
    outline: parse(style.outlineColor), background: color, visible: visible,
  };
}"""


def luminance(rgb) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    """WCAG 2 contrast ratio of two sRGB colours (1 to 21)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_ratio_matches_wcag_examples():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast((63, 81, 181), (63, 81, 181)) == pytest.approx(1)


def blend(outline, background):
    """An outline colour with alpha as it shows over `background`."""
    r, g, b, a = outline
    return [r * a + background[0] * (1 - a), g * a + background[1] * (1 - a),
            b * a + background[2] * (1 - a)]


# Transitions off: what is measured is the focused state, not a frame of its fade-in.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def tab_walk(page) -> list[dict]:
    """Every stop of the Tab key from the top of the page until focus leaves the page or
    comes back to the first stop."""
    # Material opens search on the field's focus once its search is set up: wait for that, the
    # moment its worker's first answer replaces the results' first line («Инициализация…», as
    # the page's HTML has it)
    html = page.context.request.get(page.url).text()
    waiting = BeautifulSoup(html, "html.parser").select_one(".md-search-result__meta").get_text()
    page.wait_for_function("text => document.querySelector('.md-search-result__meta')"
                           ".textContent.trim() !== text", arg=waiting.strip())
    # the propose form shows once its rules are read (its controls are what the walk checks)
    if page.locator("form[data-qw-form]").count():
        page.wait_for_selector("form[data-qw-form]:not([hidden])")
    page.add_style_tag(content=NO_TRANSITIONS)
    page.keyboard.press("Tab")
    stops, first = [], None
    for _ in range(MAX_STOPS):
        stop = page.evaluate(FOCUSED)
        if stop is None:
            break
        key = stop["path"] + stop["what"]
        if key == first:
            break
        first = first or key
        stops.append(stop)
        page.keyboard.press("Tab")
    return stops


def problems(stops: list[dict]) -> list[str]:
    found = []
    for stop in stops:
        where = f"{stop['what']} ({stop['path']})"
        if not stop["visible"]:
            found.append(f"{where}: a tab stop that is not visible")
            continue
        if stop["style"] in ("none", "hidden") or stop["width"] < 2:
            found.append(f"{where}: outline {stop['style']} {stop['width']} px")
            continue
        ratio = contrast(blend(stop["outline"], stop["background"]), stop["background"])
        if ratio < 3:
            found.append(f"{where}: outline {stop['outline']} on {stop['background']} is "
                         f"{ratio:.2f}:1")
    return found


@pytest.fixture(scope="module")
def site(bench, tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("focus") / "project")
    bench.add_events(project, 2027, 5)  # the events page with its filters
    build = build_site(tmp_path_factory.mktemp("focus-site") / "site", project,
                       QUALITY_TODAY="2026-11-28", QUALITY_SITE_URL=SITE_URL)
    assert build.result.returncode == 0, build.output
    with serve(build.site) as base:
        yield base


@pytest.mark.parametrize("palette", ["light", "dark"])
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_every_tab_stop_shows_a_visible_focus_outline(browser, site, viewport, palette):
    found, kinds = {}, set()
    with reader(browser, viewport, color_scheme=palette) as session:
        for path in PAGES:
            session.page.goto(site + path)
            session.page.wait_for_load_state("load")
            stops = tab_walk(session.page)
            assert len(stops) > 5, path
            kinds.update(stop["what"].split("«")[0].split(".")[0].split("#")[0] for stop in stops)
            if problems(stops):
                found[path] = problems(stops)
    assert not found, found
    # the walk reached every kind of control the brief names
    assert {"a", "button", "input", "select", "textarea"} <= kinds, kinds


def test_hidden_search_results_are_no_tab_stop(browser, site):
    with reader(browser, "desktop") as session:
        session.page.goto(site)
        stops = tab_walk(session.page)
        assert not [s for s in stops if "md-search__scrollwrap" in s["what"] + s["path"]
                    or "md-search__output" in s["path"]], stops


def test_back_to_top_is_seen_while_the_keyboard_is_on_it(browser, site):
    """Material hides «К началу» (on loading, and on a scroll down) by opacity alone: the Tab
    key can reach it, or stay on it, while it is hidden. It shows while it has keyboard focus."""
    with reader(browser, "desktop", color_scheme="dark") as session:
        page = session.page
        page.goto(site)
        page.wait_for_load_state("load")
        page.add_style_tag(content=NO_TRANSITIONS)
        page.keyboard.press("Tab")  # the keyboard is in use: a focus now is a visible one
        shown = page.evaluate("""() => {
            const top = document.querySelector('.md-top');
            top.focus();
            return [top.hidden, top.matches(':focus-visible'), getComputedStyle(top).opacity];
        }""")
    assert shown == [True, True, "1"]
