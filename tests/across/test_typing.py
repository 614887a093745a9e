"""Anything typed at any prompt is read as the person typed it: never a traceback.

Every prompt (an answer, the crisis question, the region, the review, a note, the save offer,
the what-if) is fed arbitrary Unicode through the real reading path (a Screen on a Terminal
whose keyboard is a stream of lines), with other scripts' digits and letters drawn often. Each
may answer, ask again, or end the way a session ends (the input runs out, a quick exit); any
other exception is a fault. A superscript 2 at the review was once a traceback that lost the
interview.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings, load_trainer_strings
from screener.models.base import ANSWERS, Answer
from screener.rules.contacts import choose_region, contacts_to_show
from screener.rules.review import ReviewRow, item_label
from screener.rules.walk import Navigation, Note, Step
from screener.terminal.console import Screen, make_console
from screener.terminal.counsellor import CounsellorConsoleAsker
from screener.terminal.host import Terminal
from screener.terminal.keyboard import QuickExit
from screener.terminal.prompt import ConsoleAsker, ask_region
from screener.terminal.saving import offer_save
from screener.terminal.trainer_screen import TrainerScreen, TrainerSetup
from screener.terminal.whatif_screen import what_if
from tests.helpers import DATA

KETAMINE_FILE = bundled.bank_file("ketamine", "en")
assert KETAMINE_FILE is not None
KETAMINE = load_bank(KETAMINE_FILE)
BANK = KETAMINE.bank
STRINGS = load_strings("en")
REGION = contacts_to_show(
    choose_region(load_contacts(bundled.contacts_file()), "uk", {}), None, "en"
)
CRISIS_FLAG = next(flag for flag in BANK.flags if flag.level == "crisis")
SCALES = load_bank(DATA / "scales.yaml").bank
SCALE_STEP = Step(next(item for item in SCALES.items if item.id == "often"), 4, 6, None)
"""A scale question (issue 22): its options' numbers and keys, and not sure."""

# Digits and letters of other scripts and keyboards, drawn far more often than chance would:
# superscripts (French and Belgian keyboards), Arabic-Indic, Devanagari and fullwidth digits,
# Greek and Cyrillic letters where y, n and x sit, and control characters.
AWKWARD = st.sampled_from(
    [
        *"\u00b2\u00b3\u00b9\u2070\u0663\u0969\uff15\uff59\uff4e\uff58",
        *"\u03c7\u0447\u043d\u0442\u03c5\u03bd\u0433\u03b8",
        *"\x1b\x00\x07\u202e\ufeff\u0301",
        "1\u00b2",
        "\u00b20",
        "q5",
        "5 \u00b2",
    ]
)
TYPED = st.lists(st.text(max_size=12) | AWKWARD, max_size=3).map("".join)

ENDINGS = (QuickExit, EOFError)
"""How a prompt may end besides answering: a quick exit, or the input running out."""


def screen_with_keyboard(lines: list[str], *, plain: bool) -> Screen:
    output = io.StringIO()
    keyboard = io.StringIO("".join(line.replace("\n", " ") + "\n" for line in lines))
    terminal = Terminal(keyboard, output, io.StringIO(), environ={"COLUMNS": "60"})
    return make_console(terminal, output, plain=plain)


def reads_or_ends(name: str, typed: str, plain: bool) -> Screen:
    """Type `typed` at the prompt `name` (after the keys that open it); the screen it used."""
    console = screen_with_keyboard([*OPENING.get(name, []), typed], plain=plain)
    with contextlib.suppress(*ENDINGS):
        PROMPTS[name](console)
    return console


# Criterion 1, a yes/no question (the third item is how often, a scale: SCALE_STEP's kind).
STEP = Step(next(item for item in BANK.items if item.criterion == 1), 4, len(BANK.items), None)
ROWS = [
    ReviewRow(number, item, "yes", None, item_label(BANK, item, STRINGS))
    for number, item in enumerate([item for item in BANK.items if not item.options][:12], 1)
]


def _answer(console: Screen) -> object:
    answer = ConsoleAsker(console, STRINGS, REGION, plain=False).ask(STEP)
    assert answer in ANSWERS or isinstance(answer, Navigation)
    return answer


def _scale(console: Screen) -> object:
    answer = ConsoleAsker(console, STRINGS, REGION, plain=False).ask(SCALE_STEP)
    assert answer in SCALE_STEP.item.codes or isinstance(answer, Navigation)
    return answer


def _scale_note(console: Screen) -> object:
    asker = CounsellorConsoleAsker(console, STRINGS, REGION, SCALES, plain=False)
    answer = asker.ask(SCALE_STEP)
    assert answer in SCALE_STEP.item.codes or isinstance(answer, (Navigation, Note))
    return answer


def _crisis(console: Screen) -> object:
    return ConsoleAsker(console, STRINGS, REGION, plain=False).crisis(CRISIS_FLAG)


def _region(console: Screen) -> object:
    chosen = ask_region(console, STRINGS, ["United Kingdom", "Ireland"], plain=False)
    assert chosen in (None, 0, 1)
    return chosen


