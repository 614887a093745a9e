"""FHIR for scale questions (tests/data/scales.yaml and .es): each option a coding of the
bank's own system, its points as R4 ordinalValue, enableWhen on codings, a response's
valueCoding read back by --answers to the same result, in English and Spanish."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from screener.cli import app
from screener.errors import DataError
from screener.files.answers import load_replay
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.base import Code
from screener.models.fhir_names import ANSWER_SYSTEM, ORDINAL_VALUE, scale_system
from screener.render.fhir.questionnaire import questionnaire
from screener.render.fhir.response import questionnaire_response
from screener.render.json import render_json
from screener.rules.result import build_result
from screener.rules.scoring import score
from tests.helpers import NOWHERE, walked
from tests.render.scales_fhir import scales, scales_asked_on_options

runner = CliRunner()
Json = dict[str, Any]
OFTEN = "https://screener.invalid/fhir/CodeSystem/scales-often-answer"
FEEL = "https://screener.invalid/fhir/CodeSystem/scales-feel-answer"
WORDS = {
    "en": ("Never", "Monthly", "Weekly", "Daily or almost daily", "not sure"),
    "es": ("Nunca", "Cada mes", "Cada semana", "A diario o casi", "no lo sé"),
}
ON_OPTIONS = {
    language: scales_asked_on_options(Path(tempfile.mkdtemp()), language)
    for language in ("en", "es")
}
"""Made once: Hypothesis reruns a test many times with the same fixtures."""


def question(form: Json, link_id: str) -> Json:
    return next(item for item in form["item"] if item["linkId"] == link_id)


def test_the_system_of_a_scales_codes_is_named_by_bank_and_question() -> None:
    assert scale_system("scales", "often") == OFTEN
    assert scale_system("scales", "feel") == FEEL


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_scale_offers_its_options_as_codings_of_the_banks_own_system(language: str) -> None:
    strings = load_strings(language)
    form = questionnaire(scales(language), strings)
    Questionnaire.model_validate(form)
    often = question(form, "often")
    assert often["type"] == "choice"
    codes = ("never", "monthly", "weekly", "daily")
    words = WORDS[language]
    assert strings.answer_labels.of("unsure") == words[4]
    assert often["answerOption"] == [
        {
            "extension": [{"url": ORDINAL_VALUE, "valueDecimal": points}],
            "valueCoding": {"system": OFTEN, "code": code, "display": display},
        }
        for code, display, points in zip(codes, words[:4], (0, 3, 4, 6), strict=True)
    ] + [{"valueCoding": {"system": ANSWER_SYSTEM, "code": "unsure", "display": words[4]}}]
    # No points, no not sure: only the options, with nothing else.
    feel = question(form, "feel")
    assert [option["valueCoding"]["code"] for option in feel["answerOption"]] == [
        "not_worried",
        "cut_down",
        "stop",
    ]
    assert all(set(option) == {"valueCoding"} for option in feel["answerOption"])
    assert {option["valueCoding"]["system"] for option in feel["answerOption"]} == {FEEL}
    # A yes/no question still offers screener's three answers.
    assert [o["valueCoding"]["code"] for o in question(form, "mood")["answerOption"]] == [
        "yes",
        "no",
        "unsure",
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_scales_questionnaire_is_as_reviewed(language: str, golden: Any) -> None:
    """Every item: the options, the enableWhen and the FHIRPath a filler runs (the version,
    which holds the bank file's sha256, is left out)."""
    form = questionnaire(scales(language), load_strings(language), mode="intake")
    golden(
        f"fhir_scales_questionnaire.{language}.json",
        json.dumps(form["item"], indent=2, ensure_ascii=False) + "\n",
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_question_asked_on_options_is_enabled_by_their_codings(language: str) -> None:
    loaded = ON_OPTIONS[language]
    form = questionnaire(loaded, load_strings(language))
    Questionnaire.model_validate(form)
    bladder = question(form, "bladder")
    displays = dict(zip(("weekly", "daily"), WORDS[language][2:4], strict=True))
    assert bladder["enableWhen"] == [
        {
            "question": "often",
            "operator": "=",
            "answerCoding": {"system": OFTEN, "code": code, "display": display},
        }
        for code, display in displays.items()
    ]
    assert bladder["enableBehavior"] == "any"


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_scale_answer_is_a_coding_of_its_system_in_the_response(language: str) -> None:
    loaded = scales(language)
    strings = load_strings(language)
    answers: dict[str, Code] = {
        "used": "yes",
        "first": "no",
        "second": "yes",
        "often": "weekly",
        "mood": "no",
        "feel": "cut_down",
    }
    result = build_result(loaded, score(loaded.bank, answers), NOWHERE)
    response = questionnaire_response(loaded.bank, result, strings)
    QuestionnaireResponse.model_validate(response)
    given_answers = {
        item["linkId"]: item["answer"][0]["valueCoding"]
        for item in response["item"]
        if not item["linkId"].startswith("result.")
    }
    assert given_answers["often"] == {
        "system": OFTEN,
        "code": "weekly",
        "display": WORDS[language][2],
    }
    assert given_answers["feel"]["system"] == FEEL
    assert given_answers["feel"]["code"] == "cut_down"
    assert given_answers["mood"]["system"] == ANSWER_SYSTEM


# --- read back ------------------------------------------------------------------------------


def outcome(loaded: LoadedBank, answers: dict[str, Code]) -> tuple[object, ...]:
    """What the result is, whatever the language: answers, count, band, flags, adaptations."""
    scored = score(loaded.bank, answers)
    return (
        scored.answers,
        scored.criteria_met,
        scored.criteria_applicable,
        scored.band.id if scored.band else None,
        [flag.id for flag in scored.flags],
        [adaptation.id for adaptation in scored.adaptations],
    )


def replayed(loaded: LoadedBank, record: str, name: str) -> dict[str, Code]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(record, encoding="utf-8")
        replay = load_replay(path, loaded.bank, intake=False, sha256=loaded.sha256)
    assert replay.warnings == ()
    return dict(replay.answers)


@settings(max_examples=60, deadline=None)
@given(st.data(), st.booleans())
def test_the_fhir_response_replays_as_the_json_record_does_in_both_languages(
    data: st.DataObject, on_options: bool
) -> None:
    banks = ON_OPTIONS if on_options else {language: scales(language) for language in ON_OPTIONS}
    answers = data.draw(walked(banks["en"].bank))
    outcomes = set()
    for language, loaded in banks.items():
        result = build_result(loaded, score(loaded.bank, answers), NOWHERE)
        fhir = json.dumps(questionnaire_response(loaded.bank, result, load_strings(language)))
        from_fhir = replayed(loaded, fhir, "response.json")
        from_json = replayed(loaded, render_json(result), "record.json")
        assert from_fhir == from_json == score(loaded.bank, answers).answers
        outcomes.add(repr(outcome(loaded, from_fhir)))
    assert len(outcomes) == 1  # English and Spanish: the same result for the same codes


# --- refused --------------------------------------------------------------------------------


def response_file(folder: Path, loaded: LoadedBank, answers: dict[str, Code]) -> tuple[Path, Json]:
    result = build_result(loaded, score(loaded.bank, answers), NOWHERE)
    response = questionnaire_response(loaded.bank, result, load_strings(loaded.bank.language))
    return folder / "response.json", response


FREQUENT: dict[str, Code] = {
    "used": "yes",
    "first": "yes",
    "second": "no",
    "often": "daily",
    "mood": "no",
    "feel": "stop",
}


@pytest.mark.parametrize(
    ("link_id", "coding", "allowed"),
    [
        ("often", {"system": ANSWER_SYSTEM, "code": "daily"}, "never, monthly, weekly, daily"),
        ("often", {"system": OFTEN, "code": "hourly"}, "never, monthly, weekly, daily"),
        ("often", {"system": OFTEN, "code": "yes"}, "never, monthly, weekly, daily"),
        ("often", {"system": FEEL, "code": "stop"}, "never, monthly, weekly, daily"),
        ("feel", {"system": FEEL, "code": "unsure"}, "not_worried, cut_down, stop"),
        ("mood", {"system": OFTEN, "code": "weekly"}, "yes, no, unsure"),
        ("mood", {"system": "http://loinc.org", "code": "yes"}, "yes, no, unsure"),
    ],
)
def test_a_coding_the_question_does_not_take_is_refused_naming_the_allowed(
    tmp_path: Path, link_id: str, coding: Json, allowed: str
) -> None:
    loaded = scales()
    path, response = response_file(tmp_path, loaded, FREQUENT)
    index = next(i for i, item in enumerate(response["item"]) if item["linkId"] == link_id)
    response["item"][index]["answer"][0]["valueCoding"] = coding
    path.write_text(json.dumps(response, indent=2), encoding="utf-8")
    ran = runner.invoke(app, ["run", "--bank", loaded.file, "--answers", str(path), "-f", "json"])
    assert ran.exit_code == 1, ran.output
    assert ran.stdout == ""
    (line,) = ran.stderr.splitlines()
    assert line.startswith(f"Error: {path}:")
    assert f"item[{index}].answer[0].valueCoding: " in line
    assert f"is not an answer to '{link_id}'" in line
    assert f"use one of: {allowed}" in line


def test_a_scale_coding_without_its_system_is_refused_too(tmp_path: Path) -> None:
    """Another filler's bare code could be any system's: only screener's yes/no/unsure were
    ever read without one (as before), a scale's code needs its system."""
    loaded = scales()
    path, response = response_file(tmp_path, loaded, FREQUENT)
    index = next(i for i, item in enumerate(response["item"]) if item["linkId"] == "often")
    del response["item"][index]["answer"][0]["valueCoding"]["system"]
    path.write_text(json.dumps(response, indent=2), encoding="utf-8")
    with pytest.raises(DataError, match="is not an answer to 'often'"):
        load_replay(path, loaded.bank, intake=False, sha256=loaded.sha256)


def test_the_cli_replays_a_scale_response_with_the_frequent_use_flag(tmp_path: Path) -> None:
    loaded = scales("es")
    path, response = response_file(tmp_path, loaded, FREQUENT)
    path.write_text(json.dumps(response, indent=2), encoding="utf-8")
    ran = runner.invoke(app, ["run", "--bank", loaded.file, "--answers", str(path), "-f", "json"])
    assert ran.exit_code == 0, ran.output
    record = json.loads(ran.stdout)
    assert record["answers"]["often"] == "daily" and record["answers"]["feel"] == "stop"
    assert "frequent" in [flag["id"] for flag in record["flags"]]


def test_the_bundle_carries_each_scales_codes_with_their_other_languages() -> None:
    """--form bundle: every system the Questionnaire offers codes from can be loaded, a
    scale's with its words in each language as designations."""
    from fhir.resources.R4B.bundle import Bundle

    from screener.render.fhir.terminology import bundle

    english, spanish = scales("en"), scales("es")
    translations = {
        "en": (english.bank, load_strings("en")),
        "es": (spanish.bank, load_strings("es")),
    }
    form = questionnaire(english, load_strings("en"))
    made = bundle([form], english, translations)
    Bundle.model_validate(made)
    resources = [entry["resource"] for entry in made["entry"]]
    systems = {r["url"]: r for r in resources if r["resourceType"] == "CodeSystem"}
    offered = {
        option["valueCoding"]["system"]
        for item in form["item"]
        for option in item.get("answerOption", [])
    }
    assert offered <= set(systems)
    often = systems[OFTEN]
    assert often["content"] == "complete"
    assert [
        (concept["code"], concept["display"], concept["designation"])
        for concept in often["concept"]
    ] == [
        (code, english_words, [{"language": "es", "value": spanish_words}])
        for code, english_words, spanish_words in zip(
            ("never", "monthly", "weekly", "daily"), WORDS["en"][:4], WORDS["es"][:4], strict=True
        )
    ]
    assert any(
        r["resourceType"] == "ValueSet" and r["url"].endswith("scales-often-answer")
        for r in resources
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_intakes_note_on_a_scale_answer_reads_back_with_it(
    tmp_path: Path, language: str
) -> None:
    loaded = scales(language)
    notes = {"often": "mostly at weekends", "feel": "wants to talk about it"}
    result = build_result(
        loaded,
        score(loaded.bank, FREQUENT),
        NOWHERE,
        mode="intake",
        client="K-0142",
        notes=notes,
    )
    response = questionnaire_response(loaded.bank, result, load_strings(language))
    QuestionnaireResponse.model_validate(response)
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(response, indent=2), encoding="utf-8")
    replay = load_replay(path, loaded.bank, intake=True, sha256=loaded.sha256)
    assert replay.answers == FREQUENT and replay.notes == notes and replay.mode == "intake"
    # The intake's own Questionnaire offers the note under the scale question too.
    form = questionnaire(loaded, load_strings(language), mode="intake")
    assert [child["type"] for child in question(form, "often")["item"]] == ["display", "string"]
