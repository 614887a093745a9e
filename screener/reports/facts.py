"""The facts a record names: how it ended, who, when, how long, with which bank."""

from __future__ import annotations

from screener.models.result import Result
from screener.models.wording import UiStrings
from screener.reports.document import Entry, Section


def record_facts(result: Result, strings: UiStrings) -> dict[str, tuple[str, str]]:
    """What a record names, by key: (label, value). An intake also names who and how."""
    intake = strings.intake
    bank = result.bank
    facts = {
        # First: a record stopped at the crisis screen says so before anything else.
        "status": (intake.record_status, _status(result, strings)),
        "client": (intake.record_client, result.client or intake.record_no_client),
        "counsellor": (intake.record_counsellor, result.counsellor or intake.record_no_client),
        "started_at": (intake.record_started, result.started_at or ""),
        "recorded_at": (intake.record_time, result.recorded_at or ""),
        "duration": (intake.record_duration, _minutes(result.duration_seconds, strings)),
        "mode": (intake.record_mode, intake.mode_labels.get(result.mode, result.mode)),
        "bank": (
            intake.record_bank,
            f"{bank.id} {bank.version} ({bank.language}), sha256 {bank.sha256}",
        ),
        "screener": (intake.record_screener, result.screener_version),
    }
    shown = {key: fact for key, fact in facts.items() if fact[1]}
    if result.mode != "intake":
        for key in ("client", "counsellor"):
            shown.pop(key, None)
    return shown


def _status(result: Result, strings: UiStrings) -> str:
    """Empty for a complete record; else how it ended (a record from before `ended_by`
    existed was stopped at the crisis screen, the only early ending filed then)."""
    if result.complete:
        return ""
    return strings.intake.record_incomplete.of(result.ended_by or "crisis_stop")


def _minutes(seconds: int | None, strings: UiStrings) -> str:
    if seconds is None:
        return ""
    return strings.intake.duration_minutes.format(minutes=round(seconds / 60))


def facts_section(result: Result, strings: UiStrings) -> Section:
    facts = record_facts(result, strings).values()
    return Section(
        strings.intake.record_facts_heading,
        entries=tuple(Entry(value, label) for label, value in facts),
    )
