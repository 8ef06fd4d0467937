"""Whether an event's address already names its municipality, so «Где» need not say it twice.

Municipality names come from the region folder's municipalities.yml in three shapes: «город
Усть-Энск», «Энский район» (or «… муниципальный округ»), «ЗАТО Новоэнский». Addresses are typed
by people: «г. Усть-Энск, ул. …», «Усть-Энск, …», «Энский р-н, д. …», «д. Родичи Энского
района». A town named alone is not its district («г. Энск» is not
«Энский район»), and a district is not its town. No MkDocs imports.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Status words before a settlement's name; what stays is the name as addresses write it.
_SETTLEMENT = re.compile(r"(?:город|ЗАТО|посёлок|поселок|пгт)\s+(?P<name>.+)", re.IGNORECASE)
# A district: an adjective («Энский») and what it is («район», «муниципальный округ»).
_DISTRICT = re.compile(r"(?P<adjective>\w+(?:-\w+)*)\s+(?:район|муниципальный\s+округ|округ)",
                       re.IGNORECASE)
# How addresses abbreviate «район» and «муниципальный округ», in any case form.
_DISTRICT_WORD = r"(?:район\w*|р-н\w*|р\.|муниципальн\w*\s+округ\w*|округ\w*|м\.\s?о\.|МО\b)"
_WORD_EDGE_BEFORE, _WORD_EDGE_AFTER = r"(?<![\w-])", r"(?![\w-])"


@lru_cache(maxsize=256)
def municipality_pattern(municipality: str) -> re.Pattern[str]:
    name = " ".join(municipality.split())
    district = _DISTRICT.fullmatch(name)
    if district:
        adjective = district["adjective"]
        # «Энский», «Энского», «Энском»: the stem and any ending
        stem = re.escape(adjective[:-2]) if len(adjective) > 4 else re.escape(adjective)
        return re.compile(rf"{_WORD_EDGE_BEFORE}{stem}\w{{0,3}}\s+{_DISTRICT_WORD}", re.IGNORECASE)
    settlement = _SETTLEMENT.fullmatch(name)
    words = (settlement["name"] if settlement else name).split()
    spaced = r"\s+".join(re.escape(word) for word in words)
    # the name as a whole word, not the start of its district's adjective or of a district
    return re.compile(rf"{_WORD_EDGE_BEFORE}{spaced}{_WORD_EDGE_AFTER}(?!\s+{_DISTRICT_WORD})",
                      re.IGNORECASE)


def names_municipality(address: str, municipality: str) -> bool:
    """Whether `address` names the town or district `municipality` (a name from the list)."""
    return municipality_pattern(municipality).search(address) is not None
