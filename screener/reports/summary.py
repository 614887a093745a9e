"""The summary a person reads, as a neutral document any renderer can draw. No I/O, no Rich."""

from __future__ import annotations

from screener.models.bank import Bank
from screener.models.base import Answer
from screener.models.contacts import Contact, Region, ServiceContacts
from screener.models.result import ClusterResult, Result
from screener.models.wording import UiStrings
from screener.reports.document import Entry, Section
from screener.rules.contacts import crisis_contacts, drug_services_first, emergency_number
from screener.rules.labels import Labels
from screener.rules.menu import next_steps


def contact_ways(contact: Contact, strings: UiStrings) -> str:
    """How to reach a contact, in words: "call 116 123, text 85258, samaritans.org"; empty
    where it has no phone, text or web."""
    ways = []
    if contact.phone:
        ways.append(strings.contact_call.format(phone=contact.phone))
    if contact.text:
        ways.append(strings.contact_text.format(number=contact.text))
    if contact.web:
        ways.append(strings.contact_web.format(web=contact.web))
    return ", ".join(ways)


def contact_line(contact: Contact, strings: UiStrings) -> str:
    """One contact on one line: how to reach it, when, and what it is for."""
    reach = contact_ways(contact, strings)
    hours = f" ({contact.hours})" if contact.hours else ""
    return f"{reach}{hours}. {contact.description}" if reach else contact.description


def contact_entries(contacts: tuple[Contact, ...], strings: UiStrings) -> tuple[Entry, ...]:
    return tuple(Entry(contact_line(contact, strings), contact.name) for contact in contacts)


def crisis_section(advice: tuple[str, ...], region: Region, strings: UiStrings) -> Section:
    """The crisis advice, the region's emergency number, then its crisis contacts in order,
    under a heading that names the region: the same in the summary, the demo and records."""
    number = emergency_number(region)
    paragraphs = (*advice, *((strings.crisis_emergency.format(number=number),) if number else ()))
    return Section(
        strings.crisis_heading,
        paragraphs,
        contact_entries(crisis_contacts(region), strings),
        strings.crisis_contacts_heading.format(region=region.name),
        level="crisis",
    )


def crisis_reminder(
    region: Region, strings: UiStrings, service: ServiceContacts | None = None
) -> tuple[str, ...]:
    """The crisis screen's ways to reach someone now, a line each and nothing else: the
    emergency number (where there is none to name, what the emergency contact says), then each
    crisis line's name with its phone, text and web; a directory only where the region has no
    crisis line. Shown above the prompt when the whole screen does not fit, so they are in
    view when the person answers.

    A service's own lines (`service`, listed first on the crisis screen) are counted, not
    repeated: however many a service lists, the emergency number and the region's national
    lines stay in view on a 15-row screen, and one line says how to see the rest."""
    number = emergency_number(region)
    if number:
        lines = [strings.crisis_emergency.format(number=number)]
    else:  # no emergency contact has a number: each says what to do
        lines = [contact.description for contact in region.contacts if contact.kind == "emergency"]
    has_lines = any(contact.kind == "crisis" for contact in region.contacts)
    services = {_reach_of(contact) for contact in (service.contacts if service else ())}
    more = 0
    for contact in crisis_contacts(region):
        if contact.kind == "emergency" or (contact.kind == "directory" and has_lines):
            continue  # the emergency number is said above; a directory stands in for lines
        reach = contact_ways(contact, strings)
        if not reach:
            continue
        if _reach_of(contact) in services:
            more += 1
        else:
            lines.append(f"{contact.name}: {reach}")
    if more:
        lines.append(strings.crisis_more.format(count=more, region=region.id))
    return tuple(lines)


def _reach_of(contact: Contact) -> tuple[str | None, ...]:
    """A contact's numbers and address: the same whichever language its words are in."""
    return (contact.kind, contact.phone, contact.text, contact.web)


def after_crisis_contacts(
    region: Region, strings: UiStrings, *, chosen: bool = False
) -> tuple[str, str]:
    """Below the crisis screen's contacts: whose contacts they are, and how to see them again.
    `chosen`: the person answered the region question, so it is not asked again."""
    whose = strings.region_chosen if chosen else strings.region_line
    return (
        whose.format(region=region.name),
        strings.crisis_again.format(region=region.id),
    )


