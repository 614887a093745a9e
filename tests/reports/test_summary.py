"""The summary as a document: which sections, in which order, with which words and levels."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.contacts import load_contacts
from screener.files.wording import load_strings
from screener.models.bank import LoadedBank
from screener.models.base import Answer
from screener.models.contacts import Contact, Region
from screener.models.result import Result
from screener.models.wording import UiStrings
from screener.reports.document import Entry, Section
from screener.reports.summary import (
    after_crisis_contacts,
    build_professional_summary,
    build_summary,
    contact_line,
    crisis_reminder,
    crisis_section,
)
from screener.rules.contacts import choose_region, contacts_to_show
from screener.rules.result import build_result
from screener.rules.scoring import score
from tests.helpers import DATA, REGION_IDS, criteria_yes, full_answers

CHECKED = datetime.date(2026, 1, 1)
HELPLINE = Contact(
    name="Helpline",
    kind="crisis",
    description="Someone to talk to.",
    phone="0800 1",
    text="80001",
    web="help.example",
    hours="24 hours",
    checked=CHECKED,
    source="test",
)
CLINIC = Contact(
    name="Clinic", kind="drugs", description="A drug service.", checked=CHECKED, source="test"
)
EMERGENCY = Contact(
    name="Emergency services",
    kind="emergency",
    description="For a life in danger.",
    phone="999",
    checked=CHECKED,
    source="test",
)
REGION = Region(id="test", name="Testland", contacts=(CLINIC, HELPLINE))
# Sam (see tests/files/test_examples.py): prescribed, two yes, two not sure.
SAM: dict[str, Answer] = {
    "prescribed": "yes",
    "second": "yes",
    "first": "yes",
    "third": "unsure",
    "mood": "unsure",
}


@pytest.fixture(scope="module")
def shapes() -> LoadedBank:
    return load_bank(DATA / "check_shapes.yaml")


def result_for(shapes: LoadedBank, answers: dict[str, Answer]) -> Result:
    return build_result(shapes, score(shapes.bank, answers), REGION)


def test_a_contact_is_one_line_with_every_way_to_reach_it(strings: UiStrings) -> None:
    assert contact_line(HELPLINE, strings) == (
        "call 0800 1, text 80001, help.example (24 hours). Someone to talk to."
    )
    assert contact_line(CLINIC, strings) == "A drug service."


def test_a_summary_with_a_crisis_flag(shapes: LoadedBank, strings: UiStrings) -> None:
    sections = build_summary(shapes.bank, result_for(shapes, SAM), REGION, strings)
    helpline = "call 0800 1, text 80001, help.example (24 hours). Someone to talk to."
    assert sections == [
        Section(
            "Help is there for you right now",
            ("Call a crisis line.",),
            (Entry(helpline, "Helpline"),),
            "Who you can talk to right now (Testland)",
            level="crisis",
        ),
        Section(
            "Please read this first", entries=(Entry("Think about it.", "A worry"),), level="info"
        ),
        Section(
            "What your answers show",
            (
                "Your answers touched 1 of the 3 areas that professionals ask about when they "
                "look at ketamine use over the past year.",
                "Some showed.",
                "Areas not counted: 1 of 3, as explained below.",
                "The second one is not counted when prescribed.",
                strings.unsure_many.format(count=2),
                "Not sure: third; mood.",
            ),
            (Entry("Control: 1 of 2 (1 not sure)"),),
            "The areas at a glance",
        ),
        Section(
            "What you could do next",
            ("Some options. You choose what, if anything, feels right.",),
            (Entry("Talk to someone.", "Talk"),),
        ),
        Section(
            "Who you can contact (Testland)",
            entries=(Entry("A drug service.", "Clinic"), Entry(helpline, "Helpline")),
        ),
        Section(
            "About this check",
            ("Not a diagnosis.", "Your answers were not saved or sent anywhere."),
        ),
    ]


def test_a_summary_without_flags_says_where_it_was_saved(
    shapes: LoadedBank, strings: UiStrings
) -> None:
    answers: dict[str, Answer] = {**SAM, "third": "no", "mood": "yes", "first": "no"}
    answers["prescribed"] = "no"
    result = result_for(shapes, answers)
    sections = build_summary(shapes.bank, result, REGION, strings, saved_to="/tmp/r.json")
    titles = [section.title for section in sections]
    assert titles[:2] == ["Help is there for you right now", "What your answers show"]
    assert sections[0].paragraphs == ("Call a crisis line.", "Call emergency services.")
    assert sections[2].entries == (
        Entry("Talk to someone.", "Talk"),
        Entry("Talk about your mood.", "Mood"),
    )
    assert sections[-1].paragraphs[-1] == "Your answers were saved to /tmp/r.json."
    calm = result_for(shapes, {**answers, "mood": "no"})
    plain = build_summary(shapes.bank, calm, REGION, strings)
    assert plain[0].title == "What your answers show"
    assert plain[0].paragraphs[1:] == ("Some showed.",)
    assert plain[0].entries == (Entry("Control: 0 of 2"), Entry("Body: 1 of 1"))


def test_one_not_sure_answer_is_mentioned_on_its_own(
    shapes: LoadedBank, strings: UiStrings
) -> None:
    answers: dict[str, Answer] = {**SAM, "prescribed": "no", "mood": "no"}
    paragraphs = build_summary(shapes.bank, result_for(shapes, answers), REGION, strings)[1]
    assert paragraphs.paragraphs[-2:] == (strings.unsure_one, "Not sure: third.")


def test_the_summary_names_each_question_answered_not_sure(
    shapes: LoadedBank, strings: UiStrings
) -> None:
    """Which ones, not only how many: what a person could talk through."""
    answers: dict[str, Answer] = {**SAM, "prescribed": "no", "first": "unsure"}
    paragraphs = build_summary(shapes.bank, result_for(shapes, answers), REGION, strings)[1]
    assert paragraphs.paragraphs[-1] == "Not sure: first; third; mood."


def test_the_professional_view(shapes: LoadedBank, strings: UiStrings) -> None:
    answers: dict[str, Answer] = {"prescribed": "yes", "second": "yes", "mood": "unsure"}
    answers |= {"first": "yes", "third": "unsure"}
    sections = build_professional_summary(shapes.bank, result_for(shapes, answers), strings)
    assert sections == [
        Section(
            "Screening result (professional view)",
            (
                "Criteria met: 1 of 3 (2 applicable), over the past year.",
                "Severity band: some criteria (1-2 criteria).",  # the bank's label: no id
                "Adaptation applied (second under prescription): The second one is not "
                "counted when prescribed.",
                "Answered not sure: third, mood.",
                "Not a diagnosis.",
            ),
            (
                Entry("1. first (Impaired control): yes"),
                Entry("2. second (Body): yes, not counted"),
                Entry("3. third (Impaired control): not sure"),
            ),
            "Criteria",
        ),
        Section(
            "Clusters",
            entries=(
                Entry("Impaired control: 1 of 2 (1 not sure)"),
                Entry("Body: 0 of 0"),
            ),
        ),
        Section(
            "Flags",
            entries=(Entry("Maybe in crisis", "Crisis"), Entry("A worry", "Information")),
            level="crisis",
        ),
    ]


def test_the_professional_view_of_a_closed_gate(ketamine: LoadedBank, strings: UiStrings) -> None:
    answers: dict[str, Answer] = {"used_past_year": "no"}
    answers |= {
        item.id: "no"
        for item in ketamine.bank.items
        if item.kind == "health" and item.ask_if is None
    }
    result = build_result(ketamine, score(ketamine.bank, answers), REGION)
    first, scales, _, flags = build_professional_summary(ketamine.bank, result, strings)
    assert [entry.text for entry in scales.entries] == [
        "Frequency of use, past 3 months: not asked",
        "Readiness to change (own view): not asked",
    ]
    assert first.paragraphs[0] == (
        "Gate closed: Used in the past 12 months answered no; the criteria were not assessed."
    )
    assert first.entries[0] == Entry(
        "1. More or longer than intended (impaired control): not asked"
    )
    assert flags == Section("Flags", entries=(Entry("No flags raised."),), level=None)


def test_the_professional_view_of_a_gate_closed_by_not_sure(
    tmp_path: Path, strings: UiStrings
) -> None:
    text = (
        (DATA / "minimal.yaml")
        .read_text()
        .replace('closed_when: ["no"]', 'closed_when: ["no", "unsure"]')
    )
    path = tmp_path / "bank.yaml"
    path.write_text(text)
    loaded = load_bank(path)
    result = build_result(loaded, score(loaded.bank, {"used": "unsure", "mood": "no"}), REGION)
    first = build_professional_summary(loaded.bank, result, strings)[0]
    assert first.paragraphs[0] == (
        "Gate closed: used answered not sure; the criteria were not assessed."
    )


def test_crisis_help_names_the_emergency_number_first(strings: UiStrings) -> None:
    region = Region(id="test", name="Testland", contacts=(CLINIC, EMERGENCY, HELPLINE))
    section = crisis_section(("Call a crisis line.",), region, strings)
    assert section.paragraphs == ("Call a crisis line.", "If you are in danger now, call 999.")
    assert [entry.term for entry in section.entries] == ["Emergency services", "Helpline"]
    assert after_crisis_contacts(region, strings) == (
        strings.region_line.format(region="Testland"),
        strings.crisis_again.format(region="test"),
    )
    assert strings.region_line.format(region="Testland").startswith("Contacts for: Testland.")
    # The same contacts again, wherever the region came from (a question, not the locale).
    assert "screener resources test " in after_crisis_contacts(region, strings)[1]


def test_the_professional_view_numbered_by_question(shapes: LoadedBank, strings: UiStrings) -> None:
    """The trainer's screens number questions (Q3), so the criteria are named that way too."""
    answers: dict[str, Answer] = {"prescribed": "no", "second": "yes", "mood": "no"}
    answers |= {"first": "unsure", "third": "no"}
    first = build_professional_summary(
        shapes.bank, result_for(shapes, answers), strings, by_question=True
    )[0]
    assert first.entries == (
        Entry("Q3. first (criterion 1, Impaired control): not sure"),
        Entry("Q2. second (criterion 2, Body): yes"),
        Entry("Q4. third (criterion 3, Impaired control): no"),
    )


