"""The results page's ready press release, written from the counts (results.count_results) and
the data file (the region's name, the ministry): nothing in it is counted or typed twice. It is a
ready text like the kit's (ready_texts.ReadyText): the page shows it with a copy button, and the
build writes the same text as results/press-release-<year>.txt. No MkDocs imports.

Numbers agree with their words by CLDR's plural rules (results.plural): «21 мероприятие»,
«22 мероприятия», «11 мероприятий»; sentences are built so that no verb has to agree with a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.typography import NBSP, format_range, glue
from ..inputs.facts import Facts
from ..model.edition import Edition
from ..model.results import Results, counted
from .ready_texts import ReadyText
from .results_page import RESULTS_DIR, quality_day_sentence

TOP_MUNICIPALITIES = 3


@dataclass(frozen=True)
class PressRelease(ReadyText):
    def path(self, year: int, suffix: str = "txt") -> str:
        """The .txt (or, with `suffix` «docx», the document's) docs-relative path."""
        return f"{RESULTS_DIR}/press-release-{year}.{suffix}"


def _events(number: int) -> str:
    return counted(number, "мероприятие", "мероприятия", "мероприятий")


def _where(number: int) -> str:  # after «в»: the prepositional case
    return counted(number, "муниципальном образовании", "муниципальных образованиях",
                   "муниципальных образованиях")


def _breakdown(rows) -> str:
    return "; ".join(f"{row.label}{NBSP}—{NBSP}{row.count}" for row in rows if row.count)


def press_release(results: Results, edition: Edition, facts: Facts, *, today: date,
                  page_url: str | None, invited: bool = False) -> PressRelease | None:
    """The press release, or None while no event is announced (the page says so instead).
    Until the week ends it speaks of events announced, after it of events held; `page_url`
    is the results page's published address, when the site's address is known; `invited`
    when a letter of the region's ministry invited its companies (only then is it said)."""
    if not results.events:
        return None
    year, region = results.year, facts.region.genitive
    week = format_range(edition.week_start, edition.week_end)
    over = today > edition.week_end
    verb = "провели" if over else "заявили"
    title = (f"Итоги Недели качества {year} года" if over
             else f"Неделя качества {year} года: мероприятия предприятий {region}")
    # where there were more than one (with one each, no place stands out)
    top = sorted((row for row in results.by_municipality if row.count > 1),
                 key=lambda row: -row.count)[:TOP_MUNICIPALITIES]
    paragraphs = [
        title,
        f"В Неделю качества {year} года ({week}) предприятия {region} {verb} "
        f"{_events(results.events)} в {_where(results.municipalities_taking_part)}. "
        f"Организаторов{NBSP}—{NBSP}{results.organizers}.",
        f"По видам мероприятий: {_breakdown(results.by_kind)}.",
        f"Больше всего мероприятий: {_breakdown(top)}." if top else "",
        " ".join(part for part in (
            quality_day_sentence(results.on_quality_day, edition.quality_day, over=over),
            f"По формату: {_breakdown(results.by_format)}.") if part),
        f"Предприятия к участию во Всемирной неделе качества пригласило "
        f"{facts.contacts['ministry'].name}." if invited and "ministry" in facts.contacts else "",
        f"Все мероприятия и итоги по муниципальным образованиям: {page_url}" if page_url else "",
    ]
    text = "\n\n".join(p for p in paragraphs if p)
    # the site's typography, without the word joiners that would travel into others' texts
    return PressRelease("press-release", f"Пресс-релиз: {title[0].lower()}{title[1:]}",
                        glue(text).replace("\u2060", ""))
