"""The region and language a person's locale gives, over real machine set-ups."""

from __future__ import annotations

import pytest

from screener.locales import locale_languages, locale_territory, with_system_locale
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


def test_the_table_is_long_enough() -> None:
    assert len(TABLE) >= 20


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
