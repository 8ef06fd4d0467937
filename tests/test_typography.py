from datetime import date

import pytest

from qualityweek.core import typography
from qualityweek.core.typography import format_day, format_range, glue, quote

NBSP = "\u00a0"
DASH = "\u2013\u2060"


@pytest.mark.parametrize("day, expected", [
    (date(2023, 11, 9), f"9{NBSP}ноября 2023{NBSP}г."),
    (date(2029, 11, 8), f"8{NBSP}ноября 2029{NBSP}г."),
    (date(2024, 3, 1), f"1{NBSP}марта 2024{NBSP}г."),     # genitive month
    (date(2027, 5, 23), f"23{NBSP}мая 2027{NBSP}г."),
])
def test_single_date(day, expected):
    assert format_day(day) == expected


def test_single_date_with_weekday_and_without_year():
    assert format_day(date(2023, 11, 9), with_weekday=True) == f"четверг, 9{NBSP}ноября 2023{NBSP}г."
    assert format_day(date(2023, 11, 12), with_weekday=True) == f"воскресенье, 12{NBSP}ноября 2023{NBSP}г."
    assert format_day(date(2023, 11, 9), with_year=False) == f"9{NBSP}ноября"


def test_range_within_a_month_uses_an_unspaced_en_dash():
    assert format_range(date(2023, 11, 6), date(2023, 11, 12)) == f"6{DASH}12{NBSP}ноября 2023{NBSP}г."
    assert format_range(date(2023, 11, 6), date(2023, 11, 12), with_year=False) == f"6{DASH}12{NBSP}ноября"


def test_range_across_months_uses_a_spaced_em_dash():
    assert (format_range(date(2029, 10, 29), date(2029, 11, 4))
            == f"29{NBSP}октября{NBSP}— 4{NBSP}ноября 2029{NBSP}г.")


def test_range_across_years_names_both_years():
    assert (format_range(date(2029, 12, 30), date(2030, 1, 5))
            == f"30{NBSP}декабря 2029{NBSP}г.{NBSP}— 5{NBSP}января 2030{NBSP}г.")


def test_one_day_range_is_a_single_date():
    assert format_range(date(2023, 11, 10), date(2023, 11, 10)) == format_day(date(2023, 11, 10))


def test_reversed_range_is_refused():
    with pytest.raises(ValueError, match="раньше начала"):
        format_range(date(2023, 11, 12), date(2023, 11, 6))


def test_no_plain_space_inside_day_month_or_year_groups():
    text = format_range(date(2029, 10, 29), date(2029, 11, 4))
    assert "29 октября" not in text and "2029 г." not in text


def test_quotes_are_guillemets_with_nested_low_quotes():
    assert quote("Россия — страна со Знаком качества") == "«Россия — страна со Знаком качества»"
    assert quote("Форум «Всемирный день качества»") == "«Форум „Всемирный день качества“»"


def test_glue_binds_abbreviations_and_dashes():
    assert glue("ул. Карла Либкнехта, 69, г. Энск, 123456") == \
        f"ул.{NBSP}Карла Либкнехта, 69, г.{NBSP}Энск, 123456"
    assert glue("гибридный — онлайн") == f"гибридный{NBSP}— онлайн"
    assert glue("Долг. Путь") == "Долг. Путь"  # only whole short abbreviations


# -- the page hook: a non-breaking space before an em dash typed in prose -----------------------

@pytest.mark.parametrize("html, expected", [
    ("<p>Неделя — праздник</p>", f"<p>Неделя{NBSP}— праздник</p>"),
    ("<p>Неделя\n— праздник</p>", f"<p>Неделя{NBSP}— праздник</p>"),
    ('<p><a href="x">Форум</a> — это</p>', f'<p><a href="x">Форум</a>{NBSP}— это</p>'),
    # a dash that opens a block stays as typed; code and scripts are not prose
    ("<li>\n— пункт</li>", "<li>\n— пункт</li>"),
    ("<pre><code>a — b</code></pre><p>c — d</p>", f"<pre><code>a — b</code></pre><p>c{NBSP}— d</p>"),
    ("<script>if (a < b) x = 'y — z';</script><p>c — d</p>",
     f"<script>if (a < b) x = 'y — z';</script><p>c{NBSP}— d</p>"),
    ('<p title="a — b">c</p>', '<p title="a — b">c</p>'),
])
def test_nbsp_before_dashes(html, expected):
    assert typography.nbsp_before_dashes(html) == expected
