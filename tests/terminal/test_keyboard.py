"""Key-by-key reading on a real pseudo-terminal: Esc and x leave at once, nothing else does."""

from __future__ import annotations

import io
import os
import select
import signal
import threading
from collections.abc import Callable, Iterator

import pytest

from screener.terminal.console import Screen, clear_screen
from screener.terminal.host import Terminal
from screener.terminal.keyboard import (
    CLEAR_SCREEN_AND_SCROLLBACK,
    QuickExit,
    is_quick_exit,
    key_by_key,
    read_key,
    read_line,
    sequence_name,
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
        host = Terminal(stdin=stream, stdout=output, stderr=output, environ={"TERM": term})
        clear_screen(Screen(file=output, force_terminal=not plain, terminal=host))
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


# --- the terminal's own encoding ------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_non_utf_8_terminal_types_in_its_own_encoding(
    terminal: tuple[int, io.TextIOWrapper], encoding: str
) -> None:
    """A terminal set to Latin-1 or cp1252 sends "í" as the one byte 0xED."""
    sender, stream = terminal
    os.write(sender, b"S\xed\r")
    assert read_line(lambda _: None, stream, encoding=encoding) == "S\u00ed"


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("encoding", ["ISO-8859-1", "CP1252"])
@pytest.mark.parametrize(("typed", "meaning"), [("no s\u00e9", "unsure"), ("S", "weekly")])
def test_a_non_utf_8_terminal_answers_a_spanish_scale(
    terminal: tuple[int, io.TextIOWrapper], encoding: str, typed: str, meaning: str
) -> None:
    """A Spanish scale (issue 22) at a Latin-1 or cp1252 terminal: "no sé" typed as its
    one-byte é is the language's not sure, and the bank's own key in capitals is its option."""
    from screener.files.bank import load_bank
    from screener.files.bundled import contacts_file
    from screener.files.contacts import load_contacts
    from screener.files.wording import load_strings
    from screener.rules.contacts import choose_region, contacts_to_show
    from screener.rules.walk import Step
    from screener.terminal.console import make_console
    from screener.terminal.prompt import ConsoleAsker
    from tests.helpers import DATA

    sender, stream = terminal
    os.write(sender, typed.encode(encoding) + b"\r")
    host = Terminal(stream, Tty(), Tty(), environ={"LANG": f"es_ES.{encoding}"})
    assert host.reads_keys and host.key_encoding.replace("-", "").lower() in ("iso88591", "cp1252")
    console = make_console(host, host.stdout, plain=True)
    region = contacts_to_show(choose_region(load_contacts(contacts_file()), "es", {}), None, "es")
    bank = load_bank(DATA / "scales.es.yaml").bank
    often = next(item for item in bank.items if item.id == "often")
    asker = ConsoleAsker(console, load_strings("es"), region, plain=True)
    assert asker.ask(Step(often, 4, 6, None)) == meaning


def test_cp1252_letters_latin_1_lacks(terminal: tuple[int, io.TextIOWrapper]) -> None:
    sender, stream = terminal
    os.write(sender, b"\x93S\xed\x94 \x80\r")  # curly quotes and the euro sign
    assert read_line(lambda _: None, stream, encoding="cp1252") == "\u201cS\u00ed\u201d \u20ac"


def test_a_byte_that_is_no_text_in_the_encoding_is_a_replacement(
    terminal: tuple[int, io.TextIOWrapper],
) -> None:
    sender, stream = terminal
    os.write(sender, b"S\xed\r")  # Latin-1 typed at a reader told UTF-8
    assert read_line(lambda _: None, stream) == "S\ufffd"


# --- x on other layouts: the same quick exit --------------------------------------------

OTHER_XS = ["\N{GREEK SMALL LETTER CHI}", "\N{CYRILLIC SMALL LETTER CHE}", "\uff58", "\u0427"]


@pytest.mark.parametrize("typed", OTHER_XS)
def test_x_on_another_layout_is_the_quick_exit(
    terminal: tuple[int, io.TextIOWrapper], typed: str
) -> None:
    with pytest.raises(QuickExit):
        type_keys(terminal, typed.encode() + b"\r")


@pytest.mark.parametrize("typed", OTHER_XS)
def test_x_on_another_layout_is_a_letter_in_free_text(
    terminal: tuple[int, io.TextIOWrapper], typed: str
) -> None:
    sender, stream = terminal
    os.write(sender, typed.encode() + b"\r")
    assert read_line(lambda _: None, stream, first_key_exits=False) == typed


