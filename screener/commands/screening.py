"""One screening's steps, run in order by commands/outcome.py: setup, ask or replay, report."""

from __future__ import annotations

import dataclasses
import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from screener.commands.contacts import contacts_for, find_place
from screener.errors import UsageError
from screener.files import bundled
from screener.files.answers import load_replay
from screener.files.bank import load_bank
from screener.files.wording import DEFAULT_LANGUAGE, load_strings
from screener.files.writing import check_target
from screener.locales import locale_languages
from screener.models.bank import LoadedBank
from screener.models.base import Answer
from screener.models.contacts import Region, ServiceContacts
from screener.models.result import Result
from screener.models.wording import UiStrings
from screener.render import Format, renderer_for
from screener.rules.result import build_result
from screener.rules.scoring import score

if TYPE_CHECKING:  # the UI modules load only when a screening is shown, not for JSON
    from screener.commands.session import Session
    from screener.rules.walk import State, Walk
    from screener.terminal.console import AnyConsole, Screen
    from screener.terminal.host import Terminal


DEFAULT_BANK = "ketamine"


@dataclass(frozen=True)
class Setup:
    """Everything a screening needs before the first question."""

    loaded: LoadedBank
    strings: UiStrings
    region: Region
    """The person's region, its contacts in the order shown (see rules.contacts_to_show)."""
    service: ServiceContacts | None = None
    region_known: bool = True
    """False when the region is only the fallback: nothing said where the person is."""
    client_system: str | None = None
    """The identifier system for client references in FHIR records."""
    welcomed: bool = False
    """True once the welcome was shown (before asking the region), so it is not repeated."""


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
    projector: bool = False
    """High contrast for a room: nothing faint (lines are at most 100 columns on every screen)."""
    resources: Path | None = None
    """A service's own contacts file; else the config file, if there is one."""
    rescore: bool = False
    """Replay a saved record made with another version of the bank under this one."""


def prepare(options: Options, terminal: Terminal) -> Setup:
    environ = terminal.environ
    place = find_place(options.region, environ)
    region = place.region
    loaded = load_bank(find_bank(options.bank, options.language, environ, region.language))
    strings = load_strings(loaded.bank.language)
    shown = contacts_for(region, options.resources, loaded.bank.language, terminal)
    client_system = shown.service.client_system if shown.service else None
    return Setup(
        loaded,
        strings,
        shown.region,
        shown.service,
        region_known=place.known,
        client_system=client_system,
    )


def settle_region(setup: Setup, session: Session, console: Screen, *, plain: bool) -> Setup:
    """When nothing said where the person is, ask once, before the questions."""
    if setup.region_known:
        return setup
    # start-up: terminal/ is banned at module level (ruff TID253); the rest load only to ask
    from screener.files import bundled as data
    from screener.files.contacts import load_contacts
    from screener.rules.contacts import in_language
    from screener.terminal.prompt import ConsoleAsker, ask_region

    # Nothing is asked before the person knows what this is and how to leave at once.
    ConsoleAsker(console, setup.strings, setup.region, plain=plain).welcome(setup.loaded.bank)
    setup = dataclasses.replace(setup, welcomed=True)
    book = load_contacts(data.contacts_file())
    language = setup.loaded.bank.language
    regions = [region for region in book.regions if region.id != book.fallback]
    names = [in_language(region, language).name for region in regions]
    chosen = ask_region(console, setup.strings, names, plain=plain)
    if chosen is None:
        return dataclasses.replace(setup, region_known=True)
    resources = session.options.resources
    shown = contacts_for(regions[chosen], resources, language, session.terminal, warn=_quiet)
    return dataclasses.replace(setup, region=shown.region, service=shown.service, region_known=True)


def _quiet(message: str) -> None:
    """The warning was given once already, when the run began."""


def find_bank(
    requested: str | None,
    language: str | None,
    environ: Mapping[str, str],
    region_language: str | None = None,
) -> Path:
    """--bank as a file path, or a bundled bank id in the asked language: --lang, else the
    first the locale asks for that the bank has, else the region's own, else English."""
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
        asked = [*locale_languages(environ), region_language]
        wanted = next(
            (code for code in asked if code in languages),
            DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in languages else languages[0],
        )
    path = bundled.bank_file(bank_id, wanted)
    assert path is not None
    return path


def replay(
    setup: Setup,
    answers_file: Path,
    *,
    session: Session,
    any_record: bool = False,
    rescore: bool = False,
) -> Result:
    """Re-score an answers file, a saved record or a FHIR response; `any_record` also takes an
    intake's (its notes unused), for a trainer's what-if. A saved record of another version of
    the bank needs `rescore`."""
    loaded = setup.loaded
    replayed = load_replay(
        answers_file,
        loaded.bank,
        intake=any_record,
        sha256=loaded.sha256,
        today=loaded.reference(),
        rescore=rescore,
    )
    for warning in replayed.warnings:
        session.terminal.stderr.write(warning + "\n")
    return result_of(setup, replayed.answers)


