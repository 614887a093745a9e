"""The console script: answer --version before anything else loads, then hand over to the CLI."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # Building the Typer app and its commands costs more than the rest of --version.
        from screener import VERSION_LINE

        print(VERSION_LINE)
        return
    # start-up: Typer and the commands load only after --version's fast path
    from screener.cli import main as run_cli

    run_cli()
