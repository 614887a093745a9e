"""Every way out of `screener` and `screener intake`, cell by cell: docs/endings.md's table.

The installed script in a real pseudo-terminal, as tests/across/test_terminal.py drives it, for
each place the record can go: the screen only; `-o FILE`; standard output redirected to a file;
standard output piped. A shell starts the last two, so that standard output is the file or the
pipe while standard input and standard error stay the terminal. The pipe's reader ignores
Ctrl-C (`trap '' INT`), as a reader that outlives the keystroke must: a shell's own `cat` would
die with it and take the record along, whatever screener did.

One table, ENDINGS, declares each ending for each mode: its walk, its exit code, the record it
leaves where there is a destination (complete, or incomplete and how it ended), the words shown
and not shown, and whether the screen was cleared. The tests expand it over the destinations.
Every wait is an expect() with a timeout; nothing sleeps; every key is typed after its prompt.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from screener.files import bundled
from screener.files.bank import load_bank
from tests.helpers import (
    ANSI,
    ANSWER,
    BEGIN,
    CRITERION_IDS,
    SCREENER,
    Session,
    Spawned,
    shell_quoted,
    terminal_env,
)

pexpect = pytest.importorskip("pexpect", reason="pexpect is a test dependency")
pytestmark = [
    pytest.mark.skipif(not SCREENER.exists(), reason="no installed screener console script"),
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX"),
]

KETAMINE_FILE = bundled.bank_file("ketamine", "en")
assert KETAMINE_FILE is not None
ITEMS = load_bank(KETAMINE_FILE).bank.items
IDS = [item.id for item in ITEMS]

TALL = 400
"""Rows enough for any summary here: not paged, so only the summary view's own tests meet it."""
PATIENCE = 10  # seconds for any one expected text; a failing cell should not wait 20
CLEARED = "\x1b[3J"  # the scrollback cleared: the end of a quick exit's sequence

# A scale question's "nothing of note" by its number, the same in both modes: how often 3
# (monthly), how the person feels 4 (rather not say).
SCALE_NUMBERS = {"how_often": "3", "feeling_about_use": "4"}
# Whole words: in an intake n starts a note. Used ketamine, not prescribed, no to the rest.
ALL_NO = ["yes", "no"] + [SCALE_NUMBERS.get(item_id, "no") for item_id in IDS[2:]]
# The severe band with an urgent and a medical flag, and no crisis screen on the way.
SEVERE = [
    "yes"
    if item_id in {"used_past_year", *CRITERION_IDS, "bladder_symptoms", "blood_in_urine"}
    else SCALE_NUMBERS.get(item_id, "no")
    for item_id in IDS
]


def to_crisis(blood: bool) -> list[str]:
    """No use in the past year (the gate closes): only the unconditional questions, the last
    about harming yourself; with `blood`, yes to blood in urine on the way."""
    said_yes = {"self_harm_thoughts", *(["blood_in_urine"] if blood else [])}
    return ["yes" if item.id in said_yes else "no" for item in ITEMS if item.ask_if is None]


MODES = {
    "self": [],
    "intake": ["intake", "--client", "K-1", "--counsellor", "JS"],
}
DESTINATIONS = ("screen", "file", "redirect", "pipe")
KEEPS = ("file", "redirect", "pipe")
"""The destinations where a record goes (all of them JSON here)."""

STOP_WORDS = "You stopped the check. Nothing was saved."
STOPPED = "Stopped. Nothing was saved."
ONE_CONTACT = "If you want to talk to someone:"
DISCARD = "Discard this interview?"
CARRY_ON = "Nothing discarded. Carry on."
REVIEW = "Enter for the result"
CLOSING = "Enter to leave it out"
SAVE_OFFER = "Save the record?"
SELF_REVIEW = "Enter for your result"
KEEP_COPY = "Keep a copy?"
CRISIS = "Type y to carry on"  # both modes: the intake asks "Carry on with the interview?"
CHOSE_TO_STOP = "You chose to stop here"
BLOOD_ADVICE = "Blood in your urine needs a doctor's check"
SUMMARY = "What your answers show"
PROFESSIONAL = "Screening result (professional view)"
PAGER_DONE = "q: done"  # the end of both of the summary view's prompts
REGION = "Type a number, or press Enter for somewhere else"


