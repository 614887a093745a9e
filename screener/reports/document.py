"""The document vocabulary of what a person reads: a Report of Sections of Entries.

Every report (the summary, the record, the intake record, the trainer's explanation) is built
from these, with no Rich and no I/O; every renderer draws them (render/).
"""

from __future__ import annotations

import msgspec

from screener.models.base import Level


class Entry(msgspec.Struct, frozen=True):
    """A list entry: an optional bold term and its text."""

    text: str
    term: str | None = None


class Section(msgspec.Struct, frozen=True):
    title: str
    paragraphs: tuple[str, ...] = ()
    entries: tuple[Entry, ...] = ()
    entries_heading: str | None = None
    level: Level | None = None
    after: tuple[str, ...] = ()
    """Paragraphs after the entries: the short version's other lines, below the crisis
    contacts when a crisis flag is raised; the next steps' closing sentence (the bank's
    `menu`), in the summary and its records."""


class Report(msgspec.Struct, frozen=True):
    """What a file holds for a person to read: a title, then sections, in order."""

    title: str
    sections: tuple[Section, ...]
