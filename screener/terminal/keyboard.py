"""Read a line from a real terminal key by key, so that Esc (or x) can leave at once."""

from __future__ import annotations

import codecs
import os
import select
from collections.abc import Callable
from typing import TextIO

ESCAPE = "\x1b"
QUICK_EXIT_KEY = "x"

# Clear the screen, move home, and clear the scrollback (xterm's CSI 3 J; most terminals and
# tmux honour it). What a shared computer's next user could scroll back to is gone.
CLEAR_SCREEN_AND_SCROLLBACK = "\x1b[H\x1b[2J\x1b[3J"


class QuickExit(Exception):
    """The person pressed the quick-exit key: leave now, show nothing more."""


def is_quick_exit(typed: str) -> bool:
    """A line-based reader's view: the line was just the quick-exit key, or held an Esc
    that does not start a cursor-key sequence (Esc [ A and Esc O A are arrows, not Esc)."""
    if typed.strip().lower() == QUICK_EXIT_KEY:
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


def read_line(
    write: Callable[[str], None], stream: TextIO, prompt: Callable[[], None] | None = None
) -> str:
    """One line, echoing as typed; Esc or a first-key x raises QuickExit.

    `prompt` is drawn after the terminal is switched to key-by-key mode, so a key pressed
    once the prompt shows is never caught by the line discipline's own editing. Ctrl-C still
    raises KeyboardInterrupt (signals stay on); Ctrl-D on an empty line raises EOFError.
    """
    try:
        import termios
    except ImportError:  # Windows: the console's keys come through msvcrt instead
        from screener.terminal import windows_keys

        keys = windows_keys.console_keys()
        if keys is None:
            raise
        return windows_keys.read_line(write, keys, prompt)

    descriptor = stream.fileno()
    saved = termios.tcgetattr(descriptor)
    keys_mode = list(saved)
    keys_mode[3] &= ~(termios.ICANON | termios.ECHO)  # local flags: no line editing, no echo
    keys_mode[6] = list(saved[6])
    keys_mode[6][termios.VMIN], keys_mode[6][termios.VTIME] = 1, 0
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    typed: list[str] = []
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
                if key == ESCAPE:
                    if _more_bytes_waiting(descriptor):
                        _skip_escape_sequence(descriptor)  # a cursor key, not Esc alone
                        continue
                    raise QuickExit
                if key in "\r\n":
                    write("\n")
                    return "".join(typed)
                if key in "\x04\x00":  # NUL: a Ctrl-D the line discipline took before the switch
                    if not typed:
                        raise EOFError
                elif key in "\x7f\x08":
                    if typed:
                        typed.pop()
                        write("\b \b")
                elif key == "\x15":  # Ctrl-U: clear the line
                    write("\b \b" * len(typed))
                    typed.clear()
                elif key.isprintable():
                    if not typed and key.lower() == QUICK_EXIT_KEY:
                        raise QuickExit
                    typed.append(key)
                    write(key)
    finally:
        termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)


def _more_bytes_waiting(descriptor: int) -> bool:
    # A cursor key sends Esc and its sequence in one burst; a pressed Esc comes alone.
    ready, _, _ = select.select([descriptor], [], [], 0.05)
    return bool(ready)


def _skip_escape_sequence(descriptor: int) -> None:
    """Consume the rest of a CSI or SS3 sequence such as Esc [ A (cursor up)."""
    first = os.read(descriptor, 1)
    if first not in (b"[", b"O"):
        return
    while True:
        byte = os.read(descriptor, 1)
        if not byte or 0x40 <= byte[0] <= 0x7E:
            return
