"""Every way a session can end, declared once: docs/endings.md is this table in words.

Pure data: what an ending keeps and its exit code. `commands/outcome.py` acts on it; the
pseudo-terminal suite `tests/across/test_endings.py` walks every cell.
"""

from __future__ import annotations

import enum

import msgspec


class Stop(enum.Enum):
    """How a session stopped before its result. The value is the record's `ended_by`."""

    CRISIS_STOP = "crisis_stop"
    """The person chose "stop here" at the crisis screen."""
    QUICK_EXIT = "quick_exit"
    """Esc or x: the screen is cleared and nothing more is shown."""
    INTERRUPTED = "interrupted"
    """Ctrl-C (for an intake: a second one, or one confirmed at "Discard this interview?")."""
    END_OF_INPUT = "end_of_input"
    """Ctrl-D, Ctrl-Z on Windows, or a script's input ran out."""
    HANG_UP = "hang_up"
    """The terminal closed (SIGHUP)."""
    TERMINATED = "terminated"
    """SIGTERM: a shutdown, or a process manager stopping screener."""


class ExitCode(enum.IntEnum):
    """The exit codes screener uses (README, "Exit codes")."""

    DONE = 0
    NOT_SAVED = 1
    """A result was shown, but the record could not be written anywhere; or invalid data."""
    USAGE = 2
    HANG_UP = 129
    """128 + SIGHUP, as a shell reports a process the hang-up ended."""
    ENDED_EARLY = 130
    """Ended before a result (quit, quick exit, Ctrl-C, end of input, crisis stop)."""
    TERMINATED = 143
    """128 + SIGTERM."""


class Rule(msgspec.Struct, frozen=True):
    """What one early ending does."""

    exit_code: ExitCode
    intake_files_record: bool
    """An intake whose record has a destination (-o, standard output) writes the answers so
    far there, marked incomplete. A self-check never does: a person alone who stops keeps
    nothing."""
    shows_goodbye: bool
    """A line saying nothing was saved, with someone to talk to (not after a quick exit, which
    shows nothing, nor a hang-up, with nobody there)."""


RULES: dict[Stop, Rule] = {
    Stop.CRISIS_STOP: Rule(ExitCode.ENDED_EARLY, intake_files_record=True, shows_goodbye=False),
    Stop.QUICK_EXIT: Rule(ExitCode.ENDED_EARLY, intake_files_record=True, shows_goodbye=False),
    Stop.INTERRUPTED: Rule(ExitCode.ENDED_EARLY, intake_files_record=True, shows_goodbye=True),
    Stop.END_OF_INPUT: Rule(ExitCode.ENDED_EARLY, intake_files_record=True, shows_goodbye=True),
    Stop.HANG_UP: Rule(ExitCode.HANG_UP, intake_files_record=True, shows_goodbye=False),
    Stop.TERMINATED: Rule(ExitCode.TERMINATED, intake_files_record=True, shows_goodbye=True),
}
"""The early endings (docs/endings.md). `q` (and a discard the counsellor confirmed) keeps
nothing and says goodbye, exit 130: it is a choice, not a loss, so it is not a Stop."""


class Pause(enum.Enum):
    """A place a complete session waits for the person at the keyboard before it ends: a way
    into the end of a session (docs/endings.md, "Before the end")."""

    REVIEW = "review"
    """The answers listed before the result: a number changes one, Enter shows the result."""
    SAVE_OFFER = "save_offer"
    """After the summary, when the record has nowhere to go: a file name, or Enter skips."""


class PauseRule(msgspec.Struct, frozen=True):
    """Where a pause is met."""

    self_check: bool
    """Met in a self-check (at a keyboard: a script's answers are not checked or kept)."""
    intake: bool
    """Met in an intake."""
    screen_only: bool
    """Only when the record has no destination (no -o, text on the screen)."""


PAUSES: dict[Pause, PauseRule] = {
    Pause.REVIEW: PauseRule(self_check=True, intake=True, screen_only=False),
    Pause.SAVE_OFFER: PauseRule(self_check=True, intake=True, screen_only=True),
}
"""The intake's review is met wherever its answers come from a person; the self-check's
only at a keyboard. Either's q, Esc, Ctrl-C and Ctrl-D end as at a question."""


class SessionEnded(Exception):
    """Raised where a session must stop at once (a signal arrived): carries how."""

    def __init__(self, stop: Stop) -> None:
        super().__init__(stop.value)
        self.stop = stop


class InterviewDiscarded(Exception):
    """The counsellor confirmed "Discard this interview?" after Ctrl-C or Ctrl-D: nothing is
    kept, as after a confirmed q."""
