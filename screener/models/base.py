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


Code = Annotated[
    str,
    Meta(
        pattern=r"^[a-z][a-z0-9_]*$",
        description='An answer as recorded: "yes", "no" or "unsure", or the code of one of the '
        "options the question declares (docs/answer-scales.md).",
    ),
]
"""An answer as files and records hold it. Every Answer is a Code; a question that declares
options (a scale) is answered with one of their codes, or "unsure" where it offers not sure."""


def yes_no(code: str) -> Answer:
    """A default answer (yes, no, unsure) as its own type. A scale option's code is refused
    where screener does not yet handle scales (docs/answer-scales.md: what remains)."""
    for answer in ANSWERS:
        if code == answer:
            return answer
    raise ValueError(
        f"'{code}' answers a scale question, which this part of screener does not support "
        "yet (docs/answer-scales.md)"
    )


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
