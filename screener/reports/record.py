"""A screening's record as one document, built once: every file format renders the same one."""

from __future__ import annotations

from dataclasses import dataclass

from screener.models.bank import Bank
from screener.models.contacts import Region
from screener.models.result import Result
from screener.models.wording import UiStrings
from screener.reports.summary import Entry, Section, build_summary


@dataclass(frozen=True)
class Document:
    """What a file holds for a person to read: a title, then sections, in order."""

    title: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Screening:
    """Everything a format needs to write one screening: the bank, its wording, the region."""

    bank: Bank
    strings: UiStrings
    region: Region
    result: Result
    saved_to: str | None = None
    client_system: str | None = None
    """FHIR: the identifier system of the service's client references."""

    def document(self) -> Document:
        """The intake record for a counsellor's screening; else the person's summary."""
        if self.result.mode == "intake":
            from screener.reports.intake import build_intake_record

            return build_intake_record(self.bank, self.result, self.strings)
        return build_self_record(self)


def build_self_record(screening: Screening) -> Document:
    """The summary the person read, their answers, and when and with which bank."""
    bank, result, strings = screening.bank, screening.result, screening.strings
    summary = build_summary(bank, result, screening.region, strings, screening.saved_to)
    answers = tuple(
        Entry(item.text, strings.answer_labels.of(result.answers[item.id]))
        for item in bank.items
        if item.id in result.answers
    )
    return Document(
        bank.title,
        (
            *summary,
            Section(strings.answers_heading, entries=answers),
            facts_section(result, strings),
        ),
    )


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
