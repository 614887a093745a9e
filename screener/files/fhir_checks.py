"""What a QuestionnaireResponse says about itself, checked before its answers are read: the
Questionnaire it answers (and so its bank and language), its status, who wrote it, its
`authored` time, and that no linkId is answered twice (docs/fhir.md, "Reading a response back").
"""

from __future__ import annotations

import datetime
from pathlib import Path

import msgspec

from screener.errors import DataError, KeyPath, Problem
from screener.files import documents
from screener.files.documents import Document
from screener.models.bank import Bank
from screener.models.fhir_names import (
    BASE,
    INTAKE_SUFFIX,
    SCREENER_VERSION_EXTENSION,
    Mode,
    canonical_version,
    questionnaire_reference,
    questionnaire_url,
)

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
"""For messages naming a form's language; a language not listed is named by its code."""

READ = ("completed", "amended")
"""FHIR: "filled out with answers and the current content is regarded as definitive"."""
PARTIAL = ("in-progress", "stopped")
"""FHIR: "partially filled out with answers": re-scored only when complete, with a warning."""
VOIDED = "entered-in-error"
"""FHIR: "This QuestionnaireResponse was entered in error and voided": never re-scored."""


class Canonical(msgspec.Struct, frozen=True):
    """A screener Questionnaire's canonical reference, taken apart."""

    bank_id: str
    language: str
    mode: Mode
    version: str


def parse_canonical(value: object) -> Canonical | None:
    """The Questionnaire URL of a bank and language (models/fhir_names.py), `-intake` for the
    intake's, then a bar and the version."""
    prefix = f"{BASE}/Questionnaire/"
    if not isinstance(value, str) or not value.startswith(prefix):
        return None
    name, _, version = value[len(prefix) :].partition("|")
    mode: Mode = "intake" if name.endswith(INTAKE_SUFFIX) else "self"
    if mode == "intake":
        name = name[: -len(INTAKE_SUFFIX)]
    bank_id, _, language = name.rpartition("-")
    if not bank_id or not language:
        return None
    return Canonical(bank_id, language, mode, version)


def language_name(code: str) -> str:
    name = LANGUAGE_NAMES.get(code)
    return f"{name} ({code})" if name else f"'{code}'"


def questionnaire_of(path: Path) -> tuple[Canonical, Document] | None:
    """The screener Questionnaire a response file answers, read before the bank is chosen;
    None for anything else (an answers file, a record, a file that cannot be read: those are
    told when the answers are read). Only a regular file: a pipe can be read once."""
    try:
        if not path.is_file():
            return None
        raw = documents.read_bytes(path)
        if b"QuestionnaireResponse" not in raw:  # an answers file is not parsed twice
            return None
        document = documents.parse(raw, str(path))
    except (DataError, OSError):
        return None
    data = document.data
    if not isinstance(data, dict) or data.get("resourceType") != "QuestionnaireResponse":
        return None
    canonical = parse_canonical(data.get("questionnaire"))
    return (canonical, document) if canonical else None


def check_questionnaire(
    document: Document, value: object, bank: Bank, sha256: str | None, *, rescore: bool
) -> tuple[list[Problem], tuple[str, ...]]:
    """Refused unless it is this bank's Questionnaire, in this version (a canonical without the
    sha256 is screener's older form); with --rescore, any version and language of this bank's,
    re-scored with a warning. Returns (problems, warnings)."""
    url = questionnaire_url(bank.id, bank.language, "self")
    versions = {bank.version}
    if sha256 is not None:
        versions.add(canonical_version(bank.version, sha256))
    wanted = {
        questionnaire_reference(bank.id, bank.language, mode, version)
        for mode in ("self", "intake")
        for version in versions
    }
    if value in wanted:
        return [], ()
    this = f"{url}|{canonical_version(bank.version, sha256) if sha256 else bank.version}"
    at: KeyPath = ("questionnaire",) if value is not None else ()
    named = parse_canonical(value)
    if rescore and named is not None and named.bank_id == bank.id:
        warning = document.problem(at, f"answers {value}; re-scored under {this} (--rescore)")
        return [], (str(warning),)
    if named is not None and named.bank_id == bank.id and named.language != bank.language:
        message = f"answers the {language_name(named.language)} form"
    elif sha256 is not None and isinstance(value, str) and value.startswith(url):
        message = f"answers version {value.partition('|')[2] or '(none)'} of this Questionnaire"
    else:
        message = f"answers '{value}'" if value else "names no questionnaire"
    advice = ""
    if named is not None and named.bank_id == bank.id:
        advice = "; add --rescore to score its answers under this bank"
    return [document.problem(at, f"{message}, not this bank's {this}{advice}")], ()


