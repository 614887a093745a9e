"""Key-by-key reading on a real pseudo-terminal: Esc and x leave at once, nothing else does."""

from __future__ import annotations

import io
import os
import select
import signal
import threading
from collections.abc import Callable, Iterator

import pytest
from rich.console import Console

from screener.terminal.console import clear_screen
from screener.terminal.keyboard import (
    CLEAR_SCREEN_AND_SCROLLBACK,
    QuickExit,
    is_quick_exit,
    read_line,
)

try:
    import termios  # noqa: F401 - only whether this system has it

    HAS_TERMIOS = True
except ImportError:
    HAS_TERMIOS = False

pytestmark = pytest.mark.skipif(not HAS_TERMIOS, reason="POSIX terminals only")


@pytest.fixture
def terminal() -> Iterator[tuple[int, io.TextIOWrapper]]:
    """A pseudo-terminal: write keys to the first, read them from the second."""
    keys, reader = os.openpty()
    stream = os.fdopen(reader, encoding="utf-8")
    yield keys, stream
    stream.close()
    os.close(keys)


def type_keys(terminal: tuple[int, io.TextIOWrapper], keys: bytes) -> str:
    sender, stream = terminal
    os.write(sender, keys)
    echoed: list[str] = []
    return read_line(echoed.append, stream)


@pytest.mark.parametrize(
    ("keys", "line"),
    [
        (b"yes\r", "yes"),
        (b"n\n", "n"),
        (b"ex\x7f\x7fn\r", "n"),  # x after the first key is just a letter; backspace works
        (b"\x1b[Ay\r", "y"),  # a cursor key is not Esc
        (b"not\x15u\r", "u"),  # Ctrl-U clears the line
        ("sí\r".encode(), "sí"),
        (b"\r", ""),
    ],
)
def test_lines(terminal: tuple[int, io.TextIOWrapper], keys: bytes, line: str) -> None:
    assert type_keys(terminal, keys) == line


@pytest.mark.parametrize("keys", [b"\x1b", b"x", b"X"])
def test_quick_exit_needs_no_enter(terminal: tuple[int, io.TextIOWrapper], keys: bytes) -> None:
    with pytest.raises(QuickExit):
        type_keys(terminal, keys)


def test_ctrl_d_on_an_empty_line(terminal: tuple[int, io.TextIOWrapper]) -> None:
    with pytest.raises(EOFError):
        type_keys(terminal, b"\x04")


def test_the_terminal_is_restored(terminal: tuple[int, io.TextIOWrapper]) -> None:
    import termios

    _, stream = terminal
    before = termios.tcgetattr(stream.fileno())
    with pytest.raises(QuickExit):
        type_keys(terminal, b"\x1b")
    assert termios.tcgetattr(stream.fileno()) == before


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("x", True), (" X ", True), ("\x1b", True), ("exit", False), ("", False)],
)
def test_line_based_quick_exit(typed: str, expected: bool) -> None:
    assert is_quick_exit(typed) is expected


@pytest.mark.parametrize(
    ("term", "on_a_terminal", "plain", "cleared"),
    [
        ("xterm-256color", True, False, True),
        ("xterm-256color", True, True, True),  # plain mode draws plainly, still clears
        ("dumb", True, False, False),
        ("xterm-256color", False, False, False),  # a pipe or a file keeps its text
    ],
)
def test_clearing_the_screen(
    terminal: tuple[int, io.TextIOWrapper],
    term: str,
    on_a_terminal: bool,
    plain: bool,
    cleared: bool,
) -> None:
    sender, stream = terminal
    output = os.fdopen(os.dup(stream.fileno()), "w") if on_a_terminal else io.StringIO()
    with output:
        clear_screen(Console(file=output, force_terminal=not plain), {"TERM": term})
        output.flush()
        if on_a_terminal:
            shown = os.read(sender, 100).decode() if _ready(sender) else ""
        else:
            assert isinstance(output, io.StringIO)
            shown = output.getvalue()
    assert (CLEAR_SCREEN_AND_SCROLLBACK in shown) is cleared


def _ready(descriptor: int) -> bool:
    return bool(select.select([descriptor], [], [], 0.5)[0])


# --- Esc: alone, twice, with a key, and a cursor key whose bytes come apart ----------------


@pytest.mark.parametrize(
    "keys",
    [
        b"\x1b\x1b",  # a panicked double tap, as tmux and screen deliver it
        b"\x1bq",  # Esc and any key but [ or O
        b"\x1b1",
        "\x1bé".encode(),
        b"ab\x1b\x1b",  # with something typed already
    ],
)
def test_esc_followed_by_anything_but_a_sequence_leaves(
    terminal: tuple[int, io.TextIOWrapper], keys: bytes
) -> None:
    with pytest.raises(QuickExit):
        type_keys(terminal, keys + b"\r")  # the Enter is never read: no wait for it


@pytest.mark.parametrize(("keys", "line"), [(b"\x1bOPy\r", "y"), (b"\x1b[1;5Cn\r", "n")])
def test_function_and_modified_keys_are_not_esc(
    terminal: tuple[int, io.TextIOWrapper], keys: bytes, line: str
) -> None:
    assert type_keys(terminal, keys) == line


