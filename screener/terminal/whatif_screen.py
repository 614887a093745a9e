"""The what-if loop: a trainer flips answers by number and sees the result change at once."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import zip_longest

import msgspec
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from screener.models.bank import Item
from screener.models.base import Code
from screener.models.result import Score
from screener.render.answer_list import Hanging
from screener.reports.explain import ExplainedCondition, condition_text, spans
from screener.reports.summary import build_summary
from screener.rules.menu import next_steps
from screener.rules.result import build_result
from screener.rules.scoring import asked_items, missing_answers, score
from screener.rules.whatif import (
    Finish,
    Flipped,
    ListAnswers,
    NotAnAnswer,
    Refusal,
    Reset,
    ShowSummary,
    apply_flip,
    diff,
    parse_command,
)
from screener.terminal.prompt import ask_line
from screener.terminal.trainer_screen import TrainerScreen

GUTTER = 3
"""Spaces between the two columns of answers."""


def what_if(screen: TrainerScreen, answers: Mapping[str, Code]) -> None:
    """Flip answers by question number and watch the result change, until q or end of input.
    r goes back to the answers given; s shows the person's summary for the answers now."""
    setup, words = screen.setup, screen.words
    bank = setup.loaded.bank
    current = dict(answers)
    now = score(bank, current)
    numbers = {item.id: number for number, item in enumerate(bank.items, start=1)}
    scales = {numbers[item.id]: item for item in bank.items if item.options}
    screen.heading(words.whatif_heading)
    screen.say(words.whatif_help)
    if scales:
        number, scale = next(iter(scales.items()))
        example = f"{number} {scale.options[-1].key}"
        screen.say(words.scales.whatif_scale_help.format(example=example))
    list_answers(screen, current)
    screen.gap()
    screen.state(now)
    while True:
        screen.gap()
        try:
            typed = ask_line(screen.console, f"{words.whatif_prompt}:", plain=screen.plain)
        except EOFError:  # Ctrl-D ends it as q does; no echoed Enter ended the prompt's line
            screen.console.print()
            return
        if not typed.strip():
            continue
        command = parse_command(
            typed,
            setup.strings.answer_words,
            list_words=words.whatif_list_words,
            quit_words=setup.strings.command_words.quit,
            reset_words=words.whatif_reset_words,
            summary_words=words.whatif_summary_words,
            scales=scales,
        )
        if isinstance(command, Finish):
            return
        if isinstance(command, Reset):
            current, now = dict(answers), score(bank, answers)
            screen.say(Text(words.whatif_reset_done, style="bold"))
            list_answers(screen, current)
            screen.gap()
            screen.state(now)
            continue
        if isinstance(command, ShowSummary):
            result = build_result(setup.loaded, now, setup.region)
            screen.sections(build_summary(bank, result, setup.region, setup.strings))
            continue
        if isinstance(command, ListAnswers):
            list_answers(screen, current)
            continue
        if command is None:
            screen.say(words.whatif_not_understood)
            continue
        if isinstance(command, NotAnAnswer):
            takes(screen, command.number, scales[command.number])
            continue
        outcome = apply_flip(bank, current, command)
        if not isinstance(outcome, Flipped):
            if outcome.reason is Refusal.NOT_AN_ANSWER:
                assert outcome.item is not None
                takes(screen, outcome.number, outcome.item)
            elif outcome.reason is Refusal.NO_SUCH_QUESTION:
                screen.say(
                    words.whatif_no_question.format(number=outcome.number, total=len(bank.items))
                )
            else:
                assert outcome.item is not None and outcome.item.ask_if is not None
                asker = next(i for i in bank.items if i.id == outcome.item.ask_if.item)
                condition = ExplainedCondition(
                    item=asker.name,
                    number=numbers[asker.id],
                    answers=outcome.item.ask_if.answers,
                )
                options = {asker.name: {option.code: option.text for option in asker.options}}
                said = condition_text(condition, words, setup.strings.answer_labels, options)
                screen.say(
                    words.whatif_not_asked.format(
                        number=outcome.number, id=outcome.item.name, condition=said
                    )
                )
            continue
        before, asked_before = now, {item.id for item in asked_items(bank, current)}
        menu_before = menu(screen, before)
        current, now = outcome.answers, score(bank, outcome.answers)
        changes = diff(before, now)
        flipped = words.whatif_flipped.format(
            number=outcome.number,
            id=outcome.item.name,
            before=screen.label(outcome.item, outcome.before),
            after=screen.label(outcome.item, outcome.after),
        )
        screen.say(Text(flipped, style="bold"))
        screen.changes(changes, before, now, menu_changes(screen, menu_before, menu(screen, now)))
        asked_now = {item.id for item in asked_items(bank, current)}
        skipped = [numbers[item_id] for item_id in asked_before - asked_now]
        if skipped:
            screen.say(words.scales.whatif_now_skipped.format(questions=spans(skipped, "Q")))
        unanswered = [numbers[item_id] for item_id in missing_answers(bank, current)]
        opened = [numbers[i] for i in asked_now - asked_before if numbers[i] not in unanswered]
        if opened:
            screen.say(words.scales.whatif_now_asked.format(questions=spans(opened, "Q")))
        if unanswered:
            screen.say(words.whatif_now_asked.format(questions=spans(unanswered, "Q")))
        screen.gap()
        screen.state(now, changes, before)


