"""tests/data/scales.yaml (or .es) with one more question, asked only for weekly or daily use:
skip logic on a scale's options, which the test bank itself does not have (part B of issue 22).
"""

from __future__ import annotations

from pathlib import Path

from screener.files.bank import load_bank
from screener.models.bank import LoadedBank
from tests.helpers import DATA, scales_asked_on_options_file


def scales(language: str = "en") -> LoadedBank:
    suffix = "" if language == "en" else f".{language}"
    return load_bank(DATA / f"scales{suffix}.yaml")


def scales_asked_on_options(folder: Path, language: str = "en") -> LoadedBank:
    """The scales bank with 'bladder' asked when 'often' is weekly or daily."""
    return load_bank(scales_asked_on_options_file(folder, language))
