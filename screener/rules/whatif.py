"""What-if for trainers: flip one answer, score again, and find what changed. Pure: no I/O."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

import msgspec

from screener.models.bank import Bank, Item
from screener.models.base import ANSWERS, NUMBERED, Answer, Code
from screener.models.result import BandResult, ClusterResult, RaisedFlag, Score
from screener.models.wording import AnswerWords
from screener.rules.scoring import asked_items

CYCLE: dict[Answer, Answer] = {"yes": "no", "no": "yes", "unsure": "yes"}
"""Flipping without saying the answer turns yes and no over, and not sure to yes; 'not sure'
is asked for by name ('5 not sure')."""


class Flip(msgspec.Struct, frozen=True):
    """Change the answer to question `number` (counted from 1 in bank order)."""

    number: int
    answer: Code | None = None
    """None: the next answer in CYCLE, or a scale's next option."""


class NotAnAnswer(msgspec.Struct, frozen=True):
    """A scale question given something that is none of its answers: say which it takes."""

    number: int


class ListAnswers(msgspec.Struct, frozen=True):
    pass


class Finish(msgspec.Struct, frozen=True):
    pass


class Reset(msgspec.Struct, frozen=True):
    """Back to the answers the what-if started from (the persona's, or the file's)."""


class ShowSummary(msgspec.Struct, frozen=True):
    """The summary the person would read for the answers as they are now."""


WhatIfCommand = Flip | NotAnAnswer | ListAnswers | Finish | Reset | ShowSummary


def parse_command(
    typed: str,
    answer_words: AnswerWords,
    *,
    list_words: Sequence[str],
    quit_words: Sequence[str],
    reset_words: Sequence[str] = (),
    summary_words: Sequence[str] = (),
    scales: Mapping[int, Item] | None = None,
) -> WhatIfCommand | None:
    """'5' flips question 5 on; '5 yes' (or '5 y', '5 not sure', '5 1') sets it; None if unclear.
    A scale question (`scales`, by number) takes its options as its prompt does: a number in
    the list (not sure after the options, when offered), a key, a code or the words."""
    words = typed.lower().replace(",", " ").split()
    if not words:
        return None
    first, rest = words[0], " ".join(words[1:]).strip(" .!")
    if not rest:
        if first in quit_words:
            return Finish()
        if first in list_words:
            return ListAnswers()
        if first in reset_words:
            return Reset()
        if first in summary_words:
            return ShowSummary()
    first = first.removeprefix("q") if _ascii_digits(first[1:]) else first  # Q5 as listed, or 5
    if not _ascii_digits(first):  # "²" passes isdigit() and then int() raises
        return None
    if not rest:
        return Flip(int(first))
    scale = (scales or {}).get(int(first))
    if scale is not None:
        code = scale_answer(scale, rest, answer_words)
        return Flip(int(first), code) if code is not None else NotAnAnswer(int(first))
    if rest in NUMBERED:
        return Flip(int(first), NUMBERED[rest])
    for answer in ANSWERS:
        if rest in getattr(answer_words, answer):
            return Flip(int(first), answer)
    return None


def scale_answer(item: Item, typed: str, answer_words: AnswerWords) -> Code | None:
    """The code a trainer means for a scale question: 1..n for its options and n+1 for not
    sure (when offered), its key, its code or its words; else None."""
    typed = " ".join(typed.lower().split())
    codes = item.codes
    if _ascii_digits(typed) and 1 <= int(typed) <= len(codes):
        return codes[int(typed) - 1]
    for option in item.options:
        if typed in (option.key, option.code, " ".join(option.text.lower().split())):
            return option.code
    if "unsure" in codes and typed in (*answer_words.unsure, "unsure"):
        return "unsure"
    return None


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def next_answer(current: Code | None, item: Item | None = None) -> Code:
    """Yes and no turn over; a scale steps to its next option, after the last (or not sure)
    back to the first."""
    if item is not None and item.options:
        codes = [option.code for option in item.options]
        if current in codes:
            return codes[(codes.index(current) + 1) % len(codes)]
        return codes[0]
    for answer, following in CYCLE.items():
        if current == answer:
            return following
    return "yes"


class Refusal(enum.Enum):
    NO_SUCH_QUESTION = "no_such_question"
    NOT_ASKED = "not_asked"
    NOT_AN_ANSWER = "not_an_answer"


class Flipped(msgspec.Struct, frozen=True):
    item: Item
    number: int
    before: Code | None
    after: Code
    answers: dict[str, Code]
    """Every answer given so far, including those the new answer skips: flipping back restores."""


