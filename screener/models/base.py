"""What every model shares: the base Struct, answers, levels and id rules."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

Answer = Literal["yes", "no", "unsure"]
"""What a person can say to any question; "unsure" is shown as "not sure"."""


ANSWERS: tuple[Answer, ...] = ("yes", "no", "unsure")
NUMBERED: dict[str, Answer] = {"1": "yes", "2": "no", "3": "unsure"}
"""The digits a person may type for an answer, in the order the answers are offered."""


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
