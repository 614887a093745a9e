"""Numbered lists of answers whose every line stays under its own entry, at any width.

At 40 columns "Daily or almost daily" made the person's answer column 21 wide, and each
question's label wrapped back to the left edge, under the numbers; the counsellor's review cut
its labels ("prescri…") and lost its numbers at 28. One layout for every such list, rich and
plain (nothing padded at a line's end for a screen reader to read):

- in columns where the label has room (`LABEL_AT_LEAST`, and its longest word): number, answer,
  label, a wrapped label and a note hanging under the label's first word;
- else stacked: the answer beside the number, the label and its notes indented below it.

`Hanging` is the same promise for a list of one-line entries (the what-if's "Q3 ...: Weekly"):
a wrapped line hangs under the entry's text, never under its number.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence

import msgspec
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from screener.safetext import printable

GAP = 2
"""Spaces between the columns: the number, the answer, the label."""
LABEL_AT_LEAST = 20
"""Columns narrower than this for the label put three or four words on each line: a short
label took four lines. Below it, the stacked layout."""
LABEL_STEP = 2
"""Stacked, the label sits this much further in than the answer, so that an answer that wraps
("Me gustaría consumir / menos") is not read as the start of the label."""


class AnswerEntry(msgspec.Struct, frozen=True):
    """One answer in a list: its number as shown, the answer and the question, in words."""

    number: str
    answer: str
    label: str
    notes: tuple[str, ...] = ()
    """Lines under the label (a counsellor's note), wrapped as the label is."""
    answer_style: str = ""
    """The answer's Rich style: bold for "not sure" in the person's check; "" in plain mode."""


class AnswerList:
    """Entries with their numbers right-aligned, laid out for the width they are drawn in.

    `answer_width`: the answer column at least this wide, so that it does not move as one
    answer changes. `number_style` and `note_style` are Rich styles ("" in plain mode).
    """

    def __init__(
        self,
        entries: Sequence[AnswerEntry],
        *,
        answer_width: int = 0,
        number_style: str = "",
        note_style: str = "",
    ) -> None:
        self.entries = [
            msgspec.structs.replace(
                entry,
                number=printable(entry.number),
                answer=printable(entry.answer),
                label=printable(entry.label),
                notes=tuple(printable(note) for note in entry.notes),
            )
            for entry in entries
        ]
        self.answer_width = max([answer_width, *(len(entry.answer) for entry in self.entries)])
        self.number_width = max([0, *(len(entry.number) for entry in self.entries)])
        self.number_style = number_style
        self.note_style = note_style

    def in_columns(self, width: int) -> bool:
        """Whether the label's column, beside the widest answer, holds every label's longest
        word and at least `LABEL_AT_LEAST` characters."""
        words = [len(word) for entry in self.entries for word in entry.label.split()]
        room = width - self.label_at
        return room >= max([LABEL_AT_LEAST, *words])

    @property
    def label_at(self) -> int:
        """The label's column, when in columns."""
        return self.number_width + GAP + self.answer_width + GAP

    def lines(self, width: int) -> Iterator[Text]:
        """Every line of the list, none wider than `width` where the width allows a word."""
        columns = self.in_columns(width)
        for entry in self.entries:
            yield from self._columns(entry, width) if columns else self._stacked(entry, width)

    def _number(self, entry: AnswerEntry) -> Text:
        number = f"{entry.number:>{self.number_width}}"
        return Text(number, style=self.number_style) + " " * GAP

    def _columns(self, entry: AnswerEntry, width: int) -> Iterator[Text]:
        indent = self.label_at
        label, *more = wrapped(entry.label, width - indent)
        answer = Text(entry.answer, style=entry.answer_style)
        padding = " " * (self.answer_width - len(entry.answer) + GAP)
        yield self._number(entry) + answer + padding + label
        for line in more:
            yield Text(" " * indent + line)
        yield from self._notes(entry, indent, width)

    def _stacked(self, entry: AnswerEntry, width: int) -> Iterator[Text]:
        at = self.number_width + GAP
        answer, *more = wrapped(entry.answer, width - at)
        yield self._number(entry) + Text(answer, style=entry.answer_style)
        for line in more:
            yield Text(" " * at) + Text(line, style=entry.answer_style)
        indent = at + LABEL_STEP
        for line in wrapped(entry.label, width - indent):
            yield Text(" " * indent + line)
        yield from self._notes(entry, indent, width)

    def _notes(self, entry: AnswerEntry, indent: int, width: int) -> Iterator[Text]:
        for note in entry.notes:
            for line in wrapped(note, width - indent):
                yield Text(" " * indent) + Text(line, style=self.note_style)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(options.max_width)


class Hanging:
    """One entry on a line, its wrapped lines hanging under its text: after its first word
    ("Q3 "), or no further in than half the width."""

    def __init__(self, text: str) -> None:
        self.text = printable(text)

    def lines(self, width: int) -> list[str]:
        first = self.text.split(" ", 1)[0]
        hang = min(len(first) + 1, width // 2)
        return wrapped(self.text, width, hang=hang)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n".join(self.lines(options.max_width)))


def wrapped(text: str, width: int, *, hang: int = 0) -> list[str]:
    """`text` in lines of at most `width`, the second and later indented by `hang`; at least
    one line. Never at a hyphen ("self-/harm"); a word longer than the line is broken, there
    being no other way to show it."""
    room = max(width, hang + 1, 1)
    lines = textwrap.wrap(text, width=room, subsequent_indent=" " * hang, break_on_hyphens=False)
    return lines or [""]
