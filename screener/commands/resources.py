"""`screener resources`: the help contacts for a region, with when they were checked."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from screener.commands.contacts import contacts_for, find_place, language_for


def describe_resources(
    requested: str | None,
    environ: Mapping[str, str],
    service_file: Path | None = None,
    language: str | None = None,
) -> str:
    """The contacts a summary would list, in its order and language."""
    place = find_place(requested, environ)
    wanted = language_for(language, environ, place.region)
    shown = contacts_for(place.region, service_file, wanted, environ)
    region = shown.region
    lines = [f"Help contacts: {region.name} ({region.id})", ""]
    if shown.service is not None:
        count = len(shown.service.contacts)
        lines[1:] = [
            f"{shown.service.service}: its own {count} first of their kind "
            f"(from {shown.service_file}).",
            "",
        ]
    for contact in region.contacts:
        lines.append(f"{contact.name} [{contact.kind}]")
        for label, value in (
            ("phone", contact.phone),
            ("text", contact.text),
            ("web", contact.web),
            ("hours", contact.hours),
        ):
            if value:
                lines.append(f"  {label}: {value}")
        lines.append(f"  {contact.description}")
        lines.append(f"  checked {contact.checked.isoformat()}: {contact.source}")
        lines.append("")
    return "\n".join(lines)
