"""The exported Questionnaire in the real form filler: NLM LHC-Forms in headless Chromium.

Needs Debian's chromium and the lforms npm package's dist/lforms (.ci/run fetches both; see
docs/fhir.md). Without a browser the tests skip and say why; with SCREENER_REQUIRE_BROWSER=1
(as in CI) a missing piece fails instead.
"""

from __future__ import annotations

import functools
import json
import os
import random
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from screener.files import bundled
from screener.files.answers import replay_from_document
from screener.files.bank import load_bank
from screener.files.documents import Document
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.base import ANSWERS, Answer, Code
from screener.models.contacts import ContactBook
from screener.models.fhir_names import (
    ADAPTATION_PREFIX,
    ADAPTATIONS,
    BAND,
    CRITERIA_MET,
    FLAG_PREFIX,
    FLAGS,
)
from screener.models.wording import UiStrings
from screener.render.fhir.questionnaire import questionnaire
from screener.render.fhir.response import questionnaire_response
from screener.rules.scoring import asked_items, score
from tests.helpers import PATHS, result_for
from tests.render.fillers import LhcFormsFiller as Filler

SCREENSHOTS = os.environ.get("SCREENER_SCREENSHOTS")
"""A folder to save the README's pictures in; unset in CI."""
Json = dict[str, Any]


@pytest.fixture
def filler(browser: Any, site: str) -> Iterator[Filler]:
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    page.goto(site)
    page.wait_for_function("window.lformsReady === true")
    yield Filler(page)
    page.close()


def computed(response: Json) -> dict[str, list[Any]]:
    """The result items a filler computed, as codes and numbers; the one-per-flag and
    one-per-adaptation items gathered under result.flags and result.adaptations."""
    found: dict[str, list[Any]] = {}
    for item in response.get("item", []):
        if item["linkId"].startswith("result."):
            key = item["linkId"]
            for prefix, gathered in ((FLAG_PREFIX, FLAGS), (ADAPTATION_PREFIX, ADAPTATIONS)):
                if key.startswith(prefix):
                    key = gathered
            found.setdefault(key, []).extend(
                answer.get("valueCoding", {}).get("code", answer.get("valueInteger"))
                for answer in item.get("answer", [])
            )
    return found


def screener_result(loaded: LoadedBank, answers: Mapping[str, Code]) -> dict[str, list[Any]]:
    scored = score(loaded.bank, answers)
    return {
        CRITERIA_MET: [scored.criteria_met],
        BAND: [scored.band.id] if scored.band else [],  # no band when the gate closes
        FLAGS: [flag.id for flag in scored.flags],
        ADAPTATIONS: [adaptation.id for adaptation in scored.adaptations],
    }


def test_skip_logic_follows_the_gate_as_screener_asks(
    filler: Filler, ketamine: LoadedBank, strings: UiStrings
) -> None:
    filler.show(questionnaire(ketamine, strings))
    gates = [item.id for item in ketamine.bank.items if item.kind == "gate"]
    for used in ANSWERS:
        for prescribed in ANSWERS:
            given: dict[str, Answer] = {gates[0]: used}
            filler.answer(gates[0], used)
            if filler.shown(gates[1]):
                given[gates[1]] = prescribed
                filler.answer(gates[1], prescribed)
            asked = {item.id for item in asked_items(ketamine.bank, given)}
            shown = {item.id for item in ketamine.bank.items if filler.shown(item.id)}
            assert shown == asked, given


@pytest.mark.parametrize("path", sorted(PATHS))
def test_filling_in_lhc_forms_gives_screeners_result(
    filler: Filler, ketamine: LoadedBank, strings: UiStrings, path: str
) -> None:
    answers = score(ketamine.bank, PATHS[path][0]).answers  # the ones asked, in order
    form = questionnaire(ketamine, strings)
    filler.show(form)
    for item_id, answer in answers.items():
        filler.answer(item_id, answer)
    response = filler.response()
    QuestionnaireResponse.model_validate(response)
    got = computed(response)
    own = screener_result(ketamine, answers)
    assert {key: got.get(key, []) for key in own} == own
    # Screener reads LHC-Forms' response back (no subject, a Z time with milliseconds).
    document = Document("lhc.json", response, None, json.dumps(response).encode())
    replayed = replay_from_document(document, ketamine.bank, intake=False, sha256=ketamine.sha256)
    assert replayed.answers == answers and replayed.warnings == ()
    if SCREENSHOTS and path == "severe_with_flags":
        filler.page.screenshot(path=f"{SCREENSHOTS}/lhcforms-filled.png", full_page=True)


def test_a_reopened_response_follows_a_changed_gate(
    filler: Filler, ketamine: LoadedBank, strings: UiStrings
) -> None:
    answers, _ = PATHS["severe_with_flags"]
    notes = {"craving": "mostly at weekends"}
    saved = questionnaire_response(ketamine.bank, result_for(ketamine, answers, notes), strings)
    filler.show(questionnaire(ketamine, strings, mode="intake"), saved)
    reopened = filler.response()
    assert computed(reopened)[CRITERIA_MET] == [8]
    # The filler's own response keeps the counsellor's note and reads back as it was.
    QuestionnaireResponse.model_validate(reopened)
    document = Document("lhc.json", reopened, None, json.dumps(reopened).encode())
    replayed = replay_from_document(document, ketamine.bank, intake=True, sha256=ketamine.sha256)
    assert replayed.answers == answers and replayed.notes == notes
    filler.answer("used_past_year", "no")
    after = filler.response()
    assert computed(after)[CRITERIA_MET] == [0]
    assert computed(after).get(BAND, []) == []  # the gate closed: not assessed, no band


