"""load_answers() and load_replay(): an answers file, a saved JSON record or a FHIR
QuestionnaireResponse, checked against a bank (a record made with another bank is refused)."""

from __future__ import annotations

from pathlib import Path

from screener.errors import DataError
from screener.files import documents
from screener.files.answers_file import replay_from_answers_file
from screener.files.documents import Document
from screener.files.replay import Replay
from screener.models.bank import Bank
from screener.models.base import Code
from screener.models.fhir_names import is_response
from screener.models.result import BankReference


def load_answers(
    path: Path,
    bank: Bank,
    display: str | None = None,
    *,
    today: BankReference | None = None,
    rescore: bool = False,
) -> dict[str, Code]:
    document = documents.load(path, display)
    _check_record_bank(document, today, rescore=rescore)
    return answers_from_document(document, bank)


def load_replay(
    path: Path,
    bank: Bank,
    *,
    intake: bool,
    display: str | None = None,
    sha256: str | None = None,
    today: BankReference | None = None,
    rescore: bool = False,
) -> Replay:
    document = documents.load(path, display)
    _check_record_bank(document, today, rescore=rescore)
    return replay_from_document(document, bank, intake=intake, sha256=sha256, rescore=rescore)


def _check_record_bank(document: Document, today: BankReference | None, *, rescore: bool) -> None:
    """A saved record made with another version, language or file of the bank is refused:
    its answers would be scored under rules they were not given to. --rescore allows it."""
    data = document.data
    made = data.get("bank") if isinstance(data, dict) and "screener_version" in data else None
    if today is None or rescore or not isinstance(made, dict) or made.get("id") != today.id:
        return  # another bank altogether is refused by the bank id check, with its own words
    then = tuple(str(made.get(key)) for key in ("version", "language", "sha256"))
    if then == (today.version, today.language, today.sha256):
        return
    raise DataError(
        [
            document.problem(
                ("bank",),
                f"this record was made with bank {made.get('id')} {then[0]} ({then[1]}, sha256 "
                f"{then[2][:12]}); this bank is {today.id} {today.version} ({today.language}, "
                f"sha256 {today.sha256[:12]}). Add --rescore to score its answers under this "
                "bank: the new record names this bank and keeps the answers' date",
            )
        ]
    )


def answers_from_document(document: Document, bank: Bank) -> dict[str, Code]:
    return replay_from_document(document, bank, intake=False).answers


def replay_from_document(
    document: Document,
    bank: Bank,
    *,
    intake: bool,
    sha256: str | None = None,
    rescore: bool = False,
) -> Replay:
    """The answers, checked against the bank; for an intake also its client and notes. A FHIR
    response to another version or language of this bank's Questionnaire needs `rescore`."""
    if is_response(document.data):
        # start-up: a response's checks and dates load only when a response is replayed
        from screener.files.fhir_response import replay_from_response

        return replay_from_response(document, bank, intake=intake, sha256=sha256, rescore=rescore)
    return replay_from_answers_file(document, bank, intake=intake)
