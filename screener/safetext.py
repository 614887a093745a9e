"""Text from files is shown as text: no control sequences or direction overrides get through."""

from __future__ import annotations

import unicodedata

from screener.errors import Path as KeyPath


def is_unsafe_character(character: str) -> bool:
    """Control characters (ESC, BEL, CR...) and invisible format characters (bidi overrides)."""
    if character in "\n\t":
        return False
    category = unicodedata.category(character)
    return category == "Cc" or (category == "Cf" and character != "\u00ad")


def first_unsafe_character(text: str) -> str | None:
    return next((character for character in text if is_unsafe_character(character)), None)


def printable(text: str) -> str:
    """The text with anything unsafe replaced by U+FFFD, so nothing reaches the terminal raw."""
    if first_unsafe_character(text) is None:
        return text
    return "".join("\ufffd" if is_unsafe_character(c) else c for c in text)


def find_unsafe_text(data: object, path: KeyPath = ()) -> list[tuple[KeyPath, str]]:
    """Every string in parsed data that holds an unsafe character, with its key path."""
    findings: list[tuple[KeyPath, str]] = []
    if isinstance(data, str):
        bad = first_unsafe_character(data)
        if bad is not None:
            findings.append((path, f"contains the control character U+{ord(bad):04X}; remove it"))
    elif isinstance(data, dict):
        for key, value in data.items():
            findings.extend(find_unsafe_text(value, (*path, str(key))))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            findings.extend(find_unsafe_text(value, (*path, index)))
    return findings
