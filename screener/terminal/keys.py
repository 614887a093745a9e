"""What a typed key means, on any platform: both key readers (termios and msvcrt) share it."""

from __future__ import annotations

import unicodedata

from screener.terminal.typed import as_typed_key

ESCAPE = "\x1b"
QUICK_EXIT_KEY = "x"


class QuickExit(Exception):
    """The person pressed the quick-exit key: leave now, show nothing more."""


def is_quick_exit(typed: str, *, first_key_exits: bool = True) -> bool:
    """A line-based reader's view: the line was just the quick-exit key (where x leaves;
    Cyrillic che, Greek chi and a fullwidth x are that key too), or held an Esc that does not
    start a cursor-key sequence (Esc [ A and Esc O A are arrows)."""
    if first_key_exits and as_typed_key(typed.strip()).lower() == QUICK_EXIT_KEY:
        return True
    return any(
        character == ESCAPE and typed[index + 1 : index + 2] not in ("[", "O")
        for index, character in enumerate(typed)
    )


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


def key_name(key: str) -> str:
    """A key other than Esc by name, or as typed (both key readers share this):
    Ctrl-C raises KeyboardInterrupt, Ctrl-D (or the NUL a Ctrl-D typed before the switch to
    key-by-key mode leaves) EOFError, x (che, chi, fullwidth x) QuickExit."""
    if key == "\x03":
        raise KeyboardInterrupt
    if key in ("\x04", "\x00"):
        raise EOFError
    if key in "\r\n":
        return "enter"
    if key == " ":
        return "space"
    typed = as_typed_key(key)
    if is_exit_key(typed):
        raise QuickExit
    return typed


def is_exit_key(key: str) -> bool:
    """Whether a key typed is the quick-exit key, on any layout we read (che, chi, fullwidth)."""
    return as_typed_key(key).lower() == QUICK_EXIT_KEY
