"""What changed between two records: Rich or plain text, Markdown for case notes, JSON."""

from __future__ import annotations

import msgspec
from rich.console import Console
from rich.text import Text

from screener.models.comparison import Comparison
from screener.render.markdown import escape, section_lines
from screener.render.text import print_sections
from screener.reports.document import Report
from screener.safetext import printable


def print_comparison(console: Console, document: Report, *, plain: bool) -> None:
    """The title, then each section: Rich headings and bullets, or plain lines."""
    console.print(Text(printable(document.title), style="" if plain else "bold"))
    print_sections(console, list(document.sections), plain=plain)


def render_comparison_markdown(document: Report) -> str:
    lines = [f"# {escape(document.title)}", ""]
    for section in document.sections:
        lines += section_lines(section)
    return "\n".join(lines)


def render_comparison_json(comparison: Comparison) -> str:
    return msgspec.json.format(msgspec.json.encode(comparison), indent=2).decode() + "\n"
