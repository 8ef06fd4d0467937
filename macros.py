"""mkdocs-macros module: registers the pure logic of `qualityweek` for the pages.

Only the plain `define_env(env)` API is used (no other plugin hooks), so the site can move to
Zensical, which reads the same mkdocs.yml and macros API.
Pages opt in to rendering with `render_macros: true` in their front matter.
"""

from __future__ import annotations

import functools
import logging
import os
import posixpath
import sys
from calendar import timegm
from pathlib import Path

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError

# mkdocs-macros loads this file by path, without putting its folder on sys.path.
ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
import qualityweek  # noqa: E402

qualityweek.forget_if_edited()  # `mkdocs serve`: take edits to qualityweek/ without a restart

from qualityweek.build.errors import INPUT_ERRORS  # noqa: E402
from qualityweek.build.results_files import site_results  # noqa: E402
from qualityweek.build.site_data import (load_site_data, proposals_recipient,  # noqa: E402
                                         site_event_rules)
from qualityweek.core import typography  # noqa: E402
from qualityweek.core.calendar import FIRST_YEAR, LAST_YEAR, in_range  # noqa: E402
from qualityweek.core.description import description_html  # noqa: E402
from qualityweek.core.untrusted import log_safe, markdown_text, markdown_url  # noqa: E402
from qualityweek.inputs.events import skipped_files  # noqa: E402
from qualityweek.inputs.region import nav_with_letters  # noqa: E402
from qualityweek.inputs.variables import REPO_KIND_VAR  # noqa: E402
from qualityweek.model.edition import build_edition, edition_link  # noqa: E402
from qualityweek.model.links import relative_href  # noqa: E402
from qualityweek.model.results import counted, lookalike_organizers, plural  # noqa: E402
from qualityweek.outputs.archive import archive_path, archive_years  # noqa: E402
from qualityweek.outputs.countdown import countdown_data, week_days  # noqa: E402
from qualityweek.outputs.deferred import defer  # noqa: E402
from qualityweek.outputs.event_rules import RULES_PATH, form_html, rules_with_url  # noqa: E402
from qualityweek.outputs.events_html import render_events  # noqa: E402
from qualityweek.outputs.ics import (calendar_path, event_calendar_path,  # noqa: E402
                                     subscription_url, webcal_url)
from qualityweek.outputs.kit import build_kit, share_png_path  # noqa: E402
from qualityweek.outputs.poster_layout import (poster_alt, poster_layout, printed,  # noqa: E402
                                               share_alt)
from qualityweek.outputs.poster_svg import print_page_html  # noqa: E402
from qualityweek.outputs.press_release_doc import contact_lines  # noqa: E402
from qualityweek.outputs.ready_texts import ready_texts, text_box_html  # noqa: E402
from qualityweek.outputs.results_charts import chart_link_html, chart_path  # noqa: E402
from qualityweek.outputs.results_page import (breakdown_html, figures_html,  # noqa: E402
                                              kinds_by_municipality_html, organizers_html,
                                              quality_day_sentence, results_path, stage,
                                              without_events_html)
from qualityweek.outputs.structured import events_ld, regional_events_ld  # noqa: E402
from qualityweek.outputs.subscription_html import subscription_html  # noqa: E402
from qualityweek.outputs.tables import table_path  # noqa: E402

# mkdocs-macros reports a failing macro only as a WARNING with a traceback, which `mkdocs build -q`
# hides; an ERROR line under MkDocs' logger says plainly which page and what went wrong.
log = logging.getLogger("mkdocs.plugins.qualityweek")


