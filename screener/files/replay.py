"""What a file to be replayed holds: answers, and for an intake its client and notes."""

from __future__ import annotations

import datetime
from typing import Literal

import msgspec

from screener.models.base import Code


class Replay(msgspec.Struct, frozen=True):
    """What an answers file (or a saved JSON record) holds for a screening to be replayed."""

    answers: dict[str, Code]
    client: str | None = None
    notes: dict[str, str] = msgspec.field(default_factory=dict)
    recorded_at: datetime.datetime | None = None
    """Only a saved JSON record carries it; a plain answers file is recorded when replayed."""
    mode: Literal["self", "intake"] | None = None
    """A saved record's own mode, kept when it is replayed; None for an answers file."""
    counsellor: str | None = None
    started_at: datetime.datetime | None = None
    closing_summary: str | None = None
    """An intake record's counsellor, start and closing summary, kept as they were."""
    warnings: tuple[str, ...] = ()
    """file:line:col lines for the reader, e.g. a FHIR response whose result is out of date."""
    recorded_as: str | None = None
    """A record's date alone (2026, 2026-11, 2026-11-21, as a FHIR `authored` may be), carried
    into the new record as given; recorded_at is then None."""