@pytest.mark.parametrize("typed", OTHER_XS)
def test_a_line_of_x_on_another_layout_is_the_quick_exit(typed: str) -> None:
    assert is_quick_exit(f" {typed} ")
    assert not is_quick_exit(typed, first_key_exits=False)


# --- read_key: one key by name, for the pager --------------------------------------------


def press(terminal: tuple[int, io.TextIOWrapper], keys: bytes, encoding: str = "utf-8") -> str:
    sender, stream = terminal
    os.write(sender, keys)
    return read_key(stream, encoding=encoding)


@pytest.mark.parametrize(
    ("keys", "name"),
    [
        (b" ", "space"),
        (b"\r", "enter"),
        (b"\n", "enter"),
        (b"\x1b[A", "up"),
        (b"\x1b[B", "down"),
        (b"\x1bOA", "up"),  # application cursor mode
        (b"\x1bOB", "down"),
        (b"\x1b[C", "right"),
        (b"\x1b[D", "left"),
        (b"\x1b[5~", "page_up"),
        (b"\x1b[6~", "page_down"),
        (b"\x1b[H", "home"),
        (b"\x1b[F", "end"),
        (b"\x1bOH", "home"),
        (b"\x1bOF", "end"),
        (b"\x1b[1~", "home"),
        (b"\x1b[4~", "end"),
        (b"\x1b[7~", "home"),  # rxvt
        (b"\x1b[8~", "end"),
        (b"\x1b[1;5A", "up"),  # with Ctrl
        (b"\x1b[5;2~", "page_up"),  # with Shift
        (b"\x1bOP", "other"),  # F1
        (b"\x1b[3~", "other"),  # Delete
        (b"q", "q"),
        (b"G", "G"),
        (b"g", "g"),
        ("\N{CYRILLIC SMALL LETTER EN}".encode(), "y"),
        ("\N{FULLWIDTH LATIN SMALL LETTER Q}".encode(), "q"),
        ("\u00e9".encode(), "\u00e9"),
    ],
)
def test_read_key_names_keys(
    terminal: tuple[int, io.TextIOWrapper], keys: bytes, name: str
) -> None:
    assert press(terminal, keys) == name


def test_read_key_reads_one_key_and_leaves_the_next(
    terminal: tuple[int, io.TextIOWrapper],
) -> None:
    assert press(terminal, b"\x1b[6~ j") == "page_down"
    _, stream = terminal
    assert [read_key(stream), read_key(stream)] == ["space", "j"]


def test_read_key_decodes_in_the_terminals_encoding(
    terminal: tuple[int, io.TextIOWrapper],
) -> None:
    assert press(terminal, b"\xed", encoding="latin-1") == "\u00ed"


@pytest.mark.parametrize(
    "keys",
    [
        b"\x1b",
        b"\x1b\x1b",
        b"\x1bq",  # Esc and a key: the key does not reach the pager
        b"x",
        b"X",
        "\N{GREEK SMALL LETTER CHI}".encode(),
        "\N{CYRILLIC SMALL LETTER CHE}".encode(),
    ],
)
def test_read_key_quick_exit(terminal: tuple[int, io.TextIOWrapper], keys: bytes) -> None:
    import termios

    _, stream = terminal
    before = termios.tcgetattr(stream.fileno())
    with pytest.raises(QuickExit):
        press(terminal, keys)
    assert termios.tcgetattr(stream.fileno()) == before


def test_read_key_ctrl_d_is_the_end_of_input(terminal: tuple[int, io.TextIOWrapper]) -> None:
    with pytest.raises(EOFError):
        press(terminal, b"\x04")


@pytest.mark.parametrize("reader", ["key", "line"])
@pytest.mark.parametrize("while_waiting", [False, True])
def test_when_the_terminal_goes_away_the_session_ends_as_a_hang_up(
    while_waiting: bool, reader: str
) -> None:
    """The terminal window closed or the ssh connection dropped: a read gets EIO, often
    before SIGHUP arrives; either way the session ends as a hang-up (exit 129, the intake
    filed), not as an end of input that would ask "Discard this interview?" of nobody."""
    from screener.rules.endings import SessionEnded, Stop

    sender, receiver = os.openpty()
    with os.fdopen(receiver, encoding="utf-8") as stream:
        hang_up = threading.Timer(0.05 if while_waiting else 0, os.close, (sender,))
        hang_up.start()
        if not while_waiting:
            hang_up.join()
        try:
            with pytest.raises(SessionEnded) as ended:
                if reader == "key":
                    read_key(stream)
                else:
                    read_line(lambda _: None, stream)
            assert ended.value.stop is Stop.HANG_UP
        finally:
            hang_up.join()


