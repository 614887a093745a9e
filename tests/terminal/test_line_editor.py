"""The line editor: each key's effect on the text, and the screen kept in step with it."""

from __future__ import annotations

import re

import pytest

from screener.terminal.line_editor import LineEditor

MOVE = re.compile(r"\x1b\[(\d+)([ABCD])")


def play(
    output: str, screen: dict[tuple[int, int], str], row: int, column: int, width: int
) -> tuple[int, int]:
    pending = False  # a character written in the last column: the cursor waits there
    index = 0
    while index < len(output):
        match = MOVE.match(output, index)
        if match:
            count, final = int(match.group(1)), match.group(2)
            row += {"A": -count, "B": count}.get(final, 0)
            column += {"C": count, "D": -count}.get(final, 0)
            pending = False
            index = match.end()
            continue
        character = output[index]
        index += 1
        if character == "\b":
            column = max(column - 1, 0)
            pending = False
        elif character == "\r":
            column, pending = 0, False
        else:
            if pending:
                row, column, pending = row + 1, 0, False
            screen[(row, column)] = character
            if column == width - 1:
                pending = True
            else:
                column += 1
    if pending:
        return row, width - 1
    return row, column


def typed_in(
    keys: list[str], *, origin: int = 0, width: int = 0, initial: str = ""
) -> tuple[str, str, tuple[int, int]]:
    """The text kept, the screen's row of text, and where the cursor is, after `keys`."""
    editor = LineEditor.holding(initial, origin=origin, width=width)
    screen: dict[tuple[int, int], str] = {}
    row, column = divmod(origin, width) if width else (0, origin)
    total = width or 10_000
    row, column = play(editor.shown(), screen, row, column, total)
    for key in keys:
        output = editor.insert(key) if len(key) == 1 else editor.key(key)
        row, column = play(output, screen, row, column, total)
    cells = sorted(screen)
    shown = "".join(screen[cell] for cell in cells).rstrip()
    return editor.text, shown, (row, column)


def expected_cursor(editor_text_before_cursor: str, origin: int, width: int) -> tuple[int, int]:
    position = origin + len(editor_text_before_cursor)
    return divmod(position, width) if width else (0, position)


@pytest.mark.parametrize(
    ("keys", "text", "before_cursor"),
    [
        ([*"helo", "left", "l"], "hello", "hell"),
        ([*"world", "home", *"hello "], "hello world", "hello "),
        ([*"abc", "home", "delete", "end", "d"], "bcd", "bcd"),
        ([*"one two three", "word_left", "word_left", "delete_word_back"], "two three", ""),
        ([*"one two", "home", "word_right", "kill_to_end"], "one", "one"),
        ([*"one two", "word_left", "kill_to_start"], "two", ""),
        ([*"ab", "left", "left", "left", "right", "right", "right", "c"], "abc", "abc"),
        (["backspace", "delete", "left", "right"], "", ""),
    ],
)
@pytest.mark.parametrize("width", [0, 7, 80])
def test_each_key_edits_the_text_and_the_screen_shows_it(
    keys: list[str], text: str, before_cursor: str, width: int
) -> None:
    origin = 3  # a prompt before the typing; at width 7 the text wraps, twice
    kept, shown, cursor = typed_in(keys, origin=origin, width=width)
    assert kept == text
    assert shown == text
    assert cursor == expected_cursor(before_cursor, origin, width)


def test_text_already_held_is_shown_and_edited() -> None:
    kept, shown, cursor = typed_in(
        ["home", "word_right", "backspace"], initial="too long", width=80
    )
    assert (kept, shown, cursor) == ("to long", "to long", (0, 2))


def test_typing_at_the_end_echoes_just_the_key() -> None:
    editor = LineEditor(width=80)
    assert [editor.insert(key) for key in "ab"] == ["a", "b"]
    assert editor.key("backspace") == "\b \b"
    assert editor.key("kill_to_start") == "\b \b"


def test_an_accent_goes_with_its_letter() -> None:
    kept, _, _ = typed_in(["e", "\u0301", "x", "left", "backspace"], width=80)
    assert kept == "x"