class Refused(msgspec.Struct, frozen=True):
    reason: Refusal
    number: int
    item: Item | None = None


def apply_flip(bank: Bank, answers: Mapping[str, Code], flip: Flip) -> Flipped | Refused:
    """The answers with one changed, or why not: no such question, or skipped by the others."""
    if not 1 <= flip.number <= len(bank.items):
        return Refused(Refusal.NO_SUCH_QUESTION, flip.number)
    item = bank.items[flip.number - 1]
    if item not in asked_items(bank, answers):
        return Refused(Refusal.NOT_ASKED, flip.number, item)
    before = answers.get(item.id)
    after = flip.answer or next_answer(before, item)
    if after not in item.codes:
        return Refused(Refusal.NOT_AN_ANSWER, flip.number, item)
    return Flipped(item, flip.number, before, after, {**answers, item.id: after})


class Changes(msgspec.Struct, frozen=True):
    """What differs between two scores of the same bank; empty when nothing a trainer sees did."""

    criteria_met: tuple[int, int] | None = None
    criteria_applicable: tuple[int, int] | None = None
    band: tuple[BandResult | None, BandResult | None] | None = None
    """None inside the pair: no band, because the gate closed."""
    clusters: tuple[tuple[ClusterResult, ClusterResult], ...] = ()
    flags_raised: tuple[RaisedFlag, ...] = ()
    flags_cleared: tuple[RaisedFlag, ...] = ()
    gate_closed: tuple[bool, bool] | None = None
    adaptations_applied: tuple[str, ...] = ()
    adaptations_lifted: tuple[str, ...] = ()
    unsure: tuple[int, int] | None = None
    band_words: str | None = None
    """The band's message and advice as the person now reads them, when only they changed
    (a path's advice, such as how the person feels about their use)."""

    def __bool__(self) -> bool:
        return self != Changes()

    @property
    def cluster_ids(self) -> frozenset[str]:
        return frozenset(after.id for _, after in self.clusters)


def diff(before: Score, after: Score) -> Changes:
    def pair(old: int, new: int) -> tuple[int, int] | None:
        return (old, new) if old != new else None

    earlier = {cluster.id: cluster for cluster in before.clusters}
    old_flags = {flag.id for flag in before.flags}
    new_flags = {flag.id for flag in after.flags}
    old_adaptations = [adaptation.id for adaptation in before.adaptations]
    new_adaptations = [adaptation.id for adaptation in after.adaptations]
    return Changes(
        criteria_met=pair(before.criteria_met, after.criteria_met),
        criteria_applicable=pair(before.criteria_applicable, after.criteria_applicable),
        band=(before.band, after.band) if _band_id(before) != _band_id(after) else None,
        clusters=tuple(
            (earlier[cluster.id], cluster)
            for cluster in after.clusters
            if _tally(earlier[cluster.id]) != _tally(cluster)
        ),
        flags_raised=tuple(flag for flag in after.flags if flag.id not in old_flags),
        flags_cleared=tuple(flag for flag in before.flags if flag.id not in new_flags),
        gate_closed=(
            (before.gate_closed, after.gate_closed)
            if before.gate_closed != after.gate_closed
            else None
        ),
        adaptations_applied=tuple(a for a in new_adaptations if a not in old_adaptations),
        adaptations_lifted=tuple(a for a in old_adaptations if a not in new_adaptations),
        unsure=pair(len(before.unsure), len(after.unsure)),
        band_words=after.band.message
        if before.band
        and after.band
        and before.band.id == after.band.id
        and before.band.message != after.band.message
        else None,
    )


def _tally(cluster: ClusterResult) -> tuple[int, int, int]:
    return cluster.met, cluster.of, cluster.unsure


def counted_sizes(bank: Bank, score: Score) -> dict[str, int]:
    """Per cluster, how many criteria can count with these answers (all asked or still to ask).

    A running tally shows 'met of' these: the gate and the adaptations that apply are known
    before the criteria are asked, so the sizes are right from the first criterion on.
    """
    excluded = {
        item_id
        for adaptation in bank.scoring.adaptations
        if adaptation.id in {applied.id for applied in score.adaptations}
        for item_id in adaptation.not_counted
    }
    return {
        cluster.id: 0
        if score.gate_closed
        else sum(
            1
            for item in bank.items
            if item.cluster == cluster.id and item.kind == "criterion" and item.id not in excluded
        )
        for cluster in bank.clusters
    }


def _band_id(score: Score) -> str | None:
    return score.band.id if score.band else None
