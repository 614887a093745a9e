"""The region and language a person's locale gives, over real machine set-ups."""

from __future__ import annotations

import ctypes
import types
from typing import Any

import pytest

from screener.locales import (
    locale_languages,
    locale_territory,
    parse_locale,
    windows_locale_name,
    with_system_locale,
)
from screener.models.contacts import ContactBook
from screener.rules.contacts import choose_region, region_is_known

# (what the machine sets, the region id, the first language asked for)
TABLE: list[tuple[dict[str, str], str | None, str | None]] = [
    ({"LANG": "en_GB.UTF-8"}, "uk", "en"),
    ({"LANG": "en_US.UTF-8"}, "us", "en"),
    ({"LANG": "es_ES.UTF-8"}, "es", "es"),
    ({"LANG": "es_MX.UTF-8"}, "mx", "es"),
    ({"LANG": "en_IE.UTF-8"}, "ie", "en"),
    ({"LANG": "en_NZ.UTF-8"}, "nz", "en"),
    ({"LANG": "en_AU.UTF-8"}, "au", "en"),
    ({"LANG": "fr_CA.UTF-8"}, "ca", "fr"),
    # a person in Germany reading English: the messages locale picks only the language
    ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, None, "en"),
    # Ubuntu's "English (US) language, UK formats"
    (
        {"LANG": "en_US.UTF-8", "LC_TELEPHONE": "en_GB.UTF-8", "LC_ADDRESS": "en_GB.UTF-8"},
        "uk",
        "en",
    ),
    ({"LANG": "en_US.UTF-8", "LC_ADDRESS": "en_IE.UTF-8"}, "ie", "en"),
    # the telephone's formats before the address's; neither picks the language
    (
        {"LANG": "en_US.UTF-8", "LC_TELEPHONE": "es_MX.UTF-8", "LC_ADDRESS": "en_IE.UTF-8"},
        "mx",
        "en",
    ),
    # LC_ALL overrides every category, LC_MESSAGES too
    ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "uk", "en"),
    ({"LANG": "en-GB"}, "uk", "en"),
    ({"LANG": "es-MX"}, "mx", "es"),
    ({"LANG": "es_ES@euro"}, "es", "es"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "es_MX.UTF-8"}, "uk", "en"),
    ({"LC_ALL": "C.UTF-8", "LANG": "en_GB.UTF-8"}, "uk", "en"),
    ({"LANG": "C"}, None, None),
    ({"LANG": "POSIX"}, None, None),
    ({}, None, None),
    ({"LANG": "en"}, None, "en"),
    ({"LANG": "de_DE.UTF-8"}, None, "de"),
    ({"LANGUAGE": "es:en", "LANG": "de_DE.UTF-8"}, None, "de"),
    ({"LANGUAGE": "es_MX:es"}, None, "es"),
    ({"LC_MESSAGES": "es_ES.UTF-8"}, None, "es"),
]


@pytest.mark.parametrize(("environ", "region", "language"), TABLE)
def test_locale_gives_region_and_language(
    contacts: ContactBook, environ: dict[str, str], region: str | None, language: str | None
) -> None:
    assert choose_region(contacts, None, environ).id == (region or contacts.fallback)
    assert region_is_known(contacts, environ) == (region is not None)
    languages = locale_languages(environ)
    assert (languages[0] if languages else None) == language


def test_the_table_reaches_every_region_and_every_variable(contacts: ContactBook) -> None:
    """Every region a locale can name, and every variable that is read, has a row."""
    regions = {region for _, region, _ in TABLE}
    assert {region.id for region in contacts.regions if region.territories} <= regions
    named = {name for environ, _, _ in TABLE for name in environ}
    assert {"LC_ALL", "LC_TELEPHONE", "LC_ADDRESS", "LC_MESSAGES", "LANG", "LANGUAGE"} <= named


