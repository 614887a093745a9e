"""A question bank as declared in YAML: items, clusters, bands, flags, examples."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from screener.models.base import Code, Identifier, ItemKind, Level, Model, Prose
from screener.models.condition import Condition as Condition
from screener.models.menu import MenuOrder as MenuOrder
from screener.models.menu import NextStep as NextStep
from screener.models.options import Option, answer_codes
from screener.models.result import BankReference

MAX_LABEL = 40
"""A label names a question on one line of a review screen, beside its criterion."""
Label = Annotated[str, Meta(min_length=1, max_length=MAX_LABEL, pattern=r"^[^\n]+$")]


class Item(Model, frozen=True, kw_only=True):
    """One question."""

    id: Annotated[Identifier, Meta(description="Stable id; answers files and records use it.")]
    kind: Annotated[
        ItemKind,
        Meta(description="gate (decides the path), criterion (counted), health (raises flags)."),
    ]
    text: Annotated[Prose, Meta(description="The question, in plain second-person words.")]
    help: Annotated[Prose, Meta(description="Shown on '?': what the question means, examples.")]
    label: Annotated[
        Label | None,
        Meta(
            description="Short professional name shown to counsellors and trainers, e.g. "
            "'Gave up activities'; default: the id."
        ),
    ] = None
    short: Annotated[
        Label | None,
        Meta(
            description="A few plain words the person reads for the question where their "
            "answers are listed (their check of the answers, the 'not sure' list), e.g. "
            "'Wanted to cut down but couldn't'; default: the label."
        ),
    ] = None
    criterion: Annotated[
        int | None, Meta(description="Criterion items only: the criterion number.")
    ] = None
    cluster: Annotated[
        Identifier | None, Meta(description="Criterion items only: the id of its cluster.")
    ] = None
    ask_if: Annotated[
        Condition | None, Meta(description="Asked only when this holds; otherwise skipped.")
    ] = None
    why: Annotated[
        Prose | None,
        Meta(
            description="Trainer note: why the question matters, in plain words "
            "(shown by 'screener explain', never to the person)."
        ),
    ] = None
    options: Annotated[
        tuple[Option, ...],
        Meta(
            description="A scale: the answers this question offers, in order, instead of yes, "
            "no and not sure (gate and health items only; criteria stay yes or no)."
        ),
    ] = ()
    unsure: Annotated[
        bool | None,
        Meta(
            description="Items with options only: true offers 'not sure' after the options "
            '(answered "unsure"). Yes/no items always offer it.'
        ),
    ] = None

    @property
    def codes(self) -> tuple[str, ...]:
        """Every answer this question takes, in the order offered."""
        return answer_codes(self.options, unsure=bool(self.unsure))

    def option(self, code: str) -> Option | None:
        """The declared option with this code, if the question is a scale."""
        return next((option for option in self.options if option.code == code), None)

    @property
    def name(self) -> str:
        """What a counsellor or trainer reads for the question: its label, else its id."""
        return self.label or self.id

    @property
    def plain_name(self) -> str:
        """What the person reads for the question in a list of their answers."""
        return self.short or self.name


class Cluster(Model, frozen=True, kw_only=True):
    """A named group of criteria (for example impaired control)."""

    id: Identifier
    title: Annotated[Prose, Meta(description="Plain name the person reads.")]
    term: Annotated[
        Prose | None, Meta(description="Professional name for counsellors; default: title.")
    ] = None


class BandPathAdvice(Model, frozen=True, kw_only=True):
    """A band's advice for one path through the questions, such as prescribed treatment."""

    when: Annotated[
        Condition, Meta(description="The path: said instead of the band's `advice` when true.")
    ]
    advice: Annotated[Prose, Meta(description="Instead of the band's `advice` on this path.")]


