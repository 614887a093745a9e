"""Scoring against the DSM-5 rule for the phencyclidine class: 10 criteria, bands 2-3/4-5/6+."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.files.bank import load_bank
from screener.models.bank import Bank, LoadedBank
from screener.models.base import ANSWERS, Answer, Code, Level
from screener.models.result import (
    AppliedAdaptation,
    BandResult,
    ClusterResult,
    CriterionResult,
    RaisedFlag,
    Score,
)
from screener.rules.scoring import asked_items, missing_answers, score
from tests.helpers import (
    CLOSED_GATE_HEALTH_IDS,
    CRITERION_IDS,
    DATA,
    HEALTH_IDS,
    QUESTIONS,
    full_answers,
)


def dsm_band(count: int) -> str:
    """The rule, written independently of the bank: 0-1 none, 2-3 mild, 4-5 moderate, 6+."""
    if count < 2:
        return "none"
    if count <= 3:
        return "mild"
    return "moderate" if count <= 5 else "severe"


def test_the_criterion_ids_are_the_banks(ketamine: LoadedBank) -> None:
    ordered = sorted(
        (item for item in ketamine.bank.items if item.kind == "criterion"),
        key=lambda item: item.criterion or 0,
    )
    assert [item.id for item in ordered] == CRITERION_IDS


@pytest.mark.parametrize("prescribed", ANSWERS)
def test_all_1024_combinations(ketamine: LoadedBank, prescribed: Answer) -> None:
    """Every yes/no pattern of the 10 criteria, with and without the prescribed-use rule."""
    adapted = prescribed == "yes"
    for pattern in range(1024):
        criteria: dict[str, Answer] = {
            item_id: "yes" if pattern >> bit & 1 else "no"
            for bit, item_id in enumerate(CRITERION_IDS)
        }
        result = score(ketamine.bank, full_answers(criteria, prescribed))
        tolerance_yes = criteria["tolerance"] == "yes"
        expected = bin(pattern).count("1") - (1 if adapted and tolerance_yes else 0)
        assert result.criteria_met == expected, pattern
        assert result.band is not None and result.band.id == dsm_band(expected), pattern
        assert result.criteria_applicable == (9 if adapted else 10)
        assert result.criteria_total == 10
        assert sum(cluster.met for cluster in result.clusters) == expected
        assert [a.id for a in result.adaptations] == (["prescribed_tolerance"] if adapted else [])
        assert not result.gate_closed


@given(
    criteria=st.fixed_dictionaries(
        {item_id: st.sampled_from(ANSWERS) for item_id in CRITERION_IDS}
    ),
    health=st.fixed_dictionaries({item_id: st.sampled_from(ANSWERS) for item_id in HEALTH_IDS}),
    used=st.sampled_from(["yes", "unsure"]),
    prescribed=st.sampled_from(ANSWERS),
)
def test_not_sure_is_never_counted_but_always_reported(
    ketamine: LoadedBank,
    criteria: dict[str, Answer],
    health: dict[str, Answer],
    used: Answer,
    prescribed: Answer,
) -> None:
    answers: dict[str, Answer] = {"used_past_year": used, "prescribed_only": prescribed}
    answers |= criteria | health
    result = score(ketamine.bank, answers)
    counted = [
        item_id for item_id in CRITERION_IDS if not (prescribed == "yes" and item_id == "tolerance")
    ]
    assert result.criteria_met == sum(1 for item_id in counted if criteria[item_id] == "yes")
    assert result.band is not None and result.band.id == dsm_band(result.criteria_met)
    skipped = {"injecting"} if prescribed == "yes" else set()  # asked only if not all prescribed
    assert set(result.unsure) == {
        item_id for item_id, a in answers.items() if a == "unsure" and item_id not in skipped
    }
    unsure_counted = sum(1 for item_id in counted if criteria[item_id] == "unsure")
    assert sum(cluster.unsure for cluster in result.clusters) == unsure_counted
    assert result.criteria_met + unsure_counted <= result.criteria_applicable


@given(
    criteria=st.fixed_dictionaries(
        {item_id: st.sampled_from(ANSWERS) for item_id in CRITERION_IDS}
    ),
    flip=st.sampled_from(CRITERION_IDS),
)
def test_turning_an_answer_into_yes_never_lowers_the_count(
    ketamine: LoadedBank, criteria: dict[str, Answer], flip: str
) -> None:
    before = score(ketamine.bank, full_answers(criteria)).criteria_met
    after = score(ketamine.bank, full_answers({**criteria, flip: "yes"})).criteria_met
    assert after == before + (0 if criteria[flip] == "yes" else 1)


def test_no_use_in_the_past_year_closes_the_gate(ketamine: LoadedBank) -> None:
    answers: dict[str, Answer] = {"used_past_year": "no"}
    answers |= dict.fromkeys(CLOSED_GATE_HEALTH_IDS, "no")
    result = score(ketamine.bank, answers)
    assert result.gate_closed
    assert (result.criteria_met, result.criteria_applicable) == (0, 0)
    assert result.band is None  # not assessed: never "none", which reads as screened negative
    assert all(not criterion.counted for criterion in result.criteria)


def test_stale_answers_behind_a_closed_gate_are_dropped(ketamine: LoadedBank) -> None:
    answers = full_answers(dict.fromkeys(CRITERION_IDS, "yes"))
    answers["used_past_year"] = "no"
    result = score(ketamine.bank, answers)
    assert result.criteria_met == 0
    assert not set(CRITERION_IDS) & set(result.answers)
    assert "prescribed_only" not in result.answers


def test_which_questions_are_asked(ketamine: LoadedBank) -> None:
    bank: Bank = ketamine.bank
    assert len(asked_items(bank, {}, assume_unanswered_open=True)) == QUESTIONS
    # Before the gate is answered, only the questions that need no earlier answer are asked.
    unanswered = [item.id for item in asked_items(bank, {})]
    assert unanswered == ["used_past_year", *CLOSED_GATE_HEALTH_IDS]
    closed = [item.id for item in asked_items(bank, {"used_past_year": "no"})]
    assert closed == ["used_past_year", *CLOSED_GATE_HEALTH_IDS]
    assert missing_answers(bank, {"used_past_year": "no"}) == closed[1:]


@pytest.mark.parametrize(
    ("item_id", "answer", "flag_id", "level"),
    [
        ("self_harm_thoughts", "yes", "self_harm", "crisis"),
        ("self_harm_thoughts", "unsure", "self_harm", "crisis"),
        ("blood_in_urine", "yes", "blood_in_urine", "urgent"),
        ("mixing_sedatives", "yes", "mixing", "urgent"),
        ("bladder_symptoms", "yes", "bladder", "medical"),
        ("bladder_symptoms", "unsure", "bladder", "medical"),
        ("stomach_pain", "yes", "stomach_pain", "medical"),
        ("low_mood", "yes", "low_mood", "medical"),
        ("memory", "yes", "memory", "info"),
        ("hazardous_use", "yes", "hazardous", "info"),
    ],
)
def test_each_flag_is_raised_by_its_answer(
    ketamine: LoadedBank, item_id: str, answer: Answer, flag_id: str, level: Level
) -> None:
    answers = full_answers(dict.fromkeys(CRITERION_IDS, "no"))
    assert score(ketamine.bank, answers).flags == ()
    answers[item_id] = answer
    flags = score(ketamine.bank, answers).flags
    declared = next(flag for flag in ketamine.bank.flags if flag.id == flag_id)
    unsure = answer == "unsure"
    advice = declared.unsure_advice if unsure and declared.unsure_advice else declared.advice
    assert flags == (
        RaisedFlag(id=flag_id, level=level, title=declared.title, advice=advice, unsure=unsure),
    )


def test_flags_come_most_urgent_first(ketamine: LoadedBank) -> None:
    answers = full_answers(dict.fromkeys(CRITERION_IDS, "no"))
    answers |= {"memory": "yes", "bladder_symptoms": "yes", "self_harm_thoughts": "yes"}
    answers["blood_in_urine"] = "yes"
    levels = [flag.level for flag in score(ketamine.bank, answers).flags]
    assert levels == ["crisis", "urgent", "medical", "info"]


@given(
    criteria=st.fixed_dictionaries(
        {item_id: st.sampled_from(ANSWERS) for item_id in CRITERION_IDS}
    ),
    health=st.fixed_dictionaries({item_id: st.sampled_from(ANSWERS) for item_id in HEALTH_IDS}),
    prescribed=st.sampled_from(ANSWERS),
)
def test_the_band_words_never_contradict_the_answers(
    ketamine: LoadedBank,
    criteria: dict[str, Answer],
    health: dict[str, Answer],
    prescribed: Answer,
) -> None:
    """ "No pattern of concern" only when no "not sure" could change the band and no health
    flag is raised; a "could be" band only when "not sure" answers, as yes, reach it."""
    answers: dict[str, Answer] = {"used_past_year": "yes", "prescribed_only": prescribed}
    result = score(ketamine.bank, answers | criteria | health)
    assert result.band is not None
    lowest = min(ketamine.bank.scoring.bands, key=lambda band: band.min)
    health_flag = any(flag.level in {"medical", "urgent", "crisis"} for flag in result.flags)
    counted = [c for c in result.criteria if c.counted]
    reachable = result.criteria_met + sum(1 for c in counted if c.answer == "unsure")
    if result.band.message.startswith(lowest.message):  # its advice follows (issue 21)
        assert dsm_band(reachable) == "none" and not health_flag
    if result.could_be is not None:
        assert result.could_be.id == dsm_band(reachable) != result.band.id
    else:
        assert dsm_band(reachable) == result.band.id


def test_not_sure_raises_the_advice_in_its_own_words(ketamine: LoadedBank) -> None:
    answers = full_answers(dict.fromkeys(CRITERION_IDS, "no"))
    answers["blood_in_urine"] = "unsure"
    (flag,) = score(ketamine.bank, answers).flags
    assert (flag.id, flag.unsure) == ("blood_in_urine", True)
    assert flag.advice.startswith("If you're not sure, it's still worth a check")
    answers["blood_in_urine"] = "yes"
    (flag,) = score(ketamine.bank, answers).flags
    assert not flag.unsure and flag.advice.startswith("Blood in your urine needs")


@pytest.mark.parametrize("band_id", ["none", "mild", "moderate", "severe"])
def test_each_band_is_reported_with_its_label_message_and_range(
    ketamine: LoadedBank, band_id: str
) -> None:
    band = next(band for band in ketamine.bank.scoring.bands if band.id == band_id)
    yes = CRITERION_IDS[: band.max]
    result = score(ketamine.bank, full_answers(dict.fromkeys(yes, "yes")))
    # One sign met is worded as one (issue 21).
    message = band.message_if_one if band.max == 1 and band.message_if_one else band.message
    message = f"{message} {band.advice}" if band.advice else message  # issue 21
    assert result.band == BandResult(
        id=band.id, label=band.label, message=message, min=band.min, max=band.max
    )


def test_the_prescribed_use_rule_says_what_it_did(ketamine: LoadedBank) -> None:
    result = score(ketamine.bank, full_answers({"tolerance": "yes"}, prescribed="yes"))
    (adaptation,) = ketamine.bank.scoring.adaptations
    assert result.adaptations == (AppliedAdaptation(id=adaptation.id, message=adaptation.message),)
    tolerance = next(c for c in result.criteria if c.item == "tolerance")
    assert tolerance == CriterionResult(
        number=10, item="tolerance", cluster=tolerance.cluster, answer="yes", counted=False
    )


def test_every_part_of_a_score_on_a_bank_of_other_shapes() -> None:
    """tests/data/check_shapes.yaml: criteria listed 2, 1, 3; a cluster with no term; no gate;
    two crisis flags on one question; an adaptation. The whole Score is compared."""
    bank = load_bank(DATA / "check_shapes.yaml").bank
    answers: dict[str, Code] = {
        "prescribed": "yes",
        "second": "yes",
        "first": "yes",
        "third": "unsure",
        "mood": "unsure",
    }
    assert score(bank, answers) == Score(
        answers=answers,
        criteria_met=1,
        criteria_applicable=2,
        criteria_total=3,
        unsure=("third", "mood"),
        gate_closed=False,
        band=BandResult(id="some", label="some criteria", message="Some showed.", min=1, max=2),
        clusters=(
            ClusterResult(
                id="control", title="Control", term="Impaired control", met=1, of=2, unsure=1
            ),
            ClusterResult(id="body", title="Body", term="Body", met=0, of=0, unsure=0),
        ),
        criteria=(
            CriterionResult(number=1, item="first", cluster="control", answer="yes", counted=True),
            CriterionResult(number=2, item="second", cluster="body", answer="yes", counted=False),
            CriterionResult(
                number=3, item="third", cluster="control", answer="unsure", counted=True
            ),
        ),
        adaptations=(
            AppliedAdaptation(
                id="prescribed_second", message="The second one is not counted when prescribed."
            ),
        ),
        flags=(
            RaisedFlag(
                id="crisis_maybe",
                level="crisis",
                title="Maybe in crisis",
                advice="Call a crisis line.",
                unsure=True,
            ),
            RaisedFlag(id="worry", level="info", title="A worry", advice="Think about it."),
        ),
    )


def test_the_band_words_follow_what_was_raised_and_what_was_unclear(ketamine: LoadedBank) -> None:
    """Exact words: any flag, an info flag alone too, takes the flagged message (issue 21);
    'not sure' answers that could change the band take the unclear one, and could_be names
    that band with its own sentence."""
    bank = ketamine.bank
    bands = {band.id: band for band in bank.scoring.bands}
    lowest = bands["none"]
    all_no = full_answers(dict.fromkeys(CRITERION_IDS, "no"))
    assert lowest.message_if_flagged is not None and lowest.message_if_unclear is not None
    info_only = score(bank, {**all_no, "memory": "yes"})
    assert [flag.level for flag in info_only.flags] == ["info"]
    assert info_only.band is not None and info_only.band.message.startswith(
        lowest.message_if_flagged
    )
    health = score(bank, {**all_no, "blood_in_urine": "yes"})
    assert health.band is not None and health.band.message.startswith(lowest.message_if_flagged)
    assert health.could_be is None
    unsure: dict[str, Answer] = {
        item_id: "unsure" if number < 4 else "no" for number, item_id in enumerate(CRITERION_IDS)
    }
    unclear = score(bank, full_answers(unsure))
    assert unclear.band is not None and unclear.band.message.startswith(lowest.message_if_unclear)
    assert unclear.could_be is not None
    assert (unclear.could_be.id, unclear.could_be.message) == (
        "moderate",
        bands["moderate"].could_be,
    )


def test_a_band_without_a_could_be_sentence_is_named_without_words() -> None:
    """could_be is optional in a bank: the band is still named, with no words made up."""
    bank = load_bank(DATA / "minimal.yaml").bank
    result = score(bank, {"used": "yes", "first": "unsure", "second": "no", "mood": "no"})
    assert result.could_be is not None
    assert (result.could_be.id, result.could_be.message) == ("some", "")


def test_a_flag_on_a_declared_path_says_that_paths_advice(ketamine: LoadedBank) -> None:
    """Every flag with a path (prescribed treatment) says that path's words when its `when`
    holds, and its own otherwise: for each such flag, raised by a firm yes."""
    from screener.rules.scoring import holds, raised_flags

    checked = 0
    for flag in ketamine.bank.flags:
        for path in flag.on_path:
            condition = flag.when_any[0]
            raising: dict[str, Answer] = {condition.item: "yes"}
            on_path: dict[str, Answer] = {**_satisfying(path.when), **raising}
            if not holds(path.when, on_path):
                continue
            said = {raised.id: raised.advice for raised in raised_flags(ketamine.bank, on_path)}
            if flag.id not in said:
                continue
            assert said[flag.id] == path.advice, flag.id
            checked += 1
    assert checked >= 3  # the prescribed path's flags (bladder, low mood, ...)


def _satisfying(condition: object) -> dict[str, Answer]:
    """Answers that make a simple condition ({item, answers}) hold."""
    item = getattr(condition, "item", None)
    answers = getattr(condition, "answers", ())
    return {item: answers[0]} if item and answers else {}
