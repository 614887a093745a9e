"""`screener intake` from start to end: ask or replay, review, show the result, write the record."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from screener.commands import outcome, screening
from screener.errors import ScreenerError, UsageError
from screener.files.writing import write_private
from screener.render import Format, format_for_path
from screener.rules import result as results
from screener.rules.review import MAX_CLIENT_REFERENCE, fits
from screener.safetext import one_line

if TYPE_CHECKING:  # the UI loads only when an intake is asked, not for a replay
    from screener.commands.screening import Options, Setup
    from screener.models.result import Result
    from screener.rules.walk import Walk
    from screener.terminal.console import Screen


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
        return outcome.replayed(setup, options, _replayed(setup, options, client), environ)

    def asking(setup: Setup, console: Screen, plain: bool) -> tuple[Walk, outcome.ResultOf]:
        started = results.now()
        walked, interview = ask(setup, console, plain=plain, given=Interview(client, counsellor))

        def result_of(walked: Walk) -> Result:
            return screening.result_of(
                setup,
                walked.answers,
                mode="intake",
                client=interview.client,
                notes=walked.notes,
                counsellor=interview.counsellor,
                started_at=started,
                closing_summary=interview.closing_summary,
            )

        return walked, result_of

    def offer_save(console: Screen, result: Result, plain: bool) -> None:
        if options.output is None:  # forgetting -o must not mean asking them all again
            _offer_save(console, setup, result, plain=plain)

    return outcome.asked(setup, options, environ, asking, after_shown=offer_save, save_offered=True)


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


def _replayed(setup: Setup, options: Options, client: str | None) -> Result:
    from screener.files.answers import load_replay

    assert options.answers is not None
    loaded = setup.loaded
    replay = load_replay(
        options.answers,
        loaded.bank,
        intake=True,
        sha256=loaded.sha256,
        today=loaded.reference(),
        rescore=options.rescore,
    )
    for warning in replay.warnings:
        sys.stderr.write(warning + "\n")
    return screening.result_of(
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
