"""Key-by-key reading on a real pseudo-terminal: Esc and x leave at once, nothing else does."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator

import pytest
from rich.console import Console

from screener.terminal.console import clear_screen
from screener.terminal.keyboard import (
    CLEAR_SCREEN_AND_SCROLLBACK,
    QuickExit,
    is_quick_exit,
    read_line,
)

try:
    import termios  # noqa: F401 - only whether this system has it

    HAS_TERMIOS = True
except ImportError:
    HAS_TERMIOS = False

pytestmark = pytest.mark.skipif(not HAS_TERMIOS, reason="POSIX terminals only")


@pytest.fixture
def terminal() -> Iterator[tuple[int, io.TextIOWrapper]]:
    """A pseudo-terminal: write keys to the first, read them from the second."""
    keys, reader = os.openpty()
    stream = os.fdopen(reader, encoding="utf-8")
    yield keys, stream
    stream.close()
    os.close(keys)


def type_keys(terminal: tuple[int, io.TextIOWrapper], keys: bytes) -> str:
    sender, stream = terminal
    os.write(sender, keys)
    echoed: list[str] = []
    return read_line(echoed.append, stream)


@pytest.mark.parametrize(
    ("keys", "line"),
    [
        (b"yes\r", "yes"),
        (b"n\n", "n"),
        (b"ex\x7f\x7fn\r", "n"),  # x after the first key is just a letter; backspace works
        (b"\x1b[Ay\r", "y"),  # a cursor key is not Esc
        (b"not\x15u\r", "u"),  # Ctrl-U clears the line
        ("sí\r".encode(), "sí"),
        (b"\r", ""),
    ],
)
def test_lines(terminal: tuple[int, io.TextIOWrapper], keys: bytes, line: str) -> None:
    assert type_keys(terminal, keys) == line


@pytest.mark.parametrize("keys", [b"\x1b", b"x", b"X"])
def test_quick_exit_needs_no_enter(terminal: tuple[int, io.TextIOWrapper], keys: bytes) -> None:
    with pytest.raises(QuickExit):
        type_keys(terminal, keys)


def test_ctrl_d_on_an_empty_line(terminal: tuple[int, io.TextIOWrapper]) -> None:
    with pytest.raises(EOFError):
        type_keys(terminal, b"\x04")


def test_the_terminal_is_restored(terminal: tuple[int, io.TextIOWrapper]) -> None:
    import termios

    _, stream = terminal
    before = termios.tcgetattr(stream.fileno())
    with pytest.raises(QuickExit):
        type_keys(terminal, b"\x1b")
    assert termios.tcgetattr(stream.fileno()) == before


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("x", True), (" X ", True), ("\x1b", True), ("exit", False), ("", False)],
)
def test_line_based_quick_exit(typed: str, expected: bool) -> None:
    assert is_quick_exit(typed) is expected


@pytest.mark.parametrize(("term", "cleared"), [("xterm-256color", True), ("dumb", False)])
def test_clearing_the_screen(term: str, cleared: bool) -> None:
    output = io.StringIO()
    clear_screen(Console(file=output, force_terminal=True), {"TERM": term})
    assert (output.getvalue() == CLEAR_SCREEN_AND_SCROLLBACK) is cleared