def test_the_crisis_advice_shows_for_yes_or_not_sure_only(
    filler: Filler, ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook
) -> None:
    flag = next(flag for flag in ketamine.bank.flags if flag.level == "crisis")
    opening = flag.advice.split(". ")[0]
    uk = next(region for region in contacts.regions if region.id == "uk")
    filler.show(questionnaire(ketamine, strings, region=uk))
    filler.answer("used_past_year", "no")
    assert opening not in filler.text()
    steps: tuple[tuple[Answer, bool], ...] = (
        ("no", False),
        ("yes", True),
        ("unsure", True),
        ("no", False),
    )
    for answer, shows in steps:
        filler.answer("self_harm_thoughts", answer)
        assert (opening in filler.text()) is shows, answer
        assert ("Samaritans" in filler.text()) is shows, answer
        if SCREENSHOTS and answer == "unsure":
            filler.page.screenshot(path=f"{SCREENSHOTS}/lhcforms-crisis.png", full_page=False)


# --- any bank, any answers: scale questions and skip logic on their options ----------------


@functools.cache
def banks() -> dict[str, LoadedBank]:
    """The bundled bank (whatever questions it has: scale ones too, when it gains them) and
    tests/data/scales.yaml, with a question asked on options too, in English and Spanish."""
    import tempfile

    from tests.render.scales_fhir import scales, scales_asked_on_options

    found = {}
    for language in ("en", "es"):
        path = bundled.bank_file("ketamine", language)
        assert path is not None
        found[f"ketamine-{language}"] = load_bank(path)
        found[f"scales-{language}"] = scales(language)
        found[f"scales_on_options-{language}"] = scales_asked_on_options(
            Path(tempfile.mkdtemp()), language
        )
    return found


@pytest.mark.parametrize(
    "name",
    [
        "ketamine-en",
        "ketamine-es",
        "scales-en",
        "scales-es",
        "scales_on_options-en",
        "scales_on_options-es",
    ],
)
def test_random_answers_clicked_in_lhc_forms_give_screeners_result(
    filler: Filler, name: str
) -> None:
    """Question by question, a random answer among those the form offers (a scale's options
    included), clicked as a person would: after each click the filler shows exactly the
    questions screener would ask; at the end it computes screener's count, band and flags, and
    its response reads back to the same answers and result."""
    loaded = banks()[name]
    form = questionnaire(loaded, load_strings(loaded.bank.language))
    chooser = random.Random(name)  # the same patterns every run
    every = {item.id for item in loaded.bank.items}
    clicked: dict[str, list[Code]] = {item_id: [] for item_id in every}
    points_seen = 0
    for _ in range(WALKS):
        filler.show(form)
        # The form offers each question's own answers, in the bank's order: a scale's options.
        assert filler.offered == {item.id: list(item.codes) for item in loaded.bank.items}
        answers: dict[str, Code] = {}
        while True:
            asked = asked_items(loaded.bank, answers)
            shown = filler.questions_shown() & every
            assert shown == {item.id for item in asked}, answers
            ahead = [item for item in asked if item.id not in answers]
            if not ahead:
                break
            item_id = ahead[0].id
            answers[item_id] = least_clicked(chooser, filler.offered[item_id], clicked[item_id])
            filler.answer(item_id, answers[item_id])
            clicked[item_id].append(answers[item_id])
        # LHC-Forms read each option's points (ordinalValue): it shows them beside the words.
        text = filler.text()
        for item in loaded.bank.items:
            for option in item.options:
                if option.points is not None and item.id in answers:
                    assert f"{option.text} - {option.points}" in text, option
                    points_seen += 1
        if SCREENSHOTS and name == "scales_on_options-en" and answers.get("often") == "weekly":
            filler.page.screenshot(path=f"{SCREENSHOTS}/lhcforms-scale.png", full_page=True)
        response = filler.response()
        QuestionnaireResponse.model_validate(response)
        own = screener_result(loaded, answers)
        assert {key: computed(response).get(key, []) for key in own} == own, answers
        document = Document("lhc.json", response, None, json.dumps(response).encode())
        replayed = replay_from_document(document, loaded.bank, intake=False, sha256=loaded.sha256)
        assert replayed.answers == score(loaded.bank, answers).answers and not replayed.warnings
        assert screener_result(loaded, replayed.answers) == own
    with_points = any(o.points is not None for i in loaded.bank.items for o in i.options)
    assert (points_seen > 0) is with_points
    for item_id, codes in clicked.items():  # each answer offered, clicked where asked enough
        if len(codes) >= len(filler.offered[item_id]):
            assert set(codes) == set(filler.offered[item_id]), item_id


def least_clicked(chooser: random.Random, offered: list[str], clicked: list[Code]) -> Code:
    """A random answer among those clicked least so far for this question, so that over
    the walks each option is clicked."""
    fewest = min(clicked.count(code) for code in offered)
    return chooser.choice([code for code in offered if clicked.count(code) == fewest])


WALKS = 8
"""Random walks per bank and language, each a fresh form clicked through: enough for every
option of tests/data/scales.yaml's 'often' (five answers, asked unless the gate is no)."""
