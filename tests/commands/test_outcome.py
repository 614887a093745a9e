"""Every ending of an asked session, by who is screened and where the record goes.

docs/endings.md in words, checked on `outcome.ask_save_show()` with a stand-in for the questions
that stops the way each ending does: what the exit code is, what is filed, what is said, and
where. The same table through a real terminal is tests/across/test_endings.py; this one runs in
the process, so mutation testing sees it (docs/testing.md).
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import msgspec
import pytest

import screener.commands.replay
from screener.commands import outcome
from screener.commands.outcome import Asking, Progress
from screener.commands.rendering import render
from screener.commands.session import Destination, Session, Who
from screener.commands.setup import Options, Setup, prepare
from screener.errors import ScreenerError
from screener.models.base import Answer
from screener.render import Format
from screener.rules.endings import InterviewDiscarded, SessionEnded, Stop
from screener.rules.walk import Ending, Walk
from screener.terminal.console import Screen
from screener.terminal.host import Terminal
from screener.terminal.keyboard import CLEAR_SCREEN_AND_SCROLLBACK, QuickExit
from tests.helpers import CRITERION_IDS, DATA, GOOD, HEALTH_IDS

# docs/endings.md, row by row (not read from rules/endings.py, which these tests check).
EXIT_CODE = {
    Stop.CRISIS_STOP: 130,
    Stop.QUICK_EXIT: 130,
    Stop.INTERRUPTED: 130,
    Stop.END_OF_INPUT: 130,
    Stop.HANG_UP: 129,
    Stop.TERMINATED: 143,
}
SAYS_GOODBYE = {Stop.INTERRUPTED, Stop.END_OF_INPUT, Stop.TERMINATED}
"""Ctrl-C, Ctrl-D and SIGTERM say "Stopped. Nothing was saved." with a contact; a quick exit
shows nothing, a hang-up has nobody to show it to, a crisis stop has the crisis screen's."""
SILENT = {Stop.QUICK_EXIT, Stop.HANG_UP}
"""Nothing at all is shown after these."""
GOODBYE = "Stopped. Nothing was saved."
FIRST_ANSWERS: dict[str, Answer] = {"used_past_year": "yes", "prescribed_only": "no"}
URGENT_ANSWERS: dict[str, Answer] = {**FIRST_ANSWERS, "blood_in_urine": "yes"}
URGENT_ADVICE = "Blood in your urine"
NO_TO_THE_REST = [*CRITERION_IDS, *HEALTH_IDS]
NO: Answer = "no"
ALL_NO: dict[str, Answer] = {**FIRST_ANSWERS, **dict.fromkeys(NO_TO_THE_REST, NO)}
BOXES = re.compile("[\u2500-\u257f]")
"""Box-drawing characters: Rich's panels and rules, which plain mode never draws."""
ANSI = re.compile("\x1b\\[[0-9;?]*[A-Za-z]")


class Stream(io.StringIO):
    """A terminal's stream, or a file's: isatty() says which."""

    def __init__(self, terminal: bool, text: str = "") -> None:
        super().__init__(text)
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@dataclass
class Ended:
    code: int
    terminal: Terminal
    record: Path | None

    @property
    def screen(self) -> str:
        """What a person saw: standard output and standard error, whichever was drawn on."""
        stdout, stderr = self.terminal.stdout, self.terminal.stderr
        assert isinstance(stdout, io.StringIO) and isinstance(stderr, io.StringIO)
        return stdout.getvalue() + stderr.getvalue()

    @property
    def words(self) -> str:
        return " ".join(self.screen.split())

    @property
    def stdout(self) -> str:
        stream = self.terminal.stdout
        assert isinstance(stream, io.StringIO)
        return stream.getvalue()

    def filed(self) -> dict[str, object] | None:
        """The record written to its destination, if any."""
        if self.record is not None:
            if not self.record.exists():
                return None
            text = self.record.read_text(encoding="utf-8")
        elif self.stdout.lstrip().startswith("{"):
            text = self.stdout
        else:
            return None
        loaded = json.loads(text)
        assert isinstance(loaded, dict)
        return loaded


