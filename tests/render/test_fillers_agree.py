"""Two independent SDC form fillers compute what screener computes: NLM LHC-Forms and CSIRO's
Smart Forms renderer, each in headless Chromium, each served from 127.0.0.1 only.

Random answer patterns are clicked through each filler's own page as a person would; after
each pattern the filler's count, criteria counted, band, flags and adaptations must equal
screener's. Saved responses are reopened in each filler and edited (the first question set to
"no"): the result must follow, with no stale band or flags. Smart Forms' page is built by
.ci/run (npm ci from tests/render/smartforms/package-lock.json, then esbuild); without it the
tests skip, and with SCREENER_REQUIRE_BROWSER=1 (as in CI) they fail.
"""

from __future__ import annotations

import contextlib
import json
import random
from collections.abc import Iterator, Mapping
from typing import Any, Protocol, cast

import pytest

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.base import Answer, Code
from screener.models.fhir_names import (
    ADAPTATION_PREFIX,
    ADAPTATIONS,
    BAND,
    CRITERIA_COUNTED,
    CRITERIA_MET,
    FLAG_PREFIX,
    FLAGS,
)
from screener.render.fhir.questionnaire import questionnaire
from screener.render.fhir.response import questionnaire_response
from screener.rules.scoring import asked_items, score
from tests.helpers import result_for
from tests.render.fillers import LhcFormsFiller as LhcFiller

PATTERNS = 40
"""Random answer patterns per filler, each clicked into a fresh form."""
Json = dict[str, Any]


class Page(Protocol):
    def show(self, form: Json, response: Json | None = None) -> None: ...
    def answer(self, item_id: str, answer: Code) -> None: ...
    def questions_shown(self) -> set[str]: ...
    def response(self) -> Json: ...


class SmartFormsFiller:
    """One Smart Forms page: show a form, click answers, read the response it builds."""

    def __init__(self, page: Any) -> None:
        self.page = page

    def show(self, form: Json, response: Json | None = None) -> None:
        self.page.evaluate("([q, r]) => showForm(q, r)", [form, response])
        self.page.wait_for_selector("[role=radiogroup]")

    def answer(self, item_id: str, answer: Code) -> None:
        radio = self.page.locator(f'[id="choice-{item_id}"] input[type=radio][value="{answer}"]')
        assert radio.count() == 1, (item_id, answer)
        radio.locator("xpath=ancestor::label[1]").click()

    def questions_shown(self) -> set[str]:
        ids: list[str] = self.page.evaluate(
            "() => [...document.querySelectorAll('[role=radiogroup][id^=choice-]')]"
            ".filter(e => e.getAttribute('aria-readonly') !== 'true').map(e => e.id)"
        )
        return {found[len("choice-") :] for found in ids}

    def response(self) -> Json:
        found: Json = self.page.evaluate("() => formResponse()")
        return found


@pytest.fixture(params=["lhcforms", "smartforms"])
def filler(request: pytest.FixtureRequest, browser: Any) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    if request.param == "lhcforms":
        page.goto(request.getfixturevalue("site"))
        page.wait_for_function("window.lformsReady === true")
        yield LhcFiller(page)
    else:
        page.goto(request.getfixturevalue("smart_site"))
        page.wait_for_function("window.smartFormsReady === true")
        yield SmartFormsFiller(page)
    page.close()


# --- what a filler computed, what screener computes ---------------------------------------

COMPUTED_JS = """() => {
  const found = {};
  for (const item of (formResponse().item || [])) {
    if (!item.linkId.startsWith('result.')) continue;
    found[item.linkId] = (item.answer || []).map(
      a => a.valueCoding ? a.valueCoding.code : a.valueInteger);
  }
  return found;
}"""


def computed(found: Mapping[str, list[Any]]) -> dict[str, list[Any]]:
    """A filler's result items as screener's five: the per-flag and per-adaptation items
    gathered in the form's order."""
    return {
        CRITERIA_MET: list(found.get(CRITERIA_MET, [])),
        CRITERIA_COUNTED: list(found.get(CRITERIA_COUNTED, [])),
        BAND: list(found.get(BAND, [])),
        FLAGS: [
            code for key, codes in found.items() if key.startswith(FLAG_PREFIX) for code in codes
        ],
        ADAPTATIONS: [
            code
            for key, codes in found.items()
            if key.startswith(ADAPTATION_PREFIX)
            for code in codes
        ],
    }


def screeners(loaded: LoadedBank, answers: Mapping[str, Code], *, complete: bool = True) -> Json:
    scored = score(loaded.bank, answers)
    return {
        CRITERIA_MET: [scored.criteria_met],
        CRITERIA_COUNTED: [scored.criteria_applicable],
        BAND: [scored.band.id] if scored.band and complete else [],
        FLAGS: [flag.id for flag in scored.flags],
        ADAPTATIONS: [adaptation.id for adaptation in scored.adaptations],
    }


def settles_on(filler: Page, expected: Json) -> Json:
    """What the filler computed once it has caught up with the last click: Smart Forms
    calculates asynchronously, so this waits (for at most 5 s) until the result equals
    `expected`, then reads it; on a disagreement it returns the last result it saw."""
    page = filler.page  # type: ignore[attr-defined]
    from playwright.sync_api import TimeoutError as Timeout

    with contextlib.suppress(Timeout):  # then report what the filler shows instead
        page.wait_for_function(
            "want => JSON.stringify(canon(resultItems())) === JSON.stringify(want)",
            arg=expected,
            timeout=5000,
        )
    return computed(page.evaluate(COMPUTED_JS))


