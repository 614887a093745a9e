"""score(bank, answers): the bank's declared rules applied to answers. Pure: no I/O, no UI."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar

from screener.models.bank import Band, Bank, Condition, Flag, Item
from screener.models.base import Code, Level, yes_no
from screener.models.result import (
    AppliedAdaptation,
    BandResult,
    ClusterResult,
    CriterionResult,
    RaisedFlag,
    Score,
)

LEVEL_ORDER = {"crisis": 0, "urgent": 1, "medical": 2, "info": 3}
"""Flags are reported most urgent first."""


class _Leveled(Protocol):
    @property
    def level(self) -> Level: ...


Leveled = TypeVar("Leveled", bound=_Leveled)


def most_urgent_first(flags: Iterable[Leveled]) -> tuple[Leveled, ...]:
    """The one flag order: crisis, urgent, medical, info; a stable sort keeps the bank's order
    within a level. A bank's flags, raised flags and the trainer's all come this way."""
    return tuple(sorted(flags, key=lambda flag: LEVEL_ORDER[flag.level]))


def cluster_terms(bank: Bank) -> dict[str, str]:
    """What a counsellor calls each cluster, by id: its term, else its plain title."""
    return {cluster.id: cluster.term or cluster.title for cluster in bank.clusters}


def holds(condition: Condition, answers: Mapping[str, Code]) -> bool:
    return answers.get(condition.item) in condition.answers


def asked_items(
    bank: Bank, answers: Mapping[str, Code], *, assume_unanswered_open: bool = False
) -> list[Item]:
    """The items a person is asked, in order, given the answers so far.

    An item whose condition depends on an unanswered item counts as asked only when
    `assume_unanswered_open` (used to show progress before the gate is answered).
    """
    asked: list[Item] = []
    effective: dict[str, Code] = {}
    skipped: set[str] = set()
    for item in bank.items:
        condition = item.ask_if
        if condition is not None:
            known = condition.item in effective
            # A question that hangs on a skipped question is skipped too, never assumed open.
            if condition.item in skipped or (known and not holds(condition, effective)):
                skipped.add(item.id)
                continue
            if not known and not assume_unanswered_open:
                continue
        asked.append(item)
        if item.id in answers:
            effective[item.id] = answers[item.id]
    return asked


def effective_answers(bank: Bank, answers: Mapping[str, Code]) -> dict[str, Code]:
    """Only the answers to items that were asked: a changed gate drops stale answers."""
    return {item.id: answers[item.id] for item in asked_items(bank, answers) if item.id in answers}


def missing_answers(bank: Bank, answers: Mapping[str, Code]) -> list[str]:
    return [item.id for item in asked_items(bank, answers) if item.id not in answers]


def flag_raised_by(flag: Flag, condition: Condition, answers: Mapping[str, Code]) -> bool:
    """A condition raises its flag when it holds, or on 'not sure' if the flag says so."""
    if holds(condition, answers):
        return True
    return flag.if_unsure == "raise" and answers.get(condition.item) == "unsure"


def raised_flags(bank: Bank, answers: Mapping[str, Code]) -> tuple[RaisedFlag, ...]:
    raised: list[RaisedFlag] = []
    for flag in bank.flags:
        if not any(flag_raised_by(flag, condition, answers) for condition in flag.when_any):
            continue
        # "Not sure" raises the advice in its own words; a firm answer keeps the plain advice.
        only_unsure = all(
            answers.get(condition.item) == "unsure"
            for condition in flag.when_any
            if flag_raised_by(flag, condition, answers)
        )
        # On a declared path (prescribed treatment) its own words, never the other path's.
        path = next((path for path in flag.on_path if holds(path.when, answers)), None)
        said = path or flag
        advice = said.unsure_advice if only_unsure and said.unsure_advice else said.advice
        raised.append(
            RaisedFlag(
                id=flag.id, level=flag.level, title=flag.title, advice=advice, unsure=only_unsure
            )
        )
    return most_urgent_first(raised)


def band_for(bank: Bank, count: int) -> Band:
    return next(band for band in bank.scoring.bands if band.min <= count <= band.max)


def band_result(band: Band, message: str) -> BandResult:
    return BandResult(id=band.id, label=band.label, message=message, min=band.min, max=band.max)


def band_message(
    band: Band,
    *,
    met: int,
    unclear: bool,
    flags: tuple[RaisedFlag, ...],
    answers: Mapping[str, Code],
) -> str:
    """The band's words, then its advice for the person's path (prescribed treatment gets its
    own, never advice meant for street use)."""
    advice = next(
        (path.advice for path in band.advice_on_path if holds(path.when, answers)), band.advice
    )
    message = _band_words(band, met=met, unclear=unclear, flags=flags)
    return f"{message} {advice}" if advice else message


def _band_words(band: Band, *, met: int, unclear: bool, flags: tuple[RaisedFlag, ...]) -> str:
    """The band's words that cannot contradict the answers: unclear, then one sign met, then
    flagged (any flag at any level: advice the person has just been given), then plain."""
    if unclear and band.message_if_unclear:
        return band.message_if_unclear
    if met == 1 and band.message_if_one:
        return band.message_if_one
    if band.message_if_flagged and flags:
        return band.message_if_flagged
    return band.message


def score(bank: Bank, answers: Mapping[str, Code]) -> Score:
    """Count 'yes' on the criteria that apply; place the count in a band; raise flags."""
    given = effective_answers(bank, answers)
    scoring = bank.scoring
    gate = scoring.gate
    gate_closed = gate is not None and given.get(gate.item) in gate.closed_when
    adaptations = [
        adaptation for adaptation in scoring.adaptations if holds(adaptation.when, given)
    ]
    not_counted = {item_id for adaptation in adaptations for item_id in adaptation.not_counted}

    criteria: list[CriterionResult] = []
    for item in sorted(
        (item for item in bank.items if item.kind == "criterion"),
        key=lambda item: item.criterion or 0,
    ):
        assert item.criterion is not None and item.cluster is not None  # load_bank checked
        answer = given.get(item.id)
        counted = not gate_closed and answer is not None and item.id not in not_counted
        criteria.append(
            CriterionResult(
                number=item.criterion,
                item=item.id,
                cluster=item.cluster,
                # Criteria are yes / no / not sure only (load_bank checks).
                answer=None if answer is None else yes_no(answer),
                counted=counted,
            )
        )

    met = sum(1 for criterion in criteria if criterion.counted and criterion.answer == "yes")
    unsure_counted = sum(
        1 for criterion in criteria if criterion.counted and criterion.answer == "unsure"
    )
    flags = raised_flags(bank, given)
    band = band_for(bank, met)
    could_be = band_for(bank, met + unsure_counted)
    unclear = could_be.id != band.id
    terms = cluster_terms(bank)
    clusters = tuple(
        ClusterResult(
            id=cluster.id,
            title=cluster.title,
            term=terms[cluster.id],
            met=sum(1 for c in members if c.answer == "yes"),
            of=len(members),
            unsure=sum(1 for c in members if c.answer == "unsure"),
        )
        for cluster in bank.clusters
        for members in [[c for c in criteria if c.cluster == cluster.id and c.counted]]
    )
    return Score(
        answers=given,
        criteria_met=met,
        criteria_applicable=sum(1 for criterion in criteria if criterion.counted),
        criteria_total=scoring.criteria,
        unsure=tuple(item_id for item_id, answer in given.items() if answer == "unsure"),
        gate_closed=gate_closed,
        # A closed gate means the criteria were not assessed: no band, not "none".
        band=None
        if gate_closed
        else band_result(
            band, band_message(band, met=met, unclear=unclear, flags=flags, answers=given)
        ),
        could_be=band_result(could_be, could_be.could_be or "") if unclear else None,
        clusters=clusters,
        criteria=tuple(criteria),
        adaptations=tuple(
            AppliedAdaptation(id=adaptation.id, message=adaptation.message)
            for adaptation in adaptations
        ),
        flags=flags,
    )