def stopping(
    answers: dict[str, Answer], raised: BaseException | None, ending: Ending = Ending.COMPLETED
) -> Asking:
    """Stands in for the questions: gives these answers, then stops as an ending would."""

    def ask(setup: Setup, console: Screen, plain: bool, progress: Progress) -> Walk:
        progress.state.answers.update(answers)
        if raised is not None:
            raise raised
        return progress.state.walked(setup.loaded.bank, ending)

    return ask


def run(
    tmp_path: Path,
    who: Who,
    destination: Destination,
    ask: Asking,
    *,
    keyboard: str | None = None,
    tty: bool = True,
    keep_screen: bool = False,
    plain: bool = True,
    projector: bool = False,
    resources: Path | None = None,
    force: bool = False,
    region_known: bool = True,
    after_shown: outcome.AfterShown | None = None,
    columns: int = 100,
) -> Ended:
    """One asked session; `keyboard`: the lines typed at its prompts."""
    record = tmp_path / "record.json" if destination is Destination.FILE else None
    chosen = Format.text if destination is Destination.SCREEN else Format.json
    options = Options(
        region="uk",
        format=chosen,
        output=record,
        plain=plain,
        keep_screen=keep_screen,
        projector=projector,
        resources=resources,
        force=force,
    )
    terminal = Terminal(
        Stream(False, keyboard or ""),  # typed lines: the keys of a real one need termios
        Stream(tty and destination is not Destination.STDOUT),
        Stream(tty),
        environ={"LANG": "en_GB.UTF-8", "TERM": "xterm-256color", "COLUMNS": str(columns)},
    )
    session = Session(who, terminal, options)
    setup = msgspec.structs.replace(prepare(options, terminal), region_known=region_known)
    code = outcome.ask_save_show(session, setup, ask, after_shown=after_shown)
    ended = Ended(code, terminal, record)
    if plain:  # plain mode draws as on paper: no styling, no boxes (the clearing aside)
        drawn = ended.screen.replace(CLEAR_SCREEN_AND_SCROLLBACK, "")
        assert "\x1b" not in drawn and not BOXES.search(drawn), drawn
    return ended


def raised_by(stop: Stop) -> tuple[BaseException | None, Ending]:
    """How each early ending reaches ask_save_show(): an exception, or the walk's own ending."""
    if stop is Stop.CRISIS_STOP:
        return None, Ending.STOPPED_AFTER_CRISIS
    exceptions: dict[Stop, BaseException] = {
        Stop.QUICK_EXIT: QuickExit(),
        Stop.INTERRUPTED: KeyboardInterrupt(),
        Stop.END_OF_INPUT: EOFError(),
    }
    return exceptions.get(stop, SessionEnded(stop)), Ending.COMPLETED


WHERE = [Destination.SCREEN, Destination.FILE, Destination.STDOUT]


@pytest.mark.parametrize("destination", WHERE, ids=lambda where: where.value)
@pytest.mark.parametrize("who", list(Who), ids=lambda who: who.value)
@pytest.mark.parametrize("stop", list(Stop), ids=lambda stop: stop.value)
def test_each_early_ending(tmp_path: Path, stop: Stop, who: Who, destination: Destination) -> None:
    raised, ending = raised_by(stop)
    ended = run(tmp_path, who, destination, stopping(FIRST_ANSWERS, raised, ending))
    assert ended.code == EXIT_CODE[stop]
    filed = ended.filed()
    if who is Who.INTAKE and destination is not Destination.SCREEN:
        assert filed is not None
        assert (filed["complete"], filed["ended_by"]) == (False, stop.value)
        assert filed["answers"] == FIRST_ANSWERS
    else:
        assert filed is None
    if who is Who.SELF and destination is not Destination.SCREEN:
        assert ended.record is None or not ended.record.exists()
    if stop in SILENT:
        assert GOODBYE not in ended.words and "saved" not in ended.words
    said_goodbye = GOODBYE in ended.words
    assert said_goodbye is (stop in SAYS_GOODBYE and filed is None), ended.words
    if said_goodbye:  # with someone to talk to
        assert "Samaritans" in ended.words


