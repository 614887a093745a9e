"""Issue 11: what a person reads never reassures them against their own answers.

Each test replays an answers file through `screener run`, as the issue's "done when" asks, in
every language the bank ships in, on both paths (gate open and gate closed).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screener.cli import app
from screener.files import bundled
from screener.files.bank import load_bank
from screener.models.bank import Bank, Condition, Flag
from screener.models.base import Answer, Code
from screener.rules.scoring import asked_items, score
from tests.helpers import SCALE_ANSWERS

LANGUAGES = bundled.bank_languages("ketamine")
LOCALES = {"en": "en_GB.UTF-8", "es": "es_ES.UTF-8"}
GATE_ANSWERS: tuple[Answer, ...] = ("yes", "no")
"""Both paths: the gate open (used in the past year) and closed."""
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
    """What is given, else "no"; a scale question's "nothing of note" is its SCALE_ANSWERS
    code (monthly use; rather not say)."""
    answer = given.get(item_id, SCALE_ANSWERS.get(item_id, "no"))
    assert answer in ("yes", "no", "unsure") or item_id in SCALE_ANSWERS
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


# Issue 21: the band's words never contradict any raised flag, of any level, nor a yes to
# criteria 8 or 9; one sign met is worded as one; zero is never "few".
FEW = {"en": re.compile(r"\bfew\b", re.IGNORECASE), "es": re.compile(r"\bpocas?\b", re.IGNORECASE)}
ONE_SIGN = {"en": "One of the signs", "es": "Una de las señales"}
SEVERITY_WORDS = {
    "en": re.compile(r"\b(mild|moderate|severe)\b", re.IGNORECASE),
    "es": re.compile(r"\b(leve|moderad[oa]|grave)\b", re.IGNORECASE),
}
PATHS: tuple[dict[str, Answer], ...] = (
    {"used_past_year": "yes", "prescribed_only": "no"},
    {"used_past_year": "yes", "prescribed_only": "yes"},
    {"used_past_year": "no"},
)
"""Every path through the gates: street or mixed use, prescribed only, no use this year."""


def raising_answers(flag: Flag, condition: Condition) -> list[Code]:
    """Each answer to the condition's question that raises the flag."""
    answers = list(condition.answers)
    if flag.if_unsure == "raise" and "unsure" not in answers:
        answers.append("unsure")
    return answers


def flag_cases() -> list[tuple[str, str, str, Code, int]]:
    """(language, flag, item, answer, path) for every flag, every answer that raises it, on
    every path where its question is asked: exhaustive over the bank's flags."""
    cases = []
    for language in LANGUAGES:
        bank = bank_in(language)
        for flag in bank.flags:
            for condition in flag.when_any:
                for answer in raising_answers(flag, condition):
                    for number, path in enumerate(PATHS):
                        start = all_answers(bank, path["used_past_year"], **path)
                        if condition.item in [item.id for item in asked_items(bank, start)]:
                            cases.append((language, flag.id, condition.item, answer, number))
    return cases


def assert_band_words_are_honest(language: str, bank: Bank, text: str, record: str) -> None:
    """No "no pattern of concern" beside a raised flag or a met criterion 8 or 9; zero never
    "few"; one met worded as one; no severity words for the person."""
    result = json.loads(record)
    lowered = text.lower()
    if result["flags"] or result["answers"].get("hazardous_use") == "yes":
        assert NO_PATTERN[language].lower() not in lowered
    if result["answers"].get("health_problems") == "yes":
        assert NO_PATTERN[language].lower() not in lowered
    if result["band"] is None:
        return
    message = result["band"]["message"]
    assert not SEVERITY_WORDS[language].search(message), message
    if result["criteria_met"] == 0:
        assert not FEW[language].search(message), message
    if result["criteria_met"] == 1 and result["could_be"] is None:
        assert ONE_SIGN[language] in message, message
        assert NO_PATTERN[language].lower() not in message.lower()


