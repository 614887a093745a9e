"""What-if on a scale item (issue 22, part D): a trainer's typing read as the scale's prompt
reads it (number 1..n, not sure n+1 when offered, key, code or words), and a flip without an
answer steps through the options."""

from __future__ import annotations

import pytest

from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.bank import Bank
from screener.rules.scoring import score
from screener.rules.whatif import (
    Flip,
    Flipped,
    NotAnAnswer,
    Refusal,
    Refused,
    apply_flip,
    diff,
    parse_command,
)
from tests.helpers import DATA

OFTEN, MOOD, FEEL = 4, 5, 6


def bank(language: str = "en") -> Bank:
    suffix = ".es" if language == "es" else ""
    return load_bank(DATA / f"scales_trainer{suffix}.yaml").bank


def parse(typed: str, language: str = "en") -> object:
    scales = {n: item for n, item in enumerate(bank(language).items, start=1) if item.options}
    words = load_strings(language)
    return parse_command(
        typed, words.answer_words, list_words=("l",), quit_words=("q",), scales=scales
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("4 w", Flip(OFTEN, "weekly")),
        ("4 3", Flip(OFTEN, "weekly")),
        ("4 weekly", Flip(OFTEN, "weekly")),
        ("4 Daily or  almost daily", Flip(OFTEN, "daily")),
        ("4 5", Flip(OFTEN, "unsure")),
        ("4 not sure", Flip(OFTEN, "unsure")),
        ("4 6", NotAnAnswer(OFTEN)),
        ("4 yes", NotAnAnswer(OFTEN)),
        ("6 4", NotAnAnswer(FEEL)),  # three options and no not sure
        ("6 not sure", NotAnAnswer(FEEL)),
        ("6 s", Flip(FEEL, "stop")),
        ("5 1", Flip(MOOD, "yes")),  # a yes / no question keeps 1 2 3
        ("5 w", None),
        ("4", Flip(OFTEN)),
    ],
)
def test_a_scale_takes_its_numbers_keys_codes_and_words(typed: str, expected: object) -> None:
    assert parse(typed) == expected


def test_spanish_keys_are_the_spanish_banks() -> None:
    assert parse("4 s", "es") == Flip(OFTEN, "weekly")
    assert parse("6 d", "es") == Flip(FEEL, "stop")
    assert parse("4 no lo sé", "es") == Flip(OFTEN, "unsure")


def test_a_flip_steps_to_the_next_option_and_round() -> None:
    answers = {"used": "yes", "first": "no", "second": "no", "often": "never", "mood": "no"}
    answers["feel"] = "not_worried"
    seen = []
    for _ in range(5):
        outcome = apply_flip(bank(), answers, Flip(OFTEN))
        assert isinstance(outcome, Flipped)
        answers = outcome.answers
        seen.append(outcome.after)
    assert seen == ["monthly", "weekly", "daily", "never", "monthly"]
    unsure = apply_flip(bank(), {**answers, "often": "unsure"}, Flip(OFTEN))
    assert isinstance(unsure, Flipped) and unsure.after == "never"


def test_setting_a_scale_raises_and_clears_its_flag() -> None:
    answers = {"used": "yes", "first": "no", "second": "no", "often": "never", "mood": "no"}
    answers["feel"] = "stop"
    weekly = apply_flip(bank(), answers, Flip(OFTEN, "weekly"))
    assert isinstance(weekly, Flipped)
    changes = diff(score(bank(), answers), score(bank(), weekly.answers))
    assert [flag.id for flag in changes.flags_raised] == ["frequent"]


def test_an_answer_the_item_lacks_is_refused() -> None:
    outcome = apply_flip(bank(), {"used": "yes", "feel": "stop"}, Flip(FEEL, "unsure"))
    assert isinstance(outcome, Refused) and outcome.reason is Refusal.NOT_AN_ANSWER
