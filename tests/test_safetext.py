"""Unsafe characters: the precompiled class agrees with the Unicode categories it stands for."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.safetext import UNSAFE, first_unsafe_character, one_line, printable


def test_every_control_character_but_tab_and_newline_is_caught() -> None:
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        if unicodedata.category(character) == "Cc":
            assert bool(UNSAFE.match(character)) == (character not in "\t\n"), hex(code)


def test_every_format_character_in_the_basic_plane_is_caught() -> None:
    for code in range(0x10000):
        character = chr(code)
        if unicodedata.category(character) == "Cf" and character != "\u00ad":
            assert UNSAFE.match(character), hex(code)


def test_nothing_visible_is_caught() -> None:
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        if UNSAFE.match(character):
            assert unicodedata.category(character) in ("Cc", "Cf", "Cn"), hex(code)


def test_terminal_tricks_are_defused() -> None:
    osc52 = "\x1b]52;c;ZWNobyBoaQ==\x07"
    assert printable(f"ok{osc52}\r[red]x") == "ok\ufffd]52;c;ZWNobyBoaQ==\ufffd\ufffd[red]x"
    assert first_unsafe_character("abc\u202edef") == "\u202e"
    assert first_unsafe_character("soft\u00adhyphen, tab\tand\nnewline") is None


@given(st.text())
def test_printable_leaves_nothing_unsafe(text: str) -> None:
    cleaned = printable(text)
    assert first_unsafe_character(cleaned) is None
    assert len(cleaned) == len(text)


# Every character Python splits lines at (str.splitlines), and tab: one_line() shows each as
# its escape, or as U+FFFD where it is unsafe anyway, so a file name or key with one inside
# stays on the line that names it.
BREAKS = {
    "\n": "\\n",
    "\t": "\\t",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
    **dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x85", "\ufffd"),
}


@pytest.mark.parametrize(("character", "shown"), BREAKS.items(), ids=ascii)
def test_one_line_shows_each_line_break_and_tab_as_an_escape(character: str, shown: str) -> None:
    assert one_line(f"a{character}b") == f"a{shown}b"


def test_every_line_break_python_knows_is_listed() -> None:
    breaking = {
        chr(code) for code in range(sys.maxunicode + 1) if len(f"a{chr(code)}b".splitlines()) > 1
    }
    assert breaking | {"\t"} == set(BREAKS)


@given(st.text())
def test_one_line_is_one_line_without_tabs(text: str) -> None:
    shown = one_line(text)
    assert len(shown.splitlines()) <= 1 and "\t" not in shown
    assert first_unsafe_character(shown) is None
