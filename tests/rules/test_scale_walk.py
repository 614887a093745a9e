"""Conditions that name a scale's option: a question asked only after it (ask_if), a flag it
raises (when_any), a next step it shows (show_if), through the walk, the score, the summary
and compare."""

from __future__ import annotations

import pytest

from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.bank import Bank
from screener.reports.compare import build_comparison
from screener.reports.summary import build_summary
from screener.rules.compare import Scored, compare
from screener.rules.result import build_result
from screener.rules.scoring import score
from screener.rules.walk import Ending, Navigation, walk
from tests.helpers import DATA, NOWHERE, ScriptedAsker, asked_ids, scales_asked_on_options_file


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    """tests/data/scales.yaml with a question asked only after weekly or daily use."""
    return load_bank(scales_asked_on_options_file(tmp_path_factory.mktemp("scales"))).bank


@pytest.mark.parametrize(
    ("often", "asked", "flags"),
    [
        ("never", False, []),
        ("monthly", False, []),
        ("weekly", True, ["frequent"]),
        ("daily", True, ["frequent"]),
        ("unsure", False, []),  # the flag ignores not sure (if_unsure: ignore)
    ],
)
def test_an_option_opens_its_follow_up_and_raises_its_flag(
    bank: Bank, often: str, asked: bool, flags: list[str]
) -> None:
    follow_up = ["no"] if asked else []
    asker = ScriptedAsker(["yes", "no", "no", often, *follow_up, "no", "not_worried"])
    walked = walk(bank, asker)
    assert walked.ending is Ending.COMPLETED
    assert ("bladder" in asked_ids(asker)) is asked
    assert [flag.id for flag in score(bank, walked.answers).flags] == flags


def test_going_back_to_a_lower_option_drops_the_follow_up(bank: Bank) -> None:
    asker = ScriptedAsker(
        [
            "yes",
            "no",
            "no",
            "daily",
            "yes",
            Navigation.BACK,
            Navigation.BACK,
            "monthly",
            "no",
            "stop",
        ]
    )
    walked = walk(bank, asker)
    assert asked_ids(asker) == [
        "used", "first", "second", "often", "bladder", "mood", "bladder", "often", "mood", "feel",
    ]  # fmt: skip
    assert "bladder" not in walked.answers
    assert walked.answers["often"] == "monthly"
    assert score(bank, walked.answers).flags == ()


@pytest.mark.parametrize(("feel", "shown"), [("stop", True), ("cut_down", False)])
def test_a_next_step_shows_for_its_option(bank: Bank, feel: str, shown: bool) -> None:
    answers = {"used": "yes", "first": "no", "second": "no", "often": "never", "mood": "no"}
    loaded = load_bank(DATA / "scales.yaml")
    result = build_result(loaded, score(bank, {**answers, "feel": feel}), NOWHERE)
    titles = [
        entry.term
        for section in build_summary(bank, result, NOWHERE, load_strings("en"))
        for entry in section.entries
    ]
    assert ("Ways to stop" in titles) is shown
    assert "Talk" in titles


def test_the_walk_refuses_an_answer_the_question_does_not_take(bank: Bank) -> None:
    """An asker that hands a scale question yes (or a yes/no question a code) is a defect in
    the asker; the walk names it rather than record an answer no condition can read."""
    asker = ScriptedAsker(["yes", "no", "no", "yes"])
    with pytest.raises(ValueError, match="'yes' is not an answer to 'often'"):
        walk(bank, asker)


def test_compare_words_a_changed_scale_answer_by_its_options(bank: Bank) -> None:
    """Two records of one person: 'often' went from weekly to daily, read as the options'
    words, never their codes."""
    answers = {"used": "yes", "first": "no", "second": "no", "mood": "no", "feel": "stop"}
    then = Scored("old.json", score(bank, {**answers, "often": "weekly", "bladder": "no"}), "en")
    now = Scored("new.json", score(bank, {**answers, "often": "daily", "bladder": "no"}), "en")
    document = build_comparison(bank, compare(bank, then, now), load_strings("en"))
    lines = [entry.text for section in document.sections for entry in section.entries]
    assert any("Weekly" in line and "Daily or almost daily" in line for line in lines), lines
    assert not any("weekly" in line for line in lines), lines
