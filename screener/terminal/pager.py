"""Our own pager: a text taller than the screen shown from its top, a page at a time.

A summary or guide taller than the screen would scroll its top (the flags, the crisis words)
out of view, so on a live terminal it is paged. `less` was used before and was measured out:

- it writes to the process's standard output, not to the console screener draws on, so
  `screener --format json > s.json` with a tall summary put the summary into the JSON file;
- BusyBox less refuses -R -F -X -K -P; an unknown TERM stops less with "terminal is not fully
  functional";
- it has no quick exit (Esc, x), and its Esc swallows the next key;
- Ctrl-C left only the first page on the screen.

No other pager is started, whatever PAGER names, on purpose: privacy (a pager of the
person's choosing may keep a history of searches or run LESSOPEN preprocessors over a
summary of their answers), the quick exit (Esc and x must leave at once, from every screen),
and one behaviour everywhere (the same keys, the same prompt in the person's language, on
any terminal, with the contacts always drawn after it). PAGER is read for one thing only:
`PAGER=cat` (or empty), the usual way to say "no pager", prints the text whole.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console

from screener.terminal.console import terminal_of
from screener.terminal.host import Terminal, is_terminal
from screener.terminal.keyboard import key_by_key, read_key, width_of

CLEAR_VISIBLE_SCREEN = "\x1b[H\x1b[2J"
"""Home and clear what is visible, not the scrollback: what was above stays where it was."""

ERASE_LINE = "\r\x1b[2K"
"""Back to the start of the line, and clear it: the prompt goes, the page stays."""

REVERSE, RESET = "\x1b[7m", "\x1b[0m"

NEXT_PAGE = frozenset({"space", "f", "page_down"})
NEXT_LINE = frozenset({"enter", "j", "down"})
PREVIOUS_PAGE = frozenset({"b", "page_up"})
PREVIOUS_LINE = frozenset({"k", "up"})
TOP = frozenset({"g", "home"})
BOTTOM = frozenset({"G", "end"})
DONE = frozenset({"q", "Q"})


def show_paged(
    console: Console,
    draw: Callable[[Console], None],
    terminal: Terminal,
    *,
    prompt: str,
    at_end: str,
    after: Callable[[Console], None] | None = None,
    keys: Callable[[], str] | None = None,
) -> None:
    """Draw on the console; a text taller than the terminal is paged on `console.file`.

    Where keys cannot be read one by one, the console is no terminal, TERM is dumb, PAGER is
    cat or empty, or the text fits, the text is written whole and that is all (`after` is
    not called: what it would show is already in view). Else the pager shows the top page
    with `prompt` (or `at_end` on the last page) in reverse video below it, and reads keys:
    Space, f or Page Down a page on; Enter, j or Down a line; b or Page Up a page back; k or
    Up a line back; g or Home the top; G or End the last page; q, Ctrl-C or Ctrl-D ends it.
    Then the prompt is erased, the page stays, and `after(console)` draws what must be in
    view whatever was read (the contacts). Esc and x raise QuickExit; the caller clears the
    screen.

    `keys` stands in for the keyboard (a test's): a function returning key names as
    keyboard.read_key does. The terminal's modes are put back however this ends.
    """
    with console.capture() as captured:
        draw(console)
    text = captured.get()
    stream = console.file
    lines = text.splitlines()
    columns, rows = terminal.size(stream)
    live = terminal.reads_keys and is_terminal(stream) and not terminal.dumb
    paging_off = terminal.environ.get("PAGER") in ("", "cat")
    if not live or paging_off or len(lines) < rows:
        stream.write(text)
        stream.flush()
        return
    if keys is None:

        def keys() -> str:
            return read_key(terminal.stdin, encoding=terminal.key_encoding)

    with key_by_key(terminal.stdin):
        _page(stream.write, stream.flush, lines, keys, (columns, rows), prompt, at_end)
        stream.write(ERASE_LINE)
        stream.flush()
    if after is not None:
        after(console)


def _page(
    write: Callable[[str], object],
    flush: Callable[[], None],
    lines: list[str],
    keys: Callable[[], str],
    size: tuple[int, int],
    prompt: str,
    at_end: str,
) -> None:
    """Show pages until the person is done; QuickExit propagates."""
    columns, rows = size
    height = rows - 1  # the last row holds the prompt
    last_top = len(lines) - height
    top = 0
    shown = -1
    try:
        while True:
            if top != shown:
                page = lines[top : top + height]
                words = at_end if top == last_top else prompt
                write(CLEAR_VISIBLE_SCREEN + "\n".join(page) + "\n")
                write(REVERSE + cut_to_width(words, columns - 1) + RESET)
                flush()
                shown = top
            key = keys()
            if key in DONE:
                return
            top = max(0, min(last_top, top + _movement(key, height, last_top, top)))
    except (KeyboardInterrupt, EOFError):  # Ctrl-C and Ctrl-D end the pager, not the run
        return


def _movement(key: str, height: int, last_top: int, top: int) -> int:
    """How many lines a key moves the page (0 for a key the pager does not use)."""
    if key in NEXT_PAGE:
        return height
    if key in NEXT_LINE:
        return 1
    if key in PREVIOUS_PAGE:
        return -height
    if key in PREVIOUS_LINE:
        return -1
    if key in TOP:
        return -top
    if key in BOTTOM:
        return last_top - top
    return 0


def cut_to_width(text: str, columns: int) -> str:
    """The text's start, at most `columns` wide (a wide character is two): the prompt must
    stay on its one line, or the terminal scrolls and the page's top line is lost."""
    used = 0
    for index, character in enumerate(text):
        used += width_of(character)
        if used > columns:
            return text[:index]
    return text


def show_unless_plain(
    console: Console,
    draw: Callable[[Console], None],
    *,
    plain: bool,
    prompt: str,
    at_end: str,
    after: Callable[[Console], None] | None = None,
) -> None:
    """Plain text, read in order, is drawn whole and never paged (nor is a bare Console, a
    test's); on a `Screen`, `show_paged`. `after` is drawn below a paged text only."""
    terminal = terminal_of(console)
    if plain or terminal is None:
        draw(console)
        return
    show_paged(console, draw, terminal, prompt=prompt, at_end=at_end, after=after)
