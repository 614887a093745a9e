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
    "cli_running": 6,
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


def _dataclass_imports(source: str) -> list[int]:
    """Lines that import the dataclasses module or anything from it."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if (isinstance(node, ast.ImportFrom) and node.module == "dataclasses")
        or (
            isinstance(node, ast.Import)
            and any(alias.name == "dataclasses" for alias in node.names)
        )
    ]


def test_records_are_structs_not_dataclasses() -> None:
    """A dataclass writes and compiles its methods when its module loads: about 0.5 ms each
    on the benchmark machine, against 0.04 ms for a msgspec Struct. The JSON replay loaded 31
    of them, 13 ms of its start-up budget (docs/performance.md), so the package's records are
    msgspec Structs, like its models."""
    found = [
        f"screener/{path.relative_to(PACKAGE).as_posix()}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in _dataclass_imports(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_dataclass_check_finds_what_it_looks_for() -> None:
    source = (
        "import dataclasses\n"
        "from dataclasses import dataclass\n"
        "import os, dataclasses as dc\n"
        "def f():\n"
        "    from dataclasses import replace\n"
        "import msgspec\n"
    )
    assert _dataclass_imports(source) == [1, 2, 3, 5]


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
READS_THE_PROCESS = {
    "terminal/host.py": PROCESS_STATE,
    "launch.py": {("sys", "argv")},
    "commands/about.py": {
        ("platform", "system")
    },  # --version names the platform, before any terminal
}


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


# --- no test reads the clock (tests/README.md: no dates that expire) -------------------------

# What reads today's date or the time of day. A test that needs a moment makes one
# (datetime.datetime(2026, 11, 21, ...)) or derives it from the data the date comes from (a
# contacts file's `reviewed`), and hands it to the code (`today=`, `now=`, `recorded_at=`): a test
# that reads the clock passes today and fails on some later day, or only on a slow machine.
CLOCK = {
    "datetime.date.today",
    "datetime.datetime.today",
    "datetime.datetime.now",
    "datetime.datetime.utcnow",
    "time.time",
    "time.time_ns",
    "time.monotonic",
    "time.monotonic_ns",
    "time.perf_counter",
    "time.perf_counter_ns",
    "time.process_time",
    "time.clock_gettime",
    "time.clock_gettime_ns",
}
CLOCK_WITHOUT_A_TIME = {"time.localtime", "time.gmtime", "time.ctime", "time.asctime"}
"""These read the clock only when no time is given: `time.gmtime(0)` is a fixed moment."""
CLOCK_MODULES = {"datetime", "time"}


def _imported_names(tree: ast.Module) -> dict[str, str]:
    """Each local name a clock module gives, with what it names: `import datetime as dt`
    gives dt -> datetime, `from datetime import date` gives date -> datetime.date."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in CLOCK_MODULES:
                    names[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module in CLOCK_MODULES:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(node: ast.expr, names: dict[str, str]) -> str | None:
    """`datetime.date.today` as the full name it refers to, or None."""
    attributes: list[str] = []
    while isinstance(node, ast.Attribute):
        attributes.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in names:
        return None
    return ".".join([names[node.id], *reversed(attributes)])


def _clock_reads(path: Path) -> list[tuple[str, int]]:
    """Every read of the clock in a file: a call, or the function handed on as a value
    (`default_factory=datetime.now`), which reads it later."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = _imported_names(tree)
    found: list[tuple[str, int]] = []
    called = {id(node.func): node for node in ast.walk(tree) if isinstance(node, ast.Call)}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Attribute, ast.Name)) or isinstance(node.ctx, ast.Store):
            continue
        name = _dotted(node, names)
        if name in CLOCK:
            found.append((name, node.lineno))
        elif name in CLOCK_WITHOUT_A_TIME:
            call = called.get(id(node))
            if call is None or not (call.args or call.keywords):
                found.append((name, node.lineno))
    return sorted(set(found), key=lambda read: (read[1], read[0]))


def test_no_test_reads_the_clock() -> None:
    """A test hands the code the moment it needs; tests/README.md: no dates that expire."""
    tests = Path(__file__).resolve().parent
    offenders = [
        f"tests/{path.relative_to(tests).as_posix()}:{line}: {name}"
        for path in sorted(tests.rglob("*.py"))
        for name, line in _clock_reads(path)
    ]
    assert offenders == []


def test_the_clock_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The check above is not vacuous: each way of reading the clock is found, and a fixed
    moment is not."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import datetime, time\n"
        "import datetime as dt\n"
        "from datetime import date, datetime as moment\n"
        "from time import time as seconds, localtime\n"
        "datetime.date.today()\n"  # 5
        "dt.datetime.now(dt.timezone.utc)\n"  # 6
        "date.today()\n"  # 7
        "moment.today()\n"  # 8
        "moment.utcnow()\n"  # 9
        "seconds()\n"  # 10
        "time.monotonic()\n"  # 11
        "localtime()\n"  # 12
        "time.gmtime(0); localtime(86400); datetime.date(2026, 11, 21)\n"  # 13: fixed moments
        "made = dict(clock=time.perf_counter)\n"  # 14: handed on, read later
        "moment.fromisoformat('2026-11-21T10:15'); date.fromordinal(1)\n",  # 15: fixed
        encoding="utf-8",
    )
    assert _clock_reads(sample) == [
        ("datetime.date.today", 5),
        ("datetime.datetime.now", 6),
        ("datetime.date.today", 7),
        ("datetime.datetime.today", 8),
        ("datetime.datetime.utcnow", 9),
        ("time.time", 10),
        ("time.monotonic", 11),
        ("time.localtime", 12),
        ("time.perf_counter", 14),
    ]


# --- no import cycle, lazy or not ---------------------------------------------------------------


def _module_of(path: Path, package: Path) -> str:
    module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
    return module.removesuffix(".__init__")


def _import_graph(package: Path, *, typing_only: bool) -> dict[str, dict[str, int]]:
    """{importer: {imported module: line}} for every import of the package by its own modules,
    at the top or inside a function. `from screener.files import bank` imports the module
    screener.files.bank. Imports under `if TYPE_CHECKING:` run only for mypy; they count only
    when `typing_only` is true."""
    modules = {_module_of(path, package) for path in package.rglob("*.py")}
    root = package.name
    graph: dict[str, dict[str, int]] = {}
    for path in sorted(package.rglob("*.py")):
        importer = _module_of(path, package)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for_mypy = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If)
            and (ast.unparse(node.test) in {"TYPE_CHECKING", "typing.TYPE_CHECKING"})
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)) or (
                id(node) in for_mypy and not typing_only
            ):
                continue
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == root or node.module.startswith(f"{root}."):
                    for alias in node.names:
                        whole = f"{node.module}.{alias.name}"
                        targets.append(whole if whole in modules else node.module)
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names if alias.name.startswith(root)]
            for target in targets:
                if target != importer and target in modules:
                    graph.setdefault(importer, {}).setdefault(target, node.lineno)
    return graph


def _cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Each group of modules that import one another round a loop (Tarjan), as
    'a:line -> b' steps, so the message says which import to move."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in graph.get(module, {}):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group: list[str] = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return [
        sorted(
            f"{importer}:{line} -> {target}"
            for importer in group
            for target, line in graph.get(importer, {}).items()
            if target in group
        )
        for group in sorted(groups)
    ]


def test_no_import_cycle_lazy_or_not() -> None:
    """A module that imports one that imports it back works only in one order of loading, and
    a lazy import that hides the loop still ties the two into one piece. Move what both need
    into a module of its own, below both."""
    assert _cycles(_import_graph(PACKAGE, typing_only=False)) == []


def test_no_import_cycle_even_for_the_type_checker() -> None:
    """Imports under `if TYPE_CHECKING:` count too: a loop only mypy sees is still two
    modules that cannot be read apart."""
    assert _cycles(_import_graph(PACKAGE, typing_only=True)) == []


def test_the_cycle_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The checks above are not vacuous: a top-level loop, a lazy one and a loop only mypy
    sees are each found, and a package that imports its own parts is not a loop."""
    package = tmp_path / "pkg"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "inner" / "__init__.py").write_text("", encoding="utf-8")
    files = {
        "a.py": "from pkg.inner import b\n",
        "inner/b.py": "import pkg.c\n",
        "c.py": "def late():\n    from pkg import a\n",
        "d.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.e import E\n",
        "e.py": "from pkg.d import thing\n",
        "f.py": "from pkg.inner import b\n",
    }
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")
    loop = ["pkg.a:1 -> pkg.inner.b", "pkg.c:2 -> pkg.a", "pkg.inner.b:1 -> pkg.c"]
    assert _cycles(_import_graph(package, typing_only=False)) == [loop]
    assert _cycles(_import_graph(package, typing_only=True)) == [
        loop,
        ["pkg.d:3 -> pkg.e", "pkg.e:1 -> pkg.d"],
    ]


