"""Frozen msgspec models: the bank and contacts formats, and the result of a screening."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

Answer = Literal["yes", "no", "unsure"]
"""What a person can say to any question; "unsure" is shown as "not sure"."""

ANSWERS: tuple[Answer, ...] = ("yes", "no", "unsure")

ItemKind = Literal["gate", "criterion", "health"]
Level = Literal["info", "medical", "urgent", "crisis"]
ContactKind = Literal["drugs", "crisis", "health", "emergency", "directory"]

Identifier = Annotated[
    str,
    Meta(
        pattern=r"^[a-z][a-z0-9_]*$",
        description="A stable id: lower case letters, digits and underscores.",
    ),
]
Prose = Annotated[str, Meta(min_length=1, description="Plain text shown as written.")]


class Model(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Base for every model: immutable, and a typo in a key is an error, not silence."""


# --- the bank ---------------------------------------------------------------------------


class Condition(Model, frozen=True, kw_only=True):
    """True when an earlier item was answered with one of `answers`."""

    item: Annotated[Identifier, Meta(description="The id of an earlier item.")]
    answers: Annotated[
        tuple[Answer, ...],
        Meta(min_length=1, description='Answers that make it true, quoted: ["yes", "unsure"].'),
    ]


class Item(Model, frozen=True, kw_only=True):
    """One question."""

    id: Annotated[Identifier, Meta(description="Stable id; answers files and records use it.")]
    kind: Annotated[
        ItemKind,
        Meta(description="gate (decides the path), criterion (counted), health (raises flags)."),
    ]
    text: Annotated[Prose, Meta(description="The question, in plain second-person words.")]
    help: Annotated[Prose, Meta(description="Shown on '?': what the question means, examples.")]
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


class Cluster(Model, frozen=True, kw_only=True):
    """A named group of criteria (for example impaired control)."""

    id: Identifier
    title: Annotated[Prose, Meta(description="Plain name the person reads.")]
    term: Annotated[
        Prose | None, Meta(description="Professional name for counsellors; default: title.")
    ] = None


class Band(Model, frozen=True, kw_only=True):
    """A range of criteria counts and what to say about it."""

    id: Identifier
    min: Annotated[int, Meta(ge=0, description="Lowest count in this band.")]
    max: Annotated[int, Meta(ge=0, description="Highest count in this band.")]
    label: Annotated[Prose, Meta(description="Short professional name, e.g. 'mild'.")]
    message: Annotated[Prose, Meta(description="What the person reads: plain, non-diagnostic.")]


class Gate(Model, frozen=True, kw_only=True):
    """The question that decides whether the criteria apply at all."""

    item: Annotated[Identifier, Meta(description="The id of the gate item.")]
    closed_when: Annotated[tuple[Answer, ...], Meta(min_length=1)]
    message: Annotated[Prose, Meta(description="Said when the gate closes the criteria.")]


class Adaptation(Model, frozen=True, kw_only=True):
    """A declared change to the counting, for example tolerance under prescription."""

    id: Identifier
    when: Condition
    not_counted: Annotated[
        tuple[Identifier, ...], Meta(min_length=1, description="Criterion item ids not counted.")
    ]
    message: Annotated[Prose, Meta(description="Tells the person the adaptation was made.")]


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


class NextStep(Model, frozen=True, kw_only=True):
    """One option in the summary's menu of next steps."""

    title: Prose
    text: Prose
    show_if: Condition | None = None


class Source(Model, frozen=True, kw_only=True):
    """Where the bank's content comes from."""

    title: Prose
    url: str | None = None
    note: str | None = None


class Expectation(Model, frozen=True, kw_only=True):
    """What scoring an example's answers must give; 'screener validate' checks every key given."""

    band: Annotated[Identifier, Meta(description="The id of the band the answers fall in.")]
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
        dict[Identifier, Answer],
        Meta(description='Item id to "yes", "no" or "unsure" (quoted), for every item asked.'),
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
    disclaimer: Annotated[Prose, Meta(description="The not-a-diagnosis line.")]
    examples: Annotated[
        tuple[Example, ...],
        Meta(
            description="Worked examples (personas) for trainers; 'screener validate' scores them."
        ),
    ] = ()


