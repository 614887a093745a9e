"""Read a line from a real terminal key by key, so that Esc (or x) can leave at once."""

from __future__ import annotations

import codecs
import os
import select
import signal
import unicodedata
from collections.abc import Callable
from types import FrameType
from typing import TextIO

ESCAPE = "\x1b"
QUICK_EXIT_KEY = "x"

# Clear the screen, move home, and clear the scrollback (xterm's CSI 3 J; most terminals and
# tmux honour it). What a shared computer's next user could scroll back to is gone.
CLEAR_SCREEN_AND_SCROLLBACK = "\x1b[H\x1b[2J\x1b[3J"

# How long the byte after an Esc may take to come. A cursor key's bytes can arrive apart
# over ssh, tmux or a slow link (80 ms and more), and they must never read as Esc; a person
# who presses Esc waits this long at most for the screen to clear.
ESCAPE_SEQUENCE_WAIT = 0.5


class QuickExit(Exception):
    """The person pressed the quick-exit key: leave now, show nothing more."""


def is_quick_exit(typed: str, *, first_key_exits: bool = True) -> bool:
    """A line-based reader's view: the line was just the quick-exit key (where x leaves), or
    held an Esc that does not start a cursor-key sequence (Esc [ A and Esc O A are arrows)."""
    if first_key_exits and typed.strip().lower() == QUICK_EXIT_KEY:
        return True
    return any(
        character == ESCAPE and typed[index + 1 : index + 2] not in ("[", "O")
        for index, character in enumerate(typed)
    )


def can_read_keys(stream: TextIO) -> bool:
    """Key-by-key reading needs a terminal on standard input, and termios or msvcrt to read it."""
    try:
        if not stream.isatty():
            return False
    except (AttributeError, ValueError):
        return False
    try:
        import termios  # noqa: F401 - only whether this system has it
    except ImportError:
        from screener.terminal.windows_keys import console_keys

        return console_keys() is not None
    return True


def width_of(text: str) -> int:
    """Columns a terminal gives the text: wide (CJK) characters two, combining marks none."""
    return sum(
        0
        if unicodedata.combining(character)
        else 2
        if unicodedata.east_asian_width(character) in ("W", "F")
        else 1
        for character in text
    )


def finished(typed: list[str]) -> str:
    """The line as kept: NFC, so 'si' + a combining accent is the 'sí' the words list."""
    return unicodedata.normalize("NFC", "".join(typed))


def erase_last(typed: list[str]) -> str:
    """Remove the last character with its combining marks; the keys that erase it on screen."""
    removed = ""
    while typed:
        removed = typed.pop() + removed
        if not unicodedata.combining(removed[0]):
            break
    return "\b \b" * width_of(removed)


# A pasted Windows line ends CR LF: the LF after a line that ended with CR is not a line.
# True only when something was already waiting right behind the CR (a paste); Enter on its
# own is a lone CR, so a line feed typed later is never swallowed.
_after_carriage_return = False


def read_line(
    write: Callable[[str], None],
    stream: TextIO,
    prompt: Callable[[], None] | None = None,
    *,
    first_key_exits: bool = True,
) -> str:
    """One line, echoing as typed; Esc (or x as the first key, if `first_key_exits`) raises
    QuickExit. Free text (a note, a client reference) passes False: there only Esc leaves.

    `prompt` is drawn after the terminal is switched to key-by-key mode, so a key pressed
    once the prompt shows is never caught by the line discipline's own editing. Ctrl-C still
    raises KeyboardInterrupt (signals stay on); Ctrl-D on an empty line raises EOFError.
    After Ctrl-Z and fg the key mode is set again and the prompt redrawn with what was typed.
    """
    global _after_carriage_return
    try:
        import termios
    except ImportError:  # Windows: the console's keys come through msvcrt instead
        from screener.terminal import windows_keys

        keys = windows_keys.console_keys()
        if keys is None:
            raise
        return windows_keys.read_line(write, keys, prompt, first_key_exits=first_key_exits)

    descriptor = stream.fileno()
    saved = termios.tcgetattr(descriptor)
    keys_mode = list(saved)
    keys_mode[0] &= ~termios.ICRNL  # input flags: see CR and LF apart, so CR LF is one end
    keys_mode[3] &= ~(termios.ICANON | termios.ECHO)  # local flags: no line editing, no echo
    keys_mode[6] = list(saved[6])
    keys_mode[6][termios.VMIN], keys_mode[6][termios.VTIME] = 1, 0
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    typed: list[str] = []

    def redraw() -> None:
        if prompt is not None:
            write("\r\n")
            prompt()
        write("".join(typed))

    def resumed(signum: int, frame: FrameType | None) -> None:
        # The shell set its own modes while we were stopped: take the keys back, redraw.
        termios.tcsetattr(descriptor, termios.TCSANOW, keys_mode)
        redraw()

    previous_handler = _on_resume(resumed)
    try:
        # TCSANOW, not tty.setcbreak's TCSAFLUSH: keys typed ahead must not be thrown away.
        termios.tcsetattr(descriptor, termios.TCSANOW, keys_mode)
        if prompt is not None:
            prompt()
        while True:
            chunk = os.read(descriptor, 1)
            if not chunk:
                raise EOFError
            for key in decoder.decode(chunk):
                skip_line_feed, _after_carriage_return = _after_carriage_return, False
                if key == ESCAPE:
                    if _escape_sequence_follows(descriptor):
                        continue  # a cursor or function key, consumed whole
                    raise QuickExit
                if key == "\n" and skip_line_feed and not typed:
                    continue
                if key in "\r\n":
                    _after_carriage_return = key == "\r" and _waiting(descriptor)
                    write("\n")
                    return finished(typed)
                if key in "\x04\x00":  # NUL: a Ctrl-D the line discipline took before the switch
                    if not typed:
                        raise EOFError
                elif key in "\x7f\x08":
                    write(erase_last(typed))
                elif key == "\x15":  # Ctrl-U: clear the line
                    write("\b \b" * width_of("".join(typed)))
                    typed.clear()
                elif key.isprintable():
                    if first_key_exits and not typed and key.lower() == QUICK_EXIT_KEY:
                        raise QuickExit
                    typed.append(key)
                    write(key)
    finally:
        termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)
        _on_resume(previous_handler)


def _on_resume(handler: object) -> object:
    """Install a SIGCONT handler (main thread only); the one it replaces."""
    if not hasattr(signal, "SIGCONT"):
        return None
    try:
        return signal.signal(signal.SIGCONT, handler)  # type: ignore[arg-type]
    except (ValueError, TypeError):  # not the main thread, or no handler to put back
        return None


def _escape_sequence_follows(descriptor: int) -> bool:
    """After an Esc: True if a CSI or SS3 sequence (Esc [ A, Esc O P) followed, now consumed.

    Esc alone, Esc Esc (a panicked double tap, as tmux and screen pass it on) and Esc with
    any other key are the quick exit: only [ and O start a sequence.
    """
    first = _next_byte(descriptor)
    if first not in (b"[", b"O"):
        return False
    while True:
        byte = _next_byte(descriptor)
        if byte is None or 0x40 <= byte[0] <= 0x7E:  # the final byte, or it never came
            return True


def _waiting(descriptor: int) -> bool:
    """Whether more input is already there, without waiting for it."""
    ready, _, _ = select.select([descriptor], [], [], 0)
    return bool(ready)


def _next_byte(descriptor: int) -> bytes | None:
    ready, _, _ = select.select([descriptor], [], [], ESCAPE_SEQUENCE_WAIT)
    if not ready:
        return None
    return os.read(descriptor, 1) or None
