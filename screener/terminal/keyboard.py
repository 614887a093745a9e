"""Read a line from a real terminal key by key, so that Esc (or x) can leave at once."""

from __future__ import annotations

import codecs
import errno
import os
import select
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from types import FrameType
from typing import Any, TextIO

from screener.rules.endings import SessionEnded, Stop
from screener.terminal.keys import ESCAPE as ESCAPE
from screener.terminal.keys import QUICK_EXIT_KEY as QUICK_EXIT_KEY
from screener.terminal.keys import QuickExit as QuickExit
from screener.terminal.keys import erase_last as erase_last
from screener.terminal.keys import finished as finished
from screener.terminal.keys import is_exit_key as is_exit_key
from screener.terminal.keys import is_quick_exit as is_quick_exit
from screener.terminal.keys import key_name as key_name
from screener.terminal.keys import width_of as width_of
from screener.terminal.line_editor import CONTROL_KEYS, LineEditor

# Clear the screen, move home, and clear the scrollback (xterm's CSI 3 J; most terminals and
# tmux honour it). What a shared computer's next user could scroll back to is gone.
CLEAR_SCREEN_AND_SCROLLBACK = "\x1b[H\x1b[2J\x1b[3J"

# How long the byte after an Esc may take to come. A cursor key's bytes can arrive apart
# over ssh, tmux or a slow link (80 ms and more), and they must never read as Esc; a person
# who presses Esc waits this long at most for the screen to clear.
ESCAPE_SEQUENCE_WAIT = 0.5


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
    encoding: str = "utf-8",
    origin: int = 0,
    width: int = 0,
    initial: str = "",
) -> str:
    """One line, echoing as typed, edited with the cursor (line_editor.py: `initial` is
    already typed, the prompt ends at column `origin` of a screen `width` wide); Esc (or x
    as the first key, if `first_key_exits`) raises
    QuickExit. Free text (a note, a client reference) passes False: there only Esc leaves.
    The first key is read as `as_typed_key` reads it, so x on a Russian or Greek layout (che,
    chi) or typed fullwidth leaves too.

    Bytes are decoded in `encoding`, the terminal's own (`Terminal.key_encoding`): a terminal
    set to Latin-1 or cp1252 sends "í" as one byte, which UTF-8 would read as U+FFFD. A byte
    that is no text in it reads as U+FFFD, never as an error.

    `prompt` is drawn after the terminal is switched to key-by-key mode, so a key pressed
    once the prompt shows is never caught by the line discipline's own editing. Ctrl-C still
    raises KeyboardInterrupt (signals stay on); Ctrl-D on an empty line raises EOFError.
    After Ctrl-Z and fg the key mode is set again and the prompt redrawn with what was typed.
    """
    global _after_carriage_return
    try:
        import termios  # noqa: F401 - whether this system reads keys with termios
    except ImportError:  # Windows: the console's keys come through msvcrt instead
        # Windows only: msvcrt's keys load there alone
        from screener.terminal import windows_keys

        keys = windows_keys.console_keys()
        if keys is None:
            raise
        return windows_keys.read_line(
            write,
            keys,
            prompt,
            first_key_exits=first_key_exits,
            editor=LineEditor.holding(initial, origin=origin, width=width),
        )

    descriptor = stream.fileno()
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    editor = LineEditor.holding(initial, origin=origin, width=width)
    typed = editor.typed

    def redraw() -> None:
        if prompt is not None:
            write("\r\n")
            prompt()
        write(editor.shown())

    with _in_keys_mode(descriptor, redraw):
        if prompt is not None:
            prompt()
        if typed:
            write(editor.shown())
        while True:
            chunk = _read_byte(descriptor)  # EIO (the window closed) is a hang-up
            for key in decoder.decode(chunk):
                skip_line_feed, _after_carriage_return = _after_carriage_return, False
                if key == ESCAPE:
                    sequence = _escape_sequence(descriptor)
                    if sequence is None:
                        raise QuickExit
                    write(editor.key(editing_name(sequence)))  # any other key: nothing
                    continue
                if key == "\n" and skip_line_feed and not typed:
                    continue
                if key in "\r\n":
                    _after_carriage_return = key == "\r" and _waiting(descriptor)
                    write(editor.key("end") + "\n")
                    return editor.text
                if key in "\x04\x00":  # NUL: a Ctrl-D the line discipline took before the switch
                    if not typed:
                        raise EOFError
                    write(editor.key("delete"))  # readline's Ctrl-D on a line
                elif key in CONTROL_KEYS:
                    write(editor.key(CONTROL_KEYS[key]))
                elif key.isprintable():
                    if first_key_exits and not typed and is_exit_key(key):
                        raise QuickExit
                    write(editor.insert(key))