# --- contacts ---------------------------------------------------------------------------


class ContactTranslation(Model, frozen=True, kw_only=True):
    """A contact's words in another language; what is left out stays as written."""

    name: Prose | None = None
    description: Prose | None = None
    hours: str | None = None


class Contact(Model, frozen=True, kw_only=True):
    """A service a person can reach."""

    name: Prose
    kind: Annotated[
        ContactKind, Meta(description="drugs, crisis, health, emergency, or directory.")
    ]
    description: Prose
    phone: str | None = None
    text: Annotated[str | None, Meta(description="A number to send a text message to.")] = None
    web: str | None = None
    hours: str | None = None
    checked: Annotated[datetime.date, Meta(description="When the details were last checked.")]
    source: Annotated[Prose, Meta(description="Where they were checked.")]
    translations: Annotated[
        dict[str, ContactTranslation],
        Meta(description="By language code, e.g. es: its name, description or hours there."),
    ] = msgspec.field(default_factory=dict)


class Region(Model, frozen=True, kw_only=True):
    """The contacts for one place."""

    id: Identifier
    name: Prose
    territories: Annotated[
        tuple[str, ...], Meta(description="Locale territory codes that mean this region, e.g. GB.")
    ] = ()
    contacts: Annotated[tuple[Contact, ...], Meta(min_length=1)]
    translations: Annotated[
        dict[str, RegionTranslation], Meta(description="By language code: the region's name.")
    ] = msgspec.field(default_factory=dict)


class RegionTranslation(Model, frozen=True, kw_only=True):
    name: Prose


class ContactBook(Model, frozen=True, kw_only=True):
    """All regions, and the one used when no region matches."""

    fallback: Identifier
    regions: Annotated[tuple[Region, ...], Meta(min_length=1)]


class ServiceContacts(Model, frozen=True, kw_only=True):
    """A counselling service's own contacts, listed before the region's in every summary."""

    service: Annotated[Prose, Meta(description="The service's name, as the record names it.")]
    contacts: Annotated[
        tuple[Contact, ...], Meta(min_length=1, description="In the order they are shown.")
    ]


# --- the result -------------------------------------------------------------------------


class BankReference(Model, frozen=True, kw_only=True):
    """Which bank produced a result, exactly."""

    id: str
    version: str
    language: str
    title: str
    sha256: str


class BandResult(Model, frozen=True, kw_only=True):
    id: str
    label: str
    message: str
    min: int
    max: int


class ClusterResult(Model, frozen=True, kw_only=True):
    id: str
    title: str
    term: str
    met: int
    of: int
    unsure: int


class CriterionResult(Model, frozen=True, kw_only=True):
    number: int
    item: str
    cluster: str
    answer: Answer | None
    counted: bool


class RaisedFlag(Model, frozen=True, kw_only=True):
    id: str
    level: Level
    title: str
    advice: str


class AppliedAdaptation(Model, frozen=True, kw_only=True):
    id: str
    message: str


class Score(Model, frozen=True, kw_only=True):
    """What scoring a set of answers against a bank yields: pure, no context."""

    answers: dict[str, Answer]
    criteria_met: int
    criteria_applicable: int
    criteria_total: int
    unsure: tuple[str, ...]
    gate_closed: bool
    band: BandResult
    clusters: tuple[ClusterResult, ...]
    criteria: tuple[CriterionResult, ...]
    adaptations: tuple[AppliedAdaptation, ...]
    flags: tuple[RaisedFlag, ...]


class ResourcesResult(Model, frozen=True, kw_only=True):
    region: str
    name: str
    contacts: tuple[Contact, ...]
    service: ServiceContacts | None = None
    """The service whose own contacts come first in `contacts`, if one was given."""


