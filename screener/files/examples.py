"""Worked examples (personas) in a bank: answers checked, results scored against what they say."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

import msgspec

from screener.errors import DataError, KeyPath, Problem
from screener.files import documents
from screener.files.answer_values import check_answers
from screener.files.bank import bank_from_document
from screener.files.bank_options import wrong_answer
from screener.files.documents import Document
from screener.models.bank import Bank, Example, LoadedBank
from screener.models.result import Score
from screener.rules.scoring import score


def load_checked_bank(path: Path, display: str | None = None) -> LoadedBank:
    """load_bank(), and every example in it must also score as it declares."""
    return checked_bank(documents.load(path, display))


def checked_bank(document: Document) -> LoadedBank:
    loaded = bank_from_document(document)
    problems = check_examples(document, loaded.bank)
    if problems:
        raise DataError(problems)
    return loaded


def find_example(bank: Bank, example_id: str) -> Example | None:
    """By id, as a trainer types it: 'Jordan' finds jordan (ids are lower case)."""
    wanted = example_id.strip().casefold()
    return next((example for example in bank.examples if example.id == wanted), None)


def check_examples(document: Document, bank: Bank) -> list[Problem]:
    """Every problem with the bank's examples, each located at its key in the document."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, example in enumerate(bank.examples):
        at: KeyPath = ("examples", index)
        if example.id in seen:
            problems.append(
                document.problem(
                    (*at, "id"),
                    f"{example.name}: id '{example.id}' is used twice "
                    f"(also examples[{seen[example.id]}])",
                )
            )
        seen.setdefault(example.id, index)
        wrong = _wrong_codes(document, bank, example, (*at, "answers"))
        if wrong:
            problems += wrong
            continue
        answers, found = check_answers(document, example.answers, bank, (*at, "answers"))
        found += [
            document.problem(path, message) for path, message in _unknown_ids(bank, example, at)
        ]
        if found:
            problems += [
                msgspec.structs.replace(problem, message=f"{example.name}: {problem.message}")
                for problem in found
            ]
            continue
        problems += [
            document.problem(path, f"{example.name}: {message}")
            for path, message in compare(example, score(bank, answers), at)
        ]
    return problems


def _wrong_codes(document: Document, bank: Bank, example: Example, at: KeyPath) -> list[Problem]:
    """An answer its question does not take, and the answers it takes."""
    items = {item.id: item for item in bank.items}
    problems: list[Problem] = []
    for item_id, code in example.answers.items():
        item = items.get(item_id)
        message = None if item is None else wrong_answer(item, code)
        if message is not None:
            problems.append(document.problem((*at, item_id), message))
    return problems


def compare(example: Example, result: Score, at: KeyPath = ()) -> list[tuple[KeyPath, str]]:
    """Where the scored result differs from what the example declares: (key path, message)."""
    expect = example.expect
    where = (*at, "expect")
    found: list[tuple[KeyPath, str]] = []
    met = f"{result.criteria_met} of {result.criteria_total} criteria met"
    given = result.band.id if result.band else None
    if given != expect.band:
        found.append(
            (
                (*where, "band"),
                f"expected band {_band_name(expect.band)}, but the answers give "
                f"{_band_name(given)} ({met})",
            )
        )
    raised = [flag.id for flag in result.flags]
    if sorted(raised) != sorted(expect.flags):
        found.append(
            (
                (*where, "flags"),
                f"expected flags {_listed(expect.flags)}, but the answers raise {_listed(raised)}",
            )
        )
    if expect.criteria_met is not None and expect.criteria_met != result.criteria_met:
        found.append(
            (
                (*where, "criteria_met"),
                f"expected {expect.criteria_met} criteria met, but the answers give "
                f"{result.criteria_met}",
            )
        )
    if (
        expect.criteria_applicable is not None
        and expect.criteria_applicable != result.criteria_applicable
    ):
        found.append(
            (
                (*where, "criteria_applicable"),
                f"expected {expect.criteria_applicable} criteria applicable, but the answers give "
                f"{result.criteria_applicable}",
            )
        )
    if expect.gate_closed is not None and expect.gate_closed != result.gate_closed:
        found.append(
            (
                (*where, "gate_closed"),
                f"expected the gate {_gate(expect.gate_closed)}, but the answers leave it "
                f"{_gate(result.gate_closed)}",
            )
        )
    applied = [adaptation.id for adaptation in result.adaptations]
    if expect.adaptations is not None and sorted(expect.adaptations) != sorted(applied):
        found.append(
            (
                (*where, "adaptations"),
                f"expected adaptations {_listed(expect.adaptations)}, but the answers apply "
                f"{_listed(applied)}",
            )
        )
    if expect.unsure is not None and sorted(expect.unsure) != sorted(result.unsure):
        found.append(
            (
                (*where, "unsure"),
                f"expected not sure on {_listed(expect.unsure)}, but the answers have "
                f"{_listed(result.unsure)}",
            )
        )
    return found


def _unknown_ids(bank: Bank, example: Example, at: KeyPath) -> list[tuple[KeyPath, str]]:
    """Ids in `expect` that name no band, flag, adaptation or item of the bank."""
    expect = example.expect
    where = (*at, "expect")
    found: list[tuple[KeyPath, str]] = []
    bands = [band.id for band in bank.scoring.bands]
    if expect.band is not None and expect.band not in bands:
        found.append(((*where, "band"), f"no band '{expect.band}'{_hint(expect.band, bands)}"))
    for key, named, known in (
        ("flags", expect.flags, [flag.id for flag in bank.flags]),
        ("adaptations", expect.adaptations or (), [a.id for a in bank.scoring.adaptations]),
        ("unsure", expect.unsure or (), [item.id for item in bank.items]),
    ):
        kind = {"flags": "flag", "adaptations": "adaptation", "unsure": "item"}[key]
        for number, entry_id in enumerate(named):
            if entry_id not in known:
                found.append(
                    ((*where, key, number), f"no {kind} '{entry_id}'{_hint(entry_id, known)}")
                )
    return found


def _listed(ids: Sequence[str]) -> str:
    return "[" + ", ".join(ids) + "]"


def _gate(closed: bool) -> str:
    return "closed" if closed else "open"


def _hint(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f" ({', '.join(choices)})" if choices else ""


def _band_name(band: str | None) -> str:
    """A band id in quotes, or null: a closed gate gives no band."""
    return f"'{band}'" if band is not None else "null (criteria not assessed)"