# --- a run: one screener, its record's destination, and what it leaves ----------------------


@dataclass
class Run:
    session: Session
    mode: str
    destination: str
    record: Path
    """Where the record goes: the -o file, or the file standard output was sent to."""

    @property
    def folder(self) -> Path:
        return self.record.parent

    # the keys a person presses
    def begin(self) -> None:
        self.session.answer("", prompt=BEGIN)

    def answer_from(self, first: int, answers: list[str]) -> None:
        for number, typed in enumerate(answers, start=first):
            self.session.wait_for(f"Question {number} of ")
            self.session.answer(typed)

    def at_question_3(self) -> None:
        self.begin()
        self.answer_from(1, ALL_NO[:2])
        self.session.wait_for("Question 3 of ")
        self.session.wait_for(ANSWER)

    def at_review(self, answers: list[str] = ALL_NO) -> None:
        self.begin()
        self.answer_from(1, answers)
        self.session.wait_for(REVIEW if self.mode == "intake" else SELF_REVIEW)

    def at_crisis(self, blood: bool = False) -> None:
        self.begin()
        self.answer_from(1, to_crisis(blood))
        self.session.wait_for(CRISIS)
        self.session.wait_for(ANSWER)

    def after_review(self) -> None:
        """The review's Enter, the closing summary left out, and no save where one is offered."""
        if self.mode == "intake":
            self.session.answer("", prompt=REVIEW)
            self.session.answer("", prompt=CLOSING)
            if self.destination == "screen":
                self.session.answer("", prompt=SAVE_OFFER)
        else:  # the person's own check of the answers, and the copy offered on the screen
            self.session.answer("", prompt=SELF_REVIEW)
            if self.destination == "screen":
                self.session.answer("", prompt="Enter skips")

    def finish_from_3(self) -> None:
        """Carry on at question 3 (its prompt again) and answer the rest."""
        self.session.answer(ALL_NO[2])
        self.answer_from(4, ALL_NO[3:])
        self.after_review()

    def leave(self, key: str) -> None:
        if key == "esc":
            self.session.child.send("\x1b")
        elif key == "x":
            self.session.child.send("x")
        elif key == "ctrl_c":
            self.session.child.sendintr()
        elif key == "ctrl_d":
            self.session.child.sendeof()
        else:
            self.session.child.sendline(key)


Starter = Callable[..., Run]


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Starter]:
    runs: list[Run] = []

    def starter(
        mode: str,
        destination: str,
        *extra: str,
        region: bool = True,
        rows: int = TALL,
        stdin: Path | None = None,
        **env: str,
    ) -> Run:
        folder = tmp_path / "records"
        folder.mkdir()
        record = folder / "record.json"
        args = [*MODES[mode], *(["--region", "uk"] if region else []), *extra]
        if destination != "screen":
            args += ["-f", "json"]
        if destination == "file":
            args += ["-o", str(record)]
        command = shell_quoted([SCREENER, *args])
        if stdin is not None:
            command += " < " + shell_quoted([stdin])
        if destination == "redirect":
            line = f"exec {command} > {shell_quoted([record])}"
        elif destination == "pipe":
            line = (
                f"set -o pipefail; {command} | (trap '' INT; exec cat > {shell_quoted([record])})"
            )
        else:
            line = f"exec {command}"
        session = Spawned("/bin/bash", ["-c", line], terminal_env(tmp_path, **env), rows=rows)
        session.child.timeout = PATIENCE
        run = Run(session, mode, destination, record)
        runs.append(run)
        return run

    yield starter
    for run in runs:  # a failed test must not leave a screener waiting for input
        if run.session.child.isalive():
            run.session.child.terminate(force=True)


# --- the table -------------------------------------------------------------------------------

Walk = Callable[[Run], None]


