"""How `run` and `intake` end, written once: ask or replay, write the record, then show it.

Every way out of an asked session is one of docs/endings.md's rows; `ask_save_show()` is
where each is caught and `_stopped()` acts on the table in rules/endings.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import msgspec

from screener.commands import questions, records
from screener.commands.region import settle_region
from screener.commands.rendering import render
from screener.commands.replay import replay
from screener.commands.scored import result_of
from screener.commands.session import Destination, Session, Who
from screener.commands.summary_screen import show_summary
from screener.errors import ScreenerError
from screener.files.streams import private_file_behind
from screener.files.writing import write_private, write_record
from screener.rules.contacts import for_listening
from screener.rules.endings import RULES, ExitCode, InterviewDiscarded, SessionEnded, Stop
from screener.safetext import one_line

if TYPE_CHECKING:  # the UI loads only when a screening is asked, not for a replay
    from screener.commands.setup import Setup
    from screener.models.result import Result
    from screener.rules.walk import State, Walk
    from screener.terminal.console import Screen


ResultOf = Callable[["Walk"], "Result"]
"""The result of a walk, whole or stopped early, with whatever else the asking gathered."""


class Progress(msgspec.Struct):
    """What the asking has gathered so far, held here so that an ending that interrupts the
    asking (Ctrl-C, a signal, a quick exit) can still file it."""

    state: State
    result_of: ResultOf


Asking = Callable[["Setup", "Screen", bool, Progress], "Walk"]
"""Asks the questions on a screen (plain or not) into `Progress.state`; may set
`Progress.result_of` to gather more than the answers (the intake's client and notes)."""

AfterShown = Callable[["Screen", "Result", bool], None]
"""What may follow a result shown on screen (the trainer's what-if, the intake's offer to
save when the record has nowhere to go)."""


def self_check(setup: Setup, session: Session, *, trainer: bool) -> int:
    """`screener run`: replay (then, with --trainer, the what-if) or ask."""
    options = session.options
    if options.answers is not None:

        def what_if(console: Screen, result: Result, plain: bool) -> None:
            # Loaded only here: the trainer's screens cost start-up a JSON replay never uses.
            from screener.commands import trainer as trainer_tools

            trainer_tools.what_if_after_replay(console, setup, result, plain=plain)

        result = replay(
            setup, options.answers, any_record=trainer, rescore=options.rescore, session=session
        )
        after = what_if if trainer else None
        return write_or_show_replay(session, setup, result, after_shown=after)

    asked_with = [setup]  # the region may be settled before the questions: what-if uses it

    def asking(setup: Setup, console: Screen, plain: bool, progress: Progress) -> Walk:
        asked_with[0] = setup
        return questions.ask(setup, console, plain=plain, state=progress.state)

    def keep_copy(console: Screen, result: Result, plain: bool) -> None:
        records.offer_copy(console, asked_with[0], result, plain=plain)

    # The copy is offered first, then (run --trainer) the what-if from the answers just given.
    copy = keep_copy if session.offers_copy_at_end else None
    live = _live_what_if(lambda: asked_with[0]) if trainer else None
    shown_after = _one_after_another(copy, live)
    return ask_save_show(
        session, setup, asking, ask_region=options.region is None, after_shown=shown_after
    )


def _one_after_another(*steps: AfterShown | None) -> AfterShown | None:
    """Each step shown after the summary, in order; None when there is none."""
    taken = [step for step in steps if step is not None]
    if not taken:
        return None

    def in_order(console: Screen, result: Result, plain: bool) -> None:
        for step in taken:
            step(console, result, plain)

    return in_order


def _live_what_if(setup_asked: Callable[[], Setup]) -> AfterShown:
    """`run --trainer` without --answers: the what-if from the answers just given (never after
    an early ending, which returns before anything is shown)."""

    def what_if(console: Screen, result: Result, plain: bool) -> None:
        # start-up: the trainer tools (Rich at module level) load only for --trainer
        from screener.commands import trainer as trainer_tools

        trainer_tools.what_if_after_check(console, setup_asked(), result, plain=plain)

    return what_if


def write_or_show_replay(
    session: Session, setup: Setup, result: Result, after_shown: AfterShown | None = None
) -> int:
    """A replay: to --output (its input is a file, so a failed save loses nothing: the
    error stands), else the summary on screen, else the record on standard output."""
    options, terminal = session.options, session.terminal
    if session.destination is Destination.FILE:
        assert options.output is not None
        write_private(options.output, render(result, setup, options.format), force=options.force)
        terminal.stderr.write(one_line(f"Saved to {options.output}") + "\n")
        return ExitCode.DONE
    if session.destination is Destination.STDOUT:
        private_file_behind(terminal.stdout, terminal.stderr)
        write_record(terminal.stdout, render(result, setup, options.format))
        return ExitCode.DONE
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.keyboard import QuickExit

    console, plain = _console(session)
    try:
        show_summary(console, setup, result, plain=plain, saved_to=None)
        if after_shown is not None:
            after_shown(console, result, plain)
    except QuickExit:
        _clear(session, console)
    except (KeyboardInterrupt, EOFError):
        console.print()
        return ExitCode.ENDED_EARLY
    return ExitCode.DONE


def ask_save_show(
    session: Session,
    setup: Setup,
    ask: Asking,
    *,
    ask_region: bool = False,
    after_shown: AfterShown | None = None,
) -> int:
    """Ask, then save, then show; every ending as docs/endings.md declares it."""
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.keyboard import QuickExit
    from screener.terminal.signals import signals_end_session

    console, plain = _console(session)
    from screener.rules.walk import Ending, State  # the walk loads only when questions are asked

    progress = Progress(State(), lambda walked: result_of(setup, walked.answers))
    stop: Stop | None = None
    with signals_end_session():
        try:
            if ask_region:  # once, where nothing said where the person is
                setup = settle_region(setup, session, console, plain=plain)
            walked = ask(setup, console, plain, progress)
        except QuickExit:
            stop = Stop.QUICK_EXIT
        except KeyboardInterrupt:
            stop = Stop.INTERRUPTED
        except EOFError:
            stop = Stop.END_OF_INPUT
        except SessionEnded as ended:
            stop = ended.stop
        except InterviewDiscarded:
            return _left(console, setup, session, progress, plain=plain)
        if stop is None and walked.ending is Ending.QUIT:
            return _left(console, setup, session, progress, plain=plain)
        if stop is None and walked.ending is Ending.STOPPED_AFTER_CRISIS:
            stop = Stop.CRISIS_STOP
        if stop is not None:
            return _stopped(stop, console, setup, session, progress, plain=plain)
        result = progress.result_of(walked)
        try:
            code = saved_then_shown(console, setup, session, result, plain=plain)
            if after_shown is not None:
                after_shown(console, result, plain)
        except QuickExit:  # in the summary view or after it: the record is already written
            _clear(session, console)
            return ExitCode.DONE
        except (KeyboardInterrupt, EOFError):
            console.print()
            return ExitCode.DONE
        except SessionEnded as ended:
            _silence_if_gone(session, ended.stop)
            return RULES[ended.stop].exit_code
    return code


def _console(session: Session) -> tuple[Screen, bool]:
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.console import make_console

    terminal, options = session.terminal, session.options
    conversation = session.conversation
    plain = terminal.wants_plain(options.plain, conversation)
    console = make_console(terminal, conversation, plain=plain, projector=options.projector)
    return console, plain


def _clear(session: Session, console: Screen) -> None:
    if not session.options.keep_screen:
        # start-up: terminal/ is banned at module level (ruff TID253)
        from screener.terminal.console import clear_screen

        clear_screen(console)


def _silence_if_gone(session: Session, stop: Stop) -> None:
    """After a hang-up the terminal is gone: what is still buffered for it would fail."""
    if stop is Stop.HANG_UP:
        # start-up: needed only when the terminal has gone
        from screener.files.streams import silence

        for stream in (session.terminal.stdout, session.terminal.stderr):
            if (
                session.destination is not Destination.STDOUT
                or stream is not session.terminal.stdout
            ):
                silence(stream)


def _left(
    console: Screen, setup: Setup, session: Session, progress: Progress, *, plain: bool
) -> int:
    """q (or a discard the counsellor confirmed): nothing kept, by choice; any urgent advice
    already raised is shown before the goodbye."""
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.console import goodbye

    _raised_advice(console, setup, progress, plain=plain)
    strings = setup.strings
    console.print()
    if session.who is Who.INTAKE:  # said to the counsellor: no "if you want to talk to someone"
        records.say(console, strings.intake.discarded)
        return ExitCode.ENDED_EARLY
    console.print(goodbye(strings.quit_message, strings, for_listening(setup.region, plain)))
    return ExitCode.ENDED_EARLY


def _stopped(
    stop: Stop, console: Screen, setup: Setup, session: Session, progress: Progress, *, plain: bool
) -> int:
    """An ending before the result, by the table: what is cleared, filed and said."""
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.console import goodbye

    rule = RULES[stop]
    _silence_if_gone(session, stop)
    if stop is Stop.QUICK_EXIT:
        _clear(session, console)
    filed: str | None = None  # the sentence that says where the incomplete record went
    if session.files_record_when(stop) and progress.state.answers:
        partial = _incomplete(setup, progress, stop)
        filed = records.file_incomplete(console, setup, session, partial, stop, plain=plain)
    if stop in (Stop.QUICK_EXIT, Stop.HANG_UP):
        return rule.exit_code  # nothing more on the screen: it was cleared, or is gone
    if _raised_advice(console, setup, progress, plain=plain) and stop is Stop.CRISIS_STOP:
        # The advice pushed the crisis screen's contacts up: put them in view again.
        from screener.terminal.crisis_screen import show_crisis_reminder

        heard = for_listening(setup.region, plain)
        service = for_listening(setup.service, plain) if setup.service else None
        show_crisis_reminder(console, heard, setup.strings, service, plain=plain)
    strings = setup.strings
    if filed is not None:
        if filed:  # "" when it was saved to another file, which was said there
            records.say(console, filed)
    elif stop is Stop.CRISIS_STOP and session.offers_save_at_end and progress.state.answers:
        # No destination was given: offer one rather than lose what was asked.
        records.offer_save(console, setup, _incomplete(setup, progress, stop), plain=plain)
    elif rule.shows_goodbye:
        console.print()
        console.print(goodbye(strings.interrupted, strings, for_listening(setup.region, plain)))
    return rule.exit_code


def _incomplete(setup: Setup, progress: Progress, stop: Stop) -> Result:
    """The answers so far as a record marked incomplete, saying how the session ended."""
    # start-up: the walk loads only when questions are asked
    from screener.rules.walk import Ending

    walked = progress.state.walked(setup.loaded.bank, Ending.QUIT)
    return msgspec.structs.replace(progress.result_of(walked), complete=False, ended_by=stop.value)


def _raised_advice(console: Screen, setup: Setup, progress: Progress, *, plain: bool) -> bool:
    """Urgent and medical advice the answers so far raised, never dropped unseen (the crisis
    advice was shown the moment it was raised). Whether there was any."""
    if not progress.state.answers:
        return False
    # start-up: the text renderer (Rich) loads only to draw
    from screener.render.text import print_sections
    from screener.reports.summary import advice_section

    partial = result_of(setup, progress.state.answers)
    section = advice_section(partial, setup.strings)
    if section is not None:
        print_sections(console, [section], plain=plain)
    return section is not None


def saved_then_shown(
    console: Screen, setup: Setup, session: Session, result: Result, *, plain: bool
) -> int:
    """Write --output, then show the summary whatever happened; a failed save is said after
    it, and another file offered where someone is at the keyboard. 1 if nothing was saved."""

    options, terminal = session.options, session.terminal
    saved_to: str | None = None
    problem: str | None = None
    text = render(result, setup, options.format)
    if session.destination is Destination.FILE:
        assert options.output is not None
        try:
            write_private(options.output, text, force=options.force)
            saved_to = one_line(str(options.output))
        except ScreenerError as error:
            problem = records.why_not_saved(error, options.output, setup.strings)
    elif session.destination is Destination.STDOUT:
        file = private_file_behind(terminal.stdout, terminal.stderr)
        write_record(terminal.stdout, text)
        saved_to = one_line(file) if file else None
    # The summary ends by saying why the save failed, in place of "not saved".
    not_saved = records.failed(setup, session, problem) if problem else None
    if session.destination is Destination.STDOUT and saved_to is None:
        not_saved = setup.strings.sent_to_stdout  # a pipe: sent on, not "not saved"
    if session.offers_save_at_end:
        not_saved = setup.strings.intake.record_save_follows  # not "start with --output"
    # Asked, a crisis flag was raised at its question: its screen has just been shown.
    heard = any(flag.level == "crisis" for flag in result.flags)
    show_summary(
        console,
        setup,
        result,
        plain=plain,
        saved_to=saved_to,
        not_saved=not_saved,
        crisis_heard=heard,
    )
    if problem is None:
        return ExitCode.DONE
    return (
        ExitCode.DONE
        if records.save_elsewhere(console, setup, session, text, plain=plain)
        else (ExitCode.NOT_SAVED)
    )
