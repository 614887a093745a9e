"""The JSON Schemas an editor reads (and check-jsonschema runs): every bundled YAML file names
its schema and passes it, and so do answers files and the records screener writes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screener.cli import app
from screener.files import bundled
from tests.helpers import GOOD, INTAKE_ANSWERS, SCALE_ANSWERS

ROOT = Path(__file__).resolve().parents[2]
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


BUNDLED_YAML = sorted(bundled.data_dir().glob("*.yaml"))


@pytest.mark.parametrize("path", BUNDLED_YAML, ids=lambda path: path.name)
def test_each_bundled_file_names_its_schema_and_passes_it(path: Path) -> None:
    found = MODELINE.match(path.read_text(encoding="utf-8"))
    assert found, f"{path.name}: first line should be '# yaml-language-server: $schema=...'"
    schema = path.parent / found.group(1)
    checked = check_jsonschema(schema, path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_answers_files_pass_the_answers_schema(tmp_path: Path) -> None:
    own = tmp_path / "answers.yaml"
    own.write_text(GOOD, encoding="utf-8")
    intake = tmp_path / "intake.yaml"
    intake.write_text(INTAKE_ANSWERS, encoding="utf-8")
    benchmark = ROOT / "benchmarks" / "answers.yaml"
    checked = check_jsonschema(bundled.data_dir() / "answers.schema.json", own, intake, benchmark)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_an_answers_file_with_scale_answers_passes_the_answers_schema(tmp_path: Path) -> None:
    """A scale question is answered by its option's code (issue 22); the schema cannot know
    which codes a bank's question takes, so it takes any code and screener checks the rest."""
    path = tmp_path / "answers.yaml"
    text = GOOD.replace(
        f"  how_often: {SCALE_ANSWERS['how_often']}\n", "  how_often: Weekly\n"
    ).replace(
        f"  feeling_about_use: {SCALE_ANSWERS['feeling_about_use']}\n",
        "  feeling_about_use: not_worried\n",
    )
    assert "  how_often: Weekly\n" in text and "  feeling_about_use: not_worried\n" in text
    path.write_text(text, encoding="utf-8")
    checked = check_jsonschema(bundled.data_dir() / "answers.schema.json", path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    "text",
    [
        GOOD.replace("used_past_year: yes", "used_past_year: maybe not"),
        GOOD.replace("used_past_year: yes", "used_past_year: [yes]"),
        GOOD + "colour: blue\n",
        GOOD.replace("answers:", "answer:"),
    ],
    ids=["not an answer", "a list", "unknown key", "no answers"],
)
def test_the_answers_schema_refuses_what_screener_refuses(tmp_path: Path, text: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    assert check_jsonschema(bundled.data_dir() / "answers.schema.json", path).returncode == 1


@pytest.mark.parametrize("command", ["run", "intake"])
def test_records_screener_writes_pass_the_result_schema(tmp_path: Path, command: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(INTAKE_ANSWERS if command == "intake" else GOOD, encoding="utf-8")
    made = CliRunner().invoke(
        app,
        [command, "--answers", str(answers), "--format", "json", "--region", "uk"],
        env={"LANG": "en_GB.UTF-8"},
    )
    assert made.exit_code == 0, made.output
    record = tmp_path / "record.json"
    record.write_text(made.stdout, encoding="utf-8")
    checked = check_jsonschema(bundled.data_dir() / "record.schema.json", record)
    assert checked.returncode == 0, checked.stdout + checked.stderr
