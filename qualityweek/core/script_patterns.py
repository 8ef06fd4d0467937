"""Python regexes as a JavaScript RegExp (flag «u») reads them: the form's script checks the
same patterns as the build (event_rules.py writes them into the rules JSON). No MkDocs imports.
"""

from __future__ import annotations

import re


def js_words(pattern: str) -> str:
    """A Python regex whose \\w and \\b mean Unicode letters, as JavaScript (flag «u», where they
    stay ASCII) reads it."""
    word = r"\p{L}\p{N}_"
    # re.escape's «\-», «\ », «\#»… are errors under «u»: there only syntax characters escape
    pattern = re.sub(r"\\([^A-Za-z0-9^$\\.*+?()[\]{}|/])", r"\1", pattern)
    pattern = pattern.replace(r"[\w-]", f"[{word}-]").replace(r"\w", f"[{word}]")
    return js_pattern(pattern.replace(r"\b", f"(?![{word}])"))


def js_pattern(pattern: str) -> str:
    """A Python regex as text a JavaScript RegExp (flag «u») reads the same: characters outside
    printable ASCII written as \\uXXXX (the patterns hold control characters and lone
    surrogates, which JSON in UTF-8 cannot carry as they are); beyond U+FFFF as \\u{XXXXX}."""
    return "".join(ch if " " < ch <= "~" else f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF
                   else f"\\u{{{ord(ch):x}}}" for ch in pattern)
