"""A summary taller than the screen, paged on a live terminal so its top is not scrolled away."""

from __future__ import annotations

import codecs
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from typing import Any

from rich.console import Console

from screener.files.streams import LOOKALIKES_HANDLER

PAGER = ("less", "-R", "-F", "-X", "-K")
"""Colours kept (-R); a short text printed as it is (-F); what was read stays on the screen
when less ends (-X), so the contacts at the end remain in view; Ctrl-C leaves (-K). The prompt
(-Ps) is the person's language's, from the caller, with its own words on the last page."""

PRIVATE_LESS = {"LESSHISTFILE": "-", "LESSSECURE": "1", "LESS": "", "LESSOPEN": "", "LESSCLOSE": ""}
"""No history file of searches (a person's summary may be searched), no shell escapes or
editor, no preprocessors; the person's own LESS options are not applied over ours."""

Runner = Callable[..., Any]


def show_paged(
    console: Console,
    draw: Callable[[Console], None],
    environ: Mapping[str, str],
    *,
    prompt: str,
    at_end: str,
    run: Runner = subprocess.run,
    interactive: bool | None = None,
    after: Callable[[Console], None] | None = None,
) -> None:
    """Draw on the console as always; on a live terminal, a text taller than the screen goes
    through `less` from its top. Plain mode, pipes, PAGER=cat and machines without less
    are unchanged. Once less ends, `after` draws what must stay in view whatever was read
    (the contacts): a person who leaves the pager on its first page still sees them."""
    live = console.is_terminal and (sys.stdin.isatty() if interactive is None else interactive)
    paging_off = environ.get("PAGER") in ("", "cat")  # the usual way to say "no pager"
    if not live or paging_off or environ.get("TERM") == "dumb":
        draw(console)
        return
    with console.capture() as captured:
        draw(console)
    text = captured.get()
    less = shutil.which("less")
    if text.count("\n") < console.height or less is None:
        console.file.write(text)
        console.file.flush()
        return
    # The bytes are the console's own encoding, as the screen would get them (look-alikes where
    # it lacks a character). less must not guess them from the locale: a locale named but not
    # installed (an ssh session, a container) reads as ASCII, and every accent and line of a
    # UTF-8 summary would show as <C3><A9>.
    encoding = console.encoding
    told = {"LESSCHARSET": "utf-8"} if codecs.lookup(encoding).name == "utf-8" else {}
    given = text.encode(encoding, errors=LOOKALIKES_HANDLER)
    try:
        # less's own conditional: ?e (at the end) shows `at_end`, else `prompt`.
        shown = f"?e{less_literal(at_end)}:{less_literal(prompt)}."
        command = [less, *PAGER[1:], "-Ps" + shown]
        run(command, input=given, env={**environ, **PRIVATE_LESS, **told}, check=False)
    except OSError:  # less could not start: the summary is shown all the same
        console.file.write(text)
        console.file.flush()
        return
    if after is not None:
        after(console)


def less_literal(text: str) -> str:
    """Text shown as written in a less prompt, where ? : . % and \\ have meanings."""
    return "".join("\\" + character if character in "?:.%\\" else character for character in text)
