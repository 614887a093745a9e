"""A record as Markdown, for case notes or a file the person keeps."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from screener.reports.document import Section
from screener.safetext import printable

if TYPE_CHECKING:
    from screener.reports.record import Screening

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
"""Anywhere in a line: emphasis, code, links and images (their brackets), HTML and autolinks,
headings' closing #, table cells, strikethrough, and entities (&copy; would become ©).
Parentheses, + and ! mean nothing once the brackets are escaped, so a time (+00:00) and a
language (en) read as written."""
_LEADING = re.compile(r"^([-+=])")
"""At the start of a line only: a list item, or a heading's underline."""
_NUMBERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
"""'1. ' at the start would begin a numbered list."""


def escape(text: str) -> str:
    """Bank text is text: Markdown characters in it must not become formatting."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(printable(text).split()))
    escaped = _LEADING.sub(r"\\\1", escaped)
    return _NUMBERED.sub(r"\1\\\2", escaped)


class MarkdownRenderer:
    """A record as Markdown: the document's title, then each section."""

    def render(self, screening: Screening) -> str:
        document = screening.report()
        lines = [f"# {escape(document.title)}", ""]
        for section in document.sections:
            lines += section_lines(section)
        return "\n".join(lines)


def section_lines(section: Section) -> list[str]:
    lines = [f"## {escape(section.title)}", ""]
    for paragraph in section.paragraphs:
        lines += [escape(paragraph), ""]
    if section.entries:
        if section.entries_heading:
            lines += [f"**{escape(section.entries_heading)}**", ""]
        for entry in section.entries:
            term = f"**{escape(entry.term)}**: " if entry.term else ""
            lines.append(f"- {term}{escape(entry.text)}")
        lines.append("")
    for paragraph in section.after:
        lines += [escape(paragraph), ""]
    return lines
