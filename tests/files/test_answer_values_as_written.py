"""Every message about an answer's value quotes what the file holds, for every kind of value
YAML and JSON can hold and every FHIR value[x]: an answers file, a saved JSON record and a
QuestionnaireResponse, each located at file:line:col and key, listing the answers allowed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from screener.errors import DataError
from screener.files.answers import load_replay
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.base import Code
from screener.render.fhir.response import questionnaire_response
from screener.render.json import render_json
from screener.rules.result import build_result
from screener.rules.scoring import score
from tests.helpers import DATA, NOWHERE

SCALES = load_bank(DATA / "scales.yaml")
GIVEN: dict[str, Code] = {
    "used": "yes",
    "first": "no",
    "second": "yes",
    "often": "weekly",
    "mood": "no",
    "feel": "stop",
}
OFTEN = "use one of: never, monthly, weekly, daily, unsure"
YES_NO = "use yes, no or unsure"


def refusal(path: Path) -> str:
    """The one line a replay of `path` is refused with."""
    with pytest.raises(DataError) as raised:
        load_replay(path, SCALES.bank, intake=False, sha256=SCALES.sha256)
    (problem,) = raised.value.problems
    return str(problem)


def answers_file(tmp_path: Path, item: str, written: str) -> Path:
    """The scales answers with `item` answered by `written`, as YAML text, on line 3 + its
    place among the answers."""
    lines = [f"  {key}: {written if key == item else code}" for key, code in GIVEN.items()]
    path = tmp_path / "answers.yaml"
    path.write_text("bank: scales\nanswers:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def line_of(item: str) -> int:
    return 3 + list(GIVEN).index(item)


# What YAML can hold, written plainly: the word YAML 1.1 reads as a boolean, numbers in every
# notation it reads, dates and timestamps. Each message quotes the text as typed.
SCALARS = [
    "yes",
    "no",
    "Yes",
    "NO",
    "on",
    "Off",
    "true",
    "FALSE",
    "3",
    "-1",
    "+2",
    "3.50",
    "1e3",
    "0x1F",
    "017",
    "1_000",
    ".inf",
    "-.Inf",
    ".nan",
    "2026-01-01",
    "2026-01-01 10:15:00",
    "2001-12-14t21:59:43.10-05:00",
    '"3"',
    "'maybe'",
    "hourly",
]


def typed_text(written: str) -> str:
    return written[1:-1] if written[:1] in "'\"" else written


@pytest.mark.parametrize("written", SCALARS)
def test_a_scale_answer_is_quoted_as_typed(tmp_path: Path, written: str) -> None:
    path = answers_file(tmp_path, "often", written)
    assert refusal(path) == (
        f"{path}:{line_of('often')}:3: answers.often: '{typed_text(written)}' is not an answer "
        f"to 'often'; {OFTEN}"
    )


YES_NO_ANSWERS = {"yes", "no", "Yes", "NO", "true", "FALSE"}
"""What a yes/no question takes of these (on and off have their own hint, tested beside)."""


@pytest.mark.parametrize(
    "written", [w for w in SCALARS if w not in YES_NO_ANSWERS and w not in ("on", "Off")]
)
def test_a_yes_no_answer_is_quoted_as_typed(tmp_path: Path, written: str) -> None:
    path = answers_file(tmp_path, "mood", written)
    assert refusal(path) == (
        f"{path}:{line_of('mood')}:3: answers.mood: '{typed_text(written)}' is not an answer; "
        f"{YES_NO}"
    )


@pytest.mark.parametrize(
    ("written", "told"),
    [
        ("", "no answer given"),
        ("~", "no answer given"),
        ("null", "no answer given"),
        ("Null", "no answer given"),
        ("[weekly]", "a list is not an answer"),
        ("[]", "a list is not an answer"),
        ("{code: weekly}", "a mapping is not an answer"),
        ("{}", "a mapping is not an answer"),
    ],
)
def test_null_lists_and_mappings_say_what_they_are(tmp_path: Path, written: str, told: str) -> None:
    path = answers_file(tmp_path, "often", written)
    assert refusal(path) == (
        f"{path}:{line_of('often')}:3: answers.often: {told} to 'often'; {OFTEN}"
    )
    path = answers_file(tmp_path, "mood", written)
    assert refusal(path) == f"{path}:{line_of('mood')}:3: answers.mood: {told}; {YES_NO}"


# --- a saved JSON record: JSON's own kinds ---------------------------------------------------


def saved_record(tmp_path: Path, item: str, value: str) -> tuple[Path, int, int]:
    """A JSON record of the scales bank with `item`'s answer replaced by the JSON `value`;
    the path and the line and column of the item's key."""
    record = json.loads(render_json(build_result(SCALES, score(SCALES.bank, GIVEN), NOWHERE)))
    record["answers"][item] = "PLACE"
    text = json.dumps(record, indent=2).replace('"PLACE"', value)
    path = tmp_path / "record.json"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    number = next(
        i for i, line in enumerate(lines) if line.strip().startswith(f'"{item}": {value}')
    )
    return path, number + 1, lines[number].index('"') + 1