@dataclass(frozen=True)
class Ending:
    """One cell of docs/endings.md for one mode, over the destinations it applies to."""

    walk: Walk
    exit: int
    kept: str | None
    """Where there is a destination: "complete", an incomplete record's ended_by, or None
    for nothing at all (a self-check that stops, a discarded interview)."""
    shows: tuple[str, ...] = ()
    hides: tuple[str, ...] = ()
    shows_on_screen: tuple[str, ...] = ()
    """Shown where there is no destination, in addition."""
    shows_when_kept: tuple[str, ...] = ()
    """Shown where a record is kept, in addition."""
    hides_when_kept: tuple[str, ...] = ()
    cleared: bool = False
    """The screen and scrollback cleared, and nothing shown after."""
    in_order: tuple[str, ...] = ()
    """Words shown in this order, each after the one before."""
    after: tuple[str, tuple[str, ...]] | None = None
    """(marker, words): each word shown after the last time the marker was."""
    destinations: tuple[str, ...] = DESTINATIONS


def walk_complete(run: Run) -> None:
    run.begin()
    run.answer_from(1, ALL_NO)
    run.after_review()


def walk_q_at_start(run: Run) -> None:
    run.session.answer("q", prompt=BEGIN)


def walk_q_at_question(run: Run) -> None:
    run.at_question_3()
    run.leave("q")


def then_discard(answer: str) -> Walk:
    def walk(run: Run) -> None:
        run.session.answer(answer, prompt=DISCARD)
        if answer == "":
            run.session.wait_for(CARRY_ON)

    return walk


def then(*walks: Walk) -> Walk:
    def walk(run: Run) -> None:
        for step in walks:
            step(run)

    return walk


def walk_finish_from_3(run: Run) -> None:
    run.finish_from_3()


def walk_finish_at_review(run: Run) -> None:
    run.after_review()


def walk_at_review(run: Run) -> None:
    run.at_review()


def walk_at_question_3(run: Run) -> None:
    run.at_question_3()


def press(key: str) -> Walk:
    def walk(run: Run) -> None:
        run.leave(key)

    return walk


def press_at_discard(key: str) -> Walk:
    def walk(run: Run) -> None:
        run.session.wait_for(DISCARD)
        run.leave(key)

    return walk


def walk_at_region(run: Run) -> None:
    run.session.wait_for("Where are you?")
    run.session.wait_for(REGION)


def walk_at_crisis(run: Run) -> None:
    run.at_crisis()


def walk_crisis_stop(run: Run) -> None:
    run.at_crisis(blood=True)
    run.session.child.sendline("n")
    run.session.wait_for(CHOSE_TO_STOP)
    if run.mode == "intake" and run.destination == "screen":
        run.session.answer("", prompt=SAVE_OFFER)  # offered at a keyboard; skipped


def signal_at_question_3(number: signal.Signals) -> Walk:
    def walk(run: Run) -> None:
        run.at_question_3()
        os.kill(run.session.child.pid, number)  # bash exec'd into screener: the same process

    return walk


def walk_failed_save(run: Run) -> None:
    run.begin()
    run.answer_from(1, ALL_NO[:-1])
    shutil.rmtree(run.folder)  # the stick is pulled out before the last answer
    run.session.wait_for(f"Question {len(ALL_NO)} of ")
    run.session.answer(ALL_NO[-1])
    if run.mode == "intake":
        run.session.answer("", prompt=REVIEW)
        run.session.answer("", prompt=CLOSING)
    else:
        run.session.answer("", prompt=SELF_REVIEW)
    run.session.wait_for("could not be saved")
    run.session.answer("", prompt="press Enter to skip")


def walk_script_runs_out(run: Run) -> None:
    """Nothing typed: standard input is a file of three lines (begin, yes, no)."""


CONTACT = ("Samaritans", "116 123")
INTAKE_STOP = (DISCARD,)

ENDINGS: dict[tuple[str, str], Ending] = {}


def row(name: str, mode: str, ending: Ending) -> None:
    ENDINGS[name, mode] = ending


