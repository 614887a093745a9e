"""Typed input and the terminal transcript, asserted whole."""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from screener.files import bundled
from screener.models.bank import LoadedBank
from screener.models.base import ANSWERS
from screener.models.contacts import ContactBook
from screener.models.wording import UiStrings
from screener.rules.contacts import choose_region, contacts_to_show
from screener.rules.walk import Navigation, Step
from screener.terminal.prompt import Command, ConsoleAsker, interpret
from tests.helpers import unbroken


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("y", "yes"),
        (" YES ", "yes"),
        ("Yes.", "yes"),
        ("1", "yes"),
        ("n", "no"),
        ("No", "no"),
        ("2", "no"),
        ("u", "unsure"),
        ("not sure", "unsure"),
        ("Not   Sure", "unsure"),
        ("3", "unsure"),
        ("?", Command.HELP),
        ("help", Command.HELP),
        ("b", Navigation.BACK),
        ("back", Navigation.BACK),
        ("q", Navigation.QUIT),
        ("quit", Navigation.QUIT),
        ("", None),
        ("4", None),
        ("yesno", None),
        ("[red]y", None),
    ],
)
def test_interpret(strings: UiStrings, typed: str, meaning: object) -> None:
    assert interpret(typed, strings) == meaning


@given(st.text(max_size=40))
def test_interpret_never_fails(typed: str) -> None:
    from screener.files.wording import load_strings

    meaning = interpret(typed, load_strings("en"))
    # Any text becomes one of the answers, a navigation or a command, or nothing at all.
    assert meaning is None or meaning in ANSWERS or isinstance(meaning, (Navigation, Command))


def make_asker(
    strings: UiStrings, contacts: ContactBook, typed: str, *, plain: bool
) -> tuple[ConsoleAsker, io.StringIO]:
    output = io.StringIO()
    console = Console(file=output, width=60, color_system=None, markup=False, highlight=False)
    lines = iter(typed.splitlines())

    def fake_input(prompt: object = "", *, password: bool = False, stream: object = None) -> str:
        console.print(prompt, end="")
        line = next(lines)
        console.print(line)  # echo, as a terminal would
        return line

    console.input = fake_input  # type: ignore[method-assign, assignment]
    uk = contacts_to_show(choose_region(contacts, "uk", {}), None, "en")
    return ConsoleAsker(console, strings, uk, plain=plain), output


def test_plain_question_with_help_and_a_wrong_key(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook
) -> None:
    asker, output = make_asker(strings, contacts, "?\nmaybe not\n2", plain=True)
    item = ketamine.bank.items[0]
    assert asker.ask(Step(item, 1, 19, None)) == "no"
    assert output.getvalue() == (
        "\n"
        "Question 1 of 19.\n"
        "In the past 12 months, have you used ketamine in any form?\n"
        'This includes powder, "K", and ketamine that was prescribed\n'
        "to you.\n"
        "Type 1 for yes, 2 for no, 3 for not sure. You can also type\n"
        "help, back or quit.\n"
        "Your answer: ?\n"
        "About this question: Count any use at all in the past year,\n"
        "even once. That includes snorting a bump, taking it in a\n"
        "drink or pill, or ketamine or esketamine treatment from a\n"
        "doctor or clinic. If you are not sure whether something you\n"
        'took was ketamine, you can answer "not sure".\n'
        "Your answer: maybe not\n"
        "Sorry, I didn't catch that. Type y, n or u, or ? for help.\n"
        "Your answer: 2\n"
    )


def test_enter_keeps_an_earlier_answer(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook
) -> None:
    asker_with_enter, output = make_asker(strings, contacts, "\n", plain=True)
    item = ketamine.bank.items[1]
    assert asker_with_enter.ask(Step(item, 2, 19, "unsure")) == "unsure"
    assert "Earlier you said: not sure. Press Enter to keep it." in output.getvalue()


def test_crisis_shows_the_regions_crisis_contacts_then_asks(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook
) -> None:
    asker, output = make_asker(strings, contacts, "what\ny", plain=True)
    flag = next(flag for flag in ketamine.bank.flags if flag.level == "crisis")
    assert asker.crisis(flag) is True
    text = output.getvalue()
    assert text.index("Help is there for you right now") < text.index("Samaritans")
    assert "call 116 123" in text and "call 999" in text
    assert "FRANK" not in text  # drug helplines wait for the summary
    assert text.rstrip().endswith("Your answer: y")


def test_crisis_stop(ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook) -> None:
    asker, output = make_asker(strings, contacts, "n", plain=False)
    flag = next(flag for flag in ketamine.bank.flags if flag.level == "crisis")
    assert asker.crisis(flag) is False
    assert "Nothing was saved" in output.getvalue()


