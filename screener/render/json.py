"""The result as JSON: the documented, stable contract (see docs/result-json.md)."""

from __future__ import annotations

import msgspec

from screener.models import Result


def render_json(result: Result) -> str:
    return msgspec.json.format(msgspec.json.encode(result), indent=2).decode() + "\n"
