"""Read YAML that editors write (data/*.yml, event front matter) safely and as typed.

- Every scalar stays the string the editor typed (only an empty value, `~` or `null` is None):
  YAML 1.1 would turn `0123` into 83, `no` into False and `10:00` into 600, so a message could
  not quote what was written and a title «no» would be refused. The schema (pydantic) converts
  what must be a number or a date and reports the typed text when it cannot.
- A key given twice is an error, however it is written (`2025` and `'2025'` are the same key);
  a key must be a plain value, not a list or a mapping.
- Anchors and aliases (`&name`, `*name`), merge keys and explicit tags are refused: none of our
  files needs them, and aliases let a few lines expand into gigabytes.
- A syntax error becomes one Russian line with the line number and the typed line, shortened.

Files that need none of the refusals above (nearly all) are read from libyaml's parser events,
ten times faster than the pure-Python composer: 2000 event files cost a second less to build.
Anything unusual, including every error, goes through the pure-Python loader, which alone
writes the messages; a property test checks both ways give the same result.
"""

from __future__ import annotations

import re

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..core.event_messages import named_character
from ..core.untrusted import CONTROL_IN_MULTILINE, SHOWN_LENGTH, shown


class YamlInputError(ValueError):
    """The text is not YAML we accept; the message is one line without the file name."""


_NULL = re.compile(r"~|null|Null|NULL|")


class _Loader(yaml.SafeLoader):
    comments: _Comments | None = None  # set to refuse a comment after a plain value

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(event.start_mark, "псевдонимы YAML (*имя) не поддерживаются: "
                                             "напишите значение полностью")
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            raise _Refused(event.start_mark, "якоря YAML (&имя) не поддерживаются: "
                                             "напишите значение полностью")
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in ("!", "tag:yaml.org,2002:str"):
            raise _Refused(event.start_mark, f"теги YAML ({tag}) не поддерживаются: "
                                             "возьмите значение в кавычки")
        return super().compose_node(parent, index)

    def construct_object(self, node, deep=False):
        if isinstance(node, ScalarNode):
            value = self.construct_scalar(node)
            if self.comments is not None and node.style is None:
                self.comments.check(value, node.start_mark, node.end_mark)
            # only an unquoted empty/null value means «nothing»
            return None if node.style is None and _NULL.fullmatch(value) else value
        if isinstance(node, SequenceNode):
            return [self.construct_object(child, deep=True) for child in node.value]
        if isinstance(node, MappingNode):
            return self._mapping(node)
        raise ConstructorError(None, None, "неизвестный узел", node.start_mark)  # pragma: no cover

    def _mapping(self, node: MappingNode) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused(key_node.start_mark, "ключ должен быть словом или числом, а не "
                                                    "списком или словарём")
            if key_node.tag == "tag:yaml.org,2002:merge" or key_node.value == "<<":
                raise _Refused(key_node.start_mark, "ключ слияния «<<» не поддерживается: "
                                                    "напишите поля полностью")
            key = key_node.value
            if key in result:
                raise _Refused(key_node.start_mark, f"ключ {shown(key)} повторяется")
            result[key] = self.construct_object(value_node, deep=True)
        return result


class _Refused(yaml.MarkedYAMLError):
    def __init__(self, mark, problem: str):
        super().__init__(problem=problem, problem_mark=mark)


