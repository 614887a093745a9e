"""The installed `screener` in a real pseudo-terminal, driven with pexpect as a person would.

These run the console script beside this Python (what `pip install .` put there), not the
source tree, at a real terminal width, with real Ctrl-C and Ctrl-D. Every wait is an
expect() with a timeout; nothing sleeps.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from tests.helpers import ANSI, ANSWER, BEGIN, QUESTIONS, SCREENER, Session, Starter, terminal_env

pexpect = pytest.importorskip(
    "pexpect", reason="pexpect is a test dependency: pip install '.[test]'"
)

pytestmark = [
    pytest.mark.skipif(
        not SCREENER.exists(),
        reason=f"no installed screener console script beside {sys.executable}; "
        "run `pip install .` (or '.[test]') into this environment first",
    ),
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX"),
]


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Starter]:
    sessions: list[Session] = []

    def starter(*args: str, columns: int = 80, **env: str) -> Session:
        session = Session(["--region", "uk", *args], terminal_env(tmp_path, **env), columns)
        sessions.append(session)
        return session

    yield starter
    for session in sessions:  # a failed test must not leave a screener waiting for input
        if session.child.isalive():
            session.child.terminate(force=True)


KETAMINE_FILE = bundled.bank_file("ketamine", "en")
assert KETAMINE_FILE is not None
ITEMS = load_bank(KETAMINE_FILE).bank.items


def answer_all(session: Session, answers: list[str]) -> None:
    session.answer("", prompt=BEGIN)
    for number, typed in enumerate(answers, start=1):
        session.wait_for(f"Question {number} of ")
        session.answer(typed)


# Used ketamine, not prescribed, n to the rest: n is also a key on both scales (never; not
# worried), in English and Spanish.
ALL_NO = ["y"] + ["n"] * (QUESTIONS - 1)


# --- a whole screening -------------------------------------------------------------------


@pytest.mark.parametrize(("language", "locale"), [("en", "en_GB.UTF-8"), ("es", "es_ES.UTF-8")])
def test_a_long_summary_is_paged_from_its_top(start: Starter, language: str, locale: str) -> None:
    """A severe result with flags is ~100 lines at 80x50: less shows its top (the flags) and
    waits; q ends it, and what was read stays on the screen.

    The locale is named but not installed here (as over ssh or in a container), which once
    left less reading ASCII: every line and accent of the summary showed as <E2><94><80>."""
    strings = load_strings(language)
    session = start("--lang", language, PAGER="less", LANG=locale)
    # how often: 3 (monthly); how the person feels: 4 (rather not say)
    severe_with_flags = ["y", "n", "3"] + ["y"] * 10 + ["y", "n", "n", "y", "n", "n", "n", "n"]
    severe_with_flags += ["4", "n"]
    session.answer("", prompt=strings.start_prompt)
    for number, typed in enumerate(severe_with_flags, start=1):
        session.wait_for(strings.progress.format(number=number, total=QUESTIONS))
        session.answer(typed, prompt=strings.answer_prompt)
    session.answer("", prompt=strings.review_prompt)  # the check of the answers: Enter
    session.wait_for(strings.pager_prompt)
    shown = session.words
    assert strings.flags_heading in shown and "─" in shown
    assert "<E2>" not in shown and "<C3>" not in shown
    assert strings.saved_nothing not in shown  # the end: not yet
    session.child.send("G")  # to the last page, which says so
    session.wait_for(strings.pager_end)
    session.child.send("q")
    session.answer("", prompt=strings.keep_copy_prompt.split("{")[0])  # no copy kept
    assert session.end() == 0
    assert "Traceback" not in session.text
    assert strings.saved_nothing in session.words  # shown after less


def test_a_whole_screening(start: Starter) -> None:
    session = start()
    answer_all(session, ALL_NO)
    session.finish_self_check()
    assert session.end() == 0
    words = session.words
    assert f"Question {QUESTIONS} of {QUESTIONS}" in words
    assert "Your answers touched 0 of the 10 areas" in words
    assert "This is a self-check, not a diagnosis." in words
    assert "Your answers were not saved or sent anywhere." in words
    assert "Traceback" not in session.text


def test_back_and_help(start: Starter) -> None:
    session = start()
    session.answer("", prompt=BEGIN)
    session.answer("?")
    session.wait_for("About this question")
    session.answer("y")
    session.wait_for(f"Question 2 of {QUESTIONS}")
    session.answer("b")
    session.wait_for(f"Question 1 of {QUESTIONS}")
    session.wait_for("Earlier you said: yes. Press Enter to keep it.")
    session.answer("")  # Enter keeps the earlier yes
    session.wait_for(f"Question 2 of {QUESTIONS}")
    for typed in ["n"] * (QUESTIONS - 1):
        session.answer(typed)
    session.finish_self_check()
    assert session.end() == 0
    assert "Control over use: 0 of 4" in session.words


@pytest.mark.parametrize("carry_on", [True, False], ids=["carry_on", "stop"])
def test_the_crisis_interruption(start: Starter, carry_on: bool) -> None:
    session = start()
    # No use in the past year: six health questions, the last about harming yourself.
    answer_all(session, ["n", "n", "n", "n", "n", "n", "n", "y"])
    session.wait_for("Help is there for you right now")
    session.wait_for("Samaritans")
    session.wait_for("Would you like to carry on?")
    session.answer("y" if carry_on else "n")
    if carry_on:
        session.finish_self_check()
        assert session.end() == 0
    else:
        session.wait_for("You chose to stop here")
        assert session.end() == 130
        assert "What your answers show" not in session.words


# --- leaving early: quit, Ctrl-C, Ctrl-D ---------------------------------------------------


def leave(session: Session, how: str) -> None:
    if how == "quit":
        session.child.sendline("q")
    elif how == "ctrl_c":
        session.child.sendintr()
    else:
        session.child.sendeof()


GOODBYE = {
    "quit": "You stopped the check. Nothing was saved.",
    "ctrl_c": "Stopped. Nothing was saved.",
    "ctrl_d": "Stopped. Nothing was saved.",
}


@pytest.mark.parametrize("how", sorted(GOODBYE))
@pytest.mark.parametrize("where", ["intro", "question 2", "crisis"])
def test_leaving_early_saves_nothing(start: Starter, tmp_path: Path, how: str, where: str) -> None:
    target = tmp_path / "saved" / "result.json"
    target.parent.mkdir()
    session = start("--format", "json", "--output", str(target))
    if where == "intro":
        session.wait_for(BEGIN)
    elif where == "question 2":
        answer_all(session, ["y"])
        session.wait_for(f"Question 2 of {QUESTIONS}")
        session.wait_for(ANSWER)
    else:
        answer_all(session, ["n", "n", "n", "n", "n", "n", "n", "y"])
        session.wait_for("Would you like to carry on?")
        session.wait_for(ANSWER)
    leave(session, how)
    if where == "crisis" and how == "quit":
        session.wait_for("You chose to stop here")  # q at the crisis question means stop
    else:
        session.wait_for(GOODBYE[how])
    assert session.end() == 130
    assert "Traceback" not in session.text and "Aborted" not in session.text
    assert list(target.parent.iterdir()) == []


# --- narrow terminals ----------------------------------------------------------------------


def test_forty_columns_cut_no_question_short(start: Starter) -> None:
    session = start(columns=40)
    session.answer("", prompt=BEGIN)
    for number, typed in enumerate(ALL_NO, start=1):
        session.wait_for(f"Question {number} of {QUESTIONS}")
        if number == 1:
            session.answer("?")  # the help panel too
            session.wait_for("About this question")
        session.answer(typed)
    session.finish_self_check()
    assert session.end() == 0
    shown = ANSI.sub("", session.text)
    too_wide = [line for line in shown.split("\n") if len(line) > 40]
    assert too_wide == []
    words = " ".join(shown.split())
    for item in ITEMS:
        assert " ".join(item.text.split()) in words, item.id
    inside_the_panel = " ".join(shown.replace("│", " ").split())
    assert " ".join(ITEMS[0].help.split()) in inside_the_panel
    for key in ("y yes", "n no", "u not sure", "? (question mark) help", "b back", "q quit"):
        assert key in words


def test_the_trainers_guide_is_paged_from_its_top(tmp_path: Path) -> None:
    """`screener explain` runs to over a thousand lines: it opens at its title, in less."""
    strings = load_strings("en")
    session = Session(["explain"], terminal_env(tmp_path, PAGER="less"), 80)
    try:
        session.wait_for(strings.pager_prompt)
        assert "(trainer's guide)" in session.words
        session.child.send("q")
        assert session.end() == 0
    finally:
        if session.child.isalive():
            session.child.terminate(force=True)
    assert "Traceback" not in session.text
