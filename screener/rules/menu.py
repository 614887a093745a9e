"""The next steps a person is offered, in the order their answers give them, and the closing
sentence: the bank's `menu` changes only the order and that sentence, never which steps show."""

from __future__ import annotations

from collections.abc import Mapping

from screener.models.bank import Bank
from screener.models.base import Code
from screener.models.menu import MenuOrder, NextStep
from screener.rules.scoring import holds


def shown_steps(bank: Bank, answers: Mapping[str, Code]) -> tuple[NextStep, ...]:
    """Every next step its own show_if and hide_if allow, in the bank's order."""
    return tuple(
        step
        for step in bank.next_steps
        if (step.show_if is None or holds(step.show_if, answers))
        and not (step.hide_if is not None and holds(step.hide_if, answers))
    )


def menu_order(bank: Bank, answers: Mapping[str, Code]) -> MenuOrder | None:
    """The first menu entry whose answer was given; None when none was."""
    return next((order for order in bank.menu if holds(order.when, answers)), None)


def next_steps(bank: Bank, answers: Mapping[str, Code]) -> tuple[tuple[NextStep, ...], str | None]:
    """The steps shown, those the answer puts first leading in its order, then the rest in the
    bank's; and the closing sentence for that answer (None without one)."""
    steps = shown_steps(bank, answers)
    order = menu_order(bank, answers)
    if order is None:
        return steps, None
    shown = {step.id: step for step in steps if step.id is not None}
    leading = [shown[step_id] for step_id in order.first if step_id in shown]
    rest = [step for step in steps if step.id not in order.first]
    return (*leading, *rest), order.closing
