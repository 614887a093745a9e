"""An answers file (or a saved JSON record) read as a Replay: which keys it may hold, the
bank it names, and for an intake its client, notes, counsellor and times."""

from __future__ import annotations

import datetime
from typing import Literal

from yaml.nodes import ScalarNode

from screener.errors import DataError, Problem
from screener.files import documents
from screener.files.answer_values import check_coverage, hint, read_answers
from screener.files.documents import Document
from screener.files.replay import Replay
from screener.models.bank import Bank
from screener.models.base import Code
from screener.rules.review import MAX_CLIENT_REFERENCE, MAX_NOTE, one_safe_line_within

ANSWERS_KEYS = ("bank", "answers")
INTAKE_KEYS = ("client", "notes", "counsellor")
"""Only `screener intake` reads these: the client reference and {item id: note}."""


def replay_from_answers_file(document: Document, bank: Bank, *, intake: bool) -> Replay:
    """The answers, checked against the bank; for an intake also its client and notes."""
    data = document.data
    if not isinstance(data, dict):
        raise DataError.single(
            document.file,
            f"an answers file is a mapping with 'bank' and 'answers', "
            f"not {documents.kind_of(data)}",
        )
    # A saved JSON record carries more keys; replaying it re-scores its answers.
    is_record = "screener_version" in data
    problems: list[Problem] = []
    if not is_record:
        known = ANSWERS_KEYS + INTAKE_KEYS
        for key in data:
            if key in INTAKE_KEYS and not intake:
                problems.append(
                    document.problem(
                        (str(key),),
                        f"'{key}' belongs to an intake; replay this file with "
                        "'screener intake --answers'",
                    )
                )
            elif key not in known:
                allowed = known if intake else ANSWERS_KEYS
                problems.append(
                    document.problem(
                        (str(key),),
                        f"unknown key '{key}'{hint(str(key), allowed) or ''} (the keys "
                        f"are {', '.join(allowed[:-1])} and {allowed[-1]})",
                    )
                )
    problems += _check_bank_id(document, data.get("bank"), bank)
    raw = data.get("answers")
    if raw is None:
        if "answers" in data:
            problems.append(document.problem(("answers",), "is empty; answer every question"))
        else:
            problems.append(document.problem((), "missing required key 'answers'"))
        raise DataError(problems)
    if not isinstance(raw, dict):
        problems.append(
            document.problem(("answers",), "expected a mapping of question id to answer")
        )
        raise DataError(problems)

    answers, found = read_answers(document, raw, bank, ("answers",))
    problems += found
    if problems:
        raise DataError(problems)
    problems = check_coverage(document, answers, bank, ("answers",))
    if problems:
        raise DataError(problems)
    recorded_at = _recorded_at(document, data, "recorded_at") if is_record else None
    recorded_as = _date_only(data.get("recorded_at")) if is_record else None
    mode = _mode(data.get("mode")) if is_record else None
    if not intake:
        return Replay(answers, recorded_at=recorded_at, mode=mode, recorded_as=recorded_as)
    client = _client(document, data.get("client"))
    notes = _notes(document, data.get("notes"), answers)
    if not is_record:  # a counsellor's own answers file may name the counsellor
        return Replay(answers, client, notes, counsellor=_short_text(document, data, "counsellor"))
    return Replay(
        answers,
        client,
        notes,
        recorded_at,
        mode,
        counsellor=_short_text(document, data, "counsellor"),
        started_at=_recorded_at(document, data, "started_at"),
        closing_summary=_short_text(document, data, "closing_summary"),
        recorded_as=recorded_as,
    )


def _mode(value: object) -> Literal["self", "intake"] | None:
    return "intake" if value == "intake" else "self" if value == "self" else None


def _short_text(document: Document, data: dict[object, object], key: str) -> str | None:
    """An intake record's one-line text (initials, a closing summary), checked as typed."""
    limit = MAX_CLIENT_REFERENCE if key == "counsellor" else MAX_NOTE
    value = data.get(key)
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not isinstance(value, str) or not one_safe_line_within(text, limit):
        raise DataError(
            [document.problem((key,), f"expected one line of at most {limit} characters")]
        )
    return text or None


def _client(document: Document, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        _, node = document.node_at(("client",))
        typed = node.value if isinstance(node, ScalarNode) else str(value)
        raise DataError(
            [
                document.problem(
                    ("client",),
                    f'YAML reads a bare {typed} as a number, so write "{typed}" '
                    "to keep the reference as typed",
                )
            ]
        )
    if not isinstance(value, str) or not one_safe_line_within(value, MAX_CLIENT_REFERENCE):
        raise DataError(
            [
                document.problem(
                    ("client",),
                    f"a client reference is one line of text, at most {MAX_CLIENT_REFERENCE} "
                    "characters, such as K-0142",
                )
            ]
        )
    return " ".join(value.split()) or None


def _notes(document: Document, value: object, answers: dict[str, Code]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise DataError([document.problem(("notes",), "expected a mapping of question id to note")])
    problems: list[Problem] = []
    notes: dict[str, str] = {}
    for key, note in value.items():
        path = ("notes", str(key))
        if key not in answers:
            problems.append(
                document.problem(path, f"no answer to '{key}' for this note to go with")
            )
        elif not isinstance(note, str) or not one_safe_line_within(note, MAX_NOTE):
            problems.append(
                document.problem(path, f"a note is one line of text, at most {MAX_NOTE} characters")
            )
        elif note.strip():
            notes[str(key)] = " ".join(note.split())
    if problems:
        raise DataError(problems)
    return notes


def _recorded_at(
    document: Document, data: dict[object, object], key: str
) -> datetime.datetime | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        moment = datetime.datetime.fromisoformat(str(value))
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        if key == "recorded_at" and _date_only(value):
            return None  # a record made from a FHIR response dated by its day alone
        raise DataError(
            [
                document.problem(
                    (key,), "expected a date and time with its offset, as screener writes"
                )
            ]
        )
    return moment


def _date_only(value: object) -> str | None:
    """A date alone (2026, 2026-11, 2026-11-21), as a FHIR `authored` may give it."""
    from screener.files import fhir_datetime  # start-up: only a record's date needs it

    parsed = fhir_datetime.parse(value) if isinstance(value, str) else None
    return parsed.text if parsed is not None and parsed.moment is None else None


def _check_bank_id(document: Document, value: object, bank: Bank) -> list[Problem]:
    bank_id = value.get("id") if isinstance(value, dict) else value
    if bank_id is None:
        return [document.problem((), f"missing required key 'bank' (this bank is '{bank.id}')")]
    if bank_id != bank.id:
        return [
            document.problem(("bank",), f"these answers are for bank '{bank_id}', not '{bank.id}'")
        ]
    return []
