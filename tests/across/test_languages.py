"""Languages: a translation asks, counts and flags exactly as the English reference."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from screener.cli import app
from screener.commands.banks import validate_files
from screener.commands.setup import find_bank
from screener.files import bundled
from screener.files.bank import load_bank
from screener.models.bank import Bank
from screener.models.base import ANSWERS, Answer
from screener.models.contacts import ContactBook
from screener.rules.scoring import score
from tests.helpers import DATA, QUESTIONS


def bundled_translations() -> list[Path]:
    return [path for path in bundled.bank_files() if not path.name.endswith(".en.yaml")]


def test_the_ketamine_bank_ships_in_english_and_spanish() -> None:
    assert bundled.bank_languages("ketamine") == ["en", "es"]


@pytest.mark.parametrize("path", bundled_translations(), ids=lambda path: path.name)
def test_every_language_matches_the_reference(path: Path) -> None:
    lines, ok = validate_files([path])
    assert ok, lines


@pytest.mark.parametrize("language", ["es"])
def test_every_ui_strings_file_keeps_the_placeholders(language: str) -> None:
    path = bundled.strings_file(language)
    assert path is not None
    lines, ok = validate_files([path])
    assert ok, lines


def translated_pair(tmp_path: Path, edit: tuple[str, str] | None = None) -> Path:
    """minimal.yaml as mini.en.yaml beside a Spanish mini.es.yaml, optionally edited."""
    english = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "mini.en.yaml").write_text(english, encoding="utf-8")
    spanish = english.replace("language: en", "language: es").replace("Used?", "¿Consumo?")
    if edit is not None:
        assert edit[0] in spanish
        spanish = spanish.replace(edit[0], edit[1], 1)
    path = tmp_path / "mini.es.yaml"
    path.write_text(spanish, encoding="utf-8")
    return path


def test_a_faithful_translation_passes(tmp_path: Path) -> None:
    lines, ok = validate_files([translated_pair(tmp_path)])
    assert ok, lines


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("cluster: body", "cluster: control"),
            ":27:5: items[2]: items[2] 'second' differs from the reference",
        ),
        (
            ('closed_when: ["no"]', 'closed_when: ["no", "unsure"]'),
            ":42:3: scoring.gate: the gate differs from the reference",
        ),
        (
            ("level: crisis", "level: urgent"),
            ":50:5: flags[0]: flags[0] differs from the reference",
        ),
        (
            ("  - An introduction.\n", "  - An introduction.\n  - A second paragraph.\n"),
            ":8:1: intro: 2 paragraphs; the reference has 1",
        ),
        (
            ('version: "1.0.0"', 'version: "1.0.1"'),
            ":2:1: version: version 1.0.1 differs from the reference's 1.0.0",
        ),
    ],
)
def test_a_mismatched_translation_is_reported(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    """Each edit changes what the translation asks, counts or flags (an edit that replaced a
    string with itself, and so tested nothing, is gone: the faithful pair above is that)."""
    assert edit[0] != edit[1]
    path = translated_pair(tmp_path, edit)
    lines, ok = validate_files([path])
    assert not ok
    assert lines[0] == f"{path}{message}"


def test_a_missing_item_is_reported(tmp_path: Path) -> None:
    english = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    spanish = english.replace("language: en", "language: es")
    start = spanish.index("  - id: mood")
    spanish = spanish[:start] + spanish[spanish.index("scoring:") :]
    spanish = spanish.replace("when_any: [{item: mood,", "when_any: [{item: used,")
    (tmp_path / "mini.en.yaml").write_text(english, encoding="utf-8")
    (tmp_path / "mini.es.yaml").write_text(spanish, encoding="utf-8")
    lines, ok = validate_files([tmp_path / "mini.es.yaml"])
    assert not ok
    assert "items: 1 missing: the reference has 4" in lines[0]


def test_a_lost_placeholder_is_reported(tmp_path: Path) -> None:
    english = bundled.strings_file("en")
    assert english is not None
    shutil.copy(english, tmp_path / "ui.en.yaml")
    text = english.read_text(encoding="utf-8").replace("language: en", "language: es")
    text = text.replace('progress: "Question {number} of {total}"', 'progress: "Pregunta {number}"')
    (tmp_path / "ui.es.yaml").write_text(text, encoding="utf-8")
    lines, ok = validate_files([tmp_path / "ui.es.yaml"])
    assert not ok
    assert lines[0].endswith("progress: needs exactly the placeholders {number}, {total}")


def bundled_ketamine_banks() -> dict[str, Bank]:
    """Every language's bank, loaded once: loading in each example missed the deadline."""
    banks = {}
    for language in bundled.bank_languages("ketamine"):
        path = bundled.bank_file("ketamine", language)
        assert path is not None
        banks[language] = load_bank(path).bank
    return banks


