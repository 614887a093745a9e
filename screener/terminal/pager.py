"""A summary taller than the screen, paged on a live terminal so its top is not scrolled away."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from typing import Any

from rich.console import Console

PAGER = ("less", "-R", "-F", "-X", "-K", "-PsSpace or arrows to read on, q when done")
"""Colours kept (-R); a short text printed as it is (-F); what was read stays on the screen
when less ends (-X), so the contacts at the end remain in view; Ctrl-C leaves (-K)."""

PRIVATE_LESS = {"LESSHISTFILE": "-", "LESSSECURE": "1", "LESS": "", "LESSOPEN": "", "LESSCLOSE": ""}
"""No history file of searches (a person's summary may be searched), no shell escapes or
editor, no preprocessors; the person's own LESS options are not applied over ours."""

Runner = Callable[..., Any]


def show_paged(
    console: Console,
    draw: Callable[[Console], None],
    environ: Mapping[str, str],
    *,
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
    try:
        run([less, *PAGER[1:]], input=text, text=True, env={**environ, **PRIVATE_LESS}, check=False)
    except OSError:  # less could not start: the summary is shown all the same
        console.file.write(text)
        console.file.flush()
        return
    if after is not None:
        after(console)
