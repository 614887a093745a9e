"""The one terminal object: the streams, the environment and the platform, read once at start.

Nothing else in screener reads `sys.stdin`, `sys.stdout`, `sys.stderr`, `os.environ` or the
platform (tests/test_architecture.py enforces it). A command is handed a `Terminal` made by
`Terminal.from_process()` in cli.py, or by a test with the streams it wants to watch, as Rich's
own tests hand a Console its file.

This module is cheap to import (no Rich): the start-up path of a JSON replay loads it.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TextIO, cast

import msgspec

NARROWEST = 20
"""Columns below this from the environment are ignored (COLUMNS=0 while fish reads its
config, COLUMNS=1..5 from a broken script): they would show nothing, or split numbers."""

FALLBACK_SIZE = (80, 24)
"""Columns and rows when neither the environment nor the terminal says."""

SHORTEST = 10
"""Rows below this are not believed either: a pager needs a page to show."""

READABLE_WIDTH = 100
"""No line is longer than this, whatever the terminal's width: at 250 columns a summary line
ran 220 characters, too long for the eye to find the next one (or for a room to read from the
back). The one cap: every console (Rich, plain, the projector's) and `resources` wrap here."""


def is_terminal(stream: IO[str] | None) -> bool:
    """Whether a stream is a terminal; a closed or missing stream is not."""
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _usable(stream: TextIO | None, mode: str) -> TextIO:
    """A stream that was closed before screener started (`screener <&-`, `>&-`) is None in
    Python: stand in the null device, so reading ends at once and writing goes nowhere."""
    if stream is not None:
        try:
            stream.fileno()
            return stream
        except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
            if not getattr(stream, "closed", False):
                return stream  # a StringIO: no descriptor, still a stream
    return cast(TextIO, Path(os.devnull).open(mode, encoding="utf-8"))


COERCED = frozenset({"C.UTF-8", "C.utf8", "UTF-8"})
"""What Python sets LC_CTYPE to when the locale named is not installed (PEP 538): it says
nothing of the terminal, so LANG's codeset is read instead."""


def _key_encoding(stream: TextIO, environ: Mapping[str, str]) -> str:
    """The encoding typed keys arrive in: the codeset the locale names (LC_ALL, LC_CTYPE, then
    LANG: "es_ES.ISO-8859-1" is Latin-1, even where that locale is not installed and Python
    fell back to UTF-8), else the one Python's own stdin was given, else UTF-8."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = environ.get(name)
        if name == "LC_CTYPE" and value in COERCED:
            continue  # Python's own stand-in for a locale it could not load (PEP 538)
        if value:
            codeset = value.partition(".")[2].partition("@")[0]
            if codeset:
                try:
                    return codecs.lookup(codeset).name
                except LookupError:
                    pass
            break
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    except LookupError:
        return "utf-8"


def _read_leniently(stream: TextIO, environ: Mapping[str, str]) -> TextIO:
    """Lines read in the terminal's encoding (the locale's codeset, see _key_encoding), and
    bytes that are not text in it read as U+FFFD, not a crash: Python reads stdin strictly,
    and a stray byte (a dead key) would raise UnicodeDecodeError out of a line read."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding=_key_encoding(stream, environ), errors="replace")
    return stream


