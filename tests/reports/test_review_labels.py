"""The counsellor's review: every question labelled in the record's language, never by its id."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.bank import Bank
from screener.rules.review import (
    MAX_NOTE,
    ReviewAction,
    ReviewChoice,
    ReviewRow,
    interview,
    item_label,
    one_safe_line_within,
)
from screener.rules.walk import Ending, Response
from tests.helpers import ScriptedAsker

LANGUAGES = sorted({path.name.split(".")[1] for path in bundled.bank_files()})


def shipped(language: str) -> Bank:
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    return load_bank(path).bank


@pytest.mark.parametrize(
    ("language", "gate", "criterion", "health"),
    [
        ("en", "gate", "criterion 1, impaired control", "health"),
        ("es", "filtro", "criterio 1, control deficitario", "salud"),
    ],
)
def test_each_kind_of_question_is_labelled_in_its_language(
    language: str, gate: str, criterion: str, health: str
) -> None:
    bank = shipped(language)
    strings = load_strings(language)
    first = {
        kind: next(item for item in bank.items if item.kind == kind)
        for kind in ("gate", "criterion", "health")
    }
    assert first["criterion"].criterion == 1
    labels = {kind: item_label(bank, item, strings) for kind, item in first.items()}
    assert labels == {"gate": gate, "criterion": criterion, "health": health}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_question_is_labelled_by_its_kind_id_outside_english(language: str) -> None:
    """Every kind a shipped bank uses has its own word: none falls back to 'gate' or 'health'."""
    bank = shipped(language)
    strings = load_strings(language)
    kinds = {item.kind for item in bank.items if item.criterion is None}
    assert kinds <= set(strings.intake.kind_labels), "a kind has no label"
    if language != "en":
        english = load_strings("en").intake.kind_labels
        for item in bank.items:
            if item.criterion is None:
                assert item_label(bank, item, strings) != english[item.kind], item.id


@dataclass
class Reviewing(ScriptedAsker):
    """A scripted counsellor that finishes at the first review, keeping the rows shown."""

    reviews: list[list[ReviewRow]] = field(default_factory=list)

    def review(self, rows: list[ReviewRow]) -> ReviewChoice:
        self.reviews.append(rows)
        return ReviewAction.FINISH


def test_the_spanish_review_screen_names_each_question_in_spanish() -> None:
    bank = shipped("es")
    no: list[Response] = ["no"] * (len(bank.items) - 2)
    answers: list[Response] = ["yes", "no", *no]
    asker = Reviewing(answers)
    walked = interview(bank, asker, load_strings("es"))  # no state given: it makes its own
    assert walked.ending is Ending.COMPLETED
    (rows,) = asker.reviews
    assert [row.number for row in rows] == list(range(1, len(bank.items) + 1))
    assert rows[0].heading == f"{bank.items[0].name} (filtro)"
    assert rows[2].heading == f"{bank.items[2].name} (salud)"  # how often: never a criterion
    assert rows[3].heading == f"{bank.items[3].name} (criterio 1, control deficitario)"
    assert rows[-1].heading == f"{bank.items[-1].name} (salud)"
    assert all(row.label not in ("gate", "health") for row in rows)


@pytest.mark.parametrize(
    ("text", "limit", "ok"),
    [
        ("K-0142", 6, True),
        ("K-0142", 5, False),
        ("x" * MAX_NOTE, MAX_NOTE, True),
        ("two\nlines", 40, False),
        ("bell\a", 40, False),
    ],
)
def test_a_note_or_reference_fits_on_one_safe_line(text: str, limit: int, ok: bool) -> None:
    assert one_safe_line_within(text, limit) is ok
