"""Clear a Windows console's screen and scrollback, whether or not it understands escape codes."""

from __future__ import annotations

import ctypes
from typing import IO, Any, Protocol

from screener.terminal.keyboard import CLEAR_SCREEN_AND_SCROLLBACK

ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004


class _Coordinates(ctypes.Structure):
    _fields_ = [("X", ctypes.c_short), ("Y", ctypes.c_short)]


class _Rectangle(ctypes.Structure):
    _fields_ = [(side, ctypes.c_short) for side in ("Left", "Top", "Right", "Bottom")]


class _ScreenBufferInfo(ctypes.Structure):
    _fields_ = [
        ("dwSize", _Coordinates),
        ("dwCursorPosition", _Coordinates),
        ("wAttributes", ctypes.c_ushort),
        ("srWindow", _Rectangle),
        ("dwMaximumWindowSize", _Coordinates),
    ]


class Kernel32(Protocol):
    """The console functions of kernel32.dll that clearing needs (faked in tests)."""

    def GetConsoleMode(self, handle: Any, mode: Any, /) -> int: ...
    def SetConsoleMode(self, handle: Any, mode: int, /) -> int: ...
    def GetConsoleScreenBufferInfo(self, handle: Any, info: Any, /) -> int: ...
    def FillConsoleOutputCharacterW(self, *arguments: Any) -> int: ...
    def FillConsoleOutputAttribute(self, *arguments: Any) -> int: ...
    def SetConsoleCursorPosition(self, handle: Any, position: _Coordinates, /) -> int: ...


def enable_virtual_terminal(
    stream: IO[str], kernel32: Kernel32 | None = None, handle: Any = None
) -> bool:
    """Let the Windows console behind `stream` read escape codes (Windows 10 and later), so
    that Rich draws with them and no code shows as ←[...; False where it cannot, or elsewhere."""
    if kernel32 is None or handle is None:
        found = _console_of(stream)
        if found is None:
            return False
        kernel32, handle = found
    mode = ctypes.c_ulong()
    if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
        return False  # redirected: not a console
    return bool(
        mode.value & ENABLE_VIRTUAL_TERMINAL_PROCESSING
        or kernel32.SetConsoleMode(handle, mode.value | ENABLE_VIRTUAL_TERMINAL_PROCESSING)
    )


def clear_console(stream: IO[str], kernel32: Kernel32 | None = None, handle: Any = None) -> bool:
    """Clear the Windows console behind `stream`; False where there is none (any other system).

    Escape codes first, once virtual-terminal processing is on (Windows 10 and later, Windows
    Terminal); the classic console without it would print them as ←[H←[2J←[3J, so it is then
    cleared through the console API: its whole screen buffer, which is also its scrollback.
    """
    if kernel32 is None or handle is None:
        found = _console_of(stream)
        if found is None:
            return False
        kernel32, handle = found
    if enable_virtual_terminal(stream, kernel32, handle):
        stream.write(CLEAR_SCREEN_AND_SCROLLBACK)
        stream.flush()
        return True
    return _clear_buffer(kernel32, handle)


def _clear_buffer(kernel32: Kernel32, handle: Any) -> bool:
    info = _ScreenBufferInfo()
    if not kernel32.GetConsoleScreenBufferInfo(handle, ctypes.byref(info)):
        return False
    cells = info.dwSize.X * info.dwSize.Y
    home = _Coordinates(0, 0)
    written = ctypes.c_ulong()
    kernel32.FillConsoleOutputCharacterW(
        handle, ctypes.c_wchar(" "), cells, home, ctypes.byref(written)
    )
    kernel32.FillConsoleOutputAttribute(
        handle, info.wAttributes, cells, home, ctypes.byref(written)
    )
    kernel32.SetConsoleCursorPosition(handle, home)
    return True


def _console_of(stream: IO[str]) -> tuple[Kernel32, ctypes.c_void_p] | None:
    """kernel32 and the stream's console handle, where this is Windows."""
    load = getattr(ctypes, "WinDLL", None)
    if load is None:
        return None
    try:
        # Windows only: msvcrt exists there alone
        import msvcrt

        handle: int = msvcrt.get_osfhandle(stream.fileno())  # type: ignore[attr-defined,unused-ignore]
        kernel32: Kernel32 = load("kernel32", use_last_error=True)
    except (ImportError, OSError, ValueError, AttributeError):
        return None
    return kernel32, ctypes.c_void_p(handle)  # a HANDLE is pointer-sized, not a C int
