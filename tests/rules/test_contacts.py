"""Contacts: every region complete; the region follows --region, then the locale."""

from __future__ import annotations

import datetime
from pathlib import Path

import msgspec
import pytest

from screener.errors import DataError, UsageError
from screener.files.contacts import config_file, find_service, load_service
from screener.models.contacts import (
    Contact,
    ContactBook,
    ContactTranslation,
    Region,
    RegionTranslation,
)
from screener.rules.contacts import (
    choose_region,
    contact_warnings,
    contacts_to_show,
    crisis_contacts,
    drug_services_first,
    emergency_number,
    in_language,
)
from tests.helpers import DATA, REGION_IDS


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
        # LC_MESSAGES is the language read, not where the person is
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "en_NZ.UTF-8"}, "us"),
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANG": "es_MX.UTF-8"}, "mx"),
    ],
)
def test_region_from_the_locale(
    contacts: ContactBook, environ: dict[str, str], expected: str
) -> None:
    assert choose_region(contacts, None, environ).id == expected


@pytest.mark.parametrize(
    ("requested", "expected"),
    [("uk", "uk"), ("GB", "uk"), ("US", "us"), ("nz", "nz"), ("es", "es"), ("mx", "mx")],
)
def test_region_by_option(contacts: ContactBook, requested: str, expected: str) -> None:
    assert choose_region(contacts, requested, {"LANG": "en_AU"}).id == expected


def test_an_unknown_region_is_a_usage_error(contacts: ContactBook) -> None:
    with pytest.raises(UsageError, match="unknown region 'mars'; choose one of: uk, us"):
        choose_region(contacts, "mars", {})


def test_regions_by_option_include_spain_and_mexico(contacts: ContactBook) -> None:
    assert choose_region(contacts, "es", {}).id == "es"
    assert choose_region(contacts, "MX", {}).id == "mx"


def test_every_region_has_crisis_and_emergency_help(contacts: ContactBook) -> None:
    for region in contacts.regions:
        kinds = {contact.kind for contact in crisis_contacts(region)}
        assert "emergency" in kinds, region.id
        assert kinds & {"crisis", "directory"}, region.id


def test_every_contact_records_when_and_where_it_was_checked(contacts: ContactBook) -> None:
    """Checked no later than the file's own review date (not today's: tests/README.md)."""
    assert contacts.reviewed is not None
    for region in contacts.regions:
        for contact in region.contacts:
            assert contact.source.strip(), contact.name
            assert contact.checked <= contacts.reviewed, contact.name


# --- a service's own contacts ------------------------------------------------------------


SERVICE = DATA / "service.yaml"
HOME_CONFIG = "/home/a/.config/screener/resources.yaml"


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {"XDG_CONFIG_HOME": "/cfg", "HOME": "/home/a"}, "/cfg/screener/resources.yaml"),
        ("linux", {"HOME": "/home/a"}, HOME_CONFIG),
        # The XDG spec says a relative XDG_CONFIG_HOME is invalid and to be ignored.
        ("linux", {"XDG_CONFIG_HOME": "cfg", "HOME": "/home/a"}, HOME_CONFIG),
        ("linux", {"XDG_CONFIG_HOME": "", "HOME": "/home/a"}, HOME_CONFIG),
        ("freebsd14", {"HOME": "/home/a"}, HOME_CONFIG),
        (
            "darwin",
            {"HOME": "/Users/a", "XDG_CONFIG_HOME": "/cfg"},
            "/Users/a/Library/Application Support/screener/resources.yaml",
        ),
        ("win32", {"APPDATA": "C:/Roaming", "HOME": "/x"}, "C:/Roaming/screener/resources.yaml"),
        ("linux", {}, None),
        ("win32", {}, None),
    ],
)
def test_the_config_file_is_where_each_platform_keeps_them(
    platform: str, environ: dict[str, str], expected: str | None
) -> None:
    found = config_file(environ, platform)
    assert (found.as_posix() if found else None) == expected


