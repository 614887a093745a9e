"""compare(): what changed between two scored records of the same bank. Pure: no I/O, no UI.

It names changes in the bank's own terms (answers, criteria counted, the band, flags) and
never ranks them: a change of band is a change, not an improvement or a decline.
"""

from __future__ import annotations

import datetime
from typing import Literal

import msgspec

from screener.models.bank import Bank
from screener.models.comparison import AnswerChange, ComparedRecord, Comparison
from screener.models.result import Score
from screener.rules.scoring import effective_answers


class Scored(msgspec.Struct, frozen=True):
    """One record read back: where it came from, who and when, and its answers re-scored."""

    file: str
    score: Score
    language: str
    mode: Literal["self", "intake"] = "self"
    recorded_at: datetime.datetime | None = None
    client: str | None = None
    counsellor: str | None = None


def compare(bank: Bank, then: Scored, now: Scored) -> Comparison:
    """The second record against the first: the answers, criteria, band and flags that differ."""
    before = effective_answers(bank, then.score.answers)
    after = effective_answers(bank, now.score.answers)
    counted_then = {criterion.item for criterion in then.score.criteria if criterion.counted}
    counted_now = {criterion.item for criterion in now.score.criteria if criterion.counted}
    criteria: list[AnswerChange] = []
    others: list[AnswerChange] = []
    for item in bank.items:
        was, is_now = before.get(item.id), after.get(item.id)
        counted = (item.id in counted_then, item.id in counted_now)
        if was == is_now and counted[0] == counted[1]:
            continue
        change = AnswerChange(
            item=item.id,
            criterion=item.criterion,
            then=was,
            now=is_now,
            counted_then=counted[0],
            counted_now=counted[1],
        )
        (criteria if item.criterion is not None else others).append(change)
    flags_then = [flag.id for flag in then.score.flags]
    flags_now = [flag.id for flag in now.score.flags]
    return Comparison(
        bank=bank.id,
        version=bank.version,
        then=_record(then),
        now=_record(now),
        days_between=_days_between(then.recorded_at, now.recorded_at),
        changed=bool(criteria or others),
        criteria=tuple(criteria),
        other_answers=tuple(others),
        flags_raised=tuple(flag for flag in flags_now if flag not in flags_then),
        flags_cleared=tuple(flag for flag in flags_then if flag not in flags_now),
        flags_kept=tuple(flag for flag in flags_now if flag in flags_then),
    )


def _record(scored: Scored) -> ComparedRecord:
    score = scored.score
    return ComparedRecord(
        file=scored.file,
        mode=scored.mode,
        recorded_at=scored.recorded_at.isoformat() if scored.recorded_at else None,
        client=scored.client,
        counsellor=scored.counsellor,
        bank_language=scored.language,
        criteria_met=score.criteria_met,
        criteria_applicable=score.criteria_applicable,
        criteria_total=score.criteria_total,
        gate_closed=score.gate_closed,
        band=score.band.id if score.band else None,
        flags=tuple(flag.id for flag in score.flags),
    )


def _days_between(then: datetime.datetime | None, now: datetime.datetime | None) -> int | None:
    """Calendar days, each date as it was where it was recorded: a visit on Monday and one on
    Tuesday are a day apart whatever the hours, and swapping the two only turns the sign."""
    if then is None or now is None:
        return None
    return (now.date() - then.date()).days