@pytest.mark.parametrize("stop", list(Stop), ids=lambda stop: stop.value)
def test_a_stop_before_any_answer_files_nothing(tmp_path: Path, stop: Stop) -> None:
    raised, ending = raised_by(stop)
    ended = run(tmp_path, Who.INTAKE, Destination.FILE, stopping({}, raised, ending))
    assert ended.code == EXIT_CODE[stop]
    assert ended.record is not None and not ended.record.exists()
    assert (GOODBYE in ended.words) is (stop in SAYS_GOODBYE)
    assert "999" not in ended.words  # no advice raised: the crisis contacts are not repeated


@pytest.mark.parametrize(
    ("destination", "where"),
    [(Destination.FILE, "was saved to"), (Destination.STDOUT, "went to standard output")],
)
def test_an_intake_filed_early_says_where(
    tmp_path: Path, destination: Destination, where: str
) -> None:
    ended = run(tmp_path, Who.INTAKE, destination, stopping(FIRST_ANSWERS, EOFError()))
    assert f"The record, marked incomplete, {where}" in ended.words
    if destination is Destination.FILE:
        assert str(ended.record) in ended.words


@pytest.mark.parametrize("stop", [Stop.INTERRUPTED, Stop.CRISIS_STOP, Stop.TERMINATED])
def test_urgent_advice_raised_so_far_is_shown_before_the_goodbye(
    tmp_path: Path, stop: Stop
) -> None:
    raised, ending = raised_by(stop)
    ended = run(tmp_path, Who.SELF, Destination.SCREEN, stopping(URGENT_ANSWERS, raised, ending))
    assert URGENT_ADVICE in ended.words
    if stop in SAYS_GOODBYE:
        assert ended.words.index(URGENT_ADVICE) < ended.words.index(GOODBYE)


def test_a_crisis_stop_after_advice_shows_the_crisis_contacts_again(tmp_path: Path) -> None:
    quiet = run(
        tmp_path,
        Who.SELF,
        Destination.SCREEN,
        stopping(FIRST_ANSWERS, *raised_by(Stop.CRISIS_STOP)),
    )
    advised = run(
        tmp_path,
        Who.SELF,
        Destination.SCREEN,
        stopping(URGENT_ANSWERS, *raised_by(Stop.CRISIS_STOP)),
    )
    assert "9 9 9" not in quiet.words  # plain mode: the number digit by digit
    assert advised.words.index(URGENT_ADVICE) < advised.words.rindex("9 9 9")
    assert "Samaritans" in advised.words


@pytest.mark.parametrize("stop", [Stop.QUICK_EXIT, Stop.HANG_UP])
def test_after_a_quick_exit_or_a_hang_up_nothing_is_shown(tmp_path: Path, stop: Stop) -> None:
    raised, ending = raised_by(stop)
    ended = run(tmp_path, Who.SELF, Destination.SCREEN, stopping(URGENT_ANSWERS, raised, ending))
    assert URGENT_ADVICE not in ended.words and GOODBYE not in ended.words


@pytest.mark.parametrize("keep_screen", [False, True])
def test_a_quick_exit_clears_the_screen_unless_asked_to_keep_it(
    tmp_path: Path, keep_screen: bool
) -> None:
    ended = run(
        tmp_path,
        Who.SELF,
        Destination.SCREEN,
        stopping(FIRST_ANSWERS, QuickExit()),
        keep_screen=keep_screen,
    )
    assert (CLEAR_SCREEN_AND_SCROLLBACK in ended.screen) is not keep_screen


@pytest.mark.parametrize("destination", WHERE, ids=lambda where: where.value)
@pytest.mark.parametrize("stop", list(Stop), ids=lambda stop: stop.value)
def test_a_hang_up_silences_the_terminal_but_never_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: Stop, destination: Destination
) -> None:
    """After SIGHUP what is still buffered for the terminal goes nowhere (it would fail); a
    record on standard output is no terminal's, and is kept."""
    from screener.files import streams

    silenced: list[TextIO] = []
    monkeypatch.setattr(streams, "silence", silenced.append)
    raised, ending = raised_by(stop)
    ended = run(tmp_path, Who.INTAKE, destination, stopping(FIRST_ANSWERS, raised, ending))
    if stop is not Stop.HANG_UP:
        assert silenced == []
    elif destination is Destination.STDOUT:
        assert silenced == [ended.terminal.stderr]
        assert ended.filed() is not None
    else:
        assert silenced == [ended.terminal.stdout, ended.terminal.stderr]


