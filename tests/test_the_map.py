"""docs/architecture.md is the map a newcomer follows: every file it names exists, and every
function or class it names is defined where it says."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "screener"
MAP = ROOT / "docs" / "architecture.md"

TOKEN = re.compile(r"`([^`]+)`")
FILE = re.compile(r"^[\w./-]+\.(py|md|yaml|toml)$|^[\w./-]+/$")
CALL = re.compile(
    r"^(?:(?P<path>\w+/[\w/]+)\.)?(?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)(?:\(\w*\))?$"
)


@cache
def _defined(path: Path) -> frozenset[str]:
    """Every class, function and method defined in a module, and its top-level names."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(target.id for target in targets if isinstance(target, ast.Name))
    return frozenset(names)


def _file(named: str) -> list[Path]:
    """Where a named file is: from the checkout's root, from screener/, or (a bare name in a
    layer's row) anywhere in screener/."""
    for base in (ROOT, PACKAGE):
        if (base / named).exists():
            return [base / named]
    if "/" not in named.rstrip("/"):
        return sorted(PACKAGE.rglob(named))
    return []


def _problems(text: str) -> list[str]:
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        module: list[Path] = []
        for token in TOKEN.findall(line):
            if FILE.match(token):
                module = [found for found in _file(token) if found.suffix == ".py"]
                if not _file(token):
                    problems.append(f"{number}: no file {token}")
                continue
            call = CALL.match(token)
            if call is None or not token.endswith(")"):
                continue  # words, commands and options, not a name of code
            path, name = call["path"], call["name"]
            where = [PACKAGE / f"{path}.py"] if path else module or sorted(PACKAGE.rglob("*.py"))
            parts = name.split(".")
            if not any(
                found.exists() and all(part in _defined(found) for part in parts) for found in where
            ):
                problems.append(f"{number}: {token} is not defined where the map says")
    return problems


def test_every_file_and_function_the_map_names_exists() -> None:
    assert _problems(MAP.read_text(encoding="utf-8")) == []


def test_the_map_check_finds_what_it_looks_for() -> None:
    made_up = (
        "| a | `rules/scoring.py` `score()`, `rules/nowhere.py`, `commands/screening.gone()` |\n"
        "| b | `terminal/prompt.py` `ConsoleAsker.crisis()`, `ConsoleAsker.missing()` |\n"
        "| c | `rules/contacts.py` `build_summary()`, `reports/summary.py` `build_summary()` |\n"
    )
    assert _problems(made_up) == [
        "1: no file rules/nowhere.py",
        "1: commands/screening.gone() is not defined where the map says",
        "2: ConsoleAsker.missing() is not defined where the map says",
        "3: build_summary() is not defined where the map says",
    ]


def test_the_readme_links_the_map() -> None:
    assert "docs/architecture.md" in (ROOT / "README.md").read_text(encoding="utf-8")
