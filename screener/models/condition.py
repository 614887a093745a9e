"""A condition on an earlier answer: what ask_if, flags, paths and next steps are made of."""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from screener.models.base import Code, Identifier, Model


class Condition(Model, frozen=True, kw_only=True):
    """True when an earlier item was answered with one of `answers`."""

    item: Annotated[Identifier, Meta(description="The id of an earlier item.")]
    answers: Annotated[
        tuple[Code, ...],
        Meta(
            min_length=1,
            description='Answers that make it true, quoted: ["yes", "unsure"], or the codes of '
            "the item's options.",
        ),
    ]