# complete ------------------------------------------------------------------------------------
row(
    "complete",
    "self",
    Ending(
        walk_complete,
        0,
        "complete",
        shows=(SUMMARY, *CONTACT),
        shows_on_screen=(KEEP_COPY,),
        hides=(STOPPED,),
    ),
)
row(
    "complete",
    "intake",
    Ending(
        walk_complete,
        0,
        "complete",
        shows=(PROFESSIONAL, *CONTACT),
        shows_on_screen=(SAVE_OFFER,),
        hides=(DISCARD,),
    ),
)
# q -------------------------------------------------------------------------------------------
for where, walk in (
    ("start", walk_q_at_start),
    ("question", walk_q_at_question),
    ("review", then(walk_at_review, press("q"))),
):
    row(f"q_at_{where}", "self", Ending(walk, 130, None, shows=(STOP_WORDS, ONE_CONTACT)))
row("q_at_start", "intake", Ending(walk_q_at_start, 130, None, hides=(DISCARD,)))
for where, reach in (
    ("question", walk_q_at_question),
    ("review", then(walk_at_review, press("q"))),
):
    row(
        f"q_at_{where}_discard_yes",
        "intake",
        Ending(
            then(reach, then_discard("yes")),
            130,
            None,
            shows=(DISCARD,),
            hides=("saved to", "marked incomplete", CARRY_ON),
        ),
    )
row(
    "q_at_question_discard_enter",
    "intake",
    Ending(
        then(walk_q_at_question, then_discard(""), walk_finish_from_3),
        0,
        "complete",
        shows=(DISCARD, CARRY_ON, PROFESSIONAL),
    ),
)
row(
    "q_at_review_discard_enter",
    "intake",
    Ending(
        then(walk_at_review, press("q"), then_discard(""), walk_finish_at_review),
        0,
        "complete",
        shows=(DISCARD, CARRY_ON, PROFESSIONAL),
    ),
)
# quick exit ----------------------------------------------------------------------------------
for key in ("esc", "x"):
    places: dict[str, tuple[Walk, tuple[str, ...]]] = {
        "question": (walk_at_question_3, ("self", "intake")),
        "review": (walk_at_review, ("intake",)),
        "crisis": (walk_at_crisis, ("self", "intake")),
    }
    for where, (reach, modes) in places.items():
        for mode in modes:
            row(
                f"quick_exit_{key}_at_{where}",
                mode,
                Ending(
                    then(reach, press(key)),
                    130,
                    None if mode == "self" else "quick_exit",
                    cleared=True,
                ),
            )
    row(
        f"quick_exit_{key}_at_region",
        "self",
        Ending(then(walk_at_region, press(key)), 130, None, cleared=True),
    )
# Ctrl-C and Ctrl-D ---------------------------------------------------------------------------
for first in ("ctrl_c", "ctrl_d"):
    row(
        f"{first}_at_question",
        "self",
        Ending(then(walk_at_question_3, press(first)), 130, None, shows=(STOPPED, ONE_CONTACT)),
    )
    for where, reach, carry_on in (
        ("question", walk_at_question_3, walk_finish_from_3),
        ("review", walk_at_review, walk_finish_at_review),
    ):
        stopped = then(reach, press(first))
        row(
            f"{first}_at_{where}_discard_yes",
            "intake",
            Ending(
                then(stopped, then_discard("yes")),
                130,
                None,
                shows=(DISCARD,),
                hides=("saved to", "marked incomplete"),
            ),
        )
        row(
            f"{first}_at_{where}_discard_enter",
            "intake",
            Ending(
                then(stopped, then_discard(""), carry_on),
                0,
                "complete",
                shows=(DISCARD, CARRY_ON, PROFESSIONAL),
            ),
        )
        for second in ("ctrl_c", "ctrl_d"):  # at "Discard this interview?": ends it
            row(
                f"{first}_at_{where}_then_{second}",
                "intake",
                Ending(
                    then(stopped, press_at_discard(second)),
                    130,
                    "interrupted" if second == "ctrl_c" else "end_of_input",
                    shows=(DISCARD,),
                    hides=(CARRY_ON,),
                    shows_when_kept=("marked incomplete",),
                ),
            )
