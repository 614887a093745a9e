"""Typer app: parse options, wire the parts, map errors to exit codes. Nothing else."""

import contextlib
import enum
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperArgument, TyperCommand

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


class Command(TyperCommand):
    """Help in words: arguments shown by their metavar (FILE..., [PERSONA]), never by a type
    placeholder such as <list[Path]> or a {files}... usage."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = param.metavar or (param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):
                arguments.append((param.metavar or (param.name or "").upper(), param.help or ""))
            else:
                options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        with formatter.section("Options"):
            formatter.write_dl(options)


def _choice(kind: type[enum.Enum], name: str) -> Callable[[str], Any]:
    """A parser for an enum option whose error names the choices, without "Value error"."""
    choices = [str(member.value) for member in kind]

    def parse(value: str) -> Any:
        try:
            return kind(value.lower())
        except ValueError:
            raise typer.BadParameter(
                f"'{value}' is not a {name}; choose {', '.join(choices[:-1])} or {choices[-1]}"
            ) from None

    return parse


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:  # also refuses nan
        raise typer.BadParameter(f"'{value}' is not a number of seconds, such as 2 or 0.5")
    return seconds


# Options that several commands share, declared once. Metavars say what to type; a flag has
# one name (--force, not --force / --no-force) and no default shown.
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Replace the --output file if it exists.", show_default=False),
]
LanguageOption = Annotated[
    Optional[str],
    typer.Option(metavar="LANGUAGE", help="Language, e.g. en or es. Default: from your locale."),
]
PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain", help="Plain text for screen readers: no boxes, no colour.", show_default=False
    ),
]
BankOption = Annotated[
    Optional[str],
    typer.Option(metavar="BANK", help="A bundled bank id, or a bank file. Default: ketamine."),
]
ResourcesOption = Annotated[
    Optional[Path],
    typer.Option(
        metavar="FILE",
        help="A service's own contacts file, listed first. Default: config file.",
    ),
]
KeepScreenOption = Annotated[
    bool,
    typer.Option(
        "--keep-screen",
        help="On quick exit (Esc or x), leave the screen as it is.",
        show_default=False,
    ),
]
ProjectorOption = Annotated[
    bool,
    typer.Option(
        "--projector",
        help="High contrast for a room: nothing faint, lines of at most 100 characters.",
        show_default=False,
    ),
]
RecordFormatOption = Annotated[
    Optional[Format],
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        parser=_choice(Format, "format"),
        help="text, markdown, json or fhir. Default: from the --output file's extension "
        "(.txt, .md, .json, .fhir.json), else text.",
        show_default=False,
    ),
]


@app.command(cls=Command)
def run(
    answers: Annotated[
        Optional[Path],
        typer.Option(
            metavar="FILE", help="Replay answers from a YAML or JSON file instead of asking."
        ),
    ] = None,
    requested_format: RecordFormatOption = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Save the result to this file (readable only by you).",
        ),
    ] = None,
    force: ForceOption = False,
    lang: LanguageOption = None,
    region: Annotated[
        Optional[str],
        typer.Option(
            metavar="REGION",
            help="Where you are, for help contacts: uk, us, ca, au, ie, nz, other.",
        ),
    ] = None,
    plain: PlainOption = False,
    bank: BankOption = None,
    keep_screen: KeepScreenOption = False,
    resources: ResourcesOption = None,
    trainer: Annotated[
        bool,
        typer.Option(
            "--trainer",
            help="With --answers (a self-check's or an intake's): then show the counsellor's "
            "view and flip answers by number to see what changes.",
            show_default=False,
        ),
    ] = False,
    projector: ProjectorOption = False,
) -> None:
    """Take the self-check (the default when no command is given)."""
    output_format = _record_format(requested_format, output)
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
        projector=projector,
    )
    with _reported_errors():
        if trainer:
            from screener.commands import trainer as trainer_tools

            trainer_tools.check_replay_options(answers, output_format, output)
        screening.preflight(options)
        setup = screening.prepare(options, os.environ)
        if answers is not None:
            result = screening.replay(setup, answers, any_record=trainer)
            if output is not None:
                write_private(output, screening.render(result, setup, output_format), force=force)
                from screener.safetext import one_line

                sys.stderr.write(one_line(f"Saved to {output}") + "\n")
            elif output_format is Format.text:
                is_plain = console_policy.wants_plain(plain, os.environ, sys.stdout)
                console = console_policy.make_console(
                    sys.stdout, plain=is_plain, projector=projector
                )
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
        console = console_policy.make_console(conversation, plain=is_plain, projector=projector)
        try:
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


@app.command(cls=Command, short_help="Screen a client with a counsellor, for a record.")
def intake(
    client: Annotated[
        Optional[str],
        typer.Option(
            metavar="CODE",
            help="The client's reference: a short code such as K-0142, not a name.",
        ),
    ] = None,
    counsellor: Annotated[
        Optional[str],
        typer.Option(metavar="INITIALS", help="Your initials, for the record. Asked if not given."),
    ] = None,
    answers: Annotated[
        Optional[Path],
        typer.Option(
            metavar="FILE", help="Replay answers (with client and notes) instead of asking."
        ),
    ] = None,
    requested_format: RecordFormatOption = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Save the record to this file (readable only by you).",
        ),
    ] = None,
    force: ForceOption = False,
    lang: LanguageOption = None,
    region: Annotated[
        Optional[str],
        typer.Option(
            metavar="REGION",
            help="The client's region, for contacts: uk, us, ca, au, ie, nz, other.",
        ),
    ] = None,
    plain: PlainOption = False,
    bank: BankOption = None,
    resources: ResourcesOption = None,
    keep_screen: KeepScreenOption = False,
    projector: ProjectorOption = False,
) -> None:
    """Screen a client with a counsellor: criteria shown, notes, a review, then a record."""
    output_format = _record_format(requested_format, output)
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
        projector=projector,
    )
    with _reported_errors():
        code = intake_run.run(options, client, os.environ, counsellor)
    if code:
        raise typer.Exit(code)


@app.command("export-fhir", cls=Command, short_help="Write a bank as a FHIR R4 Questionnaire.")
def export_fhir(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help="Save the Questionnaire to this file."),
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


@app.command(cls=Command)
def banks() -> None:
    """List the bundled question banks."""
    from screener.commands import banks as bank_commands

    with _reported_errors():
        sys.stdout.write(bank_commands.list_banks())


@app.command(cls=Command, short_help="Check bank and contacts files.")
def validate(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="Bank or contacts files to check.")
    ],
) -> None:
    """Check bank and contacts files; print file:line:col: message for each problem."""
    from screener.commands import banks as bank_commands

    with _reported_errors():
        lines, ok = bank_commands.validate_files(files)
        sys.stdout.write("".join(line + "\n" for line in lines))
        if not ok:
            raise typer.Exit(1)


@app.command(cls=Command, short_help="Show the help contacts for a region.")
def resources(
    region: Annotated[
        Optional[str],
        typer.Option(
            metavar="REGION", help="uk, us, ca, au, ie, nz or other. Default: your locale."
        ),
    ] = None,
    resources: ResourcesOption = None,
) -> None:
    """Show the help contacts a summary would list, with when and where each was checked."""
    from screener.commands import resources as resource_commands

    with _reported_errors():
        sys.stdout.write(resource_commands.describe_resources(region, os.environ, resources))


@app.command(cls=Command, short_help="Show how a bank works, for trainers.")
def explain(
    bank: Annotated[
        Optional[str],
        typer.Argument(metavar="BANK", help="A bundled bank id or a bank file. Default: ketamine."),
    ] = None,
    output_format: Annotated[
        ExplainFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            parser=_choice(ExplainFormat, "format"),
            help="text, markdown (a handout) or json. Default: text.",
            show_default=False,
        ),
    ] = ExplainFormat.text,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain",
            help="Plain text for screen readers: no rules, no colour.",
            show_default=False,
        ),
    ] = False,
    projector: ProjectorOption = False,
) -> None:
    """Show how a bank works, for trainers: each question with its criterion, cluster and why
    it matters; the gate and adaptations; the bands; the flags and what raises them; sources."""
    from screener.commands import trainer

    with _reported_errors():
        trainer.explain(
            bank,
            output_format,
            plain=plain,
            environ=os.environ,
            stream=sys.stdout,
            projector=projector,
        )


@app.command(cls=Command, short_help="Play out a worked example, for trainers.")
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
            metavar="SECONDS",
            parser=_seconds,
            help="Step on by itself every SECONDS, instead of on Enter.",
        ),
    ] = None,
    bank: BankOption = None,
    region: Annotated[
        Optional[str],
        typer.Option(
            metavar="REGION",
            help="Whose help contacts the summary shows: uk, us, ca, au, ie, nz, other.",
        ),
    ] = None,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain",
            help="Plain text for screen readers: no tables, no colour.",
            show_default=False,
        ),
    ] = False,
    projector: ProjectorOption = False,
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
                projector=projector,
            )
        except (KeyboardInterrupt, EOFError):
            sys.stdout.write("\n")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        if not finished:
            raise typer.Exit(EXIT_INTERRUPTED)


def with_default_command(args: list[str]) -> list[str]:
    """'screener --plain' means 'screener run --plain'; help and --version stay top-level.

    A first word that is not an option names a command: mistyped ('screener intak'), Typer
    says so and suggests the nearest, instead of the self-check refusing an extra argument.
    'screener help [COMMAND]' shows the help.
    """
    if args and args[0] == "help":
        return [*args[1:2], "--help"]
    if args and (not args[0].startswith("-") or args[0] in ("-h", "--help", "--version")):
        return args
    return ["run", *args]


def _record_format(requested: Optional[Format], output: Optional[Path]) -> Format:
    """--format if given; else the --output file's extension; else text, saying so on stderr
    when the extension names no format (the record is still written)."""
    from screener.render import format_for_path

    if requested is not None:
        return requested
    if output is None:
        return Format.text
    found = format_for_path(output)
    if found is None:
        sys.stderr.write(
            f"Writing text: '{output.suffix or output.name}' is not an extension screener "
            "knows (.txt, .md, .json, .fhir.json); add --format to choose.\n"
        )
        return Format.text
    return found


def main() -> None:
    app(args=with_default_command(sys.argv[1:]), prog_name="screener")
