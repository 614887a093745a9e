"""screener explain: the trainer's view of a bank, as text at 80 columns, Markdown and JSON."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from rich.console import Console
from typer.testing import CliRunner

from screener.files import bundled
from screener.files.bank import load_bank
from screener.files.wording import load_trainer_strings
from screener.models.bank import LoadedBank
from screener.models.wording import UiStrings
from screener.render.explain import print_handout
from screener.reports.explain import Explanation, explain, spans
from screener.reports.handout import handout
from tests.helpers import CRITERION_IDS, DATA, QUESTIONS, bank_with_example

runner = CliRunner()
ENV = {"LANG": "en_GB.UTF-8", "COLUMNS": "80"}
Golden = Callable[[str, str], None]


def invoke(*args: str) -> tuple[int, str, str]:
    from screener.cli import app

    result = runner.invoke(app, list(args), env=ENV)
    return result.exit_code, result.stdout, result.stderr


def numbers(ketamine: LoadedBank) -> dict[str, int]:
    """Each question's number (from 1, in bank order) by its id: a new question moves none."""
    return {item.id: number for number, item in enumerate(ketamine.bank.items, start=1)}


def test_text_when_piped_is_plain_at_80_columns(golden: Golden) -> None:
    code, out, err = invoke("explain")
    assert (code, err) == (0, "")
    assert all(len(line) <= 80 and line == line.rstrip() for line in out.splitlines())
    assert not any(character in out for character in "─│•")
    golden("explain_ketamine.plain.txt", out)


def test_text_on_a_terminal_is_laid_out_at_80_columns(
    ketamine: LoadedBank, strings: UiStrings, golden: Golden
) -> None:
    labels = strings.answer_labels
    output = io.StringIO()
    console = Console(file=output, width=80, color_system=None, markup=False, highlight=False)
    document = handout(
        explain(ketamine),
        load_trainer_strings("en"),
        labels,
        unsure_key=strings.answer_words.unsure[0],
    )
    print_handout(console, document, plain=False)
    text = "\n".join(line.rstrip() for line in output.getvalue().split("\n"))
    assert all(len(line) <= 80 for line in text.splitlines())
    golden("explain_ketamine.txt", text)


def test_every_item_shows_its_number_criterion_cluster_question_and_why(
    ketamine: LoadedBank,
) -> None:
    _, out, _ = invoke("explain")
    flat = " ".join(out.split())
    q = numbers(ketamine)
    for number, item in enumerate(ketamine.bank.items, start=1):
        assert f"Q{number}. " in flat
        assert " ".join(item.text.split()) in flat
        assert " ".join((item.why or "").split()) in flat
        if item.criterion is not None:
            assert f"Q{number}. Criterion {item.criterion}, " in flat
    for band in ("none (0-1)", "mild (2-3)", "moderate (4-5)", "severe (6-10)"):
        assert f"- {band}: " in out
    assert (
        f"Raised when Q{q['self_harm_thoughts']} (self_harm_thoughts) is yes or not sure." in flat
    )
    assert "Shown at once, during the questions, with crisis contacts." in flat
    prescribed, used = q["prescribed_only"], q["used_past_year"]
    assert (
        f"when Q{prescribed} (prescribed_only) is yes, criterion 10 (tolerance) is not counted."
        in flat
    )
    assert f"Gate: when Q{used} (used_past_year) is no, the criteria are skipped" in flat
    after_use = f"Q{prescribed}-Q{q[CRITERION_IDS[-1]]}, Q{q['mixing_sedatives']}"
    assert f"Asked only when Q{used} (used_past_year) is yes or not sure: {after_use}." in flat
    assert "https://www.ncbi.nlm.nih.gov/books/NBK565474/" in flat
    # what "not sure" does is part of each flag's rule, for the trainer too
    assert f"Raised when Q{q['blood_in_urine']} (blood_in_urine) is yes or not sure." in flat


def test_markdown_is_a_handout(ketamine: LoadedBank, golden: Golden) -> None:
    code, out, _ = invoke("explain", "--format", "markdown")
    assert code == 0
    assert out.startswith("# Ketamine use: a private self-check (trainer's guide)\n")
    assert out.count("\n### Q") == QUESTIONS
    golden("explain_ketamine.md", out.replace(ketamine.sha256, "<sha256>"))


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_handout_writes_ids_as_code_without_escapes(
    ketamine: LoadedBank, language: str
) -> None:
    """An id is copied into answers files: `used_past_year`, never used\\_past\\_year."""
    code, out, _ = invoke("explain", "--format", "markdown", "--lang", language)
    assert code == 0
    bank = ketamine.bank
    ids = [item.id for item in bank.items] + [flag.id for flag in bank.flags]
    ids += [adaptation.id for adaptation in bank.scoring.adaptations]
    escaped = [found for found in ids if found.replace("_", "\\_") in out and "_" in found]
    assert escaped == []  # a source's web address may escape "_": Markdown shows it as "_"
    for found in ids:
        if "_" in found:
            assert f"`{found}`" in out, found
    assert "Q1 (`used_past_year`)" in out


