"""How `run` and `intake` end, written once: ask or replay, write the record, then show it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from screener.commands import screening
from screener.errors import ScreenerError
from screener.files.streams import private_file_behind
from screener.files.writing import write_private, write_record
from screener.render import Format
from screener.safetext import one_line

if TYPE_CHECKING:  # the UI loads only when a screening is asked, not for a replay
    from screener.commands.screening import Options, Setup
    from screener.models.result import Result
    from screener.rules.walk import Walk
    from screener.terminal.console import Screen

EXIT_NOT_SAVED = 1
EXIT_INTERRUPTED = 130

ResultOf = Callable[["Walk"], "Result"]
"""The result of a walk, whole or stopped early, with whatever else the asking gathered."""

Asking = Callable[["Setup", "Screen", bool], "tuple[Walk, ResultOf]"]
"""Asks the questions on a screen (plain or not): the walk, and how to make its result."""

AfterShown = Callable[["Screen", "Result", bool], None]
"""What may follow a result shown on screen (the trainer's what-if, the intake's offer to
save when there was no --output)."""


def self_check(setup: Setup, options: Options, environ: Mapping[str, str], *, trainer: bool) -> int:
    """`screener run`: replay (then, with --trainer, the what-if) or ask."""
    if options.answers is not None:

        def what_if(console: Screen, result: Result, plain: bool) -> None:
            # Loaded only here: the trainer's screens cost start-up a JSON replay never uses.
            from screener.commands import trainer as trainer_tools

            try:
                trainer_tools.what_if_after_replay(console, setup, result, plain=plain)
            except KeyboardInterrupt:
                console.print()
                raise SystemExit(EXIT_INTERRUPTED) from None

        result = screening.replay(
            setup, options.answers, any_record=trainer, rescore=options.rescore
        )
        after = what_if if trainer else None
        return replayed(setup, options, result, environ, after_shown=after)

    def asking(setup: Setup, console: Screen, plain: bool) -> tuple[Walk, ResultOf]:
        walked = screening.ask(setup, console, plain=plain)
        return walked, lambda walked: screening.result_of(setup, walked.answers)

    return asked(setup, options, environ, asking, ask_region=options.region is None)


def replayed(
    setup: Setup,
    options: Options,
    result: Result,
    environ: Mapping[str, str],
    after_shown: AfterShown | None = None,
) -> int:
    """A replay: to --output (its input is a file, so a failed save loses nothing: the
    error stands), else the summary on screen, else the record on standard output."""
    if options.output is not None:
        write_private(
            options.output, screening.render(result, setup, options.format), force=options.force
        )
        sys.stderr.write(one_line(f"Saved to {options.output}") + "\n")
    elif options.format is Format.text:
        from screener.terminal import console as console_policy

        plain = console_policy.wants_plain(options.plain, environ, sys.stdout)
        console = console_policy.make_console(sys.stdout, plain=plain, projector=options.projector)
        screening.show_summary(console, setup, result, plain=plain, saved_to=None)
        if after_shown is not None:
            after_shown(console, result, plain)
    else:
        private_file_behind(sys.stdout)
        write_record(sys.stdout, screening.render(result, setup, options.format))
    return 0


def asked(
    setup: Setup,
    options: Options,
    environ: Mapping[str, str],
    ask: Asking,
    *,
    ask_region: bool = False,
    after_shown: AfterShown | None = None,
    save_offered: bool = False,
) -> int:
    """Ask, then save, then show: 0 once a result was shown and any --output written, 1 if
    it could not be written anywhere, 130 if it ended before a result."""
    from screener.rules.walk import Ending
    from screener.terminal import console as console_policy
    from screener.terminal.keyboard import QuickExit

    # The record goes to stdout in its format; the conversation then uses stderr.
    text_only = options.format is Format.text or options.output is not None
    conversation = sys.stdout if text_only else sys.stderr
    plain = console_policy.wants_plain(options.plain, environ, conversation)
    console = console_policy.make_console(conversation, plain=plain, projector=options.projector)
    try:
        if ask_region:  # once, where nothing said where the person is
            setup = screening.settle_region(setup, options, console, environ, plain=plain)
        walked, result_of = ask(setup, console, plain)
    except QuickExit:
        if not options.keep_screen:
            console_policy.clear_screen(console, environ)
        return EXIT_INTERRUPTED
    except (KeyboardInterrupt, EOFError):
        console.print()
        console.print(
            console_policy.goodbye(setup.strings.interrupted, setup.strings, setup.region)
        )
        return EXIT_INTERRUPTED
    if walked.ending is Ending.QUIT:
        console.print()
        console.print(
            console_policy.goodbye(setup.strings.quit_message, setup.strings, setup.region)
        )
        return EXIT_INTERRUPTED
    result = result_of(walked)
    if walked.ending is Ending.STOPPED_AFTER_CRISIS:
        if result.mode == "intake" and options.output is not None:
            # What a counsellor must file: the answers so far and the crisis flag.
            stopped = msgspec.structs.replace(result, complete=False)
            _save_stopped(console, setup, options, stopped, plain=plain)
        return EXIT_INTERRUPTED
    code = saved_then_shown(console, setup, options, result, plain=plain, save_offered=save_offered)
    if after_shown is not None:
        after_shown(console, result, plain)
    return code


def saved_then_shown(
    console: Screen,
    setup: Setup,
    options: Options,
    result: Result,
    *,
    plain: bool,
    save_offered: bool = False,
) -> int:
    """Write --output, then show the summary whatever happened; a failed save is said after
    it, and another file offered where someone is at the keyboard. 1 if nothing was saved.
    `save_offered`: a save is offered after the summary, which then says 'not saved yet'."""
    saved_to: str | None = None
    problem: str | None = None
    text = screening.render(result, setup, options.format)
    if options.output is not None:
        try:
            write_private(options.output, text, force=options.force)
            saved_to = one_line(str(options.output))
        except ScreenerError as error:
            problem = one_line(str(error))
    elif options.format is not Format.text:  # the record goes to standard output
        file = private_file_behind(sys.stdout)
        saved_to = one_line(file) if file else None
    # The summary ends by saying why the save failed, in place of "not saved".
    not_saved = _failed(setup, result, problem) if problem else None
    if save_offered and options.output is None and saved_to is None:
        not_saved = setup.strings.intake.record_save_follows  # not "start with --output"
    screening.show_summary(
        console, setup, result, plain=plain, saved_to=saved_to, not_saved=not_saved
    )
    if options.output is None and options.format is not Format.text:
        write_record(sys.stdout, text)
    if problem is None:
        return 0
    return _save_elsewhere(console, setup, result, text, plain=plain)


def _failed(setup: Setup, result: Result, problem: str) -> str:
    intake = setup.strings.intake
    failed = intake.record_save_failed if result.mode == "intake" else setup.strings.save_failed
    return failed.format(reason=problem)


def _save_stopped(
    console: Screen, setup: Setup, options: Options, result: Result, *, plain: bool
) -> None:
    assert options.output is not None
    text = screening.render(result, setup, options.format)
    intake = setup.strings.intake
    try:
        write_private(options.output, text, force=options.force)
    except ScreenerError as error:
        _say(console, _failed(setup, result, one_line(str(error))))
        _save_elsewhere(console, setup, result, text, plain=plain)
        return
    _say(console, intake.record_incomplete_saved_to.format(path=one_line(str(options.output))))


def _save_elsewhere(
    console: Screen, setup: Setup, result: Result, text: str, *, plain: bool
) -> int:
    """After a failed save, at a keyboard: ask for another file until one is written or
    Enter skips. 0 if it was saved after all, else 1."""
    if not _at_a_keyboard():
        _say(console, setup.strings.save_skipped)
        return EXIT_NOT_SAVED
    from screener.terminal.saving import offer_save

    def save(path: Path) -> str | None:
        try:
            write_private(path, text, force=False)
        except ScreenerError as error:
            return _failed(setup, result, one_line(str(error)))
        return None

    strings = setup.strings
    saved = offer_save(
        console,
        save,
        prompt=strings.save_elsewhere_prompt,
        skipped=strings.save_skipped,
        plain=plain,
    )
    if saved is None:
        return EXIT_NOT_SAVED
    said = strings.intake.record_saved_to if result.mode == "intake" else strings.saved_to
    _say(console, said.format(path=one_line(str(saved))))
    return 0


def _at_a_keyboard() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _say(console: Screen, text: str) -> None:
    from screener.safetext import printable

    console.print()
    console.print(printable(text))  # plain text: the console reads no markup
