"""Every command under a Windows-like Python (tests/winsim): no Unix-only call on any path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import GOOD

WINSIM = Path(__file__).resolve().parents[1] / "winsim"
ROOT = WINSIM.parents[1]


def screener(*arguments: str, typed: str = "") -> subprocess.CompletedProcess[str]:
    """screener in a fresh Windows-like Python, reading `typed` from a pipe."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(WINSIM), str(ROOT)]))
    environment.pop("LANG", None)  # Windows sets no LANG
    environment.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, "-m", "screener", *arguments],
        input=typed,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
        check=False,
    )


def test_the_simulation_takes_unix_away() -> None:
    probe = "import os, importlib.util as u; print(hasattr(os, 'O_NONBLOCK'))\nimport termios"
    environment = dict(os.environ, PYTHONPATH=str(WINSIM))
    ran = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, check=False
    )
    assert ran.stdout == "False\n"
    assert "No module named 'termios'" in ran.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ("banks",),
        ("validate", "questions/ketamine.en.yaml", "questions/ketamine.es.yaml"),
        ("resources", "--region", "uk"),
        ("export-fhir",),
        ("explain",),
    ],
    ids=" ".join,
)
def test_commands_that_read_files(arguments: tuple[str, ...]) -> None:
    ran = screener(*(a if not a.startswith("questions/") else str(ROOT / a) for a in arguments))
    assert (ran.returncode, ran.stderr) == (0, "")


def test_a_replay_to_every_format(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD, encoding="utf-8")
    for output_format in ("text", "json", "markdown", "fhir"):
        ran = screener("run", "--answers", str(answers), "--format", output_format)
        assert (ran.returncode, ran.stderr) == (0, ""), output_format
    saved = tmp_path / "record.md"
    ran = screener("intake", "--answers", str(answers), "-o", str(saved), "--format", "markdown")
    assert (ran.returncode, saved.is_file()) == (0, True), ran.stderr


def test_a_whole_typed_self_check_reaches_the_summary() -> None:
    typed = "\nyes\nno\n" + "3\n" + "no\n" * 18 + "4\n" + "no\n" * 10  # scales: 3, 4
    ran = screener("run", "--region", "uk", "--lang", "en", typed=typed)
    assert ran.returncode == 0, ran.stderr
    assert "This is a self-check, not a diagnosis." in ran.stdout
    assert "Your answers were not saved or sent anywhere." in ran.stdout


def record_under(
    encoding: str, tmp_path: Path, *arguments: str
) -> subprocess.CompletedProcess[bytes]:
    """A record redirected from a Python whose standard output uses `encoding`, as Windows'
    ANSI code page (cp1252 in Western Europe, cp1251 for Cyrillic) does."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "screener", *arguments, "--answers", str(answers)],
        capture_output=True,
        env=dict(os.environ, PYTHONIOENCODING=encoding, PYTHONPATH=str(ROOT)),
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("encoding", "arguments"),
    [
        ("cp1252", ("run", "--lang", "es", "--format", "json")),
        ("cp1251", ("run", "--lang", "es", "--format", "json")),
        ("cp1251", ("run", "--lang", "es", "--format", "markdown")),
        ("ascii", ("run", "--lang", "es", "--format", "fhir")),
        ("cp1252", ("intake", "--lang", "es", "--format", "json")),
    ],
    ids=lambda value: value if isinstance(value, str) else " ".join(value),
)
def test_a_redirected_record_is_utf8_whatever_the_code_page(
    tmp_path: Path, encoding: str, arguments: tuple[str, ...]
) -> None:
    ran = record_under(encoding, tmp_path, *arguments)
    assert ran.returncode == 0, ran.stderr.decode(errors="replace")
    text = ran.stdout.decode("utf-8")  # strict: the bytes are UTF-8
    assert "ñ" in text or "í" in text or "á" in text
