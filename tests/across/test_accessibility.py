"""Plain mode for screen readers, and colour only where it is wanted.

Plain mode (--plain, TERM=dumb, ACCESSIBLE, or output that is not a terminal) reads in order:
numbered choices in words, no boxes, no tables, no redraws, no colour, one question per
paragraph. NO_COLOR removes colour and nothing else; FORCE_COLOR gives colour on a pipe.
The selectors that need a terminal to mean anything are tried in a real one (pexpect).
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pytest
from typer.testing import CliRunner

from screener.cli import app
from screener.terminal.host import Terminal
from tests.helpers import GOLDEN, QUESTIONS, SCREENER, Session, terminal_env

runner = CliRunner()
# Everything a screening can do, typed at its prompts in turn: begin, ask for help, a word
# it does not know, yes, go back, keep the earlier answer, then the rest: two criteria yes,
# one not sure, and "not sure" to the last question, which brings up crisis help; carry on.
KEYS = ["", "?", "maybe not", "y", "b", "", "n", "m"]  # how often: m, monthly
KEYS += ["y", "n", "u", "y", "n", "n", "n", "n", "n", "n"]
KEYS += ["n", "n", "n", "n", "n", "n", "n", "n", "r", "u", "y"]  # how you feel: r, rather not say
PROMPTS = (
    "Press Enter to begin, or type q to stop: ",
    "Your answer: ",
    "A number to change an answer, or Enter for your result: ",
    "Keep a copy? y saves it as screener-DATE.md, or type a name; Enter skips: ",
)
SGR = re.compile(r"\x1b\[([0-9;]*)m")
BOX_DRAWING = re.compile("[\u2500-\u259f]")


def typed_in_a_terminal(
    home: Path, *args: str, columns: int = 80, env: dict[str, str] | None = None
) -> str:
    """The whole screening above in a pseudo-terminal: what it showed."""
    if not SCREENER.exists():
        pytest.skip(f"no installed screener console script beside {SCREENER.parent}")
    session = Session(["--region", "uk", *args], terminal_env(home, **(env or {})), columns=columns)
    for typed in KEYS:
        session.child.expect(r"(Press Enter to begin, or type q to stop|Your answer): ")
        session.child.sendline(typed)
    session.answer("", prompt=REVIEW_PROMPT)  # at a keyboard: the answers to check first
    session.wait_for("Your answers were not saved or sent anywhere.")
    session.answer("", prompt="Enter skips: ")  # and a copy offered at the end
    session.wait_for("Nothing was stored.")
    assert session.end() == 0
    return re.sub(r"screener-\d{4}-\d{2}-\d{2}\.md", "screener-DATE.md", session.text)


REVIEW_PROMPT = "A number to change an answer, or Enter for your result: "
AT_A_KEYBOARD = re.compile(
    r"\nYour answers\n\nHere is what you answered\..*?" + re.escape(REVIEW_PROMPT) + r"\n"
    r"|\nYou can keep a copy.*\Z",
    re.S,
)


def without_keyboard_pauses(transcript: str) -> str:
    """A terminal transcript as a script's answers get it: nobody there to check the answers
    or to keep a copy (docs/endings.md, "Before the end")."""
    assert len(AT_A_KEYBOARD.findall(transcript)) == 2, "the check and the copy offered"
    return AT_A_KEYBOARD.sub("", transcript).rstrip("\n") + "\n"


KEYS_BY_LINE = re.compile(r"\nHere keys are read a line at a time: .*?\nare done\.\n", re.S)


def without_keys_by_line(transcript: str) -> str:
    """Where keys come a line at a time (a pipe, TERM=dumb) the intro says so; else the same."""
    assert KEYS_BY_LINE.search(transcript), "the intro says how to leave there"
    return KEYS_BY_LINE.sub("", transcript)


def without_echo(transcript: str) -> str:
    """A terminal transcript as a pipe would get it: what the person typed is not echoed."""
    for prompt in PROMPTS:
        transcript = re.sub(re.escape(prompt) + r"[^\n]*\n", prompt, transcript)
    return transcript


# --- plain mode ----------------------------------------------------------------------------


def test_plain_transcript_of_a_whole_screening(
    tmp_path: Path, golden: Callable[[str, str], None]
) -> None:
    text = typed_in_a_terminal(tmp_path, "--plain")
    golden("plain_screening.txt", text)


def test_plain_mode_reads_in_order(tmp_path: Path) -> None:
    text = typed_in_a_terminal(tmp_path, "--plain")
    assert "\x1b" not in text, "no colour, no cursor movement"
    assert "\r" not in text, "no redraws: nothing is written over"
    assert not BOX_DRAWING.search(text), "no boxes, no rules, no tables"
    assert "•" not in text
    questions = re.findall(r"^Question \d+ of \d+\.$", text, flags=re.MULTILINE)
    assert len(questions) == QUESTIONS + 2  # every question, and question 1 twice after going back
    choices = "Type 1 for yes, 2 for no, 3 for not sure. You can also type help, back or quit."
    said = " ".join(text.split())
    assert said.count(choices) == 1, "said in full once, at the first question"
    scales = 2  # how often and how you feel: their own numbered options, their own words
    assert said.count("1, 2, 3; x leaves.") == len(questions) - 1 - scales, "then briefly"
    for paragraph in text.split("\n\n"):
        assert paragraph.count("Question ") <= 1, paragraph  # one question per paragraph
    trailing = [line for line in text.split("\n") if line != line.rstrip() and line not in PROMPTS]
    assert trailing == [], "no trailing spaces but a prompt's own, when Enter was pressed"


@pytest.mark.parametrize(
    "env",
    [{"TERM": "dumb"}, {"ACCESSIBLE": "1"}, {"ACCESSIBLE": "1", "FORCE_COLOR": "1"}],
    ids=["TERM=dumb", "ACCESSIBLE=1", "ACCESSIBLE beats FORCE_COLOR"],
)
def test_each_terminal_selector_gives_the_same_plain_transcript(
    tmp_path: Path, env: dict[str, str]
) -> None:
    shown = typed_in_a_terminal(tmp_path, env=env)
    if env.get("TERM") == "dumb":
        shown = without_keys_by_line(shown)
    assert shown == typed_in_a_terminal(tmp_path, "--plain")


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--plain"], {}), ([], {"TERM": "dumb"}), ([], {"ACCESSIBLE": "1"})],
    ids=["--plain", "TERM=dumb", "ACCESSIBLE=1"],
)
def test_plain_mode_fits_the_terminal(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    """Wrapped to the terminal's own width: Rich alone would assume 80 on TERM=dumb."""
    text = typed_in_a_terminal(tmp_path, *args, columns=60, env=env)
    assert max(len(line) for line in text.split("\n")) <= 60
    assert "In the past 12 months, was all of your ketamine use\nprescribed" in text


