"""Ready texts for companies' own channels, with the shown edition's dates filled in; no MkDocs
imports. The page «Материалы для участников» shows them with a copy button (ready_text macro)
and the build writes each as a .txt file (generated.py), from this one source.

Dates and the motto come only from the edition (computed, or the data file where a source
gives them); what only the company knows stays in [square brackets] for it to fill in.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..core.typography import format_day, format_range, glue, quote
from ..model.edition import Edition

TEXTS_DIR = "kit/texts"


@dataclass(frozen=True)
class ReadyText:
    slug: str  # file name part and anchor: announcement, contest, open-day
    title: str  # what the text is for, as the page's heading says it
    text: str  # plain text, paragraphs apart by a blank line

    def path(self, year: int) -> str:
        """The .txt file's docs-relative path."""
        return f"{TEXTS_DIR}/{self.slug}-{year}.txt"


def ready_texts(edition: Edition, *, site_url: str | None) -> list[ReadyText]:
    week = format_range(edition.week_start, edition.week_end)
    day = format_day(edition.quality_day, with_weekday=True)
    day_date = format_day(edition.quality_day)
    motto = (f"Девиз Недели качества {edition.year} года — {quote(edition.motto.text)}."
             if edition.motto else "")
    more = f"О Неделе качества: {site_url}" if site_url else ""
    texts = [
        ReadyText("announcement", "Анонс для сайта и соцсетей", _paragraphs(
            f"{week} — Всемирная неделя качества, а {day_date} — День качества. "
            "[Название предприятия] участвует в Неделе качества: [что вы проводите: день "
            "открытых дверей, экскурсию на производство, акцию для клиентов, конкурс «Лидер "
            "качества»].",
            motto,
            "Приглашаем [кого: клиентов, партнёров, жителей города] [что сделать: прийти, "
            "записаться, воспользоваться предложением]. Подробности — [ссылка или телефон].",
            more,
            "#НеделяКачества #ДеньКачества",
        )),
        ReadyText("contest", "Объявление для сотрудников: конкурс «Лидер качества»", _paragraphs(
            "Уважаемые коллеги!",
            f"{week} — Всемирная неделя качества, а {day_date} — День качества. В честь "
            "Дня качества в [название предприятия] проходит конкурс «Лидер качества».",
            "Мы отметим тех, кто отвечает за качество в подразделениях и филиалах. Критерии: "
            "[например, меньше брака и возвратов, предложения по улучшению, отзывы клиентов]. "
            "Предложить кандидата, себя или коллегу, можно до [дата]: [кому или куда].",
            f"Победителей назовём и наградим в День качества ({day}).",
            "[Подпись]",
        )),
        ReadyText("open-day", "Приглашение на день открытых дверей", _paragraphs(
            "[Название предприятия] приглашает на день открытых дверей во Всемирную неделю "
            f"качества ({week}).",
            "[Дата и время]. Вы увидите, как устроено производство и как мы проверяем качество "
            "продукции: [участки, лаборатория, склад готовой продукции]. Специалисты ответят на "
            "вопросы.",
            "Адрес: [адрес]. Запись: [телефон или ссылка]. [Что взять с собой: например, "
            "документ, удостоверяющий личность.]",
        )),
    ]
    # the site's typography (NBSPs before dashes and after «г.»), without the word joiners
    # the web pages put after a range's dash: those would travel invisibly into others' posts
    return [ReadyText(t.slug, t.title, glue(t.text).replace("\u2060", "")) for t in texts]


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)


def text_box_html(text: ReadyText, *, href: str, more: Markup = Markup("")) -> Markup:
    """The text as the page shows it (line breaks kept by CSS, so what the copy button copies is
    exactly the .txt file), a copy button that the page's script shows where copying works,
    the .txt download at `href` and `more` links beside it. No blank lines: Markdown keeps it
    as one raw HTML block."""
    body_id = f"ready-text-{text.slug}"
    body = escape(text.text).replace("\n", Markup("&#10;"))
    return Markup(
        '<div class="qw-ready-text">'
        '<div class="qw-ready-text__body" id="{id}">{body}</div>'
        '<p class="qw-ready-text__actions">'
        '<button type="button" class="md-button md-button--primary" data-qw-copy="{id}" hidden>'
        "Скопировать текст</button> "
        '<a class="md-button" href="{href}" download="{name}">Скачать .txt</a> {more}'
        '<span class="qw-ready-text__status" role="status" aria-live="polite"></span>'
        "</p></div>").format(id=body_id, body=body, href=href, name=posixpath.basename(href),
                             more=more)
