"""What the FHIR Questionnaire and its responses share beyond the names: codings, the flag's
words, JSON out. The names (URLs, systems, linkIds) are in models/fhir_names.py, which the
reader in files/fhir_response.py uses too."""

from __future__ import annotations

import json
from typing import Any

from screener.models.bank import Item
from screener.models.base import Answer, Level, yes_no
from screener.models.fhir_names import ANSWER_SYSTEM, ORDINAL_VALUE, scale_system
from screener.models.wording import UiStrings
from screener.rules.labels import level_label

Json = dict[str, Any]


def answer_coding(answer: Answer, strings: UiStrings) -> Json:
    return coding(ANSWER_SYSTEM, answer, strings.answer_labels.of(answer))


def item_coding(bank_id: str, item: Item, code: str, strings: UiStrings) -> Json:
    """An answer to this question as a coding: a scale option in the bank's own system with
    its words in the bank's language; yes, no or not sure in screener's answer system."""
    option = item.option(code)
    if option is None:
        return answer_coding(yes_no(code), strings)
    return coding(scale_system(bank_id, item.id), option.code, option.text)


def answer_options(bank_id: str, item: Item, strings: UiStrings) -> list[Json]:
    """Every answer the question takes, in order; an option's points as R4 ordinalValue."""
    found = []
    for code in item.codes:
        option = item.option(code)
        given: Json = {}
        if option is not None and option.points is not None:
            given["extension"] = [{"url": ORDINAL_VALUE, "valueDecimal": option.points}]
        given["valueCoding"] = item_coding(bank_id, item, code, strings)
        found.append(given)
    return found


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
