"""Headings are never cut short, at any width: on a rule, in a panel's border, or wrapped."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.text import Text

from screener.files.bank import load_bank
from screener.files.bundled import bank_file, contacts_file
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.render.heading import Heading, TitledPanel
from screener.rules.contacts import choose_region, contacts_to_show
from screener.terminal.prompt import ConsoleAsker

BOX = "─│╭╮╰╯"
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéíóúñ¿?ABC,", min_size=1, max_size=12)


def words_shown(renderable: RenderableType, width: int) -> tuple[str, list[str]]:
    """The words on the screen, borders taken out, and the screen's lines."""
    console = Console(file=io.StringIO(), width=width, color_system=None)
    with console.capture() as captured:
        console.print(renderable)
    shown = captured.get()
    bare = shown.translate({ord(character): " " for character in BOX})
    return " ".join(bare.split()), shown.splitlines()


@given(words=st.lists(WORD, min_size=1, max_size=8), width=st.integers(16, 100))
def test_a_heading_is_shown_whole_and_within_the_screen(words: list[str], width: int) -> None:
    title = " ".join(words)
    for drawn in (Heading(Text(title)), TitledPanel(Text("Body."), Text(title))):
        shown, lines = words_shown(drawn, width)
        assert title in shown, (width, shown)
        assert all(cell_len(line) <= width for line in lines)


@pytest.mark.parametrize("width", [28, 40, 80])
def test_a_title_that_fits_is_drawn_as_ever(width: int) -> None:
    """On the rule, or in the border: the short headings of an 80-column screen look the same."""
    _, rule = words_shown(Heading(Text("Your answers")), width)
    assert rule == ["Your answers " + "─" * (width - 13)]
    if width >= 40:
        _, panel = words_shown(TitledPanel(Text("Body."), Text("Help")), width)
        assert panel[:2] == [
            "╭─ Help " + "─" * (width - 9) + "╮",
            "│ Body." + " " * (width - 8) + "│",
        ]
        assert panel[2:] == ["╰" + "─" * (width - 2) + "╯"]


@pytest.mark.parametrize("width", range(25, 40))
def test_a_narrow_panel_gives_its_text_every_column(width: int) -> None:
    """Side borders would split a web address of 25 letters at 28 columns; lines above and
    below still set the panel apart."""
    address = "telefonodelaesperanza.org"
    _, lines = words_shown(TitledPanel(Text(f"Web: {address} (24 h)"), Text("Help")), width)
    assert any(address in line.split() for line in lines)
    assert lines[0].startswith("Help ─") and set(lines[-1]) == {"─"}
    assert all(cell_len(line) <= width for line in lines)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_crisis_heading_is_whole_at_28_columns(language: str) -> None:
    """'Help is there for you right now' was cut to 'Help is there for you r' in the border."""
    strings = load_strings(language)
    path = bank_file("ketamine", language)
    assert path is not None
    flag = next(flag for flag in load_bank(path).bank.flags if flag.level == "crisis")
    region = contacts_to_show(choose_region(load_contacts(contacts_file()), "uk", {}), None, "en")
    output = io.StringIO()
    console = Console(file=output, width=28, color_system=None, markup=False, highlight=False)
    console.input = lambda *args, **kwargs: "y"  # type: ignore[method-assign]
    assert ConsoleAsker(console, strings, region, plain=False).crisis(flag)
    shown = " ".join(output.getvalue().translate({ord(c): " " for c in BOX}).split())
    assert strings.crisis_heading in shown
