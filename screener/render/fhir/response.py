"""A result as the R4 QuestionnaireResponse to the Questionnaire generated from its bank."""

from __future__ import annotations

import datetime
import html
import uuid
from typing import TYPE_CHECKING

from screener.models.bank import Bank
from screener.models.fhir_names import (
    ADAPTATION_PREFIX,
    BAND,
    BANK_SHA256_EXTENSION,
    CLIENT_SYSTEM,
    CRITERIA_COUNTED,
    CRITERIA_MET,
    FLAG_PREFIX,
    MODE_EXTENSION,
    NOTE_SUFFIX,
    SCREENER_VERSION_EXTENSION,
    XHTML_NAMESPACE,
    adaptation_system,
    band_system,
    canonical_version,
    flag_system,
    questionnaire_reference,
)
from screener.models.result import Result
from screener.models.wording import UiStrings
from screener.render.fhir.common import (
    Json,
    coding,
    flag_display,
    item_coding,
    to_json,
)

if TYPE_CHECKING:
    from screener.reports.record import Screening


class FhirRenderer:
    """A record as the FHIR QuestionnaireResponse to the bank's Questionnaire."""

    def render(self, screening: Screening) -> str:
        response = questionnaire_response(
            screening.bank,
            screening.result,
            screening.strings,
            client_system=screening.client_system,
        )
        return to_json(response)


def questionnaire_response(
    bank: Bank, result: Result, strings: UiStrings, *, client_system: str | None = None
) -> Json:
    """Every answer asked, then the result items the Questionnaire's calculations also give."""
    reference = result.bank
    response: Json = {
        "resourceType": "QuestionnaireResponse",
        # Extensions, not meta.tag: servers merge tags across updates; these must stay as made.
        "extension": [
            {"url": MODE_EXTENSION, "valueCode": result.mode},
            {"url": SCREENER_VERSION_EXTENSION, "valueString": result.screener_version},
            {"url": BANK_SHA256_EXTENSION, "valueString": reference.sha256},
        ],
        "text": {"status": "generated", "div": _narrative(bank, result, strings)},
        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{uuid.uuid4()}"},
        "language": bank.language,
        "questionnaire": questionnaire_reference(
            reference.id,
            reference.language,
            result.mode,
            canonical_version(reference.version, reference.sha256),
        ),
        "status": "completed" if result.complete else "in-progress",
    }
    if result.client:
        # A reference by identifier: the service's own code for the client, never a name.
        response["subject"] = {
            "type": "Patient",
            "identifier": {"system": client_system or CLIENT_SYSTEM, "value": result.client},
        }
    if result.recorded_at:
        response["authored"] = fhir_date_time(result.recorded_at)
    if result.counsellor:
        # The counsellor who recorded the answers, by the initials the service knows them by.
        response["author"] = {"type": "Practitioner", "identifier": {"value": result.counsellor}}
    response["item"] = _answers(bank, result, strings) + _results(bank, result, strings)
    return response


def fhir_date_time(recorded_at: str) -> str:
    """FHIR wants seconds and an offset of whole minutes within ±14:00; else say it in UTC."""
    if "T" not in recorded_at:  # a date alone (2026-11-21) a FHIR response gave: valid as is
        return recorded_at
    moment = datetime.datetime.fromisoformat(recorded_at)
    offset = moment.utcoffset()
    if offset is None:
        return moment.isoformat(timespec="seconds")
    usual = offset.total_seconds() % 60 == 0 and abs(offset) <= datetime.timedelta(hours=14)
    if not usual:
        return moment.astimezone(datetime.timezone.utc).isoformat(timespec="seconds")
    return moment.replace(microsecond=0).isoformat(timespec="seconds")


def _answers(bank: Bank, result: Result, strings: UiStrings) -> list[Json]:
    items: list[Json] = []
    for item in bank.items:
        answer = result.answers.get(item.id)
        if answer is None:
            continue
        given: Json = {"valueCoding": item_coding(bank.id, item, answer, strings)}
        note = result.notes.get(item.id) if result.mode == "intake" else None
        if note:
            given["item"] = [
                {
                    "linkId": item.id + NOTE_SUFFIX,
                    "text": strings.intake.fhir_note,
                    "answer": [{"valueString": note}],
                }
            ]
        items.append({"linkId": item.id, "text": item.text, "answer": [given]})
    return items


def _results(bank: Bank, result: Result, strings: UiStrings) -> list[Json]:
    intake = strings.intake
    items: list[Json] = [
        {
            "linkId": CRITERIA_MET,
            "text": intake.fhir_criteria_met.format(total=result.criteria_total),
            "answer": [{"valueInteger": result.criteria_met}],
        },
        {
            "linkId": CRITERIA_COUNTED,
            "text": intake.fhir_criteria_counted,
            "answer": [{"valueInteger": result.criteria_applicable}],
        },
    ]
    band = result.band
    if band is not None:  # a closed gate assessed no criteria: no band, not "none"
        items.append(
            {
                "linkId": BAND,
                "text": intake.fhir_band,
                "answer": [{"valueCoding": coding(band_system(bank.id), band.id, band.label)}],
            }
        )
    for flag in result.flags:  # one item per flag raised, as in the Questionnaire
        display = flag_display(flag.level, flag.title, strings)
        items.append(
            {
                "linkId": FLAG_PREFIX + flag.id,
                "text": f"{intake.fhir_flags}: {display}",
                "answer": [{"valueCoding": coding(flag_system(bank.id), flag.id, display)}],
            }
        )
    for adaptation in result.adaptations:
        items.append(
            {
                "linkId": ADAPTATION_PREFIX + adaptation.id,
                "text": f"{intake.fhir_adaptations}: {adaptation.message}",
                "answer": [
                    {
                        "valueCoding": coding(
                            adaptation_system(bank.id), adaptation.id, adaptation.message
                        )
                    }
                ],
            }
        )
    return items


def _narrative(bank: Bank, result: Result, strings: UiStrings) -> str:
    intake = strings.intake
    lines = [
        bank.title,
        f"{intake.fhir_criteria_met.format(total=result.criteria_total)}: {result.criteria_met}",
        *((f"{intake.fhir_band}: {result.band.label}",) if result.band else ()),
        *(flag_display(flag.level, flag.title, strings) for flag in result.flags),
        *(adaptation.message for adaptation in result.adaptations),
    ]
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f'<div xmlns="{XHTML_NAMESPACE}">{body}</div>'
