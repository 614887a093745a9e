"""HL7 FHIR R4: a bank as a Questionnaire, and a result as the QuestionnaireResponse to it.

Both are plain JSON-ready dicts built from the same bank, so every linkId and answer type in a
response is one the Questionnaire declares. The canonical URL identifies the Questionnaire; it
is not a web address (the .invalid domain is reserved never to resolve).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from screener.models.bank import Bank, Condition, Item
from screener.models.base import ANSWERS, Answer
from screener.models.result import Result
from screener.models.wording import UiStrings

if TYPE_CHECKING:
    from screener.reports.record import Screening

BASE = "https://screener.invalid/fhir"
ANSWER_SYSTEM = f"{BASE}/CodeSystem/answer"
"""Codes yes, no, unsure: the bank's own answers, so a response can be re-scored as it is."""
META_SYSTEM = f"{BASE}/CodeSystem"
CRITERIA_MET = "result.criteria_met"
BAND = "result.band"
FLAGS = "result.flags"
"""Result linkIds hold a dot, which a bank item id never does, so they never clash."""
NOTE_SUFFIX = ".note"

Json = dict[str, Any]


class FhirRenderer:
    """A record as the FHIR QuestionnaireResponse to the bank's Questionnaire."""

    def render(self, screening: Screening) -> str:
        response = questionnaire_response(screening.bank, screening.result, screening.strings)
        return to_json(response)


def questionnaire_url(bank: Bank) -> str:
    return f"{BASE}/Questionnaire/{bank.id}-{bank.language}"


def questionnaire_reference(bank: Bank) -> str:
    """The canonical reference a response carries: the URL, a bar, the version."""
    return f"{questionnaire_url(bank)}|{bank.version}"


def questionnaire(bank: Bank, strings: UiStrings) -> Json:
    """The bank's questions as an R4 Questionnaire: choice items, enableWhen, result items."""
    return {
        "resourceType": "Questionnaire",
        "id": f"{bank.id}-{bank.language}",
        "url": questionnaire_url(bank),
        "version": bank.version,
        "name": "".join(part.capitalize() for part in bank.id.split("_")) + bank.language.upper(),
        "title": bank.title,
        "status": "active",
        "language": bank.language,
        "subjectType": ["Patient"],
        "description": " ".join(bank.intro),
        "item": [
            *(_question(bank, item, strings) for item in bank.items),
            *_result_items(bank, strings),
        ],
    }


def questionnaire_response(bank: Bank, result: Result, strings: UiStrings) -> Json:
    """A result as an R4 QuestionnaireResponse to the Questionnaire generated from its bank."""
    items: list[Json] = []
    for item in bank.items:
        answer = result.answers.get(item.id)
        if answer is None:
            continue
        given: Json = {"valueCoding": _answer_coding(answer, strings)}
        note = result.notes.get(item.id)
        if note:
            given["item"] = [
                {
                    "linkId": item.id + NOTE_SUFFIX,
                    "text": strings.intake.fhir_note,
                    "answer": [{"valueString": note}],
                }
            ]
        items.append({"linkId": item.id, "text": item.text, "answer": [given]})
    intake = strings.intake
    items.append(
        {
            "linkId": CRITERIA_MET,
            "text": intake.fhir_criteria_met.format(total=result.criteria_total),
            "answer": [{"valueInteger": result.criteria_met}],
        }
    )
    band = result.band
    if band is not None:  # a closed gate assessed no criteria: no band, not "none"
        items.append(
            {
                "linkId": BAND,
                "text": intake.fhir_band,
                "answer": [{"valueCoding": _coding(_band_system(bank), band.id, band.label)}],
            }
        )
    if result.flags:
        items.append(
            {
                "linkId": FLAGS,
                "text": intake.fhir_flags,
                "answer": [
                    {"valueCoding": _coding(_flag_system(bank), flag.id, flag.title)}
                    for flag in result.flags
                ],
            }
        )
    response: Json = {
        "resourceType": "QuestionnaireResponse",
        "meta": {
            "tag": [
                _coding(f"{META_SYSTEM}/mode", result.mode),
                _coding(f"{META_SYSTEM}/screener-version", result.screener_version),
                _coding(f"{META_SYSTEM}/bank-sha256", result.bank.sha256),
            ]
        },
        "language": bank.language,
        "questionnaire": questionnaire_reference(bank),
        "status": "completed",
    }
    if result.client:
        # A reference by identifier: the service's own code for the client, never a name.
        response["subject"] = {"type": "Patient", "identifier": {"value": result.client}}
    if result.recorded_at:
        response["authored"] = result.recorded_at
    if result.counsellor:
        # The counsellor who recorded the answers, by the initials the service knows them by.
        response["author"] = {"type": "Practitioner", "identifier": {"value": result.counsellor}}
    response["item"] = items
    return response


def to_json(resource: Json) -> str:
    return json.dumps(resource, indent=2, ensure_ascii=False) + "\n"


# --- the parts ------------------------------------------------------------------------------


def _question(bank: Bank, item: Item, strings: UiStrings) -> Json:
    question: Json = {
        "linkId": item.id,
        "text": item.text,
        "type": "choice",
        "required": True,  # when enabled: a skipped question is disabled, not missing
    }
    if item.criterion is not None:
        question["prefix"] = str(item.criterion)
    if item.ask_if is not None:
        question.update(_enable_when(item.ask_if, strings))
    question["answerOption"] = [
        {"valueCoding": _answer_coding(answer, strings)} for answer in ANSWERS
    ]
    question["item"] = [
        {
            "linkId": item.id + NOTE_SUFFIX,
            "text": strings.intake.fhir_note,
            "type": "string",
            "required": False,
        }
    ]
    return question


def _enable_when(condition: Condition, strings: UiStrings) -> Json:
    when: Json = {
        "enableWhen": [
            {
                "question": condition.item,
                "operator": "=",
                "answerCoding": _answer_coding(answer, strings),
            }
            for answer in condition.answers
        ]
    }
    if len(condition.answers) > 1:  # R4 requires enableBehavior with more than one condition
        when["enableBehavior"] = "any"
    return when


def _result_items(bank: Bank, strings: UiStrings) -> list[Json]:
    intake = strings.intake
    items: list[Json] = [
        {
            "linkId": CRITERIA_MET,
            "text": intake.fhir_criteria_met.format(total=bank.scoring.criteria),
            "type": "integer",
            "readOnly": True,
        },
        {
            "linkId": BAND,
            "text": intake.fhir_band,
            "type": "choice",
            "readOnly": True,
            "answerOption": [
                {"valueCoding": _coding(_band_system(bank), band.id, band.label)}
                for band in bank.scoring.bands
            ],
        },
    ]
    if bank.flags:
        items.append(
            {
                "linkId": FLAGS,
                "text": intake.fhir_flags,
                "type": "choice",
                "repeats": True,
                "readOnly": True,
                "answerOption": [
                    {"valueCoding": _coding(_flag_system(bank), flag.id, flag.title)}
                    for flag in bank.flags
                ],
            }
        )
    return items


def _answer_coding(answer: Answer, strings: UiStrings) -> Json:
    return _coding(ANSWER_SYSTEM, answer, strings.answer_labels.of(answer))


def _coding(system: str, code: str, display: str | None = None) -> Json:
    coding: Json = {"system": system, "code": code}
    if display is not None:
        coding["display"] = display
    return coding


def _band_system(bank: Bank) -> str:
    return f"{META_SYSTEM}/{bank.id}-band"


def _flag_system(bank: Bank) -> str:
    return f"{META_SYSTEM}/{bank.id}-flag"