def _publish_addresses(conf, settings) -> None:
    """The site's and the repository's addresses from the checked settings (mkdocs.yml does not
    read them: MkDocs' own URL check ends in a traceback on some values). `mkdocs serve` has
    already set its local address as site_url, and keeps it."""
    if not conf.get("site_url"):
        conf["site_url"] = settings.site_url
    repo = settings.repository
    if repo is None:
        conf["repo_url"] = conf["edit_uri"] = None  # an edit_uri alone would make relative links
        return
    conf["repo_url"] = repo.url + "/"
    conf["repo_name"] = repo.name
    # None on an unknown platform: the header links the repository, and no page has «edit»
    conf["edit_uri"] = repo.edit_uri(Path(conf["docs_dir"]).name)
    if repo.kind is None:
        log.info("%s", log_safe(f"{REPO_KIND_VAR} не задан: ссылки «Редактировать страницу» "
                                f"выключены (для своего GitLab — {REPO_KIND_VAR}=gitlab)"))


# Front matter is not a template: a description names the region as {{ region.genitive }}
# (and may say `{% if letter %}…{% endif %}`), filled in here from the data (the theme escapes
# the result).
_DESCRIPTION = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)


def with_region(text, region, where: str, letter=None):
    """`text` with {{ region.name }} / {{ region.genitive }} filled in, and `letter` (the
    region's invitation letter or None) for a condition; other values as they are; `where`
    names the file and field for the message."""
    if not isinstance(text, str) or ("{{" not in text and "{%" not in text):
        return text
    try:
        return _DESCRIPTION.from_string(text).render(region=region, letter=letter)
    except jinja2.TemplateError as error:
        raise PluginError(f"Сборка остановлена: {where}: в описании можно "
                          f"подставить только {{{{ region.name }}}} или {{{{ region.genitive }}}} "
                          f"({log_safe(str(error))})") from None


def on_pre_page_macros(env) -> None:
    # Jinja's finalize: every value a page prints is text (untrusted.markdown_text), unless a
    # macro returns Markup, a link or HTML it built itself from checked parts. mkdocs-macros
    # builds its Jinja environment after define_env; this runs before each page is compiled,
    # so every template of the site is compiled with the escaping in place.
    env.env.finalize = markdown_text
    meta = env.page.meta
    if "description" in meta:
        meta["description"] = with_region(meta["description"], env.variables["region"],
                                          f"docs/{env.page.file.src_uri}, поле «description»",
                                          env.variables["letter"])


