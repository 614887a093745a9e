"""`screener intake` from start to end: ask or replay, review, show the result, write the record."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from screener.commands import screening
from screener.errors import ScreenerError, UsageError
from screener.files.writing import write_private, write_record
from screener.render import Format, format_for_path
from screener.rules import result as results
from screener.rules.review import MAX_CLIENT_REFERENCE, fits
from screener.safetext import one_line

if TYPE_CHECKING:  # the UI loads only when an intake is asked, not for a replay
    from screener.commands.screening import Options, Setup
    from screener.models.result import Result
    from screener.rules.walk import Walk
    from screener.terminal.console import Screen

EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Interview:
    """What the counsellor gave besides the answers: for the record."""

    client: str | None = None
    counsellor: str | None = None
    closing_summary: str | None = None


def run(
    options: Options, client: str | None, environ: Mapping[str, str], counsellor: str | None = None
) -> int:
    """0 once a result was shown; 130 if it ended before one, with nothing written."""
    client = client_option(client)
    counsellor = counsellor_option(counsellor)
    screening.preflight(options)
    setup = screening.prepare(options, environ)
    if options.answers is not None:
        _replay(setup, options, client, environ)
        return 0

    from screener.rules.walk import Ending
    from screener.terminal import console as console_policy
    from screener.terminal.keyboard import QuickExit

    # The record goes to stdout in its format; the conversation then uses stderr.
    text_only = options.format is Format.text or options.output is not None
    conversation = sys.stdout if text_only else sys.stderr
    plain = console_policy.wants_plain(options.plain, environ, conversation)
    console = console_policy.make_console(conversation, plain=plain, projector=options.projector)
    started = results.now()
    try:
        walked, interview = ask(setup, console, plain=plain, given=Interview(client, counsellor))
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
    if walked.ending is Ending.STOPPED_AFTER_CRISIS:
        return EXIT_INTERRUPTED

    result = screening.result_of(
        setup,
        walked.answers,
        mode="intake",
        client=interview.client,
        notes=walked.notes,
        counsellor=interview.counsellor,
        started_at=started,
        closing_summary=interview.closing_summary,
    )
    saved_to = None
    if options.output is not None:
        write_private(
            options.output, screening.render(result, setup, options.format), force=options.force
        )
        saved_to = str(options.output)
    screening.show_summary(console, setup, result, plain=plain, saved_to=saved_to)
    if options.output is None and options.format is not Format.text:
        write_record(sys.stdout, screening.render(result, setup, options.format))
    if options.output is None:
        _offer_save(console, setup, result, plain=plain)
    return 0


def _offer_save(console: Screen, setup: Setup, result: Result, *, plain: bool) -> None:
    """After 19 answers and a review, forgetting -o must not mean asking them all again."""
    from screener.terminal.saving import offer_save

    def save(path: Path) -> str | None:
        if path.exists() and not path.is_dir():  # --force is no answer at this prompt
            return f"{path}: already exists; type another name"
        output_format = format_for_path(path) or Format.text
        text = screening.render(result, setup, output_format, saved_to=str(path))
        try:
            write_private(path, text, force=False)
        except ScreenerError as error:
            return str(error)
        return None

    intake = setup.strings.intake
    saved = offer_save(
        console, save, prompt=intake.save_prompt, skipped=intake.save_skipped, plain=plain
    )
    if saved is not None:
        console.print(one_line(intake.record_saved_to.format(path=saved)))


def ask(setup: Setup, console: Screen, *, plain: bool, given: Interview) -> tuple[Walk, Interview]:
    """The counsellor's introduction, the client reference and initials if not given,
    questions, review and closing summary."""
    from screener.rules.review import interview
    from screener.rules.walk import Ending, Walk
    from screener.terminal.counsellor import CounsellorConsoleAsker

    bank = setup.loaded.bank
    asker = CounsellorConsoleAsker(
        console,
        setup.strings,
        setup.region,
        bank,
        plain=plain,
        client=given.client,
        ask_client=given.client is None,
        counsellor=given.counsellor,
        ask_counsellor=given.counsellor is None,
    )
    walked = interview(bank, asker, setup.strings) if asker.intro(bank) else Walk({}, Ending.QUIT)
    return walked, Interview(asker.client, asker.counsellor, asker.closing_summary)


def client_option(value: str | None) -> str | None:
    """--client as the record keeps it; a usage error if it is no short one-line code."""
    return _short_code(value, "--client: a client reference", "K-0142")


def counsellor_option(value: str | None) -> str | None:
    """--counsellor as the record keeps it: initials or a short staff code."""
    return _short_code(value, "--counsellor: the counsellor's initials", "JS")


def _short_code(value: str | None, what: str, example: str) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    if "\n" in value or not fits(text, MAX_CLIENT_REFERENCE):
        raise UsageError(
            f"{what} is one line of at most {MAX_CLIENT_REFERENCE} characters, such as {example}"
        )
    return text or None


def _replay(setup: Setup, options: Options, client: str | None, environ: Mapping[str, str]) -> None:
    from screener.files.answers import load_replay
    from screener.terminal import console as console_policy

    assert options.answers is not None
    loaded = setup.loaded
    replay = load_replay(options.answers, loaded.bank, intake=True, sha256=loaded.sha256)
    for warning in replay.warnings:
        sys.stderr.write(warning + "\n")
    result = screening.result_of(
        setup,
        replay.answers,
        mode=replay.mode or "intake",  # a self-check's record stays a self-check's
        client=client or replay.client,
        notes=replay.notes,
        recorded_at=replay.recorded_at,
        counsellor=replay.counsellor,
        started_at=replay.started_at,
        closing_summary=replay.closing_summary,
    )
    if options.output is not None:
        write_private(
            options.output, screening.render(result, setup, options.format), force=options.force
        )
        sys.stderr.write(f"Saved to {options.output}\n")
    elif options.format is Format.text:
        plain = console_policy.wants_plain(options.plain, environ, sys.stdout)
        console = console_policy.make_console(sys.stdout, plain=plain, projector=options.projector)
        screening.show_summary(console, setup, result, plain=plain, saved_to=None)
    else:
        write_record(sys.stdout, screening.render(result, setup, options.format))
