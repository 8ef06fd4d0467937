"""Content check for hand-written Markdown: style (pymarkdown, config in .pymarkdown.json) and
Russian typography slips. Editors and CI run it the same way:

    .venv/bin/python -m qualityweek.content_check [paths…]

Each problem is printed as `file:line: message`; the exit status is 1 if there are any.
Typography checks look only at prose: front matter, code, Jinja tags, URLs, link targets,
HTML tags and attribute lists are skipped.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".pymarkdown.yml"
# What editors write by hand; generated files and third-party text are not checked.
DEFAULT_PATHS = ("docs", "CONTRIBUTING.md", ".github/pull_request_template.md")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)
_FENCE = re.compile(r"^\s*(```|~~~)")
_JINJA_LINE = re.compile(r"^\s*\{%.*%\}\s*$")
# Spans that are not prose, replaced by a neutral word so spacing around them stays as typed.
_NOT_PROSE = re.compile(
    r"`[^`]*`"                      # inline code
    r"|\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}"  # Jinja expressions, statements, comments
    r"|<!--.*?-->"                  # HTML comments
    r"|<https?://[^>]*>"            # autolinks
    r"|<[a-zA-Z/!][^>]*>"           # HTML tags with their attributes
    r"|\]\([^)]*\)"                 # link targets
    r"|\{\s*[:.#][^}]*\}"           # attribute lists { .md-button }, {#id}
    r"|https?://\S+"                # bare URLs
)
_LEAD = re.compile(r"^\s*(?:[-*+]|\d+\.|:|>)?\s*")  # indentation, list/definition/quote marker

# (pattern, message, also in table rows)
RULES = [
    (re.compile(r"(?<![\d\-–.])(\d+)-(\d+)(?![\d\-])"),
     lambda m: f"дефис между числами: «{m[0]}»; нужно тире без пробелов «{m[1]}–{m[2]}»", True),
    (re.compile(r"(?<=\S) - (?=\S)"),
     lambda m: "дефис вместо тире: « - »; нужно « — »", True),
    (re.compile(r"\"[^\"]*\"|\""),
     lambda m: f"прямые кавычки: {m[0]}; нужны «ёлочки» (внутри — „лапки“)", True),
    # table cells are padded with spaces on purpose
    (re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)"), lambda m: "двойной пробел", False),
]


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, prose with non-prose spans neutralised) for every line that holds prose."""
    start = 1
    match = _FRONT_MATTER.match(text)
    if match:
        start += match[0].count("\n")
        text = text[match.end():]
    in_fence = in_comment = in_jinja_comment = False
    for number, line in enumerate(text.splitlines(), start):
        if in_jinja_comment or line.lstrip().startswith("{##"):  # notes for editors, not prose
            in_jinja_comment = "##}" not in line
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or _JINJA_LINE.match(line):
            continue
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        if "<!--" in line and "-->" not in line.split("<!--", 1)[1]:
            line, in_comment = line.split("<!--", 1)[0], True
        if re.match(r"^\s*\|?\s*:?-{3,}", line):  # table separator row
            continue
        if re.match(r"^\s*(!!!|\?\?\?)", line):  # admonition: its "title" is in syntax quotes
            line = line.replace('"', "")
        prose = _NOT_PROSE.sub("X", line).rstrip()
        yield number, prose[_LEAD.match(prose).end():]


def typography_problems(text: str, name: str) -> list[str]:
    problems = []
    for number, prose in prose_lines(text):
        table_row = prose.startswith("|")
        for pattern, message, in_tables in RULES:
            if table_row and not in_tables:
                continue
            for found in pattern.finditer(prose):
                problems.append(f"{name}:{number}: {message(found)}")
    return problems


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_JINJA_TRIMMED = re.compile(r"^\s*\{%.*-%\}\s*$")  # «-%}» also removes the line's newline
_ATTR_LIST = re.compile(r"\{\s*[:.#][^}]*\}")


def lint_lines(text: str) -> list[tuple[int, str]]:
    """(source line number, line) of the Markdown the page renders to, as far as the linter needs:
    a Jinja comment or a statement line ending in «-%}» disappears, another statement line leaves
    an empty line, a run of empty lines counts as one, and an inline Jinja tag or attribute list
    becomes «{{…}}» (a line is not measured with code it cannot wrap)."""
    lines: list[tuple[int, str]] = []
    in_comment = False
    for number, line in enumerate(text.split("\n"), 1):
        if in_comment or line.lstrip().startswith("{##"):
            in_comment = "##}" not in line
            continue
        if _JINJA_TRIMMED.match(line):
            continue
        line = "" if _JINJA_LINE.match(line) else _ATTR_LIST.sub("{{…}}", _JINJA.sub("{{…}}", line))
        if not line.strip() and lines and not lines[-1][1].strip():
            continue
        lines.append((number, line))
    return lines


def markdown_problems(text: str, name: str) -> list[str]:
    from pymarkdown.api import PyMarkdownApi  # imported here: only this check needs it

    lines = lint_lines(text)
    api = PyMarkdownApi().configuration_file_path(str(CONFIG))
    result = api.scan_string("\n".join(line for _, line in lines))
    return [f"{name}:{lines[f.line_number - 1][0]}: {f.rule_id} {f.rule_description}"
            + (f" [{f.extra_error_information}]" if f.extra_error_information else "")
            for f in result.scan_failures]


def markdown_files(paths: Iterable[Path]) -> list[Path]:
    files = []
    for path in paths:
        files.extend(sorted(path.rglob("*.md")) if path.is_dir() else [path])
    return files


def check(paths: Iterable[Path], root: Path = ROOT) -> list[str]:
    """All problems in the Markdown files under `paths`, named relative to `root`."""
    problems = []
    for path in markdown_files(paths):
        try:
            name = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            name = str(path)
        text = path.read_text(encoding="utf-8")
        problems += markdown_problems(text, name) + typography_problems(text, name)
    return sorted(problems, key=_position)


def _position(problem: str) -> tuple:
    name, line, _ = problem.split(":", 2)
    return (name, int(line))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in args] or [ROOT / p for p in DEFAULT_PATHS]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"нет такого файла или папки: {', '.join(missing)}", file=sys.stderr)
        return 2
    problems = check(paths)
    for problem in problems:
        print(problem)
    if problems:
        print(f"Найдено замечаний: {len(problems)}", file=sys.stderr)
        return 1
    print("Проверка текста: замечаний нет")
    return 0


if __name__ == "__main__":
    sys.exit(main())