def advice_section(result: Result, strings: UiStrings) -> Section | None:
    """The advice of every raised flag but crisis (shown on its own screen, at once), most
    urgent first as the result lists them: the summary's "Please read this first", and what a
    session that ends early shows before it goes (docs/endings.md)."""
    others = [flag for flag in result.flags if flag.level != "crisis"]
    if not others:
        return None
    entries = tuple(Entry(flag.advice, flag.title) for flag in others)
    return Section(strings.flags_heading, entries=entries, level=others[0].level)


def build_summary(
    bank: Bank,
    result: Result,
    region: Region,
    strings: UiStrings,
    saved_to: str | None = None,
    not_saved: str | None = None,
) -> list[Section]:
    """Crisis advice and who to call first, then other flags, the result, next steps, all
    contacts, and what this is and is not."""
    sections: list[Section] = []
    crisis = tuple(flag.advice for flag in result.flags if flag.level == "crisis")
    if crisis:
        # Someone who may be in danger sees who to call straight after the advice, before
        # anything else (other flags can run to many lines).
        sections.append(crisis_section(crisis, region, strings))
    advice = advice_section(result, strings)
    if advice is not None:
        sections.append(advice)
    sections.append(_result_section(bank, result, strings))
    shown, closing = next_steps(bank, result.answers)
    steps = tuple(Entry(step.text, step.title) for step in shown)
    # How the person feels about their use orders the menu and gives one closing sentence.
    after = (closing,) if closing else ()
    sections.append(Section(strings.next_heading, (strings.next_intro,), steps, after=after))
    # With no crisis flag, the drug services the next steps point to lead the list.
    listed = region if crisis else drug_services_first(region)
    sections.append(
        Section(
            strings.contacts_heading.format(region=region.name),
            entries=contact_entries(listed.contacts, strings),
        )
    )
    saved = strings.saved_to.format(path=saved_to) if saved_to else strings.saved_nothing
    saved = not_saved or saved  # why a save that was asked for failed
    sections.append(Section(strings.about_heading, (result.disclaimer, saved)))
    return sections


def _result_section(bank: Bank, result: Result, strings: UiStrings) -> Section:
    if result.band is None or (result.gate_closed and result.gate_message):
        return Section(strings.result_heading, tuple(filter(None, (result.gate_message,))))
    paragraphs = [
        strings.result_count.format(
            met=result.criteria_met, total=result.criteria_total, window=bank.scoring.window
        ),
        result.band.message,
    ]
    if result.could_be and result.could_be.message:
        paragraphs.append(result.could_be.message)
    not_counted = result.criteria_total - result.criteria_applicable
    if not_counted:
        paragraphs.append(
            strings.result_not_counted.format(count=not_counted, total=result.criteria_total)
        )
    paragraphs.extend(adaptation.message for adaptation in result.adaptations)
    # An adaptation's question answered "not sure": say what was counted instead.
    paragraphs.extend(
        adaptation.unsure_message
        for adaptation in bank.scoring.adaptations
        if adaptation.unsure_message and result.answers.get(adaptation.when.item) == "unsure"
    )
    if len(result.unsure) == 1:
        paragraphs.append(strings.unsure_one)
    elif result.unsure:
        paragraphs.append(strings.unsure_many.format(count=len(result.unsure)))
    if result.unsure:  # which ones, not only how many: what to talk through
        names = {item.id: item.plain_name for item in bank.items}
        which = "; ".join(names.get(item_id, item_id) for item_id in result.unsure)
        paragraphs.append(strings.unsure_which.format(questions=which))
    clusters = tuple(
        Entry(_cluster_line(cluster, strings)) for cluster in result.clusters if cluster.of
    )
    return Section(strings.result_heading, tuple(paragraphs), clusters, strings.clusters_heading)


def _cluster_line(cluster: ClusterResult, strings: UiStrings, title: str | None = None) -> str:
    line = strings.cluster_line.format(title=title or cluster.title, met=cluster.met, of=cluster.of)
    if cluster.unsure:
        line += " " + strings.cluster_unsure.format(unsure=cluster.unsure)
    return line


