"""What changed between two records, as a Report a person reads: when, the result then and
now, each answer that changed, flags raised and cleared. It says what changed, never whether a
change is good or bad."""

from __future__ import annotations

import datetime

from screener.models.bank import Bank, Item
from screener.models.comparison import AnswerChange, ComparedRecord, CompareStrings, Comparison
from screener.models.wording import UiStrings
from screener.reports.document import Entry, Report, Section
from screener.rules.labels import Labels, answer_label


def build_comparison(bank: Bank, comparison: Comparison, strings: UiStrings) -> Report:
    """The comparison in the bank's language: its question names, band words and flag titles."""
    words = strings.compare
    sections = [_dates(comparison, strings), _result(bank, comparison, strings)]
    if comparison.changed:
        sections += [
            _changes(
                words.criteria_heading,
                [_criterion(bank, change, strings) for change in comparison.criteria],
                words.no_criteria_changed,
            ),
            _changes(
                words.answers_heading,
                [_answer(bank, change, strings) for change in comparison.other_answers],
                words.no_answers_changed,
            ),
        ]
    sections += [_flags(bank, comparison, strings), Section(words.about_heading, (words.about,))]
    return Report(words.title, tuple(sections))


def _dates(comparison: Comparison, strings: UiStrings) -> Section:
    words = strings.compare
    entries = (
        Entry(_who_and_when(comparison.then, strings), words.then_label),
        Entry(_who_and_when(comparison.now, strings), words.now_label),
    )
    days = comparison.days_between
    paragraphs: tuple[str, ...] = ()
    if days is not None:
        span = words.day_one if abs(days) == 1 else words.day_many.format(days=abs(days))
        paragraphs = (
            words.same_day
            if days == 0
            else (words.interval if days > 0 else words.interval_earlier).format(span=span),
        )
    summary = () if comparison.changed else (words.nothing_changed,)
    return Section(words.dates_heading, (*summary, *paragraphs), entries)


def _who_and_when(record: ComparedRecord, strings: UiStrings) -> str:
    words = strings.compare
    when = (
        datetime.datetime.fromisoformat(record.recorded_at).isoformat(" ", "minutes")
        if record.recorded_at
        else words.no_date
    )
    parts = [when, strings.intake.mode_labels.get(record.mode, record.mode)]
    if record.client:
        parts.append(words.client.format(client=record.client))
    if record.counsellor:
        parts.append(words.counsellor.format(counsellor=record.counsellor))
    return ", ".join(parts) + f" ({record.file})"


def _result(bank: Bank, comparison: Comparison, strings: UiStrings) -> Section:
    words = strings.compare
    then, now = comparison.then, comparison.now
    counts = [
        words.criteria_line.format(
            met=record.criteria_met,
            total=record.criteria_total,
            applicable=record.criteria_applicable,
        )
        if not record.gate_closed
        else words.not_assessed
        for record in (then, now)
    ]
    bands = [_band(bank, record.band, strings) for record in (then, now)]
    return Section(
        words.result_heading,
        entries=(
            Entry(_then_and_now(counts[0], counts[1], words), words.criteria_label),
            Entry(_then_and_now(bands[0], bands[1], words), words.band_label),
        ),
    )


def _then_and_now(then: str, now: str, words: CompareStrings) -> str:
    if then == now:
        return words.unchanged.format(value=then)
    return words.then_and_now.format(then=then, now=now)


def _band(bank: Bank, band_id: str | None, strings: UiStrings) -> str:
    band = next((band for band in bank.scoring.bands if band.id == band_id), None)
    if band is None:
        return strings.compare.not_assessed
    term = Labels(bank, strings).band(band.id)
    return strings.compare.band_line.format(band=term, min=band.min, max=band.max)


def _changes(title: str, entries: list[Entry], nothing: str) -> Section:
    if not entries:
        return Section(title, (nothing,))
    return Section(title, entries=tuple(entries))


def _criterion(bank: Bank, change: AnswerChange, strings: UiStrings) -> Entry:
    item = next(item for item in bank.items if item.id == change.item)
    return Entry(
        strings.compare.criterion_change.format(
            number=change.criterion,
            item=item.name,
            cluster=Labels(bank, strings).cluster(item.cluster),
            then=_answered(item, change.then, change.counted_then, strings),
            now=_answered(item, change.now, change.counted_now, strings),
        )
    )


def _answer(bank: Bank, change: AnswerChange, strings: UiStrings) -> Entry:
    item = next(item for item in bank.items if item.id == change.item)
    return Entry(
        strings.compare.answer_change.format(
            item=item.name,
            then=_answered(item, change.then, True, strings),
            now=_answered(item, change.now, True, strings),
        )
    )


def _answered(item: Item, answer: str | None, counted: bool, strings: UiStrings) -> str:
    if answer is None:
        return strings.professional_not_asked
    label = answer_label(item, answer, strings)  # a scale's option in its words, as yes or no
    return label if counted else f"{label}, {strings.professional_not_counted}"


def _flags(bank: Bank, comparison: Comparison, strings: UiStrings) -> Section:
    words = strings.compare
    flags = {flag.id: flag for flag in bank.flags}
    labels = Labels(bank, strings)
    entries = tuple(
        Entry(
            words.flag_line.format(
                title=flags[flag_id].title, level=labels.level(flags[flag_id].level)
            ),
            term,
        )
        for term, found in (
            (words.flags_raised, comparison.flags_raised),
            (words.flags_cleared, comparison.flags_cleared),
            (words.flags_kept, comparison.flags_kept),
        )
        for flag_id in found
        if flag_id in flags
    )
    if not entries:
        return Section(words.flags_heading, (words.no_flags,))
    return Section(words.flags_heading, entries=entries)
