"""load_answers(): an answers file (or a saved JSON record) checked against a bank."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from screener import documents
from screener.documents import Document
from screener.errors import DataError, Problem
from screener.errors import Path as KeyPath
from screener.models import ANSWERS, Answer, Bank
from screener.scoring import asked_items

ANSWERS_KEYS = ("bank", "answers")


def load_answers(path: Path, bank: Bank, display: str | None = None) -> dict[str, Answer]:
    return answers_from_document(documents.load(path, display), bank)


def answers_from_document(document: Document, bank: Bank) -> dict[str, Answer]:
    data = document.data
    if not isinstance(data, dict):
        raise DataError.single(
            document.file, "an answers file is a mapping with 'bank' and 'answers'"
        )
    # A saved JSON record carries more keys; replaying it re-scores its answers.
    is_record = "screener_version" in data
    problems: list[Problem] = []
    if not is_record:
        for key in data:
            if key not in ANSWERS_KEYS:
                problems.append(
                    document.problem((str(key),), f"unknown key '{key}'{_hint(key, ANSWERS_KEYS)}")
                )
    problems += _check_bank_id(document, data.get("bank"), bank)
    raw = data.get("answers")
    if raw is None:
        problems.append(document.problem((), "missing required key 'answers'"))
        raise DataError(problems)
    if not isinstance(raw, dict):
        problems.append(
            document.problem(("answers",), "expected a mapping of question id to answer")
        )
        raise DataError(problems)

    answers, found = check_answers(document, raw, bank, ("answers",))
    problems += found
    if problems:
        raise DataError(problems)
    return answers


def check_answers(
    document: Document, raw: Mapping[Any, object], bank: Bank, at: KeyPath
) -> tuple[dict[str, Answer], list[Problem]]:
    """Answers keyed by item id, read from `raw` (found at key path `at` in the document).

    Every key must name an item and every value be an answer; then every item that the
    answers lead to must be answered, and no item they skip. Problems are returned, not raised.
    """
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
        answer = _answer(value)
        if answer is None:
            problems.append(
                document.problem(path, f"'{value}' is not an answer; use yes, no or unsure")
            )
            continue
        answers[str(key)] = answer
    if problems:
        return answers, problems

    asked = {item.id for item in asked_items(bank, answers)}
    for item_id in answers:
        if item_id not in asked:
            problems.append(
                document.problem(
                    (*at, item_id),
                    "this question is skipped by the earlier answers; remove it",
                )
            )
    missing = [item_id for item_id in item_ids if item_id in asked and item_id not in answers]
    if missing:
        shown = ", ".join(missing[:3]) + (
            f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        )
        problems.append(document.problem(at, f"no answer for: {shown}"))
    return answers, problems


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
