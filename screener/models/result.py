"""The result of a screening: the score, the bank it came from, the contacts shown."""

from __future__ import annotations

from typing import Literal

import msgspec

from screener.models.base import Answer, Code, Level, Model
from screener.models.contacts import Contact, ServiceContacts

EndedBy = Literal[
    "crisis_stop", "quick_exit", "interrupted", "end_of_input", "hang_up", "terminated"
]
"""How an intake that was filed incomplete ended: the values of rules.endings.Stop."""


class BankReference(Model, frozen=True, kw_only=True):
    """Which bank produced a result, exactly."""

    id: str
    version: str
    language: str
    title: str
    sha256: str


class BandResult(Model, frozen=True, kw_only=True):
    id: str
    label: str
    message: str
    min: int
    max: int


class ClusterResult(Model, frozen=True, kw_only=True):
    id: str
    title: str
    term: str
    met: int
    of: int
    unsure: int


class CriterionResult(Model, frozen=True, kw_only=True):
    number: int
    item: str
    cluster: str
    answer: Answer | None
    counted: bool


class RaisedFlag(Model, frozen=True, kw_only=True):
    id: str
    level: Level
    title: str
    advice: str
    unsure: bool = False
    """True when only 'not sure' answers raised it (the advice is then its not-sure wording)."""


class AppliedAdaptation(Model, frozen=True, kw_only=True):
    id: str
    message: str


class Score(Model, frozen=True, kw_only=True):
    """What scoring a set of answers against a bank yields: pure, no context."""

    answers: dict[str, Code]
    criteria_met: int
    criteria_applicable: int
    criteria_total: int
    unsure: tuple[str, ...]
    gate_closed: bool
    band: BandResult | None
    """None when the gate closed: the criteria were not assessed."""
    could_be: BandResult | None = None
    """The band the count would reach if every counted 'not sure' were 'yes', when different."""
    clusters: tuple[ClusterResult, ...]
    criteria: tuple[CriterionResult, ...]
    adaptations: tuple[AppliedAdaptation, ...]
    flags: tuple[RaisedFlag, ...]


class ResourcesResult(Model, frozen=True, kw_only=True):
    region: str
    name: str
    contacts: tuple[Contact, ...]
    service: ServiceContacts | None = None
    """The service whose own contacts come first in `contacts`, if one was given."""


class Result(Model, frozen=True, kw_only=True):
    """The record of one screening: the contract behind `--format json`."""

    screener_version: str
    bank: BankReference
    answers: dict[str, Code]
    criteria_met: int
    criteria_applicable: int
    criteria_total: int
    unsure: tuple[str, ...]
    gate_closed: bool
    gate_message: str | None
    band: BandResult | None
    """None when the gate closed: the criteria were not assessed (see band_reason)."""
    clusters: tuple[ClusterResult, ...]
    criteria: tuple[CriterionResult, ...]
    adaptations: tuple[AppliedAdaptation, ...]
    flags: tuple[RaisedFlag, ...]
    resources: ResourcesResult
    disclaimer: str
    mode: Literal["self", "intake"] = "self"
    """self: a person on their own; intake: a counsellor with a client."""
    client: str | None = None
    """The intake's client reference (a short code, never required to be a name)."""
    recorded_at: str | None = None
    """When the answers were recorded: ISO 8601 with the time zone offset."""
    notes: dict[str, str] = msgspec.field(default_factory=dict)
    """The counsellor's one-line notes, by item id."""
    counsellor: str | None = None
    """The intake's counsellor: initials (or a short code), never required."""
    started_at: str | None = None
    """When an interactive intake began (ISO 8601 with the offset); null for a replay."""
    duration_seconds: int | None = None
    """From started_at to recorded_at, in whole seconds; null when there is no start."""
    closing_summary: str | None = None
    """The counsellor's one-line closing summary or plan, written at the review."""
    band_reason: Literal["not_assessed"] | None = None
    """Why there is no band: not_assessed when the gate closed the criteria."""
    could_be: BandResult | None = None
    """The band the count would reach if every counted 'not sure' were 'yes', when different."""
    complete: bool = True
    """False for an intake that ended early and was filed with the answers given so far."""
    ended_by: EndedBy | None = None
    """How an incomplete record ended (docs/endings.md); null for a complete one."""
