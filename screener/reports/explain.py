"""How a bank works, for trainers: explain() gathers its items, rules, bands, flags and sources."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import msgspec

from screener.models.bank import Condition, Expectation, Flag, LoadedBank, Source
from screener.models.base import Code, Level, Model
from screener.models.label_sets import AnswerLabels
from screener.models.result import BankReference
from screener.models.wording import TrainerStrings
from screener.rules.scoring import cluster_terms, most_urgent_first


class ExplainedCondition(Model, frozen=True, kw_only=True):
    """An item answered one of `answers`; `number` is the item's question number."""

    item: str
    number: int
    answers: tuple[Code, ...]


class ExplainedOption(Model, frozen=True, kw_only=True):
    """One answer a scale item offers; `number` is its place in the list (what plain mode types)."""

    number: int
    code: Code
    text: str
    key: str
    points: int | None = None


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
    options: tuple[ExplainedOption, ...] = ()
    """A scale's answers in order; none for a yes / no / not sure item."""
    unsure: bool = False
    """A scale that also offers not sure (every yes / no item does)."""


class ExplainedCluster(Model, frozen=True, kw_only=True):
    id: str
    title: str
    term: str
    criteria: tuple[int, ...]


class ExplainedGate(Model, frozen=True, kw_only=True):
    item: str
    number: int
    closed_when: tuple[Code, ...]
    message: str


class ExplainedAdaptation(Model, frozen=True, kw_only=True):
    id: str
    when: ExplainedCondition
    not_counted: tuple[str, ...]
    criteria: tuple[int, ...]
    message: str


class ExplainedPathAdvice(Model, frozen=True, kw_only=True):
    """Words said instead on a path through the questions, such as prescribed treatment."""

    when: ExplainedCondition
    advice: str


class ExplainedBand(Model, frozen=True, kw_only=True):
    id: str
    min: int
    max: int
    label: str
    message: str
    advice: str | None = None
    advice_on_path: tuple[ExplainedPathAdvice, ...] = ()


class ExplainedFlag(Model, frozen=True, kw_only=True):
    id: str
    level: Level
    title: str
    advice: str
    when_any: tuple[ExplainedCondition, ...]
    interrupts: bool
    """True for crisis flags: shown at once, during the questions."""
    on_path: tuple[ExplainedPathAdvice, ...] = ()


class ExplainedExample(Model, frozen=True, kw_only=True):
    id: str
    name: str
    story: str
    teaches: str | None
    expect: Expectation


class ExplainedNextStep(Model, frozen=True, kw_only=True):
    """One step of the person's menu and the answers that show or hide it."""

    title: str
    show_if: ExplainedCondition | None = None
    hide_if: ExplainedCondition | None = None


class ExplainedMenuOrder(Model, frozen=True, kw_only=True):
    """For an answer (the bank's `menu`): the next steps put first, by title, and the one
    closing sentence the person reads."""

    when: ExplainedCondition
    first: tuple[str, ...]
    closing: str | None = None


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
    next_steps: tuple[ExplainedNextStep, ...] = ()
    menu: tuple[ExplainedMenuOrder, ...] = ()


def explain(loaded: LoadedBank) -> Explanation:
    bank = loaded.bank
    numbers = {item.id: index for index, item in enumerate(bank.items, start=1)}
    criterion_of = {item.id: item.criterion for item in bank.items if item.criterion is not None}
    terms = cluster_terms(bank)
    titles = {step.id: step.title for step in bank.next_steps if step.id is not None}

    def condition(given: Condition) -> ExplainedCondition:
        return ExplainedCondition(
            item=given.item, number=numbers[given.item], answers=given.answers
        )

    def raising(flag: Flag, given: Condition) -> Condition:
        """The answers that raise the flag, "not sure" included when the flag says so."""
        if flag.if_unsure == "raise" and "unsure" not in given.answers:
            return Condition(item=given.item, answers=(*given.answers, "unsure"))
        return given

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
                options=tuple(
                    ExplainedOption(
                        number=number,
                        code=option.code,
                        text=option.text,
                        key=option.key,
                        points=option.points,
                    )
                    for number, option in enumerate(item.options, start=1)
                ),
                unsure=bool(item.options and item.unsure),
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
                id=band.id,
                min=band.min,
                max=band.max,
                label=band.label,
                message=band.message,
                advice=band.advice,
                advice_on_path=tuple(
                    ExplainedPathAdvice(when=condition(path.when), advice=path.advice)
                    for path in band.advice_on_path
                ),
            )
            for band in sorted(scoring.bands, key=lambda band: band.min)
        ),
        flags=tuple(
            ExplainedFlag(
                id=flag.id,
                level=flag.level,
                title=flag.title,
                advice=flag.advice,
                when_any=tuple(condition(raising(flag, given)) for given in flag.when_any),
                on_path=tuple(
                    ExplainedPathAdvice(when=condition(path.when), advice=path.advice)
                    for path in flag.on_path
                ),
                interrupts=flag.level == "crisis",
            )
            for flag in most_urgent_first(bank.flags)
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
        next_steps=tuple(
            ExplainedNextStep(
                title=step.title,
                show_if=condition(step.show_if) if step.show_if else None,
                hide_if=condition(step.hide_if) if step.hide_if else None,
            )
            for step in bank.next_steps
        ),
        menu=tuple(
            ExplainedMenuOrder(
                when=condition(order.when),
                first=tuple(titles[step_id] for step_id in order.first),
                closing=order.closing,
            )
            for order in bank.menu
        ),
    )


# --- phrases shared by the renderers and the demo ----------------------------------------


ScaleWords = Mapping[str, Mapping[str, str]]
"""Per scale item (by the name its conditions show), each option's code to its words."""


def scale_words(items: Iterable[ExplainedItem]) -> dict[str, dict[str, str]]:
    return {item.id: {o.code: o.text for o in item.options} for item in items if item.options}


def condition_text(
    condition: ExplainedCondition,
    words: TrainerStrings,
    labels: AnswerLabels,
    scales: ScaleWords | None = None,
) -> str:
    """'Q1 (used_past_year) is yes or not sure'; a scale's answers by their words ('Weekly')."""
    options = (scales or {}).get(condition.item, {})
    answers = words.or_word.join(
        options[answer] if answer in options else labels.of(answer) for answer in condition.answers
    )
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
