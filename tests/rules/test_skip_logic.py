"""Skip logic: the walk, progress, scoring, replay, validate and FHIR agree that a condition
on a skipped question is false. Banks for the shapes the shipped bank lacks: tests/data."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from screener.files.answers import answers_from_document
from screener.files.bank import load_bank
from screener.files.documents import parse
from screener.files.wording import load_strings
from screener.models.bank import Bank, LoadedBank
from screener.models.base import ANSWERS, Answer, Code
from screener.render.fhir.questionnaire import questionnaire
from screener.rules.scoring import asked_items, score
from screener.rules.walk import Ending, Navigation, walk
from tests.helpers import ScriptedAsker, asked_ids

DATA = Path(__file__).parent.parent / "data"


def bank_in(name: str) -> LoadedBank:
    return load_bank(DATA / name)


@pytest.fixture(scope="module")
def chained() -> Bank:
    return bank_in("walk_chained.yaml").bank


class Answering(ScriptedAsker):
    """Answers each question from a table, whatever order it comes in."""

    def __init__(self, table: dict[str, Code]) -> None:
        super().__init__([])
        self.table = table

    def ask(self, step):  # type: ignore[no-untyped-def]
        self.steps.append(step)
        return self.table[step.item.id]


def test_a_no_early_in_a_chain_skips_the_end_of_it(chained: Bank) -> None:
    """low no skips lowlong, and so mood ("if lowlong is yes") too: no crisis question."""
    asker = Answering({"used": "no", "low": "no", "lowlong": "yes", "mood": "yes"})
    walked = walk(chained, asker)
    assert asked_ids(asker) == ["used", "low"]
    assert [step.total for step in asker.steps] == [6, 4]  # the count shrinks with the skips
    assert walked.answers == {"used": "no", "low": "no"}
    assert not any(event.startswith("crisis") for event in asker.events)


def test_a_yes_along_the_chain_asks_it_all_and_keeps_the_crisis(chained: Bank) -> None:
    asker = Answering({"used": "no", "low": "yes", "lowlong": "yes", "mood": "yes"})
    walked = walk(chained, asker)
    assert asked_ids(asker) == ["used", "low", "lowlong", "mood"]
    assert asker.events[-1] == "crisis:crisis:after-question-4"
    assert [flag.id for flag in score(chained, walked.answers).flags] == ["crisis"]


def every_walk(bank: Bank) -> list[dict[str, Code]]:
    """The answers of every distinct walk through a small bank."""
    found: list[dict[str, Code]] = []
    for table in itertools.product(ANSWERS, repeat=len(bank.items)):
        asker = Answering({item.id: answer for item, answer in zip(bank.items, table, strict=True)})
        walked = walk(bank, asker)
        if walked.answers not in found:
            found.append(walked.answers)
    return found


def fhir_enabled(loaded: LoadedBank, answers: dict[str, Code]) -> list[str]:
    """Which items the exported Questionnaire enables, read as R4 says: a condition on a
    disabled question is false, as though it had no answer."""
    items = questionnaire(loaded, load_strings(loaded.bank.language))["item"]
    questions = {item.id for item in loaded.bank.items}
    enabled: list[str] = []
    for question in items:
        if question["linkId"] not in questions:  # the result items
            continue
        conditions = question.get("enableWhen", [])
        holds = [
            condition["question"] in enabled
            and answers.get(condition["question"]) == condition["answerCoding"]["code"]
            for condition in conditions
        ]
        behaviour = all if question.get("enableBehavior") == "all" else any
        if not conditions or behaviour(holds):
            enabled.append(question["linkId"])
    return enabled


@pytest.mark.parametrize("name", ["walk_chained.yaml", "minimal.yaml"])
def test_walk_progress_scoring_replay_and_fhir_agree(name: str) -> None:
    loaded = bank_in(name)
    bank = loaded.bank
    for answers in every_walk(bank):
        asked = [item.id for item in asked_items(bank, answers)]
        asker = Answering(answers)
        walk(bank, asker)
        assert asked_ids(asker) == asked, answers
        assert [step.number for step in asker.steps] == list(range(1, len(asked) + 1))
        assert all(step.total >= len(asked) for step in asker.steps)  # never counts a skip
        assert score(bank, answers).answers == answers  # scoring drops nothing asked
        document = parse(f"bank: {bank.id}\nanswers: {answers}\n".encode(), "answers.yaml")
        assert answers_from_document(document, bank) == answers  # the replay takes them
        assert fhir_enabled(loaded, answers) == asked


def test_replaying_a_chain_refuses_an_answer_to_a_skipped_question(chained: Bank) -> None:
    from screener.errors import DataError

    text = "bank: mini\nanswers: {used: no, low: no, lowlong: 'yes', mood: 'yes'}\n"
    with pytest.raises(DataError, match="skipped by the earlier answers"):
        answers_from_document(parse(text.encode(), "answers.yaml"), chained)


# --- the shapes validate refuses, and those it accepts ------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "bank_self_referring.yaml",
            ":37:14: items[3].ask_if.item: 'mood' is this item: it cannot wait for its own answer",
        ),
        (
            "bank_forward_condition.yaml",
            ":25:14: items[1].ask_if.item: 'mood' must be asked before this item",
        ),
        ("bank_bands_short.yaml", ":47:3: scoring.bands: no band covers a count of 2"),
        (
            "bank_bands_overlap.yaml",
            ":49:18: scoring.bands[1].min: band 'some' overlaps band 'none' at 0",
        ),
    ],
)
def test_validate_refuses(name: str, message: str) -> None:
    """The whole line after the file name: where, which key, and what is wrong."""
    from screener.errors import DataError

    with pytest.raises(DataError) as raised:
        bank_in(name)
    assert str(raised.value) == f"{DATA / name}{message}"


def test_bands_out_of_order_score_every_count() -> None:
    bank = bank_in("bank_bands_out_of_order.yaml").bank
    yes: dict[str, Answer] = {"used": "yes", "first": "yes", "second": "yes", "mood": "no"}
    bands = [score(bank, given).band for given in (yes, {**yes, "first": "no", "second": "no"})]
    assert [band.id if band else None for band in bands] == ["some", "none"]


def test_criteria_out_of_order_are_reported_by_number() -> None:
    bank = bank_in("bank_criteria_out_of_order.yaml").bank
    answers: dict[str, Answer] = {"used": "yes", "first": "yes", "second": "no", "mood": "no"}
    criteria = score(bank, answers).criteria
    assert [(c.number, c.item, c.answer) for c in criteria] == [
        (1, "second", "no"),
        (2, "first", "yes"),
    ]


def test_two_crisis_flags_on_one_item_are_each_shown() -> None:
    bank = bank_in("bank_two_crisis_flags.yaml").bank
    asker = ScriptedAsker(["no", "yes"])
    walked = walk(bank, asker)
    assert asker.events == [
        "gate",
        "crisis:crisis:after-question-2",
        "crisis:crisis_too:after-question-2",
    ]
    assert walked.ending is Ending.COMPLETED


def test_going_back_from_the_crisis_screen_asks_the_question_again() -> None:
    """A mistyped yes can be put right: b at the crisis prompt goes back to the question."""
    bank = bank_in("minimal.yaml").bank

    class GoesBackOnce(ScriptedAsker):
        def crisis(self, flag):  # type: ignore[no-untyped-def]
            super().crisis(flag)
            return Navigation.BACK if len(self.events) == 2 else True

    asker = GoesBackOnce(["no", "yes", "no"])
    walked = walk(bank, asker)
    assert asked_ids(asker) == ["used", "mood", "mood"]
    assert asker.steps[-1].earlier == "yes"
    assert walked.answers == {"used": "no", "mood": "no"}
