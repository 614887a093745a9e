"""One module per output format; `render` picks one by the Format enum."""

from __future__ import annotations

import enum
from typing import NoReturn


class Format(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    fhir = "fhir"


class ExplainFormat(str, enum.Enum):
    """The formats of 'screener explain': text on screen, a Markdown handout, JSON for tools."""

    text = "text"
    markdown = "markdown"
    json = "json"


def assert_never(value: NoReturn) -> NoReturn:  # typing.assert_never is Python 3.11+
    raise AssertionError(f"unhandled value: {value!r}")
