"""Our own pager: the page logic with keys handed in, then a real pseudo-terminal with pexpect."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from rich.console import Console

from screener.terminal.host import Terminal
from screener.terminal.keyboard import QuickExit
from screener.terminal.pager import (
    CLEAR_VISIBLE_SCREEN,
    ERASE_LINE,
    RESET,
    REVERSE,
    cut_to_width,
    show_paged,
)
from tests.helpers import signals_as_at_a_terminal

if TYPE_CHECKING:
    from pexpect import spawn as Child


class Tty(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


PROMPT, AT_END = "more: space, q", "end: q"
SIZE = {"COLUMNS": "40", "LINES": "10"}  # a page is 9 lines and the prompt


def paged(
    presses: list[str | type[BaseException]],
    *,
    lines: int = 100,
    environ: dict[str, str] | None = None,
    screen: io.StringIO | None = None,
    stdin: io.StringIO | None = None,
    prompt: str = PROMPT,
) -> tuple[str, list[str]]:
    """What the screen was sent, and the keys left unread."""
    screen = Tty() if screen is None else screen
    terminal = Terminal(
        stdin=Tty() if stdin is None else stdin,
        stdout=screen,
        stderr=screen,
        environ=SIZE if environ is None else environ,
    )
    console = Console(file=screen, force_terminal=True, width=40, highlight=False)
    waiting = list(presses)

    def keys() -> str:
        press = waiting.pop(0)
        if isinstance(press, str):
            return press
        raise press

    show_paged(
        console,
        lambda drawn: drawn.print("\n".join(f"line {n}" for n in range(1, lines + 1))),
        terminal,
        prompt=prompt,
        at_end=AT_END,
        after=lambda drawn: drawn.print("CONTACTS"),
        keys=keys,
    )
    return screen.getvalue(), [str(press) for press in waiting]


def pages(shown: str) -> list[tuple[int, int, str]]:
    """Each page drawn: its first and last line number, and its prompt."""
    drawn = []
    for frame in shown.split(CLEAR_VISIBLE_SCREEN)[1:]:
        *body, last = frame.split(ERASE_LINE)[0].split("\n")
        numbers = [int(line.removeprefix("line ")) for line in body]
        assert numbers == list(range(numbers[0], numbers[0] + 9)), frame
        assert last.startswith(REVERSE) and RESET in last
        drawn.append((numbers[0], numbers[-1], last[len(REVERSE) : last.index(RESET)]))
    return drawn


def test_the_first_page_and_the_prompt() -> None:
    shown, _ = paged(["q"])
    assert pages(shown) == [(1, 9, PROMPT)]
    assert shown.endswith(REVERSE + PROMPT + RESET + ERASE_LINE + "CONTACTS\n")


@pytest.mark.parametrize(
    ("presses", "tops"),
    [
        (["space"], [1, 10]),
        (["f"], [1, 10]),
        (["page_down"], [1, 10]),
        (["enter"], [1, 2]),
        (["j"], [1, 2]),
        (["down"], [1, 2]),
        (["space", "space", "b"], [1, 10, 19, 10]),
        (["space", "page_up"], [1, 10, 1]),
        (["space", "k"], [1, 10, 9]),
        (["space", "up"], [1, 10, 9]),
        (["space", "space", "g"], [1, 10, 19, 1]),
        (["space", "home"], [1, 10, 1]),
        (["G"], [1, 92]),
        (["end"], [1, 92]),
        (["G", "space", "enter", "f"], [1, 92]),  # nothing beyond the last page
        (["b", "k", "up", "g"], [1]),  # nothing before the first
        (["G", "k"], [1, 92, 91]),
        (["w", "?", "other", "left", "é", "Q"], [1]),  # other keys: ignored, not redrawn
    ],
)
def test_keys_move_the_page(presses: list[str | type[BaseException]], tops: list[int]) -> None:
    shown, left = paged([*presses, "q"])
    assert [top for top, _, _ in pages(shown)] == tops
    assert left in ([], ["q"])  # Q ends it as q does
    assert shown.endswith(ERASE_LINE + "CONTACTS\n")


def test_the_last_page_says_so() -> None:
    shown, _ = paged(["G", "k", "enter", "q"])
    assert pages(shown) == [(1, 9, PROMPT), (92, 100, AT_END), (91, 99, PROMPT), (92, 100, AT_END)]


@pytest.mark.parametrize("ending", [KeyboardInterrupt, EOFError])
def test_ctrl_c_and_ctrl_d_end_the_pager_and_the_contacts_follow(
    ending: type[BaseException],
) -> None:
    shown, left = paged(["space", ending, "never read"])
    assert [top for top, _, _ in pages(shown)] == [1, 10]
    assert shown.endswith(ERASE_LINE + "CONTACTS\n") and left == ["never read"]


def test_the_quick_exit_goes_to_the_caller_and_nothing_follows() -> None:
    with pytest.raises(QuickExit):
        paged(["space", QuickExit])


@pytest.mark.parametrize(
    ("lines", "environ", "screen", "stdin"),
    [
        (9, SIZE, Tty(), Tty()),  # fits above the shell's next line
        (100, {**SIZE, "TERM": "dumb"}, Tty(), Tty()),
        (100, SIZE, io.StringIO(), Tty()),  # the console is a file or a pipe
        (100, SIZE, Tty(), io.StringIO()),  # keys come from a pipe: no one to press Space
    ],
    ids=["fits", "dumb terminal", "console not a terminal", "keys from a pipe"],
)
def test_otherwise_the_text_is_written_whole_and_nothing_after(
    lines: int, environ: dict[str, str], screen: io.StringIO, stdin: io.StringIO
) -> None:
    shown, left = paged(["q"], lines=lines, environ=environ, screen=screen, stdin=stdin)
    assert shown == "".join(f"line {n}\n" for n in range(1, lines + 1))
    assert left == ["q"]  # no key was read


def test_ten_lines_on_ten_rows_are_paged() -> None:
    """The shell's prompt after them would scroll the first line away."""
    shown, _ = paged(["q"], lines=10)
    assert pages(shown) == [(1, 9, PROMPT)]


