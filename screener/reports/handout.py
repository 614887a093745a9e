"""The explanation as a handout any renderer can draw: parts, entries, questions, a table."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import msgspec

from screener.models.label_sets import AnswerLabels
from screener.models.wording import TrainerStrings
from screener.reports.document import Entry
from screener.reports.explain import (
    ExplainedCondition,
    Explanation,
    condition_text,
    item_heading,
    number_span,
    scale_words,
    spans,
)
from screener.reports.scale_effects import option_lines, uses


class Question(msgspec.Struct, frozen=True):
    heading: str
    text: str
    help: str
    why: str | None
    answers_label: str | None = None
    """A scale's: what its answers are, and that it is no criterion; None for yes / no."""
    answers: tuple[str, ...] = ()
    """A scale's options in order, each with what it changes."""


class Part(msgspec.Struct, frozen=True):
    title: str
    entries: tuple[Entry, ...] = ()
    questions: tuple[Question, ...] = ()
    why_label: str | None = None
    help_label: str | None = None
    table: tuple[tuple[str, ...], ...] = ()
    """Rows under a header row: the questions at a glance (number, label, criterion, cluster)."""


class Handout(msgspec.Struct, frozen=True):
    title: str
    paragraphs: tuple[str, ...]
    parts: tuple[Part, ...]


def handout(
    explanation: Explanation,
    words: TrainerStrings,
    labels: AnswerLabels,
    kinds: Mapping[str, str] | None = None,
    *,
    unsure_key: str,
) -> Handout:
    """The explanation in reading order, worded: rules, clusters, questions, bands, flags."""
    bank = explanation.bank
    scales = scale_words(explanation.items)
    used = uses(explanation, words)

    def when(condition: ExplainedCondition) -> str:
        return condition_text(condition, words, labels, scales)

    def quoted(message: str) -> str:
        return words.person_reads.format(message=message)

    rules = [
        Entry(words.rule_count.format(total=explanation.criteria_total, window=explanation.window))
    ]
    gate = explanation.gate
    if gate is not None:
        closing = ExplainedCondition(item=gate.item, number=gate.number, answers=gate.closed_when)
        rules.append(
            Entry(words.rule_gate.format(condition=when(closing)) + " " + quoted(gate.message))
        )
    conditions: dict[ExplainedCondition, list[int]] = {}
    for item in explanation.items:
        if item.asked_if is not None:
            conditions.setdefault(item.asked_if, []).append(item.number)
    for condition, numbers in conditions.items():
        rules.append(
            Entry(
                words.rule_asked_if.format(condition=when(condition), questions=spans(numbers, "Q"))
            )
        )
    for adaptation in explanation.adaptations:
        criteria = words.and_word.join(
            words.criterion_reference.format(number=number, item=item_id)
            for number, item_id in zip(adaptation.criteria, adaptation.not_counted, strict=True)
        )
        rules.append(
            Entry(
                words.rule_adaptation.format(condition=when(adaptation.when), criteria=criteria)
                + " "
                + quoted(adaptation.message),
                adaptation.id,
            )
        )

    clusters = tuple(
        Entry(
            words.cluster_entry.format(
                criteria=_criteria(cluster.criteria, words), title=cluster.title
            ),
            cluster.term,
        )
        for cluster in explanation.clusters
    )
    questions = tuple(
        Question(
            item_heading(item, words),
            item.text,
            item.help,
            item.why,
            f"{words.scales.not_criterion} {words.scales.options_label}:" if item.options else None,
            option_lines(item, used, words.scales, labels.unsure, unsure_key)
            if item.options
            else (),
        )
        for item in explanation.items
    )
    glance = (
        words.table_columns,
        *(
            (
                f"Q{item.number}",
                item.label,
                str(item.criterion)
                if item.criterion is not None
                else (kinds or {}).get(item.kind, item.kind),
                item.cluster_term or "",
                item.id,
            )
            for item in explanation.items
        ),
    )
    bands = tuple(
        Entry(
            " ".join(
                (
                    words.band_entry.format(label=band.label),
                    quoted(band.message + (f" {band.advice}" if band.advice else "")),
                    *(
                        words.band_on_path.format(condition=when(path.when), advice=path.advice)
                        for path in band.advice_on_path
                    ),
                )
            ),
            f"{band.id} ({number_span(band.min, band.max)})",
        )
        for band in explanation.bands
    )
    flags = tuple(
        Entry(
            words.flag_entry.format(
                title=flag.title,
                conditions=words.or_word.join(when(condition) for condition in flag.when_any),
            )
            + (" " + words.flag_interrupts if flag.interrupts else "")
            + (
                " "
                + words.flag_on_path.format(
                    conditions=words.or_word.join(when(path.when) for path in flag.on_path)
                )
                if flag.on_path
                else ""
            ),
            f"{flag.level} {flag.id}",
        )
        for flag in explanation.flags
    )
    examples = tuple(
        Entry(
            words.example_entry.format(
                band=example.expect.band or words.not_assessed_word,
                flags=", ".join(example.expect.flags) or words.none_word,
                story=example.story,
            )
            + (f" {words.teaches_label}: {example.teaches}" if example.teaches else ""),
            f"{example.name} ({example.id})",
        )
        for example in explanation.examples
    )
    sources = tuple(
        Entry(
            source.title
            + (f" ({source.url})" if source.url else "")
            + (f". {source.note}" if source.note else "")
        )
        for source in explanation.sources
    )
    parts = [
        Part(words.scoring_heading, tuple(rules)),
        Part(words.clusters_heading, clusters),
        Part(words.table_heading, table=glance),
        Part(
            words.questions_heading,
            questions=questions,
            why_label=words.why_label,
            help_label=words.help_label,
        ),
        Part(words.bands_heading, bands),
        Part(words.flags_heading, flags),
    ]
    # The menu and what shows each step, for a bank with scales (whose answers order and pick
    # its steps); without, the handout stays as its golden files have it.
    if explanation.next_steps and any(item.options for item in explanation.items):
        parts.append(Part(words.scales.steps_heading, tuple(_steps(explanation, words, when))))
    if examples:
        parts.append(Part(words.examples_heading, examples))
    parts.append(Part(words.sources_heading, sources))
    about = words.explain_about.format(
        id=bank.id,
        version=bank.version,
        language=bank.language,
        items=len(explanation.items),
        criteria=explanation.criteria_total,
        window=explanation.window,
    )
    title = words.handout_title.format(title=bank.title)
    return Handout(title, (about, words.explain_not_diagnosis), tuple(parts))


def _criteria(numbers: tuple[int, ...], words: TrainerStrings) -> str:
    if len(numbers) == 1:
        return words.criterion_number.format(number=numbers[0])
    return words.criteria_numbers.format(numbers=spans(list(numbers)))


def _steps(
    explanation: Explanation, words: TrainerStrings, when: Callable[[ExplainedCondition], str]
) -> list[Entry]:
    """Each next step and the answers that show or hide it."""
    scales = words.scales
    entries = []
    for step in explanation.next_steps:
        said = []
        if step.show_if is not None:
            said.append(scales.step_shown_if.format(condition=when(step.show_if)))
        if step.hide_if is not None:
            said.append(scales.step_hidden_if.format(condition=when(step.hide_if)))
        entries.append(Entry(" ".join(said) or scales.step_always, step.title))
    return entries
