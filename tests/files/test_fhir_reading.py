"""Issue 27: a QuestionnaireResponse from any filler is read as FHIR means it, or refused with
one located line (a linkId answered twice, a response entered in error, a bad `authored`)."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from screener.cli import app
from screener.errors import DataError
from screener.files import fhir_datetime
from screener.files.answers import load_replay
from screener.files.bank import load_bank
from screener.files.bundled import bank_file
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.fhir_names import SCREENER_VERSION_EXTENSION
from screener.render.fhir.response import questionnaire_response
from tests.helpers import PATHS, result_for

runner = CliRunner()
Json = dict[str, Any]


def response_of(loaded: LoadedBank, path: str = "moderate") -> Json:
    strings = load_strings(loaded.bank.language)
    return questionnaire_response(loaded.bank, result_for(loaded, PATHS[path][0]), strings)


def another_fillers(response: Json) -> Json:
    """As LHC-Forms or Smart Forms save it: none of screener's extensions."""
    return {key: value for key, value in response.items() if key != "extension"}


def write(tmp_path: Path, response: Json, name: str = "response.json") -> Path:
    target = tmp_path / name
    target.write_text(json.dumps(response, indent=2), encoding="utf-8")
    return target


def refused(tmp_path: Path, loaded: LoadedBank, response: Json) -> DataError:
    with pytest.raises(DataError) as caught:
        load_replay(write(tmp_path, response), loaded.bank, intake=True, sha256=loaded.sha256)
    return caught.value


def line_of(path: Path, message: str) -> str:
    """The file's line a located message points at."""
    line = int(message.split(":")[1])
    return path.read_text(encoding="utf-8").splitlines()[line - 1]


def index_of(response: Json, link_id: str) -> int:
    """Where a question's answer sits among the response's top-level items."""
    return next(i for i, item in enumerate(response["item"]) if item["linkId"] == link_id)


def cli(*args: str) -> Any:
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def spanish() -> LoadedBank:
    path = bank_file("ketamine", "es")
    assert path is not None
    return load_bank(path)


# --- 1. the same linkId answered twice ---------------------------------------------------------


@pytest.mark.parametrize("filler", ["screener", "another"])
def test_a_question_answered_twice_is_refused_at_the_second_answer(
    tmp_path: Path, ketamine: LoadedBank, filler: str
) -> None:
    response = response_of(ketamine)
    response = another_fillers(response) if filler == "another" else response
    first = index_of(response, "more_than_meant")
    again = json.loads(json.dumps(response["item"][first]))
    again["answer"][0]["valueCoding"]["code"] = "no"  # the later answer used to win silently
    response["item"].insert(first + 3, again)
    error = refused(tmp_path, ketamine, response)
    message = str(error.problems[0])
    expected = f"item[{first + 3}].linkId: 'more_than_meant' is answered twice (first at line "
    assert expected in message
    assert '"linkId": "more_than_meant"' in line_of(tmp_path / "response.json", message)


def test_a_linkid_twice_at_any_nesting_is_refused(tmp_path: Path, ketamine: LoadedBank) -> None:
    answers, _ = PATHS["mild_prescribed"]
    result = result_for(ketamine, answers, {"tolerance": "on a clinic programme"})
    response = questionnaire_response(ketamine.bank, result, load_strings("en"))
    index, item = next(
        (i, item) for i, item in enumerate(response["item"]) if item["linkId"] == "tolerance"
    )
    notes = item["answer"][0]["item"]
    notes.append(json.loads(json.dumps(notes[0])))
    message = str(refused(tmp_path, ketamine, response).problems[0])
    assert f"item[{index}].answer[0].item[1].linkId: 'tolerance.note' is answered twice" in message


def test_a_response_answering_twice_writes_nothing_and_says_one_line(
    tmp_path: Path, ketamine: LoadedBank
) -> None:
    response = response_of(ketamine)
    response["item"].append(response["item"][index_of(response, "cut_down")])
    target = tmp_path / "record.json"
    result = cli("run", "--answers", str(write(tmp_path, response)), "-o", str(target))
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert re.match(
        r"Error: .*response\.json:\d+:\d+: item\[\d+\]\.linkId: 'cut_down'", result.stderr
    )
    assert not target.exists()


