"""The live screen: plain or Rich, the console to draw on, and clearing it on quick exit."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the UI modules load only when a screening is shown, not for JSON
    from rich.console import Console
    from rich.text import Text

    from screener.models.contacts import Region
    from screener.models.wording import UiStrings

    Screen = Console
    """What commands hold and hand on: the live screen (only terminal/ and render/ draw on it)."""


def wants_plain(flag: bool, environ: Mapping[str, str], stream: TextIO) -> bool:
    """--plain, TERM=dumb, ACCESSIBLE, or a pipe: no boxes, no colour, no redraws.

    FORCE_COLOR (set and not empty, as force-color.org says) keeps the Rich layout and its
    colour on a pipe; it never overrides a person's choice of plain text.
    """
    if flag or environ.get("TERM") == "dumb" or environ.get("ACCESSIBLE"):
        return True
    return not _is_terminal(stream) and not environ.get("FORCE_COLOR")


PROJECTOR_WIDTH = 100
"""Lines a room can read from the back: no longer than this, whatever the terminal's width."""


def make_console(
    stream: TextIO, *, plain: bool, width: int | None = None, projector: bool = False
) -> Console:
    """Plain: a stream of text, nothing styled. Otherwise a terminal, as wants_plain decided;
    Rich still drops the colour (not bold or layout) when NO_COLOR is set (no-color.org).

    `projector`: high contrast for a room: nothing faint, and lines of at most 100 columns.
    """
    from rich.console import Console

    if not plain and "msvcrt" in sys.builtin_module_names:  # Windows: ANSI, not ←[ on screen
        from screener.terminal import windows_screen

        windows_screen.enable_virtual_terminal(stream)
    if projector:
        import shutil

        width = min(width or shutil.get_terminal_size().columns, PROJECTOR_WIDTH)
    if projector and not plain:
        from screener.terminal.projector import ProjectorConsole

        return ProjectorConsole(
            file=stream,
            width=width,
            force_terminal=True,
            color_system="auto",
            highlight=False,
            emoji=False,
            markup=False,
        )
    return Console(
        file=stream,
        width=width,
        # Decided once, by wants_plain. Rich would read an empty FORCE_COLOR as "not a
        # terminal", and on TERM=dumb would assume 80 columns whatever the terminal's width.
        force_terminal=not plain,
        color_system=None if plain else "auto",
        highlight=False,
        emoji=False,
        markup=False,
    )


def clear_screen(console: Console, environ: Mapping[str, str]) -> None:
    """After a quick exit: clear the screen and scrollback where the terminal allows it."""
    # The stream, not console.is_terminal: plain mode draws as on paper, yet still clears.
    if _is_terminal(console.file):
        clear_terminal(console.file, environ)


def clear_terminal(stream: IO[str], environ: Mapping[str, str]) -> None:
    """Clear a terminal's screen and scrollback: escape codes, or a Windows console's own way.
    The caller has decided that `stream` is a terminal."""
    from screener.terminal.keyboard import CLEAR_SCREEN_AND_SCROLLBACK
    from screener.terminal.windows_screen import clear_console

    if environ.get("TERM") == "dumb" or clear_console(stream):
        return
    stream.write(CLEAR_SCREEN_AND_SCROLLBACK)
    stream.flush()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def goodbye(message: str, strings: UiStrings, region: Region) -> Text:
    """One line for leaving early: nothing saved, and someone to talk to."""
    from rich.text import Text

    contacts = region.contacts  # a line to talk to comes before the emergency number
    contact = next((contact for contact in contacts if contact.kind != "emergency"), contacts[0])
    reach = contact.phone or contact.web or contact.text or ""
    named = f"{contact.name} ({reach})" if reach else contact.name
    return Text(f"{message} {strings.talk_to.format(contact=named)}")
