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
from bisect import bisect_right
from functools import lru_cache

import idna
from confusable_homoglyphs.categories import categories_data
from confusable_homoglyphs.confusables import confusables_data
from idna.idnadata import codepoint_classes

# Script mixes UTS #39 «highly restrictive» allows in one label (Latin aside: a Latin letter
# beside another script is how look-alike hosts are made).
ALLOWED_MIXES = (frozenset({"HAN", "HIRAGANA", "KATAKANA"}), frozenset({"HAN", "BOPOMOFO"}),
                 frozenset({"HAN", "HANGUL"}))
_ANY_SCRIPT = set("-0123456789")


@lru_cache(maxsize=1)
def _runs() -> tuple[list[int], list[tuple[int, int, str, str]]]:
    """Every character a non-ASCII host label may hold, as sorted runs (first, last, script,
    general category): ASCII letters (LATIN), and IDNA2008's PVALID characters of a named script
    (not COMMON or INHERITED) whose script reads left to right (a right-to-left host needs
    IDNA's bidi rules, which the form could not check the same way). Made by merging the two
    packages' range tables, not per character: a build makes the form's rules every time."""
    names, kinds = categories_data["iso_15924_aliases"], categories_data["categories"]
    scripts = categories_data["code_points_ranges"]  # [first, last, script, category], sorted
    valid = sorted((p >> 32, (p & 0xFFFFFFFF) - 1) for p in codepoint_classes["PVALID"])
    runs = [(ord("a"), ord("z"), "LATIN", "Ll")]
    rtl = {names[s] for first, _, s, _ in scripts
           if unicodedata.bidirectional(chr(first)) in ("R", "AL", "AN")}
    i = j = 0
    while i < len(valid) and j < len(scripts):
        first, last = max(valid[i][0], scripts[j][0], 0x80), min(valid[i][1], scripts[j][1])
        script = names[scripts[j][2]]
        if first <= last and script not in ("COMMON", "INHERITED") and script not in rtl:
            runs.append((first, last, script, kinds[scripts[j][3]]))
        if valid[i][1] < scripts[j][1]:
            i += 1
        else:
            j += 1
    return [run[0] for run in runs], runs


def script_of(ch: str) -> str | None:
    """The script a host label may hold `ch` in (see _runs), or None."""
    starts, runs = _runs()
    at = bisect_right(starts, ord(ch)) - 1
    return runs[at][2] if at >= 0 and ord(ch) <= runs[at][1] else None


@lru_cache(maxsize=1)
def latin_lookalikes() -> frozenset[int]:
    """Characters beyond ASCII that UTS #39 lists as confusable with an ASCII letter or digit."""
    return frozenset(ord(ch) for ch, glyphs in confusables_data.items()
                     if len(ch) == 1 and ord(ch) >= 0x80 and script_of(ch)
                     and any(len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalnum()
                             for g in glyphs))


def _label_scripts(label: str) -> set[str] | None:
    """The scripts of a label's letters, or None when a character may not be in a host."""
    found = set()
    for ch in label:
        if ch in _ANY_SCRIPT:
            continue
        script = script_of(ch)
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


def _one(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\u{{{code:x}}}"


def _class(runs) -> str:
    """(first, last) runs as a regex class body, \\uXXXX or \\u{XXXXX} written, touching runs
    joined."""
    joined: list[list[int]] = []
    for first, last in sorted(runs):
        if joined and joined[-1][1] >= first - 1:
            joined[-1][1] = max(joined[-1][1], last)
        else:
            joined.append([first, last])
    return "".join(_one(a) if a == b else f"{_one(a)}-{_one(b)}" for a, b in joined)


def script_tables() -> dict:
    """The tables above for the form's script (JavaScript regex classes, flag «u»)."""
    by_script: dict[str, list[tuple[int, int]]] = {}
    for first, last, script, _ in _runs()[1]:
        by_script.setdefault(script, []).append((first, last))
    return {
        "scripts": {script: _class(runs) for script, runs in sorted(by_script.items())},
        "mixes": [sorted(mix) for mix in ALLOWED_MIXES],
        "lookalikes": _class((c, c) for c in latin_lookalikes()),
        "marks": _class((first, last) for first, last, _, kind in _runs()[1]
                        if kind.startswith("M")),
    }