KETAMINE_BANKS = bundled_ketamine_banks()
ITEM_IDS = [item.id for item in KETAMINE_BANKS["en"].items]


@settings(deadline=None)  # the examples: SCREENER_HYPOTHESIS_PROFILE (conftest.py)
@given(st.fixed_dictionaries({item_id: st.sampled_from(ANSWERS) for item_id in ITEM_IDS}))
def test_the_same_answers_score_the_same_in_every_language(answers: dict[str, Answer]) -> None:
    results = []
    for bank in KETAMINE_BANKS.values():
        result = score(bank, answers)
        results.append(
            (
                result.criteria_met,
                result.criteria_applicable,
                result.band.id if result.band else None,
                result.could_be.id if result.could_be else None,
                result.gate_closed,
                [(c.id, c.met, c.of, c.unsure) for c in result.clusters],
                [(flag.id, flag.unsure) for flag in result.flags],
                [a.id for a in result.adaptations],
                result.unsure,
            )
        )
    assert len(results) >= 2
    assert all(result == results[0] for result in results)


@pytest.mark.parametrize(
    ("environ", "option", "expected"),
    [
        ({"LANG": "es_ES.UTF-8"}, None, "ketamine.es.yaml"),
        ({"LANG": "es_MX.UTF-8"}, None, "ketamine.es.yaml"),
        ({"LANG": "en_GB.UTF-8"}, None, "ketamine.en.yaml"),
        ({"LANG": "fr_FR.UTF-8"}, None, "ketamine.en.yaml"),
        ({"LANG": "en_GB.UTF-8"}, "es", "ketamine.es.yaml"),
        ({"LANG": "es_ES.UTF-8"}, "en", "ketamine.en.yaml"),
    ],
)
def test_the_language_follows_the_option_then_the_locale(
    environ: dict[str, str], option: str | None, expected: str
) -> None:
    assert find_bank(None, option, environ).name == expected


def test_a_spanish_screening_speaks_spanish() -> None:
    keys = "\n" + "n\n" + "n\n" * 7
    result = CliRunner().invoke(
        app, ["run", "--region", "other"], input=keys, env={"LANG": "es_MX.UTF-8"}
    )
    assert result.exit_code == 0, result.output
    assert f"Pregunta 1 de {QUESTIONS}" in result.output
    assert "no es un diagnóstico" in " ".join(result.output.split()).lower()


def test_every_contact_speaks_every_language_a_bank_ships_in(contacts: ContactBook) -> None:
    """A Spanish screening must not fall back to English help: every contact and region has
    its words in each language the bundled banks ship in (English is the file's own)."""
    languages = set(bundled.bank_languages("ketamine")) - {"en"}
    missing = [
        f"{region.id}: {contact.name} ({language})"
        for region in contacts.regions
        for contact in region.contacts
        for language in languages
        if language not in contact.translations
        or contact.translations[language].description is None
    ]
    missing += [
        f"region {region.id} ({language})"
        for region in contacts.regions
        for language in languages
        if language not in region.translations
    ]
    assert missing == []


