"""What the trainer tools say about a question with its own answers (a scale, issue 22)."""

from __future__ import annotations

from screener.models.base import Model, Prose


class ScaleTrainerStrings(Model, frozen=True, kw_only=True):
    """A scale's options in explain and the handout, and setting one in what-if."""

    # explain and the handout
    options_label: Prose
    not_criterion: Prose
    option_entry: Prose
    option_points: Prose
    option_unsure: Prose
    effects_none: Prose
    effect_asks: Prose
    effect_flag: Prose
    effect_step_shown: Prose
    effect_step_hidden: Prose
    effect_menu_first: Prose
    effect_menu_closing: Prose
    effect_band_path: Prose
    effect_flag_path: Prose
    effect_adaptation: Prose
    effect_gate: Prose
    steps_heading: Prose
    step_always: Prose
    step_shown_if: Prose
    step_hidden_if: Prose
    # what-if
    whatif_scale_help: Prose
    whatif_takes: Prose
    whatif_take: Prose
    whatif_now_skipped: Prose
    whatif_now_asked: Prose
    change_band_words: Prose
    change_step_shown: Prose
    change_step_hidden: Prose
    change_steps_order: Prose
    change_closing: Prose
    change_closing_gone: Prose
    """Said when the answer leaves the person no closing sentence (it had one before)."""
