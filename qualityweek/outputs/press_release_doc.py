"""The press release as a document every office suite opens (Word, LibreOffice, МойОфис, Р7):
results/press-release-<year>.docx, written by python-docx from the same text as the .txt
(press_release.py), with the date it was written (the build date) and the ministry's contacts
where the region published them. No MkDocs imports.

Byte-identical builds: the document's dates are the build's, and the zip is written again with
every member dated 1980-01-01 (python-docx dates them by the clock).
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..core.typography import format_day
from ..inputs.facts import Organization
from .press_release import PressRelease

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def contact_lines(ministry: Organization | None) -> list[str]:
    """The ministry's name and each published contact a line; [] when it published none
    (a name alone is not a way to reach anyone)."""
    if ministry is None:
        return []
    lines = []
    if ministry.address:
        lines.append(f"Адрес: {ministry.address}")
    if ministry.phone:
        lines.append(f"{(ministry.phone_kind or 'телефон').capitalize()}: {ministry.phone}")
    if ministry.email:
        lines.append(f"Почта: {ministry.email}")
    if ministry.site:
        lines.append(f"Сайт: {ministry.site}")
    return [ministry.name, *lines] if lines else []


def _russian(document) -> None:
    """The text's language, so the office suite checks its spelling in Russian."""
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "ru-RU")
    lang.set(qn("w:eastAsia"), "ru-RU")
    rpr.append(lang)


def _fixed_dates(data: bytes) -> bytes:
    """The zip again, each member dated _ZIP_DATE, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.create_system = 0
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def press_release_docx(release: PressRelease, *, written: date,
                       ministry: Organization | None) -> bytes:
    """The release's title as the heading, «Пресс-релиз, 20 ноября 2026 г.», its paragraphs,
    then «Контакты» with the ministry's published contacts (none: no such block)."""
    title, *paragraphs = release.text.split("\n\n")
    document = Document()
    _russian(document)
    document.styles["Normal"].font.size = Pt(12)
    properties = document.core_properties
    moment = datetime.combine(written, time.min)
    properties.title, properties.language = title, "ru-RU"
    properties.author = properties.last_modified_by = ""
    properties.created = properties.modified = properties.last_printed = moment
    properties.revision = 1
    properties.comments = properties.keywords = properties.subject = ""
    document.add_heading(title, level=1)
    document.add_paragraph().add_run(f"Пресс-релиз, {format_day(written)}").italic = True
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    contacts = contact_lines(ministry)
    if contacts:
        document.add_heading("Контакты", level=2)
        block = document.add_paragraph()
        for index, line in enumerate(contacts):
            run = block.add_run(line)
            if index < len(contacts) - 1:
                run.add_break()
    out = io.BytesIO()
    document.save(out)
    return _fixed_dates(out.getvalue())