def test_quitting_leaves_with_the_goodbye_and_any_advice(tmp_path: Path) -> None:
    ended = run(tmp_path, Who.SELF, Destination.FILE, stopping(URGENT_ANSWERS, None, Ending.QUIT))
    assert ended.code == 130
    assert ended.record is not None and not ended.record.exists()
    assert "You stopped the check. Nothing was saved." in ended.words
    assert ended.words.index(URGENT_ADVICE) < ended.words.index("You stopped the check")


@pytest.mark.parametrize("raised", [InterviewDiscarded(), None], ids=["discarded", "q"])
def test_a_discarded_interview_keeps_nothing_even_with_a_destination(
    tmp_path: Path, raised: BaseException | None
) -> None:
    ended = run(
        tmp_path, Who.INTAKE, Destination.FILE, stopping(URGENT_ANSWERS, raised, Ending.QUIT)
    )
    assert ended.code == 130
    assert ended.record is not None and not ended.record.exists()
    assert "The interview was discarded. Nothing was saved." in ended.words
    assert ended.words.index(URGENT_ADVICE) < ended.words.index("The interview was discarded")


def test_an_intake_stopped_at_the_crisis_screen_without_a_destination_is_offered_a_save(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kept.json"
    ended = run(
        tmp_path,
        Who.INTAKE,
        Destination.SCREEN,
        stopping(FIRST_ANSWERS, *raised_by(Stop.CRISIS_STOP)),
        keyboard=f"{path}\n",
    )
    assert ended.code == 130
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert (kept["complete"], kept["ended_by"]) == (False, "crisis_stop")
    assert GOODBYE not in ended.words


# --- a whole session ---------------------------------------------------------------------


@pytest.mark.parametrize("destination", WHERE, ids=lambda where: where.value)
@pytest.mark.parametrize("who", list(Who), ids=lambda who: who.value)
def test_a_completed_session_is_saved_then_shown(
    tmp_path: Path, who: Who, destination: Destination
) -> None:
    ended = run(tmp_path, who, destination, stopping(ALL_NO, None), keyboard="\n")
    assert ended.code == 0
    filed = ended.filed()
    if destination is Destination.SCREEN:
        assert filed is None
    else:
        assert filed is not None and filed["complete"] is True
    said = {
        (Who.SELF, Destination.SCREEN): "Your answers were not saved or sent anywhere.",
        (Who.SELF, Destination.FILE): f"Your answers were saved to {ended.record}.",
        (Who.INTAKE, Destination.SCREEN): "The record has not been saved yet.",
        (Who.INTAKE, Destination.FILE): f"were saved to {ended.record}.",  # the record's mode
    }.get((who, destination), "The record went to standard output, as asked;")
    assert "What your answers show" in ended.words and said in ended.words


def test_a_failed_save_says_why_after_the_summary_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "record.json").mkdir()  # the record's name is taken by a folder
    ended = run(tmp_path, Who.SELF, Destination.FILE, stopping(ALL_NO, None))
    assert ended.code == 1
    assert f"Your answers could not be saved: {ended.record} is a folder." in ended.words


def test_without_plain_mode_a_terminal_gets_the_styled_layout(tmp_path: Path) -> None:
    answers: dict[str, Answer] = {**ALL_NO, "blood_in_urine": "yes"}
    ended = run(tmp_path, Who.SELF, Destination.SCREEN, stopping(answers, None), plain=False)
    assert "\x1b[" in ended.screen and BOXES.search(ended.screen)


@pytest.mark.parametrize("projector", [False, True])
def test_the_readable_line_length_reaches_the_screen(tmp_path: Path, projector: bool) -> None:
    """Lines of at most 100 columns, on a terminal of 140, whatever the ending; --projector
    or not (it was the projector's alone)."""
    ended = run(
        tmp_path,
        Who.SELF,
        Destination.SCREEN,
        stopping(URGENT_ANSWERS, KeyboardInterrupt()),
        plain=False,
        projector=projector,
        columns=140,
    )
    assert GOODBYE in ended.words
    widest = max(len(ANSI.sub("", line)) for line in ended.screen.splitlines())
    assert widest <= 100, widest


