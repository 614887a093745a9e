"""One module per output format; `render` picks one by the Format enum."""

from __future__ import annotations

import enum
from typing import NoReturn


class Format(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    fhir = "fhir"


def assert_never(value: NoReturn) -> NoReturn:  # typing.assert_never is Python 3.11+
    raise AssertionError(f"unhandled value: {value!r}")
