"""Two records of the same person and bank side by side: the contract behind `compare --format
json`, and the wording that says what changed (never whether it is better or worse)."""

from __future__ import annotations

from typing import Literal

from screener.models.base import Model, Prose


class ComparedRecord(Model, frozen=True, kw_only=True):
    """One of the two records, as compare read and re-scored it."""

    file: str
    """The file as named on the command line."""
    mode: Literal["self", "intake"]
    recorded_at: str | None
    """When its answers were recorded (ISO 8601 with the offset); null when it does not say."""
    client: str | None
    counsellor: str | None
    bank_language: str
    criteria_met: int
    criteria_applicable: int
    criteria_total: int
    gate_closed: bool
    band: str | None
    """The band's id; null when the gate closed and the criteria were not assessed."""
    flags: tuple[str, ...]
    """The ids of the flags its answers raise, most urgent first."""


class AnswerChange(Model, frozen=True, kw_only=True):
    """One question answered differently (or asked in one record only)."""

    item: str
    criterion: int | None
    """The criterion number for a criterion question; null for any other question."""
    then: str | None
    """The answer in the first record; null when it was not asked there."""
    now: str | None
    counted_then: bool
    """Criterion questions: whether the answer counted towards the criteria met."""
    counted_now: bool


class Comparison(Model, frozen=True, kw_only=True):
    """What changed from the first record to the second, in the bank's own terms."""

    bank: str
    version: str
    then: ComparedRecord
    now: ComparedRecord
    days_between: int | None
    """Whole days from the first record's date to the second's (negative when the second is
    the earlier); null when either record has no date."""
    changed: bool
    """False when both records give the same answers: nothing below is listed."""
    criteria: tuple[AnswerChange, ...]
    """Criterion questions whose answer, or whether it counted, changed; in bank order."""
    other_answers: tuple[AnswerChange, ...]
    """Every other question whose answer changed (the gate, health, and any question a bank
    adds, such as how often or how the person feels); in bank order."""
    flags_raised: tuple[str, ...]
    """Flags raised in the second record and not in the first."""
    flags_cleared: tuple[str, ...]
    """Flags raised in the first record and not in the second."""
    flags_kept: tuple[str, ...]
    """Flags raised in both."""


class CompareStrings(Model, frozen=True, kw_only=True):
    """What `screener compare` says; {names} are filled in. It names changes, never judges."""

    title: Prose
    dates_heading: Prose
    then_label: Prose
    now_label: Prose
    no_date: Prose
    client: Prose
    counsellor: Prose
    day_one: Prose
    day_many: Prose
    interval: Prose
    interval_earlier: Prose
    same_day: Prose
    result_heading: Prose
    criteria_label: Prose
    criteria_line: Prose
    band_label: Prose
    band_line: Prose
    not_assessed: Prose
    then_and_now: Prose
    unchanged: Prose
    criteria_heading: Prose
    criterion_change: Prose
    no_criteria_changed: Prose
    answers_heading: Prose
    answer_change: Prose
    no_answers_changed: Prose
    flags_heading: Prose
    flags_raised: Prose
    flags_cleared: Prose
    flags_kept: Prose
    flag_line: Prose
    no_flags: Prose
    nothing_changed: Prose
    about_heading: Prose
    about: Prose