class Band(Model, frozen=True, kw_only=True):
    """A range of criteria counts and what to say about it."""

    id: Identifier
    min: Annotated[int, Meta(ge=0, description="Lowest count in this band.")]
    max: Annotated[int, Meta(ge=0, description="Highest count in this band.")]
    label: Annotated[Prose, Meta(description="Short professional name, e.g. 'mild'.")]
    message: Annotated[Prose, Meta(description="What the person reads: plain, non-diagnostic.")]
    message_if_unclear: Annotated[
        Prose | None,
        Meta(
            description="Said instead of `message` when 'not sure' answers, if they were 'yes', "
            "would put the count in another band."
        ),
    ] = None
    message_if_flagged: Annotated[
        Prose | None,
        Meta(
            description="Said instead of `message` when any flag is raised (info, medical, "
            "urgent or crisis): speaks only of the pattern of use and points back to the advice."
        ),
    ] = None
    message_if_one: Annotated[
        Prose | None,
        Meta(
            description="Said instead of `message` and `message_if_flagged` when exactly one "
            "criterion is met (and 'not sure' answers could not change the band): one sign worded "
            "as what it is, never as 'no pattern' or 'few'."
        ),
    ] = None
    could_be: Annotated[
        Prose | None,
        Meta(
            description="Said when 'not sure' answers, if they were 'yes', would put the count "
            "in this band (and it is not the band of the count itself)."
        ),
    ] = None
    advice: Annotated[
        Prose | None,
        Meta(
            description="One plain sentence of advice said after the band's message, as a "
            "brief intervention gives it (WHO ASSIST feedback): an option, never an order."
        ),
    ] = None
    advice_on_path: Annotated[
        tuple[BandPathAdvice, ...],
        Meta(
            description="Advice for a path, e.g. prescribed treatment: the first whose `when` "
            "holds is said instead of `advice`."
        ),
    ] = ()


class Gate(Model, frozen=True, kw_only=True):
    """The question that decides whether the criteria apply at all."""

    item: Annotated[Identifier, Meta(description="The id of the gate item.")]
    closed_when: Annotated[tuple[Code, ...], Meta(min_length=1)]
    message: Annotated[Prose, Meta(description="Said when the gate closes the criteria.")]


class Adaptation(Model, frozen=True, kw_only=True):
    """A declared change to the counting, for example tolerance under prescription."""

    id: Identifier
    name: Annotated[
        Prose,
        Meta(
            description="Short professional name shown to counsellors and trainers instead of "
            "the id, e.g. 'tolerance under prescription'."
        ),
    ]
    when: Condition
    not_counted: Annotated[
        tuple[Identifier, ...], Meta(min_length=1, description="Criterion item ids not counted.")
    ]
    message: Annotated[Prose, Meta(description="Tells the person the adaptation was made.")]
    unsure_message: Annotated[
        Prose | None,
        Meta(
            description="Said when the question in `when` was answered not sure, so the "
            "adaptation was not made: what was counted, and why."
        ),
    ] = None


class Scoring(Model, frozen=True, kw_only=True):
    """How answers become a count and a band."""

    method: Annotated[
        Literal["count_yes"], Meta(description="count_yes: each 'yes' on a criterion counts 1.")
    ]
    criteria: Annotated[int, Meta(ge=1, description="How many criteria the bank has.")]
    window: Annotated[Prose, Meta(description="The time the questions ask about.")]
    gate: Gate | None = None
    adaptations: tuple[Adaptation, ...] = ()
    bands: Annotated[tuple[Band, ...], Meta(min_length=1)]


class PathAdvice(Model, frozen=True, kw_only=True):
    """A flag's advice for one path through the questions, such as prescribed treatment."""

    when: Annotated[
        Condition, Meta(description="The path: said instead of the flag's own advice when true.")
    ]
    advice: Annotated[Prose, Meta(description="Instead of the flag's `advice` on this path.")]
    unsure_advice: Annotated[
        Prose | None,
        Meta(
            description="Instead of the flag's `unsure_advice` on this path; default: this "
            "path's `advice` (never the other path's words)."
        ),
    ] = None


class Flag(Model, frozen=True, kw_only=True):
    """Advice raised by answers, whatever the count."""

    id: Identifier
    level: Annotated[
        Level, Meta(description="info, medical, urgent, or crisis (shown at once, with contacts).")
    ]
    when_any: Annotated[
        tuple[Condition, ...], Meta(min_length=1, description="Raised when any of these holds.")
    ]
    title: Prose
    advice: Prose
    if_unsure: Annotated[
        Literal["raise", "ignore"] | None,
        Meta(
            description="What 'not sure' to a question in `when_any` does: raise the flag too, "
            'or ignore it. Needed unless every condition lists "unsure".'
        ),
    ] = None
    unsure_advice: Annotated[
        Prose | None,
        Meta(
            description="Advice shown instead of `advice` when only 'not sure' answers raised it."
        ),
    ] = None
    on_path: Annotated[
        tuple[PathAdvice, ...],
        Meta(
            description="Advice for a path, e.g. prescribed treatment: the first whose `when` "
            "holds is said instead of `advice` and `unsure_advice`."
        ),
    ] = ()