def test_intro_can_be_left_at_once(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook
) -> None:
    asker, output = make_asker(strings, contacts, "q", plain=True)
    assert asker.intro(ketamine.bank) is False
    assert "It is not a diagnosis." in output.getvalue()
    assert "or q to stop" in output.getvalue()


def test_the_intake_shows_the_criterion_beside_the_question_and_takes_a_note(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook
) -> None:
    from screener.rules.walk import Note
    from screener.terminal.counsellor import CounsellorConsoleAsker

    asker, output = make_asker(strings, contacts, "n\n  went  on\x1b[B all night \n", plain=False)
    intake = CounsellorConsoleAsker(
        asker.console, strings, asker.region, ketamine.bank, plain=False
    )
    item = ketamine.bank.items[2]
    assert intake.ask(Step(item, 3, 19, None)) == Note("went on[B all night")
    shown = "\n".join(line.rstrip() for line in output.getvalue().split("\n"))
    assert shown == (
        "\n"
        "Question 3 of 19   criterion 1 of 10: impaired control\n"
        "In the past 12 months, did you often use more ketamine, or\n"
        "keep going for longer, than you meant to?\n"
        "1 yes   2 no   3 not sure\n"
        "n note   ? help   b back   q quit   x quick exit\n"
        "Your answer: n\n"
        "Note (one line; Enter alone removes it):   went  on\x1b[B all night\n"
        "Note kept. Now the answer.\n"
    )


def test_n_means_no_in_the_self_check(strings: UiStrings) -> None:
    assert interpret("n", strings) == "no"


def test_the_review_keeps_its_columns_on_a_narrow_screen(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook
) -> None:
    from screener.rules.review import Change, ReviewRow, item_label
    from screener.terminal.counsellor import CounsellorConsoleAsker

    items = ketamine.bank.items
    rows = [
        ReviewRow(
            9, items[8], "unsure", "stopped football", item_label(ketamine.bank, items[8], strings)
        ),
        ReviewRow(10, items[9], "no", None, item_label(ketamine.bank, items[9], strings)),
    ]
    for plain in (True, False):
        asker, output = make_asker(strings, contacts, "11\n10", plain=plain)
        output.truncate(0)
        asker.console.width = 40
        intake = CounsellorConsoleAsker(
            asker.console, strings, asker.region, ketamine.bank, plain=plain
        )
        assert intake.review(rows) == Change(10)
        shown = [line.rstrip() for line in output.getvalue().split("\n")]
        start = shown.index("Client reference: not given") + 2
        assert shown[start : start + 7] == [  # the same in both modes
            " 9  not sure  Gave up activities",
            "              (criterion 7, social",
            "              impairment)",
            "              Note: stopped football",
            "10  no        Use in hazardous",
            "              situations (criterion 8,",
            "              risky use)",
        ]
        assert "Type a number from 1 to 10" in output.getvalue()


class _Screen(io.StringIO):
    """A terminal's standard output, in the encoding the terminal was set up with."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def _paged(
    height: int,
    lines: int,
    environ: dict[str, str],
    *,
    terminal: bool = True,
    encoding: str = "utf-8",
    text: str = "line {n}",
) -> tuple[str, list[tuple[bytes, dict[str, str]]]]:
    from rich.console import Console

    from screener.terminal.pager import show_paged

    output = _Screen(encoding)
    console = Console(
        file=output, force_terminal=terminal, width=80, height=height, highlight=False
    )
    sent: list[tuple[bytes, dict[str, str]]] = []

    def run(command: list[str], **options: Any) -> None:
        # less reads ? : . % itself: escaped, inside its at-the-end conditional.
        assert command[-1] == r"-Ps?eEnd\.:Read on\: space\. 100\% done\? q."
        sent.append((options["input"], options["env"]))

    show_paged(
        console,
        lambda screen: screen.print("\n".join(text.format(n=n) for n in range(lines))),
        environ,
        prompt="Read on: space. 100% done? q",
        at_end="End.",
        run=run,
        interactive=True,
        after=lambda screen: screen.print("the contacts again"),
    )
    return output.getvalue(), sent


def test_a_summary_taller_than_the_screen_is_paged() -> None:
    shown, sent = _paged(24, 106, {})
    assert len(sent) == 1 and sent[0][0].startswith(b"line 0\nline 1\n")
    assert shown == "the contacts again\n"  # in view, however little of the pager was read


@pytest.mark.parametrize(
    ("height", "environ", "terminal"),
    [(40, {}, True), (24, {"PAGER": "cat"}, True), (24, {"TERM": "dumb"}, True), (24, {}, False)],
    ids=["fits", "paging off", "dumb terminal", "a pipe"],
)
def test_otherwise_the_summary_is_printed_as_ever(
    height: int, environ: dict[str, str], terminal: bool
) -> None:
    shown, sent = _paged(height, 30, environ, terminal=terminal)
    assert sent == [] and shown.startswith("line 0\n") and "line 29" in shown
    assert "the contacts again" not in shown


@pytest.mark.parametrize("locale", ["C", "en_GB.UTF-8", "es_ES.UTF-8"])
def test_the_pager_is_told_the_summary_is_utf_8_whatever_the_locale_says(locale: str) -> None:
    """A locale named but not installed (an ssh session, a container) leaves less reading
    ASCII, and "¿Qué?" became "<C2><BF>Qu<C3><A9>?": less is told the bytes it is given."""
    _, sent = _paged(24, 30, {"LANG": locale}, text="¿Qué? ─ {n}")
    ((given, environ),) = sent
    assert given.decode("utf-8").startswith("¿Qué? ─ 0\n")
    assert environ["LESSCHARSET"] == "utf-8" and environ["LANG"] == locale


def test_a_non_utf_8_terminal_pages_in_its_own_encoding_with_look_alikes() -> None:
    """A Latin-1 terminal: accents kept, a curly quote as ', less left to its locale."""
    _, sent = _paged(
        24, 30, {"LANG": "es_ES.ISO-8859-1"}, encoding="latin-1", text="¿Qué\u2019 {n}"
    )
    ((given, environ),) = sent
    assert given.decode("latin-1").startswith("¿Qué' 0\n")
    assert "LESSCHARSET" not in environ


