"""Text from a bank is shown as text, end to end: markup stays literal, escapes never get out.

Two defences, each tested through the CLI: the validator refuses a bank holding a control
character, and, should one get past it, every renderer replaces it with U+FFFD (printable()).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from screener.cli import app
from screener.safetext import first_unsafe_character
from tests.helpers import DATA

runner = CliRunner()
MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
# Enter at the intro; help, then used yes; first yes, second no, mood yes (a crisis), carry on.
WALK = "\n" + "?\n" + "y\n" + "y\n" + "n\n" + "y\n" + "y\n"
ANSWERS = "bank: mini\nanswers: {used: yes, first: yes, second: no, mood: yes}\n"
SGR = re.compile(r"\x1b\[[0-9;]*m")  # colour and bold: what Rich itself may write

# Where each trick goes in the minimal bank: (the line in minimal.yaml, its key).
PLACES = [
    ("title: Mini bank", "title"),
    ("  - An introduction.", "  -"),
    ("    text: Used?", "    text"),
    ("    help: Any use.", "    help"),
    ("    advice: Get help.", "    advice"),
    ("    text: Talk to someone.", "    text"),
    ("disclaimer: Not a diagnosis.", "disclaimer"),
]
MARKUP = [
    "[red]Mini[/red] bank",
    "An [blink]introduction[/blink].",
    "Used [link=https://example.org]ketamine[/link]?",
    "[bold]Any use.",
    "Get help [/]now.",
    "Talk to [italic]someone[/italic] :smile:.",
    "Not a [u]diagnosis[/u]. [[escaped]]",
]
CONTROLS = [
    "Mini\x1b[2J\x1b[H bank",  # clear the screen
    "An \x1b]52;c;cm0gLXJmIH4=\x07introduction.",  # OSC 52: write to the clipboard
    "Used\x07?",  # bell
    "Any use.\rAll good, nothing to see",  # carriage return: overwrite the line
    "Get \x1b]8;;https://example.org\x1b\\help\x1b]8;;\x1b\\.",  # OSC 8 hyperlink
    "Talk to \u202eenoemos.",  # right-to-left override
    "Not a diagnosis.\x9b31m",  # C1 control sequence introducer
]


def bank_with(texts: list[str]) -> str:
    """The minimal bank with each of its seven places holding one text, double-quoted."""
    text = MINIMAL
    for (line, key), value in zip(PLACES, texts, strict=True):
        assert line in text, line
        quoted = json.dumps(value)  # JSON strings are YAML double-quoted strings
        text = text.replace(line, f"{key}{'' if key.endswith('-') else ':'} {quoted}", 1)
    return text


def run(*args: str, input: str | None = None, color: bool = False) -> Result:
    env = {"LANG": "en_GB.UTF-8", "COLUMNS": "200", "TERM": "xterm-256color"}
    if color:
        env["FORCE_COLOR"] = "1"
    return runner.invoke(app, list(args), input=input, env=env)


def flat(text: str) -> str:
    return " ".join(SGR.sub("", text).split())


# --- markup ------------------------------------------------------------------------------


@pytest.mark.parametrize("color", [False, True], ids=["plain", "rich"])
def test_markup_in_a_bank_is_shown_literally(tmp_path: Path, color: bool) -> None:
    bank = tmp_path / "markup.yaml"
    bank.write_text(bank_with(MARKUP))
    result = run("run", "--bank", str(bank), input=WALK, color=color)
    assert result.exit_code == 0, result.output
    shown = flat(result.output)
    for text in MARKUP:
        assert " ".join(text.split()) in shown, text
    assert ("\x1b[" in result.output) is color  # FORCE_COLOR gives colour, as asked


@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
def test_markup_is_literal_in_every_format(tmp_path: Path, output_format: str) -> None:
    bank = tmp_path / "markup.yaml"
    bank.write_text(bank_with(MARKUP))
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS)
    result = run("run", "--bank", str(bank), "--answers", str(answers), "-f", output_format)
    assert result.exit_code == 0, result.output
    shown = result.stdout if output_format == "json" else flat(result.stdout.replace("\\", ""))
    for text in (MARKUP[4], MARKUP[6]):  # the flag's advice and the disclaimer
        expected = json.dumps(text) if output_format == "json" else " ".join(text.split())
        assert expected in shown, text


# --- control sequences: the validator refuses ---------------------------------------------


@pytest.mark.parametrize("index", range(len(CONTROLS)))
def test_the_validator_refuses_each_control_sequence(tmp_path: Path, index: int) -> None:
    texts = list(MARKUP)
    texts[index] = CONTROLS[index]
    bank = tmp_path / "trick.yaml"
    bank.write_text(bank_with(texts))
    result = run("validate", str(bank))
    assert result.exit_code == 1
    bad = first_unsafe_character(CONTROLS[index])
    assert bad is not None
    assert result.stdout.endswith(f": contains the control character U+{ord(bad):04X}; remove it\n")
    assert first_unsafe_character(result.stdout) is None
    ran = run("run", "--bank", str(bank), input=WALK)
    assert (ran.exit_code, ran.stdout) == (1, "")
    assert first_unsafe_character(ran.stderr) is None


# --- control sequences: the renderers defend, should one get past the validator -----------


@pytest.fixture
def validator_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let unsafe text through loading, to test what the renderers do with it alone."""
    monkeypatch.setattr("screener.files.checked.find_unsafe_text", lambda data: [])


