"""The session object: what it tells the rest by who is screened and where the record goes.

Its table of early endings and its destinations are in tests/rules/test_endings.py; here, the
rest of what it answers: whether someone can be asked, and whom the save's words address.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from screener.commands.session import Session, Who
from screener.commands.setup import Options
from screener.files.wording import load_strings
from screener.models.wording import UiStrings
from screener.render import Format
from screener.terminal.host import Terminal


class Keyboard(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


def session(who: Who, *, keyboard: bool = True) -> Session:
    terminal = Terminal(Keyboard(keyboard), io.StringIO(), io.StringIO())
    return Session(who, terminal, Options(format=Format.json, output=Path("record.json")))


@pytest.mark.parametrize("keyboard", [True, False])
@pytest.mark.parametrize("who", list(Who))
def test_someone_can_be_asked_only_where_input_is_a_terminal(who: Who, keyboard: bool) -> None:
    """A script's input that ran out cannot answer "save it elsewhere?" (docs/endings.md)."""
    assert session(who, keyboard=keyboard).at_a_keyboard is keyboard


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_save_s_words_address_the_person_or_the_counsellor(language: str) -> None:
    strings: UiStrings = load_strings(language)
    alone, intake = session(Who.SELF), session(Who.INTAKE)
    assert alone.saved_to_words(strings) == strings.saved_to
    assert alone.save_failed_words(strings) == strings.save_failed
    assert intake.saved_to_words(strings) == strings.intake.record_saved_to
    assert intake.save_failed_words(strings) == strings.intake.record_save_failed
    # Four different sentences: a mix-up between them would show.
    assert (
        len(
            {
                strings.saved_to,
                strings.save_failed,
                strings.intake.record_saved_to,
                strings.intake.record_save_failed,
            }
        )
        == 4
    )
