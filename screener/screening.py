"""One screening from start to end: choose bank, language and region; ask or replay; report."""

from __future__ import annotations

import datetime
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from screener import bundled
from screener.answers import load_answers
from screener.bank import LoadedBank, load_bank
from screener.errors import UsageError
from screener.locales import locale_parts
from screener.models import Answer, Region, Result, ServiceContacts, UiStrings
from screener.output import check_target
from screener.record import build_result
from screener.render import Format, assert_never
from screener.render.json import render_json
from screener.resources import choose_region, find_service, in_language, load_contacts, with_service
from screener.scoring import score
from screener.strings import DEFAULT_LANGUAGE, load_strings

if TYPE_CHECKING:  # the UI modules load only when a screening is shown, not for JSON
    from rich.console import Console
    from rich.text import Text

    from screener.session import Walk

DEFAULT_BANK = "ketamine"
TEXT_FILE_WIDTH = 80


@dataclass(frozen=True)
class Setup:
    """Everything a screening needs before the first question."""

    loaded: LoadedBank
    strings: UiStrings
    region: Region
    """The person's region, its contacts led by the service's own if one was given."""
    service: ServiceContacts | None = None


@dataclass(frozen=True)
class Options:
    bank: str | None = None
    language: str | None = None
    region: str | None = None
    answers: Path | None = None
    format: Format = Format.text
    output: Path | None = None
    force: bool = False
    plain: bool = False
    keep_screen: bool = False
    resources: Path | None = None
    """A service's own contacts file; else the config file, if there is one."""


def prepare(options: Options, environ: Mapping[str, str]) -> Setup:
    loaded = load_bank(find_bank(options.bank, options.language, environ))
    strings = load_strings(loaded.bank.language)
    region = choose_region(load_contacts(bundled.contacts_file()), options.region, environ)
    service, _ = find_service(options.resources, environ)
    region = in_language(with_service(region, service), loaded.bank.language)
    return Setup(loaded, strings, region, service)


def find_bank(requested: str | None, language: str | None, environ: Mapping[str, str]) -> Path:
    """--bank as a file path, or a bundled bank id in the asked (or the locale's) language."""
    if requested and (requested.endswith((".yaml", ".yml", ".json")) or os.sep in requested):
        return Path(requested)
    bank_id = requested or DEFAULT_BANK
    languages = bundled.bank_languages(bank_id)
    if not languages:
        if Path(bank_id).exists():  # a bank file (or a folder, by mistake) named without .yaml
            return Path(bank_id)
        known = sorted({path.name.split(".")[0] for path in bundled.bank_files()})
        raise UsageError(f"no bundled bank '{bank_id}'; bundled banks: {', '.join(known)}")
    if language:
        wanted = language.lower().replace("-", "_").split("_")[0]
        if wanted not in languages:
            raise UsageError(
                f"the '{bank_id}' bank has no '{language}' version; "
                f"available: {', '.join(languages)}"
            )
    else:
        from_locale, _ = locale_parts(environ)
        wanted = from_locale if from_locale in languages else DEFAULT_LANGUAGE
        if wanted not in languages:
            wanted = languages[0]
    path = bundled.bank_file(bank_id, wanted)
    assert path is not None
    return path


def wants_plain(flag: bool, environ: Mapping[str, str], stream: TextIO) -> bool:
    """--plain, TERM=dumb, ACCESSIBLE, or a pipe: no boxes, no colour, no redraws.

    FORCE_COLOR (set and not empty, as force-color.org says) keeps the Rich layout and its
    colour on a pipe; it never overrides a person's choice of plain text.
    """
    if flag or environ.get("TERM") == "dumb" or environ.get("ACCESSIBLE"):
        return True
    return not _is_terminal(stream) and not environ.get("FORCE_COLOR")


def make_console(stream: TextIO, *, plain: bool, width: int | None = None) -> Console:
    """Plain: a stream of text, nothing styled. Otherwise a terminal, as wants_plain decided;
    Rich still drops the colour (not bold or layout) when NO_COLOR is set (no-color.org)."""
    from rich.console import Console

    return Console(
        file=stream,
        width=width,
        # Decided once, by wants_plain. Rich would read an empty FORCE_COLOR as "not a
        # terminal", and on TERM=dumb would assume 80 columns whatever the terminal's width.
        force_terminal=not plain,
        color_system=None if plain else "auto",
        highlight=False,
        emoji=False,
        markup=False,
    )