# English problems PyYAML reports, in the words an editor needs (the most common first).
_PROBLEMS = (
    ("found character '\\t'", "табуляция: отступы пишутся пробелами"),
    ("mapping values are not allowed", "лишнее двоеточие: возьмите значение в кавычки"),
    ("could not find expected ':'", "ожидается «поле: значение»"),
    ("found unexpected end of stream", "не закрыта кавычка или скобка"),
    ("expected ',' or ']'", "не закрыта скобка «[»"),
    ("expected ',' or '}'", "не закрыта скобка «{»"),
    ("found unknown escape character", "неизвестная последовательность с «\\» в кавычках: "
                                       "возьмите значение в одинарные кавычки"),
    ("expected <block end>, but found", "неверный отступ"),
    ("that cannot start any token", "значение начинается со служебного "
                                                    "символа: возьмите его в кавычки"),
    ("expected a comment or a line break", "лишний текст после значения в кавычках"),
    ("found undefined alias", "псевдонимы YAML (*имя) не поддерживаются"),
    ("special characters are not allowed", "недопустимый символ"),
    ("expected alphabetic or numeric character", "значение начинается со служебного символа: "
                                                 "возьмите его в кавычки"),
    ("did not find expected key", "неверный отступ или лишний текст"),
    ("did not find expected", "не закрыта кавычка или скобка"),
)


def _problem_text(error: yaml.YAMLError) -> str:
    if isinstance(error, _Refused):
        return error.problem
    problem = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '') or ''}"
    for english, russian in _PROBLEMS:
        if english in problem:
            return russian
    return "ошибка разметки YAML"


class _Unusual(Exception):
    """The text needs the careful loader (an error, an anchor, a repeated key, …)."""


# libyaml accepts a few texts PyYAML refuses (a tab after a value, «|#») or reads them
# differently (it skips U+FEFF at the start of any line): texts with tabs, block scalars or a
# U+FEFF, which event files do not need, go the careful way, so there is one rule.
_PARSERS_DIFFER = re.compile("[\t|>\ufeff]")
# They also differ on «?» inside a flow collection: libyaml reads «[a?]» as ["a?"], PyYAML
# refuses it. A text with «?» and a bracket or a brace goes the careful way too.
_FLOW_QUESTION = re.compile(r"\?.*[\[{]|[\[{].*\?", re.S)
_PLAIN_DEPTH = 32  # deeper nesting goes the careful way, which refuses what it cannot recurse
_KEY_NEXT = object()  # a mapping on the stack waits for a key, not for a value


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # YAML's (NEL and U+2028 are refused before)
_COMMENT_AFTER = re.compile(r"[ \t]+#")


class _Comments:
    """Refuses a plain (unquoted) value followed by a comment on its line: in
    `title: Экскурсия в цех #2` YAML reads « #2» as a comment and drops it without a word."""

    def __init__(self, text: str, first_line: int) -> None:
        self.lines = _LINE_BREAK.split(text)
        self.first_line = first_line

    def check(self, value: str, start, end) -> None:
        if not value or end.line >= len(self.lines):
            return
        rest = self.lines[end.line][end.column:]
        if not _COMMENT_AFTER.match(rest):
            return
        keys = (_KEY.match(self.lines[n]) for n in range(start.line, -1, -1))
        key = next((k[1] for k in keys if k), None)
        whole = f"{value} {rest.strip()}".replace("\\", "\\\\").replace('"', '\\"')
        if len(whole) > SHOWN_LENGTH:
            whole = whole[:SHOWN_LENGTH - 1] + "…"
        field = f", поле «{shown(key)[1:-1]}»" if key else ""
        example = f'{shown(key)[1:-1]}: "{whole}"' if key else f'"{whole}"'
        raise YamlInputError(
            f"строка {end.line + self.first_line}{field}: текст после « #» YAML считает "
            f"комментарием и не покажет; возьмите всё значение в кавычки: {example}")


