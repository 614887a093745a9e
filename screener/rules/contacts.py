"""Which contacts a person sees: their region, in their language, a service's first."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import TypeVar

import msgspec

from screener.errors import KeyPath, UsageError
from screener.locales import locale_territory
from screener.models.contacts import Contact, ContactBook, Region, ServiceContacts

LANGUAGE_CODE = re.compile(r"[a-z]{2}")

TERRITORY_CODE = re.compile(r"[A-Z]{2}")
"""As a locale names a territory (en_GB, es-MX): anything else would never be matched."""


CRISIS_KINDS = ("crisis", "emergency", "directory")
"""Contacts shown at once when someone may be in danger."""

KIND_ORDER = ("crisis", "emergency", "health", "drugs", "directory")
"""The order every list of contacts follows, whatever the file's: someone in danger reads a
crisis line first, then the emergency number; a directory to search comes last."""


def check_contacts(book: ContactBook) -> list[tuple[KeyPath, str]]:
    findings: list[tuple[KeyPath, str]] = []
    ids: set[str] = set()
    territories: dict[str, str] = {}
    for index, region in enumerate(book.regions):
        if region.id in ids:
            findings.append((("regions", index, "id"), f"region '{region.id}' is listed twice"))
        ids.add(region.id)
        for number, territory in enumerate(region.territories):
            if not TERRITORY_CODE.fullmatch(territory):
                findings.append(
                    (
                        ("regions", index, "territories", number),
                        f"'{territory}' is not a territory code such as GB (two capital "
                        "letters, as a locale names it)",
                    )
                )
                continue
            owner = territories.setdefault(territory, region.id)
            if owner != region.id:
                findings.append(
                    (
                        ("regions", index, "territories", number),
                        f"{territory} already belongs to region '{owner}'",
                    )
                )
        for number, contact in enumerate(region.contacts):
            for language in contact.translations:
                if not LANGUAGE_CODE.fullmatch(language):
                    findings.append(
                        (
                            ("regions", index, "contacts", number, "translations", language),
                            f"'{language}' is not a two-letter language code such as es",
                        )
                    )
        if not any(contact.kind in CRISIS_KINDS for contact in region.contacts):
            findings.append(
                (("regions", index, "contacts"), "needs a crisis, emergency or directory contact")
            )
    if book.fallback not in ids:
        findings.append((("fallback",), f"no region with id '{book.fallback}'"))
    return findings


def choose_region(book: ContactBook, requested: str | None, environ: Mapping[str, str]) -> Region:
    """--region by id or territory code; else the locale's territory; else the fallback."""
    if requested:
        wanted = requested.strip()
        region = _find(book, wanted)
        if region is None:
            choices = ", ".join(region.id for region in book.regions)
            raise UsageError(f"unknown region '{requested}'; choose one of: {choices}")
        return region
    territory = locale_territory(environ)
    return (territory and _find(book, territory)) or _by_id(book, book.fallback)


def region_is_known(book: ContactBook, environ: Mapping[str, str]) -> bool:
    """Whether the locale names a territory we have contacts for (else the fallback is a guess)."""
    territory = locale_territory(environ)
    return bool(territory and _find(book, territory))


def contacts_to_show(region: Region, service: ServiceContacts | None, language: str) -> Region:
    """The one way contacts are put together for any screen, summary or record.

    The service's own contacts and the region's, in `language` where the files give it, in
    KIND_ORDER (crisis lines, emergency, health, drugs, directories); within a kind the
    service's come first, then the file's order.
    """
    contacts = (service.contacts if service else ()) + region.contacts
    ordered = sorted(contacts, key=lambda contact: KIND_ORDER.index(contact.kind))
    return in_language(msgspec.structs.replace(region, contacts=tuple(ordered)), language)


def drug_services_first(region: Region) -> Region:
    """A summary without a crisis flag: the drug services that its "contact a drug and alcohol
    service" step points to lead the list; the rest keep contacts_to_show's order (crisis
    lines, emergency, health, directories), and so do the drug services among themselves.
    A crisis screen, and a summary with a crisis flag, keep crisis lines first."""
    ordered = sorted(region.contacts, key=lambda contact: contact.kind != "drugs")
    return msgspec.structs.replace(region, contacts=tuple(ordered))


def emergency_number(region: Region) -> str | None:
    """The region's emergency phone number, if it has one to name."""
    return next(
        (
            contact.phone
            for contact in region.contacts
            if contact.kind == "emergency" and contact.phone
        ),
        None,
    )


