"""Answers files: YAML or JSON, bare yes/no as meant, and a clear located error otherwise."""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from screener.errors import DataError
from screener.files.answers import load_answers, load_replay
from screener.models.bank import Bank, LoadedBank
from screener.models.base import Answer, Code
from screener.models.contacts import Region
from tests.helpers import CLOSED_GATE_HEALTH_IDS, CRITERION_IDS, GOOD, OPEN_GATE_ONLY

Loader = Callable[..., dict[str, Answer]]
CRITERION_SKIPPED = {"prescribed_only", *OPEN_GATE_ONLY, *CRITERION_IDS}


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
            ":9:3: answers.craving: 'maybe' is not an answer; use yes, no or unsure",
        ),
        (
            ("  craving: no", "  cravings: no"),
            ":9:3: answers.cravings: no question 'cravings' in bank 'ketamine'; did you mean 'craving'?",
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
    with pytest.raises(DataError) as caught:
        load_answers(path, ketamine.bank)
    assert str(caught.value) == (
        f"{path}: an answers file is a mapping with 'bank' and 'answers', not a list"
    )


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


def problems_of(path: Path, ketamine: LoadedBank, *, intake: bool = False) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_replay(path, ketamine.bank, intake=intake)
    return [str(problem) for problem in caught.value.problems]


def test_every_bad_key_is_reported_not_only_the_first(tmp_path: Path, ketamine: LoadedBank) -> None:
    text = GOOD.replace("bank: ketamine", "bank: ketamine\nmood: fine\nclient: K-1\nanswer: x")
    text = text.replace("  craving: no", "  craving: maybe").replace(
        "  cut_down: no", "  cut_dwn: no"
    )
    text = text.replace("  memory: no", "  memory: sometimes")
    path = write(tmp_path, text)
    assert problems_of(path, ketamine) == [
        f"{path}:2:1: mood: unknown key 'mood' (the keys are bank and answers)",
        f"{path}:3:1: client: 'client' belongs to an intake; replay this file with "
        "'screener intake --answers'",
        f"{path}:4:1: answer: unknown key 'answer'; did you mean 'answers'? "
        "(the keys are bank and answers)",
        f"{path}:10:3: answers.cut_dwn: no question 'cut_dwn' in bank 'ketamine'; did you mean 'cut_down'?",
        f"{path}:12:3: answers.craving: 'maybe' is not an answer; use yes, no or unsure",
        f"{path}:25:3: answers.memory: 'sometimes' is not an answer; use yes, no or unsure",
    ]


@pytest.mark.parametrize(
    ("value", "shown"),
    [("", "no answer given"), ("[yes]", "a list is not an answer"), ("3", "'3' is not an answer")],
)
def test_a_wrong_answer_is_described_as_written(
    tmp_path: Path, ketamine: LoadedBank, value: str, shown: str
) -> None:
    path = write(tmp_path, GOOD.replace("  craving: no", f"  craving: {value}"))
    assert problems_of(path, ketamine) == [
        f"{path}:9:3: answers.craving: {shown}; use yes, no or unsure"
    ]


def test_answers_are_read_whatever_their_case_and_spacing(
    tmp_path: Path, ketamine: LoadedBank
) -> None:
    text = GOOD.replace("craving: no", "craving: ' Yes '").replace("duties: no", "duties: NOT SURE")
    text = text.replace("tolerance: no", "tolerance: Unsure")
    answers = load_answers(write(tmp_path, text), ketamine.bank)
    assert (answers["craving"], answers["duties"], answers["tolerance"]) == (
        "yes",
        "unsure",
        "unsure",
    )


def test_the_bank_may_be_named_as_a_mapping(tmp_path: Path, ketamine: LoadedBank) -> None:
    path = write(tmp_path, GOOD.replace("bank: ketamine", "bank: {id: ketamine, version: 1.0.0}"))
    assert load_answers(path, ketamine.bank) == load_answers(
        write(tmp_path, GOOD, "a.yaml"), ketamine.bank
    )


def test_empty_or_missing_answers(tmp_path: Path, ketamine: LoadedBank) -> None:
    empty = write(tmp_path, "bank: ketamine\nanswers:\n", "empty.yaml")
    assert problems_of(empty, ketamine) == [
        f"{empty}:2:1: answers: is empty; answer every question"
    ]
    missing = write(tmp_path, "bank: ketamine\n", "missing.yaml")
    assert problems_of(missing, ketamine) == [f"{missing}:1:1: missing required key 'answers'"]


@pytest.mark.parametrize(
    ("dropped", "listed"),
    [
        (["craving", "duties", "memory"], "craving, duties, memory"),
        (["craving", "duties", "memory", "low_mood"], "craving, duties, low_mood and 1 more"),
    ],
)
def test_three_missing_answers_are_named_and_a_fourth_counted(
    tmp_path: Path, ketamine: LoadedBank, dropped: list[str], listed: str
) -> None:
    text = "".join(
        line for line in GOOD.splitlines(keepends=True) if line.split(":")[0].strip() not in dropped
    )
    path = write(tmp_path, text)
    assert problems_of(path, ketamine) == [f"{path}:2:1: answers: no answer for: {listed}"]


def test_many_missing_answers_are_counted_after_the_first_three(
    tmp_path: Path, ketamine: LoadedBank
) -> None:
    path = write(tmp_path, "bank: ketamine\nanswers:\n  used_past_year: no\n  memory: no\n")
    assert problems_of(path, ketamine) == [
        f"{path}:2:1: answers: no answer for: bladder_symptoms, blood_in_urine, stomach_pain "
        "and 3 more"
    ]


def saved_record(
    tmp_path: Path, ketamine: LoadedBank, recorded_at: object, **fields: object
) -> Path:
    from screener.render.json import render_json
    from screener.rules.result import build_result
    from screener.rules.scoring import score

    answers = load_answers(write(tmp_path, GOOD), ketamine.bank)
    region = Region(id="x", name="X", contacts=())
    record = json.loads(render_json(build_result(ketamine, score(ketamine.bank, answers), region)))
    record["recorded_at"] = recorded_at
    record.update(fields)
    return write(tmp_path, json.dumps(record), "record.json")


def test_a_replayed_record_keeps_when_it_was_recorded(tmp_path: Path, ketamine: LoadedBank) -> None:
    path = saved_record(tmp_path, ketamine, "2026-11-21T10:15:00+01:00")
    for intake in (False, True):
        replay = load_replay(path, ketamine.bank, intake=intake)
        assert replay.recorded_at == datetime.datetime(
            2026, 11, 21, 10, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
        )
    assert load_replay(write(tmp_path, GOOD), ketamine.bank, intake=False).recorded_at is None


@pytest.mark.parametrize("recorded_at", ["2026-11-21T10:15:00", "yesterday", 20261121])
def test_a_record_with_a_bad_recorded_at_is_refused(
    tmp_path: Path, ketamine: LoadedBank, recorded_at: object
) -> None:
    path = saved_record(tmp_path, ketamine, recorded_at)
    (problem,) = problems_of(path, ketamine)
    assert problem.endswith(
        "recorded_at: expected a date and time with its offset, as screener writes"
    )


def test_an_intake_file_gives_its_client_and_notes(tmp_path: Path, ketamine: LoadedBank) -> None:
    text = GOOD.replace("bank: ketamine", "bank: ketamine\nclient: '  K  0142 '")
    text += "notes:\n  craving: '  most   days '\n  duties: ' '\n"
    replay = load_replay(write(tmp_path, text), ketamine.bank, intake=True)
    assert (replay.client, replay.notes) == ("K 0142", {"craving": "most days"})
    assert replay.answers == load_answers(write(tmp_path, GOOD, "a.yaml"), ketamine.bank)


def test_an_intake_file_with_bad_notes(tmp_path: Path, ketamine: LoadedBank) -> None:
    text = GOOD.replace("used_past_year: yes", "used_past_year: no")
    text = "\n".join(
        line for line in text.splitlines() if line.split(":")[0].strip() not in CRITERION_SKIPPED
    )
    text += f"\nnotes:\n  craving: later\n  memory: '{'x' * 201}'\n  low_mood: [a]\n"
    path = write(tmp_path, text)
    assert problems_of(path, ketamine, intake=True) == [
        f"{path}:12:3: notes.craving: no answer to 'craving' for this note to go with",
        f"{path}:13:3: notes.memory: a note is one line of text, at most 200 characters",
        f"{path}:14:3: notes.low_mood: a note is one line of text, at most 200 characters",
    ]
    listed = write(tmp_path, GOOD + "notes: [a]\n", "listed.yaml")
    assert problems_of(listed, ketamine, intake=True) == [
        f"{listed}:26:1: notes: expected a mapping of question id to note"
    ]


@pytest.mark.parametrize("client", ['"K-0142\\nmore"', "'" + "x" * 41 + "'", "[K-1]"])
def test_an_intake_file_with_a_bad_client(
    tmp_path: Path, ketamine: LoadedBank, client: str
) -> None:
    path = write(tmp_path, GOOD.replace("bank: ketamine", f"bank: ketamine\nclient: {client}"))
    assert problems_of(path, ketamine, intake=True) == [
        f"{path}:2:1: client: a client reference is one line of text, at most 40 characters, "
        "such as K-0142"
    ]


def test_a_plain_answers_file_refuses_intake_keys_and_names_the_file_as_given(
    tmp_path: Path, ketamine: LoadedBank
) -> None:
    path = write(tmp_path, GOOD.replace("bank: ketamine", "bank: ketamine\nclient: K-1"))
    expected = (
        "shown.yaml:2:1: client: 'client' belongs to an intake; replay this file with "
        "'screener intake --answers'"
    )
    with pytest.raises(DataError) as caught:
        load_answers(path, ketamine.bank, "shown.yaml")
    assert str(caught.value) == expected
    with pytest.raises(DataError) as caught:
        load_replay(path, ketamine.bank, intake=False, display="shown.yaml")
    assert str(caught.value) == expected


AT = "2026-11-21T10:15:00+01:00"
ONE_HOUR_EAST = datetime.timezone(datetime.timedelta(hours=1))


@pytest.mark.parametrize(("mode", "kept"), [("self", "self"), ("intake", "intake"), ("x", None)])
def test_a_replayed_record_keeps_its_mode(
    tmp_path: Path, ketamine: LoadedBank, mode: str, kept: str | None
) -> None:
    path = saved_record(tmp_path, ketamine, AT, mode=mode)
    assert load_replay(path, ketamine.bank, intake=False).mode == kept
    assert load_replay(write(tmp_path, GOOD), ketamine.bank, intake=False).mode is None


def test_a_replayed_intake_record_keeps_its_counsellor_start_and_closing_summary(
    tmp_path: Path, ketamine: LoadedBank
) -> None:
    path = saved_record(
        tmp_path,
        ketamine,
        AT,
        mode="intake",
        client="K-7",
        counsellor=" A  B ",
        started_at="2026-11-21T10:05:00+01:00",
        closing_summary="  agreed   a plan ",
        notes={"craving": "most days"},
    )
    replay = load_replay(path, ketamine.bank, intake=True)
    assert replay.answers == load_answers(write(tmp_path, GOOD), ketamine.bank)
    assert replay.notes == {"craving": "most days"}
    assert (replay.client, replay.mode, replay.counsellor) == ("K-7", "intake", "A B")
    assert replay.started_at == datetime.datetime(2026, 11, 21, 10, 5, tzinfo=ONE_HOUR_EAST)
    assert replay.recorded_at == datetime.datetime(2026, 11, 21, 10, 15, tzinfo=ONE_HOUR_EAST)
    assert replay.closing_summary == "agreed a plan"
    bare = load_replay(
        saved_record(tmp_path, ketamine, AT, mode="intake"), ketamine.bank, intake=True
    )
    assert (bare.counsellor, bare.started_at, bare.closing_summary) == (None, None, None)
    blank = saved_record(tmp_path, ketamine, AT, counsellor=" ", closing_summary="")
    assert load_replay(blank, ketamine.bank, intake=True).counsellor is None
    plain = load_replay(write(tmp_path, GOOD), ketamine.bank, intake=True)
    assert (plain.recorded_at, plain.mode, plain.counsellor, plain.started_at) == (None,) * 4


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"counsellor": "x" * 41}, "counsellor: expected one line of at most 40 characters"),
        (
            {"counsellor": "x" * 40, "closing_summary": 7},
            "closing_summary: expected one line of at most 200 characters",
        ),
        (
            {"closing_summary": "x" * 201},
            "closing_summary: expected one line of at most 200 characters",
        ),
        ({"counsellor": "A\u202eB"}, "counsellor: expected one line of at most 40 characters"),
        (
            {"started_at": "10:05"},
            "started_at: expected a date and time with its offset, as screener writes",
        ),
    ],
)
def test_a_replayed_intake_record_with_bad_fields(
    tmp_path: Path, ketamine: LoadedBank, fields: dict[str, object], message: str
) -> None:
    path = saved_record(tmp_path, ketamine, AT, mode="intake", **fields)
    (problem,) = problems_of(path, ketamine, intake=True)
    assert problem.endswith(f": {message}")


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


