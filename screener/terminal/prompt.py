"""The terminal Asker for a person's self-check: reads answers, Rich layout or plain text."""

from __future__ import annotations

import enum
import unicodedata

import msgspec
from rich.console import Console
from rich.text import Text

from screener.models.bank import Bank, Flag, Item
from screener.models.base import ANSWERS, NUMBERED, Code
from screener.models.contacts import Region, ServiceContacts
from screener.models.wording import UiStrings
from screener.render.heading import TitledPanel
from screener.render.keep_whole import fill, key_lines
from screener.rules.contacts import for_listening
from screener.rules.endings import SessionEnded, Stop
from screener.rules.labels import answer_label
from screener.rules.walk import Navigation, Note, Response, Step
from screener.safetext import printable
from screener.terminal.console import terminal_of
from screener.terminal.crisis_screen import draw_crisis_help, say, show_crisis_reminder
from screener.terminal.host import is_terminal
from screener.terminal.keyboard import QuickExit, is_quick_exit, read_line, width_of
from screener.terminal.scale_prompt import choices_of, draw_options, not_understood, scale_answer
from screener.terminal.typed import as_typed_key, ascii_number


class Request(enum.Enum):
    """What a typed line asks for that is neither an answer nor a move: help, or asking again."""

    HELP = "help"
    AGAIN = "again"
    """Nothing to do but ask again (a quit the counsellor took back)."""


class Keys(msgspec.Struct, frozen=True):
    """The keys a question offers, as shown, and what to say when a line means none of them."""

    choices: str
    commands: str
    choices_plain: str
    not_understood: str
    brief_plain: str | None = None
    """Plain mode's hint after the first question (the full `choices_plain` is said once);
    None: the full line every time."""


Typed = Code | Navigation | Request


def normalise(raw: str) -> str:
    """Lower case, single spaces, no surrounding punctuation: ' Not  sure. ' -> 'not sure'."""
    return " ".join(unicodedata.normalize("NFC", raw).lower().split()).strip(" .!,;:")


def interpret(raw: str, strings: UiStrings, item: Item | None = None) -> Typed | None:
    """What a typed line means, or None if it means nothing we know. With a scale `item`,
    its options' numbers and keys (terminal/scale_prompt.py) stand for yes / no / not sure."""
    word = normalise(raw)
    commands = strings.command_words
    if raw.strip() == "?" or word in commands.help:
        return Request.HELP
    if word in commands.back:
        return Navigation.BACK
    if word in commands.quit:
        return Navigation.QUIT
    if item is not None and item.options:
        return scale_answer(word, item, strings)
    if word in NUMBERED:
        return NUMBERED[word]
    for answer in ANSWERS:
        if word in (normalise(known) for known in getattr(strings.answer_words, answer)):
            return answer
    return None


