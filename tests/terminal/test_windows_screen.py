"""Clearing a Windows console, against a fake kernel32: escape codes where it takes them."""

from __future__ import annotations

import ctypes
import io
from typing import Any

import pytest

from screener.terminal.keyboard import CLEAR_SCREEN_AND_SCROLLBACK
from screener.terminal.windows_screen import (
    ENABLE_VIRTUAL_TERMINAL_PROCESSING,
    clear_console,
    enable_virtual_terminal,
)


class FakeKernel32:
    """A console 80 columns wide with 300 lines of scrollback."""

    def __init__(self, mode: int = 0x3, *, accepts_vt: bool = True, console: bool = True) -> None:
        self.mode, self.accepts_vt, self.console = mode, accepts_vt, console
        self.calls: list[tuple[Any, ...]] = []

    def GetConsoleMode(self, handle: Any, mode: Any, /) -> int:
        ctypes.cast(mode, ctypes.POINTER(ctypes.c_ulong))[0] = self.mode
        return int(self.console)

    def SetConsoleMode(self, handle: Any, mode: int, /) -> int:
        self.calls.append(("SetConsoleMode", mode))
        if mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING and not self.accepts_vt:
            return 0
        self.mode = mode
        return 1

    def GetConsoleScreenBufferInfo(self, handle: Any, info: Any, /) -> int:
        size = ctypes.cast(info, ctypes.POINTER(ctypes.c_short * 2))[0]
        size[0], size[1] = 80, 300
        return int(self.console)

    def FillConsoleOutputCharacterW(
        self, handle: Any, character: Any, cells: int, *rest: Any
    ) -> int:
        self.calls.append(("FillConsoleOutputCharacterW", character.value, cells))
        return 1

    def FillConsoleOutputAttribute(
        self, handle: Any, attribute: int, cells: int, *rest: Any
    ) -> int:
        self.calls.append(("FillConsoleOutputAttribute", cells))
        return 1

    def SetConsoleCursorPosition(self, handle: Any, position: Any, /) -> int:
        self.calls.append(("SetConsoleCursorPosition", position.X, position.Y))
        return 1


@pytest.mark.parametrize("mode", [0x3, 0x3 | ENABLE_VIRTUAL_TERMINAL_PROCESSING])
def test_escape_codes_once_the_console_takes_them(mode: int) -> None:
    screen = io.StringIO()
    kernel32 = FakeKernel32(mode)
    assert clear_console(screen, kernel32, handle=7)
    assert screen.getvalue() == CLEAR_SCREEN_AND_SCROLLBACK
    assert kernel32.mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING


def test_the_classic_console_is_cleared_through_its_own_api() -> None:
    """Escape codes would show there as ←[H←[2J←[3J: the whole buffer is blanked instead."""
    screen = io.StringIO()
    kernel32 = FakeKernel32(accepts_vt=False)
    assert clear_console(screen, kernel32, handle=7)
    assert screen.getvalue() == ""
    assert kernel32.calls[1:] == [
        ("FillConsoleOutputCharacterW", " ", 80 * 300),
        ("FillConsoleOutputAttribute", 80 * 300),
        ("SetConsoleCursorPosition", 0, 0),
    ]


def test_not_a_console() -> None:
    screen = io.StringIO()
    assert not clear_console(screen, FakeKernel32(console=False), handle=7)
    assert screen.getvalue() == ""


def test_elsewhere_the_caller_writes_the_escape_codes() -> None:
    assert not clear_console(io.StringIO())  # no WinDLL here


@pytest.mark.parametrize(
    ("mode", "accepts_vt", "expected"),
    [
        (0x3, True, True),
        (0x3 | ENABLE_VIRTUAL_TERMINAL_PROCESSING, False, True),
        (0x3, False, False),
    ],
)
def test_escape_codes_are_turned_on_where_the_console_takes_them(
    mode: int, accepts_vt: bool, expected: bool
) -> None:
    assert enable_virtual_terminal(io.StringIO(), FakeKernel32(mode, accepts_vt=accepts_vt), 7) == (
        expected
    )


def test_a_windows_console_reads_escape_codes_before_rich_draws(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Else Rich takes the legacy path, and the pager's and clear's codes show as ←[..."""
    from screener.terminal import console as console_policy
    from screener.terminal import windows_screen
    from screener.terminal.host import Terminal

    turned_on: list[object] = []
    monkeypatch.setattr(windows_screen, "enable_virtual_terminal", turned_on.append)
    screen = io.StringIO()
    posix = Terminal(io.StringIO(), screen, io.StringIO())
    console_policy.make_console(posix, screen, plain=True)
    console_policy.make_console(posix, screen, plain=False)
    assert turned_on == []  # not Windows
    windows = Terminal(io.StringIO(), screen, io.StringIO(), platform="win32", windows_console=True)
    console_policy.make_console(windows, screen, plain=True)
    assert turned_on == []  # plain text has no codes
    console_policy.make_console(windows, screen, plain=False)
    assert turned_on == [screen]
