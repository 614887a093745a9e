"""What-if logic: parsing a trainer's command, flipping an answer, and finding what changed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.examples import find_example
from screener.models.bank import Example, LoadedBank
from screener.models.base import ANSWERS, Code
from screener.models.wording import UiStrings
from screener.rules.scoring import score
from screener.rules.whatif import (
    Finish,
    Flip,
    Flipped,
    ListAnswers,
    Refusal,
    Refused,
    apply_flip,
    counted_sizes,
    diff,
    next_answer,
    parse_command,
)
from tests.helpers import CRITERION_IDS, HEALTH_IDS, SCALE_ANSWERS, full_answers


def _scale_codes() -> dict[str, tuple[Code, ...]]:
    path = bundled.bank_file("ketamine", "en")
    assert path is not None
    return {item.id: item.codes for item in load_bank(path).bank.items if item.options}


SCALE_CODES = _scale_codes()
"""Each scale question of the bundled bank and the answers it takes, from the bank."""
assert sorted(SCALE_CODES) == sorted(SCALE_ANSWERS)


def persona(ketamine: LoadedBank, example_id: str) -> Example:
    example = find_example(ketamine.bank, example_id)
    assert example is not None
    return example


def number(ketamine: LoadedBank, item_id: str) -> int:
    """A question's number as a trainer types it (from 1, in bank order), found by its id."""
    ids = [item.id for item in ketamine.bank.items]
    return ids.index(item_id) + 1


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("5", Flip(5)),
        (" 12 ", Flip(12)),
        ("5 yes", Flip(5, "yes")),
        ("5 y", Flip(5, "yes")),
        ("5 N", Flip(5, "no")),
        ("5 not sure", Flip(5, "unsure")),
        ("5  Not   Sure.", Flip(5, "unsure")),
        ("5 unsure", Flip(5, "unsure")),
        ("5, yes", Flip(5, "yes")),
        ("5 1", Flip(5, "yes")),
        ("Q5", Flip(5)),
        ("q5 no", Flip(5, "no")),
        ("Q 5", None),
        ("5 3", Flip(5, "unsure")),
        ("q", Finish()),
        ("quit", Finish()),
        ("l", ListAnswers()),
        ("list", ListAnswers()),
        ("", None),
        ("five", None),
        ("5 perhaps so", None),
        ("q 5", None),
        ("yes", None),
    ],
)
def test_parse_command(strings: UiStrings, typed: str, expected: object) -> None:
    parsed = parse_command(
        typed,
        strings.answer_words,
        list_words=("l", "list"),
        quit_words=strings.command_words.quit,
    )
    assert parsed == expected


def test_flipping_turns_yes_and_no_over_and_not_sure_to_yes() -> None:
    """A flip of "no" goes to "yes" first: the change a trainer means by flipping it."""
    assert [next_answer(answer) for answer in (None, *ANSWERS)] == ["yes", "no", "yes", "yes"]


def test_a_flip_changes_one_answer_and_nothing_else(ketamine: LoadedBank) -> None:
    answers = full_answers(dict.fromkeys(CRITERION_IDS, "no"))
    outcome = apply_flip(ketamine.bank, answers, Flip(number(ketamine, "craving")))
    assert isinstance(outcome, Flipped)
    assert (outcome.item.id, outcome.before, outcome.after) == ("craving", "no", "yes")
    assert outcome.answers == {**answers, "craving": "yes"}
    assert answers["craving"] == "no", "the answers given are not changed in place"


def test_no_such_question(ketamine: LoadedBank) -> None:
    """0, and any number past the bank's last question (counted from the bank, not copied)."""
    last = len(ketamine.bank.items)
    for number in (0, last + 1, last + 78):
        outcome = apply_flip(ketamine.bank, full_answers({}), Flip(number, "yes"))
        assert outcome == Refused(Refusal.NO_SUCH_QUESTION, number)


def test_the_last_question_can_be_flipped(ketamine: LoadedBank) -> None:
    last = len(ketamine.bank.items)
    outcome = apply_flip(ketamine.bank, full_answers({}), Flip(last, "yes"))
    assert isinstance(outcome, Flipped) and outcome.item == ketamine.bank.items[-1]


def test_a_skipped_question_cannot_be_flipped(ketamine: LoadedBank) -> None:
    morgan = persona(ketamine, "morgan")
    outcome = apply_flip(ketamine.bank, morgan.answers, Flip(number(ketamine, "more_than_meant")))
    assert isinstance(outcome, Refused)
    assert outcome.reason is Refusal.NOT_ASKED
    assert outcome.item is not None and outcome.item.id == "more_than_meant"


