"""What the FHIR Questionnaire and its responses share beyond the names: codings, the flag's
words, JSON out. The names (URLs, systems, linkIds) are in models/fhir_names.py, which the
reader in files/fhir_response.py uses too."""

from __future__ import annotations

import json
from typing import Any

from screener.models.base import Answer, Level
from screener.models.fhir_names import ANSWER_SYSTEM
from screener.models.wording import UiStrings
from screener.rules.labels import level_label

Json = dict[str, Any]


def answer_coding(answer: Answer, strings: UiStrings) -> Json:
    return coding(ANSWER_SYSTEM, answer, strings.answer_labels.of(answer))


def coding(system: str, code: str, display: str | None = None) -> Json:
    found: Json = {"system": system, "code": code}
    if display is not None:
        found["display"] = display
    return found


def flag_display(level: Level, title: str, strings: UiStrings) -> str:
    """The level travels in the words, so a reader never mistakes a crisis for a note."""
    return strings.intake.fhir_flag.format(level=level_label(level, strings), title=title)


def to_json(resource: Json) -> str:
    return json.dumps(resource, indent=2, ensure_ascii=False) + "\n"
