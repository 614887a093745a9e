"""Typer app: parse options, wire the parts, map errors to exit codes. Nothing else."""

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from screener import VERSION_LINE
from screener.render import ExplainFormat, Format

EXIT_INTERRUPTED = 130

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,  # a traceback with locals could show someone's answers
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

COMMANDS = ("run", "banks", "validate", "resources", "intake", "export-fhir", "explain", "demo")


def _print_version(value: bool) -> None:
    if value:
        print(VERSION_LINE)
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Show the version and stop."
        ),
    ] = False,
) -> None:
    """A private, offline self-check for ketamine use.

    With no command, screener starts the self-check (the same as 'screener run').
    Nothing is stored or sent anywhere unless you ask with --output.
    """


@contextlib.contextmanager
def _reported_errors() -> Iterator[None]:
    """The project's own errors become one line on stderr and their exit code.

    Ctrl-C anywhere else (while a file is written, say) ends with 130, as during the
    questions, rather than Click's "Aborted!" and 1.
    """
    from screener.errors import ScreenerError
    from screener.safetext import one_line
    from screener.terminal.keyboard import CLEAR_SCREEN_AND_SCROLLBACK, QuickExit

    try:
        yield
    except ScreenerError as error:
        sys.stderr.write(f"Error: {one_line(str(error))}\n")
        raise typer.Exit(error.exit_code) from None
    except QuickExit:
        # Screens that do not clear for themselves (demo, what-if) still leave nothing shown.
        if sys.stdout.isatty() and os.environ.get("TERM") != "dumb":
            sys.stdout.write(CLEAR_SCREEN_AND_SCROLLBACK)
            sys.stdout.flush()
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None


# Options that several commands share, declared once.
ForceOption = Annotated[bool, typer.Option(help="Replace the --output file if it exists.")]
LanguageOption = Annotated[
    Optional[str], typer.Option(help="Language, e.g. en. Default: from your locale.")
]
RegionOption = Annotated[
    Optional[str],
    typer.Option(
        help="Whose help contacts: uk, us, ca, au, ie, nz, es, mx or other. Default: "
        "your locale's territory, else asked."
    ),
]
PlainOption = Annotated[
    bool, typer.Option(help="Plain text for screen readers: no boxes, no colour.")
]
BankOption = Annotated[
    Optional[str], typer.Option(help="A bundled bank id, or a bank file. Default: ketamine.")
]
ResourcesOption = Annotated[
    Optional[Path],
    typer.Option(help="A service's own contacts file, listed first. Default: config file."),
]
KeepScreenOption = Annotated[
    bool, typer.Option(help="On quick exit (Esc or x), leave the screen as it is.")
]


@app.command()
def run(
    answers: Annotated[
        Optional[Path],
        typer.Option(help="Replay answers from a YAML or JSON file instead of asking."),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="How to write the result.")
    ] = Format.text,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Save the result to this file (readable only by you)."),
    ] = None,
    force: ForceOption = False,
    lang: LanguageOption = None,
    region: RegionOption = None,
    plain: PlainOption = False,
    bank: BankOption = None,
    keep_screen: KeepScreenOption = False,
    resources: ResourcesOption = None,
    trainer: Annotated[
        bool,
        typer.Option(
            "--trainer",
            help="With --answers: then show the counsellor's view and flip answers by number "
            "to see what changes.",
        ),
    ] = False,
) -> None:
    """Take the self-check (the default when no command is given)."""
    from screener.commands import screening
    from screener.files.writing import write_private
    from screener.terminal import console as console_policy

    options = screening.Options(
        bank=bank,
        language=lang,
        region=region,
        answers=answers,
        format=output_format,
        output=output,
        force=force,
        plain=plain,
        resources=resources,
        keep_screen=keep_screen,
    )
    with _reported_errors():
        if trainer:
            from screener.commands import trainer as trainer_tools

            trainer_tools.check_replay_options(answers, output_format, output)
        screening.preflight(options)
        setup = screening.prepare(options, os.environ)
        if answers is not None:
            result = screening.replay(setup, answers)
            if output is not None:
                write_private(output, screening.render(result, setup, output_format), force=force)
                from screener.safetext import one_line

                sys.stderr.write(one_line(f"Saved to {output}") + "\n")
            elif output_format is Format.text:
                is_plain = console_policy.wants_plain(plain, os.environ, sys.stdout)
                console = console_policy.make_console(sys.stdout, plain=is_plain)
                screening.show_summary(console, setup, result, plain=is_plain, saved_to=None)
                if trainer:
                    try:
                        trainer_tools.what_if_after_replay(console, setup, result, plain=is_plain)
                    except KeyboardInterrupt:
                        console.print()
                        raise typer.Exit(EXIT_INTERRUPTED) from None
            else:
                sys.stdout.write(screening.render(result, setup, output_format))
            return

        from screener.rules.walk import Ending
        from screener.terminal.keyboard import QuickExit

        # The record goes to stdout in its format; the conversation then uses stderr.
        conversation = sys.stdout if output_format is Format.text or output else sys.stderr
        is_plain = console_policy.wants_plain(plain, os.environ, conversation)
        console = console_policy.make_console(conversation, plain=is_plain)
        try:
            if region is None:
                setup = screening.settle_region(setup, options, console, os.environ, plain=is_plain)
            walked = screening.ask(setup, console, plain=is_plain)
        except QuickExit:
            if not keep_screen:
                console_policy.clear_screen(console, os.environ)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except (KeyboardInterrupt, EOFError):
            console.print()
            console.print(
                console_policy.goodbye(setup.strings.interrupted, setup.strings, setup.region)
            )
            raise typer.Exit(EXIT_INTERRUPTED) from None
        if walked.ending is Ending.QUIT:
            console.print()
            console.print(
                console_policy.goodbye(setup.strings.quit_message, setup.strings, setup.region)
            )
            raise typer.Exit(EXIT_INTERRUPTED)
        if walked.ending is Ending.STOPPED_AFTER_CRISIS:
            raise typer.Exit(EXIT_INTERRUPTED)

        result = screening.result_of(setup, walked.answers)
        saved_to = None
        if output is not None:
            write_private(output, screening.render(result, setup, output_format), force=force)
            saved_to = str(output)
        screening.show_summary(console, setup, result, plain=is_plain, saved_to=saved_to)
        if output is None and output_format is not Format.text:
            sys.stdout.write(screening.render(result, setup, output_format))


