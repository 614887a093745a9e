"""Sections on a terminal (Rich layout, or plain text for screen readers and pipes) or in a
text file."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from screener.render.heading import Heading
from screener.render.keep_whole import KeepWhole
from screener.reports.document import Entry, Section
from screener.safetext import printable

if TYPE_CHECKING:
    from screener.reports.record import Screening

LEVEL_STYLES = {"crisis": "bold reverse", "urgent": "bold reverse", "medical": "bold underline"}
"""A heading's words: never coloured, so they keep the terminal's own contrast (a red or cyan
heading measured 1.2-3.6:1 on common palettes); urgent ones stand out by reverse video, which
NO_COLOR keeps. Colour stays on the rule beside them, a decoration (LEVEL_RULES)."""
LEVEL_RULES = {"crisis": "red", "urgent": "red", "medical": "yellow", "info": "cyan"}
FILE_WIDTH = 80
"""A text record is plain lines at 80 columns, whatever the terminal's width."""


class TextRenderer:
    """A record as plain text: the document's title, then each section, nothing styled."""

    def render(self, screening: Screening) -> str:
        document = screening.report()
        buffer = io.StringIO()
        console = Console(
            file=buffer, width=FILE_WIDTH, color_system=None, markup=False, emoji=False
        )
        console.print(Text(printable(document.title)))
        print_sections(console, list(document.sections), plain=True)
        return buffer.getvalue()


def print_sections(console: Console, sections: list[Section], *, plain: bool) -> None:
    if not plain:
        for section in sections:
            _print_rich(console, section)
        return
    # Wrapped lines keep a trailing space; a screen reader or a diff should not see it.
    with console.capture() as captured:
        for section in sections:
            _print_plain(console, section)
    console.file.write("\n".join(line.rstrip() for line in captured.get().split("\n")))
    console.file.flush()


def _print_plain(console: Console, section: Section) -> None:
    """Headings, paragraphs and '- ' entries: read in order, nothing drawn."""
    console.print()
    console.print(Text(printable(section.title)))
    for paragraph in section.paragraphs:
        console.print()
        console.print(KeepWhole(Text(printable(paragraph))))
    if section.entries:
        console.print()
        if section.entries_heading:
            console.print(Text(section.entries_heading + ":"))
        for entry in section.entries:
            console.print(KeepWhole(Text("- ") + entry_text(entry)))
    for paragraph in section.after:
        console.print()
        console.print(KeepWhole(Text(printable(paragraph))))


def _print_rich(console: Console, section: Section) -> None:
    style = LEVEL_STYLES.get(section.level or "", "bold")
    console.print()
    title = Text(printable(section.title), style=style)
    console.print(Heading(title, LEVEL_RULES.get(section.level or "", "")))
    for paragraph in section.paragraphs:
        console.print(Padding(KeepWhole(Text(printable(paragraph))), (1, 0, 0, 0)))
    if section.entries:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")  # a web address wider than the screen, whole
        for entry in section.entries:
            grid.add_row("•", KeepWhole(entry_text(entry, term_style="bold")))
        heading = (
            [Padding(Text(section.entries_heading, style="bold"), (1, 0, 0, 0))]
            if section.entries_heading
            else [Text("")]
        )
        console.print(Group(*heading, grid))
    for paragraph in section.after:
        console.print(Padding(KeepWhole(Text(printable(paragraph))), (1, 0, 0, 0)))


def entry_text(entry: Entry, term_style: str = "") -> Text:
    """An entry as one Text: its term (styled) and text, both shown as text, never markup."""
    text = Text()
    if entry.term:
        text.append(printable(entry.term), style=term_style)
        text.append(": ")
    text.append(printable(entry.text))
    return text
