"""Asking where the person is, once, when nothing said: the region whose contacts are shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from screener.commands.contacts import contacts_for

if TYPE_CHECKING:
    from screener.commands.session import Session
    from screener.commands.setup import Setup
    from screener.terminal.console import Screen


def settle_region(setup: Setup, session: Session, console: Screen, *, plain: bool) -> Setup:
    """When nothing said where the person is, ask once, before the questions."""
    if setup.region_known:
        return setup
    # start-up: terminal/ is banned at module level (ruff TID253); the rest load only to ask
    from screener.files import bundled as data
    from screener.files.contacts import load_contacts
    from screener.rules.contacts import in_language
    from screener.terminal.prompt import ConsoleAsker, ask_region

    # Nothing is asked before the person knows what this is and how to leave at once.
    ConsoleAsker(console, setup.strings, setup.region, plain=plain).welcome(setup.loaded.bank)
    setup = msgspec.structs.replace(setup, welcomed=True)
    book = load_contacts(data.contacts_file())
    language = setup.loaded.bank.language
    regions = [region for region in book.regions if region.id != book.fallback]
    names = [in_language(region, language).name for region in regions]
    chosen = ask_region(console, setup.strings, names, plain=plain)
    if chosen is None:
        return msgspec.structs.replace(setup, region_known=True)
    resources = session.options.resources
    shown = contacts_for(regions[chosen], resources, language, session.terminal, warn=_quiet)
    return msgspec.structs.replace(
        setup, region=shown.region, service=shown.service, region_known=True
    )


def _quiet(message: str) -> None:
    """The warning was given once already, when the run began."""
