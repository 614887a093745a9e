"""Every shipped word a person may read: no stigma, no diagnosis, no false safety, readable.

The texts are every string in every bundled YAML file (banks in every language, contacts, UI
strings), except citations (`sources`, a contact's `source`) and web addresses, which quote
other people's titles. A failure names the file, line and word.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.models.base import Answer
from screener.models.contacts import ContactBook
from screener.reports.summary import build_summary
from screener.rules.contacts import choose_region, contacts_to_show
from screener.rules.result import build_result
from screener.rules.scoring import asked_items, score

NOT_PROSE = {"sources", "source", "web", "url", "id", "item", "cluster", "kind", "level"}

# Person-first language (CONTENT.md section 5), in each language we ship.
STIGMA = re.compile(
    r"\b(addict\w*|abus(e|er|ers|ing)|misus\w*|junkies?|clean|dirty"
    r"|adict[oa]s?|drogadict[oa]s?|toxic[óo]man[oa]s?|yonquis?|drogatas?|viciosos?)\b",
    re.IGNORECASE,
)
DIAGNOSTIC_CLAIM = re.compile(
    r"\byou (have|'ve got) (a|an) [\w -]*(disorder|addiction|dependence)"
    r"|\byou are (an? )?addict|\byou (are|have been) diagnosed|\bdiagnos(is|ed)\s*:"
    r"|\buse disorder\b"
    r"|\btienes (un|una) [\w -]*(trastorno|adicci[óo]n|dependencia)"
    r"|\beres adict|\bdiagn[óo]stico\s*:|\btrastorno por consumo",
    re.IGNORECASE,
)
CALLED_SAFE = re.compile(
    # "It cannot tell you that your use is safe" (the disclaimer) denies it: not a hit.
    r"(?<!cannot tell you that your use )"
    r"\b(is|are|looks|seems|it's|you're) (completely |perfectly )?safe\b"
    r"|(?<!no )\b(es|son|parece) (totalmente )?segur[oa]s?\b",
    re.IGNORECASE,
)
SUICIDE_METHODS = re.compile(
    r"\b(overdos\w*|pills?|rope|hang\w*|jump\w*|cut yourself|lethal|painless|method\w*"
    r"|sobredosis|pastillas|ahorcar\w*|saltar|cortarte|letal|m[ée]todos?)\b",
    re.IGNORECASE,
)


def shipped_files() -> list[Path]:
    return sorted(bundled.data_dir().glob("*.yaml"))


def shipped_texts() -> Iterator[tuple[str, str, int, int]]:
    """(file name, text, line, column) for every prose string in the bundled data."""
    for path in shipped_files():
        root = yaml.compose(path.read_text(encoding="utf-8"))
        yield from _texts(path.name, root, skipping=False)


def _texts(name: str, node: Node | None, *, skipping: bool) -> Iterator[tuple[str, str, int, int]]:
    if isinstance(node, ScalarNode) and not skipping and node.tag.endswith(":str"):
        yield name, node.value, node.start_mark.line + 1, node.start_mark.column + 1
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _texts(name, value, skipping=skipping or key.value in NOT_PROSE)
    elif isinstance(node, SequenceNode):
        for value in node.value:
            yield from _texts(name, value, skipping=skipping)


def hits(pattern: re.Pattern[str]) -> list[str]:
    return [
        f"{name}:{line}:{column}: '{match.group()}'"
        for name, text, line, column in shipped_texts()
        for match in pattern.finditer(text)
    ]


def test_the_checks_see_every_file() -> None:
    names = {path.name for path in shipped_files()}
    assert {"ketamine.en.yaml", "contacts.yaml", "ui.en.yaml"} <= names
    assert sum(1 for _ in shipped_texts()) > 150


def test_no_stigmatising_words() -> None:
    assert hits(STIGMA) == []


def test_no_diagnostic_claims() -> None:
    assert hits(DIAGNOSTIC_CLAIM) == []


def test_nothing_is_called_safe() -> None:
    assert hits(CALLED_SAFE) == []


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("People who are addicts", STIGMA),
        ("stay clean", STIGMA),
        ("un drogadicto", STIGMA),
        ("You have a ketamine use disorder.", DIAGNOSTIC_CLAIM),
        ("You are addicted", DIAGNOSTIC_CLAIM),
        ("Diagnosis: mild", DIAGNOSTIC_CLAIM),
        ("tienes un trastorno grave", DIAGNOSTIC_CLAIM),
        ("Your use is safe.", CALLED_SAFE),
        ("el consumo es seguro", CALLED_SAFE),
        ("take pills", SUICIDE_METHODS),
    ],
)
def test_each_check_can_fail(text: str, pattern: re.Pattern[str]) -> None:
    assert pattern.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "That does not make ketamine use safe.",
        "It is safest not to drive.",
        "This is a self-check, not a diagnosis.",
        "If you have any concerns about your treatment",
        "Esto no es seguro.",
        "It cannot tell you that your use is safe.",
        "No puede decirte que tu consumo sea seguro.",
    ],
)
def test_the_checks_allow_plain_honest_words(text: str) -> None:
    for pattern in (STIGMA, DIAGNOSTIC_CLAIM, CALLED_SAFE):
        assert not pattern.search(text)


@pytest.mark.parametrize("path", bundled.bank_files(), ids=lambda path: path.name)
def test_the_low_band_says_plainly_it_is_not_safe(path: Path) -> None:
    bank = load_bank(path).bank
    lowest = min(bank.scoring.bands, key=lambda band: band.min)
    negations = {"en": "does not make", "es": "no hace"}
    assert negations[bank.language] in lowest.message


@pytest.mark.parametrize("path", bundled.bank_files(), ids=lambda path: path.name)
def test_crisis_wording_seeks_help_and_names_no_method(path: Path) -> None:
    bank = load_bank(path).bank
    crisis = [flag for flag in bank.flags if flag.level == "crisis"]
    assert crisis, "a bank needs a crisis flag"
    asking = [
        item
        for item in bank.items
        if any(condition.item == item.id for flag in crisis for condition in flag.when_any)
    ]
    for text in (
        [flag.advice for flag in crisis] + [i.text for i in asking] + [i.help for i in asking]
    ):
        assert not SUICIDE_METHODS.search(text), text
    help_seeking = {"en": ("talk to", "call"), "es": ("habla", "llama")}
    for flag in crisis:
        assert all(word in flag.advice.lower() for word in help_seeking[bank.language])


def test_english_questions_read_at_grade_8_or_below() -> None:
    """Flesch-Kincaid grade of every self-screening question and help text, in English."""
    import textstat  # type: ignore[import-untyped]

    too_hard = []
    for path in bundled.bank_files():
        bank = load_bank(path).bank
        if bank.language != "en":
            continue
        for item in bank.items:
            for key in ("text", "help"):
                grade = textstat.flesch_kincaid_grade(getattr(item, key))
                if grade > 8.0:
                    too_hard.append(f"{path.name}: {item.id}.{key}: grade {grade:.1f}")
    assert too_hard == []


def test_contacts_were_checked_within_18_months_of_the_files_review(
    contacts: ContactBook,
) -> None:
    """Against the date kept in the file, not today's: the suite never fails on a calendar
    day; `screener validate` warns against today's date instead."""
    assert contacts.reviewed is not None
    assert contacts.reviewed >= max(c.checked for r in contacts.regions for c in r.contacts)
    oldest_allowed = contacts.reviewed - datetime.timedelta(days=548)
    stale = [
        f"{region.id}: {contact.name} (checked {contact.checked})"
        for region in contacts.regions
        for contact in region.contacts
        if contact.checked < oldest_allowed
    ]
    assert stale == []


