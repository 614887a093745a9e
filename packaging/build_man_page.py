"""Build screener's man page, screener(1), from the same help the command shows.

Run `python packaging/build_man_page.py` after changing an option or its help; a test fails
while packaging/screener.1 is stale. The wheel installs the page as share/man/man1/screener.1
(pyproject.toml, shared-data), where pipx and a venv's `man` look for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from typer.core import TyperArgument, TyperGroup

from screener import __version__
from screener.cli import app
from screener.cli_conventions import REGIONS, bundled_regions
from screener.commands.about import TOP_EPILOG, TOP_HELP

PAGE = Path(__file__).resolve().parent / "screener.1"
MAN_SECTIONS = {"Exit codes:": "EXIT STATUS", "Files, in the config folder:": "FILES"}
"""The help's headings under the names man pages use for them."""


def roff(text: str) -> str:
    """Text as roff reads it literally: backslashes and dashes escaped, no line a request."""
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        "\\&" + line if line.startswith((".", "'")) else line for line in escaped.splitlines()
    )


def _paragraphs(text: str) -> list[str]:
    return [".PP\n" + roff(" ".join(block.split())) for block in text.strip().split("\n\n")]


def _options(command: Any, context: typer.Context) -> list[str]:
    lines = []
    for param in command.get_params(context):
        if isinstance(param, TyperArgument):
            name, help_text = (
                param.metavar or (param.name or "").upper(),
                getattr(param, "help", ""),
            )
        else:
            record = param.get_help_record(context)
            if record is None:
                continue
            name, help_text = record
        help_text = (help_text or "").replace(REGIONS, bundled_regions())
        lines.append(f".TP\n\\fB{roff(name)}\\fR\n{roff(' '.join(help_text.split()))}")
    return lines


def _epilog_sections() -> list[str]:
    """The help's closing lists (exit codes, files, environment) as the page's own sections."""
    sections = []
    for block in TOP_EPILOG.split("\b\n")[1:]:
        title, *body = block.strip("\n").splitlines()
        lines = [line[2:] if line.startswith("  ") else line for line in body]
        heading = MAN_SECTIONS.get(title, title.rstrip(":").upper())
        sections.append(f".SH {heading}\n.nf\n{roff(chr(10).join(lines))}\n.fi")
    return sections


def page_text() -> str:
    group = typer.main.get_command(app)
    root = typer.Context(group, info_name="screener", **group.context_settings)
    summary = TOP_HELP.strip().splitlines()[0].rstrip(".")
    parts = [
        f'.TH SCREENER 1 "" "screener {__version__}" "User Commands"',
        f".SH NAME\nscreener \\- {roff(summary[0].lower() + summary[1:])}",
        ".SH SYNOPSIS\n.B screener\n[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR] [\\fIARGS\\fR]...",
        ".SH DESCRIPTION",
        *_paragraphs(TOP_HELP.strip().split("\n", 1)[1]),
        ".SH OPTIONS",
        *_options(group, root),
        ".SH COMMANDS",
    ]
    assert isinstance(group, TyperGroup)
    for name, command in group.commands.items():
        context = typer.Context(command, info_name=name, parent=root)
        usage = " ".join(command.collect_usage_pieces(context))
        parts.append(f'.SS "screener {roff(name)} {roff(usage)}"')
        parts.extend(_paragraphs(command.help or ""))
        parts.extend(_options(command, context))
    parts.extend(_epilog_sections())
    parts.append(".SH SEE ALSO\nThe README, and docs/ in the source distribution.")
    return "\n".join(parts) + "\n"


def main() -> None:
    PAGE.write_text(page_text(), encoding="utf-8")
    print(f"wrote {PAGE}")


if __name__ == "__main__":
    main()
