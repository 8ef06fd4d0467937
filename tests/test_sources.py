"""The Markdown sources themselves: dates and URLs come from macros, never typed by hand."""

from __future__ import annotations

import re

import pytest
from building import ROOT

# Event files (regions/<регион>/events/) are data with typed dates and links, validated by
# qualityweek/inputs/events.py; the pages are docs/.
PAGES = sorted((ROOT / "docs").glob("**/*.md"))
MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
TYPED_DATE = re.compile(rf"\b\d{{1,2}}(?:\s|&nbsp;|\u00a0)+(?:{MONTHS})|\b\d{{4}}-\d{{2}}-\d{{2}}\b")
TYPED_URL = re.compile(r"https?://")


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_no_date_or_url_typed_into_a_page(page):
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        assert not TYPED_DATE.search(line), f"{page.name}:{number}: дата набрана вручную: {line}"
        assert not TYPED_URL.search(line), f"{page.name}:{number}: адрес набран вручную: {line}"


def test_pattern_catches_what_it_should():
    assert TYPED_DATE.search("пройдёт 9 ноября") and TYPED_DATE.search("9&nbsp;ноября")
    assert TYPED_DATE.search("start: 2027-11-08") and TYPED_URL.search("[x](https://rskrf.ru/)")
    assert not TYPED_DATE.search("{{ edition.quality_day | day }}")
