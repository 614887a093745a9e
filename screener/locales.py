"""Where a person is and what they read, from the locale: POSIX categories, or Windows' own."""

from __future__ import annotations

from collections.abc import Callable, Mapping

TERRITORY_VARIABLES = ("LC_ALL", "LC_TELEPHONE", "LC_ADDRESS", "LANG")
"""Where the person is: the formats they chose. Never LC_MESSAGES, which picks only the
language of messages (a person in Germany may well read English)."""

LANGUAGE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def parse_locale(value: str) -> tuple[str | None, str | None]:
    """("en", "GB") from en_GB.UTF-8, en-GB or en_GB@euro; (None, None) for C and POSIX."""
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_")
    if code.upper() in ("C", "POSIX"):
        return None, None
    language, _, territory = code.partition("_")
    language = language.lower() if language.isalpha() else ""
    territory = territory.upper() if territory.isalpha() else ""
    return (language or None), (territory or None)


def locale_territory(environ: Mapping[str, str]) -> str | None:
    """The first of LC_ALL, LC_TELEPHONE, LC_ADDRESS and LANG that names a territory."""
    for name in TERRITORY_VARIABLES:
        _, territory = parse_locale(environ.get(name, ""))
        if territory:
            return territory
    return None


def locale_languages(environ: Mapping[str, str]) -> list[str]:
    """The languages asked for, most wanted first: the messages locale's, then LANGUAGE's list."""
    wanted: list[str] = []
    for name in LANGUAGE_VARIABLES:
        language, _ = parse_locale(environ.get(name, ""))
        if language:
            wanted.append(language)
            break
    for entry in environ.get("LANGUAGE", "").split(":"):
        language, _ = parse_locale(entry)
        if language and language not in wanted:
            wanted.append(language)
    return wanted


def with_system_locale(
    environ: Mapping[str, str],
    platform: str,
    read: Callable[[], str | None] | None = None,
) -> Mapping[str, str]:
    """Windows sets none of the variables: there the user's own locale ("en-GB") acts as LANG."""
    if platform != "win32" or any(
        environ.get(name) for name in (*TERRITORY_VARIABLES, *LANGUAGE_VARIABLES, "LANGUAGE")
    ):
        return environ
    name = (read or windows_locale_name)()
    return {**environ, "LANG": name} if name else environ


def windows_locale_name() -> str | None:  # pragma: no cover - runs on Windows only
    """The user's locale as Windows names it (BCP 47, "es-MX"), from GetUserDefaultLocaleName."""
    # Windows only: ctypes.windll exists there alone
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return None
    buffer = ctypes.create_unicode_buffer(85)  # LOCALE_NAME_MAX_LENGTH
    if not windll.kernel32.GetUserDefaultLocaleName(buffer, len(buffer)):
        return None
    return str(buffer.value) or None
