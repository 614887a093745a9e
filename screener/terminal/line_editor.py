"""The line being typed, with a cursor: what each editing key does and what to echo. No I/O.

Both key readers (termios in keyboard.py, msvcrt in windows_keys.py) name a key and hand it
here, so a note is edited alike on Linux, macOS and Windows: left, right, home, end, delete,
backspace, word-wise moves and deletes (Ctrl and an arrow, Ctrl-W), Ctrl-U and Ctrl-K, and
readline's Ctrl-A, Ctrl-E, Ctrl-B, Ctrl-F. Typing at the end echoes just the key, as before.

Why our own code and not a library: prompt_toolkit (the well-kept one that runs on both) costs
about 105 ms to import (`python -X importtime -c "from prompt_toolkit import PromptSession"`,
3.0.52, seven runs 103-107 ms), half again the whole JSON replay, and it reads the keyboard
itself, so Esc could no longer leave at once; GNU readline (stdlib `readline`) is POSIX only
and takes Esc as the start of a key binding.

Where the text wraps past the screen's edge, the cursor moves by rows (CSI A/B) and columns;
on one row it moves back with backspaces, which every terminal knows.
"""

from __future__ import annotations

import unicodedata

import msgspec

from screener.terminal.keys import width_of

CONTROL_KEYS = {
    "\x01": "home",  # Ctrl-A
    "\x05": "end",  # Ctrl-E
    "\x02": "left",  # Ctrl-B
    "\x06": "right",  # Ctrl-F
    "\x0b": "kill_to_end",  # Ctrl-K
    "\x15": "kill_to_start",  # Ctrl-U
    "\x17": "delete_word_back",  # Ctrl-W
    "\x7f": "backspace",
    "\x08": "backspace",
}
"""Control characters that edit, by name (Ctrl-D, Enter and Esc are the reader's)."""

EDITING_KEYS = frozenset(
    {
        "left",
        "right",
        "home",
        "end",
        "word_left",
        "word_right",
        "delete",
        "backspace",
        "kill_to_end",
        "kill_to_start",
        "delete_word_back",
    }
)


