"""The live screen: plain or Rich, the console to draw on, and clearing it on quick exit."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from rich.console import Console
from rich.style import Style
from rich.text import Text

from screener.terminal.host import READABLE_WIDTH, Terminal, is_terminal

if TYPE_CHECKING:
    from screener.models.contacts import Region
    from screener.models.wording import UiStrings


class Screen(Console):
    """A Rich console that knows the terminal it draws on: what commands hold and hand on.

    Only terminal/ and render/ draw on it; the keys it reads and its clearing come from
    `terminal`, the one object that owns the streams (terminal/host.py).
    """

    def __init__(self, *args: Any, terminal: Terminal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.terminal = terminal


AnyConsole = Console
"""A Screen, or a bare Rich console (a test's, a capture): what may be drawn on."""


NOT_FAINT = Style(dim=False)
BOLD = Style(bold=True)


class ProjectorConsole(Screen):
    """High contrast for projection: every style as asked, but never dim: key hints, tallies
    of 'not sure' and progress lines stay readable from the back of a room. Without colour
    (NO_COLOR), what colour marked is bold instead, so it still stands out."""

    def get_style(self, name: str | Style, *, default: Style | str | None = None) -> Style:
        style = super().get_style(name, default=default)
        if style.dim:
            style += NOT_FAINT
        if self.no_color and style.color is not None:
            style += BOLD
        return style


def terminal_of(console: Console) -> Terminal | None:
    """The terminal a Screen draws on; None for a bare Console (a test's, a capture)."""
    return console.terminal if isinstance(console, Screen) else None


def make_console(
    terminal: Terminal,
    stream: IO[str],
    *,
    plain: bool,
    width: int | None = None,
    projector: bool = False,
) -> Screen:
    """Plain: a stream of text, nothing styled. Otherwise a terminal, as wants_plain decided;
    Rich still drops the colour (not bold or layout) when NO_COLOR is set (no-color.org).

    The size is the terminal's (terminal.size: COLUMNS=0 or 5 is not believed), and Rich is
    given the terminal's environment rather than reading the process's.
    Lines are at most host.READABLE_WIDTH long, also on a wider terminal (`width` too).
    `projector`: high contrast for a room: nothing faint.
    """
    if not plain and terminal.windows_console:  # Windows: ANSI, not ←[ on screen
        # Windows only: its console API loads there alone
        from screener.terminal import windows_screen

        windows_screen.enable_virtual_terminal(stream)
    rows = terminal.size(stream)[1]
    width = min(width, READABLE_WIDTH) if width else terminal.line_width(stream)
    settings: dict[str, Any] = {
        "file": stream,
        "width": width,
        "height": rows,
        # Decided once, by wants_plain. Rich would read an empty FORCE_COLOR as "not a
        # terminal", and on TERM=dumb would assume 80 columns whatever the terminal's width.
        "force_terminal": not plain,
        "color_system": None if plain else "auto",
        "highlight": False,
        "emoji": False,
        "markup": False,
        "_environ": terminal.environ,
        "terminal": terminal,
    }
    if projector and not plain:
        return ProjectorConsole(**settings)
    return Screen(**settings)


def clear_screen(console: Console) -> None:
    """After a quick exit: clear the screen and scrollback where the terminal allows it.

    The one clearing path: every quick exit comes here (the caller has honoured
    --keep-screen). The stream, not console.is_terminal: plain mode draws as on paper, yet
    still clears.
    """
    terminal = terminal_of(console)
    if terminal is None or not is_terminal(console.file) or terminal.dumb:
        return
    # start-up: the key codes and the Windows console code load only when a screen is cleared
    from screener.terminal.keyboard import CLEAR_SCREEN_AND_SCROLLBACK
    from screener.terminal.windows_screen import clear_console

    if terminal.windows_console and clear_console(console.file):
        return
    console.file.write(CLEAR_SCREEN_AND_SCROLLBACK)
    console.file.flush()


def goodbye(message: str, strings: UiStrings, region: Region) -> Text:
    """One line for leaving early: nothing saved, and someone to talk to."""
    contacts = region.contacts  # a line to talk to comes before the emergency number
    contact = next((contact for contact in contacts if contact.kind != "emergency"), contacts[0])
    reach = contact.phone or contact.web or contact.text or ""
    named = f"{contact.name} ({reach})" if reach else contact.name
    return Text(f"{message} {strings.talk_to.format(contact=named)}")
