"""The endings table in code agrees with docs/endings.md, the README and the session's rules."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest

from screener.commands.session import Destination, Session, Who
from screener.commands.setup import Options
from screener.models.result import EndedBy
from screener.render import Format
from screener.rules.endings import RULES, ExitCode, Pause, SessionEnded, Stop
from screener.terminal.host import Terminal

ROOT = Path(__file__).resolve().parents[2]
ENDINGS_DOC = (ROOT / "docs" / "endings.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_early_ending_has_a_rule_and_a_record_value() -> None:
    assert set(RULES) == set(Stop)
    assert set(EndedBy.__args__) == {stop.value for stop in Stop}  # type: ignore[attr-defined]


@pytest.mark.parametrize("stop", list(Stop), ids=lambda stop: stop.value)
def test_the_doc_names_each_ending_with_its_exit_code_and_record_value(stop: Stop) -> None:
    rows = [line for line in ENDINGS_DOC.splitlines() if line.startswith("| **")]
    naming = [row for row in rows if f"`ended_by: {stop.value}`" in row]
    code = int(RULES[stop].exit_code)
    assert naming and all(row.rstrip(" |").endswith(f"| {code}") for row in naming), naming


def test_the_readme_lists_every_exit_code_and_no_other() -> None:
    table = README.split("### Exit codes", 1)[1].split("\n\n", 2)[1]
    listed = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}
    assert listed == {int(code) for code in ExitCode}


def session(who: Who, destination: Destination, *, terminal_in: bool = True) -> Session:
    class Keyboard(io.StringIO):
        def isatty(self) -> bool:
            return terminal_in

    output = Path("record.json") if destination is Destination.FILE else None
    chosen = Format.text if destination is Destination.SCREEN else Format.json
    terminal = Terminal(Keyboard(), io.StringIO(), io.StringIO())
    return Session(who, terminal, Options(format=chosen, output=output))


@pytest.mark.parametrize(
    ("who", "destination", "stop"), list(itertools.product(Who, Destination, Stop))
)
def test_only_an_intake_with_somewhere_to_file_keeps_an_early_ending(
    who: Who, destination: Destination, stop: Stop
) -> None:
    """Exhaustive: a self-check never keeps an early ending; an intake keeps every one when
    its record has a destination (docs/endings.md)."""
    expected = who is Who.INTAKE and destination is not Destination.SCREEN
    assert session(who, destination).files_record_when(stop) is expected


@pytest.mark.parametrize(("who", "destination"), list(itertools.product(Who, Destination)))
def test_the_conversation_never_shares_standard_output_with_the_record(
    who: Who, destination: Destination
) -> None:
    chosen = session(who, destination)
    assert chosen.destination is destination
    if destination is Destination.STDOUT:
        assert chosen.conversation is chosen.terminal.stderr
    else:
        assert chosen.conversation is chosen.terminal.stdout
    assert chosen.offers_save_at_end is (who is Who.INTAKE and destination is Destination.SCREEN)


@pytest.mark.parametrize("stop", list(Stop), ids=lambda stop: stop.value)
def test_a_signal_s_ending_carries_how_it_ended(stop: Stop) -> None:
    """outcome.ask_save_show() reads `stop` to act on the table; the message names the record
    value."""
    ended = SessionEnded(stop)
    assert ended.stop is stop
    assert str(ended) == stop.value


def test_the_doc_has_a_row_for_the_trainer_s_what_if_with_its_exit_codes() -> None:
    """`run --trainer` is a way out after the summary (tests/across/test_endings.py walks it):
    q or Ctrl-D done, Ctrl-C ended early, a closed window, and refused where nobody can answer."""
    rows = [line for line in ENDINGS_DOC.splitlines() if line.startswith("| **the trainer's")]
    assert len(rows) == 1
    row = rows[0]
    assert "`run --trainer`" in row and "no what-if" in row
    assert row.rstrip(" |").endswith(f"| {int(ExitCode.DONE)}")
    for code in (ExitCode.ENDED_EARLY, ExitCode.USAGE):
        assert f"exit {int(code)}" in row
    assert f"{int(ExitCode.HANG_UP)}." in row


@pytest.mark.parametrize("pause", list(Pause), ids=lambda pause: pause.value)
def test_the_doc_names_each_pause_before_the_end(pause: Pause) -> None:
    before_the_end = ENDINGS_DOC.split("## Before the end", 1)[1]
    rows = [line for line in before_the_end.splitlines() if line.startswith("| **")]
    assert any(f"(`{pause.value}`)" in row for row in rows), rows


@pytest.mark.parametrize(
    ("who", "destination", "keyboard", "pause"),
    list(itertools.product(Who, Destination, (True, False), Pause)),
)
def test_who_meets_each_pause(
    who: Who, destination: Destination, keyboard: bool, pause: Pause
) -> None:
    """Exhaustive: the intake reviews always and offers a save where the record has nowhere
    to go; a self-check does both only at a keyboard (a script's answers are neither checked
    nor kept), and offers its copy only on the screen."""
    chosen = session(who, destination, terminal_in=keyboard)
    on_screen = destination is Destination.SCREEN
    if pause is Pause.REVIEW:
        expected = who is Who.INTAKE or keyboard
    else:
        expected = on_screen and (who is Who.INTAKE or keyboard)
    assert chosen.meets(pause) is expected
    assert chosen.offers_copy_at_end is (who is Who.SELF and pause_met(chosen))


def pause_met(chosen: Session) -> bool:
    return chosen.meets(Pause.SAVE_OFFER)