@pytest.mark.parametrize("path", bundled.bank_files(), ids=lambda path: path.name)
def test_each_question_asks_one_thing(path: Path) -> None:
    """Issue 21: one question, one answer; "...? Did this happen more than once?" asks two."""
    bank = load_bank(path).bank
    asking_two = [item.id for item in bank.items if item.text.count("?") != 1]
    assert asking_two == []


@pytest.mark.parametrize("path", bundled.bank_files(), ids=lambda path: path.name)
def test_the_crisis_advice_says_now_once(path: Path) -> None:
    """Issue 21: "now" three times reads as alarm; once, where it matters (call now)."""
    bank = load_bank(path).bank
    now = {"en": r"\bnow\b", "es": r"\bahora\b"}[bank.language]
    for flag in bank.flags:
        if flag.level == "crisis":
            assert len(re.findall(now, flag.advice, re.IGNORECASE)) == 1, flag.advice


@pytest.mark.parametrize("language", bundled.bank_languages("ketamine"))
def test_the_person_reads_each_question_in_plain_words_where_answers_are_listed(
    language: str,
) -> None:
    """The person's check of their answers and the summary's 'not sure' list used the
    counsellor's labels ("Failed major duties", "Dissociation or psychosis for days"): each
    question has a few plain words of its own for the person, and the summary uses them."""
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    loaded = load_bank(path)
    bank = loaded.bank
    assert [item.id for item in bank.items if item.short is None] == []
    answers: dict[str, Answer] = {"used_past_year": "yes", "prescribed_only": "no"}
    for item in asked_items(bank, answers):  # every question asked, all "not sure"
        answers.setdefault(item.id, "unsure")
    strings = load_strings(language)
    book = load_contacts(bundled.contacts_file())
    region = contacts_to_show(choose_region(book, "uk", {}), None, language)
    result = build_result(loaded, score(bank, answers), region)
    text = " ".join(
        " ".join(section.paragraphs) for section in build_summary(bank, result, region, strings)
    )
    unsure = [item for item in bank.items if answers.get(item.id) == "unsure"]
    assert unsure
    for item in unsure:
        assert item.plain_name in text
        if item.label and item.label not in item.plain_name:
            assert f"; {item.label};" not in f"; {text};"


@pytest.mark.parametrize("language", bundled.bank_languages("ketamine"))
def test_the_crisis_prompt_promises_no_questions_that_may_not_come(language: str) -> None:
    """'Carry on to the last questions and your summary' was said after the last question
    (the bundled bank asks about thoughts of self-harm last, and a review can return to it):
    the prompt to carry on holds wherever the crisis question stands."""
    strings = load_strings(language)
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    bank = load_bank(path).bank
    crisis_items = {c.item for f in bank.flags if f.level == "crisis" for c in f.when_any}
    assert bank.items[-1].id in crisis_items  # the case that was found: nothing comes after
    question_words = {"en": "question", "es": "pregunta"}[language]
    for prompt in (strings.crisis_continue, strings.intake.crisis_continue):
        assert question_words not in prompt.lower(), prompt
