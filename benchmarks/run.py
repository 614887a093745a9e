"""Measure screener against its framework floor: interleaved runs, medians, peak memory.

    python benchmarks/run.py [--runs 21]

Budgets (PRODUCT.md): `screener run --answers F --format json` at most 1.25x the floor app;
`screener --version` at most 1.10x `python -c "import typer"`; peak memory at most 4 MiB
above the floor app. Runs alternate A B A B so that machine noise hits both sides alike.

Reported beside them, with no budget of its own: how long a person waits for the first screen
(the welcome, up to its "Press Enter to begin") in a pseudo-terminal, against the floor app
printing in one. POSIX only (the pty module).
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


FIRST_SCREEN_ENDS = b"Press Enter to begin"
"""The last line of the welcome in English (questions/ui.en.yaml `begin`): the first screen is
drawn when it arrives. The region is given by the locale, so no region question comes first."""


def until_output(command: list[str], marker: bytes) -> float:
    """Wall seconds from starting `command` in a pseudo-terminal until `marker` is printed."""
    import pty  # POSIX only; main() skips this measurement elsewhere
    import select
    import signal

    environ = {**os.environ, "LANG": "en_GB.UTF-8", "TERM": "xterm-256color"}
    environ.update(COLUMNS="100", LINES="30")
    start = time.perf_counter()
    pid, descriptor = pty.fork()
    if pid == 0:  # the child: the command, on the pseudo-terminal
        os.execvpe(command[0], command, environ)
    seen = b""
    try:
        while marker not in seen:
            ready, _, _ = select.select([descriptor], [], [], 30)
            if not ready:
                raise SystemExit(f"{' '.join(command)} printed no {marker!r} in 30 s: {seen!r}")
            seen += os.read(descriptor, 65536)
        return time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(descriptor)


def first_screen(screener: list[str], runs: int) -> None:
    """Print the median wait for a person's first screen, rich and plain, against the floor."""
    floor = [sys.executable, str(FLOOR_APP), "run"]
    sides = {"rich": screener, "plain": [*screener, "--plain"], "floor": floor}
    markers = {"rich": FIRST_SCREEN_ENDS, "plain": FIRST_SCREEN_ENDS, "floor": b"{}"}
    times: dict[str, list[float]] = {side: [] for side in sides}
    for _ in range(runs):
        for side, command in sides.items():
            times[side].append(until_output(command, markers[side]))
    medians = {side: statistics.median(values) * 1000 for side, values in times.items()}
    print(
        f"first screen in a pseudo-terminal (reported, no budget): {medians['rich']:.1f} ms, "
        f"plain {medians['plain']:.1f} ms, vs the floor app printing {medians['floor']:.1f} ms "
        f"= {medians['rich'] / medians['floor']:.3f}x"
    )


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
    if os.name == "posix":
        first_screen(screener, runs)
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
