"""The intake record a counsellor files: the professional summary, answers and notes."""

from __future__ import annotations

from screener.models.bank import Bank
from screener.models.result import Result
from screener.models.wording import UiStrings
from screener.reports.summary import Entry, Section, build_professional_summary, contact_entries
from screener.rules.review import ReviewRow, review_rows
from screener.rules.walk import State


def build_intake_summary(
    bank: Bank, result: Result, strings: UiStrings, saved_to: str | None = None
) -> list[Section]:
    """The professional view, the contacts for the client (the service's first), and saving."""
    intake = strings.intake
    saved = intake.record_saved_to.format(path=saved_to) if saved_to else intake.record_not_saved
    return [
        *build_professional_summary(bank, result, strings),
        _contacts(result, strings),
        Section(strings.about_heading, (saved,)),
    ]


def build_intake_record(bank: Bank, result: Result, strings: UiStrings) -> list[Section]:
    """The record for case notes: who, when and which bank; the result; every answer."""
    intake = strings.intake
    facts = tuple(Entry(value, label) for label, value in record_facts(result, strings).values())
    answers = tuple(
        Entry(_answer_text(row, strings), f"{row.number}. {row.item.id} ({row.label})")
        for row in answered_rows(bank, result, strings)
    )
    return [
        Section(intake.record_title.format(title=bank.title), entries=facts),
        *build_professional_summary(bank, result, strings),
        Section(intake.record_answers_heading, entries=answers),
        _contacts(result, strings),
    ]


def record_facts(result: Result, strings: UiStrings) -> dict[str, tuple[str, str]]:
    """What the record names first, by key: (label, value) for the client, time, mode, bank."""
    intake = strings.intake
    bank = result.bank
    return {
        "client": (intake.record_client, result.client or intake.record_no_client),
        "recorded_at": (intake.record_time, result.recorded_at or ""),
        "mode": (intake.record_mode, intake.mode_labels.get(result.mode, result.mode)),
        "bank": (
            intake.record_bank,
            f"{bank.id} {bank.version} ({bank.language}), sha256 {bank.sha256}",
        ),
        "screener": (intake.record_screener, result.screener_version),
    }


def answered_rows(bank: Bank, result: Result, strings: UiStrings) -> list[ReviewRow]:
    """The review screen's rows, rebuilt from a result (so a replayed record reads the same)."""
    return review_rows(bank, State(dict(result.answers), dict(result.notes)), strings)


def _answer_text(row: ReviewRow, strings: UiStrings) -> str:
    text = f"{strings.answer_labels.of(row.answer)}. {row.item.text}"
    if row.note:
        text += " " + strings.intake.note_line.format(note=row.note)
    return " ".join(text.split())


def _contacts(result: Result, strings: UiStrings) -> Section:
    resources = result.resources
    return Section(
        strings.intake.contacts_heading.format(region=resources.name),
        entries=contact_entries(resources.contacts, strings),
    )
