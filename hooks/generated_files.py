"""MkDocs hook: adds the generated calendars (.ics), archive pages, ready texts, the kit's poster
and share picture and robots.txt as virtual files.

Thin on purpose: what the files hold comes from qualityweek/build/generated.py (pure, tested).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path
    sys.path.insert(0, str(ROOT))

import qualityweek  # noqa: E402

qualityweek.forget_if_edited()  # `mkdocs serve`: take edits to qualityweek/ without a restart

from qualityweek.build.errors import INPUT_ERRORS  # noqa: E402
from qualityweek.build.generated import generated_files  # noqa: E402
from qualityweek.build.site_data import load_site_data  # noqa: E402
from qualityweek.core.untrusted import log_safe  # noqa: E402
from qualityweek.inputs.region import letter_sources  # noqa: E402
from qualityweek.outputs.archive import TEMPLATE  # noqa: E402
from qualityweek.outputs.results_page import RESULTS_DIR, add_results_to_nav  # noqa: E402
from qualityweek.outputs.results_page import TEMPLATE as RESULTS_TEMPLATE  # noqa: E402


def on_config(config):
    """The week's results in the navigation once the week has begun (results_page.py)."""
    project = Path(config.config_file_path).resolve().parent
    try:  # today is the region's date, so the data file is read first (once: site_data)
        data = load_site_data(project, Path(config.docs_dir), os.environ)
    except INPUT_ERRORS as error:
        raise PluginError(f"Сборка остановлена: {log_safe(str(error))}") from None
    config["nav"] = add_results_to_nav(config["nav"], data.settings.year, data.settings.today)
    return config


def on_files(files: Files, *, config) -> Files:
    project = Path(config.config_file_path).resolve().parent
    try:
        generated = generated_files(project, Path(config.docs_dir), os.environ,
                                    site_url=config.site_url)
        # the region's letters are pages of the menu, edited in the region folder
        letters = letter_sources(load_site_data(project, Path(config.docs_dir), os.environ).region)
    except INPUT_ERRORS as error:
        raise PluginError(f"Сборка остановлена: {log_safe(str(error))}") from None
    for src_uri, content in generated.items():
        # the per-year pages are reached from the archive index, not the navigation
        # (the events tables, events/<год>.xlsx, are in the site though mkdocs.yml excludes the
        # event files under events/ from the pages)
        page = src_uri.endswith(".md") and src_uri not in letters
        inclusion = InclusionLevel.NOT_IN_NAV if page else InclusionLevel.INCLUDED
        file = File.generated(config, src_uri, content=content, inclusion=inclusion)
        if page:  # «Редактировать страницу» opens what lays the page out
            results = src_uri.startswith(RESULTS_DIR + "/")
            file.edit_uri = RESULTS_TEMPLATE if results else TEMPLATE
        elif src_uri in letters:  # edit_uri is relative to docs/
            file.edit_uri = f"../{letters[src_uri]}"
        files.append(file)
    return files
