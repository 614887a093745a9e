"""A QuestionnaireResponse read back with --answers: re-scored, or refused at file:line:col."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from screener.cli import app
from screener.errors import DataError
from screener.files.answers import load_replay
from screener.models.bank import LoadedBank
from screener.models.wording import UiStrings
from screener.render.fhir.response import questionnaire_response
from screener.rules.scoring import score
from tests.helpers import PATHS, result_for

runner = CliRunner()
Json = dict[str, Any]


def saved(tmp_path: Path, ketamine: LoadedBank, strings: UiStrings, path: str = "moderate") -> Json:
    answers, _ = PATHS[path]
    return questionnaire_response(ketamine.bank, result_for(ketamine, answers), strings)


def write(tmp_path: Path, response: Json) -> Path:
    target = tmp_path / "response.json"
    target.write_text(json.dumps(response, indent=2), encoding="utf-8")
    return target


def refused(tmp_path: Path, ketamine: LoadedBank, response: Json) -> str:
    with pytest.raises(DataError) as caught:
        load_replay(write(tmp_path, response), ketamine.bank, intake=True, sha256=ketamine.sha256)
    return "\n".join(str(problem) for problem in caught.value.problems)


@pytest.mark.parametrize("path", sorted(PATHS))
def test_screeners_own_response_round_trips_to_the_same_result(
    tmp_path: Path, ketamine: LoadedBank, strings: UiStrings, path: str
) -> None:
    response = saved(tmp_path, ketamine, strings, path)
    replay = load_replay(
        write(tmp_path, response), ketamine.bank, intake=True, sha256=ketamine.sha256
    )
    assert replay.answers == score(ketamine.bank, PATHS[path][0]).answers  # those asked
    assert replay.client == "K-0142" and replay.warnings == ()
    assert replay.recorded_at is not None and replay.recorded_at.isoformat() == (
        "2026-11-21T10:15:00+00:00"
    )


def test_another_fillers_z_time_with_milliseconds_and_no_subject(
    tmp_path: Path, ketamine: LoadedBank, strings: UiStrings
) -> None:
    response = saved(tmp_path, ketamine, strings)
    del response["subject"]
    response["authored"] = "2026-11-30T10:31:54.606Z"
    replay = load_replay(
        write(tmp_path, response), ketamine.bank, intake=True, sha256=ketamine.sha256
    )
    assert replay.client is None
    assert replay.recorded_at is not None and replay.recorded_at.utcoffset() is not None


def test_another_banks_questionnaire_is_refused_where_it_is_named(
    tmp_path: Path, ketamine: LoadedBank, strings: UiStrings
) -> None:
    response = saved(tmp_path, ketamine, strings)
    response["questionnaire"] = response["questionnaire"].replace("+sha256.", "+sha256.0")
    message = refused(tmp_path, ketamine, response)
    assert message.startswith(f"{tmp_path / 'response.json'}:")
    version = ketamine.bank.version
    assert f"questionnaire: answers version {version}+sha256.0" in message
    url = "https://screener.invalid/fhir/Questionnaire/ketamine-en"
    assert f"not this bank's {url}|{version}+sha256.{ketamine.sha256[:8]}" in message
    response["questionnaire"] = "http://example.org/Questionnaire/phq9|1.0.0"
    assert "answers 'http://example.org/Questionnaire/phq9|1.0.0'" in refused(
        tmp_path, ketamine, response
    )


def test_an_answer_that_is_not_one_of_the_banks_codes_is_refused(
    tmp_path: Path, ketamine: LoadedBank, strings: UiStrings
) -> None:
    response = saved(tmp_path, ketamine, strings)
    index = next(
        i for i, item in enumerate(response["item"]) if item["linkId"] == "more_than_meant"
    )
    response["item"][index]["answer"][0]["valueCoding"]["code"] = "maybe"
    message = refused(tmp_path, ketamine, response)
    assert (
        f"item[{index}].answer[0].valueCoding: 'maybe' is not an answer to 'more_than_meant'; "
        "use one of: yes, no, unsure" in message
    )
    line = message.split(":")[1]
    text = (tmp_path / "response.json").read_text().splitlines()
    assert '"valueCoding"' in text[int(line) - 1]


def test_an_answered_disabled_question_is_refused(
    tmp_path: Path, ketamine: LoadedBank, strings: UiStrings
) -> None:
    response = saved(tmp_path, ketamine, strings)
    response["item"][0]["answer"][0]["valueCoding"]["code"] = "no"  # the gate closes
    message = refused(tmp_path, ketamine, response)
    assert "item[1]: 'prescribed_only' is answered, but the earlier answers disable (skip) it" in (
        message
    )


def test_stale_result_items_are_ignored_with_a_warning(
    tmp_path: Path, ketamine: LoadedBank, strings: UiStrings
) -> None:
    response = saved(tmp_path, ketamine, strings, "severe_with_flags")
    # Another filler's response opened, the gate changed to no, the health answers kept.
    kept = {"used_past_year": "no"} | {
        key: value for key, value in PATHS["gate_closed"][0].items() if key != "used_past_year"
    }
    response["item"] = [
        {
            "linkId": key,
            "answer": [
                {
                    "valueCoding": {
                        "system": item["answer"][0]["valueCoding"]["system"],
                        "code": value,
                    }
                }
            ],
        }
        for key, value in kept.items()
        for item in response["item"][:1]
    ] + [item for item in response["item"] if item["linkId"].startswith("result.")]
    path = write(tmp_path, response)
    result = runner.invoke(app, ["run", "--answers", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["criteria_met"] == 0
    assert "result.criteria_met says 8; screener re-scores these answers as 0" in result.stderr
    assert result.stderr.startswith(f"{path}:")
    # The export has an item per flag (result.flags.<id>): stale ones are read as one list.
    stale = [f["linkId"] for f in response["item"] if f["linkId"].startswith("result.flags.")]
    assert any(f.get("answer") for f in response["item"] if f["linkId"] in stale)
    said = next(line for line in result.stderr.splitlines() if "result.flags says" in line)
    assert said.endswith("(the re-score is used)") and "re-scores these answers as" in said


def test_intake_replays_its_fhir_record(
    tmp_path: Path, ketamine: LoadedBank, strings: UiStrings
) -> None:
    answers, _ = PATHS["mild_prescribed"]
    result = result_for(ketamine, answers, {"tolerance": "on a clinic programme"})
    path = write(tmp_path, questionnaire_response(ketamine.bank, result, strings))
    replayed = runner.invoke(app, ["intake", "--answers", str(path), "-f", "json"])
    assert replayed.exit_code == 0, replayed.output
    record = json.loads(replayed.stdout)
    assert record["client"] == "K-0142" and record["notes"] == {
        "tolerance": "on a clinic programme"
    }
    assert record["mode"] == "intake" and record["counsellor"] == "JS"
    assert record["criteria_met"] == result.criteria_met
    assert [a["id"] for a in record["adaptations"]] == ["prescribed_tolerance"]


def test_a_client_reference_is_held_to_the_intakes_limits(
    tmp_path: Path, ketamine: LoadedBank, strings: UiStrings
) -> None:
    response = saved(tmp_path, ketamine, strings)
    response["subject"]["identifier"]["value"] = "Jane Example, 12 Long Street, Northtown, NT1 2AB"
    assert "subject.identifier.value: a client reference is one line of text, at most 40" in (
        refused(tmp_path, ketamine, response)
    )
