"""The professional view's words for answers on a scale (how often, how the person feels):
shown beside the criteria, never counted."""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from screener.models.base import Model, Prose


class ScaleWords(Model, frozen=True, kw_only=True):
    heading: Annotated[Prose, Meta(description="Above the scale answers: not criteria.")]
    answer: Annotated[Prose, Meta(description="One answer: {item}, {answer}.")]
    points: Annotated[
        Prose, Meta(description="One answer whose option has points: {item}, {answer}, {points}.")
    ]
