"""The walk through a bank: order, gates, back, quit, crisis. No UI: it talks to an Asker."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from screener.models import Answer, Bank, Flag, Item
from screener.scoring import asked_items, effective_answers, holds


class Navigation(enum.Enum):
    BACK = "back"
    QUIT = "quit"


Response = Answer | Navigation


@dataclass(frozen=True)
class Step:
    """One question as shown: the item, where it stands, and any earlier answer to keep."""

    item: Item
    number: int
    total: int
    earlier: Answer | None


class Asker(Protocol):
    """Whatever asks the questions: a terminal, a test script, a persona."""

    def ask(self, step: Step) -> Response: ...

    def at_first_question(self) -> None: ...

    def gate_closed(self) -> None: ...

    def crisis(self, flag: Flag) -> bool:
        """Show crisis help at once; True to carry on with the questions."""
        ...


class Ending(enum.Enum):
    COMPLETED = "completed"
    QUIT = "quit"
    STOPPED_AFTER_CRISIS = "stopped_after_crisis"


@dataclass(frozen=True)
class Walk:
    answers: dict[str, Answer]
    ending: Ending


def walk(bank: Bank, asker: Asker) -> Walk:
    """Ask every question that applies, in order, honouring back, quit and crisis."""
    answers: dict[str, Answer] = {}
    shown_crisis: set[str] = set()
    current = bank.items[0].id
    while True:
        plan = asked_items(bank, answers, assume_unanswered_open=True)
        ids = [item.id for item in plan]
        position = ids.index(current)
        item = plan[position]
        response = asker.ask(Step(item, position + 1, len(plan), answers.get(item.id)))
        if response is Navigation.QUIT:
            return Walk(effective_answers(bank, answers), Ending.QUIT)
        if response is Navigation.BACK:
            if position == 0:
                asker.at_first_question()
            else:
                current = ids[position - 1]
            continue

        was_closed = _gate_closed(bank, answers)
        answers[item.id] = response
        if _gate_closed(bank, answers) and not was_closed:
            asker.gate_closed()
        for flag in _crisis_flags_raised_by(bank, item, answers):
            if flag.id in shown_crisis:
                continue
            shown_crisis.add(flag.id)
            if not asker.crisis(flag):
                return Walk(effective_answers(bank, answers), Ending.STOPPED_AFTER_CRISIS)

        plan = asked_items(bank, answers, assume_unanswered_open=True)
        ids = [planned.id for planned in plan]
        position = ids.index(item.id)
        if position + 1 == len(ids):
            return Walk(effective_answers(bank, answers), Ending.COMPLETED)
        current = ids[position + 1]


def _gate_closed(bank: Bank, answers: dict[str, Answer]) -> bool:
    gate = bank.scoring.gate
    return gate is not None and answers.get(gate.item) in gate.closed_when


def _crisis_flags_raised_by(bank: Bank, item: Item, answers: dict[str, Answer]) -> list[Flag]:
    return [
        flag
        for flag in bank.flags
        if flag.level == "crisis"
        and any(
            condition.item == item.id and holds(condition, answers) for condition in flag.when_any
        )
    ]
