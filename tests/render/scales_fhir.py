"""tests/data/scales.yaml (or .es) with one more question, asked only for weekly or daily use:
skip logic on a scale's options, which the test bank itself does not have (part B of issue 22).
"""

from __future__ import annotations

from pathlib import Path

from screener.files.bank import load_bank
from screener.models.bank import LoadedBank
from tests.helpers import DATA

BEFORE = "  - id: mood\n"
ASKED_ON_OPTIONS = {
    "en": "    text: Bladder pain?\n    help: Pain when you pass water.\n",
    "es": "    text: ¿Dolor de vejiga?\n    help: Dolor al orinar.\n",
}


def scales(language: str = "en") -> LoadedBank:
    suffix = "" if language == "en" else f".{language}"
    return load_bank(DATA / f"scales{suffix}.yaml")


def scales_asked_on_options(folder: Path, language: str = "en") -> LoadedBank:
    """The scales bank with 'bladder' (yes / no / not sure) asked when 'often' is weekly or
    daily, between 'often' and 'mood'."""
    suffix = "" if language == "en" else f".{language}"
    text = (DATA / f"scales{suffix}.yaml").read_text(encoding="utf-8")
    assert text.count(BEFORE) == 1
    question = (
        "  - id: bladder\n    kind: health\n"
        '    ask_if: {item: often, answers: ["weekly", "daily"]}\n' + ASKED_ON_OPTIONS[language]
    )
    path = folder / f"scales_on_options{suffix}.yaml"
    path.write_text(text.replace(BEFORE, question + BEFORE), encoding="utf-8")
    return load_bank(path)