@pytest.mark.parametrize(
    "environ",
    [
        {"PAGER": "less"},
        {"PAGER": "most"},
        {"PAGER": "busybox less"},
        {"LESS": "-E", "LESSOPEN": "|cat %s"},
        {"TERM": "unknown-term"},
    ],
)
def test_the_pager_variables_change_nothing(environ: dict[str, str]) -> None:
    assert paged(["space", "q"], environ={**SIZE, **environ}) == paged(["space", "q"])


@pytest.mark.parametrize("pager", ["cat", ""])
def test_pager_cat_or_empty_says_no_pager(pager: str) -> None:
    """The usual way to say "no pager": the text whole, as on a pipe, and nothing after."""
    shown, left = paged(["q"], environ={**SIZE, "PAGER": pager})
    assert shown == "".join(f"line {n}\n" for n in range(1, 101)) and left == ["q"]


@pytest.mark.parametrize(
    ("text", "columns", "kept"),
    [
        ("abc", 5, "abc"),
        ("abcdef", 3, "abc"),
        ("日本語", 5, "日本"),  # two columns each: the third would overflow
        ("e\u0301e\u0301", 2, "e\u0301e\u0301"),  # accents take no column
        ("", 3, ""),
        ("abc", 0, ""),
    ],
)
def test_cut_to_width(text: str, columns: int, kept: str) -> None:
    assert cut_to_width(text, columns) == kept


def test_the_prompt_is_cut_to_the_width_so_the_page_does_not_scroll() -> None:
    shown, _ = paged(["q"], prompt="p" * 60)
    assert pages(shown) == [(1, 9, "p" * 39)]


# --- a real pseudo-terminal --------------------------------------------------------------

pexpect = pytest.importorskip("pexpect", reason="pexpect is a test dependency")

SCRIPT = """
import sys
from rich.console import Console
from screener.terminal.host import Terminal
from screener.terminal.keyboard import QuickExit
from screener.terminal.pager import show_paged

terminal = Terminal.from_process()
stream = terminal.stderr if sys.argv[1:] == ["stderr"] else terminal.stdout
console = Console(file=stream, force_terminal=True, width=80, highlight=False)
try:
    show_paged(
        console,
        lambda drawn: drawn.print("\\n".join(f"line {n:03d}." for n in range(1, 101))),
        terminal,
        prompt="MORE-PROMPT",
        at_end="END-PROMPT",
        after=lambda drawn: drawn.print("CONTACTS"),
    )
except QuickExit:
    print("QUICK", file=stream)
    sys.exit(3)
"""

