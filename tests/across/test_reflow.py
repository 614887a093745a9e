"""Reflow: lines of a readable length on a wide terminal, tables that turn into lists where
they do not fit, and what a person reads at 28, 40 and 80 columns as golden files.

The Northern Ireland textphone, written digit by digit in plain mode, is 34 columns wide: at
28 it breaks between its digit groups, never inside one (tests/render/test_keep_whole.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screener.cli import app
from screener.terminal.host import READABLE_WIDTH
from tests.helpers import SCREENER, Session, terminal_env

runner = CliRunner()
ENV = {"LANG": "en_GB.UTF-8", "COLUMNS": "250"}
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# begin, used ketamine, not prescribed, then no to every other question asked
A_WHOLE_RUN = "\n" + "y\n" + "n\n" * 20

WIDE = [
    (["run", "--region", "uk", "--plain"], {}, A_WHOLE_RUN),
    (["run", "--region", "uk"], {"FORCE_COLOR": "1"}, A_WHOLE_RUN),
    (["explain"], {}, ""),
    (["explain"], {"FORCE_COLOR": "1"}, ""),
    (["demo", "jordan", "--pace", "0"], {"FORCE_COLOR": "1"}, "q\n"),
]


@pytest.mark.parametrize(("args", "env", "typed"), WIDE, ids=lambda value: repr(value)[:40])
def test_lines_stay_readable_on_a_very_wide_terminal(
    args: list[str], env: dict[str, str], typed: str
) -> None:
    """At 250 columns the summary, questions and explanations ran 220 characters a line:
    they wrap at about 100, as --projector's did, whatever the mode."""
    result = runner.invoke(app, args, env={**ENV, **env}, input=typed)
    assert result.exit_code == 0, result.output
    lengths = [len(line) for line in ANSI.sub("", result.stdout).splitlines()]
    assert max(lengths) <= READABLE_WIDTH
    assert max(lengths) > READABLE_WIDTH - 15  # the width is used up to the limit


@pytest.mark.skipif(not SCREENER.exists(), reason="no installed screener console script")
@pytest.mark.parametrize("plain", [False, True])
def test_the_contacts_stay_readable_on_a_very_wide_terminal(tmp_path: Path, plain: bool) -> None:
    """`resources` wraps its own lines on a terminal (into a pipe a field stays one line)."""
    pytest.importorskip("pexpect", reason="pexpect is a test dependency")
    args = ["resources", "--region", "uk", *(["--plain"] if plain else [])]
    session = Session(args, terminal_env(tmp_path), columns=250)
    assert session.end() == 0
    lines = ANSI.sub("", session.text).splitlines()
    lengths = [len(line) for line in lines if len(line.split()) > 1]  # an address stays whole
    assert READABLE_WIDTH - 15 < max(lengths) <= READABLE_WIDTH