class LineEditor(msgspec.Struct):
    """The characters typed and where the cursor is among them.

    `origin` is the column the typing starts at (after the prompt), `width` the screen's
    columns (0: unknown, taken as one endless row).
    """

    origin: int = 0
    width: int = 0
    typed: list[str] = msgspec.field(default_factory=list)
    cursor: int = 0

    @classmethod
    def holding(cls, text: str, *, origin: int = 0, width: int = 0) -> LineEditor:
        """An editor with `text` already in it, the cursor at its end (shown by `shown()`)."""
        characters = list(text)
        return cls(origin, width, characters, len(characters))

    @property
    def text(self) -> str:
        """The line as kept: NFC, so 'si' + a combining accent is the 'sí' the words list."""
        return unicodedata.normalize("NFC", "".join(self.typed))

    def shown(self) -> str:
        """What to write, after the prompt, to show the text held and the cursor in it."""
        end = self._column(len(self.typed))
        return self._settled("".join(self.typed), end) + self._move(end, self._column(self.cursor))

    def insert(self, character: str) -> str:
        """Type a character at the cursor; what to echo."""
        at_end = self.cursor == len(self.typed)
        self.typed.insert(self.cursor, character)
        self.cursor += 1
        if at_end:
            return self._settled(character, self._column(self.cursor))
        # The terminal's cursor is where the character went: rewrite from there on.
        return self._redraw_tail(self.cursor - 1, blank=0) + self._move(
            self._column(self.cursor - 1), self._column(self.cursor)
        )

    def key(self, name: str) -> str:
        """An editing key by name (EDITING_KEYS); what to write to show its effect."""
        before = self.cursor
        if name == "left":
            return self._move_to(self._previous(self.cursor))
        if name == "right":
            return self._move_to(self._next(self.cursor))
        if name == "home":
            return self._move_to(0)
        if name == "end":
            return self._move_to(len(self.typed))
        if name == "word_left":
            return self._move_to(self._word_start(self.cursor))
        if name == "word_right":
            return self._move_to(self._word_end(self.cursor))
        if name == "backspace":
            return self._delete(self._previous(before), before)
        if name == "delete":
            end = before + 1
            while end < len(self.typed) and unicodedata.combining(self.typed[end]):
                end += 1  # an accent goes with its letter
            return self._delete(before, min(end, len(self.typed)))
        if name == "kill_to_end":
            return self._delete(before, len(self.typed))
        if name == "kill_to_start":
            return self._delete(0, before)
        if name == "delete_word_back":
            return self._delete(self._word_start(before), before)
        return ""

    # --- moving and deleting -------------------------------------------------------------

    def _previous(self, position: int) -> int:
        """The start of the character before `position`, with its combining marks."""
        position = max(position - 1, 0)
        while position > 0 and unicodedata.combining(self.typed[position]):
            position -= 1
        return position

    def _next(self, position: int) -> int:
        """The end of the character at `position`, with its combining marks."""
        position = min(position + 1, len(self.typed))
        while position < len(self.typed) and unicodedata.combining(self.typed[position]):
            position += 1
        return position

    def _word_start(self, position: int) -> int:
        while position > 0 and not self.typed[position - 1].isalnum():
            position -= 1
        while position > 0 and self.typed[position - 1].isalnum():
            position -= 1
        return position

    def _word_end(self, position: int) -> int:
        end = len(self.typed)
        while position < end and not self.typed[position].isalnum():
            position += 1
        while position < end and self.typed[position].isalnum():
            position += 1
        return position

    def _delete(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        removed = width_of("".join(self.typed[start:end]))
        at_end = end == len(self.typed) == self.cursor
        start_column, cursor_column = self._column(start), self._column(self.cursor)
        one_row = self._row(start_column) == self._row(self._column(end))
        del self.typed[start:end]
        self.cursor = start
        if at_end and one_row:  # the common case: erasing what was just typed
            return "\b \b" * removed
        move = self._move(cursor_column, start_column)
        return move + self._redraw_tail(start, blank=removed)

    def _move_to(self, position: int) -> str:
        moved = self._move(self._column(self.cursor), self._column(position))
        self.cursor = position
        return moved

    def _redraw_tail(self, start: int, *, blank: int) -> str:
        """The text from `start` (where the terminal's cursor is) to the end, `blank` spaces
        over what was there, and the cursor back at `start`."""
        tail = "".join(self.typed[start:])
        end = self._column(len(self.typed)) + blank
        return self._settled(tail + " " * blank, end) + self._move(end, self._column(start))

    # --- columns and rows ----------------------------------------------------------------

    def _column(self, position: int) -> int:
        """Columns from the start of the prompt's row to `position` in the text."""
        return self.origin + width_of("".join(self.typed[:position]))

    def _row(self, column: int) -> int:
        return column // self.width if self.width else 0

    def _settled(self, written: str, end: int) -> str:
        """`written`, ending at column `end`; at the screen's edge the terminal holds the
        cursor on the last column until the next character: a space and a backspace put it
        at the start of the next row, where the editor counts it."""
        if self.width and written and end % self.width == 0:
            return written + " \b"
        return written

    def _move(self, start: int, end: int) -> str:
        """The cursor from column `start` to column `end` (both counted from the prompt's
        row), across rows where the text wraps."""
        if start == end:
            return ""
        if self._row(start) == self._row(end):
            return "\b" * (start - end) if end < start else f"\x1b[{end - start}C"
        rows = self._row(start) - self._row(end)
        vertical = f"\x1b[{rows}A" if rows > 0 else f"\x1b[{-rows}B"
        column = end % self.width
        return vertical + "\r" + (f"\x1b[{column}C" if column else "")
