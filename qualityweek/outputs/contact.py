"""An event's «Контакт» as HTML: phone numbers and e-mail addresses become links, the rest stays
escaped text. No MkDocs imports.

Phones are found by libphonenumber (phonenumbers, the «lite» build without geocoding data):
«+7 (4012) 00-00-00», «8 912 000-00-00» and «8-800-…» become `tel:+7…` in E.164, what every
phone dials; a number it does not call valid stays text. Each link goes through the site's one
URL check (untrusted.check_url), like every other link.
"""

from __future__ import annotations

from collections.abc import Iterator

import phonenumbers
from markupsafe import Markup, escape

from ..core.typography import glue
from ..core.untrusted import EMAIL, check_url

# Numbers written without a country code are read as Russian ones: the site is for Russian
# organisations and «8 912 …» is how they write a mobile number.
COUNTRY = "RU"


def _links(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, href) of each e-mail address and phone number in `text`, in order."""
    found = [(m.start(), m.end(), f"mailto:{m[0]}") for m in EMAIL.finditer(text)]
    for match in phonenumbers.PhoneNumberMatcher(text, COUNTRY):
        if any(start < match.end and match.start < end for start, end, _ in found):
            continue  # digits inside an e-mail address
        number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        found.append((match.start, match.end, f"tel:{number}"))
    for start, end, href in sorted(found):
        try:
            check_url(href, schemes=("mailto", "tel"))
        except ValueError:
            continue
        yield start, end, href


def contact_html(text: str) -> Markup:
    """`text` escaped, with its phones as `tel:` links and its addresses as `mailto:` links."""
    parts: list[Markup] = []
    position = 0
    for start, end, href in _links(text):
        parts.append(escape(glue(text[position:start])))
        # a phone number must not break across lines on a narrow screen; an address may
        nowrap = Markup(' class="qw-nowrap"') if href.startswith("tel:") else ""
        parts.append(Markup('<a{} href="{}">{}</a>').format(nowrap, href, text[start:end]))
        position = end
    parts.append(escape(glue(text[position:])))
    return Markup("").join(parts)
