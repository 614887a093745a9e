"""Contacts files: every broken one is refused by the real loader with its exact located message."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from screener.commands.banks import validate_files
from screener.errors import DataError
from screener.files.contacts import load_contacts
from tests.helpers import DATA

BROKEN_CONTACTS = DATA / "broken_contacts"

# Each broken file is the same three regions (uk, ie, other) with one thing wrong, named on
# line 1, and the one line it must produce after its file name.
BROKEN = {
    # what the contacts checks catch (rules/contacts.py check_contacts)
    "region_twice": ":18:5: regions[1].id: region 'uk' is listed twice",
    "territory_twice": ":20:23: regions[1].territories[1]: GB already belongs to region 'uk'",
    "territory_lower_case": (
        ":6:19: regions[0].territories[0]: 'gb' is not a territory code such as GB "
        "(two capital letters, as a locale names it)"
    ),
    "territory_not_a_code": (
        ":20:19: regions[1].territories[0]: 'Ireland' is not a territory code such as GB "
        "(two capital letters, as a locale names it)"
    ),
    "territory_three_letters": (
        ":20:19: regions[1].territories[0]: 'IRL' is not a territory code such as GB "
        "(two capital letters, as a locale names it)"
    ),
    "language_three_letters": (
        ":16:11: regions[0].contacts[0].translations.spa: 'spa' is not a two-letter language "
        "code such as es"
    ),
    "language_not_a_code": (
        ":16:11: regions[0].contacts[0].translations.Spanish: 'Spanish' is not a two-letter "
        "language code such as es"
    ),
    "language_upper_case": (
        ":16:11: regions[0].contacts[0].translations.ES: 'ES' is not a two-letter language "
        "code such as es"
    ),
    "no_crisis_contact": (
        ":21:5: regions[1].contacts: needs a crisis, emergency or directory contact"
    ),
    "fallback_unknown": ":2:1: fallback: no region with id 'elsewhere'",
    # what the loader catches before them (files/contacts.py, the models)
    "top_level_list": ": a contacts file is a mapping with 'regions', not a list",
    "control_character": (
        ":24:9: regions[1].contacts[0].description: contains the control character U+202E; "
        "remove it"
    ),
    "unknown_key": (
        ":20:5: regions[1].teritories: unknown key 'teritories'; did you mean 'territories'?"
    ),
    "missing_source": ":22:9: regions[1].contacts[0].source: missing required key 'source'",
    "wrong_kind": (
        ":23:9: regions[1].contacts[0].kind: 'counselling' is not allowed here; expected one "
        "of: drugs, crisis, health, emergency, directory"
    ),
    "no_contacts": ":30:5: regions[2].contacts: needs at least one entry",
}


def test_the_corpus_and_the_table_agree() -> None:
    assert sorted(path.stem for path in BROKEN_CONTACTS.glob("*.yaml")) == sorted(BROKEN)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_contacts_file_gives_its_exact_message(name: str) -> None:
    path = BROKEN_CONTACTS / f"{name}.yaml"
    with pytest.raises(DataError) as caught:
        load_contacts(path)
    assert [str(problem) for problem in caught.value.problems] == [f"{path}{BROKEN[name]}"]


@pytest.mark.parametrize("name", sorted(set(BROKEN) - {"top_level_list"}))
def test_validate_refuses_each_with_the_same_line(name: str) -> None:
    """(A list at the top is not known to be meant as contacts: validate reads it as a bank.)"""
    path = BROKEN_CONTACTS / f"{name}.yaml"
    assert validate_files([path], today=datetime.date(2026, 11, 30)) == (
        [f"{path}{BROKEN[name]}"],
        False,
    )


def good_text() -> str:
    """The corpus's regions with nothing wrong: region_twice with its second id put back."""
    text = (BROKEN_CONTACTS / "region_twice.yaml").read_text(encoding="utf-8")
    return text.replace("  - id: uk\n    name: Ireland", "  - id: ie\n    name: Ireland", 1)


def test_the_corpus_differs_from_a_good_file_in_one_thing(tmp_path: Path) -> None:
    path = tmp_path / "contacts.yaml"
    path.write_text(good_text(), encoding="utf-8")
    book = load_contacts(path)
    assert [region.id for region in book.regions] == ["uk", "ie", "other"]


def test_a_fallback_naming_no_region_is_refused_not_left_to_crash_the_choice(
    tmp_path: Path,
) -> None:
    """Anyone whose locale names no listed region would get the fallback: it must exist."""
    path = tmp_path / "contacts.yaml"
    path.write_text(good_text().replace("fallback: other", "fallback: ie2", 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_contacts(path)
    assert [str(problem) for problem in caught.value.problems] == [
        f"{path}:2:1: fallback: no region with id 'ie2'"
    ]


def test_every_mistake_in_a_file_is_reported_in_order(tmp_path: Path) -> None:
    text = (
        good_text()
        .replace("fallback: other", "fallback: nowhere", 1)
        .replace("territories: [IE]", "territories: [Ireland, GB]", 1)
        .replace("  - id: other\n", "  - id: ie\n", 1)
        .replace("          es:\n", "          ES:\n", 1)
        .replace("        kind: emergency\n", "        kind: drugs\n", 1)
    )
    path = tmp_path / "contacts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_contacts(path)
    assert [str(problem).removeprefix(str(path)) for problem in caught.value.problems] == [
        ":16:11: regions[0].contacts[0].translations.ES: 'ES' is not a two-letter language "
        "code such as es",
        ":20:19: regions[1].territories[0]: 'Ireland' is not a territory code such as GB "
        "(two capital letters, as a locale names it)",
        ":20:28: regions[1].territories[1]: GB already belongs to region 'uk'",
        ":21:5: regions[1].contacts: needs a crisis, emergency or directory contact",
        ":28:5: regions[2].id: region 'ie' is listed twice",
        ":2:1: fallback: no region with id 'nowhere'",
    ]


def test_warnings_name_the_contact_where_it_is_in_the_file(tmp_path: Path) -> None:
    """A crisis line that does not say it is open all night, and details checked over 18
    months (548 days) before the day given; exactly 548 days is not yet stale."""
    text = good_text().replace("hours: 24 hours, every day", "hours: 9am to 5pm", 1)
    path = tmp_path / "contacts.yaml"
    path.write_text(text, encoding="utf-8")
    checked = datetime.date(2026, 11, 21)
    lines, ok = validate_files([path], today=checked + datetime.timedelta(days=548))
    hours = (
        f"{path}:12:9: warning: regions[0].contacts[0].hours: 'Samaritans' is a crisis "
        "contact but does not say it is open 24 hours; someone in danger at night needs one "
        "that is"
    )
    assert (lines, ok) == ([hours, f"{path}: ok, contacts for 3 regions"], True)
    lines, ok = validate_files([path], today=checked + datetime.timedelta(days=549))
    assert ok
    assert lines == [
        hours,
        f"{path}:13:9: warning: regions[0].contacts[0].checked: 'Samaritans' was last checked "
        "2026-11-21, more than 18 months ago; check it again",
        f"{path}:26:9: warning: regions[1].contacts[0].checked: 'Emergency services' was last "
        "checked 2026-11-21, more than 18 months ago; check it again",
        f"{path}:35:9: warning: regions[2].contacts[0].checked: 'Find A Helpline' was last "
        "checked 2026-11-21, more than 18 months ago; check it again",
        f"{path}: ok, contacts for 3 regions",
    ]
