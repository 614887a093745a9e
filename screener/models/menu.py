"""The summary's menu of next steps, and how an answer orders it (FRAMES: a menu of options,
the person's own choice). An answer changes only the order and one closing sentence: a step
is shown or not by its own `show_if` and `hide_if`, never by the menu."""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from screener.models.base import Identifier, Model, Prose
from screener.models.condition import Condition


class NextStep(Model, frozen=True, kw_only=True):
    """One option in the summary's menu of next steps."""

    id: Annotated[
        Identifier | None,
        Meta(description="Stable id: the menu's `first` names it, the same in every language."),
    ] = None
    title: Prose
    text: Prose
    show_if: Condition | None = None
    hide_if: Annotated[
        Condition | None, Meta(description="Not shown when this holds, even if `show_if` does.")
    ] = None


class MenuOrder(Model, frozen=True, kw_only=True):
    """For the answers in `when`: which next steps come first, and one closing sentence. The
    first entry whose `when` holds applies; none holds, the bank's order and no closing."""

    when: Annotated[
        Condition, Meta(description="The answer this order is for, e.g. wanting to stop.")
    ]
    first: Annotated[
        tuple[Identifier, ...],
        Meta(
            description="Ids of next steps shown first, in this order; the rest follow in the "
            "bank's order. A step hidden by its own show_if or hide_if stays hidden."
        ),
    ] = ()
    closing: Annotated[
        Prose | None,
        Meta(
            description="One sentence after the next steps (FRAMES: it is the person's "
            "choice, and people do change)."
        ),
    ] = None
