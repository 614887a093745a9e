"""Assemble the record of a screening: the score plus which bank, where, and what it means."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Literal

from screener import __version__
from screener.models.bank import LoadedBank
from screener.models.contacts import Region, ServiceContacts
from screener.models.result import ResourcesResult, Result, Score


def now() -> datetime.datetime:
    """The local time with its offset; the one clock a record reads (tests replace it)."""
    return datetime.datetime.now().astimezone()


def timestamp(moment: datetime.datetime) -> str:
    """ISO 8601 to the second, with the offset: 2026-11-21T10:15:00+00:00."""
    if moment.tzinfo is None:
        raise ValueError("a record's time needs a time zone")
    return moment.isoformat(timespec="seconds")


def build_result(
    loaded: LoadedBank,
    score: Score,
    region: Region,
    *,
    mode: Literal["self", "intake"] = "self",
    client: str | None = None,
    notes: Mapping[str, str] | None = None,
    recorded_at: datetime.datetime | None = None,
    service: ServiceContacts | None = None,
    counsellor: str | None = None,
    started_at: datetime.datetime | None = None,
    closing_summary: str | None = None,
) -> Result:
    """`region` lists the contacts as shown (see rules.contacts.contacts_to_show)."""
    bank = loaded.bank
    recorded = recorded_at or now()
    return Result(
        screener_version=__version__,
        bank=loaded.reference(),
        answers=score.answers,
        criteria_met=score.criteria_met,
        criteria_applicable=score.criteria_applicable,
        criteria_total=score.criteria_total,
        unsure=score.unsure,
        gate_closed=score.gate_closed,
        gate_message=(
            bank.scoring.gate.message if score.gate_closed and bank.scoring.gate else None
        ),
        band=score.band,
        band_reason="not_assessed" if score.band is None else None,
        could_be=score.could_be,
        clusters=score.clusters,
        criteria=score.criteria,
        adaptations=score.adaptations,
        flags=score.flags,
        resources=ResourcesResult(
            region=region.id, name=region.name, contacts=region.contacts, service=service
        ),
        disclaimer=bank.disclaimer,
        mode=mode,
        client=client,
        recorded_at=timestamp(recorded),
        notes={
            item.id: notes[item.id]
            for item in bank.items
            if notes and item.id in notes and item.id in score.answers
        },
        counsellor=counsellor,
        started_at=timestamp(started_at) if started_at else None,
        duration_seconds=(
            max(0, round((recorded - started_at).total_seconds())) if started_at else None
        ),
        closing_summary=closing_summary,
    )