@pytest.mark.parametrize("prescribed", ["yes", "no", "unsure"])
def test_an_adaptation_answered_not_sure_says_what_was_counted(
    ketamine: LoadedBank, strings: UiStrings, prescribed: Answer
) -> None:
    """Each answer to the adaptation's question gets its own words, and only its own."""
    bank = ketamine.bank
    answers: dict[str, Answer] = {item.id: "no" for item in bank.items}
    answers |= {"used_past_year": "yes", "prescribed_only": prescribed}
    result = build_result(ketamine, score(bank, answers), REGION)
    paragraphs = _result_paragraphs(build_summary(bank, result, REGION, strings), strings)
    (adaptation,) = bank.scoring.adaptations
    said = {
        "yes": adaptation.message in paragraphs,
        "unsure": adaptation.unsure_message in paragraphs,
    }
    assert said == {"yes": prescribed == "yes", "unsure": prescribed == "unsure"}


def test_an_adaptation_without_not_sure_words_adds_nothing(
    shapes: LoadedBank, strings: UiStrings
) -> None:
    answers: dict[str, Answer] = {**SAM, "prescribed": "unsure", "mood": "no", "third": "no"}
    result = result_for(shapes, answers)
    paragraphs = _result_paragraphs(build_summary(shapes.bank, result, REGION, strings), strings)
    assert paragraphs == (
        "Your answers touched 2 of the 3 areas that professionals ask about when they look at "
        "ketamine use over the past year.",
        "Some showed.",
        strings.unsure_one,
        "Not sure: prescribed.",
    )


