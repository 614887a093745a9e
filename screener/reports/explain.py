"""How a bank works, for trainers: explain() gathers its items, rules, bands, flags and sources."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import msgspec

from screener.models.bank import Condition, Expectation, LoadedBank, Source
from screener.models.base import Answer, Level, Model
from screener.models.result import BankReference
from screener.models.wording import AnswerLabels, TrainerStrings
from screener.reports.summary import Entry
from screener.rules.scoring import LEVEL_ORDER


class ExplainedCondition(Model, frozen=True, kw_only=True):
    """An item answered one of `answers`; `number` is the item's question number."""

    item: str
    number: int
    answers: tuple[Answer, ...]


class ExplainedItem(Model, frozen=True, kw_only=True):
    number: int
    id: str
    kind: str
    criterion: int | None
    cluster: str | None
    cluster_term: str | None
    label: str
    text: str
    help: str
    why: str | None
    asked_if: ExplainedCondition | None


class ExplainedCluster(Model, frozen=True, kw_only=True):
    id: str
    title: str
    term: str
    criteria: tuple[int, ...]


class ExplainedGate(Model, frozen=True, kw_only=True):
    item: str
    number: int
    closed_when: tuple[Answer, ...]
    message: str


class ExplainedAdaptation(Model, frozen=True, kw_only=True):
    id: str
    when: ExplainedCondition
    not_counted: tuple[str, ...]
    criteria: tuple[int, ...]
    message: str


class ExplainedBand(Model, frozen=True, kw_only=True):
    id: str
    min: int
    max: int
    label: str
    message: str


class ExplainedFlag(Model, frozen=True, kw_only=True):
    id: str
    level: Level
    title: str
    advice: str
    when_any: tuple[ExplainedCondition, ...]
    interrupts: bool
    """True for crisis flags: shown at once, during the questions."""


class ExplainedExample(Model, frozen=True, kw_only=True):
    id: str
    name: str
    story: str
    teaches: str | None
    expect: Expectation


class Explanation(Model, frozen=True, kw_only=True):
    """Everything a trainer needs to teach a bank: the contract behind explain --format json."""

    bank: BankReference
    substance: str
    method: str
    criteria_total: int
    window: str
    disclaimer: str
    items: tuple[ExplainedItem, ...]
    clusters: tuple[ExplainedCluster, ...]
    gate: ExplainedGate | None
    adaptations: tuple[ExplainedAdaptation, ...]
    bands: tuple[ExplainedBand, ...]
    flags: tuple[ExplainedFlag, ...]
    examples: tuple[ExplainedExample, ...]
    sources: tuple[Source, ...]


