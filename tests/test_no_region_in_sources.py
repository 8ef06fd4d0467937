"""Nothing regional in the project's sources: code, templates, pages, scripts, styles, workflows,
mkdocs.yml and tests take the region from its folder (regions/). The scan looks for the words of
EVERY region folder, read from its data: the region's name, its municipalities' own words, the
ministry's e-mail and site domains, its phone's number and city code, its postcode (see
`region_words`); and for three stems of the default region that its data does not spell in every
form («ул. Кирова», «Вятка»), which only this file names. Zone names (Europe/…) are not looked
for: code and tests name zones as examples of offsets, and several regions share one.

Not scanned: regions/ itself; the issue form, which `python -m qualityweek.tools.issue_form`
generates from the default region's folder and tests/test_region.py checks against it; README.md
and CONTRIBUTING.md, the documentation of this deployment, whose example event names the default
region's municipality because tests/test_editors.py builds it against that list.
"""

from __future__ import annotations

import re
import subprocess
import time
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from conftest import ROOT

FIXED = re.compile(r"киров|вятк|kirov", re.IGNORECASE)
THIS_FILE = "tests/test_no_region_in_sources.py"
GENERATED = {".github/ISSUE_TEMPLATE/event.yml"}  # checked against the data, see above
DOCUMENTATION = {"README.md", "CONTRIBUTING.md"}

# Words of region and municipality names that say what a place is, not which one.
GENERIC = {"город", "район", "муниципальный", "округ", "область", "области", "республика",
           "республики", "автономный", "автономного", "посёлок", "поселок", "рабочий",
           "городской", "сельское", "поселение"}
# Names that are ordinary words too, and that many regions share: «ул. Советская», «северный
# ветер», «Первомайский район» is in a dozen regions. Flagging them would flag ordinary text.
ORDINARY = {"Советский", "Северный", "Первомайский", "Татарский", "Поляны", "Орловский",
            "Богородский", "Октябрьский", "Ленинский", "Центральный", "Заречный"}
ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "ое", "ие", "ые")
MIN_LETTERS = 5
WORD = re.compile(r"[^\W\d_]+")


def stem(word: str) -> str:
    """The part of a name every case form starts with: «Новоэнский» → «Новоэнск»
    («Новоэнского», «Новоэнском»); a noun stays whole («Новоэнск», «Новоэнске»)."""
    if word.endswith(ADJECTIVE_ENDINGS) and len(word) - 2 >= MIN_LETTERS:
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


def region_words(folder: Path) -> tuple[set[str], set[str]]:
    """A region folder's words: the name stems (matched at a word's start), and the literal
    patterns of the ministry's contacts (its e-mail and site domains, the phone's local number,
    the address's postcode)."""
    region = yaml.safe_load((folder / "region.yml").read_text(encoding="utf-8"))
    listed = yaml.safe_load((folder / "municipalities.yml").read_text(encoding="utf-8"))
    names = [region["region"][key] for key in ("name", "genitive", "prepositional")]
    stems = set().union(*(distinctive(name) for name in names + listed["municipalities"]))
    ministry = region.get("ministry") or {}
    literal = set()
    if ministry.get("email"):
        literal.add(re.escape(ministry["email"].rpartition("@")[2]))
    if ministry.get("site"):
        literal.add(re.escape(urlsplit(ministry["site"]).hostname.removeprefix("www.")))
    if ministry.get("phone"):
        # the number without the country and city codes: «12-34-56» of «+7 (000) 12-34-56»
        local = re.split(r"\)", ministry["phone"])[-1]
        literal.add(digits_pattern(re.sub(r"\D", "", local)))
        # the city code, as a phone number writes it: «(000)», and inside «+7000…», «8000…»
        for code in re.findall(r"\((\d{3,5})\)", ministry["phone"]):
            literal |= {rf"(?<!\d)\(?{code}(?!\d)", rf"(?<!\d)(?:\+7|8){code}\d"}
    for postcode in re.findall(r"(?<!\d)\d{6}(?!\d)", ministry.get("address") or ""):
        literal.add(digits_pattern(postcode))
    return stems, literal


@cache
def all_region_words() -> tuple[frozenset[str], frozenset[str]]:
    stems, literal = set(), set()
    for folder in sorted(p for p in (ROOT / "regions").iterdir() if p.is_dir()):
        folder_stems, folder_literal = region_words(folder)
        stems |= folder_stems
        literal |= folder_literal
    return frozenset(stems), frozenset(literal)