def test_a_cursor_key_whose_bytes_come_apart_is_not_esc(
    terminal: tuple[int, io.TextIOWrapper],
) -> None:
    """Over ssh or tmux the [ A of a cursor key can follow its Esc 80 ms later."""
    sender, _ = terminal
    later = threading.Timer(0.08, os.write, (sender, b"[Ay\r"))
    later.start()
    try:
        assert type_keys(terminal, b"\x1b") == "y"
    finally:
        later.join()


# --- free text: x is a letter there ------------------------------------------------------


@pytest.mark.parametrize(("keys", "line"), [(b"XR-2291\r", "XR-2291"), (b"xanax\r", "xanax")])
def test_in_free_text_x_is_a_letter(
    terminal: tuple[int, io.TextIOWrapper], keys: bytes, line: str
) -> None:
    sender, stream = terminal
    os.write(sender, keys)
    assert read_line(lambda _: None, stream, first_key_exits=False) == line


def test_in_free_text_esc_still_leaves(terminal: tuple[int, io.TextIOWrapper]) -> None:
    sender, stream = terminal
    os.write(sender, b"\x1b")
    with pytest.raises(QuickExit):
        read_line(lambda _: None, stream, first_key_exits=False)


@pytest.mark.parametrize(("typed", "expected"), [("x", False), ("XR-2291", False), ("\x1b", True)])
def test_line_based_free_text_leaves_only_on_esc(typed: str, expected: bool) -> None:
    assert is_quick_exit(typed, first_key_exits=False) is expected


# --- typing: CR LF, wide characters, combining accents, Ctrl-Z and fg ---------------------


def test_a_pasted_windows_line_end_is_one_line_end(
    terminal: tuple[int, io.TextIOWrapper],
) -> None:
    sender, stream = terminal
    first = read_line(lambda _: None, stream, typing(sender, b"y\r\nn\r\n"))  # one paste
    lines = [first, read_line(lambda _: None, stream)]
    assert lines == ["y", "n"]


def test_a_line_feed_typed_after_enter_is_a_line_end(
    terminal: tuple[int, io.TextIOWrapper],
) -> None:
    """Only a CR LF that arrives together (a paste) counts once: Enter (CR) at one prompt,
    then a line feed at the next (Ctrl-J, or a CR the line discipline turned into LF) is
    still an empty line, not swallowed (the run would wait for a key that never comes)."""
    sender, stream = terminal
    first = read_line(lambda _: None, stream, typing(sender, b"y\r"))
    second = read_line(lambda _: None, stream, typing(sender, b"\n"))
    assert [first, second] == ["y", ""]


@pytest.mark.parametrize(
    ("keys", "erased"),
    [
        ("日本\x7f".encode(), "\b \b" * 2),  # a wide character takes two columns
        ("日本\x15".encode(), "\b \b" * 4),
        ("e\u0301\x7f".encode(), "\b \b"),  # an accent takes none, and goes with its letter
        (b"ab\x15", "\b \b" * 2),
    ],
)
def test_erasing_takes_back_the_columns_shown(
    terminal: tuple[int, io.TextIOWrapper], keys: bytes, erased: str
) -> None:
    sender, stream = terminal
    echoed: list[str] = []
    read_line(echoed.append, stream, typing(sender, keys + b"\r"))
    assert echoed[-2] == erased


@pytest.mark.parametrize(("keys", "line"), [("日本\x7fx\r", "日x"), ("ae\u0301\x7fb\r", "ab")])
def test_the_kept_line_matches_the_screen(
    terminal: tuple[int, io.TextIOWrapper], keys: str, line: str
) -> None:
    sender, stream = terminal
    assert read_line(lambda _: None, stream, typing(sender, keys.encode())) == line


def typing(sender: int, keys: bytes) -> Callable[[], None]:
    """A prompt that types the keys once it shows, as a person would: after the switch to
    key-by-key mode, so the line discipline's own editing never sees them."""

    def prompt() -> None:
        os.write(sender, keys)

    return prompt


def test_a_combining_accent_is_normalised(terminal: tuple[int, io.TextIOWrapper]) -> None:
    assert type_keys(terminal, "si\u0301\r".encode()) == "sí"


def test_after_ctrl_z_and_fg_the_keys_and_prompt_come_back(
    terminal: tuple[int, io.TextIOWrapper],
) -> None:
    """A shell puts its own modes back while screener is stopped; SIGCONT takes them again."""
    import termios

    sender, stream = terminal
    descriptor = stream.fileno()
    cooked = termios.tcgetattr(descriptor)
    drawn: list[bool] = []

    def prompt() -> None:  # records whether Esc would be read at once when it is drawn
        drawn.append(not termios.tcgetattr(descriptor)[3] & termios.ICANON)

    def stop_and_resume() -> None:
        termios.tcsetattr(descriptor, termios.TCSANOW, cooked)  # what the shell does
        os.kill(os.getpid(), signal.SIGCONT)

    os.write(sender, b"ab")
    later = threading.Timer(0.05, stop_and_resume)
    later.start()
    try:
        echoed: list[str] = []
        # Esc must arrive after the resume: the prompt is redrawn before it is read.
        follow = threading.Timer(0.3, os.write, (sender, b"c\r"))
        follow.start()
        line = read_line(echoed.append, stream, prompt)
        follow.join()
    finally:
        later.join()
    assert line == "abc"
    assert drawn == [True, True]
    assert "ab" in echoed[echoed.index("\r\n") :]