def check_status(document: Document, data: dict[object, object]) -> tuple[list[Problem], str]:
    """(problems, a warning or ""): entered-in-error is refused, a partial status warned."""
    status = data.get("status")
    at: KeyPath = ("status",) if "status" in data else ()
    if status == VOIDED:
        return [
            document.problem(
                at,
                "the filler marked this response entered in error (FHIR: entered in error and "
                "voided); it is not re-scored",
            )
        ], ""
    if status in PARTIAL:
        warning = document.problem(
            at,
            f"the filler marked this response {status} (partly filled in); every question "
            "asked is answered, so it is re-scored as it stands",
        )
        return [], str(warning)
    if status in READ:
        return [], ""
    given = f"status '{status}' is not" if "status" in data else "no status; a response's status is"
    return [
        document.problem(
            at,
            f"{given} one screener reads: {', '.join((*READ, *PARTIAL))} ({VOIDED} is refused)",
        )
    ], ""


def written_by_screener(data: dict[object, object]) -> bool:
    """screener marks its own responses with its version (an extension, kept by servers);
    a response without it is another filler's (LHC-Forms, Smart Forms, a server's)."""
    extensions = data.get("extension")
    return isinstance(extensions, list) and any(
        isinstance(extension, dict) and extension.get("url") == SCREENER_VERSION_EXTENSION
        for extension in extensions
    )


def duplicate_link_ids(document: Document, items: object) -> list[Problem]:
    """Each linkId answered twice, at any nesting (an item's items, an answer's items), located
    at the second; the later answer must never silently win."""
    seen: dict[str, int | None] = {}
    problems: list[Problem] = []

    def walk(children: object, at: KeyPath) -> None:
        if not isinstance(children, list):
            return
        for index, child in enumerate(children):
            if not isinstance(child, dict):
                continue
            here: KeyPath = (*at, index)
            link_id = child.get("linkId")
            if isinstance(link_id, str):
                if link_id in seen:
                    first = seen[link_id]
                    where = f"first at line {first}" if first else "first earlier"
                    problems.append(
                        document.problem(
                            (*here, "linkId"), f"'{link_id}' is answered twice ({where})"
                        )
                    )
                else:
                    seen[link_id] = document.problem((*here, "linkId"), "").line
            walk(child.get("item"), (*here, "item"))
            answers = child.get("answer")
            if isinstance(answers, list):
                for number, answer in enumerate(answers):
                    if isinstance(answer, dict):
                        walk(answer.get("item"), (*here, "answer", number, "item"))

    walk(items, ("item",))
    return problems


class Authored(msgspec.Struct, frozen=True):
    """`authored` read: a moment when it has a time, else the date as given."""

    moment: datetime.datetime | None = None
    date_only: str | None = None


def authored(document: Document, value: object) -> Authored:
    """Any FHIR dateTime (a year, year-month, date, or time with any fraction and its offset)."""
    if value is None:
        return Authored()
    from screener.files import fhir_datetime  # start-up: read only when a response is replayed

    parsed = fhir_datetime.parse(value) if isinstance(value, str) else None
    if parsed is None:
        raise DataError(
            [
                document.problem(
                    ("authored",),
                    "expected a FHIR dateTime: 2026, 2026-11, 2026-11-21, or "
                    "2026-11-21T10:15:00+01:00 (a time with its seconds and offset)",
                )
            ]
        )
    return Authored(parsed.moment, None if parsed.moment else parsed.text)
