"""Every FHIR name screener writes and reads back, declared once: the canonical URLs, code
systems, extension URLs and linkIds. The writer (render/fhir/) and the reader
(files/fhir_response.py) both use these, so a response screener wrote is always read back.

The canonical URL identifies a Questionnaire; it is not a web address (the .invalid domain is
reserved never to resolve). Its version carries the bank file's sha256, so a changed bank is
never taken for the bundled one.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Mode = Literal["self", "intake"]

BASE = "https://screener.invalid/fhir"
ANSWER_SYSTEM = f"{BASE}/CodeSystem/answer"
"""Codes yes, no, unsure: the bank's own answers, so a response can be re-scored as it is."""
CODE_SYSTEMS = f"{BASE}/CodeSystem"
EXTENSION_BASE = f"{BASE}/StructureDefinition"
MODE_EXTENSION = f"{EXTENSION_BASE}/mode"
SCREENER_VERSION_EXTENSION = f"{EXTENSION_BASE}/screener-version"
BANK_SHA256_EXTENSION = f"{EXTENSION_BASE}/bank-sha256"
BANK_SHA256_SYSTEM = f"{BASE}/bank-sha256"
CLIENT_SYSTEM = f"{BASE}/client"
"""Used for a client reference when the service names no system of its own."""

CRITERIA_MET = "result.criteria_met"
CRITERIA_COUNTED = "result.criteria_counted"
BAND = "result.band"
FLAGS = "result.flags"
ADAPTATIONS = "result.adaptations"
"""Result linkIds hold a dot, which a bank item id never does, so they never clash."""
RESULT_PREFIX = "result."
FLAG_PREFIX = FLAGS + "."
ADAPTATION_PREFIX = ADAPTATIONS + "."
"""One result item per flag (result.flags.<id>) and per adaptation: a filler sets one answer
per calculated item (Smart Forms takes a calculation's first value only)."""
NOTE_SUFFIX = ".note"
HELP_SUFFIX = ".help"
ADVICE_SUFFIX = ".advice"
INTRO = "intro"
"""The one display linkId that is not an item's: bank item ids never clash with it."""

SDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition"
VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable"
CALCULATED = f"{SDC}/sdc-questionnaire-calculatedExpression"
ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
RENDERING_XHTML = "http://hl7.org/fhir/StructureDefinition/rendering-xhtml"
VERSION_ALGORITHM = (
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-Questionnaire.versionAlgorithm[x]"
)
"""R5's Questionnaire.versionAlgorithm[x] carried into R4, by the URL SDC 4.0.0's sdc-2 and
sdc-3 invariants look for (with its [x]: without it, sdc-2 fails)."""
VERSION_ALGORITHM_SYSTEM = "http://hl7.org/fhir/version-algorithm"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
"""R4's weight of an answerOption (an option's points): the R4 name LHC-Forms reads for a
score; R5 and the extensions pack call it itemWeight (docs/fhir.md)."""
INTAKE_SUFFIX = "-intake"
"""The intake's Questionnaire URL ends with this; the self-check's does not."""


def canonical_version(version: str, sha256: str) -> str:
    """Semver build metadata: '1.0.0+sha256.1a2b3c4d'; semver ordering still reads 1.0.0."""
    return f"{version}+sha256.{sha256[:8]}"


def is_response(data: object) -> bool:
    """A parsed JSON document that is a FHIR QuestionnaireResponse (not an answers file)."""
    return isinstance(data, dict) and data.get("resourceType") == "QuestionnaireResponse"


def resource_id(name: str) -> str:
    """A resource's logical id from screener's names: FHIR ids take letters, digits, '-' and
    '.', at most 64 (R4 datatypes, id), and screener's ids take '_'. Ids have no '-', so
    '_' becomes '-' without two names meeting; a longer one keeps 55 characters and a hash."""
    plain = name.replace("_", "-")
    if len(plain) <= MAX_ID:
        return plain
    return f"{plain[:55]}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"


MAX_ID = 64


def questionnaire_url(bank_id: str, language: str, mode: Mode) -> str:
    """One Questionnaire per mode: only the intake's asks for a counsellor's notes."""
    suffix = INTAKE_SUFFIX if mode == "intake" else ""
    return f"{BASE}/Questionnaire/{bank_id}-{language}{suffix}"


def questionnaire_reference(bank_id: str, language: str, mode: Mode, version: str) -> str:
    """The canonical reference a response carries: the URL, a bar, the version."""
    return f"{questionnaire_url(bank_id, language, mode)}|{version}"


def band_system(bank_id: str) -> str:
    return f"{CODE_SYSTEMS}/{bank_id}-band"


def flag_system(bank_id: str) -> str:
    return f"{CODE_SYSTEMS}/{bank_id}-flag"


def adaptation_system(bank_id: str) -> str:
    return f"{CODE_SYSTEMS}/{bank_id}-adaptation"


def scale_system(bank_id: str, item_id: str) -> str:
    """The codes of one scale question's options: the bank's own, the same in every language.
    Ids have no hyphen, so '<bank>-<item>-answer' never meets another system's name."""
    return f"{CODE_SYSTEMS}/{bank_id}-{item_id}-answer"