def in_language(region: Region, language: str) -> Region:
    """The region's and its contacts' words in `language`, where the file gives them."""
    localised = [
        msgspec.structs.replace(
            contact,
            name=translated.name or contact.name,
            description=translated.description or contact.description,
            hours=translated.hours or contact.hours,
            source=translated.source or contact.source,
        )
        if (translated := contact.translations.get(language))
        else contact
        for contact in region.contacts
    ]
    region_words = region.translations.get(language)
    return msgspec.structs.replace(
        region,
        name=region_words.name if region_words else region.name,
        contacts=tuple(localised),
    )


def crisis_contacts(region: Region) -> tuple[Contact, ...]:
    return tuple(contact for contact in region.contacts if contact.kind in CRISIS_KINDS)


def _find(book: ContactBook, wanted: str) -> Region | None:
    for region in book.regions:
        if region.id == wanted.lower() or wanted.upper() in region.territories:
            return region
    return None


def _by_id(book: ContactBook, region_id: str) -> Region:
    return next(region for region in book.regions if region.id == region_id)


STALE_AFTER = datetime.timedelta(days=548)
"""18 months: a contact checked longer ago than this may have changed or closed."""

ALWAYS_OPEN = re.compile(r"24\s*(hours|horas|h\b)|24\s*/\s*7", re.IGNORECASE)


def contact_warnings(
    contacts: tuple[Contact, ...], at: KeyPath, today: datetime.date
) -> list[tuple[KeyPath, str]]:
    """What a person checking a file should know, though it does not stop the file: a crisis
    contact that does not say it is open 24 hours, and details not checked in 18 months."""
    warnings: list[tuple[KeyPath, str]] = []
    for number, contact in enumerate(contacts):
        if contact.kind == "crisis" and not ALWAYS_OPEN.search(contact.hours or ""):
            warnings.append(
                (
                    (*at, number, "hours"),
                    f"'{contact.name}' is a crisis contact but does not say it is open 24 "
                    "hours; someone in danger at night needs one that is",
                )
            )
        if today - contact.checked > STALE_AFTER:
            warnings.append(
                (
                    (*at, number, "checked"),
                    f"'{contact.name}' was last checked {contact.checked.isoformat()}, more "
                    "than 18 months ago; check it again",
                )
            )
    return warnings


def book_warnings(book: ContactBook, today: datetime.date) -> list[tuple[KeyPath, str]]:
    return [
        warning
        for index, region in enumerate(book.regions)
        for warning in contact_warnings(region.contacts, ("regions", index, "contacts"), today)
    ]


NUMBER_GROUPS = re.compile(r"\d+")

NAMED_NUMBER = re.compile(r"(?<![\w.\-/])\+?\d{3,}(?:[ \-]\d+)*(?![\w.\-/]*\w)")
"""A phone number a description names ("Call 112 or 999", "Textphone 18001 0808 808 8000"):
three digits or more, not part of a word or an address (1737.org.nz); "24 hours" is left."""

Listed = TypeVar("Listed", Region, ServiceContacts)


def digit_by_digit(number: str) -> str:
    """A phone or text number as a screen reader reads it digit by digit, still grouped for the
    eye: "0300 123 6600" -> "0 3 0 0  1 2 3  6 6 0 0", "9-8-8" -> "9 8 8". A speech engine
    reads "999" as "nine hundred and ninety-nine" and says "dash" for a hyphen; single digits
    it reads one by one. Two spaces part the groups. Anything but digits, spaces and hyphens
    (a leading +, a word such as SHOUT) is kept as it is."""
    if not re.fullmatch(r"\+?[\d\- ]+", number.strip()):
        return number
    groups = NUMBER_GROUPS.findall(number)
    if "-" in number and all(len(group) == 1 for group in groups):
        groups = ["".join(groups)]  # 9-8-8 is one number spelled out, not three groups
    spelled = "  ".join(" ".join(group) for group in groups)
    return ("+" if number.strip().startswith("+") else "") + spelled


def for_listening(region: Listed, plain: bool) -> Listed:
    """In plain mode (screen readers), the region (or a service's list) with its numbers written
    digit by digit; otherwise as it is. Records keep the numbers as the contacts file has them."""
    if not plain:
        return region
    spoken = [
        msgspec.structs.replace(
            contact,
            phone=digit_by_digit(contact.phone) if contact.phone else None,
            text=digit_by_digit(contact.text) if contact.text else None,
            description=NAMED_NUMBER.sub(
                lambda found: digit_by_digit(found[0]), contact.description
            ),
        )
        for contact in region.contacts
    ]
    return msgspec.structs.replace(region, contacts=tuple(spoken))