def test_service_contacts_come_first_of_their_kind(contacts: ContactBook) -> None:
    service = load_service(SERVICE)
    uk = choose_region(contacts, "uk", {})
    shown = contacts_to_show(uk, service, "en")
    assert [(contact.kind, contact.name) for contact in shown.contacts] == [
        ("crisis", "Northside out-of-hours line"),
        ("crisis", "Samaritans"),
        ("crisis", "NHS 111, mental health option (England)"),
        ("crisis", "Lifeline (Northern Ireland)"),
        ("crisis", "Shout"),
        ("emergency", "Emergency services"),
        ("health", "NHS 111"),
        ("drugs", "Northside duty worker"),
        ("drugs", "FRANK"),
    ]
    assert crisis_contacts(shown)[0].name == "Northside out-of-hours line"
    assert contacts_to_show(uk, None, "en").contacts[0].name == "Samaritans"


@pytest.mark.parametrize("region_id", REGION_IDS)
def test_every_list_runs_crisis_emergency_health_drugs_directory(
    contacts: ContactBook, region_id: str
) -> None:
    order = ["crisis", "emergency", "health", "drugs", "directory"]
    shown = contacts_to_show(choose_region(contacts, region_id, {}), None, "en")
    kinds = [order.index(contact.kind) for contact in shown.contacts]
    assert kinds == sorted(kinds)


def test_drug_services_first_moves_only_the_drug_services(contacts: ContactBook) -> None:
    """For a summary without a crisis flag (issue 21): the drug services lead, the service's
    first; everything else keeps the one assembly's order."""
    service = load_service(SERVICE)
    uk = contacts_to_show(choose_region(contacts, "uk", {}), service, "en")
    assert [contact.name for contact in drug_services_first(uk).contacts] == [
        "Northside duty worker",
        "FRANK",
        "Northside out-of-hours line",
        "Samaritans",
        "NHS 111, mental health option (England)",
        "Lifeline (Northern Ireland)",
        "Shout",
        "Emergency services",
        "NHS 111",
    ]
    other = contacts_to_show(choose_region(contacts, "other", {}), None, "en")
    assert drug_services_first(other) == other


def test_a_directory_is_never_first_on_the_us_crisis_screen(contacts: ContactBook) -> None:
    us = contacts_to_show(choose_region(contacts, "us", {}), None, "en")
    assert [contact.name for contact in crisis_contacts(us)] == [
        "988 Suicide & Crisis Lifeline",
        "Emergency services",
        "FindTreatment.gov",
    ]


def test_contacts_are_shown_in_the_language_asked(contacts: ContactBook) -> None:
    mx = contacts_to_show(choose_region(contacts, "mx", {}), None, "es")
    assert mx.name == "México"
    assert mx.contacts[0].hours == "24 horas, todos los días"


@pytest.mark.parametrize(
    ("region_id", "number"),
    [("uk", "999"), ("us", "911"), ("es", "112"), ("mx", "911"), ("nz", "111"), ("other", None)],
)
def test_the_emergency_number_of_a_region(
    contacts: ContactBook, region_id: str, number: str | None
) -> None:
    assert emergency_number(choose_region(contacts, region_id, {})) == number


def test_the_config_file_is_read_when_there_is_one(tmp_path: Path) -> None:
    folder = tmp_path / "screener"
    folder.mkdir()
    (folder / "resources.yaml").write_bytes(SERVICE.read_bytes())
    service, path = find_service(None, {"XDG_CONFIG_HOME": str(tmp_path)}, "linux")
    assert service is not None and service.service == "Northside Drug and Alcohol Service"
    assert path == folder / "resources.yaml"
    assert find_service(None, {"XDG_CONFIG_HOME": str(tmp_path / "none")}, "linux") == (None, None)


