"""`screener resources`: the help contacts for a region, with when they were checked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from screener.commands.contacts import contacts_for, find_place, language_for
from screener.files.wording import load_strings
from screener.render.keep_whole import fill
from screener.rules.contacts import for_listening

if TYPE_CHECKING:
    from screener.terminal.host import Terminal


def describe_resources(
    requested: str | None,
    terminal: Terminal,
    service_file: Path | None = None,
    language: str | None = None,
    width: int | None = None,
    *,
    plain: bool = False,
) -> str:
    """The contacts a summary would list, in its order and language, labelled in that language
    (English where screener has no wording in it); wrapped at `width` columns when given.
    `plain`: numbers digit by digit, as a screen reader should say them."""
    place = find_place(requested, terminal.environ)
    wanted = language_for(language, terminal.environ, place.region)
    shown = contacts_for(place.region, service_file, wanted, terminal)
    region = for_listening(shown.region, plain)
    words = load_strings(wanted).resources
    lines = [words.heading.format(region=region.name, id=region.id), ""]
    if shown.service is not None:
        count = len(shown.service.contacts)
        lines[1:] = [
            words.service_first.format(
                service=shown.service.service, count=count, file=shown.service_file
            ),
            "",
        ]
    for contact in region.contacts:
        lines.append(f"{contact.name} [{words.kinds.of(contact.kind)}]")
        for label, value in (
            (words.phone, contact.phone),
            (words.text, contact.text),
            (words.web, contact.web),
            (words.hours, contact.hours),
        ):
            if value:
                lines.append(f"  {label}: {value}")
        lines.append(f"  {contact.description}")
        checked = words.checked.format(date=contact.checked.isoformat(), source=contact.source)
        lines.append(f"  {checked}")
        lines.append("")
    if width is not None:  # a terminal: wrapped at spaces, never inside a word or number
        lines = [_wrapped(line, width) for line in lines]
    return "\n".join(lines)


def _wrapped(line: str, width: int) -> str:
    text = line.lstrip(" ")
    return fill(text, width, indent=" " * (len(line) - len(text))) if text else line
