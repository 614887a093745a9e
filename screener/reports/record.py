"""A screening's record as one document, built once: every file format renders the same one."""

from __future__ import annotations

import msgspec

from screener.models.bank import Bank
from screener.models.contacts import Region
from screener.models.result import Result
from screener.models.wording import UiStrings
from screener.reports.document import Entry, Report, Section
from screener.reports.facts import facts_section
from screener.reports.intake import build_intake_record
from screener.reports.summary import build_summary
from screener.rules.labels import answer_label


class Screening(msgspec.Struct, frozen=True):
    """Everything a format needs to write one screening: the bank, its wording, the region."""

    bank: Bank
    strings: UiStrings
    region: Region
    result: Result
    saved_to: str | None = None
    client_system: str | None = None
    """FHIR: the identifier system of the service's client references."""

    def report(self) -> Report:
        """The intake record for a counsellor's screening; else the person's summary."""
        if self.result.mode == "intake":
            return build_intake_record(self.bank, self.result, self.strings)
        return build_self_record(self)


def build_self_record(screening: Screening) -> Report:
    """The summary the person read, their answers, and when and with which bank."""
    bank, result, strings = screening.bank, screening.result, screening.strings
    summary = build_summary(bank, result, screening.region, strings, screening.saved_to)
    answers = tuple(
        Entry(item.text, answer_label(item, result.answers[item.id], strings))
        for item in bank.items
        if item.id in result.answers
    )
    return Report(
        bank.title,
        (
            *summary,
            Section(strings.answers_heading, entries=answers),
            facts_section(result, strings),
        ),
    )