def test_a_crisis_stop_repeats_the_service_s_own_crisis_line(tmp_path: Path) -> None:
    ended = run(
        tmp_path,
        Who.SELF,
        Destination.SCREEN,
        stopping(URGENT_ANSWERS, *raised_by(Stop.CRISIS_STOP)),
        resources=DATA / "service.yaml",
    )
    assert "from your service" in ended.words.split(URGENT_ADVICE, 1)[1]


def raising(error: BaseException) -> outcome.AfterShown:
    def after(console: Screen, result: object, plain: bool) -> None:
        raise error

    return after


@pytest.mark.parametrize("keep_screen", [False, True])
def test_a_quick_exit_after_the_summary_clears_it_and_keeps_the_record(
    tmp_path: Path, keep_screen: bool
) -> None:
    ended = run(
        tmp_path,
        Who.SELF,
        Destination.FILE,
        stopping(ALL_NO, None),
        keep_screen=keep_screen,
        after_shown=raising(QuickExit()),
    )
    assert ended.code == 0 and ended.filed() is not None
    assert (CLEAR_SCREEN_AND_SCROLLBACK in ended.screen) is not keep_screen


@pytest.mark.parametrize("error", [KeyboardInterrupt(), EOFError()], ids=["ctrl_c", "ctrl_d"])
def test_leaving_after_the_summary_is_a_completed_session(
    tmp_path: Path, error: BaseException
) -> None:
    ended = run(
        tmp_path, Who.SELF, Destination.FILE, stopping(ALL_NO, None), after_shown=raising(error)
    )
    assert ended.code == 0 and ended.filed() is not None
    assert GOODBYE not in ended.words


@pytest.mark.parametrize("stop", [Stop.HANG_UP, Stop.TERMINATED])
def test_a_signal_after_the_summary_exits_as_the_table_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: Stop
) -> None:
    from screener.files import streams

    silenced: list[TextIO] = []
    monkeypatch.setattr(streams, "silence", silenced.append)
    ended = run(
        tmp_path,
        Who.SELF,
        Destination.FILE,
        stopping(ALL_NO, None),
        after_shown=raising(SessionEnded(stop)),
    )
    assert ended.code == EXIT_CODE[stop] and ended.filed() is not None
    gone = [ended.terminal.stdout, ended.terminal.stderr] if stop is Stop.HANG_UP else []
    assert silenced == gone


def test_the_region_is_asked_only_where_the_caller_says(tmp_path: Path) -> None:
    """The intake passes no ask_region: an unknown region is not asked about there."""
    ended = run(tmp_path, Who.INTAKE, Destination.FILE, stopping(ALL_NO, None), region_known=False)
    assert ended.code == 0 and ended.filed() is not None


@pytest.mark.parametrize("stop", [Stop.INTERRUPTED, Stop.QUICK_EXIT])
def test_an_incomplete_record_that_cannot_be_filed_says_why_where_it_may(
    tmp_path: Path, stop: Stop
) -> None:
    """After Ctrl-C, on the screen (nobody is at a keyboard to name another file); after a
    quick exit the screen stays clear, so only on standard error."""
    (tmp_path / "record.json").mkdir()
    raised, ending = raised_by(stop)
    ended = run(tmp_path, Who.INTAKE, Destination.FILE, stopping(FIRST_ANSWERS, raised, ending))
    assert ended.code == 130
    why = f"{tmp_path / 'record.json'}: is a folder"  # the CLI's line, for stderr
    said = f"{tmp_path / 'record.json'} is a folder."  # the screen's, in its language
    stdout, stderr = ended.stdout, ended.terminal.stderr.getvalue()  # type: ignore[attr-defined]
    if stop is Stop.QUICK_EXIT:
        assert why in stderr and why not in stdout
    else:
        assert f"The record could not be saved: {said}" in " ".join(stdout.split())


@pytest.mark.parametrize("force", [False, True])
def test_an_existing_record_is_replaced_only_with_force(tmp_path: Path, force: bool) -> None:
    (tmp_path / "record.json").write_text("earlier", encoding="utf-8")
    ended = run(tmp_path, Who.SELF, Destination.FILE, stopping(ALL_NO, None), force=force)
    assert ended.code == (0 if force else 1)
    assert ended.record is not None
    assert (ended.record.read_text(encoding="utf-8") != "earlier") is force


