"""No id reaches a screen or a record meant for a person, in either language.

Every persona is played through the demo and its what-if, replayed as a self-check (the
summary on screen, the text and Markdown records), replayed with --trainer (the counsellor's
view and the what-if) and replayed as an intake (its text and Markdown records), in English
and Spanish; the output is searched for the bank's flag, band, cluster and adaptation ids
and the flag levels. An id of several words (`low_mood`, `prescribed_tolerance`) is never
prose, so it is looked for everywhere. A one-word id can be an ordinary word (`craving`,
`mild`, `crisis`): in Spanish an English one is looked for everywhere unless Spanish uses the
word too; in English, where an id would be printed (in brackets, before a colon, after
"applies").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screener.cli import app
from screener.files.bank import load_bank
from screener.files.bundled import bank_file
from screener.files.wording import load_strings
from screener.models.bank import Bank, Example
from screener.models.base import Level

runner = CliRunner()
LANGUAGES = ["en", "es"]
LEVELS: list[Level] = ["crisis", "urgent", "medical", "info"]
SPANISH_TOO = {"crisis"}
"""One-word ids that are Spanish words as well."""


def bank(language: str) -> Bank:
    path = bank_file("ketamine", language)
    assert path is not None
    return load_bank(path).bank


def ids_of(shown: Bank, language: str) -> set[str]:
    """The ids to look for: a one-word id that is a word of its own label in this language
    (the cluster `pharmacological`, the band `mild` in English) is shown as that word."""
    strings = load_strings(language)  # the data itself, not the lookup under test
    terms = strings.professional_band_terms
    named = (
        [(flag.id, flag.title) for flag in shown.flags]
        + [(band.id, terms.get(band.id, band.label)) for band in shown.scoring.bands]
        + [(cluster.id, cluster.term or cluster.title) for cluster in shown.clusters]
        + [(a.id, a.name) for a in shown.scoring.adaptations]
        + [(level, strings.intake.level_labels.of(level)) for level in LEVELS]
    )
    return {name for name, label in named if name not in label.lower().split()}


def answers_file(tmp_path: Path, example: Example) -> Path:
    path = tmp_path / f"{example.id}.yaml"
    lines = ["bank: ketamine", "answers:"] + [
        f"  {item}: {'unsure' if answer == 'unsure' else answer}"
        for item, answer in example.answers.items()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def shown_for(tmp_path: Path, language: str, example: Example, questions: int) -> dict[str, str]:
    """What a person reads of one persona, by where it was read."""
    env = {"LANG": "en_GB.UTF-8", "COLUMNS": "80"}
    answers = str(answers_file(tmp_path, example))
    common = ["--lang", language, "--region", "uk", "--plain"]
    flips = f"1\n2\n{questions}\n4 yes\n"
    runs = {
        "demo": (["demo", example.id, *common], "\n" * (len(example.answers) + 3) + flips),
        "summary": (["run", "--answers", answers, *common], None),
        "trainer": (["run", "--answers", answers, "--trainer", *common], flips + "q\n"),
    }
    intake = ["intake", "--answers", answers, "--client", "K-1", "--counsellor", "AB"]
    for kind in ("text", "markdown"):
        runs[f"{kind} record"] = (["run", "--answers", answers, "-f", kind, *common], None)
        runs[f"{kind} intake record"] = ([*intake, "-f", kind, *common], None)
    found: dict[str, str] = {}
    for where, (args, keys) in runs.items():
        result = runner.invoke(app, args, input=keys, env=env)
        assert result.exit_code == 0, (where, result.output)
        found[where] = result.stdout
    return found


def leaks(text: str, language: str, shown: Bank) -> list[str]:
    items = {item.id for item in shown.items}
    prose = " ".join(text.split())
    prose = re.sub(r"\S*\w\.\w\S*", "", prose)  # an address (lifeline.info) may hold any word
    # The demo names each question by its id in brackets, for trainers: that is not a leak.
    prose = re.sub(r"\((\w+)\)", lambda found: "" if found[1] in items else found[0], prose)
    found = []
    for name in sorted(ids_of(shown, language)):
        if "_" in name or (language != "en" and name not in SPANISH_TOO):
            pattern = rf"\b{name}\b"
        else:
            pattern = rf"\({name}\)|\b{name}:|applies:? {name}\b|{name} applies"
        found += [name for _ in re.finditer(pattern, prose)][:1]
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_id_reaches_a_screen_or_a_record(tmp_path: Path, language: str) -> None:
    shown = bank(language)
    found = {
        (example.id, where): named
        for example in shown.examples
        for where, text in shown_for(tmp_path, language, example, len(shown.items)).items()
        if (named := leaks(text, language, shown))
    }
    assert found == {}
