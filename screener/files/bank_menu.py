"""The checks on a bank's next steps and its `menu` (the order and closing words by answer)."""

from __future__ import annotations

from screener.errors import KeyPath
from screener.models.bank import Bank

Finding = tuple[KeyPath, str]


def check_menu(bank: Bank) -> list[Finding]:
    """Next step ids are unique; each menu entry names steps that exist, once each, and says
    something (an order or a closing sentence). Its `when` is checked with every condition."""
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for index, step in enumerate(bank.next_steps):
        if step.id is None:
            continue
        if step.id in seen:
            findings.append(
                (
                    ("next_steps", index, "id"),
                    f"id '{step.id}' is used twice (also next_steps[{seen[step.id]}])",
                )
            )
        seen.setdefault(step.id, index)
    known = ", ".join(seen) or "none has an id"
    for index, order in enumerate(bank.menu):
        if not order.first and order.closing is None:
            findings.append(
                (
                    ("menu", index),
                    "this entry changes nothing: give it `first` (next step ids), a `closing` "
                    "sentence, or both",
                )
            )
        listed: dict[str, int] = {}
        for number, step_id in enumerate(order.first):
            if step_id not in seen:
                findings.append(
                    (
                        ("menu", index, "first", number),
                        f"no next step with id '{step_id}' (next steps: {known})",
                    )
                )
            elif step_id in listed:
                findings.append(
                    (
                        ("menu", index, "first", number),
                        f"'{step_id}' is listed twice (also first[{listed[step_id]}])",
                    )
                )
            listed.setdefault(step_id, number)
    return findings
