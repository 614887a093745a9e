"""Interface wording per language: answer words, prompts, intake and trainer text."""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from screener.models.base import Model, Prose
from screener.models.comparison import CompareStrings
from screener.models.label_sets import (
    AnswerLabels,
    ContactKindLabels,
    IncompleteReasons,
    LevelLabels,
    WriteProblems,
)
from screener.models.options import ScaleStrings
from screener.models.trainer_wording import ScaleTrainerStrings


class AnswerWords(Model, frozen=True, kw_only=True):
    """What a person may type for each answer (besides 1, 2, 3), lower case."""

    yes: Annotated[tuple[str, ...], Meta(min_length=1)]
    no: Annotated[tuple[str, ...], Meta(min_length=1)]
    unsure: Annotated[tuple[str, ...], Meta(min_length=1)]


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
    keys_by_line: Prose
    """Said where keys come a line at a time (a pipe, TERM=dumb): Esc needs Enter there."""
    start_prompt: Prose
    start_not_understood: Prose
    progress: Prose
    choices: Prose
    commands: Prose
    choices_plain: Prose
    choices_plain_brief: Prose
    """Plain mode's brief hint after the first question, naming the quick exit: the full
    `choices_plain` is said once (a listener heard it 21 times, 36 % of the questions)."""
    answer_prompt: Prose
    earlier_answer: Prose
    not_understood: Prose
    first_question: Prose
    help_label: Prose
    gate_skip: Prose
    crisis_heading: Prose
    crisis_continue: Prose
    crisis_not_understood: Prose
    crisis_contacts_heading: Prose
    crisis_emergency: Prose
    crisis_again: Prose
    region_line: Prose
    region_chosen: Prose
    """Whose contacts these are, once the person has answered the region question."""
    region_question: Prose
    region_elsewhere: Prose
    region_prompt: Prose
    region_not_understood: Prose
    crisis_stopped: Prose
    crisis_more: Prose
    """After the reminder's lines when a service lists its own: how many more, and where."""
    sent_to_stdout: Prose
    """The record went to standard output, a pipe: sent on, not "not saved"."""
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
    short_heading: Prose
    """Over the summary's short version on screen: urgent advice a line each, the result in
    a sentence, the contacts. Records keep only the full text."""
    short_advice: Prose
    """In the short version, after the result: the titles of the other advice raised
    ({titles}), so a count of 0 is never all a person hears before the contacts."""
    parts_heading: Prose
    parts_intro: Prose
    """After the short version in plain mode: the full text's parts, {parts} by number."""
    part_title: Prose
    crisis_heard: Prose
    """In the summary in place of the crisis block the person has just heard on its screen."""
    answers_heading: Prose
    saved_nothing: Prose
    saved_to: Prose
    save_failed: Prose
    write_problems: WriteProblems
    """The {reason} of save_failed (and the intake's record_save_failed): why the record a
    person or counsellor sees the summary of could not be written, in their language."""
    save_elsewhere_prompt: Prose
    save_skipped: Prose
    unsure_which: Prose
    """Which questions were answered not sure: {questions}."""
    review_heading: Prose
    """The self-check's list of answers before the result."""
    review_intro: Prose
    review_prompt: Prose
    review_not_understood: Prose
    """{last}: the last number on the list."""
    keep_copy_explain: Prose
    """Before the offer: who can read the copy, and where it goes."""
    keep_copy_prompt: Prose
    """The offer to save a copy at the end of a self-check: {suggested}, a file name."""
    keep_copy_skipped: Prose
    pager_prompt: Prose
    """The last line while a long summary is paged (less): how to read on and how to leave."""
    pager_end: Prose
    """The same line on the summary's last page."""
    professional_heading: Prose
    professional_count: Prose
    professional_band: Prose
    professional_band_not_assessed: Prose
    professional_band_terms: dict[str, str]
    """The DSM-5 word for a band id in this language (severe: grave); the id where none."""
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
    resources: ResourcesStrings
    intake: IntakeStrings
    compare: CompareStrings
    trainer: Annotated[
        TrainerStrings | None,
        Meta(
            description="Wording of the trainer tools; English is used where a language has none."
        ),
    ] = None
    scale: ScaleStrings  # a scale question at the prompt (issue 22)


class ResourcesStrings(Model, frozen=True, kw_only=True):
    """`screener resources`: every contact a field a line, with when and where it was checked."""

    heading: Prose
    service_first: Prose
    phone: Prose
    text: Prose
    web: Prose
    hours: Prose
    checked: Prose
    kinds: ContactKindLabels