@pytest.mark.parametrize("language", bundled.bank_languages("ketamine"))
def test_the_pager_prompt_fits_28_columns(language: str) -> None:
    """less shows only the end of a prompt wider than the screen ("r leyendo, q para terminar")."""
    from rich.cells import cell_len

    from screener.files.wording import load_strings

    strings = load_strings(language)
    assert cell_len(strings.pager_prompt) <= 28 and cell_len(strings.pager_end) <= 28


REGION_IDS = ["uk", "us", "ca", "au", "ie", "nz", "es", "mx", "other"]


class _LiveScreen(io.StringIO):
    """Standard output on a terminal (plain mode asks the stream, not Rich)."""

    def isatty(self) -> bool:
        return True


def crisis_screen(
    ketamine: LoadedBank, contacts: ContactBook, region_id: str, size: tuple[int, int], plain: bool
) -> tuple[list[str], tuple[str, ...]]:
    """What a live screen of `size` (columns, rows) holds while crisis help waits for an answer,
    and the ways to reach someone that should be in view."""
    from screener.files.wording import load_strings
    from screener.reports.summary import crisis_reminder

    region = contacts_to_show(choose_region(contacts, region_id, {}), None, "en")
    strings = load_strings(region.language or "en")
    output = _LiveScreen()
    columns, rows = size
    # As make_console draws: plain mode is no Rich terminal, though the screen is live.
    console = Console(
        file=output, width=columns, height=rows, force_terminal=not plain, color_system=None
    )

    def answer(prompt: object = "", **options: object) -> str:
        console.print(prompt, end="")
        console.print("y")
        return "y"

    console.input = answer  # type: ignore[method-assign]
    flag = next(flag for flag in ketamine.bank.flags if flag.level == "crisis")
    assert ConsoleAsker(console, strings, region, plain=plain).crisis(flag) is True
    return output.getvalue().splitlines()[-rows:], crisis_reminder(region, strings)


@pytest.mark.parametrize("plain", [False, True])
@pytest.mark.parametrize("size", [(28, 24), (40, 24), (80, 24)], ids=str)
@pytest.mark.parametrize("region_id", REGION_IDS)
def test_the_ways_to_reach_help_are_in_view_when_the_person_answers(
    ketamine: LoadedBank,
    contacts: ContactBook,
    region_id: str,
    size: tuple[int, int],
    plain: bool,
) -> None:
    """On a short screen the top of crisis help scrolls away: 988 and 911 were above the
    screen at 28x24 and 40x24 while it asked whether to carry on."""
    in_view, reminder = crisis_screen(ketamine, contacts, region_id, size, plain)
    shown = unbroken(" ".join(in_view))
    assert reminder and all(unbroken(line) in shown for line in reminder), in_view


def test_a_crisis_screen_that_fits_says_its_numbers_once(
    ketamine: LoadedBank, contacts: ContactBook
) -> None:
    in_view, reminder = crisis_screen(ketamine, contacts, "uk", (100, 200), plain=False)
    shown = "\n".join(in_view)
    assert shown.count("116 123") == 1 and reminder[0] in shown
