"""A scale question at the prompt: its options by number and key, and what a typed line means.

A question with its own answers (docs/answer-scales.md) offers them in the bank's order,
numbered 1, 2, 3... with each option's key beside it; "not sure" comes last, numbered after
them, only where the item declares `unsure: true`, with the language's not-sure key. Numbers
always work; keys are the bank language's, typed in any case.
"""

from __future__ import annotations

import msgspec
from rich.console import Console
from rich.table import Table
from rich.text import Text

from screener.models.bank import Item
from screener.models.base import Code
from screener.models.options import option_words
from screener.models.wording import UiStrings
from screener.safetext import printable
from screener.terminal.crisis_screen import say
from screener.terminal.typed import ascii_number

UNSURE: Code = "unsure"


class Choice(msgspec.Struct, frozen=True):
    """One answer a scale question offers, as the person reads and types it."""

    number: int
    key: str
    code: Code
    text: str


def is_scale(item: Item) -> bool:
    """Whether the question has its own answers, rather than yes / no / not sure."""
    return bool(item.options)


def choices_of(item: Item, strings: UiStrings) -> list[Choice]:
    """The options in order, numbered from 1, then not sure where the item offers it."""
    choices = [
        Choice(number, option.key, option.code, option.text)
        for number, option in enumerate(item.options, start=1)
    ]
    if item.unsure:
        key = strings.answer_words.unsure[0]
        label = strings.answer_labels.unsure  # "not sure", written as the options beside it are
        choices.append(Choice(len(choices) + 1, key, UNSURE, label[:1].upper() + label[1:]))
    return choices


def scale_answer(word: str, item: Item, strings: UiStrings) -> Code | None:
    """The answer a typed `word` (normalised: lower case, single spaces) gives a scale
    question, or None: a number (1..n, then n+1 for not sure), a key in any case, or an
    option's words; the not-sure words only where the item offers not sure. The commands
    (help, back, quit) are the caller's: a bank never gives an option a command's key."""
    choices = choices_of(item, strings)
    number = ascii_number(word)  # a fullwidth 2 is a 2; a superscript one is not
    if number is not None:
        return next((choice.code for choice in choices if choice.number == number), None)
    for choice in choices:
        if word in (choice.key.lower(), option_words(choice.text)):
            return choice.code
    if item.unsure and word in (option_words(known) for known in strings.answer_words.unsure):
        return UNSURE
    return None


def not_understood(item: Item, strings: UiStrings, *, intake: bool = False) -> str:
    """What a line that means none of the answers is told: the numbers and the keys."""
    choices = choices_of(item, strings)
    said = strings.scale.intake_not_understood if intake else strings.scale.not_understood
    return said.format(last=len(choices), keys=", ".join(choice.key for choice in choices))


def draw_options(console: Console, item: Item, strings: UiStrings, *, plain: bool) -> None:
    """The options as a numbered list, one a line, each with its key; nothing for yes/no."""
    if not item.options:
        return
    choices = choices_of(item, strings)
    if plain:
        for choice in choices:
            line = strings.scale.option_plain.format(
                number=choice.number, text=choice.text, key=choice.key
            )
            say(console, line, plain=True)
        return
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()  # only the words wrap, so a narrow screen keeps number and key whole
    for choice in choices:
        grid.add_row(str(choice.number), choice.key, Text(printable(choice.text)))
    console.print(grid)
