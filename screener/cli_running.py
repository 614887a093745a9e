"""Running the Typer app: the project's errors and Click's own become one line on stderr and
an exit code; Ctrl-C and a quick exit end as the endings table says (docs/endings.md)."""

import contextlib
from collections.abc import Callable, Iterator
from typing import TextIO

import typer
from typer.exceptions import TyperException

from screener.errors import ScreenerError
from screener.rules.endings import ExitCode
from screener.safetext import one_line, printable
from screener.terminal.host import Terminal

EXIT_INTERRUPTED = ExitCode.ENDED_EARLY


@contextlib.contextmanager
def reported_errors(terminal: Terminal, *, keep_screen: bool = False) -> Iterator[None]:
    """The project's own errors become one line on stderr and their exit code.

    Ctrl-C anywhere else (while a file is written, say) ends with 130, as during the
    questions, rather than Click's "Aborted!" and 1. A quick exit from a screen that does not
    clear for itself (the demo, the what-if) clears through the one clearing path, honouring
    --keep-screen.
    """
    from screener.terminal.keyboard import QuickExit  # start-up: terminal/ loads on a command

    try:
        yield
    except ScreenerError as error:
        terminal.stderr.write(f"Error: {one_line(str(error))}\n")
        raise typer.Exit(error.exit_code) from None
    except QuickExit:
        if not keep_screen:
            # start-up: terminal/ is banned at module level (ruff TID253)
            from screener.terminal.console import clear_screen, make_console

            clear_screen(make_console(terminal, terminal.stdout, plain=True))
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except KeyboardInterrupt:
        terminal.stderr.write("\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None


class _ShownAsText:
    """Standard error for Click's own messages, with control characters made harmless: an
    option value such as $'\\e[2J' is echoed in "is not a region", never obeyed."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(printable(text))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return False  # Click then adds no colour of its own


def run_app(app: typer.Typer, args: list[str], terminal: Terminal) -> int:
    """Run the Typer app on `args`: its exit code. Usage errors are shown as text. The data is
    read from the folder SCREENER_DATA names, if any (files/bundled.py), for this run only."""
    from screener.files import bundled  # start-up: files/ loads once a command line is run

    bundled.use_data_dir(terminal.environ.get(bundled.DATA_VARIABLE))
    try:
        return _run(app, args, terminal)
    finally:
        bundled.use_data_dir(None)


def _run(app: typer.Typer, args: list[str], terminal: Terminal) -> int:
    try:
        code = app(args=args, prog_name="screener", standalone_mode=False)
    except typer.Abort:  # Ctrl-D at one of Click's own prompts
        terminal.stderr.write("\n")
        return EXIT_INTERRUPTED
    except TyperException as error:  # Click's usage errors: a bad option, an unknown command
        show: Callable[..., None] | None = getattr(error, "show", None)
        if show is None:
            raise
        show(file=_ShownAsText(terminal.stderr))
        return int(getattr(error, "exit_code", ExitCode.USAGE))
    return code if isinstance(code, int) else 0