class Result(Model, frozen=True, kw_only=True):
    """The record of one screening: the contract behind `--format json`."""

    screener_version: str
    bank: BankReference
    answers: dict[str, Answer]
    criteria_met: int
    criteria_applicable: int
    criteria_total: int
    unsure: tuple[str, ...]
    gate_closed: bool
    gate_message: str | None
    band: BandResult
    clusters: tuple[ClusterResult, ...]
    criteria: tuple[CriterionResult, ...]
    adaptations: tuple[AppliedAdaptation, ...]
    flags: tuple[RaisedFlag, ...]
    resources: ResourcesResult
    disclaimer: str
    mode: Literal["self", "intake"] = "self"
    """self: a person on their own; intake: a counsellor with a client."""
    client: str | None = None
    """The intake's client reference (a short code, never required to be a name)."""
    recorded_at: str | None = None
    """When the answers were recorded: ISO 8601 with the time zone offset."""
    notes: dict[str, str] = {}
    """The counsellor's one-line notes, by item id."""


# --- interface wording ------------------------------------------------------------------


class AnswerWords(Model, frozen=True, kw_only=True):
    """What a person may type for each answer (besides 1, 2, 3), lower case."""

    yes: Annotated[tuple[str, ...], Meta(min_length=1)]
    no: Annotated[tuple[str, ...], Meta(min_length=1)]
    unsure: Annotated[tuple[str, ...], Meta(min_length=1)]


class AnswerLabels(Model, frozen=True, kw_only=True):
    """How each answer is written back to the person."""

    yes: Prose
    no: Prose
    unsure: Prose

    def of(self, answer: Answer) -> str:
        return str(getattr(self, answer))


class CommandWords(Model, frozen=True, kw_only=True):
    back: Annotated[tuple[str, ...], Meta(min_length=1)]
    help: Annotated[tuple[str, ...], Meta(min_length=1)]
    quit: Annotated[tuple[str, ...], Meta(min_length=1)]


class UiStrings(Model, frozen=True, kw_only=True):
    """Every sentence the program itself says, in one language; {names} are filled in."""

    language: Annotated[str, Meta(pattern=r"^[a-z]{2}$")]
    answer_words: AnswerWords
    answer_labels: AnswerLabels
    command_words: CommandWords
    how_to_answer: Prose
    start_prompt: Prose
    progress: Prose
    choices: Prose
    commands: Prose
    choices_plain: Prose
    answer_prompt: Prose
    earlier_answer: Prose
    not_understood: Prose
    first_question: Prose
    help_label: Prose
    gate_skip: Prose
    crisis_heading: Prose
    crisis_continue: Prose
    crisis_contacts_heading: Prose
    crisis_stopped: Prose
    quit_message: Prose
    interrupted: Prose
    talk_to: Prose
    flags_heading: Prose
    result_heading: Prose
    result_count: Prose
    result_not_counted: Prose
    unsure_one: Prose
    unsure_many: Prose
    clusters_heading: Prose
    cluster_line: Prose
    cluster_unsure: Prose
    next_heading: Prose
    next_intro: Prose
    contacts_heading: Prose
    contact_call: Prose
    contact_text: Prose
    contact_web: Prose
    about_heading: Prose
    answers_heading: Prose
    saved_nothing: Prose
    saved_to: Prose
    professional_heading: Prose
    professional_count: Prose
    professional_band: Prose
    professional_gate: Prose
    professional_adaptation: Prose
    professional_unsure: Prose
    professional_criteria_heading: Prose
    professional_criterion: Prose
    professional_not_counted: Prose
    professional_not_asked: Prose
    professional_clusters_heading: Prose
    professional_flags_heading: Prose
    professional_no_flags: Prose
    intake: IntakeStrings
    trainer: Annotated[
        TrainerStrings | None,
        Meta(
            description="Wording of the trainer tools; English is used where a language has none."
        ),
    ] = None


