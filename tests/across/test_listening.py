"""What a listener hears: numbers digit by digit in plain mode, every symbol key named in
words, and no instruction that needs "--" to be heard. Checked on the words themselves; where
espeak-ng is installed, also on what it says."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
import yaml
from rich.console import Console

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.contacts import ContactBook
from screener.rules.contacts import (
    choose_region,
    contacts_to_show,
    crisis_contacts,
    digit_by_digit,
)
from screener.terminal.prompt import ConsoleAsker


def bank_in(language: str) -> LoadedBank:
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    return load_bank(path)


REGIONS = ["uk", "us", "ca", "au", "ie", "nz", "es", "mx", "other"]


@pytest.mark.parametrize(
    ("number", "heard"),
    [
        ("999", "9 9 9"),
        ("116 123", "1 1 6  1 2 3"),
        ("0300 123 6600", "0 3 0 0  1 2 3  6 6 0 0"),
        ("1-800-662-4357", "1  8 0 0  6 6 2  4 3 5 7"),
        ("9-8-8", "9 8 8"),
        ("+44 20", "+4 4  2 0"),
        ("HELP to 51444", "HELP to 51444"),  # words are left as they are
    ],
)
def test_a_number_is_written_digit_by_digit_and_still_grouped(number: str, heard: str) -> None:
    assert digit_by_digit(number) == heard


def plain_crisis_screen(
    ketamine: LoadedBank, contacts: ContactBook, region_id: str, language: str
) -> str:
    region = contacts_to_show(choose_region(contacts, region_id, {}), None, language)
    output = io.StringIO()
    console = Console(file=output, width=80, color_system=None, markup=False, highlight=False)
    console.input = lambda *args, **kwargs: "y"  # type: ignore[method-assign]
    flag = next(flag for flag in ketamine.bank.flags if flag.level == "crisis")
    asker = ConsoleAsker(console, load_strings(language), region, plain=True)
    assert asker.crisis(flag)
    return output.getvalue()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("region_id", REGIONS)
def test_plain_crisis_screen_writes_every_number_digit_by_digit(
    contacts: ContactBook,
    region_id: str,
    language: str,
) -> None:
    """'call 999' was heard as "nine hundred and ninety-nine"."""
    words = load_strings(language)
    shown = " ".join(plain_crisis_screen(bank_in(language), contacts, region_id, language).split())
    for said_as, heard_as in ways_to_reach(contacts, region_id, language):
        assert said_as not in shown, (region_id, said_as)
        assert heard_as in shown, (region_id, heard_as)
    assert words.crisis_heading in shown


def ways_to_reach(contacts: ContactBook, region_id: str, language: str) -> list[tuple[str, str]]:
    """Each crisis contact's "call N" and "text N" as written, and as plain mode writes them."""
    words = load_strings(language)
    region = contacts_to_show(choose_region(contacts, region_id, {}), None, language)
    pairs = []
    for contact in crisis_contacts(region):
        for number, way in (
            (contact.phone, words.contact_call),
            (contact.text, words.contact_text),
        ):
            if number and re.search(r"\d\d", number):
                heard = " ".join(digit_by_digit(number).split())
                pairs.append(
                    (way.format(phone=number, number=number), way.format(phone=heard, number=heard))
                )
    return pairs


ESPEAK = shutil.which("espeak-ng")
AMOUNTS = {"en": ("h'VndrI2d", "T'aUz@nd", "d'aS"), "es": ("T'jEn", "m'il", "gj'on")}
"""espeak-ng's phonemes for "hundred", "thousand", "dash" (Spanish: cien, mil, guion):
a number read as an amount, or a hyphen read aloud."""


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng is not installed")
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("region_id", REGIONS)
def test_espeak_reads_each_crisis_number_digit_by_digit(
    contacts: ContactBook,
    region_id: str,
    language: str,
) -> None:
    shown = " ".join(plain_crisis_screen(bank_in(language), contacts, region_id, language).split())
    for _, heard_as in ways_to_reach(contacts, region_id, language):
        assert heard_as in shown
        said = subprocess.run(
            [str(ESPEAK), "-q", "-x", "-v", language, heard_as],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert not any(amount in said for amount in AMOUNTS[language]), (heard_as, said)


SYMBOL_KEY = re.compile(r"(?:^|\s)\?(?=\s|$)")
"""A ? that stands alone, as a key to type (not one that ends a question)."""
KEY_NAMES = {"en": "? (question mark)", "es": "? (signo de interrogación)"}


def every_string(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in every_string(item)]
    if isinstance(value, list):
        return [text for item in value for text in every_string(item)]
    return []


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_symbol_key_is_named_in_words_beside_it(language: str) -> None:
    """'Type ? for help' was heard 'Type ... for help': a speech engine says nothing for ?."""
    path = bundled.strings_file(language)
    assert path is not None
    words = yaml.safe_load(path.read_text(encoding="utf-8"))
    told = [
        " ".join(text.split())
        for key, value in words.items()
        if key != "command_words"  # what may be typed, not what is said
        for text in every_string(value)
    ]
    mentions = [text for text in told if SYMBOL_KEY.search(text)]
    assert len(mentions) >= 4  # the help key is named in several places
    for text in mentions:
        for found in SYMBOL_KEY.finditer(text):
            assert text[found.end() - 1 :].startswith(KEY_NAMES[language]), text


def test_resources_takes_the_region_as_it_is_said() -> None:
    """The crisis screen said 'screener resources --region uk', heard 'resources region U K'."""
    from typer.testing import CliRunner

    from screener.cli import app

    runner = CliRunner()
    said = runner.invoke(app, ["resources", "uk"])
    assert said.exit_code == 0, said.output
    assert said.stdout == runner.invoke(app, ["resources", "--region", "uk"]).stdout
    heard = runner.invoke(app, ["resources", "region", "uk"])
    assert heard.exit_code == 2
    assert "did you mean 'screener resources uk'" in " ".join(heard.output.split())
    assert runner.invoke(app, ["resources", "uk", "--region", "us"]).exit_code == 2


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_instruction_to_type_relies_on_hearing_two_dashes(language: str) -> None:
    """Every '--option' a person is told to type is also said in words (or not needed)."""
    path = bundled.strings_file(language)
    assert path is not None
    told = " ".join(every_string(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert "screener resources --region" not in told
    said = {"en": "(two dashes, then region)", "es": "(dos guiones y region)"}[language]
    assert " ".join(told.split()).count("--region ") == " ".join(told.split()).count(said)


@pytest.mark.parametrize(
    "command", ["run", "intake", "banks", "validate", "resources", "explain", "demo", "export-fhir"]
)
def test_every_command_takes_plain(command: str) -> None:
    from typer.testing import CliRunner

    from screener.cli import app

    shown = CliRunner().invoke(app, [command, "--help"])
    assert "--plain" in shown.output, command


def test_help_names_plain_mode_and_screen_readers() -> None:
    from typer.testing import CliRunner

    from screener.cli import app

    shown = " ".join(CliRunner().invoke(app, ["--help"]).output.split())
    assert "screen reader" in shown and "--plain" in shown


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_key_is_split_from_its_word_at_any_width(language: str) -> None:
    from screener.render.keep_whole import KEY_GAP, key_lines

    words = load_strings(language)
    for hints in ((words.choices, words.commands), ("1 yes   2 no", words.intake.commands)):
        groups = [group for hint in hints for group in hint.split(KEY_GAP)]
        for width in range(20, 201):
            lines = key_lines(*hints, width=width)
            for group in groups:
                assert any(group in line for line in lines.splitlines()), (width, group)