class Terminal(msgspec.Struct, frozen=True):
    """Where screener talks and listens, decided once.

    `environ` is the process environment as it was at start (a copy: nothing in screener
    changes it), with LANG from the user's locale on Windows, which sets no locale variables.
    `platform` is `sys.platform` ("linux", "darwin", "win32"). `windows_console` is True where
    msvcrt reads a Windows console's keys.
    """

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    environ: Mapping[str, str] = msgspec.field(default_factory=dict)
    platform: str = "linux"
    windows_console: bool = False
    has_termios: bool = True
    arguments: tuple[str, ...] = ()
    """The command line after the program's name."""
    stdout_closed: bool = False
    """Standard output was closed before start (`screener >&-`): `stdout` is the null device,
    and what is meant for a person goes to standard error instead."""

    @classmethod
    def from_process(cls) -> Terminal:
        """The process's own streams, environment and platform: called once, in cli.py."""
        try:
            import termios  # noqa: F401 - only whether this system has it

            has_termios = True
        except ImportError:
            has_termios = False
        # start-up: read once, by the one call that makes the terminal
        from screener.files.streams import draw_on_any_console
        from screener.locales import with_system_locale

        stdout, stderr = _usable(sys.stdout, "w"), _usable(sys.stderr, "w")
        draw_on_any_console(stdout, stderr)
        # Windows sets no locale variables: its user locale stands in for LANG, once, here.
        environ = with_system_locale(dict(os.environ), sys.platform)
        return cls(
            stdin=_read_leniently(_usable(sys.stdin, "r"), environ),
            stdout=stdout,
            stderr=stderr,
            environ=environ,
            platform=sys.platform,
            windows_console="msvcrt" in sys.builtin_module_names,
            has_termios=has_termios,
            arguments=tuple(sys.argv[1:]),
            stdout_closed=sys.stdout is None,
        )

    # --- what each stream is ------------------------------------------------------------

    @property
    def screen(self) -> TextIO:
        """Where a person reads what screener says: standard output, unless it was closed."""
        return self.stderr if self.stdout_closed else self.stdout

    @property
    def stdin_is_terminal(self) -> bool:
        return is_terminal(self.stdin)

    @property
    def stdout_is_terminal(self) -> bool:
        return is_terminal(self.stdout)

    @property
    def dumb(self) -> bool:
        """TERM=dumb: no escape codes at all (Emacs' shell, some screen readers' consoles)."""
        return self.environ.get("TERM") == "dumb"

    @property
    def reads_keys(self) -> bool:
        """Keys one by one (Esc needs no Enter): a real terminal on standard input, and
        termios or a Windows console to read it with. A pipe or TERM=dumb reads lines."""
        if self.dumb or not self.stdin_is_terminal:
            return False
        return self.has_termios or self.windows_console

    @property
    def key_encoding(self) -> str:
        """How typed bytes are decoded: the terminal's own encoding (Latin-1, cp1252, UTF-8)."""
        return _key_encoding(self.stdin, self.environ)

    def wants_plain(self, flag: bool, stream: IO[str]) -> bool:
        """--plain, TERM=dumb, ACCESSIBLE, or a stream that is no terminal: no boxes, no colour.

        FORCE_COLOR (set and not empty, as force-color.org says) or CLICOLOR_FORCE (set, not
        empty and not 0, as uv and the CLICOLOR convention read it) keeps the Rich layout and its
        colour on a pipe; it never overrides a person's choice of plain text, and NO_COLOR still
        removes the colour.
        """
        if flag or self.dumb or self.environ.get("ACCESSIBLE"):
            return True
        clicolor_force = self.environ.get("CLICOLOR_FORCE", "") not in ("", "0")
        return not is_terminal(stream) and not (self.environ.get("FORCE_COLOR") or clicolor_force)

    def size(self, stream: IO[str]) -> tuple[int, int]:
        """Columns and rows to draw in on `stream`: COLUMNS and LINES where they are sane
        (at least 20 columns, 10 rows), else the terminal's own size, else 80x24."""
        columns = _from_environment(self.environ.get("COLUMNS"), NARROWEST)
        rows = _from_environment(self.environ.get("LINES"), SHORTEST)
        if columns is None or rows is None:
            measured = _measured(stream) or _measured(self.stdout) or _measured(self.stderr)
            real_columns, real_rows = measured or FALLBACK_SIZE
            if columns is None:
                columns = max(real_columns, NARROWEST)
            if rows is None:
                rows = real_rows if real_rows >= SHORTEST else FALLBACK_SIZE[1]
        return columns, rows

    def line_width(self, stream: IO[str]) -> int:
        """The columns a line of text may take on `stream`: its width, at most READABLE_WIDTH."""
        return min(self.size(stream)[0], READABLE_WIDTH)


def _from_environment(value: str | None, least: int) -> int | None:
    if value is None or not value.strip().isascii() or not value.strip().isdigit():
        return None
    number = int(value.strip())
    return number if number >= least else None


def _measured(stream: IO[str]) -> tuple[int, int] | None:
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, ValueError, OSError):
        return None
    if size.columns <= 0:
        return None
    return size.columns, size.lines
