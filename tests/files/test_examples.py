"""Worked examples: the shipped personas cover what trainers need, and validate catches any
example whose answers are incomplete or whose declared result differs from its score."""

from __future__ import annotations

from pathlib import Path

import pytest

from screener.commands.banks import validate_files
from screener.errors import DataError
from screener.files.examples import find_example, load_checked_bank
from screener.models.bank import LoadedBank
from screener.rules.scoring import score
from tests.helpers import DATA, RILEY, bank_with_example


def test_a_correct_example_passes(tmp_path: Path) -> None:
    path = bank_with_example(tmp_path)
    assert validate_files([path]) == (
        [f"{path}: ok, bank mini 1.0.0 (en), 4 items, 1 examples scored"],
        True,
    )


# Each case changes Riley's text once, and must give exactly this line after the file name.
# Lines count minimal.yaml's 58 lines, then the example's.
WRONG = {
    "band": (
        "band: some",
        "band: none",
        ":65:7: examples[0].expect.band: Riley: expected band 'none', but the answers give "
        "'some' (1 of 2 criteria met)",
    ),
    "flags": (
        "flags: []",
        "flags: [crisis]",
        ":66:7: examples[0].expect.flags: Riley: expected flags [crisis], but the answers raise []",
    ),
    "criteria_met": (
        "flags: []",
        "flags: []\n      criteria_met: 2",
        ":67:7: examples[0].expect.criteria_met: Riley: expected 2 criteria met, but the "
        "answers give 1",
    ),
    "criteria_applicable": (
        "flags: []",
        "flags: []\n      criteria_applicable: 0",
        ":67:7: examples[0].expect.criteria_applicable: Riley: expected 0 criteria applicable, "
        "but the answers give 2",
    ),
    "gate_closed": (
        "flags: []",
        "flags: []\n      gate_closed: true",
        ":67:7: examples[0].expect.gate_closed: Riley: expected the gate closed, but the "
        "answers leave it open",
    ),
    "unsure": (
        "flags: []",
        "flags: []\n      unsure: [second]",
        ":67:7: examples[0].expect.unsure: Riley: expected not sure on [second], but the "
        "answers have []",
    ),
    "adaptations": (
        "flags: []",
        "flags: []\n      adaptations: []",
        None,  # minimal.yaml has no adaptations: [] is right
    ),
    "unknown band": (
        "band: some",
        "band: sme",
        ":65:7: examples[0].expect.band: Riley: no band 'sme'; did you mean 'some'?",
    ),
    "unknown flag": (
        "flags: []",
        "flags: [crisys]",
        ":66:15: examples[0].expect.flags[0]: Riley: no flag 'crisys'; did you mean 'crisis'?",
    ),
    "unknown item": (
        'mood: "no"',
        'mod: "no"',
        ":63:56: examples[0].answers.mod: Riley: no question 'mod' in bank 'mini'; did you "
        "mean 'mood'?",
    ),
    "missing answer": (
        ', mood: "no"',
        "",
        ":63:5: examples[0].answers: Riley: no answer for: mood",
    ),
    "answers a skipped question": (
        'used: "yes", first: "yes", second: "no"',
        'used: "no", first: "yes"',
        ":63:27: examples[0].answers.first: Riley: this question is skipped by the earlier "
        "answers; remove it",
    ),
    "not an answer": (
        'first: "yes"',
        'first: "maybe"',
        ":63:28: examples[0].answers.first: 'maybe' is not allowed here; expected one of: "
        "yes, no, unsure",
    ),
    "bare yes": (
        'first: "yes"',
        "first: yes",
        ":63:28: examples[0].answers.first: expected text, got true or false; YAML reads a "
        'bare yes as true/false, so write "yes"',
    ),
}


@pytest.mark.parametrize("case", sorted(WRONG))
def test_a_wrong_example_fails_validate_with_its_name_and_line(tmp_path: Path, case: str) -> None:
    old, new, expected = WRONG[case]
    path = bank_with_example(tmp_path, old, new)
    lines, ok = validate_files([path])
    if expected is None:
        assert ok, lines
    else:
        assert (lines, ok) == ([f"{path}{expected}"], False)