class IntakeStrings(Model, frozen=True, kw_only=True):
    """What `screener intake` says to the counsellor, and how its record is labelled."""

    heading: Prose
    intro: Annotated[tuple[Prose, ...], Meta(min_length=1)]
    client_explain: Prose
    client_prompt: Prose
    client_invalid: Prose
    about_criterion: Prose
    about_gate: Prose
    about_adaptation: Prose
    """A gate question that decides whether some criteria count ({criteria})."""
    about_health: Prose
    """A question that is no criterion and may raise a flag."""
    about_feedback: Prose
    """No criterion and no flag: its answer changes which next steps or advice show, or their
    order (the question on how a person feels about their use)."""
    about_recorded: Prose
    """No criterion, no flag, nothing in the feedback: its answer is only recorded."""
    choices: Prose
    commands: Prose
    choices_plain: Prose
    not_understood: Prose
    note_words: Annotated[tuple[str, ...], Meta(min_length=1)]
    note_prompt: Prose
    note_invalid: Prose
    note_too_long: Prose
    """A note over the limit, kept to shorten: {limit}, {length}, {over}."""
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
    record_save_follows: Prose
    """In place of record_not_saved when the intake offers to save right after the summary."""
    record_saved_to: Prose
    record_save_failed: Prose
    record_status: Prose
    record_incomplete: IncompleteReasons
    """The record's status line when it ended early, one for each way it can end."""
    record_incomplete_saved_to: Prose
    record_incomplete_sent: Prose
    """An incomplete record written to standard output that is a pipe (no file to name)."""
    record_title: Prose
    record_client: Prose
    record_no_client: Prose
    record_time: Prose
    record_mode: Prose
    mode_labels: dict[str, str]
    record_bank: Prose
    record_screener: Prose
    record_answers_heading: Prose
    record_facts_heading: Prose
    record_counsellor: Prose
    record_started: Prose
    record_duration: Prose
    duration_minutes: Prose
    record_closing_heading: Prose
    counsellor_explain: Prose
    counsellor_prompt: Prose
    counsellor_invalid: Prose
    closing_prompt: Prose
    review_client_words: Annotated[tuple[str, ...], Meta(min_length=1)]
    review_counsellor_words: Annotated[tuple[str, ...], Meta(min_length=1)]
    """At the review: change the counsellor's initials."""
    value_now_edit: Prose
    """Before a value to change that is there to edit: {value}."""
    value_now_keep: Prose
    """Before a value to change where keys come a line at a time: {value}."""
    discard_prompt: Prose
    discard_kept: Prose
    discarded: Prose
    crisis_continue: Prose
    """At the crisis screen, to the counsellor: carry on with the interview?"""
    region_line: Prose
    """Before the first question: whose contacts the client will be given ({region})."""
    """After the counsellor confirmed: the interview is gone, nothing saved."""
    crisis_stopped: Prose
    """The crisis stop in an intake, to the client as the crisis screen is: what was saved is
    said after it, by the one sentence of its ending, not in it."""
    save_prompt: Prose
    save_skipped: Prose
    fhir_criteria_met: Prose
    fhir_band: Prose
    fhir_flags: Prose
    fhir_note: Prose
    fhir_criteria_counted: Prose
    fhir_adaptations: Prose
    fhir_flag: Prose
    level_labels: LevelLabels


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
    band_on_path: Prose
    flag_on_path: Prose
    examples_heading: Prose
    example_entry: Prose
    teaches_label: Prose
    none_word: Prose
    help_label: Prose
    table_heading: Prose
    table_columns: Annotated[tuple[Prose, ...], Meta(min_length=5, max_length=5)]
    not_assessed_word: Prose
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
    demo_how_paced_one: Prose
    demo_how_paced_many: Prose
    demo_how_at_once: Prose
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
    whatif_heading: Prose
    whatif_help: Prose
    whatif_prompt: Prose
    whatif_list_words: Annotated[tuple[str, ...], Meta(min_length=1)]
    whatif_reset_words: Annotated[tuple[str, ...], Meta(min_length=1)]
    whatif_summary_words: Annotated[tuple[str, ...], Meta(min_length=1)]
    whatif_reset_done: Prose
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
    whatif_state_not_assessed: Prose
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
    scales: ScaleTrainerStrings
