"""Every built page parses without a single error in a standards (WHATWG) parser, html5lib in
strict mode, and declares the page language: <html lang="ru"> (qualityweek/tools/site_check.py,
which the deployment check runs on every region folder too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualityweek.tools.site_check import html_problems, parse_errors


@pytest.fixture(scope="module", params=["site_2023", "site_after_2026"])
def site(request) -> Path:
    return request.getfixturevalue(request.param).site


def test_every_page_parses_without_errors_and_is_in_russian(site):
    problems = html_problems(site)
    assert not problems, "\n".join(problems)


def test_the_parser_reports_broken_html_and_a_missing_language(tmp_path):
    assert parse_errors(b"<!DOCTYPE html><html lang=ru><title>x</title><p>a</div>")
    assert not parse_errors(b"<!DOCTYPE html><html lang=ru><title>x</title><p>a</p>")
    (tmp_path / "index.html").write_bytes(b"<!DOCTYPE html><html><title>x</title><p>a</p>")
    assert html_problems(tmp_path) == ['index.html: нет <html lang="ru">']
