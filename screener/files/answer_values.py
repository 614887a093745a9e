"""Answers as a person wrote them (yes, no, not sure; YAML's bare booleans), checked
against a bank's questions: each names a question, and every question the answers lead to
is answered. An answers file, a bank's worked examples and their messages share these."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from yaml.nodes import ScalarNode

from screener.errors import KeyPath, Problem
from screener.files import documents
from screener.files.documents import Document
from screener.models.bank import Bank
from screener.models.base import ANSWERS, Answer, Code
from screener.rules.scoring import asked_items


def check_answers(
    document: Document, raw: Mapping[Any, object], bank: Bank, at: KeyPath
) -> tuple[dict[str, Code], list[Problem]]:
    """Answers keyed by item id, read from `raw` (found at key path `at` in the document),
    then checked for coverage. Problems are returned, not raised: an answers file and a
    bank's worked examples report them in their own way."""
    answers, problems = read_answers(document, raw, bank, at)
    if problems:
        return answers, problems
    return answers, check_coverage(document, answers, bank, at)


def read_answers(
    document: Document, raw: Mapping[Any, object], bank: Bank, at: KeyPath
) -> tuple[dict[str, Code], list[Problem]]:
    """Every key must name an item and every value be an answer."""
    items = {item.id: item for item in bank.items}
    item_ids = list(items)
    answers: dict[str, Code] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        path = (*at, str(key))
        if key not in item_ids:
            problems.append(
                document.problem(
                    path, f"no question '{key}' in bank '{bank.id}'{hint(str(key), item_ids)}"
                )
            )
            continue
        item = items[str(key)]
        if item.options:  # a scale: by code; "not sure" where the item offers it
            code = _scale_answer(as_written(document, path, value))
            if code not in item.codes:
                problems.append(
                    document.problem(
                        path,
                        f"{wrong_answer(document, path, value)} to '{key}'; use one of: "
                        + ", ".join(item.codes),
                    )
                )
                continue
            answers[str(key)] = code
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
                    else f"{wrong_answer(document, path, value)}; use yes, no or unsure",
                )
            )
            continue
        answers[str(key)] = answer
    return answers, problems


def check_coverage(
    document: Document, answers: Mapping[str, Code], bank: Bank, at: KeyPath
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


def _scale_answer(written: str | None) -> str | None:
    """An option's code as written; "not sure" is unsure, as for yes/no questions."""
    if written is None:
        return None
    word = written.strip().lower()
    return "unsure" if word == "not sure" else word


def as_written(document: Document, path: KeyPath, value: object) -> str | None:
    """A value as the file holds it: a scalar's own text (a bare yes, 017, 3.50, 2026-01-01,
    not what YAML or JSON makes of it), or None for null, a list or a mapping."""
    if value is None or isinstance(value, (list, dict)):
        return None
    if isinstance(value, str):
        return value
    _, node = document.node_at(path)
    return str(node.value) if isinstance(node, ScalarNode) else str(value)


def wrong_answer(document: Document, path: KeyPath, value: object) -> str:
    """What is wrong, as the person wrote it: 'maybe' is not an answer; a list is not one."""
    if value is None:
        return "no answer given"
    written = as_written(document, path, value)
    if written is None:
        return f"{documents.kind_of(value)} is not an answer"
    return f"'{written}' is not an answer"


def hint(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
