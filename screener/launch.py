"""The console script: answer --version before anything else loads, then hand over to the CLI."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        # Building the Typer app and its commands costs more than the rest of --version.
        from screener.commands.about import python_version, this_platform, version_text

        print(version_text(python_version(), this_platform()), end="")
        return
    # start-up: Typer and the commands load only after --version's fast path
    from screener.cli import main as run_cli

    run_cli()
