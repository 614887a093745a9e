"""The layout is the architecture: imports point one way, and the rooms stay small."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "screener"

# Lower layers never import higher ones (docs/architecture.md). files/ and reports/ sit side
# by side and do not import each other.
LAYERS = {
    "models": 0,
    "errors": 0,
    "safetext": 0,
    "locales": 0,
    "rules": 1,
    "files": 2,
    "reports": 2,
    "render": 3,
    "terminal": 4,
    "commands": 5,
    "cli": 6,
    "cli_conventions": 6,
    "launch": 7,
    "__main__": 7,
}


def _room(module: str) -> str:
    """screener.rules.scoring -> rules; screener.cli -> cli; screener -> the package root."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _is_module(name: str) -> bool:
    return (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file()


def _imports() -> list[tuple[str, str, int]]:
    """(importing module, imported module, line) for every screener import, lazy ones too."""
    found: list[tuple[str, str, int]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "screener":  # from screener import __version__, or a module
                    found.extend(
                        (module, f"screener.{alias.name}", node.lineno)
                        for alias in node.names
                        if _is_module(alias.name)
                    )
                elif node.module.startswith("screener."):
                    found.append((module, node.module, node.lineno))
            elif isinstance(node, ast.Import):
                found.extend(
                    (module, alias.name, node.lineno)
                    for alias in node.names
                    if alias.name.startswith("screener")
                )
    return found


def test_imports_point_one_way() -> None:
    wrong = []
    for importer, imported, line in _imports():
        source, target = _room(importer), _room(imported)
        if "__init__" in (source, target) or source == target:
            continue  # the package root holds only the version; a room may use itself
        if LAYERS[target] > LAYERS[source] or (
            LAYERS[target] == LAYERS[source] and {source, target} == {"files", "reports"}
        ):
            wrong.append(f"{importer}:{line} imports {imported} ({source} -> {target})")
    assert wrong == []


def test_every_module_is_in_a_known_room_and_small() -> None:
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        assert _room(module) in LAYERS or path.name == "__init__.py", module
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 400, f"{module} has {lines} lines; split it by what it is for"


def test_sub_package_inits_are_empty() -> None:
    """No re-exports: importing a folder costs nothing, so start-up stays measured."""
    for init in PACKAGE.glob("*/__init__.py"):
        if init.parent.name == "render":
            continue  # the one dispatcher: the Format enum and the match that picks a format
        text = init.read_text(encoding="utf-8").strip()
        assert text == "", init


def test_the_top_level_shows_the_layers() -> None:
    entries = [p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"]
    folders = [name for name in entries if (PACKAGE / name).is_dir()]
    assert len(entries) <= 16 and len(folders) >= 4, entries


def test_no_test_module_imports_another() -> None:
    """Shared test data lives in tests/helpers.py or a conftest fixture (tests/README.md)."""
    tests = Path(__file__).resolve().parent
    offenders = []
    for path in sorted(tests.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [f"{node.module or ''}.{alias.name}" for alias in node.names]
                relative = node.level > 0
            elif isinstance(node, ast.Import):
                names, relative = [alias.name for alias in node.names], False
            else:
                continue
            parts = {part for name in names for part in name.split(".")}
            if relative or any(part.startswith("test_") or part == "conftest" for part in parts):
                offenders.append(f"{path.relative_to(tests)}: {', '.join(names)}")
    assert offenders == []


def test_a_json_replay_loads_no_rich_and_no_screens() -> None:
    """The start-up budget's command (docs/performance.md) draws nothing, so it must not pay
    for Rich or the terminal's screens: a lazy import on its path once cost it 0.17x."""
    import subprocess
    import sys

    answers = PACKAGE.parent / "benchmarks" / "answers.yaml"
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in sys.modules if m == 'rich' or "
        "m.startswith(('rich.', 'screener.terminal.trainer_screen', 'screener.render.text'))), "
        "file=sys.stderr))\n"
        f"sys.argv = ['screener', 'run', '--answers', {str(answers)!r}, '--format', 'json']\n"
        "from screener.launch import main\n"
        "main()\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stderr.strip().splitlines()[-1] == "[]"


# What only the terminal object (screener/terminal/host.py) may read: the standard streams, the
# environment and the platform. launch.py answers --version from the command line before
# anything loads (its start-up budget), and reads nothing else.
PROCESS_STATE = {
    ("sys", "stdin"),
    ("sys", "stdout"),
    ("sys", "stderr"),
    ("sys", "__stdin__"),
    ("sys", "__stdout__"),
    ("sys", "__stderr__"),
    ("sys", "argv"),
    ("sys", "platform"),
    ("sys", "builtin_module_names"),
    ("os", "environ"),
    ("os", "environb"),
    ("os", "getenv"),
    ("os", "name"),
    ("os", "get_terminal_size"),
    ("shutil", "get_terminal_size"),
    ("platform", "system"),
}
READS_THE_PROCESS = {"terminal/host.py": PROCESS_STATE, "launch.py": {("sys", "argv")}}


def _process_state_read(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            pair = (node.value.id, node.attr)
            if pair in PROCESS_STATE:
                found.append((".".join(pair), node.lineno))
        elif isinstance(node, ast.ImportFrom) and node.module in {"sys", "os", "shutil"}:
            for alias in node.names:
                if (node.module, alias.name) in PROCESS_STATE:
                    found.append((f"from {node.module} import {alias.name}", node.lineno))
    return found


def test_only_the_terminal_object_reads_the_streams_the_environment_and_the_platform() -> None:
    """One object owns the terminal (docs/architecture.md): made once in cli.py and passed
    down, so a test can hand any command the streams and environment it wants to watch."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        allowed = READS_THE_PROCESS.get(relative, set())
        for what, line in _process_state_read(path):
            if tuple(what.split(".")) not in allowed:
                offenders.append(f"screener/{relative}:{line}: {what}")
    assert offenders == []


def test_the_process_state_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The check above is not vacuous: each kind of read is found."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os, sys, shutil\nfrom os import environ\n"
        "sys.stdin.read(); sys.stdout; os.environ.get('X'); sys.platform\n"
        "shutil.get_terminal_size(); os.getenv('Y')\n",
        encoding="utf-8",
    )
    found = {what for what, _ in _process_state_read(sample)}
    assert found == {
        "from os import environ",
        "sys.stdin",
        "sys.stdout",
        "os.environ",
        "sys.platform",
        "shutil.get_terminal_size",
        "os.getenv",
    }
