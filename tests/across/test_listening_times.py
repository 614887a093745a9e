"""What a listener hears, and when: plain mode measured in words (175 a minute), no audio.

A screen reader reads plain mode in order, so the order is the time: the crisis lines must
come within 20 s of the crisis screen's start, the contacts within 60 s of the summary's.
benchmarks/listening.py measures whole runs; docs/accessibility.md has its figures.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from rich.console import Console

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.models.contacts import Region
from screener.models.wording import UiStrings
from screener.render.text import print_sections
from screener.reports.essentials import essentials_first
from screener.reports.summary import build_summary
from screener.rules.contacts import (
    choose_region,
    contacts_to_show,
    emergency_number,
    for_listening,
)
from screener.rules.result import build_result
from screener.rules.scoring import score
from screener.terminal.crisis_screen import draw_crisis_help
from tests.helpers import GOLDEN, PATHS

WORDS_PER_MINUTE = 175
LANGUAGES = bundled.bank_languages("ketamine")
REGIONS = [region.id for region in load_contacts(bundled.contacts_file()).regions]


def seconds(text: str) -> float:
    """At 175 words a minute: a word is a token with a letter or a digit in it."""
    words = [token for token in text.split() if any(ch.isalnum() for ch in token)]
    return len(words) * 60 / WORDS_PER_MINUTE


def region_in(region_id: str, language: str) -> Region:
    """The region's contacts as plain mode shows them: numbers digit by digit, as heard."""
    book = load_contacts(bundled.contacts_file())
    return for_listening(contacts_to_show(choose_region(book, region_id, {}), None, language), True)


def plain_console(width: int = 80) -> tuple[Console, io.StringIO]:
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None, markup=False)
    return console, output


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("region_id", REGIONS)
def test_the_crisis_lines_are_heard_within_20_seconds(region_id: str, language: str) -> None:
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    flag = next(flag for flag in load_bank(path).bank.flags if flag.level == "crisis")
    region = region_in(region_id, language)
    console, output = plain_console()
    draw_crisis_help(console, flag, region, load_strings(language), plain=True)
    shown = output.getvalue()
    first = min(shown.index(f"- {c.name}") for c in region.contacts if f"- {c.name}" in shown)
    assert seconds(shown[:first]) < 20, shown[:first]
    assert flag.advice.split()[-1] in shown, "the advice is still said, after the lines"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("region_id", REGIONS)
def test_the_emergency_number_is_heard_before_the_lines_and_the_advice(
    region_id: str, language: str
) -> None:
    """A person in danger hears the number to call in the first sentence after the heading;
    it came after every line and the whole advice (about 90 s in) when the lines moved up."""
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    flag = next(flag for flag in load_bank(path).bank.flags if flag.level == "crisis")
    region = region_in(region_id, language)
    strings = load_strings(language)
    number = emergency_number(region)
    if number is None:
        return  # "your local emergency number": the region names none
    console, output = plain_console()
    draw_crisis_help(console, flag, region, strings, plain=True)
    shown = " ".join(output.getvalue().split())
    sentence = " ".join(strings.crisis_emergency.format(number=number).split())
    first_line = min(shown.index(f"- {c.name}") for c in region.contacts if f"- {c.name}" in shown)
    assert shown.index(sentence) < first_line
    assert seconds(shown[: shown.index(sentence)]) < 5


def spoken_summary(
    path: str, language: str, region_id: str | None = None, *, crisis_heard: bool = False
) -> tuple[str, Region, UiStrings]:
    """The plain summary a screen shows for one of the shared answer paths."""
    bank_path = bundled.bank_file("ketamine", language)
    assert bank_path is not None
    loaded = load_bank(bank_path)
    answers, default_region = PATHS[path]
    region = region_in(region_id or default_region, language)
    strings = load_strings(language)
    result = build_result(loaded, score(loaded.bank, answers), region)
    full = build_summary(loaded.bank, result, region, strings)
    sections = essentials_first(
        full, loaded.bank, result, region, strings, crisis_heard=crisis_heard, numbered=True
    )
    console, output = plain_console()
    print_sections(console, sections, plain=True)
    return output.getvalue(), region, strings


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("region_id", REGIONS)
@pytest.mark.parametrize("path", list(PATHS))
def test_the_contacts_start_within_a_minute_of_each_plain_summary(
    path: str, region_id: str, language: str
) -> None:
    shown, region, strings = spoken_summary(path, language, region_id)
    first = shown.index(f"- {region.contacts[0].name}")
    assert seconds(shown[:first]) < 60, shown[:first]
    assert shown.index(strings.short_heading) < first < shown.index(strings.about_heading)
    short = shown[: shown.index(strings.parts_heading.split("{")[0])]
    for contact in region.contacts:
        assert f"- {contact.name}" in short, f"{contact.name} is in the short version"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("region_id", REGIONS)
