"""Adding a question, a region and a language is what questions/README.md says, and no more.

Each test follows "What changes for each addition, exactly" on a copy of questions/ in
tmp_path (never the shipped files), then runs the core checks on the copy through the
installed program with SCREENER_DATA pointing at it: validate of every bank, wording file and
contacts file (which includes translation parity), a replay of answers in every language the
copy has, and the new region's contacts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from screener.files import bundled

NEW_ITEM = "sleep_problems"
NEW_REGION = "zz"
NEW_LANGUAGE = "xx"
CRISIS_LINE = "Test Crisis Line"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "questions"
    shutil.copytree(bundled.data_dir(), folder)
    return folder


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # the loader refuses anchors and aliases


def _write(path: Path, data: Any) -> None:
    text = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")


def _screener(folder: Path, *arguments: str, locale: str = "C") -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, bundled.DATA_VARIABLE: str(folder), "LANG": locale, "COLUMNS": "100"}
    environ.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, "-m", "screener", *arguments],
        env=environ,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


def _bump(version: str) -> str:
    major, minor, _ = version.split(".")
    return f"{major}.{int(minor) + 1}.0"


def _add_question(folder: Path, language: str, text: str) -> None:
    """Step 1 and 2 of "A question": the item, every example's answer, the version."""
    path = folder / f"ketamine.{language}.yaml"
    bank = _read(path)
    bank["version"] = _bump(bank["version"])
    at = next(i for i, item in enumerate(bank["items"]) if item["id"] == "memory")
    bank["items"].insert(
        at + 1,
        {
            "id": NEW_ITEM,
            "kind": "health",
            "text": text,
            "help": text,
        },
    )
    for example in bank.get("examples", []):
        example["answers"][NEW_ITEM] = "no"  # asked of everyone: each example answers it
    _write(path, bank)


def _add_language(folder: Path) -> None:
    """The steps of "Adding a language", with English words standing in for a translation."""
    bank = _read(folder / "ketamine.en.yaml")
    bank["language"] = NEW_LANGUAGE
    _write(folder / f"ketamine.{NEW_LANGUAGE}.yaml", bank)
    ui = _read(folder / "ui.en.yaml")
    ui["language"] = NEW_LANGUAGE
    _write(folder / f"ui.{NEW_LANGUAGE}.yaml", ui)
    book = _read(folder / "contacts.yaml")
    for region in book["regions"]:
        region.setdefault("translations", {})[NEW_LANGUAGE] = {"name": region["name"]}
        for contact in region["contacts"]:
            words = {"description": contact["description"]}
            if "hours" in contact:
                words["hours"] = contact["hours"]
            contact.setdefault("translations", {})[NEW_LANGUAGE] = words
    _write(folder / "contacts.yaml", book)


def _add_region(folder: Path) -> None:
    """ "A region": one entry under regions:, with a translation for each language shipped."""
    book = _read(folder / "contacts.yaml")
    languages = sorted(
        {code for region in book["regions"] for code in region.get("translations", {})}
    )
    checked = book["reviewed"]
    book["regions"].insert(
        -1,
        {
            "id": NEW_REGION,
            "name": "Testland",
            "territories": ["ZZ"],
            "translations": {code: {"name": f"Testland ({code})"} for code in languages},
            "contacts": [
                {
                    "name": CRISIS_LINE,
                    "kind": "crisis",
                    "description": "Talk to someone now about how you feel.",
                    "phone": "555 0100",
                    "hours": "24 hours, every day",
                    "checked": checked,
                    "source": "https://example.org/crisis",
                    "translations": {
                        code: {"description": f"({code}) Talk to someone now."}
                        for code in languages
                    },
                },
            ],
        },
    )
    _write(folder / "contacts.yaml", book)


