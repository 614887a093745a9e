"""The terminal Asker: the only place that reads the keyboard. Rich layout or plain text."""

from __future__ import annotations

import enum
import textwrap

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from screener.models import ANSWERS, Answer, Bank, Flag, Region, UiStrings
from screener.resources import crisis_contacts
from screener.safetext import printable
from screener.session import Navigation, Response, Step
from screener.summary import contact_entries


class Command(enum.Enum):
    HELP = "help"


Typed = Answer | Navigation | Command

NUMBERED: dict[str, Answer] = {"1": "yes", "2": "no", "3": "unsure"}


def normalise(raw: str) -> str:
    """Lower case, single spaces, no surrounding punctuation: ' Not  sure. ' -> 'not sure'."""
    return " ".join(raw.lower().split()).strip(" .!,;:")


def interpret(raw: str, strings: UiStrings) -> Typed | None:
    """What a typed line means, or None if it means nothing we know."""
    word = normalise(raw)
    if raw.strip() == "?":
        return Command.HELP
    if word in NUMBERED:
        return NUMBERED[word]
    for answer in ANSWERS:
        if word in getattr(strings.answer_words, answer):
            return answer
    commands = strings.command_words
    if word in commands.help:
        return Command.HELP
    if word in commands.back:
        return Navigation.BACK
    if word in commands.quit:
        return Navigation.QUIT
    return None


class ConsoleAsker:
    """Asks on a Rich console, one question at a time; Ctrl-C and Ctrl-D propagate."""

    def __init__(
        self, console: Console, strings: UiStrings, region: Region, *, plain: bool
    ) -> None:
        self.console = console
        self.strings = strings
        self.region = region
        self.plain = plain

    # --- the Asker protocol -------------------------------------------------------------

    def intro(self, bank: Bank) -> bool:
        """Show what this is; True to begin, False if the person quits at once."""
        self._heading(bank.title)
        for paragraph in bank.intro:
            self._paragraph(paragraph)
        self._paragraph(self.strings.how_to_answer)
        while True:
            self.console.print()
            typed = self._read(self.strings.start_prompt)
            word = normalise(typed)
            if not word:
                return True
            if word in self.strings.command_words.quit:
                return False

    def ask(self, step: Step) -> Response:
        strings = self.strings
        self.console.print()
        progress = strings.progress.format(number=step.number, total=step.total)
        if self.plain:
            self._say(progress + ".")
            self._say(step.item.text)
            self._say(strings.choices_plain)
        else:
            self.console.print(Text(progress, style="dim"))
            self.console.print(Text(printable(step.item.text), style="bold"))
            keys = f"{strings.choices}   {strings.commands}"
            if len(keys) > self.console.width:  # narrow: never split a key from its word
                keys = f"{strings.choices}\n{strings.commands}"
            self.console.print(Text(keys, style="dim"))
        if step.earlier is not None:
            label = strings.answer_labels.of(step.earlier)
            self._say(strings.earlier_answer.format(answer=label))
        while True:
            typed = self._read(strings.answer_prompt)
            if not typed.strip() and step.earlier is not None:
                return step.earlier
            meaning = interpret(typed, strings)
            if meaning is Command.HELP:
                self._help(step)
            elif meaning is None:
                self._say(strings.not_understood)
            else:
                return meaning

    def at_first_question(self) -> None:
        self._say(self.strings.first_question)

    def gate_closed(self) -> None:
        self._paragraph(self.strings.gate_skip)

    def crisis(self, flag: Flag) -> bool:
        strings = self.strings
        body = Text(printable(flag.advice))
        contacts = contact_entries(crisis_contacts(self.region), strings)
        if self.plain:
            self._paragraph(strings.crisis_heading)
            self._paragraph(flag.advice)
            self.console.print()
            for entry in contacts:
                self._say(f"- {entry.term}: {entry.text}")
        else:
            lines = [
                Text(f"{entry.term}: ", style="bold") + Text(printable(entry.text))
                for entry in contacts
            ]
            self.console.print()
            self.console.print(
                Panel(
                    Text("\n").join([body, Text(""), *lines]),
                    title=Text(strings.crisis_heading, style="bold"),
                    title_align="left",
                    border_style="red",
                )
            )
        self._paragraph(strings.crisis_continue)
        while True:
            typed = self._read(strings.answer_prompt)
            meaning = interpret(typed, strings)
            if meaning == "yes":
                return True
            if meaning in ("no", Navigation.QUIT):
                self._paragraph(strings.crisis_stopped)
                return False

    # --- drawing ------------------------------------------------------------------------

    def _help(self, step: Step) -> None:
        label = self.strings.help_label
        if self.plain:
            self._say(f"{label}: {step.item.help}")
        else:
            self.console.print(
                Panel(Text(printable(step.item.help)), title=label, title_align="left")
            )

    def _heading(self, text: str) -> None:
        self.console.print()
        if self.plain:
            self._say(text)
        else:
            self.console.print(Text(printable(text), style="bold"))

    def _paragraph(self, text: str) -> None:
        self.console.print()
        self._say(text)

    def _say(self, text: str) -> None:
        """Plain mode wraps with textwrap: no trailing spaces for a screen reader to read."""
        if self.plain:
            wrapped = textwrap.fill(printable(text), width=max(self.console.width, 20))
            self.console.print(Text(wrapped))
        else:
            self.console.print(Text(printable(text)))

    def _read(self, prompt: str) -> str:
        """One line from the keyboard; EOFError (Ctrl-D) and KeyboardInterrupt propagate."""
        marker = Text(f"{prompt}: ", style="" if self.plain else "bold cyan")
        return self.console.input(marker)


def read_line(console: Console, prompt: str, *, plain: bool, quiet: bool = False) -> str:
    """One line from the keyboard after a prompt (dim if `quiet`), for screens besides the
    screening's; EOFError (Ctrl-D) and KeyboardInterrupt propagate."""
    style = "" if plain else ("dim" if quiet else "bold cyan")
    return console.input(Text(f"{prompt} ", style=style))
