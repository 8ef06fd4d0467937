"""The words that name a region, read from its folder: what must not appear in the project's
sources (code, templates, pages, tests name no region) nor in another region's built site.

A region's words: the stems of its name and of its municipalities' own words (five letters or
more, neither generic nor ordinary), matched at a word's start in any case form; the literal
patterns of its ministry's contacts (the e-mail and site domains, the phone's local number and
city code, the postcode); and the lines of an optional `other-names.txt` in the folder: stems
of other names of the region and its centre that its data does not spell (an old name of the
city), one a line, matched at a word's start. No MkDocs imports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from ..inputs.facts import read_input
from ..inputs.yaml_input import load_yaml

OTHER_NAMES = "other-names.txt"
# Words of region and municipality names that say what a place is, not which one.
GENERIC = {"город", "район", "муниципальный", "округ", "область", "области", "республика",
           "республики", "автономный", "автономного", "посёлок", "поселок", "рабочий",
           "городской", "сельское", "поселение", "край", "края"}
# Names that are ordinary words too, and that many regions share: «ул. Советская», «северный
# ветер», «Первомайский район» is in a dozen regions. Flagging them would flag ordinary text.
ORDINARY = {"Советский", "Северный", "Первомайский", "Татарский", "Поляны", "Орловский",
            "Богородский", "Октябрьский", "Ленинский", "Центральный", "Заречный"}
ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "ое", "ие", "ые")
MIN_LETTERS = 5
# an adjective's stem may be shorter than a word of its own: «Энский» → «Энск» («Энского»)
MIN_STEM = 4
WORD = re.compile(r"[^\W\d_]+")


def stem(word: str) -> str:
    """The part of a name every case form starts with: «Новоэнский» → «Новоэнск»
    («Новоэнского», «Новоэнском»); a noun stays whole («Новоэнск», «Новоэнске»)."""
    if word.endswith(ADJECTIVE_ENDINGS) and len(word) - 2 >= MIN_STEM:
        return word[:-2]
    return word


def distinctive(name: str) -> set[str]:
    """The stems of a place name's own words: five letters or more, not generic, not ordinary."""
    generic = {w.lower() for w in GENERIC} | {w.lower() for w in ORDINARY}
    return {stem(word).lower() for word in WORD.findall(name)
            if len(word) >= MIN_LETTERS and word.lower() not in generic}


def digits_pattern(digits: str) -> str:
    """Digits as typed with spaces or dashes between them, not inside a longer number."""
    return r"(?<!\d)" + r"[\s-]?".join(digits) + r"(?!\d)"


FILE_BYTES = 200_000  # a region file, a municipalities list and a list of names are far smaller


def _text(path: Path) -> str:
    """A region folder's file as the build reads it: ValueError naming it when it is too big or
    not UTF-8 (every input is untrusted, the names list too)."""
    return read_input(path, f"{path.parent.name}/{path.name}", FILE_BYTES)


def _yaml(path: Path) -> dict:
    text = _text(path)
    try:
        data = load_yaml(text)
    except ValueError as error:
        raise ValueError(f"{path.parent.name}/{path.name}: {error}") from None
    return data if isinstance(data, dict) else {}


def region_words(folder: Path) -> tuple[set[str], set[str]]:
    """A region folder's words: the stems (matched at a word's start), and the literal
    patterns of the ministry's contacts; ValueError naming a file that cannot be read."""
    region = _yaml(folder / "region.yml")
    listed = _yaml(folder / "municipalities.yml")
    names = [(region.get("region") or {}).get(key) or ""
             for key in ("name", "genitive", "prepositional")]
    stems = set().union(*(distinctive(name) for name in names + list(
        listed.get("municipalities") or [])))
    other = folder / OTHER_NAMES
    if other.is_file():
        stems |= {line.split("#", 1)[0].strip().lower()
                  for line in _text(other).splitlines()} - {""}
    ministry = region.get("ministry") or {}
    literal = set()
    if ministry.get("email"):
        literal.add(re.escape(ministry["email"].rpartition("@")[2]))
    if ministry.get("site"):
        literal.add(re.escape((urlsplit(ministry["site"]).hostname or "").removeprefix("www.")))
    if ministry.get("phone"):
        # the number without the country and city codes: «12-34-56» of «+7 (000) 12-34-56»
        local = re.split(r"\)", ministry["phone"])[-1]
        literal.add(digits_pattern(re.sub(r"\D", "", local)))
        # the city code, as a phone number writes it: «(000)», and inside «+7000…», «8000…»
        for code in re.findall(r"\((\d{3,5})\)", ministry["phone"]):
            literal |= {rf"(?<!\d)\(?{code}(?!\d)", rf"(?<!\d)(?:\+7|8){code}\d"}
    for postcode in re.findall(r"(?<!\d)\d{6}(?!\d)", ministry.get("address") or ""):
        literal.add(digits_pattern(postcode))
    return stems, literal - {""}


def words_pattern(stems: Iterable[str], literal: Iterable[str] = ()) -> re.Pattern[str] | None:
    """One pattern for stems at a word's start and literal patterns; None for no words."""
    stems, literal = sorted(set(stems), key=len, reverse=True), sorted(set(literal))
    parts = list(literal)
    if stems:
        # a stem at a word's start; longest first, so that a hit shows the whole stem. The
        # look-ahead for a first letter keeps the scan fast: most positions fail it at once
        first = "".join(sorted({c for s in stems for c in (s[0], s[0].upper())}))
        alternatives = "|".join(re.escape(s) for s in stems)
        parts.insert(0, rf"(?<![^\W\d_])(?=[{re.escape(first)}])(?:{alternatives})")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def folders_pattern(folders: Iterable[Path]) -> re.Pattern[str] | None:
    """The words of all `folders` as one pattern."""
    stems: set[str] = set()
    literal: set[str] = set()
    for folder in folders:
        folder_stems, folder_literal = region_words(folder)
        stems |= folder_stems
        literal |= folder_literal
    return words_pattern(stems, literal)
