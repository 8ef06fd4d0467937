"""Every built page parses without a single error in a standards (WHATWG) parser, html5lib in
strict mode, and declares the page language: <html lang="ru">."""

from __future__ import annotations

from pathlib import Path

import html5lib
import pytest
from site_files import html_files


@pytest.fixture(scope="module", params=["site_2023", "site_after_2026"])
def site(request) -> Path:
    return request.getfixturevalue(request.param).site


def parse_errors(html: bytes) -> list[str]:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        (line, column), code, _ = parser.errors[0]
        return [f"line {line}, column {column}: {code} ({error})"]
    return []


def test_every_page_parses_without_errors(site):
    errors = {str(file.relative_to(site)): parse_errors(file.read_bytes())
              for file in html_files(site)}
    assert not {name: e for name, e in errors.items() if e}


def test_every_page_is_in_russian(site):
    for file in html_files(site):
        root = html5lib.parse(file.read_bytes(), namespaceHTMLElements=False)
        assert root.get("lang") == "ru", file.relative_to(site)


def test_the_parser_reports_broken_html():
    assert parse_errors(b"<!DOCTYPE html><html lang=ru><title>x</title><p>a</div>")
    assert not parse_errors(b"<!DOCTYPE html><html lang=ru><title>x</title><p>a</p>")
