"""Typer app: parse options, wire the parts, map errors to exit codes. Nothing else."""

import os
import shutil
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from screener import VERSION_LINE
from screener.cli_conventions import (
    EXIT_INTERRUPTED,
    BankOption,
    ClientOption,
    Command,
    CounsellorOption,
    ForceOption,
    IntakeReplayOption,
    KeepScreenOption,
    LanguageOption,
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
    choice,
    record_format,
    reported_errors,
    seconds,
    with_default_command,
)
from screener.render import ExplainFormat, FhirExport

app = typer.Typer(
    add_completion=True,
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
            help="With --answers (a self-check's or an intake's): then show the counsellor's "
            "view and flip answers by number to see what changes.",
            show_default=False,
        ),
    ] = False,
    projector: ProjectorOption = False,
) -> None:
    """Take the self-check (the default when no command is given)."""
    output_format = record_format(requested_format, output)
    from screener.commands import outcome, screening

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
        rescore=rescore,
    )
    with reported_errors():
        if trainer:
            from screener.commands import trainer as trainer_tools

            trainer_tools.check_replay_options(answers, output_format, output)
        screening.preflight(options)
        setup = screening.prepare(options, os.environ)
        code = outcome.self_check(setup, options, os.environ, trainer=trainer)
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
    output_format = record_format(requested_format, output)
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
        rescore=rescore,
    )
    with reported_errors():
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
) -> None:
    """Write a bank as the HL7 FHIR R4 Questionnaire that --format fhir records answer."""
    from screener.commands import fhir
    from screener.files.writing import write_private, write_record
    from screener.safetext import one_line

    with reported_errors():
        text = fhir.export_questionnaire(bank, lang, os.environ, form, region)
        if output is None:
            write_record(sys.stdout, text)
        else:
            write_private(output, text, force=force)
            sys.stderr.write(one_line(f"Saved to {output}") + "\n")


@app.command(cls=Command)
def banks() -> None:
    """List the bundled question banks."""
    from screener.commands import banks as bank_commands

    with reported_errors():
        sys.stdout.write(bank_commands.list_banks())


@app.command(cls=Command, short_help="Check bank and contacts files.")
def validate(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="Bank or contacts files to check.")
    ],
) -> None:
    """Check bank and contacts files; print file:line:col: message for each problem."""
    from screener.commands import banks as bank_commands

    with reported_errors():
        lines, ok = bank_commands.validate_files(files)
        sys.stdout.write("".join(line + "\n" for line in lines))
        if not ok:
            raise typer.Exit(1)


@app.command(cls=Command, short_help="Show the help contacts for a region.")
def resources(
    region: RegionOrAnywhereOption = None,
    resources: ResourcesOption = None,
    lang: LanguageOption = None,
) -> None:
    """Show the help contacts a summary would list, with when and where each was checked."""
    from screener.commands.resources import describe_resources

    with reported_errors():
        # On a terminal, lines wrap at spaces; into a pipe or file they stay one a contact field.
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        listed = describe_resources(region, os.environ, resources, language=lang, width=width)
        sys.stdout.write(listed)


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
            parser=choice(ExplainFormat, "format"),
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
    lang: LanguageOption = None,
    projector: ProjectorOption = False,
) -> None:
    """Show how a bank works, for trainers: each question with its criterion, cluster and why
    it matters; the gate and adaptations; the bands; the flags and what raises them; sources."""
    from screener.commands import trainer

    with reported_errors():
        trainer.explain(
            bank,
            output_format,
            plain,
            os.environ,
            sys.stdout,
            language=lang,
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
    from screener.commands import trainer

    with reported_errors():
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
                projector=projector,
            )
        except (KeyboardInterrupt, EOFError):
            sys.stdout.write("\n")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        if not finished:
            raise typer.Exit(EXIT_INTERRUPTED)


def main() -> None:
    from screener.files.streams import draw_on_any_console, is_closed_pipe, silence_stdout

    draw_on_any_console(sys.stdout, sys.stderr)
    try:
        try:
            app(args=with_default_command(sys.argv[1:]), prog_name="screener")
        finally:
            sys.stdout.flush()  # here, not at exit: a full disk is then one line, not a trace
    except OSError as error:
        if is_closed_pipe(error):  # `screener ... | head`: quiet, as Click has it
            silence_stdout()
            raise SystemExit(1) from None
        sys.stderr.write(f"Error: could not write the output: {error.strerror or error}\n")
        silence_stdout()  # what is still buffered would fail again at exit
        raise SystemExit(1) from None