def saved_bank_record(tmp_path: Path, ketamine: LoadedBank, **bank_changes: str) -> Path:
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


def answers_of_replay(path: Path, bank: Bank, **options: Any) -> dict[str, Code]:
    return load_replay(path, bank, intake=False, **options).answers


# The two ways a file is read (`score --answers` and a replay), each checking the record's bank.
LOADERS = pytest.mark.parametrize(
    "load", [load_answers, answers_of_replay], ids=["answers", "replay"]
)


@LOADERS
@pytest.mark.parametrize(
    "changes", [{"version": "0.9.0"}, {"sha256": "0" * 64}, {"language": "es"}], ids=str
)
def test_a_record_from_another_bank_is_refused_without_rescore(
    tmp_path: Path, ketamine: LoadedBank, changes: dict[str, str], load: Loader
) -> None:
    record = saved_bank_record(tmp_path, ketamine, **changes)
    today = ketamine.reference()
    with pytest.raises(DataError, match="Add --rescore to score its answers under this bank"):
        load(record, ketamine.bank, today=today)
    rescored = load(record, ketamine.bank, today=today, rescore=True)
    assert rescored["used_past_year"] == "yes"


@LOADERS
def test_only_a_saved_record_is_held_to_its_bank_version(
    tmp_path: Path, ketamine: LoadedBank, load: Loader
) -> None:
    """A file a person wrote may name its bank as a mapping; it has no version to hold to."""
    text = GOOD.replace("bank: ketamine", "bank: {id: ketamine, version: 0.9.0, language: es}")
    assert text != GOOD
    answers = load(write(tmp_path, text), ketamine.bank, today=ketamine.reference())
    assert answers["used_past_year"] == "yes"


