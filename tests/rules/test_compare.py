"""compare(): a record against itself changes nothing; A against B names what B against A does."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from hypothesis import given
from hypothesis import strategies as st

from screener.models.bank import LoadedBank
from screener.models.base import ANSWERS, Code
from screener.models.comparison import AnswerChange
from screener.rules.compare import Scored, compare
from screener.rules.scoring import effective_answers, score
from tests.helpers import CRITERION_IDS, HEALTH_IDS, full_answers

ITEMS = ["used_past_year", "prescribed_only", *CRITERION_IDS, *HEALTH_IDS]
answer_sets = st.fixed_dictionaries({item: st.sampled_from(ANSWERS) for item in ITEMS})
dates = st.none() | st.datetimes(
    min_value=datetime.datetime(2020, 1, 1), max_value=datetime.datetime(2030, 1, 1)
).map(lambda moment: moment.replace(tzinfo=datetime.timezone.utc))


def scored(ketamine: LoadedBank, answers: Mapping[str, Code], when: object = None) -> Scored:
    bank = ketamine.bank
    assert when is None or isinstance(when, datetime.datetime)
    asked = effective_answers(bank, answers)
    return Scored("a.json", score(bank, asked), "en", "intake", when)


def named(changes: tuple[AnswerChange, ...]) -> set[tuple[str, str | None, str | None]]:
    return {(change.item, change.then, change.now) for change in changes}


def swapped(changes: tuple[AnswerChange, ...]) -> set[tuple[str, str | None, str | None]]:
    return {(item, now, then) for item, then, now in named(changes)}


@given(answers=answer_sets, when=dates)
def test_a_record_against_itself_changes_nothing(
    ketamine: LoadedBank, answers: Mapping[str, Code], when: object
) -> None:
    record = scored(ketamine, answers, when)
    comparison = compare(ketamine.bank, record, record)
    assert not comparison.changed
    assert comparison.criteria == comparison.other_answers == ()
    assert comparison.flags_raised == comparison.flags_cleared == ()
    assert comparison.flags_kept == comparison.then.flags
    assert comparison.then == comparison.now
    assert comparison.days_between in (None, 0)


@given(first=answer_sets, second=answer_sets, then=dates, now=dates)
def test_a_against_b_names_the_changes_b_against_a_does(
    ketamine: LoadedBank,
    first: Mapping[str, Code],
    second: Mapping[str, Code],
    then: object,
    now: object,
) -> None:
    a, b = scored(ketamine, first, then), scored(ketamine, second, now)
    forward, backward = compare(ketamine.bank, a, b), compare(ketamine.bank, b, a)
    assert named(forward.criteria) == swapped(backward.criteria)
    assert named(forward.other_answers) == swapped(backward.other_answers)
    assert set(forward.flags_raised) == set(backward.flags_cleared)
    assert set(forward.flags_cleared) == set(backward.flags_raised)
    assert set(forward.flags_kept) == set(backward.flags_kept)
    assert forward.changed == backward.changed
    assert (forward.then, forward.now) == (backward.now, backward.then)
    if forward.days_between is not None:
        assert forward.days_between == -(backward.days_between or 0)
    # A change of answers is named whenever the answers differ, and only then.
    asked = effective_answers(ketamine.bank, first), effective_answers(ketamine.bank, second)
    assert forward.changed == (asked[0] != asked[1])


def test_a_criterion_no_longer_counted_is_named_though_its_answer_stayed(
    ketamine: LoadedBank,
) -> None:
    """Prescribed use stops tolerance counting: the same 'yes' is a change in what counted."""
    answers = full_answers({"tolerance": "yes"})
    prescribed = full_answers({"tolerance": "yes"}, prescribed="yes")
    comparison = compare(ketamine.bank, scored(ketamine, answers), scored(ketamine, prescribed))
    changes = {change.item: change for change in comparison.criteria}
    assert changes["tolerance"].then == changes["tolerance"].now == "yes"
    assert (changes["tolerance"].counted_then, changes["tolerance"].counted_now) == (True, False)
    others = {change.item: (change.then, change.now) for change in comparison.other_answers}
    assert others["prescribed_only"] == ("no", "yes")
    assert others["injecting"] == ("no", None)  # not asked on the prescribed path


def test_days_are_calendar_days_where_each_was_recorded(ketamine: LoadedBank) -> None:
    late = datetime.datetime(2026, 11, 21, 23, 30, tzinfo=datetime.timezone.utc)
    early = datetime.datetime(2026, 11, 22, 0, 30, tzinfo=datetime.timezone.utc)
    answers = full_answers({})
    comparison = compare(
        ketamine.bank, scored(ketamine, answers, late), scored(ketamine, answers, early)
    )
    assert comparison.days_between == 1