def test_a_pipe_gives_the_plain_transcript_without_echo(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["run", "--region", "uk"],
        input="".join(typed + "\n" for typed in KEYS),
        env={"LANG": "en_GB.UTF-8", "COLUMNS": "80", "TERM": "xterm-256color"},
    )
    assert result.exit_code == 0, result.output
    golden = (GOLDEN / "plain_screening.txt").read_text(encoding="utf-8")
    assert without_keys_by_line(result.output) == without_echo(without_keyboard_pauses(golden))


# --- colour ---------------------------------------------------------------------------------

COLOUR_PARAMETERS = {*range(30, 39), *range(40, 49), *range(90, 98), *range(100, 108)}


def colours(text: str) -> set[int]:
    """The SGR colour parameters used (30-38 foreground, 40-48 background, and bright)."""
    found: set[int] = set()
    for parameters in SGR.findall(text):
        found |= {int(part) for part in parameters.split(";") if part} & COLOUR_PARAMETERS
    return found


def test_a_terminal_gets_the_rich_layout_in_colour(tmp_path: Path) -> None:
    text = typed_in_a_terminal(tmp_path)
    assert colours(text) and "╭" in text and "Type 1 for yes" not in text


def test_no_color_removes_the_colour_and_nothing_else(tmp_path: Path) -> None:
    coloured = typed_in_a_terminal(tmp_path)
    uncoloured = typed_in_a_terminal(tmp_path, env={"NO_COLOR": "1"})
    assert colours(uncoloured) == set()
    assert "\x1b[1m" in uncoloured, "bold stays: it is not colour"
    assert SGR.sub("", uncoloured) == SGR.sub("", coloured), "the same layout, word for word"


def test_an_empty_no_color_is_not_set(tmp_path: Path) -> None:
    assert colours(typed_in_a_terminal(tmp_path, env={"NO_COLOR": ""}))


def test_force_color_is_honoured_on_a_pipe() -> None:
    keys = "".join(typed + "\n" for typed in KEYS)
    env = {"LANG": "en_GB.UTF-8", "COLUMNS": "80", "TERM": "xterm-256color"}
    forced = runner.invoke(
        app, ["run", "--region", "uk"], input=keys, env=env | {"FORCE_COLOR": "1"}
    )
    assert forced.exit_code == 0, forced.output
    assert colours(forced.output) and "╭" in forced.output
    assert "Type 1 for yes" not in forced.output
    both = runner.invoke(
        app, ["run", "--region", "uk"], input=keys, env=env | {"FORCE_COLOR": "1", "NO_COLOR": "1"}
    )
    assert colours(both.output) == set() and "╭" in both.output
    for empty in ({"FORCE_COLOR": ""}, {}):
        piped = runner.invoke(app, ["run", "--region", "uk"], input=keys, env=env | empty)
        assert "\x1b" not in piped.output and "Type 1 for yes" in piped.output


class Stream(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@pytest.mark.parametrize(
    ("flag", "term", "accessible", "force_color", "terminal"),
    list(
        itertools.product(
            [False, True], ["xterm", "dumb", None], [None, "", "1"], [None, "", "1"], [False, True]
        )
    ),
)
def test_wants_plain_exhaustively(
    flag: bool,
    term: str | None,
    accessible: str | None,
    force_color: str | None,
    terminal: bool,
) -> None:
    environ = {
        name: value
        for name, value in (
            ("TERM", term),
            ("ACCESSIBLE", accessible),
            ("FORCE_COLOR", force_color),
        )
        if value is not None
    }
    stream: TextIO = Stream(terminal)
    chosen = flag or term == "dumb" or bool(accessible)
    expected = chosen or not (terminal or bool(force_color))
    host = Terminal(io.StringIO(), stream, io.StringIO(), environ=environ)
    assert host.wants_plain(flag, stream) is expected
