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
from collections.abc import Mapping
from pathlib import Path

from ..core.untrusted import CONTROL, safe_name
from .events import EVENTS_DIR
from .facts import summarize

DATA_DIR = "data"
# The region folder (region.py): a folder of the project, chosen by this variable.
REGION_VAR = "QUALITY_REGION_DIR"
REGIONS_DIR = "regions"
# Without the variable, the folder named in this file (one line): the project's own region. It
# lies among the region folders, so no source file names a region.
DEFAULT_FILE = "regions/default.txt"
# Emacs' lock file `.#name.md` is a dangling link while a file is open; it is hidden (MkDocs
# skips dot files) and never followed, so editing with Emacs does not stop the build.
_LOCK_PREFIX = ".#"
# How deep folders may nest under docs/, data/ and a region folder (events/2026/x.md is three): Python's own
# os.walk and Path.rglob recurse and end in RecursionError about 1,000 levels down.
MAX_DEPTH = 16


class PathsError(ValueError):
    """A link or a folder outside the project, named as an editor knows it."""


def _inside(path: Path, project: Path) -> bool:
    return path.resolve().is_relative_to(project.resolve())


def walk(root: Path, label: str, max_depth: int = MAX_DEPTH):
    """(folder, dirs, files) for `root` and every folder under it, top-down, like os.walk without
    following links, but with a stack instead of recursion; removing a name from `dirs` skips
    that folder. PathsError naming the first folder deeper than `max_depth`."""
    pending = [(root, 0)]
    while pending:
        folder, depth = pending.pop()
        if depth > max_depth:
            where = f"{label}/{safe_name(folder.relative_to(root).as_posix())}"
            raise PathsError(f"{where}: папки вложены глубже {max_depth} уровней; сайт так "
                             "глубоко не заглядывает — уберите лишние вложенные папки")
        dirs, files = [], []
        try:
            entries = list(os.scandir(folder))
        except OSError:  # removed or unreadable while we looked: the loaders name what they need
            continue
        for entry in entries:
            (dirs if entry.is_dir(follow_symlinks=False) else files).append(entry.name)
        dirs.sort()
        files.sort()
        yield folder, dirs, files
        pending.extend((folder / name, depth + 1) for name in reversed(dirs))


def _walk(root: Path, label: str, skip: Path | None = None) -> list[str]:
    """Every link and badly named entry under `root`, without following any link; inside
    `skip` (the region folder's events/) the events loader names every entry that is not an
    event file."""
    problems = []
    for here, dirs, files in walk(root, label):
        if skip is not None and here == skip:
            dirs[:] = []
            continue
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


def _old_events(docs_dir: Path, docs_label: str, region_label: str) -> str | None:
    """The one line for event files left in docs/events/, where they lived before they moved
    into the region folder (a fork's old branch, an editor's habit): where they belong now."""
    old = docs_dir / EVENTS_DIR
    if old.is_symlink() or not old.is_dir():
        return None
    files = [here / name for here, dirs, names in walk(old, f"{docs_label}/{EVENTS_DIR}")
             for name in names if not name.startswith(".")]
    if not files:
        return None
    first = safe_name(files[0].relative_to(old).as_posix())
    return (f"{docs_label}/{EVENTS_DIR}/: файлы мероприятий теперь лежат в папке региона — "
            f"перенесите их в {region_label}/{EVENTS_DIR}/, сохранив папки годов (например, "
            f"{docs_label}/{EVENTS_DIR}/{first} → {region_label}/{EVENTS_DIR}/{first})")


def check_tree(project: Path, docs_dir: Path, docs_label: str = "docs",
               region_label: str = f"{REGIONS_DIR}/имя-папки") -> None:
    """PathsError listing every problem, or None when docs/ and data/ hold only the project's own
    files; `region_label` names the region folder where event files found under docs/ belong."""
    old = _old_events(docs_dir, docs_label, region_label)
    if old:
        raise PathsError(old)
    problems = []
    data = project / DATA_DIR
    for folder, label in ((docs_dir, docs_label), (data, DATA_DIR)):
        if folder.is_symlink():
            problems.append(f"{label}: символическая ссылка; папка должна лежать в проекте")
        elif folder.exists() and not _inside(folder, project):
            problems.append(f"{label}: папка вне проекта ({safe_name(str(folder))}); "
                            "docs_dir в mkdocs.yml — папка внутри проекта, например docs")
        elif folder.is_dir():
            problems.extend(_walk(folder, label))
    if problems:
        raise PathsError(summarize(problems))


def _default_region(project: Path) -> str:
    path = project / DEFAULT_FILE
    if path.is_symlink() or not path.is_file():
        raise PathsError(f"{DEFAULT_FILE}: файла нет; в нём одной строкой — папка региона по "
                         f"умолчанию, например {REGIONS_DIR}/имя-папки (или задайте {REGION_VAR})")
    try:
        lines = path.read_text(encoding="utf-8")[:1000].split()
    except (OSError, UnicodeDecodeError):
        lines = []
    if len(lines) != 1:
        raise PathsError(f"{DEFAULT_FILE}: ожидается одна строка — папка региона, например "
                         f"{REGIONS_DIR}/имя-папки")
    return lines[0]


def region_folder(project: Path, environ: Mapping[str, str]) -> tuple[Path, str]:
    """The region folder QUALITY_REGION_DIR names (default: the one regions/default.txt names), and its name
    for messages: a folder inside the project, not a link, with no link inside. PathsError
    naming the variable otherwise."""
    raw = environ.get(REGION_VAR, "").strip() or _default_region(project)
    example = f"например {REGION_VAR}={REGIONS_DIR}/имя-папки"
    if CONTROL.search(raw) or len(raw) > 200:
        raise PathsError(f"{REGION_VAR}: в пути управляющий символ или путь длиннее 200 знаков; "
                         f"{example}")
    label = safe_name(raw.rstrip("/"))
    relative = Path(raw)
    folder = project / relative
    if relative.is_absolute() or ".." in relative.parts or not _inside(folder, project):
        raise PathsError(f"{REGION_VAR}={label}: папка вне проекта; ожидается папка внутри "
                         f"проекта, {example}")
    # every part of the path: a link anywhere on the way would lead out of the project
    for depth in range(1, len(relative.parts) + 1):
        part = project.joinpath(*relative.parts[:depth])
        if part.is_symlink():
            raise PathsError(f"{REGION_VAR}={label}: символическая ссылка "
                             f"({safe_name(Path(*relative.parts[:depth]).as_posix())}); папка "
                             "региона должна лежать в проекте")
    if not folder.is_dir():
        raise PathsError(f"{REGION_VAR}={label}: такой папки нет в проекте; {example}")
    problems = _walk(folder, label, folder / EVENTS_DIR)
    if problems:
        raise PathsError(summarize(problems))
    return folder, label