class ConsoleAsker:
    """Asks on a Rich console, one question at a time; Ctrl-C and Ctrl-D propagate."""

    def __init__(
        self,
        console: Console,
        strings: UiStrings,
        region: Region,
        *,
        plain: bool,
        service: ServiceContacts | None = None,
    ) -> None:
        self.console = console
        self.strings = strings
        self.region = for_listening(region, plain)  # numbers digit by digit for a screen reader
        self.plain = plain
        self.service = for_listening(service, plain) if service else None
        """A service's own contacts, among the region's: the crisis reminder counts them."""
        self.region_chosen = False
        """True once the person answered the region question: it is not asked again."""
        self.instructed: set[bool] = set()
        """Whether a yes/no question (False) and a scale (True) said how to answer in full:
        later ones of that kind say it briefly."""

    # --- the Asker protocol -------------------------------------------------------------

    def welcome(self, bank: Bank) -> None:
        """What this is, that it is not a diagnosis, how to answer and how to leave: shown
        before anything is asked, the region question included."""
        self._heading(bank.title)
        for paragraph in bank.intro:
            self._paragraph(paragraph)
        self._paragraph(self.strings.how_to_answer)
        self._how_to_leave()

    def intro(self, bank: Bank, *, welcomed: bool = False) -> bool:
        """The welcome (unless already shown), whose contacts these are, then True to begin
        or False if the person quits at once."""
        if not welcomed:
            self.welcome(bank)
        # Welcomed: the region question came first, so the person has just said where they
        # are; name it, without asking "somewhere else?" again.
        self.region_chosen = welcomed
        said = self.strings.region_chosen if welcomed else self.strings.region_line
        self._paragraph(said.format(region=self.region.name))
        return self._begin()

    def ask(self, step: Step) -> Response:
        self._show(step)
        while True:
            typed = self._read(self.strings.answer_prompt)
            if not typed.strip() and step.earlier is not None:
                return step.earlier
            meaning = self._meaning(typed, step)
            if meaning is Request.HELP:
                self._help(step)
            elif meaning is Request.AGAIN:
                continue
            elif meaning is None:
                self._say(self._keys(step.item).not_understood)
            else:
                return meaning

    def at_first_question(self) -> None:
        self._say(self.strings.first_question)

    def gate_closed(self) -> None:
        self._paragraph(self.strings.gate_skip)

    def crisis(self, flag: Flag) -> bool | Navigation:
        strings = self.strings
        chosen = self.region_chosen
        with self.console.capture() as measured:  # drawn twice: a legacy Windows console
            draw_crisis_help(
                self.console, flag, self.region, strings, plain=self.plain, region_chosen=chosen
            )
        draw_crisis_help(
            self.console, flag, self.region, strings, plain=self.plain, region_chosen=chosen
        )
        if self._taller_than_the_screen(measured.get(), self._crisis_continue()):
            # The numbers scrolled off the top: a person answers with them in view.
            show_crisis_reminder(self.console, self.region, strings, self.service, plain=self.plain)
        self._paragraph(self._crisis_continue())
        while True:
            typed = self._read(strings.answer_prompt)
            meaning = interpret(typed, strings)
            if meaning == "yes":
                return True
            if meaning in ("no", Navigation.QUIT):
                self._paragraph(self._crisis_stopped())
                return False
            if meaning is Navigation.BACK:  # to fix a mistyped answer
                return Navigation.BACK
            self._say(strings.crisis_not_understood)

    def _taller_than_the_screen(self, shown: str, then: str) -> bool:
        """Whether `shown`, a blank line, the paragraph `then` and a prompt line overflow a
        live screen, plain or not (a pipe or a file has no top to lose)."""
        if not is_terminal(self.console.file):  # plain mode draws as on paper, on a screen
            return False
        below = fill(then, max(self.console.width, 20)).count("\n") + 3
        return shown.count("\n") + below > self.console.height

    # --- what an intake changes: hooks ----------------------------------------------------

    def _keys(self, item: Item) -> Keys:
        strings = self.strings
        if item.options:  # the options are listed above: no choices line
            last = len(choices_of(item, strings))
            scale = strings.scale
            brief = scale.choices_plain_brief.format(last=last)
            return Keys(
                "", strings.commands, scale.choices_plain, not_understood(item, strings), brief
            )
        return Keys(
            strings.choices,
            strings.commands,
            strings.choices_plain,
            strings.not_understood,
            strings.choices_plain_brief,
        )

    def _about(self, step: Step) -> str | None:
        """A line beside the progress; the intake names the criterion there."""
        return None

    def _meaning(self, typed: str, step: Step) -> Typed | Note | None:
        return interpret(typed, self.strings, step.item)

    # --- drawing ------------------------------------------------------------------------

    def _begin(self) -> bool:
        """Wait for Enter (True) or q (False)."""
        while True:
            self.console.print()
            typed = self._read(self.strings.start_prompt)
            word = normalise(typed)
            if not word:
                return True
            if word in self.strings.command_words.quit:
                return False
            self._say(self.strings.start_not_understood)

    def _how_to_leave(self) -> None:
        """Where keys come a line at a time, Esc needs Enter and nothing is cleared: say so."""
        if not reads_keys(self.console):
            self._paragraph(self.strings.keys_by_line)

    def _show(self, step: Step) -> None:
        strings = self.strings
        keys = self._keys(step.item)
        about = self._about(step)
        self.console.print()
        progress = strings.progress.format(number=step.number, total=step.total)
        if self.plain:
            self._say(f"{progress}, {about}." if about else progress + ".")
            self._say(step.item.text)
            draw_options(self.console, step.item, self.strings, plain=True)
            brief = bool(step.item.options) in self.instructed and keys.brief_plain
            self._say(keys.brief_plain if brief and keys.brief_plain else keys.choices_plain)
            self.instructed.add(bool(step.item.options))
        else:
            line = Text(progress, style="italic")
            if about:
                line.append("   " + printable(about), style="bold")
            self.console.print(line)
            self.console.print(Text(printable(step.item.text), style="bold"))
            draw_options(self.console, step.item, self.strings, plain=False)
            # Never a key split from its word, at any width.
            both = key_lines(keys.choices, keys.commands, width=self.console.width)
            self.console.print(Text(both, style="italic"))
        if step.earlier is not None:
            label = answer_label(step.item, step.earlier, strings)
            self._say(strings.earlier_answer.format(answer=label))

    def _help(self, step: Step) -> None:
        label = self.strings.help_label
        if self.plain:
            self._say(f"{label}: {step.item.help}")
        else:
            self.console.print(TitledPanel(Text(printable(step.item.help)), Text(printable(label))))

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
        say(self.console, text, plain=self.plain)

    def _read(self, prompt: str, *, free_text: bool = False, initial: str = "") -> str:
        """One line from the keyboard; QuickExit propagates, and so do EOFError (Ctrl-D) and
        KeyboardInterrupt unless `_carry_on_after` says to ask again. On a terminal keys are
        read one by one, so Esc needs no Enter. In `free_text` (a note, a client reference)
        x is a letter: only Esc leaves. `initial` is there to edit, where keys are read."""
        marker = Text(f"{prompt}: ", style="" if self.plain else "bold")
        while True:
            try:
                return read_typed(self.console, marker, free_text=free_text, initial=initial)
            except (KeyboardInterrupt, EOFError):
                if not self._carry_on_after_interruption():
                    raise

    def _carry_on_after_interruption(self) -> bool:
        """Ctrl-C or Ctrl-D at a prompt: a person alone leaves at once (False). The intake
        asks first (docs/endings.md)."""
        return False

    def _crisis_stopped(self) -> str:
        return self.strings.crisis_stopped

    def _crisis_continue(self) -> str:
        """Carry on? To the person; the intake asks the counsellor."""
        return self.strings.crisis_continue


