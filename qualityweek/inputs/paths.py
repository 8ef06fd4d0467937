"""Nothing outside the project is read or published: the checks on docs/ and data/ before a build.

MkDocs copies whatever docs/ holds into the site and follows symbolic links while it walks, so a
link `docs/leak.txt → ../.git/config` (or `/etc/passwd`) would be published, and a linked data
file would be read (and a line of it quoted in an error). The build refuses every link under
docs/ and data/, and a docs_dir or data/ that resolves outside the project, naming the link and
never reading its target. Names with control characters are refused too: a name is printed in
messages and MkDocs' own log. No MkDocs imports.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..core.untrusted import CONTROL, safe_name
from .events import EVENTS_DIR
from .facts import summarize

DATA_DIR = "data"
# Emacs' lock file `.#name.md` is a dangling link while a file is open; it is hidden (MkDocs
# skips dot files) and never followed, so editing with Emacs does not stop the build.
_LOCK_PREFIX = ".#"


class PathsError(ValueError):
    """A link or a folder outside the project, named as an editor knows it."""


def _inside(path: Path, project: Path) -> bool:
    return path.resolve().is_relative_to(project.resolve())


def _walk(root: Path, label: str, skip: Path | None = None) -> list[str]:
    """Every link and badly named entry under `root`, without following any link; inside
    `skip` (docs/events/) the events loader names every entry that is not an event file."""
    problems = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        if skip is not None and Path(folder) == skip:
            dirs[:] = []
            continue
        here = Path(folder)
        for name in sorted(dirs + files):
            entry = here / name
            where = f"{label}/{safe_name(entry.relative_to(root).as_posix())}"
            if CONTROL.search(name):
                problems.append(f"{where}: в имени файла или папки управляющий или невидимый "
                                "символ; переименуйте")
            elif entry.is_symlink() and not (name.startswith(_LOCK_PREFIX) and not entry.is_dir()):
                problems.append(f"{where}: символическая ссылка; сайт берёт только файлы самого "
                                "проекта — положите на это место сам файл или папку")
        dirs[:] = [d for d in dirs if not (here / d).is_symlink()]
    return problems


def check_tree(project: Path, docs_dir: Path, docs_label: str = "docs") -> None:
    """PathsError listing every problem, or None when docs/ and data/ hold only the project's own
    files."""
    problems = []
    data = project / DATA_DIR
    for folder, label in ((docs_dir, docs_label), (data, DATA_DIR)):
        if folder.is_symlink():
            problems.append(f"{label}: символическая ссылка; папка должна лежать в проекте")
        elif folder.exists() and not _inside(folder, project):
            problems.append(f"{label}: папка вне проекта ({safe_name(str(folder))}); "
                            "docs_dir в mkdocs.yml — папка внутри проекта, например docs")
        elif folder.is_dir():
            problems.extend(_walk(folder, label, docs_dir / EVENTS_DIR))
    if problems:
        raise PathsError(summarize(problems))
