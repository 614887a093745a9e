"""The intake record a counsellor files: the professional summary, answers and notes."""

from __future__ import annotations

from screener.models.bank import Bank
from screener.models.result import Result
from screener.models.wording import UiStrings
from screener.reports.document import Entry, Report, Section
from screener.reports.facts import facts_section
from screener.reports.summary import build_professional_summary, contact_entries
from screener.rules.labels import answer_label
from screener.rules.review import ReviewRow, review_rows
from screener.rules.walk import State


def build_intake_summary(
    bank: Bank,
    result: Result,
    strings: UiStrings,
    saved_to: str | None = None,
    not_saved: str | None = None,
) -> list[Section]:
    """The professional view, the contacts for the client (the service's first), and saving."""
    intake = strings.intake
    saved = intake.record_saved_to.format(path=saved_to) if saved_to else intake.record_not_saved
    saved = not_saved or saved  # why a save that was asked for failed
    return [
        *build_professional_summary(bank, result, strings),
        *_closing(result, strings),
        _contacts(result, strings),
        Section(strings.about_heading, (saved,)),
    ]


def build_intake_record(bank: Bank, result: Result, strings: UiStrings) -> Report:
    """The record for case notes, built once for every format: who, when and which bank;
    the result; the closing summary; every answer with its note; the contacts given."""
    intake = strings.intake
    answers = tuple(
        Entry(_answer_text(row, strings), f"{row.number}. {row.heading}")
        for row in answered_rows(bank, result, strings)
    )
    return Report(
        intake.record_title.format(title=bank.title),
        (
            facts_section(result, strings),
            *build_professional_summary(bank, result, strings),
            *_closing(result, strings),
            Section(intake.record_answers_heading, entries=answers),
            _contacts(result, strings),
        ),
    )


def answered_rows(bank: Bank, result: Result, strings: UiStrings) -> list[ReviewRow]:
    """The review screen's rows, rebuilt from a result (so a replayed record reads the same)."""
    return review_rows(bank, State(dict(result.answers), dict(result.notes)), strings)


def _answer_text(row: ReviewRow, strings: UiStrings) -> str:
    text = f"{answer_label(row.item, row.answer, strings)}. {row.item.text}"
    if row.note:
        text += " " + strings.intake.note_line.format(note=row.note)
    return " ".join(text.split())


def _contacts(result: Result, strings: UiStrings) -> Section:
    resources = result.resources
    return Section(
        strings.intake.contacts_heading.format(region=resources.name),
        entries=contact_entries(resources.contacts, strings),
    )


def _closing(result: Result, strings: UiStrings) -> tuple[Section, ...]:
    summary = result.closing_summary
    return (Section(strings.intake.record_closing_heading, (summary,)),) if summary else ()
