"""FHIR R4: the generated Questionnaire and every response to it, validated and cross-checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from screener.cli import app
from screener.files import bundled
from screener.files.contacts import load_contacts
from screener.models.bank import LoadedBank
from screener.models.base import Code
from screener.models.fhir_names import (
    ADAPTATION_PREFIX,
    ANSWER_SYSTEM,
    BAND,
    CLIENT_SYSTEM,
    CRITERIA_COUNTED,
    CRITERIA_MET,
    FLAG_PREFIX,
    MODE_EXTENSION,
    canonical_version,
    questionnaire_reference,
    scale_system,
)
from screener.models.wording import UiStrings
from screener.render.fhir.questionnaire import questionnaire
from screener.render.fhir.response import questionnaire_response
from screener.rules.fhirpath import flags_in_order
from screener.rules.scoring import asked_items
from tests.helpers import GOOD, INTAKE_ANSWERS, PATHS, REGION_IDS, result_for

runner = CliRunner()
Json = dict[str, Any]


def enabled(item: Json, given: dict[str, set[str]]) -> bool:
    """R4 enableWhen with operator '=' on codings, combined by enableBehavior."""
    conditions = item.get("enableWhen", [])
    if not conditions:
        return True
    met = [
        condition["answerCoding"]["code"] in given.get(condition["question"], set())
        for condition in conditions
    ]
    return any(met) if item.get("enableBehavior") == "any" else all(met)


def cross_check(form: Json, response: Json) -> None:
    """Every answered linkId exists in the Questionnaire with a matching answer type and a
    coding it offers; enabled required items are answered; disabled ones are not."""
    assert response["questionnaire"] == f"{form['url']}|{form['version']}"
    declared = {item["linkId"]: item for item in form["item"] if item["type"] != "display"}
    nested = {child["linkId"]: child for item in form["item"] for child in item.get("item", [])}
    given = {
        item["linkId"]: {
            answer["valueCoding"]["code"] for answer in item["answer"] if "valueCoding" in answer
        }
        for item in response["item"]
    }

    def check(item: Json, definition: Json) -> None:
        assert item.get("text", definition["text"]) == definition["text"]
        assert item["answer"], item["linkId"]
        assert len(item["answer"]) == 1 or definition.get("repeats")
        for answer in item["answer"]:
            kind = definition["type"]
            values = [key for key in answer if key.startswith("value")]
            assert values == [
                {"choice": "valueCoding", "integer": "valueInteger", "string": "valueString"}[kind]
            ]
            if kind == "choice":
                offered = [option["valueCoding"] for option in definition["answerOption"]]
                assert answer["valueCoding"] in offered
            for child in answer.get("item", []):
                assert child["linkId"] in {c["linkId"] for c in definition.get("item", [])}
                check(child, nested[child["linkId"]])

    for item in response["item"]:
        assert item["linkId"] in declared, item["linkId"]
        definition = declared[item["linkId"]]
        assert enabled(definition, given), item["linkId"]
        check(item, definition)
    for link_id, definition in declared.items():
        if definition.get("required") and enabled(definition, given):
            assert link_id in given, f"required {link_id} is not answered"


def test_the_questionnaire_is_valid_r4(ketamine: LoadedBank, strings: UiStrings) -> None:
    form = questionnaire(ketamine, strings, mode="intake")
    parsed = Questionnaire.model_validate(form)
    assert parsed.status == "active"
    assert parsed.version == canonical_version(ketamine.bank.version, ketamine.sha256)
    assert parsed.url == "https://screener.invalid/fhir/Questionnaire/ketamine-en-intake"
    link_ids = [item.linkId for item in parsed.item or [] if item.type != "display"]
    assert link_ids == [item.id for item in ketamine.bank.items] + [
        CRITERIA_MET,
        CRITERIA_COUNTED,
        BAND,
        *(FLAG_PREFIX + flag.id for flag in flags_in_order(ketamine.bank)),
        *(ADAPTATION_PREFIX + a.id for a in ketamine.bank.scoring.adaptations),
    ]
    assert len(set(link_ids)) == len(link_ids)


def test_each_question_offers_the_three_answers_and_its_ask_if(
    ketamine: LoadedBank, strings: UiStrings
) -> None:
    form = questionnaire(ketamine, strings)
    questions = [
        item for item in form["item"] if item["linkId"] in {i.id for i in ketamine.bank.items}
    ]
    for number, (item, declared) in enumerate(zip(ketamine.bank.items, questions, strict=True), 1):
        assert declared["type"] == "choice" and declared["text"] == item.text
        assert declared["prefix"] == f"Q{number}"
        codes = [option["valueCoding"] for option in declared["answerOption"]]
        unsure = {"system": ANSWER_SYSTEM, "code": "unsure", "display": "not sure"}
        if item.options:  # a scale: its own codes in its own system, then not sure if it takes it
            system = scale_system(ketamine.bank.id, item.id)
            assert codes == [
                {"system": system, "code": option.code, "display": option.text}
                for option in item.options
            ] + ([unsure] if item.unsure else [])
        else:
            assert codes == [
                {"system": ANSWER_SYSTEM, "code": "yes", "display": "yes"},
                {"system": ANSWER_SYSTEM, "code": "no", "display": "no"},
                unsure,
            ]
        if item.ask_if is None:
            assert "enableWhen" not in declared
            continue
        conditions = declared["enableWhen"]
        assert [(c["question"], c["operator"], c["answerCoding"]["code"]) for c in conditions] == [
            (item.ask_if.item, "=", answer) for answer in item.ask_if.answers
        ]
        # R4 (que-12): more than one enableWhen needs an enableBehavior.
        assert declared.get("enableBehavior") == ("any" if len(conditions) > 1 else None)
    by_link = {item["linkId"]: item for item in form["item"]}
    total, band = by_link[CRITERIA_MET], by_link[BAND]
    assert (total["type"], total["readOnly"]) == ("integer", True)
    assert [option["valueCoding"]["code"] for option in band["answerOption"]] == [
        "none",
        "mild",
        "moderate",
        "severe",
    ]


@pytest.mark.parametrize("path", sorted(PATHS))
def test_every_summary_path_makes_a_valid_cross_checked_response(
    ketamine: LoadedBank, strings: UiStrings, path: str
) -> None:
    answers, _ = PATHS[path]
    first_asked = next(iter(answers))
    result = result_for(ketamine, answers, {first_asked: "seen with a key worker"})
    response = questionnaire_response(ketamine.bank, result, strings)
    parsed = QuestionnaireResponse.model_validate(response)
    assert parsed.status == "completed"
    assert parsed.questionnaire == questionnaire_reference(
        "ketamine", "en", "intake", canonical_version(ketamine.bank.version, ketamine.sha256)
    )
    assert response["authored"] == "2026-11-21T10:15:00+00:00"
    assert response["subject"] == {
        "type": "Patient",
        "identifier": {"system": CLIENT_SYSTEM, "value": "K-0142"},
    }
    assert response["author"] == {"type": "Practitioner", "identifier": {"value": "JS"}}
    cross_check(questionnaire(ketamine, strings, mode="intake"), response)
    by_link = {item["linkId"]: item for item in response["item"]}
    assert by_link[CRITERIA_MET]["answer"] == [{"valueInteger": result.criteria_met}]
    if result.band is None:  # a closed gate: not assessed, so no band answer at all
        assert BAND not in by_link
    else:
        assert by_link[BAND]["answer"][0]["valueCoding"]["code"] == result.band.id
    assert by_link[first_asked]["answer"][0]["item"][0]["answer"] == [
        {"valueString": "seen with a key worker"}
    ]
    flags = [
        answer["valueCoding"]["code"]
        for item in response["item"]
        if item["linkId"].startswith(FLAG_PREFIX)
        for answer in item["answer"]
    ]
    assert flags == [flag.id for flag in result.flags]


@settings(deadline=None)  # the examples: SCREENER_HYPOTHESIS_PROFILE (conftest.py)
@given(st.data())
def test_any_walk_through_the_bank_cross_checks(data: st.DataObject) -> None:
    from screener.files import bundled
    from screener.files.bank import load_bank
    from screener.files.wording import load_strings

    path = bundled.bank_file("ketamine", "en")
    assert path is not None
    loaded = load_bank(path)
    strings = load_strings("en")
    answers: dict[str, Code] = {}
    while True:
        missing = [item for item in asked_items(loaded.bank, answers) if item.id not in answers]
        if not missing:
            break
        answers[missing[0].id] = data.draw(st.sampled_from(missing[0].codes), label=missing[0].id)
    response = questionnaire_response(loaded.bank, result_for(loaded, answers), strings)
    QuestionnaireResponse.model_validate(response)
    cross_check(questionnaire(loaded, strings, mode="intake"), response)


def test_the_cross_check_can_fail(ketamine: LoadedBank, strings: UiStrings) -> None:
    answers, _ = PATHS["moderate"]
    good = questionnaire_response(ketamine.bank, result_for(ketamine, answers), strings)
    form = questionnaire(ketamine, strings, mode="intake")
    broken = json.loads(json.dumps(good))
    broken["item"][0]["answer"] = [{"valueString": "yes"}]
    with pytest.raises(AssertionError):
        cross_check(form, broken)
    skipped = json.loads(json.dumps(good))
    skipped["item"][0]["answer"][0]["valueCoding"]["code"] = "no"  # then the criteria are off
    with pytest.raises(AssertionError):
        cross_check(form, skipped)
    missing = json.loads(json.dumps(good))
    missing["item"] = [item for item in missing["item"] if item["linkId"] != "cut_down"]
    assert len(missing["item"]) == len(good["item"]) - 1
    with pytest.raises(AssertionError, match="required cut_down"):
        cross_check(form, missing)


def test_export_fhir_writes_the_questionnaire_a_response_points_at(tmp_path: Path) -> None:
    exported = runner.invoke(app, ["export-fhir", "--form", "intake"], env={"LANG": "en_GB.UTF-8"})
    assert exported.exit_code == 0, exported.output
    form = json.loads(exported.stdout)
    Questionnaire.model_validate(form)
    target = tmp_path / "questionnaire.json"
    saved = runner.invoke(app, ["export-fhir", "--form", "intake", "-o", str(target)])
    assert saved.exit_code == 0 and saved.stderr == f"Saved to {target}\n"
    assert json.loads(target.read_text()) == form
    refused = runner.invoke(app, ["export-fhir", "-o", str(target)])
    assert refused.exit_code == 1 and "already exists" in refused.stderr

    answers = tmp_path / "intake.yaml"
    answers.write_text(INTAKE_ANSWERS)
    replayed = runner.invoke(app, ["intake", "--answers", str(answers), "-f", "fhir"])
    assert replayed.exit_code == 0, replayed.output
    response = json.loads(replayed.stdout)
    QuestionnaireResponse.model_validate(response)
    cross_check(form, response)
    assert response["extension"][0] == {"url": MODE_EXTENSION, "valueCode": "intake"}


def test_a_self_check_can_be_written_as_fhir_too(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD)
    result = runner.invoke(app, ["run", "--answers", str(answers), "-f", "fhir"])
    assert result.exit_code == 0, result.output
    response = json.loads(result.stdout)
    QuestionnaireResponse.model_validate(response)
    assert "subject" not in response
    assert response["extension"][0] == {"url": MODE_EXTENSION, "valueCode": "self"}
    assert response["identifier"]["value"].startswith("urn:uuid:")
    form = json.loads(runner.invoke(app, ["export-fhir"]).stdout)
    cross_check(form, response)
    assert not any(
        child["type"] == "string" for item in form["item"] for child in item.get("item", [])
    )


@pytest.mark.parametrize("region_id", REGION_IDS)
def test_export_fhir_lists_crisis_contacts_as_the_crisis_screen_does(
    region_id: str, tmp_path: Path
) -> None:
    """`export-fhir --region us` listed the treatment directory before 988: it put the
    contacts together itself instead of through the one assembly every screen uses."""
    from screener.rules.contacts import contacts_to_show, crisis_contacts

    exported = runner.invoke(
        app, ["export-fhir", "--region", region_id], env={"XDG_CONFIG_HOME": str(tmp_path)}
    )
    assert exported.exit_code == 0, exported.output
    advice = [
        item["text"]
        for item in _all_items(json.loads(exported.stdout)["item"])
        if item.get("type") == "display" and "call" in item.get("text", "")
    ]
    assert advice
    book = load_contacts(bundled.contacts_file())
    region = next(region for region in book.regions if region.id == region_id)
    expected = [contact.name for contact in crisis_contacts(contacts_to_show(region, None, "en"))]
    for text in advice:
        where = [text.index(f"\n\n{name}") for name in expected if f"\n\n{name}" in text]
        assert len(where) == len(expected) and where == sorted(where), (region_id, expected)


def _all_items(items: list[Json]) -> list[Json]:
    return [found for item in items for found in (item, *_all_items(item.get("item", [])))]
