"""FHIR that other software can use: identity, display items, levels, codes, clients."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from typer.testing import CliRunner

from screener.cli import app
from screener.models.bank import LoadedBank
from screener.models.contacts import ContactBook
from screener.models.fhir_names import (
    ADAPTATION_PREFIX,
    ANSWER_SYSTEM,
    CRITERIA_COUNTED,
    FLAG_PREFIX,
    INTRO,
)
from screener.models.wording import UiStrings
from screener.render.fhir.questionnaire import questionnaire
from screener.render.fhir.response import fhir_date_time, questionnaire_response
from tests.helpers import INTAKE_ANSWERS, PATHS, result_for

runner = CliRunner()


def test_a_changed_bank_exports_a_different_canonical_version(
    tmp_path: Path, ketamine: LoadedBank, strings: UiStrings
) -> None:
    from screener.files.bank import load_bank

    changed = tmp_path / "ketamine.en.yaml"
    changed.write_text(
        Path(ketamine.file).read_text(encoding="utf-8").replace("self-check", "self check", 1),
        encoding="utf-8",
    )
    other = load_bank(changed)
    assert other.bank.version == ketamine.bank.version
    mine, theirs = questionnaire(ketamine, strings), questionnaire(other, strings)
    assert mine["url"] == theirs["url"] and mine["version"] != theirs["version"]
    assert theirs["version"] == f"{other.bank.version}+sha256.{other.sha256[:8]}"
    assert theirs["identifier"] == [
        {"system": "https://screener.invalid/fhir/bank-sha256", "value": other.sha256}
    ]


def test_sdc_version_algorithm_is_present_with_a_version(
    ketamine: LoadedBank, strings: UiStrings
) -> None:
    form = questionnaire(ketamine, strings)
    assert "version" in form
    algorithm = [
        extension
        for extension in form["extension"]
        if "extension-Questionnaire.versionAlgorithm" in extension["url"]
    ]
    assert algorithm == [  # the URL SDC 4.0.0's sdc-2 looks for, [x] and all
        {
            "url": "http://hl7.org/fhir/5.0/StructureDefinition/extension-Questionnaire.versionAlgorithm[x]",
            "valueCoding": {"system": "http://hl7.org/fhir/version-algorithm", "code": "semver"},
        }
    ]


def test_fillers_are_given_the_intro_help_and_crisis_advice_as_display_items(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook
) -> None:
    region = next(region for region in contacts.regions if region.id == "uk")
    form = questionnaire(ketamine, strings, region=region)
    intro = form["item"][0]
    assert intro["linkId"] == INTRO and intro["type"] == "display"
    assert ketamine.bank.disclaimer in intro["text"]
    first = form["item"][1]
    assert first["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "radio-button"
    help_item = first["item"][0]
    assert help_item["type"] == "display" and help_item["text"] == ketamine.bank.items[0].help
    assert help_item["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "help"
    link_ids = [item["linkId"] for item in form["item"]]
    advice = form["item"][link_ids.index("self_harm_thoughts") + 1]
    assert advice["linkId"] == "self_harm.advice" and advice["type"] == "display"
    assert [(c["question"], c["answerCoding"]["code"]) for c in advice["enableWhen"]] == [
        ("self_harm_thoughts", "yes"),
        ("self_harm_thoughts", "unsure"),
    ]
    assert advice["enableBehavior"] == "any"
    assert strings.crisis_contacts_heading.format(region=region.name) in advice["text"]
    assert "{" not in advice["text"]  # every placeholder filled
    assert all(
        contact.name in advice["text"] for contact in region.contacts if contact.kind == "crisis"
    )
    tolerance = next(item for item in form["item"] if item["linkId"] == "tolerance")
    assert tolerance["code"][0]["code"] == "10" and tolerance["prefix"].startswith("Q")


def test_flags_carry_their_level_and_adaptations_what_was_set_aside(
    ketamine: LoadedBank, strings: UiStrings
) -> None:
    answers, _ = PATHS["mild_prescribed"]
    answers = answers | {"self_harm_thoughts": "unsure"}
    response = questionnaire_response(ketamine.bank, result_for(ketamine, answers), strings)
    by_link = {item["linkId"]: item for item in response["item"]}
    crisis = next(flag for flag in ketamine.bank.flags if flag.level == "crisis")
    raised = by_link[FLAG_PREFIX + crisis.id]["answer"][0]["valueCoding"]
    assert raised["display"] == f"Crisis: {crisis.title}"
    adaptation = by_link[ADAPTATION_PREFIX + "prescribed_tolerance"]["answer"][0]["valueCoding"]
    assert adaptation["code"] == "prescribed_tolerance"
    assert "was not counted" in adaptation["display"]
    assert by_link[CRITERIA_COUNTED]["answer"] == [{"valueInteger": 9}]
    assert response["text"]["status"] == "generated"
    assert response["identifier"]["system"] == "urn:ietf:rfc:3986"


@pytest.mark.parametrize(
    ("recorded", "authored"),
    [
        ("2026-11-21T10:15:00+00:00", "2026-11-21T10:15:00+00:00"),
        ("2026-11-21T10:15:00.123456-05:00", "2026-11-21T10:15:00-05:00"),
        ("2026-11-21T10:15:00+05:17:30", "2026-11-21T04:57:30+00:00"),
        ("2026-11-21T10:15:00+23:00", "2026-11-20T11:15:00+00:00"),
    ],
)
def test_authored_is_a_fhir_date_time_whatever_the_record_says(
    recorded: str, authored: str
) -> None:
    assert fhir_date_time(recorded) == authored
    assert re.fullmatch(FHIR_DATE_TIME, authored)


FHIR_DATE_TIME = (
    r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?"
    r"(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))"
)
"""FHIR R4's dateTime with a time: seconds, and an offset of at most 14 hours."""


