"""Rules for values that arrive from outside the code: data files, event files, the environment.

Validate at input (plain text without control characters and within a length; URLs through
`urllib.parse` with one shared rule), escape at output (`markdown_text`, `markdown_url`: a value
inserted into a Markdown page is always text, never Markdown, attribute lists or HTML).
Messages quote what the editor typed, shortened (`shown`), so a huge value cannot flood them.
No MkDocs imports.
"""

from __future__ import annotations

import re
import string
from urllib.parse import quote, urlsplit

import regex
from email_validator import EmailNotValidError, validate_email
from markupsafe import Markup

from .hosts import lookalike_host

# Line and paragraph separators and the bidirectional overrides that can make a line display
# differently from what it holds (the «Trojan Source» trick) are refused like control characters.
_INVISIBLE = "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
# Characters that show nothing and so hide or fake text: zero-width space, joiners and the
# direction marks (U+200B–U+200F), the Arabic letter mark, the Mongolian vowel separator, the
# invisible operators after the word joiner (U+2061–U+2064), Hangul fillers that render as
# blanks, and tag characters (U+E0000–U+E007F). The word joiner U+2060 itself stays: the site's
# own typography puts it after dashes.
_INVISIBLE += "\u200b-\u200f\u061c\u180e\u2061-\u2064\u115f\u1160\u3164\uffa0\U000e0000-\U000e007f"
# Private-use characters mean whatever a font on the reader's machine makes of them (U+F8FF is
# an apple on a Mac and nothing elsewhere): no reader sees what the editor saw.
_INVISIBLE += "\ue000-\uf8ff\U000f0000-\U0010ffff"
# Unicode categories Cc (C0, DEL, C1) and Cs (lone surrogates), the noncharacters U+FFFE and
# U+FFFF (YAML's reader refuses them), and the above; one regex search instead of a category
# lookup per character (2000 events hold 1.5 million characters)
_REFUSED = "\x7f-\x9f\ud800-\udfff\ufffe\uffff" + _INVISIBLE
CONTROL = re.compile(f"[\x00-\x1f{_REFUSED}]")
CONTROL_IN_MULTILINE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_REFUSED}]")  # not \t\n\r
SHOWN_LENGTH = 80  # how much of a bad value a message repeats

# Unicode's default-ignorable code points (soft hyphen, word joiner, variation selectors, the
# combining grapheme joiner…): a program shows nothing for them, so «ООО «При\u00adмер»» looks
# like «ООО «Пример»». Names refuse them (fields.Name) and comparisons drop them. The set is
# Unicode's own property, not a list typed here: the pinned `regex` package reads it here, and
# the form's script (a JavaScript RegExp with flag «u» knows the same property) reads the same
# pattern from the rules JSON. The property is stable by design: it covers whole reserved
# ranges before their characters are assigned.
IGNORABLE_PATTERN = r"\p{Default_Ignorable_Code_Point}"
IGNORABLE = regex.compile(IGNORABLE_PATTERN)


def without_ignorables(text: str) -> str:
    """`text` without default-ignorable code points, for comparing what people see."""
    return IGNORABLE.sub("", text)

# Field length limits (characters), named in messages.
SHORT_TEXT = 200  # a title, a name, an organizer, a city
LONG_TEXT = 500  # a theme, an address, a line of details
URL_LENGTH = 2000
DESCRIPTION_LENGTH = 5000
# Python-Markdown spends time quadratic in the number of «[» (each one may open a link): 100 keep
# a description at the limit well under a second (measured: ~0.2 s), a real one needs a few.
DESCRIPTION_BRACKETS = 100


class Problem(ValueError):
    """A value broke a rule: the message for editors (str), and the rule and its details, from
    which event_messages says the same in a person's words."""

    def __init__(self, text: str, rule: str, **params: object) -> None:
        super().__init__(text)
        self.rule = rule
        self.params = params


