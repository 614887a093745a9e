"""Asking where to save a record, on the live screen: a path, or Enter to skip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.text import Text

from screener.rules.review import as_one_safe_line
from screener.safetext import one_line
from screener.terminal.prompt import ask_line

DECLINED = frozenset({"n", "no", "q"})
"""Typed to say no rather than to name a file (after a run of y/n answers, a person may):
never saved as a file called "n"."""

SaveTo = Callable[[Path], "str | None"]
"""Try to save to a path: None once saved, else one line saying why not."""


def offer_save(
    console: Console,
    save: SaveTo,
    *,
    prompt: str,
    skipped: str,
    plain: bool,
    discard: Callable[[], bool] | None = None,
    suggested: Path | None = None,
    accept: frozenset[str] = frozenset(),
) -> Path | None:
    """Ask for a path until a save works or Enter (or the end of input) skips.

    The same privacy rules hold as for --output, since `save` writes as it does; a path that
    will not do is explained and asked for again, so nothing typed is lost. With `discard`
    (an intake's "Discard this interview?"), Ctrl-C or Ctrl-D skips only once it says yes.
    A word in `accept` (yes, in the screen's language) takes the `suggested` name.
    """
    while True:
        console.print()
        try:
            # A file name is free text: x (as in xanax-notes.md) is a letter, not the exit.
            typed = as_one_safe_line(ask_line(console, f"{prompt}:", plain=plain, free_text=True))
        except (EOFError, KeyboardInterrupt) as ending:
            if discard is not None and not discard():
                continue
            if discard is None and isinstance(ending, KeyboardInterrupt):
                raise
            typed = ""
        if not typed or typed.lower() in DECLINED:
            console.print(Text(skipped))
            return None
        chosen = suggested if suggested and typed.lower() in accept else Path(typed)
        path = _expanded(chosen)
        problem = save(path)
        if problem is None:
            return path
        console.print(Text(one_line(problem)))


def _expanded(path: Path) -> Path:
    """~ and ~user as the shell reads them; a name that starts with ~ but names no home
    (~0, ~nobody-here) is the file name as typed, not a crash."""
    try:
        return path.expanduser()
    except RuntimeError:  # "Could not determine home directory"
        return path
