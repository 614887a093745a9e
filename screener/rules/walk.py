"""The walk through a bank: order, gates, back, quit, crisis. No UI: it talks to an Asker."""

from __future__ import annotations

import enum
from typing import Protocol

import msgspec

from screener.models.bank import Bank, Flag, Item
from screener.models.base import Code
from screener.rules.scoring import asked_items, effective_answers, flag_raised_by


class Navigation(enum.Enum):
    BACK = "back"
    QUIT = "quit"


class Note(msgspec.Struct, frozen=True):
    """A one-line note for the current question's answer (empty removes it); asked again after."""

    text: str


Response = Code | Navigation | Note


class Step(msgspec.Struct, frozen=True):
    """One question as shown: the item, where it stands, and any earlier answer to keep."""

    item: Item
    number: int
    total: int
    earlier: Code | None
    note: str | None = None


class Asker(Protocol):
    """Whatever asks the questions: a terminal, a test script, a persona."""

    def ask(self, step: Step) -> Response: ...

    def at_first_question(self) -> None: ...

    def gate_closed(self) -> None: ...

    def crisis(self, flag: Flag) -> bool | Navigation:
        """Show crisis help at once; True to carry on with the questions, False to stop,
        Navigation.BACK to change the answer that raised it."""
        ...


class Ending(enum.Enum):
    COMPLETED = "completed"
    QUIT = "quit"
    STOPPED_AFTER_CRISIS = "stopped_after_crisis"


class Walk(msgspec.Struct, frozen=True):
    answers: dict[str, Code]
    ending: Ending
    notes: dict[str, str] = msgspec.field(default_factory=dict)


class State(msgspec.Struct):
    """What a walk has gathered; the intake keeps it across its review screen.

    Answers to questions a changed gate skips are kept here, so changing the gate back brings
    them back; only the answers that apply reach the Walk.
    """

    answers: dict[str, Code] = msgspec.field(default_factory=dict)
    notes: dict[str, str] = msgspec.field(default_factory=dict)
    shown_crisis: set[str] = msgspec.field(default_factory=set)

    def walked(self, bank: Bank, ending: Ending) -> Walk:
        answers = effective_answers(bank, self.answers)
        notes = {item_id: note for item_id, note in self.notes.items() if item_id in answers}
        return Walk(answers, ending, notes)


def walk(
    bank: Bank, asker: Asker, state: State | None = None, *, revisit: str | None = None
) -> Walk:
    """Ask every question that applies, in order, honouring back, notes, quit and crisis.

    With `revisit` (an item id), start at that question and, moving on, ask only questions
    that have no answer yet: the intake's review changes one answer this way, and any
    question the change opens is asked before the walk ends.
    """
    state = state if state is not None else State()
    answers = state.answers
    current = revisit or bank.items[0].id
    while True:
        plan = _plan(bank, answers)
        ids = [item.id for item in plan]
        position = ids.index(current)
        item = plan[position]
        step = Step(item, position + 1, len(plan), answers.get(item.id), state.notes.get(item.id))
        response = asker.ask(step)
        if response is Navigation.QUIT:
            return state.walked(bank, Ending.QUIT)
        if response is Navigation.BACK:
            if position == 0:
                asker.at_first_question()
            else:
                current = ids[position - 1]
            continue
        if isinstance(response, Note):
            if response.text:
                state.notes[item.id] = response.text
            else:
                state.notes.pop(item.id, None)
            continue

        if response not in item.codes:  # a defect in the asker: no condition could read it
            raise ValueError(
                f"'{response}' is not an answer to '{item.id}'; it takes {', '.join(item.codes)}"
            )
        was_closed = _gate_closed(bank, answers)
        answers[item.id] = response
        if _gate_closed(bank, answers) and not was_closed:
            asker.gate_closed()
        after_help = _offer_crisis_help(bank, item, state, asker)
        if after_help is Navigation.BACK:  # the answer was a slip: ask the question again
            continue
        if after_help is Ending.STOPPED_AFTER_CRISIS:
            return state.walked(bank, after_help)

        ids = [planned.id for planned in _plan(bank, answers)]
        later = ids[ids.index(item.id) + 1 :]
        if revisit is not None:
            unanswered = [item_id for item_id in ids if item_id not in answers]
            later = [item_id for item_id in later if item_id not in answers] or unanswered
        if not later:
            return state.walked(bank, Ending.COMPLETED)
        current = later[0]


def _offer_crisis_help(
    bank: Bank, item: Item, state: State, asker: Asker
) -> Navigation | Ending | None:
    """Crisis help for each crisis flag the answer to `item` raised, once a walk per flag.

    Returns Navigation.BACK when the person takes the answer back (help comes again if they
    give it again), Ending.STOPPED_AFTER_CRISIS when they stop, None to carry on.
    """
    for flag in _crisis_flags_raised_by(bank, item, state.answers):
        if flag.id in state.shown_crisis:
            continue
        state.shown_crisis.add(flag.id)
        choice = asker.crisis(flag)
        if choice is Navigation.BACK:
            state.shown_crisis.discard(flag.id)
            return Navigation.BACK
        if choice is False or choice is Navigation.QUIT:
            return Ending.STOPPED_AFTER_CRISIS
    return None


def _plan(bank: Bank, answers: dict[str, Code]) -> list[Item]:
    """The questions ahead as planned so far: an open condition counts as met until answered."""
    return asked_items(bank, answers, assume_unanswered_open=True)


def _gate_closed(bank: Bank, answers: dict[str, Code]) -> bool:
    gate = bank.scoring.gate
    return gate is not None and answers.get(gate.item) in gate.closed_when


def _crisis_flags_raised_by(bank: Bank, item: Item, answers: dict[str, Code]) -> list[Flag]:
    return [
        flag
        for flag in bank.flags
        if flag.level == "crisis"
        and any(
            condition.item == item.id and flag_raised_by(flag, condition, answers)
            for condition in flag.when_any
        )
    ]