def shown(value: object) -> str:
    """`value` for a message: the text as typed in «ёлочках», or a short repr of anything else,
    cut to about SHOWN_LENGTH characters, with control characters made visible."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > SHOWN_LENGTH:
        text = text[:SHOWN_LENGTH - 1] + "…"
    text = "".join(_escape(ch) if _is_control(ch) and ch != " " else ch for ch in text)
    return f"«{text}»"


def _is_control(ch: str) -> bool:
    return CONTROL.match(ch) is not None


def safe_name(name: str) -> str:
    """A file name, folder name or key for a message, whole: control, bidi and invisible
    characters as `\\x1b`-style escapes, so a name cannot start a log line of its own (a forged
    «::error::» annotation in CI) or send escape sequences to a terminal."""
    return CONTROL.sub(lambda found: _escape(found[0]), name)


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


_COMMAND = re.compile(r"^([ \t]*):(?=:)", re.MULTILINE)


def log_safe(message: str) -> str:
    """A message for the build log: every character `safe_name` escapes, except the line
    breaks between its lines, and no line that starts with «::» (GitHub Actions reads such a
    line as a workflow command)."""
    lines = (safe_name(line) for line in message.split("\n"))
    return _COMMAND.sub(lambda found: found[1] + "\\x3a", "\n".join(lines))


def check_text(value: str, *, limit: int = SHORT_TEXT, multiline: bool = False) -> str:
    """`value` if it is plain text within `limit` characters; else ValueError saying why.
    Tabs and line breaks are allowed only in `multiline` text (a description)."""
    found = (CONTROL_IN_MULTILINE if multiline else CONTROL).search(value)
    if found:
        bad = found[0]
        kind = "перевод строки" if bad in "\r\n\u2028\u2029" else f"управляющий символ U+{ord(bad):04X}"
        rule = "line_break" if bad in "\r\n" else "character"
        raise Problem(f"недопустимый символ ({kind}) в {shown(value)}: пишите обычный текст"
                      + ("" if multiline else " в одну строку"), rule, character=bad)
    if len(value) > limit:
        raise Problem(f"длиннее {limit} знаков (получено {len(value)}): {shown(value)}",
                      "too_long", limit=limit, length=len(value))
    return value


# -- URLs ------------------------------------------------------------------------------------

UNSAFE_IN_URL = set(" \"'<>\\`^{|}")
_NETLOC = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)")
HOST_LABEL = re.compile(r"(?!-)[a-z0-9\u00c0-\uffff-]{1,63}(?<!-)", re.IGNORECASE)
# An e-mail address as found in text (a contact, a description): letters, digits and «._+-» before
# the «@», never «%» — «a%0D%0Abcc%3A…@x.ru» would put a line break and a header into a mailto:
# link — and not glued to such characters on either side. is_email is the rule itself.
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}"
                   r"(?![A-Za-z0-9_%-])", re.ASCII)
PHONE = re.compile(r"\+?[0-9]{5,15}", re.ASCII)


def is_email(value: str) -> bool:
    """Whether `value` is one plain e-mail address, name@example.ru: the pattern above (ASCII,
    no «%», no quotes, no comments) and RFC 5321/5322's rules as email-validator applies them
    (dots, lengths, a real domain name; no DNS look-up). The one rule for data files, event
    contacts and descriptions, and every mailto: link."""
    if not isinstance(value, str) or not EMAIL.fullmatch(value):
        return False
    try:
        validate_email(value, check_deliverability=False, allow_smtputf8=False,
                       allow_quoted_local=False, allow_domain_literal=False,
                       allow_display_name=False)
    except EmailNotValidError:
        return False
    return True


def check_url(value: str, *, schemes: tuple[str, ...] = ("https",), query: bool = True) -> str:
    """`value` if it is an absolute URL with one of `schemes`: http(s) with a host name and no
    user info; `mailto:` an address; `tel:` a number. No whitespace, quotes, angle brackets,
    backslashes or control characters anywhere. `query=False` also refuses «?…» and «#…».
    Raises ValueError with a message that says what is accepted."""
    accepted = " или ".join(f"{s}:" if s in ("mailto", "tel") else f"{s}://…" for s in schemes)
    rule = _url_problem(value, schemes, query)
    if rule:
        raise Problem(f"{_URL_PROBLEMS[rule]}: {shown(value)}; ожидается адрес {accepted}",
                      f"url_{rule}", limit=URL_LENGTH)
    return value


# What each broken URL rule says to editors (event_messages says it to people).
_URL_PROBLEMS = {
    "long": f"адрес длиннее {URL_LENGTH} знаков",
    "characters": "в адресе пробел, кавычка, угловая скобка, обратная косая черта или "
                  "управляющий символ",
    "unreadable": "адрес не разбирается",
    "http": "недопустимая схема адреса",
    "scheme": "недопустимая схема адреса",
    "relative": "не абсолютный адрес",
    "mailto": "не адрес почты",
    "tel": "не номер телефона",
    "no_host": "нет имени сайта после «//»",
    "user": "в адресе есть имя пользователя или пароль («…@»)",
    "host": "неверное имя сайта",
    "lookalike": "в имени сайта буквы разных алфавитов или знаки, похожие на другие буквы, "
                 "точку или косую черту (так выглядят поддельные адреса)",
    "port": "неверный порт",
    "query": "в адресе не должно быть «?…» и «#…»",
}


def _url_problem(value: str, schemes: tuple[str, ...], query: bool) -> str | None:
    """The broken rule's name (a key of _URL_PROBLEMS), or None."""
    if len(value) > URL_LENGTH:
        return "long"
    if any(_is_control(ch) or ch.isspace() or ch in UNSAFE_IN_URL for ch in value):
        return "characters"
    netloc = _NETLOC.match(value)
    if netloc and ("[" in netloc[1] or "]" in netloc[1]):
        # an IP literal or a typo; urlsplit raises on some and accepts «[v1.example.org]»
        return "unreadable"
    try:
        parts = urlsplit(value)
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        return "unreadable"
    scheme = parts.scheme.lower()
    if scheme not in schemes or parts.scheme != scheme:
        if not scheme:
            return "relative"
        return "http" if scheme == "http" and "https" in schemes else "scheme"
    if scheme == "mailto":
        return None if is_email(parts.path) and not parts.query else "mailto"
    if scheme == "tel":
        return None if PHONE.fullmatch(parts.path.replace("-", "")) else "tel"
    if not value.lower().startswith(f"{scheme}://"):
        return "no_host"
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "user"
    host = parts.hostname or ""
    labels = host.split(".")
    if len(labels) < 2 or not all(HOST_LABEL.fullmatch(label) for label in labels):
        return "host"
    if lookalike_host(host):
        return "lookalike"
    if port is not None and not 0 < port < 65536:
        return "port"
    if not query and (parts.query or parts.fragment or "?" in value or "#" in value):
        return "query"
    return None


