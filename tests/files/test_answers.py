"""Answers files: YAML or JSON, bare yes/no as meant, and a clear located error otherwise."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from screener.errors import DataError
from screener.files.answers import load_answers
from screener.models.bank import LoadedBank
from tests.helpers import CLOSED_GATE_HEALTH_IDS, GOOD


def write(tmp_path: Path, text: str, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bare_yes_and_no_mean_what_the_person_meant(tmp_path: Path, ketamine: LoadedBank) -> None:
    answers = load_answers(write(tmp_path, GOOD), ketamine.bank)
    assert answers["used_past_year"] == "yes"
    assert answers["tolerance"] == "no"


def test_json_works_too(tmp_path: Path, ketamine: LoadedBank) -> None:
    given = {"used_past_year": "no"}
    given |= dict.fromkeys(CLOSED_GATE_HEALTH_IDS, "unsure")
    data = {"bank": "ketamine", "answers": given}
    path = write(tmp_path, json.dumps(data), "answers.json")
    assert load_answers(path, ketamine.bank)["memory"] == "unsure"


def test_not_sure_is_accepted_as_words(tmp_path: Path, ketamine: LoadedBank) -> None:
    path = write(tmp_path, GOOD.replace("  craving: no", "  craving: not sure"))
    assert load_answers(path, ketamine.bank)["craving"] == "unsure"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("  craving: no", "  craving: maybe"),
            ":8:3: answers.craving: 'maybe' is not an answer; use yes, no or unsure",
        ),
        (
            ("  craving: no", "  cravings: no"),
            ":8:3: answers.cravings: no question 'cravings' in bank 'ketamine'; did you mean 'craving'?",
        ),
        (("  craving: no\n", ""), ":2:1: answers: no answer for: craving"),
        (
            ("bank: ketamine", "bank: alcohol"),
            ":1:1: bank: these answers are for bank 'alcohol', not 'ketamine'",
        ),
        (("bank: ketamine\n", ""), ":1:1: missing required key 'bank' (this bank is 'ketamine')"),
        (
            ("bank: ketamine", "bank: ketamine\nmood: fine"),
            ":2:1: mood: unknown key 'mood' (the keys are bank and answers)",
        ),
        (
            ("used_past_year: yes", "used_past_year: no"),
            ":4:3: answers.prescribed_only: this question is skipped by the earlier answers; remove it",
        ),
    ],
)
def test_bad_answers_files(
    tmp_path: Path, ketamine: LoadedBank, edit: tuple[str, str], message: str
) -> None:
    old, new = edit
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(DataError) as caught:
        load_answers(path, ketamine.bank)
    assert str(caught.value.problems[0]) == f"{path}{message}"


def test_a_saved_json_record_can_be_replayed(tmp_path: Path, ketamine: LoadedBank) -> None:
    from screener.render.json import render_json
    from screener.rules.result import build_result
    from screener.rules.scoring import score

    original = load_answers(
        write(tmp_path, GOOD.replace("craving: no", "craving: yes")), ketamine.bank
    )
    from screener.models.contacts import Region

    region = Region(id="x", name="X", contacts=())
    record = render_json(build_result(ketamine, score(ketamine.bank, original), region))
    replayed = load_answers(write(tmp_path, record, "record.json"), ketamine.bank)
    assert replayed == original


def test_answers_must_be_a_mapping(tmp_path: Path, ketamine: LoadedBank) -> None:
    path = write(tmp_path, "bank: ketamine\nanswers: [yes, no]\n")
    with pytest.raises(DataError) as caught:
        load_answers(path, ketamine.bank)
    assert str(caught.value) == f"{path}:2:1: answers: expected a mapping of question id to answer"


def test_an_answers_file_that_is_a_list(tmp_path: Path, ketamine: LoadedBank) -> None:
    path = write(tmp_path, "- yes\n- no\n")
    with pytest.raises(DataError, match="is a mapping with 'bank' and 'answers'"):
        load_answers(path, ketamine.bank)


def test_the_benchmarks_answers_file_fits_the_bundled_bank(ketamine: LoadedBank) -> None:
    """A new question makes old answers files incomplete: the benchmark's must keep up."""
    path = Path(__file__).parents[2] / "benchmarks" / "answers.yaml"
    assert load_answers(path, ketamine.bank)["used_past_year"] == "yes"


