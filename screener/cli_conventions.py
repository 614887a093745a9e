"""The CLI's conventions, beside cli.py: help in words, option parsers whose errors name the
choices, the options several commands share (their values completed by cli_completion.py),
and which command a first word means. Running the app: cli_running.py."""

import enum
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional, TextIO

import typer
from typer.core import TyperArgument, TyperCommand

from screener.commands import completion as complete
from screener.render import (
    FORMAT_CHOICES,
    KNOWN_EXTENSIONS,
    CompareFormat,
    ExplainFormat,
    Format,
    in_words,
)


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
            elif REGIONS in record[1]:
                options.append((record[0], record[1].replace(REGIONS, bundled_regions())))
            else:
                options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        with formatter.section("Options"):
            formatter.write_dl(options)


def bundled_regions() -> str:
    """The bundled contacts' regions as help lists them: 'uk, us, ... mx or other'."""
    # start-up: the contacts are read only when help shows the regions
    from screener.files.bundled import contacts_file
    from screener.files.contacts import load_contacts

    return in_words([region.id for region in load_contacts(contacts_file()).regions])


def choice(kind: type[enum.Enum], name: str) -> Callable[[str], Any]:
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


def seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:  # also refuses nan
        raise typer.BadParameter(f"'{value}' is not a number of seconds, such as 2 or 0.5")
    return seconds


def _print_version(value: bool) -> None:
    if value:
        from screener.commands import about  # start-up: loads only for --version

        typer.echo(about.version_text(about.python_version(), about.this_platform()), nl=False)
        raise typer.Exit()


VersionOption = Annotated[
    bool,
    typer.Option(
        "--version",
        "-V",
        callback=_print_version,
        is_eager=True,
        help="Show the version, the Python, the platform and the banks, and stop.",
    ),
]
"""screener --version or -V; launch.py answers either alone before the CLI loads."""


# Options that several commands share, declared once. Metavars say what to type; a flag has
# one name (--force, not --force / --no-force) and no default shown.
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Replace the --output file if it exists.", show_default=False),
]
LanguageOption = Annotated[
    Optional[str],
    typer.Option(
        metavar="LANGUAGE",
        autocompletion=complete.languages,
        help="Language, e.g. en or es. Default: from your locale.",
    ),
]
PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain", help="Plain text for screen readers: no boxes, no colour.", show_default=False
    ),
]
BankOption = Annotated[
    Optional[str],
    typer.Option(
        metavar="BANK",
        autocompletion=complete.banks,
        help="A bundled bank id, or a bank file. Default: ketamine.",
    ),
]
ResourcesOption = Annotated[
    Optional[Path],
    typer.Option(
        metavar="FILE",
        help="A service's own contacts file, listed first. Default: config file.",
        readable=False,  # the loader's own located error (exit 1), not Click's usage error
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
RescoreOption = Annotated[
    bool,
    typer.Option(
        "--rescore",
        help="With --answers: score a saved record made with another version of the bank "
        "under this one (else refused).",
        show_default=False,
    ),
]
ProjectorOption = Annotated[
    bool,
    typer.Option(
        "--projector",
        help="High contrast for a room: nothing faint.",
        show_default=False,
    ),
]
RecordFormatOption = Annotated[
    Optional[Format],
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        parser=choice(Format, "format"),
        help=f"{FORMAT_CHOICES}. Default: from the --output file's extension "
        f"({KNOWN_EXTENSIONS}), else text.",
        show_default=False,
    ),
]


TOP_LEVEL_OPTIONS = ("-h", "--help", "--version", "-V", "--install-completion", "--show-completion")


def with_default_command(args: list[str]) -> list[str]:
    """'screener --plain' means 'screener run --plain'; help and --version stay top-level.

    A first word that is not an option names a command: mistyped ('screener intak'), Typer
    says so and suggests the nearest, instead of the self-check refusing an extra argument.
    'screener help [COMMAND]' shows the help.
    """
    if args and args[0] == "help":
        return [*args[1:2], "--help"]
    if args and (not args[0].startswith("-") or args[0] in TOP_LEVEL_OPTIONS):
        return args
    return ["run", *args]


def record_format(requested: Optional[Format], output: Optional[Path], warnings: TextIO) -> Format:
    """--format if given; else the --output file's extension; else text, saying so on stderr
    when the extension names no format (the record is still written)."""
    # start-up: render/ loads only once a record format is chosen
    from screener.render import format_for_path

    if requested is not None:
        return requested
    if output is None:
        return Format.text
    found = format_for_path(output)
    if found is None:
        warnings.write(
            f"Writing text: '{output.suffix or output.name}' is not an extension screener "
            f"knows ({KNOWN_EXTENSIONS}); add --format to choose.\n"
        )
        return Format.text
    return found


ReplayOption = Annotated[
    Optional[Path],
    typer.Option(
        metavar="FILE",
        help="Replay answers instead of asking: from an answers file (YAML or JSON), a saved "
        "record, or a FHIR QuestionnaireResponse.",
        readable=False,  # the loader's own located error (exit 1), not Click's usage error
    ),
]

# Who can read a saved file depends on the system and the drive (README: Privacy).
WHO_CAN_READ = "only you can read it on Linux or macOS; on Windows or USB, the folder decides"

ResultOutputOption = Annotated[
    Optional[Path],
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help=f"Save the result to this file ({WHO_CAN_READ}).",
    ),
]