def _counsellor(console: Screen) -> CounsellorConsoleAsker:
    return CounsellorConsoleAsker(console, STRINGS, REGION, BANK, plain=False)


def _review(console: Screen) -> object:
    return _counsellor(console).review(ROWS)


def _note(console: Screen) -> object:
    note = _counsellor(console).ask(STEP)
    assert note in ANSWERS or isinstance(note, (Navigation, Note))
    return note


def _save_offer(console: Screen) -> object:
    return offer_save(
        console, lambda path: "not here", prompt="File", skipped="Not saved.", plain=False
    )


def _what_if(console: Screen) -> object:
    setup = TrainerSetup(KETAMINE, STRINGS, load_trainer_strings("en"), REGION)
    answers: dict[str, Answer] = {item.id: "no" for item in BANK.items}
    what_if(TrainerScreen(console, setup, plain=False), answers)
    return None


OPENING = {"note": ["+"], "scale note": ["+"]}
"""The keys that open a prompt before what is typed at it: n opens a note."""

PROMPTS: dict[str, Callable[[Screen], object]] = {
    "answer": _answer,
    "crisis": _crisis,
    "region": _region,
    "review": _review,
    "note": _note,
    "save offer": _save_offer,
    "what-if": _what_if,
    "scale answer": _scale,
    "scale note": _scale_note,
}


@pytest.mark.parametrize("plain", [False, True])
@pytest.mark.parametrize("prompt", sorted(PROMPTS))
@given(typed=TYPED)
def test_any_text_at_any_prompt_is_read_or_ends_the_session_cleanly(
    prompt: str, plain: bool, typed: str
) -> None:
    reads_or_ends(prompt, typed, plain)


@pytest.mark.parametrize(
    ("prompt", "typed"),
    [
        ("review", "\u00b2"),
        ("review", "\uff11"),  # fullwidth 1
        ("region", "\u00b2"),
        ("what-if", "\u00b2"),
        ("what-if", "q\u00b2"),
        ("scale answer", "\u00b2"),
        ("scale answer", "\uff11"),  # fullwidth 1: the first option
    ],
)
def test_a_digit_from_another_script_is_not_understood(prompt: str, typed: str) -> None:
    """Once a traceback (int('²') raises) that lost the whole interview. A fullwidth digit is
    the digit it shows; a superscript is no answer."""
    console = reads_or_ends(prompt, typed, plain=True)
    output = console.file
    assert isinstance(output, io.StringIO)
    after = output.getvalue().split(typed, 1)[-1]
    if typed == "\uff11":  # a fullwidth 1 is question 1
        assert "Type a number from 1 to" not in after
    else:
        assert any(word in after for word in ("Type", "Please", "Sorry")), after


@pytest.mark.parametrize("typed", ["\uff59", "\u043d", "\u03c5"])  # fullwidth y, en, upsilon
def test_a_y_from_another_layout_is_yes(typed: str) -> None:
    console = screen_with_keyboard([typed], plain=True)
    assert _answer(console) == "yes"


@pytest.mark.parametrize(
    ("typed", "meaning"),
    [
        ("\u0446", "weekly"),  # Cyrillic tse, on the w key
        ("\u0412", "daily"),  # Cyrillic capital ve, on the d key
        ("\uff4d", "monthly"),  # fullwidth m
        ("\uff15", "unsure"),  # fullwidth 5: not sure, after the four options
    ],
)
def test_a_scale_key_from_another_layout_is_that_key(typed: str, meaning: str) -> None:
    console = screen_with_keyboard([typed], plain=True)
    assert _scale(console) == meaning


@pytest.mark.parametrize("typed", ["\uff58", "\u0447", "\u03c7", "X"])  # fullwidth x, che, chi
def test_an_x_from_another_layout_is_the_quick_exit(typed: str) -> None:
    console = screen_with_keyboard([typed], plain=True)
    with pytest.raises(QuickExit):
        _answer(console)


@pytest.mark.parametrize("name", sorted(PROMPTS))
def test_each_prompt_reads_what_is_typed_at_it(name: str) -> None:
    """Not vacuous: what is typed reaches the prompt (it is echoed after the prompt's words)
    and every line given is read."""
    console = reads_or_ends(name, "zz-typed-here", plain=True)
    terminal = console.terminal
    assert terminal.stdin.read() == ""  # every line was read
    output = console.file
    assert isinstance(output, io.StringIO)
    assert output.getvalue().strip(), name


@pytest.mark.parametrize("typed", ["~0", "~nobody-here-at-all/record.md"])
def test_a_tilde_that_names_no_home_is_a_file_name_not_a_crash(typed: str) -> None:
    """Found by the property test above (seed 6): expanduser raised RuntimeError."""
    asked: list[Path] = []

    def save(path: Path) -> str | None:
        asked.append(path)
        return "not here"

    console = screen_with_keyboard([typed], plain=True)
    with contextlib.suppress(EOFError):
        offer_save(console, save, prompt="File", skipped="Not saved.", plain=True)
    assert asked == [Path(typed)]
