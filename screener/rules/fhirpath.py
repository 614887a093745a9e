"""The bank's own scoring rules as FHIRPath, so any SDC form filler computes screener's score."""

from __future__ import annotations

import msgspec

from screener.models.bank import Bank, Condition, Flag, Item
from screener.rules.scoring import most_urgent_first

GATE_CLOSED = "gateClosed"
CRITERIA_MET = "criteriaMet"
CRITERIA_APPLICABLE = "criteriaCounted"
ALL_ANSWERED = "allAnswered"
BAND_CODE = "bandCode"
"""FHIR's Expression.name is an id (letters, digits, - and .) and FHIRPath reads no - or .
unquoted: names are camelCase, made from the bank's snake_case ids."""


class Variable(msgspec.Struct, frozen=True):
    """An SDC `variable`: a name the later expressions read as %name."""

    name: str
    expression: str


def answer_variable(item_id: str) -> str:
    """The variable holding an item's answer code, only while the item is asked."""
    return "answer" + _camel(item_id)


def adaptation_variable(adaptation_id: str) -> str:
    return "adapted" + _camel(adaptation_id)


def _camel(identifier: str) -> str:
    return "".join(part.capitalize() for part in identifier.split("_"))


def variables(bank: Bank) -> list[Variable]:
    """In order, each reading only earlier ones: every item's answer, the gate, the adaptations,
    then the counts. A disabled item reads as empty, as screener drops a skipped answer."""
    found = [Variable(answer_variable(item.id), _asked_answer(item)) for item in bank.items]
    gate = bank.scoring.gate
    if gate is None:
        found.append(Variable(GATE_CLOSED, "false"))
    else:
        closed = _holds(Condition(item=gate.item, answers=gate.closed_when))
        found.append(Variable(GATE_CLOSED, _boolean(closed)))
    found += [
        Variable(adaptation_variable(adaptation.id), _boolean(_holds(adaptation.when)))
        for adaptation in bank.scoring.adaptations
    ]
    criteria = _criteria(bank)
    yes = " + ".join(
        f"iif({_counted(bank, item)} and %{answer_variable(item.id)} = 'yes', 1, 0)"
        for item in criteria
    )
    answered = " + ".join(f"iif({_counted(bank, item)}, 1, 0)" for item in criteria)
    found.append(Variable(CRITERIA_MET, f"iif(%{GATE_CLOSED}, 0, {yes})"))
    found.append(Variable(CRITERIA_APPLICABLE, f"iif(%{GATE_CLOSED}, 0, {answered})"))
    found.append(Variable(ALL_ANSWERED, _all_answered(bank)))
    found.append(Variable(BAND_CODE, band_code(bank)))
    found += [Variable(flag_variable(flag.id), _boolean(flags_raised(flag))) for flag in bank.flags]
    return found


def band_code(bank: Bank) -> str:
    """The id of the band the count falls in, as screener's score picks it; none (empty) when
    the gate closed, for then the criteria were not assessed, and none while a question asked
    is unanswered, so an empty or half-filled form shows no band."""
    expression = "{}"
    for band in reversed(bank.scoring.bands):
        within = f"%{CRITERIA_MET} >= {band.min} and %{CRITERIA_MET} <= {band.max}"
        expression = f"iif({within}, '{band.id}', {expression})"
    return f"iif(%{GATE_CLOSED} or %{ALL_ANSWERED}.not(), {{}}, {expression})"


def flag_variable(flag_id: str) -> str:
    """The variable that is true while the flag is raised."""
    return "flagged" + _camel(flag_id)


def as_coding(system: str, codes: str) -> str:
    """`codes` (zero or more code strings) as Codings in `system`, made with FHIRPath's
    %factory: no %questionnaire (which not every filler provides, Smart Forms among them), and
    a Coding, not a bare code (which LHC-Forms does not match to an answerOption). Fillers
    take the matching answerOption, display and all."""
    return f"({codes}).select(%factory.Coding('{system}', $this))"


def flags_raised(flag: Flag) -> str:
    """True when any of the flag's conditions holds on the answers asked, or is answered not
    sure when the flag raises on not sure."""
    return " or ".join(f"({_holds(condition)})" for condition in raising_conditions(flag))


def raising_conditions(flag: Flag) -> list[Condition]:
    """The flag's conditions with 'unsure' added where the flag raises on it (if_unsure)."""
    if flag.if_unsure != "raise":
        return list(flag.when_any)
    return [
        Condition(
            item=c.item, answers=(*c.answers, *(() if "unsure" in c.answers else ("unsure",)))
        )
        for c in flag.when_any
    ]


def flags_in_order(bank: Bank) -> list[Flag]:
    """Most urgent first, as screener reports them (a stable sort keeps the bank's order)."""
    return list(most_urgent_first(bank.flags))


def raised_flag(flag_id: str) -> str:
    """The flag's code while it is raised, else empty: one result item per flag, for a filler
    may set only one answer from a calculation (Smart Forms takes the first)."""
    return f"iif(%{flag_variable(flag_id)}, '{flag_id}', {{}})"


def applied_adaptation(adaptation_id: str) -> str:
    """The adaptation's code while it applies, else empty."""
    return f"iif(%{adaptation_variable(adaptation_id)}, '{adaptation_id}', {{}})"


# --- the parts ------------------------------------------------------------------------------


def _asked_answer(item: Item) -> str:
    given = f"%resource.item.where(linkId = '{item.id}').answer.value.code"
    if item.ask_if is None:
        return given
    return f"iif({_holds(item.ask_if)}, {given})"


def _all_answered(bank: Bank) -> str:
    """True when every question screener would ask now has an answer."""
    terms = []
    for item in bank.items:
        answered = f"%{answer_variable(item.id)}.exists()"
        if item.ask_if is None:
            terms.append(answered)
        else:
            terms.append(f"iif({_holds(item.ask_if)}, {answered}, true)")
    return " and ".join(f"({term})" for term in terms)


def _holds(condition: Condition) -> str:
    """Empty when the item is unanswered or skipped; iif() reads empty as false."""
    name = answer_variable(condition.item)
    return " or ".join(f"%{name} = '{answer}'" for answer in condition.answers)


def _boolean(expression: str) -> str:
    """Always true or false, never empty, so .not() and 'and' behave."""
    return f"iif({expression}, true, false)"


def _criteria(bank: Bank) -> list[Item]:
    """In the bank's order: a count is a sum, whatever the order of its terms."""
    return [item for item in bank.items if item.kind == "criterion"]


def _counted(bank: Bank, item: Item) -> str:
    """Answered and not set aside by an adaptation that applies (the gate is checked above)."""
    terms = [f"%{answer_variable(item.id)}.exists()"]
    terms += [
        f"%{adaptation_variable(adaptation.id)}.not()"
        for adaptation in bank.scoring.adaptations
        if item.id in adaptation.not_counted
    ]
    return "(" + " and ".join(terms) + ")"