def _fhir_literals(path: Path) -> list[tuple[str, int]]:
    """String literals that spell a FHIR name: a URL of ours or HL7's, or a result linkId."""
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
            if any(name in text for name in ("screener.invalid", "hl7.org", "w3.org/1999")) or (
                text.startswith("result.") and " " not in text
            ):
                found.append((text, node.lineno))
    return found


def test_fhir_names_are_declared_once() -> None:
    """The writer (render/fhir/) and the reader (files/fhir_response.py) take every URL,
    system and linkId from models/fhir_names.py, so what one writes the other reads."""
    offenders = [
        f"screener/{path.relative_to(PACKAGE).as_posix()}:{line}: {text}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).as_posix() != "models/fhir_names.py"
        for text, line in _fhir_literals(path)
    ]
    assert offenders == []


def test_the_fhir_names_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'A = "https://screener.invalid/fhir"\nB = f"{A}/x"\nC = "result.band"\n'
        'D = "http://hl7.org/fhir/x"\n"""result.* items are ignored, in words."""\n',
        encoding="utf-8",
    )
    assert _fhir_literals(sample) == [
        ("https://screener.invalid/fhir", 1),
        ("result.band", 3),
        ("http://hl7.org/fhir/x", 4),
    ]


# What is decided in one place only: (what spells it, the one module that may).
ONE_PLACE = {
    "LEVEL_ORDER[": "rules/scoring.py",  # the flag order: most_urgent_first()
    ".term or cluster.title": "rules/scoring.py",  # a cluster's term: cluster_terms()
    '{"1": "yes", "2": "no", "3": "unsure"}': "models/base.py",  # NUMBERED
    "class Section": "reports/document.py",
    "class Entry": "reports/document.py",
    "find_unsafe_text(document.data)": "files/checked.py",  # a checked file: checked()
}