def test_a_spanish_summary_lists_spanish_contacts() -> None:
    keys = "\n" + "n\n" + "n\n" * 7
    result = CliRunner().invoke(
        app, ["run", "--region", "uk"], input=keys, env={"LANG": "es_ES.UTF-8"}
    )
    text = " ".join(result.output.split())
    assert "(Reino Unido)" in text
    assert (
        "Servicios de emergencia: llama al 9 9 9 (24 horas, todos los días). Llama al 9 9 9 si "
        "alguien está gravemente enfermo o herido, o si su vida corre peligro."
    ) in text
    assert "Información confidencial sobre drogas" in text
    assert "Confidential advice about drugs" not in text


@pytest.mark.parametrize("path", bundled.bank_files(), ids=lambda path: path.name)
def test_every_bundled_question_has_a_professional_label(path: Path) -> None:
    """Counsellors and trainers read labels, not ids, in every language a bank ships in."""
    bank = load_bank(path).bank
    assert [item.id for item in bank.items if item.label is None] == []
    assert len({item.label for item in bank.items}) == len(bank.items)


def test_a_translation_without_the_reference_label_is_reported(tmp_path: Path) -> None:
    english = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    labelled = english.replace("    kind: health\n", '    kind: health\n    label: "Low mood"\n')
    (tmp_path / "mini.en.yaml").write_text(labelled, encoding="utf-8")
    spanish = english.replace("language: en", "language: es")
    (tmp_path / "mini.es.yaml").write_text(spanish, encoding="utf-8")
    lines, ok = validate_files([tmp_path / "mini.es.yaml"])
    assert not ok
    assert lines[0].endswith(": items[3]: 'mood' has no 'label'; the reference has one")


@pytest.mark.parametrize("language", bundled.bank_languages("ketamine"))
def test_the_professional_view_names_bands_and_levels_in_its_language(language: str) -> None:
    """'Rango de gravedad: severe' and 'urgent:' were English in a Spanish intake record.
    (Each level's label is a required field of the UI strings, checked as they load.)"""
    from screener.files.wording import load_strings

    strings = load_strings(language)
    bank = KETAMINE_BANKS[language]
    assert {band.id for band in bank.scoring.bands} <= set(strings.professional_band_terms)
    if language == "es":
        assert strings.professional_band_terms["severe"] == "grave"
        assert strings.intake.level_labels.of("urgent") == "Urgente"


def test_a_spanish_intake_record_says_grave_and_urgente(tmp_path: Path) -> None:
    bank = KETAMINE_BANKS["es"]
    answers = {item.id: "yes" for item in bank.items if not item.options}
    answers |= {"prescribed_only": "no", "how_often": "daily", "feeling_about_use": "stop"}
    path = tmp_path / "respuestas.yaml"
    path.write_text(yaml_of(bank.id, answers), encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["intake", "--answers", str(path), "--client", "K-1", "--format", "text", "--plain"],
        env={"LANG": "es_ES.UTF-8"},
    )
    assert result.exit_code == 0, result.output
    assert "Rango de gravedad: grave (6-10 criterios)." in result.stdout
    assert "- Urgente: Sangre en la orina" in result.stdout and "urgent:" not in result.stdout


def yaml_of(bank_id: str, answers: dict[str, str]) -> str:
    return f"bank: {bank_id}\nanswers:\n" + "".join(f"  {k}: {v}\n" for k, v in answers.items())


def test_spanish_names_the_enter_key_one_way_for_spain_and_mexico() -> None:
    """Issue 21: "pulsa Intro" (Spain's keyboard word) beside "presiona Enter" elsewhere. One
    key name both Spain's and Mexico's readers know, Enter, and one verb, presiona."""
    files = [path for path in bundled.bank_files() if path.name.endswith(".es.yaml")]
    files.append(bundled.data_dir() / "ui.es.yaml")
    texts = [path.read_text(encoding="utf-8") for path in files]
    found = " ".join(texts)
    assert re.findall(r"\b(?:pulsa|pulse|oprime|aprieta)\b", found, re.IGNORECASE) == []
    assert re.findall(r"\bIntro\b|\bEntrar\b|«intro»", found) == []
    assert "presiona Enter" in found.replace("Presiona", "presiona")
