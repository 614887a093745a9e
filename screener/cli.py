"""Typer app: options in, one call into commands/ each, reported_errors() for exit codes."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from screener.cli_conventions import (
    BankOption,
    ClientOption,
    Command,
    CompareFormatOption,
    CounsellorOption,
    ExplainFormatOption,
    ForceOption,
    IntakeReplayOption,
    KeepScreenOption,
    LanguageOption,
    NewRecordArgument,
    OldRecordArgument,
    PlainOption,
    ProjectorOption,
    RecordFormatOption,
    RecordOutputOption,
    RegionOption,
    RegionOrAnywhereOption,
    ReplayOption,
    RescoreOption,
    ResourcesOption,
    ResultOutputOption,
    SpokenRegionArgument,
    VersionOption,
    choice,
    record_format,
    region_spoken,
    seconds,
    with_default_command,
)
from screener.cli_running import EXIT_INTERRUPTED, reported_errors, run_app
from screener.commands import completion as complete
from screener.commands.about import TOP_EPILOG, TOP_HELP
from screener.render import CompareFormat, ExplainFormat, FhirExport
from screener.terminal.host import Terminal

app = typer.Typer(
    add_completion=True,
    pretty_exceptions_enable=False,  # a traceback with locals could show someone's answers
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_started: list[Terminal] = []
"""The terminal main() made as the program started; a test's CliRunner skips main(), and its
command then makes one of the streams the runner gave it."""


def _terminal() -> Terminal:
    """The one terminal object, passed down from here: nothing below reads the streams, the
    environment or the platform for itself."""
    return _started[-1] if _started else Terminal.from_process()


@app.callback(help=TOP_HELP, epilog=TOP_EPILOG)
def _main(version: VersionOption = False) -> None:
    pass


@app.command(cls=Command)
def run(
    answers: ReplayOption = None,
    requested_format: RecordFormatOption = None,
    output: ResultOutputOption = None,
    force: ForceOption = False,
    lang: LanguageOption = None,
    region: RegionOption = None,
    plain: PlainOption = False,
    bank: BankOption = None,
    keep_screen: KeepScreenOption = False,
    rescore: RescoreOption = False,
    resources: ResourcesOption = None,
    trainer: Annotated[
        bool,
        typer.Option(
            "--trainer",
            help="After the summary (of the questions asked, or of --answers: a self-check's "
            "or an intake's), show the counsellor's view and flip answers by number to see "
            "what changes.",
            show_default=False,
        ),
    ] = False,
    projector: ProjectorOption = False,
) -> None:
    """Take the self-check (the default when no command is given)."""
    terminal = _terminal()
    output_format = record_format(requested_format, output, terminal.stderr)
    from screener.commands import outcome  # start-up: loads on use
    from screener.commands.session import Session, Who
    from screener.commands.setup import Options, preflight, prepare

    options = Options(
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
        rescore=rescore,
    )
    with reported_errors(terminal, keep_screen=keep_screen):
        if trainer:
            from screener.commands import trainer as trainer_tools  # start-up: loads on use

            trainer_tools.check_trainer_options(
                answers, output_format, output, at_a_keyboard=terminal.stdin_is_terminal
            )
        preflight(options)
        session = Session(Who.SELF, terminal, options)
        code = outcome.self_check(prepare(options, terminal), session, trainer=trainer)
    if code:
        raise typer.Exit(code)


@app.command(cls=Command, short_help="Screen a client with a counsellor, for a record.")
def intake(
    client: ClientOption = None,
    counsellor: CounsellorOption = None,
    answers: IntakeReplayOption = None,
    requested_format: RecordFormatOption = None,
    output: RecordOutputOption = None,
    force: ForceOption = False,
    lang: LanguageOption = None,
    region: RegionOrAnywhereOption = None,
    plain: PlainOption = False,
    bank: BankOption = None,
    resources: ResourcesOption = None,
    keep_screen: KeepScreenOption = False,
    projector: ProjectorOption = False,
    rescore: RescoreOption = False,
) -> None:
    """Screen a client with a counsellor: criteria shown, notes, a review, then a record."""
    terminal = _terminal()
    output_format = record_format(requested_format, output, terminal.stderr)
    from screener.commands import intake as intake_run  # start-up: loads on use
    from screener.commands.setup import Options

    options = Options(
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
        rescore=rescore,
    )
    with reported_errors(terminal, keep_screen=keep_screen):
        code = intake_run.run(options, client, terminal, counsellor)
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
    form: Annotated[
        FhirExport,
        typer.Option(
            metavar="FORM",
            parser=choice(FhirExport, "form"),
            help="self (the self-check's form), intake (with note fields) or bundle (both, with "
            "their CodeSystems, for a server). Default: self.",
            show_default=False,
        ),
    ] = FhirExport.self,
    region: RegionOrAnywhereOption = None,
    plain: PlainOption = False,
) -> None:
    """Write a bank as the HL7 FHIR R4 Questionnaire that --format fhir records answer."""
    from screener.commands import fhir  # start-up: loads on use
    from screener.files.writing import write_private, write_record
    from screener.safetext import one_line

    terminal = _terminal()
    with reported_errors(terminal):
        text = fhir.export_questionnaire(bank, lang, terminal, form, region)
        if output is None:
            write_record(terminal.stdout, text)
        else:
            write_private(output, text, force=force)
            terminal.stderr.write(one_line(f"Saved to {output}") + "\n")


@app.command(cls=Command)
def banks(plain: PlainOption = False) -> None:
    """List the bundled question banks."""
    from screener.commands import banks as bank_commands  # start-up: loads on use

    terminal = _terminal()
    with reported_errors(terminal):
        terminal.stdout.write(bank_commands.list_banks())


@app.command(cls=Command, short_help="Check bank and contacts files.")
def validate(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="Bank or contacts files to check.",
            readable=False,  # our loader says "cannot be read: permission denied", exit 1
        ),
    ],
    plain: PlainOption = False,
) -> None:
    """Check bank and contacts files; print file:line:col: message for each problem."""
    from screener.commands import banks as bank_commands  # start-up: loads on use

    terminal = _terminal()
    with reported_errors(terminal):
        lines, ok = bank_commands.validate_files(files)
        terminal.stdout.write("".join(line + "\n" for line in lines))
        if not ok:
            raise typer.Exit(1)


@app.command(cls=Command, short_help="Show the help contacts for a region.")
def resources(
    place: SpokenRegionArgument = None,
    region: RegionOrAnywhereOption = None,
    resources: ResourcesOption = None,
    lang: LanguageOption = None,
    plain: PlainOption = False,
) -> None:
    """Show the help contacts a summary would list, with when and where each was checked."""
    from screener.commands.resources import describe_resources  # start-up: loads on use

    terminal = _terminal()
    region = region_spoken(place or [], region)
    with reported_errors(terminal):
        # On a terminal, lines wrap at spaces; into a pipe or file they stay one a contact field.
        width = terminal.line_width(terminal.stdout) if terminal.stdout_is_terminal else None
        listed = describe_resources(
            region, terminal, resources, language=lang, width=width, plain=plain
        )
        terminal.stdout.write(listed)


@app.command(cls=Command, short_help="Show how a bank works, for trainers.")
def explain(
    bank: Annotated[
        Optional[str],
        typer.Argument(
            metavar="BANK",
            autocompletion=complete.banks,
            help="A bundled bank id or a bank file. Default: ketamine.",
        ),
    ] = None,
    output_format: ExplainFormatOption = ExplainFormat.text,
    plain: PlainOption = False,
    lang: LanguageOption = None,
    projector: ProjectorOption = False,
) -> None:
    """Show how a bank works, for trainers: each question with its criterion, cluster and why
    it matters; the gate and adaptations; the bands; the flags and what raises them; sources."""
    from screener.commands import trainer  # start-up: loads on use

    terminal = _terminal()
    with reported_errors(terminal):
        trainer.explain(bank, output_format, plain, terminal, language=lang, projector=projector)


def _personas(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return complete.personas(ctx.params.get("bank"))


@app.command(cls=Command, short_help="Play out a worked example, for trainers.")
def demo(
    persona: Annotated[
        Optional[str],
        typer.Argument(
            metavar="PERSONA",
            autocompletion=_personas,
            help="The id of a persona to play out. Without it: the list of personas.",
        ),
    ] = None,
    pace: Annotated[
        Optional[float],
        typer.Option(
            metavar="SECONDS",
            parser=seconds,
            help="Step on by itself every SECONDS, instead of on Enter.",
        ),
    ] = None,
    bank: BankOption = None,
    region: RegionOrAnywhereOption = None,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain",
            help="Plain text for screen readers: no tables, no colour.",
            show_default=False,
        ),
    ] = False,
    lang: LanguageOption = None,
    projector: ProjectorOption = False,
) -> None:
    """Play out a worked example for trainers: each question, the persona's answer and a
    running tally per cluster; then the summary the person would see, the counsellor's view,
    and a what-if where you flip answers by number. Without a persona, list them."""
    from screener.commands import trainer  # start-up: loads on use

    terminal = _terminal()
    with reported_errors(terminal):
        try:
            finished = trainer.demo(
                persona,
                pace=pace,
                bank=bank,
                region=region,
                plain=plain,
                terminal=terminal,
                language=lang,
                projector=projector,
            )
        except (KeyboardInterrupt, EOFError):
            terminal.stdout.write("\n")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        if not finished:
            raise typer.Exit(EXIT_INTERRUPTED)


@app.command(cls=Command, short_help="Show what changed between two records of one person.")
def compare(
    old: OldRecordArgument,
    new: NewRecordArgument,
    output_format: CompareFormatOption = CompareFormat.text,
    plain: PlainOption = False,
    bank: BankOption = None,
    lang: LanguageOption = None,
) -> None:
    """Show what changed between two saved records (JSON or FHIR, a self-check's or an
    intake's) of one person and bank: criteria met and band then and now, each answer that
    changed, flags raised and cleared, the days between. It says what changed, not what it
    means."""
    from screener.commands.compare import compare_records  # start-up: loads on use

    terminal = _terminal()
    with reported_errors(terminal):
        compare_records(old, new, output_format, terminal, plain=plain, bank=bank, language=lang)


def main(arguments: list[str] | None = None) -> None:
    """The console script's body: the terminal object is made here, once, and the command
    line parsed; Click's own errors are shown as text (an option value holding an escape
    sequence is never echoed raw to the terminal)."""
    from screener.files.streams import is_closed_pipe, silence  # start-up: loads on use

    terminal = Terminal.from_process()
    _started.append(terminal)
    args = with_default_command(list(arguments if arguments is not None else terminal.arguments))
    try:
        try:
            code = run_app(app, args, terminal)
        finally:
            _started.remove(terminal)  # a later call in this process makes its own
            terminal.stdout.flush()  # here, not at exit: a full disk is then one line, not a trace
    except OSError as error:
        if is_closed_pipe(error):  # `screener ... | head`: quiet, as Click has it
            silence(terminal.stdout)
            raise SystemExit(1) from None
        terminal.stderr.write(f"Error: could not write the output: {error.strerror or error}\n")
        silence(terminal.stdout)  # what is still buffered would fail again at exit
        raise SystemExit(1) from None
    raise SystemExit(code)
