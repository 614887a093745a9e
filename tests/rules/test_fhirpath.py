"""The exported Questionnaire's FHIRPath, run by fhirpathpy, scores as screener does."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import fhirpathpy
import pytest
from fhirpathpy.models import models
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.base import ANSWERS, Answer
from screener.render.fhir.common import (
    ADAPTATIONS,
    BAND,
    CALCULATED,
    CRITERIA_COUNTED,
    CRITERIA_MET,
    FLAGS,
    VARIABLE,
    Json,
)
from screener.rules.scoring import asked_items, score

R4 = models["r4"]


Compiled = Callable[[Json, dict[str, Any]], list[Any]]


@functools.cache
def compiled(expression: str) -> Compiled:
    return fhirpathpy.compile(expression, R4)


def calculate(form: Json, response: Json) -> dict[str, Any]:
    """What an SDC filler computes: the root variables in order, then each calculation."""
    env: dict[str, Any] = {"resource": response, "questionnaire": form}
    for extension in form["extension"]:
        if extension["url"] == VARIABLE:
            expression = extension["valueExpression"]
            env[expression["name"]] = compiled(expression["expression"])(response, env)
    found: dict[str, Any] = {}
    for item in form["item"]:
        for extension in item.get("extension", []):
            if extension["url"] == CALCULATED:
                value = compiled(extension["valueExpression"]["expression"])(response, env)
                found[item["linkId"]] = [v["code"] if isinstance(v, dict) else v for v in value]
    return found


def response_to(answers: dict[str, Answer]) -> Json:
    """A filler's response: only the answers, however stale, and no result items."""
    return {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "item": [
            {"linkId": key, "answer": [{"valueCoding": {"system": "x", "code": value}}]}
            for key, value in answers.items()
        ],
    }


def expected(loaded: LoadedBank, answers: dict[str, Answer]) -> dict[str, Any]:
    scored = score(loaded.bank, answers)
    return {
        CRITERIA_MET: [scored.criteria_met],
        CRITERIA_COUNTED: [scored.criteria_applicable],
        BAND: [scored.band.id] if scored.band else [],  # no band when the gate closes
        FLAGS: [flag.id for flag in scored.flags],
        ADAPTATIONS: [adaptation.id for adaptation in scored.adaptations],
    }


@pytest.fixture(scope="module")
def forms() -> dict[str, tuple[LoadedBank, Json]]:
    from screener.render.fhir.questionnaire import questionnaire

    found = {}
    for language in ("en", "es"):
        path = bundled.bank_file("ketamine", language)
        assert path is not None
        loaded = load_bank(path)
        found[language] = (loaded, questionnaire(loaded, load_strings(language), mode="intake"))
    return found


@settings(deadline=None)  # the examples: SCREENER_HYPOTHESIS_PROFILE (conftest.py)
@given(st.data())
def test_any_walk_scores_the_same_in_fhirpath(
    forms: dict[str, tuple[LoadedBank, Json]], data: st.DataObject
) -> None:
    loaded, form = forms[data.draw(st.sampled_from(["en", "es"]))]
    prescribed = data.draw(st.booleans())  # half the walks take the prescribed-use path
    answers: dict[str, Answer] = {}
    while True:
        missing = [item for item in asked_items(loaded.bank, answers) if item.id not in answers]
        if not missing:
            break
        item = missing[0]
        if prescribed and item.id in ("used_past_year", "prescribed_only"):
            answers[item.id] = "yes"
        else:
            answers[item.id] = data.draw(st.sampled_from(ANSWERS), label=item.id)
    # A saved response reopened and changed leaves answers to questions now skipped.
    stale = data.draw(
        st.dictionaries(
            st.sampled_from([i.id for i in loaded.bank.items]), st.sampled_from(ANSWERS)
        )
    )
    for given_answers in (answers, {**stale, **answers}, {**answers, **stale}):
        assert calculate(form, response_to(given_answers)) == expected(loaded, given_answers)


def test_the_prescribed_use_path_sets_tolerance_aside(
    forms: dict[str, tuple[LoadedBank, Json]],
) -> None:
    loaded, form = forms["en"]
    answers: dict[str, Answer] = {item.id: "yes" for item in loaded.bank.items}
    got = calculate(form, response_to(answers))
    assert got[CRITERIA_MET] == [9] and got[CRITERIA_COUNTED] == [9]
    assert got[ADAPTATIONS] == ["prescribed_tolerance"]
    answers["used_past_year"] = "no"  # the gate closes: nothing counts, whatever is left
    assert calculate(form, response_to(answers))[CRITERIA_MET] == [0]


def test_the_variables_are_named_as_docs_fhir_md_says(ketamine: LoadedBank) -> None:
    """Whoever extends the exported form reads these names: each bank id in camelCase.

    The form is made here, not taken from the module's fixture, so that mutation testing
    (which runs the tests it saw call a function) runs this test for the naming code too."""
    from screener.render.fhir.questionnaire import questionnaire

    loaded, form = ketamine, questionnaire(ketamine, load_strings("en"), mode="intake")
    names = [e["valueExpression"]["name"] for e in form["extension"] if e["url"] == VARIABLE]
    answers = names[: len(loaded.bank.items)]
    assert answers[:3] == ["answerUsedPastYear", "answerPrescribedOnly", "answerMoreThanMeant"]
    assert len(set(answers)) == len(loaded.bank.items)
    assert names[len(answers) :] == [
        "gateClosed",
        "adaptedPrescribedTolerance",
        "criteriaMet",
        "criteriaCounted",
    ]
