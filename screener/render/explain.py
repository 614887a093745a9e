"""A bank explained for trainers: Rich or plain text for a screen, Markdown for a handout, JSON."""

from __future__ import annotations

import re
from collections.abc import Iterable

import msgspec
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from screener.render.heading import Heading
from screener.render.markdown import escape
from screener.render.table_or_list import TableOrList
from screener.render.text import entry_text
from screener.reports.explain import Explanation
from screener.reports.handout import Handout, Part
from screener.safetext import printable

INDENT = 4


def print_handout(console: Console, handout: Handout, *, plain: bool) -> None:
    """Rich layout (headings ruled, questions indented) or plain lines for readers and pipes."""
    if not plain:
        _print_rich(console, handout)
        return
    # Wrapped lines keep a trailing space; a screen reader or a diff should not see it.
    with console.capture() as captured:
        _print_plain(console, handout)
    console.file.write("\n".join(line.rstrip() for line in captured.get().split("\n")))
    console.file.flush()


def _print_rich(console: Console, handout: Handout) -> None:
    console.print(Text(printable(handout.title), style="bold"))
    for paragraph in handout.paragraphs:
        console.print(Text(printable(paragraph)))
    for part in handout.parts:
        console.print()
        console.print(Heading(Text(printable(part.title), style="bold")))
        if part.entries:
            console.print()
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")  # a source's address wider than the screen, whole
            for number, entry in enumerate(part.entries):
                if number:  # a blank row between entries: easier to follow on a projector
                    grid.add_row("", "")
                grid.add_row("•", entry_text(entry, term_style="bold"))
            console.print(grid)
        if part.table:
            console.print()
            console.print(_glance(part, header_style="bold"))
        for question in part.questions:
            console.print()
            console.print(Text(printable(question.heading), style="bold"))
            console.print(Padding(Text(printable(question.text)), (0, 0, 0, INDENT)))
            helped = Text(f"{part.help_label}: ", style="bold") + Text(printable(question.help))
            console.print(Padding(helped, (0, 0, 0, INDENT)))
            if question.why:
                why = Text(f"{_why_label(part)}: ", style="bold") + Text(printable(question.why))
                console.print(Padding(why, (0, 0, 0, INDENT)))
            if question.answers_label:
                said = Text(printable(question.answers_label), style="bold")
                console.print(Padding(said, (0, 0, 0, INDENT)))
                options = Table.grid(padding=(0, 1))
                options.add_column(no_wrap=True)
                options.add_column(overflow="fold")  # a code wider than the screen, whole
                for answer in question.answers:
                    options.add_row("•", Text(printable(answer)))
                console.print(Padding(options, (0, 0, 0, INDENT)))


def _print_plain(console: Console, handout: Handout) -> None:
    console.print(Text(printable(handout.title)))
    for paragraph in handout.paragraphs:
        console.print(Text(printable(paragraph)))
    for part in handout.parts:
        console.print()
        console.print(Text(printable(part.title)))
        for entry in part.entries:
            console.print()
            console.print(Text("- ") + entry_text(entry))
        if part.table:  # heard as a list: a row's cells run together read in one line
            console.print()
            for line in _glance(part).as_list():
                console.print(line)
        for question in part.questions:
            console.print()
            console.print(Text(printable(question.heading)))
            console.print(Text(printable(question.text)))
            console.print(Text(printable(f"{part.help_label}: {question.help}")))
            if question.why:
                console.print(Text(printable(f"{_why_label(part)}: {question.why}")))
            if question.answers_label:
                console.print(Text(printable(question.answers_label)))
                for answer in question.answers:
                    console.print(Text(printable(f"- {answer}")))


def _glance(part: Part, header_style: str = "") -> TableOrList:
    """The part's table: a table where every word of it fits, else a list (table_or_list.py)."""
    header, *rows = part.table
    return TableOrList(
        [Text(printable(cell), style=header_style) for cell in header],
        [[Text(printable(cell)) for cell in row] for row in rows],
        box=None,
    )


def _why_label(part: Part) -> str:
    return part.why_label or ""


def render_handout_markdown(handout: Handout, footer: str, ids: Iterable[str] = ()) -> str:
    """The handout as Markdown; each of `ids` (a question's, flag's or adaptation's) that holds
    a Markdown character is written as code, as typed in an answers file: `used_past_year`,
    not used\\_past\\_year."""
    text = _handout_markdown(handout, footer)
    for found in sorted(set(ids), key=len, reverse=True):
        escaped = escape(found)
        if escaped != found:
            pattern = rf"(?<![\w\\`]){re.escape(escaped)}(?![\w\\`])"
            text = re.sub(pattern, f"`{found}`", text)
    return text


def _handout_markdown(handout: Handout, footer: str) -> str:
    lines = [f"# {escape(handout.title)}", ""]
    for paragraph in handout.paragraphs:
        lines += [escape(paragraph), ""]
    for part in handout.parts:
        lines += [f"## {escape(part.title)}", ""]
        for entry in part.entries:
            term = f"**{escape(entry.term)}**: " if entry.term else ""
            lines.append(f"- {term}{escape(entry.text)}")
        if part.entries:
            lines.append("")
        if part.table:
            header, *rows = part.table
            lines.append("| " + " | ".join(escape(cell) for cell in header) + " |")
            lines.append("|" + "---|" * len(header))
            for row in rows:
                lines.append("| " + " | ".join(escape(cell) for cell in row) + " |")
            lines.append("")
        for question in part.questions:
            lines += [f"### {escape(question.heading)}", "", escape(question.text), ""]
            lines += [f"**{escape(part.help_label or '')}:** {escape(question.help)}", ""]
            if question.why:
                lines += [f"**{escape(_why_label(part))}:** {escape(question.why)}", ""]
            if question.answers_label:
                lines += [f"**{escape(question.answers_label)}**", ""]
                lines += [*(f"- {escape(answer)}" for answer in question.answers), ""]
    lines += ["---", "", footer, ""]
    return "\n".join(lines)


def render_explanation_json(explanation: Explanation) -> str:
    return msgspec.json.format(msgspec.json.encode(explanation), indent=2).decode() + "\n"
