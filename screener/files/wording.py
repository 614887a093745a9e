"""The interface wording for a language, from questions/ui.<language>.yaml."""

from __future__ import annotations

from screener.files import bundled, documents
from screener.files.checked import convert
from screener.models.wording import TrainerStrings, UiStrings

DEFAULT_LANGUAGE = "en"


def load_strings(language: str) -> UiStrings:
    """The wording for `language`, or English where that language has no strings file."""
    path = bundled.strings_file(language) or bundled.strings_file(DEFAULT_LANGUAGE)
    assert path is not None, "the English strings ship with screener"
    return convert(documents.load(path), UiStrings)


def load_trainer_strings(language: str) -> TrainerStrings:
    """The trainer tools' wording in `language`, or in English where that language has none."""
    wording = load_strings(language).trainer or load_strings(DEFAULT_LANGUAGE).trainer
    assert wording is not None, "the English trainer strings ship with screener"
    return wording