class Menu(msgspec.Struct, frozen=True):
    """The next steps a person would read, by title in their order, and the closing sentence
    their answers pick (the bank's `menu`), if any."""

    steps: tuple[str, ...]
    closing: str | None


def menu(screen: TrainerScreen, scored: Score) -> Menu:
    """What the summary's next steps would read for these answers (the same rule it uses)."""
    steps, closing = next_steps(screen.setup.loaded.bank, scored.answers)
    return Menu(tuple(step.title for step in steps), closing)


def menu_changes(screen: TrainerScreen, old: Menu, new: Menu) -> tuple[str, ...]:
    """Steps shown or hidden, else a new order, and the closing words changed or gone: how
    an answer changed the person's menu."""
    scales = screen.words.scales
    said: list[str] = []
    if new.closing != old.closing:
        closing = new.closing
        said.append(
            scales.change_closing.format(text=closing) if closing else scales.change_closing_gone
        )
    shown = [scales.change_step_shown.format(title=t) for t in new.steps if t not in old.steps]
    hidden = [scales.change_step_hidden.format(title=t) for t in old.steps if t not in new.steps]
    if shown or hidden:
        return (*hidden, *shown, *said)
    if old.steps != new.steps:
        return (scales.change_steps_order.format(titles=", ".join(new.steps)), *said)
    return tuple(said)


def takes(screen: TrainerScreen, number: int, item: Item) -> None:
    """The answers a scale question takes, as its prompt offers them: 1 or w Weekly."""
    scales = screen.words.scales
    answers = [
        scales.whatif_take.format(number=place, key=option.key, text=option.text)
        for place, option in enumerate(item.options, start=1)
    ]
    if item.unsure:
        unsure = screen.setup.strings.answer_labels.unsure
        answers.append(f"{len(item.options) + 1} {unsure}")
    said = scales.whatif_takes.format(number=number, id=item.name, answers=", ".join(answers))
    screen.say(said)


def list_answers(screen: TrainerScreen, answers: Mapping[str, Code]) -> None:
    """Every question by number with its answer, or 'skipped' when the others skip it."""
    bank = screen.setup.loaded.bank
    asked = {item.id for item in asked_items(bank, answers)}
    lines = [
        screen.words.whatif_answer.format(
            number=number,
            id=item.name,
            answer=screen.label(item, answers.get(item.id))
            if item.id in asked
            else screen.words.whatif_skipped,
        )
        for number, item in enumerate(bank.items, start=1)
    ]
    screen.gap()
    half = (len(lines) + 1) // 2
    widest = max(map(cell_len, lines[:half])) + GUTTER + max(map(cell_len, lines[half:]), default=0)
    if screen.plain or screen.narrow or widest > screen.console.width:  # else a line wraps
        for line in lines:  # a wrapped line hangs under its question, not under its number
            screen.console.print(Hanging(line))
        return
    grid = Table.grid(padding=(0, GUTTER))
    grid.add_column()
    grid.add_column()
    for left, right in zip_longest(lines[:half], lines[half:], fillvalue=""):
        grid.add_row(Text(left), Text(right))
    screen.console.print(grid)