def test_a_record_from_this_very_bank_replays(tmp_path: Path, ketamine: LoadedBank) -> None:
    record = saved_bank_record(tmp_path, ketamine)
    today = ketamine.reference()
    assert load_answers(record, ketamine.bank, today=today)["used_past_year"] == "yes"


def test_the_refusal_names_both_banks_exactly(tmp_path: Path, ketamine: LoadedBank) -> None:
    """A counsellor reads which bank made the record and which would score it, word for word."""
    record = saved_bank_record(tmp_path, ketamine, version="0.9.0", sha256="ab" * 32)
    today = ketamine.reference()
    with pytest.raises(DataError) as raised:
        load_answers(record, ketamine.bank, today=today)
    assert str(raised.value) == (
        f"{record}:1:31: bank: this record was made with bank ketamine 0.9.0 (en, sha256 "
        f"abababababab); this bank is ketamine {today.version} (en, sha256 "
        f"{today.sha256[:12]}). Add --rescore to score its answers under this bank: the new "
        "record names this bank and keeps the answers' date"
    )


def test_a_record_from_another_bank_id_is_left_to_the_bank_check(
    tmp_path: Path, ketamine: LoadedBank
) -> None:
    """Another bank altogether gets the bank id's own words, not the version refusal."""
    record = saved_bank_record(tmp_path, ketamine, id="other", version="0.9.0")
    with pytest.raises(DataError) as raised:
        load_answers(record, ketamine.bank, today=ketamine.reference())
    assert "--rescore" not in str(raised.value) and "other" in str(raised.value)


@pytest.mark.parametrize(("typed", "shown"), [("142", "142"), ("14.5", "14.5")])
def test_a_number_as_a_client_in_a_json_record_says_so_exactly(
    tmp_path: Path, ketamine: LoadedBank, typed: str, shown: str
) -> None:
    record = saved_bank_record(tmp_path, ketamine)
    data = json.loads(record.read_text(encoding="utf-8"))
    data["client"] = json.loads(typed)
    record.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_replay(record, ketamine.bank, intake=True)
    message = str(raised.value).split(": client: ", 1)[-1]
    assert (
        message
        == f'YAML reads a bare {shown} as a number, so write "{shown}" to keep the reference as typed'
    )