def test_export_fhir_bundle_carries_the_codes_with_spanish_designations() -> None:
    exported = runner.invoke(app, ["export-fhir", "--form", "bundle", "--lang", "en"])
    assert exported.exit_code == 0, exported.output
    bundle = json.loads(exported.stdout)
    Bundle.model_validate(bundle)
    assert bundle["type"] == "transaction"
    resources = [entry["resource"] for entry in bundle["entry"]]
    form = resources[0]
    assert [r["url"] for r in resources[:2]] == [form["url"], form["url"] + "-intake"]
    systems = {r["url"]: r for r in resources if r["resourceType"] == "CodeSystem"}
    used = {
        option["valueCoding"]["system"]
        for item in form["item"]
        for option in item.get("answerOption", [])
    }
    assert used <= set(systems)  # every code the Questionnaire offers can be loaded
    answers = systems[ANSWER_SYSTEM]["concept"]
    assert [(c["code"], c["designation"][0]["value"]) for c in answers] == [
        ("yes", "sí"),
        ("no", "no"),
        ("unsure", "no lo sé"),
    ]
    flags = next(url for url in systems if url.endswith("ketamine-flag"))
    crisis = systems[flags]["concept"][0]
    assert crisis["property"] == [{"code": "level", "valueCode": "crisis"}]
    assert all(entry["request"]["method"] == "PUT" for entry in bundle["entry"])
    assert "%2Bsha256." in bundle["entry"][0]["request"]["url"]  # + is not a space


def test_a_clinic_names_its_client_references_with_its_own_system(tmp_path: Path) -> None:
    answers = tmp_path / "intake.yaml"
    answers.write_text(INTAKE_ANSWERS)
    service = tmp_path / "service.yaml"
    service.write_text(
        (Path(__file__).parent.parent / "data" / "service.yaml").read_text()
        + "client_system: https://clinic.example/clients\n"
    )
    command = ["intake", "--answers", str(answers), "-f", "fhir", "--resources", str(service)]
    from_file = json.loads(runner.invoke(app, command).stdout)
    assert from_file["subject"]["identifier"]["system"] == "https://clinic.example/clients"
