"""The codes a Questionnaire uses, as CodeSystems and ValueSets, in one transaction Bundle.

Answers are screener's own codes (yes, no, unsure), not LOINC's answer lists: the bank's rules
are written in them, so a response re-scores as it is; docs/fhir.md says more.
"""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from screener.models.bank import Bank, LoadedBank
from screener.models.base import ANSWERS
from screener.models.fhir_names import (
    ANSWER_SYSTEM,
    BASE,
    adaptation_system,
    band_system,
    canonical_version,
    flag_system,
    resource_id,
    scale_system,
)
from screener.models.wording import UiStrings
from screener.render.fhir.common import (
    Json,
    flag_display,
)

Concept = tuple[str, dict[str, str], dict[str, str]]
"""A code, its display by language, and its properties."""


def bundle(
    forms: list[Json], loaded: LoadedBank, translations: dict[str, tuple[Bank, UiStrings]]
) -> Json:
    """The Questionnaires and their terminology, ready to load in one transaction.

    `translations` holds the same bank and its UI strings by language (the bank's own
    included), for designations in every language screener has.
    """
    bank = loaded.bank
    version = canonical_version(bank.version, loaded.sha256)
    resources = list(forms)
    answers: list[Concept] = [
        (answer, {lang: s.answer_labels.of(answer) for lang, (_, s) in translations.items()}, {})
        for answer in ANSWERS
    ]
    resources += _terminology("answer", ANSWER_SYSTEM, "1", bank.language, answers)
    for item in bank.items:
        if item.options:  # a scale: its codes, the same in every language, its words in each
            options: list[Concept] = [
                (option.code, _option_by_language(translations, item.id, option.code), {})
                for option in item.options
            ]
            resources += _terminology(
                f"{bank.id}-{item.id}-answer",
                scale_system(bank.id, item.id),
                version,
                bank.language,
                options,
            )
    bands: list[Concept] = [
        (band.id, _by_language(translations, "band", band.id), {}) for band in bank.scoring.bands
    ]
    resources += _terminology(
        f"{bank.id}-band", band_system(bank.id), version, bank.language, bands
    )
    if bank.flags:
        flags: list[Concept] = [
            (flag.id, _by_language(translations, "flag", flag.id), {"level": str(flag.level)})
            for flag in bank.flags
        ]
        resources += _terminology(
            f"{bank.id}-flag", flag_system(bank.id), version, bank.language, flags
        )
    if bank.scoring.adaptations:
        adaptations: list[Concept] = [
            (adaptation.id, _by_language(translations, "adaptation", adaptation.id), {})
            for adaptation in bank.scoring.adaptations
        ]
        resources += _terminology(
            f"{bank.id}-adaptation",
            adaptation_system(bank.id),
            version,
            bank.language,
            adaptations,
        )
    return {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [_entry(resource) for resource in resources],
    }


def _option_by_language(
    translations: dict[str, tuple[Bank, UiStrings]], item_id: str, code: str
) -> dict[str, str]:
    found = {}
    for language, (bank, _) in translations.items():
        item = next((each for each in bank.items if each.id == item_id), None)
        option = item.option(code) if item is not None else None
        if option is not None:
            found[language] = option.text
    return found


def _by_language(
    translations: dict[str, tuple[Bank, UiStrings]], kind: str, code: str
) -> dict[str, str]:
    found = {}
    for language, (bank, strings) in translations.items():
        if kind == "band":
            found[language] = next((b.label for b in bank.scoring.bands if b.id == code), "")
        elif kind == "flag":
            flag = next((f for f in bank.flags if f.id == code), None)
            found[language] = flag_display(flag.level, flag.title, strings) if flag else ""
        else:
            found[language] = next(
                (a.message for a in bank.scoring.adaptations if a.id == code), ""
            )
    return {language: text for language, text in found.items() if text}


def _terminology(
    name: str, system: str, version: str, language: str, concepts: list[Concept]
) -> list[Json]:
    """A complete CodeSystem and the ValueSet of all its codes."""
    title = "".join(part.capitalize() for part in name.replace("-", "_").split("_"))
    code_system: Json = {
        "resourceType": "CodeSystem",
        "id": resource_id(name),
        "url": system,
        "version": version,
        "name": title,
        "status": "active",
        "language": language,
        "caseSensitive": True,
        "valueSet": f"{BASE}/ValueSet/{name}",
        "content": "complete",
    }
    if any(properties for _, _, properties in concepts):
        code_system["property"] = [{"code": "level", "type": "code"}]
    code_system["concept"] = [_concept(concept, language) for concept in concepts]
    value_set: Json = {
        "resourceType": "ValueSet",
        "id": resource_id(name),
        "url": f"{BASE}/ValueSet/{name}",
        "version": version,
        "name": title,
        "status": "active",
        "language": language,
        "compose": {"include": [{"system": system, "version": version}]},
    }
    return [code_system, value_set]


def _concept(concept: Concept, language: str) -> Json:
    code, displays, properties = concept
    found: Json = {"code": code, "display": displays.get(language, code)}
    designations = [
        {"language": other, "value": text} for other, text in displays.items() if other != language
    ]
    if designations:
        found["designation"] = designations
    if properties:
        found["property"] = [{"code": key, "valueCode": value} for key, value in properties.items()]
    return found


def _entry(resource: Json) -> Json:
    """A conditional update by canonical URL and version: loading twice changes nothing."""
    canonical = f"{resource['url']}|{resource['version']}"
    return {
        "fullUrl": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, canonical)}",
        "resource": resource,
        "request": {
            "method": "PUT",
            "url": f"{resource['resourceType']}?"
            + urlencode({"url": resource["url"], "version": resource["version"]}),
        },
    }