def test_a_record_redirected_into_a_file_is_made_owner_only_and_named(tmp_path: Path) -> None:
    """`screener -f json > r.json`: the shell made r.json 0644; the summary names it."""
    path = tmp_path / "r.json"
    path.write_text("", encoding="utf-8")
    path.chmod(0o644)
    environ = {"LANG": "en_GB.UTF-8", "TERM": "xterm-256color", "COLUMNS": "100"}
    with path.open("w", encoding="utf-8") as stdout:
        terminal = Terminal(Stream(False), stdout, Stream(True), environ=environ)
        options = Options(region="uk", format=Format.json, plain=True)
        session = Session(Who.SELF, terminal, options)
        code = outcome.ask_save_show(session, prepare(options, terminal), stopping(ALL_NO, None))
    assert code == 0
    assert json.loads(path.read_text(encoding="utf-8"))["complete"] is True
    assert path.stat().st_mode & 0o777 == 0o600
    said = " ".join(terminal.stderr.getvalue().split())  # type: ignore[attr-defined]
    assert f"Your answers were saved to {path}." in said


# --- a replay -------------------------------------------------------------------------------


def replay(
    tmp_path: Path,
    destination: Destination,
    *,
    force: bool = False,
    after_shown: outcome.AfterShown | None = None,
    keep_screen: bool = False,
) -> Ended:
    """A replay of an answers file: outcome.write_or_show_replay(), as `screener run --answers`
    calls it."""
    record = tmp_path / "record.json" if destination is Destination.FILE else None
    chosen = Format.text if destination is Destination.SCREEN else Format.json
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD, encoding="utf-8")
    options = Options(
        region="uk",
        format=chosen,
        output=record,
        plain=True,
        answers=answers,
        force=force,
        keep_screen=keep_screen,
    )
    environ = {"LANG": "en_GB.UTF-8", "TERM": "xterm-256color", "COLUMNS": "100"}
    terminal = Terminal(Stream(False), Stream(True), Stream(True), environ=environ)
    session = Session(Who.SELF, terminal, options)
    setup = prepare(options, terminal)
    result = screener.commands.replay.replay(setup, answers, session=session)
    code = outcome.write_or_show_replay(session, setup, result, after_shown=after_shown)
    ended = Ended(code, terminal, record)
    drawn = ended.screen.replace(CLEAR_SCREEN_AND_SCROLLBACK, "")
    assert "\x1b" not in drawn and not BOXES.search(drawn), drawn
    return ended


def test_a_replay_to_a_file_says_where_on_standard_error(tmp_path: Path) -> None:
    ended = replay(tmp_path, Destination.FILE)
    assert ended.code == 0 and ended.filed() is not None
    stderr = ended.terminal.stderr.getvalue()  # type: ignore[attr-defined]
    assert stderr == f"Saved to {ended.record}\n"


@pytest.mark.parametrize("force", [False, True])
def test_a_replay_replaces_a_file_only_with_force(tmp_path: Path, force: bool) -> None:
    (tmp_path / "record.json").write_text("earlier", encoding="utf-8")
    if force:
        assert replay(tmp_path, Destination.FILE, force=True).filed() is not None
    else:
        with pytest.raises(ScreenerError, match="already exists"):
            replay(tmp_path, Destination.FILE)


def test_a_replay_on_screen_shows_the_summary_and_no_what_if_unless_training(
    tmp_path: Path,
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD, encoding="utf-8")
    options = Options(region="uk", plain=True, answers=answers)
    environ = {"LANG": "en_GB.UTF-8", "TERM": "xterm-256color", "COLUMNS": "100"}
    terminal = Terminal(Stream(False), Stream(True), Stream(True), environ=environ)
    session = Session(Who.SELF, terminal, options)
    code = outcome.self_check(prepare(options, terminal), session, trainer=False)
    ended = Ended(code, terminal, None)
    assert ended.code == 0
    assert "What your answers show" in ended.words
    assert "what if" not in ended.words.lower()