def test_languages_keep_the_order_asked() -> None:
    assert locale_languages({"LANG": "de_DE.UTF-8", "LANGUAGE": "es_MX:es:en"}) == [
        "de",
        "es",
        "en",
    ]


def test_windows_reads_the_user_locale_when_no_variable_is_set() -> None:
    environ = with_system_locale({}, "win32", read=lambda: "en-GB")
    assert locale_territory(environ) == "GB"


def test_a_set_variable_wins_over_the_windows_locale() -> None:
    environ = with_system_locale({"LANG": "es_MX.UTF-8"}, "win32", read=lambda: "en-GB")
    assert locale_territory(environ) == "MX"


def test_other_platforms_never_ask_the_system() -> None:
    def read() -> str:
        raise AssertionError("asked")

    assert with_system_locale({}, "linux", read=read) == {}
    assert with_system_locale({}, "win32", read=lambda: None) == {}


def never_asked() -> str:
    raise AssertionError("the Windows locale was read")


@pytest.mark.parametrize(
    "name", ["LC_ALL", "LC_TELEPHONE", "LC_ADDRESS", "LANG", "LC_MESSAGES", "LANGUAGE"]
)
def test_any_variable_set_on_windows_keeps_the_windows_locale_out(name: str) -> None:
    environ = {name: "es_MX.UTF-8"}
    assert with_system_locale(environ, "win32", read=never_asked) is environ


def test_a_windows_user_who_sets_only_language_es_reads_spanish() -> None:
    """Their own choice of language is not pushed behind the Windows locale's English."""
    environ = with_system_locale({"LANGUAGE": "es"}, "win32", read=lambda: "en-GB")
    assert locale_languages(environ) == ["es"]
    assert locale_territory(environ) is None


@pytest.mark.parametrize(
    ("windows", "language", "territory"),
    [
        ("es-MX", "es", "MX"),
        ("en-GB", "en", "GB"),
        # Spanish for Latin America: a language, and no one territory to choose contacts by
        ("es-419", "es", None),
        ("", None, None),
    ],
)
def test_the_windows_locale_acts_as_lang(
    windows: str, language: str | None, territory: str | None
) -> None:
    environ = with_system_locale({"TERM": "xterm"}, "win32", read=lambda: windows or None)
    assert environ == ({"TERM": "xterm", "LANG": windows} if windows else {"TERM": "xterm"})
    languages = locale_languages(environ)
    assert (languages[0] if languages else None) == language
    assert locale_territory(environ) == territory


@pytest.mark.parametrize(
    ("value", "expected"),
    [("es-419", ("es", None)), ("123", (None, None)), ("en_GB.UTF-8", ("en", "GB"))],
)
def test_a_part_that_is_not_letters_names_nothing(
    value: str, expected: tuple[str | None, str | None]
) -> None:
    assert parse_locale(value) == expected


class Kernel32:
    """GetUserDefaultLocaleName as Windows answers it: the name into the buffer, and its
    length with the closing NUL (0 when it fails)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.sizes: list[int] = []

    def GetUserDefaultLocaleName(self, buffer: Any, size: int) -> int:
        self.sizes.append(size)
        if not self.name:
            return 0
        buffer.value = self.name
        return len(self.name) + 1


@pytest.mark.parametrize(("name", "expected"), [("es-MX", "es-MX"), ("", None)])
def test_the_windows_locale_name_is_read_from_kernel32(
    monkeypatch: pytest.MonkeyPatch, name: str, expected: str | None
) -> None:
    kernel32 = Kernel32(name)
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    assert windows_locale_name() == expected
    assert kernel32.sizes == [85]  # LOCALE_NAME_MAX_LENGTH, the buffer's whole length


def test_a_call_that_succeeds_with_an_empty_name_names_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kernel32 = types.SimpleNamespace(GetUserDefaultLocaleName=lambda buffer, size: 1)
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    assert windows_locale_name() is None


def test_without_windll_the_windows_locale_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(ctypes, "windll", raising=False)
    assert windows_locale_name() is None
