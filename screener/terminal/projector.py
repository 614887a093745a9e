"""High contrast for projection: a console on which nothing is drawn faint."""

from __future__ import annotations

from rich.style import Style

from screener.terminal.console import Screen

NOT_FAINT = Style(dim=False)
BOLD = Style(bold=True)


class ProjectorConsole(Screen):
    """Every style as asked, but never dim: key hints, tallies of 'not sure' and progress
    lines stay readable from the back of a room. Without colour (NO_COLOR), what colour
    marked is bold instead, so it still stands out."""

    def get_style(self, name: str | Style, *, default: Style | str | None = None) -> Style:
        style = super().get_style(name, default=default)
        if style.dim:
            style += NOT_FAINT
        if self.no_color and style.color is not None:
            style += BOLD
        return style