@pytest.mark.parametrize("keep_screen", [False, True])
def test_a_quick_exit_in_a_replay_s_summary_clears_it(tmp_path: Path, keep_screen: bool) -> None:
    ended = replay(
        tmp_path, Destination.SCREEN, after_shown=raising(QuickExit()), keep_screen=keep_screen
    )
    assert ended.code == 0
    assert (CLEAR_SCREEN_AND_SCROLLBACK in ended.screen) is not keep_screen


@pytest.mark.parametrize("error", [KeyboardInterrupt(), EOFError()], ids=["ctrl_c", "ctrl_d"])
def test_leaving_a_replay_s_summary_ends_early(tmp_path: Path, error: BaseException) -> None:
    assert replay(tmp_path, Destination.SCREEN, after_shown=raising(error)).code == 130


def test_what_follows_the_summary_draws_as_it_does(tmp_path: Path) -> None:
    """The what-if and the save offer after a summary are plain where the summary was."""
    seen: list[bool] = []

    def after(console: Screen, result: object, plain: bool) -> None:
        seen.append(plain)

    run(tmp_path, Who.SELF, Destination.SCREEN, stopping(ALL_NO, None), after_shown=after)
    replay(tmp_path, Destination.SCREEN, after_shown=after)
    assert seen == [True, True]


def test_a_replay_redirected_into_a_file_makes_it_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text("", encoding="utf-8")
    path.chmod(0o644)
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD, encoding="utf-8")
    environ = {"LANG": "en_GB.UTF-8", "TERM": "xterm-256color", "COLUMNS": "100"}
    options = Options(region="uk", format=Format.json, answers=answers)
    with path.open("w", encoding="utf-8") as stdout:
        terminal = Terminal(Stream(False), stdout, Stream(True), environ=environ)
        session = Session(Who.SELF, terminal, options)
        setup = prepare(options, terminal)
        assert outcome.self_check(setup, session, trainer=False) == 0
    assert json.loads(path.read_text(encoding="utf-8"))["complete"] is True
    assert path.stat().st_mode & 0o777 == 0o600


def test_answers_typed_before_the_input_ran_out_still_bring_their_advice(tmp_path: Path) -> None:
    """The self-check's questions fill the same progress an ending reads: the urgent advice
    raised before Ctrl-D is shown before the goodbye."""
    # how often: n (never); bladder no, blood yes
    typed = "\n" + "y\nn\n" + "n\n" + "n\n" * len(CRITERION_IDS) + "n\ny\n"
    options = Options(region="uk", plain=True)
    environ = {"LANG": "en_GB.UTF-8", "TERM": "xterm-256color", "COLUMNS": "100"}
    terminal = Terminal(Stream(False, typed), Stream(True), Stream(True), environ=environ)
    session = Session(Who.SELF, terminal, options)
    code = outcome.self_check(prepare(options, terminal), session, trainer=False)
    ended = Ended(code, terminal, None)
    assert code == 130
    assert ended.words.rindex(URGENT_ADVICE) < ended.words.index(GOODBYE)


def test_a_record_of_another_bank_version_is_replayed_only_with_rescore(tmp_path: Path) -> None:
    made = replay(tmp_path, Destination.FILE).filed()
    assert made is not None
    bank = made["bank"]
    assert isinstance(bank, dict)
    today, bank["version"] = bank["version"], "0.9.0"
    old = tmp_path / "old.json"
    old.write_text(json.dumps(made), encoding="utf-8")
    environ = {"LANG": "en_GB.UTF-8", "TERM": "xterm-256color", "COLUMNS": "100"}

    def self_check(rescore: bool) -> Ended:
        options = Options(region="uk", format=Format.json, answers=old, rescore=rescore)
        terminal = Terminal(Stream(False), Stream(False), Stream(True), environ=environ)
        session = Session(Who.SELF, terminal, options)
        code = outcome.self_check(prepare(options, terminal), session, trainer=False)
        return Ended(code, terminal, None)

    with pytest.raises(ScreenerError, match=r"made with bank ketamine 0\.9\.0"):
        self_check(rescore=False)
    rescored = self_check(rescore=True)
    filed = rescored.filed()
    assert rescored.code == 0 and filed is not None
    assert filed["bank"]["version"] == today  # type: ignore[index]


