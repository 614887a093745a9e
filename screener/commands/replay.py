"""Replaying answers given before (an answers file, a saved record or a FHIR response) into a
result, its warnings told on standard error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.commands.scored import result_of
from screener.files.answers import load_replay

if TYPE_CHECKING:
    from pathlib import Path

    from screener.commands.session import Session
    from screener.commands.setup import Setup
    from screener.models.result import Result


def replay(
    setup: Setup,
    answers_file: Path,
    *,
    session: Session,
    any_record: bool = False,
    rescore: bool = False,
) -> Result:
    """Re-score an answers file, a saved record or a FHIR response; `any_record` also takes an
    intake's (its notes unused), for a trainer's what-if. A saved record of another version of
    the bank needs `rescore`."""
    loaded = setup.loaded
    replayed = load_replay(
        answers_file,
        loaded.bank,
        intake=any_record,
        sha256=loaded.sha256,
        today=loaded.reference(),
        rescore=rescore,
    )
    for warning in replayed.warnings:
        session.terminal.stderr.write(warning + "\n")
    # A replayed record keeps its own date (docs/result-json.md), a FHIR `authored` as given.
    return result_of(
        setup,
        replayed.answers,
        recorded_at=replayed.recorded_at,
        recorded_as=replayed.recorded_as,
    )