@pytest.mark.parametrize(("language", "flag_id", "item_id", "answer", "path"), flag_cases())
def test_no_band_message_contradicts_any_raised_flag(
    tmp_path: Path, language: str, flag_id: str, item_id: str, answer: Answer, path: int
) -> None:
    bank = bank_in(language)
    given = {**PATHS[path], item_id: answer}
    text, record = replay(tmp_path, language, all_answers(bank, given["used_past_year"], **given))
    raised = {flag["id"]: flag for flag in json.loads(record)["flags"]}
    assert flag_id in raised, f"{answer} to {item_id} dropped the {flag_id} advice"
    assert " ".join(raised[flag_id]["advice"].split()) in text
    assert_band_words_are_honest(language, bank, text, record)
    if json.loads(record)["band"] is not None:
        lowest = min(bank.scoring.bands, key=lambda band: band.min)
        assert json.loads(record)["band"]["message"] != lowest.message


def criterion_cases() -> list[tuple[str, str, Answer, int]]:
    return [
        (language, item.id, answer, number)
        for language in LANGUAGES
        for item in bank_in(language).items
        if item.kind == "criterion"
        for answer in ("yes", "unsure")
        for number in (0, 1)
    ]


@pytest.mark.parametrize(("language", "item_id", "answer", "path"), criterion_cases())
def test_one_criterion_alone_is_worded_as_what_it_is(
    tmp_path: Path, language: str, item_id: str, answer: Answer, path: int
) -> None:
    """Each criterion alone, yes or not sure, on both paths where criteria are asked: one
    sign met reads as one sign (below the range, still worth acting on), never "no pattern";
    criteria 8 and 9 bring advice of their own."""
    bank = bank_in(language)
    given = {**PATHS[path], item_id: answer}
    text, record = replay(tmp_path, language, all_answers(bank, "yes", **given))
    assert_band_words_are_honest(language, bank, text, record)
    result = json.loads(record)
    if item_id in ("hazardous_use", "health_problems"):
        flagged = [
            flag.id
            for flag in bank.flags
            if any(condition.item == item_id for condition in flag.when_any)
        ]
        assert flagged and set(flagged) <= {flag["id"] for flag in result["flags"]}
    if answer == "yes" and result["criteria_met"] == 1:
        assert ONE_SIGN[language] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_criterion_9_yes_or_not_sure_gets_health_advice_of_its_own(language: str) -> None:
    bank = bank_in(language)
    own = [
        flag
        for flag in bank.flags
        if [condition.item for condition in flag.when_any] == ["health_problems"]
    ]
    assert len(own) == 1, "criterion 9 needs a flag of its own"
    flag = own[0]
    assert flag.level in ("medical", "urgent")
    for answer in ("yes", "unsure"):
        result = score(bank, all_answers(bank, "yes", health_problems=answer))
        assert flag.id in [raised.id for raised in result.flags], answer
    assert flag.unsure_advice and flag.unsure_advice != flag.advice


def health_items(bank: Bank) -> list[str]:
    """Every question that raises a flag, criteria 8 and 9 among them."""
    return sorted({condition.item for flag in bank.flags for condition in flag.when_any})


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("met", [0, 1])
def test_every_combination_of_flags_keeps_the_band_words_honest(language: str, met: int) -> None:
    """All 2**n patterns of yes to the questions that raise flags, with 0 and 1 other criteria
    met: any flag, whatever its level, means no plain "no pattern" message."""
    bank = bank_in(language)
    items = [item for item in health_items(bank) if item != "prescribed_only"]
    lowest = min(bank.scoring.bands, key=lambda band: band.min)
    base = all_answers(bank, "yes", more_than_meant="yes" if met else "no")
    for pattern in range(2 ** len(items)):
        answers = {**base}
        answers.update({item: "yes" for bit, item in enumerate(items) if pattern >> bit & 1})
        answers = all_answers(bank, "yes", **answers)
        result = score(bank, answers)
        assert result.band is not None
        if result.flags or result.criteria_met:
            # The band's words come first, its advice after (issue 21).
            assert not result.band.message.startswith(lowest.message), sorted(answers.items())
        if result.criteria_met == 0:
            assert not FEW[language].search(result.band.message)
        if result.criteria_met == 1:
            assert lowest.message_if_one is not None
            assert result.band.message.startswith(lowest.message_if_one)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_could_be_sentence_and_band_words_use_no_severity_words(language: str) -> None:
    """Person-facing band words count signs, as the band messages do; only the professional
    view names mild, moderate or severe."""
    bank = bank_in(language)
    for band in bank.scoring.bands:
        for text in (
            band.message,
            band.message_if_unclear,
            band.message_if_flagged,
            band.message_if_one,
            band.could_be,
            band.advice,
            *(path.advice for path in band.advice_on_path),
        ):
            if text:
                assert not SEVERITY_WORDS[language].search(text), (band.id, text)


