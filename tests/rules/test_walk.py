"""The walk: order, progress, back, the gate, quit and the crisis interruption."""

from __future__ import annotations

from screener.files.bank import load_bank
from screener.models.bank import LoadedBank
from screener.rules.walk import Ending, Navigation, Note, State, walk
from tests.helpers import CRITERION_IDS, DATA, QUESTIONS, ScriptedAsker, asked_ids, script


def test_a_whole_walk_asks_every_question_in_order(ketamine: LoadedBank) -> None:
    asker = ScriptedAsker(script(["yes", "no"], ["no"] * (QUESTIONS - 2)))
    result = walk(ketamine.bank, asker)
    assert result.ending is Ending.COMPLETED
    assert asked_ids(asker) == [item.id for item in ketamine.bank.items]
    assert [(s.number, s.total) for s in asker.steps] == [
        (n, QUESTIONS) for n in range(1, QUESTIONS + 1)
    ]
    assert len(result.answers) == QUESTIONS


def test_no_use_skips_the_past_year_questions_and_says_so(ketamine: LoadedBank) -> None:
    asker = ScriptedAsker(script("no", ["no"] * 7))
    result = walk(ketamine.bank, asker)
    assert result.ending is Ending.COMPLETED
    assert asked_ids(asker)[1] == "bladder_symptoms"
    assert asker.events == ["gate"]
    assert [(s.number, s.total) for s in asker.steps][:2] == [(1, QUESTIONS), (2, 8)]


def test_back_returns_to_the_previous_question_with_its_answer(ketamine: LoadedBank) -> None:
    asker = ScriptedAsker(script(Navigation.BACK, "yes", "no", Navigation.BACK, "yes", ["no"] * 19))
    result = walk(ketamine.bank, asker)
    assert asker.events == ["first"]
    assert asked_ids(asker)[:5] == [
        "used_past_year",
        "used_past_year",
        "prescribed_only",
        "how_often",
        "prescribed_only",
    ]
    assert asker.steps[4].earlier == "no"
    assert result.answers["prescribed_only"] == "yes"


def test_changing_the_gate_on_the_way_back_drops_later_answers(ketamine: LoadedBank) -> None:
    asker = ScriptedAsker(script("yes", "no", "no", "yes", [Navigation.BACK] * 4, "no", ["no"] * 7))
    result = walk(ketamine.bank, asker)
    assert result.ending is Ending.COMPLETED
    assert "more_than_meant" not in result.answers
    assert "prescribed_only" not in result.answers


def test_quit_ends_at_once(ketamine: LoadedBank) -> None:
    asker = ScriptedAsker(script("yes", Navigation.QUIT))
    assert walk(ketamine.bank, asker).ending is Ending.QUIT
    assert len(asker.steps) == 2


def test_crisis_help_comes_straight_after_the_answer(ketamine: LoadedBank) -> None:
    asker = ScriptedAsker(script("no", ["no"] * 6, "yes"))
    result = walk(ketamine.bank, asker)
    assert asker.events == ["gate", "crisis:self_harm:after-question-8"]
    assert result.ending is Ending.COMPLETED


def test_stopping_after_crisis_help_ends_the_walk(ketamine: LoadedBank) -> None:
    asker = ScriptedAsker(script("no", ["no"] * 6, "unsure"), keep_going_after_crisis=False)
    assert walk(ketamine.bank, asker).ending is Ending.STOPPED_AFTER_CRISIS


def test_going_back_from_crisis_help_asks_the_same_question_again(ketamine: LoadedBank) -> None:
    """A 'yes' given by mistake: back from the help screen, the question again, then on."""
    asker = ScriptedAsker(script("no", ["no"] * 6, "yes", "no"), crisis_choices=[Navigation.BACK])
    result = walk(ketamine.bank, asker)
    assert asked_ids(asker)[-2:] == ["self_harm_thoughts", "self_harm_thoughts"]
    assert asker.steps[-1].earlier == "yes"
    assert asker.events == ["gate", "crisis:self_harm:after-question-8"]
    assert result.ending is Ending.COMPLETED
    assert result.answers["self_harm_thoughts"] == "no"


def test_the_same_answer_after_going_back_brings_crisis_help_again(
    ketamine: LoadedBank,
) -> None:
    asker = ScriptedAsker(script("no", ["no"] * 6, "yes", "yes"), crisis_choices=[Navigation.BACK])
    result = walk(ketamine.bank, asker)
    assert asker.events == [
        "gate",
        "crisis:self_harm:after-question-8",
        "crisis:self_harm:after-question-9",
    ]
    assert result.ending is Ending.COMPLETED


def test_crisis_help_is_shown_once_even_if_answered_again(ketamine: LoadedBank) -> None:
    """The crisis question is the last one, so it is answered again from a review."""
    state = State()
    asker = ScriptedAsker(script("no", ["no"] * 6, "yes"))
    walk(ketamine.bank, asker, state)
    again = ScriptedAsker(script("unsure"))
    result = walk(ketamine.bank, again, state, revisit="self_harm_thoughts")
    assert asker.events == ["gate", "crisis:self_harm:after-question-8"]
    assert again.events == []
    assert result.answers["self_harm_thoughts"] == "unsure"


