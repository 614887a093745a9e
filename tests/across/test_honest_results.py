"""Issue 11: what a person reads never reassures them against their own answers.

Each test replays an answers file through `screener run`, as the issue's "done when" asks, in
every language the bank ships in, on both paths (gate open and gate closed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screener.cli import app
from screener.files import bundled
from screener.files.bank import load_bank
from screener.models.bank import Bank
from screener.models.base import Answer
from screener.rules.scoring import asked_items

LANGUAGES = bundled.bank_languages("ketamine")
LOCALES = {"en": "en_GB.UTF-8", "es": "es_ES.UTF-8"}
GATE_ANSWERS: tuple[Answer, ...] = ("yes", "no")
"""Both paths: the gate open (used in the past year) and closed."""
HEALTH_LEVELS = {"medical", "urgent", "crisis"}
"""Flags about health: the low band must not read as reassurance beside them."""
NO_PATTERN = {"en": "No pattern of concern showed", "es": "no muestran un patrón preocupante"}


def bank_in(language: str) -> Bank:
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    return load_bank(path).bank


def all_answers(bank: Bank, used: Answer, **given: Answer | str) -> dict[str, Answer]:
    """'no' to every question these answers lead to, except the ones given."""
    answers: dict[str, Answer] = {"used_past_year": used}
    while True:  # each answer can open later questions
        asked = [item.id for item in asked_items(bank, answers)]
        if set(asked) == set(answers):
            return answers
        answers = {item_id: answers.get(item_id, answer_to(item_id, given)) for item_id in asked}


def answer_to(item_id: str, given: dict[str, Answer | str]) -> Answer:
    answer = given.get(item_id, "no")
    assert answer in ("yes", "no", "unsure")
    return answer  # type: ignore[return-value]


def replay(
    tmp_path: Path, language: str, answers: dict[str, Answer], *args: str
) -> tuple[str, str]:
    """(the text summary, the JSON record) of replaying these answers."""
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"bank": "ketamine", "answers": answers}), encoding="utf-8")
    env = {"LANG": LOCALES[language], "COLUMNS": "80"}
    outputs = []
    for output_format in ("text", "json"):
        ran = CliRunner().invoke(
            app,
            ["run", "--answers", str(path), "--format", output_format, "--region", "uk", *args],
            env=env,
        )
        assert ran.exit_code == 0, ran.output
        outputs.append(ran.stdout)
    return " ".join(outputs[0].split()), outputs[1]


def health_cases() -> list[tuple[str, str, str, Answer]]:
    """(language, flag, item, gate answer) for each flag on each path where its item is asked."""
    cases = []
    for language in LANGUAGES:
        bank = bank_in(language)
        for flag in bank.flags:
            for condition in flag.when_any:
                for used in GATE_ANSWERS:
                    asked = [item.id for item in asked_items(bank, all_answers(bank, used))]
                    if condition.item in asked:
                        cases.append((language, flag.id, condition.item, used))
    return cases


@pytest.mark.parametrize(("language", "flag_id", "item_id", "used"), health_cases())
def test_not_sure_to_any_question_with_advice_raises_it_on_both_paths(
    tmp_path: Path, language: str, flag_id: str, item_id: str, used: Answer
) -> None:
    bank = bank_in(language)
    answers = all_answers(bank, used, **{item_id: "unsure"})
    text, record = replay(tmp_path, language, answers)
    raised = {flag["id"]: flag for flag in json.loads(record)["flags"]}
    assert flag_id in raised, f"not sure to {item_id} dropped the {flag_id} advice"
    flag = next(flag for flag in bank.flags if flag.id == flag_id)
    shown = flag.unsure_advice or flag.advice
    assert raised[flag_id]["advice"] == shown
    assert " ".join(shown.split()) in text


def test_not_sure_to_blood_in_urine_on_the_no_use_path_speaks_of_blood(tmp_path: Path) -> None:
    bank = bank_in("en")
    text, _ = replay(tmp_path, "en", all_answers(bank, "no", blood_in_urine="unsure"))
    assert "If you're not sure, it's still worth a check" in text
    assert "go to an emergency department now" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_all_not_sure_criteria_never_read_no_pattern_of_concern(
    tmp_path: Path, language: str
) -> None:
    bank = bank_in(language)
    criteria = {item.id: "unsure" for item in bank.items if item.kind == "criterion"}
    text, record = replay(tmp_path, language, all_answers(bank, "yes", **criteria))
    assert NO_PATTERN[language].lower() not in text.lower()
    severe = next(band for band in bank.scoring.bands if band.id == "severe")
    assert severe.could_be is not None and " ".join(severe.could_be.split()) in text
    lowest = min(bank.scoring.bands, key=lambda band: band.min)
    assert lowest.message_if_unclear is not None
    assert " ".join(lowest.message_if_unclear.split()) in text
    assert json.loads(record)["could_be"]["id"] == "severe"


def flags_at_health_level() -> list[tuple[str, str, str]]:
    return [
        (language, flag.id, flag.when_any[0].item)
        for language in LANGUAGES
        for flag in bank_in(language).flags
        if flag.level in HEALTH_LEVELS
    ]


@pytest.mark.parametrize(("language", "flag_id", "item_id"), flags_at_health_level())
def test_a_health_flag_with_no_criteria_is_never_followed_by_no_pattern_of_concern(
    tmp_path: Path, language: str, flag_id: str, item_id: str
) -> None:
    bank = bank_in(language)
    text, record = replay(tmp_path, language, all_answers(bank, "yes", **{item_id: "yes"}))
    assert flag_id in [flag["id"] for flag in json.loads(record)["flags"]]
    assert json.loads(record)["criteria_met"] == 0
    assert NO_PATTERN[language].lower() not in text.lower()
    lowest = min(bank.scoring.bands, key=lambda band: band.min)
    assert lowest.message_if_flagged is not None
    assert " ".join(lowest.message_if_flagged.split()) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_closed_gate_records_no_band(tmp_path: Path, language: str) -> None:
    bank = bank_in(language)
    _, record = replay(tmp_path, language, all_answers(bank, "no"))
    result = json.loads(record)
    assert result["gate_closed"] is True
    assert (result["band"], result["band_reason"]) == (None, "not_assessed")
    fhir = CliRunner().invoke(
        app,
        ["run", "--answers", str(tmp_path / "answers.json"), "-f", "fhir", "--region", "uk"],
        env={"LANG": LOCALES[language]},
    )
    assert fhir.exit_code == 0, fhir.output
    assert "result.band" not in {item["linkId"] for item in json.loads(fhir.stdout)["item"]}


def test_the_professional_view_says_a_closed_gate_was_not_assessed(tmp_path: Path) -> None:
    from screener.files.wording import load_strings
    from screener.models.contacts import Region
    from screener.reports.summary import build_professional_summary
    from screener.rules.result import build_result
    from screener.rules.scoring import score

    path = bundled.bank_file("ketamine", "en")
    assert path is not None
    loaded = load_bank(path)
    answers = all_answers(loaded.bank, "no")
    result = build_result(
        loaded, score(loaded.bank, answers), Region(id="x", name="X", contacts=())
    )
    sections = build_professional_summary(loaded.bank, result, load_strings("en"))
    said = " ".join(sections[0].paragraphs)
    assert "Severity band: not assessed" in said
    assert "Severity band: none" not in said


PRESCRIBED_NOT_SURE = {
    "en": "You weren't sure whether all your ketamine use was prescribed",
    "es": "No sabías con certeza si todo tu consumo de ketamina fue con receta",
}
STREET = {
    "en": ("street", "drug checking", "Narcotics Anonymous", "2F-DCK"),
    "es": ("de la calle", "análisis de sustancias", "Narcóticos Anónimos", "2F-DCK"),
}
PRESCRIBER = {"en": "Tell them if you notice", "es": "Cuéntale si notas"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_prescribed_not_sure_is_explained(tmp_path: Path, language: str) -> None:
    bank = bank_in(language)
    answers = all_answers(bank, "yes", prescribed_only="unsure", tolerance="yes")
    text, record = replay(tmp_path, language, answers)
    assert PRESCRIBED_NOT_SURE[language] in text
    assert json.loads(record)["criteria_met"] == 1  # counted, the careful choice


@pytest.mark.parametrize("language", LANGUAGES)
def test_prescribed_only_has_no_street_advice(tmp_path: Path, language: str) -> None:
    bank = bank_in(language)
    text, _ = replay(tmp_path, language, all_answers(bank, "yes", prescribed_only="yes"))
    assert [words for words in STREET[language] if words in text] == []
    assert PRESCRIBER[language] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_new_questions_exist_with_their_flags(language: str) -> None:
    bank = bank_in(language)
    items = {item.id: item for item in bank.items}
    for item_id, level in (("dissociation", "urgent"), ("injecting", "medical")):
        assert items[item_id].kind == "health" and items[item_id].why
        flagged = [flag for flag in bank.flags if flag.when_any[0].item == item_id]
        assert [flag.level for flag in flagged] == [level]
        assert flagged[0].unsure_advice
    side_pain = {"en": "pain in your side or back", "es": "dolor en el costado o en la espalda"}
    assert side_pain[language] in " ".join(items["bladder_symptoms"].text.split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_everyone_hears_about_pregnancy_and_driving(tmp_path: Path, language: str) -> None:
    words = {"en": ("pregnant", "Don't drive"), "es": ("embarazada", "No conduzcas")}
    for used in GATE_ANSWERS:
        bank = bank_in(language)
        text, _ = replay(tmp_path, language, all_answers(bank, used))
        assert words[language][0] in text
        if used == "yes":
            assert words[language][1] in text


def test_the_crisis_flag_line_in_an_intake_record_names_suicide_or_self_harm(
    tmp_path: Path,
) -> None:
    for language, named in (("en", "suicide or self-harm"), ("es", "suicidio")):
        bank = bank_in(language)
        path = tmp_path / f"intake-{language}.json"
        answers = all_answers(bank, "no", self_harm_thoughts="yes")
        path.write_text(json.dumps({"bank": "ketamine", "answers": answers}), encoding="utf-8")
        record = tmp_path / f"record-{language}.md"
        ran = CliRunner().invoke(
            app,
            ["intake", "--answers", str(path), "--client", "K-1", "-o", str(record)],
            env={"LANG": LOCALES[language]},
        )
        assert ran.exit_code == 0, ran.output
        lines = record.read_text(encoding="utf-8").splitlines()
        crisis = [line for line in lines if line.startswith("- **Crisis**")]
        assert crisis and all(named in line for line in crisis), crisis
