"""Read the language and territory a person's locale asks for (LC_ALL, LC_MESSAGES, LANG)."""

from __future__ import annotations

from collections.abc import Mapping


def locale_parts(environ: Mapping[str, str]) -> tuple[str | None, str | None]:
    """("en", "GB") from en_GB.UTF-8, in POSIX order of precedence; (None, None) for C/POSIX."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").strip()
        if value:
            break
    else:
        return None, None
    code = value.split(".")[0].split("@")[0]
    if code in ("C", "POSIX", ""):
        return None, None
    language, _, territory = code.partition("_")
    return (language.lower() or None), (territory.upper() or None)