@cache
def data_words() -> re.Pattern[str]:
    stems, literal = all_region_words()
    # a stem at a word's start; longest first, so that a hit shows the whole stem. The look-ahead
    # for a first letter keeps the scan fast: most positions fail it before any alternative
    first = "".join(sorted({c for s in stems for c in (s[0], s[0].upper())}))
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile("|".join([rf"(?<![^\W\d_])(?=[{first}])(?:{alternatives})",
                                *sorted(literal)]), re.IGNORECASE)


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return sorted(set(listed.split("\n")) - {""})


def hits_in(name: str, text: str) -> list[str]:
    if name == THIS_FILE:  # it names the three stems, and nothing else regional
        text = FIXED.sub("", text)
    if not (data_words().search(text) or FIXED.search(text)):
        return []  # most files: one pass, no lines
    return [f"{name}:{number}: «{found[0]}» в строке: {line.strip()}"
            for number, line in enumerate(text.splitlines(), 1)
            if (found := data_words().search(line) or FIXED.search(line))]


def test_no_source_names_a_region():
    started = time.perf_counter()
    hits = []
    for name in tracked_files():
        path = ROOT / name
        if name.startswith("regions/") or name in GENERATED | DOCUMENTATION or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # a binary file: no words to read
            continue
        hits += hits_in(name, text)
    assert not hits, "\n".join(hits)
    assert time.perf_counter() - started < 2


# -- the word list is the right one ---------------------------------------------------------------

def test_the_scan_finds_every_regions_names_in_their_case_forms():
    for folder in (p for p in (ROOT / "regions").iterdir() if p.is_dir()):
        region = yaml.safe_load((folder / "region.yml").read_text(encoding="utf-8"))
        listed = yaml.safe_load((folder / "municipalities.yml").read_text(encoding="utf-8"))
        for key in ("name", "genitive", "prepositional"):
            assert data_words().search(region["region"][key]), (folder.name, key)
        for name in listed["municipalities"]:
            words = [w for w in WORD.findall(name) if w not in ORDINARY]
            if not any(len(w) >= MIN_LETTERS and w.lower() not in GENERIC for w in words):
                continue  # «город Обь», «Северный муниципальный округ»: no word of its own
            # as typed in a source: the name, its district in the genitive, a town's locative
            genitive = re.sub(r"(\w+)(?:ий|ый|ой) район$", r"\1ого района", name)
            for form in (name, genitive, name.upper(), f"в {name.removeprefix('город ')}е"):
                assert data_words().search(form), (folder.name, form)
        ministry = region.get("ministry") or {}
        for key in ("email", "phone"):
            if ministry.get(key):
                assert data_words().search(ministry[key]), (folder.name, key)
        for code in re.findall(r"\((\d{3,5})\)", ministry.get("phone") or ""):
            for typed in (f"+7 ({code}) 00-00-00", f"tel:+7{code}000000", f"8{code}000000"):
                assert data_words().search(typed), (folder.name, typed)


def test_ordinary_words_and_invented_places_are_not_flagged():
    ordinary = ("г. Энск, ул. Советская, д. 5; Северный проезд, 1; Первомайская улица",
                "Усть-Энский район, муниципальный округ, город, область, республика",
                "Экскурсия на молочный завод: лаборатория, склад, участок сборки",
                "ООО «Ромашка», АО «Энский завод», +7 (900) 000-00-00, 123456, example.org",
                "Всемирная неделя качества, Международный форум, министерство промышленности")
    for text in ordinary:
        assert not data_words().search(text), (text, data_words().search(text))


def test_the_word_list_is_sane():
    stems, literal = all_region_words()
    assert len(stems) > 50 and len(literal) >= 5  # two regions' names, one ministry's contacts
    assert all(len(s) >= MIN_LETTERS for s in stems)
    assert not {s for s in stems if s in {w.lower() for w in GENERIC | ORDINARY}}
    # no stem is the start of an ordinary word the site uses
    site_words = {w.lower() for w in WORD.findall(
        (ROOT / "docs" / "index.md").read_text(encoding="utf-8") + " ".join(GENERIC))}
    assert not {(s, w) for s in stems for w in site_words if w.startswith(s)}


def test_the_fixed_stems_find_the_default_regions_other_forms():
    assert FIXED.search("ул. Кирова") and FIXED.search("ООО «ВЯТКА»")
    assert FIXED.search("info@KIROV.example") and not FIXED.search("г. Энск, Энская область")
