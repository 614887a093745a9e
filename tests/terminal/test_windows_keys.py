"""The Windows key reader against a fake msvcrt that keeps keys as the C runtime does."""

from __future__ import annotations

import io
import sys
from collections import deque

import pytest

from screener.terminal import keyboard, windows_keys
from screener.terminal.host import Terminal
from screener.terminal.keyboard import QuickExit

UP, F1 = ("\xe0", "H"), ("\x00", ";")


class FakeConsole:
    """msvcrt's getwch and ungetwch over a queue of key presses.

    A special key is a (lead, code) pair: getwch returns the lead and keeps the code in the
    runtime's one-character push-back slot, which ungetwch refuses to fill twice.
    """

    def __init__(self, *presses: str | tuple[str, str]) -> None:
        self.presses: deque[str | tuple[str, str]] = deque(presses)
        self.slot: str | None = None

    def getwch(self) -> str:
        if self.slot is not None:
            kept, self.slot = self.slot, None
            return kept
        press = self.presses.popleft()
        if isinstance(press, tuple):
            lead, self.slot = press
            return lead
        return press

    def ungetwch(self, character: str, /) -> None:
        if self.slot is not None:
            raise OSError("the push-back slot is full")
        self.slot = character


def read(*presses: str | tuple[str, str]) -> tuple[str, str]:
    echoed: list[str] = []
    line = windows_keys.read_line(echoed.append, FakeConsole(*presses))
    return line, "".join(echoed)


@pytest.mark.parametrize(
    ("presses", "line"),
    [
        (("y", "e", "s", "\r"), "yes"),
        (("n", "\n"), "n"),
        (("e", "x", "\x08", "\x08", "n", "\r"), "n"),
        ((UP, "y", "\r"), "y"),
        ((F1, "n", "o", "\r"), "no"),
        (("n", "o", "t", "\x15", "u", "\r"), "u"),
        (("s", "í", "\r"), "sí"),
        (("n", "o", " ", "s", "é", "\r"), "no sé"),
        (("v", "\xe0", "\r"), "v\xe0"),  # "à" typed is text, not an arrow's lead
        (("\r",), ""),
    ],
)
def test_lines(presses: tuple[str | tuple[str, str], ...], line: str) -> None:
    assert read(*presses)[0] == line


def test_what_is_typed_is_echoed_and_erased() -> None:
    assert read("n", "x", "\x08", "o", "\r") == ("no", "nx\b \bo\n")


@pytest.mark.parametrize("presses", [("\x1b",), ("x",), ("X",), ("y", "e", "\x1b")])
def test_quick_exit_needs_no_enter(presses: tuple[str, ...]) -> None:
    console = FakeConsole(*presses, "never read")
    with pytest.raises(QuickExit):
        windows_keys.read_line(lambda _: None, console)
    assert list(console.presses) == ["never read"]


def test_x_after_other_keys_is_a_letter() -> None:
    assert read("e", "x", "i", "t", "\r")[0] == "exit"


@pytest.mark.parametrize("key", ["\x1a", "\x04"])
def test_ctrl_z_or_ctrl_d_on_an_empty_line_is_the_end_of_input(key: str) -> None:
    with pytest.raises(EOFError):
        read(key)
    assert read("n", key, "o", "\r")[0] == "no"


def test_ctrl_c_is_an_interrupt() -> None:
    """The console is read raw, so Ctrl-C arrives as a character, not as a signal."""
    with pytest.raises(KeyboardInterrupt):
        read("y", "\x03")


def test_the_prompt_is_drawn_before_the_first_key() -> None:
    happened: list[str] = []
    console = FakeConsole("y", "\r")
    windows_keys.read_line(happened.append, console, prompt=lambda: happened.append("prompt"))
    assert happened == ["prompt", "y", "\n"]


# --- the hook in keyboard.py: chosen by what the system has, not by its name --------------


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_windows_console_reads_keys_through_msvcrt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "termios", None)  # import termios raises ImportError
    monkeypatch.setitem(sys.modules, "msvcrt", FakeConsole("\x1b"))
    windows = Terminal(Tty(), Tty(), Tty(), has_termios=False, windows_console=True)
    assert windows.reads_keys
    with pytest.raises(QuickExit):
        keyboard.read_line(lambda _: None, Tty())