def explain(loaded: LoadedBank) -> Explanation:
    bank = loaded.bank
    numbers = {item.id: index for index, item in enumerate(bank.items, start=1)}
    criterion_of = {item.id: item.criterion for item in bank.items if item.criterion is not None}
    terms = {cluster.id: cluster.term or cluster.title for cluster in bank.clusters}

    def condition(given: Condition) -> ExplainedCondition:
        return ExplainedCondition(
            item=given.item, number=numbers[given.item], answers=given.answers
        )

    scoring = bank.scoring
    gate = scoring.gate
    return Explanation(
        bank=loaded.reference(),
        substance=bank.substance,
        method=scoring.method,
        criteria_total=scoring.criteria,
        window=scoring.window,
        disclaimer=bank.disclaimer,
        items=tuple(
            ExplainedItem(
                number=numbers[item.id],
                id=item.id,
                kind=item.kind,
                criterion=item.criterion,
                cluster=item.cluster,
                cluster_term=terms.get(item.cluster) if item.cluster else None,
                text=item.text,
                label=item.name,
                help=item.help,
                why=item.why,
                asked_if=condition(item.ask_if) if item.ask_if else None,
            )
            for item in bank.items
        ),
        clusters=tuple(
            ExplainedCluster(
                id=cluster.id,
                title=cluster.title,
                term=terms[cluster.id],
                criteria=tuple(
                    sorted(
                        item.criterion
                        for item in bank.items
                        if item.cluster == cluster.id and item.criterion is not None
                    )
                ),
            )
            for cluster in bank.clusters
        ),
        gate=(
            ExplainedGate(
                item=gate.item,
                number=numbers[gate.item],
                closed_when=gate.closed_when,
                message=gate.message,
            )
            if gate
            else None
        ),
        adaptations=tuple(
            ExplainedAdaptation(
                id=adaptation.id,
                when=condition(adaptation.when),
                not_counted=adaptation.not_counted,
                criteria=tuple(criterion_of[item_id] for item_id in adaptation.not_counted),
                message=adaptation.message,
            )
            for adaptation in scoring.adaptations
        ),
        bands=tuple(
            ExplainedBand(
                id=band.id, min=band.min, max=band.max, label=band.label, message=band.message
            )
            for band in sorted(scoring.bands, key=lambda band: band.min)
        ),
        flags=tuple(
            ExplainedFlag(
                id=flag.id,
                level=flag.level,
                title=flag.title,
                advice=flag.advice,
                when_any=tuple(condition(given) for given in flag.when_any),
                interrupts=flag.level == "crisis",
            )
            for flag in sorted(bank.flags, key=lambda flag: LEVEL_ORDER[flag.level])
        ),
        examples=tuple(
            ExplainedExample(
                id=example.id,
                name=example.name,
                story=example.story,
                teaches=example.teaches,
                expect=example.expect,
            )
            for example in bank.examples
        ),
        # Notes for bank authors (what is still to check) are no part of any explanation.
        sources=tuple(msgspec.structs.replace(source, review=None) for source in bank.sources),
    )


# --- phrases shared by the renderers and the demo ----------------------------------------


def condition_text(
    condition: ExplainedCondition, words: TrainerStrings, labels: AnswerLabels
) -> str:
    """'Q1 (used_past_year) is yes or not sure'."""
    answers = words.or_word.join(labels.of(answer) for answer in condition.answers)
    return words.condition.format(number=condition.number, item=condition.item, answers=answers)


def number_span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}-{high}"


def item_heading(item: ExplainedItem, words: TrainerStrings) -> str:
    if item.kind == "criterion":
        return words.item_criterion.format(
            number=item.number, criterion=item.criterion, cluster=item.cluster_term, id=item.id
        )
    template = words.item_gate if item.kind == "gate" else words.item_health
    return template.format(number=item.number, id=item.id)


def spans(numbers: list[int], prefix: str = "") -> str:
    """[2, 3, 4, 16] -> '2-4, 16' (or 'Q2-Q4, Q16' with prefix 'Q')."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(
        f"{prefix}{run[0]}" if len(run) == 1 else f"{prefix}{run[0]}-{prefix}{run[-1]}"
        for run in runs
    )


# --- the explanation as a document any renderer can draw ---------------------------------


@dataclass(frozen=True)
class Question:
    heading: str
    text: str
    help: str
    why: str | None


@dataclass(frozen=True)
class Part:
    title: str
    entries: tuple[Entry, ...] = ()
    questions: tuple[Question, ...] = ()
    why_label: str | None = None
    help_label: str | None = None
    table: tuple[tuple[str, ...], ...] = ()
    """Rows under a header row: the questions at a glance (number, label, criterion, cluster)."""


@dataclass(frozen=True)
class Handout:
    title: str
    paragraphs: tuple[str, ...]
    parts: tuple[Part, ...]


def handout(
    explanation: Explanation,
    words: TrainerStrings,
    labels: AnswerLabels,
    kinds: Mapping[str, str] | None = None,
) -> Handout:
    """The explanation in reading order, worded: rules, clusters, questions, bands, flags."""
    bank = explanation.bank

    def when(condition: ExplainedCondition) -> str:
        return condition_text(condition, words, labels)

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
        Question(item_heading(item, words), item.text, item.help, item.why)
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
            words.band_entry.format(label=band.label) + " " + quoted(band.message),
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
            + (" " + words.flag_interrupts if flag.interrupts else ""),
            f"{flag.level} {flag.id}",
        )
        for flag in explanation.flags
    )
    examples = tuple(
        Entry(
            words.example_entry.format(
                band=example.expect.band,
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
