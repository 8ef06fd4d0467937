"""The spelling gate: every word a reader meets on the built site, checked by Hunspell with the
Russian dictionary (Debian hunspell-ru) and, for the English names in the sources, the American
English one (hunspell-en-us), plus the project's short word list (spelling/words.dic: names and
abbreviations the dictionaries do not know). And the «ё» check: words that Russian dictionaries
accept with «е» too, but that this site writes with «ё» (spelling/yo.txt).

Pure apart from running the `hunspell` command; the tests (tests/test_spelling.py) collect the
texts of a built site and call `unknown_words` and `missing_yo`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # qualityweek/tools/ → the project
WORDS_FILE = ROOT / "spelling" / "words.dic"
YO_FILE = ROOT / "spelling" / "yo.txt"
DICTIONARIES = "ru_RU,en_US"

# Not words: addresses, e-mails, domains and file names (a dot inside), file extensions, hashtags
# and anything with a digit
_NOT_WORDS = re.compile(r"(?:https?|webcal)://\S+|mailto:\S+|[\w.+-]+@[\w.-]+|\S*\d\S*|"
                        r"[\w-]+(?:\.[\w-]+)+|(?<!\w)\.\w+|#\w+")
# a word: letters, inside it a hyphen or an apostrophe (Ростов-на-Дону, O'Reilly)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


class SpellingError(RuntimeError):
    """Hunspell or its dictionaries are missing: the message says what to install."""


def words(text: str) -> list[str]:
    """The words of a text, in order; stress marks and soft hyphens dropped."""
    text = text.replace("\u0301", "").replace("\u00ad", "")
    return [word for word in _WORD.findall(_NOT_WORDS.sub(" ", text)) if len(word) > 1]


def _hunspell(candidates: Iterable[str], personal: Path) -> set[str]:
    """The words Hunspell does not know (hyphenated words come back as their unknown parts)."""
    if shutil.which("hunspell") is None:
        raise SpellingError("нет команды hunspell: apt-get install hunspell hunspell-ru "
                            "hunspell-en-us")
    result = subprocess.run(
        ["hunspell", "-d", DICTIONARIES, "-p", str(personal), "-i", "utf-8", "-l"],
        input="\n".join(candidates) + "\n", capture_output=True, text=True, check=False)
    if result.returncode != 0 or "Can't open" in result.stderr:
        raise SpellingError(f"hunspell: {result.stderr.strip()} — apt-get install hunspell "
                            "hunspell-ru hunspell-en-us")
    return set(result.stdout.split())


def listed_words(path: Path = WORDS_FILE) -> list[str]:
    """The word list's entries: «слово» or «слово/образец» (the word takes the endings of the
    dictionary word after the slash: «Роскачество/качество» knows «Роскачества» too); «#» starts
    a comment."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def _with_parts(known: Iterable[str]) -> list[str]:
    """The words and, of a hyphenated one, its parts too: Hunspell checks «Усть-Кут» as
    «Усть» and «Кут»."""
    return sorted({part for word in known for part in (word, *re.split(r"[-'’]", word))})


def unknown_words(texts: Mapping[str, str], *, known: Iterable[str] = (),
                  word_list: Path = WORDS_FILE) -> list[tuple[str, str]]:
    """(where, word) for every word of `texts` ({where: text}) that neither the dictionaries, nor
    the word list, nor `known` (names from the data) know, in the order of `texts`, each word
    once per place."""
    per_place = {where: list(dict.fromkeys(words(text))) for where, text in texts.items()}
    with tempfile.TemporaryDirectory() as folder:  # Hunspell reads one personal dictionary
        personal = Path(folder) / "words.dic"
        personal.write_text("\n".join([*listed_words(word_list), *_with_parts(known)]) + "\n",
                            encoding="utf-8")
        unknown = _hunspell(sorted({w for found in per_place.values() for w in found}),
                            personal)
    problems = []
    for where, found in per_place.items():
        for word in found:
            parts = re.split(r"[-'’]", word)
            if word in unknown or any(part in unknown for part in parts):
                problems.append((where, word))
    return problems


def yo_words(path: Path = YO_FILE) -> dict[str, str]:
    """{written with «е»: written with «ё»} from the list (one «ё» word a line, # comments)."""
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            pairs[word.replace("ё", "е")] = word
    return pairs


def missing_yo(texts: Mapping[str, str], *, path: Path = YO_FILE) -> list[tuple[str, str, str]]:
    """(where, word as written, word with «ё») for every listed word written with «е»."""
    pairs = yo_words(path)
    problems = []
    for where, text in texts.items():
        for word in dict.fromkeys(words(text)):
            right = pairs.get(word.lower())
            if right:
                problems.append((where, word, right))
    return problems