def read_key(stream: TextIO, *, encoding: str = "utf-8") -> str:
    """One key, unechoed, by name: "space", "enter", "up", "down", "left", "right",
    "page_up", "page_down", "home", "end", "other" (any other cursor or function key), or the
    character typed as `as_typed_key` reads it (so "G" stays "G", and Cyrillic en is "y").

    Esc alone, Esc Esc, Esc with any key but a sequence's, and x (as_typed_key's) raise QuickExit.
    Ctrl-D (or the end of input) raises EOFError; Ctrl-C raises KeyboardInterrupt, as a
    signal (signals stay on) or as the character. The terminal's modes are put back however
    this ends. On a Windows console the keys come through msvcrt (windows_keys.read_key).
    """
    try:
        import termios  # noqa: F401 - whether this system reads keys with termios
    except ImportError:  # Windows: the console's keys come through msvcrt instead
        # Windows only: msvcrt's keys load there alone
        from screener.terminal import windows_keys

        keys = windows_keys.console_keys()
        if keys is None:
            raise
        return windows_keys.read_key(keys)

    descriptor = stream.fileno()
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    with _in_keys_mode(descriptor):
        while True:
            chunk = _read_byte(descriptor)
            for key in decoder.decode(chunk):  # nothing yet in the middle of a character
                if key == ESCAPE:
                    sequence = _escape_sequence(descriptor)
                    if sequence is None:
                        raise QuickExit
                    return sequence_name(sequence)
                return key_name(key)


def _read_byte(descriptor: int) -> bytes:
    """One byte; EOFError at the end of input. When the terminal went away (EIO: the window
    closed, the ssh connection dropped) the session ends as a hang-up, whether the read or
    the SIGHUP comes first (docs/endings.md)."""
    try:
        chunk = os.read(descriptor, 1)
    except OSError as error:
        if error.errno != errno.EIO:
            raise
        raise SessionEnded(Stop.HANG_UP) from None
    if not chunk:
        raise EOFError
    return chunk


@contextmanager
def key_by_key(stream: TextIO) -> Iterator[None]:
    """Hold the terminal in key-by-key mode (no echo, no line editing) across several
    read_key calls, so a key pressed while the screen is drawn is neither echoed into it nor
    held for a line; the modes are put back when the block ends, however it ends. Nothing
    happens where there is no termios (a Windows console is always read raw) or no terminal."""
    try:
        # POSIX only: Windows has no termios
        import termios
    except ImportError:
        yield
        return
    try:
        descriptor = stream.fileno()
        termios.tcgetattr(descriptor)  # is there a terminal to set?
    except (AttributeError, ValueError, OSError, termios.error):  # no terminal to set
        yield
        return
    with _in_keys_mode(descriptor):
        yield


SEQUENCE_NAMES = {"A": "up", "B": "down", "C": "right", "D": "left", "H": "home", "F": "end"}
"""A cursor key's final byte (Esc [ A, Esc O A, and Esc [ 1 ; 5 A with Ctrl)."""

TILDE_NAMES = {"1": "home", "7": "home", "4": "end", "8": "end", "5": "page_up", "6": "page_down"}
"""An editing key's number (Esc [ 5 ~): the VT220's, and rxvt's 7 and 8 for Home and End."""


WORD_MODIFIERS = frozenset({"3", "5", "7"})
"""Alt (3), Ctrl (5) or both (7) with an arrow (Esc [ 1 ; 5 D): a word at a time."""


def editing_name(sequence: bytes) -> str:
    """What an escape sequence does to a line being typed (line_editor.EDITING_KEYS), or
    "other": Ctrl-Left is "word_left", Delete (Esc [ 3 ~) "delete"."""
    text = sequence.decode("ascii", errors="replace")
    if text == "[3~" or text.startswith("[3;"):
        return "delete"
    name = sequence_name(sequence)
    if name in ("left", "right") and text[1:-1].partition(";")[2] in WORD_MODIFIERS:
        return f"word_{name}"
    return name