JSON_SCALARS = ["true", "false", "3", "-0", "3.50", "1e3", "1E-2", '"2026-01-01"', '"yes"']


@pytest.mark.parametrize("value", JSON_SCALARS)
def test_a_records_scale_answer_is_quoted_as_the_json_holds_it(tmp_path: Path, value: str) -> None:
    path, line, column = saved_record(tmp_path, "often", value)
    assert refusal(path) == (
        f"{path}:{line}:{column}: answers.often: '{value.strip(chr(34))}' is not an answer to "
        f"'often'; {OFTEN}"
    )


@pytest.mark.parametrize("value", ["3", "-0", "3.50", "1e3", "1E-2", '"2026-01-01"'])
def test_a_records_yes_no_answer_is_quoted_as_the_json_holds_it(tmp_path: Path, value: str) -> None:
    path, line, column = saved_record(tmp_path, "mood", value)
    assert refusal(path) == (
        f"{path}:{line}:{column}: answers.mood: '{value.strip(chr(34))}' is not an answer; {YES_NO}"
    )


@pytest.mark.parametrize(
    ("value", "told"),
    [
        ("null", "no answer given"),
        ("[]", "a list is not an answer"),
        ("{}", "a mapping is not an answer"),
    ],
)
def test_a_records_null_list_and_mapping_say_what_they_are(
    tmp_path: Path, value: str, told: str
) -> None:
    path, line, column = saved_record(tmp_path, "often", value)
    assert refusal(path) == f"{path}:{line}:{column}: answers.often: {told} to 'often'; {OFTEN}"


# --- a FHIR QuestionnaireResponse: every value[x] ---------------------------------------------

FHIR_OFTEN = "use a valueCoding of one of its options: never, monthly, weekly, daily, unsure"
FHIR_YES_NO = "use a valueCoding of one of: yes, no, unsure"


def response_with(tmp_path: Path, item: str, answer: dict[str, Any]) -> tuple[Path, int, str]:
    """The scales response with `item`'s one answer replaced; its path, the item's index and
    the response's text."""
    result = build_result(SCALES, score(SCALES.bank, GIVEN), NOWHERE)
    response = questionnaire_response(SCALES.bank, result, load_strings("en"))
    index = next(i for i, entry in enumerate(response["item"]) if entry["linkId"] == item)
    response["item"][index]["answer"] = [answer]
    text = json.dumps(response, indent=2)
    path = tmp_path / "response.json"
    path.write_text(text, encoding="utf-8")
    return path, index, text


def located(text: str, key: str, item: str) -> str:
    """line:col of the first `"key":` after the item whose linkId is `item`."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if f'"linkId": "{item}"' in line)
    number = next(i for i, line in enumerate(lines) if i > start and f'"{key}":' in line)
    return f"{number + 1}:{lines[number].index(chr(34)) + 1}"


def answer_at(text: str) -> str:
    """line:col of the answer itself (the mapping in the list), in often's item."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if '"linkId": "often"' in line)
    number = next(i for i, line in enumerate(lines) if i > start and '"answer":' in line) + 1
    return f"{number + 1}:{lines[number].index('{') + 1}"


SCALAR_VALUES = [
    ("valueString", '"daily"', "daily"),
    ("valueString", '"yes"', "yes"),
    ("valueBoolean", "true", "true"),
    ("valueBoolean", "false", "false"),
    ("valueInteger", "3", "3"),
    ("valueDecimal", "3.50", "3.50"),
    ("valueDate", '"2026-11-21"', "2026-11-21"),
    ("valueDateTime", '"2026-11-21T10:15:00Z"', "2026-11-21T10:15:00Z"),
    ("valueTime", '"10:15:00"', "10:15:00"),
    ("valueUri", '"http://example.org/daily"', "http://example.org/daily"),
]