# end of input where input is no terminal (a script ran out) ----------------------------------
row(
    "script_runs_out",
    "self",
    Ending(walk_script_runs_out, 130, None, shows=(STOPPED,), hides=(SUMMARY,)),
)
row(
    "script_runs_out",
    "intake",
    Ending(walk_script_runs_out, 130, "end_of_input", hides=(DISCARD, PROFESSIONAL)),
)
# the crisis stop -----------------------------------------------------------------------------
for mode in ("self", "intake"):
    row(
        "crisis_stop",
        mode,
        Ending(
            walk_crisis_stop,
            130,
            None if mode == "self" else "crisis_stop",
            shows=(CHOSE_TO_STOP,),
            hides=(SUMMARY, PROFESSIONAL),
            shows_on_screen=(SAVE_OFFER,) if mode == "intake" else (),
            shows_when_kept=("marked incomplete",),
            hides_when_kept=("Nothing was saved",),
            after=(CHOSE_TO_STOP, (BLOOD_ADVICE, *CONTACT, "999")),
        ),
    )
# the window closed, and SIGTERM ----------------------------------------------------------------
for name, number, code, ended_by in (
    ("hang_up", signal.SIGHUP, 129, "hang_up"),
    ("terminated", signal.SIGTERM, 143, "terminated"),
):
    for mode in ("self", "intake"):
        row(
            name,
            mode,
            Ending(
                signal_at_question_3(number),
                code,
                None if mode == "self" else ended_by,
                hides=(DISCARD,),  # nothing asked
                # the pipe's reader is the shell's; only screener is signalled here
                destinations=("screen", "file", "redirect"),
            ),
        )
# a failed save -------------------------------------------------------------------------------
for mode, summary in (("self", SUMMARY), ("intake", PROFESSIONAL)):
    row(
        "failed_save",
        mode,
        Ending(
            walk_failed_save,
            1,
            None,
            in_order=(summary, "Samaritans", "could not be saved"),
            destinations=("file",),
        ),
    )

CELLS = [
    pytest.param(name, mode, destination, id=f"{name}-{mode}-{destination}")
    for (name, mode), ending in ENDINGS.items()
    for destination in ending.destinations
]


# --- checking a cell ---------------------------------------------------------------------------


def no_temporary_files(folder: Path) -> None:
    if folder.exists():
        assert sorted(path.name for path in folder.glob(".*.tmp")) == []


def kept_record(run: Run) -> dict[str, Any] | None:
    """The record where it went, parsed; None when there is none (a file standard output was
    sent to exists from the start, empty)."""
    if not run.record.exists():
        return None
    text = run.record.read_text(encoding="utf-8")
    if run.destination in ("redirect", "pipe") and text == "":
        return None
    assert "\x1b" not in text, "something meant for the screen reached the record"
    parsed = json.loads(text)  # the record, and only the record
    assert isinstance(parsed, dict)
    return parsed


def check_record(run: Run, kept: str | None) -> None:
    record = kept_record(run)
    if kept is None or run.destination == "screen":
        assert record is None, f"a record was kept: {record and record.get('ended_by')}"
        if run.destination in ("screen", "file") and run.folder.exists():
            assert sorted(run.folder.iterdir()) == []
        return
    assert record is not None, "no record was kept"
    if kept == "complete":
        assert record["complete"] is True
        assert record.get("ended_by") is None
    else:
        assert record["complete"] is False
        assert record["ended_by"] == kept
        assert record["client"] == "K-1"
    if run.destination == "file":
        assert run.record.stat().st_mode & 0o777 == 0o600


def after_last(text: str, marker: str) -> str:
    assert marker in text, f"{marker!r} never shown"
    return text[text.rindex(marker) + len(marker) :]


def words_of(text: str) -> str:
    return " ".join(ANSI.sub("", text.replace("\r\n", "\n")).split())


