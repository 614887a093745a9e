"""Text from files is shown as text: no control sequences or direction overrides get through."""

from __future__ import annotations

import re

from screener.errors import KeyPath

# C0 and C1 controls (ESC, BEL, CR, ...) but tab and newline, DEL, and the invisible Unicode
# format characters (category Cf: bidirectional overrides, zero-width marks) as of Unicode 14,
# except the soft hyphen. A precompiled class: checking every character one by one with
# unicodedata cost more than the rest of a run's scoring. tests/test_safetext.py holds it to
# the Unicode categories.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2"
    "\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)


def first_unsafe_character(text: str) -> str | None:
    match = UNSAFE.search(text)
    return match.group() if match else None


def printable(text: str) -> str:
    """The text with anything unsafe replaced by U+FFFD, so nothing reaches the terminal raw."""
    return UNSAFE.sub("\ufffd", text)


LINE_BREAKS = {"\n": "\\n", "\t": "\\t", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def one_line(text: str) -> str:
    """printable(), and on one line: a line break inside a file name or key shows as \\n."""
    for character, shown in LINE_BREAKS.items():
        text = text.replace(character, shown)
    return printable(text)


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
