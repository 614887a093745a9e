"""Measure screener against its framework floor: interleaved runs, medians, peak memory.

    python benchmarks/run.py [--runs 21]

Budgets (PRODUCT.md): `screener run --answers F --format json` at most 1.25x the floor app;
`screener --version` at most 1.10x `python -c "import typer"`; peak memory at most 4 MiB
above the floor app. Runs alternate A B A B so that machine noise hits both sides alike.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANSWERS = HERE / "answers.yaml"
FLOOR_APP = HERE / "floor_app.py"


def screener_command() -> list[str]:
    """The installed console script beside this Python, as a person would run it."""
    script = Path(sys.executable).with_name("screener")
    if script.exists():
        return [str(script)]
    found = shutil.which("screener")
    return [found] if found else [sys.executable, "-m", "screener"]


def measure(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed ({status}): {error}")
    return elapsed, usage.ru_maxrss


def compare(name: str, ours: list[str], floor: list[str], runs: int) -> dict[str, float]:
    times: dict[str, list[float]] = {"ours": [], "floor": []}
    memory: dict[str, list[int]] = {"ours": [], "floor": []}
    for command in (ours, floor):  # warm the file cache and bytecode first
        measure(command)
    for _ in range(runs):
        for side, command in (("ours", ours), ("floor", floor)):
            seconds, kib = measure(command)
            times[side].append(seconds)
            memory[side].append(kib)
    ours_time, floor_time = statistics.median(times["ours"]), statistics.median(times["floor"])
    ours_mem, floor_mem = max(memory["ours"]), max(memory["floor"])
    print(
        f"{name}: {ours_time * 1000:.1f} ms vs floor {floor_time * 1000:.1f} ms "
        f"= {ours_time / floor_time:.3f}x; peak memory {ours_mem / 1024:.1f} MiB vs "
        f"{floor_mem / 1024:.1f} MiB (+{(ours_mem - floor_mem) / 1024:.1f} MiB)"
    )
    return {
        "ratio": ours_time / floor_time,
        "memory_mib": (ours_mem - floor_mem) / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="pairs of runs (default 21)")
    runs = parser.parse_args().runs
    print(
        f"{platform.node()}: Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"{runs} interleaved pairs, medians"
    )
    screener = screener_command()
    run = compare(
        "screener run --answers F --format json",
        [*screener, "run", "--answers", str(ANSWERS), "--format", "json"],
        [sys.executable, str(FLOOR_APP), "run", "--answers", str(ANSWERS), "--format", "json"],
        runs,
    )
    version = compare(
        "screener --version",
        [*screener, "--version"],
        [sys.executable, "-c", "import typer"],
        runs,
    )
    verdicts = [
        ("run <= 1.25x floor", run["ratio"] <= 1.25),
        ("--version <= 1.10x import typer", version["ratio"] <= 1.10),
        ("run memory <= floor + 4 MiB", run["memory_mib"] <= 4),
    ]
    for label, ok in verdicts:
        print(f"  {'met' if ok else 'MISSED'}: {label}")
    return 0 if all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