def check_screen(run: Run, ending: Ending) -> None:
    text = run.session.text
    words = run.session.words
    assert "Traceback" not in text
    keeps = ending.kept is not None and run.destination != "screen"
    shows = [
        *ending.shows,
        *(ending.shows_on_screen if run.destination == "screen" else ()),
        *(ending.shows_when_kept if keeps else ()),
    ]
    for shown in shows:
        assert shown in words, f"{shown!r} not shown"
    for hidden in (*ending.hides, *(ending.hides_when_kept if keeps else ())):
        assert hidden not in words, f"{hidden!r} shown"
    if ending.cleared:
        left = after_last(text, CLEARED)
        assert ANSI.sub("", left).strip() == "", f"shown after the clear: {left!r}"
    else:
        assert CLEARED not in text, "the screen was cleared"
    position = 0
    for shown in ending.in_order:
        found = words.find(shown, position)
        assert found >= 0, f"{shown!r} not shown after {words[:position][-80:]!r}"
        position = found + len(shown)
    if ending.after is not None:
        marker, later = ending.after
        tail = words_of(after_last(text, marker))
        for shown in later:
            assert shown in tail, f"{shown!r} not shown after {marker!r}"


@pytest.mark.parametrize(("name", "mode", "destination"), CELLS)
def test_an_ending(start: Starter, tmp_path: Path, name: str, mode: str, destination: str) -> None:
    ending = ENDINGS[name, mode]
    extra: dict[str, Any] = {}
    if name.endswith("_at_region"):
        extra = {"region": False, "LANG": "C"}
    if name == "script_runs_out":
        typed = tmp_path / "typed.txt"
        typed.write_text("\n" + "".join(f"{answer}\n" for answer in ALL_NO[:2]))
        extra = {"stdin": typed}
    run = start(mode, destination, **extra)
    ending.walk(run)
    assert run.session.end() == ending.exit
    check_screen(run, ending)
    check_record(run, ending.kept)
    no_temporary_files(run.folder)


def test_the_table_covers_every_ending_in_both_modes() -> None:
    """Each of docs/endings.md's rows has cells in both modes (the region question and the
    review are each one mode's)."""
    kinds = {
        "complete",
        "q_at",
        "quick_exit",
        "ctrl_c",
        "ctrl_d",
        "script_runs_out",
        "crisis_stop",
        "hang_up",
        "terminated",
        "failed_save",
    }
    for mode in MODES:
        names = [name for name, in_mode in ENDINGS if in_mode == mode]
        assert {kind for kind in kinds if any(name.startswith(kind) for name in names)} == kinds
    assert len(CELLS) > 150


# --- the summary view: a summary taller than the screen, a page at a time ----------------------

VIEW_KEYS = ("esc", "q", "ctrl_c", "ctrl_d")


@pytest.mark.parametrize("key", VIEW_KEYS)
@pytest.mark.parametrize("destination", DESTINATIONS)
@pytest.mark.parametrize("mode", sorted(MODES))
def test_leaving_the_summary_view(start: Starter, mode: str, destination: str, key: str) -> None:
    """A severe result with flags at 24 rows is paged. Esc clears the screen and leaves;
    q, Ctrl-C and Ctrl-D leave the view with the contacts shown below it. The record was
    written before the view opened, and only the record: the summary is on the terminal."""
    run = start(mode, destination, rows=24, PAGER="less")  # any pager but cat: ours is used
    run.begin()
    run.answer_from(1, SEVERE)
    run.session.wait_for(PAGER_DONE)  # 21 answers do not fit 24 rows: the review is paged
    run.session.child.send("q")
    if mode == "intake":
        run.session.answer("", prompt=REVIEW)
        run.session.answer("", prompt=CLOSING)
    else:
        run.session.answer("", prompt=SELF_REVIEW)
    run.session.wait_for(PAGER_DONE)
    text = run.session.text
    if mode == "self":  # the urgent advice first, on the first page, and the rest named
        first_page = words_of(after_last(text, SELF_REVIEW))
        assert BLOOD_ADVICE in first_page
        assert "Your answers also brought advice on: Bladder symptoms," in first_page
        result = first_page.find(SUMMARY)
        assert result == -1 or first_page.index(BLOOD_ADVICE) < result
    if key == "q":
        run.session.child.send("q")
    else:
        run.leave(key)
    if destination == "screen" and key != "esc":  # a quick exit asks nothing
        run.session.answer("", prompt=SAVE_OFFER if mode == "intake" else KEEP_COPY)
    assert run.session.end() == 0
    text = run.session.text
    assert "Traceback" not in text
    if key == "esc":
        left = after_last(text, CLEARED)
        assert ANSI.sub("", left).strip() == "", f"shown after the clear: {left!r}"
    else:
        assert CLEARED not in text
        tail = words_of(after_last(text, PAGER_DONE))
        assert "Samaritans" in tail and "116 123" in tail
    check_record(run, "complete")
    record = run.record.read_text(encoding="utf-8") if destination != "screen" else ""
    for summary_words in (SUMMARY, "Please read this first", "Press Enter", "Space: read on"):
        assert summary_words not in record