def test_a_note_is_kept_with_its_answer_and_the_question_asked_again(
    ketamine: LoadedBank,
) -> None:
    asker = ScriptedAsker(
        script("yes", Note("weekends only"), "no", ["no"] * 4, Note("first"), Note(""), "no")
        + script(Note("second"), "yes", ["no"] * 15)
    )
    result = walk(ketamine.bank, asker)
    assert asked_ids(asker)[1:3] == ["prescribed_only", "prescribed_only"]
    assert asker.steps[1].note is None and asker.steps[2].note == "weekends only"
    assert result.notes == {"prescribed_only": "weekends only", "duties": "second"}
    assert result.answers["duties"] == "yes"


def test_notes_go_with_answers_a_changed_gate_drops(ketamine: LoadedBank) -> None:
    asker = ScriptedAsker(script("yes", "no", "no", Note("often"), "yes", [Navigation.BACK] * 4))
    asker.responses += script("no", ["no"] * 7)
    result = walk(ketamine.bank, asker)
    assert result.ending is Ending.COMPLETED
    assert result.notes == {}


def completed_state(ketamine: LoadedBank, *, used: bool = True) -> State:
    state = State()
    first = script("yes", "no", ["no"] * (QUESTIONS - 2)) if used else script("no", ["no"] * 7)
    walk(ketamine.bank, ScriptedAsker(first), state)
    return state


def test_revisiting_one_answer_asks_only_that_question(ketamine: LoadedBank) -> None:
    state = completed_state(ketamine)
    asker = ScriptedAsker(script(Note("lost a job"), "yes"))
    result = walk(ketamine.bank, asker, state, revisit="duties")
    assert asked_ids(asker) == ["duties", "duties"]
    assert asker.steps[0].earlier == "no" and asker.steps[0].number == 8
    assert result.ending is Ending.COMPLETED
    assert result.answers["duties"] == "yes" and result.notes == {"duties": "lost a job"}
    assert len(result.answers) == QUESTIONS


def test_revisiting_the_gate_asks_every_question_it_opens(ketamine: LoadedBank) -> None:
    state = completed_state(ketamine, used=False)
    asker = ScriptedAsker(script("yes", "no", "no", ["no"] * 10, "no", "no", "no"))
    result = walk(ketamine.bank, asker, state, revisit="used_past_year")
    assert asked_ids(asker) == [
        "used_past_year",
        "prescribed_only",
        "how_often",
        *CRITERION_IDS,
        "mixing_sedatives",
        "injecting",
        "feeling_about_use",
    ]
    assert len(result.answers) == QUESTIONS


def test_closing_and_reopening_the_gate_brings_earlier_answers_back(
    ketamine: LoadedBank,
) -> None:
    state = completed_state(ketamine)
    state.answers["craving"] = "yes"
    closed = walk(ketamine.bank, ScriptedAsker(["no"]), state, revisit="used_past_year")
    assert "craving" not in closed.answers and len(closed.answers) == 8
    reopened = walk(ketamine.bank, ScriptedAsker(["yes"]), state, revisit="used_past_year")
    assert reopened.answers["craving"] == "yes" and len(reopened.answers) == QUESTIONS


def test_enter_on_a_revisited_question_keeps_it_and_ends(ketamine: LoadedBank) -> None:
    state = completed_state(ketamine)
    asker = ScriptedAsker(script(Navigation.BACK, "no"))
    result = walk(ketamine.bank, asker, state, revisit="more_than_meant")
    assert asked_ids(asker) == ["more_than_meant", "how_often"]
    assert result.ending is Ending.COMPLETED and len(result.answers) == QUESTIONS


def test_a_second_crisis_flag_on_the_same_question_is_still_shown() -> None:
    """'not sure' raises one crisis flag; changing it to 'yes' raises another, shown too."""
    bank = load_bank(DATA / "check_shapes.yaml").bank
    state = State()
    asker = ScriptedAsker(script("no", ["no"] * 3, "unsure"))
    walk(bank, asker, state)
    again = ScriptedAsker(script("yes"))
    walk(bank, again, state, revisit="mood")
    assert asker.events == ["crisis:crisis_maybe:after-question-5"]
    assert again.events == ["crisis:crisis_now:after-question-1"]


def test_a_revisit_asks_what_is_unanswered_later_then_earlier(ketamine: LoadedBank) -> None:
    """Coming back to a walk that was left with gaps, every gap is asked before it ends."""
    state = completed_state(ketamine)
    del state.answers["craving"], state.answers["self_harm_thoughts"]
    asker = ScriptedAsker(script("yes", "no", "no"))
    result = walk(ketamine.bank, asker, state, revisit="duties")
    assert asked_ids(asker) == ["duties", "self_harm_thoughts", "craving"]
    assert result.ending is Ending.COMPLETED and len(result.answers) == QUESTIONS


def test_removing_a_note_that_was_never_written_is_harmless(ketamine: LoadedBank) -> None:
    asker = ScriptedAsker(script("no", Note(""), ["no"] * 7))
    result = walk(ketamine.bank, asker)
    assert result.ending is Ending.COMPLETED and result.notes == {}
    assert asked_ids(asker)[:3] == ["used_past_year", "bladder_symptoms", "bladder_symptoms"]