def result_of(
    setup: Setup,
    answers: Mapping[str, Answer],
    *,
    mode: Literal["self", "intake"] = "self",
    client: str | None = None,
    notes: Mapping[str, str] | None = None,
    recorded_at: datetime.datetime | None = None,
    counsellor: str | None = None,
    started_at: datetime.datetime | None = None,
    closing_summary: str | None = None,
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
        counsellor=counsellor,
        started_at=started_at,
        closing_summary=closing_summary,
    )


def ask(setup: Setup, console: AnyConsole, *, plain: bool, state: State) -> Walk:
    """The introduction, then the questions, gathered into `state` (the caller keeps it, so
    an ending can still see the answers); KeyboardInterrupt and EOFError propagate."""
    # start-up: the walk and the askers load only when questions are asked, not for --answers
    from screener.rules.review import interview
    from screener.rules.walk import Ending, Walk
    from screener.terminal.answer_review import ReviewingAsker
    from screener.terminal.prompt import echoes_typing

    asker = ReviewingAsker(console, setup.strings, setup.region, plain=plain, service=setup.service)
    if not asker.intro(setup.loaded.bank, welcomed=setup.welcomed):
        return Walk({}, Ending.QUIT)
    if not echoes_typing(console):  # a script's answers: nobody to check them
        # start-up: the walk loads only when questions are asked
        from screener.rules.walk import walk

        return walk(setup.loaded.bank, asker, state)
    # At a keyboard: the answers listed before the result (docs/endings.md, "review").
    return interview(setup.loaded.bank, asker, setup.strings, state)


def render(
    result: Result, setup: Setup, output_format: Format, *, saved_to: str | None = None
) -> str:
    """The result as a whole document in one format (text at 80 columns, plain)."""
    # start-up: the record builder loads only to write a record
    from screener.reports.record import Screening

    screening = Screening(
        setup.loaded.bank,
        setup.strings,
        setup.region,
        result,
        saved_to,
        client_system=setup.client_system,
    )
    return renderer_for(output_format).render(screening)


def show_summary(
    console: AnyConsole,
    setup: Setup,
    result: Result,
    *,
    plain: bool,
    saved_to: str | None,
    not_saved: str | None = None,
    crisis_heard: bool = False,
) -> None:
    """The summary on screen: for a self-check the essentials first, then the full text in
    parts (numbered in plain mode); `crisis_heard`: the crisis screen was just shown, so the
    summary refers to it. The record (--output) keeps the full text."""
    # start-up: the text renderer (Rich) loads only to draw
    from screener.render.text import print_sections

    bank = setup.loaded.bank
    if result.mode == "intake":
        # start-up: the summary builders load only to show a summary
        from screener.reports.intake import build_intake_summary

        sections = build_intake_summary(bank, result, setup.strings, saved_to, not_saved)
    else:
        # start-up: the summary builders load only to show a summary
        from screener.reports.essentials import essentials_first
        from screener.reports.summary import build_summary
        from screener.rules.contacts import for_listening

        region = for_listening(setup.region, plain)  # the record keeps the numbers as written
        full = build_summary(bank, result, region, setup.strings, saved_to, not_saved)
        sections = essentials_first(
            full,
            bank,
            result,
            region,
            setup.strings,
            crisis_heard=crisis_heard,
            numbered=plain,
        )
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.console import terminal_of

    terminal = terminal_of(console)
    if plain or terminal is None:  # plain text is never paged; a bare Console is a test's
        print_sections(console, sections, plain=plain)
        return
    # start-up: terminal/ is banned at module level (ruff TID253)
    from screener.terminal.pager import show_paged

    # A severe result with flags runs to 100 lines: paged, its urgent advice is read first,
    # and the contacts and what was saved are shown again below, whatever was read.
    strings, region_name = setup.strings, result.resources.name
    kept_in_view = {
        strings.contacts_heading.format(region=region_name),
        strings.intake.contacts_heading.format(region=region_name),
        strings.about_heading,
    }
    ending = [section for section in sections if section.title in kept_in_view]
    show_paged(
        console,
        lambda screen: print_sections(screen, sections, plain=False),
        terminal,
        prompt=strings.pager_prompt,
        at_end=strings.pager_end,
        after=lambda screen: print_sections(screen, ending, plain=False),
    )


def preflight(options: Options) -> None:
    """Refuse an unusable --output before any question is asked."""
    if options.output is not None:
        check_target(options.output, force=options.force)
