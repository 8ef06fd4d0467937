"""Latin letters that look like Cyrillic ones («O» and «О», «B» and «В»), from Unicode's
confusables data (UTS #39) as the confusable-homoglyphs package ships it: not a hand list.

An organizer typed «OOO «Ромашка»» with Latin O's is the same company as «ООО «Ромашка»»; counting
folds each such Latin letter to its Cyrillic twin. No MkDocs imports.
"""

from __future__ import annotations

from functools import cache

from confusable_homoglyphs.categories import alias
from confusable_homoglyphs.confusables import confusables_data

from .untrusted import without_ignorables


@cache
def latin_to_cyrillic() -> dict[int, str]:
    """{code point of a Latin letter: its Cyrillic twin}, for str.translate. Made on first use
    (a tenth of a second), not on import: a build that stops at a bad file never needs it."""
    table = {}
    for char, homoglyphs in confusables_data.items():
        if len(char) != 1 or alias(char) != "LATIN":
            continue
        twins = [h["c"] for h in homoglyphs if len(h["c"]) == 1 and alias(h["c"]) == "CYRILLIC"]
        if twins:
            table[ord(char)] = twins[0]
    return table


def fold_lookalikes(text: str) -> str:
    """`text` with every Latin letter that has a Cyrillic look-alike replaced by it; casefolded
    in between, so «OOO» and «ooo» (Latin) fold like «ООО» and «ооо». Characters that show
    nothing (a soft hyphen, a word joiner) are dropped first."""
    table = latin_to_cyrillic()
    once = without_ignorables(text).translate(table).casefold()
    return once.translate(table).casefold()


def lookalike_letters(first: str, second: str) -> list[tuple[str, str]]:
    """(letter in `first`, letter in `second`) at each place where two equally long texts differ
    by a Latin letter and its Cyrillic look-alike."""
    if len(first) != len(second):
        return []
    return [(a, b) for a, b in zip(first, second)
            if a.casefold() != b.casefold() and fold_lookalikes(a) == fold_lookalikes(b)]