@pytest.mark.parametrize("output_format", ["markdown", "text", "json"])
def test_the_handout_is_for_trainers_not_bank_authors(
    ketamine: LoadedBank, output_format: str
) -> None:
    """No drafting notes (a bank author's 'review', files the reader cannot see); each
    question's help as the person reads it; the questions, criteria and clusters in a table."""
    code, out, _ = invoke("explain", "--format", output_format)
    assert code == 0
    for drafting in ("UNVERIFIED", "Unverified", "CONTENT.md", "re-checked"):
        assert drafting not in out
    words = " ".join(out.replace("\\", "").split())
    for item in ketamine.bank.items:
        assert " ".join(item.help.split()) in words
    if output_format == "markdown":
        assert "| Q | Question | Criterion | Cluster | Id |" in out
        gave_up = numbers(ketamine)["gave_up_activities"]
        assert (
            f"| Q{gave_up} | Gave up activities | 7 | social impairment | `gave_up_activities` |"
            in out
        )


def test_json_is_the_explanation_for_other_tools(ketamine: LoadedBank) -> None:
    code, out, _ = invoke("explain", "-f", "json")
    assert code == 0
    decoded = msgspec.json.decode(out, type=Explanation)
    assert decoded == explain(ketamine)
    assert decoded.bank.sha256 == ketamine.sha256
    criteria = {item.criterion: item.cluster_term for item in decoded.items if item.criterion}
    assert criteria == {
        1: "impaired control",
        2: "impaired control",
        3: "impaired control",
        4: "impaired control",
        5: "social impairment",
        6: "social impairment",
        7: "social impairment",
        8: "risky use",
        9: "risky use",
        10: "pharmacological",
    }
    assert [flag.level for flag in decoded.flags][:3] == ["crisis", "urgent", "urgent"]
    assert decoded.adaptations[0].criteria == (10,)
    assert decoded.gate is not None and decoded.gate.closed_when == ("no",)
    assert [example.id for example in decoded.examples] == [
        "sam",
        "priya",
        "jordan",
        "alex",
        "chris",
        "morgan",
        "taylor",
        "dana",
        "robin",
    ]


def test_a_bank_file_can_be_explained() -> None:
    code, out, _ = invoke("explain", str(DATA / "minimal.yaml"))
    assert code == 0
    assert out.startswith("Mini bank (trainer's guide)\n")
    no_why = (
        "Q2. Criterion 1, Control (first)\nFirst?\n"
        "What the person reads on ? (question mark): First help.\n\n"
    )
    assert no_why in out  # no why, no why line
    assert "Worked examples" not in out


def test_a_bank_with_a_wrong_example_is_refused(tmp_path: Path) -> None:
    path = bank_with_example(tmp_path, "band: some", "band: none")
    code, out, err = invoke("explain", str(path))
    assert (code, out) == (1, "")
    assert err == (
        f"Error: {path}:65:7: examples[0].expect.band: Riley: expected band 'none', "
        "but the answers give 'some' (1 of 2 criteria met)\n"
    )


def test_an_unknown_bank_is_a_usage_error() -> None:
    code, _, err = invoke("explain", "nosuch")
    assert code == 2
    assert err == "Error: no bundled bank 'nosuch'; bundled banks: ketamine\n"


def test_spans() -> None:
    assert spans([]) == ""
    assert spans([4]) == "4"
    assert spans([16, 2, 3, 4, 6, 7]) == "2-4, 6-7, 16"
    assert spans([1, 2], "Q") == "Q1-Q2"


def test_a_language_without_trainer_wording_falls_back_to_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from screener.files import bundled
    from screener.files.wording import load_strings

    english = (bundled.data_dir() / "ui.en.yaml").read_text(encoding="utf-8")
    without = english[: english.index("\ntrainer:")] + "\n"
    (tmp_path / "ui.xx.yaml").write_text(without.replace("language: en", "language: xx"))
    real = bundled.strings_file
    monkeypatch.setattr(
        bundled,
        "strings_file",
        lambda language: tmp_path / "ui.xx.yaml" if language == "xx" else real(language),
    )
    assert load_strings("xx").language == "xx"
    assert load_strings("xx").trainer is None
    assert load_trainer_strings("xx") == load_strings("en").trainer


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_handout_shows_each_paths_own_words(language: str) -> None:
    """Issue 21: a trainer saw only the street wording; the prescribed path's own band advice,
    and which flags have their own words on it, are shown too."""
    path = bundled.bank_file("ketamine", language)
    assert path is not None
    bank = load_bank(path).bank
    code, out, _ = invoke("explain", "--plain", "--lang", language)
    assert code == 0
    said = " ".join(out.split())
    paths = [p for band in bank.scoring.bands for p in band.advice_on_path]
    assert paths
    for band_path in paths:
        assert " ".join(band_path.advice.split()) in said
    own_words = load_trainer_strings(language).flag_on_path.split("{")[0].strip()
    flags_with_paths = [flag for flag in bank.flags if flag.on_path]
    assert said.count(own_words) == len(flags_with_paths) > 0