class IntakeStrings(Model, frozen=True, kw_only=True):
    """What `screener intake` says to the counsellor, and how its record is labelled."""

    heading: Prose
    intro: Annotated[tuple[Prose, ...], Meta(min_length=1)]
    client_explain: Prose
    client_prompt: Prose
    client_invalid: Prose
    about_criterion: Prose
    about_gate: Prose
    about_health: Prose
    choices: Prose
    commands: Prose
    choices_plain: Prose
    not_understood: Prose
    note_words: Annotated[tuple[str, ...], Meta(min_length=1)]
    note_prompt: Prose
    note_invalid: Prose
    note_line: Prose
    note_kept: Prose
    note_removed: Prose
    review_heading: Prose
    review_intro: Prose
    review_prompt: Prose
    review_not_understood: Prose
    criterion_label: Prose
    kind_labels: dict[str, str]
    contacts_heading: Prose
    record_not_saved: Prose
    record_saved_to: Prose
    record_title: Prose
    record_client: Prose
    record_no_client: Prose
    record_time: Prose
    record_mode: Prose
    mode_labels: dict[str, str]
    record_bank: Prose
    record_screener: Prose
    record_answers_heading: Prose
    fhir_criteria_met: Prose
    fhir_band: Prose
    fhir_flags: Prose
    fhir_note: Prose


class TrainerStrings(Model, frozen=True, kw_only=True):
    """What explain, demo and what-if say to a trainer; {names} are filled in."""

    # explain
    explain_about: Prose
    explain_not_diagnosis: Prose
    scoring_heading: Prose
    rule_count: Prose
    rule_gate: Prose
    rule_asked_if: Prose
    rule_adaptation: Prose
    criterion_reference: Prose
    condition: Prose
    or_word: Prose
    and_word: Prose
    person_reads: Prose
    clusters_heading: Prose
    cluster_entry: Prose
    criteria_numbers: Prose
    criterion_number: Prose
    questions_heading: Prose
    item_gate: Prose
    item_criterion: Prose
    item_health: Prose
    why_label: Prose
    bands_heading: Prose
    band_entry: Prose
    flags_heading: Prose
    flag_entry: Prose
    flag_interrupts: Prose
    examples_heading: Prose
    example_entry: Prose
    teaches_label: Prose
    none_word: Prose
    sources_heading: Prose
    handout_title: Prose
    handout_footer: Prose
    # demo
    personas_heading: Prose
    personas_columns: Annotated[tuple[Prose, ...], Meta(min_length=4, max_length=4)]
    persona_line: Prose
    personas_hint: Prose
    no_personas: Prose
    story_heading: Prose
    demo_how: Prose
    demo_how_paced: Prose
    demo_answer: Prose
    demo_not_counted: Prose
    demo_flag: Prose
    demo_adaptation: Prose
    demo_gate: Prose
    demo_crisis: Prose
    demo_pause: Prose
    demo_stopped: Prose
    demo_person_heading: Prose
    demo_matches: Prose
    tally_label: Prose
    tally_total: Prose
    tally_cell: Prose
    tally_unsure: Prose
    # what-if
    whatif_heading: Prose
    whatif_help: Prose
    whatif_prompt: Prose
    whatif_list_words: Annotated[tuple[str, ...], Meta(min_length=1)]
    whatif_answer: Prose
    whatif_unanswered: Prose
    whatif_skipped: Prose
    whatif_flipped: Prose
    whatif_no_question: Prose
    whatif_not_asked: Prose
    whatif_not_understood: Prose
    whatif_now_asked: Prose
    whatif_changed: Prose
    whatif_nothing_changed: Prose
    whatif_state: Prose
    whatif_flags: Prose
    change_met: Prose
    change_applicable: Prose
    change_band: Prose
    change_cluster: Prose
    change_flag_raised: Prose
    change_flag_cleared: Prose
    change_gate: Prose
    gate_open: Prose
    gate_closed: Prose
    change_adaptation_on: Prose
    change_adaptation_off: Prose
    change_unsure: Prose
