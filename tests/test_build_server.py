"""The tests build through a server that forks MkDocs' command line (tests/build_server.py):
what it builds and says must be what `python -m mkdocs build --strict` builds and says, and a
changed copy of the project must be built with the copy's own code."""

from __future__ import annotations

import pytest
from building import _BUILD_SERVER, build_site, copy_project, fixture_project
from test_reproducible import files_of

TODAY = "2026-11-28"


def log_lines(output: str, project=None) -> list[str]:
    """The build's messages without the lines that name the output folder or the time taken
    (and with `project`'s folder as «<project>»)."""
    if project is not None:
        output = output.replace(str(project), "<project>")
    return [line for line in output.splitlines()
            if not line.startswith(("INFO    -  Building documentation to directory",
                                    "INFO    -  Documentation built in"))]


@pytest.mark.cost(4)
def test_a_forked_build_is_the_command_lines_build(tmp_path):
    # a copy of the project, so that both builds are forked (the unchanged fixture project's
    # site is built once in a worker and then copied: checked below); the second forked build
    # finds every template compiled by the first in the server's cache
    project = copy_project(tmp_path / "project")
    forked = [build_site(tmp_path / f"forked{n}", project, QUALITY_TODAY=TODAY) for n in (1, 2)]
    assert any((_BUILD_SERVER.outputs / "templates").iterdir())  # Material's, compiled once
    fresh = build_site(tmp_path / "fresh", project, fresh_process=True, QUALITY_TODAY=TODAY)
    # the fixture project's site as a test gets it: built (or copied) and copied again
    kept = [build_site(tmp_path / f"kept{n}", QUALITY_TODAY=TODAY) for n in (1, 2)]
    for build, built_from in [*((b, project) for b in forked),
                              *((b, fixture_project()) for b in kept)]:
        assert build.result.returncode == fresh.result.returncode == 0, build.output
        assert files_of(build.site) == files_of(fresh.site)
        assert log_lines(build.output, built_from) == log_lines(fresh.output, project)
        assert str(build.site) in build.output  # its own folder, as a build of it says


def test_a_changed_template_is_compiled_anew(tmp_path):
    """The server's cache of compiled templates holds a template only while its source is
    unchanged: the same file edited in place (same size) is built as edited."""
    project = copy_project(tmp_path / "project")
    template = project / "overrides" / "main.html"
    source = template.read_text(encoding="utf-8")
    marks = []
    for mark in ("<!-- A1 -->", "<!-- B2 -->"):
        head, tail = source.rsplit("{% endblock %}", 1)  # into the last block, which is shown
        template.write_text(head + mark + "{% endblock %}" + tail, encoding="utf-8")
        build = build_site(tmp_path / mark[5:7], project, QUALITY_TODAY=TODAY)
        assert build.result.returncode == 0, build.output
        marks.append(mark in (build.site / "index.html").read_text(encoding="utf-8"))
    assert marks == [True, True]


@pytest.mark.cost(2)
def test_a_failed_forked_build_says_what_the_command_line_says(tmp_path):
    forked = build_site(tmp_path / "forked", QUALITY_TODAY="2026-13-01")
    fresh = build_site(tmp_path / "fresh", fresh_process=True, QUALITY_TODAY="2026-13-01")
    assert forked.result.returncode == fresh.result.returncode == 1
    assert "QUALITY_TODAY" in forked.result.stderr
    assert forked.result.stdout == fresh.result.stdout
    assert forked.result.stderr == fresh.result.stderr


def test_a_copy_is_built_with_its_own_code(tmp_path):
    """The server never keeps the project's modules: a copy's changed package is what runs,
    and a traceback names the copy's own files, also where the same changed code was built
    before from another folder (the server compiles a module once per content)."""
    for copy in ("first", "second"):
        project = copy_project(tmp_path / copy)
        settings = project / "qualityweek" / "inputs" / "settings.py"
        settings.write_text(settings.read_text(encoding="utf-8") + '\ndef fail():\n'
                            '    raise RuntimeError("код копии")\n\n\nfail()\n',
                            encoding="utf-8")
        build = build_site(tmp_path / f"{copy}-site", project, QUALITY_TODAY=TODAY)
        assert build.result.returncode != 0
        assert "код копии" in build.output
        # the module's line and the function's line, each in this copy's file
        assert build.output.count(f'File "{settings}", line') == 2, build.output
        assert str(tmp_path / ("second" if copy == "first" else "first")) not in build.output
    assert any((_BUILD_SERVER.outputs / "modules").iterdir())  # compiled once, kept
    # and the project's own code is untouched for the next build (of a copy: a forked build)
    again = copy_project(tmp_path / "unchanged")
    assert build_site(tmp_path / "again", again, QUALITY_TODAY=TODAY).result.returncode == 0
