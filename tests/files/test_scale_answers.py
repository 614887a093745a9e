"""Answers to a bank with scale questions (tests/data/scales.yaml): by code in answers
files, a wrong code named with the ones allowed, and a JSON record that replays the same."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.errors import DataError
from screener.files.answers import load_answers, load_replay
from screener.files.bank import load_bank
from screener.files.wording import load_strings
from screener.models.base import Code
from screener.render import Format, renderer_for
from screener.render.json import render_json
from screener.reports.record import Screening
from screener.rules.result import build_result
from screener.rules.scoring import score
from tests.helpers import DATA, NOWHERE, walked

SCALES = load_bank(DATA / "scales.yaml")


def test_an_answers_file_gives_scale_answers_by_code(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "bank: scales\nanswers:\n"
        "  {used: yes, first: no, second: yes, often: Weekly, mood: no, feel: stop}\n",
        encoding="utf-8",
    )
    answers = load_answers(path, SCALES.bank)
    assert answers["often"] == "weekly" and answers["feel"] == "stop"
    result = score(SCALES.bank, answers)
    assert [flag.id for flag in result.flags] == ["frequent"]


def test_a_wrong_code_names_the_answers_the_question_takes(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "bank: scales\nanswers:\n  used: yes\n  first: no\n  second: yes\n"
        "  often: hourly\n  mood: no\n  feel: not sure\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as raised:
        load_answers(path, SCALES.bank)
    assert [str(problem) for problem in raised.value.problems] == [
        f"{path}:6:3: answers.often: 'hourly' is not an answer to 'often'; use one of: never, "
        "monthly, weekly, daily, unsure",
        f"{path}:8:3: answers.feel: 'not sure' is not an answer to 'feel'; use one of: "
        "not_worried, cut_down, stop",
    ]


@settings(max_examples=60, deadline=None)
@given(walked(SCALES.bank))
def test_the_json_record_replays_to_the_same_result(answers: dict[str, Code]) -> None:
    scored = score(SCALES.bank, answers)
    record = render_json(build_result(SCALES, scored, NOWHERE))
    assert json.loads(record)["answers"] == scored.answers  # the codes, as given
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "record.json"
        path.write_text(record, encoding="utf-8")
        replayed = load_replay(path, SCALES.bank, intake=False, sha256=SCALES.sha256)
    assert score(SCALES.bank, replayed.answers) == scored


def _answer_words(answers: dict[str, Code]) -> list[tuple[str, str]]:
    """Each answer as a record should word it: the question, then its option's text."""
    strings = load_strings(SCALES.bank.language)
    words = []
    for item in SCALES.bank.items:
        if item.id in answers:
            option = item.option(answers[item.id])
            label = option.text if option else strings.answer_labels.of(answers[item.id])
            words.append((item.text, label))
    return words


@settings(max_examples=60, deadline=None)
@given(
    walked(SCALES.bank),
    st.sampled_from([Format.text, Format.markdown]),
    st.sampled_from(["self", "intake"]),
)
def test_text_and_markdown_records_carry_the_same_answers_as_the_json(
    answers: dict[str, Code], output_format: Format, mode: Literal["self", "intake"]
) -> None:
    """Every answer the JSON record holds is in the text and Markdown records, the person's
    and the counsellor's, in words: a scale answer by its option's text in the bank's
    language, never its code."""
    result = build_result(SCALES, score(SCALES.bank, answers), NOWHERE, mode=mode)
    strings = load_strings(SCALES.bank.language)
    record = renderer_for(output_format).render(Screening(SCALES.bank, strings, NOWHERE, result))
    given_answers = json.loads(render_json(result))["answers"]
    assert given_answers == answers
    lines = [" ".join(line.replace("\\", "").split()) for line in record.splitlines()]
    for question, label in _answer_words(given_answers):
        assert any(question in line and label in line for line in lines), (question, label)
