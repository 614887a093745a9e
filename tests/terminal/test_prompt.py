"""Typed input and the terminal transcript, asserted whole."""

from __future__ import annotations

import datetime
import io
import re

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from screener.files import bundled
from screener.models.bank import LoadedBank
from screener.models.base import ANSWERS
from screener.models.contacts import Contact, ContactBook, ServiceContacts
from screener.models.wording import UiStrings
from screener.rules.contacts import choose_region, contacts_to_show, for_listening
from screener.rules.walk import Navigation, Step
from screener.terminal.prompt import ConsoleAsker, Request, interpret
from tests.helpers import REGION_IDS, unbroken


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
        ("?", Request.HELP),
        ("help", Request.HELP),
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
    assert meaning is None or meaning in ANSWERS or isinstance(meaning, (Navigation, Request))


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
        "help, back or quit. Type x to leave at once and clear the\n"
        "screen.\n"
        "Your answer: ?\n"
        "About this question: Count any use at all in the past year,\n"
        "even once. That includes snorting a bump, taking it in a\n"
        "drink or pill, or ketamine or esketamine treatment from a\n"
        "doctor or clinic. If you are not sure whether something you\n"
        'took was ketamine, you can answer "not sure".\n'
        "Your answer: maybe not\n"
        "Sorry, I didn't catch that. Type y, n or u, or ? (question\n"
        "mark) for help.\n"
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
    assert "call 1 1 6  1 2 3" in text and "call 9 9 9" in text
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
    assert "or type q to stop" in output.getvalue()