class Source(Model, frozen=True, kw_only=True):
    """Where the bank's content comes from."""

    title: Prose
    url: str | None = None
    note: Annotated[
        str | None, Meta(description="For readers: what the source supports in this bank.")
    ] = None
    review: Annotated[
        str | None,
        Meta(
            description="For bank authors only: what is still to check. Never shown, "
            "so a trainer's handout carries no drafting notes."
        ),
    ] = None


class Expectation(Model, frozen=True, kw_only=True):
    """What scoring an example's answers must give; 'screener validate' checks every key given."""

    band: Annotated[
        Identifier | None,
        Meta(description="The id of the band the answers fall in; null when the gate closes."),
    ]
    flags: Annotated[
        tuple[Identifier, ...],
        Meta(description="The id of every flag the answers raise, in any order; [] for none."),
    ]
    criteria_met: Annotated[
        Annotated[int, Meta(ge=0)] | None, Meta(description="Optional: the criteria counted.")
    ] = None
    criteria_applicable: Annotated[
        Annotated[int, Meta(ge=0)] | None,
        Meta(description="Optional: the criteria asked and counted (fewer under an adaptation)."),
    ] = None
    gate_closed: Annotated[
        bool | None, Meta(description="Optional: true when the gate closes the criteria.")
    ] = None
    adaptations: Annotated[
        tuple[Identifier, ...] | None,
        Meta(description="Optional: the ids of the adaptations that apply; [] for none."),
    ] = None
    unsure: Annotated[
        tuple[Identifier, ...] | None,
        Meta(description="Optional: the ids of the items answered not sure; [] for none."),
    ] = None


class Example(Model, frozen=True, kw_only=True):
    """A worked example (persona) for trainers: a story, its answers, and the result to expect."""

    id: Annotated[Identifier, Meta(description="Stable id: 'screener demo <id>' plays it.")]
    name: Annotated[Prose, Meta(description="A fictional first name.")]
    story: Annotated[
        Prose,
        Meta(description="A short, non-judging story; its first sentence is the one-line summary."),
    ]
    teaches: Annotated[Prose | None, Meta(description="Trainer note: what this example shows.")] = (
        None
    )
    answers: Annotated[
        dict[Identifier, Code],
        Meta(
            description='Item id to "yes", "no" or "unsure" (quoted), or an option\'s code, for '
            "every item asked."
        ),
    ]
    expect: Expectation


class Bank(Model, frozen=True, kw_only=True):
    """A question bank: one instrument in one language."""

    id: Identifier
    version: Annotated[str, Meta(pattern=r"^\d+\.\d+\.\d+$", description="Semantic version.")]
    language: Annotated[str, Meta(pattern=r"^[a-z]{2}$", description="ISO 639-1 code.")]
    title: Prose
    substance: Prose
    sources: Annotated[tuple[Source, ...], Meta(min_length=1)]
    intro: Annotated[tuple[Prose, ...], Meta(min_length=1, description="Paragraphs first shown.")]
    clusters: Annotated[tuple[Cluster, ...], Meta(min_length=1)]
    items: Annotated[tuple[Item, ...], Meta(min_length=1)]
    scoring: Scoring
    flags: tuple[Flag, ...] = ()
    next_steps: Annotated[tuple[NextStep, ...], Meta(min_length=1)]
    menu: Annotated[
        tuple[MenuOrder, ...],
        Meta(description="The next steps' order and closing words by an answer (docs: menu)."),
    ] = ()
    disclaimer: Annotated[Prose, Meta(description="The not-a-diagnosis line.")]
    examples: Annotated[
        tuple[Example, ...],
        Meta(
            description="Worked examples (personas) for trainers; 'screener validate' scores them."
        ),
    ] = ()


class LoadedBank(msgspec.Struct, frozen=True):
    """A checked bank and the exact file it came from."""

    bank: Bank
    file: str
    sha256: str

    def reference(self) -> BankReference:
        """How a record or handout names this exact bank."""
        bank = self.bank
        return BankReference(
            id=bank.id,
            version=bank.version,
            language=bank.language,
            title=bank.title,
            sha256=self.sha256,
        )