def _answers(folder: Path, language: str) -> Path:
    """A whole answers file for the copy's bank: every question asked answered."""
    bank = _read(folder / f"ketamine.{language}.yaml")
    # A scale question takes its first option (never; not worried) where others take no.
    answers = {
        item["id"]: item["options"][0]["code"] if item.get("options") else "no"
        for item in bank["items"]
    }
    answers["used_past_year"] = "yes"
    answers[NEW_ITEM] = "yes"
    path = folder.parent / f"answers.{language}.yaml"
    _write(path, {"bank": "ketamine", "answers": answers})
    return path


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = _copy(tmp_path_factory.mktemp("additions"))
    _add_language(folder)
    for language, text in (
        ("en", "Has your sleep been much worse lately?"),
        ("es", "¿Has dormido mucho peor últimamente?"),
        (NEW_LANGUAGE, "Has your sleep been much worse lately?"),
    ):
        _add_question(folder, language, text)
    _add_region(folder)
    return folder


def test_the_copy_validates(added: Path) -> None:
    """validate checks each bank against ketamine.en.yaml beside it (translation parity),
    each ui file against ui.en.yaml, the examples' expectations and the contacts."""
    files = sorted(str(path) for path in added.glob("*.yaml"))
    ran = _screener(added, "validate", *files)
    assert ran.returncode == 0, ran.stdout + ran.stderr


def test_validate_finds_a_translation_that_misses_the_new_question(tmp_path: Path) -> None:
    """The parity check is not vacuous: a question added in English only is refused."""
    folder = _copy(tmp_path)
    _add_question(folder, "en", "Has your sleep been much worse lately?")
    ran = _screener(folder, "validate", str(folder / "ketamine.es.yaml"))
    assert ran.returncode != 0
    assert "ketamine.es.yaml" in ran.stdout + ran.stderr


def test_the_copy_has_the_new_language(added: Path) -> None:
    ran = _screener(added, "banks")
    assert ran.returncode == 0, ran.stderr
    assert {line.split()[2] for line in ran.stdout.splitlines() if line.strip()} >= {
        "en",
        "es",
        NEW_LANGUAGE,
    }


@pytest.mark.parametrize("language", ["en", "es", NEW_LANGUAGE])
def test_answers_replay_in_every_language_with_the_new_question(added: Path, language: str) -> None:
    bank = _read(added / f"ketamine.{language}.yaml")
    question = next(item["text"] for item in bank["items"] if item["id"] == NEW_ITEM)
    ran = _screener(
        added,
        "run",
        "--answers",
        str(_answers(added, language)),
        "--lang",
        language,
        "--region",
        NEW_REGION,
        "--format",
        "markdown",
    )
    assert ran.returncode == 0, ran.stderr
    assert question in ran.stdout  # the new question is in the answers listed
    assert CRISIS_LINE in ran.stdout  # and the new region's contacts in the summary


@pytest.mark.parametrize("language", ["en", "es", NEW_LANGUAGE])
def test_the_new_region_shows_its_contacts_in_every_language(added: Path, language: str) -> None:
    ran = _screener(added, "resources", NEW_REGION, "--lang", language, "--plain")
    assert ran.returncode == 0, ran.stderr
    assert CRISIS_LINE in ran.stdout
    if language != "en":
        assert f"({language}) Talk to someone now." in ran.stdout


def test_the_region_is_in_the_help_and_found_by_its_territory(added: Path) -> None:
    help_text = " ".join(_screener(added, "run", "--help").stdout.split())
    assert f", {NEW_REGION} or other." in help_text
    ran = _screener(added, "resources", "--plain", locale="en_ZZ.UTF-8")
    assert ran.returncode == 0, ran.stderr
    assert CRISIS_LINE in ran.stdout


def test_without_the_variable_the_bundled_data_is_read(added: Path) -> None:
    ran = subprocess.run(
        [sys.executable, "-m", "screener", "resources", NEW_REGION, "--plain"],
        env={k: v for k, v in os.environ.items() if k != bundled.DATA_VARIABLE},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert ran.returncode != 0
    assert CRISIS_LINE not in ran.stdout
