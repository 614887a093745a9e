"""The short version ("In short") names every piece of advice the answers raised: a crisis by
the emergency number, urgent advice by its first sentences, the rest by title, so a count of
0 of 10 is never all a person hears before the contacts (a daily user once heard only that)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.files.bank import load_bank
from screener.files.bundled import bank_file, contacts_file
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.base import Code
from screener.models.result import Result
from screener.reports.essentials import first_two_sentences, short_version
from screener.rules.result import build_result
from screener.rules.scoring import asked_items, score
from tests.helpers import walked

LANGUAGES = ("en", "es")


def bundled(language: str) -> LoadedBank:
    path = bank_file("ketamine", language)
    assert path is not None
    return load_bank(path)


BANKS = {language: bundled(language) for language in LANGUAGES}
REGION = load_contacts(contacts_file()).regions[0]


def said(loaded: LoadedBank, answers: dict[str, Code], language: str) -> tuple[str, Result]:
    strings = load_strings(language)
    result = build_result(loaded, score(loaded.bank, answers), REGION)
    section = short_version(loaded.bank, result, REGION, strings)
    return " ".join((*section.paragraphs, *section.after)), result


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_in_short_names_every_advice_raised(language: str, data: st.DataObject) -> None:
    loaded = BANKS[language]
    answers = data.draw(walked(loaded.bank))
    text, result = said(loaded, answers, language)
    for flag in result.flags:
        if flag.level == "urgent":
            assert first_two_sentences(flag.advice) in text, flag.id
        elif flag.level in ("medical", "info"):
            assert flag.title in text, flag.id
    others = [flag.title for flag in result.flags if flag.level in ("medical", "info")]
    strings = load_strings(language)
    if others:
        assert strings.short_advice.format(titles=", ".join(others)) in text
    else:
        assert strings.short_advice.split("{titles}")[0] not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_daily_user_with_no_criteria_hears_of_the_advice_in_short(language: str) -> None:
    loaded = BANKS[language]
    answers: dict[str, Code] = {}
    for item in loaded.bank.items:
        if item in asked_items(loaded.bank, answers):
            answers[item.id] = {"used_past_year": "yes", "how_often": "daily"}.get(item.id, "no")
            if item.options and answers[item.id] not in item.codes:
                answers[item.id] = item.options[0].code
    text, _ = said(loaded, answers, language)
    title = next(flag.title for flag in loaded.bank.flags if flag.id == "frequent_use")
    assert title in text
