"""What each answer of a scale item changes, found from every rule that names answers.

explain and the handout list a scale's options with what each one does: the questions it
opens, the flags it raises, the next steps it shows or hides, the words said on its path.
Nothing here knows a particular question: every condition of the explanation is a `Use`, so a
rule added to the bank model is shown once `uses()` lists it.
"""

from __future__ import annotations

import msgspec

from screener.models.trainer_wording import ScaleTrainerStrings
from screener.models.wording import TrainerStrings
from screener.reports.essentials import with_full_stop
from screener.reports.explain import ExplainedCondition, ExplainedItem, Explanation, spans


class Use(msgspec.Struct, frozen=True):
    """A rule that holds when `condition` does, and what it then does, in words."""

    condition: ExplainedCondition
    effect: str


def uses(explanation: Explanation, words: TrainerStrings) -> list[Use]:
    """Every rule that names an item's answers, in the handout's order."""
    scales = words.scales
    found: list[Use] = []
    gate = explanation.gate
    if gate is not None:
        closing = ExplainedCondition(item=gate.item, number=gate.number, answers=gate.closed_when)
        found.append(Use(closing, scales.effect_gate))
    opened: dict[ExplainedCondition, list[int]] = {}
    for item in explanation.items:
        if item.asked_if is not None:
            opened.setdefault(item.asked_if, []).append(item.number)
    found += [
        Use(condition, scales.effect_asks.format(questions=spans(numbers, "Q")))
        for condition, numbers in opened.items()
    ]
    for adaptation in explanation.adaptations:
        criteria = words.and_word.join(
            words.criterion_reference.format(number=number, item=item_id)
            for number, item_id in zip(adaptation.criteria, adaptation.not_counted, strict=True)
        )
        found.append(Use(adaptation.when, scales.effect_adaptation.format(criteria=criteria)))
    for flag in explanation.flags:
        found += [
            Use(given, scales.effect_flag.format(title=flag.title)) for given in flag.when_any
        ]
        found += [
            Use(path.when, scales.effect_flag_path.format(title=flag.title, advice=path.advice))
            for path in flag.on_path
        ]
    for step in explanation.next_steps:
        if step.show_if is not None:
            found.append(Use(step.show_if, scales.effect_step_shown.format(title=step.title)))
        if step.hide_if is not None:
            found.append(Use(step.hide_if, scales.effect_step_hidden.format(title=step.title)))
    for order in explanation.menu:
        first = scales.effect_menu_first.format(titles=", ".join(order.first))
        said = scales.effect_menu_closing.format(text=order.closing) if order.closing else ""
        found.append(Use(order.when, f"{first}{said}"))
    for band in explanation.bands:
        found += [
            Use(path.when, scales.effect_band_path.format(band=band.label, advice=path.advice))
            for path in band.advice_on_path
        ]
    return found


def option_lines(
    item: ExplainedItem,
    found: list[Use],
    scales: ScaleTrainerStrings,
    unsure_label: str,
    unsure_key: str,
) -> tuple[str, ...]:
    """One line per answer of a scale, in order: its number, key, words, code and points,
    then what it changes ('raises the flag Frequent use'); not sure last, when offered, with
    the number and key the prompt gives it and its label capitalised as the prompt shows it."""

    def changes(code: str) -> str:
        effects = [
            use.effect
            for use in found
            if use.condition.item == item.id and code in use.condition.answers
        ]
        return "; ".join(effects) if effects else scales.effects_none

    lines = [
        with_full_stop(
            scales.option_entry.format(
                number=option.number,
                key=option.key,
                text=option.text,
                code=option.code,
                points=""
                if option.points is None
                else scales.option_points.format(points=option.points),
            )
            + f": {changes(option.code)}"
        )
        for option in item.options
    ]
    if item.unsure:
        entry = scales.option_unsure.format(
            number=len(item.options) + 1,
            key=unsure_key,
            text=unsure_label[:1].upper() + unsure_label[1:],
        )
        lines.append(with_full_stop(f"{entry}: {changes('unsure')}"))
    return tuple(lines)