def test_a_replays_warnings_reach_standard_error(tmp_path: Path) -> None:
    """A FHIR response whose own result disagrees with the re-score replays with a warning:
    the session carries it to standard error, beside the record (the last outcome survivor
    that no in-process test reached)."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD, encoding="utf-8")
    response = tmp_path / "response.fhir.json"
    first = Session(Who.SELF, terminal_for(), Options(format=Format.fhir, output=response))
    setup = prepare(first.options, first.terminal)
    result = screener.commands.replay.replay(setup, answers, session=first)
    document = json.loads(render(result, setup, Format.fhir))
    met = next(item for item in document["item"] if item["linkId"] == "result.criteria_met")
    met["answer"][0]["valueInteger"] += 1  # the response claims one criterion more
    response.write_text(json.dumps(document), encoding="utf-8")
    errors = io.StringIO()
    replaying = Session(
        Who.SELF,
        Terminal(io.StringIO(), io.StringIO(), errors, environ={"LANG": "en_GB.UTF-8"}),
        Options(answers=response, format=Format.json),
    )
    assert outcome.self_check(setup, replaying, trainer=False) == 0
    assert "result.criteria_met says" in errors.getvalue()
    assert "the re-score is used" in errors.getvalue()


def terminal_for() -> Terminal:
    return Terminal(io.StringIO(), io.StringIO(), io.StringIO(), environ={"LANG": "en_GB.UTF-8"})


@pytest.mark.parametrize("asked", [False, True], ids=["replayed", "asked"])
def test_a_redirected_record_that_cannot_be_made_private_is_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: bool
) -> None:
    """`--format json > record.json` where the file cannot be made owner-only (a file system
    without modes, a file another user owns): the warning goes to standard error, never into
    the record."""
    from screener.files import streams

    monkeypatch.setattr(streams, "_owner_only", lambda descriptor: False)
    errors = io.StringIO()
    with (tmp_path / "record.json").open("w", encoding="utf-8") as record:
        terminal = Terminal(
            io.StringIO(), record, errors, environ={"LANG": "en_GB.UTF-8", "COLUMNS": "100"}
        )
        answers = tmp_path / "answers.yaml"
        answers.write_text(GOOD, encoding="utf-8")
        options = Options(region="uk", format=Format.json, answers=None if asked else answers)
        session = Session(Who.SELF, terminal, options)
        setup = prepare(options, terminal)
        if asked:
            ask = stopping({"used_past_year": "no"}, None)
            code = outcome.ask_save_show(session, setup, ask)
        else:
            code = outcome.write_or_show_replay(
                session, setup, screener.commands.replay.replay(setup, answers, session=session)
            )
    assert code == 0
    assert "may be readable by others" in errors.getvalue()
    assert json.loads((tmp_path / "record.json").read_text(encoding="utf-8"))["bank"]


@pytest.mark.parametrize("typed", ["elsewhere.json", ""], ids=["saved elsewhere", "skipped"])
def test_after_a_failed_save_another_file_is_offered_at_a_keyboard(
    tmp_path: Path, typed: str
) -> None:
    """Someone at the keyboard is asked for another file after the save failed: 0 once saved
    there, 1 when they skip it."""
    (tmp_path / "record.json").mkdir()  # the record's name is taken by a folder
    elsewhere = tmp_path / "elsewhere.json"
    keyboard = Stream(True, f"{tmp_path / typed if typed else ''}\n")
    output = Stream(True)
    terminal = Terminal(
        keyboard,
        output,
        Stream(True),
        environ={"LANG": "en_GB.UTF-8", "COLUMNS": "100"},
        has_termios=False,  # lines, not keys: a StringIO has no terminal to set
    )
    options = Options(region="uk", format=Format.json, output=tmp_path / "record.json", plain=True)
    session = Session(Who.SELF, terminal, options)
    setup = prepare(options, terminal)
    code = outcome.ask_save_show(session, setup, stopping(ALL_NO, None))
    said = " ".join(output.getvalue().split())
    if typed:
        assert code == 0 and json.loads(elsewhere.read_text(encoding="utf-8"))["bank"]
        assert f"Your answers were saved to {elsewhere}." in said
    else:
        assert code == 1 and not elsewhere.exists()
        assert "Nothing was saved. The summary above is all there is." in said
    assert keyboard.read() == ""  # every line typed was read
