"""Who is screened and where the record goes: the one object that knows a mode's rules."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, TextIO

import msgspec

from screener.render import Format
from screener.rules.endings import PAUSES, RULES, Pause, Stop

if TYPE_CHECKING:
    from screener.commands.setup import Options
    from screener.models.wording import UiStrings
    from screener.terminal.host import Terminal


class Who(enum.Enum):
    """Who is screened: the value is the record's `mode`."""

    SELF = "self"
    """A person on their own: plain words to them, nothing kept unless they complete."""
    INTAKE = "intake"
    """A counsellor with a client: criteria shown, and the interview never lost."""


class Destination(enum.Enum):
    """Where the record goes."""

    SCREEN = "screen"
    """Nowhere but the summary on screen (text, no --output)."""
    FILE = "file"
    """--output FILE."""
    STDOUT = "stdout"
    """Standard output, redirected or piped (--format json, markdown or fhir, no --output)."""


class Session(msgspec.Struct, frozen=True):
    """One screening: who, the terminal, the options; every rule that differs by mode or by
    destination is asked of this object (docs/endings.md)."""

    who: Who
    terminal: Terminal
    options: Options

    @property
    def destination(self) -> Destination:
        if self.options.output is not None:
            return Destination.FILE
        if self.options.format is Format.text:
            return Destination.SCREEN
        return Destination.STDOUT

    @property
    def conversation(self) -> TextIO:
        """The stream questions and the summary are drawn on: standard output, unless the
        record goes there; then standard error, so nothing meant for the screen ever reaches
        a redirected or piped record."""
        if self.destination is Destination.STDOUT:
            return self.terminal.stderr
        return self.terminal.screen

    def files_record_when(self, stop: Stop) -> bool:
        """Whether stopping this way writes the answers so far, marked incomplete."""
        return (
            self.who is Who.INTAKE
            and self.destination is not Destination.SCREEN
            and RULES[stop].intake_files_record
        )

    def meets(self, pause: Pause) -> bool:
        """Whether this session stops at `pause` (rules/endings.py PAUSES)."""
        rule = PAUSES[pause]
        if rule.screen_only and self.destination is not Destination.SCREEN:
            return False
        if self.who is Who.INTAKE:
            return rule.intake
        return rule.self_check and self.at_a_keyboard

    @property
    def offers_save_at_end(self) -> bool:
        """An intake whose record has nowhere to go is offered a save after the summary."""
        return self.who is Who.INTAKE and self.meets(Pause.SAVE_OFFER)

    @property
    def offers_copy_at_end(self) -> bool:
        """A self-check shown on a terminal offers, once, to keep a copy (Enter skips)."""
        return self.who is Who.SELF and self.meets(Pause.SAVE_OFFER)

    @property
    def at_a_keyboard(self) -> bool:
        """Someone can be asked (another file name, a confirmation)."""
        return self.terminal.stdin_is_terminal

    def saved_to_words(self, strings: UiStrings) -> str:
        """ "... saved to {path}." addressed to whoever is there."""
        return strings.intake.record_saved_to if self.who is Who.INTAKE else strings.saved_to

    def save_failed_words(self, strings: UiStrings) -> str:
        return strings.intake.record_save_failed if self.who is Who.INTAKE else strings.save_failed
