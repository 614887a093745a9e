"""The crisis screen: the advice, the emergency number and the crisis lines, drawn at once."""

from __future__ import annotations

from rich.console import Console, Group
from rich.text import Text

from screener.models.bank import Flag
from screener.models.contacts import Region, ServiceContacts
from screener.models.wording import UiStrings
from screener.render.heading import TitledPanel
from screener.render.keep_whole import KeepWhole, fill
from screener.render.text import entry_text
from screener.reports.summary import after_crisis_contacts, crisis_reminder, crisis_section
from screener.safetext import printable


def say(console: Console, text: str, *, plain: bool, style: str = "") -> None:
    """A paragraph as text. Plain mode wraps with textwrap: no trailing spaces for a screen
    reader to read; otherwise numbers and addresses are never split (KeepWhole)."""
    if plain:
        console.print(Text(fill(printable(text), max(console.width, 20))))
    else:
        console.print(KeepWhole(Text(printable(text), style=style)))


def draw_crisis_help(
    console: Console,
    flag: Flag,
    region: Region,
    strings: UiStrings,
    *,
    plain: bool,
    region_chosen: bool = False,
) -> None:
    """The flag's advice, the emergency number, the region's crisis contacts, whose they are
    and how to see them again: a red panel, or in plain text the contacts first, then the
    advice, for a listener who hears it in order."""
    flag_advice = (flag.advice,)
    section = crisis_section(flag_advice, region, strings)
    contacts = [entry_text(entry, term_style="bold") for entry in section.entries]
    after = after_crisis_contacts(region, strings, chosen=region_chosen)
    if plain:
        # Heard in order: the emergency number in one sentence, then who to call (a listener
        # reached the lines 39 s in when the advice came first), then the advice.
        advice = section.paragraphs[: len(flag_advice)]
        emergency = section.paragraphs[len(flag_advice) :]
        console.print()
        say(console, section.title, plain=True)
        for paragraph in emergency:
            console.print()
            say(console, paragraph, plain=True)
        console.print()
        if section.entries_heading:
            say(console, section.entries_heading + ":", plain=True)
        for line in contacts:
            say(console, f"- {line.plain}", plain=True)
        for paragraph in (*advice, *after):
            console.print()
            say(console, paragraph, plain=True)
        return
    paragraphs = [Text(printable(paragraph)) for paragraph in section.paragraphs]
    notes = [Text(printable(paragraph)) for paragraph in after]
    console.print()
    console.print(
        TitledPanel(
            Group(*(KeepWhole(line) for line in _spaced(paragraphs, contacts, notes))),
            Text(printable(section.title), style="bold"),
            border_style="red",
        )
    )


def show_crisis_reminder(
    console: Console,
    region: Region,
    strings: UiStrings,
    service: ServiceContacts | None = None,
    *,
    plain: bool,
) -> None:
    """The emergency number and the crisis lines, a line each, in bold (plain: as text):
    put in view again where the crisis screen's own list may have scrolled away."""
    console.print()
    for line in crisis_reminder(region, strings, service):
        say(console, line, plain=plain, style="bold")


def _spaced(paragraphs: list[Text], contacts: list[Text], notes: list[Text]) -> list[Text]:
    """Paragraphs with a blank line after each, the contacts one to a line, then the notes."""
    lines: list[Text] = []
    for paragraph in paragraphs:
        lines += [paragraph, Text("")]
    lines += contacts
    for note in notes:
        lines += [Text(""), note]
    return lines