def _result_paragraphs(sections: list[Section], strings: UiStrings) -> tuple[str, ...]:
    (found,) = (section for section in sections if section.title == strings.result_heading)
    return found.paragraphs


def test_the_crisis_reminder_is_each_way_to_reach_someone_now(strings: UiStrings) -> None:
    """The emergency number first and once, then each crisis line's phone, text and web."""
    web_only = Contact(
        name="Web chat",
        kind="crisis",
        description="Chat.",
        web="chat.example",
        checked=CHECKED,
        source="test",
    )
    texting = Contact(
        name="Text line",
        kind="crisis",
        description="Texts.",
        text="85258",
        checked=CHECKED,
        source="test",
    )
    region = Region(
        id="test", name="Testland", contacts=(CLINIC, EMERGENCY, HELPLINE, web_only, texting)
    )
    assert crisis_reminder(region, strings) == (
        "If you are in danger now, call 999.",
        "Helpline: call 0800 1, text 80001, help.example",
        "Web chat: chat.example",
        "Text line: text 85258",
    )
    assert crisis_reminder(REGION, strings) == ("Helpline: call 0800 1, text 80001, help.example",)
    nowhere = Region(id="other", name="Anywhere else", contacts=(web_only,))
    assert crisis_reminder(nowhere, strings) == ("Web chat: chat.example",)


