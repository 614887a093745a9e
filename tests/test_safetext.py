"""Unsafe characters: the precompiled class agrees with the Unicode categories it stands for."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from screener.safetext import UNSAFE, first_unsafe_character, printable


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