URGENT_CHECK = {"en": ("urgent", "only once"), "es": ("urgente", "una sola vez")}
CANNOT_PASS = {"en": "can't pass urine", "es": "no puedes orinar"}
EMERGENCY_DEPARTMENT = {"en": "emergency department", "es": "urgencias"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_blood_in_urine_is_urgent_and_an_emergency_only_when_urine_cannot_pass(
    language: str,
) -> None:
    """NHS: an urgent GP appointment (or 111) even for a small amount or once; the emergency is
    not being able to pass urine, or clots stopping it."""
    bank = bank_in(language)
    flag = next(flag for flag in bank.flags if flag.id == "blood_in_urine")
    for advice in (flag.advice, flag.unsure_advice or ""):
        said = " ".join(advice.split())
        for words in URGENT_CHECK[language]:
            assert words in said, words
        for sentence in re.split(r"(?<=[.!?])\s+", said):
            if EMERGENCY_DEPARTMENT[language] in sentence:
                assert CANNOT_PASS[language] in sentence, sentence


HAPPENING_NOW = {
    "en": "If this is happening now, get help today",
    "es": "Si te está pasando ahora, busca ayuda hoy",
}
MENTAL_HEALTH_ROUTE = {"en": "111", "es": "urgencias"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_hearing_or_seeing_things_now_means_help_today_by_the_regions_route(
    language: str,
) -> None:
    bank = bank_in(language)
    flag = next(flag for flag in bank.flags if flag.id == "dissociation")
    for advice in (flag.advice, flag.unsure_advice or ""):
        said = " ".join(advice.split())
        assert HAPPENING_NOW[language] in said
        assert MENTAL_HEALTH_ROUTE[language] in said


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


# Issue 21: on the prescribed-only path every flag says to tell the prescriber or clinic
# before the next session and not to stop or change treatment alone, and nothing there
# assumes street use.
PRESCRIBER_BEFORE_NEXT = {
    "en": "prescriber or clinic before your next session",
    "es": "a quien te receta o a tu clínica antes de tu próxima sesión",
}
NOT_ALONE = {
    "en": "Don't stop or change your treatment on your own",
    "es": "No dejes ni cambies el tratamiento por tu cuenta",
}
PRESCRIBER_OR_CLINIC = {"en": "prescriber or clinic", "es": "a quien te la receta o a tu clínica"}
ASSUMES_STREET_USE = {
    "en": (
        "street",
        "drug checking",
        "test your drugs",
        "Narcotics Anonymous",
        "2F-DCK",
        "sold as ketamine",
        "use alone",
        "naloxone",
        "needle",
        "common among people who use ketamine",
        "ketamine use stops",
        "best way to protect",
        "snort",
        "uppers",
    ),
    "es": (
        "de la calle",
        "análisis de sustancias",
        "analiza lo que vas a tomar",
        "mejor forma de cuidar",
        "esnif",
        "estimulantes",
        "Narcóticos Anónimos",
        "2F-DCK",
        "se vende como ketamina",
        "consumir a solas",
        "naloxona",
        "jeringas",
        "frecuente entre las personas que consumen ketamina",
        "si se deja la ketamina",
    ),
}


def prescribed_cases() -> list[tuple[str, str, str, Code]]:
    """(language, flag, item, answer) for every flag raised on the prescribed-only path."""
    return [
        (language, flag_id, item_id, answer)
        for language, flag_id, item_id, answer, path in flag_cases()
        if path == 1
    ]


@pytest.mark.parametrize(("language", "flag_id", "item_id", "answer"), prescribed_cases())
def test_on_the_prescribed_path_every_flag_points_to_the_prescriber(
    tmp_path: Path, language: str, flag_id: str, item_id: str, answer: Answer
) -> None:
    bank = bank_in(language)
    given = {**PATHS[1], item_id: answer}
    text, record = replay(tmp_path, language, all_answers(bank, "yes", **given))
    advice = " ".join(
        next(flag for flag in json.loads(record)["flags"] if flag["id"] == flag_id)[
            "advice"
        ].split()
    )
    if next(flag for flag in bank.flags if flag.id == flag_id).level == "crisis":
        # The crisis screen shows the same words on every path: it names the prescriber.
        assert PRESCRIBER_OR_CLINIC[language] in advice
    else:
        assert PRESCRIBER_BEFORE_NEXT[language] in advice
        assert NOT_ALONE[language] in advice
    assumed = [words for words in ASSUMES_STREET_USE[language] if words.lower() in text.lower()]
    assert assumed == [], assumed


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_street_words_are_there_on_the_other_path(tmp_path: Path, language: str) -> None:
    """The check above can fail: the same words do show when use was not all prescribed."""
    bank = bank_in(language)
    # Each question that raises a flag, answered as its flag's first condition names it
    # ("yes", or a scale's option such as weekly).
    everything = {
        condition.item: condition.answers[0]
        for flag in reversed(bank.flags)
        for condition in flag.when_any
    }
    given = {**PATHS[0], **everything}
    text, _ = replay(tmp_path, language, all_answers(bank, "yes", **given))
    shown = [words for words in ASSUMES_STREET_USE[language] if words.lower() in text.lower()]
    assert len(shown) >= 5, shown


FIRST_AID = {
    "en": "If someone can't be woken or is breathing oddly, call the emergency number",
    "es": "Si alguien no se despierta o respira de forma extraña, llama al número de emergencias",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_everyone_who_used_hears_the_first_aid_line(tmp_path: Path, language: str) -> None:
    """In the harm-reduction step, not only in the mixing advice: with no flag at all."""
    bank = bank_in(language)
    text, record = replay(tmp_path, language, all_answers(bank, "yes", prescribed_only="no"))
    assert json.loads(record)["flags"] == []
    assert FIRST_AID[language] in text


BAND_ADVICE_ON_THE_PRESCRIBED_PATH = {
    "en": ("Tell your prescriber or clinic", "prescriber or clinic before your next session"),
    "es": ("díselo a tu médico o a tu clínica", "tu clínica antes de la próxima sesión"),
}


def band_cases() -> list[tuple[str, str, int]]:
    """Every band, each language, both paths of use: (language, band id, path index)."""
    return [
        (language, band.id, path)
        for language in LANGUAGES
        for band in bank_in(language).scoring.bands
        for path in (0, 1)
    ]


@pytest.mark.parametrize(("language", "band_id", "path"), band_cases())
def test_every_band_ends_with_one_sentence_of_advice_for_the_persons_path(
    tmp_path: Path, language: str, band_id: str, path: int
) -> None:
    """Issue 21: one plain sentence per band, as brief interventions give it; on the
    prescribed path the prescriber's, never "cut down or stop" (advice for street use)."""
    bank = bank_in(language)
    band = next(band for band in bank.scoring.bands if band.id == band_id)
    criteria = [item.id for item in bank.items if item.kind == "criterion"]
    if path == 1:  # tolerance is not counted during prescribed treatment
        criteria = [item_id for item_id in criteria if item_id != "tolerance"]
    given = {**PATHS[path], **dict.fromkeys(criteria[: band.max], "yes")}
    _, record = replay(tmp_path, language, all_answers(bank, "yes", **given))
    result = json.loads(record)["band"]
    assert result["id"] == band_id
    message = " ".join(result["message"].split())
    on_path = [
        advice.advice for advice in band.advice_on_path if advice.when.item == "prescribed_only"
    ]
    expected = " ".join((on_path[0] if path == 1 and on_path else band.advice or "").split())
    assert expected and message.endswith(expected)
    if path == 1:
        assert any(words in message for words in BAND_ADVICE_ON_THE_PRESCRIBED_PATH[language])
        assumed = [w for w in ASSUMES_STREET_USE[language] if w.lower() in message.lower()]
        assert assumed == [], assumed


HARM_REDUCTION_FOR_EVERYONE_WHO_USED = {
    "en": ("extra strain on your heart", "snorting can damage the inside of the nose"),
    "es": ("fuerza más el corazón", "esnifar puede dañar el interior de la nariz"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_everyone_who_used_hears_about_uppers_and_snorting(tmp_path: Path, language: str) -> None:
    bank = bank_in(language)
    text, _ = replay(tmp_path, language, all_answers(bank, "yes", prescribed_only="no"))
    said = " ".join(text.split())
    missing = [w for w in HARM_REDUCTION_FOR_EVERYONE_WHO_USED[language] if w not in said]
    assert missing == []
