"""No phone number split across lines, at any width, in Rich and plain text."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from screener.models.bank import LoadedBank
from screener.models.contacts import Contact, ContactBook
from screener.models.wording import UiStrings
from screener.render.keep_whole import KeepWhole, fill
from screener.render.text import print_sections
from screener.reports.summary import build_summary
from screener.rules.contacts import (
    choose_region,
    contacts_to_show,
    crisis_contacts,
    for_listening,
)
from screener.rules.result import build_result
from screener.rules.scoring import score
from screener.terminal.prompt import ConsoleAsker
from tests.helpers import CRITERION_IDS, HEALTH_IDS, REGION_IDS, full_answers


def numbers(contacts: tuple[Contact, ...]) -> set[str]:
    found = {value for contact in contacts for value in (contact.phone, contact.text) if value}
    for contact in contacts:  # and the numbers a description names, such as a TTY line
        found.update(re.findall(r"\d[\d\-]*(?: {1,2}\d[\d\-]*)+", contact.description))
    return found


def shown_whole(number: str, shown: str, width: int) -> bool:
    """The number on one line where it fits; wider than the line, broken only between its
    digit groups (two spaces apart in plain mode), never inside one."""
    if len(number) + 1 <= width:  # with the comma or full stop after it
        return number in shown
    lines = [line.strip() for line in shown.splitlines()]
    return number in "  ".join(lines) and number not in " ".join(lines)


TEXTPHONE = "1 8 0 0 1  0 8 0 8  8 0 8  8 0 0 0"
"""Lifeline's textphone (Northern Ireland) digit by digit: 34 columns, wider than 28."""


@pytest.mark.parametrize("width", range(20, 40))
def test_a_number_wider_than_the_line_breaks_only_between_its_groups(width: int) -> None:
    said = f"Lifeline (Northern Ireland): textphone {TEXTPHONE}, any time."
    wrapped = fill(said, width, indent="  ")
    assert all(len(line) <= width for line in wrapped.splitlines()), wrapped
    assert shown_whole(TEXTPHONE, wrapped, width - 2), wrapped
    console = Console(file=io.StringIO(), width=width, color_system=None)
    with console.capture() as captured:
        console.print(KeepWhole(Text(said)))
    out = captured.get()
    assert all(len(line.rstrip()) <= width for line in out.splitlines()), out
    assert shown_whole(TEXTPHONE, out, width), out


def test_a_number_stays_on_one_line_in_rich() -> None:
    console = Console(file=io.StringIO(), width=28, color_system=None)
    text = Text("Samaritans Ireland: call 116 123 (24 hours), or 0477 13 11 14.")
    with console.capture() as captured:
        console.print(Panel(KeepWhole(text)))
    out = captured.get()
    assert "116 123" in out and "0477 13 11 14" in out
    assert all(line.rstrip() == line for line in out.splitlines())


def test_plain_fill_keeps_numbers_and_hyphens_whole() -> None:
    wrapped = fill("call 1-800-662-4357 or 0300 123 6600 any time of day", 12)
    assert "1-800-662-4357" in wrapped.splitlines()
    assert "0300 123 6600" in wrapped.splitlines()


@pytest.mark.parametrize("plain", [False, True])
@pytest.mark.parametrize("width", [20, 28])
@pytest.mark.parametrize("region_id", REGION_IDS)
def test_every_number_on_the_crisis_screen_is_whole_at_28_columns(
    ketamine: LoadedBank,
    strings: UiStrings,
    contacts: ContactBook,
    region_id: str,
    width: int,
    plain: bool,
) -> None:
    """At 28 columns (Northern Ireland's textphone line) and 20, the narrowest screen."""
    region = contacts_to_show(choose_region(contacts, region_id, {}), None, "en")
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None, markup=False, highlight=False)
    console.input = lambda *args, **kwargs: "y"  # type: ignore[method-assign]
    flag = next(flag for flag in ketamine.bank.flags if flag.level == "crisis")
    assert ConsoleAsker(console, strings, region, plain=plain).crisis(flag)
    shown = output.getvalue()
    assert all(len(line) <= width for line in shown.splitlines()), shown
    for number in numbers(crisis_contacts(for_listening(region, plain))):
        assert shown_whole(number, shown, width), (region_id, number, shown)


@pytest.mark.parametrize("plain", [False, True])
@pytest.mark.parametrize("width", [28, *range(40, 51)])
@pytest.mark.parametrize("region_id", ["au", "nz", "ie", "uk", "us"])
def test_every_number_in_the_summary_is_whole_at_28_and_40_to_50_columns(
    ketamine: LoadedBank,
    strings: UiStrings,
    contacts: ContactBook,
    region_id: str,
    width: int,
    plain: bool,
) -> None:
    written = contacts_to_show(choose_region(contacts, region_id, {}), None, "en")
    region = for_listening(written, plain)  # as a summary shows it: digit by digit in plain
    answers = full_answers(dict.fromkeys(CRITERION_IDS, "yes")) | dict.fromkeys(HEALTH_IDS, "yes")
    result = build_result(ketamine, score(ketamine.bank, answers), written)
    output = io.StringIO()
    console = Console(file=output, width=width, color_system=None, markup=False)
    print_sections(console, build_summary(ketamine.bank, result, region, strings), plain=plain)
    shown = output.getvalue()
    for number in numbers(region.contacts):
        assert shown_whole(number, shown, width), (region_id, width, number)


@pytest.mark.parametrize("plain", [False, True])
@pytest.mark.parametrize("region_id", REGION_IDS)
def test_every_web_address_in_the_summary_is_whole_at_28_columns(
    ketamine: LoadedBank, strings: UiStrings, contacts: ContactBook, region_id: str, plain: bool
) -> None:
    """'samhsa.gov/find-help/nati…': a list column cut an address wider than the screen. It
    may fold onto the next line, but every character is there."""
    from tests.helpers import unbroken

    region = contacts_to_show(choose_region(contacts, region_id, {}), None, "en")
    answers = full_answers(dict.fromkeys(CRITERION_IDS, "yes")) | dict.fromkeys(HEALTH_IDS, "yes")
    result = build_result(ketamine, score(ketamine.bank, answers), region)
    output = io.StringIO()
    console = Console(file=output, width=28, color_system=None, markup=False)
    print_sections(console, build_summary(ketamine.bank, result, region, strings), plain=plain)
    shown = unbroken(output.getvalue())
    webs = [contact.web for contact in region.contacts if contact.web]
    assert all(unbroken(web) in shown for web in webs), region_id  # Mexico lists none
    assert "…" not in output.getvalue()


def test_every_source_address_in_the_trainers_guide_is_whole_at_28_columns(
    ketamine: LoadedBank, strings: UiStrings
) -> None:
    from screener.files.wording import load_trainer_strings
    from screener.render.explain import print_handout
    from screener.reports.explain import explain
    from screener.reports.handout import handout
    from tests.helpers import unbroken

    document = handout(
        explain(ketamine),
        load_trainer_strings("en"),
        strings.answer_labels,
        strings.intake.kind_labels,
        unsure_key=strings.answer_words.unsure[0],
    )
    output = io.StringIO()
    print_handout(Console(file=output, width=28, color_system=None), document, plain=False)
    shown = unbroken(output.getvalue())
    urls = [source.url for source in ketamine.bank.sources if source.url]
    assert urls and all(unbroken(url) in shown for url in urls)
