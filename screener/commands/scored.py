"""Answers to a result: scored by the bank and built into the record's `Result`, with the
region and service the screening shows."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

import msgspec

from screener.rules.result import build_result
from screener.rules.scoring import score

if TYPE_CHECKING:
    from screener.commands.setup import Setup
    from screener.models.base import Code
    from screener.models.result import Result


def result_of(
    setup: Setup,
    answers: Mapping[str, Code],
    *,
    mode: Literal["self", "intake"] = "self",
    client: str | None = None,
    notes: Mapping[str, str] | None = None,
    recorded_at: datetime.datetime | None = None,
    counsellor: str | None = None,
    started_at: datetime.datetime | None = None,
    closing_summary: str | None = None,
    recorded_as: str | None = None,
) -> Result:
    """`recorded_as`: a replayed record's date alone (2026-11-21), kept as given."""
    result = build_result(
        setup.loaded,
        score(setup.loaded.bank, answers),
        setup.region,
        mode=mode,
        client=client,
        notes=notes,
        recorded_at=recorded_at,
        service=setup.service,
        counsellor=counsellor,
        started_at=started_at,
        closing_summary=closing_summary,
    )
    if recorded_as is None:
        return result
    return msgspec.structs.replace(result, recorded_at=recorded_as, duration_seconds=None)
