"""What the bundled data holds, and checking files: the text behind banks, validate, resources."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from screener import bundled, documents
from screener.bank import load_bank
from screener.errors import DataError
from screener.examples import checked_bank
from screener.resources import choose_region, contacts_from_document, load_contacts


def list_banks() -> str:
    """One line per bundled bank and language: id, version, language, items, title."""
    lines = []
    for path in bundled.bank_files():
        bank = load_bank(path, path.name).bank
        lines.append(
            f"{bank.id}  {bank.version}  {bank.language}  {len(bank.items)} items  {bank.title}"
        )
    return "".join(line + "\n" for line in lines)


def validate_files(files: list[Path]) -> tuple[list[str], bool]:
    """A line per problem (file:line:col: message) or per good file; and whether all passed."""
    lines: list[str] = []
    ok = True
    for path in files:
        try:
            document = documents.load(path)
            if isinstance(document.data, dict) and "regions" in document.data:
                book = contacts_from_document(document)
                lines.append(f"{path}: ok, contacts for {len(book.regions)} regions")
            else:
                bank = checked_bank(document).bank
                examples = f", {len(bank.examples)} examples scored" if bank.examples else ""
                lines.append(
                    f"{path}: ok, bank {bank.id} {bank.version} ({bank.language}), "
                    f"{len(bank.items)} items{examples}"
                )
        except DataError as error:
            ok = False
            lines.extend(str(problem) for problem in error.problems)
    return lines, ok


def describe_resources(requested: str | None, environ: Mapping[str, str]) -> str:
    region = choose_region(load_contacts(bundled.contacts_file()), requested, environ)
    lines = [f"Help contacts: {region.name} ({region.id})", ""]
    for contact in region.contacts:
        lines.append(f"{contact.name} [{contact.kind}]")
        for label, value in (
            ("phone", contact.phone),
            ("text", contact.text),
            ("web", contact.web),
            ("hours", contact.hours),
        ):
            if value:
                lines.append(f"  {label}: {value}")
        lines.append(f"  {contact.description}")
        lines.append(f"  checked {contact.checked.isoformat()}: {contact.source}")
        lines.append("")
    return "\n".join(lines)
