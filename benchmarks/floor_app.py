"""The floor: a do-nothing Typer app with the same options as `screener run`.

Typer builds a pydantic type adapter for every option of the command it parses, so this
app already costs what the framework costs. Its body only imports yaml and rich.console
(which any screener run needs too) and prints {}.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


class Format(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", is_eager=True)] = False) -> None:
    """Floor app."""


@app.command()
def run(
    answers: Annotated[Optional[Path], typer.Option()] = None,
    output_format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o")] = None,
    force: Annotated[bool, typer.Option()] = False,
    lang: Annotated[Optional[str], typer.Option()] = None,
    region: Annotated[Optional[str], typer.Option()] = None,
    plain: Annotated[bool, typer.Option()] = False,
    bank: Annotated[Optional[str], typer.Option()] = None,
) -> None:
    """Do nothing, as cheaply as Typer allows."""
    import rich.console  # noqa: F401
    import yaml  # noqa: F401

    print("{}")


@app.command()
def other() -> None:
    """A second command, so that Typer keeps `run` as a subcommand as screener does."""


if __name__ == "__main__":
    app()