# --- the trainer's what-if after a live self-check (run --trainer) -----------------------------

WHAT_IF = "What if:"
CUT_DOWN = IDS.index("cut_down") + 1  # the question's number, found by its id
FLIPPED = f"Q{CUT_DOWN} (Unable to cut down): no -> yes"


def trainer_at_what_if(start: Starter, *extra: str) -> Run:
    """run --trainer, every question answered, the summary and the counsellor's view shown,
    then "unable to cut down" flipped at "What if:"; waiting at the next "What if:"."""
    run = start("self", "screen", "--trainer", *extra)
    run.begin()
    run.answer_from(1, ALL_NO)
    run.after_review()  # the person's check of the answers, then the copy offered, skipped
    run.session.answer(f"{CUT_DOWN} yes", prompt=WHAT_IF)
    run.session.wait_for(FLIPPED)
    run.session.wait_for(WHAT_IF)
    return run


@pytest.mark.parametrize(
    ("key", "code"), [("q", 0), ("ctrl_d", 0), ("esc", 0), ("x", 0), ("ctrl_c", 130)]
)
def test_the_trainer_s_what_if_after_a_live_check(start: Starter, key: str, code: int) -> None:
    """docs/endings.md's trainer row: the answers just given, one changed, then each way out."""
    run = trainer_at_what_if(start)
    run.leave(key)
    assert run.session.end() == code
    text, words = run.session.text, run.session.words
    assert "Traceback" not in text
    order = [words.index(shown) for shown in (SUMMARY, PROFESSIONAL, "What if?", FLIPPED)]
    assert order == sorted(order)
    assert "What changed: criteria met: 0 -> 1" in words
    if key in ("esc", "x"):
        left = after_last(text, CLEARED)
        assert ANSI.sub("", left).strip() == "", f"shown after the clear: {left!r}"
    else:
        assert CLEARED not in text
        assert text.endswith("\n"), "the shell's prompt would follow on the same line"
    check_record(run, None)


def test_a_window_closed_at_the_trainer_s_what_if(start: Starter) -> None:
    run = trainer_at_what_if(start)
    os.kill(run.session.child.pid, signal.SIGHUP)
    assert run.session.end() == 129


def test_the_trainer_s_what_if_follows_the_crisis_screen(start: Starter) -> None:
    """Carry on at the crisis screen: shown at once, then the summary and the what-if."""
    run = start("self", "screen", "--trainer")
    run.at_crisis()
    run.session.child.sendline("y")
    run.after_review()
    run.session.answer("q", prompt=WHAT_IF)
    assert run.session.end() == 0
    words = run.session.words
    assert words.index(CRISIS) < words.index(SUMMARY) < words.index(PROFESSIONAL)


def test_after_a_crisis_stop_there_is_no_what_if(start: Starter) -> None:
    run = start("self", "screen", "--trainer")
    walk_crisis_stop(run)
    assert run.session.end() == 130
    words = run.session.words
    assert CHOSE_TO_STOP in words and "999" in words
    assert "What if" not in words and PROFESSIONAL not in words


def test_the_trainer_s_what_if_needs_someone_to_answer(start: Starter, tmp_path: Path) -> None:
    """Input from a file: refused before anything is asked, in one line, exit 2."""
    typed = tmp_path / "typed.txt"
    typed.write_text("\n" + "".join(f"{answer}\n" for answer in ALL_NO))
    run = start("self", "screen", "--trainer", stdin=typed)
    assert run.session.end() == 2
    assert run.session.words == "Error: --trainer needs --answers FILE when input is not a terminal"
