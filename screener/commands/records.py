"""Writing a session's record: to --output or standard output, marked incomplete when it
ended early, and another file offered at the keyboard when a save fails or has nowhere to go."""

from __future__ import annotations

from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from screener.commands.rendering import render
from screener.commands.session import Destination, Session
from screener.errors import ScreenerError, WriteError
from screener.files.streams import private_file_behind
from screener.files.writing import write_private, write_record
from screener.rules.endings import Stop
from screener.safetext import one_line, printable

if TYPE_CHECKING:
    from screener.commands.setup import Setup
    from screener.models.result import Result
    from screener.models.wording import UiStrings
    from screener.terminal.console import Screen
    from screener.terminal.saving import SaveTo


def file_incomplete(
    console: Screen, setup: Setup, session: Session, result: Result, stop: Stop, *, plain: bool
) -> str | None:
    """Write an early-ended intake's record to its destination: the sentence saying where it
    went, or None if it could not be written."""
    options, terminal = session.options, session.terminal
    intake = setup.strings.intake
    text = render(result, setup, options.format)
    if session.destination is Destination.STDOUT:
        file = private_file_behind(terminal.stdout, terminal.stderr)
        write_record(terminal.stdout, text)
        if file is None:
            return intake.record_incomplete_sent
        return intake.record_incomplete_saved_to.format(path=one_line(file))
    assert options.output is not None
    try:
        write_private(options.output, text, force=options.force)
    except ScreenerError as error:
        if stop in (Stop.QUICK_EXIT, Stop.HANG_UP, Stop.TERMINATED):
            terminal.stderr.write(one_line(str(error)) + "\n")
            return None
        reason = why_not_saved(error, options.output, setup.strings)
        say(console, failed(setup, session, reason))
        saved = save_elsewhere(console, setup, session, text, plain=plain)
        return None if saved is None else ""
    return intake.record_incomplete_saved_to.format(path=one_line(str(options.output)))


def why_not_saved(error: ScreenerError, path: Path, strings: UiStrings) -> str:
    """Why a save at a prompt failed, in the prompt's language: a WriteError by its reason
    (the CLI's own line is English, for stderr); any other error as the CLI says it."""
    if not isinstance(error, WriteError):
        return one_line(str(error))
    detail = one_line(error.detail)
    problem = strings.write_problems.of(error.reason)
    return problem.format(path=one_line(str(path)), folder=detail, detail=detail)


def free_name(path: Path) -> Path:
    """The name to suggest: `path`, else the first of name-2.md, name-3.md... that is free,
    so a second copy on one day is never offered a name that is taken (screener never
    replaces a file)."""
    numbered = (path.with_name(f"{path.stem}-{number}{path.suffix}") for number in range(2, 1000))
    return next((name for name in chain((path,), numbered) if not name.exists()), path)


def failed(setup: Setup, session: Session, problem: str) -> str:
    return session.save_failed_words(setup.strings).format(reason=problem)


def save_elsewhere(
    console: Screen, setup: Setup, session: Session, text: str, *, plain: bool
) -> str | None:
    """After a failed save, at a keyboard: ask for another file until one is written or
    Enter skips. The path it was saved to, or None."""
    if not session.at_a_keyboard:
        say(console, setup.strings.save_skipped)
        return None
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.saving import offer_save

    def save(path: Path) -> str | None:
        try:
            write_private(path, text, force=False)
        except ScreenerError as error:
            return failed(setup, session, why_not_saved(error, path, setup.strings))
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
        return None
    say(console, session.saved_to_words(strings).format(path=one_line(str(saved))))
    return one_line(str(saved))


def offer_save(
    console: Screen, setup: Setup, result: Result, *, plain: bool, folder: Path | None = None
) -> None:
    """An intake whose record has nowhere to go: forgetting -o must not mean asking all the
    questions again. The format follows the name's extension; no file is ever replaced. y
    takes a name from the client reference and the date, in `folder` (the counsellor's
    records folder) or the current one."""
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.saving import offer_save as ask_where

    save = _saver(setup, result, setup.strings.intake.record_save_failed)
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.counsellor import asks_to_discard
    from screener.terminal.prompt import echoes_typing

    def discard() -> bool:
        try:
            return asks_to_discard(console, setup.strings, plain=plain)
        except (KeyboardInterrupt, EOFError):
            return True  # asked twice: the counsellor means it; the summary is on screen

    intake = setup.strings.intake
    suggested = free_name((folder or Path()) / suggested_name(result))
    saved = ask_where(
        console,
        save,
        prompt=intake.save_prompt.format(suggested=suggested),
        skipped=intake.save_skipped,
        plain=plain,
        discard=discard if echoes_typing(console) else None,
        suggested=suggested,
        accept=frozenset(word.lower() for word in setup.strings.answer_words.yes),
    )
    if saved is not None:
        say(console, intake.record_saved_to.format(path=one_line(str(saved))))


def offer_copy(console: Screen, setup: Setup, result: Result, *, plain: bool) -> None:
    """The end of a self-check on a terminal: keep a copy, once; Enter skips. The same rules
    as -o (owner-only, whole or not at all, never over a file); the format follows the name."""
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.saving import offer_save as ask_where

    strings = setup.strings
    suggested = free_name(Path(f"screener-{result_day(result)}.md"))
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.crisis_screen import say as paragraph

    console.print()
    paragraph(console, strings.keep_copy_explain, plain=plain)  # wrapped with no trailing space
    saved = ask_where(
        console,
        _saver(setup, result, strings.save_failed),
        prompt=strings.keep_copy_prompt.format(suggested=suggested),
        skipped=strings.keep_copy_skipped,
        plain=plain,
        suggested=suggested,
        accept=frozenset(word.lower() for word in strings.answer_words.yes),
    )
    if saved is not None:
        say(console, strings.saved_to.format(path=one_line(str(saved))))


def suggested_name(result: Result) -> str:
    """K-0142-2026-12-07.md: the client reference (as a file name may hold it) and the day;
    intake-DATE.md without one. The interview's answers never go into a name."""
    client = "".join(
        character if character.isalnum() or character in "-_" else "-"
        for character in (result.client or "")
    ).strip("-.")
    return f"{client or 'intake'}-{result_day(result)}.md"


def result_day(result: Result) -> str:
    """The day of the screening, for a file name: 2026-12-07."""
    # start-up: the clock loads only when a file is named
    from screener.rules.result import now

    return (result.recorded_at or now().isoformat())[:10]


def _saver(setup: Setup, result: Result, frame: str) -> SaveTo:
    """Save the result to a path in the format its extension names (text otherwise); a
    failure is said in the screen's language within `frame` (its {reason})."""
    # start-up: render/ loads only when a record is saved
    from screener.render import Format, format_for_path

    def save(path: Path) -> str | None:
        if path.exists() and not path.is_dir():  # --force is no answer at this prompt
            taken = setup.strings.write_problems.exists.format(path=one_line(str(path)))
            return frame.format(reason=taken)
        output_format = format_for_path(path) or Format.text
        text = render(result, setup, output_format, saved_to=str(path))
        try:
            write_private(path, text, force=False)
        except ScreenerError as error:
            return frame.format(reason=why_not_saved(error, path, setup.strings))
        return None

    return save


def say(console: Screen, text: str) -> None:
    console.print()
    console.print(printable(text))  # plain text: the console reads no markup