@app.command()
def intake(
    client: Annotated[
        Optional[str],
        typer.Option(help="The client's reference: a short code such as K-0142, not a name."),
    ] = None,
    answers: Annotated[
        Optional[Path],
        typer.Option(help="Replay answers (with client and notes) instead of asking."),
    ] = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="How to write the record.")
    ] = Format.text,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Save the record to this file (readable only by you)."),
    ] = None,
    force: ForceOption = False,
    lang: LanguageOption = None,
    region: RegionOption = None,
    plain: PlainOption = False,
    bank: BankOption = None,
    resources: ResourcesOption = None,
    keep_screen: KeepScreenOption = False,
) -> None:
    """Screen a client with a counsellor: criteria shown, notes, a review, then a record."""
    from screener.commands import intake as intake_run
    from screener.commands import screening

    options = screening.Options(
        bank=bank,
        language=lang,
        region=region,
        answers=answers,
        format=output_format,
        output=output,
        force=force,
        plain=plain,
        resources=resources,
        keep_screen=keep_screen,
    )
    with _reported_errors():
        code = intake_run.run(options, client, os.environ)
    if code:
        raise typer.Exit(code)


@app.command("export-fhir")
def export_fhir(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Save the Questionnaire to this file."),
    ] = None,
    force: ForceOption = False,
    lang: LanguageOption = None,
    bank: BankOption = None,
) -> None:
    """Write a bank as the HL7 FHIR R4 Questionnaire that --format fhir records answer."""
    from screener.commands import fhir
    from screener.files.writing import write_private

    with _reported_errors():
        text = fhir.export_questionnaire(bank, lang, os.environ)
        if output is None:
            sys.stdout.write(text)
        else:
            write_private(output, text, force=force)
            sys.stderr.write(f"Saved to {output}\n")


@app.command()
def banks() -> None:
    """List the bundled question banks."""
    from screener.commands import banks as bank_commands

    with _reported_errors():
        sys.stdout.write(bank_commands.list_banks())


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Bank or contacts files to check.")],
) -> None:
    """Check bank and contacts files; print file:line:col: message for each problem."""
    from screener.commands import banks as bank_commands

    with _reported_errors():
        lines, ok = bank_commands.validate_files(files)
        sys.stdout.write("".join(line + "\n" for line in lines))
        if not ok:
            raise typer.Exit(1)


@app.command()
def resources(
    region: RegionOption = None,
    resources: ResourcesOption = None,
    lang: LanguageOption = None,
) -> None:
    """Show the help contacts a summary would list, with when and where each was checked."""
    from screener.commands.resources import describe_resources

    with _reported_errors():
        sys.stdout.write(describe_resources(region, os.environ, resources, language=lang))


@app.command()
def explain(
    bank: Annotated[
        Optional[str],
        typer.Argument(metavar="BANK", help="A bundled bank id or a bank file. Default: ketamine."),
    ] = None,
    output_format: Annotated[
        ExplainFormat, typer.Option("--format", "-f", help="text, markdown (a handout) or json.")
    ] = ExplainFormat.text,
    plain: Annotated[
        bool, typer.Option(help="Plain text for screen readers: no rules, no colour.")
    ] = False,
    lang: LanguageOption = None,
) -> None:
    """Show how a bank works, for trainers: each question with its criterion, cluster and why
    it matters; the gate and adaptations; the bands; the flags and what raises them; sources."""
    from screener.commands import trainer

    with _reported_errors():
        trainer.explain(bank, output_format, plain, os.environ, sys.stdout, language=lang)


@app.command()
def demo(
    persona: Annotated[
        Optional[str],
        typer.Argument(
            metavar="PERSONA",
            help="The id of a persona to play out. Without it: the list of personas.",
        ),
    ] = None,
    pace: Annotated[
        Optional[float],
        typer.Option(
            min=0, metavar="SECONDS", help="Step on by itself every SECONDS, instead of on Enter."
        ),
    ] = None,
    bank: BankOption = None,
    region: RegionOption = None,
    plain: Annotated[
        bool, typer.Option(help="Plain text for screen readers: no tables, no colour.")
    ] = False,
    lang: LanguageOption = None,
) -> None:
    """Play out a worked example for trainers: each question, the persona's answer and a
    running tally per cluster; then the summary the person would see, the counsellor's view,
    and a what-if where you flip answers by number. Without a persona, list them."""
    from screener.commands import trainer

    with _reported_errors():
        try:
            finished = trainer.demo(
                persona,
                pace=pace,
                bank=bank,
                region=region,
                plain=plain,
                environ=os.environ,
                stream=sys.stdout,
                language=lang,
            )
        except (KeyboardInterrupt, EOFError):
            sys.stdout.write("\n")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        if not finished:
            raise typer.Exit(EXIT_INTERRUPTED)


def with_default_command(args: list[str]) -> list[str]:
    """'screener --plain' means 'screener run --plain'; help and --version stay top-level."""
    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version")):
        return args
    return ["run", *args]


def main() -> None:
    app(args=with_default_command(sys.argv[1:]), prog_name="screener")
