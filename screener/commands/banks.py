"""`screener banks` and `screener validate`: what the bundled data holds, and checking files."""

from __future__ import annotations

import datetime
from pathlib import Path

from screener.errors import DataError
from screener.files import bundled, documents
from screener.files.bank import load_bank
from screener.files.checked import convert
from screener.files.contacts import (
    contacts_from_document,
    service_from_document,
)
from screener.files.examples import checked_bank
from screener.models.bank import Bank
from screener.models.wording import UiStrings
from screener.rules.contacts import book_warnings, contact_warnings
from screener.rules.translations import (
    REFERENCE_LANGUAGE,
    Finding,
    check_strings,
    check_translation,
)
from screener.safetext import one_line


def list_banks() -> str:
    """One line per bundled bank and language: id, version, language, items, title."""
    lines = []
    for path in bundled.bank_files():
        bank = load_bank(path, path.name).bank
        lines.append(
            f"{bank.id}  {bank.version}  {bank.language}  {len(bank.items)} items  {bank.title}"
        )
    return "".join(line + "\n" for line in lines)


def validate_files(files: list[Path], today: datetime.date | None = None) -> tuple[list[str], bool]:
    """A line per problem (file:line:col: message) or per good file; and whether all passed.

    Contacts files also get warnings (file:line:col: warning: ...) that leave them passing.
    Each line is one_line(): a file name or key can hold anything, the terminal must not.
    """
    today = today or datetime.date.today()
    lines: list[str] = []
    ok = True
    for path in files:
        try:
            document = documents.load(path)
            data = document.data
            if isinstance(data, dict) and "regions" in data:
                book = contacts_from_document(document)
                lines += _warnings(document, book_warnings(book, today))
                lines.append(one_line(f"{path}: ok, contacts for {len(book.regions)} regions"))
            elif isinstance(data, dict) and "answer_words" in data:
                ui = convert(document, UiStrings)
                _raise_findings(document, _strings_findings(path, ui))
                lines.append(one_line(f"{path}: ok, interface wording ({ui.language})"))
            elif isinstance(document.data, dict) and "contacts" in document.data:
                service = service_from_document(document)
                lines += _warnings(
                    document, contact_warnings(service.contacts, ("contacts",), today)
                )
                lines.append(
                    f"{path}: ok, {len(service.contacts)} contacts of {service.service}, "
                    "listed first of their kind"
                )
            else:
                bank = checked_bank(document).bank
                _raise_findings(document, _translation_findings(path, bank))
                examples = f", {len(bank.examples)} examples scored" if bank.examples else ""
                lines.append(
                    one_line(
                        f"{path}: ok, bank {bank.id} {bank.version} ({bank.language}), "
                        f"{len(bank.items)} items{examples}"
                    )
                )
        except DataError as error:
            ok = False
            lines.extend(one_line(str(problem)) for problem in error.problems)
    return lines, ok


def _translation_findings(path: Path, bank: Bank) -> list[Finding]:
    """A translated bank is checked against <id>.en.yaml beside it, when there is one."""
    reference_path = path.parent / f"{bank.id}.{REFERENCE_LANGUAGE}.yaml"
    if bank.language == REFERENCE_LANGUAGE or not reference_path.is_file():
        return []
    return check_translation(load_bank(reference_path).bank, bank)


def _strings_findings(path: Path, ui: UiStrings) -> list[Finding]:
    reference_path = path.parent / f"ui.{REFERENCE_LANGUAGE}.yaml"
    if ui.language == REFERENCE_LANGUAGE or not reference_path.is_file():
        return []
    reference = convert(documents.load(reference_path), UiStrings)
    return check_strings(reference, ui)


def _warnings(document: documents.Document, findings: list[Finding]) -> list[str]:
    """file:line:col: warning: key: message, one line each."""
    lines = []
    for key_path, message in findings:
        problem = document.problem(key_path, message)
        where = f"{problem.file}:{problem.line}:{problem.column}" if problem.line else problem.file
        key = f" {problem.key}:" if problem.key else ""
        lines.append(one_line(f"{where}: warning:{key} {message}"))
    return lines


def _raise_findings(document: documents.Document, findings: list[Finding]) -> None:
    if findings:
        raise DataError([document.problem(key_path, message) for key_path, message in findings])
