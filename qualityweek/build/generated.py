"""Files the build adds to the site that are not in docs/: the edition's calendar (its own
dates), the calendar to subscribe to (those and the regional events), a calendar of each
regional event alone, one archive page per edition,
the ready texts as .txt, the participant kit's poster (PDF and PNG preview) and share picture
(qualityweek/outputs/kit.py) and, with a known site address, robots.txt. Pure: returns
{docs-relative path: content}; the MkDocs hook (hooks/generated_files.py) only hands them to
MkDocs as virtual files, so nothing is written into the source tree and `mkdocs serve` has
nothing to rebuild in a loop."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

from ..core.plain_text import description_text
from ..inputs.events import Event
from ..model.edition import build_edition, edition_link
from ..outputs.archive import archive_page, archive_path, archive_years
from ..outputs.event_rules import RULES_PATH
from ..outputs.ics import (SUBSCRIPTION_PATH, CalendarEntry, build_calendars, calendar_path,
                           event_calendar_path, single_calendars, uid)
from ..outputs.kit import build_kit, share_picture, share_png_path
from ..outputs.ready_texts import ready_texts
from .results_files import site_results
from .site_data import load_site_data, site_event_rules

EVENTS_PAGE = "events/"
ROBOTS = "robots.txt"


def robots_txt(site_url: str) -> str:
    """Everything may be crawled; the sitemap by its absolute address (the sitemaps protocol
    takes only a full URL there, so without a site address there is no robots.txt at all).

    Crawlers read robots.txt only at the host's root: on a site published in a subfolder
    (https://example.org/quality-week/) this file is harmless but unread, and the host's own
    robots.txt would have to name the sitemap. `site_url` was checked by settings.read_settings
    (no whitespace or control characters, so it cannot add rules of its own)."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def event_uid(event: Event) -> str:
    """The event's UID, the same in its edition's calendar and in its own file."""
    return uid(event.year, f"event-{event.slug}")


def event_entry(event: Event, *, site_url: str | None, zone: ZoneInfo,
                page: str = EVENTS_PAGE) -> CalendarEntry:
    """A regional event as a calendar entry: its own times (in `zone`, the region's local time)
    or days, where it is held,
    and links to the organizer's page and, with a known site address, to the site page `page`
    that lists it (the events page for the shown edition, an archive page for other years)."""
    start, end = event.span(zone)
    details = [f"Организатор: {event.organizer}", f"Муниципальное образование: {event.municipality}",
               f"Вид: {event.kind}", f"Формат: {event.format}"]
    if event.contact:
        details.append(f"Контакт: {event.contact}")
    if event.description:  # Markdown on the page; calendar apps show plain text
        details.append("\n" + description_text(event.description))
    on_site = f"{site_url.rstrip('/')}/{page}#{event.anchor}" if site_url else None
    if event.url:  # an open day may have no page of its own: then the site's card is the link
        details.append(f"\nПодробности и запись: {event.url}")
    if on_site:
        details.append(("" if event.url else "\n") + f"На сайте: {on_site}")
    location = event.address or (f"онлайн ({event.municipality})" if event.format == "онлайн"
                                 else event.municipality)
    return CalendarEntry(uid=event_uid(event), summary=event.title,
                         description="\n".join(details), start=start, end=end,
                         location=location, url=event.url or on_site)


def generated_files(project: Path, docs_dir: Path, environ: Mapping[str, str], *,
                    site_url: str | None) -> dict[str, str | bytes]:
    data = load_site_data(project, docs_dir, environ)  # as macros.py read it for the pages
    settings, facts, events = data.settings, data.facts, data.events_by_year
    shown = build_edition(facts, settings.year)
    zone = facts.region.zone
    calendars = build_calendars(
        shown, site_url=site_url, built=settings.today, zone=zone,
        news_url=edition_link(facts, "rskrf_qualityday", shown.year),
        extra=[event_entry(event, site_url=site_url, zone=zone)
               for event in events.get(shown.year, [])])
    files: dict[str, str | bytes] = {
        calendar_path(shown.year): calendars.edition,
        SUBSCRIPTION_PATH: calendars.subscription,
    }
    # every event's own file (the cards link to it): the shown edition's from the entries of its
    # calendar above, other years' (listed on their archive pages) built here
    for year, year_events in events.items():
        listed_on = archive_path(year).removesuffix(".md") + "/"
        single = calendars.single if year == shown.year else single_calendars(
            [event_entry(event, site_url=site_url, zone=zone, page=listed_on)
             for event in year_events],
            built=settings.today, zone=zone)
        for event in year_events:
            files[event_calendar_path(year, event.slug)] = single[event_uid(event)]
    # a year gets its page when the data file or an event folder has something for it
    for year in archive_years([*facts.editions, *events], shown.year):
        files[archive_path(year)] = archive_page(year)
        if year != shown.year:  # the page shares its own year's picture (the kit has the shown one)
            files[share_png_path(year)] = share_picture(build_edition(facts, year),
                                                        region=facts.region.name,
                                                        region_field=data.region.name_field,
                                                        site_url=settings.site_url,
                                                        hashtag=facts.hashtag_text)
    # the «Предложить мероприятие» form's rules, from the code that checks event files
    files[RULES_PATH] = json.dumps(site_event_rules(data), ensure_ascii=False, indent=1) + "\n"
    for text in ready_texts(shown, site_url=settings.site_url):  # as the kit page shows them
        files[text.path(shown.year)] = text.text + "\n"
    # the poster prints the published address (QUALITY_SITE_URL), not `mkdocs serve`'s own
    files.update(build_kit(shown, region=facts.region, site_url=settings.site_url,
                           today=settings.today, region_field=data.region.name_field,
                           hashtag=facts.hashtag_text).files)
    # the week's results (issue 18): each results page, its events table (xlsx, csv), press release
    files.update(site_results(data).files)
    files.update(data.region.letter_texts)  # the region's letters, pages of the site
    if site_url:
        files[ROBOTS] = robots_txt(site_url)
    return files
