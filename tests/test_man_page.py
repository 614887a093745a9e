"""screener(1): built from the same help the command shows, with every option of every command."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
import typer
from typer.core import TyperArgument

from screener.cli import app

BUILDER = Path(__file__).resolve().parents[1] / "packaging" / "build_man_page.py"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_man_page", BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_man_page_is_built_from_todays_help() -> None:
    """Stale after a change to an option or its help: run packaging/build_man_page.py."""
    builder = _builder()
    assert builder.PAGE.read_text(encoding="utf-8") == builder.page_text()


def _every_option() -> list[tuple[str, str]]:
    group = typer.main.get_command(app)
    found = [("", name) for param in group.params for name in param.opts]
    for command_name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            if not isinstance(param, TyperArgument):
                found.extend((command_name, name) for name in [*param.opts, *param.secondary_opts])
    return found


@pytest.mark.parametrize(("command", "option"), _every_option())
def test_the_man_page_has_every_option_of_every_command(command: str, option: str) -> None:
    page = _builder().PAGE.read_text(encoding="utf-8")

    def roff(text: str) -> str:
        return text.replace("-", "\\-")

    section = page.split(f'.SS "screener {roff(command)} ')[1].split(".SS")[0] if command else page
    assert roff(option) in section


@pytest.mark.skipif(shutil.which("man") is None, reason="no man(1) here")
def test_man_reads_the_page_without_a_warning() -> None:
    shown = subprocess.run(
        ["man", "--warnings", "-l", str(_builder().PAGE)],
        capture_output=True,
        text=True,
        check=False,
        env={"MANWIDTH": "80", "PATH": "/usr/bin:/bin"},
    )
    assert shown.returncode == 0 and shown.stderr == "", shown.stderr
    for heading in ("EXIT STATUS", "FILES", "ENVIRONMENT", "COMMANDS"):
        assert heading in shown.stdout
