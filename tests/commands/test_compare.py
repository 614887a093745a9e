"""screener compare OLD NEW: two records of one person, whole outputs, refusals located."""

from __future__ import annotations

import datetime
import io
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path

import msgspec
import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from screener.cli import app
from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.base import Code
from screener.render import Format, renderer_for
from screener.render.compare import print_comparison
from screener.reports.compare import build_comparison
from screener.reports.record import Screening
from screener.rules.compare import Scored, compare
from screener.rules.scoring import score
from tests.helpers import NOWHERE, criteria_yes, full_answers, result_for

runner = CliRunner()
UK = {"LANG": "en_GB.UTF-8", "COLUMNS": "80"}
FIRST = full_answers({**criteria_yes(5), "craving": "unsure"})
FIRST |= {"bladder_symptoms": "yes", "blood_in_urine": "yes"}
SECOND = FIRST | {"cut_down": "no", "duties": "no", "blood_in_urine": "no", "low_mood": "yes"}
THEN = datetime.datetime(2026, 11, 21, 10, 15, tzinfo=datetime.timezone.utc)
NOW = datetime.datetime(2027, 2, 13, 14, 40, tzinfo=datetime.timezone.utc)
JUDGING = re.compile(r"\b(better|worse|improv\w*|deteriorat\w*|mejor\w*|peor\w*)\b", re.I)


def invoke(*args: str) -> Result:
    return runner.invoke(app, ["compare", *args], env=UK)


def bank_in(language: str) -> LoadedBank:
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    return load_bank(path)


def record(
    folder: Path,
    name: str,
    answers: Mapping[str, Code],
    when: datetime.datetime,
    *,
    output_format: Format = Format.json,
    language: str = "en",
) -> str:
    """An intake record saved as `name` in `folder`, recorded at `when`."""
    loaded = bank_in(language)
    result = msgspec.structs.replace(result_for(loaded, answers), recorded_at=when.isoformat())
    screening = Screening(loaded.bank, load_strings(language), NOWHERE, result)
    (folder / name).write_text(renderer_for(output_format).render(screening), encoding="utf-8")
    return name


@pytest.fixture
def two_intakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.chdir(tmp_path)
    return record(tmp_path, "old.json", FIRST, THEN), record(tmp_path, "new.json", SECOND, NOW)


def test_two_intakes_as_text(two_intakes: tuple[str, str], golden: Callable[..., None]) -> None:
    result = invoke(*two_intakes, "--plain")
    assert result.exit_code == 0, result.output
    golden("compare_intakes.plain.txt", result.output)


def test_two_intakes_as_markdown(two_intakes: tuple[str, str], golden: Callable[..., None]) -> None:
    result = invoke(*two_intakes, "--format", "markdown")
    assert result.exit_code == 0, result.output
    golden("compare_intakes.md", result.output)


def test_json_names_the_changes_by_id(two_intakes: tuple[str, str]) -> None:
    result = invoke(*two_intakes, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["bank"], data["days_between"], data["changed"]) == ("ketamine", 84, True)
    assert [change["item"] for change in data["criteria"]] == ["cut_down", "duties"]
    assert (data["then"]["band"], data["now"]["band"]) == ("moderate", "mild")
    assert data["flags_raised"] == ["low_mood"] and data["flags_cleared"] == ["blood_in_urine"]


def test_a_fhir_response_beside_a_json_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    old = record(tmp_path, "old.json", FIRST, THEN)
    new = record(tmp_path, "new.fhir.json", SECOND, NOW, output_format=Format.fhir)
    from_fhir = invoke(old, new, "--format", "json")
    assert from_fhir.exit_code == 0, from_fhir.output
    both_json = invoke(old, record(tmp_path, "new.json", SECOND, NOW), "--format", "json")
    changes = ("criteria", "other_answers", "flags_raised", "flags_cleared", "days_between")
    fhir_data, json_data = json.loads(from_fhir.output), json.loads(both_json.output)
    assert [fhir_data[key] for key in changes] == [json_data[key] for key in changes]


def test_a_record_against_itself_says_nothing_changed(two_intakes: tuple[str, str]) -> None:
    result = invoke(two_intakes[0], two_intakes[0], "--plain")
    assert result.exit_code == 0, result.output
    assert "The two records give the same answers: nothing changed." in result.output
    assert "Both records are from the same day." in result.output
    assert "then;" not in result.output and "Criteria answered differently" not in result.output


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('"id": "ketamine"', '"id": "alcohol"', "this record is of bank alcohol 2"),
        ('"version": "', '"version": "9.', "this record is of bank ketamine 9."),
    ],
)
def test_records_of_different_banks_are_refused_where_the_bank_is_named(
    two_intakes: tuple[str, str], old: str, new: str, message: str
) -> None:
    path = Path(two_intakes[1])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = 1 + text[: text.index('"bank"')].count("\n")
    result = invoke(*two_intakes)
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"Error: new.json:{line}:3: bank: {message}"), result.output
    assert "old.json is of bank ketamine 2" in result.output
    assert "same bank and version" in result.output


def test_a_fhir_response_of_another_bank_is_refused_at_its_questionnaire(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    old = record(tmp_path, "old.json", FIRST, THEN)
    new = record(tmp_path, "new.fhir.json", SECOND, NOW, output_format=Format.fhir)
    path = tmp_path / new
    path.write_text(path.read_text().replace("ketamine-en", "alcohol-en"), encoding="utf-8")
    result = invoke(old, new)
    assert result.exit_code == 1, result.output
    assert (
        "new.fhir.json:" in result.output
        and ": questionnaire: this record is of bank alcohol" in " ".join(result.output.split())
    )


def test_an_answers_file_is_not_a_record(two_intakes: tuple[str, str]) -> None:
    Path("answers.yaml").write_text("bank: ketamine\nanswers: {used_past_year: no}\n")
    result = invoke(two_intakes[0], "answers.yaml")
    assert result.exit_code == 1, result.output
    assert "Error: answers.yaml:1:1: is not a saved record" in result.output


@pytest.mark.parametrize("language", ["en", "es"])
def test_it_names_changes_and_never_judges_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.chdir(tmp_path)
    old = record(tmp_path, "old.json", FIRST, THEN, language=language)
    new = record(tmp_path, "new.json", SECOND, NOW, language=language)
    for output_format in ("text", "markdown"):
        for pair in ((old, new), (new, old)):
            result = invoke(*pair, "--format", output_format)
            assert result.exit_code == 0, result.output
            assert not JUDGING.search(result.output), result.output
    spanish = invoke(old, new, "--plain").output
    assert ("Criterios respondidos de otra manera" in spanish) == (language == "es")
    assert ("84 días entre los dos registros." in spanish) == (language == "es")


@pytest.mark.parametrize("language", ["en", "es"])
def test_rich_text_shows_the_same_words(language: str) -> None:
    loaded = bank_in(language)
    first = Scored("old.json", score(loaded.bank, FIRST), language, "intake", THEN)
    second = Scored("new.json", score(loaded.bank, SECOND), language, "intake", NOW)
    document = build_comparison(
        loaded.bank, compare(loaded.bank, first, second), load_strings(language)
    )
    console = Console(file=io.StringIO(), width=80, record=True, force_terminal=True)
    print_comparison(console, document, plain=False)
    shown = " ".join(console.export_text().split())
    for section in document.sections:
        assert section.title in shown
        for entry in section.entries:
            assert " ".join(entry.text.split()) in shown