def build_professional_summary(
    bank: Bank, result: Result, strings: UiStrings, *, by_question: bool = False
) -> list[Section]:
    """The counsellor's and trainer's view: DSM terms, every criterion, flags by level.

    `by_question`: criteria numbered as the trainer's screens number questions (Q3, not 1),
    so a number read there is the number the what-if flips.
    """
    scoring = bank.scoring
    labels = Labels(bank, strings)
    # Every item and cluster id in a result is the bank's (load_bank checked them all).
    items = {item.id: item for item in bank.items}
    names = {item_id: item.name for item_id, item in items.items()}
    paragraphs: list[str] = []
    gate = scoring.gate
    if result.gate_closed and gate is not None:
        answer = result.answers[gate.item]  # a gate closes on its answer
        paragraphs.append(
            strings.professional_gate.format(
                item=items[gate.item].name, answer=labels.answer(items[gate.item], answer)
            )
        )
    else:
        paragraphs.append(
            strings.professional_count.format(
                met=result.criteria_met,
                total=result.criteria_total,
                applicable=result.criteria_applicable,
                window=scoring.window,
            )
        )
    band = result.band
    paragraphs.append(
        strings.professional_band.format(id=labels.band(band.id), min=band.min, max=band.max)
        if band is not None
        else strings.professional_band_not_assessed
    )
    paragraphs.extend(
        strings.professional_adaptation.format(
            adaptation=labels.adaptation(adaptation.id), message=adaptation.message
        )
        for adaptation in result.adaptations
    )
    if result.unsure:
        unsure = (names[item_id] for item_id in result.unsure)
        paragraphs.append(strings.professional_unsure.format(items=", ".join(unsure)))
    paragraphs.append(result.disclaimer)

    questions = {item.id: number for number, item in enumerate(bank.items, start=1)}
    criteria = tuple(
        Entry(
            strings.professional_criterion.format(
                number=f"Q{questions[criterion.item]}" if by_question else criterion.number,
                item=names[criterion.item],
                cluster=strings.intake.criterion_label.format(
                    number=criterion.number,
                    cluster=labels.cluster(criterion.cluster),
                )
                if by_question
                else labels.cluster(criterion.cluster),
                answer=_professional_answer(criterion.answer, criterion.counted, strings),
            )
        )
        for criterion in result.criteria
    )
    clusters = tuple(
        Entry(_cluster_line(cluster, strings, title=cluster.term)) for cluster in result.clusters
    )
    flags = tuple(Entry(flag.title, labels.level(flag.level)) for flag in result.flags) or (
        Entry(strings.professional_no_flags),
    )
    return [
        Section(
            strings.professional_heading,
            tuple(paragraphs),
            criteria,
            strings.professional_criteria_heading,
        ),
        *_scale_section(bank, result, strings),
        Section(strings.professional_clusters_heading, entries=clusters),
        Section(
            strings.professional_flags_heading,
            entries=flags,
            level=result.flags[0].level if result.flags else None,
        ),
    ]


def _scale_section(bank: Bank, result: Result, strings: UiStrings) -> tuple[Section, ...]:
    """Every question answered on a scale (how often, how the person feels), by its label,
    beside the criteria and never counted: the option's words and its points where the bank
    gives them; "not asked" where the answers skipped it."""
    labels = Labels(bank, strings)
    words = strings.scale
    entries = []
    for item in (item for item in bank.items if item.options):
        code = result.answers.get(item.id)
        option = item.option(code) if code is not None else None
        answer = strings.professional_not_asked if code is None else labels.answer(item, code)
        if option is not None and option.points is not None:
            line = words.professional_points.format(
                item=item.name, answer=answer, points=option.points
            )
        else:
            line = words.professional_answer.format(item=item.name, answer=answer)
        entries.append(Entry(line))
    return (Section(words.professional_heading, entries=tuple(entries)),) if entries else ()


def _professional_answer(answer: Answer | None, counted: bool, strings: UiStrings) -> str:
    if answer is None:
        return strings.professional_not_asked
    label = strings.answer_labels.of(answer)
    return label if counted else f"{label}, {strings.professional_not_counted}"