def test_the_terminal_object_asks_the_system_what_it_has(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chosen by what the system has, not by its name: a Python without termios."""
    monkeypatch.setitem(sys.modules, "termios", None)
    assert not Terminal.from_process().has_termios


def test_without_termios_or_msvcrt_lines_are_read() -> None:
    """Such a Python once crashed at the first question, importing termios."""
    assert not Terminal(Tty(), Tty(), Tty(), has_termios=False, windows_console=False).reads_keys


def test_a_pipe_is_read_as_lines_everywhere() -> None:
    for windows in (False, True):
        assert not Terminal(io.StringIO(), Tty(), Tty(), windows_console=windows).reads_keys


# --- x on other layouts ------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        "\N{GREEK SMALL LETTER CHI}",
        "\N{CYRILLIC SMALL LETTER CHE}",
        "\N{FULLWIDTH LATIN SMALL LETTER X}",
    ],
)
def test_x_on_another_layout_is_the_quick_exit(key: str) -> None:
    with pytest.raises(QuickExit):
        read(key, "\r")
    line = windows_keys.read_line(lambda _: None, FakeConsole(key, "\r"), first_key_exits=False)
    assert line == key  # in free text, a letter


# --- read_key: one key by name, for the pager --------------------------------------------

PAGE_UP, PAGE_DOWN, HOME, END = ("\xe0", "I"), ("\xe0", "Q"), ("\xe0", "G"), ("\xe0", "O")
DOWN, LEFT, RIGHT = ("\xe0", "P"), ("\xe0", "K"), ("\xe0", "M")


@pytest.mark.parametrize(
    ("press", "name"),
    [
        (" ", "space"),
        ("\r", "enter"),
        (UP, "up"),
        (DOWN, "down"),
        (LEFT, "left"),
        (RIGHT, "right"),
        (PAGE_UP, "page_up"),
        (PAGE_DOWN, "page_down"),
        (HOME, "home"),
        (END, "end"),
        (("\x00", "H"), "up"),  # the numeric keypad's arrows lead with NUL
        (F1, "other"),
        ("q", "q"),
        ("G", "G"),
        ("\xe0", "\xe0"),  # "à" typed: a letter, not a lead
        ("\N{CYRILLIC SMALL LETTER EN}", "y"),
        ("\N{FULLWIDTH LATIN SMALL LETTER Q}", "q"),
    ],
)
def test_read_key_names_keys(press: str | tuple[str, str], name: str) -> None:
    console = FakeConsole(press, "never read")
    assert windows_keys.read_key(console) == name
    assert list(console.presses) == ["never read"] and console.slot is None


@pytest.mark.parametrize(
    ("press", "raised"),
    [
        ("\x1b", QuickExit),
        ("x", QuickExit),
        ("X", QuickExit),
        ("\N{GREEK SMALL LETTER CHI}", QuickExit),
        ("\x03", KeyboardInterrupt),
        ("\x1a", EOFError),
        ("\x04", EOFError),
    ],
)
def test_read_key_leaving(press: str, raised: type[BaseException]) -> None:
    with pytest.raises(raised):
        windows_keys.read_key(FakeConsole(press))


def test_a_windows_console_reads_a_key_through_msvcrt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "termios", None)
    monkeypatch.setitem(sys.modules, "msvcrt", FakeConsole(PAGE_DOWN))
    assert keyboard.read_key(Tty()) == "page_down"
    with keyboard.key_by_key(Tty()):  # the console is read raw: nothing to set
        pass


def test_a_line_is_edited_with_the_cursor_keys() -> None:
    """Left, Home, Delete and Ctrl-Left edit where the cursor is, as on POSIX."""
    left, home, delete, ctrl_left = ("\xe0", "K"), ("\xe0", "G"), ("\xe0", "S"), ("\xe0", "s")
    presses = [*"helo", left, "l", home, delete, "H", ctrl_left, "\x17", *"oh ", "\r"]
    line, _ = read(*presses)
    assert line == "oh Hello"


# --- a scale question's keys through the Windows console (issue 22) ----------------------


@pytest.mark.parametrize(
    ("presses", "meaning"),
    [
        (("W", "\r"), "weekly"),
        ((UP, "d", "\r"), "daily"),
        (("\N{CYRILLIC SMALL LETTER TSE}", "\r"), "weekly"),  # on the w key
        (("\N{FULLWIDTH DIGIT TWO}", "\r"), "monthly"),
        (("5", "\r"), "unsure"),
        (("y", "\r", "1", "\r"), "never"),  # yes is no answer to a scale: asked again
    ],
)
def test_a_scale_answer_through_msvcrt(
    monkeypatch: pytest.MonkeyPatch, presses: tuple[str | tuple[str, str], ...], meaning: str
) -> None:
    from screener.files.bank import load_bank
    from screener.files.bundled import contacts_file
    from screener.files.contacts import load_contacts
    from screener.files.wording import load_strings
    from screener.rules.contacts import choose_region, contacts_to_show
    from screener.rules.walk import Step
    from screener.terminal.console import make_console
    from screener.terminal.prompt import ConsoleAsker
    from tests.helpers import DATA

    monkeypatch.setitem(sys.modules, "termios", None)
    monkeypatch.setitem(sys.modules, "msvcrt", FakeConsole(*presses))
    windows = Terminal(Tty(), Tty(), Tty(), has_termios=False, windows_console=True)
    assert windows.reads_keys
    console = make_console(windows, windows.stdout, plain=True)
    region = contacts_to_show(choose_region(load_contacts(contacts_file()), "uk", {}), None, "en")
    often = next(item for item in load_bank(DATA / "scales.yaml").bank.items if item.id == "often")
    asker = ConsoleAsker(console, load_strings("en"), region, plain=True)
    assert asker.ask(Step(often, 4, 6, None)) == meaning
