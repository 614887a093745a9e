"""The result as JSON: the documented, stable contract (see docs/result-json.md)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import msgspec

from screener.models.result import Result
from screener.safetext import UNSAFE

if TYPE_CHECKING:
    from screener.reports.record import Screening


class JsonRenderer:
    """A record as the documented result JSON."""

    def render(self, screening: Screening) -> str:
        return render_json(screening.result)


def render_json(result: Result) -> str:
    """Indented JSON; control and invisible characters escaped, so it is safe in a terminal."""
    data = msgspec.to_builtins(result)
    _drop_translations(data["resources"])
    text = msgspec.json.format(msgspec.json.encode(data), indent=2).decode()
    # msgspec escapes C0 controls only. Unsafe characters can only sit inside strings, where
    # a \u escape reads back as the same character: the data is unchanged, the bytes safe.
    return UNSAFE.sub(_escaped, text) + "\n"


def _drop_translations(resources: dict[str, Any]) -> None:
    """A record lists contacts in its own language: the contacts file's translations for
    other languages are not part of the contract (docs/result-json.md)."""
    service = resources.get("service") or {}
    for contact in [*resources["contacts"], *service.get("contacts", [])]:
        contact.pop("translations", None)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # beyond the Basic Multilingual Plane: a UTF-16 surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