def sequence_name(sequence: bytes) -> str:
    """The key an escape sequence (the bytes after Esc) stands for; "other" if none we use."""
    text = sequence.decode("ascii", errors="replace")
    if len(text) < 2 or text[0] not in "[O":
        return "other"
    final, parameters = text[-1], text[1:-1]
    if final == "~":
        return TILDE_NAMES.get(parameters.split(";")[0], "other")
    return SEQUENCE_NAMES.get(final, "other")


@contextmanager
def _in_keys_mode(descriptor: int, redraw: Callable[[], None] | None = None) -> Iterator[None]:
    """The terminal one key at a time, unechoed, for the block; its modes put back however the
    block ends. After Ctrl-Z and fg the key mode is set again and `redraw` called. A terminal
    that went away (EIO) ends the session as a hang-up; one closed meanwhile (SIGHUP brings
    SIGCONT too) has no modes to take back or restore, and that is no error."""
    # POSIX only: Windows has no termios
    import termios

    try:
        saved = termios.tcgetattr(descriptor)
    except termios.error as error:
        if error.args[0] != errno.EIO:
            raise
        raise SessionEnded(Stop.HANG_UP) from None
    keys_mode = _keys_mode(saved)

    def resumed(signum: int, frame: FrameType | None) -> None:
        # The shell set its own modes while we were stopped: take the keys back, redraw.
        with suppress(termios.error, OSError):
            termios.tcsetattr(descriptor, termios.TCSANOW, keys_mode)
            if redraw is not None:
                redraw()

    previous_handler = _on_resume(resumed)
    try:
        # TCSANOW, not tty.setcbreak's TCSAFLUSH: keys typed ahead must not be thrown away.
        termios.tcsetattr(descriptor, termios.TCSANOW, keys_mode)
        yield
    finally:
        with suppress(termios.error):
            termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)
        _on_resume(previous_handler)


def _keys_mode(saved: list[Any]) -> list[Any]:
    """The terminal's modes with line editing and echo off, one key at a time; signals on."""
    # POSIX only: Windows has no termios
    import termios

    keys_mode = list(saved)
    keys_mode[0] &= ~termios.ICRNL  # input flags: see CR and LF apart, so CR LF is one end
    keys_mode[3] &= ~(termios.ICANON | termios.ECHO)  # local flags: no line editing, no echo
    keys_mode[6] = list(saved[6])
    keys_mode[6][termios.VMIN], keys_mode[6][termios.VTIME] = 1, 0
    return keys_mode


def _on_resume(handler: object) -> object:
    """Install a SIGCONT handler (main thread only); the one it replaces."""
    if not hasattr(signal, "SIGCONT"):
        return None
    try:
        return signal.signal(signal.SIGCONT, handler)  # type: ignore[arg-type]
    except (ValueError, TypeError):  # not the main thread, or no handler to put back
        return None


def _escape_sequence(descriptor: int) -> bytes | None:
    """After an Esc: the CSI or SS3 sequence that followed (b"[A", b"[5~"), now consumed, or
    None for the quick exit. Esc alone, Esc Esc (a panicked double tap, as tmux and screen
    pass it on) and Esc with any other key are the quick exit: only [ and O start a sequence.
    (Nothing followed in time is the quick exit too.)"""
    first = _next_byte(descriptor)
    if first not in (b"[", b"O"):
        return None
    sequence = first
    while True:
        byte = _next_byte(descriptor)
        if byte is None:  # the rest never came: a sequence all the same, never Esc
            return sequence
        sequence += byte
        if 0x40 <= byte[0] <= 0x7E:  # the final byte
            return sequence


def _waiting(descriptor: int) -> bool:
    """Whether more input is already there, without waiting for it."""
    ready, _, _ = select.select([descriptor], [], [], 0)
    return bool(ready)


def _next_byte(descriptor: int) -> bytes | None:
    ready, _, _ = select.select([descriptor], [], [], ESCAPE_SEQUENCE_WAIT)
    if not ready:
        return None
    return os.read(descriptor, 1) or None
