"""Safety properties that cut across modules; SAFETY.md names these tests as its guards."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screener.cli import app
from screener.models.bank import LoadedBank
from screener.models.base import Answer
from screener.rules.scoring import asked_items

ROOT = Path(__file__).resolve().parents[2]


def test_the_self_harm_question_is_asked_on_every_path(ketamine: LoadedBank) -> None:
    """Whatever the gate answers, the crisis question is still asked."""
    bank = ketamine.bank
    gates = [item for item in bank.items if item.kind == "gate"]
    choices: tuple[Answer, ...] = ("yes", "no", "unsure")
    for combination in itertools.product(choices, repeat=len(gates)):
        answers: dict[str, Answer] = {g.id: a for g, a in zip(gates, combination, strict=True)}
        asked = [item.id for item in asked_items(bank, answers)]
        assert "self_harm_thoughts" in asked, answers


def test_a_screening_writes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --output, a whole screening leaves the working and home folders as they were."""
    home = tmp_path / "home"
    work = tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.chdir(work)
    environment = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "LANG": "en_GB"}
    # how often: d (daily); how the person feels: s (wants to stop)
    keys = "\n" + "y\nn\n" + "d\n" + "y\n" * 10 + "y\n" * 8 + "s\n" + "y\ny\n"
    result = CliRunner().invoke(app, ["run"], input=keys, env=environment)
    assert result.exit_code == 0, result.output
    assert list(home.iterdir()) == [] and list(work.iterdir()) == []


def test_tracebacks_never_show_local_variables() -> None:
    """An unexpected crash must not print a person's answers from the stack frames."""
    assert app.pretty_exceptions_enable is False


def test_every_test_named_in_the_hazard_log_exists() -> None:
    log = (ROOT / "SAFETY.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(tests/(?:\w+/)?test_\w+\.py)::(test_\w+)`", log))
    assert len(named) >= 20
    for file, test in sorted(named):
        source = (ROOT / file).read_text(encoding="utf-8")
        assert f"def {test}(" in source, f"SAFETY.md names {file}::{test}, which does not exist"
