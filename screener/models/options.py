"""A question's own answers (a scale such as how often), declared in the bank."""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from screener.models.base import ANSWERS, Identifier, Model, Prose

RESERVED_CODES = ("yes", "no", "unsure")
"""The default answers' codes: an option never takes one, so a code names one thing."""


class Option(Model, frozen=True, kw_only=True):
    """One answer a scale question offers. Options are listed in the order they are offered;
    the order is the scale's (never, monthly, weekly, daily), so plain mode numbers them 1, 2, 3."""

    code: Annotated[
        Identifier,
        Meta(
            description="Stable code: answers files, records and conditions use it, in every "
            "language (never yes, no or unsure)."
        ),
    ]
    text: Annotated[
        Prose, Meta(description="The answer in the bank's language, as the person reads it.")
    ]
    key: Annotated[
        str,
        Meta(
            pattern=r"^[^\W\d_]{1,3}$",
            description="What to type for it: one to three letters (no digits: a number picks "
            "an option by its place), read in any case, unique in the question, no command's key "
            "(? b q x h, a in Spanish) and no word for not sure.",
        ),
    ]
    points: Annotated[
        Annotated[int, Meta(ge=0)] | None,
        Meta(
            description="Optional weight (e.g. ASSIST's 0, 2, 3, 4, 6): all of a question's "
            "options give points, or none do.",
        ),
    ] = None


def option_words(text: str) -> str:
    """An option's words as the prompt compares a typed line with them: lower case, single
    spaces, no surrounding punctuation (terminal/scale_prompt.py, bank checks alike)."""
    import unicodedata  # start-up: only a scale's prompt and the bank's checks compare words

    return " ".join(unicodedata.normalize("NFC", text).lower().split()).strip(" .!,;:")


def answer_codes(options: tuple[Option, ...], *, unsure: bool) -> tuple[str, ...]:
    """Every answer a question takes, in the order offered: yes, no and not sure without
    options; else the options' codes, then "unsure" when the question also offers not sure."""
    if not options:
        return ANSWERS
    codes = tuple(option.code for option in options)
    return (*codes, "unsure") if unsure else codes


class ScaleStrings(Model, frozen=True, kw_only=True):
    """How a question with its own answers is asked: its options by number and key."""

    choices_plain: Prose
    """Plain mode, the first scale question: how to answer one."""
    choices_plain_brief: Prose
    """Plain mode after it: {last}, the last number offered."""
    option_plain: Prose
    """One option as plain mode reads it: {number}, {text}, {key}."""
    not_understood: Prose
    """{last}, the last number; {keys}, the letters offered, comma-separated."""
    intake_choices_plain: Prose
    intake_not_understood: Prose
    professional_heading: Prose
    """The professional view, beside the criteria: the scale answers, never counted."""
    professional_answer: Prose
    """One scale answer there: {item} (its label), {answer} (the option's words)."""
    professional_points: Prose
    """One whose option has points: {item}, {answer}, {points}."""
