"""`screener intake` from start to end: ask or replay, review, show the result, write the record."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from screener.commands import outcome, records, scored
from screener.commands.session import Session, Who
from screener.commands.setup import preflight, prepare
from screener.errors import UsageError
from screener.rules import result as results
from screener.rules.review import MAX_CLIENT_REFERENCE, one_safe_line_within

if TYPE_CHECKING:  # the UI loads only when an intake is asked, not for a replay
    from screener.commands.setup import Options, Setup
    from screener.models.result import Result
    from screener.rules.walk import State, Walk
    from screener.terminal.console import Screen
    from screener.terminal.counsellor import CounsellorConsoleAsker
    from screener.terminal.host import Terminal


class Interview(msgspec.Struct, frozen=True):
    """What the counsellor gave besides the answers: for the record."""

    client: str | None = None
    counsellor: str | None = None
    closing_summary: str | None = None


def run(
    options: Options, client: str | None, terminal: Terminal, counsellor: str | None = None
) -> int:
    """0 once a result was shown; 130 if it ended before one (docs/endings.md). The
    counsellor's initials, region and records folder, where not given, come from their
    settings (files/counsellor.py)."""
    # start-up: the settings file is read only for an intake
    from screener.files.counsellor import counsellor_settings

    settings = counsellor_settings(terminal.environ, terminal.platform)
    if options.region is None and settings.region:
        options = msgspec.structs.replace(options, region=settings.region)
    client = client_option(client)
    counsellor = counsellor_option(counsellor or settings.initials)
    preflight(options)
    setup = prepare(options, terminal)
    session = Session(Who.INTAKE, terminal, options)
    if options.answers is not None:
        return outcome.write_or_show_replay(
            session, setup, _replayed(setup, session, client, counsellor)
        )

    def asking(setup: Setup, console: Screen, plain: bool, progress: outcome.Progress) -> Walk:
        started = results.now()
        asker = _asker(setup, console, plain=plain, given=Interview(client, counsellor))
        asker.progress = progress.state

        def result_of(walked: Walk) -> Result:
            return scored.result_of(
                setup,
                walked.answers,
                mode="intake",
                client=asker.client,
                notes=walked.notes,
                counsellor=asker.counsellor,
                started_at=started,
                closing_summary=asker.closing_summary,
            )

        progress.result_of = result_of
        return _interview(setup, asker, progress.state)

    def offer_save(console: Screen, result: Result, plain: bool) -> None:
        if session.offers_save_at_end:  # forgetting -o must not mean asking them all again
            folder = Path(settings.records).expanduser() if settings.records else None
            records.offer_save(console, setup, result, plain=plain, folder=folder)

    return outcome.ask_save_show(session, setup, asking, after_shown=offer_save)


def _asker(
    setup: Setup, console: Screen, *, plain: bool, given: Interview
) -> CounsellorConsoleAsker:
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.counsellor import CounsellorConsoleAsker

    return CounsellorConsoleAsker(
        console,
        setup.strings,
        setup.region,
        setup.loaded.bank,
        plain=plain,
        client=given.client,
        ask_client=given.client is None,
        counsellor=given.counsellor,
        ask_counsellor=given.counsellor is None,
        service=setup.service,
    )


def _interview(setup: Setup, asker: CounsellorConsoleAsker, state: State) -> Walk:
    """The counsellor's introduction, the client reference and initials if not given,
    questions, review and closing summary."""
    # start-up: the live interview's rules load only when one is asked
    from screener.rules.review import interview
    from screener.rules.walk import Ending, Walk

    bank = setup.loaded.bank
    if not asker.intro(bank):
        return Walk({}, Ending.QUIT)
    return interview(bank, asker, setup.strings, state)


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
    if "\n" in value or not one_safe_line_within(text, MAX_CLIENT_REFERENCE):
        raise UsageError(
            f"{what} is one line of at most {MAX_CLIENT_REFERENCE} characters, such as {example}"
        )
    return text or None


def _replayed(
    setup: Setup, session: Session, client: str | None, counsellor: str | None = None
) -> Result:
    # start-up: the replay readers load only for --answers
    from screener.files.answers import load_replay

    options = session.options
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
        session.terminal.stderr.write(warning + "\n")
    return scored.result_of(
        setup,
        replay.answers,
        mode=replay.mode or "intake",  # a self-check's record stays a self-check's
        client=client or replay.client,
        notes=replay.notes,
        recorded_at=replay.recorded_at,
        recorded_as=replay.recorded_as,
        counsellor=counsellor or replay.counsellor,  # --counsellor, as --client
        started_at=replay.started_at,
        closing_summary=replay.closing_summary,
    )
