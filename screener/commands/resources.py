"""`screener resources`: the help contacts for a region, with when they were checked."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from screener.files import bundled
from screener.files.contacts import (
    find_service,
    load_contacts,
)
from screener.locales import locale_parts
from screener.rules.contacts import choose_region, in_language, with_service


def describe_resources(
    requested: str | None, environ: Mapping[str, str], service_file: Path | None = None
) -> str:
    """The contacts a summary would list, in its order: the service's own first, if any."""
    region = choose_region(load_contacts(bundled.contacts_file()), requested, environ)
    service, found_at = find_service(service_file, environ)
    lines = [f"Help contacts: {region.name} ({region.id})", ""]
    if service is not None:
        count = len(service.contacts)
        lines[1:] = [f"{service.service}: its own {count} first (from {found_at}).", ""]
    language, _ = locale_parts(environ)
    for contact in in_language(with_service(region, service), language or "").contacts:
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
