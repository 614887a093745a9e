"""Signposting contacts by region: load the contacts file and choose the person's region."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path

import msgspec

from screener import documents
from screener.documents import Document
from screener.errors import DataError, UsageError
from screener.errors import Path as KeyPath
from screener.locales import locale_parts
from screener.models import Contact, ContactBook, Region, ServiceContacts
from screener.safetext import find_unsafe_text

LANGUAGE_CODE = re.compile(r"[a-z]{2}")

CRISIS_KINDS = ("crisis", "emergency", "directory")
"""Contacts shown at once when someone may be in danger."""


def load_contacts(path: Path, display: str | None = None) -> ContactBook:
    return contacts_from_document(documents.load(path, display))


def contacts_from_document(document: Document) -> ContactBook:
    if not isinstance(document.data, dict):
        raise DataError.single(
            document.file,
            f"a contacts file is a mapping with 'regions', not {documents.kind_of(document.data)}",
        )
    unsafe = find_unsafe_text(document.data)
    if unsafe:
        raise DataError([document.problem(path, message) for path, message in unsafe])
    book = documents.convert(document, ContactBook)
    findings = check_contacts(book)
    if findings:
        raise DataError([document.problem(path, message) for path, message in findings])
    return book


def check_contacts(book: ContactBook) -> list[tuple[KeyPath, str]]:
    findings: list[tuple[KeyPath, str]] = []
    ids: set[str] = set()
    territories: dict[str, str] = {}
    for index, region in enumerate(book.regions):
        if region.id in ids:
            findings.append((("regions", index, "id"), f"region '{region.id}' is listed twice"))
        ids.add(region.id)
        for number, territory in enumerate(region.territories):
            owner = territories.setdefault(territory.upper(), region.id)
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
    _, territory = locale_parts(environ)
    return (territory and _find(book, territory)) or _by_id(book, book.fallback)


def in_language(region: Region, language: str) -> Region:
    """The region's and its contacts' words in `language`, where the file gives them."""
    localised = [
        msgspec.structs.replace(
            contact,
            name=translated.name or contact.name,
            description=translated.description or contact.description,
            hours=translated.hours or contact.hours,
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


# --- a counselling service's own contacts --------------------------------------------------

SERVICE_FILE = "resources.yaml"


def load_service(path: Path, display: str | None = None) -> ServiceContacts:
    return service_from_document(documents.load(path, display))


def service_from_document(document: Document) -> ServiceContacts:
    if not isinstance(document.data, dict):
        raise DataError.single(
            document.file, "a service contacts file is a mapping with 'service' and 'contacts'"
        )
    unsafe = find_unsafe_text(document.data)
    if unsafe:
        raise DataError([document.problem(path, message) for path, message in unsafe])
    return documents.convert(document, ServiceContacts)


def config_file(environ: Mapping[str, str], platform: str = sys.platform) -> Path | None:
    """Where a service keeps its contacts: the platform's usual per-user config folder.

    Linux and other Unix: $XDG_CONFIG_HOME/screener (an absolute path, as the XDG spec asks),
    else ~/.config/screener; macOS: ~/Library/Application Support/screener; Windows:
    %APPDATA%\\screener. None when the environment names no home at all.
    """
    if platform == "win32":
        appdata = environ.get("APPDATA")
        return Path(appdata) / "screener" / SERVICE_FILE if appdata else None
    home = environ.get("HOME")
    if platform == "darwin":
        base = Path(home) / "Library" / "Application Support" if home else None
    else:
        xdg = environ.get("XDG_CONFIG_HOME", "")
        if xdg and Path(xdg).is_absolute():
            base = Path(xdg)
        else:
            base = Path(home) / ".config" if home else None
    return base / "screener" / SERVICE_FILE if base else None


def find_service(
    requested: Path | None, environ: Mapping[str, str], platform: str = sys.platform
) -> tuple[ServiceContacts | None, Path | None]:
    """--resources FILE if given (it must exist), else the config file if there is one."""
    if requested is not None:
        return load_service(requested), requested
    path = config_file(environ, platform)
    if path is None or not path.is_file():
        return None, None
    return load_service(path), path


def with_service(region: Region, service: ServiceContacts | None) -> Region:
    """The region with the service's own contacts first: every list of contacts shows them so."""
    if service is None:
        return region
    return msgspec.structs.replace(region, contacts=service.contacts + region.contacts)
