"""The benchmark's reference (bench/bench.py): the same pages, macros already rendered, built by
plain Material. Not timed here; this checks the reference is a fair copy of the site."""

from __future__ import annotations

import os
import re
import sys

import pytest
from building import Build, build_site, fixture_project
from fixtures import NBSP
from site_files import html_files

TODAY = "2026-11-28"


@pytest.mark.cost(5)
def test_reference_has_the_same_pages_without_macros_or_overrides(bench, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUALITY_")}
    env.update(NO_MKDOCS_2_WARNING="1", QUALITY_TODAY=TODAY)
    # the reference is made from the project the tests build (build_site): the fixture project
    reference = bench.reference_project(tmp_path, env, fixture_project())
    config = (reference / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^\s+- macros:|custom_dir:|^hooks:", config, re.M)

    site = build_site(tmp_path / "site", QUALITY_TODAY=TODAY)
    plain = tmp_path / "plain"
    bench.mkdocs_build(reference, plain, env, strict=False)
    assert site.result.returncode == 0, site.output
    assert ({p.relative_to(site.site) for p in html_files(site.site)}
            == {p.relative_to(plain) for p in html_files(plain)})
    reference_build = Build(result=site.result, site=plain)
    for page in ("", "forum/"):  # the rendered text: dates, facts, links as in the real site
        assert "{{" not in reference_build.text(page)
        # (less the site's own HTML hooks, e.g. non-breaking spaces before dashes)
        assert words(reference_build.text(page)) == words(site.text(page))


def words(text: str) -> list[str]:
    return text.replace(NBSP, " ").split()


@pytest.mark.cost(6)
def test_a_planted_warning_fails_the_bench_build_as_it_fails_ci(bench, tmp_path):
    """bench.mkdocs_build runs `mkdocs build --strict` as CI does, never with -q (which drops
    warnings before --strict counts them): a link to a missing page, only a warning, fails it."""
    import subprocess

    import pytest
    from building import copy_project

    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[нет такой](missing-page.md)\n",
                    encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUALITY_")}
    env.update(NO_MKDOCS_2_WARNING="1", QUALITY_TODAY=TODAY)
    with pytest.raises(subprocess.CalledProcessError) as failed:
        bench.mkdocs_build(project, tmp_path / "site", env)
    assert "missing-page.md" in failed.value.stdout + failed.value.stderr
    # the same build with -q passes: the reason the bench must not use it
    quiet = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                            str(project / "mkdocs.yml"), "-d", str(tmp_path / "quiet")],
                           cwd=project, env=env, capture_output=True, text=True)
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
