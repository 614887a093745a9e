"""The counsellor's line beside a question that is no criterion says what its answer can
change: a flag, the next steps and advice, or nothing but the record (the question on how a
person feels once read "may raise a flag", which it never does)."""

from __future__ import annotations

import msgspec
import pytest

from screener.files.bank import load_bank
from screener.files.bundled import bank_file
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.rules.review import about_item
from tests.helpers import DATA


def bundled(language: str) -> LoadedBank:
    path = bank_file("ketamine", language)
    assert path is not None
    return load_bank(path)


def line(loaded: LoadedBank, item_id: str, language: str = "en") -> str:
    bank = loaded.bank
    (item,) = [item for item in bank.items if item.id == item_id]
    return about_item(bank, item, load_strings(language))


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_question_that_is_no_criterion_says_what_its_answer_changes(language: str) -> None:
    loaded = bundled(language)
    intake = load_strings(language).intake
    flagged = {condition.item for flag in loaded.bank.flags for condition in flag.when_any}
    health = [item for item in loaded.bank.items if item.kind == "health"]
    assert {item.id for item in health} - flagged == {"feeling_about_use"}
    for item in health:
        expected = intake.about_feedback if item.id not in flagged else intake.about_health
        assert line(loaded, item.id, language) == expected, item.id


def test_without_its_flag_how_often_is_recorded_only() -> None:
    loaded = bundled("en")
    bank = loaded.bank
    unflagged = msgspec.structs.replace(
        bank, flags=tuple(flag for flag in bank.flags if flag.id != "frequent_use")
    )
    loaded = msgspec.structs.replace(loaded, bank=unflagged)
    assert line(loaded, "how_often") == "not counted, no flag: kept in the record only"


def test_a_question_that_only_shows_or_hides_a_next_step_changes_the_feedback() -> None:
    loaded = load_bank(DATA / "scales_trainer.yaml")
    bank = loaded.bank
    shown = {step.show_if.item for step in bank.next_steps if step.show_if is not None}
    (feel,) = [item.id for item in bank.items if item.id in shown and item.kind == "health"]
    loaded = msgspec.structs.replace(loaded, bank=msgspec.structs.replace(bank, menu=()))
    assert line(loaded, feel) == ("not counted, no flag: may change the next steps")


def test_the_gate_is_named_as_the_gate_even_where_it_also_decides_a_count() -> None:
    loaded = bundled("en")
    bank = loaded.bank
    assert bank.scoring.gate is not None
    gate = bank.scoring.gate.item
    (adaptation,) = bank.scoring.adaptations
    on_the_gate = msgspec.structs.replace(
        adaptation, when=msgspec.structs.replace(adaptation.when, item=gate)
    )
    scoring = msgspec.structs.replace(bank.scoring, adaptations=(on_the_gate,))
    loaded = msgspec.structs.replace(loaded, bank=msgspec.structs.replace(bank, scoring=scoring))
    assert line(loaded, gate) == "gate question: decides whether the criteria apply"


def test_a_question_that_decides_two_counts_names_both_criteria() -> None:
    loaded = bundled("en")
    bank = loaded.bank
    (adaptation,) = bank.scoring.adaptations
    two = msgspec.structs.replace(adaptation, not_counted=("craving", "tolerance"))
    scoring = msgspec.structs.replace(bank.scoring, adaptations=(two,))
    loaded = msgspec.structs.replace(loaded, bank=msgspec.structs.replace(bank, scoring=scoring))
    assert line(loaded, adaptation.when.item) == (
        "gate question: decides whether criterion 4, 10 is counted"
    )