ClientOption = Annotated[
    Optional[str],
    typer.Option(
        metavar="CODE",
        help="The client's reference: a short code such as K-0142, not a name.",
    ),
]

CounsellorOption = Annotated[
    Optional[str],
    typer.Option(metavar="INITIALS", help="Your initials, for the record. Asked if not given."),
]

IntakeReplayOption = Annotated[
    Optional[Path],
    typer.Option(
        metavar="FILE",
        help="Replay answers (with client and notes) instead of asking: from an answers file "
        "(YAML or JSON), a saved record, or a FHIR QuestionnaireResponse.",
        readable=False,  # the loader's own located error (exit 1), not Click's usage error
    ),
]

RecordOutputOption = Annotated[
    Optional[Path],
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help=f"Save the record to this file ({WHO_CAN_READ}).",
    ),
]


REGIONS = "{regions}"
"""Stands in help for the bundled regions, read from the contacts data when help is shown
(not at start-up: reading the data costs a run that shows no help)."""

REGION_HELP = f"Whose help contacts: {REGIONS}. Default: your locale's territory, else "

RegionOption = Annotated[
    Optional[str],
    typer.Option(metavar="REGION", autocompletion=complete.regions, help=REGION_HELP + "asked."),
]
"""For the self-check, the one command that asks where the person is."""

RegionOrAnywhereOption = Annotated[
    Optional[str],
    typer.Option(
        metavar="REGION",
        autocompletion=complete.regions,
        help=REGION_HELP + "other (contacts that work anywhere).",
    ),
]
"""For the commands that never ask: intake, resources, export-fhir, demo."""


SpokenRegionArgument = Annotated[
    Optional[list[str]],
    typer.Argument(
        metavar="REGION",
        autocompletion=complete.regions,
        help="The region, as with --region: 'screener resources uk' is easy to say aloud.",
        show_default=False,
    ),
]


def region_spoken(words: list[str], option: str | None) -> str | None:
    """The region from `screener resources uk` as from --region uk. Said aloud, "--region uk"
    is heard "region uk", so that is answered with the command to type (exit 2)."""
    if not words:
        return option
    if len(words) == 2 and words[0].lower().lstrip("-") == "region":
        raise typer.BadParameter(
            f"did you mean 'screener resources {words[1]}' "
            f"(or 'screener resources --region {words[1]}', with two dashes)?",
            param_hint="REGION",
        )
    if len(words) > 1:
        raise typer.BadParameter(f"one region, such as uk; got '{' '.join(words)}'")
    if option is not None and option.lower() != words[0].lower():
        raise typer.BadParameter(f"'{words[0]}' and --region {option}: choose one region")
    return words[0]


OldRecordArgument = Annotated[
    Path,
    typer.Argument(metavar="OLD", help="The earlier record (.json or .fhir.json).", readable=False),
]
NewRecordArgument = Annotated[
    Path,
    typer.Argument(metavar="NEW", help="The later record, of the same bank.", readable=False),
]
CompareFormatOption = Annotated[
    CompareFormat,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        parser=choice(CompareFormat, "format"),
        help="text, markdown (for case notes) or json. Default: text.",
        show_default=False,
    ),
]
ExplainFormatOption = Annotated[
    ExplainFormat,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        parser=choice(ExplainFormat, "format"),
        help="text, markdown (a handout) or json. Default: text.",
        show_default=False,
    ),
]