def test_a_directory_is_in_the_reminder_only_where_no_crisis_line_is(strings: UiStrings) -> None:
    """The US reminder listed a treatment finder beside 988; 'Anywhere else' lost the only
    emergency advice it has (no number to name)."""
    finder = Contact(
        name="Finder",
        kind="directory",
        description="Find help.",
        web="find.example",
        checked=CHECKED,
        source="test",
    )
    local = Contact(
        name="Your local emergency number",
        kind="emergency",
        description="Call your local emergency number if you are in danger.",
        checked=CHECKED,
        source="test",
    )
    with_line = Region(id="test", name="Testland", contacts=(HELPLINE, finder))
    assert crisis_reminder(with_line, strings) == (
        "Helpline: call 0800 1, text 80001, help.example",
    )
    anywhere = Region(id="other", name="Anywhere else", contacts=(finder, local))
    assert crisis_reminder(anywhere, strings) == (
        "Call your local emergency number if you are in danger.",
        "Finder: find.example",
    )


def test_the_professional_view_in_spanish_names_the_band_in_spanish() -> None:
    """The band's DSM-5 word in the record's language (grave), not the bank's id (severe)."""
    from screener.files import bundled
    from screener.files.wording import load_strings

    path = bundled.bank_file("ketamine", "es")
    assert path is not None
    loaded = load_bank(path)
    answers: dict[str, Answer] = {item.id: "yes" for item in loaded.bank.items if not item.options}
    answers["prescribed_only"] = "no"
    result = build_result(loaded, score(loaded.bank, answers), REGION)
    first, _, _, flags = build_professional_summary(loaded.bank, result, load_strings("es"))
    assert first.paragraphs[1] == "Rango de gravedad: grave (6-10 criterios)."
    assert flags.entries[0].term == "Crisis" and flags.entries[1].term == "Urgente"


def _contacts_listed(language: str, region_id: str, crisis: bool) -> list[str]:
    """The kinds of the summary's closing contacts, in order, for the shipped files."""
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    loaded = load_bank(path)
    book = load_contacts(bundled.contacts_file())
    region = contacts_to_show(choose_region(book, region_id, {}), None, language)
    answers = full_answers(criteria_yes(1)) | {"self_harm_thoughts": "yes" if crisis else "no"}
    result = build_result(loaded, score(loaded.bank, answers), region)
    strings = load_strings(language)
    sections = build_summary(loaded.bank, result, region, strings)
    heading = strings.contacts_heading.format(region=region.name)
    (listed,) = [section for section in sections if section.title == heading]
    kinds = {contact.name: contact.kind for contact in region.contacts}
    return [kinds[entry.term or ""] for entry in listed.entries]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("region_id", REGION_IDS)
def test_without_a_crisis_flag_the_summary_leads_with_the_drug_service(
    language: str, region_id: str
) -> None:
    """Issue 21: the "contact a drug and alcohol service" step points to the list below it,
    so a summary with no crisis flag leads with the region's drug services; the rest keep
    their order (crisis lines, emergency, health, directories)."""
    kinds = _contacts_listed(language, region_id, crisis=False)
    drugs = kinds.count("drugs")
    order = ["crisis", "emergency", "health", "directory"]
    assert kinds[:drugs] == ["drugs"] * drugs
    rest = [order.index(kind) for kind in kinds[drugs:]]
    assert rest == sorted(rest)
    if region_id not in ("mx", "other"):  # Mexico's Línea de la Vida is its crisis line too
        assert kinds[0] == "drugs"


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("region_id", REGION_IDS)
def test_with_a_crisis_flag_the_summary_keeps_crisis_lines_first(
    language: str, region_id: str
) -> None:
    kinds = _contacts_listed(language, region_id, crisis=True)
    order = ["crisis", "emergency", "health", "drugs", "directory"]
    ranks = [order.index(kind) for kind in kinds]
    assert ranks == sorted(ranks)
    assert kinds[0] in ("crisis", "emergency")


def test_a_crisis_contact_with_no_way_to_reach_it_is_passed_over_not_the_end(
    strings: UiStrings,
) -> None:
    """A line with only a description (nothing to call, text or open) says nothing in the
    reminder, and the lines after it are still listed."""
    described_only = Contact(
        name="Walk-in crisis café",
        kind="crisis",
        description="Walk in, evenings.",
        checked=CHECKED,
        source="test",
    )
    region = Region(id="test", name="Testland", contacts=(EMERGENCY, described_only, HELPLINE))
    assert crisis_reminder(region, strings) == (
        "If you are in danger now, call 999.",
        "Helpline: call 0800 1, text 80001, help.example",
    )
