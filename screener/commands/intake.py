"""`screener intake` from start to end: ask or replay, review, show the result, write the record."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from screener.commands import screening
from screener.errors import UsageError
from screener.files.writing import write_private
from screener.render import Format
from screener.rules.review import MAX_CLIENT_REFERENCE, fits

if TYPE_CHECKING:  # the UI loads only when an intake is asked, not for a replay
    from screener.commands.screening import Options, Setup
    from screener.rules.walk import Walk
    from screener.terminal.console import Screen

EXIT_INTERRUPTED = 130


def run(options: Options, client: str | None, environ: Mapping[str, str]) -> int:
    """0 once a result was shown; 130 if it ended before one, with nothing written."""
    client = client_option(client)
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
    console = console_policy.make_console(conversation, plain=plain)
    try:
        walked, client = ask(setup, console, plain=plain, client=client)
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
        setup, walked.answers, mode="intake", client=client, notes=walked.notes
    )
    saved_to = None
    if options.output is not None:
        write_private(
            options.output, screening.render(result, setup, options.format), force=options.force
        )
        saved_to = str(options.output)
    screening.show_summary(console, setup, result, plain=plain, saved_to=saved_to)
    if options.output is None and options.format is not Format.text:
        sys.stdout.write(screening.render(result, setup, options.format))
    return 0


def ask(
    setup: Setup, console: Screen, *, plain: bool, client: str | None
) -> tuple[Walk, str | None]:
    """The counsellor's introduction, the client reference if not given, questions, review."""
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
        client=client,
        ask_client=client is None,
    )
    if not asker.intro(bank):
        return Walk({}, Ending.QUIT), asker.client
    return interview(bank, asker, setup.strings), asker.client


def client_option(value: str | None) -> str | None:
    """--client as the record keeps it; a usage error if it is no short one-line code."""
    if value is None:
        return None
    text = " ".join(value.split())
    if "\n" in value or not fits(text, MAX_CLIENT_REFERENCE):
        raise UsageError(
            f"--client: a client reference is one line of at most {MAX_CLIENT_REFERENCE} "
            "characters, such as K-0142"
        )
    return text or None


def _replay(setup: Setup, options: Options, client: str | None, environ: Mapping[str, str]) -> None:
    from screener.files.answers import load_replay
    from screener.terminal import console as console_policy

    assert options.answers is not None
    replay = load_replay(options.answers, setup.loaded.bank, intake=True)
    result = screening.result_of(
        setup,
        replay.answers,
        mode="intake",
        client=client or replay.client,
        notes=replay.notes,
        recorded_at=replay.recorded_at,
    )
    if options.output is not None:
        write_private(
            options.output, screening.render(result, setup, options.format), force=options.force
        )
        sys.stderr.write(f"Saved to {options.output}\n")
    elif options.format is Format.text:
        plain = console_policy.wants_plain(options.plain, environ, sys.stdout)
        console = console_policy.make_console(sys.stdout, plain=plain)
        screening.show_summary(console, setup, result, plain=plain, saved_to=None)
    else:
        sys.stdout.write(screening.render(result, setup, options.format))
