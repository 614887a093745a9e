"""Headings never cut short: on a narrow screen the title wraps instead of ending mid-word.

Rich's Rule ends a title that does not fit in "…" and a Panel cuts its title where the border
starts ("Help is there for you r"), so at 28 columns a crisis heading lost its last words.
These draw the same Rule or Panel when the title fits, and otherwise put the whole title, wrapped,
above the rule or inside the panel.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

RULE_ROOM = 2
"""Cells a left-aligned Rule keeps beside its title: a space and at least one line."""
PANEL_ROOM = 5
"""Cells a Panel's top border keeps beside its title: two corners, a line, two spaces."""
NARROW = 40
"""Below this width a panel is a heading's rule above and a rule below: its side borders and
padding would take 4 of 28 columns, enough to split "telefonodelaesperanza.org" in two."""


class Heading:
    """A section heading on a rule: `title ────`, or the title wrapped above a bare rule."""

    def __init__(self, title: Text, style: str = "") -> None:
        self.title = title
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.title.cell_len + RULE_ROOM <= options.max_width:
            yield Rule(self.title, align="left", style=self.style or "rule.line")
        else:
            yield self.title
            yield Rule(style=self.style or "rule.line")


class TitledPanel:
    """A Panel with its title in the top border, or, where it would not fit, as its first line;
    on a narrow screen, the body between two rules, the title on the first.

    `options` are Panel's own (border_style, ...); the title is always left-aligned.
    """

    def __init__(self, body: RenderableType, title: Text, **options: Any) -> None:
        self.body = body
        self.title = title
        self.options = options

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width < NARROW:  # a rule above and below, so text has every column
            style = str(self.options.get("border_style", ""))
            yield Heading(self.title, style)
            yield self.body
            yield Rule(style=style or "rule.line")
        elif self.title.cell_len + PANEL_ROOM <= options.max_width:
            yield Panel(self.body, title=self.title, title_align="left", **self.options)
        else:
            yield Panel(Group(self.title, Text(""), self.body), **self.options)