def define_env(env) -> None:
    project = Path(env.conf["config_file_path"]).resolve().parent
    try:
        # every year's event files are validated on every build (not only the shown edition's)
        data = load_site_data(project, Path(env.conf["docs_dir"]), os.environ)
    except INPUT_ERRORS as error:
        raise PluginError(f"Сборка остановлена: {log_safe(str(error))}") from None
    settings, facts, events_by_year = data.settings, data.facts, data.events_by_year
    skipped = skipped_files(data.region.folder, data.region.label)
    if skipped:  # editors' own files (CONTRIBUTING.md): skipped, and said so
        log.info("%s", log_safe("Пропущены служебные файлы редакторов: " + ", ".join(skipped)))
    for line in lookalike_organizers(events_by_year, data.region.label):
        log.info("%s", log_safe(line))  # counted as one organizer; the editor is told
    shown = build_edition(facts, settings.year)
    _publish_addresses(env.conf, settings)
    # the site's title and description, and the region's letters in the menu, from its folder
    env.conf["site_name"] = data.region.data.site.title
    env.conf["site_description"] = data.region.data.site.description
    env.conf["nav"] = nav_with_letters(env.conf["nav"], data.region)
    repo = settings.repo_url
    # Reproducible builds: MkDocs dates sitemap.xml (lastmod, the .gz header) by SOURCE_DATE_EPOCH,
    # else by the real clock; make it the build settings' date, as the footer shows.
    os.environ["SOURCE_DATE_EPOCH"] = str(timegm(settings.today.timetuple()))

    def edition_for(year: int):
        if not in_range(year):
            raise ValueError(f"edition_for({year}): год вне диапазона {FIRST_YEAR}–{LAST_YEAR}")
        return build_edition(facts, year)

    # Macros that return a URL or Markdown return Markup, built from checked parts, and the page
    # prints it as is; everything else a page prints is escaped (on_pre_page_macros).
    def link(key: str, year: int | None = None) -> Markup:
        return markdown_url(edition_link(facts, key, shown.year if year is None else year))

    def page_url(target: str) -> Markup:
        """A link from the current page to the site page `target` (a docs-relative .md path)."""
        here = posixpath.dirname(env.page.file.src_uri)
        return markdown_url(posixpath.relpath(target, here or "."))

    def source_url(fact) -> Markup:
        """Where a fact (or a source string itself) comes from, as an href from this page."""
        where = str(getattr(fact, "source", fact))
        return page_url(where) if where.endswith(".md") else markdown_url(where)

    def source(fact) -> Markup:
        """A Markdown link «источник» to the source of a fact."""
        return Markup("[источник]({})").format(source_url(fact))

    def url(address: str) -> Markup:
        """A URL from the data (already checked when loaded) for a Markdown link target."""
        return markdown_url(address)

    def mailto(email: str) -> Markup:
        """A mail link target for an address from the data (checked when loaded)."""
        return markdown_url(f"mailto:{email}")

    def tel(phone: str) -> Markup:
        return Markup("tel:+" + "".join(ch for ch in phone if ch.isascii() and ch.isdigit()))

    def reported(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except (KeyError, ValueError) as error:
                log.error("%s", log_safe(f"{env.page.file.src_uri}: {error}"))
                # mkdocs-macros would print a traceback under any exception, after the line
                # above; it stops the build itself the same way (on_error_fail)
                raise SystemExit(1) from None
        return wrapper

    env.variables["edition"] = shown
    # editions with data, newest first (the forum page's history table)
    env.variables["editions_with_facts"] = [build_edition(facts, y)
                                            for y in sorted(facts.editions, reverse=True)]
    env.variables["last_year"] = LAST_YEAR
    env.variables["contacts"] = facts.contacts
    # the region's letter that invited its companies ({page, title, year}), None without one:
    # pages cite it, and say the ministry «пригласило» them, only where it exists
    invitation = data.region.invitation
    env.variables["letter"] = ({"page": invitation[0], "title": invitation[1].title,
                                "year": invitation[1].year} if invitation else None)
    env.variables["events_by_year"] = events_by_year  # {year: [Event, …] by start}
    # who receives proposed events, and at which address (None: none published)
    env.variables["proposals"] = proposals_recipient(data)

    def events_list(year: int, filters: bool = False, heading: int = 2) -> Markup:
        """HTML of the year's events by day ('' if none); `filters` adds the filter controls.
        The page gets a marker, filled in after Markdown, and the descriptions after search
        has indexed the page (qualityweek/outputs/deferred.py)."""
        meta = env.page.meta
        # the HTML goes in after Markdown, which rewrites no links in it: an href from the
        # page's own URL (events/, archive/2025/), not from its source file
        html = render_events(events_by_year.get(year, []), zone=facts.region.zone,
                             label=facts.region.time_label, filters=filters, heading=heading,
                             describe=lambda text: defer(meta, description_html(text), late=True),
                             calendar=lambda event: relative_href(
                                 env.page.url, event_calendar_path(event.year, event.slug)),
                             municipalities=data.municipalities)
        return defer(meta, html) if html else Markup("")

    env.macro(events_list)

    def repo_file(path: str) -> Markup | None:
        """The repository page of a file such as CONTRIBUTING.md; None without QUALITY_REPO_URL
        or on an unknown platform."""
        page = settings.repository.file_url(path) if repo else None
        return markdown_url(page) if page else None

    env.macro(repo_file)

    # ready texts for companies' channels (the kit page); the same texts are the .txt files
    env.variables["ready_texts"] = ready_texts(shown, site_url=settings.site_url)

    def ready_text_box(text) -> Markup:
        """A ready text with its copy button and .txt download (raw HTML: links made here)."""
        return text_box_html(text, href=relative_href(env.page.url, text.path(shown.year)))

    env.macro(ready_text_box)

    def propose_form() -> Markup:
        """The «Предложить мероприятие» form, which reads the rules the build writes."""
        rules = site_event_rules(data)
        return form_html(rules_with_url(rules, relative_href(env.page.url, RULES_PATH)))

    env.macro(propose_form)
    env.variables["repo_url"] = markdown_url(repo) if repo else None
    for function in (edition_for, link, source, source_url, tel, mailto, page_url, url):
        env.macro(reported(function))
    env.macro(typography.format_range, "date_range")
    env.filter(typography.format_day, "day")
    env.filter(typography.day_month, "day_month")
    env.filter(typography.quote, "quote")
    env.filter(typography.glue, "glue")

    # Theme templates do not see macros variables: hand them what they show via config.extra.
    # the footer's «who runs the site»: the ministry as the data names it (mid-sentence form)
    ministry = facts.contacts.get("ministry")
    env.conf["extra"]["publisher"] = (ministry.short_name or ministry.name) if ministry else None
    env.conf["extra"]["edition"] = {
        "year": shown.year,
        "week": typography.format_range(shown.week_start, shown.week_end),
        "built": settings.today.isoformat(),
        "built_ru": typography.format_day(settings.today),
    }

    define_reader_features(env, facts, shown, event_years=events_by_year.keys(),
                           built=settings.today, published=settings.site_url)
    try:  # the same kit the files hook adds to the site (built once, qualityweek/outputs/kit.py)
        kit = build_kit(shown, region=facts.region, site_url=settings.site_url,
                        today=settings.today, region_field=data.region.name_field,
                        hashtag=facts.hashtag_text)
    except INPUT_ERRORS as error:
        raise PluginError(f"Сборка остановлена: {log_safe(str(error))}") from None
    define_kit(env, kit, env.variables["archive_editions"], facts.region.name,
               site_url=settings.site_url, hashtag=facts.hashtag_text)
    define_poster_print(env, shown, settings.site_url, facts.region.name, data.region.name_field,
                        hashtag=facts.hashtag_text)
    define_results(env, data)


def define_results(env, data) -> None:
    """The week's results (issue 18): the counts, charts and press release of the results
    pages, and the links to each edition's events table; the same objects as the files hook's."""
    found = site_results(data)
    env.variables["region"] = data.facts.region
    env.variables["results_years"] = found.years
    env.macro(results_path)

    def results_for(year: int):
        """The year's counts, press release and the page listing its events."""
        return found.get(year)

    def results_stage(year: int) -> str:
        return stage(year, data.settings.today)

    def results_chart(results, slug: str) -> Markup:
        return breakdown_html(results, slug)

    def results_figures(results) -> Markup:
        return figures_html(results)

    def results_organizers(year: int) -> Markup:
        listed = relative_href(env.page.url, found.get(year).listed_on) + "/"
        return organizers_html(found.get(year).results, listed)

    def results_kinds_by_municipality(results) -> Markup:
        return kinds_by_municipality_html(results)

    def results_without_events(results) -> Markup:
        return without_events_html(results)

    def results_chart_file(year: int, slug: str) -> Markup:
        return chart_link_html(year, slug, relative_href(env.page.url, chart_path(year, slug)),
                               relative_href(env.page.url, chart_path(year, slug, "png")))

    def press_release_box(year: int) -> Markup:
        text = found.get(year).press_release
        if text is None:
            return Markup("")
        document = relative_href(env.page.url, text.path(year, "docx"))
        more = Markup('<a class="md-button" href="{}" download="Пресс-релиз Недели качества '
                      '{}.docx">Скачать документ .docx</a> ').format(document, year)
        return text_box_html(text, href=relative_href(env.page.url, text.path(year)), more=more)

    def event_tables(year: int) -> dict[str, str] | None:
        """The docs-relative paths of the year's events table, None for a year without one."""
        if year not in found.years:
            return None
        return {"xlsx": table_path(year, "xlsx"), "csv": table_path(year, "csv")}

    for function in (results_for, results_stage, results_chart, results_figures,
                     results_organizers, results_kinds_by_municipality, results_without_events,
                     results_chart_file,
                     press_release_box, event_tables):
        env.macro(function)
    env.macro(counted)
    env.macro(plural)
    env.macro(quality_day_sentence)
    ministry = data.facts.contacts.get("ministry")
    env.variables["press_release_contacts"] = bool(contact_lines(ministry))
    env.variables["results_built"] = data.settings.today


def define_poster_print(env, shown, site_url, region: str, region_field: str,
                        hashtag: str | None) -> None:
    """The print page's form and poster (docs/poster.md): the same layout as the PDF, as SVG."""
    def poster_print() -> Markup:
        layout = poster_layout(shown, region=region, site_url=site_url, region_field=region_field,
                               hashtag=hashtag)
        # one raw HTML block (one outer <div>, no blank lines): Markdown keeps it as it is
        return print_page_html(layout, label=poster_alt(shown, region=region, site_url=site_url,
                                                        hashtag=printed(layout, hashtag)))

    env.macro(poster_print)


def define_kit(env, kit, archive_editions, region: str, *, site_url: str | None,
               hashtag: str | None) -> None:
    """The participant kit's files for the pages (`kit`) and the share meta of every page: the
    shown edition's picture, and on each archive page (front matter `share_year`) its year's."""
    env.variables["kit"] = kit
    width, height = kit.share_png_size_px
    env.conf["extra"]["share"].update(
        image=kit.share_png, image_alt=kit.share_alt, width=width, height=height,
        by_year={e.year: {"image": share_png_path(e.year),
                          "image_alt": share_alt(e, region=region, site_url=site_url,
                                                 hashtag=hashtag)}
                 for e in archive_editions})


def define_reader_features(env, facts, shown, *, event_years, built, published) -> None:
    """Calendar file, archive, week at a glance, countdown banner, JSON-LD (issue 5)."""
    # docs-relative paths of generated files (hooks/generated_files.py adds them to the site)
    env.variables["calendar_file"] = calendar_path(shown.year)
    env.variables["archive_editions"] = [build_edition(facts, year)
                                         for year in archive_years([*facts.editions, *event_years],
                                                                   shown.year)]
    env.macro(archive_path)
    env.macro(week_days)

    def calendar_subscription() -> dict[str, Markup] | None:
        """The calendar to subscribe to on the published site: its `webcal` link (calendar
        apps open it as a subscription) and `https` address (for Google Calendar's «Добавить
        по URL»), from the checked QUALITY_SITE_URL; None without it (`published`, not the
        local address of `mkdocs serve`: a subscription to that would not outlive it)."""
        if not published:
            return None
        return {"webcal": markdown_url(webcal_url(published)),
                "https": markdown_url(subscription_url(published))}

    env.macro(calendar_subscription)

    def subscription_box(*, primary: bool = False, title: str = "") -> Markup:
        """The subscribe button with the https address to copy for Android and Google
        Calendar (qualityweek/outputs/subscription_html.py); empty without a published address."""
        if not published:
            return Markup("")
        return subscription_html(webcal_url(published), subscription_url(published),
                                 primary=primary, title=title)

    env.macro(subscription_box)
    site_url = env.conf.get("site_url") or None
    # the banner counts days by the region's date (its time zone, data/facts.yml)
    env.conf["extra"]["countdown"] = countdown_data(shown, built=built, zone=facts.region.zone)
    # the edition's picture (the kit's share picture) as the events' image: absolute, or none
    image = f"{site_url.rstrip('/')}/{share_png_path(shown.year)}" if site_url else None
    organizer = facts.contacts["roskachestvo"].name if "roskachestvo" in facts.contacts else None
    region = facts.region.name
    env.conf["extra"]["jsonld"] = events_ld(shown, region=region, home_url=site_url,
                                            organizer=organizer, image=image)
    # the events page's JSON-LD (front matter `jsonld: events`): the shown edition's events
    shown_events = env.variables.get("events_by_year", {}).get(shown.year, [])
    env.conf["extra"]["events_jsonld"] = regional_events_ld(shown_events, region=region,
                                                           zone=facts.region.zone, image=image)
    env.conf["extra"]["share"] = {"home_title": f"Всемирная неделя качества {shown.year}"}
