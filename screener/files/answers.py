"""load_answers(): an answers file (or a saved JSON record) checked against a bank."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from yaml.nodes import ScalarNode

from screener.errors import DataError, KeyPath, Problem
from screener.files import documents
from screener.files.documents import Document
from screener.models.bank import Bank
from screener.models.base import ANSWERS, Answer
from screener.models.result import BankReference
from screener.rules.scoring import asked_items

ANSWERS_KEYS = ("bank", "answers")
INTAKE_KEYS = ("client", "notes", "counsellor")
"""Only `screener intake` reads these: the client reference and {item id: note}."""


@dataclass(frozen=True)
class Replay:
    """What an answers file (or a saved JSON record) holds for a screening to be replayed."""

    answers: dict[str, Answer]
    client: str | None = None
    notes: dict[str, str] = field(default_factory=dict)
    recorded_at: datetime.datetime | None = None
    """Only a saved JSON record carries it; a plain answers file is recorded when replayed."""
    mode: Literal["self", "intake"] | None = None
    """A saved record's own mode, kept when it is replayed; None for an answers file."""
    counsellor: str | None = None
    started_at: datetime.datetime | None = None
    closing_summary: str | None = None
    """An intake record's counsellor, start and closing summary, kept as they were."""
    warnings: tuple[str, ...] = ()
    """file:line:col lines for the reader, e.g. a FHIR response whose result is out of date."""


def load_answers(
    path: Path,
    bank: Bank,
    display: str | None = None,
    *,
    today: BankReference | None = None,
    rescore: bool = False,
) -> dict[str, Answer]:
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
    return replay_from_document(document, bank, intake=intake, sha256=sha256)


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


def answers_from_document(document: Document, bank: Bank) -> dict[str, Answer]:
    return replay_from_document(document, bank, intake=False).answers


def replay_from_document(
    document: Document, bank: Bank, *, intake: bool, sha256: str | None = None
) -> Replay:
    """The answers, checked against the bank; for an intake also its client and notes."""
    from screener.files import fhir_response

    if fhir_response.is_response(document.data):
        return fhir_response.replay_from_response(document, bank, intake=intake, sha256=sha256)
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
                        f"unknown key '{key}'{_hint(str(key), allowed) or ''} (the keys "
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
    mode = _mode(data.get("mode")) if is_record else None
    if not intake:
        return Replay(answers, recorded_at=recorded_at, mode=mode)
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
    )


def _mode(value: object) -> Literal["self", "intake"] | None:
    return "intake" if value == "intake" else "self" if value == "self" else None


def _short_text(document: Document, data: dict[object, object], key: str) -> str | None:
    """An intake record's one-line text (initials, a closing summary), checked as typed."""
    from screener.rules.review import MAX_CLIENT_REFERENCE, MAX_NOTE, fits

    limit = MAX_CLIENT_REFERENCE if key == "counsellor" else MAX_NOTE
    value = data.get(key)
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not isinstance(value, str) or not fits(text, limit):
        raise DataError(
            [document.problem((key,), f"expected one line of at most {limit} characters")]
        )
    return text or None


def check_answers(
    document: Document, raw: Mapping[Any, object], bank: Bank, at: KeyPath
) -> tuple[dict[str, Answer], list[Problem]]:
    """Answers keyed by item id, read from `raw` (found at key path `at` in the document),
    then checked for coverage. Problems are returned, not raised: an answers file and a
    bank's worked examples report them in their own way."""
    answers, problems = read_answers(document, raw, bank, at)
    if problems:
        return answers, problems
    return answers, check_coverage(document, answers, bank, at)


def read_answers(
    document: Document, raw: Mapping[Any, object], bank: Bank, at: KeyPath
) -> tuple[dict[str, Answer], list[Problem]]:
    """Every key must name an item and every value be an answer."""
    item_ids = [item.id for item in bank.items]
    answers: dict[str, Answer] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        path = (*at, str(key))
        if key not in item_ids:
            problems.append(
                document.problem(
                    path, f"no question '{key}' in bank '{bank.id}'{_hint(str(key), item_ids)}"
                )
            )
            continue
        typed = _yaml_boolean_word(document, path, value)
        answer = None if typed else _answer(value)
        if answer is None:
            problems.append(
                document.problem(
                    path,
                    f"'{typed}' is not an answer; YAML reads a bare {typed} as "
                    f'{str(value).lower()}, so write "{"yes" if value else "no"}"'
                    if typed
                    else f"{_wrong_answer(value)}; use yes, no or unsure",
                )
            )
            continue
        answers[str(key)] = answer
    return answers, problems


def check_coverage(
    document: Document, answers: Mapping[str, Answer], bank: Bank, at: KeyPath
) -> list[Problem]:
    """Every item the answers lead to is answered, and no item they skip."""
    problems: list[Problem] = []
    asked = {item.id for item in asked_items(bank, answers)}
    for item_id in answers:
        if item_id not in asked:
            problems.append(
                document.problem(
                    (*at, item_id),
                    "this question is skipped by the earlier answers; remove it",
                )
            )
    missing = [item.id for item in bank.items if item.id in asked and item.id not in answers]
    if missing:
        shown = ", ".join(missing[:3]) + (
            f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        )
        problems.append(document.problem(at, f"no answer for: {shown}"))
    return problems


def _client(document: Document, value: object) -> str | None:
    from screener.rules.review import MAX_CLIENT_REFERENCE, fits

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
    if not isinstance(value, str) or not fits(value, MAX_CLIENT_REFERENCE):
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


def _notes(document: Document, value: object, answers: dict[str, Answer]) -> dict[str, str]:
    from screener.rules.review import MAX_NOTE, fits

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
        elif not isinstance(note, str) or not fits(note, MAX_NOTE):
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
        raise DataError(
            [
                document.problem(
                    (key,), "expected a date and time with its offset, as screener writes"
                )
            ]
        )
    return moment


# YAML 1.1 reads more bare words as booleans; only these four mean an answer.
ANSWER_BOOLEAN_WORDS = frozenset({"yes", "no", "true", "false"})


def _yaml_boolean_word(document: Document, path: KeyPath, value: object) -> str | None:
    """The word behind a boolean that is no answer (a bare on, off, On...), else None."""
    if not isinstance(value, bool):
        return None
    _, node = document.node_at(path)
    if isinstance(node, ScalarNode) and node.value.lower() not in ANSWER_BOOLEAN_WORDS:
        return str(node.value)
    return None


def _answer(value: object) -> Answer | None:
    """yes/no/unsure; YAML's bare yes and no arrive as booleans and mean what was typed."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, str):
        word = value.strip().lower()
        if word == "not sure":
            return "unsure"
        for answer in ANSWERS:
            if word == answer:
                return answer
    return None


def _wrong_answer(value: object) -> str:
    """What is wrong, as the person wrote it: 'maybe' is not an answer; a list is not one."""
    if value is None:
        return "no answer given"
    if isinstance(value, (str, int, float)):
        return f"'{value}' is not an answer"
    return f"{documents.kind_of(value)} is not an answer"


def _check_bank_id(document: Document, value: object, bank: Bank) -> list[Problem]:
    bank_id = value.get("id") if isinstance(value, dict) else value
    if bank_id is None:
        return [document.problem((), f"missing required key 'bank' (this bank is '{bank.id}')")]
    if bank_id != bank.id:
        return [
            document.problem(("bank",), f"these answers are for bank '{bank_id}', not '{bank.id}'")
        ]
    return []


def _hint(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