def test_two_examples_with_one_id(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    second = RILEY.replace("examples:\n", "").replace("name: Riley", "name: Robin")
    path.write_text((DATA / "minimal.yaml").read_text() + RILEY + second)
    lines, ok = validate_files([path])
    assert not ok
    assert lines == [
        f"{path}:67:5: examples[1].id: Robin: id 'riley' is used twice (also examples[0])"
    ]


# --- the shipped personas -----------------------------------------------------------------


def test_the_personas_cover_what_a_trainer_needs(ketamine: LoadedBank) -> None:
    bank = ketamine.bank
    assert len(bank.examples) >= 5
    results = {example.id: score(bank, example.answers) for example in bank.examples}
    bands = {result.band.id if result.band else None for result in results.values()}
    assert bands == {"none", "mild", "moderate", "severe", None}, "every band, and a closed gate"
    assert any(result.could_be for result in results.values()), "not sure could change the band"
    assert any(result.adaptations for result in results.values()), "prescribed use"
    assert any(result.unsure for result in results.values()), "not sure answers"
    assert any(result.gate_closed for result in results.values()), "no use in 12 months"
    levels = {flag.level for result in results.values() for flag in result.flags}
    assert {"urgent", "crisis"} <= levels


def test_every_flag_is_raised_by_some_persona(ketamine: LoadedBank) -> None:
    """Each flag, new questions' flags included, has a worked example a trainer can play."""
    bank = ketamine.bank
    raised = {flag.id for example in bank.examples for flag in score(bank, example.answers).flags}
    assert {flag.id for flag in bank.flags} - raised == set()


def test_every_persona_scores_as_it_declares(ketamine: LoadedBank) -> None:
    from screener.files.examples import compare

    for example in ketamine.bank.examples:
        assert compare(example, score(ketamine.bank, example.answers)) == []


def test_every_item_has_a_why(ketamine: LoadedBank) -> None:
    assert [item.id for item in ketamine.bank.items if not item.why] == []


def test_trainer_text_is_person_first(ketamine: LoadedBank) -> None:
    words = [item.why or "" for item in ketamine.bank.items]
    words += [f"{e.name} {e.story} {e.teaches}" for e in ketamine.bank.examples]
    text = " ".join(words).lower()
    for word in ("addict", "abuser", "junkie", "clean", "dirty", "user "):
        assert word not in text, word


# check_shapes.yaml (84 lines) plus one example that fills in every expectation: Sam's answers
# are prescribed (so the second criterion is not counted), two yes, two not sure.
SAM = """examples:
  - id: sam
    name: Sam
    story: Sam answers yes to two criteria and is not sure about two things.
    answers: {prescribed: "yes", second: "yes", first: "yes", third: "unsure", mood: "unsure"}
    expect:
      band: some
      flags: [worry, crisis_maybe]
      criteria_met: 1
      criteria_applicable: 2
      gate_closed: false
      adaptations: [prescribed_second]
      unsure: [mood, third]
"""


def shapes_with_example(tmp_path: Path, old: str = "", new: str = "") -> Path:
    assert old in SAM
    path = tmp_path / "shapes.yaml"
    path.write_text((DATA / "check_shapes.yaml").read_text() + SAM.replace(old, new, 1))
    return path


def test_an_example_with_every_expectation_passes(tmp_path: Path) -> None:
    path = shapes_with_example(tmp_path)
    assert validate_files([path]) == (
        [f"{path}: ok, bank shapes 1.0.0 (en), 5 items, 1 examples scored"],
        True,
    )
    loaded = load_checked_bank(path)
    assert find_example(loaded.bank, "sam") == loaded.bank.examples[0]
    assert (loaded.file, load_checked_bank(path, "Sam's bank").file) == (str(path), "Sam's bank")
    assert find_example(loaded.bank, "riley") is None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "adaptations: [prescribed_second]",
            "adaptations: []",
            ":97:7: examples[0].expect.adaptations: Sam: expected adaptations [], but the "
            "answers apply [prescribed_second]",
        ),
        (
            "adaptations: [prescribed_second]",
            "adaptations: [prescribed_secnd]",
            ":97:21: examples[0].expect.adaptations[0]: Sam: no adaptation 'prescribed_secnd'; "
            "did you mean 'prescribed_second'?",
        ),
        (
            "unsure: [mood, third]",
            "unsure: [mood, zzz]",
            ":98:22: examples[0].expect.unsure[1]: Sam: no item 'zzz' (prescribed, second, "
            "first, third, mood)",
        ),
        (
            "flags: [worry, crisis_maybe]",
            "flags: [worry]",
            ":93:7: examples[0].expect.flags: Sam: expected flags [worry], but the answers raise "
            "[crisis_maybe, worry]",
        ),
        (
            "gate_closed: false",
            "gate_closed: true",
            ":96:7: examples[0].expect.gate_closed: Sam: expected the gate closed, but the "
            "answers leave it open",
        ),
    ],
)
def test_a_wrong_expectation_on_the_shapes_bank(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    path = shapes_with_example(tmp_path, old, new)
    assert validate_files([path]) == ([f"{path}{expected}"], False)
    with pytest.raises(DataError) as caught:
        load_checked_bank(path)
    assert [str(problem) for problem in caught.value.problems] == [f"{path}{expected}"]


def test_an_unknown_adaptation_in_a_bank_without_any(tmp_path: Path) -> None:
    path = bank_with_example(tmp_path, "flags: []", "flags: []\n      adaptations: [prescribed]")
    assert validate_files([path]) == (
        [f"{path}:67:21: examples[0].expect.adaptations[0]: Riley: no adaptation 'prescribed'"],
        False,
    )


def test_a_gate_expected_open_but_closed(tmp_path: Path) -> None:
    path = bank_with_example(
        tmp_path,
        'used: "yes", first: "yes", second: "no", mood: "no"}\n    expect:\n      band: some',
        'used: "no", mood: "no"}\n    expect:\n      band: none\n      gate_closed: false',
    )
    assert validate_files([path]) == (
        [
            f"{path}:65:7: examples[0].expect.band: Riley: expected band 'none', but the answers "
            "give null (criteria not assessed) (0 of 2 criteria met)",
            f"{path}:66:7: examples[0].expect.gate_closed: Riley: expected the gate open, but "
            "the answers leave it closed",
        ],
        False,
    )


def test_every_wrong_example_is_reported_not_only_the_first(tmp_path: Path) -> None:
    """A wrong result, then a wrong answer, then a wrong result again: three problems."""
    robin = RILEY.replace("examples:\n", "").replace("id: riley", "id: robin")
    robin = robin.replace("name: Riley", "name: Robin").replace('mood: "no"', 'mod: "no"')
    sasha = RILEY.replace("examples:\n", "").replace("id: riley", "id: sasha")
    sasha = sasha.replace("name: Riley", "name: Sasha").replace("band: some", "band: none")
    riley = RILEY.replace("band: some", "band: none")
    path = tmp_path / "bank.yaml"
    path.write_text((DATA / "minimal.yaml").read_text() + riley + robin + sasha)
    lines, ok = validate_files([path])
    assert not ok
    assert [line.removeprefix(str(path)) for line in lines] == [
        ":65:7: examples[0].expect.band: Riley: expected band 'none', but the answers give "
        "'some' (1 of 2 criteria met)",
        ":70:56: examples[1].answers.mod: Robin: no question 'mod' in bank 'mini'; did you "
        "mean 'mood'?",
        ":79:7: examples[2].expect.band: Sasha: expected band 'none', but the answers give "
        "'some' (1 of 2 criteria met)",
    ]
