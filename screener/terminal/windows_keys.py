"""Read a line from a Windows console key by key (msvcrt), so that Esc or x can leave at once."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol, cast

from screener.terminal.keys import ESCAPE, QuickExit, is_exit_key, key_name
from screener.terminal.line_editor import CONTROL_KEYS, EDITING_KEYS, LineEditor

# getwch() returns one of these first for an arrow, function or editing key, and keeps the key's
# own code for the next call. U+00E0 is also "à" typed on a French keyboard.
SPECIAL_KEY_LEADS = ("\x00", "\xe0")
CTRL_C, CTRL_D, CTRL_Z = "\x03", "\x04", "\x1a"

SPECIAL_KEY_NAMES = {
    "H": "up",
    "P": "down",
    "K": "left",
    "M": "right",
    "I": "page_up",
    "Q": "page_down",
    "G": "home",
    "O": "end",
}
"""The code getwch() gives after the lead for the keys the pager uses (the BIOS scan codes);
any other special key is "other"."""

EDITING_CODES = {
    **{code: name for code, name in SPECIAL_KEY_NAMES.items() if name in EDITING_KEYS},
    "S": "delete",
    "s": "word_left",  # Ctrl-Left
    "t": "word_right",  # Ctrl-Right
}
"""The special keys that edit a line being typed (line_editor.py), by their code."""


class ConsoleKeys(Protocol):
    """What screener uses of msvcrt: the console's keys, one at a time, unechoed."""

    def getwch(self) -> str: ...

    def ungetwch(self, character: str, /) -> None: ...


def console_keys() -> ConsoleKeys | None:
    """msvcrt where this is Windows, else None."""
    try:
        return cast(ConsoleKeys, importlib.import_module("msvcrt"))
    except ImportError:
        return None


def read_line(
    write: Callable[[str], None],
    keys: ConsoleKeys,
    prompt: Callable[[], None] | None = None,
    *,
    first_key_exits: bool = True,
    editor: LineEditor | None = None,
) -> str:
    """One line, echoing as typed and edited with the cursor as on POSIX (`editor` may hold
    text already shown; line_editor.py); Esc (or x as the first key, if `first_key_exits`: free
    text passes False) raises QuickExit.

    getwch() reads the console raw, so Esc reaches us rather than the console's line editor
    (which would clear the line with it), and Ctrl-C arrives as a character: it raises
    KeyboardInterrupt here. Ctrl-Z (Windows' end of input) or Ctrl-D on an empty line raises
    EOFError at once, with no Enter needed. The first key is read as `as_typed_key` reads it,
    so x on a Russian or Greek layout, or fullwidth, leaves too.
    """
    if prompt is not None:
        prompt()
    editor = editor if editor is not None else LineEditor()
    typed = editor.typed
    if typed:
        write(editor.shown())
    while True:
        key = keys.getwch()
        if key in SPECIAL_KEY_LEADS and _is_special_key(keys, key):
            # an editing key moves the cursor; any other special key is not text: ignored
            write(editor.key(EDITING_CODES.get(keys.getwch(), "other")))
            continue
        if key == ESCAPE:
            raise QuickExit
        if key == CTRL_C:
            raise KeyboardInterrupt
        if key in "\r\n":
            write(editor.key("end") + "\n")
            return editor.text
        if key in (CTRL_Z, CTRL_D):
            if not typed:
                raise EOFError
            if key == CTRL_D:
                write(editor.key("delete"))
        elif key in CONTROL_KEYS:
            write(editor.key(CONTROL_KEYS[key]))
        elif key.isprintable():
            if first_key_exits and not typed and is_exit_key(key):
                raise QuickExit
            write(editor.insert(key))


def read_key(keys: ConsoleKeys) -> str:
    """One key by name, as keyboard.read_key names it: "space", "enter", "up", "page_down",
    ..., "other", or the character as `as_typed_key` reads it. Esc and x raise QuickExit,
    Ctrl-C KeyboardInterrupt, Ctrl-Z and Ctrl-D EOFError. The console is read raw already,
    so there are no modes to put back."""
    key = keys.getwch()
    if key in SPECIAL_KEY_LEADS and _is_special_key(keys, key):
        return SPECIAL_KEY_NAMES.get(keys.getwch(), "other")
    if key == ESCAPE:
        raise QuickExit
    if key == CTRL_Z:
        raise EOFError
    return key_name(key)


def _is_special_key(keys: ConsoleKeys, lead: str) -> bool:
    """Whether the key's own code is waiting: the C runtime keeps it in a one-character
    push-back slot, and ungetwch fails exactly when that slot is full. A typed "à" leaves
    it empty, so the probe goes in and is taken straight back out."""
    if lead == "\x00":
        return True
    try:
        keys.ungetwch("\x00")
    except OSError:
        return True
    keys.getwch()  # our own probe
    return False