def check_template(value: str, *, schemes: tuple[str, ...] = ("https",)) -> str:
    """A per-year link template: `{year}` is its only placeholder (no other names, attribute
    access, conversions or formats), and with a year filled in it is a valid URL."""
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(value)
                  if name is not None]
    except ValueError:
        fields = [("?", "", None)]  # an unmatched brace
    if not fields or any(f != ("year", "", None) for f in fields):
        raise ValueError(f"шаблон {shown(value)}: ожидается ровно подстановка {{year}} и ничего "
                         "больше, например https://rskrf.ru/qualityday{year}/")
    return check_url(value.replace("{year}", "2027"), schemes=schemes) and value


# -- output into Markdown ----------------------------------------------------------------------

# ASCII characters that Markdown, its extensions (attribute lists, tables, abbreviations) or HTML
# give a meaning. As numeric character references they are only text to Python-Markdown and show
# the same to readers. «.», «,», «-», «:», «/», «+», «%», «@» stay: they are common in text and
# mean something to Markdown only at the start of a line, where a value never is.
_MARKDOWN_SPECIAL = "\\`*_{}[]()<>#!|~^=&\"'$"
_MARKDOWN_TABLE = {ord(ch): f"&#{ord(ch)};" for ch in _MARKDOWN_SPECIAL}


def markdown_text(value: object) -> Markup:
    """`value` as text inside a Markdown page: every character that could start markup is a
    character reference. Returns Markup, so escaping twice is harmless."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(str(value).translate(_MARKDOWN_TABLE))


def markdown_url(url: str) -> Markup:
    """A validated URL for a Markdown link target `[…](here)` or autolink `<here>`: brackets and
    parentheses are percent-encoded so the URL cannot end the link early or add attributes."""
    return Markup(quote(url, safe="!#$%&*+,-./:;=?@_~") if url.isascii()
                  else "".join(ch if ord(ch) > 127 else quote(ch, safe="!#$%&*+,-./:;=?@_~")
                               for ch in url))