def test_read_key_ctrl_c_as_a_character_is_an_interrupt(
    terminal: tuple[int, io.TextIOWrapper],
) -> None:
    """With signals on, the line discipline turns Ctrl-C into SIGINT (the pexpect tests in
    test_pager.py press it so); where a terminal passes it through, it is still Ctrl-C."""
    import termios

    _, stream = terminal
    descriptor = stream.fileno()
    modes = termios.tcgetattr(descriptor)
    modes[3] &= ~termios.ISIG
    termios.tcsetattr(descriptor, termios.TCSANOW, modes)
    with pytest.raises(KeyboardInterrupt):
        press(terminal, b"\x03")
    assert termios.tcgetattr(descriptor) == modes


def test_read_key_keeps_signals_on(terminal: tuple[int, io.TextIOWrapper]) -> None:
    import termios

    _, stream = terminal
    seen: list[int] = []

    def press_q() -> None:  # records the modes the key meets, then presses it
        seen.append(termios.tcgetattr(stream.fileno())[3])
        os.write(terminal[0], b"q")

    later = threading.Timer(0.05, press_q)
    later.start()
    try:
        assert read_key(stream) == "q"
    finally:
        later.join()
    assert seen and seen[0] & termios.ISIG and not seen[0] & (termios.ICANON | termios.ECHO)


def test_key_by_key_holds_the_mode_across_keys_and_puts_it_back(
    terminal: tuple[int, io.TextIOWrapper],
) -> None:
    import termios

    sender, stream = terminal
    descriptor = stream.fileno()
    before = termios.tcgetattr(descriptor)
    with pytest.raises(QuickExit), key_by_key(stream):
        os.write(sender, b" ")
        assert read_key(stream) == "space"
        # between keys (while a page is drawn) nothing is echoed or held for a line
        assert not termios.tcgetattr(descriptor)[3] & (termios.ICANON | termios.ECHO)
        os.write(sender, b"x")
        read_key(stream)
    assert termios.tcgetattr(descriptor) == before


def test_key_by_key_without_a_terminal_does_nothing() -> None:
    with key_by_key(io.StringIO()):
        pass


@pytest.mark.parametrize(
    ("sequence", "name"),
    [(b"[A", "up"), (b"[", "other"), (b"", "other"), (b"[9~", "other"), (b"Z", "other")],
)
def test_sequence_names(sequence: bytes, name: str) -> None:
    assert sequence_name(sequence) == name


@pytest.mark.parametrize(
    ("keys", "line"),
    [
        (b"helo\x1b[Dl\r", "hello"),  # left
        (b"world\x1b[Hhello \r", "hello world"),  # home
        (b"abc\x1bOH\x1b[3~\x1b[Fd\r", "bcd"),  # home (SS3), delete, end
        (b"one two three\x1b[1;5D\x1b[1;5D\x17\r", "two three"),  # Ctrl-Left twice, Ctrl-W
        (b"one two\x01\x1b[1;5C\x0b\r", "one"),  # Ctrl-A, Ctrl-Right, Ctrl-K
        (b"ab\x02\x04\r", "a"),  # Ctrl-B, then Ctrl-D deletes under the cursor
    ],
)
def test_a_line_is_edited_with_the_cursor_keys(
    terminal: tuple[int, io.TextIOWrapper], keys: bytes, line: str
) -> None:
    sender, stream = terminal  # typed after the switch: the line discipline never edits them
    assert read_line(lambda _: None, stream, typing(sender, keys)) == line


def test_text_given_first_is_there_to_edit(terminal: tuple[int, io.TextIOWrapper]) -> None:
    sender, stream = terminal
    echoed: list[str] = []
    typed = read_line(echoed.append, stream, typing(sender, b"\x7f\x7f\r"), initial="K-0142")
    assert (typed, echoed[0]) == ("K-01", "K-0142")
