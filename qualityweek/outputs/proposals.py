"""Who receives the events people propose (the form, the events page, contacts), and how the
pages name them: the site's editor when the region folder names one (region.yml, `proposals`),
else the ministry when it has published an e-mail, else nobody yet. Every page and the form
take their words from here, so none of them promises a letter the data cannot deliver.
No MkDocs imports."""

from __future__ import annotations

from dataclasses import dataclass

from ..inputs.facts import Organization
from ..inputs.region import Proposals


NOBODY_NAMED = "редактор сайта"  # someone adds the event files; the data names no address


@dataclass(frozen=True)
class Recipient:
    email: str | None  # where the form's letter goes; None: no address is published
    who: str  # who checks and adds the events, as a sentence names them mid-sentence
    ministry: bool  # the ministry itself (its name goes after «в»: «письмо в министерство …»)


def recipient(ministry: Organization, proposals: Proposals | None) -> Recipient:
    """The editor named in the region folder, else the ministry at its published e-mail; without
    either, the site's editor, with no address to send the events to."""
    if proposals is not None:
        return Recipient(email=proposals.email, who=proposals.name, ministry=False)
    if ministry.email:
        return Recipient(email=ministry.email, who=ministry.short_name or ministry.name,
                         ministry=True)
    return Recipient(email=None, who=NOBODY_NAMED, ministry=False)
