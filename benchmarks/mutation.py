"""Mutation score of the modules that decide what a person is told, one module at a time.

    python benchmarks/mutation.py [MODULE ...] [--keep]

Each module listed under [tool.screener.mutation] in pyproject.toml runs in its own copy of the
checkout (.mutation/<module>/) with mutmut 3, against only the tests listed for it, under the
deterministic Hypothesis profile "mutation". Prints killed/total and the survivors per module.
Slow (minutes per module on 2 cores): not part of .ci/run. See docs/testing.md.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
COPIED = ("screener", "questions", "tests", "benchmarks", "docs")  # tests read answers.yaml, docs
COPIED_FILES = ("README.md",)  # the endings tests check the README's exit codes
KILLED = {1, 3, 24, -24, 152, 255, 36}
"""mutmut's exit codes for a failing test run or a timeout (SIGXCPU): the mutant was caught."""
SKIPPED = {34}


def modules() -> dict[str, list[str]]:
    # tomllib is Python 3.11+, as mutmut 3 is; the package itself supports 3.10.
    tomllib = importlib.import_module("tomllib")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    table: dict[str, list[str]] = config["tool"]["screener"]["mutation"]
    return table


def toml_list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(value) for value in values) + "]"


def copy_checkout(work: Path, files: tuple[str, ...] = COPIED_FILES) -> None:
    """A fresh copy in `work` of what the tests need: the package, data, tests and docs, and
    the top-level `files`."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for name in COPIED:
        shutil.copytree(ROOT / name, work / name, ignore=ignore)
    for name in files:
        shutil.copy2(ROOT / name, work / name)


def prepare(module: str, tests: list[str]) -> Path:
    """A fresh copy of the checkout whose [tool.mutmut] names this module and its tests."""
    work = WORK / Path(module).with_suffix("").as_posix().replace("/", ".")
    copy_checkout(work)
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    # mutmut copies only also_copy into its mutants/ folder, where the tests run.
    also = [*COPIED[1:], *COPIED_FILES]
    text = re.sub(r"^also_copy = .*$", f"also_copy = {toml_list(also)}", text, count=1, flags=re.M)
    # One order and one seed for every mutant: pytest-randomly, if installed, would shuffle them.
    text = re.sub(
        r"^(pytest_add_cli_args = \[.*)\]$", r'\1, "-p", "no:randomly"]', text, count=1, flags=re.M
    )
    extra = (
        f"only_mutate = {toml_list([module])}\n"
        f"pytest_add_cli_args_test_selection = {toml_list(tests)}\n"
    )
    (work / "pyproject.toml").write_text(
        text.replace("[tool.mutmut]\n", "[tool.mutmut]\n" + extra, 1), encoding="utf-8"
    )
    return work


def run(work: Path) -> int:
    mutmut = Path(sys.executable).with_name("mutmut")
    environ = {**os.environ, "SCREENER_HYPOTHESIS_PROFILE": "mutation"}
    command = ["nice", "-n", "19", str(mutmut), "run", "--max-children", "1"]
    with (work / "mutmut.log").open("w") as log:
        return subprocess.run(command, cwd=work, env=environ, stdout=log, stderr=log).returncode


def results(work: Path, module: str) -> tuple[int, int, list[tuple[str, int | None]]]:
    """(caught, counted, survivors): skipped mutants are not counted; no-test ones survive."""
    meta = json.loads((work / "mutants" / f"{module}.meta").read_text(encoding="utf-8"))
    codes: dict[str, int | None] = meta["exit_code_by_key"]
    counted = {name: code for name, code in codes.items() if code not in SKIPPED}
    caught = sum(1 for code in counted.values() if code in KILLED)
    survivors = sorted((name, code) for name, code in counted.items() if code not in KILLED)
    return caught, len(counted), survivors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="paths as listed in pyproject.toml (all)")
    parser.add_argument("--keep", action="store_true", help="keep .mutation/ for `mutmut show`")
    args = parser.parse_args()
    table = modules()
    chosen = args.modules or list(table)
    unknown = [module for module in chosen if module not in table]
    if unknown:
        parser.error(f"not listed under [tool.screener.mutation]: {', '.join(unknown)}")
    scores = []
    for module in chosen:
        work = prepare(module, table[module])
        code = run(work)
        if code != 0:
            print(f"{module}: mutmut failed ({code}); see {work / 'mutmut.log'}")
            return 1
        caught, counted, survivors = results(work, module)
        percent = 100 * caught / counted if counted else 100.0
        scores.append((module, caught, counted, percent))
        print(f"{module}: {caught}/{counted} caught ({percent:.1f}%)", flush=True)
        for name, exit_code in survivors:
            print(f"    survived: {name} (exit {exit_code})")
        if not args.keep:
            shutil.rmtree(work)
    print()
    for module, caught, counted, percent in scores:
        print(f"{percent:5.1f}%  {caught:4d}/{counted:<4d}  {module}")
    return 0 if all(percent >= 95 for *_, percent in scores) else 2


if __name__ == "__main__":
    raise SystemExit(main())