def test_the_intake_shows_the_criterion_beside_the_question_and_takes_a_note(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook
) -> None:
    from screener.rules.walk import Note
    from screener.terminal.counsellor import CounsellorConsoleAsker

    asker, output = make_asker(strings, contacts, "+\n  went  on\x1b[B all night \n", plain=False)
    intake = CounsellorConsoleAsker(
        asker.console, strings, asker.region, ketamine.bank, plain=False
    )
    item = next(item for item in ketamine.bank.items if item.criterion == 1)
    assert intake.ask(Step(item, 3, 19, None)) == Note("went on[B all night")
    shown = "\n".join(line.rstrip() for line in output.getvalue().split("\n"))
    assert shown == (
        "\n"
        "Question 3 of 19   criterion 1 of 10: impaired control\n"
        "In the past 12 months, did you often use more ketamine, or\n"
        "keep going for longer, than you meant to?\n"
        "1 yes   2 no   3 not sure   + (plus) note\n"
        "? (question mark) help   b back   q quit   x quick exit\n"
        "Your answer: +\n"
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

    by_id = {item.id: item for item in ketamine.bank.items}
    items = {8: by_id["gave_up_activities"], 9: by_id["hazardous_use"]}
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
        start = shown.index("Counsellor: not given") + 2
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


@pytest.mark.parametrize("language", bundled.bank_languages("ketamine"))
def test_the_pager_prompt_fits_28_columns(language: str) -> None:
    """The pager's prompt line is cut at the screen's width: it must say all at 28 columns."""
    from rich.cells import cell_len

    from screener.files.wording import load_strings

    strings = load_strings(language)
    assert cell_len(strings.pager_prompt) <= 28 and cell_len(strings.pager_end) <= 28


class _LiveScreen(io.StringIO):
    """Standard output on a terminal (plain mode asks the stream, not Rich)."""

    def isatty(self) -> bool:
        return True


def crisis_screen(
    ketamine: LoadedBank,
    contacts: ContactBook,
    region_id: str,
    size: tuple[int, int],
    plain: bool,
    service: ServiceContacts | None = None,
) -> tuple[list[str], tuple[str, ...]]:
    """What a live screen of `size` (columns, rows) holds while crisis help waits for an answer,
    and the ways to reach someone that should be in view."""
    from screener.files.wording import load_strings
    from screener.reports.summary import crisis_reminder

    region = contacts_to_show(choose_region(contacts, region_id, {}), service, "en")
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
    asker = ConsoleAsker(console, strings, region, plain=plain, service=service)
    assert asker.crisis(flag) is True
    heard = for_listening(region, plain)  # plain mode writes numbers digit by digit
    listed = for_listening(service, plain) if service else None
    return output.getvalue().splitlines()[-rows:], crisis_reminder(heard, strings, listed)


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


def service_with_lines(count: int) -> ServiceContacts:
    """A service that lists `count` crisis lines of its own (a city with many)."""
    line = Contact(
        name="Service line",
        kind="crisis",
        description="A local line.",
        phone="020 7946 0999",
        checked=datetime.date(2026, 11, 1),
        source="a test",
    )
    lines = tuple(
        msgspec.structs.replace(line, name=f"Service line {n}", phone=f"020 7946 {n:04}")
        for n in range(count)
    )
    return ServiceContacts(service="Many Lines", contacts=lines)


@pytest.mark.parametrize("plain", [False, True])
@pytest.mark.parametrize("rows", [24, 15])
@pytest.mark.parametrize("lines", [1, 6, 30])
@pytest.mark.parametrize("region_id", REGION_IDS)
def test_a_service_with_many_lines_never_pushes_the_national_ones_out_of_view(
    ketamine: LoadedBank,
    contacts: ContactBook,
    region_id: str,
    lines: int,
    rows: int,
    plain: bool,
) -> None:
    """At "Would you like to carry on?" the emergency number and the region's own crisis
    lines are on the screen however many lines a service adds; the rest are counted."""
    from screener.files.wording import load_strings
    from screener.rules.contacts import crisis_contacts, emergency_number

    national = contacts_to_show(choose_region(contacts, region_id, {}), None, "en")
    in_view, reminder = crisis_screen(
        ketamine, contacts, region_id, (80, rows), plain, service_with_lines(lines)
    )
    shown = unbroken(" ".join(in_view))
    number = emergency_number(national)
    assert number is None or number in shown
    for contact in crisis_contacts(national):
        if contact.kind == "crisis":
            assert unbroken(contact.name) in shown, (contact.name, in_view)
    # The service's own lines are all in view too, or counted with where to see them.
    strings = load_strings(national.language or "en")
    more = strings.crisis_more.format(count=lines, region=region_id)
    every_line = all(unbroken(f"Service line {n}") in shown for n in range(lines))
    assert every_line or unbroken(more) in shown, in_view
    assert (unbroken(more) in shown) is (reminder[-1] == more)


@pytest.mark.parametrize("language", bundled.bank_languages("ketamine"))
def test_plain_mode_says_how_to_answer_fully_once_then_briefly_with_the_quick_exit(
    language: str, contacts: ContactBook
) -> None:
    """The 19-word instruction was heard before every question (36 % of question speech):
    in full at the first question, then a few words that still name x, the quick exit."""
    from screener.files.bank import load_bank
    from screener.files.wording import load_strings

    strings = load_strings(language)
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    items = load_bank(path).bank.items
    yes = strings.answer_words.yes[0]
    asker, output = make_asker(strings, contacts, f"{yes}\n{yes}\n{yes}", plain=True)
    yes_no = [item for item in items if not item.options]  # a scale has its own plain words
    for number, item in enumerate(yes_no[:3], start=1):
        asker.ask(Step(item, number, 21, None))
    shown = " ".join(output.getvalue().split())
    full, brief = strings.choices_plain, strings.choices_plain_brief
    assert shown.count(full) == 1
    assert shown.index(full) < shown.index(brief)
    assert shown.count(brief) == 2
    assert len(brief.split()) <= 5, "a few words: the question itself is what to hear"
    for said in (full, brief):
        assert re.search(r"(^|\W)x(\W|$)", said), f"names the quick exit key: {said}"
