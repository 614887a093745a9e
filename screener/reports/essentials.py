"""The summary as a screen shows it: the essentials first and short, then the full text in
parts a listener can skip between. Records keep the full text (reports/summary.py)."""

from __future__ import annotations

import re

import msgspec

from screener.models.bank import Bank
from screener.models.contacts import Region
from screener.models.result import Result
from screener.models.wording import UiStrings
from screener.reports.document import Entry, Section
from screener.reports.summary import contact_ways
from screener.rules.contacts import drug_services_first, emergency_number

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'¿¡(]?[A-ZÁÉÍÓÚÑ0-9])")


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph, on one line: what a message, a description or a
    persona's story says first."""
    return SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]


def with_full_stop(text: str) -> str:
    """A sentence ended once: a full stop added unless it ends in one already, inside a
    closing quote too ('...a little help."' needs no other)."""
    return text if text.rstrip('"»”').endswith((".", "!", "?")) else f"{text}."


def first_two_sentences(text: str) -> str:
    """What urgent advice says first: the risk and what to do about it. Its first sentence
    alone can be the risk only ("...can slow your breathing"), with what to do in the next."""
    return " ".join(SENTENCE_END.split(" ".join(text.split()), maxsplit=2)[:2])


def short_version(bank: Bank, result: Result, region: Region, strings: UiStrings) -> Section:
    """Urgent advice a line each, its risk and what to do (for a crisis: the emergency
    number), the result in one sentence, the titles of the other advice raised (medical,
    information), then every contact a line each, crisis lines first
    when a crisis flag is raised, the drug services first otherwise (as the full list orders
    them)."""
    lines: list[str] = []
    crisis = any(flag.level == "crisis" for flag in result.flags)
    number = emergency_number(region)
    if crisis and number:
        lines.append(strings.crisis_emergency.format(number=number))
    lines += [first_two_sentences(flag.advice) for flag in result.flags if flag.level == "urgent"]
    lines.append(result_sentence(result, strings, bank.scoring.window))
    other = [flag.title for flag in result.flags if flag.level in ("medical", "info")]
    if other:
        lines.append(strings.short_advice.format(titles=", ".join(other)))
    listed = region if crisis else drug_services_first(region)
    contacts = tuple(
        Entry(
            contact_ways(contact, strings) + (f" ({contact.hours})" if contact.hours else ""),
            contact.name,
        )
        if contact_ways(contact, strings)
        else Entry(first_sentence(contact.description), contact.name)
        for contact in listed.contacts
    )
    level = result.flags[0].level if result.flags else None
    said = tuple(line for line in lines if line)
    # With a crisis flag, who to call comes straight after the emergency number, before any
    # other advice (as in the full text).
    first, after = (said[: bool(number)], said[bool(number) :]) if crisis else (said, ())
    return Section(
        strings.short_heading,
        first,
        contacts,
        strings.contacts_heading.format(region=region.name),
        level=level if level in ("crisis", "urgent") else None,
        after=after,
    )


def result_sentence(result: Result, strings: UiStrings, window: str) -> str:
    """The result in one sentence: how many areas the answers touched, or, where the
    criteria were not assessed, the first sentence of why."""
    if result.band is None or (result.gate_closed and result.gate_message):
        return first_sentence(result.gate_message or "")
    return strings.result_count.format(
        met=result.criteria_met, total=result.criteria_total, window=window
    )


def essentials_first(
    full: list[Section],
    bank: Bank,
    result: Result,
    region: Region,
    strings: UiStrings,
    *,
    crisis_heard: bool,
    numbered: bool,
) -> list[Section]:
    """The short version, then the full text. `crisis_heard`: the person has just seen the
    crisis screen, so the summary refers to it rather than saying its 190 words again.
    `numbered` (plain mode, read in order): each part's title says its number, and a line
    after the short version lists them, so a listener can skip to a part."""
    parts = [
        msgspec.structs.replace(
            section, paragraphs=(strings.crisis_heard,), entries=(), entries_heading=None
        )
        if crisis_heard and section.level == "crisis" and section.title == strings.crisis_heading
        else section
        for section in full
    ]
    short = short_version(bank, result, region, strings)
    if not numbered:
        return [short, *parts]
    count = len(parts)
    titled = [
        msgspec.structs.replace(
            section,
            title=strings.part_title.format(number=number, count=count, title=section.title),
        )
        for number, section in enumerate(parts, start=1)
    ]
    listing = "; ".join(f"{number}, {section.title}" for number, section in enumerate(parts, 1))
    guide = Section(
        strings.parts_heading.format(count=count),
        (strings.parts_intro.format(parts=listing),),
    )
    return [short, guide, *titled]
