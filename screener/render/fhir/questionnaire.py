"""A bank as an HL7 FHIR R4 Questionnaire that any SDC form filler can score as screener does.

The count, band, flags and adaptations are SDC calculations generated from the bank's own
rules (rules/fhirpath.py); skip logic is enableWhen; the intro, each question's help and each
crisis flag's advice are display items, so a filler shows what screener shows.
"""

from __future__ import annotations

import html

from screener.models.bank import Bank, Condition, Flag, Item, LoadedBank
from screener.models.base import ANSWERS
from screener.models.contacts import Region
from screener.models.fhir_names import (
    ADAPTATION_PREFIX,
    ADVICE_SUFFIX,
    BAND,
    BANK_SHA256_SYSTEM,
    CALCULATED,
    CODE_SYSTEMS,
    CRITERIA_COUNTED,
    CRITERIA_MET,
    FLAG_PREFIX,
    HELP_SUFFIX,
    INTRO,
    ITEM_CONTROL,
    ITEM_CONTROL_SYSTEM,
    NOTE_SUFFIX,
    RENDERING_XHTML,
    VARIABLE,
    VERSION_ALGORITHM,
    VERSION_ALGORITHM_SYSTEM,
    XHTML_NAMESPACE,
    Mode,
    adaptation_system,
    band_system,
    canonical_version,
    flag_system,
    questionnaire_url,
    resource_id,
)
from screener.models.wording import UiStrings
from screener.render.fhir.common import (
    Json,
    answer_options,
    coding,
    flag_display,
    item_coding,
)
from screener.rules import fhirpath


def questionnaire(
    loaded: LoadedBank, strings: UiStrings, *, mode: Mode = "self", region: Region | None = None
) -> Json:
    """The bank's questions as an R4 Questionnaire; `region` adds its crisis lines to advice."""
    bank = loaded.bank
    items: list[Json] = [_intro(bank)]
    for number, item in enumerate(bank.items, start=1):
        items.append(_question(bank, item, number, strings, mode))
        items += [_advice(bank, flag, region, strings) for flag in _crisis_flags_after(bank, item)]
    items += _result_items(bank, strings)
    suffix = "-intake" if mode == "intake" else ""
    return {
        "resourceType": "Questionnaire",
        "id": resource_id(f"{bank.id}-{bank.language}{suffix}"),
        "extension": [
            {
                "url": VERSION_ALGORITHM,
                "valueCoding": coding(VERSION_ALGORITHM_SYSTEM, "semver"),
            },
            *(
                {
                    "url": VARIABLE,
                    "valueExpression": {
                        "name": variable.name,
                        "language": "text/fhirpath",
                        "expression": variable.expression,
                    },
                }
                for variable in fhirpath.variables(bank)
            ),
        ],
        "text": {"status": "generated", "div": _narrative(bank, mode, strings)},
        "url": questionnaire_url(bank.id, bank.language, mode),
        "identifier": [{"system": BANK_SHA256_SYSTEM, "value": loaded.sha256}],
        "version": canonical_version(bank.version, loaded.sha256),
        "name": "".join(part.capitalize() for part in bank.id.split("_"))
        + bank.language.upper()
        + ("Intake" if mode == "intake" else ""),
        "title": bank.title,
        "status": "active",
        "language": bank.language,
        "subjectType": ["Patient"],
        "description": " ".join(bank.intro),
        "item": items,
    }


def criterion_system(bank_id: str) -> str:
    return f"{CODE_SYSTEMS}/{bank_id}-criterion"


# --- the parts ------------------------------------------------------------------------------


def _intro(bank: Bank) -> Json:
    """Fillers do not show `description`: the intro and the not-a-diagnosis line go here."""
    return _display(INTRO, [*bank.intro, bank.disclaimer])


def _question(bank: Bank, item: Item, number: int, strings: UiStrings, mode: Mode) -> Json:
    question: Json = {
        "extension": [_item_control("radio-button")],
        "linkId": item.id,
    }
    if item.criterion is not None:
        question["code"] = [
            coding(criterion_system(bank.id), str(item.criterion), f"criterion {item.criterion}")
        ]
    question |= {
        "prefix": f"Q{number}",
        "text": item.text,
        "type": "choice",
        "required": True,  # when enabled: a skipped question is disabled, not missing
    }
    if item.ask_if is not None:
        question.update(_enable_when(bank, [item.ask_if], strings))
    question["answerOption"] = answer_options(bank.id, item, strings)
    children: list[Json] = [
        {
            "extension": [_item_control("help")],
            "linkId": item.id + HELP_SUFFIX,
            "text": item.help,
            "type": "display",
        }
    ]
    if mode == "intake":
        children.append(
            {
                "linkId": item.id + NOTE_SUFFIX,
                "text": strings.intake.fhir_note,
                "type": "string",
                "required": False,
            }
        )
    question["item"] = children
    return question


def _crisis_flags_after(bank: Bank, item: Item) -> list[Flag]:
    """Crisis flags whose conditions end at this item: their advice shows right after it."""
    found = []
    order = [each.id for each in bank.items]
    for flag in bank.flags:
        if flag.level != "crisis":
            continue
        last = max(flag.when_any, key=lambda condition: order.index(condition.item))
        if last.item == item.id:
            found.append(flag)
    return found


