"""A width from the environment that shows nothing, and standard streams closed before start.

COLUMNS=0 (fish sets it while it reads its config), COLUMNS=1..5 (a broken script) and
COLUMNS=20, at a terminal 80 columns wide and at one 20 columns wide: the whole intro, every
question, the crisis screen with its numbers whole and the summary are shown, and the check
completes. `screener <&-` and `screener >&-` end without a traceback.

The installed script in a real pseudo-terminal, as tests/across/test_terminal.py drives it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from tests.helpers import (
    ANSI,
    ANSWER,
    BEGIN,
    SCREENER,
    Spawned,
    shell_quoted,
    terminal_env,
    unbroken,
)

pexpect = pytest.importorskip("pexpect", reason="pexpect is a test dependency")
pytestmark = [
    pytest.mark.skipif(not SCREENER.exists(), reason="no installed screener console script"),
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX"),
]

KETAMINE_FILE = bundled.bank_file("ketamine", "en")
assert KETAMINE_FILE is not None
BANK = load_bank(KETAMINE_FILE).bank
STRINGS = load_strings("en")
PATIENCE = 10  # seconds for any one expected text

# Used ketamine, not prescribed, no to the rest but the last: thoughts of harming yourself.
CRISIS_AT_THE_END = ["y", "n"] + ["n"] * (len(BANK.items) - 3) + ["y"]
assert BANK.items[-1].id == "self_harm_thoughts"
WHOLE_NUMBERS = ("116 123", "999", "85258", "0300 123 6600")
"""The United Kingdom's crisis and help numbers: never split across two lines."""


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def spawned(tmp_path: Path) -> Iterator[list[Spawned]]:
    sessions: list[Spawned] = []
    yield sessions
    for session in sessions:  # a failed test must not leave a screener waiting for input
        if session.child.isalive():
            session.child.terminate(force=True)


def shell(sessions: list[Spawned], home: Path, line: str, columns: int = 80, **env: str) -> Spawned:
    # Rows enough for the whole summary at 20 columns: not paged (the view has its own tests).
    session = Spawned(
        "/bin/bash", ["-c", line], terminal_env(home, **env), columns=columns, rows=2000
    )
    session.child.timeout = PATIENCE
    sessions.append(session)
    return session


def wait_for_words(session: Spawned, text: str) -> None:
    """Wait for words however the screen's width folds them: at 20 columns a prompt takes
    three lines."""
    between = r"(?:\s|\x1b\[[0-9;?]*[A-Za-z])+"
    session.child.expect(between.join(re.escape(word) for word in text.split()))


def finish_self_check(session: Spawned) -> None:
    """Enter at the check of the answers, the result, then Enter at the copy offered."""
    wait_for_words(session, STRINGS.review_prompt)
    session.child.sendline("")
    wait_for_words(session, STRINGS.result_heading)
    wait_for_words(session, "Enter skips:")
    session.child.sendline("")


def numbers_split(shown: str, numbers: tuple[str, ...]) -> list[str]:
    """Each number as often whole on one line as anywhere once the lines are joined."""
    lines = shown.split("\n")
    return [
        number
        for number in numbers
        if unbroken(shown).count(unbroken(number)) != sum(line.count(number) for line in lines)
    ]


@pytest.mark.parametrize("terminal", [80, 20])
@pytest.mark.parametrize("columns", ["0", "1", "5", "20"])
def test_a_width_from_the_environment_that_shows_nothing_is_not_used(
    spawned: list[Spawned], tmp_path: Path, columns: str, terminal: int
) -> None:
    session = shell(
        spawned,
        tmp_path,
        f"exec {shell_quoted([SCREENER, '--region', 'uk'])}",
        columns=terminal,
        COLUMNS=columns,
    )
    wait_for_words(session, BEGIN)
    session.child.sendline("")
    for number, typed in enumerate(CRISIS_AT_THE_END, start=1):
        session.wait_for(f"Question {number} of ")
        session.answer(typed)
    wait_for_words(session, "Would you like to carry on?")
    crisis_from = len(session.text)
    session.answer("y")
    finish_self_check(session)
    assert session.end() == 0
    shown = ANSI.sub("", session.text)
    words = one_line(shown)
    assert "Traceback" not in shown
    wide = max(len(line) for line in shown.split("\n"))
    assert wide <= terminal, f"a line of {wide} columns at a terminal of {terminal}"
    if terminal == 80 and int(columns) < 20:
        assert wide > 40, f"{wide} columns used of 80: the environment's {columns} was believed"
    for paragraph in (*BANK.intro, STRINGS.how_to_answer):
        assert one_line(paragraph) in words, paragraph[:40]
    for item in BANK.items:
        assert one_line(item.text) in words, item.id
    crisis = ANSI.sub("", session.text[:crisis_from])
    headings = list(
        re.finditer(r"\s+".join(map(re.escape, STRINGS.crisis_heading.split())), crisis)
    )
    assert headings, "no crisis screen"
    crisis = crisis[headings[-1].start() :]
    assert "Samaritans" in crisis and "116 123" in one_line(crisis) and "999" in crisis
    assert numbers_split(crisis, WHOLE_NUMBERS) == []
    assert numbers_split(shown, WHOLE_NUMBERS) == []
    for summary in (STRINGS.result_heading, STRINGS.saved_nothing, STRINGS.next_heading):
        assert summary in words
    assert words.rindex("Samaritans") > words.index(STRINGS.result_heading)


def test_a_closed_standard_input_is_an_end_of_input(spawned: list[Spawned], tmp_path: Path) -> None:
    """Nothing can be read: the check stops as at Ctrl-D, says so on the terminal, and keeps
    nothing."""
    session = shell(spawned, tmp_path, f"exec {shell_quoted([SCREENER, '--region', 'uk'])} <&-")
    assert session.end() == 130
    assert "Traceback" not in session.text
    assert "Stopped. Nothing was saved." in session.words
    assert "Question 1 of " not in session.words
    assert list(tmp_path.glob("**/.*.tmp")) == []


def test_a_closed_standard_output_still_asks_and_shows_on_the_terminal(
    spawned: list[Spawned], tmp_path: Path
) -> None:
    """Standard output closed: what is meant for a person goes to the terminal (standard
    error), so the check can be taken; only the record has nowhere to go."""
    session = shell(spawned, tmp_path, f"exec {shell_quoted([SCREENER, '--region', 'uk'])} >&-")
    session.answer("", prompt=BEGIN)
    for number, typed in enumerate(["y", "n"] + ["n"] * (len(BANK.items) - 2), start=1):
        session.wait_for(f"Question {number} of ")
        session.wait_for(ANSWER)
        session.child.sendline(typed)
    finish_self_check(session)
    code = session.end()
    assert "Traceback" not in session.text
    assert "Samaritans" in session.words
    assert code in (0, 1)  # docs/endings.md does not say whether a record with nowhere to go
    # is a failed save (1) or nothing asked for (0); either way, one line and no trace
