"""Tables that turn into lists where they do not fit: below the width a table needs, each row
is a short block, its label and then its fields, one a line.

`explain` at 40 columns cut its table with 49 ellipses ("Questi…", "impair…"): Rich shrinks a
column below its longest word by cutting it. A table is drawn while every word in it fits
(cells wrap between words, as at 80 columns); below that, as a list. Plain mode, read by ear,
always gets the list: a row's cells run together when they are heard in a line.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

from rich.console import (
    Console,
    ConsoleOptions,
    JustifyMethod,
    RenderableType,
    RenderResult,
)
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from screener.render.keep_whole import HOLD

FIELD_INDENT = 2
"""A field sits under its row's label, indented; a wrapped field hangs at the same place."""
UNBOUNDED = 10_000
"""Measured at this width, a table says what it needs rather than what it was given."""


class TableOrList:
    """A table where every word of it fits, else a list of blocks (`as_list`).

    `header` names the columns; each row's first cell labels its block. Cells in the columns
    numbered in `whole` never wrap ("2 of 4" is one thing): the table needs their full width.
    `justify` places every column's cells; `options` are Table's own (box, title, ...). The
    list keeps the table's title above it.
    """

    def __init__(
        self,
        header: Sequence[Text],
        rows: Sequence[Sequence[Text]],
        *,
        whole: Collection[int] = (),
        justify: JustifyMethod = "left",
        **options: Any,
    ) -> None:
        self.header = header
        self.rows = rows
        self.whole = whole
        self.justify: JustifyMethod = justify
        self.options = options

    def table(self, *, held: bool = False, widths: Sequence[int] | None = None) -> Table:
        """The table; `held`: its whole cells with their spaces held, to measure what it needs;
        `widths`: each column's, fixed (what `laid_out` chose)."""
        table = Table(**self.options)
        for index, name in enumerate(self.header):
            width = widths[index] if widths else None
            heading = name.copy()
            heading.no_wrap = False  # a column kept whole is its cells: its heading may wrap
            table.add_column(
                heading, no_wrap=index in self.whole, justify=self.justify, width=width
            )
        for row in self.rows:
            held_row = [_held(c) if held and at in self.whole else c for at, c in enumerate(row)]
            table.add_row(*held_row)
        return table

    def needs(self, console: Console, options: ConsoleOptions) -> int:
        """The narrowest width at which every word (and every whole cell) fits unbroken."""
        wide = options.update_width(UNBOUNDED)
        return Measurement.get(console, wide, self.table(held=True)).minimum

    def fits(self, console: Console, width: int) -> bool:
        return self.needs(console, console.options) <= width

    def laid_out(self, console: Console, options: ConsoleOptions) -> Table:
        """The table in `options.max_width`, which it fits. Where it must wrap, the widest
        column is narrowed first, as Rich does, but never below its longest word: Rich's own
        shrinking went on below it and cut 'gave_up_activities' at 70 columns."""
        wide = options.update_width(UNBOUNDED)
        table = self.table(held=True)
        whole = Measurement.get(console, wide, table)
        if whole.maximum <= options.max_width:
            return self.table()
        held_rows = [
            [_held(c) if at in self.whole else c for at, c in enumerate(row)] for row in self.rows
        ]
        columns = [[name, *(row[at] for row in held_rows)] for at, name in enumerate(self.header)]
        measured = [[Measurement.get(console, wide, cell) for cell in column] for column in columns]
        least = [max(cell.minimum for cell in column) for column in measured]
        most = [max(cell.maximum for cell in column) for column in measured]
        widths = list(most)
        excess = whole.maximum - options.max_width
        for _ in range(excess):  # narrow the widest column that is wider than its longest word
            widest = max(
                (at for at, width in enumerate(widths) if width > least[at]),
                key=lambda at: widths[at],
            )
            widths[widest] -= 1
        return self.table(widths=widths)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.needs(console, options) <= options.max_width:
            yield self.laid_out(console, options)
        else:
            yield from self.as_list(label_style="bold")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table())

    def as_list(self, *, label_style: str = "") -> Iterator[RenderableType]:
        """Each row as a block: its first cell, then 'Column: value' for each other cell that
        says something, indented; a blank line between blocks."""
        names = [cell.plain for cell in self.header]
        title = self.options.get("title")
        if title:
            yield title
            yield Text("")
        for number, row in enumerate(self.rows):
            if number:
                yield Text("")
            label, *fields = row
            yield Text(label.plain, style=label_style)
            for name, cell in zip(names[1:], fields, strict=True):
                if cell.plain.strip():
                    field = Text(f"{name}: ") + cell
                    yield Padding(field, (0, 0, 0, FIELD_INDENT))


def _held(cell: Text) -> Text:
    copy = cell.copy()
    copy.plain = cell.plain.replace(" ", HOLD)
    return copy