def test_a_named_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        find_service(tmp_path / "missing.yaml", {}, "linux")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("    source: Northside staff handbook\n", ""),
            ":5:5: contacts[0].source: missing required key 'source'",
        ),
        (
            ("kind: drugs", "kind: counselling"),
            ":6:5: contacts[0].kind: 'counselling' is not allowed here; "
            "expected one of: drugs, crisis, health, emergency, directory",
        ),
        (("service:", "servce:"), ":3:1: servce: unknown key 'servce'; did you mean 'service'?"),
        (
            ("your appointment or your use.", "your use \\u202e"),
            ":7:5: contacts[0].description: contains the control character U+202E; remove it",
        ),
    ],
)
def test_a_broken_service_file_is_located(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    old, new = edit
    text = SERVICE.read_text()
    assert old in text
    path = tmp_path / "resources.yaml"
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(DataError) as caught:
        load_service(path)
    assert str(caught.value) == f"{path}{message}"


def test_warnings_for_a_crisis_line_not_open_all_night_and_old_details() -> None:
    service = load_service(SERVICE)
    today = datetime.date(2026, 12, 1)
    assert contact_warnings(service.contacts, ("contacts",), today) == [
        (
            ("contacts", 1, "hours"),
            "'Northside out-of-hours line' is a crisis contact but does not say it is open 24 "
            "hours; someone in danger at night needs one that is",
        )
    ]
    later = service.contacts[0].checked + datetime.timedelta(days=549)
    stale = contact_warnings(service.contacts[:1], ("contacts",), later)
    assert stale == [
        (
            ("contacts", 0, "checked"),
            "'Northside duty worker' was last checked 2026-11-01, more than 18 months ago; "
            "check it again",
        )
    ]


def test_the_shipped_contacts_have_no_warnings_on_the_day_they_were_reviewed(
    contacts: ContactBook,
) -> None:
    from screener.rules.contacts import book_warnings

    assert contacts.reviewed is not None
    assert book_warnings(contacts, contacts.reviewed) == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_hours_read_whole_inside_the_brackets_a_contact_line_puts_them_in(
    contacts: ContactBook, language: str
) -> None:
    """'(24 hours, every day (in South Australia, ...))': hours are shown in brackets, so they
    hold none of their own."""
    hours = [
        contact.hours
        for region in contacts.regions
        for contact in contacts_to_show(region, None, language).contacts
        if contact.hours
    ]
    assert hours and [h for h in hours if "(" in h or ")" in h] == []


def a_contact(name: str, kind: str = "crisis", **translations: ContactTranslation) -> Contact:
    written = {
        "name": name,
        "kind": kind,
        "description": f"{name}, as written",
        "hours": "24 hours",
        "checked": "2026-11-21",
        "source": "a test",
    }
    return msgspec.structs.replace(msgspec.convert(written, Contact), translations=translations)


def test_a_translation_replaces_only_the_words_it_gives() -> None:
    region = Region(
        id="x",
        name="Exland",
        contacts=(
            a_contact("Line", es=ContactTranslation(name="Línea")),
            a_contact("Helpline", es=ContactTranslation(description="Ayuda", hours="24 horas")),
            a_contact("Untranslated"),
        ),
        translations={"es": RegionTranslation(name="Equis")},
    )
    shown = in_language(region, "es")
    assert shown.name == "Equis"
    assert [(c.name, c.description, c.hours) for c in shown.contacts] == [
        ("Línea", "Line, as written", "24 hours"),
        ("Helpline", "Ayuda", "24 horas"),
        ("Untranslated", "Untranslated, as written", "24 hours"),
    ]
    assert in_language(region, "fr") == region  # no French words: everything as written


def test_only_crisis_emergency_and_directory_contacts_come_at_once() -> None:
    """The crisis screen shows these kinds, and no others, in the one order of every list."""
    kinds = ["drugs", "directory", "health", "emergency", "crisis"]
    region = Region(id="x", name="Exland", contacts=tuple(a_contact(k, k) for k in kinds))
    shown = contacts_to_show(region, None, "en")
    assert [c.kind for c in shown.contacts] == [
        "crisis",
        "emergency",
        "health",
        "drugs",
        "directory",
    ]
    assert [c.kind for c in crisis_contacts(shown)] == ["crisis", "emergency", "directory"]


@pytest.mark.parametrize(
    ("hours", "warns"),
    [
        ("24 hours, every day", False),
        ("24 horas, todos los días", False),
        ("24h", False),
        ("24 / 7", False),
        ("Open 24 HOURS", False),
        ("9am to 5pm", True),
        ("Mon-Fri 9-17h", True),
        (None, True),
    ],
)
def test_a_crisis_line_must_say_it_is_open_24_hours(hours: str | None, warns: bool) -> None:
    """In English or Spanish, as 24h or 24/7, in any case; else the file's checker is told."""
    line = msgspec.structs.replace(a_contact("Line"), hours=hours)
    found = contact_warnings((line,), ("contacts",), datetime.date(2026, 11, 21))
    assert [key for key, _ in found] == ([("contacts", 0, "hours")] if warns else [])