def replay(setup: Setup, answers_file: Path) -> Result:
    return result_of(setup, load_answers(answers_file, setup.loaded.bank))


def result_of(
    setup: Setup,
    answers: Mapping[str, Answer],
    *,
    mode: Literal["self", "intake"] = "self",
    client: str | None = None,
    notes: Mapping[str, str] | None = None,
    recorded_at: datetime.datetime | None = None,
) -> Result:
    return build_result(
        setup.loaded,
        score(setup.loaded.bank, answers),
        setup.region,
        mode=mode,
        client=client,
        notes=notes,
        recorded_at=recorded_at,
        service=setup.service,
    )


def ask(setup: Setup, console: Console, *, plain: bool) -> Walk:
    """The introduction, then the questions; KeyboardInterrupt and EOFError propagate."""
    from screener.prompt import ConsoleAsker
    from screener.session import Ending, Walk, walk

    asker = ConsoleAsker(console, setup.strings, setup.region, plain=plain)
    if not asker.intro(setup.loaded.bank):
        return Walk({}, Ending.QUIT)
    return walk(setup.loaded.bank, asker)


def clear_screen(console: Console, environ: Mapping[str, str]) -> None:
    """After a quick exit: clear the screen and scrollback where the terminal allows it."""
    from screener.keyboard import CLEAR_SCREEN_AND_SCROLLBACK

    if console.is_terminal and environ.get("TERM") != "dumb":
        console.file.write(CLEAR_SCREEN_AND_SCROLLBACK)
        console.file.flush()


def goodbye(setup: Setup, message: str) -> Text:
    """One line for leaving early: nothing saved, and someone to talk to."""
    from rich.text import Text

    contact = setup.region.contacts[0]
    reach = contact.phone or contact.web or contact.text or ""
    named = f"{contact.name} ({reach})" if reach else contact.name
    return Text(f"{message} {setup.strings.talk_to.format(contact=named)}")


def render(  # noqa: RET503 - the match ends in assert_never, so every path returns
    result: Result, setup: Setup, output_format: Format, *, saved_to: str | None = None
) -> str:
    """The result as a whole document in one format (text at 80 columns, plain)."""
    if output_format is Format.json:
        return render_json(result)
    bank = setup.loaded.bank
    if output_format is Format.fhir:
        from screener.render.fhir import questionnaire_response, to_json

        return to_json(questionnaire_response(bank, result, setup.strings))
    if result.mode == "intake":
        return _render_intake(result, setup, output_format)
    from screener.summary import build_summary

    sections = build_summary(bank, result, setup.region, setup.strings, saved_to)
    match output_format:
        case Format.text:
            from screener.render.text import print_sections

            buffer = io.StringIO()
            console = make_console(buffer, plain=True, width=TEXT_FILE_WIDTH)
            print_sections(console, sections, plain=True)
            return buffer.getvalue().lstrip("\n")
        case Format.markdown:
            from screener.render.markdown import render_markdown

            return render_markdown(bank, result, sections, setup.strings)
        case Format.json | Format.fhir:  # pragma: no cover - handled above
            raise AssertionError(output_format)
        case _:  # pragma: no cover - every Format is handled above
            assert_never(output_format)


def _render_intake(result: Result, setup: Setup, output_format: Format) -> str:
    """An intake's record for case notes: who, when, which bank, the result, every answer."""
    bank = setup.loaded.bank
    if output_format is Format.markdown:
        from screener.render.markdown import render_intake_markdown

        return render_intake_markdown(bank, result, setup.strings)
    from screener.intake import build_intake_record
    from screener.render.text import print_sections

    buffer = io.StringIO()
    console = make_console(buffer, plain=True, width=TEXT_FILE_WIDTH)
    print_sections(console, build_intake_record(bank, result, setup.strings), plain=True)
    return buffer.getvalue().lstrip("\n")


def show_summary(
    console: Console, setup: Setup, result: Result, *, plain: bool, saved_to: str | None
) -> None:
    from screener.render.text import print_sections

    bank = setup.loaded.bank
    if result.mode == "intake":
        from screener.intake import build_intake_summary

        sections = build_intake_summary(bank, result, setup.strings, saved_to)
    else:
        from screener.summary import build_summary

        sections = build_summary(bank, result, setup.region, setup.strings, saved_to)
    print_sections(console, sections, plain=plain)


def preflight(options: Options) -> None:
    """Refuse an unusable --output before any question is asked."""
    if options.output is not None:
        check_target(options.output, force=options.force)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
