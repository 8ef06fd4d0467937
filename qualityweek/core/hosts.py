"""Host names that look like another site's: refused wherever a link is made (untrusted.check_url).

`https://rskrf.ru⁄login.evil.example/` shows «rskrf.ru⁄login…» but goes to another site (U+2044
is a fraction slash, not «/»), and `https://аpple.com/` (a Cyrillic «а») shows «apple.com». A
host label that is not plain ASCII is accepted only when the browser would show and resolve it
as typed and it cannot pass for another name:

- every character is one IDNA2008 allows as it is (the `idna` package's PVALID table: not
  mapped to another character by UTS #46 — fullwidth letters, capitals after lower case — not
  a symbol, a dot or a slash look-alike), left-to-right, in NFC, and no combining mark first;
- the label is in one script (Unicode's script data as `confusable-homoglyphs` ships it, UTS #39),
  or in one of the mixes UTS #39's «highly restrictive» level allows (Japanese, Chinese with
  Bopomofo, Korean with Han); digits and hyphens go with any script;
- a label made only of letters that look like Latin ones (UTS #39 confusables: «сосо»,
  «рое») is accepted only under a top-level domain of its own script (.рф), as browsers do;
- and `idna` encodes the whole host (UTS #46 and IDNA2008's remaining rules).

The form (propose-event.js) gets the same tables through the rules JSON (`script_tables`). No
MkDocs imports.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import idna
from confusable_homoglyphs.categories import alias
from confusable_homoglyphs.confusables import confusables_data
from idna.idnadata import codepoint_classes

# Script mixes UTS #39 «highly restrictive» allows in one label (Latin aside: a Latin letter
# beside another script is how look-alike hosts are made).
ALLOWED_MIXES = (frozenset({"HAN", "HIRAGANA", "KATAKANA"}), frozenset({"HAN", "BOPOMOFO"}),
                 frozenset({"HAN", "HANGUL"}))
_ANY_SCRIPT = set("-0123456789")


@lru_cache(maxsize=1)
def host_scripts() -> dict[int, str]:
    """{code point: script} of every character a non-ASCII host label may hold: ASCII letters
    (LATIN), and IDNA2008's PVALID characters of a named script that read left to right."""
    table = {c: "LATIN" for c in range(ord("a"), ord("z") + 1)}
    for packed in codepoint_classes["PVALID"]:
        for code in range(max(packed >> 32, 0x80), packed & 0xFFFFFFFF):
            ch = chr(code)
            if unicodedata.bidirectional(ch) in ("R", "AL", "AN"):
                continue
            script = alias(ch)
            if script and script not in ("COMMON", "INHERITED"):
                table[code] = script
    return table


@lru_cache(maxsize=1)
def latin_lookalikes() -> frozenset[int]:
    """Characters beyond ASCII that UTS #39 lists as confusable with an ASCII letter or digit."""
    return frozenset(ord(ch) for ch, glyphs in confusables_data.items()
                     if len(ch) == 1 and ord(ch) >= 0x80 and ord(ch) in host_scripts()
                     and any(len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalnum()
                             for g in glyphs))


def _label_scripts(label: str) -> set[str] | None:
    """The scripts of a label's letters, or None when a character may not be in a host."""
    scripts = host_scripts()
    found = set()
    for ch in label:
        if ch in _ANY_SCRIPT:
            continue
        script = scripts.get(ord(ch))
        if script is None:
            return None
        found.add(script)
    return found


def lookalike_host(host: str) -> bool:
    """Whether `host` (as typed, any case) holds a label that may pass for another name."""
    if host.isascii():
        return False
    labels = host.lower().split(".")
    top = _label_scripts(labels[-1]) or set()
    for label in labels:
        if label.isascii():
            continue
        scripts = _label_scripts(label)
        if (scripts is None or unicodedata.normalize("NFC", label) != label
                or unicodedata.category(label[0]).startswith("M") or label[2:4] == "--"):
            return True
        if len(scripts) > 1 and not any(scripts <= mix for mix in ALLOWED_MIXES):
            return True
        letters = [ord(ch) for ch in label if ch not in _ANY_SCRIPT]
        if letters and all(c in latin_lookalikes() for c in letters) and top != scripts:
            return True
    try:
        idna.encode(host, uts46=True, std3_rules=True)
    except (idna.IDNAError, UnicodeError, ValueError):
        return True
    return False


def _ranges(codes) -> str:
    """Sorted code points as a regex class body of ranges, \\uXXXX or \\u{XXXXX} written."""
    def one(c: int) -> str:
        return f"\\u{c:04x}" if c <= 0xFFFF else f"\\u{{{c:x}}}"
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(one(a) if a == b else f"{one(a)}-{one(b)}" for a, b in runs)


def script_tables() -> dict:
    """The tables above for the form's script (JavaScript regex classes, flag «u»)."""
    by_script: dict[str, list[int]] = {}
    for code, script in host_scripts().items():
        by_script.setdefault(script, []).append(code)
    marks = [c for c in host_scripts() if unicodedata.category(chr(c)).startswith("M")]
    return {
        "scripts": {script: _ranges(codes) for script, codes in sorted(by_script.items())},
        "mixes": [sorted(mix) for mix in ALLOWED_MIXES],
        "lookalikes": _ranges(latin_lookalikes()),
        "marks": _ranges(marks),
    }