def _advice(bank: Bank, flag: Flag, region: Region | None, strings: UiStrings) -> Json:
    """Shown only while the flag's own condition holds, as screener shows it at once; with a
    region, the same emergency number and crisis contacts as screener's crisis screen."""
    lines = [flag.advice]
    if region is not None:
        # start-up: the summary's words load only when a region is asked for
        from screener.reports.summary import crisis_section

        section = crisis_section((flag.advice,), region, strings)
        lines = list(section.paragraphs)
        if section.entries:
            lines.append(section.entries_heading or "")
            lines += [f"{entry.term}: {entry.text}" for entry in section.entries]
    return {
        **_display(flag.id + ADVICE_SUFFIX, lines),
        **_enable_when(bank, fhirpath.raising_conditions(flag), strings),
    }


def _display(link_id: str, paragraphs: list[str]) -> Json:
    """Plain text for any filler, and the same as XHTML paragraphs for those that render it."""
    xhtml = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs)
    return {
        "linkId": link_id,
        "text": "\n\n".join(paragraphs),
        "_text": {"extension": [{"url": RENDERING_XHTML, "valueString": xhtml}]},
        "type": "display",
    }


def _enable_when(bank: Bank, conditions: list[Condition], strings: UiStrings) -> Json:
    """A condition's answers as the codings its question offers (a scale's in its system)."""
    items = {item.id: item for item in bank.items}
    when: Json = {
        "enableWhen": [
            {
                "question": condition.item,
                "operator": "=",
                "answerCoding": item_coding(bank.id, items[condition.item], answer, strings),
            }
            for condition in conditions
            for answer in condition.answers
        ]
    }
    if len(when["enableWhen"]) > 1:  # R4 requires enableBehavior with more than one condition
        when["enableBehavior"] = "any"
    return when


def _result_items(bank: Bank, strings: UiStrings) -> list[Json]:
    intake = strings.intake
    items: list[Json] = [
        {
            **_calculated(f"%{fhirpath.CRITERIA_MET}"),
            "linkId": CRITERIA_MET,
            "text": intake.fhir_criteria_met.format(total=bank.scoring.criteria),
            "type": "integer",
            "readOnly": True,
            "initial": [{"valueInteger": 0}],  # 0 before the first answer, in every filler
        },
        {
            **_calculated(f"%{fhirpath.CRITERIA_APPLICABLE}"),
            "linkId": CRITERIA_COUNTED,
            "text": intake.fhir_criteria_counted,
            "type": "integer",
            "readOnly": True,
            "initial": [{"valueInteger": 0}],  # 0 before the first answer, in every filler
        },
        {
            **_calculated(fhirpath.as_coding(band_system(bank.id), f"%{fhirpath.BAND_CODE}")),
            "linkId": BAND,
            "text": intake.fhir_band,
            "type": "choice",
            "readOnly": True,
            "answerOption": [
                {"valueCoding": coding(band_system(bank.id), band.id, band.label)}
                for band in bank.scoring.bands
            ],
        },
    ]
    for flag in fhirpath.flags_in_order(bank):
        display = flag_display(flag.level, flag.title, strings)
        items.append(
            _one_code(
                FLAG_PREFIX + flag.id,
                f"{intake.fhir_flags}: {display}",
                coding(flag_system(bank.id), flag.id, display),
                fhirpath.raised_flag(flag.id),
            )
        )
    for adaptation in bank.scoring.adaptations:
        items.append(
            _one_code(
                ADAPTATION_PREFIX + adaptation.id,
                f"{intake.fhir_adaptations}: {adaptation.message}",
                coding(adaptation_system(bank.id), adaptation.id, adaptation.message),
                fhirpath.applied_adaptation(adaptation.id),
            )
        )
    return items


def _one_code(link_id: str, text: str, option: Json, code: str) -> Json:
    """A result item whose one answer, its one option, is set while `code` gives its code."""
    return {
        **_calculated(fhirpath.as_coding(option["system"], code)),
        "linkId": link_id,
        "text": text,
        "type": "choice",
        "readOnly": True,
        "answerOption": [{"valueCoding": option}],
    }


def _calculated(expression: str) -> Json:
    return {
        "extension": [
            {
                "url": CALCULATED,
                "valueExpression": {"language": "text/fhirpath", "expression": expression},
            }
        ]
    }


def _item_control(code: str) -> Json:
    return {
        "url": ITEM_CONTROL,
        "valueCodeableConcept": {"coding": [coding(ITEM_CONTROL_SYSTEM, code)]},
    }


def _narrative(bank: Bank, mode: Mode, strings: UiStrings) -> str:
    """A human-readable summary for servers that show only the narrative."""
    paragraphs = "".join(f"<p>{html.escape(text)}</p>" for text in (*bank.intro, bank.disclaimer))
    questions = "".join(
        f"<li>Q{number}. {html.escape(item.text)}{_options_in_words(item)}</li>"
        for number, item in enumerate(bank.items, start=1)
    )
    words = " / ".join(html.escape(strings.answer_labels.of(answer)) for answer in ANSWERS)
    mode_label = html.escape(strings.intake.mode_labels.get(mode, mode))
    return (
        f'<div xmlns="{XHTML_NAMESPACE}">'
        f"<h1>{html.escape(bank.title)}</h1><p>{mode_label}. {bank.version}</p>{paragraphs}"
        f"<p>{words}</p><ol>{questions}</ol></div>"
    )


def _options_in_words(item: Item) -> str:
    """A scale's own answers after its question; yes/no questions share the line above."""
    if not item.options:
        return ""
    return " (" + " / ".join(html.escape(option.text) for option in item.options) + ")"
