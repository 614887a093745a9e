"""A counsellor's intake: the walk with notes and a review of every answer. No UI."""

from __future__ import annotations

import enum
from typing import Protocol

import msgspec

from screener.models.bank import Bank, Item
from screener.models.base import Code
from screener.models.wording import UiStrings
from screener.rules.labels import Labels
from screener.rules.scoring import asked_items, effective_answers
from screener.rules.walk import Asker, Ending, State, Walk, walk
from screener.safetext import UNSAFE

MAX_CLIENT_REFERENCE = 40
"""A short code from the case notes, such as K-0142: room for a code, not for a life story."""


MAX_NOTE = 200
"""A note is one line beside an answer; longer thoughts belong in the case notes."""


def as_one_safe_line(typed: str) -> str:
    """Typed text as a record keeps it: control characters (an arrow key's escape codes) gone,
    runs of spaces made one."""
    return " ".join(UNSAFE.sub("", typed).split())


def one_safe_line_within(text: str, limit: int) -> bool:
    """One line, safe to show, and no longer than `limit` characters."""
    return len(text) <= limit and "\n" not in text and UNSAFE.search(text) is None


class ReviewAction(enum.Enum):
    FINISH = "finish"
    QUIT = "quit"


class Change(msgspec.Struct, frozen=True):
    """Go to question `number` (as numbered on the review screen) to change it or its note."""

    number: int


ReviewChoice = ReviewAction | Change


class ReviewRow(msgspec.Struct, frozen=True):
    """One answer on the review screen, numbered as the questions were."""

    number: int
    item: Item
    answer: Code
    """As files hold it; in words: `rules/labels.py` `answer_label()`."""
    note: str | None
    label: str
    """What the question is for: its criterion and cluster, or gate, or health."""

    @property
    def heading(self) -> str:
        """'Gave up activities (criterion 7, social impairment)': the question as a counsellor
        names it."""
        return f"{self.item.name} ({self.label})"


class CounsellorAsker(Asker, Protocol):
    """An Asker that can also show the review screen and say what the counsellor chose."""

    def review(self, rows: list[ReviewRow]) -> ReviewChoice: ...


def interview(
    bank: Bank, asker: CounsellorAsker, strings: UiStrings, state: State | None = None
) -> Walk:
    """The walk, then the review until the counsellor finishes: the result comes after.
    `state` gathers the answers (the caller may keep it, to file them if the session ends)."""
    state = state if state is not None else State()
    walked = walk(bank, asker, state)
    while walked.ending is Ending.COMPLETED:
        rows = review_rows(bank, state, strings)
        choice = asker.review(rows)
        if choice is ReviewAction.FINISH:
            return walked
        if choice is ReviewAction.QUIT:
            return state.walked(bank, Ending.QUIT)
        chosen = next(row for row in rows if row.number == choice.number)
        walked = walk(bank, asker, state, revisit=chosen.item.id)
    return walked


def review_rows(bank: Bank, state: State, strings: UiStrings) -> list[ReviewRow]:
    """Every question that applies and has an answer (an intake stopped at the crisis
    screen has not all), with its note, in the order asked."""
    answers = effective_answers(bank, state.answers)
    answered = [item for item in asked_items(bank, answers) if item.id in answers]
    return [
        ReviewRow(
            number,
            item,
            answers[item.id],
            state.notes.get(item.id),
            item_label(bank, item, strings),
        )
        for number, item in enumerate(answered, start=1)
    ]


def item_label(bank: Bank, item: Item, strings: UiStrings) -> str:
    """'criterion 1, impaired control', 'gate' or 'health': what a question is for."""
    return Labels(bank, strings).criterion(item)


def about_item(bank: Bank, item: Item, strings: UiStrings) -> str:
    """The line beside a question for the counsellor: its criterion and cluster, or its role."""
    intake = strings.intake
    if item.criterion is not None:
        return intake.about_criterion.format(
            number=item.criterion,
            total=bank.scoring.criteria,
            cluster=Labels(bank, strings).cluster(item.cluster),
        )
    if item.kind != "gate":
        return _about_answer_effect(bank, item, strings)
    gate = bank.scoring.gate
    counted = [
        f"{criterion.criterion}"
        for adaptation in bank.scoring.adaptations
        if adaptation.when.item == item.id
        for criterion in bank.items
        if criterion.id in adaptation.not_counted and criterion.criterion is not None
    ]
    if counted and (gate is None or gate.item != item.id):  # it decides a count, not the gate
        return intake.about_adaptation.format(criteria=", ".join(counted))
    return intake.about_gate


def _about_answer_effect(bank: Bank, item: Item, strings: UiStrings) -> str:
    """A question that is no criterion and no gate, by what its answer can change: a flag;
    else the next steps or advice (their choice or order); else nothing but the record."""
    intake = strings.intake
    if any(condition.item == item.id for flag in bank.flags for condition in flag.when_any):
        return intake.about_health
    feedback = [
        *(order.when for order in bank.menu),
        *(step.show_if for step in bank.next_steps),
        *(step.hide_if for step in bank.next_steps),
        *(path.when for band in bank.scoring.bands for path in band.advice_on_path),
        *(path.when for flag in bank.flags for path in flag.on_path),
    ]
    if any(condition is not None and condition.item == item.id for condition in feedback):
        return intake.about_feedback
    return intake.about_recorded