def test_each_one_place_is_one() -> None:
    found = {
        (spelled, path.relative_to(PACKAGE).as_posix())
        for path in sorted(PACKAGE.rglob("*.py"))
        for spelled in ONE_PLACE
        if spelled in path.read_text(encoding="utf-8")
    }
    assert found == set(ONE_PLACE.items())


def _unexplained_late_imports(source: str) -> list[int]:
    """Lines of imports inside a function with no comment saying why, on the line above or on
    a line of their group (consecutive imports share one comment)."""
    lines = source.splitlines()
    found: list[int] = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        imports = [
            node for node in ast.walk(function) if isinstance(node, (ast.Import, ast.ImportFrom))
        ]
        covered = {
            line
            for node in imports
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1)
        }
        for node in imports:
            first, last = node.lineno, node.end_lineno or node.lineno
            while first - 1 in covered:
                first -= 1
            while last + 1 in covered:
                last += 1
            group = lines[max(first - 2, 0) : last]  # the line above, then the imports
            if not (group[0].strip().startswith("#") or any("#" in line for line in group[1:])):
                found.append(node.lineno)
    return sorted(set(found))


def test_every_late_import_says_why() -> None:
    """An import inside a function is there for a reason (most often start-up time: ruff's
    banned-module-level-imports, docs/performance.md; else a platform's own module, or a
    cycle), and the line says it, or the import moves to the top."""
    unexplained = [
        f"screener/{path.relative_to(PACKAGE).as_posix()}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in _unexplained_late_imports(path.read_text(encoding="utf-8"))
    ]
    assert unexplained == []


def test_the_late_import_check_finds_what_it_looks_for() -> None:
    source = (
        "def a():\n"
        "    # start-up: loaded only here\n"
        "    import json\n"
        "    import os\n"
        "    x = 1\n"
        "    import re\n"
        "    y = 2\n"
        "    import sys  # windows only\n"
        "    import io\n"
        "def b():\n"
        "    from pathlib import (\n"
        "        Path,\n"
        "    )\n"
    )
    assert _unexplained_late_imports(source) == [6, 11]