def test_with_a_crisis_flag_the_crisis_lines_lead_and_other_advice_follows(
    region_id: str, language: str
) -> None:
    shown, region, strings = spoken_summary("severe_with_flags", language, region_id)
    crisis = [contact.name for contact in region.contacts if contact.kind == "crisis"]
    if crisis:
        assert shown.index("\n- ") + 1 == shown.index(f"- {crisis[0]}")
    urgent_line = shown.index(strings.result_count.split("{")[0])
    assert shown.index(f"- {region.contacts[0].name}") < urgent_line


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_crisis_block_just_heard_is_referred_to_not_repeated(language: str) -> None:
    heard, _, strings = spoken_summary("severe_with_flags", language, crisis_heard=True)
    replayed, _, _ = spoken_summary("severe_with_flags", language, crisis_heard=False)
    said_once = " ".join(strings.crisis_heard.split())
    assert said_once in " ".join(heard.split())
    assert said_once not in " ".join(replayed.split()), "a replay showed no crisis screen"
    assert len(heard.split()) < len(replayed.split()) - 100, "the crisis block is not repeated"


@pytest.mark.parametrize("language", LANGUAGES)
def test_plain_summary_parts_are_numbered_and_listed_after_the_short_version(
    language: str,
) -> None:
    shown, _, strings = spoken_summary("moderate", language)
    titles = re.findall(strings.part_title.format(number=r"(\d+)", count=r"(\d+)", title=""), shown)
    assert titles and all(count == titles[0][1] for _, count in titles)
    assert [int(number) for number, _ in titles] == list(range(1, int(titles[0][1]) + 1))
    assert shown.index(strings.parts_heading.format(count=titles[0][1])) < shown.index(
        strings.part_title.format(number=1, count=titles[0][1], title="")
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_spoken_severe_summary_golden(
    language: str, golden: Callable[[str, str], None]
) -> None:
    shown, _, _ = spoken_summary("severe_with_flags", language, crisis_heard=True)
    golden(f"summary_spoken_severe.{language}.plain.txt", shown)


def test_a_record_keeps_the_full_text() -> None:
    """The short version is for the screen: a text record has the full text, unchanged."""
    shown, _, strings = spoken_summary("moderate", "en")
    full = (GOLDEN / "summary_moderate.plain.txt").read_text(encoding="utf-8")
    assert strings.short_heading not in full
    assert full.strip().split("\n")[-1] in shown


# Numbers said as amounts: "nine hundred and ninety-nine", "setecientos diecisiete".
AMOUNTS = {
    "en": re.compile(r"h'Vndr|T'aUz|[nt]i\b|'Enti|t'i:n"),
    "es": re.compile(r"Tj'?[,']?ento|Tj'Ent|m'il|'enta|Dj[,']?E|bejnt|tr'?[,']?ejnt"),
}


def spoken_phonemes(text: str, language: str) -> str:
    """espeak-ng's phonemes for `text`, as a screen reader's voice would say it (no audio)."""
    import shutil
    import subprocess

    espeak = shutil.which("espeak-ng")
    if espeak is None:
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    said = subprocess.run(
        [espeak, "-q", "-x", "-v", language, text], capture_output=True, text=True, check=True
    )
    return said.stdout


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("region_id", REGIONS)
def test_espeak_says_each_crisis_screen_number_digit_by_digit(
    region_id: str, language: str
) -> None:
    """Each number after "call" on the plain crisis screen, spoken by espeak-ng: digits, not
    amounts ("nine hundred and ninety-nine" cannot be dialled as heard)."""
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    flag = next(flag for flag in load_bank(path).bank.flags if flag.level == "crisis")
    strings = load_strings(language)
    console, output = plain_console(width=200)
    draw_crisis_help(console, flag, region_in(region_id, language), strings, plain=True)
    call = strings.contact_call.split("{")[0]
    numbers = re.findall(re.escape(call) + r"([^,(]+)", " ".join(output.getvalue().split()))
    numbers = [number for number in numbers if any(char.isdigit() for char in number)]
    heard = {number.strip(" ."): spoken_phonemes(number, language) for number in numbers}
    region = region_in(region_id, language)
    if not any(contact.phone for contact in region.contacts):
        assert heard == {}  # "your local emergency number": nothing to dial as heard
        return
    assert heard, "the crisis screen has numbers to call"
    amounts = {number: said for number, said in heard.items() if AMOUNTS[language].search(said)}
    assert amounts == {}
