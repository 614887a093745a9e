"""Issue 22 (C): what a daily user with no criteria met, and a person who wants to stop, read
and keep, in English and Spanish, from answers files through `screener run --answers`: the
summary and the Markdown record, compared whole with golden files (pytest --update-golden,
then read the diff)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from screener.cli import app
from tests.helpers import DATA

Golden = Callable[[str, str], None]
runner = CliRunner()
PEOPLE = {"daily_no_criteria": DATA / "answers_daily_no_criteria.yaml",
          "wants_to_stop": DATA / "answers_wants_to_stop.yaml"}  # fmt: skip
PLACES = {"en": ("uk", "en_GB.UTF-8"), "es": ("es", "es_ES.UTF-8")}
MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")
SHA256 = re.compile(r"\b[0-9a-f]{64}\b")


def run(person: str, language: str, *extra: str) -> str:
    region, locale = PLACES[language]
    args = ["run", "--answers", str(PEOPLE[person]), "--region", region, "--lang", language]
    result = runner.invoke(app, [*args, *extra], env={"LANG": locale, "COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("language", sorted(PLACES))
@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_the_summary_golden(golden: Golden, person: str, language: str) -> None:
    golden(f"summary_{person}.{language}.txt", run(person, language))


@pytest.mark.parametrize("language", sorted(PLACES))
@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_the_markdown_record_golden(golden: Golden, person: str, language: str) -> None:
    text = run(person, language, "--format", "markdown")
    text = SHA256.sub("<sha256>", MOMENT.sub("<recorded>", text))
    golden(f"record_{person}.{language}.md", text)


def test_a_daily_user_with_no_criteria_reads_the_advice_and_never_no_pattern() -> None:
    for language, said, never in [
        ("en", "Using ketamine often", "No pattern of concern"),
        ("es", "Consumir ketamina a menudo", "no muestran un patrón preocupante"),
    ]:
        for text in (run("daily_no_criteria", language),
                     run("daily_no_criteria", language, "--format", "markdown")):  # fmt: skip
            flat = " ".join(text.split())
            assert said in flat and never not in flat


def test_a_person_who_wants_to_stop_sees_the_ways_to_get_help_first() -> None:
    flat = " ".join(run("wants_to_stop", "en").split())
    steps = flat[flat.index("What you could do next") :]
    assert steps.index("Contact a drug and alcohol service") < steps.index("Talk to a GP")
    assert steps.index("Talk to a GP") < steps.index("Ways to reduce harm")
    assert "It is your choice, and many people do stop" in steps
