"""Which bank a saved record names (a JSON result record or a FHIR QuestionnaireResponse), and
where it says so, so that two records can be refused with file:line:col before any scoring."""

from __future__ import annotations

import msgspec

from screener.errors import DataError, KeyPath
from screener.files.documents import Document
from screener.models.fhir_names import BASE, INTAKE_SUFFIX, is_response

QUESTIONNAIRE = f"{BASE}/Questionnaire/"


class NamedBank(msgspec.Struct, frozen=True):
    """The bank a record says it was made with, and the key that says it."""

    id: str
    version: str
    language: str
    at: KeyPath

    def __str__(self) -> str:
        return f"{self.id} {self.version}"


def bank_named_by(document: Document) -> NamedBank:
    """The record's bank; a plain answers file, or a record that names no bank version, is
    refused: without a version its answers cannot be set beside another record's."""
    data = document.data
    if is_response(data):
        assert isinstance(data, dict)
        return _from_response(document, data.get("questionnaire"))
    if not isinstance(data, dict) or "screener_version" not in data:
        raise DataError(
            [
                document.problem(
                    (),
                    "is not a saved record; compare reads records saved with --output "
                    "(.json, or .fhir.json)",
                )
            ]
        )
    bank = data.get("bank")
    fields = [bank.get(key) if isinstance(bank, dict) else None for key in ("id", "version")]
    language = bank.get("language") if isinstance(bank, dict) else None
    if not all(isinstance(value, str) and value for value in [*fields, language]):
        raise DataError(
            [document.problem(("bank",), "expected the bank's id, version and language")]
        )
    assert isinstance(fields[0], str) and isinstance(fields[1], str) and isinstance(language, str)
    return NamedBank(fields[0], fields[1], language, ("bank",))


def _from_response(document: Document, value: object) -> NamedBank:
    """'{BASE}/Questionnaire/ketamine-en-intake|2.1.0+sha256.1a2b3c4d' names ketamine 2.1.0."""
    at: KeyPath = ("questionnaire",)
    url, _, version = str(value).partition("|")
    name = url.removeprefix(QUESTIONNAIRE).removesuffix(INTAKE_SUFFIX)
    bank_id, _, language = name.rpartition("-")
    version = version.partition("+")[0]
    if (
        not isinstance(value, str)
        or not url.startswith(QUESTIONNAIRE)
        or not bank_id
        or not version
    ):
        raise DataError([document.problem(at, "names no screener Questionnaire with a version")])
    return NamedBank(bank_id, version, language, at)


def check_same_bank(then: tuple[Document, NamedBank], now: tuple[Document, NamedBank]) -> None:
    """Two records of different banks, or of different versions of one, are refused at the
    second's bank key, naming both: their answers were scored under different rules."""
    (first, old), (second, new) = then, now
    if (old.id, old.version) == (new.id, new.version):
        return
    raise DataError(
        [
            second.problem(
                new.at,
                f"this record is of bank {new}; {first.file} is of bank {old}. compare sets "
                "side by side only records of the same bank and version",
            )
        ]
    )
