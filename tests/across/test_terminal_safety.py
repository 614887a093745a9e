"""Nothing lost on a real terminal: quick exit in every mode, free text, failed saves, the
crisis stop of an intake, typing, and prompts that say what they accept (issue 12).

The installed script in a pseudo-terminal, as tests/across/test_terminal.py drives it.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from screener.files import bundled
from screener.files.bank import load_bank
from screener.terminal.keyboard import CLEAR_SCREEN_AND_SCROLLBACK
from tests.helpers import (
    ANSWER,
    BEGIN,
    GOOD,
    SCREENER,
    Session,
    Starter,
    signals_as_at_a_terminal,
    terminal_env,
)

KETAMINE_FILE = bundled.bank_file("ketamine", "en")
assert KETAMINE_FILE is not None
ITEMS = load_bank(KETAMINE_FILE).bank.items

pexpect = pytest.importorskip("pexpect")
pytestmark = [
    pytest.mark.skipif(not SCREENER.exists(), reason="no installed screener console script"),
]

# Whole words: in an intake n starts a note. Used ketamine, not prescribed, no to the rest.
# A scale question's "nothing of note" by its number: how often 3 (monthly), how the person
# feels 4 (rather not say).
SCALE_NUMBERS = {"how_often": "3", "feeling_about_use": "4"}
ALL_NO = ["yes", "no"] + [SCALE_NUMBERS.get(item.id, "no") for item in ITEMS[2:]]
# No use in the past year: only the unconditional questions, the last about harming yourself.
NO_USE_THEN_SELF_HARM = ["no"] * (sum(item.ask_if is None for item in ITEMS) - 1) + ["yes"]


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Starter]:
    sessions: list[Session] = []

    def starter(*args: str, **env: str) -> Session:
        session = Session(list(args), terminal_env(tmp_path, **env), 80)
        sessions.append(session)
        return session

    yield starter
    for session in sessions:
        if session.child.isalive():
            session.child.terminate(force=True)


def answer_each(session: Session, answers: list[str]) -> None:
    for number, typed in enumerate(answers, start=1):
        session.wait_for(f"Question {number} of ")
        session.answer(typed)


# --- 2: quick exit in plain mode and with ACCESSIBLE=1 ----------------------------------


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--plain"], {}),
        ([], {"ACCESSIBLE": "1"}),
        (["intake", "--plain", "--client", "K1", "--counsellor", "JS"], {}),
    ],
    ids=["plain", "accessible", "intake_plain"],
)
def test_plain_mode_esc_leaves_at_once_and_clears(
    spawn: Starter, args: list[str], env: dict[str, str]
) -> None:
    session = spawn(*args, "--region", "uk", **env)
    session.answer("", prompt=BEGIN)
    session.answer("yes")  # one answer on screen, then Esc with no Enter
    session.wait_for("Question 2 of ")
    session.wait_for(ANSWER)
    session.child.send("\x1b")
    assert session.end() == 130
    assert "^[" not in session.text
    after = session.text.rsplit(CLEAR_SCREEN_AND_SCROLLBACK, 1)
    assert len(after) == 2 and "Question" not in after[1]


def test_where_keys_come_by_line_the_intro_says_so(spawn: Starter) -> None:
    session = spawn("--region", "uk", TERM="dumb")
    session.wait_for("a line at a time")
    session.answer("q", prompt=BEGIN)
    assert session.end() == 130


# --- 4: x in free text is a letter -------------------------------------------------------


def test_a_note_and_a_client_reference_starting_with_x_are_kept(
    spawn: Starter, tmp_path: Path
) -> None:
    record = tmp_path / "k8.md"
    session = spawn(
        "intake", "--counsellor", "JS", "--region", "uk", "-f", "markdown", "-o", str(record)
    )
    session.answer("XR-2291", prompt="Client reference")
    session.answer("", prompt=BEGIN)
    session.answer("+")  # a note for the first question
    session.answer("xanax on weekends too", prompt="Note")
    session.answer("yes")
    answer_each_from(session, 2, ALL_NO[1:])
    session.answer("", prompt="Enter for the result")  # the review: finish
    session.answer("", prompt="Enter to leave it out")  # no closing summary
    assert session.end() == 0
    text = record.read_text(encoding="utf-8")
    assert "XR-2291" in text and "xanax on weekends too" in text


LEFT, HOME, END, DELETE, CTRL_LEFT = "\x1b[D", "\x1b[H", "\x1b[F", "\x1b[3~", "\x1b[1;5D"


def test_a_note_is_edited_with_the_cursor_keys_and_the_record_keeps_the_edit(
    spawn: Starter, tmp_path: Path
) -> None:
    """Typed at 80 columns after a 42-column prompt, so the note wraps onto a second row
    and the cursor keys move across it."""
    record = tmp_path / "k9.json"
    session = spawn(
        "intake", "--counsellor", "JS", "--client", "K-9", "-f", "json", "-o", str(record)
    )
    session.answer("", prompt=BEGIN)
    session.answer("+")
    typed = "the client says mostly weekends March, and on some weeknights with friends"
    keys = typed + CTRL_LEFT * 7 + "since " + HOME + DELETE * 3 + "The" + END + "."
    keys += LEFT + "x" + "\x7f"  # in and out again, mid-line
    session.answer(keys, prompt="Note")
    session.answer("yes")
    answer_each_from(session, 2, ALL_NO[1:])
    session.answer("", prompt="Enter for the result")
    session.answer("", prompt="Enter to leave it out")
    assert session.end() == 0
    notes = json.loads(record.read_text(encoding="utf-8"))["notes"]
    assert notes == {
        "used_past_year": (
            "The client says mostly weekends since March, and on some weeknights with friends."
        )
    }


def answer_each_from(session: Session, first: int, answers: list[str]) -> None:
    for number, typed in enumerate(answers, start=first):
        session.wait_for(f"Question {number} of ")
        session.answer(typed)


# --- 5: a failed save still shows the summary, and offers another file ---------------------


@pytest.mark.parametrize("mode", ["run", "intake"])
def test_a_save_into_a_vanished_folder_shows_the_summary_and_offers_another_path(
    spawn: Starter, tmp_path: Path, mode: str
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    args = ["intake", "--client", "K1", "--counsellor", "JS"] if mode == "intake" else ["run"]
    session = spawn(*args, "--region", "uk", "-o", str(folder / "r.txt"))
    session.answer("", prompt=BEGIN)
    answer_each(session, ALL_NO[:-1])
    shutil.rmtree(folder)  # the stick is pulled out before the last answer
    session.wait_for(f"Question {len(ITEMS)} of ")
    session.answer("no")
    if mode == "intake":
        session.answer("", prompt="Enter for the result")
        session.answer("", prompt="Enter to leave it out")
    else:
        session.answer("", prompt="Enter for your result")  # the check of the answers
    session.wait_for("could not be saved")
    session.answer(str(tmp_path / "kept.txt"), prompt="press Enter to skip:")
    session.wait_for("saved to")
    assert session.end() == 0
    words = session.words
    assert words.index("Samaritans") < words.index("could not be saved")  # summary first
    assert (tmp_path / "kept.txt").exists()


@pytest.mark.parametrize("declined", ["", "n", "no"])
def test_skipping_the_other_path_exits_1(spawn: Starter, tmp_path: Path, declined: str) -> None:
    """Enter skips, and so does a plain no: never a file called "n" in the working folder."""
    taken = tmp_path / "r.txt"
    session = spawn("--region", "uk", "-o", str(taken))
    session.answer("", prompt=BEGIN)
    answer_each(session, ALL_NO[:-1])
    taken.write_text("someone else's file")  # the file appears meanwhile
    session.answer("no")
    session.answer("", prompt="Enter for your result")
    session.answer(declined, prompt="press Enter to skip:")
    session.wait_for("Nothing was saved")
    assert session.end() == 1
    assert declined == "" or not (Path.cwd() / declined).exists()
    assert "What your answers show" in session.words
    assert "already exists" in session.words
    assert taken.read_text() == "someone else's file"


# --- 6: the crisis stop of an intake files the record, marked incomplete --------------------


def test_an_intake_stopped_after_the_crisis_screen_saves_an_incomplete_record(
    spawn: Starter, tmp_path: Path
) -> None:
    record = tmp_path / "k8.json"
    session = spawn(
        "intake",
        "--counsellor",
        "JS",
        "--region",
        "uk",
        "--client",
        "K8",
        "-f",
        "json",
        "-o",
        str(record),
    )
    session.answer("", prompt=BEGIN)
    answer_each(session, NO_USE_THEN_SELF_HARM)
    session.wait_for("Carry on with the interview?")  # asked of the counsellor
    session.answer("n")
    session.wait_for("marked incomplete")
    assert session.end() == 130
    import json

    saved = json.loads(record.read_text(encoding="utf-8"))
    assert saved["complete"] is False
    assert saved["client"] == "K8"
    assert saved["answers"]["self_harm_thoughts"] == "yes"
    assert [flag["level"] for flag in saved["flags"]] == ["crisis"]


# --- 12: typing --------------------------------------------------------------------------


def test_a_windows_line_end_is_one_answer(spawn: Starter) -> None:
    session = spawn("--region", "uk")
    session.answer("", prompt=BEGIN)
    session.wait_for(ANSWER)
    session.child.send("y\r\n")
    session.wait_for("Question 2 of ")
    session.wait_for(ANSWER)
    session.child.send("n\r\n")
    session.wait_for("Question 3 of ")
    assert "didn't catch that" not in session.words


def test_si_with_a_combining_accent_is_yes(spawn: Starter) -> None:
    session = spawn("--region", "uk", "--lang", "es")
    session.answer("", prompt="Presiona Enter")
    session.answer("si\u0301", prompt="Respuesta:")
    session.wait_for("Pregunta 2 de ")


# --- 13: every re-prompt says what it accepts -------------------------------------------------


def test_the_crisis_prompt_says_what_it_accepts_and_b_goes_back(spawn: Starter) -> None:
    session = spawn("--region", "uk")
    session.answer("", prompt=BEGIN)
    answer_each(session, NO_USE_THEN_SELF_HARM)
    session.wait_for("Would you like to carry on?")
    for typed in ("maybe", "?", ""):
        session.answer(typed)
        session.wait_for("Type y to carry on, n to stop here, or b to go back")
    session.answer("b")
    session.wait_for("Earlier you said: yes")
    session.answer("n")
    session.finish_self_check()
    assert session.end() == 0


def test_the_start_prompt_says_what_it_accepts(spawn: Starter) -> None:
    session = spawn("--region", "uk")
    session.answer("y", prompt=BEGIN)
    session.wait_for("To begin, press Enter with nothing typed")
    session.answer("", prompt=BEGIN)
    session.wait_for("Question 1 of ")


# --- 9: a record redirected into a file --------------------------------------------------


def test_a_redirected_record_is_owner_only_and_the_screen_says_where(tmp_path: Path) -> None:
    record = tmp_path / "record.json"
    command = f"umask 022; exec '{SCREENER}' --region uk --format json > '{record}'"
    session = Session.__new__(Session)  # the same Session, spawned through a shell
    session.transcript = io.StringIO()
    session.child = pexpect.spawn(
        "/bin/sh",
        ["-c", command],
        env=terminal_env(tmp_path, PAGER="cat"),  # the summary view has its own tests
        dimensions=(50, 200),
        encoding="utf-8",
        timeout=20,
        preexec_fn=signals_as_at_a_terminal,
    )
    session.child.logfile_read = session.transcript
    session.answer("", prompt=BEGIN)
    answer_each(session, ALL_NO)
    session.answer("", prompt="Enter for your result")
    assert session.end() == 0
    assert f"Your answers were saved to {record}" in session.words
    assert record.stat().st_mode & 0o777 == 0o600


# A title-setting OSC and a bell: the kind of sequence Click's own ANSI stripping lets through.
HOSTILE = "\x1b]0;owned\x07\x1b[2J"


@pytest.mark.parametrize(
    "args",
    [
        ["run", "--format", f"json{HOSTILE}"],
        ["run", "--region", f"uk{HOSTILE}"],
        ["run", "--lang", f"es{HOSTILE}"],
        ["run", f"--plain{HOSTILE}"],
        [f"intak{HOSTILE}"],
        ["intake", "--client", f"K-1{HOSTILE}"],
        ["demo", f"sam{HOSTILE}"],
        ["run", "--answers", f"missing{HOSTILE}.yaml"],
    ],
    ids=["format", "region", "lang", "unknown option", "command", "client", "persona", "file"],
)
def test_option_values_are_never_echoed_raw_to_the_terminal(
    spawn: Starter, args: list[str]
) -> None:
    """Every usage error, Click's own and screener's, names what was typed as text."""
    session = spawn(*args)
    code = session.end()
    assert code in (1, 2), session.text
    assert (
        "\x1b]" not in session.text and "\x07" not in session.text and "\x1b[2J" not in session.text
    )
    assert "Traceback" not in session.text


def test_closing_the_window_mid_intake_files_the_record(tmp_path: Path) -> None:
    """The real thing, not a signal sent by hand: the terminal's master side closes, so the
    kernel sends SIGHUP and SIGCONT and every read gets EIO, in whatever order. Once the
    SIGCONT handler's tcsetattr raised on the dead terminal, a traceback lost the intake."""
    import json
    import os

    record = tmp_path / "record.json"
    args = ["intake", "--region", "uk", "--client", "K-9", "--counsellor", "JS", "-o", str(record)]
    session = Session(args, terminal_env(tmp_path), 80)  # waited for here, not by a fixture
    session.answer("", prompt=BEGIN)
    for typed in ("1", "2", "1"):
        session.answer(typed)
    session.wait_for(ANSWER)
    os.close(session.child.child_fd)  # the window closes
    _, status = os.waitpid(session.child.pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 129
    kept = json.loads(record.read_text(encoding="utf-8"))
    assert (kept["complete"], kept["ended_by"], len(kept["answers"])) == (False, "hang_up", 3)
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []


@pytest.mark.parametrize("keep", [False, True])
def test_keep_screen_holds_in_the_trainers_what_if(
    spawn: Starter, tmp_path: Path, keep: bool
) -> None:
    """Esc in `run --trainer`'s what-if cleared the screen even with --keep-screen: a second
    clearing path, beside the one every quick exit now takes."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD, encoding="utf-8")
    args = ["run", "--answers", str(answers), "--trainer", "--region", "uk"]
    session = spawn(*args, *(["--keep-screen"] if keep else []), PAGER="cat")
    session.wait_for("What if")
    session.child.send("\x1b")
    assert session.end() == 0  # after the result, as in the summary view (docs/endings.md)
    assert (CLEAR_SCREEN_AND_SCROLLBACK in session.text) is not keep