def test_jordan_two_not_sure_criteria_to_yes_moves_the_band(ketamine: LoadedBank) -> None:
    jordan = persona(ketamine, "jordan")
    before = score(ketamine.bank, jordan.answers)
    first = apply_flip(ketamine.bank, jordan.answers, Flip(number(ketamine, "cut_down"), "yes"))
    assert isinstance(first, Flipped)
    middle = score(ketamine.bank, first.answers)
    changes = diff(before, middle)
    assert changes.criteria_met == (2, 3)
    assert changes.band is None
    assert changes.unsure == (4, 3)  # with how Jordan feels about it: not sure
    assert [(old.met, old.unsure, new.met, new.unsure) for old, new in changes.clusters] == [
        (2, 1, 3, 0)
    ]
    assert changes.cluster_ids == {"impaired_control"}
    second = apply_flip(
        ketamine.bank, first.answers, Flip(number(ketamine, "relationships"), "yes")
    )
    assert isinstance(second, Flipped)
    changes = diff(middle, score(ketamine.bank, second.answers))
    assert changes.band is not None
    assert [band.id if band else None for band in changes.band] == ["mild", "moderate"]
    assert changes.criteria_met == (3, 4)


def test_priya_without_the_prescription_rule(ketamine: LoadedBank) -> None:
    priya = persona(ketamine, "priya")
    before = score(ketamine.bank, priya.answers)
    outcome = apply_flip(ketamine.bank, priya.answers, Flip(2))
    assert isinstance(outcome, Flipped) and outcome.after == "no"
    after = score(ketamine.bank, outcome.answers)
    changes = diff(before, after)
    assert changes.adaptations_lifted == ("prescribed_tolerance",)
    assert changes.criteria_applicable == (9, 10)
    assert changes.criteria_met == (1, 2)
    assert changes.band is not None and changes.band[1] is not None
    assert changes.band[1].id == "mild"
    assert counted_sizes(ketamine.bank, before)["pharmacological"] == 0
    assert counted_sizes(ketamine.bank, after)["pharmacological"] == 1


def test_opening_the_gate_keeps_earlier_answers_for_flipping_back(ketamine: LoadedBank) -> None:
    alex = persona(ketamine, "alex")
    closed = apply_flip(ketamine.bank, alex.answers, Flip(1, "no"))
    assert isinstance(closed, Flipped)
    changes = diff(score(ketamine.bank, alex.answers), score(ketamine.bank, closed.answers))
    assert changes.gate_closed == (False, True)
    assert changes.criteria_met == (5, 0)
    # The health answers stay; criterion 9's own advice goes with the criteria, and the advice
    # on using often with how often (asked only after use in the past 12 months).
    assert {flag.id for flag in changes.flags_cleared} == {"health_problems", "frequent_use"}
    reopened = apply_flip(ketamine.bank, closed.answers, Flip(1, "yes"))
    assert isinstance(reopened, Flipped)
    assert score(ketamine.bank, reopened.answers) == score(ketamine.bank, alex.answers)


def test_flags_raised_and_cleared(ketamine: LoadedBank) -> None:
    sam = persona(ketamine, "sam")
    outcome = apply_flip(
        ketamine.bank, sam.answers, Flip(number(ketamine, "mixing_sedatives"), "no")
    )
    assert isinstance(outcome, Flipped)
    outcome = apply_flip(
        ketamine.bank, outcome.answers, Flip(number(ketamine, "blood_in_urine"), "yes")
    )
    assert isinstance(outcome, Flipped)
    changes = diff(score(ketamine.bank, sam.answers), score(ketamine.bank, outcome.answers))
    assert [flag.id for flag in changes.flags_raised] == ["blood_in_urine"]
    assert [flag.id for flag in changes.flags_cleared] == ["mixing"]
    assert changes.band is None and changes.criteria_met is None


@given(
    answers=st.fixed_dictionaries(
        {item_id: st.sampled_from(ANSWERS) for item_id in CRITERION_IDS + HEALTH_IDS}
        | {item_id: st.sampled_from(codes) for item_id, codes in SCALE_CODES.items()}
    )
)
def test_no_change_means_an_equal_score(ketamine: LoadedBank, answers: dict[str, Code]) -> None:
    """Every flip of every question, numbered from the bank: the last ones (self-harm) too,
    and a scale question (how often, how you feel) to each of its own answers."""
    given_answers: dict[str, Code] = {"used_past_year": "yes", "prescribed_only": "no", **answers}
    assert set(given_answers) == {item.id for item in ketamine.bank.items}
    before = score(ketamine.bank, given_answers)
    assert not diff(before, before)
    for number, item in enumerate(ketamine.bank.items, start=1):
        for to in item.codes:
            outcome = apply_flip(ketamine.bank, given_answers, Flip(number, to))
            assert isinstance(outcome, Flipped), (number, to)
            after = score(ketamine.bank, outcome.answers)
            changed = (
                (before.criteria_met, before.band, before.clusters, before.flags, before.unsure)
                != (after.criteria_met, after.band, after.clusters, after.flags, after.unsure)
                or before.adaptations != after.adaptations
                or before.gate_closed != after.gate_closed
            )
            assert bool(diff(before, after)) == changed, (number, to)


def test_counted_sizes_with_the_gate_closed(ketamine: LoadedBank) -> None:
    morgan = score(ketamine.bank, persona(ketamine, "morgan").answers)
    assert set(counted_sizes(ketamine.bank, morgan).values()) == {0}