def nothing_raw(text: str) -> None:
    """No control character but Rich's own colour codes; and the tricks show as U+FFFD."""
    assert first_unsafe_character(SGR.sub("", text)) is None, repr(text)


@pytest.mark.usefixtures("validator_off")
@pytest.mark.parametrize("color", [False, True], ids=["plain", "rich"])
def test_a_screening_never_shows_a_control_sequence(tmp_path: Path, color: bool) -> None:
    bank = tmp_path / "trick.yaml"
    bank.write_text(bank_with(CONTROLS))
    result = run("run", "--bank", str(bank), input=WALK, color=color)
    assert result.exit_code == 0, result.output
    nothing_raw(result.output)
    shown = flat(result.output)
    for defused in ("Mini\ufffd[2J\ufffd[H bank", "\ufffd]52;c;cm0gLXJmIH4=\ufffdintroduction"):
        assert defused in shown
    assert "Used\ufffd?" in shown and "Any use.\ufffdAll good" in shown


@pytest.mark.usefixtures("validator_off")
@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
def test_no_format_writes_a_control_sequence(tmp_path: Path, output_format: str) -> None:
    bank = tmp_path / "trick.yaml"
    bank.write_text(bank_with(CONTROLS))
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS)
    target = tmp_path / "result.out"
    args = ["run", "--bank", str(bank), "--answers", str(answers), "-f", output_format]
    to_stdout = run(*args)
    assert to_stdout.exit_code == 0, to_stdout.output
    nothing_raw(to_stdout.stdout)
    to_file = run(*args, "-o", str(target))
    assert to_file.exit_code == 0, to_file.output
    nothing_raw(target.read_text(encoding="utf-8"))


def test_a_file_name_with_an_escape_is_reported_safely(tmp_path: Path) -> None:
    bank = tmp_path / "bank\x1b]52;c;aGk=\x07\n.yaml"
    result = run("run", "--bank", str(bank))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path}/bank\ufffd]52;c;aGk=\ufffd\\n.yaml: no such file\n"
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "bank: ketamine\nanswers: {used_past_year: no, "
        + ", ".join(
            f"{item}: no"
            for item in (
                "bladder_symptoms",
                "blood_in_urine",
                "stomach_pain",
                "low_mood",
                "memory",
                "dissociation",
                "self_harm_thoughts",
            )
        )
        + "}\n"
    )
    saved = run("run", "--answers", str(answers), "-o", str(tmp_path / "r\x1b[2J.txt"))
    assert saved.exit_code == 0, saved.output
    assert saved.stderr == f"Saved to {tmp_path}/r\ufffd[2J.txt\n"