def reads_keys(console: Console) -> bool:
    """Keys one by one (Esc with no Enter) on a real terminal, plain mode or not: plain
    changes the drawing, never the safety. A pipe or TERM=dumb reads whole lines."""
    terminal = terminal_of(console)
    return terminal is not None and terminal.reads_keys and is_terminal(console.file)


def echoes_typing(console: Console) -> bool:
    """Whether what is typed shows on the screen as typed (a terminal echoes; a pipe not)."""
    terminal = terminal_of(console)
    return terminal is not None and terminal.stdin_is_terminal


def read_typed(
    console: Console, marker: Text, *, free_text: bool = False, initial: str = ""
) -> str:
    """One line after a prompt: the one way screener reads the keyboard.

    Keys read one by one are edited with the cursor (terminal/line_editor.py), starting from
    `initial` (a note too long to keep, a client reference to change). A line read whole
    (a pipe) cannot show `initial`: Enter alone there means "keep it", as the caller says.

    On a terminal keys are read one by one, so Esc (or x, outside `free_text`) leaves at
    once with QuickExit; otherwise a line is read, and a line that is just x (outside free
    text) or holds a lone Esc does the same. Typed text comes back NFC-normalised, with a
    fullwidth or other-layout letter read as the key it stands for (typed.as_typed_key).
    EOFError (Ctrl-D) and KeyboardInterrupt propagate.
    """
    terminal = terminal_of(console)
    if terminal is not None and reads_keys(console):

        def echo(text: str) -> None:
            console.file.write(text)
            console.file.flush()

        width = max(console.width, 1)
        typed = read_line(
            echo,
            terminal.stdin,
            prompt=lambda: console.print(marker, end=""),
            first_key_exits=not free_text,
            encoding=terminal.key_encoding,
            origin=width_of(marker.plain) % width,
            width=width,
            initial=initial,
        )
    elif terminal is not None:
        console.print(marker, end="")
        try:
            line = terminal.stdin.readline()
        except OSError as error:  # the terminal went away under a line read (EIO)
            raise SessionEnded(Stop.HANG_UP) from error
        if not line:
            raise EOFError
        typed = unicodedata.normalize("NFC", line.rstrip("\r\n"))
    else:  # a bare Console (a test's): Rich's own input
        typed = unicodedata.normalize("NFC", console.input(marker))
    if not free_text:  # a note is kept as typed; an answer is read as the key it stands for
        typed = as_typed_key(typed)
    if is_quick_exit(typed, first_key_exits=not free_text):
        raise QuickExit
    return typed


def ask_line(
    console: Console, prompt: str, *, plain: bool, quiet: bool = False, free_text: bool = False
) -> str:
    """One line after a prompt (dim if `quiet`), for screens besides the questions."""
    style = "" if plain else ("italic" if quiet else "bold")
    return read_typed(console, Text(f"{prompt} ", style=style), free_text=free_text)


def ask_region(
    console: Console, strings: UiStrings, names: list[str], *, plain: bool
) -> int | None:
    """Which of the named regions the person is in (its index), or None for somewhere else."""
    console.print()
    console.print(Text(strings.region_question, style="" if plain else "bold"))
    for place, name in enumerate([*names, strings.region_elsewhere], start=1):
        console.print(Text(f"{place}. {printable(name)}"))
    while True:
        console.print()
        typed = normalise(ask_line(console, strings.region_prompt, plain=plain))
        number = ascii_number(typed)  # a superscript 2 is one key on a French keyboard
        if not typed or number == len(names) + 1:
            return None
        if number is not None and 1 <= number <= len(names):
            return number - 1
        console.print(Text(strings.region_not_understood))