def test_files_are_read_as_bytes_where_the_system_has_a_text_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows os.open reads CRLF as LF and stops at a Ctrl-Z byte unless given O_BINARY."""
    from screener.files import documents

    windows_binary = 0x8000  # O_BINARY's value on Windows
    monkeypatch.setattr(os, "O_BINARY", windows_binary, raising=False)
    real_open = os.open
    flags_used: list[int] = []

    def open_and_note(path: Path, flags: int, *arguments: int) -> int:
        flags_used.append(flags)
        return real_open(path, flags & ~windows_binary, *arguments)

    monkeypatch.setattr(os, "open", open_and_note)
    path = tmp_path / "answers.yaml"
    path.write_bytes(b"a: 1\r\n\x1a")
    assert documents.read_bytes(path) == b"a: 1\r\n\x1a"
    assert flags_used == [os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | windows_binary]


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("on", "'on' is not an answer; YAML reads a bare on as true, so write \"yes\""),
        ("Off", "'Off' is not an answer; YAML reads a bare Off as false, so write \"no\""),
        ("ON", "'ON' is not an answer; YAML reads a bare ON as true, so write \"yes\""),
    ],
)
def test_on_and_off_are_not_answers(
    tmp_path: Path, ketamine: LoadedBank, typed: str, told: str
) -> None:
    """YAML 1.1 reads on and off as booleans; only yes, no, true and false mean an answer."""
    text = GOOD.replace("used_past_year: yes", f"used_past_year: {typed}")
    with pytest.raises(DataError) as raised:
        load_answers(write(tmp_path, text), ketamine.bank)
    assert told in str(raised.value)


@pytest.mark.parametrize("typed", ["True", "true", "YES", "Yes"])
def test_true_and_yes_still_mean_yes(tmp_path: Path, ketamine: LoadedBank, typed: str) -> None:
    text = GOOD.replace("used_past_year: yes", f"used_past_year: {typed}")
    assert load_answers(write(tmp_path, text), ketamine.bank)["used_past_year"] == "yes"


def test_a_client_reference_yaml_reads_as_a_number_gets_a_hint(
    tmp_path: Path, ketamine: LoadedBank
) -> None:
    from screener.files.answers import load_replay

    text = GOOD.replace("answers:", "client: 0142\nanswers:", 1)
    with pytest.raises(DataError) as raised:
        load_replay(write(tmp_path, text), ketamine.bank, intake=True)
    assert 'YAML reads a bare 0142 as a number, so write "0142"' in str(raised.value)


def saved_record(tmp_path: Path, ketamine: LoadedBank, **bank_changes: str) -> Path:
    """A JSON record as screener writes it, its bank reference changed as given."""
    from screener.render.json import render_json
    from screener.rules.contacts import choose_region
    from screener.rules.result import build_result
    from screener.rules.scoring import score

    answers = load_answers(write(tmp_path, GOOD), ketamine.bank)
    from screener.files import bundled
    from screener.files.contacts import load_contacts

    region = choose_region(load_contacts(bundled.contacts_file()), "uk", {})
    result = build_result(ketamine, score(ketamine.bank, answers), region)
    data = json.loads(render_json(result))
    data["bank"] |= bank_changes
    return write(tmp_path, json.dumps(data), "record.json")


@pytest.mark.parametrize(
    "changes", [{"version": "0.9.0"}, {"sha256": "0" * 64}, {"language": "es"}], ids=str
)
def test_a_record_from_another_bank_is_refused_without_rescore(
    tmp_path: Path, ketamine: LoadedBank, changes: dict[str, str]
) -> None:
    record = saved_record(tmp_path, ketamine, **changes)
    today = ketamine.reference()
    with pytest.raises(DataError, match="Add --rescore to score its answers under this bank"):
        load_answers(record, ketamine.bank, today=today)
    rescored = load_answers(record, ketamine.bank, today=today, rescore=True)
    assert rescored["used_past_year"] == "yes"


def test_a_record_from_this_very_bank_replays(tmp_path: Path, ketamine: LoadedBank) -> None:
    record = saved_record(tmp_path, ketamine)
    today = ketamine.reference()
    assert load_answers(record, ketamine.bank, today=today)["used_past_year"] == "yes"
