"""What the shell offers after an option that takes a value (bash, zsh and fish, through
Typer's --install-completion): the regions, languages, banks and personas in the data, read
when the shell asks, never at start-up (cli_conventions.py names these on the options).
--format and --form complete from their enums."""

from __future__ import annotations


def regions(incomplete: str) -> list[tuple[str, str]]:
    """Each region of the bundled contacts, with its name: ('uk', 'United Kingdom')."""
    # start-up: the data is read only when the shell asks
    from screener.files.bundled import contacts_file
    from screener.files.contacts import load_contacts

    book = load_contacts(contacts_file())
    return [(region.id, region.name) for region in book.regions]


def languages(incomplete: str) -> list[str]:
    """Each language screener speaks: one with its own UI strings and a bundled bank."""
    from screener.files import bundled  # start-up: read only when the shell asks

    spoken = {path.name.split(".")[1] for path in bundled.bank_files()}
    return sorted(language for language in spoken if bundled.strings_file(language))


def banks(incomplete: str) -> list[str]:
    """Each bundled bank's id (--bank also takes a file, which the shell completes as a path
    once the word has a slash)."""
    from screener.files import bundled  # start-up: read only when the shell asks

    return sorted({path.name.split(".")[0] for path in bundled.bank_files()})


def personas(bank: str | None) -> list[tuple[str, str]]:
    """The personas of a bundled bank (else the default), with their first names."""
    # start-up: read only when the shell asks
    from screener.files import bundled
    from screener.files.bank import load_bank

    chosen = bank or "ketamine"
    path = next(iter(sorted(bundled.data_dir().glob(f"{chosen}.*.yaml"))), None)
    if path is None:
        return []
    return [(example.id, example.name) for example in load_bank(path).bank.examples]
