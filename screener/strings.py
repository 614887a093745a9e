"""The interface wording for a language, from questions/ui.<language>.yaml."""

from __future__ import annotations

from screener import bundled, documents
from screener.models import UiStrings

DEFAULT_LANGUAGE = "en"


def load_strings(language: str) -> UiStrings:
    """The wording for `language`, or English where that language has no strings file."""
    path = bundled.strings_file(language) or bundled.strings_file(DEFAULT_LANGUAGE)
    assert path is not None, "the English strings ship with screener"
    return documents.convert(documents.load(path), UiStrings)
