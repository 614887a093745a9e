"""Contacts: every region complete; the region follows --region, then the locale."""

from __future__ import annotations

import datetime

import pytest

from screener.errors import UsageError
from screener.locales import locale_parts
from screener.models import ContactBook
from screener.resources import choose_region, crisis_contacts


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "en_GB.UTF-8"}, "uk"),
        ({"LANG": "en_US.UTF-8"}, "us"),
        ({"LANG": "fr_CA.UTF-8"}, "ca"),
        ({"LANG": "en_AU"}, "au"),
        ({"LANG": "en_IE.UTF-8@euro"}, "ie"),
        ({"LANG": "en_NZ.utf8"}, "nz"),
        ({"LANG": "de_DE.UTF-8"}, "other"),
        ({"LANG": "C.UTF-8"}, "other"),
        ({}, "other"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "uk"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "en_NZ.UTF-8"}, "nz"),
    ],
)
def test_region_from_the_locale(
    contacts: ContactBook, environ: dict[str, str], expected: str
) -> None:
    assert choose_region(contacts, None, environ).id == expected


@pytest.mark.parametrize(
    ("requested", "expected"), [("uk", "uk"), ("GB", "uk"), ("US", "us"), ("nz", "nz")]
)
def test_region_by_option(contacts: ContactBook, requested: str, expected: str) -> None:
    assert choose_region(contacts, requested, {"LANG": "en_AU"}).id == expected


def test_an_unknown_region_is_a_usage_error(contacts: ContactBook) -> None:
    with pytest.raises(UsageError, match="unknown region 'mars'; choose one of: uk, us"):
        choose_region(contacts, "mars", {})


def test_locale_parts() -> None:
    assert locale_parts({"LANG": "es_MX.UTF-8"}) == ("es", "MX")
    assert locale_parts({"LANG": "POSIX"}) == (None, None)


def test_every_region_has_crisis_and_emergency_help(contacts: ContactBook) -> None:
    for region in contacts.regions:
        kinds = {contact.kind for contact in crisis_contacts(region)}
        assert "emergency" in kinds, region.id
        assert kinds & {"crisis", "directory"}, region.id


def test_every_contact_records_when_and_where_it_was_checked(contacts: ContactBook) -> None:
    for region in contacts.regions:
        for contact in region.contacts:
            assert contact.source.strip(), contact.name
            assert contact.checked <= datetime.date.today(), contact.name
