"""Before the first question: the options a screening is run with, and the bank, words, region
and contacts they choose (`prepare()`)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from screener.commands.contacts import contacts_for, find_place
from screener.errors import UsageError
from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.wording import DEFAULT_LANGUAGE, load_strings
from screener.files.writing import check_target
from screener.locales import locale_languages
from screener.models.bank import LoadedBank
from screener.models.contacts import Region, ServiceContacts
from screener.models.wording import UiStrings
from screener.render import Format

if TYPE_CHECKING:
    from screener.terminal.host import Terminal


DEFAULT_BANK = "ketamine"


class Setup(msgspec.Struct, frozen=True):
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


class Options(msgspec.Struct, frozen=True):
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
    language = answers_language(options)
    loaded = load_bank(find_bank(options.bank, language, environ, region.language))
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


def answers_language(options: Options) -> str | None:
    """--lang, else the language of the Questionnaire a FHIR response in --answers answers
    (`.../Questionnaire/ketamine-es`: the Spanish bank). A --lang that contradicts the
    response is refused, unless --rescore asks to score its answers under that bank."""
    if options.answers is None:
        return options.language
    # start-up: the FHIR readers load only for --answers
    from screener.files.fhir_checks import language_name, questionnaire_of

    found = questionnaire_of(options.answers)
    if found is None or options.bank not in (None, found[0].bank_id):
        return options.language
    named, document = found
    if options.language is None:
        return named.language
    asked = options.language.lower().replace("-", "_").split("_")[0]
    if asked != named.language and not options.rescore:
        where = document.problem(
            ("questionnaire",),
            f"this response answers the {language_name(named.language)} form and --lang asks "
            f"for {language_name(asked)}; leave out --lang, or add --rescore to score its "
            f"answers under the {asked} bank",
        )
        raise UsageError(str(where))
    return options.language


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


def preflight(options: Options) -> None:
    """Refuse an unusable --output before any question is asked."""
    if options.output is not None:
        check_target(options.output, force=options.force)
