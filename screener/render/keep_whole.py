"""Text that wraps at spaces but never inside a phone number: "116 123" stays on one line."""

from __future__ import annotations

import re
import textwrap

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

NUMBER = re.compile(r"\+?\d[\d\-]*(?: {1,2}\d[\d\-]*)+")
"""Digits with spaces or hyphens between them: 116 123, 0300 123 6600, 1-800-662-4357, and
plain mode's digit by digit (0 3 0 0  1 2 3, two spaces between groups)."""

HOLD = "\u2800"
"""Stands in for a space inside a number while Rich wraps: one cell wide and not a space to
Rich (which breaks at any Unicode space, the no-break space too). Never printed."""


GROUP_GAP = re.compile(" {2,}")
"""Between the digit groups of a number written digit by digit: the one place it may break."""
STUCK = re.compile(r"\S*")
"""What follows a number without a space ("0 0 0," or "0 0 0)."), on its line with it."""


def hold_spaces(plain: str, width: int | None = None) -> str:
    """The spaces inside each number held, so that no line breaks inside it; a number wider
    than `width` (Lifeline's textphone digit by digit is 34 columns, wider than 28) keeps
    only the spaces inside its digit groups held, so it breaks between groups alone."""

    def held(match: re.Match[str]) -> str:
        number = match.group()
        following = STUCK.match(plain, match.end())
        attached = len(following.group()) if following else 0
        if width is None or len(number) + attached <= width or not GROUP_GAP.search(number):
            return number.replace(" ", HOLD)
        groups = GROUP_GAP.split(number)
        return "  ".join(group.replace(" ", HOLD) for group in groups)

    return NUMBER.sub(held, plain)


def fill(plain: str, width: int, indent: str = "") -> str:
    """textwrap.fill for plain mode, never breaking inside a number nor at its hyphens (a number
    wider than a line, between its digit groups only); each line starts with `indent`. A word
    longer than the line (a long web address) stays whole."""
    wrapped = textwrap.fill(
        hold_spaces(plain, width - len(indent)),
        width=width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
        break_long_words=False,
    )
    return wrapped.replace(HOLD, " ")


def hold_numbers(text: Text, width: int | None = None) -> Text:
    """The text with the spaces inside numbers held, spans kept (same length)."""
    held = hold_spaces(text.plain, width)
    if held == text.plain:
        return text
    copy = text.copy()
    copy.plain = held
    return copy


def release(text: Text) -> Text:
    copy = text.copy()
    copy.plain = text.plain.replace(HOLD, " ")
    copy.rstrip()  # a wrapped line keeps its last space; no screen reader should read it
    return copy


class KeepWhole:
    """A Text drawn like any other, but wrapped so that no number is split across lines (one
    wider than the line, between its digit groups only)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        held = hold_numbers(self.text, options.max_width)
        if held is self.text:
            yield self.text
            return
        lines = held.wrap(console, options.max_width, justify="default", overflow="fold")
        yield Text("\n").join(release(line) for line in lines)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, hold_numbers(self.text, options.max_width))


KEY_GAP = "   "
"""Three spaces part one key and its word from the next ("b back   q quit")."""


def key_lines(*hints: str, width: int) -> str:
    """Key hints ("y yes   n no", "? (question mark) help   x quick exit") packed into lines of
    at most `width`, breaking only between one key with its words and the next: "x quick exit"
    was split from its key at 28 columns, "x salida rápida" at 40."""
    groups = [group.strip() for hint in hints for group in hint.split(KEY_GAP) if group.strip()]
    lines: list[str] = []
    for group in groups:
        if lines and len(lines[-1]) + len(KEY_GAP) + len(group) <= width:
            lines[-1] += KEY_GAP + group
        else:
            lines.append(group)
    return "\n".join(lines)
