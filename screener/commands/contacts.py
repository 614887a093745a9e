"""The contacts every command shows: one region, a service's own, in the person's language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from screener.files import bundled
from screener.files.contacts import find_service, load_contacts
from screener.files.wording import DEFAULT_LANGUAGE
from screener.locales import locale_languages
from screener.models.contacts import Region, ServiceContacts
from screener.rules.contacts import choose_region, contacts_to_show, region_is_known
from screener.safetext import one_line

if TYPE_CHECKING:
    from screener.terminal.host import Terminal


class Place(msgspec.Struct, frozen=True):
    """The region a command shows contacts for, and whether the person's set-up said so."""

    region: Region
    known: bool
    """False when no --region was given and the locale names no region we have contacts for."""


class Shown(msgspec.Struct, frozen=True):
    """The contacts as every screen, summary and record lists them."""

    region: Region
    service: ServiceContacts | None
    service_file: Path | None


def find_place(requested: str | None, environ: Mapping[str, str]) -> Place:
    """--region, else the locale's territory (the user's locale on Windows: the terminal's
    environment carries it as LANG), else the fallback."""
    book = load_contacts(bundled.contacts_file())
    region = choose_region(book, requested, environ)
    return Place(region, known=bool(requested) or region_is_known(book, environ))


def contacts_for(
    region: Region,
    service_file: Path | None,
    language: str,
    terminal: Terminal,
    *,
    warn: Callable[[str], None] | None = None,
) -> Shown:
    """The region's contacts and a service's own (--resources, else the config file), in order.

    An explicit --resources file that is broken stops the command (exit 1), before any
    question; a broken config file only warns (on standard error unless `warn` is given), so
    help is never kept from anyone.
    """

    def warn_on_stderr(message: str) -> None:
        terminal.stderr.write(one_line(f"screener: {message}") + "\n")

    service, found_at = find_service(
        service_file, terminal.environ, terminal.platform, warn=warn or warn_on_stderr
    )
    return Shown(contacts_to_show(region, service, language), service, found_at)


def language_for(requested: str | None, environ: Mapping[str, str], region: Region) -> str:
    """--lang, else the first language the locale asks for that we have words in, else the
    region's own (Spanish in Spain and Mexico), else English."""
    if requested:
        return requested.lower().replace("-", "_").split("_")[0]
    asked = [*locale_languages(environ), region.language]
    return next(
        (code for code in asked if code and bundled.strings_file(code) is not None),
        DEFAULT_LANGUAGE,
    )