# --- 2. the language from the Questionnaire canonical, and --rescore ---------------------------


def test_a_spanish_response_is_read_without_lang(tmp_path: Path, spanish: LoadedBank) -> None:
    path = write(tmp_path, response_of(spanish))
    result = cli("run", "--answers", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["bank"]["language"] == "es" and record["criteria_met"] == 5
    assert cli("intake", "--answers", str(path), "-f", "json").exit_code == 0


@pytest.mark.parametrize("command", ["run", "intake"])
def test_a_lang_that_contradicts_the_response_is_refused_unless_rescore(
    tmp_path: Path, spanish: LoadedBank, command: str
) -> None:
    path = write(tmp_path, response_of(spanish))
    result = cli(command, "--answers", str(path), "--lang", "en", "-f", "json")
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) == 1
    assert f"{path}:" in result.stderr and "questionnaire:" in result.stderr
    assert "Spanish (es)" in result.stderr and "--rescore" in result.stderr
    # --rescore is the documented override: the same codes scored under the English bank.
    result = cli(command, "--answers", str(path), "--lang", "en", "--rescore", "-f", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["bank"]["language"] == "en" and record["criteria_met"] == 5
    assert "re-scored under" in result.stderr
    assert cli(command, "--answers", str(path), "--lang", "es", "-f", "json").exit_code == 0


def test_rescore_reads_a_response_to_another_version_of_the_bank(
    tmp_path: Path, ketamine: LoadedBank
) -> None:
    response = response_of(ketamine, "severe_with_flags")
    url = response["questionnaire"].partition("|")[0]
    response["questionnaire"] = f"{url}|1.0.0+sha256.0123abcd"
    path = write(tmp_path, response)
    result = cli("run", "--answers", str(path), "-f", "json")
    assert result.exit_code == 1
    assert "questionnaire: answers version 1.0.0+sha256.0123abcd" in result.stderr
    assert "--rescore" in result.stderr
    result = cli("run", "--answers", str(path), "--rescore", "-f", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["bank"]["version"] == ketamine.bank.version and record["criteria_met"] == 8
    assert "1.0.0+sha256.0123abcd" in result.stderr and "re-scored under" in result.stderr
    # Another bank's Questionnaire stays refused, --rescore or not.
    response["questionnaire"] = "http://example.org/Questionnaire/phq9|1.0.0"
    result = cli("run", "--answers", str(write(tmp_path, response)), "--rescore", "-f", "json")
    assert result.exit_code == 1 and "phq9" in result.stderr


# --- 3. another filler's stale answers to skipped questions ------------------------------------


def smart_forms_after_an_edit(loaded: LoadedBank) -> Json:
    """A saved response reopened, the first question set to "no": the other answers kept."""
    response = another_fillers(response_of(loaded, "mild_prescribed"))
    for item in response["item"]:
        if item["linkId"] == "used_past_year":
            item["answer"][0]["valueCoding"]["code"] = "no"
        if item["linkId"] == "prescribed_only":  # injecting is then asked ...
            item["answer"][0]["valueCoding"]["code"] = "no"
    injecting = {
        "linkId": "injecting",
        "answer": [{"valueCoding": dict(response["item"][0]["answer"][0]["valueCoding"])}],
    }
    response["item"].insert(2, injecting)  # ... and skipped through prescribed_only now
    return response


@pytest.mark.parametrize("language", ["en", "es"])
def test_another_fillers_answers_to_skipped_questions_are_dropped_with_one_warning(
    tmp_path: Path, ketamine: LoadedBank, spanish: LoadedBank, language: str
) -> None:
    loaded = spanish if language == "es" else ketamine
    response = smart_forms_after_an_edit(loaded)
    path = write(tmp_path, response)
    result = cli("run", "--answers", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["criteria_met"] == 0 and record["gate_closed"] is True
    assert "injecting" not in record["answers"] and "craving" not in record["answers"]
    warnings = [line for line in result.stderr.splitlines() if "skip" in line]
    assert len(warnings) == 1, result.stderr
    words = {item.id: item.short or item.label or item.text for item in loaded.bank.items}
    for item_id in ("prescribed_only", "injecting", "craving", "tolerance"):
        assert f"{item_id} ({' '.join(words[item_id].split())})" in warnings[0]
    assert warnings[0].startswith(f"{path}:")


def test_screeners_own_response_and_a_typed_answers_file_stay_strict(
    tmp_path: Path, ketamine: LoadedBank
) -> None:
    response = smart_forms_after_an_edit(ketamine)
    response["extension"] = [{"url": SCREENER_VERSION_EXTENSION, "valueString": "1.0.0"}]
    message = str(refused(tmp_path, ketamine, response).problems[0])
    assert "'prescribed_only' is answered, but the earlier answers disable (skip) it" in message
    typed = tmp_path / "answers.yaml"
    typed.write_text(
        "bank: ketamine\nanswers:\n"
        + "".join(
            f"  {item['linkId']}: '{item['answer'][0]['valueCoding']['code']}'\n"
            for item in response["item"]
            if not item["linkId"].startswith("result.")
        ),
        encoding="utf-8",
    )
    result = cli("run", "--answers", str(typed), "-f", "json")
    assert result.exit_code == 1 and "skipped by the earlier answers" in result.stderr


# --- 4. any valid FHIR dateTime as `authored`, carried as given ----------------------------------

VALID = {
    "2026": None,
    "2026-11": None,
    "2026-11-21": None,
    "2026-11-21T10:15:00Z": "2026-11-21T10:15:00+00:00",
    "2026-11-21T10:15:00.6Z": "2026-11-21T10:15:00+00:00",
    "2026-11-21T10:15:00.6061+01:00": "2026-11-21T10:15:00+01:00",
    "2026-11-21T10:15:00.123456789-05:30": "2026-11-21T10:15:00-05:30",
    "2026-11-21T10:15:00.606Z": "2026-11-21T10:15:00+00:00",
    "2026-11-21T23:59:59+14:00": "2026-11-21T23:59:59+14:00",
}


class Python310(datetime.datetime):
    """datetime.fromisoformat as Python 3.10 has it: no Z, fractions of 3 or 6 digits only."""

    @classmethod
    def fromisoformat(cls, text: str) -> Python310:
        fraction = re.search(r"\.(\d+)", text)
        if text.endswith("Z") or (fraction and len(fraction.group(1)) not in (3, 6)):
            raise ValueError(f"Invalid isoformat string: {text!r}")
        return super().fromisoformat(text)


@pytest.mark.parametrize("python", ["this", "3.10"])
@pytest.mark.parametrize("given", sorted(VALID))
def test_any_fhir_datetime_is_accepted_as_authored(
    tmp_path: Path,
    ketamine: LoadedBank,
    monkeypatch: pytest.MonkeyPatch,
    given: str,
    python: str,
) -> None:
    if python == "3.10":
        monkeypatch.setattr(datetime, "datetime", Python310)
    response = response_of(ketamine)
    response["authored"] = given
    replay = load_replay(
        write(tmp_path, response), ketamine.bank, intake=True, sha256=ketamine.sha256
    )
    stated = replay.recorded_at.isoformat(timespec="seconds") if replay.recorded_at else None
    assert stated == VALID[given]
    assert replay.recorded_as == (given if VALID[given] is None else None)


@pytest.mark.parametrize(
    "given",
    [
        "2026-11-21T10:15:00",  # a time needs its offset
        "2026-11-21T10:15Z",  # and its seconds
        "2026-02-30",
        "2026-13",
        "21/11/2026",
        "2026-11-21 10:15:00+00:00",
        "2026-11-21T10:15:00+15:00",
        "0000",
    ],
)
def test_an_authored_that_is_not_a_fhir_datetime_is_refused(
    tmp_path: Path, ketamine: LoadedBank, given: str
) -> None:
    response = response_of(ketamine)
    response["authored"] = given
    message = str(refused(tmp_path, ketamine, response).problems[0])
    assert "authored: expected a FHIR dateTime" in message
    assert '"authored"' in line_of(tmp_path / "response.json", message)


def test_the_parser_does_not_rely_on_fromisoformat() -> None:
    assert fhir_datetime.parse("2026-11-21T10:15:00.6061+01:00") == fhir_datetime.Moment(
        "2026-11-21T10:15:00.6061+01:00",
        datetime.datetime(
            2026, 11, 21, 10, 15, 0, 606100, datetime.timezone(datetime.timedelta(hours=1))
        ),
    )
    assert fhir_datetime.parse("2026-11") == fhir_datetime.Moment("2026-11", None)
    assert fhir_datetime.parse("2026-11-21T10:15:60Z") is not None  # a leap second


@pytest.mark.parametrize("given", ["2026", "2026-11", "2026-11-21"])
@pytest.mark.parametrize("command", ["run", "intake"])
def test_a_date_only_authored_is_carried_into_the_record_as_given(
    tmp_path: Path, ketamine: LoadedBank, given: str, command: str
) -> None:
    response = response_of(ketamine)
    response["authored"] = given
    path = write(tmp_path, response)
    result = cli(command, "--answers", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["recorded_at"] == given
    fhir = cli(command, "--answers", str(path), "-f", "fhir")
    assert fhir.exit_code == 0, fhir.output
    assert json.loads(fhir.stdout)["authored"] == given
    # The JSON record it makes is read back, the date still as given.
    again = write(tmp_path, json.loads(result.stdout), "record.json")
    reread = cli(command, "--answers", str(again), "-f", "json")
    assert reread.exit_code == 0, reread.output
    assert json.loads(reread.stdout)["recorded_at"] == given


def test_a_full_authored_is_kept_by_run_as_by_intake(tmp_path: Path, ketamine: LoadedBank) -> None:
    response = response_of(ketamine)
    response["authored"] = "2026-11-21T10:15:00.6Z"
    path = write(tmp_path, response)
    for command in ("run", "intake"):
        result = cli(command, "--answers", str(path), "-f", "json")
        assert json.loads(result.stdout)["recorded_at"] == "2026-11-21T10:15:00+00:00"


# --- 5. status ---------------------------------------------------------------------------------


def test_a_response_entered_in_error_is_refused(tmp_path: Path, ketamine: LoadedBank) -> None:
    response = response_of(ketamine)
    response["status"] = "entered-in-error"
    path = write(tmp_path, response)
    target = tmp_path / "record.json"
    result = cli("run", "--answers", str(path), "-o", str(target))
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert f"{path}:" in result.stderr and "status: " in result.stderr
    assert "entered in error" in result.stderr
    assert '"status": "entered-in-error"' in line_of(path, result.stderr.removeprefix("Error: "))
    assert not target.exists()


@pytest.mark.parametrize("status", ["in-progress", "stopped"])
def test_a_partial_status_is_rescored_with_a_warning_when_every_question_is_answered(
    tmp_path: Path, ketamine: LoadedBank, status: str
) -> None:
    response = response_of(ketamine)
    response["status"] = status
    path = write(tmp_path, response)
    result = cli("run", "--answers", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["criteria_met"] == 5
    assert f"status: the filler marked this response {status}" in result.stderr
    del response["item"][4]  # a question left unanswered: refused, as for any response
    result = cli("run", "--answers", str(write(tmp_path, response)), "-f", "json")
    assert result.exit_code == 1 and "no answer for" in result.stderr


@pytest.mark.parametrize("status", ["completed", "amended"])
def test_a_completed_or_amended_response_is_read_without_comment(
    tmp_path: Path, ketamine: LoadedBank, status: str
) -> None:
    response = response_of(ketamine)
    response["status"] = status
    result = cli("run", "--answers", str(write(tmp_path, response)), "-f", "json")
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize("status", ["final", None, 3])
def test_a_status_fhir_does_not_define_is_refused(
    tmp_path: Path, ketamine: LoadedBank, status: object
) -> None:
    response = response_of(ketamine)
    if status is None:
        del response["status"]
    else:
        response["status"] = status
    message = str(refused(tmp_path, ketamine, response).problems[0])
    assert "status" in message and "completed, amended, in-progress, stopped" in message
