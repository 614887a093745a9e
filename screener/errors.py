"""The project's own errors: the CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations

from typing import Literal

import msgspec

KeyPath = tuple[str | int, ...]
"""A key path inside a document, e.g. ("items", 3, "criterion")."""


def format_key_path(path: KeyPath) -> str:
    """Render a key path the way a person would write it: items[3].criterion."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class Problem(msgspec.Struct, frozen=True):
    """One thing wrong with one file, located as precisely as we can."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"


class ScreenerError(Exception):
    """Base of every error the CLI reports without a traceback."""

    exit_code = 1


class DataError(ScreenerError):
    """A bank, contacts, answers or output file is not usable (exit 1)."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        assert problems, "a DataError needs at least one problem"
        self.problems = problems
        super().__init__(str(problems[0]))

    @classmethod
    def single(
        cls,
        file: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
    ) -> DataError:
        return cls([Problem(file, message, line, column, key)])

    def __str__(self) -> str:
        more = len(self.problems) - 1
        return str(self.problems[0]) + (f" (and {more} more)" if more else "")


WriteReason = Literal[
    "symlink", "folder", "exists", "not_a_folder", "no_folder", "not_writable", "failed"
]
"""Why an output file cannot be written, as a closed set a prompt words in its language."""


class WriteError(DataError):
    """An output file that cannot be written (exit 1). The message is the CLI's English line;
    `reason` and `detail` (the folder, or the system's words for "failed") let a prompt in
    another language say the same (`UiStrings.write_problems`)."""

    def __init__(self, file: str, message: str, reason: WriteReason, detail: str = "") -> None:
        super().__init__([Problem(file, message)])
        self.reason: WriteReason = reason
        self.detail = detail


class UsageError(ScreenerError):
    """The command line asks for something that cannot be (exit 2)."""

    exit_code = 2