def _plain_load(text: str, comments: _Comments | None = None):
    """The value of `text` built from libyaml's events, or _Unusual. Same result as _Loader
    (and the same refusal of a comment after a plain value, with `comments`)."""
    root, stack = None, []  # stack: [container, key awaiting its value (or _KEY_NEXT)]
    if _PARSERS_DIFFER.search(text) or ("?" in text and _FLOW_QUESTION.search(text)):
        raise _Unusual
    try:
        events = list(yaml.parse(text, Loader=yaml.CSafeLoader))
    except (yaml.YAMLError, UnicodeError):  # libyaml encodes the text: a lone surrogate
        raise _Unusual from None
    if sum(isinstance(event, yaml.DocumentStartEvent) for event in events) > 1:
        raise _Unusual
    for event in events:
        kind = type(event)
        if kind is yaml.AliasEvent or kind in (yaml.ScalarEvent, yaml.SequenceStartEvent,
                                              yaml.MappingStartEvent) and (
                event.anchor is not None or event.tag is not None):
            raise _Unusual
        if kind in (yaml.SequenceEndEvent, yaml.MappingEndEvent):
            stack.pop()
            continue
        if kind is yaml.ScalarEvent:
            value = event.value
            if comments is not None and not event.style:
                comments.check(value, event.start_mark, event.end_mark)
            if not event.style and _NULL.fullmatch(value):
                value = None
        elif kind is yaml.SequenceStartEvent:
            value = []
        elif kind is yaml.MappingStartEvent:
            value = {}
        else:  # stream and document boundaries
            continue
        if not stack:
            root = value
        elif isinstance(stack[-1][0], list):
            stack[-1][0].append(value)
        elif stack[-1][1] is _KEY_NEXT:
            if kind is not yaml.ScalarEvent or event.value == "<<" or event.value in stack[-1][0]:
                raise _Unusual
            stack[-1][1] = event.value
        else:
            stack[-1][0][stack[-1][1]] = value
            stack[-1][1] = _KEY_NEXT
        if kind is not yaml.ScalarEvent:
            if len(stack) >= _PLAIN_DEPTH:
                raise _Unusual
            stack.append([value, _KEY_NEXT])
    return root


_KEY = re.compile(r"[ \t]*(?:-[ \t]+)?([^\s:#'\"][^:]*?)[ \t]*:(?:[ \t]|$)")


def check_characters(text: str, *, first_line: int = 1) -> None:
    """YamlInputError naming the line (as an editor's program counts lines: YAML also breaks
    them at NEL and U+2028, so its own count would blame the next line), the field and the
    character in words, for a control or invisible character anywhere in the text."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        found = CONTROL_IN_MULTILINE.search(line.rstrip("\r"))
        if not found:
            continue
        keys = (_KEY.match(lines[n]) for n in range(number, -1, -1))
        key = next((k[1] for k in keys if k), None)
        field = f", поле «{shown(key)[1:-1]}»" if key else ""
        raise YamlInputError(f"строка {number + first_line}{field}: недопустимый символ — "
                             f"{named_character(found[0])}: {shown(line.strip())}; удалите его "
                             "или замените пробелом")


def load_yaml(text: str, *, first_line: int = 1, comment_after_value: bool = True):
    """The YAML `text` as dicts, lists, strings and None; YamlInputError with a one-line message
    («строка N: what is wrong: «the typed line»») otherwise. `first_line` is the number of the
    text's first line in its file (front matter starts on line 2). `comment_after_value=False`
    refuses a comment after an unquoted value (event files: `_Comments`); a whole-line comment
    stays allowed."""
    check_characters(text, first_line=first_line)
    comments = None if comment_after_value else _Comments(text, first_line)
    if yaml.__with_libyaml__:
        try:
            return _plain_load(text, comments)
        except _Unusual:
            pass
    loader = _Loader(text)
    loader.comments = comments
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        lines = text.splitlines()

        def typed(mark) -> str:
            line = lines[mark.line].strip() if mark.line < len(lines) else ""
            return f": {shown(line)}" if line else ""

        problem, context = error.problem_mark, error.context_mark
        message = _problem_text(error)
        if problem is None:
            raise YamlInputError(message) from None
        message = f"строка {problem.line + first_line}: {message}{typed(problem)}"
        if context is not None and context.line != problem.line:
            # e.g. an unclosed bracket: the line where it opened is the one to fix
            message += f" (начало — строка {context.line + first_line}{typed(context)})"
        raise YamlInputError(message) from None
    except (yaml.YAMLError, RecursionError):
        raise YamlInputError("не читается как YAML (слишком глубокая вложенность или "
                             "недопустимые символы)") from None
    finally:
        loader.dispose()