@pytest.mark.parametrize(("key", "value", "quoted"), SCALAR_VALUES)
@pytest.mark.parametrize(("item", "allowed"), [("often", FHIR_OFTEN), ("mood", FHIR_YES_NO)])
def test_a_fhir_value_other_than_a_coding_is_quoted_and_named(
    tmp_path: Path, item: str, allowed: str, key: str, value: str, quoted: str
) -> None:
    path, index, _ = response_with(tmp_path, item, {key: json.loads(value)})
    text = path.read_text(encoding="utf-8").replace(json.dumps(json.loads(value)), value)
    path.write_text(text, encoding="utf-8")  # 3.50 as written, not as Python prints it
    assert refusal(path) == (
        f"{path}:{located(text, key, item)}: item[{index}].answer[0].{key}: "
        f"{key} '{quoted}' is not an answer to '{item}'; {allowed}"
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("valueAttachment", {"contentType": "text/plain", "data": "ZGFpbHk="}),
        ("valueQuantity", {"value": 3, "unit": "times a week"}),
        ("valueReference", {"reference": "Observation/1"}),
        ("valueString", ["daily"]),
    ],
)
def test_a_fhir_value_that_is_a_structure_is_named(tmp_path: Path, key: str, value: object) -> None:
    path, index, text = response_with(tmp_path, "often", {key: value})
    kind = "a list" if isinstance(value, list) else "a mapping"
    assert refusal(path) == (
        f"{path}:{located(text, key, 'often')}: item[{index}].answer[0].{key}: "
        f"{key} holding {kind} is not an answer to 'often'; {FHIR_OFTEN}"
    )


def test_a_fhir_null_value_and_no_value_are_named(tmp_path: Path) -> None:
    path, index, text = response_with(tmp_path, "often", {"valueString": None})
    assert refusal(path) == (
        f"{path}:{located(text, 'valueString', 'often')}: item[{index}].answer[0].valueString: "
        f"an empty valueString is not an answer to 'often'; {FHIR_OFTEN}"
    )
    path, index, text = response_with(tmp_path, "often", {})
    assert refusal(path) == (
        f"{path}:{answer_at(text)}: item[{index}].answer[0]: no value given for "
        f"'often'; {FHIR_OFTEN}"
    )


def test_a_fhir_answer_with_two_values_is_refused(tmp_path: Path) -> None:
    coding = {"system": "https://screener.invalid/fhir/CodeSystem/scales-often-answer"}
    answer = {"valueCoding": {**coding, "code": "daily"}, "valueString": "daily"}
    path, index, text = response_with(tmp_path, "often", answer)
    assert refusal(path) == (
        f"{path}:{answer_at(text)}: item[{index}].answer[0]: an answer holds one "
        f"value, not valueCoding and valueString; {FHIR_OFTEN}"
    )


OFTEN_SYSTEM = "https://screener.invalid/fhir/CodeSystem/scales-often-answer"


NOT_A_CODING = "is not a coding (a mapping of system and code); " + FHIR_OFTEN


@pytest.mark.parametrize(
    ("coding", "told"),
    [
        ('"daily"', f"valueCoding 'daily' {NOT_A_CODING}"),
        ("3", f"valueCoding '3' {NOT_A_CODING}"),
        ('["daily"]', f"valueCoding holding a list {NOT_A_CODING}"),
        ("null", f"an empty valueCoding is not an answer to 'often'; {FHIR_OFTEN}"),
        (
            '{"system": "S", "display": "Daily"}',
            f"a valueCoding with no code is not an answer to 'often'; {OFTEN}",
        ),
        (
            '{"system": "S", "code": null}',
            f"a valueCoding with no code is not an answer to 'often'; {OFTEN}",
        ),
        ('{"system": "S", "code": true}', f"'true' is not an answer to 'often'; {OFTEN}"),
        ('{"system": "S", "code": 3.50}', f"'3.50' is not an answer to 'often'; {OFTEN}"),
        ('{"system": "S", "code": ["daily"]}', f"a list is not an answer to 'often'; {OFTEN}"),
    ],
)
def test_a_fhir_coding_is_quoted_as_the_file_holds_it(
    tmp_path: Path, coding: str, told: str
) -> None:
    path, index, _ = response_with(tmp_path, "often", {"valueCoding": "PLACE"})
    text = path.read_text(encoding="utf-8").replace(
        '"PLACE"', coding.replace('"S"', json.dumps(OFTEN_SYSTEM))
    )
    path.write_text(text, encoding="utf-8")
    assert refusal(path) == (
        f"{path}:{located(text, 'valueCoding', 'often')}: "
        f"item[{index}].answer[0].valueCoding: {told}"
    )
