"""The exported Questionnaire's FHIRPath, run by fhirpathpy, scores as screener does."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fhirpathpy
import pytest
from antlr4 import CommonTokenStream, InputStream
from antlr4.error.ErrorListener import ErrorListener
from fhirpathpy.models import models
from fhirpathpy.parser.generated.FHIRPathLexer import FHIRPathLexer
from fhirpathpy.parser.generated.FHIRPathParser import FHIRPathParser
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.base import ANSWERS, Answer
from screener.models.fhir_names import (
    ADAPTATION_PREFIX,
    ADAPTATIONS,
    BAND,
    CALCULATED,
    CRITERIA_COUNTED,
    CRITERIA_MET,
    FLAG_PREFIX,
    FLAGS,
    VARIABLE,
)
from screener.render.fhir.common import (
    Json,
)
from screener.rules.fhirpath import GATE_CLOSED, raising_conditions, variables
from screener.rules.scoring import asked_items, score
from tests.helpers import DATA

R4 = models["r4"]


Compiled = Callable[[Json, dict[str, Any]], list[Any]]


@functools.cache
def compiled(expression: str) -> Compiled:
    return fhirpathpy.compile(expression, R4)


FACTORY = re.compile(r"^\((?P<codes>.*)\)\.select\(%factory\.Coding\('[^']*', \$this\)\)$")
"""fhirpathpy has no %factory: the codes inside it are computed here, and the whole expression,
%factory and all, in the npm fhirpath engine (tests/render/test_sdc_invariants.py) and in
both form fillers (tests/render/test_fillers_agree.py)."""


def calculate(form: Json, response: Json) -> dict[str, Any]:
    """What an SDC filler computes: the root variables in order, then each calculation; the
    one-per-flag and one-per-adaptation items gathered under result.flags and
    result.adaptations, in the form's order."""
    env: dict[str, Any] = {"resource": response, "questionnaire": form}
    for extension in form["extension"]:
        if extension["url"] == VARIABLE:
            expression = extension["valueExpression"]
            env[expression["name"]] = compiled(expression["expression"])(response, env)
    found: dict[str, Any] = {}
    for item in form["item"]:
        for extension in item.get("extension", []):
            if extension["url"] == CALCULATED:
                expression = extension["valueExpression"]["expression"]
                unwrapped = FACTORY.match(expression)
                if unwrapped:
                    expression = unwrapped["codes"]
                value = compiled(expression)(response, env)
                codes = [v["code"] if isinstance(v, dict) else v for v in value]
                for prefix, key in ((FLAG_PREFIX, FLAGS), (ADAPTATION_PREFIX, ADAPTATIONS)):
                    if item["linkId"].startswith(prefix):
                        found.setdefault(key, []).extend(codes)
                        break
                else:
                    found[item["linkId"]] = codes
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
    # A filler shows no band while a question asked is unanswered (an empty form included).
    complete = all(item.id in answers for item in asked_items(loaded.bank, answers))
    return {
        CRITERIA_MET: [scored.criteria_met],
        CRITERIA_COUNTED: [scored.criteria_applicable],
        BAND: [scored.band.id] if scored.band and complete else [],  # none when the gate closes
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
    by_id = dict(zip((item.id for item in loaded.bank.items), answers, strict=True))
    assert {
        key: by_id[key] for key in ("used_past_year", "prescribed_only", "more_than_meant")
    } == {
        "used_past_year": "answerUsedPastYear",
        "prescribed_only": "answerPrescribedOnly",
        "more_than_meant": "answerMoreThanMeant",
    }
    assert len(set(answers)) == len(loaded.bank.items)
    assert names[len(answers) : len(answers) + 6] == [
        "gateClosed",
        "adaptedPrescribedTolerance",
        "criteriaMet",
        "criteriaCounted",
        "allAnswered",
        "bandCode",
    ]
    assert names[len(answers) + 6 :] == [
        "flagged" + "".join(part.capitalize() for part in flag.id.split("_"))
        for flag in loaded.bank.flags
    ]


# --- a bank of other shapes, every answer ---------------------------------------------------

WORRY_OF_TWO = (
    '    when_any: [{item: first, answers: ["yes"]}]\n    if_unsure: ignore\n',
    '    when_any: [{item: first, answers: ["yes"]}, {item: third, answers: ["yes", "unsure"]}]\n'
    "    if_unsure: raise\n",
)


def shapes_bank(folder: Path) -> LoadedBank:
    """check_shapes.yaml (no gate, an adaptation, two crisis flags), its 'worry' flag raised by
    either of two questions, one of which already lists 'not sure'."""
    text = (DATA / "check_shapes.yaml").read_text(encoding="utf-8")
    assert WORRY_OF_TWO[0] in text
    path = folder / "shapes.yaml"
    path.write_text(text.replace(*WORRY_OF_TWO), encoding="utf-8")
    return load_bank(path)


def test_every_answer_to_a_small_bank_scores_the_same_in_fhirpath(tmp_path: Path) -> None:
    """Exhaustive: each of 5 questions answered yes, no or not sure, or left unanswered."""
    from screener.render.fhir.questionnaire import questionnaire

    loaded = shapes_bank(tmp_path)
    form = questionnaire(loaded, load_strings("en"), mode="intake")
    ids = [item.id for item in loaded.bank.items]
    choices: list[Answer | None] = [*ANSWERS, None]
    checked = 0
    for chosen in itertools.product(choices, repeat=len(ids)):
        answers = {
            item_id: answer
            for item_id, answer in zip(ids, chosen, strict=True)
            if answer is not None
        }
        if len(answers) < len(ids) and any(answers.get(i) != "no" for i in answers):
            continue  # unanswered questions: only beside 'no' answers, to keep the run short
        assert calculate(form, response_to(answers)) == expected(loaded, answers), answers
        checked += 1
    assert checked == 3 ** len(ids) + 2 ** len(ids) - 1


def test_a_bank_without_a_gate_says_plainly_that_it_never_closes(tmp_path: Path) -> None:
    """A word that is no FHIRPath keyword (FALSE) would read as an absent field and still
    give false, so the calculation alone cannot tell: the expression is checked as written."""
    found = {
        variable.name: variable.expression for variable in variables(shapes_bank(tmp_path).bank)
    }
    assert found[GATE_CLOSED] == "false"


def test_not_sure_is_added_once_to_a_flag_that_raises_on_it(tmp_path: Path) -> None:
    (worry,) = (flag for flag in shapes_bank(tmp_path).bank.flags if flag.id == "worry")
    assert [c.answers for c in raising_conditions(worry)] == [
        ("yes", "unsure"),
        ("yes", "unsure"),
    ]


# --- what a strict filler reads -----------------------------------------------------------


class _Refuse(ErrorListener):  # type: ignore[misc]
    def syntaxError(self, *args: Any) -> None:  # ANTLR names it
        raise SyntaxError(f"column {args[3]}: {args[4]}")


def strictly_parsed(expression: str) -> None:
    """Raises SyntaxError where the FHIRPath grammar does. fhirpathpy itself recovers silently
    (it runs "iif(c, 'a', XX{}XX)" as if XX were not there), so its passing proves no syntax."""
    lexer = FHIRPathLexer(InputStream(expression))
    lexer.removeErrorListeners()
    lexer.addErrorListener(_Refuse())
    parser = FHIRPathParser(CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(_Refuse())
    parser.entireExpression()  # type: ignore[no-untyped-call]


def expressions(node: object) -> list[str]:
    """Every FHIRPath expression in a resource: variables, calculations, enable conditions."""
    if isinstance(node, list):
        return [found for value in node for found in expressions(value)]
    if not isinstance(node, dict):
        return []
    own = [node["valueExpression"]["expression"]] if "valueExpression" in node else []
    return own + [found for value in node.values() for found in expressions(value)]


def test_strict_parsing_refuses_what_fhirpathpy_lets_through() -> None:
    strictly_parsed("iif(%a = 'yes', 'x', {})")
    for wrong in ("iif(true, 'a', XX{}XX)", "(1 = 1) OR (2 = 2)", "(1 = 1) XX or XX (2 = 2)"):
        with pytest.raises(SyntaxError):
            strictly_parsed(wrong)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_expression_of_the_form_is_strict_fhirpath(tmp_path: Path, language: str) -> None:
    from screener.render.fhir.questionnaire import questionnaire

    path = bundled.bank_file("ketamine", language)
    assert path is not None
    for loaded in (load_bank(path), shapes_bank(tmp_path)):
        form = questionnaire(loaded, load_strings(language), mode="intake")
        found = expressions(form)
        assert len(found) > len(loaded.bank.items)
        for expression in found:
            strictly_parsed(expression)


# --- scale questions: conditions naming options ---------------------------------------------


@functools.cache
def scale_forms() -> tuple[tuple[LoadedBank, Json], ...]:
    """tests/data/scales.yaml and .es (a flag raised by weekly or daily), and the same with a
    question asked only on those options (tests/render/scales_fhir.py)."""
    import tempfile

    from screener.render.fhir.questionnaire import questionnaire
    from tests.render.scales_fhir import scales, scales_asked_on_options

    found = []
    for language in ("en", "es"):
        for loaded in (
            scales(language),
            scales_asked_on_options(Path(tempfile.mkdtemp()), language),
        ):
            found.append((loaded, questionnaire(loaded, load_strings(language), mode="intake")))
    return tuple(found)


@settings(deadline=None)
@given(st.data())
def test_any_walk_through_scale_questions_scores_the_same_in_fhirpath(
    data: st.DataObject,
) -> None:
    loaded, form = data.draw(st.sampled_from(scale_forms()))
    items = {item.id: item for item in loaded.bank.items}
    answers: dict[str, str] = {}
    while True:
        missing = [item for item in asked_items(loaded.bank, answers) if item.id not in answers]
        if not missing:
            break
        answers[missing[0].id] = data.draw(st.sampled_from(missing[0].codes), label=missing[0].id)
    # A reopened response: answers left to questions now skipped, any of their own codes.
    stale = data.draw(
        st.lists(st.sampled_from(sorted(items)), unique=True).flatmap(
            lambda ids: st.fixed_dictionaries(
                {item_id: st.sampled_from(items[item_id].codes) for item_id in ids}
            )
        )
    )
    for given_answers in (answers, {**stale, **answers}, {**answers, **stale}):
        own = expected(loaded, given_answers)  # type: ignore[arg-type]
        if not loaded.bank.scoring.adaptations:
            del own[ADAPTATIONS]  # no adaptations, no such result item in the form
        got = calculate(form, response_to(given_answers))  # type: ignore[arg-type]
        assert got == own, given_answers


def test_a_flag_raised_by_weekly_is_computed_by_the_filler_too() -> None:
    for loaded, form in scale_forms():
        answers = {"used": "yes", "first": "no", "second": "no", "often": "weekly"}
        answers |= {"mood": "no", "feel": "stop"}
        if "bladder" in {item.id for item in loaded.bank.items}:
            answers["bladder"] = "no"
        assert calculate(form, response_to(answers))[FLAGS] == ["frequent"]  # type: ignore[arg-type]
        answers["often"] = "monthly"
        answers.pop("bladder", None)
        assert calculate(form, response_to(answers))[FLAGS] == []  # type: ignore[arg-type]


def test_every_expression_of_a_form_with_scales_is_strict_fhirpath() -> None:
    for _, form in scale_forms():
        for expression in expressions(form):
            strictly_parsed(expression)
