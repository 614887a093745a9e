"""Waiting for a demo's next step by the clock, while still listening for the trainer."""

from __future__ import annotations

import time

from screener.terminal.host import Terminal


def line_within(terminal: Terminal, seconds: float) -> str | None:
    """A line typed within `seconds`, or None when the time passed first.

    Where the keyboard cannot be watched with a timeout (Windows, or input that is not a
    terminal), the time simply passes: a paced demo still plays out.
    """
    stream = terminal.stdin
    watchable = terminal.stdin_is_terminal and terminal.platform != "win32"
    if not watchable:
        time.sleep(seconds)
        return None
    # POSIX only: select on a terminal does not work on Windows
    import select

    ready, _, _ = select.select([stream], [], [], seconds)
    if not ready:
        return None
    return stream.readline()
