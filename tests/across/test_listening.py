"""What a listener hears, and when: plain mode measured in words (175 a minute), no audio.

A screen reader reads plain mode in order, so the order is the time: the crisis lines must
come within 20 s of the crisis screen's start, the contacts within 60 s of the summary's.
benchmarks/listening.py measures whole runs; docs/accessibility.md has its figures.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.models.contacts import Region
from screener.rules.contacts import choose_region, contacts_to_show
from screener.terminal.crisis_screen import draw_crisis_help

WORDS_PER_MINUTE = 175
LANGUAGES = bundled.bank_languages("ketamine")
REGIONS = [region.id for region in load_contacts(bundled.contacts_file()).regions]


def seconds(text: str) -> float:
    """At 175 words a minute: a word is a token with a letter or a digit in it."""
    words = [token for token in text.split() if any(ch.isalnum() for ch in token)]
    return len(words) * 60 / WORDS_PER_MINUTE


def region_in(region_id: str, language: str) -> Region:
    book = load_contacts(bundled.contacts_file())
    return contacts_to_show(choose_region(book, region_id, {}), None, language)


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
