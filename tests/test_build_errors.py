"""Bad input stops `mkdocs build --strict` with a message that names what is wrong."""

from __future__ import annotations

import pytest
from building import build_site

from qualityweek.inputs.facts import load_facts


def assert_failed(build, *expected: str) -> None:
    assert build.result.returncode != 0, build.output
    for text in expected:
        assert text in build.output, build.output


@pytest.mark.parametrize("value", ["abc", "1989", "2101", "27"])
def test_bad_quality_year(tmp_path, value):
    build = build_site(tmp_path / "site", QUALITY_YEAR=value)
    assert_failed(build, "QUALITY_YEAR", "1990", "2100")
    assert "Traceback" not in build.output


@pytest.mark.parametrize("value", ["2026-13-01", "завтра", "2150-01-01"])
def test_bad_quality_today(tmp_path, value):
    build = build_site(tmp_path / "site", QUALITY_TODAY=value)
    assert_failed(build, "QUALITY_TODAY", "ГГГГ-ММ-ДД")
    assert "Traceback" not in build.output


def test_bad_data_file_names_file_year_and_field(tmp_path, project_copy):
    facts = project_copy / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("end: 2024-11-15", "end: 2024-11-32"),
                     encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert_failed(build, "data/facts.yml", "год 2024", "forum.end")
    assert "Traceback" not in build.output


def test_unknown_link_key_lists_known_keys(tmp_path, project_copy):
    page = project_copy / "docs" / "contacts.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "link('rskrf_qualityday')", "link('rskrf_qualitydya')"), encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    known = sorted(load_facts(project_copy / "data" / "facts.yml").links)
    assert_failed(build, "contacts.md", "rskrf_qualitydya", "известные ключи: " + ", ".join(known))


def test_undefined_variable_fails_instead_of_rendering_empty(tmp_path, project_copy):
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("edition.year", "edition.yaer", 1),
                    encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert_failed(build, "yaer")


def test_broken_anchor_fails_the_strict_build(tmp_path, project_copy):
    page = project_copy / "docs" / "forum.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "contacts.md#министерство", "contacts.md#министр"), encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert_failed(build, "forum.md", "#министр")


def test_link_to_a_missing_page_fails_the_strict_build(tmp_path, project_copy):
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(contacts.md)", "(kontakty.md)"),
                    encoding="utf-8")
    build = build_site(tmp_path / "site", project_copy, QUALITY_YEAR="2027")
    assert_failed(build, "index.md", "kontakty.md")