on_a_pty = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

TIMEOUT = 10


def child_environment(**changes: str) -> dict[str, str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("COLUMNS", "LINES", "PAGER", "LESS")
    }
    return {**environ, "TERM": "xterm-256color", **changes}


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Callable[..., Child]]:
    children: list[Child] = []

    def start(*args: str, command: str = sys.executable, **changes: str) -> Child:
        child = pexpect.spawn(
            command,
            list(args) if args else ["-c", SCRIPT],
            env=child_environment(**changes),
            dimensions=(24, 80),
            encoding="utf-8",
            timeout=TIMEOUT,
            preexec_fn=signals_as_at_a_terminal,  # Ctrl-C works in a background job's child
        )
        children.append(child)
        return child

    yield start
    for child in children:  # a failed test must not leave a child waiting for a key
        if child.isalive():
            child.terminate(force=True)


def ended(child: Child) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None
    return int(child.exitstatus)


def page(child: Child, first: int, prompt: str = "MORE-PROMPT") -> None:
    """The page from line `first`: 23 lines, then the prompt on the 24th row."""
    child.expect_exact(prompt)
    shown = child.before
    assert f"line {first:03d}." in shown and f"line {first + 22:03d}." in shown, shown
    assert f"line {first - 1:03d}." not in shown and f"line {first + 23:03d}." not in shown


def first_page(child: Child) -> None:
    page(child, 1)


@on_a_pty
def test_a_real_terminal_pages_and_q_leaves_the_contacts_in_view(
    spawn: Callable[..., Child],
) -> None:
    child = spawn()
    first_page(child)
    child.send(" ")
    page(child, 24)
    child.send("G")
    page(child, 78, "END-PROMPT")
    child.send("q")
    child.expect_exact("CONTACTS")
    assert ended(child) == 0


@on_a_pty
def test_ctrl_c_ends_the_pager_with_the_contacts(spawn: Callable[..., Child]) -> None:
    child = spawn()
    first_page(child)
    child.sendintr()
    child.expect_exact("CONTACTS")
    assert "Traceback" not in child.before
    assert ended(child) == 0


@on_a_pty
@pytest.mark.parametrize("key", ["\x1b", "x", "\N{GREEK SMALL LETTER CHI}"])
def test_the_quick_exit_reaches_the_caller(spawn: Callable[..., Child], key: str) -> None:
    child = spawn()
    first_page(child)
    child.send(key)
    child.expect_exact("QUICK")
    assert "CONTACTS" not in child.before
    assert ended(child) == 3


@on_a_pty
@pytest.mark.parametrize(
    "changes",
    [
        {"PAGER": "less"},
        {"PAGER": "busybox less"},
        {"PAGER": "most"},
        {"PATH": "<empty>"},  # no less to be found
        {"TERM": "unknown-term"},
        {"LESS": "-E -F"},
    ],
    ids=["less", "busybox less", "most", "no less on PATH", "unknown TERM", "LESS set"],
)
def test_the_same_whatever_the_environment_says(
    spawn: Callable[..., Child], tmp_path: Path, changes: dict[str, str]
) -> None:
    if changes.get("PATH") == "<empty>":
        empty = tmp_path / "bin"
        empty.mkdir()
        changes = {"PATH": str(empty)}
    child = spawn(**changes)
    first_page(child)
    child.send(" ")
    page(child, 24)
    child.send("q")
    child.expect_exact("CONTACTS")
    assert ended(child) == 0
    quick = spawn(**changes)
    first_page(quick)
    quick.send("\x1b")
    quick.expect_exact("QUICK")
    assert ended(quick) == 3


@on_a_pty
def test_a_console_on_stderr_never_writes_to_stdout(
    spawn: Callable[..., Child], tmp_path: Path
) -> None:
    """`screener --format json > s.json`: the summary is paged on the screen, and the file
    holds only what standard output was given (here nothing)."""
    output = tmp_path / "s.json"
    child = spawn(
        "-c",
        'exec "$0" -c "$1" stderr > "$2"',
        sys.executable,
        SCRIPT,
        str(output),
        command="/bin/sh",
    )
    first_page(child)
    child.send(" ")
    page(child, 24)
    child.send("q")
    child.expect_exact("CONTACTS")
    assert ended(child) == 0
    assert output.read_text(encoding="utf-8") == ""
