"""The interface wording for a language, from questions/ui.<language>.yaml."""

from __future__ import annotations

import functools
from pathlib import Path

from screener.files import bundled, documents
from screener.files.checked import convert
from screener.models.wording import TrainerStrings, UiStrings

DEFAULT_LANGUAGE = "en"


def load_strings(language: str) -> UiStrings:
    """The wording for `language`, or English where that language has no strings file. Read
    once a process while the file is unchanged (the bank check of a scale's keys reads it too,
    before the summary does): UiStrings is frozen, so the copy is shared safely."""
    path = bundled.strings_file(language) or bundled.strings_file(DEFAULT_LANGUAGE)
    assert path is not None, "the English strings ship with screener"
    stat = path.stat()
    return _read_strings(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _read_strings(path: Path, mtime_ns: int, size: int) -> UiStrings:
    """The file as of this modification time and size: a changed file is read again."""
    return convert(documents.load(path), UiStrings)


def load_trainer_strings(language: str) -> TrainerStrings:
    """The trainer tools' wording in `language`, or in English where that language has none."""
    wording = load_strings(language).trainer or load_strings(DEFAULT_LANGUAGE).trainer
    assert wording is not None, "the English trainer strings ship with screener"
    return wording