CANON_JS = """window.canon = (found) => {
  const take = (prefix) => Object.keys(found).filter(k => k.startsWith(prefix))
    .flatMap(k => found[k]);
  return {
    'result.criteria_met': found['result.criteria_met'] || [],
    'result.criteria_counted': found['result.criteria_counted'] || [],
    'result.band': found['result.band'] || [],
    'result.flags': take('result.flags.'),
    'result.adaptations': take('result.adaptations.'),
  };
};"""


@pytest.fixture(scope="module")
def ketamine_en() -> LoadedBank:
    path = bundled.bank_file("ketamine", "en")
    assert path is not None
    return load_bank(path)


def _prepare(filler: Page) -> None:
    script = f"() => {{ {CANON_JS} window.resultItems = {COMPUTED_JS}; }}"
    filler.page.evaluate(script)  # type: ignore[attr-defined]


def test_random_patterns_clicked_give_screeners_result_in_both_fillers(
    filler: Page, ketamine_en: LoadedBank
) -> None:
    """40 random answer patterns, each clicked into a fresh form question by question; each
    filler shows exactly the questions screener asks, and computes screener's five results;
    each pattern's saved response reopened gives them again, and edited, follows the edit."""
    loaded = ketamine_en
    strings = load_strings("en")
    form = questionnaire(loaded, strings)
    chooser = random.Random(f"patterns-{type(filler).__name__}")  # the same patterns every run
    _prepare(filler)
    agreed = edits = 0
    for _ in range(PATTERNS):
        filler.show(form)
        _prepare(filler)
        answers: dict[str, Code] = {}
        leaning = chooser.choice([0.2, 0.5, 0.8])  # some patterns mostly yes, some mostly no
        while True:
            asked = asked_items(loaded.bank, answers)
            ahead = [item for item in asked if item.id not in answers]
            if not ahead:
                break
            item = ahead[0]
            if chooser.random() < 0.15:
                code: Code = "unsure"
            else:
                code = "yes" if chooser.random() < leaning else "no"
            answers[item.id] = code if code in item.codes else chooser.choice(list(item.codes))
            filler.answer(item.id, answers[item.id])
        every = {item.id for item in loaded.bank.items}
        assert filler.questions_shown() & every == {item.id for item in asked}, answers
        own = screeners(loaded, answers)
        assert settles_on(filler, own) == own, answers
        # Screener's saved response of the same answers, reopened, then the first question
        # set to "no": the band goes, and no flag stays for a question now skipped.
        given = cast("dict[str, Answer]", answers)
        saved = questionnaire_response(loaded.bank, result_for(loaded, given), strings)
        filler.show(form, saved)
        _prepare(filler)
        assert settles_on(filler, own) == own, ("reopened", answers)
        if answers["used_past_year"] != "no":
            filler.answer("used_past_year", "no")
            edited = screeners(loaded, score(loaded.bank, given | {"used_past_year": "no"}).answers)
            assert edited[BAND] == []
            assert settles_on(filler, edited) == edited, ("edited", answers)
            edits += 1
        agreed += 1
    assert agreed == PATTERNS and edits > PATTERNS // 2


@pytest.mark.parametrize("seed", range(4))
def test_a_reopened_response_edited_follows_in_both_fillers(
    filler: Page, ketamine_en: LoadedBank, seed: int
) -> None:
    """A response screener saved, reopened in the filler: the same result; the first question
    then set to "no": no band, and no flag for a question now skipped."""
    loaded = ketamine_en
    strings = load_strings("en")
    chooser = random.Random(seed)
    answers: dict[str, Code] = {}
    while True:
        ahead = [i for i in asked_items(loaded.bank, answers) if i.id not in answers]
        if not ahead:
            break
        first = ahead[0].id == "used_past_year"
        answers[ahead[0].id] = "yes" if first else chooser.choice(list(ahead[0].codes))
    saved = questionnaire_response(loaded.bank, result_for(loaded, answers), strings)
    filler.show(questionnaire(loaded, strings), json.loads(json.dumps(saved)))
    _prepare(filler)
    own = screeners(loaded, answers)
    assert settles_on(filler, own) == own
    filler.answer("used_past_year", "no")
    after = score(loaded.bank, answers | {"used_past_year": "no"}).answers
    edited = screeners(loaded, after)
    assert edited[BAND] == []
    assert settles_on(filler, edited) == edited, after


def test_an_empty_form_shows_no_band_in_either_filler(
    filler: Page, ketamine_en: LoadedBank
) -> None:
    """Nothing answered: no band (none is a band, and nothing was assessed); the counts are
    zero (Smart Forms left them out before their initial 0); and a half-filled form shows no
    band either."""
    loaded = ketamine_en
    filler.show(questionnaire(loaded, load_strings("en")))
    _prepare(filler)
    empty = screeners(loaded, {}, complete=False) | {BAND: []}
    assert settles_on(filler, empty) == empty
    filler.answer("used_past_year", "yes")
    own = screeners(loaded, {"used_past_year": "yes"}, complete=False)
    assert settles_on(filler, own) == own
